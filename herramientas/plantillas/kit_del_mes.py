"""Plantilla de la portada del kit del mes: qué instrumentos trae, para qué actividad y en qué páginas."""

from comun import _no_partir, documento, membrete, parrafo, tabla_datos, tabla_repetida


def construir(destino):
    doc = documento("Kit del mes")
    membrete(doc, "KIT DEL MES: INSTRUMENTOS DE CAMPO", "{{ destinatario }}")
    tabla_datos(doc, [
        ["Se prepara en", "{{ mes }}", "Para las actividades de", "{{ actividades }}"],
        ["Visitas", "{{ visitas }}", "GIA", "{{ gias }}"],
        ["Talleres", "{{ talleres }}", "Páginas", "{{ total_paginas }} (con esta portada)"],
    ], [3.0, 5.5, 4.0, 4.5])
    parrafo(doc, "Contenido, en orden de visita", negrita=True, antes=4).paragraph_format.keep_with_next = True
    tabla = tabla_repetida(
        doc,
        ["N.º", "Fecha", "Actividad", "Documento", "Págs.", "Listo"],
        ["{{ f.numero }}", "{{ f.fecha }}", "{{ f.actividad }}", "{{ f.documento }}", "{{ f.paginas }}", "☐"],
        [1.0, 2.1, 5.2, 5.6, 1.6, 1.5],
        "f in contenido",
        centrar=(0, 1, 4, 5),
        tamano=8,
    )
    for fila in tabla.rows:
        _no_partir(fila)
    parrafo(doc, "Cada instrumento lleva su cabecera con los datos del expediente; lo demás se llena a mano en la I. E., "
                 "el GIA o el taller. Las fechas que el plan mensual aún no fija van en blanco. Marque ☐ cuando el "
                 "documento esté impreso y en su carpeta de campo.", tamano=8, cursiva=True)
    doc.save(destino)
