"""The offline gazetteer: ``data/gazetteer.tsv`` loaded once into in-memory indexes.

Hierarchy: place (village/town/area) -> admin2 (agency/district) -> admin1 (province) -> country. Pakistan's
former FATA agencies keep their agency names as admin2 ("North Waziristan"), under admin1 "Khyber Pakhtunkhwa"
(the province they merged into in 2018); "FATA", "NWFP", "KPK" are aliases of that admin1 and the post-2018 district
names ("North Waziristan District", "South Waziristan Upper/Lower") aliases of the agencies. Frontier Regions keep
their FR names as admin2 and record the district they merged into (``post2018``).
"""

from __future__ import annotations

import csv
import gzip
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from strikewatch.geo.normalize import norm, skeleton, skeleton_of_squashed, split_aliases, squash
from strikewatch.schema import GeoPrecision, GeoResult

DATA = Path(__file__).resolve().parent / "data"
TABLE = DATA / "gazetteer.tsv"
ENGLISH = DATA / "english_common.txt.gz"

KIND_LEVEL = {"country": 0, "admin1": 1, "admin2": 2, "area": 3, "town": 4, "place": 4, "village": 5}
PLACE_KINDS = frozenset({"town", "village", "area", "place"})
MAJOR_CITY = 50_000

# clear functions of caches kept outside the Gazetteer (``mentions``: words worth a near-spelling look-up, datelines),
# so that ``clear_caches`` forgets everything a benchmark of first look-ups should not reuse
CACHE_CLEARERS: list[Callable[[], None]] = []


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer row."""

    id: int
    kind: str  # country | admin1 | admin2 | town | area | village | place
    name: str
    aliases: tuple[str, ...]
    country: str
    admin1: str | None
    admin2: str | None
    parent: str | None
    lat: float | None
    lon: float | None
    population: int
    n_obs: int
    source: str
    coord_source: str
    post2018: str | None
    common: frozenset[str]  # normalised names of this row that are everyday English words

    @property
    def attested(self) -> bool:
        """In the curated table or a strike sheet (not only a GeoNames populated place)."""
        return any(s in self.source for s in ("curated", "TBIJ", "NewAmerica", "Dronestream", "PakistanBodyCount"))

    @property
    def level(self) -> int:
        return KIND_LEVEL.get(self.kind, 4)

    @property
    def is_place(self) -> bool:
        return self.kind in PLACE_KINDS

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def rank_key(self) -> tuple[float, ...]:
        """Order among rows sharing a name: major cities, then admin units, then better attested places."""
        kind_rank = 0.5 if self.is_place and self.population >= MAJOR_CITY else float(KIND_LEVEL.get(self.kind, 4))
        if self.kind == "village":
            kind_rank = 4.0
        curated = 0 if "curated" in self.source else 1
        return (kind_rank, curated, -self.n_obs, -self.population, self.id)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


# country, admin1, admin2, place, lat, lon, geo_precision, source of a row's GeoResult
_ResultFields = tuple[str | None, str | None, str | None, str | None, float | None, float | None, GeoPrecision | None,
                      str | None]


def _opt(s: str) -> str | None:
    return s or None


class Gazetteer:
    """In-memory indexes over the table. Build with :func:`get_gazetteer` (a lazily loaded singleton)."""

    def __init__(self, path: Path = TABLE) -> None:
        self.places: list[Place] = []
        self.by_norm: dict[str, list[int]] = {}
        self.by_squash: dict[str, list[int]] = {}
        self.acronyms: dict[str, list[int]] = {}  # case-sensitive short upper-case aliases (NWA, FATA, KP)
        self.admin2: dict[tuple[str, str], Place] = {}
        self.admin1: dict[tuple[str, str], Place] = {}
        self.country: dict[str, Place] = {}
        self.max_words = 1
        self._choice_cache: dict[tuple[int, ...] | None, tuple[dict[str, int], list[str]]] = {}
        self._pool_keys: dict[int, tuple[list[Place], tuple[int, ...]]] = {}
        self._places_in: dict[tuple[str, str | None], list[Place]] = {}
        self._exact_cache: dict[str, list[Place]] = {}
        self._result_fields: dict[int, _ResultFields] = {}
        self._fuzzy_cache: dict[tuple[str, float, tuple[int, ...] | None, int], list[tuple[Place, float]]] = {}
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                self._add(row)
        self._rank = [p.rank_key() for p in self.places]
        for idx in (self.by_norm, self.by_squash, self.acronyms):
            for ids in idx.values():
                if len(ids) > 1:
                    ids.sort(key=self._rank.__getitem__)

    def _add(self, row: dict[str, str]) -> None:
        i = len(self.places)
        aliases = tuple(split_aliases(row["aliases"]))
        p = Place(
            id=i,
            kind=row["kind"],
            name=row["name"],
            aliases=aliases,
            country=row["country"],
            admin1=_opt(row["admin1"]),
            admin2=_opt(row["admin2"]),
            parent=_opt(row["parent"]),
            lat=float(row["lat"]) if row["lat"] else None,
            lon=float(row["lon"]) if row["lon"] else None,
            population=int(row["population"] or 0),
            n_obs=int(row["n_obs"] or 0),
            source=row["source"],
            coord_source=row["coord_source"],
            post2018=_opt(row["post2018"]),
            common=frozenset(norm(c) for c in split_aliases(row["common"])),
        )
        self.places.append(p)
        if p.kind == "admin2":
            self.admin2[(p.country, p.name)] = p
        elif p.kind == "admin1":
            self.admin1[(p.country, p.name)] = p
        elif p.kind == "country":
            self.country[p.country] = p
        for n in p.names():
            if n.isupper() and len(n) <= 5 and n.isalpha():
                self.acronyms.setdefault(n, []).append(i)
                continue
            k = norm(n)
            if not k:
                continue
            self._put(self.by_norm, k, i)
            self._put(self.by_squash, k.replace(" ", ""), i)
            self.max_words = max(self.max_words, min(6, len(k.split())))

    @staticmethod
    def _put(idx: dict[str, list[int]], key: str, i: int) -> None:
        ids = idx.setdefault(key, [])
        if i not in ids:
            ids.append(i)

    def clear_caches(self) -> None:
        """Forget cached look-up answers (benchmarks time first look-ups with this)."""
        self._exact_cache.clear()
        self._fuzzy_cache.clear()
        self._result_fields.clear()
        norm.cache_clear()
        for clear in CACHE_CLEARERS:
            clear()

    # -- look-ups ------------------------------------------------------------------------------------------------

    def exact(self, name: str) -> list[Place]:
        """Rows whose name or alias equals ``name`` (accents, case, punctuation and spacing ignored)."""
        hit = self._exact_cache.get(name)
        if hit is None:
            hit = self._exact(name)
            if len(self._exact_cache) > 50_000:
                self._exact_cache.clear()
            self._exact_cache[name] = hit
        return list(hit)

    def _exact(self, name: str) -> list[Place]:
        k = norm(name)
        ids = list(self.by_norm.get(k, []))
        for i in self.by_squash.get(k.replace(" ", ""), []):
            if i not in ids:
                ids.append(i)
        if name.strip() in self.acronyms:
            ids = list(self.acronyms[name.strip()])
        out = [self.places[i] for i in ids]
        out.sort(key=Place.rank_key)
        return out

    def fuzzy(
        self, name: str, *, cutoff: float = 85.0, pool: list[Place] | None = None, limit: int = 5
    ) -> list[tuple[Place, float]]:
        """Near spellings: the transliteration skeleton first, then edit-distance similarity over ``pool``.
        Answers are cached: names recur from one article to the next."""
        pool_key = self._pool_key(pool)
        ck = (name, cutoff, pool_key, limit)
        hit = self._fuzzy_cache.get(ck)
        if hit is not None:
            return list(hit)
        out = self._fuzzy(name, cutoff=cutoff, pool=pool, limit=limit)
        if len(self._fuzzy_cache) > 20_000:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[ck] = out
        return list(out)

    def _pool_key(self, pool: list[Place] | None) -> tuple[int, ...] | None:
        """The ids of a pool, worked out once per pool list (``places_in`` hands out the same lists)."""
        if pool is None:
            return None
        hit = self._pool_keys.get(id(pool))
        if hit is None or hit[0] is not pool:
            hit = (pool, tuple(p.id for p in pool))
            if len(self._pool_keys) > 256:
                self._pool_keys.clear()
            self._pool_keys[id(pool)] = hit
        return hit[1]

    def _fuzzy(
        self, name: str, *, cutoff: float, pool: list[Place] | None, limit: int
    ) -> list[tuple[Place, float]]:
        from rapidfuzz import fuzz, process

        q = norm(name)
        if len(q.replace(" ", "")) < 4:
            return []
        scored: dict[int, float] = {}
        pool_ids = {p.id for p in pool} if pool is not None else set()
        sk = skeleton(name)
        # same transliteration skeleton: a weaker spelling match is enough, and it outranks look-alikes
        for i in self.by_skeleton.get(sk, []) if len(sk) >= 2 else []:
            p = self.places[i]
            if pool is not None and i not in pool_ids:
                continue
            best = max(fuzz.ratio(q.replace(" ", ""), squash(n)) for n in p.names())
            if best >= 60.0:
                scored[i] = max(scored.get(i, 0.0), min(100.0, best + 15.0))
        choices, keys = self._choices(pool)
        for key, score, _ in process.extract(
            q.replace(" ", ""), keys, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff
        ):
            i = choices[key]
            scored[i] = max(scored.get(i, 0.0), float(score))
        # the gazetteer exists for strike sites: rows the curated table or a strike sheet attests win near-ties
        for i in scored:
            if self.places[i].attested:
                scored[i] += 8.0
        ranked = sorted(scored.items(), key=lambda kv: (-kv[1], self.places[kv[0]].rank_key()))
        return [(self.places[i], s) for i, s in ranked[:limit]]

    @cached_property
    def first_words(self) -> frozenset[str]:
        """First words of every name, and every name without spaces: a text word outside this set starts no name."""
        acronyms = {a.lower() for a in self.acronyms}
        return frozenset({k.split(" ", 1)[0] for k in self.by_norm} | set(self.by_squash) | acronyms)

    @cached_property
    def by_skeleton(self) -> dict[str, list[int]]:
        """Transliteration skeleton -> row ids; built on the first near-spelling query."""
        idx: dict[str, list[int]] = {}
        for sq, ids in self.by_squash.items():
            sk = skeleton_of_squashed(sq)
            if len(sk) >= 2:
                for i in ids:
                    self._put(idx, sk, i)
        for ids in idx.values():
            ids.sort(key=self._rank.__getitem__)
        return idx

    def _choices(self, pool: list[Place] | None) -> tuple[dict[str, int], list[str]]:
        """Squashed name -> best row id over ``pool`` (all places and admin2 units when None), and the names as a
        list; cached per pool."""
        key = self._pool_key(pool)
        hit = self._choice_cache.get(key)
        if hit is None:
            cached: dict[str, int] = {}
            if pool is None:
                # a GeoNames-only place is tried under its own name, not under its alternate names (transliterations
                # into other languages: near spellings of those are noise, and they are most of the names)
                for sq, ids in self.by_squash.items():
                    best = next(
                        (
                            i for i in ids
                            if self.places[i].kind not in ("country", "admin1")
                            and (self.places[i].attested or not self.places[i].is_place
                                 or squash(self.places[i].name) == sq)
                        ),
                        None,
                    )
                    if best is not None:
                        cached[sq] = best
            else:
                for p in pool:
                    for n in p.names():
                        cached.setdefault(squash(n), p.id)
            if len(self._choice_cache) > 64:
                self._choice_cache.clear()
            hit = (cached, list(cached))
            self._choice_cache[key] = hit
        return hit

    @cached_property
    def english(self) -> frozenset[str]:
        with gzip.open(ENGLISH, "rt", encoding="ascii") as f:
            return frozenset(f.read().split())

    def admin2_of(self, p: Place) -> Place | None:
        return self.admin2.get((p.country, p.admin2)) if p.admin2 else None

    def admin1_of(self, p: Place) -> Place | None:
        return self.admin1.get((p.country, p.admin1)) if p.admin1 else None

    def places_in(self, country: str, admin2: str | None = None) -> list[Place]:
        hit = self._places_in.get((country, admin2))
        if hit is None:
            hit = [p for p in self.places
                   if p.country == country and p.is_place and (admin2 is None or p.admin2 == admin2)]
            self._places_in[(country, admin2)] = hit
        return hit

    # -- results -------------------------------------------------------------------------------------------------

    def to_result(self, p: Place, start: int | None = None, end: int | None = None) -> GeoResult:
        """The contract's GeoResult for a row. Places without their own point borrow their agency's or province's
        centre, and the precision says so. The fields are worked out once per row (a fresh GeoResult each call:
        callers may change it)."""
        mine = p.id < len(self.places) and self.places[p.id] is p
        f = self._result_fields.get(p.id) if mine else None
        if f is None:
            r = self._to_result(p)
            f = (r.country, r.admin1, r.admin2, r.place, r.lat, r.lon, r.geo_precision, r.source)
            if mine:
                self._result_fields[p.id] = f
        return GeoResult(country=f[0], admin1=f[1], admin2=f[2], place=f[3], lat=f[4], lon=f[5], geo_precision=f[6],
                         source=f[7], start=start, end=end)

    def _to_result(self, p: Place) -> GeoResult:
        precision: GeoPrecision
        lat, lon, source = p.lat, p.lon, p.source
        if p.kind == "country":
            precision = "country"
        elif p.kind == "admin1":
            precision = "admin1"
        elif p.kind == "admin2":
            precision = "admin2"
        else:
            precision = "place"
            if p.coord_source.startswith("parent:"):
                source = f"{p.source}; coordinates of {p.coord_source[7:]}"
            if lat is None or lon is None:
                up = self.admin2_of(p) or self.admin1_of(p)
                if up is not None and up.lat is not None:
                    lat, lon = up.lat, up.lon
                    precision = "admin2" if up.kind == "admin2" else "admin1"
                    source = f"{p.source}; coordinates of {up.name} (village not located)"
        return GeoResult(
            country=p.country or None,
            admin1=p.admin1,
            admin2=p.admin2,
            place=p.name if p.is_place else None,
            lat=round(lat, 5) if lat is not None else None,
            lon=round(lon, 5) if lon is not None else None,
            geo_precision=precision,
            source=source,
        )


_LOCK = threading.Lock()
_INSTANCE: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use."""
    global _INSTANCE
    if _INSTANCE is None:
        with _LOCK:
            if _INSTANCE is None:
                _INSTANCE = Gazetteer()
    return _INSTANCE
