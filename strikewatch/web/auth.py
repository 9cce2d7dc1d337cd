"""Reviewers: argon2 password hashes, revocable sessions with expiry, CSRF tokens, a sign-in throttle.

A session is a row of ``user_sessions`` named by the sha256 of a random token; the cookie is the
``itsdangerous``-signed token, HttpOnly and SameSite=Strict. Every request re-reads the session row and the user:
signing out deletes the row (a replayed old cookie is anonymous), a password change (``user passwd``) or a disabled
account deletes all of the user's rows, and an expired row is refused whatever the browser keeps. Every
state-changing request must also carry the session's CSRF token (a form field ``csrf_token`` or the
``X-CSRF-Token`` header).

Sign-in attempts are throttled per client and per account with backoff (:class:`RateLimiter`), never locked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from strikewatch.db.tables import User, UserSession
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
    session_id: str = ""  # the user_sessions row this request is signed in with


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


def set_password(session: Session, name: str, password: str) -> User:
    """Change a user's password and end every session of theirs (raises UserError)."""
    if len(password) < MIN_PASSWORD:
        raise UserError(f"password must be at least {MIN_PASSWORD} characters")
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise UserError(f"no user {name!r}")
    user.password_hash = hash_password(password)
    revoke_all(session, user.id)
    return user


def revoke_all(session: Session, user_id: int) -> int:
    """End every session of a user; returns how many there were."""
    ids = list(session.scalars(select(UserSession.id).where(UserSession.user_id == user_id)))
    if ids:
        session.execute(delete(UserSession).where(UserSession.user_id == user_id))
    return len(ids)


def _token_id(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _aware(t: dt.datetime) -> dt.datetime:
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)  # SQLite gives back naive UTC


class Sessions:
    """Issues, reads and revokes sessions (rows of ``user_sessions`` behind signed cookies) and pre-login tokens."""

    def __init__(self, secret: str, max_age: int = SESSION_MAX_AGE) -> None:
        self.max_age = max_age
        self._session = URLSafeTimedSerializer(secret, salt="strikewatch-session")
        self._prelogin = URLSafeTimedSerializer(secret, salt="strikewatch-prelogin")

    def issue(self, user: User, db: Session) -> tuple[str, str]:
        """(cookie value, csrf token) for a freshly signed-in user: a new session row. Expired rows are removed."""
        now = dt.datetime.now(dt.UTC)
        db.execute(delete(UserSession).where(UserSession.expires_at < now))
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
        db.add(UserSession(id=_token_id(token), user_id=user.id, csrf=csrf, created_at=now,
                           expires_at=now + dt.timedelta(seconds=self.max_age)))
        db.flush()
        return self._session.dumps({"s": token}), csrf

    def _row(self, cookie: str | None, db: Session) -> UserSession | None:
        if not cookie:
            return None
        try:
            data = self._session.loads(cookie, max_age=self.max_age)
        except BadSignature:  # also SignatureExpired
            return None
        if not isinstance(data, dict) or not isinstance(data.get("s"), str):
            return None  # also a cookie signed before sessions were revocable
        row = db.get(UserSession, _token_id(data["s"]))
        if row is None or _aware(row.expires_at) <= dt.datetime.now(dt.UTC):
            return None
        return row

    def read(self, cookie: str | None, db: Session) -> CurrentUser | None:
        row = self._row(cookie, db)
        if row is None:
            return None
        user = db.get(User, row.user_id)
        if user is None or user.disabled:
            return None
        return CurrentUser(id=user.id, name=user.name, role=user.role, csrf=row.csrf, session_id=row.id)

    def revoke(self, user: CurrentUser, db: Session) -> None:
        """End the session ``user`` is signed in with (sign-out)."""
        if user.session_id:
            db.execute(delete(UserSession).where(UserSession.id == user.session_id))

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


@dataclass(slots=True)
class _Fails:
    n: int = 0
    last: float = 0.0


class RateLimiter:
    """The sign-in throttle: backoff per client and per (client, account); an account is never locked.

    Each client (address) and each (client, account) pair remembers its failed sign-ins until ``window`` seconds
    pass without one. After ``limit`` failures, the next attempt must wait 1 s after the last failure, then 2, 4,
    8 ... up to ``max_wait`` (the right password too: the client cannot tell which attempt will be let through).
    Failures from other clients never make a client wait that has not failed itself: the real reviewer signs in
    while someone else guesses. While others are guessing at an account (``limit`` failures or more from other
    clients), a client that has failed on it waits after its very first failure (1, 2, 4 ... s, up to
    ``max_wait``), so guessing from many addresses stays slow."""

    def __init__(self, limit: int = 5, window: float = 900.0, max_wait: float = 300.0) -> None:
        self.limit = limit
        self.window = window
        self.max_wait = max_wait
        self._fails: dict[str, _Fails] = {}
        self._lock = threading.Lock()

    def _get(self, key: str, now: float) -> _Fails:
        f = self._fails.get(key)
        if f is None or now - f.last > self.window:
            return _Fails()
        return f

    def _wait(self, f: _Fails, free: int, now: float) -> float:
        if f.n < max(free, 1):
            return 0.0
        return max(0.0, f.last + min(self.max_wait, 2.0 ** (f.n - max(free, 1))) - now)

    def retry_after(self, client: str, account: str) -> int:
        """Seconds until ``client`` may try ``account`` again (0: now)."""
        now = time.monotonic()
        with self._lock:
            pair = self._get(f"p:{client}\0{account}", now)
            waits = [self._wait(self._get("c:" + client, now), self.limit, now), self._wait(pair, self.limit, now)]
            if self._get("a:" + account, now).n - pair.n >= self.limit:  # others are guessing at this account
                waits.append(self._wait(pair, 1, now))
        wait = max(waits)
        return int(wait) + (1 if wait > int(wait) else 0)

    def failed(self, client: str, account: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in ("c:" + client, "a:" + account, f"p:{client}\0{account}"):
                f = self._get(key, now)
                self._fails[key] = _Fails(f.n + 1, now)
            if len(self._fails) > 50_000:  # forget idle keys
                for k in [k for k, f in self._fails.items() if now - f.last > self.window]:
                    del self._fails[k]

    def succeeded(self, client: str, account: str) -> None:
        with self._lock:
            self._fails.pop(f"p:{client}\0{account}", None)
