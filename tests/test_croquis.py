"""El croquis de la ruta de desplazamiento en el plan anual del AP: imagen en el documento, rutas y problemas."""

from __future__ import annotations

import copy
import io
import re
import shutil

import pytest
from docx import Document
from PIL import Image as ImagenPIL

import formatos
from formatos.entrada import a_excel, cargar
from formatos.modelos.expediente import validar_expediente
from formatos.recursos import expediente_ejemplo
from tests.conftest import escribir_json, texto_docx

LEYENDA = "Croquis de la ruta de desplazamiento"


def _ruta(resumen, dni):
    return next(r.ruta for r in resumen.resultados if r.formato == "plan-anual-ap" and f"planes_anuales_ap:{dni}" in r.registros)


def _con_croquis(datos: dict, croquis: str | None) -> dict:
    datos = copy.deepcopy(datos)
    datos["planes_anuales_ap"][0]["croquis"] = croquis
    return datos


def test_el_plan_con_croquis_trae_la_imagen_y_el_otro_no(demo, carga_ejemplo):
    planes = carga_ejemplo.expediente.planes_anuales_ap
    assert any(p.croquis for p in planes) and any(p.croquis is None for p in planes)
    for plan in planes:
        ruta = _ruta(demo, plan.dni_acompanante)
        doc = Document(str(ruta))
        if plan.croquis:
            [forma] = doc.inline_shapes
            assert round(forma.width.cm, 1) == 18.0
            imagen = doc.part.related_parts[forma._inline.graphic.graphicData.pic.blipFill.blip.embed]
            assert imagen.blob == (expediente_ejemplo().parent / "croquis-ruta-ap1.png").read_bytes()
            texto = texto_docx(ruta)
            assert texto.index("IV. RUTA DE DESPLAZAMIENTO") < texto.index(LEYENDA) < texto.index("V. PRIORIZACIÓN")
        else:
            assert len(doc.inline_shapes) == 0 and LEYENDA not in texto_docx(ruta)
            assert "IV. RUTA DE DESPLAZAMIENTO" in texto_docx(ruta)  # la tabla de la ruta sigue


def test_ruta_relativa_a_la_carpeta_del_expediente(tmp_path, datos_ejemplo):
    (tmp_path / "imagenes").mkdir()
    shutil.copy(expediente_ejemplo().parent / "croquis-ruta-ap1.png", tmp_path / "imagenes" / "ruta.png")
    entrada = escribir_json(tmp_path, _con_croquis(datos_ejemplo, "imagenes/ruta.png"))
    carga = cargar(entrada)
    assert carga.errores == []
    assert carga.expediente.planes_anuales_ap[0].croquis == str((tmp_path / "imagenes" / "ruta.png").resolve())


def _imagen_enorme(ruta):
    with ruta.open("wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.truncate(11 * 1024 * 1024)


@pytest.mark.parametrize(("nombre", "preparar", "mensaje"), [
    ("no-esta.png", None, "no existe el archivo «no-esta.png»"),
    ("notas.png", lambda r: r.write_text("no soy una imagen"), "«notas.png» no es una imagen PNG ni JPEG"),
    ("carpeta.png", lambda r: r.mkdir(), "no existe el archivo «carpeta.png»"),
    ("enorme.png", _imagen_enorme, "la imagen «enorme.png» pesa más de 10 MB (redúzcala)"),
])
def test_croquis_que_no_sirve_cuesta_solo_el_croquis(tmp_path, datos_ejemplo, nombre, preparar, mensaje):
    if preparar:
        preparar(tmp_path / nombre)
    carga = cargar(escribir_json(tmp_path, _con_croquis(datos_ejemplo, nombre)))
    [problema] = carga.errores
    assert problema.lugar == "planes_anuales_ap[0].croquis"
    assert problema.mensaje == f"{mensaje}: el plan sale sin croquis"
    plan = carga.expediente.planes_anuales_ap[0]
    assert plan.dni_acompanante == datos_ejemplo["planes_anuales_ap"][0]["dni_acompanante"] and plan.croquis is None
    assert len(carga.expediente.planes_anuales_ap) == len(datos_ejemplo["planes_anuales_ap"])

    resumen = formatos.generar(carga.expediente, tmp_path / "salida", ["plan-anual-ap"], problemas=carga.problemas)
    assert resumen.fallidos == []
    assert len(Document(str(_ruta(resumen, plan.dni_acompanante))).inline_shapes) == 0


def test_croquis_que_falta_en_excel_dice_hoja_fila_y_columna(tmp_path, datos_ejemplo):
    expediente = validar_expediente(_con_croquis(datos_ejemplo, "no-esta.png")).expediente
    (tmp_path / "libro.xlsx").write_bytes(a_excel(expediente))
    [problema] = cargar(tmp_path / "libro.xlsx").errores
    assert re.fullmatch(r"Hoja Planes anuales AP, filas? \d+( a \d+)?, columna Croquis", problema.ubicacion)
    assert "no existe el archivo «no-esta.png»" in problema.mensaje


def test_croquis_jpeg_alto_no_pasa_del_alto_maximo(tmp_path, datos_ejemplo):
    salida = io.BytesIO()
    ImagenPIL.new("RGB", (300, 900), "white").save(salida, format="JPEG")
    (tmp_path / "alto.jpg").write_bytes(salida.getvalue())
    carga = cargar(escribir_json(tmp_path, _con_croquis(datos_ejemplo, "alto.jpg")))
    assert carga.errores == []
    resumen = formatos.generar(carga.expediente, tmp_path / "salida", ["plan-anual-ap"])
    [forma] = Document(str(_ruta(resumen, carga.expediente.planes_anuales_ap[0].dni_acompanante))).inline_shapes
    assert round(forma.height.cm, 1) == 14.0 and round(forma.width.cm, 1) == round(14 / 3, 1)


def test_imagen_danada_falla_solo_su_documento(tmp_path, datos_ejemplo):
    (tmp_path / "danada.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    carga = cargar(escribir_json(tmp_path, _con_croquis(datos_ejemplo, "danada.png")))
    resumen = formatos.generar(carga.expediente, tmp_path / "salida", ["plan-anual-ap"])
    [fallido] = resumen.fallidos
    assert "no se puede leer la imagen" in fallido.mensaje and "danada.png" in fallido.mensaje
    assert len([r for r in resumen.resultados if r.ruta and r.ruta.exists()]) == len(carga.expediente.planes_anuales_ap) - 1


def test_mismo_croquis_mismos_bytes(tmp_path, carga_ejemplo):
    plan = next(p for p in carga_ejemplo.expediente.planes_anuales_ap if p.croquis)
    rutas = [_ruta(formatos.generar(carga_ejemplo.expediente, tmp_path / str(i), ["plan-anual-ap"]), plan.dni_acompanante)
             for i in range(2)]
    assert rutas[0].read_bytes() == rutas[1].read_bytes()


def test_otra_imagen_con_el_mismo_nombre_rehace_el_plan(tmp_path, datos_ejemplo):
    """La huella de los datos cuenta el contenido del croquis, no su ruta: otra imagen en el mismo archivo
    rehace el plan; el mismo expediente en otra carpeta da el mismo manifiesto."""
    huellas = []
    for carpeta in ("a", "b"):
        (tmp_path / carpeta).mkdir()
        shutil.copy(expediente_ejemplo().parent / "croquis-ruta-ap1.png", tmp_path / carpeta / "ruta.png")
        carga = cargar(escribir_json(tmp_path / carpeta, _con_croquis(datos_ejemplo, "ruta.png")))
        resumen = formatos.generar(carga.expediente, tmp_path / carpeta / "salida", ["plan-anual-ap"])
        huellas.append((tmp_path / carpeta / "salida" / "manifiesto.json").read_bytes())
    assert huellas[0] == huellas[1]

    plan = carga.expediente.planes_anuales_ap[0]
    salida = io.BytesIO()
    ImagenPIL.new("RGB", (400, 300), "white").save(salida, format="PNG")
    (tmp_path / "b" / "ruta.png").write_bytes(salida.getvalue())
    otra = formatos.generar(carga.expediente, tmp_path / "b" / "salida", ["plan-anual-ap"], sobrescribir=True)
    estados = {r.ruta: r.estado for r in otra.resultados}
    assert estados[_ruta(resumen, plan.dni_acompanante)] == "generado"
    assert list(estados.values()).count("sin cambios") == len(estados) - 1
