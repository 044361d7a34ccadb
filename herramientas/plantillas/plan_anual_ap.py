"""Plantilla del plan anual de acompañamiento pedagógico del AP (horizontal: metas y cronograma son anchos)."""

from docx.enum.text import WD_ALIGN_PARAGRAPH

from comun import (
    cronograma, documento, firmas, lista, lugar_fecha, membrete, parrafo, rotulo, tabla_datos, tabla_filas_enteras,
    titulo_seccion,
)
from plan_anual_ugel import tareas_ap

ANCHO = 25.7


def construir(destino):
    doc = documento("Plan anual de acompañamiento pedagógico del AP", horizontal=True)
    membrete(doc, "PLAN ANUAL DE ACOMPAÑAMIENTO PEDAGÓGICO DEL AP {{ anio }}", "{{ ugel }}")
    titulo_seccion(doc, "I. DATOS INFORMATIVOS")
    tabla_datos(doc, [
        ["Acompañante pedagógico", "{{ acompanante|apellidos_nombres }}", "DNI", "{{ acompanante.dni }}"],
        ["Docentes a cargo", "{{ numero_docentes }}", "II. EE. a cargo", "{{ numero_instituciones }}"],
        ["Teléfono", "{{ acompanante.telefono }}", "Correo", "{{ acompanante.correo }}"],
    ], [4.5, 9.0, 3.5, 8.7])
    titulo_seccion(doc, "II. OBJETIVOS COMUNES")
    lista(doc, "o in objetivos", "{{ o }}")
    titulo_seccion(doc, "III. METAS DIFERENCIADAS: METAS TRIMESTRALES POR DOCENTE Y DESEMPEÑO")
    tabla_filas_enteras(doc, ["Docente", "II. EE.", "Desempeño priorizado", "Nivel en el diagnóstico", "Metas trimestrales"],
                   ["{{ f.docente }}", "{{ f.institucion }}", "{{ f.desempeno }} ({{ f.codigo }})",
                    "{{ f.nivel_diagnostico }}", "{{ f.metas }}"],
                   [4.6, 3.6, 10.0, 2.5, 5.0], "f in metas", centrar=[3])
    parrafo(doc, "Niveles: {{ leyenda_niveles }}. Trimestres: {{ trimestres }}. Metas tomadas de los planes "
                 "individuales de los docentes.", tamano=8, cursiva=True)
    titulo_seccion(doc, "IV. RUTA DE DESPLAZAMIENTO")
    tabla_filas_enteras(doc, ["N.°", "II. EE.", "Código modular", "Centro poblado", "Distancia", "Tiempo", "Medio de transporte"],
                   ["{{ t.numero }}", "{{ t.institucion }}", "{{ t.codigo_modular }}", "{{ t.centro_poblado }}",
                    "{{ t.distancia }}", "{{ t.tiempo }}", "{{ t.medio }}"],
                   [1.2, 6.0, 2.6, 5.4, 2.4, 2.6, 5.5], "t in ruta", centrar=[0, 2, 4, 5])
    parrafo(doc, "Distancia y tiempo desde la parada anterior (la primera, desde la sede de la UGEL).", tamano=8, cursiva=True)
    parrafo(doc, "{%p if croquis %}", despues=0)
    imagen = parrafo(doc, "{{ croquis }}", alinear=WD_ALIGN_PARAGRAPH.CENTER, antes=6, despues=2)
    imagen.paragraph_format.keep_with_next = True
    parrafo(doc, "Croquis de la ruta de desplazamiento", tamano=8, cursiva=True, alinear=WD_ALIGN_PARAGRAPH.CENTER, despues=6)
    parrafo(doc, "{%p endif %}", despues=0)
    titulo_seccion(doc, "V. PRIORIZACIÓN DE LOS DESEMPEÑOS A FORTALECER")
    rotulo(doc, "Individual (visita en aula con asesoría personalizada):")
    tabla_filas_enteras(doc, ["Docente", "II. EE.", "Desempeños priorizados", "Necesidades"],
                   ["{{ p.docente }}", "{{ p.institucion }}", "{{ p.desempenos }}", "{{ p.necesidades }}"],
                   [4.6, 3.6, 10.5, 7.0], "p in priorizacion_individual")
    rotulo(doc, "Grupal (GIA y talleres de actualización docente):")
    tabla_filas_enteras(doc, ["Desempeño", "Necesidad común", "Se atiende en"],
                   ["{{ p.desempeno }} ({{ p.codigo }})", "{{ p.necesidad_comun }}", "{{ p.donde }}"],
                   [11.0, 10.7, 4.0], "p in priorizacion_grupal")
    titulo_seccion(doc, "VI. ORGANIZACIÓN DEL PROCESO FORMATIVO")
    rotulo(doc, "Visita en aula por docente (observación + preparación del diálogo reflexivo + asesoría):")
    tabla_filas_enteras(doc, ["Docente", "Cargo", "Horas por visita", "Grupo de GIA"],
                   ["{{ v.docente }}", "{{ v.cargo }}", "{{ v.horas }}", "{{ v.grupo_gia }}"],
                   [7.2, 5.0, 6.5, 7.0], "v in visitas", centrar=[2])
    rotulo(doc, "Grupos de interaprendizaje:")
    tabla_filas_enteras(doc, ["Grupo", "Sede", "Docentes"], ["{{ g.nombre }}", "{{ g.sede }}", "{{ g.docentes }}"],
                   [6.0, 7.0, 12.7], "g in grupos_gia")
    parrafo(doc, "Talleres: {{ talleres }}")
    titulo_seccion(doc, "VII. CRONOGRAMA")
    cronograma(doc, "f in cronograma", "f.actividad", "f.celdas", ANCHO, 6.5)
    titulo_seccion(doc, "VIII. TAREAS Y PRODUCTOS COMUNES DEL EQUIPO DE AP EN LA UGEL")
    tareas_ap(doc, ANCHO)
    lugar_fecha(doc)
    firmas(doc, ["firma_acompanante", "firma_jefe"])
    doc.save(destino)
