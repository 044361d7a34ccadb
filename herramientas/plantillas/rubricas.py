"""Plantilla de las rúbricas de observación (anexo que el AP lleva a cada visita)."""

from comun import _no_partir, documento, lista, membrete, parrafo, tabla_datos, tabla_repetida
from instrumentos_comun import nota, titulo


def _con_lo_siguiente(p):
    p.paragraph_format.keep_with_next = True
    return p


def construir(destino):
    doc = documento("Rúbricas de observación de los desempeños priorizados")
    membrete(doc, "RÚBRICAS DE OBSERVACIÓN", "Niveles de los 8 desempeños priorizados del docente (anexo de la matriz "
             "de valoración)")
    tabla_datos(doc, [
        ["Acompañante", "{{ acompanante|nombre_completo }}", "Año", "{{ anio }}"],
        ["UGEL", "{{ ugel }}"],
    ], [3.0, 8.0, 2.0, 4.0])
    nota(doc, "[externo]: resumen de las rúbricas de observación de aula del Minedu (no es el texto oficial). "
              "[supuesto]: descriptores de los desempeños de la Diser redactados a partir del manual de acompañamiento; "
              "la UGEL puede corregirlos. Cada rúbrica dice su fuente.")
    parrafo(doc, "{%p for r in rubricas %}", despues=0)
    titulo(doc, "{{ r.numero }}. {{ r.desempeno }} ({{ r.codigo }})")
    _con_lo_siguiente(parrafo(doc, "Desempeño {{ r.origen }} {{ r.marca }} · Se valora: {{ r.cuando|lower }} · "
                                   "Fuente: {{ r.fuente }}.", tamano=8, cursiva=True))
    _con_lo_siguiente(parrafo(doc, "Qué se observa:", tamano=9, negrita=True))
    _con_lo_siguiente(lista(doc, "a in r.aspectos", "{{ a }}"))
    tabla = tabla_repetida(doc, ["Nivel", "Descriptor"], ["{{ n.nivel }}\n{{ n.etiqueta }}", "{{ n.descriptor }}"],
                           [2.4, 14.6], "n in r.niveles", centrar=[0])
    _no_partir(tabla.rows[2])
    for celda in tabla.rows[0].cells:
        _con_lo_siguiente(celda.paragraphs[0])
    parrafo(doc, "{%p endfor %}", despues=0)
    doc.save(destino)
