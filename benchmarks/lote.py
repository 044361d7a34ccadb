"""Mide el lote contra docxtpl solo, sobre matrices docentes de un expediente sintético.

Uso:  python benchmarks/lote.py [--copias 205] [--docxtpl 200] [--procesos N] [--en CARPETA]

(a) docxtpl solo: un DocxTemplate nuevo por documento (como aconseja su autor), misma plantilla y mismos
    contextos, guardando cada archivo; con `--docxtpl` documentos basta para su ritmo.
(b) el lote (`formatos.generar`) con 1 proceso, (c) con todos los núcleos; sobre todo el expediente.
Además, (b) en el peor caso del atajo de los esqueletos (`formatos.salida.esqueletos`: ninguno se guarda, cada
matriz arma el suyo con piezas ya vistas) y sin el atajo (lxml lee y escribe cada document.xml, como docxtpl),
y cuántas matrices reusan un esqueleto. Las matrices tienen formas variadas (`_variar`), como datos reales.
Imprime documentos por segundo (de reloj y de CPU), las razones b/a y c/a y la memoria (RSS) de cada
medición: al terminar de cargar el expediente y la máxima; y lo mismo con un expediente 10 veces menor,
para ver cuánto crece la memoria con el lote.
Cada medición corre en un proceso aparte: su memoria máxima es solo suya. No es una prueba: tarda minutos.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

FORMATO = "matriz-docente"


def _rss_mb(quien: int) -> float:
    """La RSS máxima en MB; la del propio proceso, de /proc (VmHWM) si lo hay: en Linux `ru_maxrss` sobrevive
    a exec, y la medición heredaría la del programa que la lanza (que armó el expediente sintético) si fue mayor."""
    if quien == resource.RUSAGE_SELF and os.path.exists("/proc/self/status"):
        with open("/proc/self/status") as estado:
            return next(int(linea.split()[1]) for linea in estado if linea.startswith("VmHWM:")) / 1024
    return resource.getrusage(quien).ru_maxrss / 1024  # Linux: KiB


def _cpu() -> float:
    """Segundos de CPU de este proceso y de sus procesos de trabajo ya terminados."""
    return sum(resource.getrusage(q).ru_utime + resource.getrusage(q).ru_stime
               for q in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def medir(modo: str, entrada: Path, carpeta: Path, cantidad: int, procesos: int) -> dict:
    import formatos
    from formatos.registro import FORMATOS

    expediente = formatos.cargar(entrada).expediente
    rss_carga = _rss_mb(resource.RUSAGE_SELF)  # leer y validar el expediente, antes de generar
    if modo == "docxtpl":
        from docxtpl import DocxTemplate

        from formatos.lote import plantilla_de
        from formatos.salida.docx import entorno

        plantilla, env = str(plantilla_de(FORMATOS[FORMATO])), entorno()
        documentos = list(FORMATOS[FORMATO].documentos(expediente))[:cantidad]
        inicio, cpu = time.perf_counter(), _cpu()
        for i, documento in enumerate(documentos):
            doc = DocxTemplate(plantilla)
            doc.render(documento.contexto().model_dump(), jinja_env=env, autoescape=True)
            doc.save(carpeta / f"{i}.docx")
        n = len(documentos)
    elif modo == "esqueletos":  # cuántas matrices reusan un esqueleto o sus piezas (`salida/esqueletos.py`)
        from formatos.lote import plantilla_de
        from formatos.salida.docx import PlantillaDocx

        plantilla = PlantillaDocx(plantilla_de(FORMATOS[FORMATO]))
        for documento in FORMATOS[FORMATO].documentos(expediente):
            plantilla.render(documento.contexto().model_dump())
        e = plantilla._esqueletos
        return {"aciertos": e.aciertos, "nuevos": e.nuevos, "de_piezas": e.de_piezas, "descartados": e.descartados}
    elif modo == "envio":  # lo que cuesta dar el expediente a un proceso iniciado con "spawn" (Windows)
        inicio = time.perf_counter()
        datos = pickle.dumps(expediente)
        pickle.loads(datos)
        return {"segundos": time.perf_counter() - inicio, "mb": len(datos) / 2**20}
    else:
        if modo == "lote-sin-reusar":  # el peor caso del atajo: ningún esqueleto se repite, solo sus piezas
            from formatos.salida import esqueletos

            esqueletos.MAXIMO_ESQUELETOS = 1
        elif modo == "lote-sin-atajo":  # solo la plantilla compilada, con lxml en cada documento como docxtpl
            import formatos.salida.docx

            formatos.salida.docx.Esqueletos = lambda *_, **__: None
        inicio, cpu = time.perf_counter(), _cpu()
        resumen = formatos.generar(expediente, carpeta, formatos=[FORMATO], procesos=procesos)
        assert not resumen.fallidos, resumen.fallidos[:3]
        n = len(resumen.resultados)
    segundos, cpu = time.perf_counter() - inicio, _cpu() - cpu
    return {"documentos": n, "segundos": segundos, "por_segundo": n / segundos, "por_segundo_cpu": n / cpu,
            "rss_carga_mb": rss_carga, "rss_mb": _rss_mb(resource.RUSAGE_SELF),
            "rss_procesos_mb": _rss_mb(resource.RUSAGE_CHILDREN)}


def _en_proceso_aparte(modo: str, entrada: Path, cantidad: int = 0, procesos: int = 1, donde: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="formatos-bench-", dir=donde) as carpeta:
        orden = [sys.executable, __file__, "--medir", modo, "--entrada", str(entrada), "--carpeta", carpeta,
                 "--docxtpl", str(cantidad), "--procesos", str(procesos)]
        return json.loads(subprocess.run(orden, check=True, capture_output=True, text=True).stdout)


SECCIONES = ("acompanantes", "instituciones", "docentes", "visitas", "gias", "valoraciones", "valoraciones_directivo")
"""Las secciones de las que salen las matrices: las demás (planes, informes) no se copian."""


def _variar(datos: dict) -> dict:
    """Cada matriz con su propia forma, como en datos reales: copiar el ejemplo repetiría sus esqueletos
    (ver `formatos.salida.esqueletos`) y el lote parecería más rápido de lo que es. Al azar (fijo): un
    desempeño de cada ocho sin atender en el mes, un producto de cada cuatro sin llenar, un texto de
    cada tres con un número propio."""
    azar = random.Random(2026)
    for i, valoracion in enumerate(datos["valoraciones"]):
        for d in valoracion["desempenos"]:
            if azar.random() < 1 / 8:
                d["atendido"], d["evidencias"] = False, ""
            if azar.random() < 1 / 4:
                d["producto_asesoria"] = ""
            if d["evidencias"] and azar.random() < 1 / 3:
                d["evidencias"] += f" (registro {i})"
    return datos


def _expediente(copias: int, carpeta: Path) -> Path:
    import sintetico

    from formatos.recursos import expediente_ejemplo

    ejemplo = json.loads(expediente_ejemplo().read_text("utf-8"))
    ejemplo = {k: v for k, v in ejemplo.items() if not isinstance(v, list) or k in SECCIONES}
    datos = _variar(sintetico.escalar(ejemplo, copias))
    return sintetico.escribir(datos, carpeta / f"expediente-x{copias}.json")


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--copias", type=int, default=205, help="copias del ejemplo (205: 20 090 matrices)")
    argumentos.add_argument("--docxtpl", type=int, default=200, help="documentos para medir docxtpl solo")
    argumentos.add_argument("--procesos", type=int, default=os.cpu_count())
    argumentos.add_argument("--en", type=Path, help="carpeta donde se escriben los documentos (por omisión, la "
                            "temporal del sistema): crear archivos cuesta distinto en cada disco")
    argumentos.add_argument("--medir", help=argparse.SUPPRESS)
    argumentos.add_argument("--entrada", type=Path, help=argparse.SUPPRESS)
    argumentos.add_argument("--carpeta", type=Path, help=argparse.SUPPRESS)
    a = argumentos.parse_args()
    if a.medir:
        print(json.dumps(medir(a.medir, a.entrada, a.carpeta, a.docxtpl, a.procesos)))
        return

    print(f"núcleos: {os.cpu_count()}; procesos para (c): {a.procesos}; python {sys.version.split()[0]}; "
          f"documentos en {a.en or tempfile.gettempdir()}")
    with tempfile.TemporaryDirectory(prefix="formatos-bench-") as carpeta:
        grande = _expediente(a.copias, Path(carpeta))
        chico = _expediente(max(1, a.copias // 10), Path(carpeta))
        r_a = _en_proceso_aparte("docxtpl", grande, cantidad=a.docxtpl, donde=a.en)
        r_b = _en_proceso_aparte("lote", grande, procesos=1, donde=a.en)
        r_c = _en_proceso_aparte("lote", grande, procesos=a.procesos, donde=a.en)
        r_sin_reusar = _en_proceso_aparte("lote-sin-reusar", grande, procesos=1, donde=a.en)
        r_sin_atajo = _en_proceso_aparte("lote-sin-atajo", grande, procesos=1, donde=a.en)
        r_chico = _en_proceso_aparte("lote", chico, procesos=a.procesos, donde=a.en)
        envio = _en_proceso_aparte("envio", grande)
        esqueletos = _en_proceso_aparte("esqueletos", grande)
    filas = [("(a) docxtpl solo", r_a), ("(b) lote, 1 proceso", r_b), (f"(c) lote, {a.procesos} procesos", r_c),
             ("(b) sin reusar esqueletos", r_sin_reusar), ("(b) sin el atajo", r_sin_atajo),
             (f"(c) con {a.copias // 10 or 1} copias", r_chico)]
    print(f"\n{'medición':<26}{'documentos':>11}{'segundos':>10}{'doc/s':>9}{'doc/s CPU':>11}"
          f"{'RSS al cargar':>15}{'RSS máximo':>12}{'RSS por proceso':>17}")
    for nombre, r in filas:
        hijos = f"{r['rss_procesos_mb']:.0f} MB" if r["rss_procesos_mb"] else "-"
        print(f"{nombre:<26}{r['documentos']:>11}{r['segundos']:>10.1f}{r['por_segundo']:>9.1f}"
              f"{r['por_segundo_cpu']:>11.1f}{r['rss_carga_mb']:>12.0f} MB{r['rss_mb']:>9.0f} MB{hijos:>17}")
    print(f"\nb/a = {r_b['por_segundo'] / r_a['por_segundo']:.1f}   c/a = {r_c['por_segundo'] / r_a['por_segundo']:.1f}"
          f"   (por segundo de reloj; meta: b/a ≥ 25)")
    print(f"b/a = {r_b['por_segundo_cpu'] / r_a['por_segundo_cpu']:.1f}   (por segundo de CPU: no depende de lo que"
          " hagan otros programas en el equipo)")
    print(f"b/a sin reusar esqueletos (el peor caso del atajo) = {r_sin_reusar['por_segundo_cpu'] / r_a['por_segundo_cpu']:.1f}"
          f"   sin el atajo = {r_sin_atajo['por_segundo_cpu'] / r_a['por_segundo_cpu']:.1f}   (por segundo de CPU)")
    total = esqueletos["aciertos"] + esqueletos["nuevos"] + esqueletos["descartados"]
    print(f"Esqueletos (matrices de forma variada): {esqueletos['aciertos'] / total:.0%} reusan uno ya armado, "
          f"{esqueletos['de_piezas'] / total:.0%} se arman con piezas ya vistas, "
          f"{(esqueletos['nuevos'] - esqueletos['de_piezas']) / total:.1%} se arman con lxml, "
          f"{esqueletos['descartados'] / total:.1%} van por el camino completo")
    print(f"Expediente por pickle (spawn, Windows): {envio['mb']:.0f} MB, {envio['segundos']:.1f} s por proceso")


if __name__ == "__main__":
    main()
