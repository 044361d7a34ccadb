"""La página web en un Chromium de verdad (Playwright, sin descargar navegadores): el recorrido de una oficina.

Un solo servidor y un solo navegador para todo el módulo. Cada paso guarda una captura de pantalla de
1366×650 (lo que se ve en una pantalla de 1366×768 con la barra de tareas y la del navegador) en la carpeta
`capturas-web` de la sesión de pytest (o en FORMATOS_CAPTURAS): la ruta se imprime al final de la sesión.
"""

from __future__ import annotations

import base64
import json
import os
import threading
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from formatos.registro import FORMATOS
from formatos.web.app import Ajustes
from formatos.web.seguridad import Acceso
from formatos.web.servidor import LOCAL, abrir_puerto, preparar
from tests.conftest import chromium, texto_docx
from tests.web_util import DNI_7, esperar, libro_ejemplo

pytestmark = pytest.mark.navegador

PANTALLA = {"width": 1366, "height": 650}
DOCENTE, DIRECTIVO = FORMATOS["matriz-docente"].titulo, FORMATOS["matriz-directivo"].titulo
OPCIONES_CHROMIUM = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync"]
"""Sin las de red, Chromium intenta conectarse a internet al arrancar (y esta máquina lo rechaza)."""


@pytest.fixture(scope="module")
def servidor():
    """`formatos web` en un hilo, en un puerto libre de 127.0.0.1, con su token."""
    conexion = abrir_puerto(LOCAL, 0, otro_si_ocupado=False)
    acceso = Acceso(conexion.getsockname()[1])
    uvicorn = preparar(Ajustes(acceso))  # los límites de la orden, como los ve la oficina
    hilo = threading.Thread(target=uvicorn.run, kwargs={"sockets": [conexion]}, daemon=True)
    hilo.start()
    esperar(lambda: uvicorn.started, 60)
    yield acceso
    uvicorn.should_exit = True
    hilo.join(30)


@pytest.fixture(scope="module")
def navegador():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        # Playwright le da un --user-data-dir vacío y propio (uno temporal por arranque).
        chromium_ = p.chromium.launch(executable_path=chromium(), args=OPCIONES_CHROMIUM)
        yield chromium_
        chromium_.close()


@pytest.fixture(scope="module")
def capturas(tmp_path_factory, request):
    carpeta = Path(os.environ.get("FORMATOS_CAPTURAS") or tmp_path_factory.mktemp("capturas-web"))
    carpeta.mkdir(parents=True, exist_ok=True)
    yield carpeta
    terminal = request.config.pluginmanager.get_plugin("terminalreporter")
    if terminal is not None:
        terminal.write_line(f"\nCapturas de la página web: {carpeta}")


@pytest.fixture
def contexto(navegador, servidor):
    """Una ventana nueva (sin cookies). Al final comprueba que la página no pidió nada fuera del equipo."""
    ctx = navegador.new_context(viewport=PANTALLA, accept_downloads=True, locale="es-PE")
    ctx.set_default_timeout(180_000)  # la máquina de pruebas puede estar muy cargada
    pedidas: list[str] = []
    ctx.on("request", lambda pedido: pedidas.append(pedido.url))
    yield ctx
    ctx.close()
    propio = f"http://127.0.0.1:{servidor.puerto}/"
    assert pedidas and [u for u in pedidas if u.startswith(("http:", "https:")) and not u.startswith(propio)] == []


@pytest.fixture
def pagina(contexto, servidor):
    """Una pestaña que ya abrió la dirección con el token que imprime `formatos web`."""
    page = contexto.new_page()
    respuesta = page.goto(servidor.direccion())
    assert respuesta.ok and page.url == servidor.direccion().split("?")[0]  # el token sale de la barra
    return page


def _captura(page, capturas: Path, nombre: str, completa: bool = False) -> None:
    page.screenshot(path=str(capturas / f"{nombre}.png"), full_page=completa)


def test_descargar_el_libro_de_captura(pagina, capturas, tmp_path):
    _captura(pagina, capturas, "01-inicio")
    pagina.get_by_label("Nombre de la UGEL").fill("UGEL Celendín")
    pagina.get_by_label("Año").fill("2027")
    with pagina.expect_download() as descarga:
        pagina.get_by_role("button", name="Descargar el libro (.xlsx)").click()
    assert descarga.value.suggested_filename == "libro-de-captura-2027.xlsx"
    ruta = tmp_path / "libro.xlsx"
    descarga.value.save_as(ruta)
    libro = load_workbook(ruta)
    assert {"Instrucciones", "Datos generales", "Docentes", "Valoraciones"} <= set(libro.sheetnames)
    assert {"UGEL Celendín", 2027} <= {c.value for f in libro["Datos generales"].iter_rows() for c in f}


@pytest.mark.libreoffice
def test_subir_el_ejemplo_con_el_teclado_y_generar_las_matrices_de_un_ap_con_pdf(pagina, capturas, tmp_path):
    libro = tmp_path / "datos-2026.xlsx"
    libro.write_bytes(libro_ejemplo())
    # Con el teclado: Tab hasta «Elija el archivo», Espacio abre el diálogo, Tab y Enter en «Revisar el archivo».
    for _ in range(15):
        pagina.keyboard.press("Tab")
        if pagina.evaluate("document.activeElement.id") == "archivo":
            break
    with pagina.expect_file_chooser() as dialogo:
        pagina.keyboard.press("Space")
    dialogo.value.set_files(str(libro))
    assert pagina.locator("#nombre-archivo").inner_text() == "datos-2026.xlsx"
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.textContent") == "Revisar el archivo"
    pagina.keyboard.press("Enter")
    pagina.wait_for_url("**/trabajo/*")
    assert "El archivo es válido." in pagina.locator(".caja-bien").inner_text()
    _captura(pagina, capturas, "02-ejemplo-valido")

    pagina.get_by_role("group", name="Matrices de valoración").get_by_role(
        "button", name="Marcar solo este grupo").click()
    marcados = pagina.locator("input[name=formato]:checked")
    assert [marcados.nth(i).get_attribute("value") for i in range(marcados.count())] == [
        "matriz-docente", "matriz-directivo"]
    pagina.get_by_label("María Teresa Sánchez Huamán").uncheck()
    pagina.get_by_label("El PDF de cada documento de Word").check()
    pagina.get_by_role("button", name="Generar los documentos").scroll_into_view_if_needed()
    _captura(pagina, capturas, "03-opciones-de-generar")
    pagina.get_by_role("button", name="Generar los documentos").click()
    pagina.wait_for_url("**/generacion/*")
    if pagina.locator("#avance").count():
        _captura(pagina, capturas, "04-avance")
    pagina.get_by_text("Listo:").wait_for(timeout=600_000)
    _captura(pagina, capturas, "05-resultado")
    _captura(pagina, capturas, "05-resultado-completo", completa=True)

    filas = pagina.locator("#tabla-resumen tr").all_inner_texts()
    assert [f.split("\t") for f in filas] == [
        ["Formato", "Generados", "Sin cambios", "Fallidos"],
        [DOCENTE, "56", "0", "0"], [DIRECTIVO, "16", "0", "0"],
        [DOCENTE + " (PDF)", "56", "0", "0"], [DIRECTIVO + " (PDF)", "16", "0", "0"],
        ["Total", "144", "0", "0"]]

    with pagina.expect_download() as descarga:
        pagina.locator("#descargar-zip").click()
    ruta = tmp_path / "documentos.zip"
    descarga.value.save_as(ruta)
    with zipfile.ZipFile(ruta) as z:
        nombres = z.namelist()
        docx = sorted(n for n in nombres if n.startswith("documentos/matriz-docente/") and n.endswith(".docx"))
        assert len(docx) == 56 and len([n for n in nombres if n.endswith(".pdf")]) == 72
        assert {n.split("/")[2] for n in docx} == {"Ñaupari Cárdenas Julián Andrés"}
        assert len(json.loads(z.read("documentos/manifiesto.json"))["archivos"]) == 144
        (tmp_path / "matriz.docx").write_bytes(z.read(docx[0]))
    texto = texto_docx(tmp_path / "matriz.docx")
    docente = Path(docx[0]).stem.split(" ", 1)[1]  # «2026-05-06 Quispe Mamani Rosa Elena»
    assert "Julián Andrés Ñaupari Cárdenas" in texto and "MATRIZ DE VALORACIÓN DEL DESEMPEÑO DOCENTE" in texto
    assert all(palabra.casefold() in texto.casefold() for palabra in docente.split())
    assert len(Document(str(tmp_path / "matriz.docx")).tables) >= 2

    # Vista previa: el PDF del documento se abre en otra pestaña.
    pagina.locator("summary", has_text="Matriz de valoración del desempeño docente").click()
    with pagina.context.expect_page() as nueva:
        pagina.get_by_role("link", name="Ver en PDF").first.click()
    pdf = nueva.value
    pdf.wait_for_load_state()
    respuesta = pagina.request.get(pdf.url)
    assert respuesta.headers["content-type"] == "application/pdf" and respuesta.body().startswith(b"%PDF")
    _esperar_dibujo(pdf)
    _captura(pdf, capturas, "06-vista-previa")


def _esperar_dibujo(page) -> None:
    """Hasta que el visor de PDF de Chromium termine de dibujar (dos capturas seguidas iguales y no vacías)."""
    anterior = b""

    def quieta() -> bool:
        nonlocal anterior
        actual = page.screenshot()
        listo = actual == anterior and len(actual) > 20_000
        anterior = actual
        return listo
    esperar(quieta, 30, 0.5)


def test_dni_de_7_digitos_arrastrando_el_libro(pagina, capturas, tmp_path):
    datos = base64.b64encode(libro_ejemplo(dni_malo=True)).decode()
    # Arrastrar y soltar el archivo sobre la zona (el mismo evento que produce el Explorador de Windows).
    pagina.evaluate("""([datos, nombre]) => {
        const bytes = Uint8Array.from(atob(datos), c => c.charCodeAt(0));
        const archivo = new File([bytes], nombre);
        const transferencia = new DataTransfer();
        transferencia.items.add(archivo);
        const zona = document.getElementById("zona");
        zona.dispatchEvent(new DragEvent("dragover", {dataTransfer: transferencia, bubbles: true}));
        zona.dispatchEvent(new DragEvent("drop", {dataTransfer: transferencia, bubbles: true}));
    }""", [datos, "datos con errores.xlsx"])
    assert pagina.evaluate("document.getElementById('archivo').files[0].name") == "datos con errores.xlsx"
    pagina.get_by_role("button", name="Revisar el archivo").click()
    pagina.wait_for_url("**/trabajo/*")
    assert "Se encontraron" in pagina.locator(".caja-alerta").inner_text()
    assert "Docentes: 1 registro" in pagina.locator(".caja-alerta").inner_text()
    cabecera = pagina.locator("#tabla-problemas thead tr").inner_text().split("\t")
    assert cabecera == ["Tipo", "Hoja", "Fila", "Columna", "Valor recibido", "Mensaje"]
    fila = pagina.locator("#tabla-problemas tbody tr", has_text=DNI_7).first.inner_text().split("\t")
    assert fila == ["Error", "Docentes", "4", "DNI", DNI_7, f'debe tener 8 dígitos del 0 al 9 (se recibió "{DNI_7}")']
    _captura(pagina, capturas, "07-errores")

    pagina.get_by_label("Tipo").select_option("error")  # filtra al elegir (sin pulsar «Filtrar»)
    pagina.wait_for_url("**tipo=error**")
    pagina.get_by_label("Hoja").select_option("Docentes")
    pagina.wait_for_url("**hoja=Docentes**")
    assert pagina.locator("#tabla-problemas tbody tr").count() == 1
    _captura(pagina, capturas, "08-errores-de-la-hoja-docentes")
    with pagina.expect_download() as descarga:
        pagina.get_by_role("link", name="Descargar esta lista en Excel").click()
    ruta = tmp_path / "problemas.xlsx"
    descarga.value.save_as(ruta)
    filas = list(load_workbook(ruta)["Problemas"].iter_rows(values_only=True))
    assert filas == [("Tipo", "Hoja", "Fila", "Columna", "Valor recibido", "Mensaje"),
                     ("Error", "Docentes", 4, "DNI", DNI_7, f'debe tener 8 dígitos del 0 al 9 (se recibió "{DNI_7}")')]

    # Generar igual lo que está bien: el resultado dice qué registros de qué archivo no se usaron.
    pagina.get_by_role("group", name="Matrices de valoración").get_by_role(
        "button", name="Marcar solo este grupo").click()
    pagina.get_by_label("Matriz de valoración del desempeño docente").uncheck()
    pagina.get_by_label("María Teresa Sánchez Huamán").uncheck()
    pagina.get_by_role("button", name="Generar los documentos").click()
    pagina.get_by_text("Listo:").wait_for(timeout=600_000)
    cabecera = pagina.locator("#tabla-no-usados thead tr").inner_text().split("\t")
    assert cabecera == ["Archivo", "Hoja", "Fila", "Columna", "Valor recibido", "Mensaje"]
    fila = pagina.locator("#tabla-no-usados tbody tr", has_text=DNI_7).first.inner_text().split("\t")
    assert fila == ["datos con errores.xlsx", "Docentes", "4", "DNI", DNI_7,
                    f'debe tener 8 dígitos del 0 al 9 (se recibió "{DNI_7}")']
    assert pagina.locator("#tabla-no-usados tbody tr").count() == pagina.locator("#tabla-no-usados tbody tr.fila-error").count() > 1
    pagina.locator("#t-no-usados").evaluate("e => e.scrollIntoView()")
    _captura(pagina, capturas, "11-registros-que-no-se-usaron")


def test_un_archivo_demasiado_grande_se_avisa_sin_subirlo(pagina, capturas, tmp_path):
    grande = tmp_path / "grande.xlsx"
    with grande.open("wb") as f:
        f.truncate(Ajustes.limite_subida + 1)  # disperso: no ocupa el disco ni se lee entero
    pagina.set_input_files("#archivo", str(grande))
    assert pagina.locator("#aviso-archivo").inner_text() == "«grande.xlsx» pesa más de 50 MB, el límite de esta página."
    pagina.get_by_role("button", name="Revisar el archivo").click()
    assert pagina.url.endswith("/")  # no se envió
    _captura(pagina, capturas, "09-archivo-grande")


def test_sin_token_se_rechaza(contexto, servidor, capturas):
    page = contexto.new_page()
    base = servidor.direccion().split("?")[0]
    for direccion in (base, base + "?token=" + "0" * 48, base + "estaticos/estilo.css"):
        respuesta = page.goto(direccion)
        assert respuesta.status == 403, direccion
        assert "Falta el código de acceso" in page.locator("h1").inner_text()
    _captura(page, capturas, "10-sin-token")
