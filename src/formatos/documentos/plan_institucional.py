"""Plan institucional de acompañamiento: uno por I. E., con metas y compromisos comunes; se incorpora al PAT."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel, Field

from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.comunes_planes import Desempeno, desempeno
from formatos.documentos.plan_individual import FilaReajuste, filas_reajuste
from formatos.modelos.actores import Acompanante, Docente, InstitucionEducativa
from formatos.modelos.expediente import Expediente
from formatos.modelos.planes import AccionPlan, PlanInstitucional


class PlanInstitucionalDocumento(BaseModel):
    """El contenido del plan institucional de acompañamiento."""

    membrete: Membrete
    institucion: InstitucionEducativa
    ugel: str
    acompanante: Acompanante
    director: Docente
    docentes: list[Docente]
    desempenos: list[Desempeno]
    metas: list[str]
    compromisos: list[str]
    acciones: list[AccionPlan]
    reajustes: list[FilaReajuste] = Field(description="Reajustes del plan (manual, l. 1160-1162); los posteriores a su "
                                                      "firma, con las del director y el AP")
    lugar: str
    fecha: date
    firma_director: Firma
    firma_acompanante: Firma


def contexto(exp: Expediente, plan: PlanInstitucional) -> PlanInstitucionalDocumento:
    docentes = sorted((d for d in exp.docentes if d.codigo_modular == plan.codigo_modular),
                      key=lambda d: (not d.es_director, d.apellidos, d.nombres))
    director = next(d for d in docentes if d.es_director)
    ap = exp.acompanante(director.dni_acompanante)
    firmas = (firma(director, "Director(a) de la I. E."), firma(ap, "Acompañante pedagógico"))
    return PlanInstitucionalDocumento(
        membrete=membrete(exp), institucion=exp.institucion(plan.codigo_modular), ugel=exp.ugel.nombre,
        acompanante=ap, director=director, docentes=docentes, desempenos=[desempeno(c) for c in plan.desempenos],
        metas=plan.metas, compromisos=plan.compromisos, acciones=plan.acciones,
        reajustes=filas_reajuste(plan.reajustes, plan.fecha, firmas), lugar=exp.ugel.sede,
        fecha=plan.fecha, firma_director=firmas[0], firma_acompanante=firmas[1],
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    directores = {d.codigo_modular: d for d in exp.docentes if d.es_director}
    for plan in exp.planes_institucionales:
        ie = exp.institucion(plan.codigo_modular)
        ap = exp.acompanante(directores[plan.codigo_modular].dni_acompanante)
        yield Documento(
            ruta=ruta_de(f"{ap.apellidos} {ap.nombres}", f"{ie.nombre} {ie.codigo_modular}.docx"),
            registros=(f"planes_institucionales:{plan.codigo_modular}",),
            contexto=partial(contexto, exp, plan),
            agrupacion={"acompanante": ap.dni, "mes": f"{plan.fecha:%Y-%m}", "institucion": ie.codigo_modular},
        )


FORMATO = Formato(
    identificador="plan-institucional",
    titulo="Plan institucional de acompañamiento pedagógico",
    plantilla="plan-institucional.docx",
    esquema=PlanInstitucionalDocumento,
    documentos=documentos,
    descripcion="Uno por I. E.: desempeños, metas y compromisos comunes de sus docentes, acciones con responsables "
                "y plazos, y reajustes (los posteriores a la firma, con su propia línea de firmas); se incorpora al "
                "PAT. Firman director y AP.",
)
