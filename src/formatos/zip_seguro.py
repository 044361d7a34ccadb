"""Archivos de Office que vienen de fuera (.docx, .xlsx) revisados ANTES de leerlos con python-docx u openpyxl.

Un .docx o .xlsx es un zip de partes XML. Uno hecho a propósito (o dañado) puede ocupar poco y expandirse a
gigabytes («bomba zip»), traer partes con nombres que salen de la carpeta (`../../x`) o una declaración
DOCTYPE que haría leer archivos del equipo al analizar el XML. `revisar_zip` lo comprueba sin confiar en lo
que el zip declara: cuenta los miembros, mira sus nombres, suma los tamaños declarados, mira la razón de
compresión de cada miembro y luego descomprime todo por partes (sin guardarlo) para medir el tamaño real y
buscar DTD. Si algo no está bien, lanza `ZipRechazado` con un mensaje en castellano; si no, no hace nada.

Lo usan las plantillas propias (`salida`), los libros de entrada (`entrada.excel`) y la web (archivos subidos).
La razón de compresión máxima, 100 veces en un miembro de más de 1 MB, es la que usa Apache POI por omisión
(`ZipSecureFile.setMinInflateRatio(0.01)`); un libro o plantilla real queda muy por debajo (las plantillas
incluidas, 32 veces su parte más comprimible; un libro de captura de 280 docentes, 24).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from formatos.errores import ErrorFormatos

MB = 2**20


@dataclass(frozen=True)
class Limites:
    """Hasta dónde se acepta un zip."""

    miembros: int
    """Partes del zip, como máximo."""
    total: int
    """Bytes descomprimidos de todas las partes juntas, como máximo."""
    razon: float = 100.0
    """Cuántas veces puede expandirse una parte al descomprimirla..."""
    desde: int = MB
    """...si descomprimida pasa de estos bytes (las partes pequeñas se comprimen mucho sin peligro)."""


PLANTILLA = Limites(miembros=1_000, total=100 * MB)
"""Una plantilla .docx o .xlsx: las incluidas tienen 19 partes y menos de 1 MB descomprimidas."""
LIBRO = Limites(miembros=10_000, total=200 * MB)
"""Un libro de entrada (.xlsx): el de ejemplo tiene 134 partes y 1,4 MB; uno de 280 docentes, 20 MB."""

_TROZO = MB
_DTD = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))
_SOLAPE = max(len(p) for p in _DTD) - 1
_UNIDAD = re.compile(r"^[A-Za-z]:")
_XML = (".xml", ".rels", ".vml")
"""Las partes que python-docx, docxtpl y openpyxl leen como XML (una imagen SVG puede traer su DOCTYPE)."""


class ZipRechazado(ErrorFormatos):
    """Un .docx o .xlsx que no se lee: dañado, «bomba zip», con nombres peligrosos o con DTD."""


class NoEsZip(ZipRechazado):
    """El archivo no es un zip (ni, por tanto, un .docx o .xlsx): otro tipo de archivo, dañado o cifrado."""


def _mb(n: int) -> str:
    """1,3 MB; 380 MB; 12 KB; 62 bytes."""
    if n < 1024:
        return f"{n} bytes"
    if n < MB // 10:
        return f"{max(1, round(n / 1024))} KB"
    return (f"{n / MB:.1f}".rstrip("0").rstrip(".") if n < 10 * MB else f"{round(n / MB)}").replace(".", ",") + " MB"


def _nombre_peligroso(nombre: str) -> bool:
    """Un nombre de parte que, copiado a disco o a otro zip, podría salir de su carpeta."""
    partes = nombre.replace("\\", "/").split("/")
    return (nombre.startswith(("/", "\\")) or bool(_UNIDAD.match(nombre)) or "\x00" in nombre
            or any(p in ("..", ".") for p in partes))


def revisar_zip(origen: str | Path | bytes | IO[bytes], limites: Limites = PLANTILLA, nombre: str | None = None) -> None:
    """Comprueba un .docx o .xlsx antes de leerlo; lanza `ZipRechazado` (o `NoEsZip`) si no se debe abrir.

    `origen`: la ruta, los bytes o un archivo abierto; `nombre`: cómo se llama en los mensajes (por omisión, el
    nombre del archivo). Comprueba, en este orden: que sea un zip sin cifrar, el número de partes, sus nombres
    (ninguno absoluto ni con `..`, ninguno repetido), la suma de los tamaños declarados, la razón de
    compresión de cada parte y, descomprimiendo por trozos de 1 MB, el tamaño real y que ninguna parte XML
    traiga una declaración DOCTYPE o ENTITY (DTD).
    """
    if nombre is None:
        nombre = Path(origen).name if isinstance(origen, (str, Path)) else "el archivo"
    archivo: str | Path | IO[bytes] = io.BytesIO(origen) if isinstance(origen, bytes) else origen
    try:
        with zipfile.ZipFile(archivo) as z:
            _revisar(z, limites, nombre)
    except (FileNotFoundError, IsADirectoryError, PermissionError) as e:
        raise NoEsZip(f"{nombre}: no se puede leer el archivo (no existe, es una carpeta o no hay permiso)") from e
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError, OSError) as e:
        raise NoEsZip(f"{nombre}: no es un archivo de Word o Excel válido (.docx o .xlsx): está dañado, es de otro "
                      "tipo o está protegido con contraseña; ábralo en Word o Excel y guárdelo de nuevo") from e


def _revisar(z: zipfile.ZipFile, limites: Limites, nombre: str) -> None:
    miembros = z.infolist()
    if len(miembros) > limites.miembros:
        raise ZipRechazado(f"{nombre}: tiene {len(miembros)} partes internas (el máximo es {limites.miembros}); "
                           "no parece un documento de Office normal")
    vistos: set[str] = set()
    for info in miembros:
        if _nombre_peligroso(info.filename):
            raise ZipRechazado(f"{nombre}: tiene una parte interna con un nombre no permitido («{info.filename}»), "
                               "que podría escribirse fuera de su carpeta")
        clave = info.filename.casefold()
        if clave in vistos:
            raise ZipRechazado(f"{nombre}: tiene dos partes internas con el mismo nombre («{info.filename}»)")
        vistos.add(clave)
        if info.flag_bits & 0x1:
            raise ZipRechazado(f"{nombre}: tiene partes cifradas; guárdelo sin contraseña")
    declarado = sum(i.file_size for i in miembros)
    if declarado > limites.total:
        raise ZipRechazado(_grande(nombre, declarado, limites))
    for info in miembros:
        if info.file_size > limites.desde and info.file_size > limites.razon * max(info.compress_size, 1):
            raise ZipRechazado(_bomba(nombre, info.filename, info.compress_size, info.file_size, limites))
    real = 0
    for info in miembros:
        leido = 0
        anterior = b""
        xml = info.filename.lower().endswith(_XML)
        with z.open(info) as parte:
            while trozo := parte.read(_TROZO):
                leido += len(trozo)
                real += len(trozo)
                if real > limites.total:
                    raise ZipRechazado(_grande(nombre, real, limites))
                if leido > limites.desde and leido > limites.razon * max(info.compress_size, 1):
                    raise ZipRechazado(_bomba(nombre, info.filename, info.compress_size, leido, limites))
                if xml:
                    if any(p in anterior + trozo for p in _DTD):
                        raise ZipRechazado(f"{nombre}: la parte «{info.filename}» trae una declaración DOCTYPE (DTD), "
                                           "que Word y Excel no usan y que podría hacer leer otros archivos del "
                                           "equipo: no se admite (guarde el archivo de nuevo desde Word o Excel)")
                    anterior = trozo[-_SOLAPE:]


def _grande(nombre: str, tamano: int, limites: Limites) -> str:
    return (f"{nombre}: descomprimido ocuparía {_mb(tamano)} o más (el máximo es {_mb(limites.total)}); "
            "si es un libro suyo, divídalo o borre las hojas y filas que no use")


def _bomba(nombre: str, parte: str, comprimido: int, tamano: int, limites: Limites) -> str:
    veces = round(tamano / max(comprimido, 1))
    return (f"{nombre}: parece una «bomba zip»: su parte «{parte}» se expande de {_mb(comprimido)} a {_mb(tamano)} "
            f"o más ({veces} veces; el máximo es {limites.razon:g} veces). Si es un archivo suyo, ábralo en Word o "
            "Excel, borre las filas o páginas vacías del final y guárdelo de nuevo")


# --- recursos externos ---------------------------------------------------------------------------------
_RELACION = re.compile(r"<(?:\w+:)?Relationship\b[^>]*>", re.S)
_ATRIBUTO = re.compile(r'(\w+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_CAMPO = re.compile(r'<w:fldChar\b[^>]*w:fldCharType="(begin|separate|end)"|<w:instrText\b[^>]*>([^<]*)</w:instrText>'
                    r'|<w:fldSimple\b[^>]*\bw:instr="([^"]*)"')
_CAMPOS_EXTERNOS = re.compile(r"\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|DDEAUTO|DDE|IMPORT)\b", re.I)
_QUE = {
    "image": "una imagen enlazada", "attachedTemplate": "una plantilla remota", "oleObject": "un objeto OLE enlazado",
    "package": "un objeto incrustado enlazado", "subDocument": "un subdocumento enlazado", "frame": "un marco enlazado",
    "externalLinkPath": "un vínculo a otro libro", "media": "un audio o video enlazado", "video": "un video enlazado",
    "audio": "un audio enlazado",
}


def recursos_externos(origen: str | Path | bytes) -> list[str]:
    """Lo que el documento haría buscar fuera de él al abrirlo o convertirlo a PDF: imágenes por URL, plantillas
    remotas, objetos OLE o vínculos a otros libros, campos INCLUDEPICTURE o LINK, conexiones de datos.

    Un hipervínculo no cuenta (solo se sigue si alguien hace clic). Cada elemento es una frase para el usuario.
    Revise antes el archivo con `revisar_zip`.
    """
    archivo = io.BytesIO(origen) if isinstance(origen, bytes) else origen
    hallados: list[str] = []
    with zipfile.ZipFile(archivo) as z:
        for info in z.infolist():
            nombre = info.filename
            if nombre.startswith("xl/externalLinks/") and nombre.endswith(".xml") or nombre == "xl/connections.xml":
                que = "un vínculo a otro libro" if "externalLinks" in nombre else "una conexión a datos externos"
                hallados.append(f"{que} ({nombre})")
                continue
            if nombre.endswith(".rels"):
                texto = z.read(info).decode("utf-8", "replace")
                for relacion in _RELACION.findall(texto):
                    atributos = {m[1]: m[2] or m[3] for m in _ATRIBUTO.finditer(relacion)}
                    if atributos.get("TargetMode", "").lower() != "external":
                        continue
                    tipo = atributos.get("Type", "").rstrip("/").rpartition("/")[2]
                    if tipo == "hyperlink":
                        continue
                    hallados.append(f"{_QUE.get(tipo, 'un recurso externo')} «{atributos.get('Target', '')}» ({nombre})")
            elif nombre.startswith("word/") and nombre.endswith(".xml"):
                texto = z.read(info).decode("utf-8", "replace")
                if "instr" not in texto:
                    continue
                for campo in _campos(texto):
                    m = _CAMPOS_EXTERNOS.match(campo)
                    if m:
                        hallados.append(f"un campo {m[1].upper()} que trae contenido de fuera «{campo.strip()[:80]}» ({nombre})")
    return hallados


def _campos(xml: str) -> list[str]:
    """La instrucción de cada campo de Word de una parte (`{ INCLUDEPICTURE "…" }`), también los anidados."""
    campos: list[str] = []
    abiertos: list[list[str] | None] = []  # la instrucción de cada campo abierto; None tras «separate»
    for m in _CAMPO.finditer(xml):
        if m[3] is not None:
            campos.append(m[3])
        elif m[1] == "begin":
            abiertos.append([])
        elif m[1] == "separate":
            if abiertos and abiertos[-1] is not None:
                campos.append("".join(abiertos[-1]))
                abiertos[-1] = None
        elif m[1] == "end":
            if abiertos and (ultimo := abiertos.pop()) is not None:
                campos.append("".join(ultimo))
        elif m[2] is not None and abiertos and (actual := abiertos[-1]) is not None:
            actual.append(m[2])
    return campos
