"""Acta de la reunión de balance de cierre con docentes, directores, familias y comunidad.

En la visita de cierre, el AP presenta el balance del acompañamiento, promueve la reflexión de docentes,
directores, PP. MM. FF. y actores, facilita la socialización de una actividad innovadora o buena práctica, y
recoge las lecciones aprendidas, propuestas y compromisos para el año siguiente (manual, l. 1444-1447, 2526-2535,
2570-2612). Una por I. E., en la última visita de cierre programada a sus docentes (el balance
institucional sigue al individual, l. 2526-2535).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis import programado
from formatos.analisis.programado import VisitaProgramada
from formatos.documentos import Documento, Formato
from formatos.documentos.actas import Asistente, asistentes, docentes_de_la_ie
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.instrumentos import VisitaDeCampo, documento_de_visita, visita_de_campo
from formatos.modelos.actores import Acompanante, InstitucionEducativa
from formatos.modelos.expediente import Expediente

AGENDA = (
    "Presentación del balance del acompañamiento: logros del colectivo de docentes y avance de los aprendizajes.",
    "Reflexión de los docentes, el director, los padres y madres de familia y los actores de la comunidad sobre el "
    "proceso vivido.",
    "Socialización de una actividad innovadora o buena práctica de la I. E.",
    "Lecciones aprendidas, propuestas y compromisos para la mejora del servicio educativo el año siguiente.",
)
"""Manual, l. 2599-2612."""


class PracticaPorSocializar(BaseModel):
    docente: str
    titulo: str
    clasificacion: str


class ActaBalanceCierre(BaseModel):
    """El acta de la reunión de balance de cierre de una I. E."""

    membrete: Membrete
    ugel: str
    institucion: InstitucionEducativa
    acompanante: Acompanante
    visita: VisitaDeCampo
    agenda: list[str]
    practicas: list[PracticaPorSocializar] = Field(description="Las buenas prácticas registradas de sus docentes")
    asistentes: list[Asistente]
    compromisos: list[int]
    firma_director: Firma | None
    firma_acompanante: Firma


def contexto(exp: Expediente, v: VisitaProgramada) -> ActaBalanceCierre:
    ie = exp.institucion(exp.docente(v.docente).codigo_modular)
    suyos = docentes_de_la_ie(exp, ie.codigo_modular)
    director = next((d for d in suyos if d.es_director), None)
    dnis = {d.dni for d in suyos}
    practicas = [PracticaPorSocializar(docente=f"{exp.docente(b.dni_docente).nombres} {exp.docente(b.dni_docente).apellidos}",
                                       titulo=b.titulo, clasificacion=b.clasificacion.capitalize())
                 for b in sorted(exp.buenas_practicas, key=lambda b: b.fecha) if b.dni_docente in dnis]
    ap = exp.acompanante(v.acompanante)
    return ActaBalanceCierre(
        membrete=membrete(exp), ugel=exp.ugel.nombre, institucion=ie, acompanante=ap, visita=visita_de_campo(v),
        agenda=list(AGENDA), practicas=practicas, asistentes=asistentes(exp, ie.codigo_modular, 14),
        compromisos=list(range(1, 6)),
        firma_director=firma(director, "Director(a) de la I. E.") if director else None,
        firma_acompanante=firma(ap, "Acompañante pedagógico"),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    vistas: set[str] = set()  # la reunión, al terminar la visita de cierre del último docente de la I. E.
    for v in sorted((v for v in programado.visitas(exp) if v.cierre), key=lambda v: (v.fecha or date.min, v.docente),
                    reverse=True):
        codigo = exp.docente(v.docente).codigo_modular
        if codigo not in vistas:
            vistas.add(codigo)
            yield documento_de_visita(exp, v, "Acta de balance de cierre", partial(contexto, exp, v),
                                      (f"instituciones:{codigo}",), de_la_ie=True)


FORMATO = Formato(
    identificador="acta-balance-cierre",
    titulo="Acta de la reunión de balance de cierre",
    plantilla="acta-balance-cierre.docx",
    esquema=ActaBalanceCierre,
    documentos=documentos,
    preparatorio=True,
    descripcion="Una por I. E., en la visita de cierre: balance, reflexión con docentes y familias, buena práctica, "
                "lecciones aprendidas, propuestas y compromisos para el año siguiente.",
)
