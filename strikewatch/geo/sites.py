"""Can two place names be one strike site?

Reports of one strike name its place at different scales: one says "near Miranshah" (a town), another "in Tabi
Tolkhel" (a cluster of homes 3 km from it); one says "in the Shawal valley", another "in Kundhgar, Shawal".
``same_site(a, b)`` says whether two names can describe one site:

* the same gazetteer row (any spelling: Miranshah / Miramshah);
* one is an area or valley the table gives as the other's parent ("Kundhgar, Shawal"), or a town or area whose
  point is within ``ENCLOSE_KM`` of the other's (a village "near Miranshah");
* two villages are never one site unless they are the same row (two villages a few kilometres apart are where
  trackers record separate strikes on one day).

Unknown names give ``None`` (the caller decides, e.g. by distance between its own points).
"""

from __future__ import annotations

from strikewatch.geo.gazetteer import Gazetteer, Place, get_gazetteer, haversine_km
from strikewatch.geo.normalize import norm

ENCLOSE_KM = 8.0
_WIDE = frozenset({"town", "area"})
_SMALL = frozenset({"village", "place"})


def _rows(gaz: Gazetteer, name: str, country: str | None) -> list[Place]:
    rows = [p for p in gaz.exact(name) if p.is_place and (country is None or p.country == country)]
    return rows


def _encloses(wide: Place, small: Place) -> bool:
    if wide.kind not in _WIDE or small.kind not in _SMALL or wide.country != small.country:
        return False
    if wide.kind == "area" and small.parent and norm(small.parent) in {norm(n) for n in wide.names()}:
        return True
    if None in (wide.lat, wide.lon, small.lat, small.lon):
        return False
    return haversine_km(wide.lat, wide.lon, small.lat, small.lon) <= ENCLOSE_KM  # type: ignore[arg-type]


def same_site(a: str, b: str, country: str | None = None, gaz: Gazetteer | None = None) -> bool | None:
    """True when the places named ``a`` and ``b`` can be one strike site, False when they cannot, None when the
    gazetteer does not know one of them."""
    gaz = gaz or get_gazetteer()
    ra, rb = _rows(gaz, a, country), _rows(gaz, b, country)
    if not ra or not rb:
        return None
    ids = {p.id for p in ra}
    if any(p.id in ids for p in rb):
        return True
    return any(_encloses(x, y) or _encloses(y, x) for x in ra for y in rb)
