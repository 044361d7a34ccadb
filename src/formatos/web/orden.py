"""La orden `formatos web` (la CLI la agrega; Starlette y uvicorn se importan solo al ejecutarla)."""

from __future__ import annotations

import os
import sys

import click

from formatos.cli_es import Orden

VARIABLE_CONTRASENA = "FORMATOS_WEB_CONTRASENA"
MINIMO_CONTRASENA = 8


def _contrasena() -> str:
    """La contraseña de la red: de FORMATOS_WEB_CONTRASENA o escrita (dos veces) al iniciar."""
    valor = os.environ.get(VARIABLE_CONTRASENA)
    if valor is None:
        if not sys.stdin.isatty():
            raise click.UsageError(f"con --red hace falta una contraseña: escríbala al iniciar (en una ventana de "
                                   f"órdenes) o póngala en la variable de entorno {VARIABLE_CONTRASENA}")
        while True:
            valor = click.prompt("Contraseña para entrar a la página (la pedirá a cada colega)", hide_input=True,
                                 prompt_suffix=": ")
            if click.prompt("Repita la contraseña", hide_input=True, prompt_suffix=": ") == valor:
                break
            click.echo("Las dos contraseñas no coinciden; escríbalas otra vez.", err=True)
    if len(valor) < MINIMO_CONTRASENA:
        raise click.UsageError(f"la contraseña debe tener al menos {MINIMO_CONTRASENA} caracteres")
    return valor


@click.command("web", cls=Orden)
@click.option("--puerto", type=click.IntRange(0, 65535), default=8765, show_default=True, metavar="N",
              help="Puerto de la página (0: uno libre). Si está ocupado, se usa otro libre.")
@click.option("--no-abrir", is_flag=True, help="No abre el navegador: solo muestra la dirección.")
@click.option("--red", is_flag=True,
              help="Abre la página a la red local de la UGEL, con una contraseña que usted fija "
                   f"(se pide al iniciar, o en la variable {VARIABLE_CONTRASENA}). Sin esta opción, solo este equipo "
                   "puede abrirla.")
@click.option("--caducidad", type=click.IntRange(1, 7 * 24 * 60), default=120, show_default=True, metavar="MINUTOS",
              help="Borra los archivos de un trabajo tras estos minutos sin usarlo (al detener la página se borran todos).")
@click.option("--limite-subida", type=click.IntRange(1, 2048), default=50, show_default=True, metavar="MB",
              help="Tamaño máximo del archivo que se puede subir.")
def web(puerto: int, no_abrir: bool, red: bool, caducidad: int, limite_subida: int) -> None:
    """Abre la página para descargar el libro, revisarlo y generar los documentos en el navegador."""
    contrasena = _contrasena() if red else None
    from formatos.web.app import Ajustes
    from formatos.web.seguridad import Acceso, nombres_del_equipo
    from formatos.web.servidor import LOCAL, TODAS, abrir_puerto, ips_locales, servir

    try:
        conexion = abrir_puerto(TODAS if red else LOCAL, puerto, otro_si_ocupado=True)
    except OSError as e:
        raise click.ClickException(f"no se pudo abrir el puerto {puerto}: {e.strerror}") from e
    puerto_real = conexion.getsockname()[1]
    acceso = Acceso(puerto_real, contrasena=contrasena, nombres=nombres_del_equipo() if red else frozenset())
    ajustes = Ajustes(acceso, caducidad=caducidad * 60, limite_subida=limite_subida * 2**20)
    local = acceso.direccion()
    if red:
        linea = "=" * 78
        click.secho(linea, fg="yellow", bold=True)
        click.secho(f" ATENCIÓN: la página queda abierta a la RED LOCAL (puerto {puerto_real}).", fg="yellow", bold=True)
        click.echo(" Cualquier equipo de la red que tenga la contraseña puede subir datos y descargar lo que")
        click.echo(" genere. La conexión NO va cifrada (http): úsela solo dentro de la red de la UGEL, nunca en")
        click.echo(" una red pública ni en un wifi abierto. Cada persona ve solo sus propios archivos.")
        click.secho(linea, fg="yellow", bold=True)
        ips = ips_locales()
        click.echo("Direcciones para los colegas: " + (", ".join(f"http://{ip}:{puerto_real}/" for ip in ips)
                                                     or "(no se encontró la IP de este equipo)"))
        click.echo(f"En este equipo: {local}")
    else:
        click.echo("formatos web está funcionando. Ábralo en el navegador con esta dirección"
                   + (":" if no_abrir else " (se abrirá solo):"))
        click.echo(f"\n    {local}\n")
        click.echo("Solo este equipo puede abrirla, y solo con esa dirección completa.")
    click.echo(f"Los archivos subidos y generados quedan en una carpeta temporal que se borra al detener la página "
               f"o tras {caducidad} minutos sin usarlos.")
    click.echo("Para detenerla: Ctrl+C en esta ventana.")

    def al_terminar() -> None:
        click.echo("\nformatos web se detuvo; se borraron los archivos temporales.")

    servir(ajustes, conexion, abrir=None if no_abrir else local, al_terminar=al_terminar)
