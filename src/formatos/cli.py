"""La línea de órdenes `formatos` (en castellano). Cada orden llama a la misma función que la API de Python."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from formatos import __version__
from formatos.cli_es import Grupo
from formatos.entrada import a_excel, a_json, cargar
from formatos.lote import escribir_atomico
from formatos.lote import generar as generar_lote
from formatos.modelos.expediente import Carga, Expediente
from formatos.recursos import expediente_ejemplo
from formatos.registro import FORMATOS


def _mostrar_problemas(carga: Carga) -> None:
    for p in carga.problemas:
        click.echo(str(p), err=True)


def _elegir_formatos(nombres: tuple[str, ...]) -> list[str]:
    desconocidos = [n for n in nombres if n not in FORMATOS]
    if desconocidos:
        raise click.UsageError(
            f"formato desconocido: {', '.join(desconocidos)}. Disponibles: {', '.join(FORMATOS)}"
        )
    return list(nombres) or list(FORMATOS)


def _ejecutar(entrada: Path, salida: Path, formatos: list[str], sobrescribir: bool) -> int:
    carga = cargar(entrada)
    _mostrar_problemas(carga)
    if carga.expediente is None:
        click.echo(f"No se generó nada: {entrada.name} no se pudo leer.", err=True)
        return 1
    resumen = generar_lote(carga.expediente, salida, formatos, sobrescribir=sobrescribir, problemas=carga.problemas)
    click.echo(f"\n{'Formato':<28}{'generados':>10}{'sin cambios':>13}{'fallidos':>10}")
    for formato, cuenta in resumen.conteo().items():
        click.echo(f"{formato:<28}{cuenta['generado']:>10}{cuenta['sin cambios']:>13}{cuenta['fallido']:>10}")
    click.echo(f"\nDocumentos en {salida}")
    if resumen.reporte_errores:
        click.echo(f"Hubo problemas: vea {resumen.reporte_errores}", err=True)
        return 1
    return 0


@click.group(cls=Grupo)
@click.version_option(__version__, "--version", message="formatos %(version)s")
def cli() -> None:
    """Documentos oficiales del acompañamiento pedagógico multigrado (Minedu), listos para firmar."""


@cli.command()
@click.option("--salida", type=click.Path(path_type=Path), metavar="CARPETA", default=Path("formatos-demo"), show_default=True,
              help="Carpeta donde se guardan los documentos.")
@click.option("--sobrescribir", is_flag=True, help="Reemplaza los archivos que ya existan con otro contenido.")
def demo(salida: Path, sobrescribir: bool) -> None:
    """Genera todos los formatos de la UGEL de ejemplo."""
    sys.exit(_ejecutar(expediente_ejemplo(), salida, list(FORMATOS), sobrescribir))


@cli.command()
@click.argument("entrada", type=click.Path(path_type=Path))
@click.option("--salida", type=click.Path(path_type=Path), metavar="CARPETA", required=True, help="Carpeta donde se guardan los documentos.")
@click.option("--formato", "formatos", multiple=True, metavar="NOMBRE",
              help="Solo este formato (se puede repetir). Vea `formatos lista`.")
@click.option("--sobrescribir", is_flag=True, help="Reemplaza los archivos que ya existan con otro contenido.")
def generar(entrada: Path, salida: Path, formatos: tuple[str, ...], sobrescribir: bool) -> None:
    """Genera los documentos de un expediente (ENTRADA: archivo .json o libro .xlsx)."""
    sys.exit(_ejecutar(entrada, salida, _elegir_formatos(formatos), sobrescribir))


@cli.command()
@click.argument("entrada", type=click.Path(path_type=Path))
def validar(entrada: Path) -> None:
    """Revisa un expediente (.json o .xlsx) y lista cada problema con su ubicación (hoja, fila y columna en Excel)."""
    carga = cargar(entrada)
    _mostrar_problemas(carga)
    if carga.errores or carga.expediente is None:
        click.echo(f"{len(carga.errores)} error(es), {len(carga.advertencias)} advertencia(s).", err=True)
        sys.exit(1)
    click.echo(f"El expediente es válido ({len(carga.advertencias)} advertencia(s)).")


def _no_reemplazar(destino: Path, sobrescribir: bool) -> None:
    if destino.exists() and not sobrescribir:
        raise click.UsageError(f"{destino} ya existe; use --sobrescribir para reemplazarlo")


@cli.command()
@click.argument("archivo", type=click.Path(path_type=Path))
@click.option("--ugel", metavar="NOMBRE", help='Nombre de la UGEL, p. ej. "UGEL San Marcos".')
@click.option("--anio", type=click.IntRange(2019, 2100), metavar="AÑO", help="Año lectivo.")
@click.option("--sobrescribir", is_flag=True, help="Reemplaza el archivo si ya existe.")
def captura(archivo: Path, ugel: str | None, anio: int | None, sobrescribir: bool) -> None:
    """Crea el libro de Excel en blanco para llenar los datos de un año (ARCHIVO: .xlsx)."""
    if archivo.suffix.lower() != ".xlsx":
        raise click.UsageError("el libro de captura debe terminar en .xlsx")
    _no_reemplazar(archivo, sobrescribir)
    escribir_atomico(archivo, a_excel(None, ugel, anio))
    click.echo(f"Libro de captura creado: {archivo}. Llénelo y revíselo con: formatos validar {archivo.name}")


@cli.command()
@click.argument("entrada", type=click.Path(path_type=Path))
@click.option("--a", "destino", type=click.Path(path_type=Path), metavar="DESTINO", required=True,
              help="Archivo .xlsx (libro de captura) o .json.")
@click.option("--sobrescribir", is_flag=True, help="Reemplaza el destino si ya existe.")
def exportar(entrada: Path, destino: Path, sobrescribir: bool) -> None:
    """Convierte un expediente entre JSON y el libro de Excel (solo pasan los registros válidos)."""
    escritores = {".xlsx": a_excel, ".json": a_json}
    if destino.suffix.lower() not in escritores:
        raise click.UsageError("el destino debe terminar en .xlsx o .json")
    _no_reemplazar(destino, sobrescribir)
    carga = cargar(entrada)
    _mostrar_problemas(carga)
    if carga.expediente is None:
        click.echo(f"No se exportó nada: {entrada.name} no se pudo leer.", err=True)
        sys.exit(1)
    escribir_atomico(destino, escritores[destino.suffix.lower()](carga.expediente))
    click.echo(f"Expediente exportado a {destino}.")
    if carga.errores:
        click.echo(f"{len(carga.errores)} registro(s) con errores no se exportaron.", err=True)
        sys.exit(1)


@cli.command()
def lista() -> None:
    """Lista los formatos disponibles: identificador, título y plantilla."""
    for f in FORMATOS.values():
        click.echo(f"{f.identificador:<26}{f.titulo:<60}plantillas/{f.plantilla}")


@cli.command()
@click.option("--formato", metavar="NOMBRE", help="Esquema del contenido de un formato en lugar del expediente.")
def esquema(formato: str | None) -> None:
    """Muestra el esquema JSON del expediente o de un formato."""
    modelo = FORMATOS[_elegir_formatos((formato,))[0]].esquema if formato else Expediente
    click.echo(json.dumps(modelo.model_json_schema(), ensure_ascii=False, indent=2))


def main() -> None:
    cli(prog_name="formatos")
