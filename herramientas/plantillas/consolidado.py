"""Plantilla de los consolidados en Excel: un libro vacío con los estilos de celda que usa el renderizador.

Una UGEL puede abrir la plantilla en Excel y cambiar estos estilos (Inicio > Estilos de celda).
"""

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

from formatos.excel import guardar

EXTENSION = ".xlsx"
LETRA = "Calibri"
# Colores de los niveles: rojo, ámbar, verde y azul suaves, legibles impresos en gris.
NIVELES = {"I": ("F8CBAD", "833C0B"), "II": ("FFE699", "7F6000"), "III": ("C6E0B4", "375623"), "IV": ("9DC3E6", "1F3864")}


def _relleno(color: str) -> PatternFill:
    return PatternFill("solid", start_color=color, end_color=color)


def construir(destino: Path) -> None:
    libro = Workbook()
    libro.active.title = "Consolidado"
    estilos = [
        NamedStyle("Título", font=Font(name=LETRA, size=14, bold=True, color="1F4E79")),
        NamedStyle("Subtítulo", font=Font(name=LETRA, size=11, bold=True, color="404040")),
        NamedStyle("Encabezado", font=Font(name=LETRA, bold=True, color="FFFFFF"), fill=_relleno("1F4E79"),
                   alignment=Alignment(wrap_text=True, vertical="center"),
                   border=Border(bottom=Side("thin", color="808080"))),
    ]
    for nivel, (fondo, letra) in NIVELES.items():
        estilos.append(NamedStyle(f"Nivel {nivel}", font=Font(name=LETRA, bold=True, color=letra), fill=_relleno(fondo),
                                  alignment=Alignment(horizontal="center", wrap_text=True)))
    for estilo in estilos:
        libro.add_named_style(estilo)
    libro.active["A1"] = "Plantilla de los consolidados de formatos: solo se usan sus estilos de celda."
    destino.write_bytes(guardar(libro))
