"""El lote: genera los documentos de un expediente, uno por uno, sin que un registro malo detenga a los demás."""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from formatos.documentos import Documento, Formato
from formatos.errores import ErrorFormatos, Problema, problemas_de
from formatos.modelos.expediente import Expediente
from formatos.recursos import carpeta_plantillas
from formatos.registro import FORMATOS
from formatos.salida import renderizar
from formatos.salida.nombres import ruta_segura
from formatos.salida.pdf import buscar_soffice
from formatos.salida.verificacion import comprobar_plantillas

Estado = Literal["generado", "sin cambios", "fallido"]
REPORTE_ERRORES = "reporte-errores.txt"


@dataclass(frozen=True)
class Resultado:
    formato: str
    ruta: Path | None
    registros: tuple[str, ...]
    estado: Estado
    mensaje: str = ""


@dataclass
class Resumen:
    salida: Path
    resultados: list[Resultado] = field(default_factory=list)
    reporte_errores: Path | None = None

    @property
    def fallidos(self) -> list[Resultado]:
        return [r for r in self.resultados if r.estado == "fallido"]

    def conteo(self) -> dict[str, Counter]:
        """Por formato: cuántos generados, sin cambios y fallidos."""
        tabla: dict[str, Counter] = {}
        for r in self.resultados:
            tabla.setdefault(r.formato, Counter())[r.estado] += 1
        return tabla


def plantilla_de(formato: Formato, plantillas: Path | None = None) -> Path:
    """La plantilla propia de la UGEL si existe en `plantillas`, si no la incluida en el paquete."""
    if plantillas is not None and (plantillas / formato.plantilla).exists():
        return plantillas / formato.plantilla
    return carpeta_plantillas() / formato.plantilla


def escribir_atomico(destino: Path, datos: bytes) -> None:
    """Escribe en un temporal y lo renombra: una interrupción nunca deja un archivo a medias."""
    destino.parent.mkdir(parents=True, exist_ok=True)
    fd, temporal = tempfile.mkstemp(dir=destino.parent, prefix=".tmp-", suffix=destino.suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(datos)
        os.replace(temporal, destino)
    except BaseException:
        Path(temporal).unlink(missing_ok=True)
        raise


def _mensaje(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(str(p) for p in problemas_de(error))
    if isinstance(error, (ErrorFormatos, KeyError)):
        return str(error)
    return f"{type(error).__name__}: {error}"


def generar(
    expediente: Expediente,
    salida: str | Path,
    formatos: Iterable[str] | None = None,
    plantillas: str | Path | None = None,
    sobrescribir: bool = False,
    al_avanzar: Callable[[Resultado], None] | None = None,
    problemas: Iterable[Problema] = (),
    pdf: bool = False,
    carpetas: bool = False,
) -> Resumen:
    """Genera en `salida/<formato>/...` los documentos de los formatos pedidos (todos por omisión).

    Un archivo existente con otro contenido no se reemplaza sin `sobrescribir`. Los fallos, y los
    `problemas` de validación que se pasen, van al reporte de errores. Las plantillas propias de
    `plantillas` se verifican antes: si alguna tiene errores, lanza PlantillaInvalida sin escribir nada.
    Con `pdf`, cada .docx tiene además su PDF; con `carpetas`, también las carpetas de firmas
    (ver `formatos.carpetas`).
    """
    if pdf or carpetas:
        buscar_soffice()  # sin LibreOffice, el aviso de cómo instalarlo antes de generar nada
    salida = Path(salida)
    plantillas = Path(plantillas) if plantillas else None
    elegidos = [FORMATOS[f] for f in (formatos or FORMATOS)]
    if plantillas:
        comprobar_plantillas(plantillas, elegidos)
    salida.mkdir(parents=True, exist_ok=True)
    resumen = Resumen(salida)
    usadas: set[str] = set()
    for formato in elegidos:
        plantilla = plantilla_de(formato, plantillas)
        for documento in formato.documentos(expediente):
            resultado = _generar_uno(formato, documento, plantilla, salida, usadas, sobrescribir)
            resumen.resultados.append(resultado)
            if al_avanzar:
                al_avanzar(resultado)
    if pdf or carpetas:
        from formatos.impresion import imprimir  # sigue al lote y usa su Resultado

        for resultado in imprimir(expediente, elegidos, resumen, carpetas, sobrescribir):
            resumen.resultados.append(resultado)
            if al_avanzar:
                al_avanzar(resultado)
    problemas = [p for p in problemas if p.gravedad == "error"]
    if resumen.fallidos or problemas:
        resumen.reporte_errores = salida / REPORTE_ERRORES
        lineas = [f"Datos no válidos (registros que no se usaron): {len(problemas)}", *(f"  {p}" for p in problemas), ""]
        lineas += [f"Documentos que no se generaron: {len(resumen.fallidos)}"]
        lineas += [f"  {r.formato} | {', '.join(r.registros)} | {r.mensaje}" for r in resumen.fallidos]
        escribir_atomico(resumen.reporte_errores, ("\n".join(lineas) + "\n").encode("utf-8"))
    return resumen


def _destino_libre(salida: Path, documento: Documento, formato: Formato, usadas: set[str]) -> Path:
    destino = ruta_segura(salida, formato.identificador / documento.ruta)
    base, n = destino, 2
    while str(destino).casefold() in usadas:  # dos registros con el mismo nombre: "(2)", "(3)"...
        destino = base.with_name(f"{base.stem} ({n}){base.suffix}")
        n += 1
    usadas.add(str(destino).casefold())
    return destino


def _generar_uno(formato, documento, plantilla, salida, usadas, sobrescribir) -> Resultado:
    try:
        destino = _destino_libre(salida, documento, formato, usadas)
        datos = renderizar(plantilla, documento.contexto().model_dump())
    except Exception as e:  # noqa: BLE001 - un documento malo no detiene el lote
        return Resultado(formato.identificador, None, documento.registros, "fallido", _mensaje(e))
    if destino.exists():
        if destino.read_bytes() == datos:
            return Resultado(formato.identificador, destino, documento.registros, "sin cambios")
        if not sobrescribir:
            return Resultado(
                formato.identificador, destino, documento.registros, "fallido",
                f"{destino.name} ya existe con otro contenido; use --sobrescribir para reemplazarlo",
            )
    escribir_atomico(destino, datos)
    return Resultado(formato.identificador, destino, documento.registros, "generado")

