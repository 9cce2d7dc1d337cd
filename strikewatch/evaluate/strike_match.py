"""Predicted strikes against hand-labelled strikes in the same article (the real-news set, ``bench/realnews``).

A prediction and a labelled strike (role news or referred) are **compatible** when

* their dates are within 1 day of each other, or either is unknown (a label's month, "2013-03", is that month's
  days; an event without a day but with ``date_earliest``..``date_latest`` is that span);
* their killed ranges overlap (an open bound allows anything beyond it), or either states no killed figure;
* their countries agree, when both give one.

Compatible pairs are taken greedily, best first: same day, then overlapping stated tolls, then agreeing admin2 (or
else admin1) through the gazetteer, then the order of the labels and of the predictions. Each label and each
prediction is used at most once.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from strikewatch.ranges import Range
from strikewatch.schema import Event

Span = tuple[date, date]


@dataclass(frozen=True, slots=True)
class LabelStrike:
    """One labelled strike (``bench/realnews/SPEC.md``), as the matching needs it."""

    role: str
    dates: Span | None
    killed: Range
    country: str | None
    admin1: str | None
    admin2: str | None
    raw: dict[str, Any]

    @classmethod
    def from_label(cls, s: dict[str, Any]) -> LabelStrike:
        return cls(role=str(s.get("role")), dates=label_dates(s.get("date")), killed=Range.of(s, "killed"),
                   country=s.get("country") or None, admin1=s.get("admin1") or None, admin2=s.get("admin2") or None,
                   raw=s)


def label_dates(value: object) -> Span | None:
    """"2013-03-10" -> that day; "2013-03" -> the month's first and last day; anything else -> None."""
    if not isinstance(value, str):
        return None
    try:
        if len(value) == 10:
            d = date.fromisoformat(value)
            return d, d
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    except ValueError:
        return None
    return None


def event_dates(e: Event) -> Span | None:
    if e.date is not None:
        return e.date, e.date
    if e.date_earliest is not None and e.date_latest is not None:
        return e.date_earliest, e.date_latest
    return None


def day_gap(a: Span | None, b: Span | None) -> int | None:
    """Days between two spans (0 when they overlap); None when either is unknown."""
    if a is None or b is None:
        return None
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def compatible(p: Event, s: LabelStrike) -> bool:
    gap = day_gap(event_dates(p), s.dates)
    if gap is not None and gap > 1:
        return False
    ours = Range.of(p, "killed")
    if ours.known and s.killed.known and ours.intersect(s.killed) is None:
        return False
    return not (p.country and s.country and p.country != s.country)


def same_unit(gaz: Any, ours: str | None, theirs: str | None, country: str | None, kind: str) -> bool:
    """Our admin unit and the label's name the same unit (any spelling the gazetteer holds)."""
    from strikewatch.evaluate.geo_news import _unit

    if not ours or not theirs or not country:
        return False
    return ours == _unit(gaz, theirs, country, kind)


def _rank(gaz: Any, p: Event, s: LabelStrike) -> tuple[int, int, int]:
    ours = event_dates(p)
    same_day = ours is not None and s.dates is not None and ours[0] == ours[1] == s.dates[0] == s.dates[1]
    ours_k = Range.of(p, "killed")
    tolls = ours_k.known and s.killed.known and ours_k.intersect(s.killed) is not None
    country = s.country or p.country
    place = 2 if same_unit(gaz, p.admin2, s.admin2, country, "admin2") else int(
        same_unit(gaz, p.admin1, s.admin1, country, "admin1"))
    return int(same_day), int(tolls), place


def match(gaz: Any, preds: list[Event], labels: list[LabelStrike]) -> dict[int, int]:
    """Greedy best-first pairing: label index -> prediction index."""
    pairs = [(_rank(gaz, p, s), li, pi) for li, s in enumerate(labels) for pi, p in enumerate(preds)
             if compatible(p, s)]
    pairs.sort(key=lambda t: (tuple(-x for x in t[0]), t[1], t[2]))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, li, pi in pairs:
        if li not in out and pi not in used:
            out[li] = pi
            used.add(pi)
    return out
