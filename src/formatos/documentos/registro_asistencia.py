"""Registro de asistencia: uno por GIA programado y uno por día de cada taller, con los participantes previstos.

El GIA con docentes dura al menos 4 horas y el de directores 2 (manual, l. 2023-2028): la hora de ingreso y de
salida lo muestran. Para el taller, el RCI da la lista de docentes para el registro de asistencia (l. 1414-1418) y
el gestor prepara las listas (l. 2084-2087). Filas en blanco al final para quien asista sin estar previsto.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis import programado
from formatos.analisis.programado import GIAProgramado, TallerProgramado
from formatos.documentos import Documento, Formato
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.instrumentos import (
    Participante, documento_de_gia, documento_de_taller, participantes,
)
from formatos.modelos.expediente import Expediente
from formatos.numeros import numero
from formatos.salida.filtros import mes as nombre_mes

EN_BLANCO = 3
"""Filas al final para quien asista sin estar en la lista."""

INDICACION_GIA = ("Cada participante anota su hora de ingreso y de salida y firma. El GIA con docentes dura al menos 4 "
                  "horas y el de directores, al menos 2, el mismo día y después del de docentes (manual, l. 2023-2028).")
INDICACION_TALLER = ("Cada participante anota su hora de ingreso y de salida y firma, cada día del taller. El gestor, con el "
                     "RCI/CCI, prepara las listas de asistencia que los AP usan en el taller (manual, l. 2084-2087).")


class RegistroAsistencia(BaseModel):
    """La lista para firmar la asistencia a un GIA o a un día de taller."""

    membrete: Membrete
    ugel: str
    actividad: str = Field(description='"GIA con docentes", "Taller de actualización docente (día 2 de 6)"')
    tema: str
    mes: str
    fecha: date | None
    horas: str
    sede: str
    indicacion: str = Field(description="Qué anota cada participante y lo que dice el manual de esa actividad")
    participantes: list[Participante]
    en_blanco: list[int] = Field(description="Números de las filas en blanco del final")
    firma_acompanante: Firma


def _registro(exp: Expediente, ap: str, actividad: str, tema: str, anio: int, mes: int, fecha: date | None,
              horas: float, sede: str, dnis: tuple[str, ...], indicacion: str) -> RegistroAsistencia:
    lista = participantes(exp, dnis)
    return RegistroAsistencia(
        membrete=membrete(exp), ugel=exp.ugel.nombre, actividad=actividad, tema=tema, mes=f"{nombre_mes(mes)} de {anio}",
        fecha=fecha, horas=numero(horas), sede=sede, indicacion=indicacion, participantes=lista,
        en_blanco=list(range(len(lista) + 1, len(lista) + EN_BLANCO + 1)),
        firma_acompanante=firma(exp.acompanante(ap), "Acompañante pedagógico"),
    )


def contexto_gia(exp: Expediente, g: GIAProgramado) -> RegistroAsistencia:
    return _registro(exp, g.acompanante, f"GIA con {g.tipo}", g.proposito, g.anio, g.mes, g.fecha, g.horas, g.sede,
                     g.participantes, INDICACION_GIA)


def contexto_taller(exp: Expediente, t: TallerProgramado, dia: int, fecha: date | None) -> RegistroAsistencia:
    return _registro(exp, t.acompanante, f"Taller de actualización docente (día {dia} de {t.dias})", t.nombre, t.anio,
                     t.mes, fecha, t.horas / t.dias, t.sede, t.participantes, INDICACION_TALLER)


def documentos(exp: Expediente) -> Iterator[Documento]:
    for g in programado.gias(exp):
        yield documento_de_gia(exp, g, "Asistencia", partial(contexto_gia, exp, g))
    for t in programado.talleres(exp):
        for dia, fecha in enumerate(t.fechas, start=1):
            yield documento_de_taller(exp, t, "Asistencia", partial(contexto_taller, exp, t, dia, fecha), fecha, dia)


FORMATO = Formato(
    identificador="registro-asistencia",
    titulo="Registro de asistencia (GIA y taller)",
    plantilla="registro-asistencia.docx",
    esquema=RegistroAsistencia,
    documentos=documentos,
    preparatorio=True,
    descripcion="Uno por GIA y uno por día de taller: participantes previstos con DNI e I. E., hora de ingreso y de "
                "salida y firma; filas en blanco para otros asistentes.",
)
