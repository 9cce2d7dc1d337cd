"""Gaps between strikes (lulls) and the strike rate over time.

Definitions (also in docs/analysis.md):

* A **lull** runs from one strike day to the next strike day. ``days`` is the difference of the two dates
  (2013-12-25 -> 2014-06-11 is 168 days; the days with no strike in between are ``days - 1``). Only dated rows
  count; rows whose date is known only to the month or year (our own records can have them) are left out.
* ``longest_so_far`` is true when no earlier lull in the analysed period (from ``since``) was longer: the gap was
  a record when it ended. Ties with the record count as longest so far.
* The **rate** on a day is the number of strikes (a row's ``n_strikes``) in the trailing 30 and 90 days ending
  on that day, inclusive; "one every N days" is the window length divided by that number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from strikewatch.analyse.records import TrackerStrike

Step = Literal["day", "week", "month"]


def dated(
    rows: Iterable[TrackerStrike], since: dt.date | None = None, until: dt.date | None = None
) -> list[TrackerStrike]:
    """Rows with a day-precise date within [since, until], sorted by date."""
    out = [
        r for r in rows
        if r.date is not None
        and not any(f in ("date:month", "date:year") for f in r.flags)
        and (since is None or r.date >= since)
        and (until is None or r.date <= until)
    ]
    out.sort(key=lambda r: r.date or dt.date.min)
    return out


@dataclass(slots=True)
class Lull:
    start: dt.date
    end: dt.date
    days: int
    longest_so_far: bool

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "days": self.days,
                "longest_so_far": self.longest_so_far}


def lulls(
    rows: Iterable[TrackerStrike],
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_days: int = 1,
) -> list[Lull]:
    """Gaps between consecutive strike days, longest first (ties: earliest first)."""
    days = sorted({r.date for r in dated(rows, since, until) if r.date is not None})
    out: list[Lull] = []
    record = -1
    for a, b in zip(days, days[1:], strict=False):
        n = (b - a).days
        is_record = n >= record
        record = max(record, n)
        if n >= min_days:
            out.append(Lull(a, b, n, is_record))
    out.sort(key=lambda g: (-g.days, g.start))
    return out


@dataclass(slots=True)
class RatePoint:
    date: dt.date
    strikes_30d: int
    strikes_90d: int

    @property
    def every_30d(self) -> float | None:
        return round(30 / self.strikes_30d, 1) if self.strikes_30d else None

    @property
    def every_90d(self) -> float | None:
        return round(90 / self.strikes_90d, 1) if self.strikes_90d else None

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "strikes_30d": self.strikes_30d, "strikes_90d": self.strikes_90d,
                "one_every_days_30d": self.every_30d, "one_every_days_90d": self.every_90d}


@dataclass(slots=True)
class RateSummary:
    first: dt.date | None
    last: dt.date | None
    strikes: int
    one_every_days: float | None  # over the whole span first..last
    peak_30d: RatePoint | None
    peak_90d: RatePoint | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "strikes": self.strikes,
            "one_every_days": self.one_every_days,
            "peak_30d": self.peak_30d.to_dict() if self.peak_30d else None,
            "peak_90d": self.peak_90d.to_dict() if self.peak_90d else None,
        }


def _month_end(d: dt.date) -> dt.date:
    nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def daily_counts(rows: Sequence[TrackerStrike], first: dt.date, last: dt.date) -> list[int]:
    """Strikes per day from ``first`` to ``last`` inclusive (index 0 = first)."""
    counts = [0] * ((last - first).days + 1)
    for r in rows:
        if r.date is not None and first <= r.date <= last:
            counts[(r.date - first).days] += r.n_strikes
    return counts


def rate(
    rows: Iterable[TrackerStrike],
    since: dt.date | None = None,
    until: dt.date | None = None,
    step: Step = "month",
) -> tuple[list[RatePoint], RateSummary]:
    """Rolling 30- and 90-day strike counts sampled every ``step`` (month ends, Sundays, or days)."""
    rs = dated(rows, since, until)
    if not rs:
        return [], RateSummary(None, None, 0, None, None, None)
    first = since or rs[0].date
    last = until or rs[-1].date
    assert first is not None and last is not None
    counts = daily_counts(rs, first, last)
    prefix = [0]
    for c in counts:
        prefix.append(prefix[-1] + c)

    def window(i: int, w: int) -> int:  # strikes in the w days ending on day index i
        return prefix[i + 1] - prefix[max(0, i + 1 - w)]

    all_points = [RatePoint(first + dt.timedelta(days=i), window(i, 30), window(i, 90)) for i in range(len(counts))]
    peak30 = max(all_points, key=lambda p: p.strikes_30d)
    peak90 = max(all_points, key=lambda p: p.strikes_90d)
    if step == "day":
        points = all_points
    elif step == "week":
        points = [p for p in all_points if p.date.weekday() == 6 or p.date == last]
    else:
        points = [p for p in all_points if p.date == _month_end(p.date) or p.date == last]
    total = prefix[-1]
    span = (last - first).days + 1
    summary = RateSummary(first, last, total, round(span / total, 1) if total else None, peak30, peak90)
    return points, summary
