"""Dónde están las plantillas y el ejemplo: dentro del paquete instalado o, en desarrollo, en el repositorio."""

from __future__ import annotations

from pathlib import Path

_PAQUETE = Path(__file__).resolve().parent
_REPOSITORIO = _PAQUETE.parent.parent


def _buscar(relativa: str) -> Path:
    for base in (_PAQUETE, _REPOSITORIO):
        if (base / relativa).exists():
            return base / relativa
    raise FileNotFoundError(f"no se encuentra {relativa} ni en el paquete ni en el repositorio")


def carpeta_plantillas() -> Path:
    """La carpeta de plantillas incluidas con formatos."""
    return _buscar("plantillas")


def expediente_ejemplo() -> Path:
    """El expediente de la UGEL de ejemplo que usa `formatos demo`."""
    return _buscar("ejemplos/expediente-ejemplo.json")
