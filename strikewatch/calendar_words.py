"""Month and weekday names: the one list every reader and writer of dates imports.

English only (the texts and trackers are English). Lookups are case-insensitive through :data:`MONTHS`;
regular expressions are built from :func:`month_pattern` / :func:`weekday_pattern` so a new spelling is added here
once.
"""

from __future__ import annotations

MONTH_NAMES: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December")
MONTH_ABBREVIATIONS: tuple[str, ...] = tuple(m[:3] for m in MONTH_NAMES)
EXTRA_MONTH_ABBREVIATIONS: dict[str, int] = {"Sept": 9}
WEEKDAY_NAMES: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# lower-case full name or abbreviation -> month number (1-12): "june" and "jun" -> 6, "sept" -> 9
MONTHS: dict[str, int] = {
    **{m.lower(): i for i, m in enumerate(MONTH_NAMES, start=1)},
    **{m.lower(): i for i, m in enumerate(MONTH_ABBREVIATIONS, start=1)},
    **{k.lower(): v for k, v in EXTRA_MONTH_ABBREVIATIONS.items()},
}
WEEKDAYS: dict[str, int] = {d.lower(): i for i, d in enumerate(WEEKDAY_NAMES)}  # date.weekday() numbers


def month_number(word: str) -> int | None:
    """``"June"``, ``"jun"``, ``"Sept."`` -> 6, 6, 9; anything else -> None."""
    return MONTHS.get(word.strip().rstrip(".").lower())


def month_pattern(*, abbreviations: bool = True) -> str:
    """A regex alternation of the month names (longest first so "Sept" wins over "Sep"), no group, no flags."""
    words = list(MONTH_NAMES)
    if abbreviations:
        words += [a for a in (*MONTH_ABBREVIATIONS, *EXTRA_MONTH_ABBREVIATIONS) if a not in words]
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


def weekday_pattern() -> str:
    """A regex alternation of the weekday names."""
    return "|".join(WEEKDAY_NAMES)
