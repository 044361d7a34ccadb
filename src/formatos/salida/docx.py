"""Plantillas Word compiladas: docxtpl prepara la plantilla una sola vez y cada documento solo se renderiza.

`PlantillaDocx(ruta)` hace una vez lo que `DocxTemplate.render` rehace en cada documento: leer el .docx,
limpiar el XML de las etiquetas (`patch_xml`) y compilar con Jinja el cuerpo, los encabezados, los pies,
las notas al pie y las propiedades del documento, en el entorno aislado de `entorno()`. Por documento solo
se ejecutan las plantillas ya compiladas y los mismos pasos finales de docxtpl (`resolve_listing`,
`fix_tables`, `fix_docpr_ids`); el .docx se escribe copiando tal cual los miembros que no cambian.
El resultado es el mismo XML que da `DocxTemplate(...).render(...)` (lo comprueba `tests/test_lote.py`).
"""

from __future__ import annotations

import copy
import html
import io
import re
import struct
import threading
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.image.exceptions import InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError
from docx.image.image import Image
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import parse_xml, serialize_part_xml
from docx.oxml.ns import nsmap
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from formatos.errores import ErrorFormatos
from formatos.salida.esqueletos import CAPTURAS, LISTADO, Esqueletos, marcar, sin_saltos_de_plantilla
from formatos.salida.filtros import FILTROS
from formatos.salida.graficos import dibujar, es_grafico
from formatos.salida.limites import EntornoLimitado, LimiteDeVueltas, LimitePlantilla, linea_de_plantilla, vigilar
from formatos.salida.mensajes import mensaje_jinja
from formatos.salida.texto import para_word
from formatos.zip_seguro import PLANTILLA, recursos_externos, revisar_zip

# docxtpl importa docxcompose, que cambia para todo el proceso el prefijo «cp» de python-docx al espacio de
# nombres de las propiedades personalizadas: las propiedades del documento (docProps/core.xml) se escribirían
# con elementos ajenos que Word puede rechazar. Se devuelve a su valor (OPC, propiedades básicas).
nsmap["cp"] = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"

FECHA_ZIP = (2000, 1, 1, 0, 0, 0)
_PARTES = {"document.xml": "cuerpo", "header.xml": "encabezado", "footer.xml": "pie de página",
           "footnotes.xml": "notas al pie", "core.xml": "propiedades del documento"}
PROPIEDADES = ("author", "comments", "identifier", "language", "subject", "title")
"""Las propiedades de texto que docxtpl renderiza (`DocxTemplate.render_properties`)."""


_ATRIBUTOS_DE_DICT = frozenset(dir(dict))


class _Aislado(EntornoLimitado):
    """El entorno aislado de Jinja, con sus límites (`limites`) y `dato.campo` más rápido sobre los dict del contexto."""

    def getattr(self, obj, attribute):
        # Lo mismo que hace Jinja (un dict no tiene más atributos que los de su clase), sin la excepción.
        if type(obj) is dict and attribute not in _ATRIBUTOS_DE_DICT and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def entorno() -> SandboxedEnvironment:
    """El entorno Jinja de todas las plantillas: aislado y limitado, con escape automático y variables estrictas."""
    env = _Aislado(autoescape=True, undefined=StrictUndefined, finalize=para_word)
    env.filters.update(FILTROS)
    return env


# --- zip determinista -------------------------------------------------------------------------------

_FECHA_DOS = (FECHA_ZIP[0] - 1980) << 9 | FECHA_ZIP[1] << 5 | FECHA_ZIP[2]
_HORA_DOS = 0
_PERMISOS = 0o600 << 16
_HECHO_POR = 3 << 8 | 20  # Unix, zip 2.0: igual en Windows y Linux


class _Miembro:
    """Un miembro del zip listo para copiar: su cabecera local con los datos comprimidos y su entrada del
    directorio central (sin el desplazamiento, que depende de los miembros anteriores)."""

    __slots__ = ("central", "local", "nombre")

    def __init__(self, nombre: str, metodo: int, crc: int, tamano: int, comprimido: bytes) -> None:
        self.nombre = nombre.encode("utf-8")
        banderas = 0 if self.nombre.isascii() else 0x800
        comunes = (metodo, _HORA_DOS, _FECHA_DOS, crc, len(comprimido), tamano, len(self.nombre))
        self.local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, banderas, *comunes, 0) + self.nombre + comprimido
        self.central = struct.pack("<IHHHHHHIIIHHHHHI", 0x02014B50, _HECHO_POR, 20, banderas, *comunes,
                                   0, 0, 0, 0, _PERMISOS)


def _miembro(nombre: str, datos: bytes) -> _Miembro:
    return _Miembro(nombre, zipfile.ZIP_DEFLATED, zlib.crc32(datos), len(datos),
                    zlib.compress(datos, 1, wbits=-15))  # nivel 1: rápido, y el tamaño casi no cambia


def _miembros_crudos(datos: bytes) -> dict[str, _Miembro]:
    """Los miembros de un zip con sus bytes comprimidos tal como están (sin descomprimir ni recomprimir)."""
    miembros = {}
    with zipfile.ZipFile(io.BytesIO(datos)) as z:
        for info in z.infolist():
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
                miembros[info.filename] = _miembro(info.filename, z.read(info))
                continue
            inicio = info.header_offset
            largo_nombre, largo_extra = struct.unpack("<HH", datos[inicio + 26 : inicio + 30])
            inicio += 30 + largo_nombre + largo_extra
            miembros[info.filename] = _Miembro(info.filename, info.compress_type, info.CRC, info.file_size,
                                               datos[inicio : inicio + info.compress_size])
    return miembros


def escribir_zip(miembros: list[_Miembro]) -> bytes:
    """Un zip con fechas fijas, permisos fijos y el orden dado: mismos miembros, mismos bytes."""
    central, desplazamiento = [], 0
    for m in miembros:
        central += [m.central, struct.pack("<I", desplazamiento), m.nombre]
        desplazamiento += len(m.local)
    directorio = b"".join(central)
    fin = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(miembros), len(miembros), len(directorio),
                      desplazamiento, 0)
    return b"".join(m.local for m in miembros) + directorio + fin


# --- la plantilla compilada -------------------------------------------------------------------------


def _nombre(parte) -> str:
    return str(parte.partname).lstrip("/")


class PlantillaDocx:
    """Una plantilla .docx preparada una vez; `render(contexto)` da los bytes de cada documento."""

    def __init__(self, ruta: str | Path, env: SandboxedEnvironment | None = None) -> None:
        self.ruta = Path(ruta)
        self.env = env or entorno()
        datos = self._datos = self.ruta.read_bytes()
        revisar_zip(datos, PLANTILLA, self.ruta.name)
        externos = recursos_externos(datos)
        if externos:
            raise ErrorFormatos(f"{self.ruta.name}: la plantilla tiene {'; '.join(externos)}: Word o LibreOffice lo "
                                "buscarían fuera del documento al abrirlo; quítelo (o inserte la imagen en el documento)")
        try:
            self._miembros = _miembros_crudos(datos)
            self._tpl = DocxTemplate(io.BytesIO(datos))  # solo para sus funciones de limpieza, no para renderizar
            doc = self._tpl.get_docx()
        except Exception as e:  # noqa: BLE001 - le falta una parte, XML dañado...
            raise ErrorFormatos(f"{self.ruta.name} no se puede abrir como documento de Word (.docx); ábralo en Word "
                                "y guárdelo de nuevo") from e
        self._fuentes: dict[str, str] = {}
        principal = doc.part
        self._nombre_cuerpo = _nombre(principal)
        self._raiz = parse_xml(principal.blob)
        self._cuerpo_actual = _hijo(self._raiz, principal.element.body.tag)
        self._cuerpo = self._compilar(self._tpl.get_xml(), self._nombre_cuerpo, self._raiz.nsmap)
        self._antes, self._despues = _alrededor_del_cuerpo(self._raiz, self._cuerpo_actual)
        self._imagenes = "docPr" in self._tpl.get_xml()
        self._cuerpo_marcado, self._esqueletos = None, None
        if not isinstance(self._cuerpo, _Fija) and not any(self.env.parse(self._fuente_cuerpo).find_all(CAPTURAS)):
            self._cuerpo_marcado = self.env.overlay(finalize=marcar).from_string(self._fuente_cuerpo)
            self._esqueletos = Esqueletos(lambda xml: self._documento(self._posproceso(xml), ajustar=False),
                                          self._sin_ajustes, por_piezas=not self._imagenes)
        self._partes: dict[str, tuple[Any, str]] = {}  # plantilla (o _Fija) y codificación
        for uri in (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI):
            for _, parte in self._tpl.get_headers_footers(uri):
                xml = self._tpl.get_part_xml(parte)
                self._partes[_nombre(parte)] = (self._compilar(xml, _nombre(parte)),
                                               self._tpl.get_headers_footers_encoding(xml))
        self._notas = {
            _nombre(p): self._compilar(p.blob.decode("utf-8"), _nombre(p))
            for p in principal.package.parts if p.content_type == CT.WML_FOOTNOTES
        }
        self._propiedades: list[tuple[str, Any]] = []
        if any(r.reltype == RT.CORE_PROPERTIES for r in principal.package.rels.values()):
            nucleo = doc.core_properties
            self._nombre_nucleo = _nombre(principal.package.part_related_by(RT.CORE_PROPERTIES))
            self._nucleo = nucleo._element
            self._propiedades = [(p, _Fija.o_plantilla(self.env, getattr(nucleo, p))) for p in PROPIEDADES]
        self._memoria: dict[tuple[str, str], bytes] = {}
        self._comprimidos: dict[str, tuple[bytes, _Miembro]] = {}
        self._parte = self._nombre_cuerpo  # la que se está llenando: para decir dónde pasó un límite
        self._detenciones: list[str] = []
        self._cerrojo = threading.Lock()  # lo que guarda entre documentos (esqueletos, partes) es de un hilo a la vez

    def _compilar(self, xml: str, parte: str, espacios: dict | None = None):
        xml = self._tpl.patch_xml(xml).replace("<w:p ", "\n<w:p ").replace("<w:p>", "\n<w:p>")
        if espacios:  # las declaraciones que el cuerpo repite de la raíz (lxml las quita al insertarlo)
            inicio = xml.index(">")
            etiqueta = re.sub(r' xmlns:(\w+)="([^"]*)"',
                              lambda m: "" if espacios.get(m[1]) == m[2] else m[0], xml[:inicio])
            self._etiquetas_cuerpo = (xml[:inicio], etiqueta)
            xml = self._fuente_cuerpo = etiqueta + xml[inicio:]
        self._fuentes[parte] = xml
        try:
            return _Fija.o_plantilla(self.env, xml)
        except TemplateError as e:
            raise ErrorFormatos(mensaje_jinja(e)) from e

    def _render_parte(self, plantilla, contexto: dict) -> str:
        return self._posproceso(plantilla.render(contexto))

    def _posproceso(self, xml: str) -> str:
        """Lo que hace `DocxTemplate.render_xml_part` después de renderizar."""
        xml = sin_saltos_de_plantilla(xml)
        if "{_" in xml or "_}" in xml:
            xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        return self._tpl.resolve_listing(xml) if any(c in xml for c in LISTADO) else xml

    def _una_vez(self, parte: str, xml: str, convertir) -> bytes:
        """Las partes que salen igual en todos los documentos (encabezados, propiedades) se serializan una vez."""
        clave = (parte, xml)
        if clave not in self._memoria:
            if len(self._memoria) > 64:
                self._memoria.clear()
            self._memoria[clave] = convertir(xml)
        return self._memoria[clave]

    def partes(self, contexto: dict) -> dict[str, bytes]:
        """Las partes XML renderizadas con `contexto`, por nombre de miembro del zip."""
        self._parte = self._nombre_cuerpo
        nuevas = {self._nombre_cuerpo: self._cuerpo_de(contexto)}
        for nombre, (plantilla, codificacion) in self._partes.items():
            self._parte = nombre
            xml = self._render_parte(plantilla, contexto)
            nuevas[nombre] = self._una_vez(nombre, xml, lambda x, c=codificacion: _serializar(x, c))
        for nombre, plantilla in self._notas.items():
            self._parte = nombre
            xml = self._render_parte(plantilla, contexto)
            _comprobar(xml, "una parte del documento")
            nuevas[nombre] = xml.encode("utf-8")
        if self._propiedades:
            self._parte = self._nombre_nucleo
            valores = "\x00".join(p.render(contexto) for _, p in self._propiedades)
            nuevas[self._nombre_nucleo] = self._una_vez(self._nombre_nucleo, valores, self._nucleo_con)
        return nuevas

    def _cuerpo_de(self, contexto: dict) -> bytes:
        """document.xml: por el atajo de los esqueletos (ver `esqueletos`) si se puede, si no como docxtpl."""
        if self._esqueletos is None or self._cuerpo_marcado is None or not self._esqueletos.activo:
            return self._documento(self._render_parte(self._cuerpo, contexto))
        marcado = self._cuerpo_marcado.render(contexto)
        armado = self._esqueletos.armar(marcado)
        if armado is None:
            return self._documento(self._render_parte(self._cuerpo, contexto))
        datos, comprobar = armado
        if comprobar:
            completo = self._documento(self._render_parte(self._cuerpo, contexto))
            if completo != datos:
                self._esqueletos.dejar()
                return completo
        return datos

    def _documento(self, xml: str, ajustar: bool = True) -> bytes:
        """document.xml con el cuerpo ya renderizado `xml`, armado con lxml como lo arma docxtpl."""
        # Todo el document.xml de una vez: más rápido que insertar el cuerpo en la raíz como docxtpl.
        raiz = _comprobar(self._antes + xml + self._despues, "el cuerpo del documento")  # docxtpl lo repararía
        cuerpo = _hijo(raiz, self._cuerpo_actual.tag)
        if _tablas_por_ajustar(cuerpo):  # raro: lo hace docxtpl, sobre el cuerpo como él lo renderiza
            if not ajustar:
                raise ErrorFormatos("una tabla que docxtpl reajusta")
            original, sin_espacios = self._etiquetas_cuerpo
            cuerpo = self._tpl.fix_tables(original + xml[len(sin_espacios):])
            self._raiz.replace(self._cuerpo_actual, cuerpo)
            raiz, self._cuerpo_actual = self._raiz, cuerpo
        if self._imagenes:
            self._tpl.docx_ids_index = 1000
            self._tpl.fix_docpr_ids(cuerpo)
        return serialize_part_xml(raiz)

    def _sin_ajustes(self, documento: bytes) -> None:
        """Un document.xml ya armado es XML válido y docxtpl no reajustaría sus tablas (si no, un error)."""
        raiz = _comprobar_bytes(documento, "el cuerpo del documento")
        if _tablas_por_ajustar(_hijo(raiz, self._cuerpo_actual.tag)):
            raise ErrorFormatos("una tabla que docxtpl reajusta")

    def _nucleo_con(self, valores: str) -> bytes:
        elemento = copy.deepcopy(self._nucleo)
        propiedades = CoreProperties(elemento)
        for (nombre, _), valor in zip(self._propiedades, valores.split("\x00"), strict=True):
            setattr(propiedades, nombre, valor)
        return serialize_part_xml(elemento)

    def render(self, contexto: dict) -> bytes:
        """Los bytes del .docx: las partes renderizadas y los demás miembros copiados tal cual.

        Un documento con gráficos o imágenes (partes nuevas en el paquete) lo arma docxtpl mismo, como `render_simple`.
        Se puede llamar desde varios hilos.
        """
        if len(self._detenciones) >= 2:
            raise LimiteDeVueltas(f"{self._detenciones[-1]} (la plantilla ya se detuvo así en otros documentos: este "
                                  "no se llenó)")
        if _con_imagenes(contexto):
            try:
                return render_simple(self._datos, contexto)
            except LimiteDeVueltas as e:
                raise self._detenida(e) from None
        try:
            with self._cerrojo, vigilar():
                return self._render(contexto)
        except LimitePlantilla as e:
            raise self._detenida(self._ubicado(e)) from None
        except RecursionError:
            raise LimitePlantilla("la plantilla se llama a sí misma sin fin (una macro que se usa dentro de sí "
                                  "misma)") from None
        except TemplateError as e:
            raise ErrorFormatos(mensaje_jinja(e)) from e

    def _ubicado(self, error: LimitePlantilla) -> LimitePlantilla:
        """El error con la parte y el párrafo de la plantilla donde ocurrió (el XML compilado tiene un párrafo
        por línea)."""
        linea, fuente = linea_de_plantilla(error), self._fuentes.get(self._parte)
        parte = _PARTES.get(re.sub(r"\d+", "", self._parte.rpartition("/")[2]), self._parte)
        if linea is None or fuente is None or not 0 < linea <= fuente.count("\n") + 1:
            return type(error)(f"{parte}: {error}")
        texto = html.unescape(re.sub(r"<[^>]*>", "", fuente.split("\n")[linea - 1]))
        etiquetas = re.findall(r"\{\{.*?\}\}|\{%.*?%\}", texto)
        donde = " ".join(etiquetas) if etiquetas else texto
        return type(error)(f"{parte}, en «{donde if len(donde) <= 120 else donde[:119] + '…'}»: {error}")

    def _detenida(self, error: LimitePlantilla) -> LimitePlantilla:
        """Tras dos documentos detenidos por vueltas o tiempo, los demás de esta plantilla fallan sin llenarse."""
        if isinstance(error, LimiteDeVueltas):
            self._detenciones.append(str(error))
        return error

    def _render(self, contexto: dict) -> bytes:
        nuevas = self.partes(contexto)
        miembros = []
        for nombre, miembro in self._miembros.items():
            if nombre in nuevas:
                datos = nuevas[nombre]
                anterior = self._comprimidos.get(nombre)
                if anterior is None or anterior[0] is not datos:  # las partes iguales se comprimen una vez
                    anterior = self._comprimidos[nombre] = (datos, _miembro(nombre, datos))
                miembro = anterior[1]
            miembros.append(miembro)
        return escribir_zip(miembros)


def _alrededor_del_cuerpo(raiz: etree._Element, cuerpo: etree._Element) -> tuple[str, str]:
    """El XML de document.xml antes y después del cuerpo."""
    marca = etree.Element(cuerpo.tag)
    marca.text = "CUERPO-DE-LA-PLANTILLA"
    raiz.replace(cuerpo, marca)
    xml = etree.tostring(raiz, encoding="unicode")
    raiz.replace(marca, cuerpo)
    i = xml.index(">CUERPO-DE-LA-PLANTILLA<") + 1
    return xml[: xml.rindex("<", 0, i)], xml[xml.index(">", i) + 1 :]


@dataclass(frozen=True)
class _Fija:
    """Una parte sin etiquetas Jinja: su resultado, calculado una vez, es el mismo en todos los documentos."""

    texto: str

    def render(self, _contexto: dict) -> str:
        return self.texto

    @classmethod
    def o_plantilla(cls, env: SandboxedEnvironment, fuente: str):
        plantilla = env.from_string(fuente)
        marcas = (env.block_start_string, env.variable_start_string, env.comment_start_string)
        if env.line_statement_prefix or env.line_comment_prefix or any(m in fuente for m in marcas):
            return plantilla
        return cls(plantilla.render({}))


def _serializar(xml: str, codificacion: str) -> bytes:
    """Como python-docx guarda un encabezado o pie que docxtpl reemplazó (`XmlPart.load` y `blob`)."""
    try:
        return serialize_part_xml(parse_xml(xml.encode(codificacion)))  # type: ignore[arg-type]  # lxml lee bytes
    except etree.XMLSyntaxError as e:
        raise ErrorFormatos(_NO_ES_XML.format(parte="una parte del documento", error=e)) from e


_NO_ES_XML = ("{parte} no es XML válido tras llenar la plantilla ({error}); "
              "revise la plantilla con `formatos plantilla verificar`")


def _hijo(raiz: etree._Element, etiqueta: str) -> etree._Element:
    """El hijo de `raiz` con esa etiqueta (el cuerpo de document.xml), que debe existir."""
    hijo = raiz.find(etiqueta)
    if hijo is None:
        raise ErrorFormatos(f"al documento le falta su cuerpo ({etiqueta})")
    return hijo


def _comprobar(xml: str, parte: str) -> etree._Element:
    """Una parte renderizada que no es XML bien formado es un error, nunca un archivo guardado."""
    return _comprobar_bytes(xml.encode("utf-8"), parte)


def _comprobar_bytes(xml: bytes, parte: str) -> etree._Element:
    try:
        return etree.fromstring(xml)
    except etree.XMLSyntaxError as e:
        raise ErrorFormatos(_NO_ES_XML.format(parte=parte, error=e)) from e


_W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_TABLA = "{%s}tbl" % _W["w"]
_COLUMNAS = etree.XPath("count(w:tblGrid/w:gridCol)", namespaces=_W)
_FILA_ANCHA = etree.XPath(".//w:tr[count(w:tc) > $n]", namespaces=_W)
_FILA_COMPLETA = etree.XPath(
    ".//w:tr[count(w:tc[not(w:tcPr[1]/w:gridSpan)]) + sum(w:tc/w:tcPr[1]/w:gridSpan[1]/@w:val) >= $n]", namespaces=_W)


def _tablas_por_ajustar(cuerpo: etree._Element) -> bool:
    """¿Cambiaría algo `DocxTemplate.fix_tables`? Solo si una fila tiene más celdas que la cuadrícula
    de su tabla o si ninguna la llena (p. ej. por un bucle `{%tc %}`); si no, se ahorra su trabajo."""
    for tabla in cuerpo.iter(_TABLA):
        columnas = _COLUMNAS(tabla)
        if _FILA_ANCHA(tabla, n=columnas) or not _FILA_COMPLETA(tabla, n=columnas):
            return True
    return False


_CACHE: dict[tuple[Path, int, int], PlantillaDocx] = {}


def compilar_docx(plantilla: Path) -> PlantillaDocx:
    """La plantilla compilada (una vez por archivo y versión del archivo)."""
    estado = plantilla.stat()
    clave = (plantilla.resolve(), estado.st_mtime_ns, estado.st_size)
    if clave not in _CACHE:
        if len(_CACHE) >= 16:
            _CACHE.clear()
        _CACHE[clave] = PlantillaDocx(plantilla)
    return _CACHE[clave]


def render_docx(plantilla: Path, contexto: dict) -> bytes:
    """Renderiza una plantilla .docx con el contexto y devuelve los bytes del documento."""
    return compilar_docx(plantilla).render(contexto)


# --- documentos con gráficos o imágenes: docxtpl mismo ----------------------------------------------

def es_imagen(valor) -> bool:
    """Un valor del contexto es una imagen si es un dict {"imagen": ruta o bytes, "ancho_cm": ..., "alto_max_cm": ...}."""
    return isinstance(valor, dict) and isinstance(valor.get("imagen"), (str, bytes)) and "ancho_cm" in valor


def _con_imagenes(valor) -> bool:
    if isinstance(valor, dict):
        return es_grafico(valor) or es_imagen(valor) or any(_con_imagenes(v) for v in valor.values())
    if isinstance(valor, list):
        return any(_con_imagenes(v) for v in valor)
    return False


def _imagen(valor: dict, doc: DocxTemplate) -> InlineImage:
    """La imagen con su ancho; más baja si con ese ancho pasaría de `alto_max_cm` (sin deformarla)."""
    datos = valor["imagen"]
    try:
        if isinstance(datos, str):
            datos = Path(datos).read_bytes()
        imagen = Image.from_blob(datos)
    except (OSError, struct.error, InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError) as e:
        nombre = valor["imagen"] if isinstance(valor["imagen"], str) else "de los datos"
        raise ErrorFormatos(f"no se puede leer la imagen «{nombre}»: no es un PNG o JPEG válido") from e
    ancho, alto_max = valor["ancho_cm"], valor.get("alto_max_cm")
    if alto_max and imagen.px_width and ancho * imagen.px_height / imagen.px_width > alto_max:
        return InlineImage(doc, io.BytesIO(datos), height=Cm(alto_max))
    return InlineImage(doc, io.BytesIO(datos), width=Cm(ancho))


class _PlantillaEstricta(DocxTemplate):
    """docxtpl repara en silencio (recover=True) un cuerpo que quedó con XML roto: aquí es un error."""

    def fix_tables(self, xml):
        _comprobar(xml, "el cuerpo del documento")
        return super().fix_tables(xml)


def con_imagenes(valor, doc: DocxTemplate):
    """Cambia cada gráfico (ver `graficos`) o imagen (ver `es_imagen`) del contexto por su imagen en el documento."""
    if es_grafico(valor):
        return InlineImage(doc, io.BytesIO(dibujar(valor)), width=Cm(valor.get("ancho_cm", 16)))
    if es_imagen(valor):
        return _imagen(valor, doc)
    if isinstance(valor, dict):
        return {k: con_imagenes(v, doc) for k, v in valor.items()}
    if isinstance(valor, list):
        return [con_imagenes(v, doc) for v in valor]
    return valor


def render_simple(plantilla: Path | bytes, contexto: dict) -> bytes:
    """El documento como lo arma docxtpl solo (un DocxTemplate nuevo), con los gráficos e imágenes en su lugar.

    `plantilla`: la ruta o los bytes de la plantilla (ya revisada con `revisar_zip` si es de fuera)."""
    doc = _PlantillaEstricta(io.BytesIO(plantilla) if isinstance(plantilla, bytes) else str(plantilla))
    try:
        contexto = con_imagenes(contexto, doc)  # los gráficos se dibujan fuera del tiempo de la plantilla
        with vigilar():
            doc.render(contexto, jinja_env=entorno(), autoescape=True)
    except TemplateError as e:
        raise ErrorFormatos(mensaje_jinja(e)) from e
    except etree.XMLSyntaxError as e:  # un encabezado o pie de página que quedó con XML roto
        raise ErrorFormatos(_NO_ES_XML.format(parte="una parte del documento", error=e)) from e
    buffer = io.BytesIO()
    doc.save(buffer)
    return zip_determinista(buffer.getvalue())


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
