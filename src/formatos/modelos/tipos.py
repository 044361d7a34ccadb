"""Tipos de dato del dominio con sus reglas y mensajes en castellano (DNI, código modular, nivel, texto)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from babel.dates import get_month_names
from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from formatos.catalogo import NIVELES


def _digitos(n: int, nombre: str):
    def validar(v: Any) -> str:
        if isinstance(v, bool) or v is None:
            raise PydanticCustomError(nombre, "debe ser un texto de {n} dígitos", {"n": n})
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        texto = str(v).strip()
        if isinstance(v, int) and len(texto) < n:
            texto = texto.zfill(n)  # Excel o JSON perdieron los ceros a la izquierda
        if not re.fullmatch(rf"\d{{{n}}}", texto):
            raise PydanticCustomError(nombre, 'debe tener {n} dígitos (se recibió "{valor}")', {"n": n, "valor": texto})
        return texto

    return validar


Dni = Annotated[
    str,
    BeforeValidator(_digitos(8, "dni")),
    WithJsonSchema({"type": "string", "pattern": r"^\d{8}$", "description": "DNI: 8 dígitos"}),
]
CodigoModular = Annotated[
    str,
    BeforeValidator(_digitos(7, "codigo_modular")),
    WithJsonSchema({"type": "string", "pattern": r"^\d{7}$", "description": "Código modular: 7 dígitos"}),
]
Ubigeo = Annotated[
    str,
    BeforeValidator(_digitos(6, "ubigeo")),
    WithJsonSchema({"type": "string", "pattern": r"^\d{6}$", "description": "Ubigeo: 6 dígitos"}),
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
    """Acepta fechas ISO, objetos date/datetime y el formato peruano dd/mm/aaaa."""
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, str):
        texto = v.strip()
        m = re.fullmatch(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})", texto)
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

Texto = Annotated[str, Field(min_length=1)]
"""Texto obligatorio (no vacío tras quitar espacios)."""


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
"""Número de mes (1 a 12); se acepta también su nombre."""
