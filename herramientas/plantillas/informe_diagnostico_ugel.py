"""Plantilla del informe diagnóstico de la UGEL (manual 2.2.1.6)."""

from comun import documento
from informe_diagnostico_ap import TABLA_LOGROS, resultados_directores
from informes_comun import (
    Secciones, atentamente, cabecera, datos, encabezado_informe, etiqueta, grafico, linea, narrativa, subtitulo, tabla,
    tabla_distribucion, tabla_ie,
)


def construir(destino):
    doc = documento("Informe diagnóstico de la UGEL")
    encabezado_informe(doc)
    cabecera(doc, "{{ titulo }}")
    s = Secciones(doc)
    s("Caracterización de las II. EE. focalizadas")
    datos(doc, [("UGEL", "{{ membrete.ugel }}"), ("Estudiantes", "{{ estudiantes }}")])
    tabla_ie(doc, con_ap=True)
    etiqueta(doc, "{%p for c in necesidades %}")
    linea(doc, "{{ c.institucion }} ({{ c.lugar }}): {{ c.contexto }}")
    etiqueta(doc, "{%p endfor %}")

    s("Datos de los aprendizajes de los estudiantes (línea de base)")
    tabla(doc, *TABLA_LOGROS, "logros", centrar=[2, 3, 4, 5])
    grafico(doc, "grafico_logros", "Gráfico: estudiantes por nivel de logro en Comunicación y Matemática (UGEL).")

    s("Necesidades comunes de fortalecimiento del desempeño docente y directivo")
    subtitulo(doc, "Niveles diagnosticados por desempeño")
    tabla_distribucion(doc, "Gráfico: docentes por nivel diagnosticado en cada desempeño (misma información que la tabla).")
    subtitulo(doc, "Necesidades de formación comunes, por I. E.")
    etiqueta(doc, "{%p for c in necesidades %}")
    linea(doc, "{{ c.institucion }}: {{ c.necesidades_comunes }}")
    etiqueta(doc, "{%p endfor %}")
    subtitulo(doc, "Desempeño de los directores: evidencias y necesidades formativas")
    resultados_directores(doc)

    s("Conclusiones")
    etiqueta(doc, "{%p for c in conclusiones_ap %}")
    linea(doc, "{{ c }}")
    etiqueta(doc, "{%p endfor %}")
    narrativa(doc, "texto.conclusiones")
    atentamente(doc, "firma_jefe", condicional=True)
    doc.save(destino)
