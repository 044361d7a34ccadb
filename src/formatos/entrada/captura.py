"""El libro de captura: en blanco (`formatos captura`) o lleno con un expediente (`formatos exportar`).

Las hojas y columnas salen de `entrada.hojas` (derivadas de los modelos); aquí solo se les da forma:
títulos, anchos, listas desplegables, formato de texto para los códigos, instrucciones.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from formatos.excel import alto_de_fila, escribir, guardar, para_imprimir
from formatos.entrada.hojas import NUMERO, Columna, Tabla, a_celda, columnas_cabecera, tablas, textos, tomar
from formatos.modelos.expediente import Expediente

FILAS = 2000
"""Filas preparadas (listas desplegables y formatos) en cada hoja."""

AZUL, CELESTE, GRIS = "1F4E79", "DDEBF7", "F2F2F2"
LETRA = "Calibri"
_OBLIGATORIA = PatternFill("solid", start_color=AZUL, end_color=AZUL)
_OPCIONAL = PatternFill("solid", start_color=CELESTE, end_color=CELESTE)
_BORDE = Border(bottom=Side("thin", color="808080"))
_FORMATOS = {"digitos": "@", "texto": "@", "fecha": "DD/MM/YYYY", "lista": "@", "dict": "@", "json": "@"}
_ANCHOS = {"digitos": 13, "fecha": 13, "si_no": 11, "entero": 10, "numero": 11, "opciones": 16}


def _ancho(columna: Columna, valores: list) -> float:
    base = _ANCHOS.get(columna.clase, 24)
    largo = max([len(str(v)) for v in valores if v is not None] + [0])
    return min(max(base, len(columna.titulo) * 0.9 + 3, min(largo, 60) + 2), 60)


def _lista_desplegable(hoja: Worksheet, columna: Columna, rango: str, destino_clave: dict[str, str]) -> None:
    if columna.clase == "si_no":
        formula = '"sí,no"'
    elif columna.clase == "opciones":
        formula = '"' + ",".join(str(o) for o in columna.opciones) + '"'
    elif columna.referencia and columna.referencia in destino_clave:
        formula = destino_clave[columna.referencia]
    else:
        return
    validacion = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
                                errorTitle="Valor no válido", error=f"Elija un valor de la lista de «{columna.titulo}».")
    validacion.add(rango)
    hoja.add_data_validation(validacion)


def _encabezado(hoja: Worksheet, columnas: tuple[Columna, ...]) -> None:
    for j, columna in enumerate(columnas, start=1):
        celda = hoja.cell(1, j)
        escribir(celda, columna.titulo)
        celda.fill = _OBLIGATORIA if columna.obligatoria else _OPCIONAL
        celda.font = Font(name=LETRA, bold=True, color="FFFFFF" if columna.obligatoria else "000000")
        celda.alignment = Alignment(wrap_text=True, vertical="center")
        celda.border = _BORDE
        nota = _nota(columna)
        if nota:
            celda.comment = Comment(nota, "formatos", height=120, width=300)
    hoja.row_dimensions[1].height = 32
    hoja.freeze_panes = "A2"


def _nota(columna: Columna) -> str:
    partes = ["Obligatoria." if columna.obligatoria else "Opcional."]
    if columna.descripcion:
        partes.append(columna.descripcion + ".")
    pista = {"digitos": "Texto de dígitos: conserve los ceros a la izquierda.", "fecha": "Fecha dd/mm/aaaa.",
             "si_no": "sí o no.", "lista": "Un elemento por línea (Alt+Intro en Excel)." if columna.elementos == "texto"
             else "Varios valores separados por comas.",
             "dict": "Pares «clave: valor» separados por punto y coma."}.get(columna.clase)
    if pista:
        partes.append(pista)
    if columna.clase == "opciones":
        partes.append("Una de: " + ", ".join(str(o) for o in columna.opciones) + ".")
    if columna.referencia:
        hoja = next((t.hoja for t in tablas() if t.seccion == columna.referencia and not t.hija), columna.referencia)
        partes.append(f"Debe figurar en la hoja «{hoja}».")
    return " ".join(partes)


def _filas(tabla: Tabla, registros: list[dict]) -> list[list]:
    """Las filas de una hoja: un registro por fila, o una por elemento de su lista (el registro se repite)."""
    filas = []
    for numero, registro in enumerate(registros, start=1):
        registro = {**registro, NUMERO.ruta[0]: numero}  # solo se escribe si la hoja tiene la columna «N.°»
        base = [a_celda(c, tomar(registro, c.ruta)) for c in tabla.columnas]
        if tabla.lista is None:
            filas.append(base)
            continue
        elementos = registro.get(tabla.lista) or []
        if not elementos and not tabla.hija:
            filas.append(base + [None] * len(tabla.columnas_lista))
        for elemento in elementos:
            filas.append(base + [a_celda(c, tomar(elemento, c.ruta)) for c in tabla.columnas_lista])
    return filas


def _hoja_datos(hoja: Worksheet, tabla: Tabla, filas: list[list], destino_clave: dict[str, str]) -> None:
    columnas = tabla.todas
    _encabezado(hoja, columnas)
    anchos = [_ancho(c, [f[j] for f in filas]) for j, c in enumerate(columnas)]
    for i, fila in enumerate(filas, start=2):
        largos = []
        for j, (columna, valor) in enumerate(zip(columnas, fila), start=1):
            celda = hoja.cell(i, j)
            escribir(celda, valor)
            if columna.clase in _FORMATOS:
                celda.number_format = _FORMATOS[columna.clase]
            largo = isinstance(valor, str) and (len(valor) > anchos[j - 1] or "\n" in valor)
            celda.alignment = Alignment(vertical="top", wrap_text=largo)
            if celda.alignment.wrap_text:
                largos.append((valor, anchos[j - 1]))
        if largos:
            hoja.row_dimensions[i].height = alto_de_fila(largos)
    for j, columna in enumerate(columnas, start=1):
        letra = get_column_letter(j)
        hoja.column_dimensions[letra].width = anchos[j - 1]
        if columna.clase in _FORMATOS:
            hoja.column_dimensions[letra].number_format = _FORMATOS[columna.clase]
        _lista_desplegable(hoja, columna, f"{letra}2:{letra}{FILAS}", destino_clave)
    hoja.auto_filter.ref = f"A1:{get_column_letter(len(columnas))}{max(len(filas) + 1, 2)}"


def _hoja_cabecera(hoja: Worksheet, datos: dict) -> None:
    for j, (texto, ancho) in enumerate((("Dato", 38), ("Valor", 55), ("Qué va", 70)), start=1):
        celda = hoja.cell(1, j, texto)
        celda.fill, celda.font, celda.border = _OBLIGATORIA, Font(name=LETRA, bold=True, color="FFFFFF"), _BORDE
        hoja.column_dimensions[get_column_letter(j)].width = ancho
    hoja.freeze_panes = "A2"
    for i, columna in enumerate(columnas_cabecera(), start=2):
        escribir(hoja.cell(i, 1), columna.titulo)
        hoja.cell(i, 1).font = Font(name=LETRA, bold=columna.obligatoria)
        valor = hoja.cell(i, 2)
        escribir(valor, a_celda(columna, tomar(datos, columna.ruta)))
        if columna.clase in _FORMATOS:
            valor.number_format = _FORMATOS[columna.clase]
        escribir(hoja.cell(i, 3), _nota(columna))
        hoja.cell(i, 3).alignment = Alignment(wrap_text=True, vertical="top")
        hoja.row_dimensions[i].height = alto_de_fila([(_nota(columna), 70)])
        hoja.cell(i, 3).font = Font(name=LETRA, color="595959")
        _lista_desplegable(hoja, columna, f"B{i}", {})


def _hoja_instrucciones(hoja: Worksheet) -> None:
    t = textos()["textos"]
    hoja.column_dimensions["A"].width = 30
    hoja.column_dimensions["B"].width = 32
    hoja.column_dimensions["C"].width = 13
    hoja.column_dimensions["D"].width = 80
    hoja.cell(1, 1, t["titulo"]).font = Font(name=LETRA, bold=True, size=15, color=AZUL)
    fila = 3
    for parrafo in t["parrafos"]:
        hoja.merge_cells(start_row=fila, start_column=1, end_row=fila, end_column=4)
        celda = hoja.cell(fila, 1, parrafo)
        celda.alignment = Alignment(wrap_text=True, vertical="top")
        hoja.row_dimensions[fila].height = alto_de_fila([(parrafo, 155)])
        fila += 1
    fila += 1
    hoja.cell(fila, 1, "Columnas de cada hoja").font = Font(name=LETRA, bold=True, size=12, color=AZUL)
    fila += 1
    for j, texto in enumerate(("Hoja", "Columna", "Obligatoria", "Qué se escribe"), start=1):
        celda = hoja.cell(fila, j, texto)
        celda.fill, celda.font = _OBLIGATORIA, Font(name=LETRA, bold=True, color="FFFFFF")
    for tabla_o_cabecera, columnas in [(textos()["cabecera"], columnas_cabecera())] + [(t.hoja, t.todas) for t in tablas()]:
        for columna in columnas:
            fila += 1
            for j, valor in enumerate((tabla_o_cabecera, columna.titulo, "sí" if columna.obligatoria else "no",
                                       _nota(columna).split(".", 1)[1].strip()), start=1):
                escribir(hoja.cell(fila, j), valor)
                hoja.cell(fila, j).alignment = Alignment(wrap_text=True, vertical="top")
            hoja.row_dimensions[fila].height = alto_de_fila([(_nota(columna), 80), (columna.titulo, 32)])
            if fila % 2:
                for j in range(1, 5):
                    hoja.cell(fila, j).fill = PatternFill("solid", start_color=GRIS, end_color=GRIS)


def libro(expediente: Expediente | None = None, ugel: str | None = None, anio: int | None = None) -> bytes:
    """El libro de captura: en blanco (con la UGEL y el año si se dan) o con los datos de un expediente."""
    datos = expediente.model_dump() if expediente is not None else {}
    if expediente is None:
        datos = {"anio": anio, "ugel": {"nombre": ugel}}
    wb = Workbook()
    instrucciones = wb.worksheets[0]
    _hoja_instrucciones(instrucciones)
    instrucciones.title = textos()["instrucciones"]
    _hoja_cabecera(wb.create_sheet(textos()["cabecera"]), datos)
    destino_clave = {}
    for tabla in tablas():
        if not tabla.hija and tabla.clave is not None:
            letra = get_column_letter(tabla.columnas.index(tabla.clave) + 1)
            destino_clave[tabla.seccion] = f"{quote_sheetname(tabla.hoja)}!${letra}$2:${letra}${FILAS}"
    for tabla in tablas():
        _hoja_datos(wb.create_sheet(tabla.hoja), tabla, _filas(tabla, datos.get(tabla.seccion, [])), destino_clave)
    for hoja in wb.worksheets:
        para_imprimir(hoja, None if hoja.title == textos()["instrucciones"] else "1:1")
    wb.active = 1
    return guardar(wb)
