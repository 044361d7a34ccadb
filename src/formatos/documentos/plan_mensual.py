"""Plan mensual del AP (manual 2.2.1.10): metas de atención, ruta y un diseño metodológico por visita, GIA y taller."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis.protocolo import MESES
from formatos.catalogo import catalogo
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.comunes_planes import desempeno, firma_jefe_agp
from formatos.modelos.actores import Acompanante, Docente
from formatos.modelos.expediente import Expediente
from formatos.modelos.planes import DisenoMetodologico, DisenoVisita, Momento, PlanMensual
from formatos.numeros import horas, ordinal


class FilaMeta(BaseModel):
    actividad: str
    programadas: str
    protocolo: str = Field(description="Lo que pide el protocolo ese mes")


class FilaRutaMes(BaseModel):
    fecha: date
    institucion: str
    centro_poblado: str
    docentes: str
    medio: str


class FilaMomento(BaseModel):
    momento: str
    actividad: str
    minutos: int
    tiempo: str = Field(description='"45 min" o "8 h"')


class DiaDiseno(BaseModel):
    """La secuencia de un día del diseño: en la visita de dos días, una por día (manual, l. 1891-2007)."""

    titulo: str = Field(description='"1.er día", "2.° día"; vacío si el diseño es de un solo día')
    secuencia: list[FilaMomento]
    duracion: str


class Diseno(BaseModel):
    """Un diseño metodológico listo para imprimir (visita, GIA o taller)."""

    titulo: str
    detalle: str = Field(description="Fecha, lugar, duración y participantes")
    desempenos: str = Field(description="Los del docente (MBDD) y, aparte, los del directivo (MBDDI), con su denominación")
    necesidades: str
    proposito: str
    productos: str
    secuencia: list[FilaMomento] = Field(description="La del 1.er día (la de cada día está en `dias`)")
    dias: list[DiaDiseno] = Field(description="La secuencia de cada día, con su título en la visita de dos días")
    duracion: str = Field(description="Total de la secuencia (de todos los días)")
    tecnicas: str
    materiales: str
    evaluacion: str = Field(description="Evaluación de los aprendizajes por desempeños; vacía si el plan no la precisa")
    compromisos: str


class PlanMensualDocumento(BaseModel):
    """El contenido del plan mensual del AP."""

    membrete: Membrete
    acompanante: Acompanante
    ugel: str
    anio: int
    mes: str = Field(description='Nombre del mes, p. ej. "mayo"')
    visita_protocolo: str = Field(description="La visita que fija el cronograma del protocolo para el mes")
    metas_atencion: list[FilaMeta]
    metas: list[str]
    ruta: list[FilaRutaMes]
    visitas: list[Diseno]
    gias: list[Diseno]
    talleres: list[Diseno]
    lugar: str
    fecha: date
    firma_acompanante: Firma
    firma_jefe: Firma


def _nombre(d: Docente) -> str:
    return f"{d.apellidos.upper()}, {d.nombres}"


def tiempo(minutos: int) -> str:
    """45 → "45 min"; 120 → "2 h"; 150 → "2 h 30 min"."""
    horas, resto = divmod(minutos, 60)
    return " ".join(x for x in (f"{horas} h" if horas else "", f"{resto} min" if resto else "") if x)


def _dias(n: int) -> str:
    return "1 día" if n == 1 else f"{n} días"


def desempenos_texto(d: DisenoMetodologico) -> str:
    """Una línea por desempeño; los del directivo, con su marco para no confundir «D1» con el del docente."""
    lineas = [f"{c}: {desempeno(c).denominacion}" for c in d.desempenos]
    lineas += [f"{catalogo().desempeno_directivo(c).etiqueta}: {catalogo().desempeno_directivo(c).denominacion}"
               for c in d.desempenos_directivo]
    return "\n".join(lineas)


def _filas(momentos: list[Momento]) -> list[FilaMomento]:
    return [FilaMomento(momento=m.momento, actividad=m.actividad, minutos=m.minutos, tiempo=tiempo(m.minutos))
            for m in momentos]


def diseno(titulo: str, detalle: str, d: DisenoMetodologico) -> Diseno:
    dias = [DiaDiseno(titulo="", secuencia=_filas(d.secuencia), duracion=tiempo(sum(m.minutos for m in d.secuencia)))]
    if isinstance(d, DisenoVisita) and d.secuencia_segundo_dia:
        dias = [dias[0].model_copy(update={"titulo": f"{ordinal(1, apocope=True)} día"}),
                DiaDiseno(titulo=f"{ordinal(2, apocope=True)} día",
                          secuencia=_filas(d.secuencia_segundo_dia),
                          duracion=tiempo(sum(m.minutos for m in d.secuencia_segundo_dia)))]
    return Diseno(
        titulo=titulo, detalle=detalle, desempenos=desempenos_texto(d),
        necesidades=d.necesidades, proposito=d.proposito, productos=d.productos, secuencia=dias[0].secuencia, dias=dias,
        duracion=tiempo(d.minutos), tecnicas=d.tecnicas, materiales=d.materiales, evaluacion=d.evaluacion,
        compromisos=d.compromisos,
    )


def metas_atencion(exp: Expediente, plan: PlanMensual) -> list[FilaMeta]:
    prot, mes = exp.protocolo, exp.protocolo.mes(plan.mes)
    suyos = exp.docentes_de(plan.dni_acompanante)
    directores = [d for d in suyos if d.es_director]
    visitados = {v.dni_docente for v in plan.visitas}
    n_gia = {t: sum(g.tipo == t for g in plan.gias) for t in ("docentes", "directores")}
    dias_visita = mes.dias_visita if mes is not None else 0
    pide_visita = dias_visita > 0
    return [
        FilaMeta(actividad="Visitas en aula con asesoría personalizada", programadas=str(len(plan.visitas)),
                 protocolo=f"{len(suyos) * prot.visitas_por_mes} ({prot.visitas_por_mes} por docente, {_dias(dias_visita)})"
                 if pide_visita else "—"),
        FilaMeta(actividad="Docentes atendidos en visita", programadas=f"{len(visitados)} de {len(suyos)}",
                 protocolo=str(len(suyos)) if pide_visita else "—"),
        FilaMeta(actividad="GIA con docentes", programadas=str(n_gia["docentes"]),
                 protocolo=f"1 (mín. {horas(prot.gia_docentes_horas_minimas)})" if mes and mes.gia_docentes else "—"),
        FilaMeta(actividad=f"GIA con directores ({len(directores)} directores)", programadas=str(n_gia["directores"]),
                 protocolo=f"1 (mín. {horas(prot.gia_directores_horas_minimas)})" if mes and mes.gia_directores else "—"),
        FilaMeta(actividad="Taller de actualización docente", programadas=str(len(plan.talleres)),
                 protocolo="1" if mes and mes.taller else "—"),
    ]


def contexto(exp: Expediente, plan: PlanMensual) -> PlanMensualDocumento:
    docentes = exp.indice("docentes")
    suyos = exp.docentes_de(plan.dni_acompanante)
    visitas = []
    for v in plan.visitas:
        d = docentes[v.dni_docente]
        ie = exp.institucion(d.codigo_modular)
        visitas.append(diseno(
            f"Visita en aula a {_nombre(d)} — I. E. {ie.nombre} ({ie.centro_poblado})",
            f"{v.fecha:%d/%m/%Y}, {_dias(v.dias)}; {horas(v.horas_observacion)} de observación, "
            f"{horas(v.horas_preparacion)} de preparación del diálogo reflexivo y {horas(v.horas_asesoria)} de asesoría",
            v,
        ))
    gias = [
        diseno(f"GIA con {g.tipo} — {g.sede}",
               f"{g.fecha:%d/%m/%Y}, {horas(g.horas)}; participantes: "
               + ", ".join(_nombre(docentes[p]) for p in g.participantes), g)
        for g in plan.gias
    ]
    talleres = [diseno(f"Taller de actualización docente: {t.nombre}",
                       f"Desde el {t.fecha:%d/%m/%Y}, {_dias(t.dias)}, {horas(t.horas)} cronológicas; sede: {t.sede}", t)
                for t in plan.talleres]
    ruta = []
    for p in plan.ruta:
        ie = exp.institucion(p.codigo_modular)
        ruta.append(FilaRutaMes(
            fecha=p.fecha, institucion=f"{ie.nombre} ({ie.codigo_modular})", centro_poblado=f"{ie.centro_poblado} ({ie.distrito})",
            docentes="\n".join(_nombre(d) for d in suyos if d.codigo_modular == ie.codigo_modular), medio=p.medio,
        ))
    mes = exp.protocolo.mes(plan.mes)
    return PlanMensualDocumento(
        membrete=membrete(exp), acompanante=exp.acompanante(plan.dni_acompanante), ugel=exp.ugel.nombre,
        anio=exp.anio, mes=MESES[plan.mes - 1], visita_protocolo=(mes.visita if mes and mes.visita else "—"),
        metas_atencion=metas_atencion(exp, plan), metas=plan.metas, ruta=ruta, visitas=visitas, gias=gias,
        talleres=talleres, lugar=exp.ugel.sede, fecha=plan.fecha,
        firma_acompanante=firma(exp.acompanante(plan.dni_acompanante), "Acompañante pedagógico"),
        firma_jefe=firma_jefe_agp(exp),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    for plan in sorted(exp.planes_mensuales, key=lambda p: (p.dni_acompanante, p.mes)):
        ap = exp.acompanante(plan.dni_acompanante)
        yield Documento(
            ruta=ruta_de(f"{ap.apellidos} {ap.nombres}", f"{exp.anio}-{plan.mes:02d} {MESES[plan.mes - 1]}.docx"),
            registros=(f"planes_mensuales:{plan.periodo}",),
            contexto=partial(contexto, exp, plan),
            agrupacion={"acompanante": ap.dni, "mes": f"{exp.anio}-{plan.mes:02d}"},
        )


FORMATO = Formato(
    identificador="plan-mensual",
    titulo="Plan mensual de acompañamiento pedagógico del AP",
    plantilla="plan-mensual.docx",
    esquema=PlanMensualDocumento,
    documentos=documentos,
    descripcion="Uno por AP y mes: metas de atención, ruta del mes y el diseño metodológico de cada visita, "
                "GIA y taller (desempeños del docente y, en el GIA con directores y la asesoría al director, del "
                "directivo; necesidades, propósito, productos, secuencia con tiempos —la de cada día en la visita de "
                "dos días—, técnicas, materiales, evaluación de los aprendizajes por desempeños, compromisos y metas).",
)
