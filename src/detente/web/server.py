"""``detente serve``: the dashboard pages, static files and the JSON API on http.server (read-only)."""

from __future__ import annotations

import json
import re
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from .api import Api, ApiError

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_STATIC_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$")
_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
          ".css": "text/css; charset=utf-8", ".png": "image/png", ".svg": "image/svg+xml",
          ".md": "text/plain; charset=utf-8", ".LICENSE": "text/plain; charset=utf-8"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
MAX_URL = 4096


def static_dir() -> Path:
    return Path(str(resources.files("detente").joinpath("web", "static")))


class Handler(BaseHTTPRequestHandler):
    """GET (and HEAD) only: pages, /static/<file>, /api/...; everything else is refused."""

    api: ClassVar[Api]
    quiet: ClassVar[bool] = True
    server_version = "detente"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        if not self.quiet:
            super().log_message(format, *args)

    def _send(self, status: int, body: bytes, ctype: str, head: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _json(self, status: int, payload: Any, head: bool = False) -> None:
        body = json.dumps(payload, ensure_ascii=False, allow_nan=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8", head)

    def do_GET(self, head: bool = False) -> None:
        if len(self.path) > MAX_URL:
            self._json(HTTPStatus.REQUEST_URI_TOO_LONG, {"error": "URL too long"}, head)
            return
        url = urlsplit(self.path)
        path = url.path
        try:
            if path.startswith("/api/") or path == "/api":
                params = parse_qs(url.query, keep_blank_values=True, max_num_fields=32)
                self._json(HTTPStatus.OK, self.api.handle(path, params), head)
            elif path in ("/", "/index.html"):
                self._file("index.html", head)
            elif re.fullmatch(r"/event/[0-9a-f]{8,64}", path):
                self._file("event.html", head)
            elif path.startswith("/static/"):
                name = path[len("/static/"):]
                if not _STATIC_NAME.match(name) or ".." in name:
                    raise ApiError(404, "not found")
                self._file(name, head)
            else:
                raise ApiError(404, "not found")
        except ApiError as e:
            self._json(e.status, {"error": e.message}, head)
        except ValueError as e:  # parse_qs: too many fields
            self._json(HTTPStatus.BAD_REQUEST, {"error": str(e)[:200]}, head)
        except Exception as e:  # a bug must not kill the server or leak a traceback to the page
            self._json(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": f"internal error ({type(e).__name__})"}, head)

    def do_HEAD(self) -> None:
        self.do_GET(head=True)

    def _refuse(self) -> None:
        self._json(HTTPStatus.METHOD_NOT_ALLOWED, {"error": "read-only: only GET and HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = _refuse

    def _file(self, name: str, head: bool) -> None:
        base = static_dir()
        p = (base / name).resolve()
        if p.parent != base.resolve() or not p.is_file():
            raise ApiError(404, "not found")
        suffix = ".LICENSE" if p.name.endswith(".LICENSE") else p.suffix
        self._send(HTTPStatus.OK, p.read_bytes(), _TYPES.get(suffix, "application/octet-stream"), head)


def make_server(store: Any, host: str = "127.0.0.1", port: int = 8000, quiet: bool = True) -> ThreadingHTTPServer:
    """A server (not yet serving) over an open store; port 0 picks a free port (see ``server_address``)."""
    handler = type("DetenteHandler", (Handler,), {"api": Api(store), "quiet": quiet})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server
