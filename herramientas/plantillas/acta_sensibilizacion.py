"""Plantilla del acta de la reunión de sensibilización."""

from comun import documento, lista, membrete, parrafo
from instrumentos_comun import HORA_EN_BLANCO, caja, cierre_de_acta, fecha, titulo


def construir(destino):
    doc = documento("Acta de la reunión de sensibilización")
    membrete(doc, "ACTA DE LA REUNIÓN DE SENSIBILIZACIÓN", "Acompañamiento pedagógico multigrado {{ visita.anio }}")
    parrafo(doc, "En el local de la I. E. {{ institucion.nombre }} (código modular {{ institucion.codigo_modular }}), "
                 "centro poblado {{ institucion.centro_poblado }}, distrito de {{ institucion.distrito }}, provincia de "
                 "{{ institucion.provincia }}, siendo las " + HORA_EN_BLANCO + " horas del día "
                 + fecha("visita.fecha", larga=True) + ", se reunieron el director(a), los docentes, los padres y "
                 "madres de familia y los actores de la comunidad que firman al final, con el acompañante pedagógico "
                 "{{ acompanante|nombre_completo }} ({{ ugel }}), para tratar la siguiente agenda:", despues=4)
    lista(doc, "a in agenda", "{{ a }}", vineta="–")
    titulo(doc, "DESARROLLO")
    caja(doc, "Lo que informó el acompañante pedagógico y lo que se dialogó", 4.5)
    titulo(doc, "ACUERDOS Y COMPROMISOS")
    cierre_de_acta(doc, "Manual, l. 666-676 y 1032-1035: se comunican las acciones del acompañamiento y las "
                        "evidencias esperadas al término del año, para generar compromisos por la mejora de los aprendizajes.")
    doc.save(destino)
