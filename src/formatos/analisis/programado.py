"""Lo programado: las visitas, los GIA y los talleres que cada AP tiene previstos, antes de que ocurran.

Sale de los planes mensuales (manual 2.2.1.9: fechas, docentes, participantes, desempeños y propósitos de cada
diseño metodológico). Si a un AP le falta el plan de un mes del cronograma del protocolo, sale del protocolo:
una visita a cada docente (con los días que fija el protocolo), el GIA con docentes y el GIA con directores del
mes y el taller, sin fecha (el instrumento deja la fecha en blanco).

De aquí salen los instrumentos de campo que el AP imprime antes de la actividad. La primera visita programada
de cada docente es la de recojo de necesidades (o la diagnóstica, si no se aplica la evaluación: l. 870-873):
evaluación de línea de base de los estudiantes de 2.° o 4.° grado (manual, l. 804-810), fichas de datos
(l. 938-941) y reunión de sensibilización (l. 667-669, 1032-1035). La del último mes con visita del protocolo
es la de cierre: evaluación de fin de año y reunión de balance con docentes y familias (l. 1444-1447, 2570-2612).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from formatos.modelos.expediente import Expediente
from formatos.modelos.planes import PlanMensual


@dataclass(frozen=True)
class VisitaProgramada:
    """Una visita en aula con asesoría personalizada prevista para un docente."""

    acompanante: str
    docente: str
    anio: int
    mes: int
    fecha: date | None
    """Primer día; None si sale del protocolo (sin plan mensual)."""
    dias: int
    desempenos: tuple[str, ...]
    proposito: str
    descripcion: str
    """La visita del mes según el cronograma del protocolo ("Visita de 2 días (observación y sesión compartida)")."""
    primera: bool
    """La primera visita programada del docente en el año: línea de base, fichas de datos, sensibilización."""
    cierre: bool
    """La del último mes con visita del protocolo: evaluación de fin de año y reunión de balance de cierre."""
    tipo: str = "asesoría"
    """El tipo de la visita del mes en el protocolo ("recojo de necesidades", "diagnóstica", "asesoría", "cierre")."""

    @property
    def segundo_dia(self) -> date | None:
        """El día siguiente hábil: la visita de dos días es de días consecutivos (manual, l. 1706)."""
        if self.dias < 2 or self.fecha is None:
            return None
        dia = self.fecha + timedelta(days=1)
        while dia.weekday() >= 5:
            dia += timedelta(days=1)
        return dia

    @property
    def clave(self) -> str:
        """Identifica la visita en los registros de un documento."""
        return f"{self.docente}/{self.fecha.isoformat() if self.fecha else f'{self.anio}-{self.mes:02d}'}"


@dataclass(frozen=True)
class GIAProgramado:
    """Un GIA con docentes o con directores previsto por un AP."""

    acompanante: str
    tipo: str
    """"docentes" o "directores"."""
    anio: int
    mes: int
    fecha: date | None
    horas: float
    sede: str
    participantes: tuple[str, ...]
    desempenos: tuple[str, ...]
    proposito: str

    @property
    def clave(self) -> str:
        return f"{self.acompanante}/{self.fecha.isoformat() if self.fecha else f'{self.anio}-{self.mes:02d}'}/{self.tipo}"


@dataclass(frozen=True)
class TallerProgramado:
    """Un taller de actualización docente, visto desde un AP: sus docentes son los participantes."""

    acompanante: str
    nombre: str
    anio: int
    mes: int
    fecha: date | None
    dias: int
    horas: float
    sede: str
    participantes: tuple[str, ...]
    desempenos: tuple[str, ...]
    proposito: str
    materiales: str
    compromisos: str
    """Los compromisos que el diseño del taller espera generar (se verifican en las visitas: l. 2067-2071)."""

    @property
    def fechas(self) -> list[date | None]:
        """Un día por día de taller (días hábiles consecutivos); sin fecha, tantos días sin fecha."""
        if self.fecha is None:
            return [None] * self.dias
        dias: list[date | None] = []
        dia = self.fecha
        while len(dias) < self.dias:
            if dia.weekday() < 5:
                dias.append(dia)
            dia += timedelta(days=1)
        return dias

    @property
    def clave(self) -> str:
        return f"{self.acompanante}/{self.fecha.isoformat() if self.fecha else f'{self.anio}-{self.mes:02d}'}/taller"


def meses_con_visita(exp: Expediente) -> list[int]:
    return [m.mes for m in exp.protocolo.meses if m.dias_visita]


def _plan(exp: Expediente, dni_acompanante: str, mes: int) -> PlanMensual | None:
    return exp.indice("planes_mensuales").get(f"{dni_acompanante}/{mes:02d}")


def _meses(exp: Expediente, dni_acompanante: str) -> list[int]:
    """Los meses del protocolo y los que tienen plan mensual del AP, en orden."""
    con_plan = {p.mes for p in exp.planes_mensuales if p.dni_acompanante == dni_acompanante}
    return sorted(con_plan | {m.mes for m in exp.protocolo.meses})


def visitas(exp: Expediente) -> list[VisitaProgramada]:
    """Las visitas programadas de todos los AP, en orden de AP, fecha (las sin fecha al final de su mes) y docente."""
    con_visita = meses_con_visita(exp)
    ultima = con_visita[-1] if con_visita else 0
    resultado = []
    for ap in exp.acompanantes:
        docentes = exp.docentes_de(ap.dni)
        for m in _meses(exp, ap.dni):
            prot = exp.protocolo.mes(m)
            descripcion = prot.visita if prot and prot.dias_visita else "Visita en aula con asesoría personalizada"
            plan = _plan(exp, ap.dni, m)
            previstas: list[tuple[str, date | None, int, tuple[str, ...], str]]
            if plan is not None:
                previstas = [(v.dni_docente, v.fecha, v.dias, tuple(v.desempenos), v.proposito) for v in plan.visitas]
            elif prot and prot.dias_visita:
                previstas = [(d.dni, None, prot.dias_visita, (), "") for d in docentes]
            else:
                previstas = []
            resultado += [VisitaProgramada(ap.dni, dni, exp.anio, m, fecha, dias, desempenos, proposito, descripcion,
                                           primera=False, cierre=m == ultima,
                                           tipo=prot.tipo_visita if prot and prot.dias_visita else "asesoría")
                          for dni, fecha, dias, desempenos, proposito in previstas]
    resultado.sort(key=lambda v: (v.acompanante, v.mes, v.fecha or date.max, v.docente))
    vistos: set[str] = set()
    for i, v in enumerate(resultado):  # la primera visita programada de cada docente
        if v.docente not in vistos:
            vistos.add(v.docente)
            resultado[i] = replace(v, primera=True)
    return resultado


def gias(exp: Expediente) -> list[GIAProgramado]:
    """Los GIA programados de todos los AP (el de docentes antes que el de directores del mismo día)."""
    resultado = []
    for ap in exp.acompanantes:
        docentes = exp.docentes_de(ap.dni)
        for m in _meses(exp, ap.dni):
            plan, prot = _plan(exp, ap.dni, m), exp.protocolo.mes(m)
            if plan is not None:
                resultado += [GIAProgramado(ap.dni, g.tipo, exp.anio, m, g.fecha, g.horas, g.sede, tuple(g.participantes),
                                            tuple(g.desempenos), g.proposito) for g in plan.gias]
                continue
            if prot and prot.gia_docentes:
                resultado.append(GIAProgramado(ap.dni, "docentes", exp.anio, m, None, exp.protocolo.gia_docentes_horas_minimas,
                                               "", tuple(d.dni for d in docentes), (), ""))
            if prot and prot.gia_directores:
                resultado.append(GIAProgramado(ap.dni, "directores", exp.anio, m, None,
                                               exp.protocolo.gia_directores_horas_minimas, "",
                                               tuple(d.dni for d in docentes if d.es_director), (), ""))
    return sorted(resultado, key=lambda g: (g.acompanante, g.mes, g.fecha or date.max, g.tipo != "docentes"))


def talleres(exp: Expediente) -> list[TallerProgramado]:
    """Los talleres programados, uno por AP que lo tiene en su plan (o en el protocolo, sin plan del mes)."""
    resultado = []
    for ap in exp.acompanantes:
        docentes = tuple(d.dni for d in exp.docentes_de(ap.dni))
        if not docentes:
            continue
        for m in _meses(exp, ap.dni):
            plan, prot = _plan(exp, ap.dni, m), exp.protocolo.mes(m)
            if plan is not None:
                resultado += [TallerProgramado(ap.dni, t.nombre, exp.anio, m, t.fecha, t.dias, t.horas, t.sede, docentes,
                                               tuple(t.desempenos), t.proposito, t.materiales, t.compromisos)
                               for t in plan.talleres]
            elif prot and prot.taller:
                dias = max(1, round(exp.protocolo.talleres_horas / max(exp.protocolo.talleres_por_anio, 1) / 8))
                resultado.append(TallerProgramado(ap.dni, "Taller de actualización docente", exp.anio, m, None, dias,
                                                  exp.protocolo.talleres_horas / max(exp.protocolo.talleres_por_anio, 1),
                                                  "", docentes, (), "", "", ""))
    return sorted(resultado, key=lambda t: (t.acompanante, t.mes, t.fecha or date.max))


def mes_de_impresion(anio: int, mes: int) -> str:
    """El mes en que se preparan los instrumentos de una actividad: el anterior ("2026-05" para junio)."""
    return f"{date(anio, mes, 1) - timedelta(days=1):%Y-%m}"
