"""Lectura de expedientes desde archivos: JSON o el libro de Excel de `formatos captura`."""

from __future__ import annotations

import zipfile
from pathlib import Path

from formatos.entrada.imagenes import relativas
from formatos.entrada.json import a_json, leer_json
from formatos.errores import Problema, motivo_os
from formatos.modelos.expediente import Carga, Expediente
from formatos.zip_seguro import LIBRO, ZipRechazado, revisar_zip

__all__ = ["LECTORES", "a_excel", "a_json", "cargar"]


def leer_excel(ruta: Path) -> Carga:
    """Ver `formatos.entrada.excel`: openpyxl (que trae numpy, ~20 MB) se importa solo al leer un libro."""
    from formatos.entrada.excel import leer_excel

    return leer_excel(ruta)


LECTORES = {".json": leer_json, ".xlsx": leer_excel, ".xlsm": leer_excel}


def cargar(ruta: str | Path) -> Carga:
    """Lee y valida un expediente. Nunca lanza por datos malos: los problemas van en `Carga.problemas`."""
    ruta = Path(ruta)
    try:
        ruta.stat()
    except FileNotFoundError:
        return Carga(None, [Problema((), f"no existe el archivo {ruta}")])
    except OSError as e:  # un enlace que se apunta a sí mismo, sin permiso…
        return Carga(None, [Problema((), f"{ruta}: {motivo_os(e)}")])
    if ruta.is_dir():
        return Carga(None, [Problema((), f"{ruta} es una carpeta: indique el archivo del expediente (.json o .xlsx)")])
    if ruta.suffix.lower() in (".docx", ".dotx", ".doc"):
        return Carga(None, [Problema((), _documento_word(ruta))])
    lector = LECTORES.get(ruta.suffix.lower())
    if lector is None:
        return Carga(None, [Problema((), f"{ruta.name}: formato de archivo no reconocido (use .json o .xlsx)")])
    try:
        return lector(ruta)
    except OSError as e:  # sin permiso de lectura, un disco que falla…
        return Carga(None, [Problema((), f"{ruta.name}: no se puede leer: {motivo_os(e)}")])


def a_excel(expediente: Expediente | None = None, ugel: str | None = None, anio: int | None = None, *,
            carpeta: Path | None = None) -> bytes:
    """El libro de captura: lleno con el expediente, o en blanco con la UGEL y el año.

    `carpeta`: donde se guardará el libro; las rutas de las imágenes se escriben desde ella (ver `a_json`)."""
    from formatos.entrada.captura import libro  # openpyxl, solo si se pide un libro

    return libro(relativas(expediente, carpeta) if expediente is not None else None, ugel, anio)


def _documento_word(ruta: Path) -> str:
    """El mensaje para un documento de Word dado como datos: plantilla o documento ya generado."""
    try:
        revisar_zip(ruta, LIBRO)
        with zipfile.ZipFile(ruta) as z:
            plantilla = "{{" in z.read("word/document.xml").decode("utf-8", "replace")
    except (ZipRechazado, zipfile.BadZipFile, KeyError, OSError):
        plantilla = False
    if plantilla:
        return (f"{ruta.name} es una plantilla, no un expediente: los datos van en un archivo .json o .xlsx y las "
                "plantillas propias se indican con --plantillas CARPETA")
    return f"{ruta.name} es un documento de Word, no un expediente: los datos van en un archivo .json o .xlsx"
