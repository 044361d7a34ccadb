"""Salida: documentos renderizados a partir de una plantilla y un contexto validado."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from formatos.salida.docx import PlantillaDocx, render_docx


def render_xlsx(plantilla: Path, contexto: dict) -> bytes:
    """Ver `formatos.salida.xlsx`: openpyxl (que trae numpy, ~20 MB) se importa solo con plantillas .xlsx."""
    from formatos.salida.xlsx import render_xlsx

    return render_xlsx(plantilla, contexto)


def compilar_xlsx(plantilla: Path) -> Callable[[dict], bytes]:
    from formatos.salida.xlsx import compilar_xlsx

    return compilar_xlsx(plantilla)


RENDERIZADORES: dict[str, Callable[[Path, dict], bytes]] = {".docx": render_docx, ".xlsx": render_xlsx}
"""Cómo se renderiza cada tipo de plantilla, por extensión."""

COMPILADORES: dict[str, Callable[[Path], Callable[[dict], bytes]]] = {
    ".docx": lambda ruta: PlantillaDocx(ruta).render, ".xlsx": compilar_xlsx}
"""Los tipos de plantilla que se preparan una vez para muchos documentos (el lote los usa si existen)."""


def renderizar(plantilla: Path, contexto: dict) -> bytes:
    return RENDERIZADORES[plantilla.suffix.lower()](plantilla, contexto)


def preparar(plantilla: Path) -> Callable[[dict], bytes]:
    """El renderizador de una plantilla para muchos documentos: compilado si su tipo lo permite."""
    extension = plantilla.suffix.lower()
    if extension in COMPILADORES:
        return COMPILADORES[extension](plantilla)
    return partial(RENDERIZADORES[extension], plantilla)
