"""Plantilla del cargo de entrega de materiales del taller."""

from comun import documento, firmas, membrete, tabla_datos
from instrumentos_comun import fecha, nota, tabla_para_llenar


def construir(destino):
    doc = documento("Cargo de entrega de materiales del taller", horizontal=True)
    membrete(doc, "CARGO DE ENTREGA DE MATERIALES", "Taller de actualización docente")
    tabla_datos(doc, [
        ["Taller", "{{ taller }}", "Inicio", fecha("fecha") + " ({{ dias }} días, {{ mes }})"],
        ["Sede", "{% if sede %}{{ sede }}{% else %}……………………………………{% endif %}", "UGEL", "{{ ugel }}"],
        ["Materiales previstos", "{% if materiales %}{{ materiales }}{% else %}……………………………………{% endif %}"],
    ], [3.4, 11.3, 2.6, 8.4])
    nota(doc, "Cada docente firma al recibir los materiales del taller (manual, l. 1414-1418, 2084-2087). El cargo "
              "firmado se entrega al gestor del taller.")
    tabla_para_llenar(
        doc,
        ["N.°", "Apellidos y nombres", "DNI", "I. E.", "Materiales recibidos", "Cantidad", "Fecha", "Firma"],
        ["{{ p.numero }}", "{{ p.nombre }}", "{{ p.dni }}", "{{ p.institucion }}", "", "", "", ""],
        [1.0, 5.6, 2.2, 4.2, 4.9, 2.0, 2.0, 3.8], "p in participantes", cm=0.9, centrar=[0, 2],
    )
    firmas(doc, ["firma_acompanante"])
    doc.save(destino)
