"""Cómo se ve el expediente en un libro de Excel: hojas y columnas derivadas de los modelos Pydantic.

Nada aquí nombra una sección en particular: cada sección del expediente (`secciones()`) es una hoja,
cada campo una columna con su título en castellano (de `datos/excel.toml`, o el nombre del campo).
Un campo que es un modelo se abre en columnas ("Jefe(a) de AGP - DNI"); una lista simple va en una
celda separada por comas; la primera lista de submodelos de un registro va una fila por elemento
(las columnas del registro se repiten) y las demás en una hoja hija con la clave del registro.
Lo que no cabe en esas reglas (listas dentro de listas) va como JSON en una celda.
"""

from __future__ import annotations

import json
import re
import types
import typing
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, TypeAdapter

from formatos.catalogo import catalogo, leer_datos
from formatos.entrada.json import motivo_json
from formatos.modelos.expediente import Expediente, secciones

Clase = Literal["texto", "digitos", "fecha", "entero", "numero", "si_no", "opciones", "lista", "dict", "json"]
VERDADERO = {"si", "s", "x", "verdadero", "true", "1", "yes"}
FALSO = {"no", "n", "falso", "false", "0"}


@cache
def textos() -> dict:
    return leer_datos("excel.toml")


def normalizar(texto: Any) -> str:
    """Para comparar lo que escribe un usuario: sin tildes, sin mayúsculas, sin espacios de más."""
    texto = unicodedata.normalize("NFKD", str(texto))
    texto = "".join(c for c in texto if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", texto).strip().casefold()


@dataclass(frozen=True)
class Columna:
    """Una columna: la ruta del campo dentro del registro (o del elemento de la lista) y cómo se escribe."""

    ruta: tuple[str, ...]
    titulo: str
    clase: Clase
    obligatoria: bool
    descripcion: str = ""
    opciones: tuple = ()
    referencia: str | None = None  # sección cuya clave debe ser el valor (lista desplegable)
    elementos: Clase | None = None  # en una lista simple, la clase de sus elementos


NUMERO = Columna(("#registro",), "N.°", "entero", False,
                 "Número del registro: une sus filas en esta hoja y en sus hojas hijas (no es un dato del expediente)")
"""Columna que numera los registros de una sección sin campo clave que tiene hojas hijas."""


@dataclass(frozen=True)
class Tabla:
    """Una hoja de una sección: columnas del registro y, si hay, las de una lista de submodelos (una fila por elemento).

    Una hoja hija (`hija=True`) solo tiene la columna clave del registro y los elementos de una de sus listas.
    """

    seccion: str
    hoja: str
    modelo: type[BaseModel]
    columnas: tuple[Columna, ...]
    lista: str | None = None
    columnas_lista: tuple[Columna, ...] = ()
    hija: bool = False

    @property
    def todas(self) -> tuple[Columna, ...]:
        return self.columnas + self.columnas_lista

    @property
    def clave(self) -> Columna | None:
        """La columna que identifica el registro: su campo clave o, si no lo tiene, su número («N.°»)."""
        nombre = getattr(self.modelo, "clave", None)
        return next((c for c in self.columnas if c.ruta in ((nombre,), NUMERO.ruta)), None)


# --- análisis de los tipos --------------------------------------------------------------------------
def _sin_none(anotacion: Any) -> tuple[Any, bool]:
    if typing.get_origin(anotacion) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(anotacion) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return anotacion, False


def _es_modelo(tipo: Any) -> bool:
    return isinstance(tipo, type) and issubclass(tipo, BaseModel)


def _base(anotacion: Any) -> Any:
    """Quita Annotated y Optional para ver la forma del tipo."""
    anotacion, _ = _sin_none(anotacion)
    while typing.get_origin(anotacion) is typing.Annotated:
        anotacion = typing.get_args(anotacion)[0]
    return anotacion


def _hoja_de_tipo(anotacion: Any) -> tuple[Clase, tuple]:
    esquema = TypeAdapter(anotacion).json_schema()
    if "anyOf" in esquema:
        opciones = [e for e in esquema["anyOf"] if e.get("type") != "null"]
        esquema = opciones[0] if len(opciones) == 1 else {}
    if "enum" in esquema:
        return "opciones", tuple(esquema["enum"])
    minimo, maximo = esquema.get("minimum"), esquema.get("maximum")
    if esquema.get("type") == "integer" and minimo is not None and maximo is not None and maximo - minimo <= 15:
        return "opciones", tuple(range(minimo, maximo + 1))  # p. ej. un mes de 3 a 12: lista desplegable
    if re.fullmatch(r"\^\[0-9\]\{\d+\}\$", esquema.get("pattern", "")):
        return "digitos", ()
    if esquema.get("format") == "date":
        return "fecha", ()
    tipos: dict[str, Clase] = {"boolean": "si_no", "integer": "entero", "number": "numero"}
    return tipos.get(str(esquema.get("type")), "texto"), ()


def _humano(nombre: str) -> str:
    return nombre.replace("_", " ").capitalize()


def _submodelo(modelo: type[BaseModel], nombre: str) -> type[BaseModel]:
    tipo = _base(modelo.model_fields[nombre].annotation)
    return _base(typing.get_args(tipo)[0]) if typing.get_origin(tipo) is list else tipo


def titulo(modelo: type[BaseModel], ruta: tuple[str, ...], seccion: str = "") -> str:
    """El título en castellano de un campo: de `datos/excel.toml`, del `title` del campo o de su nombre.

    Un campo de un submodelo se titula "Título del submodelo - Título del campo".
    """
    columnas = textos()["columnas"]
    for k in range(len(ruta), 0, -1):
        punteada = ".".join(ruta[:k])
        for clave in (f"{seccion}.{punteada}", punteada) if seccion else (punteada,):
            if clave in columnas:
                return columnas[clave] if k == len(ruta) else f"{columnas[clave]} - {titulo(_sub(modelo, ruta[:k]), ruta[k:])}"
    if len(ruta) > 1:
        return f"{titulo(modelo, ruta[:1], seccion)} - {titulo(_submodelo(modelo, ruta[0]), ruta[1:])}"
    info = modelo.model_fields[ruta[0]]
    return info.title or _humano(ruta[0])


def _sub(modelo: type[BaseModel], ruta: tuple[str, ...]) -> type[BaseModel]:
    for nombre in ruta:
        modelo = _submodelo(modelo, nombre)
    return modelo


def columnas_de(modelo: type[BaseModel], seccion: str = "", raiz: type[BaseModel] | None = None,
                prefijo: tuple[str, ...] = (), obligatorio: bool = True,
                solo: tuple[str, ...] | None = None) -> tuple[list[Columna], list[str]]:
    """Las columnas de un modelo (los submodelos abiertos en columnas) y los nombres de sus listas de submodelos.

    `raiz` es el modelo desde el que se cuentan las rutas (para los títulos); `seccion`, la clave de
    títulos propios de la sección en `excel.toml`.
    """
    raiz = raiz or modelo
    columnas: list[Columna] = []
    listas: list[str] = []
    referencias = getattr(modelo, "referencias", {})
    listas_catalogo = textos().get("listas", {})
    for nombre, info in modelo.model_fields.items():
        if solo is not None and nombre not in solo:
            continue
        ruta = prefijo + (nombre,)
        requerido = obligatorio and info.is_required()
        tipo = _base(info.annotation)
        origen = typing.get_origin(tipo)
        clase: Clase = "texto"
        opciones: tuple = ()
        elementos: Clase | None = None
        if _es_modelo(tipo):
            columnas += columnas_de(tipo, seccion, raiz, ruta, requerido)[0]
            continue
        if origen is list:
            (elemento,) = typing.get_args(tipo) or (str,)
            if _es_modelo(_base(elemento)):
                if not prefijo:
                    listas.append(nombre)
                    continue
                clase = "json"
            else:
                clase, elementos = "lista", _hoja_de_tipo(elemento)[0]
        elif origen is dict:
            valor = _base((typing.get_args(tipo)[1:] or (str,))[0])
            compuesto = typing.get_origin(valor) in (list, dict, tuple, set) or _es_modelo(valor)
            clase = "json" if compuesto else "dict"
        else:
            clase, opciones = _hoja_de_tipo(info.rebuild_annotation())
        catalogo_lista = listas_catalogo.get(f"{modelo.__name__}.{nombre}")
        if catalogo_lista:
            clase, opciones = "opciones", tuple(getattr(catalogo(), catalogo_lista))
        referencia = referencias.get(nombre) if clase != "lista" and not prefijo else None
        columnas.append(Columna(ruta, titulo(raiz, ruta, seccion), clase, requerido, info.description or "",
                                opciones, referencia, elementos))
    return columnas, listas


def nombre_hoja(texto: str) -> str:
    """Un nombre de hoja válido en Excel: máximo 31 caracteres, sin []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", "", texto)[:31]


@cache
def tablas() -> tuple[Tabla, ...]:
    """Las hojas de las secciones, en el orden del expediente (las hijas tras su madre)."""
    resultado = []
    hojas = textos()["hojas"]
    usados = {normalizar(textos()["cabecera"]), normalizar(textos()["instrucciones"])}

    def unico(nombre: str) -> str:
        """Nombre de hoja válido y distinto de los ya usados (Excel corta a 31 caracteres)."""
        nombre, n = nombre_hoja(nombre), 2
        while normalizar(nombre) in usados:
            nombre, n = nombre_hoja(nombre)[:31 - len(f" ({n})")].rstrip() + f" ({n})", n + 1
        usados.add(normalizar(nombre))
        return nombre

    for seccion, modelo in secciones().items():
        hoja = unico(hojas.get(seccion) or Expediente.model_fields[seccion].title or _humano(seccion))
        columnas, listas = columnas_de(modelo, seccion)
        if not listas:
            resultado.append(Tabla(seccion, hoja, modelo, tuple(columnas)))
            continue
        primera, *otras = listas
        if otras and getattr(modelo, "clave", None) not in modelo.model_fields:
            columnas.insert(0, NUMERO)  # sin campo clave, las hojas hijas se unen al registro por su número
        resultado.append(Tabla(seccion, hoja, modelo, tuple(columnas), primera, _columnas_lista(modelo, seccion, primera, columnas)))
        clave = resultado[-1].clave
        assert clave is not None, f"la sección {seccion} tiene hojas hijas: necesita su clave o su número"
        for lista in otras:
            resultado.append(Tabla(
                seccion, unico(_nombre_hija(hoja, titulo(modelo, (lista,), seccion), usados)), modelo, (clave,), lista,
                _columnas_lista(modelo, seccion, lista, [clave]), hija=True,
            ))
    return tuple(resultado)


def _nombre_hija(hoja: str, lista: str, usados: set[str]) -> str:
    """«Hoja - Lista» si cabe en 31 caracteres; si no, «Lista» sola (si no está usada)."""
    completo = f"{hoja} - {lista}"
    if len(nombre_hoja(completo)) == len(completo) or normalizar(nombre_hoja(lista)) in usados:
        return completo
    return lista


def _columnas_lista(modelo, seccion: str, lista: str, del_registro: list[Columna]) -> tuple[Columna, ...]:
    elemento = _base(typing.get_args(_base(modelo.model_fields[lista].annotation))[0])
    propias, anidadas = columnas_de(elemento, f"{seccion}.{lista}")
    propias += [Columna((n,), titulo(elemento, (n,), f"{seccion}.{lista}"), "json", elemento.model_fields[n].is_required(),
                        elemento.model_fields[n].description or "") for n in anidadas]  # listas dentro de listas
    usados = {c.titulo for c in del_registro}
    resultado = []
    for c in propias:
        nombre = c.titulo if c.titulo not in usados else f"{titulo(modelo, (lista,), seccion)} - {c.titulo}"
        resultado.append(Columna(c.ruta, nombre, c.clase, c.obligatoria, c.descripcion, c.opciones, None, c.elementos))
    return tuple(resultado)


@cache
def columnas_cabecera() -> tuple[Columna, ...]:
    """Los datos generales (lo que no es sección): una fila por dato en la hoja de cabecera."""
    solo = tuple(n for n in Expediente.model_fields if n not in secciones())
    columnas, listas = columnas_de(Expediente, solo=solo)
    return tuple(columnas) + tuple(
        Columna((n,), titulo(Expediente, (n,)), "json", False, Expediente.model_fields[n].description or "") for n in listas
    )


# --- valores: del modelo a la celda y de la celda al modelo ---------------------------------------
def a_celda(columna: Columna, valor: Any) -> Any:
    """El valor de un campo (ya validado, modo Python) como se escribe en la celda.

    Una lista de textos va uno por línea y una de códigos o números separada por comas; un diccionario,
    «clave: valor; …». Si así no se leería igual (un elemento con un salto de línea o una coma), va en JSON.
    """
    if valor is None:
        return None
    if columna.clase == "si_no":
        return "sí" if valor else "no"
    if columna.clase == "lista":
        simple = ("\n" if columna.elementos == "texto" else ", ").join(str(v) for v in valor)
        return simple if _lista_de_celda(columna, simple) == [str(v) for v in valor] else _json(valor)
    if columna.clase == "dict":
        simple = "; ".join(f"{k}: {v}" for k, v in valor.items())
        leido = _dict_de_celda(simple)
        return simple if leido == {str(k): str(v) for k, v in valor.items()} else _json(valor)
    if columna.clase == "json":
        return _json(valor)
    if isinstance(valor, date):
        return datetime(valor.year, valor.month, valor.day)
    return valor


def _json(valor: Any) -> str:
    return json.dumps(valor, ensure_ascii=False, default=str)


_ESCAPE_EXCEL = re.compile(r"_x([0-9A-Fa-f]{4})_")
_SERIAL_MAXIMO = 73_415
"""El número de serie de Excel del 31/12/2100: una fecha escrita como número (sin formato de fecha)."""


def decodificar(texto: str) -> str:
    """Los caracteres que Excel escribe como `_xHHHH_` (`_x000D_` es un retorno de carro, `_x005F_` un «_»)."""
    return _ESCAPE_EXCEL.sub(lambda m: chr(int(m[1], 16)), texto) if "_x" in texto else texto


def de_celda(columna: Columna, valor: Any) -> Any:
    """Lo escrito en una celda, interpretado con tolerancia; None si la celda está vacía.

    Lanza ValueError con un mensaje en castellano si no se puede interpretar (solo JSON). Lo demás lo
    interpretan los tipos de los modelos (un grado «1.° a 3.°», un mes «set.», un DNI escrito como número).
    """
    if isinstance(valor, str):
        valor = decodificar(valor).strip()
        if not valor:
            return None
    if valor is None:
        return None
    if isinstance(valor, float) and valor.is_integer() and columna.clase not in ("numero", "fecha"):
        valor = int(valor)
    clase = columna.clase
    if clase == "fecha":
        if isinstance(valor, datetime):
            return valor.date()
        if isinstance(valor, (int, float)) and not isinstance(valor, bool) and 1 <= valor <= _SERIAL_MAXIMO:
            from openpyxl.utils.datetime import from_excel  # openpyxl, solo al leer un libro

            return from_excel(valor).date()  # una fecha en una celda sin formato de fecha
        return valor
    if isinstance(valor, datetime):
        valor = f"{valor:%d/%m/%Y}"
    if clase == "digitos":
        return valor if isinstance(valor, int) and not isinstance(valor, bool) else str(valor)  # un número: el modelo explica
    if clase == "texto":
        return str(valor)
    if clase in ("entero", "numero") and isinstance(valor, str):
        return valor.replace(",", ".") if re.fullmatch(r"-?[0-9]+,[0-9]+", valor) else valor
    if clase == "si_no" and not isinstance(valor, bool):
        texto = normalizar(valor)
        return True if texto in VERDADERO else False if texto in FALSO else valor
    if clase == "opciones":
        for opcion in columna.opciones:
            if normalizar(opcion) == normalizar(valor):
                return opcion
        return valor
    if clase == "lista":
        return _lista_de_celda(columna, valor) if isinstance(valor, str) else [valor]
    if clase == "dict":
        if isinstance(valor, str) and valor.startswith("{"):
            return _de_json(valor)
        return _dict_de_celda(str(valor))
    if clase == "json":
        return _de_json(valor) if isinstance(valor, str) else valor
    return valor


def _lista_de_celda(columna: Columna, texto: str) -> list:
    """Textos uno por línea; códigos y números separados por comas, punto y coma, saltos de línea o «y»
    (los rangos como «1.° a 3.°» quedan enteros: los entiende el tipo del campo). Un arreglo JSON, tal cual."""
    if texto.startswith("["):
        try:
            lista = json.loads(texto)
        except json.JSONDecodeError:
            lista = None
        if isinstance(lista, list):
            return lista
    partes = texto.split("\n") if columna.elementos == "texto" else _SEPARADORES.split(texto)
    return [x.strip() for x in partes if x.strip()]


_SEPARADORES = re.compile(r"[,;\n]|\s+[ye]\s+", re.IGNORECASE)


def _dict_de_celda(texto: str) -> dict[str, str]:
    pares = [p.split(":", 1) if ":" in p else p.split("=", 1) for p in texto.split(";") if p.strip()]
    return {k.strip(): v.strip() for k, v in (p if len(p) == 2 else (p[0], "") for p in pares)}


def _de_json(texto: str) -> Any:
    try:
        return json.loads(texto)
    except json.JSONDecodeError as e:
        raise ValueError(f"no es JSON válido ({motivo_json(e)})") from None


def poner(destino: dict, ruta: tuple[str, ...], valor: Any) -> None:
    for parte in ruta[:-1]:
        destino = destino.setdefault(parte, {})
    destino[ruta[-1]] = valor


def tomar(origen: dict, ruta: tuple[str, ...]) -> Any:
    for parte in ruta:
        if not isinstance(origen, dict) or parte not in origen:
            return None
        origen = origen[parte]
    return origen
