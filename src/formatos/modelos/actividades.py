"""Las actividades del protocolo: visitas en aula y grupos de interaprendizaje (GIA)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, field_validator, model_validator

from formatos.modelos.base import Registro
from formatos.modelos.tipos import Dni, Fecha, Texto

TipoVisita = Literal["recojo de necesidades", "diagnóstica", "asesoría", "cierre"]
"""Los de `catalogo.TIPOS_VISITA` (el catálogo da su nombre en una frase: "visita de asesoría")."""


class Visita(Registro):
    """Visita en aula a un docente (1 o 2 días)."""

    clave = "id"
    referencias = {"dni_docente": "docentes"}
    id: Texto
    dni_docente: Dni
    tipo: TipoVisita
    fecha: Fecha = Field(description="Primer día de la visita")
    dias: Literal[1, 2] = 1
    fecha_segundo_dia: Fecha | None = Field(None, description="Obligatoria en la visita de 2 días")
    area_curricular: Texto
    proposito_sesion: Texto = Field(description="Propósito de la sesión observada")
    horas_observacion: float = Field(2, ge=0)
    horas_preparacion: float = Field(2, ge=0)
    horas_asesoria: float = Field(2, ge=0)

    @field_validator("tipo", mode="before")
    @classmethod
    def _tipo(cls, v):
        if isinstance(v, str):
            v = v.strip().lower()
            return {"diagnostica": "diagnóstica", "asesoria": "asesoría"}.get(v, v)
        return v

    @model_validator(mode="after")
    def _dias(self):
        if self.dias == 2 and self.fecha_segundo_dia is None:
            raise ValueError("la visita de 2 días necesita fecha_segundo_dia")
        if self.dias == 1 and self.fecha_segundo_dia is not None:
            raise ValueError("fecha_segundo_dia solo va en la visita de 2 días")
        if self.fecha_segundo_dia is not None and not (0 < (self.fecha_segundo_dia - self.fecha).days <= 7):
            raise ValueError("fecha_segundo_dia debe caer en la semana siguiente al primer día")
        return self

    @property
    def ultimo_dia(self) -> date:
        """En la visita de 2 días se valora con el registro del último día (manual 2.2.1.5)."""
        return self.fecha_segundo_dia or self.fecha


class GIA(Registro):
    """Grupo de interaprendizaje con docentes o con directores."""

    clave = "id"
    referencias = {"dni_acompanante": "acompanantes", "participantes": "docentes"}
    id: Texto
    tipo: Literal["docentes", "directores"]
    dni_acompanante: Dni
    fecha: Fecha
    horas: float = Field(gt=0)
    tema: Texto
    participantes: list[Dni] = Field(default_factory=list, description="DNI de los docentes o directores asistentes")
