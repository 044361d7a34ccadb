"""Render de plantillas Word con docxtpl en un entorno Jinja aislado (sandbox) y salida determinista."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.parsers import expat

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from formatos.errores import ErrorFormatos
from formatos.salida.filtros import FILTROS
from formatos.salida.texto import para_word

FECHA_ZIP = (2000, 1, 1, 0, 0, 0)


def entorno() -> SandboxedEnvironment:
    """El entorno Jinja de todas las plantillas: aislado, con escape automático y variables estrictas."""
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, finalize=para_word)
    env.filters.update(FILTROS)
    return env


def zip_determinista(datos: bytes) -> bytes:
    """Reescribe un .docx/.xlsx con fechas fijas y orden estable: mismos datos, mismos bytes."""
    origen = zipfile.ZipFile(io.BytesIO(datos))
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as destino:
        for info in origen.infolist():
            nuevo = zipfile.ZipInfo(info.filename, FECHA_ZIP)
            nuevo.compress_type = zipfile.ZIP_DEFLATED
            nuevo.external_attr = 0o600 << 16
            destino.writestr(nuevo, origen.read(info.filename))
    return salida.getvalue()


PARTES_RENDERIZADAS = re.compile(r"word/(document|header\d*|footer\d*)\.xml|docProps/core\.xml")


def comprobar_xml(datos: bytes) -> None:
    """Una parte renderizada que no es XML bien formado es un error, nunca un archivo guardado."""
    with zipfile.ZipFile(io.BytesIO(datos)) as z:
        for nombre in z.namelist():
            if PARTES_RENDERIZADAS.fullmatch(nombre):
                try:
                    expat.ParserCreate().Parse(z.read(nombre), True)
                except expat.ExpatError as e:
                    raise ErrorFormatos(f"la parte {nombre} del documento no es XML válido: {e}") from e


def render_docx(plantilla: Path, contexto: dict) -> bytes:
    """Renderiza una plantilla .docx con el contexto y devuelve los bytes del documento."""
    doc = DocxTemplate(str(plantilla))
    doc.render(contexto, jinja_env=entorno(), autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    datos = zip_determinista(buffer.getvalue())
    comprobar_xml(datos)
    return datos
