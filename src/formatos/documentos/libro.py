"""El contenido de un formato en Excel: hojas con tablas, columnas con formato y gráficos de barras.

El formato arma un `Libro` con sus datos; el renderizador .xlsx de `salida` lo dibuja (estilos de la
plantilla, tabla de Excel con filtros, colores de los niveles, gráficos nativos).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, model_validator

Valor = str | int | float | date | None


class Columna(BaseModel):
    titulo: str
    ancho: float = 14
    formato: Literal["texto", "entero", "numero", "porcentaje", "avance", "fecha", "nivel"] = "texto"
    """"nivel" colorea I..IV; "avance" es un porcentaje en verde si llega al 100 % y en rojo si no."""
    nivel: str | None = Field(None, description='Columna que cuenta un nivel ("I".."IV"): su título lleva el color del nivel')


class Grafico(BaseModel):
    """Gráfico de barras nativo de Excel con los datos de la tabla (índices de columna desde 0)."""

    titulo: str
    categorias: int
    series: list[int]
    apilado: bool = False
    horizontal: bool = False
    eje_valores: str = ""


class Tabla(BaseModel):
    titulo: str = ""
    columnas: list[Columna]
    filas: list[list[Valor]]
    filtro: bool = Field(True, description="Tabla de Excel con filtros y orden")
    graficos: list[Grafico] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ancho_de_filas(self):
        n = len(self.columnas)
        for i, fila in enumerate(self.filas):
            if len(fila) != n:
                raise ValueError(f"la fila {i + 1} tiene {len(fila)} valores y la tabla {n} columnas")
        titulos = [c.titulo for c in self.columnas]
        if self.filtro and len(set(titulos)) != len(titulos):
            raise ValueError("una tabla de Excel con filtros necesita títulos de columna distintos")
        for g in self.graficos:
            if not all(0 <= c < n for c in [g.categorias, *g.series]):
                raise ValueError(f"el gráfico «{g.titulo}» usa una columna que no existe")
        return self


class Hoja(BaseModel):
    nombre: str = Field(max_length=31)
    encabezado: list[str] = Field(default_factory=list, description="Líneas sobre las tablas (membrete, título)")
    tablas: list[Tabla]


class Libro(BaseModel):
    titulo: str
    hojas: list[Hoja] = Field(min_length=1)
