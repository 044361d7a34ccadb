"""Los cinco planes generados: se abren y se revisa su contenido contra el ejemplo; los rechazos del esquema."""

from __future__ import annotations

import copy
import subprocess

import pytest
from docx import Document

import formatos
from formatos.analisis.protocolo import MESES
from formatos.catalogo import catalogo
from formatos.modelos.expediente import validar_expediente
from formatos.registro import FORMATOS
from formatos.salida.filtros import grados
from tests.conftest import etiquetas_sin_render, texto_docx, sin_las_del_ejemplo

PLANES = ("plan-individual", "plan-institucional", "plan-anual-ugel", "plan-anual-ap", "plan-mensual")
ROMANOS = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _ruta(demo, formato, registro):
    return next(r.ruta for r in demo.resultados if r.formato == formato and registro in r.registros)


def _tablas(ruta, primera_celda):
    """Las tablas del documento cuya primera celda es `primera_celda`, como listas de filas de textos."""
    return [[[c.text for c in f.cells] for f in t.rows] for t in Document(str(ruta)).tables
            if t.rows[0].cells[0].text == primera_celda]


def _firmas(ruta):
    return [c.text for c in Document(str(ruta)).tables[-1].rows[0].cells]


def _nombre(p):
    return f"{p.apellidos.upper()}, {p.nombres}"


def test_cinco_planes_para_todos_sin_fallos(demo, carga_ejemplo):
    exp = carga_ejemplo.expediente
    cuenta = {f: sum(r.formato == f for r in demo.resultados) for f in PLANES}
    assert cuenta == {"plan-individual": len(exp.docentes), "plan-institucional": len(exp.instituciones),
                      "plan-anual-ugel": 1, "plan-anual-ap": len(exp.acompanantes),
                      "plan-mensual": len(exp.acompanantes) * 8}
    assert {p.dni_docente for p in exp.planes_individuales} == {d.dni for d in exp.docentes}
    assert {p.codigo_modular for p in exp.planes_institucionales} == {i.codigo_modular for i in exp.instituciones}
    assert demo.fallidos == [] and demo.reporte_errores is None
    assert sin_las_del_ejemplo(carga_ejemplo.problemas) == []
    for r in demo.resultados:
        if r.formato in PLANES:
            assert etiquetas_sin_render(r.ruta) == [], r.ruta


def test_agrupacion_de_cada_plan(carga_ejemplo):
    exp = carga_ejemplo.expediente
    claves = {f: {tuple(sorted(d.agrupacion)) for d in FORMATOS[f].documentos(exp)} for f in PLANES}
    assert claves == {
        "plan-individual": {("acompanante", "docente", "institucion", "mes")},
        "plan-institucional": {("acompanante", "institucion", "mes")},
        "plan-anual-ugel": {()},
        "plan-anual-ap": {("acompanante",)},
        "plan-mensual": {("acompanante", "mes")},
    }
    julio = [d for d in FORMATOS["plan-mensual"].documentos(exp) if d.agrupacion["mes"] == "2026-07"]
    assert sorted(d.agrupacion["acompanante"] for d in julio) == sorted(a.dni for a in exp.acompanantes)


def test_plan_individual_contenido(demo, carga_ejemplo):
    exp = carga_ejemplo.expediente
    plan = next(p for p in exp.planes_individuales if any(d.justificacion for d in p.desempenos))
    docente = exp.docente(plan.dni_docente)
    ap = exp.acompanante(docente.dni_acompanante)
    ie = exp.institucion(docente.codigo_modular)
    ruta = _ruta(demo, "plan-individual", f"planes_individuales:{docente.dni}")
    assert ap.apellidos in ruta.parent.name and docente.apellidos in ruta.name
    texto = texto_docx(ruta)
    assert "PLAN INDIVIDUAL DE ACOMPAÑAMIENTO PEDAGÓGICO" in texto
    assert "“Año de la Esperanza y el Fortalecimiento de la Democracia”" in texto
    for necesidad in plan.necesidades_formacion:
        assert necesidad in texto

    [cabecera] = _tablas(ruta, "Docente acompañado")
    assert cabecera[0][1] == _nombre(docente) and cabecera[0][3] == docente.dni
    assert ie.codigo_modular in cabecera[1][1] and cabecera[2][3] == grados(docente.grados)
    assert cabecera[3][1] == _nombre(ap)

    [filas] = _tablas(ruta, "Desempeño priorizado")
    assert len(filas) == 1 + len(plan.desempenos)
    for i, (fila, d) in enumerate(zip(filas[1:], plan.desempenos), start=1):
        assert fila[0] == f"{i}. {catalogo().desempeno_docente(d.codigo).denominacion} ({d.codigo})"
        assert fila[1] == f"{d.nivel_diagnostico}\n{exp.etiqueta_nivel(d.nivel_diagnostico)}"
        lineas = fila[2].split("\n")
        assert lineas[:len(d.metas)] == [f"{ROMANOS[t]} trim.: nivel {n}" for t, n in d.metas.items()]
        assert (f"Justificación: {d.justificacion}" in fila[2]) == bool(d.justificacion)
        assert fila[3] == d.estrategias and fila[4] == d.compromisos
    # El ejemplo tiene una meta por debajo del diagnóstico, explicada.
    bajo = next(d for d in plan.desempenos if d.justificacion)
    assert min(bajo.metas.values()) < bajo.nivel_diagnostico

    firmas = _firmas(ruta)
    assert f"{docente.nombres} {docente.apellidos}" in firmas[0] and "Docente acompañado" in firmas[0]
    assert f"{ap.nombres} {ap.apellidos}" in firmas[1] and f"DNI N.° {ap.dni}" in firmas[1]
    assert f"San Marcos, {plan.fecha.day} de mayo de 2026" in texto


def test_plan_individual_reajustes(demo, carga_ejemplo):
    exp = carga_ejemplo.expediente
    con = next(p for p in exp.planes_individuales if len(p.reajustes) >= 1)
    sin = next(p for p in exp.planes_individuales if not p.reajustes)
    [tabla] = _tablas(_ruta(demo, "plan-individual", f"planes_individuales:{con.dni_docente}"), "Fecha")
    assert [f[:3] for f in tabla[1:]] == [[f"{r.fecha:%d/%m/%Y}", r.cambio, r.motivo] for r in con.reajustes]
    ruta_sin = _ruta(demo, "plan-individual", f"planes_individuales:{sin.dni_docente}")
    assert _tablas(ruta_sin, "Fecha") == [] and "Sin reajustes a la fecha." in texto_docx(ruta_sin)


def test_plan_institucional_contenido(demo, carga_ejemplo):
    exp = carga_ejemplo.expediente
    plan = next(p for p in exp.planes_institucionales if p.codigo_modular == "0687203")
    docentes = [d for d in exp.docentes if d.codigo_modular == plan.codigo_modular]
    director = next(d for d in docentes if d.es_director)
    ap = exp.acompanante(director.dni_acompanante)
    ruta = _ruta(demo, "plan-institucional", "planes_institucionales:0687203")
    texto = texto_docx(ruta)
    [lista] = _tablas(ruta, "Apellidos y nombres")
    assert lista[1] == [_nombre(director), director.dni, grados(director.grados), director.condicion.capitalize(),
                        "Director(a) y docente"]
    assert sorted(f[0] for f in lista[2:]) == sorted(_nombre(d) for d in docentes if not d.es_director)
    [desempenos] = _tablas(ruta, "Código")
    assert [f[0] for f in desempenos[1:]] == plan.desempenos
    for texto_plan in [*plan.metas, *plan.compromisos]:
        assert texto_plan in texto
    [acciones] = _tablas(ruta, "Acción")
    assert acciones[1:] == [[a.accion, a.responsables, a.plazo] for a in plan.acciones]
    assert "se incorpora al Plan Anual de Trabajo (PAT)" in texto
    firmas = _firmas(ruta)
    assert f"{director.nombres} {director.apellidos}" in firmas[0] and "Director(a) de la I. E." in firmas[0]
    assert f"{ap.nombres} {ap.apellidos}" in firmas[1]


def test_plan_anual_ugel_cronograma_y_metas(demo, carga_ejemplo):
    exp = carga_ejemplo.expediente
    plan = exp.planes_anuales_ugel[0]
    ruta = _ruta(demo, "plan-anual-ugel", "planes_anuales_ugel:0")
    texto = texto_docx(ruta)
    assert "PLAN ANUAL DE ACOMPAÑAMIENTO PEDAGÓGICO 2026" in texto
    for objetivo in plan.objetivos:
        assert objetivo in texto

    [cronograma] = _tablas(ruta, "Actividad")
    assert cronograma[0] == ["Actividad", "Abr.", "May.", "Jun.", "Jul.", "Ago.", "Set.", "Oct.", "Nov.", "Dic."]
    filas = {f[0]: f[1:] for f in cronograma[1:]}
    prot = {m.mes: m for m in exp.protocolo.meses}
    assert filas["Visita en aula con asesoría personalizada"] == [prot[m].visita for m in range(4, 13)]
    assert filas["Visita en aula con asesoría personalizada"][0] == "Visita de 1 día con aplicación de evaluación a estudiantes"
    assert filas["GIA con docentes (mín. 4 h)"] == ["", "X", "X", "X", "X", "X", "X", "", ""]
    assert filas["GIA con directores (mín. 2 h)"] == ["", "", "X", "", "", "X", "", "", ""]
    assert filas["Taller de actualización docente"] == ["", "X", "", "X", "", "", "", "", ""]
    propia = plan.actividades[2]
    assert filas[f"{propia.actividad} (responsable: {propia.responsable})"] == [
        "X" if m in propia.meses else "" for m in range(4, 13)]

    [metas] = _tablas(ruta, "Desempeño priorizado")
    assert len(metas) == 1 + len(plan.metas_trimestrales)
    for fila, m in zip(metas[1:], plan.metas_trimestrales):
        assert fila[0].endswith(f"({m.codigo})") and fila[1] == f"{m.nivel} o más"
        assert fila[2].split("\n") == [f"{ROMANOS[t]} trim.: {p}%" for t, p in m.porcentajes.items()]
    [atencion] = _tablas(ruta, "Meta")
    assert ["Visitas en aula con asesoría personalizada", f"{len(exp.docentes) * 8} (8 por docente)"] in atencion
    assert "Presupuesto total: S/\u00a034,860.00" in texto  # es_PE: espacio que no se parte
    jefe = exp.ugel.jefe_agp
    assert f"{jefe.nombres} {jefe.apellidos}" in _firmas(ruta)[0] and jefe.cargo in _firmas(ruta)[0]


def test_protocolo_propio_cambia_el_cronograma(tmp_path, datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["protocolo"] = {
        "trimestres": {"1": [4, 5, 6, 7], "2": [8, 9, 10, 11, 12]},
        "talleres_por_anio": 1,
        "meses": [{"mes": 8, "visita": "Visita de asesoría", "dias_visita": 1, "taller": True}],
    }
    for k in [k for k in datos if k.startswith("planes_") and k != "planes_anuales_ugel"]:
        del datos[k]
    carga = validar_expediente(datos)
    assert carga.errores == []
    resumen = formatos.generar(carga.expediente, tmp_path, formatos=["plan-anual-ugel"])
    [cronograma] = _tablas(resumen.resultados[0].ruta, "Actividad")
    filas = {f[0]: f[1:] for f in cronograma[1:]}
    assert filas["Visita en aula con asesoría personalizada"] == ["", "", "", "", "Visita de asesoría", "", "", "", ""]
    assert filas["Taller de actualización docente"] == ["", "", "", "", "X", "", "", "", ""]
    assert "I trimestre (abril a julio); II trimestre (agosto a diciembre)" in texto_docx(resumen.resultados[0].ruta)


def test_plan_anual_ap_metas_por_docente_y_ruta(demo, carga_ejemplo):
    exp = carga_ejemplo.expediente
    plan = exp.planes_anuales_ap[0]
    ap = exp.acompanante(plan.dni_acompanante)
    suyos = exp.docentes_de(ap.dni)
    individuales = exp.indice("planes_individuales")
    ruta = _ruta(demo, "plan-anual-ap", f"planes_anuales_ap:{ap.dni}")

    metas = next(t for t in _tablas(ruta, "Docente") if t[0][2] == "Desempeño priorizado")
    esperadas = [(_nombre(d), d2.codigo, d2.nivel_diagnostico,
                  [f"{ROMANOS[t]} trim.: nivel {n}" for t, n in d2.metas.items()])
                 for d in suyos for d2 in individuales[d.dni].desempenos]
    assert [(f[0], f[2].rsplit("(", 1)[1].rstrip(")"), f[3], f[4].split("\n")) for f in metas[1:]] == esperadas

    [paradas] = _tablas(ruta, "N.°")
    assert [f[2] for f in paradas[1:]] == [t.codigo_modular for t in plan.ruta]
    assert paradas[1][4:] == [f"{plan.ruta[0].distancia_km:g} km", plan.ruta[0].tiempo, plan.ruta[0].medio]

    visitas = next(t for t in _tablas(ruta, "Docente") if t[0][1] == "Cargo")
    director = next(d for d in suyos if d.es_director)
    assert [_nombre(director), "Docente y director(a)", "2 h + 2 h + 3 h = 7 h", plan.grupos_gia[0].nombre] in visitas
    firmas = _firmas(ruta)
    assert f"{ap.nombres} {ap.apellidos}" in firmas[0] and exp.ugel.jefe_agp.apellidos in firmas[1]


def test_plan_mensual_disenos_del_mes(demo, carga_ejemplo):
    exp = carga_ejemplo.expediente
    plan = next(p for p in exp.planes_mensuales if p.mes == 7 and p.dni_acompanante == exp.acompanantes[0].dni)
    suyos = exp.docentes_de(plan.dni_acompanante)
    ruta = _ruta(demo, "plan-mensual", f"planes_mensuales:{plan.periodo}")
    assert ruta.name == "2026-07 julio.docx"
    texto = texto_docx(ruta)
    assert "Mes de julio de 2026" in texto

    [metas] = _tablas(ruta, "Actividad")
    assert metas[1] == ["Visitas en aula con asesoría personalizada", str(len(suyos)), f"{len(suyos)} (1 por docente, 1 día)"]
    assert metas[5] == ["Taller de actualización docente", "1", "1"]

    datos = _tablas(ruta, "Fecha y duración")
    secuencias = _tablas(ruta, "Momento")
    assert len(datos) == len(secuencias) == len(plan.visitas) + len(plan.gias) + len(plan.talleres)
    for tabla, secuencia, v in zip(datos, secuencias, plan.visitas):
        docente = exp.docente(v.dni_docente)
        assert tabla[0][1].startswith(f"{v.fecha:%d/%m/%Y}, 1 día; 2 h de observación")
        assert tabla[0][1].endswith(f"{v.horas_asesoria:g} h de asesoría")
        assert tabla[1][1].split("\n")[0].startswith(f"{v.desempenos[0]}: ")
        assert [f[1] for f in tabla[2:]] == [v.necesidades, v.proposito, v.productos, v.tecnicas, v.materiales,
                                             v.evaluacion, v.compromisos]
        assert [f[1] for f in secuencia[1:]] == [m.actividad for m in v.secuencia]
        assert f"Visita en aula a {_nombre(docente)}" in texto
    taller = secuencias[-1]
    assert taller[1] == ["Día 1", plan.talleres[0].secuencia[0].actividad, "8 h"]
    assert "Duración de la secuencia: 48 h." in texto
    firmas = _firmas(ruta)
    assert exp.acompanantes[0].apellidos in firmas[0] and exp.ugel.jefe_agp.apellidos in firmas[1]


def test_plan_mensual_sin_taller_lo_dice(demo, carga_ejemplo):
    exp = carga_ejemplo.expediente
    plan = next(p for p in exp.planes_mensuales if p.mes == 4)
    texto = texto_docx(_ruta(demo, "plan-mensual", f"planes_mensuales:{plan.periodo}"))
    assert texto.count("No se programan en este mes.") == 2  # ni GIA ni taller en abril
    assert f"Mes de {MESES[3]} de 2026" in texto


# --- rechazos del esquema ---------------------------------------------------------------------------
def _mensajes(carga):
    return [str(p) for p in carga.errores]


def test_rechaza_desempeno_desconocido(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["planes_individuales"][2]["desempenos"][1]["codigo"] = "D99"
    carga = validar_expediente(datos)
    assert any(m.startswith("planes_individuales[2].desempenos[1].codigo: no es un desempeño priorizado del docente")
               and '"D99"' in m for m in _mensajes(carga))
    assert len(carga.expediente.planes_individuales) == len(datos["planes_individuales"]) - 1


def test_rechaza_meta_bajo_el_diagnostico_sin_justificacion(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    i, plan = next((i, p) for i, p in enumerate(datos["planes_individuales"])
                   if any(d.get("justificacion") for d in p["desempenos"]))
    j = next(j for j, d in enumerate(plan["desempenos"]) if d.get("justificacion"))
    plan["desempenos"][j]["justificacion"] = "  "
    d = plan["desempenos"][j]
    carga = validar_expediente(datos)
    assert _mensajes(carga) == [
        f"planes_individuales[{i}].desempenos[{j}]: la meta del trimestre 1 de {d['codigo']} ({d['metas']['1']}) "
        f"está por debajo del nivel del diagnóstico ({d['nivel_diagnostico']}): explique por qué en justificacion"
    ]


def test_rechaza_plan_ap_con_docente_de_otro_ap(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    ajeno = next(d for d in datos["docentes"] if d["dni_acompanante"] != datos["planes_anuales_ap"][0]["dni_acompanante"])
    datos["planes_anuales_ap"][0]["grupos_gia"][0]["dni_docentes"].append(ajeno["dni"])
    carga = validar_expediente(datos)
    assert _mensajes(carga) == [
        f"planes_anuales_ap[0].docentes_citados: {ajeno['nombres']} {ajeno['apellidos']} ({ajeno['dni']}) "
        f"es docente de otro AP ({ajeno['dni_acompanante']})"
    ]
    assert [p.dni_acompanante for p in carga.expediente.planes_anuales_ap] == [datos["planes_anuales_ap"][1]["dni_acompanante"]]


def test_referencias_de_los_planes(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["planes_individuales"][0]["dni_docente"] = "99999999"
    datos["planes_institucionales"][1]["codigo_modular"] = "0000001"
    datos["planes_mensuales"][3]["ruta"][0]["codigo_modular"] = "0000002"
    datos["planes_mensuales"][4]["visitas"][0]["dni_docente"] = "88888888"
    datos["planes_anuales_ap"][1]["dni_acompanante"] = "77777777"
    carga = validar_expediente(datos)
    assert _mensajes(carga) == [
        'planes_individuales[0].dni_docente: "99999999" no existe en docentes',
        'planes_institucionales[1].codigo_modular: "0000001" no existe en instituciones',
        'planes_anuales_ap[1].dni_acompanante: "77777777" no existe en acompanantes',
        'planes_mensuales[3].instituciones_citadas: "0000002" no existe en instituciones',
        'planes_mensuales[4].docentes_citados: "88888888" no existe en docentes',
    ]


def test_un_solo_plan_anual_ugel_y_un_plan_mensual_por_mes(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["planes_anuales_ugel"].append(copy.deepcopy(datos["planes_anuales_ugel"][0]))
    datos["planes_mensuales"].append(copy.deepcopy(datos["planes_mensuales"][0]))
    carga = validar_expediente(datos)
    n = len(datos["planes_mensuales"]) - 1
    assert _mensajes(carga) == [
        f'planes_mensuales[{n}].periodo: "{datos["planes_mensuales"][0]["dni_acompanante"]}/04" está repetido: '
        "ya figura en planes_mensuales[0]",
        "planes_anuales_ugel[1]: el expediente lleva un solo plan anual de la UGEL: este sobra",
    ]


def test_plan_mensual_con_fecha_de_otro_mes(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["planes_mensuales"][1]["visitas"][2]["fecha"] = "2026-08-03"
    assert _mensajes(validar_expediente(datos)) == [
        "planes_mensuales[1]: visitas[2]: la fecha 03/08/2026 no es del mes del plan (5)"
    ]


def test_plan_malo_no_impide_los_demas(tmp_path, datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    del datos["ugel"]["jefe_agp"]
    carga = validar_expediente(datos)
    resumen = formatos.generar(carga.expediente, tmp_path, formatos=["plan-individual", "plan-anual-ugel"])
    assert sum(r.estado == "generado" for r in resumen.resultados) == len(datos["planes_individuales"])
    assert "falta ugel.jefe_agp" in resumen.reporte_errores.read_text("utf-8")


def test_mismos_datos_mismos_bytes(tmp_path, carga_ejemplo):
    exp = carga_ejemplo.expediente
    exp = exp.model_copy(update={"planes_mensuales": exp.planes_mensuales[3:4], "planes_individuales": exp.planes_individuales[:1]})
    a = formatos.generar(exp, tmp_path / "a", formatos=list(PLANES))
    b = formatos.generar(exp, tmp_path / "b", formatos=list(PLANES))
    assert len(a.resultados) == 1 + 7 + 1 + 2 + 1
    for ra, rb in zip(a.resultados, b.resultados):
        assert ra.ruta.read_bytes() == rb.ruta.read_bytes()


@pytest.mark.libreoffice
def test_un_plan_de_cada_tipo_abre_en_libreoffice(demo, tmp_path):
    elegidos = {}
    for r in demo.resultados:
        if r.formato in PLANES:
            elegidos.setdefault(r.formato, r.ruta)
    entradas = []
    for i, formato in enumerate(PLANES):
        copia = tmp_path / f"p{i}.docx"
        copia.write_bytes(elegidos[formato].read_bytes())
        entradas.append(copia)
    perfil = tmp_path / "perfil"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{perfil}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), *map(str, entradas)],
        check=True, capture_output=True, timeout=600,
    )
    titulos = ["PLAN INDIVIDUAL", "PLAN INSTITUCIONAL", "PLAN ANUAL DE ACOMPAÑAMIENTO PEDAGÓGICO 2026",
               "PLAN ANUAL DE ACOMPAÑAMIENTO PEDAGÓGICO DEL AP", "PLAN MENSUAL"]
    for i, titulo in enumerate(titulos):
        pdf = tmp_path / "pdf" / f"p{i}.pdf"
        texto = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert titulo in texto and "DNI N.°" in texto
        paginas = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "Pages:" in paginas


def test_rechazos_entre_registros(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    mensual = datos["planes_mensuales"][2]  # junio del primer AP: tiene GIA con directores
    i = next(i for i, g in enumerate(mensual["gias"]) if g["tipo"] == "directores")
    no_director = next(d for d in datos["docentes"]
                       if d["dni_acompanante"] == mensual["dni_acompanante"] and not d["es_director"])
    mensual["gias"][i]["participantes"].append(no_director["dni"])
    otra_ie = next(d["codigo_modular"] for d in datos["docentes"] if d["dni_acompanante"] != mensual["dni_acompanante"])
    datos["planes_mensuales"][5]["ruta"][0]["codigo_modular"] = otra_ie
    for d in datos["docentes"]:
        if d["codigo_modular"] == datos["planes_institucionales"][0]["codigo_modular"]:
            d["es_director"] = False
    carga = validar_expediente(datos)
    nombre = f"{no_director['nombres']} {no_director['apellidos']}"
    assert f"planes_mensuales[2].gias: gias[{i}]: {nombre} no es director y figura en un GIA con directores" in _mensajes(carga)
    assert f"planes_mensuales[5].instituciones_citadas: la I. E. {otra_ie} no tiene docentes a cargo de este AP" in _mensajes(carga)
    assert ("planes_institucionales[0].codigo_modular: el plan institucional lo firma el director: ningún docente "
            "de la I. E. figura como director") in _mensajes(carga)
    assert len(carga.expediente.planes_mensuales) == len(datos["planes_mensuales"]) - 2
