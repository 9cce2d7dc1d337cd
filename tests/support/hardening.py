"""Shared helpers of the hardening tests (no tests here): corpora, review actions, and exact table snapshots.

``table_snapshot`` reads every table straight through SQLAlchemy and normalises only what the two backends
store differently (SQLite keeps no UTC offset), so two databases compare record for record without going
through the backup module's own encoder.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, select
from sqlalchemy.orm import Session

from strikewatch.db import database_url, open_db, session_scope
from strikewatch.db.tables import Base, ReviewAction, Strike

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"


@contextmanager
def fresh_db(kind: str, folder: Path) -> Iterator[str]:
    """Another empty database besides the ``db_url`` fixture's (``swtest.make_db_url``: a SQLite file in
    ``folder`` or a new PostgreSQL database, dropped afterwards; skipped like the fixture without PostgreSQL)."""
    from swtest import make_db_url

    folder.mkdir(parents=True, exist_ok=True)
    gen = make_db_url(kind, folder)
    try:
        yield next(gen)
    finally:
        next(gen, None)  # runs the generator's clean-up (dispose, drop the database)


def synth_jsonl(path: Path, n: int, seed: int = 1, start: int = 0) -> list[dict[str, Any]]:
    """``n`` synthetic reports (our own template text) as an ingest JSONL file; returns the records."""
    from swdev.synth import fictional_facts, generate

    docs = list(itertools.islice(generate(fictional_facts(seed), seed=seed), start, start + n))
    recs = [d.record() for d in docs]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return recs


def synth_files(folder: Path, n: int, seed: int = 1, start: int = 0) -> list[Path]:
    """``n`` synthetic reports as one single-line .jsonl file each (so each carries its publication date)."""
    from swdev.synth import fictional_facts, generate

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, d in enumerate(itertools.islice(generate(fictional_facts(seed), seed=seed), start, start + n)):
        p = folder / f"{start + i:05d}.jsonl"
        p.write_text(json.dumps(d.record(), ensure_ascii=False) + "\n", encoding="utf-8")
        out.append(p)
    return out


def active_strikes(session: Session) -> list[Strike]:
    return list(session.scalars(select(Strike).where(Strike.status == "active").order_by(Strike.id)))


def review_some(engine: Engine, by: str = "rita") -> list[int]:
    """A merge, a split, a set and a reject on the current records (each as a reviewer would); action ids."""
    from strikewatch.merge import review

    done: list[int] = []
    with session_scope(engine) as s:
        act = active_strikes(s)
        assert len(act) >= 4, "need at least four strike records to review"
        done.append(review.merge(s, act[0].id, act[1].id, by=by, reason="one strike reported under two names"))
    with session_scope(engine) as s:
        multi = [x for x in active_strikes(s) if len((x.why or {}).get("members", [])) >= 2]
        if multi:
            members = multi[0].why["members"]
            aid, _new = review.split(s, multi[0].id, [members[0][1]], by=by, reason="a different strike that day")
            done.append(aid)
    with session_scope(engine) as s:
        act = active_strikes(s)
        done.extend(review.set_fields(s, act[-1].id, {"killed_max": "17", "place": "Datta Khel"}, by=by,
                                      reason="a later local report"))
    with session_scope(engine) as s:
        act = active_strikes(s)
        done.append(review.reject(s, act[-2].id, by=by, reason="an accidental explosion, not a strike"))
    return done


def _norm(v: Any) -> Any:
    if isinstance(v, dt.datetime):
        if v.tzinfo is None:
            v = v.replace(tzinfo=dt.UTC)
        return v.astimezone(dt.UTC)
    if isinstance(v, memoryview):
        return bytes(v)
    return v


def table_snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order, read with a plain engine."""
    engine = create_engine(database_url(url))
    try:
        out: dict[str, list[tuple[Any, ...]]] = {}
        with engine.connect() as conn:
            for tbl in Base.metadata.sorted_tables:
                pk = list(tbl.primary_key.columns) or list(tbl.columns)
                rows = conn.execute(select(*tbl.columns).order_by(*pk))
                out[tbl.name] = [tuple(_norm(v) for v in r) for r in rows]
        return out
    finally:
        engine.dispose()


def articles_and_actions(url: str) -> tuple[dict[int, str], dict[int, tuple[str, str, str]]]:
    """(article id -> raw sha256, review action id -> (action, args JSON, reason)) as stored now."""
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as conn:
            arts = {i: sha for i, sha in conn.execute(select(Base.metadata.tables["articles"].c.id,
                                                               Base.metadata.tables["articles"].c.sha256))}
            ra = ReviewAction.__table__
            acts = {r.id: (r.action, json.dumps(r.args, sort_keys=True), r.reason)
                    for r in conn.execute(select(ra.c.id, ra.c.action, ra.c.args, ra.c.reason))}  # type: ignore[attr-defined]
        return arts, acts
    finally:
        engine.dispose()


def ingest_examples(url: str) -> Engine:
    from strikewatch.ingest.pipeline import ingest_sources

    engine = open_db(url)
    report = ingest_sources(engine, [str(EXAMPLES)])
    assert report.merge_error is None and len(report.stored) >= 30, report.to_dict()
    return engine


D = dt.date(2013, 1, 8)


def ev(place: str, killed: int, day: dt.date = D) -> Any:
    from strikewatch.schema import Event

    return Event(type="drone_strike", perpetrator="US", date=day, date_earliest=day, date_latest=day, country="PK",
                 admin1="Khyber Pakhtunkhwa", admin2="North Waziristan", place=place, geo_precision="place",
                 killed_min=killed, killed_max=killed)


def small_corpus(url: str) -> dict[str, int]:
    """Five reports of three strikes, merged; then a reviewer merge, set and reject."""
    from strikewatch.merge import review, update_strikes
    from swdev.fixtures import add_article, add_events

    engine = open_db(url)
    texts = [
        ("A drone strike in Haiderkhel near Mir Ali killed four suspected militants on Tuesday.", "Haiderkhel", 4, D),
        ("Residents of Haiderkhel said the toll from Tuesday's strike had risen to nine.", "Haiderkhel", 9, D),
        ("Officials said a drone hit a compound in Hassokhel, killing five on Tuesday.", "Hassokhel", 5, D),
        ("A strike in Datta Khel killed three people on Sunday, officials said.", "Datta Khel",
         3, D + dt.timedelta(days=20)),
        ("Three died when missiles hit a car in Datta Khel on Sunday.", "Datta Khel", 3, D + dt.timedelta(days=20)),
        ("A drone struck a house in Shawal, killing two, local people said.", "Shawal", 2, D + dt.timedelta(days=40)),
    ]
    with session_scope(engine) as s:
        for i, (text, place, killed, day) in enumerate(texts):
            aid = add_article(s, text, outlet=f"Outlet {i}", published=day, extractor_version="x1")
            add_events(s, aid, [ev(place, killed, day)], "x1")
    update_strikes(engine, None)
    with session_scope(engine) as s:
        from sqlalchemy import select

        from strikewatch.db.tables import Strike

        by_place = {x.place: x.id for x in s.scalars(select(Strike).where(Strike.status == "active"))}
    with session_scope(engine) as s:
        review.merge(s, by_place["Haiderkhel"], by_place["Hassokhel"], by="rita", reason="one compound")
    with session_scope(engine) as s:
        review.set_fields(s, by_place["Datta Khel"], {"killed_max": "6"}, by="rita", reason="later report")
    with session_scope(engine) as s:
        review.reject(s, by_place["Shawal"], by="rita", reason="gas cylinder explosion")
    return by_place
