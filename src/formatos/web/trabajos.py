"""Los trabajos de la página: cada subida y cada generación en su propia carpeta temporal privada.

Todo vive bajo una carpeta creada con `tempfile.mkdtemp` (solo la lee el usuario que inició el servidor)
y se borra al parar el servidor, o antes si el trabajo pasa `caducidad` segundos sin usarse. El nombre que
el usuario dio a su archivo solo se muestra: en el disco el libro se llama `entrada.xlsx` o `entrada.json`.
Cada generación escribe en su carpeta; lo que se ofrece para descargar (los documentos y el .zip) existe
solo cuando la generación terminó: una cancelada o fallida se borra entera.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Literal

import formatos
from formatos.errores import ErrorFormatos, Problema
from formatos.lote import Resumen
from formatos.lote.trabajo import Resultado
from formatos.modelos.expediente import Carga

EXTENSIONES = (".xlsx", ".xlsm", ".json")
"""Lo que se puede subir: el libro de captura (o uno con macros guardado desde él) o un expediente JSON."""

Estado = Literal["en espera", "generando", "convirtiendo", "empaquetando", "terminado", "cancelado", "fallido"]
FINALES = ("terminado", "cancelado", "fallido")


class Cancelado(Exception):
    """El usuario canceló la generación (o se detuvo el servidor)."""


@dataclass(frozen=True)
class Opciones:
    """Lo que el usuario eligió en el formulario de generar (todo ya validado)."""

    formatos: tuple[str, ...]
    acompanantes: tuple[str, ...] | None = None
    """DNI de los AP elegidos; None si son todos (entonces salen también los documentos de la UGEL)."""
    pdf: bool = False
    carpetas: bool = False
    kit: bool = False
    """El kit del mes de cada AP (necesita `mes`), como `formatos generar --kit`."""
    mes: str | None = None
    """Solo lo de ese mes ("2026-06"), como `formatos generar --mes`."""
    periodo: str | None = None
    """Solo los informes de ese periodo ("T2", "anual", "diagnóstico"), como `--periodo`."""
    borradores: bool = False
    corte: date | None = None


@dataclass
class Generacion:
    """Una ejecución de `formatos.generar` sobre una subida, en un hilo, con su avance."""

    id: str
    carpeta: Path
    opciones: Opciones
    estado: Estado = "en espera"
    total: int = 0
    hechos: int = 0
    formato_actual: str = ""
    """El formato del último documento hecho (para decir en qué va el avance)."""
    mensaje: str = ""
    resumen: Resumen | None = None
    cancelar: threading.Event = field(default_factory=threading.Event)

    @property
    def salida(self) -> Path:
        return self.carpeta / "documentos"

    @property
    def zip(self) -> Path:
        return self.carpeta / "documentos.zip"

    @property
    def terminada(self) -> bool:
        return self.estado in FINALES

    def archivos(self) -> list[Resultado]:
        """Los archivos que se ofrecen: los del resumen que existen, solo si la generación terminó bien."""
        if self.estado != "terminado" or self.resumen is None:
            return []
        return [r for r in self.resumen.resultados if r.estado != "fallido" and r.ruta is not None]

    def reporte(self) -> str:
        if self.estado != "terminado" or self.resumen is None or self.resumen.reporte_errores is None:
            return ""
        return self.resumen.reporte_errores.read_text("utf-8")


@dataclass
class Subida:
    """Un archivo subido (o el ejemplo), ya validado con `formatos.cargar`, y sus generaciones."""

    id: str
    sesion: str
    carpeta: Path
    nombre: str
    """El nombre que el usuario dio al archivo: solo se muestra, nunca se usa como ruta."""
    carga: Carga
    usada: float = field(default_factory=time.monotonic)
    generaciones: dict[str, Generacion] = field(default_factory=dict)

    @property
    def es_json(self) -> bool:
        return self.nombre.lower().endswith(".json")


class Almacen:
    """Las subidas de todas las sesiones, en una carpeta temporal privada que se borra al cerrar."""

    def __init__(self, caducidad: float, simultaneas: int = 2, carpeta_red: bool = False) -> None:
        self.raiz = Path(tempfile.mkdtemp(prefix="formatos-web-"))
        self.caducidad = caducidad
        self.solo_imagenes_propias = carpeta_red
        self._subidas: dict[str, Subida] = {}
        self._cerrojo = threading.Lock()
        self._hilos = ThreadPoolExecutor(simultaneas, thread_name_prefix="formatos-generar")

    # --- subidas ---
    def subir(self, sesion: str, nombre: str, datos: bytes, extension: str,
              adjuntos: dict[str, bytes] | None = None) -> Subida:
        """Guarda el archivo como `entrada<extension>` (y los `adjuntos` con sus nombres fijos) y lo valida."""
        if extension not in EXTENSIONES:
            raise ValueError(extension)
        identificador = secrets.token_urlsafe(12)
        carpeta = self.raiz / identificador
        carpeta.mkdir(mode=0o700)
        entrada = carpeta / f"entrada{extension}"
        entrada.write_bytes(datos)
        for nombre_fijo, contenido in (adjuntos or {}).items():
            (carpeta / nombre_fijo).write_bytes(contenido)
        carga = _con_su_nombre(formatos.cargar(entrada), entrada.name, nombre)
        if self.solo_imagenes_propias:
            _sin_imagenes_ajenas(carga, carpeta)
        subida = Subida(identificador, sesion, carpeta, nombre, carga)
        with self._cerrojo:
            self._subidas[identificador] = subida
        return subida

    def subida(self, identificador: str, sesion: str) -> Subida | None:
        """La subida, solo para la sesión que la hizo (otra sesión no la ve aunque sepa su identificador)."""
        with self._cerrojo:
            subida = self._subidas.get(identificador)
        if subida is None or not secrets.compare_digest(subida.sesion, sesion):
            return None
        subida.usada = time.monotonic()
        return subida

    def de_la_sesion(self, sesion: str) -> list[Subida]:
        with self._cerrojo:
            return [s for s in self._subidas.values() if s.sesion == sesion]

    # --- generaciones ---
    def generar(self, subida: Subida, opciones: Opciones) -> Generacion:
        """Empieza una generación en segundo plano (hasta `simultaneas` a la vez; las demás esperan)."""
        identificador = secrets.token_urlsafe(12)
        carpeta = subida.carpeta / f"generacion-{identificador}"
        carpeta.mkdir(mode=0o700)
        generacion = Generacion(identificador, carpeta, opciones)
        subida.generaciones[identificador] = generacion
        self._hilos.submit(_ejecutar, subida.carga, generacion)
        return generacion

    # --- limpieza ---
    def limpiar_caducadas(self) -> None:
        """Borra las subidas sin usar desde hace más de `caducidad` segundos (y sin generación en curso)."""
        limite = time.monotonic() - self.caducidad
        with self._cerrojo:
            viejas = [s for s in self._subidas.values()
                      if s.usada < limite and all(g.terminada for g in s.generaciones.values())]
            for s in viejas:
                del self._subidas[s.id]
        for s in viejas:
            shutil.rmtree(s.carpeta, ignore_errors=True)

    def cerrar(self, espera: float = 10.0) -> None:
        """Cancela lo que esté en curso, espera un poco a que se detenga y borra toda la carpeta temporal."""
        with self._cerrojo:
            generaciones = [g for s in self._subidas.values() for g in s.generaciones.values()]
            self._subidas.clear()
        for g in generaciones:
            g.cancelar.set()
        self._hilos.shutdown(wait=False, cancel_futures=True)
        final = time.monotonic() + espera
        while any(g.estado not in FINALES and g.estado != "en espera" for g in generaciones) \
                and time.monotonic() < final:
            time.sleep(0.05)
        shutil.rmtree(self.raiz, ignore_errors=True)


def _con_su_nombre(carga: Carga, interno: str, nombre: str) -> Carga:
    """Los mensajes que citan el archivo («entrada.xlsx: no es un libro…») con el nombre que le dio el usuario."""
    carga.problemas[:] = [replace(p, mensaje=nombre + p.mensaje[len(interno):])
                          if p.mensaje.startswith(interno + ":") else p for p in carga.problemas]
    return carga


def _sin_imagenes_ajenas(carga: Carga, carpeta: Path) -> None:
    """En la red, un croquis fuera de la carpeta del trabajo sería un archivo del equipo servidor: no se usa."""
    if carga.expediente is None:
        return
    for plan in carga.expediente.planes_anuales_ap:
        if plan.croquis is not None and not Path(plan.croquis).resolve().is_relative_to(carpeta.resolve()):
            carga.problemas.append(Problema(
                carga.ruta(plan) + ("croquis",),
                "en la página compartida en red no se usan imágenes del equipo servidor: el plan sale sin croquis"))
            plan.croquis = None


def _ejecutar(carga: Carga, generacion: Generacion) -> None:
    """El trabajo de un hilo: generar, armar el .zip; si se cancela o falla, no queda nada para descargar."""
    if generacion.cancelar.is_set():
        generacion.estado = "cancelado"
        return
    expediente = carga.expediente
    assert expediente is not None
    opciones = generacion.opciones
    generacion.estado = "generando"

    def empezar(total: int) -> None:
        generacion.total = total

    def avanzar(resultado: Resultado) -> None:
        if generacion.cancelar.is_set():
            raise Cancelado
        generacion.formato_actual = resultado.formato
        generacion.hechos += 1
        if generacion.hechos == generacion.total and (opciones.pdf or opciones.carpetas or opciones.kit):
            generacion.estado = "convirtiendo"

    try:
        resumen = formatos.generar(
            expediente, generacion.salida, formatos=list(opciones.formatos), problemas=carga.problemas,
            procesos=1, al_empezar=empezar, al_avanzar=avanzar, pdf=opciones.pdf, carpetas=opciones.carpetas,
            kit=opciones.kit, acompanantes=opciones.acompanantes, mes=opciones.mes, periodo=opciones.periodo,
            borradores=opciones.borradores, corte=opciones.corte,
        )
        if generacion.cancelar.is_set():
            raise Cancelado
        generacion.estado = "empaquetando"
        _empaquetar(generacion.salida, generacion.zip, generacion.cancelar.is_set)
        generacion.resumen = resumen
        generacion.estado = "terminado"
    except Cancelado:
        _descartar(generacion, "cancelado", "Se canceló la generación: no se guardó ningún documento.")
    except Exception as e:  # noqa: BLE001 - cualquier fallo se muestra en la página, no solo en la terminal
        mensaje = str(e) if isinstance(e, ErrorFormatos) else f"{type(e).__name__}: {e}"
        _descartar(generacion, "fallido", f"La generación se detuvo: {mensaje}")


def _descartar(generacion: Generacion, estado: Estado, mensaje: str) -> None:
    shutil.rmtree(generacion.salida, ignore_errors=True)
    for archivo in (generacion.zip, _parcial(generacion.zip)):
        archivo.unlink(missing_ok=True)
    generacion.mensaje = mensaje
    generacion.estado = estado


_SIN_COMPRIMIR = (".docx", ".xlsx", ".png", ".jpg", ".jpeg")  # ya son zip o imágenes comprimidas


def _empaquetar(salida: Path, destino: Path, cancelado: Callable[[], bool]) -> None:
    """La carpeta de `generar` (documentos, PDF, carpetas, manifiesto, reporte) en `destino`, de forma atómica."""
    parcial = _parcial(destino)
    with zipfile.ZipFile(parcial, "w") as z:
        for archivo in sorted(p for p in salida.rglob("*") if p.is_file()):
            if cancelado():
                raise Cancelado
            compresion = zipfile.ZIP_STORED if archivo.suffix.lower() in _SIN_COMPRIMIR else zipfile.ZIP_DEFLATED
            z.write(archivo, "documentos/" + archivo.relative_to(salida).as_posix(), compress_type=compresion)
    parcial.replace(destino)



def _parcial(destino: Path) -> Path:
    return destino.with_name(destino.name + ".parcial")
