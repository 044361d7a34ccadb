"""Plantilla de la matriz de valoración en blanco (cabecera llena; nivel y evidencias para llenar a mano)."""

from comun import documento, firmas, lugar_fecha_en_blanco, membrete, tabla_datos
from instrumentos_comun import fechas_visita, nota, tabla_para_llenar


def construir(destino):
    doc = documento("Matriz de valoración del desempeño docente (en blanco)")
    membrete(doc, "MATRIZ DE VALORACIÓN DEL DESEMPEÑO DOCENTE", "Desempeños priorizados del MBDD")
    tabla_datos(doc, [
        ["Docente acompañado", "{{ aula.docente|apellidos_nombres }}", "DNI", "{{ aula.docente.dni }}"],
        ["Tipo de II. EE.", "{{ aula.institucion.tipo|capitalize }}", "Grado(s) a cargo", "{{ aula.docente.grados|grados }}"],
        ["II. EE.", "{{ aula.institucion.nombre }} (código modular {{ aula.institucion.codigo_modular }})", "UGEL",
         "{{ aula.ugel }}"],
        ["Centro poblado", "{{ aula.institucion.centro_poblado }} ({{ aula.institucion.distrito }}, "
                           "{{ aula.institucion.provincia }})", "Área curricular", ""],
        ["Visita", "{{ visita.nombre|capitalize }} del " + fechas_visita()],
        ["Propósito de la sesión observada", "\n"],
    ], [3.5, 6.0, 3.0, 4.5])
    tabla_para_llenar(
        doc,
        ["Desempeños", "Nivel alcanzado", "Evidencias", "Producto de la asesoría"],
        ["{% if f.priorizado %}★ {% endif %}{{ f.numero }}. {{ f.desempeno }} ({{ f.codigo }})\nSe valora {{ f.cuando }}.",
         "{% for n in niveles %}☐ {{ n }}{% if not loop.last %}\n{% endif %}{% endfor %}", "", ""],
        [4.8, 2.2, 6.2, 3.8], "f in filas", cm=2.6, centrar=[1], tamano=8,
    )
    nota(doc, "Niveles: {{ leyenda_niveles }}. Marque un nivel por desempeño con las rúbricas de observación. D1 y D4 "
              "se valoran a fin de mes con lo recogido en la visita, el GIA y/o el taller; los demás, al concluir la "
              "visita. ★: desempeño priorizado en el diseño de esta visita.")
    lugar_fecha_en_blanco(doc)
    firmas(doc, ["firma_docente", "firma_acompanante"])
    doc.save(destino)
