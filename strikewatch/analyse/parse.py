"""Parsing the free-text cells of tracker spreadsheets: counts, ranges, dates.

Trackers type what they know: ``"3-8"``, ``"Unknown"``, ``"At least 2"``, ``"Possibly"``, a Y/N flag, and cells
that Excel turned into dates (``"3-4"`` typed into a cell is shown as ``"4-Mar"``). Dates come as spreadsheet
datetimes, Excel serial numbers, ISO strings, ``MM-DD-YYYY``, ``M/D/YYYY`` or ``"Friday, June 18, 2004"``.
Nothing here raises on odd input: what cannot be read is ``None`` with a flag saying why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from strikewatch.calendar_words import MONTHS
from strikewatch.ranges import Range
from strikewatch.schema import MAX_COUNT

DateOrder = Literal["mdy", "dmy"]

_UNKNOWN = {"", "unknown", "unk", "n/a", "na", "nan", "none reported", "?", "-", "--", "unclear", "not known"}
_NONE = {"no", "n", "none", "nil", "zero"}
_YES = {"yes", "y", "some", "several", "true"}
_MAYBE = {"possible", "possibly", "maybe", "probably", "likely", "unconfirmed"}

_NUM = r"\d{1,3}(?:,\d{3})+|\d+(?:\.0+)?"
_RANGE_RE = re.compile(rf"^({_NUM})\s*(?:-|–|—|to|or)\s*({_NUM})$")
_SINGLE_RE = re.compile(rf"^({_NUM})\+?$")
_ATLEAST_RE = re.compile(rf"^(?:at\s+least|min(?:imum)?\.?|>=|≥)\s*({_NUM})\+?$")
_MORE_RE = re.compile(rf"^(?:more\s+than|over|above|>)\s*({_NUM})$")
_UPTO_RE = re.compile(rf"^(?:up\s+to|as\s+many\s+as|at\s+most|max(?:imum)?\.?|<=|≤)\s*({_NUM})$")
_APPROX_RE = re.compile(rf"^(?:about|around|approx(?:imately|\.)?|c\.|ca\.|~|some|nearly|almost)\s*({_NUM})$")
# Excel shows "3-4" typed into a cell as the date 4 March: "4-Mar" (d-mmm) or "Mar-4" (mmm-d).
_EXCEL_DM_RE = re.compile(r"^(\d{1,2})-([A-Za-z]{3,9})$")
_EXCEL_MD_RE = re.compile(r"^([A-Za-z]{3,9})-(\d{1,2})$")


@dataclass(frozen=True, slots=True)
class CellRange(Range):
    """A count read from a cell: a :class:`Range` and ``flag``, how it was read."""

    flag: str | None = None  # None (plain), unknown, maybe, yes, excel-date, approx, unparsed, negative, too-large


def _num(s: str) -> int:
    return int(float(s.replace(",", "")))


def parse_range(value: object) -> CellRange:
    """:func:`_parse_range`, with counts bounded as everywhere (``schema.MAX_COUNT``): a larger number is no
    count, (None, None) flagged ``too-large``."""
    r = _parse_range(value)
    if any(v is not None and v > MAX_COUNT for v in (r.min, r.max)):
        return CellRange(None, None, "too-large")
    return r


def _parse_range(value: object) -> CellRange:
    """Read a tracker cell as a (min, max) count.

    ``"3-8"`` -> (3, 8); ``"5"`` -> (5, 5); ``"At least 1"`` -> (1, None); ``"up to 4"`` -> (None, 4);
    ``"Unknown"`` / blank -> (None, None); ``"Possibly"`` -> (0, None); ``"Y"``/``"Yes"`` -> (1, None);
    ``"N"`` -> (0, 0); Excel-mangled ``"4-Mar"`` -> (3, 4). A reversed range (``"8-3"``) is kept as written, so the
    caller can flag it. Negative numbers are not counts: (None, None) flagged ``negative``.
    """
    if value is None:
        return CellRange(None, None)
    if isinstance(value, bool):
        return CellRange(1, None, "yes") if value else CellRange(0, 0)
    if isinstance(value, int):
        return CellRange(value, value) if value >= 0 else CellRange(None, None, "negative")
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return CellRange(None, None, "unparsed")
        if value < 0:
            return CellRange(None, None, "negative")
        return CellRange(int(value), int(value)) if value == int(value) else CellRange(None, None, "unparsed")
    if isinstance(value, dt.date):  # a spreadsheet cell holding the date Excel made of "3-4"
        return CellRange(value.month, value.day, "excel-date")
    text = " ".join(str(value).strip().strip("'\"").split()).lower().rstrip(".")
    if text in _UNKNOWN:
        return CellRange(None, None, "unknown" if text else None)
    if text in _NONE:
        return CellRange(0, 0)
    if text in _YES:
        return CellRange(1, None, "yes")
    if text in _MAYBE:
        return CellRange(0, None, "maybe")
    if re.fullmatch(r"-\s*\d+(?:\.\d+)?", text):
        return CellRange(None, None, "negative")
    m = _SINGLE_RE.match(text)
    if m:
        n = _num(m.group(1))
        return CellRange(n, None) if text.endswith("+") else CellRange(n, n)
    m = _RANGE_RE.match(text)
    if m:
        return CellRange(_num(m.group(1)), _num(m.group(2)))
    m = _ATLEAST_RE.match(text)
    if m:
        return CellRange(_num(m.group(1)), None)
    m = _MORE_RE.match(text)
    if m:
        return CellRange(_num(m.group(1)) + 1, None)
    m = _UPTO_RE.match(text)
    if m:
        return CellRange(None, _num(m.group(1)))
    m = _APPROX_RE.match(text)
    if m:
        n = _num(m.group(1))
        return CellRange(n, n, "approx")
    m = _EXCEL_DM_RE.match(text)
    if m and m.group(2) in MONTHS and 1 <= int(m.group(1)) <= 31:
        return CellRange(MONTHS[m.group(2)], int(m.group(1)), "excel-date")
    m = _EXCEL_MD_RE.match(text)
    if m and m.group(1) in MONTHS and 1 <= int(m.group(2)) <= 31:
        return CellRange(MONTHS[m.group(1)], int(m.group(2)), "excel-date")
    return CellRange(None, None, "unparsed")


def parse_float(value: object) -> float | None:
    """A coordinate or other decimal; accepts a decimal comma (``"0,783333"``). Blank/unreadable -> None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if value == value else None
    text = str(value).strip()
    if not text:
        return None
    if "," in text and "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def parse_lat_lon(lat: object, lon: object) -> tuple[float | None, float | None]:
    """Latitude and longitude, or (None, None) when either is missing or out of range (placeholders like 9999)."""
    la, lo = parse_float(lat), parse_float(lon)
    if la is None or lo is None or not (-90 <= la <= 90) or not (-180 <= lo <= 180):
        return None, None
    return la, lo


_EXCEL_EPOCH = dt.date(1899, 12, 30)
_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$", re.I)
_NUMERIC_RE = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{2,4})$")
# "[Friday,] June 18, 2004"
_WORDY_RE = re.compile(r"^(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_WORDY_DMY_RE = re.compile(r"^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$")  # 18 June 2004


def _year(y: int) -> int:
    if y < 100:
        return 2000 + y if y < 70 else 1900 + y
    return y


def _mk(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(_year(y), m, d)
    except ValueError:
        return None


def parse_date(value: object, order: DateOrder = "mdy") -> dt.date | None:
    """A tracker date cell as a date, or None.

    Accepts date/datetime objects, Excel serial numbers, ISO (with or without a time), numeric dates with
    ``/``, ``-`` or ``.`` read in ``order`` (US trackers write month first: ``mdy`` is the default; a first
    part above 12 is always read as the day), and written-out dates such as ``"Friday, June 18, 2004"``.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float):
        if value != value or not 1 <= value < 2958466:
            return None
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    text = " ".join(str(value).strip().split()).lower()
    if not text:
        return None
    m = _ISO_RE.match(text)
    if m:
        return _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _NUMERIC_RE.match(text)
    if m:
        a, b, c = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if len(m.group(1)) == 4:  # 2004/06/17
            return _mk(a, b, c)
        if order == "dmy" or a > 12:
            return _mk(c, b, a)
        return _mk(c, a, b)
    m = _WORDY_RE.match(text)
    if m and m.group(1) in MONTHS:
        return _mk(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)))
    m = _WORDY_DMY_RE.match(text)
    if m and m.group(2) in MONTHS:
        return _mk(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
    if re.fullmatch(r"\d{5}(?:\.0+)?", text):  # Excel serial typed as text
        return parse_date(int(float(text)))
    return None


def infer_date_order(values: Iterable[object]) -> DateOrder:
    """Whether a column of numeric dates is month-first or day-first, judged from values with a part above 12.

    Month-first (``mdy``) when nothing decides it, as the US trackers write it.
    """
    dmy = mdy = 0
    for v in values:
        if not isinstance(v, str):
            continue
        m = _NUMERIC_RE.match(v.strip())
        if not m or len(m.group(1)) == 4:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            dmy += 1
        elif b > 12 >= a:
            mdy += 1
    return "dmy" if dmy > mdy else "mdy"
