"""Cifras de los consolidados: niveles por desempeño y mes, inicio frente a término, metas físicas por docente."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from formatos.catalogo import NIVELES, catalogo, leer_datos
from formatos.modelos.expediente import Expediente
from formatos.modelos.valoracion import ValoracionDocente


def fecha_valoracion(exp: Expediente, valoracion: ValoracionDocente) -> date:
    """La fecha de la matriz (por omisión, el último día de la visita)."""
    return valoracion.fecha or exp.visita(valoracion.id_visita).ultimo_dia


def valoraciones_de(exp: Expediente, dni: str) -> list[ValoracionDocente]:
    """Las valoraciones de un docente, en orden de fecha."""
    propias = [v for v in exp.valoraciones if exp.visita(v.id_visita).dni_docente == dni]
    return sorted(propias, key=lambda v: fecha_valoracion(exp, v))


def _conteo(niveles: list[str]) -> dict[str, int]:
    cuenta = Counter(niveles)
    return {n: cuenta[n] for n in NIVELES}


def niveles_por_mes(exp: Expediente, dnis: list[str]) -> dict[int, dict[str, dict[str, int]]]:
    """mes → desempeño → nivel → cuántos docentes (la última valoración de cada uno en el mes)."""
    ultimas: dict[int, dict[str, ValoracionDocente]] = {}
    for dni in dnis:
        for v in valoraciones_de(exp, dni):
            ultimas.setdefault(fecha_valoracion(exp, v).month, {})[dni] = v
    return {
        mes: {c: _conteo([next(d.nivel_alcanzado for d in v.desempenos if d.codigo == c) for v in por_docente.values()])
              for c in catalogo().codigos_docente}
        for mes, por_docente in sorted(ultimas.items())
    }


def inicio_y_termino(exp: Expediente, dnis: list[str]) -> dict[str, tuple[dict[str, int], dict[str, int]]]:
    """desempeño → (niveles al inicio, niveles al término): primera y última valoración de cada docente.

    Solo cuentan los docentes con al menos una valoración.
    """
    pares = [(vs[0], vs[-1]) for vs in (valoraciones_de(exp, d) for d in dnis) if vs]
    resultado = {}
    for c in catalogo().codigos_docente:
        nivel = lambda v: next(d.nivel_alcanzado for d in v.desempenos if d.codigo == c)  # noqa: E731
        resultado[c] = (_conteo([nivel(a) for a, _ in pares]), _conteo([nivel(b) for _, b in pares]))
    return resultado


@dataclass(frozen=True)
class Meta:
    """Una meta física del protocolo: lo programado en el año y lo ejecutado."""

    actividad: str
    unidad: str
    programado: float
    ejecutado: float

    @property
    def avance(self) -> float | None:
        return self.ejecutado / self.programado if self.programado else None


def metas_docente(exp: Expediente, dni: str) -> list[Meta]:
    """Metas del protocolo efectivo (datos/protocolo.toml) de un docente en el año, y lo ejecutado según el expediente."""
    p = leer_datos("protocolo.toml")
    docente = exp.docente(dni)
    meses_visita = [m for m in p["meses"] if m.get("dias_visita", 0) > 0]
    visitas = [v for v in exp.visitas if v.dni_docente == dni]
    horas_asesoria = p["horas_asesoria_director"] if docente.es_director else p["horas_asesoria"]
    gia = [g for g in exp.gias if g.tipo == "docentes" and dni in g.participantes]
    metas = [
        Meta("Visitas en aula", "visitas", len(meses_visita) * p["visitas_por_mes"], len(visitas)),
        Meta("Horas de observación", "horas", len(meses_visita) * p["horas_observacion"], sum(v.horas_observacion for v in visitas)),
        Meta("Horas de asesoría", "horas", len(meses_visita) * horas_asesoria, sum(v.horas_asesoria for v in visitas)),
        Meta("GIA con docentes", "asistencias", sum(1 for m in p["meses"] if m.get("gia_docentes")), len(gia)),
    ]
    if docente.es_director:
        directores = [g for g in exp.gias if g.tipo == "directores" and dni in g.participantes]
        metas.append(Meta("GIA con directores", "asistencias", sum(1 for m in p["meses"] if m.get("gia_directores")),
                          len(directores)))
    return metas
