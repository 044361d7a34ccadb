"""Los actores del acompañamiento: UGEL, acompañante, institución educativa, docente."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from formatos.modelos.base import Modelo, Registro
from formatos.modelos.tipos import LARGO_CLAVE, CodigoModular, Dni, Grados, Nombre, TextoCorto, Ubigeo


class Persona(Registro):
    dni: Dni
    nombres: Nombre
    apellidos: Nombre

    @property
    def nombre_completo(self) -> str:
        return f"{self.nombres} {self.apellidos}"


class Firmante(Modelo):
    """Quien firma un documento de la UGEL (jefe de AGP, especialista, director de la UGEL)."""

    dni: Dni
    nombres: Nombre
    apellidos: Nombre
    cargo: TextoCorto


class UGEL(Modelo):
    nombre: Nombre = Field(description='Nombre como se escribe en el membrete, p. ej. "UGEL San Marcos"')
    dre: Nombre = Field(description='Dirección o gerencia regional, p. ej. "Dirección Regional de Educación Cajamarca"')
    region: Nombre
    sede: Nombre = Field(description="Ciudad donde se firman los documentos (lugar de la fecha)")
    jefe_agp: Firmante | None = None
    siglas_informe: str = Field("", max_length=LARGO_CLAVE, description='Sufijo de la numeración de informes, p. ej. "UGEL-SM/AGP"')


class Acompanante(Persona):
    """Acompañante pedagógico (AP): atiende a 8 docentes."""

    clave = "dni"
    telefono: str = Field("", max_length=LARGO_CLAVE)
    correo: str = Field("", max_length=LARGO_CLAVE)


class InstitucionEducativa(Registro):
    clave = "codigo_modular"
    codigo_modular: CodigoModular
    nombre: Nombre = Field(description='Número o nombre de la I. E., p. ej. "N.° 82145"')
    tipo: Literal["unidocente", "polidocente multigrado"]
    centro_poblado: Nombre
    distrito: Nombre
    provincia: Nombre
    region: Nombre
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
    grados: Grados = Field(description="Grados a cargo, de 1 a 6: «1, 2 y 3», «1-3» o «1.° a 3.°»")
    condicion: Literal["nombrado", "contratado"]
    es_director: bool = False

    @field_validator("condicion", mode="before")
    @classmethod
    def _condicion(cls, v):
        return v.strip().lower() if isinstance(v, str) else v
