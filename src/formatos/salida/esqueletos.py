"""El atajo del lote: los documentos de una plantilla que solo difieren en el texto de sus datos comparten
todo el XML que rodea a esos textos (su esqueleto), y ese XML se arma con lxml una sola vez.

El cuerpo de la plantilla se compila otra vez con `marcar` como `finalize`: cada texto de los datos sale
entre las marcas \\x01 y \\x02 (caracteres que XML no admite: nunca vienen de la plantilla ni de los datos,
que se limpian). Lo demás es el esqueleto, que dice todo lo que no es texto de los datos: etiquetas, filas
de los bucles, ramas de los `if`, textos con saltos de línea o tabuladores (que son estructura).

La primera vez que aparece un esqueleto se arma por el camino completo (lxml, como docxtpl) con una ficha en
lugar de cada texto, y se guarda el resultado partido en las fichas (trozos). Las siguientes veces basta
intercalar los textos, escapados como los escribe lxml; un texto vacío que deja vacío su elemento lo cierra
(`<w:t/>`), como lxml.

lxml escribe cada nodo por sí solo, así que cada pieza del esqueleto (lo que hay entre dos textos) da
siempre el mismo trozo: un esqueleto nuevo hecho de piezas ya vistas (otra combinación de filas y ramas)
se arma con sus trozos. Para saber que es XML válido y que docxtpl no reajustaría sus tablas basta leer
con lxml su versión reducida: de cada pieza, solo las etiquetas que quedan abiertas o cerradas para otras
piezas y las de las tablas (cada pieza se reduce una vez).

Un esqueleto que no sirve así (un dato dentro de un atributo o un comentario, una tabla que docxtpl
reajusta...) va por el camino completo; una plantilla con muchos de esos deja de intentarlo. Los primeros
esqueletos de cada plantilla se comparan además con el camino completo: si alguno difiere, la plantilla
deja el atajo.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Sequence

from jinja2 import nodes
from markupsafe import Markup

from formatos.caracteres import PROHIBIDOS, limpiar
from formatos.salida.texto import para_word

ABRE, CIERRA = "\x01", "\x02"
_RANURA = re.compile("\x01([^\x01\x02]*)\x02")
_PRIMERA_FICHA, _FICHAS = 0xE000, re.compile("[\ue000-\uf8ff]")
"""Las fichas: caracteres de uso privado, válidos en XML, que lxml escribe tal cual."""
LISTADO = "\t\a\n\f"
"""Los caracteres que `DocxTemplate.resolve_listing` convierte (tabulador, párrafo, salto, página), mirando el
párrafo entero: con ellos, las piezas de un esqueleto dejan de ser independientes."""
MAXIMO_PIEZAS, MAXIMO_ESTRUCTURAS = 8192, 256
"""Por plantilla: piezas (~0,6 KB cada una) y versiones reducidas ya comprobadas (~7 KB en una matriz)."""
_ETIQUETA = re.compile(r'<(/?)([\w.:-]+)((?:\s+[\w.:-]+="[^"]*")*)\s*(/?)>|<!--.*?-->|<\?.*?\?>|<!\[CDATA\[.*?\]\]>', re.S)
"""Una etiqueta del XML que escribe lxml (atributos entre comillas dobles, sin «<» ni «>» dentro), un
comentario, una instrucción de proceso o un CDATA."""
DE_TABLAS = frozenset({"w:tbl", "w:tblGrid", "w:gridCol", "w:tr", "w:tc", "w:tcPr", "w:gridSpan"})
"""Lo que mira `_tablas_por_ajustar` (lo que `DocxTemplate.fix_tables` cambiaría)."""
_ESTRUCTURA = re.compile("[\t\r\n]")
_ETIQUETA_DE_INICIO = re.compile(r"<([\w.:-]+)(?:\s[^<>]*)?(?<!/)>")
CAPTURAS = (nodes.AssignBlock, nodes.FilterBlock, nodes.Macro, nodes.CallBlock, nodes.Block)
"""Lo que convierte lo impreso en un dato (`{% set x %}…`, `{% filter %}`, macros, bloques): con eso en la
plantilla, las marcas podrían cambiar un resultado (p. ej. `x|length`), así que no hay atajo."""
MAXIMO_ESQUELETOS = 256
"""Por plantilla; al llenarse, sale el usado hace más tiempo (los trozos se comparten con las piezas: cada
esqueleto guardado ocupa poco más que su clave, ~20 KB para una matriz)."""
COMPROBADOS = 8
"""Los primeros esqueletos de cada plantilla que se comparan con el camino completo."""


def sin_saltos_de_plantilla(xml: str) -> str:
    """Sin los saltos de línea que la plantilla compilada pone antes de cada párrafo (como docxtpl)."""
    return xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")


def marcar(valor: object) -> str:
    """`finalize` del atajo: el texto de un dato entre marcas; lo que es estructura, como `para_word`."""
    if type(valor) is not str:
        if valor is None:
            return ABRE + CIERRA
        if isinstance(valor, Markup) or hasattr(valor, "__html__"):
            return para_word(valor)
        valor = str(valor)
    if not valor.isprintable():  # lo común es que sí: entonces no trae controles, saltos ni tabuladores
        if PROHIBIDOS.search(valor):
            valor = limpiar(valor)
        if _ESTRUCTURA.search(valor):
            return para_word(valor)
    return ABRE + valor + CIERRA  # luego Jinja escapa & < > " ' (las marcas no)


def como_lxml(texto: str) -> str:
    """Un texto escapado por Jinja (markupsafe) como lo escribe lxml: las comillas van tal cual."""
    return texto.replace("&#34;", '"').replace("&#39;", "'")


class Esqueletos:
    """Los esqueletos ya armados de una plantilla.

    `completo(cuerpo)` arma por el camino completo el XML de un cuerpo renderizado y da sus bytes;
    `comprobar(documento)` lee un document.xml ya armado. Ambos lanzan un error si no es XML válido o si
    docxtpl lo cambiaría de otro modo (reajustar una tabla). `por_piezas`: si se pueden combinar piezas (no
    si docxtpl renumera las imágenes del documento, que dependen de las demás).
    """

    def __init__(self, completo: Callable[[str], bytes], comprobar: Callable[[bytes], object],
                 por_piezas: bool = True) -> None:
        self._completo, self._comprobar, self._por_piezas = completo, comprobar, por_piezas
        self._armados: OrderedDict[str, tuple[str, ...] | None] = OrderedDict()
        self._piezas: dict[str, tuple[str, str | None]] = {}
        """Cada pieza del esqueleto con su trozo y su versión reducida (None si no se puede reducir)."""
        self._estructuras: set[str] = set()
        """Las versiones reducidas ya comprobadas."""
        self.aciertos = self.nuevos = self.de_piezas = self.descartados = 0
        """Documentos con un esqueleto ya armado; con uno nuevo (de ellos, armados con piezas ya vistas); sin atajo."""
        self.activo = True

    def armar(self, marcado: str) -> tuple[bytes, bool] | None:
        """El XML del documento renderizado con `marcar` y si hay que compararlo con el camino completo;
        None si va por el camino completo."""
        partes = _RANURA.split(marcado)
        esqueleto = ABRE.join(partes[0::2])
        if CIERRA in esqueleto or esqueleto.count(ABRE) != len(partes) // 2:
            return None  # marcas que no vienen de `marcar` (p. ej. un valor |safe): camino completo
        trozos: Sequence[str] | None
        comprobar = False
        if esqueleto not in self._armados:
            if len(self._armados) >= MAXIMO_ESQUELETOS:
                self._armados.popitem(last=False)
            trozos = self._armados[esqueleto] = self._trozos(esqueleto)
            if trozos is None:
                self.descartados += 1
                self.activo = self.descartados < 16 or self.descartados < self.aciertos
            else:
                self.nuevos += 1
                comprobar = self.nuevos <= COMPROBADOS
        elif (trozos := self._armados[esqueleto]) is not None:
            self.aciertos += 1
            self._armados.move_to_end(esqueleto)
        if trozos is None:
            return None
        textos = partes[1::2]
        if "&#" in marcado:
            textos = [como_lxml(t) for t in textos]
        if "" in textos:
            vaciados = _vaciar(trozos, textos)
            if vaciados is None:
                return None
            trozos = vaciados
        partes[0::2] = trozos
        partes[1::2] = textos
        return "".join(partes).encode("utf-8"), comprobar

    def _trozos(self, esqueleto: str) -> tuple[str, ...] | None:
        """El XML completo del esqueleto partido donde van los textos, o None si este esqueleto no sirve."""
        estaticos = esqueleto.split(ABRE)
        if len(estaticos) - 1 > 0xF8FF - _PRIMERA_FICHA:
            return None
        # docxtpl cambia "{_{", "}_}", "{_%" y "%_}" en todo el XML: junto a un texto, el cambio dependería de él.
        for antes, despues in zip(estaticos, estaticos[1:]):
            if antes.endswith(("{", "}", "%")) or despues.startswith(("{", "}", "%")):
                return None
        fichas = [chr(_PRIMERA_FICHA + i) for i in range(len(estaticos) - 1)]
        trozos: Sequence[str]
        reducidas: Sequence[str | None]
        if all(p in self._piezas for p in estaticos):  # piezas ya vistas: sin fichas ni saltos propios
            trozos, reducidas = zip(*(self._piezas[p] for p in estaticos), strict=True)
            try:
                if None in reducidas:
                    self._comprobar(_intercalar(trozos, fichas).encode("utf-8"))
                elif (reducido := "".join(reducidas)) not in self._estructuras:  # otras ramas, misma estructura
                    self._comprobar(reducido.encode("utf-8"))
                    if len(self._estructuras) >= MAXIMO_ESTRUCTURAS:
                        self._estructuras.clear()
                    self._estructuras.add(reducido)
                self.de_piezas += 1
                return trozos
            except Exception:  # noqa: BLE001 - el camino completo dirá si el esqueleto sirve
                pass
        if _FICHAS.search(esqueleto):
            return None
        independientes = self._por_piezas and not any(c in sin_saltos_de_plantilla(esqueleto) for c in LISTADO)
        con_fichas = _intercalar(estaticos, fichas)
        try:
            xml = self._completo(con_fichas).decode("utf-8")
        except Exception:  # noqa: BLE001 - el camino completo dará el error de este documento
            return None
        if _FICHAS.findall(xml) != fichas:
            return None  # una ficha que docxtpl o lxml movió, duplicó o quitó
        trozos = _FICHAS.split(xml)
        for trozo in trozos[:-1]:
            if trozo.rfind("<") > trozo.rfind(">"):
                return None  # el texto queda dentro de una etiqueta (atributo), un comentario o un CDATA
        if independientes:
            if len(self._piezas) >= MAXIMO_PIEZAS:
                self._piezas.clear()
            for i, (pieza, trozo) in enumerate(zip(estaticos, trozos)):
                self._piezas[pieza] = (trozo, _reducir(trozo, primera=i == 0))
        return tuple(trozos)

    def dejar(self) -> None:
        """El atajo dio algo distinto del camino completo: esta plantilla ya no lo usa."""
        self.activo = False
        self._armados.clear()
        self._piezas.clear()
        self._estructuras.clear()


def _reducir(trozo: str, primera: bool) -> str | None:
    """Las etiquetas del trozo que importan al combinarlo con otros: las que quedan abiertas o cerradas para
    otros trozos y las de las tablas (con sus antepasados); sin textos ni elementos completos que no las
    contienen. None si el trozo declara espacios de nombres (fuera de la raíz del primero): quitar esa
    declaración podría esconder un prefijo sin declarar."""
    salida: list[str] = []
    pila: list[list] = []  # [nombre, posición en la salida, ¿se guarda?]
    for m in _ETIQUETA.finditer(trozo):
        cierre, nombre, atributos, vacia = m.groups()
        if nombre is None:
            continue  # comentario, instrucción de proceso o CDATA: no cambian la estructura
        if atributos and "xmlns" in atributos and not (primera and not salida):
            return None
        if cierre:
            if not pila:
                salida.append(m[0])  # cierra una etiqueta de otro trozo
                continue
            abierto, inicio, guardar = pila.pop()
            if abierto != nombre:
                return None
            if guardar or nombre in DE_TABLAS:
                salida.append(m[0])
                if pila:
                    pila[-1][2] = True
            else:
                del salida[inicio:]
        elif vacia:
            if nombre in DE_TABLAS:
                salida.append(m[0])
                if pila:
                    pila[-1][2] = True
        else:
            pila.append([nombre, len(salida), False])
            salida.append(m[0])
    return "".join(salida)  # lo que sigue abierto queda: lo cierra otro trozo


def _intercalar(estaticos: Sequence[str], fichas: list[str]) -> str:
    return "".join(x for par in zip(estaticos, [*fichas, ""]) for x in par)


def _vaciar(originales: Sequence[str], textos: list[str]) -> list[str] | None:
    """Los trozos con cada elemento que un texto vacío deja vacío escrito como `<w:t/>` (como lxml); None si
    no se sabe sin mirar más (dos textos seguidos en un mismo elemento)."""
    trozos = list(originales)
    for i, texto in enumerate(textos):
        if texto:
            continue
        antes, despues = trozos[i], trozos[i + 1]
        if antes == "" or despues == "":
            return None
        inicio = _ETIQUETA_DE_INICIO.fullmatch(antes, max(antes.rfind("<"), 0))
        if inicio and despues.startswith(cierre := f"</{inicio[1]}>"):
            trozos[i], trozos[i + 1] = antes[:-1] + "/>", despues[len(cierre):]
    return trozos
