"""Plantilla del acta de la reunión de sensibilización."""

from comun import documento, firmas, lista, membrete, parrafo
from instrumentos_comun import HORA_EN_BLANCO, caja, fecha, nota, tabla_para_llenar, titulo


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
    tabla_para_llenar(doc, ["N.°", "Compromiso", "Responsable(s)", "Plazo"], ["{{ n }}", "", "", ""],
                      [1.0, 9.0, 4.5, 2.5], "n in compromisos", cm=1.0, centrar=[0])
    titulo(doc, "ASISTENTES")
    tabla_para_llenar(doc, ["N.°", "Apellidos y nombres", "DNI", "Cargo o relación con la I. E.", "Firma"],
                      ["{{ p.numero }}", "{{ p.nombre }}", "{{ p.dni }}", "{{ p.cargo }}", ""],
                      [1.0, 6.0, 2.2, 4.0, 3.8], "p in asistentes", cm=0.9, centrar=[0, 2])
    parrafo(doc, "Siendo las " + HORA_EN_BLANCO + " horas, se dio por concluida la reunión y firmaron los presentes en "
                 "señal de conformidad.", antes=6)
    nota(doc, "Manual, l. 666-676 y 1032-1035: se comunican las acciones del acompañamiento y las evidencias esperadas "
              "al término del año, para generar compromisos por la mejora de los aprendizajes.")
    parrafo(doc, "{%p if firma_director %}", despues=0)
    firmas(doc, ["firma_director", "firma_acompanante"])
    parrafo(doc, "{%p else %}", despues=0)
    firmas(doc, ["firma_acompanante"])
    parrafo(doc, "{%p endif %}", despues=0)
    doc.save(destino)
