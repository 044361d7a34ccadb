"""Matriz de valoración del desempeño directivo (MBDDI), sin nivel de logro: en la visita diagnóstica, tras cada GIA
con directores y en la visita de cierre."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel, ConfigDict, Field, field_validator

from formatos.catalogo import catalogo
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.modelos.actividades import GIA, Visita
from formatos.modelos.actores import Docente, InstitucionEducativa
from formatos.modelos.expediente import Expediente
from formatos.modelos.valoracion import ValoracionDirectivo
from formatos.numeros import horas


class FilaMatrizDirectivo(BaseModel):
    """Fila sin nivel: el esquema no admite el campo (extra="forbid")."""

    model_config = ConfigDict(extra="forbid")
    numero: int
    codigo: str
    desempeno: str
    evidencias: str
    necesidades_formativas: str


class MatrizValoracionDirectivo(BaseModel):
    """El contenido de la matriz de valoración del desempeño directivo (D1 y D18, sin nivel)."""

    membrete: Membrete
    director: Docente
    institucion: InstitucionEducativa
    momento: str = Field(description='Cuándo se valora: "GIA con directores: tema (26/06/2026, 2 h)" o '
                                     '"Visita diagnóstica del 12/05/2026"')
    gia: GIA | None = Field(description="El GIA con directores, si la matriz es de un GIA")
    visita: Visita | None = Field(description="La visita, si la matriz es de la visita diagnóstica o de cierre")
    ugel: str
    filas: list[FilaMatrizDirectivo]
    lugar: str
    fecha: date
    firma_director: Firma
    firma_acompanante: Firma

    @field_validator("filas")
    @classmethod
    def _d1_d18(cls, filas: list[FilaMatrizDirectivo]) -> list[FilaMatrizDirectivo]:
        if [f.codigo for f in filas] != list(catalogo().codigos_directivo):
            raise ValueError("la matriz del directivo lleva D1 y D18, en ese orden")
        return filas


def momento(exp: Expediente, valoracion: ValoracionDirectivo) -> str:
    """ "GIA con directores: tema (26/06/2026, 2 h)" o "Visita diagnóstica del 12/05/2026"."""
    if valoracion.id_gia is not None:
        gia = exp.gia(valoracion.id_gia)
        return f"GIA con directores: {gia.tema} ({gia.fecha:%d/%m/%Y}, {horas(gia.horas)})"
    visita = exp.visita(str(valoracion.id_visita))
    dias = f"{visita.fecha:%d/%m/%Y}" + (f" y {visita.fecha_segundo_dia:%d/%m/%Y}" if visita.fecha_segundo_dia else "")
    return f"{catalogo().nombre_visita(visita.tipo).capitalize()} del {dias}"


def contexto(exp: Expediente, valoracion: ValoracionDirectivo) -> MatrizValoracionDirectivo:
    director = exp.docente(valoracion.dni_director)
    filas = [
        FilaMatrizDirectivo(
            numero=i,
            codigo=v.codigo,
            desempeno=catalogo().desempeno_directivo(v.codigo).denominacion,
            evidencias=v.evidencias,
            necesidades_formativas=v.necesidades_formativas,
        )
        for i, v in enumerate(valoracion.desempenos, start=1)
    ]
    return MatrizValoracionDirectivo(
        membrete=membrete(exp),
        director=director,
        institucion=exp.institucion(director.codigo_modular),
        momento=momento(exp, valoracion),
        gia=exp.gia(valoracion.id_gia) if valoracion.id_gia is not None else None,
        visita=exp.visita(valoracion.id_visita) if valoracion.id_visita is not None else None,
        ugel=exp.ugel.nombre,
        filas=filas,
        lugar=exp.ugel.sede,
        fecha=exp.fecha_directivo(valoracion),
        firma_director=firma(director, "Director(a) de la I. E."),
        firma_acompanante=firma(exp.acompanante(director.dni_acompanante), "Acompañante pedagógico"),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    for valoracion in exp.valoraciones_directivo:
        director = exp.docente(valoracion.dni_director)
        fecha = exp.fecha_directivo(valoracion)
        ap = exp.acompanante(director.dni_acompanante)
        yield Documento(
            ruta=ruta_de(
                f"{ap.apellidos} {ap.nombres}", f"{fecha:%Y-%m-%d} {director.apellidos} {director.nombres}.docx"
            ),
            registros=(f"valoraciones_directivo:{valoracion.id}", f"docentes:{director.dni}"),
            contexto=partial(contexto, exp, valoracion),
            agrupacion={"acompanante": ap.dni, "mes": f"{fecha:%Y-%m}", "institucion": director.codigo_modular,
                        "docente": director.dni},
        )


FORMATO = Formato(
    identificador="matriz-directivo",
    titulo="Matriz de valoración del desempeño directivo",
    plantilla="matriz-directivo.docx",
    esquema=MatrizValoracionDirectivo,
    documentos=documentos,
    descripcion="Una por director en la visita diagnóstica, en cada GIA con directores y en la visita de cierre: "
                "evidencias y necesidades formativas en D1 y D18 del MBDDI, sin nivel.",
)
