"""El protocolo efectivo: metas físicas mínimas y cronograma anual de visitas, GIA y talleres (dato, no código).

Cada UGEL fija el suyo en el expediente (campo `protocolo`); por omisión es el ejemplo del manual
(`datos/protocolo.toml`). Los planes se contrastan con él en `formatos.analisis.protocolo`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from formatos.catalogo import leer_datos
from formatos.modelos.actividades import TipoVisita
from formatos.modelos.base import Modelo
from formatos.modelos.tipos import MAXIMO_HORAS_TALLER, Mes, MesDelAnio

MESES_ACOMPANAMIENTO = range(4, 13)
"""Meses del acompañamiento: de abril a diciembre, como el cronograma del manual."""


class MesProtocolo(Modelo):
    """Una columna del cronograma anual: qué actividades tocan ese mes."""

    mes: Mes = Field(ge=4, le=12, description="Número del mes (4 = abril … 12 = diciembre)")
    visita: str = Field("", description="Qué visita toca (vacío si no hay visita ese mes)")
    dias_visita: Literal[0, 1, 2] = 0
    tipo_visita: TipoVisita = Field("asesoría", description="Tipo de la visita del mes: la de recojo de necesidades "
                                                            "no cuenta en las horas de observación y asesoría")
    gia_docentes: bool = False
    gia_directores: bool = False
    taller: bool = False

    @model_validator(mode="after")
    def _visita(self):
        if self.dias_visita and not self.visita:
            raise ValueError(f"el mes {self.mes} tiene visita de {self.dias_visita} día(s): describa la visita")
        return self


class Protocolo(Modelo):
    """Metas físicas mínimas del acompañamiento y su cronograma de abril a diciembre."""

    visitas_por_mes: int = Field(1, ge=0, le=31, description="Visitas en aula por docente en cada mes con visita")
    horas_observacion: float = Field(2, ge=0, le=24)
    horas_preparacion: float = Field(2, ge=0, le=24, description="Preparación del diálogo reflexivo")
    horas_asesoria: float = Field(2, ge=0, le=24)
    horas_asesoria_director: float = Field(3, ge=0, le=24, description="Asesoría cuando el docente es también director")
    gia_docentes_horas_minimas: float = Field(4, ge=0, le=24)
    gia_directores_horas_minimas: float = Field(2, ge=0, le=24)
    talleres_por_anio: int = Field(2, ge=0, le=12)
    talleres_horas: float = Field(96, ge=0, le=12 * MAXIMO_HORAS_TALLER,
                                  description="Horas cronológicas de los talleres del año (los dos juntos)")
    trimestres: dict[int, list[MesDelAnio]] = Field(description="Trimestre (1 a 4) → meses que lo forman")
    meses: list[MesProtocolo] = Field(description="El cronograma, un elemento por mes")

    @field_validator("trimestres")
    @classmethod
    def _trimestres(cls, v: dict[int, list[int]]) -> dict[int, list[int]]:
        if not v or any(t not in (1, 2, 3, 4) for t in v):
            raise ValueError("los trimestres se numeran del 1 al 4")
        meses = [m for lista in v.values() for m in lista]
        if len(meses) != len(set(meses)) or any(m not in MESES_ACOMPANAMIENTO for m in meses):
            raise ValueError("cada mes (de abril a diciembre) pertenece a un solo trimestre")
        return dict(sorted(v.items()))

    @field_validator("meses")
    @classmethod
    def _meses(cls, v: list[MesProtocolo]) -> list[MesProtocolo]:
        numeros = [m.mes for m in v]
        if len(numeros) != len(set(numeros)):
            raise ValueError("cada mes figura una sola vez en el cronograma")
        return sorted(v, key=lambda m: m.mes)

    def mes(self, numero: int) -> MesProtocolo | None:
        """Lo que el cronograma fija para un mes (None si el mes no figura)."""
        return next((m for m in self.meses if m.mes == numero), None)

    def trimestre(self, mes: int) -> int | None:
        """El trimestre al que pertenece un mes (None si no pertenece a ninguno)."""
        return next((t for t, meses in self.trimestres.items() if mes in meses), None)

    def horas_asesoria_de(self, es_director: bool) -> float:
        return self.horas_asesoria_director if es_director else self.horas_asesoria

    def horas_visita_de(self, es_director: bool) -> float:
        """Horas mínimas de una visita con asesoría: observación, preparación del diálogo reflexivo y asesoría."""
        return self.horas_observacion + self.horas_preparacion + self.horas_asesoria_de(es_director)

    def mes_de_visita(self, tipo: str) -> MesProtocolo | None:
        """El primer mes del cronograma con una visita de ese tipo (p. ej. la diagnóstica)."""
        return next((m for m in self.meses if m.dias_visita and m.tipo_visita == tipo), None)


def protocolo_por_defecto() -> Protocolo:
    """El protocolo del paquete: el cronograma de ejemplo del manual."""
    return Protocolo.model_validate(leer_datos("protocolo.toml"))
