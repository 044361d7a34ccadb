"""El catálogo de entradas malas: cada caso da un mensaje en castellano que dice dónde, y no cuesta nada más.

También: datos que no pueden romper un documento (caracteres especiales y prohibidos, saltos de línea,
textos muy largos, llaves) y nombres de archivo seguros.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner
from docx import Document

import formatos
from formatos.cli import cli
from formatos.entrada import json as entrada_json
from formatos.recursos import carpeta_plantillas
from formatos.registro import FORMATOS
from formatos.salida.nombres import MAXIMO, componente_seguro, nombre_archivo, ruta_segura

from tests.conftest import escribir_json, texto_docx, sin_las_del_ejemplo

SECCIONES = ("acompanantes", "instituciones", "docentes", "visitas", "gias", "valoraciones", "valoraciones_directivo")


def conteo(carga) -> dict[str, int]:
    """Registros válidos por sección y documentos que saldrían de las matrices (los formatos de este catálogo)."""
    exp = carga.expediente
    cuenta = {s: len(getattr(exp, s)) for s in SECCIONES}
    cuenta.update({f: sum(1 for _ in FORMATOS[f].documentos(exp)) for f in ("matriz-docente", "matriz-directivo")})
    return cuenta


def cargar_modificado(tmp_path, datos, cambio):
    datos = copy.deepcopy(datos)
    cambio(datos)
    return formatos.cargar(escribir_json(tmp_path, datos))


def mensajes(carga) -> list[str]:
    """Los problemas de la entrada, sin las advertencias del protocolo que resultan de perder un registro (un GIA
    descartado deja su mes sin GIA: eso se prueba en test_calendario)."""
    return [str(p) for p in sin_las_del_ejemplo(carga.problemas) if not p.mensaje.startswith("protocolo:")]


@pytest.fixture(scope="module")
def base(datos_ejemplo):
    carga = formatos.validar_expediente(copy.deepcopy(datos_ejemplo))
    assert sin_las_del_ejemplo(carga.problemas) == []
    return conteo(carga)


def menos(base: dict, **perdidas) -> dict:
    return {k: v - perdidas.get(k, 0) for k, v in base.items()}


def indice_docente(datos, director: bool) -> int:
    return next(i for i, d in enumerate(datos["docentes"]) if d.get("es_director", False) == director)


def perdidas_de_docente(datos, dni) -> dict:
    """Lo que depende de un docente: sus visitas, sus matrices y sus matrices de director."""
    visitas = {v["id"] for v in datos["visitas"] if v["dni_docente"] == dni}
    valoraciones = sum(v["id_visita"] in visitas for v in datos["valoraciones"])
    directivo = sum(v["dni_director"] == dni for v in datos["valoraciones_directivo"])
    return {"docentes": 1, "visitas": len(visitas), "valoraciones": valoraciones, "matriz-docente": valoraciones,
            "valoraciones_directivo": directivo, "matriz-directivo": directivo}


# --- registros malos: solo se pierde lo que dependía de ellos ----------------------------------------
def test_tipo_equivocado(tmp_path, datos_ejemplo, base):
    i = indice_docente(datos_ejemplo, director=False)
    dni = datos_ejemplo["docentes"][i]["dni"]
    carga = cargar_modificado(tmp_path, datos_ejemplo, lambda d: d["docentes"][i].update(es_director="quizás"))
    assert mensajes(carga)[0] == f'docentes[{i}].es_director: debe ser sí o no (true/false) (se recibió "quizás")'
    assert conteo(carga) == menos(base, **perdidas_de_docente(datos_ejemplo, dni))
    # sus GIA siguen: solo se le quita de la lista de participantes, con un aviso
    avisos = [p for p in carga.problemas if p.ruta[:1] == ("gias",)]
    assert avisos and all(p.gravedad == "advertencia" and "se quitó de la lista" in p.mensaje for p in avisos)


def test_numero_como_texto(tmp_path, datos_ejemplo, base):
    carga = cargar_modificado(tmp_path, datos_ejemplo, lambda d: d["gias"][0].update(horas="cuatro"))
    assert mensajes(carga) == ['gias[0].horas: debe ser un número (se recibió "cuatro")']
    directivo = sum(v.get("id_gia") == datos_ejemplo["gias"][0]["id"] for v in datos_ejemplo["valoraciones_directivo"])
    assert conteo(carga) == menos(base, gias=1, valoraciones_directivo=directivo, **{"matriz-directivo": directivo})


def test_falta_un_dato_obligatorio(tmp_path, datos_ejemplo, base):
    i = indice_docente(datos_ejemplo, director=True)
    dni = datos_ejemplo["docentes"][i]["dni"]
    carga = cargar_modificado(tmp_path, datos_ejemplo, lambda d: d["docentes"][i].pop("apellidos"))
    assert mensajes(carga)[0] == f"docentes[{i}].apellidos: falta este dato obligatorio"
    assert conteo(carga) == menos(base, **perdidas_de_docente(datos_ejemplo, dni))


def test_dni_mal_escrito(tmp_path, datos_ejemplo, base):
    carga = cargar_modificado(tmp_path, datos_ejemplo, lambda d: d["acompanantes"][0].update(dni="4152637"))
    assert mensajes(carga)[0] == 'acompanantes[0].dni: debe tener 8 dígitos del 0 al 9 (se recibió "4152637")'
    assert conteo(carga)["acompanantes"] == base["acompanantes"] - 1


def test_referencia_desconocida(tmp_path, datos_ejemplo, base):
    visita = datos_ejemplo["valoraciones"][0]["id_visita"]
    k = next(i for i, v in enumerate(datos_ejemplo["visitas"]) if v["id"] == visita)
    carga = cargar_modificado(tmp_path, datos_ejemplo, lambda d: d["visitas"][k].update(dni_docente="99999999"))
    directivo = _matrices_del_directivo_de(datos_ejemplo, visita)  # la del director en su visita diagnóstica
    assert mensajes(carga) == [f'visitas[{k}].dni_docente: "99999999" no existe en docentes',
                               f'valoraciones[0].id_visita: "{visita}" no existe en visitas',
                               *(f'valoraciones_directivo[{i}].id_visita: "{visita}" no existe en visitas' for i in directivo)]
    assert conteo(carga) == menos(base, visitas=1, valoraciones=1, valoraciones_directivo=len(directivo),
                                  **{"matriz-docente": 1, "matriz-directivo": len(directivo)})


def _matrices_del_directivo_de(datos: dict, visita: str) -> list[int]:
    return [i for i, v in enumerate(datos["valoraciones_directivo"]) if v.get("id_visita") == visita]


def test_participante_desconocido_solo_se_quita_de_la_lista(tmp_path, datos_ejemplo, base):
    carga = cargar_modificado(tmp_path, datos_ejemplo, lambda d: d["gias"][0]["participantes"].append("99999999"))
    assert mensajes(carga) == ['advertencia: gias[0].participantes: "99999999" no existe en docentes: se quitó de la lista']
    assert carga.expediente.gias[0].participantes == datos_ejemplo["gias"][0]["participantes"]
    assert conteo(carga) == base


def test_registro_repetido(tmp_path, datos_ejemplo, base):
    carga = cargar_modificado(tmp_path, datos_ejemplo, lambda d: d["docentes"].append(copy.deepcopy(d["docentes"][3])))
    n = len(datos_ejemplo["docentes"])
    dni = datos_ejemplo["docentes"][3]["dni"]
    assert mensajes(carga) == [f'docentes[{n}].dni: "{dni}" está repetido: ya figura en docentes[3]']
    assert conteo(carga) == base


@pytest.mark.parametrize("fecha, mensaje", [
    ("2026-01-20", "20/01/2026 está fuera del año escolar 2026 (marzo a diciembre)"),
    ("15/05/2025", "15/05/2025 está fuera del año escolar 2026 (marzo a diciembre)"),
    ("31/02/2026", 'no es una fecha válida (se recibió "31/02/2026")'),
    ("mayo", 'no es una fecha válida; escriba dd/mm/aaaa (se recibió "mayo")'),
])
def test_fecha_fuera_de_rango(tmp_path, datos_ejemplo, base, fecha, mensaje):
    visita = datos_ejemplo["valoraciones"][0]["id_visita"]
    k = next(i for i, v in enumerate(datos_ejemplo["visitas"]) if v["id"] == visita)
    carga = cargar_modificado(tmp_path, datos_ejemplo, lambda d: d["visitas"][k].update(fecha=fecha))
    assert mensajes(carga)[0] == f"visitas[{k}].fecha: {mensaje}"
    assert mensajes(carga)[1].startswith(f'valoraciones[0].id_visita: "{visita}" no existe en visitas')
    directivo = len(_matrices_del_directivo_de(datos_ejemplo, visita))
    assert conteo(carga) == menos(base, visitas=1, valoraciones=1, valoraciones_directivo=directivo,
                                  **{"matriz-docente": 1, "matriz-directivo": directivo})


def test_nivel_en_la_matriz_del_director(tmp_path, datos_ejemplo, base):
    carga = cargar_modificado(tmp_path, datos_ejemplo,
                              lambda d: d["valoraciones_directivo"][0]["desempenos"][0].update(nivel_alcanzado="III"))
    assert mensajes(carga) == ["valoraciones_directivo[0].desempenos[0]: en el rol de director no se establece nivel "
                               "de logro (manual 2.2.2.4): quite el nivel"]
    assert conteo(carga) == menos(base, valoraciones_directivo=1, **{"matriz-directivo": 1})


def test_nueve_docentes_para_un_ap_es_advertencia(tmp_path, datos_ejemplo, base):
    ap = datos_ejemplo["acompanantes"][0]
    suyos = [d for d in datos_ejemplo["docentes"] if d["dni_acompanante"] == ap["dni"]]
    polidocentes = {ie["codigo_modular"] for ie in datos_ejemplo["instituciones"] if ie["tipo"] != "unidocente"}
    companero = next(d for d in suyos if d["codigo_modular"] in polidocentes)
    nuevos = [{**companero, "dni": f"7000000{i}", "nombres": f"Nuevo {i}", "es_director": False}
              for i in range(9 - len(suyos))]
    carga = cargar_modificado(tmp_path, datos_ejemplo, lambda d: d["docentes"].extend(nuevos))
    nombre = f"{ap['nombres']} {ap['apellidos']}"
    aviso = f"advertencia: acompanantes[0]: el AP {nombre} tiene 9 docentes; la estrategia fija 8 por AP"
    assert aviso in mensajes(carga)
    assert carga.errores == []
    assert conteo(carga) == {**base, "docentes": base["docentes"] + len(nuevos)}


# --- archivos que no son un expediente -----------------------------------------------------------------
def ejecutar(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="formatos")


def archivo_malo(tmp_path, caso) -> Path:
    ruta = tmp_path / "expediente.json"
    if caso == "vacío":
        ruta.write_text("  \n", "utf-8")
    elif caso == "no JSON":
        ruta.write_text('{"anio": 2026, "ugel": {', "utf-8")
    elif caso == "no UTF-8":
        ruta.write_bytes('{"anio": 2026, "ugel": {"nombre": "Cajamarca Ñ"}}'.encode("latin-1"))
    elif caso == "lista":
        ruta.write_text("[1, 2]", "utf-8")
    elif caso == "anidado":
        ruta.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    elif caso == "docx":
        ruta = tmp_path / "matriz.docx"
        Document().save(str(ruta))
    elif caso == "docx renombrado":
        Document().save(str(ruta))
    elif caso == "plantilla":
        ruta = tmp_path / "matriz-docente.docx"
        ruta.write_bytes((carpeta_plantillas() / "matriz-docente.docx").read_bytes())
    elif caso == "enorme":
        with ruta.open("wb") as f:
            f.truncate(entrada_json.TAMANO_MAXIMO + 1)  # archivo disperso: no ocupa disco
    return ruta


CASOS = {
    "vacío": "expediente.json: el archivo está vacío",
    "no JSON": "expediente.json: no es JSON válido (línea 1, columna 25: se esperaba un nombre de campo entre comillas dobles)",
    "no UTF-8": "expediente.json: no está en UTF-8; guárdelo como «UTF-8» y vuelva a intentarlo",
    "lista": "el expediente debe ser un objeto JSON con sus secciones",
    "anidado": "expediente.json: no es un expediente (tiene miles de listas u objetos unos dentro de otros)",
    "docx": "matriz.docx es un documento de Word, no un expediente: los datos van en un archivo .json o .xlsx",
    "docx renombrado": "expediente.json: es un documento de Office (zip), no un expediente JSON",
    "plantilla": "matriz-docente.docx es una plantilla, no un expediente: los datos van en un archivo .json o .xlsx y las "
                 "plantillas propias se indican con --plantillas CARPETA",
    "enorme": "expediente.json: el archivo pesa más de 200 MB",
}


@pytest.mark.parametrize("caso", CASOS)
def test_archivo_que_no_es_un_expediente(tmp_path, caso):
    ruta = archivo_malo(tmp_path, caso)
    carga = formatos.cargar(ruta)
    assert carga.expediente is None
    assert mensajes(carga) == [CASOS[caso]]
    salida = tmp_path / "salida"
    r = ejecutar("generar", ruta, "--salida", salida)
    assert r.exit_code == 1
    assert CASOS[caso] in r.output and "No se generó nada" in r.output
    assert not salida.exists()


def test_seccion_que_no_es_lista(tmp_path, datos_ejemplo, base):
    carga = cargar_modificado(tmp_path, datos_ejemplo, lambda d: d.update(gias={"id": "GIA-1"}))
    assert mensajes(carga)[0] == "gias: debe ser una lista de registros"
    assert conteo(carga)["docentes"] == base["docentes"] and conteo(carga)["matriz-docente"] == base["matriz-docente"]


def test_generar_con_un_registro_malo_genera_los_demas(tmp_path, datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["valoraciones"] = datos["valoraciones"][:3]
    datos["valoraciones_directivo"] = datos["valoraciones_directivo"][:1]
    datos["valoraciones"][1]["desempenos"][0]["nivel_alcanzado"] = "V"
    r = ejecutar("generar", escribir_json(tmp_path, datos), "--salida", tmp_path / "s")
    assert r.exit_code == 1
    assert 'valoraciones[1].desempenos[0].nivel_alcanzado: debe ser un nivel I, II, III o IV (se recibió "V")' in r.output
    assert len(list((tmp_path / "s" / "matriz-docente").rglob("*.docx"))) == 2
    assert len(list((tmp_path / "s" / "matriz-directivo").rglob("*.docx"))) == 1
    assert "valoraciones[1].desempenos[0].nivel_alcanzado" in (tmp_path / "s" / "reporte-errores.txt").read_text("utf-8")


# --- datos que no pueden romper un documento -----------------------------------------------------------
@pytest.fixture()
def una_matriz(datos_ejemplo):
    """Genera la primera matriz docente con textos cambiados; devuelve (ruta, carga)."""

    def generar(tmp_path, evidencias=None, proposito=None, json_crudo=None):
        datos = copy.deepcopy(datos_ejemplo)
        datos["valoraciones"] = datos["valoraciones"][:1]
        datos["valoraciones_directivo"] = []
        if evidencias is not None:
            datos["valoraciones"][0]["desempenos"][0]["evidencias"] = evidencias
        if proposito is not None:
            visita = next(v for v in datos["visitas"] if v["id"] == datos["valoraciones"][0]["id_visita"])
            visita["proposito_sesion"] = proposito
        ruta = escribir_json(tmp_path, datos)
        if json_crudo:
            ruta.write_text(json.dumps(datos, ensure_ascii=True).replace("MARCA", json_crudo), "utf-8")
        carga = formatos.cargar(ruta)
        resumen = formatos.generar(carga.expediente, tmp_path / "s", formatos=["matriz-docente"])
        [resultado] = resumen.resultados
        assert resultado.estado == "generado", resultado.mensaje
        return resultado.ruta, carga

    return generar


def celda_evidencias(ruta: Path) -> str:
    return Document(str(ruta)).tables[1].rows[1].cells[2].text


def test_caracteres_especiales_de_xml(tmp_path, una_matriz):
    texto = 'Usa <w:p> & </w:t> "comillas" \'simples\' ]]> <!-- -->'
    ruta, _ = una_matriz(tmp_path, evidencias=texto)
    assert celda_evidencias(ruta) == texto


def test_llaves_en_los_datos_salen_tal_cual(tmp_path, una_matriz):
    texto = "{{ docente.dni }} {% if x %} {_{ a }_} {_% b %_} {#"
    ruta, _ = una_matriz(tmp_path, evidencias=texto)
    assert celda_evidencias(ruta) == texto


def test_caracteres_prohibidos_se_quitan_con_aviso(tmp_path, una_matriz):
    ruta, carga = una_matriz(tmp_path, evidencias="MARCA", json_crudo="Antes\\u0001\\u000b\\ufffe\\uffff\\ud800 después")
    assert celda_evidencias(ruta) == "Antes después"
    [aviso] = sin_las_del_ejemplo(carga.problemas)
    assert aviso.gravedad == "advertencia"
    assert str(aviso) == ("advertencia: valoraciones[0].desempenos[0].evidencias: "
                          "se quitaron caracteres de control no imprimibles")
    with zipfile.ZipFile(ruta) as z:
        assert "\x01" not in z.read("word/document.xml").decode("utf-8")


def test_saltos_de_linea_y_tabuladores(tmp_path, una_matriz):
    ruta, _ = una_matriz(tmp_path, evidencias="Primera línea\nsegunda\r\ntercera\rcuarta\tcon tabulador")
    assert celda_evidencias(ruta) == "Primera línea\nsegunda\ntercera\ncuarta\tcon tabulador"
    with zipfile.ZipFile(ruta) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:br/>") >= 3 and "<w:tab/>" in xml


@pytest.mark.libreoffice
def test_texto_muy_largo_pasa_de_pagina(tmp_path, una_matriz):
    largo = " ".join(f"palabra{i:05d}" for i in range(2500))
    ruta, _ = una_matriz(tmp_path, evidencias="INICIO " + largo + " FINEVIDENCIA",
                         proposito="COMIENZO " + largo + " FINPROPOSITO")
    copia = tmp_path / "largo.docx"
    copia.write_bytes(ruta.read_bytes())
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(copia)],
                   check=True, capture_output=True, timeout=180)
    texto = subprocess.run(["pdftotext", str(tmp_path / "largo.pdf"), "-"], capture_output=True, text=True,
                           check=True).stdout
    paginas = texto.count("\f")
    assert paginas > 5
    assert "FINPROPOSITO" in texto and "FINEVIDENCIA" in texto  # nada quedó cortado al pie de una página
    assert "Docente acompañado" in texto.split("\f")[-2] or "DNI N.°" in texto  # las firmas siguen al final


# --- nombres de archivo ------------------------------------------------------------------------------
@pytest.mark.parametrize("entrada, esperado", [
    ("Quispe Ñahui José", "Quispe Ñahui José"),
    ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d_e_f'g_h_i-j"),  # cambiados por otros visibles
    ("CON", "_CON"),
    ("con.docx", "_con.docx"),
    ("LPT1.tar.docx", "_LPT1.tar.docx"),
    ("Aux", "_Aux"),
    ("..", "sin nombre"),
    ("...docx", "docx"),
    ("  nombre con espacios.  ", "nombre con espacios"),
    ("tab\there\x00nul", "tab herenul"),
    ("COM¹", "_COM¹"),
    ("CONIN$.docx", "_CONIN$.docx"),
    ("😀" * 100, "😀" * (MAXIMO // 4)),  # hasta MAXIMO bytes, no letras
    ("Jose\u0301", "José"),  # NFD → NFC
])
def test_componente_seguro(entrada, esperado):
    assert componente_seguro(entrada) == esperado


def test_nombre_largo_conserva_la_extension():
    nombre = nombre_archivo("Á" * 300 + ".docx", ".docx")
    assert nombre == "Á" * ((MAXIMO - 5) // 2) + ".docx" and len(nombre.encode()) <= MAXIMO
    assert nombre_archivo(".. ..docx", ".docx") == "sin nombre.docx"


def test_la_salida_nunca_sale_de_su_carpeta(tmp_path):
    destino = ruta_segura(tmp_path, PurePosixPath("../../etc/passwd"))
    assert destino.is_relative_to(tmp_path.resolve()) and destino.name == "passwd"
    assert ruta_segura(tmp_path, PurePosixPath("/abs/x.docx")).is_relative_to(tmp_path.resolve())


def test_nombres_que_chocan_y_nombres_peligrosos(tmp_path, datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    ap = datos["acompanantes"][0]
    ap.update(apellidos="../../CON", nombres=".")
    visita = datos["valoraciones"][0]["id_visita"]
    v = next(x for x in datos["visitas"] if x["id"] == visita)
    d1 = next(d for d in datos["docentes"] if d["dni"] == v["dni_docente"])
    # otro docente del mismo AP, con el mismo nombre en otra grafía, visitado el mismo día
    d2 = next(d for d in datos["docentes"] if d["dni_acompanante"] == ap["dni"] and d["dni"] != d1["dni"])
    d2.update(apellidos=d1["apellidos"].upper(), nombres=d1["nombres"])
    v2 = next(x for x in datos["visitas"] if x["dni_docente"] == d2["dni"] and x["fecha"][:7] == v["fecha"][:7])
    v2["fecha"] = v["fecha"]
    datos["valoraciones"] = [x for x in datos["valoraciones"] if x["id_visita"] in (visita, v2["id"])]
    datos["valoraciones_directivo"] = []
    carga = formatos.cargar(escribir_json(tmp_path, datos))
    assert carga.errores == [], mensajes(carga)
    salida = tmp_path / "salida"
    resumen = formatos.generar(carga.expediente, salida, formatos=["matriz-docente"])
    rutas = [r.ruta for r in resumen.resultados]
    assert len(rutas) == 2 and len({str(r).casefold() for r in rutas}) == 2
    for r in rutas:
        assert r.is_relative_to(salida.resolve())
        assert r.parent.name == "-..-CON"  # «../../CON .» es un solo nombre: no sube de carpeta
        assert not re.search(r'[<>:"/\\|?*]', r.name)
    assert {r.name.casefold() for r in rutas} == {
        f"{v['fecha']} {d1['apellidos']} {d1['nombres']}.docx".casefold(),
        f"{v['fecha']} {d1['apellidos']} {d1['nombres']} (2).docx".casefold(),
    }
    assert all(d1["nombres"] in texto_docx(r) for r in rutas)
