"""Filtros de las plantillas: fechas en castellano, grados, nombres como los escribe una UGEL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache

from babel.dates import format_date

from formatos.numeros import numero, ordinal

LOCALE = "es_PE"


@lru_cache(maxsize=4096)  # pocas fechas distintas en un lote: babel una vez por fecha
def fecha_larga(fecha: date) -> str:
    """27 de noviembre de 2026"""
    return format_date(fecha, "d 'de' MMMM 'de' y", locale=LOCALE)


def fecha_corta(fecha: date) -> str:
    """27/11/2026"""
    return f"{fecha:%d/%m/%Y}"


@lru_cache(maxsize=64)
def mes(numero_o_fecha: int | date) -> str:
    """noviembre"""
    n = numero_o_fecha.month if isinstance(numero_o_fecha, date) else int(numero_o_fecha)
    return format_date(date(2000, n, 1), "MMMM", locale=LOCALE)


def grados(lista: list[int]) -> str:
    """[3, 4] → "3.° y 4.°"; [1, 2, 3] → "1.°, 2.° y 3.°"."""
    partes = [ordinal(g) for g in lista]
    return " y ".join([", ".join(partes[:-1]), partes[-1]]) if len(partes) > 1 else "".join(partes)


def apellidos_nombres(persona) -> str:
    """QUISPE MAMANI, Rosa Elena (como se escribe en las planillas de la UGEL)."""
    apellidos, nombres = (persona["apellidos"], persona["nombres"]) if isinstance(persona, dict) else (persona.apellidos, persona.nombres)
    return f"{apellidos.upper()}, {nombres}"


def nombre_completo(persona) -> str:
    """Rosa Elena Quispe Mamani"""
    apellidos, nombres = (persona["apellidos"], persona["nombres"]) if isinstance(persona, dict) else (persona.apellidos, persona.nombres)
    return f"{nombres} {apellidos}"


def ordinal_apocopado(n: int) -> str:
    """Ante un sustantivo masculino: 1 → "1.er", 2 → "2.°", 3 → "3.er" ("1.er taller", "3.er día")."""
    return ordinal(n, apocope=True)


def romano(n: int) -> str:
    """4 → IV"""
    valores = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    texto = ""
    for v, r in valores:
        while n >= v:
            texto, n = texto + r, n - v
    return texto


FILTROS: dict[str, Callable[..., str]] = {
    "fecha_larga": fecha_larga,
    "fecha_corta": fecha_corta,
    "mes": mes,
    "ordinal": ordinal,
    "ordinal_apocopado": ordinal_apocopado,
    "grados": grados,
    "apellidos_nombres": apellidos_nombres,
    "nombre_completo": nombre_completo,
    "romano": romano,
    "numero": numero,
}
