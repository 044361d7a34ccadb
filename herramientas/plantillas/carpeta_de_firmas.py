"""Plantilla de la portada de la carpeta de firmas: contenido con páginas y control de firmas por persona."""

from comun import _no_partir, documento, membrete, parrafo, tabla_datos, tabla_repetida


def _titulo(doc, texto):
    parrafo(doc, texto, negrita=True, antes=4).paragraph_format.keep_with_next = True


def _filas_enteras(tabla):
    """Ninguna fila se parte entre dos páginas."""
    for fila in tabla.rows:
        _no_partir(fila)


def construir(destino):
    doc = documento("Carpeta de firmas")
    membrete(doc, "CARPETA DE FIRMAS", "{{ destinatario }}")
    tabla_datos(doc, [
        ["Periodo", "{{ periodo }}", "Documentos", "{{ contenido|length }}"],
        ["Páginas", "{{ total_paginas }} (con esta portada)", "Firmas", "{{ total_firmas }}"],
    ], [3.0, 6.0, 3.0, 5.0])
    _titulo(doc, "Contenido")
    contenido = tabla_repetida(
        doc,
        ["N.º", "Documento", "I. E. / persona", "Págs.", "Firmas"],
        ["{{ f.numero }}", "{{ f.documento }}", "{{ f.seccion }}", "{{ f.paginas }}", "{{ f.firmas }}"],
        [1.0, 5.2, 4.3, 1.5, 5.0],
        "f in contenido",
        centrar=(0, 3),
    )
    _titulo(doc, "Control de firmas")
    firmantes = tabla_repetida(
        doc,
        ["Firmante", "DNI", "Cargo", "Documentos N.º", "Firmó"],
        ["{{ p.nombre }}", "{{ p.dni }}", "{{ p.cargo }}", "{{ p.documentos }}", "☐"],
        [4.5, 2.0, 4.0, 4.5, 2.0],
        "p in firmantes",
        centrar=(1, 4),
    )
    for tabla in (contenido, firmantes):
        _filas_enteras(tabla)
    parrafo(doc, "Cada documento conserva su propia numeración («Página 1 de N»); la columna «Págs.» da su ubicación "
                 "en esta carpeta, cuya primera página es la portada. Marque ☐ en cada firma recogida.",
            tamano=8, cursiva=True)
    doc.save(destino)
