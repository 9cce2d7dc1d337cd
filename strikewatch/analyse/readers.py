"""Readers for the strike trackers researchers use, each written against the real file's quirks.

Every reader returns plain ``TrackerStrike`` rows (see ``strikewatch.analyse.records``), one per row of the file,
in file order. Odd values are kept and flagged (``row.flags``), never silently fixed, and never crash a read.

Formats:
    tbij        TBIJ "US drone strikes in Pakistan" workbook (.xlsx, sheet "Drone strikes data")
    tbij-all    TBIJ all-countries export (.csv; ``;``-separated, BOM, header mid-file, MM-DD-YYYY)
    newamerica  New America drone strikes in Pakistan (.csv; M/D/YYYY, low/high columns)
    pbc         Pakistan Body Count (.csv; latin-1, totals row, "No of Strike", "Total Died Mix" = max)
    csv         any CSV with a column mapping (``date=Date,killed_min=Min killed,...``)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from strikewatch.analyse.parse import CellRange, DateOrder, infer_date_order, parse_date, parse_lat_lon, parse_range
from strikewatch.analyse.places import (
    admin1_name,
    admin1_of,
    clean,
    country_code,
    known_admin2,
    normalize_area,
    place_name,
)
from strikewatch.analyse.records import TOLL_FIELDS, TrackerStrike, check_ranges
from strikewatch.errors import UserError

__all__ = [
    "FORMATS",
    "MAP_FIELDS",
    "TrackerStrike",
    "detect_format",
    "parse_mapping",
    "read_dataset",
    "read_mapped_csv",
    "read_newamerica",
    "read_pbc",
    "read_tbij_all",
    "read_tbij_workbook",
    "split_location",
]

FORMATS: tuple[str, ...] = ("tbij", "tbij-all", "newamerica", "pbc", "csv")

# Fields a generic CSV column can be mapped to. ``killed`` etc. take a free-text range ("3-8") for both ends;
# ``area`` is an agency/district/province name; ``location`` a comma-separated "place, district, province, country".
MAP_FIELDS: tuple[str, ...] = (
    "ext_id", "date", "country", "admin1", "admin2", "place", "area", "location", "lat", "lon", "n_strikes",
    *(f"{n}_{end}" for n in TOLL_FIELDS for end in ("min", "max")),
    *TOLL_FIELDS,
)


# ---------------------------------------------------------------------------------------------------- helpers


def _jsonable(v: Any) -> Any:
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()
    if v is None or isinstance(v, str | int | float | bool):
        return v
    return str(v)


def _raw(header: Sequence[str], values: Sequence[Any]) -> dict[str, Any]:
    """The source row as a dict; repeated or blank column names get a suffix so nothing is dropped."""
    out: dict[str, Any] = {}
    for i, v in enumerate(values):
        name = str(header[i]).strip() if i < len(header) and header[i] is not None else ""
        name = name or f"col{i + 1}"
        key, n = name, 2
        while key in out:
            key, n = f"{name}_{n}", n + 1
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        out[key] = _jsonable(v)
    return out


def _set_pair(row: TrackerStrike, name: str, lo_cell: Any, hi_cell: Any) -> None:
    """Set ``name_min``/``name_max`` from a min column and a max column (each may itself hold "3-8")."""
    lo, hi = parse_range(lo_cell), parse_range(hi_cell)
    setattr(row, name + "_min", lo.min)
    setattr(row, name + "_max", hi.max)
    for which, r in (("min", lo), ("max", hi)):
        if r.flag and r.flag != "yes":
            row.flags.append(f"{name}_{which}:{r.flag}")


def _set_range(row: TrackerStrike, name: str, cell: Any) -> CellRange:
    r = parse_range(cell)
    setattr(row, name + "_min", r.min)
    setattr(row, name + "_max", r.max)
    if r.flag:
        row.flags.append(f"{name}:{r.flag}")
    return r


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _blank(values: Iterable[Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _col(header: Sequence[Any], *names: str, required: bool = True, start: int = 0) -> int | None:
    """Index of the first column whose name matches one of ``names`` (case/space-insensitive)."""
    norm = [" ".join(str(h or "").lower().split()) for h in header]
    for name in names:
        want = " ".join(name.lower().split())
        for i in range(start, len(norm)):
            if norm[i] == want:
                return i
    if required:
        raise UserError(f"column {names[0]!r} not found (columns: {', '.join(str(h) for h in header if h)})")
    return None


def _cell(values: Sequence[Any], idx: int | None) -> Any:
    if idx is None or idx >= len(values):
        return None
    return values[idx]


def split_location(location: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    """(country, admin1, admin2, place) from a comma-separated location, most specific first.

    ``"Wana, South Waziristan, Pakistan"`` -> ("PK", FATA, "South Waziristan", "Wana");
    ``"Chikanawr, Lal Pura, Nangarhar, Afghanistan"`` -> ("AF", "Nangarhar", "Lal Pura", "Chikanawr").
    A single name without a country is taken as a place.
    """
    text = clean(location)
    if text is None:
        return None, None, None, None
    parts = [p for p in (clean(x) for x in text.split(",")) if p]
    country = None
    if parts and country_code(parts[-1]) and len(parts[-1]) > 2:
        country = country_code(parts.pop())
    admin1 = admin2 = None
    rest: list[str] = []
    for p in parts:
        a2 = known_admin2(p, country) if admin2 is None else None
        a1 = admin1_name(p, country)
        if a2 is not None:
            admin1, admin2 = admin1 or a2[0], a2[1]
        elif a1:
            admin1 = a1
        else:
            rest.append(p)
    if rest and re.match(r"(?i)^(?:vicinity of|near|outskirts of)\b", rest[-1]) and len(rest) == 1:
        return country, admin1, admin2, rest[0]
    if admin1 is None and admin2 is None and rest and (country is not None or len(rest) >= 2):
        admin1 = normalize_area(rest.pop(), country)[1]
    if admin2 is None and len(rest) >= 2:
        admin2 = normalize_area(rest.pop(), country)[1]
    place = place_name(rest[0]) if rest else None
    return country, admin1, admin2, place


def _place_and_area(row: TrackerStrike, place_cell: Any, area_cell: Any) -> None:
    """Fill admin1/admin2/place from a place cell and an area (agency or province) cell."""
    row.admin1, row.admin2 = normalize_area(area_cell, row.country)
    place = place_name(place_cell)
    if place is not None:
        a2 = known_admin2(place, row.country)
        if a2 is not None:  # the "place" is itself an agency/district ("Hangu district")
            if row.admin2 is None:
                row.admin1, row.admin2 = row.admin1 or a2[0], a2[1]
            place = None if row.admin2 == a2[1] else place
        elif admin1_name(place, row.country) is not None:
            row.admin1 = row.admin1 or admin1_name(place, row.country)
            place = None
    row.place = place
    if row.admin2 is not None and row.admin1 is None:
        row.admin1 = admin1_of(row.admin2)


def _finish(row: TrackerStrike) -> TrackerStrike:
    check_ranges(row)
    if row.date is None and "date:unparsed" not in row.flags:
        row.flags.append("date:missing")
    return row


# ------------------------------------------------------------------------------------------------ TBIJ workbook


def read_tbij_workbook(path: str | Path, sheet: str | None = None) -> list[TrackerStrike]:
    """TBIJ "US drone strikes in Pakistan" workbook: one row per strike on sheet "Drone strikes data".

    Columns Strike ID (B/Ob/T prefixes by administration), Date, Location, Area, then min/max killed, civilians,
    children and injured. Keeps published inconsistencies (Ob193 min injured > max) with a flag.
    """
    try:
        import openpyxl

        wb = openpyxl.load_workbook(Path(path), read_only=True, data_only=True)
    except FileNotFoundError:
        raise UserError(f"no such file: {path}") from None
    except Exception as exc:
        raise UserError(f"cannot read {path} as an Excel workbook: {exc}") from None
    try:
        names = [sheet] if sheet else [n for n in wb.sheetnames if "strikes data" in n.lower()] + wb.sheetnames
        for name in names:
            if name not in wb.sheetnames:
                raise UserError(f"{path}: no sheet {name!r} (sheets: {', '.join(wb.sheetnames)})")
            rows = list(wb[name].iter_rows(values_only=True))
            for h, header in enumerate(rows[:20]):
                labels = [str(c or "").strip().lower() for c in header]
                if "strike id" in labels and "date" in labels:
                    return _tbij_rows(header, rows[h + 1:])
        raise UserError(f"{path}: no sheet with a 'Strike ID' and 'Date' header (is this the TBIJ workbook?)")
    finally:
        wb.close()


def _tbij_rows(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> list[TrackerStrike]:
    hdr = [str(c or "").strip() for c in header]
    i_id, i_date = _col(hdr, "Strike ID"), _col(hdr, "Date")
    i_loc, i_area = _col(hdr, "Location", required=False), _col(hdr, "Area", required=False)
    cols = {
        "killed": ("Minimum total people killed", "Maximum total people killed"),
        "civilians": ("Minimum civilians reported killed", "Maximum civilians reported killed"),
        "children": ("Minimum children reported killed", "Maximum children reported killed"),
        "injured": ("Minimum reported injured", "Maximum reported injured"),
    }
    idx = {k: (_col(hdr, lo, required=False), _col(hdr, hi, required=False)) for k, (lo, hi) in cols.items()}
    out: list[TrackerStrike] = []
    for values in rows:
        if _blank(values):
            continue
        ext_id = clean(str(_cell(values, i_id) or "")) if _cell(values, i_id) is not None else None
        date_cell = _cell(values, i_date)
        if ext_id is None and date_cell is None:
            continue
        row = TrackerStrike(ext_id=ext_id, country="PK", raw=_raw(hdr, values))
        row.date = parse_date(date_cell)
        if row.date is None and date_cell is not None:
            row.flags.append("date:unparsed")
        _place_and_area(row, _cell(values, i_loc), _cell(values, i_area))
        for name, (lo, hi) in idx.items():
            _set_pair(row, name, _cell(values, lo), _cell(values, hi))
        out.append(_finish(row))
    return out


# ------------------------------------------------------------------------------------------- TBIJ all countries


def read_tbij_all(path: str | Path) -> list[TrackerStrike]:
    """TBIJ all-countries export with coordinates.

    Semicolon-separated with a UTF-8 BOM; the header row sits in the middle of the file and names the columns of
    every row above and below it; blank ``;;;`` rows; dates MM-DD-YYYY; country names with trailing spaces;
    coordinates sometimes with a decimal comma or a 9999 placeholder; no max-injured column.
    """
    text = _read_text(path)
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header = next((r for r in rows if r and r[0].strip().lower() == "strike id"), None)
    if header is None:
        raise UserError(f"{path}: no 'Strike ID' header row (is this the TBIJ all-countries export?)")
    i_id, i_country, i_date = _col(header, "Strike ID"), _col(header, "Country"), _col(header, "Date (MM-DD-YYYY)",
                                                                                         "Date")
    i_loc = _col(header, "Most Specific Location", "Location", required=False)
    i_ll = _col(header, "Most Specific Lat/Long", required=False)
    i_lat, i_lon = _col(header, "Latitude", required=False), _col(header, "Longitude", required=False)
    pairs = {
        "killed": ("Minimum total people killed", "Maximum total people killed"),
        "civilians": ("Minimum civilians reported killed", "Maximum civilians reported killed"),
        "children": ("Minimum children reported killed", "Maximum children reported killed"),
        "injured": ("Minimum reported injured", "Maximum reported injured"),
    }
    idx = {k: (_col(header, lo, required=False), _col(header, hi, required=False)) for k, (lo, hi) in pairs.items()}
    out: list[TrackerStrike] = []
    for values in rows:
        if values is header or _blank(values):
            continue
        ext_id = clean(_cell(values, i_id))
        if ext_id is None:
            continue
        row = TrackerStrike(ext_id=ext_id, raw=_raw(header, values))
        date_cell = _cell(values, i_date)
        row.date = parse_date(date_cell, "mdy")
        if row.date is None and clean(date_cell):
            row.flags.append("date:unparsed")
        country, row.admin1, row.admin2, row.place = split_location(_cell(values, i_loc))
        row.country = country_code(_cell(values, i_country)) or country
        row.lat, row.lon = parse_lat_lon(_cell(values, i_lat), _cell(values, i_lon))
        if row.lat is None and i_ll is not None:
            parts = str(_cell(values, i_ll) or "").split(",")
            if len(parts) == 2:
                row.lat, row.lon = parse_lat_lon(parts[0], parts[1])
        for name, (lo, hi) in idx.items():
            _set_pair(row, name, _cell(values, lo), _cell(values, hi))
        out.append(_finish(row))
    return out


def _read_text(path: str | Path) -> str:
    p = Path(path)
    if not p.is_file():
        raise UserError(f"no such file: {path}")
    return _decode(p)


# ------------------------------------------------------------------------------------------------- New America


def read_newamerica(path: str | Path) -> list[TrackerStrike]:
    """New America drone strikes in Pakistan: dates M/D/YYYY, low/high for militants, civilians and total.

    No children or injured columns. A blank civilians cell is ambiguous (none reported, or not known) and is kept
    as unknown (None). Rows have no id of their own: ``ext_id`` is ``NA<row number>``.
    """
    text = _read_text(path)
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise UserError(f"{path}: empty file")
    i_date = _col(header, "date")
    i_village, i_region = _col(header, "village", required=False), _col(header, "region", required=False)
    i_prov = _col(header, "province", required=False)
    i_n = _col(header, "strikes", required=False)
    i_lat, i_lon = _col(header, "geo_lat", "lat", required=False), _col(header, "geo_lon", "lon", required=False)
    pairs = {
        "killed": ("total_low", "total_high"),
        "civilians": ("civilians_low", "civilians_high"),
        "militants": ("militants_low", "militants_high"),
    }
    idx = {k: (_col(header, lo, required=False), _col(header, hi, required=False)) for k, (lo, hi) in pairs.items()}
    out: list[TrackerStrike] = []
    for n, values in enumerate(reader, start=1):
        if _blank(values):
            continue
        row = TrackerStrike(ext_id=f"NA{n}", country="PK", raw=_raw(header, values))
        date_cell = _cell(values, i_date)
        row.date = parse_date(date_cell, "mdy")
        if row.date is None and clean(date_cell):
            row.flags.append("date:unparsed")
        _place_and_area(row, _cell(values, i_village), _cell(values, i_region))
        row.admin1 = row.admin1 or admin1_name(_cell(values, i_prov), row.country)
        row.lat, row.lon = parse_lat_lon(_cell(values, i_lat), _cell(values, i_lon))
        strikes = parse_range(_cell(values, i_n))
        row.n_strikes = strikes.min if strikes.min and strikes.min > 0 else 1
        for name, (lo, hi) in idx.items():
            _set_pair(row, name, _cell(values, lo), _cell(values, hi))
        out.append(_finish(row))
    return out


# ------------------------------------------------------------------------------------------- Pakistan Body Count


def read_pbc(path: str | Path) -> list[TrackerStrike]:
    """Pakistan Body Count: latin-1, dates like "Friday, June 18, 2004", a totals row at the end.

    "No of Strike" -> ``n_strikes`` (a row may cover several strikes); "Total Died Min"/"Total Died Mix" -> killed
    (Mix is the max); militants = Al-Qaeda + Taliban; "Women/Children" is only a Y/N flag: N -> children (0, 0),
    Y -> children unknown with the flag ``women_or_children``. Negative counts are unknown, flagged.
    """
    text = _read_text(path)
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise UserError(f"{path}: empty file")
    i_id, i_date = _col(header, "S#", required=False), _col(header, "Date")
    i_loc, i_city = _col(header, "Location", required=False), _col(header, "City", required=False)
    i_prov, i_n = _col(header, "Province", required=False), _col(header, "No of Strike", required=False)
    i_aq, i_tal = _col(header, "Al-Qaeda", required=False), _col(header, "Taliban", required=False)
    i_wc = _col(header, "Women/Children", required=False)
    i_lat, i_lon = _col(header, "Latitude", required=False), _col(header, "Longitude", required=False)
    pairs = {
        "killed": ("Total Died Min", "Total Died Mix"),
        "civilians": ("Civilians Min", "Civilians Max"),
        "injured": ("Injured Min", "Injured Max"),
    }
    idx = {k: (_col(header, lo, required=False), _col(header, hi, required=False)) for k, (lo, hi) in pairs.items()}
    out: list[TrackerStrike] = []
    for values in reader:
        if _blank(values):
            continue
        ext_id, date_cell = clean(_cell(values, i_id)), clean(_cell(values, i_date))
        if ext_id is None and date_cell is None:
            continue  # the totals row: sums under the count columns, nothing else
        row = TrackerStrike(ext_id=ext_id, country="PK", raw=_raw(header, values))
        row.date = parse_date(date_cell)
        if row.date is None and date_cell:
            row.flags.append("date:unparsed")
        loc = clean(_cell(values, i_loc))
        loc = re.sub(r"\s*\(.*?\)\s*", " ", loc).strip() if loc else None
        _place_and_area(row, loc, _cell(values, i_city))
        row.admin1 = row.admin1 or admin1_name(_cell(values, i_prov), row.country)
        row.lat, row.lon = parse_lat_lon(_cell(values, i_lat), _cell(values, i_lon))
        strikes = parse_range(_cell(values, i_n))
        if strikes.min is None or strikes.min < 1:
            row.flags.append("n_strikes:missing")
            row.n_strikes = 1
        else:
            row.n_strikes = strikes.min
        for name, (lo, hi) in idx.items():
            _set_pair(row, name, _cell(values, lo), _cell(values, hi))
        aq, tal = parse_range(_cell(values, i_aq)), parse_range(_cell(values, i_tal))
        if aq.min is not None or tal.min is not None:
            row.militants_min = row.militants_max = (aq.min or 0) + (tal.min or 0)
        wc = clean(_cell(values, i_wc))
        if wc is not None and wc.upper() == "N":
            row.children_min = row.children_max = 0
        elif wc is not None and wc.upper() == "Y":
            row.flags.append("women_or_children")
        out.append(_finish(row))
    return out


# --------------------------------------------------------------------------------------------- generic mapped CSV


def parse_mapping(spec: str | Sequence[str] | None) -> dict[str, str]:
    """``"date=Date,killed_min=Min killed"`` (or several such strings) -> {"date": "Date", ...}."""
    if not spec:
        return {}
    items = [spec] if isinstance(spec, str) else list(spec)
    out: dict[str, str] = {}
    for item in items:
        for part in re.split(r",(?=\s*[A-Za-z_]+\s*=)", item):
            if not part.strip():
                continue
            if "=" not in part:
                raise UserError(f"bad --map entry {part!r}: expected FIELD=COLUMN")
            key, col = (s.strip() for s in part.split("=", 1))
            if key not in MAP_FIELDS:
                raise UserError(f"unknown --map field {key!r}; fields: {', '.join(MAP_FIELDS)}")
            if not col:
                raise UserError(f"--map {key}= needs a column name")
            out[key] = col
    return out


def read_mapped_csv(
    path: str | Path,
    mapping: dict[str, str] | None = None,
    *,
    date_order: DateOrder | None = None,
    delimiter: str | None = None,
    country: str | None = None,
) -> list[TrackerStrike]:
    """Any CSV: ``mapping`` says which column holds which field (see ``MAP_FIELDS``).

    Without a mapping, columns named like the fields (``date``, ``killed_min``, ...) are used. The delimiter is
    sniffed, the encoding is UTF-8 (BOM allowed) or latin-1, the header is the first row naming the date column,
    day/month order is inferred from the dates themselves unless given. Rows with neither a date nor an id
    (blank lines, totals) are skipped.
    """
    text = _read_text(path)
    mapping = dict(mapping or {})
    norm = lambda s: " ".join(str(s).lower().split())  # noqa: E731
    want = norm(mapping.get("date", "date"))
    # The delimiter is the one that splits some early row into cells naming the date column.
    found: tuple[list[list[str]], int] | None = None
    for delim in [delimiter] if delimiter else [",", ";", "\t", "|"]:
        rows = list(csv.reader(io.StringIO(text), delimiter=delim))
        header_idx = next((i for i, r in enumerate(rows[:50]) if want in {norm(c) for c in r}), None)
        if header_idx is not None:
            found = rows, header_idx
            break
    if found is None:
        raise UserError(f"{path}: no header row with a {want!r} column (use --map date=COLUMN)")
    rows, header_idx = found
    header = rows[header_idx]
    if not mapping:
        mapping = {f: h for h in header for f in MAP_FIELDS if norm(h) == f}
    for key, col in mapping.items():
        if _col(header, col, required=False) is None:
            raise UserError(f"{path}: column {col!r} (for {key}) not found; columns: {', '.join(header)}")
    idx = {key: _col(header, col) for key, col in mapping.items()}
    data = rows[header_idx + 1:]
    order = date_order or infer_date_order(_cell(v, idx.get("date")) for v in data)
    out: list[TrackerStrike] = []
    for values in data:
        if _blank(values) or norm(_cell(values, idx.get("date")) or "") == want:
            continue

        def get(key: str, values: Sequence[str] = values) -> Any:
            return _cell(values, idx.get(key))

        ext_id, date_cell = clean(get("ext_id")), clean(get("date"))
        if ext_id is None and date_cell is None:
            continue
        if (date_cell is None or parse_date(date_cell, order) is None) and any(
            re.match(r"(?i)^\s*(?:grand\s+)?(?:totals?|sum)\b", str(v or "")) for v in values
        ):
            continue  # a totals row
        row = TrackerStrike(ext_id=ext_id, raw=_raw(header, values))
        row.date = parse_date(date_cell, order)
        if row.date is None and date_cell:
            row.flags.append("date:unparsed")
        if "country" in idx:
            row.country = country_code(get("country"))
        row.country = row.country or (country_code(country) if country else None)
        if "location" in idx:
            c, row.admin1, row.admin2, row.place = split_location(get("location"))
            row.country = row.country or c
        if "area" in idx:
            a1, a2 = normalize_area(get("area"), row.country)
            row.admin1, row.admin2 = a1 or row.admin1, a2 or row.admin2
        for key in ("admin1", "admin2", "place"):
            if key in idx and clean(get(key)):
                setattr(row, key, clean(get(key)))
        if "admin2" in idx and row.admin2:
            a1, a2 = normalize_area(row.admin2, row.country)
            row.admin2 = a2
            row.admin1 = row.admin1 or a1
        if "admin1" in idx and row.admin1:
            row.admin1 = admin1_name(row.admin1, row.country) or row.admin1
        if "lat" in idx or "lon" in idx:
            row.lat, row.lon = parse_lat_lon(get("lat"), get("lon"))
        if "n_strikes" in idx:
            n = parse_range(get("n_strikes"))
            row.n_strikes = n.min if n.min and n.min > 0 else 1
        for name in TOLL_FIELDS:
            if name in idx:
                _set_range(row, name, get(name))
            if f"{name}_min" in idx or f"{name}_max" in idx:
                lo, hi = parse_range(get(f"{name}_min")), parse_range(get(f"{name}_max"))
                if f"{name}_min" in idx:
                    setattr(row, f"{name}_min", lo.min)
                    if lo.flag:
                        row.flags.append(f"{name}_min:{lo.flag}")
                if f"{name}_max" in idx:
                    setattr(row, f"{name}_max", hi.max if hi.max is not None else None)
                    if hi.flag:
                        row.flags.append(f"{name}_max:{hi.flag}")
        out.append(_finish(row))
    return out


# ----------------------------------------------------------------------------------------------------- dispatch


def detect_format(path: str | Path) -> str:
    """Guess a file's format from its extension and first lines."""
    p = Path(path)
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        return "tbij"
    head = _read_text(p)[:4096].lower()
    first = head.splitlines()[0] if head else ""
    if "strike id;country" in head or (first.count(";") > 5 and re.match(r"^[a-z]{1,3}\d+;", first)):
        return "tbij-all"
    if "total died mix" in head or "no of strike" in head:
        return "pbc"
    if first.startswith("strikes,date,village") or ("total_low" in first and "civilians_low" in first):
        return "newamerica"
    return "csv"


def read_dataset(
    path: str | Path,
    fmt: str | None = None,
    mapping: dict[str, str] | None = None,
    *,
    date_order: DateOrder | None = None,
) -> tuple[str, list[TrackerStrike]]:
    """Read a tracker file in ``fmt`` (guessed when None). Returns (format, rows)."""
    p = Path(path)
    if not p.is_file():
        raise UserError(f"no such file: {path}")
    fmt = fmt or ("csv" if mapping else detect_format(p))
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; one of: {', '.join(FORMATS)}")
    if mapping and fmt != "csv":
        raise UserError("--map is only for --format csv")
    if fmt == "tbij":
        rows = read_tbij_workbook(p)
    elif fmt == "tbij-all":
        rows = read_tbij_all(p)
    elif fmt == "newamerica":
        rows = read_newamerica(p)
    elif fmt == "pbc":
        rows = read_pbc(p)
    else:
        rows = read_mapped_csv(p, mapping, date_order=date_order)
    return fmt, rows
