"""Place look-ups for the extractor: ``geo.resolve`` over stretches of the article, each asked once per Doc."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from strikewatch.extract.doc import Doc, Mention
from strikewatch.schema import GeoResult

GEO_EVIDENCE = frozenset({"country", "admin1", "admin2", "place", "lat", "lon", "geo_precision", "geo_conflict"})
PLACE_FIELDS = ("country", "admin1", "admin2", "place", "lat", "lon", "geo_precision")
PRECISION_RANK = {"place": 4, "admin2": 3, "admin1": 2, "country": 1, None: 0}


def geo() -> tuple[Callable[..., Any], Any] | None:
    """(resolve, specificity) of ``strikewatch.geo``, or None where it cannot be imported (benchmarks turn places
    off by replacing this function)."""
    try:
        from strikewatch import geo as g
    except Exception:  # pragma: no cover - geo is optional at import time
        return None
    return g.resolve, getattr(g, "specificity", None)


def resolve(doc: Doc, start: int, end: int) -> GeoResult | None:
    """``geo.resolve`` of ``doc.text[start:end]``, asked once per stretch (clustering and fields ask the same);
    None without geo or when it fails."""
    key = (start, end)
    if key in doc.geo_memo:
        return doc.geo_memo[key]
    g = geo()
    if g is None:
        return None
    try:
        r = g[0](doc.text, start, end)
    except Exception:
        return None
    doc.geo_memo[key] = r
    return r if isinstance(r, GeoResult) else None


def body_start(doc: Doc, start: int, end: int) -> int:
    """A stretch that holds the dateline's end is read from there (the filing city is not the strike's place)."""
    if doc.dl_end is not None and start < doc.dl_end <= end:
        return doc.dl_end
    return start


def region(doc: Doc, m: Mention) -> tuple[str | None, str | None]:
    """(country, province) of the place a mention names, or (None, None)."""
    r = resolve(doc, body_start(doc, m.start, m.end), m.end)
    if r is None:
        return None, None
    return r.country, r.admin1
