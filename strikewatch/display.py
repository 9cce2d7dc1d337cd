"""Dates and places as every output shows them (pages, CLI tables, exports): at the precision they are known.

``fmt_when(rec)`` is the one date display of a record or report ("3 Mar 2013", "April 2017", "between 3 and 5 May
2014"); ``static/js/data.js``'s ``swDate`` is its JavaScript twin. Figures: ``strikewatch.ranges.Range.display``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def fmt_date(value: Any) -> str:
    if value is None or value == "":
        return "date unknown"
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, dt.date):
        return f"{value.day} {value.strftime('%b %Y')}"
    return str(value)


_LONG_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def fmt_when(rec: dict[str, Any]) -> str:
    """A record's or a report's date at the precision it is known: "3 Mar 2013", "April 2017", "2017",
    "between 3 and 5 May 2014", "between 28 Apr and 2 May 2014"; "date unknown" only when nothing is known.
    The same rules as ``swDate`` in static/js/data.js."""
    day = _as_date(rec.get("date"))
    if day is not None:
        return fmt_date(day)
    a, b = _as_date(rec.get("date_earliest")), _as_date(rec.get("date_latest"))
    if a is None or b is None:
        return "date unknown"
    if a == b:
        return fmt_date(a)
    if a.year == b.year and (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return str(a.year)
    if (a.year, a.month) == (b.year, b.month):
        if a.day == 1 and (b + dt.timedelta(days=1)).month != b.month:
            return f"{_LONG_MONTHS[a.month - 1]} {a.year}"
        return f"between {a.day} and {b.day} {_LONG_MONTHS[a.month - 1]} {a.year}"
    if a.year == b.year:
        return f"between {a.day} {a.strftime('%b')} and {b.day} {b.strftime('%b')} {a.year}"
    return f"between {fmt_date(a)} and {fmt_date(b)}"


PRECISION_WORDS: dict[str, str] = {
    "point": "located to the spot", "place": "located to the village or town", "admin2": "located to the district",
    "admin1": "located to the province", "country": "located to the country only",
}


def precision_words(value: Any) -> str:
    """How closely a record is placed, in words ("located to district", not "admin2")."""
    return PRECISION_WORDS.get(str(value), f"located to {value}")


