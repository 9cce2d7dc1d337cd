"""Request limits of ``strikewatch serve``, enforced before the app sees a request (safe without a proxy).

uvicorn's httptools parser keeps whatever headers a client sends: two requests with 200 MB of headers took 79 s,
stalled ``/healthz`` for 45 s and grew the server to 758 MB. :func:`protocol_class` is uvicorn's httptools protocol
with limits on the request head, counted as the bytes arrive (nothing beyond the limit is buffered or parsed):

- request line (method, target, version) at most ``MAX_REQUEST_LINE`` bytes, else ``414 URI Too Long``;
- request head (line and headers) at most ``MAX_HEAD_BYTES`` bytes and ``MAX_HEADERS`` header fields, else
  ``431 Request Header Fields Too Large``;
- the head complete within ``HEAD_TIMEOUT`` seconds of its first byte (or of the connection), else
  ``408 Request Timeout``: a client that drips its headers cannot hold a connection open;

each answered in one short response, then the connection is closed. :class:`BodyLimit` (ASGI, in the app) answers
``413 Content Too Large`` for a body over ``MAX_BODY`` bytes, declared or streamed. ``serve`` also keeps uvicorn's
5-second keep-alive timeout, sends no ``Server`` header and trusts no proxy headers.
"""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_REQUEST_LINE = 8 * 1024
MAX_HEAD_BYTES = 32 * 1024
MAX_HEADERS = 100
HEAD_TIMEOUT = 10.0
MAX_BODY = 1024 * 1024  # the largest body the app takes is a review action with a 4,000-character reason

_REASONS = {408: b"Request Timeout", 413: b"Content Too Large", 414: b"URI Too Long",
            431: b"Request Header Fields Too Large"}


class _Refused(Exception):
    """Raised inside a parser callback to stop parsing a request that was answered and closed."""


def protocol_class(head_timeout: float = HEAD_TIMEOUT) -> type[asyncio.Protocol]:
    """uvicorn's ``HttpToolsProtocol`` with the head limits above (built lazily: uvicorn is imported only to serve)."""
    import httptools
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class LimitedHttpToolsProtocol(HttpToolsProtocol):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._refused = False
            self._in_head = True
            self._head_bytes = 0  # bytes received since the current request began (while its head is read)
            self._field_bytes = 0
            self._fields = 0
            self._head_timer: asyncio.TimerHandle | None = None

        # -- the head timer
        def _arm(self) -> None:
            self._disarm()
            self._head_timer = self.loop.call_later(head_timeout, self._head_timeout)

        def _disarm(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _head_timeout(self) -> None:
            self._head_timer = None
            if not self._in_head or self.transport.is_closing():
                return
            if self._head_bytes:
                self._refuse(408, f"the request head was not complete within {head_timeout:g} s")
            else:  # a connection that never sent a byte
                self._refused = True
                self.transport.close()

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _refuse(self, status: int, message: str) -> None:
            self._refused = True
            self._disarm()
            body = (message + "\n").encode()
            self.transport.write(
                b"HTTP/1.1 %d %s\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: %d\r\n"
                b"connection: close\r\n\r\n" % (status, _REASONS[status], len(body)) + body
            )
            self.transport.close()

        # -- bytes as they arrive
        def data_received(self, data: bytes) -> None:
            if self._refused:
                return
            self._unset_keepalive_if_required()
            if self._in_head:
                if not self._head_bytes:
                    self._arm()  # the head timer runs from the first byte of a request
                self._head_bytes += len(data)
            try:
                self.parser.feed_data(data)
            except httptools.HttpParserUpgrade:
                if self._should_upgrade():
                    self.handle_websocket_upgrade()
                else:
                    self._unsupported_upgrade_warning()
            except httptools.HttpParserError:
                if self._refused:
                    return
                msg = "Invalid HTTP request received."
                self.logger.warning(msg)
                self.send_400_response(msg)
                return
            if not self._refused and self._in_head and self._head_bytes > MAX_HEAD_BYTES + MAX_REQUEST_LINE:
                self._refuse(431, f"request head over {MAX_HEAD_BYTES:,} bytes")

        # -- parser callbacks
        def on_message_begin(self) -> None:
            self._field_bytes = 0
            self._fields = 0
            super().on_message_begin()

        def on_url(self, url: bytes) -> None:
            super().on_url(url)
            if len(self.url) > MAX_REQUEST_LINE:
                self._refuse(414, f"request target over {MAX_REQUEST_LINE:,} bytes")
                raise _Refused

        def on_header(self, name: bytes, value: bytes) -> None:
            self._fields += 1
            self._field_bytes += len(name) + len(value) + 4
            if self._fields > MAX_HEADERS or self._field_bytes > MAX_HEAD_BYTES:
                self._refuse(431, f"more than {MAX_HEADERS} header fields or {MAX_HEAD_BYTES:,} bytes of them")
                raise _Refused
            super().on_header(name, value)

        def on_headers_complete(self) -> None:
            self._in_head = False
            self._disarm()
            super().on_headers_complete()

        def on_body(self, body: bytes) -> None:
            if not self._refused:
                super().on_body(body)

        def on_message_complete(self) -> None:
            if self._refused:
                return
            super().on_message_complete()
            self._in_head = True
            self._head_bytes = 0

    return LimitedHttpToolsProtocol


class BodyLimit:
    """ASGI: a request body over ``limit`` bytes is refused with 413, whether its Content-Length says so (before
    anything is read) or it is streamed (when the app reads past the limit)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        from fastapi import HTTPException

        from strikewatch.web.deps import error

        message = f"request body too large (limit {self.limit / 1048576:g} MB)"
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.strip().isdigit() or int(declared) > self.limit):
            await error(413, message)(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise HTTPException(413, message)
            return msg

        await self.app(scope, limited, send)
