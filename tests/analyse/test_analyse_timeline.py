"""Lulls, rates and totals: on the real TBIJ workbook and on small datasets we make here."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strikewatch.analyse.admins import administration
from strikewatch.analyse.readers import read_tbij_workbook
from strikewatch.analyse.records import TrackerStrike
from strikewatch.analyse.timeline import lulls, rate
from strikewatch.analyse.totals import totals

D = dt.date


@pytest.fixture(scope="module")
def tbij() -> list[TrackerStrike]:
    shared = Path(os.environ.get("STRIKEWATCH_SHARED", Path(__file__).resolve().parents[3] / "shared"))
    path = shared / "data" / "reference" / "tbij_pakistan_strikes.xlsx"
    if not path.exists():
        pytest.skip("shared data not found")
    return read_tbij_workbook(path)


def strikes(*days: str, **kw: int | None) -> list[TrackerStrike]:
    return [TrackerStrike(ext_id=str(i), date=D.fromisoformat(d), **kw) for i, d in enumerate(days)]  # type: ignore[arg-type]


def test_six_month_hiatus_is_longest_gap_up_to_june_2014(tbij: list[TrackerStrike]) -> None:
    gaps = lulls(tbij, since=D(2008, 1, 1))
    hiatus = next(g for g in gaps if g.start == D(2013, 12, 25))
    assert (hiatus.end, hiatus.days, hiatus.longest_so_far) == (D(2014, 6, 11), 168, True)
    up_to_june = [g for g in gaps if g.end <= D(2014, 6, 30)]
    assert max(up_to_june, key=lambda g: g.days) is hiatus
    assert all(g.days < 168 for g in up_to_june if g is not hiatus)
    # longest first; later, longer gaps (2016-2017) come before it
    assert [g.days for g in gaps] == sorted((g.days for g in gaps), reverse=True)
    assert gaps[0].days > 168 and gaps[0].start > D(2014, 6, 11)
    # the same analysis limited to before the resumption names it first
    assert lulls(tbij, since=D(2008, 1, 1), until=D(2014, 6, 30))[0] == hiatus


def test_longest_so_far_definition() -> None:
    rows = strikes("2010-01-01", "2010-01-11", "2010-01-16", "2010-02-15", "2010-02-20", "2010-03-22")
    gaps = lulls(rows)
    by_start = {g.start.isoformat(): g for g in gaps}
    assert by_start["2010-01-01"].days == 10 and by_start["2010-01-01"].longest_so_far
    assert not by_start["2010-01-11"].longest_so_far  # 5 < 10
    assert by_start["2010-01-16"].days == 30 and by_start["2010-01-16"].longest_so_far
    assert by_start["2010-02-20"].days == 30 and by_start["2010-02-20"].longest_so_far  # ties the record
    assert [g.days for g in lulls(rows, min_days=10)] == [30, 30, 10]
    assert lulls(rows, since=D(2010, 2, 1)) == [lulls(rows)[0].__class__(D(2010, 2, 20), D(2010, 3, 22), 30, True),
                                               lulls(rows)[0].__class__(D(2010, 2, 15), D(2010, 2, 20), 5, True)]


@given(st.lists(st.dates(D(2000, 1, 1), D(2030, 1, 1)), min_size=2, max_size=40))
def test_lulls_cover_the_span(days: list[dt.date]) -> None:
    rows = [TrackerStrike(date=d) for d in days]
    gaps = lulls(rows)
    distinct = sorted(set(days))
    assert sum(g.days for g in gaps) == (distinct[-1] - distinct[0]).days
    assert len(gaps) == len(distinct) - 1
    assert (not gaps) or gaps[0].days == max(g.days for g in gaps)
    record = max((g.days for g in gaps), default=0)
    assert all(g.longest_so_far for g in gaps if g.days == record)


def test_rate(tbij: list[TrackerStrike]) -> None:
    points, summary = rate(tbij)
    assert summary.strikes == 430
    assert summary.first == D(2004, 6, 17) and summary.last == D(2018, 1, 24)
    assert summary.peak_90d is not None and summary.peak_90d.date.year == 2010
    # 2010 was the peak year: 128 strikes -- more than one every three days
    in_2010 = [p for p in points if p.date.year == 2010]
    assert max(p.strikes_30d for p in in_2010) >= 15
    assert all(p.date.day >= 28 or p.date == summary.last for p in points)  # month ends

    small, s = rate(strikes("2020-01-01", "2020-01-10", "2020-01-31", "2020-03-15"), step="day")
    by_day = {p.date: p for p in small}
    assert by_day[D(2020, 1, 31)].strikes_30d == 2  # Jan 2..31: the 10th and the 31st
    assert by_day[D(2020, 1, 31)].strikes_90d == 3
    assert by_day[D(2020, 1, 31)].every_30d == 15.0
    assert s.one_every_days == round(75 / 4, 1)


def test_totals_ranges_unknowns_and_shares() -> None:
    rows = [
        TrackerStrike(date=D(2008, 12, 31), admin2="North Waziristan", killed_min=4, killed_max=6,
                      civilians_min=1, civilians_max=3, children_min=0, children_max=1),
        TrackerStrike(date=D(2009, 1, 1), admin2="North Waziristan", killed_min=None, killed_max=None),
        TrackerStrike(date=D(2009, 1, 23), admin2="South Waziristan", killed_min=2, killed_max=None,
                      civilians_min=0, civilians_max=0, n_strikes=2),
        TrackerStrike(date=None, killed_min=1, killed_max=1),
    ]
    groups, grand = totals(rows, "year")
    assert [g.key for g in groups] == ["2008", "2009", "(unknown)"]
    y2009 = groups[1].to_dict()
    assert (y2009["strikes"], y2009["rows"]) == (3, 2)
    assert (y2009["killed_min"], y2009["killed_max"], y2009["unknown_killed_max"]) == (2, 0, 2)
    assert y2009["militants_min"] is None  # nobody gave militant counts
    g = grand.to_dict()
    assert (g["killed_min"], g["killed_max"]) == (7, 7)
    # shares only over rows that give both civilians and killed: the first row (the third lacks killed_max)
    assert g["civilian_share_min"] == round(1 / 4, 4) and g["civilian_share_max"] == round(3 / 6, 4)
    admin, _ = totals(rows, "administration")
    assert [(a.key, a.strikes) for a in admin] == [("Bush", 2), ("Obama", 2), ("(unknown)", 1)]
    agency, _ = totals(rows, "agency")
    assert [a.key for a in agency] == ["North Waziristan", "South Waziristan", "(unknown)"]


def test_administration_boundaries() -> None:
    assert administration(D(2009, 1, 19)) == "Bush"
    assert administration(D(2009, 1, 20)) == "Obama"
    assert administration(D(2017, 1, 20)) == "Trump"
    assert administration(None) is None


def test_tbij_totals_by_administration(tbij: list[TrackerStrike]) -> None:
    groups, grand = totals(tbij, "administration")
    by = {g.key: g for g in groups}
    # TBIJ's ids are B/Ob/T by administration: the date table agrees with them
    assert by["Bush"].strikes == sum(1 for r in tbij if (r.ext_id or "").startswith("B"))
    assert by["Obama"].strikes == sum(1 for r in tbij if (r.ext_id or "").startswith("Ob"))
    assert by["Trump"].strikes == 6
    assert grand.strikes == 430
    assert grand.sums["killed"][0] <= grand.sums["killed"][1]

