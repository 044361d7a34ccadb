"""El catálogo de entradas malas en JSON: cada caso, su mensaje en castellano exacto y su ruta.

Cada caso cambia un registro de un expediente pequeño (tomado del de ejemplo), lo escribe como archivo y
lo lee con `formatos.cargar`: el problema sale con su ruta y su mensaje, ese registro se deja de lado y
los demás de su sección se usan (nada más se pierde). Algunos casos cambian el texto JSON mismo (campos
repetidos, `Infinity`, `NaN`, números enormes).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest

import formatos
from formatos.modelos.tipos import GRADOS_ESPERADOS, LARGO_TEXTO
from formatos.modelos.tipos import NUMERO_SIN_CEROS as SIN_CEROS

from tests.conftest import escribir_json

SECCIONES_BASE = {"visitas": 6, "gias": 4, "diagnosticos_docente": 3, "planes_mensuales": 1, "talleres": 1,
                  "narrativas": 2, "planes_anuales_ugel": 1}


@pytest.fixture(scope="module")
def base(datos_ejemplo) -> dict:
    """Un expediente pequeño y válido: las cabeceras, los actores y unos pocos registros de cada sección."""
    d = datos_ejemplo
    datos = {k: copy.deepcopy(d[k]) for k in ("anio", "ugel", "acompanantes", "instituciones", "docentes")}
    for seccion, n in SECCIONES_BASE.items():
        datos[seccion] = copy.deepcopy(d[seccion][:n])
    visitas = {v["id"] for v in datos["visitas"]}
    gias = {g["id"] for g in datos["gias"]}
    datos["valoraciones"] = [copy.deepcopy(v) for v in d["valoraciones"] if v["id_visita"] in visitas]
    datos["valoraciones_directivo"] = [copy.deepcopy(v) for v in d["valoraciones_directivo"] if v.get("id_gia") in gias or v.get("id_visita") in visitas]
    carga = formatos.validar_expediente(copy.deepcopy(datos))
    assert carga.errores == [], carga.errores
    return datos


def poner(ruta: str, valor) -> Callable[[dict], None]:
    """Un cambio: `ruta` como "docentes.3.grados" (los números son posiciones en una lista)."""
    partes = [int(p) if p.isdigit() else p for p in ruta.split(".")]

    def cambiar(datos: dict) -> None:
        destino = datos
        for parte in partes[:-1]:
            destino = destino[str(parte) if isinstance(destino, dict) else parte]
        destino[str(partes[-1]) if isinstance(destino, dict) else partes[-1]] = valor

    return cambiar


def quitar(ruta: str) -> Callable[[dict], None]:
    partes = [int(p) if p.isdigit() else p for p in ruta.split(".")]

    def cambiar(datos: dict) -> None:
        destino = datos
        for parte in partes[:-1]:
            destino = destino[parte]
        del destino[partes[-1]]

    return cambiar


@dataclass(frozen=True)
class Caso:
    cambio: Callable[[dict], None]
    esperado: str
    """El problema tal como lo ve el usuario: «ruta: mensaje»."""
    seccion: str | None = None
    """La sección que pierde ese registro (y solo ese); None si el caso no cuesta un registro de una sección."""
    texto: Callable[[str], str] | None = None
    """Un cambio en el texto JSON, después de escribirlo (lo que un dict de Python no puede tener)."""


def _grados(valor, mensaje) -> Caso:
    return Caso(poner("docentes.13.grados", valor), f"docentes[13].grados: {mensaje}", "docentes")


def _repetido(campo: str, valores: str) -> Callable[[str], str]:
    """El texto JSON con `campo` escrito dos veces donde valía "MARCA-REPETIDO"."""
    return lambda texto: texto.replace(f'"{campo}": "MARCA-REPETIDO"', f'"{campo}": {valores}')


NOMBRE_INVISIBLE = "no puede estar vacío: solo tiene caracteres que no se ven (como espacios de ancho cero)"

CASOS: dict[str, Caso] = {
    # --- grados: rangos, palabras, nada truncado --------------------------------------------------------
    "grados con una palabra": _grados("1, 2 y cinco",
                                      f'«cinco» no es un grado: {GRADOS_ESPERADOS} (se recibió "1, 2 y cinco")'),
    "grados «todos»": _grados("todos", f'«todos» no es un grado: {GRADOS_ESPERADOS} (se recibió "todos")'),
    "grados al revés": _grados("3-1", f'el rango «3 - 1» va al revés: {GRADOS_ESPERADOS} (se recibió "3-1")'),
    "grados sin fin de rango": _grados("1.° a", 'el rango que empieza en «1» no dice hasta qué grado: '
                                                f'{GRADOS_ESPERADOS} (se recibió "1.° a")'),
    "grado decimal": _grados("1.5", f'«1.5» no es un grado: {GRADOS_ESPERADOS} (se recibió "1.5")'),
    "grado 7": _grados([1, 7], f"los grados de primaria van del 1 al 6 (7 no es uno de ellos): {GRADOS_ESPERADOS} "
                               "(se recibió [1, 7])"),
    "rango hasta 8": _grados("5-8", f"los grados de primaria van del 1 al 6 (7 no es uno de ellos): {GRADOS_ESPERADOS} "
                                    '(se recibió "5-8")'),
    "grados vacíos": _grados([], f"falta al menos un grado: {GRADOS_ESPERADOS}"),
    "grados texto vacío": _grados("y", f"falta al menos un grado: {GRADOS_ESPERADOS}"),
    "grado true": _grados(True, f"«true» no es un grado: {GRADOS_ESPERADOS} (se recibió true)"),
    "grado en otra escritura": _grados("٣", f'«٣» no es un grado: {GRADOS_ESPERADOS} (se recibió "٣")'),
    # --- números: finitos y en su rango, con lo recibido ---------------------------------------------------
    "horas Infinity": Caso(poner("gias.0.horas", float("inf")), "gias[0].horas: debe ser un número finito "
                           "(se recibió infinito)", "gias"),
    "horas NaN": Caso(poner("gias.1.horas", float("nan")), "gias[1].horas: debe ser un número finito "
                      "(se recibió NaN (no es un número))", "gias"),
    "horas «inf»": Caso(poner("gias.2.horas", "inf"), 'gias[2].horas: debe ser un número finito (se recibió "inf")',
                        "gias"),
    "horas 1e400": Caso(poner("gias.3.horas", "MARCA-NUMERO"), "gias[3].horas: debe ser un número finito "
                        "(se recibió infinito)", "gias", lambda t: t.replace('"MARCA-NUMERO"', "1e400")),
    "horas negativas": Caso(poner("gias.0.horas", -3), "gias[0].horas: debe ser mayor o igual que 0 (se recibió -3)", "gias"),
    "horas de más": Caso(poner("gias.1.horas", 30), "gias[1].horas: debe ser menor o igual que 24 (se recibió 30)",
                         "gias"),
    "horas en palabras": Caso(poner("gias.2.horas", "cuatro"), 'gias[2].horas: debe ser un número (se recibió "cuatro")',
                              "gias"),
    "horas de asesoría negativas": Caso(poner("visitas.0.horas_asesoria", -1),
                                        "visitas[0].horas_asesoria: debe ser mayor o igual que 0 (se recibió -1)",
                                        "visitas"),
    "horas de observación enormes": Caso(poner("visitas.1.horas_observacion", 1e300),
                                         "visitas[1].horas_observacion: debe ser menor o igual que 24 (se recibió 1e+300)",
                                         "visitas"),
    "estudiantes de más": Caso(poner("diagnosticos_docente.1.estudiantes_hombres", 5000),
                               "diagnosticos_docente[1].estudiantes_hombres: debe ser menor o igual que 1,000 "
                               "(se recibió 5,000)", "diagnosticos_docente"),
    "estudiantes negativos": Caso(poner("diagnosticos_docente.0.comunicacion.en_inicio", -2),
                                  "diagnosticos_docente[0].comunicacion.en_inicio: debe ser mayor o igual que 0 "
                                  "(se recibió -2)", "diagnosticos_docente"),
    "año antiguo": Caso(poner("anio", 1990), "anio: debe ser mayor o igual que 2,019 (se recibió 1,990)"),
    "año en palabras": Caso(poner("anio", "dos mil"), 'anio: debe ser un número entero (se recibió "dos mil")'),
    "año con decimales": Caso(poner("anio", 2026.5), "anio: debe ser un número entero (se recibió 2,026.5)"),
    "porcentaje de más": Caso(poner("planes_anuales_ugel.0.metas_trimestrales.0.porcentajes.1", 120),
                              "planes_anuales_ugel[0].metas_trimestrales[0].porcentajes.1: debe ser menor o igual que "
                              "100 (se recibió 120)", "planes_anuales_ugel"),
    "visitas por mes de más": Caso(poner("protocolo", "MARCA-PROTOCOLO"),
                                   "protocolo.visitas_por_mes: debe ser menor o igual que 31 (se recibió 40)",
                                   texto=lambda t: t.replace('"MARCA-PROTOCOLO"', '{"visitas_por_mes": 40}')),
    # --- DNI y códigos: solo dígitos ASCII; un número solo si no perdió ceros --------------------------------
    "DNI en dígitos de ancho completo": Caso(poner("docentes.12.dni", "４００１１２２３"),
                                             'docentes[12].dni: debe tener 8 dígitos del 0 al 9, escritos con el '
                                             'teclado común (se recibió "４００１１２２３")', "docentes"),
    "DNI en dígitos arábigos orientales": Caso(poner("docentes.12.dni", "٤٠٠١١٢٢٣"),
                                               'docentes[12].dni: debe tener 8 dígitos del 0 al 9, escritos con el '
                                               'teclado común (se recibió "٤٠٠١١٢٢٣")', "docentes"),
    "DNI 0": Caso(poner("docentes.12.dni", 0),
                  "docentes[12].dni: " + SIN_CEROS.format(n=8, valor=0, cifras=1), "docentes"),
    "DNI número sin su cero": Caso(poner("docentes.12.dni", 4011223),
                                   "docentes[12].dni: " + SIN_CEROS.format(n=8, valor=4011223, cifras=7), "docentes"),
    "DNI negativo": Caso(poner("docentes.12.dni", -40011223),
                         'docentes[12].dni: debe tener 8 dígitos del 0 al 9 (se recibió "-40011223")', "docentes"),
    "DNI con espacio": Caso(poner("docentes.12.dni", "4001 1223"),
                            'docentes[12].dni: debe tener 8 dígitos del 0 al 9 (se recibió "4001 1223")', "docentes"),
    "DNI de 9 dígitos": Caso(poner("acompanantes.1.dni", 400112234),
                             'acompanantes[1].dni: debe tener 8 dígitos del 0 al 9 (se recibió "400112234")',
                             "acompanantes"),
    "DNI true": Caso(poner("docentes.12.dni", True), "docentes[12].dni: debe ser un texto de 8 dígitos", "docentes"),
    "código modular número sin su cero": Caso(poner("instituciones.6.codigo_modular", 598774),
                                              "instituciones[6].codigo_modular: "
                                              + SIN_CEROS.format(n=7, valor=598774, cifras=6), "instituciones"),
    "código modular con letra": Caso(poner("instituciones.6.codigo_modular", "05987A4"),
                                     'instituciones[6].codigo_modular: debe tener 7 dígitos del 0 al 9 '
                                     '(se recibió "05987A4")', "instituciones"),
    # --- nombres y textos: invisibles, vacíos, demasiado largos ----------------------------------------------
    "nombre de espacios de ancho cero": Caso(poner("docentes.11.nombres", "\u200b\u200b"),
                                             f"docentes[11].nombres: {NOMBRE_INVISIBLE}", "docentes"),
    "apellidos invisibles": Caso(poner("docentes.11.apellidos", "\u2060\ufeff\u200e"),
                                 f"docentes[11].apellidos: {NOMBRE_INVISIBLE}", "docentes"),
    "nombre de relleno Hangul": Caso(poner("acompanantes.1.nombres", "\u3164"),
                                     f"acompanantes[1].nombres: {NOMBRE_INVISIBLE}", "acompanantes"),
    "tema de solo espacios": Caso(poner("gias.3.tema", "   "), "gias[3].tema: no puede estar vacío", "gias"),
    "nombre demasiado largo": Caso(poner("docentes.11.nombres", "Ana" * 100),
                                   "docentes[11].nombres: es demasiado largo: puede tener a lo más 200 caracteres "
                                   "(tiene 300)", "docentes"),
    "código de visita demasiado largo": Caso(poner("visitas.5.id", "V" * 150),
                                             "visitas[5].id: es demasiado largo: puede tener a lo más 100 caracteres "
                                             "(tiene 150)", "visitas"),
    "área curricular demasiado larga": Caso(poner("visitas.4.area_curricular", "x" * 2000),
                                            "visitas[4].area_curricular: es demasiado largo: puede tener a lo más 1,000 "
                                            "caracteres (tiene 2,000)", "visitas"),
    "evidencias de 10 MB": Caso(poner("valoraciones.0.desempenos.0.evidencias", "a" * 10 * 2**20),
                                "valoraciones[0].desempenos[0].evidencias: es demasiado largo: puede tener a lo más "
                                f"{LARGO_TEXTO:,} caracteres (tiene 10,485,760)", "valoraciones"),
    "conclusiones de una narrativa de más": Caso(poner("narrativas.1.conclusiones", "palabra " * 20_000),
                                                 "narrativas[1].conclusiones: es demasiado largo: puede tener a lo más "
                                                 f"{LARGO_TEXTO:,} caracteres (tiene 160,000)", "narrativas"),
    # --- fechas ----------------------------------------------------------------------------------------------
    "fecha como número": Caso(poner("gias.0.fecha", 46157), "gias[0].fecha: debe ser una fecha escrita como texto, "
                              "dd/mm/aaaa (se recibió el número 46157)", "gias"),
    "fecha con hora": Caso(poner("gias.1.fecha", "2026-05-26T10:30:00"),
                           'gias[1].fecha: no es una fecha válida; escriba dd/mm/aaaa (se recibió "2026-05-26T10:30:00")',
                           "gias"),
    "fecha imposible": Caso(poner("gias.2.fecha", "32/05/2026"),
                            'gias[2].fecha: no es una fecha válida (se recibió "32/05/2026")', "gias"),
    "fecha con año de dos cifras": Caso(poner("gias.3.fecha", "26/05/26"),
                                        'gias[3].fecha: no es una fecha válida; escriba dd/mm/aaaa (se recibió "26/05/26")',
                                        "gias"),
    "fecha true": Caso(poner("gias.0.fecha", True), "gias[0].fecha: debe ser una fecha (dd/mm/aaaa) (se recibió true)",
                       "gias"),
    # --- campos repetidos en un objeto -------------------------------------------------------------------------
    "horas repetidas": Caso(poner("gias.1.horas", "MARCA-REPETIDO"),
                            "gias[1].horas: este campo está 2 veces en el mismo objeto (4 y 6): deje uno solo", "gias",
                            _repetido("horas", '4, "horas": 6')),
    "nivel repetido": Caso(poner("valoraciones.1.desempenos.2.nivel_alcanzado", "MARCA-REPETIDO"),
                           'valoraciones[1].desempenos[2].nivel_alcanzado: este campo está 2 veces en el mismo objeto '
                           '("II" y "III"): deje uno solo', "valoraciones", _repetido("nivel_alcanzado", '"II", "nivel_alcanzado": "III"')),
    "DNI repetido tres veces": Caso(poner("docentes.10.dni", "MARCA-REPETIDO"),
                                    'docentes[10].dni: este campo está 3 veces en el mismo objeto ("40011223" y '
                                    '"40011224" y "40011225"): deje uno solo', "docentes",
                                    _repetido("dni", '"40011223", "dni": "40011224", "dni": "40011225"')),
    "sede de la UGEL repetida": Caso(poner("ugel.sede", "MARCA-REPETIDO"),
                                     'ugel.sede: este campo está 2 veces en el mismo objeto ("San Marcos" y "Cajabamba"): '
                                     "deje uno solo", texto=_repetido("sede", '"San Marcos", "sede": "Cajabamba"')),
    "año repetido": Caso(poner("anio", "MARCA-REPETIDO"),
                         "anio: este campo está 2 veces en el mismo objeto (2,026 y 2,027): deje uno solo",
                         texto=_repetido("anio", '2026, "anio": 2027')),
    "sección repetida": Caso(poner("sucesos", "MARCA-REPETIDO"),
                             "sucesos: este campo está 2 veces en el mismo objeto (una lista y una lista): deje uno solo",
                             texto=_repetido("sucesos", '[], "sucesos": []')),
    # --- tipos y opciones ------------------------------------------------------------------------------------------
    "campo desconocido": Caso(poner("docentes.9.edad", 40), "docentes[9].edad: campo desconocido (revise cómo está escrito)",
                              "docentes"),
    "nivel V": Caso(poner("valoraciones.2.desempenos.0.nivel_alcanzado", "V"),
                    'valoraciones[2].desempenos[0].nivel_alcanzado: debe ser un nivel I, II, III o IV (se recibió "V")',
                    "valoraciones"),
    "tipo de visita desconocido": Caso(poner("visitas.3.tipo", "rara"),
                                       'visitas[3].tipo: debe ser uno de "recojo de necesidades", "diagnóstica", '
                                       '"asesoría" o "cierre" (se recibió "rara")', "visitas"),
    "condición como número": Caso(poner("docentes.9.condicion", 5),
                                  'docentes[9].condicion: debe ser uno de "nombrado" o "contratado" (se recibió 5)',
                                  "docentes"),
    "sí o no equivocado": Caso(poner("docentes.8.es_director", "quizás"),
                               'docentes[8].es_director: debe ser sí o no (true/false) (se recibió "quizás")', "docentes"),
    "participantes como texto": Caso(poner("gias.2.participantes", "45871236"),
                                     'gias[2].participantes: debe ser una lista (se recibió "45871236")', "gias"),
    "UGEL como texto": Caso(poner("ugel", "UGEL San Marcos"),
                            'ugel: debe ser un objeto con campos (se recibió "UGEL San Marcos")'),
    "falta el año": Caso(quitar("anio"), "anio: falta este dato obligatorio"),
    "mes que no existe": Caso(poner("planes_anuales_ugel.0.actividades.0.meses", ["mayo", "trece"]),
                              'planes_anuales_ugel[0].actividades[0].meses[1]: no es un mes: escriba su número (5) '
                              'o su nombre ("mayo"); se recibió "trece"', "planes_anuales_ugel"),
    "mes 15": Caso(poner("planes_anuales_ugel.0.actividades.1.meses", [5, 15]),
                   'planes_anuales_ugel[0].actividades[1].meses[1]: no es un mes: escriba su número (1 a 12) o su nombre '
                   '("mayo"); se recibió 15', "planes_anuales_ugel"),
    "mes del plan mensual mal escrito": Caso(poner("planes_mensuales.0.mes", "mayito"),
                                             'planes_mensuales[0].mes: no es un mes: escriba su número (5) o su nombre '
                                             '("mayo"); se recibió "mayito"', "planes_mensuales"),
    "mes del plan mensual fuera del año escolar": Caso(poner("planes_mensuales.0.mes", 2),
                                                       "planes_mensuales[0].mes: debe ser mayor o igual que 4 "
                                                       "(se recibió 2)", "planes_mensuales"),
}


def _cargar(tmp_path, base: dict, caso: Caso):
    datos = copy.deepcopy(base)
    caso.cambio(datos)
    ruta = escribir_json(tmp_path, datos)
    if caso.texto:
        texto = ruta.read_text("utf-8")
        nuevo = caso.texto(texto)
        assert nuevo != texto, "el cambio del texto JSON no encontró su marca"
        ruta.write_text(nuevo, "utf-8")
    return formatos.cargar(ruta)


@pytest.mark.parametrize("nombre", CASOS)
def test_entrada_mala_json(tmp_path, base, nombre):
    caso = CASOS[nombre]
    carga = _cargar(tmp_path, base, caso)
    mensajes = [str(p) for p in carga.errores]
    assert caso.esperado in mensajes, "\n".join(mensajes)
    if caso.seccion is None:
        return
    assert carga.expediente is not None
    validos = {s: len(getattr(carga.expediente, s)) for s in base if isinstance(base[s], list)}
    # solo se pierde ese registro de su sección; de otra sección, a lo más lo que dependía de él
    assert validos[caso.seccion] == len(base[caso.seccion]) - 1
    independientes = ("acompanantes", "instituciones", "planes_anuales_ugel", "talleres", "narrativas")
    for seccion in independientes:
        if seccion != caso.seccion:
            assert validos[seccion] == len(base[seccion]), seccion


def test_el_catalogo_pasa_de_noventa_casos():
    """Este catálogo, el de Excel y el de archivos que no son un expediente suman más de 90 entradas malas."""
    from tests.test_catalogo_excel import CASOS as EXCEL
    from tests.test_entrada_mala import CASOS as ARCHIVOS

    assert len(CASOS) + len(EXCEL) + len(ARCHIVOS) > 90


# --- lo que se acepta: nada se trunca ni se cambia en silencio ------------------------------------------------
@pytest.mark.parametrize("escrito, grados", [
    ("1-3", [1, 2, 3]), ("1.° a 3.°", [1, 2, 3]), ("1.° al 3.°", [1, 2, 3]), ("del 4.° al 6.° grado", [4, 5, 6]),
    ("1-6", [1, 2, 3, 4, 5, 6]), ("3.° y 4.°", [3, 4]), ("1ro, 2do", [1, 2]), (["1-2", 5, "6"], [1, 2, 5, 6]),
    ("2, 1, 2", [1, 2]), ("1 – 3", [1, 2, 3]),
])
def test_grados_que_se_entienden(tmp_path, base, escrito, grados):
    carga = _cargar(tmp_path, base, Caso(poner("docentes.13.grados", escrito), ""))
    assert carga.errores == []
    assert carga.expediente.docentes[13].grados == grados


@pytest.mark.parametrize("escribir", [int, float, lambda dni: f" {dni} "], ids=["entero", "decimal", "con espacios"])
def test_dni_como_numero_sin_ambiguedad(tmp_path, base, escribir):
    """Un DNI de 8 cifras dado como número no perdió ceros: vale (en todo lugar donde se lo cita)."""
    datos = copy.deepcopy(base)
    dni = datos["docentes"][12]["dni"]
    assert not dni.startswith("0")
    texto = json.dumps(datos, ensure_ascii=False).replace(f'"{dni}"', json.dumps(escribir(dni)))
    ruta = tmp_path / "expediente.json"
    ruta.write_text(texto, "utf-8")
    carga = formatos.cargar(ruta)
    assert carga.errores == []
    assert carga.expediente.docentes[12].dni == dni
