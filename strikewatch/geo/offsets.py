"""Distances and compass directions from a reference place: "45 km west of Miranshah".

``parse_offset(before)`` reads the words just before a reference name ("about 30 km (20 miles) north-east of",
"20 miles south of", "some 10 km from") and returns an ``Offset``: the distance in kilometres (miles converted; a
range "30-40 km" is its midpoint), the bearing in degrees clockwise from north (``None`` when no direction is
given: "10 km from Mir Ali" says how far, not which way) and the phrase as written. ``destination`` moves a point
along a great circle. The resolver uses both to estimate a strike's point when the report names no site of its own;
the answer stays at the reference's agency precision because the report's distance is itself approximate.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0  # the same sphere as ``gazetteer.haversine_km``
KM_PER_MILE = 1.609344

BEARINGS: dict[str, float] = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0,
    "south": 180.0, "southwest": 225.0, "west": 270.0, "northwest": 315.0,
}

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_UNIT = r"km|kms|kilometres?|kilometers?|miles?|mi"
_DIR = r"(?:north|south)(?:[\s-]?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?"
_OFFSET_BEFORE = re.compile(
    r"(?<![\w.,])(?P<a>" + _NUM + r")(?:\s*(?:-|–|to)\s*(?P<b>" + _NUM + r"))?\s*-?\s*(?P<unit>" + _UNIT + r")\.?"
    r"\s+(?:\(\s*(?:about\s+|some\s+)?[\d.,]+\s*\w+\.?\s*\)\s+)?"
    r"(?:(?:to\s+the\s+)?(?P<dir>" + _DIR + r")\s+(?:of|from)|(?:away\s+)?from)"
    r"\s+(?:the\s+)?(?:(?:main\s+)?(?:town|city|village)\s+of\s+)?$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Offset:
    """How far and which way the site lies from a reference place, as the text says it."""

    km: float
    bearing: float | None  # degrees clockwise from north; None: no direction given
    text: str  # the phrase as written, e.g. "45 kilometres west of"
    direction: str | None = None  # "west", "north-east", as written (lower case)


def bearing_of(word: str) -> float | None:
    """Degrees for a compass word: "north-east", "northeast", "north east", "western" -> 270."""
    key = re.sub(r"[\s-]+", "", word.lower())
    key = key.removesuffix("ern")
    return BEARINGS.get(key)


def parse_offset(before: str) -> Offset | None:
    """The distance (and direction) phrase that ends ``before``, the text right before a reference name."""
    m = _OFFSET_BEFORE.search(before)
    if m is None:
        return None
    a = float(m.group("a").replace(",", ""))
    b = float(m.group("b").replace(",", "")) if m.group("b") else a
    km = (a + b) / 2
    if m.group("unit").lower().startswith("mi"):
        km *= KM_PER_MILE
    if km <= 0:
        return None
    word = m.group("dir")
    bearing = bearing_of(word) if word else None
    text = re.sub(r"\s+(?:the\s+)?(?:(?:main\s+)?(?:town|city|village)\s+of\s+)?$", "", m.group(), flags=re.I)
    return Offset(km=km, bearing=bearing, text=text.strip(), direction=word.lower() if word else None)


def destination(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` along the great circle leaving (lat, lon) at ``bearing`` degrees."""
    p = math.pi / 180
    d = km / EARTH_RADIUS_KM
    phi1, lam1, theta = lat * p, lon * p, bearing * p
    phi2 = math.asin(math.sin(phi1) * math.cos(d) + math.cos(phi1) * math.sin(d) * math.cos(theta))
    y = math.sin(theta) * math.sin(d) * math.cos(phi1)
    lam2 = lam1 + math.atan2(y, math.cos(d) - math.sin(phi1) * math.sin(phi2))
    lon2 = (lam2 / p + 540.0) % 360.0 - 180.0
    return phi2 / p, lon2


def initial_bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Degrees clockwise from north of the great circle from the first point to the second."""
    p = math.pi / 180
    phi1, phi2, dl = lat1 * p, lat2 * p, (lon2 - lon1) * p
    y = math.sin(dl) * math.cos(phi2)
    x = math.cos(phi1) * math.sin(phi2) - math.sin(phi1) * math.cos(phi2) * math.cos(dl)
    return (math.atan2(y, x) / p) % 360.0
