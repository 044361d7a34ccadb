"""Salida: documentos renderizados a partir de una plantilla y un contexto validado."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from formatos.salida.docx import render_docx
from formatos.salida.xlsx import render_xlsx

RENDERIZADORES: dict[str, Callable[[Path, dict], bytes]] = {".docx": render_docx, ".xlsx": render_xlsx}
"""Cómo se renderiza cada tipo de plantilla, por extensión."""


def renderizar(plantilla: Path, contexto: dict) -> bytes:
    return RENDERIZADORES[plantilla.suffix.lower()](plantilla, contexto)
