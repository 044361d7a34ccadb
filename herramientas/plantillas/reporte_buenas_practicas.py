"""Plantilla del reporte de actividades innovadoras y buenas prácticas (manual 2.2.2.6)."""

from comun import documento
from informes_comun import (
    Secciones, atentamente, cabecera, datos, encabezado_informe, etiqueta, linea, subtitulo, tabla,
)


def construir(destino):
    doc = documento("Reporte de actividades innovadoras y buenas prácticas")
    encabezado_informe(doc)
    cabecera(doc, "REPORTE DE ACTIVIDADES INNOVADORAS Y BUENAS PRÁCTICAS\n{{ periodo|upper }}")
    s = Secciones(doc)
    s("Datos informativos")
    datos(doc, [("Acompañante pedagógico", "{{ acompanante }}"), ("Periodo", "{{ periodo }}"),
                ("UGEL", "{{ membrete.ugel }}")])
    s("Resumen por clasificación (manual 2.2.2.6)")
    tabla(doc, ["Clasificación", "Cantidad"], ["{{ f.clasificacion|capitalize }}", "{{ f.cantidad }}"], [13.0, 4.0],
          "resumen", centrar=[1])
    s("Actividades innovadoras y buenas prácticas por docente")
    etiqueta(doc, "{%p if practicas %}")
    etiqueta(doc, "{%p for p in practicas %}")
    subtitulo(doc, "{{ loop.index }}. {{ p.titulo }}")
    datos(doc, [("Docente", "{{ p.docente }} (I. E. {{ p.institucion }})"),
                ("Clasificación", "{{ p.clasificacion|capitalize }}"),
                ("Breve descripción", "{{ p.descripcion }}"),
                ("Aporte relevante", "{{ p.aporte }}"),
                ("Evidencias del proceso", "{{ p.evidencias }}")])
    etiqueta(doc, "{%p endfor %}")
    etiqueta(doc, "{%p else %}")
    linea(doc, "En el periodo no se identificaron actividades innovadoras ni buenas prácticas.")
    etiqueta(doc, "{%p endif %}")
    atentamente(doc, "firma_acompanante")
    doc.save(destino)
