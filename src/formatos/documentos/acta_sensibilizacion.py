"""Acta de la reunión de sensibilización en la I. E., con los compromisos de los actores.

En la reunión, el AP comunica a los actores de la I. E. las acciones del acompañamiento y las evidencias que se
esperan al término del año, para generar compromisos por la mejora de los aprendizajes (manual, l. 1032-1035).
Si la sensibilización no la hace la DRE o la UGEL, la convoca el director terminada la primera visita (l. 666-669,
700-702). Una por I. E., en la primera visita programada a sus docentes.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from pydantic import BaseModel, Field

from formatos.documentos import Documento, Formato
from formatos.documentos.actas import Asistente, asistentes, docentes_de_la_ie
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.ficha_ie import primeras_por_ie
from formatos.documentos.instrumentos import VisitaDeCampo, documento_de_visita, visita_de_campo
from formatos.analisis.programado import VisitaProgramada
from formatos.modelos.actores import Acompanante, InstitucionEducativa
from formatos.modelos.expediente import Expediente

AGENDA = (
    "Objetivos y acciones del acompañamiento pedagógico en la I. E.: visitas en aula con asesoría personalizada, "
    "grupos de interaprendizaje (GIA) y talleres de actualización docente.",
    "Competencias y desempeños que se fortalecen, y criterios de observación en el aula (rúbricas de observación).",
    "Evidencias que se esperan obtener al término del año.",
    "Roles y funciones del director, los docentes, los padres y madres de familia y el acompañante pedagógico.",
    "Compromisos para la mejora de los aprendizajes de los estudiantes.",
)
"""Manual, l. 670-676 y 1032-1035."""


class ActaSensibilizacion(BaseModel):
    """El acta de la reunión de sensibilización de una I. E."""

    membrete: Membrete
    ugel: str
    institucion: InstitucionEducativa
    acompanante: Acompanante
    visita: VisitaDeCampo
    agenda: list[str]
    asistentes: list[Asistente]
    compromisos: list[int] = Field(description="Números de las filas en blanco para los compromisos")
    firma_director: Firma | None
    firma_acompanante: Firma


def contexto(exp: Expediente, v: VisitaProgramada) -> ActaSensibilizacion:
    ie = exp.institucion(exp.docente(v.docente).codigo_modular)
    director = next((d for d in docentes_de_la_ie(exp, ie.codigo_modular) if d.es_director), None)
    ap = exp.acompanante(v.acompanante)
    return ActaSensibilizacion(
        membrete=membrete(exp), ugel=exp.ugel.nombre, institucion=ie, acompanante=ap, visita=visita_de_campo(v),
        agenda=list(AGENDA), asistentes=asistentes(exp, ie.codigo_modular, 10), compromisos=list(range(1, 6)),
        firma_director=firma(director, "Director(a) de la I. E.") if director else None,
        firma_acompanante=firma(ap, "Acompañante pedagógico"),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    for codigo, v in primeras_por_ie(exp).items():
        yield documento_de_visita(exp, v, "Acta de sensibilización", partial(contexto, exp, v),
                                  (f"instituciones:{codigo}",), de_la_ie=True)


FORMATO = Formato(
    identificador="acta-sensibilizacion",
    titulo="Acta de la reunión de sensibilización",
    plantilla="acta-sensibilizacion.docx",
    esquema=ActaSensibilizacion,
    documentos=documentos,
    preparatorio=True,
    descripcion="Una por I. E., en la primera visita: agenda, asistentes (director y docentes llenos; filas para "
                "familias y actores), acuerdos y compromisos, firmas.",
)
