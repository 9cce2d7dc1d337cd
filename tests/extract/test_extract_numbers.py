"""Number words, counts and ranges: examples from news phrasing and hypothesis properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strikewatch.extract.numbers import find_quantities, parse_quantity, to_int, words_to_int

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int) -> str:
    """Our own reference speller for 0..9999, used to check the parser."""
    parts: list[str] = []
    if n >= 1000:
        parts.append(spell(n // 1000) + " thousand")
        n %= 1000
        if n == 0:
            return " ".join(parts)
    if n >= 100:
        parts.append(_UNITS[n // 100] + " hundred")
        n %= 100
        if n == 0:
            return " ".join(parts)
        parts.append("and")
    if n >= 20:
        parts.append(_TENS[n // 10] + ("-" + _UNITS[n % 10] if n % 10 else ""))
    elif n or not parts:
        parts.append(_UNITS[n])
    return " ".join(parts)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("at least 10", (10, None)),
        ("between 4 and 7", (4, 7)),
        ("4-7", (4, 7)),
        ("4 to 7", (4, 7)),
        ("up to 40", (None, 40)),
        ("as many as 40", (None, 40)),
        ("Fourteen", (14, 14)),
        ("twenty-five", (25, 25)),
        ("3,735", (3735, 3735)),
        ("two or three", (2, 3)),
        ("either three, five or no", (0, 5)),
        ("more than 420", (421, None)),
        ("4 or more", (4, None)),
        ("dozens", (12, None)),
        ("several", (3, None)),
        ("a dozen", (12, 12)),
        ("hundreds", (100, None)),
        ("possibly 5", (None, 5)),
        ("up to 4-5", (4, 5)),
    ],
)
def test_quantity_phrases(phrase: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_quantity(phrase) == expected


def test_not_quantities() -> None:
    assert parse_quantity("Ob28") is None
    assert find_quantities("B3 and Ob28 are strike codes") == []
    assert to_int("dozen-ish") is None


@given(st.integers(min_value=0, max_value=9999))
def test_number_words_round_trip(n: int) -> None:
    assert words_to_int(spell(n)) == n
    assert to_int(spell(n).capitalize()) == n


@given(st.integers(min_value=0, max_value=10**7))
def test_digits_with_and_without_thousands_separators(n: int) -> None:
    assert to_int(str(n)) == n
    assert to_int(f"{n:,}") == n
    assert parse_quantity(f"{n:,}") == (n, n)


@given(st.integers(min_value=0, max_value=5000), st.integers(min_value=0, max_value=5000))
def test_ranges_are_ordered_and_keep_both_ends(a: int, b: int) -> None:
    lo, hi = min(a, b), max(a, b)
    assert parse_quantity(f"between {a} and {b}") == (lo, hi)
    assert parse_quantity(f"{lo}-{hi}") == (lo, hi)
    assert parse_quantity(f"{spell(lo)} to {spell(hi)}") == (lo, hi)
    assert parse_quantity(f"{a} or {b}") == (lo, hi)


@given(st.integers(min_value=1, max_value=5000))
def test_bounds_from_modifiers(n: int) -> None:
    assert parse_quantity(f"at least {n}") == (n, None)
    assert parse_quantity(f"up to {n}") == (None, n)
    assert parse_quantity(f"more than {n}") == (n + 1, None)
    assert parse_quantity(f"{n} or more") == (n, None)


@given(st.integers(min_value=0, max_value=999), st.text(alphabet="abcdefghij .,", max_size=20))
def test_find_quantities_offsets_point_at_the_number(n: int, filler: str) -> None:
    text = f"{filler} killing {n} people"
    qs = [q for q in find_quantities(text) if q.lo == n]
    assert qs
    assert text[qs[-1].start:qs[-1].end] == str(n)
