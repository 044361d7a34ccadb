"""El manifiesto de una carpeta de salida: cada archivo con su origen y sus huellas SHA-256.

`manifiesto.json` (y su gemelo `manifiesto.csv`, para abrirlo en Excel) lista cada archivo de la
carpeta: tipo (docx, xlsx, pdf...), formato, registros de origen, SHA-256 del archivo y de sus datos de
entrada, plantilla (con su SHA-256) y versión del programa. Otro tipo de salida agrega sus entradas con
`Manifiesto.registrar`: las entradas de cada archivo se conservan entre ejecuciones mientras el archivo exista.
No lleva fechas: los mismos datos dan el mismo manifiesto.

Mientras el lote trabaja, cada archivo terminado se anota además en `.manifiesto-en-curso.jsonl` (una línea
por archivo, `Diario`): si el proceso muere de golpe (kill -9, un corte de luz) sin guardar el manifiesto, la
ejecución siguiente lee también esas líneas y reconoce lo ya hecho sin rehacerlo. Al guardar el manifiesto
completo, el diario se borra.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from itertools import chain
from pathlib import Path
from typing import Any

NOMBRE = "manifiesto.json"
NOMBRE_CSV = "manifiesto.csv"
NOMBRE_DIARIO = ".manifiesto-en-curso.jsonl"


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
        valores: dict[str, Any] = {k: (tuple(v) if k == "registros" else v) for k, v in datos.items() if k in nombres}
        return cls(**valores)


class Manifiesto:
    """Las entradas del manifiesto de `salida`, por ruta."""

    def __init__(self, salida: Path, entradas: dict[str, Entrada] | None = None) -> None:
        self.salida = salida
        self.entradas = entradas or {}
        self._comprobadas: set[str] = set()

    @classmethod
    def leer(cls, salida: Path) -> Manifiesto:
        """El manifiesto de una ejecución anterior (vacío si no hay o no se puede leer), más lo anotado en el
        diario de una ejecución que terminó de golpe."""
        try:
            datos = json.loads((salida / NOMBRE).read_text("utf-8"))
            entradas = {e.ruta: e for e in (Entrada.desde(e) for e in datos["archivos"])}
        except (OSError, ValueError, KeyError, TypeError):
            entradas = {}
        try:
            with (salida / NOMBRE_DIARIO).open(encoding="utf-8") as diario:
                for linea in diario:
                    try:
                        entrada = Entrada.desde(json.loads(linea))
                    except (ValueError, TypeError):
                        continue  # la última línea, cortada a medias
                    entradas[entrada.ruta] = entrada
        except OSError:
            pass
        return cls(salida, entradas)

    def diario(self) -> Diario:
        """El diario de esta ejecución (ver `Diario`), que empieza vacío."""
        return Diario(self.salida / NOMBRE_DIARIO)

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
        (self.salida / NOMBRE_DIARIO).unlink(missing_ok=True)  # lo anotado ya está en el manifiesto


class Diario:
    """Las entradas de los archivos que se van terminando, una línea JSON cada una, escritas a disco al menos
    cada `CADA` segundos: lo que se pierde si el proceso muere de golpe es como mucho ese último tramo.

    Si no se puede escribir (disco lleno), deja de anotar sin interrumpir el lote."""

    CADA = 0.5

    def __init__(self, ruta: Path) -> None:
        self.ruta = ruta
        self._pendientes: list[str] = []
        self._ultima = time.monotonic()
        self._archivo: io.TextIOWrapper | None = None
        try:
            self._archivo = ruta.open("a", encoding="utf-8")
        except OSError:
            pass

    def anotar(self, entrada: Entrada) -> None:
        if self._archivo is None:
            return
        self._pendientes.append(json.dumps({**entrada.__dict__, "registros": list(entrada.registros)},
                                           ensure_ascii=False) + "\n")
        if time.monotonic() - self._ultima >= self.CADA:
            self.escribir()

    def escribir(self) -> None:
        """Pasa a disco lo anotado (al sistema operativo: sobrevive a que el proceso muera)."""
        if self._archivo is None or not self._pendientes:
            return
        try:
            self._archivo.write("".join(self._pendientes))
            self._archivo.flush()
        except OSError:
            self.cerrar()
        self._pendientes.clear()
        self._ultima = time.monotonic()

    def cerrar(self) -> None:
        if self._archivo is not None:
            try:
                self._archivo.close()
            except OSError:
                pass
            self._archivo = None


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
