"""Los formatos: cada módulo de este paquete define el esquema de un documento y cómo sale del expediente."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import PurePosixPath

from pydantic import BaseModel

from formatos.analisis.periodos import Periodo
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

    `periodo` es el periodo del que da cuenta (mes, trimestre, año, diagnóstico, taller: ver
    `formatos.analisis.periodos`). Un documento con periodo solo se genera cuando `cerrado` (el periodo
    cerró con los datos del expediente: `formatos.analisis.periodos.cerrado`), salvo que se pidan
    borradores. `mes` ("2026-06") es el mes al que pertenece para `generar --mes`; si no se da, sale
    del periodo (ver `mes_del_lote`) o de `agrupacion`.
    """

    ruta: PurePosixPath
    registros: tuple[str, ...]
    contexto: Callable[[], BaseModel]
    agrupacion: dict[str, str] = field(default_factory=dict)
    periodo: Periodo | None = None
    cerrado: bool = True
    mes: str | None = None


@dataclass(frozen=True)
class Formato:
    """Un formato del manual: identificador, título, plantilla, esquema y los documentos que produce.

    `preparatorio`: sus documentos se preparan antes de la actividad (instrumentos de campo que se
    imprimen para la visita, el GIA o el taller): pertenecen al mes anterior al inicio de su periodo
    y se generan siempre, sin esperar a que ese periodo cierre.
    """

    identificador: str
    titulo: str
    plantilla: str
    esquema: type[BaseModel]
    documentos: Callable[[Expediente], Iterable[Documento]]
    descripcion: str = ""
    preparatorio: bool = False

    @property
    def extension(self) -> str:
        return PurePosixPath(self.plantilla).suffix

    def mes_del_lote(self, documento: Documento) -> str | None:
        """El mes ("2026-06") en que `generar --mes` produce el documento: el dado en `documento.mes`; si no,
        el de cierre de su periodo (el mes anterior a su inicio, si el formato es preparatorio); si no tiene
        periodo, el de `agrupacion`. None: no es de ningún mes."""
        if documento.mes:
            return documento.mes
        if documento.periodo is not None:
            if self.preparatorio:
                return f"{documento.periodo.inicio.replace(day=1) - timedelta(days=1):%Y-%m}"
            return f"{documento.periodo.cierre:%Y-%m}"
        return documento.agrupacion.get("mes")

    def espera_cierre(self, documento: Documento) -> bool:
        """Si el documento no se genera (salvo como borrador) porque su periodo sigue abierto."""
        return not self.preparatorio and documento.periodo is not None and not documento.cerrado

