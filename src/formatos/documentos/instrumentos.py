"""Piezas comunes de los instrumentos de campo: lo que el AP imprime antes de una visita, un GIA o un taller y
llena a mano en la I. E. (manual, l. 922-941: cuaderno de campo, rúbricas, fichas de datos).

Salen de lo programado (`formatos.analisis.programado`): la cabecera va llena con lo que el expediente sabe y
el resto queda en blanco. Cada documento dice en `agrupacion` a qué AP, I. E. y docente corresponde, el mes en
que se prepara (el anterior al de la actividad: `mes`), la fecha de la actividad (`fecha`; el mes, "2026-06", si
aún no la tiene) y su tipo (`actividad`: "visita", "gia-docentes", "gia-directores", "taller" o "anexo"), para
ordenarlo en el kit del mes (`formatos.kit`). Los formatos son preparatorios (`Formato.preparatorio`): su
`periodo` es el mes de la actividad y pertenecen al mes anterior (`generar --mes 2026-05` da lo de junio).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from pydantic import BaseModel, Field

from formatos.analisis import periodos
from formatos.analisis.programado import GIAProgramado, TallerProgramado, VisitaProgramada, mes_de_impresion
from formatos.catalogo import catalogo
from formatos.documentos import Documento, ruta_de
from formatos.modelos.actores import Acompanante, Docente, InstitucionEducativa
from formatos.modelos.expediente import Expediente
from formatos.salida.filtros import mes as nombre_mes


class VisitaDeCampo(BaseModel):
    """La visita programada, como se imprime en la cabecera de un instrumento."""

    descripcion: str = Field(description="La visita del mes según el protocolo")
    nombre: str = Field(description='El nombre del tipo de visita (catálogo): "visita de asesoría"')
    mes: str = Field(description='"junio de 2026"')
    anio: int
    fecha: date | None = Field(description="Primer día; vacío si el plan mensual aún no la fija")
    segundo_dia: date | None = Field(description="En la visita de dos días (consecutivos)")
    dias: int
    proposito: str = Field(description="Propósito del diseño metodológico de la visita (plan mensual)")
    desempenos: list[str] = Field(description="Desempeños priorizados en la visita: «D19», «D1»…")


class Participante(BaseModel):
    """Un participante previsto de un GIA o un taller."""

    numero: int
    nombre: str = Field(description="APELLIDOS, Nombres")
    dni: str
    institucion: str
    cargo: str = Field(description='"Docente", "Director(a)" o "Docente y director(a)"')


def visita_de_campo(v: VisitaProgramada) -> VisitaDeCampo:
    return VisitaDeCampo(descripcion=v.descripcion, nombre=catalogo().nombre_visita(v.tipo), mes=f"{nombre_mes(v.mes)} de {v.anio}", anio=v.anio, fecha=v.fecha,
                         segundo_dia=v.segundo_dia, dias=v.dias, proposito=v.proposito, desempenos=list(v.desempenos))


def participantes(exp: Expediente, dnis: tuple[str, ...] | list[str]) -> list[Participante]:
    """Los participantes en orden de I. E. y apellidos (como se pasa lista)."""
    docentes = sorted((exp.docente(d) for d in dnis),
                      key=lambda d: (exp.institucion(d.codigo_modular).nombre, d.apellidos, d.nombres))
    return [Participante(numero=i, nombre=f"{d.apellidos.upper()}, {d.nombres}", dni=d.dni,
                         institucion=exp.institucion(d.codigo_modular).nombre,
                         cargo="Docente y director(a)" if d.es_director else "Docente")
            for i, d in enumerate(docentes, start=1)]


def desempenos_docente(codigos: tuple[str, ...] | list[str]) -> list[str]:
    """«D19: Involucra activamente…» en el orden del catálogo."""
    orden = catalogo().codigos_docente
    return [f"{c}: {catalogo().desempeno_docente(c).denominacion}" for c in sorted(codigos, key=orden.index)]


def _fecha(fecha: date | None, anio: int, mes: int) -> str:
    return fecha.isoformat() if fecha else f"{anio}-{mes:02d}"


def _prefijo(fecha: date | None, anio: int, mes: int) -> str:
    """El comienzo del nombre de archivo: la fecha de la actividad, o el mes si aún no tiene fecha."""
    return fecha.isoformat() if fecha else f"{anio}-{mes:02d} (sin fecha)"


def listo(exp: Expediente, acompanante: str, fecha: date | None, anio: int, mes: int) -> bool:
    """Si el instrumento de una actividad de `mes` ya se puede preparar: la actividad está en el plan mensual del AP
    (tiene `fecha`), o ya empezó el mes en que se prepara (el anterior: por `configuracion.fecha_corte` o porque el
    AP ya registró visitas o GIA en él). Antes, su contenido aún cambiaría con los datos que faltan (el plan del
    mes, el último taller, los compromisos): queda pendiente (`Documento.cerrado`)."""
    if fecha is not None:
        return True
    preparacion = date(anio, mes, 1) - timedelta(days=1)
    desde = preparacion.replace(day=1)
    corte = exp.configuracion.fecha_corte
    return (corte is not None and corte >= desde) or periodos.actividad_hasta(exp).get(acompanante, date.min) >= desde


def documento_de_visita(exp: Expediente, v: VisitaProgramada, nombre: str, contexto: Callable[[], BaseModel],
                        registros: tuple[str, ...] = (), de_la_ie: bool = False) -> Documento:
    """El documento de un instrumento de la visita `v` (`de_la_ie`: de la I. E., no de un docente)."""
    docente, ap = exp.docente(v.docente), exp.acompanante(v.acompanante)
    ie = exp.institucion(docente.codigo_modular)
    persona = f"{ie.nombre} {ie.codigo_modular}" if de_la_ie else f"{docente.apellidos} {docente.nombres}"
    agrupacion = {"acompanante": ap.dni, "mes": mes_de_impresion(v.anio, v.mes), "institucion": ie.codigo_modular,
                  "fecha": _fecha(v.fecha, v.anio, v.mes), "actividad": "visita"}
    if not de_la_ie:
        agrupacion["docente"] = docente.dni
    return Documento(
        ruta=ruta_de(f"{ap.apellidos} {ap.nombres}", f"{_prefijo(v.fecha, v.anio, v.mes)} {nombre} {persona}.docx"),
        registros=(f"planes_mensuales:{ap.dni}/{v.mes:02d}", f"docentes:{docente.dni}",
                   f"visita {_fecha(v.fecha, v.anio, v.mes)}", *registros),
        contexto=contexto, agrupacion=agrupacion, periodo=periodos.mes(v.anio, v.mes),
        cerrado=listo(exp, ap.dni, v.fecha, v.anio, v.mes),
    )


def documento_de_gia(exp: Expediente, g: GIAProgramado, nombre: str, contexto: Callable[[], BaseModel]) -> Documento:
    ap = exp.acompanante(g.acompanante)
    return Documento(
        ruta=ruta_de(f"{ap.apellidos} {ap.nombres}",
                           f"{_prefijo(g.fecha, g.anio, g.mes)} {nombre} GIA con {g.tipo}.docx"),
        registros=(f"planes_mensuales:{ap.dni}/{g.mes:02d}", f"GIA con {g.tipo} {_fecha(g.fecha, g.anio, g.mes)}"),
        contexto=contexto,
        agrupacion={"acompanante": ap.dni, "mes": mes_de_impresion(g.anio, g.mes), "fecha": _fecha(g.fecha, g.anio, g.mes),
                    "actividad": f"gia-{g.tipo}"},
        periodo=periodos.mes(g.anio, g.mes), cerrado=listo(exp, ap.dni, g.fecha, g.anio, g.mes),
    )


def documento_de_taller(exp: Expediente, t: TallerProgramado, nombre: str, contexto: Callable[[], BaseModel],
                        fecha: date | None = None, dia: int = 0) -> Documento:
    """`fecha` y `dia`: el documento de un día del taller (registro de asistencia)."""
    ap = exp.acompanante(t.acompanante)
    cuando = _prefijo(fecha or t.fecha, t.anio, t.mes) + (f" día {dia}" if dia else "")
    return Documento(
        ruta=ruta_de(f"{ap.apellidos} {ap.nombres}", f"{cuando} {nombre} taller.docx"),
        registros=(f"planes_mensuales:{ap.dni}/{t.mes:02d}", f"taller {_fecha(t.fecha, t.anio, t.mes)}"
                   + (f" día {dia}" if dia else "")),
        contexto=contexto,
        agrupacion={"acompanante": ap.dni, "mes": mes_de_impresion(t.anio, t.mes),
                    "fecha": _fecha(fecha or t.fecha, t.anio, t.mes), "actividad": "taller"},
        periodo=periodos.mes(t.anio, t.mes), cerrado=listo(exp, ap.dni, t.fecha, t.anio, t.mes),
    )


class Aula(BaseModel):
    """El docente, su I. E. y su AP: la cabecera de los instrumentos de una visita."""

    docente: Docente
    institucion: InstitucionEducativa
    acompanante: Acompanante
    ugel: str


def aula(exp: Expediente, dni: str) -> Aula:
    docente = exp.docente(dni)
    return Aula(docente=docente, institucion=exp.institucion(docente.codigo_modular),
                acompanante=exp.acompanante(docente.dni_acompanante), ugel=exp.ugel.nombre)
