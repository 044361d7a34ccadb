"""El contenido de los informes de un periodo (mes, trimestre, año): del AP y de la UGEL.

Los formatos `informe-mensual`, `informe-trimestral-ap`, `informe-final-ap`, `informe-trimestral-ugel` e
`informe-final-ugel` usan estos esquemas; cada plantilla muestra las secciones que el manual pide.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis import metas as am
from formatos.analisis import niveles as an
from formatos.analisis.periodos import Periodo, acompanantes_con_actividad, actividad_hasta, cerrado, fecha_informe, mes, trimestres
from formatos.documentos import Documento, ruta_de
from formatos.documentos import informes_comunes as ic
from formatos.documentos.cierre import EstudiantesCierre, FilaBalance, balances, estudiantes
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.modelos.actores import Acompanante
from formatos.modelos.expediente import Expediente


class InformeAP(BaseModel):
    """Informe del AP al jefe de AGP: mensual, trimestral o final."""

    membrete: Membrete
    cabecera: ic.Cabecera
    titulo: str
    periodo: str = Field(description='p. ej. "mayo de 2026", "II trimestre de 2026", "año 2026"')
    mes_evidencias: str = Field(description="Mes cuyas evidencias se describen (el último con valoraciones)")
    acompanante: str
    instituciones: list[ic.FilaIE]
    aprendizajes: list[ic.AprendizajeDocente]
    directores: list[ic.EvidenciaDirector]
    distribucion: list[ic.FilaDistribucion]
    grafico_distribucion: ic.Grafico
    comparacion: list[ic.FilaComparacion] = Field(default_factory=list)
    inicio_fin: list[ic.FilaInicioFin] = Field(default_factory=list)
    grafico_inicio_fin: ic.Grafico | None = None
    tendencias: list[ic.FilaTendencia] = Field(default_factory=list)
    grafico_tendencias: ic.Grafico | None = None
    metas_plan: list[ic.FilaMetaPlan] = Field(default_factory=list, description="Metas trimestrales de los planes individuales")
    metas_plan_resumen: str = ""
    faltas_protocolo: list[str] = Field(default_factory=list, description="Planes mensuales por debajo del protocolo")
    faltas_ejecucion: list[str] = Field(default_factory=list, description="Lo ejecutado por debajo del protocolo")
    metas: list[ic.FilaMeta]
    metas_docentes: list[ic.FilaMetasDocente]
    sucesos: list[ic.FilaSuceso]
    buenas_practicas: list[ic.FilaBuenaPractica] = Field(default_factory=list)
    estudiantes: EstudiantesCierre | None = Field(
        None, description="Informe final: línea de base frente a fin de año de los estudiantes, por docente, I. E. y total")
    balances: list[FilaBalance] = Field(
        default_factory=list, description="Informe final: acuerdos y compromisos de la reunión de balance de cierre por I. E.")
    texto: ic.Texto
    anexos: list[str]
    leyenda_niveles: str
    firma_acompanante: Firma


class FilaAP(BaseModel):
    """Una fila por AP en el informe de la UGEL."""

    acompanante: str
    docentes: int
    visitas: str
    visitas_completas: str = Field(description="Visitas con las horas mínimas del protocolo, ejecutadas / programadas")
    horas_visita: str = Field(description="Horas de observación, preparación y asesoría, ejecutadas / programadas")
    gia_horas: str
    sube: int
    se_mantiene: int
    baja: int
    sin_valoracion: int


class ConclusionAP(BaseModel):
    acompanante: str
    conclusiones: str


class InformeUGEL(BaseModel):
    """Informe de la UGEL (jefe de AGP) que consolida los de todos los AP: trimestral o final."""

    membrete: Membrete
    cabecera: ic.Cabecera
    titulo: str
    periodo: str
    acompanantes: int
    instituciones_total: int
    docentes: int
    directores_total: int
    instituciones: list[ic.FilaIE]
    metas: list[ic.FilaMeta]
    metas_ugel: list[ic.FilaMetaUGEL] = Field(description="Metas trimestrales de aprendizaje del plan anual de la UGEL")
    faltas_protocolo: list[str]
    faltas_ejecucion: list[str] = Field(default_factory=list, description="Lo ejecutado por debajo del protocolo")
    por_ap: list[FilaAP]
    distribucion: list[ic.FilaDistribucion]
    grafico_distribucion: ic.Grafico
    inicio_fin: list[ic.FilaInicioFin]
    grafico_inicio_fin: ic.Grafico
    tendencias: list[ic.FilaTendencia]
    grafico_tendencias: ic.Grafico
    directores: list[ic.EvidenciaDirector]
    sucesos: list[ic.FilaSuceso]
    buenas_practicas: list[ic.FilaBuenaPractica]
    estudiantes: EstudiantesCierre | None = Field(
        None, description="Informe final: línea de base frente a fin de año de los estudiantes, por docente, I. E. y UGEL")
    conclusiones_ap: list[ConclusionAP]
    texto: ic.Texto
    anexos: list[str]
    leyenda_niveles: str
    firma_jefe: Firma | None


def _mes_evidencias(exp: Expediente, dnis: list[str], periodo: Periodo) -> Periodo:
    """El último mes del periodo con alguna valoración del grupo (el "mes de corte")."""
    fechas = [n.fecha for d in dnis for n in an.notas_en(exp, d, periodo)]
    ultimo = max(fechas) if fechas else periodo.fin
    return mes(ultimo.year, ultimo.month)


def _comparaciones(exp: Expediente, dnis: list[str], periodo: Periodo) -> list[an.Comparacion]:
    return [c for d in dnis for c in an.comparar(exp, d, periodo)]


def _anexos(exp: Expediente, dnis: list[str], periodo: Periodo, buenas: int) -> list[str]:
    matrices = sum(len(an.notas_en(exp, d, periodo)) for d in dnis)
    directivo = len(an.valoraciones_directivo(exp, dnis, periodo))
    anexos = [f"Matrices de valoración del desempeño docente del periodo ({matrices})"]
    if directivo:
        anexos.append(f"Matrices de valoración del desempeño directivo ({directivo})")
    anexos.append("Planes individuales y planes institucionales de acompañamiento vigentes")
    if buenas:
        anexos.append(f"Reporte de actividades innovadoras y buenas prácticas ({buenas})")
    anexos.append("Evidencias digitales o impresas (fotografías, sesiones reajustadas, productos de los estudiantes)")
    return anexos


def _anexos_cierre(exp: Expediente, dnis: list[str], periodo: Periodo) -> list[str]:
    """Lo que el informe final adjunta además por cada I. E. (manual, l. 2685-2689)."""
    if periodo.clave != "anual":
        return []
    codigos = set(exp.docente(d).codigo_modular for d in dnis)
    actas = sum(b.codigo_modular in codigos for b in exp.balances_cierre)
    return [f"Reporte de actividades innovadoras y buenas prácticas de cada I. E. ({len(codigos)})",
            f"Actas de la reunión de balance de cierre con docentes y familias ({actas})"]


def contexto_ap(exp: Expediente, ap: Acompanante, periodo: Periodo, formato: str, titulo: str,
                comparar: bool) -> InformeAP:
    dnis = [d.dni for d in exp.docentes_de(ap.dni)]
    corte = _mes_evidencias(exp, dnis, periodo) if comparar else periodo
    distribucion = an.distribucion(exp, dnis, periodo)
    datos: dict = {}
    if comparar:
        comparaciones = _comparaciones(exp, dnis, periodo)
        inicio_fin = ic.filas_inicio_fin(comparaciones)
        tendencias = ic.filas_tendencia(an.resumen_tendencias(comparaciones))
        datos = dict(
            comparacion=ic.filas_comparacion(exp, comparaciones),
            inicio_fin=inicio_fin,
            grafico_inicio_fin=ic.grafico_inicio_fin(inicio_fin, f"Docentes en nivel III o IV, al inicio y al término ({periodo.nombre})"),
            tendencias=tendencias,
            grafico_tendencias=ic.grafico_tendencia(tendencias, f"Tendencia por desempeño ({periodo.nombre})"),
            faltas_protocolo=ic.faltas_protocolo(exp, {ap.dni}, periodo),
        )
        datos["metas_plan"], datos["metas_plan_resumen"] = ic.filas_metas_plan(exp, dnis, periodo)
    if periodo.clave == "anual":
        datos.update(estudiantes=estudiantes(exp, dnis, "Total del AP"), balances=balances(exp, dnis))
    buenas = ic.filas_buenas_practicas(exp, dnis, periodo) if comparar else []
    return InformeAP(
        membrete=membrete(exp),
        cabecera=ic.cabecera(exp, formato, periodo.clave, ap, f"{titulo.capitalize()} — {periodo.nombre}",
                             fecha_informe(exp, formato, periodo, ap.dni)),
        titulo=titulo.upper(),
        periodo=periodo.nombre,
        mes_evidencias=corte.nombre,
        acompanante=ic.nombre(ap),
        instituciones=ic.filas_ie(exp, [ap.dni]),
        aprendizajes=[ic.aprendizaje(exp, d, corte) for d in dnis],
        directores=ic.evidencias_directores(exp, dnis, corte),
        distribucion=ic.filas_distribucion(distribucion),
        grafico_distribucion=ic.grafico_distribucion(exp, distribucion, f"Docentes por nivel en cada desempeño ({periodo.nombre})"),
        metas=ic.filas_metas(am.metas_acompanante(exp, ap.dni, periodo)),
        faltas_ejecucion=ic.faltas_ejecucion(exp, {ap.dni}, periodo),
        metas_docentes=[ic.fila_metas_docente(exp, d, am.metas_docente(exp, d, periodo)) for d in dnis],
        sucesos=ic.filas_sucesos(exp, {ap.dni}, periodo),
        buenas_practicas=buenas,
        texto=ic.narrativa(exp, ap, periodo.clave),
        anexos=_anexos(exp, dnis, periodo, len(buenas)) + _anexos_cierre(exp, dnis, periodo),
        leyenda_niveles=ic.leyenda(exp),
        firma_acompanante=firma(ap, "Acompañante pedagógico"),
        **datos,
    )


def contexto_ugel(exp: Expediente, periodo: Periodo, formato: str, titulo: str) -> InformeUGEL:
    dnis = [d.dni for d in exp.docentes]
    comparaciones = _comparaciones(exp, dnis, periodo)
    distribucion = an.distribucion(exp, dnis, periodo)
    inicio_fin = ic.filas_inicio_fin(comparaciones)
    tendencias = ic.filas_tendencia(an.resumen_tendencias(comparaciones))
    por_ap = []
    for ap in exp.acompanantes:
        suyos = {d.dni for d in exp.docentes_de(ap.dni)}
        if not suyos:
            continue
        metas = am.metas_acompanante(exp, ap.dni, periodo)
        cuenta = {t: sum(c.tendencia == t for c in comparaciones if c.dni in suyos) for t in an.TENDENCIAS}
        por_ap.append(FilaAP(
            acompanante=ic.nombre(ap), docentes=len(suyos),
            visitas=ic.par(metas, "visitas"), visitas_completas=ic.par(metas, "visitas_completas"),
            horas_visita=ic.cifra_par([m for m in metas if m.clave in ("horas_observacion", "horas_preparacion",
                                                                      "horas_asesoria")]),
            gia_horas=ic.par(metas, "gia_docentes_horas"),
            sube=cuenta["sube"], se_mantiene=cuenta["se mantiene"], baja=cuenta["baja"], sin_valoracion=cuenta["sin valoración"],
        ))
    buenas = ic.filas_buenas_practicas(exp, dnis, periodo)
    jefe = exp.ugel.jefe_agp
    return InformeUGEL(
        membrete=membrete(exp),
        cabecera=ic.cabecera(exp, formato, periodo.clave, None, f"{titulo.capitalize()} — {periodo.nombre}",
                             fecha_informe(exp, formato, periodo)),
        titulo=titulo.upper(),
        periodo=periodo.nombre,
        acompanantes=len(por_ap),
        instituciones_total=len({d.codigo_modular for d in exp.docentes}),
        docentes=len(dnis),
        directores_total=sum(d.es_director for d in exp.docentes),
        instituciones=ic.filas_ie(exp, [a.dni for a in exp.acompanantes]),
        metas=ic.filas_metas(am.metas_ugel(exp, periodo)),
        metas_ugel=ic.filas_metas_ugel(exp, periodo),
        faltas_protocolo=ic.faltas_protocolo(exp, {a.dni for a in exp.acompanantes}, periodo),
        faltas_ejecucion=ic.faltas_ejecucion(exp, {a.dni for a in exp.acompanantes}, periodo),
        por_ap=por_ap,
        distribucion=ic.filas_distribucion(distribucion),
        grafico_distribucion=ic.grafico_distribucion(exp, distribucion, f"Docentes por nivel en cada desempeño ({periodo.nombre})"),
        inicio_fin=inicio_fin,
        grafico_inicio_fin=ic.grafico_inicio_fin(inicio_fin, f"Docentes en nivel III o IV, al inicio y al término ({periodo.nombre})"),
        tendencias=tendencias,
        grafico_tendencias=ic.grafico_tendencia(tendencias, f"Tendencia por desempeño ({periodo.nombre})"),
        directores=ic.evidencias_directores(exp, dnis, periodo),
        sucesos=ic.filas_sucesos(exp, {a.dni for a in exp.acompanantes}, periodo),
        buenas_practicas=buenas,
        estudiantes=estudiantes(exp, dnis, "Total UGEL") if periodo.clave == "anual" else None,
        conclusiones_ap=[
            ConclusionAP(acompanante=ic.nombre(ap), conclusiones=t.conclusiones)
            for ap in exp.acompanantes if (t := ic.narrativa(exp, ap, periodo.clave)).conclusiones
        ],
        texto=ic.narrativa(exp, None, periodo.clave),
        anexos=["Informes de los acompañantes pedagógicos del periodo", *_anexos(exp, dnis, periodo, len(buenas))[1:]],
        leyenda_niveles=ic.leyenda(exp),
        firma_jefe=firma(jefe, jefe.cargo) if jefe else None,
    )


# --- qué documentos salen ---------------------------------------------------------------------------
def meses_de(exp: Expediente) -> list[Periodo]:
    return [mes(exp.anio, m) for m in range(3, 13)]


def trimestres_de(exp: Expediente) -> list[Periodo]:
    return trimestres(exp)


def _prefijo(exp: Expediente, periodo: Periodo) -> str:
    """Para ordenar los archivos: "2026-05", "2026 T2", "2026"."""
    return periodo.clave if periodo.clave[:4].isdigit() else f"{exp.anio} {periodo.clave}".replace(" anual", "")


def documentos_ap(exp: Expediente, formato: str, titulo: str, periodos: list[Periodo], comparar: bool) -> Iterator[Documento]:
    """Un documento por AP y periodo con actividad (visitas o GIA); espera a que el periodo cierre para ese AP."""
    hasta = actividad_hasta(exp)
    for ap in exp.acompanantes:
        dnis = [d.dni for d in exp.docentes_de(ap.dni)]
        for periodo in periodos:
            if not ic.con_actividad(exp, dnis, {ap.dni}, periodo):
                continue
            nombre_archivo = f"{_prefijo(exp, periodo)} {titulo} {ap.apellidos} {ap.nombres}.docx"
            yield Documento(
                ruta=ruta_de(f"{ap.apellidos} {ap.nombres}", nombre_archivo),
                registros=(f"acompanantes:{ap.dni}", f"periodo:{periodo.clave}"),
                contexto=partial(contexto_ap, exp, ap, periodo, formato, titulo, comparar),
                agrupacion={"acompanante": ap.dni, **({"mes": periodo.clave} if periodo.clave[:4].isdigit() else {})},
                periodo=periodo,
                cerrado=cerrado(exp, periodo, [ap.dni], hasta),
            )


def documentos_ugel(exp: Expediente, formato: str, titulo: str, periodos: list[Periodo]) -> Iterator[Documento]:
    """Un documento por periodo con actividad; espera a que el periodo cierre para todos los AP que la tuvieron."""
    hasta = actividad_hasta(exp)
    for periodo in periodos:
        if aps := acompanantes_con_actividad(exp, periodo):
            yield Documento(
                ruta=ruta_de(f"{_prefijo(exp, periodo)} {titulo} {exp.ugel.nombre}.docx"),
                registros=(f"periodo:{periodo.clave}",),
                contexto=partial(contexto_ugel, exp, periodo, formato, titulo),
                periodo=periodo,
                cerrado=cerrado(exp, periodo, aps, hasta),
            )
