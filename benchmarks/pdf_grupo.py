"""PDF: el grupo de LibreOffice contra un proceso `soffice --convert-to pdf` por archivo, con los mismos documentos.

Uso: python benchmarks/pdf_grupo.py [--documentos 200] [--trabajadores N]
Genera las matrices de la UGEL de ejemplo, toma N documentos (repitiendo si hacen falta, con nombres
distintos), los convierte primero uno por proceso y luego con el grupo, y escribe los tiempos.
"""

from __future__ import annotations

import argparse
import os
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


def uno_por_proceso(docs: list[Path], carpeta: Path) -> float:
    """Un `soffice --convert-to pdf` por archivo, con un perfil ya creado (como lo haría un script simple)."""
    soffice, perfil, salida = buscar_soffice(), (carpeta / "perfil").as_uri(), carpeta / "uno-por-proceso"
    orden = [soffice, f"-env:UserInstallation={perfil}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(salida)]
    subprocess.run([*orden, str(docs[0])], capture_output=True)  # crea el perfil fuera de la medición
    inicio = time.perf_counter()
    for doc in docs:
        subprocess.run([*orden, str(doc)], capture_output=True, check=True)
    segundos = time.perf_counter() - inicio
    assert all(pdf_completo(salida / f"{d.stem}.pdf") for d in docs)
    return segundos


def grupo(docs: list[Path], trabajadores: int | None) -> float:
    inicio = time.perf_counter()
    resultados = convertir_a_pdf(docs, trabajadores=trabajadores)
    segundos = time.perf_counter() - inicio
    assert all(r.estado == "convertido" for r in resultados), [r.mensaje for r in resultados if r.estado != "convertido"]
    return segundos


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documentos", type=int, default=200)
    parser.add_argument("--trabajadores", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="formatos-bench-") as tmp:
        docs = preparar(Path(tmp), args.documentos)
        t_uno = uno_por_proceso(docs, Path(tmp))
        t_grupo = grupo(docs, args.trabajadores)
    n = len(docs)
    print(f"{n} documentos, {os.cpu_count()} núcleos, trabajadores: {args.trabajadores or os.cpu_count()}")
    print(f"un proceso por archivo: {t_uno:7.1f} s  ({t_uno / n:.2f} s por documento)")
    print(f"grupo de LibreOffice:   {t_grupo:7.1f} s  ({t_grupo / n:.3f} s por documento)")
    print(f"el grupo es {t_uno / t_grupo:.1f} veces más rápido")


if __name__ == "__main__":
    main()
