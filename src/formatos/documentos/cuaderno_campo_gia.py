"""Cuaderno de campo del GIA: una hoja por GIA programado, con un espacio por participante.

En el GIA el AP observa las interacciones entre docentes o directores y las registra en su cuaderno de campo
(manual, l. 2040-2042); las evidencias del docente en su rol de director se recogen en el cuaderno de campo al
terminar cada GIA con directores (l. 2130-2131), para su matriz (D1 y D18 del MBDDI, sin nivel de logro).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis import programado
from formatos.analisis.programado import GIAProgramado
from formatos.catalogo import catalogo
from formatos.documentos import Documento, Formato
from formatos.documentos.comunes import Membrete, membrete
from formatos.documentos.instrumentos import Participante, desempenos_docente, documento_de_gia, participantes
from formatos.modelos.actores import Acompanante
from formatos.modelos.expediente import Expediente
from formatos.numeros import numero
from formatos.salida.filtros import mes as nombre_mes


class CuadernoCampoGIA(BaseModel):
    """La hoja del cuaderno de campo de un GIA con docentes o con directores."""

    membrete: Membrete
    ugel: str
    acompanante: Acompanante
    tipo: str = Field(description='"docentes" o "directores"')
    mes: str
    fecha: date | None
    horas: str
    sede: str
    proposito: str
    desempenos: list[str] = Field(description="Los desempeños que se observan: «D1: Diagnostica…»")
    participantes: list[Participante]
    nota: str


def contexto(exp: Expediente, g: GIAProgramado) -> CuadernoCampoGIA:
    if g.tipo == "directores":
        desempenos = [f"{d.codigo}: {d.denominacion}" for d in catalogo().desempenos_directivo]
        nota = ("En el rol de director no se establece nivel de logro: registre las evidencias y precise las necesidades "
                "formativas para la matriz del directivo (manual, l. 2130-2131, 2142-2144).")
    else:
        desempenos = desempenos_docente(g.desempenos or ("D4",))
        nota = ("Registre las interacciones y su calidad: aportes, preguntas, experiencias y responsabilidades que asume "
                "cada docente (manual, l. 2033-2042). D1 y D4 se valoran a fin de mes con lo recogido aquí.")
    return CuadernoCampoGIA(
        membrete=membrete(exp), ugel=exp.ugel.nombre, acompanante=exp.acompanante(g.acompanante), tipo=g.tipo,
        mes=f"{nombre_mes(g.mes)} de {g.anio}", fecha=g.fecha, horas=numero(g.horas), sede=g.sede, proposito=g.proposito,
        desempenos=desempenos, participantes=participantes(exp, g.participantes), nota=nota,
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    for g in programado.gias(exp):
        yield documento_de_gia(exp, g, "Cuaderno de campo", partial(contexto, exp, g))


FORMATO = Formato(
    identificador="cuaderno-campo-gia",
    titulo="Cuaderno de campo del GIA",
    plantilla="cuaderno-campo-gia.docx",
    esquema=CuadernoCampoGIA,
    documentos=documentos,
    preparatorio=True,
    descripcion="Uno por GIA programado (con docentes o con directores): un espacio por participante para las "
                "evidencias; en el de directores, D1 y D18 del MBDDI.",
)
