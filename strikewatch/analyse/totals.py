"""Strike counts and min–max toll sums per year, month, agency, province, country or US administration.

Sums of minimums treat an unknown minimum as 0 (still a valid lower bound); sums of maximums are over the rows
whose maximum is known, and ``unknown_killed_max`` says how many rows were left out, so a reader can see when the
upper bound is incomplete. A sum is None when no row gives that count at all (TBIJ has no militant counts).
The civilian share is given at both ends, civilians_min / killed_min and civilians_max / killed_max, summed over
the rows that give both the civilian range and the killed range (rows with unknown civilians are left out rather
than counted as none); the same for children. ``civilian_share_rows`` / ``child_share_rows`` say over how many
records each share is computed, so a share of 3 records is not read as a share of 300.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from strikewatch.analyse.admins import ADMINISTRATIONS, administration
from strikewatch.analyse.records import TrackerStrike
from strikewatch.model import TRACKED_COUNT_FIELDS
from strikewatch.schema import count_ok

By = Literal["year", "month", "agency", "admin1", "country", "administration"]
BY_CHOICES: tuple[str, ...] = ("year", "month", "agency", "admin1", "country", "administration")
UNKNOWN = "(unknown)"
SHARED = ("civilians", "children")  # parts of the killed: their share of it is given
# every count trackers carry: killed, its parts, then the rest in strikewatch.model's order
SUMMED = ("killed", *SHARED, *(n for n in TRACKED_COUNT_FIELDS if n not in ("killed", *SHARED)))


def _bounded(pair: tuple[int | None, int | None]) -> tuple[int | None, int | None]:
    """A toll as summed: a figure that is no count (over ``schema.MAX_COUNT``, negative: a damaged or foreign
    database) is unknown, so no total can run away or overflow a 64-bit column downstream."""
    lo, hi = pair
    return (lo if lo is None or count_ok(lo) else None, hi if hi is None or count_ok(hi) else None)


@dataclass(slots=True)
class Total:
    key: str
    rows: int = 0
    strikes: int = 0
    sums: dict[str, list[int]] = field(default_factory=lambda: {n: [0, 0] for n in SUMMED})
    unknown_max: dict[str, int] = field(default_factory=lambda: {n: 0 for n in SUMMED})
    known: dict[str, int] = field(default_factory=lambda: {n: 0 for n in SUMMED})  # rows with min or max known
    # for the shares: [part min, part max, killed min, killed max] over rows that give both the part and killed
    share_sums: dict[str, list[int]] = field(default_factory=lambda: {n: [0, 0, 0, 0] for n in SHARED})
    share_rows: dict[str, int] = field(default_factory=lambda: {n: 0 for n in SHARED})  # rows each share is over

    def add(self, r: TrackerStrike) -> None:
        self.rows += 1
        self.strikes += r.n_strikes
        for name in SUMMED:
            lo, hi = _bounded(r.toll(name))
            if lo is not None or hi is not None:
                self.known[name] += 1
            if lo is not None:
                self.sums[name][0] += lo
            if hi is not None:
                self.sums[name][1] += hi
            else:
                self.unknown_max[name] += 1
        k_lo, k_hi = _bounded(r.toll("killed"))
        if k_lo is not None and k_hi is not None:
            for name in SHARED:
                lo, hi = _bounded(r.toll(name))
                if lo is not None and hi is not None:
                    acc = self.share_sums[name]
                    acc[0] += lo
                    acc[1] += hi
                    acc[2] += k_lo
                    acc[3] += k_hi
                    self.share_rows[name] += 1

    @staticmethod
    def _share(part: int, whole: int) -> float | None:
        return round(part / whole, 4) if whole else None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"key": self.key, "strikes": self.strikes, "rows": self.rows}
        for name in SUMMED:
            # None when no row gave this count at all (e.g. TBIJ has no militant counts)
            d[f"{name}_min"], d[f"{name}_max"] = self.sums[name] if self.known[name] else (None, None)
        d["unknown_killed_max"] = self.unknown_max["killed"]
        for part, label in (("civilians", "civilian"), ("children", "child")):
            p_lo, p_hi, k_lo, k_hi = self.share_sums[part]
            d[f"{label}_share_min"] = self._share(p_lo, k_lo)
            d[f"{label}_share_max"] = self._share(p_hi, k_hi)
            d[f"{label}_share_rows"] = self.share_rows[part]  # the records the share is computed over
        return d


def _key_fn(by: str) -> Callable[[TrackerStrike], str]:
    if by == "year":
        return lambda r: str(r.date.year) if r.date else UNKNOWN
    if by == "month":
        return lambda r: r.date.strftime("%Y-%m") if r.date else UNKNOWN
    if by == "agency":
        return lambda r: r.admin2 or UNKNOWN
    if by == "admin1":
        return lambda r: r.admin1 or UNKNOWN
    if by == "country":
        return lambda r: r.country or UNKNOWN
    if by == "administration":
        return lambda r: administration(r.date) or UNKNOWN
    raise ValueError(f"unknown grouping {by!r}")


def totals(rows: Iterable[TrackerStrike], by: str = "year") -> tuple[list[Total], Total]:
    """Per-group totals and the grand total. Groups are in time order (administrations in office order) or,
    for places, by number of strikes; unknown last."""
    key = _key_fn(by)
    groups: dict[str, Total] = {}
    grand = Total("total")
    for r in rows:
        k = key(r)
        groups.setdefault(k, Total(k)).add(r)
        grand.add(r)
    out = list(groups.values())
    if by in ("year", "month"):
        out.sort(key=lambda t: (t.key == UNKNOWN, t.key))
    elif by == "administration":
        order = {name: i for i, (name, _s, _e) in enumerate(ADMINISTRATIONS)}
        out.sort(key=lambda t: order.get(t.key, len(order)))
    else:
        out.sort(key=lambda t: (t.key == UNKNOWN, -t.strikes, t.key))
    return out, grand
