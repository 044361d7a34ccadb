"""Los problemas que encuentra la validación, con su ruta en los datos y su mensaje en castellano."""

from __future__ import annotations

import errno
import math
import typing
from dataclasses import dataclass
from typing import Any, Literal

from babel.numbers import format_decimal
from pydantic import ValidationError
from pydantic_core import ErrorDetails
from pydantic_core.core_schema import ErrorType

Ruta = tuple[str | int, ...]


@dataclass(frozen=True)
class Problema:
    """Un error (el registro no se usa) o una advertencia (se usa igual), con su ruta en los datos.

    `ubicacion` dice dónde lo ve el usuario si no es la ruta (p. ej. "Hoja Docentes, fila 7, columna DNI");
    en un libro de Excel, lo mismo por partes en `hoja`, `filas` y `columna`. `recibido`: el valor que causó
    el problema, como se cita en el mensaje (si es un valor simple).
    """

    ruta: Ruta
    mensaje: str
    gravedad: Literal["error", "advertencia"] = "error"
    ubicacion: str | None = None
    hoja: str | None = None
    filas: tuple[int, ...] = ()
    columna: str | None = None
    recibido: str | None = None

    @property
    def lugar(self) -> str:
        texto = ""
        for parte in self.ruta:
            texto += f"[{parte}]" if isinstance(parte, int) else (f".{parte}" if texto else str(parte))
        return texto

    def __str__(self) -> str:
        prefijo = "advertencia: " if self.gravedad == "advertencia" else ""
        lugar = self.ubicacion or self.lugar
        return f"{prefijo}{lugar}: {self.mensaje}" if lugar else f"{prefijo}{self.mensaje}"


class ErrorFormatos(Exception):
    """Error que se muestra tal cual al usuario (ya está en castellano)."""


class ExpedienteFaltante(ErrorFormatos, TypeError):
    """Se pidió generar sin un expediente (p. ej. `carga.expediente`, que es None si el archivo no se pudo leer)."""


_MOTIVOS_OS = {
    errno.ENOENT: "no existe",
    errno.EACCES: "no hay permiso para usarlo",
    errno.EPERM: "no hay permiso para usarlo",
    errno.EISDIR: "es una carpeta, no un archivo",
    errno.ENOTDIR: "una parte de la ruta es un archivo, no una carpeta",
    errno.EEXIST: "ya existe",
    errno.ELOOP: "es un enlace que se apunta a sí mismo (o una cadena de enlaces sin fin)",
    errno.ENOSPC: "el disco está lleno",
    errno.EROFS: "el disco es de solo lectura",
    errno.ENAMETOOLONG: "el nombre es demasiado largo",
    errno.EINVAL: "el nombre no es válido",
    errno.EBUSY: "está en uso por otro programa",
    errno.ENOTEMPTY: "la carpeta no está vacía",
    errno.EIO: "error de lectura o escritura del disco",
    errno.EMFILE: "hay demasiados archivos abiertos",
    errno.EXDEV: "está en otro disco",
}


def motivo_os(error: OSError) -> str:
    """Por qué falló una operación con un archivo, en castellano (el sistema lo dice en inglés)."""
    if isinstance(error, PermissionError) and getattr(error, "winerror", None) == 32:
        return "está abierto en otro programa (¿Word o Excel?): ciérrelo y vuelva a intentarlo"
    return _MOTIVOS_OS.get(error.errno or 0, f"error del sistema de archivos (código {error.errno})")


_MENSAJES: dict[str, str] = {
    # Todos los tipos de error de pydantic-core (`pydantic_core.core_schema.ErrorType`): una prueba lo comprueba.
    # Los modelos del expediente solo pueden lanzar algunos; los demás tienen igual un mensaje en castellano.
    "no_such_attribute": "no existe el dato «{attribute}»",
    "json_invalid": "no es JSON válido ({error})",
    "json_type": "debe ser un texto JSON",
    "needs_python_object": "no se puede leer desde JSON",
    "recursion_loop": "los datos se contienen a sí mismos",
    "recursion_depth_exceeded": "tiene demasiadas listas u objetos unos dentro de otros",
    "missing": "falta este dato obligatorio",
    "frozen_field": "este dato no se puede cambiar",
    "frozen_instance": "este registro no se puede cambiar",
    "extra_forbidden": "campo desconocido (revise cómo está escrito)",
    "invalid_key": "los nombres de los campos deben ser textos",
    "get_attribute_error": "no se pudo leer el dato ({error})",
    "model_type": "debe ser un objeto con campos",
    "model_attributes_type": "debe ser un objeto con campos",
    "dataclass_type": "debe ser un objeto con campos",
    "dataclass_exact_type": "debe ser un objeto con campos",
    "named_tuple_type": "debe ser una lista de valores",
    "default_factory_not_called": "no se puede completar porque hay otros errores en el registro",
    "none_required": "debe quedar vacío",
    "greater_than": "debe ser mayor que {gt}",
    "greater_than_equal": "debe ser mayor o igual que {ge}",
    "less_than": "debe ser menor que {lt}",
    "less_than_equal": "debe ser menor o igual que {le}",
    "multiple_of": "debe ser múltiplo de {multiple_of}",
    "finite_number": "debe ser un número finito",
    "too_short": "debe tener al menos {min_length} elemento(s)",
    "too_long": "puede tener a lo más {max_length} elemento(s)",
    "iterable_type": "debe ser una lista",
    "iteration_error": "no se pudo recorrer la lista ({error})",
    "string_type": "debe ser un texto",
    "string_unicode": "debe ser un texto en UTF-8",
    "string_too_short": "no puede estar vacío",
    "string_too_long": "es demasiado largo: puede tener a lo más {max_length} caracteres",
    "string_pattern_mismatch": "no tiene la forma esperada",
    "string_not_ascii": "solo puede tener letras sin tildes, números y signos comunes",
    "enum": "debe ser uno de {expected}",
    "dict_type": "debe ser un objeto con campos",
    "frozen_dict_type": "debe ser un objeto con campos",
    "ordered_dict_type": "debe ser un objeto con campos",
    "counter_type": "debe ser un objeto con cantidades",
    "mapping_type": "debe ser un objeto con campos",
    "list_type": "debe ser una lista",
    "deque_type": "debe ser una lista",
    "tuple_type": "debe ser una lista",
    "set_type": "debe ser una lista",
    "set_item_not_hashable": "la lista tiene un elemento que no puede estar en un conjunto",
    "bool_type": "debe ser sí o no (true/false)",
    "bool_parsing": "debe ser sí o no (true/false)",
    "int_type": "debe ser un número entero",
    "int_parsing": "debe ser un número entero",
    "int_parsing_size": "es un número demasiado grande",
    "int_from_float": "debe ser un número entero",
    "float_type": "debe ser un número",
    "float_parsing": "debe ser un número",
    "bytes_type": "debe ser un texto",
    "bytes_too_short": "es demasiado corto: debe tener al menos {min_length} bytes",
    "bytes_too_long": "es demasiado largo: puede tener a lo más {max_length} bytes",
    "bytes_invalid_encoding": "no está en la codificación {encoding}",
    "value_error": "{error}",
    "assertion_error": "{error}",
    "literal_error": "debe ser uno de {expected}",
    "missing_sentinel_error": "no debe llevar un valor",
    "ellipsis_error": "no debe llevar un valor",
    "date_type": "debe ser una fecha (dd/mm/aaaa)",
    "date_parsing": "debe ser una fecha (dd/mm/aaaa)",
    "date_from_datetime_parsing": "debe ser una fecha (dd/mm/aaaa)",
    "date_from_datetime_inexact": "debe ser una fecha sin hora (dd/mm/aaaa)",
    "date_past": "debe ser una fecha pasada",
    "date_future": "debe ser una fecha futura",
    "time_type": "debe ser una hora (hh:mm)",
    "time_parsing": "debe ser una hora (hh:mm)",
    "datetime_type": "debe ser una fecha con hora (dd/mm/aaaa hh:mm)",
    "datetime_parsing": "debe ser una fecha con hora (dd/mm/aaaa hh:mm)",
    "datetime_object_invalid": "no es una fecha con hora válida",
    "datetime_from_date_parsing": "debe ser una fecha con hora (dd/mm/aaaa hh:mm)",
    "datetime_past": "debe ser una fecha pasada",
    "datetime_future": "debe ser una fecha futura",
    "timezone_naive": "no debe llevar zona horaria",
    "timezone_aware": "debe llevar zona horaria",
    "timezone_offset": "debe ser de la zona horaria {tz_expected}",
    "time_delta_type": "debe ser una duración",
    "time_delta_parsing": "debe ser una duración",
    "frozen_set_type": "debe ser una lista",
    "is_instance_of": "no es del tipo esperado ({class})",
    "is_subclass_of": "no es del tipo esperado ({class})",
    "callable_type": "debe ser una función",
    "union_tag_invalid": "el campo «{discriminator}» tiene un valor no válido (se esperaba {expected_tags})",
    "union_tag_not_found": "falta el campo «{discriminator}», que dice de qué tipo es",
    "arguments_type": "los argumentos deben ser una lista o un objeto",
    "missing_argument": "falta este argumento obligatorio",
    "unexpected_keyword_argument": "argumento desconocido",
    "missing_keyword_only_argument": "falta este argumento obligatorio",
    "unexpected_positional_argument": "sobra este argumento",
    "missing_positional_only_argument": "falta este argumento obligatorio",
    "multiple_argument_values": "este argumento se dio más de una vez",
    "url_type": "debe ser una dirección web",
    "url_parsing": "no es una dirección web válida",
    "url_syntax_violation": "no es una dirección web válida",
    "url_too_long": "la dirección web puede tener a lo más {max_length} caracteres",
    "url_scheme": "la dirección web debe empezar con {expected_schemes}",
    "uuid_type": "debe ser un identificador UUID",
    "uuid_parsing": "no es un identificador UUID válido",
    "uuid_version": "debe ser un UUID de la versión {expected_version}",
    "decimal_type": "debe ser un número",
    "decimal_parsing": "debe ser un número",
    "decimal_max_digits": "puede tener a lo más {max_digits} cifras",
    "decimal_max_places": "puede tener a lo más {decimal_places} decimales",
    "decimal_whole_digits": "puede tener a lo más {whole_digits} cifras antes de la coma decimal",
    "fraction_type": "debe ser un número",
    "fraction_parsing": "debe ser un número",
    "complex_type": "debe ser un número",
    "complex_str_parsing": "debe ser un número",
}
_CONOCIDOS = frozenset(typing.get_args(ErrorType))
_SIN_RECIBIDO = frozenset({"missing", "extra_forbidden", "default_factory_not_called", "value_error", "assertion_error",
                           "string_too_short"})
"""Errores cuyo mensaje no mejora con el valor recibido (o que ya lo dicen)."""


class Invalido:
    """Un valor que la lectura sabe malo (una celda con `#REF!`, un campo JSON repetido) y que pone en lugar del dato.

    Ningún tipo de dato lo acepta: el registro se deja de lado como con cualquier otro error, y `traducir`
    da `mensaje()` en el lugar del dato (ruta JSON, o hoja, fila y columna).
    """

    __slots__ = ("texto",)

    def __init__(self, texto: str) -> None:
        self.texto = texto

    def mensaje(self) -> str:
        return self.texto

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.mensaje()!r})"


class Duplicado(Invalido):
    """Un campo que un objeto JSON trae dos o más veces (JSON no lo prohíbe, pero ¿cuál vale?)."""

    __slots__ = ("valores",)

    def __init__(self, valores: list[Any]) -> None:
        super().__init__("")
        self.valores = valores

    def mensaje(self) -> str:
        valores = " y ".join(recibido(v) for v in self.valores[:3]) + (" …" if len(self.valores) > 3 else "")
        return f"este campo está {len(self.valores)} veces en el mismo objeto ({valores}): deje uno solo"


def recibido(valor: object) -> str:
    """El valor como se cita en un mensaje: textos entre comillas, números tal cual; lo largo, recortado."""
    if isinstance(valor, bool):
        texto = "true" if valor else "false"
    elif isinstance(valor, float) and not math.isfinite(valor):
        texto = "NaN (no es un número)" if math.isnan(valor) else "infinito" if valor > 0 else "menos infinito"
    elif isinstance(valor, (int, float)):
        texto = format_decimal(valor, locale="es_PE") if abs(valor) < 1e15 else str(valor)
    elif isinstance(valor, str):
        texto = f'"{valor}"' if len(valor) <= 40 else f'"{valor[:37]}..." ({format_decimal(len(valor), locale="es_PE")} caracteres)'
    elif isinstance(valor, dict):
        return "un objeto con campos"
    elif isinstance(valor, list):
        return "una lista"
    elif valor is None:
        return "null (vacío)"
    else:
        texto = str(valor)
    return texto if len(texto) <= 60 else texto[:57] + "..."


def traducir(error: ErrorDetails) -> str:
    """El mensaje en castellano de un error de Pydantic, con lo que se recibió cuando ayuda."""
    tipo = error["type"]
    ctx = dict(error.get("ctx") or {})
    entrada = error.get("input")
    if isinstance(entrada, Invalido):
        return entrada.mensaje()
    if tipo in ("literal_error", "enum"):
        esperado = str(ctx.get("expected", "")).replace("'", '"').replace(" or ", " o ")
        return f'debe ser uno de {esperado} (se recibió {recibido(entrada)})'
    if tipo not in _CONOCIDOS:
        return error["msg"]  # errores propios (PydanticCustomError): ya vienen en castellano
    for clave, valor in ctx.items():
        if isinstance(valor, (int, float)) and not isinstance(valor, bool):
            ctx[clave] = format_decimal(valor, locale="es_PE")
    try:
        mensaje = _MENSAJES[tipo].format_map(ctx)
    except (KeyError, IndexError, ValueError):
        mensaje = "no es un valor válido"
    if tipo == "string_too_long" and isinstance(entrada, str):
        return f"{mensaje} (tiene {format_decimal(len(entrada), locale='es_PE')})"
    if tipo in _SIN_RECIBIDO or isinstance(entrada, (dict, list)) or (entrada is None and tipo != "string_type"):
        return mensaje
    return f"{mensaje} (se recibió {recibido(entrada)})"


def problemas_de(error: ValidationError, prefijo: Ruta = ()) -> list[Problema]:
    """Convierte un ValidationError en problemas con ruta, uno por error."""
    return [
        Problema(prefijo + tuple(p for p in e["loc"] if not (isinstance(p, str) and p.startswith("function-"))),
                 traducir(e), recibido=_simple(e.get("input")))
        for e in error.errors()
    ]


def _simple(valor: object) -> str | None:
    return recibido(valor) if isinstance(valor, (str, int, float)) else None
