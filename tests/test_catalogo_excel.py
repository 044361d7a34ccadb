"""El catálogo de entradas malas en Excel: cada caso, su mensaje en castellano exacto con hoja, fila y columna.

Todos los casos se siembran en un mismo libro (el de ejemplo), cada uno en su fila, y el libro se lee una vez.
Además: lo que es propio de Excel (errores `#REF!`, fórmulas sin resultado guardado, escapes `_x000D_`,
una hoja cuya dimensión guardada es menor que sus datos, una hoja que falta o se renombró).
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

import formatos
from formatos.entrada import a_excel
from formatos.modelos.tipos import GRADOS_ESPERADOS
from formatos.modelos.tipos import NUMERO_SIN_CEROS as SIN_CEROS
from formatos.recursos import expediente_ejemplo

from tests.conftest import sin_las_del_ejemplo

LIBRO_EJEMPLO = expediente_ejemplo().with_suffix(".xlsx")

ERROR_EXCEL = "la celda tiene el error de Excel {} (una fórmula que no se pudo calcular): corrija la fórmula o escriba el valor"
SIN_RESULTADO = ("la celda tiene una fórmula sin su resultado guardado: abra el libro en Excel y guárdelo (Excel calcula "
                 "y guarda los resultados), o escriba el valor")
INVISIBLE = "no puede estar vacío: solo tiene caracteres que no se ven (como espacios de ancho cero)"


@dataclass(frozen=True)
class Caso:
    hoja: str
    columna: str
    valor: Any
    mensaje: str
    gravedad: str = "error"


CASOS: dict[str, Caso] = {
    # --- realidades de Excel -----------------------------------------------------------------------------------
    "valor de error #REF!": Caso("Docentes", "Nombres", "#REF!", ERROR_EXCEL.format("#REF!")),
    "valor de error #N/A": Caso("Docentes", "Apellidos", "#N/A", ERROR_EXCEL.format("#N/A")),
    "error en castellano pegado como texto": Caso("Docentes", "Nombres", "#¡VALOR!", ERROR_EXCEL.format("#¡VALOR!")),
    "error de LibreOffice como texto": Caso("Instituciones", "Centro poblado", "Err:502", ERROR_EXCEL.format("Err:502")),
    "fórmula sin resultado guardado": Caso("Docentes", "Apellidos", "=B2&C2", SIN_RESULTADO),
    "valor de error #DIV/0! en un número": Caso("GIA", "Horas", "#DIV/0!", ERROR_EXCEL.format("#DIV/0!")),
    "fecha que es una fórmula sin resultado": Caso("GIA", "Fecha", "=TODAY()", SIN_RESULTADO),
    "valor de error #VALUE! en horas": Caso("Visitas", "Horas de asesoría", "#VALUE!", ERROR_EXCEL.format("#VALUE!")),
    "#¡REF! como texto en una fecha": Caso("Visitas", "Fecha", "#¡REF!", ERROR_EXCEL.format("#¡REF!")),
    "caracteres de control escapados": Caso("Docentes", "Nombres", "Ana_x0001_ María",
                                            "se quitaron caracteres de control no imprimibles", "advertencia"),
    "JSON mal escrito en una celda": Caso("Planes mensuales - Visitas", "Secuencia", "[{momento: 1}]",
                                          "no es JSON válido (línea 1, columna 3: se esperaba un nombre de campo entre "
                                          "comillas dobles)"),
    # --- DNI y códigos -------------------------------------------------------------------------------------------
    "DNI número sin su cero": Caso("Docentes", "DNI", 4011223, SIN_CEROS.format(n=8, valor=4011223, cifras=7)),
    "DNI en dígitos de ancho completo": Caso("Docentes", "DNI", "４００１１２２３",
                                             'debe tener 8 dígitos del 0 al 9, escritos con el teclado común '
                                             '(se recibió "４００１１２２３")'),
    "código modular número sin su cero": Caso("Instituciones", "Código modular", 598774,
                                              SIN_CEROS.format(n=7, valor=598774, cifras=6)),
    # --- grados --------------------------------------------------------------------------------------------------
    "grados con una palabra": Caso("Docentes", "Grados", "1.°, 2.° y cinco",
                                   f'«cinco» no es un grado: {GRADOS_ESPERADOS} (se recibió ["1.°", "2.°", "cinco"])'),
    "grados «todos»": Caso("Docentes", "Grados", "todos", f'«todos» no es un grado: {GRADOS_ESPERADOS} '
                                                          '(se recibió ["todos"])'),
    "grados al revés": Caso("Docentes", "Grados", "3.° a 1.°", f'el rango «3 a 1» va al revés: {GRADOS_ESPERADOS} '
                                                               '(se recibió ["3.° a 1.°"])'),
    # --- textos ----------------------------------------------------------------------------------------------------
    "nombre invisible": Caso("Docentes", "Nombres", "\u200b\u200b", INVISIBLE),
    "nombre demasiado largo": Caso("Docentes", "Nombres", "N" * 300,
                                   "es demasiado largo: puede tener a lo más 200 caracteres (tiene 300)"),
    "tema invisible": Caso("GIA", "Tema", "\u2060\u200b", INVISIBLE),
    "área curricular demasiado larga": Caso("Visitas", "Área curricular", "a" * 1500,
                                            "es demasiado largo: puede tener a lo más 1,000 caracteres (tiene 1,500)"),
    "código de visita demasiado largo": Caso("Visitas", "Código de la visita", "V" * 150,
                                             "es demasiado largo: puede tener a lo más 100 caracteres (tiene 150)"),
    # --- números ---------------------------------------------------------------------------------------------------
    "horas «inf»": Caso("GIA", "Horas", "inf", 'debe ser un número finito (se recibió "inf")'),
    "horas negativas": Caso("GIA", "Horas", -3, "debe ser mayor o igual que 0 (se recibió -3)"),
    "horas de más": Caso("GIA", "Horas", 30, "debe ser menor o igual que 24 (se recibió 30)"),
    "horas en palabras": Caso("GIA", "Horas", "cuatro", 'debe ser un número (se recibió "cuatro")'),
    "estudiantes de más": Caso("Diagnóstico docentes", "Estudiantes hombres", 5000,
                               "debe ser menor o igual que 1,000 (se recibió 5,000)"),
    "estudiantes negativos": Caso("Diagnóstico docentes", "Estudiantes mujeres", -1,
                                  "debe ser mayor o igual que 0 (se recibió -1)"),
    # --- fechas ----------------------------------------------------------------------------------------------------
    "fecha imposible": Caso("GIA", "Fecha", "31/02/2026", 'no es una fecha válida (se recibió "31/02/2026")'),
    "fecha en palabras": Caso("GIA", "Fecha", "mayo", 'no es una fecha válida; escriba dd/mm/aaaa (se recibió "mayo")'),
    # --- opciones --------------------------------------------------------------------------------------------------
    "sí o no equivocado": Caso("Docentes", "¿Es director?", "quizás",
                               'debe ser sí o no (true/false) (se recibió "quizás")'),
    "condición desconocida": Caso("Docentes", "Condición", "eventual",
                                  'debe ser uno de "nombrado" o "contratado" (se recibió "eventual")'),
    "tipo de GIA desconocido": Caso("GIA", "Tipo", "otro", 'debe ser uno de "docentes" o "directores" (se recibió "otro")'),
    "tipo de visita desconocido": Caso("Visitas", "Tipo", "visita rara",
                                       'debe ser uno de "recojo de necesidades", "diagnóstica", "asesoría" o "cierre" '
                                       '(se recibió "visita rara")'),
    "visita de tres días": Caso("Visitas", "Días", 3, "debe ser uno de 1 o 2 (se recibió 3)"),
    "grado evaluado 3": Caso("Diagnóstico docentes", "Grado evaluado", 3, "debe ser uno de 2 o 4 (se recibió 3)"),
    "tipo de I. E. desconocido": Caso("Instituciones", "Tipo", "escuela",
                                      'debe ser uno de "unidocente" o "polidocente multigrado" (se recibió "escuela")'),
    "mes que no existe": Caso("Plan anual UGEL - Actividades", "Meses", "mayo, trece",
                              'no es un mes: escriba su número (5) o su nombre ("mayo"); se recibió "trece"'),
}


def _filas_libres(libro) -> dict[str, list[int]]:
    """Filas que se pueden estropear sin que otras hojas dependan de ellas (salvo las de Docentes e Instituciones)."""
    visitas = libro["Visitas"]
    cols = {c.value: c.column for c in visitas[1]}
    recojo = [i for i in range(2, visitas.max_row + 1) if visitas.cell(i, cols["Tipo"]).value == "recojo de necesidades"]
    gia = libro["GIA"]
    cols = {c.value: c.column for c in gia[1]}
    con_docentes = [i for i in range(2, gia.max_row + 1) if gia.cell(i, cols["Tipo"]).value == "docentes"]
    return {"Visitas": recojo, "GIA": con_docentes, "Docentes": list(range(2, 16)), "Instituciones": list(range(2, 9)),
            "Diagnóstico docentes": list(range(2, 15)), "Planes mensuales - Visitas": [2],
            "Plan anual UGEL - Actividades": [2]}


@pytest.fixture(scope="module")
def leido(tmp_path_factory):
    """El libro de ejemplo con todos los casos sembrados, leído una vez: (carga, {caso: (ubicación, mensaje, gravedad)})."""
    carpeta = tmp_path_factory.mktemp("catalogo-excel")
    for imagen in LIBRO_EJEMPLO.parent.glob("*.png"):
        shutil.copy(imagen, carpeta)
    libro = load_workbook(LIBRO_EJEMPLO)
    libres = _filas_libres(libro)
    esperados = {}
    for nombre, caso in CASOS.items():
        hoja = libro[caso.hoja]
        columna = next(c.column for c in hoja[1] if c.value == caso.columna)
        fila = libres[caso.hoja].pop(0)
        hoja.cell(fila, columna).value = caso.valor
        esperados[nombre] = (f"Hoja {caso.hoja}, fila {fila}, columna {caso.columna}", caso.mensaje, caso.gravedad)
    libro.save(carpeta / "catalogo.xlsx")
    return formatos.cargar(carpeta / "catalogo.xlsx"), esperados


@pytest.mark.parametrize("nombre", CASOS)
def test_entrada_mala_excel(leido, nombre):
    carga, esperados = leido
    ubicacion, mensaje, gravedad = esperados[nombre]
    encontrados = [(p.ubicacion, p.mensaje) for p in carga.problemas if p.gravedad == gravedad]
    assert (ubicacion, mensaje) in encontrados, "\n".join(f"{u}: {m}" for u, m in encontrados if u and u.startswith(
        ubicacion.split(",")[0]))


def test_los_demas_registros_se_usan(leido, carga_ejemplo):
    """Cada caso cuesta su registro (y lo que dependía de él), nada más: los demás se leen."""
    carga, _ = leido
    exp, base = carga.expediente, carga_ejemplo.expediente
    malos = {h: sum(c.hoja == h and c.gravedad == "error" for c in CASOS.values()) for h in ("GIA", "Visitas")}
    assert len(exp.gias) == len(base.gias) - malos["GIA"]  # GIA con docentes: nada depende de ellos
    assert len(exp.acompanantes) == len(base.acompanantes)
    assert len(exp.planes_anuales_ugel) == 0  # su actividad con «trece» como mes
    assert len(exp.sucesos) == len(base.sucesos) and len(exp.narrativas) == len(base.narrativas)
    assert exp.ugel == base.ugel


def test_ningun_valor_de_error_llega_a_los_datos(leido):
    carga, _ = leido
    texto = carga.expediente.model_dump_json()
    assert "#REF!" not in texto and "#N/A" not in texto and "VALOR" not in texto and "_x00" not in texto


# --- dimensión guardada menor que los datos -------------------------------------------------------------------
def _con_dimension(origen: Path, destino: Path, hoja_xml: str, dimension: str) -> None:
    with zipfile.ZipFile(origen) as z, zipfile.ZipFile(destino, "w", zipfile.ZIP_DEFLATED) as salida:
        for info in z.infolist():
            datos = z.read(info.filename)
            if info.filename == hoja_xml:
                datos = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{dimension}"/>'.encode(), datos)
            salida.writestr(info, datos)


def _xml_de_hoja(ruta: Path, nombre: str) -> str:
    with zipfile.ZipFile(ruta) as z:
        libro = z.read("xl/workbook.xml").decode()
        relaciones = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(nombre)}"[^>]*r:id="([^"]+)"', libro)[1]
    destino = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*Target="([^"]+)"', relaciones) or \
        re.search(rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{rid}"', relaciones)
    return "xl/" + destino[1].removeprefix("/xl/").removeprefix("xl/")


def test_una_dimension_guardada_menor_no_pierde_filas(tmp_path, carga_ejemplo):
    """Un libro que dice tener datos hasta la fila 5 (otro programa lo escribió así) pero los tiene hasta la 15."""
    origen = tmp_path / "origen.xlsx"
    origen.write_bytes(a_excel(carga_ejemplo.expediente))
    corto = tmp_path / "corto.xlsx"
    _con_dimension(origen, corto, _xml_de_hoja(origen, "Docentes"), "A1:C5")
    assert load_workbook(corto, read_only=True)["Docentes"].max_row == 5  # openpyxl le cree al libro
    carga = formatos.cargar(corto)
    assert sin_las_del_ejemplo(carga.problemas) == []
    assert len(carga.expediente.docentes) == len(carga_ejemplo.expediente.docentes) == 14
    assert carga.expediente == carga_ejemplo.expediente


# --- una hoja que falta --------------------------------------------------------------------------------------
def test_hoja_docentes_renombrada_es_una_sola_linea(tmp_path):
    libro = load_workbook(LIBRO_EJEMPLO)
    libro["Docentes"].title = "Docentes 2026"
    libro.save(tmp_path / "libro.xlsx")
    carga = formatos.cargar(tmp_path / "libro.xlsx")
    [problema] = carga.problemas
    assert re.fullmatch(
        r"Hoja Docentes: falta la hoja «Docentes» \(el libro tiene «Docentes 2026», que no se usa: ¿le cambió el "
        r"nombre\?\): los [0-9]+ registros de otras hojas que la citan no se pueden usar \(con la hoja en su lugar, "
        r"`formatos validar` dirá si hay otros problemas\)", str(problema)), str(problema)
    assert problema.gravedad == "error"
    assert carga.expediente.docentes == [] and carga.expediente.acompanantes  # lo que no depende de ella, se usa


def test_hoja_borrada_que_nadie_cita_es_una_advertencia(tmp_path, carga_ejemplo):
    libro = load_workbook(LIBRO_EJEMPLO)
    del libro["Sucesos"]
    for imagen in LIBRO_EJEMPLO.parent.glob("*.png"):
        shutil.copy(imagen, tmp_path)
    libro.save(tmp_path / "libro.xlsx")
    carga = formatos.cargar(tmp_path / "libro.xlsx")
    assert [str(p) for p in sin_las_del_ejemplo(carga.problemas)] == ["advertencia: Hoja Sucesos: falta la hoja «Sucesos»: se toma como vacía"]
    assert carga.expediente.sucesos == [] and len(carga.expediente.docentes) == len(carga_ejemplo.expediente.docentes)


# --- lo que se acepta --------------------------------------------------------------------------------------------
def test_lo_que_excel_escribe_se_entiende(tmp_path, carga_ejemplo):
    """Un DNI de 8 cifras como número, una fecha como número de serie, un retorno de carro `_x000D_`, rangos de grados."""
    libro = load_workbook(io.BytesIO(a_excel(carga_ejemplo.expediente)))
    docentes = libro["Docentes"]
    cols = {c.value: c.column for c in docentes[1]}
    dni = docentes.cell(3, cols["DNI"]).value
    docentes.cell(3, cols["DNI"]).value = int(dni)
    grados = [d.grados for d in carga_ejemplo.expediente.docentes[:3]]
    for fila, (g, forma) in enumerate(zip(grados, ("{}.° a {}.°", "{}-{}", "del {}.° al {}.° grado")), start=2):
        assert g == list(range(g[0], g[-1] + 1))  # grados seguidos en el ejemplo
        docentes.cell(fila, cols["Grados"]).value = forma.format(g[0], g[-1])
    docentes.cell(5, cols["Apellidos"]).value = "Quispe_x000D_\nMamani"
    gia = libro["GIA"]
    cols = {c.value: c.column for c in gia[1]}
    gia.cell(2, cols["Fecha"]).value = 46168  # 26/05/2026 como número, sin formato de fecha
    libro.save(tmp_path / "libro.xlsx")
    carga = formatos.cargar(tmp_path / "libro.xlsx")
    assert [p for p in carga.problemas if p.gravedad == "error"] == []
    docentes_leidos = carga.expediente.docentes
    assert docentes_leidos[1].dni == dni
    assert [d.grados for d in docentes_leidos[:3]] == grados
    assert docentes_leidos[3].apellidos == "Quispe\r\nMamani"
    assert carga.expediente.gias[0].fecha == date(2026, 5, 26)


def test_los_avisos_de_openpyxl_no_llegan_a_la_terminal(tmp_path, capfd, carga_ejemplo):
    """Una fecha imposible en una celda con formato de fecha: openpyxl avisa en inglés; aquí es un error en castellano."""
    libro = load_workbook(io.BytesIO(a_excel(carga_ejemplo.expediente)))
    gia = libro["GIA"]
    cols = {c.value: c.column for c in gia[1]}
    gia.cell(2, cols["Fecha"]).value = datetime(2026, 5, 26)
    libro.save(tmp_path / "libro.xlsx")
    with zipfile.ZipFile(tmp_path / "libro.xlsx") as z:
        hoja = _xml_de_hoja(tmp_path / "libro.xlsx", "GIA")
        partes = {n: z.read(n) for n in z.namelist()}
    columna = chr(ord("A") + cols["Fecha"] - 1)
    partes[hoja] = re.sub(rf'(<c r="{columna}2"[^>]*>)<v>[^<]*</v>'.encode(), rb"\1<v>99999999</v>", partes[hoja])
    with zipfile.ZipFile(tmp_path / "malo.xlsx", "w") as z:
        for nombre, datos in partes.items():
            z.writestr(nombre, datos)
    carga = formatos.cargar(tmp_path / "malo.xlsx")
    salida = capfd.readouterr()
    assert salida.err == "" and salida.out == ""
    assert any(p.ubicacion == f"Hoja GIA, fila 2, columna Fecha" and "error de Excel" in p.mensaje for p in carga.problemas)


def test_una_columna_que_no_es_de_la_hoja_se_avisa(tmp_path):
    """Una columna con datos que no es de la hoja (agregada o con el título cambiado) no se pierde en silencio."""
    libro = load_workbook(LIBRO_EJEMPLO)
    for imagen in LIBRO_EJEMPLO.parent.glob("*.png"):
        shutil.copy(imagen, tmp_path)
    gia = libro["GIA"]
    cols = {c.value: c.column for c in gia[1]}
    gia.cell(1, cols["Tema"]).value = "Temas"  # el título cambiado: sus datos se perderían
    gia.cell(1, gia.max_column + 1).value = "Mis notas"
    gia.cell(3, gia.max_column).value = "llamar al director"
    libro.save(tmp_path / "libro.xlsx")
    carga = formatos.cargar(tmp_path / "libro.xlsx")
    # (sin la columna obligatoria, los GIA no se cargan: el protocolo avisa de los que faltan, aquí no importa)
    assert [str(p) for p in carga.problemas if p.gravedad == "advertencia" and "no es una columna" in p.mensaje] == [
        "advertencia: Hoja GIA, columna «Temas»: no es una columna de esta hoja: sus datos no se usan; ¿es «Tema»? "
        "Escriba el título así",
        "advertencia: Hoja GIA, columna «Mis notas»: no es una columna de esta hoja: sus datos no se usan; las columnas "
        "de cada hoja están en la hoja «Instrucciones»",
    ]
    assert "Hoja GIA, columna Tema: falta esta columna obligatoria" in [str(p) for p in carga.errores]


def test_una_formula_con_su_resultado_guardado_vale(tmp_path, carga_ejemplo):
    """Lo que guarda Excel: la fórmula y su resultado. Se usa el resultado (solo falta si no está guardado)."""
    origen = tmp_path / "origen.xlsx"
    origen.write_bytes(a_excel(carga_ejemplo.expediente))
    hoja = _xml_de_hoja(origen, "GIA")
    columna = chr(ord("A") + next(c.column for c in load_workbook(origen)["GIA"][1] if c.value == "Horas") - 1)
    with zipfile.ZipFile(origen) as z:
        partes = {n: z.read(n) for n in z.namelist()}
    partes[hoja], n = re.subn(rf'<c r="{columna}2"([^>]*)><v>([^<]*)</v></c>'.encode(),
                              rb'<c r="%s2"\1><f>2+2</f><v>4</v></c>' % columna.encode(), partes[hoja])
    assert n == 1
    with zipfile.ZipFile(tmp_path / "formula.xlsx", "w") as z:
        for nombre, datos in partes.items():
            z.writestr(nombre, datos)
    for imagen in LIBRO_EJEMPLO.parent.glob("*.png"):
        shutil.copy(imagen, tmp_path)
    carga = formatos.cargar(tmp_path / "formula.xlsx")
    assert sin_las_del_ejemplo(carga.problemas) == []
    assert carga.expediente.gias[0].horas == 4
