"""Los formatos: cada módulo de este paquete define el esquema de un documento y cómo sale del expediente."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from pydantic import BaseModel

from formatos.modelos.expediente import Expediente


@dataclass(frozen=True)
class Documento:
    """Un documento por generar: su ruta (desde los datos), los registros de origen y cómo armar su contexto.

    `contexto` se llama dentro del lote: si falla, falla solo este documento.
    """

    ruta: PurePosixPath
    registros: tuple[str, ...]
    contexto: Callable[[], BaseModel]


@dataclass(frozen=True)
class Formato:
    """Un formato del manual: identificador, título, plantilla, esquema y los documentos que produce."""

    identificador: str
    titulo: str
    plantilla: str
    esquema: type[BaseModel]
    documentos: Callable[[Expediente], Iterable[Documento]]
    descripcion: str = ""

    @property
    def extension(self) -> str:
        return PurePosixPath(self.plantilla).suffix
