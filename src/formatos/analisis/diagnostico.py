"""Cifras del diagnóstico: estudiantes, resultados de la evaluación de línea de base y matrices de los directores."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from formatos.modelos.expediente import Expediente
from formatos.modelos.valoracion import ValoracionDirectivo

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


def directivo_diagnostico(exp: Expediente, dnis: Iterable[str]) -> tuple[list[ValoracionDirectivo], list[str]]:
    """Las matrices del directivo de la visita diagnóstica de los directores dados (manual, l. 1044-1048), en el
    orden de `dnis`, y los DNI de los directores que no la tienen."""
    visitas = exp.indice("visitas")
    propias = {v.dni_director: v for v in reversed(exp.valoraciones_directivo)
               if v.id_visita is not None and visitas[v.id_visita].tipo == "diagnóstica"}
    directores = [d for d in dnis if exp.docente(d).es_director]
    return [propias[d] for d in directores if d in propias], [d for d in directores if d not in propias]
