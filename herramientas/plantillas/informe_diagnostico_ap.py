"""Plantilla del informe diagnóstico de necesidades de fortalecimiento de competencias del AP (manual 2.2.1.6)."""

from comun import documento
from informes_comun import (
    Secciones, atentamente, cabecera, datos, directores, encabezado_informe, etiqueta, grafico, linea, narrativa, subtitulo,
    tabla, tabla_distribucion, tabla_ie,
)

TABLA_LOGROS = (["Grupo", "Área", "En inicio", "En proceso", "Satisfactorio", "Evaluados"],
                ["{{ f.grupo }}", "{{ f.area }}", "{{ f.en_inicio }}", "{{ f.en_proceso }}", "{{ f.satisfactorio }}",
                 "{{ f.evaluados }}"],
                [4.4, 2.6, 2.5, 2.5, 2.7, 2.3])


def resultados_directores(doc):
    """Evidencias y necesidades formativas de cada director en la visita diagnóstica (D1 y D18 del MBDDI, sin nivel)."""
    linea(doc, "Desempeños del docente en su rol de director (Marco del Buen Desempeño Directivo): D1, diagnostica las "
               "características del entorno institucional, familiar y social; D18, orienta y promueve la participación "
               "del equipo docente en la planificación curricular. No se establece nivel de logro.", tamano=9)
    directores(doc, cuando="En la visita diagnóstica")
    etiqueta(doc, "{%p if directores_sin_matriz %}")
    linea(doc, "Sin matriz del directivo en la visita diagnóstica: {{ directores_sin_matriz|join('; ') }}.")
    etiqueta(doc, "{%p endif %}")


def construir(destino):
    doc = documento("Informe diagnóstico del AP")
    encabezado_informe(doc)
    cabecera(doc, "{{ titulo }}")
    s = Secciones(doc)
    s("Datos informativos de las II. EE. acompañadas")
    datos(doc, [("Acompañante pedagógico", "{{ acompanante }}"), ("UGEL", "{{ membrete.ugel }}"),
                ("Estudiantes", "{{ estudiantes }}")])
    tabla_ie(doc)

    s("Caracterización del contexto de las II. EE. y de la comunidad")
    etiqueta(doc, "{%p for c in contextos %}")
    subtitulo(doc, "{{ c.institucion }} ({{ c.lugar }})")
    linea(doc, "{{ c.contexto }}")
    etiqueta(doc, "{%p endfor %}")

    s("Resultados por docente")
    etiqueta(doc, "{%p for d in docentes %}")
    subtitulo(doc, "{{ loop.index }}. {{ d.docente }} — I. E. {{ d.institucion }} ({{ d.grados|grados }}; {{ d.rol|lower }})")
    etiqueta(doc, "{%p if d.niveles %}")
    tabla(doc, ["Desempeño", "Nivel diagnosticado"], ["{{ f.codigo }}. {{ f.desempeno }}", "{{ f.nivel }}"],
          [13.0, 4.0], "d.niveles", centrar=[1], tamano=8)
    etiqueta(doc, "{%p else %}")
    linea(doc, "Sin valoración en la visita diagnóstica.")
    etiqueta(doc, "{%p endif %}")
    etiqueta(doc, "{%p if d.con_datos %}")
    linea(doc, "Estudiantes: {{ d.estudiantes }}. {{ d.caracteristicas }}")
    etiqueta(doc, "{%p if d.grado_evaluado %}")
    linea(doc, "Evaluación de línea de base ({{ d.grado_evaluado }} grado):")
    tabla(doc, TABLA_LOGROS[0][1:], TABLA_LOGROS[1][1:], [4.4, 3.4, 3.4, 3.4, 2.4], "d.logros", centrar=[1, 2, 3, 4],
          tamano=8)
    etiqueta(doc, "{%p else %}")
    linea(doc, "Su aula no formó parte de la muestra de la evaluación de línea de base (2.° o 4.° grado).")
    etiqueta(doc, "{%p endif %}")
    linea(doc, "Estudiantes en situación de discapacidad: {{ d.discapacidad }}")
    linea(doc, "Participación de la familia y la comunidad: {{ d.familia }}")
    linea(doc, "Necesidades de formación: {{ d.necesidades }}")
    etiqueta(doc, "{%p else %}")
    linea(doc, "No se registraron los datos de los estudiantes de este docente.")
    etiqueta(doc, "{%p endif %}")
    etiqueta(doc, "{%p endfor %}")

    s("Resultados de los directores (desempeño directivo)")
    resultados_directores(doc)

    s("Resultados del grupo de docentes")
    subtitulo(doc, "Niveles diagnosticados por desempeño")
    tabla_distribucion(doc, "Gráfico: docentes por nivel diagnosticado en cada desempeño (misma información que la tabla).")
    subtitulo(doc, "Logros de aprendizaje de los estudiantes (línea de base)")
    tabla(doc, *TABLA_LOGROS, "logros", centrar=[2, 3, 4, 5])
    grafico(doc, "grafico_logros", "Gráfico: estudiantes por nivel de logro en Comunicación y Matemática.")

    s("Resultados por I. E.: necesidades de formación comunes")
    etiqueta(doc, "{%p for c in contextos %}")
    linea(doc, "{{ c.institucion }}: {{ c.necesidades_comunes }}")
    etiqueta(doc, "{%p endfor %}")

    s("Conclusiones")
    narrativa(doc, "texto.conclusiones")
    atentamente(doc, "firma_acompanante")
    doc.save(destino)
