"""Click en castellano: traduce todos los mensajes propios de click (uso, errores, ayuda).

click pasa cada mensaje por `gettext` (`_` y `ngettext` de sus módulos): aquí se cambian por una tabla.
`tests/test_cli_es.py` lee el código de click y falla si algún mensaje no tiene su traducción.
Los rangos («2019<=x<=2100») y los nombres de los tipos («integer range») no pasan por gettext: se cambian aparte.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.shell_completion
import click.termui
import click.types

from formatos.errores import ErrorFormatos, motivo_os


class _Nombre(str):
    """«la carpeta», «el archivo»: click los pone con mayúscula inicial (`title()`); aquí van en minúscula."""

    def title(self) -> str:
        return str(self)


TRADUCCIONES = {
    # core.py
    "(dynamic)": "(dinámico)",
    "Aborted!": "Cancelado.",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.":
        "Un argumento lleva exactamente una declaración; se recibieron {length}: {decls}.",
    "Boolean option {decl!r} cannot use the same flag for true/false.":
        "La opción de sí/no {decl!r} no puede usar la misma marca para sí y para no.",
    "Commands": "Órdenes",
    "Could not determine name for option with declarations {decls!r}":
        "No se pudo determinar el nombre de la opción declarada como {decls!r}",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "Aviso: la orden {name!r} está en desuso.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "Aviso: {param_type} {name!r} está en desuso.{extra_message}",
    "Got unexpected extra argument ({args})": "Sobra un argumento: {args}",
    "Got unexpected extra arguments ({args})": "Sobran argumentos: {args}",
    "Missing command.": "Falta la orden.",
    "Name '{name}' defined twice": "El nombre '{name}' está definido dos veces",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? Did you mean "
    "to pass '--{name}'?": "Se dio un nombre ({name}) sin opciones: ¿quería declarar un argumento, o escribir '--{name}'?",
    "Options": "Opciones",
    "Positional arguments": "Argumentos",
    "Takes {nargs} values but 1 was given.": "Lleva {nargs} valores, pero se dio 1.",
    "Takes {nargs} values but {len} were given.": "Lleva {nargs} valores, pero se dieron {len}.",
    "Value must be an iterable.": "El valor debe ser una lista.",
    "default: {default}": "por omisión: {default}",
    "deprecated": "en desuso",
    "env var: {var}": "variable de entorno: {var}",
    "required": "obligatoria",  # `_(extra["required"])`: no sale como texto en el código de click
    # decorators.py
    "%(prog)s, version %(version)s": "%(prog)s, versión %(version)s",
    "Confirm the action without prompting.": "Confirma la acción sin preguntar.",
    "Do you want to continue?": "¿Desea continuar?",
    "Show the version and exit.": "Muestra la versión y termina.",
    "Show this message and exit.": "Muestra esta ayuda y termina.",
    # exceptions.py
    "(Did you mean one of: {possibilities}?)": "(¿Quiso decir una de estas: {possibilities}?)",
    "Could not open file {filename!r}: {message}": "No se pudo abrir el archivo «{filename}»: {message}",
    "Did you mean {possibility}?": "¿Quiso decir {possibility}?",
    "Error: {message}": "Error: {message}",
    "Invalid value for {param_hint}: {message}": "Valor no válido para {param_hint}: {message}",
    "Invalid value: {message}": "Valor no válido: {message}",
    "Missing argument": "Falta el argumento",
    "Missing option": "Falta la opción",
    "Missing parameter": "Falta el parámetro",
    "Missing parameter: {param_name}": "Falta el parámetro: {param_name}",
    "Missing {param_type}": "Falta {param_type}",
    "No such command {name!r}.": "No existe la orden {name!r}.",
    "No such option {name!r}.": "No existe la opción {name!r}.",
    "Try '{command} {option}' for help.": "Pruebe '{command} {option}' para ver la ayuda.",
    "unknown error": "error desconocido",
    # formatting.py
    "Usage:": "Uso:",
    # parser.py
    "Argument {name!r} takes {nargs} values.": "El argumento {name!r} lleva {nargs} valores.",
    "Invalid start character for option ({option})": "Una opción no puede empezar así ({option})",
    "Option {name!r} does not take a value.": "La opción {name!r} no lleva valor.",
    "Option {name!r} requires an argument.": "La opción {name!r} necesita un valor.",
    "Option {name!r} requires {nargs} arguments.": "La opción {name!r} necesita {nargs} valores.",
    # shell_completion.py
    "Couldn't detect Bash version, shell completion is not supported.":
        "No se pudo saber la versión de Bash: no se puede completar las órdenes.",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "Completar las órdenes necesita Bash 4.4 o más reciente.",
    # termui.py, _termui_impl.py, _winconsole.py, utils.py
    "Error: The two entered values do not match.": "Error: los dos valores escritos no coinciden.",
    "Error: invalid input": "Error: lo escrito no es válido",
    "Press any key to continue...": "Pulse una tecla para continuar...",
    "Repeat for confirmation": "Repítalo para confirmar",
    "Unknown color {colour!r}": "Color desconocido: {colour!r}",
    "d": "d",
    "{editor}: Editing failed": "{editor}: no se pudo editar",
    "{editor}: Editing failed: {e}": "{editor}: no se pudo editar: {e}",
    "Windows error: {error}": "Error de Windows: {error}",
    "Unknown standard stream '{name}'": "Flujo estándar desconocido: '{name}'",
    # types.py
    "Choice({choices})": "Opción({choices})",
    "Choose from:\n\t{choices}": "Elija una de:\n\t{choices}",
    "directory": _Nombre("la carpeta"),
    "file": _Nombre("el archivo"),
    "path": _Nombre("la ruta"),
    "{len_type} values are required, but {len_value} was given.": "Se necesitan {len_type} valores, pero se dio {len_value}.",
    "{len_type} values are required, but {len_value} were given.":
        "Se necesitan {len_type} valores, pero se dieron {len_value}.",
    "{name} {filename!r} does not exist.": "No existe {name} «{filename}».",
    "{name} {filename!r} is a directory.": "«{filename}» es una carpeta (se esperaba {name}).",
    "{name} {filename!r} is a file.": "«{filename}» es un archivo (se esperaba {name}).",
    "{name} {filename!r} is not executable.": "{name} «{filename}» no es un programa.",
    "{name} {filename!r} is not readable.": "No se puede leer {name} «{filename}» (sin permiso).",
    "{name} {filename!r} is not writable.": "No se puede escribir en {name} «{filename}» (sin permiso).",
    "{value!r} does not match the format {format}.": "{value!r} no tiene la forma {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} no tiene ninguna de las formas {formats}.",
    "{value!r} is not a valid UUID.": "{value!r} no es un UUID válido.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} no es sí ni no. Valores válidos: {states}",
    "{value!r} is not a valid {number_type}.": "{value!r} no es un {number_type} válido.",
    "{value!r} is not one of {choices}.": "{value!r} no es una de estas opciones: {choices}.",
    "{value!r} is not {choice}.": "{value!r} no es {choice}.",
    "{value} is not in the range {range}.": "{value} está fuera del rango permitido: {range}.",
}
"""Cada mensaje de click (el texto que pasa por gettext) con su traducción."""


def _(texto: str) -> str:
    return TRADUCCIONES.get(texto, texto)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _(singular if n == 1 else plural)


_MODULOS = (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.shell_completion,
            click.termui, click.types)
for _modulo in _MODULOS:
    if hasattr(_modulo, "_"):
        setattr(_modulo, "_", _)
    if hasattr(_modulo, "ngettext"):
        setattr(_modulo, "ngettext", _ngettext)


# Los tipos se nombran en los mensajes («'x' no es un número entero válido») y en las ayudas.
click.types.IntParamType.name = "número entero"
click.types.IntRange.name = "número entero"
click.types.FloatParamType.name = "número"
click.types.FloatRange.name = "número"
click.types.BoolParamType.name = "sí o no"
click.types.Choice.name = "opción"
click.types.DateTime.name = "fecha y hora"
click.types.File.name = "archivo"
click.types.UUIDParameterType.name = "UUID"


def _rango(self: Any) -> str:
    """«de 2019 a 2100», «1 o más», «menos de 5» (click escribe «2019<=x<=2100»)."""
    if self.min is None:
        return f"menos de {self.max}" if self.max_open else f"{self.max} o menos"
    if self.max is None:
        return f"más de {self.min}" if self.min_open else f"{self.min} o más"
    desde = f"más de {self.min}" if self.min_open else f"de {self.min}"
    hasta = f"menos de {self.max}" if self.max_open else f"a {self.max}"
    return f"{desde} {hasta}"


setattr(click.types._NumberRangeBase, "_describe_range", _rango)


class Ruta(click.ParamType):
    """Una ruta de archivo o carpeta, comprobada con mensajes propios: qué hay (nada, una carpeta, un archivo, un
    enlace que se apunta a sí mismo) y qué se esperaba. `existe`: debe existir; `archivo`, `carpeta`: qué puede ser."""

    name = "ruta"

    def __init__(self, *, existe: bool = False, archivo: bool = True, carpeta: bool = True) -> None:
        self.existe, self.archivo, self.carpeta = existe, archivo, carpeta

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        ruta = Path(value)
        esperado = "un archivo" if not self.carpeta else "una carpeta" if not self.archivo else "un archivo o una carpeta"
        try:
            es_carpeta = ruta.is_dir()
            existe = ruta.exists() or ruta.is_symlink()
            ruta.stat() if existe else None
        except OSError as e:
            self.fail(f"«{ruta}»: {motivo_os(e)}", param, ctx)
        if not existe:
            if self.existe:
                self.fail(f"no existe «{ruta}» (se esperaba {esperado})", param, ctx)
            return ruta
        if es_carpeta and not self.carpeta:
            self.fail(f"«{ruta}» es una carpeta (se esperaba {esperado})", param, ctx)
        if not es_carpeta and not self.archivo:
            self.fail(f"«{ruta}» es un archivo (se esperaba {esperado})", param, ctx)
        return ruta


def _en_castellano(error: Exception) -> click.ClickException:
    """Lo que una orden no previó (un disco lleno, un permiso, un error de los datos): una línea, sin traceback."""
    if isinstance(error, OSError):
        nombre = f"«{error.filename}»: " if error.filename else ""
        return click.ClickException(f"{nombre}{motivo_os(error)}")
    return click.ClickException(str(error))


class Orden(click.Command):
    """Una orden con «[OPCIONES]» en la línea de uso; un error del sistema de archivos es un mensaje, no un traceback."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPCIONES]")
        kwargs.setdefault("context_settings", {"help_option_names": ["-h", "--ayuda", "--help"]})
        super().__init__(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (OSError, ErrorFormatos) as e:
            if isinstance(e, OSError) and e.errno == errno.EPIPE:
                raise  # la salida se cerró (`formatos lista | head`): nada que decir
            raise _en_castellano(e) from e


class Grupo(click.Group):
    command_class = Orden
    group_class = type

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPCIONES]")
        kwargs.setdefault("subcommand_metavar", "ORDEN [ARGUMENTOS]...")
        kwargs.setdefault("context_settings", {"help_option_names": ["-h", "--ayuda", "--help"]})
        super().__init__(*args, **kwargs)
