"""Los planes de acompañamiento (manual 2.2.1.7 a 2.2.1.10): individual, institucional, anual de la UGEL,
anual del AP y mensual del AP con sus diseños metodológicos.

Las metas trimestrales se escriben por número de trimestre (1 a 4); qué meses forma cada trimestre lo dice
el protocolo del expediente (`Expediente.protocolo.trimestres`).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from formatos.catalogo import NIVELES, catalogo
from formatos.modelos.base import Modelo, Registro
from formatos.modelos.tipos import (
    MAXIMO_CANTIDAD, MAXIMO_HORAS_TALLER, MAXIMO_KM, MAXIMO_SOLES, CodigoModular, Dni, Fecha, Horas, Mes, MesDelAnio, Nivel, Porcentaje,
    Texto,
)
from formatos.modelos.desempenos import CodigoDirectivo, CodigoDocente


def _sin_repetir(codigos: list[str], que: str = "desempeño") -> None:
    repetidos = sorted({c for c in codigos if codigos.count(c) > 1})
    if repetidos:
        raise PydanticCustomError("repetido", "{que} repetido: {lista}", {"que": que, "lista": ", ".join(repetidos)})


def _trimestres(v: dict[int, Any]) -> dict[int, Any]:
    if not v:
        raise PydanticCustomError("metas", "indique la meta de al menos un trimestre")
    fuera = [t for t in v if t not in (1, 2, 3, 4)]
    if fuera:
        raise PydanticCustomError("trimestre", "los trimestres van del 1 al 4 (se recibió {t})", {"t": fuera[0]})
    return dict(sorted(v.items()))


# --- plan individual ---------------------------------------------------------------------------------
class DesempenoPlan(Modelo):
    """Un desempeño priorizado del plan individual: nivel del diagnóstico y nivel esperado por trimestre."""

    codigo: CodigoDocente = Field(description="Código del catálogo, p. ej. D19")
    nivel_diagnostico: Nivel = Field(description="Nivel alcanzado en la visita diagnóstica")
    metas: dict[int, Nivel] = Field(description="Trimestre (1 a 4) → nivel esperado al terminarlo")
    justificacion: str = Field("", description="Obligatoria si alguna meta queda por debajo del diagnóstico")
    estrategias: Texto = Field(description="Estrategias y actividades del acompañamiento para este desempeño")
    compromisos: Texto = Field(description="Compromisos del docente para este desempeño")

    @field_validator("metas")
    @classmethod
    def _metas(cls, v: dict[int, str]) -> dict[int, str]:
        return _trimestres(v)

    @model_validator(mode="after")
    def _no_bajar(self):
        bajas = [t for t, n in self.metas.items() if NIVELES.index(n) < NIVELES.index(self.nivel_diagnostico)]
        if bajas and not self.justificacion.strip():
            raise PydanticCustomError(
                "meta_bajo_diagnostico",
                "la meta del trimestre {t} de {codigo} ({meta}) está por debajo del nivel del diagnóstico ({nivel}): "
                "explique por qué en justificacion",
                {"t": bajas[0], "codigo": self.codigo, "meta": self.metas[bajas[0]], "nivel": self.nivel_diagnostico},
            )
        return self

    def meta(self, trimestre: int) -> str | None:
        """El nivel esperado al terminar el trimestre (None si el plan no lo fija)."""
        return self.metas.get(trimestre)


class Reajuste(Modelo):
    """Un reajuste del plan (individual tras una visita, o institucional): cuándo, qué cambió y por qué.

    Un reajuste fechado después de la firma del plan lleva en el documento su propia línea de firmas."""

    fecha: Fecha
    cambio: Texto = Field(description="Qué se reajustó")
    motivo: Texto = Field(description="Por qué")


class PlanIndividual(Registro):
    """Plan individual de acompañamiento: lo elaboran docente y AP en la visita diagnóstica; se reajusta."""

    clave = "dni_docente"
    referencias = {"dni_docente": "docentes"}
    dni_docente: Dni
    fecha: Fecha = Field(description="Fecha de elaboración (visita diagnóstica)")
    necesidades_formacion: list[Texto] = Field(min_length=1, description="Necesidades de formación del diagnóstico")
    desempenos: list[DesempenoPlan] = Field(min_length=1, description="Desempeños priorizados, en orden de prioridad")
    # Lo que el plan debe puntualizar además (manual 2.2.1.7, l. 1118-1126; visita diagnóstica, l. 1004-1020).
    metas_estudiantes: list[Texto] = Field(
        default_factory=list, description="Metas de aprendizaje de los estudiantes previstas (por área o grado)")
    sesiones_innovadoras: str = Field(
        "", description="Sesiones de aprendizaje innovadoras que desarrollará el docente (tertulias, juego, proyectos…)")
    habilidades_socioemocionales: str = Field(
        "", description="Actividades para desarrollar las habilidades socioemocionales de los estudiantes")
    evaluacion_reforzamiento: str = Field(
        "", description="Evaluación permanente que identifica a los estudiantes que requieren reforzamiento, y cómo "
                        "se les refuerza")
    participacion_familia: str = Field(
        "", description="Participación de la familia y la comunidad en los aprendizajes (grupos interactivos, sabios, "
                        "encuentros familiares…)")
    reajustes: list[Reajuste] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unicos(self):
        _sin_repetir([d.codigo for d in self.desempenos])
        return self

    def desempeno(self, codigo: str) -> DesempenoPlan | None:
        return next((d for d in self.desempenos if d.codigo == codigo), None)

    def contenidos_sin_precisar(self) -> list[str]:
        """Lo que el manual pide puntualizar en el plan y este no trae (para advertirlo)."""
        return [nombre for nombre, valor in (
            ("metas de aprendizaje de los estudiantes", self.metas_estudiantes),
            ("sesiones innovadoras", self.sesiones_innovadoras),
            ("habilidades socioemocionales", self.habilidades_socioemocionales),
            ("evaluación permanente y reforzamiento", self.evaluacion_reforzamiento),
            ("participación de la familia y la comunidad", self.participacion_familia),
        ) if not valor]


# --- plan institucional ------------------------------------------------------------------------------
class AccionPlan(Modelo):
    accion: Texto
    responsables: Texto
    plazo: Texto = Field(description='p. ej. "junio" o "15/07/2026"')


class PlanInstitucional(Registro):
    """Plan institucional de acompañamiento: metas y compromisos comunes de los docentes de la I. E.

    Se elabora al terminar la visita diagnóstica a todos sus docentes y se incorpora al PAT.
    """

    clave = "codigo_modular"
    referencias = {"codigo_modular": "instituciones"}
    codigo_modular: CodigoModular
    fecha: Fecha
    desempenos: list[CodigoDocente] = Field(min_length=1, description="Desempeños priorizados en común")
    metas: list[Texto] = Field(min_length=1, description="Metas comunes")
    compromisos: list[Texto] = Field(min_length=1, description="Compromisos comunes")
    acciones: list[AccionPlan] = Field(min_length=1)
    reajustes: list[Reajuste] = Field(
        default_factory=list, description="Reajustes del plan tras las visitas (manual, l. 1160-1162), con su fecha")

    @model_validator(mode="after")
    def _unicos(self):
        _sin_repetir(self.desempenos)
        return self


# --- plan anual de la UGEL ---------------------------------------------------------------------------
class MetaTrimestralUGEL(Modelo):
    """Meta de aprendizaje de la UGEL para un desempeño: % de docentes que llegan al menos a `nivel`."""

    codigo: CodigoDocente
    nivel: Nivel = Field("III", description="Nivel mínimo que se cuenta como logro")
    porcentajes: dict[int, Porcentaje] = Field(description="Trimestre (1 a 4) → % de docentes en ese nivel o más")


    @field_validator("porcentajes")
    @classmethod
    def _porcentajes(cls, v: dict[int, int]) -> dict[int, int]:
        if any(not 0 <= p <= 100 for p in v.values()):
            raise PydanticCustomError("porcentaje", "los porcentajes van de 0 a 100")
        return _trimestres(v)


class Indicador(Modelo):
    """Indicador de resultado del protocolo efectivo."""

    indicador: Texto
    meta: Texto = Field(description='p. ej. "100%" o "8 visitas por docente"')
    fuente: str = Field("", description="Fuente de verificación, p. ej. SIGMA 2.0")


class ActividadCronograma(Modelo):
    """Una fila del cronograma de la UGEL (además de las visitas, GIA y talleres del protocolo)."""

    actividad: Texto
    responsable: Texto
    meses: list[MesDelAnio] = Field(min_length=1, description="Meses en que se realiza (4 = abril … 12 = diciembre)")

    @field_validator("meses")
    @classmethod
    def _meses(cls, v: list[int]) -> list[int]:
        if any(m < 4 or m > 12 for m in v):
            raise PydanticCustomError("mes", "el cronograma va de 4 (abril) a 12 (diciembre)")
        return sorted(set(v))


class Organizacion(Modelo):
    """Cómo se organiza una forma de intervención (visita, GIA, taller) y con qué presupuesto."""

    actividad: Texto = Field(description='p. ej. "Visita en aula con asesoría personalizada"')
    organizacion: Texto
    presupuesto: float = Field(ge=0, le=MAXIMO_SOLES, description="En soles")
    justificacion: Texto = Field(description="Justificación del presupuesto")


class Recurso(Modelo):
    recurso: Texto
    cantidad: int = Field(ge=0, le=MAXIMO_CANTIDAD)
    caracteristicas: str = ""


class PriorizacionUGEL(Modelo):
    """Un desempeño que la UGEL fortalece con más énfasis, a partir de las necesidades comunes."""

    codigo: CodigoDocente
    necesidad_comun: Texto
    donde: Texto = Field(description='Dónde se fortalece: "visita en aula", "GIA", "taller"…')



class TareaAP(Modelo):
    """Una tarea común del equipo de AP en su permanencia en la UGEL y el producto que entrega (la fija el jefe de AGP)."""

    tarea: Texto
    producto: Texto
    plazo: Texto = Field(description='Cuándo: p. ej. "últimos 3 días hábiles de cada mes"')


class PlanAnualUGEL(Registro):
    """Plan anual de acompañamiento de la UGEL (uno por expediente); el cronograma sale del protocolo."""

    fecha: Fecha
    objetivos: list[Texto] = Field(min_length=1)
    metas: list[Texto] = Field(min_length=1, description="Metas de atención y de resultado")
    metas_trimestrales: list[MetaTrimestralUGEL] = Field(min_length=1)
    indicadores: list[Indicador] = Field(min_length=1)
    actividades: list[ActividadCronograma] = Field(default_factory=list, description="Filas propias del cronograma")
    organizacion: list[Organizacion] = Field(min_length=1)
    recursos: list[Recurso] = Field(default_factory=list)
    priorizacion: list[PriorizacionUGEL] = Field(min_length=1)
    tareas_ap: list[TareaAP] = Field(
        default_factory=list, description="Tareas y productos comunes del equipo de AP durante su permanencia en la UGEL, "
                                          "que define el jefe de AGP (manual, l. 1264-1268); salen en el plan anual de cada AP")

    @model_validator(mode="after")
    def _unicos(self):
        _sin_repetir([m.codigo for m in self.metas_trimestrales])
        _sin_repetir([p.codigo for p in self.priorizacion])
        return self


# --- plan anual del AP ---------------------------------------------------------------------------------
class TramoRuta(Modelo):
    """Una parada de la ruta de desplazamiento del AP (en orden de recorrido)."""

    codigo_modular: CodigoModular
    distancia_km: float = Field(ge=0, le=MAXIMO_KM, description="Desde la parada anterior (o la sede de la UGEL)")
    tiempo: Texto = Field(description='p. ej. "1 h 30 min"')
    medio: Texto = Field(description='Medio de transporte, p. ej. "combi y a pie"')


class PriorizacionDocente(Modelo):
    """Priorización individual: los desempeños que se fortalecen con un docente en la visita en aula."""

    dni_docente: Dni
    desempenos: list[CodigoDocente] = Field(min_length=1)
    necesidades: Texto



class PriorizacionGrupal(Modelo):
    """Priorización grupal: una necesidad común que se atiende en los GIA y talleres."""

    codigo: CodigoDocente
    necesidad_comun: Texto
    donde: Texto = Field(description='"GIA", "taller" o ambos')



class GrupoGIA(Modelo):
    nombre: Texto
    sede: Texto = Field(description="Dónde se reúne")
    dni_docentes: list[Dni] = Field(min_length=1)


class PlanAnualAP(Registro):
    """Plan anual de acompañamiento del AP: sus docentes, su ruta y la organización del proceso formativo.

    Las metas trimestrales por docente y desempeño son las de los planes individuales de sus docentes.
    """

    clave = "dni_acompanante"
    referencias = {"dni_acompanante": "acompanantes", "docentes_citados": "docentes",
                   "instituciones_citadas": "instituciones"}
    dni_acompanante: Dni
    fecha: Fecha
    objetivos: list[Texto] = Field(min_length=1, description="Objetivos comunes")
    ruta: list[TramoRuta] = Field(min_length=1, description="II. EE. en orden de recorrido")
    priorizacion_individual: list[PriorizacionDocente] = Field(min_length=1)
    priorizacion_grupal: list[PriorizacionGrupal] = Field(min_length=1)
    grupos_gia: list[GrupoGIA] = Field(min_length=1)
    croquis: Texto | None = Field(None, description="Imagen PNG o JPEG del croquis de la ruta; una ruta relativa "
                                                    "se toma desde la carpeta del expediente")

    @model_validator(mode="after")
    def _unicos(self):
        _sin_repetir([p.dni_docente for p in self.priorizacion_individual], "docente")
        _sin_repetir([t.codigo_modular for t in self.ruta], "I. E. en la ruta")
        return self

    @property
    def docentes_citados(self) -> list[str]:
        """Todo DNI de docente que el plan nombra (priorización y grupos de GIA)."""
        dnis = [p.dni_docente for p in self.priorizacion_individual]
        dnis += [d for g in self.grupos_gia for d in g.dni_docentes]
        return list(dict.fromkeys(dnis))

    @property
    def instituciones_citadas(self) -> list[str]:
        return [t.codigo_modular for t in self.ruta]


# --- plan mensual del AP -----------------------------------------------------------------------------
class Momento(Modelo):
    """Un momento de la secuencia (del diálogo reflexivo, del GIA o del taller) con su tiempo."""

    momento: Texto = Field(description='p. ej. "Apertura", "Análisis de la práctica", "Compromisos"')
    actividad: Texto
    minutos: int = Field(gt=0, le=24 * 60)


class DisenoMetodologico(Modelo):
    """Lo común a todo diseño metodológico (manual 2.2.1.9, l. 1446-1460).

    Los desempeños del docente (MBDD) y los del docente en su rol de director (MBDDI) van en campos distintos."""

    desempenos: list[CodigoDocente] = Field(default_factory=list, description="Desempeños priorizados del docente (MBDD)")
    desempenos_directivo: list[CodigoDirectivo] = Field(
        default_factory=list, description="Desempeños priorizados del directivo (MBDDI: D1, D18): en el GIA con directores "
                                          "y en la asesoría al docente que es director")
    necesidades: Texto = Field(description="Necesidades de formación que atiende")
    proposito: Texto
    productos: Texto
    secuencia: list[Momento] = Field(min_length=1, description="Secuencia metodológica (en la visita de 2 días, la del 1.er día)")
    tecnicas: Texto = Field(description="Técnicas de reflexión")
    materiales: Texto
    evaluacion: str = Field("", description="Evaluación de los aprendizajes por desempeños: cómo se verificará el logro "
                                            "(instrumento y criterio) (manual, l. 1456)")
    compromisos: Texto = Field(description="Compromisos y metas que se espera generar")

    @model_validator(mode="after")
    def _con_desempenos(self):
        if not self.desempenos and not self.desempenos_directivo:
            raise PydanticCustomError("sin_desempenos", "indique al menos un desempeño priorizado (desempenos o "
                                                        "desempenos_directivo)")
        return self

    @property
    def minutos(self) -> int:
        """Duración de la secuencia."""
        return sum(m.minutos for m in self.secuencia)


class DisenoVisita(DisenoMetodologico):
    """Diseño de una visita en aula con asesoría personalizada."""

    dni_docente: Dni
    fecha: Fecha
    dias: int = Field(1, ge=1, le=2)
    secuencia_segundo_dia: list[Momento] = Field(
        default_factory=list, description="En la visita de 2 días, la secuencia del 2.° día (sesión compartida y su "
                                          "diálogo reflexivo; manual, l. 1891-2007)")
    horas_observacion: Horas
    horas_preparacion: Horas
    horas_asesoria: Horas

    @model_validator(mode="after")
    def _segundo_dia(self):
        if self.dias == 2 and not self.secuencia_segundo_dia:
            raise PydanticCustomError("segundo_dia", "la visita de 2 días lleva la secuencia de cada día: falta "
                                                     "secuencia_segundo_dia (manual, l. 1891-2007)")
        if self.dias == 1 and self.secuencia_segundo_dia:
            raise PydanticCustomError("segundo_dia", "secuencia_segundo_dia solo va en la visita de 2 días")
        return self

    @property
    def minutos(self) -> int:
        """Duración de la secuencia de los dos días."""
        return sum(m.minutos for m in [*self.secuencia, *self.secuencia_segundo_dia])


class DisenoGIA(DisenoMetodologico):
    """Diseño de un GIA con docentes o con directores."""

    tipo: str = Field(description='"docentes" o "directores"')
    fecha: Fecha
    horas: Horas = Field(gt=0)
    sede: Texto
    participantes: list[Dni] = Field(min_length=1)

    @field_validator("tipo")
    @classmethod
    def _tipo(cls, v: str) -> str:
        v = v.strip().lower()
        if v not in ("docentes", "directores"):
            raise PydanticCustomError("tipo_gia", 'el GIA es con "docentes" o con "directores" (se recibió "{v}")', {"v": v})
        return v

    @model_validator(mode="after")
    def _marco(self):
        if self.tipo == "directores" and (self.desempenos or not self.desempenos_directivo):
            raise PydanticCustomError(
                "marco", "el GIA con directores atiende desempeños del directivo (MBDDI): escríbalos en desempenos_directivo "
                         "({validos}); desempenos es para los del docente", {"validos": ", ".join(catalogo().codigos_directivo)})
        if self.tipo == "docentes" and self.desempenos_directivo:
            raise PydanticCustomError("marco", "el GIA con docentes no lleva desempenos_directivo")
        return self


class DisenoTaller(DisenoMetodologico):
    """Diseño del taller de actualización docente del mes."""

    nombre: Texto
    fecha: Fecha = Field(description="Primer día")
    dias: int = Field(ge=1, le=31)
    horas: float = Field(gt=0, le=MAXIMO_HORAS_TALLER, description="Horas cronológicas")
    sede: Texto

    @model_validator(mode="after")
    def _docentes(self):
        if self.desempenos_directivo:
            raise PydanticCustomError("marco", "el taller de actualización es para docentes: no lleva desempenos_directivo")
        return self


class ParadaMes(Modelo):
    """Una parada de la ruta del mes: a qué I. E. se va y cuándo."""

    codigo_modular: CodigoModular
    fecha: Fecha
    medio: Texto


class PlanMensual(Registro):
    """Plan mensual del AP: metas de atención, ruta y un diseño metodológico por visita, GIA y taller del mes."""

    clave = "periodo"
    referencias = {"dni_acompanante": "acompanantes", "docentes_citados": "docentes",
                   "instituciones_citadas": "instituciones"}
    dni_acompanante: Dni
    mes: Mes = Field(ge=4, le=12, description="Mes del plan (4 = abril … 12 = diciembre)")
    fecha: Fecha = Field(description="Fecha de elaboración")
    metas: list[Texto] = Field(default_factory=list, description="Metas de atención propias (además de las contadas)")
    ruta: list[ParadaMes] = Field(default_factory=list)
    visitas: list[DisenoVisita] = Field(default_factory=list)
    gias: list[DisenoGIA] = Field(default_factory=list)
    talleres: list[DisenoTaller] = Field(default_factory=list)

    @model_validator(mode="after")
    def _del_mes(self):
        for nombre in ("ruta", "visitas", "gias", "talleres"):
            for i, x in enumerate(getattr(self, nombre)):
                if x.fecha.month != self.mes:
                    raise PydanticCustomError(
                        "fuera_del_mes", "{seccion}[{i}]: la fecha {fecha} no es del mes del plan ({mes})",
                        {"seccion": nombre, "i": i, "fecha": f"{x.fecha:%d/%m/%Y}", "mes": self.mes},
                    )
        self.visitas.sort(key=lambda v: v.fecha)
        self.gias.sort(key=lambda g: (g.fecha, g.tipo != "docentes"))
        self.ruta.sort(key=lambda p: p.fecha)
        return self

    @property
    def periodo(self) -> str:
        """Clave del plan: AP y mes."""
        return f"{self.dni_acompanante}/{self.mes:02d}"

    @property
    def docentes_citados(self) -> list[str]:
        dnis = [v.dni_docente for v in self.visitas] + [d for g in self.gias for d in g.participantes]
        return list(dict.fromkeys(dnis))

    @property
    def instituciones_citadas(self) -> list[str]:
        return list(dict.fromkeys(p.codigo_modular for p in self.ruta))
