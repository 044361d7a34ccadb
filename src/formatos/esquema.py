"""El esquema JSON del expediente y de cada formato, con títulos en castellano, con tildes («Acción», no «Accion»).

Los títulos no se escriben a mano campo por campo: salen de los de las columnas de Excel (`datos/excel.toml`) y,
si un campo no figura allí, de su nombre, con las tildes de las palabras tal como se escriben en las descripciones
del mismo esquema y en los títulos de Excel («evaluacion» → «evaluación»). Un campo nuevo con una descripción en
castellano trae consigo sus tildes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from formatos.catalogo import leer_datos

SIGLAS = {"ap": "AP", "ugel": "UGEL", "gia": "GIA", "ie": "I. E.", "dni": "DNI", "dre": "DRE", "pat": "PAT",
          "sigma": "SIGMA", "mbdd": "MBDD", "mbddi": "MBDDI", "rci": "RCI", "agp": "AGP", "json": "JSON",
          "i": "I", "ii": "II", "iii": "III", "iv": "IV", "y": "y"}
"""Las siglas (y los niveles I a IV) que van en mayúsculas en un título."""
ENIES = {"anio": "año", "anios": "años"}
"""Palabras que en un nombre de campo se escriben sin ñ (y no por quitarle la tilde a la ñ)."""
PALABRAS = ("acompañante", "acompañantes", "institución", "instituciones", "categorías")
"""Palabras de los nombres de modelos que ninguna descripción escribe (completan el vocabulario)."""


def _sin_tildes(texto: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", texto) if unicodedata.category(c) != "Mn")


@cache
def _columnas() -> dict[str, str]:
    return leer_datos("excel.toml")["columnas"]


def _textos(valor: Any) -> Iterator[str]:
    if isinstance(valor, dict):
        for clave, v in valor.items():
            if clave == "description" and isinstance(v, str):  # los títulos de pydantic no llevan tildes
                yield v
            else:
                yield from _textos(v)
    elif isinstance(valor, list):
        for v in valor:
            yield from _textos(v)


def tildes(textos: list[str]) -> dict[str, str]:
    """Cada palabra sin tilde → como se escribe con tilde en `textos` (la forma más frecuente; si la palabra aparece
    más veces sin tilde que con ella, se deja sin tilde: «esta» no se vuelve «está»)."""
    formas: dict[str, Counter[str]] = {}
    for texto in textos:
        for palabra in re.findall(r"[^\W\d_]+", texto.lower()):
            formas.setdefault(_sin_tildes(palabra), Counter())[palabra] += 1
    resultado = {}
    for llana, cuenta in formas.items():
        con_tilde = [(n, p) for p, n in cuenta.items() if p != llana]
        if con_tilde and max(con_tilde)[0] > cuenta.get(llana, 0):
            resultado[llana] = max(con_tilde)[1]
            if llana.endswith("s") and llana[:-1] not in formas:  # «prácticas» da también «práctica»
                resultado[llana[:-1]] = resultado[llana][:-1]
    return resultado


def _palabra(minuscula: str, vocabulario: dict[str, str]) -> str:
    if minuscula in vocabulario:
        return vocabulario[minuscula]
    if minuscula.endswith("s") and minuscula[:-1] in vocabulario:  # «diagnósticos» por «diagnóstico»
        return vocabulario[minuscula[:-1]] + "s"
    if minuscula.endswith(("cion", "sion")):  # «evaluacion», «variacion»: la terminación siempre lleva tilde
        return minuscula[:-3] + "ión"
    return minuscula


def titulo(nombre: str, vocabulario: dict[str, str], seccion: str = "") -> str:
    """El título de un campo: el de su columna de Excel o su nombre con tildes y siglas ("tareas_ap" → "Tareas AP")."""
    columnas = _columnas()
    for clave in (f"{seccion}.{nombre}" if seccion else "", nombre):
        if clave and clave in columnas:
            return columnas[clave]
    return _frase(nombre.split("_"), vocabulario)


def titulo_modelo(nombre: str, vocabulario: dict[str, str]) -> str:
    """El título de un modelo: "PlanAnualUGEL" → "Plan anual UGEL"; "EvaluacionFinDeAnio" → "Evaluación fin de año"."""
    return _frase(re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+", nombre), vocabulario)


def _frase(palabras: list[str], vocabulario: dict[str, str]) -> str:
    escritas = []
    for palabra in palabras:
        minuscula = palabra.lower()
        escritas.append(SIGLAS.get(minuscula) or ENIES.get(minuscula) or _palabra(minuscula, vocabulario))
    texto = " ".join(escritas)
    return texto[:1].upper() + texto[1:]


def esquema_json(modelo: type[BaseModel]) -> dict:
    """El esquema JSON de un modelo (el expediente o el contenido de un formato), con títulos en castellano."""
    from formatos.modelos.expediente import secciones

    esquema = modelo.model_json_schema()
    datos = leer_datos("excel.toml")
    vocabulario = tildes([*_textos(esquema), *_columnas().values(), *datos["hojas"].values(), *PALABRAS])
    seccion_de = {tipo.__name__: nombre for nombre, tipo in secciones().items()}
    definiciones = {modelo.__name__: esquema, **esquema.get("$defs", {})}
    for nombre, definicion in definiciones.items():
        if "title" in definicion:
            definicion["title"] = titulo_modelo(nombre, vocabulario)
        for campo, propiedad in definicion.get("properties", {}).items():
            propiedad["title"] = titulo(campo, vocabulario, seccion_de.get(nombre, ""))
    return esquema
