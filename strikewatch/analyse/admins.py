"""US presidential administrations by date, for totals "by administration" and claims such as "under Obama".

A strike on inauguration day (January 20) counts for the incoming administration: the oath is taken at noon and
trackers rarely record the hour. TBIJ's own workbook notes two strikes in the first days of 2009 that were Bush's.
"""

from __future__ import annotations

import datetime as dt

# (name, first day, first day of the next administration)
ADMINISTRATIONS: tuple[tuple[str, dt.date, dt.date], ...] = (
    ("Clinton", dt.date(1993, 1, 20), dt.date(2001, 1, 20)),
    ("Bush", dt.date(2001, 1, 20), dt.date(2009, 1, 20)),
    ("Obama", dt.date(2009, 1, 20), dt.date(2017, 1, 20)),
    ("Trump", dt.date(2017, 1, 20), dt.date(2021, 1, 20)),
    ("Biden", dt.date(2021, 1, 20), dt.date(2025, 1, 20)),
    ("Trump II", dt.date(2025, 1, 20), dt.date(2029, 1, 20)),
)


def administration(day: dt.date | None) -> str | None:
    """The administration in office on ``day`` (None for an unknown date or one outside the table)."""
    if day is None:
        return None
    for name, start, end in ADMINISTRATIONS:
        if start <= day < end:
            return name
    return None


def administration_span(name: str) -> tuple[dt.date, dt.date] | None:
    """(first day, last day) of the administration called ``name`` (case-insensitive), or None."""
    for n, start, end in ADMINISTRATIONS:
        if n.lower() == name.strip().lower():
            return start, end - dt.timedelta(days=1)
    return None
