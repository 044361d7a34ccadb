"""Expediente en JSON: lectura con mensajes claros y limpieza de caracteres que Word no admite."""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

from pydantic_core import from_json

from formatos.entrada.imagenes import resolver_imagenes
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
    """Quita de todo texto los caracteres que XML 1.0 prohíbe y avisa en qué campo estaban.

    Cambia las listas y los objetos en su sitio (sin copiarlos: el expediente puede pesar cientos de MB)."""
    avisos: list[Problema] = []
    if isinstance(datos, str):
        limpio = PROHIBIDOS.sub("", datos)
        if limpio != datos:
            avisos.append(Problema(ruta, "se quitaron caracteres de control no imprimibles", "advertencia"))
        return limpio, avisos
    if isinstance(datos, (dict, list)):
        for k, v in datos.items() if isinstance(datos, dict) else enumerate(datos):
            if isinstance(v, (str, dict, list)):
                limpio, a = limpiar_textos(v, ruta + (k,))
                if limpio is not v:
                    datos[k] = limpio
                avisos += a
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
    try:  # pydantic-core lee los bytes; json pide el texto entero (con una sola «…», 2 bytes por carácter)
        datos = from_json(crudo.removeprefix(codecs.BOM_UTF8))
    except ValueError:  # lo que no lee (un sustituto suelto como "\ud800") lo lee json, con los mensajes de siempre
        datos = _json(crudo, nombre)
        if isinstance(datos, Carga):
            return datos
    del crudo
    try:
        datos, avisos = limpiar_textos(datos)
    except RecursionError:
        return Carga(None, [Problema((), f"{nombre}: no es un expediente (tiene cientos de listas u objetos unos dentro de otros)")])
    carga = validar_expediente(datos, vaciar=True)
    carga.problemas[:0] = avisos
    resolver_imagenes(carga, ruta.resolve().parent)
    return carga


def _json(crudo: bytes, nombre: str) -> Any:
    """Los datos con el módulo json, o la Carga con el problema si el archivo no es JSON válido."""
    try:
        texto = crudo.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Carga(None, [Problema((), f"{nombre}: no está en UTF-8; guárdelo como «UTF-8» y vuelva a intentarlo")])
    try:
        return json.loads(texto)
    except json.JSONDecodeError as e:
        motivo = _ERRORES_JSON.get(e.msg, e.msg)
        return Carga(None, [Problema((), f"{nombre}: no es JSON válido (línea {e.lineno}, columna {e.colno}: {motivo})")])
    except RecursionError:
        return Carga(None, [Problema((), f"{nombre}: no es un expediente (tiene miles de listas u objetos unos dentro de otros)")])


def a_json(expediente: Expediente) -> bytes:
    """El expediente en JSON (UTF-8, con sangría), como lo lee `cargar`."""
    datos = expediente.model_dump(mode="json")
    return (json.dumps(datos, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
