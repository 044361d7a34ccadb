"""La línea de órdenes `formatos` (en castellano). Cada orden llama a la misma función que la API de Python."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from formatos import __version__
from formatos.cli_es import Grupo
from formatos.entrada import cargar
from formatos.lote import generar as generar_lote
from formatos.modelos.expediente import Carga, Expediente
from formatos.recursos import expediente_ejemplo
from formatos.registro import FORMATOS
from formatos.salida.pdf import LibreOfficeNoEncontrado, buscar_soffice

_PDF = click.option("--pdf", is_flag=True, help="Además, el PDF de cada documento (necesita LibreOffice).")
_CARPETAS = click.option("--carpetas", is_flag=True,
                         help="Además, las carpetas de firmas por AP y mes y por I. E. y mes (PDF y Word; incluye --pdf).")


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


def _ejecutar(entrada: Path, salida: Path, formatos: list[str], sobrescribir: bool, pdf: bool = False,
              carpetas: bool = False) -> int:
    if pdf or carpetas:
        try:
            buscar_soffice()
        except LibreOfficeNoEncontrado as e:
            click.echo(str(e), err=True)
            return 1
    carga = cargar(entrada)
    _mostrar_problemas(carga)
    if carga.expediente is None:
        click.echo(f"No se generó nada: {entrada.name} no se pudo leer.", err=True)
        return 1
    resumen = generar_lote(carga.expediente, salida, formatos, sobrescribir=sobrescribir, problemas=carga.problemas,
                           pdf=pdf, carpetas=carpetas)
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
@_PDF
@_CARPETAS
def demo(salida: Path, sobrescribir: bool, pdf: bool, carpetas: bool) -> None:
    """Genera todos los formatos de la UGEL de ejemplo."""
    sys.exit(_ejecutar(expediente_ejemplo(), salida, list(FORMATOS), sobrescribir, pdf, carpetas))


@cli.command()
@click.argument("entrada", type=click.Path(path_type=Path))
@click.option("--salida", type=click.Path(path_type=Path), metavar="CARPETA", required=True, help="Carpeta donde se guardan los documentos.")
@click.option("--formato", "formatos", multiple=True, metavar="NOMBRE",
              help="Solo este formato (se puede repetir). Vea `formatos lista`.")
@click.option("--sobrescribir", is_flag=True, help="Reemplaza los archivos que ya existan con otro contenido.")
@_PDF
@_CARPETAS
def generar(entrada: Path, salida: Path, formatos: tuple[str, ...], sobrescribir: bool, pdf: bool, carpetas: bool) -> None:
    """Genera los documentos de un expediente (ENTRADA: archivo .json)."""
    sys.exit(_ejecutar(entrada, salida, _elegir_formatos(formatos), sobrescribir, pdf, carpetas))


@cli.command()
@click.argument("entrada", type=click.Path(path_type=Path))
def validar(entrada: Path) -> None:
    """Revisa un expediente y lista cada problema con su ubicación en los datos."""
    carga = cargar(entrada)
    _mostrar_problemas(carga)
    if carga.errores or carga.expediente is None:
        click.echo(f"{len(carga.errores)} error(es), {len(carga.advertencias)} advertencia(s).", err=True)
        sys.exit(1)
    click.echo(f"El expediente es válido ({len(carga.advertencias)} advertencia(s)).")


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
