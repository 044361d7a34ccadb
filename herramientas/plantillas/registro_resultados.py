"""Plantilla del registro de resultados de los estudiantes (línea de base o fin de año)."""

from comun import documento, firmas, lugar_fecha_en_blanco, membrete, parrafo
from instrumentos_comun import cabecera_aula, fechas_visita, nota, tabla_para_llenar, titulo

NIVEL = "{% for n in niveles %}☐ {{ n }}{% if not loop.last %}\n{% endif %}{% endfor %}"


def construir(destino):
    doc = documento("Registro de resultados de los estudiantes", horizontal=True)
    membrete(doc, "REGISTRO DE RESULTADOS DE LOS ESTUDIANTES", "Evaluación de {{ evaluacion|lower }} en Comunicación y "
             "Matemática")
    cabecera_aula(doc, [
        ["Evaluación", "{{ evaluacion }}", "Fecha(s)", fechas_visita()],
        ["Grado evaluado", "{% for g in grados %}☐ {{ g }} grado{% if not loop.last %}     {% endif %}{% endfor %}"
                           "   (marque el grado de la muestra)", "Estudiantes evaluados", ""],
    ])
    tabla_para_llenar(
        doc,
        ["N.°", "Apellidos y nombres del estudiante", "Sexo (H/M)", "Comunicación: puntaje", "Comunicación: nivel",
         "Matemática: puntaje", "Matemática: nivel", "Observaciones"],
        ["{{ n }}", "", "", "", NIVEL, "", NIVEL, ""],
        [1.0, 6.0, 1.5, 2.8, 3.0, 2.8, 3.0, 5.6], "n in filas", cm=1.2, centrar=[0], tamano=7,
    )
    titulo(doc, "Resumen: estudiantes por nivel de logro")
    tabla_para_llenar(doc, ["Área", "{{ niveles[0] }}", "{{ niveles[1] }}", "{{ niveles[2] }}", "Evaluados"],
                      ["{{ a }}", "", "", "", ""], [5.0, 3.5, 3.5, 3.5, 3.5], "a in areas", cm=0.8)
    nota(doc, "La evaluación es muestral, en 2.° o 4.° grado (manual, l. 804-810). El resumen se copia al expediente "
              "(diagnóstico del docente: grado evaluado y estudiantes en inicio, en proceso y satisfactorio por área).")
    lugar_fecha_en_blanco(doc, "visita.anio")
    firmas(doc, ["firma_docente", "firma_acompanante"])
    doc.save(destino)
