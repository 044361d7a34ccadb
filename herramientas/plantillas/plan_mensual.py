"""Plantilla del plan mensual del AP con los diseños metodológicos de sus visitas, GIA y talleres."""

from comun import (
    documento, firmas, lista, lugar_fecha, membrete, parrafo, rotulo, tabla_datos, tabla_filas_enteras, titulo_seccion,
)


def _disenos(doc, lista_, numero, titulo):
    """Un bloque por diseño metodológico: sus datos y la secuencia con tiempos."""
    titulo_seccion(doc, f"{numero}. {titulo}")
    parrafo(doc, "{%p if " + lista_ + " %}", despues=0)
    parrafo(doc, "{%p for d in " + lista_ + " %}", despues=0)
    p = parrafo(doc, "{{ loop.index }}. {{ d.titulo }}", negrita=True, antes=6, despues=3)
    p.paragraph_format.keep_with_next = True
    tabla_datos(doc, [
        ["Fecha y duración", "{{ d.detalle }}"],
        ["Desempeños priorizados", "{{ d.desempenos }}"],
        ["Necesidades de formación", "{{ d.necesidades }}"],
        ["Propósito", "{{ d.proposito }}"],
        ["Productos", "{{ d.productos }}"],
        ["Técnicas", "{{ d.tecnicas }}"],
        ["Materiales", "{{ d.materiales }}"],
        ["Evaluación de los aprendizajes por desempeños", "{% if d.evaluacion %}{{ d.evaluacion }}{% else %}No se precisó.{% endif %}"],
        ["Compromisos y metas", "{{ d.compromisos }}"],
    ], [4.0, 13.0])
    parrafo(doc, "{%p for dia in d.dias %}", despues=0)
    parrafo(doc, "{%p if dia.titulo %}", despues=0)
    rotulo(doc, "{{ dia.titulo }}: secuencia metodológica ({{ dia.duracion }})")
    parrafo(doc, "{%p endif %}", despues=0)
    tabla_filas_enteras(doc, ["Momento", "Secuencia metodológica", "Tiempo"],
                   ["{{ m.momento }}", "{{ m.actividad }}", "{{ m.tiempo }}"], [3.6, 11.4, 2.0], "m in dia.secuencia",
                   centrar=[2])
    parrafo(doc, "{%p endfor %}", despues=0)
    parrafo(doc, "Duración de la secuencia{% if d.dias|length > 1 %} (los dos días){% endif %}: {{ d.duracion }}.",
            tamano=9, cursiva=True)
    parrafo(doc, "{%p endfor %}", despues=0)
    parrafo(doc, "{%p else %}", despues=0)
    parrafo(doc, "No se programan en este mes.")
    parrafo(doc, "{%p endif %}", despues=0)


def construir(destino):
    doc = documento("Plan mensual de acompañamiento pedagógico")
    membrete(doc, "PLAN MENSUAL DE ACOMPAÑAMIENTO PEDAGÓGICO", "Mes de {{ mes }} de {{ anio }}")
    titulo_seccion(doc, "I. DATOS INFORMATIVOS")
    tabla_datos(doc, [
        ["Acompañante pedagógico", "{{ acompanante|apellidos_nombres }}", "DNI", "{{ acompanante.dni }}"],
        ["UGEL", "{{ ugel }}", "Mes", "{{ mes|capitalize }} de {{ anio }}"],
        ["Visita del mes según el protocolo", "{{ visita_protocolo }}"],
    ], [3.8, 6.7, 2.0, 4.5])
    titulo_seccion(doc, "II. METAS DE ATENCIÓN")
    tabla_filas_enteras(doc, ["Actividad", "Programadas", "Protocolo"],
                   ["{{ f.actividad }}", "{{ f.programadas }}", "{{ f.protocolo }}"], [7.5, 3.0, 6.5], "f in metas_atencion",
                   centrar=[1, 2])
    lista(doc, "m in metas", "{{ m }}")
    titulo_seccion(doc, "III. RUTA DE DESPLAZAMIENTO DEL MES")
    tabla_filas_enteras(doc, ["Fecha", "II. EE.", "Centro poblado", "Docentes", "Medio de transporte"],
                   ["{{ p.fecha|fecha_corta }}", "{{ p.institucion }}", "{{ p.centro_poblado }}", "{{ p.docentes }}",
                    "{{ p.medio }}"], [2.2, 4.4, 3.4, 4.4, 2.6], "p in ruta", centrar=[0])
    _disenos(doc, "visitas", "IV", "DISEÑOS METODOLÓGICOS DE LAS VISITAS EN AULA CON ASESORÍA PERSONALIZADA")
    _disenos(doc, "gias", "V", "DISEÑOS METODOLÓGICOS DE LOS GRUPOS DE INTERAPRENDIZAJE (GIA)")
    _disenos(doc, "talleres", "VI", "DISEÑO METODOLÓGICO DEL TALLER DE ACTUALIZACIÓN DOCENTE")
    lugar_fecha(doc)
    firmas(doc, ["firma_acompanante", "firma_jefe"])
    doc.save(destino)
