"""Lo que ahorra memoria no cambia nada: nombres de campos compartidos, lectura del JSON, el lote, importaciones."""

from __future__ import annotations

import copy
import json
import pickle
import subprocess
import sys

import pytest
from pydantic import ConfigDict

from formatos.entrada.json import leer_json, limpiar_textos
from formatos.lote.manifiesto import escribir_atomico
from formatos.lote.trabajo import Trabajador
from formatos.modelos.base import Modelo
from formatos.modelos.expediente import validar_expediente
from formatos.modelos.valoracion import ValorDesempeno
from formatos.registro import FORMATOS
from tests.conftest import sin_las_del_ejemplo


def _desempeno(**campos) -> ValorDesempeno:
    return ValorDesempeno.model_validate({"codigo": "D19", "nivel_alcanzado": "II", "evidencias": "Observa.", **campos})


# --- nombres de campos compartidos ------------------------------------------------------------------

def test_los_modelos_con_los_mismos_campos_comparten_el_conjunto():
    a, b = _desempeno(), _desempeno(evidencias="Otra cosa.")
    c = _desempeno(atendido=True)
    assert a.model_fields_set == {"codigo", "nivel_alcanzado", "evidencias"}
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    assert c.model_fields_set == {"codigo", "nivel_alcanzado", "evidencias", "atendido"}
    assert a.model_dump(exclude_unset=True) == {"codigo": "D19", "nivel_alcanzado": "II", "evidencias": "Observa."}
    assert json.loads(a.model_dump_json(exclude_unset=True)) == a.model_dump(exclude_unset=True)


def test_cambiar_un_campo_no_toca_a_los_demas_modelos():
    a, b = _desempeno(), _desempeno()
    a.producto_asesoria = "Sesión reajustada."
    assert a.model_fields_set == {"codigo", "nivel_alcanzado", "evidencias", "producto_asesoria"}
    assert b.model_fields_set == {"codigo", "nivel_alcanzado", "evidencias"}
    assert a.model_dump(exclude_unset=True)["producto_asesoria"] == "Sesión reajustada."
    assert "producto_asesoria" not in b.model_dump(exclude_unset=True)
    a.evidencias = "Otra."  # el conjunto ya es propio
    assert (a.evidencias, b.evidencias) == ("Otra.", "Observa.")


def test_el_conjunto_compartido_no_se_modifica_a_mano():
    a, b = _desempeno(), _desempeno()
    with pytest.raises(TypeError, match="compartidos"):
        a.model_fields_set.add("atendido")
    assert b.model_fields_set == {"codigo", "nivel_alcanzado", "evidencias"}


def test_copias_de_modelos():
    a = _desempeno()
    for copia in (a.model_copy(), a.model_copy(deep=True), copy.copy(a), copy.deepcopy(a)):
        assert copia == a and copia.model_fields_set == a.model_fields_set
        copia.atendido = False
        assert a.atendido and a.model_fields_set == {"codigo", "nivel_alcanzado", "evidencias"}
    for deep in (False, True):
        copia = a.model_copy(update={"producto_asesoria": "Ficha."}, deep=deep)
        assert copia.producto_asesoria == "Ficha." and "producto_asesoria" in copia.model_fields_set
        assert "producto_asesoria" not in a.model_fields_set and a.producto_asesoria == ""


def test_pickle_conserva_campos_y_los_comparte(carga_ejemplo):
    expediente = pickle.loads(pickle.dumps(carga_ejemplo.expediente))
    assert expediente == carga_ejemplo.expediente
    desempenos = [d for v in expediente.valoraciones for d in v.desempenos]
    originales = [d for v in carga_ejemplo.expediente.valoraciones for d in v.desempenos]
    assert [d.model_fields_set for d in desempenos] == [d.model_fields_set for d in originales]
    distintos = {frozenset(d.model_fields_set) for d in desempenos}
    assert len({id(d.__pydantic_fields_set__) for d in desempenos}) == len(distintos)
    uno, otro = [d for d in desempenos if d.model_fields_set == desempenos[0].model_fields_set and d.atendido][:2]
    uno.atendido = False
    assert otro.atendido and otro.model_fields_set == desempenos[0].model_fields_set


def test_validar_al_asignar():
    class Estricto(Modelo):
        model_config = ConfigDict(validate_assignment=True)
        nivel: int = 1
        nombre: str = ""

    a, b = Estricto(nombre=" Ana "), Estricto(nombre="Luis")
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__ and a.nombre == "Ana"
    a.nivel = "3"
    assert a.nivel == 3 and a.model_fields_set == {"nombre", "nivel"} and b.model_fields_set == {"nombre"}
    with pytest.raises(ValueError):
        b.nivel = "tres"
    assert b.model_fields_set == {"nombre"}


# --- lectura del JSON ------------------------------------------------------------------------------

def test_validar_no_cambia_los_datos_salvo_con_vaciar(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    carga = validar_expediente(datos)
    assert datos == datos_ejemplo
    vaciada = validar_expediente(datos, vaciar=True)
    assert vaciada.expediente == carga.expediente and vaciada.problemas == carga.problemas
    assert set(datos["valoraciones"]) == {None}


def test_limpiar_textos_en_su_sitio():
    datos = {"a": ["uno\x01", {"b": "dos"}], "c": 3}
    limpio, avisos = limpiar_textos(datos)
    assert limpio is datos and datos == {"a": ["uno", {"b": "dos"}], "c": 3}
    assert [p.ruta for p in avisos] == [("a", 0)]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_json_con_bom_y_sustitutos_sueltos(tmp_path, datos_ejemplo, bom):
    """Lo que pydantic-core no lee (un sustituto suelto) lo lee json, como antes."""
    datos = copy.deepcopy(datos_ejemplo)
    datos["valoraciones"][0]["desempenos"][0]["evidencias"] = "MARCA"
    texto = json.dumps(datos, ensure_ascii=False).replace("MARCA", "Antes\\ud800 después")
    ruta = tmp_path / "expediente.json"
    ruta.write_bytes(bom + texto.encode("utf-8"))
    carga = leer_json(ruta)
    assert carga.expediente.valoraciones[0].desempenos[0].evidencias == "Antes después"
    assert [str(p) for p in sin_las_del_ejemplo(carga.problemas)] == [
        "advertencia: valoraciones[0].desempenos[0].evidencias: se quitaron caracteres de control no imprimibles"]
    ruta.write_bytes(bom + json.dumps(datos_ejemplo, ensure_ascii=False).encode("utf-8"))
    assert leer_json(ruta).expediente == validar_expediente(copy.deepcopy(datos_ejemplo)).expediente


# --- el lote -----------------------------------------------------------------------------------------

def test_documentos_en_cualquier_orden(carga_ejemplo, tmp_path):
    expediente = carga_ejemplo.expediente
    todos = list(FORMATOS["matriz-docente"].documentos(expediente))
    trabajador = Trabajador(expediente, tmp_path, None, False, {}, "")
    for i in (3, 4, 9, 1, 0, len(todos) - 1, 2):
        assert trabajador.documento("matriz-docente", i).registros == todos[i].registros


def test_escribir_atomico_por_partes(tmp_path):
    escribir_atomico(tmp_path / "a.txt", iter([b"uno ", b"", b"dos"]))
    escribir_atomico(tmp_path / "b.txt", b"tres")
    assert (tmp_path / "a.txt").read_bytes() == b"uno dos" and (tmp_path / "b.txt").read_bytes() == b"tres"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_importar_formatos_no_trae_matplotlib_ni_openpyxl():
    """Pesan ~60 y ~20 MB: se importan al dibujar un gráfico o al usar un libro de Excel."""
    orden = ("import sys, formatos; from formatos.salida.graficos import es_grafico; "
             "print(sorted(m for m in ('matplotlib', 'numpy', 'openpyxl') if m in sys.modules))")
    salida = subprocess.run([sys.executable, "-c", orden], capture_output=True, text=True, check=True).stdout
    assert salida.strip() == "[]"
