"""Places on ACLED 2015 notes: every note through ``choose_site``, scored against the coders' ADMIN1/ADMIN2/point.

``python -m strikewatch.evaluate.geo_acled [--csv PATH] [--json]``

* Split: ``splits.acled_split`` — every Pakistan row is **test** (aggregate figures only: this module never prints a
  test row); the other countries' rows are dev. Our gazetteer covers none of the dev countries (India, Bangladesh,
  Nepal, ...), so on dev rows the figure is the opposite one: how often a note from elsewhere is put in a country
  we cover (a namesake such as India's Hyderabad taken for Pakistan's).
* The whole note is one span. Protest and riot rows are scored with ``kind="gathering"`` (where people gathered is
  that event's site); strikes, battles and violence against civilians with the default (``kind="strike"``).
* ACLED's units are mapped to ours (``ACLED_ADMIN1``, ``ACLED_ADMIN2``): "Federally Administered Tribal Areas" is
  our Khyber Pakhtunkhwa (the former agencies keep their names as admin2); ACLED's misspellings, divisions and
  towns written in its ADMIN2 column map to the district(s) they stand for; any other ADMIN2 value is looked up in
  the gazetteer (any spelling of a Pakistani admin2 row). An empty ADMIN2, or one naming the province, is not scored.
* admin1 exact / admin2 exact (our admin2 among the districts ACLED's unit stands for) / point within 10 km of
  ACLED's coordinates. A note for which we give no site counts as a miss everywhere.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from strikewatch.evaluate.splits import acled_split
from strikewatch.evaluate.urls import shared_dir

ACLED_ADMIN1 = {
    "Federally Administered Tribal Areas": "Khyber Pakhtunkhwa",
    "Azad Jammu and Kashmir": "Azad Kashmir",
}
# ACLED ADMIN2 values that are not one of our district names in any spelling: misspellings, divisions, towns
ACLED_ADMIN2: dict[str, tuple[str, ...]] = {
    "Faislabad": ("Faisalabad",),
    "Gunjranwala": ("Gujranwala",),
    "Sarghoda": ("Sargodha",),
    "Muzafargarh": ("Muzaffargarh",),
    "Khoat": ("Kohat",),
    "Momand Agency": ("Mohmand",),
    "Khandkot": ("Kashmore",),
    "Moro": ("Naushahro Feroze",),  # a town of Naushahro Feroze district
    "Turbat": ("Kech",),  # the seat of Kech district
    "Chilas": ("Diamer",),  # the seat of Diamer district
    "Bakhtiarbad": ("Sibi",),  # Bakhtiarabad Domki, Lehri tehsil of Sibi (Lehri district since 2017)
    "Dir": ("Lower Dir", "Upper Dir"),
    "Makran": ("Kech", "Gwadar", "Panjgur"),  # division
    "Hazara": ("Abbottabad", "Mansehra", "Haripur", "Battagram", "Kohistan", "Torghar"),  # division
    "Malakand": ("Malakand", "Swat", "Lower Dir", "Upper Dir", "Buner", "Shangla", "Chitral"),  # district or division
    "Baltistan": ("Skardu", "Ghanche", "Shigar", "Kharmang"),  # division
    "Naseerabad": ("Nasirabad", "Jafarabad", "Jhal Magsi", "Kachhi", "Sohbatpur"),  # district or division
}
VIOLENT = ("Remote violence", "Battle", "Violence against civilians")
GATHERING = ("Riots/Protests",)


def _default_csv() -> Path | None:
    sh = shared_dir()
    return sh / "data" / "dev" / "acled_asia_2015.csv" if sh else None


def rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        yield from csv.DictReader(f)


def acled_admin2(name: str) -> tuple[str, ...] | None:
    """Our districts an ACLED ADMIN2 value stands for; None when it names none (empty, a province)."""
    from strikewatch.geo import get_gazetteer

    name = name.strip()
    if not name:
        return None
    if name in ACLED_ADMIN2:
        return ACLED_ADMIN2[name]
    gaz = get_gazetteer()
    hits = [p.name for p in gaz.exact(name) if p.kind == "admin2" and p.country == "PK"]
    if not hits:
        base = name.replace(" Agency", "").replace(" District", "")
        hits = [p.name for p in gaz.exact(base) if p.kind == "admin2" and p.country == "PK"]
    return tuple(hits) or None


def group(event_type: str) -> str:
    if event_type in GATHERING:
        return "protests"
    return "violent" if event_type.startswith(VIOLENT) else "other"


def score(path: Path) -> dict[str, Any]:
    from strikewatch.geo.gazetteer import haversine_km
    from strikewatch.geo.site import choose_site

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows(path):
        note = r["NOTES"] or ""
        split = acled_split(r["EVENT_ID_CNTY"], r["COUNTRY"])
        gathering = group(r["EVENT_TYPE"]) == "protests"
        c = (choose_site(note, [(0, len(note))], kind="gathering" if gathering else "strike")
             if note.strip() else None)
        if r["COUNTRY"].strip() != "Pakistan":
            k = counts[f"{split}:elsewhere"]
            k["n"] += 1
            k["put_in_covered_country"] += int(c is not None and (c.country or "") != "")
            k["put_in_pakistan"] += int(c is not None and c.country == "PK")
            continue
        for g in ("all", group(r["EVENT_TYPE"])):
            k = counts[f"{split}:PK:{g}"]
            k["n"] += 1
            k["answered"] += int(c is not None)
            want1 = ACLED_ADMIN1.get(r["ADMIN1"].strip(), r["ADMIN1"].strip())
            k["admin1_exact"] += int(c is not None and c.country == "PK" and c.admin1 == want1)
            want2 = acled_admin2(r["ADMIN2"])
            if want2 is not None and r["ADMIN2"].strip() != r["ADMIN1"].strip():
                k["admin2_scored"] += 1
                k["admin2_exact"] += int(c is not None and c.admin2 in want2)
            try:
                lat, lon = float(r["LATITUDE"]), float(r["LONGITUDE"])
            except ValueError:
                continue
            k["point_scored"] += 1
            if c is not None and c.lat is not None and c.lon is not None:
                k["within_10km"] += int(haversine_km(c.lat, c.lon, lat, lon) <= 10.0)
            if r["GEO_PRECISION"].strip() == "1":
                k["point_scored_precise"] += 1
                if c is not None and c.lat is not None and c.lon is not None:
                    k["within_10km_precise"] += int(haversine_km(c.lat, c.lon, lat, lon) <= 10.0)
    out: dict[str, Any] = {}
    for key, k in sorted(counts.items()):
        d: dict[str, Any] = dict(k)
        if "admin1_exact" in k:
            d["admin1"] = round(k["admin1_exact"] / k["n"], 3)
            d["admin2"] = round(k["admin2_exact"] / k["admin2_scored"], 3) if k["admin2_scored"] else None
            d["within_10km_share"] = round(k["within_10km"] / k["point_scored"], 3) if k["point_scored"] else None
            if k["point_scored_precise"]:
                d["within_10km_precise_share"] = round(k["within_10km_precise"] / k["point_scored_precise"], 3)
        else:
            d["put_in_covered_country_share"] = round(k["put_in_covered_country"] / k["n"], 4)
        out[key] = d
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Place figures on ACLED 2015 notes (aggregates only for test rows).")
    ap.add_argument("--csv", type=Path, default=_default_csv())
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.csv is None or not args.csv.exists():
        print("ACLED csv not found (set STRIKEWATCH_SHARED or --csv)", file=sys.stderr)
        return 2
    res = score(args.csv)
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        for key, d in res.items():
            print(key, " ".join(f"{k}={v}" for k, v in d.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
