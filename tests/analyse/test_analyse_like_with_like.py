"""Comparisons compare like with like: a tracker's countries bound the comparison; shares say over how many
records they are computed."""

from __future__ import annotations

import datetime as dt

from strikewatch.analyse.compare import common_countries, compare
from strikewatch.analyse.records import TrackerStrike
from strikewatch.analyse.totals import totals


def _row(i: int, country: str | None, **kw: int) -> TrackerStrike:
    return TrackerStrike(ext_id=str(i), date=dt.date(2014, 1, 1) + dt.timedelta(days=3 * i), country=country, **kw)


def test_compare_keeps_the_countries_every_dataset_covers() -> None:
    own = [_row(i, c) for i, c in enumerate(["PK", "PK", "YE", "SO", None, "PK"])]
    ref = [_row(i, "PK") for i in (0, 1, 5, 9)]
    kept, cov = common_countries({"own": own, "tbij": ref})
    assert cov.countries == ("PK",) and cov.left_out == {"own": 3, "tbij": 0}
    assert [r.ext_id for r in kept["own"]] == ["0", "1", "5"]
    note = cov.note()
    assert note is not None and "(PK)" in note and "3 of own" in note
    res = compare(kept)
    assert res.pairs[0].summary()["only_a"] == 0  # Yemen and Somalia are not "missing from TBIJ"
    # a dataset that names no country does not restrict; nothing left out, nothing said
    plain = [_row(i, None) for i in range(3)]
    kept2, cov2 = common_countries({"own": own, "csv": plain})
    assert len(kept2["own"]) == len(own) and cov2.note() is None


def test_totals_say_how_many_records_a_share_is_over() -> None:
    rows = [_row(0, "PK", killed_min=4, killed_max=6, civilians_min=1, civilians_max=2),
            _row(1, "PK", killed_min=3, killed_max=3),
            _row(2, "PK", killed_min=10, killed_max=12, civilians_min=0, civilians_max=0, children_min=0,
                 children_max=1)]
    _groups, grand = totals(rows, "year")
    d = grand.to_dict()
    assert (d["rows"], d["civilian_share_rows"], d["child_share_rows"]) == (3, 2, 1)
    assert d["civilian_share_min"] == round(1 / 14, 4)
