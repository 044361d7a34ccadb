"""Plantilla del registro de seguimiento de compromisos del docente."""

from comun import documento, firmas, lugar_fecha_en_blanco, membrete
from instrumentos_comun import cabecera_aula, casillas, fechas_visita, nota, tabla_para_llenar, titulo


def construir(destino):
    doc = documento("Registro de seguimiento de compromisos")
    membrete(doc, "REGISTRO DE SEGUIMIENTO DE COMPROMISOS", "Visita en aula con asesoría personalizada")
    cabecera_aula(doc, [["Visita", "{{ visita.descripcion }}", "Fecha(s)", fechas_visita()]])
    titulo(doc, "COMPROMISOS ASUMIDOS: ¿SE CUMPLEN?")
    tabla_para_llenar(
        doc, ["N.°", "Compromiso", "Origen", "¿Se cumple?", "Evidencias y observaciones"],
        ["{{ c.numero }}", "{{ c.compromiso }}", "{{ c.origen }}", casillas("Sí", "En proceso", "No").replace("   ", "\n"),
         ""],
        [0.9, 6.2, 2.6, 2.4, 4.9], "c in compromisos", cm=1.6, centrar=[0], tamano=8,
    )
    titulo(doc, "COMPROMISOS NUEVOS DE ESTA VISITA")
    tabla_para_llenar(doc, ["N.°", "Compromiso", "Desempeño", "Plazo", "Cómo se verificará"],
                      ["{{ n }}", "", "", "", ""], [0.9, 6.4, 2.4, 2.4, 4.9], "n in nuevos", cm=1.2, centrar=[0])
    nota(doc, "El registro del seguimiento de compromisos se adjunta al informe mensual (manual, l. 2249-2253); en las "
              "visitas se verifican también los compromisos del taller (l. 2067-2071).")
    lugar_fecha_en_blanco(doc, "visita.anio")
    firmas(doc, ["firma_docente", "firma_acompanante"])
    doc.save(destino)
