"""Las filas que se repiten (`{%tr for %}`) listas para imprimir, en Word y en LibreOffice.

Dos propiedades de una fila de tabla no sirven tal cual cuando la fila se repite una vez por dato:

- **Conservar con el siguiente** (`w:keepNext` en sus párrafos): en cada repetición ataría toda la tabla al
  párrafo que la sigue, y una tabla que no cabe en lo que queda de la página saltaría entera a la siguiente.
  Lo que se quiere es que la *última* fila no quede separada de lo que sigue (el lugar y la fecha, las
  firmas): en la fila repetida, la propiedad vale solo para su última repetición (`loop.last`).
- **No dividir la fila entre páginas** (`w:cantSplit`): Word corta, sin avisar, una fila así que es más alta
  que la página (el texto que no cabe no se imprime). La propiedad vale solo para las filas cuyos textos
  caben con holgura en una página: cada dato de la fila con hasta `LARGO_MAXIMO` caracteres. Una fila con un
  texto más largo se parte entre páginas y se imprime completa.

`preparar_filas` hace el cambio sobre el XML de la plantilla ya preparado por docxtpl (`patch_xml`), una vez
por plantilla; la plantilla en disco no cambia (en Word se ve y se edita como cualquier tabla).
"""

from __future__ import annotations

import re

LARGO_MAXIMO = 500
"""Caracteres de un dato de la fila (un texto, o los de una lista sumados) hasta los que la fila no se
divide: en la columna más angosta de los formatos (~2,2 cm, letra de 8 puntos, ~13 caracteres por línea) son
unas 40 líneas, menos de 14 cm: caben en una página vertical u horizontal, bajo el encabezado de la tabla."""

_FILA = re.compile(r"(\{%-?\s*for\s+(\w+)\s+in\b(?:[^%]|%(?!\}))*%\})(<w:tr[ >].*?</w:tr>)(?=\{%-?\s*endfor\s*-?%\})", re.S)
_PIEZA = re.compile(r'\{%-?\s*(for|endfor)\b(?:[^%]|%(?!\}))*%\}|<w:keepNext(?: w:val="(?:1|true|on)")?/>')
_NO_DIVIDIR = re.compile(r'<w:cantSplit(?: w:val="(?:1|true|on)")?/>')


def _fila(coincidencia: re.Match) -> str:
    inicio, variable, fila = coincidencia.groups()
    fila = _NO_DIVIDIR.sub(lambda _: "{% if " + variable + " is fila_corta %}<w:cantSplit/>{% endif %}", fila, count=1)
    partes, nivel, ultimo = [], 0, 0
    for pieza in _PIEZA.finditer(fila):
        if pieza[1] == "for":
            nivel += 1
        elif pieza[1] == "endfor":
            nivel -= 1
        elif nivel == 0:  # un keepNext de la fila misma (no de un bucle dentro de una celda)
            partes += [fila[ultimo:pieza.start()], "{% if loop.last %}<w:keepNext/>{% endif %}"]
            ultimo = pieza.end()
    return inicio + "".join(partes) + fila[ultimo:]


def preparar_filas(xml: str) -> str:
    """El XML de una parte de la plantilla (tras `patch_xml`) con sus filas repetidas listas para imprimir."""
    if "<w:keepNext" not in xml and "<w:cantSplit" not in xml:
        return xml
    return _FILA.sub(_fila, xml)


def _largo(valor: object) -> int:
    if isinstance(valor, str):
        return len(valor)
    if isinstance(valor, dict):
        return sum(_largo(v) for v in valor.values())
    if isinstance(valor, (list, tuple)):
        return sum(_largo(v) for v in valor)
    return len(str(valor)) if valor is not None else 0


def fila_corta(dato: object) -> bool:
    """Prueba de Jinja (`f is fila_corta`): cada dato de la fila tiene hasta `LARGO_MAXIMO` caracteres."""
    valores = dato.values() if isinstance(dato, dict) else [dato]
    return all(_largo(v) <= LARGO_MAXIMO for v in valores)
