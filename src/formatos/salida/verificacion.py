"""Verificación de plantillas propias: todos los problemas de una vez, cada uno con su ubicación y el texto de alrededor.

Antes de leer una plantilla (.docx o .xlsx) se revisa el archivo mismo (`formatos.zip_seguro`): zip sano y sin
«bomba», sin DTD y sin recursos externos (imágenes por URL, plantillas remotas, objetos OLE, vínculos a otros
libros), que Word, Excel o LibreOffice irían a buscar fuera al abrir cada documento. Una plantilla .xlsx
solo aporta estilos de celda: se comprueba que abre y que los tiene.

En una plantilla Word se revisa lo que docxtpl no revisa: etiquetas partidas entre párrafos o celdas, bloques
`{%tr %}` / `{%p %}` sin cerrar o cerrados en otro nivel, errores de sintaxis Jinja, filtros que no existen,
intentos de salir del entorno aislado y cada ruta de datos (`docente.dni`) contra el esquema Pydantic del formato, con
sugerencias («¿quiso decir…?») para los nombres mal escritos. Al final llena las etiquetas con datos de
prueba del esquema (completos y sin los opcionales) para hallar lo que fallaría con datos reales.
"""

from __future__ import annotations

import difflib
import inspect
import io
import re
import time
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, TypeGuard

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError, nodes
from lxml import etree
from pydantic import BaseModel

from formatos.documentos import Formato
from formatos.errores import ErrorFormatos
from formatos.salida.docx import entorno
from formatos.salida.filtros import FILTROS
from formatos.salida.limites import LimitePlantilla, linea_de_plantilla, vigilar
from formatos.salida.mensajes import mensaje_jinja
from formatos.zip_seguro import PLANTILLA, NoEsZip, ZipRechazado, recursos_externos, revisar_zip

Gravedad = Literal["error", "advertencia"]
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_APERTURAS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_NIVEL = re.compile(r"^(\{\{|\{%|\{#)(tr|tc|p|r) ")
_BLOQUES = {"for", "if", "macro", "call", "filter", "with", "block", "autoescape", "raw"}
_INTERMEDIAS = {"else": ("if", "for"), "elif": ("if",)}
_PROHIBIDAS = {"include", "import", "from", "extends"}
_COMILLAS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@dataclass(frozen=True)
class Ubicacion:
    """Dónde está un problema: parte (cuerpo, encabezado, pie de página), lugar y texto del párrafo."""

    parte: str
    lugar: str
    texto: str
    orden: int = field(default=0, compare=False, repr=False)  # número de párrafo en la parte, para ordenar

    def __str__(self) -> str:
        return f"{self.parte}, {self.lugar}"


@dataclass(frozen=True)
class ProblemaPlantilla:
    """Un error (la plantilla no se puede usar) o una advertencia, con su ubicación en el documento."""

    mensaje: str
    ubicacion: Ubicacion | None = None
    gravedad: Gravedad = "error"
    etiqueta: str = ""
    """La etiqueta tal como está en Word, p. ej. "{{ docente.dnii }}"."""

    @property
    def alrededor(self) -> str:
        """El texto del párrafo alrededor de la etiqueta."""
        if self.ubicacion is None:
            return ""
        texto = self.ubicacion.texto
        i = texto.find(self.etiqueta) if self.etiqueta else 0
        inicio, fin = max(i - 35, 0), min(max(i, 0) + len(self.etiqueta) + 35, len(texto))
        return ("…" if inicio else "") + texto[inicio:fin] + ("…" if fin < len(texto) else "")

    def __str__(self) -> str:
        prefijo = "advertencia: " if self.gravedad == "advertencia" else ""
        if self.ubicacion is None:
            return f"{prefijo}{self.mensaje}"
        return f"{self.ubicacion}: {prefijo}{self.mensaje}\n    texto: «{self.alrededor}»"


@dataclass
class Informe:
    """El resultado de verificar una plantilla contra un formato."""

    plantilla: Path
    formato: str
    problemas: list[ProblemaPlantilla] = field(default_factory=list)
    rutas: set[str] = field(default_factory=set)
    """Las rutas de datos que usa la plantilla, p. ej. "docente.dni", "filas[].evidencias"."""
    rutas_impresas: set[str] = field(default_factory=set)
    """Las que imprime siempre y tal cual (`{{ ruta }}` sin filtro ni `if` alrededor)."""

    @property
    def errores(self) -> list[ProblemaPlantilla]:
        return [p for p in self.problemas if p.gravedad == "error"]

    @property
    def advertencias(self) -> list[ProblemaPlantilla]:
        return [p for p in self.problemas if p.gravedad == "advertencia"]

    @property
    def valida(self) -> bool:
        return not self.errores

    def __str__(self) -> str:
        lineas = [f"{self.plantilla.name} (formato {self.formato}): "
                  f"{len(self.errores)} error(es), {len(self.advertencias)} advertencia(s)"]
        lineas += [f"  {p}".replace("\n", "\n  ") for p in self.problemas]
        return "\n".join(lineas)


class PlantillaInvalida(ErrorFormatos):
    """Una o más plantillas propias tienen errores: no se genera nada."""

    def __init__(self, informes: list[Informe]):
        self.informes = informes
        super().__init__("\n".join(str(i) for i in informes))


def _recortar(texto: str, maximo: int = 90) -> str:
    return texto if len(texto) <= maximo else texto[: maximo - 1] + "…"


# --- lectura del documento: partes, párrafos y etiquetas ---------------------------------------------
@dataclass(frozen=True)
class _Etiqueta:
    texto: str  # tal como la verá Jinja (sin el prefijo tr/tc/p/r de docxtpl)
    nivel: str  # "", "tr", "tc", "p" o "r"
    original: str
    ubicacion: Ubicacion
    en_fila: bool
    en_celda: bool
    resto_del_parrafo: str
    contenedor: Any  # la tabla (tr), la fila (tc) o la celda o parte (p y en línea) que debe cerrar el bloque


def _partes(datos: bytes) -> list[tuple[str, etree._Element]]:
    """(nombre, árbol XML) del cuerpo, los encabezados y los pies de página."""
    doc = Document(io.BytesIO(datos))
    partes = [("cuerpo", doc.element.body)]
    for tipo, nombre in ((RT.HEADER, "encabezado"), (RT.FOOTER, "pie de página")):
        encontradas = sorted((r.target_part for r in doc.part.rels.values() if r.reltype == tipo),
                             key=lambda p: str(p.partname))
        for n, parte in enumerate(encontradas, start=1):
            arbol = etree.fromstring(parte.blob)
            etiqueta = nombre if len(encontradas) == 1 else f"{nombre} {n}"
            partes.append((etiqueta, arbol))
    return partes


def _parrafo_de(elemento) -> Any:
    padre = elemento.getparent()
    while padre is not None and padre.tag != qn("w:p"):
        padre = padre.getparent()
    return padre


def _texto(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")) if _parrafo_de(t) is p)


def _texto_de(p, nivel: str) -> str:
    """El texto que docxtpl reemplaza con una etiqueta de ese nivel: su fila (tr), su celda (tc) o su párrafo."""
    buscado = {"tr": "w:tr", "tc": "w:tc"}.get(nivel)
    elemento = next(p.iterancestors(qn(buscado)), p) if buscado else p
    return "".join(t.text or "" for t in elemento.iter(qn("w:t")))


def _contenedor(p, nivel: str, raiz) -> Any:
    buscado = {"tr": "w:tbl", "tc": "w:tr"}.get(nivel, "w:tc")
    return next((a for a in p.iterancestors(qn(buscado))), raiz)


def _lugar(p, tablas: dict, numero: int) -> tuple[str, bool, bool]:
    celda = fila = tabla = None
    padre = p.getparent()
    while padre is not None and tabla is None:
        if padre.tag == qn("w:tc") and celda is None:
            celda = padre
        elif padre.tag == qn("w:tr") and fila is None:
            fila = padre
        elif padre.tag == qn("w:tbl"):
            tabla = padre
        padre = padre.getparent()
    if tabla is None:
        return f"párrafo {numero}", False, False
    filas = tabla.findall(qn("w:tr"))
    celdas = fila.findall(qn("w:tc")) if fila is not None else []
    lugar = f"tabla {tablas[tabla]}, fila {filas.index(fila) + 1}"
    if celda is not None and celda in celdas:
        lugar += f", columna {celdas.index(celda) + 1}"
    return lugar, fila is not None, celda is not None


def _leer_etiquetas(nombre: str, arbol) -> tuple[list[_Etiqueta], list[ProblemaPlantilla]]:
    """Las etiquetas de una parte en orden, y las que están partidas (abren en un párrafo y cierran en otro)."""
    etiquetas: list[_Etiqueta] = []
    problemas: list[ProblemaPlantilla] = []
    tablas = {t: i for i, t in enumerate(arbol.iter(qn("w:tbl")), start=1)}
    numero = 0
    for orden, p in enumerate(arbol.iter(qn("w:p"))):
        if any(a.tag == _MC_FALLBACK for a in p.iterancestors()):
            continue  # copia para programas antiguos de un cuadro de texto: ya se revisó el original
        texto = _texto(p)
        lugar, en_fila, en_celda = _lugar(p, tablas, numero + 1)
        if not en_fila:
            numero += 1
        ubicacion = Ubicacion(nombre, lugar, texto, orden)
        posicion = 0
        while True:
            apertura = re.search(r"\{\{|\{%|\{#", texto[posicion:])
            hasta = posicion + apertura.start() if apertura else len(texto)
            for suelto in re.finditer(r"\}\}|%\}|#\}", texto[posicion:hasta]):
                problemas.append(ProblemaPlantilla(
                    f"«{suelto.group()}» cierra una etiqueta que no se abrió en este párrafo "
                    "(¿la etiqueta quedó partida en dos párrafos o celdas, o falta una llave?)", ubicacion))
            if not apertura:
                break
            inicio = posicion + apertura.start()
            fin = texto.find(_APERTURAS[apertura.group()], inicio + 2)
            if fin < 0:
                problemas.append(ProblemaPlantilla(
                    f"la etiqueta «{_recortar(texto[inicio:], 40)}» no se cierra en este párrafo: cada etiqueta debe "
                    f"abrir y cerrar en el mismo párrafo (falta «{_APERTURAS[apertura.group()]}» o se partió con Intro)",
                    ubicacion, etiqueta=texto[inicio:]))
                break
            fin += 2
            original = texto[inicio:fin]
            limpio = original.translate(_COMILLAS)
            m = _NIVEL.match(limpio)
            nivel = m.group(2) if m else ""
            if m:
                limpio = m.group(1) + " " + limpio[m.end():]
            resto = _texto_de(p, nivel).replace(original, "", 1).strip()
            etiquetas.append(_Etiqueta(limpio, nivel, original, ubicacion, en_fila, en_celda, resto,
                                       _contenedor(p, nivel, arbol)))
            posicion = fin
    return etiquetas, problemas


# --- sintaxis y bloques ------------------------------------------------------------------------------
def _palabra(etiqueta: _Etiqueta) -> str:
    m = re.match(r"\{%-?\s*(\w+)", etiqueta.texto)
    return m.group(1) if m else ""


def _revisar_etiquetas(etiquetas: list[_Etiqueta], env) -> tuple[list[ProblemaPlantilla], list[_Etiqueta]]:
    """Los problemas de sintaxis y de bloques, y las etiquetas sanas (las que Jinja puede leer)."""
    problemas: list[ProblemaPlantilla] = []
    pila: list[tuple[str, _Etiqueta]] = []
    sanas: list[_Etiqueta] = []
    for e in etiquetas:
        ok = True
        u = e.ubicacion
        if e.nivel == "tr" and not e.en_fila:
            problemas.append(ProblemaPlantilla(f"«{e.original}» va dentro de una fila de tabla", u, etiqueta=e.original))
        if e.nivel == "tc" and not e.en_celda:
            problemas.append(ProblemaPlantilla(f"«{e.original}» va dentro de una celda de tabla", u, etiqueta=e.original))
        if e.nivel in ("tr", "tc", "p") and e.resto_del_parrafo:
            que = {"tr": "toda su fila", "tc": "toda su celda", "p": "todo su párrafo"}[e.nivel]
            problemas.append(ProblemaPlantilla(
                f"«{e.original}» ocupa {que}: el texto «{_recortar(e.resto_del_parrafo, 40)}» no saldrá en el "
                "documento (páselo a otra línea)", u, "advertencia", e.original))
        if e.texto.startswith("{#"):
            continue
        if e.texto.startswith("{{"):
            if _sintaxis(e.texto, e, problemas, env):
                sanas.append(e)
            continue
        palabra = _palabra(e)
        if palabra in _PROHIBIDAS:
            problemas.append(ProblemaPlantilla(
                f"«{e.original}»: una plantilla no puede incluir ni importar otras plantillas", u, etiqueta=e.original))
        elif palabra in _BLOQUES or (palabra == "set" and "=" not in e.texto):
            pila.append((palabra, e))
            ok = _sintaxis(e.texto + "{% end" + palabra + " %}", e, problemas, env)
        elif palabra in _INTERMEDIAS:
            if not pila or pila[-1][0] not in _INTERMEDIAS[palabra]:
                problemas.append(ProblemaPlantilla(f"«{e.original}» no está dentro de un bloque «if» o «for»", u, etiqueta=e.original))
            else:
                _nivel_igual(pila[-1][1], e, problemas)
                ok = _sintaxis("{% if true %}" + e.texto + "{% endif %}", e, problemas, env)
        elif palabra.startswith("end"):
            if not pila or pila[-1][0] != palabra[3:]:
                abierto = f" (el bloque abierto es «{pila[-1][1].original}», en {pila[-1][1].ubicacion})" if pila else ""
                problemas.append(ProblemaPlantilla(f"«{e.original}» cierra un bloque que no está abierto{abierto}", u, etiqueta=e.original))
            else:
                _nivel_igual(pila.pop()[1], e, problemas)
        elif palabra in ("colspan", "cellbg"):
            ok = _sintaxis("{{ " + e.texto[2:-2].strip()[len(palabra):] + " }}", e, problemas, env)
        elif palabra not in ("vm", "hm"):
            ok = _sintaxis(e.texto, e, problemas, env)
        if ok and palabra not in _PROHIBIDAS:
            sanas.append(e)
    for palabra, e in pila:
        cierre = "{%" + (e.nivel + " " if e.nivel else " ") + "end" + palabra + " %}"
        problemas.append(ProblemaPlantilla(f"«{e.original}» no se cierra: falta «{cierre}»", e.ubicacion, etiqueta=e.original))
    return problemas, sanas


def _nivel_igual(apertura: _Etiqueta, otra: _Etiqueta, problemas: list[ProblemaPlantilla]) -> None:
    if apertura.nivel == otra.nivel and apertura.contenedor is not otra.contenedor:
        donde = {"tr": "la misma tabla", "tc": "la misma fila"}.get(apertura.nivel, "la misma celda de tabla (o ambas fuera de tablas)")
        problemas.append(ProblemaPlantilla(
            f"«{otra.original}» debe estar en {donde} que «{apertura.original}» ({apertura.ubicacion}): "
            "si no, el documento queda roto", otra.ubicacion, etiqueta=otra.original))
    if apertura.nivel != otra.nivel:
        esperado = otra.original.replace("{%" + otra.nivel, "{%" + apertura.nivel, 1) if otra.nivel else \
            "{%" + apertura.nivel + otra.original[2:]
        problemas.append(ProblemaPlantilla(
            f"«{otra.original}» no corresponde a «{apertura.original}» ({apertura.ubicacion}): "
            f"escriba «{esperado}»", otra.ubicacion, etiqueta=otra.original))


def _sintaxis(texto: str, e: _Etiqueta, problemas: list[ProblemaPlantilla], env) -> bool:
    try:
        env.parse(texto)
    except TemplateSyntaxError as error:
        problemas.append(ProblemaPlantilla(f"«{e.original}»: {mensaje_jinja(error)}", e.ubicacion, etiqueta=e.original))
        return False
    return True


# --- rutas de datos contra el esquema ----------------------------------------------------------------
_CUALQUIERA = object()
_LOOP = {"index", "index0", "revindex", "revindex0", "first", "last", "length", "cycle", "depth", "depth0",
         "previtem", "nextitem", "changed"}
_MISMA_LISTA = {"sort", "reverse", "list", "unique", "select", "reject", "selectattr", "rejectattr"}
_UN_ELEMENTO = {"first", "last", "random"}
_FILTROS_CON_ATRIBUTO = {"selectattr": 0, "rejectattr": 0, "groupby": 0, "sort": None, "map": None, "sum": None,
                         "min": None, "max": None, "unique": None}


@dataclass(frozen=True)
class _Tipo:
    anotacion: Any
    ruta: str  # en el esquema: "filas[].evidencias"
    escrito: str  # como en la plantilla: "f.evidencias"


def _desenvolver(anotacion: Any) -> Any:
    while True:
        origen = typing.get_origin(anotacion)
        if origen is typing.Annotated:
            anotacion = typing.get_args(anotacion)[0]
        elif origen in (typing.Union, types.UnionType):
            resto = [a for a in typing.get_args(anotacion) if a is not type(None)]
            if len(resto) != 1:
                return _CUALQUIERA
            anotacion = resto[0]
        else:
            return anotacion


def _es_opcional(anotacion: Any) -> bool:
    if typing.get_origin(anotacion) is typing.Annotated:
        return _es_opcional(typing.get_args(anotacion)[0])
    return typing.get_origin(anotacion) in (typing.Union, types.UnionType) and type(None) in typing.get_args(anotacion)


def _es_modelo(anotacion: Any) -> TypeGuard[type[BaseModel]]:
    return isinstance(anotacion, type) and issubclass(anotacion, BaseModel)


def _es_lista(anotacion: Any) -> bool:
    return typing.get_origin(anotacion) in (list, tuple, set, frozenset)


def _elemento(tipo: _Tipo) -> _Tipo:
    a = _desenvolver(tipo.anotacion)
    if _es_lista(a):
        args = typing.get_args(a)
        return _Tipo(args[0] if args else _CUALQUIERA, tipo.ruta + "[]", tipo.escrito + "[]")
    return _Tipo(_CUALQUIERA, tipo.ruta + "[]", tipo.escrito + "[]")


def _primitivo(anotacion: Any) -> type | None:
    if typing.get_origin(anotacion) is Literal:
        return str
    if anotacion in (str, int, float, bool, date, datetime):
        return anotacion
    return None


def _nombre_tipo(anotacion: Any) -> str:
    """El tipo de un dato en palabras: «texto», «fecha», «lista»."""
    a = _desenvolver(anotacion)
    if typing.get_origin(a) is Literal:
        valores = typing.get_args(a)
        clase = "número" if all(isinstance(v, int) for v in valores) else "texto"
        return clase + " (" + " / ".join(str(v) for v in valores) + ")"
    nombres = {str: "texto", int: "número entero", float: "número", bool: "sí/no", date: "fecha", datetime: "fecha"}
    if a in nombres:
        return nombres[a]
    if _es_lista(a):
        return "lista"
    if typing.get_origin(a) is dict:
        return "tabla de valores"
    if _es_modelo(a):
        return "grupo de datos"
    return "dato"


_INSEGURO = _Tipo(_CUALQUIERA, "", "")
"""Resultado de un acceso a partes internas de Python: ya se informó, no se repite en la cadena."""


class _Revisor:
    """Recorre el árbol Jinja de una parte y comprueba cada ruta de datos contra el esquema."""

    def __init__(self, esquema: type[BaseModel], env, lineas: dict[int, _Etiqueta], tolerante: bool = False):
        self.esquema, self.env, self.lineas = esquema, env, lineas
        self.tolerante = tolerante  # bloques rotos: un nombre desconocido puede ser la variable de un bucle
        self.problemas: list[ProblemaPlantilla] = []
        self.rutas: set[str] = set()
        self.impresas: set[str] = set()
        self.condicional = 0
        self.globales = set(env.globals)

    def _error(self, nodo: nodes.Node, mensaje: str) -> None:
        e = self.lineas.get(nodo.lineno)
        self.problemas.append(ProblemaPlantilla(f"«{e.original}»: {mensaje}", e.ubicacion, etiqueta=e.original) if e
                              else ProblemaPlantilla(mensaje))

    def revisar(self, arbol: nodes.Template) -> None:
        alcance = {n: _Tipo(f.annotation, n, n) for n, f in self.esquema.model_fields.items()}
        self._cuerpo(arbol.body, alcance)

    def _cuerpo(self, cuerpo: list[nodes.Node], alcance: dict[str, _Tipo]) -> None:
        for nodo in cuerpo:
            self._sentencia(nodo, alcance)

    def _sentencia(self, nodo: nodes.Node, alcance: dict[str, _Tipo]) -> None:
        if isinstance(nodo, nodes.Output):
            for hijo in nodo.nodes:
                if not isinstance(hijo, nodes.TemplateData):
                    tipo = self._expresion(hijo, alcance)
                    if tipo is not None and tipo.ruta and not self.condicional \
                            and isinstance(hijo, (nodes.Name, nodes.Getattr, nodes.Getitem)):
                        self.impresas.add(tipo.ruta)
        elif isinstance(nodo, nodes.For):
            iterable = self._expresion(nodo.iter, alcance)
            interno = dict(alcance, loop=_Tipo("loop", "loop", "loop"))
            self._asignar(nodo.target, _elemento(iterable) if iterable else None, interno)
            if nodo.test is not None:
                self._expresion(nodo.test, interno)
            self._cuerpo(nodo.body, interno)
            self._cuerpo(nodo.else_, alcance)
        elif isinstance(nodo, nodes.Assign):
            self._asignar(nodo.target, self._expresion(nodo.node, alcance), alcance)
        elif isinstance(nodo, (nodes.Macro, nodes.CallBlock)):
            interno = dict(alcance, caller=_Tipo(_CUALQUIERA, "caller", "caller"))
            for arg in nodo.args:
                self._asignar(arg, None, interno)
            if isinstance(nodo, nodes.Macro):
                alcance[nodo.name] = _Tipo(_CUALQUIERA, nodo.name, nodo.name)
            else:
                self._expresion(nodo.call, alcance)
            self._cuerpo(nodo.body, interno)
        elif isinstance(nodo, nodes.With):
            interno = dict(alcance)
            for destino, valor in zip(nodo.targets, nodo.values):
                self._asignar(destino, self._expresion(valor, alcance), interno)
            self._cuerpo(nodo.body, interno)
        elif isinstance(nodo, nodes.If):
            self._expresion(nodo.test, alcance)
            self.condicional += 1
            for sentencia in (*nodo.body, *nodo.elif_, *nodo.else_):
                self._sentencia(sentencia, alcance)
            self.condicional -= 1
        else:
            if isinstance(nodo, nodes.AssignBlock):
                self._asignar(nodo.target, None, alcance)
            for interior in nodo.iter_child_nodes():
                if isinstance(interior, nodes.Stmt):
                    self._sentencia(interior, alcance)
                else:
                    self._expresion(hijo, alcance)

    def _asignar(self, destino: nodes.Node, tipo: _Tipo | None, alcance: dict[str, _Tipo]) -> None:
        if isinstance(destino, nodes.Name):
            alcance[destino.name] = _Tipo(tipo.anotacion, tipo.ruta, destino.name) if tipo else \
                _Tipo(_CUALQUIERA, destino.name, destino.name)
        elif isinstance(destino, nodes.Tuple):
            for item in destino.items:
                self._asignar(item, None, alcance)

    def _expresion(self, nodo: nodes.Node, alcance: dict[str, _Tipo]) -> _Tipo | None:
        """Revisa una expresión y devuelve su tipo si se conoce (None si no)."""
        if isinstance(nodo, nodes.Name):
            if nodo.name in alcance:
                tipo = alcance[nodo.name]
            elif nodo.name in self.globales or self.tolerante:
                return None
            else:
                self._desconocido(nodo, nodo.name, [*alcance, *self.globales])
                return None
            self.rutas.add(tipo.ruta)
            return tipo
        if isinstance(nodo, (nodes.Getattr, nodes.Getitem)):
            return self._acceso(nodo, alcance)
        if isinstance(nodo, nodes.Filter):
            return self._filtro(nodo, alcance)
        if isinstance(nodo, nodes.Test):
            if nodo.name not in self.env.tests:
                self._sugerir_nombre(nodo, nodo.name, self.env.tests, "prueba")
        for hijo in nodo.iter_child_nodes():
            self._expresion(hijo, alcance)
        return None

    def _acceso(self, nodo: nodes.Getattr | nodes.Getitem, alcance: dict[str, _Tipo]) -> _Tipo | None:
        if isinstance(nodo, nodes.Getattr):
            nombre: Any = nodo.attr
        elif isinstance(nodo.arg, nodes.Const):
            nombre = nodo.arg.value
        else:
            self._expresion(nodo.arg, alcance)
            nombre = None
        base = self._expresion(nodo.node, alcance)
        if base is _INSEGURO:
            return _INSEGURO
        if isinstance(nombre, str) and (nombre.startswith("_") or nombre in ("gi_frame", "gi_code", "mro")):
            self._error(nodo, f"«{nombre}» es una parte interna de Python: por seguridad, las plantillas solo pueden "
                              "usar los datos del formato (entorno aislado)")
            return _INSEGURO
        if base is None:
            return None
        a = _desenvolver(base.anotacion)
        if a is _CUALQUIERA:
            return None
        if a == "loop":
            if nombre not in _LOOP:
                self._sugerir_nombre(nodo, str(nombre), _LOOP, "dato de «loop»")
            return None
        if not isinstance(nombre, str):  # filas[0], filas[i], filas[1:]
            if not (_es_lista(a) and isinstance(nombre, int)):
                return None
            item = _elemento(base)
            return _Tipo(item.anotacion, item.ruta, f"{base.escrito}[{nombre}]")
        if _es_opcional(base.anotacion) and not self.condicional:
            self._error(nodo, f"«{base.escrito}» puede venir vacío y entonces «{nombre}» no existiría: póngalo "
                              f"dentro de {{% if {base.escrito} %}} … {{% endif %}}")
            return None
        ruta, escrito = f"{base.ruta}.{nombre}", f"{base.escrito}.{nombre}"
        if _es_modelo(a):
            campos = a.model_fields
            if nombre in campos:
                self.rutas.add(ruta)
                return _Tipo(campos[nombre].annotation, ruta, escrito)
            self._desconocido(nodo, str(nombre), [f"{base.escrito}.{c}" for c in campos], f"«{base.escrito}»")
            return None
        if typing.get_origin(a) is dict:
            self.rutas.add(ruta)
            return _Tipo(typing.get_args(a)[1] if typing.get_args(a) else _CUALQUIERA, ruta, escrito)
        primitivo = _primitivo(a) or (list if _es_lista(a) else None)
        if primitivo is not None and not hasattr(primitivo, str(nombre)):
            self._error(nodo, f"«{base.escrito}» es {_nombre_tipo(a)}: no tiene «{nombre}»")
        return None

    def _filtro(self, nodo: nodes.Filter, alcance: dict[str, _Tipo]) -> _Tipo | None:
        base = self._expresion(nodo.node, alcance) if nodo.node is not None else None
        for hijo in (*nodo.args, *(k.value for k in nodo.kwargs)):
            self._expresion(hijo, alcance)
        if nodo.name not in self.env.filters:
            self._sugerir_nombre(nodo, nodo.name, self.env.filters, "filtro")
            return None
        nombres = [a.value for a in (*nodo.args, *(k.value for k in nodo.kwargs if k.key == "attribute"))
                   if isinstance(a, nodes.Const) and isinstance(a.value, str)]
        if nodo.name in ("attr", *_FILTROS_CON_ATRIBUTO):
            for interno in [n for n in nombres if n.split(".")[-1].startswith("_") or "._" in n][:1]:
                self._error(nodo, f"«{interno}» es una parte interna de Python: no se puede usar en una plantilla")
        if base is None:
            return None
        if _es_opcional(base.anotacion) and not self.condicional and nodo.name not in ("default", "d"):
            self._error(nodo, f"«{base.escrito}» puede venir vacío y entonces el filtro «{nodo.name}» fallaría: "
                              f"póngalo dentro de {{% if {base.escrito} %}} … {{% endif %}}")
            return None
        self._tipo_para_filtro(nodo, base)
        self._atributo_de_filtro(nodo, base)
        if nodo.name in _MISMA_LISTA:
            return base
        if nodo.name in _UN_ELEMENTO:
            return _elemento(base)
        return None

    def _tipo_para_filtro(self, nodo: nodes.Filter, base: _Tipo) -> None:
        """`{{ ugel|fecha_larga }}`: los filtros de formatos dicen qué tipo de dato reciben."""
        if nodo.name not in FILTROS:
            return
        pistas = typing.get_type_hints(FILTROS[nodo.name])
        primero = next(iter(inspect.signature(FILTROS[nodo.name]).parameters), None)
        esperado = pistas.get(primero or "")
        actual = _desenvolver(base.anotacion)
        clase = list if _es_lista(actual) else _primitivo(actual)
        if esperado is None or clase is None:
            return
        opciones = typing.get_args(esperado) if typing.get_origin(esperado) in (typing.Union, types.UnionType) \
            else (esperado,)
        if not any(issubclass(clase, typing.get_origin(o) or o) for o in opciones):
            que = " o ".join(_nombre_tipo(o) for o in opciones)
            self._error(nodo, f"el filtro «{nodo.name}» espera {que} y «{base.escrito}» es {_nombre_tipo(actual)}")

    def _atributo_de_filtro(self, nodo: nodes.Filter, base: _Tipo) -> None:
        """`sort(attribute="numero")`, `selectattr("codigo")`: el atributo debe existir en los elementos."""
        if nodo.name not in _FILTROS_CON_ATRIBUTO:
            return
        posicion = _FILTROS_CON_ATRIBUTO[nodo.name]
        valor = next((k.value for k in nodo.kwargs if k.key == "attribute"), None)
        if valor is None and posicion is not None and len(nodo.args) > posicion:
            valor = nodo.args[posicion]
        item = _desenvolver(_elemento(base).anotacion)
        if isinstance(valor, nodes.Const) and isinstance(valor.value, str) and _es_modelo(item):
            primero = valor.value.split(".")[0]
            if primero not in item.model_fields:
                self._desconocido(nodo, primero, list(item.model_fields), f"cada elemento de «{base.escrito}»")

    def _desconocido(self, nodo: nodes.Node, nombre: str, candidatos: list[str], padre: str = "") -> None:
        previo = {c.rpartition(".")[2]: c for c in candidatos}
        parecido = _parecido(nombre, list(previo))
        sugerencia = f"; ¿quiso decir «{previo[parecido]}»?" if parecido else ""
        donde = f"{padre} no tiene el dato «{nombre}»" if padre else f"«{nombre}» no es un dato de este formato"
        self._error(nodo, donde + sugerencia)

    def _sugerir_nombre(self, nodo: nodes.Node, nombre: str, validos, que: str) -> None:
        parecido = _parecido(nombre, list(validos))
        sugerencia = f"; ¿quiso decir «{parecido}»?" if parecido else ""
        self._error(nodo, f"no existe el {que} «{nombre}»{sugerencia}")


def _parecido(nombre: str, opciones: list[str]) -> str | None:
    """El nombre válido más parecido: primero uno que empiece igual («area» → «area_curricular»), luego difflib."""
    n = nombre.casefold()
    prefijos = [o for o in opciones if o.casefold().startswith(n) or (len(o) >= 3 and n.startswith(o.casefold()))]
    if prefijos:
        return min(prefijos, key=lambda o: abs(len(o) - len(nombre)))
    parecidos = difflib.get_close_matches(nombre, opciones, n=1, cutoff=0.6)
    return parecidos[0] if parecidos else None


# --- la verificación completa ------------------------------------------------------------------------
_TIPOS = {".docx": "documento de Word (.docx)", ".xlsx": "libro de Excel (.xlsx)"}


def verificar(plantilla: str | Path, formato: Formato) -> Informe:
    """Revisa una plantilla (.docx o .xlsx) contra el esquema de un formato y devuelve todos sus problemas."""
    plantilla = Path(plantilla)
    informe = Informe(plantilla, formato.identificador)
    tipo = _TIPOS.get(formato.extension, formato.extension)
    if plantilla.suffix.lower() != formato.extension:
        informe.problemas.append(ProblemaPlantilla(
            f"{plantilla.name}: la plantilla de «{formato.identificador}» debe ser un {tipo}"))
        return informe
    try:
        datos = plantilla.read_bytes()
        revisar_zip(datos, PLANTILLA, plantilla.name)
    except NoEsZip:
        informe.problemas.append(ProblemaPlantilla(
            f"{plantilla.name} no se puede abrir como {tipo}: está dañado, es de otro tipo o está protegido con "
            "contraseña; ábralo y guárdelo de nuevo"))
        return informe
    except ZipRechazado as e:
        informe.problemas.append(ProblemaPlantilla(str(e)))
        return informe
    except OSError:
        informe.problemas.append(ProblemaPlantilla(f"{plantilla.name} no se puede leer"))
        return informe
    for externo in recursos_externos(datos):
        informe.problemas.append(ProblemaPlantilla(
            f"la plantilla tiene {externo}: Word, Excel o LibreOffice lo buscarían fuera del documento al abrir cada "
            "documento generado; quítelo (una imagen, insértela desde el equipo: Insertar > Imágenes > Este dispositivo)"))
    if formato.extension == ".xlsx":
        if not informe.problemas:
            _verificar_xlsx(datos, informe)
        return informe
    try:
        partes = _partes(datos)
    except Exception:  # noqa: BLE001 - cualquier archivo que no abre como .docx
        informe.problemas.append(ProblemaPlantilla(f"{plantilla.name} no se puede abrir como {tipo}"))
        return informe
    env = entorno()
    for nombre, arbol in partes:
        desde = len(informe.problemas)
        etiquetas, partidas = _leer_etiquetas(nombre, arbol)
        problemas, sanas = _revisar_etiquetas(etiquetas, env)
        informe.problemas += partidas + problemas
        try:
            arbol_jinja, lineas = _esqueleto(sanas, env)
            tolerante = False
        except TemplateSyntaxError as error:
            if not any(p.gravedad == "error" for p in problemas):
                rota = dict(enumerate(sanas, start=1)).get(error.lineno)
                informe.problemas.append(ProblemaPlantilla(mensaje_jinja(error), rota.ubicacion if rota else None))
            # con los bloques rotos se revisan al menos los datos que se imprimen
            arbol_jinja, lineas = _esqueleto([e for e in sanas if e.texto.startswith("{{")], env)
            tolerante = True
        revisor = _Revisor(formato.esquema, env, lineas, tolerante)
        revisor.revisar(arbol_jinja)
        informe.problemas += revisor.problemas
        malas = {i for i, e in lineas.items() for p in revisor.problemas
                 if (p.etiqueta, p.ubicacion) == (e.original, e.ubicacion)}
        if not tolerante and all(lineas[i].texto.startswith("{{") for i in malas):
            informe.problemas += _llenar_de_prueba(lineas, formato.esquema, env, malas)
        informe.problemas[desde:] = sorted(informe.problemas[desde:], key=lambda p: p.ubicacion.orden if p.ubicacion else -1)
        informe.rutas |= revisor.rutas
        informe.rutas_impresas |= revisor.impresas
    return informe


def _verificar_xlsx(datos: bytes, informe: Informe) -> None:
    """Una plantilla .xlsx solo aporta los estilos de celda: que abra y que los tenga (ver `salida.xlsx`)."""
    from formatos.salida.xlsx import revisar_plantilla  # openpyxl, solo para una plantilla .xlsx

    try:
        revisar_plantilla(datos, informe.plantilla.name)
    except ErrorFormatos as e:
        informe.problemas.append(ProblemaPlantilla(str(e).removeprefix(f"{informe.plantilla.name}: ")))


TIEMPO_VERIFICAR = 15.0
"""Segundos, en total, para llenar una plantilla con datos de prueba al verificarla."""
_FALLOS = {
    RecursionError: "se llama a sí misma sin fin (una macro que se usa dentro de sí misma)",
    TypeError: "mezcla datos de tipos distintos (p. ej. un texto con un número) o da a un filtro un dato que no le "
               "corresponde",
    ValueError: "da a un filtro un valor que no puede usar",
    ZeroDivisionError: "divide entre cero",
    ArithmeticError: "hace una cuenta imposible",
}


def _llenar_de_prueba(lineas: dict[int, _Etiqueta], esquema: type[BaseModel], env, malas: set[int]
                      ) -> list[ProblemaPlantilla]:
    """Llena las etiquetas (menos las `malas`, ya informadas) con datos de prueba del esquema, completos y sin
    los opcionales: lo que fallaría con los datos de cualquier UGEL. Un dato que no existe ya se revisó antes."""
    problemas: list[ProblemaPlantilla] = []
    plazo = time.monotonic() + TIEMPO_VERIFICAR
    for vacios in (False, True):
        quitadas = set(malas)
        while True:
            texto = "\n".join("" if i in quitadas else e.texto.replace("\n", " ") for i, e in lineas.items())
            if time.monotonic() > plazo:
                problemas.append(ProblemaPlantilla(
                    f"llenar la plantilla con datos de prueba tardó más de {TIEMPO_VERIFICAR:g} s: revise los bucles"))
                return problemas
            try:
                with vigilar(max(plazo - time.monotonic(), 0.1)):
                    env.from_string(texto).render(_muestra(esquema, vacios))
                break
            except UndefinedError:
                break
            except Exception as error:  # noqa: BLE001 - cualquier fallo del llenado es un problema de la plantilla
                linea = linea_de_plantilla(error)
                e = lineas.get(linea) if linea is not None else None
                motivo = mensaje_jinja(error) if isinstance(error, TemplateError) else f"pasa un límite: {error}" \
                    if isinstance(error, LimitePlantilla) else next(
                    (m for tipo, m in _FALLOS.items() if isinstance(error, tipo)), "no se puede llenar")
                cuando = "si faltan los datos opcionales" if vacios else "con datos de prueba"
                mensaje = f"{cuando}, la etiqueta {motivo}"
                if e is None or linea is None:
                    problemas.append(ProblemaPlantilla(mensaje))
                    break
                if all(p.etiqueta != e.original or p.ubicacion != e.ubicacion for p in problemas):
                    problemas.append(ProblemaPlantilla(f"«{e.original}»: {mensaje}", e.ubicacion, etiqueta=e.original))
                if not e.texto.startswith("{{"):
                    break  # sin una etiqueta de bloque no se puede seguir llenando
                quitadas.add(linea)
    return problemas


def _muestra(anotacion: Any, vacios: bool) -> Any:
    """Un valor de prueba para un tipo del esquema, como lo daría `model_dump()`."""
    if vacios and _es_opcional(anotacion):
        return None
    a = _desenvolver(anotacion)
    if _es_modelo(a):
        return {n: _muestra(c.annotation, vacios) for n, c in a.model_fields.items()}
    if _es_lista(a):
        args = typing.get_args(a)
        return [_muestra(args[0] if args else str, vacios) for _ in range(2)]
    if typing.get_origin(a) is dict:
        return {}
    if typing.get_origin(a) is Literal:
        return typing.get_args(a)[0]
    return {str: "Texto de prueba", int: 3, float: 2.5, bool: True, date: date(2026, 5, 15),
            datetime: datetime(2026, 5, 15, 10, 0)}.get(a, "Texto de prueba")


def _esqueleto(etiquetas: list[_Etiqueta], env) -> tuple[nodes.Template, dict[int, _Etiqueta]]:
    """Las etiquetas de una parte, una por línea, leídas por Jinja (el número de línea da la ubicación)."""
    return env.parse("\n".join(e.texto.replace("\n", " ") for e in etiquetas)), dict(enumerate(etiquetas, start=1))


def comprobar_plantillas(carpeta: str | Path, formatos: list[Formato]) -> list[Informe]:
    """Verifica las plantillas propias de `carpeta` para esos formatos; lanza PlantillaInvalida si alguna falla."""
    carpeta = Path(carpeta)
    informes = [verificar(carpeta / f.plantilla, f) for f in formatos if (carpeta / f.plantilla).exists()]
    malos = [i for i in informes if not i.valida]
    if malos:
        raise PlantillaInvalida(malos)
    return informes


# --- la lista de datos que puede usar una plantilla --------------------------------------------------
def datos_disponibles(esquema: type[BaseModel]) -> list[tuple[str, str, str]]:
    """(ruta, tipo, descripción) de cada dato que una plantilla puede usar; las listas con `[]`."""
    filas: list[tuple[str, str, str]] = []

    def recorrer(modelo: type[BaseModel], prefijo: str, vistos: tuple) -> None:
        for nombre, campo in modelo.model_fields.items():
            ruta = f"{prefijo}{nombre}"
            a = _desenvolver(campo.annotation)
            filas.append((ruta, _nombre_tipo(a), campo.description or ""))
            item = _desenvolver(typing.get_args(a)[0]) if _es_lista(a) and typing.get_args(a) else None
            for hijo, sufijo in ((a, "."), (item, "[]." if item is not None else None)):
                if sufijo and _es_modelo(hijo) and hijo not in vistos:
                    recorrer(hijo, ruta + sufijo, vistos + (hijo,))

    recorrer(esquema, "", (esquema,))
    return filas


def lista_de_datos(formato: Formato) -> str:
    """El texto que acompaña a una plantilla exportada: cómo escribir las etiquetas y cada dato disponible."""
    filas = datos_disponibles(formato.esquema)
    ancho = max(len(r) for r, _, _ in filas) + 2
    lineas = [
        f"Datos que puede usar la plantilla «{formato.titulo}» ({formato.plantilla})",
        "(lista generada a partir del esquema del formato)",
        "",
        "Cómo se escriben en Word (cada etiqueta de una sola vez, sin partirla en dos párrafos):",
        "  {{ docente.dni }}              un dato",
        "  {{ fecha|fecha_larga }}        un dato con un filtro (vea «Filtros» al final)",
        "  {%tr for f in filas %}         sola en una fila de la tabla: repite la fila siguiente por cada",
        "  {{ f.evidencias }}             elemento de la lista; en esa fila, cada dato del elemento;",
        "  {%tr endfor %}                 sola en la fila que cierra el bucle",
        "  {%p if visita.fecha_segundo_dia %} ... {%p endif %}   párrafos que salen solo si hay ese dato",
        "",
        "Datos (las listas se recorren con un bucle; «filas[].codigo» se escribe {{ f.codigo }} dentro de",
        "{%tr for f in filas %}):",
        "",
    ]
    for ruta, tipo, descripcion in filas:
        lineas.append(f"  {ruta:<{ancho}}{tipo}" + (f" — {descripcion}" if descripcion else ""))
    lineas += ["", "Filtros:"]
    for nombre, funcion in FILTROS.items():
        ejemplo = (funcion.__doc__ or "").strip().splitlines()[0] if funcion.__doc__ else ""
        lineas.append(f"  {nombre:<20}{ejemplo}")
    lineas += ["  y los de Jinja: upper, lower, capitalize, title, default, join, length, replace, round…", ""]
    return "\n".join(lineas)
