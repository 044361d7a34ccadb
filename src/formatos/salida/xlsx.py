"""Render de libros de Excel: el contenido (hojas, tablas, gráficos) lo da el formato; los estilos, la plantilla.

El contexto es un `documentos.libro.Libro` volcado a dict. La plantilla .xlsx aporta los estilos de celda
con nombre ("Título", "Subtítulo", "Encabezado", "Nivel I".."Nivel IV"): una UGEL cambia colores y
letras editando esos estilos en Excel.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.drawing.colors import ColorChoice
from openpyxl.drawing.fill import PatternFillProperties
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.worksheet.pagebreak import Break
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
CM_POR_ANCHO = 0.19  # ancho de una unidad de ancho de columna (un carácter de Calibri 11)
CM_POR_LETRA, CM_POR_LETRA_TITULO = 0.2, 0.28  # una letra del subtítulo (11 puntos, negrita) y del título (14)
NUMERICOS = ("entero", "numero", "porcentaje", "avance")
ANCHO_MAXIMO = 50
ANCHO_UTIL_CM, ALTO_UTIL_CM = 29.7 - 2 * 1.0, 21 - 2 * 1.9 - 1.0
"""A4 horizontal sin los márgenes (los de `para_imprimir` a los lados; los de Excel arriba y abajo) ni el pie."""
ESCALA_MINIMA = 0.6
"""Una hoja más ancha que lo que cabe en una página a esta escala se imprime en dos (o más) páginas de ancho."""


def _estilos(libro) -> dict:
    nombres = set(libro.named_styles)
    faltan = [e for e in ESTILOS if e not in nombres]
    if faltan:
        raise ErrorFormatos(f"a la plantilla le faltan los estilos de celda: {', '.join(faltan)} (Inicio > Estilos "
                            "de celda; vea la plantilla incluida)")
    return {e.name: e for e in libro._named_styles if e.name in ESTILOS}


PATRONES = ("pct20", "dkUpDiag", "smCheck", "solidDmnd", "horz", "dkVert", "lgGrid", "wdDnDiag")
"""Tramas de las barras: cada serie se distingue también impresa en gris (no solo por su color)."""
OTROS_COLORES = ("1F4E79", "C55A11", "548235", "7F6000", "7030A0", "2E75B6", "A5A5A5", "833C0B")


def _trama(serie, color: str, numero: int) -> None:
    """La serie con trama (del color sobre blanco) y borde oscuro: se lee en blanco y negro."""
    serie.graphicalProperties.pattFill = PatternFillProperties(  # los stubs no aceptan texto donde openpyxl sí
        prst=PATRONES[numero % len(PATRONES)],  # type: ignore[arg-type]
        fgClr=ColorChoice(srgbClr=color), bgClr=ColorChoice(srgbClr="FFFFFF"))  # type: ignore[arg-type]
    serie.graphicalProperties.line.solidFill = "404040"


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
        numero = NIVELES.index(nivel) if nivel else len(barras.series) - 1
        color = estilos[f"Nivel {nivel}"].font.color.rgb[-6:] if nivel else OTROS_COLORES[numero % len(OTROS_COLORES)]
        _trama(barras.series[-1], color, numero)
    barras.set_categories(Reference(hoja, min_col=grafico["categorias"] + 1, min_row=fila_titulos + 1, max_row=ultima))
    barras.width = 17
    barras.height = max(8.5, 0.5 * len(tabla["filas"]) + 3) if grafico["horizontal"] else 8.5  # una etiqueta por barra
    return barras


def _ancho(columna: dict, valores: list) -> float:
    """El ancho de una columna: el del formato, más si su título tiene una palabra larga o sus textos lo piden
    (hasta `ANCHO_MAXIMO`; un texto más largo se ajusta en varias líneas)."""
    palabra = max(len(p) for p in columna["titulo"].split() or [""])  # que el título no se corte a media palabra
    largo = max((len(v) for v in valores if isinstance(v, str)), default=0) if columna["formato"] == "texto" else 0
    return max(columna["ancho"], palabra * 1.2 + 2, min(largo + 2, ANCHO_MAXIMO))


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
    anchos = {j: _ancho(c, [f[j - 1] for f in tabla["filas"]]) for j, c in enumerate(columnas, start=1)}
    for i, valores in enumerate(tabla["filas"], start=titulos + 1):
        for j, (columna, valor) in enumerate(zip(columnas, valores), start=1):
            celda = hoja.cell(i, j)
            escribir(celda, valor)
            if columna["formato"] in FORMATOS:
                celda.number_format = FORMATOS[columna["formato"]]
            if columna["formato"] in NUMERICOS:  # que no toquen el texto de la celda siguiente
                celda.alignment = Alignment(horizontal="right", indent=1)
            elif isinstance(valor, str) and len(valor) + 2 > anchos[j]:  # no invade la celda siguiente: se ajusta
                celda.alignment = Alignment(wrap_text=True, vertical="top")
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
    fila_grafico = ultima + 2  # debajo de la tabla: al imprimir, ajustada al ancho, la tabla no se achica
    for grafico in tabla["graficos"] if tabla["filas"] else []:  # sin filas, un gráfico vacío no dice nada
        barras = _grafico(hoja, tabla, grafico, titulos, estilos)
        hoja.add_chart(barras, f"A{fila_grafico}")
        fila_grafico += int(barras.height / CM_POR_FILA) + 2
    return max(ultima, fila_grafico) + 3


def _area(hoja, anchos: dict[int, float], filas: int, encabezado: list[str]) -> tuple[str, float]:
    """Lo que se imprime (las columnas de las tablas, o más si un gráfico o una línea del encabezado son más
    anchos, y todas las filas) y su ancho en centímetros."""
    lineas = [len(t) * (CM_POR_LETRA_TITULO if k == 0 else CM_POR_LETRA) for k, t in enumerate(encabezado)]
    minimo = max([g.width for g in hoja._charts] + lineas, default=0)
    columnas, ancho = 0, 0.0
    while columnas < max(anchos, default=1) or ancho < minimo:
        columnas += 1
        ancho += anchos.get(columnas, hoja.column_dimensions[get_column_letter(columnas)].width or 8.43) * CM_POR_ANCHO
    return f"A1:{get_column_letter(columnas)}{max(filas - 3, 1)}", ancho


def _fila(grafico) -> int:
    return coordinate_from_string(grafico.anchor)[1]


def _saltos(hoja, ancho_cm: float) -> None:
    """Un salto de página antes de cada gráfico que no cabe entero en lo que queda de la página (un gráfico no
    se parte): la altura de la página se estima con la escala de «ajustar al ancho»."""
    escala = min(1.0, math.ceil(ESCALA_MINIMA * ancho_cm / ANCHO_UTIL_CM) * ANCHO_UTIL_CM / max(ancho_cm, 1))
    por_pagina = max(10, int(ALTO_UTIL_CM / (CM_POR_FILA * escala)) - 1)
    inicio = 1
    for grafico in sorted(hoja._charts, key=_fila):
        arriba = _fila(grafico)
        while arriba >= inicio + por_pagina:
            inicio += por_pagina
        if arriba + grafico.height / CM_POR_FILA >= inicio + por_pagina:
            hoja.row_breaks.append(Break(id=arriba - 1))
            inicio = arriba


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
                anchos[j] = max(anchos.get(j, 0), _ancho(columna, [f[j - 1] for f in tabla["filas"]]))
        for j, ancho in anchos.items():
            hoja.column_dimensions[get_column_letter(j)].width = ancho
        una = len(datos["tablas"]) == 1
        if una and not datos["tablas"][0]["graficos"]:
            hoja.freeze_panes = f"A{primera + 1}"
        area, ancho = _area(hoja, anchos, fila, datos["encabezado"])
        titulos = una and not datos["tablas"][0]["graficos"]  # la fila de títulos se repite en una tabla larga
        paginas = max(1, math.ceil(ESCALA_MINIMA * ancho / ANCHO_UTIL_CM))  # una tabla muy ancha, en más de una
        para_imprimir(hoja, f"{primera}:{primera}" if titulos else None, area, datos["nombre"], paginas)
        _saltos(hoja, ancho)
    return guardar(libro)
