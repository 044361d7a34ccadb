"""Los instrumentos de campo: salen de lo programado (planes mensuales y protocolo) y se abren para comprobar su
contenido con python-docx."""

from __future__ import annotations

import copy
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from docx import Document

import formatos
from formatos.analisis import programado
from formatos.catalogo import catalogo
from formatos.modelos.expediente import validar_expediente
from formatos.modelos.informes import encuesta
from formatos.registro import FORMATOS
from formatos.rubricas import Rubricas, rubricas
from tests.conftest import etiquetas_sin_render, texto_docx

INSTRUMENTOS = ["cuaderno-campo-visita", "matriz-en-blanco", "rubricas", "seguimiento-compromisos", "ficha-docente",
                "ficha-ie", "ficha-estudiantes", "registro-resultados", "acta-sensibilizacion", "acta-balance-cierre",
                "cuaderno-campo-gia", "registro-asistencia", "cargo-materiales", "encuesta-taller"]
SIN_FECHA = "____ / ____ / ______"


def _generar(exp, salida: Path, formatos_=INSTRUMENTOS) -> dict[str, list[tuple]]:
    """Por formato: (documento, ruta del .docx) en el orden de sus documentos."""
    resumen = formatos.generar(exp, salida, formatos=formatos_, procesos=1)
    assert not resumen.fallidos, resumen.fallidos[:3]
    por_formato: dict[str, list[tuple]] = {}
    for f in formatos_:
        rutas = [r.ruta for r in resumen.resultados if r.formato == f]
        documentos = list(FORMATOS[f].documentos(exp))
        assert len(rutas) == len(documentos)
        por_formato[f] = list(zip(documentos, rutas, strict=True))
    return por_formato


@pytest.fixture(scope="module")
def exp(carga_ejemplo):
    return carga_ejemplo.expediente


@pytest.fixture(scope="module")
def generados(exp, tmp_path_factory):
    return _generar(exp, tmp_path_factory.mktemp("instrumentos"))


def _tabla(ruta: Path, primera_celda: str) -> list[list[str]]:
    """Las filas (de datos) de la primera tabla cuyo encabezado empieza por `primera_celda`."""
    for t in Document(str(ruta)).tables:
        filas = [[c.text for c in fila.cells] for fila in t.rows]
        if filas and filas[0][0] == primera_celda:
            return filas[1:]
    raise AssertionError(f"no hay tabla «{primera_celda}» en {ruta.name}")


def _nombre(d) -> str:
    return f"{d.apellidos.upper()}, {d.nombres}"


# --- todos -------------------------------------------------------------------------------------------------
def test_cada_instrumento_esta_en_la_lista_y_sale_en_el_ejemplo_sin_etiquetas(generados):
    assert set(INSTRUMENTOS) <= set(FORMATOS)
    for formato, pares in generados.items():
        assert pares, f"el ejemplo no tiene documentos de {formato}"
        for _, ruta in pares[:3] + pares[-2:]:
            assert not etiquetas_sin_render(ruta), ruta
            texto = texto_docx(ruta)
            assert "Dirección Regional de Educación Cajamarca" in texto and "UGEL San Marcos" in texto
            assert "Año de la Esperanza y el Fortalecimiento de la Democracia" in texto


def test_un_instrumento_se_prepara_el_mes_anterior_a_su_actividad(generados):
    """Preparatorios: pertenecen al mes anterior al de su actividad (`generar --mes 2026-05` da lo de junio)."""
    for formato, pares in generados.items():
        assert FORMATOS[formato].preparatorio, formato
        for documento, _ in pares:
            g = documento.agrupacion
            assert g["mes"] == FORMATOS[formato].mes_del_lote(documento), (formato, g)
            inicio = documento.periodo.inicio
            assert g["mes"] == programado.mes_de_impresion(inicio.year, inicio.month)
            if g["fecha"]:
                assert g["fecha"][:7] > g["mes"], (formato, g)


# --- lo programado -----------------------------------------------------------------------------------------
def test_visitas_programadas_salen_de_los_planes_mensuales(exp):
    visitas = programado.visitas(exp)
    del_plan = [(v.dni_docente, v.fecha) for p in exp.planes_mensuales for v in p.visitas]
    assert sorted((v.docente, v.fecha) for v in visitas) == sorted(del_plan)
    primeras = Counter(v.docente for v in visitas if v.primera)
    assert primeras == Counter(d.dni for d in exp.docentes)  # una primera visita por docente
    assert {v.mes for v in visitas if v.cierre} == {11}


def test_sin_plan_mensual_las_actividades_salen_del_protocolo_sin_fecha(datos_ejemplo, tmp_path):
    datos = copy.deepcopy(datos_ejemplo)
    ap = datos["acompanantes"][0]["dni"]
    datos["planes_mensuales"] = [p for p in datos["planes_mensuales"] if not (p["dni_acompanante"] == ap and p["mes"] == 6)]
    exp = validar_expediente(datos).expediente
    junio = [v for v in programado.visitas(exp) if v.acompanante == ap and v.mes == 6]
    suyos = [d.dni for d in exp.docentes_de(ap)]
    assert sorted(v.docente for v in junio) == sorted(suyos)
    assert all(v.fecha is None and v.dias == exp.protocolo.mes(6).dias_visita for v in junio)
    gias = [g for g in programado.gias(exp) if g.acompanante == ap and g.mes == 6]
    assert [g.tipo for g in gias] == ["docentes", "directores"]
    assert set(gias[1].participantes) == {d.dni for d in exp.docentes_de(ap) if d.es_director}
    pares = _generar(exp, tmp_path, ["cuaderno-campo-visita"])["cuaderno-campo-visita"]
    ruta = next(r for d, r in pares if d.agrupacion["acompanante"] == ap and d.agrupacion["fecha"] == "2026-06")
    assert "(sin fecha)" in ruta.name
    assert f"{SIN_FECHA} y {SIN_FECHA}" in texto_docx(ruta)  # la visita de 2 días de junio, sin fechas


# --- cuaderno de campo y matriz en blanco -------------------------------------------------------------------
def test_cuaderno_de_la_visita_de_dos_dias_tiene_una_hoja_por_dia(exp, generados):
    for v, (documento, ruta) in zip(programado.visitas(exp), generados["cuaderno-campo-visita"], strict=True):
        texto = texto_docx(ruta)
        assert _nombre(exp.docente(v.docente)) in texto
        filas = [f for t in Document(str(ruta)).tables for f in t.rows if re.match(r"(★ )?D\d+\. ", f.cells[0].text)]
        assert len(filas) == 8 * v.dias  # los 8 desempeños, en cada día
        priorizados = {f.cells[0].text.split(".")[0].lstrip("★ ") for f in filas if f.cells[0].text.startswith("★")}
        assert priorizados == set(v.desempenos)
        if v.dias == 2:
            assert "SEGUNDO DÍA" in texto and "último día de observación" in texto
            assert f"{v.fecha:%d/%m/%Y} y {v.segundo_dia:%d/%m/%Y}" in texto
            assert v.segundo_dia.weekday() < 5 and 0 < (v.segundo_dia - v.fecha).days <= 3
        else:
            assert "SEGUNDO DÍA" not in texto


def test_matriz_en_blanco_tiene_cabecera_llena_y_niveles_y_evidencias_vacios(exp, generados):
    for v, (_, ruta) in list(zip(programado.visitas(exp), generados["matriz-en-blanco"], strict=True))[::9]:
        docente = exp.docente(v.docente)
        texto = texto_docx(ruta)
        assert _nombre(docente) in texto and exp.institucion(docente.codigo_modular).nombre in texto
        filas = _tabla(ruta, "Desempeños")
        assert [f[0].split("(")[-1].split(")")[0] for f in filas] == list(catalogo().codigos_docente)
        for f in filas:
            assert f[1].split() == ["☐", "I", "☐", "II", "☐", "III", "☐", "IV"]
            assert f[2] == "" and f[3] == ""  # evidencias y producto, por llenar
        assert f"DNI N.° {docente.dni}" in texto and "____ de ______________ de 2026" in texto
        # la visita con el nombre del catálogo para el tipo del mes en el protocolo: «Visita de asesoría del …»
        tipo = exp.protocolo.mes(v.mes).tipo_visita
        assert f"{catalogo().nombre_visita(tipo).capitalize()} del " in texto


def test_rubricas_traen_los_descriptores_del_archivo_de_datos_con_su_marca(generados):
    _, ruta = generados["rubricas"][0]
    texto = texto_docx(ruta)
    for r in rubricas().rubricas:
        assert f"({r.codigo})" in texto and f"[{r.marca}]" in texto and r.fuente in texto
        for descriptor in r.niveles.values():
            assert descriptor in texto
    assert {r.codigo for r in rubricas().rubricas if r.marca == "supuesto"} == {"D1", "D23", "D4"}


def test_rubricas_validan_el_archivo_de_datos():
    datos = rubricas().model_dump()
    datos["rubricas"] = datos["rubricas"][1:]
    with pytest.raises(ValueError, match="una rúbrica por desempeño docente"):
        Rubricas.model_validate(datos)
    datos = rubricas().model_dump()
    del datos["rubricas"][0]["niveles"]["IV"]
    with pytest.raises(ValueError, match="niveles I, II, III, IV"):
        Rubricas.model_validate(datos)


def test_cuaderno_del_gia_con_directores_pide_d1_y_d18_de_cada_director(exp, generados):
    for g, (_, ruta) in zip(programado.gias(exp), generados["cuaderno-campo-gia"], strict=True):
        texto = texto_docx(ruta)
        filas = _tabla(ruta, "N.°")
        assert sorted(f[1].split("\n")[0] for f in filas) == sorted(_nombre(exp.docente(d)) for d in g.participantes)
        if g.tipo == "directores":
            assert "D18: " in texto and "no se establece nivel de logro" in texto
            assert all(exp.docente(d).es_director for d in g.participantes)
        else:
            assert "D18: " not in texto


# --- fichas, asistencia, cargo, encuesta -------------------------------------------------------------------
def test_fichas_solo_en_la_primera_visita_y_la_del_director_con_su_gestion(exp, generados):
    fichas = generados["ficha-docente"]
    assert sorted(d.agrupacion["docente"] for d, _ in fichas) == sorted(d.dni for d in exp.docentes)
    for documento, ruta in fichas:
        docente = exp.docente(documento.agrupacion["docente"])
        texto = texto_docx(ruta)
        assert _nombre(docente) in texto and docente.dni in texto
        assert ("COMO DIRECTOR(A) DE LA I. E." in texto) == docente.es_director
    assert sorted(d.agrupacion["institucion"] for d, _ in generados["ficha-ie"]) == sorted(i.codigo_modular for i in exp.instituciones)
    for documento, ruta in generados["ficha-ie"]:
        ie = exp.institucion(documento.agrupacion["institucion"])
        suyos = [d for d in exp.docentes if d.codigo_modular == ie.codigo_modular]
        assert sorted(f[1] for f in _tabla(ruta, "N.°")) == sorted(_nombre(d) for d in suyos)
        texto = texto_docx(ruta)
        assert ie.nombre in texto and ie.centro_poblado in texto and ie.codigo_modular in texto
        director = next((d for d in suyos if d.es_director), None)
        assert (f"DNI N.° {director.dni}" in texto) if director else "……" in texto
        assert [f[0] for f in _tabla(ruta, "Grado")] == [f"{g}.°" for g in range(1, 7)]
    sin_diagnostico = 0
    for documento, ruta in generados["ficha-estudiantes"]:
        diagnostico = exp.indice("diagnosticos_docente").get(documento.agrupacion["docente"])
        sin_diagnostico += diagnostico is None
        filas = diagnostico.estudiantes_hombres + diagnostico.estudiantes_mujeres if diagnostico else 15
        assert len(_tabla(ruta, "N.°")) == filas
    assert 0 < sin_diagnostico < len(generados["ficha-estudiantes"])  # el ejemplo muestra los dos casos


def test_asistencia_de_cada_gia_y_de_cada_dia_de_taller_con_sus_participantes(exp, generados):
    pares = generados["registro-asistencia"]
    gias, talleres = programado.gias(exp), programado.talleres(exp)
    assert len(pares) == len(gias) + sum(t.dias for t in talleres)
    for g, (_, ruta) in zip(gias, pares, strict=False):
        filas = _tabla(ruta, "N.°")
        assert sorted(f[2] for f in filas) == sorted(g.participantes)
        assert all(f[5] == f[6] == f[7] == "" for f in filas)  # horas y firma, a mano
    dias = [r for _, r in pares[len(gias):]]
    assert "(día 1 de 6)" in texto_docx(dias[0]) and "(día 6 de 6)" in texto_docx(dias[5])
    # la indicación es la de su actividad: las horas del GIA en el GIA; en el taller, las listas del gestor
    assert "El GIA con docentes dura al menos 4 horas" in texto_docx(pares[0][1])
    assert all("El GIA con docentes dura" not in texto_docx(r) and "(manual, l. 2084-2087)" in texto_docx(r)
               for r in dias)


def test_cargo_de_materiales_con_los_docentes_del_ap_y_los_materiales_del_diseno(exp, generados):
    for t, (_, ruta) in zip(programado.talleres(exp), generados["cargo-materiales"], strict=True):
        assert sorted(f[2] for f in _tabla(ruta, "N.°")) == sorted(t.participantes)
        assert t.materiales in texto_docx(ruta)


def test_la_encuesta_impresa_y_el_informe_del_taller_tienen_las_mismas_preguntas_y_escala(exp, generados, tmp_path):
    preguntas = [p.pregunta for p in encuesta().preguntas]
    escala = [o.capitalize() for o in encuesta().escala]
    for t, (_, ruta) in zip(programado.talleres(exp), generados["encuesta-taller"], strict=True):
        hoja = Document(str(ruta)).tables[1]
        assert [c.text for c in hoja.rows[0].cells][3:] == escala
        hojas = [[f.cells[2].text for f in tabla.rows[1:]] for tabla in Document(str(ruta)).tables
                 if tabla.rows[0].cells[0].text == "N.°"]
        assert hojas == [preguntas] * len(t.participantes)  # una hoja por docente
    informe = _generar(exp, tmp_path, ["informe-taller"])["informe-taller"][0][1]
    tabulada = next(t for t in Document(str(informe)).tables if t.rows[0].cells[0].text == "N.°"
                    and t.rows[0].cells[2].text == "Pregunta")
    assert [c.text for c in tabulada.rows[0].cells][3:] == escala
    assert [f.cells[2].text for f in tabulada.rows[1:]] == preguntas


def test_una_respuesta_a_una_pregunta_que_no_esta_en_la_encuesta_es_un_error(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["talleres"][0]["encuesta"][0]["pregunta"] = "¿Le gustó el almuerzo?"
    carga = validar_expediente(datos)
    assert any("no es una pregunta de la encuesta del taller" in p.mensaje and "Local y ambientes" in p.mensaje
               for p in carga.errores)
    datos["talleres"][0]["encuesta"][0]["pregunta"] = "  ¿local y AMBIENTES del taller?"  # la misma, escrita de otro modo
    assert validar_expediente(datos).errores == []


# --- resultados de los estudiantes, actas, compromisos --------------------------------------------------------
def test_registro_de_resultados_en_la_primera_visita_y_en_la_de_cierre_de_2_o_4_grado(exp, generados):
    pares = generados["registro-resultados"]
    con_2_o_4 = {d.dni for d in exp.docentes if {2, 4} & set(d.grados)}
    por_docente = Counter(d.agrupacion["docente"] for d, _ in pares)
    assert por_docente == Counter({dni: 2 for dni in con_2_o_4})
    for documento, ruta in pares:
        texto = texto_docx(ruta)
        docente = exp.docente(documento.agrupacion["docente"])
        fin = "(fin de año)" in ruta.name
        assert ("Fin de año" if fin else "Línea de base") in texto
        assert documento.agrupacion["fecha"][5:7] == ("11" if fin else "04")
        diagnostico = exp.indice("diagnosticos_docente").get(docente.dni)
        if fin and diagnostico and diagnostico.grado_evaluado:
            assert re.findall(r"☐ \d\.° grado", texto) == [f"☐ {diagnostico.grado_evaluado}.° grado"]
        assert len(_tabla(ruta, "N.°")) == 12
        assert [f[0] for f in _tabla(ruta, "Área")] == ["Comunicación", "Matemática"]


def test_actas_una_por_ie_con_director_y_docentes_y_filas_para_las_familias(exp, generados):
    for formato, mes in (("acta-sensibilizacion", "04"), ("acta-balance-cierre", "11")):
        pares = generados[formato]
        assert sorted(d.agrupacion["institucion"] for d, _ in pares) == sorted(i.codigo_modular for i in exp.instituciones)
        for documento, ruta in pares:
            codigo = documento.agrupacion["institucion"]
            suyos = [d for d in exp.docentes if d.codigo_modular == codigo]
            filas = _tabla(ruta, "N.°")  # compromisos
            asistentes = next(t for t in Document(str(ruta)).tables if t.rows[0].cells[-1].text == "Firma")
            nombres = [f.cells[1].text for f in asistentes.rows[1:]]
            assert sorted(n for n in nombres if n) == sorted(_nombre(d) for d in suyos)
            assert nombres.count("") >= 10
            assert documento.agrupacion["fecha"][5:7] == mes
            assert filas
    cierre = {d.agrupacion["institucion"]: (d, r) for d, r in generados["acta-balance-cierre"]}
    for b in exp.buenas_practicas:
        _, ruta = cierre[exp.docente(b.dni_docente).codigo_modular]
        assert b.titulo in texto_docx(ruta)
    for codigo, (documento, _) in cierre.items():  # la reunión, tras la última visita de cierre de la I. E.
        ultimas = [v.fecha for v in programado.visitas(exp) if v.cierre and exp.docente(v.docente).codigo_modular == codigo]
        assert documento.agrupacion["fecha"] == max(ultimas).isoformat()


def test_seguimiento_de_compromisos_trae_los_del_plan_individual_e_institucional(exp, generados):
    pares = generados["seguimiento-compromisos"]
    assert pares
    for documento, ruta in pares[::7]:
        dni = documento.agrupacion["docente"]
        plan = exp.indice("planes_individuales")[dni]
        assert plan.fecha.isoformat() < documento.agrupacion["fecha"]
        compromisos = [f[1] for f in _tabla(ruta, "N.°") if f[1]]
        for d in plan.desempenos:
            assert d.compromisos in compromisos
        institucional = exp.indice("planes_institucionales").get(exp.docente(dni).codigo_modular)
        if institucional and institucional.fecha.isoformat() < documento.agrupacion["fecha"]:
            assert all(c in compromisos for c in institucional.compromisos)
