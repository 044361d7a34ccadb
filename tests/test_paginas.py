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


# --- todas las páginas de todos los formatos, en PDF (LibreOffice, una sola tanda) ---------------------------------
import re
import subprocess
from dataclasses import dataclass, field

from formatos.carpetas import firmas_de
from formatos.catalogo import catalogo
from formatos.registro import FORMATOS
from formatos.salida import renderizar
from formatos.recursos import carpeta_plantillas
from formatos.salida.paginas import convertir_para_imprimir

VARIANTES = ("matriz-docente", "matriz-directivo", "plan-individual", "plan-institucional", "plan-mensual",
             "plan-anual-ap", "plan-anual-ugel")
"""Formatos que se prueban además con sus textos y listas más cortos y más largos (la página cae en otro lugar)."""
MARGEN_PT = 2 * 72 / 2.54  # 2 cm a los lados en todas las plantillas


@dataclass
class Impreso:
    formato: str
    variante: str
    docx: Path
    cierre: set[str] = field(default_factory=set)
    """Las líneas del bloque de firmas: nombres, DNI y cargos de quienes firman."""
    largos: list[str] = field(default_factory=list)
    """Los textos de los datos de más de `LARGO_MAXIMO` caracteres (su fila se puede dividir entre páginas)."""
    notas: list[str] = field(default_factory=list)
    """El comienzo de las notas y frases atadas a las firmas (una página que empieza con una, empieza con el cierre)."""

    @property
    def pdf(self) -> Path:
        return self.docx.with_suffix(".pdf")


def _estirar(valor, veces: int, corto: bool, clave: str = ""):
    """Los textos largos (y las listas, salvo las filas de una matriz y las firmas) más largos o más cortos; las
    imágenes, tal cual."""
    if isinstance(valor, dict):
        return {k: v if k == "imagen" else _estirar(v, veces, corto, k) for k, v in valor.items()}
    if isinstance(valor, list):
        elementos = [_estirar(v, veces, corto) for v in valor]
        if clave in ("filas", "niveles", "celdas", "contenido", "firmas") or not elementos or not isinstance(elementos[0], (dict, str)):
            return elementos
        return elementos[:1] if corto else elementos * veces
    if isinstance(valor, str) and len(valor) > 40 and not valor.startswith(("Decenio", "Año")):
        return valor[:40].rstrip() + "." if corto else " ".join([valor] * veces)
    return valor


def _largos(valor) -> list[str]:
    if isinstance(valor, dict):
        return [t for v in valor.values() for t in _largos(v)]
    if isinstance(valor, list):
        return [t for v in valor for t in _largos(v)]
    return [valor] if isinstance(valor, str) and len(valor) > LARGO_MAXIMO else []


@pytest.fixture(scope="session")
def impresos(tmp_path_factory, carga_ejemplo) -> list[Impreso]:
    """Un documento de cada formato Word y las variantes cortas y largas; todos a PDF en una sola tanda (más una
    pequeña para los que `convertir_para_imprimir` corrige: ver `formatos.salida.paginas`)."""
    exp, carpeta = carga_ejemplo.expediente, tmp_path_factory.mktemp("paginas")
    lista = []
    for f in FORMATOS.values():
        if f.extension != ".docx":
            continue
        documentos = list(f.documentos(exp))
        contexto = documentos[len(documentos) // 2].contexto()
        variantes = [("tal cual", contexto.model_dump(), contexto)]
        if f.identificador in VARIANTES:
            # las variantes, del de más firmas: un plan con reajustes firmados después (cada uno con sus firmas)
            mas = max((d.contexto() for d in documentos), key=lambda c: len(firmas_de(c)))
            if len(firmas_de(mas)) > len(firmas_de(contexto)):
                variantes += [("con más firmas", mas.model_dump(), mas)]
            variantes += [("corto", _estirar(mas.model_dump(), 1, True), mas)]
            variantes += [(f"largo x{n}", _estirar(mas.model_dump(), n, False), mas) for n in (2, 3)]
        for nombre, datos, ctx in variantes:
            cierre = {linea for firma in firmas_de(ctx)
                      for linea in (f"{firma.nombres} {firma.apellidos}", f"DNI N.° {firma.dni}", firma.cargo)}
            docx = carpeta / f"{f.identificador} {nombre}.docx"
            docx.write_bytes(renderizar(carpeta_plantillas() / f.plantilla, datos))
            lista.append(Impreso(f.identificador, nombre, docx, cierre, _largos(datos), _notas_del_cierre(docx)))
    for f in (f for f in FORMATOS.values() if f.extension == ".xlsx"):  # los consolidados, en la misma tanda
        libro = carpeta / f"{f.identificador}.xlsx"
        libro.write_bytes(renderizar(carpeta_plantillas() / f.plantilla, list(f.documentos(exp))[-1].contexto().model_dump()))
        lista.append(Impreso(f.identificador, "tal cual", libro))
    convertidos = convertir_para_imprimir([i.docx for i in lista])
    assert [c.mensaje for c in convertidos if c.estado != "convertido"] == []
    return lista


def _paginas(pdf: Path) -> list[list[str]]:
    """Las líneas de cada página, sin el encabezado (decenio, nombre del año) ni el pie (Página N de M)."""
    texto = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    paginas = []
    for pagina in texto.split("\f")[:-1]:
        lineas = [l.strip() for l in pagina.splitlines() if l.strip()]
        paginas.append([l for l in lineas if not (l == catalogo().decenio or l.startswith("“Año")
                                                   or re.fullmatch(r"Página \d+ de \d+", l))])
    return paginas


_CIERRE = re.compile(r"^(_{10,}|Atentamente,|Es todo cuanto|…+, _+ de _+ de \d{4}$|[A-ZÁÉÍÓÚÑ][\w .]*, \d{1,2} de [a-z]+ de \d{4}$)")


def _notas_del_cierre(docx: Path) -> list[str]:
    """El comienzo de las notas (cursiva pequeña) atadas a un bloque de firmas, en el .docx."""
    from docx import Document as Abrir
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Abrir(str(docx))
    hijos = list(doc.element.body.iterchildren())
    notas = []
    for i, e in enumerate(hijos):
        if e.tag.endswith("}tbl") and _es_firmas(Table(e, doc)):
            j = i - 1
            while j >= 0 and hijos[j].tag.endswith("}p"):
                p = Paragraph(hijos[j], doc)
                if not (_conserva(p) or not p.text.strip()):
                    break
                if _es_nota(p) and len(p.text.strip()) >= 10:
                    notas.append(" ".join(p.text.split())[:30])
                j -= 1
    return notas


def _empieza_con_el_cierre(linea: str, impreso: Impreso) -> bool:
    primera = re.split(r"\s{3,}", linea)[0]
    return (bool(_CIERRE.match(linea)) or primera in impreso.cierre
            or len(primera) >= 10 and any(n.startswith(primera[:30]) or primera.startswith(n) for n in impreso.notas))


@pytest.mark.libreoffice
def test_ninguna_pagina_tiene_solo_el_cierre_y_las_firmas_ni_esta_vacia(impresos):
    malos = []
    for impreso in (i for i in impresos if i.docx.suffix == ".docx"):
        for numero, lineas in enumerate(_paginas(impreso.pdf), start=1):
            if not lineas:
                malos.append(f"{impreso.formato} ({impreso.variante}), página {numero}: vacía")
            elif numero > 1 and _empieza_con_el_cierre(lineas[0], impreso):
                malos.append(f"{impreso.formato} ({impreso.variante}), página {numero}: empieza con el cierre «{lineas[0][:60]}»")
    assert not malos, "\n".join(malos)
    assert {i.formato for i in impresos} == set(FORMATOS)
    assert any(len(_paginas(i.pdf)) > 1 for i in impresos if i.variante.startswith("largo"))


@pytest.mark.libreoffice
def test_la_matriz_docente_de_una_visita_cabe_en_una_pagina(impresos):
    """El caso normal (el del ejemplo, y con textos cortos) en una hoja: la rúbrica, las leyendas y las firmas."""
    matrices = [i for i in impresos if i.formato == "matriz-docente" and i.variante in ("tal cual", "corto")]
    assert len(matrices) == 2
    for impreso in matrices:
        assert len(_paginas(impreso.pdf)) == 1, f"matriz-docente ({impreso.variante}): más de una página"


@pytest.mark.libreoffice
def test_ningun_texto_pasa_de_los_margenes(impresos):
    malos = []
    for impreso in impresos:
        margen = MARGEN_PT if impreso.docx.suffix == ".docx" else 0.4 * 72  # los libros: 0,4 pulgadas
        html = subprocess.run(["pdftotext", "-bbox", str(impreso.pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        for numero, pagina in enumerate(re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S),
                                        start=1):
            ancho, alto, palabras = float(pagina[0]), float(pagina[1]), pagina[2]
            for x0, y0, x1, y1, palabra in re.findall(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', palabras):
                if (float(x0) < margen - 3 or float(x1) > ancho - margen + 3
                        or float(y0) < 14 or float(y1) > alto - 14):
                    malos.append(f"{impreso.formato} ({impreso.variante}), página {numero}: «{palabra}» en "
                                 f"x {float(x0):.0f}–{float(x1):.0f} de {ancho:.0f}")
    assert not malos, "\n".join(malos[:30])


# --- en Word: el cierre atado al contenido en cada plantilla (sin LibreOffice) -----------------------------------
_ETIQUETA = re.compile(r"^\{%p ")
_CIERRE_PLANTILLA = re.compile(r"^(\{\{ [\w.]+ \}\}, \{\{ [\w.]+\|fecha_larga \}\}$|…+, _+ de|Atentamente|Es todo cuanto)")


def _es_nota(p) -> bool:
    runs = [r for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.italic and r.font.size is not None and r.font.size.pt <= 8.5 for r in runs)


def _es_firmas(tabla) -> bool:
    textos = [p.text for c in tabla.rows[0].cells for p in c.paragraphs]
    return any(t.startswith("DNI N.°") for t in textos) and any(t.startswith("_____") for t in textos)


def _conserva(p) -> bool:
    return bool(p.paragraph_format.keep_with_next)


@pytest.mark.parametrize("formato", [f for f in FORMATOS.values() if f.extension == ".docx"], ids=lambda f: f.identificador)
def test_en_la_plantilla_el_cierre_va_atado_al_contenido_de_arriba(formato):
    """Antes de cada bloque de firmas, todo (lugar y fecha, frases, notas) se conserva con lo siguiente, hasta el
    contenido de arriba: su último párrafo o la última fila de datos de su tabla (la que se repite, si la hay)."""
    from docx import Document as Abrir
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Abrir(str(carpeta_plantillas() / formato.plantilla))
    hijos = list(doc.element.body.iterchildren())
    firmas = [i for i, e in enumerate(hijos) if e.tag.endswith("}tbl") and _es_firmas(Table(e, doc))]
    if not firmas:
        pytest.skip("sin firmas")
    for i in firmas:
        j = i - 1
        while j >= 0 and hijos[j].tag.endswith("}p"):
            p = Paragraph(hijos[j], doc)
            if _ETIQUETA.match(p.text) or not p.text.strip():
                j -= 1
                continue
            assert _conserva(p), f"«{p.text[:50]}» no se conserva con lo que sigue"
            if not (_CIERRE_PLANTILLA.match(p.text) or _es_nota(p)):
                break  # el contenido de arriba: se conserva con el cierre
            j -= 1
        assert j >= 0, "el cierre no tiene contenido arriba"
        if hijos[j].tag.endswith("}p"):
            continue
        if _es_firmas(Table(hijos[j], doc)):
            continue  # otra rama de un {%p if %} con sus firmas
        filas = Table(hijos[j], doc).rows
        ultima = filas[-2] if filas[-1].cells[0].text.startswith("{%tr endfor") else filas[-1]
        assert all(_conserva(p) for c in ultima.cells for p in c.paragraphs), "la última fila de la tabla no va con el cierre"


# --- los consolidados de Excel -------------------------------------------------------------------------------------
def _palabras(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [[(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', pagina)]
        for pagina in re.findall(r"<page .*?</page>", html, re.S)]


@pytest.mark.libreoffice
def test_los_consolidados_se_imprimen_legibles_y_con_los_graficos_enteros(impresos):
    for impreso in (i for i in impresos if i.docx.suffix == ".xlsx"):
        paginas = _palabras(impreso.pdf)
        for numero, palabras in enumerate(paginas, start=1):
            texto = " ".join(w for *_, w in palabras)
            assert re.search(r"Página \d+ de \d+", texto), f"{impreso.formato}, página {numero}: sin pie"
            pegados = [w for *_, w in palabras if re.fullmatch(r"\d+[A-Za-zÁÉÍÓÚÑáéíóúñ].*", w)]
            assert not pegados, f"{impreso.formato}, página {numero}: un número toca el texto siguiente: {pegados}"
            altos = sorted(d - b for _, b, _, d, _ in palabras)
            assert altos[len(altos) // 2] >= 6, f"{impreso.formato}, página {numero}: letra ilegible al imprimir"
        # cada gráfico entero en una página: su título y el título de su eje, en la misma página
        for titulo, eje in (("Al inicio", "docentes"), ("Al término", "docentes"), ("Visitas programadas y ejecutadas",
                                                                                       "visitas")):
            con_titulo = [p for p in paginas if titulo in " ".join(w for *_, w in p)]
            for p in con_titulo:
                palabras = " ".join(w for *_, w in p)
                assert eje in palabras.split(), f"{impreso.formato}: el gráfico «{titulo}» está partido entre páginas"


def test_los_consolidados_traen_lo_necesario_para_imprimir(carga_ejemplo):
    """Horizontal, ajustado al ancho, área de impresión, pie, títulos repetidos en las tablas largas, gráficos
    debajo de su tabla y con tramas (se distinguen en gris), números separados del texto."""
    import io

    from openpyxl import load_workbook

    exp = carga_ejemplo.expediente
    for f in (f for f in FORMATOS.values() if f.extension == ".xlsx"):
        libro = load_workbook(io.BytesIO(renderizar(carpeta_plantillas() / f.plantilla,
                                                    list(f.documentos(exp))[-1].contexto().model_dump())))
        for hoja in libro.worksheets:
            assert hoja.page_setup.orientation == "landscape" and int(hoja.page_setup.paperSize) == int(hoja.PAPERSIZE_A4)
            assert hoja.sheet_properties.pageSetUpPr.fitToPage and hoja.page_setup.fitToHeight == 0
            assert hoja.page_setup.fitToWidth >= 1 and hoja.print_area
            assert "&P" in hoja.oddFooter.right.text and hoja.oddFooter.left.text
            if not hoja._charts and hoja.max_row > 40:
                assert hoja.print_title_rows
            ultima_tabla = max(c.row for fila in hoja.iter_rows() for c in fila if c.value is not None)
            for grafico in hoja._charts:
                desde = grafico.anchor._from  # al leerse, el ancla es un objeto (fila y columna desde 0)
                fila = desde.row + 1
                assert desde.col == 0 and fila > 3
                assert all(s.graphicalProperties.pattFill is not None for s in grafico.series)
                assert fila <= ultima_tabla + 60
            for fila in hoja.iter_rows():
                for celda in fila:
                    if isinstance(celda.value, (int, float)) and celda.row > 4:
                        assert celda.alignment.indent >= 1, (f.identificador, hoja.title, celda.coordinate)


@pytest.mark.libreoffice
def test_una_fila_mas_alta_que_lo_que_queda_de_la_pagina_se_imprime_completa(impresos):
    """Las filas con textos de más de LARGO_MAXIMO caracteres se dividen: su texto sale entero en el PDF."""
    revisados = 0
    for impreso in (i for i in impresos if i.largos):
        texto = " ".join(subprocess.run(["pdftotext", str(impreso.pdf), "-"], capture_output=True, text=True,
                                        check=True).stdout.split())
        for largo in impreso.largos:
            final = " ".join(largo.split())[-60:]
            assert final in texto, f"{impreso.formato} ({impreso.variante}): no se imprimió el final de «…{final}»"
            revisados += 1
    assert revisados > 10
