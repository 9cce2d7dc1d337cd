"""Property tests for the free-text cell parsers (counts, ranges, dates)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.analyse.parse import (
    infer_date_order,
    parse_date,
    parse_float,
    parse_lat_lon,
    parse_range,
)

MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
counts = st.integers(min_value=0, max_value=100_000)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.booleans(), dates))
def test_parse_range_never_raises(value: object) -> None:
    r = parse_range(value)
    assert r.min is None or r.min >= 0
    assert r.max is None or r.max >= 0


@given(counts)
def test_single_number(n: int) -> None:
    assert (parse_range(str(n)).min, parse_range(str(n)).max) == (n, n)
    assert (parse_range(n).min, parse_range(n).max) == (n, n)
    assert parse_range(f"{n:,}").min == n  # thousands separators


@given(counts, counts, st.sampled_from(["-", " - ", "–", " to "]))
def test_range_keeps_order_as_written(a: int, b: int, sep: str) -> None:
    r = parse_range(f"{a}{sep}{b}")
    assert (r.min, r.max) == (a, b)  # a reversed range is kept (and flagged by the reader), not swapped


@given(counts)
def test_bounds(n: int) -> None:
    assert (parse_range(f"At least {n}").min, parse_range(f"At least {n}").max) == (n, None)
    assert (parse_range(f"up to {n}").min, parse_range(f"up to {n}").max) == (None, n)
    assert parse_range(f"more than {n}").min == n + 1


@given(st.integers(1, 12), st.integers(1, 28))
def test_excel_mangled_range(m: int, d: int) -> None:
    # "M-D" typed into Excel shows as "D-Mon"; reading it back gives the range as typed
    r = parse_range(f"{d}-{MONTH_ABBR[m - 1]}")
    assert (r.min, r.max, r.flag) == (m, d, "excel-date")
    r2 = parse_range(dt.date(2020, m, d))
    assert (r2.min, r2.max) == (m, d)


def test_words() -> None:
    assert (parse_range("Unknown").min, parse_range("Unknown").flag) == (None, "unknown")
    assert (parse_range("Possibly").min, parse_range("Possibly").max) == (0, None)
    assert (parse_range("Y").min, parse_range("N").max) == (1, 0)
    assert parse_range("Some'").min == 1
    assert parse_range("-4").flag == "negative"
    assert parse_range("lots").flag == "unparsed"


@given(dates)
def test_date_formats_round_trip(d: dt.date) -> None:
    assert parse_date(d.isoformat()) == d
    assert parse_date(d.strftime("%m-%d-%Y")) == d
    assert parse_date(f"{d.month}/{d.day}/{d.year}") == d
    assert parse_date(d.strftime("%d/%m/%Y"), "dmy") == d
    assert parse_date(d.strftime("%A, %B %d, %Y")) == d  # "Friday, June 18, 2004"
    assert parse_date(f"{d.day} {d.strftime('%B')} {d.year}") == d
    assert parse_date(dt.datetime(d.year, d.month, d.day, 13, 5)) == d
    assert parse_date(d.isoformat() + "T00:00:00.000Z") == d
    serial = (d - dt.date(1899, 12, 30)).days
    assert parse_date(serial) == d


@given(st.text())
def test_parse_date_never_raises(s: str) -> None:
    parse_date(s)
    parse_date(s, "dmy")


@given(st.lists(dates, min_size=1, max_size=30))
def test_infer_date_order(ds: list[dt.date]) -> None:
    written = [d.strftime("%d/%m/%Y") for d in ds]
    order = infer_date_order(written)
    if any(d.day > 12 for d in ds):
        assert order == "dmy"
        assert [parse_date(w, order) for w in written] == ds
    else:
        assert order == "mdy"  # undecidable: the US trackers' month-first


@given(st.floats(-89.9, 89.9), st.floats(-179.9, 179.9))
def test_coordinates_decimal_comma(lat: float, lon: float) -> None:
    la, lo = parse_lat_lon(f"{lat:.6f}".replace(".", ","), f"{lon:.6f}")
    assert la is not None and lo is not None
    assert abs(la - lat) < 1e-5 and abs(lo - lon) < 1e-5
    assert parse_lat_lon(lat, 9999) == (None, None)
    assert parse_float("") is None


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(dates, st.sampled_from(["North Waziristan Agency", "N. Waziristan", "Kurram Agency", "Khyber"]),
                  counts, st.integers(0, 20)),
        min_size=1, max_size=15,
    ),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["%d/%m/%Y", "%m/%d/%Y", "%Y-%m-%d"]),
)
def test_mapped_csv_round_trip(rows: list[tuple[dt.date, str, int, int]], delim: str, fmt: str) -> None:
    """Whatever delimiter and date order a CSV uses, the mapped reader gives back the dates and ranges written."""
    import tempfile
    from pathlib import Path

    from strikewatch.analyse.readers import read_mapped_csv

    lines = [delim.join(["Day", "Where", "Dead"])]
    lines += [delim.join([d.strftime(fmt), area, f"{lo}-{lo + extra}" if extra else str(lo)])
              for d, area, lo, extra in rows]
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "t.csv"
        f.write_text("\n".join(lines) + "\n", encoding="utf-8")
        order = "dmy" if fmt.startswith("%d") else "mdy" if fmt.startswith("%m") else None
        got = read_mapped_csv(f, {"date": "Day", "area": "Where", "killed": "Dead"}, date_order=order)  # type: ignore[arg-type]
    assert [r.date for r in got] == [d for d, *_ in rows]
    assert [(r.killed_min, r.killed_max) for r in got] == [(lo, lo + extra) for _d, _a, lo, extra in rows]
    assert {r.admin2 for r in got} <= {"North Waziristan", "Kurram", "Khyber"}
