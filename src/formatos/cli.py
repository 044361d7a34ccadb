"""La línea de órdenes `formatos` (en castellano). Cada orden llama a la misma función que la API de Python."""

from __future__ import annotations

import difflib
import json
import shutil
import sys
import textwrap
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from formatos import __version__
from formatos.cli_es import Grupo, Ruta
from formatos.entrada import a_excel, a_json, cargar
from formatos.errores import ErrorFormatos
from formatos.esquema import esquema_json
from formatos.lote import REPORTE_ERRORES, ProcesoFallido, escribir_atomico
from formatos.lote import generar as generar_lote
from formatos.lote import normalizar_mes as _normalizar_mes
from formatos.lote.manifiesto import NOMBRE as NOMBRE_MANIFIESTO
from formatos.errores import Problema
from formatos.modelos.expediente import Carga, Expediente
from formatos.modelos.informes import validar_periodo
from formatos.numeros import numero, porcentaje
from formatos.recursos import carpeta_plantillas, expediente_ejemplo
from formatos.registro import FORMATOS
from formatos.salida.pdf import LibreOfficeNoEncontrado, buscar_soffice
from formatos.salida.verificacion import PlantillaInvalida, lista_de_datos, verificar

_PDF = click.option("--pdf", is_flag=True, help="Además, el PDF de cada documento (necesita LibreOffice).")


def _positivo(_contexto, _parametro, valor: float | None) -> float | None:
    if valor is not None and valor <= 0:
        raise click.BadParameter("debe ser mayor que 0")
    return valor


_LIMITE_PDF = click.option("--limite-pdf", type=float, metavar="MINUTOS", callback=_positivo,
                           help="Tiempo máximo para todos los PDF; lo que no alcance queda para otra ejecución.")
_CARPETAS = click.option("--carpetas", is_flag=True,
                         help="Además, las carpetas de firmas por AP y mes y por I. E. y mes (PDF y Word; incluye --pdf).")
_KIT = click.option("--kit", is_flag=True,
                    help="Además, el kit del mes de cada AP: los instrumentos de campo que imprime ese mes para las "
                         "actividades del mes siguiente, en orden de visita (PDF y Word; incluye los instrumentos y --pdf).")


LIMITE_PROBLEMAS = 100
"""Problemas que se muestran en la terminal; de los demás, un resumen por hoja o sección (están todos en el
reporte de errores de `generar`, y `validar --todos` los muestra)."""


def _mostrar_problemas(carga: Carga, todos: bool = False, donde: str = "") -> None:
    mostrados = carga.problemas if todos else carga.problemas[:LIMITE_PROBLEMAS]
    for p in mostrados:
        click.echo(str(p), err=True)
    resto = carga.problemas[len(mostrados):]
    if not resto:
        return
    por_lugar = Counter(_lugar_general(p) for p in resto)
    detalle = "; ".join(f"{lugar}: {numero(n)}" for lugar, n in por_lugar.most_common(8))
    if len(por_lugar) > 8:
        detalle += "; …"
    click.echo(f"… y {numero(len(resto))} problema(s) más ({detalle}). {donde}".rstrip(), err=True)


def _lugar_general(problema: Problema) -> str:
    """La hoja (Excel) o la sección (JSON) de un problema, para el resumen."""
    if problema.ubicacion:
        return problema.ubicacion.split(",")[0]
    return str(problema.ruta[0]) if problema.ruta else "el archivo"


def _elegir_formatos(nombres: tuple[str, ...]) -> list[str]:
    desconocidos = [n for n in nombres if n not in FORMATOS]
    if desconocidos:
        parecidos = difflib.get_close_matches(desconocidos[0], FORMATOS, n=1, cutoff=0.6)
        sugerencia = f" ¿Quiso decir «{parecidos[0]}»?" if parecidos else ""
        raise click.UsageError(
            f"formato desconocido: {', '.join(desconocidos)}.{sugerencia} Disponibles: {', '.join(FORMATOS)}"
        )
    return list(nombres) or list(FORMATOS)


class _Avance:
    """El avance del lote: una barra en una terminal; líneas simples (cada 10 %) en un registro o tubería."""

    def __init__(self) -> None:
        self.barra: Any = None  # tqdm, importado solo en una terminal
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
            click.echo(f"Generando: {numero(self.hechos)} de {numero(self.total)} documentos "
                       f"({porcentaje(100 * self.hechos // self.total)})", err=True)

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
              plantillas: Path | None = None, pdf: bool = False, carpetas: bool = False, kit: bool = False,
              limite_pdf: float | None = None, **periodos) -> int:
    """`periodos`: mes, periodo, borradores, corte (ver `formatos.lote.generar`)."""
    if pdf or carpetas or kit:
        try:
            buscar_soffice()
        except LibreOfficeNoEncontrado as e:
            click.echo(str(e), err=True)
            return 1
    if plantillas:
        _avisar_plantillas(plantillas, formatos)
    carga = cargar(entrada)
    _mostrar_problemas(carga, donde=f"Todos quedan en {salida / REPORTE_ERRORES}.")
    if carga.expediente is None:
        click.echo(f"No se generó nada: {entrada.name} no se pudo leer.", err=True)
        return 1
    avance = _Avance()
    try:
        resumen = generar_lote(carga.expediente, salida, formatos, plantillas=plantillas, sobrescribir=sobrescribir,
                               problemas=carga.problemas, procesos=procesos, al_empezar=avance.empezar,
                               al_avanzar=avance.avanzar, pdf=pdf, carpetas=carpetas, kit=kit,
                               limite_pdf=limite_pdf * 60 if limite_pdf else None, **periodos)
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
        if e.resumen is not None and e.resumen.resultados:
            _mostrar_resumen(e.resumen)
        click.echo(f"\nSe detuvo el lote: {e}", err=True)
        return 1
    except ErrorFormatos as e:  # la carpeta de salida no sirve, un enlace fuera de ella...
        avance.cerrar()
        click.echo(f"No se generó nada: {e}", err=True)
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
    total: Counter[str] = Counter()
    for formato, cuenta in conteo.items():
        total.update(cuenta)
        click.echo(f"{formato:<{ancho}}{numero(cuenta['generado']):>10}{numero(cuenta['sin cambios']):>13}"
                   f"{numero(cuenta['fallido']):>10}")
    click.echo(f"{'Total':<{ancho}}{numero(total['generado']):>10}{numero(total['sin cambios']):>13}"
               f"{numero(total['fallido']):>10}")
    procesos = "1 proceso" if resumen.procesos == 1 else f"{resumen.procesos} procesos"
    click.echo(f"\nTiempo: {numero(resumen.segundos, 1)} s ({procesos}). Documentos en {resumen.salida}")
    click.echo(f"Manifiesto: {resumen.salida / NOMBRE_MANIFIESTO}")
    borradores = Counter(r.formato for r in resumen.resultados if r.entrada and r.entrada.borrador)
    for formato, cuantos in borradores.items():
        click.echo(f"{formato}: {cuantos} como borrador (BORRADOR en cada página: su periodo no ha cerrado)")
    if resumen.pendientes:
        click.echo("\nPendientes (no es un fallo: se generan cuando su periodo cierre, o antes con --borradores):")
        for formato, cuantos in resumen.pendientes.items():
            por_que = ("su actividad aún no está en el plan mensual" if formato in FORMATOS and FORMATOS[formato].preparatorio
                       else "el periodo no ha cerrado")
            click.echo(f"  {formato}: {cuantos} pendiente{'s' if cuantos > 1 else ''}, {por_que}")
    for aviso in resumen.avisos:
        click.echo(f"Aviso: {aviso}", err=True)


_PROCESOS = click.option("--procesos", type=click.IntRange(min=1), metavar="N",
                         help="Procesos en paralelo (por omisión, uno por núcleo del equipo).")


@click.group(cls=Grupo)
@click.version_option(__version__, "--version", message="formatos %(version)s")
def cli() -> None:
    """Documentos oficiales del acompañamiento pedagógico multigrado (Minedu), listos para firmar."""


@cli.command()
@click.option("--salida", type=Ruta(archivo=False), metavar="CARPETA", default=Path("formatos-demo"), show_default=True,
              help="Carpeta donde se guardan los documentos.")
@click.option("--sobrescribir", is_flag=True, help="Reemplaza los archivos que ya existan con otro contenido.")
@_PROCESOS
@_PDF
@_CARPETAS
@_KIT
@_LIMITE_PDF
def demo(salida: Path, sobrescribir: bool, procesos: int | None, pdf: bool, carpetas: bool, kit: bool,
         limite_pdf: float | None) -> None:
    """Genera todos los formatos de la UGEL de ejemplo."""
    sys.exit(_ejecutar(expediente_ejemplo(), salida, list(FORMATOS), sobrescribir, procesos, pdf=pdf, carpetas=carpetas,
                       kit=kit, limite_pdf=limite_pdf))


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
@click.argument("entrada", type=Ruta(existe=True, carpeta=False))
@click.option("--salida", type=Ruta(archivo=False), metavar="CARPETA", required=True, help="Carpeta donde se guardan los documentos.")
@click.option("--formato", "formatos", multiple=True, metavar="NOMBRE",
              help="Solo este formato (se puede repetir). Vea `formatos lista`.")
@click.option("--sobrescribir", is_flag=True, help="Reemplaza los archivos que ya existan con otro contenido.")
@click.option("--plantillas", type=Ruta(existe=True, archivo=False), metavar="CARPETA",
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
@_KIT
@_LIMITE_PDF
def generar(entrada: Path, salida: Path, formatos: tuple[str, ...], sobrescribir: bool, plantillas: Path | None,
            mes: str | None, periodo: str | None, borradores: bool, corte: date | None,
            procesos: int | None, pdf: bool, carpetas: bool, kit: bool, limite_pdf: float | None) -> None:
    """Genera los documentos de un expediente (ENTRADA: archivo .json o libro .xlsx).

    Los informes de un periodo (mes, trimestre, año…) salen cuando el periodo cerró; antes, solo con --borradores.
    """
    sys.exit(_ejecutar(entrada, salida, _elegir_formatos(formatos), sobrescribir, procesos, plantillas, pdf, carpetas,
                       kit, limite_pdf, mes=mes, periodo=periodo, borradores=borradores, corte=corte))


@cli.command()
@click.argument("entrada", type=Ruta(existe=True, carpeta=False))
@click.option("--todos", is_flag=True, help=f"Muestra todos los problemas (si no, los primeros {LIMITE_PROBLEMAS} y un resumen).")
def validar(entrada: Path, todos: bool) -> None:
    """Revisa un expediente (.json o .xlsx) y lista cada problema con su ubicación (hoja, fila y columna en Excel)."""
    carga = cargar(entrada)
    _mostrar_problemas(carga, todos, donde=f"Para verlos todos: formatos validar {entrada.name} --todos")
    if carga.errores or carga.expediente is None:
        click.echo(f"{numero(len(carga.errores))} error(es), {numero(len(carga.advertencias))} advertencia(s).", err=True)
        sys.exit(1)
    click.echo(f"El expediente es válido ({len(carga.advertencias)} advertencia(s)).")


def _no_reemplazar(destino: Path, sobrescribir: bool) -> None:
    if destino.exists() and not sobrescribir:
        raise click.UsageError(f"{destino} ya existe; use --sobrescribir para reemplazarlo")


@cli.command()
@click.argument("archivo", type=Ruta(carpeta=False))
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
@click.argument("entrada", type=Ruta(existe=True, carpeta=False))
@click.option("--a", "destino", type=Ruta(carpeta=False), metavar="DESTINO", required=True,
              help="Archivo .xlsx (libro de captura) o .json.")
@click.option("--sobrescribir", is_flag=True, help="Reemplaza el destino si ya existe.")
def exportar(entrada: Path, destino: Path, sobrescribir: bool) -> None:
    """Convierte un expediente entre JSON y el libro de Excel (solo pasan los registros válidos)."""
    escritores = {".xlsx": a_excel, ".json": a_json}
    if destino.suffix.lower() not in escritores:
        raise click.UsageError("el destino debe terminar en .xlsx o .json")
    _no_reemplazar(destino, sobrescribir)
    carga = cargar(entrada)
    _mostrar_problemas(carga, donde=f"Para verlos todos: formatos validar {entrada.name} --todos")
    if carga.expediente is None:
        click.echo(f"No se exportó nada: {entrada.name} no se pudo leer.", err=True)
        sys.exit(1)
    escribir_atomico(destino, escritores[destino.suffix.lower()](carga.expediente, carpeta=destino.parent))
    click.echo(f"Expediente exportado a {destino}.")
    if carga.errores:
        click.echo(f"{len(carga.errores)} registro(s) con errores no se exportaron.", err=True)
        sys.exit(1)


@cli.command()
def lista() -> None:
    """Lista los formatos disponibles: identificador, título y plantilla."""
    filas = [("Formato", "Documento", "Plantilla")] + [(f.identificador, f.titulo, f.plantilla) for f in FORMATOS.values()]
    ancho_id = max(len(f[0]) for f in filas) + 2
    ancho_plantilla = max(len(f[2]) for f in filas)
    ancho_titulo = max(len(f[1]) for f in filas) + 2
    libre = shutil.get_terminal_size((100, 24)).columns - 1 - ancho_id - ancho_plantilla
    ancho_titulo = max(min(ancho_titulo, libre), 30)
    for identificador, titulo, archivo in filas:
        lineas = textwrap.wrap(titulo, ancho_titulo - 2) or [""]
        click.echo(f"{identificador:<{ancho_id}}{lineas[0]:<{ancho_titulo}}{archivo}".rstrip())
        for resto in lineas[1:]:
            click.echo(f"{'':<{ancho_id}}{resto}")
    click.echo("\nPara cambiar una plantilla, saque una copia: formatos plantilla exportar FORMATO CARPETA")


@cli.command()
@click.option("--formato", metavar="NOMBRE", help="Esquema del contenido de un formato en lugar del expediente.")
def esquema(formato: str | None) -> None:
    """Muestra el esquema JSON del expediente o de un formato (títulos y descripciones en castellano)."""
    modelo = FORMATOS[_elegir_formatos((formato,))[0]].esquema if formato else Expediente
    click.echo(json.dumps(esquema_json(modelo), ensure_ascii=False, indent=2))


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
@click.argument("archivo", type=Ruta(existe=True, carpeta=False))
@click.option("--formato", metavar="NOMBRE", help="Formato de la plantilla (por omisión, según el nombre del archivo).")
def plantilla_verificar(archivo: Path, formato: str | None) -> None:
    """Revisa una plantilla (.docx o .xlsx) y lista todos sus problemas con su ubicación."""
    informe = verificar(archivo, FORMATOS[_formato_de(archivo, formato)])
    for problema in informe.problemas:
        click.echo(str(problema), err=True)
    excel = FORMATOS[informe.formato].extension == ".xlsx"
    if not informe.valida:
        ayuda = "" if excel else (f" La lista de datos que puede usar está en `formatos plantilla exportar "
                                  f"{informe.formato} CARPETA`.")
        click.echo(f"\n{len(informe.errores)} error(es), {len(informe.advertencias)} advertencia(s).{ayuda}", err=True)
        sys.exit(1)
    if excel:
        click.echo("La plantilla no tiene errores (tiene los estilos de celda que usa el formato).")
        return
    click.echo(f"La plantilla no tiene errores ({len(informe.advertencias)} advertencia(s); usa "
               f"{len(informe.rutas_impresas)} datos del formato).")


@plantilla.command("exportar")
@click.argument("nombre", metavar="NOMBRE")
@click.argument("destino", type=Ruta(archivo=False), metavar="CARPETA")
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
