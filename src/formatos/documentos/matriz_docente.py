"""Matriz de valoración del desempeño docente: una por docente y visita (manual 2.2.2.4)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from pydantic import BaseModel, Field, field_validator

from formatos.catalogo import NIVELES, catalogo
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.modelos.actividades import Visita
from formatos.modelos.actores import Docente, InstitucionEducativa
from formatos.modelos.expediente import Expediente
from formatos.modelos.tipos import Nivel
from formatos.modelos.valoracion import ValoracionDocente


class FilaMatrizDocente(BaseModel):
    numero: int
    codigo: str
    desempeno: str = Field(description="Denominación del desempeño en la matriz (rúbrica)")
    nivel_alcanzado: Nivel
    etiqueta_nivel: str = Field(description='p. ej. "satisfactorio"')
    atendido: bool = Field(description="Si se atendió en el mes; si no, la fila va sin evidencias")
    evidencias: str
    producto_asesoria: str


class MatrizValoracionDocente(BaseModel):
    """El contenido de la matriz de valoración del desempeño docente."""

    membrete: Membrete
    docente: Docente
    institucion: InstitucionEducativa
    visita: Visita
    ugel: str
    filas: list[FilaMatrizDocente]
    leyenda_niveles: str = Field(description='p. ej. "I insatisfactorio · II en proceso · III satisfactorio · IV destacado"')
    lugar: str
    fecha: date
    firma_docente: Firma
    firma_acompanante: Firma

    @field_validator("filas")
    @classmethod
    def _orden_del_manual(cls, filas: list[FilaMatrizDocente]) -> list[FilaMatrizDocente]:
        if [f.codigo for f in filas] != list(catalogo().codigos_docente):
            raise ValueError("la matriz lleva los 8 desempeños priorizados en el orden del manual")
        return filas


def contexto(exp: Expediente, valoracion: ValoracionDocente) -> MatrizValoracionDocente:
    visita = exp.visita(valoracion.id_visita)
    docente = exp.docente(visita.dni_docente)
    filas = [
        FilaMatrizDocente(
            numero=i,
            codigo=v.codigo,
            desempeno=catalogo().desempeno_docente(v.codigo).denominacion,
            nivel_alcanzado=v.nivel_alcanzado,
            etiqueta_nivel=exp.etiqueta_nivel(v.nivel_alcanzado),
            atendido=v.atendido,
            evidencias=v.evidencias,
            producto_asesoria=v.producto_asesoria,
        )
        for i, v in enumerate(valoracion.desempenos, start=1)
    ]
    return MatrizValoracionDocente(
        membrete=membrete(exp),
        docente=docente,
        institucion=exp.institucion(docente.codigo_modular),
        visita=visita,
        ugel=exp.ugel.nombre,
        filas=filas,
        leyenda_niveles=" · ".join(f"{n} {exp.etiqueta_nivel(n)}" for n in NIVELES),
        lugar=exp.ugel.sede,
        fecha=valoracion.fecha or visita.ultimo_dia,
        firma_docente=firma(docente, "Docente acompañado"),
        firma_acompanante=firma(exp.acompanante(docente.dni_acompanante), "Acompañante pedagógico"),
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    for valoracion in exp.valoraciones:
        visita = exp.visita(valoracion.id_visita)
        docente = exp.docente(visita.dni_docente)
        ap = exp.acompanante(docente.dni_acompanante)
        yield Documento(
            ruta=ruta_de(
                f"{ap.apellidos} {ap.nombres}", f"{visita.fecha:%Y-%m-%d} {docente.apellidos} {docente.nombres}.docx"
            ),
            registros=(f"valoraciones:{valoracion.id_visita}", f"docentes:{docente.dni}"),
            contexto=lambda v=valoracion: contexto(exp, v),
            agrupacion={"acompanante": ap.dni, "mes": f"{visita.fecha:%Y-%m}", "institucion": docente.codigo_modular,
                        "docente": docente.dni},
        )


FORMATO = Formato(
    identificador="matriz-docente",
    titulo="Matriz de valoración del desempeño docente",
    plantilla="matriz-docente.docx",
    esquema=MatrizValoracionDocente,
    documentos=documentos,
    descripcion="Una por docente y visita: nivel alcanzado, evidencias y producto de la asesoría en los 8 desempeños.",
)
