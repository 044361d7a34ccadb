"""Plantilla del plan anual de acompañamiento pedagógico de la UGEL (horizontal: el cronograma es ancho)."""

from comun import (
    cronograma, documento, firmas, lista, lugar_fecha, membrete, parrafo, rotulo, tabla_filas_enteras, titulo_seccion,
)

ANCHO = 25.7


def tareas_ap(doc, ancho: float):
    """Las tareas y productos comunes del equipo de AP en su permanencia en la UGEL (las fija el jefe de AGP)."""
    parrafo(doc, "{%p if tareas_ap %}", despues=0)
    tabla_filas_enteras(doc, ["Tarea", "Producto", "Plazo"], ["{{ t.tarea }}", "{{ t.producto }}", "{{ t.plazo }}"],
                        [ancho * 0.45, ancho * 0.33, ancho - ancho * 0.78], "t in tareas_ap")
    parrafo(doc, "Las define el jefe de AGP para el tiempo de permanencia del equipo de AP en la UGEL (manual 2.2.1.8).",
            tamano=8, cursiva=True)
    parrafo(doc, "{%p else %}", despues=0)
    parrafo(doc, "El plan anual de la UGEL no registra las tareas y productos comunes del equipo de AP.")
    parrafo(doc, "{%p endif %}", despues=0)


def construir(destino):
    doc = documento("Plan anual de acompañamiento pedagógico de la UGEL", horizontal=True)
    membrete(doc, "PLAN ANUAL DE ACOMPAÑAMIENTO PEDAGÓGICO {{ anio }}",
             "Docentes y directores de II. EE. multigrado monolingüe castellano rural — {{ ugel }}")
    titulo_seccion(doc, "I. OBJETIVOS")
    lista(doc, "o in objetivos", "{{ o }}")
    titulo_seccion(doc, "II. METAS")
    lista(doc, "m in metas", "{{ m }}")
    rotulo(doc, "Metas de atención del año:")
    tabla_filas_enteras(doc, ["Meta", "Cantidad"], ["{{ f.concepto }}", "{{ f.valor }}"], [14.0, 8.0], "f in metas_atencion",
                   centrar=[1])
    titulo_seccion(doc, "III. METAS TRIMESTRALES DE APRENDIZAJE POR DESEMPEÑO")
    tabla_filas_enteras(doc, ["Desempeño priorizado", "Nivel de logro", "Docentes que alcanzan el nivel o uno superior"],
                   ["{{ f.desempeno }} ({{ f.codigo }})", "{{ f.nivel }} o más", "{{ f.metas }}"],
                   [15.7, 3.0, 7.0], "f in metas_trimestrales", centrar=[1])
    parrafo(doc, "Trimestres: {{ trimestres }}.", tamano=8, cursiva=True)
    titulo_seccion(doc, "IV. INDICADORES DE RESULTADO DEL PROTOCOLO EFECTIVO")
    tabla_filas_enteras(doc, ["Indicador", "Meta", "Fuente de verificación"],
                   ["{{ i.indicador }}", "{{ i.meta }}", "{{ i.fuente }}"], [14.7, 5.0, 6.0], "i in indicadores")
    rotulo(doc, "Mínimos del protocolo efectivo:")
    tabla_filas_enteras(doc, ["Forma de intervención", "Mínimo"], ["{{ f.concepto }}", "{{ f.valor }}"], [7.0, 18.7],
                   "f in protocolo")
    parrafo(doc, "{%p if bajo_el_manual %}", despues=0)
    parrafo(doc, "La UGEL fijó estos mínimos por debajo de los del manual de acompañamiento pedagógico (Minedu, 2019):",
            negrita=True, antes=4)
    lista(doc, "b in bajo_el_manual", "{{ b }}")
    parrafo(doc, "{%p endif %}", despues=0)
    titulo_seccion(doc, "V. CRONOGRAMA ANUAL DE ACTIVIDADES")
    cronograma(doc, "f in cronograma", "f.actividad", "f.celdas", ANCHO, 6.5)
    titulo_seccion(doc, "VI. ORGANIZACIÓN DE LA VISITA EN AULA, EL GIA Y EL TALLER")
    tabla_filas_enteras(doc, ["Forma de intervención", "Organización", "Presupuesto", "Justificación"],
                   ["{{ o.actividad }}", "{{ o.organizacion }}", "{{ o.presupuesto }}", "{{ o.justificacion }}"],
                   [5.0, 9.2, 3.0, 8.5], "o in organizacion", centrar=[2])
    parrafo(doc, "Presupuesto total: {{ presupuesto_total }}", negrita=True)
    titulo_seccion(doc, "VII. RECURSOS DE LA UGEL PARA EL ACOMPAÑAMIENTO")
    parrafo(doc, "{%p if recursos %}", despues=0)
    tabla_filas_enteras(doc, ["Recurso", "Cantidad", "Características"],
                   ["{{ r.recurso }}", "{{ r.cantidad }}", "{{ r.caracteristicas }}"], [8.0, 3.0, 14.7], "r in recursos",
                   centrar=[1])
    parrafo(doc, "{%p else %}", despues=0)
    parrafo(doc, "No se registraron recursos.")
    parrafo(doc, "{%p endif %}", despues=0)
    titulo_seccion(doc, "VIII. PRIORIZACIÓN DE LOS DESEMPEÑOS A FORTALECER")
    tabla_filas_enteras(doc, ["Desempeño", "Necesidad común identificada", "Se fortalece en"],
                   ["{{ p.desempeno }} ({{ p.codigo }})", "{{ p.necesidad_comun }}", "{{ p.donde }}"],
                   [11.0, 10.2, 4.5], "p in priorizacion")
    titulo_seccion(doc, "IX. TAREAS Y PRODUCTOS COMUNES DEL EQUIPO DE ACOMPAÑANTES PEDAGÓGICOS")
    tareas_ap(doc, ANCHO)
    lugar_fecha(doc)
    firmas(doc, ["firma_jefe"])
    doc.save(destino)
