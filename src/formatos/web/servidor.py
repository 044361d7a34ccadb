"""Arranca la página con uvicorn en un puerto propio, imprime su dirección y abre el navegador."""

from __future__ import annotations

import os
import socket
import threading
import webbrowser
from collections.abc import Callable

import uvicorn

from formatos.web.app import Ajustes, crear_app

LOCAL = "127.0.0.1"
TODAS = "0.0.0.0"


def abrir_puerto(host: str, puerto: int, otro_si_ocupado: bool) -> socket.socket:
    """El socket ya enlazado (así se sabe el puerto antes de imprimir la dirección); uno libre si el pedido está ocupado."""
    conexion = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if os.name != "nt":  # en Windows, SO_REUSEADDR dejaría a otro programa tomar el mismo puerto
        conexion.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        conexion.bind((host, puerto))
    except OSError:
        if not otro_si_ocupado:
            conexion.close()
            raise
        conexion.bind((host, 0))
    return conexion


def ips_locales() -> list[str]:
    """Las IP de este equipo en la red local (para decir a los colegas qué dirección abrir)."""
    ips: set[str] = set()
    try:
        ips.update(str(i[4][0]) for i in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET))
    except OSError:
        pass
    try:  # la interfaz de la ruta por omisión (UDP no envía nada al "conectar")
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as prueba:
            prueba.connect(("10.255.255.255", 1))
            ips.add(prueba.getsockname()[0])
    except OSError:
        pass
    return sorted(ip for ip in ips if not ip.startswith("127."))


def preparar(ajustes: Ajustes) -> uvicorn.Server:
    """El servidor uvicorn de la aplicación (sin su registro en inglés: los avisos los da la página)."""
    configuracion = uvicorn.Config(crear_app(ajustes), log_level="error", access_log=False, lifespan="on",
                                   server_header=False, proxy_headers=False, timeout_graceful_shutdown=5)
    return uvicorn.Server(configuracion)


def servir(ajustes: Ajustes, conexion: socket.socket, abrir: str | None = None,
           al_terminar: Callable[[], None] | None = None) -> None:
    """Atiende hasta Ctrl+C. `abrir`: la dirección que se abre en el navegador cuando el servidor está listo."""
    servidor = preparar(ajustes)
    if abrir:
        def navegador() -> None:
            while not servidor.started and not servidor.should_exit:
                threading.Event().wait(0.05)
            if servidor.started:
                webbrowser.open(abrir)

        threading.Thread(target=navegador, daemon=True).start()
    try:
        servidor.run(sockets=[conexion])
    finally:
        conexion.close()
        if al_terminar:
            al_terminar()
