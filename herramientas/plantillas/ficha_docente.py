"""Plantilla de la ficha de datos del docente (con la sección del director si lo es)."""

from comun import documento, firmas, membrete, parrafo
from instrumentos_comun import (
    cabecera_aula, caja, casillas, datos_por_llenar, fecha, nota, tabla_para_llenar, titulo,
)


def construir(destino):
    doc = documento("Ficha de datos del docente")
    membrete(doc, "FICHA DE DATOS DEL DOCENTE", "Acompañamiento pedagógico multigrado · {{ visita.mes }}")
    nota(doc, "Lo impreso viene de los registros de la UGEL: corríjalo si no es exacto. Complete lo demás con letra "
              "clara. Fecha: " + fecha("visita.fecha"))
    titulo(doc, "I. DATOS DEL DOCENTE Y DE SU I. E.")
    cabecera_aula(doc, [["Condición", "{{ aula.docente.condicion|capitalize }}", "Celular", ""]])
    titulo(doc, "II. DATOS PERSONALES")
    datos_por_llenar(doc, [
        ["Fecha de nacimiento", "____ / ____ / ______", "Sexo", casillas("M", "F")],
        ["Lengua materna", "", "Otras lenguas que habla", ""],
        ["Correo electrónico", "", "DNI (si cambió)", ""],
        ["Domicilio", "", "Tiempo y medio de la casa a la I. E.", ""],
    ], [3.4, 5.1, 3.6, 4.9])
    titulo(doc, "III. FORMACIÓN Y EXPERIENCIA")
    datos_por_llenar(doc, [
        ["Título profesional", "", "Institución de formación", ""],
        ["Especialidad", "", "Escala magisterial", ""],
        ["Años de servicio", "", "Años en esta I. E.", ""],
        ["Años en aulas multigrado", "", "¿Acompañado antes?", casillas("Sí", "No") + "  Año: ______"],
    ], [3.4, 5.1, 3.6, 4.9])
    titulo(doc, "IV. ESTUDIANTES A SU CARGO")
    tabla_para_llenar(doc, ["Grado", "Hombres", "Mujeres", "Total", "Con necesidades educativas especiales"],
                      ["{{ g }}", "", "", "", ""], [2.2, 2.6, 2.6, 2.6, 7.0], "g in grados", cm=0.8, centrar=[0])
    titulo(doc, "V. FORMACIÓN EN SERVICIO DE LOS ÚLTIMOS AÑOS")
    datos_por_llenar(doc, [["Curso o programa", "", "Año y horas", ""]] * 3, [3.4, 7.1, 2.4, 4.1])
    titulo(doc, "VI. RECURSOS Y CONECTIVIDAD")
    datos_por_llenar(doc, [
        ["Internet en la I. E.", casillas("Sí", "No"), "Señal de celular", casillas("Sí", "No")],
        ["Equipos en el aula", casillas("Laptop", "Tableta", "Proyector", "Ninguno"), "Materiales del Minedu",
         casillas("Cuadernos de trabajo", "Kits")],
    ], [3.4, 6.1, 3.0, 4.5])
    parrafo(doc, "{%p if aula.docente.es_director %}", despues=0)
    titulo(doc, "VII. COMO DIRECTOR(A) DE LA I. E.")
    datos_por_llenar(doc, [
        ["Años como director(a)", "", "Resolución de encargo", ""],
        ["Documentos de gestión", casillas("PEI", "PAT", "RI", "PCI") + "  (marque los que tiene vigentes)"],
        ["Organizaciones", casillas("CONEI", "APAFA", "Municipio escolar")],
    ], [3.4, 5.1, 3.6, 4.9])
    caja(doc, "Características del entorno institucional, familiar y social que influyen en las metas de "
              "aprendizaje (D1 del MBDDI)", 2.2)
    parrafo(doc, "{%p endif %}", despues=0)
    caja(doc, "Observaciones", 1.6)
    firmas(doc, ["firma_docente"])
    doc.save(destino)
