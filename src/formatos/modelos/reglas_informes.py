"""Reglas entre registros de las secciones de informes (se registran al importar `formatos`)."""

from __future__ import annotations

from formatos.modelos.expediente import Expediente, regla


@regla
def _fechas_de_informes(exp: Expediente):
    for seccion, campo in (("sucesos", "fecha"), ("buenas_practicas", "fecha"), ("talleres", "fecha_inicio"),
                           ("evaluaciones_fin_de_anio", "fecha"), ("balances_cierre", "fecha")):
        for r in getattr(exp, seccion):
            fecha = getattr(r, campo)
            if fecha.year != exp.anio or not 3 <= fecha.month <= 12:
                yield r, campo, f"{fecha:%d/%m/%Y} está fuera del año escolar {exp.anio} (marzo a diciembre)", True


@regla
def _muestra_de_linea_de_base(exp: Expediente):
    docentes = exp.indice("docentes")
    for d in exp.diagnosticos_docente:
        if d.grado_evaluado and d.grado_evaluado not in docentes[d.dni_docente].grados:
            yield d, "grado_evaluado", (f"{docentes[d.dni_docente].nombre_completo} no tiene a su cargo el "
                                        f"{d.grado_evaluado}.° grado"), True


@regla
def _asistentes_del_taller(exp: Expediente):
    for t in exp.talleres:
        repetidos = sorted({d for d in t.asistentes if t.asistentes.count(d) > 1})
        if repetidos:
            yield t, "asistentes", f"DNI repetido en la asistencia: {', '.join(repetidos)}", False


@regla
def _evaluacion_de_fin_de_anio(exp: Expediente):
    """La misma muestra que la línea de base, en el mes de la visita de cierre (manual, l. 804-810 y 2639-2641)."""
    docentes, diagnosticos = exp.indice("docentes"), exp.indice("diagnosticos_docente")
    for e in exp.evaluaciones_fin_de_anio:
        docente = docentes[e.dni_docente]
        if e.grado_evaluado not in docente.grados:
            yield e, "grado_evaluado", f"{docente.nombre_completo} no tiene a su cargo el {e.grado_evaluado}.° grado", True
            continue
        base = diagnosticos.get(e.dni_docente)
        if base is not None and base.grado_evaluado in docente.grados and base.grado_evaluado != e.grado_evaluado:
            yield e, "grado_evaluado", (f"la línea de base se aplicó al {base.grado_evaluado}.° grado: la evaluación de fin "
                                        f"de año va a la misma muestra"), True
            continue
        cierres = sorted(v.ultimo_dia for v in exp.visitas if v.dni_docente == e.dni_docente and v.tipo == "cierre")
        if not cierres:
            yield e, "fecha", (f"{docente.nombre_completo} no tiene visita de cierre registrada: la evaluación de fin de año "
                               f"se aplica en el mes de la visita de cierre"), True
        elif (e.fecha.year, e.fecha.month) not in {(c.year, c.month) for c in cierres}:
            yield e, "fecha", (f"la evaluación de fin de año se aplica en el mes de la visita de cierre "
                               f"({cierres[-1]:%m/%Y}); se recibió {e.fecha:%d/%m/%Y}"), True


@regla
def _resultados_del_taller(exp: Expediente):
    for t in exp.talleres:
        for r in t.resultados:
            if r.dni_docente not in t.asistentes:
                yield t, "resultados", f"{r.dni_docente} tiene resultado pero no figura entre los asistentes del taller", False
