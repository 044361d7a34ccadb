"""formatos: los documentos oficiales del acompañamiento pedagógico multigrado, listos para firmar.

Uso básico::

    import formatos
    carga = formatos.cargar("expediente.json")
    if carga.expediente is None:          # el archivo no se pudo leer: carga.problemas dice por qué
        ...
    resumen = formatos.generar(carga.expediente, "salida", formatos=["matriz-docente"])

Todas las excepciones propias derivan de `ErrorFormatos` y traen su mensaje en castellano.
"""

from formatos.entrada import cargar
from formatos.errores import ErrorFormatos, ExpedienteFaltante, Problema
from formatos.lote import ProcesoFallido, Resumen, generar
from formatos.modelos.expediente import Carga, Expediente, validar_expediente
from formatos.registro import FORMATOS
from formatos.salida.pdf import LibreOfficeNoEncontrado
from formatos.salida.verificacion import PlantillaInvalida

__version__ = "0.1.0"
__all__ = [
    "FORMATOS", "Carga", "ErrorFormatos", "Expediente", "ExpedienteFaltante", "LibreOfficeNoEncontrado",
    "PlantillaInvalida", "Problema", "ProcesoFallido", "Resumen", "cargar", "generar", "validar_expediente",
]
