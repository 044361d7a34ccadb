"""PDF con LibreOffice: un grupo de trabajadores, cada uno con su perfil, que convierte muchos archivos por arranque.

Cada trabajador llama a `soffice --convert-to pdf` con un lote de archivos (hasta `por_arranque`) y su propio
perfil de usuario: dos conversiones que comparten perfil fallan sin avisar. Mientras LibreOffice trabaja se
vigila la carpeta de salida; un documento que pasa `tiempo_limite` segundos sin terminar detiene el proceso,
se informa como fallido y el resto del lote sigue en un arranque nuevo. Lo mismo tras un cierre inesperado.
Un trabajador cuyo LibreOffice se cuelga dos veces deja su lote (esos documentos quedan sin PDF, con el motivo)
y no toma otro; con `limite_total`, al pasar ese tiempo se detiene todo y lo que falta queda sin PDF.

El PDF que escribe LibreOffice lleva la fecha y la hora del equipo, con su zona horaria (`-05'00'` en Lima,
`Z'` en UTC: de distinto largo). `pdf_determinista` las cambia por una fecha fija y corrige la tabla de
posiciones (xref) del PDF: el mismo .docx da el mismo PDF en cualquier zona horaria.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from formatos.errores import ErrorFormatos
from formatos.sistema import describir

ARRANQUE = 30.0
"""Segundos que se conceden a LibreOffice para arrancar (y crear el perfil), además del límite del primer documento."""

INSTALAR = """No se encontró LibreOffice, que hace falta para producir los PDF.
  - Windows: descárguelo de https://es.libreoffice.org/descarga/ e instálelo con las opciones por omisión
    (queda en C:\\Program Files\\LibreOffice); luego cierre y vuelva a abrir la ventana de órdenes.
  - Debian o Ubuntu: sudo apt install libreoffice-writer-nogui fonts-liberation
Si está instalado en otra carpeta, indique el programa con la variable de entorno FORMATOS_SOFFICE."""

_WINDOWS = [Path(os.environ.get(v, "")) / "LibreOffice" / "program" / "soffice.exe"
            for v in ("ProgramFiles", "ProgramFiles(x86)")]


class LibreOfficeNoEncontrado(ErrorFormatos):
    """No hay LibreOffice: el mensaje dice cómo instalarlo en Windows y en Debian."""

    def __init__(self) -> None:
        super().__init__(INSTALAR)


@dataclass(frozen=True)
class ConversionPdf:
    """Cómo terminó un documento: su PDF en `destino`, o fallido con el motivo en `mensaje`."""

    origen: Path
    destino: Path
    estado: Literal["convertido", "fallido"]
    mensaje: str = ""


def buscar_soffice() -> str:
    """La ruta de `soffice`: FORMATOS_SOFFICE, el PATH o la carpeta de instalación de Windows."""
    propio = os.environ.get("FORMATOS_SOFFICE")
    candidatos = [propio] if propio else [shutil.which("soffice"), shutil.which("libreoffice")]
    if sys.platform == "win32":
        candidatos += [str(p) for p in _WINDOWS if p.is_file()]
    for c in candidatos:
        if c and Path(c).is_file():
            return c
    raise LibreOfficeNoEncontrado()


def pdf_completo(ruta: Path) -> bool:
    """Un PDF ya escrito del todo (termina con %%EOF)."""
    try:
        with ruta.open("rb") as f:
            f.seek(max(0, ruta.stat().st_size - 64))
            return b"%%EOF" in f.read()
    except OSError:
        return False


_FECHA = re.compile(rb"((?:CreationDate|ModDate)\s*\()D:\d{4}[^)]{0,24}\)")
FECHA_FIJA = b"D:20000101000000Z"
_SUMA = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)")
_ID = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)")
_XREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_ENTRADA_XREF = re.compile(rb"(\d{10}) (\d{5}) n")


def pdf_determinista(datos: bytes, semilla: bytes) -> bytes:
    """Fija la fecha de creación y de modificación (en cualquier zona horaria), el identificador y la suma del
    PDF: mismo .docx, mismo PDF. Si el largo de las fechas cambia, corrige las posiciones de la tabla xref."""
    cambios: list[tuple[int, int]] = []  # (posición en el original, cuántos bytes se corre lo que sigue)

    def fecha(m: re.Match) -> bytes:
        nuevo = m[1] + FECHA_FIJA + b")"
        cambios.append((m.start(), len(nuevo) - len(m[0])))
        return nuevo

    fijo = _FECHA.sub(fecha, datos)
    if any(delta for _, delta in cambios):
        fijo = _corregir_xref(fijo, cambios) or _FECHA.sub(  # sin tabla xref clásica: al menos, del mismo largo
            lambda m: m[1] + (FECHA_FIJA + b" " * 24)[: len(m[0]) - len(m[1]) - 1] + b")", datos)
    huella = hashlib.md5(semilla).hexdigest().upper().encode()
    fijo = _SUMA.sub(lambda m: m[1] + huella[: len(m[2])], fijo)
    return _ID.sub(lambda m: m[1] + huella[: len(m[2])] + m[3] + huella[: len(m[4])] + m[5], fijo)


def _corregir_xref(datos: bytes, cambios: list[tuple[int, int]]) -> bytes | None:
    """`datos` (ya cambiados) con las posiciones de la tabla xref y de startxref corridas según `cambios`; None si
    el PDF no tiene una sola tabla xref clásica al final (entonces no se toca)."""
    def nueva(posicion: int) -> int:
        return posicion + sum(delta for donde, delta in cambios if donde < posicion)

    final = _XREF.search(datos)
    if final is None or datos.count(b"startxref") != 1:
        return None
    inicio_xref = nueva(int(final[1]))
    if datos[inicio_xref: inicio_xref + 4] != b"xref":
        return None
    fin_tabla = datos.find(b"trailer", inicio_xref)
    if fin_tabla < 0:
        return None
    tabla = _ENTRADA_XREF.sub(lambda m: b"%010d %s n" % (nueva(int(m[1])), m[2]), datos[inicio_xref:fin_tabla])
    resto = datos[fin_tabla: final.start()]
    return datos[:inicio_xref] + tabla + resto + b"startxref\n%d\n%%%%EOF\n" % inicio_xref


def _matar(proceso: subprocess.Popen) -> None:
    if sys.platform == "win32":
        subprocess.run(["taskkill", "/T", "/F", "/PID", str(proceso.pid)], capture_output=True)
    else:
        try:
            os.killpg(proceso.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proceso.wait()


class GrupoLibreOffice:
    """Los trabajadores y la cola de documentos pendientes (índices en `origenes`)."""

    CUELGUES = 2
    """Cuelgues tras los cuales un trabajador deja su lote y no toma otro."""

    def __init__(self, soffice: str, origenes: Sequence[Path], destinos: Sequence[Path], trabajadores: int,
                 por_arranque: int, tiempo_limite: float, arranque: float,
                 al_avanzar: Callable[[ConversionPdf], None] | None, limite_total: float | None = None) -> None:
        self.soffice, self.origenes, self.destinos = soffice, list(origenes), list(destinos)
        self.trabajadores = trabajadores
        self.tamano = min(por_arranque, -(-len(self.origenes) // trabajadores))  # lotes parejos entre trabajadores
        self.tiempo_limite, self.arranque, self.al_avanzar = tiempo_limite, arranque, al_avanzar
        self.limite_total = limite_total
        self.fin = time.monotonic() + limite_total if limite_total else float("inf")
        self.pendientes = list(range(len(self.origenes)))
        self.resultados: dict[int, ConversionPdf] = {}
        self.procesos: set[subprocess.Popen] = set()
        self.candado = threading.Lock()

    def ejecutar(self) -> list[ConversionPdf]:
        with tempfile.TemporaryDirectory(prefix="formatos-pdf-") as tmp:
            hilos = [threading.Thread(target=self._trabajador, args=(Path(tmp) / f"t{k}",), daemon=True)
                     for k in range(self.trabajadores)]
            for h in hilos:
                h.start()
            try:
                for h in hilos:
                    h.join()
            except BaseException:  # Ctrl+C: que no queden LibreOffice trabajando
                for proceso in list(self.procesos):
                    _matar(proceso)
                raise
        motivo = self._motivo_limite() if time.monotonic() > self.fin else \
            "no se convirtió: LibreOffice se colgó repetidamente; revise su instalación y vuelva a intentarlo"
        for i in range(len(self.origenes)):
            if i not in self.resultados:  # todos los trabajadores lo dejaron
                self._terminar(i, "fallido", motivo)
        return [self.resultados[i] for i in range(len(self.origenes))]

    def _motivo_limite(self) -> str:
        return (f"no se convirtió: se alcanzó el límite de tiempo para los PDF ({(self.limite_total or 0) / 60:g} min); "
                "ejecute la orden otra vez para convertir lo que falta")

    def _tomar(self) -> list[int]:
        """El siguiente lote de lo pendiente, hasta `por_arranque` documentos (nada si ya pasó el límite total)."""
        with self.candado:
            if time.monotonic() > self.fin:
                return []
            lote, self.pendientes = self.pendientes[: self.tamano], self.pendientes[self.tamano :]
            return lote

    def _terminar(self, i: int, estado: Literal["convertido", "fallido"], mensaje: str = "") -> None:
        resultado = ConversionPdf(self.origenes[i], self.destinos[i], estado, mensaje)
        with self.candado:
            self.resultados[i] = resultado
        if self.al_avanzar:
            self.al_avanzar(resultado)

    def _trabajador(self, carpeta: Path) -> None:
        perfil = carpeta / "perfil"
        cuelgues = 0
        while lote := self._tomar():
            try:
                resto, colgado = self._arrancar(lote, perfil, carpeta / "lote")
            except OSError as e:  # LibreOffice no arranca o un documento no se puede copiar
                for i in lote:
                    if i not in self.resultados:
                        self._terminar(i, "fallido", f"no se pudo convertir: {describir(e)}")
                resto, colgado = [], False
            cuelgues += colgado
            if time.monotonic() > self.fin:
                for i in resto:
                    self._terminar(i, "fallido", self._motivo_limite())
                return
            if cuelgues >= self.CUELGUES:
                for i in resto:
                    self._terminar(i, "fallido", f"no se intentó: LibreOffice se colgó {cuelgues} veces con este grupo "
                                                 "de documentos; ejecute la orden otra vez para reintentarlo")
                return
            with self.candado:
                self.pendientes[:0] = resto

    def _guardar(self, i: int, pdf: Path) -> None:
        destino = self.destinos[i]
        temporal = destino.with_name(f".tmp-{destino.name}")
        try:
            temporal.write_bytes(pdf_determinista(pdf.read_bytes(), self.origenes[i].read_bytes()))
            os.replace(temporal, destino)
        except OSError as e:
            temporal.unlink(missing_ok=True)
            self._terminar(i, "fallido", f"no se pudo guardar el PDF: {describir(e)}")
            return
        self._terminar(i, "convertido")

    def _arrancar(self, lote: list[int], perfil: Path, carpeta: Path) -> tuple[list[int], bool]:
        """Un arranque de LibreOffice con un lote; devuelve lo que queda por convertir si hubo que detenerlo, y si
        fue porque se colgó."""
        shutil.rmtree(carpeta, ignore_errors=True)
        entrada, salida = carpeta / "entrada", carpeta / "salida"
        entrada.mkdir(parents=True)
        archivos = []
        for k, i in enumerate(lote):  # nombres propios: dos documentos con el mismo nombre no se pisan
            archivos.append(entrada / f"{k:04d}{self.origenes[i].suffix}")
            shutil.copyfile(self.origenes[i], archivos[-1])
        orden = [self.soffice, f"-env:UserInstallation={perfil.resolve().as_uri()}", "--headless", "--invisible",
                 "--nologo", "--norestore", "--nodefault", "--nolockcheck",
                 "--convert-to", "pdf", "--outdir", str(salida), *map(str, archivos)]
        proceso = subprocess.Popen(orden, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=sys.platform != "win32")
        self.procesos.add(proceso)
        try:
            return self._vigilar(proceso, lote, salida)
        finally:
            self.procesos.discard(proceso)

    def _vigilar(self, proceso: subprocess.Popen, lote: list[int], salida: Path) -> tuple[list[int], bool]:
        """Guarda cada PDF que LibreOffice termina; lo detiene si un documento pasa el límite de tiempo (o si se
        acaba el tiempo total)."""
        hechos, plazo = 0, time.monotonic() + self.arranque + self.tiempo_limite
        while True:
            terminado = proceso.poll() is not None
            listos = {e.name for e in os.scandir(salida)} if salida.is_dir() else set()
            for k in range(hechos, len(lote)):  # LibreOffice los convierte en orden
                pdf = salida / f"{k:04d}.pdf"
                if pdf.name in listos and pdf_completo(pdf):
                    for saltado in range(hechos, k):
                        self._terminar(lote[saltado], "fallido", "LibreOffice no pudo convertirlo")
                    self._guardar(lote[k], pdf)
                    hechos, plazo = k + 1, time.monotonic() + self.tiempo_limite
            if hechos == len(lote):
                try:
                    proceso.wait(timeout=self.tiempo_limite)
                except subprocess.TimeoutExpired:  # convirtió todo pero no se cierra
                    _matar(proceso)
                return [], False
            if terminado:
                codigo = proceso.returncode
                motivo = "LibreOffice no pudo convertirlo" if codigo == 0 else f"LibreOffice se cerró inesperadamente (código {codigo})"
                self._terminar(lote[hechos], "fallido", motivo)
                return lote[hechos + 1:], False
            ahora = time.monotonic()
            if ahora > self.fin:
                _matar(proceso)
                self._terminar(lote[hechos], "fallido", self._motivo_limite())
                return lote[hechos + 1:], False
            if ahora > plazo:
                _matar(proceso)
                self._terminar(lote[hechos], "fallido", f"LibreOffice no terminó en {self.tiempo_limite:g} s; se detuvo")
                return lote[hechos + 1:], True
            time.sleep(0.05)


def convertir_a_pdf(
    rutas: Sequence[str | Path],
    *,
    trabajadores: int | None = None,
    por_arranque: int = 100,
    tiempo_limite: float = 60.0,
    arranque: float = ARRANQUE,
    al_avanzar: Callable[[ConversionPdf], None] | None = None,
    limite_total: float | None = None,
) -> list[ConversionPdf]:
    """Convierte cada .docx/.xlsx a PDF junto a él (mismo nombre, extensión .pdf), en el orden dado.

    `trabajadores` LibreOffice en paralelo (uno por núcleo, por omisión), cada uno con su perfil y hasta
    `por_arranque` documentos antes de reiniciarse; un documento que tarda más de `tiempo_limite` segundos
    se detiene y queda como fallido; un trabajador que se cuelga dos veces deja su lote. Con `limite_total`
    (segundos), lo que no se convirtió en ese tiempo queda como fallido. Sin LibreOffice:
    `LibreOfficeNoEncontrado`, con cómo instalarlo.
    """
    origenes = [Path(r) for r in rutas]
    if not origenes:
        return []
    soffice = buscar_soffice()
    trabajadores = max(1, min(trabajadores or os.cpu_count() or 1, len(origenes)))
    grupo = GrupoLibreOffice(soffice, origenes, [o.with_suffix(".pdf") for o in origenes], trabajadores,
                             max(1, por_arranque), tiempo_limite, arranque, al_avanzar, limite_total)
    return grupo.ejecutar()
