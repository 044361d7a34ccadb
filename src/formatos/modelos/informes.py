"""Lo que los informes necesitan y no sale de las valoraciones: talleres, sucesos, buenas prácticas,
datos del diagnóstico, la narrativa del AP y de la UGEL, y la numeración de los informes."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from formatos.catalogo import catalogo
from formatos.modelos.base import Modelo, Registro
from formatos.modelos.tipos import (
    MAXIMO_CANTIDAD, MAXIMO_ESTUDIANTES, MAXIMO_HORAS_TALLER, Cantidad, CodigoModular, Dni, Fecha, Texto,
)

ESCALA_SATISFACCION = ("muy satisfecho", "satisfecho", "poco satisfecho", "insatisfecho")
"""Escala de la encuesta de satisfacción del taller [supuesto: la elabora el gestor con el RCI]."""

CLASIFICACIONES = ("actividad innovativa", "experiencia innovadora o buena práctica", "innovación en sentido estricto")
"""Clasificación de una práctica docente (manual 2.2.2.6)."""

NIVELES_APRENDIZAJE = ("en inicio", "en proceso", "satisfactorio")
"""Niveles de logro de la evaluación de línea de base de los estudiantes [supuesto: escala de la ECE]."""


def _codigos_docente(v: list[str]) -> list[str]:
    codigos = [str(c).strip().upper() for c in v]
    malos = [c for c in codigos if c not in catalogo().codigos_docente]
    if malos:
        raise PydanticCustomError(
            "desempeno", "no son desempeños priorizados del docente: {malos}", {"malos": ", ".join(malos)}
        )
    return codigos


def validar_periodo(v: Any) -> Any:
    """ "diagnóstico", un mes "2026-05", un trimestre "T1".."T3" o "anual"."""
    texto = str(v).strip()
    texto = {"diagnostico": "diagnóstico", "anual": "anual"}.get(texto.lower(), texto)
    if texto in ("diagnóstico", "anual") or re.fullmatch(r"T[123]", texto.upper()) or re.fullmatch(r"\d{4}-(0[3-9]|1[0-2])", texto):
        return texto.upper() if texto.upper().startswith("T") else texto
    raise PydanticCustomError(
        "periodo", 'el periodo es "diagnóstico", un mes "2026-05", un trimestre "T1", "T2", "T3" o "anual" (se recibió "{v}")',
        {"v": v},
    )


class PreguntaEncuesta(Modelo):
    """Una pregunta de la encuesta de satisfacción del taller: cuántos docentes marcaron cada opción."""

    aspecto: Literal["logística", "expectativas"]
    pregunta: Texto
    respuestas: dict[str, Cantidad] = Field(description="Cantidad por opción: muy satisfecho, satisfecho, poco satisfecho, insatisfecho")

    @field_validator("respuestas")
    @classmethod
    def _escala(cls, v: dict[str, int]) -> dict[str, int]:
        v = {k.strip().lower(): n for k, n in v.items()}
        otros = [k for k in v if k not in ESCALA_SATISFACCION]
        if otros:
            raise ValueError(f"opciones desconocidas: {', '.join(otros)} (use {', '.join(ESCALA_SATISFACCION)})")
        if any(n < 0 for n in v.values()):
            raise ValueError("las cantidades no pueden ser negativas")
        return {k: v.get(k, 0) for k in ESCALA_SATISFACCION}


class ResultadoTaller(Modelo):
    """El resultado individual de un docente en el taller: la prueba escrita de entrada y de salida, si la UGEL la
    aplicó, y la valoración de su producto (manual, l. 961-963 y 2075-2078). El informe mensual lo adjunta como
    evidencia complementaria de sus aprendizajes (l. 2279-2280)."""

    dni_docente: Dni
    prueba_entrada: float | None = Field(None, ge=0, le=1000, description="Puntaje de la prueba escrita de entrada")
    prueba_salida: float | None = Field(None, ge=0, le=1000, description="Puntaje de la prueba escrita de salida")
    producto: str = Field("", description="Valoración del producto que elaboró el docente en el taller")

    @model_validator(mode="after")
    def _algo(self):
        if self.prueba_entrada is None and self.prueba_salida is None and not self.producto.strip():
            raise PydanticCustomError("resultado_vacio", "el resultado del docente {dni} no trae puntajes ni producto",
                                      {"dni": self.dni_docente})
        return self


class Taller(Registro):
    """Taller de actualización docente (manual 2.2.2.3): uno solo a nivel de UGEL."""

    clave = "id"
    referencias = {"asistentes": "docentes", "dni_responsable": "acompanantes"}
    id: Texto
    numero: int = Field(ge=1, le=12, description="Número del taller en el año: 1 (el 1.er taller), 2 (el 2.° taller)")
    fecha_inicio: Fecha
    fecha_fin: Fecha
    horas: float = Field(gt=0, le=MAXIMO_HORAS_TALLER, description="Horas cronológicas ejecutadas")
    lugar: Texto
    dni_responsable: Dni = Field(description="AP que registra el taller en SIGMA 2.0")
    propositos: list[Texto] = Field(min_length=1)
    desempenos: list[str] = Field(min_length=1, description="Desempeños priorizados que atendió el taller")
    asistentes: list[Dni] = Field(default_factory=list, description="DNI de los docentes que asistieron")
    calidad_productos: Texto = Field(description="Análisis de la calidad de los productos obtenidos")
    analisis_propositos: Texto = Field(description="Análisis de los propósitos frente a los desempeños priorizados")
    encuesta: list[PreguntaEncuesta] = Field(default_factory=list)
    aspectos_logisticos: str = Field("", description="Lo que reportan el gestor y el RCI/CCI")
    conclusiones: str = ""
    autorizacion: str = Field("", description="Si el taller cae en días de clases: la autorización del Minedu y el plan "
                                              "de recuperación de horas presentado a la UGEL (manual l. 2062-2065)")
    puntaje_maximo: float = Field(20, gt=0, le=1000, description="Puntaje máximo de la prueba escrita [supuesto: escala vigesimal]")
    resultados: list[ResultadoTaller] = Field(
        default_factory=list, description="Resultado individual de cada docente en el taller (prueba de entrada y de "
                                          "salida, producto)")

    @field_validator("desempenos")
    @classmethod
    def _desempenos(cls, v: list[str]) -> list[str]:
        return _codigos_docente(v)

    @model_validator(mode="after")
    def _fechas(self):
        if self.fecha_fin < self.fecha_inicio:
            raise ValueError("fecha_fin no puede ser anterior a fecha_inicio")
        dnis = [r.dni_docente for r in self.resultados]
        repetidos = sorted({d for d in dnis if dnis.count(d) > 1})
        if repetidos:
            raise PydanticCustomError("repetido", "resultados: docente repetido ({dnis})", {"dnis": ", ".join(repetidos)})
        for r in self.resultados:
            for nombre in ("prueba_entrada", "prueba_salida"):
                puntaje = getattr(r, nombre)
                if puntaje is not None and puntaje > self.puntaje_maximo:
                    raise PydanticCustomError(
                        "puntaje", "resultados: {nombre} de {dni} ({p:g}) pasa del puntaje máximo ({m:g})",
                        {"nombre": nombre, "dni": r.dni_docente, "p": puntaje, "m": self.puntaje_maximo})
        return self

    def resultado(self, dni: str) -> ResultadoTaller | None:
        return next((r for r in self.resultados if r.dni_docente == dni), None)


class SucesoRelevante(Registro):
    """Un suceso que aportó o no al desarrollo de la visita, el GIA o el taller, y la acción tomada."""

    clave = "id"
    referencias = {"dni_acompanante": "acompanantes"}
    id: Texto
    dni_acompanante: Dni
    fecha: Fecha
    actividad: Literal["visita", "GIA", "taller", "otra"]
    descripcion: Texto
    efecto: Literal["favoreció", "dificultó"]
    accion: Texto = Field(description="Acción implementada al respecto")


class BuenaPractica(Registro):
    """Actividad innovadora o buena práctica de un docente (manual 2.2.2.6)."""

    clave = "id"
    referencias = {"dni_docente": "docentes"}
    id: Texto
    dni_docente: Dni
    fecha: Fecha = Field(description="Cuándo la identificó el AP")
    titulo: Texto
    clasificacion: Literal[CLASIFICACIONES]  # type: ignore[valid-type]
    area_curricular: str = ""
    descripcion: Texto
    aporte: Texto = Field(description="Aporte relevante")
    evidencias: Texto = Field(description="Evidencias del proceso")

    @field_validator("clasificacion", mode="before")
    @classmethod
    def _clasificacion(cls, v):
        return v.strip().lower() if isinstance(v, str) else v


class LogroAprendizaje(Modelo):
    """Resultado de la evaluación de línea de base en un área: estudiantes por nivel de logro."""

    en_inicio: int = Field(ge=0, le=MAXIMO_ESTUDIANTES)
    en_proceso: int = Field(ge=0, le=MAXIMO_ESTUDIANTES)
    satisfactorio: int = Field(ge=0, le=MAXIMO_ESTUDIANTES)

    @property
    def evaluados(self) -> int:
        return self.en_inicio + self.en_proceso + self.satisfactorio


class DiagnosticoDocente(Registro):
    """Lo que el AP recoge en el diagnóstico sobre el aula de un docente (manual 2.2.1.6)."""

    clave = "dni_docente"
    referencias = {"dni_docente": "docentes"}
    dni_docente: Dni
    estudiantes_hombres: int = Field(ge=0, le=MAXIMO_ESTUDIANTES)
    estudiantes_mujeres: int = Field(ge=0, le=MAXIMO_ESTUDIANTES)
    caracteristicas_estudiantes: Texto
    grado_evaluado: Literal[2, 4] | None = Field(
        None, description="Grado de la muestra de la evaluación de línea de base (2.° o 4.°); vacío si el aula no entró"
    )
    comunicacion: LogroAprendizaje | None = None
    matematica: LogroAprendizaje | None = None
    estudiantes_discapacidad: int = Field(0, ge=0, le=MAXIMO_ESTUDIANTES)
    discapacidad: str = Field("", description="Tipo de discapacidad y atención que reciben")
    participacion_familia: Texto
    necesidades_formativas: Texto

    @model_validator(mode="after")
    def _muestra(self):
        if (self.grado_evaluado is None) != (self.comunicacion is None or self.matematica is None):
            raise ValueError("con grado_evaluado van los resultados de comunicacion y matematica; sin él, ninguno")
        return self


class DiagnosticoInstitucion(Registro):
    """Caracterización del contexto de una I. E. y su comunidad."""

    clave = "codigo_modular"
    referencias = {"codigo_modular": "instituciones"}
    codigo_modular: CodigoModular
    contexto: Texto = Field(description="Caracterización del contexto y de la comunidad")
    necesidades_comunes: Texto = Field(description="Necesidades de formación comunes de sus docentes")


class Narrativa(Registro):
    """Lo que el AP (o la UGEL, sin dni_acompanante) escribe en un informe: conclusiones, lecciones, propuestas.

    `periodo`: "diagnóstico", un mes ("2026-05"), un trimestre ("T1".."T3") o "anual".
    """

    clave = "id"
    referencias = {"dni_acompanante": "acompanantes"}
    dni_acompanante: Dni | None = Field(None, description="Vacío: la narrativa del informe de la UGEL")
    periodo: str
    logros: str = Field("", description="Logros en el fortalecimiento de competencias")
    conclusiones: str = ""
    desempenos_a_priorizar: list[str] = Field(default_factory=list)
    acciones_a_priorizar: str = Field("", description="Acciones para los desempeños a priorizar o reajustes del periodo siguiente")
    lecciones_aprendidas: str = ""
    propuestas: str = Field("", description="Propuestas para el año siguiente (informe final)")
    aspectos_administrativos: str = Field("", description="Aspectos administrativos y logísticos (gestor, RCI/CCI)")

    @field_validator("periodo", mode="before")
    @classmethod
    def _periodo(cls, v):
        return validar_periodo(v)

    @field_validator("desempenos_a_priorizar")
    @classmethod
    def _desempenos(cls, v: list[str]) -> list[str]:
        return _codigos_docente(v)

    @property
    def id(self) -> str:
        return f"{self.dni_acompanante or 'UGEL'} {self.periodo}"


class Destinatario(Modelo):
    """A quién va un informe (bloque «A:»): nombre, si se conoce, y cargo."""

    nombre: str = Field("", description="Nombre y grado, p. ej. «Mg. Rosa Elvira Quispe Tello» (vacío: solo el cargo)")
    cargo: Texto = Field(description="p. ej. «Director(a) Regional de Educación de Cajamarca»")


class NumeroInforme(Registro):
    """Número, fecha y destinatario de un informe (INFORME N.° 054-2026-UGEL-SM/AGP)."""

    clave = "id"
    referencias = {"dni_acompanante": "acompanantes"}
    formato: Literal[
        "informe-diagnostico-ap", "informe-diagnostico-ugel", "informe-mensual", "informe-trimestral-ap",
        "informe-trimestral-ugel", "informe-final-ap", "informe-final-ugel", "reporte-buenas-practicas", "informe-taller",
    ]
    periodo: str = Field(description='Como en la narrativa; para el taller, su número ("1", "2")')
    dni_acompanante: Dni | None = None
    numero: int = Field(ge=1, le=MAXIMO_CANTIDAD)
    fecha: Fecha | None = None
    destinatario: str = Field("", description="A: nombre del destinatario")
    cargo_destinatario: str = ""
    referencia: str = ""

    @field_validator("periodo", mode="before")
    @classmethod
    def _periodo_o_taller(cls, v):
        return str(v).strip() if str(v).strip().isdigit() else validar_periodo(v)

    @property
    def id(self) -> str:
        return f"{self.formato} {self.dni_acompanante or 'UGEL'} {self.periodo}"


class EvaluacionFinDeAnio(Registro):
    """La evaluación de fin de año de los estudiantes en Comunicación y Matemática: la misma muestra (2.° o 4.° grado)
    que la línea de base, aplicada en la visita de cierre (manual, l. 804-810 y 2639-2641; cronograma: noviembre,
    «D1: aplicación de la evaluación a estudiantes; D2: visita de cierre»)."""

    clave = "dni_docente"
    referencias = {"dni_docente": "docentes"}
    dni_docente: Dni
    fecha: Fecha = Field(description="Día de la aplicación: en el mes de la visita de cierre del docente")
    grado_evaluado: Literal[2, 4] = Field(description="Grado de la muestra: el mismo de la línea de base (2.° o 4.°)")
    comunicacion: LogroAprendizaje
    matematica: LogroAprendizaje


class CompromisoBalance(Modelo):
    """Un compromiso asumido en la reunión de balance de cierre, con quién lo asume."""

    actor: Texto = Field(description='Quién se compromete: "docentes", "director(a)", "familias", "comunidad"…')
    compromiso: Texto


class BalanceCierre(Registro):
    """La reunión de balance de cierre en una I. E., con los docentes, el director y las familias (PP. MM. FF.):
    los acuerdos y compromisos que el informe final del AP adjunta (manual, l. 2560-2600 y 2685-2689)."""

    clave = "codigo_modular"
    referencias = {"codigo_modular": "instituciones"}
    codigo_modular: CodigoModular
    fecha: Fecha
    asistentes_docentes: int = Field(ge=0, le=MAXIMO_CANTIDAD, description="Docentes y director asistentes")
    asistentes_familias: int = Field(ge=0, le=MAXIMO_CANTIDAD, description="Padres y madres de familia asistentes")
    otros_asistentes: str = Field("", description="Autoridades y actores de la comunidad que asistieron")
    logros: str = Field("", description="Logros del año que se reconocieron en la reunión")
    acuerdos: list[Texto] = Field(min_length=1)
    compromisos: list[CompromisoBalance] = Field(min_length=1)
