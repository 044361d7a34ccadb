"""Tipos de dato del dominio con sus reglas y mensajes en castellano (DNI, código modular, nivel, texto)."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, datetime
from collections.abc import Callable
from typing import Annotated, Any, Literal

from babel.dates import get_month_names
from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from formatos.catalogo import NIVELES


def _digitos(n: int, nombre: str) -> Callable[[Any], str]:
    def validar(v: Any) -> str:
        if isinstance(v, bool) or v is None:
            raise PydanticCustomError(nombre, "debe ser un texto de {n} dígitos", {"n": n})
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        if isinstance(v, int):  # un número (JSON o celda de Excel): solo vale si no pudo perder ceros a la izquierda
            if 0 <= v and len(str(v)) == n:
                return str(v)
            if 0 <= v < 10 ** n:
                raise PydanticCustomError(nombre, NUMERO_SIN_CEROS, {"n": n, "valor": v, "cifras": len(str(v))})
        texto = str(v).strip()
        if not _SOLO_DIGITOS[n].fullmatch(texto):
            otros = any(c.isdigit() and not c.isascii() for c in texto)
            raise PydanticCustomError(
                nombre, 'debe tener {n} dígitos del 0 al 9{otros} (se recibió "{valor}")',
                {"n": n, "valor": texto, "otros": ", escritos con el teclado común" if otros else ""})
        return texto

    return validar


NUMERO_SIN_CEROS = ("debe tener {n} dígitos y se recibió el número {valor}, de {cifras} cifra(s): un número pierde los "
                    "ceros a la izquierda. Escríbalo como texto con sus {n} dígitos (en JSON entre comillas; en Excel, "
                    "en una celda con formato de texto)")
_SOLO_DIGITOS = {n: re.compile(rf"[0-9]{{{n}}}") for n in (6, 7, 8)}
r"""Solo los dígitos ASCII: `\d` acepta también los de otras escrituras («４００１１２２３»)."""


Dni = Annotated[
    str,
    BeforeValidator(_digitos(8, "dni")),
    WithJsonSchema({"type": "string", "pattern": r"^[0-9]{8}$", "description": "DNI: 8 dígitos"}),
]
CodigoModular = Annotated[
    str,
    BeforeValidator(_digitos(7, "codigo_modular")),
    WithJsonSchema({"type": "string", "pattern": r"^[0-9]{7}$", "description": "Código modular: 7 dígitos"}),
]
Ubigeo = Annotated[
    str,
    BeforeValidator(_digitos(6, "ubigeo")),
    WithJsonSchema({"type": "string", "pattern": r"^[0-9]{6}$", "description": "Ubigeo: 6 dígitos"}),
]

_ROMANOS = {"1": "I", "2": "II", "3": "III", "4": "IV"}


def _nivel(v: Any) -> str:
    texto = str(v).strip().upper() if v is not None else ""
    texto = re.sub(r"^NIVEL\s+", "", texto)
    if texto.endswith(".0"):
        texto = texto[:-2]
    texto = _ROMANOS.get(texto, texto)
    if texto not in NIVELES:
        raise PydanticCustomError("nivel", 'debe ser un nivel I, II, III o IV (se recibió "{valor}")', {"valor": v})
    return texto


Nivel = Annotated[
    Literal["I", "II", "III", "IV"],
    BeforeValidator(_nivel),
    WithJsonSchema({"type": "string", "enum": list(NIVELES), "description": "Nivel de logro de la rúbrica"}),
]


def _fecha(v: Any) -> Any:
    """Acepta fechas ISO, objetos date/datetime y el formato peruano dd/mm/aaaa (no un número: ¿días desde cuándo?)."""
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        raise PydanticCustomError(
            "fecha", "debe ser una fecha escrita como texto, dd/mm/aaaa (se recibió el número {valor})", {"valor": v})
    if isinstance(v, str):
        texto = v.strip()
        m = re.fullmatch(r"([0-9]{1,2})[/-]([0-9]{1,2})[/-]([0-9]{4})", texto)
        if m:
            d, mes, a = (int(x) for x in m.groups())
            try:
                return date(a, mes, d)
            except ValueError:
                raise PydanticCustomError("fecha", 'no es una fecha válida (se recibió "{valor}")', {"valor": v}) from None
        try:
            return date.fromisoformat(texto)
        except ValueError:
            raise PydanticCustomError(
                "fecha", 'no es una fecha válida; escriba dd/mm/aaaa (se recibió "{valor}")', {"valor": v}
            ) from None
    return v


Fecha = Annotated[date, BeforeValidator(_fecha)]

# --- textos: límites por clase de campo (docs/expediente.md, «Límites») ------------------------------------------------
LARGO_NOMBRE = 200
"""Nombres y apellidos, nombres de I. E., de la UGEL, lugares."""
LARGO_CLAVE = 100
"""Códigos que identifican un registro (de una visita, de un GIA…)."""
LARGO_CORTO = 1_000
"""Textos de una línea: cargo, área curricular, tema, lugar."""
LARGO_TEXTO = 32_767
"""Cualquier otro texto (evidencias, narrativas, propósitos): lo que cabe en una celda de Excel, unas 12 páginas.
Lo aplica `Modelo` a todo texto."""

_INVISIBLES = frozenset("\u115f\u1160\u2800\u3164\uffa0")
"""Rellenos que se ven en blanco aunque Unicode no los llame espacios (Hangul, braille en blanco)."""


def _visible(c: str) -> bool:
    return not (c.isspace() or c in _INVISIBLES or unicodedata.category(c) in ("Cc", "Cf", "Cn", "Co", "Mn", "Me", "Zs"))


def _no_invisible(v: str) -> str:
    """Un texto hecho solo de caracteres que no se ven (espacio de ancho cero, marcas de dirección…) está vacío."""
    if v and not any(map(_visible, v)):
        raise PydanticCustomError("texto_invisible", "no puede estar vacío: solo tiene caracteres que no se ven "
                                                     "(como espacios de ancho cero)")
    return v


Texto = Annotated[str, Field(min_length=1), AfterValidator(_no_invisible)]
"""Texto obligatorio (no vacío tras quitar espacios, ni hecho solo de caracteres invisibles)."""
Nombre = Annotated[str, Field(min_length=1, max_length=LARGO_NOMBRE), AfterValidator(_no_invisible)]
"""Nombre obligatorio (de una persona, una I. E., un lugar): hasta 200 caracteres."""
Clave = Annotated[str, Field(min_length=1, max_length=LARGO_CLAVE), AfterValidator(_no_invisible)]
"""Código que identifica un registro: hasta 100 caracteres."""
TextoCorto = Annotated[str, Field(min_length=1, max_length=LARGO_CORTO), AfterValidator(_no_invisible)]
"""Texto obligatorio de una línea: hasta 1 000 caracteres."""


# --- números ---------------------------------------------------------------------------------------------
# Todo número del expediente es finito (ver `Modelo`) y tiene un mínimo y un máximo (lo comprueba una prueba).
Horas = Annotated[float, Field(ge=0, le=24)]
"""Horas de una actividad de un día (observación, asesoría, GIA): de 0 a 24."""
MAXIMO_HORAS_TALLER = 200
"""Horas de un taller (el manual: 96 horas cronológicas en 12 días, l. 2060-2061)."""
MAXIMO_ESTUDIANTES = 1_000
"""Estudiantes de un aula o de una I. E. multigrado."""
MAXIMO_CANTIDAD = 100_000
"""Cantidades y números de orden (recursos, número de un informe)."""
MAXIMO_SOLES = 1_000_000_000
MAXIMO_KM = 2_000
Cantidad = Annotated[int, Field(ge=0, le=MAXIMO_CANTIDAD)]
Porcentaje = Annotated[int, Field(ge=0, le=100)]


# --- grados ----------------------------------------------------------------------------------------------
_ORDINAL = re.compile(r"([0-9]+)\s*(?:\.\s*)?(?:[°ºª]|ro|do|er|to|vo|no|mo)(?![^\W\d_])|([0-9]+)\.(?![0-9])")
_PIEZA = re.compile(r"[0-9]+(?:\.[0-9]+)?|[^\W\d_]+|[-–—]|[,;/+&]|\S")
_HASTA = {"-", "–", "—", "a", "al", "hasta"}
_RELLENO = {",", ";", "/", "+", "&", "y", "e", "grado", "grados", "del", "de"}
GRADOS_ESPERADOS = 'los grados se escriben con números del 1 al 6, p. ej. "1, 2 y 3" o "1.° a 3.°"'


def _error_grados(v: Any, motivo: str) -> PydanticCustomError:
    return PydanticCustomError("grados", "{motivo}: {esperado} (se recibió {valor})",
                               {"motivo": motivo, "esperado": GRADOS_ESPERADOS, "valor": _citar(v)})


def _citar(v: Any) -> str:
    """Lo recibido como se escribiría en JSON: «"texto"», «[1, 7]», «true»."""
    try:
        return json.dumps(v, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(v)


def grados_de_texto(texto: str) -> list[int]:
    """«1, 2 y 3», «1.° a 3.°», «1-3», «del 1.° al 3.° grado»: la lista de grados; ValueError con lo que no se entiende."""
    piezas = _PIEZA.findall(_ORDINAL.sub(lambda m: m[1] or m[2], texto.strip().lower()))
    grados: list[int] = []
    i = 0
    while i < len(piezas):
        pieza = piezas[i]
        if pieza in _RELLENO:
            i += 1
            continue
        if not pieza.isascii() or not pieza.isdigit():
            raise ValueError(f"«{pieza}» no es un grado")
        if i + 2 < len(piezas) and piezas[i + 1] in _HASTA and piezas[i + 2].isascii() and piezas[i + 2].isdigit():
            desde, hasta = int(pieza), int(piezas[i + 2])
            if hasta < desde:
                raise ValueError(f"el rango «{pieza} {piezas[i + 1]} {piezas[i + 2]}» va al revés")
            grados += range(desde, hasta + 1)
            i += 3
            continue
        if i + 1 < len(piezas) and piezas[i + 1] in _HASTA:
            raise ValueError(f"el rango que empieza en «{pieza}» no dice hasta qué grado")
        grados.append(int(pieza))
        i += 1
    return grados


def _grados(v: Any) -> list[int]:
    """Los grados de un docente: lista de números o texto como se escribe en una hoja. Nada se trunca ni se pierde."""
    elementos = v if isinstance(v, list) else [v]
    grados: list[int] = []
    for elemento in elementos:
        if isinstance(elemento, bool) or elemento is None:
            raise _error_grados(v, f"«{_citar(elemento) if elemento is not None else 'null'}» no es un grado")
        if isinstance(elemento, float) and elemento.is_integer():
            elemento = int(elemento)
        if isinstance(elemento, int):
            grados.append(elemento)
        elif isinstance(elemento, str):
            try:
                grados += grados_de_texto(elemento)
            except ValueError as e:
                raise _error_grados(v, str(e)) from None
        else:
            raise _error_grados(v, f"«{elemento}» no es un grado")
    fuera = [g for g in grados if not 1 <= g <= 6]
    if fuera:
        raise _error_grados(v, f"los grados de primaria van del 1 al 6 ({fuera[0]} no es uno de ellos)")
    if not grados:
        raise PydanticCustomError("grados", "falta al menos un grado: {esperado}", {"esperado": GRADOS_ESPERADOS})
    return sorted(set(grados))


Grados = Annotated[
    list[int],
    BeforeValidator(_grados),
    WithJsonSchema({"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 6}, "minItems": 1,
                    "description": "Grados a cargo, de 1 a 6"}),
]
"""Los grados a cargo (1 a 6), ordenados y sin repetir; se aceptan «1, 2 y 3», «1-3», «1.° a 3.°», «1.° al 3.°»."""


def _nombres_de_meses() -> dict[str, int]:
    """«mayo», «setiembre» o «septiembre», «set.»… (los nombres de Babel, en castellano del Perú y general)."""
    return {nombre.lower().rstrip("."): numero for locale in ("es_PE", "es") for ancho in ("wide", "abbreviated")
            for numero, nombre in get_month_names(ancho, locale=locale).items()}


_MESES = _nombres_de_meses()


def _mes(v: Any) -> Any:
    """Un mes por su número o por su nombre, como lo escribe una UGEL en Excel ("Mayo", "set.")."""
    if isinstance(v, str) and not v.strip().isdigit():
        numero = _MESES.get(v.strip().lower().rstrip("."))
        if numero is None:
            raise PydanticCustomError(
                "mes", 'no es un mes: escriba su número (5) o su nombre ("mayo"); se recibió "{valor}"', {"valor": v})
        return numero
    return v


Mes = Annotated[int, BeforeValidator(_mes)]
"""Número de mes; se acepta también su nombre. El campo fija su rango: `mes: Mes = Field(ge=4, le=12)`
(un rango dentro de este tipo haría que pydantic olvide el del campo)."""


def _mes_del_anio(v: Any) -> int:
    numero = _mes(v)
    if isinstance(numero, float) and numero.is_integer():
        numero = int(numero)
    if isinstance(numero, bool) or not isinstance(numero, (int, str)) or not str(numero).isascii() \
            or not str(numero).strip().isdigit() or not 1 <= int(numero) <= 12:
        raise PydanticCustomError("mes", 'no es un mes: escriba su número (1 a 12) o su nombre ("mayo"); se recibió {valor}',
                                  {"valor": _citar(v)})
    return int(numero)


MesDelAnio = Annotated[int, BeforeValidator(_mes_del_anio), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 12})]
"""Un mes (1 a 12, o su nombre) dentro de una lista de meses."""
