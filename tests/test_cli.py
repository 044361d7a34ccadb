"""La línea de órdenes: validar, generar, lista, esquema, demo; mensajes y códigos de salida."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

from click.testing import CliRunner

from formatos.cli import cli
from formatos.registro import FORMATOS
from tests.conftest import escribir_json


def correr(*args):
    return CliRunner().invoke(cli, list(map(str, args)), prog_name="formatos")


def test_validar_ejemplo(tmp_path):
    r = correr("validar", "ejemplos/expediente-ejemplo.json")
    assert r.exit_code == 0, r.output
    assert "El expediente es válido" in r.output


def test_validar_expediente_malo(tmp_path, datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["docentes"][3]["dni"] = "4471234"
    datos["visitas"][0]["dni_docente"] = "99999999"
    datos["valoraciones"][0]["desempenos"][2]["nivel_alcanzado"] = "V"
    datos["valoraciones_directivo"][0]["desempenos"][0]["nivel_alcanzado"] = "III"
    r = correr("validar", escribir_json(tmp_path, datos))
    assert r.exit_code == 1
    lineas = r.output.splitlines()
    assert 'docentes[3].dni: debe tener 8 dígitos del 0 al 9 (se recibió "4471234")' in lineas
    assert 'visitas[0].dni_docente: "99999999" no existe en docentes' in lineas
    assert any(l.startswith("valoraciones[0].desempenos[2].nivel_alcanzado: debe ser un nivel I, II, III o IV") for l in lineas)
    assert any(l.startswith("valoraciones_directivo[0].desempenos[0]: en el rol de director no se establece nivel") for l in lineas)


def test_generar_con_un_registro_malo_produce_los_demas(tmp_path, datos_ejemplo):
    datos = copy.deepcopy(datos_ejemplo)
    datos["valoraciones"][0]["desempenos"][2]["nivel_alcanzado"] = "V"
    salida = tmp_path / "docs"
    r = correr("generar", escribir_json(tmp_path, datos), "--salida", salida, "--formato", "matriz-docente")
    assert r.exit_code == 1
    generados = list((salida / "matriz-docente").rglob("*.docx"))
    assert len(generados) == len(datos["valoraciones"]) - 1
    assert "reporte-errores.txt" in r.output
    assert "valoraciones[0].desempenos[2].nivel_alcanzado" in (salida / "reporte-errores.txt").read_text("utf-8")


def test_archivos_que_no_son_expedientes(tmp_path):
    vacio = tmp_path / "vacio.json"
    vacio.write_text("")
    assert "el archivo está vacío" in correr("validar", vacio).output
    roto = tmp_path / "roto.json"
    roto.write_text('{"anio": 2026,')
    r = correr("validar", roto)
    assert r.exit_code == 1 and "no es JSON válido (línea 1" in r.output
    r = correr("validar", tmp_path / "nada.json")
    assert r.exit_code == 2 and f"no existe «{tmp_path / 'nada.json'}» (se esperaba un archivo)" in r.output


def test_lista_y_esquema():
    r = correr("lista")
    assert r.exit_code == 0
    assert "plantillas/" not in r.output  # una instalación no tiene esa carpeta: solo el nombre del archivo
    lineas = r.output.splitlines()
    titulo = lineas[0]
    columnas = [titulo.index("Documento"), titulo.index("Plantilla")]
    for ident, f in FORMATOS.items():
        [i] = [k for k, l in enumerate(lineas) if l.startswith(ident + " ")]
        linea = lineas[i]
        assert linea[columnas[0] - 2:columnas[0]] == "  " and linea[columnas[0]] != " "  # columnas alineadas
        assert linea[columnas[1]:] == f.plantilla and linea[columnas[1] - 2:columnas[1]] == "  "
        partes = [linea[columnas[0]:columnas[1]].strip()]  # un título largo sigue en las líneas de abajo
        for siguiente in lineas[i + 1:]:
            if not siguiente.startswith(" " * columnas[0]) or not siguiente.strip():
                break
            partes.append(siguiente.strip())
        assert " ".join(partes) == f.titulo
    esquema = json.loads(correr("esquema").output)
    assert esquema["properties"]["docentes"]["type"] == "array"
    assert esquema["$defs"]["Docente"]["properties"]["dni"]["pattern"] == r"^[0-9]{8}$"
    matriz = json.loads(correr("esquema", "--formato", "matriz-docente").output)
    assert "filas" in matriz["properties"]
    directivo = json.loads(correr("esquema", "--formato", "matriz-directivo").output)
    assert "nivel_alcanzado" not in directivo["$defs"]["FilaMatrizDirectivo"]["properties"]


def test_formato_desconocido():
    r = correr("generar", "ejemplos/expediente-ejemplo.json", "--salida", "x", "--formato", "matriz")
    assert r.exit_code == 2 and "formato desconocido: matriz" in r.output


def test_ayuda_en_castellano():
    r = correr("--ayuda")
    assert "Uso: formatos [OPCIONES] ORDEN" in r.output and "Muestra esta ayuda y termina." in r.output
    r = correr("generar")
    assert "Falta el argumento 'ENTRADA'" in r.output
    r = correr("generar", "ejemplos/expediente-ejemplo.json", "--salida", "x", "--procesos", "dos")
    assert r.exit_code == 2 and "'dos' no es un número entero válido" in r.output


def test_python_m_formatos_demo(tmp_path):
    salida = tmp_path / "demo"
    r = subprocess.run([sys.executable, "-m", "formatos", "demo", "--salida", str(salida)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    for ident in FORMATOS:
        assert any((salida / ident).rglob("*.*")), ident
    assert "matriz-docente" in r.stdout
