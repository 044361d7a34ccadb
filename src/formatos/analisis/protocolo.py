"""El cumplimiento del protocolo efectivo: lo planificado y lo ejecutado contra los mínimos del protocolo.

Funciones puras que devuelven cada falta como un mensaje en castellano. Las reglas al final las muestran
como advertencias de `formatos validar` (lo que está por debajo del protocolo se genera igual):
- los planes (mensual, anual del AP, cronograma) contra el protocolo del expediente;
- lo ejecutado: horas de cada visita (l. 1704-1712), visitas de dos días consecutivos con clases (l. 1704-1707),
  un AP en dos II. EE. el mismo día o con más horas de las que caben en su jornada, GIA con docentes cada mes
  y con sus horas y participantes, GIA con directores el mismo día y después del GIA con docentes (l. 2023-2028,
  2048-2049), docentes sin visita diagnóstica;
- el protocolo contra los mínimos del manual (`datos/protocolo.toml`);
- los talleres fuera de las vacaciones de los estudiantes (l. 2059-2065) según el calendario escolar.
Un mes se revisa cuando el expediente ya tiene datos de un mes posterior (un mes en curso no está completo).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from babel.numbers import format_decimal

from formatos.modelos.actividades import GIA, Visita
from formatos.modelos.actores import Docente
from formatos.modelos.base import Modelo, Registro
from formatos.modelos.calendario import Calendario
from formatos.modelos.expediente import Expediente, regla
from formatos.modelos.planes import DisenoTaller, PlanAnualAP, PlanMensual
from formatos.modelos.protocolo import Protocolo, protocolo_por_defecto

MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "setiembre", "octubre",
         "noviembre", "diciembre")


def _h(horas: float) -> str:
    """1.5 → "1.5 h" (números es_PE, con Babel)."""
    return f"{format_decimal(horas, format='#,##0.##', locale='es_PE')} h"


def _minimo(que: str, tiene: float, pide: float, motivo: str = "") -> list[str]:
    """ "horas de observación: 1.5 h; el protocolo pide al menos 2 h" si no llega al mínimo."""
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


# --- lo ejecutado frente al protocolo ------------------------------------------------------------------
@dataclass(frozen=True)
class FaltaEjecutada:
    """Algo ejecutado por debajo del protocolo: en qué registro y campo, qué pasó, de qué AP y de qué fecha
    (el día, o el último del mes revisado), para las advertencias de `validar` y para los informes del periodo."""

    registro: Registro
    campo: str | None
    mensaje: str
    que: str
    """De qué se trata: "visita V-2026-06-… a Rosa Quispe (08/06/2026)"."""
    dni_acompanante: str | None = None
    fecha: date | None = None

    @property
    def texto(self) -> str:
        """Para un informe: "visita … (08/06/2026): horas de observación: 1.5 h; …"."""
        return f"{self.que}: {self.mensaje}" if self.que else self.mensaje[:1].upper() + self.mensaje[1:]


def meses_cerrados(exp: Expediente) -> set[int]:
    """Los meses que ya se pueden revisar: los anteriores al último mes con visitas, GIA o talleres."""
    fechas = [v.ultimo_dia for v in exp.visitas] + [g.fecha for g in exp.gias] + [t.fecha_fin for t in exp.talleres]
    fechas = [f for f in fechas if f.year == exp.anio]
    return set(range(1, max(f.month for f in fechas))) if fechas else set()


def _fin_de_mes(anio: int, mes: int) -> date:
    return (date(anio, mes, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def necesita_horas(visita: Visita) -> bool:
    """La visita de recojo de necesidades (aplicación de la evaluación) no lleva observación y asesoría."""
    return visita.tipo != "recojo de necesidades"


def faltas_horas_visita(exp: Expediente, visita: Visita) -> list[tuple[str, str]]:
    """Las horas de la visita por debajo del protocolo: (campo, mensaje)."""
    if not necesita_horas(visita):
        return []
    prot, docente = exp.protocolo, exp.docente(visita.dni_docente)
    director = " porque es también director" if docente.es_director else ""
    faltas = []
    for campo, que, pide, motivo in (
        ("horas_observacion", "observación", prot.horas_observacion, ""),
        ("horas_preparacion", "preparación del diálogo reflexivo", prot.horas_preparacion, ""),
        ("horas_asesoria", "asesoría", prot.horas_asesoria_de(docente.es_director), director),
    ):
        faltas += [(campo, f) for f in _minimo(f"horas de {que}", getattr(visita, campo), pide, motivo)]
    return faltas


def cumple_horas(exp: Expediente, visita: Visita) -> bool:
    """Si la visita con asesoría tiene las horas mínimas del protocolo (si no, no cuenta como cumplida del todo)."""
    return necesita_horas(visita) and not faltas_horas_visita(exp, visita)


def _dias_visita(visita: Visita) -> list[date]:
    return [visita.fecha] + ([visita.fecha_segundo_dia] if visita.fecha_segundo_dia else [])


def faltas_dias_visita(calendario: Calendario, visita: Visita) -> list[tuple[str, str]]:
    """Una visita en aula es en días con clases; la de dos días, en dos días consecutivos con clases."""
    faltas = []
    for campo, dia in zip(("fecha", "fecha_segundo_dia"), _dias_visita(visita)):
        motivo = calendario.sin_clases(dia)
        if motivo:
            faltas.append((campo, f"el {dia:%d/%m/%Y} no hay clases ({motivo}): no hay sesión que observar"))
    if visita.fecha_segundo_dia and not faltas:
        siguiente = calendario.siguiente_lectivo(visita.fecha)
        if visita.fecha_segundo_dia != siguiente:
            faltas.append(("fecha_segundo_dia", f"la visita de dos días es de dos días consecutivos con clases "
                                                 f"(manual l. 1704-1707): después del {visita.fecha:%d/%m/%Y} sigue "
                                                 f"el {siguiente:%d/%m/%Y}, no el {visita.fecha_segundo_dia:%d/%m/%Y}"))
    return faltas


def _que_visita(exp: Expediente, v: Visita) -> str:
    return f"visita {v.id} a {exp.docente(v.dni_docente).nombre_completo} ({v.fecha:%d/%m/%Y})"


def _que_gia(g: GIA) -> str:
    return f"GIA con {g.tipo} {g.id} ({g.fecha:%d/%m/%Y})"


def _faltas_visitas(exp: Expediente) -> list[FaltaEjecutada]:
    cal = exp.calendario()
    return [FaltaEjecutada(v, campo, falta, _que_visita(exp, v), exp.docente(v.dni_docente).dni_acompanante, v.fecha)
            for v in exp.visitas for campo, falta in faltas_horas_visita(exp, v) + faltas_dias_visita(cal, v)]


def _faltas_factibilidad(exp: Expediente) -> list[FaltaEjecutada]:
    """Un AP no puede estar el mismo día en dos II. EE. ni trabajar más horas de las que caben en su jornada."""
    jornada = exp.calendario().jornada_horas
    por_dia: dict[tuple[str, date], list[tuple[Registro, str, float, str | None]]] = {}
    for v in exp.visitas:
        docente = exp.docente(v.dni_docente)
        dias = _dias_visita(v)
        horas = (v.horas_observacion + v.horas_preparacion + v.horas_asesoria) / len(dias) if necesita_horas(v) else 0
        for dia in dias:
            por_dia.setdefault((docente.dni_acompanante, dia), []).append(
                (v, f"la visita {v.id} a {docente.nombre_completo}", horas, docente.codigo_modular))
    for g in exp.gias:
        por_dia.setdefault((g.dni_acompanante, g.fecha), []).append((g, f"el GIA con {g.tipo} {g.id}", g.horas, None))
    faltas = []
    for (ap, dia), cosas in sorted(por_dia.items(), key=lambda x: (x[0][1], x[0][0])):
        nombre = exp.acompanante(ap).nombre_completo
        visitas = [(registro, que, ie) for registro, que, _, ie in cosas if ie is not None]
        for registro, que, ie in visitas[1:]:
            primera, donde = visitas[0][1], visitas[0][2]
            if ie != donde:
                faltas.append(FaltaEjecutada(registro, None, (
                    f"el {dia:%d/%m/%Y} el AP {nombre} estaría en dos II. EE.: {primera} "
                    f"({exp.institucion(donde).nombre}) y {que} ({exp.institucion(ie).nombre})"), "", ap, dia))
        horas = sum(c[2] for c in cosas)
        if horas > jornada and len(cosas) > 1:
            detalle = ", ".join(f"{c[1]} ({_h(c[2])})" for c in cosas)
            faltas.append(FaltaEjecutada(cosas[-1][0], None, (f"el {dia:%d/%m/%Y} el AP {nombre} tendría {_h(horas)} de "
                                                               f"trabajo; en un día caben {_h(jornada)}: {detalle}"),
                                         "", ap, dia))
    return faltas


def _fin(g: GIA) -> datetime | None:
    if g.hora_inicio is None:
        return None
    return datetime.combine(g.fecha, g.hora_inicio) + timedelta(hours=g.horas)


def _faltas_gias(exp: Expediente) -> list[FaltaEjecutada]:
    """Horas, participantes y día de cada GIA ejecutado."""
    prot, docentes = exp.protocolo, exp.indice("docentes")
    faltas = []
    for g in exp.gias:
        propias: list[tuple[str, str]] = []
        minimo = prot.gia_docentes_horas_minimas if g.tipo == "docentes" else prot.gia_directores_horas_minimas
        propias += [("horas", f) for f in _minimo("horas", g.horas, minimo)]
        if g.tipo == "directores":
            propias += [("participantes", f"{docentes[d].nombre_completo} no es director y figura en un GIA con directores")
                        for d in g.participantes if not docentes[d].es_director]
            con_docentes = [x for x in exp.gias if x.tipo == "docentes" and x.dni_acompanante == g.dni_acompanante
                            and x.fecha == g.fecha]
            fines = [f for x in con_docentes if (f := _fin(x)) is not None]
            if not con_docentes:
                propias.append(("fecha", "el GIA con directores se hace el mismo día que el GIA con docentes, al terminar "
                                         "este (manual l. 2026-2028, 2048-2049): ese día el AP no tiene GIA con docentes"))
            elif g.hora_inicio is not None and fines and datetime.combine(g.fecha, g.hora_inicio) < max(fines):
                propias.append(("hora_inicio", f"empieza a las {g.hora_inicio:%H:%M}, antes de que termine el GIA con "
                                               f"docentes ({max(fines):%H:%M}): se hace después, «solo se amplía el "
                                               "horario» (manual l. 2026-2028)"))
        faltas += [FaltaEjecutada(g, campo, f, _que_gia(g), g.dni_acompanante, g.fecha) for campo, f in propias]
    return faltas


def _faltas_del_mes(exp: Expediente) -> list[FaltaEjecutada]:
    """Por mes cerrado del cronograma: el GIA con docentes de cada AP y quiénes faltaron, la visita de cada docente;
    en el año, los GIA con directores de cada AP y la visita diagnóstica de cada docente."""
    prot, cerrados, anio = exp.protocolo, meses_cerrados(exp), exp.anio
    faltas = []
    for ap in exp.acompanantes:
        suyos = exp.docentes_de(ap.dni)
        propios = [g for g in exp.gias if g.dni_acompanante == ap.dni and g.fecha.year == anio]
        for m in prot.meses:
            if m.mes not in cerrados or not m.gia_docentes or not suyos:
                continue
            del_mes = [g for g in propios if g.tipo == "docentes" and g.fecha.month == m.mes]
            if not del_mes:
                faltas.append(FaltaEjecutada(ap, None, f"GIA con docentes de {MESES[m.mes - 1]}: no se registró; el "
                                                       "protocolo pide uno al mes", f"AP {ap.nombre_completo}", ap.dni,
                                             _fin_de_mes(anio, m.mes)))
                continue
            presentes = {d for g in del_mes for d in g.participantes}
            ausentes = [d.nombre_completo for d in suyos if d.dni not in presentes]
            if ausentes:
                faltas.append(FaltaEjecutada(del_mes[-1], "participantes", (
                    f"participaron {len(suyos) - len(ausentes)} de los {len(suyos)} docentes del AP; faltó: "
                    f"{', '.join(ausentes)}"), _que_gia(del_mes[-1]), ap.dni, del_mes[-1].fecha))
        if cerrados and any(d.es_director for d in suyos):
            pide = sum(m.gia_directores for m in prot.meses if m.mes in cerrados)
            hechos = sum(1 for g in propios if g.tipo == "directores" and g.fecha.month in cerrados)
            if hechos < pide:
                faltas.append(FaltaEjecutada(ap, None, (f"GIA con directores: {hechos} hasta {MESES[max(cerrados) - 1]}; "
                                                        f"el protocolo pide {pide} hasta ese mes"),
                                             f"AP {ap.nombre_completo}", ap.dni, _fin_de_mes(anio, max(cerrados))))
    diagnostica = prot.mes_de_visita("diagnóstica")
    for d in exp.docentes:
        suyas = [v for v in exp.visitas if v.dni_docente == d.dni and v.fecha.year == anio]
        for m in prot.meses:
            n = sum(v.fecha.month == m.mes for v in suyas)
            if m.mes in cerrados and m.dias_visita and n < prot.visitas_por_mes:
                faltas.append(FaltaEjecutada(d, None, f"{n} visita(s) en {MESES[m.mes - 1]}; el protocolo pide "
                                                      f"{prot.visitas_por_mes} al mes", d.nombre_completo,
                                             d.dni_acompanante, _fin_de_mes(anio, m.mes)))
        if diagnostica and diagnostica.mes in cerrados and not any(v.tipo == "diagnóstica" for v in suyas):
            faltas.append(FaltaEjecutada(d, None, (
                "no tiene visita diagnóstica: sus niveles no tienen línea de base y su plan individual no tiene de dónde "
                f"partir (el cronograma la fija en {MESES[diagnostica.mes - 1]})"), d.nombre_completo, d.dni_acompanante,
                _fin_de_mes(anio, diagnostica.mes)))
    return faltas


def faltas_ejecutadas(exp: Expediente) -> list[FaltaEjecutada]:
    """Todo lo ejecutado por debajo del protocolo: visitas, jornadas del AP, GIA, meses sin GIA o sin visita."""
    return _faltas_visitas(exp) + _faltas_factibilidad(exp) + _faltas_gias(exp) + _faltas_del_mes(exp)


def debilidades_protocolo(protocolo: Protocolo) -> list[tuple[str, str]]:
    """Lo que el protocolo fija por debajo de los mínimos del manual (el protocolo del paquete): (campo, mensaje)."""
    manual = protocolo_por_defecto()
    faltas = []
    for campo, que, unidad in (
        ("visitas_por_mes", "visitas en aula por docente al mes", ""),
        ("horas_observacion", "horas de observación de la visita", " h"),
        ("horas_preparacion", "horas de preparación del diálogo reflexivo", " h"),
        ("horas_asesoria", "horas de asesoría de la visita", " h"),
        ("horas_asesoria_director", "horas de asesoría al docente que es director", " h"),
        ("gia_docentes_horas_minimas", "horas del GIA con docentes", " h"),
        ("gia_directores_horas_minimas", "horas del GIA con directores", " h"),
        ("talleres_por_anio", "talleres de actualización docente al año", ""),
        ("talleres_horas", "horas de los talleres del año", " h"),
    ):
        tiene, pide = getattr(protocolo, campo), getattr(manual, campo)
        if tiene < pide:
            def n(x: float) -> str:
                return format_decimal(x, format="#,##0.##", locale="es_PE")
            faltas.append((campo, f"{que}: {n(tiene)}{unidad}; el manual fija al menos {n(pide)}{unidad}"))
    def sin(campo: str) -> str:
        """Los meses en que el manual tiene la actividad y el protocolo no."""
        return ", ".join(MESES[m.mes - 1] for m in manual.meses
                         if getattr(m, campo) and not ((p := protocolo.mes(m.mes)) and getattr(p, campo)))

    if sin("dias_visita"):
        faltas.append(("meses", f"sin visita en aula en {sin('dias_visita')}; el cronograma del manual la tiene"))
    if sin("gia_docentes"):
        faltas.append(("meses", f"sin GIA con docentes en {sin('gia_docentes')}; el manual lo pide cada mes"))
    for actividad, campo in (("GIA con directores", "gia_directores"), ("talleres", "taller")):
        tiene, pide = sum(getattr(m, campo) for m in protocolo.meses), sum(getattr(m, campo) for m in manual.meses)
        if tiene < pide:
            faltas.append(("meses", f"el cronograma tiene {tiene} mes(es) con {actividad}; el del manual, {pide}"))
    return faltas


def dias_de_taller(calendario: Calendario, inicio: date, fin: date) -> list[date]:
    """Los días con clases que ocupa un taller (los que interrumpen las horas lectivas)."""
    return [d for n in range((fin - inicio).days + 1) if calendario.lectivo(d := inicio + timedelta(days=n))]


def _fechas(dias: list[date]) -> str:
    texto = ", ".join(f"{d:%d/%m}" for d in dias[:6])
    return texto + (f" y {len(dias) - 6} más" if len(dias) > 6 else "")


def faltas_taller(exp: Expediente, numero: int, inicio: date, fin: date, autorizado: bool = False) -> list[str]:
    """Un taller en días de clases necesita autorización del Minedu y un plan de recuperación de horas; el 2.°, en
    las vacaciones de medio año; el 1.°, en la fase de diagnóstico (manual l. 860, 947, 1390-1400, 2059-2065)."""
    cal = exp.calendario()
    faltas = []
    lectivos = dias_de_taller(cal, inicio, fin)
    if lectivos and not autorizado:
        faltas.append(f"{len(lectivos)} día(s) con clases ({_fechas(lectivos)}): el taller no debe interrumpir las horas "
                      "lectivas salvo autorización del Minedu, con un plan de recuperación de horas presentado a la UGEL "
                      "(manual l. 2062-2065); registre la autorización en «autorizacion»")
    medio = cal.medio_anio
    if numero == 2 and medio and not (inicio <= medio.fin and fin >= medio.inicio):
        faltas.append(f"el 2.° taller se realiza en las vacaciones de medio año de los estudiantes (manual l. 2061-2062): "
                      f"del {medio.inicio:%d/%m} al {medio.fin:%d/%m/%Y}")
    diagnostica = exp.protocolo.mes_de_visita("diagnóstica")
    if numero == 1 and diagnostica and (inicio.year, inicio.month) > (exp.anio, diagnostica.mes):
        faltas.append(f"el 1.er taller es de la fase de diagnóstico, con la visita diagnóstica de "
                      f"{MESES[diagnostica.mes - 1]} (manual l. 860, 947, 1390-1400): empieza el {inicio:%d/%m/%Y}")
    return faltas


def fin_de_taller_planificado(calendario: Calendario, taller: DisenoTaller) -> date:
    """El último de los `dias` días de trabajo (de lunes a sábado, sin feriados) desde el primer día del taller."""
    dia, contados = taller.fecha, 0
    while True:
        if dia.weekday() < 6 and dia not in calendario.feriados:
            contados += 1
            if contados >= taller.dias:
                return dia
        dia += timedelta(days=1)


# --- advertencias de `formatos validar` ---------------------------------------------------------------
@regla
def _protocolo_planes_mensuales(exp: Expediente):
    for plan in exp.planes_mensuales:
        for falta in faltas_plan_mensual(exp, plan):
            yield plan, None, f"protocolo ({MESES[plan.mes - 1]}): {falta}", False
    for ap in exp.acompanantes:
        for falta in faltas_del_anio(exp, ap.dni):
            yield ap, None, f"protocolo: {falta}", False


def faltas_orden_planes(exp: Expediente) -> list[tuple[Registro, str]]:
    """Los planes en el orden en que derivan unos de otros: el anual de la UGEL, el anual de cada AP y, pasada la
    fase de diagnóstico (cuyos planes mensuales son previos, manual l. 1390-1400), los mensuales."""
    faltas: list[tuple[Registro, str]] = []
    ugel = exp.planes_anuales_ugel[0] if exp.planes_anuales_ugel else None
    anuales = exp.indice("planes_anuales_ap")
    for plan_ap in exp.planes_anuales_ap:
        if ugel and plan_ap.fecha < ugel.fecha:
            faltas.append((plan_ap, f"el plan anual del AP ({plan_ap.fecha:%d/%m/%Y}) es anterior al plan anual de la "
                                    f"UGEL ({ugel.fecha:%d/%m/%Y}), del que parte"))
    diagnostica = exp.protocolo.mes_de_visita("diagnóstica")
    for plan in exp.planes_mensuales:
        anual = anuales.get(plan.dni_acompanante)
        if anual and diagnostica and plan.mes > diagnostica.mes and plan.fecha < anual.fecha:
            faltas.append((plan, f"el plan mensual de {MESES[plan.mes - 1]} ({plan.fecha:%d/%m/%Y}) es anterior al plan "
                                 f"anual del AP ({anual.fecha:%d/%m/%Y}), del que deriva"))
    return faltas


@regla
def _protocolo_planes_anuales(exp: Expediente):
    for plan, falta in faltas_orden_planes(exp):
        yield plan, "fecha", falta, False
    for plan in exp.planes_anuales_ap:
        for falta in faltas_plan_anual_ap(exp, plan):
            yield plan, None, f"plan anual del AP: {falta}", False
    for plan_ugel in exp.planes_anuales_ugel[:1]:
        for falta in faltas_cronograma(exp.protocolo):
            yield plan_ugel, None, f"protocolo: {falta}", False


@regla
def _protocolo_ejecutado(exp: Expediente) -> Iterator[tuple[Registro, str | None, str, bool]]:
    for f in faltas_ejecutadas(exp):
        yield f.registro, f.campo, f"protocolo: {f.mensaje}", False


@regla
def _protocolo_bajo_el_manual(exp: Expediente) -> Iterator[tuple[Modelo, str | None, str, bool]]:
    for campo, falta in debilidades_protocolo(exp.protocolo):
        yield exp.protocolo, campo, f"por debajo del manual: {falta}", False


@regla
def _talleres_en_vacaciones(exp: Expediente) -> Iterator[tuple[Registro, str | None, str, bool]]:
    for taller in exp.talleres:
        for falta in faltas_taller(exp, taller.numero, taller.fecha_inicio, taller.fecha_fin, bool(taller.autorizacion)):
            yield taller, "fecha_inicio", falta, False
    for plan in exp.planes_mensuales:
        for i, diseno in enumerate(plan.talleres):
            numero = 1 + sum(1 for p in exp.planes_mensuales if p.dni_acompanante == plan.dni_acompanante
                             for x in p.talleres if x.fecha < diseno.fecha)
            fin = fin_de_taller_planificado(exp.calendario(), diseno)
            for falta in faltas_taller(exp, numero, diseno.fecha, fin):
                yield plan, f"talleres[{i}]", falta.replace("; registre la autorización en «autorizacion»", ""), False
