"""Lo que ahorra memoria no cambia nada: nombres de campos compartidos, lectura del JSON, el lote, importaciones."""

from __future__ import annotations

import subprocess
import sys


def test_importar_formatos_no_trae_matplotlib_ni_openpyxl():
    """Pesan ~60 y ~20 MB: se importan al dibujar un gráfico o al usar un libro de Excel."""
    orden = ("import sys, formatos; from formatos.salida.graficos import es_grafico; "
             "print(sorted(m for m in ('matplotlib', 'numpy', 'openpyxl') if m in sys.modules))")
    salida = subprocess.run([sys.executable, "-c", orden], capture_output=True, text=True, check=True).stdout
    assert salida.strip() == "[]"
