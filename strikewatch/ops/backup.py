"""Portable backups: every table, raw article bytes included, as versioned gzip JSON lines.

File layout (one JSON document per line, gzip-compressed)::

    {"format": "strikewatch-backup", "version": 1, "created_at": ..., "dialect": ..., "schema": [...],
     "tables": {"raw_blobs": [["sha256", "str"], ["size", "int"], ["data", "bytes"], ...], ...}}
    {"table": "raw_blobs"}
    ["<sha256>", 1234, "<base64>", "2014-06-12T08:00:00+00:00"]      one row per line, columns as in the header
    ...
    {"end": "raw_blobs", "rows": 2}
    ... every table, parents before children ...
    {"end_of_backup": true, "counts": {"raw_blobs": 2, ...}}

Values are JSON by column kind: ``bytes`` base64, ``date`` ``YYYY-MM-DD``, ``datetime`` ISO 8601 with its UTC
offset, ``json`` the value itself, everything else as is. The header names each column's kind, so the file reads
without strikewatch; the trailer makes a truncated file detectable. ``restore`` loads a file into an empty
database in one transaction (all or nothing), whatever backend wrote it: SQLite to PostgreSQL and back.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Engine,
    Float,
    Integer,
    LargeBinary,
    Table,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from strikewatch import __version__
from strikewatch.db.tables import Base
from strikewatch.errors import UserError

FORMAT = "strikewatch-backup"
VERSION = 1
BATCH_ROWS = 500
BATCH_BYTES = 16 * 1024 * 1024


@dataclass(slots=True)
class BackupSummary:
    counts: dict[str, int] = field(default_factory=dict)
    bytes: int = 0


def tables() -> list[Table]:
    """Every table of the schema, parents before children."""
    return list(Base.metadata.sorted_tables)


def kind(col: Column[Any]) -> str:
    t = col.type
    if isinstance(t, LargeBinary):
        return "bytes"
    if isinstance(t, DateTime):
        return "datetime"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, JSON):
        return "json"
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, Integer):
        return "int"
    if isinstance(t, Float):
        return "float"
    return "str"


def encode(k: str, v: Any) -> Any:
    """A column value as JSON."""
    if v is None:
        return None
    if k == "bytes":
        return base64.b64encode(bytes(v)).decode("ascii")
    if k == "datetime":
        if v.tzinfo is None:  # SQLite keeps no offset; strikewatch writes UTC
            v = v.replace(tzinfo=dt.UTC)
        return v.astimezone(dt.UTC).isoformat()
    if k == "date":
        return v.isoformat()
    if k == "bool":
        return bool(v)
    return v


def decode(k: str, v: Any) -> Any:
    """A JSON value back to its column's Python type (raises ValueError/TypeError on a bad value)."""
    if v is None:
        return None
    if k == "bytes":
        return base64.b64decode(v, validate=True)
    if k == "datetime":
        return dt.datetime.fromisoformat(v)
    if k == "date":
        return dt.date.fromisoformat(v)
    if k == "bool":
        if not isinstance(v, bool):
            raise TypeError(f"expected true/false, got {v!r}")
        return v
    if k == "int":
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError(f"expected an integer, got {v!r}")
        return v
    if k == "float":
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise TypeError(f"expected a number, got {v!r}")
        return float(v)
    if k == "str" and not isinstance(v, str):
        raise TypeError(f"expected a string, got {v!r}")
    return v


def _pk_order(tbl: Table) -> list[Column[Any]]:
    return list(tbl.primary_key.columns) or list(tbl.columns)


def iter_rows(conn: Connection, tbl: Table) -> Iterator[list[Any]]:
    """A table's rows in primary-key order, each as its JSON values (the backup's row lines)."""
    cols = list(tbl.columns)
    kinds = [kind(c) for c in cols]
    stmt = select(*cols).order_by(*_pk_order(tbl))
    for row in conn.execution_options(stream_results=True, yield_per=200).execute(stmt):
        yield [encode(k, v) for k, v in zip(kinds, row, strict=True)]


def _snapshot(conn: Connection) -> Connection:
    """One consistent read snapshot for the whole backup."""
    if conn.dialect.name == "postgresql":
        return conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    conn.exec_driver_sql("BEGIN")  # SQLite: a read transaction pins one WAL snapshot
    return conn


def _schema_heads(conn: Connection) -> list[str]:
    try:
        return sorted(r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version")))
    except Exception:
        return []


def _line(out: IO[bytes] | gzip.GzipFile, obj: Any) -> None:
    out.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    out.write(b"\n")


def backup(engine: Engine, path: Path, *, overwrite: bool = False) -> BackupSummary:
    """Write every table to ``path`` (gzip JSON lines). Written to a temporary file first, then renamed: an
    interrupted backup never leaves a partial file under ``path``."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise UserError(f"{path} exists; choose another name or use --force to overwrite it")
    if path.exists() and path.is_dir():
        raise UserError(f"{path} is a folder")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UserError(f"folder {parent} does not exist")
    summary = BackupSummary()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as out:
            with engine.connect() as conn0:
                conn = _snapshot(conn0)
                header = {
                    "format": FORMAT, "version": VERSION, "created_at": dt.datetime.now(dt.UTC).isoformat(),
                    "strikewatch": __version__, "dialect": conn.dialect.name, "schema": _schema_heads(conn),
                    "tables": {t.name: [[c.name, kind(c)] for c in t.columns] for t in tables()},
                }
                _line(out, header)
                for tbl in tables():
                    _line(out, {"table": tbl.name})
                    n = 0
                    for row in iter_rows(conn, tbl):
                        _line(out, row)
                        n += 1
                    _line(out, {"end": tbl.name, "rows": n})
                    summary.counts[tbl.name] = n
                conn.rollback()
            _line(out, {"end_of_backup": True, "counts": summary.counts})
            out.flush()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    summary.bytes = path.stat().st_size
    return summary


# --- restore ---------------------------------------------------------------------------------------------------


class _Reader:
    """Lines of a backup file as JSON, with errors turned into one clear line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lineno = 0
        try:
            self.fh = gzip.open(path, "rb")  # noqa: SIM115 (closed by close())
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None

    def next(self) -> Any:
        try:
            line = self.fh.readline()
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise UserError(f"{self.path} is not a readable strikewatch backup ({exc})") from None
        self.lineno += 1
        if not line:
            raise UserError(f"{self.path} is truncated (it ends at line {self.lineno - 1} without its trailer)")
        try:
            return json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise UserError(f"{self.path} line {self.lineno}: not JSON ({exc})") from None

    def close(self) -> None:
        self.fh.close()


def row_counts(conn: Connection) -> dict[str, int]:
    return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one()) for t in tables()}


def _self_refs(tbl: Table) -> list[str]:
    """Columns of ``tbl`` that reference ``tbl`` itself (filled after all its rows are in)."""
    return [c.name for c in tbl.columns for fk in c.foreign_keys if fk.column.table is tbl]


def _reset_sequences(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        return
    for tbl in tables():
        pk = list(tbl.primary_key.columns)
        if len(pk) == 1 and isinstance(pk[0].type, Integer) and pk[0].autoincrement in (True, "auto"):
            seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                               {"t": tbl.name, "c": pk[0].name}).scalar()
            if seq:
                conn.execute(text(f"SELECT setval(:s, COALESCE((SELECT MAX({pk[0].name}) FROM {tbl.name}), 0) + 1, "
                                  "false)"), {"s": seq})


def restore(engine: Engine, path: Path, *, force: bool = False) -> BackupSummary:
    """Load a backup into the database at ``engine``: refused unless the database is empty (``force``: replace
    everything). One transaction: a failure or a crash leaves the database as it was."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"no backup file {path}")
    reader = _Reader(path)
    try:
        header = reader.next()
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise UserError(f"{path} is not a strikewatch backup")
        version = header.get("version")
        if not isinstance(version, int) or version > VERSION:
            raise UserError(f"{path} is backup format version {version}; this strikewatch reads up to {VERSION}")
        declared = header.get("tables")
        if not isinstance(declared, dict):
            raise UserError(f"{path}: header has no table list")
        ours = {t.name: t for t in tables()}
        for name, cols in declared.items():
            if name not in ours:
                raise UserError(f"{path} holds table {name!r}, which this strikewatch does not know (newer backup?)")
            unknown = [c for c, _ in cols if c not in ours[name].c]
            if unknown:
                raise UserError(f"{path}: table {name} has unknown column(s) {', '.join(unknown)} (newer backup?)")
        try:
            summary = _restore_into(engine, reader, declared, ours, path, force)
        except SQLAlchemyError as exc:
            msg = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise UserError(f"restore failed, nothing was changed: {msg}") from None
    finally:
        reader.close()
    summary.bytes = path.stat().st_size
    return summary


def _restore_into(engine: Engine, reader: _Reader, declared: dict[str, Any], ours: dict[str, Table], path: Path,
              force: bool) -> BackupSummary:
    with engine.begin() as conn:
        present = {k: v for k, v in row_counts(conn).items() if v}
        if present and not force:
            shown = ", ".join(f"{v} {k}" for k, v in present.items())
            raise UserError(f"the database is not empty ({shown}); restore into an empty database, or use "
                            "--force to replace everything in it")
        if present:
            for tbl in reversed(tables()):
                conn.execute(tbl.delete())
        summary = _load(conn, reader, declared, ours, path)
        _reset_sequences(conn)
        got = row_counts(conn)
        if {k: got.get(k, 0) for k in summary.counts} != summary.counts:
            raise UserError(f"{path}: restored row counts differ from the backup's ({got} vs {summary.counts})")
    return summary


def _load(conn: Connection, reader: _Reader, declared: dict[str, Any], ours: dict[str, Table],
          path: Path) -> BackupSummary:
    summary = BackupSummary()
    while True:
        marker = reader.next()
        if isinstance(marker, dict) and marker.get("end_of_backup"):
            if marker.get("counts") != summary.counts:
                raise UserError(f"{path}: trailer counts {marker.get('counts')} differ from the rows read")
            return summary
        if not isinstance(marker, dict) or marker.get("table") not in declared:
            raise UserError(f"{path} line {reader.lineno}: expected a table marker")
        name = marker["table"]
        tbl = ours[name]
        cols = [c for c, _ in declared[name]]
        kinds = [k for _, k in declared[name]]
        later = [c for c in _self_refs(tbl) if c in cols]
        fixups: list[dict[str, Any]] = []
        batch: list[dict[str, Any]] = []
        size = 0
        n = 0
        while True:
            item = reader.next()
            if isinstance(item, dict):
                if item.get("end") != name or item.get("rows") != n:
                    raise UserError(f"{path} line {reader.lineno}: table {name} does not end where it should")
                break
            if not isinstance(item, list) or len(item) != len(cols):
                raise UserError(f"{path} line {reader.lineno}: a {name} row needs {len(cols)} values")
            try:
                row = {c: decode(k, v) for c, k, v in zip(cols, kinds, item, strict=True)}
            except (ValueError, TypeError) as exc:
                raise UserError(f"{path} line {reader.lineno}: bad value in {name}: {exc}") from None
            for c in later:
                if row[c] is not None:
                    fixups.append({"pk": {p.name: row[p.name] for p in tbl.primary_key.columns}, c: row[c]})
                    row[c] = None
            batch.append(row)
            size += sum(len(v) for v in row.values() if isinstance(v, bytes | str))
            n += 1
            if len(batch) >= BATCH_ROWS or size >= BATCH_BYTES:
                conn.execute(insert(tbl), batch)
                batch, size = [], 0
        if batch:
            conn.execute(insert(tbl), batch)
        for fx in fixups:
            pk = fx.pop("pk")
            cond = [tbl.c[k] == v for k, v in pk.items()]
            conn.execute(update(tbl).where(*cond).values(**fx))
        summary.counts[name] = n
