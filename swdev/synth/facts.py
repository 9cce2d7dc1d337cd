"""Strike facts the generator writes reports about: from a tracker (TBIJ) or made up for scale benchmarks."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from strikewatch.model import count_attrs, with_fields

if TYPE_CHECKING:
    from strikewatch.analyse.records import TrackerStrike

StrikeType = Literal["drone_strike", "air_strike"]

COUNTRY_NAMES: dict[str, str] = {
    "PK": "Pakistan", "AF": "Afghanistan", "YE": "Yemen", "SO": "Somalia", "SY": "Syria", "IQ": "Iraq",
    "LY": "Libya",
}


FACT_COUNTS: tuple[str, ...] = ("killed", "injured", "civilians", "children")  # what the facts may give


@dataclass(frozen=True, slots=True)
@with_fields({"place": count_attrs(FACT_COUNTS)})
class StrikeFacts:
    """What is documented about one strike. Counts are (min, max) ranges; ``None`` is unknown."""

    key: str  # stable id of the strike (tracker id such as "Ob333", or "F000001" for made-up facts)
    date: dt.date
    country: str  # ISO 3166-1 alpha-2
    admin1: str | None = None  # province / state
    admin2: str | None = None  # district / agency
    place: str | None = None  # village or town as the tracker names it ("Tabi Tolkhel or Darga Mandi")
    # then the FACT_COUNTS (killed_min, killed_max, ...), from strikewatch.model
    perpetrator: str | None = "US"
    target: str | None = None
    type: StrikeType = "drone_strike"

    @property
    def area(self) -> str | None:
        """The most specific administrative area: district/agency, else province."""
        return self.admin2 or self.admin1

    @property
    def country_name(self) -> str:
        return COUNTRY_NAMES.get(self.country, self.country)

    def toll(self, name: str) -> tuple[int | None, int | None]:
        lo, hi = getattr(self, name + "_min"), getattr(self, name + "_max")
        if lo is not None and hi is not None and lo > hi:  # a tracker's own inconsistency: read as a range
            lo, hi = hi, lo
        if lo is None and hi is not None:
            lo = hi
        if hi is None and lo is not None:
            hi = lo
        return lo, hi


_JUNK_PLACE = re.compile(r"(?i)^(unknown|unclear|n/?a|none|-|\?)$")
_STRIP = re.compile(r"(?i)\b(village|area|tehsil|thesil|sub-division|subdivision|valley|district|town)\b")


def place_names(place: str | None) -> tuple[list[str], str | None]:
    """Alternative names of the most specific place, and the wider area it lies in, from a tracker's text.

    ``"Tabi Tolkhel or Darga Mandi"`` -> (["Tabi Tolkhel", "Darga Mandi"], None);
    ``"Haiderkhel, near Mir Ali"`` -> (["Haiderkhel"], "Mir Ali");
    ``"Kund/Kundghar village, Shawal"`` -> (["Kund", "Kundghar"], "Shawal").
    """
    if not place or _JUNK_PLACE.match(place.strip()):
        return [], None
    parts = [p.strip() for p in place.split(",") if p.strip()]
    head, rest = parts[0], parts[1:]
    near = None
    for p in rest:
        q = re.sub(r"(?i)^(near|outskirts of|vicinity of)\s+", "", p)
        q = " ".join(_STRIP.sub("", q).split())
        if q and not _JUNK_PLACE.match(q):
            near = q
            break
    head = re.sub(r"(?i)^(near|vicinity of|outskirts of)\s+", "", head)
    alts = [" ".join(_STRIP.sub("", a).split()) for a in re.split(r"\s+or\s+|/", head)]
    alts = [a for a in alts if a and not _JUNK_PLACE.match(a)]
    if near is not None and near in alts:
        near = None
    return alts, near


def from_tracker(row: TrackerStrike, key: str | None = None) -> StrikeFacts | None:
    """Facts from a tracker row (``strikewatch.analyse.readers``); None when it has no date or country."""
    if row.date is None or row.country is None:
        return None
    return StrikeFacts(
        key=key or row.ext_id or f"{row.country}-{row.date.isoformat()}",
        date=row.date, country=row.country, admin1=row.admin1, admin2=row.admin2, place=row.place,
        killed_min=row.killed_min, killed_max=row.killed_max, injured_min=row.injured_min,
        injured_max=row.injured_max, civilians_min=row.civilians_min, civilians_max=row.civilians_max,
        children_min=row.children_min, children_max=row.children_max,
    )


def load_tbij(path: str | Path, *, all_countries: bool | None = None) -> list[StrikeFacts]:
    """Facts for every dated strike in a TBIJ file (the Pakistan workbook or the all-countries CSV), by date."""
    from strikewatch.analyse.readers import read_tbij_all, read_tbij_workbook

    p = Path(path)
    if all_countries is None:
        all_countries = p.suffix.lower() == ".csv"
    rows = read_tbij_all(p) if all_countries else read_tbij_workbook(p)
    facts = [f for f in (from_tracker(r) for r in rows) if f is not None]
    facts.sort(key=lambda f: (f.date, f.key))
    return facts


# Real place names for made-up facts: country -> (admin1, admin2 or None) -> villages and towns.
PLACES: dict[str, dict[tuple[str, str | None], tuple[str, ...]]] = {
    "PK": {
        ("Federally Administered Tribal Areas", "North Waziristan"): (
            "Miranshah", "Mir Ali", "Datta Khel", "Shawal", "Ghulam Khan", "Spinwam", "Razmak", "Boya",
            "Danda Darpakhel", "Hassu Khel", "Tappi", "Machi Khel", "Darga Mandi", "Khushali", "Degan"),
        ("Federally Administered Tribal Areas", "South Waziristan"): (
            "Wana", "Angoor Adda", "Makeen", "Ladha", "Sararogha", "Kaniguram", "Azam Warsak", "Shin Warsak",
            "Kari Kot", "Babar Ghar"),
        ("Federally Administered Tribal Areas", "Khyber Agency"): ("Tirah", "Bara", "Landi Kotal"),
        ("Federally Administered Tribal Areas", "Kurram Agency"): ("Parachinar", "Sadda", "Sur Pul"),
        ("Federally Administered Tribal Areas", "Bajaur Agency"): ("Damadola", "Khar", "Chenegai"),
        ("Federally Administered Tribal Areas", "Orakzai Agency"): ("Kalaya", "Ghiljo"),
    },
    "AF": {
        ("Nangarhar", None): ("Achin", "Khogyani", "Haska Mena", "Lal Pura", "Nazyan", "Shinwar"),
        ("Kunar", None): ("Asadabad", "Dara I Pech", "Shigal", "Chawkay"),
        ("Helmand", None): ("Garmser", "Sangin", "Musa Qala", "Nad Ali"),
        ("Paktika", None): ("Gayan", "Barmal", "Urgun"),
        ("Khost", None): ("Spera", "Tani", "Sabari"),
    },
    "YE": {
        ("Abyan", None): ("Jaar", "Zinjibar", "Mahfed", "Shaqra", "Mudiya"),
        ("Shabwa", None): ("Azzan", "Ataq", "Nasab", "Mayfaa"),
        ("Marib", None): ("Wadi Abida", "Sirwah"),
        ("Bayda", None): ("Radaa", "Manaseh", "Al Sawmaa"),
        ("Hadramout", None): ("Mukalla", "Al Qotn", "Shibam"),
    },
    "SO": {
        ("Lower Shabelle", None): ("Barawe", "Afgoye", "Awdhegle", "Kunyo-Barow", "Sablale"),
        ("Middle Juba", None): ("Jilib", "Sakow", "Bu'ale"),
        ("Gedo", None): ("Bardera", "Garbaharey", "Luuq"),
        ("Bay", None): ("Dinsoor", "Baidoa"),
    },
}
_COUNTRY_WEIGHTS = (("PK", 0.7), ("AF", 0.12), ("YE", 0.1), ("SO", 0.08))


def fictional_facts(seed: int, *, start: dt.date = dt.date(2008, 1, 1), same_day_rate: float = 0.1,
                    key_prefix: str = "F") -> Iterator[StrikeFacts]:
    """An endless, deterministic stream of made-up strikes in real places, in date order.

    A fraction (``same_day_rate``) is followed by a second strike on the same day in a nearby village (same
    district). Tolls are made-up ranges of realistic size. Take as many as you need (``itertools.islice``).
    """
    rng = random.Random(f"fictional/{seed}")
    countries = [c for c, _ in _COUNTRY_WEIGHTS]
    weights = [w for _, w in _COUNTRY_WEIGHTS]
    areas = {c: list(PLACES[c].items()) for c in countries}
    day = start
    n = 0
    pending: StrikeFacts | None = None
    while True:
        if pending is not None:
            yield pending
            pending = None
            continue
        day += dt.timedelta(days=rng.choice((0, 1, 1, 2, 2, 3, 4, 6)))
        country = rng.choices(countries, weights)[0]
        (admin1, admin2), villages = rng.choice(areas[country])
        place = rng.choice(villages)
        n += 1
        first = _made_up(rng, f"{key_prefix}{n:07d}", day, country, admin1, admin2, place)
        if rng.random() < same_day_rate and len(villages) > 1:
            n += 1
            other = rng.choice([v for v in villages if v != place])
            pending = _made_up(rng, f"{key_prefix}{n:07d}", day, country, admin1, admin2, other)
        yield first


def _made_up(rng: random.Random, key: str, day: dt.date, country: str, admin1: str, admin2: str | None,
             place: str) -> StrikeFacts:
    lo = rng.choice((0, 1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8, 10, 12, 15))
    hi = lo + rng.choice((0, 0, 1, 2, 3, 4, 6, 9))
    civ_hi = rng.choice((0, 0, 0, 0, 1, 2, min(hi, 4)))
    civ_hi = min(civ_hi, hi)
    child_hi = min(civ_hi, rng.choice((0, 0, 0, 1, 2)))
    inj_lo = rng.choice((0, 0, 1, 2, 3))
    return StrikeFacts(
        key=key, date=day, country=country, admin1=admin1, admin2=admin2, place=place,
        killed_min=lo, killed_max=hi, civilians_min=0, civilians_max=civ_hi, children_min=0,
        children_max=child_hi, injured_min=inj_lo, injured_max=inj_lo + rng.choice((0, 0, 1, 3)),
        type="drone_strike" if country == "PK" or rng.random() < 0.6 else "air_strike",
    )


def sorted_by_date(facts: Iterable[StrikeFacts]) -> list[StrikeFacts]:
    return sorted(facts, key=lambda f: (f.date, f.key))
