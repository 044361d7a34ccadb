"""Fallos del lote y de sus salidas: nada se cuelga, nada se pierde, un mensaje en castellano por problema.

Nombres de archivo hostiles (una ruta por dato, siempre dentro de la carpeta), carpetas de salida que no
sirven, disco lleno y carpeta de solo lectura (E/S simulada), kill -9 del proceso principal, Ctrl+C, reanudar
sin manifiesto, LibreOffice colgado (con un `soffice` simulado), el límite total de los PDF, PDF iguales en
cualquier zona horaria, el prefijo de comilla en Excel y el reporte de errores de una ejecución anterior.
"""

from __future__ import annotations

import dataclasses
import errno
import io
import json
import re
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from pypdf import PdfReader

import formatos
import formatos.lote.manifiesto as manifiesto
import formatos.lote.trabajo as trabajo
from formatos import lote
from formatos.cli import cli
from formatos.documentos import ruta_de
from formatos.lote import Detenido, SalidaNoValida, generar
from formatos.lote.manifiesto import NOMBRE_DIARIO, Manifiesto
from formatos.recursos import expediente_ejemplo
from formatos.registro import FORMATOS
from formatos.salida.nombres import MAXIMO, clave, componente_seguro
from formatos.salida.pdf import FECHA_FIJA, convertir_a_pdf, pdf_determinista

from tests.conftest import escribir_json
from tests.test_pdf import soffice_falso  # noqa: F401 - fixture

DIRECTIVO = "matriz-directivo"
DOCENTE = "matriz-docente"
PROHIBIDOS_EN_ALGUN_SISTEMA = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


def ejecutar(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="formatos")


def con_rutas(monkeypatch, rutas: list[PurePosixPath], formato: str = DOCENTE) -> list:
    """El formato `formato` con sus primeros documentos en las `rutas` dadas (los de verdad, con otro nombre)."""
    original = FORMATOS[formato]

    def documentos(exp):
        for documento, ruta in zip(original.documentos(exp), rutas):
            yield dataclasses.replace(documento, ruta=ruta)
    cambiado = dataclasses.replace(original, documentos=documentos)
    for modulo in (lote, trabajo):
        monkeypatch.setitem(modulo.FORMATOS, formato, cambiado)
    return rutas


# --- nombres de salida ----------------------------------------------------------------------------------
HOSTILES = ["/tmp/rel/ABS", "Quispe/Mamani", "a\\b\\c", "..", ". .", "CON", "com1.txt", "COM¹", "CONIN$", "lpt9 ",
            "😀" * 80, "漢字" * 60, 'a:b*c?d"e<f>g|h', " .oculto", "x\u202egpj.exe", "tab\tsalto\nfin", "NUL", ""]


def test_cada_nombre_da_un_solo_componente_valido(carga_ejemplo, tmp_path, monkeypatch):
    rutas = [ruta_de(h, f"{h}.docx") for h in HOSTILES]
    con_rutas(monkeypatch, rutas)
    resumen = generar(carga_ejemplo.expediente, tmp_path / "s", formatos=[DOCENTE], procesos=1)
    assert not resumen.fallidos and len(resumen.resultados) == len(HOSTILES)
    raiz = (tmp_path / "s" / DOCENTE).resolve()
    for r in resumen.resultados:
        relativa = r.ruta.resolve().relative_to(raiz)  # dentro de la carpeta del formato
        assert len(relativa.parts) == 2, relativa  # una carpeta (el AP) y el archivo: nada más
        for parte in relativa.parts:
            assert not set(parte) & PROHIBIDOS_EN_ALGUN_SISTEMA, parte
            assert len(parte.encode("utf-8")) <= MAXIMO and parte == unicodedata.normalize("NFC", parte)
            assert parte.strip(" .") == parte and parte not in ("", ".", "..")
            assert parte.split(".")[0].upper() not in ("CON", "NUL", "COM1", "COM¹", "CONIN$", "LPT9")
        assert relativa.suffix == ".docx"
    nombres = sorted(p.name for p in raiz.rglob("*.docx"))
    assert "-tmp-rel-ABS.docx" in nombres and "Quispe-Mamani.docx" in nombres and "a-b-c.docx" in nombres
    assert "sin nombre.docx" in nombres and "_CON.docx" in nombres and "_COM¹.docx" in nombres
    assert "a-b_c_d'e_f_g-h.docx" in nombres and "oculto.docx" in nombres and "tab salto fin.docx" in nombres


def test_un_apellido_con_barra_no_sale_de_la_carpeta_del_formato(tmp_path, datos_ejemplo):
    """Con los documentos de verdad (`ruta_de` en cada formato): antes, `salida/tmp/rel/ABS-docente Rosa.docx`."""
    datos = json.loads(json.dumps(datos_ejemplo))
    datos["docentes"][0]["apellidos"] = "/tmp/rel/ABS"
    datos["acompanantes"][0]["apellidos"] = "../../fuera"
    entrada = escribir_json(tmp_path, datos)
    r = ejecutar("generar", entrada, "--salida", tmp_path / "s", "--formato", "matriz-docente", "--procesos", "1")
    assert r.exit_code == 0, r.output
    archivos = [p.relative_to(tmp_path / "s") for p in (tmp_path / "s").rglob("*.docx")]
    assert archivos and all(p.parts[0] == "matriz-docente" and len(p.parts) == 3 for p in archivos)
    assert any(p.name.endswith("-tmp-rel-ABS Rosa Elena.docx") for p in archivos)
    assert any(p.parts[1].startswith("-..-fuera Julián") for p in archivos)
    assert not (tmp_path / "fuera").exists() and not (tmp_path / "s" / "tmp").exists()


def test_colisiones_tras_normalizar_y_plegar_mayusculas_dan_2(carga_ejemplo, tmp_path, monkeypatch):
    nombres = ["María Quispe", "MARÍA QUISPE", "Mari\u0301a Quispe", "María Quispe", "ＭＡＲＩＡ", "MARIA"]
    con_rutas(monkeypatch, [ruta_de("AP", f"{n}.docx") for n in nombres])
    resumen = generar(carga_ejemplo.expediente, tmp_path, formatos=[DOCENTE], procesos=1)
    obtenidos = [r.ruta.name for r in resumen.resultados]
    assert obtenidos == ["María Quispe.docx", "MARÍA QUISPE (2).docx", "María Quispe (3).docx",
                         "María Quispe (4).docx", "ＭＡＲＩＡ.docx", "MARIA (2).docx"]
    assert len({clave(n) for n in obtenidos}) == len(obtenidos)
    assert len(list((tmp_path / DOCENTE / "AP").iterdir())) == len(nombres)


def test_un_nombre_largo_se_corta_en_bytes_y_el_pdf_no_se_salta(carga_ejemplo, tmp_path, monkeypatch,
                                                                 soffice_falso):  # noqa: F811
    con_rutas(monkeypatch, [ruta_de("😀" * 100, "漢字" * 200 + ".docx"), ruta_de("..", ".. ..docx")])
    resumen = generar(carga_ejemplo.expediente, tmp_path, formatos=[DOCENTE], procesos=1, pdf=True)
    assert not resumen.fallidos
    pdfs = [r.ruta for r in resumen.resultados if r.formato.endswith("(pdf)")]
    assert len(pdfs) == 2 and all(p.exists() and p.suffix == ".pdf" for p in pdfs)
    assert all(len(p.name.encode()) <= MAXIMO for p in pdfs)
    assert componente_seguro("😀" * 100) == "😀" * (MAXIMO // 4)


def test_subcarpeta_enlazada_fuera_de_la_salida(carga_ejemplo, tmp_path, datos_ejemplo):
    afuera = tmp_path / "afuera"
    afuera.mkdir()
    salida = tmp_path / "s"
    salida.mkdir()
    (salida / DIRECTIVO).symlink_to(afuera, target_is_directory=True)
    with pytest.raises(SalidaNoValida, match="es un enlace a otra carpeta, fuera de la carpeta de salida"):
        generar(carga_ejemplo.expediente, salida, formatos=[DIRECTIVO], procesos=1)
    assert list(afuera.iterdir()) == []
    r = ejecutar("generar", escribir_json(tmp_path, datos_ejemplo), "--salida", salida, "--formato", DIRECTIVO)
    assert r.exit_code == 1 and "No se generó nada: la carpeta" in r.output and "Traceback" not in r.output
    (salida / "adentro").mkdir()  # un enlace que queda dentro de la salida sí sirve
    (salida / DIRECTIVO).unlink()
    (salida / DIRECTIVO).symlink_to(salida / "adentro", target_is_directory=True)
    assert not generar(carga_ejemplo.expediente, salida, formatos=[DIRECTIVO], procesos=1).fallidos


def test_salida_que_es_un_archivo(tmp_path, datos_ejemplo):
    archivo = tmp_path / "documentos"
    archivo.write_text("no soy una carpeta")
    r = ejecutar("generar", escribir_json(tmp_path, datos_ejemplo), "--salida", archivo, "--formato", DIRECTIVO)
    assert r.exit_code == 2 and "Traceback" not in r.output  # la CLI lo rechaza como opción mal dada
    assert f"«{archivo}» es un archivo (se esperaba una carpeta)" in r.output
    r = ejecutar("generar", escribir_json(tmp_path, datos_ejemplo), "--salida", archivo / "sub", "--formato", DIRECTIVO)
    assert r.exit_code == 1 and "una parte de la ruta es un archivo, no una carpeta" in r.output


# --- disco lleno y carpeta de solo lectura -----------------------------------------------------------------
def _sin_espacio_despues_de(monkeypatch, modulo, n: int) -> list:
    """`escribir_atomico` de `modulo` escribe `n` archivos y luego falla como con el disco lleno."""
    escritos: list = []
    original = modulo.escribir_atomico

    def escribir(destino, datos):
        if len(escritos) >= n:
            raise OSError(errno.ENOSPC, "No space left on device")
        original(destino, datos)
        escritos.append(destino)
    monkeypatch.setattr(modulo, "escribir_atomico", escribir)
    return escritos


def test_disco_lleno_detiene_el_lote_y_conserva_lo_escrito(carga_ejemplo, tmp_path, monkeypatch):
    escritos = _sin_espacio_despues_de(monkeypatch, trabajo, 3)
    _sin_espacio_despues_de(monkeypatch, manifiesto, 0)  # ni el manifiesto cabe
    with pytest.raises(Detenido) as error:
        generar(carga_ejemplo.expediente, tmp_path, formatos=[DIRECTIVO], procesos=1)
    mensaje = str(error.value)
    assert mensaje.startswith("no se pudo escribir ") and "no queda espacio en el disco. Se detuvo el lote" in mensaje
    resumen = error.value.resumen
    assert [r.estado for r in resumen.resultados] == ["generado"] * 3 + ["fallido"]  # no siguió intentando
    assert any("no se pudo guardar" in a and "no queda espacio en el disco" in a for a in resumen.avisos)
    assert all(p.exists() for p in escritos)
    assert len((tmp_path / NOMBRE_DIARIO).read_text("utf-8").splitlines()) == 3  # lo hecho quedó anotado
    monkeypatch.undo()
    otra = generar(carga_ejemplo.expediente, tmp_path, formatos=[DIRECTIVO], procesos=1)
    assert [r.estado for r in otra.resultados[:3]] == ["sin cambios"] * 3 and not otra.fallidos
    assert not (tmp_path / NOMBRE_DIARIO).exists()  # ya está en el manifiesto


def test_disco_lleno_en_la_orden(tmp_path, datos_ejemplo, monkeypatch):
    _sin_espacio_despues_de(monkeypatch, trabajo, 2)
    r = ejecutar("generar", escribir_json(tmp_path, datos_ejemplo), "--salida", tmp_path / "s", "--formato", DIRECTIVO,
                 "--procesos", "1")
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "Se detuvo el lote: no se pudo escribir" in r.output and "no queda espacio en el disco" in r.output
    assert "libere espacio" in r.output
    assert "matriz-directivo                     2            0         1" in r.output  # el resumen de lo hecho


def test_carpeta_de_solo_lectura(tmp_path, datos_ejemplo, monkeypatch):
    escribir = Path.write_bytes

    def solo_lectura(self, datos):
        if self.parent == tmp_path / "s":
            raise OSError(errno.EROFS, "Read-only file system")
        return escribir(self, datos)
    (tmp_path / "s").mkdir()
    monkeypatch.setattr(Path, "write_bytes", solo_lectura)
    r = ejecutar("generar", escribir_json(tmp_path, datos_ejemplo), "--salida", tmp_path / "s", "--formato", DIRECTIVO)
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert f"No se generó nada: no se puede escribir en la carpeta «{tmp_path / 's'}»: la carpeta es de solo lectura" \
        in r.output


# --- kill -9, Ctrl+C y reanudar -----------------------------------------------------------------------------
LENTO = """
import sys, time
import formatos.lote.trabajo as trabajo
hacer_uno = trabajo.Trabajador.hacer_uno
DEMORA = float(sys.argv[3])
def lento(self, tarea):
    time.sleep(DEMORA)
    return hacer_uno(self, tarea)
trabajo.Trabajador.hacer_uno = lento
from formatos.cli import main
sys.argv = ["formatos", "generar", sys.argv[2], "--salida", sys.argv[1], "--procesos", "2", "--formato", "matriz-docente"]
main()
"""


def _hijos(pid: int) -> list[int]:
    hijos = []
    for tarea in Path(f"/proc/{pid}/task").iterdir():
        hijos += [int(h) for h in (tarea / "children").read_text().split()]
    return hijos


def _vivo(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _esperar(condicion, segundos: float, que: str) -> None:
    limite = time.monotonic() + segundos
    while not condicion():
        assert time.monotonic() < limite, que
        time.sleep(0.1)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="se leen los procesos en /proc (Linux)")
def test_kill_9_del_principal_los_procesos_de_trabajo_terminan_y_se_reanuda_rapido(tmp_path, carga_ejemplo,
                                                                                    monkeypatch):
    salida = tmp_path / "s"
    proceso = subprocess.Popen([sys.executable, "-c", LENTO, str(salida), str(expediente_ejemplo()), "0.1"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _esperar(lambda: len(list(salida.rglob("*.docx"))) >= 12, 120, "el lote no empezó")
    trabajadores = _hijos(proceso.pid)
    assert len(trabajadores) >= 2
    time.sleep(1.0)  # que el diario alcance a anotar lo terminado
    proceso.kill()
    proceso.wait()
    _esperar(lambda: not any(_vivo(p) for p in trabajadores), 30, "los procesos de trabajo siguen vivos")
    assert not (salida / "manifiesto.json").exists()  # murió sin guardarlo: queda el diario
    anotados = len(Manifiesto.leer(salida).entradas)
    assert anotados >= 12
    renderizados = []
    preparar = trabajo.preparar

    def contar(ruta):
        renderizar = preparar(ruta)
        return lambda contexto: (renderizados.append(1), renderizar(contexto))[1]
    monkeypatch.setattr(trabajo, "preparar", contar)
    otra = generar(carga_ejemplo.expediente, salida, formatos=["matriz-docente"], procesos=1)
    assert not otra.fallidos
    assert sum(r.estado == "sin cambios" for r in otra.resultados) >= anotados
    assert len(renderizados) == len(otra.resultados) - anotados  # lo anotado no se vuelve a llenar


def test_ctrl_c_termina_con_el_documento_en_curso(tmp_path):
    """Cada documento tarda 1 s y cada proceso tiene una tanda de 12: antes se esperaba la tanda entera."""
    salida = tmp_path / "s"
    proceso = subprocess.Popen([sys.executable, "-c", LENTO, str(salida), str(expediente_ejemplo()), "1.0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _esperar(lambda: len(list(salida.rglob("*.docx"))) >= 2, 120, "el lote no empezó")
    proceso.send_signal(signal.SIGINT)
    _, errores = proceso.communicate(timeout=60)
    assert proceso.returncode == 130 and "Interrumpido" in errores
    hechos = Manifiesto.leer(salida).entradas
    assert 2 <= len(hechos) <= 6, len(hechos)  # los dos procesos terminaron su documento y dejaron la tanda
    assert len(list(salida.rglob("*.docx"))) == len(hechos)


# --- LibreOffice ---------------------------------------------------------------------------------------------
def _docs(tmp_path: Path, contenidos: list[bytes]) -> list[Path]:
    rutas = []
    for i, contenido in enumerate(contenidos):
        rutas.append(tmp_path / f"doc {i}.docx")
        rutas[-1].write_bytes(contenido)
    return rutas


def test_tras_dos_cuelgues_el_trabajador_deja_su_lote(tmp_path, soffice_falso):  # noqa: F811
    rutas = _docs(tmp_path, [b"COLGAR 1", b"COLGAR 2", b"tres", b"cuatro"])
    resultados = convertir_a_pdf(rutas, trabajadores=1, tiempo_limite=0.5, arranque=10.0)
    assert [r.estado for r in resultados] == ["fallido"] * 4
    assert all("no terminó en 0.5 s" in r.mensaje for r in resultados[:2])
    assert all("LibreOffice se colgó 2 veces con este grupo de documentos" in r.mensaje for r in resultados[2:])
    assert soffice_falso() == 2  # no hubo un tercer arranque


def test_limite_total_de_los_pdf(tmp_path, soffice_falso):  # noqa: F811
    rutas = _docs(tmp_path, [b"LENTO uno", b"LENTO dos", b"LENTO tres", b"LENTO cuatro", b"LENTO cinco"])
    resultados = convertir_a_pdf(rutas, trabajadores=1, limite_total=1.0, arranque=10.0)
    estados = [r.estado for r in resultados]
    assert estados[0] == "convertido" and estados[-1] == "fallido"
    assert all("se alcanzó el límite de tiempo para los PDF" in r.mensaje for r in resultados if r.estado == "fallido")


def test_limite_pdf_en_la_orden(tmp_path, datos_ejemplo, soffice_falso, monkeypatch):  # noqa: F811
    monkeypatch.setenv("SOFFICE_DEMORA", "0.5")
    r = ejecutar("generar", escribir_json(tmp_path, datos_ejemplo), "--salida", tmp_path / "s", "--formato", DIRECTIVO,
                 "--pdf", "--limite-pdf", "0.01")  # 0,6 s
    assert r.exit_code == 1
    reporte = (tmp_path / "s" / "reporte-errores.txt").read_text("utf-8")
    assert "se alcanzó el límite de tiempo para los PDF (0.01 min)" in reporte
    assert len(list((tmp_path / "s").rglob("*.docx"))) == len(datos_ejemplo["valoraciones_directivo"])  # todos


def _pdf(fecha: str) -> bytes:
    """Un PDF como los de LibreOffice (tabla xref clásica, fechas sin escapar), con la información primero: todo lo
    que sigue se corre si la fecha cambia de largo."""
    objetos = [f"<</Title(hola)/Producer(LibreOffice 7.4)/CreationDate(D:{fecha})>>",
               "<</Type/Catalog/Pages 3 0 R>>", "<</Type/Pages/Kids[4 0 R]/Count 1>>",
               "<</Type/Page/Parent 3 0 R/MediaBox[0 0 200 200]>>"]
    datos, posiciones = b"%PDF-1.6\n", []
    for n, objeto in enumerate(objetos, start=1):
        posiciones.append(len(datos))
        datos += f"{n} 0 obj\n{objeto}\nendobj\n".encode()
    xref = len(datos)
    datos += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % p for p in posiciones)
    datos += (b"trailer\n<</Size 5/Root 2 0 R/Info 1 0 R/ID[<0123456789ABCDEF0123456789ABCDEF>"
              b"<0123456789ABCDEF0123456789ABCDEF>]>>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return datos


def test_mismo_pdf_en_cualquier_zona_horaria():
    """LibreOffice escribe la fecha con la zona del equipo: «-05'00'» en Lima, «Z'» en UTC (otro largo)."""
    zonas = [_pdf("20261201222225-05'00'"), _pdf("20261202032225Z'"), _pdf("20261202085225+05'30'")]
    assert len({len(z) for z in zonas}) == 2
    fijos = [pdf_determinista(z, b"el mismo docx") for z in zonas]
    assert fijos[0] == fijos[1] == fijos[2]
    lector = PdfReader(io.BytesIO(fijos[0]), strict=True)  # la tabla xref sigue bien: se lee sin reparar nada
    assert lector.metadata["/CreationDate"] == FECHA_FIJA.decode() and lector.metadata["/Title"] == "hola"
    assert len(lector.pages) == 1 and lector.pages[0].mediabox.width == 200


# --- Excel: ningún texto de los datos se vuelve fórmula ---------------------------------------------------
def test_ningun_texto_de_los_datos_es_formula_en_los_consolidados(tmp_path, datos_ejemplo):
    datos = json.loads(json.dumps(datos_ejemplo))
    datos["ugel"]["nombre"] = "=HYPERLINK(\"http://ejemplo.org\",\"UGEL\")"
    datos["acompanantes"][0]["apellidos"] = "+Ñaupari"
    r = ejecutar("generar", escribir_json(tmp_path, datos), "--salida", tmp_path / "s",
                 "--formato", "consolidado-valoraciones", "--formato", "consolidado-protocolo", "--procesos", "1")
    assert r.exit_code == 0, r.output
    revisadas = 0
    for libro in (tmp_path / "s").rglob("*.xlsx"):
        for hoja in load_workbook(libro).worksheets:
            for fila in hoja.iter_rows():
                for celda in fila:
                    if isinstance(celda.value, str) and celda.value.startswith(("=", "+", "-", "@")):
                        assert celda.data_type == "s" and celda.quotePrefix, (libro.name, hoja.title, celda.coordinate)
                        revisadas += 1
    assert revisadas >= 15  # los títulos «Subtítulo» con el nombre de la UGEL, entre otros


# --- el reporte de errores de una ejecución anterior ---------------------------------------------------
def test_el_reporte_anterior_se_conserva_o_se_dice(carga_ejemplo, tmp_path, monkeypatch):
    original = FORMATOS[DIRECTIVO]

    def falla():
        raise formatos.errores.ErrorFormatos("la I. E. no tiene director")
    con_falla = dataclasses.replace(original, documentos=lambda e: [dataclasses.replace(d, contexto=falla)
                                                                    for d in original.documentos(e)][:1])
    monkeypatch.setitem(lote.FORMATOS, DIRECTIVO, con_falla)
    monkeypatch.setitem(trabajo.FORMATOS, DIRECTIVO, con_falla)
    primera = generar(carga_ejemplo.expediente, tmp_path, formatos=[DOCENTE, DIRECTIVO], procesos=1)
    reporte = tmp_path / "reporte-errores.txt"
    assert primera.reporte_errores == reporte and "la I. E. no tiene director" in reporte.read_text("utf-8")
    monkeypatch.setitem(lote.FORMATOS, DIRECTIVO, original)
    monkeypatch.setitem(trabajo.FORMATOS, DIRECTIVO, original)
    otro = generar(carga_ejemplo.expediente, tmp_path, formatos=[DOCENTE], procesos=1)
    assert reporte.exists() and otro.reporte_errores is None  # sus problemas (del directivo) siguen ahí
    assert otro.avisos == ["se conserva reporte-errores.txt, de una ejecución anterior: tiene documentos fallidos de "
                           "formatos que esta no hizo (matriz-directivo)"]
    el_mismo = generar(carga_ejemplo.expediente, tmp_path, formatos=[DIRECTIVO], procesos=1)
    assert not reporte.exists()
    assert el_mismo.avisos == ["se borró reporte-errores.txt, de una ejecución anterior: esta vez no hubo errores"]


# --- una plantilla que pasa un límite en el lote -------------------------------------------------------------
def test_una_plantilla_que_pasa_un_limite_no_detiene_el_lote(tmp_path, datos_ejemplo):
    from docx import Document

    propias = tmp_path / "propias"
    propias.mkdir()
    doc = Document()
    doc.add_paragraph("{{ (docente.dni|int) ** (docente.dni|int) }}")  # pasa la verificación: los datos de prueba no son números
    doc.save(str(propias / "matriz-docente.docx"))
    r = ejecutar("generar", escribir_json(tmp_path, datos_ejemplo), "--salida", tmp_path / "s", "--plantillas", propias,
                 "--formato", "matriz-docente", "--formato", DIRECTIVO, "--procesos", "2")
    assert r.exit_code == 1 and "Traceback" not in r.output
    n = len(datos_ejemplo["valoraciones"])
    assert re.search(rf"matriz-docente +0 +0 +{n}\n", r.output), r.output
    m = len(datos_ejemplo["valoraciones_directivo"])
    assert re.search(rf"matriz-directivo +{m} +0 +0\n", r.output), r.output
    reporte = (tmp_path / "s" / "reporte-errores.txt").read_text("utf-8")
    assert "cuerpo, en «{{ (docente.dni|int) ** (docente.dni|int) }}»: «" in reporte
    assert "da un número de más de 16 384 bits: no se calcula" in reporte
