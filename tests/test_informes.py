"""Los informes: abiertos con python-docx y comparados con el ejemplo y con el expediente hecho a mano."""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from docx import Document

import formatos
from formatos.modelos.expediente import validar_expediente
from tests.test_analisis import expediente_a_mano

from tests.conftest import etiquetas_sin_render, texto_docx

INFORMES = {  # formato: (documentos en el ejemplo, gráficos en cada uno)
    "informe-diagnostico-ap": (2, 2),
    "informe-diagnostico-ugel": (1, 2),
    "informe-mensual": (16, 1),
    "informe-trimestral-ap": (6, 3),
    "informe-trimestral-ugel": (3, 3),
    "informe-final-ap": (2, 4),
    "informe-final-ugel": (1, 4),
    "reporte-buenas-practicas": (6, 0),
    "reporte-buenas-practicas-ie": (7, 0),
    "informe-taller": (2, 1),
}
CODIGOS = ["D19", "D22", "D25", "D11", "D15", "D1", "D23", "D4"]


def tabla(ruta: Path, encabezado: list[str]) -> list[list[str]]:
    """Las filas de datos de la primera tabla cuyo encabezado es `encabezado`."""
    for t in Document(str(ruta)).tables:
        filas = [[c.text for c in fila.cells] for fila in t.rows]
        if filas and filas[0] == encabezado:
            return filas[1:]
    raise AssertionError(f"no hay tabla con encabezado {encabezado} en {ruta.name}")


def generados(demo, formato: str) -> list[Path]:
    return sorted(r.ruta for r in demo.resultados if r.formato == formato and r.estado == "generado")


def nombre(d: dict) -> str:
    return f"{d['nombres']} {d['apellidos']}"


# --- el ejemplo --------------------------------------------------------------------------------------
def test_cada_informe_sale_para_cada_ap_mes_trimestre_y_anio(demo):
    conteo = {f: c for f, c in demo.conteo().items() if f in INFORMES}
    assert {f: c["generado"] for f, c in conteo.items()} == {f: n for f, (n, _) in INFORMES.items()}
    assert not [r for r in demo.fallidos if r.formato in INFORMES]


@pytest.mark.parametrize("formato", list(INFORMES))
def test_graficos_como_imagenes_y_sin_etiquetas(demo, formato):
    for ruta in generados(demo, formato):
        assert etiquetas_sin_render(ruta) == []
        with zipfile.ZipFile(ruta) as z:
            imagenes = [n for n in z.namelist() if n.startswith("word/media/")]
            assert len(imagenes) == INFORMES[formato][1], ruta.name
            assert all(z.read(n)[:8] == b"\x89PNG\r\n\x1a\n" for n in imagenes)


def _ultimas(datos: dict, dnis: set[str], desde: str, hasta: str) -> dict[str, dict]:
    """A partir del JSON crudo: la primera y la última matriz de cada docente entre dos fechas ISO."""
    visitas = {v["id"]: v for v in datos["visitas"]}
    por_docente: dict[str, list] = {}
    for v in datos["valoraciones"]:
        visita = visitas[v["id_visita"]]
        fecha = visita.get("fecha_segundo_dia") or visita["fecha"]
        if visita["dni_docente"] in dnis and desde <= fecha <= hasta:
            por_docente.setdefault(visita["dni_docente"], []).append((fecha, {d["codigo"]: d["nivel_alcanzado"] for d in v["desempenos"]}))
    return {dni: sorted(lista, key=lambda x: x[0]) for dni, lista in por_docente.items()}


def test_mensual_niveles_sucesos_y_narrativa(demo, datos_ejemplo):
    ap = datos_ejemplo["acompanantes"][0]
    ruta = next(r for r in generados(demo, "informe-mensual") if r.name.startswith("2026-07") and ap["apellidos"] in r.name)
    dnis = {d["dni"] for d in datos_ejemplo["docentes"] if d["dni_acompanante"] == ap["dni"]}
    ultimas = _ultimas(datos_ejemplo, dnis, "2026-07-01", "2026-07-31")
    filas = tabla(ruta, ["Desempeño", "Nivel I", "Nivel II", "Nivel III", "Nivel IV", "Sin valoración"])
    for codigo, fila in zip(CODIGOS, filas):
        cuenta = Counter(lista[-1][1][codigo] for lista in ultimas.values())
        assert fila[0].startswith(f"{codigo}. ")
        assert fila[1:] == [str(cuenta[n]) for n in ("I", "II", "III", "IV")] + [str(len(dnis) - len(ultimas))]
    texto = texto_docx(ruta)
    numero = next(n for n in datos_ejemplo["numeros_informe"]
                  if n["formato"] == "informe-mensual" and n["periodo"] == "2026-07" and n.get("dni_acompanante") == ap["dni"])
    assert f"INFORME N.° {numero['numero']:03d}-2026-UGEL-SM/AGP/AP-" in texto
    for s in datos_ejemplo["sucesos"]:
        if s["dni_acompanante"] == ap["dni"] and s["fecha"].startswith("2026-07"):
            assert s["descripcion"] in texto
    narrativa = next(n for n in datos_ejemplo["narrativas"] if n.get("dni_acompanante") == ap["dni"] and n["periodo"] == "2026-07")
    assert narrativa["conclusiones"] in texto and narrativa["acciones_a_priorizar"] in texto
    assert "Atentamente," in texto and f"DNI N.° {ap['dni']}" in texto
    for d in datos_ejemplo["docentes"]:
        assert (nombre(d) in texto) == (d["dni"] in dnis)


def test_trimestral_ap_compara_inicio_y_termino(demo, datos_ejemplo):
    ap = datos_ejemplo["acompanantes"][1]
    ruta = next(r for r in generados(demo, "informe-trimestral-ap") if r.name.startswith("2026 T2") and ap["apellidos"] in r.name)
    docentes = [d for d in datos_ejemplo["docentes"] if d["dni_acompanante"] == ap["dni"]]
    ultimas = _ultimas(datos_ejemplo, {d["dni"] for d in docentes}, "2026-07-01", "2026-09-30")
    filas = tabla(ruta, ["Docente", "Desempeño", "Línea de base", "Inicio", "Término", "Tendencia"])
    assert len(filas) == 8 * len(docentes)
    niveles = ["I", "II", "III", "IV"]
    for k, d in enumerate(docentes):
        bloque = filas[8 * k: 8 * k + 8]
        assert bloque[0][0] == nombre(d) and all(f[0] == "" for f in bloque[1:])
        primera, ultima = ultimas[d["dni"]][0][1], ultimas[d["dni"]][-1][1]
        for fila, codigo in zip(bloque, CODIGOS):
            pasos = niveles.index(ultima[codigo]) - niveles.index(primera[codigo])
            esperado = "se mantiene" if pasos == 0 else f"{'sube' if pasos > 0 else 'baja'} {abs(pasos)} nivel{'es' if abs(pasos) > 1 else ''}"
            assert fila[3:] == [primera[codigo], ultima[codigo], esperado]
    tendencias = tabla(ruta, ["Desempeño", "Sube", "Se mantiene", "Baja", "Sin valoración"])
    assert sum(int(x) for f in tendencias for x in f[1:]) == 8 * len(docentes)
    texto = texto_docx(ruta)
    assert "IV. COMPARACIÓN DE NIVELES AL INICIO Y AL TÉRMINO DEL TRIMESTRE" in texto
    for b in datos_ejemplo["buenas_practicas"]:
        if b["dni_docente"] in {d["dni"] for d in docentes} and "2026-07-01" <= b["fecha"] <= "2026-09-30":
            assert b["titulo"] in texto


def test_final_ugel_cabecera_peruana_secciones_y_firma(demo, datos_ejemplo):
    (ruta,) = generados(demo, "informe-final-ugel")
    texto = texto_docx(ruta)
    numero = next(n for n in datos_ejemplo["numeros_informe"] if n["formato"] == "informe-final-ugel")
    assert f"INFORME N.° {numero['numero']:03d}-2026-UGEL-SM/AGP" in texto
    assert numero["referencia"] in texto
    dre = f"Director(a) de la {datos_ejemplo['ugel']['dre']}"  # sin destinatario registrado: DRE y Diser (l. 2693-2694)
    diser = "Director(a) de la Dirección de Servicios Educativos en el ámbito Rural (Diser) del Minedu"
    cabecera = tabla(ruta, ["A", ":", f"{dre}\n{diser}"])
    assert [f[0] for f in cabecera] == ["DE", "ASUNTO", "REFERENCIA", "FECHA"]
    assert cabecera[3][2] == "San Marcos, 16 de diciembre de 2026"
    secciones = re.findall(r"^([IVX]+)\. [A-ZÁÉÍÓÚÑ ,;:]+$", texto, re.MULTILINE)
    assert secciones == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]
    jefe = datos_ejemplo["ugel"]["jefe_agp"]
    assert "Atentamente," in texto and nombre(jefe) in texto and f"DNI N.° {jefe['dni']}" in texto
    anual = next(n for n in datos_ejemplo["narrativas"] if "dni_acompanante" not in n and n["periodo"] == "anual")
    assert anual["lecciones_aprendidas"] in texto and anual["propuestas"] in texto and anual["aspectos_administrativos"] in texto
    ultimas = _ultimas(datos_ejemplo, {d["dni"] for d in datos_ejemplo["docentes"]}, "2026-03-01", "2026-12-31")
    metas_ugel = tabla(ruta, ["Desempeño", "Meta", "Logrado", "Docentes en el nivel / valorados", "Estado"])
    for fila, meta in zip(metas_ugel, datos_ejemplo["planes_anuales_ugel"][0]["metas_trimestrales"], strict=True):
        en_nivel = sum(lista[-1][1][meta["codigo"]] in ("III", "IV") for lista in ultimas.values())
        assert meta["nivel"] == "III" and fila[0].startswith(meta["codigo"] + ". ")
        logrado = round(100 * en_nivel / len(ultimas), 1)
        assert fila[1:] == [f"{meta['porcentajes']['3']}% en nivel III o más", f"{logrado:g}%",
                            f"{en_nivel} / {len(ultimas)}", "lograda" if logrado >= meta["porcentajes"]["3"] else "no lograda"]
    visitas = tabla(ruta, ["Meta física", "Unidad", "Programado", "Ejecutado", "Avance"])[0]
    assert visitas[:4] == ["Visitas en aula con asesoría personalizada", "visitas", str(8 * len(datos_ejemplo["docentes"])),
                           str(len(datos_ejemplo["visitas"]))]


def test_diagnostico_ap_linea_de_base_y_docente_sin_datos(demo, datos_ejemplo):
    for ruta in generados(demo, "informe-diagnostico-ap"):
        ap = next(a for a in datos_ejemplo["acompanantes"] if a["apellidos"] in ruta.name)
        dnis = {d["dni"] for d in datos_ejemplo["docentes"] if d["dni_acompanante"] == ap["dni"]}
        diags = [x for x in datos_ejemplo["diagnosticos_docente"] if x["dni_docente"] in dnis and "comunicacion" in x]
        filas = tabla(ruta, ["Grupo", "Área", "En inicio", "En proceso", "Satisfactorio", "Evaluados"])
        for fila, area in zip(filas, ("comunicacion", "matematica")):
            total = sum(x[area][n] for x in diags for n in ("en_inicio", "en_proceso", "satisfactorio"))
            assert fila[5] == str(total)
            assert fila[2].startswith(f"{sum(x[area]['en_inicio'] for x in diags)} (")
        texto = texto_docx(ruta)
        sin_datos = dnis - {x["dni_docente"] for x in datos_ejemplo["diagnosticos_docente"]}
        assert ("No se registraron los datos de los estudiantes de este docente." in texto) == bool(sin_datos)
        for ie in datos_ejemplo["diagnosticos_institucion"]:
            if any(d["codigo_modular"] == ie["codigo_modular"] and d["dni"] in dnis for d in datos_ejemplo["docentes"]):
                assert ie["contexto"] in texto


def test_buenas_practicas_con_su_clasificacion(demo, datos_ejemplo):
    rutas = generados(demo, "reporte-buenas-practicas")
    docentes = {d["dni"]: d for d in datos_ejemplo["docentes"]}
    aps = {a["dni"]: a for a in datos_ejemplo["acompanantes"]}
    for b in datos_ejemplo["buenas_practicas"]:
        docente = docentes[b["dni_docente"]]
        ap = aps[docente["dni_acompanante"]]
        trimestre = f"T{(int(b['fecha'][5:7]) - 1) // 3}"
        (ruta,) = [r for r in rutas if r.name.startswith(f"2026 {trimestre}") and ap["apellidos"] in r.name]
        texto = texto_docx(ruta)
        assert texto.count("REPORTE N.°") == 1
        bloque = texto[texto.index(b["titulo"]):]
        for campo in (nombre(docente), b["clasificacion"].capitalize(), b["descripcion"], b["aporte"], b["evidencias"]):
            assert campo in bloque


def test_taller_asistencia_y_encuesta(demo, datos_ejemplo):
    for taller in datos_ejemplo["talleres"]:
        ruta = next(r for r in generados(demo, "informe-taller") if f"taller {taller['numero']}" in r.name)
        asistencia = tabla(ruta, ["Acompañante pedagógico", "Docentes programados", "Docentes asistentes", "Avance"])
        assert asistencia[-1][:3] == ["Total", str(len(datos_ejemplo["docentes"])), str(len(taller["asistentes"]))]
        encuesta = tabla(ruta, ["N.°", "Aspecto", "Pregunta", "Muy satisfecho", "Satisfecho", "Poco satisfecho", "Insatisfecho"])
        for fila, pregunta in zip(encuesta, taller["encuesta"], strict=True):
            assert fila[2] == pregunta["pregunta"]
            assert fila[3].startswith(f"{pregunta['respuestas']['muy satisfecho']} (")


# --- el expediente hecho a mano ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def a_mano(tmp_path_factory):
    carga = validar_expediente(expediente_a_mano())
    salida = tmp_path_factory.mktemp("a-mano")
    # sus datos llegan a agosto: la fecha de corte da el año por cerrado (ver tests/test_periodos.py)
    resumen = formatos.generar(carga.expediente, salida, formatos=["informe-final-ap", "informe-trimestral-ap", "informe-mensual"],
                               corte=date(2026, 12, 31))
    assert resumen.fallidos == []
    return {r.ruta.name: r.ruta for r in resumen.resultados}


def test_informe_final_a_mano_tiene_las_cifras_calculadas_a_mano(a_mano):
    ruta = next(r for n, r in a_mano.items() if n == "2026 Informe final del acompañamiento pedagógico Acompañante Pedro.docx")
    filas = tabla(ruta, ["Docente", "Desempeño", "Línea de base", "Inicio", "Término", "Tendencia"])
    d19 = [f for f in filas if f[1] == "D19"]
    assert [f[2:] for f in d19] == [
        ["II", "II", "IV", "sube 2 niveles"],   # Ana
        ["III", "III", "II", "baja 1 nivel"],    # Beto
        ["II", "II", "III", "sube 1 nivel"],     # Carla
        ["—", "—", "—", "sin valoración"],       # Dora
    ]
    tendencias = tabla(ruta, ["Desempeño", "Sube", "Se mantiene", "Baja", "Sin valoración"])
    assert tendencias[0][1:] == ["2", "0", "1", "1"] and tendencias[2][1:] == ["0", "3", "0", "1"]
    inicio_fin = tabla(ruta, ["Desempeño", "Al inicio", "Al término", "Variación", "Docentes valorados"])
    assert inicio_fin[0][1:] == ["1", "2", "+1", "3"]


def test_mensual_a_mano_sin_valoracion_no_es_cero(a_mano):
    ruta = next(r for n, r in a_mano.items() if n.startswith("2026-06"))
    filas = tabla(ruta, ["Desempeño", "Nivel I", "Nivel II", "Nivel III", "Nivel IV", "Sin valoración"])
    assert filas[0][1:] == ["0", "0", "2", "0", "2"]
    texto = texto_docx(ruta)
    assert "Sin valoración en junio de 2026." in texto  # Carla y Dora
    assert "Presentó el diagnóstico de su I. E." in texto  # la directora, solo con evidencias
    metas = tabla(ruta, ["Meta física", "Unidad", "Programado", "Ejecutado", "Avance"])
    assert metas[0][2:] == ["4", "2", "50%"]  # junio: 4 docentes programados, visitados Ana y Beto
    assert metas[-1][2:] == ["0", "0", "no programado"]


def test_trimestral_a_mano(a_mano):
    ruta = next(r for n, r in a_mano.items() if n.startswith("2026 T1"))
    filas = tabla(ruta, ["Docente", "Desempeño", "Línea de base", "Inicio", "Término", "Tendencia"])
    d19 = [f[2:] for f in filas if f[1] == "D19"]
    assert d19 == [["II", "II", "III", "sube 1 nivel"], ["III", "III", "III", "se mantiene"],
                   ["II", "II", "II", "se mantiene"], ["—", "—", "—", "sin valoración"]]
    metas = tabla(ruta, ["Docente", "Desempeño", "Meta", "Nivel alcanzado", "Estado"])
    assert metas == [["Ana Alfa", "D19", "III", "III", "lograda"], ["", "D25", "II", "I", "no lograda"],
                     ["Carla Gamma", "D19", "III", "II", "no lograda"]]
    assert "1 de 3 metas del I trimestre logradas." in texto_docx(ruta)


def test_mismos_datos_mismos_bytes(tmp_path, carga_ejemplo):
    primero = formatos.generar(carga_ejemplo.expediente, tmp_path / "a", formatos=["informe-final-ugel"])
    segundo = formatos.generar(carga_ejemplo.expediente, tmp_path / "b", formatos=["informe-final-ugel"])
    assert primero.resultados[0].ruta.read_bytes() == segundo.resultados[0].ruta.read_bytes()


@pytest.mark.libreoffice
def test_cada_informe_se_convierte_a_pdf(demo, tmp_path):
    elegidos = [generados(demo, f)[0] for f in INFORMES]
    copias = []
    for i, ruta in enumerate(elegidos):
        copia = tmp_path / f"informe{i}.docx"
        copia.write_bytes(ruta.read_bytes())
        copias.append(copia)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/perfil", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), *map(str, copias)], check=True, capture_output=True, timeout=300)
    for copia in copias:
        pdf = copia.with_suffix(".pdf")
        assert pdf.exists(), copia.name
        texto = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Atentamente," in texto and "N.°" in texto


def test_registros_malos_de_informes_con_mensaje_y_sin_costo(datos_ejemplo, tmp_path):
    import copy

    datos = copy.deepcopy(datos_ejemplo)
    datos["buenas_practicas"][0]["clasificacion"] = "invento"
    datos["sucesos"][1]["fecha"] = "15/01/2026"
    datos["narrativas"][0]["periodo"] = "2026-13"
    sin_cuarto = next(i for i, x in enumerate(datos["diagnosticos_docente"]) if "grado_evaluado" in x
                      and 4 not in next(d for d in datos["docentes"] if d["dni"] == x["dni_docente"])["grados"])
    datos["diagnosticos_docente"][sin_cuarto]["grado_evaluado"] = 4
    carga = validar_expediente(datos)
    mensajes = "\n".join(str(p) for p in carga.errores)
    assert "buenas_practicas[0].clasificacion" in mensajes
    assert "sucesos[1].fecha: 15/01/2026 está fuera del año escolar 2026" in mensajes
    assert "narrativas[0].periodo" in mensajes and "2026-13" in mensajes
    assert f"diagnosticos_docente[{sin_cuarto}].grado_evaluado" in mensajes and "4.° grado" in mensajes
    assert len(carga.errores) == 4
    assert len(carga.expediente.buenas_practicas) == len(datos["buenas_practicas"]) - 1
    resumen = formatos.generar(carga.expediente, tmp_path, formatos=["reporte-buenas-practicas", "informe-diagnostico-ap"])
    assert resumen.fallidos == [] and len(resumen.resultados) == 8
