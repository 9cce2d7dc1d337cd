"""The strike update after an ingest gives the same records however the backlog is split.

``flush_merge_queue`` merges a large backlog that is most of the archive in one streaming pass over everything
(memory stays flat), and smaller backlogs incrementally in chunks of articles close in date, each chunk its own
transaction. Those are three routes to one answer: these tests ingest the same generated news corpus (several
reports per strike, wire copies, background mentions, strikes on nearby days) with each route forced, and compare
the strike records, and check that a run interrupted between chunks leaves the unfinished chunks queued.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from strikewatch.db import open_db, session_scope
from strikewatch.db.tables import MergeQueue
from strikewatch.ingest import pipeline
from strikewatch.ingest.pipeline import flush_merge_queue, ingest_sources
from strikewatch.merge.views import iter_strikes, sources_of
from swdev.synth import fictional_facts, generate


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i, doc in enumerate(generate(fictional_facts(seed=11), seed=11)):
            if i == 160:
                break
            f.write(json.dumps(doc.record()) + "\n")
    return path


def records(url: str) -> list[tuple[Any, ...]]:
    """Each active record as what it says (not its id): date, place, tolls, and the articles it rests on."""
    from strikewatch.db.tables import Article

    engine = open_db(url)
    with session_scope(engine) as s:
        ext = {a.id: a.external_id for a in s.query(Article).all()}
        out = []
        for r in iter_strikes(s):
            arts = tuple(sorted({ext[x["article_id"]] for x in sources_of(s, r["id"])}))
            out.append((r["date"], r["country"], r["admin2"], r["place"], r["killed_min"], r["killed_max"],
                        r["injured_min"], r["injured_max"], r["grade"], arts))
    return sorted(out, key=repr)


def ingest_with(url: str, corpus: Path, monkeypatch: pytest.MonkeyPatch, full_min: int, chunk: int) -> None:
    monkeypatch.setattr(pipeline, "FULL_MERGE_MIN", full_min)
    monkeypatch.setattr(pipeline, "MERGE_CHUNK", chunk)
    rep = ingest_sources(open_db(url), [str(corpus)])
    assert rep.merge_error is None and len(rep.stored) == 160


def test_full_pass_and_chunks_agree_with_one_incremental_run(
    db_url: str, corpus: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from swtest import make_db_url

    kind = "postgresql" if db_url.startswith("postgresql") else "sqlite"
    ingest_with(db_url, corpus, monkeypatch, full_min=10**9, chunk=10**9)  # one incremental run
    one = records(db_url)
    assert len(one) >= 20
    for full_min, chunk, name in ((1, 10**9, "full"), (10**9, 7, "chunks")):
        (tmp_path / name).mkdir()
        for other in make_db_url(kind, tmp_path / name):
            ingest_with(other, corpus, monkeypatch, full_min=full_min, chunk=chunk)
            assert records(other) == one, f"the {name} route gave other records"


def test_interrupted_between_chunks_keeps_the_rest_queued(
    sqlite_url: str, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from strikewatch import merge

    engine = open_db(sqlite_url)
    rep = ingest_sources(engine, [str(corpus)], update_strikes=False)
    with session_scope(engine) as s:
        queued = s.scalar(select(func.count()).select_from(MergeQueue))
    assert queued == len(rep.stored) == 160
    monkeypatch.setattr(pipeline, "FULL_MERGE_MIN", 10**9)
    monkeypatch.setattr(pipeline, "MERGE_CHUNK", 50)
    real = merge.update_strikes
    calls = []

    def failing_third(engine: Any, ids: Any) -> None:
        calls.append(len(ids))
        if len(calls) == 3:
            raise RuntimeError("power cut")
        real(engine, ids)

    monkeypatch.setattr(merge, "update_strikes", failing_third)
    err = flush_merge_queue(engine)
    assert err is not None and "power cut" in err
    with session_scope(engine) as s:
        left = s.scalar(select(func.count()).select_from(MergeQueue))
    assert left == 160 - 100  # the two finished chunks left the queue, the rest waits
    monkeypatch.setattr(merge, "update_strikes", real)
    assert flush_merge_queue(engine) is None
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(MergeQueue)) == 0
