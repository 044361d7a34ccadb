"""Carpetas de firmas: por AP y mes, y por I. E. y mes para su director, lo que se firma, en orden y con portada.

Un informe va a la carpeta del mes en que cierra su periodo (`Formato.mes_del_lote`); lo que no es de ningún mes,
a la carpeta del año.

Se arman solo con `Documento.agrupacion`, su mes y las firmas (`Firma`) del contenido de cada documento: un formato
nuevo entra en las carpetas sin tocar este módulo; su lugar lo da `datos/carpetas.toml`.
"""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Iterable
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path, PurePosixPath

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.parts.hdrftr import FooterPart
from docxcompose.composer import Composer
from lxml import etree
from pydantic import BaseModel
from pypdf import PdfReader, PdfWriter

from formatos.catalogo import leer_datos
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos.comunes import Firma, Membrete, membrete
from formatos.modelos.expediente import Expediente
from formatos.salida import renderizar
from formatos.salida.docx import zip_determinista
from formatos.salida.filtros import mes as nombre_mes
from formatos.salida.pdf import convertir_a_pdf

CARPETA = "carpeta-de-firmas"
"""Identificador de las carpetas en el lote y nombre de su carpeta de salida."""
PLANTILLA = "carpeta-de-firmas.docx"


@cache
def orden_formatos() -> tuple[str, ...]:
    return tuple(leer_datos("carpetas.toml")["orden"])


@dataclass(frozen=True)
class Parte:
    """Un documento ya generado (su .docx y su PDF al lado) y quiénes lo firman."""

    formato: Formato
    documento: Documento
    docx: Path
    firmas: tuple[Firma, ...]

    @property
    def pdf(self) -> Path:
        return self.docx.with_suffix(".pdf")


@dataclass
class Carpeta:
    ruta: PurePosixPath
    """Sin extensión, dentro de la salida: carpeta-de-firmas/2026-05/…"""
    destinatario: str
    periodo: str
    """Mes ("2026-05"), o año ("2026") para lo que no es de un mes."""
    partes: list[Parte] = field(default_factory=list)

    @property
    def registros(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r for p in self.partes for r in p.documento.registros))


class FilaContenido(BaseModel):
    numero: int
    documento: str
    seccion: str
    paginas: str
    firmas: str


class FilaFirmante(BaseModel):
    nombre: str
    dni: str
    cargo: str
    documentos: str


class PortadaCarpeta(BaseModel):
    """La portada: qué contiene la carpeta, en qué páginas y quién firma qué."""

    membrete: Membrete
    destinatario: str
    periodo: str
    contenido: list[FilaContenido]
    firmantes: list[FilaFirmante]
    total_paginas: int
    total_firmas: int


def firmas_de(valor: object) -> list[Firma]:
    """Los bloques de firma del contenido de un documento, en el orden en que aparecen."""
    if isinstance(valor, Firma):
        return [valor]
    if isinstance(valor, BaseModel):
        return [f for nombre in type(valor).model_fields for f in firmas_de(getattr(valor, nombre))]
    if isinstance(valor, (list, tuple)):
        return [f for v in valor for f in firmas_de(v)]
    return []


def _nombre(persona) -> str:
    return f"{persona.apellidos} {persona.nombres}"


def _natural(texto: str) -> tuple:
    """Clave de orden con los números como números: "N.° 82145" antes que "N.° 821087"."""
    return tuple(int(t) if t.isdigit() else t.casefold() for t in re.split(r"(\d+)", texto))


def _clave_parte(exp: Expediente, parte: Parte) -> tuple:
    """Nivel (AP, I. E., docente), I. E., docente (el director primero), formato según la lista, nombre."""
    g = parte.documento.agrupacion
    orden = orden_formatos()
    ident = parte.formato.identificador
    ie = _natural(exp.institucion(g["institucion"]).nombre) if "institucion" in g else ()
    docente = exp.docente(g["docente"]) if "docente" in g else None
    return (
        "institucion" in g, ie, g.get("institucion", ""), docente is not None,
        docente is not None and not docente.es_director, _natural(_nombre(docente)) if docente else (),
        orden.index(ident) if ident in orden else len(orden), ident, str(parte.documento.ruta),
    )


def clasificar(exp: Expediente, partes: Iterable[Parte]) -> list[Carpeta]:
    """Una carpeta por AP y mes, y una por I. E. y mes con lo que firma su director; partes en orden."""
    carpetas: dict[tuple, Carpeta] = {}
    directores = {d.dni: d for d in exp.docentes if d.es_director}
    for parte in partes:
        g = parte.documento.agrupacion
        # el mes del documento (un informe, el mes en que cierra su periodo); sin mes, a la carpeta del año. Así la
        # carpeta de un mes no cambia cuando llegan los datos de los meses siguientes
        periodo = parte.formato.mes_del_lote(parte.documento) or str(exp.anio)
        if "acompanante" in g:
            ap = exp.acompanante(g["acompanante"])
            clave = ("acompanante", periodo, ap.dni)
            if clave not in carpetas:
                carpetas[clave] = Carpeta(ruta_de(CARPETA, periodo, f"{periodo} AP {_nombre(ap)}"),
                                          f"Acompañante pedagógico: {ap.nombres} {ap.apellidos} (DNI {ap.dni})", periodo)
            carpetas[clave].partes.append(parte)
        for firma in parte.firmas:
            director = directores.get(firma.dni)
            if director and director.codigo_modular == g.get("institucion"):
                ie = exp.institucion(director.codigo_modular)
                clave = ("institucion", periodo, ie.codigo_modular)
                if clave not in carpetas:
                    carpetas[clave] = Carpeta(
                        ruta_de(CARPETA, periodo, f"{periodo} Director I. E. {ie.nombre} ({ie.codigo_modular})"),
                        f"Director(a) de la I. E. {ie.nombre}: {director.nombres} {director.apellidos} (DNI {director.dni})",
                        periodo)
                carpetas[clave].partes.append(parte)
                break
    for carpeta in carpetas.values():
        carpeta.partes.sort(key=lambda p: _clave_parte(exp, p))
    return [carpetas[k] for k in sorted(carpetas)]


def _seccion(exp: Expediente, parte: Parte) -> str:
    g = parte.documento.agrupacion
    lineas = [f"I. E. {exp.institucion(g['institucion']).nombre}"] if "institucion" in g else []
    if "docente" in g:
        lineas.append(_nombre(exp.docente(g["docente"])))
    return "\n".join(lineas) or "Acompañante pedagógico"


def _detalle(exp: Expediente, parte: Parte) -> str:
    """El nombre del archivo sin los nombres de personas que la portada ya dice (queda la fecha, el periodo…)."""
    g, detalle = parte.documento.agrupacion, PurePosixPath(parte.documento.ruta).stem
    for clave, buscar in (("docente", exp.docente), ("acompanante", exp.acompanante)):
        if clave in g:
            detalle = detalle.replace(_nombre(buscar(g[clave])), "")
    return " ".join(detalle.split())


def portada(exp: Expediente, carpeta: Carpeta, paginas: list[int], paginas_portada: int) -> PortadaCarpeta:
    """El contenido de la portada, con la página de inicio de cada documento dentro de la carpeta."""
    contenido: list[FilaContenido] = []
    firmantes: dict[tuple[str, str], tuple[Firma, list[str]]] = {}
    inicio = paginas_portada + 1
    for n, (parte, p) in enumerate(zip(carpeta.partes, paginas), start=1):
        contenido.append(FilaContenido(
            numero=n,
            documento="\n".join(filter(None, (parte.formato.titulo, _detalle(exp, parte)))),
            seccion=_seccion(exp, parte),
            paginas=f"{inicio}–{inicio + p - 1}" if p > 1 else str(inicio),
            firmas="\n".join(f"☐ {f.nombres} {f.apellidos}" for f in parte.firmas),
        ))
        inicio += p
        for f in parte.firmas:
            firmantes.setdefault((f.dni, f.cargo), (f, []))[1].append(str(n))
    anio, _, m = carpeta.periodo.partition("-")
    return PortadaCarpeta(
        membrete=membrete(exp),
        destinatario=carpeta.destinatario,
        periodo=f"{nombre_mes(date(int(anio), int(m), 1))} de {anio}" if m else f"año {anio}",
        contenido=contenido,
        firmantes=[FilaFirmante(nombre=f"{f.apellidos} {f.nombres}", dni=f.dni, cargo=f.cargo, documentos=", ".join(ns))
                   for f, ns in firmantes.values()],
        total_paginas=inicio - 1,
        total_firmas=sum(len(p.firmas) for p in carpeta.partes),
    )


def _paginas(pdf: Path) -> int:
    return len(PdfReader(pdf).pages)


@dataclass(frozen=True)
class Unida:
    """Una carpeta armada: su PDF y su .docx, o por qué no se pudo."""

    pdf: bytes = b""
    docx: bytes = b""
    error: str = ""


def armar(exp: Expediente, carpetas: list[Carpeta], plantilla: Path) -> list[Unida]:
    """El PDF y el .docx unidos de cada carpeta: portada y documentos en orden.

    Las portadas se convierten juntas con el grupo de LibreOffice; una que ocupa más de una página se
    vuelve a hacer con la ubicación de los documentos corregida.
    """
    paginas = [[_paginas(p.pdf) for p in c.partes] for c in carpetas]
    errores: dict[int, str] = {}
    with tempfile.TemporaryDirectory(prefix="formatos-carpetas-") as tmp:
        portadas = [Path(tmp, f"{i:04d}.docx") for i in range(len(carpetas))]
        supuestas = [1] * len(carpetas)
        pendientes = list(range(len(carpetas)))
        for _ in range(3):  # la portada crece una página a lo sumo una o dos veces
            for i in pendientes:
                portadas[i].write_bytes(renderizar(plantilla, portada(exp, carpetas[i], paginas[i], supuestas[i]).model_dump()))
            for i, c in zip(pendientes, convertir_a_pdf([portadas[i] for i in pendientes])):
                if c.estado == "fallido":
                    errores[i] = f"la portada no se pudo convertir a PDF: {c.mensaje}"
            reales = {i: _paginas(portadas[i].with_suffix(".pdf")) for i in pendientes if i not in errores}
            pendientes = [i for i in reales if reales[i] != supuestas[i]]
            supuestas = [reales.get(i, s) for i, s in enumerate(supuestas)]
            if not pendientes:
                break
        return [Unida(error=errores[i]) if i in errores else
                Unida(_unir_pdf(portadas[i].with_suffix(".pdf"), c), _unir_docx(portadas[i], c, [supuestas[i], *paginas[i]]))
                for i, c in enumerate(carpetas)]


def _unir_pdf(portada_pdf: Path, carpeta: Carpeta) -> bytes:
    escritor = PdfWriter()
    escritor.append(portada_pdf)
    for parte in carpeta.partes:
        escritor.append(parte.pdf)
    escritor.add_metadata({"/Title": f"Carpeta de firmas {carpeta.periodo} — {carpeta.destinatario}", "/Producer": "formatos"})
    salida = io.BytesIO()
    escritor.write(salida)
    return salida.getvalue()


def _pie_con_paginas(maestro, plantilla_pie: bytes, numero: int, paginas: int) -> str:
    """Un pie propio para una sección: «Página X de N» con SECTIONPAGES, cuyo valor guardado es N.

    Word recalcula el campo; LibreOffice, que no lo conoce, muestra el valor guardado (las páginas que
    el documento tiene en su PDF).
    """
    pie = etree.fromstring(plantilla_pie)
    en_campo = False
    for r in pie.iter(qn("w:r")):
        instr, texto = r.find(qn("w:instrText")), r.find(qn("w:t"))
        if instr is not None and (instr.text or "").strip() == "NUMPAGES":
            instr.text, en_campo = " SECTIONPAGES ", True
        elif en_campo and texto is not None:
            texto.text, en_campo = str(paginas), False
    parte = FooterPart.load(PackURI(f"/word/footer-carpeta{numero}.xml"), CT.WML_FOOTER,
                            etree.tostring(pie, xml_declaration=True, encoding="UTF-8", standalone=True), maestro.part.package)
    return maestro.part.relate_to(parte, RT.FOOTER)


def _seccion_propia(sect_pr, referencias, pie: str) -> None:
    """Los encabezados de la portada, un pie propio y la numeración de páginas desde 1."""
    for r in sect_pr.xpath("w:headerReference|w:footerReference|w:pgNumType"):
        sect_pr.remove(r)
    for r in reversed(referencias):
        copia = deepcopy(r)
        if copia.tag == qn("w:footerReference"):
            copia.set(qn("r:id"), pie)
        sect_pr.insert(0, copia)
    numeracion = OxmlElement("w:pgNumType")
    numeracion.set(qn("w:start"), "1")
    siguiente = sect_pr.xpath("w:cols|w:formProt|w:vAlign|w:noEndnote|w:titlePg|w:textDirection|w:bidi|w:rtlGutter|w:docGrid")
    if siguiente:
        siguiente[0].addprevious(numeracion)
    else:
        sect_pr.append(numeracion)


def _unir_docx(portada_docx: Path, carpeta: Carpeta, paginas: list[int]) -> bytes:
    """Portada y documentos en un .docx, cada uno en su sección (su tamaño de página y su numeración).

    `paginas`: las de la portada y de cada documento en PDF. Se conservan los encabezados y pies de la portada.
    """
    maestro = Document(str(portada_docx))
    cuerpo = maestro.element.body
    referencias = cuerpo.sectPr.xpath("w:headerReference|w:footerReference")
    plantilla_pie = etree.tostring(maestro.sections[0].footer.part.element)
    compositor = Composer(maestro)
    secciones = [cuerpo.sectPr]
    for parte in carpeta.partes:
        doc = Document(str(parte.docx))
        cierre = OxmlElement("w:p")  # cierra la sección anterior con su propio sectPr
        propiedades = OxmlElement("w:pPr")
        propiedades.append(deepcopy(secciones[-1]))
        cierre.append(propiedades)
        cuerpo.insert(compositor.append_index(), cierre)
        compositor.append(doc)
        secciones[-1] = propiedades[0]
        secciones.append(deepcopy(doc.element.body.sectPr))
    cuerpo.replace(cuerpo.sectPr, secciones[-1])
    for i, (s, n) in enumerate(zip(secciones, paginas)):
        _seccion_propia(s, referencias, _pie_con_paginas(maestro, plantilla_pie, i, n))
    salida = io.BytesIO()
    maestro.save(salida)
    return zip_determinista(salida.getvalue())
