"""The watcher against a real local feed server (127.0.0.1): items published over time are stored once each and
reach the change log, the Atom feed and a webhook receiver exactly; 304s cost one request; 500s and slow answers
back off, pause the source (saying why) and recover; a feed that changes its item ids lists nothing new; a
malformed feed is an error of its own source only; robots.txt and the fetch policy apply to links found in a
source; sitemaps, pages and folders are followed too."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from strikewatch.db import open_db, session_scope
from strikewatch.db.tables import Article, Source, SourceItem
from strikewatch.merge.changes import list_changes
from strikewatch.monitor.hooks import add_hook
from strikewatch.monitor.net import NetOptions
from strikewatch.monitor.sources import SourceSpec, add_source, resume_source
from strikewatch.monitor.watch import PollResult, Watcher, WatchOptions
from strikewatch.ops.integrity import check
from swdev.feedserver import FeedServer, HookReceiver

FAST = NetOptions(timeout=3.0, retries=1, retry_base=0.02, retry_cap=0.1)


def _add(engine: Engine, url: str, every: int = 1, kind: str = "auto", name: str | None = None) -> int:
    with session_scope(engine) as s:
        row, _ = add_source(s, SourceSpec(url, name=name, every_s=every, kind=kind))
        return row.id


def _once(engine: Engine, **kw: Any) -> tuple[list[PollResult], Any]:
    results: list[PollResult] = []
    opts = WatchOptions(once=True, net=kw.pop("net", FAST), hook_backoff=0.01, **kw)
    summary = Watcher(engine, opts, on_poll=results.append).run()
    return results, summary


def _make_due(engine: Engine) -> None:
    from strikewatch.monitor.sources import now

    with session_scope(engine) as s:
        for row in s.scalars(select(Source)):
            row.next_poll_at = now()


def _count(engine: Engine, what: Any = Article.id) -> int:
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count(what))) or 0)


def _source(engine: Engine, sid: int) -> Source:
    with session_scope(engine) as s:
        row = s.get(Source, sid)
        assert row is not None
        s.expunge(row)
        return row


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


def test_items_over_time_reach_log_feed_and_hook_once(db_url: str, server: FeedServer) -> None:
    engine = open_db(db_url)
    for n in range(3):
        server.publish("wire", n)
    server.publish("wire", 3, teaser=True)  # only a teaser in the feed: its page is read
    sid = _add(engine, server.feed_url("wire"), name="Test wire")
    with HookReceiver() as rx:
        with session_scope(engine) as s:
            add_hook(s, rx.url, "secret")
        res, summary = _once(engine)
        assert [r.status for r in res] == ["new"] and res[0].new == 4 and summary.new == 4
        assert [h[1] for h in server.hits("/articles/")] == ["/articles/wire/3-0.html"]
        assert _source(engine, sid).kind == "feed" and _source(engine, sid).etag
        # nothing new: one conditional request answered 304
        _make_due(engine)
        before = len(server.hits("/"))
        res, _ = _once(engine)
        assert res[0].status == "unchanged" and res[0].how == "304"
        assert [h[2] for h in server.hits("/")[before:]] == [304]
        # a new report, and another outlet's account of an earlier strike with a higher toll
        server.publish("wire", 4)
        server.publish("wire", 1, killed=7, source=1)
        _make_due(engine)
        res, _ = _once(engine)
        assert res[0].new == 2 and res[0].items == 6
        with session_scope(engine) as s:
            log = list_changes(s, limit=1000)
        assert sum(c["kind"] == "new" for c in log) == 5
        updates = [c for c in log if c["kind"] == "update"]
        assert len(updates) == 1 and "new source" in updates[0]["reasons"]
        assert updates[0]["diff"]["killed_max"][1] == 7
        # the webhook saw exactly the log, each change accepted once
        got = [c["id"] for _, b in rx.accepted() for c in json.loads(b)["changes"]]
        assert got == [c["id"] for c in log]
    # the Atom feed shows the same changes
    from fastapi.testclient import TestClient

    from strikewatch.web.app import create_app

    with TestClient(create_app(engine=engine, secret="t")) as client:
        import feedparser

        feed = feedparser.parse(client.get("/feeds/strikes.atom").content)
        assert not feed.bozo
        assert sorted(int(e.id.rsplit("/", 1)[1]) for e in feed.entries) == [c["id"] for c in log]
    assert _count(engine) == 6 and _count(engine, SourceItem.key) == 6
    assert check(engine, verify_blobs=False).ok


def _run_until(engine: Engine, cond: Callable[[], bool], limit: float = 30.0, **kw: Any
               ) -> tuple[list[PollResult], Watcher]:
    """A continuous watcher in a thread until ``cond()`` holds (or ``limit`` seconds), then stopped."""
    results: list[PollResult] = []
    opts = WatchOptions(net=kw.pop("net", FAST), tick=0.05, merge_every=0.2, **kw)
    watcher = Watcher(engine, opts, on_poll=results.append)
    th = threading.Thread(target=watcher.run, daemon=True)
    th.start()
    deadline = time.monotonic() + limit
    try:
        while time.monotonic() < deadline and not cond():
            time.sleep(0.05)
    finally:
        watcher.request_stop()
        th.join(30)
    assert not th.is_alive()
    return results, watcher


def test_errors_back_off_pause_and_recover(sqlite_url: str, server: FeedServer) -> None:
    engine = open_db(sqlite_url)
    for n in range(3):
        server.publish("flaky", n)
    server.set("flaky", fail=1000)
    sid = _add(engine, server.feed_url("flaky"), name="Flaky")
    res, _ = _run_until(engine, lambda: _source(engine, sid).paused_until is not None, open_after=3)
    src = _source(engine, sid)
    assert src.failures == 3 and src.paused_reason and "3 polls failed in a row" in src.paused_reason
    assert "HTTP 500" in src.paused_reason and src.last_status == "paused"
    errors = [r for r in res if r.status == "error"]
    assert len(errors) == 3 and "HTTP 500" in (errors[0].error or "")
    # each failed poll retried once inside (2 requests), and the polls drifted apart: 1 s, then about 2 s
    times = [t for t, _, _ in server.hits("/feeds/flaky")]
    assert len(times) == 6
    gaps = [times[i + 2] - times[i] for i in (0, 2)]
    assert gaps[1] > gaps[0] * 1.3, gaps
    # the server recovers; resuming closes the circuit: each item stored once
    server.set("flaky", fail=0)
    with session_scope(engine) as s:
        resume_source(s, str(sid))
    res, _ = _run_until(engine, lambda: _count(engine) >= 3)
    assert _count(engine) == 3 and _source(engine, sid).failures == 0
    assert _source(engine, sid).paused_until is None


def test_slow_changing_malformed_and_policy(sqlite_url: str, server: FeedServer) -> None:
    engine = open_db(sqlite_url)
    for n in range(2):
        server.publish("slow", n)
        server.publish("shifty", 10 + n)
    server.set("slow", slow=3.0)
    server.set("shifty", changing_ids=True)
    server.set("broken", malformed=True)
    slow = _add(engine, server.feed_url("slow"))
    shifty = _add(engine, server.feed_url("shifty"))
    broken = _add(engine, server.feed_url("broken"))
    res, _ = _once(engine, net=NetOptions(timeout=1.0, retries=0))
    by = {r.source_id: r for r in res}
    assert by[slow].status == "error" and "timed out" in (by[slow].error or "")
    assert by[broken].status == "error" and "not a valid RSS/Atom feed" in (by[broken].error or "")
    assert by[shifty].new == 2
    # the ids change on every request, the items do not: nothing new
    _make_due(engine)
    server.set("slow", slow=0.0)
    net = NetOptions(timeout=10.0, retries=0)  # generous: the machine running the tests may be busy
    res, _ = _once(engine, net=net)
    by = {r.source_id: r for r in res}
    assert by[shifty].status == "unchanged" and by[shifty].new == 0 and by[shifty].items == 2
    assert by[slow].new == 2 and by[broken].status == "error"
    assert _count(engine) == 4
    # links found in a source go only to public addresses or the source's own host: a teaser whose page is on
    # another local port is read from its own text, never fetched there
    with FeedServer() as other:
        other.publish("elsewhere", 20)
        item = server.publish("pointer", 21, teaser=True)
        _add(engine, server.feed_url("pointer"))
        server.feeds["pointer"].items[-1] = item  # same item, but its page lives on the other server
        orig = server.answer

        def answer(path: str, headers: dict[str, str]) -> Any:
            status, hdrs, body = orig(path, headers)
            return status, hdrs, body.replace(f"{server.base}/articles/pointer".encode(),
                                              f"{other.base}/articles/elsewhere".encode())

        server.answer = answer  # type: ignore[method-assign]
        res, _ = _once(engine, net=net)
        assert other.hits("/") == []  # neither its robots.txt nor the page
        with session_scope(engine) as s:
            text = s.scalar(select(Article.text).where(Article.url.like(f"{other.base}%")))
        assert text == f"{item.title}…"  # the item's own teaser, since its page may not be fetched


@pytest.mark.slow
def test_ten_thousand_items(sqlite_url: str, server: FeedServer) -> None:
    """A 10k-item feed: every item stored once, in bounded batches; re-reading it costs one request."""
    engine = open_db(sqlite_url)
    st = server.feeds["big"]
    from swdev.feedserver import Item

    st.items = [Item(f"{n}-0", f"Bulletin {n}", f"Bulletin number {n} from the provincial desk: markets, "
                     f"weather and transport for district {n % 37}.", "2024-01-01") for n in range(10_000)]
    st.version += 1
    sid = _add(engine, server.feed_url("big"))
    res, _ = _once(engine, extract=False, hooks=False, net=NetOptions(timeout=30, max_bytes=50 * 1024 * 1024))
    assert res[0].new == 10_000 and res[0].items == 10_000, res[0].line()
    assert _count(engine) == 10_000 and _count(engine, SourceItem.key) == 10_000
    _make_due(engine)
    res, _ = _once(engine, extract=False, hooks=False)
    assert res[0].how == "304" and _count(engine) == 10_000
    assert _source(engine, sid).n_new == 10_000


def test_sitemap_page_folder_and_robots(sqlite_url: str, server: FeedServer, tmp_path: Path) -> None:
    engine = open_db(sqlite_url)
    a = server.publish("site", 30)
    b = server.publish("site", 31)
    server.publish("site", 32)
    urls = [f"{server.base}/articles/site/{a.key}.html", f"{server.base}/articles/site/{b.key}.html",
            f"{server.base}/private/site/32-0.html"]
    sitemap = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               + "".join(f"<url><loc>{u}</loc><lastmod>2024-0{i + 1}-01</lastmod></url>" for i, u in enumerate(urls))
               + "</urlset>").encode()
    orig = server.answer

    def answer(path: str, headers: dict[str, str]) -> Any:
        if path == "/sitemap.xml":
            return 200, {"Content-Type": "application/xml"}, sitemap
        return orig(path, headers)

    server.answer = answer  # type: ignore[method-assign]
    sm = _add(engine, f"{server.base}/sitemap.xml")
    page = _add(engine, urls[0], kind="page")
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "one.txt").write_text("A drone strike killed two people in Mir Ali, North Waziristan, on Monday, "
                                    "officials said.\n", encoding="utf-8")
    fs = _add(engine, str(folder))
    res, _ = _once(engine)
    by = {r.source_id: r for r in res}
    assert _source(engine, sm).kind == "sitemap" and by[sm].items == 3
    assert by[sm].rejected == 1 and not server.hits("/private/")  # /private/ is disallowed by robots.txt
    # the page source and the sitemap list one page in common (polled at once): it is stored once
    assert by[sm].new + by[page].new == 2 and by[page].new + by[page].present == 1
    assert by[fs].new == 1
    (folder / "two.txt").write_text("An airstrike hit a vehicle near Wana, South Waziristan, on Tuesday, killing "
                                    "four, residents said.\n", encoding="utf-8")
    _make_due(engine)
    res, _ = _once(engine)
    by = {r.source_id: r for r in res}
    assert by[fs].new == 1 and by[sm].how in ("304", "same bytes") and by[page].how in ("304", "same bytes")
    assert check(engine, verify_blobs=False).ok
