"""Informe mensual del AP al jefe de AGP (manual 2.2.2.5): uno por AP y mes con actividad."""

from __future__ import annotations

from formatos.documentos import Formato
from formatos.documentos.informe_periodo import InformeAP, documentos_ap, meses_de

FORMATO = Formato(
    identificador="informe-mensual",
    titulo="Informe mensual del acompañamiento pedagógico",
    plantilla="informe-mensual.docx",
    esquema=InformeAP,
    documentos=lambda exp: documentos_ap(exp, "informe-mensual", "Informe mensual del acompañamiento pedagógico",
                                         meses_de(exp), comparar=False),
    descripcion="Por AP y mes: aprendizajes por docente y director con evidencias, niveles por desempeño (tabla y "
                "gráfico), sucesos, desempeños a priorizar, metas ejecutadas frente a programadas, anexos.",
)
