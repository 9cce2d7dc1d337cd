"""Matching strikes across trackers: the real TBIJ and New America lists, and small cases we construct."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.analyse.compare import INFEASIBLE, assign, compare, match_rows
from strikewatch.analyse.readers import read_newamerica, read_pbc, read_tbij_workbook
from strikewatch.analyse.records import TrackerStrike

D = dt.date


def row(ext: str, day: str, agency: str | None = "North Waziristan", place: str | None = None,
        killed: tuple[int | None, int | None] = (None, None), n: int = 1) -> TrackerStrike:
    return TrackerStrike(ext_id=ext, date=D.fromisoformat(day), country="PK", admin2=agency, place=place,
                         killed_min=killed[0], killed_max=killed[1], n_strikes=n)


def test_tbij_vs_newamerica(shared_dir: Path) -> None:
    ref = shared_dir / "data" / "reference"
    tbij = read_tbij_workbook(ref / "tbij_pakistan_strikes.xlsx")
    na = read_newamerica(ref / "newamerica_pakistan.csv")
    res = compare({"tbij": tbij, "newamerica": na})
    pair = res.pairs[0]
    s = pair.summary()
    # most strikes are on both lists within a day; each row is used at most once
    assert 0.85 * len(na) <= s["matched"] <= len(na)
    assert len({m.a for m in pair.matches}) == len(pair.matches) == len({m.b for m in pair.matches})
    assert all(abs(m.days) <= 1 for m in pair.matches)
    assert all(tbij[m.a].admin2 is None or na[m.b].admin2 is None or tbij[m.a].admin2 == na[m.b].admin2
               for m in pair.matches)
    assert s["matched_same_day"] > 0.9 * s["matched"]
    assert s["only_a"] == len(tbij) - s["matched"] and s["only_b"] == len(na) - s["matched"]
    # TBIJ's 2017 strikes: five in the year, side by side with New America's count
    y2017 = next(y for y in res.years if y["year"] == "2017")
    assert y2017["tbij_strikes"] == 5
    assert y2017["newamerica_strikes"] == sum(1 for r in na if r.date and r.date.year == 2017)
    # the first strike: TBIJ 2004-06-17, New America 2004-06-19 -- two days apart, matched only with --days 2
    assert any(r.ext_id == "B1" for r in pair.only_a())
    wide = compare({"tbij": tbij, "newamerica": na}, max_days=2).pairs[0]
    assert any(tbij[m.a].ext_id == "B1" and na[m.b].ext_id == "NA1" for m in wide.matches)
    assert len(wide.matches) >= len(pair.matches)
    for _m, gap in pair.disagreements():
        assert gap > 3


def test_multi_strike_rows_match_several(shared_dir: Path) -> None:
    ref = shared_dir / "data" / "reference"
    pbc = read_pbc(ref / "pakistanbodycount_pakistan.csv")
    tbij = read_tbij_workbook(ref / "tbij_pakistan_strikes.xlsx")
    matches = match_rows(pbc, tbij)
    per_row: dict[int, int] = {}
    for m in matches:
        per_row[m.a] = per_row.get(m.a, 0) + 1
    assert all(n <= pbc[i].n_strikes for i, n in per_row.items())
    assert any(n > 1 for n in per_row.values())  # a row standing for several strikes matched several
    assert len({m.b for m in matches}) == len(matches)


def test_constructed_cases() -> None:
    a = [
        row("a1", "2014-06-11", place="Dande Darpakhel", killed=(4, 6)),
        row("a2", "2014-06-11", place="Miranshah", killed=(10, 16)),
        row("a3", "2014-06-20", agency="South Waziristan", killed=(2, 2)),
        row("a4", "2014-07-01", agency=None, killed=(1, 1)),
    ]
    b = [
        row("b1", "2014-06-12", place="Miran Shah", killed=(12, 13)),  # a day later, place spelt differently
        row("b2", "2014-06-11", place="Dande Darpa Khel", killed=(20, 25)),
        row("b3", "2014-06-20", agency="North Waziristan", killed=(2, 2)),  # same day, other agency: no match
        row("b4", "2014-07-02", agency="Khyber", killed=(1, 1)),  # unknown agency on one side matches
    ]
    res = compare({"x": a, "y": b}, threshold=3)
    pair = res.pairs[0]
    got = {(a[m.a].ext_id, b[m.b].ext_id) for m in pair.matches}
    assert got == {("a1", "b2"), ("a2", "b1"), ("a4", "b4")}
    assert [r.ext_id for r in pair.only_a()] == ["a3"]
    assert [r.ext_id for r in pair.only_b()] == ["b3"]
    dis = pair.disagreements()
    assert [(a[m.a].ext_id, gap) for m, gap in dis] == [("a1", 14)]  # 4-6 vs 20-25; 10-16 vs 12-13 overlap
    table = pair.match_table()
    assert len(table) == 3 + 1 + 1
    assert {t["status"] for t in table} == {"matched", "only_x", "only_y"}
    assert compare({"x": a, "y": b}, max_days=0).pairs[0].summary()["matched"] == 1


def test_three_datasets_pairwise() -> None:
    a = [row("a", "2012-01-01")]
    b = [row("b", "2012-01-01")]
    c = [row("c", "2013-01-01")]
    res = compare({"a": a, "b": b, "c": c})
    assert [(p.a, p.b, len(p.matches)) for p in res.pairs] == [("a", "b", 1), ("a", "c", 0), ("b", "c", 0)]
    assert [y["year"] for y in res.years] == ["2012", "2013"]
    assert res.years[1]["c_strikes"] == 1 and res.years[1]["a_strikes"] == 0


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6), st.data())
def test_assignment_is_optimal(n: int, m: int, data: st.DataObject) -> None:
    """The subset DP finds as many feasible pairs as the Hungarian algorithm, at the same least total cost."""
    from scipy.optimize import linear_sum_assignment

    cell = st.one_of(st.just(INFEASIBLE), st.floats(0, 3, allow_nan=False).map(lambda x: round(x, 2)))
    matrix = [[data.draw(cell) for _ in range(m)] for _ in range(n)]
    got = assign(matrix)
    assert len({r for r, _ in got}) == len(got) == len({c for _, c in got})
    assert all(matrix[r][c] < INFEASIBLE for r, c in got)
    rows, cols = linear_sum_assignment(matrix)
    ref = [(r, c) for r, c in zip(rows, cols, strict=True) if matrix[r][c] < INFEASIBLE]
    assert len(got) == len(ref)
    assert abs(sum(matrix[r][c] for r, c in got) - sum(matrix[r][c] for r, c in ref)) < 1e-6
