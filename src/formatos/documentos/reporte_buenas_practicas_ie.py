"""Reporte de actividades innovadoras y buenas prácticas de cada I. E., al cierre del año (manual 2.3.1, l. 2615:
«elabora el reporte de las actividades innovadoras o buenas prácticas realizadas por cada I. E.»). Lo elabora el AP
en la visita de cierre y va como anexo del informe final; el reporte trimestral por AP es otro formato."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis.periodos import anual
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos import informes_comunes as ic
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.reporte_buenas_practicas import FilaClasificacion
from formatos.modelos.actores import InstitucionEducativa
from formatos.modelos.expediente import Expediente
from formatos.modelos.informes import CLASIFICACIONES


class ReporteBuenasPracticasIE(BaseModel):
    """Las actividades innovadoras y buenas prácticas de los docentes de una I. E. en el año."""

    membrete: Membrete
    cabecera: ic.Cabecera
    periodo: str
    institucion: InstitucionEducativa
    director: str
    acompanante: str
    docentes: int
    practicas: list[ic.FilaBuenaPractica]
    resumen: list[FilaClasificacion]
    sin_practicas: list[str] = Field(description="Docentes de la I. E. sin actividades innovadoras registradas")
    socializacion: str = Field(description="Dónde se socializó: la reunión de balance de cierre, si se registró")
    firma_acompanante: Firma
    firma_director: Firma


def _cierre(exp: Expediente, codigo_modular: str) -> date | None:
    """El último día de la visita de cierre de los docentes de la I. E. (None si no hubo)."""
    dias = [v.ultimo_dia for v in exp.visitas if v.tipo == "cierre" and exp.docente(v.dni_docente).codigo_modular == codigo_modular]
    return max(dias, default=None)


def contexto(exp: Expediente, codigo_modular: str) -> ReporteBuenasPracticasIE:
    ie = exp.institucion(codigo_modular)
    docentes = sorted((d for d in exp.docentes if d.codigo_modular == codigo_modular),
                      key=lambda d: (not d.es_director, d.apellidos, d.nombres))
    director = next((d for d in docentes if d.es_director), docentes[0])
    ap = exp.acompanante(director.dni_acompanante)
    periodo = anual(exp.anio)
    practicas = ic.filas_buenas_practicas(exp, [d.dni for d in docentes], periodo)
    con_practica = {p.docente for p in practicas}
    balance = exp.indice("balances_cierre").get(codigo_modular)
    fecha = balance.fecha if balance else (_cierre(exp, codigo_modular) or periodo.fin)
    return ReporteBuenasPracticasIE(
        membrete=membrete(exp),
        cabecera=ic.cabecera(exp, "reporte-buenas-practicas-ie", periodo.clave, ap,
                             f"Reporte de actividades innovadoras y buenas prácticas de la I. E. {ie.nombre} — "
                             f"{periodo.nombre}", fecha, clase="REPORTE"),
        periodo=periodo.nombre, institucion=ie, director=ic.nombre(director), acompanante=ic.nombre(ap),
        docentes=len(docentes), practicas=practicas,
        resumen=[FilaClasificacion(clasificacion=c, cantidad=sum(p.clasificacion == c for p in practicas))
                 for c in CLASIFICACIONES],
        sin_practicas=[ic.nombre(d) for d in docentes if ic.nombre(d) not in con_practica],
        socializacion=(f"Se socializaron en la reunión de balance de cierre del {balance.fecha:%d/%m/%Y} con los docentes, "
                       f"el director y las familias." if balance else
                       "No se registró la reunión de balance de cierre en la que se socializan."),
        firma_acompanante=firma(ap, "Acompañante pedagógico"),
        firma_director=firma(director, "Director(a) de la I. E."),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    """Uno por I. E. con visita de cierre (el reporte se elabora al cierre)."""
    for ie in exp.instituciones:
        cierre = _cierre(exp, ie.codigo_modular)
        if cierre is None:
            continue
        director = next((d for d in exp.docentes if d.codigo_modular == ie.codigo_modular and d.es_director),
                        next(d for d in exp.docentes if d.codigo_modular == ie.codigo_modular))
        ap = exp.acompanante(director.dni_acompanante)
        yield Documento(
            ruta=ruta_de(f"{ap.apellidos} {ap.nombres}", f"{exp.anio} Buenas prácticas {ie.nombre} {ie.codigo_modular}.docx"),
            registros=(f"instituciones:{ie.codigo_modular}",),
            contexto=partial(contexto, exp, ie.codigo_modular),
            agrupacion={"acompanante": ap.dni, "mes": f"{cierre:%Y-%m}", "institucion": ie.codigo_modular},
        )


FORMATO = Formato(
    identificador="reporte-buenas-practicas-ie",
    titulo="Reporte de actividades innovadoras y buenas prácticas de la I. E.",
    plantilla="reporte-buenas-practicas-ie.docx",
    esquema=ReporteBuenasPracticasIE,
    documentos=documentos,
    descripcion="Uno por I. E. al cierre del año: las actividades innovadoras y buenas prácticas de sus docentes "
                "(clasificación, descripción, aporte, evidencias), los docentes sin ninguna y su socialización en la "
                "reunión de balance de cierre. Firman AP y director.",
)
