"""Consolidado del protocolo efectivo en Excel: metas físicas programadas y ejecutadas por docente y por AP."""

from __future__ import annotations

from collections.abc import Iterator

from formatos.analisis.metas import metas_acompanante, metas_docente
from formatos.analisis.periodos import anual
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos.libro import Columna, Grafico, Hoja, Libro, Tabla
from formatos.modelos.expediente import Expediente


def _por_docente(exp: Expediente) -> Tabla:
    filas = []
    for d in exp.docentes:
        ap, ie = exp.acompanante(d.dni_acompanante), exp.institucion(d.codigo_modular)
        for m in metas_docente(exp, d.dni, anual(exp.anio)):
            filas.append([f"{ap.apellidos}, {ap.nombres}", ie.nombre, f"{d.apellidos}, {d.nombres}", d.dni,
                          "sí" if d.es_director else "no", m.actividad, m.unidad, m.programado, m.ejecutado, _avance(m)])
    return Tabla(columnas=[
        Columna(titulo="AP", ancho=26), Columna(titulo="I. E.", ancho=28), Columna(titulo="Docente", ancho=28),
        Columna(titulo="DNI", ancho=11), Columna(titulo="¿Director?", ancho=9), Columna(titulo="Actividad", ancho=34),
        Columna(titulo="Unidad", ancho=12), Columna(titulo="Programado", ancho=11, formato="numero"),
        Columna(titulo="Ejecutado", ancho=11, formato="numero"), Columna(titulo="Avance", ancho=9, formato="avance"),
    ], filas=filas)


def _avance(meta) -> float | None:
    return meta.ejecutado / meta.programado if meta.programado else None


def _por_ap(exp: Expediente) -> Tabla:
    filas = [
        [f"{ap.apellidos}, {ap.nombres}", len(exp.docentes_de(ap.dni)), m.actividad, m.unidad, m.programado, m.ejecutado,
         _avance(m)]
        for ap in exp.acompanantes for m in metas_acompanante(exp, ap.dni, anual(exp.anio))
    ]
    return Tabla(columnas=[
        Columna(titulo="AP", ancho=26), Columna(titulo="Docentes", ancho=10, formato="entero"),
        Columna(titulo="Actividad", ancho=34), Columna(titulo="Unidad", ancho=12),
        Columna(titulo="Programado", ancho=11, formato="numero"), Columna(titulo="Ejecutado", ancho=11, formato="numero"),
        Columna(titulo="Avance", ancho=9, formato="avance"),
    ], filas=filas)


def _visitas(exp: Expediente) -> Tabla:
    filas = []
    for d in exp.docentes:
        visitas = next(m for m in metas_docente(exp, d.dni, anual(exp.anio)) if m.unidad == "visitas")
        filas.append([f"{d.apellidos}, {d.nombres}", visitas.programado, visitas.ejecutado])
    return Tabla(
        titulo="Visitas en aula por docente",
        columnas=[Columna(titulo="Docente", ancho=34), Columna(titulo="Programadas", ancho=11, formato="entero"),
                  Columna(titulo="Ejecutadas", ancho=11, formato="entero")],
        filas=filas, filtro=False,
        graficos=[Grafico(titulo="Visitas programadas y ejecutadas", categorias=0, series=[1, 2], horizontal=True,
                          eje_valores="visitas")],
    )


def contexto(exp: Expediente) -> Libro:
    titulo = f"Protocolo efectivo {exp.anio}: metas físicas programadas y ejecutadas — {exp.ugel.nombre}"
    lineas = [titulo, f"{exp.ugel.nombre} · {exp.ugel.dre} · lo programado es el protocolo del expediente para el año completo"]
    return Libro(titulo=titulo, hojas=[
        Hoja(nombre="Por AP", encabezado=lineas, tablas=[_por_ap(exp)]),
        Hoja(nombre="Por docente", encabezado=lineas, tablas=[_por_docente(exp)]),
        Hoja(nombre="Visitas", encabezado=lineas, tablas=[_visitas(exp)]),
    ])


def documentos(exp: Expediente) -> Iterator[Documento]:
    yield Documento(
        ruta=ruta_de(f"{exp.ugel.nombre} - protocolo {exp.anio}.xlsx"),
        registros=("ugel",),
        contexto=lambda: contexto(exp),
    )


FORMATO = Formato(
    identificador="consolidado-protocolo",
    titulo="Consolidado del protocolo efectivo (Excel)",
    plantilla="consolidado-protocolo.xlsx",
    esquema=Libro,
    documentos=documentos,
    descripcion="Uno de la UGEL: visitas, horas y GIA programados frente a ejecutados, por docente y por AP.",
)
