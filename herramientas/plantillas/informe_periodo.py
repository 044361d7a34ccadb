"""Plantillas de los informes de un periodo: mensual, trimestral y final, del AP y de la UGEL."""

from comun import documento, parrafo
from informes_comun import (
    Secciones, atentamente, cabecera, encabezado_informe, datos, directores, etiqueta, linea, lista, narrativa, subtitulo, tabla,
    tabla_buenas_practicas, tabla_distribucion, tabla_ie, tabla_metas, tabla_sucesos, tablas_comparacion,
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
    linea(doc, "Matriz del {{ a.fecha|fecha_corta }} (visita {{ a.visita }}).", tamano=9)
    tabla(doc, ["Desempeño atendido", "Nivel", "Evidencias", "Producto de la asesoría"],
          ["{{ f.codigo }}. {{ f.desempeno }}", "{{ f.nivel }}", "{{ f.evidencias }}", "{{ f.producto }}"],
          [5.0, 1.3, 6.2, 4.5], "a.filas", centrar=[1], tamano=8)
    etiqueta(doc, "{%p else %}")
    linea(doc, "Sin valoración en {{ mes_evidencias }}.")
    etiqueta(doc, "{%p endif %}")
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
