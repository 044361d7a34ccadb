"""Los números como se escriben en todo lo que produce `formatos`: la convención de Babel para es_PE.

Una sola convención en Word, Excel, gráficos y la línea de órdenes: separador decimal y de miles, símbolo
de porcentaje y de moneda salen de los datos del locale es_PE de Babel (CLDR), no de código propio:
12,600.5 · 92.9% · S/ 12,600.00 · 0.5 h.
"""

from __future__ import annotations

from babel.numbers import format_currency, format_decimal, format_percent

LOCALE = "es_PE"


def numero(valor: float, decimales: int = 2) -> str:
    """12600 → "12,600"; 2.5 → "2.5"; 4.0 → "4" (sin ceros decimales de sobra)."""
    return format_decimal(valor, format="#,##0." + "#" * decimales if decimales else "#,##0", locale=LOCALE)


def porcentaje(valor: float, decimales: int = 1) -> str:
    """Un porcentaje dado de 0 a 100: 92.86 → "92.9%"; 50 → "50%" (el patrón de es_PE, con hasta un decimal)."""
    return format_percent(valor / 100, format="#,##0." + "#" * decimales + "%" if decimales else "#,##0%", locale=LOCALE)


def soles(monto: float) -> str:
    """12600 → "S/ 12,600.00"."""
    return format_currency(monto, "PEN", locale=LOCALE)


def horas(valor: float) -> str:
    """2 → "2 h"; 0.5 → "0.5 h"."""
    return f"{numero(valor)} h"


def cantidad_de(n: float, total: float) -> str:
    """Una cantidad con su porcentaje del total: "3 (42.9%)"; sin total, "—"."""
    return f"{numero(n)} ({porcentaje(100 * n / total)})" if total else "—"


def ordinal(n: int, apocope: bool = False) -> str:
    """3 → "3.°" ("3.° grado"). Con `apocope`, ante un sustantivo masculino singular, primer y tercer se
    abrevian "1.er" y "3.er": "1.er taller", "2.° taller", "3.er día" (como se escriben primer, segundo, tercer)."""
    if apocope and n % 10 in (1, 3) and n % 100 not in (11, 13):
        return f"{n}.er"
    return f"{n}.°"
