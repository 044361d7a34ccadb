"""El manifiesto de una carpeta de salida: cada archivo con su origen y sus huellas SHA-256.

`manifiesto.json` (y su gemelo `manifiesto.csv`, para abrirlo en Excel) lista cada archivo de la
carpeta: tipo (docx, xlsx, pdf...), formato, registros de origen, SHA-256 del archivo y de sus datos de
entrada, plantilla (con su SHA-256) y versión del programa. Otro tipo de salida agrega sus entradas con
`Manifiesto.registrar`: las entradas de cada archivo se conservan entre ejecuciones mientras el archivo exista.
No lleva fechas: los mismos datos dan el mismo manifiesto.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from itertools import chain
from pathlib import Path

NOMBRE = "manifiesto.json"
NOMBRE_CSV = "manifiesto.csv"


def sha256(datos: bytes) -> str:
    return hashlib.sha256(datos).hexdigest()


def sha256_archivo(ruta: Path) -> str | None:
    """El SHA-256 de un archivo, o None si no existe."""
    try:
        return sha256(ruta.read_bytes())
    except FileNotFoundError:
        return None


def escribir_atomico(destino: Path, datos: bytes | bytearray | memoryview | Iterable[bytes]) -> None:
    """Escribe en un temporal y lo renombra: una interrupción nunca deja un archivo a medias.

    `datos` puede ir por partes: un archivo grande (el manifiesto de miles de documentos) no se arma entero en memoria.
    """
    temporal = destino.with_name(f"{PREFIJO_TEMPORAL}{os.getpid()}-{destino.name}")
    modo = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    try:
        try:
            fd = os.open(temporal, modo, 0o666)
        except FileNotFoundError:  # la carpeta aún no existe (crearla antes costaría una llamada por archivo)
            destino.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(temporal, modo, 0o666)
        try:
            for parte in [datos] if isinstance(datos, (bytes, bytearray, memoryview)) else datos:
                vista = memoryview(parte)
                while vista:
                    vista = vista[os.write(fd, vista):]
        finally:
            os.close(fd)
        os.replace(temporal, destino)
    except BaseException:
        temporal.unlink(missing_ok=True)
        raise


PREFIJO_TEMPORAL = ".tmp-formatos-"


def limpiar_temporales(salida: Path) -> None:
    """Borra los temporales que dejó un proceso terminado a la fuerza (nunca son documentos completos)."""
    for temporal in salida.rglob(PREFIJO_TEMPORAL + "*"):
        temporal.unlink(missing_ok=True)


@dataclass(frozen=True)
class Entrada:
    """Un archivo de la carpeta de salida. `ruta` es relativa a la carpeta, con "/"."""

    ruta: str
    tipo: str
    formato: str
    registros: tuple[str, ...]
    sha256: str
    sha256_datos: str
    plantilla: str = ""
    sha256_plantilla: str = ""
    version: str = ""
    origen: str = ""
    """Para un archivo hecho de otro (un PDF de un .docx): la ruta de ese otro."""
    borrador: bool = False
    """Si es un borrador (su periodo no había cerrado): otro lote lo reemplaza sin `sobrescribir` mientras
    el archivo siga siendo el que se escribió."""

    @classmethod
    def desde(cls, datos: dict) -> Entrada:
        nombres = {f.name for f in fields(cls)}
        return cls(**{k: (tuple(v) if k == "registros" else v) for k, v in datos.items() if k in nombres})


class Manifiesto:
    """Las entradas del manifiesto de `salida`, por ruta."""

    def __init__(self, salida: Path, entradas: dict[str, Entrada] | None = None) -> None:
        self.salida = salida
        self.entradas = entradas or {}
        self._comprobadas: set[str] = set()

    @classmethod
    def leer(cls, salida: Path) -> Manifiesto:
        """El manifiesto de una ejecución anterior (vacío si no hay o no se puede leer)."""
        try:
            datos = json.loads((salida / NOMBRE).read_text("utf-8"))
            entradas = [Entrada.desde(e) for e in datos["archivos"]]
        except (OSError, ValueError, KeyError, TypeError):
            return cls(salida)
        return cls(salida, {e.ruta: e for e in entradas})

    def ruta_relativa(self, ruta: Path) -> str:
        return ruta.resolve().relative_to(self.salida.resolve()).as_posix()

    def registrar(self, entrada: Entrada) -> None:
        """Agrega o reemplaza la entrada de un archivo que se acaba de escribir o comprobar."""
        self.entradas[entrada.ruta] = entrada
        self._comprobadas.add(entrada.ruta)

    def guardar(self) -> None:
        """Escribe manifiesto.json y manifiesto.csv (de forma atómica) con las entradas cuyos archivos existen."""
        vigentes = sorted((e for ruta, e in self.entradas.items()
                           if ruta in self._comprobadas or (self.salida / ruta).exists()), key=lambda e: e.ruta)
        self.entradas = {e.ruta: e for e in vigentes}
        escribir_atomico(self.salida / NOMBRE, _por_partes(_json(vigentes)))
        escribir_atomico(self.salida / NOMBRE_CSV, _por_partes(_csv(vigentes)))


def _json(entradas: list[Entrada]) -> Iterator[str]:
    """manifiesto.json, un archivo por línea."""
    yield '{"archivos": [\n'
    for i, e in enumerate(entradas):
        yield (",\n" if i else "") + json.dumps({**e.__dict__, "registros": list(e.registros)}, ensure_ascii=False)
    yield "\n]}\n"


def _csv(entradas: list[Entrada]) -> Iterator[str]:
    """manifiesto.csv, con BOM para que Excel lo abra en UTF-8."""
    tabla = io.StringIO()
    escritor = csv.writer(tabla, lineterminator="\r\n")
    filas = ([" ".join(v) if isinstance(v, tuple) else v for v in e.__dict__.values()] for e in entradas)
    yield "\ufeff"
    for fila in chain([[f.name for f in fields(Entrada)]], filas):
        escritor.writerow(fila)
        yield tabla.getvalue()
        tabla.seek(0)
        tabla.truncate()


def _por_partes(textos: Iterable[str], tamano: int = 2**20) -> Iterator[bytes]:
    """Los textos en UTF-8, en partes de ~1 MB: pocas escrituras, y nunca el archivo entero en memoria."""
    parte: list[str] = []
    largo = 0
    for texto in textos:
        parte.append(texto)
        largo += len(texto)
        if largo >= tamano:
            yield "".join(parte).encode("utf-8")
            parte, largo = [], 0
    yield "".join(parte).encode("utf-8")
