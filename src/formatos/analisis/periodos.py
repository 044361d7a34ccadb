"""Los periodos de los documentos (mes, trimestre del año escolar, año, diagnóstico, taller) y cuándo cierran.

Un informe da cuenta de un periodo y se elabora cuando el periodo termina (manual 2.2.2.5, l. 2240-2356;
2.3.2, l. 2632-2694). `cerrado` dice si, con los datos del expediente, el periodo ya cerró:

- mes y trimestre: su mes de cierre (el último con actividades del protocolo: para el III trimestre y el
  año del cronograma del manual, noviembre) ya tiene visitas o GIA registrados;
- diagnóstico: todos los docentes tuvieron su visita diagnóstica (l. 1077-1081: el informe diagnóstico
  reporta la visita diagnóstica de cada docente);
- año: todos los docentes tuvieron su visita de cierre («El informe final se elabora al concluir la visita de
  cierre planificada en todas las II. EE. asignadas», l. 2632-2633);
- taller: tiene registrada su asistencia;
- y en todos los casos, si ya hay actividades posteriores al periodo o si la fecha de corte
  (`configuracion.fecha_corte`, `generar --corte`) llega al fin del periodo.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from babel.dates import format_date

from formatos.modelos.expediente import Expediente, regla
from formatos.modelos.informes import NumeroInforme
from formatos.modelos.protocolo import Protocolo

ROMANOS = {1: "I", 2: "II", 3: "III", 4: "IV"}

TipoPeriodo = Literal["mes", "trimestre", "año", "diagnóstico", "taller"]


@dataclass(frozen=True)
class Periodo:
    clave: str
    """Como en la narrativa: "2026-05", "T2", "anual", "diagnóstico"; el taller, su número ("1")."""
    nombre: str
    """En un título: "mayo de 2026", "II trimestre de 2026", "año 2026"."""
    inicio: date
    fin: date
    tipo: TipoPeriodo = "mes"
    fin_protocolo: date | None = None
    """Último día del último mes del periodo con actividades en el cronograma del protocolo, si es antes de `fin`."""

    @property
    def cierre(self) -> date:
        """Último día del mes de cierre (el último con actividades del protocolo; si no se sabe, `fin`). Un
        informe del periodo se fecha después de este día."""
        return self.fin_protocolo or self.fin

    def contiene(self, fecha: date) -> bool:
        return self.inicio <= fecha <= self.fin

    @property
    def meses(self) -> list[int]:
        return list(range(self.inicio.month, self.fin.month + 1))


def _ultimo(anio: int, mes: int) -> date:
    return date(anio, mes, calendar.monthrange(anio, mes)[1])


def _cierre(protocolo: Protocolo | None, anio: int, meses: Iterable[int]) -> date | None:
    """El último día del último de `meses` con visita, GIA o taller en el cronograma del protocolo."""
    if protocolo is None:
        return None
    activos = [m.mes for m in protocolo.meses if m.mes in set(meses)
               and (m.dias_visita or m.gia_docentes or m.gia_directores or m.taller)]
    return _ultimo(anio, max(activos)) if activos else None


def mes(anio: int, numero: int) -> Periodo:
    nombre = format_date(date(anio, numero, 1), "MMMM 'de' y", locale="es_PE")
    return Periodo(f"{anio}-{numero:02d}", nombre, date(anio, numero, 1), _ultimo(anio, numero), "mes")


def trimestre(exp: Expediente, numero: int) -> Periodo:
    """Un trimestre con los meses que le asigna el protocolo del expediente."""
    meses = exp.protocolo.trimestres[numero]
    return Periodo(f"T{numero}", f"{ROMANOS[numero]} trimestre de {exp.anio}", date(exp.anio, min(meses), 1),
                   _ultimo(exp.anio, max(meses)), "trimestre", _cierre(exp.protocolo, exp.anio, meses))


def trimestres(exp: Expediente) -> list[Periodo]:
    return [trimestre(exp, n) for n in exp.protocolo.trimestres]


def anual(anio: int, protocolo: Protocolo | None = None) -> Periodo:
    """El año escolar; con el protocolo, su mes de cierre es el último con actividades del cronograma."""
    return Periodo("anual", f"año {anio}", date(anio, 3, 1), date(anio, 12, 31), "año",
                   _cierre(protocolo, anio, range(3, 13)))


def diagnostico(exp: Expediente, dnis: Iterable[str]) -> Periodo:
    """La fase de diagnóstico de esos docentes: del inicio del año al último día de su última visita diagnóstica
    (el informe diagnóstico se elabora al terminarla, antes de los planes anuales; si aún no hay ninguna, fin de
    mayo, como en el cronograma del manual)."""
    dnis = set(dnis)
    ultima = max((v.ultimo_dia for v in exp.visitas if v.tipo == "diagnóstica" and v.dni_docente in dnis), default=None) \
        or _ultimo(exp.anio, 5)
    return Periodo("diagnóstico", f"fase de diagnóstico de {exp.anio}", date(exp.anio, 3, 1), ultima, "diagnóstico")


def taller(numero: int, inicio: date, fin: date) -> Periodo:
    return Periodo(str(numero), f"{numero}.° taller", inicio, fin, "taller")


def siguiente_dia_habil(fecha: date) -> date:
    """El día hábil (lunes a viernes) que sigue a `fecha`: la fecha por omisión de un informe de un periodo."""
    fecha += timedelta(days=1)
    while fecha.weekday() >= 5:
        fecha += timedelta(days=1)
    return fecha


# --- cuándo cierra un periodo ----------------------------------------------------------------------------
def actividad_hasta(exp: Expediente) -> dict[str, date]:
    """Por AP (DNI), la fecha de su última visita o GIA registrados: hasta dónde llegan sus datos."""
    ultimas: dict[str, date] = {}
    docentes = exp.indice("docentes")
    for v in exp.visitas:
        if (d := docentes.get(v.dni_docente)) is not None:
            fecha = v.fecha_segundo_dia or v.fecha
            if fecha > ultimas.get(d.dni_acompanante, fecha - timedelta(days=1)):
                ultimas[d.dni_acompanante] = fecha
    for g in exp.gias:
        if g.fecha > ultimas.get(g.dni_acompanante, g.fecha - timedelta(days=1)):
            ultimas[g.dni_acompanante] = g.fecha
    return ultimas


def _hecho(exp: Expediente, periodo: Periodo, acompanantes: list[str], hasta: dict[str, date]) -> bool:
    """El hecho que cierra el periodo para todos esos AP (sin mirar la fecha de corte)."""
    if periodo.tipo in ("diagnóstico", "año"):
        tipo = "diagnóstica" if periodo.tipo == "diagnóstico" else "cierre"
        visitados = {v.dni_docente for v in exp.visitas if v.tipo == tipo}
        return all(d.dni in visitados for ap in acompanantes for d in exp.docentes_de(ap))
    inicio_mes = periodo.cierre.replace(day=1)
    return all(hasta.get(ap, date.min) >= inicio_mes for ap in acompanantes)


def cerrado(exp: Expediente, periodo: Periodo, acompanantes: Iterable[str], hasta: dict[str, date] | None = None,
            hecho: bool | None = None) -> bool:
    """Si el periodo ya cerró para esos AP (los de un informe del AP, o todos los de la UGEL que tuvieron
    actividad en él). `hasta` es `actividad_hasta(exp)` (se pasa para no recalcularlo en cada documento);
    `hecho` reemplaza el hecho que cierra el periodo (p. ej. el taller con su asistencia registrada)."""
    corte = exp.configuracion.fecha_corte
    if corte is not None and corte >= periodo.cierre:
        return True
    hasta = actividad_hasta(exp) if hasta is None else hasta
    acompanantes = list(acompanantes)
    if acompanantes and all(hasta.get(ap, date.min) > periodo.cierre for ap in acompanantes):
        return True  # ya hay actividades posteriores: el periodo terminó
    if hecho is not None:
        return hecho
    return bool(acompanantes) and _hecho(exp, periodo, acompanantes, hasta)


def acompanantes_con_actividad(exp: Expediente, periodo: Periodo) -> list[str]:
    """Los AP con visitas o GIA en el periodo (en el diagnóstico, con alguna visita diagnóstica): los que un
    informe de la UGEL consolida y cuyos datos deben cerrar el periodo."""
    docentes = exp.indice("docentes")
    if periodo.tipo == "diagnóstico":
        con = {docentes[v.dni_docente].dni_acompanante for v in exp.visitas
               if v.tipo == "diagnóstica" and v.dni_docente in docentes}
    else:
        con = {docentes[v.dni_docente].dni_acompanante for v in exp.visitas
               if periodo.contiene(v.fecha) and v.dni_docente in docentes}
        con |= {g.dni_acompanante for g in exp.gias if periodo.contiene(g.fecha)}
    return [a.dni for a in exp.acompanantes if a.dni in con]


# --- la fecha de los informes ------------------------------------------------------------------------------
CONSOLIDA = {
    "informe-diagnostico-ugel": "informe-diagnostico-ap",
    "informe-trimestral-ugel": "informe-trimestral-ap",
    "informe-final-ugel": "informe-final-ap",
}
"""El informe de la UGEL y el de los AP que consolida (manual, l. 1103-1106, 2332-2334, 2692-2693)."""


def periodo_del_ap(exp: Expediente, periodo: Periodo, dni_acompanante: str) -> Periodo:
    """El periodo de un AP que corresponde al de la UGEL (el diagnóstico depende de sus docentes)."""
    if periodo.tipo == "diagnóstico":
        return diagnostico(exp, (d.dni for d in exp.docentes_de(dni_acompanante)))
    return periodo


def fecha_informe(exp: Expediente, formato: str, periodo: Periodo, dni_acompanante: str | None = None) -> date:
    """La fecha de un informe: la registrada en `numeros_informe`; si no, el día hábil siguiente al cierre del
    periodo (el informe se elabora cuando el periodo termina) y, en un informe de la UGEL que consolida los de
    los AP, el día hábil siguiente al último de ellos."""
    registro = exp.indice("numeros_informe").get(f"{formato} {dni_acompanante or 'UGEL'} {periodo.clave}")
    if registro is not None and registro.fecha is not None:
        return registro.fecha
    fecha = siguiente_dia_habil(periodo.cierre)
    if dni_acompanante is None and formato in CONSOLIDA:
        de_los_ap = [fecha_informe(exp, CONSOLIDA[formato], periodo_del_ap(exp, periodo, ap), ap)
                     for ap in acompanantes_con_actividad(exp, periodo)]
        fecha = max([fecha, *(siguiente_dia_habil(f) for f in de_los_ap)])
    return fecha


def periodo_del_numero(exp: Expediente, registro: NumeroInforme) -> Periodo | None:
    """El periodo del informe que numera un registro de `numeros_informe` (None si no existe en el expediente)."""
    clave = registro.periodo
    if registro.formato == "informe-taller":
        t = next((t for t in exp.talleres if str(t.numero) == clave), None)
        return taller(t.numero, t.fecha_inicio, t.fecha_fin) if t else None
    if clave == "anual":
        return anual(exp.anio, exp.protocolo)
    if clave == "diagnóstico":
        dnis = exp.docentes_de(registro.dni_acompanante) if registro.dni_acompanante else exp.docentes
        return diagnostico(exp, (d.dni for d in dnis))
    if clave.startswith("T"):
        return trimestre(exp, int(clave[1:])) if int(clave[1:]) in exp.protocolo.trimestres else None
    return mes(int(clave[:4]), int(clave[5:])) if clave[:4] == str(exp.anio) else None


# --- advertencias de `formatos validar` ---------------------------------------------------------------
@regla
def _fechas_en_el_orden_del_manual(exp: Expediente):
    """Un informe se fecha después de que termina su periodo; el de la UGEL, después de los de los AP que consolida."""
    for registro in exp.numeros_informe:
        if registro.fecha is None or (periodo := periodo_del_numero(exp, registro)) is None:
            continue
        nombre = f"{registro.formato} {registro.periodo}"
        if registro.fecha <= periodo.cierre:
            yield registro, "fecha", (f"{nombre}: va fechado el {registro.fecha:%d/%m/%Y}, antes de que termine su periodo "
                                      f"({periodo.nombre}, hasta el {periodo.cierre:%d/%m/%Y}): el informe se elabora "
                                      "cuando el periodo termina"), False
        elif registro.dni_acompanante is None and registro.formato in CONSOLIDA:
            for ap in acompanantes_con_actividad(exp, periodo):
                del_ap = fecha_informe(exp, CONSOLIDA[registro.formato], periodo_del_ap(exp, periodo, ap), ap)
                if registro.fecha <= del_ap:
                    yield registro, "fecha", (
                        f"{nombre}: va fechado el {registro.fecha:%d/%m/%Y}, no después del "
                        f"{CONSOLIDA[registro.formato]} de {exp.acompanante(ap).nombre_completo} ({del_ap:%d/%m/%Y}), "
                        "que consolida"), False
