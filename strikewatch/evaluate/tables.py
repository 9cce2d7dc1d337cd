"""Scores as tables: each cell a share with its n, so every figure says how many items it stands on.

A :class:`Report` is what ``strikewatch evaluate`` prints (as text or JSON): tables of aggregate figures, notes
(skipped items, data used) and, for development items only, the items read differently (``misses``). Test-split
items never enter ``misses``: their figures exist only as aggregates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Rate:
    """``hits`` out of ``n`` items."""

    hits: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.hits += int(ok)

    @property
    def share(self) -> float | None:
        return self.hits / self.n if self.n else None

    def cell(self) -> str:
        return f"{self.hits / self.n:.3f} ({self.hits}/{self.n})" if self.n else "– (n=0)"

    def to_dict(self) -> dict[str, Any]:
        share = self.share
        return {"share": None if share is None else round(share, 3), "hits": self.hits, "n": self.n}


Cell = Rate | str | int


@dataclass(slots=True)
class Table:
    """One table: a row per measure, a column per group (area, extractor)."""

    title: str
    columns: list[str]
    rows: list[tuple[str, list[Cell]]] = field(default_factory=list)
    key: str = "measure"  # what the first column names

    def add(self, measure: str, *cells: Cell) -> None:
        if len(cells) != len(self.columns):
            raise ValueError(f"{measure}: {len(cells)} cells for {len(self.columns)} columns")
        self.rows.append((measure, list(cells)))

    def to_dict(self) -> dict[str, Any]:
        rows = [{self.key: m, **{c: _json(v) for c, v in zip(self.columns, cells, strict=True)}}
                for m, cells in self.rows]
        return {"title": self.title, "rows": rows}


@dataclass(slots=True)
class Report:
    """What one ``evaluate --set ... --split ...`` run found."""

    set: str
    split: str
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)  # development items only, never test items

    def to_dict(self, *, misses: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"set": self.set, "split": self.split, "tables": [t.to_dict() for t in self.tables],
                               "notes": list(self.notes)}
        if misses:
            out["misses"] = list(self.misses)
        return out


def _json(value: Cell) -> Any:
    return value.to_dict() if isinstance(value, Rate) else value


def cell_text(value: Cell) -> str:
    return value.cell() if isinstance(value, Rate) else str(value)
