"""Piezas de las plantillas Word: página A4, membrete oficial, tablas con bordes, bloques de firma.

Cada módulo de esta carpeta construye una plantilla de `plantillas/`; `construir.py` las rehace todas.
Las plantillas son el producto: la UGEL las abre en Word y les cambia el estilo. Estos scripts solo
sirven para rehacerlas desde cero de forma reproducible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

GRIS = "D9D9D9"
FUENTE = "Arial"


def documento(titulo: str, horizontal: bool = False):
    """Documento A4 con estilos base, membrete en el encabezado y número de página en el pie."""
    doc = Document()
    seccion = doc.sections[0]
    seccion.page_width, seccion.page_height = Cm(21), Cm(29.7)
    if horizontal:
        seccion.orientation = WD_ORIENT.LANDSCAPE
        seccion.page_width, seccion.page_height = Cm(29.7), Cm(21)
    seccion.left_margin = seccion.right_margin = Cm(2)
    seccion.top_margin, seccion.bottom_margin = Cm(2.2), Cm(2)
    seccion.header_distance, seccion.footer_distance = Cm(0.8), Cm(0.8)

    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FUENTE, Pt(10)
    rpr = normal.element.get_or_add_rPr()
    fuentes = rpr.find(qn("w:rFonts"))
    for atributo in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fuentes.set(qn(atributo), FUENTE)
    idioma = OxmlElement("w:lang")
    idioma.set(qn("w:val"), "es-PE")
    rpr.append(idioma)
    normal.paragraph_format.space_after = Pt(2)
    normal.paragraph_format.space_before = Pt(0)

    props = doc.core_properties
    props.title, props.author, props.last_modified_by = titulo, "formatos", "formatos"
    props.created = props.modified = dt.datetime(2026, 1, 1)
    props.revision = 1

    _encabezado(seccion)
    _pie(seccion)
    return doc


def _parrafo(contenedor, texto="", negrita=False, cursiva=False, tamano=10, alinear=WD_ALIGN_PARAGRAPH.LEFT,
             color=None, antes=0, despues=2):
    p = contenedor.add_paragraph()
    p.alignment = alinear
    p.paragraph_format.space_before, p.paragraph_format.space_after = Pt(antes), Pt(despues)
    if texto:
        r = p.add_run(texto)
        r.bold, r.italic, r.font.size = negrita, cursiva, Pt(tamano)
        if color:
            r.font.color.rgb = RGBColor.from_string(color)
    return p


def parrafo(doc, texto="", **kw):
    return _parrafo(doc, texto, **kw)


def _borde_inferior(parrafo_):
    ppr = parrafo_._p.get_or_add_pPr()
    bordes = OxmlElement("w:pBdr")
    abajo = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "808080")):
        abajo.set(qn(k), v)
    bordes.append(abajo)
    ppr.append(bordes)


def _encabezado(seccion):
    """Líneas del decenio y del nombre del año (configurables en el catálogo o el expediente)."""
    enc = seccion.header
    p = enc.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("{{ membrete.decenio }}")
    r.italic, r.font.size = True, Pt(8)
    p2 = _parrafo(enc, "{% if membrete.nombre_anio %}“{{ membrete.nombre_anio }}”{% endif %}", cursiva=True, tamano=8,
                  alinear=WD_ALIGN_PARAGRAPH.CENTER, despues=4)  # sin nombre del año, sin comillas vacías
    _borde_inferior(p2)


def _campo(parrafo_, codigo):
    for tipo, texto in (("begin", None), (None, codigo), ("separate", None), (None, "1"), ("end", None)):
        r = parrafo_.add_run()
        r.font.size = Pt(8)
        if tipo:
            f = OxmlElement("w:fldChar")
            f.set(qn("w:fldCharType"), tipo)
            r._r.append(f)
        elif texto == codigo:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {codigo} "
            r._r.append(instr)
        else:
            r.text = texto


def _pie(seccion):
    p = seccion.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = p.add_run("Página ")
    r.font.size = Pt(8)
    _campo(p, "PAGE")
    r = p.add_run(" de ")
    r.font.size = Pt(8)
    _campo(p, "NUMPAGES")


def membrete(doc, titulo: str, subtitulo: str = ""):
    """DRE y UGEL en el cuerpo, luego el título del formato."""
    _parrafo(doc, "{{ membrete.dre }}", negrita=True, tamano=10, alinear=WD_ALIGN_PARAGRAPH.CENTER, despues=0)
    _parrafo(doc, "{{ membrete.ugel }}", negrita=True, tamano=10, alinear=WD_ALIGN_PARAGRAPH.CENTER, despues=8)
    _parrafo(doc, titulo, negrita=True, tamano=12, alinear=WD_ALIGN_PARAGRAPH.CENTER, despues=2 if subtitulo else 8)
    if subtitulo:
        _parrafo(doc, subtitulo, tamano=9, cursiva=True, alinear=WD_ALIGN_PARAGRAPH.CENTER, despues=8)


def sombrear(celda, color=GRIS):
    tcpr = celda._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), color)
    tcpr.append(shd)


def _texto_celda(celda, texto, negrita=False, tamano=9, alinear=WD_ALIGN_PARAGRAPH.LEFT):
    p = celda.paragraphs[0]
    p.alignment = alinear
    p.paragraph_format.space_after = Pt(1)
    if texto:
        r = p.add_run(texto)
        r.bold, r.font.size = negrita, Pt(tamano)
    return p


def _anchos(tabla, anchos_cm: Sequence[float]):
    tabla.autofit = False
    tabla.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid = tabla._tbl.tblGrid
    for col, ancho in zip(grid.findall(qn("w:gridCol")), anchos_cm):
        col.set(qn("w:w"), str(int(Cm(ancho).twips)))
    for fila in tabla.rows:
        for celda, ancho in zip(fila.cells, anchos_cm):
            celda.width = Cm(ancho)


def _repetir_encabezado(fila):
    trpr = fila._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _no_partir(fila):
    trpr = fila._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def tabla_datos(doc, filas: Sequence[Sequence[str]], anchos_cm: Sequence[float]):
    """Tabla de datos de cabecera: etiquetas (sombreadas) y valores alternados.

    Cada fila es una lista [etiqueta, valor, etiqueta, valor...]; una fila más corta une sus
    últimas celdas para que el valor ocupe el ancho restante.
    """
    columnas = len(anchos_cm)
    tabla = doc.add_table(rows=len(filas), cols=columnas)
    tabla.style = "Table Grid"
    for fila, textos in zip(tabla.rows, filas):
        for i, texto in enumerate(textos):
            celda = fila.cells[i]
            if i == len(textos) - 1 and len(textos) < columnas:
                celda = celda.merge(fila.cells[columnas - 1])
            etiqueta = i % 2 == 0
            _texto_celda(celda, texto, negrita=etiqueta)
            if etiqueta:
                sombrear(celda)
        _no_partir(fila)
    _anchos(tabla, anchos_cm)
    _parrafo(doc, despues=4)
    return tabla


def tabla_repetida(doc, encabezados: Sequence[str], celdas: Sequence[str], anchos_cm: Sequence[float],
                   bucle: str, centrar: Sequence[int] = (), tamano: int = 9):
    """Tabla con encabezado que se repite en cada página y una fila por elemento de `bucle`.

    `bucle` es la cabecera Jinja del for, p. ej. "f in filas"; `celdas` los textos de la fila.
    """
    tabla = doc.add_table(rows=4, cols=len(encabezados))
    tabla.style = "Table Grid"
    for i, texto in enumerate(encabezados):
        celda = tabla.rows[0].cells[i]
        _texto_celda(celda, texto, negrita=True, alinear=WD_ALIGN_PARAGRAPH.CENTER)
        sombrear(celda)
    _repetir_encabezado(tabla.rows[0])
    _texto_celda(tabla.rows[1].cells[0], "{%tr for " + bucle + " %}")
    for i, texto in enumerate(celdas):
        _texto_celda(tabla.rows[2].cells[i], texto, tamano=tamano,
                     alinear=WD_ALIGN_PARAGRAPH.CENTER if i in centrar else WD_ALIGN_PARAGRAPH.LEFT)
    _texto_celda(tabla.rows[3].cells[0], "{%tr endfor %}")
    _anchos(tabla, anchos_cm)
    _parrafo(doc, despues=4)
    return tabla


def lugar_fecha(doc, expresion_lugar="lugar", expresion_fecha="fecha"):
    p = _parrafo(doc, "{{ " + expresion_lugar + " }}, {{ " + expresion_fecha + "|fecha_larga }}",
                 alinear=WD_ALIGN_PARAGRAPH.RIGHT, antes=10, despues=6)
    p.paragraph_format.keep_with_next = True
    return p


def firmas(doc, nombres: Sequence[str]):
    """Bloques de firma lado a lado (línea, nombre, DNI, cargo), que no se separan entre páginas."""
    tabla = doc.add_table(rows=1, cols=len(nombres))
    ancho = 17 / len(nombres)
    for celda, nombre in zip(tabla.rows[0].cells, nombres):
        lineas = [
            ("", False), ("", False), ("", False),
            ("________________________________", False),
            ("{{ " + nombre + ".nombres }} {{ " + nombre + ".apellidos }}", True),
            ("DNI N.° {{ " + nombre + ".dni }}", False),
            ("{{ " + nombre + ".cargo }}", False),
        ]
        primero = True
        for texto, negrita in lineas:
            p = celda.paragraphs[0] if primero else celda.add_paragraph()
            primero = False
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.keep_with_next = True
            if texto:
                r = p.add_run(texto)
                r.bold, r.font.size = negrita, Pt(9)
    _no_partir(tabla.rows[0])
    _anchos(tabla, [ancho] * len(nombres))
    return tabla


def titulo_seccion(doc, texto: str):
    """Título de una sección numerada ("I. DATOS INFORMATIVOS"), que no queda solo al pie de una página."""
    p = _parrafo(doc, texto, negrita=True, tamano=10, antes=8, despues=4)
    p.paragraph_format.keep_with_next = True
    return p


def lista(doc, bucle: str, texto: str, vineta: str = "•"):
    """Un párrafo con viñeta por elemento de `bucle` (cabecera Jinja del for, p. ej. "n in necesidades")."""
    _parrafo(doc, "{%p for " + bucle + " %}", despues=0)
    p = _parrafo(doc, f"{vineta}\t{texto}", despues=2)
    p.paragraph_format.left_indent = Cm(0.6)
    p.paragraph_format.first_line_indent = Cm(-0.4)
    _parrafo(doc, "{%p endfor %}", despues=0)
    return p


MESES_CRONOGRAMA = ("Abr.", "May.", "Jun.", "Jul.", "Ago.", "Set.", "Oct.", "Nov.", "Dic.")


def tabla_filas_enteras(doc, encabezados, celdas, anchos_cm, bucle, centrar=()):
    """Como `tabla_repetida`, pero cada fila de datos pasa entera a la página siguiente si no cabe."""
    tabla = tabla_repetida(doc, encabezados, celdas, anchos_cm, bucle, centrar)
    _no_partir(tabla.rows[2])
    return tabla


def rotulo(doc, texto: str):
    """Un rótulo en negrita dentro de una sección, que no queda solo al pie de una página."""
    p = _parrafo(doc, texto, negrita=True, antes=4, despues=2)
    p.paragraph_format.keep_with_next = True
    return p


def cronograma(doc, bucle: str, actividad: str, celdas: str, ancho_total_cm: float, ancho_actividad_cm: float):
    """Cronograma mes a mes de abril a diciembre: una fila por elemento de `bucle`, una columna por mes.

    `actividad` es la expresión de la primera celda y `celdas` la de la lista de 9 textos de los meses
    (p. ej. "f.actividad" y "f.celdas"); el encabezado se repite en cada página.
    """
    ancho_mes = (ancho_total_cm - ancho_actividad_cm) / len(MESES_CRONOGRAMA)
    tabla = tabla_filas_enteras(
        doc, ["Actividad", *MESES_CRONOGRAMA],
        ["{{ " + actividad + " }}", *("{{ " + celdas + f"[{i}] }}}}" for i in range(len(MESES_CRONOGRAMA)))],
        [ancho_actividad_cm] + [ancho_mes] * len(MESES_CRONOGRAMA), bucle,
        centrar=range(1, len(MESES_CRONOGRAMA) + 1),
    )
    for fila in tabla.rows[1:]:
        for celda in fila.cells[1:]:
            for r in celda.paragraphs[0].runs:
                r.font.size = Pt(7)
    return tabla
