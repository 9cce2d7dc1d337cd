"""The strike's site, not every place a report mentions: ``choose_site(text, spans, exclude=...)``.

The extractor hands over the stretches of an article that tell one strike (``spans``, in priority order: the
sentence with the strike first) and the stretches that can never hold its site (``exclude``: the dateline, the
comment section). Every place named in the spans has a role (``mentions``): only a place the strike is *in*, *near*
or *at an offset from* can be its site. Datelines, where officials spoke or an outlet is based, where the wounded
were taken, the dead buried or people protested, a capital standing for its government ("the government in
Islamabad", "Islamabad condemned"), a country named as a border: none of these is ever the site.

Among the spans: the first one that names a site gives the answer; a later span refines it only with a more
specific place *inside* the answer so far ("a strike in North Waziristan ... the house in Datta Khel"), never with a
place elsewhere (a later paragraph about another strike). A country named in passing in the first span ("strikes by
drones in Yemen" in a photo caption) gives way to a later span's place in the country the story is about. Two
districts named as a border give their province with both districts in ``place`` ("North Waziristan / South
Waziristan border", precision admin1).

``SiteChoice`` is a ``GeoResult`` (same fields, usable wherever one is) plus ``why`` (plain words), ``mention``
(the name as written; ``start``/``end`` are its span) and ``rejected`` (each other place read, and why it is not
the site) — what ``strikewatch geo --text`` prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

from strikewatch.geo.context import article_countries, dominant
from strikewatch.geo.gazetteer import CACHE_CLEARERS, Gazetteer, Place, get_gazetteer
from strikewatch.geo.resolve import Decision, decide, specificity
from strikewatch.schema import GeoResult

_ROLE_REASON = {
    "dateline": "the dateline: where the report was filed, not where the strike was",
    "speaker": "where someone spoke or an outlet or government sits, not the strike",
    "actor": "a capital or country standing for its government",
    "border": "a country named as a border",
    "elsewhere": "where the wounded were taken, the dead buried or mourned, or people protested",
    "reference": "a point the site is measured from, not the site",
    "near": "the strike was only near it",
}


@dataclass(slots=True, frozen=True)
class Rejected:
    """A place the text names that is not the strike's site, and why."""

    text: str
    start: int
    end: int
    reason: str


@dataclass(slots=True)
class SiteChoice(GeoResult):
    """The strike's site: the ``GeoResult`` fields, the reason and the mention it came from."""

    why: str = ""
    mention: str | None = None  # the name as the text writes it; start/end are its span
    rejected: tuple[Rejected, ...] = field(default_factory=tuple)

    def geo(self) -> GeoResult:
        """The plain ``GeoResult`` (the contract's fields only)."""
        return GeoResult(
            country=self.country, admin1=self.admin1, admin2=self.admin2, place=self.place, lat=self.lat,
            lon=self.lon, geo_precision=self.geo_precision, source=self.source, conflict=self.conflict,
            start=self.start, end=self.end,
        )


_CAPTION = re.compile(
    r"\((?:file\s+)?photo\)|\bfile\s+photo\b|\[\s*photo\s*:|\bphoto\s*:|\bAFP\s+PHOTO\b|\bAP\s+Photo\b|"
    r"\bGetty\s+Images\b|\bREUTERS/|[.)]\s*(?:REUTERS|Reuters|AFP|EPA|Xinhua|Anadolu)\s*$",
    re.I | re.M,
)


# Every caption match holds "photo", "getty" or "reuters", or an agency's name at the end of a line (any case): a
# text without them holds no caption and is not searched (most texts; the search costs as much as reading the text's
# places). ``str.lower`` agrees with the pattern's ``re.I`` on these letters except for three characters, mapped first.
_CAPTION_FOLD = {0x130: "i", 0x131: "i", 0x17F: "s"}
_AGENCY_WORDS = ("afp", "epa", "xinhua", "anadolu")
_SPACE_TO_LINE_END = re.compile(r"\s*$", re.M)


def _may_hold_caption(text: str) -> bool:
    fold = not text.isascii() and any(chr(c) in text for c in _CAPTION_FOLD)
    low = (text.translate(_CAPTION_FOLD) if fold else text).lower()
    if "photo" in low or "getty" in low or "reuters" in low:
        return True
    for w in _AGENCY_WORDS:
        k = low.find(w)
        while k >= 0:
            if _SPACE_TO_LINE_END.match(low, k + len(w)):
                return True
            k = low.find(w, k + 1)
    return False


@lru_cache(maxsize=64)
def captions(text: str) -> tuple[tuple[int, int], ...]:
    """Photo captions: lines with a picture credit ("(file photo)", "REUTERS/Name", "... 2011. REUTERS",
    "[Photo: Internet]"). A caption shows another moment or place than the story tells ("A tribesman watches a strike
    in North Waziristan (file photo)" above a story from South Waziristan): its places are never the site. Read once
    per text (``choose_site`` asks for every event of an article)."""
    if not _may_hold_caption(text):
        return ()
    out = []
    for m in _CAPTION.finditer(text):
        a = text.rfind("\n", 0, m.start()) + 1
        b = text.find("\n", m.end())
        out.append((a, len(text) if b < 0 else b))
    return tuple(out)


CACHE_CLEARERS.append(captions.cache_clear)


def _inside(r: GeoResult, anchor: GeoResult) -> bool:
    """Can ``r`` be a more specific telling of ``anchor``'s site (same country, province, district)?"""
    if r.country != anchor.country:
        return False
    if anchor.geo_precision == "country":
        return True
    if anchor.admin1 is not None and r.admin1 != anchor.admin1:
        return False
    return anchor.geo_precision == "admin1" or anchor.admin2 is None or r.admin2 == anchor.admin2


def _contains(p: Place, r: GeoResult) -> bool:
    return p.country == r.country and (
        (p.kind == "country")
        or (p.kind == "admin1" and p.name == r.admin1)
        or (p.kind == "admin2" and p.name == r.admin2)
    )


def _rejections(text: str, decisions: list[Decision], chosen: tuple[int, int] | None) -> tuple[Rejected, ...]:
    out: dict[tuple[int, int], Rejected] = {}
    for d in decisions:
        for i in d.span:
            m = d.mentions[i]
            key = (m.start, m.end)
            if key in out or key == chosen or (chosen and m.start >= chosen[0] and m.end <= chosen[1]):
                continue
            if i in d.excluded:
                reason = "in a part of the text that holds no site (dateline, comments, photo caption)"
            elif i in d.foreign:
                reason = "a namesake in a country the story is not about"
            elif m.role in _ROLE_REASON:
                reason = _ROLE_REASON[m.role]
                if m.role == "near" and d.chosen == i:
                    continue
            elif d.chosen is not None and d.result is not None and m.places and _contains(m.places[0], d.result):
                reason = f"the {m.places[0].kind} the site lies in (recorded as such, not as the site)"
            elif d.chosen is not None and d.result is not None:
                reason = "less specific than the chosen site, or another place named after it"
            else:
                reason = "not chosen"
            out[key] = Rejected(m.text, m.start, m.end, reason)
    return tuple(sorted(out.values(), key=lambda r: r.start))


def choose_site(
    text: str,
    spans: Iterable[tuple[int, int]],
    *,
    exclude: Sequence[tuple[int, int]] = (),
    published: date | None = None,
    kind: Literal["strike", "gathering"] = "strike",
    gaz: Gazetteer | None = None,
) -> SiteChoice | None:
    """The site of the strike told by ``spans`` (character ranges of ``text`` in priority order), or None when
    they name no place that can be its site. Mentions inside an ``exclude`` range, or in a photo caption
    (``captions``), never count. ``published`` is
    accepted for the extractor's interface; place names do not depend on it yet (former FATA agencies keep their
    names whatever the date). ``kind="gathering"`` is for events that are protests or rallies (ACLED's
    Riots/Protests): there, where people gathered is the event's site."""
    del published
    gaz = gaz or get_gazetteer()
    ex = tuple((int(a), int(b)) for a, b in exclude) + captions(text)
    decisions: list[Decision] = []
    best: Decision | None = None
    best_key: tuple[int, ...] = ()
    anchor: GeoResult | None = None
    seen: set[tuple[int, int]] = set()
    story: str | None = None
    for s, e in spans:
        if (s, e) in seen or e <= s:
            continue
        seen.add((s, e))
        d = decide(text, s, e, gaz, ex, gathering=kind == "gathering")
        decisions.append(d)
        r = d.result
        if r is None:
            continue
        key = specificity(text, r, gaz)
        if anchor is None or best is None or best.result is None:
            anchor, best, best_key = r, d, key
            continue
        current = best.result
        if key > best_key and _inside(r, current):
            # a later stretch refines the answer so far with a place inside it -- never with a place elsewhere, so
            # an unrelated event in a later paragraph ("the school attack in Peshawar") cannot take over
            best, best_key = d, key
        elif current.geo_precision == "country" and r.geo_precision != "country" and r.country != current.country:
            # a country named in passing ("denouncing drone strikes in Yemen", "fighters heading into Afghanistan")
            # gave the first answer; a place in the country the story is about, told by a later stretch, wins
            if story is None:
                story = dominant(article_countries(text, gaz)) or ""
            if r.country == story:
                anchor, best, best_key = r, d, key
    if best is None or best.result is None:
        return None
    r = best.result
    chosen = (r.start, r.end) if r.start is not None and r.end is not None else None
    why = best.why
    if best is not decisions[0] and anchor is not None and best.result is not anchor:
        first = anchor.place or anchor.admin2 or anchor.admin1 or anchor.country
        why += f"; a more specific telling of the site the first stretch names ({first})"
    return SiteChoice(
        country=r.country, admin1=r.admin1, admin2=r.admin2, place=r.place, lat=r.lat, lon=r.lon,
        geo_precision=r.geo_precision, source=r.source, conflict=r.conflict, start=r.start, end=r.end,
        why=why, mention=text[r.start : r.end] if chosen else None,
        rejected=_rejections(text, decisions, chosen),
    )
