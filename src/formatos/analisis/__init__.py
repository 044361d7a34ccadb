"""Análisis: funciones puras sobre el expediente validado (no generan documentos)."""
