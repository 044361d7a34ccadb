"""Reporte de actividades innovadoras y buenas prácticas (manual 2.2.2.6): uno por AP y trimestre."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from pydantic import BaseModel

from formatos.analisis.periodos import Periodo, actividad_hasta, cerrado, fecha_informe
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos import informes_comunes as ic
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.informe_periodo import trimestres_de
from formatos.modelos.actores import Acompanante
from formatos.modelos.expediente import Expediente
from formatos.modelos.informes import CLASIFICACIONES


class FilaClasificacion(BaseModel):
    clasificacion: str
    cantidad: int


class ReporteBuenasPracticas(BaseModel):
    membrete: Membrete
    cabecera: ic.Cabecera
    periodo: str
    acompanante: str
    practicas: list[ic.FilaBuenaPractica]
    resumen: list[FilaClasificacion]
    firma_acompanante: Firma


def contexto(exp: Expediente, ap: Acompanante, periodo: Periodo) -> ReporteBuenasPracticas:
    practicas = ic.filas_buenas_practicas(exp, [d.dni for d in exp.docentes_de(ap.dni)], periodo)
    return ReporteBuenasPracticas(
        membrete=membrete(exp),
        cabecera=ic.cabecera(exp, "reporte-buenas-practicas", periodo.clave, ap,
                             f"Reporte de actividades innovadoras y buenas prácticas — {periodo.nombre}",
                             fecha_informe(exp, "reporte-buenas-practicas", periodo, ap.dni),
                             clase="REPORTE"),
        periodo=periodo.nombre,
        acompanante=ic.nombre(ap),
        practicas=practicas,
        resumen=[FilaClasificacion(clasificacion=c, cantidad=sum(p.clasificacion == c for p in practicas))
                 for c in CLASIFICACIONES],
        firma_acompanante=firma(ap, "Acompañante pedagógico"),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    """Uno por AP y trimestre con actividad; espera a que el trimestre cierre para ese AP."""
    hasta = actividad_hasta(exp)
    for ap in exp.acompanantes:
        dnis = [d.dni for d in exp.docentes_de(ap.dni)]
        for periodo in trimestres_de(exp):
            if ic.con_actividad(exp, dnis, {ap.dni}, periodo):
                yield Documento(
                    ruta=ruta_de(f"{ap.apellidos} {ap.nombres}",
                                       f"{exp.anio} {periodo.clave} Buenas prácticas {ap.apellidos} {ap.nombres}.docx"),
                    registros=(f"acompanantes:{ap.dni}", f"periodo:{periodo.clave}"),
                    contexto=partial(contexto, exp, ap, periodo),
                    agrupacion={"acompanante": ap.dni},
                    periodo=periodo,
                    cerrado=cerrado(exp, periodo, [ap.dni], hasta),
                )


FORMATO = Formato(
    identificador="reporte-buenas-practicas",
    titulo="Reporte de actividades innovadoras y buenas prácticas",
    plantilla="reporte-buenas-practicas.docx",
    esquema=ReporteBuenasPracticas,
    documentos=documentos,
    descripcion="Por AP y trimestre: por docente, título, clasificación (manual 2.2.2.6), descripción, aporte "
                "relevante y evidencias del proceso.",
)
