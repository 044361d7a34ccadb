"""Utilidades comunes de las pruebas: el ejemplo cargado, la demo generada una vez, lectura de .docx."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document

import formatos
from formatos.recursos import expediente_ejemplo


def chromium() -> str | None:
    """El Chromium de las pruebas de la página web: FORMATOS_CHROMIUM o el paquete `chromium` de Debian."""
    return os.environ.get("FORMATOS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def _sin_playwright() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return True
    return False


def pytest_collection_modifyitems(config, items):
    """Las pruebas con LibreOffice o Chromium se saltan si falta el programa, salvo en CI, donde son obligatorias."""
    if os.environ.get("CI"):
        return
    faltan = {}
    if not shutil.which("soffice"):
        faltan["libreoffice"] = "LibreOffice (soffice) no está instalado"
    if not chromium():
        faltan["navegador"] = ("Chromium no está instalado (paquete Debian `chromium`, o indique el programa con "
                               "FORMATOS_CHROMIUM)")
    elif _sin_playwright():
        faltan["navegador"] = "falta playwright: pip install -e \".[test]\""
    for item in items:
        for marca, motivo in faltan.items():
            if marca in item.keywords:
                item.add_marker(pytest.mark.skip(reason=motivo))
                break


ADVERTENCIAS_EJEMPLO = [
    # Ruth Noemí Aliaga Ñontol, octubre: un simulacro de sismo cortó la observación (suceso S-2-10-4).
    "advertencia: visitas[94].horas_observacion: protocolo: horas de observación: 1.5 h; el protocolo pide al menos 2 h",
    # Segundo Ermitaño Vásquez Chilón, con licencia por salud en setiembre (suceso S-2-09-3).
    "advertencia: docentes[12]: protocolo: 0 visita(s) en setiembre; el protocolo pide 1 al mes",
]
"""Las únicas advertencias de `formatos validar` sobre el ejemplo: las que muestra a propósito (docs/formatos.md, «El ejemplo cuenta un año coherente»)."""


def sin_las_del_ejemplo(problemas: list) -> list:
    """Los problemas, sin las advertencias que el ejemplo muestra a propósito (por su ruta, venga de JSON o de Excel)."""
    return [p for p in problemas if p.gravedad == "error" or f"advertencia: {p.lugar}: {p.mensaje}" not in ADVERTENCIAS_EJEMPLO]


@pytest.fixture(scope="session")
def datos_ejemplo() -> dict:
    """El ejemplo como dict; la ruta del croquis, absoluta, para que una copia en otra carpeta lo siga hallando."""
    datos = json.loads(expediente_ejemplo().read_text("utf-8"))
    for plan in datos["planes_anuales_ap"]:
        if "croquis" in plan:
            plan["croquis"] = str(expediente_ejemplo().parent / plan["croquis"])
    return datos


@pytest.fixture(scope="session")
def carga_ejemplo():
    return formatos.cargar(expediente_ejemplo())


@pytest.fixture(scope="session")
def demo(tmp_path_factory, carga_ejemplo):
    """Todos los formatos del ejemplo, generados una sola vez por sesión de pruebas."""
    salida = tmp_path_factory.mktemp("demo")
    return formatos.generar(carga_ejemplo.expediente, salida)


def escribir_json(tmp_path: Path, datos, nombre="expediente.json") -> Path:
    ruta = tmp_path / nombre
    ruta.write_text(json.dumps(datos, ensure_ascii=False), "utf-8")
    return ruta


def texto_docx(ruta: Path) -> str:
    """Todo el texto visible de un .docx: cuerpo, tablas, encabezados y pies, en orden."""
    doc = Document(str(ruta))
    partes = []

    def bloque(contenedor):
        for elemento in contenedor.iter_inner_content():
            if hasattr(elemento, "rows"):
                for fila in elemento.rows:
                    vistas = set()
                    for celda in fila.cells:
                        if id(celda._tc) not in vistas:
                            vistas.add(id(celda._tc))
                            bloque(celda)
            else:
                partes.append(elemento.text)

    for seccion in doc.sections:
        bloque(seccion.header)
    bloque(doc)
    for seccion in doc.sections:
        bloque(seccion.footer)
    return "\n".join(partes)


def filas_tabla(ruta: Path, indice: int) -> list[list[str]]:
    """Las filas de la tabla `indice` del cuerpo, como listas de textos de celda."""
    tabla = Document(str(ruta)).tables[indice]
    return [[c.text for c in fila.cells] for fila in tabla.rows]


def etiquetas_sin_render(ruta: Path) -> list[str]:
    """Partes de un .docx donde quedó una etiqueta de plantilla ({{, {%, }})."""
    import re

    malas = []
    with zipfile.ZipFile(ruta) as z:
        for nombre in z.namelist():
            if nombre.startswith("word/") and nombre.endswith(".xml"):
                texto = re.sub(r"<[^>]+>", "", z.read(nombre).decode("utf-8"))
                if "{{" in texto or "{%" in texto or "}}" in texto or "%}" in texto:
                    malas.append(nombre)
    return malas
