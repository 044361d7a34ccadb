"""Crea `ejemplos/expediente-ejemplo.json`: una UGEL ficticia pero verosímil, un año de acompañamiento.

Determinista (semilla fija): volver a correrlo da el mismo archivo.
Uso: python herramientas/crear_ejemplo.py
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

DESTINO = Path(__file__).resolve().parent.parent / "ejemplos" / "expediente-ejemplo.json"
ANIO = 2026
azar = random.Random(2026)

UGEL = {
    "nombre": "UGEL San Marcos",
    "dre": "Dirección Regional de Educación Cajamarca",
    "region": "Cajamarca",
    "sede": "San Marcos",
    "jefe_agp": {"dni": "26701234", "nombres": "Marleny Rocío", "apellidos": "Chávez Ñontol",
                 "cargo": "Jefa del Área de Gestión Pedagógica"},
    "siglas_informe": "UGEL-SM/AGP",
}

ACOMPANANTES = [
    {"dni": "41526378", "nombres": "Julián Andrés", "apellidos": "Ñaupari Cárdenas", "telefono": "976 543 210",
     "correo": "jnaupari@ugelsanmarcos.edu.pe"},
    {"dni": "43098127", "nombres": "María Teresa", "apellidos": "Sánchez Huamán", "telefono": "965 112 874",
     "correo": "msanchez@ugelsanmarcos.edu.pe"},
]

# (código modular, nombre, tipo, centro poblado, distrito, ubigeo, AP)
INSTITUCIONES = [
    ("0523461", "N.° 82145", "unidocente", "Huañimba", "Gregorio Pita", "060703", 0),
    ("0687203", "N.° 82231 «Virgen de la Candelaria»", "polidocente multigrado", "Chancay Baños", "Chancay", "060702", 0),
    ("0345018", "N.° 821087", "polidocente multigrado", "La Succha", "Pedro Gálvez", "060701", 0),
    ("1123456", "N.° 82519 «José Olaya»", "polidocente multigrado", "Quinuamayo", "José Sabogal", "060706", 1),
    ("0598774", "N.° 821342", "unidocente", "Shirac", "José Manuel Quiroz", "060705", 1),
    ("0775310", "N.° 82617 «San Martín de Porres»", "polidocente multigrado", "Pauca", "Eduardo Villanueva", "060704", 1),
    ("0912035", "N.° 821455", "polidocente multigrado", "Lanchepampa", "Ichocán", "060707", 0),
]

# (dni, nombres, apellidos, código modular, grados, condición, es director)
DOCENTES = [
    ("45871236", "Rosa Elena", "Quispe Mamani", "0523461", [1, 2, 3, 4, 5, 6], "nombrado", True),
    ("40256981", "Edwin Ramiro", "Chuquilín Rodríguez", "0687203", [5, 6], "nombrado", True),
    ("47120385", "Yeny Marisol", "Tasilla Briones", "0687203", [1, 2], "contratado", False),
    ("42890017", "Óscar Aníbal", "Cueva Peña", "0687203", [3, 4], "nombrado", False),
    ("44561230", "Nélida", "Huamán Ñique", "0345018", [3, 4, 5, 6], "nombrado", True),
    ("48012347", "Wílmer", "Saucedo Díaz", "0345018", [1, 2], "contratado", False),
    ("41122334", "Gladys Noemí", "Llanos Terán", "0912035", [1, 2, 3], "nombrado", True),
    ("46677889", "Ángel Custodio", "Zambrano Azañedo", "1123456", [4, 5, 6], "nombrado", True),
    ("43345566", "Maribel", "Rojas Quiliche", "1123456", [1, 2, 3], "contratado", False),
    ("47788990", "Teófilo", "Cerdán Lingán", "0598774", [1, 2, 3, 4, 5, 6], "nombrado", True),
    ("42233445", "Luz Angélica", "Cabanillas Mendoza", "0775310", [5, 6], "nombrado", True),
    ("49900112", "Ruth Noemí", "Aliaga Ñontol", "0775310", [3, 4], "contratado", False),
    ("45500221", "Segundo Ermitaño", "Vásquez Chilón", "0775310", [1, 2], "nombrado", False),
    ("40011223", "Flor de María", "Horna Paredes", "0912035", [4, 5, 6], "contratado", False),
]

AREAS = [
    ("Comunicación", "Que los estudiantes lean y comprendan textos narrativos de su comunidad, según su grado, con apoyo de fichas diferenciadas"),
    ("Matemática", "Que los estudiantes resuelvan problemas de cantidad en situaciones de la feria comunal, usando material concreto"),
    ("Personal Social", "Que los estudiantes reconozcan las costumbres de su centro poblado y propongan normas de convivencia"),
    ("Ciencia y Tecnología", "Que los estudiantes indaguen sobre el ciclo del agua en la quebrada cercana y registren sus observaciones"),
    ("Matemática", "Que los estudiantes representen fracciones con material de la zona (semillas, chapas) en grupos por grado"),
    ("Comunicación", "Que los estudiantes escriban una receta de la comida típica (caldo verde) adecuando el texto a su propósito"),
]

EVIDENCIAS = {
    "D19": ["Organiza a los estudiantes en grupos por ciclo y asigna tareas diferenciadas; {n} de {t} estudiantes participan activamente.",
            "Usa el sector de biblioteca y el material concreto para atender simultáneamente a los grados; algunos estudiantes esperan sin tarea durante 10 minutos."],
    "D22": ["Plantea preguntas abiertas («¿por qué crees que…?», «¿cómo lo comprobarías?») y pide a los estudiantes explicar su procedimiento.",
            "Propone un problema retador contextualizado; las respuestas de los estudiantes son mayormente de respuesta única."],
    "D25": ["Monitorea a los grupos y ofrece retroalimentación descriptiva a {n} estudiantes; registra avances en su lista de cotejo.",
            "Retroalimenta de manera elemental («¡muy bien!», «está mal»), sin orientar al estudiante a descubrir su error."],
    "D11": ["Trata a los estudiantes por su nombre, con calidez; acoge las intervenciones en quechua y castellano.",
            "Mantiene un trato respetuoso; escucha a los estudiantes y se muestra empático con quien llegó tarde por el camino."],
    "D15": ["Usa los acuerdos de convivencia del aula para regular el comportamiento; no se observan mecanismos de maltrato.",
            "Redirige las conductas con calma y reconoce el buen comportamiento de los grupos."],
    "D1": ["Su planificación de la unidad considera los intereses y el contexto (la siembra, la fiesta patronal) y los estándares por ciclo.",
           "Presentó su sesión con propósitos por grado; en el GIA del mes reajustó la secuencia didáctica con sus pares."],
    "D23": ["Emplea material estructurado (regletas, cuadernos de trabajo) y no estructurado (semillas, piedras, hojas) según el propósito.",
            "Usa los cuadernos de trabajo del Minedu; el material del sector de Matemática se usa poco."],
    "D4": ["Participó en el GIA del mes, compartió su experiencia con los grupos interactivos y asumió compromisos.",
           "Asistió al GIA y al taller; aportó una estrategia de lectura para aulas multigrado que sus colegas adoptaron."],
}

PRODUCTOS = [
    "Sesión de aprendizaje reajustada con actividades diferenciadas por grado.",
    "Compromiso: elaborar fichas de trabajo autónomo para el grupo que espera.",
    "Sesión reajustada con preguntas de nivel inferencial y crítico.",
    "Lista de cotejo ajustada a los criterios de evaluación de la competencia.",
    "Plan de mejora de la organización del aula multigrado (sectores y grupos).",
]

MESES_VISITA = {4: ("recojo de necesidades", 1), 5: ("diagnóstica", 1), 6: ("asesoría", 2), 7: ("asesoría", 1),
                8: ("asesoría", 1), 9: ("asesoría", 1), 10: ("asesoría", 1), 11: ("cierre", 2)}


def dia_habil(anio: int, mes: int, dia: int) -> date:
    fecha = date(anio, mes, dia)
    while fecha.weekday() >= 5:
        fecha += timedelta(days=1)
    return fecha


def ap_de(codigo_modular: str) -> dict:
    indice = next(ie[6] for ie in INSTITUCIONES if ie[0] == codigo_modular)
    return ACOMPANANTES[indice]


def subir(nivel: int) -> int:
    """El nivel de un mes al siguiente: casi siempre igual o un paso arriba, a veces un paso abajo."""
    r = azar.random()
    if r < 0.35 and nivel < 4:
        return nivel + 1
    if r > 0.93 and nivel > 1:
        return nivel - 1
    return nivel


def crear() -> dict:
    romanos = {1: "I", 2: "II", 3: "III", 4: "IV"}
    codigos = list(EVIDENCIAS)
    visitas, valoraciones = [], []
    for k, (dni, *_resto) in enumerate(DOCENTES):
        niveles = {c: azar.choice([1, 1, 2, 2, 2]) for c in codigos}
        for mes, (tipo, dias) in MESES_VISITA.items():
            fecha = dia_habil(ANIO, mes, 6 + (k * 2) % 18)
            area, proposito = AREAS[(k + mes) % len(AREAS)]
            visita = {
                "id": f"V-{ANIO}-{mes:02d}-{dni}",
                "dni_docente": dni,
                "tipo": tipo,
                "fecha": fecha.isoformat(),
                "dias": dias,
                "area_curricular": area,
                "proposito_sesion": proposito,
                "horas_asesoria": 3 if DOCENTES[k][6] else 2,
            }
            if dias == 2:
                visita["fecha_segundo_dia"] = dia_habil(ANIO, mes, fecha.day + 1).isoformat()
            visitas.append(visita)
            if tipo == "recojo de necesidades":
                continue
            if tipo != "diagnóstica":
                niveles = {c: subir(n) for c, n in niveles.items()}
            atendidos = set(azar.sample(codigos, 3 if tipo == "asesoría" else 8))
            desempenos = []
            for c in codigos:
                texto = azar.choice(EVIDENCIAS[c]).format(n=azar.randint(4, 9), t=azar.randint(10, 14))
                desempenos.append({
                    "codigo": c,
                    "nivel_alcanzado": romanos[niveles[c]],
                    "atendido": c in atendidos,
                    "evidencias": texto if c in atendidos else "",
                    "producto_asesoria": azar.choice(PRODUCTOS) if c in atendidos else "",
                })
            valoraciones.append({"id_visita": visita["id"], "desempenos": desempenos})

    gias, valoraciones_directivo = [], []
    for a, ap in enumerate(ACOMPANANTES):
        suyos = [d for d in DOCENTES if ap_de(d[3])["dni"] == ap["dni"]]
        for mes in range(5, 11):
            fecha = dia_habil(ANIO, mes, 26 + a)
            gias.append({"id": f"GIA-D-{a + 1}-{mes:02d}", "tipo": "docentes", "dni_acompanante": ap["dni"],
                         "fecha": fecha.isoformat(), "horas": 4,
                         "tema": azar.choice(["Planificación en aulas multigrado", "Estrategias de lectura por ciclos",
                                               "Evaluación formativa y retroalimentación", "Uso de material no estructurado"]),
                         "participantes": [d[0] for d in suyos]})
            if mes in (6, 9):
                directores = [d for d in suyos if d[6]]
                id_gia = f"GIA-R-{a + 1}-{mes:02d}"
                gias.append({"id": id_gia, "tipo": "directores", "dni_acompanante": ap["dni"],
                             "fecha": fecha.isoformat(), "horas": 2,
                             "tema": "Diagnóstico del entorno y planificación curricular institucional",
                             "participantes": [d[0] for d in directores]})
                for d in directores:
                    valoraciones_directivo.append({
                        "id": f"VD-{mes:02d}-{d[0]}", "dni_director": d[0], "id_gia": id_gia,
                        "desempenos": [
                            {"codigo": "D1", "evidencias": "Presentó el diagnóstico de su I. E. con datos de asistencia, "
                             "resultados de la evaluación de entrada y la participación de las familias en las faenas.",
                             "necesidades_formativas": "Analizar los factores del entorno familiar que influyen en los "
                             "aprendizajes y vincularlos con las metas del PAT."},
                            {"codigo": "D18", "evidencias": "Convocó a sus docentes a planificar la unidad en conjunto; "
                             "en la reunión se revisó el calendario comunal y los estándares por ciclo.",
                             "necesidades_formativas": "Orientar la planificación curricular articulada con la propuesta "
                             "curricular regional de Cajamarca."},
                        ],
                    })

    return {
        "anio": ANIO,
        "ugel": UGEL,
        "acompanantes": ACOMPANANTES,
        "instituciones": [
            {"codigo_modular": c, "nombre": n, "tipo": t, "centro_poblado": cp, "distrito": dist,
             "provincia": "San Marcos", "region": "Cajamarca", "ubigeo": ub}
            for c, n, t, cp, dist, ub, _ in INSTITUCIONES
        ],
        "docentes": [
            {"dni": dni, "nombres": nom, "apellidos": ape, "codigo_modular": cm, "dni_acompanante": ap_de(cm)["dni"],
             "grados": g, "condicion": cond, "es_director": dire}
            for dni, nom, ape, cm, g, cond, dire in DOCENTES
        ],
        "visitas": visitas,
        "gias": gias,
        "valoraciones": valoraciones,
        "valoraciones_directivo": valoraciones_directivo,
        # planes

        # informes

    }


if __name__ == "__main__":
    DESTINO.write_text(json.dumps(crear(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(DESTINO)
    # excel: el mismo ejemplo como libro de captura lleno
    from formatos.entrada import a_excel, cargar

    LIBRO = DESTINO.with_suffix(".xlsx")
    LIBRO.write_bytes(a_excel(cargar(DESTINO).expediente))
    print(LIBRO)
