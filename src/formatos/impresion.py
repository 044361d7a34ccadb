"""Después del lote: el PDF de cada .docx generado y las carpetas de firmas, como resultados más del lote."""

from __future__ import annotations

from pathlib import Path

from formatos import carpetas as carpetas_de_firmas
from formatos.documentos import Formato
from formatos.lote import Resumen
from formatos.lote.manifiesto import Entrada, escribir_atomico, sha256
from formatos.lote.trabajo import Estado, Resultado
from formatos.modelos.expediente import Expediente
from formatos.recursos import carpeta_plantillas
from formatos.salida.nombres import archivo_seguro
from formatos.salida.pdf import convertir_a_pdf
from formatos.sistema import describir


def imprimir(expediente: Expediente, elegidos: list[Formato], resumen: Resumen, carpetas: bool,
             sobrescribir: bool, limite: float | None = None) -> list[Resultado]:
    """El PDF de cada .docx del resumen (formato "… (pdf)") y, si se piden, las carpetas de firmas.

    Un PDF cuyo .docx no cambió y que ya existe no se rehace. `limite`: segundos para todos los PDF.
    """
    docx = [(r, r.ruta) for r in resumen.resultados if r.estado != "fallido" and r.ruta and r.ruta.suffix == ".docx"]
    convertidos = {c.origen: c for c in convertir_a_pdf(
        [ruta for r, ruta in docx if r.estado == "generado" or not ruta.with_suffix(".pdf").exists()],
        limite_total=limite)}
    nuevos = []
    for r, ruta in docx:
        c = convertidos.get(ruta)
        estado: Estado = "sin cambios" if c is None else "generado" if c.estado == "convertido" else "fallido"
        pdf = ruta.with_suffix(".pdf")
        entrada = None if estado == "fallido" else _entrada(resumen.salida, pdf, r.formato, r.registros, ruta)
        nuevos.append(Resultado(f"{r.formato} (pdf)", pdf, r.registros, estado, c.mensaje if c else "", entrada))
    if not carpetas:
        return nuevos
    listos = {(n.formato.removesuffix(" (pdf)"), n.registros): n.ruta.with_suffix(".docx")
              for n in nuevos if n.estado != "fallido" and n.ruta is not None}
    partes = []
    for formato in elegidos:
        for documento in formato.documentos(expediente):
            if formato.espera_cierre(documento):
                continue  # un borrador no se firma
            if (lista := listos.get((formato.identificador, documento.registros))) is not None:
                firmas = carpetas_de_firmas.firmas_de(documento.contexto())
                partes.append(carpetas_de_firmas.Parte(formato, documento, lista, tuple(firmas)))
    grupos = carpetas_de_firmas.clasificar(expediente, partes)
    plantilla = carpeta_plantillas() / carpetas_de_firmas.PLANTILLA
    for carpeta, unida in zip(grupos, carpetas_de_firmas.armar(expediente, grupos, plantilla)):
        for datos, extension in ((unida.pdf, ".pdf"), (unida.docx, ".docx")):
            destino = archivo_seguro(resumen.salida, carpeta.ruta, extension)
            estado, mensaje = ("fallido", unida.error) if unida.error else escribir(destino, datos, sobrescribir)
            entrada = None if estado == "fallido" else _entrada(resumen.salida, destino, carpetas_de_firmas.CARPETA,
                                                               carpeta.registros)
            nuevos.append(Resultado(f"{carpetas_de_firmas.CARPETA} ({extension[1:]})", destino, carpeta.registros,
                                    estado, mensaje, entrada))
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
