"""Informe trimestral de la UGEL (manual 2.2.2.5): consolida a todos los AP y agrega lo administrativo."""

from __future__ import annotations

from formatos.documentos import Formato
from formatos.documentos.informe_periodo import InformeUGEL, documentos_ugel, trimestres_de

FORMATO = Formato(
    identificador="informe-trimestral-ugel",
    titulo="Informe trimestral del acompañamiento pedagógico (UGEL)",
    plantilla="informe-trimestral-ugel.docx",
    esquema=InformeUGEL,
    documentos=lambda exp: documentos_ugel(exp, "informe-trimestral-ugel", "Informe trimestral del acompañamiento pedagógico",
                                           trimestres_de(exp)),
    descripcion="Por trimestre: metas de la UGEL y por AP, niveles y tendencia por desempeño, directores, sucesos, "
                "buenas prácticas, aspectos administrativos y logísticos; firma el jefe de AGP.",
)
