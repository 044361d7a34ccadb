"""Consolidado del protocolo efectivo en Excel: metas físicas programadas y ejecutadas por docente y por AP."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from formatos.analisis.metas import meta, metas_acompanante, metas_docente
from formatos.analisis.periodos import acompanantes_con_actividad, anual, cerrado
from formatos.analisis.protocolo import faltas_ejecutadas
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos.libro import Columna, Grafico, Hoja, Libro, Tabla, Valor
from formatos.modelos.expediente import Expediente


def _por_docente(exp: Expediente) -> Tabla:
    filas: list[list[Valor]] = []
    for d in exp.docentes:
        ap, ie = exp.acompanante(d.dni_acompanante), exp.institucion(d.codigo_modular)
        for m in metas_docente(exp, d.dni, anual(exp.anio)):
            filas.append([f"{ap.apellidos}, {ap.nombres}", ie.nombre, f"{d.apellidos}, {d.nombres}", d.dni,
                          "sí" if d.es_director else "no", m.actividad, m.unidad, m.programado, m.ejecutado, _avance(m)])
    return Tabla(columnas=[
        Columna(titulo="AP", ancho=26), Columna(titulo="I. E.", ancho=28), Columna(titulo="Docente", ancho=28),
        Columna(titulo="DNI", ancho=11), Columna(titulo="¿Director?", ancho=9), Columna(titulo="Actividad", ancho=46),
        Columna(titulo="Unidad", ancho=12), Columna(titulo="Programado", ancho=11, formato="numero"),
        Columna(titulo="Ejecutado", ancho=11, formato="numero"), Columna(titulo="Avance", ancho=9, formato="avance"),
    ], filas=filas)


def _avance(meta) -> float | None:
    return meta.ejecutado / meta.programado if meta.programado else None


def _por_ap(exp: Expediente) -> Tabla:
    filas: list[list[Valor]] = [
        [f"{ap.apellidos}, {ap.nombres}", len(exp.docentes_de(ap.dni)), m.actividad, m.unidad, m.programado, m.ejecutado,
         _avance(m)]
        for ap in exp.acompanantes for m in metas_acompanante(exp, ap.dni, anual(exp.anio))
    ]
    return Tabla(columnas=[
        Columna(titulo="AP", ancho=26), Columna(titulo="Docentes", ancho=10, formato="entero"),
        Columna(titulo="Actividad", ancho=46), Columna(titulo="Unidad", ancho=12),
        Columna(titulo="Programado", ancho=11, formato="numero"), Columna(titulo="Ejecutado", ancho=11, formato="numero"),
        Columna(titulo="Avance", ancho=9, formato="avance"),
    ], filas=filas)


def _visitas(exp: Expediente) -> Tabla:
    """Por docente: visitas y horas de visita programadas frente a ejecutadas (una visita corta no cuenta completa)."""
    filas: list[list[Valor]] = []
    for d in exp.docentes:
        metas = metas_docente(exp, d.dni, anual(exp.anio))
        visitas, completas, horas = (meta(metas, c) for c in ("visitas", "visitas_completas", "horas_visita"))
        filas.append([f"{d.apellidos}, {d.nombres}", visitas.programado, visitas.ejecutado, completas.ejecutado,
                      horas.programado, horas.ejecutado, _avance(horas)])
    return Tabla(
        titulo="Visitas en aula por docente: número y horas (observación, preparación del diálogo reflexivo y asesoría)",
        columnas=[Columna(titulo="Docente", ancho=34), Columna(titulo="Programadas", ancho=13, formato="entero"),
                  Columna(titulo="Ejecutadas", ancho=12, formato="entero"),
                  Columna(titulo="Con las horas mínimas", ancho=21, formato="entero"),
                  Columna(titulo="Horas programadas", ancho=18, formato="numero"),
                  Columna(titulo="Horas ejecutadas", ancho=17, formato="numero"),
                  Columna(titulo="Avance en horas", ancho=16, formato="avance")],
        filas=filas, filtro=False,
        graficos=[Grafico(titulo="Visitas programadas, ejecutadas y con las horas mínimas", categorias=0,
                          series=[1, 2, 3], horizontal=True, eje_valores="visitas")],
    )


def _faltas(exp: Expediente) -> Tabla:
    """Lo ejecutado por debajo del protocolo, en orden de fecha: lo mismo que advierte `formatos validar`."""
    faltas = sorted(faltas_ejecutadas(exp), key=lambda f: (f.fecha or date.min, f.que))
    filas: list[list[Valor]] = [[f.fecha, exp.acompanante(f.dni_acompanante).nombre_completo if f.dni_acompanante else "UGEL", f.que, f.mensaje]
             for f in faltas] or [[None, "", "(nada por debajo del protocolo)", ""]]
    return Tabla(
        titulo="Lo ejecutado por debajo del protocolo (horas de las visitas, días sin clases, jornadas del AP, GIA)",
        columnas=[Columna(titulo="Fecha", ancho=11, formato="fecha"), Columna(titulo="AP", ancho=28),
                  Columna(titulo="Qué", ancho=44), Columna(titulo="Por debajo del protocolo", ancho=90)],
        filas=filas,
    )


def contexto(exp: Expediente) -> Libro:
    titulo = f"Protocolo efectivo {exp.anio}: metas físicas programadas y ejecutadas — {exp.ugel.nombre}"
    lineas = [titulo, f"{exp.ugel.nombre} · {exp.ugel.dre} · lo programado es el protocolo del expediente para el año completo"]
    return Libro(titulo=titulo, hojas=[
        Hoja(nombre="Por AP", encabezado=lineas, tablas=[_por_ap(exp)]),
        Hoja(nombre="Por docente", encabezado=lineas, tablas=[_por_docente(exp)]),
        Hoja(nombre="Visitas", encabezado=lineas, tablas=[_visitas(exp)]),
        Hoja(nombre="Por debajo del protocolo", encabezado=lineas, tablas=[_faltas(exp)]),
    ])


def documentos(exp: Expediente) -> Iterator[Documento]:
    """Uno de la UGEL: da cuenta del año, así que espera a que el año cierre (antes, borrador)."""
    anio = anual(exp.anio, exp.protocolo)
    yield Documento(
        ruta=ruta_de(f"{exp.ugel.nombre} - protocolo {exp.anio}.xlsx"),
        registros=("ugel",),
        contexto=lambda: contexto(exp),
        periodo=anio,
        cerrado=cerrado(exp, anio, acompanantes_con_actividad(exp, anio)),
    )


FORMATO = Formato(
    identificador="consolidado-protocolo",
    titulo="Consolidado del protocolo efectivo (Excel)",
    plantilla="consolidado-protocolo.xlsx",
    esquema=Libro,
    documentos=documentos,
    descripcion="Uno de la UGEL: visitas, horas y GIA programados frente a ejecutados, por docente y por AP.",
)
