"""La guardia de la página: cabecera Host, token (o contraseña en red), origen de los formularios y cabeceras seguras.

- **Host**: solo las direcciones del propio servidor (127.0.0.1, localhost; en red, además una IP o el nombre
  del equipo). Una página de otro sitio que apunte su dominio a 127.0.0.1 (DNS rebinding) recibe 403.
- **Token** (como Jupyter): la dirección que imprime `formatos web` lleva `?token=…`; la primera visita lo
  guarda en una cookie propia de ese puerto (HttpOnly, SameSite=Strict) y quita el token de la barra de
  direcciones. Toda petición sin token válido (en la URL o en la cookie) se rechaza con 403.
- **Red** (`--red`): en lugar del token, una contraseña que fija el administrador; quien la escribe en
  «/entrar» recibe una sesión propia (sus trabajos no los ve otra sesión).
- **Formularios**: un POST cuyo `Origin` no es el de la página, o que el navegador marca como de otro sitio
  (`Sec-Fetch-Site: cross-site`), se rechaza (CSRF).
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import socket
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import URL, Headers
from starlette.responses import HTMLResponse, RedirectResponse, Response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESION = "formatos.sesion"
"""Clave del `scope` con la sesión de la petición (la usa la aplicación para separar los trabajos)."""
LIBRES_EN_RED = ("/entrar", "/estaticos/")

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; "
       "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")


@dataclass
class Acceso:
    """Cómo se entra: el token (en este equipo) o la contraseña (en red) y las sesiones abiertas."""

    puerto: int
    token: str = field(default_factory=lambda: secrets.token_hex(24))
    contrasena: str | None = None
    """Con contraseña, la página está en red: se entra con ella y no con el token."""
    nombres: frozenset[str] = frozenset()
    """Nombres del equipo aceptados en la cabecera Host (además de las IP) cuando está en red."""
    caducidad: float = 12 * 3600
    sesiones: dict[str, float] = field(default_factory=dict)

    @property
    def en_red(self) -> bool:
        return self.contrasena is not None

    @property
    def cookie(self) -> str:
        return f"formatos-web-{self.puerto}"

    def host_permitido(self, host: str) -> bool:
        if host.startswith("["):  # IPv6: [::1]:8765
            nombre, _, resto = host[1:].partition("]")
            puerto = resto.removeprefix(":")
        else:
            nombre, _, puerto = host.partition(":")
        if (puerto or "80") != str(self.puerto):
            return False
        nombre = nombre.lower()
        if nombre in ("127.0.0.1", "localhost", "::1"):
            return True
        if not self.en_red:
            return False
        try:
            ipaddress.ip_address(nombre)
            return True
        except ValueError:
            return nombre in self.nombres

    def token_valido(self, valor: str | None) -> bool:
        return valor is not None and hmac.compare_digest(valor.encode(), self.token.encode())

    def contrasena_valida(self, valor: str) -> bool:
        assert self.contrasena is not None
        return hmac.compare_digest(valor.encode(), self.contrasena.encode())

    def nueva_sesion(self) -> str:
        sesion = secrets.token_urlsafe(24)
        self.sesiones[sesion] = time.monotonic()
        return sesion

    def sesion_valida(self, valor: str | None) -> bool:
        if not valor:
            return False
        inicio = self.sesiones.get(valor)
        if inicio is None or time.monotonic() - inicio > self.caducidad:
            self.sesiones.pop(valor, None)
            return False
        return True

    def poner_cookie(self, respuesta: Response, valor: str) -> None:
        respuesta.set_cookie(self.cookie, valor, httponly=True, samesite="strict", path="/")

    def direccion(self, host: str = "127.0.0.1") -> str:
        """La dirección para abrir en el navegador (con el token, si no está en red)."""
        base = f"http://{host}:{self.puerto}/"
        return base if self.en_red else f"{base}?token={self.token}"


def nombres_del_equipo() -> frozenset[str]:
    nombre = socket.gethostname().lower()
    return frozenset({nombre, socket.getfqdn().lower(), f"{nombre}.local"})


def _pagina(titulo: str, texto: str, estado: int) -> HTMLResponse:
    """Una página mínima (sin plantillas ni CSS externo, que también pedirían token)."""
    from html import escape

    return HTMLResponse(
        f"<!doctype html><html lang='es'><meta charset='utf-8'><title>{escape(titulo)} · formatos</title>"
        f"<body style='font-family:system-ui,Segoe UI,Arial,sans-serif;max-width:42rem;margin:3rem auto;"
        f"line-height:1.5;padding:0 1rem'><h1>{escape(titulo)}</h1>{texto}</body></html>",
        status_code=estado,
    )


def sin_token() -> HTMLResponse:
    return _pagina(
        "Falta el código de acceso",
        "<p>Esta página solo se abre con la dirección completa que mostró <code>formatos web</code> en la "
        "ventana donde se inició (termina en <code>?token=</code> y un código).</p>"
        "<p>Copie esa dirección en la barra del navegador. Si cerró la ventana, vuelva a ejecutar "
        "<code>formatos web</code>.</p>", 403)


class Guardia:
    """Middleware ASGI: comprueba Host, acceso y origen antes de la aplicación y agrega cabeceras seguras."""

    def __init__(self, app: ASGIApp, acceso: Acceso) -> None:
        self.app = app
        self.acceso = acceso

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        respuesta = self._revisar(scope)
        enviar = self._con_cabeceras(send)
        if respuesta is not None:
            await respuesta(scope, receive, enviar)
            return
        await self.app(scope, receive, enviar)

    def _revisar(self, scope: Scope) -> Response | None:
        cabeceras = Headers(scope=scope)
        host = cabeceras.get("host", "")
        if not self.acceso.host_permitido(host):
            return _pagina("Dirección no permitida",
                           "<p>Esta página solo responde en la dirección que mostró <code>formatos web</code> "
                           "(por ejemplo <code>http://127.0.0.1:…</code>).</p>", 403)
        if scope["method"] not in ("GET", "HEAD"):
            origen = cabeceras.get("origin")
            if (origen is not None and origen != f"http://{host}") or cabeceras.get("sec-fetch-site") == "cross-site":
                return _pagina("Envío rechazado", "<p>El formulario no se envió desde esta página.</p>", 403)
        cookies = SimpleCookie(cabeceras.get("cookie", ""))
        guardada = cookies[self.acceso.cookie].value if self.acceso.cookie in cookies else None
        if self.acceso.en_red:
            return self._en_red(scope, guardada)
        consulta = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        if self.acceso.token_valido(consulta.get("token")):
            scope[SESION] = "local"
            if scope["method"] == "GET":  # se guarda en la cookie y se quita de la barra de direcciones
                resto = {k: v for k, v in consulta.items() if k != "token"}
                destino = scope["path"] + (f"?{urlencode(resto)}" if resto else "")
                respuesta = RedirectResponse(destino, status_code=303)
                self.acceso.poner_cookie(respuesta, self.acceso.token)
                return respuesta
            return None
        if self.acceso.token_valido(guardada):
            scope[SESION] = "local"
            return None
        return sin_token()

    def _en_red(self, scope: Scope, guardada: str | None) -> Response | None:
        if self.acceso.sesion_valida(guardada):
            scope[SESION] = guardada
            return None
        if scope["path"].startswith(LIBRES_EN_RED):
            return None
        if scope["method"] == "GET":
            return RedirectResponse(f"/entrar?{urlencode({'siguiente': URL(scope=scope).path})}", status_code=303)
        return _pagina("Sesión vencida", "<p><a href='/entrar'>Vuelva a entrar</a> con la contraseña.</p>", 403)

    def _con_cabeceras(self, send: Send) -> Send:
        async def enviar(mensaje: Message) -> None:
            if mensaje["type"] == "http.response.start":
                cabeceras = list(mensaje.get("headers", []))
                nombres = {k.lower() for k, _ in cabeceras}
                # same-origin y no no-referrer: con no-referrer Chromium manda «Origin: null» en los formularios
                extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"),
                         (b"x-frame-options", b"DENY"), (b"cross-origin-resource-policy", b"same-origin")]
                tipo = dict(cabeceras).get(b"content-type", b"")
                if tipo.startswith(b"text/html"):
                    extra.append((b"content-security-policy", CSP.encode()))
                if b"cache-control" not in nombres:
                    extra.append((b"cache-control", b"no-store"))
                mensaje["headers"] = cabeceras + [(k, v) for k, v in extra if k not in nombres]
            await send(mensaje)

        return enviar
