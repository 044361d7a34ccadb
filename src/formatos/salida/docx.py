"""Render de plantillas Word con docxtpl en un entorno Jinja aislado (sandbox) y salida determinista."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.parsers import expat

from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from formatos.errores import ErrorFormatos
from formatos.salida.filtros import FILTROS
from formatos.salida.graficos import dibujar, es_grafico
from formatos.salida.mensajes import mensaje_jinja
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


class _PlantillaEstricta(DocxTemplate):
    """docxtpl repara en silencio (recover=True) un cuerpo que quedó con XML roto: aquí es un error."""

    def fix_tables(self, xml):
        try:
            etree.fromstring(xml)
        except etree.XMLSyntaxError as e:
            raise ErrorFormatos(f"el cuerpo del documento no es XML válido tras llenar la plantilla ({e}); "
                                "revise la plantilla con `formatos plantilla verificar`") from e
        return super().fix_tables(xml)


def con_imagenes(valor, doc: DocxTemplate):
    """Cambia cada gráfico del contexto (ver `graficos`) por su imagen en el documento."""
    if es_grafico(valor):
        return InlineImage(doc, io.BytesIO(dibujar(valor)), width=Cm(valor.get("ancho_cm", 16)))
    if isinstance(valor, dict):
        return {k: con_imagenes(v, doc) for k, v in valor.items()}
    if isinstance(valor, list):
        return [con_imagenes(v, doc) for v in valor]
    return valor


def render_docx(plantilla: Path, contexto: dict) -> bytes:
    """Renderiza una plantilla .docx con el contexto y devuelve los bytes del documento."""
    doc = _PlantillaEstricta(str(plantilla))
    try:
        doc.render(con_imagenes(contexto, doc), jinja_env=entorno(), autoescape=True)
    except TemplateError as e:
        raise ErrorFormatos(mensaje_jinja(e)) from e
    except etree.XMLSyntaxError as e:  # un encabezado o pie de página que quedó con XML roto
        raise ErrorFormatos(f"una parte del documento no es XML válido tras llenar la plantilla ({e}); "
                            "revise la plantilla con `formatos plantilla verificar`") from e
    buffer = io.BytesIO()
    doc.save(buffer)
    datos = zip_determinista(buffer.getvalue())
    comprobar_xml(datos)
    return datos
