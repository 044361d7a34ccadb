"""Metas: las físicas (visitas, horas de GIA, talleres) frente al protocolo y las trimestrales de los planes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from formatos.analisis.niveles import notas, ultimo_nivel
from formatos.analisis.periodos import Periodo
from formatos.catalogo import NIVELES
from formatos.modelos.expediente import Expediente


@dataclass(frozen=True)
class Meta:
    actividad: str
    unidad: str
    programado: float
    ejecutado: float

    @property
    def porcentaje(self) -> float | None:
        """Avance en %; None si no había nada programado."""
        return round(100 * self.ejecutado / self.programado, 1) if self.programado else None


def _programado(exp: Expediente, periodo: Periodo) -> dict[str, float]:
    """Lo que el protocolo del expediente fija en el periodo: visitas por docente, GIA, talleres y horas mínimas."""
    p = exp.protocolo
    meses = [m for m in p.meses if m.mes in periodo.meses]
    return {
        "visitas": sum(p.visitas_por_mes for m in meses if m.dias_visita > 0),
        "gia_docentes": sum(m.gia_docentes for m in meses),
        "gia_docentes_horas": p.gia_docentes_horas_minimas,
        "gia_directores": sum(m.gia_directores for m in meses),
        "gia_directores_horas": p.gia_directores_horas_minimas,
        "talleres": sum(m.taller for m in meses),
    }


def metas_docente(exp: Expediente, dni: str, periodo: Periodo) -> list[Meta]:
    """Visitas recibidas, horas de GIA y talleres a los que asistió un docente."""
    prog = _programado(exp, periodo)
    visitas = sum(1 for v in exp.visitas if v.dni_docente == dni and periodo.contiene(v.fecha))
    gias = [g for g in exp.gias if g.tipo == "docentes" and dni in g.participantes and periodo.contiene(g.fecha)]
    talleres = sum(1 for t in exp.talleres if dni in t.asistentes and periodo.contiene(t.fecha_inicio))
    metas = [
        Meta("Visitas en aula con asesoría personalizada", "visitas", prog["visitas"], visitas),
        Meta("GIA con docentes", "horas", prog["gia_docentes"] * prog["gia_docentes_horas"], sum(g.horas for g in gias)),
        Meta("Talleres de actualización docente", "talleres", prog["talleres"], talleres),
    ]
    if exp.docente(dni).es_director:
        dirs = [g for g in exp.gias if g.tipo == "directores" and dni in g.participantes and periodo.contiene(g.fecha)]
        metas.append(Meta("GIA con directores", "horas", prog["gia_directores"] * prog["gia_directores_horas"],
                          sum(g.horas for g in dirs)))
    return metas


def metas_acompanante(exp: Expediente, dni_acompanante: str, periodo: Periodo) -> list[Meta]:
    """Las metas de un AP: visitas a sus docentes, GIA que condujo (número y horas), asistencias a talleres."""
    return _metas(exp, [d.dni for d in exp.docentes_de(dni_acompanante)], periodo, {dni_acompanante})


def metas_ugel(exp: Expediente, periodo: Periodo) -> list[Meta]:
    return _metas(exp, [d.dni for d in exp.docentes], periodo, {a.dni for a in exp.acompanantes})


def _metas(exp: Expediente, dnis: list[str], periodo: Periodo, aps: set[str]) -> list[Meta]:
    prog = _programado(exp, periodo)
    con_directores = sum(1 for a in aps if any(d.es_director for d in exp.docentes_de(a)))
    visitas = sum(1 for v in exp.visitas if v.dni_docente in dnis and periodo.contiene(v.fecha))
    gias = [g for g in exp.gias if g.dni_acompanante in aps and periodo.contiene(g.fecha)]
    docentes = [g for g in gias if g.tipo == "docentes"]
    directores = [g for g in gias if g.tipo == "directores"]
    asistencias = sum(1 for t in exp.talleres if periodo.contiene(t.fecha_inicio) for d in t.asistentes if d in dnis)
    n = len(aps)
    return [
        Meta("Visitas en aula con asesoría personalizada", "visitas", prog["visitas"] * len(dnis), visitas),
        Meta("GIA con docentes", "reuniones", prog["gia_docentes"] * n, len(docentes)),
        Meta("Horas de GIA con docentes", "horas", prog["gia_docentes"] * prog["gia_docentes_horas"] * n,
             sum(g.horas for g in docentes)),
        Meta("GIA con directores", "reuniones", prog["gia_directores"] * con_directores, len(directores)),
        Meta("Horas de GIA con directores", "horas",
             prog["gia_directores"] * prog["gia_directores_horas"] * con_directores, sum(g.horas for g in directores)),
        Meta("Asistencia de docentes a talleres", "docentes", prog["talleres"] * len(dnis), asistencias),
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
