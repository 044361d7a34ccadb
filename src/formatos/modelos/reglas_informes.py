"""Reglas entre registros de las secciones de informes (se registran al importar `formatos`)."""

from __future__ import annotations

from formatos.modelos.expediente import Expediente, regla


@regla
def _fechas_de_informes(exp: Expediente):
    for seccion, campo in (("sucesos", "fecha"), ("buenas_practicas", "fecha"), ("talleres", "fecha_inicio")):
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
