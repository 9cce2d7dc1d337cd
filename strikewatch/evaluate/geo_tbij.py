"""Places on TBIJ's location strings (all-countries sheet): Afghanistan, Yemen, Somalia.

``python -m strikewatch.evaluate.geo_tbij [--table PATH] [--json]``

Each row's *Most Specific Location* ("Markha, Shabwa, Yemen", "Spera, Khost, Afghanistan", "Hayo, Somalia") goes
through ``choose_site`` as a text. admin1 exact is scored where the string names a province (its last part before
the country is a province of that country in any spelling the gazetteer holds); the point within 25 km of TBIJ's
coordinates on every row with coordinates.

Caveat: the gazetteer's villages for these countries come partly *from this sheet* (name and point), so the figures
on the shipped table are in-sample. ``--table`` scores another table, e.g. one built without the sheet
(``python -m swdev.gazetteer_build --no-tbij --out /tmp/g.tsv``): the out-of-sample figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from strikewatch.evaluate.urls import shared_dir

COUNTRIES = {"Afghanistan": "AF", "Yemen": "YE", "Somalia": "SO"}


def _float(s: str) -> float | None:
    try:
        return float(s.strip())
    except ValueError:
        return None


def locations(path: Path) -> list[tuple[str, str, str, float | None, float | None]]:
    """(strike id, country code, location string, lat, lon) for the AF/YE/SO rows."""
    out = []
    with path.open(encoding="utf-8-sig") as f:
        for line in f:
            cells = line.rstrip("\n").split(";")
            if len(cells) < 8 or not cells[0].strip() or cells[0].strip() == "Strike ID":
                continue
            cc = COUNTRIES.get(cells[1].strip())
            if cc and cells[4].strip():
                sid = cells[0].strip().lstrip("\ufeff")
                out.append((sid, cc, cells[4].strip(), _float(cells[6]), _float(cells[7])))
    return out


def score(path: Path, table: Path | None = None) -> dict[str, Any]:
    from strikewatch.geo.gazetteer import Gazetteer, get_gazetteer, haversine_km
    from strikewatch.geo.site import choose_site

    gaz = Gazetteer(table) if table else get_gazetteer()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for _sid, cc, loc, lat, lon in locations(path):
        c = choose_site(loc, [(0, len(loc))], gaz=gaz)
        parts = [p.strip() for p in loc.split(",") if p.strip()]
        if parts and parts[-1].strip() in COUNTRIES:
            parts = parts[:-1]
        want = None
        if len(parts) >= 1:
            rows = [p for p in gaz.exact(parts[-1]) if p.kind == "admin1" and p.country == cc]
            want = rows[0].name if rows else None
        for k in (counts[cc], counts["all"]):
            k["n"] += 1
            k["answered"] += int(c is not None)
            k["country_right"] += int(c is not None and c.country == cc)
            if want is not None:
                k["admin1_scored"] += 1
                k["admin1_exact"] += int(c is not None and c.country == cc and c.admin1 == want)
            if lat is not None and lon is not None:
                k["point_scored"] += 1
                if c is not None and c.lat is not None and c.lon is not None:
                    k["within_25km"] += int(haversine_km(c.lat, c.lon, lat, lon) <= 25.0)
    out: dict[str, Any] = {}
    for key, k in sorted(counts.items()):
        d: dict[str, Any] = dict(k)
        d["admin1"] = round(k["admin1_exact"] / k["admin1_scored"], 3) if k["admin1_scored"] else None
        d["within_25km_share"] = round(k["within_25km"] / k["point_scored"], 3) if k["point_scored"] else None
        out[key] = d
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Place figures on TBIJ's AF/YE/SO location strings.")
    sh = shared_dir()
    ap.add_argument("--csv", type=Path,
                    default=sh / "data" / "reference" / "tbij_all_countries_with_coordinates.csv" if sh else None)
    ap.add_argument("--table", type=Path, default=None, help="score this gazetteer table instead of the shipped one")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.csv is None or not args.csv.exists():
        print("TBIJ sheet not found (set STRIKEWATCH_SHARED or --csv)", file=sys.stderr)
        return 2
    res = score(args.csv, args.table)
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        for key, d in res.items():
            print(key, " ".join(f"{k}={v}" for k, v in d.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
