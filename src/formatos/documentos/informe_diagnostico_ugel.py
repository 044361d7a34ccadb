"""Informe diagnóstico de la UGEL (manual 2.2.1.6): consolida los diagnósticos de todos los AP."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, Field

from formatos.analisis import diagnostico as ad
from formatos.analisis import niveles as an
from formatos.analisis.periodos import acompanantes_con_actividad, cerrado, diagnostico, fecha_informe
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos import informes_comunes as ic
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.informe_diagnostico_ap import TITULO, ContextoIE, contextos, directores, texto_estudiantes
from formatos.modelos.expediente import Expediente


class InformeDiagnosticoUGEL(BaseModel):
    membrete: Membrete
    cabecera: ic.Cabecera
    titulo: str
    instituciones: list[ic.FilaIE]
    estudiantes: str
    logros: list[ic.FilaLogro]
    grafico_logros: ic.Grafico
    distribucion: list[ic.FilaDistribucion]
    grafico_distribucion: ic.Grafico
    leyenda_niveles: str
    necesidades: list[ContextoIE]
    directores: list[ic.EvidenciaDirector] = Field(
        description="Matrices del directivo (MBDDI) de la visita diagnóstica: evidencias y necesidades formativas, sin nivel")
    directores_sin_matriz: list[str] = Field(description="Directores sin matriz del directivo en la visita diagnóstica")
    conclusiones_ap: list[str]
    texto: ic.Texto
    firma_jefe: Firma | None


def contexto(exp: Expediente) -> InformeDiagnosticoUGEL:
    dnis = [d.dni for d in exp.docentes]
    distribucion = an.distribucion_base(exp, dnis)
    total = ad.logros(exp, dnis)
    logros = [f for ap in exp.acompanantes
              for f in ic.filas_logro(ic.nombre(ap), ad.logros(exp, [d.dni for d in exp.docentes_de(ap.dni)]))]
    jefe = exp.ugel.jefe_agp
    return InformeDiagnosticoUGEL(
        membrete=membrete(exp),
        cabecera=ic.cabecera(exp, "informe-diagnostico-ugel", "diagnóstico", None, "Informe diagnóstico de necesidades "
                             "de fortalecimiento de competencias de la UGEL",
                             fecha_informe(exp, "informe-diagnostico-ugel", diagnostico(exp, dnis))),
        titulo=TITULO.upper(),
        instituciones=ic.filas_ie(exp, [a.dni for a in exp.acompanantes]),
        estudiantes=texto_estudiantes(ad.estudiantes(exp, dnis)),
        logros=logros + ic.filas_logro("Total UGEL", total),
        grafico_logros=ic.grafico_logros(total, "Estudiantes por nivel de logro (línea de base, UGEL)"),
        distribucion=ic.filas_distribucion(distribucion),
        grafico_distribucion=ic.grafico_distribucion(exp, distribucion, "Docentes por nivel diagnosticado en cada desempeño"),
        leyenda_niveles=ic.leyenda(exp),
        necesidades=contextos(exp, dnis),
        **directores(exp, dnis),
        conclusiones_ap=[f"{ic.nombre(ap)}: {t.conclusiones}" for ap in exp.acompanantes
                         if (t := ic.narrativa(exp, ap, "diagnóstico")).conclusiones],
        texto=ic.narrativa(exp, None, "diagnóstico"),
        firma_jefe=firma(jefe, jefe.cargo) if jefe else None,
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    """Uno, si hay línea de base; espera a que cierre la fase de diagnóstico de todos los AP."""
    if any(an.linea_base(exp, d.dni) for d in exp.docentes):
        periodo = diagnostico(exp, (d.dni for d in exp.docentes))
        yield Documento(
            ruta=ruta_de(f"Informe diagnóstico {exp.ugel.nombre}.docx"),
            registros=("diagnosticos_docente",),
            contexto=lambda: contexto(exp),
            periodo=periodo,
            cerrado=cerrado(exp, periodo, acompanantes_con_actividad(exp, periodo)),
        )


FORMATO = Formato(
    identificador="informe-diagnostico-ugel",
    titulo="Informe diagnóstico de necesidades de fortalecimiento de competencias (UGEL)",
    plantilla="informe-diagnostico-ugel.docx",
    esquema=InformeDiagnosticoUGEL,
    documentos=documentos,
    descripcion="Uno por UGEL: II. EE. focalizadas, estudiantes y línea de base por AP, niveles diagnosticados por "
                "desempeño, necesidades comunes por I. E., evidencias y necesidades formativas de los directores (MBDDI, "
                "sin nivel), conclusiones; firma el jefe de AGP.",
)
