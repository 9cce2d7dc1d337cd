"""Strikes around political events: did strikes stop while talks were on and resume when they failed?

For each event (a date and a label from a CSV ``date,label[,category]``) we count strikes and sum tolls in the
``window`` days **before** the event (event day excluded) and the ``window`` days **after** it (event day
included, as the event usually happens before a strike that day is reported): before = [d - W, d - 1],
after = [d, d + W - 1].

The test statistic is the mean over events of (strikes after - strikes before). Its null distribution comes from
the same number of random dates drawn uniformly with replacement (numpy ``default_rng(seed)``, ``seed=0`` by
default) from the days where both windows fit inside the dataset's span (first strike + W .. last strike - W + 1);
``n_random`` draws (10,000 by default).
The two-sided p-value is (1 + number of draws whose |statistic| >= the observed |statistic|) / (n_random + 1).
Each event also gets its own p-value: the share of single random dates whose |after - before| is at least as
large as the event's (with the same +1 correction). Small p: strike activity around these dates changed more
than around ordinary days.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from strikewatch.analyse.parse import parse_date
from strikewatch.analyse.records import TrackerStrike
from strikewatch.analyse.timeline import dated
from strikewatch.errors import UserError
from strikewatch.model import count_attrs, count_columns, with_fields

AROUND_COUNTS: tuple[str, ...] = ("killed", "civilians")  # the tolls summed in each window
SERIES: tuple[str, ...] = ("strikes", *count_columns(AROUND_COUNTS))


@dataclass(slots=True)
class PoliticalEvent:
    date: dt.date
    label: str
    category: str | None = None


def read_events(path: str | Path) -> list[PoliticalEvent]:
    """Events from a CSV with columns date,label[,category] (a header row is optional; any date format)."""
    p = Path(path)
    if not p.is_file():
        raise UserError(f"no such file: {path}")
    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    out: list[PoliticalEvent] = []
    for n, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        day = parse_date(row[0].strip())
        if day is None:
            if n == 1 or row[0].strip().lower() == "date":
                continue  # header row
            raise UserError(f"{path}:{n}: cannot read date {row[0]!r} (use YYYY-MM-DD)")
        label = row[1].strip() if len(row) > 1 and row[1].strip() else day.isoformat()
        category = row[2].strip() if len(row) > 2 and row[2].strip() else None
        out.append(PoliticalEvent(day, label, category))
    if not out:
        raise UserError(f"{path}: no events (expected lines of date,label[,category])")
    return out


@dataclass(slots=True)
@with_fields({"strikes": count_attrs(AROUND_COUNTS, type="int", default=0)})
class Window:
    """Strikes and the AROUND_COUNTS tolls (``killed_min`` ...) summed over a window of days."""

    strikes: int = 0


@dataclass(slots=True)
class EventResult:
    event: PoliticalEvent
    before: Window
    after: Window
    p_value: float | None  # this event alone against single random dates
    covered: bool  # both windows inside the dataset's span

    @property
    def change(self) -> int:
        return self.after.strikes - self.before.strikes

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"date": self.event.date.isoformat(), "label": self.event.label,
                             "category": self.event.category}
        for side, w in (("before", self.before), ("after", self.after)):
            for k in SERIES:
                d[f"{k}_{side}"] = getattr(w, k)
        d["change"] = self.change
        d["p_value"] = self.p_value
        d["covered"] = self.covered
        return d


@dataclass(slots=True)
class AroundResult:
    window: int
    events: list[EventResult]
    statistic: float | None  # mean change in strikes (after - before) over covered events
    p_value: float | None
    null_mean: float | None
    null_sd: float | None
    n_random: int
    seed: int
    span: tuple[dt.date, dt.date] | None
    by_category: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "window": self.window,
            "statistic": self.statistic,
            "p_value": self.p_value,
            "null_mean": self.null_mean,
            "null_sd": self.null_sd,
            "n_random": self.n_random,
            "seed": self.seed,
            "span": [self.span[0].isoformat(), self.span[1].isoformat()] if self.span else None,
            "events": [e.to_dict() for e in self.events],
            "by_category": self.by_category,
        }


def _prefix(values: Sequence[int]) -> list[int]:
    out = [0]
    for v in values:
        out.append(out[-1] + v)
    return out


def around(
    rows: Sequence[TrackerStrike],
    events: Sequence[PoliticalEvent],
    window: int = 30,
    n_random: int = 10_000,
    seed: int = 0,
) -> AroundResult:
    """Strikes and tolls before/after each event, and the random-date test (see the module doc)."""
    if window < 1:
        raise UserError("--window must be at least 1 day")
    rs = dated(rows)
    if not rs:
        raise UserError("the dataset has no dated strikes")
    first, last = rs[0].date, rs[-1].date
    assert first is not None and last is not None
    # Per-day series over a range wide enough for every event window.
    lo = min([first, *(e.date for e in events)]) - dt.timedelta(days=window)
    hi = max([last, *(e.date for e in events)]) + dt.timedelta(days=window)
    n_days = (hi - lo).days + 1
    series: dict[str, list[int]] = {k: [0] * n_days for k in SERIES}
    for r in rs:
        assert r.date is not None
        i = (r.date - lo).days
        series["strikes"][i] += r.n_strikes
        for k in SERIES[1:]:
            series[k][i] += getattr(r, k) or 0
    pre = {k: _prefix(v) for k, v in series.items()}

    def win(k: str, a: int, b: int) -> int:  # sum over day indexes [a, b]
        return pre[k][b + 1] - pre[k][a]

    def windows(i: int) -> tuple[Window, Window]:
        b = Window(*(win(k, i - window, i - 1) for k in series))
        a = Window(*(win(k, i, i + window - 1) for k in series))
        return b, a

    def change_at(i: int) -> int:
        return win("strikes", i, i + window - 1) - win("strikes", i - window, i - 1)

    import numpy as np

    # Days where both windows fit inside the dataset's span, and the change (after - before) on each of them.
    cand_lo = (first - lo).days + window
    cand_hi = (last - lo).days - window + 1
    rng = np.random.default_rng(seed)
    changes = np.array([change_at(i) for i in range(cand_lo, cand_hi + 1)], dtype=np.int64)
    single_null = np.abs(changes[rng.integers(0, len(changes), size=n_random)]) if len(changes) else None
    results: list[EventResult] = []
    for e in events:
        i = (e.date - lo).days
        b, a = windows(i)
        inside = cand_lo <= i <= cand_hi
        p = None
        if single_null is not None and inside:
            ch = abs(a.strikes - b.strikes)
            p = round((1 + int(np.count_nonzero(single_null >= ch))) / (n_random + 1), 4)
        results.append(EventResult(e, b, a, p, inside))

    covered = [res for res in results if res.covered]
    statistic: float | None = None
    p_value: float | None = None
    null_mean: float | None = None
    null_sd: float | None = None
    if covered and len(changes):
        n_ev = len(covered)
        obs = sum(res.change for res in covered) / n_ev
        null = changes[rng.integers(0, len(changes), size=(n_random, n_ev))].mean(axis=1)
        statistic = round(obs, 3)
        p_value = round((1 + int(np.count_nonzero(np.abs(null) >= abs(obs) - 1e-12))) / (n_random + 1), 4)
        null_mean = round(float(null.mean()), 3)
        null_sd = round(float(null.std(ddof=1)) if n_random > 1 else 0.0, 3)

    cats: dict[str, dict[str, Any]] = {}
    for res in results:
        c = cats.setdefault(res.event.category or "", {"events": 0, "strikes_before": 0, "strikes_after": 0})
        c["events"] += 1
        c["strikes_before"] += res.before.strikes
        c["strikes_after"] += res.after.strikes
    return AroundResult(window, results, statistic, p_value, null_mean, null_sd, n_random, seed, (first, last),
                        {k or "(none)": v for k, v in cats.items()})
