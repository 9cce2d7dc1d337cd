"""Webhooks against a real local receiver: signed bodies, exactly the new and changed records (each accepted
once), retries with backoff after errors, redirects never followed, filters, the delivery log and the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from strikewatch.db import open_db, session_scope
from strikewatch.db.tables import Hook, HookDelivery
from strikewatch.ingest.pipeline import ingest_sources
from strikewatch.merge.changes import list_changes
from strikewatch.monitor.hooks import DELIVERY_HEADER, SIGNATURE_HEADER, add_hook, deliver, verify
from strikewatch.ops.integrity import check
from swdev.feedserver import HookReceiver, report_text

SECRET = "s3cret-for-tests"


def _ingest(engine: Engine, tmp: Path, numbers: list[int], tag: str, **kw: Any) -> None:
    lines = []
    for n in numbers:
        title, text, published = report_text(n, **kw)
        lines.append(json.dumps({"id": f"{tag}-{n}", "title": title, "text": text, "published": published}))
    path = tmp / f"{tag}.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert ingest_sources(engine, [str(path)]).ok


def _log_ids(engine: Engine, **kw: Any) -> list[int]:
    with session_scope(engine) as s:
        return [c["id"] for c in list_changes(s, limit=10_000, **kw)]


def _accepted_ids(receiver: HookReceiver) -> list[int]:
    out = []
    for headers, body in receiver.accepted():
        assert verify(SECRET, body, headers[SIGNATURE_HEADER.lower()])
        doc = json.loads(body)
        ids = [c["id"] for c in doc["changes"]]
        assert headers[DELIVERY_HEADER.lower()].endswith(f":{ids[0]}-{ids[-1]}")
        assert doc["first"] == ids[0] and doc["last"] == ids[-1]
        out += ids
    return out


def test_hook_gets_exactly_the_changes_with_retries(sqlite_url: str, tmp_path: Path) -> None:
    engine = open_db(sqlite_url)
    _ingest(engine, tmp_path, [0, 1], "old")  # before the hook: not sent
    with HookReceiver() as rx:
        with session_scope(engine) as s:
            add_hook(s, rx.url, SECRET)
        skip = max(_log_ids(engine))
        _ingest(engine, tmp_path, [2, 3, 4], "a")
        rx.statuses = [500, 503]  # two failures, then the receiver recovers
        first = deliver(engine, backoff_base=0.01)
        assert first.sent == 0 and len(first.failed) == 1
        with session_scope(engine) as s:
            hook = s.scalars(select(Hook)).one()
            assert hook.failures == 1 and hook.next_attempt_at is not None and hook.cursor == skip
        import time

        for _ in range(50):
            r = deliver(engine, backoff_base=0.01)
            if r.sent:
                break
            time.sleep(0.03)
        _ingest(engine, tmp_path, [1], "b", killed=7, source=1)  # a second source for report 1: a change
        deliver(engine, backoff_base=0.01)
        deliver(engine, backoff_base=0.01)  # nothing new: no request
        want = [i for i in _log_ids(engine) if i > skip]
        got = _accepted_ids(rx)
        assert got == want and len(set(got)) == len(got)
        bodies = [json.loads(b) for _, b in rx.accepted()]
        last = bodies[-1]["changes"]
        assert any("new source" in c["reasons"] for c in last)
        assert len(rx.received) == len(rx.accepted()) + 2  # the two refused attempts, nothing more
        with session_scope(engine) as s:
            log = s.scalars(select(HookDelivery).order_by(HookDelivery.id)).all()
            assert [d.ok for d in log][:3] == [False, False, True] and [d.status_code for d in log][:2] == [500, 503]
            assert [d.attempt for d in log][:3] == [1, 2, 3]
            assert s.scalars(select(Hook)).one().cursor == max(want)
    assert check(engine, verify_blobs=False).ok


def test_redirects_are_not_followed_and_filters_apply(sqlite_url: str, tmp_path: Path) -> None:
    engine = open_db(sqlite_url)
    with HookReceiver() as rx, HookReceiver() as elsewhere:
        rx.redirect_to = elsewhere.url
        with session_scope(engine) as s:
            add_hook(s, rx.url, SECRET, min_killed=5)
        _ingest(engine, tmp_path, [0, 1, 2, 3, 4, 5], "a")
        rx.statuses = [302]
        r = deliver(engine, backoff_base=0.001)
        assert r.failed and "redirects are not followed" in r.failed[0]
        assert elsewhere.received == []
        import time

        time.sleep(0.01)
        deliver(engine, backoff_base=0.001)
        got = _accepted_ids(rx)
        want = _log_ids(engine, min_killed=5)
        assert got == want and want and len(want) < len(_log_ids(engine))
        assert all(c["killed_max"] >= 5 for _, b in rx.accepted() for c in json.loads(b)["changes"])


def test_hooks_cli(sqlite_url: str, tmp_path: Path, cli: Any) -> None:
    with HookReceiver() as rx:
        r = cli("hooks", "add", rx.url, "--secret", SECRET, "--from-start", db=sqlite_url)
        assert r.returncode == 0, r.stderr
        assert cli("hooks", "add", "ftp://x", "--secret", "s", db=sqlite_url).returncode == 2
        engine = open_db(sqlite_url)
        _ingest(engine, tmp_path, [0, 1], "a")
        r = cli("hooks", "deliver", db=sqlite_url)
        assert r.returncode == 0 and "delivered 2 changes in 1 requests" in r.stderr, r.stderr
        listed = json.loads(cli("hooks", "list", "--format", "json", db=sqlite_url).stdout)
        assert listed[0]["url"] == rx.url and listed[0]["cursor"] == max(_log_ids(engine))
        log = json.loads(cli("hooks", "log", "--format", "json", db=sqlite_url).stdout)
        assert log[0]["ok"] and log[0]["n"] == 2
        assert cli("hooks", "remove", "1", db=sqlite_url).returncode == 0
        assert json.loads(cli("hooks", "list", "--format", "json", db=sqlite_url).stdout) == []
