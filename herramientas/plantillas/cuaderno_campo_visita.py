"""Plantilla del cuaderno de campo de la visita en aula (una hoja por día de visita)."""

from comun import documento, membrete, parrafo
from instrumentos_comun import cabecera_aula, caja, fecha, fechas_visita, nota, salto_entre, tabla_para_llenar, titulo


def construir(destino):
    doc = documento("Cuaderno de campo de la visita en aula")
    membrete(doc, "CUADERNO DE CAMPO", "Visita en aula con asesoría personalizada")
    cabecera_aula(doc, [
        ["Visita", "{{ visita.descripcion }}", "Fecha(s)", fechas_visita()],
        ["Propósito de la visita", "{{ visita.proposito }}"],
    ])
    parrafo(doc, "{%p if visita.desempenos %}", despues=0)
    parrafo(doc, "Desempeños priorizados en esta visita (★): {{ visita.desempenos|join(', ') }}. Asesoría: al menos "
                 "{{ horas_asesoria }} h.", tamano=9)
    parrafo(doc, "{%p endif %}", despues=0)
    parrafo(doc, "{%p for d in dias %}", despues=0)
    titulo(doc, "{{ d.titulo|upper }} — " + fecha("d.fecha", larga=True))
    nota(doc, "{{ d.nota }}")
    caja(doc, "Área curricular, propósito de la sesión y organización del aula", 2.6,
         "Área: ……………………   Hora de observación: de ____ : ____ a ____ : ____   Propósito de la sesión (de la sesión "
         "del día); sectorización, ambientación y organización de los estudiantes:")
    tabla_para_llenar(doc, ["Desempeño", "Hechos observados: lo que hace el docente y lo que hacen los estudiantes"],
                      ["{% if f.priorizado %}★ {% endif %}{{ f.codigo }}. {{ f.desempeno }}", ""],
                      [5.2, 11.8], "f in filas", cm=2.3, tamano=8)
    caja(doc, "Avance de los aprendizajes", 2.5, "Revisión de cuadernos, cuadernos de autoaprendizaje, fichas y "
         "portafolios: qué logran y qué se les dificulta a los estudiantes de cada grado.")
    caja(doc, "Para el diálogo reflexivo y la asesoría", 3.2, "Necesidades identificadas, preguntas para el diálogo, "
         "compromisos del docente, producto (sesión reajustada):")
    salto_entre(doc)
    parrafo(doc, "{%p endfor %}", despues=0)
    doc.save(destino)
