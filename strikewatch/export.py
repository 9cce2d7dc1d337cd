"""Writers of strike records as CSV, JSON and GeoJSON (the CLI's ``strikes --format`` and the web app's exports).

Rows are the dicts of ``strikewatch.merge.views`` (``list_strikes`` / ``iter_strikes``). List fields
(``target_groups``, ``named_dead``) are joined with "; " in CSV; a text cell that would start a spreadsheet formula
starts with ``'`` (``csv_safe``). GeoJSON features are points at the record's
``lon, lat``; records without coordinates are left out of the features and counted in the collection's
``"skipped_no_coordinates"`` member. Figures compiled from news reports by strikewatch; every record names its
sources (``strikewatch strike ID``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any, TextIO

from strikewatch.merge.views import FIGURE_NAMES, LIST_FIELDS, SOURCE_FIELDS

# every record field, each casualty figure as shown ("≥ 7"; ``views.with_figures``), then the record's sources
# (``views.attach_sources``): a sheet can be checked without the app, and an open figure stays open in it
EXPORT_FIELDS: tuple[str, ...] = (*LIST_FIELDS, *FIGURE_NAMES, *SOURCE_FIELDS)
BOM = "\ufeff"  # CSV files start with it, so that Excel reads them as UTF-8 (pandas, QGIS, Datasette skip it)


# A spreadsheet reads a cell that starts with one of these as a formula (=HYPERLINK(...), +cmd|...): OWASP's
# CSV-injection rule is to start such a text cell with a single quote, which shows it as the text it is.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(v: Any) -> Any:
    """``v`` for a CSV cell: text that a spreadsheet would run as a formula gets a leading ``'`` (numbers, which
    are not text, are left alone: ``-71.5`` stays a number)."""
    if isinstance(v, str) and v.lstrip(" ")[:1] in FORMULA_START and v.lstrip(" "):
        return "'" + v
    return v


def _cell(v: Any) -> Any:
    if isinstance(v, dict):
        return "; ".join(f"{k} {x}" for k, x in v.items())
    if isinstance(v, list | tuple):
        return csv_safe("; ".join(str(x) for x in v))
    if isinstance(v, bool):
        return "true" if v else "false"
    return "" if v is None else csv_safe(v)


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO, fields: tuple[str, ...] = EXPORT_FIELDS) -> int:
    """CSV with a header row; returns the number of records written."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow(fields)
    n = 0
    for r in rows:
        w.writerow([_cell(r.get(f)) for f in fields])
        n += 1
    return n


def csv_text(rows: Iterable[dict[str, Any]], fields: tuple[str, ...] = EXPORT_FIELDS, *, bom: bool = True) -> str:
    """A CSV file's text; ``bom``: starting with a byte-order mark, so Excel opens the names and places (Rada',
    Datta Khel, non-Latin scripts) as UTF-8 instead of mangling them."""
    buf = io.StringIO()
    if bom:
        buf.write(BOM)
    write_csv(rows, buf, fields)
    return buf.getvalue()


def write_json(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A JSON array, written record by record (constant memory)."""
    out.write("[")
    n = 0
    for r in rows:
        out.write(",\n" if n else "\n")
        out.write(json.dumps(r, ensure_ascii=False, default=str))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def feature(r: dict[str, Any]) -> dict[str, Any] | None:
    lat, lon = r.get("lat"), r.get("lon")
    if lat is None or lon is None:
        return None
    props = {k: v for k, v in r.items() if k not in ("lat", "lon")}
    return {"type": "Feature", "id": r.get("id"), "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": props}


def geojson_dict(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    feats: list[dict[str, Any]] = []
    skipped = 0
    for r in rows:
        f = feature(r)
        if f is None:
            skipped += 1
        else:
            feats.append(f)
    return {"type": "FeatureCollection", "features": feats, "skipped_no_coordinates": skipped}


def write_geojson(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A GeoJSON FeatureCollection, written feature by feature; returns the number of features."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = skipped = 0
    for r in rows:
        f = feature(r)
        if f is None:
            skipped += 1
            continue
        out.write(",\n" if n else "\n")
        out.write(json.dumps(f, ensure_ascii=False, default=str))
        n += 1
    out.write(f'\n], "skipped_no_coordinates": {skipped}}}\n')
    return n
