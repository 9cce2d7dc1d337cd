"""A killed watcher misses nothing and stores nothing twice: `kill -9` in the middle of a round, then a restart,
on SQLite and PostgreSQL (`strikewatch check` clean); SIGTERM finishes the current items and exits; the CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from sqlalchemy import Engine, func, select, text
from swtest import ROOT

from strikewatch.db import open_db, session_scope
from strikewatch.db.tables import Article, MergeQueue, SourceItem
from strikewatch.monitor.sources import SourceSpec, add_source
from strikewatch.ops.integrity import check
from swdev.feedserver import FeedServer

FEEDS = ("north", "south", "west")
PER_FEED = 30


def _count(engine: Engine, what: object = Article.id) -> int:
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count(what))) or 0)  # type: ignore[arg-type]


def _watch(db: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "STRIKEWATCH_DB": db, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "strikewatch", "watch", "--no-live", *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _publish(srv: FeedServer, engine: Engine) -> None:
    for i, name in enumerate(FEEDS):
        for n in range(PER_FEED):
            srv.publish(name, i * 100 + n, teaser=True)  # each item's page is fetched: a round takes a while
        srv.set(name, page_delay=0.02)
        with session_scope(engine) as s:
            add_source(s, SourceSpec(srv.feed_url(name), name=name, every_s=3600))


def _wait_for(cond: object, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if cond():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


def _all_once(engine: Engine) -> None:
    """Every item stored exactly once, every item handled once, strikes updated, the log consistent."""
    total = len(FEEDS) * PER_FEED
    assert _count(engine) == total
    with session_scope(engine) as s:
        urls = s.scalars(select(Article.url)).all()
        assert len(set(urls)) == total
        assert s.scalar(select(func.count()).select_from(SourceItem).where(SourceItem.outcome == "stored")) == total
        assert s.scalar(select(func.count()).select_from(MergeQueue)) == 0
        # every record announced once as new, however the run was cut
        news = dict(s.execute(text("SELECT strike_id, count(*) FROM strike_changes WHERE kind = 'new' "
                                   "GROUP BY strike_id")).all())
        assert set(news.values()) == {1} and len(news) == s.scalar(text("SELECT count(*) FROM strikes"))
    report = check(engine, verify_blobs=True)
    assert report.ok and not report.pending, report.to_dict()["findings"]


def test_kill9_mid_round_then_restart(db_url: str) -> None:
    engine = open_db(db_url)
    with FeedServer() as srv:
        _publish(srv, engine)
        proc = _watch(db_url, "--polls", "2")
        try:
            _wait_for(lambda: _count(engine) > 0)
            time.sleep(0.2)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(30)
        stored = _count(engine)
        assert 0 < stored < len(FEEDS) * PER_FEED, stored  # killed in the middle of the round
        assert check(engine, verify_blobs=False).ok  # whole batches only (the merge queue may hold some)
        again = _watch(db_url, "--once")
        out, err = again.communicate(timeout=300)
        assert again.returncode == 0, err
        _all_once(engine)
        # a third run finds nothing new and stores nothing
        third = _watch(db_url, "--once")
        _, err3 = third.communicate(timeout=120)
        assert third.returncode == 0 and _count(engine) == len(FEEDS) * PER_FEED
        _all_once(engine)


def test_sigterm_finishes_current_items_then_the_cli(sqlite_url: str, cli: object) -> None:
    engine = open_db(sqlite_url)
    with FeedServer() as srv:
        _publish(srv, engine)
        proc = _watch(sqlite_url, "--polls", "1")
        _wait_for(lambda: _count(engine, SourceItem.key) > 0)
        t0 = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert time.monotonic() - t0 < 20
        assert "SIGTERM: finishing the items being read" in err and "stopped:" in err
        assert check(engine, verify_blobs=False).ok and _count(engine) < len(FEEDS) * PER_FEED
        r = cli("watch", "--once", "--no-live", db=sqlite_url)  # type: ignore[operator]
        assert r.returncode == 0, r.stderr
        lines = [ln for ln in r.stderr.splitlines() if " source " in ln]
        assert len(lines) == len(FEEDS) and all("new of" in ln for ln in lines), r.stderr
        _all_once(engine)
        listed = json.loads(cli("sources", "list", "--format", "json", db=sqlite_url).stdout)  # type: ignore[operator]
        assert {s["health"] for s in listed} <= {"new", "unchanged"}
        assert sum(s["articles"] for s in listed) == len(FEEDS) * PER_FEED
        table = cli("sources", "list", db=sqlite_url).stdout  # type: ignore[operator]
        assert "north" in table and "next poll" in table
