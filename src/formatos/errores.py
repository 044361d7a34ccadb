"""Los problemas que encuentra la validación, con su ruta en los datos y su mensaje en castellano."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationError
from pydantic_core import ErrorDetails

Ruta = tuple[str | int, ...]


@dataclass(frozen=True)
class Problema:
    """Un error (el registro no se usa) o una advertencia (se usa igual), con su ruta en los datos.

    `ubicacion` dice dónde lo ve el usuario si no es la ruta (p. ej. "Hoja Docentes, fila 7, columna DNI").
    """

    ruta: Ruta
    mensaje: str
    gravedad: Literal["error", "advertencia"] = "error"
    ubicacion: str | None = None

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


_MENSAJES = {
    "missing": "falta este dato obligatorio",
    "extra_forbidden": "campo desconocido (revise cómo está escrito)",
    "string_type": "debe ser un texto",
    "string_too_short": "no puede estar vacío",
    "too_short": "debe tener al menos {min_length} elemento(s)",
    "int_type": "debe ser un número entero",
    "int_parsing": "debe ser un número entero",
    "int_from_float": "debe ser un número entero",
    "float_type": "debe ser un número",
    "float_parsing": "debe ser un número",
    "bool_type": "debe ser sí o no (true/false)",
    "bool_parsing": "debe ser sí o no (true/false)",
    "date_type": "debe ser una fecha (dd/mm/aaaa)",
    "date_parsing": "debe ser una fecha (dd/mm/aaaa)",
    "date_from_datetime_parsing": "debe ser una fecha (dd/mm/aaaa)",
    "list_type": "debe ser una lista",
    "dict_type": "debe ser un objeto con campos",
    "model_type": "debe ser un objeto con campos",
    "model_attributes_type": "debe ser un objeto con campos",
    "greater_than": "debe ser mayor que {gt}",
    "greater_than_equal": "debe ser mayor o igual que {ge}",
    "less_than_equal": "debe ser menor o igual que {le}",
    "less_than": "debe ser menor que {lt}",
}


def _recibido(valor: object) -> str:
    texto = str(valor)
    return texto if len(texto) <= 40 else texto[:37] + "..."


def traducir(error: ErrorDetails) -> str:
    """El mensaje en castellano de un error de Pydantic."""
    tipo = error["type"]
    ctx = error.get("ctx") or {}
    if tipo in ("literal_error", "enum"):
        esperado = ctx.get("expected", "").replace("'", '"').replace(" or ", " o ")
        return f'debe ser uno de {esperado} (se recibió "{_recibido(error.get("input"))}")'
    if tipo == "value_error":
        return str(ctx.get("error", error["msg"]))
    if tipo in _MENSAJES:
        return _MENSAJES[tipo].format(**ctx)
    return error["msg"]  # errores propios: ya vienen en castellano


def problemas_de(error: ValidationError, prefijo: Ruta = ()) -> list[Problema]:
    """Convierte un ValidationError en problemas con ruta, uno por error."""
    return [
        Problema(prefijo + tuple(p for p in e["loc"] if not (isinstance(p, str) and p.startswith("function-"))),
                 traducir(e))
        for e in error.errors()
    ]
