"""Límites con su mensaje: textos por clase de campo, números con mínimo y máximo, problemas impresos (y un
resumen); gráficos con emoji sin avisos ni cajas vacías; el ejemplo de la API con un AP desconocido."""

from __future__ import annotations

import copy
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

import formatos
from formatos.cli import LIMITE_PROBLEMAS, cli
from formatos.modelos.expediente import Expediente
from formatos.salida.graficos import dibujar, legible

from tests.conftest import escribir_json

RAIZ = Path(__file__).resolve().parent.parent


def _numeros_sin_limite(esquema: dict, ruta: str = "") -> list[str]:
    faltan = []
    if isinstance(esquema, dict):
        if esquema.get("type") in ("number", "integer") and "enum" not in esquema:
            abajo = "minimum" in esquema or "exclusiveMinimum" in esquema
            arriba = "maximum" in esquema or "exclusiveMaximum" in esquema
            if not (abajo and arriba):
                faltan.append(ruta)
        for clave, valor in esquema.items():
            faltan += _numeros_sin_limite(valor, f"{ruta}/{clave}")
    elif isinstance(esquema, list):
        for i, valor in enumerate(esquema):
            faltan += _numeros_sin_limite(valor, f"{ruta}/{i}")
    return faltan


def test_todo_numero_del_expediente_tiene_minimo_y_maximo():
    """Una clase de problema, no un caso: un campo numérico nuevo sin rango hace fallar esta prueba."""
    assert _numeros_sin_limite(Expediente.model_json_schema()) == []


def test_todo_texto_del_expediente_tiene_limite():
    from formatos.modelos.base import Modelo
    from formatos.modelos.tipos import LARGO_TEXTO

    assert Modelo.model_config["str_max_length"] == LARGO_TEXTO
    assert Modelo.model_config["allow_inf_nan"] is False


def test_un_texto_de_10_mb_no_pasa_validar_y_generar_no_se_rompe(tmp_path, datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["valoraciones"] = datos["valoraciones"][:2]
    datos["valoraciones_directivo"] = []
    datos["valoraciones"][0]["desempenos"][0]["evidencias"] = "a" * 10 * 2**20
    ruta = escribir_json(tmp_path, datos)
    r = CliRunner().invoke(cli, ["validar", str(ruta)])
    assert r.exit_code == 1
    assert ("valoraciones[0].desempenos[0].evidencias: es demasiado largo: puede tener a lo más 32,767 caracteres "
            "(tiene 10,485,760)") in r.output
    r = CliRunner().invoke(cli, ["generar", str(ruta), "--salida", str(tmp_path / "s"), "--formato", "matriz-docente",
                                 "--procesos", "1"])
    assert r.exit_code == 1 and "Traceback" not in r.output and "libxml" not in r.output.lower()
    assert len(list((tmp_path / "s" / "matriz-docente").rglob("*.docx"))) == 1  # la otra matriz sale igual


def test_muchos_problemas_se_resumen(tmp_path, datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    for visita in datos["visitas"]:
        visita["horas_asesoria"] = -1
    ruta = escribir_json(tmp_path, datos)
    r = CliRunner().invoke(cli, ["validar", str(ruta)])
    lineas = r.output.splitlines()
    assert sum("horas_asesoria: debe ser mayor o igual que 0" in l for l in lineas) == LIMITE_PROBLEMAS
    resumen = next(l for l in lineas if l.startswith("… y "))
    resto = len(formatos.cargar(ruta).problemas) - LIMITE_PROBLEMAS
    assert resumen.startswith(f"… y {resto:,} problema(s) más (")
    assert f"visitas: {len(datos['visitas']) - LIMITE_PROBLEMAS}" in resumen and "valoraciones: " in resumen
    assert resumen.endswith(f"Para verlos todos: formatos validar {ruta.name} --todos")
    todos = CliRunner().invoke(cli, ["validar", str(ruta), "--todos"]).output
    assert sum("horas_asesoria" in l for l in todos.splitlines()) == len(datos["visitas"])


# --- gráficos con emoji --------------------------------------------------------------------------------------
def test_emoji_en_una_etiqueta_sin_avisos_ni_cajas(capfd):
    grafico = {"grafico": "barras", "titulo": "Logro 🎉", "categorias": ["D1 😀", "D2 ✓"], "eje_y": "docentes 👩‍🏫",
               "series": [{"nombre": "AP Quispe 📚", "valores": [1, 2]}]}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # un aviso que se escapara haría fallar la prueba
        png = dibujar(grafico)
    salida = capfd.readouterr()
    assert salida.err == "" and salida.out == ""
    assert png.startswith(b"\x89PNG")
    sin_emoji = dibujar({**grafico, "titulo": "Logro", "eje_y": "docentes",
                         "series": [{"nombre": "AP Quispe", "valores": [1, 2]}]})
    assert png == sin_emoji  # un emoji que la letra no tiene no deja una caja: el gráfico es el del texto sin él
    assert legible("Ñandú ★ ✓ ½ 😀") == "Ñandú ★ ✓ ½ 😀"  # lo que la letra tiene (DejaVu trae algunas caras), sale
    assert legible("docentes 👩‍🏫") == "docentes"  # sin el emoji, tampoco la unión invisible (ZWJ)


def test_el_informe_con_emoji_no_imprime_avisos(tmp_path, datos_ejemplo):
    """Por la línea de órdenes, en otro proceso: ni una línea de matplotlib en la terminal."""
    datos = copy.deepcopy(datos_ejemplo)
    datos["acompanantes"][0]["apellidos"] += " 📚"
    ruta = escribir_json(tmp_path, datos)
    r = subprocess.run([sys.executable, "-m", "formatos", "generar", str(ruta), "--salida", str(tmp_path / "s"),
                        "--formato", "consolidado-protocolo", "--formato", "informe-final-ugel", "--procesos", "1"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert "Glyph" not in r.stderr and "Warning" not in r.stderr and "missing from" not in r.stderr


# --- el ejemplo de la API ---------------------------------------------------------------------------------------
def test_generar_lote_con_un_ap_desconocido(tmp_path):
    antes = set(RAIZ.iterdir())
    r = subprocess.run([sys.executable, str(RAIZ / "ejemplos" / "generar_lote.py"), "99999999"],
                       capture_output=True, text=True, timeout=300, cwd=RAIZ)
    assert r.returncode == 1
    assert "KeyError" not in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.startswith("No hay un AP con DNI 99999999 en el expediente. Los AP son: 41526378")
    assert set(RAIZ.iterdir()) == antes


def test_generar_lote_sin_carpeta_no_escribe_en_el_repositorio(tmp_path):
    antes = set(RAIZ.iterdir())
    r = subprocess.run([sys.executable, str(RAIZ / "ejemplos" / "generar_lote.py")], capture_output=True, text=True,
                       timeout=600, cwd=RAIZ)
    assert r.returncode == 0, r.stderr
    assert set(RAIZ.iterdir()) == antes
    carpeta = Path(r.stdout.strip().rsplit(" en ", 1)[1])
    assert carpeta.is_dir() and not carpeta.is_relative_to(RAIZ)
    assert len(list(carpeta.rglob("*.docx"))) > 10
    import shutil

    shutil.rmtree(carpeta)

