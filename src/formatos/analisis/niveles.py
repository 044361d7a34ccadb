"""Niveles de los docentes: distribución por desempeño, inicio y término de un periodo, tendencia.

Un docente sin valoración en un periodo se reporta "sin valoración", nunca como cero ni nivel I.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from formatos.analisis.periodos import Periodo
from formatos.catalogo import NIVELES, catalogo
from formatos.modelos.expediente import Expediente
from formatos.modelos.valoracion import ValoracionDirectivo, ValorDesempeno

Tendencia = Literal["sube", "se mantiene", "baja", "sin valoración"]
TENDENCIAS: tuple[Tendencia, ...] = ("sube", "se mantiene", "baja", "sin valoración")


@dataclass(frozen=True)
class Nota:
    """Una valoración de un docente: sus dos momentos (manual l. 2136-2141), tipo de visita y la fila de cada desempeño.

    `fecha` es la de los desempeños de la visita; `fecha_termino_mes`, la de D1 y D4 (al término del mes).
    """

    dni: str
    fecha: date
    tipo_visita: str
    filas: dict[str, ValorDesempeno]
    fecha_termino_mes: date | None = None

    def nivel(self, codigo: str) -> str:
        return self.filas[codigo].nivel_alcanzado

    def fecha_de(self, codigo: str) -> date:
        """Cuándo se valoró el desempeño: al concluir la visita, o al término del mes (D1 y D4)."""
        if self.fecha_termino_mes is not None and catalogo().desempeno_docente(codigo).momento == "fin_de_mes":
            return self.fecha_termino_mes
        return self.fecha


def notas(exp: Expediente, dni: str) -> list[Nota]:
    """Las valoraciones de un docente en orden de fecha (la de la visita: al concluirla)."""
    resultado = []
    for v in exp.valoraciones:
        visita = exp.visita(v.id_visita)
        if visita.dni_docente == dni:
            resultado.append(Nota(dni, v.fecha or visita.ultimo_dia, visita.tipo, {d.codigo: d for d in v.desempenos},
                                  exp.fecha_termino_mes(v)))
    return sorted(resultado, key=lambda n: n.fecha)


def notas_en(exp: Expediente, dni: str, periodo: Periodo) -> list[Nota]:
    """Las valoraciones cuya visita se valoró en el periodo."""
    return [n for n in notas(exp, dni) if periodo.contiene(n.fecha)]


def valoradas_en(propias: list[Nota], codigo: str, periodo: Periodo) -> list[Nota]:
    """Las valoraciones en que el desempeño se valoró dentro del periodo: D1 y D4 cuentan desde el término del
    mes (una matriz de junio no da su D1 a un periodo que acaba antes del cierre de junio)."""
    return [n for n in propias if periodo.contiene(n.fecha_de(codigo))]


def ultimo_nivel(propias: list[Nota], codigo: str, periodo: Periodo) -> str | None:
    elegidas = valoradas_en(propias, codigo, periodo)
    return elegidas[-1].nivel(codigo) if elegidas else None


def linea_base(exp: Expediente, dni: str) -> Nota | None:
    """La valoración de la visita diagnóstica (la primera, si hubiera más de una)."""
    return next((n for n in notas(exp, dni) if n.tipo_visita == "diagnóstica"), None)


@dataclass(frozen=True)
class Distribucion:
    """Cuántos docentes hay en cada nivel en un desempeño (última valoración de cada uno en el periodo)."""

    codigo: str
    conteo: dict[str, int]
    sin_valoracion: int

    @property
    def valorados(self) -> int:
        return sum(self.conteo.values())


def distribucion(exp: Expediente, dnis: Iterable[str], periodo: Periodo) -> list[Distribucion]:
    """Por desempeño, el último nivel de cada docente valorado en el periodo (D1 y D4, el del término del mes)."""
    todas = [notas(exp, d) for d in dnis]
    resultado = []
    for codigo in catalogo().codigos_docente:
        niveles = [ultimo_nivel(propias, codigo, periodo) for propias in todas]
        conteo = dict.fromkeys(NIVELES, 0)
        for n in niveles:
            if n is not None:
                conteo[n] += 1
        resultado.append(Distribucion(codigo, conteo, sum(n is None for n in niveles)))
    return resultado


def distribucion_base(exp: Expediente, dnis: Iterable[str]) -> list[Distribucion]:
    """Los niveles diagnosticados (la línea de base) por desempeño."""
    elegidas = [linea_base(exp, d) for d in dnis]
    sin = sum(n is None for n in elegidas)
    resultado = []
    for codigo in catalogo().codigos_docente:
        conteo = dict.fromkeys(NIVELES, 0)
        for nota in elegidas:
            if nota is not None:
                conteo[nota.nivel(codigo)] += 1
        resultado.append(Distribucion(codigo, conteo, sin))
    return resultado


@dataclass(frozen=True)
class Comparacion:
    """Nivel de un docente en un desempeño: línea de base, inicio y término del periodo, y la tendencia."""

    dni: str
    codigo: str
    linea_base: str | None
    inicio: str | None
    fin: str | None

    @property
    def pasos(self) -> int | None:
        """Niveles que subió (positivo) o bajó (negativo) del inicio al término; None sin valoración."""
        if self.inicio is None or self.fin is None:
            return None
        return NIVELES.index(self.fin) - NIVELES.index(self.inicio)

    @property
    def tendencia(self) -> Tendencia:
        if self.pasos is None:
            return "sin valoración"
        return "sube" if self.pasos > 0 else "baja" if self.pasos < 0 else "se mantiene"

    @property
    def tendencia_texto(self) -> str:
        """ "sube 2 niveles", "baja 1 nivel", "se mantiene", "sin valoración"."""
        if self.tendencia in ("se mantiene", "sin valoración"):
            return self.tendencia
        n = abs(self.pasos or 0)
        return f"{self.tendencia} {n} {'nivel' if n == 1 else 'niveles'}"


def comparar(exp: Expediente, dni: str, periodo: Periodo) -> list[Comparacion]:
    """Primera y última valoración del docente dentro del periodo, por desempeño (la diagnóstica como línea de base).

    D1 y D4 entran con su valoración al término del mes.
    """
    propias = notas(exp, dni)
    base = linea_base(exp, dni)
    resultado = []
    for codigo in catalogo().codigos_docente:
        elegidas = valoradas_en(propias, codigo, periodo)
        resultado.append(Comparacion(
            dni, codigo, base.nivel(codigo) if base else None,
            elegidas[0].nivel(codigo) if elegidas else None, elegidas[-1].nivel(codigo) if elegidas else None,
        ))
    return resultado


@dataclass(frozen=True)
class ResumenTendencia:
    """Por desempeño: cuántos docentes suben, se mantienen, bajan o no tienen valoración en el periodo."""

    codigo: str
    conteo: dict[str, int] = field(default_factory=dict)


def resumen_tendencias(comparaciones: Iterable[Comparacion]) -> list[ResumenTendencia]:
    por_codigo: dict[str, dict[str, int]] = {c: dict.fromkeys(TENDENCIAS, 0) for c in catalogo().codigos_docente}
    for c in comparaciones:
        por_codigo[c.codigo][c.tendencia] += 1
    return [ResumenTendencia(codigo, conteo) for codigo, conteo in por_codigo.items()]


def atendidos(nota: Nota) -> list[ValorDesempeno]:
    """Los desempeños atendidos en una valoración (los que llevan evidencias), en el orden del manual."""
    return [f for f in nota.filas.values() if f.atendido]


def valoraciones_directivo(exp: Expediente, dnis: Iterable[str], periodo: Periodo) -> list[ValoracionDirectivo]:
    """Las matrices de directivo del periodo (evidencias sin nivel), en orden de fecha."""
    dnis = set(dnis)
    elegidas = [v for v in exp.valoraciones_directivo if v.dni_director in dnis and periodo.contiene(exp.fecha_directivo(v))]
    return sorted(elegidas, key=lambda v: (exp.fecha_directivo(v), v.dni_director))
