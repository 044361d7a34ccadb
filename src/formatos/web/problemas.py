"""Los problemas de la validación como filas de una tabla (hoja, fila, columna o ruta JSON, valor recibido, mensaje).

Las partes salen de `Problema.hoja`, `.filas`, `.columna` y `.recibido` (las que llena `formatos.entrada`):
son los mismos problemas que muestra `formatos validar`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from formatos.errores import Problema
from formatos.excel import escribir, guardar, para_imprimir

_RECIBIDO = re.compile(r' \(se recibió (?P<valor>.*)\)$')
_CITADO = re.compile(r'^"(?P<valor>[^"]*)" ')
"""Si el problema no trae `recibido` (un valor compuesto, como la lista de grados ya separada, o una referencia que
no existe), el valor que cita su mensaje: «… (se recibió ["1", "2", "cinco"])», «"47120385" no existe en…»."""
_DATO = re.compile(r", dato «(?P<dato>.+)» \(falta la fila\)$")
"""Un dato de «Datos generales» sin su fila: no tiene columna, el texto de `ubicacion` lo nombra."""


@dataclass(frozen=True)
class Fila:
    tipo: str
    """«Error» (el registro no se usa) o «Advertencia» (se usa igual)."""
    hoja: str
    fila: str
    columna: str
    ruta: str
    recibido: str
    mensaje: str

    @property
    def es_error(self) -> bool:
        return self.tipo == "Error"


def fila_de(problema: Problema) -> Fila:
    filas = problema.filas
    fila = (str(filas[0]) if len(filas) == 1 else f"{filas[0]} a {filas[-1]}") if filas else ""
    columna = problema.columna or ""
    if not columna and problema.ubicacion and (m := _DATO.search(problema.ubicacion)):
        columna = f"{m['dato']} (falta la fila)"
    recibido = problema.recibido
    if recibido is None and (m := _RECIBIDO.search(problema.mensaje) or _CITADO.match(problema.mensaje)):
        recibido = m["valor"]
    recibido = recibido or ""
    if len(recibido) >= 2 and recibido[0] == recibido[-1] == '"' and recibido.count('"') == 2:
        recibido = recibido[1:-1]  # el texto tal cual (las comillas son de la cita en el mensaje)
    tipo = "Error" if problema.gravedad == "error" else "Advertencia"
    return Fila(tipo, problema.hoja or "", fila, columna, problema.lugar, recibido, problema.mensaje)


def filtrar(filas: Iterable[Fila], tipo: str = "", hoja: str = "") -> list[Fila]:
    """Las filas de un tipo («error», «advertencia» o todas) y de una hoja (o todas)."""
    return [f for f in filas
            if (not tipo or f.tipo.lower() == tipo) and (not hoja or f.hoja == hoja)]


def hojas(filas: Iterable[Fila]) -> list[str]:
    """Las hojas que aparecen en la lista, en el orden en que aparecen."""
    return list(dict.fromkeys(f.hoja for f in filas if f.hoja))


def quedan_fuera(problemas: Iterable[Problema], nombres: dict[str, str]) -> list[tuple[str, int]]:
    """Por sección (con el nombre de su hoja), cuántos registros no se usarán por tener errores."""
    registros: dict[str, set[int]] = {}
    for p in problemas:
        if p.gravedad == "error" and len(p.ruta) >= 2 and isinstance(p.ruta[1], int):
            registros.setdefault(str(p.ruta[0]), set()).add(p.ruta[1])
    return [(nombres.get(seccion, seccion), len(indices)) for seccion, indices in registros.items()]


def libro(filas: Sequence[Fila], json: bool) -> bytes:
    """La lista en un libro de Excel: una fila por problema, con filtros y los títulos fijos."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    columnas = (["Tipo", "Ruta en el JSON", "Valor recibido", "Mensaje"] if json
                else ["Tipo", "Hoja", "Fila", "Columna", "Valor recibido", "Mensaje"])
    anchos = [13, 34, 24, 90] if json else [13, 24, 9, 28, 24, 80]
    wb = Workbook()
    hoja = wb.active
    assert isinstance(hoja, Worksheet)
    hoja.title = "Problemas"
    for j, (titulo, ancho) in enumerate(zip(columnas, anchos, strict=True), start=1):
        celda = hoja.cell(1, j)
        escribir(celda, titulo)
        celda.font = Font(bold=True, color="FFFFFF")
        celda.fill = PatternFill("solid", fgColor="1F3864")
        hoja.column_dimensions[get_column_letter(j)].width = ancho
    for i, f in enumerate(filas, start=2):
        valores = ([f.tipo, f.ruta, f.recibido, f.mensaje] if json
                   else [f.tipo, f.hoja, int(f.fila) if f.fila.isdigit() else f.fila, f.columna, f.recibido, f.mensaje])
        for j, valor in enumerate(valores, start=1):
            celda = hoja.cell(i, j)
            escribir(celda, valor)
            celda.alignment = Alignment(wrap_text=True, vertical="top")
    hoja.freeze_panes = "A2"
    hoja.auto_filter.ref = f"A1:{get_column_letter(len(columnas))}{max(1, len(filas) + 1)}"
    para_imprimir(hoja)
    return guardar(wb)
