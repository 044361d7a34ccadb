"""PDF listos para imprimir: el cierre (lugar y fecha, frases de cierre, firmas) nunca empieza una página.

Las plantillas atan el cierre al contenido de arriba con «conservar con el siguiente» (en la tabla que lo precede,
su última fila: ver `formatos.salida.filas`). Word lo respeta siempre. LibreOffice (7.x) no lo respeta cuando esa
tabla ya se partió y su última parte empieza una página: la tabla pasa entera a esa página y el cierre queda solo
en la siguiente. Para el PDF, que hace LibreOffice, `convertir_para_imprimir` revisa cada PDF y, si una página
empieza con el cierre, convierte otra vez una copia del .docx con el cierre dentro de esa tabla, en una fila
final sin bordes (LibreOffice sí mantiene juntas dos filas de una tabla). El .docx que recibe el usuario no cambia.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from formatos.salida.pdf import ConversionPdf, convertir_a_pdf

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W
CIERRE = re.compile(r"^(_{10,}|Atentamente,?$|Es todo cuanto|…+, _+ de _+ de \d{4}$|"
                    r"[A-ZÁÉÍÓÚÑ][\w .]*, \d{1,2} de [a-záéíóú]+ de \d{4}$)")
"""La primera línea de un cierre: la línea de una firma, «Atentamente», la frase de cierre, el lugar y la fecha."""
_PAGINA = re.compile(r"^Página \d+ de \d+$")


def _texto(elemento: etree._Element) -> str:
    return "".join(t.text or "" for t in elemento.iter(f"{_W}t"))


def _lineas_fijas(docx: zipfile.ZipFile) -> set[str]:
    """El texto de los encabezados y pies de página (se quitan de cada página antes de mirar su primera línea)."""
    lineas = set()
    for nombre in docx.namelist():
        if re.fullmatch(r"word/(header|footer)\d*\.xml", nombre):
            for p in etree.fromstring(docx.read(nombre)).iter(f"{_W}p"):
                if _texto(p).strip():
                    lineas.add(" ".join(_texto(p).split()))
    return lineas


def _puntos(run: etree._Element) -> float:
    tamano = run.find(f"{_W}rPr/{_W}sz")
    return int(tamano.get(f"{_W}val", "0")) / 2 if tamano is not None else 99.0


def _es_nota(p: etree._Element) -> bool:
    """Un párrafo en cursiva de hasta 8,5 puntos: una nota, que va con las firmas que anota."""
    runs = [r for r in p.iter(f"{_W}r") if _texto(r).strip()]
    return bool(runs) and all(r.find(f"{_W}rPr/{_W}i") is not None and _puntos(r) <= 8.5 for r in runs)


def _notas_del_cierre(docx: zipfile.ZipFile) -> list[str]:
    """El comienzo (30 caracteres) de cada nota atada a un bloque de firmas (entre el contenido y las firmas)."""
    cuerpo = etree.fromstring(docx.read("word/document.xml")).find(f"{_W}body")
    hijos = list(cuerpo) if cuerpo is not None else []
    comienzos = []
    for i, e in enumerate(hijos):
        if e.tag == f"{_W}tbl" and _es_firmas(e):
            j = i - 1
            while j >= 0 and hijos[j].tag == f"{_W}p" and (_conserva(hijos[j]) or not _texto(hijos[j]).strip()):
                if _es_nota(hijos[j]) and len(texto := " ".join(_texto(hijos[j]).split())) >= 10:
                    comienzos.append(texto[:30])
                j -= 1
    return comienzos


def paginas_que_empiezan_con_el_cierre(pdf: Path, docx: Path) -> list[int]:
    """Los números de las páginas (desde 2) cuya primera línea, bajo el encabezado, es el comienzo de un cierre:
    la línea de una firma, el lugar y la fecha, una frase de cierre o una nota atada a las firmas.

    Un PDF o un .docx que no se pueden leer no tienen ninguna (no hay nada que corregir).
    """
    try:
        with zipfile.ZipFile(docx) as z:
            fijas = _lineas_fijas(z)
            del_cierre = _notas_del_cierre(z)
        paginas = [p.extract_text() for p in PdfReader(pdf).pages]
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, PyPdfError):
        return []
    malas = []
    for numero, texto in enumerate(paginas, start=1):
        lineas = [" ".join(linea.split()) for linea in texto.splitlines()]
        cuerpo = [linea for linea in lineas if linea and linea not in fijas and not _PAGINA.match(linea)
                  and not linea.startswith("“")]
        if numero > 1 and cuerpo and (CIERRE.match(cuerpo[0])
                                      or len(cuerpo[0]) >= 10 and any(c.startswith(cuerpo[0][:30]) or cuerpo[0].startswith(c)
                                                                      for c in del_cierre)):
            malas.append(numero)
    return malas


def _conserva(p: etree._Element) -> bool:
    return p.find(f"{_W}pPr/{_W}keepNext") is not None


def _es_firmas(tabla: etree._Element) -> bool:
    parrafos = [_texto(p) for p in tabla.iter(f"{_W}p")]
    return any(t.startswith("DNI N.°") for t in parrafos) and any(t.startswith("_____") for t in parrafos)


def cierre_en_la_tabla(docx: bytes) -> bytes | None:
    """Una copia del .docx con el cierre (desde la tabla anterior hasta las firmas) como fila final sin bordes de
    la tabla que lo precede; None si el cierre no sigue a una tabla (entre párrafos, LibreOffice ya lo mantiene)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        raiz = etree.fromstring(z.read("word/document.xml"))
        miembros = {i.filename: z.read(i) for i in z.infolist()}
    cuerpo = raiz.find(f"{_W}body")
    if cuerpo is None:
        return None
    hijos = list(cuerpo)
    firmas = [i for i, e in enumerate(hijos) if e.tag == f"{_W}tbl" and _es_firmas(e)]
    if not firmas:
        return None
    i = firmas[-1] - 1
    while i >= 0 and hijos[i].tag == f"{_W}p" and (_conserva(hijos[i]) or not _texto(hijos[i]).strip()):
        i -= 1
    if i < 0 or hijos[i].tag != f"{_W}tbl":
        return None
    tabla, cierre = hijos[i], hijos[i + 1:firmas[-1] + 1]
    columnas = len(tabla.findall(f"{_W}tblGrid/{_W}gridCol"))
    fila = etree.SubElement(tabla, f"{_W}tr")
    etree.SubElement(etree.SubElement(fila, f"{_W}trPr"), f"{_W}cantSplit")
    celda = etree.SubElement(fila, f"{_W}tc")
    propiedades = etree.SubElement(celda, f"{_W}tcPr")
    etree.SubElement(propiedades, f"{_W}gridSpan").set(f"{_W}val", str(columnas))
    bordes = etree.SubElement(propiedades, f"{_W}tcBorders")
    for lado in ("left", "bottom", "right"):
        etree.SubElement(bordes, f"{_W}{lado}").set(f"{_W}val", "nil")
    for elemento in cierre:
        celda.append(elemento)
    if cierre[-1].tag != f"{_W}p":
        etree.SubElement(celda, f"{_W}p")  # una celda termina en un párrafo
    for p in tabla.findall(f"{_W}tr")[-2].iter(f"{_W}p"):  # la última fila de datos va con la del cierre
        if not _conserva(p):
            ppr = p.find(f"{_W}pPr")
            if ppr is None:
                ppr = etree.Element(f"{_W}pPr")
                p.insert(0, ppr)
            ppr.insert(0, etree.Element(f"{_W}keepNext"))
    miembros["word/document.xml"] = etree.tostring(raiz, xml_declaration=True, encoding="UTF-8", standalone=True)
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as z:
        for nombre, datos in miembros.items():
            z.writestr(nombre, datos)
    return salida.getvalue()


def convertir_para_imprimir(rutas: Sequence[str | Path], **opciones) -> list[ConversionPdf]:
    """Como `convertir_a_pdf` (mismas opciones), y los PDF cuyo cierre empieza una página, corregidos."""
    inicio = time.monotonic()
    conversiones = convertir_a_pdf(rutas, **opciones)
    por_corregir = [c for c in conversiones if c.estado == "convertido" and c.origen.suffix.lower() == ".docx"
                    and paginas_que_empiezan_con_el_cierre(c.destino, c.origen)]
    if not por_corregir:
        return conversiones
    with tempfile.TemporaryDirectory(prefix="formatos-cierre-") as tmp:
        copias: dict[Path, ConversionPdf] = {}
        for n, c in enumerate(por_corregir):
            datos = cierre_en_la_tabla(c.origen.read_bytes())
            if datos is not None:
                copia = Path(tmp, f"{n:04d}.docx")
                copia.write_bytes(datos)
                copias[copia] = c
        if opciones.get("limite_total") is not None:  # el límite vale para las dos tandas juntas
            opciones["limite_total"] = max(1.0, opciones["limite_total"] - (time.monotonic() - inicio))
        for r in convertir_a_pdf(list(copias), **opciones):
            if r.estado == "convertido":
                shutil.copyfile(r.destino, copias[r.origen].destino)
    return conversiones

