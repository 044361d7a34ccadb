"""Plantilla de la ficha de datos de los estudiantes (una fila por estudiante)."""

from comun import documento, firmas, membrete
from instrumentos_comun import cabecera_aula, fecha, nota, tabla_para_llenar


def construir(destino):
    doc = documento("Ficha de datos de los estudiantes", horizontal=True)
    membrete(doc, "FICHA DE DATOS DE LOS ESTUDIANTES", "Aula multigrado · {{ visita.mes }} · Fecha: " + fecha("visita.fecha"))
    cabecera_aula(doc)
    tabla_para_llenar(
        doc,
        ["N.°", "Apellidos y nombres", "Grado", "Sexo (H/M)", "Edad", "Lengua materna",
         "¿Necesidad educativa especial o discapacidad? ¿Cuál?", "¿Vive lejos? (tiempo de camino)", "Observaciones"],
        ["{{ n }}", "", "", "", "", "", "", "", ""],
        [1.0, 6.4, 1.5, 1.6, 1.3, 2.6, 4.2, 2.8, 4.3], "n in filas", cm=0.75, centrar=[0],
    )
    nota(doc, "Datos para el diagnóstico del aula (características de los estudiantes, discapacidad y atención que "
              "reciben). Se llena con el docente y la nómina de matrícula.")
    firmas(doc, ["firma_docente"])
    doc.save(destino)
