"""Lo común a las pruebas de la página web: libros de ejemplo para subir y esperar una generación."""

from __future__ import annotations

import io
import time
from pathlib import Path

from openpyxl import load_workbook

from formatos.recursos import expediente_ejemplo

DNI_7 = "4471234"
"""El DNI de 7 dígitos que se pone al tercer docente (fila 4 de la hoja Docentes)."""


def libro_ejemplo(*, dni_malo: bool = False) -> bytes:
    """El libro de la UGEL de ejemplo como lo llenaría una oficina: el croquis con su ruta completa en el equipo.

    Con `dni_malo`, el tercer docente (hoja Docentes, fila 4) tiene un DNI de 7 dígitos.
    """
    carpeta = expediente_ejemplo().parent
    libro = load_workbook(carpeta / "expediente-ejemplo.xlsx")
    hoja = libro["Planes anuales AP"]
    titulos = [c.value for c in hoja[1]]
    columna = titulos.index("Croquis")
    for fila in hoja.iter_rows(min_row=2):
        if fila[columna].value:
            fila[columna].value = str(carpeta / fila[columna].value)
    if dni_malo:
        docentes = libro["Docentes"]
        assert docentes["A1"].value == "DNI"
        docentes["A4"].value = DNI_7
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def guardar(datos: bytes, ruta: Path) -> Path:
    ruta.write_bytes(datos)
    return ruta


def esperar(condicion, segundos: float = 300.0, paso: float = 0.1):
    """Repite `condicion()` hasta que devuelva algo verdadero (o falla al pasar `segundos`)."""
    final = time.monotonic() + segundos
    while time.monotonic() < final:
        if valor := condicion():
            return valor
        time.sleep(paso)
    raise AssertionError(f"no se cumplió en {segundos} s")
