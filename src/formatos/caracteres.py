"""Los caracteres que XML 1.0 (y por tanto Word y Excel) no admite."""

from __future__ import annotations

import re

PROHIBIDOS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Controles salvo tabulador, CR y LF; sustitutos sueltos; U+FFFE y U+FFFF."""


def limpiar(texto: str) -> str:
    """Quita los caracteres que XML 1.0 prohíbe."""
    return PROHIBIDOS.sub("", texto)
