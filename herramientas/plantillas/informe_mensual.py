"""Plantilla del informe mensual del AP."""

from informe_periodo import construir_ap


def construir(destino):
    construir_ap(destino, "mensual")
