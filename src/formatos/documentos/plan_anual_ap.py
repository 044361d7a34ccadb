"""Plan anual de acompañamiento pedagógico del AP (manual 2.2.1.8): uno por acompañante."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis.protocolo import MESES
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos.comunes import Firma, Imagen, Membrete, firma, membrete
from formatos.documentos.comunes_planes import (
    FilaCronograma, cronograma, desempeno, firma_jefe_agp, leyenda_niveles, leyenda_trimestres, metas_texto,
)
from formatos.modelos.actores import Acompanante, Docente
from formatos.modelos.expediente import Expediente
from formatos.modelos.planes import PlanAnualAP, TareaAP
from formatos.numeros import horas, numero


ANCHO_CROQUIS_CM, ALTO_CROQUIS_CM = 18, 14  # página A4 horizontal: 25,7 × 17 cm útiles


def _nombre(d: Docente) -> str:
    return f"{d.apellidos.upper()}, {d.nombres}"


class FilaMetaDocente(BaseModel):
    docente: str
    institucion: str
    codigo: str
    desempeno: str
    nivel_diagnostico: str
    metas: str = Field(description="Una línea por trimestre con el nivel esperado")


class FilaRuta(BaseModel):
    numero: int
    institucion: str
    codigo_modular: str
    centro_poblado: str
    distancia: str
    tiempo: str
    medio: str


class FilaPriorizacionDocente(BaseModel):
    docente: str
    institucion: str
    desempenos: str
    necesidades: str


class FilaPriorizacionGrupal(BaseModel):
    codigo: str
    desempeno: str
    necesidad_comun: str
    donde: str


class FilaVisitaDocente(BaseModel):
    docente: str
    cargo: str
    horas: str = Field(description="Observación + preparación + asesoría por visita, según el protocolo")
    grupo_gia: str


class FilaGrupo(BaseModel):
    nombre: str
    sede: str
    docentes: str


class PlanAnualAPDocumento(BaseModel):
    """El contenido del plan anual de acompañamiento del AP."""

    membrete: Membrete
    acompanante: Acompanante
    ugel: str
    anio: int
    numero_docentes: int
    numero_instituciones: int
    objetivos: list[str]
    metas: list[FilaMetaDocente]
    trimestres: str
    leyenda_niveles: str
    ruta: list[FilaRuta]
    croquis: Imagen | None = Field(None, description="Croquis de la ruta, si el plan lo trae: "
                                                    "{{ croquis }} sola en su párrafo pone la imagen")
    priorizacion_individual: list[FilaPriorizacionDocente]
    priorizacion_grupal: list[FilaPriorizacionGrupal]
    visitas: list[FilaVisitaDocente]
    grupos_gia: list[FilaGrupo]
    talleres: str
    cronograma: list[FilaCronograma]
    tareas_ap: list[TareaAP] = Field(description="Tareas y productos comunes del equipo de AP que fija el jefe de AGP "
                                                 "(del plan anual de la UGEL; manual, l. 1264-1268)")
    lugar: str
    fecha: date
    firma_acompanante: Firma
    firma_jefe: Firma


def contexto(exp: Expediente, plan: PlanAnualAP) -> PlanAnualAPDocumento:
    prot, docentes = exp.protocolo, exp.indice("docentes")
    suyos = exp.docentes_de(plan.dni_acompanante)
    individuales = exp.indice("planes_individuales")
    metas = [
        FilaMetaDocente(docente=_nombre(d), institucion=exp.institucion(d.codigo_modular).nombre, codigo=m.codigo,
                        desempeno=desempeno(m.codigo).denominacion, nivel_diagnostico=m.nivel_diagnostico,
                        metas=metas_texto(m))
        for d in suyos if d.dni in individuales for m in individuales[d.dni].desempenos
    ]
    ruta = []
    for i, t in enumerate(plan.ruta, start=1):
        ie = exp.institucion(t.codigo_modular)
        ruta.append(FilaRuta(numero=i, institucion=ie.nombre, codigo_modular=ie.codigo_modular,
                             centro_poblado=f"{ie.centro_poblado} ({ie.distrito})", distancia=f"{numero(t.distancia_km)} km",
                             tiempo=t.tiempo, medio=t.medio))
    grupo_de = {d: g.nombre for g in plan.grupos_gia for d in g.dni_docentes}
    visitas = []
    for d in suyos:
        asesoria = prot.horas_asesoria_de(d.es_director)
        total = prot.horas_observacion + prot.horas_preparacion + asesoria
        visitas.append(FilaVisitaDocente(
            docente=_nombre(d), cargo="Docente y director(a)" if d.es_director else "Docente",
            horas=f"{horas(prot.horas_observacion)} + {horas(prot.horas_preparacion)} + {horas(asesoria)} = {horas(total)}",
            grupo_gia=grupo_de.get(d.dni, "—"),
        ))
    meses_taller = [MESES[m.mes - 1] for m in prot.meses if m.taller]
    return PlanAnualAPDocumento(
        membrete=membrete(exp), acompanante=exp.acompanante(plan.dni_acompanante), ugel=exp.ugel.nombre,
        anio=exp.anio, numero_docentes=len(suyos), numero_instituciones=len({d.codigo_modular for d in suyos}),
        objetivos=plan.objetivos, metas=metas, trimestres=leyenda_trimestres(exp), leyenda_niveles=leyenda_niveles(exp),
        ruta=ruta,
        croquis=Imagen(imagen=plan.croquis, ancho_cm=ANCHO_CROQUIS_CM, alto_max_cm=ALTO_CROQUIS_CM) if plan.croquis else None,
        priorizacion_individual=[
            FilaPriorizacionDocente(docente=_nombre(docentes[p.dni_docente]),
                                    institucion=exp.institucion(docentes[p.dni_docente].codigo_modular).nombre,
                                    desempenos="\n".join(f"{c}: {desempeno(c).denominacion}" for c in p.desempenos),
                                    necesidades=p.necesidades)
            for p in plan.priorizacion_individual
        ],
        priorizacion_grupal=[FilaPriorizacionGrupal(codigo=p.codigo, desempeno=desempeno(p.codigo).denominacion,
                                                    necesidad_comun=p.necesidad_comun, donde=p.donde)
                             for p in plan.priorizacion_grupal],
        visitas=visitas,
        grupos_gia=[FilaGrupo(nombre=g.nombre, sede=g.sede,
                              docentes="\n".join(_nombre(docentes[d]) for d in g.dni_docentes)) for g in plan.grupos_gia],
        talleres=(f"{prot.talleres_por_anio} talleres de actualización docente ({' y '.join(meses_taller)}), "
                  f"{numero(prot.talleres_horas)} horas cronológicas en el año, organizados por la UGEL."),
        cronograma=cronograma(exp), tareas_ap=[t for p in exp.planes_anuales_ugel[:1] for t in p.tareas_ap],
        lugar=exp.ugel.sede, fecha=plan.fecha,
        firma_acompanante=firma(exp.acompanante(plan.dni_acompanante), "Acompañante pedagógico"),
        firma_jefe=firma_jefe_agp(exp),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    for plan in exp.planes_anuales_ap:
        ap = exp.acompanante(plan.dni_acompanante)
        yield Documento(
            ruta=ruta_de(f"{ap.apellidos} {ap.nombres}.docx"),
            registros=(f"planes_anuales_ap:{plan.dni_acompanante}",),
            contexto=partial(contexto, exp, plan),
            agrupacion={"acompanante": ap.dni},
            mes=f"{plan.fecha:%Y-%m}",  # generar --mes: el de su fecha (para firmar, va a la carpeta del año)
        )


FORMATO = Formato(
    identificador="plan-anual-ap",
    titulo="Plan anual de acompañamiento pedagógico del AP",
    plantilla="plan-anual-ap.docx",
    esquema=PlanAnualAPDocumento,
    documentos=documentos,
    descripcion="Uno por AP: objetivos, metas trimestrales por docente y desempeño, ruta de desplazamiento (con su croquis, si lo hay), "
                "priorización individual y grupal, organización de visitas, GIA y talleres, cronograma, tareas y "
                "productos comunes del equipo de AP que fija el jefe de AGP.",
)
