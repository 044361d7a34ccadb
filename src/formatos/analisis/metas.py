"""Metas físicas: lo ejecutado frente a lo programado en el protocolo (visitas, horas de GIA, talleres)."""

from __future__ import annotations

from dataclasses import dataclass

from formatos.analisis.periodos import Periodo
from formatos.catalogo import leer_datos
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


def _protocolo(exp: Expediente) -> dict:
    return leer_datos("protocolo.toml")


def _programado(exp: Expediente, periodo: Periodo) -> dict[str, float]:
    """Por periodo: visitas por docente, GIA de docentes y de directores, talleres, y sus horas mínimas."""
    p = _protocolo(exp)
    meses = [m for m in p["meses"] if m["mes"] in periodo.meses]
    return {
        "visitas": sum(p["visitas_por_mes"] for m in meses if m.get("dias_visita", 0) > 0),
        "gia_docentes": sum(1 for m in meses if m.get("gia_docentes")),
        "gia_docentes_horas": p["gia_docentes_horas_minimas"],
        "gia_directores": sum(1 for m in meses if m.get("gia_directores")),
        "gia_directores_horas": p["gia_directores_horas_minimas"],
        "talleres": sum(1 for m in meses if m.get("taller")),
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
