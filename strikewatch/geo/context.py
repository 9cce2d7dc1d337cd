"""The country an article is about, to settle namesakes its own sentence leaves open.

``article_countries(text)`` counts, over the whole text, the place names that belong to one country only: country
names, demonyms and names tied to one country ("Yemeni", "Afghan", "AQAP"), provinces, districts and major cities
that no other country shares ("Paktika", "Sanaa"), each once per mention; the dateline counts double. A country
named as a border ("the Afghan border", "border with Afghanistan") does not count; a country as an actor
("Islamabad protested", "Yemen condemned") does — its government still tells what the story is about. Namesakes
("Bayda": Libya's town, Yemen's governorate) and GeoNames-only villages count for nothing.

``dominant(counts)`` is the country with strictly the largest count, if any. Computed once per text (cached): the
resolver reads a text one sentence at a time and asks again for each.
"""

from __future__ import annotations

import re
from functools import lru_cache

from strikewatch.geo.gazetteer import CACHE_CLEARERS, MAJOR_CITY, Gazetteer, Place
from strikewatch.geo.mentions import _BORDER_AFTER, _BORDER_BEFORE, DEMONYMS, _dateline_span, _scan_exact, _tokens

_DEMONYMS = DEMONYMS
_DEMONYM = re.compile(
    r"\b(?:Pakistanis?|Afghans?|Afghani|Yemenis?|Yemanis?|AQAP|Houthis?|Somalis?|Somalian|Shabaa?b|Iraqis?|Syrians?|Libyans?|"
    r"Palestinians?|Israelis?|Lebanese|Hezbollah|Hizbollah|Hamas)\b"
)


def _strong(p: Place) -> bool:
    return p.kind in ("country", "admin1", "admin2") or (p.is_place and (p.population >= MAJOR_CITY or p.attested))


def one_country(places: list[Place]) -> str | None:
    """The country of a name whose admin units, major cities and attested places all lie in one country (a small
    GeoNames namesake abroad -- Israel's village of Kabul -- does not make "Kabul" ambiguous); small GeoNames places
    alone tell nothing (they share names across countries too often)."""
    strong = {p.country for p in places if _strong(p)}
    return next(iter(strong)) if len(strong) == 1 else None


def _border(text: str, s: int, e: int) -> bool:
    return bool(_BORDER_AFTER.match(text[e : e + 40]) or _BORDER_BEFORE.search(text[max(0, s - 40) : s]))


@lru_cache(maxsize=64)
def article_countries(text: str, gaz: Gazetteer) -> tuple[tuple[str, float], ...]:
    """(country, weight) for the countries the text's unambiguous place names belong to, largest first."""
    counts: dict[str, float] = {}
    dl_start, dl_end = _dateline_span(text, gaz)
    for s, e, places in _scan_exact(text, gaz, _tokens(text)):
        c = one_country(places)
        if c is None or (places[0].kind == "country" and _border(text, s, e)):
            continue
        counts[c] = counts.get(c, 0.0) + (2.0 if dl_start <= s < dl_end else 1.0)
    for m in _DEMONYM.finditer(text):
        if not _border(text, m.start(), m.end()):
            k = _DEMONYMS[m.group().lower()]
            counts[k] = counts.get(k, 0.0) + 1.0
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def dominant(counts: tuple[tuple[str, float], ...]) -> str | None:
    """The country with strictly the largest weight, or None (no country, or a tie)."""
    if not counts or (len(counts) > 1 and counts[1][1] >= counts[0][1]):
        return None
    return counts[0][0]


CACHE_CLEARERS.append(article_countries.cache_clear)
