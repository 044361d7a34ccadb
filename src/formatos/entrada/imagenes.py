"""Imágenes citadas por el expediente (el croquis de la ruta): rutas resueltas desde la carpeta del archivo."""

from __future__ import annotations

import os
from pathlib import Path

from formatos.errores import Problema
from formatos.modelos.expediente import Carga, Expediente

TAMANO_MAXIMO = 10 * 1024 * 1024
_FIRMAS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG


def problema_imagen(ruta: Path, escrita: str) -> str | None:
    """Por qué el archivo no sirve como imagen del documento (None si sirve)."""
    if not ruta.is_file():
        return f"no existe el archivo «{escrita}»"
    if ruta.stat().st_size > TAMANO_MAXIMO:
        return f"la imagen «{escrita}» pesa más de {TAMANO_MAXIMO // 2**20} MB (redúzcala)"
    with ruta.open("rb") as f:
        inicio = f.read(8)
    if not inicio.startswith(_FIRMAS):
        return f"«{escrita}» no es una imagen PNG ni JPEG"
    return None


def relativas(expediente: Expediente, carpeta: Path | None) -> Expediente:
    """El expediente con cada croquis escrito desde `carpeta` (la del archivo que se va a escribir), como lo
    lee `resolver_imagenes`: al exportar, las rutas siguen siendo relativas al expediente."""
    if carpeta is None or not any(p.croquis for p in expediente.planes_anuales_ap):
        return expediente
    planes = []
    for plan in expediente.planes_anuales_ap:
        if plan.croquis and Path(plan.croquis).is_absolute():
            try:
                plan = plan.model_copy(update={"croquis": Path(os.path.relpath(plan.croquis, carpeta.resolve())).as_posix()})
            except ValueError:
                pass  # otra unidad de disco (Windows): queda absoluta
        planes.append(plan)
    return expediente.model_copy(update={"planes_anuales_ap": planes})


def resolver_imagenes(carga: Carga, carpeta: Path) -> None:
    """Cambia cada croquis por su ruta absoluta. Uno que no sirve es un error que cuesta solo el croquis: el plan sale sin él."""
    if carga.expediente is None:
        return
    for plan in carga.expediente.planes_anuales_ap:
        if plan.croquis is None:
            continue
        ruta = (carpeta / Path(plan.croquis).expanduser()).resolve()
        motivo = problema_imagen(ruta, plan.croquis)
        if motivo is None:
            plan.croquis = str(ruta)
        else:
            carga.problemas.append(Problema(carga.ruta(plan) + ("croquis",), f"{motivo}: el plan sale sin croquis"))
            plan.croquis = None
