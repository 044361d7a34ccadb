"""El kit del mes: por AP y mes, los instrumentos de campo que imprime ese mes, en orden de visita, con portada.

Un instrumento se prepara el mes anterior a su actividad (`agrupacion["mes"]`): el kit de mayo trae lo que el AP
lleva a las visitas, los GIA y el taller de junio. Se arma como las carpetas de firmas (`formatos.carpetas`): el
PDF y el .docx de cada instrumento, unidos tras una portada que dice qué trae y en qué páginas. Qué formatos van al
kit y en qué orden lo dice `datos/kit.toml`.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from functools import cache
from pathlib import PurePosixPath

from pydantic import BaseModel, Field

from formatos.carpetas import Carpeta, Parte
from formatos.catalogo import leer_datos
from formatos.documentos.comunes import Membrete, membrete
from formatos.modelos.expediente import Expediente
from formatos.salida.filtros import mes as nombre_mes

KIT = "kit-del-mes"
"""Identificador del kit en el lote y nombre de su carpeta de salida."""
PLANTILLA = "kit-del-mes.docx"
ACTIVIDADES = {"anexo": 0, "visita": 1, "gia-docentes": 2, "gia-directores": 3, "taller": 4}
"""El mismo día: las visitas, el GIA con docentes, el GIA con directores (después del de docentes), el taller."""


@cache
def instrumentos() -> tuple[str, ...]:
    """Los formatos del kit, en su orden dentro de una actividad."""
    return tuple(leer_datos("kit.toml")["orden"])


class FilaKit(BaseModel):
    numero: int
    fecha: str = Field(description='"08/06/2026" o "sin fecha"')
    actividad: str = Field(description="La visita (docente e I. E.), el GIA o el taller")
    documento: str
    paginas: str


class PortadaKit(BaseModel):
    """La portada del kit: para qué actividades es y qué documentos trae, en qué páginas."""

    membrete: Membrete
    destinatario: str
    mes: str = Field(description='Mes en que se prepara: "mayo de 2026"')
    actividades: str = Field(description='Meses de las actividades: "junio de 2026"')
    contenido: list[FilaKit]
    visitas: int = Field(description="Visitas del kit (una hoja del cuaderno de campo cada una)")
    gias: int
    talleres: int
    total_paginas: int


def _nombre_mes(clave: str) -> str:
    anio, m = clave.split("-")
    return f"{nombre_mes(int(m))} de {anio}"


def _clave(exp: Expediente, parte: Parte, antes: int) -> tuple:
    """El anexo; luego fecha (sin fecha, al final), actividad, I. E. y, en la I. E., lo suyo de antes de los
    docentes, cada docente (el director primero), lo suyo de después; en cada uno, el orden de `kit.toml`."""
    g, orden = parte.documento.agrupacion, instrumentos()
    ident = parte.formato.identificador
    indice = orden.index(ident) if ident in orden else len(orden)
    ie = exp.institucion(g["institucion"]).nombre if "institucion" in g else ""
    if "docente" in g:
        d = exp.docente(g["docente"])
        grupo, persona = 1, (not d.es_director, d.apellidos, d.nombres)
    else:
        grupo, persona = (0 if indice < antes else 2), (False, "", "")
    fecha = g.get("fecha", "")
    return (g.get("actividad") != "anexo", fecha if len(fecha) == 10 else "9999" + fecha,
            ACTIVIDADES.get(g.get("actividad", ""), 9), ie, g.get("institucion", ""), grupo, persona, indice,
            str(parte.documento.ruta))


def clasificar(exp: Expediente, partes: list[Parte]) -> list[Carpeta]:
    """Un kit por AP y mes con los instrumentos de ese mes, en orden de visita."""
    kits: dict[tuple[str, str], Carpeta] = {}
    for parte in partes:
        g = parte.documento.agrupacion
        mes = parte.formato.mes_del_lote(parte.documento)  # el anterior al de la actividad (preparatorio)
        if parte.formato.identificador not in instrumentos() or "acompanante" not in g or not mes:
            continue
        ap = exp.acompanante(g["acompanante"])
        clave = (mes, ap.dni)
        if clave not in kits:
            kits[clave] = Carpeta(PurePosixPath(KIT, mes, f"{mes} Kit AP {ap.apellidos} {ap.nombres}"),
                                  f"Acompañante pedagógico: {ap.nombres} {ap.apellidos} (DNI {ap.dni})", mes,
                                  titulo="Kit del mes")
        kits[clave].partes.append(parte)
    orden = instrumentos()
    for kit in kits.values():
        de_docentes = [orden.index(p.formato.identificador) for p in kit.partes if "docente" in p.documento.agrupacion]
        antes = min(de_docentes, default=len(orden))
        kit.partes.sort(key=lambda p: _clave(exp, p, antes))
    return [kits[k] for k in sorted(kits)]


def _actividad(exp: Expediente, parte: Parte) -> str:
    g = parte.documento.agrupacion
    tipo = g.get("actividad", "")
    if tipo == "anexo":
        return "Para todas las visitas"
    if tipo == "visita":
        ie = exp.institucion(g["institucion"]).nombre
        if "docente" in g:
            d = exp.docente(g["docente"])
            return f"Visita a {d.apellidos.upper()}, {d.nombres}\nI. E. {ie}"
        return f"Visita a la I. E. {ie}"
    nombre = PurePosixPath(parte.documento.ruta).stem
    if tipo.startswith("gia-"):
        return f"GIA con {tipo[4:]}"
    return "Taller de actualización docente" + (f" (día {nombre.split(' día ')[1].split()[0]})" if " día " in nombre else "")


def _fecha(g: dict[str, str]) -> str:
    f = g.get("fecha", "")
    return f"{date.fromisoformat(f):%d/%m/%Y}" if len(f) == 10 else ("" if not f else "sin fecha")


def portada(exp: Expediente, kit: Carpeta, paginas: list[int], paginas_portada: int) -> PortadaKit:
    """El contenido de la portada, con la página en que empieza cada documento dentro del kit."""
    filas, inicio = [], paginas_portada + 1
    for n, (parte, p) in enumerate(zip(kit.partes, paginas), start=1):
        filas.append(FilaKit(numero=n, fecha=_fecha(parte.documento.agrupacion), actividad=_actividad(exp, parte),
                             documento=parte.formato.titulo, paginas=f"{inicio}–{inicio + p - 1}" if p > 1 else str(inicio)))
        inicio += p
    meses = sorted({g["fecha"][:7] for g in (p.documento.agrupacion for p in kit.partes) if g.get("fecha")})
    cuantos = Counter(p.formato.identificador for p in kit.partes)
    return PortadaKit(
        membrete=membrete(exp), destinatario=kit.destinatario, mes=_nombre_mes(kit.periodo),
        actividades=" y ".join(_nombre_mes(m) for m in meses) or "—", contenido=filas,
        visitas=cuantos["cuaderno-campo-visita"], gias=cuantos["cuaderno-campo-gia"], talleres=cuantos["cargo-materiales"],
        total_paginas=inicio - 1,
    )
