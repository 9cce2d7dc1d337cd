"""``strikewatch watch``: poll every source when it is due, store what is new, update the strike records, tell
the webhooks.

One process (``--workers N`` adds extraction processes). A scheduler thread hands due sources to poll threads
(``polls`` at once); all their requests go through one ``Net`` (the fetch policy with one request per host at a
time). A poll:

1. fetches the source with its validators (ETag, Last-Modified): a 304, or the same bytes as last time, is
   "unchanged" and costs one request;
2. lists its items with keys (``items``) and keeps those this source has not handled (``source_items``);
3. reads each new item — a feed item's own text, or its linked page when it is a teaser (a link found in the
   source: public addresses or the source's own host only; robots.txt honoured), a sitemap's page, a folder's
   file — extracts it and stores it through the ingest path (``BatchWriter``: raw bytes, article, extraction,
   merge queue) *in the same transaction* as the item's ``source_items`` row, in small batches;
4. saves the source's validators and health only when every item was handled: a poll cut short (a crash,
   SIGTERM, an item whose page timed out) leaves them unsaved, so the next poll reads the source again and
   picks up exactly the items not yet handled.

Every few seconds while articles arrive, and at the end, the scheduler runs the incremental strike update
(``flush_merge_queue``: merge + change log in one transaction) and then the webhooks. A killed watcher leaves
whole batches (articles with their items) and a merge queue; the next start finishes both. SIGTERM (or Ctrl-C)
lets every poll finish the item it is on, updates the strikes, and exits.

Failures: transient ones are retried inside the poll (``Net``: backoff with jitter); a poll that still fails
waits interval·2^(n-1) (capped, jittered) before the next; after ``open_after`` failed polls in a row the
source's circuit opens: it is *paused* until then, with the reason shown in ``sources list`` and ``/sources``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from strikewatch.db.engine import session_scope
from strikewatch.db.tables import Source, SourceItem
from strikewatch.errors import UserError
from strikewatch.ingest.fetch import PAGE_TYPES, FetchError
from strikewatch.ingest.read import ReadOptions, Rejected
from strikewatch.monitor.items import (
    Candidate,
    feed_candidates,
    folder_candidates,
    folder_input,
    page_key,
    sitemap_candidates,
    sitemap_entries,
    sniff_source,
)
from strikewatch.monitor.net import Net, NetOptions, transient
from strikewatch.monitor.sources import aware, now
from strikewatch.schema import ArticleIn

if TYPE_CHECKING:
    from strikewatch.scale.writer import Outcome
    from strikewatch.store.articles import PreparedArticle

MAX_ITEM_ATTEMPTS = 3  # an item whose page keeps failing is given up after this many polls
BATCH = 100  # articles per write transaction within a poll
BATCH_SECONDS = 2.0  # ... or fewer, when reading them takes this long


@dataclass(frozen=True, slots=True)
class WatchOptions:
    once: bool = False  # poll each due source once, then exit (for cron)
    workers: int | None = None  # extraction processes (the scaled ingest's worker pool)
    polls: int = 8  # sources polled at once
    net: NetOptions = field(default_factory=NetOptions)
    open_after: int = 5  # failed polls in a row that open a source's circuit
    max_backoff: float = 6 * 3600.0
    jitter: float = 0.05  # intervals vary by ±5 % so that sources added together drift apart
    tick: float = 1.0  # longest sleep of the scheduler
    merge_every: float = 2.0  # seconds between strike updates while articles arrive
    max_polls: int | None = None  # stop after this many polls (benchmarks)
    extract: bool = True
    hooks: bool = True
    hook_backoff: float = 30.0
    base_url: str | None = None  # public address of the web app, for links in webhook bodies


@dataclass(slots=True)
class PollResult:
    source_id: int
    label: str
    status: str = "unchanged"  # new|unchanged|error|stopped|gone
    new: int = 0  # articles stored
    present: int = 0  # already in the archive (another source had them, or a re-read page)
    rejected: int = 0
    waiting: int = 0  # items left for the next poll (a page that failed for now, robots.txt unreadable)
    items: int = 0  # items the source listed
    error: str | None = None
    seconds: float = 0.0
    article_ids: list[int] = field(default_factory=list)
    next_poll_at: dt.datetime | None = None
    failures: int = 0
    paused: bool = False
    how: str = ""  # "304", "same bytes", ...
    # what to save on the source when the poll succeeded: (etag, last_modified, body sha256, kind); None values
    # when the poll was cut short, so the next poll reads the source in full again
    validators: tuple[str | None, str | None, str | None, str] | None = None
    retry_after: float | None = None

    def line(self) -> str:
        """The log line of this poll."""
        nxt = self.next_poll_at.strftime("%H:%M:%S") if self.next_poll_at else "-"
        head = f"source {self.source_id} {self.label}:"
        if self.status == "error":
            state = f"paused (circuit open) until {nxt}" if self.paused else f"next poll {nxt}"
            return f"{head} error: {self.error} ({self.failures} failed in a row; {state}) [{self.seconds:.2f} s]"
        if self.status == "gone":
            return f"{head} removed while it was polled"
        if self.status == "unchanged" and not (self.new or self.present or self.rejected):
            return f"{head} unchanged{f' ({self.how})' if self.how else ''}; next poll {nxt} [{self.seconds:.2f} s]"
        parts = [f"{self.new} new"]
        if self.present:
            parts.append(f"{self.present} already stored")
        if self.rejected:
            parts.append(f"{self.rejected} rejected")
        if self.waiting:
            parts.append(f"{self.waiting} left for the next poll")
        tail = "stopped (SIGTERM): the rest at the next start" if self.status == "stopped" else f"next poll {nxt}"
        return f"{head} {', '.join(parts)} of {self.items} items; {tail} [{self.seconds:.2f} s]"


@dataclass(slots=True)
class WatchSummary:
    polls: int = 0
    new: int = 0
    errors: int = 0
    merges: int = 0
    hook_changes: int = 0
    merge_errors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Snapshot:
    """The source's row as the poll thread needs it (no ORM object crosses threads)."""

    id: int
    url: str
    name: str | None
    kind: str
    every_s: int
    etag: str | None
    last_modified: str | None
    body_sha256: str | None
    failures: int

    @property
    def label(self) -> str:
        return f"({self.name})" if self.name else f"({self.url})"


# --- one watcher per database ----------------------------------------------------------------------------------

_PG_WATCH_LOCK = 0x5357_5754  # "SWWT"


@contextmanager
def single_watcher(engine: Engine) -> Iterator[None]:
    """Refuse a second watcher on the same database: two would poll the same sources twice as often and race
    on their items. The lock dies with the process (kill -9 included): a file lock next to a SQLite database,
    a session advisory lock on PostgreSQL."""
    if engine.dialect.name == "postgresql":
        from sqlalchemy import text

        conn = engine.connect()
        try:
            got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _PG_WATCH_LOCK}).scalar()
            conn.commit()
            if not got:
                raise UserError("another `strikewatch watch` is running on this database")
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_WATCH_LOCK})
                conn.commit()
        finally:
            conn.close()
        return
    path = engine.url.database
    if engine.dialect.name != "sqlite" or not path or path == ":memory:":
        yield
        return
    import fcntl

    fd = os.open(path + ".watch-lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UserError(f"another `strikewatch watch` is running on {path}") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)


# --- the watcher -----------------------------------------------------------------------------------------------


class Watcher:
    def __init__(self, engine: Engine, opts: WatchOptions | None = None,
                 on_poll: Callable[[PollResult], None] | None = None,
                 on_event: Callable[[str], None] | None = None) -> None:
        self.engine = engine
        self.opts = opts or WatchOptions()
        self.stop = threading.Event()
        self.net = Net(self.opts.net, self.stop)
        self.read_opts = ReadOptions(max_bytes=self.opts.net.max_bytes, timeout=self.opts.net.timeout,
                                     allow_hosts=self.opts.net.allow)
        self.on_poll = on_poll or (lambda r: None)
        self.on_event = on_event or (lambda m: None)
        self.rng = random.Random()
        self.summary = WatchSummary()
        self._pool: Any = None
        self._lock = threading.Lock()
        self._pending_articles: list[int] = []
        self._polling: set[int] = set()

    # ------------------------------------------------------------------ the scheduler
    def run(self) -> WatchSummary:
        """Poll until stopped (SIGTERM/SIGINT), or once with ``once``. Returns what happened."""
        with single_watcher(self.engine):
            self._install_signals()
            if self.opts.workers:
                from strikewatch.scale.runner import LocalBackend

                self._pool = LocalBackend(self.opts.workers, self.read_opts, self.opts.extract)
            try:
                self._loop()
            finally:
                self._flush(final=True)
                if self._pool is not None:
                    self._pool.close()
                from strikewatch.ingest.fetch import close_clients

                close_clients()
        return self.summary

    def request_stop(self) -> None:
        self.stop.set()

    def _install_signals(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return

        def handler(signum: int, _frame: Any) -> None:
            if not self.stop.is_set():
                self.on_event(f"{signal.Signals(signum).name}: finishing the items being read, then stopping")
            self.stop.set()

        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)

    def _loop(self) -> None:
        opts = self.opts
        futures: dict[Future[PollResult], int] = {}
        last_flush = time.monotonic()
        once_ids: list[int] | None = self._due_ids(slack=True) if opts.once else None
        started = 0
        with ThreadPoolExecutor(max_workers=opts.polls, thread_name_prefix="strikewatch-poll") as pool:
            while True:
                room = opts.polls - len(futures)
                if not self.stop.is_set() and room > 0 and (opts.max_polls is None or started < opts.max_polls):
                    if once_ids is not None:
                        take, once_ids = once_ids[:room], once_ids[room:]
                        snaps = self._snapshots(take)
                    else:
                        snaps = self._due(room if opts.max_polls is None else min(room, opts.max_polls - started))
                    for snap in snaps:
                        with self._lock:
                            self._polling.add(snap.id)
                        futures[pool.submit(self._poll_safely, snap)] = snap.id
                        started += 1
                for fut in [f for f in futures if f.done()]:
                    sid = futures.pop(fut)
                    with self._lock:
                        self._polling.discard(sid)
                    self._finished(fut.result())
                if self._pending_articles and (time.monotonic() - last_flush >= opts.merge_every or not futures):
                    self._flush()
                    last_flush = time.monotonic()
                finished_once = once_ids is not None and not once_ids
                limit_reached = opts.max_polls is not None and started >= opts.max_polls
                if not futures and (self.stop.is_set() or finished_once or limit_reached):
                    return
                timeout = opts.tick
                if not futures and not self.stop.is_set() and once_ids is None:
                    nxt = self._next_due_in()
                    if nxt is not None:
                        timeout = max(0.01, min(opts.tick, nxt))
                if futures:
                    wait_futures(list(futures), timeout=min(timeout, opts.merge_every), return_when="FIRST_COMPLETED")
                else:
                    self.stop.wait(timeout)

    def _finished(self, res: PollResult) -> None:
        self.summary.polls += 1
        self.summary.new += res.new
        if res.status == "error":
            self.summary.errors += 1
        if res.article_ids:
            with self._lock:
                self._pending_articles.extend(res.article_ids)
        self.on_poll(res)

    def _flush(self, final: bool = False) -> None:
        """The incremental strike update for the articles stored since the last one (and anything a killed run
        left queued), then the webhooks."""
        from strikewatch.ingest.pipeline import flush_merge_queue

        with self._lock:
            ids, self._pending_articles = self._pending_articles, []
        if ids or final:
            err = flush_merge_queue(self.engine, ids)
            self.summary.merges += 1
            if err:
                self.summary.merge_errors.append(err)
                self.on_event(err)
        if self.opts.hooks and (ids or final):
            from strikewatch.monitor.hooks import deliver

            try:
                rep = deliver(self.engine, base_url=self.opts.base_url, backoff_base=self.opts.hook_backoff)
            except Exception as exc:  # a webhook problem must never stop the watcher
                self.on_event(f"webhooks: unexpected {type(exc).__name__}: {exc}")
                return
            self.summary.hook_changes += rep.sent
            for f in rep.failed:
                self.on_event(f"webhook {f}")

    # ------------------------------------------------------------------ due sources
    _COLS = (Source.id, Source.url, Source.name, Source.kind, Source.every_s, Source.etag, Source.last_modified,
             Source.body_sha256, Source.failures)

    def _busy(self) -> list[int]:
        with self._lock:
            return sorted(self._polling)

    def _due(self, limit: int) -> list[_Snapshot]:
        if limit <= 0:
            return []
        with session_scope(self.engine) as s:
            stmt = select(*self._COLS).where(Source.next_poll_at <= now())
            busy = self._busy()
            if busy:
                stmt = stmt.where(Source.id.not_in(busy))
            rows = s.execute(stmt.order_by(Source.next_poll_at, Source.id).limit(limit)).all()
        return [_Snapshot(*r) for r in rows]

    def _due_ids(self, slack: bool) -> list[int]:
        """For ``--once``: sources due now, or within a tenth of their interval (cron runs drift)."""
        at = now()
        with session_scope(self.engine) as s:
            rows = s.execute(select(Source.id, Source.next_poll_at, Source.every_s).order_by(Source.id)).all()
        out = []
        for sid, nxt, every in rows:
            nxt = aware(nxt)
            if nxt is None or nxt <= at + dt.timedelta(seconds=every / 10 if slack else 0):
                out.append(sid)
        return out

    def _snapshots(self, ids: Sequence[int]) -> list[_Snapshot]:
        if not ids:
            return []
        with session_scope(self.engine) as s:
            rows = s.execute(select(*self._COLS).where(Source.id.in_(list(ids))).order_by(Source.id)).all()
        return [_Snapshot(*r) for r in rows]

    def _next_due_in(self) -> float | None:
        with session_scope(self.engine) as s:
            stmt = select(func.min(Source.next_poll_at))
            busy = self._busy()
            if busy:
                stmt = stmt.where(Source.id.not_in(busy))
            nxt = aware(s.scalar(stmt))
        return None if nxt is None else (nxt - now()).total_seconds()

    # ------------------------------------------------------------------ one poll
    def _poll_safely(self, snap: _Snapshot) -> PollResult:
        t0 = time.perf_counter()
        res = PollResult(snap.id, snap.label)
        try:
            self._poll(snap, res)
            ok = res.status != "error"
        except FetchError as exc:
            res.status, res.error, ok = "error", str(exc), False
            res.retry_after = getattr(exc, "retry_after", None)
        except Exception as exc:  # a bug or an odd source must not stop the watcher
            res.status, res.error, ok = "error", f"unexpected {type(exc).__name__}: {exc}", False
        res.seconds = time.perf_counter() - t0
        try:
            self._save_health(snap, res, ok)
        except Exception as exc:  # the database went away: say so, the next poll tries again
            res.status, res.error = "error", f"cannot record the poll: {type(exc).__name__}: {exc}"
        return res

    def _poll(self, snap: _Snapshot, res: PollResult) -> None:
        kind = snap.kind
        body_sha: str | None = None
        etag = last_modified = None
        if kind == "folder":
            if not os.path.isdir(snap.url):
                raise FetchError(f"folder {snap.url} is gone")
            cands = list(folder_candidates(snap.url))
        else:
            got = self.net.get(snap.url, named=True, etag=snap.etag, last_modified=snap.last_modified)
            etag, last_modified = got.etag, got.last_modified
            if got.status == 304:
                res.how = "304"
                res.validators = (etag or snap.etag, last_modified or snap.last_modified, snap.body_sha256, kind)
                return
            body_sha = hashlib.sha256(got.data).hexdigest()
            if body_sha == snap.body_sha256:
                res.how = "same bytes"
                res.validators = (etag, last_modified, body_sha, kind)
                return
            if kind == "auto":
                kind = sniff_source(got.data, got.content_type)
            if kind == "feed":
                cands, problem = feed_candidates(got.data, snap.url)
            elif kind == "sitemap":
                cands, problem = self._sitemap(snap, got.data)
            else:
                cands, problem = self._page(snap, got)
            if problem:
                raise FetchError(problem)
        res.items = len(cands)
        todo = self._unhandled(snap.id, cands)
        complete = self._read_and_store(snap, todo, res)
        res.validators = (etag, last_modified, body_sha, kind) if complete else (None, None, None, kind)
        res.status = "stopped" if self.stop.is_set() and not complete else ("new" if res.new else "unchanged")

    def _sitemap(self, snap: _Snapshot, data: bytes) -> tuple[list[Candidate], str | None]:
        pages, children, problem = sitemap_entries(data)
        if problem:
            return [], problem
        for loc, _mod in children:
            if self.stop.is_set():
                break
            child = self.net.get(loc, named=False, listed_by=snap.url)  # a link found in the source
            more, _, cproblem = sitemap_entries(child.data)
            if cproblem:
                return [], f"child sitemap {loc}: {cproblem}"
            pages.extend(more)
        return sitemap_candidates(pages, snap.url), None

    def _page(self, snap: _Snapshot, got: Any) -> tuple[list[Candidate], str | None]:
        from strikewatch.ingest.read import _html_article, _storable, _text_article, sniff_kind
        from strikewatch.store.articles import text_sha256

        allowed = self.net.robots(snap.url, None)
        if allowed is None:
            return [], "robots.txt could not be read: the page waits"
        if not allowed:
            return [], "robots.txt disallows this page"
        if sniff_kind(got.data, got.content_type) == "html":
            art = _html_article(got.data, snap.url, got.url, self.read_opts, charset=got.charset)
        else:
            art = _text_article(got.data, snap.url, self.read_opts, url=got.url)
        if isinstance(art, Rejected):
            return [], art.reason
        art = _storable(art)
        if isinstance(art, Rejected):
            return [], art.reason
        cand = Candidate(page_key(snap.url, text_sha256(art.text)), "page", snap.url, snap.url)
        cand.feed_item = art  # read already
        return [cand], None

    def _unhandled(self, source_id: int, cands: list[Candidate]) -> list[Candidate]:
        """The candidates this source has not handled for good (new, or left for a retry)."""
        done: set[str] = set()
        keys = [c.key for c in cands]
        with session_scope(self.engine) as s:
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                rows = s.execute(select(SourceItem.key, SourceItem.outcome, SourceItem.attempts)
                                 .where(SourceItem.source_id == source_id, SourceItem.key.in_(chunk)))
                done.update(k for k, outcome, attempts in rows
                            if outcome != "retry" or attempts >= MAX_ITEM_ATTEMPTS)
        return [c for c in cands if c.key not in done]

    # ------------------------------------------------------------------ items
    def _read(self, snap: _Snapshot, cand: Candidate) -> tuple[list[ArticleIn | Rejected], str | None]:
        """(articles or rejections, None) — or ([], why) when the item should wait for a later poll."""
        from strikewatch.ingest.read import (
            _feed_article,
            _html_article,
            _storable,
            _text_article,
            read_input,
            sniff_kind,
        )

        def storable(x: ArticleIn | Rejected) -> ArticleIn | Rejected:
            return _storable(x) if isinstance(x, ArticleIn) else x

        if cand.kind == "file":
            return [storable(x) for x in read_input(folder_input(cand.link or cand.where), self.read_opts)], None
        if isinstance(cand.feed_item, ArticleIn):  # a page source, read already
            return [cand.feed_item], None
        link = cand.link if cand.kind == "page" else (cand.link if cand.feed_item.link_needed else None)
        got: Any = None
        if link:
            allowed = self.net.robots(link, snap.url)
            if allowed is None:
                return [], "robots.txt could not be read"
            if not allowed:
                if cand.kind == "page":
                    return [Rejected(cand.where, "robots.txt disallows this page")], None
                got = FetchError("robots.txt disallows this page")
            else:
                try:
                    got = self.net.get(link, named=False, listed_by=snap.url, accept=PAGE_TYPES)
                except FetchError as exc:
                    if transient(exc) and (cand.kind == "page" or not cand.feed_item.own_text):
                        return [], str(exc)
                    got = exc
        if cand.kind == "feed":
            return [storable(_feed_article(cand.feed_item, got, self.read_opts))], None
        if isinstance(got, FetchError):
            return [Rejected(cand.where, str(got))], None
        if sniff_kind(got.data, got.content_type) == "html":
            art = _html_article(got.data, cand.where, got.url, self.read_opts, charset=got.charset)
        else:
            art = _text_article(got.data, cand.where, self.read_opts, url=got.url)
        return [storable(art)], None

    def _prepare(self, articles: list[ArticleIn]) -> list[PreparedArticle | Rejected]:
        from strikewatch.store.articles import prepare

        if self._pool is None or not articles:
            return [prepare(a, extract=self.opts.extract) for a in articles]
        from strikewatch.scale.tasks import ArticleItem

        return list(self._pool.submit(tuple(ArticleItem(a) for a in articles)).result())

    def _read_and_store(self, snap: _Snapshot, todo: list[Candidate], res: PollResult) -> bool:
        """Read, extract and store the new items in small batches; True when every one was handled."""
        complete = True
        batch: list[tuple[Candidate, list[ArticleIn | Rejected]]] = []
        started = time.monotonic()
        for cand in todo:
            if self.stop.is_set():
                complete = False
                break
            got, wait = self._read(snap, cand)
            if wait is not None:
                complete = False
                res.waiting += 1
                self._mark_retry(snap.id, cand, wait)
                continue
            batch.append((cand, got))
            if len(batch) >= BATCH or time.monotonic() - started > BATCH_SECONDS:
                self._store(snap, batch, res)
                batch, started = [], time.monotonic()
        if batch:
            self._store(snap, batch, res)
        return complete

    def _store(self, snap: _Snapshot, batch: list[tuple[Candidate, list[ArticleIn | Rejected]]],
               res: PollResult) -> None:
        from strikewatch.scale.writer import BatchWriter, StoreFailed
        from strikewatch.store.articles import StoreOutcome

        articles = [a for _, got in batch for a in got if isinstance(a, ArticleIn)]
        prepared = self._prepare(articles)
        preps = [p for p in prepared if not isinstance(p, Rejected)]
        at = now()

        def mark(session: Session, outcomes: list[Outcome]) -> None:
            by_article = dict(zip((id(p.article) for p in preps), outcomes, strict=True))
            refused = {id(a): r for a, r in zip(articles, prepared, strict=True) if isinstance(r, Rejected)}
            rows: list[dict[str, Any]] = []
            for cand, got in batch:
                outcome, article_id, detail = "rejected", None, None
                reasons = []
                for a in got:
                    if isinstance(a, Rejected):
                        reasons.append(a.reason)
                        continue
                    o = by_article.get(id(a))
                    if o is None:
                        reasons.append(refused[id(a)].reason if id(a) in refused else "not prepared")
                    elif isinstance(o, StoreFailed):
                        reasons.append(o.reason)
                    else:
                        article_id = o.article_id
                        if o.status == "stored" or outcome != "stored":
                            outcome = o.status
                if outcome == "rejected":
                    detail = "; ".join(reasons)[:2000] or "no article"
                rows.append({"source_id": snap.id, "key": cand.key, "seen_at": at, "outcome": outcome,
                             "attempts": 1, "article_id": article_id, "detail": detail or cand.link})
            _upsert_items(session, rows)

        outcomes = BatchWriter(self.engine).write(preps, also=mark) if preps else []
        if not preps:
            with session_scope(self.engine) as s:
                mark(s, [])
        for o in outcomes:
            if isinstance(o, StoreFailed):
                res.rejected += 1
            elif isinstance(o, StoreOutcome) and o.status == "stored":
                res.new += 1
                res.article_ids.append(o.article_id)
            else:
                res.present += 1
        res.rejected += sum(1 for _, got in batch for a in got if isinstance(a, Rejected))
        res.rejected += sum(1 for p in prepared if isinstance(p, Rejected))

    def _mark_retry(self, source_id: int, cand: Candidate, why: str) -> None:
        with session_scope(self.engine) as s:
            row = s.get(SourceItem, (source_id, cand.key))
            if row is None:
                s.add(SourceItem(source_id=source_id, key=cand.key, seen_at=now(), outcome="retry", attempts=1,
                                 detail=f"{cand.link or cand.where}: {why}"[:2000]))
            elif row.outcome == "retry":
                row.attempts += 1
                row.detail = f"{cand.link or cand.where}: {why}"[:2000]
                if row.attempts >= MAX_ITEM_ATTEMPTS:
                    row.outcome = "rejected"

    # ------------------------------------------------------------------ health
    def _save_health(self, snap: _Snapshot, res: PollResult, ok: bool) -> None:
        at = now()
        extra = res.validators
        with session_scope(self.engine) as s:
            row = s.get(Source, snap.id)
            if row is None:
                res.status = "gone"
                return
            row.last_poll_at = at
            row.n_polls = (row.n_polls or 0) + 1
            if ok:
                row.failures = 0
                row.paused_until = None
                row.paused_reason = None
                row.last_ok_at = at
                row.last_error = None
                if extra is not None:
                    row.etag, row.last_modified, row.body_sha256 = extra[0], extra[1], extra[2]
                    if row.kind == "auto" and extra[3] in ("feed", "sitemap", "page"):
                        row.kind = extra[3]
                if res.new:
                    row.last_new_at = at
                    row.n_new = (row.n_new or 0) + res.new
                row.last_status = "new" if res.new else "unchanged"
                wait = row.every_s * self.rng.uniform(1 - self.opts.jitter, 1 + self.opts.jitter)
                if res.status == "stopped":
                    wait = 0.0  # it was cut short: go on at the next start
            else:
                row.failures = (row.failures or 0) + 1
                row.n_errors = (row.n_errors or 0) + 1
                row.last_error = (res.error or "failed")[:2000]
                row.last_status = "error"
                wait = min(self.opts.max_backoff, row.every_s * 2 ** (row.failures - 1))
                wait *= self.rng.uniform(0.8, 1.0)
                after = res.retry_after
                if after:
                    wait = max(wait, float(after))
                if row.failures >= self.opts.open_after:
                    row.paused_until = at + dt.timedelta(seconds=wait)
                    row.paused_reason = (f"{row.failures} polls failed in a row; last: {row.last_error}")[:2000]
                    row.last_status = "paused"
            row.next_poll_at = at + dt.timedelta(seconds=wait)
            res.next_poll_at = row.next_poll_at
            res.failures = row.failures
            res.paused = row.paused_until is not None


def _upsert_items(session: Session, rows: list[dict[str, Any]]) -> None:
    """Record handled items: new keys inserted in one statement, keys left for a retry before updated."""
    if not rows:
        return
    from sqlalchemy import insert, update

    keys = [r["key"] for r in rows]
    source_id = rows[0]["source_id"]
    known: dict[str, int] = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        known.update(session.execute(select(SourceItem.key, SourceItem.attempts)
                                     .where(SourceItem.source_id == source_id, SourceItem.key.in_(chunk))).all())
    new = [r for r in rows if r["key"] not in known]
    if new:
        session.execute(insert(SourceItem), new)
    for r in rows:
        if r["key"] in known:
            session.execute(update(SourceItem).where(SourceItem.source_id == source_id, SourceItem.key == r["key"])
                            .values(outcome=r["outcome"], article_id=r["article_id"], detail=r["detail"],
                                    seen_at=r["seen_at"], attempts=known[r["key"]] + 1))


def stderr_line(message: str) -> None:
    """One line on stderr with a UTC timestamp (journald and log files keep them as they are)."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    sys.stderr.write(f"{stamp} {message}\n")
    sys.stderr.flush()

