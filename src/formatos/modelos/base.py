"""La clase base de todo registro del expediente: clave, referencias y reglas comunes."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from formatos.modelos.tipos import LARGO_TEXTO


class _Nombres(set):
    """Los nombres de campos dados (`model_fields_set`), compartidos por todos los modelos que dan los mismos.

    Un `set` (pydantic-core no acepta otro tipo), pero no se modifica: un modelo que cambia un campo
    recibe antes su propia copia (ver `Modelo.__setattr__`), y una copia del modelo también.
    """

    __slots__ = ()

    def __copy__(self) -> set[str]:
        return set(self)

    def __deepcopy__(self, memo: dict) -> set[str]:
        return set(self)

    def _compartido(self, *_: Any) -> None:
        raise TypeError("los nombres de campos de un modelo son compartidos: cambie el campo, no este conjunto")

    # Todo lo que lo cambiaría lanza TypeError (los operadores «|=», «&=»… con otra firma que la de `set`).
    add = discard = remove = pop = clear = update = _compartido
    difference_update = intersection_update = symmetric_difference_update = _compartido
    __ior__ = __iand__ = __isub__ = __ixor__ = _compartido  # type: ignore[assignment]


_NOMBRES: dict[frozenset[str], _Nombres] = {}


class Modelo(BaseModel):
    """Modelo estricto: sin campos desconocidos, espacios sobrantes recortados, números finitos (nada de
    `Infinity` ni `NaN`) y ningún texto de más de `LARGO_TEXTO` caracteres (los tipos de `tipos` fijan límites
    menores para nombres, claves y textos cortos).

    Un conjunto de nombres de campos por instancia ocuparía más que sus datos (728 bytes con más de
    4 campos, y cada valoración lleva 9 modelos): los modelos con los mismos campos dados comparten uno.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_default=True, allow_inf_nan=False,
                              str_max_length=LARGO_TEXTO)

    def model_post_init(self, contexto: Any, /) -> None:
        nombres = self.__pydantic_fields_set__
        clave = frozenset(nombres)
        compartido = _NOMBRES.get(clave)
        if compartido is None:
            compartido = _NOMBRES[clave] = _Nombres(clave)
        object.__setattr__(self, "__pydantic_fields_set__", compartido)

    def __setattr__(self, nombre: str, valor: Any) -> None:
        if type(self.__pydantic_fields_set__) is _Nombres:  # copia al escribir
            object.__setattr__(self, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
        super().__setattr__(nombre, valor)


class Registro(Modelo):
    """Un registro de una sección del expediente (una fila en Excel, un objeto en JSON).

    `clave` nombra el campo que lo identifica (único en su sección); `referencias` dice a qué
    sección apunta cada campo que guarda la clave de otro registro.
    """

    clave: ClassVar[str | None] = None
    referencias: ClassVar[dict[str, str]] = {}

    def identificador(self) -> str:
        return str(getattr(self, self.clave)) if self.clave else ""
