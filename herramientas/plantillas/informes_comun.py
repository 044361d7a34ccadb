"""Piezas de las plantillas de informes: cabecera de informe peruano, secciones en romanos, gráficos, firmas."""

from __future__ import annotations

from collections.abc import Sequence

from comun import _anchos, _borde_inferior, _no_partir, _parrafo, firmas, sombrear, tabla_repetida
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

ROMANOS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
NO_REGISTRADO = "No se registró."


class Secciones:
    """Numera las secciones en romanos según cuáles lleva cada plantilla."""

    def __init__(self, doc):
        self.doc, self.n = doc, 0

    def __call__(self, titulo: str):
        p = _parrafo(self.doc, f"{ROMANOS[self.n]}. {titulo.upper()}", negrita=True, tamano=10.5, antes=10, despues=4)
        p.paragraph_format.keep_with_next = True
        self.n += 1
        return p


def subtitulo(doc, texto: str):
    p = _parrafo(doc, texto, negrita=True, tamano=10, antes=6, despues=3)
    p.paragraph_format.keep_with_next = True
    return p


def linea(doc, texto: str, **kw):
    """Un párrafo justificado (texto de la narrativa o frases con etiquetas)."""
    p = _parrafo(doc, texto, despues=4, **kw)
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return p


def narrativa(doc, expresion: str, vacio: str = NO_REGISTRADO):
    """El texto de la narrativa; si falta, la frase `vacio` (o nada, sin dejar un párrafo vacío)."""
    if vacio:
        return linea(doc, "{% if " + expresion + " %}{{ " + expresion + " }}{% else %}" + vacio + "{% endif %}")
    etiqueta(doc, "{%p if " + expresion + " %}")
    linea(doc, "{{ " + expresion + " }}")
    etiqueta(doc, "{%p endif %}")


def etiqueta(doc, texto: str):
    """Una línea sola con una etiqueta de bloque de docxtpl ({%p ... %})."""
    return _parrafo(doc, texto, despues=0)


def lista(doc, coleccion: str, vacio: str = NO_REGISTRADO):
    etiqueta(doc, "{%p if " + coleccion + " %}")
    etiqueta(doc, "{%p for x in " + coleccion + " %}")
    p = _parrafo(doc, "•\t{{ x }}", despues=2)
    p.paragraph_format.left_indent, p.paragraph_format.first_line_indent = Pt(18), Pt(-12)
    etiqueta(doc, "{%p endfor %}")
    etiqueta(doc, "{%p else %}")
    linea(doc, vacio)
    etiqueta(doc, "{%p endif %}")


def grafico(doc, expresion: str, nota: str = ""):
    """El gráfico (imagen) centrado, que no se separa de su tabla."""
    etiqueta(doc, "{%p if " + expresion + " %}")
    p = _parrafo(doc, "{{ " + expresion + " }}", alinear=WD_ALIGN_PARAGRAPH.CENTER, antes=4, despues=2)
    p.paragraph_format.keep_with_next = bool(nota)
    if nota:
        _parrafo(doc, nota, cursiva=True, tamano=8, alinear=WD_ALIGN_PARAGRAPH.CENTER, despues=6)
    etiqueta(doc, "{%p endif %}")


def tabla(doc, encabezados: Sequence[str], celdas: Sequence[str], anchos: Sequence[float], coleccion: str,
          centrar: Sequence[int] = (), vacio: str = "", tamano: float = 8.5):
    """Tabla con una fila por elemento de `coleccion` (variable `f`); si está vacía, la frase `vacio`."""
    if vacio:
        etiqueta(doc, "{%p if " + coleccion + " %}")
    t = tabla_repetida(doc, encabezados, celdas, anchos, "f in " + coleccion, centrar=centrar)
    _no_partir(t.rows[2])
    for fila in t.rows:
        for celda in fila.cells:
            for p in celda.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(tamano)
    if vacio:
        etiqueta(doc, "{%p else %}")
        linea(doc, vacio)
        etiqueta(doc, "{%p endif %}")
    return t


def _sin_bordes(tabla_):
    tblpr = tabla_._tbl.tblPr
    bordes = OxmlElement("w:tblBorders")
    for lado in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{lado}")
        b.set(qn("w:val"), "nil")
        bordes.append(b)
    tblpr.append(bordes)


def cabecera(doc, titulo: str):
    """INFORME N.° ...; A / DE / ASUNTO / REFERENCIA / FECHA; línea; título del informe."""
    p = _parrafo(doc, "{{ cabecera.numero }}", negrita=True, tamano=11, alinear=WD_ALIGN_PARAGRAPH.CENTER, antes=4, despues=10)
    p.runs[0].underline = True
    filas = [
        ("A", None, None),  # uno o más destinatarios (ver abajo)
        ("DE", "{{ cabecera.de_nombre }}", "{{ cabecera.de_cargo }}"),
        ("ASUNTO", "{{ cabecera.asunto }}", ""),
        ("REFERENCIA", "{{ cabecera.referencia }}", ""),
        ("FECHA", "{{ cabecera.lugar }}, {{ cabecera.fecha|fecha_larga }}", ""),
    ]
    t = doc.add_table(rows=len(filas), cols=3)
    _sin_bordes(t)
    for fila, (rotulo, valor, cargo) in zip(t.rows, filas):
        for celda, texto, negrita in ((fila.cells[0], rotulo, True), (fila.cells[1], ":", True)):
            q = celda.paragraphs[0]
            q.paragraph_format.space_after = Pt(3)
            r = q.add_run(texto)
            r.bold, r.font.size = negrita, Pt(10)
        if valor is None:
            _destinatarios(fila.cells[2])
            _no_partir(fila)
            continue
        q = fila.cells[2].paragraphs[0]
        q.paragraph_format.space_after = Pt(0 if cargo else 3)
        r = q.add_run(valor)
        r.bold, r.font.size = rotulo in ("A", "DE"), Pt(10)
        if cargo:
            q = fila.cells[2].add_paragraph()
            q.paragraph_format.space_after = Pt(3)
            q.add_run(cargo).font.size = Pt(10)
        _no_partir(fila)
    _anchos(t, [3.0, 0.6, 13.4])
    p = _parrafo(doc, "", despues=6)
    _borde_inferior(p)
    _parrafo(doc, titulo, negrita=True, tamano=11, alinear=WD_ALIGN_PARAGRAPH.CENTER, antes=4, despues=8)


def _destinatarios(celda):
    """Cada destinatario: su nombre en negrita (si lo hay) y su cargo debajo."""
    for i, (texto, negrita, despues) in enumerate((
        ("{%p for d in cabecera.destinatarios %}", False, 0), ("{%p if d.nombre %}", False, 0),
        ("{{ d.nombre }}", True, 0), ("{%p endif %}", False, 0), ("{{ d.cargo }}", False, 3), ("{%p endfor %}", False, 0),
    )):
        q = celda.paragraphs[0] if i == 0 else celda.add_paragraph()
        q.paragraph_format.space_after = Pt(despues)
        r = q.add_run(texto)
        r.bold, r.font.size = negrita, Pt(10)


def encabezado_informe(doc):
    """DRE y UGEL sobre la cabecera del informe."""
    _parrafo(doc, "{{ membrete.dre }}", negrita=True, alinear=WD_ALIGN_PARAGRAPH.CENTER, despues=0)
    _parrafo(doc, "{{ membrete.ugel }}", negrita=True, alinear=WD_ALIGN_PARAGRAPH.CENTER, despues=6)


def datos(doc, filas: Sequence[tuple[str, str]]):
    """Tabla de datos etiqueta–valor a todo el ancho."""
    t = doc.add_table(rows=len(filas), cols=2)
    t.style = "Table Grid"
    for fila, (rotulo, valor) in zip(t.rows, filas):
        for celda, texto, negrita in ((fila.cells[0], rotulo, True), (fila.cells[1], valor, False)):
            q = celda.paragraphs[0]
            q.paragraph_format.space_after = Pt(1)
            r = q.add_run(texto)
            r.bold, r.font.size = negrita, Pt(9)
        sombrear(fila.cells[0])
        _no_partir(fila)
    _anchos(t, [4.5, 12.5])
    _parrafo(doc, despues=4)


def atentamente(doc, firma: str, *otras: str, condicional: bool = False):
    """«Es todo cuanto informo…», «Atentamente,» y las firmas (`firma` y `otras`), juntos con lo de arriba."""
    cierre = _parrafo(doc, "Es todo cuanto informo a usted para su conocimiento y fines pertinentes.", antes=8, despues=8)
    cierre.paragraph_format.keep_with_next = True
    p = _parrafo(doc, "Atentamente,", despues=4)
    p.paragraph_format.keep_with_next = True
    if condicional:
        etiqueta(doc, "{%p if " + firma + " %}")
    firmas(doc, [firma, *otras])
    if condicional:
        etiqueta(doc, "{%p endif %}")


# --- tablas que comparten varios informes --------------------------------------------------------------
NOTA_NIVELES = "Niveles: {{ leyenda_niveles }}. «Sin valoración»: docentes sin matriz en el periodo (no cuentan como nivel I)."


def tabla_ie(doc, con_ap: bool = False):
    if con_ap:
        tabla(doc, ["N.°", "I. E.", "Código modular", "Tipo", "Centro poblado (distrito)", "Docentes", "Acompañante"],
              ["{{ f.numero }}", "{{ f.nombre }}", "{{ f.codigo_modular }}", "{{ f.tipo|capitalize }}",
               "{{ f.centro_poblado }} ({{ f.distrito }})", "{{ f.docentes }}", "{{ f.acompanante }}"],
              [1.0, 3.3, 1.9, 2.3, 3.0, 1.9, 3.6], "instituciones", centrar=[0, 2, 5])
    else:
        tabla(doc, ["N.°", "I. E.", "Código modular", "Tipo", "Centro poblado (distrito)", "Docentes"],
              ["{{ f.numero }}", "{{ f.nombre }}", "{{ f.codigo_modular }}", "{{ f.tipo|capitalize }}",
               "{{ f.centro_poblado }} ({{ f.distrito }})", "{{ f.docentes }}"],
              [1.0, 4.5, 2.1, 2.9, 4.3, 2.2], "instituciones", centrar=[0, 2, 5])


def tabla_distribucion(doc, titulo_grafico_nota: str = "Gráfico: docentes por nivel en cada desempeño (misma información que la tabla)."):
    tabla(doc, ["Desempeño", "Nivel I", "Nivel II", "Nivel III", "Nivel IV", "Sin valoración"],
          ["{{ f.codigo }}. {{ f.desempeno }}", "{{ f.nivel_i }}", "{{ f.nivel_ii }}", "{{ f.nivel_iii }}", "{{ f.nivel_iv }}",
           "{{ f.sin_valoracion }}"],
          [8.2, 1.6, 1.6, 1.7, 1.6, 2.3], "distribucion", centrar=[1, 2, 3, 4, 5])
    _parrafo(doc, NOTA_NIVELES, cursiva=True, tamano=8, despues=4)
    grafico(doc, "grafico_distribucion", titulo_grafico_nota)


def tablas_comparacion(doc, por_docente: bool):
    if por_docente:
        subtitulo(doc, "Niveles por docente y desempeño")
        tabla(doc, ["Docente", "Desempeño", "Línea de base", "Inicio", "Término", "Tendencia"],
              ["{{ f.docente }}", "{{ f.codigo }}", "{{ f.linea_base }}", "{{ f.inicio }}", "{{ f.fin }}", "{{ f.tendencia }}"],
              [4.8, 2.4, 2.2, 1.8, 1.9, 3.9], "comparacion", centrar=[1, 2, 3, 4])
        _parrafo(doc, "Línea de base: nivel de la visita diagnóstica. Inicio y término: primera y última valoración "
                      "del periodo; «—»: sin valoración.", cursiva=True, tamano=8, despues=4)
    subtitulo(doc, "Docentes en nivel III o IV al inicio y al término, por desempeño")
    tabla(doc, ["Desempeño", "Al inicio", "Al término", "Variación", "Docentes valorados"],
          ["{{ f.codigo }}. {{ f.desempeno }}", "{{ f.inicio }}", "{{ f.fin }}", "{{ f.variacion }}", "{{ f.valorados }}"],
          [9.0, 1.9, 2.0, 2.0, 2.1], "inicio_fin", centrar=[1, 2, 3, 4])
    grafico(doc, "grafico_inicio_fin", "Gráfico: docentes en nivel III o IV al inicio y al término del periodo.")
    subtitulo(doc, "Tendencia por desempeño (cantidad de docentes)")
    tabla(doc, ["Desempeño", "Sube", "Se mantiene", "Baja", "Sin valoración"],
          ["{{ f.codigo }}. {{ f.desempeno }}", "{{ f.sube }}", "{{ f.se_mantiene }}", "{{ f.baja }}", "{{ f.sin_valoracion }}"],
          [9.0, 1.8, 2.2, 1.8, 2.2], "tendencias", centrar=[1, 2, 3, 4])
    grafico(doc, "grafico_tendencias", "Gráfico: tendencia del inicio al término del periodo, por desempeño.")


def tabla_metas(doc):
    tabla(doc, ["Meta física", "Unidad", "Programado", "Ejecutado", "Avance"],
          ["{{ f.actividad }}", "{{ f.unidad }}", "{{ f.programado }}", "{{ f.ejecutado }}", "{{ f.avance }}"],
          [7.0, 2.3, 2.5, 2.5, 2.7], "metas", centrar=[1, 2, 3, 4])


def tabla_sucesos(doc):
    tabla(doc, ["Fecha", "Actividad", "Suceso", "Efecto", "Acción implementada"],
          ["{{ f.fecha|fecha_corta }}", "{{ f.actividad }}", "{{ f.descripcion }}", "{{ f.efecto }}", "{{ f.accion }}"],
          [2.0, 1.8, 6.0, 1.9, 5.3], "sucesos", centrar=[0, 1, 3], vacio="No se registraron sucesos relevantes en el periodo.")


def tabla_buenas_practicas(doc):
    tabla(doc, ["Docente (I. E.)", "Título", "Clasificación", "Aporte relevante"],
          ["{{ f.docente }} ({{ f.institucion }})", "{{ f.titulo }}", "{{ f.clasificacion|capitalize }}", "{{ f.aporte }}"],
          [4.0, 4.2, 3.3, 5.5], "buenas_practicas", vacio="No se identificaron actividades innovadoras ni buenas prácticas en el periodo.")


def directores(doc, coleccion: str = "directores", cuando: str = "En el periodo"):
    etiqueta(doc, "{%p if " + coleccion + " %}")
    tabla(doc, ["Director(a) (I. E.)", "Fecha y momento", "Evidencias (sin nivel de logro)", "Necesidades formativas"],
          ["{{ f.director }} ({{ f.institucion }})", "{{ f.fecha|fecha_corta }}\n{{ f.momento }}",
           "{% for d in f.filas %}{{ d.codigo }} (MBDDI): {{ d.evidencias }}{% if not loop.last %}{{ '\\n' }}{% endif %}{% endfor %}",
           "{% for d in f.filas %}{{ d.codigo }} (MBDDI): {{ d.necesidades_formativas }}{% if not loop.last %}{{ '\\n' }}{% endif %}{% endfor %}"],
          [3.4, 2.8, 6.0, 4.8], coleccion)
    etiqueta(doc, "{%p else %}")
    linea(doc, cuando + " no se valoró a los docentes en su rol de director: no hay matrices del directivo.")
    etiqueta(doc, "{%p endif %}")
