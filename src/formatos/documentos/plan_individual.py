"""Plan individual de acompañamiento: uno por docente, elaborado en la visita diagnóstica (manual 2.2.1.5)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel, Field

from formatos.catalogo import catalogo
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.comunes_planes import leyenda_niveles, leyenda_trimestres, metas_texto
from formatos.modelos.actores import Acompanante, Docente, InstitucionEducativa
from formatos.modelos.expediente import Expediente
from formatos.modelos.planes import PlanIndividual, Reajuste
from formatos.modelos.tipos import Nivel


class FilaPlanIndividual(BaseModel):
    numero: int
    codigo: str
    desempeno: str = Field(description="Denominación del desempeño en la rúbrica")
    nivel_diagnostico: Nivel
    etiqueta_diagnostico: str
    metas: str = Field(description="Una línea por trimestre con el nivel esperado")
    justificacion: str
    estrategias: str
    compromisos: str


class PlanIndividualDocumento(BaseModel):
    """El contenido del plan individual de acompañamiento."""

    membrete: Membrete
    docente: Docente
    institucion: InstitucionEducativa
    acompanante: Acompanante
    ugel: str
    necesidades: list[str]
    filas: list[FilaPlanIndividual]
    reajustes: list[Reajuste]
    trimestres: str = Field(description="Qué meses forma cada trimestre")
    leyenda_niveles: str
    lugar: str
    fecha: date
    firma_docente: Firma
    firma_acompanante: Firma


def contexto(exp: Expediente, plan: PlanIndividual) -> PlanIndividualDocumento:
    docente = exp.docente(plan.dni_docente)
    ap = exp.acompanante(docente.dni_acompanante)
    filas = [
        FilaPlanIndividual(
            numero=i, codigo=d.codigo, desempeno=catalogo().desempeno_docente(d.codigo).denominacion,
            nivel_diagnostico=d.nivel_diagnostico, etiqueta_diagnostico=exp.etiqueta_nivel(d.nivel_diagnostico),
            metas=metas_texto(d), justificacion=d.justificacion, estrategias=d.estrategias,
            compromisos=d.compromisos,
        )
        for i, d in enumerate(plan.desempenos, start=1)
    ]
    return PlanIndividualDocumento(
        membrete=membrete(exp), docente=docente, institucion=exp.institucion(docente.codigo_modular),
        acompanante=ap, ugel=exp.ugel.nombre, necesidades=plan.necesidades_formacion, filas=filas,
        reajustes=sorted(plan.reajustes, key=lambda r: r.fecha), trimestres=leyenda_trimestres(exp),
        leyenda_niveles=leyenda_niveles(exp), lugar=exp.ugel.sede, fecha=plan.fecha,
        firma_docente=firma(docente, "Docente acompañado"), firma_acompanante=firma(ap, "Acompañante pedagógico"),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    for plan in exp.planes_individuales:
        docente = exp.docente(plan.dni_docente)
        ap = exp.acompanante(docente.dni_acompanante)
        yield Documento(
            ruta=ruta_de(f"{ap.apellidos} {ap.nombres}", f"{docente.apellidos} {docente.nombres}.docx"),
            registros=(f"planes_individuales:{plan.dni_docente}",),
            contexto=partial(contexto, exp, plan),
            agrupacion={"acompanante": ap.dni, "mes": f"{plan.fecha:%Y-%m}", "institucion": docente.codigo_modular,
                        "docente": docente.dni},
        )


FORMATO = Formato(
    identificador="plan-individual",
    titulo="Plan individual de acompañamiento pedagógico",
    plantilla="plan-individual.docx",
    esquema=PlanIndividualDocumento,
    documentos=documentos,
    descripcion="Uno por docente: necesidades de formación, desempeños priorizados con metas trimestrales, "
                "estrategias, compromisos y reajustes. Firman docente y AP.",
)
