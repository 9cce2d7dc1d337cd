"""Districts (admin2) of Afghanistan, Yemen and Somalia, on sentences we wrote ourselves (issue #3)."""

from __future__ import annotations

import json

from swtest import run_cli

from strikewatch.geo import lookup, resolve


def _whole(text: str):  # type: ignore[no-untyped-def]
    return resolve(text, 0, len(text))


def test_yemeni_district_gives_governorate_and_district() -> None:
    r = _whole("Missiles struck a pickup truck in Nisab, in the southern governorate of Shabwa, late on Monday.")
    assert r is not None and (r.country, r.admin1, r.admin2) == ("YE", "Shabwah", "Nisab")


def test_afghan_district_gives_province_and_district() -> None:
    r = _whole("Officials said a drone hit a compound in Achin district of Nangarhar province.")
    assert r is not None and (r.country, r.admin1, r.admin2) == ("AF", "Nangarhar", "Achin")


def test_somali_town_gives_region_and_district() -> None:
    r = _whole("An air strike hit a militant base near the river in Baardheere, in the Gedo region.")
    assert r is not None and (r.country, r.admin1, r.admin2) == ("SO", "Gedo", "Baardheere")


def test_governorate_alone_gives_admin1_only() -> None:
    r = _whole("A drone struck a car in Marib province on Friday, killing two men.")
    assert r is not None and (r.country, r.admin1, r.admin2, r.geo_precision) == ("YE", "Marib", None, "admin1")


def test_village_gives_its_district() -> None:
    r = _whole("A house in the village of Spina Zhai in Nangarhar was destroyed.")
    assert r is not None and r.place == "Spina Zhai" and r.admin2 == "Nazyan"


def test_district_spellings_are_one_row() -> None:
    rows = [x for x in lookup("Mudiya") if x.geo_precision == "admin2"]
    assert rows and rows[0].admin1 == "Abyan" and rows[0].country == "YE"


def test_namesake_settled_by_country_in_the_text() -> None:
    r = _whole("A drone killed three men in Bayda, Yemen.")
    assert r is not None and r.country == "YE"


def test_cli_district_json() -> None:
    out = run_cli("geo", "Achin", "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert rows[0]["country"] == "AF" and rows[0]["admin2"] == "Achin" and rows[0]["admin1"] == "Nangarhar"
