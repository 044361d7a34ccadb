"""Periodos: cada informe espera a que cierre su periodo; borradores; --mes y --periodo; fechas y destinatarios.

El flujo de un oficinista se prueba con el ejemplo recortado a la fecha en que la UGEL lo tendría (`hasta`):
con datos hasta mayo, luego hasta junio.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

import formatos
from formatos import lote
from formatos.analisis import periodos as ap
from formatos.cli import cli
from formatos.lote.manifiesto import Manifiesto
from formatos.registro import FORMATOS
from tests.conftest import escribir_json, texto_docx

FIN = {"diagnóstico": "2026-05-31", "T1": "2026-06-30", "T2": "2026-09-30", "T3": "2026-11-30", "anual": "2026-11-30"}
"""Cuándo termina cada periodo del ejemplo (el III trimestre y el año, con la última actividad del protocolo)."""


def hasta(datos: dict, dia: str) -> dict:
    """El ejemplo como lo tendría la UGEL el `dia` (ISO): lo ocurrido hasta entonces, y la narrativa y la
    numeración de los informes cuyo periodo ya terminó."""
    d = json.loads(json.dumps(datos))
    ok = lambda f: f is None or f <= dia  # noqa: E731
    d["visitas"] = [v for v in d["visitas"] if ok(v["fecha"]) and ok(v.get("fecha_segundo_dia"))]
    visitas = {v["id"] for v in d["visitas"]}
    d["valoraciones"] = [v for v in d["valoraciones"] if v["id_visita"] in visitas]
    d["gias"] = [g for g in d["gias"] if ok(g["fecha"])]
    gias = {g["id"] for g in d["gias"]}
    d["valoraciones_directivo"] = [v for v in d["valoraciones_directivo"]
                                   if v.get("id_gia") in gias or v.get("id_visita") in visitas]
    for seccion in ("planes_individuales", "planes_institucionales", "planes_anuales_ugel", "planes_anuales_ap",
                    "planes_mensuales", "sucesos", "buenas_practicas", "evaluaciones_fin_de_anio", "balances_cierre"):
        d[seccion] = [r for r in d[seccion] if ok(r["fecha"])]
    for plan in d["planes_individuales"]:
        plan["reajustes"] = [r for r in plan.get("reajustes", []) if ok(r["fecha"])]
    d["talleres"] = [t for t in d["talleres"] if ok(t["fecha_fin"])]
    talleres = {str(t["numero"]) for t in d["talleres"]}
    termino = lambda p: FIN.get(p, f"{p}-31")  # noqa: E731
    d["narrativas"] = [n for n in d["narrativas"] if termino(n["periodo"]) <= dia]
    d["numeros_informe"] = [n for n in d["numeros_informe"]
                            if (n["periodo"] in talleres if n["periodo"].isdigit() else termino(n["periodo"]) <= dia)]
    return d


def expediente(datos: dict):
    carga = formatos.validar_expediente(datos)
    assert not carga.errores, carga.errores
    return carga.expediente


def documentos(exp, formato: str) -> list:
    return list(FORMATOS[formato].documentos(exp))


def abiertos(exp, formato: str) -> list:
    return [d for d in documentos(exp, formato) if FORMATOS[formato].espera_cierre(d)]


AP1, AP2 = "41526378", "43098127"


# --- cada formato conoce su periodo y cuándo cierra ---------------------------------------------------------
def test_cada_informe_declara_su_periodo_y_el_ejemplo_tiene_todo_cerrado(carga_ejemplo):
    exp = carga_ejemplo.expediente
    tipos = {"informe-diagnostico-ap": "diagnóstico", "informe-diagnostico-ugel": "diagnóstico", "informe-mensual": "mes",
             "informe-trimestral-ap": "trimestre", "informe-trimestral-ugel": "trimestre", "informe-final-ap": "año",
             "informe-final-ugel": "año", "reporte-buenas-practicas": "trimestre", "informe-taller": "taller",
             "consolidado-valoraciones": "año", "consolidado-protocolo": "año"}
    for formato in FORMATOS.values():
        docs = documentos(exp, formato.identificador)
        assert docs, formato.identificador
        if formato.identificador in tipos:
            assert {d.periodo.tipo for d in docs} == {tipos[formato.identificador]}, formato.identificador
        else:  # matrices y planes: son de una visita, un GIA o un plan, no esperan a nadie
            assert all(d.periodo is None for d in docs), formato.identificador
        assert not abiertos(exp, formato.identificador), formato.identificador  # formatos demo: todo el año
    final = documentos(exp, "informe-final-ap")[0].periodo
    assert (final.inicio, final.fin, final.cierre) == (date(2026, 3, 1), date(2026, 12, 31), date(2026, 11, 30))


def test_con_datos_hasta_mayo_solo_cierra_lo_de_mayo(datos_ejemplo):
    exp = expediente(hasta(datos_ejemplo, "2026-05-31"))
    assert {d.periodo.clave for d in documentos(exp, "informe-mensual")} == {"2026-04", "2026-05"}
    assert not abiertos(exp, "informe-mensual")
    assert not abiertos(exp, "informe-diagnostico-ap") and not abiertos(exp, "informe-diagnostico-ugel")
    for formato in ("informe-trimestral-ap", "informe-trimestral-ugel", "informe-final-ap", "informe-final-ugel",
                    "reporte-buenas-practicas", "consolidado-valoraciones", "consolidado-protocolo"):
        assert [d.ruta for d in abiertos(exp, formato)] == [d.ruta for d in documentos(exp, formato)], formato

    junio = expediente(hasta(datos_ejemplo, "2026-06-30"))
    assert not abiertos(junio, "informe-trimestral-ap") and not abiertos(junio, "informe-trimestral-ugel")
    assert len(abiertos(junio, "informe-final-ap")) == 2


def test_fecha_de_corte_del_expediente(datos_ejemplo):
    datos = hasta(datos_ejemplo, "2026-05-31")
    datos["configuracion"] = {"fecha_corte": "2026-06-29"}
    assert len(abiertos(expediente(datos), "informe-trimestral-ap")) == 2  # el I trimestre termina el 30
    datos["configuracion"] = {"fecha_corte": "30/06/2026"}
    exp = expediente(datos)
    assert not abiertos(exp, "informe-trimestral-ap") and abiertos(exp, "informe-final-ap")


def test_el_trimestre_de_la_ugel_espera_a_todos_los_ap(datos_ejemplo):
    datos = hasta(datos_ejemplo, "2026-06-30")
    docentes_ap2 = {d["dni"] for d in datos["docentes"] if d["dni_acompanante"] == AP2}
    datos["visitas"] = [v for v in datos["visitas"] if not (v["dni_docente"] in docentes_ap2 and v["fecha"] >= "2026-06")]
    datos["valoraciones"] = [v for v in datos["valoraciones"] if v["id_visita"] in {x["id"] for x in datos["visitas"]}]
    datos["gias"] = [g for g in datos["gias"] if not (g["dni_acompanante"] == AP2 and g["fecha"] >= "2026-06")]
    datos["valoraciones_directivo"] = [v for v in datos["valoraciones_directivo"]
                                       if v.get("id_gia") in {g["id"] for g in datos["gias"]}
                                       or v.get("id_visita") in {x["id"] for x in datos["visitas"]}]
    exp = expediente(datos)
    [abierto] = abiertos(exp, "informe-trimestral-ap")  # el AP2 aún no registra junio
    assert abierto.agrupacion["acompanante"] == AP2
    assert len(abiertos(exp, "informe-trimestral-ugel")) == 1


def test_diagnostico_cierra_con_la_visita_diagnostica_de_todos(datos_ejemplo):
    diagnosticas = sorted(v["fecha"] for v in datos_ejemplo["visitas"] if v["tipo"] == "diagnóstica")
    medio = diagnosticas[len(diagnosticas) // 2]
    exp = expediente(hasta(datos_ejemplo, medio))
    assert abiertos(exp, "informe-diagnostico-ugel")
    assert abiertos(exp, "informe-diagnostico-ap")
    assert not abiertos(expediente(hasta(datos_ejemplo, diagnosticas[-1])), "informe-diagnostico-ugel")


def test_el_anio_cierra_con_la_visita_de_cierre_de_todos(datos_ejemplo):
    cierres = sorted(v.get("fecha_segundo_dia") or v["fecha"] for v in datos_ejemplo["visitas"] if v["tipo"] == "cierre")
    exp = expediente(hasta(datos_ejemplo, cierres[-2]))
    assert not abiertos(exp, "informe-trimestral-ap")  # el III trimestre cierra con los datos de noviembre
    assert abiertos(exp, "informe-final-ugel") and abiertos(exp, "consolidado-protocolo")
    exp = expediente(hasta(datos_ejemplo, cierres[-1]))
    assert not abiertos(exp, "informe-final-ap") and not abiertos(exp, "informe-final-ugel")


def test_taller_sin_asistencia_espera(datos_ejemplo):
    datos = hasta(datos_ejemplo, datos_ejemplo["talleres"][1]["fecha_fin"])
    datos["talleres"][1]["asistentes"] = []
    primero, segundo = documentos(expediente(datos), "informe-taller")
    assert primero.cerrado and not segundo.cerrado
    datos["talleres"][1]["asistentes"] = datos_ejemplo["talleres"][1]["asistentes"]
    assert documentos(expediente(datos), "informe-taller")[1].cerrado


# --- fechas y destinatarios en el orden del manual ----------------------------------------------------------
def _cabecera(exp, formato: str, clave: str, ap: str | None = None):
    doc = next(d for d in documentos(exp, formato)
               if d.periodo.clave == clave and d.agrupacion.get("acompanante") == ap)
    return doc.contexto().cabecera


def test_informes_fechados_despues_de_su_periodo_y_la_ugel_despues_de_los_ap(datos_ejemplo):
    datos = json.loads(json.dumps(datos_ejemplo))
    for n in datos["numeros_informe"]:
        n.pop("fecha", None)  # sin fechas registradas: las de omisión
    exp = expediente(datos)
    assert _cabecera(exp, "informe-mensual", "2026-05", AP1).fecha == date(2026, 6, 1)
    assert _cabecera(exp, "informe-trimestral-ap", "T2", AP1).fecha == date(2026, 10, 1)
    assert _cabecera(exp, "informe-final-ap", "anual", AP1).fecha == date(2026, 12, 1)  # tras la visita de cierre
    assert _cabecera(exp, "informe-final-ugel", "anual").fecha == date(2026, 12, 2)  # después de los AP
    # el diagnóstico termina con la última visita diagnóstica (13/05): los AP el 14 y el 12, la UGEL después
    assert _cabecera(exp, "informe-diagnostico-ugel", "diagnóstico").fecha == date(2026, 5, 15)

    # un AP que entrega tarde: la UGEL va después de él
    datos["numeros_informe"].append({"formato": "informe-final-ap", "periodo": "anual", "dni_acompanante": AP2,
                                     "numero": 99, "fecha": "2026-12-11"})
    datos["numeros_informe"] = [n for n in datos["numeros_informe"]
                                if not (n["formato"] == "informe-final-ap" and n.get("dni_acompanante") == AP2
                                        and n["numero"] != 99)]
    exp = expediente(datos)
    assert _cabecera(exp, "informe-final-ugel", "anual").fecha == date(2026, 12, 14)  # viernes 11 → lunes 14


def test_trimestral_y_final_de_la_ugel_van_a_la_dre_y_a_la_diser(demo, datos_ejemplo):
    dre = f"Director(a) de la {datos_ejemplo['ugel']['dre']}"
    diser = "Director(a) de la Dirección de Servicios Educativos en el ámbito Rural (Diser) del Minedu"
    for formato in ("informe-trimestral-ugel", "informe-final-ugel"):
        for r in (r for r in demo.resultados if r.formato == formato):
            a = next(f for f in (fila.cells for t in Document(str(r.ruta)).tables for fila in t.rows) if f[0].text == "A")
            assert a[2].text == f"{dre}\n{diser}", r.ruta.name
    (taller, *_) = [r for r in demo.resultados if r.formato == "informe-taller"]
    assert "Director de la UGEL San Marcos" in texto_docx(taller.ruta) and diser not in texto_docx(taller.ruta)

    datos = json.loads(json.dumps(datos_ejemplo))
    datos["configuracion"] = {"destinatarios_ugel": [
        {"nombre": "Mg. Rosa Elvira Quispe Tello", "cargo": "Gerenta Regional de Educación de La Libertad"}]}
    cabecera = _cabecera(expediente(datos), "informe-trimestral-ugel", "T2")
    assert [(d.nombre, d.cargo) for d in cabecera.destinatarios] == [
        ("Mg. Rosa Elvira Quispe Tello", "Gerenta Regional de Educación de La Libertad")]
    numero = next(n for n in datos["numeros_informe"] if n["formato"] == "informe-trimestral-ugel" and n["periodo"] == "T2")
    numero.update(destinatario="Lic. Walter Hugo Díaz Rojas", cargo_destinatario="Director de la UGEL San Marcos")
    cabecera = _cabecera(expediente(datos), "informe-trimestral-ugel", "T2")
    assert [d.cargo for d in cabecera.destinatarios] == ["Director de la UGEL San Marcos"]


def test_validar_avisa_fechas_fuera_de_orden(datos_ejemplo):
    datos = json.loads(json.dumps(datos_ejemplo))
    for i, n in enumerate(datos["numeros_informe"]):
        if n["formato"] == "informe-final-ugel":
            n["fecha"], final = "2026-11-27", i
        if n["formato"] == "informe-trimestral-ugel" and n["periodo"] == "T1":
            n["fecha"], t1 = "2026-07-01", i
    mensajes = [str(p) for p in formatos.validar_expediente(datos).advertencias]
    assert (f"advertencia: numeros_informe[{final}].fecha: informe-final-ugel anual: va fechado el 27/11/2026, antes de que "
            "termine su periodo (año 2026, hasta el 30/11/2026): el informe se elabora cuando el periodo termina") in mensajes
    assert (f"advertencia: numeros_informe[{t1}].fecha: informe-trimestral-ugel T1: va fechado el 01/07/2026, no después "
            "del informe-trimestral-ap de María Teresa Sánchez Huamán (01/07/2026), que consolida") in mensajes
    assert not [m for m in (str(p) for p in formatos.validar_expediente(datos_ejemplo).advertencias)
                if "numeros_informe" in m]


# --- el lote ---------------------------------------------------------------------------------------------------
def _archivos(salida: Path) -> dict[str, bytes]:
    return {p.relative_to(salida).as_posix(): p.read_bytes() for p in salida.rglob("*.docx")} | {
        p.relative_to(salida).as_posix(): p.read_bytes() for p in salida.rglob("*.xlsx")}


def test_oficinista_genera_en_mayo_y_de_nuevo_en_junio(datos_ejemplo, tmp_path):
    """La orden de cada mes: sin fallidos; lo de junio, nuevo; lo de mayo, intacto; lo abierto, pendiente."""
    salida = tmp_path / "documentos"
    mayo = escribir_json(tmp_path, hasta(datos_ejemplo, "2026-05-31"), "mayo.json")
    corrida = CliRunner().invoke(cli, ["generar", str(mayo), "--salida", str(salida), "--procesos", "1"])
    assert corrida.exit_code == 0, corrida.output
    assert "informe-final-ap: 2 pendientes, el periodo no ha cerrado" in corrida.output
    assert "informe-trimestral-ugel: 1 pendiente, el periodo no ha cerrado" in corrida.output
    antes = _archivos(salida)
    assert not [n for n in antes if n.startswith(("informe-trimestral", "informe-final", "consolidado"))]
    assert "informe-mensual/Ñaupari Cárdenas Julián Andrés/2026-05 Informe mensual del acompañamiento pedagógico " \
           "Ñaupari Cárdenas Julián Andrés.docx" in antes

    junio = escribir_json(tmp_path, hasta(datos_ejemplo, "2026-06-30"), "junio.json")
    corrida = CliRunner().invoke(cli, ["generar", str(junio), "--salida", str(salida), "--procesos", "1"])
    assert corrida.exit_code == 0, corrida.output
    assert not (salida / "reporte-errores.txt").exists()
    despues = _archivos(salida)
    assert {n: despues[n] for n in antes} == antes  # lo de mayo, sin cambios
    nuevos = sorted(set(despues) - set(antes))
    assert sum(n.startswith("informe-trimestral-ap/") for n in nuevos) == 2
    assert sum(n.startswith("informe-mensual/") and "/2026-06 " in n for n in nuevos) == 2
    assert sum(n.startswith("matriz-docente/") for n in nuevos) == 14
    assert "informe-trimestral-ap" not in corrida.output.split("Pendientes")[-1]
    assert "informe-final-ugel: 1 pendiente, el periodo no ha cerrado" in corrida.output


BORRADORES = ["informe-trimestral-ap", "informe-final-ugel", "consolidado-protocolo"]


def _encabezados(ruta: Path) -> list[str]:
    return [p.text for s in Document(str(ruta)).sections for p in s.header.paragraphs]


def test_borradores_se_marcan_y_se_reemplazan_sin_perder_lo_editado(datos_ejemplo, tmp_path):
    mayo = expediente(hasta(datos_ejemplo, "2026-05-31"))
    resumen = formatos.generar(mayo, tmp_path, formatos=BORRADORES, borradores=True, procesos=1)
    assert not resumen.fallidos and not resumen.pendientes
    trimestral = sorted(r.ruta for r in resumen.resultados if r.formato == "informe-trimestral-ap")
    assert len(trimestral) == 2 and all(r.entrada.borrador for r in resumen.resultados)
    for ruta in trimestral:
        assert _encabezados(ruta)[0] == "BORRADOR — periodo no cerrado (I trimestre de 2026): no firmar"
        with zipfile.ZipFile(ruta) as z:
            assert b'string="BORRADOR"' in z.read("word/header1.xml")  # la marca de agua
    [libro] = [r.ruta for r in resumen.resultados if r.formato == "consolidado-protocolo"]
    for hoja in load_workbook(libro):
        assert hoja.oddHeader.left.text.startswith("&BBORRADOR&B— periodo no cerrado (año 2026)")

    # junio: el I trimestre cerró y reemplaza su borrador; el final sigue en borrador y se actualiza
    editado = trimestral[0]
    documento = Document(str(editado))
    documento.add_paragraph("Corrección escrita a mano por el AP.")
    documento.save(str(editado))
    junio = expediente(hasta(datos_ejemplo, "2026-06-30"))
    resumen = formatos.generar(junio, tmp_path, formatos=BORRADORES, borradores=True, procesos=1)
    [fallido] = resumen.fallidos  # el borrador editado a mano no se pierde
    assert fallido.ruta == editado and "use --sobrescribir" in fallido.mensaje
    assert "Corrección escrita a mano" in texto_docx(editado)
    [final_t1] = [r for r in resumen.resultados if r.formato == "informe-trimestral-ap" and r.estado == "generado"]
    assert not final_t1.entrada.borrador and "BORRADOR" not in "\n".join(_encabezados(final_t1.ruta))
    [final_ugel] = [r for r in resumen.resultados if r.formato == "informe-final-ugel"]
    assert final_ugel.estado == "generado" and final_ugel.entrada.borrador  # con los datos de junio
    assert _encabezados(final_ugel.ruta)[0].startswith("BORRADOR")

    # un documento cerrado editado a mano tampoco se reemplaza, aunque sus datos cambien
    documento = Document(str(final_t1.ruta))
    documento.add_paragraph("Firmado.")
    documento.save(str(final_t1.ruta))
    otro = json.loads(json.dumps(hasta(datos_ejemplo, "2026-06-30")))
    dni = final_t1.registros[0].split(":")[1]
    next(n for n in otro["narrativas"] if n.get("dni_acompanante") == dni and n["periodo"] == "T1")["conclusiones"] = \
        "Conclusión corregida después."
    resumen = formatos.generar(expediente(otro), tmp_path, formatos=["informe-trimestral-ap"], procesos=1)
    assert final_t1.ruta in {r.ruta for r in resumen.fallidos} and "Firmado." in texto_docx(final_t1.ruta)
    assert Manifiesto.leer(tmp_path).entradas  # el manifiesto sigue describiendo la carpeta


def test_un_cerrado_cuyos_datos_cambiaron_pide_sobrescribir(datos_ejemplo, tmp_path):
    junio = hasta(datos_ejemplo, "2026-06-30")
    formatos.generar(expediente(junio), tmp_path, formatos=["informe-mensual"], mes="2026-06", procesos=1)
    junio["sucesos"].append({"id": "S99", "dni_acompanante": AP1, "fecha": "2026-06-20", "actividad": "visita",
                             "descripcion": "Lluvias cortaron el camino.", "efecto": "dificultó",
                             "accion": "Se reprogramó la visita."})
    resumen = formatos.generar(expediente(junio), tmp_path, formatos=["informe-mensual"], mes="2026-06", procesos=1)
    [fallido] = resumen.fallidos
    assert "sus datos cambiaron desde que se generó; use --sobrescribir para reemplazarlo" in fallido.mensaje


def test_mes_elige_lo_de_ese_mes(carga_ejemplo, tmp_path):
    exp = carga_ejemplo.expediente
    elegidos = ["matriz-docente", "plan-mensual", "informe-mensual", "informe-trimestral-ap", "informe-final-ap",
                "informe-taller"]
    resumen = formatos.generar(exp, tmp_path, formatos=elegidos, mes="2026-06", procesos=1)
    conteo = {f: sum(c.values()) for f, c in resumen.conteo().items()}
    assert conteo == {"matriz-docente": 14, "plan-mensual": 2, "informe-mensual": 2, "informe-trimestral-ap": 2}
    assert all("2026-06" in r.ruta.name or "T1" in r.ruta.name for r in resumen.resultados
               if r.formato != "plan-mensual")
    resumen = formatos.generar(exp, tmp_path, formatos=elegidos, mes="2026-11", periodo="anual", procesos=1)
    assert {f: sum(c.values()) for f, c in resumen.conteo().items()} == {"informe-final-ap": 2}
    with pytest.raises(ValueError, match="escríbalo como 2026-06"):
        formatos.generar(exp, tmp_path, mes="junio")


def test_preparatorio_va_el_mes_anterior_y_nunca_espera(carga_ejemplo, datos_ejemplo, tmp_path, monkeypatch):
    """Un instrumento de campo (formato preparatorio) de una visita de julio sale con --mes 2026-06."""
    matriz = FORMATOS["matriz-docente"]
    julio = ap.mes(2026, 7)

    def de_julio(exp):
        for d in matriz.documentos(exp):
            if d.agrupacion["mes"] == "2026-07":
                yield replace(d, periodo=julio, cerrado=False)

    instrumento = replace(matriz, identificador="instrumento-prueba", preparatorio=True, documentos=de_julio)
    registro = {**FORMATOS, "instrumento-prueba": instrumento}
    monkeypatch.setattr(lote, "FORMATOS", registro)
    monkeypatch.setattr(lote.trabajo, "FORMATOS", registro)
    doc = next(instrumento.documentos(carga_ejemplo.expediente))
    assert instrumento.mes_del_lote(doc) == "2026-06" and not instrumento.espera_cierre(doc)
    resumen = formatos.generar(expediente(hasta(datos_ejemplo, "2026-06-30")), tmp_path,
                               formatos=["instrumento-prueba"], mes="2026-06", procesos=1)
    assert resumen.pendientes == {} and not resumen.fallidos
    assert len(resumen.resultados) == 0  # en junio aún no están las visitas de julio: nada que preparar
    resumen = formatos.generar(carga_ejemplo.expediente, tmp_path, formatos=["instrumento-prueba"], mes="2026-06",
                               procesos=1)
    assert len(resumen.resultados) == 14 and not any(r.entrada.borrador for r in resumen.resultados)


def test_cli_valida_mes_periodo_y_corte(tmp_path, datos_ejemplo):
    entrada = escribir_json(tmp_path, hasta(datos_ejemplo, "2026-05-31"))
    for opcion, valor, mensaje in (("--mes", "junio", "«junio» no es un mes; escríbalo como 2026-06"),
                                   ("--periodo", "T9", "«T9» no es un periodo"),
                                   ("--corte", "31-06-2026", "«31-06-2026» no es una fecha")):
        corrida = CliRunner().invoke(cli, ["generar", str(entrada), "--salida", str(tmp_path / "s"), opcion, valor])
        assert corrida.exit_code == 2 and mensaje in corrida.output, corrida.output
    corrida = CliRunner().invoke(cli, ["generar", str(entrada), "--salida", str(tmp_path / "s"), "--procesos", "1",
                                       "--formato", "informe-trimestral-ap", "--corte", "30/06/2026"])
    assert corrida.exit_code == 0 and "Pendientes" not in corrida.output, corrida.output
    assert len(list((tmp_path / "s" / "informe-trimestral-ap").rglob("*.docx"))) == 2


# --- el borrador impreso (una sola conversión con LibreOffice) ------------------------------------------------
@pytest.fixture(scope="module")
def borrador_impreso(datos_ejemplo, tmp_path_factory):
    """Con datos hasta mayo, de un AP: una matriz (cerrada) y su informe trimestral (borrador), en PDF y en carpetas."""
    exp = expediente(hasta(datos_ejemplo, "2026-05-31"))
    sub = {}
    for nombre in ("matriz-docente", "informe-trimestral-ap"):
        docs = tuple(d for d in FORMATOS[nombre].documentos(exp) if d.agrupacion.get("acompanante") == AP2)[:1]
        sub[nombre] = replace(FORMATOS[nombre], documentos=lambda e, docs=docs: docs)
    salida = tmp_path_factory.mktemp("borrador")
    with pytest.MonkeyPatch.context() as parche:
        parche.setattr(lote, "FORMATOS", sub)
        parche.setattr(lote.trabajo, "FORMATOS", sub)
        return formatos.generar(exp, salida, borradores=True, pdf=True, carpetas=True, procesos=1)


@pytest.mark.libreoffice
def test_borrador_en_cada_pagina_del_pdf_y_fuera_de_las_carpetas(borrador_impreso):
    from pypdf import PdfReader

    resumen = borrador_impreso
    assert not resumen.fallidos, resumen.fallidos
    [pdf] = [r.ruta for r in resumen.resultados if r.formato == "informe-trimestral-ap (pdf)"]
    paginas = [" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages]
    assert len(paginas) > 3
    assert all("BORRADOR — periodo no cerrado (I trimestre de 2026): no firmar" in p for p in paginas)
    [matriz] = [r.ruta for r in resumen.resultados if r.formato == "matriz-docente (pdf)"]
    assert "BORRADOR" not in " ".join(p.extract_text() for p in PdfReader(matriz).pages)
    carpetas = [r.ruta for r in resumen.resultados if r.formato == "carpeta-de-firmas (pdf)"]
    assert carpetas and all("/2026-05/" in r.as_posix() for r in carpetas)  # el borrador no va a firmarse
    for carpeta in carpetas:
        texto = " ".join(p.extract_text() for p in PdfReader(carpeta).pages)
        assert "BORRADOR" not in texto and "Informe trimestral" not in texto


def test_carpeta_de_firmas_del_mes_en_que_cierra_el_periodo(carga_ejemplo):
    """El trimestral y el final del AP van a la carpeta del mes en que cierran: la del año no crece cada mes."""
    from formatos import carpetas

    exp = carga_ejemplo.expediente
    partes = [carpetas.Parte(FORMATOS[f], d, Path(f"{f}-{i}.docx"), ())
              for f in ("informe-mensual", "informe-trimestral-ap", "informe-final-ap", "informe-diagnostico-ap")
              for i, d in enumerate(documentos(exp, f)) if d.agrupacion["acompanante"] == AP1]
    rutas = {c.ruta.parent.name: sorted(p.formato.identificador for p in c.partes) for c in carpetas.clasificar(exp, partes)}
    assert "2026" not in rutas
    assert rutas["2026-06"] == ["informe-mensual", "informe-trimestral-ap"]
    assert rutas["2026-11"] == ["informe-final-ap", "informe-mensual", "informe-trimestral-ap"]
    assert rutas["2026-05"] == ["informe-diagnostico-ap", "informe-mensual"]
