"""The one validator of the values a reviewer sets (``review set`` on the CLI, ``POST /api/review/set``, the review
form): each settable field's type and range, and the rules between fields. Every caller goes through
``merge.review.set_fields``, which calls :func:`validate_set`; a refusal is a :class:`ReviewValueError` (the CLI
prints it in one line and exits 2; the web answers 422 with the message).

Per field (a value of "", "null" or "none" clears a field, except ``grade``):

- counts (``killed_min`` ... ``munitions_max``): a whole number of ASCII digits, 0 to ``schema.MAX_COUNT``;
- ``lat`` -90 to 90, ``lon`` -180 to 180, finite decimal numbers (no ``nan``, ``inf``, ``1e309``);
- ``date``, ``date_earliest``, ``date_latest``: YYYY-MM-DD from 1900-01-01 (before any air strike) to tomorrow;
- ``country``: two letters (ISO 3166-1 alpha-2), stored upper case; ``type`` one of the event types;
  ``grade``, ``date_precision``, ``geo_precision``: their known values;
- text (``admin1``, ``admin2``, ``place``, ``perpetrator``, ``target``): at most its column's length, no control
  characters; lists (``target_groups``, ``named_dead``; items separated by ";"): at most 50 items of 200 characters;
- ``double_tap``: true/false, yes/no, 1/0.

Between fields, on the record as it will be after the change: each count's minimum is at most its maximum, and
``date_earliest`` <= ``date`` <= ``date_latest`` where they are known. To move both ends of a range past each other,
set them in one ``review set`` (the CLI takes several FIELD=VALUE) or move the far end first.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any, get_args

from strikewatch.errors import UserError
from strikewatch.merge.record import RECORD_FIELDS
from strikewatch.schema import COUNT_FIELDS, MAX_COUNT, EventType

SETTABLE: dict[str, str] = {
    **{f: "int" for f in RECORD_FIELDS if f.endswith("_min") or f.endswith("_max")},
    "date": "date", "date_earliest": "date", "date_latest": "date", "date_precision": "str",
    "country": "str", "admin1": "str", "admin2": "str", "place": "str", "lat": "float", "lon": "float",
    "geo_precision": "str", "type": "str", "perpetrator": "str", "target": "str",
    "target_groups": "list", "named_dead": "list", "double_tap": "bool", "grade": "str",
}  # fmt: skip

MIN_DATE = dt.date(1900, 1, 1)
TEXT_LIMITS = {"admin1": 128, "admin2": 128, "place": 256, "perpetrator": 64, "target": 1000}  # db/tables.py
MAX_LIST_ITEMS = 50
MAX_LIST_ITEM = 200
MAX_VALUE = 2000  # characters of any value as given
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_INT = re.compile(r"[0-9]{1,20}")
_FLOAT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
CHOICES: dict[str, tuple[str, ...]] = {
    "date_precision": ("day", "days", "month", "year"),
    "geo_precision": ("place", "admin2", "admin1", "country"),
    "type": tuple(get_args(EventType)),
}
RANGES = {"lat": (-90.0, 90.0), "lon": (-180.0, 180.0)}


class ReviewValueError(UserError):
    """A value a reviewer may not set: wrong type, out of range, or at odds with another field."""


def parse_value(field_name: str, value: str | None) -> Any:
    """A ``review set`` value in the field's type, checked against the field's range (raises ValueError)."""
    kind = SETTABLE.get(field_name)
    if kind is None:
        raise ValueError(f"cannot set {field_name!r}; settable: {', '.join(sorted(SETTABLE))}")
    if value is None or value.strip().lower() in ("", "null", "none"):
        if field_name == "grade":
            raise ValueError("grade cannot be empty")
        return [] if kind == "list" else (False if kind == "bool" else None)
    if len(value) > MAX_VALUE:
        raise ValueError(f"too long ({len(value):,} characters; at most {MAX_VALUE:,})")
    v = value.strip()
    if kind != "list" and _CONTROL.search(v):
        raise ValueError("control characters are not allowed")
    if kind == "int":
        if not _INT.fullmatch(v) or int(v) > MAX_COUNT:
            raise ValueError(f"must be a whole number from 0 to {MAX_COUNT:,}")
        return int(v)
    if kind == "float":
        lo, hi = RANGES[field_name]
        x = float(v) if _FLOAT.fullmatch(v) else math.nan
        if not (math.isfinite(x) and lo <= x <= hi):
            raise ValueError(f"must be a number from {lo:g} to {hi:g}")
        return x
    if kind == "date":
        try:
            d = dt.date.fromisoformat(v) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) else None
        except ValueError:
            d = None
        latest = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
        if d is None or not MIN_DATE <= d <= latest:
            raise ValueError(f"must be a date YYYY-MM-DD from {MIN_DATE.isoformat()} to {latest.isoformat()}")
        return d
    if kind == "bool":
        if v.lower() in ("true", "yes", "1"):
            return True
        if v.lower() in ("false", "no", "0"):
            return False
        raise ValueError("must be true or false")
    if kind == "list":
        items = [x.strip() for x in v.split(";") if x.strip()]
        if len(items) > MAX_LIST_ITEMS or any(len(x) > MAX_LIST_ITEM or _CONTROL.search(x) for x in items):
            raise ValueError(f"at most {MAX_LIST_ITEMS} items separated by ';', each up to {MAX_LIST_ITEM} "
                             "characters without control characters")
        return items
    if field_name == "grade":
        from strikewatch.merge.grading import GRADES

        if v not in GRADES:
            raise ValueError(f"must be one of {', '.join(GRADES)}")
        return v
    if field_name in CHOICES:
        if v not in CHOICES[field_name]:
            raise ValueError(f"must be one of {', '.join(CHOICES[field_name])}")
        return v
    if field_name == "country":
        if not re.fullmatch(r"[A-Za-z]{2}", v):
            raise ValueError("must be a two-letter ISO 3166-1 country code such as PK")
        return v.upper()
    limit = TEXT_LIMITS.get(field_name, 1000)
    if len(v) > limit:
        raise ValueError(f"at most {limit} characters")
    return v


def check_record(values: Mapping[str, Any]) -> None:
    """The rules between fields, on a record's values (raises ValueError naming the fields)."""
    for name in COUNT_FIELDS:
        lo, hi = values.get(f"{name}_min"), values.get(f"{name}_max")
        if isinstance(lo, int) and isinstance(hi, int) and lo > hi:
            raise ValueError(f"{name}_min {lo} is above {name}_max {hi}")
    days = [(k, values.get(k)) for k in ("date_earliest", "date", "date_latest")]
    known = [(k, d) for k, d in days if isinstance(d, dt.date)]
    for (k1, d1), (k2, d2) in zip(known, known[1:], strict=False):
        if d1 > d2:
            raise ValueError(f"{k1} {d1.isoformat()} is after {k2} {d2.isoformat()}")


def validate_set(current: Mapping[str, Any], values: Mapping[str, str | None]) -> dict[str, Any]:
    """Parse every ``FIELD=VALUE`` and check the record as it would be after them (``current``: its values now).
    Returns the parsed values; raises :class:`ReviewValueError` with one line naming the field."""
    parsed: dict[str, Any] = {}
    for f, v in values.items():
        try:
            parsed[f] = parse_value(f, v)
        except ValueError as exc:
            shown = v if v is None or len(v) <= 60 else v[:57] + "..."
            raise ReviewValueError(f"{f}={shown}: {exc}") from None
    try:
        check_record({**{k: current.get(k) for k in SETTABLE}, **parsed})
    except ValueError as exc:
        raise ReviewValueError(f"{exc} (set both ends together, or the far end first)") from None
    return parsed
