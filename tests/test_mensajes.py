"""Todo mensaje en castellano, en su lugar y sin traceback: pydantic, click, la CLI con rutas malas, gráficos.

- Cada tipo de error de pydantic-core tiene su mensaje en castellano (los que los modelos pueden lanzar y los demás).
- Cada mensaje de click tiene su traducción (se leen del código de click) y los caminos de error de la CLI
  no dejan pasar inglés.
- Cada orden, con una carpeta, un enlace en bucle, un archivo que no existe o que no se puede leer como entrada,
  y con `--salida` apuntando a un archivo, termina con un mensaje y sin traceback.
"""

from __future__ import annotations

import ast
import os
import re
import typing
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from pydantic_core.core_schema import ErrorType

import formatos
from formatos import cli_es
from formatos.cli import cli
from formatos.errores import _MENSAJES, Duplicado, traducir
from formatos.lote import generar
from formatos.modelos.expediente import Carga

EJEMPLO = "ejemplos/expediente-ejemplo.json"

INGLES = re.compile(
    r"\b(Input|should|valid|Field|required|Value error|must|Got|unexpected|requires|argument|Did you mean|"
    r"integer|range|does not|exist|is not|Error:\s+[A-Z][a-z]+ [a-z]+ing|Traceback|Usage|Options|Commands|Show|"
    r"Try|option|No such|Invalid|Missing|Aborted|directory|file|[a-z]<=x|x<=)\b")
"""Palabras que delatan un mensaje en inglés (de pydantic, click o Python)."""


def _sin_ingles(texto: str) -> None:
    sin_rutas = re.sub(r"«[^»]*»|'[^']*'|\"[^\"]*\"|/\S+", "", texto)  # lo citado puede tener cualquier cosa
    assert not INGLES.search(sin_rutas), texto


# --- pydantic -----------------------------------------------------------------------------------------------------
def _contexto(plantilla: str) -> dict:
    return {campo: 3 for campo in re.findall(r"{(\w+)}", plantilla)}


@pytest.mark.parametrize("tipo", typing.get_args(ErrorType))
def test_cada_error_de_pydantic_en_castellano(tipo):
    assert tipo in _MENSAJES, f"falta el mensaje en castellano de «{tipo}»"
    plantilla = _MENSAJES[tipo]
    ctx = _contexto(plantilla)
    if "error" in ctx:
        ctx["error"] = "un motivo en castellano"
    mensaje = traducir({"type": tipo, "loc": ("x",), "msg": "Input should be valid", "input": "abc", "ctx": ctx})
    assert "Input should" not in mensaje and mensaje
    _sin_ingles(mensaje)


def test_los_errores_de_los_modelos_estan_en_el_catalogo():
    """Los tipos de error que el esquema del expediente puede producir (por sus tipos de dato) tienen mensaje propio,
    no el genérico."""
    from formatos.modelos.expediente import Expediente

    texto = str(Expediente.__pydantic_core_schema__)
    posibles = {"missing", "extra_forbidden", "string_type", "int_parsing", "float_parsing", "bool_parsing", "date_type",
                "list_type", "dict_type", "model_type", "greater_than_equal", "less_than_equal", "finite_number",
                "string_too_short", "string_too_long", "literal_error", "too_short", "int_from_float"}
    for tipo in posibles:
        assert tipo in _MENSAJES
    assert "'type': 'literal'" in texto and "'type': 'date'" in texto


def test_lo_recibido_va_en_el_mensaje():
    assert traducir({"type": "greater_than_equal", "loc": ("horas",), "msg": "", "input": -3, "ctx": {"ge": 0}}) == \
        "debe ser mayor o igual que 0 (se recibió -3)"
    assert traducir({"type": "missing", "loc": ("x",), "msg": "", "input": {}}) == "falta este dato obligatorio"
    assert traducir({"type": "string_type", "loc": ("x",), "msg": "", "input": Duplicado([1, 2])}) == \
        "este campo está 2 veces en el mismo objeto (1 y 2): deje uno solo"


# --- click ------------------------------------------------------------------------------------------------------------
def _mensajes_de_click() -> set[str]:
    """Los textos que click pasa por gettext (`_("…")` y `ngettext("…", "…", n)`), leídos de su código."""
    mensajes = set()
    for archivo in Path(click.__file__).parent.glob("*.py"):
        for nodo in ast.walk(ast.parse(archivo.read_text("utf-8"))):
            if isinstance(nodo, ast.Call) and isinstance(nodo.func, ast.Name) and nodo.func.id in ("_", "ngettext"):
                for argumento in nodo.args[: 1 if nodo.func.id == "_" else 2]:
                    if isinstance(argumento, ast.Constant) and isinstance(argumento.value, str):
                        mensajes.add(argumento.value)
    return mensajes


def test_cada_mensaje_de_click_tiene_traduccion():
    mensajes = _mensajes_de_click()
    assert len(mensajes) > 50
    faltan = sorted(m for m in mensajes if m not in cli_es.TRADUCCIONES)
    assert faltan == []
    for original, traduccion in cli_es.TRADUCCIONES.items():
        assert set(re.findall(r"{(\w+)", original)) == set(re.findall(r"{(\w+)", traduccion)), original


def correr(*args, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="formatos", **kwargs)


@pytest.fixture(scope="module")
def rutas(tmp_path_factory) -> dict[str, Path]:
    carpeta = tmp_path_factory.mktemp("rutas")
    (carpeta / "archivo.txt").write_text("no soy una carpeta", "utf-8")
    (carpeta / "carpeta").mkdir()
    bucle = carpeta / "bucle.json"
    os.symlink(bucle, bucle)
    return {"archivo": carpeta / "archivo.txt", "carpeta": carpeta / "carpeta", "bucle": bucle,
            "ausente": carpeta / "no-existe.json", "base": carpeta}


ERRORES_DE_USO = [
    (["validar", EJEMPLO, "otro.json"], "Sobra un argumento: otro.json"),
    (["generar", EJEMPLO, "--salida"], "La opción '--salida' necesita un valor."),
    (["generar", EJEMPLO, "--salid", "x"], "No existe la opción '--salid'. ¿Quiso decir '--salida'?"),
    (["valida", EJEMPLO], "No existe la orden 'valida'. ¿Quiso decir 'validar'?"),
    (["validar"], "Falta el argumento 'ENTRADA'."),
    (["generar", EJEMPLO, "--salida", "x", "--procesos", "dos"],
     "Valor no válido para '--procesos': 'dos' no es un número entero válido."),
    (["generar", EJEMPLO, "--salida", "x", "--procesos", "-3"],
     "Valor no válido para '--procesos': -3 está fuera del rango permitido: 1 o más."),
    (["captura", "libro.xlsx", "--anio", "1990"],
     "Valor no válido para '--anio': 1990 está fuera del rango permitido: de 2019 a 2100."),
    (["captura", "libro.xlsx", "--anio", "dos mil"], "Valor no válido para '--anio': 'dos mil' no es un número entero válido."),
    (["generar", EJEMPLO, "--salida", "x", "--plantillas", "no-existe"],
     "Valor no válido para '--plantillas': no existe «no-existe» (se esperaba una carpeta)"),
    (["plantilla", "verificar", "no-existe.docx"],
     "Valor no válido para 'ARCHIVO': no existe «no-existe.docx» (se esperaba un archivo)"),
    (["generar", EJEMPLO, "--salida", "x", "--formato", "matriz-docentes"], "¿Quiso decir «matriz-docente»?"),
    (["esquema", "--formato"], "La opción '--formato' necesita un valor."),
    (["exportar", EJEMPLO], "Falta la opción '--a'."),
    (["plantilla"], "Uso: formatos plantilla [OPCIONES] ORDEN [ARGUMENTOS]..."),
]


@pytest.mark.parametrize("argumentos, mensaje", ERRORES_DE_USO, ids=[" ".join(a) for a, _ in ERRORES_DE_USO])
def test_errores_de_uso_en_castellano(tmp_path, argumentos, mensaje):
    r = correr(*argumentos)
    assert r.exit_code == 2, r.output
    assert mensaje in r.output
    assert "Uso: formatos" in r.output or "necesita un valor" in r.output
    _sin_ingles(r.output)


def test_la_ayuda_de_cada_orden_en_castellano():
    for orden in [[], ["generar"], ["validar"], ["exportar"], ["captura"], ["lista"], ["esquema"], ["demo"],
                  ["plantilla"], ["plantilla", "verificar"], ["plantilla", "exportar"]]:
        r = correr(*orden, "--ayuda")
        assert r.exit_code == 0 and "Uso: formatos" in r.output
        _sin_ingles(r.output.replace("--help", ""))


# --- cada orden con cada ruta mala: nunca un traceback -----------------------------------------------------------------
def _ordenes(r: dict[str, Path], mala: Path) -> dict[str, list]:
    """Cada orden con `mala` en el lugar de una ruta (entrada, salida, plantillas, libro, destino)."""
    return {
        "validar": ["validar", mala],
        "generar (entrada)": ["generar", mala, "--salida", r["base"] / "salida", "--formato", "matriz-docente"],
        "generar (salida)": ["generar", EJEMPLO, "--salida", mala, "--formato", "matriz-docente"],
        "generar (plantillas)": ["generar", EJEMPLO, "--salida", r["base"] / "s2", "--plantillas", mala],
        "exportar (entrada)": ["exportar", mala, "--a", r["base"] / "exportado.json"],
        "exportar (destino)": ["exportar", EJEMPLO, "--a", mala],
        "captura": ["captura", mala],
        "demo (salida)": ["demo", "--salida", mala, "--procesos", "1"],
        "plantilla verificar": ["plantilla", "verificar", mala],
        "plantilla exportar": ["plantilla", "exportar", "matriz-docente", mala],
    }


ENTRADAS = ("validar", "generar (entrada)", "exportar (entrada)", "plantilla verificar")
SALIDAS = ("generar (salida)", "exportar (destino)", "captura", "demo (salida)", "plantilla exportar")
CASOS_RUTA = {
    # qué órdenes fallan (con un mensaje) con cada ruta mala; en las demás la ruta es válida (una carpeta de salida)
    "carpeta": (*ENTRADAS, "exportar (destino)", "captura"),
    "bucle": (*ENTRADAS, *SALIDAS, "generar (plantillas)"),
    "ausente": (*ENTRADAS, "generar (plantillas)"),
    "ilegible": ("validar", "generar (entrada)", "exportar (entrada)"),
    "archivo": (*ENTRADAS, *SALIDAS, "generar (plantillas)"),
}


@pytest.mark.parametrize("caso", CASOS_RUTA)
def test_ninguna_orden_da_traceback_con_una_ruta_mala(rutas, caso, monkeypatch):
    if caso == "ilegible":  # como root, chmod no basta: leer el archivo falla como sin permiso
        ilegible = rutas["base"] / "ilegible.json"
        ilegible.write_text("{}", "utf-8")
        original = Path.read_bytes

        def sin_permiso(self):
            if self.name.startswith("ilegible"):
                raise PermissionError(13, "Permission denied", str(self))
            return original(self)

        monkeypatch.setattr(Path, "read_bytes", sin_permiso)
        mala = ilegible
    else:
        mala = rutas[caso]
    ordenes = _ordenes(rutas, mala)
    for nombre in CASOS_RUTA[caso]:
        r = correr(*ordenes[nombre])
        assert r.exception is None or isinstance(r.exception, SystemExit), (nombre, repr(r.exception))
        assert r.exit_code in (1, 2), (nombre, r.output)
        assert "Traceback" not in r.output and r.output.strip(), nombre
        _sin_ingles(r.output)


def test_salida_que_es_un_archivo(rutas):
    r = correr("generar", EJEMPLO, "--salida", rutas["archivo"], "--formato", "matriz-docente")
    assert r.exit_code == 2
    assert f"Valor no válido para '--salida': «{rutas['archivo']}» es un archivo (se esperaba una carpeta)" in r.output
    dentro = rutas["archivo"] / "docs"
    r = correr("generar", EJEMPLO, "--salida", dentro, "--formato", "matriz-docente")
    assert r.exit_code == 1
    assert f"no se puede crear la carpeta de salida «{dentro}»: una parte de la ruta es un archivo, no una carpeta" in r.output


def test_entrada_carpeta_y_bucle_dicen_que_son(rutas):
    r = correr("validar", rutas["carpeta"])
    assert f"«{rutas['carpeta']}» es una carpeta (se esperaba un archivo)" in r.output
    r = correr("validar", rutas["bucle"])
    assert "es un enlace que se apunta a sí mismo" in r.output
    carga = formatos.cargar(rutas["bucle"])
    assert carga.expediente is None and "es un enlace que se apunta a sí mismo" in str(carga.problemas[0])
    carga = formatos.cargar(rutas["carpeta"])
    assert str(carga.problemas[0]) == f"{rutas['carpeta']} es una carpeta: indique el archivo del expediente (.json o .xlsx)"


# --- la biblioteca ------------------------------------------------------------------------------------------------
def test_generar_sin_expediente_es_un_error_claro(tmp_path):
    carga = formatos.cargar(tmp_path / "no-existe.json")
    with pytest.raises(formatos.ExpedienteFaltante, match="el archivo no se pudo leer"):
        formatos.generar(carga.expediente, tmp_path / "salida")  # type: ignore[arg-type]
    assert not (tmp_path / "salida").exists()
    assert issubclass(formatos.ExpedienteFaltante, TypeError) and issubclass(formatos.ExpedienteFaltante, formatos.ErrorFormatos)


def test_los_tipos_hacen_que_mypy_lo_detecte():
    """`generar` pide un Expediente y `Carga.expediente` puede ser None: mypy marca `generar(carga.expediente, …)`."""
    pistas = typing.get_type_hints(generar)
    assert pistas["expediente"] is formatos.Expediente
    assert typing.get_type_hints(Carga)["expediente"] == formatos.Expediente | None
    assert (Path(formatos.__file__).parent / "py.typed").exists()


def test_las_excepciones_del_readme_se_importan_de_formatos():
    readme = "\n".join(p.read_text("utf-8") for p in [Path("README.md"), *sorted(Path("docs").glob("*.md"))])
    nombradas = set(re.findall(r"`([A-Z][A-Za-z]+(?:Invalida|Fallido|NoEncontrado|Faltante|Formatos))`", readme))
    nombradas |= set(re.findall(r"lanza `?([A-Z][A-Za-z]+)`?", readme))
    assert "PlantillaInvalida" in nombradas
    for nombre in nombradas:
        excepcion = getattr(formatos, nombre)
        assert issubclass(excepcion, formatos.ErrorFormatos) and nombre in formatos.__all__


def test_salida_a_un_archivo_desde_la_biblioteca(tmp_path, carga_ejemplo):
    archivo = tmp_path / "archivo.txt"
    archivo.write_text("x", "utf-8")
    with pytest.raises(formatos.ErrorFormatos, match="es un archivo, no una carpeta"):
        formatos.generar(carga_ejemplo.expediente, archivo, formatos=["matriz-docente"])
