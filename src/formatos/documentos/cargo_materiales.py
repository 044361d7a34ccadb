"""Cargo de entrega de materiales del taller: cada docente firma lo que recibe.

El RCI da la lista de docentes para los «cargos de entrega de materiales» (manual, l. 1414-1418) y el gestor
prepara los «cargos para recepción de material» (l. 2084-2087). Uno por taller y AP, con sus docentes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis import programado
from formatos.analisis.programado import TallerProgramado
from formatos.documentos import Documento, Formato
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.instrumentos import Participante, documento_de_taller, participantes
from formatos.modelos.expediente import Expediente
from formatos.salida.filtros import mes as nombre_mes


class CargoMateriales(BaseModel):
    """El cargo de entrega de materiales de un taller."""

    membrete: Membrete
    ugel: str
    taller: str
    mes: str
    fecha: date | None
    dias: int
    sede: str
    materiales: str = Field(description="Los materiales del diseño metodológico del taller (plan mensual)")
    participantes: list[Participante]
    firma_acompanante: Firma


def contexto(exp: Expediente, t: TallerProgramado) -> CargoMateriales:
    return CargoMateriales(
        membrete=membrete(exp), ugel=exp.ugel.nombre, taller=t.nombre, mes=f"{nombre_mes(t.mes)} de {t.anio}",
        fecha=t.fecha, dias=t.dias, sede=t.sede, materiales=t.materiales, participantes=participantes(exp, t.participantes),
        firma_acompanante=firma(exp.acompanante(t.acompanante), "Acompañante pedagógico"),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    for t in programado.talleres(exp):
        yield documento_de_taller(exp, t, "Cargo de entrega de materiales", partial(contexto, exp, t))


FORMATO = Formato(
    identificador="cargo-materiales",
    titulo="Cargo de entrega de materiales del taller",
    plantilla="cargo-materiales.docx",
    esquema=CargoMateriales,
    documentos=documentos,
    preparatorio=True,
    descripcion="Uno por taller y AP: cada docente anota lo que recibe, la fecha y firma.",
)
