"""The one Range type: combining ranges is what it claims (property tests), and it reads the way the pages show it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from strikewatch.calendar_words import MONTHS, month_number, month_pattern
from strikewatch.ranges import Range

bound = st.one_of(st.none(), st.integers(0, 60))


@st.composite
def ranges(draw: st.DrawFn) -> Range:
    lo, hi = draw(bound), draw(bound)
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return Range(lo, hi)


def allows(r: Range, n: int) -> bool:
    return (r.min is None or n >= r.min) and (r.max is None or n <= r.max)


@given(ranges(), ranges(), st.integers(0, 60))
def test_widen_holds_both_and_intersect_only_what_both_allow(a: Range, b: Range, n: int) -> None:
    w = a.widen(b)
    if a.min is not None and b.min is not None and a.max is not None and b.max is not None:
        assert allows(w, n) >= (allows(a, n) or allows(b, n))
    assert w == b.widen(a)
    i = a.intersect(b)
    if i is None:
        assert not (allows(a, n) and allows(b, n))
    else:
        assert allows(i, n) == (allows(a, n) and allows(b, n))


@given(ranges(), ranges())
def test_gap_is_zero_exactly_when_closed_ranges_meet(a: Range, b: Range) -> None:
    g = a.gap(b)
    if not a.known or not b.known:
        assert g is None
        return
    assert g is not None and g >= 0 and g == b.gap(a)
    assert (g == 0) == (a.closed().intersect(b.closed()) is not None)


def test_a_record_spans_the_lowest_minimum_and_the_highest_figure_said() -> None:
    # "at least five", "up to eight", "three to six": the record says 3-8; "at least 5" alone stays open (#17)
    assert Range.spanning([Range(5, None), Range(None, 8), Range(3, 6)]) == Range(3, 8)
    assert Range.spanning([Range(5, None)]) == Range(5, None)
    assert Range.spanning([Range(7, None), Range(9, None)]) == Range(7, None)
    assert Range.spanning([Range(7, None), Range(5, 5)]) == Range(5, 7)
    assert Range.spanning([Range(7, None), Range(4, 9)]) == Range(4, 9)
    assert Range.spanning([]) == Range(None, None)
    assert Range.spanning([Range(None, 8)]) == Range(None, 8)
    assert Range(5, None).widen(Range(3, 6)) == Range(3, 6)


def test_display_and_flat_fields() -> None:
    assert [Range(7, None).display(), Range(None, 8).display(), Range(7, 12).display(), Range(4, 4).display(),
            Range().display(), Range().display("–")] == ["≥ 7", "≤ 8", "7–12", "4", "unknown", "–"]
    r = Range.of({"killed_min": 2, "killed_max": None}, "killed")
    assert r.open and r.known and r.fields("killed") == {"killed_min": 2, "killed_max": None}


def test_month_words() -> None:
    import re

    assert [month_number(w) for w in ("June", "jun", "Sept.", "sep", "May", "Mayday")] == [6, 6, 9, 9, 5, None]
    assert len({v for v in MONTHS.values()}) == 12
    found = re.findall(rf"\b(?:{month_pattern()})\b", "On 3 Sept, in May and in December, not Septic")
    assert found == ["Sept", "May", "December"]
