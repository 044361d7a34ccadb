"""Consolidado de valoraciones en Excel: una fila por docente, visita y desempeño, con resumen y gráficos.

Uno por AP (sus docentes) y uno de toda la UGEL.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from babel.dates import format_date

from formatos.analisis.niveles import distribucion, distribucion_base, notas
from formatos.analisis.periodos import acompanantes_con_actividad, actividad_hasta, anual, cerrado
from formatos.analisis.periodos import mes as periodo_mes
from formatos.catalogo import NIVELES, catalogo
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos.libro import Columna, Grafico, Hoja, Libro, Tabla, Valor
from formatos.modelos.expediente import Expediente


def mes(fecha_o_numero: date | int) -> str:
    """Nombre del mes, en castellano y con mayúscula ("Mayo")."""
    fecha = fecha_o_numero if isinstance(fecha_o_numero, date) else date(2000, fecha_o_numero, 1)
    return format_date(fecha, "MMMM", locale="es_PE").capitalize()


def _corto(texto: str, n: int = 70) -> str:
    return texto if len(texto) <= n else texto[: n - 1].rstrip() + "…"


def _detalle(exp: Expediente, dnis: list[str]) -> Tabla:
    columnas = [
        Columna(titulo="AP", ancho=26), Columna(titulo="I. E.", ancho=28), Columna(titulo="Código modular", ancho=11),
        Columna(titulo="Docente", ancho=28), Columna(titulo="DNI", ancho=11), Columna(titulo="¿Director?", ancho=9),
        Columna(titulo="Grados", ancho=14), Columna(titulo="Visita", ancho=22), Columna(titulo="Tipo de visita", ancho=14),
        Columna(titulo="Fecha de valoración", ancho=12, formato="fecha"), Columna(titulo="Momento", ancho=14),
        Columna(titulo="Mes", ancho=11),
        Columna(titulo="Desempeño", ancho=12), Columna(titulo="Denominación", ancho=50),
        Columna(titulo="Nivel", ancho=8, formato="nivel"), Columna(titulo="Etiqueta", ancho=15),
        Columna(titulo="¿Atendido?", ancho=10), Columna(titulo="Evidencias", ancho=60),
        Columna(titulo="Producto de la asesoría", ancho=50),
    ]
    filas: list[list[Valor]] = []
    elegidos = set(dnis)
    for v in exp.valoraciones:
        visita = exp.visita(v.id_visita)
        if visita.dni_docente not in elegidos:
            continue
        docente = exp.docente(visita.dni_docente)
        ap, ie = exp.acompanante(docente.dni_acompanante), exp.institucion(docente.codigo_modular)
        fechas = {False: v.fecha or visita.ultimo_dia, True: exp.fecha_termino_mes(v)}
        for d in v.desempenos:
            al_termino = catalogo().desempeno_docente(d.codigo).momento == "fin_de_mes"
            fecha = fechas[al_termino]
            filas.append([
                f"{ap.apellidos}, {ap.nombres}", ie.nombre, ie.codigo_modular, f"{docente.apellidos}, {docente.nombres}",
                docente.dni, "sí" if docente.es_director else "no", ", ".join(f"{g}.°" for g in docente.grados), visita.id, visita.tipo,
                fecha, "al término del mes" if al_termino else "al concluir la visita", mes(fecha), d.codigo, _corto(catalogo().desempeno_docente(d.codigo).denominacion),
                d.nivel_alcanzado, exp.etiqueta_nivel(d.nivel_alcanzado), "sí" if d.atendido else "no",
                d.evidencias, d.producto_asesoria,
            ])
    return Tabla(columnas=columnas, filas=filas)


def _niveles(prefijo: str) -> list[Columna]:
    return [Columna(titulo=f"{prefijo}{n}", ancho=9, formato="entero", nivel=n) for n in NIVELES]


def _resumen(exp: Expediente, dnis: list[str]) -> tuple[Tabla, Tabla, Tabla]:
    """Inicio (diagnóstico) frente a término (última valoración del año), logro por mes y niveles por mes."""
    codigos = catalogo().codigos_docente
    nombre = {c: _corto(catalogo().desempeno_docente(c).denominacion, 55) for c in codigos}
    base, fin = distribucion_base(exp, dnis), distribucion(exp, dnis, anual(exp.anio))
    inicio = Tabla(
        titulo="Docentes por nivel al inicio (visita diagnóstica) y al término (última valoración del año)",
        columnas=[Columna(titulo="Código", ancho=10), Columna(titulo="Desempeño", ancho=45),
                  *_niveles("Inicio "), *_niveles("Término "),
                  Columna(titulo="Sin diagnóstico", ancho=11, formato="entero"),
                  Columna(titulo="Sin valoración", ancho=11, formato="entero")],
        filas=[[c, nombre[c], *b.conteo.values(), *f.conteo.values(), b.sin_valoracion, f.sin_valoracion]
               for c, b, f in zip(codigos, base, fin)],
        graficos=[
            Grafico(titulo="Al inicio", categorias=0, series=[2, 3, 4, 5], apilado=True, horizontal=True,
                    eje_valores="docentes"),
            Grafico(titulo="Al término", categorias=0, series=[6, 7, 8, 9], apilado=True, horizontal=True,
                    eje_valores="docentes"),
        ],
    )
    meses = sorted({n.fecha.month for d in dnis for n in notas(exp, d)})
    por_mes = {m: distribucion(exp, dnis, periodo_mes(exp.anio, m)) for m in meses}
    mensual = Tabla(
        titulo="Docentes por nivel, desempeño y mes (última valoración de cada docente en el mes)",
        columnas=[Columna(titulo="Mes", ancho=11), Columna(titulo="Desempeño", ancho=12),
                  *_niveles("Nivel "), Columna(titulo="Valorados", ancho=10, formato="entero"),
                  Columna(titulo="Sin valoración", ancho=11, formato="entero")],
        filas=[[mes(m), d.codigo, *d.conteo.values(), d.valorados, d.sin_valoracion]
               for m, distribuciones in por_mes.items() for d in distribuciones],
    )
    logro = Tabla(
        titulo="Docentes en nivel III o IV por mes",
        columnas=[Columna(titulo="Mes", ancho=11), *(Columna(titulo=c, ancho=10, formato="entero") for c in codigos)],
        filas=[[mes(m), *(d.conteo["III"] + d.conteo["IV"] for d in distribuciones)] for m, distribuciones in por_mes.items()],
        filtro=False,
        graficos=[Grafico(titulo="Docentes en nivel III o IV por mes y desempeño", categorias=0,
                          series=list(range(1, len(codigos) + 1)), eje_valores="docentes")],
    )
    return inicio, logro, mensual


def contexto(exp: Expediente, dni_acompanante: str | None = None) -> Libro:
    if dni_acompanante:
        ap = exp.acompanante(dni_acompanante)
        ambito, dnis = f"AP {ap.nombres} {ap.apellidos}", [d.dni for d in exp.docentes_de(dni_acompanante)]
    else:
        ambito, dnis = exp.ugel.nombre, [d.dni for d in exp.docentes]
    titulo = f"Consolidado de valoraciones del desempeño docente {exp.anio} — {ambito}"
    lineas = [titulo, f"{exp.ugel.nombre} · {exp.ugel.dre} · {len(dnis)} docentes acompañados"]
    extremos, logro, mensual = _resumen(exp, dnis)
    return Libro(titulo=titulo, hojas=[
        Hoja(nombre="Inicio y término", encabezado=lineas, tablas=[extremos]),
        Hoja(nombre="Logro por mes", encabezado=lineas, tablas=[logro]),
        Hoja(nombre="Niveles por mes", encabezado=lineas, tablas=[mensual]),
        Hoja(nombre="Valoraciones", encabezado=[*lineas, "Una fila por docente, visita y desempeño: use los filtros de la fila de títulos."],
             tablas=[_detalle(exp, dnis)]),
    ])


def documentos(exp: Expediente) -> Iterator[Documento]:
    """Uno por AP y uno de la UGEL: dan cuenta del año, así que esperan a que el año cierre (antes, borradores)."""
    anio, hasta = anual(exp.anio, exp.protocolo), actividad_hasta(exp)
    for ap in exp.acompanantes:
        if not exp.docentes_de(ap.dni):
            continue
        yield Documento(
            ruta=ruta_de(f"{ap.apellidos} {ap.nombres}", f"Consolidado de valoraciones {exp.anio}.xlsx"),
            registros=(f"acompanantes:{ap.dni}",),
            contexto=partial(contexto, exp, ap.dni),
            agrupacion={"acompanante": ap.dni},
            periodo=anio,
            cerrado=cerrado(exp, anio, [ap.dni], hasta),
        )
    yield Documento(
        ruta=ruta_de(f"{exp.ugel.nombre} - consolidado de valoraciones {exp.anio}.xlsx"),
        registros=("ugel",),
        contexto=lambda: contexto(exp),
        periodo=anio,
        cerrado=cerrado(exp, anio, acompanantes_con_actividad(exp, anio), hasta),
    )


FORMATO = Formato(
    identificador="consolidado-valoraciones",
    titulo="Consolidado de valoraciones (Excel)",
    plantilla="consolidado-valoraciones.xlsx",
    esquema=Libro,
    documentos=documentos,
    descripcion="Uno por AP y uno de la UGEL: una fila por docente, visita y desempeño; resumen por nivel y mes con gráficos.",
)
