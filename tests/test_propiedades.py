"""Pruebas de propiedades (Hypothesis): expedientes válidos al azar, con texto Unicode arbitrario.

Todo formato del registro se llena, cada .docx se vuelve a abrir con python-docx (y cada .xlsx con
openpyxl), y el texto del documento contiene los textos de entrada que la plantilla imprime.
"""

from __future__ import annotations

import copy
import io
import typing
from pathlib import Path

import openpyxl
from annotated_types import MaxLen, MinLen
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import formatos
from formatos.caracteres import limpiar
from formatos.recursos import carpeta_plantillas
from formatos.modelos import tipos
from formatos.modelos.expediente import Expediente
from formatos.registro import FORMATOS
from formatos.salida import renderizar
from formatos.salida.nombres import MAXIMO, componente_seguro
from formatos.salida.verificacion import verificar

from tests.conftest import texto_docx

AJUSTES = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.function_scoped_fixture])
DOCUMENTOS_POR_FORMATO = 1

# Texto con al menos un carácter visible: Unicode arbitrario (letras de cualquier alfabeto, emojis,
# signos, controles, espacios raros...), a veces largo.
texto = st.text(min_size=1, max_size=120).filter(lambda t: any(map(tipos._visible, limpiar(t)))) | \
    st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=2000).filter(
        lambda t: any(map(tipos._visible, limpiar(t))))


def _libre(modelo: type[BaseModel], nombre: str) -> bool:
    """Un campo de texto libre: str sin validadores propios (salvo el de los textos invisibles), que no es clave ni
    referencia."""
    campo = modelo.model_fields[nombre]
    validados = {f for d in modelo.__pydantic_decorators__.field_validators.values() for f in d.info.fields}
    return (campo.annotation is str
            and all(isinstance(m, (MinLen, MaxLen)) or getattr(m, "func", None) is tipos._no_invisible
                    for m in campo.metadata)
            and nombre not in validados and nombre != getattr(modelo, "clave", None)
            and nombre not in getattr(modelo, "referencias", {}))


def largo_maximo(modelo: type[BaseModel], nombre: str) -> int:
    """El largo máximo de un texto: el de su tipo (nombres, claves, textos cortos) o el de todo texto."""
    return min([m.max_length for m in modelo.model_fields[nombre].metadata if isinstance(m, MaxLen)] + [tipos.LARGO_TEXTO])


def campos_libres(modelo: type[BaseModel], datos: dict, ruta=()):
    """(dict, campo, largo máximo) de cada texto libre presente en los datos, recorriendo submodelos y listas."""
    for nombre, campo in modelo.model_fields.items():
        if nombre not in datos:
            continue
        if _libre(modelo, nombre) and isinstance(datos[nombre], str):
            yield datos, nombre, largo_maximo(modelo, nombre)
            continue
        anotacion = campo.annotation
        argumentos = typing.get_args(anotacion)
        if isinstance(anotacion, type) and issubclass(anotacion, BaseModel) and isinstance(datos[nombre], dict):
            yield from campos_libres(anotacion, datos[nombre])
        elif typing.get_origin(anotacion) is list and argumentos and isinstance(argumentos[0], type) \
                and issubclass(argumentos[0], BaseModel):
            for item in datos[nombre]:
                if isinstance(item, dict):
                    yield from campos_libres(argumentos[0], item)


@st.composite
def expedientes(draw, datos_ejemplo):
    """El ejemplo con todos sus textos libres cambiados por texto al azar y menos matrices."""
    datos = copy.deepcopy(datos_ejemplo)
    for seccion in ("valoraciones", "valoraciones_directivo"):
        n = draw(st.integers(min_value=1, max_value=3))
        elegidos = draw(st.lists(st.sampled_from(range(len(datos[seccion]))), min_size=n, max_size=n, unique=True))
        datos[seccion] = [datos[seccion][i] for i in sorted(elegidos)]
    textos = draw(st.lists(texto, min_size=3, max_size=12))
    for i, (registro, campo, maximo) in enumerate(campos_libres(Expediente, datos)):
        que_caben = [t for t in textos if len(t) <= maximo] or ["x"]
        registro[campo] = que_caben[i % len(que_caben)]
    return datos


def valores(contexto, ruta: str) -> list:
    """Los valores de una ruta como "filas[].evidencias" en el contexto (dict)."""
    actuales = [contexto]
    for parte in ruta.split("."):
        lista = parte.endswith("[]")
        nombre = parte.removesuffix("[]")
        actuales = [a[nombre] for a in actuales if isinstance(a, dict) and nombre in a]
        if lista:
            actuales = [x for a in actuales for x in a]
    return actuales


def normal(texto_: str) -> str:
    return limpiar(texto_).replace("\r\n", "\n").replace("\r", "\n")


def texto_xlsx(datos: bytes) -> str:
    libro = openpyxl.load_workbook(io.BytesIO(datos))
    return "\n".join(str(c.value) for hoja in libro for fila in hoja.iter_rows() for c in fila if c.value is not None)


IMPRESAS = {
    f.identificador: verificar(carpeta_plantillas() / f.plantilla, f).rutas_impresas
    for f in FORMATOS.values() if f.extension == ".docx"
}


def test_hay_campos_libres_en_el_ejemplo(datos_ejemplo):
    libres = {campo for _, campo, _ in campos_libres(Expediente, copy.deepcopy(datos_ejemplo))}
    assert {"proposito_sesion", "evidencias", "producto_asesoria", "nombres", "apellidos", "tema"} <= libres
    assert not libres & {"dni", "codigo_modular", "id", "tipo", "codigo", "dni_docente"}


@AJUSTES
@given(data=st.data())
def test_todo_formato_se_llena_y_se_reabre(data, datos_ejemplo, tmp_path):
    datos = data.draw(expedientes(datos_ejemplo))
    carga = formatos.validar_expediente(datos)
    assert carga.errores == [], [str(p) for p in carga.errores][:5]
    for formato in FORMATOS.values():
        documentos = list(formato.documentos(carga.expediente))[:DOCUMENTOS_POR_FORMATO]
        assert documentos or formato.identificador not in ("matriz-docente", "matriz-directivo")
        for documento in documentos:
            contexto = documento.contexto().model_dump()
            salida = renderizar(carpeta_plantillas() / formato.plantilla, contexto)
            if formato.extension == ".xlsx":
                texto_xlsx(salida)
                continue
            ruta = tmp_path / "doc.docx"
            ruta.write_bytes(salida)
            Document(str(ruta))
            escrito = texto_docx(ruta)
            for camino in IMPRESAS[formato.identificador]:
                for valor in valores(contexto, camino):
                    if isinstance(valor, str):
                        assert normal(valor) in escrito, (formato.identificador, camino, valor)


@settings(max_examples=40, deadline=None)
@given(valor=st.text(max_size=300))
def test_cualquier_texto_llega_intacto_a_word(valor, tmp_path_factory):
    """Un texto cualquiera, impreso por la plantilla, sale igual en Word (sin lo que XML prohíbe)."""
    plantilla = _plantilla_minima(tmp_path_factory)
    datos = renderizar(plantilla, {"ugel": valor})
    parrafo = Document(io.BytesIO(datos)).paragraphs[0].text
    assert parrafo == "«" + normal(valor) + "»"


def _plantilla_minima(tmp_path_factory) -> Path:
    ruta = tmp_path_factory.getbasetemp() / "minima.docx"
    if not ruta.exists():
        doc = Document()
        doc.add_paragraph("«{{ ugel }}»")
        doc.save(str(ruta))
    return ruta


@settings(max_examples=200, deadline=None)
@given(nombre=st.text(max_size=400))
def test_nombres_de_archivo_siempre_seguros(nombre):
    seguro = componente_seguro(nombre)
    assert 0 < len(seguro) <= MAXIMO
    assert not any(c in seguro for c in '<>:"/\\|?*') and seguro not in (".", "..")
    assert not any(ord(c) < 32 for c in seguro)
    assert seguro == seguro.strip(" .")
    assert seguro.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                                                *(f"LPT{i}" for i in range(1, 10))}
    assert componente_seguro(seguro) == seguro
