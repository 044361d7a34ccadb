"""Plantilla del plan individual de acompañamiento pedagógico (uno por docente)."""

from comun import documento, firmas, lista, lugar_fecha, membrete, parrafo, tabla_datos, tabla_filas_enteras, titulo_seccion


FIRMA_REAJUSTE = ("{{% if r.firmas %}}\n\n_____________\n{{{{ r.firmas[{i}].nombres }}}} {{{{ r.firmas[{i}].apellidos }}}}"
                  "{{% else %}}Firmado con el plan{{% endif %}}")
"""La celda de firma de un reajuste: línea y nombre si es posterior a la firma del plan (`i`: 0 o 1)."""


def construir(destino):
    doc = documento("Plan individual de acompañamiento pedagógico")
    membrete(doc, "PLAN INDIVIDUAL DE ACOMPAÑAMIENTO PEDAGÓGICO", "Elaborado con el docente en la visita diagnóstica")
    titulo_seccion(doc, "I. DATOS INFORMATIVOS")
    tabla_datos(doc, [
        ["Docente acompañado", "{{ docente|apellidos_nombres }}", "DNI", "{{ docente.dni }}"],
        ["II. EE.", "{{ institucion.nombre }} (código modular {{ institucion.codigo_modular }})",
         "Tipo de II. EE.", "{{ institucion.tipo|capitalize }}"],
        ["Centro poblado", "{{ institucion.centro_poblado }} ({{ institucion.distrito }}, {{ institucion.provincia }})",
         "Grado(s) a cargo", "{{ docente.grados|grados }}"],
        ["Acompañante pedagógico", "{{ acompanante|apellidos_nombres }}", "UGEL", "{{ ugel }}"],
    ], [3.3, 6.2, 2.5, 5.0])
    titulo_seccion(doc, "II. NECESIDADES DE FORMACIÓN IDENTIFICADAS EN EL DIAGNÓSTICO")
    lista(doc, "n in necesidades", "{{ n }}")
    titulo_seccion(doc, "III. DESEMPEÑOS PRIORIZADOS, METAS TRIMESTRALES Y COMPROMISOS")
    tabla_filas_enteras(
        doc,
        ["Desempeño priorizado", "Nivel en el diagnóstico", "Metas trimestrales (nivel esperado)",
         "Estrategias y actividades del acompañamiento", "Compromisos del docente"],
        ["{{ f.numero }}. {{ f.desempeno }} ({{ f.codigo }})", "{{ f.nivel_diagnostico }}\n{{ f.etiqueta_diagnostico }}",
         "{{ f.metas }}{% if f.justificacion %}\nJustificación: {{ f.justificacion }}{% endif %}",
         "{{ f.estrategias }}", "{{ f.compromisos }}"],
        [4.2, 2.5, 2.8, 4.0, 3.5],
        "f in filas",
        centrar=[1],
    )
    parrafo(doc, "Niveles: {{ leyenda_niveles }}. Trimestres: {{ trimestres }}.", tamano=8, cursiva=True)
    titulo_seccion(doc, "IV. METAS DE APRENDIZAJE DE LOS ESTUDIANTES")
    parrafo(doc, "{%p if metas_estudiantes %}", despues=0)
    lista(doc, "m in metas_estudiantes", "{{ m }}")
    parrafo(doc, "{%p else %}", despues=0)
    parrafo(doc, "No se precisó.")
    parrafo(doc, "{%p endif %}", despues=0)
    titulo_seccion(doc, "V. ESTRATEGIAS PEDAGÓGICAS COMPLEMENTARIAS")
    tabla_filas_enteras(doc, ["Aspecto", "Lo que se prevé"], ["{{ c.aspecto }}", "{{ c.texto }}"], [5.0, 12.0],
                        "c in contenidos")
    titulo_seccion(doc, "VI. REAJUSTES DEL PLAN")
    parrafo(doc, "{%p if reajustes %}", despues=0)
    tabla_filas_enteras(doc, ["Fecha", "Qué se reajustó", "Por qué", "Firma del docente", "Firma del AP"],
                   ["{{ r.fecha|fecha_corta }}", "{{ r.cambio }}", "{{ r.motivo }}",
                    FIRMA_REAJUSTE.format(i=0), FIRMA_REAJUSTE.format(i=1)],
                   [2.0, 4.6, 4.6, 2.9, 2.9], "r in reajustes", centrar=[0, 3, 4])
    parrafo(doc, "Un reajuste posterior a la firma del plan lleva la firma del docente y del acompañante pedagógico.",
            tamano=8, cursiva=True)
    parrafo(doc, "{%p else %}", despues=0)
    parrafo(doc, "Sin reajustes a la fecha. El plan se reajusta al finalizar cada visita en aula con asesoría personalizada.")
    parrafo(doc, "{%p endif %}", despues=0)
    lugar_fecha(doc)
    parrafo(doc, "Plan refrendado por el docente y el acompañante pedagógico; va al portafolio del docente y el AP "
                 "guarda una copia.", tamano=8, cursiva=True)
    firmas(doc, ["firma_docente", "firma_acompanante"])
    doc.save(destino)
