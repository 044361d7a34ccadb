"""Los actores del acompañamiento: UGEL, acompañante, institución educativa, docente."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from formatos.modelos.base import Modelo, Registro
from formatos.modelos.tipos import CodigoModular, Dni, Texto, Ubigeo


class Persona(Registro):
    dni: Dni
    nombres: Texto
    apellidos: Texto

    @property
    def nombre_completo(self) -> str:
        return f"{self.nombres} {self.apellidos}"


class Firmante(Modelo):
    """Quien firma un documento de la UGEL (jefe de AGP, especialista, director de la UGEL)."""

    dni: Dni
    nombres: Texto
    apellidos: Texto
    cargo: Texto


class UGEL(Modelo):
    nombre: Texto = Field(description='Nombre como se escribe en el membrete, p. ej. "UGEL San Marcos"')
    dre: Texto = Field(description='Dirección o gerencia regional, p. ej. "Dirección Regional de Educación Cajamarca"')
    region: Texto
    sede: Texto = Field(description="Ciudad donde se firman los documentos (lugar de la fecha)")
    jefe_agp: Firmante | None = None
    siglas_informe: str = Field("", description='Sufijo de la numeración de informes, p. ej. "UGEL-SM/AGP"')


class Acompanante(Persona):
    """Acompañante pedagógico (AP): atiende a 8 docentes."""

    clave = "dni"
    telefono: str = ""
    correo: str = ""


class InstitucionEducativa(Registro):
    clave = "codigo_modular"
    codigo_modular: CodigoModular
    nombre: Texto = Field(description='Número o nombre de la I. E., p. ej. "N.° 82145"')
    tipo: Literal["unidocente", "polidocente multigrado"]
    centro_poblado: Texto
    distrito: Texto
    provincia: Texto
    region: Texto
    ubigeo: Ubigeo | None = None

    @field_validator("tipo", mode="before")
    @classmethod
    def _tipo(cls, v):
        return v.strip().lower() if isinstance(v, str) else v


class Docente(Persona):
    """Docente acompañado; si es además director de su I. E., se le acompaña en ambos roles."""

    clave = "dni"
    referencias = {"codigo_modular": "instituciones", "dni_acompanante": "acompanantes"}
    codigo_modular: CodigoModular
    dni_acompanante: Dni
    grados: list[int] = Field(min_length=1, description="Grados a cargo, de 1 a 6")
    condicion: Literal["nombrado", "contratado"]
    es_director: bool = False

    @field_validator("grados", mode="before")
    @classmethod
    def _grados(cls, v):
        if isinstance(v, str):  # "3, 4" o "3.° y 4.°" tal como se escribe en una hoja
            import re

            return [int(x) for x in re.findall(r"\d", v)]
        return v

    @field_validator("grados")
    @classmethod
    def _rango(cls, v: list[int]) -> list[int]:
        if any(g < 1 or g > 6 for g in v):
            raise ValueError("los grados de primaria van de 1 a 6")
        return sorted(set(v))

    @field_validator("condicion", mode="before")
    @classmethod
    def _condicion(cls, v):
        return v.strip().lower() if isinstance(v, str) else v
