"""Los periodos de los informes: mes, trimestre del año escolar y año."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from formatos.modelos.expediente import Expediente

ROMANOS = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Periodo:
    clave: str
    """Como en la narrativa: "2026-05", "T2", "anual"."""
    nombre: str
    """En un título: "mayo de 2026", "II trimestre de 2026", "año 2026"."""
    inicio: date
    fin: date

    def contiene(self, fecha: date) -> bool:
        return self.inicio <= fecha <= self.fin

    @property
    def meses(self) -> list[int]:
        return list(range(self.inicio.month, self.fin.month + 1))


def _ultimo(anio: int, mes: int) -> date:
    return date(anio, mes, calendar.monthrange(anio, mes)[1])


def mes(anio: int, numero: int) -> Periodo:
    nombre = format_date(date(anio, numero, 1), "MMMM 'de' y", locale="es_PE")
    return Periodo(f"{anio}-{numero:02d}", nombre, date(anio, numero, 1), _ultimo(anio, numero))


def trimestre(exp: Expediente, numero: int) -> Periodo:
    """Un trimestre con los meses que le asigna el protocolo del expediente."""
    meses = exp.protocolo.trimestres[numero]
    return Periodo(f"T{numero}", f"{ROMANOS[numero]} trimestre de {exp.anio}", date(exp.anio, min(meses), 1),
                   _ultimo(exp.anio, max(meses)))


def trimestres(exp: Expediente) -> list[Periodo]:
    return [trimestre(exp, n) for n in exp.protocolo.trimestres]


def anual(anio: int) -> Periodo:
    return Periodo("anual", f"año {anio}", date(anio, 3, 1), date(anio, 12, 31))

