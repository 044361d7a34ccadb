"""Piezas comunes a los planes: trimestres, metas por trimestre, cronograma de abril a diciembre."""

from __future__ import annotations

from pydantic import BaseModel

from formatos.analisis.protocolo import MESES
from formatos.catalogo import NIVELES, catalogo
from formatos.documentos.comunes import Firma
from formatos.modelos.expediente import Expediente
from formatos.modelos.planes import DesempenoPlan
from formatos.modelos.protocolo import MESES_ACOMPANAMIENTO
from formatos.numeros import horas

ROMANOS = {1: "I", 2: "II", 3: "III", 4: "IV"}


class FilaCronograma(BaseModel):
    """Una fila del cronograma: la actividad y lo que toca en cada mes de abril a diciembre."""

    actividad: str
    celdas: list[str]


class Desempeno(BaseModel):
    codigo: str
    denominacion: str


def desempeno(codigo: str) -> Desempeno:
    return Desempeno(codigo=codigo, denominacion=catalogo().desempeno_docente(codigo).denominacion)


def trimestre_texto(exp: Expediente, t: int) -> str:
    """"II trimestre (julio a setiembre)"."""
    meses = exp.protocolo.trimestres.get(t, [])
    rango = f" ({MESES[meses[0] - 1]} a {MESES[meses[-1] - 1]})" if meses else ""
    return f"{ROMANOS[t]} trimestre{rango}"


def leyenda_trimestres(exp: Expediente) -> str:
    return "; ".join(trimestre_texto(exp, t) for t in exp.protocolo.trimestres)


def leyenda_niveles(exp: Expediente) -> str:
    return " · ".join(f"{n} {exp.etiqueta_nivel(n)}" for n in NIVELES)


def metas_texto(d: DesempenoPlan) -> str:
    """Una línea por trimestre: "I trim.: nivel III"."""
    return "\n".join(f"{ROMANOS[t]} trim.: nivel {n}" for t, n in d.metas.items())


def cronograma(exp: Expediente) -> list[FilaCronograma]:
    """Las visitas, GIA y talleres del protocolo, mes a mes de abril a diciembre."""
    prot = exp.protocolo

    def fila(actividad: str, celda) -> FilaCronograma:
        celdas = []
        for m in MESES_ACOMPANAMIENTO:
            mes = prot.mes(m)
            celdas.append(celda(mes) if mes else "")
        return FilaCronograma(actividad=actividad, celdas=celdas)

    return [
        fila("Visita en aula con asesoría personalizada", lambda m: m.visita if m.dias_visita else ""),
        fila(f"GIA con docentes (mín. {horas(prot.gia_docentes_horas_minimas)})", lambda m: "X" if m.gia_docentes else ""),
        fila(f"GIA con directores (mín. {horas(prot.gia_directores_horas_minimas)})", lambda m: "X" if m.gia_directores else ""),
        fila("Taller de actualización docente", lambda m: "X" if m.taller else ""),
    ]


def firma_jefe_agp(exp: Expediente) -> Firma:
    jefe = exp.ugel.jefe_agp
    if jefe is None:
        raise ValueError("falta ugel.jefe_agp: el plan lo visa el jefe del Área de Gestión Pedagógica")
    return Firma(nombres=jefe.nombres, apellidos=jefe.apellidos, dni=jefe.dni, cargo=jefe.cargo)
