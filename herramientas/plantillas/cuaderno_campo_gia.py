"""Plantilla del cuaderno de campo del GIA (con docentes o con directores)."""

from comun import documento, lista, membrete, parrafo, tabla_datos
from instrumentos_comun import caja, fecha, nota, tabla_para_llenar, titulo


def construir(destino):
    doc = documento("Cuaderno de campo del GIA")
    membrete(doc, "CUADERNO DE CAMPO", "Grupo de interaprendizaje (GIA) con {{ tipo }}")
    tabla_datos(doc, [
        ["Fecha", fecha("fecha") + " ({{ mes }})", "Duración", "{{ horas }} h (de ____ : ____ a ____ : ____)"],
        ["Sede", "{% if sede %}{{ sede }}{% else %}……………………………………{% endif %}", "UGEL", "{{ ugel }}"],
        ["Acompañante", "{{ acompanante|nombre_completo }}", "Participantes", "{{ participantes|length }}"],
        ["Propósito", "{% if proposito %}{{ proposito }}{% else %}……………………………………{% endif %}"],
    ], [2.7, 6.3, 2.6, 5.4])
    titulo(doc, "Desempeños que se observan")
    lista(doc, "d in desempenos", "{{ d }}")
    nota(doc, "{{ nota }}")
    tabla_para_llenar(doc, ["N.°", "Participante", "Interacciones, aportes y evidencias"],
                      ["{{ p.numero }}", "{{ p.nombre }}\n{{ p.institucion }}\n{{ p.cargo }}", ""],
                      [0.9, 4.6, 11.5], "p in participantes", cm=2.4, centrar=[0], tamano=8)
    caja(doc, "Síntesis: el nuevo supuesto de la práctica (posible tema del próximo GIA)", 2.2)
    caja(doc, "Compromisos y necesidades formativas", 2.6)
    doc.save(destino)
