"""Informe final de la UGEL (manual 2.3.2): el año de todos los AP, para la DRE y la Diser."""

from __future__ import annotations

from formatos.analisis.periodos import anual
from formatos.documentos import Formato
from formatos.documentos.informe_periodo import InformeUGEL, documentos_ugel

FORMATO = Formato(
    identificador="informe-final-ugel",
    titulo="Informe final del acompañamiento pedagógico (UGEL)",
    plantilla="informe-final-ugel.docx",
    esquema=InformeUGEL,
    documentos=lambda exp: documentos_ugel(exp, "informe-final-ugel", "Informe final del acompañamiento pedagógico",
                                           [anual(exp.anio, exp.protocolo)]),
    descripcion="Del año: metas, niveles al inicio y al término y tendencia por desempeño de todos los AP, sucesos, "
                "buenas prácticas, lecciones aprendidas y propuestas; firma el jefe de AGP.",
)
