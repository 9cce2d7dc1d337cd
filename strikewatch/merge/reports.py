"""Reports: the merge stage's view of one stored event (one article's report of one strike).

A ``Report`` is plain data built from an ``events`` row joined with its article. Dates are kept as ordinal
integers (``date.toordinal()``) because the matcher compares them millions of times.

A report's *key* identifies it across re-extractions (event row ids do not survive them): the article id, the
date (or date window) and the place (or district) it reports, e.g. ``"17:2014-06-11:miranshah"``. Reviewers name
reports this way (``--reports 17@2014-06-11``).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from strikewatch.model import COUNT_COLUMNS, place_attrs, with_fields

# Event types that can make a strike record, and those that may only join one as a dissenting account
# ("officials said it was an accidental explosion"). ground_attack events never enter strikes.
STRIKE_TYPES: frozenset[str | None] = frozenset({"drone_strike", "air_strike", None})
DISSENT_TYPES: frozenset[str | None] = frozenset({"bombing", "other"})
MERGEABLE_TYPES: frozenset[str | None] = STRIKE_TYPES | DISSENT_TYPES


_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# generic words around place names ("Bajaur Agency", "Shawal valley", "Mir Ali tehsil", "the village of X")
_GENERIC = re.compile(
    r"\b(?:the|of|agency|district|tehsil|sub-?division|province|region|village|town|city|area|valley|bazaar|"
    r"market|near|outskirts)\b"
)


@functools.lru_cache(maxsize=1 << 16)
def norm(name: str | None) -> str:
    """A place or person name reduced for comparison: lower case, accents and punctuation dropped."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return _NON_ALNUM.sub("", s)


@functools.lru_cache(maxsize=1 << 16)
def norm_place(name: str | None) -> str:
    """A place name reduced for comparison; generic words (agency, district, village, valley...) dropped."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    stripped = _NON_ALNUM.sub("", _GENERIC.sub(" ", s))
    return stripped or _NON_ALNUM.sub("", s)


def to_ord(d: dt.date | None) -> int | None:
    return d.toordinal() if d is not None else None


def from_ord(n: int | None) -> dt.date | None:
    return dt.date.fromordinal(n) if n is not None else None


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


if TYPE_CHECKING:  # the place fields strikewatch.model adds, as mypy sees them
    from strikewatch.model_types import Place
else:
    Place = object


@dataclass(slots=True)
@with_fields({"hi": place_attrs()})
class Report(Place):
    """One event as the matcher sees it (after ``hi`` the place fields of strikewatch.model)."""

    event_id: int
    article_id: int
    idx: int
    group: int  # source group: the article id of the first copy of a wire story (articles.dup_of), else own id
    role: str = "main"
    section: str = "body"
    type: str | None = None
    perpetrator: str | None = None
    day: int | None = None  # best single day (ordinal)
    lo: int | None = None  # window the text allows (ordinals); None when the report has no date at all
    hi: int | None = None
    counts: dict[str, int | None] = field(default_factory=dict)
    target: str | None = None
    target_groups: tuple[str, ...] = ()
    named_dead: tuple[str, ...] = ()
    published: dt.date | None = None
    key: str = ""
    # derived, for fast matching
    place_n: str = ""  # normalised place name when the report names a place more specific than a district
    admin2_n: str = ""
    admin1_n: str = ""
    dead_n: tuple[str, ...] = ()
    cues: tuple[tuple[str, str], ...] = ()  # (tag, words) attribution cues around the report (grading.py)
    rank: int = 0  # order among its article's reports of the same day and place ("the first strike", "the second")
    siblings: int = 1  # how many such reports its article has

    @property
    def undated(self) -> bool:
        return self.lo is None

    @property
    def precise(self) -> bool:
        """The report gives a single day."""
        return self.lo is not None and self.lo == self.hi

    @property
    def credible(self) -> bool:
        """Main report in the article body (not a background mention, not a reader comment)."""
        return self.role == "main" and self.section == "body"

    def count(self, name: str) -> int | None:
        return self.counts.get(name)

    def figures(self) -> dict[str, int | None]:
        return {c: self.counts.get(c) for c in COUNT_COLUMNS}

    def selector(self) -> dict[str, Any]:
        """How a reviewer's action names this report (survives re-extraction)."""
        return {
            "article_id": self.article_id,
            "date": from_ord(self.day).isoformat() if self.day is not None else None,  # type: ignore[union-attr]
            "place": self.place or self.admin2,
            "key": self.key,
        }


def _window(date: dt.date | None, earliest: dt.date | None, latest: dt.date | None) -> tuple[int | None, ...]:
    """(day, window start, window end); a report with neither a day nor both ends of a window is undated ("before
    it was published" is no window)."""
    d, lo, hi = to_ord(date), to_ord(earliest), to_ord(latest)
    if d is None and (lo is None or hi is None):
        return None, None, None
    if lo is None and hi is None:
        lo = hi = d
    elif lo is None:
        lo = min(hi, d) if d is not None else hi  # type: ignore[type-var]
    elif hi is None:
        hi = max(lo, d) if d is not None else lo
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    if d is not None and lo is not None and hi is not None and not lo <= d <= hi:
        lo, hi = min(lo, d), max(hi, d)
    return d, lo, hi


def place_level(place: str | None, geo_precision: str | None, admin1: str | None, admin2: str | None) -> str:
    """The normalised place name when it names something more specific than a district, else ''.

    A village the gazetteer could only locate to its district (``geo_precision`` admin2) still has a name that
    can differ from another village's; only a "place" that is the district or province itself is no place."""
    if not place or geo_precision in ("admin1", "country") and not admin2:
        return ""
    n = norm_place(place)
    if n in (norm_place(admin2), norm_place(admin1)):
        return ""
    return n


def report_from_row(row: Any, group: int, published: dt.date | None = None) -> Report:
    """A Report from an ``events`` row (ORM object or Core row with the same attribute names)."""
    day, lo, hi = _window(row.date, row.date_earliest, row.date_latest)
    counts = {c: getattr(row, c) for c in COUNT_COLUMNS}
    r = Report(
        event_id=row.id,
        article_id=row.article_id,
        idx=row.idx,
        group=group,
        role=row.role or "main",
        section=row.section or "body",
        type=row.type,
        perpetrator=row.perpetrator,
        day=day,
        lo=lo,
        hi=hi,
        country=row.country,
        admin1=row.admin1,
        admin2=row.admin2,
        place=row.place,
        lat=row.lat,
        lon=row.lon,
        geo_precision=row.geo_precision,
        counts=counts,
        target=row.target,
        target_groups=tuple(row.target_groups or ()),
        named_dead=tuple(row.named_dead or ()),
        published=published,
    )
    finish(r)
    return r


def finish(r: Report) -> None:
    """Fill the derived fields of a report."""
    r.place_n = place_level(r.place, r.geo_precision, r.admin1, r.admin2)
    r.admin2_n = norm_place(r.admin2)
    r.admin1_n = norm_place(r.admin1)
    r.dead_n = tuple(sorted({n for n in (norm(x) for x in r.named_dead) if n}))


def base_key(r: Report) -> str:
    if r.day is not None:
        when = from_ord(r.day).isoformat()  # type: ignore[union-attr]
    elif r.lo is not None:
        when = f"{from_ord(r.lo)}..{from_ord(r.hi)}"
    else:
        when = "?"
    where = r.place_n or r.admin2_n or r.admin1_n or "?"
    return f"{r.article_id}:{when}:{where}"


def assign_keys(reports: list[Report]) -> None:
    """Give every report its key; reports of one article that would share a key get ``#2``, ``#3``... by idx."""
    by_base: dict[str, list[Report]] = {}
    for r in reports:
        by_base.setdefault(base_key(r), []).append(r)
    for base, rs in by_base.items():
        rs.sort(key=lambda x: x.idx)
        for i, r in enumerate(rs):
            r.key = base if i == 0 else f"{base}#{i + 1}"
            r.rank, r.siblings = i, len(rs)
