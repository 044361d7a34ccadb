"""Plan anual de acompañamiento pedagógico de la UGEL (manual 2.2.1.8): uno por expediente."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis.protocolo import debilidades_protocolo
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos.comunes import Firma, Membrete, membrete
from formatos.documentos.comunes_planes import (
    ROMANOS, FilaCronograma, cronograma, desempeno, firma_jefe_agp, leyenda_trimestres,
)
from formatos.modelos.expediente import Expediente
from formatos.modelos.planes import ActividadCronograma, Indicador, PlanAnualUGEL, Recurso, TareaAP
from formatos.modelos.protocolo import MESES_ACOMPANAMIENTO
from formatos.numeros import horas, numero, porcentaje, soles


class Fila(BaseModel):
    """Una fila de dos columnas: qué y cuánto."""

    concepto: str
    valor: str


class FilaMetaUGEL(BaseModel):
    codigo: str
    desempeno: str
    nivel: str
    metas: str = Field(description="Una línea por trimestre: porcentaje de docentes en el nivel o más")


class FilaOrganizacion(BaseModel):
    actividad: str
    organizacion: str
    presupuesto: str
    justificacion: str


class FilaPriorizacion(BaseModel):
    codigo: str
    desempeno: str
    necesidad_comun: str
    donde: str


class PlanAnualUGELDocumento(BaseModel):
    """El contenido del plan anual de acompañamiento de la UGEL."""

    membrete: Membrete
    ugel: str
    anio: int
    objetivos: list[str]
    metas: list[str]
    metas_atencion: list[Fila]
    metas_trimestrales: list[FilaMetaUGEL]
    trimestres: str
    indicadores: list[Indicador]
    protocolo: list[Fila]
    bajo_el_manual: list[str] = Field(default_factory=list,
                                      description="Los mínimos del protocolo de la UGEL que quedan por debajo del manual")
    cronograma: list[FilaCronograma]
    organizacion: list[FilaOrganizacion]
    presupuesto_total: str
    recursos: list[Recurso]
    priorizacion: list[FilaPriorizacion]
    tareas_ap: list[TareaAP] = Field(description="Tareas y productos comunes del equipo de AP que fija el jefe de AGP")
    lugar: str
    fecha: date
    firma_jefe: Firma


def metas_atencion(exp: Expediente) -> list[Fila]:
    """Las metas físicas del año que resultan del protocolo y de los docentes focalizados."""
    prot, n_ap = exp.protocolo, len(exp.acompanantes)
    con_visita = sum(1 for m in prot.meses if m.dias_visita)
    gia_d, gia_r = sum(m.gia_docentes for m in prot.meses), sum(m.gia_directores for m in prot.meses)
    return [
        Fila(concepto="II. EE. focalizadas", valor=str(len(exp.instituciones))),
        Fila(concepto="Docentes acompañados (de ellos, directores)",
             valor=f"{len(exp.docentes)} ({sum(d.es_director for d in exp.docentes)})"),
        Fila(concepto="Acompañantes pedagógicos", valor=str(n_ap)),
        Fila(concepto="Visitas en aula con asesoría personalizada",
             valor=f"{len(exp.docentes) * prot.visitas_por_mes * con_visita} ({prot.visitas_por_mes * con_visita} por docente)"),
        Fila(concepto="GIA con docentes", valor=f"{gia_d * n_ap} ({gia_d} por AP)"),
        Fila(concepto="GIA con directores", valor=f"{gia_r * n_ap} ({gia_r} por AP)"),
        Fila(concepto="Talleres de actualización docente", valor=f"{prot.talleres_por_anio} ({numero(prot.talleres_horas)} horas cronológicas)"),
    ]


def minimos(exp: Expediente) -> list[Fila]:
    """Los mínimos del protocolo efectivo, como se leen en el plan."""
    p = exp.protocolo
    return [
        Fila(concepto="Visita en aula con asesoría personalizada",
             valor=f"{p.visitas_por_mes} al mes por docente; {horas(p.horas_observacion)} de observación, "
                   f"{horas(p.horas_preparacion)} de preparación del diálogo reflexivo y {horas(p.horas_asesoria)} de asesoría "
                   f"({horas(p.horas_asesoria_director)} si el docente es también director)"),
        Fila(concepto="GIA con docentes", valor=f"En los meses del cronograma; mínimo {horas(p.gia_docentes_horas_minimas)}"),
        Fila(concepto="GIA con directores",
             valor=f"En los meses del cronograma, el mismo día y después del GIA con docentes; mínimo {horas(p.gia_directores_horas_minimas)}"),
        Fila(concepto="Talleres de actualización docente",
             valor=f"{p.talleres_por_anio} en el año, {numero(p.talleres_horas)} horas cronológicas"),
    ]


def filas_propias(actividades: list[ActividadCronograma]) -> list[FilaCronograma]:
    return [FilaCronograma(actividad=f"{a.actividad} (responsable: {a.responsable})",
                           celdas=["X" if m in a.meses else "" for m in MESES_ACOMPANAMIENTO]) for a in actividades]


def contexto(exp: Expediente, plan: PlanAnualUGEL) -> PlanAnualUGELDocumento:
    return PlanAnualUGELDocumento(
        membrete=membrete(exp), ugel=exp.ugel.nombre, anio=exp.anio, objetivos=plan.objetivos, metas=plan.metas,
        metas_atencion=metas_atencion(exp),
        metas_trimestrales=[
            FilaMetaUGEL(codigo=m.codigo, desempeno=desempeno(m.codigo).denominacion, nivel=m.nivel,
                         metas="\n".join(f"{ROMANOS[t]} trim.: {porcentaje(p)}" for t, p in m.porcentajes.items()))
            for m in plan.metas_trimestrales
        ],
        trimestres=leyenda_trimestres(exp), indicadores=plan.indicadores, protocolo=minimos(exp),
        bajo_el_manual=[f[0].upper() + f[1:] + "." for _, f in debilidades_protocolo(exp.protocolo)],
        cronograma=cronograma(exp) + filas_propias(plan.actividades),
        organizacion=[FilaOrganizacion(actividad=o.actividad, organizacion=o.organizacion,
                                       presupuesto=soles(o.presupuesto), justificacion=o.justificacion)
                      for o in plan.organizacion],
        presupuesto_total=soles(sum(o.presupuesto for o in plan.organizacion)),
        recursos=plan.recursos,
        priorizacion=[FilaPriorizacion(codigo=p.codigo, desempeno=desempeno(p.codigo).denominacion,
                                       necesidad_comun=p.necesidad_comun, donde=p.donde) for p in plan.priorizacion],
        tareas_ap=plan.tareas_ap, lugar=exp.ugel.sede, fecha=plan.fecha, firma_jefe=firma_jefe_agp(exp),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    for plan in exp.planes_anuales_ugel[:1]:
        yield Documento(
            ruta=ruta_de(f"Plan anual {exp.ugel.nombre} {exp.anio}.docx"),
            registros=("planes_anuales_ugel:0",),
            contexto=partial(contexto, exp, plan),
            mes=f"{plan.fecha:%Y-%m}",
        )


FORMATO = Formato(
    identificador="plan-anual-ugel",
    titulo="Plan anual de acompañamiento pedagógico de la UGEL",
    plantilla="plan-anual-ugel.docx",
    esquema=PlanAnualUGELDocumento,
    documentos=documentos,
    descripcion="Uno por UGEL y año: objetivos, metas de atención y trimestrales, indicadores del protocolo, "
                "cronograma de abril a diciembre, organización con presupuesto, recursos y priorización.",
)
