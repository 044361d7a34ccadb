"""Después del lote: el PDF de cada .docx generado, las carpetas de firmas y el kit del mes, como resultados más
del lote."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from formatos import carpetas as carpetas_de_firmas
from formatos import kit as kit_del_mes
from formatos.documentos import Formato
from formatos.lote import Resumen
from formatos.lote.manifiesto import Entrada, escribir_atomico, sha256
from formatos.lote.trabajo import Estado, Resultado
from formatos.modelos.expediente import Expediente
from formatos.recursos import carpeta_plantillas
from formatos.salida.nombres import archivo_seguro
from formatos.salida.paginas import convertir_para_imprimir
from formatos.sistema import describir


def imprimir(expediente: Expediente, elegidos: list[Formato], resumen: Resumen, carpetas: bool,
             sobrescribir: bool, kit: bool = False, limite: float | None = None) -> list[Resultado]:
    """El PDF de cada .docx del resumen (formato "… (pdf)") y, si se piden, las carpetas de firmas y el kit del
    mes. Los instrumentos de campo van al kit, no a las carpetas de firmas.

    Un PDF cuyo .docx no cambió y que ya existe no se rehace. `limite`: segundos para todos los PDF.
    """
    docx = [(r, r.ruta) for r in resumen.resultados if r.estado != "fallido" and r.ruta and r.ruta.suffix == ".docx"]
    convertidos = {c.origen: c for c in convertir_para_imprimir(
        [ruta for r, ruta in docx if r.estado == "generado" or not ruta.with_suffix(".pdf").exists()],
        limite_total=limite)}
    nuevos = []
    for r, ruta in docx:
        c = convertidos.get(ruta)
        estado: Estado = "sin cambios" if c is None else "generado" if c.estado == "convertido" else "fallido"
        pdf = ruta.with_suffix(".pdf")
        entrada = None if estado == "fallido" else _entrada(resumen.salida, pdf, r.formato, r.registros, ruta)
        nuevos.append(Resultado(f"{r.formato} (pdf)", pdf, r.registros, estado, c.mensaje if c else "", entrada))
    if not (carpetas or kit):
        return nuevos
    listos = {(n.formato.removesuffix(" (pdf)"), n.registros): n.ruta.with_suffix(".docx")
              for n in nuevos if n.estado != "fallido" and n.ruta is not None}
    firmados, instrumentos = [], []
    for formato in elegidos:
        del_kit = formato.identificador in kit_del_mes.instrumentos()
        if not (kit if del_kit else carpetas):
            continue
        for documento in formato.documentos(expediente):
            if formato.espera_cierre(documento):
                continue  # un borrador no se firma
            if (hecho := listos.get((formato.identificador, documento.registros))) is None:
                continue
            if del_kit:
                instrumentos.append(carpetas_de_firmas.Parte(formato, documento, hecho, ()))
            else:
                firmados += carpetas_de_firmas.partes_de(formato, documento, hecho)
    if carpetas:
        nuevos += _unir(expediente, resumen, carpetas_de_firmas.clasificar(expediente, firmados),
                        carpetas_de_firmas.PLANTILLA, carpetas_de_firmas.CARPETA, carpetas_de_firmas.portada, sobrescribir)
    if kit:
        nuevos += _unir(expediente, resumen, kit_del_mes.clasificar(expediente, instrumentos), kit_del_mes.PLANTILLA,
                        kit_del_mes.KIT, kit_del_mes.portada, sobrescribir)
    return nuevos


def _unir(expediente: Expediente, resumen: Resumen, grupos: list[carpetas_de_firmas.Carpeta], plantilla: str,
          identificador: str, portada: Callable[[Expediente, carpetas_de_firmas.Carpeta, list[int], int], BaseModel],
          sobrescribir: bool) -> list[Resultado]:
    """Las carpetas (de firmas o kits) armadas y escritas, en PDF y en Word."""
    nuevos = []
    unidas = carpetas_de_firmas.armar(expediente, grupos, carpeta_plantillas() / plantilla, portada)
    for carpeta, unida in zip(grupos, unidas):
        for datos, extension in ((unida.pdf, ".pdf"), (unida.docx, ".docx")):
            destino = archivo_seguro(resumen.salida, carpeta.ruta, extension)
            estado: Estado
            estado, mensaje = ("fallido", unida.error) if unida.error else escribir(destino, datos, sobrescribir)
            entrada = None if estado == "fallido" else _entrada(resumen.salida, destino, identificador, carpeta.registros)
            nuevos.append(Resultado(f"{identificador} ({extension[1:]})", destino, carpeta.registros, estado, mensaje, entrada))
    return nuevos


def _entrada(salida: Path, archivo: Path, formato: str, registros: tuple[str, ...], origen: Path | None = None) -> Entrada:
    """La entrada del manifiesto de un PDF (hecho de `origen`) o de una carpeta de firmas."""
    raiz = salida.resolve()
    return Entrada(
        ruta=archivo.resolve().relative_to(raiz).as_posix(), tipo=archivo.suffix.lstrip("."), formato=formato,
        registros=registros, sha256=sha256(archivo.read_bytes()),
        sha256_datos=sha256(origen.read_bytes()) if origen else "",
        origen=origen.resolve().relative_to(raiz).as_posix() if origen else "",
    )


def escribir(destino: Path, datos: bytes, sobrescribir: bool) -> tuple[Estado, str]:
    """Como los .docx del lote: igual, "sin cambios"; distinto, solo con `sobrescribir`."""
    if destino.exists() and destino.read_bytes() == datos:
        return "sin cambios", ""
    if destino.exists() and not sobrescribir:
        return "fallido", f"{destino.name} ya existe con otro contenido; use --sobrescribir para reemplazarlo"
    try:
        escribir_atomico(destino, datos)
    except OSError as e:
        return "fallido", f"no se pudo escribir {destino.name}: {describir(e)}"
    return "generado", ""
