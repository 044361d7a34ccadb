"""Los errores de Jinja (sintaxis, datos inexistentes, entorno aislado) en castellano."""

from __future__ import annotations

import re
from collections.abc import Callable

from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

_FICHAS = {
    "end of print statement": "}}",
    "end of statement block": "%}",
    "end of template": "el final de la plantilla",
    "name": "un nombre",
    "integer": "un número",
    "string": "un texto",
}


def _ficha(texto: str) -> str:
    return _FICHAS.get(texto, texto)


_SINTAXIS: list[tuple[str, str | Callable[[re.Match[str]], str]]] = [
    (r"unexpected end of template.*", "la etiqueta o el bloque no se cierra antes del final"),
    (r"unexpected '(.+?)', expected '(.+?)'", lambda m: f"sobra «{m[1]}»; se esperaba «{m[2]}»"),
    (r"unexpected '(.+?)'", lambda m: f"sobra «{m[1]}» (revise las llaves y los paréntesis)"),
    (r"unexpected char (.+?) at \d+", lambda m: f"carácter no permitido {m[1]} (¿falta cerrar unas comillas?)"),
    (r"expected token '(.+?)', got '(.+?)'",
     lambda m: f"se esperaba «{_ficha(m[1])}» y se encontró «{_ficha(m[2])}» (¿falta un punto o sobra un espacio?)"),
    (r"expected an expression, got '(.+?)'", lambda m: f"falta el dato o la expresión antes de «{_ficha(m[1])}»"),
    (r"expected name or number", "después del punto falta el nombre del dato"),
    (r"encountered unknown tag '(\w+)'.*", lambda m: f"«{m[1]}» no es una instrucción de plantilla conocida"),
    (r"tag name expected", "falta la instrucción después de «{%»"),
]


def mensaje_jinja(error: TemplateError) -> str:
    """El mensaje en castellano de un error de plantilla (al leerla o al llenarla)."""
    texto = error.message or str(error)
    if isinstance(error, TemplateSyntaxError):
        for patron, traduccion in _SINTAXIS:
            m = re.fullmatch(patron, texto, re.IGNORECASE | re.DOTALL)
            if m:
                return "error de sintaxis: " + (traduccion if isinstance(traduccion, str) else traduccion(m))
        return f"error de sintaxis ({texto})"
    if isinstance(error, SecurityError):
        m = re.search(r"attribute '(.+?)'", texto)
        que = f"«{m[1]}», " if m else ""
        return (f"la plantilla intenta usar {que}una parte interna de Python: no está permitido (las plantillas "
                "se llenan en un entorno aislado y solo pueden usar los datos del formato)")
    if isinstance(error, UndefinedError):
        m = re.fullmatch(r"'(.+?)' has no attribute '(.+?)'", texto) or re.fullmatch(r"'(.+?)' is undefined", texto)
        dato = m[m.lastindex or 0] if m else texto
        return (f"la plantilla usa «{dato}», que no es un dato de este formato "
                "(revísela con `formatos plantilla verificar`)")
    return f"la plantilla no se pudo llenar ({texto})"
