"""El trabajo de un proceso del lote: arma el contexto, renderiza, compara con lo que ya hay y escribe.

Cada proceso recibe el expediente una vez (`Trabajador`), enumera los documentos de cada formato una vez,
prepara cada plantilla una vez y luego procesa tandas de (formato, índice, ruta). Con `--procesos 1`
el mismo `Trabajador` corre dentro del proceso principal: el resultado es idéntico.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from formatos.documentos import Documento, Formato
from formatos.errores import ErrorFormatos, problemas_de
from formatos.lote.manifiesto import Entrada, escribir_atomico, sha256, sha256_archivo
from formatos.modelos.expediente import Expediente
from formatos.recursos import carpeta_plantillas
from formatos.registro import FORMATOS
from formatos.salida import preparar
from formatos.salida.borrador import marcar_borrador
from formatos.sistema import describir, detiene

Estado = Literal["generado", "sin cambios", "fallido"]


@dataclass(frozen=True)
class Resultado:
    formato: str
    ruta: Path | None
    registros: tuple[str, ...]
    estado: Estado
    mensaje: str = ""
    entrada: Entrada | None = None
    """La entrada del manifiesto del archivo (None si no hay archivo válido)."""
    detener: bool = False
    """No se pudo escribir y nada más se podrá (disco lleno, carpeta de solo lectura): el lote se detiene."""


@dataclass(frozen=True, slots=True)
class Tarea:
    """Un documento por hacer: el `indice`-ésimo de `formato.documentos(expediente)`, en `destino` (relativa a
    la carpeta de salida, con "/", como en el manifiesto: un texto pesa menos que un Path, y hay una por documento)."""

    formato: str
    indice: int
    destino: str
    borrador: bool = False
    """Si sale como borrador (su periodo no ha cerrado): BORRADOR en cada página."""


def plantilla_de(formato: Formato, plantillas: Path | None = None) -> Path:
    """La plantilla propia de la UGEL si existe en `plantillas`, si no la incluida en el paquete."""
    if plantillas is not None and (plantillas / formato.plantilla).exists():
        return plantillas / formato.plantilla
    return carpeta_plantillas() / formato.plantilla


def mensaje(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(str(p) for p in problemas_de(error))
    if isinstance(error, (ErrorFormatos, KeyError)):
        return str(error)
    return f"{type(error).__name__}: {error}"


class Trabajador:
    """Lo que un proceso necesita para hacer documentos, preparado una vez."""

    def __init__(self, expediente: Expediente, salida: Path, plantillas: Path | None, sobrescribir: bool,
                 anteriores: dict[str, Entrada], version: str) -> None:
        self.expediente, self.salida, self.plantillas = expediente, salida, plantillas
        self.sobrescribir, self.anteriores, self.version = sobrescribir, anteriores, version
        self._documentos: dict[str, tuple[int, Iterator[Documento]]] = {}
        self._plantillas: dict[str, tuple[Path, str, Callable[[dict], bytes] | Exception]] = {}

    def documento(self, formato: str, indice: int) -> Documento:
        """El `indice`-ésimo documento del formato. Las tareas llegan en orden: los documentos se recorren
        una vez, sin guardarlos (miles ocuparían decenas de MB); si una tarea llega antes, se empieza de nuevo."""
        siguiente, documentos = self._documentos.get(formato, (0, None))
        if documentos is None or indice < siguiente:
            siguiente, documentos = 0, iter(FORMATOS[formato].documentos(self.expediente))
        documento = next(islice(documentos, indice - siguiente, None))
        self._documentos[formato] = (indice + 1, documentos)
        return documento

    def _plantilla(self, formato: str):
        if formato not in self._plantillas:
            ruta = plantilla_de(FORMATOS[formato], self.plantillas)
            renderizador: Callable[[dict], bytes] | Exception
            try:
                renderizador = preparar(ruta)
                huella = sha256(ruta.read_bytes())
            except Exception as e:  # noqa: BLE001 - una plantilla mala falla sus documentos, no el lote
                renderizador, huella = ErrorFormatos(f"la plantilla {ruta.name} no se pudo preparar: {mensaje(e)}"), ""
            self._plantillas[formato] = (ruta, huella, renderizador)
        return self._plantillas[formato]

    def hacer(self, tareas: list[Tarea], parar: Callable[[], bool] = lambda: False) -> list[Resultado]:
        """Las tareas en orden; si `parar()` se vuelve cierto, las que quedan no se hacen (la lista es más corta)."""
        resultados = []
        for tarea in tareas:
            if parar():
                break
            resultados.append(self.hacer_uno(tarea))
        return resultados

    def hacer_uno(self, tarea: Tarea) -> Resultado:
        documento = self.documento(tarea.formato, tarea.indice)
        archivo = self.salida / tarea.destino

        def resultado(estado: Estado, texto: str = "", entrada: Entrada | None = None) -> Resultado:
            return Resultado(tarea.formato, archivo, documento.registros, estado, texto, entrada)

        try:
            plantilla, huella_plantilla, renderizador = self._plantilla(tarea.formato)
            if isinstance(renderizador, Exception):
                raise renderizador
            modelo = documento.contexto()
            entrada = Entrada(
                ruta=tarea.destino, tipo=plantilla.suffix.lstrip(".").lower(), formato=tarea.formato,
                registros=documento.registros, sha256="", sha256_datos=sha256(modelo.model_dump_json().encode()),
                plantilla=plantilla.name, sha256_plantilla=huella_plantilla, version=self.version,
                borrador=tarea.borrador,
            )
            anterior = self.anteriores.get(entrada.ruta)
            actual = sha256_archivo(archivo)
            if anterior and actual == anterior.sha256 and anterior == _con_huella(entrada, anterior.sha256):
                return resultado("sin cambios", entrada=anterior)  # mismos datos, plantilla y versión
            datos = renderizador(modelo.model_dump())
            if tarea.borrador:
                datos = marcar_borrador(datos, plantilla.suffix.lower(), motivo_borrador(documento))
        except Exception as e:  # noqa: BLE001 - un documento malo no detiene el lote
            return Resultado(tarea.formato, None, documento.registros, "fallido", mensaje(e))
        entrada = _con_huella(entrada, sha256(datos))
        if actual == entrada.sha256:
            return resultado("sin cambios", entrada=entrada)
        propio = anterior if anterior is not None and anterior.sha256 == actual else None  # lo escribió el lote
        if actual is not None and not self.sobrescribir and not (propio and propio.borrador):
            # un borrador del lote, intacto, se reemplaza; lo demás (un documento cerrado, o editado a mano) no,
            # y queda como estaba (con su entrada del manifiesto, si es la del lote)
            causa = ("sus datos cambiaron desde que se generó" if propio and propio.sha256_datos != entrada.sha256_datos
                     else "ya existe con otro contenido")
            return resultado("fallido", f"{archivo.name}: {causa}; use --sobrescribir para reemplazarlo", propio)
        try:
            escribir_atomico(archivo, datos)
        except OSError as e:
            return Resultado(tarea.formato, archivo, documento.registros, "fallido",
                             f"no se pudo escribir {archivo.name}: {describir(e)}", detener=detiene(e))
        return resultado("generado", entrada=entrada)


def motivo_borrador(documento: Documento) -> str:
    """Lo que sigue a BORRADOR en cada página: «periodo no cerrado (II trimestre de 2026): no firmar»."""
    return f"periodo no cerrado ({documento.periodo.nombre}): no firmar" if documento.periodo else "no firmar"


def _con_huella(entrada: Entrada, huella: str) -> Entrada:
    return Entrada(**{**entrada.__dict__, "sha256": huella})


# --- dentro de cada proceso de trabajo ----------------------------------------------------------------

_TRABAJADOR: Trabajador | None = None
_PARAR: Any = None


def iniciar_proceso(parar: Any, *argumentos) -> None:
    """Inicio de un proceso de trabajo. Ctrl+C lo atiende el proceso principal, que avisa con `parar` (un
    `multiprocessing.Event`): el proceso termina el documento que está haciendo y deja la tanda. Si el proceso
    principal muere de golpe (kill -9), este lo nota y termina solo (`_vigilar_padre`)."""
    global _TRABAJADOR, _PARAR
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _PARAR = parar
    threading.Thread(target=_vigilar_padre, args=(os.getppid(),), name="vigilar-al-padre", daemon=True).start()
    _TRABAJADOR = Trabajador(*argumentos)


def _vigilar_padre(ppid: int) -> None:
    """Termina este proceso cuando el principal ya no existe (su centinela se cierra o cambia el padre)."""
    padre = multiprocessing.parent_process()
    while True:
        if padre is not None:
            padre.join(timeout=1.0)
            vivo = padre.is_alive()
        else:
            time.sleep(1.0)
            vivo = True
        if not vivo or (os.name != "nt" and os.getppid() != ppid):
            os._exit(1)


def hacer_en_proceso(tareas: list[Tarea]) -> list[Resultado]:
    assert _TRABAJADOR is not None
    return _TRABAJADOR.hacer(tareas, _PARAR.is_set if _PARAR is not None else lambda: False)
