"""Plantilla del acta de la reunión de balance de cierre con docentes y familias."""

from comun import documento, lista, membrete, parrafo
from instrumentos_comun import HORA_EN_BLANCO, caja, cierre_de_acta, fecha, titulo


def construir(destino):
    doc = documento("Acta de la reunión de balance de cierre")
    membrete(doc, "ACTA DE LA REUNIÓN DE BALANCE DE CIERRE", "Acompañamiento pedagógico multigrado {{ visita.anio }}")
    parrafo(doc, "En el local de la I. E. {{ institucion.nombre }} (código modular {{ institucion.codigo_modular }}), "
                 "centro poblado {{ institucion.centro_poblado }}, distrito de {{ institucion.distrito }}, siendo las "
                 + HORA_EN_BLANCO + " horas del día " + fecha("visita.fecha", larga=True) + ", se reunieron el "
                 "director(a), los docentes, los padres y madres de familia y los actores de la comunidad que firman al "
                 "final, con el acompañante pedagógico {{ acompanante|nombre_completo }} ({{ ugel }}), para el balance "
                 "del acompañamiento pedagógico del año, con la siguiente agenda:", despues=4)
    lista(doc, "a in agenda", "{{ a }}", vineta="–")
    titulo(doc, "1. BALANCE DEL ACOMPAÑAMIENTO: LOGROS DEL COLECTIVO DE DOCENTES")
    caja(doc, "Logros y aspectos por mejorar (desempeño docente y aprendizajes de los estudiantes)", 3.5)
    titulo(doc, "2. REFLEXIÓN DE LOS DOCENTES, EL DIRECTOR, LAS FAMILIAS Y LA COMUNIDAD")
    caja(doc, "Experiencias y percepciones sobre el proceso vivido", 3.5)
    titulo(doc, "3. ACTIVIDAD INNOVADORA O BUENA PRÁCTICA SOCIALIZADA")
    parrafo(doc, "{%p if practicas %}", despues=0)
    parrafo(doc, "Registradas en el año (elija la que se socializa):", tamano=9)
    lista(doc, "b in practicas", "{{ b.titulo }} ({{ b.docente }}; {{ b.clasificacion|lower }})", vineta="☐")
    parrafo(doc, "{%p endif %}", despues=0)
    caja(doc, "Qué se socializó y qué aportó", 2.2)
    titulo(doc, "4. LECCIONES APRENDIDAS Y PROPUESTAS PARA EL AÑO SIGUIENTE")
    caja(doc, "Lecciones aprendidas y propuestas", 3.0)
    titulo(doc, "5. COMPROMISOS PARA EL AÑO SIGUIENTE")
    cierre_de_acta(doc, "Manual, l. 1444-1447 y 2570-2612: balance con los PP. MM. FF. y la comunidad, con "
                        "conclusiones y compromisos; el AP recoge las lecciones aprendidas, las propuestas y los compromisos para el año siguiente.")
    doc.save(destino)
