"""Cuaderno de campo de la visita en aula: una hoja por visita programada (dos en la visita de dos días).

El AP registra lo que observa por desempeño, la organización del aula y el avance de los aprendizajes, para el
diálogo reflexivo y la matriz (manual, l. 927-929, 1786-1810, 2107-2110). En la visita de dos días se valora solo
con el registro del último día de observación (l. 1872-1874).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis import programado
from formatos.analisis.programado import VisitaProgramada
from formatos.catalogo import catalogo
from formatos.documentos import Documento, Formato
from formatos.documentos.comunes import Membrete, membrete
from formatos.documentos.instrumentos import Aula, VisitaDeCampo, aula, documento_de_visita, visita_de_campo
from formatos.modelos.expediente import Expediente
from formatos.numeros import numero


class DiaDeVisita(BaseModel):
    numero: int
    titulo: str = Field(description='"Primer día: observación y diálogo reflexivo"')
    fecha: date | None
    nota: str = Field(description="Qué se hace ese día y qué registro vale para la valoración")


class FilaObservacion(BaseModel):
    numero: int
    codigo: str
    desempeno: str
    priorizado: bool = Field(description="Priorizado en el diseño de esta visita (se marca ★)")


class CuadernoCampoVisita(BaseModel):
    """Las hojas del cuaderno de campo de una visita en aula."""

    membrete: Membrete
    aula: Aula
    visita: VisitaDeCampo
    dias: list[DiaDeVisita]
    filas: list[FilaObservacion]
    horas_asesoria: str = Field(description="Mínimo de horas de asesoría: 3 si el docente es también director")


def contexto(exp: Expediente, v: VisitaProgramada) -> CuadernoCampoVisita:
    datos = aula(exp, v.docente)
    if v.dias == 2:
        dias = [
            DiaDeVisita(numero=1, titulo="Primer día: observación, diálogo reflexivo y planificación de la sesión "
                        "compartida", fecha=v.fecha, nota="Observe un bloque de la sesión y registre. En el diálogo "
                        "reflexivo, revisen y acuerden la sesión que compartirán el segundo día (manual, l. 1829-1840)."),
            DiaDeVisita(numero=2, titulo="Segundo día: sesión compartida y diálogo reflexivo", fecha=v.segundo_dia,
                        nota="Docente y AP intercambian roles. Para la valoración vale solo este registro, el del último "
                        "día de observación de la sesión que desarrolló el docente (manual, l. 1872-1874)."),
        ]
    else:
        dias = [DiaDeVisita(numero=1, titulo="Observación y diálogo reflexivo", fecha=v.fecha,
                            nota="Revise la sesión del día, observe un bloque y registre las evidencias del docente y de "
                            "sus estudiantes (manual, l. 1786-1810).")]
    return CuadernoCampoVisita(
        membrete=membrete(exp), aula=datos, visita=visita_de_campo(v), dias=dias,
        filas=[FilaObservacion(numero=i, codigo=d.codigo, desempeno=d.denominacion, priorizado=d.codigo in v.desempenos)
               for i, d in enumerate(catalogo().desempenos_docente, start=1)],
        horas_asesoria=numero(exp.protocolo.horas_asesoria_de(datos.docente.es_director)),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    for v in programado.visitas(exp):
        yield documento_de_visita(exp, v, "Cuaderno de campo", partial(contexto, exp, v))


FORMATO = Formato(
    identificador="cuaderno-campo-visita",
    titulo="Cuaderno de campo de la visita en aula",
    plantilla="cuaderno-campo-visita.docx",
    esquema=CuadernoCampoVisita,
    documentos=documentos,
    preparatorio=True,
    descripcion="Uno por visita programada: hojas para registrar lo observado por desempeño, el aula y el avance de "
                "los aprendizajes; dos días en la visita de dos días.",
)
