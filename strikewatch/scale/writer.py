"""The one writer: stores prepared articles in batches, one transaction per batch.

``store_prepared`` (strikewatch.store.articles) writes one article per transaction: about a dozen statements
and a commit each. Here a batch of articles is written in one transaction with the same outcome, composed of
the store's own pieces:

- which raw hashes are stored already: ``present_ids``, one query for the batch;
- a page re-fetched with the same text (``same_page_id``) and the wire-copy link (``find_wire_original``): the
  store's functions, called per new article in input order, after the articles before it in the batch have been
  inserted (so a copy of an article earlier in the same batch is linked exactly as in a one-by-one run);
- raw blobs, events, claims and merge-queue rows: one multi-row insert each for the whole batch
  (``event_row_values`` / ``claim_row_values`` give the rows).

Crash safety is that of the store: a batch is committed whole or not at all, and a re-run finds the committed
articles by their hash. On PostgreSQL the batch holds the store's advisory lock, on SQLite the write lock, so
concurrent writers (another ingest, a single-process ``ingest``) still see each other's articles. When a batch
fails on one bad row (an integrity or data error), it is rolled back and its articles are stored one by one with
``store_prepared``; an article the database refuses is reported, the others are stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Engine, Table, insert, select, text, update
from sqlalchemy.orm import Session

from strikewatch.db.engine import session_scope
from strikewatch.db.tables import Article, ArticleBand, ClaimRow, EventRow, MergeQueue, RawBlob
from strikewatch.ingest.read import Rejected
from strikewatch.store.articles import (
    _PG_STORE_LOCK,
    PreparedArticle,
    StoreOutcome,
    article_fault,
    find_wire_original,
    present_ids,
    same_page_id,
    store_prepared,
)
from strikewatch.store.extractions import claim_row_values, event_row_values

AR = cast(Table, Article.__table__)
CHUNK = 500  # values per IN (...) list


@dataclass(frozen=True, slots=True)
class StoreFailed:
    """The database refused this article (e.g. a value too long for its column); nothing of it was stored."""

    source: str
    reason: str

    def as_rejected(self) -> Rejected:
        return Rejected(self.source, self.reason)


Outcome = StoreOutcome | StoreFailed


def article_row_values(prep: PreparedArticle, link: tuple[int, float] | None, now: dt.datetime) -> dict[str, Any]:
    """The ``articles`` row of a prepared article, as ``store.articles`` writes it (checked by
    tests/test_scale_writer.py against ``store_prepared``, column by column)."""
    art = prep.article
    return {
        "sha256": prep.sha256,
        "text_sha256": prep.text_sha256,
        "external_id": art.external_id,
        "source": art.source,
        "content_type": art.content_type,
        "title": art.title,
        "url": art.url,
        "outlet": art.outlet,
        "published": art.published,
        "published_basis": art.published_basis,
        "text": art.text,
        "comments": art.comments,
        "n_chars": len(art.text),
        "simhash": prep.fingerprint.simhash,
        "dup_of": link[0] if link else None,
        "dup_similarity": link[1] if link else None,
        "ingested_at": now,
        "extractor_version": prep.extractor_version,
        "extracted_at": now if prep.extraction is not None else None,
    }


class BatchWriter:
    """Stores batches of prepared articles; ``write`` returns one outcome per article, in order."""

    ANALYZE_FIRST = 1000  # articles written before the first ANALYZE; then each time the count doubles

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self.batches = 0
        self.fallbacks = 0  # batches that had to be stored one by one
        self.written = 0  # articles stored by this writer
        self.analyzed = 0  # ANALYZE runs
        self._next_analyze = self.ANALYZE_FIRST

    def write(self, preps: Sequence[PreparedArticle],
              also: Callable[[Session, list[Outcome]], None] | None = None) -> list[Outcome]:
        """Store ``preps``; ``also(session, outcomes)`` writes what must commit with them (the monitor marks the
        items it has handled) in the batch's transaction, or in a transaction of its own after a fallback."""
        if not preps:
            return []
        if self.dialect not in ("sqlite", "postgresql"):
            out = [self._one(p) for p in preps]
            self._also(also, out)
            return out
        self.batches += 1
        try:
            with session_scope(self.engine) as session:
                out = list(write_batch(session, preps))
                if also is not None:
                    also(session, out)
        except Exception as exc:
            # A row the database refuses (or any failure one article causes), or another writer that got there
            # first: the batch was rolled back whole; store article by article so only the refused one is left out.
            if article_fault(exc) is None:
                raise
            self.fallbacks += 1
            out = [self._one(p) for p in preps]
            self._also(also, out)
        self._count(out)
        return out

    def _also(self, also: Callable[[Session, list[Outcome]], None] | None, out: list[Outcome]) -> None:
        if also is not None:
            with session_scope(self.engine) as session:
                also(session, out)

    def _count(self, outcomes: Sequence[Outcome]) -> None:
        """Keep PostgreSQL's planner statistics current while a bulk load grows the tables (autovacuum may be off
        or behind): ANALYZE after 1k, 2k, 4k ... articles written, so its cost stays a small share of the run."""
        self.written += sum(1 for o in outcomes if isinstance(o, StoreOutcome) and o.status == "stored")
        if self.dialect != "postgresql" or self.written < self._next_analyze:
            return
        self._next_analyze = 2 * self.written
        with self.engine.begin() as conn:
            conn.execute(text("ANALYZE articles, article_bands, events, claims"))
        self.analyzed += 1

    @staticmethod
    def _one_engine(engine: Engine, prep: PreparedArticle) -> Outcome:
        try:
            return store_prepared(engine, prep)
        except Exception as exc:
            reason = article_fault(exc)
            if reason is None:
                raise
            return StoreFailed(prep.article.source, f"cannot store: {reason}")

    def _one(self, prep: PreparedArticle) -> Outcome:
        return self._one_engine(self.engine, prep)


def _take_write_lock(session: Session) -> None:
    """Serialise with every other article writer before reading what is stored."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_STORE_LOCK})
    else:  # SQLite: a (no-op) write takes the database's write lock for the rest of the transaction
        mq = cast(Table, MergeQueue.__table__)
        session.execute(update(mq).where(mq.c.article_id < 0).values(article_id=mq.c.article_id))


def _stored_text_hashes(session: Session, hashes: set[str]) -> set[str]:
    found: set[str] = set()
    wanted = sorted(hashes)
    for i in range(0, len(wanted), CHUNK):
        found.update(session.scalars(select(AR.c.text_sha256).where(AR.c.text_sha256.in_(wanted[i : i + CHUNK]))))
    return found


def write_batch(session: Session, preps: Sequence[PreparedArticle]) -> list[Outcome]:
    """Store ``preps`` inside the caller's transaction, as ``store_prepared`` would one after another."""
    _take_write_lock(session)
    now = dt.datetime.now(dt.UTC)
    # 1. which are stored already: the same raw bytes, or the same page (URL) with the same text
    known = present_ids(session, [p.sha256 for p in preps])
    stored_texts = _stored_text_hashes(session, {p.text_sha256 for p in preps if p.article.url})
    first_by_sha: dict[str, int] = {}  # raw hash -> position of the first new article with it in this batch
    first_by_page: dict[tuple[str, str], int] = {}  # (url, text hash) -> position, likewise
    status: list[tuple[str, int] | None] = []  # None: new; ("db", id) or ("batch", position): present
    for i, prep in enumerate(preps):
        art = prep.article
        if prep.sha256 in known:
            status.append(("db", known[prep.sha256]))
            continue
        if prep.sha256 in first_by_sha:
            status.append(("batch", first_by_sha[prep.sha256]))
            continue
        if art.url:
            page = same_page_id(session, art.url, prep.text_sha256) if prep.text_sha256 in stored_texts else None
            if page is not None:
                status.append(("db", page))
                continue
            if (art.url, prep.text_sha256) in first_by_page:
                status.append(("batch", first_by_page[(art.url, prep.text_sha256)]))
                continue
            first_by_page[(art.url, prep.text_sha256)] = i
        first_by_sha[prep.sha256] = i
        status.append(None)
    new = [p for p, st in zip(preps, status, strict=True) if st is None]
    # 2. raw blobs first (articles.sha256 references them)
    _insert_blobs(session, [{"sha256": p.sha256, "size": len(p.article.raw), "data": p.article.raw,
                             "created_at": now} for p in new])
    # 3. articles in input order, each after the one before it so that its wire original can be an article of
    #    this very batch; then events, claims and the merge queue for the whole batch
    ids: dict[int, int] = {}
    links: dict[int, tuple[int, float] | None] = {}
    events: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    bands = cast(Table, ArticleBand.__table__)
    for i, (prep, st) in enumerate(zip(preps, status, strict=True)):
        if st is not None:
            continue
        link = find_wire_original(session, prep)
        article_id = int(session.execute(insert(AR).returning(AR.c.id), article_row_values(prep, link, now))
                         .scalar_one())
        ids[i], links[i] = article_id, link
        if prep.fingerprint.band_keys:
            session.execute(
                insert(bands), [{"key": k, "article_id": article_id} for k in sorted(set(prep.fingerprint.band_keys))]
            )
        if prep.extraction is not None and prep.extractor_version is not None:
            version = prep.extractor_version
            events.extend(event_row_values(article_id, n, e, version) for n, e in enumerate(prep.extraction.events))
            claims.extend(claim_row_values(article_id, c, version) for c in prep.extraction.claims)
    if events:
        session.execute(insert(cast(Table, EventRow.__table__)), events)
    if claims:
        session.execute(insert(cast(Table, ClaimRow.__table__)), claims)
    if ids:
        session.execute(insert(cast(Table, MergeQueue.__table__)), [{"article_id": a} for a in ids.values()])
    outcomes: list[Outcome] = []
    for i, st in enumerate(status):
        if st is None:
            link = links[i]
            outcomes.append(StoreOutcome("stored", ids[i], link[0] if link else None, link[1] if link else None))
        elif st[0] == "db":
            outcomes.append(StoreOutcome("present", st[1]))
        else:
            outcomes.append(StoreOutcome("present", ids[st[1]]))
    return outcomes


def _insert_blobs(session: Session, rows: list[dict[str, Any]]) -> None:
    """Raw blobs, skipping any stored already (as the store does)."""
    table = cast(Table, RawBlob.__table__)
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert  # type: ignore[assignment]
    for i in range(0, len(rows), 100):
        stmt = dialect_insert(table).values(rows[i : i + 100]).on_conflict_do_nothing(index_elements=["sha256"])
        session.execute(stmt)
