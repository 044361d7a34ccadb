"""Expediente en JSON: lectura con mensajes claros y limpieza de caracteres que Word no admite."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from formatos.errores import Problema
from formatos.modelos.expediente import Carga, Expediente, validar_expediente
from formatos.caracteres import PROHIBIDOS

TAMANO_MAXIMO = 200 * 1024 * 1024
_ERRORES_JSON = {
    "Expecting value": "falta un valor (o sobra una coma)",
    "Expecting property name enclosed in double quotes": "se esperaba un nombre de campo entre comillas dobles",
    "Expecting ',' delimiter": "falta una coma",
    "Expecting ':' delimiter": "faltan los dos puntos después del nombre del campo",
    "Extra data": "sobra texto después del final del expediente",
    "Unterminated string starting at": "un texto no cierra sus comillas",
    "Invalid control character at": "hay un carácter de control dentro de un texto",
    "Invalid \\escape": "barra invertida no válida (escriba \\\\)",
}


def limpiar_textos(datos: Any, ruta: tuple = ()) -> tuple[Any, list[Problema]]:
    """Quita de todo texto los caracteres que XML 1.0 prohíbe y avisa en qué campo estaban."""
    avisos: list[Problema] = []
    if isinstance(datos, str):
        limpio = PROHIBIDOS.sub("", datos)
        if limpio != datos:
            avisos.append(Problema(ruta, "se quitaron caracteres de control no imprimibles", "advertencia"))
        return limpio, avisos
    if isinstance(datos, dict):
        resultado = {}
        for k, v in datos.items():
            resultado[k], a = limpiar_textos(v, ruta + (k,))
            avisos += a
        return resultado, avisos
    if isinstance(datos, list):
        resultado = []
        for i, v in enumerate(datos):
            limpio, a = limpiar_textos(v, ruta + (i,))
            resultado.append(limpio)
            avisos += a
        return resultado, avisos
    return datos, avisos


def leer_json(ruta: Path) -> Carga:
    nombre = ruta.name
    if ruta.stat().st_size > TAMANO_MAXIMO:
        return Carga(None, [Problema((), f"{nombre}: el archivo pesa más de {TAMANO_MAXIMO // 2**20} MB")])
    crudo = ruta.read_bytes()
    if not crudo.strip():
        return Carga(None, [Problema((), f"{nombre}: el archivo está vacío")])
    if crudo[:2] == b"PK":
        return Carga(None, [Problema((), f"{nombre}: es un documento de Office (zip), no un expediente JSON")])
    try:
        datos = json.loads(crudo.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return Carga(None, [Problema((), f"{nombre}: no está en UTF-8; guárdelo como «UTF-8» y vuelva a intentarlo")])
    except json.JSONDecodeError as e:
        motivo = _ERRORES_JSON.get(e.msg, e.msg)
        return Carga(None, [Problema((), f"{nombre}: no es JSON válido (línea {e.lineno}, columna {e.colno}: {motivo})")])
    except RecursionError:
        return Carga(None, [Problema((), f"{nombre}: no es un expediente (tiene miles de listas u objetos unos dentro de otros)")])
    try:
        datos, avisos = limpiar_textos(datos)
    except RecursionError:
        return Carga(None, [Problema((), f"{nombre}: no es un expediente (tiene cientos de listas u objetos unos dentro de otros)")])
    carga = validar_expediente(datos)
    carga.problemas[:0] = avisos
    return carga


def a_json(expediente: Expediente) -> bytes:
    """El expediente en JSON (UTF-8, con sangría), como lo lee `cargar`."""
    datos = expediente.model_dump(mode="json")
    return (json.dumps(datos, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
