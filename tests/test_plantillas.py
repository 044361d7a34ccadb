"""Plantillas propias: `plantilla verificar` (todos los problemas, con su ubicación), `plantilla exportar`,
`generar --plantillas` y el entorno aislado (sandbox)."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.shared import Cm

import formatos
from formatos.cli import cli
from formatos.errores import ErrorFormatos
from formatos.recursos import carpeta_plantillas
from formatos.registro import FORMATOS
from formatos.salida.docx import render_docx
from formatos.salida.verificacion import PlantillaInvalida, datos_disponibles, verificar

from tests.conftest import escribir_json, texto_docx

DOCX = [f for f in FORMATOS.values() if f.extension == ".docx"]
MATRIZ = FORMATOS["matriz-docente"]
ETIQUETA_SIMPLE = re.compile(r"\{\{ (\w+)\.(\w+) \}\}")


def crear_docx(ruta: Path, parrafos=(), tabla=None, despues=()) -> Path:
    """Un .docx de prueba: párrafos, una tabla y más párrafos; un párrafo dado como lista son varios
    «runs» (como los parte Word)."""
    doc = Document()

    def agregar(lista):
        for runs in lista:
            p = doc.add_paragraph()
            for r in [runs] if isinstance(runs, str) else runs:
                p.add_run(r)

    agregar(parrafos)
    if tabla:
        t = doc.add_table(rows=len(tabla), cols=len(tabla[0]))
        for fila, textos in zip(t.rows, tabla):
            for celda, texto in zip(fila.cells, textos):
                celda.paragraphs[0].add_run(texto)
    agregar(despues)
    doc.save(str(ruta))
    return ruta


def alterar(origen: Path, destino: Path, parte: str, cambio) -> Path:
    """Copia un .docx cambiando el XML de una parte (p. ej. "word/document.xml")."""
    with zipfile.ZipFile(origen) as z, zipfile.ZipFile(destino, "w", zipfile.ZIP_DEFLATED) as nuevo:
        for info in z.infolist():
            datos = z.read(info.filename)
            if info.filename == parte:
                datos = cambio(datos.decode("utf-8")).encode("utf-8")
            nuevo.writestr(info, datos)
    return destino


def primera_etiqueta(formato) -> str:
    """La primera etiqueta `{{ a.b }}` del cuerpo de la plantilla incluida, escrita entera en un solo texto."""
    with zipfile.ZipFile(carpeta_plantillas() / formato.plantilla) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    for texto in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml):
        m = ETIQUETA_SIMPLE.search(texto)
        if m:
            return m.group()
    pytest.skip(f"{formato.plantilla} no tiene una etiqueta {{{{ a.b }}}} en un solo texto")


def lugar_esperado(ruta: Path, texto: str) -> str:
    """Dónde está `texto` en el cuerpo, contado con python-docx (independiente del verificador)."""
    doc = Document(str(ruta))
    parrafos = tablas = 0
    for bloque in doc.iter_inner_content():
        if hasattr(bloque, "rows"):
            tablas += 1
            for i, fila in enumerate(bloque.rows, start=1):
                for j, tc in enumerate(fila._tr.tc_lst, start=1):
                    if texto in "".join(t.text or "" for t in tc.iter() if t.tag.endswith("}t")):
                        return f"tabla {tablas}, fila {i}, columna {j}"
        else:
            parrafos += 1
            if texto in bloque.text:
                return f"párrafo {parrafos}"
    raise AssertionError(f"no se encontró {texto!r}")


# --- las plantillas incluidas ------------------------------------------------------------------------
@pytest.mark.parametrize("formato", DOCX, ids=lambda f: f.identificador)
def test_plantillas_incluidas_sin_problemas(formato):
    informe = verificar(carpeta_plantillas() / formato.plantilla, formato)
    assert informe.problemas == []
    assert informe.rutas_impresas, "la plantilla no imprime ningún dato"


@pytest.mark.parametrize("formato", DOCX, ids=lambda f: f.identificador)
def test_copia_alterada_de_cada_plantilla(formato, tmp_path):
    """Etiqueta rota, dato mal escrito y salida del sandbox: cada uno se detecta con su ubicación."""
    original = carpeta_plantillas() / formato.plantilla
    etiqueta = primera_etiqueta(formato)
    base, campo = ETIQUETA_SIMPLE.match(etiqueta).groups()
    lugar = lugar_esperado(original, etiqueta)
    casos = {
        "rota": (etiqueta[:-1], "no se cierra en este párrafo"),
        "mal-escrita": (f"{{{{ {base}.{campo}{campo[-1]} }}}}", f"¿quiso decir «{base}.{campo}»?"),
        "sandbox": (f"{{{{ {base}.__class__.__mro__ }}}}", "parte interna de Python"),
    }
    for nombre, (alterada, esperado) in casos.items():
        copia = alterar(original, tmp_path / f"{nombre}.docx", "word/document.xml",
                        lambda xml, a=alterada: xml.replace(etiqueta, a, 1))
        informe = verificar(copia, formato)
        assert len(informe.errores) == 1, (nombre, [str(p) for p in informe.problemas])
        error = informe.errores[0]
        assert esperado in error.mensaje, nombre
        assert (error.ubicacion.parte, error.ubicacion.lugar) == ("cuerpo", lugar), nombre
        assert alterada in error.ubicacion.texto
        assert alterada in str(error)


@pytest.mark.parametrize("formato", DOCX, ids=lambda f: f.identificador)
def test_dato_mal_escrito_en_el_encabezado(formato, tmp_path):
    original = carpeta_plantillas() / formato.plantilla
    with zipfile.ZipFile(original) as z:
        encabezados = [n for n in z.namelist() if re.fullmatch(r"word/header\d*\.xml", n)
                       and ETIQUETA_SIMPLE.search(z.read(n).decode("utf-8"))]
        if not encabezados:
            pytest.skip("la plantilla no tiene datos en el encabezado")
        etiqueta = ETIQUETA_SIMPLE.search(z.read(encabezados[0]).decode("utf-8")).group()
    alterada = etiqueta.replace(" }}", "x }}")
    copia = alterar(original, tmp_path / "t.docx", encabezados[0], lambda xml: xml.replace(etiqueta, alterada, 1))
    [error] = verificar(copia, formato).errores
    assert error.ubicacion.parte.startswith("encabezado")
    assert "no tiene el dato" in error.mensaje and alterada in error.ubicacion.texto


# --- casos que arma una UGEL en Word -----------------------------------------------------------------
def test_etiqueta_partida_en_runs_se_repara_y_se_llena(tmp_path):
    ruta = crear_docx(tmp_path / "t.docx", [["{{ doc", "ente.d", "ni }}"], ["{", "{ ugel }", "}"]])
    assert verificar(ruta, MATRIZ).problemas == []
    texto = texto_docx_bytes(render_docx(ruta, {"docente": {"dni": "41234567"}, "ugel": "UGEL Celendín"}), tmp_path)
    assert "41234567" in texto and "UGEL Celendín" in texto


def texto_docx_bytes(datos: bytes, tmp_path: Path) -> str:
    ruta = tmp_path / "salida.docx"
    ruta.write_bytes(datos)
    return texto_docx(ruta)


def test_todos_los_problemas_de_una_vez(tmp_path):
    ruta = crear_docx(tmp_path / "t.docx", [
        "{{ docente.dnii }} y {{ docentes.dni }}",
        "{{ fecha|fecha_larg }}",
        "{{ visita.fecha.year }} {{ visita.fecha.yearr }}",
        "{{ ugel }} {{ membrete.ugel|upper }}",
    ])
    informe = verificar(ruta, MATRIZ)
    mensajes = [p.mensaje for p in informe.errores]
    assert len(mensajes) == 4, mensajes
    assert "«docente» no tiene el dato «dnii»; ¿quiso decir «docente.dni»?" in mensajes[0]
    assert "«docentes» no es un dato de este formato; ¿quiso decir «docente»?" in mensajes[1]
    assert "no existe el filtro «fecha_larg»; ¿quiso decir «fecha_larga»?" in mensajes[2]
    assert "«visita.fecha» es fecha: no tiene «yearr»" in mensajes[3]
    assert [p.ubicacion.lugar for p in informe.errores] == ["párrafo 1", "párrafo 1", "párrafo 2", "párrafo 3"]
    assert {"docente", "ugel", "membrete.ugel", "visita.fecha", "fecha"} <= informe.rutas


def test_variable_del_bucle_es_un_elemento_de_la_lista(tmp_path):
    ruta = crear_docx(tmp_path / "t.docx", tabla=[
        ["{%tr for f in filas %}", ""],
        ["{{ f.evidencias }} {{ loop.index }}", "{{ f.evidencia }} {{ loop.indx }} {{ filas[0].codigoo }}"],
        ["{%tr endfor %}", ""],
    ])
    informe = verificar(ruta, MATRIZ)
    assert [p.mensaje for p in informe.errores] == [
        "«{{ f.evidencia }}»: «f» no tiene el dato «evidencia»; ¿quiso decir «f.evidencias»?",
        "«{{ loop.indx }}»: no existe el dato de «loop» «indx»; ¿quiso decir «index»?",
        "«{{ filas[0].codigoo }}»: «filas[0]» no tiene el dato «codigoo»; ¿quiso decir «filas[0].codigo»?",
    ]
    assert {e.ubicacion.lugar for e in informe.errores} == {"tabla 1, fila 2, columna 2"}
    assert "filas[].evidencias" in informe.rutas_impresas


def test_bloques_desbalanceados(tmp_path):
    ruta = crear_docx(tmp_path / "t.docx", ["{%p if visita.fecha_segundo_dia %}", "Segundo día", "{%p for f in filas %}"],
                      tabla=[["{%tr for f in filas %}", ""], ["{{ f.codigo }}", ""], ["{% endfor %}", ""]])
    mensajes = [str(p) for p in verificar(ruta, MATRIZ).errores]
    assert any("tabla 1, fila 3, columna 1" in m and "escriba «{%tr endfor %}»" in m for m in mensajes), mensajes
    assert any("párrafo 1" in m and "no se cierra: falta «{%p endif %}»" in m for m in mensajes), mensajes
    assert any("párrafo 3" in m and "falta «{%p endfor %}»" in m for m in mensajes), mensajes


def test_bloque_que_cruza_una_tabla_romperia_el_documento(tmp_path):
    ruta = crear_docx(tmp_path / "t.docx", ["antes"], tabla=[["{%p if ugel %}", "b"]], despues=["{%p endif %}", "{{ ugel }}"])
    [error] = verificar(ruta, MATRIZ).errores
    assert "debe estar en la misma celda de tabla" in error.mensaje and "tabla 1, fila 1, columna 1" in error.mensaje
    # y si aun así se llena, el XML roto es un error, nunca un archivo reparado a ciegas
    with pytest.raises(ErrorFormatos, match="no es XML válido"):
        render_docx(ruta, {"ugel": ""})


def test_etiqueta_partida_entre_parrafos_o_celdas(tmp_path):
    ruta = crear_docx(tmp_path / "t.docx", ["{{ docente.", "dni }}"], tabla=[["{{ ugel", "}}"]])
    errores = verificar(ruta, MATRIZ).errores
    assert [(e.ubicacion.lugar, "no se cierra" in e.mensaje) for e in errores] == [
        ("párrafo 1", True), ("párrafo 2", False), ("tabla 1, fila 1, columna 1", True), ("tabla 1, fila 1, columna 2", False)]
    assert "cierra una etiqueta que no se abrió" in errores[1].mensaje


def test_fila_y_parrafo_mal_puestos(tmp_path):
    ruta = crear_docx(tmp_path / "t.docx", ["{%tr for f in filas %}", "{%tr endfor %}", "{% include 'otra.docx' %}",
                                             "Nota {%p if ugel %}", "{%p endif %}"],
                      tabla=[["{%tr for f in filas %}", "Total"], ["{{ f.codigo }}", ""], ["{%tr endfor %}", ""]])
    informe = verificar(ruta, MATRIZ)
    mensajes = [str(p) for p in informe.problemas]
    assert sum("va dentro de una fila de tabla" in m for m in mensajes) == 2
    assert any("no puede incluir ni importar otras plantillas" in m for m in mensajes)
    assert [a.mensaje for a in informe.advertencias] == [
        "«{%p if ugel %}» ocupa todo su párrafo: el texto «Nota» no saldrá en el documento (páselo a otra línea)",
        "«{%tr for f in filas %}» ocupa toda su fila: el texto «Total» no saldrá en el documento (páselo a otra línea)",
    ]


def test_errores_de_sintaxis_en_castellano(tmp_path):
    ruta = crear_docx(tmp_path / "t.docx", ["{{ docente. }}", "{{ docente dni }}", "{% fro f in filas %}{% endfro %}",
                                             "{{ visita.tipo|capitalize( }}"])
    mensajes = [p.mensaje for p in verificar(ruta, MATRIZ).errores]
    assert "después del punto falta el nombre del dato" in mensajes[0]
    assert "se esperaba «}}» y se encontró «dni»" in mensajes[1]
    assert "«fro» no es una instrucción de plantilla conocida" in mensajes[2]
    assert all("error de sintaxis" in m for m in mensajes[:3]) and len(mensajes) == 5


def test_comillas_tipograficas_de_word_se_aceptan(tmp_path):
    ruta = crear_docx(tmp_path / "t.docx", ["{{ docente.dni|default(“sin DNI”) }}"])
    assert verificar(ruta, MATRIZ).problemas == []


def test_archivo_que_no_es_docx(tmp_path):
    ruta = tmp_path / "matriz-docente.docx"
    ruta.write_text("no soy Word", "utf-8")
    [error] = verificar(ruta, MATRIZ).errores
    assert "no se puede abrir como documento de Word" in error.mensaje


# --- sandbox -----------------------------------------------------------------------------------------
ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ joiner.__init__.__globals__.os }}",
    "{{ ugel|attr('__class__') }}",
    "{{ docente['__class__'] }}",
    "{% set x = namespace.__init__ %}{{ x }}",
]


@pytest.mark.parametrize("escape", ESCAPES)
def test_sandbox_verificar_y_llenar(escape, tmp_path):
    ruta = crear_docx(tmp_path / "t.docx", [escape])
    [error] = verificar(ruta, MATRIZ).errores
    assert "parte interna de Python" in error.mensaje and error.ubicacion.lugar == "párrafo 1"
    with pytest.raises(ErrorFormatos) as e:
        render_docx(ruta, {"ugel": "U", "docente": {"dni": "41234567"}})
    assert "parte interna de Python" in str(e.value) and "no está permitido" in str(e.value)


def test_sandbox_en_lote_no_escribe_nada(tmp_path, carga_ejemplo):
    propias = tmp_path / "propias"
    propias.mkdir()
    alterar(carpeta_plantillas() / MATRIZ.plantilla, propias / MATRIZ.plantilla, "word/document.xml",
            lambda xml: xml.replace(primera_etiqueta(MATRIZ), "{{ cycler.__init__.__globals__ }}", 1))
    salida = tmp_path / "salida"
    with pytest.raises(PlantillaInvalida) as e:
        formatos.generar(carga_ejemplo.expediente, salida, plantillas=propias)
    assert "parte interna de Python" in str(e.value)
    assert not salida.exists()


# --- línea de órdenes --------------------------------------------------------------------------------
def ejecutar(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="formatos")


def test_cli_exportar_y_verificar(tmp_path):
    destino = tmp_path / "mis plantillas"
    r = ejecutar("plantilla", "exportar", "matriz-docente", destino)
    assert r.exit_code == 0, r.output
    copia = destino / "matriz-docente.docx"
    assert copia.read_bytes() == (carpeta_plantillas() / "matriz-docente.docx").read_bytes()
    lista = (destino / "matriz-docente-datos.txt").read_text("utf-8-sig")
    for ruta, tipo, _ in datos_disponibles(MATRIZ.esquema):
        assert re.search(rf"^  {re.escape(ruta)} +{re.escape(tipo)}", lista, re.M), ruta
    assert "fecha_larga" in lista and "{%tr for f in filas %}" in lista

    r = ejecutar("plantilla", "exportar", "matriz-docente", destino)
    assert r.exit_code == 1 and "no se reemplaza sin --sobrescribir" in r.output

    r = ejecutar("plantilla", "verificar", copia)
    assert r.exit_code == 0 and "La plantilla no tiene errores" in r.output

    alterar(copia, tmp_path / "mala.docx", "word/document.xml",
            lambda xml: xml.replace("{{ docente.dni }}", "{{ docente.dnii }}", 1))
    r = ejecutar("plantilla", "verificar", tmp_path / "mala.docx")
    assert r.exit_code == 2 and "indíquelo con --formato" in r.output
    r = ejecutar("plantilla", "verificar", tmp_path / "mala.docx", "--formato", "matriz-docente")
    assert r.exit_code == 1
    assert "¿quiso decir «docente.dni»?" in r.output and "1 error(es)" in r.output


def expediente_chico(datos: dict) -> dict:
    """El ejemplo con solo dos matrices docentes y una del directivo (para generar rápido)."""
    return {**datos, "valoraciones": datos["valoraciones"][:2], "valoraciones_directivo": datos["valoraciones_directivo"][:1]}


def test_cli_generar_con_plantillas_propias(tmp_path, datos_ejemplo):
    entrada = escribir_json(tmp_path, expediente_chico(datos_ejemplo))
    propias = tmp_path / "propias"
    assert ejecutar("plantilla", "exportar", "matriz-docente", propias).exit_code == 0
    alterar(propias / "matriz-docente.docx", propias / "matriz-docente.docx.tmp", "word/document.xml",
            lambda xml: xml.replace("MATRIZ DE VALORACIÓN DEL DESEMPEÑO DOCENTE", "MATRIZ DE LA UGEL SAN MARCOS", 1))
    (propias / "matriz-docente.docx.tmp").replace(propias / "matriz-docente.docx")
    (propias / "matriz_directivo.docx").write_bytes(b"")  # nombre mal escrito: se avisa y no se usa

    r = ejecutar("generar", entrada, "--salida", tmp_path / "salida", "--plantillas", propias,
                 "--formato", "matriz-docente", "--formato", "matriz-directivo")
    assert r.exit_code == 0, r.output
    assert "Plantilla propia:" in r.output
    assert "matriz_directivo.docx no corresponde a ningún formato y no se usa; ¿quiso decir matriz-directivo.docx?" in r.output
    docentes = sorted((tmp_path / "salida" / "matriz-docente").rglob("*.docx"))
    directivos = sorted((tmp_path / "salida" / "matriz-directivo").rglob("*.docx"))
    assert len(docentes) == 2 and len(directivos) == 1
    assert all("MATRIZ DE LA UGEL SAN MARCOS" in texto_docx(d) for d in docentes)
    assert "MATRIZ DE VALORACIÓN DEL DESEMPEÑO DIRECTIVO" in texto_docx(directivos[0])


def test_cli_generar_con_plantilla_mala_no_escribe_nada(tmp_path, datos_ejemplo):
    entrada = escribir_json(tmp_path, expediente_chico(datos_ejemplo))
    propias = tmp_path / "propias"
    propias.mkdir()
    alterar(carpeta_plantillas() / "matriz-docente.docx", propias / "matriz-docente.docx", "word/document.xml",
            lambda xml: xml.replace("{{ visita.area_curricular }}", "{{ visita.area }}", 1)
            .replace("{{ docente.dni }}", "{{ docente.dni }", 1))
    salida = tmp_path / "salida"
    r = ejecutar("generar", entrada, "--salida", salida, "--plantillas", propias)
    assert r.exit_code == 1
    assert "2 error(es)" in r.output and "No se generó nada" in r.output
    assert "¿quiso decir «visita.area_curricular»?" in r.output and "tabla 1" in r.output
    assert not salida.exists()


def test_api_plantillas_usa_las_propias_y_las_incluidas(tmp_path, carga_ejemplo):
    propias = tmp_path / "propias"
    propias.mkdir()
    shutil.copyfile(carpeta_plantillas() / "matriz-directivo.docx", propias / "matriz-directivo.docx")
    alterar(carpeta_plantillas() / "matriz-directivo.docx", propias / "matriz-directivo.docx", "word/document.xml",
            lambda xml: xml.replace("Desempeños priorizados del MBDDI", "Versión de la UGEL", 1))
    resumen = formatos.generar(carga_ejemplo.expediente, tmp_path / "s", formatos=["matriz-directivo"], plantillas=propias)
    assert resumen.fallidos == [] and resumen.resultados
    assert all("Versión de la UGEL" in texto_docx(r.ruta) for r in resumen.resultados)


def test_con_bloques_rotos_igual_revisa_los_datos(tmp_path):
    """El ejemplo del README: dos errores distintos en la plantilla incluida, los dos en una sola pasada."""
    copia = alterar(carpeta_plantillas() / "matriz-docente.docx", tmp_path / "matriz-docente.docx", "word/document.xml",
                    lambda xml: xml.replace("{{ docente.dni }}", "{{ docente.dnii }}", 1)
                    .replace("{%tr endfor %}", "{% endfor %}", 1))
    r = ejecutar("plantilla", "verificar", copia)
    assert r.exit_code == 1
    lineas = [linea for linea in r.output.splitlines() if linea.startswith("cuerpo")]
    assert lineas[0].startswith("cuerpo, tabla 1, fila 1, columna 4: «{{ docente.dnii }}»: «docente» no tiene el dato")
    assert lineas[1].startswith("cuerpo, tabla 2, fila 4, columna 1: «{% endfor %}» no corresponde a «{%tr for f in filas %}»")
    assert len(lineas) == 2


def test_filtro_con_un_dato_de_otro_tipo(tmp_path):
    ruta = crear_docx(tmp_path / "t.docx", ["{{ ugel|fecha_larga }} {{ fecha|fecha_larga }} {{ docente.grados|grados }}",
                                             "{{ visita.fecha|mes }} {{ ugel|mes }} {{ fecha|grados }}"])
    assert [(p.ubicacion.lugar, p.mensaje) for p in verificar(ruta, MATRIZ).errores] == [
        ("párrafo 1", "«{{ ugel|fecha_larga }}»: el filtro «fecha_larga» espera fecha y «ugel» es texto"),
        ("párrafo 2", "«{{ ugel|mes }}»: el filtro «mes» espera número entero o fecha y «ugel» es texto"),
        ("párrafo 2", "«{{ fecha|grados }}»: el filtro «grados» espera lista y «fecha» es fecha"),
    ]


def test_encabezado_con_xml_roto_es_error_en_castellano(tmp_path):
    doc = Document()
    encabezado = doc.sections[0].header
    tabla = encabezado.add_table(rows=1, cols=2, width=Cm(16))
    tabla.cell(0, 0).paragraphs[0].add_run("{%p if ugel %}")
    encabezado.add_paragraph("{%p endif %}")
    doc.add_paragraph("{{ ugel }}")
    doc.save(str(tmp_path / "t.docx"))
    [error] = verificar(tmp_path / "t.docx", MATRIZ).errores
    assert error.ubicacion.parte == "encabezado" and "debe estar en la misma celda de tabla" in error.mensaje
    with pytest.raises(ErrorFormatos, match="una parte del documento no es XML válido"):
        render_docx(tmp_path / "t.docx", {"ugel": ""})


def test_filtro_sobre_un_dato_opcional_sin_if(tmp_path):
    """Sin dato, fecha_corta fallaría (y fecha_larga pondría la fecha de hoy): va dentro de un if."""
    ruta = crear_docx(tmp_path / "t.docx", [
        "{{ visita.fecha_segundo_dia|fecha_corta }}",
        "{% if visita.fecha_segundo_dia %}{{ visita.fecha_segundo_dia|fecha_larga }}{% endif %}",
        "{{ visita.fecha_segundo_dia }}",
    ])
    [error] = verificar(ruta, MATRIZ).errores
    assert error.ubicacion.lugar == "párrafo 1"
    assert error.mensaje == ("«{{ visita.fecha_segundo_dia|fecha_corta }}»: «visita.fecha_segundo_dia» puede venir vacío "
                             "y entonces el filtro «fecha_corta» fallaría: póngalo dentro de "
                             "{% if visita.fecha_segundo_dia %} … {% endif %}")


def test_llenado_de_prueba_encuentra_lo_que_fallaria(tmp_path):
    ruta = crear_docx(tmp_path / "t.docx", [
        "{{ docente.dni + 1 }}",
        "{{ filas[0].numero / 0 }}",
        "{{ visita.fecha_segundo_dia.year }}",
        "{% for f in filas %}{{ f.numero - f.codigo }}{% endfor %}",
        "{{ filas|length + 1 }} {{ visita.fecha.year }}",
    ])
    errores = verificar(ruta, MATRIZ).errores
    assert [(e.ubicacion.lugar, e.etiqueta) for e in errores] == [
        ("párrafo 1", "{{ docente.dni + 1 }}"), ("párrafo 2", "{{ filas[0].numero / 0 }}"),
        ("párrafo 3", "{{ visita.fecha_segundo_dia.year }}"), ("párrafo 4", "{{ f.numero - f.codigo }}")]
    assert "con datos de prueba, la etiqueta mezcla datos de tipos distintos" in errores[0].mensaje
    assert errores[1].mensaje.endswith("la etiqueta divide entre cero")
    assert "puede venir vacío y entonces «year» no existiría" in errores[2].mensaje
    assert "mezcla datos" in errores[3].mensaje
