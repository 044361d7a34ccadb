"""Plantilla del plan institucional de acompañamiento pedagógico (uno por I. E.; se incorpora al PAT)."""

from comun import documento, firmas, lista, lugar_fecha, membrete, parrafo, tabla_datos, tabla_filas_enteras, titulo_seccion
from plan_individual import FIRMA_REAJUSTE


def construir(destino):
    doc = documento("Plan institucional de acompañamiento pedagógico")
    membrete(doc, "PLAN INSTITUCIONAL DE ACOMPAÑAMIENTO PEDAGÓGICO", "Metas y compromisos comunes de los docentes de la I. E.")
    titulo_seccion(doc, "I. DATOS INFORMATIVOS")
    tabla_datos(doc, [
        ["II. EE.", "{{ institucion.nombre }}", "Código modular", "{{ institucion.codigo_modular }}"],
        ["Tipo de II. EE.", "{{ institucion.tipo|capitalize }}", "UGEL", "{{ ugel }}"],
        ["Centro poblado", "{{ institucion.centro_poblado }} ({{ institucion.distrito }}, {{ institucion.provincia }})"],
        ["Director(a)", "{{ director|apellidos_nombres }}"],
        ["Acompañante pedagógico", "{{ acompanante|apellidos_nombres }}"],
    ], [3.3, 6.2, 2.5, 5.0])
    titulo_seccion(doc, "II. DOCENTES ACOMPAÑADOS")
    tabla_filas_enteras(doc, ["Apellidos y nombres", "DNI", "Grado(s) a cargo", "Condición", "Cargo"],
                   ["{{ d|apellidos_nombres }}", "{{ d.dni }}", "{{ d.grados|grados }}", "{{ d.condicion|capitalize }}",
                    "{% if d.es_director %}Director(a) y docente{% else %}Docente{% endif %}"],
                   [5.4, 2.2, 3.4, 2.6, 3.4], "d in docentes", centrar=[1, 3])
    titulo_seccion(doc, "III. DESEMPEÑOS PRIORIZADOS EN COMÚN")
    tabla_filas_enteras(doc, ["Código", "Desempeño"], ["{{ d.codigo }}", "{{ d.denominacion }}"], [2.0, 15.0],
                   "d in desempenos", centrar=[0])
    titulo_seccion(doc, "IV. METAS COMUNES")
    lista(doc, "m in metas", "{{ m }}")
    titulo_seccion(doc, "V. COMPROMISOS COMUNES")
    lista(doc, "c in compromisos", "{{ c }}")
    titulo_seccion(doc, "VI. ACCIONES")
    tabla_filas_enteras(doc, ["Acción", "Responsables", "Plazo"], ["{{ a.accion }}", "{{ a.responsables }}", "{{ a.plazo }}"],
                   [9.0, 5.0, 3.0], "a in acciones")
    titulo_seccion(doc, "VII. REAJUSTES DEL PLAN")
    parrafo(doc, "{%p if reajustes %}", despues=0)
    tabla_filas_enteras(doc, ["Fecha", "Qué se reajustó", "Por qué", "Firma del director(a)", "Firma del AP"],
                   ["{{ r.fecha|fecha_corta }}", "{{ r.cambio }}", "{{ r.motivo }}",
                    FIRMA_REAJUSTE.format(i=0), FIRMA_REAJUSTE.format(i=1)],
                   [2.0, 4.6, 4.6, 2.9, 2.9], "r in reajustes", centrar=[0, 3, 4])
    parrafo(doc, "{%p else %}", despues=0)
    parrafo(doc, "Sin reajustes a la fecha.")
    parrafo(doc, "{%p endif %}", despues=0)
    parrafo(doc, "El presente plan se incorpora al Plan Anual de Trabajo (PAT) de la I. E. y puede reajustarse durante "
                 "el proceso formativo; un reajuste posterior a su firma lleva la firma del director y del acompañante "
                 "pedagógico.", tamano=9, cursiva=True, antes=4)
    lugar_fecha(doc)
    firmas(doc, ["firma_director", "firma_acompanante"])
    doc.save(destino)
