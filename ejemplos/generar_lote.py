"""Genera con la API de Python las matrices de valoración de los docentes de un solo AP.

Uso: python ejemplos/generar_lote.py [DNI_DEL_AP] [CARPETA]
"""

import sys

import formatos
from formatos.recursos import expediente_ejemplo

dni_ap = sys.argv[1] if len(sys.argv) > 1 else "41526378"
carpeta = sys.argv[2] if len(sys.argv) > 2 else "matrices-ap"

carga = formatos.cargar(expediente_ejemplo())
exp = carga.expediente
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
print(f"{len(resumen.resultados)} matrices de {exp.acompanante(dni_ap).nombre_completo} en {carpeta}/")
for r in resumen.fallidos:
    print("falló:", r.registros, r.mensaje)
