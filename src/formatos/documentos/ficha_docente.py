"""Ficha de datos del docente (y del director): lo que el expediente sabe, lleno; el resto, para llenar.

Las fichas de datos recogen datos de los docentes, los directores, los estudiantes y la I. E. para identificar
información que favorezca el proceso formativo (manual, l. 938-941). Una por docente, en su primera visita
programada; si el docente es también director, con los datos de su gestión.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from pydantic import BaseModel

from formatos.analisis import programado
from formatos.analisis.programado import VisitaProgramada
from formatos.documentos import Documento, Formato
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.instrumentos import Aula, VisitaDeCampo, aula, documento_de_visita, visita_de_campo
from formatos.modelos.expediente import Expediente
from formatos.numeros import ordinal


class FichaDocente(BaseModel):
    """La ficha de datos de un docente acompañado (con la sección de director si lo es)."""

    membrete: Membrete
    aula: Aula
    visita: VisitaDeCampo
    grados: list[str]
    """Una fila por grado a cargo ("3.°") para anotar sus estudiantes."""
    firma_docente: Firma


def contexto(exp: Expediente, v: VisitaProgramada) -> FichaDocente:
    datos = aula(exp, v.docente)
    return FichaDocente(membrete=membrete(exp), aula=datos, visita=visita_de_campo(v),
                        grados=[ordinal(g) for g in datos.docente.grados],
                        firma_docente=firma(datos.docente, "Docente acompañado"))


def documentos(exp: Expediente) -> Iterator[Documento]:
    for v in programado.visitas(exp):
        if v.primera:
            yield documento_de_visita(exp, v, "Ficha de datos del docente", partial(contexto, exp, v))


FORMATO = Formato(
    identificador="ficha-docente",
    titulo="Ficha de datos del docente (y del director)",
    plantilla="ficha-docente.docx",
    esquema=FichaDocente,
    documentos=documentos,
    preparatorio=True,
    descripcion="Una por docente, para su primera visita: datos personales, profesionales, de su aula y, si es "
                "director, de su gestión; lo que el expediente ya sabe va lleno.",
)
