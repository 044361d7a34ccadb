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


# --- informes: talleres, sucesos, buenas prácticas, diagnóstico, narrativa, numeración --------------------
azar_informes = random.Random(4)  # semilla propia: no altera los datos de las secciones anteriores

SUCESOS = [
    ("visita", "Lluvias intensas bloquearon la trocha a {cp}; la visita se reprogramó dos días después.", "dificultó",
     "Se coordinó con el director y se avisó a las familias por la radio comunal."),
    ("GIA", "La municipalidad distrital prestó su auditorio y movilidad para el GIA.", "favoreció",
     "Se formalizó el apoyo con un acta y se programó el siguiente GIA en el mismo local."),
    ("visita", "Las familias de {cp} participaron en la sesión compartida sobre la feria comunal.", "favoreció",
     "Se propuso al docente incorporar a las familias en la planificación de la unidad."),
    ("otra", "Paro regional de transportistas: no hubo movilidad hacia {cp} durante tres días.", "dificultó",
     "Se reprogramaron las visitas y se reforzó la asesoría por teléfono."),
    ("GIA", "Un docente compartió su estrategia de lectura por ciclos y el grupo la replicó.", "favoreció",
     "Se acordó sistematizarla como posible buena práctica."),
]

PRACTICAS = [
    ("Biblioteca rodante por ciclos", "actividad innovativa", "Comunicación",
     "Organiza una caja de libros que rota entre los grupos de cada ciclo, con fichas de lectura por grado.",
     "Los estudiantes que esperan tienen una tarea lectora autónoma; aumentó el tiempo efectivo de lectura.",
     "Fotografías, fichas de lectura resueltas, registro de préstamos."),
    ("Feria matemática con productos de la chacra", "experiencia innovadora o buena práctica", "Matemática",
     "Los estudiantes resuelven problemas de compra y venta con productos reales de la comunidad, por grados.",
     "Vincula la competencia de cantidad con el contexto; las familias participan como compradores.",
     "Sesiones reajustadas, lista de cotejo, testimonios de padres y madres."),
    ("Monitores de grupo en el aula multigrado", "actividad innovativa", "Personal Social",
     "Estudiantes de 5.° y 6.° acompañan a los de 1.° y 2.° en el trabajo autónomo con consignas claras.",
     "Mejora la atención simultánea y la convivencia; el docente retroalimenta a más estudiantes.",
     "Registro anecdótico, fotografías, productos de los estudiantes."),
    ("Cuaderno viajero de la comunidad", "experiencia innovadora o buena práctica", "Comunicación",
     "Un cuaderno que va a cada hogar para escribir con la familia relatos, recetas y saberes locales.",
     "Involucra a la familia en los aprendizajes y produce textos reales para leer en el aula.",
     "Cuaderno viajero, textos revisados, acta de reunión con familias."),
    ("Calendario comunal en la planificación de la I. E.", "innovación en sentido estricto", "Todas",
     "La I. E. incorporó el calendario comunal a su PAT y planifica todas las unidades a partir de él.",
     "La práctica se institucionalizó: todos los docentes la usan y la comunidad la respalda.",
     "PAT reajustado, unidades didácticas, acta del CONEI."),
]

NARRATIVA_PERIODO = {
    "logros": "Los docentes avanzaron sobre todo en la organización del aula multigrado (D19) y en el clima de aula "
              "(D11, D15); la retroalimentación (D25) y el uso de recursos (D23) avanzan más despacio.",
    "conclusiones": "Se cumplieron las metas de visitas y GIA del periodo. La mayoría de docentes subió al menos un "
                    "nivel en los desempeños priorizados; se mantendrá el énfasis en la evaluación formativa.",
    "acciones_a_priorizar": "Reajustar los planes individuales con metas en D25 y D22, y programar sesiones compartidas "
                            "con los docentes que bajaron de nivel.",
}

NARRATIVA_MES = {
    "logros": "Los docentes organizan mejor a sus estudiantes por ciclos y atienden a más de un grado a la vez; la "
              "retroalimentación sigue siendo el desempeño con menos avance.",
    "conclusiones": "Se cumplió la visita a todos los docentes y el GIA del mes; los compromisos asumidos en la "
                    "asesoría se verificaron en la mayoría de las aulas.",
    "acciones_a_priorizar": "Modelar en la sesión compartida la retroalimentación descriptiva y revisar en el GIA "
                            "ejemplos de preguntas que promuevan el razonamiento.",
}


def talleres(docentes: list) -> list[dict]:
    """Los dos talleres del protocolo (julio, en vacaciones de medio año, y octubre), con asistencia y encuesta."""
    preguntas = [("logística", "Local y ambientes del taller"), ("logística", "Alimentación y refrigerios"),
                 ("logística", "Materiales entregados"), ("expectativas", "Los temas respondieron a sus necesidades"),
                 ("expectativas", "Las estrategias son aplicables en su aula multigrado"),
                 ("expectativas", "Desempeño de los facilitadores")]
    resultado = []
    for numero, (inicio, fin, faltan) in enumerate([(date(ANIO, 7, 20), date(ANIO, 7, 31), 1),
                                                    (date(ANIO, 10, 12), date(ANIO, 10, 23), 2)], start=1):
        asistentes = [d[0] for d in docentes]
        for _ in range(faltan):
            asistentes.remove(azar_informes.choice(asistentes))
        encuesta = []
        for aspecto, pregunta in preguntas:
            n = len(asistentes)
            muy = azar_informes.randint(3, 7)
            sat = azar_informes.randint(2, n - muy)
            poco = azar_informes.randint(0, n - muy - sat)
            encuesta.append({"aspecto": aspecto, "pregunta": pregunta, "respuestas": {
                "muy satisfecho": muy, "satisfecho": sat, "poco satisfecho": poco, "insatisfecho": n - muy - sat - poco}})
        resultado.append({
            "id": f"T-{ANIO}-{numero}", "numero": numero, "fecha_inicio": inicio.isoformat(), "fecha_fin": fin.isoformat(),
            "horas": 48, "lugar": "I. E. N.° 82016, San Marcos", "dni_responsable": ACOMPANANTES[numero - 1]["dni"],
            "propositos": ["Planificar unidades y sesiones para aulas multigrado a partir del calendario comunal",
                           "Fortalecer la evaluación formativa y la retroalimentación descriptiva"],
            "desempenos": ["D1", "D25"] if numero == 1 else ["D22", "D25", "D23"],
            "asistentes": asistentes,
            "analisis_propositos": "Los propósitos respondieron a los desempeños con menor nivel en la matriz; los "
                                   "docentes elaboraron productos alineados a las competencias priorizadas.",
            "calidad_productos": "El 80 % de las unidades didácticas presentadas articula el calendario comunal con los "
                                 "estándares por ciclo; las listas de cotejo aún requieren criterios más precisos.",
            "encuesta": encuesta,
            "aspectos_logisticos": "El gestor y el RCI garantizaron el local, los refrigerios y los materiales; la "
                                   "movilidad de dos centros poblados llegó con retraso el primer día.",
            "conclusiones": "El taller cumplió sus propósitos; se verificarán los compromisos en las visitas siguientes.",
        })
    return resultado


def sucesos() -> list[dict]:
    resultado = []
    for a, ap in enumerate(ACOMPANANTES):
        centros = [ie[3] for ie in INSTITUCIONES if ie[6] == a]
        for k, mes in enumerate((4, 6, 8, 10, 11)):
            actividad, texto, efecto, accion = SUCESOS[(k + a) % len(SUCESOS)]
            resultado.append({"id": f"S-{a + 1}-{mes:02d}", "dni_acompanante": ap["dni"],
                              "fecha": dia_habil(ANIO, mes, 14).isoformat(), "actividad": actividad,
                              "descripcion": texto.format(cp=centros[k % len(centros)]), "efecto": efecto, "accion": accion})
    return resultado


def buenas_practicas() -> list[dict]:
    resultado = []
    for a, ap in enumerate(ACOMPANANTES):
        suyos = [d for d in DOCENTES if ap_de(d[3])["dni"] == ap["dni"]]
        for k, mes in enumerate((6, 8, 10)):
            titulo, clase, area, descripcion, aporte, evidencias = PRACTICAS[(k + 2 * a) % len(PRACTICAS)]
            docente = suyos[(3 * k + a) % len(suyos)]
            resultado.append({"id": f"BP-{a + 1}-{k + 1}", "dni_docente": docente[0],
                              "fecha": dia_habil(ANIO, mes, 20).isoformat(), "titulo": titulo, "clasificacion": clase,
                              "area_curricular": area, "descripcion": descripcion, "aporte": aporte, "evidencias": evidencias})
    return resultado


def diagnosticos() -> dict[str, list[dict]]:
    """Datos del diagnóstico: todos los docentes menos uno (se reporta que faltan) y todas las II. EE."""
    docentes = []
    for dni, _n, _a, _cm, grados, *_ in DOCENTES[:-1]:
        hombres, mujeres = azar_informes.randint(4, 12), azar_informes.randint(4, 12)
        evaluados = azar_informes.randint(4, 9)
        grado = 4 if 4 in grados else 2 if 2 in grados else None

        def logro(n=evaluados):
            inicio = azar_informes.randint(1, n - 1)
            proceso = azar_informes.randint(0, n - inicio)
            return {"en_inicio": inicio, "en_proceso": proceso, "satisfactorio": n - inicio - proceso}

        discapacidad = 1 if azar_informes.random() < 0.25 else 0
        docentes.append({
            "dni_docente": dni, "estudiantes_hombres": hombres, "estudiantes_mujeres": mujeres,
            "caracteristicas_estudiantes": "Estudiantes de familias agricultoras; varios caminan más de una hora "
                                           "para llegar; participan con entusiasmo en el trabajo en grupo.",
            **({"grado_evaluado": grado, "comunicacion": logro(), "matematica": logro()} if grado else {}),
            "estudiantes_discapacidad": discapacidad,
            "discapacidad": "Discapacidad auditiva leve; recibe apoyo del SAANEE." if discapacidad else "",
            "participacion_familia": "Las familias asisten a las faenas y reuniones; pocas acompañan las tareas en casa.",
            "necesidades_formativas": "Planificación diferenciada por grados y retroalimentación descriptiva.",
        })
    instituciones = [{
        "codigo_modular": c, "contexto": f"Centro poblado {cp} ({dist}), a más de una hora de la capital de provincia; "
                                         "economía agrícola y ganadera; sin internet en la I. E.",
        "necesidades_comunes": "Organizar el aula multigrado por ciclos y usar el material no estructurado de la zona.",
    } for c, _n, _t, cp, dist, _u, _a in INSTITUCIONES]
    return {"diagnosticos_docente": docentes, "diagnosticos_institucion": instituciones}


def narrativas() -> list[dict]:
    resultado = []
    for ap in [*ACOMPANANTES, None]:
        dni = {"dni_acompanante": ap["dni"]} if ap else {}
        resultado.append({**dni, "periodo": "diagnóstico",
                          "conclusiones": "La mayoría de docentes se ubica en los niveles I y II en la retroalimentación y "
                                          "el uso de recursos; se priorizarán D25, D19 y D23."})
        if ap:
            for mes in range(4, 12):
                resultado.append({**dni, "periodo": f"{ANIO}-{mes:02d}", **NARRATIVA_MES,
                                  "desempenos_a_priorizar": ["D25", "D22"] if mes % 2 else ["D19", "D23"]})
        for t in ("T1", "T2", "T3"):
            resultado.append({**dni, "periodo": t, **NARRATIVA_PERIODO, "desempenos_a_priorizar": ["D25", "D22"],
                              "aspectos_administrativos": "" if ap else "El gestor entregó a tiempo los pasajes y viáticos; "
                              "el RCI actualizó la base de datos de las II. EE. en SIGMA 2.0."})
        resultado.append({**dni, "periodo": "anual", **NARRATIVA_PERIODO,
                          "lecciones_aprendidas": "La sesión compartida y el GIA en la misma semana aceleran los cambios "
                                                  "en el aula; la asesoría es más efectiva con evidencias de los estudiantes.",
                          "propuestas": "Iniciar el año con el taller de planificación multigrado y mantener las visitas "
                                        "de dos días en los desempeños con menor avance.",
                          "aspectos_administrativos": "" if ap else "Se ejecutó el presupuesto de movilidad y talleres; "
                                                                    "el RCI cerró el registro en SIGMA 2.0."})
    return resultado


def numeros_informe() -> list[dict]:
    director = {"destinatario": "Lic. Walter Hugo Díaz Rojas", "cargo_destinatario": "Director de la UGEL San Marcos"}
    ugel = [("informe-diagnostico-ugel", "diagnóstico", date(ANIO, 6, 5)), ("informe-taller", "1", date(ANIO, 8, 4)),
            ("informe-trimestral-ugel", "T1", date(ANIO, 7, 8)), ("informe-trimestral-ugel", "T2", date(ANIO, 10, 7)),
            ("informe-taller", "2", date(ANIO, 10, 28)), ("informe-trimestral-ugel", "T3", date(ANIO, 12, 9)),
            ("informe-final-ugel", "anual", date(ANIO, 12, 16))]
    resultado = [{"formato": f, "periodo": p, "numero": 40 + k, "fecha": fecha.isoformat(), **director,
                  "referencia": "RVM N.° 028-2019-MINEDU"} for k, (f, p, fecha) in enumerate(ugel)]
    for ap in ACOMPANANTES:
        numero = 1
        for mes in range(4, 12):
            resultado.append({"formato": "informe-mensual", "periodo": f"{ANIO}-{mes:02d}", "dni_acompanante": ap["dni"],
                              "numero": numero})
            numero += 1
        for formato, periodos in (("informe-trimestral-ap", ("T1", "T2", "T3")), ("informe-final-ap", ("anual",))):
            for p in periodos:
                resultado.append({"formato": formato, "periodo": p, "dni_acompanante": ap["dni"], "numero": numero})
                numero += 1
    return resultado


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
        "talleres": talleres(DOCENTES),
        "sucesos": sucesos(),
        "buenas_practicas": buenas_practicas(),
        **diagnosticos(),
        "narrativas": narrativas(),
        "numeros_informe": numeros_informe(),

    }


if __name__ == "__main__":
    DESTINO.write_text(json.dumps(crear(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(DESTINO)
