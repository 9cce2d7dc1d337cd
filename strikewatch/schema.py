"""Plain typed data passed between the pipeline stages.

ingest -> ``ArticleIn`` -> extract -> ``Extraction`` (``Event`` + ``Claim``) -> geo fills ``GeoResult`` fields
-> merge -> strike records (see ``strikewatch.merge``).

These are the one definition of the field names used by the CLI's JSON, the database and the HTTP API.
Unknown values are ``None``; never a guess.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from strikewatch.model import COUNT_FIELDS, PLACE_COLUMNS, count_attrs, place_attrs, with_fields

EventType = Literal["drone_strike", "air_strike", "ground_attack", "bombing", "other"]
Role = Literal["main", "background"]
Section = Literal["body", "comments"]
GeoPrecision = Literal["place", "admin2", "admin1", "country"]
# where an article's publication date came from (``strikewatch.ingest.pubdate``; best first as ingest tries them)
PublishedBasis = Literal["jsonl", "feed", "html-meta", "published-line", "url", "dateline", "cli", "unknown"]

# Count fields (each a (min, max) pair on Event and on strike records) and place fields: see strikewatch.model.
GEO_FIELDS: tuple[str, ...] = PLACE_COLUMNS

MAX_COUNT = 1_000_000
"""The largest value any count field (``killed``, ``injured``, ``civilians``, ``children``, ``militants``,
``munitions``, each ``_min`` and ``_max``) may hold: on a report (``Event``), a strike record, a reviewer's set
value, an imported tracker row. No single strike has killed more than about 150,000 people (Hiroshima), so a
million leaves room for any honest report of one strike and none for absurd ones: a larger number in a text is not
a toll (the extractor does not read it as one) and the store refuses it (the field is left unknown; the figure
stays in the text its evidence span points to). Counts are never negative. Bounded figures bound every total: a
sum over a billion records stays far inside 64 bits."""

MAX_CLAIM = 10_000_000_000
"""The largest ``Claim.quantity`` stored (more people than live on Earth): a larger number is kept as the claim's
text only."""


def count_ok(value: object) -> bool:
    """``value`` is a count a count field may hold: an int (not a bool) from 0 to ``MAX_COUNT``."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT


def counts_out_of_range(obj: object) -> list[tuple[str, object]]:
    """``(field, value)`` of every count field of ``obj`` (an ``Event`` or anything with the same attributes)
    that is set but not :func:`count_ok`."""
    bad: list[tuple[str, object]] = []
    for name in COUNT_FIELDS:
        for end in ("_min", "_max"):
            v = getattr(obj, name + end, None)
            if v is not None and not count_ok(v):
                bad.append((name + end, v))
    return bad


if TYPE_CHECKING:  # the fields strikewatch.model adds, as mypy sees them
    from strikewatch.model_types import Counts, Place

    class _EventFields(Place, Counts): ...
else:
    Place = _EventFields = object


@dataclass(frozen=True, slots=True)
class Evidence:
    """Character span ``text[start:end]`` of the input that a field's value came from."""

    field: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end}


@dataclass(slots=True)
@with_fields({"": place_attrs()})
class GeoResult(Place):
    """A place resolved against the offline gazetteer: the place fields (strikewatch.model.PLACE_FIELDS), then:"""

    source: str | None = None  # where the gazetteer row came from (e.g. "curated", "geonames:cities500")
    conflict: str | None = None  # text contradicts the gazetteer's hierarchy: explanation
    start: int | None = None  # span of the place name in the text that was resolved
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(slots=True)
@with_fields({"date_text": place_attrs(), "geo_conflict": count_attrs()})
class Event(_EventFields):
    """One strike (or attack) reported by one article. Flat; unknown is None.

    After ``date_text`` come the place fields, after ``geo_conflict`` the casualty counts (``killed_min``,
    ``killed_max``, ...): both declared in ``strikewatch.model``.
    """

    type: EventType | None = None
    perpetrator: str | None = None
    role: Role = "main"
    section: Section = "body"
    date: dt.date | None = None
    date_earliest: dt.date | None = None
    date_latest: dt.date | None = None
    date_text: str | None = None
    geo_conflict: str | None = None
    target: str | None = None
    target_groups: list[str] = field(default_factory=list)
    named_dead: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if isinstance(v, dt.date):
                v = v.isoformat()
            elif f.name == "evidence":
                v = [e.to_dict() for e in v]
            elif isinstance(v, list):
                v = list(v)
            d[f.name] = v
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        kw: dict[str, Any] = {}
        names = {f.name for f in dataclasses.fields(cls)}
        for k, v in d.items():
            if k not in names:
                continue
            if k in ("date", "date_earliest", "date_latest") and isinstance(v, str):
                v = dt.date.fromisoformat(v)
            elif k == "evidence":
                v = [Evidence(e["field"], int(e["start"]), int(e["end"])) for e in (v or [])]
            elif k in ("target_groups", "named_dead"):
                v = list(v or [])
            kw[k] = v
        return cls(**kw)


@dataclass(slots=True)
class Claim:
    """An aggregate statistic in the text that is not one strike ("up to 3,735 killed in a decade")."""

    text: str
    start: int
    end: int
    source: str | None = None  # who the text attributes it to (e.g. "TBIJ")
    quantity: int | None = None  # the headline number (upper bound for "up to")
    unit: str | None = None  # "killed", "civilians", "children", "strikes", ...
    period: str | None = None  # "2017", "last decade", "2004-2014", ...

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(slots=True)
class Extraction:
    """What the extractor read from one document."""

    id: str | None
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "events": [e.to_dict() for e in self.events],
            "claims": [c.to_dict() for c in self.claims],
        }


@dataclass(slots=True)
class ArticleIn:
    """One article as ingestion produces it, before it is stored."""

    raw: bytes  # the bytes exactly as received (archived by sha256)
    text: str  # article body text, boilerplate removed
    source: str  # path, URL or "file.jsonl:LINE" it came from
    content_type: str = "text/plain"  # text/plain | text/html | application/json
    external_id: str | None = None  # id given by the input (JSONL "id")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_basis: PublishedBasis = "unknown"
    comments: str | None = None  # reader comments, kept apart from the body


def join_comments(body: str, comments: str | None) -> tuple[str, int | None]:
    """The text the extractor reads for a stored article: body, then reader comments after a blank line.

    Returns the joined text and the offset where comments start (None when there are none). Evidence
    offsets of stored events refer to this joined text.
    """
    if not comments:
        return body, None
    return body + "\n\n" + comments, len(body) + 2
