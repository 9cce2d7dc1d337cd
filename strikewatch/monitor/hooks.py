"""Webhooks: the change log POSTed as signed JSON to the urls the operator configured, and only there.

Each hook keeps a cursor (the last change id it has received). ``deliver`` sends the changes after it, at most
``batch`` per request, in id order; a 2xx answer moves the cursor, anything else (an error status, a redirect —
redirects are never followed: the body goes to the configured url or nowhere —, a timeout) is logged in
``hook_deliveries`` and retried later with exponential backoff and jitter. Delivery is at least once: a crash
between the receiver's answer and the cursor's commit sends the same changes again, so receivers deduplicate by
change id (``X-Strikewatch-Delivery`` names the range).

Signature: ``X-Strikewatch-Signature: sha256=<hex HMAC-SHA256 of the raw body with the hook's secret>``; the body
carries ``sent_at`` so that a receiver can refuse old replays.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import random
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from strikewatch.db.engine import session_scope
from strikewatch.db.tables import Hook, HookDelivery
from strikewatch.errors import UserError
from strikewatch.merge.changes import latest_id, list_changes
from strikewatch.monitor.sources import aware, now

if TYPE_CHECKING:
    import httpx

SIGNATURE_HEADER = "X-Strikewatch-Signature"
DELIVERY_HEADER = "X-Strikewatch-Delivery"
BATCH = 100
BACKOFF_BASE = 30.0  # seconds before the first retry; doubles per failure
BACKOFF_CAP = 3600.0
TIMEOUT = 10.0
USER_AGENT = "strikewatch-webhooks/0.1"


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str | None) -> bool:
    """What a receiver does (documented in docs/monitor.md; used by the tests' receiver)."""
    return bool(header) and hmac.compare_digest(sign(secret, body), str(header))


def backoff(failures: int, *, base: float = BACKOFF_BASE, cap: float = BACKOFF_CAP,
            rng: random.Random | None = None) -> float:
    """Seconds to wait after ``failures`` failed attempts in a row: base·2^(n-1), capped, with full jitter in
    its upper half (so that many hooks failing together do not retry together)."""
    r = rng or random
    raw = min(cap, base * 2 ** max(0, failures - 1))
    return raw * r.uniform(0.5, 1.0)


def _check_url(url: str) -> str:
    from urllib.parse import urlsplit

    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UserError(f"{url!r}: a webhook url must be http(s)://host/...")
    if "@" in parts.netloc:
        raise UserError(f"{url!r}: put no user name or password in a webhook url (the secret signs the body)")
    return url


def add_hook(session: Session, url: str, secret: str, *, country: str | None = None, admin2: str | None = None,
             min_killed: int | None = None, from_start: bool = False) -> Hook:
    url = _check_url(url)
    if not secret or not secret.strip():
        raise UserError("--secret is required: the receiver checks each body's signature with it")
    if session.scalar(select(Hook).where(Hook.url == url)) is not None:
        raise UserError(f"a webhook to {url} exists already (`strikewatch hooks remove` it first)")
    filters: dict[str, Any] = {}
    if country:
        c = country.strip().upper()
        if len(c) != 2 or not c.isalpha():
            raise UserError(f"--country {country!r}: a two-letter code such as PK")
        filters["country"] = c
    if admin2:
        filters["admin2"] = admin2.strip()
    if min_killed is not None:
        filters["min_killed"] = int(min_killed)
    row = Hook(url=url, secret=secret, added_at=now(), cursor=0 if from_start else latest_id(session),
               filters=filters, failures=0)
    session.add(row)
    session.flush()
    return row


def find_hook(session: Session, ref: str) -> Hook:
    ref = ref.strip()
    row = session.get(Hook, int(ref)) if ref.isdigit() else session.scalar(select(Hook).where(Hook.url == ref))
    if row is None:
        raise UserError(f"no webhook {ref!r} (see `strikewatch hooks list`)")
    return row


def hook_dict(row: Hook) -> dict[str, Any]:
    def iso(t: dt.datetime | None) -> str | None:
        t = aware(t)
        return t.isoformat(timespec="seconds") if t else None

    return {"id": row.id, "url": row.url, "filters": dict(row.filters or {}), "cursor": row.cursor,
            "failures": row.failures, "next_attempt_at": iso(row.next_attempt_at), "last_ok_at": iso(row.last_ok_at),
            "last_error": row.last_error, "added_at": iso(row.added_at)}


def list_hooks(session: Session) -> list[dict[str, Any]]:
    return [hook_dict(h) for h in session.scalars(select(Hook).order_by(Hook.id))]


def delivery_log(session: Session, hook_id: int | None = None, limit: int = 50) -> list[dict[str, Any]]:
    stmt = select(HookDelivery).order_by(HookDelivery.id.desc()).limit(limit)
    if hook_id is not None:
        stmt = stmt.where(HookDelivery.hook_id == hook_id)
    return [{"id": d.id, "hook": d.hook_id, "at": (aware(d.at) or d.at).isoformat(timespec="seconds"),
             "changes": [d.first_change, d.last_change], "n": d.n_changes, "attempt": d.attempt,
             "status": d.status_code, "ok": d.ok, "error": d.error, "ms": d.ms}
            for d in session.scalars(stmt)]


@dataclass(slots=True)
class DeliveryReport:
    sent: int = 0  # changes delivered
    requests: int = 0
    failed: list[str] = field(default_factory=list)  # "hook N: why"
    waiting: int = 0  # hooks in backoff


def _client(timeout: float) -> httpx.Client:
    import httpx

    return httpx.Client(follow_redirects=False, trust_env=False, timeout=httpx.Timeout(timeout),
                        headers={"User-Agent": USER_AGENT})


def payload(hook_id: int, changes: list[dict[str, Any]], sent_at: dt.datetime) -> bytes:
    body = {"hook": hook_id, "sent_at": sent_at.isoformat(timespec="seconds"),
            "first": changes[0]["id"], "last": changes[-1]["id"], "changes": changes}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def deliver(engine: Engine, *, batch: int = BATCH, timeout: float = TIMEOUT, max_requests: int = 20,
            client: httpx.Client | None = None, base_url: str | None = None,
            backoff_base: float = BACKOFF_BASE) -> DeliveryReport:
    """Send every hook that is due the changes it has not had; returns what happened."""
    report = DeliveryReport()
    own = client is None
    http = client or _client(timeout)
    try:
        with session_scope(engine) as session:
            hooks = [(h.id, h.url, h.secret, dict(h.filters or {}), aware(h.next_attempt_at), h.failures)
                     for h in session.scalars(select(Hook).order_by(Hook.id))]
        for hook_id, url, secret, filters, next_at, failures in hooks:
            if next_at is not None and next_at > now():
                report.waiting += 1
                continue
            for _ in range(max_requests):
                more, failures = _deliver_one(engine, hook_id, url, secret, filters, failures, batch, http,
                                              report, base_url, backoff_base)
                if not more:
                    break
    finally:
        if own:
            http.close()
    return report


def _deliver_one(engine: Engine, hook_id: int, url: str, secret: str, filters: dict[str, Any], failures: int,
                 batch: int, http: httpx.Client, report: DeliveryReport, base_url: str | None,
                 backoff_base: float = BACKOFF_BASE) -> tuple[bool, int]:
    """One request (or a cursor move past changes the filters leave out). (more to send?, failures now)."""
    import httpx

    with session_scope(engine) as session:
        hook = session.get(Hook, hook_id)
        if hook is None:
            return False, failures
        upto = latest_id(session)
        if hook.cursor >= upto:
            return False, failures
        changes = [c for c in list_changes(session, since=hook.cursor, limit=batch,
                                           country=filters.get("country"), admin2=filters.get("admin2"),
                                           min_killed=filters.get("min_killed"))
                   if c["id"] <= upto]
        if not changes:  # nothing these filters want up to the newest change
            hook.cursor = upto
            return False, failures
        full = len(changes) >= batch
        new_cursor = changes[-1]["id"] if full else upto
    if base_url:
        for c in changes:
            c["url"] = f"{base_url.rstrip('/')}/strikes/{c['strike_id']}"
    sent_at = now()
    body = payload(hook_id, changes, sent_at)
    headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(secret, body),
               DELIVERY_HEADER: f"{hook_id}:{changes[0]['id']}-{changes[-1]['id']}"}
    t0 = time.perf_counter()
    status: int | None = None
    error: str | None = None
    try:
        resp = http.post(url, content=body, headers=headers)
        status = resp.status_code
        if 300 <= status < 400:
            error = f"HTTP {status}: redirects are not followed (the body goes only to the configured url)"
        elif not 200 <= status < 300:
            error = f"HTTP {status}"
    except httpx.TimeoutException:
        error = "timed out"
    except httpx.HTTPError as exc:
        error = f"unreachable: {str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}"
    ms = (time.perf_counter() - t0) * 1000
    report.requests += 1
    with session_scope(engine) as session:
        hook = session.get(Hook, hook_id)
        if hook is None:
            return False, failures
        attempt = hook.failures + 1
        session.add(HookDelivery(hook_id=hook_id, at=sent_at, first_change=changes[0]["id"],
                                 last_change=changes[-1]["id"], n_changes=len(changes), attempt=attempt,
                                 status_code=status, ok=error is None, error=error, ms=round(ms, 1)))
        if error is None:
            hook.cursor = max(hook.cursor, new_cursor)
            hook.failures = 0
            hook.next_attempt_at = None
            hook.last_ok_at = sent_at
            hook.last_error = None
            report.sent += len(changes)
            return full, 0
        hook.failures = attempt
        hook.last_error = error
        wait = backoff(attempt, base=backoff_base)
        hook.next_attempt_at = sent_at + dt.timedelta(seconds=wait)
        report.failed.append(f"hook {hook_id} ({url}): {error}; retry in {wait:.0f} s")
        return False, attempt
