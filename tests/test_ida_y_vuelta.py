"""Ida y vuelta JSON → libro de Excel → JSON sin pérdida, para todo campo (propiedad con Hypothesis).

Los campos salen del esquema (las columnas de `entrada.hojas`, derivadas de los modelos): cada texto libre,
lista de textos, número y lista dentro de una lista (en una celda como JSON) recibe valores al azar —
textos con saltos de línea, tabuladores, espacios dentro, comillas, `=` al inicio, `_x0041_`, emojis—,
y el expediente que vuelve del libro es el mismo.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import formatos
from formatos.caracteres import PROHIBIDOS
from formatos.entrada import a_excel, a_json
from formatos.entrada.hojas import Columna, Tabla, columnas_cabecera, tablas
from formatos.modelos import tipos

from tests.test_catalogo_json import SECCIONES_BASE


@pytest.fixture(scope="module")
def base(datos_ejemplo) -> dict:
    d = datos_ejemplo
    datos = {k: copy.deepcopy(d[k]) for k in ("anio", "ugel", "acompanantes", "instituciones", "docentes")}
    for seccion, n in SECCIONES_BASE.items():
        datos[seccion] = copy.deepcopy(d[seccion][:n])
    visitas = {v["id"] for v in datos["visitas"]}
    datos["valoraciones"] = [copy.deepcopy(v) for v in d["valoraciones"] if v["id_visita"] in visitas][:2]
    datos["planes_individuales"] = copy.deepcopy(d["planes_individuales"][:1])
    datos["buenas_practicas"] = copy.deepcopy(d["buenas_practicas"][:1])
    return formatos.validar_expediente(datos).expediente.model_dump(mode="json")


@dataclass(frozen=True)
class Campo:
    """Dónde está un campo en los datos (sección, registro 0, lista, elemento 0, ruta) y cómo se escribe."""

    ruta: tuple
    columna: Columna

    def __repr__(self) -> str:
        return ".".join(map(str, self.ruta))


def _ruta(tabla: Tabla | None, columna: Columna) -> tuple:
    if tabla is None:
        return columna.ruta
    if tabla.lista and columna in tabla.columnas_lista:
        return (tabla.seccion, 0, tabla.lista, 0, *columna.ruta)
    return (tabla.seccion, 0, *columna.ruta)


def _tomar(datos, ruta):
    for parte in ruta:
        if isinstance(datos, dict) and parte in datos or isinstance(datos, list) and isinstance(parte, int) and parte < len(datos):
            datos = datos[parte]
        else:
            return None
    return datos


def _poner(datos, ruta, valor) -> None:
    for parte in ruta[:-1]:
        datos = datos[parte]
    datos[ruta[-1]] = valor


MUESTRAS = {"texto": "Texto de prueba", "numero": 1.5, "entero": 1}


@pytest.fixture(scope="module")
def campos(base) -> list[Campo]:
    """Los campos de texto, número o lista que aceptan un valor cualquiera de su clase (no claves ni referencias)."""
    candidatos = [(None, c) for c in columnas_cabecera()] + [(t, c) for t in tablas() for c in t.todas]
    elegidos = []
    for tabla, columna in candidatos:
        if columna.referencia or (tabla and columna == tabla.clave) or columna.ruta[0] == "#registro":
            continue
        ruta = _ruta(tabla, columna)
        actual = _tomar(base, ruta[:-1])
        if not isinstance(actual, dict):
            continue  # la sección no tiene registros (o el elemento de la lista no existe) en la base
        if columna.clase == "lista" and columna.elementos == "texto":
            muestra = ["uno", "dos"]
        elif columna.clase == "json":
            muestra = _tomar(base, ruta)
            if not (isinstance(muestra, list) and muestra and isinstance(muestra[0], dict)):
                continue
        elif columna.clase in MUESTRAS:
            muestra = MUESTRAS[columna.clase]
        else:
            continue
        datos = copy.deepcopy(base)
        _poner(datos, ruta, muestra)
        if formatos.validar_expediente(datos).errores == []:
            elegidos.append(Campo(ruta, columna))
    return elegidos


def _caracter_valido(c: str) -> bool:
    return not PROHIBIDOS.match(c)


TEXTO = st.text(
    alphabet=st.characters(codec="utf-8").filter(_caracter_valido) | st.sampled_from(["\n", "\t", " ", "\r"]),
    min_size=1, max_size=40,
).map(lambda t: t.strip()).filter(lambda t: any(map(tipos._visible, t)))
TEXTO_RARO = st.sampled_from(["=SUMA(A1)", "_x0041_ no es A", "línea 1\n\tlínea 2", "a  b   c", "[no es JSON",
                              "{tampoco}", "1, 2; 3", "«comillas» \"dobles\" 'simples'", "📚 libros 👩‍🏫", "-5"])
TEXTOS = TEXTO | TEXTO_RARO


def _valor(campo: Campo, actual) -> st.SearchStrategy:
    c = campo.columna
    if c.clase == "texto":
        return TEXTOS
    if c.clase == "lista":
        return st.lists(TEXTOS, min_size=1, max_size=4)
    if c.clase == "numero":  # Excel guarda 15 cifras significativas: números con hasta 4 decimales
        return st.floats(min_value=0, max_value=24, allow_nan=False, allow_infinity=False).map(lambda x: round(x, 4))
    if c.clase == "entero":
        return st.integers(min_value=1, max_value=12)
    # una lista de submodelos dentro de una lista (una celda en JSON): sus textos cambian, sus números no
    return st.lists(st.just(copy.deepcopy(actual[0])), min_size=1, max_size=3).flatmap(
        lambda elementos: st.tuples(*[_cambiar_textos(e) for e in elementos]).map(list))


def _cambiar_textos(elemento: dict) -> st.SearchStrategy:
    cambios = {k: TEXTOS for k, v in elemento.items() if isinstance(v, str) and k not in ("codigo", "tipo", "fecha")}
    return st.fixed_dictionaries(cambios).map(lambda nuevos: {**elemento, **nuevos})


@st.composite
def cambios(draw, campos: list[Campo], base: dict):
    elegidos = draw(st.lists(st.sampled_from(campos), min_size=1, max_size=6, unique_by=lambda c: c.ruta))
    return [(c.ruta, draw(_valor(c, _tomar(base, c.ruta)))) for c in elegidos]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_json_libro_json_sin_perdida(data, base, campos, tmp_path):
    datos = copy.deepcopy(base)
    for ruta, valor in data.draw(cambios(campos, base)):
        _poner(datos, ruta, valor)
    carga = formatos.validar_expediente(datos)
    assume(carga.errores == [])  # p. ej. un número que su campo no admite (las horas de un taller)
    original = carga.expediente
    libro = tmp_path / "libro.xlsx"
    libro.write_bytes(a_excel(original))
    vuelta = formatos.cargar(libro)
    assert vuelta.errores == [], [str(p) for p in vuelta.errores]
    assert vuelta.expediente.model_dump() == original.model_dump()
    json_de_vuelta = json.loads(a_json(vuelta.expediente))
    assert json_de_vuelta == json.loads(a_json(original))


def test_se_prueban_campos_de_cada_clase(campos):
    """La propiedad cubre textos, listas de textos (con saltos de línea), números y listas dentro de listas."""
    clases = {c.columna.clase for c in campos}
    assert {"texto", "lista", "numero", "json"} <= clases
    assert len(campos) > 60


def test_item_con_salto_de_linea_e_imagen_relativa(tmp_path, datos_ejemplo):
    """Los casos del issue, por la línea de órdenes: un ítem con salto de línea y tabulador, espacios dentro,
    listas anidadas y la ruta del croquis relativa al expediente, en otra carpeta."""
    from click.testing import CliRunner

    from formatos.cli import cli
    from formatos.recursos import expediente_ejemplo

    datos = copy.deepcopy(datos_ejemplo)
    origen = tmp_path / "origen"
    origen.mkdir()
    for imagen in expediente_ejemplo().parent.glob("*.png"):
        (origen / imagen.name).write_bytes(imagen.read_bytes())
    datos["planes_anuales_ap"][0]["croquis"] = "croquis-ruta-ap1.png"
    datos["planes_individuales"][0]["necesidades_formacion"] = ["Primera línea\n\tsegunda, con tabulador", "a  b"]
    (origen / "expediente.json").write_text(json.dumps(datos, ensure_ascii=False), "utf-8")
    destino = tmp_path / "otra" / "carpeta"
    destino.mkdir(parents=True)
    runner = CliRunner()
    r = runner.invoke(cli, ["exportar", str(origen / "expediente.json"), "--a", str(destino / "libro.xlsx")])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["exportar", str(destino / "libro.xlsx"), "--a", str(destino / "vuelta.json")])
    assert r.exit_code == 0, r.output
    vuelta = json.loads((destino / "vuelta.json").read_text("utf-8"))
    assert vuelta["planes_individuales"][0]["necesidades_formacion"] == ["Primera línea\n\tsegunda, con tabulador", "a  b"]
    assert vuelta["planes_anuales_ap"][0]["croquis"] == "../../origen/croquis-ruta-ap1.png"
    assert (destino / Path(vuelta["planes_anuales_ap"][0]["croquis"])).resolve() == (origen / "croquis-ruta-ap1.png").resolve()
    original = formatos.cargar(origen / "expediente.json").expediente
    assert formatos.cargar(destino / "vuelta.json").expediente == original
