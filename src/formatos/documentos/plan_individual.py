"""Plan individual de acompañamiento: uno por docente, elaborado en la visita diagnóstica (manual 2.2.1.5)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from pydantic import BaseModel, Field

from formatos.catalogo import catalogo
from formatos.documentos import Documento, Formato, ruta_de
from formatos.documentos.comunes import Firma, Membrete, firma, membrete
from formatos.documentos.comunes_planes import leyenda_niveles, leyenda_trimestres, metas_texto
from formatos.modelos.actores import Acompanante, Docente, InstitucionEducativa
from formatos.modelos.expediente import Expediente
from formatos.modelos.planes import PlanIndividual, Reajuste
from formatos.modelos.tipos import Nivel


class FilaPlanIndividual(BaseModel):
    numero: int
    codigo: str
    desempeno: str = Field(description="Denominación del desempeño en la rúbrica")
    nivel_diagnostico: Nivel
    etiqueta_diagnostico: str
    metas: str = Field(description="Una línea por trimestre con el nivel esperado")
    justificacion: str
    estrategias: str
    compromisos: str


class FilaContenido(BaseModel):
    """Un aspecto que el plan debe puntualizar (manual 2.2.1.7) y lo que el plan dice de él."""

    aspecto: str
    texto: str = Field(description='Lo registrado; "No se precisó." si falta')


class FilaReajuste(BaseModel):
    """Un reajuste del plan; si es posterior a la firma del plan, lleva su propia línea de firmas."""

    fecha: date
    cambio: str
    motivo: str
    firmas: list[Firma] = Field(description="Las de quienes firman el plan, si el reajuste es posterior a su firma; "
                                            "vacía si se firmó con el plan")


NO_PRECISADO = "No se precisó."
ASPECTOS = (  # manual 2.2.1.7, l. 1118-1126
    ("sesiones_innovadoras", "Sesiones de aprendizaje innovadoras"),
    ("habilidades_socioemocionales", "Desarrollo de las habilidades socioemocionales de los estudiantes"),
    ("evaluacion_reforzamiento", "Evaluación permanente y reforzamiento de los estudiantes que lo requieren"),
    ("participacion_familia", "Participación de la familia y la comunidad en los aprendizajes"),
)


def filas_reajuste(reajustes: list[Reajuste], firmado: date, firmas: tuple[Firma, Firma]) -> list[FilaReajuste]:
    """Los reajustes en orden de fecha; los posteriores a la firma del plan, con las firmas de quienes lo firman."""
    return [FilaReajuste(fecha=r.fecha, cambio=r.cambio, motivo=r.motivo, firmas=list(firmas) if r.fecha > firmado else [])
            for r in sorted(reajustes, key=lambda r: r.fecha)]


class PlanIndividualDocumento(BaseModel):
    """El contenido del plan individual de acompañamiento."""

    membrete: Membrete
    docente: Docente
    institucion: InstitucionEducativa
    acompanante: Acompanante
    ugel: str
    necesidades: list[str]
    filas: list[FilaPlanIndividual]
    metas_estudiantes: list[str] = Field(description="Metas de aprendizaje de los estudiantes previstas")
    contenidos: list[FilaContenido] = Field(description="Sesiones innovadoras, habilidades socioemocionales, evaluación y "
                                                        "reforzamiento, participación de la familia")
    reajustes: list[FilaReajuste]
    trimestres: str = Field(description="Qué meses forma cada trimestre")
    leyenda_niveles: str
    lugar: str
    fecha: date
    firma_docente: Firma
    firma_acompanante: Firma


def contexto(exp: Expediente, plan: PlanIndividual) -> PlanIndividualDocumento:
    docente = exp.docente(plan.dni_docente)
    ap = exp.acompanante(docente.dni_acompanante)
    filas = [
        FilaPlanIndividual(
            numero=i, codigo=d.codigo, desempeno=catalogo().desempeno_docente(d.codigo).denominacion,
            nivel_diagnostico=d.nivel_diagnostico, etiqueta_diagnostico=exp.etiqueta_nivel(d.nivel_diagnostico),
            metas=metas_texto(d), justificacion=d.justificacion, estrategias=d.estrategias,
            compromisos=d.compromisos,
        )
        for i, d in enumerate(plan.desempenos, start=1)
    ]
    firmas = (firma(docente, "Docente acompañado"), firma(ap, "Acompañante pedagógico"))
    return PlanIndividualDocumento(
        membrete=membrete(exp), docente=docente, institucion=exp.institucion(docente.codigo_modular),
        acompanante=ap, ugel=exp.ugel.nombre, necesidades=plan.necesidades_formacion, filas=filas,
        metas_estudiantes=plan.metas_estudiantes,
        contenidos=[FilaContenido(aspecto=aspecto, texto=getattr(plan, campo) or NO_PRECISADO) for campo, aspecto in ASPECTOS],
        reajustes=filas_reajuste(plan.reajustes, plan.fecha, firmas), trimestres=leyenda_trimestres(exp),
        leyenda_niveles=leyenda_niveles(exp), lugar=exp.ugel.sede, fecha=plan.fecha,
        firma_docente=firmas[0], firma_acompanante=firmas[1],
    )


def documentos(exp: Expediente) -> Iterator[Documento]:
    for plan in exp.planes_individuales:
        docente = exp.docente(plan.dni_docente)
        ap = exp.acompanante(docente.dni_acompanante)
        yield Documento(
            ruta=ruta_de(f"{ap.apellidos} {ap.nombres}", f"{docente.apellidos} {docente.nombres}.docx"),
            registros=(f"planes_individuales:{plan.dni_docente}",),
            contexto=partial(contexto, exp, plan),
            agrupacion={"acompanante": ap.dni, "mes": f"{plan.fecha:%Y-%m}", "institucion": docente.codigo_modular,
                        "docente": docente.dni},
        )


FORMATO = Formato(
    identificador="plan-individual",
    titulo="Plan individual de acompañamiento pedagógico",
    plantilla="plan-individual.docx",
    esquema=PlanIndividualDocumento,
    documentos=documentos,
    descripcion="Uno por docente: necesidades de formación, desempeños priorizados con metas trimestrales, "
                "estrategias, compromisos, metas de aprendizaje de los estudiantes, sesiones innovadoras, habilidades "
                "socioemocionales, evaluación y reforzamiento, participación de la familia, y reajustes (los "
                "posteriores a la firma, con su propia línea de firmas). Firman docente y AP.",
)
