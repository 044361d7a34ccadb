"""Encuesta de satisfacción del taller: una hoja por docente previsto, sin nombre, para marcar con una X.

Las preguntas y la escala son las de `datos/encuesta.toml`, las mismas que tabula el informe del taller (manual,
l. 2084-2094: satisfacción sobre la logística y la atención a sus expectativas).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis import programado
from formatos.analisis.programado import TallerProgramado
from formatos.documentos import Documento, Formato
from formatos.documentos.comunes import Membrete, membrete
from formatos.documentos.instrumentos import documento_de_taller
from formatos.modelos.expediente import Expediente
from formatos.modelos.informes import encuesta
from formatos.salida.filtros import mes as nombre_mes


class PreguntaImpresa(BaseModel):
    numero: int
    aspecto: str
    pregunta: str


class EncuestaTaller(BaseModel):
    """La encuesta de satisfacción del taller, una copia por docente."""

    membrete: Membrete
    ugel: str
    taller: str
    mes: str
    fecha: date | None
    sede: str
    escala: list[str] = Field(description="Las opciones, de la más a la menos favorable, con mayúscula")
    preguntas: list[PreguntaImpresa]
    copias: list[int] = Field(description="Una hoja por docente previsto: 1, 2, 3…")


def contexto(exp: Expediente, t: TallerProgramado) -> EncuestaTaller:
    e = encuesta()
    return EncuestaTaller(
        membrete=membrete(exp), ugel=exp.ugel.nombre, taller=t.nombre, mes=f"{nombre_mes(t.mes)} de {t.anio}",
        fecha=t.fecha, sede=t.sede, escala=[o.capitalize() for o in e.escala],
        preguntas=[PreguntaImpresa(numero=i, aspecto=p.aspecto.capitalize(), pregunta=p.pregunta)
                   for i, p in enumerate(e.preguntas, start=1)],
        copias=list(range(1, len(t.participantes) + 1)),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    for t in programado.talleres(exp):
        yield documento_de_taller(exp, t, "Encuesta de satisfacción", partial(contexto, exp, t))


FORMATO = Formato(
    identificador="encuesta-taller",
    titulo="Encuesta de satisfacción del taller",
    plantilla="encuesta-taller.docx",
    esquema=EncuestaTaller,
    documentos=documentos,
    preparatorio=True,
    descripcion="Una por taller y AP, con una hoja por docente: las preguntas y la escala que tabula el informe del "
                "taller (datos/encuesta.toml).",
)
