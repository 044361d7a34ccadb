"""Lectura de expedientes desde archivos (JSON; Excel en `entrada.excel`)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from formatos.entrada.json import leer_json
from formatos.errores import Problema
from formatos.modelos.expediente import Carga


def cargar(ruta: str | Path) -> Carga:
    """Lee y valida un expediente. Nunca lanza por datos malos: los problemas van en `Carga.problemas`."""
    ruta = Path(ruta)
    if not ruta.exists():
        return Carga(None, [Problema((), f"no existe el archivo {ruta}")])
    if ruta.suffix.lower() in (".docx", ".dotx", ".doc"):
        return Carga(None, [Problema((), _documento_word(ruta))])
    if ruta.suffix.lower() == ".json":
        return leer_json(ruta)
    return Carga(None, [Problema((), f"{ruta.name}: formato de archivo no reconocido (use .json)")])


def _documento_word(ruta: Path) -> str:
    """El mensaje para un documento de Word dado como datos: plantilla o documento ya generado."""
    try:
        with zipfile.ZipFile(ruta) as z:
            plantilla = "{{" in z.read("word/document.xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError):
        plantilla = False
    if plantilla:
        return (f"{ruta.name} es una plantilla, no un expediente: los datos van en un archivo .json y las "
                "plantillas propias se indican con --plantillas CARPETA")
    return f"{ruta.name} es un documento de Word, no un expediente: los datos van en un archivo .json"
