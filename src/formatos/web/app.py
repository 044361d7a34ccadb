"""La aplicación Starlette: páginas, subidas, generación con avance, descargas y vista previa en PDF.

Todo pasa por la biblioteca: `formatos.entrada.a_excel` (libro de captura), `formatos.cargar` (validar) y
`formatos.generar` (documentos, PDF y carpetas de firmas). Aquí solo hay formularios y archivos.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import re
import shutil
import threading
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

import formatos
from formatos.entrada import a_excel
from formatos.entrada.hojas import textos
from formatos.kit import KIT
from formatos.lote import normalizar_mes
from formatos.modelos.informes import validar_periodo
from formatos.recursos import expediente_ejemplo
from formatos.registro import FORMATOS, GRUPOS
from formatos.salida.filtros import mes as nombre_mes
from formatos.salida.filtros import numero
from formatos.salida.pdf import INSTALAR, LibreOfficeNoEncontrado, buscar_soffice, convertir_a_pdf
from formatos.web import problemas as tabla
from formatos.web.seguridad import SESION, Acceso, Guardia
from formatos.web.trabajos import EXTENSIONES, Almacen, Generacion, Opciones, Subida
from formatos.zip_seguro import LIBRO, NoEsZip, ZipRechazado, revisar_zip

CARPETA = Path(__file__).resolve().parent
FILAS_VISIBLES = 500
"""Problemas que se muestran en la página; la lista completa se descarga en Excel."""
SOLO_MATRICES = ("acompanantes", "instituciones", "docentes", "visitas", "gias", "valoraciones",
                 "valoraciones_directivo")
"""Las secciones (hojas) que bastan para las matrices de valoración."""
CARPETA_FIRMAS = "carpeta-de-firmas"
CARPETAS_UNIDAS = {CARPETA_FIRMAS: "Carpetas de firmas", KIT: "Kit del mes"}
"""Lo que `generar` arma uniendo documentos (PDF y Word), con su título en la lista de archivos."""
ELEGIDO_INICIAL: dict = {"formatos": None, "acompanantes": None, "pdf": False, "carpetas": False, "kit": False,
                         "mes": "", "periodo": "", "corte": "", "borradores": False}
"""Lo marcado al abrir la página: todos los formatos y acompañantes, nada más."""

PERIODOS = {"diagnóstico": "Diagnóstico", "T1": "I trimestre", "T2": "II trimestre", "T3": "III trimestre",
            "anual": "El año (informes finales)"}
"""Los periodos de los informes, como los acepta `formatos generar --periodo` (más los meses)."""


class Aviso(HTTPException):
    """Un error de la petición con su mensaje para el usuario, en castellano (y su título, si no es el de siempre)."""

    def __init__(self, estado: int, mensaje: str, titulo: str | None = None) -> None:
        super().__init__(estado, mensaje)
        self.titulo = titulo

ESTADOS = {
    "en espera": "En espera: otra generación está en curso.",
    "generando": "Generando documentos…",
    "convirtiendo": "Convirtiendo a PDF con LibreOffice (puede tardar unos minutos)…",
    "empaquetando": "Armando el archivo .zip…",
    "terminado": "Terminado.",
    "cancelado": "Cancelado.",
    "fallido": "La generación se detuvo.",
}


@dataclass
class Ajustes:
    """Lo que se elige al iniciar `formatos web`."""

    acceso: Acceso
    caducidad: float = 2 * 3600
    """Segundos sin usar tras los que se borran los archivos de un trabajo."""
    limite_subida: int = 50 * 2**20
    simultaneas: int = 2


def crear_app(ajustes: Ajustes) -> Starlette:
    almacen = Almacen(ajustes.caducidad, ajustes.simultaneas, carpeta_red=ajustes.acceso.en_red)
    entorno = jinja2.Environment(loader=jinja2.FileSystemLoader(CARPETA / "plantillas"), autoescape=True,
                                 undefined=jinja2.StrictUndefined)
    entorno.filters["numero"] = numero
    entorno.filters["enumerar"] = _enumerar
    entorno.globals.update(version=formatos.__version__, en_red=ajustes.acceso.en_red)
    plantillas = Jinja2Templates(env=entorno)
    cerrojo_vistas = threading.Lock()
    vistas_previas: dict[tuple[str, int], threading.Lock] = {}  # una conversión a la vez por documento

    def pagina(request: Request, nombre: str, contexto: dict, estado: int = 200) -> Response:
        return plantillas.TemplateResponse(request, nombre, contexto, status_code=estado)

    def sesion(request: Request) -> str:
        return str(request.scope[SESION])

    def subida_de(request: Request) -> Subida:
        subida = almacen.subida(request.path_params["subida"], sesion(request))
        if subida is None:
            raise Aviso(404, "Ese trabajo no existe o ya se borró: los archivos se borran al detener "
                             f"formatos web o tras {round(ajustes.caducidad / 60)} minutos sin usarlos. "
                             "Vuelva a subir el archivo.")
        return subida

    def generacion_de(request: Request) -> tuple[Subida, Generacion]:
        subida = subida_de(request)
        generacion = subida.generaciones.get(request.path_params["generacion"])
        if generacion is None:
            raise Aviso(404, "Esa generación no existe o ya se borró.")
        return subida, generacion

    # --- inicio y libro de captura ---
    async def inicio(request: Request) -> Response:
        hojas = textos()["hojas"]
        return pagina(request, "inicio.html", {
            "anio": datetime.date.today().year,
            "hojas_matrices": [textos()["cabecera"], *(hojas[s] for s in SOLO_MATRICES)],
            "hojas_resto": [h for s, h in hojas.items() if s not in SOLO_MATRICES],
            "limite_texto": _tamano(ajustes.limite_subida), "limite": ajustes.limite_subida,
            "recientes": sorted(almacen.de_la_sesion(sesion(request)), key=lambda s: -s.usada),
        })

    async def captura(request: Request) -> Response:
        ugel = request.query_params.get("ugel", "").strip()[:200] or None
        anio_texto = request.query_params.get("anio", "").strip()
        if not re.fullmatch(r"\d{4}", anio_texto) or not 2019 <= int(anio_texto) <= 2100:
            raise Aviso(400, "El año debe ser un número de cuatro cifras entre 2019 y 2100.")
        datos = await run_in_threadpool(a_excel, None, ugel, int(anio_texto))
        return _descarga(datos, f"libro-de-captura-{anio_texto}.xlsx",
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    # --- subir ---
    async def subir(request: Request) -> Response:
        largo = request.headers.get("content-length")
        limite = ajustes.limite_subida
        if largo is None or not largo.isdigit():
            raise Aviso(411, "El navegador no dijo el tamaño del archivo: vuelva a intentarlo.")
        if int(largo) > limite + 64 * 1024:  # el formulario agrega unos pocos bytes al archivo
            raise Aviso(413, f"El archivo pesa más de {_tamano(limite)}, el límite de esta página. "
                                     "Revise que sea el libro de captura (sin imágenes ni hojas ajenas).")
        async with request.form(max_files=1, max_fields=5) as formulario:
            archivo = formulario.get("archivo")
            if not isinstance(archivo, UploadFile) or not archivo.filename:
                raise Aviso(400, "Elija un archivo (.xlsx o .json) antes de pulsar «Revisar».")
            nombre = Path(archivo.filename.replace("\\", "/")).name[:200]
            extension = Path(nombre).suffix.lower()
            if extension not in EXTENSIONES:
                raise Aviso(400, f"«{nombre}» no es un libro de Excel (.xlsx) ni un archivo JSON: "
                                         "suba el libro de captura lleno o un expediente .json.")
            datos = await archivo.read(limite + 1)
        if len(datos) > limite:
            raise Aviso(413, f"El archivo pesa más de {_tamano(limite)}, el límite de esta página.")
        if extension != ".json":
            try:  # antes de guardarlo o de que openpyxl lo abra: bombas zip, nombres peligrosos, DTD
                await run_in_threadpool(revisar_zip, datos, LIBRO, nombre)
            except NoEsZip:
                pass  # ni siquiera es un zip: la revisión lo dice como de cualquier libro que no se lee
            except ZipRechazado as e:
                raise Aviso(400, f"{str(e).rstrip('.')}. No se guardó el archivo.",
                            "El archivo no se puede usar") from e
        subida = await run_in_threadpool(almacen.subir, sesion(request), nombre, datos, extension)
        return RedirectResponse(f"/trabajo/{subida.id}", status_code=303)

    async def ejemplo(request: Request) -> Response:
        """El libro de la UGEL de ejemplo, como si el usuario lo hubiera subido (con el croquis a su lado)."""
        libro = expediente_ejemplo().with_suffix(".xlsx")
        croquis = {p.name: p.read_bytes() for p in expediente_ejemplo().parent.glob("croquis-*.png")}
        subida = await run_in_threadpool(almacen.subir, sesion(request), libro.name, libro.read_bytes(), ".xlsx",
                                         croquis)
        return RedirectResponse(f"/trabajo/{subida.id}", status_code=303)

    # --- revisión y formulario de generar ---
    def contexto_trabajo(request: Request, subida: Subida, aviso: str = "", elegido: dict | None = None) -> dict:
        """El contexto de la página del trabajo; `elegido`, lo que el usuario marcó (si el formulario vuelve con un
        aviso, lo conserva); sin él, todos los formatos y acompañantes marcados."""
        carga = subida.carga
        filas = [tabla.fila_de(p) for p in carga.problemas]
        tipo = request.query_params.get("tipo", "")
        hoja = request.query_params.get("hoja", "")
        filtradas = tabla.filtrar(filas, tipo if tipo in ("error", "advertencia") else "", hoja)
        nombres = textos()["hojas"] if not subida.es_json else {}
        exp = carga.expediente
        return {
            "subida": subida, "carga": carga, "aviso": aviso, "elegido": elegido or ELEGIDO_INICIAL,
            "filas": filtradas[:FILAS_VISIBLES], "total_filtradas": len(filtradas), "total": len(filas),
            "errores": len(carga.errores), "advertencias": len(carga.advertencias),
            "tipo": tipo, "hoja": hoja, "hojas": tabla.hojas(filas),
            "fuera": tabla.quedan_fuera(carga.problemas, nombres),
            "grupos": GRUPOS, "acompanantes": exp.acompanantes if exp else [],
            "docentes_por_ap": Counter(d.dni_acompanante for d in exp.docentes) if exp else Counter(),
            "libreoffice": _libreoffice(), "instalar": INSTALAR,
            "meses": [(f"{exp.anio}-{m:02d}", f"{nombre_mes(m)} de {exp.anio}") for m in range(3, 13)] if exp else [],
            "periodos": PERIODOS,
            "consulta": request.url.query,
            "croquis_ausente": any(p.ruta[-1:] == ("croquis",) and "no existe el archivo" in p.mensaje
                                   for p in carga.problemas),
        }

    async def trabajo(request: Request) -> Response:
        subida = subida_de(request)
        return pagina(request, "trabajo.html", contexto_trabajo(request, subida))

    async def problemas_xlsx(request: Request) -> Response:
        subida = subida_de(request)
        filas = [tabla.fila_de(p) for p in subida.carga.problemas]
        tipo = request.query_params.get("tipo", "")
        filtradas = tabla.filtrar(filas, tipo if tipo in ("error", "advertencia") else "",
                                  request.query_params.get("hoja", ""))
        datos = await run_in_threadpool(tabla.libro, filtradas, subida.es_json)
        return _descarga(datos, f"problemas-{Path(subida.nombre).stem}.xlsx",
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    async def generar(request: Request) -> Response:
        subida = subida_de(request)
        exp = subida.carga.expediente
        if exp is None:
            raise Aviso(400, "El archivo no se pudo leer: no hay nada que generar.")
        async with request.form(max_fields=200) as formulario:
            elegidos = {str(v) for v in formulario.getlist("formato")}
            aps = {str(v) for v in formulario.getlist("acompanante")}
            pdf = formulario.get("pdf") == "si"
            carpetas = formulario.get("carpetas") == "si"
            kit = formulario.get("kit") == "si"
            mes, periodo, corte_texto = (str(formulario.get(c, "")).strip() for c in ("mes", "periodo", "corte"))
            borradores = formulario.get("borradores") == "si"
        desconocidos = elegidos - set(FORMATOS)
        todos_aps = {a.dni for a in exp.acompanantes}
        aviso = ""
        if desconocidos or aps - todos_aps:
            aviso = "El formulario trae formatos o acompañantes que no existen: vuelva a cargar la página."
        elif not elegidos:
            aviso = "Elija al menos un formato."
        elif todos_aps and not aps:
            aviso = "Elija al menos un acompañante."
        elif (pdf or carpetas or kit) and not _libreoffice():
            aviso = ("Para los PDF, las carpetas de firmas y el kit del mes hace falta LibreOffice (vea cómo "
                     "instalarlo abajo).")
        elif kit and not mes:
            aviso = ("Para el kit del mes, elija el mes en «Periodo»: el kit de un mes trae lo que cada acompañante "
                     "imprime ese mes para sus visitas, GIA y taller del mes siguiente.")
        try:
            mes_valido = normalizar_mes(mes) if mes else None
            periodo_valido = validar_periodo(periodo) if periodo else None
            corte = _fecha(corte_texto) if corte_texto else None
        except ValueError:
            aviso = aviso or "El mes, el periodo o la fecha de corte no son válidos: elíjalos de nuevo."
        if aviso:
            elegido = {"formatos": elegidos, "acompanantes": aps, "pdf": pdf, "carpetas": carpetas, "kit": kit,
                       "mes": mes, "periodo": periodo, "corte": corte_texto, "borradores": borradores}
            return pagina(request, "trabajo.html", contexto_trabajo(request, subida, aviso, elegido), 400)
        opciones = Opciones(
            formatos=tuple(f for f in FORMATOS if f in elegidos),
            acompanantes=None if aps == todos_aps else tuple(sorted(aps)),
            pdf=pdf or carpetas or kit, carpetas=carpetas, kit=kit,
            mes=mes_valido, periodo=periodo_valido, borradores=borradores, corte=corte,
        )
        generacion = almacen.generar(subida, opciones)
        return RedirectResponse(f"/trabajo/{subida.id}/generacion/{generacion.id}", status_code=303)

    # --- avance y resultado ---
    def estado_de(generacion: Generacion) -> dict:
        texto = ESTADOS[generacion.estado]
        if generacion.estado == "generando" and generacion.total:
            texto = f"Generando documentos: {generacion.hechos} de {generacion.total}"
            formato = FORMATOS.get(generacion.formato_actual)
            texto += f" ({formato.titulo})…" if formato else "…"
        return {"estado": generacion.estado, "texto": texto, "hechos": generacion.hechos,
                "total": generacion.total, "terminada": generacion.terminada}

    async def ver_generacion(request: Request) -> Response:
        subida, generacion = generacion_de(request)
        archivos = generacion.archivos()
        return pagina(request, "generacion.html", {
            "subida": subida, "generacion": generacion, "avance": estado_de(generacion),
            "opciones": generacion.opciones, "formatos": FORMATOS,
            "acompanantes": {a.dni: a for a in subida.carga.expediente.acompanantes} if subida.carga.expediente else {},
            "conteo": _conteo(generacion), "grupos_archivos": _grupos_archivos(generacion, archivos),
            "reporte": generacion.reporte(),
            "no_usados": [tabla.fila_de(p) for p in subida.carga.errores] if generacion.estado == "terminado" else [],
            "fallidos": _fallidos(generacion),
            "avisos": _avisos(generacion),
            "pendientes": generacion.resumen.pendientes if generacion.estado == "terminado" and generacion.resumen else {},
            "borradores": Counter(r.formato for r in archivos if r.entrada and r.entrada.borrador),
            "periodos": PERIODOS,
            "segundos": numero(round(generacion.resumen.segundos, 1)) if generacion.resumen else "",
            "tamano_zip": _tamano(generacion.zip.stat().st_size) if generacion.estado == "terminado" else "",
        })

    async def estado(request: Request) -> Response:
        _subida, generacion = generacion_de(request)
        return JSONResponse(estado_de(generacion))

    async def cancelar(request: Request) -> Response:
        subida, generacion = generacion_de(request)
        generacion.cancelar.set()
        return RedirectResponse(f"/trabajo/{subida.id}/generacion/{generacion.id}", status_code=303)

    async def descargar_zip(request: Request) -> Response:
        subida, generacion = generacion_de(request)
        if generacion.estado != "terminado":
            raise Aviso(404, "Los documentos aún no están listos.")
        return FileResponse(generacion.zip, filename=f"documentos-{Path(subida.nombre).stem}.zip",
                            media_type="application/zip")

    def archivo_de(request: Request) -> tuple[Generacion, Path]:
        _subida, generacion = generacion_de(request)
        archivos = generacion.archivos()
        n = int(request.path_params["n"])
        if not 0 <= n < len(archivos):
            raise Aviso(404, "Ese archivo no es de esta generación.")
        ruta = archivos[n].ruta
        assert ruta is not None
        return generacion, ruta

    async def descargar(request: Request) -> Response:
        _generacion, ruta = archivo_de(request)
        return FileResponse(ruta, filename=ruta.name)

    async def ver(request: Request) -> Response:
        generacion, ruta = archivo_de(request)
        if ruta.suffix.lower() == ".pdf":
            return FileResponse(ruta, filename=ruta.name, media_type="application/pdf",
                                content_disposition_type="inline")
        if (hecho := ruta.with_suffix(".pdf")).is_file():  # ya se generó con la opción PDF
            return FileResponse(hecho, filename=hecho.name, media_type="application/pdf",
                                content_disposition_type="inline")
        n = int(request.path_params["n"])
        with cerrojo_vistas:
            cerrojo = vistas_previas.setdefault((generacion.id, n), threading.Lock())
        try:
            pdf = await run_in_threadpool(_vista_previa, generacion, n, ruta, cerrojo)
        except LibreOfficeNoEncontrado:
            return pagina(request, "error.html", {
                "titulo": "Falta LibreOffice para la vista previa",
                "mensaje": "La vista previa en PDF la hace LibreOffice, que no está instalado en este equipo. "
                           "Puede descargar el documento y abrirlo en Word.",
                "detalle": INSTALAR}, 503)
        if pdf is None:
            raise Aviso(500, "LibreOffice no pudo convertir este documento a PDF. Descárguelo y ábralo en Word.")
        return FileResponse(pdf, filename=ruta.with_suffix(".pdf").name, media_type="application/pdf",
                            content_disposition_type="inline")

    # --- red: entrar con la contraseña ---
    async def entrar(request: Request) -> Response:
        siguiente = request.query_params.get("siguiente", "/")
        if not siguiente.startswith("/") or siguiente.startswith("//"):
            siguiente = "/"
        if not ajustes.acceso.en_red:
            return RedirectResponse("/", status_code=303)
        if request.method == "GET":
            return pagina(request, "entrar.html", {"siguiente": siguiente, "aviso": ""})
        async with request.form(max_fields=3) as formulario:
            contrasena = str(formulario.get("contrasena", ""))
        if not ajustes.acceso.contrasena_valida(contrasena):
            await asyncio.sleep(1.0)  # probar muchas contraseñas no es práctico
            return pagina(request, "entrar.html", {"siguiente": siguiente, "aviso": "Contraseña equivocada."}, 403)
        respuesta = RedirectResponse(siguiente, status_code=303)
        ajustes.acceso.poner_cookie(respuesta, ajustes.acceso.nueva_sesion())
        return respuesta

    async def salir(request: Request) -> Response:
        ajustes.acceso.sesiones.pop(sesion(request), None)
        return RedirectResponse("/entrar" if ajustes.acceso.en_red else "/", status_code=303)

    # --- errores ---
    async def error_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        titulos = {404: "No se encontró", 405: "Acción no permitida", 411: "Falta el tamaño del archivo",
                   413: "Archivo demasiado grande"}
        genericos = {404: "La página pedida no existe.", 405: "Esa acción no se puede hacer con esta dirección."}
        mensaje = exc.detail if isinstance(exc, Aviso) else genericos.get(exc.status_code, "No se pudo atender el pedido.")
        titulo = exc.titulo if isinstance(exc, Aviso) and exc.titulo else titulos.get(exc.status_code, "No se pudo hacer")
        return pagina(request, "error.html", {"titulo": titulo,
                                              "mensaje": mensaje, "detalle": ""}, exc.status_code)

    async def error_interno(request: Request, exc: Exception) -> Response:
        return pagina(request, "error.html", {
            "titulo": "Error interno", "detalle": f"{type(exc).__name__}: {exc}",
            "mensaje": "Algo falló en el programa (no en sus datos). Vuelva a intentarlo; si se repite, copie el "
                       "detalle de abajo y envíeselo a quien le instaló formatos."}, 500)

    @contextlib.asynccontextmanager
    async def ciclo(_app: Starlette) -> AsyncIterator[None]:
        async def limpiar() -> None:
            while True:
                await asyncio.sleep(max(1.0, min(60.0, ajustes.caducidad / 4)))
                await run_in_threadpool(almacen.limpiar_caducadas)

        tarea = asyncio.create_task(limpiar())
        try:
            yield
        finally:
            tarea.cancel()
            await run_in_threadpool(almacen.cerrar)

    base = "/trabajo/{subida}"
    generacion = base + "/generacion/{generacion}"
    rutas = [
        Route("/", inicio),
        Route("/captura.xlsx", captura),
        Route("/subir", subir, methods=["POST"]),
        Route("/ejemplo", ejemplo, methods=["POST"]),
        Route(base, trabajo),
        Route(base + "/problemas.xlsx", problemas_xlsx),
        Route(base + "/generar", generar, methods=["POST"]),
        Route(generacion, ver_generacion),
        Route(generacion + "/estado", estado),
        Route(generacion + "/cancelar", cancelar, methods=["POST"]),
        Route(generacion + "/documentos.zip", descargar_zip),
        Route(generacion + "/archivo/{n:int}", descargar),
        Route(generacion + "/ver/{n:int}", ver),
        Route("/entrar", entrar, methods=["GET", "POST"]),
        Route("/salir", salir, methods=["POST"]),
        Mount("/estaticos", StaticFiles(directory=CARPETA / "estaticos"), name="estaticos"),
    ]
    app = Starlette(routes=rutas, lifespan=ciclo,
                    exception_handlers={HTTPException: error_http, Exception: error_interno})
    app.state.almacen = almacen
    app.add_middleware(Guardia, acceso=ajustes.acceso)
    return app


def _fecha(texto: str) -> datetime.date:
    """30/06/2026 (como se escribe en el libro) o 2026-06-30."""
    for patron in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(texto, patron).date()
        except ValueError:
            pass
    raise ValueError(texto)


def _enumerar(nombres: list[str]) -> str:
    """["A", "B", "C"] → «A», «B» y «C»"""
    citados = [f"«{n}»" for n in nombres]
    return " y ".join([", ".join(citados[:-1]), citados[-1]]) if len(citados) > 1 else "".join(citados)


def _libreoffice() -> bool:
    try:
        buscar_soffice()
    except LibreOfficeNoEncontrado:
        return False
    return True


def _descarga(datos: bytes, nombre: str, tipo: str) -> Response:
    from urllib.parse import quote

    return Response(datos, media_type=tipo, headers={
        "content-disposition": f"attachment; filename*=utf-8''{quote(nombre)}"})


def _tamano(bytes_: int) -> str:
    """1,5 MB; 120 KB (con los separadores de es_PE)."""
    megas = bytes_ / 2**20
    return f"{numero(round(megas, 1))} MB" if megas >= 1 else f"{numero(max(1, round(bytes_ / 1024)))} KB"


def _titulo(formato: str) -> str:
    """El título del formato para la oficina («Matriz de valoración del desempeño docente (PDF)»), no su
    identificador; lo que no es un formato (el kit, las carpetas de firmas) queda como está."""
    base = formato.removesuffix(" (pdf)")
    if base not in FORMATOS:
        return formato
    return FORMATOS[base].titulo + (" (PDF)" if base != formato else "")


def _conteo(generacion: Generacion) -> list[tuple[str, Counter]]:
    """La tabla por formato de la CLI (generados, sin cambios, fallidos), con el título de cada formato y la fila
    del total al final."""
    if generacion.resumen is None or generacion.estado != "terminado":
        return []
    filas = [(_titulo(f), cuenta) for f, cuenta in generacion.resumen.conteo().items()]
    total: Counter = Counter()
    for _formato, cuenta in filas:
        total.update(cuenta)
    return [*filas, ("Total", total)]


def _fallidos(generacion: Generacion) -> list[dict]:
    """Los documentos que no se generaron: formato (con su título), los registros de los que salía y por qué."""
    if generacion.resumen is None or generacion.estado != "terminado":
        return []
    return [{"formato": r.formato, "titulo": _titulo(r.formato),
             "registros": ", ".join(r.registros), "mensaje": r.mensaje} for r in generacion.resumen.fallidos]


def _avisos(generacion: Generacion) -> list[str]:
    """`Resumen.avisos` (lo que el lote dice además de los fallidos), con la carpeta «documentos» del .zip en
    lugar de la ruta temporal del servidor."""
    if generacion.resumen is None:
        return []
    interna = str(generacion.salida)
    return [a.replace(interna, "documentos") for a in generacion.resumen.avisos]


def _grupos_archivos(generacion: Generacion, archivos: list) -> list[tuple[str, list[dict]]]:
    """Los archivos por formato para la lista de la página: cada uno con su índice (para descargar y ver).

    Los PDF de cada documento no se listan aparte: el enlace «Ver en PDF» del documento los abre.
    """
    grupos: dict[str, list[dict]] = {}
    raiz = generacion.salida
    for n, r in enumerate(archivos):
        base, _, tipo = r.formato.partition(" (")
        if tipo == "pdf)" and base not in CARPETAS_UNIDAS:
            continue
        titulo = (FORMATOS[r.formato].titulo if r.formato in FORMATOS else
                  f"{CARPETAS_UNIDAS[base]} ({'PDF' if tipo == 'pdf)' else 'Word'})" if base in CARPETAS_UNIDAS
                  else r.formato)
        grupos.setdefault(titulo, []).append({
            "n": n, "nombre": r.ruta.relative_to(raiz).as_posix(), "extension": r.ruta.suffix.lower(),
        })
    return list(grupos.items())


def _vista_previa(generacion: Generacion, n: int, ruta: Path, cerrojo: threading.Lock) -> Path | None:
    """El PDF de un documento, hecho con LibreOffice en la carpeta de vistas previas (fuera de lo descargable)."""
    with cerrojo:
        carpeta = generacion.carpeta / "vista-previa"
        copia = carpeta / f"{n}{ruta.suffix.lower()}"
        pdf = copia.with_suffix(".pdf")
        if pdf.is_file():
            return pdf
        carpeta.mkdir(exist_ok=True)
        shutil.copyfile(ruta, copia)
        resultado = convertir_a_pdf([copia], trabajadores=1)
        return pdf if resultado and resultado[0].estado == "convertido" and pdf.is_file() else None
