"""The FastAPI application: API, pages, local assets, security headers, JSON errors."""

from __future__ import annotations

import logging
import os
import secrets
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from strikewatch import __version__ as VERSION
from strikewatch.db import open_db
from strikewatch.errors import UserError
from strikewatch.web import api, monitor_routes, pages
from strikewatch.web.auth import RateLimiter, Sessions
from strikewatch.web.deps import error
from strikewatch.web.limits import BodyLimit
from strikewatch.web.queries import CountCache
from strikewatch.web.templating import STATIC_DIR, Links, make_env

log = logging.getLogger(__name__)
SECRET_ENV = "STRIKEWATCH_SECRET"

# No inline script anywhere: every script is a file under /static.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI sets style attributes from its bundle; scripts stay file-only there too.
CSP_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"geolocation=(), camera=(), microphone=()"),
]


class SecurityHeaders:
    """Adds CSP and the other security headers to every response (plain ASGI: no per-request overhead)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = (CSP_DOCS if scope.get("path") == "/docs" else CSP).encode()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers.extend((k, v) for k, v in SECURITY_HEADERS if k not in names)
                headers.append((b"content-security-policy", csp))
                if scope.get("path", "").startswith("/api/"):
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors()[:5]:
        loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path", "header", "form")]
        where = ".".join(loc) or "request"
        got = e.get("input")
        shown = f" (got {got!r})" if isinstance(got, str | int | float) and len(repr(got)) < 60 else ""
        parts.append(f"{where}: {e.get('msg', 'invalid')}{shown}")
    return "; ".join(parts) or "invalid request"


def create_app(db_url: str | None = None, *, secret: str | None = None, engine: Engine | None = None,
               login_limit: int = 5, login_window: float = 300.0, count_ttl: float = 30.0) -> FastAPI:
    """The web app over the database at ``db_url`` (see ``strikewatch.db.database_url``).

    ``secret`` signs session cookies; default $STRIKEWATCH_SECRET, else a random one (sessions then end
    when the server restarts).
    """
    app = FastAPI(
        title="strikewatch",
        version=VERSION,
        description=(
            "A sourced record of air and drone strikes built from news reports. Every figure carries the "
            "article and the character span it came from. Read endpoints are public; review endpoints need a "
            "signed-in reviewer (POST /api/session) and the session's CSRF token in X-CSRF-Token."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.engine = engine if engine is not None else open_db(db_url)
    secret = secret or os.environ.get(SECRET_ENV)
    if not secret:
        secret = secrets.token_urlsafe(32)
        log.info("no %s set: sessions last until this server stops", SECRET_ENV)
    app.state.sessions = Sessions(secret)
    app.state.limiter = RateLimiter(limit=login_limit, window=login_window)
    app.state.jinja = make_env()
    app.state.counts = CountCache(count_ttl)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        headers = dict(exc.headers or {})
        if _wants_html(request):
            html = app.state.jinja.get_template("error.html").render(
                links=Links(), user=None, static_site=False, path=request.url.path, title=f"Error {exc.status_code}",
                status=exc.status_code, message=str(exc.detail))
            return HTMLResponse(html, status_code=exc.status_code, headers=headers)
        resp = error(exc.status_code, str(exc.detail))
        resp.headers.update(headers)
        return resp

    from starlette.exceptions import HTTPException as StarletteHTTPException

    @app.exception_handler(StarletteHTTPException)
    async def starlette_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = "not found" if exc.status_code == 404 else str(exc.detail)
        return await http_error(request, HTTPException(exc.status_code, detail, headers=exc.headers))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        msg = _validation_message(exc)
        if _wants_html(request):
            return await http_error(request, HTTPException(422, msg))
        return error(422, msg)

    @app.exception_handler(UserError)
    async def user_error(request: Request, exc: UserError) -> Response:
        return await http_error(request, HTTPException(400, str(exc)))

    from sqlalchemy.exc import DataError

    @app.exception_handler(DataError)
    async def data_error(request: Request, exc: DataError) -> Response:
        # a value from the request that the database cannot take (PostgreSQL refuses NUL characters in text):
        # the caller's mistake, not the server's
        log.info("database refused a request value on %s: %s", request.url.path, exc.orig)
        msg = "a value in this request cannot be used (it holds a NUL or another character the database refuses)"
        return await http_error(request, HTTPException(400, msg))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return error(500, "internal error (logged on the server)")

    app.include_router(api.router)
    app.include_router(monitor_routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> HTMLResponse:
        html = app.state.jinja.get_template("docs.html").render(
            links=Links(), user=None, static_site=False, path="/docs", title="API docs")
        return HTMLResponse(html)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, Any]:
        return {"ok": True}

    app.add_middleware(BodyLimit)  # inside SecurityHeaders: a 413 gets the security headers too
    app.add_middleware(SecurityHeaders)
    return app
