"""Una rueda instalada (no editable) encuentra sus plantillas y su ejemplo sin el repositorio."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent


def test_rueda_trae_plantillas_y_ejemplo(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp_path / "rueda"), str(RAIZ)], check=True, capture_output=True)
    rueda = next((tmp_path / "rueda").glob("formatos-*.whl"))
    nombres = zipfile.ZipFile(rueda).namelist()
    plantillas = sorted(p.name for p in (RAIZ / "plantillas").glob("*.docx"))
    assert plantillas and all(f"formatos/plantillas/{p}" in nombres for p in plantillas)
    assert "formatos/ejemplos/expediente-ejemplo.json" in nombres
    assert "formatos/ejemplos/croquis-ruta-ap1.png" in nombres  # el croquis del plan anual del AP del ejemplo
    assert "formatos/datos/catalogo.toml" in nombres
    web = RAIZ / "src" / "formatos" / "web"  # la página web: plantillas, estilo y JavaScript van en la rueda
    recursos = sorted(p.relative_to(web.parent.parent).as_posix() for p in web.rglob("*.*")
                      if p.suffix in (".html", ".css", ".js", ".svg"))
    assert len(recursos) >= 8 and all(r in nombres for r in recursos)

    # Instalada en una carpeta aparte y ejecutada lejos del repositorio.
    destino = tmp_path / "instalada"
    zipfile.ZipFile(rueda).extractall(destino)
    entorno = dict(os.environ, PYTHONPATH=str(destino))
    r = subprocess.run([sys.executable, "-m", "formatos", "demo", "--salida", str(tmp_path / "demo")],
                       cwd=tmp_path, env=entorno, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    r2 = subprocess.run([sys.executable, "-c", "import formatos.recursos as r; print(r.carpeta_plantillas())"],
                        cwd=tmp_path, env=entorno, capture_output=True, text=True)
    assert r2.stdout.strip().startswith(str(destino))
    assert list((tmp_path / "demo" / "matriz-docente").rglob("*.docx"))
    r3 = subprocess.run([sys.executable, "-c", "import formatos.web.app as a; print(a.CARPETA)"],
                        cwd=tmp_path, env=entorno, capture_output=True, text=True)
    assert r3.stdout.strip().startswith(str(destino)), r3.stderr
