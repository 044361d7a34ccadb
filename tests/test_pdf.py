"""PDF con el grupo de LibreOffice y carpetas de firmas.

Las pruebas con LibreOffice usan los documentos de un solo AP y un mes del ejemplo; las del grupo de
trabajadores (límite de tiempo, cierres, reinicios) usan un `soffice` simulado, sin LibreOffice.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import replace
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

import formatos
from formatos import carpetas, lote
from formatos.cli import cli
from formatos.documentos import Documento, Formato
from formatos.documentos.comunes import firma
from formatos.registro import FORMATOS
from formatos.salida.pdf import LibreOfficeNoEncontrado, buscar_soffice, convertir_a_pdf

AP, MES = "43098127", "2026-06"
PAGINAS = {"matriz-docente": (1, 2), "matriz-directivo": (1, 2), "plan-individual": (1, 3)}
"""Páginas esperadas por formato; los demás (planes del AP, informes con gráficos), de 1 a 15."""


def subconjunto(exp) -> dict[str, Formato]:
    """Cada formato con solo los documentos de un AP en un mes; si un formato no tiene ninguno ahí, su
    primer documento. Así la prueba sigue siendo corta."""
    elegidos = {}
    for f in FORMATOS.values():
        todos = list(f.documentos(exp))
        del_mes = [d for d in todos if d.agrupacion.get("acompanante") == AP and f.mes_del_lote(d) == MES]
        elegidos[f.identificador] = replace(f, documentos=lambda e, docs=tuple(del_mes or todos[:1]): docs)
    return elegidos


def texto_pdf(ruta: Path, paginas: range | None = None) -> str:
    """El texto de un PDF (o de algunas páginas), con los espacios y saltos de línea reducidos a un espacio."""
    lector = PdfReader(ruta)
    indices = paginas if paginas is not None else range(len(lector.pages))
    return re.sub(r"\s+", " ", " ".join(lector.pages[i].extract_text() for i in indices))


def paginas(ruta: Path) -> int:
    return len(PdfReader(ruta).pages)


@pytest.fixture(scope="session")
def impreso(tmp_path_factory, carga_ejemplo):
    exp, salida = carga_ejemplo.expediente, tmp_path_factory.mktemp("impreso")
    sub = subconjunto(exp)
    with pytest.MonkeyPatch.context() as parche:
        parche.setattr(lote, "FORMATOS", sub)
        parche.setattr(lote.trabajo, "FORMATOS", sub)
        return exp, sub, formatos.generar(exp, salida, pdf=True, carpetas=True, procesos=1)


@pytest.mark.libreoffice
def test_cada_formato_tiene_su_pdf_con_el_docente_y_las_firmas(impreso):
    exp, sub, resumen = impreso
    assert not resumen.fallidos, resumen.fallidos
    docx = {(r.formato, r.registros): r.ruta for r in resumen.resultados if r.ruta and r.ruta.suffix == ".docx"}
    vistos, word = set(), {f.identificador for f in FORMATOS.values() if f.extension == ".docx"}
    for formato in (f for f in sub.values() if f.identificador in word):  # los libros de Excel no van a PDF
        for documento in formato.documentos(exp):
            pdf = docx[(formato.identificador, documento.registros)].with_suffix(".pdf")
            n = paginas(pdf)
            minimo, maximo = PAGINAS.get(formato.identificador, (1, 15))
            assert minimo <= n <= maximo, pdf
            assert f"Página {n} de {n}" in texto_pdf(pdf, range(n - 1, n))
            texto = texto_pdf(pdf)
            if "docente" in documento.agrupacion:
                docente = exp.docente(documento.agrupacion["docente"])
                assert f"{docente.nombres} {docente.apellidos}" in texto
            firmas = carpetas.firmas_de(documento.contexto())
            assert firmas, formato.identificador
            for f in firmas:
                for linea in (f"{f.nombres} {f.apellidos}", f"DNI N.° {f.dni}", f.cargo):
                    assert linea in texto, (pdf.name, linea)
            vistos.add(formato.identificador)
    assert vistos == word
    conteo = resumen.conteo()
    for identificador in word:
        assert conteo[f"{identificador} (pdf)"]["generado"] == conteo[identificador]["generado"] > 0


@pytest.mark.libreoffice
def test_mismo_docx_mismo_pdf(impreso, tmp_path, monkeypatch):
    """Aun en otra zona horaria (LibreOffice escribe la hora local, con otro largo en UTC)."""
    _, _, resumen = impreso
    origen = next(r.ruta for r in resumen.resultados if r.ruta and r.ruta.suffix == ".docx")
    copia = tmp_path / "copia.docx"
    copia.write_bytes(origen.read_bytes())
    monkeypatch.setenv("TZ", "Asia/Kolkata" if os.environ.get("TZ") != "Asia/Kolkata" else "America/Lima")
    [conversion] = convertir_a_pdf([copia])
    assert conversion.estado == "convertido"
    assert copia.with_suffix(".pdf").read_bytes() == origen.with_suffix(".pdf").read_bytes()
    assert PdfReader(origen.with_suffix(".pdf")).metadata["/CreationDate"] == "D:20000101000000Z"


def _partes_esperadas(impreso, filtro) -> list[Path]:
    """Los PDF de los documentos que cumplen `filtro(agrupacion, firmas)`, calculados aquí sin el clasificador (el
    mes de la agrupación es el del documento: un informe, el mes en que cierra su periodo)."""
    exp, sub, resumen = impreso
    docx = {(r.formato, r.registros): r.ruta for r in resumen.resultados if r.ruta and r.ruta.suffix == ".docx"}
    return [
        docx[(f.identificador, d.registros)].with_suffix(".pdf")
        for f in sub.values() if f.extension == ".docx" for d in f.documentos(exp)
        if filtro({**d.agrupacion, "mes": f.mes_del_lote(d) or ""}, {x.dni for x in carpetas.firmas_de(d.contexto())})
    ]


@pytest.mark.libreoffice
def test_carpeta_del_ap_portada_mas_sus_documentos(impreso):
    exp, _, resumen = impreso
    carpeta_ap = [r.ruta for r in resumen.resultados if r.formato == f"{carpetas.CARPETA} (pdf)"
                  and r.ruta.name.startswith(f"{MES} AP ")]
    assert len(carpeta_ap) == 1
    [pdf] = carpeta_ap
    partes = _partes_esperadas(impreso, lambda g, _: g.get("acompanante") == AP and g.get("mes") == MES)
    assert len(partes) >= 9
    suma = sum(paginas(p) for p in partes)
    portada = paginas(pdf) - suma
    assert portada >= 1
    texto_portada = texto_pdf(pdf, range(portada))
    assert "CARPETA DE FIRMAS" in texto_portada and "junio de 2026" in texto_portada
    assert f"{paginas(pdf)} (con esta portada)" in texto_portada
    ap = exp.acompanante(AP)
    assert f"{ap.nombres} {ap.apellidos}" in texto_portada
    assert texto_portada.count("☐") >= 2 * len(partes)  # una casilla por firma, más la lista por firmante
    # después de la portada, las páginas de cada documento, tal cual
    textos_partes = {texto_pdf(p, range(0, 1)) for p in partes}
    inicios = [texto_pdf(pdf, range(i, i + 1)) for i in range(portada, paginas(pdf))]
    assert textos_partes <= set(inicios)
    assert "(con esta portada)" not in texto_pdf(pdf, range(portada, paginas(pdf)))


@pytest.mark.libreoffice
def test_carpeta_del_director_solo_lo_que_firma(impreso):
    exp, _, resumen = impreso
    directores = [d for d in exp.docentes if d.es_director and d.dni_acompanante == AP]
    pdfs = sorted(r.ruta for r in resumen.resultados if r.formato == f"{carpetas.CARPETA} (pdf)"
                  and r.ruta.name.startswith(f"{MES} Director "))
    assert len(pdfs) == len(directores) == 3
    for director in directores:
        ie = exp.institucion(director.codigo_modular)
        [pdf] = [p for p in pdfs if f"({ie.codigo_modular})" in p.name]
        partes = _partes_esperadas(impreso, lambda g, dnis: g.get("institucion") == ie.codigo_modular
                                   and g.get("mes") == MES and director.dni in dnis)
        assert {"matriz-docente", "matriz-directivo"} <= {p.parent.parent.name for p in partes}
        assert paginas(pdf) == sum(paginas(p) for p in partes) + 1
        assert f"{director.nombres} {director.apellidos}" in texto_pdf(pdf, range(1))


@pytest.mark.libreoffice
def test_docx_unido_una_seccion_por_documento(impreso):
    from docx import Document

    exp, _, resumen = impreso
    [unido] = [r.ruta for r in resumen.resultados if r.formato == f"{carpetas.CARPETA} (docx)"
               and r.ruta.name.startswith(f"{MES} AP ")]
    doc = Document(str(unido))
    partes = _partes_esperadas(impreso, lambda g, _: g.get("acompanante") == AP and g.get("mes") == MES)
    assert len(doc.sections) == 1 + len(partes)
    for seccion in doc.sections:
        assert seccion._sectPr.xpath("w:pgNumType/@w:start") == ["1"]
        assert "SECTIONPAGES" in seccion.footer.part.element.xml
    assert len({s.footer.part.partname for s in doc.sections}) == len(doc.sections)


def _firma(exp, dni):
    return firma(exp.docente(dni), "Docente acompañado")


def test_un_formato_nuevo_entra_en_las_carpetas_sin_tocar_el_codigo(carga_ejemplo):
    """Un formato que no figura en carpetas.toml va después de los conocidos, dentro del grupo de su docente."""
    exp = carga_ejemplo.expediente
    docentes = [d for d in exp.docentes if d.dni_acompanante == AP]
    cm = docentes[0].codigo_modular
    nuevo = Formato("zz-nuevo", "Formato nuevo", "x.docx", type(None), lambda e: [])  # type: ignore[arg-type]
    conocido = FORMATOS["matriz-docente"]

    def parte(formato, docente, nombre, agrupacion=None):
        g = agrupacion or {"acompanante": AP, "mes": MES, "institucion": docente.codigo_modular, "docente": docente.dni}
        doc = Documento(PurePosixPath(nombre), (nombre,), lambda: None, g)
        return carpetas.Parte(formato, doc, Path(nombre), (_firma(exp, docente.dni),) if docente else ())

    partes = [parte(nuevo, docentes[0], "a.docx"), parte(conocido, docentes[0], "b.docx"),
              parte(conocido, docentes[1], "c.docx"),
              parte(nuevo, None, "ap.docx", {"acompanante": AP, "mes": MES}),
              parte(nuevo, None, "ie.docx", {"acompanante": AP, "mes": MES, "institucion": cm})]
    [carpeta] = [c for c in carpetas.clasificar(exp, partes) if " AP " in c.ruta.name]
    nombres = [str(p.documento.ruta) for p in carpeta.partes]
    assert nombres[0] == "ap.docx"  # lo del AP, primero
    assert nombres.index("ie.docx") < nombres.index("b.docx") < nombres.index("a.docx")  # la I. E., luego su docente
    assert abs(nombres.index("a.docx") - nombres.index("b.docx")) == 1  # los de un docente, juntos
    assert carpeta.ruta.parts[:2] == (carpetas.CARPETA, MES)


# --- el grupo de trabajadores, con un soffice simulado ---

FALSO = """#!{python}
import os, sys, time
args = sys.argv[1:]
with open(os.environ["SOFFICE_REGISTRO"], "a") as f:
    f.write("arranque\\n")
salida = args[args.index("--outdir") + 1]
os.makedirs(salida, exist_ok=True)
demora = float(os.environ.get("SOFFICE_DEMORA", "0"))
for ruta in args[args.index("--outdir") + 2:]:
    datos = open(ruta, "rb").read()
    time.sleep(demora + (0.4 if b"LENTO" in datos else 0))
    if b"COLGAR" in datos:
        time.sleep(600)
    if b"ROMPER" in datos:
        os._exit(139)
    if b"ILEGIBLE" in datos:
        continue
    nombre = os.path.splitext(os.path.basename(ruta))[0] + ".pdf"
    with open(os.path.join(salida, nombre), "wb") as f:
        f.write(b"%PDF-1.4\\n%" + datos + b"\\n%%EOF\\n")
"""


@pytest.fixture
def soffice_falso(tmp_path, monkeypatch):
    if sys.platform == "win32":
        pytest.skip("el soffice simulado es un script de POSIX")
    script = tmp_path / "soffice"
    script.write_text(FALSO.format(python=sys.executable))
    script.chmod(0o755)
    registro = tmp_path / "arranques.txt"
    monkeypatch.setenv("FORMATOS_SOFFICE", str(script))
    monkeypatch.setenv("SOFFICE_REGISTRO", str(registro))
    return lambda: registro.read_text().count("arranque") if registro.exists() else 0


def _archivos(tmp_path, contenidos):
    rutas = []
    for i, contenido in enumerate(contenidos):
        rutas.append(tmp_path / f"doc {i}.docx")
        rutas[-1].write_bytes(contenido)
    return rutas


def test_un_documento_que_cuelga_se_detiene_y_los_demas_terminan(tmp_path, soffice_falso):
    rutas = _archivos(tmp_path, [b"uno", b"dos", b"COLGAR", b"cuatro", b"cinco"])
    resultados = convertir_a_pdf(rutas, trabajadores=1, tiempo_limite=1.0, arranque=10.0)
    assert [r.estado for r in resultados] == ["convertido", "convertido", "fallido", "convertido", "convertido"]
    assert "no terminó en 1 s" in resultados[2].mensaje
    assert not rutas[2].with_suffix(".pdf").exists()
    assert rutas[4].with_suffix(".pdf").read_bytes().startswith(b"%PDF-1.4\n%cinco")
    assert soffice_falso() == 2  # se reinició después de detenerlo


def test_tras_un_cierre_inesperado_se_reinicia_y_sigue(tmp_path, soffice_falso):
    rutas = _archivos(tmp_path, [b"uno", b"ROMPER", b"ILEGIBLE", b"cuatro"])
    resultados = convertir_a_pdf(rutas, trabajadores=1, tiempo_limite=5.0, arranque=10.0)
    assert [r.estado for r in resultados] == ["convertido", "fallido", "fallido", "convertido"]
    assert "se cerró inesperadamente" in resultados[1].mensaje
    assert resultados[2].mensaje == "LibreOffice no pudo convertirlo"
    assert soffice_falso() == 2


def test_se_reinicia_cada_n_documentos_y_reparte_entre_trabajadores(tmp_path, soffice_falso):
    rutas = _archivos(tmp_path, [f"doc{i}".encode() for i in range(7)])
    resultados = convertir_a_pdf(rutas, trabajadores=1, por_arranque=3)
    assert all(r.estado == "convertido" for r in resultados)
    assert soffice_falso() == 3
    convertir_a_pdf(rutas, trabajadores=2, por_arranque=50)
    assert soffice_falso() == 3 + 2


def test_sin_libreoffice_un_mensaje_claro(tmp_path, monkeypatch):
    monkeypatch.delenv("FORMATOS_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LibreOfficeNoEncontrado) as error:
        buscar_soffice()
    assert "apt install libreoffice" in str(error.value) and "Windows" in str(error.value)
    resultado = CliRunner().invoke(cli, ["demo", "--pdf", "--salida", str(tmp_path / "demo")])
    assert resultado.exit_code == 1
    assert "No se encontró LibreOffice" in resultado.output
    assert not (tmp_path / "demo").exists()


@pytest.mark.libreoffice
def test_regenerar_da_los_mismos_bytes(impreso):
    exp, sub, resumen = impreso
    with pytest.MonkeyPatch.context() as parche:
        parche.setattr(lote, "FORMATOS", sub)
        parche.setattr(lote.trabajo, "FORMATOS", sub)
        otra = formatos.generar(exp, resumen.salida, pdf=True, carpetas=True, procesos=1)
    assert {r.estado for r in otra.resultados} == {"sin cambios"}
    assert len(otra.resultados) == len(resumen.resultados)
    manifiesto = json.loads((resumen.salida / "manifiesto.json").read_text("utf-8"))["archivos"]
    pdfs = [e for e in manifiesto if e["tipo"] == "pdf" and e["origen"]]
    assert len(pdfs) == sum(1 for r in resumen.resultados if r.formato.endswith(" (pdf)") and r.formato != f"{carpetas.CARPETA} (pdf)")
    for e in pdfs:
        assert (resumen.salida / e["origen"]).with_suffix(".pdf") == resumen.salida / e["ruta"]
    assert sum(e["formato"] == carpetas.CARPETA for e in manifiesto) == sum(
        r.formato.startswith(carpetas.CARPETA) for r in resumen.resultados)


def test_las_instituciones_van_por_numero(carga_ejemplo):
    exp = carga_ejemplo.expediente
    por_nombre = {ie.nombre: ie for ie in exp.instituciones}
    docente_de = {d.codigo_modular: d for d in exp.docentes}
    partes = []
    for nombre in ("N.° 821087", "N.° 82145"):
        d = docente_de[por_nombre[nombre].codigo_modular]
        g = {"acompanante": d.dni_acompanante, "mes": MES, "institucion": d.codigo_modular, "docente": d.dni}
        partes.append(carpetas.Parte(FORMATOS["matriz-docente"], Documento(PurePosixPath(nombre), (nombre,), lambda: None, g),
                                     Path(nombre), ()))
    [carpeta] = carpetas.clasificar(exp, partes)  # las dos I. E. son del mismo AP en el ejemplo
    assert [str(p.documento.ruta) for p in carpeta.partes] == ["N.° 82145", "N.° 821087"]


def test_cli_pdf_convierte_cada_docx(tmp_path, soffice_falso):
    from formatos.recursos import expediente_ejemplo

    salida = tmp_path / "docs"
    resultado = CliRunner().invoke(cli, ["generar", str(expediente_ejemplo()), "--salida", str(salida),
                                         "--formato", "matriz-directivo", "--pdf"])
    assert resultado.exit_code == 0, resultado.output
    docx = sorted(salida.rglob("*.docx"))
    n = len(json.loads(expediente_ejemplo().read_text("utf-8"))["valoraciones_directivo"])
    assert len(docx) == n and all(d.with_suffix(".pdf").exists() for d in docx)
    assert re.search(rf"matriz-directivo \(pdf\)\s+{n}\s+0\s+0", resultado.output)
    assert soffice_falso() == min(os.cpu_count() or 1, n)  # un arranque por trabajador, no uno por archivo
