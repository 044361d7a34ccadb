"""Informe diagnóstico de necesidades de fortalecimiento de competencias, del AP (manual 2.2.1.6)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from pydantic import BaseModel, Field

from formatos.analisis import diagnostico as ad
from formatos.analisis import niveles as an
from formatos.analisis.periodos import actividad_hasta, cerrado, diagnostico, fecha_informe
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos import informes_comunes as ic
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.modelos.actores import Acompanante
from formatos.modelos.expediente import Expediente

TITULO = "Informe diagnóstico de necesidades de fortalecimiento de competencias de los docentes y los directores"


class FilaNivel(BaseModel):
    codigo: str
    desempeno: str
    nivel: str


class DiagnosticoDeDocente(BaseModel):
    docente: str
    institucion: str
    grados: list[int]
    rol: str
    niveles: list[FilaNivel] = Field(description="Niveles de la visita diagnóstica; vacía si no se valoró")
    con_datos: bool = Field(description="Si el AP registró los datos de sus estudiantes")
    estudiantes: str
    caracteristicas: str
    grado_evaluado: str = Field(description='"2.°" o "4.°"; vacío si el aula no entró en la muestra')
    logros: list[ic.FilaLogro]
    discapacidad: str
    familia: str
    necesidades: str


class ContextoIE(BaseModel):
    institucion: str
    lugar: str
    contexto: str
    necesidades_comunes: str


class InformeDiagnosticoAP(BaseModel):
    membrete: Membrete
    cabecera: ic.Cabecera
    titulo: str
    acompanante: str
    instituciones: list[ic.FilaIE]
    contextos: list[ContextoIE]
    docentes: list[DiagnosticoDeDocente]
    distribucion: list[ic.FilaDistribucion]
    grafico_distribucion: ic.Grafico
    leyenda_niveles: str
    logros: list[ic.FilaLogro]
    grafico_logros: ic.Grafico
    estudiantes: str
    directores: list[ic.EvidenciaDirector] = Field(
        description="Matrices del directivo (MBDDI) de la visita diagnóstica: evidencias y necesidades formativas, sin nivel")
    directores_sin_matriz: list[str] = Field(description="Directores sin matriz del directivo en la visita diagnóstica")
    texto: ic.Texto
    firma_acompanante: Firma


def contextos(exp: Expediente, dnis: list[str]) -> list[ContextoIE]:
    resultado = []
    for cm in dict.fromkeys(exp.docente(d).codigo_modular for d in dnis):
        ie, dato = exp.institucion(cm), exp.indice("diagnosticos_institucion").get(cm)
        resultado.append(ContextoIE(
            institucion=f"I. E. {ie.nombre}", lugar=f"{ie.centro_poblado}, {ie.distrito}",
            contexto=dato.contexto if dato else "No se registró.",
            necesidades_comunes=dato.necesidades_comunes if dato else "No se registró.",
        ))
    return resultado


def texto_estudiantes(e: ad.Estudiantes) -> str:
    return (f"{e.total} estudiantes ({e.hombres} hombres y {e.mujeres} mujeres) en las aulas de {e.docentes_con_datos} "
            f"docentes; {e.con_discapacidad} en situación de discapacidad.")


def directores(exp: Expediente, dnis: list[str]) -> dict:
    """Las evidencias y necesidades formativas de los directores en la visita diagnóstica, y quiénes no tienen matriz."""
    matrices, faltan = ad.directivo_diagnostico(exp, dnis)
    return dict(directores=[ic.evidencia_director(exp, v) for v in matrices],
                directores_sin_matriz=[f"{ic.nombre(exp.docente(d))} (I. E. {exp.institucion(exp.docente(d).codigo_modular).nombre})"
                                       for d in faltan])


def _docente(exp: Expediente, dni: str) -> DiagnosticoDeDocente:
    d = exp.docente(dni)
    base = an.linea_base(exp, dni)
    dato = exp.indice("diagnosticos_docente").get(dni)
    niveles = [FilaNivel(codigo=c, desempeno=ic.denominacion(c), nivel=f"{base.nivel(c)} ({exp.etiqueta_nivel(base.nivel(c))})")
               for c in base.filas] if base else []
    comun: dict[str, Any] = dict(docente=ic.nombre(d), institucion=exp.institucion(d.codigo_modular).nombre, grados=d.grados,
                 rol="Docente y director(a)" if d.es_director else "Docente", niveles=niveles)
    if dato is None:
        return DiagnosticoDeDocente(**comun, con_datos=False, estudiantes="", caracteristicas="", grado_evaluado="",
                                    logros=[], discapacidad="", familia="", necesidades="")
    return DiagnosticoDeDocente(
        **comun, con_datos=True,
        estudiantes=f"{dato.estudiantes_hombres + dato.estudiantes_mujeres} ({dato.estudiantes_hombres} hombres y "
                    f"{dato.estudiantes_mujeres} mujeres)",
        caracteristicas=dato.caracteristicas_estudiantes,
        grado_evaluado=f"{dato.grado_evaluado}.°" if dato.grado_evaluado else "",
        logros=ic.filas_logro(ic.nombre(d), ad.logros(exp, [dni])) if dato.grado_evaluado else [],
        discapacidad=(f"{dato.estudiantes_discapacidad}. {dato.discapacidad}".strip()
                      if dato.estudiantes_discapacidad else "Ninguno."),
        familia=dato.participacion_familia,
        necesidades=dato.necesidades_formativas,
    )


def contexto(exp: Expediente, ap: Acompanante) -> InformeDiagnosticoAP:
    dnis = [d.dni for d in exp.docentes_de(ap.dni)]
    distribucion = an.distribucion_base(exp, dnis)
    logros = ad.logros(exp, dnis)
    return InformeDiagnosticoAP(
        membrete=membrete(exp),
        cabecera=ic.cabecera(exp, "informe-diagnostico-ap", "diagnóstico", ap, "Informe diagnóstico de necesidades de "
                             "fortalecimiento de competencias",
                             fecha_informe(exp, "informe-diagnostico-ap", diagnostico(exp, dnis), ap.dni)),
        titulo=TITULO.upper(),
        acompanante=ic.nombre(ap),
        instituciones=ic.filas_ie(exp, [ap.dni]),
        contextos=contextos(exp, dnis),
        docentes=[_docente(exp, d) for d in dnis],
        distribucion=ic.filas_distribucion(distribucion),
        grafico_distribucion=ic.grafico_distribucion(exp, distribucion, "Docentes por nivel diagnosticado en cada desempeño"),
        leyenda_niveles=ic.leyenda(exp),
        logros=ic.filas_logro(ic.nombre(ap), logros),
        grafico_logros=ic.grafico_logros(logros, "Estudiantes por nivel de logro (línea de base)"),
        estudiantes=texto_estudiantes(ad.estudiantes(exp, dnis)),
        **directores(exp, dnis),
        texto=ic.narrativa(exp, ap, "diagnóstico"),
        firma_acompanante=firma(ap, "Acompañante pedagógico"),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    """Uno por AP con línea de base; espera a que cierre su fase de diagnóstico (`analisis.periodos.cerrado`)."""
    hasta = actividad_hasta(exp)
    for ap in exp.acompanantes:
        dnis = [d.dni for d in exp.docentes_de(ap.dni)]
        if any(an.linea_base(exp, d) for d in dnis):
            periodo = diagnostico(exp, dnis)
            yield Documento(
                ruta=ruta_de(f"{ap.apellidos} {ap.nombres}", f"Informe diagnóstico {ap.apellidos} {ap.nombres}.docx"),
                registros=(f"acompanantes:{ap.dni}",),
                contexto=partial(contexto, exp, ap),
                agrupacion={"acompanante": ap.dni},
                periodo=periodo,
                cerrado=cerrado(exp, periodo, [ap.dni], hasta),
            )


FORMATO = Formato(
    identificador="informe-diagnostico-ap",
    titulo="Informe diagnóstico de necesidades de fortalecimiento de competencias (AP)",
    plantilla="informe-diagnostico-ap.docx",
    esquema=InformeDiagnosticoAP,
    documentos=documentos,
    descripcion="Por AP: datos de las II. EE., contexto, resultados por docente (niveles diagnosticados, estudiantes, "
                "línea de base en Comunicación y Matemática, discapacidad, familia), resultados de los directores "
                "(evidencias y necesidades formativas en D1 y D18 del MBDDI, sin nivel), resultados por I. E., conclusiones.",
)
