"""Nombres de archivo tomados de los datos: legibles (con tildes), válidos en Windows, macOS y Linux, sin salir de la carpeta.

Un texto de los datos da siempre un solo componente de ruta (una barra en un apellido no crea carpetas):

- los caracteres que Windows, macOS o Linux no admiten en un nombre se cambian por otros visibles
  (`/ \\ | :` por «-», `"` por «'», `< > ? *` por «_»); los de control, invisibles, se quitan;
- sin puntos ni espacios al principio o al final (Windows los quita; un punto al principio oculta el archivo);
  un nombre que queda vacío, como «..», es «sin nombre»;
- los nombres reservados de Windows (CON, PRN, AUX, NUL, COM0-9, LPT0-9, COM¹…, CONIN$, CONOUT$), con o sin
  extensión, llevan «_» delante;
- hasta `MAXIMO` bytes en UTF-8 (los sistemas de archivos cuentan bytes, no letras: un emoji son 4), cortando
  entre caracteres y dejando lugar para « (2)» y para los temporales del lote;
- la forma NFC de Unicode (la misma letra con tilde se escribe igual venga de donde venga).

Dos documentos cuyos nombres solo difieren en mayúsculas o en la forma Unicode son el mismo archivo en Windows
y macOS: el lote los distingue con « (2)» (ver `clave`).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path, PurePosixPath

from formatos.errores import ErrorFormatos

_CAMBIOS = str.maketrans({"/": "-", "\\": "-", "|": "-", ":": "-", '"': "'", "<": "_", ">": "_", "?": "_", "*": "_"})
_RESERVADOS = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
               *(f"{p}{n}" for p in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³"))}
MAXIMO = 150
"""Bytes de un nombre de carpeta o de archivo (con su extensión). El límite del sistema es 255; el resto queda
para « (2)», los temporales del lote y las carpetas de una ruta larga en Windows."""


def _recortar(texto: str, maximo: int) -> str:
    """Los primeros caracteres de `texto` que caben en `maximo` bytes UTF-8, sin cortar un carácter."""
    datos = texto.encode("utf-8")
    if len(datos) <= maximo:
        return texto
    corto = datos[:maximo].decode("utf-8", "ignore")
    while corto and unicodedata.combining(corto[-1]):  # una tilde suelta al final
        corto = corto[:-1]
    return corto


def componente_seguro(texto: str, maximo: int = MAXIMO) -> str:
    """Un nombre de carpeta (o de archivo, sin extensión) seguro en todo sistema; ver el docstring del módulo."""
    texto = unicodedata.normalize("NFC", texto).translate(_CAMBIOS)
    texto = "".join(c if unicodedata.category(c)[0] != "C" else (" " if c in "\t\n\r" else "") for c in texto)
    texto = re.sub(r"\s+", " ", texto).strip(" .")
    if texto.split(".")[0].rstrip(" ").upper() in _RESERVADOS:
        texto = "_" + texto
    texto = _recortar(texto, maximo).rstrip(" .")
    return texto or "sin nombre"


def nombre_archivo(nombre: str, extension: str, maximo: int = MAXIMO) -> str:
    """El nombre de un archivo con `extension` (".docx"), seguro y con la extensión siempre al final."""
    base = nombre[: -len(extension)] if extension and nombre.lower().endswith(extension.lower()) else nombre
    return componente_seguro(base, maximo - len(extension.encode("utf-8"))) + extension


def clave(ruta: str | PurePosixPath) -> str:
    """Cómo comparan dos rutas Windows y macOS: sin distinguir mayúsculas ni formas Unicode."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", str(ruta)).casefold())


class SalidaNoValida(ErrorFormatos):
    """La carpeta de salida (o una de sus subcarpetas) no sirve para escribir: un archivo, un enlace a otro lugar."""


def ruta_segura(salida: Path, relativa: PurePosixPath) -> Path:
    """La ruta final dentro de `salida`, con cada parte saneada; nunca fuera de `salida`.

    Una subcarpeta que es un enlace simbólico a otro lugar (fuera de `salida`) es un `SalidaNoValida`."""
    partes = [componente_seguro(p) for p in relativa.parts if p not in ("", ".", "..", "/")]
    raiz = salida.resolve()
    destino = raiz.joinpath(*partes)
    if not destino.resolve().is_relative_to(raiz):
        enlace = next((raiz.joinpath(*partes[:i]) for i in range(1, len(partes) + 1)
                       if raiz.joinpath(*partes[:i]).is_symlink()), destino)
        raise SalidaNoValida(f"la carpeta «{enlace}» es un enlace a otra carpeta, fuera de la carpeta de salida: "
                             "formatos no escribe fuera de ella; quite el enlace o elija otra carpeta de salida")
    return destino


def archivo_seguro(salida: Path, relativa: PurePosixPath, extension: str) -> Path:
    """`ruta_segura` para un archivo: su carpeta saneada y su nombre con `extension` (ver `nombre_archivo`)."""
    return ruta_segura(salida, relativa.parent) / nombre_archivo(relativa.name, extension)
