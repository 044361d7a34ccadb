"""Ficha de datos de los estudiantes del aula: una fila por estudiante, por llenar.

Recoge las características de los estudiantes que el informe diagnóstico describe (manual, l. 938-941, 1078-1095:
características, niveles y logros, discapacidad). Una por docente, en su primera visita programada; trae tantas
filas como estudiantes registra el diagnóstico del aula (o `FILAS` si aún no hay diagnóstico).
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

FILAS, MAXIMO = 15, 40
"""Filas en blanco sin diagnóstico del aula; como máximo (un aula multigrado rural rara vez tiene más)."""


class FichaEstudiantes(BaseModel):
    """La ficha de datos de los estudiantes de un aula."""

    membrete: Membrete
    aula: Aula
    visita: VisitaDeCampo
    filas: list[int] = Field(description="Los números de las filas en blanco, una por estudiante")
    firma_docente: Firma


def contexto(exp: Expediente, v: VisitaProgramada) -> FichaEstudiantes:
    diagnostico = exp.indice("diagnosticos_docente").get(v.docente)
    n = diagnostico.estudiantes_hombres + diagnostico.estudiantes_mujeres if diagnostico else FILAS
    datos = aula(exp, v.docente)
    return FichaEstudiantes(membrete=membrete(exp), aula=datos, visita=visita_de_campo(v),
                            filas=list(range(1, min(max(n, 1), MAXIMO) + 1)),
                            firma_docente=firma(datos.docente, "Docente acompañado"))


def documentos(exp: Expediente) -> Iterator[Documento]:
    for v in programado.visitas(exp):
        if v.primera:
            yield documento_de_visita(exp, v, "Ficha de datos de los estudiantes", partial(contexto, exp, v))


FORMATO = Formato(
    identificador="ficha-estudiantes",
    titulo="Ficha de datos de los estudiantes",
    plantilla="ficha-estudiantes.docx",
    esquema=FichaEstudiantes,
    documentos=documentos,
    preparatorio=True,
    descripcion="Una por docente, para su primera visita: una fila por estudiante (grado, sexo, edad, lengua "
                "materna, necesidades educativas especiales).",
)
