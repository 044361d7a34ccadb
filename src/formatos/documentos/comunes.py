"""Piezas comunes a los documentos: membrete oficial, bloques de firma, datos de cabecera."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel, Field, field_serializer

from formatos.catalogo import catalogo
from formatos.modelos.actores import Firmante, Persona
from formatos.modelos.expediente import Expediente


class Membrete(BaseModel):
    """Las líneas del encabezado de todo documento oficial peruano."""

    decenio: str = Field(description="Línea del decenio")
    nombre_anio: str = Field(description="Nombre oficial del año (se imprime entre comillas); vacío si no se conoce: "
                                         "el encabezado omite la línea, nunca imprime comillas vacías")
    dre: str
    ugel: str


class Firma(BaseModel):
    """Un bloque de firma: línea, nombre completo, DNI y cargo."""

    nombres: str
    apellidos: str
    dni: str
    cargo: str


class Imagen(BaseModel):
    """Una imagen del documento (PNG o JPEG): la salida la pone en su lugar con este ancho, sin pasar del alto."""

    imagen: str = Field(description="Ruta del archivo de imagen")
    ancho_cm: float = 16
    alto_max_cm: float | None = None

    @field_serializer("imagen", when_used="json")
    def _contenido(self, ruta: str) -> str:
        """En JSON (la huella de los datos en el manifiesto) cuenta lo que hay en la imagen, no dónde está:
        otra imagen con el mismo nombre rehace el documento; el mismo expediente en otra carpeta, no."""
        try:
            return "sha256:" + hashlib.sha256(Path(ruta).read_bytes()).hexdigest()
        except OSError:
            return ruta


def membrete(exp: Expediente) -> Membrete:
    return Membrete(decenio=catalogo().decenio, nombre_anio=exp.nombre_anio(), dre=exp.ugel.dre, ugel=exp.ugel.nombre)


def firma(persona: Persona | Firmante, cargo: str) -> Firma:
    return Firma(nombres=persona.nombres, apellidos=persona.apellidos, dni=persona.dni, cargo=cargo)


