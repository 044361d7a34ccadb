"""Los errores del sistema de archivos en castellano (el texto de `OSError` lo da el sistema, en inglés)."""

from __future__ import annotations

import errno

_MENSAJES = {
    errno.ENOSPC: "no queda espacio en el disco",
    errno.EROFS: "la carpeta es de solo lectura",
    errno.EACCES: "no hay permiso para escribir ahí (o el archivo está abierto en otro programa, como Word)",
    errno.EPERM: "no hay permiso para escribir ahí (o el archivo está abierto en otro programa, como Word)",
    errno.ENAMETOOLONG: "el nombre o la ruta es demasiado largo",
    errno.ENOTDIR: "una parte de la ruta es un archivo, no una carpeta",
    errno.EISDIR: "es una carpeta, no un archivo",
    errno.ENOENT: "no existe",
    errno.EEXIST: "ya existe",
    errno.EIO: "error de lectura o escritura del disco (¿se desconectó la memoria USB?)",
    errno.EMFILE: "hay demasiados archivos abiertos",
    errno.ELOOP: "la ruta tiene enlaces simbólicos en círculo",
    **({errno.EDQUOT: "se superó la cuota de disco del usuario"} if hasattr(errno, "EDQUOT") else {}),
}

DETIENEN = frozenset(n for n in (errno.ENOSPC, errno.EROFS, getattr(errno, "EDQUOT", None)) if n is not None)
"""Los errores tras los cuales no tiene sentido seguir escribiendo documentos: todos fallarían igual."""


def describir(error: OSError) -> str:
    """Qué pasó, en castellano: «no queda espacio en el disco», «la carpeta es de solo lectura»..."""
    if error.errno in _MENSAJES:
        return _MENSAJES[error.errno]
    if isinstance(error, PermissionError):
        return _MENSAJES[errno.EACCES]
    return f"error del sistema n.° {error.errno}" if error.errno else "error del sistema de archivos"


def detiene(error: BaseException) -> bool:
    """¿Es un error de escritura tras el cual todo lo demás fallaría (disco lleno, solo lectura)?"""
    return isinstance(error, OSError) and error.errno in DETIENEN
