"""Informe final del AP (manual 2.3.2): el año completo, del diagnóstico a la visita de cierre."""

from __future__ import annotations

from formatos.analisis.periodos import anual
from formatos.documentos import Formato
from formatos.documentos.informe_periodo import InformeAP, documentos_ap

FORMATO = Formato(
    identificador="informe-final-ap",
    titulo="Informe final del acompañamiento pedagógico (AP)",
    plantilla="informe-final-ap.docx",
    esquema=InformeAP,
    documentos=lambda exp: documentos_ap(exp, "informe-final-ap", "Informe final del acompañamiento pedagógico",
                                         [anual(exp.anio, exp.protocolo)], comparar=True),
    descripcion="Por AP: niveles al inicio y al término del año y tendencia por desempeño, metas del año, sucesos, "
                "buenas prácticas, lecciones aprendidas y propuestas para el año siguiente.",
)
