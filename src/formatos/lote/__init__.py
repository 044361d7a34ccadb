"""El lote: genera los documentos de un expediente, en paralelo, sin que un registro malo detenga a los demás.

Cada plantilla se prepara una vez por proceso (`formatos.salida.preparar`); cada archivo se escribe de
forma atómica y queda en el manifiesto (`manifiesto.json` y `.csv`) con las huellas de su contenido y de
sus datos. Otra ejecución con los mismos datos no rehace nada ("sin cambios"); un archivo cuyo contenido
cambiaría no se reemplaza sin `sobrescribir`. Si el lote se interrumpe (Ctrl+C, un proceso que falla),
quedan solo archivos completos y un manifiesto que los describe: basta ejecutarlo otra vez.

Un documento cuyo periodo no ha cerrado (`Documento.periodo`, `Documento.cerrado`) queda pendiente, o sale
como borrador si se piden (BORRADOR en cada página); un borrador que el lote escribió y nadie editó se
reemplaza sin `sobrescribir`. `mes` y `periodo` eligen lo que pertenece a un mes o a un periodo.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import version as version_de
from pathlib import Path, PurePosixPath

from formatos.documentos import Documento, Formato
from formatos.errores import ErrorFormatos, ExpedienteFaltante, Problema
from formatos.lote.manifiesto import NOMBRE as NOMBRE_MANIFIESTO
from formatos.lote.manifiesto import PREFIJO_TEMPORAL, Manifiesto, escribir_atomico, limpiar_temporales
from formatos.lote.trabajo import (
    Estado,
    Resultado,
    Tarea,
    Trabajador,
    hacer_en_proceso,
    iniciar_proceso,
    plantilla_de,
)
from formatos.modelos.expediente import Expediente
from formatos.modelos.informes import validar_periodo
from formatos.registro import FORMATOS
from formatos.salida.nombres import SalidaNoValida, clave, nombre_archivo, ruta_segura
from formatos.salida.pdf import buscar_soffice
from formatos.salida.verificacion import comprobar_plantillas
from formatos.sistema import describir

__all__ = ["REPORTE_ERRORES", "Detenido", "Estado", "ProcesoFallido", "Resultado", "Resumen", "SalidaNoValida",
           "escribir_atomico", "generar", "normalizar_mes", "plantilla_de"]

REPORTE_ERRORES = "reporte-errores.txt"
TANDA_MAXIMA = 64
"""Documentos por envío a un proceso: pocos envíos, pero repartidos entre todos los procesos."""


@dataclass
class Resumen:
    salida: Path
    resultados: list[Resultado] = field(default_factory=list)
    reporte_errores: Path | None = None
    segundos: float = 0.0
    procesos: int = 1
    pendientes: dict[str, int] = field(default_factory=dict)
    """Por formato, cuántos documentos no se generaron porque su periodo no ha cerrado (no es un fallo)."""
    avisos: list[str] = field(default_factory=list)
    """Lo que el usuario debe saber aunque no sea un documento fallido (un reporte anterior que se borró, un
    manifiesto que no se pudo guardar)."""

    @property
    def fallidos(self) -> list[Resultado]:
        return [r for r in self.resultados if r.estado == "fallido"]

    def conteo(self) -> dict[str, Counter]:
        """Por formato: cuántos generados, sin cambios y fallidos."""
        tabla: dict[str, Counter] = {}
        for r in self.resultados:
            tabla.setdefault(r.formato, Counter())[r.estado] += 1
        return tabla


class ProcesoFallido(ErrorFormatos):
    """El lote se detuvo (un proceso de trabajo falló, el disco se llenó...): lo hecho quedó guardado y
    `resumen` lo cuenta."""

    resumen: Resumen | None = None


class Detenido(ProcesoFallido):
    """No se puede seguir escribiendo (disco lleno, carpeta de solo lectura): el lote se detuvo a tiempo."""


def version_motor() -> str:
    """La versión de formatos y de docxtpl: si cambia, los documentos se rehacen."""
    import formatos

    return f"formatos {formatos.__version__}; docxtpl {version_de('docxtpl')}"


def generar(
    expediente: Expediente,
    salida: str | Path,
    formatos: Iterable[str] | None = None,
    plantillas: str | Path | None = None,
    sobrescribir: bool = False,
    al_avanzar: Callable[[Resultado], None] | None = None,
    problemas: Iterable[Problema] = (),
    procesos: int | None = None,
    al_empezar: Callable[[int], None] | None = None,
    pdf: bool = False,
    carpetas: bool = False,
    kit: bool = False,
    mes: str | None = None,
    periodo: str | None = None,
    borradores: bool = False,
    corte: date | None = None,
    acompanantes: Iterable[str] | None = None,
    limite_pdf: float | None = None,
) -> Resumen:
    """Genera en `salida/<formato>/...` los documentos de los formatos pedidos (todos por omisión).

    `procesos`: cuántos procesos de trabajo (por omisión, uno por núcleo); el resultado es el mismo con
    cualquier número. `al_empezar(total)` y `al_avanzar(resultado)` sirven para mostrar el avance.
    Un archivo existente con otro contenido no se reemplaza sin `sobrescribir`. Los fallos, y los
    `problemas` de validación que se pasen, van al reporte de errores. Las plantillas propias de
    `plantillas` se verifican antes: si alguna tiene errores, lanza PlantillaInvalida sin escribir nada.
    Ante Ctrl+C guarda lo hecho (manifiesto incluido) y vuelve a lanzar `KeyboardInterrupt`; si no se puede
    seguir escribiendo (disco lleno), lanza `Detenido` con el `resumen` de lo hecho. Una carpeta de salida que no
    sirve (un archivo, sin permiso) es un `SalidaNoValida`. Con `pdf`, cada .docx tiene además su PDF (en hasta
    `limite_pdf` segundos en total, si se da); con `carpetas`, también las carpetas de firmas (ver
    `formatos.carpetas`); con `kit`, el kit del mes de cada AP (ver `formatos.kit`: agrega a los formatos pedidos
    los instrumentos de campo).

    Solo se generan los documentos cuyo periodo cerró; los demás quedan en `Resumen.pendientes`, salvo con
    `borradores` (salen con BORRADOR en cada página y no van a las carpetas de firmas). `corte` ("datos
    completos hasta": reemplaza a `configuracion.fecha_corte`) da por cerrados los periodos que terminan hasta
    ese día. `mes` ("2026-06") elige lo que pertenece a ese mes (`Formato.mes_del_lote`: matrices, planes,
    informes cuyo periodo cierra ese mes, instrumentos del mes siguiente); `periodo` ("T2", "anual",
    "diagnóstico", "2026-06"), los informes de ese periodo; `acompanantes` (DNI), solo los documentos de esos AP.
    """
    import time

    if not isinstance(expediente, Expediente):
        raise ExpedienteFaltante(
            f"generar necesita un Expediente y recibió {type(expediente).__name__}" + (
                ": el archivo no se pudo leer (vea los problemas de la carga: `carga.problemas`)" if expediente is None
                else ""))
    if pdf or carpetas or kit:
        buscar_soffice()  # sin LibreOffice, el aviso de cómo instalarlo antes de generar nada

    inicio = time.perf_counter()
    salida = Path(salida)
    plantillas = Path(plantillas) if plantillas else None
    elegidos = [FORMATOS[f] for f in (formatos or FORMATOS)]
    if kit:
        from formatos.kit import instrumentos

        elegidos += [FORMATOS[f] for f in instrumentos() if FORMATOS[f] not in elegidos]
    mes, periodo = normalizar_mes(mes), (validar_periodo(periodo) if periodo is not None else None)
    if corte is not None:
        expediente = expediente.model_copy(
            update={"configuracion": expediente.configuracion.model_copy(update={"fecha_corte": corte})})
    if plantillas:
        comprobar_plantillas(plantillas, elegidos)
    _preparar_salida(salida)
    procesos = max(1, procesos or os.cpu_count() or 1)
    manifiesto = Manifiesto.leer(salida)
    pendientes: Counter[str] = Counter()
    filtro = _Filtro(mes, periodo, borradores, None if acompanantes is None else frozenset(acompanantes))
    tareas = list(_tareas(elegidos, expediente, salida, filtro, pendientes))
    procesos = min(procesos, max(1, len(tareas)))
    argumentos = (expediente, salida, plantillas, sobrescribir, manifiesto.entradas, version_motor())
    hechos: dict[int, Resultado] = {}
    diario = manifiesto.diario()
    detenido: list[Resultado] = []  # el primer documento que no se pudo escribir porque nada más se podrá

    def recibir(numero: int, resultado: Resultado) -> None:
        hechos[numero] = resultado
        if resultado.entrada:
            diario.anotar(resultado.entrada)
        if al_avanzar:
            al_avanzar(resultado)
        if resultado.detener and not detenido:
            detenido.append(resultado)

    resumen = Resumen(salida, procesos=procesos)
    gc.freeze()  # el expediente ya no cambia: el recolector no lo recorre (ni lo copia en cada proceso)
    try:
        _ejecutar(tareas, procesos, argumentos, al_empezar, recibir, lambda: bool(detenido), diario.escribir)
        if detenido:
            raise Detenido(f"{detenido[0].mensaje}. Se detuvo el lote: los documentos terminados quedaron guardados; "
                           "libere espacio (o elija otra carpeta) y ejecute la misma orden otra vez para completarlo")
    except ProcesoFallido as e:
        e.resumen = resumen
        raise
    finally:  # también si se interrumpe: el manifiesto describe los archivos completos que hay
        gc.unfreeze()
        diario.escribir()
        diario.cerrar()
        _limpiar(salida, resumen)
        for resultado in hechos.values():
            if resultado.entrada:
                manifiesto.registrar(resultado.entrada)
        _guardar(manifiesto, resumen)
        resumen.resultados = [hechos[n] for n in sorted(hechos)]
        resumen.pendientes = dict(pendientes)
        resumen.segundos = time.perf_counter() - inicio
    if pdf or carpetas or kit:
        from formatos.impresion import imprimir  # sigue al lote y usa su Resultado

        for resultado in imprimir(expediente, elegidos, resumen, carpetas, sobrescribir, kit, limite_pdf):
            resumen.resultados.append(resultado)  # fuera del avance
            if resultado.entrada:
                manifiesto.registrar(resultado.entrada)
        _guardar(manifiesto, resumen)
    _reporte(resumen, [p for p in problemas if p.gravedad == "error"], {f.identificador for f in elegidos})
    resumen.segundos = time.perf_counter() - inicio
    return resumen


def normalizar_mes(mes: str | None) -> str | None:
    """ "2026-06" (también "2026-6" o "06/2026")."""
    if mes is None:
        return None
    texto = str(mes).strip()
    if (m := re.fullmatch(r"(\d{4})-(\d{1,2})", texto) or re.fullmatch(r"(\d{1,2})/(\d{4})", texto)) is None:
        raise ValueError(f"mes no válido: «{mes}»; escríbalo como 2026-06")
    anio, numero = (int(m[1]), int(m[2])) if len(m[1]) == 4 else (int(m[2]), int(m[1]))
    if not 1 <= numero <= 12:
        raise ValueError(f"mes no válido: «{mes}»; escríbalo como 2026-06")
    return f"{anio}-{numero:02d}"


@dataclass(frozen=True)
class _Filtro:
    mes: str | None
    periodo: str | None
    borradores: bool
    acompanantes: frozenset[str] | None = None

    def elige(self, formato: Formato, documento: Documento) -> bool:
        if self.mes is not None and formato.mes_del_lote(documento) != self.mes:
            return False
        if self.acompanantes is not None and documento.agrupacion.get("acompanante") not in self.acompanantes:
            return False
        return self.periodo is None or (documento.periodo is not None and documento.periodo.clave == self.periodo)


def _preparar_salida(salida: Path) -> None:
    """La carpeta de salida existe y se puede escribir en ella; si no, `SalidaNoValida` con el porqué."""
    if salida.exists() and not salida.is_dir():
        raise SalidaNoValida(f"«{salida}» es un archivo, no una carpeta: indique como salida una carpeta (si no "
                             "existe, se crea)")
    try:
        salida.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise SalidaNoValida(f"no se puede crear la carpeta de salida «{salida}»: {describir(e)}") from e
    try:
        prueba = salida / f"{PREFIJO_TEMPORAL}{os.getpid()}-prueba"
        prueba.write_bytes(b"")
        prueba.unlink()
    except OSError as e:
        raise SalidaNoValida(f"no se puede escribir en la carpeta «{salida}»: {describir(e)}") from e
    limpiar_temporales(salida)


def _limpiar(salida: Path, resumen: Resumen) -> None:
    try:
        limpiar_temporales(salida)
    except OSError as e:
        resumen.avisos.append(f"no se pudieron borrar los archivos temporales de {salida}: {describir(e)}")


def _guardar(manifiesto: Manifiesto, resumen: Resumen) -> None:
    """Guarda el manifiesto; si no se puede (disco lleno), lo dice: lo anotado en el diario sigue valiendo."""
    try:
        manifiesto.guardar()
    except OSError as e:
        aviso = (f"no se pudo guardar {manifiesto.salida / NOMBRE_MANIFIESTO}: {describir(e)}; la próxima "
                 "ejecución reconocerá igual los documentos terminados")
        if aviso not in resumen.avisos:
            resumen.avisos.append(aviso)


def _tareas(elegidos: list[Formato], expediente: Expediente, salida: Path, filtro: _Filtro,
            pendientes: Counter[str]) -> Iterator[Tarea]:
    usadas: dict[str, int] = {}
    carpetas: dict[PurePosixPath, Path] = {}  # cada carpeta se sanea y se comprueba una vez, no por documento
    raiz = salida.resolve()
    for formato in elegidos:
        for indice, documento in enumerate(formato.documentos(expediente)):
            partes = [p for p in documento.ruta.parts if p != "/"]  # siempre dentro de la carpeta del formato
            carpeta = PurePosixPath(formato.identificador, *partes[:-1])
            if carpeta not in carpetas:
                carpetas[carpeta] = ruta_segura(salida, carpeta).relative_to(raiz)
            nombre = nombre_archivo(partes[-1] if partes else "", formato.extension)
            # el nombre se reserva también para lo que no se genera: cada documento tiene siempre el mismo
            destino = _libre(carpetas[carpeta] / nombre, usadas)
            if not filtro.elige(formato, documento):
                continue
            borrador = formato.espera_cierre(documento)
            if formato.espera(documento) and not (borrador and filtro.borradores):
                pendientes[formato.identificador] += 1  # un instrumento que aún no se prepara no es borrador
                continue
            yield Tarea(formato.identificador, indice, destino.as_posix(), borrador)


def _libre(destino: Path, usadas: dict[str, int]) -> Path:
    """`destino`, o "(2)", "(3)"... si otro documento ya tiene ese nombre para Windows o macOS (sin distinguir
    mayúsculas ni formas Unicode: `nombres.clave`).

    `usadas` guarda, por nombre, el próximo número por probar: miles de nombres iguales no hacen lento el lote.
    """
    propia = clave(destino.as_posix())
    if propia not in usadas:
        usadas[propia] = 2
        return destino
    n = usadas[propia]
    while True:
        libre = destino.with_name(f"{destino.stem} ({n}){destino.suffix}")
        n += 1
        if clave(libre.as_posix()) not in usadas:
            break
    usadas[propia] = n
    usadas[clave(libre.as_posix())] = 2
    return libre


def _ejecutar(tareas: list[Tarea], procesos: int, argumentos: tuple, al_empezar: Callable[[int], None] | None,
              recibir: Callable[[int, Resultado], None], detener: Callable[[], bool],
              tras_tanda: Callable[[], None] = lambda: None) -> None:
    """Hace las tareas y pasa cada resultado, con su número de orden, a `recibir` a medida que se termina
    (y llama a `tras_tanda` cuando termina de recibir una tanda de un proceso de trabajo).

    Deja de repartir tareas en cuanto `detener()` es cierto (tras recibir toda tanda terminada)."""
    if procesos == 1:
        trabajador = Trabajador(*argumentos)
        if al_empezar:
            al_empezar(len(tareas))
        for numero, tarea in enumerate(tareas):
            recibir(numero, trabajador.hacer_uno(tarea))
            if detener():
                return
        return
    tamano = max(1, min(TANDA_MAXIMA, len(tareas) // (procesos * 4)))
    pendientes: dict[Future, range] = {}
    contexto = multiprocessing.get_context()
    parar = contexto.Event()  # Ctrl+C o disco lleno: cada proceso termina su documento y deja la tanda
    with ProcessPoolExecutor(procesos, mp_context=contexto, initializer=iniciar_proceso,
                             initargs=(parar, *argumentos)) as pool:
        try:
            for i in range(0, len(tareas), tamano):
                numeros = range(i, min(i + tamano, len(tareas)))
                pendientes[pool.submit(hacer_en_proceso, [tareas[n] for n in numeros])] = numeros
            if al_empezar:
                al_empezar(len(tareas))
            while pendientes and not detener():
                listos, _ = wait(pendientes, return_when=FIRST_COMPLETED)
                for futuro in listos:
                    try:
                        resultados = futuro.result()
                    except Exception as e:
                        raise ProcesoFallido(f"{_proceso_fallido(e)}; los documentos terminados quedaron guardados: "
                                             "vuelva a ejecutar la orden para completar el lote") from e
                    for numero, resultado in zip(pendientes.pop(futuro), resultados):
                        recibir(numero, resultado)
                    tras_tanda()
        finally:
            if pendientes:  # interrumpido: lo que los procesos terminaron también cuenta
                parar.set()
                pool.shutdown(wait=True, cancel_futures=True)  # cada proceso termina el documento que hacía
                for futuro, numeros in pendientes.items():
                    if futuro.done() and not futuro.cancelled() and futuro.exception() is None:
                        for numero, resultado in zip(numeros, futuro.result()):  # la tanda, hasta donde llegó
                            recibir(numero, resultado)


def _proceso_fallido(error: Exception) -> str:
    if isinstance(error, BrokenProcessPool):
        return ("un proceso de trabajo terminó de golpe (¿se quedó sin memoria el equipo, o lo cerró otro "
                "programa?)")
    return f"un proceso de trabajo falló ({type(error).__name__}: {error})"


def _formatos_del_reporte(ruta: Path) -> set[str]:
    """Los formatos con documentos fallidos en un reporte de errores ya escrito (líneas «  formato | … | …»)."""
    try:
        lineas = ruta.read_text("utf-8").split("Documentos que no se generaron", 1)[-1].splitlines()
    except OSError:
        return set()
    return {linea.split(" | ", 1)[0].strip().removesuffix(" (pdf)") for linea in lineas if " | " in linea}


def _reporte(resumen: Resumen, problemas: list[Problema], hechos: set[str]) -> None:
    """Escribe el reporte de errores de esta ejecución, que hizo los formatos `hechos`.

    Sin errores, el reporte de una ejecución anterior se borra si esta hizo todos los formatos que tenían
    documentos fallidos en él (sus problemas ya no están) y se conserva si no; los dos casos se dicen en `avisos`."""
    ruta = resumen.salida / REPORTE_ERRORES
    if not (resumen.fallidos or problemas):
        if not ruta.exists():
            return
        pendientes = sorted(_formatos_del_reporte(ruta) - hechos)
        if pendientes:
            resumen.avisos.append(f"se conserva {ruta.name}, de una ejecución anterior: tiene documentos fallidos de "
                                  f"formatos que esta no hizo ({', '.join(pendientes)})")
            return
        try:
            ruta.unlink()
            resumen.avisos.append(f"se borró {ruta.name}, de una ejecución anterior: esta vez no hubo errores")
        except OSError as e:
            resumen.avisos.append(f"{ruta.name} es de una ejecución anterior (no se pudo borrar: {describir(e)})")
        return
    resumen.reporte_errores = ruta
    lineas = [f"Datos no válidos (registros que no se usaron): {len(problemas)}", *(f"  {p}" for p in problemas), ""]
    lineas += [f"Documentos que no se generaron: {len(resumen.fallidos)}"]
    lineas += [f"  {r.formato} | {', '.join(r.registros)} | {r.mensaje}" for r in resumen.fallidos]
    try:
        escribir_atomico(ruta, ("\n".join(lineas) + "\n").encode("utf-8"))
    except OSError as e:
        resumen.avisos.append(f"no se pudo escribir {ruta}: {describir(e)}; los problemas se muestran aquí")
        resumen.avisos += lineas
