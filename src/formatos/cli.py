"""La línea de órdenes `formatos` (en castellano). Cada orden llama a la misma función que la API de Python."""

from __future__ import annotations

import difflib
import json
import shutil
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import click

from formatos import __version__
from formatos.cli_es import Grupo
from formatos.entrada import a_excel, a_json, cargar
from formatos.lote import ProcesoFallido, escribir_atomico
from formatos.lote import generar as generar_lote
from formatos.lote import normalizar_mes as _normalizar_mes
from formatos.lote.manifiesto import NOMBRE as NOMBRE_MANIFIESTO
from formatos.modelos.expediente import Carga, Expediente
from formatos.modelos.informes import validar_periodo
from formatos.recursos import carpeta_plantillas, expediente_ejemplo
from formatos.registro import FORMATOS
from formatos.salida.pdf import LibreOfficeNoEncontrado, buscar_soffice
from formatos.salida.verificacion import PlantillaInvalida, lista_de_datos, verificar

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


class _Avance:
    """El avance del lote: una barra en una terminal; líneas simples (cada 10 %) en un registro o tubería."""

    def __init__(self) -> None:
        self.barra = None
        self.total = self.hechos = 0

    def empezar(self, total: int) -> None:
        self.total = total
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.barra = tqdm(total=total, unit=" doc", desc="Generando", file=sys.stderr, leave=False,
                              bar_format="{desc} {bar} {n_fmt}/{total_fmt} documentos · {elapsed} (faltan {remaining})")

    def avanzar(self, _resultado) -> None:
        self.hechos += 1
        if self.barra is not None:
            self.barra.update()
        elif 10 * self.hechos // self.total > 10 * (self.hechos - 1) // self.total:
            click.echo(f"Generando: {self.hechos} de {self.total} documentos ({100 * self.hechos // self.total} %)", err=True)

    def cerrar(self) -> None:
        if self.barra is not None:
            self.barra.close()


_OFIMATICA = (".docx", ".xlsx", ".doc", ".dotx", ".docm", ".xls", ".xlsm", ".odt", ".ods")


def _avisar_plantillas(plantillas: Path, formatos: list[str]) -> None:
    """Dice qué plantillas propias se usan y avisa de las que no corresponden a ningún formato."""
    nombres = {FORMATOS[f].plantilla for f in formatos}
    todos = [f.plantilla for f in FORMATOS.values()]
    for archivo in sorted(plantillas.iterdir()):
        if archivo.name in nombres:
            click.echo(f"Plantilla propia: {archivo}")
        elif archivo.suffix.lower() in _OFIMATICA and not archivo.name.startswith("~$") \
                and archivo.name not in todos:
            parecido = difflib.get_close_matches(archivo.name, todos, n=1, cutoff=0.6)
            sugerencia = f"; ¿quiso decir {parecido[0]}?" if parecido else ""
            click.echo(f"advertencia: {archivo.name} no corresponde a ningún formato y no se usa{sugerencia}", err=True)


def _ejecutar(entrada: Path, salida: Path, formatos: list[str], sobrescribir: bool, procesos: int | None,
              plantillas: Path | None = None, pdf: bool = False, carpetas: bool = False, **periodos) -> int:
    """`periodos`: mes, periodo, borradores, corte (ver `formatos.lote.generar`)."""
    if pdf or carpetas:
        try:
            buscar_soffice()
        except LibreOfficeNoEncontrado as e:
            click.echo(str(e), err=True)
            return 1
    if plantillas:
        _avisar_plantillas(plantillas, formatos)
    carga = cargar(entrada)
    _mostrar_problemas(carga)
    if carga.expediente is None:
        click.echo(f"No se generó nada: {entrada.name} no se pudo leer.", err=True)
        return 1
    avance = _Avance()
    try:
        resumen = generar_lote(carga.expediente, salida, formatos, plantillas=plantillas, sobrescribir=sobrescribir,
                               problemas=carga.problemas, procesos=procesos, al_empezar=avance.empezar,
                               al_avanzar=avance.avanzar, pdf=pdf, carpetas=carpetas, **periodos)
    except PlantillaInvalida as e:
        click.echo(f"{e}\n\nNo se generó nada: corrija la plantilla (o quítela de {plantillas} para usar la "
                   "incluida) y vuelva a intentarlo.", err=True)
        return 1
    except KeyboardInterrupt:
        avance.cerrar()
        click.echo(f"\nInterrumpido. Los documentos terminados y {salida / NOMBRE_MANIFIESTO} quedaron guardados; "
                   "ejecute la misma orden otra vez para completar el lote.", err=True)
        return 130
    except ProcesoFallido as e:
        avance.cerrar()
        click.echo(f"\nSe detuvo el lote: {e}", err=True)
        return 1
    avance.cerrar()
    _mostrar_resumen(resumen)
    if resumen.reporte_errores:
        click.echo(f"Hubo problemas: vea {resumen.reporte_errores}", err=True)
        return 1
    return 0


def _mostrar_resumen(resumen) -> None:
    conteo = resumen.conteo()
    ancho = max([28, *(len(f) + 2 for f in conteo)])
    click.echo(f"\n{'Formato':<{ancho}}{'generados':>10}{'sin cambios':>13}{'fallidos':>10}")
    total = Counter()
    for formato, cuenta in conteo.items():
        total.update(cuenta)
        click.echo(f"{formato:<{ancho}}{cuenta['generado']:>10}{cuenta['sin cambios']:>13}{cuenta['fallido']:>10}")
    click.echo(f"{'Total':<{ancho}}{total['generado']:>10}{total['sin cambios']:>13}{total['fallido']:>10}")
    procesos = "1 proceso" if resumen.procesos == 1 else f"{resumen.procesos} procesos"
    click.echo(f"\nTiempo: {resumen.segundos:.1f} s ({procesos}). Documentos en {resumen.salida}")
    click.echo(f"Manifiesto: {resumen.salida / NOMBRE_MANIFIESTO}")
    borradores = Counter(r.formato for r in resumen.resultados if r.entrada and r.entrada.borrador)
    for formato, cuantos in borradores.items():
        click.echo(f"{formato}: {cuantos} como borrador (BORRADOR en cada página: su periodo no ha cerrado)")
    if resumen.pendientes:
        click.echo("\nPendientes (no es un fallo: se generan cuando su periodo cierre, o antes con --borradores):")
        for formato, cuantos in resumen.pendientes.items():
            click.echo(f"  {formato}: {cuantos} pendiente{'s' if cuantos > 1 else ''}, el periodo no ha cerrado")


def _procesos_validos(_contexto, _parametro, valor: int | None) -> int | None:
    if valor is not None and valor < 1:
        raise click.BadParameter("debe ser 1 o más")
    return valor


_PROCESOS = click.option("--procesos", type=int, metavar="N", callback=_procesos_validos,
                         help="Procesos en paralelo (por omisión, uno por núcleo del equipo).")


@click.group(cls=Grupo)
@click.version_option(__version__, "--version", message="formatos %(version)s")
def cli() -> None:
    """Documentos oficiales del acompañamiento pedagógico multigrado (Minedu), listos para firmar."""


@cli.command()
@click.option("--salida", type=click.Path(path_type=Path), metavar="CARPETA", default=Path("formatos-demo"), show_default=True,
              help="Carpeta donde se guardan los documentos.")
@click.option("--sobrescribir", is_flag=True, help="Reemplaza los archivos que ya existan con otro contenido.")
@_PROCESOS
@_PDF
@_CARPETAS
def demo(salida: Path, sobrescribir: bool, procesos: int | None, pdf: bool, carpetas: bool) -> None:
    """Genera todos los formatos de la UGEL de ejemplo."""
    sys.exit(_ejecutar(expediente_ejemplo(), salida, list(FORMATOS), sobrescribir, procesos, pdf=pdf, carpetas=carpetas))


def _mes_valido(_contexto, _parametro, valor: str | None) -> str | None:
    if valor is None:
        return None
    try:
        return _normalizar_mes(valor)
    except ValueError:
        raise click.BadParameter(f"«{valor}» no es un mes; escríbalo como 2026-06") from None


def _periodo_valido(_contexto, _parametro, valor: str | None) -> str | None:
    if valor is None:
        return None
    try:
        return validar_periodo(valor)
    except ValueError:
        raise click.BadParameter(f"«{valor}» no es un periodo: use diagnóstico, T1, T2, T3, anual o un mes como 2026-06") from None


def _fecha_valida(_contexto, _parametro, valor: str | None) -> date | None:
    if valor is None:
        return None
    for patron in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(valor.strip(), patron).date()
        except ValueError:
            pass
    raise click.BadParameter(f"«{valor}» no es una fecha; escríbala como 30/06/2026 o 2026-06-30")


@cli.command()
@click.argument("entrada", type=click.Path(path_type=Path))
@click.option("--salida", type=click.Path(path_type=Path), metavar="CARPETA", required=True, help="Carpeta donde se guardan los documentos.")
@click.option("--formato", "formatos", multiple=True, metavar="NOMBRE",
              help="Solo este formato (se puede repetir). Vea `formatos lista`.")
@click.option("--sobrescribir", is_flag=True, help="Reemplaza los archivos que ya existan con otro contenido.")
@click.option("--plantillas", type=click.Path(path_type=Path, exists=True, file_okay=False), metavar="CARPETA",
              help="Carpeta con plantillas propias de la UGEL (las que falten se toman del paquete).")
@click.option("--mes", metavar="AAAA-MM", callback=_mes_valido,
              help="Solo lo de ese mes: sus matrices y planes, los informes cuyo periodo cierra ese mes y los "
                   "instrumentos de campo del mes siguiente.")
@click.option("--periodo", metavar="PERIODO", callback=_periodo_valido,
              help="Solo los informes de ese periodo: diagnóstico, T1, T2, T3, anual o un mes (2026-06).")
@click.option("--borradores", is_flag=True,
              help="También los informes cuyo periodo no ha cerrado, con BORRADOR en cada página.")
@click.option("--corte", metavar="FECHA", callback=_fecha_valida,
              help="Datos completos hasta esa fecha (30/06/2026): los periodos que terminan hasta ese día se dan por "
                   "cerrados aunque su último mes no tenga visitas ni GIA.")
@_PROCESOS
@_PDF
@_CARPETAS
def generar(entrada: Path, salida: Path, formatos: tuple[str, ...], sobrescribir: bool, plantillas: Path | None,
            mes: str | None, periodo: str | None, borradores: bool, corte: date | None,
            procesos: int | None, pdf: bool, carpetas: bool) -> None:
    """Genera los documentos de un expediente (ENTRADA: archivo .json o libro .xlsx).

    Los informes de un periodo (mes, trimestre, año…) salen cuando el periodo cerró; antes, solo con --borradores.
    """
    sys.exit(_ejecutar(entrada, salida, _elegir_formatos(formatos), sobrescribir, procesos, plantillas, pdf, carpetas,
                       mes=mes, periodo=periodo, borradores=borradores, corte=corte))


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


@cli.group(cls=Grupo)
def plantilla() -> None:
    """Plantillas propias: exportar una para editarla en Word y verificarla antes de usarla."""


def _formato_de(archivo: Path, formato: str | None) -> str:
    if formato:
        return _elegir_formatos((formato,))[0]
    por_nombre = [f.identificador for f in FORMATOS.values() if f.plantilla == archivo.name]
    if not por_nombre:
        raise click.UsageError(f"no se sabe de qué formato es {archivo.name}: indíquelo con --formato NOMBRE "
                               f"(vea `formatos lista`)")
    return por_nombre[0]


@plantilla.command("verificar")
@click.argument("archivo", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--formato", metavar="NOMBRE", help="Formato de la plantilla (por omisión, según el nombre del archivo).")
def plantilla_verificar(archivo: Path, formato: str | None) -> None:
    """Revisa una plantilla .docx y lista todos sus problemas con su ubicación."""
    informe = verificar(archivo, FORMATOS[_formato_de(archivo, formato)])
    for problema in informe.problemas:
        click.echo(str(problema), err=True)
    if not informe.valida:
        click.echo(f"\n{len(informe.errores)} error(es), {len(informe.advertencias)} advertencia(s). La lista de datos "
                   f"que puede usar está en `formatos plantilla exportar {informe.formato} CARPETA`.", err=True)
        sys.exit(1)
    click.echo(f"La plantilla no tiene errores ({len(informe.advertencias)} advertencia(s); usa "
               f"{len(informe.rutas_impresas)} datos del formato).")


@plantilla.command("exportar")
@click.argument("nombre", metavar="NOMBRE")
@click.argument("destino", type=click.Path(path_type=Path, file_okay=False), metavar="CARPETA")
@click.option("--sobrescribir", is_flag=True, help="Reemplaza la plantilla si ya existe en CARPETA.")
def plantilla_exportar(nombre: str, destino: Path, sobrescribir: bool) -> None:
    """Copia la plantilla incluida de un formato a CARPETA, con la lista de datos que puede usar."""
    formato = FORMATOS[_elegir_formatos((nombre,))[0]]
    copia = destino / formato.plantilla
    if copia.exists() and not sobrescribir:
        click.echo(f"{copia} ya existe (quizá con sus cambios): no se reemplaza sin --sobrescribir.", err=True)
        sys.exit(1)
    destino.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(carpeta_plantillas() / formato.plantilla, copia)
    lista = destino / f"{formato.identificador}-datos.txt"
    lista.write_text(lista_de_datos(formato), encoding="utf-8-sig")
    click.echo(f"Plantilla: {copia}\nDatos que puede usar: {lista}")


from formatos.web.orden import web  # noqa: E402 - la página web, encima de la misma biblioteca

cli.add_command(web)


def main() -> None:
    cli(prog_name="formatos")
