"""Rendering analysis rows as CSV, JSON or a Rich table (one place for all analyse commands)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

FORMATS: tuple[str, ...] = ("table", "csv", "json")


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    cols = list(columns or (rows[0].keys() if rows else []))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: "" if r.get(k) is None else r.get(k) for k in cols})
    return buf.getvalue()


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, bool):
        return "yes" if v else ""
    if isinstance(v, float):
        return f"{v:.1%}" if 0 <= v <= 1 and v != int(v) else f"{v:g}"
    return str(v)


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None, title: str | None = None,
          headers: dict[str, str] | None = None) -> Any:
    """A Rich Table of ``rows`` (print it with a Console)."""
    from rich.table import Table

    cols = list(columns or (rows[0].keys() if rows else []))
    t = Table(title=title, title_justify="left", show_lines=False)
    for c in cols:
        numeric = any(isinstance(r.get(c), int | float) and not isinstance(r.get(c), bool) for r in rows)
        short = all(len(_fmt(r.get(c))) <= 12 for r in rows)  # dates, numbers, ranges: never wrapped
        t.add_column((headers or {}).get(c, c), justify="right" if numeric else "left", overflow="fold",
                     no_wrap=short)
    for r in rows:
        t.add_row(*(_fmt(r.get(c)) for c in cols))
    return t


def range_text(lo: int | None, hi: int | None) -> str:
    """"3–8", "5", "≥3", "≤4" or "–" for a min–max pair."""
    if lo is None and hi is None:
        return "–"
    if hi is None:
        return f"≥{lo}"
    if lo is None:
        return f"≤{hi}"
    return str(lo) if lo == hi else f"{lo}–{hi}"
