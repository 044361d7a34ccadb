"""El kit del mes: los instrumentos de cada AP y mes, en orden de visita, con portada (PDF y Word)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

import formatos
from formatos import kit, lote
from formatos.carpetas import Parte
from formatos.registro import FORMATOS

AP, MES = "43098127", "2026-05"
"""El kit de mayo de la AP María Teresa Sánchez: lo que lleva a sus visitas, GIA y taller de junio."""


def _partes(exp) -> list[Parte]:
    return [Parte(FORMATOS[f], d, Path(f"{f}-{i}.docx"), ()) for f in kit.instrumentos()
            for i, d in enumerate(FORMATOS[f].documentos(exp))]


def test_un_kit_por_ap_y_mes_con_las_actividades_del_mes_siguiente_en_orden(carga_ejemplo):
    exp = carga_ejemplo.expediente
    kits = kit.clasificar(exp, _partes(exp))
    assert {(k.periodo, k.ruta.name) for k in kits} >= {(MES, f"{MES} Kit AP Sánchez Huamán María Teresa")}
    assert all(k.ruta.parts[:2] == (kit.KIT, k.periodo) for k in kits)
    mayo = next(k for k in kits if k.periodo == MES and AP in k.destinatario)
    grupos = [p.documento.agrupacion for p in mayo.partes]
    assert all(g["acompanante"] == AP and g["mes"] == MES for g in grupos)
    fechas = [g["fecha"] for g in grupos]
    assert fechas == sorted(fechas) and all(f.startswith("2026-06") for f in fechas)
    # el mismo día, la visita con todos sus instrumentos juntos y en el orden de kit.toml; el GIA de docentes
    # antes que el de directores
    por_visita: dict[tuple, list[str]] = {}
    for p in mayo.partes:
        g = p.documento.agrupacion
        por_visita.setdefault((g["fecha"], g.get("docente", g["actividad"])), []).append(p.formato.identificador)
    orden = kit.instrumentos()
    for formatos_ in por_visita.values():
        assert formatos_ == sorted(formatos_, key=orden.index)
    claves = list(por_visita)
    assert len(claves) == len(set(claves)) and claves == sorted(claves, key=lambda c: c[0])
    gias = [g["actividad"] for g in grupos if g["actividad"].startswith("gia")]
    assert gias == sorted(gias, key=lambda a: a != "gia-docentes") and "gia-directores" in gias
    # las rúbricas solo en el primer kit de cada AP, al comienzo
    primeros = {}
    for k in kits:
        primeros.setdefault(k.destinatario, k)
    for k in kits:
        rubricas = [p for p in k.partes if p.formato.identificador == "rubricas"]
        assert len(rubricas) == (1 if primeros[k.destinatario] is k else 0)
        if rubricas:
            assert k.partes[0] is rubricas[0]


def test_la_portada_dice_cada_documento_su_actividad_y_sus_paginas(carga_ejemplo):
    exp = carga_ejemplo.expediente
    mayo = next(k for k in kit.clasificar(exp, _partes(exp)) if k.periodo == MES and AP in k.destinatario)
    paginas = [2] * len(mayo.partes)
    portada = kit.portada(exp, mayo, paginas, 1)
    assert portada.mes == "mayo de 2026" and portada.actividades == "junio de 2026"
    assert [f.paginas for f in portada.contenido][:2] == ["2–3", "4–5"]
    assert portada.total_paginas == 1 + 2 * len(mayo.partes)
    assert portada.visitas == sum(p.formato.identificador == "cuaderno-campo-visita" for p in mayo.partes) == len(
        exp.docentes_de(AP))  # una visita de junio por docente
    primera, g = portada.contenido[0], mayo.partes[0].documento.agrupacion
    docente = exp.docente(g["docente"])
    assert primera.fecha == f"{g['fecha'][8:]}/06/2026" and f"{docente.apellidos.upper()}, {docente.nombres}" in primera.actividad


def subconjunto(exp) -> dict:
    """Cada formato con solo sus documentos de la AP en el mes del kit (mayo: sus matrices y planes, y los
    instrumentos de las actividades de junio)."""
    elegidos = {}
    for f in FORMATOS.values():
        docs = tuple(d for d in f.documentos(exp) if d.agrupacion.get("acompanante") == AP
                     and d.agrupacion.get("mes") == MES)
        elegidos[f.identificador] = replace(f, documentos=lambda e, docs=docs: docs)
    return elegidos


@pytest.fixture(scope="module")
def con_kit(tmp_path_factory, carga_ejemplo):
    exp, salida = carga_ejemplo.expediente, tmp_path_factory.mktemp("kit")
    sub = subconjunto(exp)
    with pytest.MonkeyPatch.context() as parche:
        parche.setattr(lote, "FORMATOS", sub)
        parche.setattr(lote.trabajo, "FORMATOS", sub)
        resumen = formatos.generar(exp, salida, formatos=["plan-individual", "matriz-docente"], carpetas=True, kit=True, mes=MES,
                                   procesos=1)
    return exp, salida, resumen


@pytest.mark.libreoffice
def test_el_kit_une_la_portada_y_los_instrumentos_en_pdf_y_word(con_kit):
    exp, salida, resumen = con_kit
    assert not resumen.fallidos, resumen.fallidos[:3]
    base = salida / kit.KIT / MES / f"{MES} Kit AP Sánchez Huamán María Teresa"
    pdf, docx = base.with_suffix(".pdf"), base.with_suffix(".docx")
    assert pdf.exists() and docx.exists()
    instrumentos = [r.ruta for r in resumen.resultados if r.formato.removesuffix(" (pdf)") in kit.instrumentos()
                    and r.ruta.suffix == ".pdf"]
    junio = [r for r in instrumentos if r.name.startswith("2026-06")]
    assert junio
    lector = PdfReader(pdf)
    portada = re.sub(r"\s+", " ", lector.pages[0].extract_text())
    assert "KIT DEL MES" in portada and "mayo de 2026" in portada and "junio de 2026" in portada
    cuerpo = sum(len(PdfReader(r).pages) for r in instrumentos if r.name.startswith("2026-06") or "Rúbricas" in r.name)
    total = int(re.search(r"(\d+) \(con esta portada\)", portada)[1])
    assert total == len(lector.pages) and len(lector.pages) - cuerpo in (1, 2)  # la portada, de una o dos páginas
    texto = Document(str(docx))
    assert len(texto.sections) == 1 + len([r for r in instrumentos if r.name.startswith("2026-06")])
    # los instrumentos no van a las carpetas de firmas
    carpetas = [r.ruta for r in resumen.resultados if r.formato == "carpeta-de-firmas (pdf)"]
    assert carpetas
    for carpeta in carpetas:
        primera = PdfReader(carpeta).pages[0].extract_text()
        assert "Cuaderno de campo" not in primera and "Matriz de valoración en blanco" not in primera
