"""Nombres de archivo tomados de los datos: legibles (con tildes), seguros en Windows y Linux, sin salir de la carpeta."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path, PurePosixPath

_PROHIBIDOS = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVADOS = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAXIMO = 100


def componente_seguro(texto: str, maximo: int = MAXIMO) -> str:
    """Un nombre de carpeta o archivo seguro: sin / \\ : * ? " < > |, sin "..", sin nombres reservados."""
    texto = unicodedata.normalize("NFC", texto)
    texto = _PROHIBIDOS.sub("", texto)
    texto = "".join(c for c in texto if unicodedata.category(c)[0] != "C")
    texto = re.sub(r"\s+", " ", texto).strip(" .")
    texto = re.sub(r"\.{2,}", ".", texto)
    raiz, punto, ext = texto.rpartition(".") if "." in texto else (texto, "", "")
    if raiz.split(".")[0].upper() in _RESERVADOS:
        raiz = "_" + raiz
    texto = f"{raiz}{punto}{ext}"
    if len(texto) > maximo:
        sufijo = f"{punto}{ext}" if len(ext) <= 5 else ""
        texto = texto[: maximo - len(sufijo)].rstrip(" .") + sufijo
    return texto or "sin nombre"


def ruta_segura(salida: Path, relativa: PurePosixPath) -> Path:
    """La ruta final dentro de `salida`, con cada parte saneada; nunca fuera de `salida`."""
    partes = [componente_seguro(p) for p in relativa.parts if p not in ("", ".", "..", "/")]
    destino = salida.joinpath(*partes).resolve()
    if not destino.is_relative_to(salida.resolve()):
        raise ValueError(f"la ruta {relativa} sale de la carpeta de salida")
    return destino
