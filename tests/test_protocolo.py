"""El protocolo como dato y el cumplimiento de los planes: cada falta en castellano, como advertencia."""

from __future__ import annotations

import copy

import pytest

from formatos.analisis.protocolo import (
    faltas_cronograma, faltas_del_anio, faltas_plan_anual_ap, faltas_plan_mensual,
)
from formatos.catalogo import leer_datos
from formatos.modelos.expediente import validar_expediente
from formatos.modelos.protocolo import Protocolo, protocolo_por_defecto
from tests.conftest import ADVERTENCIAS_EJEMPLO

AP, DIRECTORA, DOCENTE, IE = "41526378", "45871236", "47120385", "0687203"


def _secuencia(minutos):
    return [{"momento": "Diálogo", "actividad": "Diálogo reflexivo", "minutos": minutos}]


def _diseno(**kw):
    return {"desempenos": ["D19"], "necesidades": "Atención diferenciada", "proposito": "Reajustar la sesión",
            "productos": "Sesión reajustada", "secuencia": _secuencia(120), "tecnicas": "Preguntas",
            "materiales": "Cuaderno de campo", "compromisos": "Fichas de trabajo autónomo", **kw}


def _expediente() -> dict:
    """Un AP, una I. E., una directora y un docente; un plan mensual de junio por debajo del protocolo."""
    return {
        "anio": 2026,
        "ugel": {"nombre": "UGEL Prueba", "dre": "DRE Prueba", "region": "Cajamarca", "sede": "San Marcos"},
        "acompanantes": [{"dni": AP, "nombres": "Julián", "apellidos": "Ñaupari"}],
        "instituciones": [{"codigo_modular": IE, "nombre": "N.° 82231", "tipo": "polidocente multigrado",
                           "centro_poblado": "Chancay Baños", "distrito": "Chancay", "provincia": "San Marcos",
                           "region": "Cajamarca"}],
        "docentes": [
            {"dni": DIRECTORA, "nombres": "Rosa", "apellidos": "Quispe", "codigo_modular": IE, "dni_acompanante": AP,
             "grados": [5, 6], "condicion": "nombrado", "es_director": True},
            {"dni": DOCENTE, "nombres": "Yeny", "apellidos": "Tasilla", "codigo_modular": IE, "dni_acompanante": AP,
             "grados": [1, 2], "condicion": "contratado"},
        ],
        "planes_mensuales": [{
            "dni_acompanante": AP, "mes": 6, "fecha": "2026-05-29",
            "visitas": [_diseno(dni_docente=DIRECTORA, fecha="2026-06-08", dias=1, horas_observacion=1.5,
                                horas_preparacion=2, horas_asesoria=2)],
            "gias": [_diseno(tipo="docentes", fecha="2026-06-26", horas=3, sede="I. E. N.° 82231",
                             participantes=[DIRECTORA])],
        }],
    }


def test_faltas_del_plan_mensual():
    carga = validar_expediente(_expediente())
    assert carga.errores == []
    exp = carga.expediente
    assert faltas_plan_mensual(exp, exp.planes_mensuales[0]) == [
        "visita a Rosa Quispe (08/06): 1 día(s); el cronograma fija 2 en junio",
        "visita a Rosa Quispe (08/06), observación: 1.5 h; el protocolo pide al menos 2 h",
        "visita a Rosa Quispe (08/06), asesoría: 2 h; el protocolo pide al menos 3 h porque es también director",
        "Yeny Tasilla: 0 visita(s) programada(s); el protocolo pide 1 al mes",
        "GIA con docentes del 26/06: 3 h; el protocolo pide al menos 4 h",
        "Yeny Tasilla no participa en ningún GIA con docentes del mes",
        "no hay GIA con directores programado; el cronograma lo fija en junio",
    ]


def test_faltas_del_anio():
    exp = validar_expediente(_expediente()).expediente
    assert faltas_del_anio(exp, AP) == [
        "falta el plan mensual de abril", "falta el plan mensual de mayo", "falta el plan mensual de julio",
        "falta el plan mensual de agosto", "falta el plan mensual de setiembre", "falta el plan mensual de octubre",
        "falta el plan mensual de noviembre",
        "los planes mensuales programan 0 taller(es); el protocolo pide 2 al año",
        "los talleres programados suman 0 h; el protocolo fija 96 h en el año",
    ]


def test_un_plan_que_cumple_no_tiene_faltas():
    datos = _expediente()
    plan = datos["planes_mensuales"][0]
    plan["visitas"][0].update(dias=2, horas_observacion=2, horas_asesoria=3, secuencia_segundo_dia=_secuencia(120))
    plan["visitas"].append(_diseno(dni_docente=DOCENTE, fecha="2026-06-09", dias=2, horas_observacion=2,
                                   horas_preparacion=2, horas_asesoria=2, secuencia_segundo_dia=_secuencia(120)))
    plan["gias"][0].update(horas=4, participantes=[DIRECTORA, DOCENTE])
    plan["gias"].append(_diseno(tipo="directores", fecha="2026-06-26", horas=2, sede="UGEL", participantes=[DIRECTORA],
                                desempenos=[], desempenos_directivo=["D1", "D18"]))
    exp = validar_expediente(datos).expediente
    assert faltas_plan_mensual(exp, exp.planes_mensuales[0]) == []


def test_las_faltas_son_advertencias_de_validar():
    carga = validar_expediente(_expediente())
    assert carga.errores == []
    mensajes = [str(p) for p in carga.advertencias]
    assert ("advertencia: planes_mensuales[0]: protocolo (junio): Yeny Tasilla: 0 visita(s) programada(s); "
            "el protocolo pide 1 al mes") in mensajes
    assert "advertencia: acompanantes[0]: protocolo: falta el plan mensual de julio" in mensajes
    assert len(mensajes) == 7 + 9


def test_faltas_del_plan_anual_ap():
    datos = _expediente()
    datos["planes_anuales_ap"] = [{
        "dni_acompanante": AP, "fecha": "2026-06-10", "objetivos": ["Fortalecer la atención diferenciada"],
        "ruta": [{"codigo_modular": IE, "distancia_km": 22, "tiempo": "1 h", "medio": "combi"}],
        "priorizacion_individual": [{"dni_docente": DIRECTORA, "desempenos": ["D19"], "necesidades": "Organizar grupos"}],
        "priorizacion_grupal": [{"codigo": "D19", "necesidad_comun": "Atención simultánea", "donde": "GIA"}],
        "grupos_gia": [{"nombre": "GIA Chancay", "sede": "I. E. N.° 82231", "dni_docentes": [DIRECTORA]}],
    }]
    exp = validar_expediente(datos).expediente
    assert faltas_plan_anual_ap(exp, exp.planes_anuales_ap[0]) == [
        "Yeny Tasilla no tiene priorización individual",
        "Yeny Tasilla no está en ningún grupo de GIA",
        "Rosa Quispe no tiene plan individual: sus metas trimestrales no figuran en el plan",
        "Yeny Tasilla no tiene plan individual: sus metas trimestrales no figuran en el plan",
    ]


def test_el_protocolo_es_dato():
    assert protocolo_por_defecto() == Protocolo.model_validate(leer_datos("protocolo.toml"))
    p = protocolo_por_defecto()
    assert [m.mes for m in p.meses] == list(range(4, 13))
    assert (sum(m.gia_docentes for m in p.meses), sum(m.gia_directores for m in p.meses), sum(m.taller for m in p.meses)) == (6, 2, 2)
    assert p.trimestre(7) == 2 and p.trimestre(3) is None
    assert faltas_cronograma(p) == []
    uno = p.model_copy(update={"meses": [m.model_copy(update={"taller": False}) if m.mes == 7 else m for m in p.meses]})
    assert faltas_cronograma(uno) == ["el cronograma fija 1 taller(es); el protocolo pide 2 al año"]


def test_protocolo_propio_en_el_expediente():
    datos = _expediente()
    datos["protocolo"] = {"horas_asesoria_director": 2, "trimestres": {"1": [6]},
                          "meses": [{"mes": 6, "visita": "Visita de 1 día", "dias_visita": 1}]}
    exp = validar_expediente(datos).expediente
    assert faltas_plan_mensual(exp, exp.planes_mensuales[0]) == [
        "visita a Rosa Quispe (08/06), observación: 1.5 h; el protocolo pide al menos 2 h",
        "Yeny Tasilla: 0 visita(s) programada(s); el protocolo pide 1 al mes",
    ]


@pytest.mark.parametrize("protocolo, mensaje", [
    ({"trimestres": {"5": [4]}, "meses": []}, "los trimestres se numeran del 1 al 4"),
    ({"trimestres": {"1": [4], "2": [4]}, "meses": []}, "cada mes (de abril a diciembre) pertenece a un solo trimestre"),
    ({"trimestres": {"1": [4]}, "meses": [{"mes": 4}, {"mes": 4}]}, "cada mes figura una sola vez en el cronograma"),
    ({"trimestres": {"1": [4]}, "meses": [{"mes": 5, "dias_visita": 1}]}, "el mes 5 tiene visita de 1 día(s): describa la visita"),
])
def test_protocolo_invalido(protocolo, mensaje):
    datos = _expediente()
    datos["protocolo"] = protocolo
    carga = validar_expediente(datos)
    assert carga.expediente is None
    assert any(mensaje in str(p) and str(p).startswith("protocolo") for p in carga.problemas), carga.problemas


def test_ejemplo_cumple_el_protocolo(carga_ejemplo):
    exp = carga_ejemplo.expediente
    assert all(faltas_plan_mensual(exp, p) == [] for p in exp.planes_mensuales)
    assert all(faltas_del_anio(exp, a.dni) == [] for a in exp.acompanantes)
    assert all(faltas_plan_anual_ap(exp, p) == [] for p in exp.planes_anuales_ap)


def test_quitar_una_visita_del_ejemplo_es_advertencia(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    visita = datos["planes_mensuales"][2]["visitas"].pop(0)
    docente = next(d for d in datos["docentes"] if d["dni"] == visita["dni_docente"])
    carga = validar_expediente(datos)
    assert carga.errores == []
    assert [str(p) for p in carga.advertencias] == [
        f"advertencia: planes_mensuales[2]: protocolo (junio): {docente['nombres']} {docente['apellidos']}: "
        "0 visita(s) programada(s); el protocolo pide 1 al mes", *ADVERTENCIAS_EJEMPLO,
    ]
