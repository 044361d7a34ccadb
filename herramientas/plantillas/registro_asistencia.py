"""Plantilla del registro de asistencia (GIA o día de taller)."""

from comun import documento, firmas, membrete, tabla_datos
from instrumentos_comun import HORA_EN_BLANCO, fecha, nota, tabla_para_llenar


def construir(destino):
    doc = documento("Registro de asistencia", horizontal=True)
    membrete(doc, "REGISTRO DE ASISTENCIA", "{{ actividad }}")
    tabla_datos(doc, [
        ["Actividad", "{{ actividad }}", "Fecha", fecha("fecha") + " ({{ mes }})"],
        ["Tema o propósito", "{% if tema %}{{ tema }}{% else %}……………………………………{% endif %}", "Horas previstas",
         "{{ horas }} h (de " + HORA_EN_BLANCO + " a " + HORA_EN_BLANCO + ")"],
        ["Sede", "{% if sede %}{{ sede }}{% else %}……………………………………{% endif %}", "UGEL", "{{ ugel }}"],
    ], [3.2, 11.5, 3.2, 7.8])
    nota(doc, "{{ indicacion }}")
    tabla_para_llenar(
        doc,
        ["N.°", "Apellidos y nombres", "DNI", "I. E.", "Cargo", "Hora de ingreso", "Hora de salida", "Firma"],
        ["{{ p.numero }}", "{{ p.nombre }}", "{{ p.dni }}", "{{ p.institucion }}", "{{ p.cargo }}", "", "", ""],
        [1.0, 6.0, 2.2, 4.8, 2.9, 2.2, 2.2, 4.4], "p in participantes", cm=0.9, centrar=[0, 2],
    )
    tabla_para_llenar(doc, ["N.°", "Apellidos y nombres (otros asistentes)", "DNI", "I. E.", "Cargo", "Hora de ingreso",
                            "Hora de salida", "Firma"],
                      ["{{ n }}", "", "", "", "", "", "", ""], [1.0, 6.0, 2.2, 4.8, 2.9, 2.2, 2.2, 4.4], "n in en_blanco",
                      cm=0.9, centrar=[0])
    firmas(doc, ["firma_acompanante"])
    doc.save(destino)
