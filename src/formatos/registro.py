"""El registro de formatos: agregar un formato es agregar su módulo a su grupo (o a un grupo nuevo).

Los grupos son los del README y los que ve la página web; `FORMATOS` los lista en el mismo orden.
"""

from __future__ import annotations

from formatos.documentos import consolidado_protocolo, consolidado_valoraciones  # consolidados
from formatos.documentos import Formato, matriz_directivo, matriz_docente
from formatos.documentos import (  # informes
    informe_diagnostico_ap, informe_diagnostico_ugel, informe_final_ap, informe_final_ugel, informe_mensual,
    informe_taller, informe_trimestral_ap, informe_trimestral_ugel, reporte_buenas_practicas, reporte_buenas_practicas_ie,
)
from formatos.documentos import plan_anual_ap, plan_anual_ugel, plan_individual, plan_institucional, plan_mensual

GRUPOS: dict[str, tuple[Formato, ...]] = {
    "Matrices de valoración": (
        matriz_docente.FORMATO,
        matriz_directivo.FORMATO,
    ),
    "Planes": (
        plan_individual.FORMATO,
        plan_institucional.FORMATO,
        plan_anual_ugel.FORMATO,
        plan_anual_ap.FORMATO,
        plan_mensual.FORMATO,
    ),
    "Informes": (
        informe_diagnostico_ap.FORMATO,
        informe_diagnostico_ugel.FORMATO,
        informe_mensual.FORMATO,
        informe_trimestral_ap.FORMATO,
        informe_trimestral_ugel.FORMATO,
        informe_final_ap.FORMATO,
        informe_final_ugel.FORMATO,
        reporte_buenas_practicas.FORMATO,
        reporte_buenas_practicas_ie.FORMATO,
        informe_taller.FORMATO,
    ),
    "Consolidados (Excel)": (
        consolidado_valoraciones.FORMATO,
        consolidado_protocolo.FORMATO,
    ),
}

FORMATOS: dict[str, Formato] = {f.identificador: f for grupo in GRUPOS.values() for f in grupo}
