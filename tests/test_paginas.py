"""Páginas listas para imprimir: las firmas nunca quedan solas, nada pasa de los márgenes, filas que se imprimen.

Las pruebas con LibreOffice convierten en UNA sola tanda (fixture de sesión) un documento de cada formato y
variantes largas y cortas de las matrices y los planes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from formatos.salida.docx import PlantillaDocx
from formatos.salida.filas import LARGO_MAXIMO

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _plantilla_con_filas(tmp_path: Path) -> Path:
    """Una tabla con `{%tr for %}` cuya fila se conserva con el siguiente y no se divide, y un párrafo después."""
    doc = Document()
    tabla = doc.add_table(rows=4, cols=2)
    for celda, texto in zip(tabla._cells, ["Dato", "Texto", "{%tr for f in filas %}", "", "{{ f.a }}", "{{ f.b }}",
                                           "{%tr endfor %}", ""], strict=True):
        celda.text = texto
    for celda in tabla.rows[2].cells:
        celda.paragraphs[0].paragraph_format.keep_with_next = True
    from docx.oxml import OxmlElement

    tabla.rows[2]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    doc.add_paragraph("San Marcos, 1 de junio de 2026")
    ruta = tmp_path / "filas.docx"
    doc.save(ruta)
    return ruta


def _filas(datos: bytes) -> list:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(datos)) as z:
        raiz = etree.fromstring(z.read("word/document.xml"))
    return raiz.findall(f".//{W}tbl/{W}tr")[1:]


def test_en_una_fila_repetida_solo_la_ultima_se_conserva_con_lo_que_sigue(tmp_path):
    plantilla = PlantillaDocx(_plantilla_con_filas(tmp_path))
    filas = _filas(plantilla.render({"filas": [{"a": "1", "b": "x"}, {"a": "2", "b": "y"}, {"a": "3", "b": "z"}]}))
    assert [len(f.findall(f".//{W}keepNext")) for f in filas] == [0, 0, 2]


def test_una_fila_con_un_texto_mas_largo_que_el_limite_se_puede_dividir(tmp_path):
    """Word corta una fila «que no se divide» más alta que la página: esa fila sí se divide."""
    plantilla = PlantillaDocx(_plantilla_con_filas(tmp_path))
    largo, justo = "palabra " * (LARGO_MAXIMO // 8 + 1), "p" * LARGO_MAXIMO
    filas = _filas(plantilla.render({"filas": [{"a": "1", "b": "corto"}, {"a": "2", "b": largo}, {"a": "3", "b": justo}]}))
    assert [len(f.findall(f"{W}trPr/{W}cantSplit")) for f in filas] == [1, 0, 1]
