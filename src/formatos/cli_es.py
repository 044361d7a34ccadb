"""Click en castellano: traduce los mensajes propios de click (uso, errores, ayuda)."""

from __future__ import annotations

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

_TRADUCCIONES = {
    "Usage:": "Uso:",
    "Options": "Opciones",
    "Commands": "Órdenes",
    "Positional arguments": "Argumentos",
    "Show this message and exit.": "Muestra esta ayuda y termina.",
    "Show the version and exit.": "Muestra la versión y termina.",
    "Error: {message}": "Error: {message}",
    "Try '{command} {option}' for help.": "Pruebe '{command} {option}' para ver la ayuda.",
    "Missing argument": "Falta el argumento",
    "Missing option": "Falta la opción",
    "Missing parameter": "Falta el parámetro",
    "Missing command.": "Falta la orden.",
    "No such command {name!r}.": "No existe la orden {name!r}.",
    "No such option {name!r}.": "No existe la opción {name!r}.",
    "Option {name!r} does not take a value.": "La opción {name!r} no lleva valor.",
    "Invalid value for {param_hint}: {message}": "Valor no válido para {param_hint}: {message}",
    "Invalid value: {message}": "Valor no válido: {message}",
    "Aborted!": "Cancelado.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} no existe.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} es una carpeta.",
    "{name} {filename!r} is a file.": "{name} {filename!r} es un archivo.",
    "{value!r} is not a valid {number_type}.": "{value!r} no es un {number_type} válido.",
    "{value} is not in the range {range}.": "{value} no está en el rango {range}.",
    "default: {default}": "por omisión: {default}",
    "path": "la ruta",
    "file": "el archivo",
    "directory": "la carpeta",
    "required": "obligatorio",
}


def _(texto: str) -> str:
    return _TRADUCCIONES.get(texto, texto)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _(singular if n == 1 else plural)


for _modulo in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
    if hasattr(_modulo, "_"):
        setattr(_modulo, "_", _)
    if hasattr(_modulo, "ngettext"):
        setattr(_modulo, "ngettext", _ngettext)


# Los tipos numéricos se nombran en los mensajes («'x' no es un número entero válido») y en las ayudas.
click.types.IntParamType.name = "número entero"
click.types.FloatParamType.name = "número"


class Orden(click.Command):
    """Una orden con «[OPCIONES]» en la línea de uso."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPCIONES]")
        kwargs.setdefault("context_settings", {"help_option_names": ["-h", "--ayuda", "--help"]})
        super().__init__(*args, **kwargs)


class Grupo(click.Group):
    command_class = Orden
    group_class = type

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPCIONES]")
        kwargs.setdefault("subcommand_metavar", "ORDEN [ARGUMENTOS]...")
        kwargs.setdefault("context_settings", {"help_option_names": ["-h", "--ayuda", "--help"]})
        super().__init__(*args, **kwargs)
