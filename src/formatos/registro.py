"""El registro de formatos: agregar un formato es agregar su módulo a esta lista."""

from __future__ import annotations

from formatos.documentos import Formato, matriz_directivo, matriz_docente
from formatos.documentos import plan_anual_ap, plan_anual_ugel, plan_individual, plan_institucional, plan_mensual

FORMATOS: dict[str, Formato] = {
    f.identificador: f
    for f in (
        matriz_docente.FORMATO,
        matriz_directivo.FORMATO,
        # planes
        plan_individual.FORMATO,
        plan_institucional.FORMATO,
        plan_anual_ugel.FORMATO,
        plan_anual_ap.FORMATO,
        plan_mensual.FORMATO,

        # informes

        # consolidados

    )
}
