"""Accuracy of the gazetteer and resolver on the dev summaries (figures for docs/geo.md).

    .venv/bin/python bench/geo_eval.py [--shared ../shared] [--show-misses]

For each of the 235 dev strikes the resolver reads ``bij_summary_short`` (the text only: never the strike id, date,
town or agency) and its answer is compared with the file's ``location`` (agency) and ``town``/``lat``/``lon``:

* agency exact: resolved admin2 == the agency (both through the gazetteer's alias table, so "Bajaur Agency" =
  "Bajaur"), over summaries that name a place finer than a country and over all strikes with a known agency;
* town within 10 km: distance from the resolved point to the file's reference point, over strikes whose town the
  gazetteer holds (a place row in the same agency) and whose summary names a place, and over all such strikes;
  also over those whose reference point is not one of TBIJ's area placeholders (a coordinate the TBIJ sheet gives
  to several differently named places, e.g. its "Datta Khel" point 70 km east of Datta Khel);
* the same town figure against a second reference: the TBIJ all-countries sheet (``tbij_*``) geocodes the same
  strikes (same ids as the dev file's ``bureau_id``) independently of the dev file, and the two agree within
  10 km for only about a third of them (``refs_agree_10km``). So the town figure is also given against the TBIJ
  point, against either reference (``either_ref``), and over the strikes where the two references agree
  (``refs_agree``), leaving out those whose agreed point is TBIJ's Datta Khel placeholder (``not_dk_placeholder``)
  or any point the TBIJ sheet gives to several differently named places (``no_shared_point``: this also drops
  real town points such as Mir Ali's and Wana's, which the sheet reuses for villages around them);
* variants: the spelling list in tests/test_geo_variants.py, each looked up alone.

The gazetteer's village coordinates are partly harvested from this same dev file (source "Dronestream"), so the
town figure is also given for a table rebuilt without it (``--no-dev`` build in a temporary file): that one is the
honest out-of-sample number.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from strikewatch.geo import find_places, lookup, resolve  # noqa: E402
from strikewatch.geo.gazetteer import Gazetteer, get_gazetteer, haversine_km  # noqa: E402


def load_variants() -> list[tuple[str, str, str]]:
    spec = importlib.util.spec_from_file_location("test_geo_variants", ROOT / "tests" / "geo" / "test_geo_variants.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return list(mod.VARIANTS)


def agency_of(name: str, gaz: Gazetteer) -> str | None:
    for r in lookup(name, gaz):
        if r.geo_precision == "admin2" and r.admin2:
            return r.admin2
    return None


def placeholder_points(shared: Path) -> list[tuple[float, float]]:
    """TBIJ coordinates given to several differently named places (area placeholders, not village points)."""
    from swdev.gazetteer_build.build_table import AdminIndex, harvest_tbij, key_of, read_curated

    names: dict[tuple[float, float], set[str]] = {}
    sheet = shared / "data/reference/tbij_all_countries_with_coordinates.csv"
    for r in harvest_tbij(sheet, AdminIndex(read_curated())):
        names.setdefault((round(r.lat, 3), round(r.lon, 3)), set()).add(key_of(r.name))
    return [pt for pt, ns in names.items() if len(ns) > 1]


# TBIJ's "Datta Khel, North Waziristan" point. The sheet gives it to Datta Khel and to a dozen villages of Datta
# Khel tehsil, yet it lies ~67 km east of the town (GeoNames and the curated table: 32.96, 69.75), east of Mir Ali.
# The dev file copies it for its "Datta Khel" strikes, so where the two references "agree" on it they agree on a
# placeholder, not on the town. Named here, not fitted: it is the one placeholder the analysis singles out.
DATTA_KHEL_PLACEHOLDER = (33.150, 70.433)


def tbij_points(shared: Path) -> dict[str, tuple[float, float]]:
    """Strike id -> the TBIJ all-countries sheet's point (``;``-separated: id, country, date, president, location,
    "lat, lon", lat, lon, ...)."""
    out: dict[str, tuple[float, float]] = {}
    sheet = shared / "data/reference/tbij_all_countries_with_coordinates.csv"
    with sheet.open(encoding="utf-8-sig") as f:
        for line in f:
            cells = line.rstrip("\n").split(";")
            try:
                out[cells[0].strip()] = (float(cells[6]), float(cells[7]))
            except (IndexError, ValueError):
                continue
    return out


def references_agree(strikes: list[dict[str, str]], tbij: dict[str, tuple[float, float]]) -> dict[str, float | int]:
    """How often the dev file and the TBIJ sheet, two geocodings by the same organisation, agree within 10 km."""
    both = [s for s in strikes if s["bureau_id"] in tbij]
    agree = sum(haversine_km(float(s["lat"]), float(s["lon"]), *tbij[s["bureau_id"]]) <= 10 for s in both)
    return {"refs_both": len(both), "refs_agree_10km": agree, "refs_agree_share": agree / len(both) if both else 0.0}


def _share(hit: int, n: int) -> float:
    return hit / n if n else 0.0


def evaluate(
    strikes: list[dict[str, str]],
    gaz: Gazetteer,
    show: bool = False,
    placeholders: list[tuple[float, float]] = (),
    tbij: dict[str, tuple[float, float]] | None = None,
) -> dict[str, float | int]:
    tbij = tbij or {}
    n_agency = n_named = ok_named = ok_all = 0
    n_town = n_town_named = near_named = near_all = 0
    n_real = near_real = 0
    none_named = 0
    n_tbij = near_tbij = near_either = n_agree = near_agree = n_agree_real = near_agree_real = 0
    n_agree_dk = near_agree_dk = 0
    for s in strikes:
        text = s["bij_summary_short"]
        gold = agency_of(s["location"], gaz)
        res = resolve(text, 0, len(text), gaz)
        # "names a place": at least one gazetteer mention finer than a country (an agency, a town, a village)
        named = any(m.places and m.places[0].kind != "country" for m in find_places(text, gaz))
        if gold:
            n_agency += 1
            hit = res is not None and res.admin2 == gold
            ok_all += hit
            if named:
                n_named += 1
                ok_named += hit
                none_named += res is None
            if show and named and not hit:
                print(f"AGENCY {s['bureau_id']}: gold={gold} got={res and (res.place, res.admin2)} | {text}")
        town_rows = [r for r in lookup(s["town"], gaz) if r.geo_precision == "place" and r.admin2 == gold]
        if gold and town_rows and s["town"] != "Unknown":
            n_town += 1
            lat, lon = float(s["lat"]), float(s["lon"])
            ok = res is not None and res.lat is not None and res.lon is not None
            d = haversine_km(lat, lon, res.lat, res.lon) if ok and res and res.lat and res.lon else 1e9
            near_all += d <= 10
            if named:
                n_town_named += 1
                near_named += d <= 10
                if not any(haversine_km(lat, lon, a, b) <= 1.0 for a, b in placeholders):
                    n_real += 1
                    near_real += d <= 10
                t = tbij.get(s["bureau_id"])
                if t is not None:
                    dt = haversine_km(t[0], t[1], res.lat, res.lon) if ok and res and res.lat and res.lon else 1e9
                    n_tbij += 1
                    near_tbij += dt <= 10
                    near_either += min(d, dt) <= 10
                    if haversine_km(lat, lon, *t) <= 10:
                        n_agree += 1
                        near_agree += d <= 10
                        if not any(haversine_km(t[0], t[1], a, b) <= 1.0 for a, b in placeholders):
                            n_agree_real += 1
                            near_agree_real += d <= 10
                        if haversine_km(t[0], t[1], *DATTA_KHEL_PLACEHOLDER) > 1.0:
                            n_agree_dk += 1
                            near_agree_dk += d <= 10
                        if show and d > 10:
                            print(f"AGREED {s['bureau_id']}: both references ({lat:.3f},{lon:.3f}) d={d:.0f}km")
            if show and named and d > 10:
                got = res and (res.place, res.lat, res.lon)
                print(f"TOWN {s['bureau_id']}: town={s['town']} ({lat:.3f},{lon:.3f}) got={got} d={d:.0f}km | {text}")
    return {
        "strikes": len(strikes),
        "agency_known": n_agency,
        "agency_named": n_named,
        "agency_exact_named": ok_named / n_named if n_named else 0.0,
        "agency_exact_all": ok_all / n_agency if n_agency else 0.0,
        "named_but_unresolved": none_named,
        "town_held": n_town,
        "town_held_named": n_town_named,
        "town_10km_named": near_named / n_town_named if n_town_named else 0.0,
        "town_10km_all": near_all / n_town if n_town else 0.0,
        "town_held_named_real_ref": n_real,
        "town_10km_named_real_ref": near_real / n_real if n_real else 0.0,
        "town_held_named_with_tbij": n_tbij,
        "town_10km_named_tbij_ref": _share(near_tbij, n_tbij),
        "town_10km_named_either_ref": _share(near_either, n_tbij),
        "town_held_named_refs_agree": n_agree,
        "town_10km_named_refs_agree_hits": near_agree,
        "town_10km_named_refs_agree": _share(near_agree, n_agree),
        "town_held_named_refs_agree_not_dk_placeholder": n_agree_dk,
        "town_10km_named_refs_agree_not_dk_placeholder": _share(near_agree_dk, n_agree_dk),
        "town_held_named_refs_agree_no_shared_point": n_agree_real,
        "town_10km_named_refs_agree_no_shared_point": _share(near_agree_real, n_agree_real),
    }


def variants(gaz: Gazetteer) -> dict[str, float | int]:
    rows = load_variants()
    ok = {"summary": 0, "sheet": 0, "issue": 0}
    tot = {"summary": 0, "sheet": 0, "issue": 0}
    for spelling, agency, where in rows:
        tot[where] += 1
        r = lookup(spelling, gaz)
        if r and r[0].geo_precision == "admin2" and r[0].admin2 != agency:
            r = lookup(f"{spelling}, {agency}", gaz)  # a district's name elsewhere too (Sherani): the agency settles it
        ok[where] += bool(r) and r[0].admin2 == agency
    out: dict[str, float | int] = {"variants": len(rows), "variants_ok": sum(ok.values())}
    for k in tot:
        out[f"variants_{k}"] = tot[k]
        out[f"variants_{k}_ok"] = ok[k]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    strikes = json.loads((args.shared / "data/dev/dronestream_pakistan_2004_2010.json").read_text())["strike"]
    gaz = get_gazetteer()
    placeholders = placeholder_points(args.shared)
    tbij = tbij_points(args.shared)
    res: dict[str, float | int] = references_agree(strikes, tbij)
    res.update(evaluate(strikes, gaz, args.show_misses, placeholders, tbij))
    res.update(variants(gaz))
    from swdev.gazetteer_build import build_table

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "gazetteer_nodev.tsv"
        entries = build_table.build(args.shared, use_dev=False)
        build_table.write(entries, out)
        held = evaluate(strikes, Gazetteer(out), placeholders=placeholders, tbij=tbij)
    for k in (
        "agency_exact_named", "town_held_named", "town_10km_named", "town_10km_named_real_ref",
        "town_10km_named_tbij_ref", "town_10km_named_either_ref", "town_held_named_refs_agree",
        "town_10km_named_refs_agree", "town_held_named_refs_agree_not_dk_placeholder",
        "town_10km_named_refs_agree_not_dk_placeholder", "town_held_named_refs_agree_no_shared_point",
        "town_10km_named_refs_agree_no_shared_point",
    ):
        res[f"nodev_{k}"] = held[k]
    if args.json:
        print(json.dumps(res, indent=2))
        return
    for k, v in res.items():
        print(f"{k:52s} {v:.3f}" if isinstance(v, float) else f"{k:52s} {v}")


if __name__ == "__main__":
    main()
