"""Lo común a las actas de reunión con los actores de la I. E.: participantes previstos y filas en blanco."""

from __future__ import annotations

from pydantic import BaseModel, Field

from formatos.modelos.actores import Docente
from formatos.modelos.expediente import Expediente


class Asistente(BaseModel):
    numero: int
    nombre: str
    dni: str
    cargo: str = Field(description='"Director(a)", "Docente", o vacío en las filas para PP. MM. FF. y otros actores')


def docentes_de_la_ie(exp: Expediente, codigo_modular: str) -> list[Docente]:
    return sorted((d for d in exp.docentes if d.codigo_modular == codigo_modular),
                  key=lambda d: (not d.es_director, d.apellidos, d.nombres))


def asistentes(exp: Expediente, codigo_modular: str, en_blanco: int) -> list[Asistente]:
    """Director y docentes de la I. E. (llenos) y `en_blanco` filas para las familias y otros actores."""
    lista = [Asistente(numero=i, nombre=f"{d.apellidos.upper()}, {d.nombres}", dni=d.dni,
                       cargo="Director(a) y docente" if d.es_director else "Docente")
             for i, d in enumerate(docentes_de_la_ie(exp, codigo_modular), start=1)]
    return lista + [Asistente(numero=n, nombre="", dni="", cargo="") for n in range(len(lista) + 1, len(lista) + en_blanco + 1)]
