"""Registro de seguimiento de compromisos: los compromisos del docente y si se cumplen, en cada visita.

El informe mensual adjunta el «registro del seguimiento de compromisos» (manual, l. 2249-2253); en las visitas el
AP verifica los compromisos asumidos en el taller (l. 2067-2071) y en la asesoría (l. 1688-1690). Uno por visita
programada de cada docente que ya tiene plan individual (su fecha es anterior a la de la visita), con los
compromisos de su plan individual, del plan institucional de su I. E. y del último taller antes de la visita.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis import programado
from formatos.analisis.programado import VisitaProgramada
from formatos.documentos import Documento, Formato
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.instrumentos import Aula, VisitaDeCampo, aula, documento_de_visita, visita_de_campo
from formatos.modelos.expediente import Expediente

NUEVOS = 3
"""Filas en blanco para los compromisos que se asumen en la visita."""


class Compromiso(BaseModel):
    numero: int
    compromiso: str
    origen: str = Field(description='"Plan individual (D19)", "Plan institucional", "Taller de julio"')


class SeguimientoCompromisos(BaseModel):
    """El registro de seguimiento de los compromisos de un docente en una visita."""

    membrete: Membrete
    aula: Aula
    visita: VisitaDeCampo
    compromisos: list[Compromiso]
    nuevos: list[int] = Field(description="Números de las filas en blanco para los compromisos nuevos")
    firma_docente: Firma
    firma_acompanante: Firma


def _desde(v: VisitaProgramada) -> date:
    return v.fecha or date(v.anio, v.mes, 1)


def compromisos(exp: Expediente, v: VisitaProgramada) -> list[tuple[str, str]]:
    """(compromiso, origen) vigentes en la visita."""
    docente = exp.docente(v.docente)
    lista = []
    plan = exp.indice("planes_individuales").get(v.docente)
    if plan is not None:
        lista += [(d.compromisos, f"Plan individual ({d.codigo})") for d in plan.desempenos]
    institucional = exp.indice("planes_institucionales").get(docente.codigo_modular)
    if institucional is not None and institucional.fecha < _desde(v):
        lista += [(c, "Plan institucional") for c in institucional.compromisos]
    talleres = [t for t in programado.talleres(exp) if t.acompanante == v.acompanante and t.fecha and t.fecha < _desde(v)]
    if talleres:
        ultimo = talleres[-1]
        lista.append((ultimo.compromisos, f"Taller «{ultimo.nombre}»"))
    return [(c, o) for c, o in lista if c]


def contexto(exp: Expediente, v: VisitaProgramada) -> SeguimientoCompromisos:
    datos = aula(exp, v.docente)
    lista = compromisos(exp, v)
    return SeguimientoCompromisos(
        membrete=membrete(exp), aula=datos, visita=visita_de_campo(v),
        compromisos=[Compromiso(numero=i, compromiso=c, origen=o) for i, (c, o) in enumerate(lista, start=1)],
        nuevos=list(range(len(lista) + 1, len(lista) + NUEVOS + 1)),
        firma_docente=firma(datos.docente, "Docente acompañado"),
        firma_acompanante=firma(datos.acompanante, "Acompañante pedagógico"),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    planes = exp.indice("planes_individuales")
    for v in programado.visitas(exp):
        plan = planes.get(v.docente)
        if plan is not None and plan.fecha < _desde(v):
            yield documento_de_visita(exp, v, "Seguimiento de compromisos", partial(contexto, exp, v),
                                      (f"planes_individuales:{v.docente}",))


FORMATO = Formato(
    identificador="seguimiento-compromisos",
    titulo="Registro de seguimiento de compromisos",
    plantilla="seguimiento-compromisos.docx",
    esquema=SeguimientoCompromisos,
    documentos=documentos,
    preparatorio=True,
    descripcion="Uno por visita de cada docente con plan individual: sus compromisos (plan individual, plan "
                "institucional, último taller) con casillas de cumplimiento y evidencias; filas para los nuevos.",
)
