"""Plantilla de la ficha de datos de la I. E."""

from comun import documento, firmas, membrete, parrafo, tabla_datos
from instrumentos_comun import caja, casillas, datos_por_llenar, fecha, nota, tabla_para_llenar, titulo


def construir(destino):
    doc = documento("Ficha de datos de la I. E.")
    membrete(doc, "FICHA DE DATOS DE LA INSTITUCIÓN EDUCATIVA", "Acompañamiento pedagógico multigrado · {{ visita.mes }}")
    nota(doc, "Lo impreso viene de los registros de la UGEL: corríjalo si no es exacto. Complete lo demás con el "
              "director(a). Fecha: " + fecha("visita.fecha"))
    titulo(doc, "I. DATOS GENERALES")
    tabla_datos(doc, [
        ["I. E.", "{{ institucion.nombre }}", "Código modular", "{{ institucion.codigo_modular }}"],
        ["Tipo", "{{ institucion.tipo|capitalize }}", "Ubigeo", "{% if institucion.ubigeo %}{{ institucion.ubigeo }}{% endif %}"],
        ["Centro poblado", "{{ institucion.centro_poblado }}", "Distrito", "{{ institucion.distrito }}"],
        ["Provincia", "{{ institucion.provincia }}", "Región", "{{ institucion.region }}"],
        ["Director(a)", "{% if director %}{{ director }}{% else %}……………………………{% endif %}", "UGEL", "{{ ugel }}"],
        ["Acompañante", "{{ acompanante|nombre_completo }}"],
    ], [3.0, 7.0, 2.8, 4.2])
    titulo(doc, "II. DOCENTES")
    tabla_para_llenar(doc, ["N.°", "Apellidos y nombres", "DNI", "Grado(s)", "Condición", "Cargo"],
                      ["{{ d.numero }}", "{{ d.nombre }}", "{{ d.dni }}", "{{ d.grados }}", "{{ d.condicion }}",
                       "{{ d.cargo }}"], [0.9, 5.6, 2.0, 3.0, 2.3, 3.2], "d in docentes", cm=0.6, centrar=[0, 2])
    titulo(doc, "III. ESTUDIANTES MATRICULADOS")
    tabla_para_llenar(doc, ["Grado", "Hombres", "Mujeres", "Total", "Con necesidades educativas especiales"],
                      ["{{ g }}", "", "", "", ""], [2.2, 2.6, 2.6, 2.6, 7.0], "g in grados", cm=0.7, centrar=[0])
    titulo(doc, "IV. SERVICIOS Y ACCESO")
    datos_por_llenar(doc, [
        ["Servicios", casillas("Agua", "Luz", "Desagüe", "Internet", "Señal de celular")],
        ["Desde la UGEL", "Distancia: ______ km   Tiempo: ______   Medio: ______________________"],
        ["Acceso en lluvias", casillas("Todo el año", "Se interrumpe") + "   Meses: ____________________"],
        ["Ambientes", "Aulas: ____   " + casillas("Biblioteca", "Sectores de aprendizaje", "Cocina", "Huerto")],
        ["Programas", casillas("Qali Warma", "Kits de materiales", "Otros: ______________")],
    ], [3.0, 14.0])
    titulo(doc, "V. LA COMUNIDAD")
    datos_por_llenar(doc, [
        ["Lengua(s) de la comunidad", ""],
        ["Actividades económicas", ""],
        ["Calendario comunal (fiestas, siembra, cosecha)", ""],
        ["Organizaciones", casillas("APAFA", "CONEI", "Municipio escolar", "Rondas", "Otras")],
        ["Participación de las familias", ""],
    ], [4.5, 12.5], cm=1.0)
    caja(doc, "Caracterización del contexto: lo que favorece o dificulta el aprendizaje de los estudiantes", 2.4)
    parrafo(doc, "Datos recogidos con el director(a) de la I. E. y registrados por el acompañante pedagógico.", tamano=8,
            cursiva=True)
    parrafo(doc, "{%p if firma_director %}", despues=0)
    firmas(doc, ["firma_director", "firma_acompanante"])
    parrafo(doc, "{%p else %}", despues=0)
    firmas(doc, ["firma_acompanante"])
    parrafo(doc, "{%p endif %}", despues=0)
    doc.save(destino)
