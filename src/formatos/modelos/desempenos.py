"""Los códigos de los desempeños priorizados, cada uno de su marco: del docente (MBDD) o del directivo (MBDDI).

«D1» existe en los dos marcos y son desempeños distintos: un campo acepta los códigos de un solo marco, y el
esquema JSON y las listas de Excel ofrecen solo esos.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from formatos.catalogo import catalogo


def codigo_docente(v: Any) -> str:
    """Un código de desempeño docente del catálogo (D19, D22…); rechaza los desconocidos."""
    texto = str(v).strip().upper()
    if texto not in catalogo().codigos_docente:
        raise PydanticCustomError(
            "desempeno", 'no es un desempeño priorizado del docente ({validos}); se recibió "{valor}"',
            {"validos": ", ".join(catalogo().codigos_docente), "valor": v},
        )
    return texto


def codigo_directivo(v: Any) -> str:
    """Un código de desempeño del directivo del catálogo (D1, D18); rechaza los demás."""
    texto = str(v).strip().upper()
    if texto not in catalogo().codigos_directivo:
        raise PydanticCustomError(
            "desempeno", 'no es un desempeño priorizado del directivo ({validos}, MBDDI); se recibió "{valor}"',
            {"validos": ", ".join(catalogo().codigos_directivo), "valor": v},
        )
    return texto


CodigoDocente = Annotated[
    str,
    BeforeValidator(codigo_docente),
    WithJsonSchema({"type": "string", "enum": list(catalogo().codigos_docente),
                    "description": "Desempeño priorizado del docente (MBDD)"}),
]
"""Código de un desempeño docente del catálogo (se acepta en minúsculas: "d19")."""

CodigoDirectivo = Annotated[
    str,
    BeforeValidator(codigo_directivo),
    WithJsonSchema({"type": "string", "enum": list(catalogo().codigos_directivo),
                    "description": "Desempeño priorizado del docente en su rol de director (MBDDI)"}),
]
"""Código de un desempeño del directivo del catálogo ("D1", "D18"): no es el «D1» del docente."""
