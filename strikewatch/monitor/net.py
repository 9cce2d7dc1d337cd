"""The watcher's network side. Every request goes through the one fetch policy (``strikewatch.ingest.fetch``):
source urls as the operator named them, links found inside a source only to public addresses or the source's
own host (or ``--allow-host``). The watcher's own limits are given to that policy — one request at a time per
host, a timeout per url, a size cap — and on top of it this module adds what belongs to polling: conditional GET
(ETag, Last-Modified), retries of transient failures (timeouts, unreachable hosts, 408/425/429/5xx) with
exponential backoff and jitter (a server's Retry-After is honoured up to the cap), and robots.txt for pages.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from strikewatch.ingest.fetch import USER_AGENT, Blocked, FetchError, FetchPolicy, fetch

if TYPE_CHECKING:
    from strikewatch.ingest.fetch import Fetched

TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
ROBOTS_AGENT = "strikewatch"  # the product token robots.txt rules name
ROBOTS_TYPES = ("text/", "application/octet-stream")


@dataclass(frozen=True, slots=True)
class NetOptions:
    timeout: float = 30.0  # network time per url (all redirect hops and the body)
    max_bytes: int = 20 * 1024 * 1024
    allow: tuple[str, ...] = ()  # --allow-host values
    overall: int = 16  # requests at once in all
    retries: int = 2  # further attempts after a transient failure
    retry_base: float = 1.0  # seconds before the first retry; doubles each time
    retry_cap: float = 30.0
    robots: bool = True
    robots_ttl: float = 3600.0  # seconds a host's robots.txt is trusted
    robots_retry: float = 300.0  # after robots.txt could not be read (5xx, network): pages wait this long


def transient(exc: FetchError) -> bool:
    """Worth trying again soon: a timeout, an unreachable host, or a server's temporary refusal."""
    if isinstance(exc, Blocked):
        return False
    status = getattr(exc, "status", None)
    if status is not None:
        return status in TRANSIENT_STATUS
    msg = str(exc)
    return msg.startswith(("timed out", "unreachable"))


def jittered(base: float, attempt: int, cap: float, rng: random.Random) -> float:
    """base·2^attempt, capped, with jitter over its upper half."""
    return min(cap, base * (2**attempt)) * rng.uniform(0.5, 1.0)


class Net:
    """Fetching for one watcher (thread-safe: poll threads share it, and through it one per-host limit)."""

    def __init__(self, opts: NetOptions, stop: threading.Event | None = None) -> None:
        self.opts = opts
        self.stop = stop or threading.Event()
        self.policy = FetchPolicy(allow=opts.allow, max_bytes=opts.max_bytes, timeout=opts.timeout, per_host=1,
                                  overall=opts.overall)
        self.policy.allowances()  # a bad --allow-host value fails here, once
        self.rng = random.Random()
        self._robots: dict[str, tuple[float, RobotFileParser | bool | None]] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self.requests = 0
        self.retried = 0

    def get(self, url: str, *, named: bool, listed_by: str | None = None, etag: str | None = None,
            last_modified: str | None = None, accept: tuple[str, ...] | None = None) -> Fetched:
        """GET with retries; a 304 (when validators were sent) comes back as ``Fetched.status == 304``.
        Raises ``FetchError`` once retries are spent, at once for a permanent failure or a policy refusal."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            with self._lock:
                self.requests += 1
            try:
                return fetch(url, named=named, listed_by=listed_by, policy=self.policy, accept=accept,
                             headers=headers or None)
            except FetchError as exc:
                if not transient(exc) or attempt >= self.opts.retries or self.stop.is_set():
                    raise
                wait = jittered(self.opts.retry_base, attempt, self.opts.retry_cap, self.rng)
                after = getattr(exc, "retry_after", None)
                if after is not None:
                    wait = min(self.opts.retry_cap, max(wait, float(after)))
                with self._lock:
                    self.retried += 1
                if self.stop.wait(wait):
                    raise
                attempt += 1

    # --- robots.txt ------------------------------------------------------------------------------------------
    def robots(self, url: str, listed_by: str | None) -> bool | None:
        """May this page be fetched? True/False, or None when the host's robots.txt could not be read just now
        (the page waits for a later poll). ``listed_by``: the source the page was found in (robots.txt is
        fetched under the same policy as the page: None for a page the operator named)."""
        if not self.opts.robots:
            return True
        parts = urlsplit(url)
        origin = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one robots.txt request per host at a time, however many pages wait for it
            cached = self._robots.get(origin)
            now = time.monotonic()
            if cached is None or cached[0] < now:
                cached = self._read_robots(origin, url if listed_by is None else listed_by, listed_by is None)
                self._robots[origin] = cached
        rule = cached[1]
        if rule is None or isinstance(rule, bool):
            return rule
        return rule.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, origin: str, listed_by: str, named: bool) -> tuple[float, RobotFileParser | bool | None]:
        now = time.monotonic()
        try:
            got = self.get(origin + "/robots.txt", named=named, listed_by=None if named else listed_by,
                           accept=ROBOTS_TYPES)
        except Blocked:
            # a robots.txt of a type it should not have: none to obey; a host the policy refuses: its pages are
            # refused by the same policy when they are fetched
            return now + self.opts.robots_ttl, True
        except FetchError as exc:
            status = getattr(exc, "status", None)
            if status in (401, 403):
                return now + self.opts.robots_ttl, False  # the site refuses robots: take it as "disallow all"
            if status is not None and 400 <= status < 500:
                return now + self.opts.robots_ttl, True  # no robots.txt: everything allowed
            return now + self.opts.robots_retry, None  # unreachable or 5xx: the pages wait, nothing is guessed
        parser = RobotFileParser()
        parser.parse(got.data.decode("utf-8", "replace").splitlines())
        return now + self.opts.robots_ttl, parser

    def user_agent(self) -> str:
        return USER_AGENT
