"""Catálogo de plantillas hostiles: ninguna agota el equipo, sale del entorno aislado ni trae nada de fuera.

Cada caso es una plantilla que una UGEL (o alguien que se hace pasar por ella) podría entregar. `plantilla
verificar` la rechaza con un mensaje en castellano y su ubicación, y llenarla (`render_docx`) falla con un
`ErrorFormatos`, nunca cuelga ni agota la memoria. Los límites que tardan (vueltas, tiempo, tamaño de salida)
se prueban con límites pequeños.
"""

from __future__ import annotations

import io
import re
import struct
import warnings
import zipfile
from pathlib import Path

import pytest
from docx import Document

from formatos.errores import ErrorFormatos
from formatos.recursos import carpeta_plantillas
from formatos.registro import FORMATOS
from formatos.salida import limites, verificacion
from formatos.salida.docx import PlantillaDocx, render_docx
from formatos.salida.verificacion import verificar
from formatos.zip_seguro import LIBRO, Limites, NoEsZip, ZipRechazado, recursos_externos, revisar_zip

MATRIZ = FORMATOS["matriz-docente"]
CONSOLIDADO = FORMATOS["consolidado-valoraciones"]
CONTEXTO = {"ugel": "UGEL Celendín", "docente": {"dni": "41234567"}, "filas": []}


def docx_con(tmp_path: Path, *parrafos: str, nombre: str = "t.docx") -> Path:
    doc = Document()
    for texto in parrafos:
        doc.add_paragraph(texto)
    ruta = tmp_path / nombre
    doc.save(str(ruta))
    return ruta


# --- plantillas que agotarían el equipo ------------------------------------------------------------------
AGOTAN = [
    # (etiqueta, fragmento del error al verificar y al llenar; None si verificar no puede verlo)
    ("{{ 9**(9**9) }}", "da un número de más de 16 384 bits"),
    ("{{ 'A'*2000000000 }}", "tendría 2 000 000 000 caracteres"),
    ("{{ [0]*2000000000 }}", "tendría 2 000 000 000 caracteres o elementos"),
    ("{{ 2000000000*'A' }}", "tendría 2 000 000 000 caracteres"),
    ("{% for i in range(100000) %}{{ i }}{% endfor %}", "«range» de 100 000 elementos"),
    ("{{ range(10**9)|list }}", "«range» de 1 000 000 000 elementos"),
    ("{{ 'a'|center(2000000000) }}", "el filtro «center» tendría"),
    ("{{ 'a'.center(2000000000) }}", "«center» tendría"),
    ("{{ 'a'.ljust(2000000000) }}", "«ljust» tendría"),
    ("{{ 'a'.rjust(2000000000) }}", "«rjust» tendría"),
    ("{{ 'a'.zfill(2000000000) }}", "«zfill» tendría"),
    ("{{ 'x\\ty'.expandtabs(2000000000) }}", "«expandtabs» tendría"),
    ("{{ '%0999999999d' % 1 }}", "pide un ancho de más de 10 000 caracteres"),
    ("{{ '%*d' % (999999999, 1) }}", "pide un ancho de más de 10 000 caracteres"),
    ("{{ '%.999999999f' % 1.5 }}", "pide un ancho de más de 10 000 caracteres"),
    ("{{ '{:>999999999}'.format(1) }}", "pide un ancho de más de 10 000 caracteres"),
    ("{{ '{0:>999999999}'.format_map({'0': 1}) }}", "pide un ancho de más de 10 000 caracteres"),
    ("{{ '%0999999999d'|format(1) }}", "pide un ancho de más de 10 000 caracteres"),
    ("{% set ns = namespace(x='ab') %}{% for i in range(40) %}{% set ns.x = ns.x ~ ns.x %}{% endfor %}{{ ns.x }}",
     "un texto armado por la plantilla tendría"),
    ("{% set ns = namespace(x='ab') %}{% for i in range(40) %}{% set ns.x = ns.x + ns.x %}{% endfor %}{{ ns.x }}",
     "un texto armado por la plantilla tendría"),
    ("{% set l = [1] %}{% for i in range(40) %}{% set _ = l.extend(l) %}{% endfor %}{{ l|length }}",
     "una lista armada por la plantilla"),
    ("{% set ns = namespace(x=3) %}{% for i in range(40) %}{% set ns.x = ns.x * ns.x %}{% endfor %}{{ ns.x }}",
     "un número de la plantilla tendría más de 16 384 bits"),
    ("{{ lipsum(100000) }}", "«lipsum» de más de 100 párrafos"),
    ("{{ 'aaaa'.translate({97: 'x'*1000000}) }}", "«translate» tendría 4 000 000"),
    ("{{ [1,2]|batch(2000000000, 'x')|list }}", "el filtro «batch» tendría"),
    ("{{ [1,2]|slice(2000000000)|list }}", "el filtro «slice» tendría"),
    ("{{ 'abc'|wordwrap(1, wrapstring='x'*900000) }}", "el filtro «wordwrap» tendría"),
    ("{{ 'a'|indent(2000000000) }}", "el filtro «indent» tendría"),
    ("{{ ('x'*900000).join(['a','b','c']) }}", "«join» tendría 1 800 003"),
    ("{{ (['x'*900000]*3)|join }}", "el filtro «join» tendría 2 700 000"),
    ("{{ ('a'*1000)|replace('a', 'b'*10000) }}", "el filtro «replace» tendría 10 000 000"),
    ("{{ ('a'*1000).replace('a', 'b'*10000) }}", "«replace» tendría 10 000 000"),
    ("{{ 'x'*900000 ~ 'y'*900000 }}", "un texto armado por la plantilla tendría"),
]


@pytest.mark.parametrize("etiqueta, esperado", AGOTAN, ids=[str(i) for i in range(len(AGOTAN))])
def test_una_plantilla_no_agota_el_equipo(etiqueta, esperado, tmp_path):
    ruta = docx_con(tmp_path, "Matriz", etiqueta)
    errores = verificar(ruta, MATRIZ).errores
    assert any(esperado in e.mensaje and e.ubicacion.lugar == "párrafo 2" for e in errores), [str(e) for e in errores]
    with pytest.raises(ErrorFormatos) as error:
        render_docx(ruta, CONTEXTO)
    assert esperado in str(error.value)
    assert str(error.value).startswith("cuerpo, en «{")  # dónde: la parte y las etiquetas del párrafo


def test_con_los_datos_reales_y_no_con_los_de_prueba(tmp_path):
    """`(docente.dni|int) ** (docente.dni|int)` pasa la verificación (los datos de prueba no son números) y luego,
    con un DNI, sería un número de cientos de millones de cifras: falla ese documento, con su ubicación."""
    ruta = docx_con(tmp_path, "{{ (docente.dni|int) ** (docente.dni|int) }}", "{{ (docente.dni|int) * 'x' }}")
    assert verificar(ruta, MATRIZ).errores == []
    with pytest.raises(ErrorFormatos, match=r"^cuerpo, en «\{\{ \(docente.dni\|int\) \*\* \(docente.dni\|int\) \}\}»: "
                                            r"«41234567 \*\* 41234567» da un número de más de 16 384 bits"):
        render_docx(ruta, CONTEXTO)
    assert render_docx(ruta, {**CONTEXTO, "docente": {"dni": "1"}})  # con un número pequeño se llena


@pytest.fixture
def limites_chicos(monkeypatch):
    monkeypatch.setattr(limites, "MAXIMO_VUELTAS", 5_000)
    monkeypatch.setattr(limites, "MAXIMO_SALIDA", 200_000)


@pytest.mark.parametrize("etiqueta, esperado", [
    ("{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}", "más de 5 000 vueltas"),
    ("{% for i in range(10000) %}{% for j in range(10000) %}x{% endfor %}{% endfor %}", "más de 5 000 vueltas"),
    ("{% for f in [1, 2, 3] %}{% for i in range(10000) %}{% endfor %}{% endfor %}", "más de 5 000 vueltas"),
    ("{% macro m(n) %}{% for i in range(9) %}{{ m(n) }}{% endfor %}{% endmacro %}{{ m(1) }}", None),
    ("{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}",
     None),  # 2^40 llamadas, sin bucles: cada llamada cuenta como una vuelta
    ("{% for i in range(1000) %}{{ 'x'*100000 }}{% endfor %}", "escribiría más de 200 000 caracteres"),
])
def test_bucles_y_salida_sin_fin(etiqueta, esperado, tmp_path, limites_chicos):
    ruta = docx_con(tmp_path, etiqueta)
    with pytest.raises(ErrorFormatos) as error:
        render_docx(ruta, CONTEXTO)
    assert esperado is None or esperado in str(error.value)
    assert "vueltas" in str(error.value) or "sin fin" in str(error.value) or "escribiría" in str(error.value)
    if esperado:
        assert any(esperado in e.mensaje for e in verificar(ruta, MATRIZ).errores)


def test_una_macro_que_se_llama_a_si_misma(tmp_path):
    ruta = docx_con(tmp_path, "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}")
    with pytest.raises(ErrorFormatos, match="se llama a sí misma sin fin"):
        render_docx(ruta, CONTEXTO)


def test_una_plantilla_lenta_se_detiene_por_tiempo(tmp_path, monkeypatch):
    monkeypatch.setattr(limites, "TIEMPO_POR_DOCUMENTO", 0.3)
    monkeypatch.setattr(verificacion, "TIEMPO_VERIFICAR", 0.3)
    etiqueta = "{% for i in range(10000) %}{% set x = ('y' * 200000)|replace('y', 'z') %}{% endfor %}"
    ruta = docx_con(tmp_path, etiqueta)
    with pytest.raises(ErrorFormatos, match=r"tardó más de 0\.3 s en llenarse y se detuvo"):
        render_docx(ruta, CONTEXTO)
    errores = [e.mensaje for e in verificar(ruta, MATRIZ).errores]
    assert any("tardó más de 0.3 s" in m for m in errores), errores


def test_tras_dos_documentos_detenidos_los_demas_no_se_llenan(tmp_path, limites_chicos, monkeypatch):
    ruta = docx_con(tmp_path, "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}")
    plantilla = PlantillaDocx(ruta)
    vueltas = []
    monkeypatch.setattr(limites, "latido", lambda original=limites.latido: (vueltas.append(1), original())[1])
    plantilla.env.latido = limites.latido
    for _ in range(2):
        with pytest.raises(ErrorFormatos, match="vueltas"):
            plantilla.render(CONTEXTO)
    antes = len(vueltas)
    with pytest.raises(ErrorFormatos, match="ya se detuvo así en otros documentos"):
        plantilla.render(CONTEXTO)
    assert len(vueltas) == antes  # el tercero ni se intentó


# --- salidas del entorno aislado -----------------------------------------------------------------------
ESCAPES = [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "parte interna de Python"),
    ("{{ self._TemplateReference__context }}", "parte interna de Python"),
    ("{{ self.__init__.__globals__ }}", "parte interna de Python"),
    ("{{ range.__init__.__globals__ }}", "parte interna de Python"),
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "parte interna de Python"),
    ("{{ lipsum.__globals__['os'].popen('id').read() }}", "parte interna de Python"),
    ("{{ namespace.__init__.__globals__ }}", "parte interna de Python"),
    ("{{ joiner.__init__.__globals__ }}", "parte interna de Python"),
    ("{{ ()|attr('__class__') }}", "parte interna de Python"),
    ("{{ 'a'|attr('\\x5f\\x5fclass\\x5f\\x5f') }}", "parte interna de Python"),
    ("{{ ''['__class__'] }}", "parte interna de Python"),
    ("{{ dict.__mro__ }}", "parte interna de Python"),
    ("{% set x = lipsum|attr('__globals__') %}{{ x }}", "parte interna de Python"),
    ("{{ ugel.__class__.__base__ }}", "parte interna de Python"),
    ("{{ ugel.format.__globals__ }}", "parte interna de Python"),
    ("{{ '{0.__class__}'.format(ugel) }}", "parte interna de Python"),
    ("{{ '%s'|format(ugel.__class__) }}", "parte interna de Python"),
    ("{{ [ugel]|selectattr('__class__')|list }}", "parte interna de Python"),
    ("{{ (ugel|string).__class__ }}", "parte interna de Python"),
    ("{% for k in ugel.__class__.__dict__ %}{{ k }}{% endfor %}", "parte interna de Python"),
    ("{{ ugel.encode('utf-8').decode.__self__ }}", "parte interna de Python"),
    ("{{ docente.dni.__len__() }}", "parte interna de Python"),
    ("{{ ugel|attr('__init__') }}", "parte interna de Python"),
    ("{{ config.items() }}", "no es un dato de este formato"),
    ("{{ request.application }}", "no es un dato de este formato"),
    ("{% import 'os' as os %}", "no puede incluir ni importar otras plantillas"),
    ("{% include '/etc/passwd' %}", "no puede incluir ni importar otras plantillas"),
    ("{% extends '/etc/passwd' %}", "no puede incluir ni importar otras plantillas"),
]


@pytest.mark.parametrize("etiqueta, esperado", ESCAPES, ids=[str(i) for i in range(len(ESCAPES))])
def test_no_sale_del_entorno_aislado(etiqueta, esperado, tmp_path):
    ruta = docx_con(tmp_path, etiqueta)
    errores = verificar(ruta, MATRIZ).errores
    assert any(esperado in e.mensaje and e.ubicacion.lugar == "párrafo 1" for e in errores), [str(e) for e in errores]
    with pytest.raises(ErrorFormatos) as error:
        render_docx(ruta, CONTEXTO)
    assert re.search("parte interna|no es un dato|no se pueden usar|no puede incluir", str(error.value))


@pytest.mark.parametrize("etiqueta", ["{{ ugel|map(attribute='__class__')|list }}",
                                      "{{ filas|sort(attribute='codigo.__class__')|list }}"])
def test_atributo_interno_en_un_filtro(etiqueta, tmp_path):
    """Jinja devuelve «indefinido» sin avisar: al verificar es un error."""
    [error] = verificar(docx_con(tmp_path, etiqueta), MATRIZ).errores
    assert "es una parte interna de Python" in error.mensaje


# --- el archivo mismo: zip, DTD, recursos externos ---------------------------------------------------------
def cambiar_zip(origen: Path, destino: Path, cambios: dict[str, bytes | None] | None = None,
                agregar: list[tuple[str, bytes]] = (), metodo: int = zipfile.ZIP_DEFLATED) -> Path:
    """Copia un zip cambiando (o quitando, con None) miembros y agregando otros (aunque repitan nombre)."""
    cambios = cambios or {}
    with zipfile.ZipFile(origen) as z, zipfile.ZipFile(destino, "w", metodo) as nuevo:
        for info in z.infolist():
            datos = cambios.get(info.filename, z.read(info))
            if datos is not None:
                nuevo.writestr(info.filename, datos)
        for nombre, datos in agregar:
            info = zipfile.ZipInfo(nombre)
            info.compress_type = metodo
            nuevo.writestr(info, datos)
    return destino


def xml_de(ruta: Path, parte: str) -> str:
    with zipfile.ZipFile(ruta) as z:
        return z.read(parte).decode("utf-8")


def mentir_tamano(ruta: Path, parte: str, tamano: int) -> Path:
    """Escribe en el zip (cabecera local y directorio central) que `parte` ocupa `tamano` bytes descomprimida."""
    datos = bytearray(ruta.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(datos))) as z:
        info = z.getinfo(parte)
    struct.pack_into("<I", datos, info.header_offset + 22, tamano)
    inicio = datos.find(b"PK\x01\x02")
    while inicio >= 0:
        largo = struct.unpack_from("<H", datos, inicio + 28)[0]
        if datos[inicio + 46: inicio + 46 + largo] == parte.encode():
            struct.pack_into("<I", datos, inicio + 24, tamano)
        inicio = datos.find(b"PK\x01\x02", inicio + 4)
    ruta.write_bytes(bytes(datos))
    return ruta


def _relacion(tipo: str, destino: str) -> str:
    return (f'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{tipo}" '
            f'Target="{destino}" TargetMode="External"/></Relationships>')


def _archivos(base: Path, tmp: Path) -> dict[str, tuple[Path, str]]:
    """Los casos del archivo: nombre → (plantilla, fragmento del error)."""
    doc, rels = xml_de(base, "word/document.xml"), xml_de(base, "word/_rels/document.xml.rels")
    ajustes = xml_de(base, "word/settings.xml")
    cero = b"\0" * (20 * 2**20)
    campo = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE '
             '"http://ejemplo.org/logo.png" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    dtd = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    casos = {
        "bomba": (cambiar_zip(base, tmp / "bomba.docx", agregar=[("word/media/relleno.bin", cero)]),
                  "parece una «bomba zip»: su parte «word/media/relleno.bin» se expande de"),
        "bomba-oculta": (mentir_tamano(cambiar_zip(base, tmp / "oculta.docx", agregar=[("word/media/r.bin", cero)]),
                                       "word/media/r.bin", 1000), "no se puede abrir como documento de Word"),
        "muchas-partes": (cambiar_zip(base, tmp / "partes.docx", agregar=[(f"word/media/p{i}.bin", b"") for i in range(1001)]),
                          "partes internas (el máximo es 1000)"),
        "sube-carpetas": (cambiar_zip(base, tmp / "sube.docx", agregar=[("../../x.xml", b"<a/>")]),
                          "nombre no permitido («../../x.xml»)"),
        "absoluta": (cambiar_zip(base, tmp / "absoluta.docx", agregar=[("/etc/x.xml", b"<a/>")]),
                     "nombre no permitido («/etc/x.xml»)"),
        "unidad-windows": (cambiar_zip(base, tmp / "unidad.docx", agregar=[("C:/x.xml", b"<a/>")]), "nombre no permitido"),
        "repetida": (cambiar_zip(base, tmp / "repetida.docx", agregar=[("word/document.xml", doc.encode())]),
                     "dos partes internas con el mismo nombre («word/document.xml»)"),
        "xxe-cuerpo": (cambiar_zip(base, tmp / "xxe.docx", {"word/document.xml": (dtd + doc.split("?>", 1)[1]).encode()}),
                       "«word/document.xml» trae una declaración DOCTYPE (DTD)"),
        "xxe-relaciones": (cambiar_zip(base, tmp / "xxe-rels.docx", {
            "word/_rels/document.xml.rels": (dtd + rels.split("?>", 1)[1]).encode()}), "trae una declaración DOCTYPE"),
        "imagen-por-url": (cambiar_zip(base, tmp / "imagen.docx", {"word/_rels/document.xml.rels": rels.replace(
            "</Relationships>", _relacion("image", "http://ejemplo.org/espia.png")).encode()}),
                           "una imagen enlazada «http://ejemplo.org/espia.png»"),
        "plantilla-remota": (cambiar_zip(base, tmp / "remota.docx", {
            "word/settings.xml": ajustes.replace("<w:zoom", '<w:attachedTemplate r:id="rIdX"/><w:zoom').encode()},
            agregar=[("word/_rels/settings.xml.rels", ('<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                                                       'openxmlformats.org/package/2006/relationships">' + _relacion(
                                                           "attachedTemplate", "http://ejemplo.org/p.dotm")).encode())]),
            "una plantilla remota «http://ejemplo.org/p.dotm»"),
        "ole": (cambiar_zip(base, tmp / "ole.docx", {"word/_rels/document.xml.rels": rels.replace(
            "</Relationships>", _relacion("oleObject", "file://servidor/hoja.xls")).encode()}),
                "un objeto OLE enlazado «file://servidor/hoja.xls»"),
        "includepicture": (cambiar_zip(base, tmp / "campo.docx", {
            "word/document.xml": doc.replace("<w:body>", "<w:body>" + campo).encode()}),
                           "un campo INCLUDEPICTURE que trae contenido de fuera"),
        "no-es-zip": (tmp / "texto.docx", "no se puede abrir como documento de Word"),
        "vacio": (tmp / "vacio.docx", "no se puede abrir como documento de Word"),
        "truncado": (tmp / "truncado.docx", "no se puede abrir como documento de Word"),
        "sin-documento": (cambiar_zip(base, tmp / "sin.docx", {"word/document.xml": None}),
                          "no se puede abrir como documento de Word"),
        "otra-extension": (tmp / "matriz.xlsx", "la plantilla de «matriz-docente» debe ser un documento de Word (.docx)"),
    }
    (tmp / "texto.docx").write_text("{{ ugel }}", "utf-8")
    (tmp / "vacio.docx").write_bytes(b"")
    (tmp / "truncado.docx").write_bytes(base.read_bytes()[:2000])
    (tmp / "matriz.xlsx").write_bytes(base.read_bytes())
    return casos


ARCHIVOS = ["bomba", "bomba-oculta", "muchas-partes", "sube-carpetas", "absoluta", "unidad-windows", "repetida",
            "xxe-cuerpo", "xxe-relaciones", "imagen-por-url", "plantilla-remota", "ole", "includepicture",
            "no-es-zip", "vacio", "truncado", "sin-documento", "otra-extension"]


@pytest.fixture(scope="module")
def archivos(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("archivos")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # el zip con dos partes del mismo nombre es a propósito
        return _archivos(docx_con(tmp, "{{ ugel }}", nombre="base.docx"), tmp)


@pytest.mark.parametrize("caso", ARCHIVOS)
def test_el_archivo_de_la_plantilla(caso, archivos):
    ruta, esperado = archivos[caso]
    errores = verificar(ruta, MATRIZ).errores
    assert errores and any(esperado in e.mensaje for e in errores), [e.mensaje for e in errores]
    assert all(e.mensaje.isprintable() and "Error" not in e.mensaje for e in errores)  # castellano, sin nombres de Python
    if caso != "otra-extension":
        with pytest.raises(ErrorFormatos):  # y llenarla sin verificar tampoco la lee
            PlantillaDocx(ruta)


def test_un_hipervinculo_no_es_un_recurso_externo(archivos, tmp_path):
    base = archivos["bomba"][0].with_name("base.docx")
    rels = xml_de(base, "word/_rels/document.xml.rels")
    ruta = cambiar_zip(base, tmp_path / "enlace.docx", {"word/_rels/document.xml.rels": rels.replace(
        "</Relationships>", _relacion("hyperlink", "https://www.minedu.gob.pe")).encode()})
    assert recursos_externos(ruta.read_bytes()) == []
    assert verificar(ruta, MATRIZ).errores == []


# --- plantillas .xlsx ---------------------------------------------------------------------------------------
def test_las_plantillas_xlsx_incluidas_son_validas():
    for formato in (f for f in FORMATOS.values() if f.extension == ".xlsx"):
        assert verificar(carpeta_plantillas() / formato.plantilla, formato).problemas == []


@pytest.mark.parametrize("caso, esperado", [
    ("no-es-zip", "no se puede abrir como libro de Excel (.xlsx)"),
    ("sin-estilos", "a la plantilla le faltan los estilos de celda: Título, Subtítulo"),
    ("vinculo", "un vínculo a otro libro"),
    ("bomba", "parece una «bomba zip»"),
    ("xxe", "trae una declaración DOCTYPE"),
    ("docx", "debe ser un libro de Excel (.xlsx)"),
])
def test_plantilla_xlsx_mala(caso, esperado, tmp_path):
    base = carpeta_plantillas() / CONSOLIDADO.plantilla
    ruta = tmp_path / CONSOLIDADO.plantilla
    estilos = xml_de(base, "xl/styles.xml")
    if caso == "no-es-zip":
        ruta.write_text("hola", "utf-8")
    elif caso == "sin-estilos":
        cambiar_zip(base, ruta, {"xl/styles.xml": re.sub(r'<cellStyle name="(Título|Subtítulo)"[^>]*/>', "",
                                                         estilos).encode()})
    elif caso == "vinculo":
        cambiar_zip(base, ruta, agregar=[("xl/externalLinks/externalLink1.xml", b"<externalLink/>")])
    elif caso == "bomba":
        cambiar_zip(base, ruta, agregar=[("xl/media/relleno.bin", b"\0" * (20 * 2**20))])
    elif caso == "xxe":
        cambiar_zip(base, ruta, {"xl/styles.xml": ('<!DOCTYPE s [<!ENTITY x "y">]>' + estilos).encode()})
    else:
        ruta = ruta.with_suffix(".docx")
        ruta.write_bytes(base.read_bytes())
    errores = verificar(ruta, CONSOLIDADO).errores
    assert len(errores) == 1 and esperado in errores[0].mensaje, [e.mensaje for e in errores]


# --- zip_seguro: los límites uno por uno ------------------------------------------------------------------
def _zip(miembros: list[tuple[str, bytes]]) -> bytes:
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as z:
        for nombre, datos in miembros:
            z.writestr(nombre, datos)
    return salida.getvalue()


def test_limites_del_zip():
    chicos = Limites(miembros=3, total=1000, razon=10, desde=600)
    revisar_zip(_zip([("a.xml", b"<a/>"), ("b.xml", b"x" * 500)]), chicos)  # 500 bytes: razón alta, pero es pequeña
    with pytest.raises(ZipRechazado, match="tiene 4 partes internas"):
        revisar_zip(_zip([(f"{i}.xml", b"") for i in range(4)]), chicos)
    with pytest.raises(ZipRechazado, match=r"descomprimido ocuparía 1 KB o más \(el máximo es 1000 bytes\)"):
        revisar_zip(_zip([("a.bin", bytes(range(256)) * 2), ("b.bin", bytes(range(256)) * 2)]), chicos)
    with pytest.raises(ZipRechazado, match="bomba zip"):
        revisar_zip(_zip([("a.xml", b"x" * 900)]), chicos)
    with pytest.raises(NoEsZip, match="no es un archivo de Word o Excel válido"):
        revisar_zip(b"PK\x03\x04 no soy un zip")
    with pytest.raises(ZipRechazado, match=r"nombre no permitido \(«a/\.\./\.\./b»\)"):
        revisar_zip(_zip([("a/../../b", b"")]))
    with pytest.raises(ZipRechazado, match="nombre no permitido"):
        revisar_zip(_zip([("..\\..\\b", b"")]))


def test_un_libro_de_entrada_que_es_una_bomba_zip(tmp_path):
    """Un .xlsx de 1 MB que se expande a cientos: un solo mensaje, sin leerlo (antes: 85 s y 80 000 errores)."""
    from click.testing import CliRunner

    from formatos.cli import cli

    ruta = tmp_path / "datos.xlsx"
    ruta.write_bytes(_zip([("[Content_Types].xml", b"<Types/>"), ("xl/worksheets/sheet1.xml", b"<row/>" * (40 * 2**20))]))
    assert ruta.stat().st_size < 2**20
    resultado = CliRunner().invoke(cli, ["validar", str(ruta)])
    assert resultado.exit_code == 1
    lineas = [linea for linea in resultado.output.splitlines() if linea.strip()]
    assert lineas[0] == ("datos.xlsx: descomprimido ocuparía 240 MB o más (el máximo es 200 MB); si es un libro suyo, "
                         "divídalo o borre las hojas y filas que no use")
    assert len(lineas) == 2  # el problema y la cuenta
    assert LIBRO.total == 200 * 2**20
