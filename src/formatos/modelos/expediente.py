"""El expediente: un año de acompañamiento de una UGEL, validado registro por registro.

Un registro inválido no impide usar los demás: `validar_expediente` devuelve el expediente con los
registros válidos y la lista de problemas (cada uno con su ruta en los datos).
"""

from __future__ import annotations

import typing
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from typing import Any

from pydantic import Field, ValidationError, field_validator

from formatos.catalogo import NIVELES, catalogo
from formatos.errores import Invalido, Problema, Ruta, problemas_de
from formatos.modelos.actividades import GIA, Visita
from formatos.modelos.actores import UGEL, Acompanante, Docente, InstitucionEducativa
from formatos.modelos.base import Modelo, Registro
from formatos.modelos.calendario import Calendario, CalendarioEscolar, calendario_de
from formatos.modelos.informes import (
    BalanceCierre, BuenaPractica, Destinatario, DiagnosticoDocente, DiagnosticoInstitucion, EvaluacionFinDeAnio, Narrativa,
    NumeroInforme, SucesoRelevante, Taller,
)
from formatos.modelos.planes import PlanAnualAP, PlanAnualUGEL, PlanIndividual, PlanInstitucional, PlanMensual
from formatos.modelos.protocolo import Protocolo, protocolo_por_defecto
from formatos.modelos.tipos import Fecha
from formatos.modelos.valoracion import ValoracionDirectivo, ValoracionDocente

MAX_DOCENTES_POR_AP = 8
VISITAS_DIRECTIVO = ("diagnóstica", "cierre")
"""Las visitas en las que se valora también al docente en su rol de director (además de cada GIA con directores)."""
_INDICES: dict[tuple[int, int], tuple[list, dict[str, Any]]] = {}
"""Índices por clave de las secciones, por lista (que se guarda para que su id no se reutilice)."""
_CALENDARIOS: dict[int, tuple[CalendarioEscolar, Calendario]] = {}
_ACTIVIDADES: dict[tuple[int, ...], tuple[list, list, dict]] = {}


class Configuracion(Modelo):
    """Lo que la UGEL puede ajustar sin tocar el catálogo del paquete."""

    etiquetas_niveles: dict[str, str] = Field(default_factory=dict, description='p. ej. {"III": "suficiente"}')
    nombre_anio: str | None = Field(
        None, description=f"Nombre oficial del año, como lo fija el Estado (se imprime entre comillas en el encabezado). "
                          f"Obligatorio si el catálogo no lo trae (lo trae hasta {max(catalogo().anios)}); "
                          f"si se escribe, reemplaza al del catálogo")
    fecha_corte: Fecha | None = Field(
        None, description="Datos completos hasta esta fecha: los informes de los periodos que terminan hasta ese día "
                          "se generan aunque su último mes no tenga visitas ni GIA (ver `generar --corte`)")
    destinatarios_ugel: list[Destinatario] | None = Field(
        None, description="A quién van los informes trimestrales y final de la UGEL; por omisión, a la DRE/GRE "
                          "(ugel.dre) y a la Diser-Minedu (manual, l. 2340-2341 y 2693-2694)")

    @field_validator("etiquetas_niveles")
    @classmethod
    def _niveles(cls, v: dict[str, str]) -> dict[str, str]:
        desconocidos = [k for k in v if k not in NIVELES]
        if desconocidos:
            raise ValueError(f"niveles desconocidos: {', '.join(desconocidos)} (use I, II, III, IV)")
        return v


class Expediente(Modelo):
    """Todo lo que los formatos necesitan de un año de acompañamiento de una UGEL."""

    anio: int = Field(ge=2019, le=2100, description="Año lectivo")
    ugel: UGEL
    configuracion: Configuracion = Field(default_factory=Configuracion)
    acompanantes: list[Acompanante] = Field(default_factory=list)
    instituciones: list[InstitucionEducativa] = Field(default_factory=list)
    docentes: list[Docente] = Field(default_factory=list)
    visitas: list[Visita] = Field(default_factory=list)
    gias: list[GIA] = Field(default_factory=list)
    valoraciones: list[ValoracionDocente] = Field(default_factory=list)
    valoraciones_directivo: list[ValoracionDirectivo] = Field(default_factory=list)
    # --- planes ---
    protocolo: Protocolo = Field(default_factory=protocolo_por_defecto, description="Por omisión, el del manual")
    calendario_escolar: CalendarioEscolar = Field(
        default_factory=CalendarioEscolar,
        description="Correcciones al calendario escolar del año (por omisión, el del Minedu: datos/calendario.toml)")
    planes_individuales: list[PlanIndividual] = Field(default_factory=list)
    planes_institucionales: list[PlanInstitucional] = Field(default_factory=list)
    planes_anuales_ugel: list[PlanAnualUGEL] = Field(default_factory=list, description="Uno solo")
    planes_anuales_ap: list[PlanAnualAP] = Field(default_factory=list)
    planes_mensuales: list[PlanMensual] = Field(default_factory=list)

    # --- informes ---
    talleres: list[Taller] = Field(default_factory=list)
    sucesos: list[SucesoRelevante] = Field(default_factory=list)
    buenas_practicas: list[BuenaPractica] = Field(default_factory=list)
    diagnosticos_docente: list[DiagnosticoDocente] = Field(default_factory=list)
    diagnosticos_institucion: list[DiagnosticoInstitucion] = Field(default_factory=list)
    narrativas: list[Narrativa] = Field(default_factory=list)
    numeros_informe: list[NumeroInforme] = Field(default_factory=list)
    evaluaciones_fin_de_anio: list[EvaluacionFinDeAnio] = Field(
        default_factory=list, description="Evaluación de los estudiantes en la visita de cierre (la misma muestra que la "
                                          "línea de base)")
    balances_cierre: list[BalanceCierre] = Field(
        default_factory=list, description="Reunión de balance de cierre de cada I. E.: acuerdos y compromisos")

    # --- fin de las secciones ---

    # --- consultas que usan los formatos -------------------------------------------------------
    def indice(self, seccion: str) -> dict[str, Any]:
        """Los registros de una sección por su clave (armado una vez por lista: el lote consulta miles de veces)."""
        registros = getattr(self, seccion)
        guardado = _INDICES.get((id(registros), len(registros)))
        if guardado is None or guardado[0] is not registros:
            if len(_INDICES) >= 64:
                _INDICES.clear()
            guardado = _INDICES[id(registros), len(registros)] = (registros, {r.identificador(): r for r in registros})
        return guardado[1]

    def docente(self, dni: str) -> Docente:
        return self.indice("docentes")[dni]

    def institucion(self, codigo_modular: str) -> InstitucionEducativa:
        return self.indice("instituciones")[codigo_modular]

    def acompanante(self, dni: str) -> Acompanante:
        return self.indice("acompanantes")[dni]

    def visita(self, id_visita: str) -> Visita:
        return self.indice("visitas")[id_visita]

    def gia(self, id_gia: str) -> GIA:
        return self.indice("gias")[id_gia]

    def fecha_directivo(self, v: ValoracionDirectivo) -> date:
        """La fecha de una matriz del directivo: la suya, o la del GIA, o el último día de la visita."""
        if v.fecha is not None:
            return v.fecha
        return self.gia(v.id_gia).fecha if v.id_gia is not None else self.visita(str(v.id_visita)).ultimo_dia

    def docentes_de(self, dni_acompanante: str) -> list[Docente]:
        return [d for d in self.docentes if d.dni_acompanante == dni_acompanante]

    def etiqueta_nivel(self, nivel: str) -> str:
        return self.configuracion.etiquetas_niveles.get(nivel) or catalogo().niveles[nivel]

    def nombre_anio(self) -> str:
        return self.configuracion.nombre_anio or catalogo().nombre_anio(self.anio)

    def actividades_del_mes(self, dni: str, anio: int, mes: int) -> list[tuple[date, str, str]]:
        """Los GIA con docentes y los talleres del mes a los que asistió el docente, en orden:
        (su último día en el mes, qué fue —«el GIA con docentes del 26/06/2026»—, código del registro)."""
        clave = (id(self.gias), len(self.gias), id(self.talleres), len(self.talleres))
        guardado = _ACTIVIDADES.get(clave)
        if guardado is None or guardado[0] is not self.gias or guardado[1] is not self.talleres:
            if len(_ACTIVIDADES) >= 64:
                _ACTIVIDADES.clear()
            por_docente: dict[tuple[str, int, int], list[tuple[date, str, str]]] = {}
            for g in self.gias:
                if g.tipo == "docentes":
                    for d in g.participantes:
                        por_docente.setdefault((d, g.fecha.year, g.fecha.month), []).append(
                            (g.fecha, f"el GIA con docentes del {g.fecha:%d/%m/%Y}", g.id))
            for t in self.talleres:
                dias = [t.fecha_inicio + timedelta(days=n) for n in range((t.fecha_fin - t.fecha_inicio).days + 1)]
                ordinal = f"{t.numero}.{'er' if t.numero in (1, 3) else '°'}"
                for anio_mes in dict.fromkeys((x.year, x.month) for x in dias):
                    del_mes = [x for x in dias if (x.year, x.month) == anio_mes]
                    que = f"el {ordinal} taller ({t.fecha_inicio:%d/%m} al {t.fecha_fin:%d/%m/%Y})"
                    for d in dict.fromkeys(t.asistentes):
                        por_docente.setdefault((d, *anio_mes), []).append((del_mes[-1], que, t.id))
            guardado = _ACTIVIDADES[clave] = (self.gias, self.talleres, {k: sorted(v) for k, v in por_docente.items()})
        return guardado[2].get((dni, anio, mes), [])

    def fecha_termino_mes(self, valoracion: ValoracionDocente) -> date:
        """Cuándo se valoraron D1 y D4: la fecha dada o, sin ella, el último día hábil del mes de la visita (o el
        último GIA o taller del mes del docente, si es posterior)."""
        if valoracion.fecha_termino_mes is not None:
            return valoracion.fecha_termino_mes
        visita = self.visita(valoracion.id_visita)
        dia = visita.ultimo_dia
        fechas = [self.calendario().ultimo_habil(dia.year, dia.month), dia, valoracion.fecha or dia]
        fechas += [f for f, _, _ in self.actividades_del_mes(visita.dni_docente, dia.year, dia.month)]
        return max(fechas)

    def calendario(self) -> Calendario:
        """El calendario escolar efectivo del año (el del paquete con las correcciones del expediente)."""
        guardado = _CALENDARIOS.get(id(self.calendario_escolar))
        if guardado is None or guardado[0] is not self.calendario_escolar or guardado[1].anio != self.anio:
            if len(_CALENDARIOS) >= 64:
                _CALENDARIOS.clear()
            guardado = _CALENDARIOS[id(self.calendario_escolar)] = (
                self.calendario_escolar, calendario_de(self.anio, self.calendario_escolar))
        return guardado[1]


def secciones() -> dict[str, type[Registro]]:
    """Las secciones del expediente (listas de registros), en orden de dependencia."""
    tipos = typing.get_type_hints(Expediente)
    resultado = {}
    for nombre in Expediente.model_fields:
        args = typing.get_args(tipos[nombre])
        if typing.get_origin(tipos[nombre]) is list and args and issubclass(args[0], Registro):
            resultado[nombre] = args[0]
    return resultado


@dataclass
class Carga:
    """Resultado de validar un expediente: los registros válidos y todos los problemas."""

    expediente: Expediente | None
    problemas: list[Problema] = field(default_factory=list)
    rutas: dict[int, tuple] = field(default_factory=dict, repr=False)

    @property
    def errores(self) -> list[Problema]:
        return [p for p in self.problemas if p.gravedad == "error"]

    @property
    def advertencias(self) -> list[Problema]:
        return [p for p in self.problemas if p.gravedad == "advertencia"]

    def ruta(self, registro: Modelo) -> tuple:
        """La ruta en los datos de entrada de un registro válido (p. ej. ("docentes", 3))."""
        return self.rutas.get(id(registro), ())


Regla = Callable[[Expediente], Iterator[tuple[Modelo, str | None, str, bool]]]
"""Una regla entre registros: produce (registro, campo, mensaje, descartar). El registro puede ser también un dato
general con ruta (`protocolo`, `calendario_escolar`)."""

REGLAS: list[Regla] = []


def regla(funcion: Regla) -> Regla:
    REGLAS.append(funcion)
    return funcion


def validar_expediente(datos: Any, *, vaciar: bool = False) -> Carga:
    """Valida un expediente en bruto (dict de JSON o de Excel) registro por registro.

    Con `vaciar`, cada registro en bruto se quita de su lista en `datos` (queda None) apenas se valida: los
    datos en bruto y los validados no ocupan memoria a la vez. Para quien ya no usa `datos` después.
    """
    if not isinstance(datos, dict):
        return Carga(None, [Problema((), "el expediente debe ser un objeto JSON con sus secciones")])
    problemas: list[Problema] = []
    seccs = secciones()
    cabecera = {k: v for k, v in datos.items() if k not in seccs}
    try:
        base = Expediente.model_validate(cabecera)
    except ValidationError as e:
        return Carga(None, problemas_de(e))

    carga = Carga(None, problemas)
    # Los datos generales que las reglas señalan (p. ej. un mínimo del protocolo) llevan su ruta.
    carga.rutas[id(base.protocolo)] = ("protocolo",)
    carga.rutas[id(base.calendario_escolar)] = ("calendario_escolar",)
    if not base.nombre_anio():
        problemas.append(Problema(("configuracion", "nombre_anio"), (
            f"falta el nombre oficial del año {base.anio} (el catálogo los trae hasta {max(catalogo().anios)}): escríbalo en "
            f"este dato (en Excel, hoja «Datos generales», «Nombre oficial del año»); mientras falte, los documentos salen "
            f"sin esa línea del encabezado"), "advertencia"))
    validos: dict[str, list[Registro]] = {}
    claves: dict[str, dict[str, tuple]] = {}
    for nombre, tipo in seccs.items():
        crudos = datos.get(nombre, [])
        if not isinstance(crudos, list):
            problemas.append(Problema((nombre,), crudos.mensaje() if isinstance(crudos, Invalido)
                                      else "debe ser una lista de registros"))
            crudos = []
        validos[nombre], claves[nombre] = [], {}
        for i, crudo in enumerate(crudos):
            if vaciar:
                crudos[i] = None
            ruta = (nombre, i)
            try:
                registro = tipo.model_validate(crudo)
            except ValidationError as e:
                problemas.extend(problemas_de(e, ruta))
                continue
            if tipo.clave:
                valor = registro.identificador()
                if valor in claves[nombre]:
                    anterior = Problema(claves[nombre][valor], "").lugar
                    problemas.append(Problema(ruta + (tipo.clave,), f'"{valor}" está repetido: ya figura en {anterior}'))
                    continue
            faltantes = _referencias_rotas(
                registro, claves, partial(_aviso, problemas, ruta))
            if faltantes:
                problemas.extend(Problema(ruta + (campo,), msg) for campo, msg in faltantes)
                continue
            if tipo.clave:
                claves[nombre][registro.identificador()] = ruta
            validos[nombre].append(registro)
            carga.rutas[id(registro)] = ruta

    expediente = Expediente.model_construct(**{**dict(base), **validos})
    descartados: set[int] = set()
    for funcion in REGLAS:
        for senalado, campo, mensaje, descartar in funcion(expediente):
            ruta = carga.ruta(senalado) + ((campo,) if campo else ())
            problemas.append(Problema(ruta, mensaje, "error" if descartar else "advertencia"))
            if descartar:
                descartados.add(id(senalado))
    if descartados:
        # Quitar un registro puede dejar huérfanos a otros: se vuelve a validar lo que queda.
        limpio = {n: [r for r in getattr(expediente, n) if id(r) not in descartados] for n in seccs}
        claves_vivas = {n: {r.identificador() for r in regs} for n, regs in limpio.items()}
        for nombre in seccs:
            quedan = []
            for r in limpio[nombre]:
                rotas = _referencias_rotas(r, claves_vivas, partial(_aviso, problemas, carga.ruta(r)))
                if rotas:
                    problemas.extend(Problema(carga.ruta(r) + (c,), m + " (descartado por otro error)") for c, m in rotas)
                    claves_vivas[nombre].discard(r.identificador())
                else:
                    quedan.append(r)
            limpio[nombre] = quedan
        expediente = Expediente.model_construct(**{**dict(base), **limpio})
    carga.expediente = expediente
    return carga


def _aviso(problemas: list[Problema], ruta: Ruta, campo: str, mensaje: str) -> None:
    problemas.append(Problema(ruta + (campo,), mensaje, "advertencia"))


def _referencias_rotas(registro: Registro, claves: dict, avisar: Callable[[str, str], None]) -> list[tuple[str, str]]:
    """Las referencias rotas, que descartan el registro. En un campo lista (p. ej. participantes) solo se
    quita el elemento que no existe, con un aviso: un docente mal escrito no cuesta el GIA entero."""
    rotas = []
    for campo, seccion in registro.referencias.items():
        valor, existentes = getattr(registro, campo), claves.get(seccion, {})
        if valor is None:  # referencia opcional sin dato
            continue
        if isinstance(valor, list) and campo in type(registro).model_fields:
            quedan = [v for v in valor if v in existentes]
            for v in valor:
                if v not in existentes:
                    avisar(campo, f'"{v}" no existe en {seccion}: se quitó de la lista')
            if len(quedan) < len(valor):  # sin cambios, el registro queda como está (y comparte sus campos)
                setattr(registro, campo, quedan)
        else:  # un dato simple, o una lista calculada (propiedad) que no se puede recortar
            rotas += [(campo, f'"{v}" no existe en {seccion}') for v in (valor if isinstance(valor, list) else [valor])
                      if v not in existentes]
    return rotas


# --- reglas entre registros ------------------------------------------------------------------------
def _en_anio_escolar(exp: Expediente, fecha: date) -> bool:
    return fecha.year == exp.anio and 3 <= fecha.month <= 12


@regla
def _fechas_del_anio(exp: Expediente):
    for seccion in ("visitas", "gias"):
        for r in getattr(exp, seccion):
            if not _en_anio_escolar(exp, r.fecha):
                yield r, "fecha", f"{r.fecha:%d/%m/%Y} está fuera del año escolar {exp.anio} (marzo a diciembre)", True


@regla
def _ocho_por_acompanante(exp: Expediente):
    cuenta = Counter(d.dni_acompanante for d in exp.docentes)
    for ap in exp.acompanantes:
        if cuenta[ap.dni] > MAX_DOCENTES_POR_AP:
            yield ap, None, f"el AP {ap.nombre_completo} tiene {cuenta[ap.dni]} docentes; la estrategia fija {MAX_DOCENTES_POR_AP} por AP", False


@regla
def _un_director_por_ie(exp: Expediente):
    vistos: dict[str, Docente] = {}
    for d in exp.docentes:
        if d.es_director:
            if d.codigo_modular in vistos:
                yield d, "es_director", f"la I. E. {d.codigo_modular} ya tiene director ({vistos[d.codigo_modular].nombre_completo})", True
            vistos[d.codigo_modular] = d
    for ie in exp.instituciones:
        if ie.tipo == "unidocente":
            if ie.codigo_modular not in vistos and any(d.codigo_modular == ie.codigo_modular for d in exp.docentes):
                yield ie, "tipo", "en la I. E. unidocente el docente es también director (es_director: true)", False
            n = sum(d.codigo_modular == ie.codigo_modular for d in exp.docentes)
            if n > 1:
                yield ie, "tipo", f"la I. E. es unidocente pero tiene {n} docentes", False


@regla
def _valoracion_tras_visita(exp: Expediente):
    """Los dos momentos de la valoración docente (manual l. 2136-2141): la visita y el término del mes."""
    visitas = exp.indice("visitas")
    sin_fecha = []
    for v in exp.valoraciones:
        visita = visitas[v.id_visita]
        if not _en_anio_escolar(exp, visita.fecha):
            continue  # la visita se descarta por su fecha (y con ella la valoración)
        ultimo, mes = visita.ultimo_dia, (visita.ultimo_dia.year, visita.ultimo_dia.month)
        if v.fecha is not None and v.fecha < ultimo:
            yield v, "fecha", f"los desempeños de la visita se valoran al concluirla: la fecha no puede ser anterior al {ultimo:%d/%m/%Y}", True
        elif v.fecha is not None and (v.fecha.year, v.fecha.month) != mes:
            yield v, "fecha", f"la valoración es del mes de la visita ({ultimo:%m/%Y}): la fecha {v.fecha:%d/%m/%Y} no lo es", True
        cierre = v.fecha_termino_mes
        if cierre is None:
            sin_fecha.append(v)
            continue
        if (cierre.year, cierre.month) != mes:
            yield v, "fecha_termino_mes", (f"D1 y D4 se valoran al término del mes de la visita ({ultimo:%m/%Y}): "
                                           f"el {cierre:%d/%m/%Y} no es de ese mes"), True
        elif cierre < max(ultimo, v.fecha or ultimo):
            yield v, "fecha_termino_mes", (f"D1 y D4 se valoran al término del mes, después de la visita: "
                                           f"el {cierre:%d/%m/%Y} es anterior al {max(ultimo, v.fecha or ultimo):%d/%m/%Y}"), True
        else:
            despues = [(que, codigo) for f, que, codigo in exp.actividades_del_mes(visita.dni_docente, *mes) if f > cierre]
            if despues:
                que, codigo = despues[-1]
                yield v, "fecha_termino_mes", (f"D1 y D4 se valoran al término del mes, con lo recogido en la visita, el GIA "
                                               f"y el taller del mes: el {cierre:%d/%m/%Y} es anterior a {que} ({codigo}), "
                                               "al que asistió el docente"), True
    if sin_fecha:
        yield sin_fecha[0], "fecha_termino_mes", (
            f"{len(sin_fecha)} valoración(es) sin la fecha en que se valoraron D1 y D4 al término del mes: se toma el "
            "último día hábil del mes de la visita (o el último GIA o taller del docente en el mes, si es posterior)"), False


@regla
def _directivo_es_director(exp: Expediente):
    docentes, gias, visitas = exp.indice("docentes"), exp.indice("gias"), exp.indice("visitas")
    for v in exp.valoraciones_directivo:
        if not docentes[v.dni_director].es_director:
            yield v, "dni_director", f"{docentes[v.dni_director].nombre_completo} no figura como director (es_director)", True
        if v.id_gia is not None and gias[v.id_gia].tipo != "directores":
            yield v, "id_gia", "la matriz del directivo se llena al concluir un GIA con directores", True
        if v.id_visita is not None:
            visita = visitas[v.id_visita]
            if visita.dni_docente != v.dni_director:
                yield v, "id_visita", f"la visita {visita.id} es a otro docente ({visita.dni_docente})", True
            elif visita.tipo not in VISITAS_DIRECTIVO:
                yield v, "id_visita", (f"el director se valora en la visita diagnóstica o en la de cierre (manual, l. 985-986 "
                                       f"y 2543-2545), no en la {catalogo().nombre_visita(visita.tipo)}"), True
            elif v.fecha is not None and v.fecha < visita.ultimo_dia:
                yield v, "fecha", (f"la matriz se llena al concluir la visita: la fecha no puede ser anterior al "
                                   f"{visita.ultimo_dia:%d/%m/%Y}"), True


# --- reglas de los planes ----------------------------------------------------------------------------------
@regla
def _un_plan_anual_ugel(exp: Expediente):
    for plan in exp.planes_anuales_ugel[1:]:
        yield plan, None, "el expediente lleva un solo plan anual de la UGEL: este sobra", True


@regla
def _plan_de_sus_docentes(exp: Expediente):
    docentes = exp.indice("docentes")
    planes: list[PlanAnualAP | PlanMensual] = [*exp.planes_anuales_ap, *exp.planes_mensuales]
    for plan in planes:
        ajenos = [docentes[d] for d in plan.docentes_citados if docentes[d].dni_acompanante != plan.dni_acompanante]
        for d in ajenos:
            yield plan, "docentes_citados", f"{d.nombre_completo} ({d.dni}) es docente de otro AP ({d.dni_acompanante})", True
        suyas = {d.codigo_modular for d in exp.docentes_de(plan.dni_acompanante)}
        for cm in plan.instituciones_citadas:
            if cm not in suyas:
                yield plan, "instituciones_citadas", f"la I. E. {cm} no tiene docentes a cargo de este AP", True


@regla
def _gia_de_directores(exp: Expediente):
    docentes = exp.indice("docentes")
    for plan in exp.planes_mensuales:
        for i, gia in enumerate(plan.gias):
            if gia.tipo == "directores":
                for d in gia.participantes:
                    if not docentes[d].es_director:
                        yield plan, "gias", f"gias[{i}]: {docentes[d].nombre_completo} no es director y figura en un GIA con directores", True


@regla
def _directivo_solo_con_directores(exp: Expediente):
    docentes = exp.indice("docentes")
    for plan in exp.planes_mensuales:
        for i, v in enumerate(plan.visitas):
            if v.desempenos_directivo and not docentes[v.dni_docente].es_director:
                yield plan, "visitas", (f"visitas[{i}]: {docentes[v.dni_docente].nombre_completo} no figura como director: "
                                        f"revise desempenos_directivo (MBDDI) de su visita"), False


@regla
def _contenido_del_plan_individual(exp: Expediente):
    for plan in exp.planes_individuales:
        faltan = plan.contenidos_sin_precisar()
        if faltan:
            yield plan, None, (f"el plan no precisa {', '.join(faltan)} (manual 2.2.1.7): el documento dice «No se precisó» "
                               f"en esas partes"), False


@regla
def _plan_institucional_con_director(exp: Expediente):
    directores = {d.codigo_modular for d in exp.docentes if d.es_director}
    for plan in exp.planes_institucionales:
        if plan.codigo_modular not in directores:
            yield plan, "codigo_modular", "el plan institucional lo firma el director: ningún docente de la I. E. figura como director", True
