"""El atajo de los esqueletos (`formatos.salida.esqueletos`): mismos bytes que el camino completo (lxml,
como docxtpl) para cualquier texto, vacío o no, en filas, ramas y elementos compartidos."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from formatos.recursos import carpeta_plantillas
from formatos.salida import esqueletos
from formatos.registro import FORMATOS
from formatos.salida.docx import PlantillaDocx
from tests.test_lote import _comparar, _docxtpl


def _cuerpo(datos: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(datos)).read("word/document.xml")


@pytest.fixture(autouse=True)
def sin_red(monkeypatch):
    """Sin la comparación de los primeros esqueletos con el camino completo, que taparía un error del atajo."""
    monkeypatch.setattr(esqueletos, "COMPROBADOS", 0)


def _sin_atajo(ruta: Path) -> PlantillaDocx:
    plantilla = PlantillaDocx(ruta)
    plantilla._esqueletos = None
    return plantilla


@pytest.fixture(scope="module")
def plantilla(tmp_path_factory) -> Path:
    """Textos sueltos, dos textos seguidos en un mismo elemento, una tabla con filas en bucle y una rama."""
    doc = Document()
    doc.add_paragraph("Título: {{ titulo }}")
    doc.add_paragraph("{{ titulo }}{{ nota }}")
    doc.add_paragraph("{{ nota }}")
    tabla = doc.add_table(rows=4, cols=2)
    for celda, texto in zip(tabla._cells, ["Código", "Evidencia", "{%tr for f in filas %}", "",
                                           "{{ f.a }}", "{% if f.ok %}{{ f.b }}{% else %}(sin dato){% endif %}",
                                           "{%tr endfor %}", ""], strict=True):
        celda.text = texto
    for texto in ("{%p if filas %}", "Filas: {{ filas|length }}", "{%p endif %}"):
        doc.add_paragraph(texto)
    ruta = tmp_path_factory.mktemp("esqueletos") / "plantilla.docx"
    doc.save(str(ruta))
    return ruta


TEXTO = st.text(alphabet=st.sampled_from("aZ ñ&<>\"'{}_%\t\n\x0b😀"), max_size=6)
FILA = st.fixed_dictionaries({"a": TEXTO, "b": TEXTO, "ok": st.booleans()})
CONTEXTO = st.fixed_dictionaries({"titulo": TEXTO, "nota": st.none() | TEXTO, "filas": st.lists(FILA, max_size=3)})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(contextos=st.lists(CONTEXTO, min_size=1, max_size=8))
def test_mismos_bytes_que_el_camino_completo(plantilla, contextos):
    rapida, lenta = PlantillaDocx(plantilla), _sin_atajo(plantilla)
    for contexto in contextos:
        assert _cuerpo(rapida.render(contexto)) == _cuerpo(lenta.render(contexto))
    assert rapida._esqueletos.activo
    _comparar(_docxtpl(plantilla, contextos[-1]), zipfile.ZipFile(io.BytesIO(rapida.render(contextos[-1]))))


def test_esqueletos_y_piezas_se_reusan(plantilla):
    """Un esqueleto ya visto se reusa; uno nuevo hecho de piezas ya vistas (más filas) se arma sin lxml."""
    rapida, lenta = PlantillaDocx(plantilla), _sin_atajo(plantilla)
    fila = {"a": "D1", "b": "Evidencia", "ok": True}
    contextos = [{"titulo": f"T{i}", "nota": "n", "filas": [fila] * n} for i, n in enumerate([1, 2, 1, 3, 3])]
    for contexto in contextos:
        assert _cuerpo(rapida.render(contexto)) == _cuerpo(lenta.render(contexto))
    esqueletos = rapida._esqueletos
    assert (esqueletos.aciertos, esqueletos.nuevos, esqueletos.descartados) == (2, 3, 0)
    assert esqueletos._piezas, "las piezas de los esqueletos armados quedan para otros esqueletos"


def test_un_dato_en_un_atributo_va_por_el_camino_completo(tmp_path):
    """Un texto dentro de un atributo se escapa de otro modo: ese esqueleto no sirve y el resultado es el de docxtpl."""
    doc = Document()
    doc.add_paragraph("Hola {{ nombre }}")
    doc.save(str(tmp_path / "base.docx"))
    with zipfile.ZipFile(tmp_path / "base.docx") as z:
        miembros = {n: z.read(n) for n in z.namelist()}
    cuerpo = miembros["word/document.xml"].decode()
    miembros["word/document.xml"] = cuerpo.replace("<w:p>", '<w:p w:rsidR="{{ id }}">', 1).encode()
    with zipfile.ZipFile(tmp_path / "atributo.docx", "w") as z:
        for nombre, datos in miembros.items():
            z.writestr(nombre, datos)
    rapida = PlantillaDocx(tmp_path / "atributo.docx")
    for contexto in ({"nombre": 'Ana "A"', "id": "00A1"}, {"nombre": "Luis & <Co>", "id": "00B2"}):
        _comparar(_docxtpl(tmp_path / "atributo.docx", contexto), zipfile.ZipFile(io.BytesIO(rapida.render(contexto))))
    assert rapida._esqueletos.descartados >= 1 and rapida._esqueletos.aciertos == 0


def test_matrices_del_ejemplo_iguales_por_los_dos_caminos(carga_ejemplo):
    """Todas las matrices docentes del ejemplo (con filas sin atender, productos vacíos y visitas de dos días)."""
    formato = FORMATOS["matriz-docente"]
    ruta = carpeta_plantillas() / formato.plantilla
    rapida, lenta = PlantillaDocx(ruta), _sin_atajo(ruta)
    for documento in formato.documentos(carga_ejemplo.expediente):
        contexto = documento.contexto().model_dump()
        assert _cuerpo(rapida.render(contexto)) == _cuerpo(lenta.render(contexto))
    assert rapida._esqueletos.aciertos > 0 and rapida._esqueletos.activo


def test_plantilla_con_macro_no_usa_el_atajo(tmp_path):
    """Lo impreso dentro de una macro puede volverse un dato (`|length`): sin atajo, y el mismo resultado."""
    doc = Document()
    doc.add_paragraph("{% macro m(x) %}{{ x }}{% endmacro %}{{ m(nombre)|length }} {{ nombre }}")
    doc.save(str(tmp_path / "macro.docx"))
    rapida = PlantillaDocx(tmp_path / "macro.docx")
    assert rapida._esqueletos is None
    texto = _cuerpo(rapida.render({"nombre": "Rosa"})).decode()
    assert "4 Rosa" in texto


def test_piezas_ya_vistas_que_no_cierran_bien_no_pasan():
    """Piezas de esqueletos válidos pueden combinarse en XML roto: el esqueleto nuevo se lee con lxml antes de usarse."""
    from lxml import etree

    armados = esqueletos.Esqueletos(lambda xml: etree.tostring(etree.fromstring(xml), encoding="utf-8"), etree.fromstring)
    marca = "\x01{}\x02".format
    assert armados.armar(f"<a>{marca('x')}<b>{marca('y')}</b></a>")[0] == b"<a>x<b>y</b></a>"
    assert armados.armar(f"<a>{marca('x')}</a>")[0] == b"<a>x</a>"
    assert armados.armar(f"<a>{marca('x')}<b>{marca('y')}</a>") is None  # piezas conocidas, XML roto
    assert armados.armar(f"<a>{marca('z')}<b>{marca('')}</b></a>")[0] == b"<a>z<b/></a>"


def test_tablas_que_docxtpl_reajusta_con_piezas_ya_vistas(tmp_path):
    """Un bucle de columnas ({%tc %}): según cuántas haya, docxtpl reajusta la cuadrícula de la tabla. Un
    esqueleto nuevo hecho de piezas ya vistas que necesita ese ajuste va por el camino completo."""
    doc = Document()
    doc.add_paragraph("Tabla de {{ titulo }}")
    tabla = doc.add_table(rows=2, cols=3)
    for celda, texto in zip(tabla._cells, ["A", "B", "C", "{%tc for c in columnas %}", "{{ c }}", "{%tc endfor %}"],
                            strict=True):
        celda.text = texto
    doc.add_paragraph("Fin {{ titulo }}")
    ruta = tmp_path / "columnas.docx"
    doc.save(str(ruta))
    rapida, lenta = PlantillaDocx(ruta), _sin_atajo(ruta)
    for columnas in (["x"], ["x", "y", "z"], ["x", "y"], ["x", "y", "z", "w"], ["x", "y", "z", "w", "v"], ["x"]):
        contexto = {"titulo": columnas[-1], "columnas": columnas}
        assert _cuerpo(rapida.render(contexto)) == _cuerpo(lenta.render(contexto)), columnas
    _comparar(_docxtpl(ruta, contexto), zipfile.ZipFile(io.BytesIO(rapida.render(contexto))))
    assert rapida._esqueletos.descartados >= 2  # las de más columnas que la cuadrícula


def test_varios_hilos_con_la_misma_plantilla(carga_ejemplo, monkeypatch):
    """Una plantilla compilada (con sus esqueletos) se puede usar desde varios hilos: mismos bytes."""
    import sys
    from concurrent.futures import ThreadPoolExecutor

    monkeypatch.setattr(esqueletos, "MAXIMO_ESQUELETOS", 2)  # esqueletos que entran y salen todo el tiempo
    sys.setswitchinterval(1e-6)  # los hilos se turnan a cada rato

    formato = FORMATOS["matriz-docente"]
    ruta = carpeta_plantillas() / formato.plantilla
    contextos = [d.contexto().model_dump() for d in formato.documentos(carga_ejemplo.expediente)]
    lenta = _sin_atajo(ruta)
    esperado = [lenta.render(c) for c in contextos]
    compartida = PlantillaDocx(ruta)
    try:
        with ThreadPoolExecutor(4) as hilos:
            obtenido = list(hilos.map(compartida.render, contextos * 3))
    finally:
        sys.setswitchinterval(0.005)
    assert obtenido == esperado * 3
