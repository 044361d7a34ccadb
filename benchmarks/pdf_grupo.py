"""PDF: el grupo de LibreOffice contra un proceso `soffice --convert-to pdf` por archivo, con los mismos documentos.

Uso: python benchmarks/pdf_grupo.py [--documentos 200] [--trabajadores N]
Genera los documentos de la UGEL de ejemplo, toma N (repitiendo si hacen falta, con nombres distintos),
los convierte primero uno por proceso y luego con el grupo, y escribe el tiempo de reloj y el tiempo de
CPU de LibreOffice de cada forma (el de CPU no depende de lo que hagan otros programas en la máquina).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import formatos
from formatos.recursos import expediente_ejemplo
from formatos.salida.pdf import buscar_soffice, convertir_a_pdf, pdf_completo


def preparar(carpeta: Path, n: int) -> list[Path]:
    resumen = formatos.generar(formatos.cargar(expediente_ejemplo()).expediente, carpeta / "generados")
    fuentes = sorted(r.ruta for r in resumen.resultados if r.ruta)
    destino = carpeta / "docs"
    destino.mkdir()
    copias = []
    for i in range(n):
        copias.append(destino / f"{i:04d}.docx")
        shutil.copyfile(fuentes[i % len(fuentes)], copias[-1])
    return copias


def cpu_hijos() -> float:
    uso = resource.getrusage(resource.RUSAGE_CHILDREN)
    return uso.ru_utime + uso.ru_stime


def uno_por_proceso(docs: list[Path], carpeta: Path) -> tuple[float, float]:
    """Un `soffice --convert-to pdf` por archivo, con un perfil ya creado (como lo haría un script simple)."""
    soffice, perfil, salida = buscar_soffice(), (carpeta / "perfil").as_uri(), carpeta / "uno-por-proceso"
    orden = [soffice, f"-env:UserInstallation={perfil}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(salida)]
    subprocess.run([*orden, str(docs[0])], capture_output=True)  # crea el perfil fuera de la medición
    inicio, cpu = time.perf_counter(), cpu_hijos()
    for doc in docs:
        subprocess.run([*orden, str(doc)], capture_output=True, check=True)
    medida = time.perf_counter() - inicio, cpu_hijos() - cpu
    assert all(pdf_completo(salida / f"{d.stem}.pdf") for d in docs)
    return medida


def grupo(docs: list[Path], trabajadores: int | None) -> tuple[float, float]:
    inicio, cpu = time.perf_counter(), cpu_hijos()
    resultados = convertir_a_pdf(docs, trabajadores=trabajadores)
    medida = time.perf_counter() - inicio, cpu_hijos() - cpu
    assert all(r.estado == "convertido" for r in resultados), [r.mensaje for r in resultados if r.estado != "convertido"]
    return medida


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documentos", type=int, default=200)
    parser.add_argument("--trabajadores", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="formatos-bench-") as tmp:
        docs = preparar(Path(tmp), args.documentos)
        (t_uno, c_uno), (t_grupo, c_grupo) = uno_por_proceso(docs, Path(tmp)), grupo(docs, args.trabajadores)
    n, trabajadores = len(docs), args.trabajadores or os.cpu_count()
    print(f"{n} documentos, {os.cpu_count()} núcleos, {trabajadores} trabajadores; carga media al terminar: "
          f"{os.getloadavg()[0]:.1f}")
    print(f"un proceso por archivo: reloj {t_uno:6.1f} s ({t_uno / n:.2f} s/doc), CPU {c_uno:6.1f} s ({c_uno / n:.3f} s/doc)")
    print(f"grupo de LibreOffice:   reloj {t_grupo:6.1f} s ({t_grupo / n:.2f} s/doc), CPU {c_grupo:6.1f} s ({c_grupo / n:.3f} s/doc)")
    print(f"el grupo es {t_uno / t_grupo:.1f} veces más rápido en reloj y gasta {c_uno / c_grupo:.1f} veces menos CPU")


if __name__ == "__main__":
    main()
