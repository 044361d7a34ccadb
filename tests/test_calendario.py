"""El calendario del manual: D1 y D4 al término del mes, lo ejecutado frente al protocolo, los talleres en las
vacaciones y un ejemplo que cuenta un año coherente. Cada regla se prueba mutando el ejemplo."""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path

import pytest

import formatos
from formatos.analisis import metas as am
from formatos.analisis import niveles as an
from formatos.analisis.periodos import Periodo, anual, mes
from formatos.analisis.protocolo import debilidades_protocolo, faltas_ejecutadas
from formatos.catalogo import catalogo, leer_datos
from formatos.modelos.calendario import calendario_de
from formatos.modelos.expediente import validar_expediente
from formatos.modelos.protocolo import protocolo_por_defecto
from tests.conftest import ADVERTENCIAS_EJEMPLO, texto_docx

AP1, AP2 = "41526378", "43098127"
ROSA = "45871236"  # directora unidocente (AP1), I. E. 0523461
YENY = "47120385"  # docente de aula (AP1), I. E. 0687203
EDWIN = "40256981"  # director (AP1), la misma I. E. que Yeny


def _nuevas(datos: dict) -> list[str]:
    """Los problemas de validar los datos, sin las advertencias que el ejemplo ya muestra a propósito.

    Tampoco las fechas de los informes (`numeros_informe`): mover una actividad deja su informe fuera de fecha,
    y eso lo prueba tests/test_periodos.py."""
    carga = validar_expediente(datos)
    return [str(p) for p in carga.problemas
            if str(p) not in ADVERTENCIAS_EJEMPLO and not str(p).startswith("advertencia: numeros_informe")]


def _indice(datos: dict, seccion: str, **campos) -> int:
    return next(i for i, r in enumerate(datos[seccion]) if all(r.get(k) == v for k, v in campos.items()))


def _valoracion(datos: dict, dni: str, mes_: int) -> int:
    ids = {v["id"] for v in datos["visitas"] if v["dni_docente"] == dni and v["fecha"][5:7] == f"{mes_:02d}"}
    return next(i for i, v in enumerate(datos["valoraciones"]) if v["id_visita"] in ids)


@pytest.fixture
def datos(datos_ejemplo) -> dict:
    return copy.deepcopy(datos_ejemplo)


# --- el ejemplo ------------------------------------------------------------------------------------
def test_el_ejemplo_solo_da_las_advertencias_documentadas(carga_ejemplo):
    assert [str(p) for p in carga_ejemplo.problemas] == ADVERTENCIAS_EJEMPLO


def test_el_readme_documenta_cada_advertencia_del_ejemplo():
    raiz = Path(__file__).resolve().parent.parent
    readme = "\n".join(p.read_text("utf-8") for p in [raiz / "README.md", *sorted((raiz / "docs").glob("*.md"))])
    for advertencia in ADVERTENCIAS_EJEMPLO:
        assert advertencia in readme


def test_ninguna_evidencia_se_repite_con_otro_nivel(datos_ejemplo):
    niveles: dict[tuple[str, str], set[str]] = {}
    for v in datos_ejemplo["valoraciones"]:
        for d in v["desempenos"]:
            if d["evidencias"]:
                niveles.setdefault((d["codigo"], d["evidencias"]), set()).add(d["nivel_alcanzado"])
    repetidas = {k: n for k, n in niveles.items() if len(n) > 1}
    assert repetidas == {}
    # y cada desempeño tiene evidencias de más de un nivel (la prueba no pasa por no haber variedad)
    assert all(len({n for (c, _), ns in niveles.items() if c == codigo for n in ns}) >= 3
               for codigo in catalogo().codigos_docente)


def test_los_niveles_evolucionan_de_forma_verosimil(carga_ejemplo):
    """Un paso a la vez; solo baja el docente que el ejemplo muestra a propósito; solo uno se queda sin visita un mes."""
    exp = carga_ejemplo.expediente
    bajan = set()
    for d in exp.docentes:
        notas = an.notas(exp, d.dni)
        for antes, despues in zip(notas, notas[1:]):
            for c in catalogo().codigos_docente:
                pasos = an.NIVELES.index(despues.nivel(c)) - an.NIVELES.index(antes.nivel(c))
                assert abs(pasos) <= 1, (d.nombre_completo, c, antes.fecha, despues.fecha)
                if pasos < 0:
                    bajan.add(d.nombre_completo)
    assert bajan == {"Óscar Aníbal Cueva Peña"}
    sin_visita = [(d.nombre_completo, m) for d in exp.docentes for m in range(4, 12)
                  if not any(v.dni_docente == d.dni and v.fecha.month == m for v in exp.visitas)]
    assert sin_visita == [("Segundo Ermitaño Vásquez Chilón", 9)]


def test_d1_y_d4_citan_solo_lo_ya_ocurrido(carga_ejemplo):
    """Cada fecha que cita una evidencia de D1 o D4 es de un GIA o un taller del docente ya realizado al término
    del mes; las evidencias de la visita no citan nada posterior a la visita."""
    exp = carga_ejemplo.expediente
    citadas = 0
    for v in exp.valoraciones:
        visita = exp.visita(v.id_visita)
        cierre = exp.fecha_termino_mes(v)
        propias = {f for f, _, _ in exp.actividades_del_mes(visita.dni_docente, cierre.year, cierre.month)}
        inicios = {t.fecha_inicio for t in exp.talleres if visita.dni_docente in t.asistentes}
        for d in v.desempenos:
            for dia, mes_ in re.findall(r"\b(\d{2})/(\d{2})\b", d.evidencias):
                fecha = date(exp.anio, int(mes_), int(dia))
                if d.codigo in ("D1", "D4"):
                    assert fecha <= cierre and (fecha in propias or fecha in inicios), (v.id_visita, d.codigo, fecha)
                    citadas += 1
                else:
                    assert fecha <= visita.ultimo_dia, (v.id_visita, d.codigo)
        assert visita.ultimo_dia <= cierre and cierre.month == visita.ultimo_dia.month
    assert citadas > 50


def test_los_sucesos_van_en_la_fecha_de_su_actividad(carga_ejemplo):
    exp = carga_ejemplo.expediente
    for s in exp.sucesos:
        if s.actividad == "GIA":
            assert any(g.dni_acompanante == s.dni_acompanante and g.fecha == s.fecha for g in exp.gias), s.id
            assert f"{s.fecha:%d/%m}" in s.descripcion
        else:
            dias = {d for v in exp.visitas if exp.docente(v.dni_docente).dni_acompanante == s.dni_acompanante
                    for d in (v.fecha, v.fecha_segundo_dia) if d}
            programadas = {v.fecha for p in exp.planes_mensuales if p.dni_acompanante == s.dni_acompanante
                           for v in p.visitas}
            assert s.fecha in dias or ("licencia" in s.descripcion and s.fecha in programadas), s.id
    for b in exp.buenas_practicas:
        assert any(v.dni_docente == b.dni_docente and v.fecha == b.fecha for v in exp.visitas), b.id


def test_los_planes_del_ejemplo_van_en_orden(carga_ejemplo):
    exp = carga_ejemplo.expediente
    ugel = exp.planes_anuales_ugel[0].fecha
    for plan in exp.planes_anuales_ap:
        assert plan.fecha >= ugel
        assert all(p.fecha >= plan.fecha for p in exp.planes_mensuales if p.dni_acompanante == plan.dni_acompanante
                   and p.mes > 5)
        assert all(p.fecha < date(exp.anio, p.mes, 1) for p in exp.planes_mensuales)


def test_un_plan_mensual_antes_del_anual_es_advertencia(datos):
    i = _indice(datos, "planes_mensuales", dni_acompanante=AP1, mes=6)
    datos["planes_mensuales"][i]["fecha"] = "2026-05-20"
    assert _nuevas(datos) == [f"advertencia: planes_mensuales[{i}].fecha: el plan mensual de junio (20/05/2026) es "
                              "anterior al plan anual del AP (28/05/2026), del que deriva"]


# --- D1 y D4 al término del mes ------------------------------------------------------------------------
def test_d1_y_d4_no_antes_del_gia_del_mes(datos):
    i = _valoracion(datos, YENY, 6)
    datos["valoraciones"][i]["fecha_termino_mes"] = "2026-06-26"  # el GIA fue el sábado 27
    assert _nuevas(datos) == [
        f"valoraciones[{i}].fecha_termino_mes: D1 y D4 se valoran al término del mes, con lo recogido en la visita, el GIA "
        "y el taller del mes: el 26/06/2026 es anterior a el GIA con docentes del 27/06/2026 (GIA-D-1-06), al que asistió "
        "el docente"]


def test_d1_y_d4_no_antes_del_taller_del_mes(datos):
    assert ROSA in datos["talleres"][_indice(datos, "talleres", numero=2)]["asistentes"]
    i = _valoracion(datos, ROSA, 7)
    datos["valoraciones"][i]["fecha_termino_mes"] = "2026-07-27"  # el 2.° taller empieza el 30/07
    (error,) = _nuevas(datos)
    assert error.startswith(f"valoraciones[{i}].fecha_termino_mes: ") and "el 2.° taller (30/07 al 05/08/2026)" in error


def test_d1_y_d4_no_antes_del_taller_si_no_asistio(datos):
    """El taller cuenta solo para quien asistió: sin él, D1 y D4 pueden cerrar antes del taller."""
    i = _valoracion(datos, ROSA, 7)
    t = _indice(datos, "talleres", numero=2)
    datos["talleres"][t]["asistentes"].remove(ROSA)
    datos["talleres"][t]["resultados"] = [
        r for r in datos["talleres"][t]["resultados"] if r["dni_docente"] != ROSA
    ]
    datos["valoraciones"][i]["fecha_termino_mes"] = "2026-07-27"
    assert _nuevas(datos) == []


@pytest.mark.parametrize("fecha, mensaje", [
    ("2026-07-01", "D1 y D4 se valoran al término del mes de la visita (06/2026): el 01/07/2026 no es de ese mes"),
    ("2026-06-01", "D1 y D4 se valoran al término del mes, después de la visita: el 01/06/2026 es anterior al"),
])
def test_d1_y_d4_en_el_mes_y_despues_de_la_visita(datos, fecha, mensaje):
    i = _valoracion(datos, YENY, 6)
    datos["valoraciones"][i]["fecha_termino_mes"] = fecha
    (error,) = _nuevas(datos)
    assert error.startswith(f"valoraciones[{i}].fecha_termino_mes: {mensaje}")


def test_sin_fecha_de_termino_de_mes_se_toma_el_ultimo_dia_habil(datos):
    for v in datos["valoraciones"]:
        del v["fecha_termino_mes"]
    carga = validar_expediente(datos)
    assert [str(p) for p in carga.problemas if str(p) not in ADVERTENCIAS_EJEMPLO] == [
        f"advertencia: valoraciones[0].fecha_termino_mes: {len(datos['valoraciones'])} valoración(es) sin la fecha en "
        "que se valoraron D1 y D4 al término del mes: se toma el último día hábil del mes de la visita (o el último GIA "
        "o taller del docente en el mes, si es posterior)"]
    exp = carga.expediente
    por_mes = {exp.visita(v.id_visita).fecha.month: exp.fecha_termino_mes(v) for v in exp.valoraciones
               if exp.visita(v.id_visita).dni_docente == YENY}
    assert por_mes[6] == date(2026, 6, 30)  # martes: último día hábil
    assert por_mes[5] == date(2026, 5, 30)  # el GIA del sábado 30 es posterior al viernes 29
    assert por_mes[11] == date(2026, 11, 30)


def test_los_informes_cuentan_d1_y_d4_desde_el_termino_del_mes(carga_ejemplo):
    """Un periodo que termina antes del cierre de junio cuenta los desempeños de la visita de junio, no su D1 ni D4."""
    exp = carga_ejemplo.expediente
    dnis = [d.dni for d in exp.docentes]
    antes_del_cierre = Periodo("prueba", "1 al 29 de junio", date(2026, 6, 1), date(2026, 6, 29))
    parcial = {d.codigo: d for d in an.distribucion(exp, dnis, antes_del_cierre)}
    assert parcial["D19"].valorados == len(dnis) and parcial["D19"].sin_valoracion == 0
    assert parcial["D1"].valorados == 0 and parcial["D4"].sin_valoracion == len(dnis)
    junio = {d.codigo: d for d in an.distribucion(exp, dnis, mes(2026, 6))}
    assert junio["D1"].valorados == junio["D4"].valorados == len(dnis)
    comparacion = {c.codigo: c for c in an.comparar(exp, YENY, antes_del_cierre)}
    assert comparacion["D1"].tendencia == "sin valoración" and comparacion["D19"].fin is not None


# --- lo ejecutado frente al protocolo -------------------------------------------------------------------
def test_horas_de_asesoria_del_director(datos):
    i = _indice(datos, "visitas", id=f"V-2026-07-{ROSA}")
    datos["visitas"][i]["horas_asesoria"] = 2
    assert _nuevas(datos) == [f"advertencia: visitas[{i}].horas_asesoria: protocolo: horas de asesoría: 2 h; el "
                              "protocolo pide al menos 3 h porque es también director"]


def test_visita_sin_clases(datos):
    i = _indice(datos, "visitas", id=f"V-2026-08-{ROSA}")
    datos["visitas"][i]["fecha"] = "2026-08-06"
    avisos = _nuevas(datos)
    assert (f"advertencia: visitas[{i}].fecha: protocolo: el 06/08/2026 no hay clases (feriado: Batalla de Junín): no "
            "hay sesión que observar") in avisos


def test_visita_de_dos_dias_consecutivos_con_clases(datos):
    i = _indice(datos, "visitas", id=f"V-2026-06-{ROSA}")
    primero = date.fromisoformat(datos["visitas"][i]["fecha"])
    datos["visitas"][i]["fecha_segundo_dia"] = date(2026, 6, 30).isoformat()
    avisos = _nuevas(datos)
    assert any(a.startswith(f"advertencia: visitas[{i}].fecha_segundo_dia: protocolo: la visita de dos días es de dos "
                            f"días consecutivos con clases (manual l. 1704-1707): después del {primero:%d/%m/%Y}")
               for a in avisos), avisos


def test_un_ap_en_dos_instituciones_el_mismo_dia(datos):
    i = _indice(datos, "visitas", id=f"V-2026-08-{ROSA}")
    j = _indice(datos, "visitas", id=f"V-2026-08-{YENY}")
    datos["visitas"][i]["fecha"] = datos["visitas"][j]["fecha"]
    dia = date.fromisoformat(datos["visitas"][j]["fecha"])
    avisos = [a for a in _nuevas(datos) if "estaría en dos II. EE." in a or "de trabajo" in a]
    assert len(avisos) == 2
    assert f"el {dia:%d/%m/%Y} el AP Julián Andrés Ñaupari Cárdenas estaría en dos II. EE.:" in avisos[0]
    assert f"V-2026-08-{ROSA}" in avisos[0] and f"V-2026-08-{YENY}" in avisos[0]
    assert "tendría 13 h de trabajo; en un día caben 8 h" in avisos[1]


def test_dos_visitas_en_la_misma_institucion_no_caben_en_un_dia(datos):
    i = _indice(datos, "visitas", id=f"V-2026-08-{EDWIN}")
    j = _indice(datos, "visitas", id=f"V-2026-08-{YENY}")
    datos["visitas"][i]["fecha"] = datos["visitas"][j]["fecha"]
    avisos = _nuevas(datos)
    assert len(avisos) == 1 and "tendría 13 h de trabajo; en un día caben 8 h" in avisos[0]
    assert "estaría en dos II. EE." not in avisos[0]


def test_la_jornada_es_dato_del_calendario(datos):
    i = _indice(datos, "visitas", id=f"V-2026-08-{EDWIN}")
    j = _indice(datos, "visitas", id=f"V-2026-08-{YENY}")
    datos["visitas"][i]["fecha"] = datos["visitas"][j]["fecha"]
    datos["calendario_escolar"] = {"jornada_horas": 13}
    assert _nuevas(datos) == []


def test_gia_corto_y_sin_todos_los_docentes(datos):
    i = _indice(datos, "gias", id="GIA-D-1-08")
    datos["gias"][i]["horas"] = 3
    datos["gias"][i]["participantes"].remove(YENY)
    assert _nuevas(datos) == [
        f"advertencia: gias[{i}].horas: protocolo: horas: 3 h; el protocolo pide al menos 4 h",
        f"advertencia: gias[{i}].participantes: protocolo: participaron 7 de los 8 docentes del AP; faltó: "
        "Yeny Marisol Tasilla Briones",
    ]


def test_mes_sin_gia_con_docentes(datos):
    datos["gias"].pop(_indice(datos, "gias", id="GIA-D-2-08"))
    (aviso,) = _nuevas(datos)
    assert aviso == ("advertencia: acompanantes[1]: protocolo: GIA con docentes de agosto: no se registró; el protocolo "
                     "pide uno al mes")


def test_gia_con_directores_el_mismo_dia_y_despues(datos):
    i = _indice(datos, "gias", id="GIA-R-1-06")
    datos["gias"][i]["hora_inicio"] = "10:00"
    assert _nuevas(datos) == [
        f"advertencia: gias[{i}].hora_inicio: protocolo: empieza a las 10:00, antes de que termine el GIA con docentes "
        "(12:30): se hace después, «solo se amplía el horario» (manual l. 2026-2028)"]
    datos["gias"][i]["fecha"] = "2026-06-26"
    datos["gias"][i]["hora_inicio"] = None
    assert _nuevas(datos)[0] == (
        f"advertencia: gias[{i}].fecha: protocolo: el GIA con directores se hace el mismo día que el GIA con docentes, "
        "al terminar este (manual l. 2026-2028, 2048-2049): ese día el AP no tiene GIA con docentes")


def test_gia_con_directores_del_anio(datos):
    datos["gias"].pop(_indice(datos, "gias", id="GIA-R-2-06"))
    datos["valoraciones_directivo"] = [v for v in datos["valoraciones_directivo"] if v.get("id_gia") != "GIA-R-2-06"]
    assert _nuevas(datos) == ["advertencia: acompanantes[1]: protocolo: GIA con directores: 1 hasta octubre; el "
                              "protocolo pide 2 hasta ese mes"]


def test_docente_sin_visita_diagnostica(datos):
    i = _indice(datos, "visitas", id=f"V-2026-05-{YENY}")
    datos["visitas"][i]["tipo"] = "asesoría"
    d = _indice(datos, "docentes", dni=YENY)
    assert _nuevas(datos) == [
        f"advertencia: docentes[{d}]: protocolo: no tiene visita diagnóstica: sus niveles no tienen línea de base y su "
        "plan individual no tiene de dónde partir (el cronograma la fija en mayo)"]


def test_un_mes_en_curso_no_se_revisa(datos):
    """Con datos hasta junio, faltar el GIA de junio no se advierte todavía (el mes no ha terminado)."""
    datos["visitas"] = [v for v in datos["visitas"] if v["fecha"] < "2026-06-20"]
    datos["gias"] = [g for g in datos["gias"] if g["fecha"] < "2026-06-20"]
    datos["talleres"] = [t for t in datos["talleres"] if t["fecha_inicio"] < "2026-06-20"]
    ids = {v["id"] for v in datos["visitas"]}
    datos["valoraciones"] = [v for v in datos["valoraciones"] if v["id_visita"] in ids]
    datos["valoraciones_directivo"] = []
    for clave in ("planes_individuales", "buenas_practicas", "sucesos"):
        datos[clave] = []
    assert [a for a in _nuevas(datos) if "protocolo:" in a] == []


def test_la_visita_corta_no_cuenta_como_completa(carga_ejemplo, datos):
    exp = carga_ejemplo.expediente
    metas = am.metas_acompanante(exp, AP2, anual(2026))
    visitas, completas = am.meta(metas, "visitas"), am.meta(metas, "visitas_completas")
    observacion = am.meta(metas, "horas_observacion")
    # 6 docentes × 8 meses con visita, menos la de setiembre; las de abril (recojo) no llevan asesoría
    assert (visitas.programado, visitas.ejecutado) == (48, 47)
    assert (completas.programado, completas.ejecutado) == (42, 40)
    assert (observacion.programado, observacion.ejecutado) == (84, 81.5)
    asesoria = am.meta(metas, "horas_asesoria")
    directores = sum(d.es_director for d in exp.docentes_de(AP2))
    assert asesoria.programado == 7 * (3 * directores + 2 * (6 - directores))
    # Con una asesoría corta más, baja la cuenta de completas y la de horas
    i = _indice(datos, "visitas", id=f"V-2026-07-{ROSA}")
    datos["visitas"][i]["horas_asesoria"] = 1
    otra = validar_expediente(datos).expediente
    metas1 = am.metas_acompanante(otra, AP1, anual(2026))
    antes = am.metas_acompanante(exp, AP1, anual(2026))
    assert am.meta(metas1, "visitas_completas").ejecutado == am.meta(antes, "visitas_completas").ejecutado - 1
    assert am.meta(metas1, "horas_asesoria").ejecutado == am.meta(antes, "horas_asesoria").ejecutado - 2
    assert am.meta(metas1, "visitas").ejecutado == am.meta(antes, "visitas").ejecutado


def test_lo_ejecutado_por_debajo_va_a_los_informes_del_periodo(carga_ejemplo):
    from formatos.documentos import informes_comunes as ic

    exp = carga_ejemplo.expediente
    octubre = ic.faltas_ejecucion(exp, {AP2}, mes(2026, 10))
    assert octubre == [f for f in (x.texto for x in faltas_ejecutadas(exp)) if "V-2026-10-49900112" in f]
    assert octubre[0].startswith("visita V-2026-10-49900112 a Ruth Noemí Aliaga Ñontol (")
    assert ic.faltas_ejecucion(exp, {AP1}, anual(2026)) == []
    assert ic.faltas_ejecucion(exp, {AP2}, mes(2026, 9)) == [
        "Segundo Ermitaño Vásquez Chilón: 0 visita(s) en setiembre; el protocolo pide 1 al mes"]


# --- el protocolo frente al manual ---------------------------------------------------------------------
def test_protocolo_por_debajo_del_manual(datos):
    protocolo = leer_datos("protocolo.toml")
    protocolo["horas_asesoria"] = 1.5
    protocolo["meses"] = [dict(m, gia_docentes=False) if m["mes"] == 8 else m for m in protocolo["meses"]]
    datos["protocolo"] = protocolo
    avisos = _nuevas(datos)
    assert "advertencia: protocolo.horas_asesoria: por debajo del manual: horas de asesoría de la visita: 1.5 h; el " \
           "manual fija al menos 2 h" in avisos
    assert "advertencia: protocolo.meses: por debajo del manual: sin GIA con docentes en agosto; el manual lo pide " \
           "cada mes" in avisos


def test_el_protocolo_del_paquete_no_queda_por_debajo_del_manual():
    assert debilidades_protocolo(protocolo_por_defecto()) == []


def test_el_plan_anual_de_la_ugel_dice_que_el_protocolo_queda_por_debajo(datos, tmp_path):
    from formatos.documentos.plan_anual_ugel import contexto

    datos["protocolo"] = {**leer_datos("protocolo.toml"), "talleres_por_anio": 1, "gia_docentes_horas_minimas": 3}
    exp = validar_expediente(datos).expediente
    assert contexto(exp, exp.planes_anuales_ugel[0]).bajo_el_manual == [
        "Horas del GIA con docentes: 3 h; el manual fija al menos 4 h.",
        "Talleres de actualización docente al año: 1; el manual fija al menos 2."]
    assert contexto(exp.model_copy(update={"protocolo": protocolo_por_defecto()}),
                    exp.planes_anuales_ugel[0]).bajo_el_manual == []
    (plan,) = formatos.generar(exp, tmp_path, formatos=["plan-anual-ugel"]).resultados
    texto = texto_docx(plan.ruta)
    assert ("La UGEL fijó estos mínimos por debajo de los del manual de acompañamiento pedagógico (Minedu, 2019):\n"
            "•\tHoras del GIA con docentes: 3 h; el manual fija al menos 4 h.\n"
            "•\tTalleres de actualización docente al año: 1; el manual fija al menos 2.") in texto


# --- talleres y calendario escolar ---------------------------------------------------------------------
def test_taller_en_dias_de_clases(datos):
    t = _indice(datos, "talleres", numero=2)
    datos["talleres"][t].update(fecha_inicio="2026-10-19", fecha_fin="2026-10-24")
    assert _nuevas(datos) == [
        f"advertencia: talleres[{t}].fecha_inicio: 5 día(s) con clases (19/10, 20/10, 21/10, 22/10, 23/10): el taller no "
        "debe interrumpir las horas lectivas salvo autorización del Minedu, con un plan de recuperación de horas "
        "presentado a la UGEL (manual l. 2062-2065); registre la autorización en «autorizacion»",
        f"advertencia: talleres[{t}].fecha_inicio: el 2.° taller se realiza en las vacaciones de medio año de los "
        "estudiantes (manual l. 2061-2062): del 27/07 al 07/08/2026",
    ]
    datos["talleres"][t]["autorizacion"] = "Oficio N.° 123-2026-MINEDU/VMGP-DIGEIBIRA y plan de recuperación de horas"
    assert len(_nuevas(datos)) == 1


def test_el_primer_taller_es_del_diagnostico(datos):
    t = _indice(datos, "talleres", numero=1)
    datos["talleres"][t].update(fecha_inicio="2026-07-27", fecha_fin="2026-07-31")
    assert _nuevas(datos) == [
        f"advertencia: talleres[{t}].fecha_inicio: el 1.er taller es de la fase de diagnóstico, con la visita diagnóstica "
        "de mayo (manual l. 860, 947, 1390-1400): empieza el 27/07/2026"]


def test_taller_planificado_en_dias_de_clases(datos):
    p = _indice(datos, "planes_mensuales", dni_acompanante=AP1, mes=7)
    datos["planes_mensuales"][p]["talleres"][0]["fecha"] = "2026-07-13"
    avisos = _nuevas(datos)
    assert avisos == [f"advertencia: planes_mensuales[{p}].talleres[0]: 5 día(s) con clases (13/07, 14/07, 15/07, "
                      "16/07, 17/07): el taller no debe interrumpir las horas lectivas salvo autorización del Minedu, "
                      "con un plan de recuperación de horas presentado a la UGEL (manual l. 2062-2065)",
                      f"advertencia: planes_mensuales[{p}].talleres[0]: el 2.° taller se realiza en las vacaciones de "
                      "medio año de los estudiantes (manual l. 2061-2062): del 27/07 al 07/08/2026"]


def test_el_calendario_escolar_es_dato():
    datos = leer_datos("calendario.toml")
    for anio in (2025, 2026):  # la regla por omisión da los calendarios aprobados
        fijo = calendario_de(anio)
        assert [(v.inicio, v.fin) for v in fijo.vacaciones] == [(v["inicio"], v["fin"]) for v in datos["anios"][str(anio)]["vacaciones"]]
    otro = calendario_de(2027)
    assert [(v.inicio.isoformat(), v.fin.isoformat()) for v in otro.vacaciones] == [
        ("2027-05-17", "2027-05-21"), ("2027-07-26", "2027-08-06"), ("2027-10-11", "2027-10-15")]
    assert otro.medio_anio is not None and otro.medio_anio.inicio == date(2027, 7, 26)
    assert (otro.inicio_clases, otro.fin_clases) == (date(2027, 3, 15), date(2027, 12, 17))
    assert otro.sin_clases(date(2027, 3, 25)) == "feriado: Jueves Santo"  # Pascua de 2027: 28 de marzo


def test_el_calendario_del_expediente_corrige_el_del_paquete(datos):
    """Una UGEL con otras vacaciones de medio año: el 2.° taller del ejemplo queda en días de clases."""
    datos["calendario_escolar"] = {"vacaciones": [
        {"nombre": "vacaciones de medio año", "inicio": "2026-07-13", "fin": "2026-07-24", "medio_anio": True}],
        "dias_sin_clases": ["2026-06-24"]}
    exp = validar_expediente(datos).expediente
    assert exp.calendario().sin_clases(date(2026, 6, 24)) == "día sin clases del calendario de la UGEL"
    avisos = _nuevas(datos)
    assert any("talleres[1].fecha_inicio: 5 día(s) con clases (30/07, 31/07, 03/08, 04/08, 05/08)" in a for a in avisos)
    assert any(a.endswith("el 24/06/2026 no hay clases (día sin clases del calendario de la UGEL): no hay sesión que "
                          "observar") for a in avisos)
    assert any("talleres[0].fecha_inicio: 5 día(s) con clases (18/05" in a for a in avisos)
