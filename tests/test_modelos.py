"""El catálogo y la validación del expediente: reglas del manual y mensajes en castellano."""

from __future__ import annotations

import copy

import pytest

from formatos.catalogo import catalogo
from formatos.modelos.expediente import validar_expediente
from formatos.salida.filtros import apellidos_nombres, fecha_larga, grados, mes, numero, romano
from datetime import date
from tests.conftest import sin_las_del_ejemplo


def mensajes(carga) -> list[str]:
    return [str(p) for p in sin_las_del_ejemplo(carga.problemas)]


def test_catalogo_ocho_desempenos_en_el_orden_del_manual():
    cat = catalogo()
    assert cat.codigos_docente == ("D19", "D22", "D25", "D11", "D15", "D1", "D23", "D4")
    assert cat.desempeno_docente("D11").denominacion == "Propicia un ambiente de respeto y proximidad"
    assert [d.momento for d in cat.desempenos_docente].count("fin_de_mes") == 2
    assert {d.codigo for d in cat.desempenos_docente if d.momento == "fin_de_mes"} == {"D1", "D4"}
    assert cat.codigos_directivo == ("D1", "D18")
    assert list(cat.niveles.values()) == ["insatisfactorio", "en proceso", "satisfactorio", "destacado"]
    assert cat.nombre_anio(2026) == "Año de la Esperanza y el Fortalecimiento de la Democracia"
    assert set(range(2019, 2027)) <= set(cat.anios)


def test_el_ejemplo_es_valido_y_completo(carga_ejemplo):
    assert carga_ejemplo.errores == []
    exp = carga_ejemplo.expediente
    assert len(exp.acompanantes) == 2
    assert len(exp.docentes) >= 12 and len(exp.instituciones) >= 6
    unidocentes = [ie for ie in exp.instituciones if ie.tipo == "unidocente"]
    assert unidocentes and all(
        d.es_director for d in exp.docentes if d.codigo_modular in {ie.codigo_modular for ie in unidocentes}
    )
    assert {v.fecha.month for v in exp.visitas} == set(range(4, 12))
    # Los niveles cambian a lo largo del año.
    por_docente = {}
    for v in exp.valoraciones:
        por_docente.setdefault(exp.visita(v.id_visita).dni_docente, set()).add(tuple(d.nivel_alcanzado for d in v.desempenos))
    assert all(len(niveles) > 1 for niveles in por_docente.values())


def test_dni_con_siete_digitos(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["docentes"][3]["dni"] = "4471234"
    carga = validar_expediente(datos)
    assert 'docentes[3].dni: debe tener 8 dígitos del 0 al 9 (se recibió "4471234")' in mensajes(carga)
    # El docente malo se descarta; sus visitas y valoraciones también, con su propio mensaje; el resto queda.
    assert len(carga.expediente.docentes) == len(datos["docentes"]) - 1
    assert any(m.startswith("visitas[") and '"42890017" no existe en docentes' in m for m in mensajes(carga))
    assert len(carga.expediente.valoraciones) == len(datos["valoraciones"]) - 7


def test_codigo_modular_numerico_solo_si_no_perdio_ceros(datos_ejemplo):
    """Un número de 7 cifras es el código; uno de 6 pudo perder un cero (¿0523461 o 5234610?): es un error que lo dice."""
    datos = copy.deepcopy(datos_ejemplo)
    k = next(i for i, ie in enumerate(datos["instituciones"]) if not ie["codigo_modular"].startswith("0"))
    datos["instituciones"][k]["codigo_modular"] = int(datos["instituciones"][k]["codigo_modular"])
    datos["instituciones"][0]["codigo_modular"] = 523461  # así llega desde una celda numérica
    carga = validar_expediente(datos)
    codigos = [ie.codigo_modular for ie in carga.expediente.instituciones]
    assert datos_ejemplo["instituciones"][k]["codigo_modular"] in codigos
    assert mensajes(carga)[0].startswith("instituciones[0].codigo_modular: debe tener 7 dígitos y se recibió el número "
                                         "523461, de 6 cifra(s): un número pierde los ceros a la izquierda.")


def test_docente_desconocido_en_visita(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["visitas"][0]["dni_docente"] = "99999999"
    carga = validar_expediente(datos)
    assert 'visitas[0].dni_docente: "99999999" no existe en docentes' in mensajes(carga)


def test_nivel_cinco_y_nivel_en_minusculas(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["valoraciones"][0]["desempenos"][2]["nivel_alcanzado"] = "V"
    datos["valoraciones"][1]["desempenos"][0]["nivel_alcanzado"] = "iii"
    datos["valoraciones"][2]["desempenos"][0]["nivel_alcanzado"] = 4
    carga = validar_expediente(datos)
    assert mensajes(carga) == ['valoraciones[0].desempenos[2].nivel_alcanzado: debe ser un nivel I, II, III o IV (se recibió "V")']
    assert carga.expediente.valoraciones[0].desempenos[0].nivel_alcanzado == "III"
    assert carga.expediente.valoraciones[1].desempenos[0].nivel_alcanzado == "IV"


def test_director_con_nivel(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["valoraciones_directivo"][0]["desempenos"][0]["nivel"] = "III"
    carga = validar_expediente(datos)
    assert mensajes(carga) == [
        "valoraciones_directivo[0].desempenos[0]: en el rol de director no se establece nivel de logro "
        "(manual 2.2.2.4): quite el nivel"
    ]
    assert len(carga.expediente.valoraciones_directivo) == len(datos["valoraciones_directivo"]) - 1


def test_matriz_sin_un_desempeno_o_sin_evidencias(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    del datos["valoraciones"][0]["desempenos"][5]  # D1
    fila = next(d for d in datos["valoraciones"][1]["desempenos"] if d["atendido"])
    fila["evidencias"] = "   "
    carga = validar_expediente(datos)
    msgs = mensajes(carga)
    assert "valoraciones[0].desempenos: la matriz lleva nivel en los 8 desempeños priorizados (faltan D1)" in msgs
    assert any(m.startswith("valoraciones[1].desempenos[") and "se atendió en el mes: necesita evidencias" in m for m in msgs)


def test_desempeno_desconocido(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["valoraciones"][0]["desempenos"][0]["codigo"] = "D99"
    assert any("no es un desempeño priorizado del docente" in m and '"D99"' in m
               for m in mensajes(validar_expediente(datos)))


def test_dni_repetido_y_fecha_fuera_del_anio(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["docentes"].append(dict(datos["docentes"][0], nombres="Otra"))
    datos["visitas"][0]["fecha"] = "15/01/2026"
    msgs = mensajes(validar_expediente(datos))
    n = len(datos["docentes"]) - 1
    assert f'docentes[{n}].dni: "45871236" está repetido: ya figura en docentes[0]' in msgs
    assert "visitas[0].fecha: 15/01/2026 está fuera del año escolar 2026 (marzo a diciembre)" in msgs


def test_fecha_imposible(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["visitas"][0]["fecha"] = "31/02/2026"
    assert 'visitas[0].fecha: no es una fecha válida (se recibió "31/02/2026")' in mensajes(validar_expediente(datos))


def test_nueve_docentes_para_un_ap_es_advertencia(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    ap = datos["acompanantes"][0]["dni"]
    nuevo = dict(datos["docentes"][2], dni="40000009", nombres="Noveno", es_director=False)
    nuevo["dni_acompanante"] = ap
    datos["docentes"].append(nuevo)
    for seccion in [k for k in datos if k.startswith("planes_")]:  # sin planes: el noveno no genera faltas al protocolo
        del datos[seccion]
    carga = validar_expediente(datos)
    assert carga.errores == []
    assert [str(p) for p in sin_las_del_ejemplo(carga.advertencias) if not p.mensaje.startswith("protocolo:")] == [
        "advertencia: acompanantes[0]: el AP Julián Andrés Ñaupari Cárdenas tiene 9 docentes; la estrategia fija 8 por AP"
    ]  # el noveno, además, no tiene visitas ni GIA: eso lo advierte el protocolo
    assert len(carga.expediente.docentes) == len(datos["docentes"])


def test_matriz_antes_de_la_visita(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["valoraciones"][0]["fecha"] = "2026-03-10"
    msgs = mensajes(validar_expediente(datos))
    assert any(m.startswith("valoraciones[0].fecha: los desempeños de la visita se valoran al concluirla") for m in msgs)


def test_campo_obligatorio_y_campo_desconocido(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    del datos["instituciones"][1]["centro_poblado"]
    datos["instituciones"][2]["directora"] = "x"
    msgs = mensajes(validar_expediente(datos))
    assert "instituciones[1].centro_poblado: falta este dato obligatorio" in msgs
    assert "instituciones[2].directora: campo desconocido (revise cómo está escrito)" in msgs


def test_cabecera_invalida_no_produce_expediente():
    carga = validar_expediente({"anio": "dos mil", "ugel": {}})
    assert carga.expediente is None
    assert 'anio: debe ser un número entero (se recibió "dos mil")' in mensajes(carga)
    assert "ugel.nombre: falta este dato obligatorio" in mensajes(carga)


def test_etiquetas_de_nivel_configurables(datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["configuracion"] = {"etiquetas_niveles": {"III": "suficiente"}}
    exp = validar_expediente(datos).expediente
    assert exp.etiqueta_nivel("III") == "suficiente" and exp.etiqueta_nivel("II") == "en proceso"


def test_filtros_en_castellano():
    assert fecha_larga(date(2026, 11, 27)) == "27 de noviembre de 2026"
    assert mes(3) == "marzo"
    assert grados([3, 4]) == "3.° y 4.°" and grados([1, 2, 3]) == "1.°, 2.° y 3.°" and grados([5]) == "5.°"
    assert apellidos_nombres({"nombres": "Rosa Elena", "apellidos": "Quispe Mamani"}) == "QUISPE MAMANI, Rosa Elena"
    assert romano(4) == "IV" and romano(9) == "IX"
    assert numero(2.0) == "2" and numero(2.5) == "2.5" and numero(1500) == "1,500"


@pytest.mark.parametrize("grados_texto, esperado", [("3, 4", [3, 4]), ("3.° y 4.°", [3, 4])])
def test_grados_como_texto(datos_ejemplo, grados_texto, esperado):
    datos = copy.deepcopy(datos_ejemplo)
    datos["docentes"][1]["grados"] = grados_texto
    assert validar_expediente(datos).expediente.docentes[1].grados == esperado
