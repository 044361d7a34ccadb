"""Plantilla del reporte de actividades innovadoras y buenas prácticas de cada I. E., al cierre (manual 2.3.1)."""

from comun import documento
from informes_comun import Secciones, atentamente, cabecera, datos, encabezado_informe, etiqueta, linea, subtitulo, tabla


def construir(destino):
    doc = documento("Reporte de actividades innovadoras y buenas prácticas de la I. E.")
    encabezado_informe(doc)
    cabecera(doc, "REPORTE DE ACTIVIDADES INNOVADORAS Y BUENAS PRÁCTICAS DE LA I. E.\n{{ periodo|upper }}")
    s = Secciones(doc)
    s("Datos informativos")
    datos(doc, [("I. E.", "{{ institucion.nombre }} (código modular {{ institucion.codigo_modular }})"),
                ("Centro poblado", "{{ institucion.centro_poblado }} ({{ institucion.distrito }}, {{ institucion.provincia }})"),
                ("Director(a)", "{{ director }}"), ("Docentes acompañados", "{{ docentes }}"),
                ("Acompañante pedagógico", "{{ acompanante }}"), ("Periodo", "{{ periodo }}")])
    s("Resumen por clasificación (manual 2.2.2.6)")
    tabla(doc, ["Clasificación", "Cantidad"], ["{{ f.clasificacion|capitalize }}", "{{ f.cantidad }}"], [13.0, 4.0],
          "resumen", centrar=[1])
    s("Actividades innovadoras y buenas prácticas de los docentes de la I. E.")
    etiqueta(doc, "{%p if practicas %}")
    etiqueta(doc, "{%p for p in practicas %}")
    subtitulo(doc, "{{ loop.index }}. {{ p.titulo }}")
    datos(doc, [("Docente", "{{ p.docente }}"),
                ("Clasificación", "{{ p.clasificacion|capitalize }}"),
                ("Breve descripción", "{{ p.descripcion }}"),
                ("Aporte relevante", "{{ p.aporte }}"),
                ("Evidencias del proceso", "{{ p.evidencias }}")])
    etiqueta(doc, "{%p endfor %}")
    etiqueta(doc, "{%p else %}")
    linea(doc, "En el año no se identificaron actividades innovadoras ni buenas prácticas en la I. E.")
    etiqueta(doc, "{%p endif %}")
    etiqueta(doc, "{%p if sin_practicas %}")
    linea(doc, "Docentes sin actividades innovadoras registradas en el año: {{ sin_practicas|join(', ') }}.")
    etiqueta(doc, "{%p endif %}")
    s("Socialización")
    linea(doc, "{{ socializacion }}").paragraph_format.keep_with_next = True  # con el cierre y las firmas
    atentamente(doc, "firma_acompanante", "firma_director")
    doc.save(destino)
