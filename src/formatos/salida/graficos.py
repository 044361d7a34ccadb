"""Gráficos de barras para los documentos: dibujados con matplotlib, legibles en blanco y negro, deterministas.

Un valor del contexto es un gráfico si es un dict con la clave "grafico" ("barras" o "barras_apiladas"),
"titulo", "categorias", "series" (lista de {"nombre", "valores"}), "eje_y", "ancho_cm" y "enteros". Cada serie
se distingue por su tono de gris y su trama, no solo por el color. El eje empieza en 0; si los valores son
cantidades ("enteros", por omisión), sus marcas son enteras, aunque todo sea cero. Las cifras, como en es_PE.

La letra es DejaVu Sans, la que trae matplotlib (mismos bytes en cualquier máquina). Un carácter que no tiene
(un emoji, una escritura que no cubre) no sale en el gráfico, en vez de una caja vacía: el texto completo está
en la tabla de al lado. matplotlib no escribe avisos en la terminal.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from functools import cache
from typing import Any

from formatos.numeros import numero

GRISES = ("#ffffff", "#c8c8c8", "#7f7f7f", "#303030", "#e6e6e6", "#a0a0a0")
TRAMAS = ("", "///", "...", "", "xxx", "\\\\\\")
ESTILO = {
    "font.family": "DejaVu Sans",  # incluida en matplotlib: mismos bytes en cualquier máquina
    "font.size": 8,
    "hatch.linewidth": 0.6,
    "svg.hashsalt": "formatos",
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def es_grafico(valor: Any) -> bool:
    return isinstance(valor, dict) and valor.get("grafico") in ("barras", "barras_apiladas") and "series" in valor


def dibujar(grafico: dict) -> bytes:
    """El gráfico como PNG (200 ppp, sin metadatos variables).

    matplotlib se importa aquí, al dibujar el primero: pesa unos 60 MB y casi ningún documento lo usa."""
    plt = _pyplot()
    categorias = [legible(c) for c in grafico["categorias"]]
    series = [{**s, "nombre": legible(s["nombre"])} for s in grafico["series"]]
    apilado = grafico["grafico"] == "barras_apiladas"
    ancho_cm = grafico.get("ancho_cm", 16)
    with plt.rc_context(ESTILO), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # p. ej. «Glyph … missing from font»: en inglés y para nadie
        figura, ejes = plt.subplots(figsize=(ancho_cm / 2.54, grafico.get("alto_cm", 7) / 2.54))
        posiciones = range(len(categorias))
        n = max(len(series), 1)
        ancho = 0.8 if apilado else 0.8 / n
        base = [0.0] * len(categorias)
        for i, serie in enumerate(series):
            valores = [float(v) for v in serie["valores"]]
            xs = [p if apilado else p - 0.4 + ancho * (i + 0.5) for p in posiciones]
            barras = ejes.bar(xs, valores, ancho, bottom=base if apilado else None, label=serie["nombre"],
                              color=GRISES[i % len(GRISES)], hatch=TRAMAS[i % len(TRAMAS)], edgecolor="black", linewidth=0.6)
            if not apilado:
                ejes.bar_label(barras, labels=[_numero(v) for v in valores], fontsize=6, padding=1)
            else:
                base = [b + v for b, v in zip(base, valores)]
        ejes.set_xticks(list(posiciones), categorias)
        ejes.set_ylabel(legible(grafico.get("eje_y", "")))
        maximo = max(base, default=0) if apilado else max((float(v) for s in series for v in s["valores"]), default=0)
        _eje_desde_cero(ejes, grafico.get("enteros", True), maximo)
        ejes.set_title(legible(grafico.get("titulo", "")), fontsize=9, fontweight="bold")
        lineas = max((str(c).count("\n") + 1 for c in categorias), default=1)  # la leyenda, bajo las categorías
        ejes.legend(fontsize=7, frameon=False, ncol=min(n, 4), loc="upper center",
                    bbox_to_anchor=(0.5, -0.12 - 0.08 * (lineas - 1)))
        figura.tight_layout()
        salida = io.BytesIO()
        figura.savefig(salida, format="png", dpi=200, metadata={"Software": None})
        plt.close(figura)
    return salida.getvalue()


def _eje_desde_cero(ejes, enteros: bool, maximo: float) -> None:
    """El eje de valores desde 0 (nunca negativo: son cantidades); con `enteros`, marcas 0, 1, 2…"""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ejes.set_ylim(0, maximo * 1.12 if maximo > 0 else 1)
    ejes.yaxis.set_major_locator(MaxNLocator(integer=enteros, min_n_ticks=1, steps=[1, 2, 2.5, 5, 10]))
    ejes.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: numero(v)))


@cache
def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    logging.getLogger("matplotlib").setLevel(logging.ERROR)
    import matplotlib.pyplot as plt

    return plt


_INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufe00-\ufe0f\ufeff\U000e0000-\U000e01ef]")
"""Unión de emoji (ZWJ), selectores de variante y otros invisibles: sin el emoji, no unen nada."""


@cache
def _cubiertos() -> frozenset[int]:
    """Los caracteres que tienen DejaVu Sans y DejaVu Sans Bold (la del título)."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    cubiertos: set[int] | None = None
    for peso in ("normal", "bold"):
        ruta = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans", weight=peso), fallback_to_default=True)
        mapa = set(FT2Font(ruta).get_charmap())
        cubiertos = mapa if cubiertos is None else cubiertos & mapa
    return frozenset(cubiertos or ())


def legible(texto: Any) -> str:
    """El texto sin los caracteres que la letra de los gráficos no tiene (saldrían como una caja vacía)."""
    texto = str(texto)
    if texto.isascii():
        return texto
    cubiertos = _cubiertos()
    limpio = "".join(c for c in texto if (ord(c) in cubiertos or c in "\n\t") and not _INVISIBLE.match(c))
    return re.sub(r" {2,}", " ", limpio).strip() if limpio != texto else texto


def _numero(v: float) -> str:
    return numero(v, 1)
