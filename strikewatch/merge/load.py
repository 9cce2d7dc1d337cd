"""Reading the current reports (events) out of the database as ``Report`` objects.

An article's *current* events are those of its ``extractor_version``; when an article records no version, those
of the version whose rows were written last. Only event types that can be (or contest) a strike are read.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any, cast

from sqlalchemy import Date, Select, Table, and_, bindparam, exists, func, or_, select
from sqlalchemy.orm import Session

from strikewatch.db.tables import Article, EventRow, StrikeReport
from strikewatch.merge.reports import MERGEABLE_TYPES, Report, base_key, report_from_row
from strikewatch.model import COUNT_COLUMNS, PLACE_COLUMNS

EV = cast(Table, EventRow.__table__)
AR = cast(Table, Article.__table__)
SR = cast(Table, StrikeReport.__table__)
CHUNK = 500  # ids per IN (...) list

ev_lo = func.coalesce(EV.c.date_earliest, EV.c.date, EV.c.date_latest)
ev_hi = func.coalesce(EV.c.date_latest, EV.c.date, EV.c.date_earliest)



def chunks(ids: Iterable[Any], n: int = CHUNK) -> Iterator[list[Any]]:
    buf: list[Any] = []
    for x in ids:
        buf.append(x)
        if len(buf) >= n:
            yield buf
            buf = []
    if buf:
        yield buf


def current_events_filter() -> Any:
    ev2 = EV.alias("ev2")
    newer = exists(
        select(ev2.c.id).where(
            ev2.c.article_id == EV.c.article_id,
            ev2.c.id > EV.c.id,
            ev2.c.extractor_version != EV.c.extractor_version,
        )
    )
    return or_(
        and_(AR.c.extractor_version.is_not(None), EV.c.extractor_version == AR.c.extractor_version),
        and_(AR.c.extractor_version.is_(None), ~newer),
    )


def mergeable_filter() -> Any:
    """Strike types (or dissenting accounts) that can be placed: a country, and a day or a window with both ends.

    Reports without a date or a country stay with their article but make no strike record: they could be put on
    no map or timeline and matched with nothing."""
    types = [t for t in MERGEABLE_TYPES if t is not None]
    dated = or_(EV.c.date.is_not(None), and_(EV.c.date_earliest.is_not(None), EV.c.date_latest.is_not(None)))
    return and_(or_(EV.c.type.is_(None), EV.c.type.in_(types)), EV.c.country.is_not(None), dated)


def events_select() -> Select[Any]:
    cols = [
        EV.c.id, EV.c.article_id, EV.c.idx, EV.c.role, EV.c.section, EV.c.type, EV.c.perpetrator,
        EV.c.date, EV.c.date_earliest, EV.c.date_latest, *(EV.c[c] for c in (*PLACE_COLUMNS, *COUNT_COLUMNS)),
        EV.c.target,
        EV.c.target_groups, EV.c.named_dead, AR.c.dup_of, AR.c.published,
    ]
    return (
        select(*cols)
        .select_from(EV.join(AR, AR.c.id == EV.c.article_id))
        .where(current_events_filter(), mergeable_filter())
    )


def to_report(row: Any) -> Report:
    return report_from_row(row, group=row.dup_of if row.dup_of is not None else row.article_id,
                           published=row.published)


class KeyAssigner:
    """Keys for reports arriving in (country, window start, article, idx) order; same-key events get ``#n``."""

    def __init__(self) -> None:
        self._seen: dict[str, list[Report]] = {}
        self._scope: tuple[Any, ...] | None = None

    def __call__(self, r: Report) -> None:
        scope = (r.country, r.lo, r.article_id)
        if scope != self._scope:
            self._scope = scope
            self._seen = {}
        base = base_key(r)
        same = self._seen.setdefault(base, [])
        r.key = base if not same else f"{base}#{len(same) + 1}"
        r.rank = len(same)
        same.append(r)
        for x in same:
            x.siblings = len(same)


def stream_reports(session: Session, yield_per: int = 5000) -> Iterator[Report]:
    """Every current report, sorted by country and window start (memory: one fetch batch)."""
    countries = [c for (c,) in session.execute(select(EV.c.country).distinct().where(EV.c.country.is_not(None)))]
    for country in sorted(countries):
        keys = KeyAssigner()
        stmt = (
            events_select()
            .where(EV.c.country == country)
            .order_by(ev_lo, EV.c.article_id, EV.c.idx)
            .execution_options(yield_per=yield_per)
        )
        for row in session.execute(stmt):
            r = to_report(row)
            keys(r)
            yield r


def load_by_articles(session: Session, article_ids: Iterable[int]) -> list[Report]:
    out: list[Report] = []
    for ids in chunks(sorted(set(article_ids))):
        out.extend(to_report(row) for row in session.execute(events_select().where(EV.c.article_id.in_(ids))))
    return out


MAX_WINDOW_DAYS = 366  # a report's window is at most a year ("in 2010"); wider ones are not looked up


@functools.lru_cache(maxsize=4)
def _window_statements(null_country: bool) -> tuple[Any, Any]:
    """Two index-friendly queries (index on country, date_earliest): windows starting in range, and reports that
    give only a day. Built once; dates are bound parameters."""
    cond = EV.c.country.is_(None) if null_country else EV.c.country == bindparam("country")
    windowed = events_select().where(
        cond, EV.c.date_earliest >= bindparam("start", type_=Date), EV.c.date_earliest <= bindparam("b", type_=Date),
        ev_hi >= bindparam("a", type_=Date),
    )
    day_only = events_select().where(
        cond, EV.c.date_earliest.is_(None), EV.c.date >= bindparam("a", type_=Date),
        EV.c.date <= bindparam("b", type_=Date),
    )
    return windowed, day_only


def load_window(session: Session, country: str | None, lo: int | None, hi: int | None) -> list[Report]:
    """Reports of one country whose window meets [lo, hi] (ordinals); lo None: the undated reports."""
    import datetime as dt

    if lo is None or hi is None:
        cond = EV.c.country.is_(None) if country is None else EV.c.country == country
        return [to_report(row) for row in session.execute(events_select().where(cond, ev_lo.is_(None)))]
    params = {"country": country, "start": dt.date.fromordinal(lo - MAX_WINDOW_DAYS),
              "a": dt.date.fromordinal(lo), "b": dt.date.fromordinal(hi)}
    out: list[Report] = []
    for stmt in _window_statements(country is None):
        out.extend(to_report(row) for row in session.execute(stmt, params))
    return out


def assign_keys_sorted(reports: list[Report]) -> None:
    """Keys for a list of reports (sorts a copy in key order; the list itself is left as it is)."""
    keys = KeyAssigner()
    for r in sorted(reports, key=lambda r: (r.country or "", r.lo is None, r.lo or 0, r.article_id, r.idx)):
        keys(r)
