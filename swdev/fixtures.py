"""Storing articles and events directly, without ingestion or extraction: for tests, evaluations and benchmarks.

``add_article`` stores the raw bytes and the article row the way ingestion does (content-addressed by sha256);
``add_events`` stores ``Event`` objects as extracted by ``extractor_version``. ``replace_events`` imitates
``strikewatch reextract``: the article's events are replaced by a new extractor version's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Table, delete, insert, update
from sqlalchemy.orm import Session

from strikewatch.db.tables import Article, EventRow, RawBlob
from strikewatch.schema import Event, Evidence

RB = cast(Table, RawBlob.__table__)
ART = cast(Table, Article.__table__)
EVT = cast(Table, EventRow.__table__)
EVENT_COLUMNS = {c.name for c in EVT.columns} - {"id", "article_id", "idx", "extractor_version"}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def article_values(text: str, *, source: str | None = None, published: dt.date | None = None,
                   outlet: str | None = None, url: str | None = None, title: str | None = None,
                   dup_of: int | None = None, comments: str | None = None,
                   extractor_version: str | None = None, salt: str = "") -> tuple[dict[str, Any], dict[str, Any]]:
    """(raw_blobs row, articles row) for an article; ``salt`` makes identical texts distinct blobs."""
    raw = (text + ("\n\n" + comments if comments else "") + salt).encode()
    sha = hashlib.sha256(raw).hexdigest()
    blob = {"sha256": sha, "size": len(raw), "data": raw, "created_at": _now()}
    art = {
        "sha256": sha, "text_sha256": hashlib.sha256(text.encode()).hexdigest(), "external_id": None,
        "source": source or f"test:{sha[:12]}", "content_type": "text/plain", "title": title, "url": url,
        "outlet": outlet, "published": published, "published_basis": "cli" if published else "unknown",
        "text": text, "comments": comments, "n_chars": len(text), "simhash": None, "dup_of": dup_of,
        "dup_similarity": 1.0 if dup_of else None, "ingested_at": _now(), "extractor_version": extractor_version,
        "extracted_at": _now() if extractor_version else None,
    }
    return blob, art


def add_article(session: Session, text: str, **kw: Any) -> int:
    blob, art = article_values(text, **kw)
    session.execute(insert(RB), [blob])
    return int(session.execute(insert(ART).returning(ART.c.id), [art]).scalar_one())


def event_values(article_id: int, idx: int, ev: Event, extractor_version: str) -> dict[str, Any]:
    d = ev.to_dict()
    row = {k: d.get(k) for k in EVENT_COLUMNS}
    for k in ("date", "date_earliest", "date_latest"):
        row[k] = getattr(ev, k)
    row.update(article_id=article_id, idx=idx, extractor_version=extractor_version)
    return row


def add_events(session: Session, article_id: int, events: Sequence[Event], extractor_version: str = "test-1") -> None:
    if events:
        session.execute(insert(EVT),
                        [event_values(article_id, i, e, extractor_version) for i, e in enumerate(events)])
    session.execute(update(ART).where(ART.c.id == article_id)
                    .values(extractor_version=extractor_version, extracted_at=_now()))


def replace_events(session: Session, article_id: int, events: Sequence[Event], extractor_version: str) -> None:
    """What re-extraction does: drop the article's events, store the new version's."""
    session.execute(delete(EVT).where(EVT.c.article_id == article_id))
    add_events(session, article_id, events, extractor_version)


def bulk_add(session: Session, items: Iterable[tuple[dict[str, Any], dict[str, Any], list[Event]]],
             extractor_version: str = "bench-1", batch: int = 2000) -> int:
    """Insert (blob, article, events) triples in batches; returns the number of events stored."""
    n = 0
    buf: list[tuple[dict[str, Any], dict[str, Any], list[Event]]] = []

    def flush() -> None:
        nonlocal n
        if not buf:
            return
        session.execute(insert(RB), [b for b, _, _ in buf])
        ids = session.execute(insert(ART).returning(ART.c.id,
                                                                   sort_by_parameter_order=True),
                              [a for _, a, _ in buf]).scalars().all()
        rows = [event_values(aid, i, e, extractor_version)
                for aid, (_, _, evs) in zip(ids, buf, strict=True) for i, e in enumerate(evs)]
        if rows:
            session.execute(insert(EVT), rows)
        n += len(rows)
        buf.clear()

    for it in items:
        it[1]["extractor_version"] = extractor_version
        buf.append(it)
        if len(buf) >= batch:
            flush()
    flush()
    return n


def evidence_for(text: str, **phrases: str) -> list[Evidence]:
    """Evidence spans for fields from phrases that occur in ``text`` (ValueError if one does not)."""
    out = []
    for name, phrase in phrases.items():
        i = text.find(phrase)
        if i < 0:
            raise ValueError(f"{phrase!r} not in text")
        out.append(Evidence(name, i, i + len(phrase)))
    return out
