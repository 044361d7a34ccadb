"""Plantillas de los informes de un periodo: mensual, trimestral y final, del AP y de la UGEL."""

from comun import documento, parrafo, rotulo
from informes_comun import (
    Secciones, atentamente, cabecera, encabezado_informe, datos, directores, etiqueta, grafico, linea, lista, narrativa,
    subtitulo, tabla, tabla_buenas_practicas, tabla_distribucion, tabla_ie, tabla_metas, tabla_sucesos, tablas_comparacion,
)

TITULOS = {"mensual": "INFORME MENSUAL DEL ACOMPAÑAMIENTO PEDAGÓGICO", "trimestral": "INFORME TRIMESTRAL DEL "
           "ACOMPAÑAMIENTO PEDAGÓGICO", "final": "INFORME FINAL DEL ACOMPAÑAMIENTO PEDAGÓGICO"}


def _inicio(tipo: str, titulo: str):
    doc = documento(titulo.capitalize())
    encabezado_informe(doc)
    cabecera(doc, "{{ titulo }}\n{{ periodo|upper }}")
    return doc


def construir_ap(destino, tipo: str):
    doc = _inicio(tipo, TITULOS[tipo])
    s = Secciones(doc)
    s("Datos informativos")
    datos(doc, [("Acompañante pedagógico", "{{ acompanante }}"), ("Periodo", "{{ periodo }}"),
                ("UGEL", "{{ membrete.ugel }}")])
    tabla_ie(doc)

    s("Aprendizajes logrados por cada docente y director")
    linea(doc, "Evidencias registradas en las matrices de valoración de {{ mes_evidencias }}: desempeños atendidos, "
               "nivel alcanzado y producto de la asesoría.")
    etiqueta(doc, "{%p for a in aprendizajes %}")
    subtitulo(doc, "{{ loop.index }}. {{ a.docente }} — I. E. {{ a.institucion }}")
    etiqueta(doc, "{%p if a.fecha %}")
    linea(doc, "Matriz del {{ a.fecha|fecha_corta }} ({{ a.visita }}).", tamano=9)
    tabla(doc, ["Desempeño atendido", "Nivel", "Evidencias", "Producto de la asesoría"],
          ["{{ f.codigo }}. {{ f.desempeno }}", "{{ f.nivel }}", "{{ f.evidencias }}", "{{ f.producto }}"],
          [5.0, 1.3, 6.2, 4.5], "a.filas", centrar=[1], tamano=8)
    etiqueta(doc, "{%p else %}")
    linea(doc, "Sin valoración en {{ mes_evidencias }}.")
    etiqueta(doc, "{%p endif %}")
    etiqueta(doc, "{%p for t in a.taller %}")
    linea(doc, "Resultado en el {{ t }}", tamano=9)
    etiqueta(doc, "{%p endfor %}")
    etiqueta(doc, "{%p endfor %}")
    subtitulo(doc, "Docentes en su rol de director (evidencias sin nivel de logro)")
    directores(doc, cuando="En {{ mes_evidencias }}")

    s("Logros por desempeño")
    tabla_distribucion(doc)
    narrativa(doc, "texto.logros")

    if tipo != "mensual":
        s("Comparación de niveles al inicio y al término del " + ("trimestre" if tipo == "trimestral" else "año"))
        tablas_comparacion(doc, por_docente=True)
        subtitulo(doc, "Avance de las metas " + ("trimestrales" if tipo == "trimestral" else "del año") +
                  " de los planes individuales")
        tabla(doc, ["Docente", "Desempeño", "Meta", "Nivel alcanzado", "Estado"],
              ["{{ f.docente }}", "{{ f.codigo }}", "{{ f.meta }}", "{{ f.alcanzado }}", "{{ f.estado }}"],
              [5.6, 2.4, 2.2, 3.0, 3.8], "metas_plan", centrar=[1, 2, 3],
              vacio="Los docentes no tienen plan individual registrado: no hay metas que comparar.")
        narrativa(doc, "metas_plan_resumen", "")
    if tipo == "final":
        s("Aprendizajes de los estudiantes: línea de base y fin de año")
        estudiantes(doc, "Total del AP")

    s("Metas ejecutadas y programadas" + ("" if tipo == "mensual" else "; avance del protocolo efectivo"))
    tabla_metas(doc)
    subtitulo(doc, "Por docente (ejecutado / programado)")
    tabla(doc, ["Docente", "Visitas en aula", "Con las horas mínimas", "Horas de visita", "Horas de GIA", "Talleres"],
          ["{{ f.docente }}", "{{ f.visitas }}", "{{ f.visitas_completas }}", "{{ f.horas_visita }}", "{{ f.gia_horas }}",
           "{{ f.talleres }}"],
          [5.0, 2.2, 2.4, 2.4, 2.2, 2.2], "metas_docentes", centrar=[1, 2, 3, 4, 5])
    subtitulo(doc, "Lo ejecutado por debajo del protocolo")
    lista(doc, "faltas_ejecucion", "Lo ejecutado en el periodo cumple los mínimos del protocolo.")
    if tipo != "mensual":
        subtitulo(doc, "Planes mensuales frente al protocolo")
        lista(doc, "faltas_protocolo", "Los planes mensuales del periodo cumplen los mínimos del protocolo.")

    s("Sucesos relevantes y acciones implementadas")
    tabla_sucesos(doc)

    if tipo != "mensual":
        s("Actividades innovadoras y buenas prácticas")
        tabla_buenas_practicas(doc)
    if tipo == "final":
        s("Acuerdos y compromisos de la reunión de balance de cierre")
        balances(doc)

    _cierre(doc, s, tipo, "Desempeños a priorizar en el mes siguiente" if tipo == "mensual"
            else "Reajustes para el trimestre siguiente")

    s("Conclusiones")
    narrativa(doc, "texto.conclusiones")
    s("Anexos")
    lista(doc, "anexos")
    atentamente(doc, "firma_acompanante")
    doc.save(destino)


def construir_ugel(destino, tipo: str):
    doc = _inicio(tipo, TITULOS[tipo])
    s = Secciones(doc)
    s("Datos generales")
    datos(doc, [("Periodo", "{{ periodo }}"), ("Acompañantes pedagógicos", "{{ acompanantes }}"),
                ("II. EE. focalizadas", "{{ instituciones_total }}"),
                ("Docentes acompañados", "{{ docentes }} (de ellos, {{ directores_total }} también directores)")])
    tabla_ie(doc, con_ap=True)

    s("Metas ejecutadas y avance del protocolo efectivo")
    tabla_metas(doc)
    subtitulo(doc, "Lo ejecutado por debajo del protocolo")
    lista(doc, "faltas_ejecucion", "Lo ejecutado en el periodo cumple los mínimos del protocolo.")
    subtitulo(doc, "Planes mensuales frente al protocolo")
    lista(doc, "faltas_protocolo", "Los planes mensuales del periodo cumplen los mínimos del protocolo.")
    subtitulo(doc, "Por acompañante pedagógico (ejecutado / programado)")
    tabla(doc, ["Acompañante", "Docentes", "Visitas en aula", "Con las horas mínimas", "Horas de visita",
                "Horas de GIA con docentes"],
          ["{{ f.acompanante }}", "{{ f.docentes }}", "{{ f.visitas }}", "{{ f.visitas_completas }}", "{{ f.horas_visita }}",
           "{{ f.gia_horas }}"],
          [5.2, 1.8, 2.3, 2.4, 2.4, 2.9], "por_ap", centrar=[1, 2, 3, 4, 5])

    s("Resultados del fortalecimiento de competencias")
    subtitulo(doc, "Docentes por nivel en cada desempeño, al término del periodo")
    tabla_distribucion(doc)
    narrativa(doc, "texto.logros", "")
    tablas_comparacion(doc, por_docente=False)
    subtitulo(doc, "Metas de aprendizaje del plan anual de la UGEL")
    tabla(doc, ["Desempeño", "Meta", "Logrado", "Docentes en el nivel / valorados", "Estado"],
          ["{{ f.codigo }}. {{ f.desempeno }}", "{{ f.meta }}", "{{ f.logrado }}", "{{ f.docentes }}", "{{ f.estado }}"],
          [6.4, 3.3, 1.9, 3.0, 2.4], "metas_ugel", centrar=[1, 2, 3, 4],
          vacio="No hay plan anual de la UGEL registrado con metas trimestrales.")
    subtitulo(doc, "Tendencia por acompañante pedagógico (docente × desempeño)")
    tabla(doc, ["Acompañante", "Sube", "Se mantiene", "Baja", "Sin valoración"],
          ["{{ f.acompanante }}", "{{ f.sube }}", "{{ f.se_mantiene }}", "{{ f.baja }}", "{{ f.sin_valoracion }}"],
          [7.8, 2.2, 2.4, 2.2, 2.4], "por_ap", centrar=[1, 2, 3, 4])
    subtitulo(doc, "Docentes en su rol de director (evidencias sin nivel de logro)")
    directores(doc)
    if tipo == "final":
        s("Aprendizajes de los estudiantes: línea de base y fin de año")
        estudiantes(doc, "Total UGEL")

    s("Sucesos relevantes y acciones implementadas")
    tabla_sucesos(doc)
    s("Actividades innovadoras y buenas prácticas")
    tabla_buenas_practicas(doc)
    s("Aspectos administrativos y logísticos")
    narrativa(doc, "texto.aspectos_administrativos")
    _cierre(doc, s, tipo, "Reajustes para el trimestre siguiente")
    s("Conclusiones")
    etiqueta(doc, "{%p for c in conclusiones_ap %}")
    linea(doc, "{{ c.acompanante }}: {{ c.conclusiones }}")
    etiqueta(doc, "{%p endfor %}")
    narrativa(doc, "texto.conclusiones")
    s("Anexos")
    lista(doc, "anexos")
    atentamente(doc, "firma_jefe", condicional=True)
    parrafo(doc, "")
    doc.save(destino)


def estudiantes(doc, total: str):
    """Línea de base frente a fin de año (Comunicación y Matemática): por docente, por I. E. y en total, con gráfico."""
    etiqueta(doc, "{%p if estudiantes %}")
    linea(doc, "Evaluación a la misma muestra de estudiantes de 2.° o 4.° grado en la primera visita (línea de base) y "
               "en la visita de cierre (fin de año). Estudiantes en inicio / en proceso / satisfactorio.", tamano=9)
    for titulo, coleccion in (("Por docente", "estudiantes.docentes"), ("Por I. E.", "estudiantes.instituciones"),
                              (total, "estudiantes.total")):
        subtitulo(doc, titulo)
        tabla(doc, ["Docente, I. E. o total" if coleccion.endswith("docentes") else "Grupo", "Área", "Línea de base",
                    "Fin de año", "Satisfactorio", "Variación", "Observación"],
              ["{{ f.grupo }}", "{{ f.area }}", "{{ f.linea_base }}", "{{ f.fin_de_anio }}", "{{ f.satisfactorio }}",
               "{{ f.variacion }}", "{{ f.observacion }}"],
              [3.6, 2.2, 2.0, 2.0, 2.5, 2.0, 2.7], coleccion, centrar=[2, 3, 4, 5], tamano=8)
    etiqueta(doc, "{%p for r in estudiantes.resumen %}")
    linea(doc, "{{ r }}", tamano=9)
    etiqueta(doc, "{%p endfor %}")
    grafico(doc, "estudiantes.grafico", "Gráfico: porcentaje de estudiantes en cada nivel de logro, al inicio y al "
                                       "término del año (docentes con las dos evaluaciones).")
    etiqueta(doc, "{%p else %}")
    linea(doc, "No hay evaluaciones de los estudiantes registradas.")
    etiqueta(doc, "{%p endif %}")


def balances(doc):
    """Por I. E.: fecha, asistentes, logros, acuerdos y compromisos de la reunión de balance de cierre."""
    etiqueta(doc, "{%p for b in balances %}")
    subtitulo(doc, "{{ b.institucion }}{% if b.fecha %} — {{ b.fecha|fecha_corta }}{% endif %}")
    etiqueta(doc, "{%p if b.fecha %}")
    linea(doc, "Asistentes: {{ b.asistentes }}.{% if b.logros %} Logros reconocidos: {{ b.logros }}{% endif %}", tamano=9)
    rotulo(doc, "Acuerdos:")
    lista(doc, "b.acuerdos")
    rotulo(doc, "Compromisos:")
    lista(doc, "b.compromisos")
    etiqueta(doc, "{%p else %}")
    linea(doc, "No se registró la reunión de balance de cierre de esta I. E.")
    etiqueta(doc, "{%p endif %}")
    etiqueta(doc, "{%p endfor %}")


def _cierre(doc, s, tipo: str, siguiente: str):
    """Lecciones y propuestas en el informe final; en los demás, lo que se prioriza en el periodo siguiente."""
    if tipo == "final":
        s("Lecciones aprendidas")
        narrativa(doc, "texto.lecciones_aprendidas")
        s("Propuestas para el año siguiente")
        narrativa(doc, "texto.propuestas")
    else:
        s(siguiente)
        lista(doc, "texto.desempenos_a_priorizar", "No se registraron desempeños a priorizar.")
        narrativa(doc, "texto.acciones_a_priorizar", "")
