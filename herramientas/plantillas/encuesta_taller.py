"""Plantilla de la encuesta de satisfacción del taller (una hoja por docente)."""

from comun import documento, membrete, parrafo, tabla_datos
from instrumentos_comun import caja, fecha, nota, salto_entre, tabla_para_llenar


def construir(destino):
    doc = documento("Encuesta de satisfacción del taller")
    parrafo(doc, "{%p for c in copias %}", despues=0)
    membrete(doc, "ENCUESTA DE SATISFACCIÓN", "Taller de actualización docente · anónima")
    tabla_datos(doc, [
        ["Taller", "{{ taller }}"],
        ["Fecha", fecha("fecha") + " ({{ mes }})", "Sede", "{% if sede %}{{ sede }}{% else %}……………………{% endif %}"],
    ], [2.4, 7.6, 2.0, 5.0])
    nota(doc, "Estimado(a) docente: marque con una X una opción por pregunta. No escriba su nombre. Sus respuestas "
              "ayudan a mejorar los próximos talleres.")
    tabla_para_llenar(
        doc,
        ["N.°", "Aspecto", "Pregunta", *("{{ escala[%d] }}" % i for i in range(4))],
        ["{{ p.numero }}", "{{ p.aspecto }}", "{{ p.pregunta }}", "☐", "☐", "☐", "☐"],
        [1.0, 2.4, 4.0, 2.4, 2.4, 2.4, 2.4], "p in preguntas", cm=1.0, centrar=[0, 3, 4, 5, 6],
    )
    caja(doc, "¿Qué fue lo más útil del taller para su aula multigrado?", 2.0)
    caja(doc, "¿Qué sugiere para el próximo taller?", 2.0)
    salto_entre(doc)
    parrafo(doc, "{%p endfor %}", despues=0)
    doc.save(destino)
