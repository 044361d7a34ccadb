"""Ficha de datos de la I. E.: ubicación, docentes y director llenos; estudiantes, servicios y contexto por llenar.

Recoge los datos de la institución y de su contexto (manual, l. 938-941) que el informe diagnóstico caracteriza
(l. 1078-1100). Una por I. E., en la primera visita programada a uno de sus docentes.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis import programado
from formatos.analisis.programado import VisitaProgramada
from formatos.documentos import Documento, Formato
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.instrumentos import VisitaDeCampo, documento_de_visita, visita_de_campo
from formatos.modelos.actores import Acompanante, InstitucionEducativa
from formatos.modelos.expediente import Expediente
from formatos.numeros import ordinal
from formatos.salida.filtros import grados as texto_grados


class DocenteDeLaIE(BaseModel):
    numero: int
    nombre: str
    dni: str
    grados: str
    condicion: str
    cargo: str


class FichaIE(BaseModel):
    """La ficha de datos de una institución educativa."""

    membrete: Membrete
    ugel: str
    institucion: InstitucionEducativa
    acompanante: Acompanante
    director: str = Field(description="APELLIDOS, Nombres del docente que es director (vacío si no figura)")
    docentes: list[DocenteDeLaIE]
    grados: list[str] = Field(description='"1.°" a "6.°": una fila por grado para anotar sus estudiantes')
    visita: VisitaDeCampo
    firma_director: Firma | None
    firma_acompanante: Firma


def contexto(exp: Expediente, v: VisitaProgramada) -> FichaIE:
    ie = exp.institucion(exp.docente(v.docente).codigo_modular)
    suyos = sorted((d for d in exp.docentes if d.codigo_modular == ie.codigo_modular),
                   key=lambda d: (not d.es_director, d.apellidos, d.nombres))
    director = next((d for d in suyos if d.es_director), None)
    ap = exp.acompanante(v.acompanante)
    return FichaIE(
        membrete=membrete(exp), ugel=exp.ugel.nombre, institucion=ie, acompanante=ap,
        firma_director=firma(director, "Director(a) de la I. E.") if director else None,
        firma_acompanante=firma(ap, "Acompañante pedagógico"),
        director=f"{director.apellidos.upper()}, {director.nombres}" if director else "",
        docentes=[DocenteDeLaIE(numero=i, nombre=f"{d.apellidos.upper()}, {d.nombres}", dni=d.dni,
                                grados=texto_grados(d.grados), condicion=d.condicion.capitalize(),
                                cargo="Docente y director(a)" if d.es_director else "Docente")
                  for i, d in enumerate(suyos, start=1)],
        grados=[ordinal(g) for g in range(1, 7)], visita=visita_de_campo(v),
    )


def primeras_por_ie(exp: Expediente) -> dict[str, VisitaProgramada]:
    """La primera visita programada a cada I. E. (la de su primer docente visitado)."""
    primeras: dict[str, VisitaProgramada] = {}
    for v in sorted(programado.visitas(exp), key=lambda v: (v.mes, v.fecha is None, v.fecha or v.anio)):
        primeras.setdefault(exp.docente(v.docente).codigo_modular, v)
    return primeras


def documentos(exp: Expediente) -> Iterator[Documento]:
    for codigo, v in primeras_por_ie(exp).items():
        yield documento_de_visita(exp, v, "Ficha de datos de la I. E.", partial(contexto, exp, v),
                                  (f"instituciones:{codigo}",), de_la_ie=True)


FORMATO = Formato(
    identificador="ficha-ie",
    titulo="Ficha de datos de la I. E.",
    plantilla="ficha-ie.docx",
    esquema=FichaIE,
    documentos=documentos,
    preparatorio=True,
    descripcion="Una por I. E., en la primera visita: ubicación, director y docentes llenos; estudiantes por grado, "
                "servicios, acceso y contexto de la comunidad por llenar.",
)
