"""Piezas del cierre del año para los informes finales: los aprendizajes de los estudiantes (línea de base frente a
fin de año) y la reunión de balance de cierre de cada I. E. (manual 2.3.1 y 2.3.2)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from formatos.analisis import estudiantes as ae
from formatos.analisis.diagnostico import AREAS, Logros
from formatos.documentos.informes_comunes import Grafico, Serie, nombre
from formatos.modelos.expediente import Expediente
from formatos.numeros import numero, ordinal, porcentaje

NIVELES = (("en_inicio", "En inicio"), ("en_proceso", "En proceso"), ("satisfactorio", "Satisfactorio"))
FALTA = {
    "solo línea de base": "Solo línea de base: falta la evaluación de fin de año.",
    "solo fin de año": "Solo fin de año: no tiene evaluación de línea de base.",
    "sin evaluación": "Sin evaluación: su aula no entró en la muestra (2.° o 4.° grado) o no se registró.",
}


class FilaEstudiantes(BaseModel):
    """Un área de un docente, una I. E. o un total: estudiantes por nivel al inicio y al término del año."""

    grupo: str = Field(description="Docente (grado), I. E. o total; solo en la primera fila del grupo")
    area: str
    linea_base: str = Field(description='"en inicio / en proceso / satisfactorio", p. ej. "4 / 3 / 1"; "—" si no la tiene')
    fin_de_anio: str = Field(description='Igual que la línea de base; "—" si no la tiene')
    satisfactorio: str = Field(description='% en nivel satisfactorio al inicio y al término: "12.5% → 25%"')
    variacion: str = Field(description='Diferencia en puntos porcentuales: "+12.5 puntos"')
    observacion: str = Field(description="Dice claramente si el docente tiene solo una de las dos evaluaciones")


class EstudiantesCierre(BaseModel):
    """La comparación de la línea de base con la evaluación de fin de año (Comunicación y Matemática)."""

    docentes: list[FilaEstudiantes]
    instituciones: list[FilaEstudiantes]
    total: list[FilaEstudiantes]
    resumen: list[str] = Field(description="Cuántos docentes tienen las dos evaluaciones, y quiénes solo una o ninguna")
    grafico: Grafico | None = Field(description="Estudiantes por nivel (%), al inicio y al término; sin datos, ninguno")


def _conteo(lg: Logros | None) -> str:
    return " / ".join(str(getattr(lg, n)) for n, _ in NIVELES) if lg else "—"


def _filas(grupo: str, base: tuple[Logros, ...] | None, fin: tuple[Logros, ...] | None,
           observacion: str = "") -> list[FilaEstudiantes]:
    filas = []
    for i in range(2):
        b, f = (base[i] if base else None), (fin[i] if fin else None)
        pb = b.porcentaje("satisfactorio") if b else None
        pf = f.porcentaje("satisfactorio") if f else None
        filas.append(FilaEstudiantes(
            grupo=grupo if i == 0 else "", area=tuple(AREAS.values())[i],
            linea_base=_conteo(b), fin_de_anio=_conteo(f),
            satisfactorio=" → ".join(porcentaje(p) if p is not None else "—" for p in (pb, pf)),
            variacion=(f"{'+' if pf > pb else ''}{numero(pf - pb, 1)} puntos" if pb is not None and pf is not None else "—"),
            observacion=observacion if i == 0 else "",
        ))
    return filas


def estudiantes(exp: Expediente, dnis: list[str], total: str) -> EstudiantesCierre:
    """Por docente, por I. E. y en total (`total`: "Total del AP", "Total UGEL")."""
    evaluaciones = [ae.evaluaciones(exp, d) for d in dnis]
    docentes = []
    for e in evaluaciones:
        d = exp.docente(e.dni)
        grado = f" ({ordinal(e.grado)} grado)" if e.grado else ""
        docentes += _filas(f"{nombre(d)}{grado}", e.base, e.fin, FALTA.get(e.estado, ""))
    instituciones = []
    for cm in dict.fromkeys(exp.docente(d).codigo_modular for d in dnis):
        de_ie = ae.totales(e for e in evaluaciones if exp.docente(e.dni).codigo_modular == cm)
        ie = exp.institucion(cm)
        instituciones += _filas(f"I. E. {ie.nombre}", de_ie[0] if de_ie else None, de_ie[1] if de_ie else None,
                                "" if de_ie else "Ningún docente tiene las dos evaluaciones.")
    suma = ae.totales(evaluaciones)
    cuenta = {estado: [nombre(exp.docente(e.dni)) for e in evaluaciones if e.estado == estado]
              for estado in ("ambas", "solo línea de base", "solo fin de año", "sin evaluación")}
    resumen = [f"De {len(evaluaciones)} docentes, {len(cuenta['ambas'])} tienen la evaluación de línea de base y la de "
               f"fin de año (la misma muestra de estudiantes): los totales por I. E. y del grupo suman solo a ellos."]
    resumen += [f"{FALTA[estado].split(':')[0]} ({len(nombres)}): {', '.join(nombres)}."
                for estado, nombres in cuenta.items() if estado != "ambas" and nombres]
    return EstudiantesCierre(
        docentes=docentes, instituciones=instituciones,
        total=_filas(total, suma[0] if suma else None, suma[1] if suma else None),
        resumen=resumen, grafico=_grafico(suma[0], suma[1], total) if suma else None,
    )


def _grafico(base: tuple[Logros, ...], fin: tuple[Logros, ...], total: str) -> Grafico:
    categorias, valores_base, valores_fin = [], [], []
    for b, f in zip(base, fin):
        for n, etiqueta in NIVELES:
            categorias.append(f"{b.area}\n{etiqueta.lower()}")
            valores_base.append(b.porcentaje(n) or 0)
            valores_fin.append(f.porcentaje(n) or 0)
    return Grafico(titulo=f"Estudiantes por nivel de logro: línea de base y fin de año ({total[0].lower()}{total[1:]})",
                   categorias=categorias, series=[Serie(nombre="Línea de base", valores=valores_base),
                                                  Serie(nombre="Fin de año", valores=valores_fin)],
                   eje_y="% de estudiantes evaluados", enteros=False, alto_cm=7.5)


class FilaBalance(BaseModel):
    """La reunión de balance de cierre de una I. E.: asistentes, logros, acuerdos y compromisos."""

    institucion: str
    fecha: date | None = Field(description="Vacía si no se registró la reunión")
    asistentes: str
    logros: str
    acuerdos: list[str]
    compromisos: list[str] = Field(description='"Familias: acompañar la lectura en casa…"')


def balances(exp: Expediente, dnis: list[str]) -> list[FilaBalance]:
    """Una fila por I. E. de los docentes dados, en su orden; la I. E. sin reunión registrada lo dice."""
    filas = []
    for cm in dict.fromkeys(exp.docente(d).codigo_modular for d in dnis):
        ie, b = exp.institucion(cm), exp.indice("balances_cierre").get(cm)
        if b is None:
            filas.append(FilaBalance(institucion=f"I. E. {ie.nombre}", fecha=None, asistentes="", logros="",
                                     acuerdos=[], compromisos=[]))
            continue
        otros = f"; {b.otros_asistentes}" if b.otros_asistentes else ""
        filas.append(FilaBalance(
            institucion=f"I. E. {ie.nombre}", fecha=b.fecha,
            asistentes=f"{b.asistentes_docentes} docentes y director(a), {b.asistentes_familias} madres y padres de familia{otros}",
            logros=b.logros, acuerdos=b.acuerdos, compromisos=[f"{c.actor}: {c.compromiso}" for c in b.compromisos],
        ))
    return filas
