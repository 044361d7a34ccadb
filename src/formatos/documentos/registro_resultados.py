"""Registro de resultados de los estudiantes: la evaluación de línea de base y la de fin de año.

La evaluación es en Comunicación y Matemática, a una muestra de estudiantes de 2.° o 4.° grado; el AP la aplica
en la primera visita (manual, l. 804-810) y de nuevo en la visita de cierre (cronograma del protocolo: «aplicación
de evaluación y visita de cierre»). Uno por docente con 2.° o 4.° grado a cargo y evaluación. Los niveles son los
del diagnóstico (`NIVELES_APRENDIZAJE`): el resumen se copia tal cual al expediente.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis import programado
from formatos.analisis.programado import VisitaProgramada
from formatos.documentos import Documento, Formato
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.instrumentos import Aula, VisitaDeCampo, aula, documento_de_visita, visita_de_campo
from formatos.modelos.expediente import Expediente
from formatos.modelos.informes import NIVELES_APRENDIZAJE
from formatos.numeros import ordinal

GRADOS_EVALUADOS = (2, 4)
AREAS = ("Comunicación", "Matemática")
FILAS = 12
"""Filas para los estudiantes de la muestra (el grado evaluado de un aula multigrado rural)."""


class RegistroResultados(BaseModel):
    """El registro de resultados de la evaluación de los estudiantes de un aula."""

    membrete: Membrete
    aula: Aula
    visita: VisitaDeCampo
    evaluacion: str = Field(description='"Línea de base" o "Fin de año"')
    grados: list[str] = Field(description='Los grados que se pueden evaluar en el aula: "2.°", "4.°" (uno o los dos)')
    niveles: list[str] = Field(description="Niveles de logro: en inicio, en proceso, satisfactorio")
    areas: list[str] = Field(description="Comunicación y Matemática")
    filas: list[int]
    firma_docente: Firma
    firma_acompanante: Firma


def grados_a_evaluar(exp: Expediente, v: VisitaProgramada) -> list[int]:
    """2.° o 4.° del aula; en la de fin de año, el grado de la línea de base si el diagnóstico lo registró."""
    diagnostico = exp.indice("diagnosticos_docente").get(v.docente)
    if v.cierre and not v.primera and diagnostico and diagnostico.grado_evaluado:
        return [diagnostico.grado_evaluado]
    return [g for g in GRADOS_EVALUADOS if g in exp.docente(v.docente).grados]


def contexto(exp: Expediente, v: VisitaProgramada, evaluacion: str) -> RegistroResultados:
    datos = aula(exp, v.docente)
    return RegistroResultados(
        membrete=membrete(exp), aula=datos, visita=visita_de_campo(v), evaluacion=evaluacion,
        grados=[ordinal(g) for g in grados_a_evaluar(exp, v)], niveles=[n.capitalize() for n in NIVELES_APRENDIZAJE],
        areas=list(AREAS),
        filas=list(range(1, FILAS + 1)), firma_docente=firma(datos.docente, "Docente acompañado"),
        firma_acompanante=firma(datos.acompanante, "Acompañante pedagógico"),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    for v in programado.visitas(exp):
        if not grados_a_evaluar(exp, v):
            continue
        for evaluacion, toca in (("Línea de base", v.primera), ("Fin de año", v.cierre)):
            if toca:
                yield documento_de_visita(exp, v, f"Resultados de los estudiantes ({evaluacion.lower()})",
                                          partial(contexto, exp, v, evaluacion))


FORMATO = Formato(
    identificador="registro-resultados",
    titulo="Registro de resultados de los estudiantes (2.° o 4.°)",
    plantilla="registro-resultados.docx",
    esquema=RegistroResultados,
    documentos=documentos,
    preparatorio=True,
    descripcion="Uno por docente con 2.° o 4.° grado, en la primera visita (línea de base) y en la de cierre (fin de "
                "año): Comunicación y Matemática por estudiante y el resumen por nivel de logro.",
)
