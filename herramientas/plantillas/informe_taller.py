"""Plantilla del informe del taller de actualización docente (manual 2.2.2.3)."""

from comun import _parrafo, documento, firmas
from informes_comun import (
    Secciones, cabecera, datos, encabezado_informe, etiqueta, grafico, linea, lista, narrativa, subtitulo, tabla,
)


def construir(destino):
    doc = documento("Informe del taller de actualización docente")
    encabezado_informe(doc)
    cabecera(doc, "INFORME DEL {{ numero_taller|ordinal_apocopado }} TALLER DE ACTUALIZACIÓN DOCENTE")
    s = Secciones(doc)
    s("Datos generales")
    datos(doc, [("Fechas", "Del {{ fecha_inicio|fecha_larga }} al {{ fecha_fin|fecha_larga }}"),
                ("Horas cronológicas", "{{ horas }}"), ("Lugar", "{{ lugar }}"),
                ("Responsable del registro en SIGMA 2.0", "{{ responsable }}")])
    s("Metas de atención ejecutadas")
    tabla(doc, ["Acompañante pedagógico", "Docentes programados", "Docentes asistentes", "Avance"],
          ["{{ f.acompanante }}", "{{ f.programados }}", "{{ f.asistentes }}", "{{ f.avance }}"],
          [7.0, 3.4, 3.4, 3.2], "asistencia", centrar=[1, 2, 3])
    subtitulo(doc, "Docentes que no asistieron")
    lista(doc, "inasistentes", "Asistieron todos los docentes programados.")
    s("Propósitos del taller y desempeños priorizados")
    subtitulo(doc, "Propósitos")
    lista(doc, "propositos")
    subtitulo(doc, "Desempeños priorizados que atendió")
    lista(doc, "desempenos")
    linea(doc, "{{ analisis_propositos }}")
    s("Calidad de los productos obtenidos")
    linea(doc, "{{ calidad_productos }}")
    s("Satisfacción de los docentes")
    tabla(doc, ["N.°", "Aspecto", "Pregunta", "Muy satisfecho", "Satisfecho", "Poco satisfecho", "Insatisfecho"],
          ["P{{ loop.index }}", "{{ f.aspecto }}", "{{ f.pregunta }}", "{{ f.muy_satisfecho }}", "{{ f.satisfecho }}",
           "{{ f.poco_satisfecho }}", "{{ f.insatisfecho }}"],
          [1.0, 2.6, 4.2, 2.3, 2.3, 2.3, 2.3], "encuesta", centrar=[0, 3, 4, 5, 6],
          vacio="No se aplicó la encuesta de satisfacción.")
    grafico(doc, "grafico_encuesta", "Gráfico: respuestas de la encuesta de satisfacción por pregunta (P1, P2...).")
    s("Aspectos logísticos")
    narrativa(doc, "aspectos_logisticos")
    s("Conclusiones")
    narrativa(doc, "conclusiones")
    cierre = _parrafo(doc, "Es todo cuanto informamos para su conocimiento y fines pertinentes.", antes=8, despues=8)
    cierre.paragraph_format.keep_with_next = True
    _parrafo(doc, "Atentamente,", despues=4).paragraph_format.keep_with_next = True
    etiqueta(doc, "{%p if firma_jefe %}")
    firmas(doc, ["firma_responsable", "firma_jefe"])
    etiqueta(doc, "{%p else %}")
    firmas(doc, ["firma_responsable"])
    etiqueta(doc, "{%p endif %}")
    doc.save(destino)
