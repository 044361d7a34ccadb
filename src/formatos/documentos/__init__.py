"""Los formatos: cada módulo de este paquete define el esquema de un documento y cómo sale del expediente."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from pydantic import BaseModel

from formatos.modelos.expediente import Expediente


def ruta_de(*partes: str) -> PurePosixPath:
    """La ruta de un documento, un componente por parte aunque un dato traiga «/», «\\» o «..»: un apellido
    con barra no crea carpetas ni sale de la del formato. El lote sanea luego cada componente para Windows
    y macOS (`formatos.salida.nombres`). Úsela para toda `Documento.ruta` armada con datos."""
    return PurePosixPath(*(p.replace("/", "-").replace("\\", "-") if p.strip(" .") else "sin nombre" for p in partes))


@dataclass(frozen=True)
class Documento:
    """Un documento por generar: su ruta (desde los datos), los registros de origen y cómo armar su contexto.

    `contexto` se llama dentro del lote: si falla, falla solo este documento. `agrupacion` dice a quién
    y a qué mes pertenece (claves "acompanante", "mes" como "2026-05", "institucion", "docente"), para
    armar las carpetas de firmas.
    """

    ruta: PurePosixPath
    registros: tuple[str, ...]
    contexto: Callable[[], BaseModel]
    agrupacion: dict[str, str] = field(default_factory=dict)


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
