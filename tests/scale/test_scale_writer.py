"""The batch writer stores exactly what ``store_prepared`` stores one article at a time: same article rows
(wire-copy links included), bands, blobs, events, claims and merge queue; idempotent; a refused row costs only
its own article. On SQLite and PostgreSQL. Articles come from our own synthetic generator."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from swtest import make_db_url

from strikewatch.db import open_db, session_scope
from strikewatch.db.tables import Article, ArticleBand, ClaimRow, EventRow, MergeQueue, RawBlob
from strikewatch.scale.writer import BatchWriter, StoreFailed
from strikewatch.schema import ArticleIn, Claim
from strikewatch.store.articles import PreparedArticle, StoreOutcome, prepare, store_prepared
from swdev.synth import fictional_facts, generate


def synth_articles(n: int, seed: int = 7) -> list[ArticleIn]:
    docs = itertools.islice(generate(fictional_facts(seed), seed=seed, wire_rate=0.5, words=(120, 260)), n)
    out = []
    for d in docs:
        out.append(ArticleIn(raw=d.text.encode(), text=d.text, source=f"synth:{d.id}", content_type="text/plain",
                             external_id=d.id, title=d.title, url=d.url, outlet=d.outlet,
                             published=d.published, published_basis="jsonl"))
    return out


@pytest.fixture(scope="module")
def prepared() -> list[PreparedArticle]:
    arts = synth_articles(36)
    extra = [
        arts[3],  # the same bytes again, later in the run
        dataclasses.replace(arts[5], raw=arts[5].raw + b"\n", source="refetch"),  # same page, same text
        dataclasses.replace(arts[8], raw=b"x" + arts[8].raw, url=None, source="copy-no-url"),  # same text
        dataclasses.replace(arts[9], raw=arts[9].raw + b" ", url="https://elsewhere.example/a", source="other-url"),
    ]
    preps = [prepare(a) for a in arts + extra]
    assert sum(len(p.extraction.events) for p in preps if p.extraction) > 20
    return preps


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def two_dbs(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    gens = []
    urls = []
    for name in ("a", "b"):
        d = tmp_path / name
        d.mkdir()
        g = make_db_url(request.param, d)
        urls.append(next(g))
        gens.append(g)
    try:
        yield urls[0], urls[1]
    finally:
        for g in gens:
            next(g, None)


def _row_repr(row: Any, model: Any, sha: dict[int, str]) -> str:
    d = {c.name: getattr(row, c.name) for c in model.__table__.columns if c.name != "id"}
    d["article_id"] = sha[row.article_id]
    return repr(sorted(d.items()))


def snapshot(engine: Engine) -> dict[str, Any]:
    """Everything stored, with ids replaced by the article's sha256 and timestamps left out."""
    with session_scope(engine) as s:
        sha = dict(s.execute(select(Article.id, Article.sha256)).all())
        skip = {"id", "ingested_at", "extracted_at"}
        articles = []
        for row in s.execute(select(Article).order_by(Article.id)).scalars():
            d = {c.name: getattr(row, c.name) for c in Article.__table__.columns if c.name not in skip}
            d["dup_of"] = sha.get(row.dup_of) if row.dup_of else None
            articles.append(d)
        events = sorted(_row_repr(r, EventRow, sha) for r in s.execute(select(EventRow)).scalars())
        claims = sorted(_row_repr(r, ClaimRow, sha) for r in s.execute(select(ClaimRow)).scalars())
        return {
            "articles": articles,
            "bands": sorted((k, sha[a]) for k, a in s.execute(select(ArticleBand.key, ArticleBand.article_id))),
            "blobs": sorted(tuple(r) for r in s.execute(select(RawBlob.sha256, RawBlob.size, RawBlob.data))),
            "events": events,
            "claims": claims,
            "queue": sorted(sha[a] for a in s.scalars(select(MergeQueue.article_id))),
        }


def outcome_key(o: StoreOutcome | StoreFailed, sha_of: dict[int, str]) -> tuple[Any, ...]:
    assert isinstance(o, StoreOutcome)
    return (o.status, sha_of[o.article_id], sha_of.get(o.dup_of) if o.dup_of else None, o.dup_similarity)


def test_batches_store_what_one_by_one_stores(two_dbs: tuple[str, str], prepared: list[PreparedArticle]) -> None:
    one, batched = (open_db(u) for u in two_dbs)
    expected = [store_prepared(one, p) for p in prepared]
    writer = BatchWriter(batched)
    got = []
    for i in range(0, len(prepared), 9):  # batch borders fall between originals and their copies
        got.extend(writer.write(prepared[i : i + 9]))
    assert writer.fallbacks == 0
    a, b = snapshot(one), snapshot(batched)
    assert len(a["articles"]) == len(prepared) - 2  # the repeated bytes and the re-fetched page are not new
    assert sum(1 for r in a["articles"] if r["dup_of"]) >= 5  # wire copies linked, some across batch borders
    for key in a:
        assert a[key] == b[key], key
    with session_scope(one) as s:
        sha_one = dict(s.execute(select(Article.id, Article.sha256)).all())
    with session_scope(batched) as s:
        sha_b = dict(s.execute(select(Article.id, Article.sha256)).all())
    assert [outcome_key(o, sha_one) for o in expected] == [outcome_key(o, sha_b) for o in got]
    assert [o.status for o in got].count("present") == 2

    # idempotent: the whole run again adds nothing and names the stored articles
    again = writer.write(prepared)
    assert all(isinstance(o, StoreOutcome) and o.status == "present" for o in again)
    assert [o.article_id for o in again] == [o.article_id for o in got]  # type: ignore[union-attr]
    assert snapshot(batched) == b


def test_a_refused_article_costs_only_itself(db_url: str, prepared: list[PreparedArticle]) -> None:
    engine = open_db(db_url)
    bad = dataclasses.replace(prepared[1], sha256="f" * 64, article=dataclasses.replace(
        prepared[1].article, raw=b"different bytes", source="bad-row"))
    assert bad.extraction is not None
    # a NOT NULL column left empty: both databases refuse the row, and the batch it is in
    bad.article.content_type = None  # type: ignore[assignment]
    batch = [prepared[0], bad, prepared[2]]
    out = BatchWriter(engine).write(batch)
    assert isinstance(out[1], StoreFailed) and out[1].source == "bad-row" and "cannot store" in out[1].reason
    assert [o.status for o in (out[0], out[2])] == ["stored", "stored"]  # type: ignore[union-attr]
    with session_scope(engine) as s:
        shas = set(s.scalars(select(Article.sha256)))
        assert shas == {prepared[0].sha256, prepared[2].sha256}
        assert "f" * 64 not in set(s.scalars(select(RawBlob.sha256)))


def test_claims_and_events_of_a_batch_belong_to_their_articles(sqlite_url: str,
                                                                prepared: list[PreparedArticle]) -> None:
    engine = open_db(sqlite_url)
    out = BatchWriter(engine).write(prepared[:12])
    with session_scope(engine) as s:
        for prep, o in zip(prepared[:12], out, strict=True):
            assert isinstance(o, StoreOutcome)
            n_events = len(s.scalars(select(EventRow.id).where(EventRow.article_id == o.article_id)).all())
            n_claims = len(s.scalars(select(ClaimRow.id).where(ClaimRow.article_id == o.article_id)).all())
            assert prep.extraction is not None
            assert (n_events, n_claims) == (len(prep.extraction.events), len(prep.extraction.claims))
            first = prep.extraction.claims[0] if prep.extraction.claims else None
            if isinstance(first, Claim):
                stored = s.scalars(select(ClaimRow.text).where(ClaimRow.article_id == o.article_id)).all()
                assert first.text in stored


def test_statistics_kept_current_on_postgresql(db_url: str, prepared: list[PreparedArticle],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A bulk load on a server whose autovacuum is off or behind still gets planner statistics: the writer runs
    ANALYZE when the articles it wrote double (here from 5 on)."""
    from sqlalchemy import text

    engine = open_db(db_url)
    monkeypatch.setattr(BatchWriter, "ANALYZE_FIRST", 5)
    writer = BatchWriter(engine)
    writer.write(prepared[:4])
    assert writer.analyzed == 0
    writer.write(prepared[4:12])
    if engine.dialect.name != "postgresql":
        assert writer.analyzed == 0  # SQLite plans do not depend on it here
        return
    assert writer.analyzed == 1
    with engine.connect() as conn:
        n = conn.execute(text("SELECT reltuples FROM pg_class WHERE relname = 'articles'")).scalar_one()
    assert n == 12  # the planner knows the table's size
    writer.write(prepared[12:20])
    assert writer.analyzed == 1  # next at 24
