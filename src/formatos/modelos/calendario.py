"""El calendario escolar del año: días con clases, vacaciones de los estudiantes y feriados (dato, no código).

Por omisión sale de `datos/calendario.toml` (el calendario del Minedu del año, o la regla de los últimos años);
el expediente puede corregirlo en su campo `calendario_escolar` (una UGEL con otro calendario regional, días
sin clases del distrito). Lo usan las reglas de los talleres (manual l. 2060-2065), de las visitas de dos días
consecutivos (l. 1704-1707) y la fecha por omisión de la valoración de D1 y D4 al término del mes (l. 2136-2141).
"""

from __future__ import annotations

import calendar as _calendario
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter
from pydantic import Field, model_validator

from formatos.catalogo import leer_datos
from formatos.modelos.base import Modelo
from formatos.modelos.tipos import Fecha, Texto

DIAS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")


class Vacaciones(Modelo):
    """Un periodo de vacaciones de los estudiantes (semanas de gestión: los docentes trabajan sin estudiantes)."""

    nombre: Texto = Field(description='p. ej. "vacaciones de medio año"')
    inicio: Fecha
    fin: Fecha
    medio_anio: bool = Field(False, description="Si son las vacaciones de medio año (las del 2.° taller)")

    @model_validator(mode="after")
    def _orden(self):
        if self.fin < self.inicio:
            raise ValueError("fin no puede ser anterior a inicio")
        return self


class CalendarioEscolar(Modelo):
    """Lo que la UGEL corrige del calendario escolar por omisión; lo que no da se toma de `datos/calendario.toml`."""

    inicio_clases: Fecha | None = Field(None, description="Primer día de clases con estudiantes")
    fin_clases: Fecha | None = Field(None, description="Último día de clases con estudiantes")
    vacaciones: list[Vacaciones] | None = Field(None, description="Reemplaza las vacaciones por omisión del año")
    dias_sin_clases: list[Fecha] = Field(default_factory=list,
                                         description="Feriados regionales, días no laborables, paros: además de los nacionales")
    jornada_horas: float | None = Field(None, gt=0, le=24, description="Horas de trabajo del AP que caben en un día")


@dataclass(frozen=True)
class Calendario:
    """El calendario efectivo de un año: se consulta si una fecha tiene clases y por qué no."""

    anio: int
    inicio_clases: date
    fin_clases: date
    vacaciones: tuple[Vacaciones, ...]
    feriados: dict[date, str]
    """Días sin clases ni trabajo y por qué: "feriado: Fiestas Patrias", "día sin clases de la UGEL"."""
    jornada_horas: float
    norma: str = ""

    def sin_clases(self, fecha: date) -> str | None:
        """Por qué no hay clases ese día ("sábado", "feriado: Fiestas Patrias", "vacaciones de medio año"…), o None."""
        if fecha.weekday() >= 5:
            return DIAS[fecha.weekday()]
        if fecha in self.feriados:
            return self.feriados[fecha]
        vacaciones = self.vacaciones_de(fecha)
        if vacaciones:
            return vacaciones.nombre
        if fecha < self.inicio_clases:
            return f"antes del inicio de clases ({self.inicio_clases:%d/%m/%Y})"
        if fecha > self.fin_clases:
            return f"después del fin de clases ({self.fin_clases:%d/%m/%Y})"
        return None

    def lectivo(self, fecha: date) -> bool:
        return self.sin_clases(fecha) is None

    def habil(self, fecha: date) -> bool:
        """Día de trabajo (de lunes a viernes, no feriado), haya o no clases."""
        return fecha.weekday() < 5 and fecha not in self.feriados

    def vacaciones_de(self, fecha: date) -> Vacaciones | None:
        return next((v for v in self.vacaciones if v.inicio <= fecha <= v.fin), None)

    def siguiente_lectivo(self, fecha: date) -> date:
        dia = fecha + timedelta(days=1)
        while not self.lectivo(dia) and dia <= self.fin_clases:
            dia += timedelta(days=1)
        return dia

    def ultimo_habil(self, anio: int, mes: int) -> date:
        """El último día hábil del mes (de lunes a viernes, no feriado)."""
        dia = date(anio, mes, _calendario.monthrange(anio, mes)[1])
        while not self.habil(dia):
            dia -= timedelta(days=1)
        return dia

    @property
    def medio_anio(self) -> Vacaciones | None:
        return next((v for v in self.vacaciones if v.medio_anio), None)


def _mes_dia(anio: int, texto: str) -> date:
    mes, dia = (int(x) for x in texto.split("-"))
    return date(anio, mes, dia)


def _lunes(fecha: date) -> date:
    return fecha - timedelta(days=fecha.weekday())


@lru_cache(maxsize=16)
def _por_omision(anio: int) -> Calendario:
    datos = leer_datos("calendario.toml")
    pascua = easter(anio)
    feriados = {_mes_dia(anio, k): f"feriado: {v}" for k, v in datos["feriados"].items()}
    feriados |= {pascua - timedelta(days=3): "feriado: Jueves Santo", pascua - timedelta(days=2): "feriado: Viernes Santo"}
    propio = datos.get("anios", {}).get(str(anio))
    if propio:
        return Calendario(anio, propio["inicio_clases"], propio["fin_clases"],
                          tuple(Vacaciones.model_validate(v) for v in propio["vacaciones"]),
                          dict(sorted(feriados.items())), datos["jornada_horas"], propio.get("norma", ""))
    regla = datos["por_omision"]
    vacaciones = []
    for v in regla["vacaciones"]:
        inicio = _lunes(_mes_dia(anio, v["semana_de"]))
        vacaciones.append(Vacaciones(nombre=v["nombre"], inicio=inicio, fin=inicio + timedelta(weeks=v["semanas"], days=-3),
                                     medio_anio=v.get("medio_anio", False)))
    return Calendario(anio, _lunes(_mes_dia(anio, regla["inicio_clases"])),
                      _lunes(_mes_dia(anio, regla["fin_clases"])) + timedelta(days=4), tuple(vacaciones),
                      dict(sorted(feriados.items())), datos["jornada_horas"])


def calendario_de(anio: int, propio: CalendarioEscolar | None = None) -> Calendario:
    """El calendario efectivo del año: el del paquete, corregido con lo que da el expediente."""
    base = _por_omision(anio)
    if propio is None or propio == CalendarioEscolar():
        return base
    feriados = dict(base.feriados)
    feriados.update({d: "día sin clases del calendario de la UGEL" for d in propio.dias_sin_clases if d not in feriados})
    return Calendario(
        anio, propio.inicio_clases or base.inicio_clases, propio.fin_clases or base.fin_clases,
        tuple(propio.vacaciones) if propio.vacaciones is not None else base.vacaciones,
        dict(sorted(feriados.items())), propio.jornada_horas or base.jornada_horas, base.norma if propio.vacaciones is None else "",
    )
