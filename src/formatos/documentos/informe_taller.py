"""Informe del taller de actualización docente (manual 2.2.2.3): uno solo por taller, a nivel de UGEL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel

from formatos.analisis.periodos import cerrado, fecha_informe
from formatos.analisis.periodos import taller as periodo_taller
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos import informes_comunes as ic
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.modelos.expediente import Expediente
from formatos.modelos.informes import ESCALA_SATISFACCION, Taller
from formatos.numeros import cantidad_de, ordinal, porcentaje


class FilaAsistencia(BaseModel):
    acompanante: str
    programados: int
    asistentes: int
    avance: str


class FilaEncuesta(BaseModel):
    aspecto: str
    pregunta: str
    muy_satisfecho: str
    satisfecho: str
    poco_satisfecho: str
    insatisfecho: str
    respuestas: int


class InformeTaller(BaseModel):
    membrete: Membrete
    cabecera: ic.Cabecera
    numero_taller: int
    fecha_inicio: date
    fecha_fin: date
    horas: str
    lugar: str
    responsable: str
    asistencia: list[FilaAsistencia]
    inasistentes: list[str]
    propositos: list[str]
    desempenos: list[str]
    analisis_propositos: str
    calidad_productos: str
    encuesta: list[FilaEncuesta]
    grafico_encuesta: ic.Grafico | None
    aspectos_logisticos: str
    conclusiones: str
    firma_responsable: Firma
    firma_jefe: Firma | None


def contexto(exp: Expediente, taller: Taller) -> InformeTaller:
    asistencia = []
    for ap in exp.acompanantes:
        suyos = [d.dni for d in exp.docentes_de(ap.dni)]
        if suyos:
            n = sum(d in taller.asistentes for d in suyos)
            asistencia.append(FilaAsistencia(acompanante=ic.nombre(ap), programados=len(suyos), asistentes=n,
                                             avance=porcentaje(100 * n / len(suyos))))
    total = len(exp.docentes)
    asistencia.append(FilaAsistencia(acompanante="Total", programados=total, asistentes=len(taller.asistentes),
                                     avance=porcentaje(100 * len(taller.asistentes) / total) if total else "—"))
    encuesta = []
    for p in taller.encuesta:
        n = sum(p.respuestas.values())
        celdas = {k.replace(" ", "_"): cantidad_de(p.respuestas[k], n) for k in ESCALA_SATISFACCION}
        encuesta.append(FilaEncuesta(aspecto=p.aspecto.capitalize(), pregunta=p.pregunta, respuestas=n, **celdas))
    grafico = ic.Grafico(
        grafico="barras_apiladas", titulo="Satisfacción de los docentes (cantidad de respuestas)",
        categorias=[f"P{i}" for i in range(1, len(taller.encuesta) + 1)], eje_y="Docentes",
        series=[ic.Serie(nombre=k.capitalize(), valores=[p.respuestas[k] for p in taller.encuesta]) for k in ESCALA_SATISFACCION],
    ) if taller.encuesta else None
    responsable = exp.acompanante(taller.dni_responsable)
    jefe = exp.ugel.jefe_agp
    return InformeTaller(
        membrete=membrete(exp),
        cabecera=ic.cabecera(exp, "informe-taller", str(taller.numero), None,
                             f"Informe del {ordinal(taller.numero, apocope=True)} taller de actualización docente",
                             fecha_informe(exp, "informe-taller", periodo_taller(taller.numero, taller.fecha_inicio, taller.fecha_fin))),
        numero_taller=taller.numero,
        fecha_inicio=taller.fecha_inicio, fecha_fin=taller.fecha_fin,
        horas=ic.cifra(taller.horas), lugar=taller.lugar, responsable=ic.nombre(responsable),
        asistencia=asistencia,
        inasistentes=[ic.nombre(d) for d in exp.docentes if d.dni not in taller.asistentes],
        propositos=taller.propositos,
        desempenos=[f"{c}: {ic.denominacion(c)}" for c in taller.desempenos],
        analisis_propositos=taller.analisis_propositos,
        calidad_productos=taller.calidad_productos,
        encuesta=encuesta,
        grafico_encuesta=grafico,
        aspectos_logisticos=taller.aspectos_logisticos,
        conclusiones=taller.conclusiones,
        firma_responsable=firma(responsable, "Acompañante pedagógico responsable del taller"),
        firma_jefe=firma(jefe, jefe.cargo) if jefe else None,
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    """Uno por taller; espera a que el taller tenga registrada su asistencia (o a la fecha de corte)."""
    for taller in exp.talleres:
        periodo = periodo_taller(taller.numero, taller.fecha_inicio, taller.fecha_fin)
        yield Documento(
            ruta=ruta_de(f"{taller.fecha_inicio:%Y-%m-%d} Informe del taller {taller.numero} {exp.ugel.nombre}.docx"),
            registros=(f"talleres:{taller.id}",),
            contexto=partial(contexto, exp, taller),
            agrupacion={"mes": f"{taller.fecha_inicio:%Y-%m}"},
            periodo=periodo,
            cerrado=cerrado(exp, periodo, [a.dni for a in exp.acompanantes], hecho=bool(taller.asistentes)),
        )


FORMATO = Formato(
    identificador="informe-taller",
    titulo="Informe del taller de actualización docente",
    plantilla="informe-taller.docx",
    esquema=InformeTaller,
    documentos=documentos,
    descripcion="Uno por taller: metas de atención ejecutadas, propósitos frente a los desempeños priorizados, "
                "calidad de los productos, encuesta de satisfacción tabulada y aspectos logísticos.",
)
