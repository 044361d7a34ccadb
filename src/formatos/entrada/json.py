"""Expediente en JSON: lectura con mensajes claros y limpieza de caracteres que Word no admite."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path
from typing import Any

from pydantic_core import from_json

from formatos.entrada.imagenes import relativas, resolver_imagenes
from formatos.errores import Duplicado, Problema
from formatos.modelos.expediente import Carga, Expediente, validar_expediente
from formatos.caracteres import PROHIBIDOS

TAMANO_MAXIMO = 200 * 1024 * 1024
_ERRORES_JSON = {
    "Expecting value": "falta un valor (o sobra una coma)",
    "Expecting property name enclosed in double quotes": "se esperaba un nombre de campo entre comillas dobles",
    "Expecting ',' delimiter": "falta una coma",
    "Expecting ':' delimiter": "faltan los dos puntos después del nombre del campo",
    "Extra data": "sobra texto después del final",
    "Unterminated string starting at": "un texto no cierra sus comillas",
    "Invalid control character at": "hay un carácter de control dentro de un texto",
    "Invalid \\escape": "barra invertida no válida (escriba \\\\)",
    "Invalid \\uXXXX escape": "un «\\u» debe ir seguido de 4 cifras hexadecimales",
}


def motivo_json(error: json.JSONDecodeError) -> str:
    """Por qué un texto no es JSON, en castellano, con la línea y la columna."""
    motivo = _ERRORES_JSON.get(error.msg, "no se entiende lo escrito")
    return f"línea {error.lineno}, columna {error.colno}: {motivo}"


def limpiar_textos(datos: Any, ruta: tuple = (), claves: list[int] | None = None) -> tuple[Any, list[Problema]]:
    """Quita de todo texto los caracteres que XML 1.0 prohíbe y avisa en qué campo estaban.

    Cambia las listas y los objetos en su sitio (sin copiarlos: el expediente puede pesar cientos de MB).
    Con `claves`, suma en `claves[0]` los campos de todos los objetos (ver `_duplicados`)."""
    avisos: list[Problema] = []
    if isinstance(datos, str):
        limpio = PROHIBIDOS.sub("", datos)
        if limpio != datos:
            avisos.append(Problema(ruta, "se quitaron caracteres de control no imprimibles", "advertencia"))
        return limpio, avisos
    if isinstance(datos, (dict, list)):
        if claves is not None and isinstance(datos, dict):
            claves[0] += len(datos)
        for k, v in datos.items() if isinstance(datos, dict) else enumerate(datos):
            if isinstance(v, (str, dict, list)):
                limpio, a = limpiar_textos(v, ruta + (k,), claves)
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
    claves = [0]
    try:
        datos, avisos = limpiar_textos(datos, claves=claves)
    except RecursionError:
        return Carga(None, [Problema((), f"{nombre}: no es un expediente (tiene cientos de listas u objetos unos dentro de otros)")])
    if claves[0] != _claves_escritas(crudo):  # un objeto repite un campo: se buscan (es raro)
        _marcar_duplicados(datos, _duplicados(crudo))
    del crudo
    carga = validar_expediente(datos, vaciar=True)
    carga.problemas[:0] = avisos
    resolver_imagenes(carga, ruta.resolve().parent)
    return carga


_ESPACIO_Y_DOS_PUNTOS = re.compile(rb'"[ \t\r\n]+:')
_COMILLA_ESCAPADA = re.compile(rb'\\"[ \t\r\n]*:')


def _claves_escritas(crudo: bytes) -> int:
    """Cuántos nombres de campo tiene el texto JSON: comillas que cierran un texto seguidas de «:».

    Dentro de un texto, una comilla va escapada (`\\"`): cuenta solo si la precede un número par de barras.
    Si es más que los campos leídos, algún objeto repite un campo. Sin expresiones lentas: ~0,5 s por 100 MB."""
    n = crudo.count(b'":') + len(_ESPACIO_Y_DOS_PUNTOS.findall(crudo))
    if b'\\"' in crudo:
        for m in _COMILLA_ESCAPADA.finditer(crudo):
            inicio = m.start()
            while inicio > 0 and crudo[inicio - 1] == 0x5C:  # «\»
                inicio -= 1
            if (m.start() + 1 - inicio) % 2:
                n -= 1
    return n


class _Objeto(dict):
    """Un objeto JSON leído con sus campos repetidos: {campo: [valores]}."""


def _con_duplicados(pares: list[tuple[str, Any]]) -> dict:
    objeto = _Objeto()
    for k, v in pares:
        objeto.setdefault(k, []).append(v)
    return objeto


def _duplicados(crudo: bytes) -> list[tuple[tuple, list[Any]]]:
    """Los campos que un objeto repite, con su ruta y sus valores. JSON no los prohíbe y pydantic-core se queda
    con el último en silencio: aquí son un error."""
    encontrados: list[tuple[tuple, list[Any]]] = []

    def recorrer(valor: Any, ruta: tuple) -> Any:
        if isinstance(valor, _Objeto):
            for k, valores in valor.items():
                valores = [recorrer(v, ruta + (k,)) for v in valores]
                if len(valores) > 1:
                    encontrados.append((ruta + (k,), valores))
            return {k: v[-1] for k, v in valor.items()}
        if isinstance(valor, list):
            return [recorrer(v, ruta + (i,)) for i, v in enumerate(valor)]
        return valor

    try:
        recorrer(json.loads(crudo, object_pairs_hook=_con_duplicados), ())
    except (ValueError, RecursionError):
        return []  # lo leyó pydantic-core pero no json: no se sabe dónde
    return encontrados


def _marcar_duplicados(datos: Any, duplicados: list[tuple[tuple, list[Any]]]) -> None:
    """Pone un `Duplicado` en cada campo repetido: el registro no se usa y el error dice la ruta."""
    for ruta, valores in duplicados:
        destino = datos
        try:
            for parte in ruta[:-1]:
                destino = destino[parte]
            destino[ruta[-1]] = Duplicado(valores)
        except (KeyError, IndexError, TypeError):
            pass  # dentro de otro campo repetido, que ya es un error


def _json(crudo: bytes, nombre: str) -> Any:
    """Los datos con el módulo json, o la Carga con el problema si el archivo no es JSON válido."""
    try:
        texto = crudo.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Carga(None, [Problema((), f"{nombre}: no está en UTF-8; guárdelo como «UTF-8» y vuelva a intentarlo")])
    try:
        return json.loads(texto)
    except json.JSONDecodeError as e:
        return Carga(None, [Problema((), f"{nombre}: no es JSON válido ({motivo_json(e)})")])
    except RecursionError:
        return Carga(None, [Problema((), f"{nombre}: no es un expediente (tiene miles de listas u objetos unos dentro de otros)")])


def a_json(expediente: Expediente, *, carpeta: Path | None = None) -> bytes:
    """El expediente en JSON (UTF-8, con sangría), como lo lee `cargar`.

    `carpeta`: donde se guardará el archivo; las rutas de las imágenes (el croquis) se escriben relativas a ella,
    como estaban en el expediente leído (`cargar` las deja absolutas)."""
    datos = relativas(expediente, carpeta).model_dump(mode="json")
    return (json.dumps(datos, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
