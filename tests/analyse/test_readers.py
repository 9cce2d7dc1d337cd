"""Tracker readers against the real reference files (read from ../shared at test time) and our own small files."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from strikewatch.analyse.places import FATA, KP
from strikewatch.analyse.readers import (
    detect_format,
    parse_mapping,
    read_dataset,
    read_mapped_csv,
    read_newamerica,
    read_pbc,
    read_tbij_all,
    read_tbij_workbook,
    split_location,
)
from strikewatch.errors import UserError


def ref(shared: Path, name: str) -> Path:
    return shared / "data" / "reference" / name


def test_tbij_workbook_counts_dates_and_quirks(shared_dir: Path) -> None:
    rows = read_tbij_workbook(ref(shared_dir, "tbij_pakistan_strikes.xlsx"))
    assert len(rows) == 430
    dates = [r.date for r in rows]
    assert None not in dates
    assert min(d for d in dates if d) == dt.date(2004, 6, 17)
    assert max(d for d in dates if d) == dt.date(2018, 1, 24)
    assert sum(1 for r in rows if r.date and r.date.year == 2017) == 5
    assert {r.country for r in rows} == {"PK"}
    first = rows[0]
    assert (first.ext_id, first.place, first.admin2, first.admin1) == ("B1", "Wana", "South Waziristan", FATA)
    assert (first.killed_min, first.killed_max, first.children_min, first.children_max) == (6, 8, 2, 2)
    # Ob193: min injured > max is published that way: kept as is, flagged
    ob193 = next(r for r in rows if r.ext_id == "Ob193")
    assert (ob193.injured_min, ob193.injured_max) == (3, 2)
    assert "injured_min>max" in ob193.flags
    assert sum(1 for r in rows if r.flags) == 1
    # agencies normalised: no "Agency" suffixes left, unclear area is unknown
    admin2 = Counter(r.admin2 for r in rows)
    assert admin2["Kurram"] == 11 and "Kurram Agency" not in admin2
    last = rows[-1]
    assert last.ext_id == "T006" and last.admin2 is None and last.place is None
    hangu = next(r for r in rows if r.ext_id == "T004")
    assert (hangu.admin1, hangu.admin2) == (KP, "Hangu")
    assert all(r.raw.get("Strike ID") == r.ext_id for r in rows)


def test_tbij_all_countries_header_mid_file(shared_dir: Path) -> None:
    rows = read_tbij_all(ref(shared_dir, "tbij_all_countries_with_coordinates.csv"))
    by_country = Counter(r.country for r in rows)
    assert set(by_country) == {"AF", "PK", "YE", "SO"}  # "Afghanistan " with a trailing space included
    assert by_country["PK"] == 429
    assert all(r.date is not None for r in rows)
    assert all(r.injured_max is None for r in rows)  # no max-injured column in this export
    afg = next(r for r in rows if r.ext_id == "AFG006")
    assert afg.date == dt.date(2015, 1, 8)  # MM-DD-YYYY
    assert (afg.admin1, afg.admin2, afg.place) == ("Nangarhar", "Lal Pura", "Chikanawr")
    # decimal comma in Latitude/Longitude, 9999 placeholder falls back to the combined column
    som = next(r for r in rows if r.ext_id == "SOM046")
    assert som.lat == pytest.approx(0.783333) and som.lon == pytest.approx(43.416667)
    afg135 = next(r for r in rows if r.ext_id == "AFG135")
    assert afg135.lon == pytest.approx(70.149999)
    assert all(r.lat is None or -90 <= r.lat <= 90 for r in rows)
    # rows above the header row are read with the header's columns too
    assert rows[0].ext_id == "AFG001" and rows[0].killed_min == 0
    b1 = next(r for r in rows if r.ext_id == "B1")
    assert (b1.admin2, b1.place, b1.killed_max) == ("South Waziristan", "Wana", 8)


def test_newamerica(shared_dir: Path) -> None:
    rows = read_newamerica(ref(shared_dir, "newamerica_pakistan.csv"))
    assert len(rows) == 414
    assert rows[0].date == dt.date(2004, 6, 19)
    assert (rows[0].killed_min, rows[0].killed_max, rows[0].militants_min) == (7, 7, 1)
    assert min(r.date for r in rows if r.date).year == 2004
    assert max(r.date for r in rows if r.date).year == 2018
    assert all(r.children_min is None and r.injured_min is None for r in rows)
    # blank civilians are unknown, not zero
    assert sum(1 for r in rows if r.civilians_min is None) > 300
    regions = Counter(r.admin2 for r in rows)
    assert regions["Kurram"] == 11  # "Kurram Agency" and "Kurram" together


def test_pakistan_body_count(shared_dir: Path) -> None:
    rows = read_pbc(ref(shared_dir, "pakistanbodycount_pakistan.csv"))
    assert len(rows) == 404  # the totals row is not a strike
    assert rows[0].date == dt.date(2004, 6, 18)  # "Friday, June 18, 2004"
    assert rows[0].killed_max == 5 and rows[0].killed_min is None  # "Total Died Mix" is the max
    assert sum(r.n_strikes for r in rows) > 404  # some rows cover several strikes
    assert any(r.n_strikes == 8 for r in rows)
    assert rows[0].children_min == 0  # N flag
    assert sum(1 for r in rows if "women_or_children" in r.flags) == 36
    assert all((r.civilians_min or 0) >= 0 and (r.civilians_max or 0) >= 0 for r in rows)
    assert sum(1 for r in rows if any("negative" in f for f in r.flags)) >= 4
    assert Counter(r.admin2 for r in rows)["Bajaur"] == 4  # "Bajaur  Agency"
    # the totals row's sum of max killed equals the sum over rows (nothing lost, nothing double counted)
    assert sum(r.killed_max or 0 for r in rows) == 3658


def test_detect_format(shared_dir: Path) -> None:
    assert detect_format(ref(shared_dir, "tbij_pakistan_strikes.xlsx")) == "tbij"
    assert detect_format(ref(shared_dir, "tbij_all_countries_with_coordinates.csv")) == "tbij-all"
    assert detect_format(ref(shared_dir, "newamerica_pakistan.csv")) == "newamerica"
    assert detect_format(ref(shared_dir, "pakistanbodycount_pakistan.csv")) == "pbc"


def test_mapped_csv_free_text_ranges(tmp_path: Path) -> None:
    f = tmp_path / "mine.csv"
    f.write_text(
        "My tracker export\n"
        "\n"
        "Ref;When;Agency;Village;Dead;Hurt;Kids\n"
        "A1;25/12/2013;N. Waziristan;Miranshah;3-8;Unknown;4-Mar\n"
        "A2;11/06/2014;North Waziristan Agency;Dande Darpakhel;At least 6;2;N\n"
        "A3;12/06/2014;South waziristan;;up to 4;;Possibly\n"
        ";;;;;;\n"
        "Total;;;;;;\n",
        encoding="latin-1",
    )
    mapping = parse_mapping("ext_id=Ref,date=When,area=Agency,place=Village,killed=Dead,injured=Hurt,children=Kids")
    rows = read_mapped_csv(f, mapping)
    assert [r.ext_id for r in rows] == ["A1", "A2", "A3"]
    assert [r.date for r in rows] == [dt.date(2013, 12, 25), dt.date(2014, 6, 11), dt.date(2014, 6, 12)]
    assert [r.admin2 for r in rows] == ["North Waziristan", "North Waziristan", "South Waziristan"]
    assert (rows[0].killed_min, rows[0].killed_max) == (3, 8)
    assert (rows[0].children_min, rows[0].children_max) == (3, 4)  # Excel made "3-4" into 4-Mar
    assert "children:excel-date" in rows[0].flags
    assert (rows[1].killed_min, rows[1].killed_max) == (6, None)
    assert (rows[2].killed_min, rows[2].killed_max) == (None, 4)
    assert rows[0].injured_min is None and "injured:unknown" in rows[0].flags


def test_mapping_errors(tmp_path: Path) -> None:
    with pytest.raises(UserError):
        parse_mapping("dated=Date")
    with pytest.raises(UserError):
        parse_mapping("date")
    f = tmp_path / "x.csv"
    f.write_text("Date,Killed\n2014-01-01,3\n")
    with pytest.raises(UserError, match="not found"):
        read_mapped_csv(f, {"date": "Date", "killed": "Dead"})
    with pytest.raises(UserError):
        read_dataset(tmp_path / "missing.csv")


def test_split_location() -> None:
    assert split_location("Wana, South Waziristan, Pakistan") == ("PK", FATA, "South Waziristan", "Wana")
    assert split_location("Helmand, Afghanistan") == ("AF", "Helmand", None, None)
    assert split_location("Pangram area, Charkh district, Logar, Afghanistan") == ("AF", "Logar", "Charkh", "Pangram")
    assert split_location("Kunya Barrow") == (None, None, None, "Kunya Barrow")
    assert split_location("Hangu district, Khyber Pakhtunkhwa province, Pakistan") == ("PK", KP, "Hangu", None)
