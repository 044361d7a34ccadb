"""El lote: plantillas compiladas iguales a docxtpl, bytes deterministas, procesos, manifiesto, reanudación
e interrupciones (un proceso que falla, Ctrl+C)."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import multiprocessing
import os
import signal
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from click.testing import CliRunner
from docx import Document
from docx.shared import Cm
from lxml import etree

import formatos
import formatos.lote.trabajo as trabajo
from formatos.cli import _Avance, cli
from formatos.lote import ProcesoFallido, generar
from formatos.lote.manifiesto import NOMBRE, NOMBRE_CSV, PREFIJO_TEMPORAL, Entrada, Manifiesto
from formatos.recursos import carpeta_plantillas, expediente_ejemplo
from formatos.registro import FORMATOS
from formatos.salida.docx import FECHA_ZIP, PlantillaDocx, PlantillaWord, con_imagenes, entorno

DOCX = [f for f in FORMATOS.values() if f.extension == ".docx"]


# --- equivalencia con docxtpl ---------------------------------------------------------------------------

def _docxtpl(plantilla: Path, contexto: dict) -> zipfile.ZipFile:
    """Lo que da docxtpl solo, como aconseja su autor: un DocxTemplate nuevo por documento (con los
    gráficos de los informes como imágenes de docxtpl; esos documentos el lote también los deja a docxtpl).
    Es `PlantillaWord`: docxtpl con las filas repetidas listas para imprimir (`formatos.salida.filas`)."""
    doc = PlantillaWord(str(plantilla))
    doc.render(con_imagenes(contexto, doc), jinja_env=entorno(), autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return zipfile.ZipFile(buffer)


RENDERIZADAS = ("word/document.xml", "docProps/core.xml")


def _comparar(esperado: zipfile.ZipFile, obtenido: zipfile.ZipFile) -> None:
    assert sorted(obtenido.namelist()) == sorted(esperado.namelist())
    assert obtenido.testzip() is None
    for nombre in esperado.namelist():
        a, b = esperado.read(nombre), obtenido.read(nombre)
        if nombre in RENDERIZADAS or nombre.startswith(("word/header", "word/footer")):
            assert b == a, f"{nombre} difiere de docxtpl"
        elif a != b:  # las partes sin etiquetas se copian tal cual de la plantilla: mismo XML
            assert nombre.endswith((".xml", ".rels")), nombre
            assert etree.tostring(etree.fromstring(a), method="c14n") == etree.tostring(etree.fromstring(b), method="c14n")


@pytest.mark.parametrize("formato", DOCX, ids=lambda f: f.identificador)
def test_igual_a_docxtpl_en_cada_formato(formato, carga_ejemplo):
    documentos = list(formato.documentos(carga_ejemplo.expediente))
    assert documentos, f"el ejemplo no tiene documentos de {formato.identificador}"
    plantilla = carpeta_plantillas() / formato.plantilla
    compilada = PlantillaDocx(plantilla)
    for i in sorted({0, len(documentos) // 2, len(documentos) - 1}):
        contexto = documentos[i].contexto().model_dump()
        _comparar(_docxtpl(plantilla, contexto), zipfile.ZipFile(io.BytesIO(compilada.render(contexto))))


def _png() -> bytes:
    """Una imagen PNG de 2×2 píxeles."""
    def trozo(tipo, datos):
        return struct.pack(">I", len(datos)) + tipo + datos + struct.pack(">I", zlib.crc32(tipo + datos))
    filas = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + trozo(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + trozo(b"IDAT", zlib.compress(filas)) + trozo(b"IEND", b""))


@pytest.fixture(scope="module")
def plantilla_completa(tmp_path_factory) -> Path:
    """Una plantilla con imágenes (cuerpo y encabezado), bucles {%tr %} y {%tc %}, pie y propiedades."""
    carpeta = tmp_path_factory.mktemp("plantilla")
    imagen = carpeta / "logo.png"
    imagen.write_bytes(_png())
    doc = Document()
    encabezado = doc.sections[0].header.paragraphs[0]
    encabezado.add_run("{{ titulo }} — ")
    encabezado.add_run().add_picture(str(imagen), width=Cm(1))
    doc.sections[0].footer.paragraphs[0].text = "Hecho por {{ persona.nombre }}"
    doc.add_paragraph("Señor(a) {{ persona.nombre }}, de {{ persona.lugar }}:")
    doc.add_paragraph().add_run().add_picture(str(imagen), width=Cm(2))
    doc.add_paragraph().add_run().add_picture(str(imagen), width=Cm(2))
    filas = doc.add_table(rows=4, cols=2)
    for celda, texto in zip(filas._cells, ["Desempeño", "Nivel", "{%tr for f in filas %}", "", "{{ f.a }}",
                                           "{{ f.b }}", "{%tr endfor %}", ""], strict=True):
        celda.text = texto
    columnas = doc.add_table(rows=1, cols=3)
    for celda, texto in zip(columnas.rows[0].cells, ["{%tc for c in columnas %}", "{{ c }}", "{%tc endfor %}"],
                            strict=True):
        celda.text = texto
    doc.add_paragraph("{% if nota %}Nota: {{ nota }}{% endif %}")
    doc.core_properties.title = "Acta de {{ persona.nombre }}"
    doc.core_properties.subject = "Acompañamiento"
    ruta = carpeta / "completa.docx"
    doc.save(str(ruta))
    return ruta


CONTEXTOS = [
    {"titulo": "Informe & resumen", "persona": {"nombre": "Rosa O'Brien \"Rosi\"", "lugar": "Huañimba <Cajamarca>"},
     "filas": [{"a": "D19", "b": "III"}, {"a": "D22\nsegunda línea", "b": "II"}], "columnas": ["I", "II", "III", "IV"],
     "nota": "con\tmarca y ünïcode ñ"},
    {"titulo": "Otro", "persona": {"nombre": "Teófilo", "lugar": ""}, "filas": [], "columnas": ["sola", "dos"],
     "nota": ""},
]


@pytest.mark.parametrize("contexto", CONTEXTOS, ids=["cuatro-columnas", "dos-columnas-sin-filas"])
def test_igual_a_docxtpl_con_imagenes_bucles_y_propiedades(plantilla_completa, contexto):
    obtenido = zipfile.ZipFile(io.BytesIO(PlantillaDocx(plantilla_completa).render(contexto)))
    _comparar(_docxtpl(plantilla_completa, contexto), obtenido)
    texto = obtenido.read("word/document.xml").decode()
    assert texto.count("<w:gridCol ") == 2 + len(contexto["columnas"])  # fix_tables ajustó la cuadrícula
    assert "<dc:title>Acta de " in obtenido.read("docProps/core.xml").decode()


def test_una_parte_que_no_es_xml_es_un_error_en_castellano(tmp_path):
    doc = Document()
    doc.add_paragraph("{{ valor|safe }}")
    doc.save(str(tmp_path / "mala.docx"))
    with pytest.raises(formatos.errores.ErrorFormatos, match="no es XML válido"):
        PlantillaDocx(tmp_path / "mala.docx").render({"valor": "<w:r>"})


# --- determinismo y procesos ----------------------------------------------------------------------------

def _archivos(carpeta: Path) -> dict[str, bytes]:
    return {p.relative_to(carpeta).as_posix(): p.read_bytes() for p in sorted(carpeta.rglob("*")) if p.is_file()}


def test_bytes_identicos_con_uno_y_varios_procesos(demo, carga_ejemplo, tmp_path):
    assert demo.procesos == min(os.cpu_count(), len(demo.resultados))  # por omisión, uno por núcleo
    otro = 1 if demo.procesos > 1 else 2  # en un equipo de un núcleo, la demo usó uno: se compara con dos
    uno = generar(carga_ejemplo.expediente, tmp_path / "uno", procesos=otro)
    assert uno.procesos == otro
    assert [(r.formato, r.registros, r.estado) for r in uno.resultados] == \
        [(r.formato, r.registros, r.estado) for r in demo.resultados]
    esperado, obtenido = _archivos(demo.salida), _archivos(tmp_path / "uno")
    assert obtenido.keys() == esperado.keys()
    assert [n for n in esperado if esperado[n] != obtenido[n]] == []
    for nombre, datos in obtenido.items():
        if nombre.endswith(".docx"):
            with zipfile.ZipFile(io.BytesIO(datos)) as z:
                assert {i.date_time for i in z.infolist()} == {FECHA_ZIP}


def test_procesos_iniciados_como_en_windows(demo, carga_ejemplo, tmp_path, monkeypatch):
    """En Windows los procesos se inician con "spawn": reciben el expediente por pickle."""
    monkeypatch.setattr(multiprocessing, "get_context", lambda *_: _SPAWN)
    resumen = generar(carga_ejemplo.expediente, tmp_path, formatos=["matriz-directivo"], procesos=2)
    assert resumen.procesos == 2 and len(resumen.resultados) > 2
    esperado = _archivos(demo.salida / "matriz-directivo")
    assert _archivos(tmp_path / "matriz-directivo") == esperado


_SPAWN = multiprocessing.get_context("spawn")


# --- manifiesto y reanudación ---------------------------------------------------------------------------

def _sha(datos: bytes) -> str:
    return hashlib.sha256(datos).hexdigest()


def test_manifiesto_lista_cada_archivo_con_sus_huellas(demo, carga_ejemplo):
    manifiesto = json.loads((demo.salida / NOMBRE).read_text("utf-8"))["archivos"]
    documentos = {p.relative_to(demo.salida).as_posix() for p in demo.salida.rglob("*.*")
                  if p.suffix in (".docx", ".xlsx")}
    assert {e["ruta"] for e in manifiesto} == documentos and len(documentos) == len(demo.resultados)
    por_ruta = {e["ruta"]: e for e in manifiesto}
    for resultado in demo.resultados:
        e = por_ruta[resultado.ruta.relative_to(demo.salida).as_posix()]
        tipo = FORMATOS[resultado.formato].extension.lstrip(".")  # .xlsx pasa por el mismo lote
        assert (e["formato"], tuple(e["registros"]), e["tipo"]) == (resultado.formato, resultado.registros, tipo)
        assert e["sha256"] == _sha(resultado.ruta.read_bytes())
        assert e["plantilla"] == FORMATOS[resultado.formato].plantilla
        assert e["sha256_plantilla"] == _sha((carpeta_plantillas() / e["plantilla"]).read_bytes())
        assert e["version"].startswith(f"formatos {formatos.__version__}; docxtpl ")
    documento = next(iter(FORMATOS["matriz-docente"].documentos(carga_ejemplo.expediente)))
    e = next(e for e in manifiesto if tuple(e["registros"]) == documento.registros)
    assert e["sha256_datos"] == _sha(documento.contexto().model_dump_json().encode())
    filas = (demo.salida / NOMBRE_CSV).read_text("utf-8-sig").splitlines()
    assert filas[0].split(",")[:6] == ["ruta", "tipo", "formato", "registros", "sha256", "sha256_datos"]
    assert len(filas) == len(manifiesto) + 1 and manifiesto[0]["sha256"] in filas[1]


def test_otro_tipo_de_salida_agrega_sus_entradas(carga_ejemplo, tmp_path):
    generar(carga_ejemplo.expediente, tmp_path, formatos=["matriz-directivo"])
    manifiesto = Manifiesto.leer(tmp_path)
    docx = next(iter(manifiesto.entradas.values()))
    (tmp_path / "impresion.pdf").write_bytes(b"%PDF-1.4")
    manifiesto.registrar(Entrada("impresion.pdf", "pdf", docx.formato, docx.registros, _sha(b"%PDF-1.4"),
                                 docx.sha256, origen=docx.ruta))
    manifiesto.registrar(Entrada("borrado.pdf", "pdf", docx.formato, docx.registros, "0", "0"))
    manifiesto.guardar()
    generar(carga_ejemplo.expediente, tmp_path, formatos=["matriz-directivo"])
    entradas = Manifiesto.leer(tmp_path).entradas
    assert entradas["impresion.pdf"].origen == docx.ruta  # se conserva mientras el archivo exista
    assert "borrado.pdf" not in entradas


def _uno(resumen, estado):
    return [r for r in resumen.resultados if r.estado == estado]


def test_reanudar_omite_lo_que_no_cambio_y_sobrescribir_es_necesario(carga_ejemplo, datos_ejemplo, tmp_path):
    primero = generar(carga_ejemplo.expediente, tmp_path, formatos=["matriz-docente"], procesos=1)
    fechas = {r.ruta: r.ruta.stat().st_mtime_ns for r in primero.resultados}
    otra = generar(carga_ejemplo.expediente, tmp_path, formatos=["matriz-docente"], procesos=1)
    assert {r.estado for r in otra.resultados} == {"sin cambios"}
    assert {r.ruta: r.ruta.stat().st_mtime_ns for r in otra.resultados} == fechas  # ni se reescribieron

    datos = json.loads(json.dumps(datos_ejemplo))
    cambiada = datos["valoraciones"][0]
    cambiada["desempenos"][0]["evidencias"] = "Evidencia corregida por la UGEL."
    expediente = formatos.validar_expediente(datos).expediente
    antes = Manifiesto.leer(tmp_path).entradas
    sin_permiso = generar(expediente, tmp_path, formatos=["matriz-docente"], procesos=1)
    [fallido] = _uno(sin_permiso, "fallido")
    assert f"valoraciones:{cambiada['id_visita']}" in fallido.registros
    assert "sus datos cambiaron desde que se generó; use --sobrescribir" in fallido.mensaje
    assert "Evidencia corregida" not in _texto(fallido.ruta)
    assert len(_uno(sin_permiso, "sin cambios")) == len(primero.resultados) - 1
    assert Manifiesto.leer(tmp_path).entradas == antes  # describe el archivo que sigue en la carpeta
    assert fallido.ruta.name in (tmp_path / "reporte-errores.txt").read_text("utf-8")

    con_permiso = generar(expediente, tmp_path, formatos=["matriz-docente"], sobrescribir=True, procesos=1)
    [generado] = _uno(con_permiso, "generado")
    assert "Evidencia corregida" in _texto(generado.ruta)
    ruta = generado.ruta.relative_to(tmp_path).as_posix()
    assert Manifiesto.leer(tmp_path).entradas[ruta].sha256 == _sha(generado.ruta.read_bytes())
    assert not (tmp_path / "reporte-errores.txt").exists()  # el reporte viejo ya no vale


def test_sin_manifiesto_compara_el_contenido(demo, carga_ejemplo, tmp_path):
    for nombre, datos in _archivos(demo.salida).items():
        if nombre.split("/")[0] in MATRICES:
            (tmp_path / nombre).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / nombre).write_bytes(datos)
    resumen = generar(carga_ejemplo.expediente, tmp_path, formatos=MATRICES, procesos=1)
    assert {r.estado for r in resumen.resultados} == {"sin cambios"}
    _igual_a_la_demo(tmp_path, demo)


def _texto(ruta: Path) -> str:
    return "\n".join(p.text for t in Document(str(ruta)).tables for f in t.rows for p in f.cells)


# --- interrupciones -------------------------------------------------------------------------------------

MATRICES = ["matriz-docente", "matriz-directivo"]


def _igual_a_la_demo(salida: Path, demo) -> None:
    """Los archivos de `salida` son los de la demo (generada de una vez), byte por byte, manifiesto incluido."""
    archivos = _archivos(salida)
    esperado = {n: d for n, d in _archivos(demo.salida).items() if n.split("/")[0] in MATRICES}
    assert {n: d for n, d in archivos.items() if "/" in n} == esperado
    demo_entradas = Manifiesto.leer(demo.salida).entradas
    assert Manifiesto.leer(salida).entradas == {r: e for r, e in demo_entradas.items() if e.formato in MATRICES}


def _consistente(salida: Path) -> None:
    """Solo archivos completos, ningún temporal, y cada entrada del manifiesto igual a su archivo."""
    assert not list(salida.rglob(PREFIJO_TEMPORAL + "*"))
    for archivo in salida.rglob("*.docx"):
        with zipfile.ZipFile(archivo) as z:
            assert z.testzip() is None
    for entrada in Manifiesto.leer(salida).entradas.values():
        assert _sha((salida / entrada.ruta).read_bytes()) == entrada.sha256


def _con_renderizador(monkeypatch, falla, despues: int) -> None:
    """Cada proceso falla (`falla()`) al llegar a su documento número `despues`."""
    preparar = trabajo.preparar
    cuenta = {"n": 0}

    def preparar_y_fallar(ruta):
        renderizar = preparar(ruta)

        def envoltura(contexto):
            cuenta["n"] += 1
            if cuenta["n"] == despues:
                falla()
            return renderizar(contexto)
        return envoltura
    monkeypatch.setattr(trabajo, "preparar", preparar_y_fallar)


def test_un_proceso_que_falla_deja_todo_consistente(demo, carga_ejemplo, tmp_path, monkeypatch):
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("el fallo se inyecta en los procesos heredados con fork")
    _con_renderizador(monkeypatch, lambda: os._exit(3), despues=40)
    with pytest.raises(ProcesoFallido, match="vuelva a ejecutar"):
        generar(carga_ejemplo.expediente, tmp_path, formatos=MATRICES, procesos=2)
    _consistente(tmp_path)
    hechos = len(Manifiesto.leer(tmp_path).entradas)
    total = sum(1 for r in demo.resultados if r.formato in MATRICES)
    assert 0 < hechos < total
    monkeypatch.undo()
    otra = generar(carga_ejemplo.expediente, tmp_path, formatos=MATRICES, procesos=2)
    assert len(_uno(otra, "sin cambios")) >= hechos and not otra.fallidos
    _igual_a_la_demo(tmp_path, demo)


def test_interrumpido_en_un_solo_proceso(demo, carga_ejemplo, tmp_path, monkeypatch):
    def ctrl_c():
        raise KeyboardInterrupt
    _con_renderizador(monkeypatch, ctrl_c, despues=30)
    with pytest.raises(KeyboardInterrupt):
        generar(carga_ejemplo.expediente, tmp_path, formatos=MATRICES, procesos=1)
    _consistente(tmp_path)
    assert len(Manifiesto.leer(tmp_path).entradas) == 29
    monkeypatch.undo()
    otra = generar(carga_ejemplo.expediente, tmp_path, formatos=MATRICES, procesos=1)
    assert len(_uno(otra, "sin cambios")) == 29
    _igual_a_la_demo(tmp_path, demo)


LENTO = """
import sys, time
import formatos.lote.trabajo as trabajo
preparar = trabajo.preparar
def lento(ruta):
    renderizar = preparar(ruta)
    def envoltura(contexto):
        time.sleep(0.03)
        return renderizar(contexto)
    return envoltura
trabajo.preparar = lento
from formatos.cli import main
sys.argv = ["formatos", "generar", sys.argv[2], "--salida", sys.argv[1], "--procesos", "2",
            "--formato", "matriz-docente", "--formato", "matriz-directivo"]
main()
"""


def test_ctrl_c_guarda_lo_hecho_y_otra_ejecucion_termina(demo, tmp_path):
    salida = tmp_path / "salida"
    entrada = expediente_ejemplo()
    proceso = subprocess.Popen([sys.executable, "-c", LENTO, str(salida), str(entrada)], stderr=subprocess.PIPE,
                               text=True)
    limite = time.monotonic() + 60
    while len(list(salida.rglob("*.docx"))) < 10:
        assert proceso.poll() is None and time.monotonic() < limite, "el lote terminó antes de interrumpirlo"
        time.sleep(0.05)
    proceso.send_signal(signal.SIGINT)
    _, errores = proceso.communicate(timeout=60)
    assert proceso.returncode == 130, errores
    assert "Interrumpido" in errores and "ejecute la misma orden otra vez" in errores
    _consistente(salida)
    hechos = len(Manifiesto.leer(salida).entradas)
    assert 10 <= hechos < sum(1 for r in demo.resultados if r.formato in MATRICES)
    otra = subprocess.run([sys.executable, "-m", "formatos", "generar", str(entrada), "--salida", str(salida),
                           "--formato", "matriz-docente", "--formato", "matriz-directivo"],
                          capture_output=True, text=True, timeout=120)
    assert otra.returncode == 0, otra.stderr
    total = otra.stdout.split("Total")[1].split()
    assert int(total[1]) >= hechos and int(total[2]) == 0  # sin cambios, fallidos
    _igual_a_la_demo(salida, demo)


# --- la orden: avance, resumen y reporte ----------------------------------------------------------------

def test_orden_generar_muestra_avance_resumen_y_reporte(tmp_path, datos_ejemplo, monkeypatch):
    original = FORMATOS["matriz-directivo"]

    def documentos(exp):
        for i, d in enumerate(original.documentos(exp)):
            yield dataclasses.replace(d, contexto=_falla) if i == 0 else d
    monkeypatch.setitem(FORMATOS, "matriz-directivo", dataclasses.replace(original, documentos=documentos))
    entrada = tmp_path / "exp.json"
    entrada.write_text(json.dumps(datos_ejemplo, ensure_ascii=False), "utf-8")
    r = CliRunner().invoke(cli, ["generar", str(entrada), "--salida", str(tmp_path / "s"), "--procesos", "1",
                                 "--formato", "matriz-docente", "--formato", "matriz-directivo"])
    assert r.exit_code == 1
    expediente = formatos.validar_expediente(datos_ejemplo).expediente
    docentes, directivos = (len(list(FORMATOS[f].documentos(expediente))) for f in MATRICES)
    total = docentes + directivos
    assert f"Generando: {total} de {total} documentos (100%)" in r.output
    assert r.output.count("Generando:") == 10  # una línea por cada 10 %, sin terminal
    lineas = {l.split()[0]: l.split()[1:] for l in r.output.splitlines() if l.strip()}
    assert lineas["matriz-directivo"] == [str(directivos - 1), "0", "1"]
    assert lineas["Total"] == [str(total - 1), "0", "1"]
    assert "Tiempo:" in r.output and f"Manifiesto: {tmp_path / 's' / NOMBRE}" in r.output
    reporte = tmp_path / "s" / "reporte-errores.txt"
    assert f"vea {reporte}" in r.output
    assert "matriz-directivo | valoraciones_directivo:" in reporte.read_text("utf-8")
    assert "la I. E. no tiene director registrado" in reporte.read_text("utf-8")


def _falla():
    raise formatos.errores.ErrorFormatos("la I. E. no tiene director registrado")


def test_barra_de_avance_en_una_terminal(monkeypatch, capsys):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    avance = _Avance()
    avance.empezar(3)
    for _ in range(3):
        avance.avanzar(None)
    assert avance.barra.n == 3
    avance.cerrar()
    assert "documentos" in capsys.readouterr().err


@given(st.text(alphabet=st.characters() | st.sampled_from("&<>\"'{}\r\n\x0b\ufffe\ud800")) | st.integers())
def test_para_word_rapido_igual_al_completo(valor):
    """El atajo de `para_word` (texto sin nada que escapar) da, tras el `escape` de Jinja, lo mismo que el camino completo."""
    from markupsafe import escape

    from formatos.caracteres import limpiar
    from formatos.salida.texto import _LLAVES, _SALTO, para_word

    texto = limpiar(str(valor)).replace("\r\n", "\n").replace("\r", "\n")
    completo = str(escape(texto)).translate(_LLAVES).replace("\n", _SALTO)
    assert str(escape(para_word(valor))) == completo


def test_archivo_que_no_se_puede_reemplazar_falla_solo(carga_ejemplo, tmp_path, monkeypatch):
    """Un .docx abierto en Word (en Windows no se puede reemplazar) falla solo él, con un mensaje claro."""
    import formatos.lote.manifiesto as manifiesto

    reemplazar, abierto = os.replace, []

    def bloqueado(origen, destino):
        if str(destino).endswith(".docx") and (not abierto or abierto[0] == destino):
            abierto.append(destino)
            raise PermissionError(13, "Permission denied")
        reemplazar(origen, destino)
    monkeypatch.setattr(manifiesto.os, "replace", bloqueado)
    resumen = generar(carga_ejemplo.expediente, tmp_path, formatos=["matriz-directivo"], procesos=1)
    [fallido] = resumen.fallidos
    assert "está abierto en otro programa" in fallido.mensaje and fallido.ruta == abierto[0]
    assert len(_uno(resumen, "generado")) == len(resumen.resultados) - 1
    _consistente(tmp_path)


def test_solo_los_documentos_de_un_acompanante(demo, carga_ejemplo, tmp_path):
    """`acompanantes` deja los documentos de esos AP, los mismos de la demo; los de la UGEL no salen."""
    exp = carga_ejemplo.expediente
    ap = exp.acompanantes[0]
    elegidos = [*MATRICES, "plan-anual-ap", "plan-anual-ugel"]
    resumen = generar(exp, tmp_path, formatos=elegidos, procesos=1, acompanantes=[ap.dni])
    assert {r.estado for r in resumen.resultados} == {"generado"}
    carpeta = f"{ap.apellidos} {ap.nombres}"
    esperado = {n: d for n, d in _archivos(demo.salida).items()
                if n.split("/")[0] in elegidos and n.split("/")[1].removesuffix(".docx") == carpeta}
    assert {n: d for n, d in _archivos(tmp_path).items() if "/" in n} == esperado
    assert {n.split("/")[0] for n in esperado} == {*MATRICES, "plan-anual-ap"}  # sin el plan de la UGEL
    assert len(esperado) == len(resumen.resultados) > 20


def test_los_grupos_del_registro_son_todos_los_formatos():
    from formatos.registro import GRUPOS

    en_grupos = [f.identificador for grupo in GRUPOS.values() for f in grupo]
    assert en_grupos == list(FORMATOS) and len(set(en_grupos)) == len(en_grupos)
    assert list(GRUPOS)[:4] == ["Matrices de valoración", "Planes", "Informes", "Consolidados (Excel)"]
