"""Las actividades del protocolo: visitas en aula y grupos de interaprendizaje (GIA)."""

from __future__ import annotations

from datetime import date, time
import re
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from formatos.modelos.base import Registro
from formatos.modelos.tipos import Clave, Dni, Fecha, Horas, Texto, TextoCorto

TipoVisita = Literal["recojo de necesidades", "diagnóstica", "asesoría", "cierre"]
"""Los de `catalogo.TIPOS_VISITA` (el catálogo da su nombre en una frase: "visita de asesoría")."""


class Visita(Registro):
    """Visita en aula a un docente (1 o 2 días)."""

    clave = "id"
    referencias = {"dni_docente": "docentes"}
    id: Clave
    dni_docente: Dni
    tipo: TipoVisita
    fecha: Fecha = Field(description="Primer día de la visita")
    dias: Literal[1, 2] = 1
    fecha_segundo_dia: Fecha | None = Field(None, description="Obligatoria en la visita de 2 días")
    area_curricular: TextoCorto
    proposito_sesion: Texto = Field(description="Propósito de la sesión observada")
    horas_observacion: Horas = 2
    horas_preparacion: Horas = 2
    horas_asesoria: Horas = 2

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
    id: Clave
    tipo: Literal["docentes", "directores"]
    dni_acompanante: Dni
    fecha: Fecha
    horas: Horas = Field(gt=0)
    hora_inicio: time | None = Field(None, description="Hora de inicio (hh:mm): el GIA con directores empieza al "
                                                       "terminar el GIA con docentes del mismo día")
    tema: TextoCorto
    participantes: list[Dni] = Field(default_factory=list, description="DNI de los docentes o directores asistentes")

    @field_validator("hora_inicio", mode="before")
    @classmethod
    def _hora(cls, v: Any) -> Any:
        """ "8:30", "08.30" o "14:00" como se escribe en una hoja; una celda de hora de Excel llega como hora o como
        fracción del día (0.354166… = 08:30)."""
        if isinstance(v, str) and re.fullmatch(r"\s*0?\.\d+\s*", v):
            v = float(v)
        if isinstance(v, float) and 0 <= v < 1:
            minutos = round(v * 24 * 60)
            return time(minutos // 60, minutos % 60)
        if isinstance(v, str) and v.strip():
            partes = re.fullmatch(r"\s*(\d{1,2})[:.h](\d{2})(?::\d{2})?\s*", v)
            if partes is None or int(partes[1]) > 23 or int(partes[2]) > 59:
                raise PydanticCustomError("hora", 'debe ser una hora (hh:mm, p. ej. "08:30"); se recibió "{v}"', {"v": v})
            return time(int(partes[1]), int(partes[2]))
        return v or None
