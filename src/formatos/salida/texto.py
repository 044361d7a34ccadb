"""Texto de los datos hecho seguro para el XML de Word: escapado, sin caracteres prohibidos, con saltos de línea."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from formatos.caracteres import PROHIBIDOS, limpiar

_ESPECIALES = re.compile(f"[&<>\"'{{}}\r\n]|{PROHIBIDOS.pattern}")
"""Lo que obliga a tomar el camino completo; sin nada de esto el texto pasa tal cual (lo más común)."""
_SALTO = '</w:t><w:br/><w:t xml:space="preserve">'
_LLAVES = str.maketrans({"{": "&#123;", "}": "&#125;"})
"""docxtpl convierte "{_{" en "{{" en el resultado: las llaves de los datos van como referencias de carácter."""


def para_word(valor: object) -> str:
    """`finalize` de Jinja: todo valor impreso en una plantilla pasa por aquí (y luego por `escape`).

    Escapa `& < > " ' { }`, quita caracteres prohibidos y convierte los saltos de línea en saltos de Word.
    Un valor ya marcado como seguro (Markup) pasa tal cual; un texto sin nada que cambiar, también
    (el `escape` de Jinja lo marca seguro sin tocarlo).
    """
    if type(valor) is not str:
        if isinstance(valor, Markup):
            return valor
        if hasattr(valor, "__html__"):  # una imagen de docxtpl (InlineImage): su XML va tal cual
            return Markup(valor.__html__())
        if valor is None:
            return ""
        valor = str(valor)
    if _ESPECIALES.search(valor) is None:
        return valor
    texto = limpiar(valor).replace("\r\n", "\n").replace("\r", "\n")
    return Markup(str(escape(texto)).translate(_LLAVES).replace("\n", _SALTO))
