"""Plantilla del plan individual de acompañamiento pedagógico (uno por docente)."""

from comun import documento, firmas, lista, lugar_fecha, membrete, parrafo, tabla_datos, tabla_filas_enteras, titulo_seccion


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
    titulo_seccion(doc, "IV. REAJUSTES DEL PLAN")
    parrafo(doc, "{%p if reajustes %}", despues=0)
    tabla_filas_enteras(doc, ["Fecha", "Qué se reajustó", "Por qué"],
                   ["{{ r.fecha|fecha_corta }}", "{{ r.cambio }}", "{{ r.motivo }}"], [2.4, 7.3, 7.3], "r in reajustes",
                   centrar=[0])
    parrafo(doc, "{%p else %}", despues=0)
    parrafo(doc, "Sin reajustes a la fecha. El plan se reajusta al finalizar cada visita en aula con asesoría personalizada.")
    parrafo(doc, "{%p endif %}", despues=0)
    lugar_fecha(doc)
    parrafo(doc, "Plan refrendado por el docente y el acompañante pedagógico; va al portafolio del docente y el AP "
                 "guarda una copia.", tamano=8, cursiva=True)
    firmas(doc, ["firma_docente", "firma_acompanante"])
    doc.save(destino)
