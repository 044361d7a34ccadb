"""formatos: los documentos oficiales del acompañamiento pedagógico multigrado, listos para firmar.

Uso básico::

    import formatos
    carga = formatos.cargar("expediente.json")
    resumen = formatos.generar(carga.expediente, "salida", formatos=["matriz-docente"])
"""

from formatos.entrada import cargar
from formatos.errores import Problema
from formatos.lote import Resumen, generar
from formatos.modelos.expediente import Carga, Expediente, validar_expediente
from formatos.registro import FORMATOS

__version__ = "0.1.0"
__all__ = ["FORMATOS", "Carga", "Expediente", "Problema", "Resumen", "cargar", "generar", "validar_expediente"]
