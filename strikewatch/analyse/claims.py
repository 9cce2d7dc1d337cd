"""Checking aggregate claims in articles ("five confirmed strikes in 2017", "up to 3,735 killed in the last
decade") against a tracker dataset for the same period.

A claim (the ``claims`` table: text, quantity, unit, period, source, and the article's published date) becomes:

* a **measure**: strikes (sum of ``n_strikes``), killed, civilians, children, injured or militants (min–max sums);
* a **period**: "2017"; "2004-2014" / "between 2004 and 2014"; "June 2014"; "since 2008" (to the article's date);
  "the last decade" / "past five years" / "past 18 months" (ending on the article's published date);
  "this year"; "last year" (the previous calendar year); "under Obama" / "the Bush administration";
  no period: everything up to the article's date (the whole dataset when the article has no date);
* a **reading** of the figure from the claim's text: "between A and N" / "A to N" (a range, N the stored
  quantity), "up to N" / "as many as N" (an upper bound), "at least N" / "more than N" (a lower bound), "about N"
  (approximate), else exact.

Verdict with relative tolerance ``tol`` (default 0.05, to allow rounding): an exact or approximate figure agrees
when it lies in the dataset's range [min*(1-tol), max*(1+tol)] (for strikes min = max = the count); an upper
bound agrees when the dataset's minimum is not above it (min*(1-tol) <= N); a lower bound agrees when the dataset's
maximum reaches it (max*(1+tol) >= N); a range agrees when both its ends are within tol of the dataset's min and
max (a tracker's own min–max quoted). ``unchecked`` when the unit or the period cannot be read, or a relative
period has no published date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from strikewatch.analyse.admins import ADMINISTRATIONS, administration_span
from strikewatch.analyse.records import TrackerStrike
from strikewatch.calendar_words import MONTHS

UNITS: dict[str, str] = {
    "strike": "strikes", "strikes": "strikes", "drone strike": "strikes", "drone strikes": "strikes",
    "airstrike": "strikes", "airstrikes": "strikes", "air strikes": "strikes", "attacks": "strikes",
    "attack": "strikes", "raids": "strikes",
    "killed": "killed", "kill": "killed", "deaths": "killed", "dead": "killed", "died": "killed",
    "people killed": "killed", "people": "killed", "lives": "killed", "fatalities": "killed",
    "casualties": "killed",
    "civilians": "civilians", "civilian": "civilians", "civilians killed": "civilians",
    "civilian deaths": "civilians", "non-combatants": "civilians",
    "children": "children", "child": "children", "children killed": "children", "minors": "children",
    "injured": "injured", "wounded": "injured", "injuries": "injured",
    "militants": "militants", "militant": "militants", "fighters": "militants", "insurgents": "militants",
}

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18, "twenty": 20, "a": 1,
                 "an": 1}
_UPPER_RE = re.compile(r"\b(?:up to|as many as|at most|no more than|a maximum of)\s+[\d,]+", re.I)
_LOWER_RE = re.compile(r"\b(?:at least|more than|over|in excess of|upwards of|a minimum of)\s+[\d,]+", re.I)
_APPROX_RE = re.compile(r"\b(?:about|around|nearly|almost|roughly|some|approximately|close to)\s+[\d,]+", re.I)


def measure(unit: str | None) -> str | None:
    """The dataset measure a claim's unit refers to, or None."""
    if not unit:
        return None
    u = " ".join(unit.lower().replace("-", " ").split())
    if u in UNITS:
        return UNITS[u]
    for word in reversed(u.split()):
        if word in UNITS:
            return UNITS[word]
    return None


_RANGE_RE = re.compile(r"\b(?:between\s+)?(\d[\d,]*)\s*(?:and|to|-|–)\s*(\d[\d,]*)\b", re.I)


def claimed_range(text: str, quantity: int | None) -> tuple[int, int] | None:
    """(low, high) when the claim gives its figure as a range ending in ``quantity`` ("between 2,515 and 4,026")."""
    if quantity is None:
        return None
    for m in _RANGE_RE.finditer(text):
        lo, hi = (int(g.replace(",", "")) for g in m.groups())
        if hi == quantity and lo <= hi and not (1900 <= lo <= 2100 and 1900 <= hi <= 2100):
            return lo, hi
    return None


def reading(text: str, quantity: int | None = None) -> str:
    """How the claim states its figure: range, upper, lower, approx or exact."""
    if claimed_range(text, quantity):
        return "range"
    if _UPPER_RE.search(text):
        return "upper"
    if _LOWER_RE.search(text):
        return "lower"
    if _APPROX_RE.search(text):
        return "approx"
    return "exact"


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    day = min(d.day, [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31,
                      30, 31, 30, 31][month - 1])
    return dt.date(year, month, day)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word.lower())


def parse_period(period: str | None, published: dt.date | None) -> tuple[dt.date, dt.date, str] | None:
    """(first day, last day, how it was read) for a claim's period, or None when it cannot be read.

    A missing period means everything up to the article's published date, or the whole dataset when the article
    has no date either.
    """
    if not period or not period.strip():
        if published is None:
            return dt.date.min, dt.date.max, "whole dataset (no period, no published date)"
        return dt.date.min, published, f"up to {published.isoformat()}"
    p = " ".join(period.lower().replace("–", "-").replace("—", "-").split())
    p = re.sub(r"^(?:in|during|for|over|throughout|across)\s+", "", p)
    m = re.fullmatch(r"(?:the\s+)?(?:year\s+)?(\d{4})", p)
    if m:
        y = int(m.group(1))
        return dt.date(y, 1, 1), dt.date(y, 12, 31), f"year {y}"
    m = re.fullmatch(r"(?:between\s+|from\s+)?(\d{4})\s*(?:-|to|and|through|until)\s*(\d{2,4})", p)
    if m:
        y1, y2 = int(m.group(1)), int(m.group(2))
        if y2 < 100:
            y2 += y1 // 100 * 100
        if y2 >= y1:
            return dt.date(y1, 1, 1), dt.date(y2, 12, 31), f"years {y1}-{y2}"
    m = re.fullmatch(r"([a-z]+)\.?\s+(\d{4})", p)
    if m and m.group(1) in MONTHS:
        y, mo = int(m.group(2)), MONTHS[m.group(1)]
        return dt.date(y, mo, 1), _add_months(dt.date(y, mo, 1), 1) - dt.timedelta(days=1), f"{m.group(1)} {y}"
    for name, _start, _end in ADMINISTRATIONS:
        n = name.lower()
        if re.search(rf"\b{re.escape(n)}\b", p) and not re.search(r"\btrump ii\b", p) or p == n:
            span = administration_span(name)
            assert span is not None
            last = span[1] if published is None else min(span[1], published)
            return span[0], last, f"{name} administration"
    if published is None:
        return None
    m = re.fullmatch(r"since\s+(?:([a-z]+)\s+)?(\d{4})", p)
    if m:
        mo = MONTHS.get(m.group(1) or "january", 1)
        return dt.date(int(m.group(2)), mo, 1), published, f"since {m.group(0)[6:]} to {published.isoformat()}"
    if p == "this year":
        return dt.date(published.year, 1, 1), published, f"{published.year} to {published.isoformat()}"
    if p == "last year":
        y = published.year - 1
        return dt.date(y, 1, 1), dt.date(y, 12, 31), f"year {y}"
    m = re.fullmatch(r"(?:the\s+)?(?:last|past|previous|preceding)\s+(?:(\w+)\s+)?(decades?|years?|months?|weeks?)", p)
    if m:
        count = _count(m.group(1)) if m.group(1) else 1
        if count is None:
            return None
        unit = m.group(2).rstrip("s")
        if unit == "decade":
            start = _add_months(published, -120 * count)
        elif unit == "year":
            start = _add_months(published, -12 * count)
        elif unit == "month":
            start = _add_months(published, -count)
        else:
            start = published - dt.timedelta(weeks=count)
        return start, published, f"{m.group(0)} before {published.isoformat()}"
    return None


@dataclass(slots=True)
class ClaimIn:
    """A claim as stored, with its article's published date."""

    id: int | None
    text: str
    quantity: int | None
    unit: str | None
    period: str | None
    source: str | None = None
    published: dt.date | None = None
    article_id: int | None = None


@dataclass(slots=True)
class ClaimCheck:
    claim: ClaimIn
    measure: str | None
    reading: str
    start: dt.date | None
    end: dt.date | None
    period_read: str | None
    value_min: int | None
    value_max: int | None
    rows: int
    verdict: str  # agree | disagree | unchecked
    note: str

    def to_dict(self) -> dict[str, Any]:
        c = self.claim
        return {
            "id": c.id, "article_id": c.article_id, "text": c.text, "source": c.source,
            "quantity": c.quantity, "unit": c.unit, "period": c.period,
            "published": c.published.isoformat() if c.published else None,
            "measure": self.measure, "reading": self.reading,
            "start": self.start.isoformat() if self.start and self.start != dt.date.min else None,
            "end": self.end.isoformat() if self.end and self.end != dt.date.max else None,
            "dataset_min": self.value_min, "dataset_max": self.value_max, "dataset_rows": self.rows,
            "verdict": self.verdict, "note": self.note,
        }


def check_claim(claim: ClaimIn, rows: Sequence[TrackerStrike], tol: float = 0.05) -> ClaimCheck:
    """What ``rows`` say for the claim's measure and period, and whether the claim agrees."""
    meas = measure(claim.unit)
    how = reading(claim.text, claim.quantity)

    def unchecked(note: str, span: tuple[dt.date, dt.date, str] | None = None) -> ClaimCheck:
        return ClaimCheck(claim, meas, how, span[0] if span else None, span[1] if span else None,
                          span[2] if span else None, None, None, 0, "unchecked", note)

    if claim.quantity is None:
        return unchecked("the claim has no figure")
    if meas is None:
        return unchecked(f"unit {claim.unit!r} is not a count the dataset has")
    span = parse_period(claim.period, claim.published)
    if span is None:
        why = "no published date for a relative period" if claim.published is None else "cannot read the period"
        return unchecked(f"{why}: {claim.period!r}")
    start, end, _label = span
    sel = [r for r in rows if r.date is not None and start <= r.date <= end]
    if meas == "strikes":
        lo = hi = sum(r.n_strikes for r in sel)
        n_unknown = 0
    else:
        known = [r for r in sel if r.toll(meas) != (None, None)]
        if not known:
            return unchecked(f"the dataset has no {meas} figures for this period", span)
        lo = hi = 0
        for r in known:
            a, b = r.toll(meas)
            lo += a or 0
            hi += b if b is not None else (a or 0)
        n_unknown = len(sel) - len(known)
    q = claim.quantity
    rng = claimed_range(claim.text, q)
    if how == "range" and rng is not None:
        ok = abs(rng[0] - lo) <= tol * max(lo, 1) and abs(rng[1] - hi) <= tol * max(hi, 1)
    elif how == "upper":
        ok = lo * (1 - tol) <= q
    elif how == "lower":
        ok = hi * (1 + tol) >= q
    else:
        ok = lo * (1 - tol) <= q <= hi * (1 + tol)
    notes = []
    if sel:
        first = min(r.date for r in sel if r.date)
        last = max(r.date for r in sel if r.date)
        notes.append(f"{len(sel)} rows {first.isoformat()}..{last.isoformat()}")
    else:
        notes.append("no rows in this period")
    if n_unknown:
        notes.append(f"{n_unknown} rows without {meas} figures")
    covered = [r.date for r in rows if r.date]
    if covered and end != dt.date.max and end > max(covered) and (end - max(covered)).days > 31:
        notes.append(f"dataset ends {max(covered).isoformat()}, before the period does")
    return ClaimCheck(claim, meas, how, start, end, span[2], lo, hi, len(sel), "agree" if ok else "disagree",
                      "; ".join(notes))


def check_claims(claims: Sequence[ClaimIn], rows: Sequence[TrackerStrike], tol: float = 0.05) -> list[ClaimCheck]:
    return [check_claim(c, rows, tol) for c in claims]


def load_claims(engine: Engine, source: str | None = None) -> list[ClaimIn]:
    """Claims of each article's current extraction (all stored claims when an article records no version)."""
    from strikewatch.db.engine import session_scope
    from strikewatch.db.tables import Article, ClaimRow

    with session_scope(engine) as s:
        q = (
            select(ClaimRow, Article.published, Article.extractor_version)
            .join(Article, Article.id == ClaimRow.article_id)
            .order_by(ClaimRow.article_id, ClaimRow.start, ClaimRow.id)
        )
        out = []
        for c, published, version in s.execute(q):
            if version is not None and c.extractor_version != version:
                continue
            if source and (c.source or "").lower() != source.lower():
                continue
            out.append(ClaimIn(c.id, c.text, c.quantity, c.unit, c.period, c.source, published, c.article_id))
    return out
