"""Lo común a todo libro de Excel que escribe formatos: celdas a prueba de fórmulas y bytes deterministas.

Lo usan la entrada (libro de captura, exportar) y la salida (consolidados).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

from openpyxl.workbook import Workbook
from openpyxl.writer.excel import ExcelWriter

from formatos.caracteres import limpiar

FECHA_FIJA = datetime(2000, 1, 1)
INICIO_FORMULA = ("=", "+", "-", "@")
"""Lo que Excel (o LibreOffice) podría tomar como fórmula si el texto se reescribe en la celda."""


_PARECE_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def escapar(texto: str) -> str:
    """Como Excel guarda un texto: un retorno de carro es `_x000D_` (en el XML se perdería) y un texto que ya
    parece uno de esos escapes lleva su «_» escapado (`_x005F_`), para leerse igual al abrirlo."""
    if "_x" in texto:
        texto = _PARECE_ESCAPE.sub("_x005F_", texto)
    return texto.replace("\r", "_x000D_") if "\r" in texto else texto


def escribir(celda, valor) -> None:
    """Pone un valor de los datos en una celda: un texto nunca se vuelve fórmula."""
    if isinstance(valor, str):
        valor = escapar(limpiar(valor))
        celda.value = valor
        celda.data_type = "s"  # openpyxl tomaría "=..." como fórmula
        if valor.startswith(INICIO_FORMULA):
            celda.quotePrefix = True  # y Excel lo mantiene como texto si el usuario edita la celda
    else:
        celda.value = valor


def guardar(libro: Workbook) -> bytes:
    """Los bytes del libro, sin fechas del momento: mismos datos, mismos bytes.

    Antes de guardar, todo texto que Excel tomaría por fórmula lleva el prefijo de comilla, aunque un estilo
    aplicado después de `escribir` (`celda.style = "Subtítulo"`) se lo haya quitado."""
    for hoja in libro.worksheets:
        for celda in hoja._cells.values():
            if celda.data_type == "s" and isinstance(celda.value, str) and celda.value.startswith(INICIO_FORMULA) \
                    and not celda.quotePrefix:
                celda.quotePrefix = True
    libro.properties.creator = "formatos"
    libro.properties.lastModifiedBy = "formatos"
    libro.properties.created = libro.properties.modified = FECHA_FIJA
    crudo = io.BytesIO()
    with zipfile.ZipFile(crudo, "w", zipfile.ZIP_DEFLATED) as archivo:
        ExcelWriter(libro, archivo).write_data()
    salida = io.BytesIO()
    with zipfile.ZipFile(crudo) as origen, zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as destino:
        for info in origen.infolist():
            nuevo = zipfile.ZipInfo(info.filename, FECHA_FIJA.timetuple()[:6])
            nuevo.compress_type = zipfile.ZIP_DEFLATED
            nuevo.external_attr = 0o600 << 16
            destino.writestr(nuevo, origen.read(info.filename))
    return salida.getvalue()


def para_imprimir(hoja, filas_titulo: str | None = "1:1") -> None:
    """A4 horizontal, todo el ancho en una página, con la fila de títulos repetida en cada página."""
    hoja.page_setup.paperSize = hoja.PAPERSIZE_A4
    hoja.page_setup.orientation = "landscape"
    hoja.sheet_properties.pageSetUpPr.fitToPage = True
    hoja.page_setup.fitToWidth = 1
    hoja.page_setup.fitToHeight = 0
    hoja.page_margins.left = hoja.page_margins.right = 0.4
    if filas_titulo:
        hoja.print_title_rows = filas_titulo


def alto_de_fila(celdas: list[tuple[str, float]], minimo: float = 15) -> float:
    """Alto (en puntos) para que se lean enteros los textos con ajuste de línea: (texto, ancho de su columna)."""
    lineas = 1
    for texto, ancho in celdas:
        por_linea = max(ancho * 1.15, 1)
        lineas = max(lineas, sum(max(1, -(-len(parte) // int(por_linea))) for parte in str(texto).split("\n")))
    return max(minimo, 15 * lineas)
