"""Read side of the web app: the queries behind the API, the pages and the static export.

Strike records are serialised by ``strikewatch.merge.views`` (one place for that). What is here only the web
needs: filters as one typed value, the list page read by an index walk (same order as ``views.list_strikes``),
totals cached per filter, stats per period, articles with their evidence, the audit trail.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from strikewatch.db.tables import Article, ClaimRow, EventRow, ReviewAction, Strike, StrikeReport
from strikewatch.merge import views
from strikewatch.merge.grading import GRADES as MERGE_GRADES
from strikewatch.model import count_columns
from strikewatch.schema import join_comments

STATS_COUNTS: tuple[str, ...] = ("killed", "civilians", "children")  # the tolls /api/stats sums per period


# The day a record sorts and filters by: its date, else the start of its date window (as strikewatch.merge.views).
def day_key() -> Any:
    return func.coalesce(Strike.date, Strike.date_earliest)


SortKey = Literal["date", "-date", "killed", "-killed", "civilians", "-civilians", "sources", "-sources", "id", "-id"]
SORT_KEYS: tuple[str, ...] = (
    "date", "-date", "killed", "-killed", "civilians", "-civilians", "sources", "-sources", "id", "-id",
)
GRADES: tuple[str, ...] = tuple(MERGE_GRADES)
Period = Literal["week", "month", "year"]

# Columns of a strike record in lists, CSV and GeoJSON: the merge stage's.
LIST_FIELDS: tuple[str, ...] = tuple(views.LIST_FIELDS)


@dataclass(frozen=True, slots=True)
class StrikeFilter:
    """Which strike records a list, a map, a timeline or an export shows."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    admin: str | None = None  # matches admin1 or admin2, case-insensitive
    grade: tuple[str, ...] = ()
    min_killed: int | None = None
    include_inactive: bool = False  # merged and rejected records too

    def apply(self, stmt: Any) -> Any:
        """``stmt`` (a select over ``strikes``) narrowed by this filter."""
        if not self.include_inactive:
            stmt = stmt.where(Strike.status == "active")
        if self.since is not None:
            stmt = stmt.where(day_key() >= self.since)
        if self.until is not None:
            stmt = stmt.where(day_key() <= self.until)
        if self.country:
            stmt = stmt.where(Strike.country == self.country.upper())
        if self.admin:
            a = self.admin.lower()
            stmt = stmt.where(or_(func.lower(Strike.admin1) == a, func.lower(Strike.admin2) == a))
        if self.grade:
            stmt = stmt.where(Strike.grade.in_(self.grade))
        if self.min_killed is not None:
            # "at least 12" (max unstated) is at least 12 killed too
            stmt = stmt.where(func.coalesce(Strike.killed_max, Strike.killed_min) >= self.min_killed)
        return stmt


def _key(sort: str) -> Any:
    keys = {"date": day_key(), "killed": Strike.killed_max, "civilians": Strike.civilians_max,
            "sources": Strike.n_sources, "id": Strike.id}
    return keys[sort.lstrip("-")]


def _value(v: Any) -> Any:
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()
    return v


_DATE_FIELDS = ("date", "date_earliest", "date_latest")


def strike_row_dict(row: Any, fields: tuple[str, ...] = LIST_FIELDS) -> dict[str, Any]:
    """A list row (columns in ``fields`` order) as a plain JSON-ready dict."""
    d = dict(zip(fields, row, strict=True))
    for k in _DATE_FIELDS:
        v = d.get(k)
        if v is not None and not isinstance(v, str):
            d[k] = v.isoformat()
    return views.with_figures(d)


def _view_filters(flt: StrikeFilter) -> dict[str, Any]:
    return {"since": flt.since, "until": flt.until, "country": flt.country, "admin": flt.admin,
            "grade": list(flt.grade) or None, "min_killed": flt.min_killed,
            "status": None if flt.include_inactive else "active"}


class CountCache:
    """Totals per filter for a few seconds: counting 100k rows costs more than the page itself.

    The web app clears it after each review action; other writers (ingest, merge) show up within ``ttl`` s.
    """

    def __init__(self, ttl: float = 5.0) -> None:
        self.ttl = ttl
        self._data: dict[StrikeFilter, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def get(self, flt: StrikeFilter) -> int | None:
        with self._lock:
            hit = self._data.get(flt)
        if hit is None or time.monotonic() - hit[0] > self.ttl:
            return None
        return hit[1]

    def put(self, flt: StrikeFilter, n: int) -> None:
        with self._lock:
            if len(self._data) > 1000:
                self._data.clear()
            self._data[flt] = (time.monotonic(), n)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


@functools.lru_cache(maxsize=4)
def _base_select(fields: tuple[str, ...]) -> Any:
    return select(*(getattr(Strike, k) for k in fields))


def count_strikes(session: Session, flt: StrikeFilter, counts: CountCache | None = None) -> int:
    n = counts.get(flt) if counts is not None else None
    if n is None:
        n = int(session.execute(flt.apply(select(func.count()).select_from(Strike))).scalar_one())
        if counts is not None:
            counts.put(flt, n)
    return n


def list_strikes(
    session: Session, flt: StrikeFilter, *, sort: str = "-date", limit: int = 50, offset: int = 0,
    counts: CountCache | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """One page of strike records (``strikewatch.merge.views`` order and fields) and the number matching.

    Same order as ``views.list_strikes`` (key, NULLs last, then id), read without sorting the table: the records
    with a key come from an index walk, and only a last page reaches into the records without one.
    """
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort {sort!r}; one of {', '.join(SORT_KEYS)}")
    fields = LIST_FIELDS
    base = _base_select(fields)
    desc = sort.startswith("-")
    key = _key(sort)
    ident = Strike.id.desc() if desc else Strike.id.asc()
    total = count_strikes(session, flt, counts)
    if sort.lstrip("-") == "id":
        stmt = flt.apply(base).order_by(ident).limit(limit).offset(offset)
        return [strike_row_dict(r, fields) for r in session.execute(stmt)], total
    keyed = flt.apply(base).where(key.is_not(None))
    stmt = keyed.order_by(key.desc() if desc else key.asc(), ident).limit(limit).offset(offset)
    rows = [strike_row_dict(r, fields) for r in session.execute(stmt)]
    if len(rows) < limit:
        n_keyed = int(session.execute(
            flt.apply(select(func.count()).select_from(Strike)).where(key.is_not(None))).scalar_one())
        if offset + len(rows) < total:
            rest = (flt.apply(base).where(key.is_(None)).order_by(ident)
                    .limit(limit - len(rows)).offset(max(0, offset - n_keyed)))
            rows.extend(strike_row_dict(r, fields) for r in session.execute(rest))
    return rows, total


def iter_strikes(session: Session, flt: StrikeFilter, *, sort: str = "date", batch: int = 2000,
                 sources: bool = False) -> list[dict[str, Any]]:
    """Every matching record (exports, static site), from ``views.iter_strikes`` (``sources``: with each record's
    source urls, outlets and evidence count, for CSV and GeoJSON)."""
    return list(views.iter_strikes(session, sort=sort, batch=batch, sources=sources, **_view_filters(flt)))


def _period_key(d: dt.date, period: str) -> str:
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    monday = d - dt.timedelta(days=d.weekday())
    return monday.isoformat()


def _next_period(key: str, period: str) -> str:
    if period == "year":
        return f"{int(key) + 1:04d}"
    if period == "month":
        y, m = int(key[:4]), int(key[5:7])
        return f"{y + (m // 12):04d}-{m % 12 + 1:02d}"
    return (dt.date.fromisoformat(key) + dt.timedelta(days=7)).isoformat()


def stats(session: Session, flt: StrikeFilter, period: str = "month") -> dict[str, Any]:
    """Strikes and casualty ranges per period (empty periods between the first and last included)."""
    keys = count_columns(STATS_COUNTS)
    stmt = flt.apply(select(day_key().label("day"), *(getattr(Strike, k) for k in keys))).where(day_key().is_not(None))
    buckets: dict[str, dict[str, int]] = {}
    # "<name>_open": records whose figure has a stated minimum but no maximum ("at least 7"): the period's maximum
    # is then open too (shown "≥ min"); the chart's band uses the minimum in its place
    keys = (*keys, *(f"{n}_open" for n in STATS_COUNTS))
    for r in session.execute(stmt):
        day = r.day if isinstance(r.day, dt.date) else dt.date.fromisoformat(str(r.day)[:10])
        k = _period_key(day, period)
        b = buckets.setdefault(k, dict.fromkeys(("strikes", *keys), 0))
        b["strikes"] += 1
        for i, name in enumerate(STATS_COUNTS):
            lo, hi = r[1 + 2 * i], r[2 + 2 * i]
            if lo is not None:
                b[f"{name}_min"] += int(lo)
            if hi is not None:
                b[f"{name}_max"] += int(hi)
            elif lo is not None:
                b[f"{name}_max"] += int(lo)
                b[f"{name}_open"] += 1
    undated = int(
        session.execute(flt.apply(select(func.count()).select_from(Strike)).where(day_key().is_(None))).scalar_one()
    )
    out: OrderedDict[str, dict[str, int]] = OrderedDict()
    if buckets:
        k, last = min(buckets), max(buckets)
        empty = dict.fromkeys(("strikes", *keys), 0)
        while k <= last:
            out[k] = buckets.get(k, dict(empty))
            k = _next_period(k, period)
    series: list[dict[str, Any]] = [{"period": k, **v} for k, v in out.items()]
    totals = dict.fromkeys(("strikes", *keys), 0)
    for row in series:
        for name in totals:
            totals[name] += row[name]
    return {"period": period, "series": series, "totals": totals, "undated": undated}


def _event_dict(ev: EventRow) -> dict[str, Any]:
    d = {c.key: _value(getattr(ev, c.key)) for c in EventRow.__table__.columns}
    d["evidence"] = list(ev.evidence or [])
    return d


def _claim_dict(c: ClaimRow) -> dict[str, Any]:
    return {"id": c.id, "article_id": c.article_id, "text": c.text, "start": c.start, "end": c.end,
            "source": c.source, "quantity": c.quantity, "unit": c.unit, "period": c.period}


def strike_detail(session: Session, strike_id: int) -> dict[str, Any] | None:
    """The record (``views.strike_to_dict`` with the merge explanation), the aggregate claims its source articles
    make (context, not figures of this strike), and its audit trail, newest first."""
    rec = views.strike_to_dict(session, strike_id, why=True)
    if rec is None:
        return None
    art_ids = sorted({int(s["article_id"]) for s in rec.get("sources", []) if s.get("article_id") is not None})
    claims = session.scalars(
        select(ClaimRow).where(ClaimRow.article_id.in_(art_ids)).order_by(ClaimRow.article_id, ClaimRow.start)
    ).all() if art_ids else []
    rec["claims"] = [_claim_dict(c) for c in claims]
    rec["audit"] = audit(session, strike_id=strike_id)
    return rec


def article_detail(session: Session, article_id: int) -> dict[str, Any] | None:
    """An article with its stored text, the events and claims read from it, and the strikes it supports."""
    a = session.get(Article, article_id)
    if a is None:
        return None
    text, comments_at = join_comments(a.text, a.comments)
    events = session.scalars(
        select(EventRow).where(EventRow.article_id == article_id).order_by(EventRow.extractor_version, EventRow.idx)
    ).all()
    if events:  # only the newest extractor version's events
        newest = max(e.extractor_version for e in events)
        events = [e for e in events if e.extractor_version == newest]
    claims = session.scalars(select(ClaimRow).where(ClaimRow.article_id == article_id).order_by(ClaimRow.start)).all()
    links = session.execute(
        select(StrikeReport.event_id, StrikeReport.strike_id, Strike.status, Strike.merged_into)
        .join(Strike, Strike.id == StrikeReport.strike_id)
        .where(StrikeReport.article_id == article_id)
    ).all()
    strike_of = {r.event_id: r.strike_id for r in links}
    ev_out = []
    for e in events:
        d = _event_dict(e)
        d["strike_id"] = strike_of.get(e.id)
        ev_out.append(d)
    return {
        "id": a.id, "title": a.title, "url": a.url, "outlet": a.outlet, "source": a.source,
        "published": _value(a.published), "published_basis": a.published_basis, "sha256": a.sha256,
        "dup_of": a.dup_of, "ingested_at": _value(a.ingested_at), "extractor_version": a.extractor_version,
        "text": text, "comments_start": comments_at,
        "events": ev_out,
        "claims": [_claim_dict(c) for c in claims],
        "strike_ids": sorted({r.strike_id for r in links}),
    }


def _mentions(args: Any, strike_id: int) -> bool:
    if isinstance(args, dict):
        return any(_mentions(v, strike_id) for v in args.values())
    if isinstance(args, list):
        return any(_mentions(v, strike_id) for v in args)
    return isinstance(args, int) and not isinstance(args, bool) and args == strike_id


def audit(session: Session, *, strike_id: int | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Review actions, newest first; with ``strike_id`` only those whose arguments name that record."""
    rows = session.scalars(select(ReviewAction).order_by(ReviewAction.id.desc())).all()
    out = []
    for r in rows:
        if strike_id is not None and not _mentions(r.args, strike_id):
            continue
        out.append({"id": r.id, "at": _value(r.at), "by": r.by, "action": r.action, "args": r.args,
                    "reason": r.reason})
        if len(out) >= limit:
            break
    return out


def countries(session: Session) -> list[tuple[str, int]]:
    """Countries that have active records, with their counts (filter menus)."""
    rows = session.execute(
        select(Strike.country, func.count()).where(Strike.status == "active", Strike.country.is_not(None))
        .group_by(Strike.country).order_by(func.count().desc())
    ).all()
    return [(str(c), int(n)) for c, n in rows]
