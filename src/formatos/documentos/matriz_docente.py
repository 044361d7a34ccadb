"""Matriz de valoración del desempeño docente: una por docente y visita (manual 2.2.2.4)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

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
    al_termino_mes: bool = Field(description="Si se valora al término del mes (D1 y D4) y no al concluir la visita")
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
    fecha_visita: date = Field(description="Valoración de los desempeños de la visita (al concluirla)")
    desempenos_visita: str = Field(description='Los que se valoran al concluir la visita: "1 a 5 y 7 (D19, D22, …)"')
    fecha_termino_mes: date = Field(description="Valoración de D1 y D4 al término del mes (manual l. 2136-2141)")
    desempenos_termino_mes: str = Field(description='Los del término del mes: "6 y 8 (D1 y D4)"')
    fuentes_termino_mes: str = Field(description="Con qué se valoraron: la visita, el GIA y/o el taller del mes")
    lugar: str
    fecha: date = Field(description="Fecha de la matriz completa (la del término del mes)")
    firma_docente: Firma
    firma_acompanante: Firma

    @field_validator("filas")
    @classmethod
    def _orden_del_manual(cls, filas: list[FilaMatrizDocente]) -> list[FilaMatrizDocente]:
        if [f.codigo for f in filas] != list(catalogo().codigos_docente):
            raise ValueError("la matriz lleva los 8 desempeños priorizados en el orden del manual")
        return filas


def _enumerar(partes: list[str]) -> str:
    return " y ".join([", ".join(partes[:-1]), partes[-1]]) if len(partes) > 1 else "".join(partes)


def _numeros(filas: list[FilaMatrizDocente]) -> str:
    """ "1 a 5 y 7 (D19, D22, D25, D11, D15 y D23)": los números de fila seguidos van como intervalo."""
    tramos: list[list[int]] = []
    for f in filas:
        if tramos and tramos[-1][-1] == f.numero - 1:
            tramos[-1].append(f.numero)
        else:
            tramos.append([f.numero])
    numeros = [f"{t[0]} a {t[-1]}" if len(t) > 2 else ", ".join(map(str, t)) for t in tramos]
    return f"{_enumerar(numeros)} ({_enumerar([f.codigo for f in filas])})"


def _dias(visita: Visita) -> str:
    if visita.fecha_segundo_dia:
        return f"{visita.fecha:%d/%m} y {visita.fecha_segundo_dia:%d/%m/%Y}"
    return f"{visita.fecha:%d/%m/%Y}"


def contexto(exp: Expediente, valoracion: ValoracionDocente) -> MatrizValoracionDocente:
    visita = exp.visita(valoracion.id_visita)
    docente = exp.docente(visita.dni_docente)
    cierre = exp.fecha_termino_mes(valoracion)
    filas = [
        FilaMatrizDocente(
            numero=i,
            codigo=v.codigo,
            desempeno=catalogo().desempeno_docente(v.codigo).denominacion,
            nivel_alcanzado=v.nivel_alcanzado,
            etiqueta_nivel=exp.etiqueta_nivel(v.nivel_alcanzado),
            al_termino_mes=catalogo().desempeno_docente(v.codigo).momento == "fin_de_mes",
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
        fecha_visita=valoracion.fecha or visita.ultimo_dia,
        desempenos_visita=_numeros([f for f in filas if not f.al_termino_mes]),
        fecha_termino_mes=cierre,
        desempenos_termino_mes=_numeros([f for f in filas if f.al_termino_mes]),
        fuentes_termino_mes=_enumerar([f"la visita en aula del {_dias(visita)}"] + [
            que for fecha, que, _ in exp.actividades_del_mes(docente.dni, cierre.year, cierre.month) if fecha <= cierre]),
        lugar=exp.ugel.sede,
        fecha=cierre,
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
            contexto=partial(contexto, exp, valoracion),
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
