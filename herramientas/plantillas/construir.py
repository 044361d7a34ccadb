"""Rehace las plantillas de `plantillas/` desde los scripts de esta carpeta.

Uso: python herramientas/plantillas/construir.py [NOMBRE...]
Ojo: reemplaza las plantillas del repositorio (no las de una UGEL).
"""

import importlib
import sys
from pathlib import Path

AQUI = Path(__file__).resolve().parent
DESTINO = AQUI.parent.parent / "plantillas"
sys.path.insert(0, str(AQUI))

MODULOS = {
    "matriz-docente": "matriz_docente",
    "matriz-directivo": "matriz_directivo",
    # planes

    # informes

    # pdf
    "carpeta-de-firmas": "carpeta_de_firmas",

}

if __name__ == "__main__":
    for nombre in sys.argv[1:] or MODULOS:
        importlib.import_module(MODULOS[nombre]).construir(DESTINO / f"{nombre}.docx")
        print(f"plantillas/{nombre}.docx")
