"""Strike records as plain dicts: the one serialisation used by the CLI, the exports and the web app.

Stable interface (the web app calls these):
    strike_to_dict(session, strike_id, *, why=False) -> dict | None
    list_strikes(session, *, since, until, country, admin, grade, min_killed, sort, limit, offset) -> (rows, total)

Field names are the extraction field names (``date``, ``date_earliest``, ``date_latest``, ``country``, ``admin1``,
``admin2``, ``place``, ``lat``, ``lon``, ``killed_min`` … ``munitions_max``, ``type``, ``perpetrator``) plus ``id``,
``grade``, ``grade_reason``, ``n_sources`` (independent) and, for one record, ``sources``: one entry per report
with ``article_id``, ``url``, ``outlet``, ``published``, that report's own figures and its evidence quotes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Table, func, or_, select
from sqlalchemy.orm import Session

from strikewatch.db.tables import Article, EventRow, Strike, StrikeReport
from strikewatch.merge.grading import GRADES
from strikewatch.model import CASUALTIES, COUNT_COLUMNS, PLACE_COLUMNS
from strikewatch.ranges import Range
from strikewatch.schema import join_comments

ST = cast(Table, Strike.__table__)
SR = cast(Table, StrikeReport.__table__)
EV = cast(Table, EventRow.__table__)
AR = cast(Table, Article.__table__)

LIST_FIELDS: tuple[str, ...] = (
    "id", "status", "merged_into", "type", "perpetrator", "date", "date_earliest", "date_latest", "date_precision",
    *PLACE_COLUMNS, *COUNT_COLUMNS, "target", "target_groups", "named_dead", "double_tap", "grade", "grade_reason",
    "n_sources", "n_reports",
)
SORTS: dict[str, Any] = {"date": ST.c.date, "killed": ST.c.killed_max, "civilians": ST.c.civilians_max,
                         "id": ST.c.id, "sources": ST.c.n_sources}
SORT_KEYS: tuple[str, ...] = tuple(k for s in SORTS for k in (s, "-" + s))
SOURCE_EVENT_FIELDS: tuple[str, ...] = (
    "idx", "role", "section", "type", "perpetrator", "date", "date_earliest", "date_latest", "date_text",
    *PLACE_COLUMNS, *COUNT_COLUMNS, "target", "target_groups", "named_dead",
)


def _v(x: Any) -> Any:
    if isinstance(x, dt.datetime | dt.date):
        return x.isoformat()
    return x


def _sentence(text: str, start: int, end: int) -> str:
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    a = 0 if a < 0 else a + 1
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    b = min(ends) + 1 if ends else len(text)
    if b - a > 600:
        a, b = max(a, start - 250), min(b, end + 250)
    return " ".join(text[a:b].split())


def evidence_quotes(text: str, evidence: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each evidence span with the words it covers (``quote``) and the sentence around them (``sentence``)."""
    out = []
    for e in evidence or []:
        try:
            s, t = int(e["start"]), int(e["end"])
        except (KeyError, TypeError, ValueError):
            continue
        if not 0 <= s <= t <= len(text):
            continue
        out.append({"field": e.get("field"), "start": s, "end": t, "quote": text[s:t], "text": text[s:t],
                    "sentence": _sentence(text, s, t)})
    return out


FIGURE_NAMES: tuple[str, ...] = tuple(c.name for c in CASUALTIES if c.unit == "people")  # the casualty classes
FIGURE_FIELDS: tuple[str, ...] = (*FIGURE_NAMES, "open_bounds")


def with_figures(rec: dict[str, Any]) -> dict[str, Any]:
    """Each casualty figure as every page, table, CSV and the API show it (``Range.display``: "7", "7–12",
    "≥ 7", "≤ 8", "unknown") under its class name, and ``open_bounds``: which bound of which figure is not stated
    ({"killed": "max"} for "at least 7"), so an API client never reads an open figure as exact."""
    opens: dict[str, str] = {}
    for name in FIGURE_NAMES:
        r = Range.of(rec, name)
        rec[name] = r.display()
        if r.open:
            opens[name] = "max" if r.max is None else "min"
    rec["open_bounds"] = opens
    return rec


def strike_row(row: Any) -> dict[str, Any]:
    m = row._mapping
    return with_figures({k: _v(m[k]) for k in LIST_FIELDS if k in m})


def sources_of(session: Session, strike_id: int, *, why: bool = False) -> list[dict[str, Any]]:
    q = (
        select(SR.c.event_id, SR.c.source_group, SR.c.score, SR.c.why, EV, AR.c.url, AR.c.outlet, AR.c.title,
               AR.c.published, AR.c.text.label("article_text"), AR.c.comments, AR.c.dup_of)
        .select_from(SR.join(EV, EV.c.id == SR.c.event_id).join(AR, AR.c.id == SR.c.article_id))
        .where(SR.c.strike_id == strike_id)
        .order_by(AR.c.published.is_(None), AR.c.published, SR.c.article_id, EV.c.idx)
    )
    out: list[dict[str, Any]] = []
    seen_groups: set[int] = set()
    for row in session.execute(q):
        m = row._mapping
        text = join_comments(m["article_text"] or "", m["comments"])[0]
        quotes = evidence_quotes(text, m["evidence"] or [])
        event = {k: _v(m[k]) for k in ("id", "article_id", "extractor_version", *SOURCE_EVENT_FIELDS)}
        event["evidence"] = list(m["evidence"] or [])
        event["quotes"] = quotes
        w = dict(m["why"] or {})
        src: dict[str, Any] = {
            "article_id": m["article_id"], "url": m["url"], "outlet": m["outlet"], "title": m["title"],
            "published": _v(m["published"]), "source_group": m["source_group"],
            "independent": m["source_group"] not in seen_groups, "wire_copy_of": m["dup_of"],
            "key": w.get("key"), "event_id": m["event_id"],
            **{k: _v(m[k]) for k in SOURCE_EVENT_FIELDS if k != "idx"},
            "evidence": quotes, "event": event, "score": m["score"],
        }
        src["figures"] = {k: m[k] for k in COUNT_COLUMNS if m[k] is not None}
        cues = w.get("cues") or []
        if cues:
            src["cues"] = [{"cue": c[0], "words": c[1]} for c in cues]
        if why:
            src["why"] = {k: v for k, v in w.items() if k not in ("cues", "cue_v", "key", "role", "section")}
        seen_groups.add(m["source_group"])
        out.append(src)
    return out


def strike_to_dict(session: Session, strike_id: int, *, why: bool = False) -> dict[str, Any] | None:
    """A strike record with every source, its figures and evidence quotes; ``why``: the merge explanation."""
    row = session.execute(select(ST).where(ST.c.id == strike_id)).first()
    if row is None:
        return None
    m = row._mapping
    rec = with_figures({k: _v(m[k]) for k in LIST_FIELDS})
    rec["created_at"] = _v(m["created_at"])
    rec["updated_at"] = _v(m["updated_at"])
    rec["sources"] = sources_of(session, strike_id, why=why)
    w = dict(m["why"] or {})
    rec["reports"] = [k for _, k in w.get("members", [])]
    if w.get("double_tap"):
        rec["double_tap_of" if "first_strike" in w["double_tap"] else "double_tap_followed_by"] = (
            w["double_tap"].get("first_strike") or w["double_tap"].get("followed_by"))
    if why:
        rec["why"] = w
    from strikewatch.merge.review import review_log

    rec["review"] = review_log(session, strike_id)
    return rec


def _filtered(stmt: Any, *, since: dt.date | None, until: dt.date | None, country: str | None, admin: str | None,
              grade: str | Sequence[str] | None, min_killed: int | None, status: str | None) -> Any:
    if status:
        stmt = stmt.where(ST.c.status == status)
    day = func.coalesce(ST.c.date, ST.c.date_earliest)
    if since is not None:
        stmt = stmt.where(day >= since)
    if until is not None:
        stmt = stmt.where(day <= until)
    if country:
        stmt = stmt.where(ST.c.country == country.upper())
    if admin:
        a = admin.lower()
        stmt = stmt.where(or_(func.lower(ST.c.admin1) == a, func.lower(ST.c.admin2) == a))
    if grade:
        grades = [grade] if isinstance(grade, str) else list(grade)
        bad = [g for g in grades if g not in GRADES]
        if bad:
            raise ValueError(f"unknown grade {bad[0]!r}; one of {', '.join(GRADES)}")
        stmt = stmt.where(ST.c.grade.in_(grades))
    if min_killed is not None:
        stmt = stmt.where(func.coalesce(ST.c.killed_max, ST.c.killed_min) >= min_killed)
    return stmt


def _order(sort: str) -> list[Any]:
    key = sort.lstrip("-")
    if key not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; one of {', '.join(SORT_KEYS)}")
    col = func.coalesce(ST.c.date, ST.c.date_earliest) if key == "date" else SORTS[key]
    desc = sort.startswith("-")
    return [col.is_(None), col.desc() if desc else col.asc(), ST.c.id.desc() if desc else ST.c.id.asc()]


def list_strikes(
    session: Session, *, since: dt.date | None = None, until: dt.date | None = None, country: str | None = None,
    admin: str | None = None, grade: str | Sequence[str] | None = None, min_killed: int | None = None,
    sort: str = "date", limit: int | None = 100, offset: int = 0, status: str | None = "active",
) -> tuple[list[dict[str, Any]], int]:
    """One page of strike records (``LIST_FIELDS``) and how many match. ValueError for a bad sort or grade."""
    flt: dict[str, Any] = dict(since=since, until=until, country=country, admin=admin, grade=grade,
                               min_killed=min_killed, status=status)
    stmt = _filtered(select(*(ST.c[k] for k in LIST_FIELDS)), **flt).order_by(*_order(sort)).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = [strike_row(r) for r in session.execute(stmt)]
    total = int(session.execute(_filtered(select(func.count()).select_from(ST), **flt)).scalar_one())
    return rows, total


SOURCE_FIELDS: tuple[str, ...] = ("source_urls", "source_outlets", "n_evidence")


def attach_sources(session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each record with what a sheet needs to be checked without the app: ``source_urls`` and ``source_outlets``
    (each article once, oldest first; wire copies included) and ``n_evidence`` (evidence spans over its reports).
    One query per call; callers pass batches."""
    ids = [r["id"] for r in rows]
    urls: dict[int, list[str]] = {i: [] for i in ids}
    outlets: dict[int, list[str]] = {i: [] for i in ids}
    n_ev: dict[int, int] = dict.fromkeys(ids, 0)
    seen: set[tuple[int, int]] = set()
    if ids:
        q = (
            select(SR.c.strike_id, SR.c.article_id, AR.c.url, AR.c.outlet, EV.c.evidence)
            .select_from(SR.join(EV, EV.c.id == SR.c.event_id).join(AR, AR.c.id == SR.c.article_id))
            .where(SR.c.strike_id.in_(ids))
            .order_by(SR.c.strike_id, AR.c.published.is_(None), AR.c.published, SR.c.article_id)
        )
        for sid, aid, url, outlet, evidence in session.execute(q):
            n_ev[sid] += len(evidence or [])
            if (sid, aid) in seen:
                continue
            seen.add((sid, aid))
            if url:
                urls[sid].append(url)
            if outlet and outlet not in outlets[sid]:
                outlets[sid].append(outlet)
    for r in rows:
        r["source_urls"], r["source_outlets"], r["n_evidence"] = urls[r["id"]], outlets[r["id"]], n_ev[r["id"]]
    return rows


def iter_strikes(
    session: Session, *, sort: str = "date", batch: int = 2000, sources: bool = False, **filters: Any
) -> Iterator[dict[str, Any]]:
    """Every matching record, streamed (exports of any size); ``sources``: with ``SOURCE_FIELDS``."""
    filters.setdefault("status", "active")
    for k in ("since", "until", "country", "admin", "grade", "min_killed"):
        filters.setdefault(k, None)
    stmt = _filtered(select(*(ST.c[k] for k in LIST_FIELDS)), **filters).order_by(*_order(sort))
    if not sources:
        for r in session.execute(stmt.execution_options(yield_per=batch)):
            yield strike_row(r)
        return
    rows = [strike_row(r) for r in session.execute(stmt)]  # all first: one connection, no nested cursor
    for i in range(0, len(rows), 500):
        yield from attach_sources(session, rows[i : i + 500])
