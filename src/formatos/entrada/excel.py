"""Expediente en un libro de Excel (el de `formatos captura`): lectura tolerante y problemas con hoja, fila y columna."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from formatos.entrada.hojas import NUMERO, Columna, Tabla, columnas_cabecera, de_celda, normalizar, poner, tablas, textos, tomar
from formatos.entrada.imagenes import resolver_imagenes
from formatos.entrada.json import TAMANO_MAXIMO
from formatos.errores import Problema
from formatos.modelos.expediente import Carga, validar_expediente
from formatos.zip_seguro import LIBRO, NoEsZip, ZipRechazado, revisar_zip


class _Lector:
    """Arma el dict del expediente desde las hojas y recuerda dónde estaba cada dato."""

    def __init__(self, libro) -> None:
        self.hojas = {normalizar(h.title): h for h in libro.worksheets}
        self.datos: dict[str, Any] = {}
        self.problemas: list[Problema] = []
        self.filas: dict[tuple, list[int]] = {}  # ruta del registro o elemento → filas
        self.hoja_de: dict[tuple, str] = {}  # ruta del registro o elemento → nombre de la hoja
        self.titulos: dict[tuple[str, tuple], str] = {}  # (hoja, ruta del campo) → título de la columna
        self.faltan: set[tuple[str, tuple]] = set()  # (hoja, ruta del campo) de columnas obligatorias ausentes
        self.datos_generales: dict[tuple, str] = {}  # ruta del dato → su título en la hoja de datos generales

    def hoja(self, nombre: str):
        return self.hojas.get(normalizar(nombre))

    # --- datos generales (una fila por dato) ---
    def cabecera(self) -> None:
        nombre = textos()["cabecera"]
        hoja = self.hoja(nombre)
        if hoja is None:
            self.problemas.append(Problema((), f"falta la hoja «{nombre}» (año y UGEL)", ubicacion=f"Hoja {nombre}"))
            return
        por_titulo = {normalizar(c.titulo): c for c in columnas_cabecera()}
        por_titulo.update({normalizar(".".join(c.ruta)): c for c in columnas_cabecera()})
        for i, fila in enumerate(hoja.iter_rows(min_row=2, max_col=2, values_only=True), start=2):
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
        try:
            return de_celda(columna, crudo)
        except ValueError as e:
            self.problemas.append(Problema((), str(e), ubicacion=f"Hoja {hoja}, fila {fila}, columna {titulo}"))
            return None

    # --- hojas de secciones ---
    def _columnas(self, tabla: Tabla, encabezado: tuple) -> dict[int, Columna]:
        conocidas: dict[str, Columna] = {}
        for c in tabla.todas:
            conocidas[normalizar(c.titulo)] = c
            conocidas.setdefault(normalizar(".".join(c.ruta)), c)
        posiciones = {}
        for j, texto in enumerate(encabezado):
            columna = conocidas.get(normalizar(texto).rstrip(" *")) if texto is not None else None
            if columna is not None and columna not in posiciones.values():
                posiciones[j] = columna
        for c in tabla.todas:
            if c.obligatoria and c not in posiciones.values() and not (tabla.hija and c in tabla.columnas):
                self.faltan.add((tabla.hoja, c.ruta))
                self.problemas.append(Problema((), "falta esta columna obligatoria",
                                               ubicacion=f"Hoja {tabla.hoja}, columna {c.titulo}"))
        return posiciones

    @staticmethod
    def _fila_de_titulos(tabla: Tabla, filas: list[tuple]) -> int:
        """La fila de los títulos: la 1, o la de las primeras 10 con más títulos conocidos (si el usuario agregó filas arriba)."""
        conocidos = {normalizar(c.titulo) for c in tabla.todas}
        aciertos = [sum(normalizar(v) in conocidos for v in fila if v is not None) for fila in filas[:10]]
        return 1 + aciertos.index(max(aciertos)) if aciertos and max(aciertos) > 0 else 1

    def seccion(self, tabla: Tabla, registros: dict[str, list], claves: dict[str, dict[str, int]]) -> None:
        hoja = self.hoja(tabla.hoja)
        if hoja is None:
            return
        todas = list(hoja.iter_rows(values_only=True))
        fila_titulos = self._fila_de_titulos(tabla, todas)
        posiciones = self._columnas(tabla, todas[fila_titulos - 1] if todas else ())
        filas = iter(todas[fila_titulos:])
        for c in tabla.todas:
            self.titulos[(hoja.title, c.ruta)] = c.titulo
        propios = registros.setdefault(tabla.seccion, [])
        indice = claves.setdefault(tabla.seccion, {})
        clave = tabla.clave
        actual: int | None = None  # registro al que se agregan los elementos de la lista
        for i, fila in enumerate(filas, start=fila_titulos + 1):
            registro, elemento = {}, {}
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
            if tabla.hija:
                actual = indice.get(str(valor_clave)) if valor_clave is not None else None
                if actual is None:
                    self.problemas.append(Problema(
                        (), f"«{valor_clave}» no existe en la hoja {self._hoja_madre(tabla)}" if valor_clave is not None
                        else "falta este dato obligatorio", ubicacion=f"Hoja {hoja.title}, fila {i}, columna {clave.titulo}"))
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
                    "advertencia", ubicacion=f"Hoja {hoja}, fila {i}, columna {c.titulo}"))

    def _nuevo(self, tabla: Tabla, propios: list, registro: dict, hoja: str, fila: int) -> int:
        propios.append(registro)
        ruta = (tabla.seccion, len(propios) - 1)
        self.filas[ruta] = [fila]
        self.hoja_de[ruta] = hoja
        if tabla.lista:
            self.filas[ruta + (tabla.lista,)] = []
        return len(propios) - 1

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
            return replace(problema, ubicacion=f"Hoja {textos()['cabecera']}, dato «{dato}» (falta la fila)")
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
        return replace(problema, mensaje=self._mensaje(problema.mensaje, hoja), ubicacion=texto)

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
    datos = {**lector.datos, **registros}
    carga = validar_expediente(datos, vaciar=True)  # los registros en bruto no se usan después
    resolver_imagenes(carga, ruta.resolve().parent)
    ubicados = [lector.ubicar(p) for p in carga.problemas]
    carga.problemas = lector.problemas + [p for p in ubicados if p is not None]
    return carga
