"""Cifras del diagnóstico: estudiantes y resultados de la evaluación de línea de base."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from formatos.modelos.expediente import Expediente

AREAS = {"comunicacion": "Comunicación", "matematica": "Matemática"}


@dataclass(frozen=True)
class Logros:
    """Estudiantes evaluados en un área, por nivel de logro; sin evaluados, los porcentajes no existen."""

    area: str
    en_inicio: int
    en_proceso: int
    satisfactorio: int

    @property
    def evaluados(self) -> int:
        return self.en_inicio + self.en_proceso + self.satisfactorio

    def porcentaje(self, nivel: str) -> float | None:
        return round(100 * getattr(self, nivel) / self.evaluados, 1) if self.evaluados else None


@dataclass(frozen=True)
class Estudiantes:
    docentes_con_datos: int
    hombres: int
    mujeres: int
    con_discapacidad: int

    @property
    def total(self) -> int:
        return self.hombres + self.mujeres


def logros(exp: Expediente, dnis: Iterable[str]) -> list[Logros]:
    """Suma de los resultados de línea de base de los docentes dados, por área."""
    diagnosticos = [d for d in (exp.indice("diagnosticos_docente").get(x) for x in dnis) if d]
    return [
        Logros(nombre, *(sum(getattr(getattr(d, area), n) for d in diagnosticos if d.grado_evaluado)
                         for n in ("en_inicio", "en_proceso", "satisfactorio")))
        for area, nombre in AREAS.items()
    ]


def estudiantes(exp: Expediente, dnis: Iterable[str]) -> Estudiantes:
    diagnosticos = [d for d in (exp.indice("diagnosticos_docente").get(x) for x in dnis) if d]
    return Estudiantes(
        len(diagnosticos), sum(d.estudiantes_hombres for d in diagnosticos),
        sum(d.estudiantes_mujeres for d in diagnosticos), sum(d.estudiantes_discapacidad for d in diagnosticos),
    )
