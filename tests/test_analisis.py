"""El análisis sobre un expediente pequeño hecho a mano, con las respuestas calculadas a mano.

Un AP, una I. E., cuatro docentes (D19 y los demás desempeños llevan el nivel del mes; D25 siempre I):
- A (Ana):   mayo II (diagnóstica) → junio III → julio III → agosto IV   (sube)
- B (Beto):  mayo III (diagnóstica) → junio III → julio II → agosto II   (baja)
- C (Carla): mayo II (diagnóstica) → (junio sin visita) → julio III → agosto III
- D (Dora):  directora, sin matriz docente; solo su matriz de directivo en el GIA de directores de junio.
Planes individuales: Ana D19 (metas T1 III, T2 IV) y D25 (T1 II); Carla D19 (T1 III, T2 III); Beto sin plan.
Un GIA de docentes (junio, 4 h, los cuatro), un GIA de directores (junio, 2 h, Dora) y un taller en julio (Ana y Beto).
"""

from __future__ import annotations

import pytest

from formatos.analisis import metas as am
from formatos.analisis import niveles as an
from formatos.analisis.periodos import anual, mes, trimestre
from formatos.catalogo import catalogo
from formatos.modelos.expediente import validar_expediente

AP = "11111111"
A, B, C, D = "20000001", "20000002", "20000003", "20000004"
IE = "1234567"

NIVELES_POR_MES = {  # docente: {mes: nivel de D19 y los demás (D25 siempre I)}
    A: {5: "II", 6: "III", 7: "III", 8: "IV"},
    B: {5: "III", 6: "III", 7: "II", 8: "II"},
    C: {5: "II", 7: "III", 8: "III"},
}
TIPOS = {5: "diagnóstica", 6: "asesoría", 7: "asesoría", 8: "asesoría"}


def _matriz(nivel: str) -> list[dict]:
    return [{"codigo": c, "nivel_alcanzado": "I" if c == "D25" else nivel, "atendido": c in ("D19", "D1"),
             "evidencias": f"Evidencia de {c}" if c in ("D19", "D1") else ""} for c in catalogo().codigos_docente]


_PLAN = {"estrategias": "Modelado", "compromisos": "Aplicar en aula"}
_CONTENIDO = {"metas_estudiantes": ["Leer con fluidez"], "sesiones_innovadoras": "Tertulias", "habilidades_socioemocionales":
              "Asamblea", "evaluacion_reforzamiento": "Lista de cotejo", "participacion_familia": "Grupos interactivos"}


def expediente_a_mano() -> dict:
    visitas, valoraciones = [], []
    for dni, meses in NIVELES_POR_MES.items():
        for m, nivel in meses.items():
            vid = f"V-{m}-{dni}"
            visitas.append({"id": vid, "dni_docente": dni, "tipo": TIPOS[m], "fecha": f"2026-{m:02d}-10",
                            "area_curricular": "Matemática", "proposito_sesion": "Resolver problemas"})
            valoraciones.append({"id_visita": vid, "desempenos": _matriz(nivel)})
    docente = {"codigo_modular": IE, "dni_acompanante": AP, "grados": [1, 2], "condicion": "nombrado"}
    return {
        "anio": 2026,
        "ugel": {"nombre": "UGEL Prueba", "dre": "DRE Prueba", "region": "Cajamarca", "sede": "San Marcos",
                 "jefe_agp": {"dni": "30000000", "nombres": "Jefa", "apellidos": "Prueba", "cargo": "Jefa de AGP"},
                 "siglas_informe": "UGEL-P/AGP"},
        "acompanantes": [{"dni": AP, "nombres": "Pedro", "apellidos": "Acompañante"}],
        "instituciones": [{"codigo_modular": IE, "nombre": "N.° 1", "tipo": "polidocente multigrado",
                           "centro_poblado": "Alto", "distrito": "Bajo", "provincia": "San Marcos", "region": "Cajamarca"}],
        "docentes": [
            {**docente, "dni": A, "nombres": "Ana", "apellidos": "Alfa"},
            {**docente, "dni": B, "nombres": "Beto", "apellidos": "Beta"},
            {**docente, "dni": C, "nombres": "Carla", "apellidos": "Gamma"},
            {**docente, "dni": D, "nombres": "Dora", "apellidos": "Delta", "es_director": True},
        ],
        "visitas": visitas,
        "valoraciones": valoraciones,
        "gias": [
            {"id": "G1", "tipo": "docentes", "dni_acompanante": AP, "fecha": "2026-06-25", "horas": 4, "tema": "Planificación",
             "participantes": [A, B, C, D]},
            {"id": "G2", "tipo": "directores", "dni_acompanante": AP, "fecha": "2026-06-25", "horas": 2, "tema": "Gestión",
             "participantes": [D]},
        ],
        "valoraciones_directivo": [{"id": "VD1", "dni_director": D, "id_gia": "G2", "desempenos": [
            {"codigo": "D1", "evidencias": "Presentó el diagnóstico de su I. E."},
            {"codigo": "D18", "evidencias": "Convocó a sus docentes a planificar."}]}],
        "planes_individuales": [
            {"dni_docente": A, "fecha": "2026-05-10", "necesidades_formacion": ["Atención simultánea"], **_CONTENIDO, "desempenos": [
                {"codigo": "D19", "nivel_diagnostico": "II", "metas": {1: "III", 2: "IV"}, **_PLAN},
                {"codigo": "D25", "nivel_diagnostico": "I", "metas": {1: "II"}, **_PLAN}]},
            {"dni_docente": C, "fecha": "2026-05-10", "necesidades_formacion": ["Atención simultánea"], **_CONTENIDO, "desempenos": [
                {"codigo": "D19", "nivel_diagnostico": "II", "metas": {1: "III", 2: "III"}, **_PLAN}]},
        ],
        "talleres": [{"id": "T1", "numero": 1, "fecha_inicio": "2026-07-20", "fecha_fin": "2026-07-24", "horas": 40,
                      "lugar": "San Marcos", "dni_responsable": AP, "propositos": ["Planificar"], "desempenos": ["D1"],
                      "asistentes": [A, B], "calidad_productos": "Buena.", "analisis_propositos": "Pertinentes.",
                      "encuesta": [{"aspecto": "logística", "pregunta": "Local", "respuestas": {"muy satisfecho": 1,
                                                                                               "satisfecho": 1}}]}],
    }


@pytest.fixture(scope="module")
def exp():
    carga = validar_expediente(expediente_a_mano())
    assert carga.errores == []
    return carga.expediente


def test_distribucion_de_un_mes_cuenta_sin_valoracion_aparte(exp):
    junio = {d.codigo: d for d in an.distribucion(exp, [A, B, C, D], mes(2026, 6))}
    assert junio["D19"].conteo == {"I": 0, "II": 0, "III": 2, "IV": 0}  # Ana y Beto
    assert junio["D19"].sin_valoracion == 2  # Carla (faltó junio) y Dora (solo directivo)
    assert junio["D25"].conteo == {"I": 2, "II": 0, "III": 0, "IV": 0}
    mayo = {d.codigo: d for d in an.distribucion(exp, [A, B, C, D], mes(2026, 5))}
    assert mayo["D19"].conteo == {"I": 0, "II": 2, "III": 1, "IV": 0} and mayo["D19"].sin_valoracion == 1


def test_un_trimestre_usa_la_primera_y_la_ultima_valoracion_dentro_de_el(exp):
    t1 = {c.dni: c for c in (c for d in (A, B, C, D) for c in an.comparar(exp, d, trimestre(exp, 1))) if c.codigo == "D19"}
    assert (t1[A].linea_base, t1[A].inicio, t1[A].fin, t1[A].tendencia_texto) == ("II", "II", "III", "sube 1 nivel")
    assert (t1[B].inicio, t1[B].fin, t1[B].tendencia) == ("III", "III", "se mantiene")
    assert (t1[C].inicio, t1[C].fin, t1[C].tendencia) == ("II", "II", "se mantiene")
    assert (t1[D].inicio, t1[D].fin, t1[D].pasos, t1[D].tendencia) == (None, None, None, "sin valoración")
    t2 = {c.dni: c for d in (A, B, C) for c in an.comparar(exp, d, trimestre(exp, 2)) if c.codigo == "D19"}
    assert (t2[A].linea_base, t2[A].inicio, t2[A].fin, t2[A].pasos) == ("II", "III", "IV", 1)
    assert (t2[B].inicio, t2[B].fin, t2[B].tendencia) == ("II", "II", "se mantiene")


def test_el_anio_va_del_diagnostico_al_cierre(exp):
    anio = {c.dni: c for d in (A, B, C, D) for c in an.comparar(exp, d, anual(2026)) if c.codigo == "D19"}
    assert (anio[A].inicio, anio[A].fin, anio[A].pasos, anio[A].tendencia_texto) == ("II", "IV", 2, "sube 2 niveles")
    assert (anio[B].inicio, anio[B].fin, anio[B].pasos, anio[B].tendencia_texto) == ("III", "II", -1, "baja 1 nivel")
    assert (anio[C].inicio, anio[C].fin, anio[C].tendencia_texto) == ("II", "III", "sube 1 nivel")
    assert anio[D].tendencia_texto == "sin valoración"
    d25 = [c for c in an.comparar(exp, A, anual(2026)) if c.codigo == "D25"][0]
    assert (d25.inicio, d25.fin, d25.tendencia) == ("I", "I", "se mantiene")


def test_resumen_de_tendencias(exp):
    comparaciones = [c for d in (A, B, C, D) for c in an.comparar(exp, d, anual(2026))]
    resumen = {r.codigo: r.conteo for r in an.resumen_tendencias(comparaciones)}
    assert resumen["D19"] == {"sube": 2, "se mantiene": 0, "baja": 1, "sin valoración": 1}
    assert resumen["D25"] == {"sube": 0, "se mantiene": 3, "baja": 0, "sin valoración": 1}


def test_directora_solo_con_evidencias(exp):
    assert an.notas(exp, D) == [] and an.linea_base(exp, D) is None
    en_junio = an.valoraciones_directivo(exp, [A, B, C, D], mes(2026, 6))
    assert [v.id for v in en_junio] == ["VD1"]
    assert an.valoraciones_directivo(exp, [D], mes(2026, 7)) == []


def test_metas_del_docente_y_del_ap(exp):
    t1 = trimestre(exp, 1)  # abril a junio: 3 visitas por docente (2 con asesoría), 2 GIA de docentes, 1 GIA de
    # directores, 1 taller (mayo)
    ana = {m.actividad: m for m in am.metas_docente(exp, A, t1)}
    assert (ana["Visitas en aula con asesoría personalizada"].programado, ana["Visitas en aula con asesoría personalizada"].ejecutado) == (3, 2)
    assert (ana["Visitas con las horas mínimas del protocolo"].programado, ana["Visitas con las horas mínimas del protocolo"].ejecutado) == (2, 2)
    horas = ana["Horas de visita (observación, preparación y asesoría)"]
    assert (horas.programado, horas.ejecutado) == (12, 12)
    assert (ana["GIA con docentes"].programado, ana["GIA con docentes"].ejecutado) == (8, 4)
    assert (ana["Talleres de actualización docente"].programado, ana["Talleres de actualización docente"].ejecutado) == (1, 0)
    t3 = {m.actividad: m for m in am.metas_docente(exp, A, trimestre(exp, 3))}
    assert t3["Talleres de actualización docente"].porcentaje is None  # no había taller programado
    dora = {m.actividad: m for m in am.metas_docente(exp, D, t1)}
    assert (dora["GIA con directores"].programado, dora["GIA con directores"].ejecutado) == (2, 2)
    ap = {m.actividad: m for m in am.metas_acompanante(exp, AP, t1)}
    visitas = ap["Visitas en aula con asesoría personalizada"]
    assert (visitas.programado, visitas.ejecutado, visitas.porcentaje) == (12, 5, 41.7)
    completas = ap["Visitas con las horas mínimas del protocolo"]
    assert (completas.programado, completas.ejecutado) == (8, 5)
    asesoria = ap["Horas de asesoría (3 h si es director)"]
    assert (asesoria.programado, asesoria.ejecutado) == (2 * (3 * 2 + 3), 5 * 2)  # Dora, directora: 3 h
    assert (ap["GIA con docentes"].programado, ap["GIA con docentes"].ejecutado) == (2, 1)
    assert (ap["Horas de GIA con docentes"].programado, ap["Horas de GIA con docentes"].ejecutado) == (8, 4)
    assert (ap["Horas de GIA con directores"].programado, ap["Horas de GIA con directores"].ejecutado) == (2, 2)
    t2 = {m.actividad: m for m in am.metas_acompanante(exp, AP, trimestre(exp, 2))}
    assert (t2["Asistencia de docentes a talleres"].programado, t2["Asistencia de docentes a talleres"].ejecutado) == (4, 2)


def test_avance_de_las_metas_trimestrales_del_plan_individual(exp):
    t1 = [(a.dni, a.codigo, a.meta, a.alcanzado, a.estado) for d in (A, B, C) for a in am.avance_metas(exp, d, 1, trimestre(exp, 1))]
    assert t1 == [(A, "D19", "III", "III", "lograda"), (A, "D25", "II", "I", "no lograda"),
                  (C, "D19", "III", "II", "no lograda")]  # Carla: solo mayo en el trimestre; Beto no tiene plan
    t2 = [(a.codigo, a.meta, a.alcanzado, a.estado) for d in (A, C) for a in am.avance_metas(exp, d, 2, trimestre(exp, 2))]
    assert t2 == [("D19", "IV", "IV", "lograda"), ("D25", None, "I", "sin meta"), ("D19", "III", "III", "lograda")]
    d = am.avance_metas(exp, D, 1, trimestre(exp, 1))
    assert d == []
