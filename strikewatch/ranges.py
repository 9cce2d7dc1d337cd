"""``Range``: a count given as a (min, max) pair, either bound possibly unstated — the one range type.

A casualty figure is rarely one number: "at least 7" is ``Range(7, None)``, "up to 8" is ``Range(None, 8)``,
"7 to 12" is ``Range(7, 12)``, "5" is ``Range(5, 5)``, nothing said is ``Range(None, None)``. ``None`` means the
text (or the tracker) states no such bound; it is never a guess. Every place that combines or shows ranges
(merge records, matching, tracker comparison, the CLI, the web pages) uses these operations; the stored and JSON
form stays the flat ``<name>_min`` / ``<name>_max`` pair (:meth:`Range.of`, :meth:`Range.fields`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Range:
    min: int | None = None
    max: int | None = None

    # --- building ---------------------------------------------------------------------------------------------

    @classmethod
    def exact(cls, n: int) -> Range:
        return cls(n, n)

    @classmethod
    def of(cls, obj: Any, name: str) -> Range:
        """The ``name_min``/``name_max`` pair of a record, row or mapping (``Range.of(event, "killed")``)."""
        if isinstance(obj, Mapping):
            return cls(obj.get(f"{name}_min"), obj.get(f"{name}_max"))
        return cls(getattr(obj, f"{name}_min"), getattr(obj, f"{name}_max"))

    def fields(self, name: str) -> dict[str, int | None]:
        """``{"killed_min": .., "killed_max": ..}``: the flat form the tables, JSON and CSV use."""
        return {f"{name}_min": self.min, f"{name}_max": self.max}

    # --- questions --------------------------------------------------------------------------------------------

    @property
    def known(self) -> bool:
        """Some bound is stated."""
        return self.min is not None or self.max is not None

    @property
    def open(self) -> bool:
        """Exactly one bound is stated ("at least 7", "up to 8")."""
        return (self.min is None) != (self.max is None)

    @property
    def figures(self) -> tuple[int, ...]:
        """The numbers stated, low first."""
        return tuple(v for v in (self.min, self.max) if v is not None)

    def closed(self) -> Range:
        """An open range read as its one stated figure at both ends ("at least 7" as 7–7); unknown stays unknown."""
        lo = self.min if self.min is not None else self.max
        hi = self.max if self.max is not None else self.min
        return Range(lo, hi)

    # --- combining --------------------------------------------------------------------------------------------

    def widen(self, other: Range) -> Range:
        """The smallest range holding both: the lowest stated minimum and the highest stated maximum."""
        return Range(_pick(min, self.min, other.min), _pick(max, self.max, other.max))

    def intersect(self, other: Range) -> Range | None:
        """What both ranges allow (an unstated bound allows anything); None when they exclude each other."""
        lo, hi = _pick(max, self.min, other.min), _pick(min, self.max, other.max)
        if lo is not None and hi is not None and lo > hi:
            return None
        return Range(lo, hi)

    def gap(self, other: Range) -> int | None:
        """How far apart two ranges are, each closed first (0 when they overlap); None when either is unknown."""
        a, b = self.closed(), other.closed()
        if a.min is None or a.max is None or b.min is None or b.max is None:
            return None
        return max(0, b.min - a.max, a.min - b.max)

    @classmethod
    def spanning(cls, ranges: Iterable[Range]) -> Range:
        """A record's range over several reports: the lowest stated minimum and the highest figure stated — open
        when no report states a maximum at all.

        "at least 5", "up to 8", "3 to 6" -> 3–8; "at least 7" and "5" -> 5–7 (the figures said);
        "at least 7" alone, or "at least 7" and "at least 9" -> "≥ 7" (not 7: nobody said at most 7);
        "up to 8" alone -> "≤ 8". The record never closes a range that every source left open.
        """
        rs = list(ranges)
        mins = [r.min for r in rs if r.min is not None]
        figures = [v for r in rs for v in r.figures]
        if not figures:
            return cls(None, None)
        capped = any(r.max is not None for r in rs)
        return cls(min(mins) if mins else None, max(figures) if capped else None)

    # --- showing ----------------------------------------------------------------------------------------------

    def display(self, unknown: str = "unknown") -> str:
        """``"7"``, ``"7–12"``, ``"≥ 7"``, ``"≤ 8"``, or ``unknown`` when nothing is stated."""
        if self.min is None and self.max is None:
            return unknown
        if self.min is None:
            return f"≤ {self.max}"
        if self.max is None:
            return f"≥ {self.min}"
        return str(self.min) if self.min == self.max else f"{self.min}–{self.max}"

    def __str__(self) -> str:
        return self.display()


def _pick(fn: Any, a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return int(fn(a, b))
