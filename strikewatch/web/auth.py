"""Reviewers: argon2 password hashes, signed session cookies with expiry, CSRF tokens, login rate limit.

A session cookie is ``itsdangerous``-signed JSON ``{"u": user id, "c": csrf token}``; it is HttpOnly and
SameSite=Strict, and every state-changing request must also carry the session's CSRF token (a form field
``csrf_token`` or the ``X-CSRF-Token`` header). The user row is re-read on every request, so disabling a user
ends their sessions at once.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from strikewatch.db.tables import User
from strikewatch.errors import UserError

ROLES: tuple[str, ...] = ("reviewer", "admin")
SESSION_COOKIE = "sw_session"
PRELOGIN_COOKIE = "sw_prelogin"
SESSION_MAX_AGE = 8 * 3600  # seconds
MIN_PASSWORD = 8

_hasher = PasswordHasher()
# Verifying against this keeps the time of an unknown-user login like that of a known one.
_DUMMY_HASH = _hasher.hash("not-a-password-" + secrets.token_hex(8))


@dataclass(frozen=True, slots=True)
class CurrentUser:
    id: int
    name: str
    role: str
    csrf: str


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def add_user(session: Session, name: str, password: str, role: str = "reviewer") -> User:
    """Create a user (raises UserError for a bad name, role, short password or an existing name)."""
    name = name.strip()
    if not name or len(name) > 128 or any(c.isspace() for c in name):
        raise UserError("user name must be 1-128 characters without spaces")
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise UserError(f"password must be at least {MIN_PASSWORD} characters")
    if session.scalar(select(User.id).where(User.name == name)) is not None:
        raise UserError(f"user {name!r} already exists")
    user = User(name=name, role=role, password_hash=hash_password(password), created_at=dt.datetime.now(dt.UTC),
                disabled=False)
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, name: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.name == name))
    if user is None or user.disabled:
        verify_password(_DUMMY_HASH, password)
        return None
    if not verify_password(user.password_hash, password):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


class Sessions:
    """Signs and reads session and pre-login cookies."""

    def __init__(self, secret: str, max_age: int = SESSION_MAX_AGE) -> None:
        self.max_age = max_age
        self._session = URLSafeTimedSerializer(secret, salt="strikewatch-session")
        self._prelogin = URLSafeTimedSerializer(secret, salt="strikewatch-prelogin")

    def issue(self, user: User) -> tuple[str, str]:
        """(cookie value, csrf token) for a freshly signed-in user."""
        csrf = secrets.token_urlsafe(24)
        return self._session.dumps({"u": user.id, "c": csrf}), csrf

    def read(self, cookie: str | None, session: Session) -> CurrentUser | None:
        if not cookie:
            return None
        try:
            data = self._session.loads(cookie, max_age=self.max_age)
        except BadSignature:  # also SignatureExpired
            return None
        if not isinstance(data, dict) or not isinstance(data.get("u"), int) or not isinstance(data.get("c"), str):
            return None
        user = session.get(User, data["u"])
        if user is None or user.disabled:
            return None
        return CurrentUser(id=user.id, name=user.name, role=user.role, csrf=data["c"])

    def prelogin_token(self) -> tuple[str, str]:
        """(cookie value, form token) protecting the login form itself."""
        token = secrets.token_urlsafe(24)
        return self._prelogin.dumps(token), token

    def check_prelogin(self, cookie: str | None, token: str | None) -> bool:
        if not cookie or not token:
            return False
        try:
            expected = self._prelogin.loads(cookie, max_age=3600)
        except BadSignature:
            return False
        return isinstance(expected, str) and hmac.compare_digest(expected, token)


def csrf_ok(user: CurrentUser, token: str | None) -> bool:
    return bool(token) and hmac.compare_digest(user.csrf, token or "")


class RateLimiter:
    """At most ``limit`` failed logins per ``window`` seconds per key (client address, user name)."""

    def __init__(self, limit: int = 5, window: float = 300.0) -> None:
        self.limit = limit
        self.window = window
        self._fails: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._fails.setdefault(key, deque())
        while q and now - q[0] > self.window:
            q.popleft()
        return q

    def retry_after(self, *keys: str) -> int:
        """Seconds until another attempt is allowed (0: allowed now)."""
        now = time.monotonic()
        wait = 0.0
        with self._lock:
            for k in keys:
                q = self._recent(k, now)
                if len(q) >= self.limit:
                    wait = max(wait, self.window - (now - q[0]))
        return int(wait) + (1 if wait else 0)

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for k in keys:
                self._recent(k, now).append(now)
            if len(self._fails) > 10_000:  # forget idle keys
                for k in [k for k, q in self._fails.items() if not q or now - q[-1] > self.window]:
                    del self._fails[k]

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for k in keys:
                self._fails.pop(k, None)
