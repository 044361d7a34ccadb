"""Expediente en un libro de Excel (el de `formatos captura`): lectura tolerante y problemas con hoja, fila y columna."""

from __future__ import annotations

import difflib
import re
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter

from formatos.caracteres import PROHIBIDOS
from formatos.entrada.hojas import (
    NUMERO, Columna, Tabla, columnas_cabecera, de_celda, decodificar, normalizar, poner, tablas, textos, tomar,
)
from formatos.entrada.imagenes import resolver_imagenes
from formatos.entrada.json import TAMANO_MAXIMO
from formatos.errores import Invalido, Problema
from formatos.modelos.expediente import Carga, secciones, validar_expediente
from formatos.zip_seguro import LIBRO, NoEsZip, ZipRechazado, revisar_zip


ERRORES_DE_EXCEL = frozenset({
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!",
    "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
    "#¡NULO!", "#¡DIV/0!", "#¡VALOR!", "#¡REF!", "#¿NOMBRE?", "#¡NUM!", "#N/D", "#OBTENIENDO_DATOS",
    "#¡DESBORDAMIENTO!", "#¡CALC!", "#¡CAMPO!", "#¡BLOQUEADO!", "#¡CONECTAR!", "#¡OCUPADO!", "#¡DESCONOCIDO!",
})
"""Los valores de error de Excel, en inglés (como los guarda el archivo) y en castellano (como los muestra)."""
_ERROR_LIBREOFFICE = re.compile(r"Err:[0-9]{3}")
def _en(hoja: str, filas: tuple[int, ...] = (), columna: str | None = None) -> dict[str, Any]:
    """Dónde está un problema en el libro: el texto de `ubicacion` y sus partes."""
    texto = f"Hoja {hoja}"
    if filas:
        texto += f", fila {filas[0]}" if len(filas) == 1 else f", filas {filas[0]} a {filas[-1]}"
    if columna:
        texto += f", columna {columna}"
    return {"ubicacion": texto, "hoja": hoja, "filas": filas, "columna": columna}


_NO_EXISTE = re.compile(r'"(.*?)" no existe en ([a-z_]+)\b')


class ErrorDeExcel(Invalido):
    """Una celda con un valor de error de Excel (`#REF!`, `#N/A`, `#¡VALOR!`…)."""

    def __init__(self, codigo: str) -> None:
        super().__init__(f"la celda tiene el error de Excel {codigo} (una fórmula que no se pudo calcular): "
                         "corrija la fórmula o escriba el valor")


class FormulaSinValor(Invalido):
    """Una fórmula cuyo resultado no está guardado en el libro (lo escribió otro programa, no Excel)."""

    def __init__(self) -> None:
        super().__init__("la celda tiene una fórmula sin su resultado guardado: abra el libro en Excel y guárdelo "
                         "(Excel calcula y guarda los resultados), o escriba el valor")


_TROZO = 1 << 20
_MARCAS = (b"<f>", b"<f ", b"<f/>", b":f>", b":f ", b't="e"')
"""Una fórmula (`<f>`, con o sin prefijo) o un error (`t="e"`); no `<formula1>` de las listas desplegables."""


def celdas_especiales(libro, hoja) -> dict[tuple[int, int], Invalido]:
    """Las celdas con un error de Excel o con una fórmula sin resultado guardado, por (fila, columna).

    openpyxl da el texto del error («#REF!») como si fuera un texto escrito, y None por una fórmula sin
    resultado: se miran en el XML de la hoja (solo si tiene fórmulas o errores, lo que se busca por trozos)."""
    archivo, ruta = getattr(libro, "_archive", None), getattr(hoja, "_worksheet_path", None)
    if archivo is None or ruta is None:
        return {}
    with archivo.open(ruta) as fuente:
        anterior = b""
        while trozo := fuente.read(_TROZO):
            junto = anterior + trozo
            if any(marca in junto for marca in _MARCAS):
                break
            anterior = trozo[-8:]
        else:
            return {}
    especiales: dict[tuple[int, int], Invalido] = {}
    with archivo.open(ruta) as fuente:
        for _, celda in etree.iterparse(fuente, tag="{*}c"):
            referencia = celda.get("r")
            formula = valor = None
            for hijo in celda:
                nombre = etree.QName(hijo).localname
                if nombre == "f":
                    formula = hijo
                elif nombre == "v":
                    valor = hijo.text
            if referencia:
                if celda.get("t") == "e":
                    especiales[coordinate_to_tuple(referencia)] = ErrorDeExcel(valor or "")
                elif formula is not None and not valor:
                    especiales[coordinate_to_tuple(referencia)] = FormulaSinValor()
            celda.clear()
    return especiales


class _Lector:
    """Arma el dict del expediente desde las hojas y recuerda dónde estaba cada dato."""

    def __init__(self, libro) -> None:
        self.libro = libro
        self.hojas = {normalizar(h.title): h for h in libro.worksheets}
        self.usadas: set[str] = set()  # hojas que son de alguna sección
        self.ausentes: dict[str, str] = {}  # sección → hoja que falta
        self.datos: dict[str, Any] = {}
        self.problemas: list[Problema] = []
        self.filas: dict[tuple, list[int]] = {}  # ruta del registro o elemento → filas
        self.hoja_de: dict[tuple, str] = {}  # ruta del registro o elemento → nombre de la hoja
        self.titulos: dict[tuple[str, tuple], str] = {}  # (hoja, ruta del campo) → título de la columna
        self.faltan: set[tuple[str, tuple]] = set()  # (hoja, ruta del campo) de columnas obligatorias ausentes
        self.datos_generales: dict[tuple, str] = {}  # ruta del dato → su título en la hoja de datos generales

    def hoja(self, nombre: str):
        hoja = self.hojas.get(normalizar(nombre))
        if hoja is not None:
            self.usadas.add(hoja.title)
        return hoja

    def leer_filas(self, hoja, **opciones) -> Iterator[tuple[int, tuple]]:
        """Las filas de la hoja hasta la última con datos (no hasta la que dice el libro: puede decir menos),
        con cada error de Excel o fórmula sin resultado en su celda."""
        if hasattr(hoja, "reset_dimensions"):
            hoja.reset_dimensions()  # en modo de solo lectura, openpyxl creería la dimensión guardada
        especiales = celdas_especiales(self.libro, hoja)
        con_especiales = {f for f, _ in especiales}
        for i, fila in enumerate(hoja.iter_rows(values_only=True, **opciones), start=opciones.get("min_row", 1)):
            if i in con_especiales:
                fila = tuple(especiales.get((i, j), v) for j, v in enumerate(fila, start=1))
            yield i, fila

    # --- datos generales (una fila por dato) ---
    def cabecera(self) -> None:
        nombre = textos()["cabecera"]
        hoja = self.hoja(nombre)
        if hoja is None:
            self.problemas.append(Problema((), f"falta la hoja «{nombre}» (año y UGEL)", **_en(nombre)))
            return
        por_titulo = {normalizar(c.titulo): c for c in columnas_cabecera()}
        por_titulo.update({normalizar(".".join(c.ruta)): c for c in columnas_cabecera()})
        for i, fila in self.leer_filas(hoja, min_row=2, max_col=2):
            if not fila or fila[0] is None:
                continue
            columna = por_titulo.get(normalizar(fila[0]))
            if columna is None:
                continue
            self.datos_generales[columna.ruta] = columna.titulo
            self.filas[columna.ruta] = [i]
            self.hoja_de[columna.ruta] = hoja.title
            valor = self._valor(columna, fila[1] if len(fila) > 1 else None, hoja.title, i, "Valor")
            if valor is not None:
                poner(self.datos, columna.ruta, valor)

    def _valor(self, columna: Columna, crudo: Any, hoja: str, fila: int, titulo: str) -> Any:
        """El valor de la celda para el modelo. Uno que no se puede leer queda como `Invalido`: el registro no se
        usa y el error sale con la hoja, la fila y la columna (ver `ubicar`)."""
        if isinstance(crudo, Invalido):
            return crudo
        if isinstance(crudo, str) and (crudo.strip() in ERRORES_DE_EXCEL or _ERROR_LIBREOFFICE.fullmatch(crudo.strip())):
            return ErrorDeExcel(crudo.strip())  # el error pegado como texto (o escrito así por otro programa)
        if isinstance(crudo, str) and PROHIBIDOS.search(decodificar(crudo)):
            crudo = PROHIBIDOS.sub("", decodificar(crudo))
            self.problemas.append(Problema((), "se quitaron caracteres de control no imprimibles", "advertencia",
                                           **_en(hoja, (fila,), titulo)))
        try:
            return de_celda(columna, crudo)
        except ValueError as e:
            return Invalido(str(e))

    # --- hojas de secciones ---
    def _columnas(self, tabla: Tabla, encabezado: tuple) -> dict[int, Columna]:
        conocidas: dict[str, Columna] = {}
        for c in tabla.todas:
            conocidas[normalizar(c.titulo)] = c
            conocidas.setdefault(normalizar(".".join(c.ruta)), c)
        posiciones: dict[int, Columna] = {}
        for j, texto in enumerate(encabezado):
            columna = conocidas.get(normalizar(texto).rstrip(" *")) if texto is not None else None
            if columna is not None and columna not in posiciones.values():
                posiciones[j] = columna
        for c in tabla.todas:
            if c.obligatoria and c not in posiciones.values() and not (tabla.hija and c in tabla.columnas):
                self.faltan.add((tabla.hoja, c.ruta))
                self.problemas.append(Problema((), "falta esta columna obligatoria",
                                               **_en(tabla.hoja, (), c.titulo)))
        return posiciones

    def _columnas_sobrantes(self, tabla: Tabla, hoja: str, todas: list[tuple], fila_titulos: int,
                            posiciones: dict[int, Columna]) -> None:
        """Una columna con datos cuyo título no es de la hoja no se usa: se avisa (quizá se le cambió el nombre a una
        columna, o el libro es de otra versión), con el título conocido más parecido que falta."""
        encabezado = todas[fila_titulos - 1] if todas else ()
        usadas = set(posiciones.values())
        libres = [c.titulo for c in tabla.todas if c not in usadas]
        for j, texto in enumerate(encabezado):
            if j in posiciones or not any(j < len(f) and f[j] not in (None, "") for f in todas[fila_titulos:]):
                continue
            nombre = f"«{texto}»" if texto not in (None, "") else f"{get_column_letter(j + 1)} (sin título)"
            parecida = difflib.get_close_matches(str(texto or ""), libres, n=1, cutoff=0.5)
            pista = f"; ¿es «{parecida[0]}»? Escriba el título así" if parecida else \
                "; las columnas de cada hoja están en la hoja «Instrucciones»"
            self.problemas.append(Problema((), f"no es una columna de esta hoja: sus datos no se usan{pista}",
                                           "advertencia", **_en(hoja, (), nombre)))

    @staticmethod
    def _fila_de_titulos(tabla: Tabla, filas: list[tuple]) -> int:
        """La fila de los títulos: la 1, o la de las primeras 10 con más títulos conocidos (si el usuario agregó filas arriba)."""
        conocidos = {normalizar(c.titulo) for c in tabla.todas}
        aciertos = [sum(normalizar(v) in conocidos for v in fila if v is not None) for fila in filas[:10]]
        return 1 + aciertos.index(max(aciertos)) if aciertos and max(aciertos) > 0 else 1

    def seccion(self, tabla: Tabla, registros: dict[str, list], claves: dict[str, dict[str, int]]) -> None:
        hoja = self.hoja(tabla.hoja)
        if hoja is None:
            if not tabla.hija:
                self.ausentes[tabla.seccion] = tabla.hoja
            return
        todas = [fila for _, fila in self.leer_filas(hoja)]
        fila_titulos = self._fila_de_titulos(tabla, todas)
        posiciones = self._columnas(tabla, todas[fila_titulos - 1] if todas else ())
        self._columnas_sobrantes(tabla, hoja.title, todas, fila_titulos, posiciones)
        filas = iter(todas[fila_titulos:])
        for c in tabla.todas:
            self.titulos[(hoja.title, c.ruta)] = c.titulo
        propios = registros.setdefault(tabla.seccion, [])
        indice = claves.setdefault(tabla.seccion, {})
        clave = tabla.clave
        actual: int | None = None  # registro al que se agregan los elementos de la lista
        for i, fila in enumerate(filas, start=fila_titulos + 1):
            registro: dict[str, Any] = {}
            elemento: dict[str, Any] = {}
            for j, columna in posiciones.items():
                valor = self._valor(columna, fila[j] if j < len(fila) else None, hoja.title, i, columna.titulo)
                if valor is not None:
                    poner(registro if columna in tabla.columnas else elemento, columna.ruta, valor)
            if not registro and not elemento:
                continue  # fila vacía
            if tabla.lista is None:
                self._nuevo(tabla, propios, registro, hoja.title, i)
                continue
            valor_clave = tomar(registro, clave.ruta) if clave else None
            if tabla.hija and clave is not None:  # una hoja hija siempre tiene la clave del registro
                actual = indice.get(str(valor_clave)) if valor_clave is not None else None
                if actual is None:
                    self.problemas.append(Problema(
                        (), f"«{valor_clave}» no existe en la hoja {self._hoja_madre(tabla)}" if valor_clave is not None
                        else "falta este dato obligatorio", **_en(hoja.title, (i,), clave.titulo)))
                    continue
            elif actual is not None and (not registro or (clave is not None and valor_clave is not None
                                                          and valor_clave == tomar(propios[actual], clave.ruta))
                                         or (clave is None and registro == self._sin_lista(propios[actual], tabla))):
                self._comparar(tabla, propios, actual, registro, hoja.title, i)  # otra fila del mismo registro
            else:
                actual = self._nuevo(tabla, propios, registro, hoja.title, i)
                if valor_clave is not None:
                    indice.setdefault(str(valor_clave), actual)
            lista = propios[actual].setdefault(tabla.lista, [])
            ruta = (tabla.seccion, actual, tabla.lista, len(lista))
            lista.append(elemento)
            self.filas[ruta] = [i]
            self.hoja_de[ruta] = hoja.title
            if not tabla.hija:
                self.filas[(tabla.seccion, actual)].append(i)
            self.filas.setdefault((tabla.seccion, actual, tabla.lista), []).append(i)
            self.hoja_de.setdefault((tabla.seccion, actual, tabla.lista), hoja.title)

    @staticmethod
    def _sin_lista(registro: dict, tabla: Tabla) -> dict:
        return {k: v for k, v in registro.items() if k != tabla.lista}

    @staticmethod
    def _hoja_madre(tabla: Tabla) -> str:
        return next(t.hoja for t in tablas() if t.seccion == tabla.seccion and not t.hija)

    def _comparar(self, tabla: Tabla, propios: list, actual: int, fila_nueva: dict, hoja: str, i: int) -> None:
        """Una fila que continúa un registro repite sus datos: si uno difiere, se avisa (vale el de la primera fila)."""
        registro, primera = propios[actual], self.filas[(tabla.seccion, actual)][0]
        for c in tabla.columnas:
            nuevo = tomar(fila_nueva, c.ruta)
            if nuevo is not None and nuevo != tomar(registro, c.ruta):
                self.problemas.append(Problema(
                    (), f"no coincide con la fila {primera} del mismo registro; se usa el valor de la fila {primera}",
                    "advertencia", **_en(hoja, (i,), c.titulo)))

    def _nuevo(self, tabla: Tabla, propios: list, registro: dict, hoja: str, fila: int) -> int:
        propios.append(registro)
        ruta = (tabla.seccion, len(propios) - 1)
        self.filas[ruta] = [fila]
        self.hoja_de[ruta] = hoja
        if tabla.lista:
            self.filas[ruta + (tabla.lista,)] = []
        return len(propios) - 1

    # --- una hoja que falta: una sola línea, no una por cada registro que la cita ---
    def hojas_ausentes(self, problemas: list[Problema], identificadores: dict[tuple, str]) -> list[Problema]:
        """Una línea por hoja de sección que falta, que la nombra. Si otras hojas la citan, sus registros no se
        pueden usar y lo demás que se diría (cientos de «"…" no existe en docentes» y lo que se sigue de ellos)
        es ruido: se dice solo eso, y los demás problemas se verán con la hoja en su lugar."""
        if not self.ausentes:
            return problemas
        perdidos: dict[str, set[str]] = {s: set() for s in secciones()}  # claves de registros caídos por la hoja
        por_hoja: dict[str, int] = dict.fromkeys(self.ausentes, 0)
        quedan = []
        for p in problemas:
            m = _NO_EXISTE.search(p.mensaje)
            causa = None
            if m and m[2] in perdidos and (m[2] in self.ausentes or m[1] in perdidos[m[2]]):
                causa = m[2] if m[2] in self.ausentes else next(iter(self.ausentes))
            if causa is None:
                quedan.append(p)
                continue
            if p.gravedad == "error" and len(p.ruta) >= 2 and isinstance(p.ruta[1], int):
                clave = identificadores.get(p.ruta[:2])
                if clave is not None and clave not in perdidos[str(p.ruta[0])]:
                    perdidos[str(p.ruta[0])].add(clave)
                    por_hoja[causa] += 1
        sueltas = [h.title for h in self.libro.worksheets if h.title not in self.usadas
                   and normalizar(h.title) not in (normalizar(textos()["instrucciones"]), normalizar(textos()["cabecera"]))]
        propios = []
        for seccion, hoja in self.ausentes.items():
            n = por_hoja[seccion]
            mensaje = f"falta la hoja «{hoja}»"
            if sueltas:
                mensaje += f" (el libro tiene {', '.join(f'«{s}»' for s in sueltas)}, que no se usa: ¿le cambió el nombre?)"
            mensaje += (f": los {n} registros de otras hojas que la citan no se pueden usar" if n > 1 else
                        ": el registro de otra hoja que la cita no se puede usar" if n else ": se toma como vacía")
            if n:
                mensaje += " (con la hoja en su lugar, `formatos validar` dirá si hay otros problemas)"
            propios.append(Problema((seccion,), mensaje, "error" if n else "advertencia", **_en(hoja)))
        if any(p.gravedad == "error" for p in propios):
            return propios
        return propios + quedan

    # --- de la ruta en los datos a la hoja, fila y columna ---
    def ubicar(self, problema: Problema) -> Problema | None:
        """El problema con su ubicación en el libro; None si repite una columna obligatoria ausente."""
        ruta = problema.ruta
        for n in range(len(ruta), 0, -1):
            if ruta[:n] in self.filas:
                base, campo = ruta[:n], tuple(p for p in ruta[n:] if isinstance(p, str))
                break
        else:
            dato = next((c.titulo for c in columnas_cabecera() if c.ruta[:len(ruta)] == ruta), None)
            if dato is None:
                return problema
            return replace(problema, ubicacion=f"Hoja {textos()['cabecera']}, dato «{dato}» (falta la fila)",
                           hoja=textos()["cabecera"])
        hoja = self.hoja_de.get(base) or self.hoja_de.get(base[:2]) or ""
        filas = sorted(set(self.filas[base]))
        if campo and (hoja, campo) in self.faltan:
            return None
        texto = f"Hoja {hoja}, " + (f"fila {filas[0]}" if len(filas) == 1 else f"filas {filas[0]} a {filas[-1]}")
        titulo = self.titulos.get((hoja, campo)) if campo else None
        if base in self.datos_generales:  # datos generales: una fila por dato
            titulo = f"Valor («{self.datos_generales[base]}»)"
        if titulo:
            texto += f", columna {titulo}"
        return replace(problema, mensaje=self._mensaje(problema.mensaje, hoja), ubicacion=texto, hoja=hoja,
                       filas=tuple(filas), columna=titulo)

    def _mensaje(self, mensaje: str, hoja: str) -> str:
        """Cambia en el mensaje las rutas de datos ("docentes[2]", "fecha_segundo_dia") por lo que el usuario ve."""
        hojas = {t.seccion: t.hoja for t in tablas() if not t.hija}

        def fila(m: re.Match) -> str:
            filas = self.filas.get((m.group(1), int(m.group(2))))
            if not filas:
                return m.group(0)
            otra = hojas.get(m.group(1), m.group(1))
            return f"la fila {min(filas)}" + ("" if otra == hoja else f" de la hoja {otra}")

        mensaje = re.sub(r"\b([a-z_]+)\[(\d+)\]", fila, mensaje)
        mensaje = re.sub(r"no existe en ([a-z_]+)\b",
                         lambda m: f"no existe en la hoja {hojas[m.group(1)]}" if m.group(1) in hojas else m.group(0), mensaje)
        for (h, campo), titulo in self.titulos.items():
            if h == hoja and len(campo) == 1 and len(campo[0]) > 3 and "_" in campo[0]:
                mensaje = re.sub(rf"\b{campo[0]}\b", f"«{titulo}»", mensaje)
        return mensaje


def leer_excel(ruta: Path) -> Carga:
    """Lee y valida un libro de captura: los registros válidos se usan; cada problema dice hoja, fila y columna."""
    if ruta.stat().st_size > TAMANO_MAXIMO:
        return Carga(None, [Problema((), f"{ruta.name}: el archivo pesa más de {TAMANO_MAXIMO // 2**20} MB")])
    try:
        revisar_zip(ruta, LIBRO)  # antes de que openpyxl descomprima nada
    except NoEsZip:
        pass  # el mensaje de siempre, abajo
    except ZipRechazado as e:
        return Carga(None, [Problema((), str(e))])
    with warnings.catch_warnings():  # openpyxl avisa en inglés (extensiones, fechas imposibles): nada a la terminal
        warnings.simplefilter("ignore")
        try:
            libro = load_workbook(ruta, data_only=True, read_only=True)
        except Exception:  # noqa: BLE001 - zip dañado, otro tipo de archivo, XML inválido...
            return Carga(None, [Problema((), f"{ruta.name}: no es un libro de Excel (.xlsx) válido; "
                                             "ábralo en Excel y guárdelo de nuevo como «Libro de Excel»")])
        try:
            lector = _Lector(libro)
            lector.cabecera()
            registros: dict[str, list] = {}
            claves: dict[str, dict[str, int]] = {}
            for tabla in tablas():
                lector.seccion(tabla, registros, claves)
        finally:
            libro.close()
    for propios in registros.values():
        for registro in propios:
            registro.pop(NUMERO.ruta[0], None)  # el número de registro solo une hojas: no es un dato
    identificadores = {(t.seccion, i): str(tomar(r, t.clave.ruta)) for t in tablas() if not t.hija and t.clave
                       for i, r in enumerate(registros.get(t.seccion, []))}
    datos = {**lector.datos, **registros}
    carga = validar_expediente(datos, vaciar=True)  # los registros en bruto no se usan después
    resolver_imagenes(carga, ruta.resolve().parent)
    problemas = lector.hojas_ausentes(carga.problemas, identificadores)
    ubicados = [lector.ubicar(p) for p in problemas]
    carga.problemas = lector.problemas + [p for p in ubicados if p is not None]
    return carga
