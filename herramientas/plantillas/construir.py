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
    "plan-individual": "plan_individual",
    "plan-institucional": "plan_institucional",
    "plan-anual-ugel": "plan_anual_ugel",
    "plan-anual-ap": "plan_anual_ap",
    "plan-mensual": "plan_mensual",

    # informes
    "informe-diagnostico-ap": "informe_diagnostico_ap",
    "informe-diagnostico-ugel": "informe_diagnostico_ugel",
    "informe-mensual": "informe_mensual",
    "informe-trimestral-ap": "informe_trimestral_ap",
    "informe-trimestral-ugel": "informe_trimestral_ugel",
    "informe-final-ap": "informe_final_ap",
    "informe-final-ugel": "informe_final_ugel",
    "reporte-buenas-practicas": "reporte_buenas_practicas",
    "reporte-buenas-practicas-ie": "reporte_buenas_practicas_ie",
    "informe-taller": "informe_taller",

    # pdf
    "carpeta-de-firmas": "carpeta_de_firmas",

    # consolidados
    "consolidado-valoraciones": "consolidado",
    "consolidado-protocolo": "consolidado",
}

if __name__ == "__main__":
    from formatos.salida.docx import zip_determinista

    for nombre in sys.argv[1:] or MODULOS:
        modulo = importlib.import_module(MODULOS[nombre])
        destino = DESTINO / f"{nombre}{getattr(modulo, 'EXTENSION', '.docx')}"
        modulo.construir(destino)
        destino.write_bytes(zip_determinista(destino.read_bytes()))  # mismo script, mismos bytes
        print(f"plantillas/{destino.name}")
