"""The gazetteer table, its build, name normalisation (property tests) and the ``strikewatch geo`` command."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.geo import find_places, get_gazetteer, lookup, resolve
from strikewatch.geo.normalize import norm, skeleton, squash
from swdev.gazetteer_build import build_table as bt

TABLE = bt.OUT


def rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_every_row_has_a_source_and_a_sane_hierarchy() -> None:
    table = rows()
    admin2 = {(r["country"], r["name"]) for r in table if r["kind"] == "admin2"}
    admin1 = {(r["country"], r["name"]) for r in table if r["kind"] == "admin1"}
    assert len(table) > 2000
    for r in table:
        assert r["source"], r
        if r["admin2"] and r["country"] == "PK":
            assert (r["country"], r["admin2"]) in admin2, r
        if r["admin1"]:
            assert (r["country"], r["admin1"]) in admin1, r
        if r["lat"]:
            assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180


def test_tribal_areas_are_covered() -> None:
    agencies = {"Bajaur", "Mohmand", "Khyber", "Orakzai", "Kurram", "North Waziristan", "South Waziristan"}
    frs = {"FR Peshawar", "FR Kohat", "FR Bannu", "FR Lakki Marwat", "FR Tank", "FR Dera Ismail Khan"}
    table = rows()
    assert agencies | frs <= {r["name"] for r in table if r["kind"] == "admin2"}
    towns = [
        *("Miranshah", "Mir Ali", "Datta Khel", "Shawal", "Ghulam Khan", "Razmak", "Spinwam", "Wana", "Angoor Adda"),
        *("Makeen", "Ladha", "Birmal", "Sararogha", "Parachinar", "Tirah", "Damadola", "Chenagai", "Hangu", "Bannu"),
    ]
    for town in towns:
        hits = [h for h in lookup(town) if h.geo_precision == "place"]
        assert hits and hits[0].country == "PK" and hits[0].place and hits[0].lat is not None, town
    # post-2018 district names and the old province names are aliases, not separate units
    assert lookup("South Waziristan Upper")[0].admin2 == "South Waziristan"
    assert lookup("North Waziristan District")[0].admin2 == "North Waziristan"
    for old in ("FATA", "NWFP", "KPK", "Khyber Pakhtunkhwa"):
        assert lookup(old)[0].admin1 == "Khyber Pakhtunkhwa" and lookup(old)[0].geo_precision == "admin1"


def test_committed_table_is_what_the_build_script_makes(shared_dir: Path, tmp_path: Path) -> None:
    meta = json.loads(bt.META.read_text(encoding="utf-8"))
    if meta["packages"] != bt.package_versions():
        pytest.skip(f"table built with {meta['packages']}, installed {bt.package_versions()}: rebuild to compare")
    out = tmp_path / "gazetteer.tsv"
    bt.write(bt.build(shared_dir), out)
    assert out.read_text(encoding="utf-8") == TABLE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Chashma, a village on the outskirts of Miram Shah", "Chashma"),
        ("Mami Rogha, 26 miles west of Miram Shah", "Mami Rogha"),
        ("Zeralita in the Azam Warsak region", "Zeralita"),
        ("Near Mir Ali", None),
        ("Dilfaraz or Ghangi Khel, near Wana", "Dilfaraz"),
        ("Village Ghundi Killi Daur Tappi area of Tehsil Miranshah", "Ghundi Killi Daur Tappi"),
        ("Sanzali area of Datta Khel", "Sanzali"),
        ("Unclear", None),
    ],
)
def test_location_cells_are_reduced_to_a_place_name(cell: str, expected: str | None) -> None:
    assert bt.clean_place(cell) == expected


def test_placeholder_coordinates_are_not_village_points() -> None:
    raws = [
        bt.RawObs("Alpha Kalay", "PK", "", "North Waziristan", "", 32.94306, 69.95503, "TBIJ"),
        bt.RawObs("Beta Kalay", "PK", "", "North Waziristan", "", 32.94306, 69.95503, "TBIJ"),
        bt.RawObs("Gamma Kalay", "PK", "", "North Waziristan", "", 32.99, 70.1, "TBIJ"),
    ]
    bt.mark_placeholders(raws)
    assert [r.located for r in raws] == [False, False, True]


def test_point_backed_by_most_sources_wins() -> None:
    obs = [
        bt.Obs(33.151, 70.435, "TBIJ"),
        bt.Obs(32.960, 69.750, "geonames"),
        bt.Obs(32.965, 69.760, "NewAmerica"),
    ]
    lat, lon, src, _ = bt.choose_point(obs)
    assert abs(lat - 32.9625) < 0.01 and abs(lon - 69.755) < 0.01 and src == "geonames+NewAmerica"


# -- normalisation: property tests -----------------------------------------------------------------------------

names = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Zs", "Pd", "Po")), max_size=30)


@given(names)
def test_norm_is_idempotent_and_canonical(s: str) -> None:
    n = norm(s)
    assert norm(n) == n
    assert n == n.strip() and "  " not in n
    assert norm(s.lower()) == n


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12), st.sampled_from([" ", "-", ""]))
def test_spacing_and_hyphens_do_not_change_squash_or_skeleton(word: str, sep: str) -> None:
    joined = word[: len(word) // 2] + sep + word[len(word) // 2 :]
    assert squash(joined) == squash(word)
    assert skeleton(joined) == skeleton(word)
    assert skeleton(word.title()) == skeleton(word)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10))
def test_doubling_letters_does_not_change_skeleton(word: str) -> None:
    doubled = "".join(c * 2 for c in word)
    assert skeleton(doubled) == skeleton(word)


# -- find_places never breaks on arbitrary text, spans are honest ------------------------------------------------

prose = st.lists(
    st.sampled_from(
        [
            "A",
            "drone",
            "strike",
            "in",
            "near",
            "Datta",
            "Khel",
            "Miranshah",
            "killed",
            "four",
            ",",
            ".",
            "the",
            "house",
            "Tank",
            "tank",
            "Wana",
            "North",
            "Waziristan",
            "PESHAWAR:",
            "officials",
            "said",
            "Hit",
            "Abu",
            "Rabia",
            "village",
            "of",
            "10",
            "km",
            "west",
            "Mir",
            "Ali",
            "\n",
            "—",
            "Kabul",
            "Afghanistan",
            "border",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(prose, st.text(max_size=200)))
def test_find_places_spans_are_consistent(text: str) -> None:
    ms = find_places(text)
    last = -1
    for m in ms:
        assert text[m.start : m.end] == m.text
        assert m.start >= last
        last = m.end
        assert m.candidates and m.role in ("site", "near", "reference", "dateline", "speaker", "border", "actor")


@settings(max_examples=150, deadline=None)
@given(prose, st.integers(-5, 400), st.integers(-5, 400))
def test_resolve_answers_inside_the_span_or_none(text: str, a: int, b: int) -> None:
    r = resolve(text, a, b)
    if r is not None:
        assert r.start is not None and r.end is not None
        assert max(0, a) <= r.start < r.end <= min(len(text), b)
        assert r.country and r.geo_precision in ("place", "admin2", "admin1", "country")


# -- CLI ------------------------------------------------------------------------------------------------------


def test_cli_geo_json_names_north_waziristan(cli) -> None:  # type: ignore[no-untyped-def]
    p = cli("geo", "Miramshah", "--format", "json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data[0]["admin2"] == "North Waziristan" and data[0]["country"] == "PK"
    assert isinstance(data[0]["lat"], float) and isinstance(data[0]["lon"], float)
    assert {"country", "admin1", "admin2", "place", "lat", "lon", "source"} <= set(data[0])


def test_cli_geo_table_and_unknown_name(cli) -> None:  # type: ignore[no-untyped-def]
    p = cli("geo", "Dattakhel")
    assert p.returncode == 0 and "Datta Khel" in p.stdout and "North" in p.stdout
    bad = cli("geo", "Qwxzzyplonk")
    assert bad.returncode == 2 and "no place" in bad.stderr and "Traceback" not in bad.stderr


def test_cli_geo_text_mode(cli) -> None:  # type: ignore[no-untyped-def]
    p = cli("geo", "--text", "--format", "json", "PESHAWAR: A drone struck a car in Spinwam, officials said.")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["site"]["place"] == "Spinwam"
    assert [m["role"] for m in data["mentions"]] == ["dateline", "site"]


def test_loads_once_and_answers_from_memory() -> None:
    g1, g2 = get_gazetteer(), get_gazetteer()
    assert g1 is g2 and len(g1.places) > 2000
