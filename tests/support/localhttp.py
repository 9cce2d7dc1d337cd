"""A real HTTP server on 127.0.0.1 for tests (no outside network): routes, hit counts, requests at once.

    with LocalSite() as site:
        site.page("/a.html", b"<html>...", "text/html")
        site.route("/slow", lambda h: (time.sleep(2), h.send(200, b"late")))
        ... site.url("/a.html"), site.hits["/a.html"], site.max_inflight
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _Handler(BaseHTTPRequestHandler):
    site: LocalSite
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        return None

    def send(self, code: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        site = self.site
        path = self.path.split("?", 1)[0]
        with site.lock:
            site.hits[path] += 1
            site.inflight += 1
            site.max_inflight = max(site.max_inflight, site.inflight)
        try:
            fn = site.routes.get(path)
            if fn is None:
                self.send(404, b"not found", "text/plain")
            else:
                fn(self)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with site.lock:
                site.inflight -= 1


class LocalSite:
    """A threading HTTP server on 127.0.0.1 (a free port) serving the routes given to it."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[Any], None]] = {}
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.inflight = 0
        self.max_inflight = 0
        handler = type("Handler", (_Handler,), {"site": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, fn: Callable[[Any], None]) -> None:
        self.routes[path] = fn

    def page(self, path: str, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.routes[path] = lambda h: h.send(200, body, ctype, **headers)

    def redirect(self, path: str, location: str, code: int = 302) -> None:
        self.routes[path] = lambda h: h.send(code, b"", "text/plain", Location=location)

    def __enter__(self) -> LocalSite:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
