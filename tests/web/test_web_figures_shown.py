"""Figures and dates shown as honestly as they are stored: one display for open bounds ("≥ 7", "≤ 8"), the API
saying which bound is open, dates at their precision, and plain words for how closely a record is placed."""

from __future__ import annotations

import csv
import io

from strikewatch import export
from strikewatch.display import fmt_when, precision_words
from strikewatch.merge.views import with_figures


def _rec(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {k: None for k in export.EXPORT_FIELDS}
    base.update(id=1, killed_min=7, killed_max=None, civilians_min=None, civilians_max=8, children_min=1,
                children_max=1, injured_min=3, injured_max=5, source_urls=["https://a.example/x"],
                source_outlets=["A"], n_evidence=4)
    base.update(kw)
    return with_figures(base)


def test_open_bounds_read_the_same_everywhere() -> None:
    r = _rec()
    assert (r["killed"], r["civilians"], r["children"], r["injured"], r["militants"]) == (
        "≥ 7", "≤ 8", "1", "3–5", "unknown")
    assert r["open_bounds"] == {"killed": "max", "civilians": "min"}
    text = export.csv_text([r])
    assert text.startswith(export.BOM)
    row = next(csv.DictReader(io.StringIO(text.removeprefix(export.BOM))))
    assert (row["killed"], row["killed_min"], row["killed_max"]) == ("≥ 7", "7", "")
    assert row["source_urls"] == "https://a.example/x" and row["n_evidence"] == "4"
    feature = export.feature({**r, "lat": 33.0, "lon": 70.0})
    assert feature is not None and feature["properties"]["killed"] == "≥ 7"
    assert feature["properties"]["open_bounds"] == {"killed": "max", "civilians": "min"}


def test_dates_at_their_precision() -> None:
    assert fmt_when({"date": "2013-03-03"}) == "3 Mar 2013"
    assert fmt_when({"date": None, "date_earliest": "2017-04-01", "date_latest": "2017-04-30"}) == "April 2017"
    assert fmt_when({"date_earliest": "2016-02-01", "date_latest": "2016-02-29"}) == "February 2016"
    assert fmt_when({"date_earliest": "2017-01-01", "date_latest": "2017-12-31"}) == "2017"
    assert fmt_when({"date_earliest": "2014-05-03", "date_latest": "2014-05-05"}) == "between 3 and 5 May 2014"
    assert fmt_when({"date_earliest": "2014-04-28", "date_latest": "2014-05-02"}) == "between 28 Apr and 2 May 2014"
    assert fmt_when({"date_earliest": "2014-12-30", "date_latest": "2015-01-02"}) == (
        "between 30 Dec 2014 and 2 Jan 2015")
    assert fmt_when({}) == "date unknown"
    assert precision_words("admin2") == "located to the district"
    assert "admin" not in precision_words("admin1")
