"""Análisis: cifras derivadas del expediente validado (funciones puras, sin E/S)."""
