"""Rendering analysis rows as CSV, JSON or a Rich table (one place for all analyse commands)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from strikewatch.export import csv_safe
from strikewatch.ranges import Range

FORMATS: tuple[str, ...] = ("table", "csv", "json")


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    cols = list(columns or (rows[0].keys() if rows else []))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: "" if r.get(k) is None else csv_safe(r.get(k)) for k in cols})
    return buf.getvalue()


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, bool):
        return "yes" if v else ""
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None, title: str | None = None,
          headers: dict[str, str] | None = None) -> Any:
    """A Rich Table of ``rows`` (print it with a Console)."""
    from rich.table import Table

    cols = list(columns or (rows[0].keys() if rows else []))
    t = Table(title=title, title_justify="left", show_lines=False)
    for c in cols:
        numeric = any(isinstance(r.get(c), int | float) and not isinstance(r.get(c), bool) for r in rows)
        label = (headers or {}).get(c, c)
        width = max((len(_fmt(r.get(c))) for r in rows), default=1)
        short = width <= 12  # dates, numbers, ranges: never wrapped or squeezed; long text wraps
        t.add_column(label, justify="right" if numeric else "left", overflow="fold", no_wrap=short,
                     min_width=max(width, min(len(label), 14)) if short else min(max(width, len(label)), 24))
    for r in rows:
        t.add_row(*(_fmt(r.get(c)) for c in cols))
    return t


def show(console: Any, renderable: Any) -> None:
    """Print a table at its natural width even when the terminal (or a pipe's 80 columns) is narrower, rather
    than cropping columns away."""
    need = console.measure(renderable, options=console.options.update(max_width=1000)).maximum
    if need <= console.width:
        console.print(renderable)
        return
    from rich.console import Console

    wide = Console(file=console.file, width=need, highlight=False, color_system=console.color_system,
                   force_terminal=console.is_terminal)
    wide.print(renderable)


def range_text(lo: int | None, hi: int | None) -> str:
    """"3–8", "5", "≥ 3", "≤ 4" or "–" for a min–max pair (:meth:`strikewatch.ranges.Range.display`)."""
    return Range(lo, hi).display(unknown="–")
