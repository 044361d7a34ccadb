"""Plantilla de la matriz de valoración del desempeño docente (manual 2.2.2.4)."""

from comun import documento, firmas, lugar_fecha, membrete, parrafo, separador_fino, tabla_datos, tabla_repetida


def construir(destino):
    doc = documento("Matriz de valoración del desempeño docente")
    membrete(doc, "MATRIZ DE VALORACIÓN DEL DESEMPEÑO DOCENTE", "Desempeños priorizados del MBDD")
    tabla_datos(doc, [
        ["Docente acompañado", "{{ docente|apellidos_nombres }}", "DNI", "{{ docente.dni }}"],
        ["Tipo de II. EE.", "{{ institucion.tipo|capitalize }}", "Grado(s) a cargo", "{{ docente.grados|grados }}"],
        ["II. EE.", "{{ institucion.nombre }} (código modular {{ institucion.codigo_modular }})", "UGEL", "{{ ugel }}"],
        ["Centro poblado", "{{ institucion.centro_poblado }} ({{ institucion.distrito }}, {{ institucion.provincia }})",
         "Área curricular", "{{ visita.area_curricular }}"],
        ["Visita", "{{ visita_nombre }}"],
        ["Propósito de la sesión observada", "{{ visita.proposito_sesion }}"],
    ], [3.5, 6.0, 3.0, 4.5])
    separador_fino(doc)
    tabla_repetida(
        doc,
        ["Desempeños", "Nivel alcanzado", "Evidencias", "Producto de la asesoría"],
        ["{{ f.numero }}. {{ f.desempeno }} ({{ f.codigo }})",
         "{{ f.nivel_alcanzado }}\n{{ f.etiqueta_nivel }}{% if f.al_termino_mes %}\n(al término del mes){% endif %}",
         "{% if f.atendido %}{{ f.evidencias }}{% else %}(No atendido en el mes){% endif %}", "{{ f.producto_asesoria }}"],
        [5.6, 2.5, 5.3, 3.6],
        "f in filas",
        centrar=[1],
        tamano=8,
    )
    separador_fino(doc)
    # Las leyendas de cuándo se valoró van con la fecha y las firmas: si no caben, pasan juntas a la página siguiente.
    for p in (
        parrafo(doc, "Niveles: {{ leyenda_niveles }}.", tamano=8, cursiva=True),
        parrafo(doc, "Valorados al concluir la visita, el {{ fecha_visita|fecha_larga }}: desempeños "
                     "{{ desempenos_visita }}, solo con lo recogido en la visita en aula. Valorados al término del mes, "
                     "el {{ fecha_termino_mes|fecha_larga }}: desempeños {{ desempenos_termino_mes }}, con lo recogido "
                     "en {{ fuentes_termino_mes }}.", tamano=8, antes=2),
    ):
        p.paragraph_format.keep_with_next = True
    lugar_fecha(doc)
    firmas(doc, ["firma_docente", "firma_acompanante"])
    doc.save(destino)
