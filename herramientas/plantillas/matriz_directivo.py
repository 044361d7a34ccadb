"""Plantilla de la matriz de valoración del desempeño directivo (sin nivel de logro)."""

from comun import documento, firmas, lugar_fecha, membrete, parrafo, tabla_datos, tabla_repetida


def construir(destino):
    doc = documento("Matriz de valoración del desempeño directivo")
    membrete(doc, "MATRIZ DE VALORACIÓN DEL DESEMPEÑO DIRECTIVO", "Desempeños priorizados del MBDDI")
    tabla_datos(doc, [
        ["Director(a)", "{{ director|apellidos_nombres }}", "DNI", "{{ director.dni }}"],
        ["II. EE.", "{{ institucion.nombre }} (código modular {{ institucion.codigo_modular }})",
         "Tipo de II. EE.", "{{ institucion.tipo|capitalize }}"],
        ["Centro poblado", "{{ institucion.centro_poblado }} ({{ institucion.distrito }}, {{ institucion.provincia }})",
         "UGEL", "{{ ugel }}"],
        ["Momento de la valoración", "{{ momento }}"],
    ], [3.3, 6.2, 2.5, 5.0])
    tabla_repetida(
        doc,
        ["Desempeños", "Evidencias", "Necesidades formativas"],
        ["{{ f.numero }}. {{ f.desempeno }} ({{ f.codigo }})", "{{ f.evidencias }}", "{{ f.necesidades_formativas }}"],
        [5.5, 6.5, 5.0],
        "f in filas",
    )
    parrafo(doc, "En el rol de director no se establece nivel de logro: se describen las evidencias recogidas "
                 "en el cuaderno de campo (en la visita diagnóstica, al concluir cada GIA con directores y en la visita de "
                 "cierre) y se precisan las necesidades formativas. Desempeños del Marco del Buen Desempeño Directivo "
                 "(MBDDI), distintos de los del docente aunque compartan código.", tamano=8, cursiva=True)
    lugar_fecha(doc)
    firmas(doc, ["firma_director", "firma_acompanante"])
    doc.save(destino)
