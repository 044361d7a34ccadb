"""Las valoraciones que registra el AP: del docente (con nivel) y del directivo (sin nivel)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from formatos.catalogo import catalogo
from formatos.modelos.base import Modelo, Registro
from formatos.modelos.desempenos import CodigoDirectivo
from formatos.modelos.tipos import Clave, Dni, Fecha, Nivel, Texto


class ValorDesempeno(Modelo):
    """Una fila de la matriz docente: nivel, evidencias y producto de la asesoría."""

    codigo: str
    nivel_alcanzado: Nivel
    atendido: bool = Field(True, description="Si el desempeño se atendió en el mes (si no, puede ir sin evidencias)")
    evidencias: str = ""
    producto_asesoria: str = ""

    @field_validator("codigo", mode="before")
    @classmethod
    def _codigo(cls, v: Any) -> Any:
        v = str(v).strip().upper()
        if v not in catalogo().codigos_docente:
            raise PydanticCustomError(
                "desempeno", 'no es un desempeño priorizado del docente ({validos}); se recibió "{valor}"',
                {"validos": ", ".join(catalogo().codigos_docente), "valor": v},
            )
        return v

    @model_validator(mode="after")
    def _evidencias(self):
        if self.atendido and not self.evidencias.strip():
            raise PydanticCustomError(
                "evidencias", "el desempeño {codigo} se atendió en el mes: necesita evidencias", {"codigo": self.codigo}
            )
        return self


class ValoracionDocente(Registro):
    """Lo que el AP registra al valorar a un docente en el mes de una visita: los 8 desempeños, en el orden del manual.

    Dos momentos (manual l. 2136-2141 y cuadro de l. 2145-2160): seis desempeños se valoran al concluir la visita
    en aula, solo con lo recogido en ella (`fecha`); los del dominio 1 (D1 y D4) «al término del mes de ejecución»,
    con lo recogido en la visita, el GIA y/o el taller del mes (`fecha_termino_mes`: no antes del último GIA o
    taller del mes al que asistió el docente, ni fuera del mes). Sin `fecha_termino_mes`, se toma el último día
    hábil del mes (o el último GIA o taller del docente en el mes, si es posterior) y `formatos validar` lo advierte.
    """

    clave = "id_visita"
    referencias = {"id_visita": "visitas"}
    id_visita: Clave
    fecha: Fecha | None = Field(None, description="Valoración de los desempeños de la visita (al concluirla); "
                                                  "por omisión, el último día de la visita")
    fecha_termino_mes: Fecha | None = Field(
        None, description="Valoración de D1 y D4 al término del mes, tras el último GIA o taller del mes; por omisión, "
                          "el último día hábil del mes")
    desempenos: list[ValorDesempeno]

    @field_validator("desempenos")
    @classmethod
    def _ocho_en_orden(cls, desempenos: list[ValorDesempeno]) -> list[ValorDesempeno]:
        codigos = [d.codigo for d in desempenos]
        esperados = list(catalogo().codigos_docente)
        if sorted(codigos) != sorted(esperados) or len(codigos) != len(set(codigos)):
            faltan = [c for c in esperados if c not in codigos]
            repetidos = sorted({c for c in codigos if codigos.count(c) > 1})
            detalle = "; ".join(
                x for x in (faltan and f"faltan {', '.join(faltan)}", repetidos and f"repetidos {', '.join(repetidos)}") if x
            )
            raise PydanticCustomError(
                "ocho_desempenos", "la matriz lleva nivel en los 8 desempeños priorizados ({detalle})", {"detalle": detalle}
            )
        # Se guardan en el orden del manual, sea cual sea el orden de entrada.
        return sorted(desempenos, key=lambda d: esperados.index(d.codigo))


class ValorDesempenoDirectivo(Modelo):
    """Una fila de la matriz del directivo: evidencias y necesidades formativas, sin nivel."""

    codigo: CodigoDirectivo = Field(description="Desempeño del MBDDI (D1 o D18): no es el D1 del docente")
    evidencias: Texto
    necesidades_formativas: str = ""

    @model_validator(mode="before")
    @classmethod
    def _sin_nivel(cls, datos: Any) -> Any:
        if isinstance(datos, dict) and any(k in datos for k in ("nivel", "nivel_alcanzado")):
            raise PydanticCustomError(
                "directivo_sin_nivel", "en el rol de director no se establece nivel de logro (manual 2.2.2.4): quite el nivel"
            )
        return datos


class ValoracionDirectivo(Registro):
    """Valoración del docente en su rol de director: en una visita (la diagnóstica o la de cierre) o al concluir un
    GIA con directores (manual, l. 985-986, 1044-1048 y 2543-2545). Va con `id_visita` o con `id_gia`, no con ambos."""

    clave = "id"
    referencias = {"dni_director": "docentes", "id_gia": "gias", "id_visita": "visitas"}
    id: Clave
    dni_director: Dni
    id_gia: Clave | None = Field(None, description="GIA con directores al que sigue la valoración")
    id_visita: Clave | None = Field(None, description="Visita al director (diagnóstica o de cierre) en la que se valora")
    fecha: Fecha | None = Field(None, description="Por omisión, la fecha del GIA o el último día de la visita")
    desempenos: list[ValorDesempenoDirectivo]

    @field_validator("desempenos")
    @classmethod
    def _ambos(cls, desempenos: list[ValorDesempenoDirectivo]) -> list[ValorDesempenoDirectivo]:
        codigos = [d.codigo for d in desempenos]
        esperados = list(catalogo().codigos_directivo)
        if sorted(codigos) != sorted(esperados):
            raise PydanticCustomError(
                "desempenos_directivo", "la matriz del directivo lleva exactamente {validos}",
                {"validos": " y ".join(esperados)},
            )
        return sorted(desempenos, key=lambda d: esperados.index(d.codigo))

    @model_validator(mode="after")
    def _gia_o_visita(self):
        if (self.id_gia is None) == (self.id_visita is None):
            raise PydanticCustomError(
                "gia_o_visita", "la matriz del directivo va con id_visita (visita diagnóstica o de cierre) o con id_gia "
                                "(GIA con directores): indique uno de los dos")
        return self
