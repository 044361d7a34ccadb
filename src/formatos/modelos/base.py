"""La clase base de todo registro del expediente: clave, referencias y reglas comunes."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class Modelo(BaseModel):
    """Modelo estricto: sin campos desconocidos, espacios sobrantes recortados."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_default=True)


class Registro(Modelo):
    """Un registro de una sección del expediente (una fila en Excel, un objeto en JSON).

    `clave` nombra el campo que lo identifica (único en su sección); `referencias` dice a qué
    sección apunta cada campo que guarda la clave de otro registro.
    """

    clave: ClassVar[str | None] = None
    referencias: ClassVar[dict[str, str]] = {}

    def identificador(self) -> str:
        return str(getattr(self, self.clave)) if self.clave else ""
