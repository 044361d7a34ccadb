"""Lo que el manual pide que digan los documentos (issue 13): directores (MBDDI), estudiantes al inicio y al término
del año, resultados del taller, contenido completo de los planes, castellano de oficina y esquema JSON con tildes.

Cada prueba abre los documentos de la demo (o genera uno con datos cambiados) y compara con el ejemplo."""

from __future__ import annotations

import copy
import re

import pytest
from docx import Document

import formatos
from formatos.catalogo import catalogo
from formatos.esquema import esquema_json
from formatos.modelos.expediente import Expediente, validar_expediente
from formatos.numeros import numero, ordinal, porcentaje, soles
from formatos.registro import FORMATOS
from tests.conftest import texto_docx


def _rutas(demo, formato, registro=""):
    return sorted(r.ruta for r in demo.resultados if r.formato == formato and r.estado == "generado"
                  and (not registro or registro in r.registros))


def _tablas(ruta, encabezado0):
    return [[[c.text for c in f.cells] for f in t.rows] for t in Document(str(ruta)).tables
            if t.rows and t.rows[0].cells[0].text == encabezado0]


def _nombre(d: dict) -> str:
    return f"{d['nombres']} {d['apellidos']}"


def _mensajes(datos) -> list[str]:
    return [str(p) for p in validar_expediente(datos).problemas]


def _un_documento(tmp_path, datos, formato, registro=""):
    carga = validar_expediente(datos)
    resumen = formatos.generar(carga.expediente, tmp_path, formatos=[formato])
    assert not resumen.fallidos, resumen.fallidos
    return _rutas(resumen, formato, registro)


# --- 1. el director (MBDDI) ------------------------------------------------------------------------------
def test_catalogo_separa_los_marcos():
    cat = catalogo()
    assert {d.marco for d in cat.desempenos_docente} == {"MBDD"}
    assert {d.marco for d in cat.desempenos_directivo} == {"MBDDI"}
    assert cat.desempeno_directivo("D1").denominacion != cat.desempeno_docente("D1").denominacion
    assert cat.desempeno_directivo("D1").etiqueta == "D1 del directivo (MBDDI)"
    esquema = Expediente.model_json_schema()["$defs"]
    assert esquema["ValorDesempenoDirectivo"]["properties"]["codigo"]["enum"] == ["D1", "D18"]
    diseno = esquema["DisenoGIA"]["properties"]
    assert diseno["desempenos_directivo"]["items"]["enum"] == ["D1", "D18"]
    assert "D18" not in diseno["desempenos"]["items"]["enum"] and "D19" in diseno["desempenos"]["items"]["enum"]


def test_listas_de_excel_de_cada_marco():
    from formatos.entrada.hojas import tablas

    opciones = {(t.seccion, c.ruta[-1]): c.opciones for t in tablas() for c in t.todas if c.clase == "opciones"}
    assert opciones[("valoraciones_directivo", "codigo")] == ("D1", "D18")
    assert opciones[("valoraciones", "codigo")] == catalogo().codigos_docente


def test_gia_con_directores_usa_los_desempenos_del_directivo(demo, datos_ejemplo):
    plan = next(p for p in datos_ejemplo["planes_mensuales"] if any(g["tipo"] == "directores" for g in p["gias"]))
    ap = next(a for a in datos_ejemplo["acompanantes"] if a["dni"] == plan["dni_acompanante"])
    ruta = next(r for r in _rutas(demo, "plan-mensual") if f"{ap['apellidos']} {ap['nombres']}" in str(r)
                and r.name.startswith(f"2026-{plan['mes']:02d}"))
    texto = texto_docx(ruta)
    diseno = texto[texto.index("GIA con directores —"):]
    d18 = catalogo().desempeno_directivo("D18")
    assert f"D18 del directivo (MBDDI): {d18.denominacion}" in diseno
    assert f"D1: {catalogo().desempeno_docente('D1').denominacion}" not in diseno.split("Compromisos y metas")[0]
    # el D1 del docente en un GIA con directores es un error que dice qué marco usar
    datos = copy.deepcopy(datos_ejemplo)
    p = next(p for p in datos["planes_mensuales"] if p["mes"] == plan["mes"] and p["dni_acompanante"] == ap["dni"])
    g = next(g for g in p["gias"] if g["tipo"] == "directores")
    g["desempenos"], g["desempenos_directivo"] = ["D1"], []
    assert any("el GIA con directores atiende desempeños del directivo (MBDDI)" in m for m in _mensajes(datos))


def test_matriz_del_directivo_en_la_visita_diagnostica(demo, datos_ejemplo):
    visitas = {v["id"]: v for v in datos_ejemplo["visitas"]}
    v = next(v for v in datos_ejemplo["valoraciones_directivo"]
             if v.get("id_visita") and visitas[v["id_visita"]]["tipo"] == "diagnóstica")
    [ruta] = _rutas(demo, "matriz-directivo", f"valoraciones_directivo:{v['id']}")
    visita = visitas[v["id_visita"]]
    texto = texto_docx(ruta)
    assert f"Visita diagnóstica del {visita['fecha'][8:]}/{visita['fecha'][5:7]}/2026" in texto
    assert v["desempenos"][0]["evidencias"] in texto and v["desempenos"][1]["necesidades_formativas"] in texto
    # solo en la diagnóstica o la de cierre, del mismo director, y con la visita o el GIA (no ambos)
    asesoria = next(x for x in datos_ejemplo["visitas"] if x["dni_docente"] == v["dni_director"] and x["tipo"] == "asesoría")
    otra = next(x for x in datos_ejemplo["visitas"] if x["dni_docente"] != v["dni_director"] and x["tipo"] == "diagnóstica")
    for cambio, mensaje in (({"id_visita": asesoria["id"]}, "no en la visita de asesoría"),
                            ({"id_visita": otra["id"]}, "es a otro docente"),
                            ({"id_gia": datos_ejemplo["gias"][1]["id"]}, "indique uno de los dos")):
        datos = copy.deepcopy(datos_ejemplo)
        i = next(i for i, x in enumerate(datos["valoraciones_directivo"]) if x["id"] == v["id"])
        datos["valoraciones_directivo"][i].update(cambio)
        assert any(m.startswith(f"valoraciones_directivo[{i}]") and mensaje in m for m in _mensajes(datos)), cambio


@pytest.mark.parametrize("formato", ["informe-diagnostico-ap", "informe-diagnostico-ugel"])
def test_informes_diagnosticos_con_los_directores(demo, datos_ejemplo, formato):
    visitas = {v["id"]: v for v in datos_ejemplo["visitas"]}
    diagnosticas = [v for v in datos_ejemplo["valoraciones_directivo"]
                    if v.get("id_visita") and visitas[v["id_visita"]]["tipo"] == "diagnóstica"]
    directores = [d for d in datos_ejemplo["docentes"] if d["es_director"]]
    sin = [d for d in directores if d["dni"] not in {v["dni_director"] for v in diagnosticas}]
    assert diagnosticas and sin  # el ejemplo muestra los dos casos
    filas, textos = [], ""
    for ruta in _rutas(demo, formato):
        textos += texto_docx(ruta)
        for t in _tablas(ruta, "Director(a) (I. E.)"):
            filas += t[1:]
    assert len(filas) == len(diagnosticas)
    for v in diagnosticas:
        d = next(x for x in directores if x["dni"] == v["dni_director"])
        fila = next(f for f in filas if f[0].startswith(_nombre(d)))
        assert fila[1].endswith("Visita diagnóstica")
        assert fila[2] == "\n".join(f"{x['codigo']} (MBDDI): {x['evidencias']}" for x in v["desempenos"])
        assert fila[3] == "\n".join(f"{x['codigo']} (MBDDI): {x['necesidades_formativas']}" for x in v["desempenos"])
    assert "Sin matriz del directivo en la visita diagnóstica: " in textos and _nombre(sin[0]) in textos


# --- 2. los estudiantes --------------------------------------------------------------------------------
def test_evaluacion_de_fin_de_anio_en_el_mes_de_la_visita_de_cierre(datos_ejemplo):
    base = {d["dni_docente"]: d for d in datos_ejemplo["diagnosticos_docente"]}
    e = next(e for e in datos_ejemplo["evaluaciones_fin_de_anio"] if e["dni_docente"] in base)
    i = datos_ejemplo["evaluaciones_fin_de_anio"].index(e)
    casos = [({"fecha": "2026-10-15"}, "se aplica en el mes de la visita de cierre"),
             ({"grado_evaluado": 2 if e["grado_evaluado"] == 4 else 4}, "")]
    for cambio, mensaje in casos:
        datos = copy.deepcopy(datos_ejemplo)
        datos["evaluaciones_fin_de_anio"][i].update(cambio)
        errores = [m for m in _mensajes(datos) if m.startswith(f"evaluaciones_fin_de_anio[{i}]")]
        assert errores and mensaje in errores[0], (cambio, errores)
    datos = copy.deepcopy(datos_ejemplo)
    datos["visitas"] = [v for v in datos["visitas"] if not (v["dni_docente"] == e["dni_docente"] and v["tipo"] == "cierre")]
    assert any("no tiene visita de cierre registrada" in m for m in _mensajes(datos))


@pytest.mark.parametrize("formato", ["informe-final-ap", "informe-final-ugel"])
def test_informe_final_compara_linea_de_base_y_fin_de_anio(demo, datos_ejemplo, formato):
    base = {d["dni_docente"]: d for d in datos_ejemplo["diagnosticos_docente"] if d.get("grado_evaluado")}
    final = {e["dni_docente"]: e for e in datos_ejemplo["evaluaciones_fin_de_anio"]}
    solo_base = [d for d in datos_ejemplo["docentes"] if d["dni"] in base and d["dni"] not in final]
    solo_fin = [d for d in datos_ejemplo["docentes"] if d["dni"] in final and d["dni"] not in base]
    assert solo_base and solo_fin  # el ejemplo muestra los dos casos
    encabezado = ["Docente, I. E. o total", "Área", "Línea de base", "Fin de año", "Satisfactorio", "Variación", "Observación"]
    for ruta in _rutas(demo, formato):
        filas = next(t for t in _tablas(ruta, encabezado[0]))[1:]
        por_docente = {f[0]: f for f in filas if f[0]}
        for d in datos_ejemplo["docentes"]:
            clave = next((k for k in por_docente if k.startswith(_nombre(d))), None)
            if clave is None:
                continue  # docente de otro AP
            fila = por_docente[clave]
            b, f = base.get(d["dni"]), final.get(d["dni"])
            assert fila[2] == (f"{b['comunicacion']['en_inicio']} / {b['comunicacion']['en_proceso']} / "
                               f"{b['comunicacion']['satisfactorio']}" if b else "—")
            assert fila[3] == (f"{f['comunicacion']['en_inicio']} / {f['comunicacion']['en_proceso']} / "
                               f"{f['comunicacion']['satisfactorio']}" if f else "—")
            esperado = ("Solo línea de base: falta la evaluación de fin de año." if b and not f else
                        "Solo fin de año: no tiene evaluación de línea de base." if f and not b else
                        "" if f and b else fila[6])
            assert fila[6] == esperado, d
        # el total suma solo a los docentes con las dos evaluaciones
        total = _tablas(ruta, "Grupo")[-1][1]
        suyos = {d["dni"] for d in datos_ejemplo["docentes"] if any(k.startswith(_nombre(d)) for k in por_docente)}
        ambos = [x for x in suyos if x in base and x in final]
        inicio = sum(base[x]["comunicacion"]["en_inicio"] for x in ambos)
        satisf = sum(final[x]["comunicacion"]["satisfactorio"] for x in ambos)
        evaluados = sum(sum(final[x]["comunicacion"].values()) for x in ambos)
        assert total[1] == "Comunicación" and total[2].startswith(f"{inicio} / ") and total[3].endswith(f" / {satisf}")
        assert total[4].endswith(porcentaje(100 * satisf / evaluados))
        texto = texto_docx(ruta)
        assert f"{len(ambos)} tienen la evaluación de línea de base y la de fin de año" in texto
        assert "Gráfico: porcentaje de estudiantes en cada nivel de logro" in texto


def test_informe_mensual_con_el_resultado_del_taller(demo, datos_ejemplo):
    taller = datos_ejemplo["talleres"][0]
    mes = taller["fecha_fin"][:7]
    textos = "".join(texto_docx(r) for r in _rutas(demo, "informe-mensual") if r.name.startswith(mes))
    cual = (f"{ordinal(taller['numero'], apocope=True)} taller de actualización docente "
            f"({taller['fecha_inicio'][8:]}/{taller['fecha_inicio'][5:7]}/2026 al {taller['fecha_fin'][8:]}/"
            f"{taller['fecha_fin'][5:7]}/2026)")
    for r in taller["resultados"]:
        assert (f"Resultado en el {cual}: prueba de entrada {numero(r['prueba_entrada'])}/20, prueba de salida "
                f"{numero(r['prueba_salida'])}/20; producto: {r['producto']}") in textos
    faltaron = [d for d in datos_ejemplo["docentes"] if d["dni"] not in taller["asistentes"]]
    assert faltaron and textos.count(f"Resultado en el {cual}: no asistió.") == len(faltaron)
    assert "1.er taller" in cual


# --- 3. el contenido de los planes ---------------------------------------------------------------------------
def test_plan_individual_con_todo_lo_que_pide_el_manual(demo, datos_ejemplo):
    plan = datos_ejemplo["planes_individuales"][0]
    [ruta] = _rutas(demo, "plan-individual", f"planes_individuales:{plan['dni_docente']}")
    texto = texto_docx(ruta)
    assert "IV. METAS DE APRENDIZAJE DE LOS ESTUDIANTES" in texto
    assert all(m in texto for m in plan["metas_estudiantes"])
    [contenidos] = _tablas(ruta, "Aspecto")
    assert [f[1] for f in contenidos[1:]] == [plan[c] for c in ("sesiones_innovadoras", "habilidades_socioemocionales",
                                                                "evaluacion_reforzamiento", "participacion_familia")]


def test_reajuste_posterior_a_la_firma_lleva_su_linea_de_firmas(tmp_path, datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    plan = next(p for p in datos["planes_individuales"] if len(p["reajustes"]) >= 1)
    plan["reajustes"].insert(0, {"fecha": plan["fecha"], "cambio": "Se precisa la meta del I trimestre.",
                                 "motivo": "Acordado al firmar el plan."})
    [ruta] = _un_documento(tmp_path, datos, "plan-individual", f"planes_individuales:{plan['dni_docente']}")
    [tabla] = _tablas(ruta, "Fecha")
    assert tabla[0][3:] == ["Firma del docente", "Firma del AP"]
    docente = next(d for d in datos["docentes"] if d["dni"] == plan["dni_docente"])
    ap = next(a for a in datos["acompanantes"] if a["dni"] == docente["dni_acompanante"])
    assert tabla[1][3:] == ["Firmado con el plan", "Firmado con el plan"]  # el del mismo día de la firma
    for fila in tabla[2:]:
        assert fila[3].endswith(f"_\n{_nombre(docente)}") and fila[4].endswith(f"_\n{_nombre(ap)}")


def test_plan_institucional_con_reajustes(demo, datos_ejemplo):
    con = [p for p in datos_ejemplo["planes_institucionales"] if p.get("reajustes")]
    assert con
    for plan in con:
        [ruta] = _rutas(demo, "plan-institucional", f"planes_institucionales:{plan['codigo_modular']}")
        [tabla] = _tablas(ruta, "Fecha")
        assert tabla[0] == ["Fecha", "Qué se reajustó", "Por qué", "Firma del director(a)", "Firma del AP"]
        assert [f[1] for f in tabla[1:]] == [r["cambio"] for r in plan["reajustes"]]
        director = next(d for d in datos_ejemplo["docentes"] if d["codigo_modular"] == plan["codigo_modular"]
                        and d["es_director"])
        assert tabla[1][3].endswith(_nombre(director))
    sin = next(p for p in datos_ejemplo["planes_institucionales"] if not p.get("reajustes"))
    [ruta] = _rutas(demo, "plan-institucional", f"planes_institucionales:{sin['codigo_modular']}")
    assert "VII. REAJUSTES DEL PLAN\nSin reajustes a la fecha." in texto_docx(ruta)


@pytest.mark.parametrize("formato", ["plan-anual-ap", "plan-anual-ugel"])
def test_tareas_y_productos_comunes_del_equipo_de_ap(demo, datos_ejemplo, formato):
    tareas = datos_ejemplo["planes_anuales_ugel"][0]["tareas_ap"]
    for ruta in _rutas(demo, formato):
        [tabla] = _tablas(ruta, "Tarea")
        assert tabla[1:] == [[t["tarea"], t["producto"], t["plazo"]] for t in tareas]


def test_plan_mensual_visita_de_dos_dias_y_evaluacion(demo, datos_ejemplo):
    plan = next(p for p in datos_ejemplo["planes_mensuales"] if any(v["dias"] == 2 for v in p["visitas"]))
    visita = next(v for v in plan["visitas"] if v["dias"] == 2)
    ap = next(a for a in datos_ejemplo["acompanantes"] if a["dni"] == plan["dni_acompanante"])
    ruta = next(r for r in _rutas(demo, "plan-mensual") if f"{ap['apellidos']} {ap['nombres']}" in str(r)
                and r.name.startswith(f"2026-{plan['mes']:02d}"))
    texto = texto_docx(ruta)
    assert "1.er día: secuencia metodológica" in texto and "2.° día: secuencia metodológica" in texto
    momentos = [[f[1] for f in t[1:]] for t in _tablas(ruta, "Momento")]
    assert [m["actividad"] for m in visita["secuencia"]] in momentos
    assert [m["actividad"] for m in visita["secuencia_segundo_dia"]] in momentos
    assert "Evaluación de los aprendizajes por desempeños\n" + visita["evaluacion"] in texto
    # la visita de dos días sin la secuencia del 2.° día es un error
    datos = copy.deepcopy(datos_ejemplo)
    i = datos["planes_mensuales"].index(plan)
    j = plan["visitas"].index(visita)
    del datos["planes_mensuales"][i]["visitas"][j]["secuencia_segundo_dia"]
    assert any(m.startswith(f"planes_mensuales[{i}].visitas[{j}]") and "falta secuencia_segundo_dia" in m
               for m in _mensajes(datos))


def test_reporte_de_buenas_practicas_por_ie_al_cierre(demo, datos_ejemplo):
    rutas = _rutas(demo, "reporte-buenas-practicas-ie")
    assert len(rutas) == len(datos_ejemplo["instituciones"])
    ie_de = {d["dni"]: d["codigo_modular"] for d in datos_ejemplo["docentes"]}
    for ie in datos_ejemplo["instituciones"]:
        [ruta] = _rutas(demo, "reporte-buenas-practicas-ie", f"instituciones:{ie['codigo_modular']}")
        texto = texto_docx(ruta)
        propias = [b for b in datos_ejemplo["buenas_practicas"] if ie_de[b["dni_docente"]] == ie["codigo_modular"]]
        for b in propias:
            assert b["titulo"] in texto and b["aporte"] in texto
        if not propias:
            assert "En el año no se identificaron actividades innovadoras ni buenas prácticas en la I. E." in texto
        balance = next(b for b in datos_ejemplo["balances_cierre"] if b["codigo_modular"] == ie["codigo_modular"])
        f = balance["fecha"]
        assert f"reunión de balance de cierre del {f[8:]}/{f[5:7]}/{f[:4]}" in texto


def test_informe_final_ap_con_acuerdos_y_compromisos_del_balance(demo, datos_ejemplo):
    textos = "".join(texto_docx(r) for r in _rutas(demo, "informe-final-ap"))
    assert "ACUERDOS Y COMPROMISOS DE LA REUNIÓN DE BALANCE DE CIERRE" in textos
    for b in datos_ejemplo["balances_cierre"]:
        for acuerdo in b["acuerdos"]:
            assert acuerdo in textos
        for c in b["compromisos"]:
            assert f"{c['actor']}: {c['compromiso']}" in textos
    assert "Actas de la reunión de balance de cierre con docentes y familias" in textos


# --- 4. castellano de oficina --------------------------------------------------------------------------------
def test_numeros_con_la_convencion_es_pe():
    assert (numero(12600.5), numero(4.0), numero(0.5)) == ("12,600.5", "4", "0.5")
    assert (porcentaje(92.857), porcentaje(50)) == ("92.9%", "50%")
    assert soles(12600) == "S/\u00a012,600.00"
    assert [ordinal(n, apocope=True) for n in (1, 2, 3, 4, 11, 21)] == ["1.er", "2.°", "3.er", "4.°", "11.°", "21.er"]


def test_documentos_sin_numeros_de_otra_convencion(demo):
    """Las cifras que escribe el programa en las tablas (no los textos de los datos): porcentajes «92.9%», sin coma
    decimal ni espacio antes de «%»; soles «S/ 12,600.00» sin partirse."""
    cifra = re.compile(r"[\d.,]+ ?%|\d+ \([\d.,]+ ?%\)|S/\s?[\d.,]+|[\d.,]+ h|[\d.,]+ / [\d.,]+")
    vistas = 0
    for formato in ("informe-taller", "informe-final-ugel", "plan-anual-ugel", "informe-trimestral-ap", "plan-mensual"):
        for ruta in _rutas(demo, formato)[:2]:
            for tabla in Document(str(ruta)).tables:
                for fila in tabla.rows:
                    for celda in fila.cells:
                        if cifra.fullmatch(celda.text):  # una cifra que escribió el programa, no un texto de los datos
                            vistas += 1
                            assert " %" not in celda.text and not re.search(r"\d,\d{1,2}\b(?!\d)", celda.text), \
                                (ruta.name, celda.text)
                            assert "S/ " not in celda.text, (ruta.name, celda.text)
    assert vistas > 50


def test_ordinales_y_visitas_en_una_frase(demo):
    taller = texto_docx(_rutas(demo, "informe-taller")[0])
    assert "INFORME DEL 1.er TALLER DE ACTUALIZACIÓN DOCENTE" in taller and "1.° taller" not in taller
    mensual = "".join(texto_docx(r) for r in _rutas(demo, "informe-mensual")[:8])
    assert "(visita de asesoría)" in mensual and "(visita asesoría)" not in mensual
    assert not re.search(r"\(visita (asesoría|cierre|recojo)", mensual)


def test_ejes_de_conteo_desde_cero_con_marcas_enteras():
    from formatos.salida.graficos import _eje_desde_cero, _pyplot

    plt = _pyplot()
    for maximo, enteros in ((0, True), (3, True), (76.3, False)):
        figura, ejes = plt.subplots()
        ejes.bar([0, 1], [0, maximo])
        _eje_desde_cero(ejes, enteros, maximo)
        marcas = [m for m in ejes.get_yticks() if ejes.get_ylim()[0] <= m <= ejes.get_ylim()[1]]
        assert ejes.get_ylim()[0] == 0 and min(marcas) == 0
        if enteros:
            assert all(float(m).is_integer() for m in marcas) and len(marcas) >= 2
        plt.close(figura)


def test_nombre_del_anio_lo_fija_la_ugel(tmp_path, datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    for seccion in ("visitas", "valoraciones", "gias", "valoraciones_directivo"):
        datos[seccion] = []
    datos = {k: v for k, v in datos.items() if k not in ("planes_individuales", "planes_institucionales",
                                                         "planes_anuales_ap", "planes_mensuales", "talleres", "sucesos",
                                                         "buenas_practicas", "narrativas", "numeros_informe",
                                                         "evaluaciones_fin_de_anio", "balances_cierre")}
    datos["anio"] = 2099
    datos["planes_anuales_ugel"][0]["fecha"] = "2099-06-05"
    carga = validar_expediente(datos)
    [aviso] = [p for p in carga.problemas if p.ruta == ("configuracion", "nombre_anio")]
    assert aviso.gravedad == "advertencia" and "falta el nombre oficial del año 2099" in aviso.mensaje
    [ruta] = _un_documento(tmp_path / "sin", datos, "plan-anual-ugel")
    texto = texto_docx(ruta)
    assert "“”" not in texto and texto.startswith("Decenio de la Igualdad")
    datos["configuracion"] = {"nombre_anio": "Año del Centenario de la Educación Rural"}
    assert not [p for p in validar_expediente(datos).problemas if p.ruta == ("configuracion", "nombre_anio")]
    [ruta] = _un_documento(tmp_path / "con", datos, "plan-anual-ugel")
    assert "“Año del Centenario de la Educación Rural”" in texto_docx(ruta)


# --- 5. el esquema JSON ------------------------------------------------------------------------------------
SIN_TILDE = re.compile(r"(?i)\b(\w*(cion|sion)|codigo|numero|anio|acompanante|diagnostico|practicas?|tecnicas?|"
                       r"logistic[ao]s?|graficos?|analisis|categorias|area|dias?|matematica|comunicacion|"
                       r"evaluacion|proposito)\b")


def _titulos(valor, ruta=""):
    if isinstance(valor, dict):
        for k, v in valor.items():
            if k == "title" and isinstance(v, str):
                yield ruta, v
            else:
                yield from _titulos(v, f"{ruta}/{k}")
    elif isinstance(valor, list):
        for v in valor:
            yield from _titulos(v, ruta)


@pytest.mark.parametrize("modelo", [Expediente] + [f.esquema for f in FORMATOS.values()], ids=lambda m: m.__name__)
def test_esquema_con_titulos_con_tildes(modelo):
    esquema = esquema_json(modelo)
    titulos = list(_titulos(esquema))
    assert titulos
    malos = [(r, t) for r, t in titulos if SIN_TILDE.search(t)]
    assert not malos, malos[:10]


def test_esquema_documenta_los_campos_nuevos():
    esquema = esquema_json(Expediente)
    defs = esquema["$defs"]
    assert defs["AccionPlan"]["properties"]["accion"]["title"] == "Acción"
    assert defs["AccionPlan"]["title"] == "Acción plan"
    assert defs["EvaluacionFinDeAnio"]["title"] == "Evaluación fin de año"
    nuevos = {
        "PlanIndividual": ("metas_estudiantes", "sesiones_innovadoras", "habilidades_socioemocionales",
                           "evaluacion_reforzamiento", "participacion_familia"),
        "PlanInstitucional": ("reajustes",), "PlanAnualUGEL": ("tareas_ap",),
        "DisenoVisita": ("secuencia_segundo_dia", "desempenos_directivo", "evaluacion"),
        "ValoracionDirectivo": ("id_visita", "id_gia"), "Taller": ("resultados", "puntaje_maximo"),
        "ResultadoTaller": ("prueba_entrada", "prueba_salida", "producto"),
        "EvaluacionFinDeAnio": ("fecha", "grado_evaluado"),
        "BalanceCierre": ("asistentes_docentes", "asistentes_familias", "otros_asistentes", "logros"),
    }
    for modelo, campos in nuevos.items():
        for campo in campos:
            propiedad = defs[modelo]["properties"][campo]
            assert propiedad.get("description") and propiedad.get("title"), (modelo, campo)
    assert esquema["properties"]["evaluaciones_fin_de_anio"]["description"]
    assert esquema["properties"]["balances_cierre"]["description"]
    for definicion in defs.values():  # todo modelo con título legible, sin nombres pegados («PlanIndividual»)
        assert not re.search(r"[a-z][A-Z]", definicion["title"]), definicion["title"]
