"""Rúbricas de observación: lo que se observa y lo que describe cada nivel (I a IV) en los 8 desempeños.

Es el anexo que el AP lleva a cada visita para valorar con la matriz (manual, l. 931-933, 2133-2135). Uno por AP,
en el kit de su primer mes. Los descriptores salen de `datos/rubricas.toml` (marcados [externo] o [supuesto]).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis import periodos, programado
from formatos.catalogo import NIVELES, catalogo
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos.comunes import Membrete, membrete
from formatos.modelos.actores import Acompanante
from formatos.modelos.expediente import Expediente
from formatos.rubricas import rubricas


class NivelRubrica(BaseModel):
    nivel: str
    etiqueta: str
    descriptor: str


class RubricaDesempeno(BaseModel):
    numero: int
    codigo: str
    desempeno: str
    origen: str = Field(description='"Minedu" o "Diser"')
    marca: str = Field(description='"[externo]" o "[supuesto]"')
    fuente: str
    cuando: str
    aspectos: list[str]
    niveles: list[NivelRubrica]


class RubricasObservacion(BaseModel):
    """Las rúbricas de los 8 desempeños priorizados del docente."""

    membrete: Membrete
    ugel: str
    acompanante: Acompanante
    anio: int
    rubricas: list[RubricaDesempeno]


def contexto(exp: Expediente, dni_acompanante: str) -> RubricasObservacion:
    filas = []
    for i, d in enumerate(catalogo().desempenos_docente, start=1):
        r = rubricas().de(d.codigo)
        filas.append(RubricaDesempeno(
            numero=i, codigo=d.codigo, desempeno=d.denominacion, origen=d.origen, marca=f"[{r.marca}]", fuente=r.fuente,
            cuando="A fin de mes, con la visita, el GIA y el taller" if d.momento == "fin_de_mes"
            else "Al concluir la visita en aula",
            aspectos=list(r.aspectos),
            niveles=[NivelRubrica(nivel=n, etiqueta=exp.etiqueta_nivel(n), descriptor=r.niveles[n]) for n in NIVELES],
        ))
    return RubricasObservacion(membrete=membrete(exp), ugel=exp.ugel.nombre, acompanante=exp.acompanante(dni_acompanante),
                               anio=exp.anio, rubricas=filas)


def documentos(exp: Expediente) -> Iterator[Documento]:
    """Una por AP con visitas programadas, en el kit del mes en que prepara su primera visita."""
    primeras: dict[str, programado.VisitaProgramada] = {}
    for v in programado.visitas(exp):
        primeras.setdefault(v.acompanante, v)
    for ap in exp.acompanantes:
        if ap.dni not in primeras:
            continue
        v = primeras[ap.dni]
        yield Documento(
            ruta=ruta_de(f"{ap.apellidos} {ap.nombres}", f"Rúbricas de observación {exp.anio}.docx"),
            registros=(f"acompanantes:{ap.dni}",),
            contexto=partial(contexto, exp, ap.dni),
            agrupacion={"acompanante": ap.dni, "mes": programado.mes_de_impresion(v.anio, v.mes), "fecha": "",
                        "actividad": "anexo"},
            periodo=periodos.mes(v.anio, v.mes),
        )


FORMATO = Formato(
    identificador="rubricas",
    titulo="Rúbricas de observación de los desempeños priorizados",
    plantilla="rubricas.docx",
    esquema=RubricasObservacion,
    documentos=documentos,
    preparatorio=True,
    descripcion="Una por AP: qué se observa y qué describe cada nivel (I a IV) en los 8 desempeños, para llevar a "
                "cada visita.",
)
