"""El cumplimiento del protocolo efectivo: cada plan contra los mínimos del protocolo del expediente.

Funciones puras que devuelven cada falta como un mensaje en castellano. Las reglas al final las muestran
como advertencias de `formatos validar` (un plan por debajo del protocolo se puede generar igual).
"""

from __future__ import annotations

from formatos.modelos.actores import Docente
from formatos.modelos.expediente import Expediente, regla
from formatos.modelos.planes import PlanAnualAP, PlanMensual
from formatos.modelos.protocolo import Protocolo

MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "setiembre", "octubre",
         "noviembre", "diciembre")


def _h(horas: float) -> str:
    return f"{horas:g} h"


def _minimo(que: str, tiene: float, pide: float, motivo: str = "") -> list[str]:
    if tiene < pide:
        return [f"{que}: {_h(tiene)}; el protocolo pide al menos {_h(pide)}{motivo}"]
    return []


def faltas_visitas(exp: Expediente, plan: PlanMensual) -> list[str]:
    """Cada docente del AP con sus visitas del mes, sus días y sus horas mínimas."""
    prot, mes = exp.protocolo, exp.protocolo.mes(plan.mes)
    if mes is None or not mes.dias_visita:
        return []
    faltas = []
    for docente in exp.docentes_de(plan.dni_acompanante):
        suyas = [v for v in plan.visitas if v.dni_docente == docente.dni]
        if len(suyas) < prot.visitas_por_mes:
            faltas.append(f"{docente.nombre_completo}: {len(suyas)} visita(s) programada(s); "
                          f"el protocolo pide {prot.visitas_por_mes} al mes")
        for v in suyas:
            que = f"visita a {docente.nombre_completo} ({v.fecha:%d/%m})"
            if v.dias < mes.dias_visita:
                faltas.append(f"{que}: {v.dias} día(s); el cronograma fija {mes.dias_visita} en {MESES[plan.mes - 1]}")
            faltas += _minimo(f"{que}, observación", v.horas_observacion, prot.horas_observacion)
            faltas += _minimo(f"{que}, preparación del diálogo reflexivo", v.horas_preparacion, prot.horas_preparacion)
            faltas += _minimo(f"{que}, asesoría", v.horas_asesoria, prot.horas_asesoria_de(docente.es_director),
                              " porque es también director" if docente.es_director else "")
    return faltas


def _faltas_gia(plan: PlanMensual, tipo: str, minimo: float, esperados: list[Docente]) -> list[str]:
    gias = [g for g in plan.gias if g.tipo == tipo]
    nombre = f"GIA con {tipo}"
    if not gias:
        return [f"no hay {nombre} programado; el cronograma lo fija en {MESES[plan.mes - 1]}"]
    faltas = []
    for g in gias:
        faltas += _minimo(f"{nombre} del {g.fecha:%d/%m}", g.horas, minimo)
    presentes = {d for g in gias for d in g.participantes}
    faltas += [f"{d.nombre_completo} no participa en ningún {nombre} del mes" for d in esperados if d.dni not in presentes]
    return faltas


def faltas_plan_mensual(exp: Expediente, plan: PlanMensual) -> list[str]:
    """Todo lo que el plan mensual programa por debajo del protocolo (visitas, GIA, taller)."""
    prot, mes = exp.protocolo, exp.protocolo.mes(plan.mes)
    if mes is None:
        return [f"el cronograma del protocolo no incluye {MESES[plan.mes - 1]}"]
    docentes = exp.docentes_de(plan.dni_acompanante)
    faltas = faltas_visitas(exp, plan)
    if mes.gia_docentes:
        faltas += _faltas_gia(plan, "docentes", prot.gia_docentes_horas_minimas, docentes)
    if mes.gia_directores:
        faltas += _faltas_gia(plan, "directores", prot.gia_directores_horas_minimas, [d for d in docentes if d.es_director])
    if mes.taller and not plan.talleres:
        faltas.append(f"no hay taller de actualización docente programado; el cronograma lo fija en {MESES[plan.mes - 1]}")
    return faltas


def faltas_del_anio(exp: Expediente, dni_acompanante: str) -> list[str]:
    """Los planes mensuales que faltan y los talleres del año de un AP que ya tiene planes mensuales."""
    prot = exp.protocolo
    planes = [p for p in exp.planes_mensuales if p.dni_acompanante == dni_acompanante]
    if not planes:
        return []
    hechos = {p.mes for p in planes}
    faltas = [f"falta el plan mensual de {MESES[m.mes - 1]}" for m in prot.meses
              if m.mes not in hechos and (m.dias_visita or m.gia_docentes or m.gia_directores or m.taller)]
    talleres = [t for p in planes for t in p.talleres]
    if len(talleres) < prot.talleres_por_anio:
        faltas.append(f"los planes mensuales programan {len(talleres)} taller(es); el protocolo pide {prot.talleres_por_anio} al año")
    horas = sum(t.horas for t in talleres)
    if horas < prot.talleres_horas:
        faltas.append(f"los talleres programados suman {_h(horas)}; el protocolo fija {_h(prot.talleres_horas)} en el año")
    return faltas


def faltas_plan_anual_ap(exp: Expediente, plan: PlanAnualAP) -> list[str]:
    """Docentes e II. EE. del AP que el plan anual deja fuera."""
    docentes = exp.docentes_de(plan.dni_acompanante)
    priorizados = {p.dni_docente for p in plan.priorizacion_individual}
    en_gia = {d for g in plan.grupos_gia for d in g.dni_docentes}
    individuales = exp.indice("planes_individuales")
    en_ruta = {t.codigo_modular for t in plan.ruta}
    faltas = [f"{d.nombre_completo} no tiene priorización individual" for d in docentes if d.dni not in priorizados]
    faltas += [f"{d.nombre_completo} no está en ningún grupo de GIA" for d in docentes if d.dni not in en_gia]
    faltas += [f"{d.nombre_completo} no tiene plan individual: sus metas trimestrales no figuran en el plan"
               for d in docentes if d.dni not in individuales]
    for cm in dict.fromkeys(d.codigo_modular for d in docentes):
        if cm not in en_ruta:
            faltas.append(f"la I. E. {exp.institucion(cm).nombre} ({cm}) no está en la ruta de desplazamiento")
    return faltas


def faltas_cronograma(protocolo: Protocolo) -> list[str]:
    """Lo que el cronograma del protocolo deja por debajo de sus propios mínimos."""
    talleres = sum(m.taller for m in protocolo.meses)
    if talleres < protocolo.talleres_por_anio:
        return [f"el cronograma fija {talleres} taller(es); el protocolo pide {protocolo.talleres_por_anio} al año"]
    return []


# --- advertencias de `formatos validar` ---------------------------------------------------------------
@regla
def _protocolo_planes_mensuales(exp: Expediente):
    for plan in exp.planes_mensuales:
        for falta in faltas_plan_mensual(exp, plan):
            yield plan, None, f"protocolo ({MESES[plan.mes - 1]}): {falta}", False
    for ap in exp.acompanantes:
        for falta in faltas_del_anio(exp, ap.dni):
            yield ap, None, f"protocolo: {falta}", False


@regla
def _protocolo_planes_anuales(exp: Expediente):
    for plan in exp.planes_anuales_ap:
        for falta in faltas_plan_anual_ap(exp, plan):
            yield plan, None, f"plan anual del AP: {falta}", False
    for plan_ugel in exp.planes_anuales_ugel[:1]:
        for falta in faltas_cronograma(exp.protocolo):
            yield plan_ugel, None, f"protocolo: {falta}", False
