"""Matriz de valoración en blanco: la del docente con la cabecera llena y niveles y evidencias por llenar.

El AP la lleva a la visita (con las rúbricas del formato «rubricas»): la llena al concluir la visita, y D1 y D4
a fin de mes (manual, l. 1045-1049, 2133-2140); la firman el docente y el AP (l. 1023-1025).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from pydantic import BaseModel, Field

from formatos.analisis import programado
from formatos.analisis.programado import VisitaProgramada
from formatos.catalogo import NIVELES, catalogo
from formatos.documentos import Documento, Formato
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.instrumentos import Aula, VisitaDeCampo, aula, documento_de_visita, visita_de_campo
from formatos.modelos.expediente import Expediente

CUANDO = {"visita": "al concluir la visita", "fin_de_mes": "a fin de mes"}


class FilaEnBlanco(BaseModel):
    numero: int
    codigo: str
    desempeno: str
    cuando: str = Field(description='"al concluir la visita" o "a fin de mes"')
    priorizado: bool = Field(description="Priorizado en el diseño de esta visita (se marca ★)")


class MatrizEnBlanco(BaseModel):
    """La matriz de valoración del desempeño docente, por llenar a mano."""

    membrete: Membrete
    aula: Aula
    visita: VisitaDeCampo
    filas: list[FilaEnBlanco]
    niveles: list[str] = Field(description='Las casillas del nivel: "I", "II", "III", "IV"')
    leyenda_niveles: str
    anio: int
    firma_docente: Firma
    firma_acompanante: Firma


def contexto(exp: Expediente, v: VisitaProgramada) -> MatrizEnBlanco:
    datos = aula(exp, v.docente)
    return MatrizEnBlanco(
        membrete=membrete(exp), aula=datos, visita=visita_de_campo(v),
        filas=[FilaEnBlanco(numero=i, codigo=d.codigo, desempeno=d.denominacion, cuando=CUANDO.get(d.momento, ""),
                            priorizado=d.codigo in v.desempenos)
               for i, d in enumerate(catalogo().desempenos_docente, start=1)],
        niveles=list(NIVELES), leyenda_niveles=" · ".join(f"{n} {exp.etiqueta_nivel(n)}" for n in NIVELES), anio=v.anio,
        firma_docente=firma(datos.docente, "Docente acompañado"),
        firma_acompanante=firma(datos.acompanante, "Acompañante pedagógico"),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    for v in programado.visitas(exp):
        yield documento_de_visita(exp, v, "Matriz en blanco", partial(contexto, exp, v))


FORMATO = Formato(
    identificador="matriz-en-blanco",
    titulo="Matriz de valoración en blanco (para llenar en la visita)",
    plantilla="matriz-en-blanco.docx",
    esquema=MatrizEnBlanco,
    documentos=documentos,
    preparatorio=True,
    descripcion="Una por visita programada: la matriz del docente con la cabecera llena y el nivel y las evidencias "
                "por llenar a mano.",
)
