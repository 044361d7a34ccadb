"""Plantilla del informe final de la UGEL."""

from informe_periodo import construir_ugel


def construir(destino):
    construir_ugel(destino, "final")
