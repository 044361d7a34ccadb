"""Genera con la API de Python las matrices de valoración de los docentes de un solo AP.

Uso: python ejemplos/generar_lote.py [DNI_DEL_AP] [CARPETA]

Sin CARPETA, los documentos van a una carpeta temporal nueva (que se muestra al final): nada se escribe
junto al programa.
"""

import sys
import tempfile

import formatos
from formatos.recursos import expediente_ejemplo

dni_ap = sys.argv[1] if len(sys.argv) > 1 else "41526378"
carpeta = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="matrices-ap-")

carga = formatos.cargar(expediente_ejemplo())
exp = carga.expediente
if exp is None:  # el archivo no se pudo leer: los problemas dicen por qué
    sys.exit("\n".join(str(p) for p in carga.problemas))
ap = exp.indice("acompanantes").get(dni_ap)
if ap is None:
    conocidos = ", ".join(f"{a.dni} ({a.nombre_completo})" for a in exp.acompanantes)
    sys.exit(f"No hay un AP con DNI {dni_ap} en el expediente. Los AP son: {conocidos}")
suyos = {d.dni for d in exp.docentes_de(dni_ap)}
# Un expediente reducido: solo las visitas y valoraciones de los docentes de este AP.
visitas = [v for v in exp.visitas if v.dni_docente in suyos]
ids = {v.id for v in visitas}
solo_ap = exp.model_copy(update={
    "visitas": visitas,
    "valoraciones": [v for v in exp.valoraciones if v.id_visita in ids],
    "valoraciones_directivo": [v for v in exp.valoraciones_directivo if v.dni_director in suyos],
})
resumen = formatos.generar(solo_ap, carpeta, formatos=["matriz-docente", "matriz-directivo"])
print(f"{len(resumen.resultados)} matrices de {ap.nombre_completo} en {carpeta}")
for r in resumen.fallidos:
    print("falló:", r.registros, r.mensaje)
