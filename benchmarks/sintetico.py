"""Un expediente sintético: el de ejemplo copiado `copias` veces, con DNI, códigos e ids nuevos en cada copia.

Sirve para medir el lote con decenas de miles de documentos sin inventar datos nuevos: cada copia es
una UGEL de ejemplo más (sus AP, II. EE., docentes, visitas, GIA y valoraciones), con sus referencias
rehechas. Funciona con cualquier sección nueva del expediente: copia toda lista de registros y cambia
todo texto igual a un `dni`, `codigo_modular` o `id` de un registro.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

CLAVES = ("dni", "codigo_modular", "id")


def _claves(datos: dict) -> set[str]:
    return {r[c] for v in datos.values() if isinstance(v, list) for r in v if isinstance(r, dict)
            for c in CLAVES if isinstance(r.get(c), str)}


def _nueva(valor: str, k: int, i: int) -> str:
    """DNI (8 cifras) o código modular (7): 9, la copia y el número de orden; un id: con "-k" al final."""
    if valor.isdigit() and len(valor) >= 7:
        return str(9 * 10 ** (len(valor) - 1) + k * 1000 + i)
    return f"{valor}-{k}"


def _cambiar(objeto, mapa: dict[str, str], k: int):
    """Cambia las claves por las de la copia `k`; los apellidos llevan el número de la copia (otras personas)."""
    if isinstance(objeto, str):
        return mapa.get(objeto, objeto)
    if isinstance(objeto, list):
        return [_cambiar(x, mapa, k) for x in objeto]
    if isinstance(objeto, dict):
        return {c: f"{v} {_SUFIJOS[k % len(_SUFIJOS)]}{k}" if c == "apellidos" else _cambiar(v, mapa, k)
                for c, v in objeto.items()}
    return objeto


_SUFIJOS = "ABCDEFGHJK"


def escalar(datos: dict, copias: int) -> dict:
    """`datos` con cada sección de registros repetida `copias` veces (la copia 0 es la original)."""
    if not 1 <= copias <= 999:
        raise ValueError("copias: de 1 a 999")
    claves = _claves(datos)
    resultado = copy.deepcopy(datos)
    for k in range(1, copias):
        mapa = {c: _nueva(c, k, i) for i, c in enumerate(sorted(claves))}
        if len(set(mapa.values()) | claves) != 2 * len(claves):
            raise ValueError("las claves de la copia se repiten: el ejemplo no se puede escalar así")
        for seccion, registros in datos.items():
            if isinstance(registros, list) and registros and isinstance(registros[0], dict):
                resultado[seccion] += _cambiar(registros, mapa, k)
    return resultado


def escribir(datos: dict, ruta: Path) -> Path:
    ruta.write_text(json.dumps(datos, ensure_ascii=False), "utf-8")
    return ruta
