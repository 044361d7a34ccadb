"""Informe trimestral del AP (manual 2.2.2.5): el mensual del mes de corte más la comparación inicio–término."""

from __future__ import annotations

from formatos.documentos import Formato
from formatos.documentos.informe_periodo import InformeAP, documentos_ap, trimestres_de

FORMATO = Formato(
    identificador="informe-trimestral-ap",
    titulo="Informe trimestral del acompañamiento pedagógico (AP)",
    plantilla="informe-trimestral-ap.docx",
    esquema=InformeAP,
    documentos=lambda exp: documentos_ap(exp, "informe-trimestral-ap", "Informe trimestral del acompañamiento pedagógico",
                                         trimestres_de(exp), comparar=True),
    descripcion="Por AP y trimestre: niveles al inicio y al término por docente y desempeño, tendencia, metas y "
                "avance del protocolo, sucesos, buenas prácticas y reajustes para el trimestre siguiente.",
)
