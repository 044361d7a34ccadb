"""Render de libros de Excel: el contenido (hojas, tablas, gráficos) lo da el formato; los estilos, la plantilla.

El contexto es un `documentos.libro.Libro` volcado a dict. La plantilla .xlsx aporta los estilos de celda
con nombre ("Título", "Subtítulo", "Encabezado", "Nivel I".."Nivel IV"): una UGEL cambia colores y
letras editando esos estilos en Excel.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

from formatos.caracteres import limpiar
from formatos.errores import ErrorFormatos
from formatos.excel import escribir, guardar, para_imprimir
from formatos.zip_seguro import PLANTILLA, recursos_externos, revisar_zip

ESTILOS = ("Título", "Subtítulo", "Encabezado", "Nivel I", "Nivel II", "Nivel III", "Nivel IV")
NIVELES = ("I", "II", "III", "IV")
FORMATOS = {"entero": "#,##0", "numero": "General", "porcentaje": "0.0%", "avance": "0.0%", "fecha": "DD/MM/YYYY"}
"""Formatos de celda: los números quedan como números (Excel los muestra con los separadores del equipo); un
decimal sin ceros de sobra ("General": 24 y 4.5, como en los documentos), miles agrupados y un decimal en los
porcentajes, como `formatos.numeros` en Word."""
CM_POR_FILA = 0.53  # alto de una fila de 15 puntos


def _estilos(libro) -> dict:
    nombres = set(libro.named_styles)
    faltan = [e for e in ESTILOS if e not in nombres]
    if faltan:
        raise ErrorFormatos(f"a la plantilla le faltan los estilos de celda: {', '.join(faltan)} (Inicio > Estilos "
                            "de celda; vea la plantilla incluida)")
    return {e.name: e for e in libro._named_styles if e.name in ESTILOS}


def _grafico(hoja, tabla: dict, grafico: dict, fila_titulos: int, estilos: dict) -> BarChart:
    ultima = fila_titulos + len(tabla["filas"])
    barras = BarChart()
    barras.type = "bar" if grafico["horizontal"] else "col"
    if grafico["horizontal"]:
        barras.x_axis.scaling.orientation = "maxMin"  # la primera fila de la tabla, arriba
        barras.y_axis.crosses = "max"  # y la escala, abajo
    barras.title = grafico["titulo"]
    barras.y_axis.title = grafico["eje_valores"] or None
    barras.x_axis.delete = barras.y_axis.delete = False
    barras.y_axis.majorGridlines = None
    if grafico["apilado"]:
        barras.grouping, barras.overlap = "stacked", 100
    for c in grafico["series"]:
        barras.add_data(Reference(hoja, min_col=c + 1, min_row=fila_titulos, max_row=ultima), titles_from_data=True)
        nivel = tabla["columnas"][c].get("nivel")
        if nivel:
            barras.series[-1].graphicalProperties.solidFill = estilos[f"Nivel {nivel}"].fill.fgColor.rgb[-6:]
    barras.set_categories(Reference(hoja, min_col=grafico["categorias"] + 1, min_row=fila_titulos + 1, max_row=ultima))
    barras.width = 17
    barras.height = max(8.5, 0.5 * len(tabla["filas"]) + 3) if grafico["horizontal"] else 8.5  # una etiqueta por barra
    return barras


def _tabla(hoja, tabla: dict, fila: int, numero: int, estilos: dict) -> int:
    """Escribe una tabla desde `fila`; devuelve la fila siguiente libre."""
    columnas = tabla["columnas"]
    if tabla["titulo"]:
        escribir(hoja.cell(fila, 1), tabla["titulo"])
        hoja.cell(fila, 1).style = "Subtítulo"
        fila += 1
    titulos = fila
    for j, columna in enumerate(columnas, start=1):
        celda = hoja.cell(titulos, j)
        escribir(celda, columna["titulo"])
        celda.style = f"Nivel {columna['nivel']}" if columna.get("nivel") else "Encabezado"
    if not tabla["filas"]:
        escribir(hoja.cell(titulos + 1, 1), "(sin datos todavía)")
    for i, valores in enumerate(tabla["filas"], start=titulos + 1):
        for j, (columna, valor) in enumerate(zip(columnas, valores), start=1):
            celda = hoja.cell(i, j)
            escribir(celda, valor)
            if columna["formato"] in FORMATOS:
                celda.number_format = FORMATOS[columna["formato"]]
    ultima = titulos + max(len(tabla["filas"]), 1)
    rango = f"A{titulos}:{get_column_letter(len(columnas))}{ultima}"
    if tabla["filtro"]:
        excel = Table(displayName=f"Tabla{numero}", ref=rango)
        excel.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        hoja.add_table(excel)
    for j, columna in enumerate(columnas, start=1):
        reglas = {"nivel": [("equal", f'"{n}"', n) for n in NIVELES],  # cada nivel con su color
                  "avance": [("lessThan", "1", "I"), ("greaterThanOrEqual", "1", "III")]}  # rojo bajo el 100 %
        for operador, formula, nivel in reglas.get(columna["formato"], []):
            estilo = estilos[f"Nivel {nivel}"]
            color = estilo.fill.fgColor.rgb
            letra = get_column_letter(j)
            hoja.conditional_formatting.add(f"{letra}{titulos + 1}:{letra}{ultima}", CellIsRule(
                operator=operador, formula=[formula], font=Font(bold=estilo.font.b, color=estilo.font.color),
                fill=PatternFill("solid", start_color=color, end_color=color)))
    ancla, fila_grafico = get_column_letter(len(columnas) + 2), titulos
    for grafico in tabla["graficos"] if tabla["filas"] else []:  # sin filas, un gráfico vacío no dice nada
        barras = _grafico(hoja, tabla, grafico, titulos, estilos)
        hoja.add_chart(barras, f"{ancla}{fila_grafico}")
        fila_grafico += int(barras.height / CM_POR_FILA) + 2
    return max(ultima, fila_grafico) + 3


def revisar_plantilla(datos: bytes, nombre: str) -> None:
    """Una plantilla .xlsx se puede usar: zip sano (`revisar_zip`), sin vínculos ni conexiones externas, que
    openpyxl la abre y que tiene los estilos de celda de `ESTILOS`; si no, `ErrorFormatos` en castellano."""
    revisar_zip(datos, PLANTILLA, nombre)
    externos = recursos_externos(datos)
    if externos:
        raise ErrorFormatos(f"{nombre}: la plantilla tiene {'; '.join(externos)}: Excel lo buscaría fuera del libro "
                            "al abrirlo; quítelo (Datos > Editar vínculos > Romper vínculo)")
    try:
        libro = load_workbook(io.BytesIO(datos))
    except Exception as e:  # noqa: BLE001 - XML dañado, partes que faltan...
        raise ErrorFormatos(f"{nombre}: no se puede abrir como libro de Excel (.xlsx); ábralo en Excel y guárdelo "
                            "de nuevo como «Libro de Excel»") from e
    _estilos(libro)


def compilar_xlsx(plantilla: Path) -> Callable[[dict], bytes]:
    """El renderizador de una plantilla .xlsx para muchos documentos: se lee y se revisa una sola vez."""
    datos = plantilla.read_bytes()
    revisar_plantilla(datos, plantilla.name)
    return partial(_render, datos)


def render_xlsx(plantilla: Path, contexto: dict) -> bytes:
    """Dibuja el libro descrito en el contexto con los estilos de la plantilla; mismos datos, mismos bytes."""
    return compilar_xlsx(plantilla)(contexto)


def _render(plantilla: bytes, contexto: dict) -> bytes:
    libro = load_workbook(io.BytesIO(plantilla))
    estilos = _estilos(libro)
    for hoja in list(libro.worksheets):
        libro.remove(hoja)
    libro.properties.title = limpiar(contexto["titulo"])
    numero = 0
    for datos in contexto["hojas"]:
        hoja = libro.create_sheet(re.sub(r"[\[\]:*?/\\]", "", limpiar(datos["nombre"]))[:31])
        fila = 1
        for k, linea in enumerate(datos["encabezado"]):
            escribir(hoja.cell(fila, 1), linea)
            hoja.cell(fila, 1).style = "Título" if k == 0 else "Subtítulo"
            fila += 1
        fila += 1 if datos["encabezado"] else 0
        primera = fila + (1 if datos["tablas"] and datos["tablas"][0]["titulo"] else 0)
        for tabla in datos["tablas"]:
            numero += 1
            fila = _tabla(hoja, tabla, fila, numero, estilos)
        anchos: dict[int, float] = {}
        for tabla in datos["tablas"]:
            for j, columna in enumerate(tabla["columnas"], start=1):
                palabra = max(len(p) for p in columna["titulo"].split() or [""])  # que el título no se corte a media palabra
                anchos[j] = max(anchos.get(j, 0), columna["ancho"], palabra * 1.2 + 2)
        for j, ancho in anchos.items():
            hoja.column_dimensions[get_column_letter(j)].width = ancho
        if len(datos["tablas"]) == 1 and not datos["tablas"][0]["graficos"]:
            hoja.freeze_panes = f"A{primera + 1}"
            para_imprimir(hoja, f"{primera}:{primera}")
        else:
            para_imprimir(hoja, None)
    return guardar(libro)
