"""BORRADOR en cada página de un documento ya renderizado (Word o Excel), con cualquier plantilla.

En Word: una línea «BORRADOR — …» en negrita, enmarcada, al inicio del encabezado de cada sección, y la
palabra BORRADOR en diagonal, en gris, detrás del texto de cada página (la marca de agua de Word, que
LibreOffice también dibuja en el PDF). Las dos se ven impresas en blanco y negro. Si la plantilla no
tiene encabezado, se le agrega uno. En Excel: «BORRADOR — …» en el encabezado de impresión de cada hoja.
Mismo documento y mismo texto, mismos bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from lxml import etree

from formatos.salida.docx import _miembro, _miembros_crudos, escribir_zip

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
TIPOS = "http://schemas.openxmlformats.org/package/2006/content-types"
HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
ENCABEZADO_NUEVO = "word/header-borrador.xml"

_PARRAFO = """<w:p xmlns:w="{w}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<w:pPr><w:keepNext/><w:pBdr><w:top w:val="single" w:sz="12" w:space="1" w:color="000000"/>
<w:left w:val="single" w:sz="12" w:space="4" w:color="000000"/><w:bottom w:val="single" w:sz="12" w:space="1" w:color="000000"/>
<w:right w:val="single" w:sz="12" w:space="4" w:color="000000"/></w:pBdr><w:spacing w:before="0" w:after="80"/><w:jc w:val="center"/></w:pPr>
<w:r><w:rPr><w:b/><w:color w:val="000000"/><w:sz w:val="24"/></w:rPr><w:t>BORRADOR</w:t></w:r>
<w:r><w:rPr><w:color w:val="000000"/><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">{texto}</w:t></w:r>
<w:r><w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">
<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>
<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>
<v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>
<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>
<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>
<v:shape id="PowerPlusWaterMarkObject" o:spid="_x0000_s2049" type="#_x0000_t136"
 style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:110pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin"
 o:allowincell="f" fillcolor="#bfbfbf" stroked="f"><v:fill opacity=".5"/>
<v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt;font-weight:bold" string="BORRADOR"/></v:shape></w:pict></w:r></w:p>"""


def marcar_borrador(datos: bytes, extension: str, motivo: str) -> bytes:
    """El documento (.docx o .xlsx) con BORRADOR en cada página; `motivo` sigue a la palabra («el periodo…»)."""
    if extension == ".docx":
        return _docx(datos, motivo)
    if extension == ".xlsx":
        return _xlsx(datos, motivo)
    raise ValueError(f"no se sabe marcar como borrador un archivo {extension}")


def _xml(raiz: etree._Element) -> bytes:
    return etree.tostring(raiz, xml_declaration=True, encoding="UTF-8", standalone=True)


def _docx(datos: bytes, motivo: str) -> bytes:
    miembros = _miembros_crudos(datos)
    with zipfile.ZipFile(io.BytesIO(datos)) as z:
        documento = etree.fromstring(z.read("word/document.xml"))
        relaciones = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        ajustes = etree.fromstring(z.read("word/settings.xml")) if "word/settings.xml" in miembros else None
        destinos = {r.get("Id"): "word/" + (r.get("Target") or "").lstrip("/").removeprefix("word/")
                    for r in relaciones if r.get("Type") == HEADER}
        cambios: dict[str, bytes] = {}

        # La primera sección necesita sus encabezados (las demás heredan los de la anterior): si le falta
        # alguno, se agrega uno nuevo que solo lleva la marca.
        primera = next(documento.iter(f"{{{W}}}sectPr"), None)
        if primera is not None:
            necesarios = ["default"]
            if primera.find(f"{{{W}}}titlePg") is not None:
                necesarios.append("first")
            if ajustes is not None and ajustes.find(f"{{{W}}}evenAndOddHeaders") is not None:
                necesarios.append("even")
            tiene = {h.get(f"{{{W}}}type", "default") for h in primera.findall(f"{{{W}}}headerReference")}
            faltan = [t for t in necesarios if t not in tiene]
            if faltan:
                rid = "rIdBorrador"
                for tipo in faltan:
                    referencia = etree.Element(f"{{{W}}}headerReference")
                    referencia.set(f"{{{W}}}type", tipo)
                    referencia.set(f"{{{R}}}id", rid)
                    primera.insert(0, referencia)
                etree.SubElement(relaciones, f"{{{REL}}}Relationship", Id=rid, Type=HEADER,
                                 Target=ENCABEZADO_NUEVO.removeprefix("word/"))
                destinos[rid] = ENCABEZADO_NUEVO
                tipos = etree.fromstring(z.read("[Content_Types].xml"))
                etree.SubElement(tipos, f"{{{TIPOS}}}Override", PartName="/" + ENCABEZADO_NUEVO,
                                 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml")
                cambios["[Content_Types].xml"] = _xml(tipos)
                cambios["word/document.xml"] = _xml(documento)
                cambios["word/_rels/document.xml.rels"] = _xml(relaciones)
                cambios[ENCABEZADO_NUEVO] = _xml(etree.fromstring(f'<w:hdr xmlns:w="{W}" xmlns:r="{R}"/>'.encode()))

        parrafo = _PARRAFO.format(w=W, texto=escape(f" — {motivo}")).encode()
        usados = {destinos[h.get(f"{{{R}}}id")] for h in documento.iter(f"{{{W}}}headerReference")
                  if h.get(f"{{{R}}}id") in destinos}
        for nombre in sorted(usados):
            encabezado = etree.fromstring(cambios[nombre] if nombre in cambios else z.read(nombre))
            encabezado.insert(0, etree.fromstring(parrafo))
            cambios[nombre] = _xml(encabezado)

    salida = [_miembro(n, cambios.pop(n)) if n in cambios else m for n, m in miembros.items()]
    salida += [_miembro(n, cambios[n]) for n in sorted(cambios)]  # las partes nuevas, al final
    return escribir_zip(salida)


_ORDEN_TRAS_ENCABEZADO = ("rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags",
                          "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects",
                          "controls", "webPublishItems", "tableParts", "extLst")
"""Los elementos que van después de <headerFooter> en una hoja (el orden del esquema de SpreadsheetML)."""


def _xlsx(datos: bytes, motivo: str) -> bytes:
    miembros = _miembros_crudos(datos)
    with zipfile.ZipFile(io.BytesIO(datos)) as z:
        hojas = {n: etree.fromstring(z.read(n)) for n in miembros if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)}
    marca = "&L&B&12BORRADOR&B&9 — " + motivo.replace("&", "&&")
    cambios = {}
    for nombre, hoja in hojas.items():
        pie = hoja.find(f"{{{X}}}headerFooter")
        if pie is None:
            pie = etree.Element(f"{{{X}}}headerFooter")
            siguiente = next((e for e in hoja if etree.QName(e).localname in _ORDEN_TRAS_ENCABEZADO), None)
            if siguiente is None:
                hoja.append(pie)
            else:
                siguiente.addprevious(pie)
        for tipo in ("oddHeader", "evenHeader", "firstHeader"):
            elemento = pie.find(f"{{{X}}}{tipo}")
            if elemento is None and tipo != "oddHeader":
                continue
            if elemento is None:
                elemento = etree.Element(f"{{{X}}}{tipo}")
                pie.insert(0, elemento)
            actual = elemento.text or ""
            elemento.text = actual.replace("&L", marca, 1) if "&L" in actual else marca + actual
        cambios[nombre] = _xml(hoja)
    return escribir_zip([_miembro(n, cambios[n]) if n in cambios else m for n, m in miembros.items()])

