"""Las matrices de valoración generadas: se abren y se revisa su contenido contra el ejemplo."""

from __future__ import annotations

import copy
import subprocess

import pytest
from docx import Document

import formatos
from formatos.catalogo import catalogo
from formatos.modelos.expediente import validar_expediente
from formatos.salida.filtros import fecha_larga, grados
from tests.conftest import etiquetas_sin_render, filas_tabla, texto_docx


def _matrices(demo, formato):
    return [r for r in demo.resultados if r.formato == formato]


def _buscar(demo, formato, registro):
    return next(r.ruta for r in demo.resultados if r.formato == formato and registro in r.registros)


def test_una_matriz_por_valoracion_sin_fallos(demo, carga_ejemplo):
    exp = carga_ejemplo.expediente
    assert len(_matrices(demo, "matriz-docente")) == len(exp.valoraciones)
    assert len(_matrices(demo, "matriz-directivo")) == len(exp.valoraciones_directivo)
    assert demo.fallidos == [] and demo.reporte_errores is None


def test_matriz_docente_contenido(demo, carga_ejemplo):
    exp = carga_ejemplo.expediente
    valoracion = exp.valoraciones[10]
    visita = exp.visita(valoracion.id_visita)
    docente = exp.docente(visita.dni_docente)
    ie = exp.institucion(docente.codigo_modular)
    ap = exp.acompanante(docente.dni_acompanante)
    ruta = _buscar(demo, "matriz-docente", f"valoraciones:{valoracion.id_visita}")
    assert ap.apellidos in ruta.parent.name and docente.apellidos in ruta.name

    texto = texto_docx(ruta)
    assert "Decenio de la Igualdad de Oportunidades para Mujeres y Hombres" in texto
    assert "“Año de la Esperanza y el Fortalecimiento de la Democracia”" in texto
    assert "MATRIZ DE VALORACIÓN DEL DESEMPEÑO DOCENTE" in texto
    assert "UGEL San Marcos" in texto and "Dirección Regional de Educación Cajamarca" in texto

    cabecera = filas_tabla(ruta, 0)
    assert cabecera[0][:2] == ["Docente acompañado", f"{docente.apellidos.upper()}, {docente.nombres}"]
    assert cabecera[1][0] == "Tipo de II. EE." and cabecera[1][1].lower() == ie.tipo
    assert cabecera[1][3] == grados(docente.grados)
    assert ie.codigo_modular in cabecera[2][1] and ie.centro_poblado in cabecera[3][1]
    assert cabecera[4][1] == visita.area_curricular
    assert cabecera[5][1] == visita.proposito_sesion

    filas = filas_tabla(ruta, 1)
    assert filas[0] == ["Desempeños", "Nivel alcanzado", "Evidencias", "Producto de la asesoría"]
    assert len(filas) == 9
    for i, (fila, valor, desempeno) in enumerate(zip(filas[1:], valoracion.desempenos, catalogo().desempenos_docente), 1):
        assert fila[0] == f"{i}. {desempeno.denominacion} ({desempeno.codigo})"
        assert fila[1].split("\n")[0] == valor.nivel_alcanzado
        assert fila[1].split("\n")[1] == exp.etiqueta_nivel(valor.nivel_alcanzado)
        assert fila[2] == (valor.evidencias if valor.atendido else "(No atendido en el mes)")
        assert fila[3] == valor.producto_asesoria

    # Los dos momentos de la valoración (manual l. 2136-2141): la matriz se fecha al término del mes.
    cierre = exp.fecha_termino_mes(valoracion)
    assert f"San Marcos, {fecha_larga(cierre)}" in texto
    assert (f"Valorados al concluir la visita, el {fecha_larga(valoracion.fecha or visita.ultimo_dia)}: desempeños "
            "1 a 5 y 7 (D19, D22, D25, D11, D15 y D23), solo con lo recogido en la visita en aula.") in texto
    assert f"Valorados al término del mes, el {fecha_larga(cierre)}: desempeños 6 y 8 (D1 y D4), con lo recogido en" in texto
    assert [f[1].endswith("(al término del mes)") for f in filas[1:]] == [c in ("D1", "D4") for c in catalogo().codigos_docente]
    firmas = filas_tabla(ruta, 2)[0]
    assert f"{docente.nombres} {docente.apellidos}" in firmas[0] and f"DNI N.° {docente.dni}" in firmas[0]
    assert "Docente acompañado" in firmas[0]
    assert f"{ap.nombres} {ap.apellidos}" in firmas[1] and f"DNI N.° {ap.dni}" in firmas[1]
    assert "Acompañante pedagógico" in firmas[1]


def test_matriz_docente_fecha_en_letras(demo, carga_ejemplo):
    exp = carga_ejemplo.expediente
    valoracion = next(v for v in exp.valoraciones if exp.visita(v.id_visita).fecha.month == 11)
    visita = exp.visita(valoracion.id_visita)
    texto = texto_docx(_buscar(demo, "matriz-docente", f"valoraciones:{valoracion.id_visita}"))
    # Visita de 2 días: se valora con el último día; D1 y D4, al término del mes (la fecha de la matriz).
    assert visita.dias == 2
    assert f"Valorados al concluir la visita, el {visita.fecha_segundo_dia.day} de noviembre de 2026" in texto
    assert f"San Marcos, {fecha_larga(exp.fecha_termino_mes(valoracion))}" in texto
    assert exp.fecha_termino_mes(valoracion).month == 11


def test_matriz_directivo_sin_nivel(demo, carga_ejemplo):
    exp = carga_ejemplo.expediente
    valoracion = exp.valoraciones_directivo[0]
    director = exp.docente(valoracion.dni_director)
    ruta = _buscar(demo, "matriz-directivo", f"valoraciones_directivo:{valoracion.id}")
    filas = filas_tabla(ruta, 1)
    assert filas[0] == ["Desempeños", "Evidencias", "Necesidades formativas"]
    assert [f[0] for f in filas[1:]] == [
        f"{i}. {d.denominacion} ({d.codigo})" for i, d in enumerate(catalogo().desempenos_directivo, 1)
    ]
    assert [f[1] for f in filas[1:]] == [d.evidencias for d in valoracion.desempenos]
    texto = texto_docx(ruta)
    assert "Nivel alcanzado" not in texto and "no se establece nivel de logro" in texto
    firmas = filas_tabla(ruta, 2)[0]
    assert f"{director.nombres} {director.apellidos}" in firmas[0] and "Director(a) de la I. E." in firmas[0]


def test_ninguna_etiqueta_sin_render(demo):
    for r in demo.resultados:
        assert etiquetas_sin_render(r.ruta) == [], r.ruta


def _expediente_con_evidencia(datos_ejemplo, evidencia: str):
    datos = copy.deepcopy(datos_ejemplo)
    datos["valoraciones"] = datos["valoraciones"][:1]
    datos["valoraciones_directivo"] = []
    fila = next(d for d in datos["valoraciones"][0]["desempenos"] if d["atendido"])
    fila["evidencias"] = evidencia
    carga = validar_expediente(datos)
    assert carga.errores == []
    return carga.expediente


def test_caracteres_especiales_y_texto_largo(tmp_path, datos_ejemplo):
    especial = 'Usa «comillas» & <etiquetas> "dobles" \'simples\' — Ñuñoa, pingüino, 🌽 maíz'
    largo = ("El docente organiza grupos por ciclo y retroalimenta; " * 60)[:3000]
    evidencia = especial + "\nSegunda línea.\n" + largo
    exp = _expediente_con_evidencia(datos_ejemplo, evidencia)
    resumen = formatos.generar(exp, tmp_path, formatos=["matriz-docente"])
    assert resumen.fallidos == []
    ruta = resumen.resultados[0].ruta
    celdas = [c for fila in filas_tabla(ruta, 1) for c in fila]
    assert evidencia in celdas  # intacta, saltos de línea incluidos
    assert len(largo) == 3000
    # El salto de línea es un salto de Word, no un carácter suelto.
    xml = Document(str(ruta)).element.xml
    assert "<w:br/>" in xml


def test_mismos_datos_mismos_bytes(tmp_path, carga_ejemplo):
    exp = carga_ejemplo.expediente.model_copy(update={"valoraciones": carga_ejemplo.expediente.valoraciones[:3]})
    a = formatos.generar(exp, tmp_path / "a", formatos=["matriz-docente"])
    b = formatos.generar(exp, tmp_path / "b", formatos=["matriz-docente"])
    for ra, rb in zip(a.resultados, b.resultados):
        assert ra.ruta.read_bytes() == rb.ruta.read_bytes()


def test_una_matriz_mala_no_impide_las_demas(tmp_path, datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["valoraciones"][4]["desempenos"][0]["nivel_alcanzado"] = "V"
    carga = validar_expediente(datos)
    resumen = formatos.generar(carga.expediente, tmp_path, formatos=["matriz-docente"], problemas=carga.problemas)
    assert len([r for r in resumen.resultados if r.estado == "generado"]) == len(datos["valoraciones"]) - 1
    reporte = resumen.reporte_errores.read_text("utf-8")
    assert "valoraciones[4].desempenos[0].nivel_alcanzado" in reporte


def test_no_sobrescribe_sin_permiso(tmp_path, carga_ejemplo):
    exp = carga_ejemplo.expediente.model_copy(update={"valoraciones": carga_ejemplo.expediente.valoraciones[:1]})
    primero = formatos.generar(exp, tmp_path, formatos=["matriz-docente"]).resultados[0]
    assert primero.estado == "generado"
    assert formatos.generar(exp, tmp_path, formatos=["matriz-docente"]).resultados[0].estado == "sin cambios"
    primero.ruta.write_bytes(b"editado a mano")
    otra = formatos.generar(exp, tmp_path, formatos=["matriz-docente"]).resultados[0]
    assert otra.estado == "fallido" and "--sobrescribir" in otra.mensaje
    assert primero.ruta.read_bytes() == b"editado a mano"
    assert formatos.generar(exp, tmp_path, formatos=["matriz-docente"], sobrescribir=True).resultados[0].estado == "generado"


@pytest.mark.libreoffice
def test_las_matrices_abren_en_libreoffice(demo, tmp_path):
    docx = [r.ruta for r in demo.resultados if r.formato.startswith("matriz-")]
    entradas = []
    for i, ruta in enumerate(docx):  # nombres ASCII: LibreOffice y algunos sistemas se confunden con tildes
        copia = tmp_path / f"m{i:03d}.docx"
        copia.write_bytes(ruta.read_bytes())
        entradas.append(copia)
    perfil = tmp_path / "perfil"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{perfil}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), *map(str, entradas)],
        check=True, capture_output=True, timeout=900,
    )
    pdfs = sorted((tmp_path / "pdf").glob("*.pdf"))
    assert len(pdfs) == len(docx)
    texto = subprocess.run(["pdftotext", str(pdfs[0]), "-"], capture_output=True, text=True, check=True).stdout
    assert "MATRIZ DE VALORACIÓN" in texto and "DNI N.°" in texto


def test_propiedades_del_documento_en_su_espacio_de_nombres(demo):
    """docProps/core.xml solo con elementos de las propiedades básicas (OPC), Dublin Core y dcterms.

    docxcompose (que importa docxtpl) cambia el prefijo «cp» de python-docx; si no se corrige, las plantillas
    y los documentos salen con elementos de propiedades personalizadas que Word puede rechazar.
    """
    import zipfile

    from lxml import etree

    from formatos.recursos import carpeta_plantillas

    permitidos = {"http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
                  "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/"}
    archivos = sorted(carpeta_plantillas().glob("*.docx")) + [r.ruta for r in demo.resultados[:5]]
    for archivo in archivos:
        with zipfile.ZipFile(archivo) as z:
            raiz = etree.fromstring(z.read("docProps/core.xml"))
        assert {etree.QName(e).namespace for e in raiz} <= permitidos, archivo
