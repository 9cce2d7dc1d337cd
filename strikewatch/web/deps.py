"""Request-scoped helpers shared by the API and the pages: database session, signed-in user, JSON errors."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from strikewatch.db import session_scope
from strikewatch.web.auth import SESSION_COOKIE, CurrentUser, Sessions, csrf_ok


def get_db(request: Request) -> Iterator[Session]:
    with session_scope(request.app.state.engine) as session:
        yield session


def current_user(request: Request, session: Session) -> CurrentUser | None:
    sessions: Sessions = request.app.state.sessions
    return sessions.read(request.cookies.get(SESSION_COOKIE), session)


def require_reviewer(request: Request, session: Session, csrf_token: str | None) -> CurrentUser:
    """The signed-in reviewer (401 when anonymous, 403 for a wrong role or a missing/wrong CSRF token)."""
    user = current_user(request, session)
    if user is None:
        raise HTTPException(401, "sign in as a reviewer first (POST /api/session or the /login page)")
    if user.role not in ("reviewer", "admin"):
        raise HTTPException(403, "this account may not review")
    if not csrf_ok(user, csrf_token):
        raise HTTPException(403, "missing or wrong CSRF token (send the X-CSRF-Token header or csrf_token field)")
    return user


def _default(o: Any) -> Any:
    if isinstance(o, dt.datetime | dt.date):
        return o.isoformat()
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=_default).encode()


class JSONBytes(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return dumps(content)


def error(status: int, message: str, **extra: Any) -> JSONBytes:
    return JSONBytes({"error": message, "status": status, **extra}, status_code=status)
