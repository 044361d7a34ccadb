"""Metas: las físicas (visitas y sus horas, GIA y sus horas, talleres) frente al protocolo y las trimestrales de los planes.

Una visita con menos horas que el mínimo cuenta como visita, pero no como visita con las horas mínimas; lo mismo
un GIA corto. Las horas se comparan en su propia fila (ejecutadas frente a programadas).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from formatos.analisis.niveles import notas, ultimo_nivel
from formatos.analisis.periodos import Periodo
from formatos.analisis.protocolo import cumple_horas, necesita_horas
from formatos.catalogo import NIVELES
from formatos.modelos.actividades import Visita
from formatos.modelos.expediente import Expediente
from formatos.modelos.protocolo import MesProtocolo


@dataclass(frozen=True)
class Meta:
    """Una meta física: lo que el protocolo programa en el periodo y lo ejecutado. `clave` la identifica
    ("visitas", "visitas_completas", "horas_visita", "gia_docentes_horas", …) para buscarla sin depender del orden."""

    actividad: str
    unidad: str
    programado: float
    ejecutado: float
    clave: str = ""

    @property
    def porcentaje(self) -> float | None:
        """Avance en %; None si no había nada programado."""
        return round(100 * self.ejecutado / self.programado, 1) if self.programado else None


def meta(metas: list[Meta], clave: str) -> Meta:
    """La meta con esa clave (KeyError si la lista no la tiene)."""
    for m in metas:
        if m.clave == clave:
            return m
    raise KeyError(clave)


def _meses(exp: Expediente, periodo: Periodo) -> list[MesProtocolo]:
    return [m for m in exp.protocolo.meses if m.mes in periodo.meses]


def _programado(exp: Expediente, periodo: Periodo) -> dict[str, float]:
    """Lo que el protocolo del expediente fija en el periodo: visitas por docente, GIA, talleres y horas mínimas."""
    p = exp.protocolo
    meses = _meses(exp, periodo)
    return {
        "visitas": sum(p.visitas_por_mes for m in meses if m.dias_visita > 0),
        "visitas_con_asesoria": sum(p.visitas_por_mes for m in meses if m.dias_visita > 0
                                    and m.tipo_visita != "recojo de necesidades"),
        "gia_docentes": sum(m.gia_docentes for m in meses),
        "gia_docentes_horas": p.gia_docentes_horas_minimas,
        "gia_directores": sum(m.gia_directores for m in meses),
        "gia_directores_horas": p.gia_directores_horas_minimas,
        "talleres": sum(m.taller for m in meses),
    }


def _horas(exp: Expediente, visitas: list[Visita], programadas: dict[str, float]) -> list[Meta]:
    """Horas de observación, preparación y asesoría: las programadas (por docente) frente a las ejecutadas."""
    con_asesoria = [v for v in visitas if necesita_horas(v)]
    return [
        Meta("Horas de observación", "horas", programadas["horas_observacion"],
             sum(v.horas_observacion for v in con_asesoria), "horas_observacion"),
        Meta("Horas de preparación del diálogo reflexivo", "horas", programadas["horas_preparacion"],
             sum(v.horas_preparacion for v in con_asesoria), "horas_preparacion"),
        Meta("Horas de asesoría (3 h si es director)", "horas", programadas["horas_asesoria"],
             sum(v.horas_asesoria for v in con_asesoria), "horas_asesoria"),
    ]


def _horas_programadas(exp: Expediente, dnis: list[str], visitas_con_asesoria: float) -> dict[str, float]:
    p = exp.protocolo
    directores = sum(exp.docente(d).es_director for d in dnis)
    return {
        "horas_observacion": visitas_con_asesoria * p.horas_observacion * len(dnis),
        "horas_preparacion": visitas_con_asesoria * p.horas_preparacion * len(dnis),
        "horas_asesoria": visitas_con_asesoria * (p.horas_asesoria * (len(dnis) - directores)
                                                  + p.horas_asesoria_director * directores),
    }


def _visitas(exp: Expediente, dnis: list[str], periodo: Periodo) -> list[Visita]:
    elegidos = set(dnis)
    return [v for v in exp.visitas if v.dni_docente in elegidos and periodo.contiene(v.fecha)]


def metas_docente(exp: Expediente, dni: str, periodo: Periodo) -> list[Meta]:
    """Visitas recibidas (todas y con las horas mínimas), horas de visita, de GIA y talleres a los que asistió."""
    prog = _programado(exp, periodo)
    visitas = _visitas(exp, [dni], periodo)
    gias = [g for g in exp.gias if g.tipo == "docentes" and dni in g.participantes and periodo.contiene(g.fecha)]
    talleres = sum(1 for t in exp.talleres if dni in t.asistentes and periodo.contiene(t.fecha_inicio))
    metas = [
        Meta("Visitas en aula con asesoría personalizada", "visitas", prog["visitas"], len(visitas), "visitas"),
        Meta("Visitas con las horas mínimas del protocolo", "visitas", prog["visitas_con_asesoria"],
             sum(cumple_horas(exp, v) for v in visitas), "visitas_completas"),
        Meta("Horas de visita (observación, preparación y asesoría)", "horas",
             sum(_horas_programadas(exp, [dni], prog["visitas_con_asesoria"]).values()),
             sum(m.ejecutado for m in _horas(exp, visitas, dict.fromkeys(("horas_observacion", "horas_preparacion",
                                                                           "horas_asesoria"), 0))), "horas_visita"),
        Meta("GIA con docentes", "horas", prog["gia_docentes"] * prog["gia_docentes_horas"], sum(g.horas for g in gias),
             "gia_docentes_horas"),
        Meta("Talleres de actualización docente", "talleres", prog["talleres"], talleres, "talleres"),
    ]
    if exp.docente(dni).es_director:
        dirs = [g for g in exp.gias if g.tipo == "directores" and dni in g.participantes and periodo.contiene(g.fecha)]
        metas.append(Meta("GIA con directores", "horas", prog["gia_directores"] * prog["gia_directores_horas"],
                          sum(g.horas for g in dirs), "gia_directores_horas"))
    return metas


def metas_acompanante(exp: Expediente, dni_acompanante: str, periodo: Periodo) -> list[Meta]:
    """Las metas de un AP: visitas a sus docentes y sus horas, GIA que condujo (número y horas), asistencias a talleres."""
    return _metas(exp, [d.dni for d in exp.docentes_de(dni_acompanante)], periodo, {dni_acompanante})


def metas_ugel(exp: Expediente, periodo: Periodo) -> list[Meta]:
    return _metas(exp, [d.dni for d in exp.docentes], periodo, {a.dni for a in exp.acompanantes})


def _metas(exp: Expediente, dnis: list[str], periodo: Periodo, aps: set[str]) -> list[Meta]:
    prog = _programado(exp, periodo)
    con_directores = sum(1 for a in aps if any(d.es_director for d in exp.docentes_de(a)))
    visitas = _visitas(exp, dnis, periodo)
    gias = [g for g in exp.gias if g.dni_acompanante in aps and periodo.contiene(g.fecha)]
    docentes = [g for g in gias if g.tipo == "docentes"]
    directores = [g for g in gias if g.tipo == "directores"]
    con_docentes = {(g.dni_acompanante, g.fecha) for g in docentes}
    asistencias = sum(1 for t in exp.talleres if periodo.contiene(t.fecha_inicio) for d in t.asistentes if d in dnis)
    n = len(aps)
    return [
        Meta("Visitas en aula con asesoría personalizada", "visitas", prog["visitas"] * len(dnis), len(visitas), "visitas"),
        Meta("Visitas con las horas mínimas del protocolo", "visitas", prog["visitas_con_asesoria"] * len(dnis),
             sum(cumple_horas(exp, v) for v in visitas), "visitas_completas"),
        *_horas(exp, visitas, _horas_programadas(exp, dnis, prog["visitas_con_asesoria"])),
        Meta("GIA con docentes", "reuniones", prog["gia_docentes"] * n, len(docentes), "gia_docentes"),
        Meta("GIA con docentes con las horas mínimas", "reuniones", prog["gia_docentes"] * n,
             sum(g.horas >= prog["gia_docentes_horas"] for g in docentes), "gia_docentes_completos"),
        Meta("Horas de GIA con docentes", "horas", prog["gia_docentes"] * prog["gia_docentes_horas"] * n,
             sum(g.horas for g in docentes), "gia_docentes_horas"),
        Meta("GIA con directores", "reuniones", prog["gia_directores"] * con_directores, len(directores), "gia_directores"),
        Meta("GIA con directores con sus horas, el mismo día", "reuniones",
             prog["gia_directores"] * con_directores,
             sum(g.horas >= prog["gia_directores_horas"] and (g.dni_acompanante, g.fecha) in con_docentes
                 for g in directores), "gia_directores_completos"),
        Meta("Horas de GIA con directores", "horas",
             prog["gia_directores"] * prog["gia_directores_horas"] * con_directores, sum(g.horas for g in directores),
             "gia_directores_horas"),
        Meta("Asistencia de docentes a talleres", "docentes", prog["talleres"] * len(dnis), asistencias, "talleres"),
    ]


# --- metas trimestrales de los planes ---------------------------------------------------------------
EstadoMeta = Literal["lograda", "no lograda", "sin valoración", "sin meta"]


@dataclass(frozen=True)
class AvanceMeta:
    """La meta de un desempeño del plan individual para un trimestre frente al nivel al término del periodo."""

    dni: str
    codigo: str
    meta: str | None
    alcanzado: str | None

    @property
    def estado(self) -> EstadoMeta:
        if self.meta is None:
            return "sin meta"
        if self.alcanzado is None:
            return "sin valoración"
        return "lograda" if NIVELES.index(self.alcanzado) >= NIVELES.index(self.meta) else "no lograda"


def avance_metas(exp: Expediente, dni: str, trimestre: int, periodo: Periodo) -> list[AvanceMeta]:
    """Cada desempeño del plan individual del docente (en su orden): meta del trimestre y último nivel del periodo.

    Sin plan individual, la lista es vacía.
    """
    plan = exp.indice("planes_individuales").get(dni)
    if plan is None:
        return []
    propias = notas(exp, dni)
    return [AvanceMeta(dni, d.codigo, d.meta(trimestre), ultimo_nivel(propias, d.codigo, periodo)) for d in plan.desempenos]


@dataclass(frozen=True)
class AvanceMetaUGEL:
    """Meta de la UGEL para un desempeño: % de docentes en `nivel` o más, frente a lo logrado en el periodo."""

    codigo: str
    nivel: str
    meta: int | None
    en_nivel: int
    valorados: int

    @property
    def logrado(self) -> float | None:
        return round(100 * self.en_nivel / self.valorados, 1) if self.valorados else None

    @property
    def estado(self) -> EstadoMeta:
        if self.meta is None:
            return "sin meta"
        if self.logrado is None:
            return "sin valoración"
        return "lograda" if self.logrado >= self.meta else "no lograda"


def avance_metas_ugel(exp: Expediente, trimestre: int, periodo: Periodo) -> list[AvanceMetaUGEL]:
    """Las metas trimestrales del plan anual de la UGEL (si lo hay), con la última valoración de cada docente."""
    if not exp.planes_anuales_ugel:
        return []
    todas = [notas(exp, d.dni) for d in exp.docentes]
    resultado = []
    for m in exp.planes_anuales_ugel[0].metas_trimestrales:
        niveles = [n for propias in todas if (n := ultimo_nivel(propias, m.codigo, periodo))]
        en_nivel = sum(NIVELES.index(n) >= NIVELES.index(m.nivel) for n in niveles)
        resultado.append(AvanceMetaUGEL(m.codigo, m.nivel, m.porcentajes.get(trimestre), en_nivel, len(niveles)))
    return resultado
