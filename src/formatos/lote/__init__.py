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
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import version as version_de
from pathlib import Path, PurePosixPath

from formatos.documentos import Documento, Formato
from formatos.errores import ErrorFormatos, Problema
from formatos.lote.manifiesto import Manifiesto, escribir_atomico, limpiar_temporales
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
from formatos.salida.nombres import componente_seguro, ruta_segura
from formatos.salida.pdf import buscar_soffice
from formatos.salida.verificacion import comprobar_plantillas

__all__ = ["REPORTE_ERRORES", "Estado", "Resultado", "Resumen", "escribir_atomico", "generar", "normalizar_mes",
           "plantilla_de"]

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
    """Un proceso de trabajo terminó con un error: el lote se detuvo, lo hecho quedó guardado."""


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
    mes: str | None = None,
    periodo: str | None = None,
    borradores: bool = False,
    corte: date | None = None,
    acompanantes: Iterable[str] | None = None,
) -> Resumen:
    """Genera en `salida/<formato>/...` los documentos de los formatos pedidos (todos por omisión).

    `procesos`: cuántos procesos de trabajo (por omisión, uno por núcleo); el resultado es el mismo con
    cualquier número. `al_empezar(total)` y `al_avanzar(resultado)` sirven para mostrar el avance.
    Un archivo existente con otro contenido no se reemplaza sin `sobrescribir`. Los fallos, y los
    `problemas` de validación que se pasen, van al reporte de errores. Las plantillas propias de
    `plantillas` se verifican antes: si alguna tiene errores, lanza PlantillaInvalida sin escribir nada.
    Ante Ctrl+C guarda lo hecho (manifiesto incluido) y vuelve a lanzar `KeyboardInterrupt`. Con `pdf`,
    cada .docx tiene además su PDF; con `carpetas`, también las carpetas de firmas (ver `formatos.carpetas`).

    Solo se generan los documentos cuyo periodo cerró; los demás quedan en `Resumen.pendientes`, salvo con
    `borradores` (salen con BORRADOR en cada página y no van a las carpetas de firmas). `corte` ("datos
    completos hasta": reemplaza a `configuracion.fecha_corte`) da por cerrados los periodos que terminan hasta
    ese día. `mes` ("2026-06") elige lo que pertenece a ese mes (`Formato.mes_del_lote`: matrices, planes,
    informes cuyo periodo cierra ese mes, instrumentos del mes siguiente); `periodo` ("T2", "anual",
    "diagnóstico", "2026-06"), los informes de ese periodo.
    """
    import time

    if pdf or carpetas:
        buscar_soffice()  # sin LibreOffice, el aviso de cómo instalarlo antes de generar nada

    inicio = time.perf_counter()
    salida = Path(salida)
    plantillas = Path(plantillas) if plantillas else None
    elegidos = [FORMATOS[f] for f in (formatos or FORMATOS)]
    mes, periodo = normalizar_mes(mes), (validar_periodo(periodo) if periodo is not None else None)
    if corte is not None:
        expediente = expediente.model_copy(
            update={"configuracion": expediente.configuracion.model_copy(update={"fecha_corte": corte})})
    if plantillas:
        comprobar_plantillas(plantillas, elegidos)
    salida.mkdir(parents=True, exist_ok=True)
    procesos = max(1, procesos or os.cpu_count() or 1)
    limpiar_temporales(salida)
    manifiesto = Manifiesto.leer(salida)
    pendientes: Counter[str] = Counter()
    filtro = _Filtro(mes, periodo, borradores, None if acompanantes is None else frozenset(acompanantes))
    tareas = list(_tareas(elegidos, expediente, salida, filtro, pendientes))
    procesos = min(procesos, max(1, len(tareas)))
    argumentos = (expediente, salida, plantillas, sobrescribir, manifiesto.entradas, version_motor())
    hechos: dict[int, Resultado] = {}

    def recibir(numero: int, resultado: Resultado) -> None:
        hechos[numero] = resultado
        if al_avanzar:
            al_avanzar(resultado)

    gc.freeze()  # el expediente ya no cambia: el recolector no lo recorre (ni lo copia en cada proceso)
    try:
        _ejecutar(tareas, procesos, argumentos, al_empezar, recibir)
    finally:  # también si se interrumpe: el manifiesto describe los archivos completos que hay
        gc.unfreeze()
        limpiar_temporales(salida)
        for resultado in hechos.values():
            if resultado.entrada:
                manifiesto.registrar(resultado.entrada)
        manifiesto.guardar()
    resumen = Resumen(salida, [hechos[n] for n in sorted(hechos)], procesos=procesos, pendientes=dict(pendientes))
    if pdf or carpetas:
        from formatos.impresion import imprimir  # sigue al lote y usa su Resultado

        for resultado in imprimir(expediente, elegidos, resumen, carpetas, sobrescribir):  # fuera del avance
            resumen.resultados.append(resultado)
            if resultado.entrada:
                manifiesto.registrar(resultado.entrada)
        manifiesto.guardar()
    _reporte(resumen, [p for p in problemas if p.gravedad == "error"])
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


def _tareas(elegidos: list[Formato], expediente: Expediente, salida: Path, filtro: _Filtro,
            pendientes: Counter[str]) -> Iterator[Tarea]:
    usadas: dict[str, int] = {}
    carpetas: dict[PurePosixPath, Path] = {}  # cada carpeta se sanea y se comprueba una vez, no por documento
    raiz = salida.resolve()
    for formato in elegidos:
        for indice, documento in enumerate(formato.documentos(expediente)):
            relativa = formato.identificador / documento.ruta
            if relativa.parent not in carpetas:
                carpetas[relativa.parent] = ruta_segura(salida, relativa.parent).relative_to(raiz)
            # el nombre se reserva también para lo que no se genera: cada documento tiene siempre el mismo
            destino = _libre(carpetas[relativa.parent] / componente_seguro(relativa.name), usadas)
            if not filtro.elige(formato, documento):
                continue
            borrador = formato.espera_cierre(documento)
            if borrador and not filtro.borradores:
                pendientes[formato.identificador] += 1
                continue
            yield Tarea(formato.identificador, indice, destino.as_posix(), borrador)


def _libre(destino: Path, usadas: dict[str, int]) -> Path:
    """`destino`, o "(2)", "(3)"... si otro documento ya tiene ese nombre (sin distinguir mayúsculas).

    `usadas` guarda, por nombre, el próximo número por probar: miles de nombres iguales no hacen lento el lote.
    """
    clave = str(destino).casefold()
    if clave not in usadas:
        usadas[clave] = 2
        return destino
    n = usadas[clave]
    while True:
        libre = destino.with_name(f"{destino.stem} ({n}){destino.suffix}")
        n += 1
        if str(libre).casefold() not in usadas:
            break
    usadas[clave] = n
    usadas[str(libre).casefold()] = 2
    return libre


def _ejecutar(tareas: list[Tarea], procesos: int, argumentos: tuple, al_empezar: Callable[[int], None] | None,
              recibir: Callable[[int, Resultado], None]) -> None:
    """Hace las tareas y pasa cada resultado, con su número de orden, a `recibir` a medida que se termina."""
    if procesos == 1:
        trabajador = Trabajador(*argumentos)
        if al_empezar:
            al_empezar(len(tareas))
        for numero, tarea in enumerate(tareas):
            recibir(numero, trabajador.hacer_uno(tarea))
        return
    tamano = max(1, min(TANDA_MAXIMA, len(tareas) // (procesos * 4)))
    pendientes: dict[Future, range] = {}
    with ProcessPoolExecutor(procesos, initializer=iniciar_proceso, initargs=argumentos) as pool:
        try:
            for i in range(0, len(tareas), tamano):
                numeros = range(i, min(i + tamano, len(tareas)))
                pendientes[pool.submit(hacer_en_proceso, [tareas[n] for n in numeros])] = numeros
            if al_empezar:
                al_empezar(len(tareas))
            while pendientes:
                listos, _ = wait(pendientes, return_when=FIRST_COMPLETED)
                for futuro in listos:
                    try:
                        resultados = futuro.result()
                    except Exception as e:
                        raise ProcesoFallido(
                            f"un proceso de trabajo falló ({type(e).__name__}: {e}); los documentos terminados "
                            "quedaron guardados: vuelva a ejecutar la orden para completar el lote"
                        ) from e
                    for numero, resultado in zip(pendientes.pop(futuro), resultados, strict=True):
                        recibir(numero, resultado)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)  # las tandas en curso terminan: sus archivos cuentan
            for futuro, numeros in pendientes.items():
                if futuro.done() and not futuro.cancelled() and futuro.exception() is None:
                    for numero, resultado in zip(numeros, futuro.result(), strict=True):
                        recibir(numero, resultado)
            raise


def _reporte(resumen: Resumen, problemas: list[Problema]) -> None:
    ruta = resumen.salida / REPORTE_ERRORES
    if not (resumen.fallidos or problemas):
        ruta.unlink(missing_ok=True)  # el de una ejecución anterior ya no vale
        return
    resumen.reporte_errores = ruta
    lineas = [f"Datos no válidos (registros que no se usaron): {len(problemas)}", *(f"  {p}" for p in problemas), ""]
    lineas += [f"Documentos que no se generaron: {len(resumen.fallidos)}"]
    lineas += [f"  {r.formato} | {', '.join(r.registros)} | {r.mensaje}" for r in resumen.fallidos]
    escribir_atomico(ruta, ("\n".join(lineas) + "\n").encode("utf-8"))
