"""Límites del entorno aislado de las plantillas: ninguna plantilla agota la memoria ni el tiempo del equipo.

El entorno aislado de Jinja ya impide leer archivos o tocar las partes internas de Python; aquí se acota lo
que sí permite y podría crecer sin fin:

- `range(n)` hasta `MAXIMO_RANGO` elementos, y `lipsum` hasta 100 párrafos;
- `a ** b` solo si el resultado cabe en `MAXIMO_BITS` bits; un número entero de más bits, nunca;
- un texto o una lista armados por la plantilla (`'-' * 80`, `lista * 3`, `~`, `+`, `center`, `indent`,
  `replace`, `join`, `format`, `ljust`, `batch`…) hasta `MAXIMO_TEXTO` caracteres o elementos, comprobado
  ANTES de armarlo cuando una sola operación podría pedir gigabytes;
- lo que produce cada parte del documento, hasta `MAXIMO_SALIDA` caracteres (se cuenta mientras se escribe);
- las vueltas y el tiempo: dentro de `vigilar(segundos)`, la plantilla compilada cuenta cada vuelta de sus
  bucles y cada llamada a una macro (`latido`) y se detiene tras `MAXIMO_VUELTAS` o pasados los segundos.

Pasar un límite es un `LimitePlantilla` (un `ErrorFormatos`): un error de esa plantilla, con su mensaje en
castellano; el lote lo cuenta como un documento fallido y sigue.
"""

from __future__ import annotations

import re
import string
import threading
import time
from collections.abc import Callable, Iterable
from functools import wraps
from itertools import islice
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.filters import FILTERS
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import _PassArg, generate_lorem_ipsum

from formatos.errores import ErrorFormatos

MAXIMO_RANGO = 10_000
MAXIMO_BITS = 16_384
"""Unas 4 900 cifras: Python no convierte a texto enteros de más de 4 300 cifras."""
MAXIMO_TEXTO = 1_000_000
MAXIMO_SALIDA = 50_000_000
MAXIMO_ANCHO = 10_000
"""El ancho o la precisión más grandes en `'%10s'`, `'{:>10}'`, `center(10)`..."""
MAXIMO_VUELTAS = 1_000_000
"""Vueltas de bucles y llamadas a macros por llenado: una matriz da unas decenas."""
TIEMPO_POR_DOCUMENTO = 30.0
"""Segundos para llenar una plantilla (un documento se llena en milésimas; uno con gráficos, en décimas)."""


class LimitePlantilla(ErrorFormatos):
    """Una plantilla pasó un límite del entorno aislado (tamaño, números, vueltas, tiempo)."""


class LimiteDeVueltas(LimitePlantilla):
    """Una plantilla dio demasiadas vueltas o tardó demasiado: llenarla cuesta, no se reintenta sin fin."""


def _texto_grande(que: str, tamano: int) -> LimitePlantilla:
    return LimitePlantilla(f"{que} tendría {tamano:,} caracteres o elementos (el máximo es {MAXIMO_TEXTO:,})"
                           .replace(",", " "))


def _tamano(valor: Any) -> int:
    return len(valor) if isinstance(valor, (str, list, tuple, bytes)) else 0


def _entero(valor: Any) -> bool:
    return isinstance(valor, int) and not isinstance(valor, bool)


def _comprobar_entero(valor: Any) -> Any:
    if _entero(valor) and valor.bit_length() > MAXIMO_BITS:
        raise LimitePlantilla(f"un número de la plantilla tendría más de {MAXIMO_BITS:,} bits".replace(",", " "))
    return valor


def _comprobar_texto(valor: Any, que: str = "un texto armado por la plantilla") -> Any:
    if _tamano(valor) > MAXIMO_TEXTO:
        raise _texto_grande(que, _tamano(valor))
    return valor


def _potencia(base: Any, exponente: Any) -> Any:
    if _entero(base) and _entero(exponente) and exponente > 0 and abs(base) > 1 \
            and (abs(base).bit_length() - 1) * exponente > MAXIMO_BITS:
        raise LimitePlantilla(f"«{base} ** {exponente}» da un número de más de {MAXIMO_BITS:,} bits: no se calcula"
                              .replace(",", " "))
    return _comprobar_entero(base ** exponente)


def _por(izquierda: Any, derecha: Any) -> Any:
    for secuencia, veces in ((izquierda, derecha), (derecha, izquierda)):
        if isinstance(secuencia, (str, list, tuple)) and _entero(veces):
            if len(secuencia) * max(veces, 0) > MAXIMO_TEXTO:
                raise _texto_grande("«… * …»", len(secuencia) * veces)
    return _comprobar_entero(izquierda * derecha)


_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")


def _comprobar_printf(formato: str) -> None:
    for ancho, precision in _PRINTF.findall(formato):
        for n in (ancho, precision):
            if n == "*" or (n and int(n) > MAXIMO_ANCHO):
                raise LimitePlantilla(f"el formato «{formato[:40]}» pide un ancho de más de {MAXIMO_ANCHO} caracteres"
                                      .replace("10000", "10 000"))


def _comprobar_format(formato: str) -> None:
    """`'{:>10}'.format(x)`: anchos acotados y sin anchos tomados de los datos (`{:{}}`)."""
    for _, campo, especificacion, _ in string.Formatter().parse(formato):
        if campo is None or not especificacion:
            continue
        if "{" in especificacion:
            raise LimitePlantilla(f"el formato «{formato[:40]}» toma el ancho de un dato: no está permitido")
        if any(int(n) > MAXIMO_ANCHO for n in re.findall(r"\d+", especificacion)):
            raise LimitePlantilla(f"el formato «{formato[:40]}» pide un ancho de más de {MAXIMO_ANCHO} caracteres"
                                  .replace("10000", "10 000"))


def _modulo(izquierda: Any, derecha: Any) -> Any:
    if isinstance(izquierda, str):
        _comprobar_printf(izquierda)
        return _comprobar_texto(izquierda % derecha)
    return izquierda % derecha


def _mas(izquierda: Any, derecha: Any) -> Any:
    return _comprobar_entero(_comprobar_texto(izquierda + derecha))


_OPERACIONES: dict[str, Callable[[Any, Any], Any]] = {"**": _potencia, "*": _por, "%": _modulo, "+": _mas}


def rango(*argumentos: int) -> range:
    """`range` de las plantillas: hasta `MAXIMO_RANGO` elementos."""
    r = range(*argumentos)
    if len(r) > MAXIMO_RANGO:
        raise LimitePlantilla(f"«range» de {len(r):,} elementos (el máximo es {MAXIMO_RANGO:,})".replace(",", " "))
    return r


def lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # noqa: A002 - como Jinja
    if n > 100 or max > 1000:
        raise LimitePlantilla("«lipsum» de más de 100 párrafos o de párrafos de más de 1 000 palabras")
    return generate_lorem_ipsum(n, html, min, max)


# --- filtros que arman textos o listas a partir de un número --------------------------------------------
def _ancho(valor: Any) -> int:
    return len(valor) if isinstance(valor, str) else int(valor) if _entero(valor) else 0


def _limitado(nombre: str, tamano: Callable[..., int]) -> Callable[..., Any]:
    """El filtro de Jinja `nombre`, que comprueba antes el tamaño de lo que va a armar: `tamano(valor, *argumentos)`
    (sin el contexto o el entorno que algunos filtros reciben primero)."""
    filtro = FILTERS[nombre]
    desde = 0 if _PassArg.from_obj(filtro) is None else 1

    @wraps(filtro)
    def limitado(*args: Any, **kwargs: Any) -> Any:
        previsto = tamano(*args[desde:], **kwargs)
        if previsto > MAXIMO_TEXTO:
            raise _texto_grande(f"el filtro «{nombre}»", previsto)
        return _comprobar_texto(filtro(*args, **kwargs), f"el filtro «{nombre}»")

    return limitado


def _largo(valor: Any) -> int:
    return len(valor) if isinstance(valor, (str, list, tuple, dict)) else len(str(valor))


def _veces_lineas(texto: Any) -> int:
    return str(texto).count("\n") + 1


def _unido(valor: Any, d: str = "", attribute: Any = None) -> int:
    if not isinstance(valor, (list, tuple)):
        return 0
    return sum(_largo(x) for x in valor) + len(str(d)) * max(len(valor) - 1, 0)


def _reemplazo(s: Any, viejo: Any = "", nuevo: Any = "", count: int | None = None) -> int:
    texto, viejo, nuevo = str(s), str(viejo), str(nuevo)
    veces = (len(texto) + 1) if not viejo else texto.count(viejo)
    if count is not None and count >= 0:
        veces = min(veces, count)
    return len(texto) + veces * max(len(nuevo) - len(viejo), 0)


def _formato(valor: Any, *args: Any, **kwargs: Any) -> int:
    _comprobar_printf(str(valor))
    return 0


FILTROS_LIMITADOS: dict[str, Callable[..., Any]] = {
    "center": _limitado("center", lambda v, width=80: max(_largo(v), _ancho(width))),
    "indent": _limitado("indent", lambda v, width=4, *a, **k: _largo(v) + _ancho(width) * _veces_lineas(v)),
    "wordwrap": _limitado("wordwrap", lambda v, width=79, break_long_words=True, wrapstring=None, *a, **k:
                          _largo(v) * (1 + len(wrapstring or "\n"))),
    "batch": _limitado("batch", lambda v, linecount, fill_with=None: _largo(v) + _ancho(linecount)),
    "slice": _limitado("slice", lambda v, slices, fill_with=None: _largo(v) + _ancho(slices)),
    "join": _limitado("join", lambda v, d="", attribute=None: _unido(v, d)),
    "replace": _limitado("replace", lambda s, old, new, count=None: _reemplazo(s, old, new, count)),
    "format": _limitado("format", _formato),
    "truncate": _limitado("truncate", lambda s, length=255, killwords=False, end="...", leeway=None:
                          _largo(s) + len(str(end))),
}
"""Los filtros de Jinja que pueden armar un texto o una lista enorme a partir de un número."""


# --- métodos de textos y listas -------------------------------------------------------------------------
_METODOS_DE_TEXTO: dict[str, Callable[..., int]] = {
    "center": lambda s, width, *a: max(len(s), _ancho(width)),
    "ljust": lambda s, width, *a: max(len(s), _ancho(width)),
    "rjust": lambda s, width, *a: max(len(s), _ancho(width)),
    "zfill": lambda s, width: max(len(s), _ancho(width)),
    "expandtabs": lambda s, tabsize=8: len(s) + s.count("\t") * _ancho(tabsize),
    "replace": lambda s, old, new, count=-1: _reemplazo(s, old, new, count),
    "join": lambda s, iterable: _unido(list(iterable) if isinstance(iterable, (list, tuple)) else [], s),
    "translate": lambda s, tabla: len(s) * max([_largo(v) for v in tabla.values() if v is not None] + [1])
    if isinstance(tabla, dict) else len(s),
}


def _tamano_previsto(objeto: Any, args: tuple, kwargs: dict) -> int:
    metodo = getattr(objeto, "__name__", "")
    propio = getattr(objeto, "__self__", None)
    if isinstance(propio, str) and metodo in _METODOS_DE_TEXTO:
        try:
            return _METODOS_DE_TEXTO[metodo](propio, *args, **kwargs)
        except TypeError:
            return 0  # el método mismo dirá qué le falta
    return 0


# --- el vigilante: vueltas y tiempo por llenado --------------------------------------------------------
class _Estado(threading.local):
    activo = False
    vueltas = 0
    plazo = 0.0
    segundos = 0.0


_ESTADO = _Estado()


def latido() -> None:
    """Lo que la plantilla compilada ejecuta en cada vuelta de un bucle y en cada llamada a una macro: cuenta
    las vueltas y, cada 256, mira el reloj."""
    estado = _ESTADO
    if not estado.activo:
        return
    estado.vueltas += 1
    if estado.vueltas & 255:
        return
    if estado.vueltas > MAXIMO_VUELTAS:
        raise LimiteDeVueltas(f"la plantilla da más de {MAXIMO_VUELTAS:,} vueltas en sus bucles para un solo "
                              "documento (¿un bucle dentro de otro?) y se detuvo".replace(",", " "))
    if time.monotonic() > estado.plazo:
        raise LimiteDeVueltas(f"la plantilla tardó más de {estado.segundos:g} s en llenarse y se detuvo")


class vigilar:  # noqa: N801 - se usa como función: `with vigilar(10): ...`
    """`with vigilar(segundos): ...`: llenar una plantilla adentro no puede dar más de `MAXIMO_VUELTAS` vueltas
    (un número fijo: el mismo resultado en cualquier equipo) ni tardar más de `segundos` (por omisión,
    `TIEMPO_POR_DOCUMENTO`); si no, `LimitePlantilla`. Dentro de otro `vigilar`, manda el de afuera."""

    __slots__ = ("_propio", "_segundos")

    def __init__(self, segundos: float | None = None) -> None:
        self._segundos = TIEMPO_POR_DOCUMENTO if segundos is None else segundos
        self._propio = False

    def __enter__(self) -> None:
        estado = _ESTADO
        if estado.activo:
            return
        self._propio = estado.activo = True
        estado.vueltas, estado.segundos = 0, self._segundos
        estado.plazo = time.monotonic() + self._segundos

    def __exit__(self, *_: object) -> None:
        if self._propio:
            _ESTADO.activo = False


# --- el entorno -----------------------------------------------------------------------------------------
class _Generador(CodeGenerator):
    """Compila la plantilla con un `latido()` al empezar cada vuelta de un bucle y cada llamada a una macro (lo
    único que se repite) y con `a ~ b` (unir textos) pasando por `environment.unir`."""

    _repetidos: frozenset[int] = frozenset()  # los cuerpos (listas de nodos) de los bucles y las macros

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        self._repetidos = self._repetidos | {id(node.body)}
        super().visit_For(node, frame)

    def macro_body(self, node: Any, frame: Frame) -> Any:
        self._repetidos = self._repetidos | {id(node.body)}
        return super().macro_body(node, frame)

    def blockvisit(self, bloque: Iterable[nodes.Node], frame: Frame) -> None:
        if id(bloque) in self._repetidos:
            self.writeline("environment.latido()")
        super().blockvisit(bloque, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.unir(")
        super().visit_Concat(node, frame)
        self.write(")")


def _unir(partes: Iterable[str]) -> str:
    """`concat` de Jinja (todo lo que escribe una plantilla pasa por aquí): cuenta lo escrito mientras se escribe,
    por tandas de 4 096 trozos (casi siempre, una sola tanda: una parte del documento son unos cientos)."""
    trozos = partes if type(partes) is list else list(islice(partes, _TANDA))
    total = sum(map(len, trozos))
    if len(trozos) == _TANDA and type(partes) is not list:
        iterador = iter(partes)
        while tanda := list(islice(iterador, _TANDA)):
            total += sum(map(len, tanda))
            if total > MAXIMO_SALIDA:
                raise _salida_grande()
            trozos += tanda
    if total > MAXIMO_SALIDA:
        raise _salida_grande()
    return "".join(trozos)


_TANDA = 4096


def _salida_grande() -> LimitePlantilla:
    return LimitePlantilla(f"la plantilla escribiría más de {MAXIMO_SALIDA:,} caracteres en una parte del documento"
                           .replace(",", " "))


class EntornoLimitado(SandboxedEnvironment):
    """El entorno aislado de Jinja con los límites de este módulo."""

    code_generator_class = _Generador
    intercepted_binops = frozenset(_OPERACIONES)
    concat = staticmethod(_unir)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = rango
        self.globals["lipsum"] = lipsum
        self.filters.update(FILTROS_LIMITADOS)

    def _load_template(self, name: Any, globals: Any) -> Any:  # noqa: A002 - como Jinja
        raise ErrorFormatos("«include», «import» y «extends» no se pueden usar: una plantilla no puede incluir ni "
                            "importar otras plantillas")

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        return _OPERACIONES[operator](left, right)

    latido = staticmethod(latido)

    @staticmethod
    def unir(texto: str) -> str:
        return _comprobar_texto(texto)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        envuelto = super().wrap_str_format(value)
        if envuelto is None:
            return None
        formato = value.__self__

        @wraps(envuelto)
        def limitado(*args: Any, **kwargs: Any) -> str:
            _comprobar_format(formato)
            return _comprobar_texto(envuelto(*args, **kwargs))

        return limitado

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - como Jinja
        previsto = _tamano_previsto(__obj, args, kwargs)
        if previsto > MAXIMO_TEXTO:
            raise _texto_grande(f"«{getattr(__obj, '__name__', 'la llamada')}»", previsto)
        resultado = super().call(__context, __obj, *args, **kwargs)
        propio = getattr(__obj, "__self__", None)
        if isinstance(propio, (list, dict, set)) and len(propio) > MAXIMO_TEXTO:
            propio.clear()  # que la lista enorme no siga ocupando memoria
            raise _texto_grande("una lista armada por la plantilla", MAXIMO_TEXTO + 1)
        return _comprobar_entero(_comprobar_texto(resultado))


def linea_de_plantilla(error: BaseException) -> int | None:
    """La línea de la plantilla Jinja (la más interna) donde ocurrió `error`, si ocurrió llenándola."""
    linea = None
    tb = error.__traceback__
    while tb is not None:
        plantilla = tb.tb_frame.f_globals.get("__jinja_template__")
        if plantilla is not None:
            linea = plantilla.get_corresponding_lineno(tb.tb_lineno)
        elif tb.tb_frame.f_code.co_filename == "<template>":
            linea = tb.tb_lineno
        tb = tb.tb_next
    return linea
