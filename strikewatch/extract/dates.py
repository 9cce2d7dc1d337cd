"""Date expressions, resolved against the publication date.

Absolute days ("June 11, 2014", "11 June", "on 11 and 12 June", "2014-06-11"), months and years ("in November
2013", "last month", "in 2009" -> a window), relative days ("today", "yesterday", "last night", "on Wednesday",
"late Monday", "Christmas Day"). A weekday or a day without a year means the latest such day on or before
publication; without a publication date those stay unresolved (``None``) but keep their text.
Relative-to-event expressions ("a day later", "the next day") are marked ``follows`` for the pipeline.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from strikewatch.calendar_words import MONTHS, WEEKDAYS, month_pattern, weekday_pattern
from strikewatch.extract import rules
from strikewatch.extract.numbers import to_int

# month names as written ("June", not "june"), in every case of the text around them
_MONTH = rf"(?-i:{month_pattern()})\.?"
_MONTH_NAMES = rf"(?-i:{month_pattern(abbreviations=False)})"
# every form starts at a word boundary: \b is tested once, before the alternation (re would otherwise enter all
# eleven branches at every offset inside a word)
DATE_RE = rules.pattern("dates", "date", month=_MONTH, month_name=_MONTH_NAMES,
                 weekday=f"(?:{weekday_pattern()})", year=rules.pattern("dates", "year").pattern,
                 ord=rules.pattern("dates", "ordinal_suffix").pattern)
# The same pattern for the lower-cased text with its month names left as written (``month_folded``): everything but
# the month names lower case and case-sensitive, several times faster than IGNORECASE. No other word of the pattern
# contains a month name, so the two find the same matches.
_DATE_LOW = re.compile(
    DATE_RE.pattern.lower().replace("(?p<", "(?P<").replace(_MONTH.lower(), _MONTH)
    .replace(_MONTH_NAMES.lower(), _MONTH_NAMES),
    re.VERBOSE,
)
_MONTH_WORD = re.compile(month_pattern())
_MONTH_PREP = rules.pattern("dates", "month_preposition")
_TITLE_BEFORE = rules.pattern("dates", "title_before")
_HOLIDAYS: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in rules.table("dates", "holidays").items()}
_FOLLOW_COUNTS: dict[str, int] = rules.table("dates", "follow_counts")


def month_folded(text: str, low: str | None) -> str | None:
    """``low`` (``text`` lower-cased, offsets kept) with the month names written back as ``text`` writes them
    ("June", not "june"): what ``_DATE_LOW`` reads. None when ``low`` is. The dates component makes it once per
    article (``Doc.date_low``)."""
    if low is None:
        return None
    parts: list[str] = []
    pos = 0
    for m in _MONTH_WORD.finditer(text):
        parts += [low[pos:m.start()], m.group()]
        pos = m.end()
    return "".join(parts) + low[pos:] if parts else low


@dataclass(slots=True)
class DateMention:
    """One date expression. ``days`` holds each single day it names (two for "on 11 and 12 June");
    otherwise ``earliest``/``latest`` give the window. ``follows`` is a day offset from the preceding event."""

    start: int
    end: int
    text: str
    days: list[date] = field(default_factory=list)
    earliest: date | None = None
    latest: date | None = None
    follows: int | None = None
    relative: bool = False  # needed the publication date


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _latest_on_or_before(month: int, day: int, ref: date) -> date | None:
    for y in (ref.year, ref.year - 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if d <= ref:
            return d
    return None


def _month_window(year: int, month: int) -> tuple[date, date]:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, published: date | None, start: int = 0, end: int | None = None, *,
               year_ref: date | None = None, low: str | None = None) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, resolved against ``published`` where that is needed.

    ``year_ref`` (used only without a publication date): a full date the text gives elsewhere, whose year a day
    and month without a year ("on the nights of 11 and 12 June") take. ``low``: ``month_folded(text, ...)``, where
    the expressions are found faster (the same matches); without it they are found on ``text``."""
    out: list[DateMention] = []
    stop = len(text) if end is None else end
    found: Iterable[re.Match[str] | None]
    if low is None:
        found = DATE_RE.finditer(text, start, stop)
    else:
        # found on the folded text, read on the original (the resolver reads the words as written)
        found = (DATE_RE.match(text, f.start(), stop) for f in _DATE_LOW.finditer(low, start, stop))
    for m in found:
        if m is None:  # pragma: no cover - the two patterns find the same matches
            continue
        dm = _resolve(m, published, year_ref)
        if dm is not None:
            out.append(dm)
    return out


# what a reader of one kind of date expression says of its ``DateMention``
_DROP = 0  # not a date after all ("May" the verb, "Pakistan Today"): no mention
_AS_IS = 1  # kept as read (a span of days, or one that needs the publication date it does not have)
_CLIP = 2  # kept, its days and window clipped to the publication date

Reader = Callable[[re.Match[str], DateMention, date | None, date | None], int]


def _resolve(m: re.Match[str], pub: date | None, year_ref: date | None = None) -> DateMention | None:
    dm = DateMention(m.start(), m.end(), m.group())
    step = _CLIP
    for group, read in _READERS:
        if m.group(group):
            step = read(m, dm, pub, year_ref)
            break
    if step == _DROP or (step == _CLIP and not _clip(dm, pub)):
        return None
    return dm


def _clip(dm: DateMention, pub: date | None) -> bool:
    """Clip the days and window to the publication date (what is reported has happened by then); False when the
    window begins after it. One day is its own window."""
    if pub is not None:
        if dm.earliest is not None and dm.earliest > pub:
            return False
        if dm.latest is not None and dm.latest > pub and (dm.earliest is None or dm.earliest <= pub):
            dm.latest = pub
        dm.days = [d for d in dm.days if d <= pub]
    if len(dm.days) == 1 and dm.earliest is None:
        dm.earliest = dm.latest = dm.days[0]
    return True


def _iso(m: re.Match[str], dm: DateMention, pub: date | None, year_ref: date | None) -> int:
    """ISO 8601: "2014-06-11"."""
    d = _safe(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    if d is None:
        return _DROP
    dm.days = [d]
    return _CLIP


def _day_month(m: re.Match[str], dm: DateMention, pub: date | None, year_ref: date | None) -> int:
    """A day and month, perhaps a second day and a year: "June 11, 2014", "11 June", "on 11 and 12 June",
    "11-13 June" (a span: a window, not two events). Without a year, the latest such day on or before
    publication, or (without a publication date) the year of ``year_ref``."""
    if m.group("mdy"):
        mon, d1, d1b, y = m.group("m1"), m.group("d1"), m.group("d1b"), m.group("y1")
    else:
        mon, d1, d1b, y = m.group("m2"), m.group("d2"), m.group("d2b"), m.group("y2")
    month = _month(mon)
    days = [int(d1)] + ([int(d1b)] if d1b else [])
    if any(not 1 <= d <= 31 for d in days):
        return _DROP
    year: int | None = int(y) if y else None
    if year is None and pub is not None:
        first = _latest_on_or_before(month, days[0], pub)
        year = first.year if first is not None else None
    elif year is None and year_ref is not None:
        year = year_ref.year
    if not y:
        dm.relative = True
    resolved = [r for r in (_safe(year, month, dd) if year is not None else None for dd in days) if r is not None]
    span = bool(d1b) and ("-" in m.group() or "–" in m.group() or " to " in m.group())
    if span and len(resolved) == 2:
        dm.earliest, dm.latest = min(resolved), max(resolved)
        return _AS_IS
    dm.days = resolved
    return _CLIP


def _month_year(m: re.Match[str], dm: DateMention, pub: date | None, year_ref: date | None) -> int:
    """A month, perhaps with a year and a modifier: "in November 2013", "last May", "in early June" -> a window."""
    month = _month(m.group("m3"))
    mod = (m.group("mymod") or "").lower().strip()
    y = m.group("y3")
    if not y and not mod and month == 5 and not _MONTH_PREP.search(m.string, max(0, m.start() - 7), m.start()):
        return _DROP  # bare "May" (the verb), but "in May", "since May" are the month
    if y:
        year = int(y)
    elif pub is not None:
        year = pub.year if month <= pub.month else pub.year - 1
        if mod == "last" and month >= pub.month:
            year = pub.year - 1
        dm.relative = True
    else:
        dm.relative = True
        return _AS_IS
    first, last = _month_window(year, month)
    if mod in ("early",):
        last = first + timedelta(days=10)
    elif mod in ("late",):
        first = last - timedelta(days=10)
    elif mod in ("mid", "mid-"):
        first, last = first + timedelta(days=9), first + timedelta(days=20)
    dm.earliest, dm.latest = first, last
    return _CLIP


def _relative_day(m: re.Match[str], dm: DateMention, pub: date | None, year_ref: date | None) -> int:
    """ "today", "yesterday", "last night", "overnight" (not "Pakistan Today", a title)."""
    if m.group()[0].isupper() and m.start() > 1 and _TITLE_BEFORE.search(m.string[max(0, m.start() - 30):m.start()]):
        return _DROP
    w = re.sub(r"\s+", " ", m.group("relw").lower())
    dm.relative = True
    if pub is None:
        return _AS_IS
    if w == "yesterday":
        dm.days = [pub - timedelta(days=1)]
    elif w in ("last night", "overnight"):
        dm.earliest, dm.latest = pub - timedelta(days=1), pub
    elif w == "the day before yesterday":
        dm.days = [pub - timedelta(days=2)]
    else:
        dm.days = [pub]
    return _CLIP


def _days_ago(m: re.Match[str], dm: DateMention, pub: date | None, year_ref: date | None) -> int:
    """ "three days ago" """
    n = to_int(m.group("agon"))
    dm.relative = True
    if pub is None or n is None:
        return _AS_IS
    dm.days = [pub - timedelta(days=n)]
    return _CLIP


def _weekday(m: re.Match[str], dm: DateMention, pub: date | None, year_ref: date | None) -> int:
    """ "on Wednesday", "late Monday", "last Friday": the latest such day on or before publication ("last" and the
    publication's own weekday: a week before)."""
    wd = WEEKDAYS[m.group("wdn").lower()]
    dm.relative = True
    if pub is None:
        return _AS_IS
    delta = (pub.weekday() - wd) % 7
    if m.group().lower().startswith("last ") and delta == 0:
        delta = 7
    dm.days = [pub - timedelta(days=delta)]
    return _CLIP


def _holiday(m: re.Match[str], dm: DateMention, pub: date | None, year_ref: date | None) -> int:
    """ "Christmas Day": its latest date on or before publication."""
    md = _HOLIDAYS.get(re.sub(r"\s+", " ", m.group("holn").lower()).replace("’", "'"))
    if md is None:
        return _DROP
    dm.relative = True
    if pub is None:
        return _AS_IS
    r = _latest_on_or_before(md[0], md[1], pub)
    if r is not None:
        dm.days = [r]
    return _CLIP


def _period(m: re.Match[str], dm: DateMention, pub: date | None, year_ref: date | None) -> int:
    """ "this week", "last month", "earlier this year" -> a window up to publication."""
    w = re.sub(r"\s+", " ", m.group("pw").lower())
    dm.relative = True
    if pub is None:
        return _AS_IS
    if w in ("this week", "earlier this week"):
        dm.earliest, dm.latest = pub - timedelta(days=pub.weekday()), pub
    elif w == "last week":
        monday = pub - timedelta(days=pub.weekday() + 7)
        dm.earliest, dm.latest = monday, monday + timedelta(days=6)
    elif w in ("this month", "earlier this month"):
        dm.earliest, dm.latest = pub.replace(day=1), pub
    elif w == "last month":
        last = pub.replace(day=1) - timedelta(days=1)
        dm.earliest, dm.latest = last.replace(day=1), last
    elif w in ("this year", "earlier this year"):
        dm.earliest, dm.latest = date(pub.year, 1, 1), pub
    elif w == "last year":
        dm.earliest, dm.latest = date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31)
    return _CLIP


def _year(m: re.Match[str], dm: DateMention, pub: date | None, year_ref: date | None) -> int:
    """ "in 2009" -> the year's window (the mention is the year's digits)."""
    y = int(m.group("yy"))
    dm.earliest, dm.latest = date(y, 1, 1), date(y, 12, 31)
    dm.start = m.start("yy")
    dm.text = m.group("yy")
    return _CLIP


def _follows(m: re.Match[str], dm: DateMention, pub: date | None, year_ref: date | None) -> int:
    """ "a day later", "the next day", "two days earlier": an offset from the event told before (``follows``)."""
    n_word = re.sub(r"\s+", " ", m.group("fn").lower())
    direction = (m.group("fd") or "").lower()
    if n_word in ("the next", "the following"):
        dm.follows = 1
    elif n_word == "the previous":
        dm.follows = -1
    elif not direction:
        return _DROP
    else:
        n = _FOLLOW_COUNTS[n_word]
        dm.follows = n if direction in ("later", "after") else -n
    return _CLIP


# which reader a match goes to: the first of these groups it fills
_READERS: tuple[tuple[str, Reader], ...] = (
    ("iso", _iso), ("mdy", _day_month), ("dmy", _day_month), ("my", _month_year), ("rel", _relative_day),
    ("ago", _days_ago), ("wd", _weekday), ("hol", _holiday), ("period", _period), ("year", _year),
    ("follows", _follows),
)
