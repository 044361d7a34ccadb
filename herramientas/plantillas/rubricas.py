"""Plantilla de las rúbricas de observación (anexo que el AP lleva a cada visita)."""

from comun import _anchos, _no_partir, _parrafo, _texto_celda, documento, lista, membrete, parrafo, sombrear, tabla_datos
from docx.enum.text import WD_ALIGN_PARAGRAPH
from instrumentos_comun import nota, titulo

NIVELES = ("I", "II", "III", "IV")


def _con_lo_siguiente(p):
    p.paragraph_format.keep_with_next = True
    return p


def _tabla_de_niveles(doc):
    """Los cuatro niveles, una fila fija por nivel (no un `{%tr for %}`): la tabla entera va junta en una página."""
    tabla = doc.add_table(rows=1 + len(NIVELES), cols=2)
    tabla.style = "Table Grid"
    for celda, texto in zip(tabla.rows[0].cells, ("Nivel", "Descriptor")):
        _texto_celda(celda, texto, negrita=True, alinear=WD_ALIGN_PARAGRAPH.CENTER)
        sombrear(celda)
    for i, fila in enumerate(tabla.rows[1:]):
        _texto_celda(fila.cells[0], "{{ r.niveles[%d].nivel }}\n{{ r.niveles[%d].etiqueta }}" % (i, i),
                     alinear=WD_ALIGN_PARAGRAPH.CENTER)
        _texto_celda(fila.cells[1], "{{ r.niveles[%d].descriptor }}" % i)
    for n, fila in enumerate(tabla.rows):
        _no_partir(fila)
        if n < len(NIVELES):  # cada fila con la siguiente: la tabla no se parte
            for celda in fila.cells:
                for p in celda.paragraphs:
                    _con_lo_siguiente(p)
    _anchos(tabla, [2.4, 14.6])
    _parrafo(doc, despues=4)


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
    _tabla_de_niveles(doc)
    parrafo(doc, "{%p endfor %}", despues=0)
    doc.save(destino)
