"""Los aprendizajes de los estudiantes: la línea de base frente a la evaluación de fin de año (manual, l. 804-810 y
2639-2641), por docente, por grupo de docentes y por área.

Un docente puede tener las dos evaluaciones, solo una o ninguna: los totales de un grupo suman solo a los que
tienen las dos (la misma muestra al inicio y al término), y cada docente dice cuál le falta.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from formatos.analisis.diagnostico import AREAS, Logros
from formatos.modelos.expediente import Expediente

Estado = Literal["ambas", "solo línea de base", "solo fin de año", "sin evaluación"]


@dataclass(frozen=True)
class Evaluaciones:
    """Las dos evaluaciones de la muestra de un docente, por área (None si no la tiene)."""

    dni: str
    grado: int | None
    base: tuple[Logros, ...] | None
    fin: tuple[Logros, ...] | None

    @property
    def estado(self) -> Estado:
        if self.base and self.fin:
            return "ambas"
        return "solo línea de base" if self.base else "solo fin de año" if self.fin else "sin evaluación"


def _logros(registro) -> tuple[Logros, ...]:
    return tuple(Logros(nombre, *(getattr(getattr(registro, area), n) for n in ("en_inicio", "en_proceso", "satisfactorio")))
                 for area, nombre in AREAS.items())


def evaluaciones(exp: Expediente, dni: str) -> Evaluaciones:
    diagnostico = exp.indice("diagnosticos_docente").get(dni)
    final = exp.indice("evaluaciones_fin_de_anio").get(dni)
    grado_base = diagnostico.grado_evaluado if diagnostico is not None else None
    base = _logros(diagnostico) if grado_base else None
    grado = grado_base or (final.grado_evaluado if final is not None else None)
    return Evaluaciones(dni, grado, base, _logros(final) if final is not None else None)


def totales(lista: Iterable[Evaluaciones]) -> tuple[tuple[Logros, ...], tuple[Logros, ...]] | None:
    """La suma por área de la línea de base y del fin de año de los docentes que tienen las dos; None si ninguno."""
    ambas = [e for e in lista if e.estado == "ambas"]
    if not ambas:
        return None

    def sumar(cual: str) -> tuple[Logros, ...]:
        return tuple(Logros(nombre, *(sum(getattr(getattr(e, cual)[i], n) for e in ambas)
                                      for n in ("en_inicio", "en_proceso", "satisfactorio")))
                     for i, nombre in enumerate(AREAS.values()))

    return sumar("base"), sumar("fin")
