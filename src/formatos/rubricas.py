"""Las rúbricas de observación de los 8 desempeños priorizados: qué se observa y cada nivel, de `datos/rubricas.toml`.

El manual no trae los descriptores (ver el comentario de ese archivo): los de los desempeños del Minedu son un
resumen de sus rúbricas de observación de aula [externo]; los de la Diser (D1, D23, D4), redactados a partir del
manual [supuesto]. La UGEL los corrige en el archivo de datos.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from formatos.catalogo import NIVELES, catalogo, leer_datos


class Rubrica(BaseModel):
    model_config = ConfigDict(frozen=True)
    codigo: str
    marca: Literal["externo", "supuesto"]
    fuente: str = Field(min_length=1)
    aspectos: tuple[str, ...] = Field(min_length=1)
    niveles: dict[str, str]

    @field_validator("niveles")
    @classmethod
    def _cuatro(cls, v: dict[str, str]) -> dict[str, str]:
        if tuple(v) != NIVELES or not all(t.strip() for t in v.values()):
            raise ValueError(f"cada rúbrica describe los niveles {', '.join(NIVELES)}, en ese orden")
        return v


class Rubricas(BaseModel):
    model_config = ConfigDict(frozen=True)
    rubricas: tuple[Rubrica, ...]

    @field_validator("rubricas")
    @classmethod
    def _las_del_catalogo(cls, v: tuple[Rubrica, ...]) -> tuple[Rubrica, ...]:
        if sorted(r.codigo for r in v) != sorted(catalogo().codigos_docente):
            raise ValueError(f"rubricas.toml debe tener una rúbrica por desempeño docente: {', '.join(catalogo().codigos_docente)}")
        orden = catalogo().codigos_docente
        return tuple(sorted(v, key=lambda r: orden.index(r.codigo)))

    def de(self, codigo: str) -> Rubrica:
        return next(r for r in self.rubricas if r.codigo == codigo)


@cache
def rubricas() -> Rubricas:
    """Las rúbricas del paquete, en el orden de la matriz."""
    return Rubricas.model_validate(leer_datos("rubricas.toml"))
