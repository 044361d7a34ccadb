"""El catálogo del manual (desempeños, niveles, nombres de año), leído de `datos/` y validado al importar."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

NIVELES = ("I", "II", "III", "IV")
"""Los cuatro niveles de las rúbricas, en orden: el número es fijo, la etiqueta no."""

TIPOS_VISITA = ("recojo de necesidades", "diagnóstica", "asesoría", "cierre")
"""Los tipos de visita en aula del protocolo (el dato `visitas[].tipo`)."""


Marco = Literal["MBDD", "MBDDI"]
MARCOS: dict[str, str] = {"MBDD": "del docente", "MBDDI": "del directivo"}
"""Los dos marcos de desempeños: del docente (Marco del Buen Desempeño Docente) y del docente en su rol de
director (Marco del Buen Desempeño Directivo). Sus códigos se repiten («D1» está en los dos): nunca se mezclan."""


class Desempeno(BaseModel):
    """Un desempeño priorizado, con la denominación que lleva en la matriz."""

    model_config = ConfigDict(frozen=True)
    codigo: str
    denominacion: str
    dominio: int
    competencia: int
    origen: Literal["Minedu", "Diser"]
    marco: Marco
    momento: Literal["visita", "fin_de_mes", "visitas_y_gia_directores"]
    evidencias: str

    @property
    def etiqueta(self) -> str:
        """ "D1 del directivo (MBDDI)": el código con su marco, para que no se confunda con el del otro."""
        return f"{self.codigo} {MARCOS[self.marco]} ({self.marco})"


class Catalogo(BaseModel):
    model_config = ConfigDict(frozen=True)
    decenio: str
    anios: dict[int, str]
    niveles: dict[str, str]
    visitas: dict[str, str]
    desempenos_docente: tuple[Desempeno, ...]
    desempenos_directivo: tuple[Desempeno, ...]

    @field_validator("niveles")
    @classmethod
    def _cuatro_niveles(cls, v: dict[str, str]) -> dict[str, str]:
        if tuple(v) != NIVELES:
            raise ValueError(f"los niveles deben ser {', '.join(NIVELES)} en ese orden")
        return v

    @field_validator("visitas")
    @classmethod
    def _tipos_visita(cls, v: dict[str, str]) -> dict[str, str]:
        if set(v) != set(TIPOS_VISITA):
            raise ValueError(f"[visitas] nombra cada tipo de visita: {', '.join(TIPOS_VISITA)}")
        return v

    @field_validator("desempenos_docente")
    @classmethod
    def _ocho(cls, v: tuple[Desempeno, ...]) -> tuple[Desempeno, ...]:
        if len(v) != 8 or len({d.codigo for d in v}) != 8:
            raise ValueError("deben ser 8 desempeños docentes con códigos distintos")
        if any(d.marco != "MBDD" for d in v):
            raise ValueError("los desempeños docentes son del MBDD (marco = \"MBDD\")")
        return v

    @field_validator("desempenos_directivo")
    @classmethod
    def _directivo(cls, v: tuple[Desempeno, ...]) -> tuple[Desempeno, ...]:
        if not v or len({d.codigo for d in v}) != len(v):
            raise ValueError("los desempeños del directivo llevan códigos distintos")
        if any(d.marco != "MBDDI" for d in v):
            raise ValueError("los desempeños del directivo son del MBDDI (marco = \"MBDDI\")")
        return v

    def desempeno_docente(self, codigo: str) -> Desempeno:
        return next(d for d in self.desempenos_docente if d.codigo == codigo)

    def desempeno_directivo(self, codigo: str) -> Desempeno:
        return next(d for d in self.desempenos_directivo if d.codigo == codigo)

    @property
    def codigos_docente(self) -> tuple[str, ...]:
        return tuple(d.codigo for d in self.desempenos_docente)

    @property
    def codigos_directivo(self) -> tuple[str, ...]:
        return tuple(d.codigo for d in self.desempenos_directivo)

    def nombre_anio(self, anio: int) -> str:
        return self.anios.get(anio, "")

    def nombre_visita(self, tipo: str) -> str:
        """ "asesoría" → "visita de asesoría" (para escribirlo en una frase)."""
        return self.visitas[tipo]


def leer_datos(nombre: str) -> dict:
    """Lee un archivo TOML de `formatos/datos/`."""
    return tomllib.loads(resources.files("formatos.datos").joinpath(nombre).read_text("utf-8"))


@cache
def catalogo() -> Catalogo:
    """El catálogo del paquete (una sola lectura por proceso)."""
    datos = leer_datos("catalogo.toml")
    datos["anios"] = {int(k): v for k, v in datos["anios"].items()}
    return Catalogo.model_validate(datos)


catalogo()
