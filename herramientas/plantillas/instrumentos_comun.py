"""Piezas de las plantillas de los instrumentos de campo: se imprimen y se llenan a mano en la I. E.

Espacio para escribir: celdas altas (alto mínimo: crecen si el dato impreso es largo), casillas ☐ para marcar,
líneas para la fecha cuando el plan mensual aún no la fija.
"""

from __future__ import annotations

from collections.abc import Sequence

from comun import _anchos, _no_partir, _parrafo, _texto_celda, firmas, parrafo, sombrear, tabla_datos, tabla_repetida
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm

FECHA_EN_BLANCO = "____ / ____ / ______"
HORA_EN_BLANCO = "____ : ____"


def fecha(expresion: str, larga: bool = False) -> str:
    """La fecha si el plan la fija; si no, la línea para escribirla."""
    filtro = "fecha_larga" if larga else "fecha_corta"
    return "{% if " + expresion + " %}{{ " + expresion + "|" + filtro + " }}{% else %}" + FECHA_EN_BLANCO + "{% endif %}"


def fechas_visita(prefijo: str = "visita") -> str:
    """«08/06/2026 y 09/06/2026» en la visita de dos días."""
    return (fecha(f"{prefijo}.fecha") + "{% if " + prefijo + ".dias > 1 %} y " + fecha(f"{prefijo}.segundo_dia")
            + "{% endif %}")


def alto(fila, cm: float) -> None:
    """Alto mínimo de la fila (para escribir a mano); crece si el texto impreso no cabe."""
    fila.height = Cm(cm)
    fila.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def cabecera_aula(doc, extra: Sequence[Sequence[str]] = ()):
    """Docente, I. E., grados, ubicación, UGEL y AP (de `aula`), más las filas `extra`."""
    return tabla_datos(doc, [
        ["Docente", "{{ aula.docente|apellidos_nombres }}", "DNI", "{{ aula.docente.dni }}"],
        ["I. E.", "{{ aula.institucion.nombre }}", "Código modular", "{{ aula.institucion.codigo_modular }}"],
        ["Tipo de I. E.", "{{ aula.institucion.tipo|capitalize }}", "Grado(s) a cargo", "{{ aula.docente.grados|grados }}"],
        ["Centro poblado", "{{ aula.institucion.centro_poblado }} ({{ aula.institucion.distrito }}, "
                           "{{ aula.institucion.provincia }})", "UGEL", "{{ aula.ugel }}"],
        ["Acompañante", "{{ aula.acompanante|nombre_completo }}", "Cargo",
         "{% if aula.docente.es_director %}Docente y director(a){% else %}Docente{% endif %}"],
        *extra,
    ], [3.0, 7.0, 2.8, 4.2])


def caja(doc, titulo: str, cm: float, ayuda: str = ""):
    """Un recuadro con su título (sombreado) y espacio para escribir."""
    tabla = doc.add_table(rows=2, cols=1)
    tabla.style = "Table Grid"
    _texto_celda(tabla.rows[0].cells[0], titulo, negrita=True)
    sombrear(tabla.rows[0].cells[0])
    if ayuda:
        p = _texto_celda(tabla.rows[1].cells[0], ayuda, tamano=7)
        p.runs[0].italic = True
    alto(tabla.rows[1], cm)
    _repetir_y_juntar(tabla)
    _anchos(tabla, [17.0])
    _parrafo(doc, despues=4)
    return tabla


def _repetir_y_juntar(tabla):
    """El título del recuadro va con su espacio (no queda solo al pie de una página)."""
    for p in tabla.rows[0].cells[0].paragraphs:
        p.paragraph_format.keep_with_next = True
    for fila in tabla.rows:
        _no_partir(fila)


def tabla_para_llenar(doc, encabezados: Sequence[str], celdas: Sequence[str], anchos: Sequence[float], bucle: str,
                      cm: float = 0.8, centrar: Sequence[int] = (), tamano: int = 9):
    """Una fila (alta `cm`) por elemento de `bucle`, con el encabezado repetido en cada página."""
    tabla = tabla_repetida(doc, encabezados, celdas, anchos, bucle, centrar=centrar, tamano=tamano)
    alto(tabla.rows[2], cm)
    _no_partir(tabla.rows[2])
    return tabla


def titulo(doc, texto: str):
    p = _parrafo(doc, texto, negrita=True, tamano=10, antes=8, despues=3)
    p.paragraph_format.keep_with_next = True
    return p


def nota(doc, texto: str):
    return _parrafo(doc, texto, cursiva=True, tamano=8, despues=4)


def salto_entre(doc):
    """Salto de página entre las repeticiones de un `{%p for %}` (no después de la última)."""
    _parrafo(doc, "{%p if not loop.last %}", despues=0)
    p = _parrafo(doc, despues=0)
    p.add_run().add_break(WD_BREAK.PAGE)
    _parrafo(doc, "{%p endif %}", despues=0)


def lineas(doc, n: int, etiqueta: str = ""):
    """Líneas punteadas para escribir (con una etiqueta al comienzo de la primera)."""
    for i in range(n):
        texto = (etiqueta + " " if etiqueta and i == 0 else "")
        p = _parrafo(doc, texto + "." * (110 - 2 * len(texto)), tamano=10, antes=6, despues=0)
        p.runs[0].font.color.rgb = None
    return p


def centrado(doc, texto: str, tamano: int = 9, negrita: bool = False):
    return _parrafo(doc, texto, tamano=tamano, negrita=negrita, alinear=WD_ALIGN_PARAGRAPH.CENTER)



def datos_por_llenar(doc, filas: Sequence[Sequence[str]], anchos: Sequence[float], cm: float = 0.8):
    """Tabla de datos (etiqueta sombreada, valor) con filas altas: lo que el expediente no sabe se escribe a mano."""
    tabla = tabla_datos(doc, filas, anchos)
    for fila in tabla.rows:
        alto(fila, cm)
    return tabla


def casillas(*opciones: str) -> str:
    """«☐ Sí   ☐ No»"""
    return "   ".join(f"☐ {o}" for o in opciones)


def cierre_de_acta(doc, cita_del_manual: str):
    """El final de un acta: compromisos, asistentes, la hora de cierre, la cita del manual y las firmas (el director,
    si la I. E. lo tiene, y el AP)."""
    tabla_para_llenar(doc, ["N.°", "Compromiso", "Responsable(s)", "Plazo"], ["{{ n }}", "", "", ""],
                      [1.0, 9.0, 4.5, 2.5], "n in compromisos", cm=1.0, centrar=[0])
    titulo(doc, "ASISTENTES")
    tabla_para_llenar(doc, ["N.°", "Apellidos y nombres", "DNI", "Cargo o relación con la I. E.", "Firma"],
                      ["{{ p.numero }}", "{{ p.nombre }}", "{{ p.dni }}", "{{ p.cargo }}", ""],
                      [1.0, 6.0, 2.2, 4.0, 3.8], "p in asistentes", cm=0.9, centrar=[0, 2])
    parrafo(doc, "Siendo las " + HORA_EN_BLANCO + " horas, se dio por concluida la reunión y firmaron los presentes en "
                 "señal de conformidad.", antes=6)
    nota(doc, cita_del_manual)
    parrafo(doc, "{%p if firma_director %}", despues=0)
    firmas(doc, ["firma_director", "firma_acompanante"])
    parrafo(doc, "{%p else %}", despues=0)
    firmas(doc, ["firma_acompanante"])
    parrafo(doc, "{%p endif %}", despues=0)
