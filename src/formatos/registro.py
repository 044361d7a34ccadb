"""El registro de formatos: agregar un formato es agregar su módulo a esta lista."""

from __future__ import annotations

from formatos.documentos import consolidado_protocolo, consolidado_valoraciones  # consolidados
from formatos.documentos import Formato, matriz_directivo, matriz_docente

FORMATOS: dict[str, Formato] = {
    f.identificador: f
    for f in (
        matriz_docente.FORMATO,
        matriz_directivo.FORMATO,
        # planes

        # informes

        # consolidados
        consolidado_valoraciones.FORMATO,
        consolidado_protocolo.FORMATO,

    )
}
