"""Lectura de expedientes desde archivos (JSON; Excel en `entrada.excel`)."""

from __future__ import annotations

from pathlib import Path

from formatos.entrada.json import leer_json
from formatos.errores import Problema
from formatos.modelos.expediente import Carga


def cargar(ruta: str | Path) -> Carga:
    """Lee y valida un expediente. Nunca lanza por datos malos: los problemas van en `Carga.problemas`."""
    ruta = Path(ruta)
    if not ruta.exists():
        return Carga(None, [Problema((), f"no existe el archivo {ruta}")])
    if ruta.suffix.lower() == ".json":
        return leer_json(ruta)
    return Carga(None, [Problema((), f"{ruta.name}: formato de archivo no reconocido (use .json)")])
