"""La página web (`formatos web`) sin navegador: acceso, subidas, validación, generación, descargas y limpieza.

El recorrido completo en Chromium está en test_web_navegador.py.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from starlette.testclient import TestClient

import formatos.lote.trabajo as trabajo
from formatos.errores import Problema
from formatos.recursos import expediente_ejemplo
from formatos.registro import FORMATOS, GRUPOS
from formatos.web import problemas
from formatos.web.app import Ajustes, crear_app
from formatos.web.seguridad import Acceso
from tests.conftest import ADVERTENCIAS_EJEMPLO, texto_docx
from tests.web_util import DNI_7, esperar, libro_ejemplo

PUERTO = 8765
DOCENTE, DIRECTIVO = FORMATOS["matriz-docente"].titulo, FORMATOS["matriz-directivo"].titulo
BASE = f"http://127.0.0.1:{PUERTO}"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
AP1, AP2 = "41526378", "43098127"


def _cliente(acceso: Acceso | None = None, **ajustes) -> TestClient:
    acceso = acceso or Acceso(PUERTO)
    return TestClient(crear_app(Ajustes(acceso, **ajustes)), base_url=BASE, follow_redirects=True)


@pytest.fixture
def cliente():
    """Un cliente que ya abrió la dirección con el token (queda en su cookie)."""
    acceso = Acceso(PUERTO)
    with _cliente(acceso) as c:
        assert c.get(f"/?token={acceso.token}").status_code == 200
        c.acceso = acceso
        yield c


@pytest.fixture(scope="module")
def libro_valido() -> bytes:
    return libro_ejemplo()


@pytest.fixture(scope="module")
def libro_dni_malo() -> bytes:
    return libro_ejemplo(dni_malo=True)


@pytest.fixture(scope="session")
def json_valido(datos_ejemplo) -> bytes:
    """El ejemplo en JSON (se valida 20 veces más rápido que el libro): para las pruebas de generar."""
    return json.dumps(datos_ejemplo, ensure_ascii=False).encode()


def _subir(c: TestClient, datos: bytes, nombre: str = "datos-2026.xlsx", tipo: str = XLSX):
    return c.post("/subir", files={"archivo": (nombre, datos, tipo)})


def _subir_json(c: TestClient, datos: bytes):
    return _subir(c, datos, "expediente.json", "application/json")


def _ruta(respuesta) -> str:
    return str(respuesta.url).removeprefix(BASE)


def _generar(c: TestClient, trabajo_url: str, **campos) -> str:
    r = c.post(trabajo_url + "/generar", data=campos)
    assert r.status_code == 200, r.text
    generacion = _ruta(r)
    assert "/generacion/" in generacion
    return generacion


def _terminar(c: TestClient, generacion: str) -> dict:
    return esperar(lambda: (e := c.get(generacion + "/estado").json())["terminada"] and e)


# --- acceso -------------------------------------------------------------------------------------------


def test_sin_token_se_rechaza_todo():
    acceso = Acceso(PUERTO)
    with _cliente(acceso) as c:
        for ruta in ("/", "/estaticos/estilo.css", "/captura.xlsx?anio=2026", "/trabajo/abc"):
            r = c.get(ruta)
            assert r.status_code == 403 and "Falta el código de acceso" in r.text, ruta
        assert c.get("/?token=" + "0" * 48).status_code == 403
        assert c.post("/ejemplo").status_code == 403
        assert not list(c.app.state.almacen.raiz.iterdir())  # nada se subió


def test_el_token_queda_en_una_cookie_y_sale_de_la_direccion():
    acceso = Acceso(PUERTO)
    with _cliente(acceso) as c:
        r = c.get(f"/?token={acceso.token}&x=1", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/?x=1"
        cookie = r.headers["set-cookie"]
        assert cookie.startswith(f"formatos-web-{PUERTO}={acceso.token}")
        assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower()
        r = c.get("/")
        assert r.status_code == 200 and "Descargar el libro de captura" in r.text
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("host", ["ejemplo.com:8765", "127.0.0.1.nip.io:8765", "127.0.0.1:9999", "192.168.1.5:8765", ""])
def test_host_ajeno_se_rechaza(cliente, host):
    """DNS rebinding: un dominio ajeno que apunta a 127.0.0.1 no entra aunque el navegador tenga la cookie."""
    r = cliente.get("/", headers={"host": host})
    assert r.status_code == 403 and "Dirección no permitida" in r.text
    assert cliente.get("/", headers={"host": f"localhost:{PUERTO}"}).status_code == 200


def test_formulario_de_otro_sitio_se_rechaza(cliente):
    """CSRF: un formulario de otra página que apunta aquí no se atiende."""
    antes = len(list(cliente.app.state.almacen.raiz.iterdir()))
    for cabeceras in ({"origin": "http://ejemplo.com"}, {"origin": "null"}, {"sec-fetch-site": "cross-site"}):
        r = cliente.post("/ejemplo", headers=cabeceras)
        assert r.status_code == 403 and "no se envió desde esta página" in r.text
    assert len(list(cliente.app.state.almacen.raiz.iterdir())) == antes
    assert cliente.post("/ejemplo", headers={"origin": BASE}).status_code == 200


def test_en_red_se_entra_con_contrasena_y_cada_sesion_ve_lo_suyo(json_valido):
    acceso = Acceso(PUERTO, contrasena="clave-de-la-ugel", nombres=frozenset({"oficina-agp"}))
    app = crear_app(Ajustes(acceso))
    with TestClient(app, base_url=BASE) as a, TestClient(app, base_url=BASE) as b:
        r = a.get("/", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/entrar")
        assert a.get(f"/?token={acceso.token}", follow_redirects=False).status_code == 303  # el token no abre
        r = a.post("/entrar?siguiente=/", data={"contrasena": "otra"})
        assert r.status_code == 403 and "Contraseña equivocada" in r.text
        assert a.post("/entrar?siguiente=/", data={"contrasena": "clave-de-la-ugel"}).status_code == 200
        assert "Página compartida en la red local" in a.get("/").text
        assert a.get("/", headers={"host": f"192.168.1.5:{PUERTO}"}).status_code == 200
        assert a.get("/", headers={"host": f"oficina-agp:{PUERTO}"}).status_code == 200
        assert a.get("/", headers={"host": f"ejemplo.com:{PUERTO}"}).status_code == 403
        trabajo_a = _ruta(_subir_json(a, json_valido))
        b.post("/entrar?siguiente=/", data={"contrasena": "clave-de-la-ugel"})
        r = b.get(trabajo_a)
        assert r.status_code == 404 and "no existe o ya se borró" in r.text
        assert a.get(trabajo_a).status_code == 200
        a.post("/salir")
        assert a.get(trabajo_a, follow_redirects=False).status_code == 303  # sesión cerrada: a entrar


def test_en_red_un_croquis_del_equipo_servidor_no_se_usa(json_valido):
    acceso = Acceso(PUERTO, contrasena="clave-de-la-ugel")
    with _cliente(acceso) as c:
        c.post("/entrar", data={"contrasena": "clave-de-la-ugel"})
        carga = c.app.state.almacen.subida(_ruta(_subir_json(c, json_valido)).split("/")[-1], _sesion(c)).carga
        assert [p.mensaje for p in carga.errores] == [
            "en la página compartida en red no se usan imágenes del equipo servidor: el plan sale sin croquis"]
        assert all(p.croquis is None for p in carga.expediente.planes_anuales_ap)


def _filas(pagina: str, tabla: str) -> list[list[str]]:
    """Las filas de la tabla con ese id, como textos de sus celdas."""
    cuerpo = re.search(rf'<table[^>]*id="{tabla}"[^>]*>(.*?)</table>', pagina, re.S).group(1)
    return [[html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", f, re.S)]
            for f in re.findall(r"<tr[^>]*>(.*?)</tr>", cuerpo, re.S)]


def _sesion(c: TestClient) -> str:
    return next(v for k, v in c.cookies.items() if k.startswith("formatos-web-"))


# --- libro de captura y subida ------------------------------------------------------------------------


def test_descargar_el_libro_de_captura(cliente):
    r = cliente.get("/captura.xlsx", params={"ugel": "UGEL Celendín", "anio": "2027"})
    assert r.status_code == 200 and r.headers["content-type"] == XLSX
    assert "libro-de-captura-2027.xlsx" in r.headers["content-disposition"]
    libro = load_workbook(io.BytesIO(r.content))
    assert {"Instrucciones", "Datos generales", "Docentes", "Valoraciones"} <= set(libro.sheetnames)
    valores = {c.value for fila in libro["Datos generales"].iter_rows() for c in fila}
    assert {"UGEL Celendín", 2027} <= valores
    r = cliente.get("/captura.xlsx", params={"anio": "20x7"})
    assert r.status_code == 400 and "cuatro cifras entre 2019 y 2100" in r.text


def test_la_pagina_explica_que_hojas_llenar(cliente):
    texto = re.sub(r"\s+", " ", cliente.get("/").text)
    assert "Solo las matrices de valoración:</strong> llene las hojas «Datos generales», «Acompañantes»" in texto
    assert "«Valoraciones» y «Valoraciones del directivo»." in texto
    assert "«Planes individuales»" in texto


def test_subir_el_ejemplo_valido_y_el_nombre_no_toca_el_disco(cliente, libro_valido):
    nombre = "..\\..\\<i>datos & 2026.xlsx"
    r = _subir(cliente, libro_valido, nombre)
    assert r.status_code == 200
    texto = re.sub(r"\s+", " ", r.text)
    assert f"El archivo es válido.</strong> Tiene {len(ADVERTENCIAS_EJEMPLO)} advertencia(s)" in texto
    assert "Revisión de «&lt;i&gt;datos &amp; 2026.xlsx»" in r.text  # escapado, sin las carpetas
    assert "UGEL San Marcos · año 2026 · 2 acompañante(s)" in r.text
    raiz = cliente.app.state.almacen.raiz
    assert [p.relative_to(raiz).parts[1:] for p in raiz.rglob("*") if p.is_file()] == [("entrada.xlsx",)]
    assert oct(raiz.stat().st_mode & 0o777) == "0o700"


def test_subir_un_archivo_que_no_es_libro_ni_json(cliente):
    r = _subir(cliente, b"%PDF-1.4", "informe.pdf", "application/pdf")
    assert r.status_code == 400
    assert "«informe.pdf» no es un libro de Excel (.xlsx) ni un archivo JSON" in r.text
    r = cliente.post("/subir", files={"archivo": ("", b"", XLSX)})
    assert r.status_code == 400 and "Elija un archivo" in r.text


def test_limite_de_subida_con_mensaje_claro(libro_valido):
    acceso = Acceso(PUERTO)
    with _cliente(acceso, limite_subida=100 * 1024) as c:
        c.get(f"/?token={acceso.token}")
        assert len(libro_valido) > 100 * 1024
        r = _subir(c, libro_valido)
        assert r.status_code == 413
        assert "Archivo demasiado grande" in r.text and "El archivo pesa más de 100 KB, el límite de esta página" in r.text
        assert not list(c.app.state.almacen.raiz.iterdir())
        assert 'data-limite="102400"' in c.get("/").text  # la página avisa antes de subir (pagina.js)


def test_un_libro_ilegible_lo_dice_y_no_ofrece_generar(cliente):
    r = _subir(cliente, b"esto no es un libro", "roto.xlsx")
    assert "No se pudo leer el archivo" in r.text
    assert "Generar los documentos" not in r.text
    assert "roto.xlsx: no es un libro de Excel (.xlsx) válido" in r.text  # con su nombre, no el del disco
    assert "entrada.xlsx" not in r.text


def _zip(partes: dict[str, bytes]) -> bytes:
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as z:
        for nombre, contenido in partes.items():
            z.writestr(nombre, contenido)
    return salida.getvalue()


@pytest.mark.parametrize("partes, motivo", [
    ({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": b"<a>" + b" " * (3 * 2**20) + b"</a>"},
     "bomba.xlsx: parece una «bomba zip»"),
    ({"[Content_Types].xml": b"<Types/>", "../../fuera.xml": b"<a/>"}, "bomba.xlsx: tiene una parte interna con un nombre no permitido"),
    ({"[Content_Types].xml": b'<!DOCTYPE x [<!ENTITY a "a">]><Types/>'}, "bomba.xlsx: la parte «[Content_Types].xml» trae una declaración DOCTYPE"),
])
def test_un_libro_peligroso_se_rechaza_sin_guardarlo(cliente, partes, motivo):
    """`formatos.zip_seguro.revisar_zip` antes de guardar la subida o de que openpyxl la abra."""
    r = _subir(cliente, _zip(partes), "bomba.xlsx")
    assert r.status_code == 400
    texto = html.unescape(r.text)
    assert "El archivo no se puede usar" in texto and motivo in texto and "No se guardó el archivo." in texto
    assert not list(cliente.app.state.almacen.raiz.iterdir())


# --- la tabla de problemas ----------------------------------------------------------------------------


def test_dni_de_7_digitos_en_la_tabla_con_hoja_fila_y_columna(cliente, libro_dni_malo):
    r = _subir(cliente, libro_dni_malo)
    texto = re.sub(r"\s+", " ", r.text)
    assert "Se encontraron" in texto and "Los registros con errores no se usarán: Docentes: 1 registro;" in texto
    fila = re.search(r"<tr class=\"fila-error\">(.*?)</tr>", texto).group(1)
    celdas = [html.unescape(re.sub(r"<[^>]+>", "", c).strip()) for c in re.findall(r"<td[^>]*>(.*?)</td>", fila)]
    assert celdas == ["Error", "Docentes", "4", "DNI", DNI_7, f'debe tener 8 dígitos del 0 al 9 (se recibió "{DNI_7}")']
    # filtros por tipo y hoja (el servidor filtra: funciona también sin JavaScript)
    trabajo_url = _ruta(r)
    solo_docentes = cliente.get(trabajo_url, params={"hoja": "Docentes"}).text
    assert solo_docentes.count('<tr class="fila-error">') == 1  # y la advertencia del ejemplo sobre setiembre
    assert solo_docentes.count("<tr class=") == 1 + sum("docentes[" in a for a in ADVERTENCIAS_EJEMPLO)
    assert cliente.get(trabajo_url, params={"hoja": "Docentes", "tipo": "error"}).text.count("<tr class=") == 1
    advertencias = cliente.get(trabajo_url, params={"tipo": "advertencia"}).text
    assert "fila-error" not in advertencias and "fila-advertencia" in advertencias
    # la lista en Excel, con el mismo filtro
    x = cliente.get(trabajo_url + "/problemas.xlsx", params={"hoja": "Docentes", "tipo": "error"})
    assert x.headers["content-type"] == XLSX
    hoja = load_workbook(io.BytesIO(x.content))["Problemas"]
    assert [[c.value for c in f] for f in hoja.iter_rows()] == [
        ["Tipo", "Hoja", "Fila", "Columna", "Valor recibido", "Mensaje"],
        ["Error", "Docentes", 4, "DNI", DNI_7, f'debe tener 8 dígitos del 0 al 9 (se recibió "{DNI_7}")'],
    ]
    completo = load_workbook(io.BytesIO(cliente.get(trabajo_url + "/problemas.xlsx").content))["Problemas"]
    assert completo.max_row - 1 == len(re.findall(r"<tr class=\"fila-", r.text))


def test_croquis_que_no_esta_dice_como_indicarlo(cliente):
    from formatos.recursos import expediente_ejemplo

    r = _subir(cliente, expediente_ejemplo().with_suffix(".xlsx").read_bytes())  # cita «croquis-ruta-ap1.png»
    texto = re.sub(r"\s+", " ", r.text)
    assert "no existe el archivo «croquis-ruta-ap1.png»: el plan sale sin croquis" in texto
    assert "escriba la ruta completa de la imagen en este equipo" in texto
    assert "escriba la ruta completa" not in re.sub(r"\s+", " ", _subir(cliente, libro_ejemplo()).text)


def test_json_con_su_ruta(cliente, datos_ejemplo):
    datos = json.loads(json.dumps(datos_ejemplo))
    datos["docentes"][2]["dni"] = "447123"
    r = _subir(cliente, json.dumps(datos).encode(), "expediente.json", "application/json")
    texto = re.sub(r"\s+", " ", r.text)
    assert "<th scope=\"col\">Ruta en el JSON</th>" in texto
    assert '<td><code>docentes[2].dni</code></td> <td><code>447123</code></td>' in texto
    x = cliente.get(_ruta(r) + "/problemas.xlsx")
    filas = list(load_workbook(io.BytesIO(x.content))["Problemas"].iter_rows(values_only=True))
    assert filas[0] == ("Tipo", "Ruta en el JSON", "Valor recibido", "Mensaje")
    assert filas[1][:3] == ("Error", "docentes[2].dni", "447123")


@pytest.mark.parametrize("partes, mensaje, esperado", [
    (dict(hoja="Docentes", filas=(7,), columna="DNI", recibido='"4471234"'),
     'debe tener 8 dígitos del 0 al 9 (se recibió "4471234")', ("Docentes", "7", "DNI", "4471234")),
    (dict(hoja="Valoraciones", filas=(2, 5, 9), columna="Código de la visita"), '"V-1" no existe en la hoja Visitas',
     ("Valoraciones", "2 a 9", "Código de la visita", "V-1")),
    (dict(hoja="GIA", columna="Tema"), "falta esta columna obligatoria", ("GIA", "", "Tema", "")),
    (dict(hoja="Datos generales", ubicacion="Hoja Datos generales, dato «Año» (falta la fila)"),
     "falta este dato obligatorio", ("Datos generales", "", "Año (falta la fila)", "")),
    (dict(hoja="GIA", filas=(3,), columna="Horas", recibido="-3"), "debe ser mayor o igual que 0 (se recibió -3)",
     ("GIA", "3", "Horas", "-3")),
    (dict(hoja="Visitas", filas=(3,), columna="Fecha", recibido='"mañana"'), "no es una fecha válida",
     ("Visitas", "3", "Fecha", "mañana")),
    (dict(recibido='"texto muy largo..." (300 caracteres)'), "es demasiado largo", ("", "", "", '"texto muy largo..." (300 caracteres)')),
    (dict(hoja="Docentes", filas=(5,), columna="Grados"), '«cinco» no es un grado (se recibió ["1", "2", "cinco"])',
     ("Docentes", "5", "Grados", '["1", "2", "cinco"]')),
    (dict(hoja="Visitas", filas=(18,), columna="DNI del docente"), '"47120385" no existe en la hoja Docentes',
     ("Visitas", "18", "DNI del docente", "47120385")),
])
def test_filas_de_la_tabla(partes, mensaje, esperado):
    """Las columnas salen de `Problema.hoja/filas/columna/recibido`, no del texto de `ubicacion`."""
    fila = problemas.fila_de(Problema(("docentes", 6, "dni"), mensaje, **partes))
    assert (fila.hoja, fila.fila, fila.columna, fila.recibido) == esperado
    assert fila.ruta == "docentes[6].dni" and fila.mensaje == mensaje


def test_las_columnas_de_la_tabla_son_las_del_problema_aunque_el_texto_diga_otra_cosa():
    fila = problemas.fila_de(Problema(("docentes", 6, "dni"), "debe tener 8 dígitos (se recibió \"1\")",
                                      ubicacion="Hoja Otra, fila 99, columna Otra", hoja="Docentes", filas=(7,),
                                      columna="DNI", recibido='"4471234"'))
    assert (fila.hoja, fila.fila, fila.columna, fila.recibido) == ("Docentes", "7", "DNI", "4471234")


def _libro_con_errores() -> bytes:
    """El ejemplo con cuatro errores de distinta clase, cada uno en una celda conocida."""
    libro = load_workbook(io.BytesIO(libro_ejemplo()))

    def poner(hoja: str, fila: int, titulo: str, valor) -> None:
        titulos = [c.value for c in libro[hoja][1]]
        libro[hoja].cell(fila, titulos.index(titulo) + 1).value = valor

    poner("Docentes", 4, "DNI", DNI_7)
    poner("Docentes", 5, "Grados", "1, 2 y cinco")
    poner("GIA", 3, "Horas", -3)
    poner("Visitas", 6, "Fecha", "mañana")
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def test_cada_error_del_libro_con_su_hoja_fila_columna_y_valor(cliente):
    r = _subir(cliente, _libro_con_errores(), "datos con errores.xlsx")
    texto = re.sub(r"\s+", " ", r.text)
    filas = [[html.unescape(re.sub(r"<[^>]+>", "", c).strip()) for c in re.findall(r"<td[^>]*>(.*?)</td>", f)]
             for f in re.findall(r'<tr class="fila-error">(.*?)</tr>', texto)]
    por_celda = {tuple(f[1:4]): f for f in filas}
    assert por_celda[("Docentes", "4", "DNI")][4] == DNI_7
    assert por_celda[("Docentes", "5", "Grados")][4] == '["1", "2", "cinco"]'  # sin `recibido`: lo que cita el mensaje
    assert por_celda[("GIA", "3", "Horas")][4:] == ["-3", "debe ser mayor o igual que 0 (se recibió -3)"]
    assert por_celda[("Visitas", "6", "Fecha")][4] == "mañana"


def test_el_resultado_muestra_los_registros_que_no_se_usaron(cliente):
    revision = _subir(cliente, _libro_con_errores(), "datos con errores.xlsx")
    trabajo_url = _ruta(revision)
    generacion = _generar(cliente, trabajo_url, formato=["matriz-directivo"], acompanante=[AP1, AP2])
    assert _terminar(cliente, generacion)["estado"] == "terminado"
    texto = re.sub(r"\s+", " ", cliente.get(generacion).text)
    tabla = _filas(texto, "tabla-no-usados")
    assert tabla[0] == ["Archivo", "Hoja", "Fila", "Columna", "Valor recibido", "Mensaje"]
    assert ["datos con errores.xlsx", "Docentes", "4", "DNI", DNI_7,
            f'debe tener 8 dígitos del 0 al 9 (se recibió "{DNI_7}")'] in tabla
    assert ["datos con errores.xlsx", "GIA", "3", "Horas", "-3", "debe ser mayor o igual que 0 (se recibió -3)"] in tabla
    assert len(tabla) - 1 == revision.text.count('<tr class="fila-error">')  # todos los errores de la revisión
    assert "tabla-fallidos" not in texto  # ningún documento falló


def test_el_resultado_muestra_los_documentos_fallidos_y_los_avisos(cliente, json_valido, monkeypatch):
    """Lo que devuelve `formatos.generar` (fallidos y `Resumen.avisos`) se ve en la página, sin rutas del servidor."""
    import formatos
    from formatos.lote import Resumen
    from formatos.lote.trabajo import Resultado

    generar_de_verdad = formatos.generar

    def generar(expediente, salida, **opciones):
        resumen = generar_de_verdad(expediente, salida, **opciones)
        resumen.resultados.append(Resultado("matriz-docente", None, ("V-2026-05-41234567",), "fallido",
                                            "la plantilla tiene un error en «{{ x }}»"))
        resumen.avisos.append(f"no se pudo escribir {Path(salida) / 'manifiesto.json'}: no queda espacio en el disco")
        return resumen

    monkeypatch.setattr(formatos, "generar", generar)
    trabajo_url = _ruta(_subir_json(cliente, json_valido))
    generacion = _generar(cliente, trabajo_url, formato=["matriz-directivo"], acompanante=[AP1])
    assert _terminar(cliente, generacion)["estado"] == "terminado"
    texto = re.sub(r"\s+", " ", cliente.get(generacion).text)
    assert _filas(texto, "tabla-fallidos") == [
        ["Formato", "Registro(s)", "Por qué"],
        ["Matriz de valoración del desempeño docente", "V-2026-05-41234567", "la plantilla tiene un error en «{{ x }}»"]]
    avisos = re.search(r'id="avisos">(.*?)</div>', texto).group(1)
    assert "no se pudo escribir documentos/manifiesto.json: no queda espacio en el disco" in html.unescape(avisos)
    assert "formatos-web-" not in avisos


def test_un_texto_de_formula_queda_como_texto_en_el_excel():
    fila = problemas.fila_de(Problema(("docentes", 0, "nombres"), 'no vale (se recibió "=HYPERLINK(1)")'))
    hoja = load_workbook(io.BytesIO(problemas.libro([fila], json=True)))["Problemas"]
    assert hoja["C2"].value == "=HYPERLINK(1)" and hoja["C2"].data_type == "s"


# --- generar -------------------------------------------------------------------------------------------


def test_el_formulario_muestra_los_grupos_del_registro(cliente, json_valido):
    texto = _subir_json(cliente, json_valido).text
    for grupo, formatos_grupo in GRUPOS.items():
        assert f"<legend>{grupo}</legend>" in texto
        for f in formatos_grupo:
            assert f'value="{f.identificador}" id="f-{f.identificador}" checked' in texto
    assert texto.count('name="formato"') == len(FORMATOS)
    assert "Julián Andrés Ñaupari Cárdenas" in texto and "(DNI 41526378, 8 docentes)" in texto


def test_generar_las_matrices_de_un_ap_y_descargar_el_zip(cliente, json_valido):
    trabajo_url = _ruta(_subir_json(cliente, json_valido))
    generacion = _generar(cliente, trabajo_url, formato=["matriz-docente", "matriz-directivo"], acompanante=[AP1])
    estado = _terminar(cliente, generacion)
    assert estado["estado"] == "terminado" and estado["hechos"] == estado["total"] > 0
    texto = re.sub(r"\s+", " ", cliente.get(generacion).text)
    assert f"Listo:</strong> {estado['total']} archivo(s) generado(s)." in texto
    assert _filas(texto, "tabla-resumen") == [
        ["Formato", "Generados", "Sin cambios", "Fallidos"],
        [DOCENTE, "56", "0", "0"], [DIRECTIVO, "16", "0", "0"], ["Total", "72", "0", "0"]]
    assert "No hubo errores" in texto
    r = cliente.get(generacion + "/documentos.zip")
    assert r.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        nombres = z.namelist()
        manifiesto = json.loads(z.read("documentos/manifiesto.json"))
        docx = [n for n in nombres if n.endswith(".docx")]
        assert len(docx) == estado["total"]
        assert {n.split("/")[2] for n in docx} == {"Ñaupari Cárdenas Julián Andrés"}  # solo ese AP
        assert sorted("documentos/" + e["ruta"] for e in manifiesto["archivos"]) == sorted(docx)
        documento = Document(io.BytesIO(z.read(next(n for n in docx if "matriz-docente" in n))))
    texto_doc = "\n".join(c.text for t in documento.tables for f in t.rows for c in f.cells)
    assert "Julián Andrés Ñaupari Cárdenas" in texto_doc
    # cada archivo también por separado, solo los de esta generación
    uno = cliente.get(generacion + "/archivo/0")
    assert uno.status_code == 200 and uno.content[:2] == b"PK"
    assert cliente.get(generacion + f"/archivo/{estado['total'] + 5}").status_code == 404
    assert cliente.get(generacion + "/archivo/-1").status_code == 404


def test_sin_formatos_ni_acompanantes_lo_dice(cliente, json_valido):
    trabajo_url = _ruta(_subir_json(cliente, json_valido))
    r = cliente.post(trabajo_url + "/generar", data={"acompanante": [AP1]})
    assert r.status_code == 400 and "Elija al menos un formato." in r.text
    r = cliente.post(trabajo_url + "/generar", data={"formato": ["matriz-docente"]})
    assert r.status_code == 400 and "Elija al menos un acompañante." in r.text
    r = cliente.post(trabajo_url + "/generar", data={"formato": ["../../etc"], "acompanante": [AP1]})
    assert r.status_code == 400 and "vuelva a cargar la página" in r.text


def test_con_errores_genera_lo_valido_y_el_reporte(cliente, libro_dni_malo):
    trabajo_url = _ruta(_subir(cliente, libro_dni_malo))
    generacion = _generar(cliente, trabajo_url, formato=["matriz-docente"], acompanante=[AP1, AP2])
    assert _terminar(cliente, generacion)["estado"] == "terminado"
    texto = cliente.get(generacion).text
    assert "Datos no válidos (registros que no se usaron)" in texto
    assert f"Hoja Docentes, fila 4, columna DNI: debe tener 8 dígitos del 0 al 9 (se recibió &#34;{DNI_7}&#34;)" in texto
    with zipfile.ZipFile(io.BytesIO(cliente.get(generacion + "/documentos.zip").content)) as z:
        assert "documentos/reporte-errores.txt" in z.namelist()


def test_dos_pestanas_generando_a_la_vez_no_mezclan_archivos(cliente, json_valido):
    uno = _ruta(_subir_json(cliente, json_valido))
    otro = _ruta(_subir_json(cliente, json_valido))
    g1 = _generar(cliente, uno, formato=["matriz-docente"], acompanante=[AP1])
    g2 = _generar(cliente, otro, formato=["matriz-docente", "plan-anual-ap"], acompanante=[AP2])
    assert _terminar(cliente, g1)["estado"] == _terminar(cliente, g2)["estado"] == "terminado"
    contenido = []
    for g in (g1, g2):
        with zipfile.ZipFile(io.BytesIO(cliente.get(g + "/documentos.zip").content)) as z:
            contenido.append({n for n in z.namelist() if n.endswith(".docx")})
    assert {n.split("/")[2] for n in contenido[0]} == {"Ñaupari Cárdenas Julián Andrés"}
    assert {n.split("/")[2].removesuffix(".docx") for n in contenido[1]} == {"Sánchez Huamán María Teresa"}
    assert any(n.startswith("documentos/plan-anual-ap/") for n in contenido[1])
    # la generación de una subida no se ve desde la otra
    assert cliente.get(uno + "/generacion/" + g2.split("/")[-1]).status_code == 404


@pytest.fixture
def lote_detenido(monkeypatch):
    """El lote se detiene después de su primer documento hasta que la prueba suelte `seguir`."""
    seguir = threading.Event()
    preparar = trabajo.preparar
    cuenta = {"n": 0}

    def preparar_lento(ruta):
        renderizar = preparar(ruta)

        def envoltura(contexto):
            cuenta["n"] += 1
            if cuenta["n"] > 1:
                seguir.wait(3)  # al detener el servidor nadie lo suelta: sigue solo
            return renderizar(contexto)
        return envoltura
    monkeypatch.setattr(trabajo, "preparar", preparar_lento)
    return seguir


def test_cancelar_no_deja_nada_para_descargar(cliente, json_valido, lote_detenido):
    trabajo_url = _ruta(_subir_json(cliente, json_valido))
    generacion = _generar(cliente, trabajo_url, formato=["matriz-docente"], acompanante=[AP1])
    estado = esperar(lambda: (e := cliente.get(generacion + "/estado").json())["hechos"] >= 1 and e)
    assert estado["texto"] == f"Generando documentos: 1 de {estado['total']} (Matriz de valoración del desempeño docente)…"
    assert "Cancelar" in cliente.get(generacion).text
    cliente.post(generacion + "/cancelar")
    lote_detenido.set()
    assert _terminar(cliente, generacion)["estado"] == "cancelado"
    assert "Se canceló la generación: no se guardó ningún documento." in cliente.get(generacion).text
    assert cliente.get(generacion + "/documentos.zip").status_code == 404
    assert cliente.get(generacion + "/archivo/0").status_code == 404
    carpeta = cliente.app.state.almacen.raiz / trabajo_url.split("/")[-1]
    assert [p.name for p in carpeta.rglob("*") if p.is_file()] == ["entrada.json"]


def test_al_detener_el_servidor_se_borra_todo_aun_a_medio_generar(json_valido, lote_detenido):
    acceso = Acceso(PUERTO)
    with _cliente(acceso) as c:
        c.get(f"/?token={acceso.token}")
        raiz = c.app.state.almacen.raiz
        generacion = _generar(c, _ruta(_subir_json(c, json_valido)), formato=["matriz-docente"], acompanante=[AP1])
        esperar(lambda: c.get(generacion + "/estado").json()["hechos"] >= 1)
        assert any(raiz.rglob("*.docx"))
    assert not raiz.exists()  # el lifespan de la aplicación cancela y borra la carpeta temporal


def test_caducidad_borra_los_trabajos_viejos(json_valido):
    acceso = Acceso(PUERTO)
    with _cliente(acceso, caducidad=3600.0) as c:
        c.get(f"/?token={acceso.token}")
        almacen = c.app.state.almacen
        viejo, nuevo = (_ruta(_subir_json(c, json_valido)).split("/")[-1] for _ in range(2))
        almacen.limpiar_caducadas()
        assert (almacen.raiz / viejo).is_dir() and (almacen.raiz / nuevo).is_dir()
        almacen.subida(viejo, "local").usada -= 3601
        almacen.limpiar_caducadas()
        assert not (almacen.raiz / viejo).exists() and (almacen.raiz / nuevo).is_dir()
        r = c.get(f"/trabajo/{viejo}")
        assert r.status_code == 404 and "tras 60 minutos sin usarlos" in r.text


def test_sin_libreoffice_la_pagina_dice_como_instalarlo(cliente, json_valido, monkeypatch):
    from formatos.salida import pdf

    monkeypatch.setenv("FORMATOS_SOFFICE", "/no/existe/soffice")
    monkeypatch.setattr(pdf.shutil, "which", lambda _nombre: None)
    trabajo_url = _ruta(_subir_json(cliente, json_valido))
    texto = cliente.get(trabajo_url).text
    assert 'id="pdf" disabled' in texto and "https://es.libreoffice.org/descarga/" in texto
    assert 'id="kit" aria-describedby="nota-kit" disabled' in texto
    r = cliente.post(trabajo_url + "/generar", data={"formato": ["matriz-docente"], "acompanante": [AP1], "pdf": "si"})
    assert r.status_code == 400 and "hace falta LibreOffice" in r.text
    r = cliente.post(trabajo_url + "/generar", data={"formato": ["matriz-docente"], "acompanante": [AP1], "kit": "si",
                                                     "mes": "2026-07"})
    assert r.status_code == 400 and "el kit del mes hace falta LibreOffice" in r.text
    generacion = _generar(cliente, trabajo_url, formato=["plan-anual-ap"], acompanante=[AP1])
    _terminar(cliente, generacion)
    r = cliente.get(generacion + "/ver/0")
    assert r.status_code == 503
    assert "Falta LibreOffice para la vista previa" in r.text and "sudo apt install libreoffice-writer-nogui" in r.text


@pytest.mark.libreoffice
def test_vista_previa_en_pdf_de_un_documento(cliente, json_valido):
    trabajo_url = _ruta(_subir_json(cliente, json_valido))
    generacion = _generar(cliente, trabajo_url, formato=["plan-anual-ap"], acompanante=[AP1])
    _terminar(cliente, generacion)
    r = cliente.get(generacion + "/ver/0")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.headers["content-disposition"].startswith("inline")
    assert r.content.startswith(b"%PDF")
    with zipfile.ZipFile(io.BytesIO(cliente.get(generacion + "/documentos.zip").content)) as z:
        assert not [n for n in z.namelist() if n.endswith(".pdf")]  # la vista previa no entra al .zip


# --- la orden `formatos web` ---------------------------------------------------------------------------


def test_ayuda_de_la_orden():
    r = subprocess.run([sys.executable, "-m", "formatos", "web", "--help"], capture_output=True, text=True)
    assert r.returncode == 0
    assert r.stdout.startswith("Uso: formatos web [OPCIONES]\n") and "OPTIONS" not in r.stdout
    for opcion in ("--puerto", "--no-abrir", "--red", "--caducidad", "--limite-subida", "FORMATOS_WEB_CONTRASENA"):
        assert opcion in r.stdout


def test_red_sin_contrasena_no_arranca(monkeypatch):
    entorno = {k: v for k, v in os.environ.items() if k != "FORMATOS_WEB_CONTRASENA"}
    r = subprocess.run([sys.executable, "-m", "formatos", "web", "--red", "--no-abrir"], capture_output=True,
                       text=True, stdin=subprocess.DEVNULL, env=entorno, timeout=60)
    assert r.returncode == 2 and "hace falta una contraseña" in r.stderr
    r = subprocess.run([sys.executable, "-m", "formatos", "web", "--red", "--no-abrir"], capture_output=True,
                       text=True, stdin=subprocess.DEVNULL, env={**entorno, "FORMATOS_WEB_CONTRASENA": "corta"},
                       timeout=60)
    assert r.returncode == 2 and "al menos 8 caracteres" in r.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="se detiene con SIGINT")
def test_la_orden_imprime_su_direccion_y_al_detenerse_borra_todo(tmp_path):
    entorno = {**os.environ, "TMPDIR": str(tmp_path)}
    proceso = subprocess.Popen([sys.executable, "-m", "formatos", "web", "--no-abrir", "--puerto", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=entorno)
    try:
        lineas = []
        while not any("token=" in linea for linea in lineas):
            lineas.append(proceso.stdout.readline())
        direccion = next(linea.strip() for linea in lineas if "token=" in linea)
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?token=[0-9a-f]{48}", direccion)
        base = direccion.split("?")[0]
        navegador = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())  # guarda la cookie

        def responde() -> bool:
            try:
                return "Descargar el libro de captura" in navegador.open(direccion, timeout=5).read().decode()
            except OSError:
                return False
        assert esperar(responde, 60, 0.2)
        assert "Descargar el libro" in navegador.open(base, timeout=5).read().decode()  # ya con la cookie
        with pytest.raises(urllib.error.HTTPError) as sin_token:
            urllib.request.urlopen(base, timeout=5)
        assert sin_token.value.code == 403
        assert [p.name.startswith("formatos-web-") for p in tmp_path.iterdir()] == [True]
    finally:
        proceso.send_signal(signal.SIGINT)
        salida, _ = proceso.communicate(timeout=60)
    assert "se borraron los archivos temporales" in salida
    assert not any(p.name.startswith("formatos-web-") for p in tmp_path.iterdir())


# --- mes, periodo y borradores (los de `formatos generar`) ----------------------------------------------


def test_solo_un_mes_da_lo_mismo_que_la_biblioteca(cliente, json_valido, carga_ejemplo, tmp_path):
    import formatos

    trabajo_url = _ruta(_subir_json(cliente, json_valido))
    texto = cliente.get(trabajo_url).text
    assert '<option value="2026-06">Solo junio de 2026</option>' in texto
    assert '<option value="T2">Solo: II trimestre</option>' in texto
    generacion = _generar(cliente, trabajo_url, formato=["matriz-docente", "informe-mensual"], acompanante=[AP1],
                          mes="2026-06")
    assert _terminar(cliente, generacion)["estado"] == "terminado"
    assert "· solo 2026-06" in re.sub(r"\s+", " ", cliente.get(generacion).text)
    with zipfile.ZipFile(io.BytesIO(cliente.get(generacion + "/documentos.zip").content)) as z:
        en_la_pagina = sorted(n.removeprefix("documentos/") for n in z.namelist() if n.endswith(".docx"))
    resumen = formatos.generar(carga_ejemplo.expediente, tmp_path, formatos=["matriz-docente", "informe-mensual"],
                               acompanantes=[AP1], mes="2026-06", procesos=1)
    esperado = sorted(r.ruta.relative_to(tmp_path).as_posix() for r in resumen.resultados)
    assert en_la_pagina == esperado and any("informe-mensual" in n for n in esperado)
    assert all(Path(n).name.startswith("2026-06") for n in esperado if n.startswith("matriz-docente/"))


@pytest.fixture(scope="module")
def json_hasta_mayo(datos_ejemplo) -> bytes:
    """El ejemplo con las visitas y GIA solo hasta mayo: el I trimestre (abril a junio) no ha cerrado."""
    datos = json.loads(json.dumps(datos_ejemplo))
    datos["visitas"] = [v for v in datos["visitas"] if v["fecha"] < "2026-06-01"]
    datos["gias"] = [g for g in datos["gias"] if g["fecha"] < "2026-06-01"]
    return json.dumps(datos, ensure_ascii=False).encode()


def test_periodo_sin_cerrar_queda_pendiente_y_sale_como_borrador(cliente, json_hasta_mayo, tmp_path):
    trabajo_url = _ruta(_subir_json(cliente, json_hasta_mayo))
    generacion = _generar(cliente, trabajo_url, formato=["informe-trimestral-ap"], acompanante=[AP1, AP2],
                          periodo="T1")
    assert _terminar(cliente, generacion)["estado"] == "terminado"
    texto = re.sub(r"\s+", " ", cliente.get(generacion).text)
    assert "Pendientes (no es un fallo):" in texto
    assert "Informe trimestral del acompañamiento pedagógico (AP): 2 pendientes" in texto
    assert "Listo:</strong> 0 archivo(s) generado(s)" in texto
    generacion = _generar(cliente, trabajo_url, formato=["informe-trimestral-ap"], acompanante=[AP1, AP2],
                          periodo="T1", borradores="si")
    assert _terminar(cliente, generacion)["estado"] == "terminado"
    texto = re.sub(r"\s+", " ", cliente.get(generacion).text)
    assert "Pendientes" not in texto and "· con borradores" in texto
    assert "<strong>Borradores:</strong> Informe trimestral del acompañamiento pedagógico (AP): 2." in texto
    with zipfile.ZipFile(io.BytesIO(cliente.get(generacion + "/documentos.zip").content)) as z:
        informe = next(n for n in z.namelist() if n.endswith(".docx"))
        (tmp_path / "borrador.docx").write_bytes(z.read(informe))
    assert "BORRADOR" in texto_docx(tmp_path / "borrador.docx")
    # con la fecha de corte al fin de junio, el I trimestre ya cerró: sale sin borrador
    generacion = _generar(cliente, trabajo_url, formato=["informe-trimestral-ap"], acompanante=[AP1, AP2],
                          periodo="T1", corte="30/06/2026")
    assert _terminar(cliente, generacion)["estado"] == "terminado"
    texto_corte = re.sub(r"\s+", " ", cliente.get(generacion).text)
    assert "· datos hasta el 30/06/2026" in texto_corte and "Listo:</strong> 2 archivo(s)" in texto_corte
    assert "Pendientes" not in texto_corte and "Borradores" not in texto_corte


def test_mes_o_periodo_que_no_valen(cliente, json_valido):
    trabajo_url = _ruta(_subir_json(cliente, json_valido))
    for campos in ({"mes": "junio"}, {"periodo": "T7"}, {"corte": "31/06/2026"}, {"corte": "ayer"}):
        r = cliente.post(trabajo_url + "/generar", data={"formato": ["matriz-docente"], "acompanante": [AP1], **campos})
        assert r.status_code == 400 and "El mes, el periodo o la fecha de corte no son válidos" in r.text, campos


# --- el kit del mes (`formatos generar --kit`) -----------------------------------------------------------


def test_el_kit_del_mes_pide_un_mes(cliente, json_valido):
    trabajo_url = _ruta(_subir_json(cliente, json_valido))
    texto = re.sub(r"\s+", " ", cliente.get(trabajo_url).text)
    assert "Kit del mes para imprimir (por acompañante, en PDF y Word, en orden de visita)" in texto
    r = cliente.post(trabajo_url + "/generar", data={"formato": ["matriz-docente"], "acompanante": [AP1], "kit": "si"})
    assert r.status_code == 400
    assert "Para el kit del mes, elija el mes en «Periodo»" in html.unescape(r.text)
    assert _ruta(r) == trabajo_url + "/generar" and "/generacion/" not in r.text  # no empezó nada


def test_el_formulario_que_vuelve_con_un_aviso_conserva_lo_elegido(cliente, json_valido):
    """Con un aviso (aquí: un mes que no existe), la página vuelve con los formatos, acompañantes y opciones que el
    usuario había marcado, no con todo marcado de nuevo."""
    trabajo_url = _ruta(_subir_json(cliente, json_valido))
    r = cliente.post(trabajo_url + "/generar", data={
        "formato": ["matriz-docente", "plan-mensual"], "acompanante": [AP1], "periodo": "T2", "corte": "31/13/2026",
        "borradores": "si"})
    assert r.status_code == 400 and "no son válidos" in html.unescape(r.text)
    marcados = set(re.findall(r'id="(f-[\w-]+|ap-\d+|borradores|kit)"[^>]*\bchecked\b', r.text))
    assert marcados == {"f-matriz-docente", "f-plan-mensual", f"ap-{AP1}", "borradores"}
    assert re.search(r'<option value="T2"\s+selected>', r.text)
    assert 'value="31/13/2026"' in r.text
    inicial = cliente.get(trabajo_url).text  # al abrir la página: todo marcado, como siempre
    assert len(re.findall(r'name="formato" value="[\w-]+" id="[\w-]+"\s+checked', inicial)) == len(FORMATOS)


@pytest.mark.libreoffice
def test_el_kit_del_mes_llega_a_generar_y_viene_en_el_zip(cliente, json_valido, monkeypatch):
    """El kit de julio de la AP María Teresa Sánchez (lo que imprime para agosto): el de `generar --kit`."""
    import formatos

    llamadas: list[dict] = []
    generar = formatos.generar

    def espia(*args, **kwargs):
        llamadas.append(kwargs)
        return generar(*args, **kwargs)

    monkeypatch.setattr(formatos, "generar", espia)
    trabajo_url = _ruta(_subir_json(cliente, json_valido))
    generacion = _generar(cliente, trabajo_url, formato=["rubricas"], acompanante=[AP2], mes="2026-07", kit="si")
    assert _terminar(cliente, generacion)["estado"] == "terminado"
    [kwargs] = llamadas
    assert kwargs["kit"] is True and kwargs["pdf"] is True and kwargs["carpetas"] is False
    assert kwargs["mes"] == "2026-07" and kwargs["acompanantes"] == (AP2,)
    texto = re.sub(r"\s+", " ", cliente.get(generacion).text)
    assert "· solo 2026-07" in texto and "· con el kit del mes" in texto
    assert "Kit del mes (PDF)" in texto and "Kit del mes (Word)" in texto
    kit = "documentos/kit-del-mes/2026-07/2026-07 Kit AP Sánchez Huamán María Teresa"
    with zipfile.ZipFile(io.BytesIO(cliente.get(generacion + "/documentos.zip").content)) as z:
        nombres = z.namelist()
        assert {kit + ".pdf", kit + ".docx"} <= set(nombres)
        assert not [n for n in nombres if "/kit-del-mes/" in n and not n.startswith(kit)]  # solo esa AP y ese mes
        assert z.read(kit + ".pdf").startswith(b"%PDF")
        portada = Document(io.BytesIO(z.read(kit + ".docx")))
        # los instrumentos de agosto, cada uno en su carpeta; ningún documento que no sea un instrumento
        cuadernos = [n for n in nombres if n.startswith("documentos/cuaderno-campo-visita/") and n.endswith(".docx")]
        assert cuadernos and all(Path(n).name.startswith("2026-08") for n in cuadernos)
        assert not [n for n in nombres if n.startswith(("documentos/matriz-docente/", "documentos/carpeta-de-firmas/"))]
    texto_kit = "\n".join([p.text for p in portada.paragraphs] +
                          [c.text for t in portada.tables for f in t.rows for c in f.cells])
    assert "julio de 2026" in texto_kit and "agosto de 2026" in texto_kit
    assert "María Teresa" in texto_kit
