"""Piezas comunes de los informes: cabecera de informe peruano, tablas de niveles, metas, gráficos.

Las cifras salen de `formatos.analisis`; aquí solo se ordenan en filas de tabla y datos de gráfico (el
gráfico se dibuja en la salida, a partir de estos datos).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from formatos.analisis import niveles as an
from formatos.analisis import metas as am
from formatos.analisis.metas import Meta
from formatos.analisis.periodos import ROMANOS, Periodo, mes
from formatos.analisis.protocolo import faltas_ejecutadas, faltas_plan_mensual
from formatos.catalogo import NIVELES, catalogo
from formatos.modelos.actores import Acompanante, Firmante, Persona
from formatos.modelos.expediente import Expediente
from formatos.modelos import reglas_informes  # noqa: F401 - registra las reglas de las secciones de informes
from formatos.catalogo import leer_datos
from formatos.modelos.informes import Destinatario, Narrativa, NumeroInforme
from formatos.modelos.valoracion import ValoracionDirectivo
from formatos.numeros import numero, ordinal, porcentaje

SIN_VALORACION = "sin valoración"


class Serie(BaseModel):
    nombre: str
    valores: list[float]


class Grafico(BaseModel):
    """Los datos de un gráfico de barras; la salida lo dibuja (ver `formatos.salida.graficos`)."""

    grafico: Literal["barras", "barras_apiladas"] = "barras"
    titulo: str
    categorias: list[str]
    series: list[Serie]
    eje_y: str = "Docentes"
    enteros: bool = Field(True, description="Cantidades (docentes, estudiantes): eje desde 0 con marcas enteras")
    ancho_cm: float = 16
    alto_cm: float = 7


class Cabecera(BaseModel):
    """El bloque de un informe peruano: número, A / DE / ASUNTO / REFERENCIA / FECHA."""

    numero: str = Field(description='p. ej. "INFORME N.° 054-2026-UGEL-SM/AGP"')
    destinatarios: list[Destinatario] = Field(description="A: uno o más (el trimestral y el final de la UGEL van a la "
                                                          "DRE/GRE y a la Diser-Minedu)")
    a_nombre: str = Field(description="El primer destinatario (para una plantilla propia que muestra uno solo)")
    a_cargo: str
    de_nombre: str
    de_cargo: str
    asunto: str
    referencia: str
    lugar: str
    fecha: date


class FilaIE(BaseModel):
    numero: int
    nombre: str
    codigo_modular: str
    tipo: str
    centro_poblado: str
    distrito: str
    docentes: int
    acompanante: str


class FilaDistribucion(BaseModel):
    codigo: str
    desempeno: str
    nivel_i: int
    nivel_ii: int
    nivel_iii: int
    nivel_iv: int
    sin_valoracion: int


class FilaComparacion(BaseModel):
    """Un docente en un desempeño; "—" donde no hay valoración y la tendencia dice "sin valoración"."""

    docente: str = Field(description="Solo en la primera fila de cada docente")
    codigo: str
    linea_base: str
    inicio: str
    fin: str
    tendencia: str


class FilaInicioFin(BaseModel):
    """Por desempeño: docentes en nivel III o IV al inicio y al término del periodo."""

    codigo: str
    desempeno: str
    inicio: int
    fin: int
    valorados: int
    variacion: str


class FilaTendencia(BaseModel):
    codigo: str
    desempeno: str
    sube: int
    se_mantiene: int
    baja: int
    sin_valoracion: int


class FilaMeta(BaseModel):
    actividad: str
    unidad: str
    programado: str
    ejecutado: str
    avance: str


class FilaMetaPlan(BaseModel):
    """Meta trimestral del plan individual frente al nivel alcanzado."""

    docente: str = Field(description="Solo en la primera fila de cada docente")
    codigo: str
    meta: str
    alcanzado: str
    estado: str


class FilaMetaUGEL(BaseModel):
    codigo: str
    desempeno: str
    meta: str = Field(description='p. ej. "45% en nivel III o más"')
    logrado: str
    docentes: str = Field(description='"en el nivel / valorados"')
    estado: str = Field(description="lograda, no lograda, sin valoración o sin meta")


class FilaMetasDocente(BaseModel):
    docente: str
    visitas: str = Field(description='"ejecutado / programado"')
    visitas_completas: str = Field(description="Visitas con las horas mínimas del protocolo, ejecutadas / programadas")
    horas_visita: str = Field(description="Horas de observación, preparación y asesoría, ejecutadas / programadas")
    gia_horas: str
    talleres: str


class FilaDesempeno(BaseModel):
    codigo: str
    desempeno: str
    nivel: str
    evidencias: str
    producto: str


class AprendizajeDocente(BaseModel):
    """Lo que el docente logró en el periodo, con la evidencia de su última matriz y su resultado en el taller."""

    docente: str
    institucion: str
    taller: list[str] = Field(default_factory=list, description="Resultado individual en el taller que terminó en el "
                                                                "periodo (manual, l. 2279-2280); o que no asistió")
    fecha: date | None = Field(description="Fecha de la matriz; vacía si no hubo valoración")
    visita: str = Field(description='La visita de la matriz, como se nombra en una frase: "visita de asesoría"')
    filas: list[FilaDesempeno]


class FilaDirectivo(BaseModel):
    codigo: str
    desempeno: str
    evidencias: str
    necesidades_formativas: str


class EvidenciaDirector(BaseModel):
    """Una matriz del directivo (MBDDI): evidencias y necesidades formativas, sin nivel de logro."""

    director: str
    institucion: str
    fecha: date
    momento: str = Field(description='"GIA con directores: tema" o "Visita diagnóstica"')
    filas: list[FilaDirectivo]


class FilaSuceso(BaseModel):
    fecha: date
    actividad: str
    descripcion: str
    efecto: str
    accion: str


class FilaBuenaPractica(BaseModel):
    docente: str
    institucion: str
    titulo: str
    clasificacion: str
    descripcion: str
    aporte: str
    evidencias: str


class Texto(BaseModel):
    """La narrativa del periodo; un campo vacío sale como "No se registró." en el documento."""

    logros: str = ""
    conclusiones: str = ""
    desempenos_a_priorizar: list[str] = Field(default_factory=list)
    acciones_a_priorizar: str = ""
    lecciones_aprendidas: str = ""
    propuestas: str = ""
    aspectos_administrativos: str = ""


# --- constructores --------------------------------------------------------------------------------
def nombre(p: Persona | Firmante) -> str:
    return f"{p.nombres} {p.apellidos}"


def leyenda(exp: Expediente) -> str:
    return " · ".join(f"{n} {exp.etiqueta_nivel(n)}" for n in NIVELES)


def denominacion(codigo: str) -> str:
    return catalogo().desempeno_docente(codigo).denominacion


def numero_informe(exp: Expediente, formato: str, periodo: str, ap: Acompanante | None) -> NumeroInforme | None:
    return exp.indice("numeros_informe").get(f"{formato} {ap.dni if ap else 'UGEL'} {periodo}")


def texto_numero(exp: Expediente, registro: NumeroInforme | None, ap: Acompanante | None,
                 clase: str = "INFORME") -> str:
    """ "INFORME N.° 054-2026-UGEL-SM/AGP"; el de un AP lleva sus iniciales; sin número, un espacio para escribirlo."""
    numero = f"{registro.numero:03d}" if registro else "_____"
    siglas = exp.ugel.siglas_informe or exp.ugel.nombre
    if ap:
        siglas += "/AP-" + "".join(p[0] for p in f"{ap.nombres} {ap.apellidos}".split()).upper()
    return f"{clase} N.° {numero}-{exp.anio}-{siglas}"


def destinatarios(exp: Expediente, formato: str, registro: NumeroInforme | None) -> list[Destinatario]:
    """A quién va un informe de la UGEL: el destinatario de su numeración; si no, el de la configuración (el
    trimestral y el final) o, por omisión, los de `datos/informes.toml` (el trimestral y el final, a la DRE/GRE y
    a la Diser-Minedu: manual, l. 2340-2341 y 2693-2694)."""
    if registro and (registro.destinatario or registro.cargo_destinatario):
        return [Destinatario(nombre=registro.destinatario,
                             cargo=registro.cargo_destinatario or f"Director(a) de la {exp.ugel.nombre}")]
    if formato in ("informe-trimestral-ugel", "informe-final-ugel") and exp.configuracion.destinatarios_ugel:
        return exp.configuracion.destinatarios_ugel
    cargos = leer_datos("informes.toml")["destinatarios"].get(formato, ["Director(a) de la {ugel}"])
    return [Destinatario(cargo=c.format(dre=exp.ugel.dre, ugel=exp.ugel.nombre)) for c in cargos]


def cabecera(exp: Expediente, formato: str, periodo: str, ap: Acompanante | None, asunto: str,
             fecha: date, clase: str = "INFORME") -> Cabecera:
    """Del AP al jefe de AGP; de la UGEL (jefe de AGP) a sus destinatarios (ver `destinatarios`)."""
    registro = numero_informe(exp, formato, periodo, ap)
    jefe = exp.ugel.jefe_agp
    if ap:
        a = [Destinatario(nombre=nombre(jefe), cargo=jefe.cargo) if jefe else
             Destinatario(cargo="Jefe(a) del Área de Gestión Pedagógica")]
        de_nombre, de_cargo = nombre(ap), "Acompañante pedagógico"
    else:
        a = destinatarios(exp, formato, registro)
        de_nombre, de_cargo = (nombre(jefe), jefe.cargo) if jefe else ("", "Jefe(a) del Área de Gestión Pedagógica")
    return Cabecera(
        numero=texto_numero(exp, registro, ap, clase),
        destinatarios=a, a_nombre=a[0].nombre, a_cargo=a[0].cargo, de_nombre=de_nombre, de_cargo=de_cargo,
        asunto=asunto,
        referencia=(registro.referencia if registro and registro.referencia else
                    "Manual de acompañamiento pedagógico a docentes de II. EE. multigrado (Minedu, 2019)"),
        lugar=exp.ugel.sede,
        fecha=registro.fecha if registro and registro.fecha else fecha,
    )


def narrativa(exp: Expediente, ap: Acompanante | None, periodo: str) -> Texto:
    registro: Narrativa | None = exp.indice("narrativas").get(f"{ap.dni if ap else 'UGEL'} {periodo}")
    if registro is None:
        return Texto()
    datos = registro.model_dump(exclude={"dni_acompanante", "periodo", "desempenos_a_priorizar"})
    return Texto(**datos, desempenos_a_priorizar=[f"{c}: {denominacion(c)}" for c in registro.desempenos_a_priorizar])


def filas_ie(exp: Expediente, dnis_ap: list[str]) -> list[FilaIE]:
    filas: list[FilaIE] = []
    for ap_dni in dnis_ap:
        docentes = exp.docentes_de(ap_dni)
        codigos = list(dict.fromkeys(d.codigo_modular for d in docentes))
        for cm in codigos:
            ie = exp.institucion(cm)
            filas.append(FilaIE(
                numero=len(filas) + 1, nombre=ie.nombre, codigo_modular=cm, tipo=ie.tipo,
                centro_poblado=ie.centro_poblado, distrito=ie.distrito,
                docentes=sum(d.codigo_modular == cm for d in docentes), acompanante=nombre(exp.acompanante(ap_dni)),
            ))
    return filas


def filas_distribucion(distribucion: list[an.Distribucion]) -> list[FilaDistribucion]:
    return [
        FilaDistribucion(codigo=d.codigo, desempeno=denominacion(d.codigo), nivel_i=d.conteo["I"], nivel_ii=d.conteo["II"],
                         nivel_iii=d.conteo["III"], nivel_iv=d.conteo["IV"], sin_valoracion=d.sin_valoracion)
        for d in distribucion
    ]


def grafico_distribucion(exp: Expediente, distribucion: list[an.Distribucion], titulo: str) -> Grafico:
    return Grafico(
        grafico="barras_apiladas", titulo=titulo, categorias=[d.codigo for d in distribucion],
        series=[Serie(nombre=f"Nivel {n} ({exp.etiqueta_nivel(n)})", valores=[d.conteo[n] for d in distribucion])
                for n in NIVELES],
        alto_cm=7.5,
    )


def filas_comparacion(exp: Expediente, comparaciones: list[an.Comparacion]) -> list[FilaComparacion]:
    filas, anterior = [], None
    for c in comparaciones:
        filas.append(FilaComparacion(
            docente=nombre(exp.docente(c.dni)) if c.dni != anterior else "",
            codigo=c.codigo, linea_base=c.linea_base or "—", inicio=c.inicio or "—", fin=c.fin or "—",
            tendencia=c.tendencia_texto,
        ))
        anterior = c.dni
    return filas


def filas_inicio_fin(comparaciones: list[an.Comparacion]) -> list[FilaInicioFin]:
    altos = ("III", "IV")
    filas = []
    for codigo in catalogo().codigos_docente:
        propias = [c for c in comparaciones if c.codigo == codigo and c.fin is not None]
        inicio = sum(c.inicio in altos for c in propias)
        fin = sum(c.fin in altos for c in propias)
        filas.append(FilaInicioFin(codigo=codigo, desempeno=denominacion(codigo), inicio=inicio, fin=fin,
                                   valorados=len(propias), variacion=f"{fin - inicio:+d}" if fin != inicio else "0"))
    return filas


def grafico_inicio_fin(filas: list[FilaInicioFin], titulo: str) -> Grafico:
    return Grafico(
        titulo=titulo, categorias=[f.codigo for f in filas],
        series=[Serie(nombre="Al inicio", valores=[f.inicio for f in filas]),
                Serie(nombre="Al término", valores=[f.fin for f in filas])],
        eje_y="Docentes en nivel III o IV",
    )


def filas_tendencia(resumen: list[an.ResumenTendencia]) -> list[FilaTendencia]:
    return [
        FilaTendencia(codigo=r.codigo, desempeno=denominacion(r.codigo), sube=r.conteo["sube"],
                      se_mantiene=r.conteo["se mantiene"], baja=r.conteo["baja"], sin_valoracion=r.conteo["sin valoración"])
        for r in resumen
    ]


def grafico_tendencia(filas: list[FilaTendencia], titulo: str) -> Grafico:
    return Grafico(
        grafico="barras_apiladas", titulo=titulo, categorias=[f.codigo for f in filas],
        series=[Serie(nombre="Sube", valores=[f.sube for f in filas]),
                Serie(nombre="Se mantiene", valores=[f.se_mantiene for f in filas]),
                Serie(nombre="Baja", valores=[f.baja for f in filas]),
                Serie(nombre="Sin valoración", valores=[f.sin_valoracion for f in filas])],
    )


def cifra(v: float) -> str:
    """Una cifra de las tablas con hasta un decimal, como en es_PE: 4 → "4"; 12.5 → "12.5"."""
    return numero(v, 1)


def filas_metas(metas: list[Meta]) -> list[FilaMeta]:
    return [
        FilaMeta(actividad=m.actividad, unidad=m.unidad, programado=cifra(m.programado), ejecutado=cifra(m.ejecutado),
                 avance=porcentaje(m.porcentaje) if m.porcentaje is not None else "no programado")
        for m in metas
    ]


def numero_trimestre(exp: Expediente, periodo: Periodo) -> int:
    """El trimestre cuyas metas se comparan: el del periodo, o el último del año en el informe final."""
    return int(periodo.clave[1:]) if periodo.clave.startswith("T") else max(exp.protocolo.trimestres)


def filas_metas_plan(exp: Expediente, dnis: list[str], periodo: Periodo) -> tuple[list[FilaMetaPlan], str]:
    """Las metas de los planes individuales y un resumen ("18 de 24 metas logradas...")."""
    filas: list[FilaMetaPlan] = []
    cuenta: dict[str, int] = {}
    numero = numero_trimestre(exp, periodo)
    for dni in dnis:
        for k, a in enumerate(am.avance_metas(exp, dni, numero, periodo)):
            filas.append(FilaMetaPlan(docente=nombre(exp.docente(dni)) if k == 0 else "", codigo=a.codigo,
                                      meta=a.meta or "—", alcanzado=a.alcanzado or "—", estado=a.estado))
            cuenta[a.estado] = cuenta.get(a.estado, 0) + 1
    con_meta = sum(n for e, n in cuenta.items() if e != "sin meta")
    resumen = (f"{cuenta.get('lograda', 0)} de {con_meta} metas del {ROMANOS[numero]} trimestre logradas"
               + "".join(f"; {cuenta[e]} {e}" for e in ("sin valoración", "sin meta") if cuenta.get(e)) + ".") if filas else ""
    return filas, resumen


def filas_metas_ugel(exp: Expediente, periodo: Periodo) -> list[FilaMetaUGEL]:
    numero = numero_trimestre(exp, periodo)
    return [
        FilaMetaUGEL(codigo=a.codigo, desempeno=denominacion(a.codigo),
                     meta=f"{porcentaje(a.meta)} en nivel {a.nivel} o más" if a.meta is not None else "sin meta",
                     logrado=porcentaje(a.logrado) if a.logrado is not None else SIN_VALORACION,
                     docentes=f"{a.en_nivel} / {a.valorados}", estado=a.estado)
        for a in am.avance_metas_ugel(exp, numero, periodo)
    ]


def faltas_protocolo(exp: Expediente, aps: set[str], periodo: Periodo) -> list[str]:
    """Lo que los planes mensuales del periodo programaron por debajo del protocolo (análisis de los planes)."""
    return [f"{nombre(exp.acompanante(p.dni_acompanante))}, {periodo_mes(exp, p.mes)}: {falta}"
            for p in sorted(exp.planes_mensuales, key=lambda p: (p.mes, p.dni_acompanante))
            if p.dni_acompanante in aps and p.mes in periodo.meses for falta in faltas_plan_mensual(exp, p)]


def periodo_mes(exp: Expediente, numero: int) -> str:
    return mes(exp.anio, numero).nombre


def par(metas: list[Meta], clave: str) -> str:
    """ "ejecutado / programado" de la meta con esa clave."""
    m = am.meta(metas, clave)
    return f"{cifra(m.ejecutado)} / {cifra(m.programado)}"


def cifra_par(metas: list[Meta]) -> str:
    """La suma de varias metas, "ejecutado / programado" (p. ej. las tres horas de la visita)."""
    return f"{cifra(sum(m.ejecutado for m in metas))} / {cifra(sum(m.programado for m in metas))}"


def fila_metas_docente(exp: Expediente, dni: str, metas: list[Meta]) -> FilaMetasDocente:
    return FilaMetasDocente(docente=nombre(exp.docente(dni)), visitas=par(metas, "visitas"),
                            visitas_completas=par(metas, "visitas_completas"), horas_visita=par(metas, "horas_visita"),
                            gia_horas=par(metas, "gia_docentes_horas"), talleres=par(metas, "talleres"))


def faltas_ejecucion(exp: Expediente, aps: set[str], periodo: Periodo) -> list[str]:
    """Lo ejecutado en el periodo por debajo del protocolo (visitas, jornadas, GIA), de los AP dados."""
    return [f.texto for f in faltas_ejecutadas(exp)
            if f.dni_acompanante in aps and f.fecha is not None and periodo.contiene(f.fecha)]


def resultados_taller(exp: Expediente, dni: str, periodo: Periodo) -> list[str]:
    """El resultado del docente en cada taller que terminó en el periodo: pruebas de entrada y salida y su producto."""
    lineas = []
    for t in sorted(exp.talleres, key=lambda t: t.fecha_inicio):
        if not periodo.contiene(t.fecha_fin):
            continue
        cual = f"{ordinal(t.numero, apocope=True)} taller de actualización docente ({fecha_corta(t.fecha_inicio)} al " \
               f"{fecha_corta(t.fecha_fin)})"
        if dni not in t.asistentes:
            lineas.append(f"{cual}: no asistió.")
            continue
        r = t.resultado(dni)
        if r is None:
            lineas.append(f"{cual}: asistió; no se registró su resultado individual.")
            continue
        maximo = numero(t.puntaje_maximo)
        pruebas = [f"prueba {cual_prueba} {numero(p)}/{maximo}" for cual_prueba, p in
                   (("de entrada", r.prueba_entrada), ("de salida", r.prueba_salida)) if p is not None]
        partes = ", ".join(pruebas) + (f"; producto: {r.producto}" if r.producto else "")
        lineas.append(f"{cual}: {partes}" + ("" if partes.endswith(".") else "."))
    return lineas


def fecha_corta(fecha: date) -> str:
    return f"{fecha:%d/%m/%Y}"


def aprendizaje(exp: Expediente, dni: str, periodo: Periodo) -> AprendizajeDocente:
    """La última matriz del docente en el periodo (sus desempeños atendidos con nivel y evidencias) y su resultado en
    el taller que terminó en el periodo."""
    docente = exp.docente(dni)
    propias = an.notas_en(exp, dni, periodo)
    ie = exp.institucion(docente.codigo_modular).nombre
    taller = resultados_taller(exp, dni, periodo)
    if not propias:
        return AprendizajeDocente(docente=nombre(docente), institucion=ie, taller=taller, fecha=None, visita="", filas=[])
    nota = propias[-1]
    return AprendizajeDocente(
        docente=nombre(docente), institucion=ie, taller=taller, fecha=nota.fecha,
        visita=catalogo().nombre_visita(nota.tipo_visita),
        filas=[FilaDesempeno(codigo=f.codigo, desempeno=denominacion(f.codigo), nivel=f.nivel_alcanzado,
                             evidencias=f.evidencias, producto=f.producto_asesoria) for f in an.atendidos(nota)],
    )


def evidencias_directores(exp: Expediente, dnis: list[str], periodo: Periodo) -> list[EvidenciaDirector]:
    resultado = []
    for v in an.valoraciones_directivo(exp, dnis, periodo):
        resultado.append(evidencia_director(exp, v))
    return resultado


def evidencia_director(exp: Expediente, v: ValoracionDirectivo) -> EvidenciaDirector:
    director = exp.docente(v.dni_director)
    momento = (f"GIA con directores: {exp.gia(v.id_gia).tema}" if v.id_gia is not None
               else catalogo().nombre_visita(exp.visita(str(v.id_visita)).tipo).capitalize())
    return EvidenciaDirector(
        director=nombre(director), institucion=exp.institucion(director.codigo_modular).nombre,
        fecha=exp.fecha_directivo(v), momento=momento,
        filas=[FilaDirectivo(codigo=d.codigo, desempeno=catalogo().desempeno_directivo(d.codigo).denominacion,
                             evidencias=d.evidencias, necesidades_formativas=d.necesidades_formativas)
               for d in v.desempenos],
    )


def filas_sucesos(exp: Expediente, aps: set[str], periodo: Periodo) -> list[FilaSuceso]:
    return [
        FilaSuceso(fecha=s.fecha, actividad=s.actividad, descripcion=s.descripcion, efecto=s.efecto, accion=s.accion)
        for s in sorted(exp.sucesos, key=lambda s: (s.fecha, s.id))
        if s.dni_acompanante in aps and periodo.contiene(s.fecha)
    ]


def filas_buenas_practicas(exp: Expediente, dnis: list[str], periodo: Periodo) -> list[FilaBuenaPractica]:
    filas = []
    for b in sorted(exp.buenas_practicas, key=lambda b: (b.fecha, b.id)):
        if b.dni_docente in dnis and periodo.contiene(b.fecha):
            d = exp.docente(b.dni_docente)
            filas.append(FilaBuenaPractica(
                docente=nombre(d), institucion=exp.institucion(d.codigo_modular).nombre, titulo=b.titulo,
                clasificacion=b.clasificacion, descripcion=b.descripcion, aporte=b.aporte, evidencias=b.evidencias,
            ))
    return filas


def con_actividad(exp: Expediente, dnis: list[str], aps: set[str], periodo: Periodo) -> bool:
    """Si hubo visitas o GIA del grupo en el periodo (los informes se emiten solo entonces)."""
    return any(v.dni_docente in dnis and periodo.contiene(v.fecha) for v in exp.visitas) or any(
        g.dni_acompanante in aps and periodo.contiene(g.fecha) for g in exp.gias
    )


class FilaLogro(BaseModel):
    """Resultados de la evaluación de línea de base en un área: cantidad y porcentaje por nivel."""

    grupo: str = Field(description="Docente, AP o total")
    area: str
    en_inicio: str
    en_proceso: str
    satisfactorio: str
    evaluados: int


def filas_logro(grupo: str, logros: list) -> list[FilaLogro]:
    def celda(lg, nivel: str) -> str:
        p = lg.porcentaje(nivel)
        return f"{getattr(lg, nivel)} ({porcentaje(p)})" if p is not None else "—"

    return [FilaLogro(grupo=grupo, area=lg.area, en_inicio=celda(lg, "en_inicio"), en_proceso=celda(lg, "en_proceso"),
                      satisfactorio=celda(lg, "satisfactorio"), evaluados=lg.evaluados) for lg in logros]


def grafico_logros(logros: list, titulo: str) -> Grafico:
    niveles = (("en_inicio", "En inicio"), ("en_proceso", "En proceso"), ("satisfactorio", "Satisfactorio"))
    return Grafico(
        titulo=titulo, categorias=[lg.area for lg in logros], eje_y="Estudiantes", ancho_cm=12, alto_cm=6.5,
        series=[Serie(nombre=etiqueta, valores=[getattr(lg, n) for lg in logros]) for n, etiqueta in niveles],
    )
