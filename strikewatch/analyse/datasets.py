"""Named tracker datasets in the database (``datasets`` + ``dataset_strikes``), and our own strike records.

``import_dataset`` reads a file with one of the readers and stores it under a name; importing the same name again
replaces the old rows in the same transaction (readers never see a half-imported dataset). ``load_rows`` gives
any dataset as ``TrackerStrike`` rows; the name ``own`` means strikewatch's own records (active rows of the
``strikes`` table).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select

from strikewatch.analyse.parse import DateOrder
from strikewatch.analyse.readers import read_dataset
from strikewatch.analyse.records import TrackerStrike
from strikewatch.db.engine import session_scope
from strikewatch.db.tables import Dataset, DatasetStrike, Strike
from strikewatch.errors import UserError
from strikewatch.model import TRACKED_COUNT_FIELDS, count_columns, place_names

OWN = "own"
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,127}$")
_COLUMNS = ("ext_id", "date", *place_names(event=False), "n_strikes", *count_columns(TRACKED_COUNT_FIELDS))


@dataclass(slots=True)
class DatasetInfo:
    name: str
    format: str
    source_file: str
    sha256: str
    n_rows: int
    n_strikes: int
    first: dt.date | None
    last: dt.date | None
    imported_at: dt.datetime | None
    flags: dict[str, int] | None = None  # at import: how many rows carry each flag (see readers)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "format": self.format,
            "source_file": self.source_file,
            "sha256": self.sha256,
            "rows": self.n_rows,
            "strikes": self.n_strikes,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "imported_at": self.imported_at.isoformat() if self.imported_at else None,
            **({"flags": self.flags} if self.flags is not None else {}),
        }


CREDITS: dict[str, str] = {
    "tbij": "The Bureau of Investigative Journalism (TBIJ)",
    "tbij-all": "The Bureau of Investigative Journalism (TBIJ)",
    "newamerica": "New America",
    "pbc": "Pakistan Body Count",
    "csv": "imported CSV",
    OWN: "strikewatch records built from news reports",
}


def credit(engine: Engine, name: str | None) -> str:
    """Who compiled dataset ``name`` (plots and tables credit them)."""
    if name is None or name == OWN:
        return CREDITS[OWN]
    with session_scope(engine) as s:
        fmt = s.scalar(select(Dataset.format).where(Dataset.name == name))
    return f"{CREDITS.get(fmt or 'csv', 'imported CSV')} (dataset {name!r})"


def check_name(name: str) -> str:
    if name == OWN:
        raise UserError(f"{OWN!r} is reserved for strikewatch's own records; choose another name")
    if not _NAME_RE.match(name):
        raise UserError(f"bad dataset name {name!r}: letters, digits, '_', '-', '.'; at most 128 characters")
    return name


def import_dataset(
    engine: Engine,
    path: str | Path,
    name: str,
    fmt: str | None = None,
    mapping: dict[str, str] | None = None,
    date_order: DateOrder | None = None,
) -> DatasetInfo:
    """Read ``path`` and store it as dataset ``name``, replacing any dataset of that name, in one transaction."""
    check_name(name)
    p = Path(path)
    fmt, rows = read_dataset(p, fmt, mapping, date_order=date_order)
    if not rows:
        raise UserError(f"{path}: no strike rows found (wrong --format or --map?)")
    sha = hashlib.sha256(p.read_bytes()).hexdigest()
    now = dt.datetime.now(dt.UTC)
    with session_scope(engine) as s:
        old = s.scalar(select(Dataset.id).where(Dataset.name == name))
        if old is not None:
            s.execute(delete(DatasetStrike).where(DatasetStrike.dataset_id == old))
            s.execute(delete(Dataset).where(Dataset.id == old))
            s.flush()
        ds = Dataset(name=name, format=fmt, source_file=str(p), sha256=sha, n_rows=len(rows), imported_at=now)
        s.add(ds)
        s.flush()
        payload = []
        for r in rows:
            d: dict[str, Any] = {c: getattr(r, c) for c in _COLUMNS}
            d["dataset_id"] = ds.id
            d["ext_id"] = r.ext_id[:64] if r.ext_id else None
            for key, size in (("admin1", 128), ("admin2", 128), ("place", 256)):
                if d[key] is not None:
                    d[key] = d[key][:size]
            raw = dict(r.raw)
            if r.flags:
                raw["_flags"] = list(r.flags)
            d["raw"] = raw
            payload.append(d)
        s.execute(insert(DatasetStrike), payload)
    info = _info(engine, name)
    counts: dict[str, int] = {}
    for r in rows:
        for f in r.flags:
            counts[f] = counts.get(f, 0) + 1
    info.flags = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return info


def remove_dataset(engine: Engine, name: str) -> None:
    with session_scope(engine) as s:
        old = s.scalar(select(Dataset.id).where(Dataset.name == name))
        if old is None:
            raise UserError(f"no dataset named {name!r}")
        s.execute(delete(DatasetStrike).where(DatasetStrike.dataset_id == old))
        s.execute(delete(Dataset).where(Dataset.id == old))


def _info(engine: Engine, name: str) -> DatasetInfo:
    for info in list_datasets(engine):
        if info.name == name:
            return info
    raise UserError(f"no dataset named {name!r}")


def list_datasets(engine: Engine) -> list[DatasetInfo]:
    """Every imported dataset with its row and strike counts and date span, by name."""
    with session_scope(engine) as s:
        stats = {
            ds_id: (n, n_strikes, first, last)
            for ds_id, n, n_strikes, first, last in s.execute(
                select(
                    DatasetStrike.dataset_id,
                    func.count(),
                    func.sum(DatasetStrike.n_strikes),
                    func.min(DatasetStrike.date),
                    func.max(DatasetStrike.date),
                ).group_by(DatasetStrike.dataset_id)
            )
        }
        out = []
        for ds in s.scalars(select(Dataset).order_by(Dataset.name)):
            n, n_strikes, first, last = stats.get(ds.id, (0, 0, None, None))
            out.append(
                DatasetInfo(
                    name=ds.name,
                    format=ds.format,
                    source_file=ds.source_file,
                    sha256=ds.sha256,
                    n_rows=int(n),
                    n_strikes=int(n_strikes or 0),
                    first=first,
                    last=last,
                    imported_at=ds.imported_at,
                )
            )
    return out


def dataset_names(engine: Engine) -> list[str]:
    with session_scope(engine) as s:
        return list(s.scalars(select(Dataset.name).order_by(Dataset.name)))


def load_rows(engine: Engine, name: str | None = None) -> list[TrackerStrike]:
    """Rows of dataset ``name`` sorted by date (undated last); ``None`` or ``"own"`` = our active strike records."""
    if name is None or name == OWN:
        return load_own(engine)
    with session_scope(engine) as s:
        ds_id = s.scalar(select(Dataset.id).where(Dataset.name == name))
        if ds_id is None:
            known = ", ".join([OWN, *dataset_names(engine)])
            raise UserError(f"no dataset named {name!r} (known: {known}; import with `strikewatch dataset import`)")
        cols = [getattr(DatasetStrike, c) for c in _COLUMNS]
        rows = []
        for rec in s.execute(select(*cols, DatasetStrike.raw).where(DatasetStrike.dataset_id == ds_id)):
            vals = dict(zip(_COLUMNS, rec[:-1], strict=True))
            raw = dict(rec[-1] or {})
            flags = list(raw.pop("_flags", []) or [])
            vals["n_strikes"] = vals["n_strikes"] or 1
            rows.append(TrackerStrike(**vals, raw=raw, flags=flags))
    return sort_rows(rows)


def load_own(engine: Engine) -> list[TrackerStrike]:
    """strikewatch's own strike records (status ``active``) as tracker rows; ``ext_id`` is the strike id."""
    with session_scope(engine) as s:
        out = []
        for st in s.scalars(select(Strike).where(Strike.status == "active")):
            row = TrackerStrike(
                ext_id=str(st.id),
                date=st.date,
                country=st.country,
                admin1=st.admin1,
                admin2=st.admin2,
                place=st.place,
                lat=st.lat,
                lon=st.lon,
                raw={"date_precision": st.date_precision, "grade": st.grade, "n_sources": st.n_sources},
            )
            for c in _COLUMNS[9:]:
                setattr(row, c, getattr(st, c))
            if st.date_precision in ("month", "year"):
                row.flags.append(f"date:{st.date_precision}")
            out.append(row)
    return sort_rows(out)


def sort_rows(rows: list[TrackerStrike]) -> list[TrackerStrike]:
    return sorted(rows, key=lambda r: (r.date is None, r.date or dt.date.min, r.ext_id or ""))
