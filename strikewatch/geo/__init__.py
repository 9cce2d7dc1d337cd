"""Offline gazetteer and place resolution.

Contract (other stages call exactly these):
    lookup(name) -> list[GeoResult]                    candidates for a place name, best first
    resolve(text, start, end) -> GeoResult | None      the strike site named in text[start:end]
    find_places(text) -> list[PlaceMention]            every gazetteer name in a text, with span, candidates, role
    specificity(text, result) -> tuple                 ranks resolve() answers for stretches of one text
    same_site(a, b, country=None) -> bool | None       can two place names be one strike site (town vs village in it)
    choose_site(text, spans, *, exclude=(), published=None) -> SiteChoice | None
                                                       the strike's site from the spans that tell it (``site``)

The table (``data/gazetteer.tsv``) is built by ``python -m swdev.gazetteer_build`` (a developer tool outside the
package) and loaded lazily, once per process, into in-memory indexes (see ``gazetteer``). Nothing here touches the
network.
"""

from __future__ import annotations

from strikewatch.geo.gazetteer import Gazetteer, Place, get_gazetteer
from strikewatch.geo.lookup import lookup
from strikewatch.geo.mentions import PlaceMention, find_places
from strikewatch.geo.resolve import resolve, specificity
from strikewatch.geo.site import Rejected, SiteChoice, choose_site
from strikewatch.geo.sites import same_site
from strikewatch.schema import GeoResult

__all__ = ["GeoResult", "Gazetteer", "Place", "PlaceMention", "Rejected", "SiteChoice", "choose_site", "find_places",
           "get_gazetteer", "lookup", "resolve", "same_site", "specificity"]
