"""Comparing strike trackers: which strikes both list, which only one has, where their tolls disagree.

Matching rule (also in docs/analysis.md): two rows can match when both are dated and their dates differ by at
most ``max_days`` (1), their countries do not differ, and their agencies (admin2) do not differ (an unknown
agency is compatible with any, and a Frontier Region with its district: "FR Bannu" / "Bannu"). Among candidates
the assignment is one-to-one and minimises the total cost

    cost = |date difference in days| + 0.5 * (1 - place similarity) + 0.25 * (agency unknown on a side)
           + 0.25 * min(|killed_max difference|, 20) / 20

solved exactly within each block of rows linked by candidate pairs: most blocks are a handful of rows, solved by
dynamic programming over subsets (most matches first, then least cost); a block with more than ``DP_LIMIT`` rows
on both sides goes to the Hungarian algorithm (``scipy.optimize.linear_sum_assignment``, imported only then).
A row that stands for several strikes (``n_strikes`` > 1, Pakistan Body Count) can match up to that many rows of
the other side.

A matched pair's tolls **disagree** when the killed ranges [min, max] are more than ``threshold`` people apart
(overlapping ranges agree). Unknown tolls are never a disagreement.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from strikewatch.analyse.places import same_admin2
from strikewatch.analyse.records import TrackerStrike
from strikewatch.ranges import Range

INFEASIBLE = 1e6
DP_LIMIT = 8


def assign(matrix: list[list[float]]) -> list[tuple[int, int]]:
    """Pairs (row, column) of a minimum-cost assignment that first maximises the number of feasible pairs
    (cost < INFEASIBLE); each row and column used at most once."""
    n = len(matrix)
    m = len(matrix[0]) if n else 0
    if not n or not m:
        return []
    if min(n, m) > DP_LIMIT:
        from scipy.optimize import linear_sum_assignment

        rows, cols = linear_sum_assignment(matrix)
        return [(int(r), int(c)) for r, c in zip(rows, cols, strict=True) if matrix[r][c] < INFEASIBLE]
    transpose = m > n  # the subset mask runs over the smaller side
    cost = [list(col) for col in zip(*matrix, strict=True)] if transpose else matrix
    n, m = len(cost), len(cost[0])
    # best[mask] = (-(number of pairs), total cost, pairs) over the rows seen so far, mask = columns used
    best: dict[int, tuple[int, float, tuple[tuple[int, int], ...]]] = {0: (0, 0.0, ())}
    for r in range(n):
        nxt = dict(best)
        for mask, (neg, total, pairs) in best.items():
            for c in range(m):
                w = cost[r][c]
                if w >= INFEASIBLE or mask & (1 << c):
                    continue
                key = mask | (1 << c)
                cand = (neg - 1, total + w, (*pairs, (r, c)))
                if key not in nxt or cand[:2] < nxt[key][:2]:
                    nxt[key] = cand
        best = nxt
    _neg, _total, pairs = min(best.values(), key=lambda v: (v[0], v[1]))
    return [(c, r) for r, c in pairs] if transpose else list(pairs)


@dataclass(slots=True)
class Match:
    a: int  # index into the A rows
    b: int
    days: int  # signed: b.date - a.date
    cost: float


def _place_similarity(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 0.5
    from rapidfuzz import fuzz

    return float(fuzz.token_set_ratio(a.lower(), b.lower())) / 100.0


def _cost(x: TrackerStrike, y: TrackerStrike, max_days: int) -> float | None:
    if x.date is None or y.date is None:
        return None
    days = abs((x.date - y.date).days)
    if days > max_days:
        return None
    if x.country and y.country and x.country != y.country:
        return None
    if not same_admin2(x.admin2, y.admin2):
        return None
    cost = float(days)
    cost += 0.5 * (1.0 - _place_similarity(x.place, y.place))
    if not x.admin2 or not y.admin2:
        cost += 0.25
    if x.killed_max is not None and y.killed_max is not None:
        cost += 0.25 * min(abs(x.killed_max - y.killed_max), 20) / 20
    return cost


def match_rows(a: Sequence[TrackerStrike], b: Sequence[TrackerStrike], max_days: int = 1) -> list[Match]:
    """One-to-one (or up to ``n_strikes``-to-one) matches between two datasets' rows."""
    # Candidate pairs by a sweep over dates.
    a_idx = sorted((i for i, r in enumerate(a) if r.date), key=lambda i: a[i].date or dt.date.min)
    b_by_date: dict[dt.date, list[int]] = defaultdict(list)
    for j, r in enumerate(b):
        if r.date:
            b_by_date[r.date].append(j)
    cand: dict[tuple[int, int], float] = {}
    for i in a_idx:
        d = a[i].date
        assert d is not None
        for off in range(-max_days, max_days + 1):
            for j in b_by_date.get(d + dt.timedelta(days=off), ()):
                c = _cost(a[i], b[j], max_days)
                if c is not None:
                    cand[(i, j)] = c
    # Blocks: connected components of the candidate graph (union-find over "a:i" / "b:j").
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in cand:
        ra, rb = find(("a", i)), find(("b", j))
        if ra != rb:
            parent[ra] = rb
    blocks: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for i, j in cand:
        root = find(("a", i))
        blk = blocks.setdefault(root, (set(), set()))
        blk[0].add(i)
        blk[1].add(j)
    out: list[Match] = []
    for ais, bjs in blocks.values():
        # Rows standing for several strikes get that many slots.
        a_slots = [i for i in sorted(ais) for _ in range(max(1, a[i].n_strikes))]
        b_slots = [j for j in sorted(bjs) for _ in range(max(1, b[j].n_strikes))]
        matrix = [[cand.get((i, j), INFEASIBLE) for j in b_slots] for i in a_slots]
        seen: set[tuple[int, int]] = set()
        for ri, ci in assign(matrix):
            cost = matrix[ri][ci]
            i, j = a_slots[ri], b_slots[ci]
            if (i, j) in seen:
                continue  # the same pair twice only when both rows are multi-strike: count it once
            seen.add((i, j))
            da, db = a[i].date, b[j].date
            assert da is not None and db is not None
            out.append(Match(i, j, (db - da).days, round(cost, 3)))
    out.sort(key=lambda m: (a[m.a].date or dt.date.min, m.a, m.b))
    return out


def _gap(x: TrackerStrike, y: TrackerStrike) -> int | None:
    """People between two killed ranges (0 when they overlap); None when either is unknown."""
    return Range.of(x, "killed").gap(Range.of(y, "killed"))


def _brief(r: TrackerStrike) -> dict[str, Any]:
    return {"ext_id": r.ext_id, "date": r.date.isoformat() if r.date else None, "admin2": r.admin2,
            "place": r.place, "n_strikes": r.n_strikes, "killed_min": r.killed_min, "killed_max": r.killed_max,
            "civilians_min": r.civilians_min, "civilians_max": r.civilians_max}


@dataclass(slots=True)
class PairResult:
    a: str
    b: str
    a_rows: Sequence[TrackerStrike]
    b_rows: Sequence[TrackerStrike]
    matches: list[Match]
    threshold: int
    max_days: int

    @property
    def matched_a(self) -> set[int]:
        return {m.a for m in self.matches}

    @property
    def matched_b(self) -> set[int]:
        return {m.b for m in self.matches}

    def only_a(self) -> list[TrackerStrike]:
        got = self.matched_a
        return [r for i, r in enumerate(self.a_rows) if i not in got]

    def only_b(self) -> list[TrackerStrike]:
        got = self.matched_b
        return [r for j, r in enumerate(self.b_rows) if j not in got]

    def disagreements(self) -> list[tuple[Match, int]]:
        out = []
        for m in self.matches:
            g = _gap(self.a_rows[m.a], self.b_rows[m.b])
            if g is not None and g > self.threshold:
                out.append((m, g))
        return out

    def summary(self) -> dict[str, Any]:
        same_day = sum(1 for m in self.matches if m.days == 0)
        return {
            "a": self.a,
            "b": self.b,
            "a_rows": len(self.a_rows),
            "b_rows": len(self.b_rows),
            "matched": len(self.matches),
            "matched_same_day": same_day,
            "matched_within_days": self.max_days,
            "only_a": len(self.a_rows) - len(self.matched_a),
            "only_b": len(self.b_rows) - len(self.matched_b),
            "toll_disagreements": len(self.disagreements()),
            "threshold": self.threshold,
        }

    def to_dict(self, limit: int | None = None) -> dict[str, Any]:
        dis = self.disagreements()
        return {
            "summary": self.summary(),
            "only_a": [_brief(r) for r in self.only_a()[:limit]],
            "only_b": [_brief(r) for r in self.only_b()[:limit]],
            "disagreements": [
                {"a": _brief(self.a_rows[m.a]), "b": _brief(self.b_rows[m.b]), "days": m.days, "gap": g}
                for m, g in dis[:limit]
            ],
        }

    def match_table(self) -> list[dict[str, Any]]:
        """Every row of both sides once: matched pairs, then A-only and B-only rows (for CSV output)."""
        out: list[dict[str, Any]] = []

        def side(prefix: str, r: TrackerStrike | None) -> dict[str, Any]:
            keys = ("ext_id", "date", "admin2", "place", "killed_min", "killed_max")
            if r is None:
                return {f"{prefix}_{k}": None for k in keys}
            b = _brief(r)
            return {f"{prefix}_{k}": b[k] for k in keys}

        for m in self.matches:
            g = _gap(self.a_rows[m.a], self.b_rows[m.b])
            out.append({"status": "matched", "days": m.days, "killed_gap": g,
                        **side("a", self.a_rows[m.a]), **side("b", self.b_rows[m.b])})
        none: dict[str, Any] = {"days": None, "killed_gap": None}
        for r in self.only_a():
            out.append({"status": f"only_{self.a}", **none, **side("a", r), **side("b", None)})
        for r in self.only_b():
            out.append({"status": f"only_{self.b}", **none, **side("a", None), **side("b", r)})
        return out


@dataclass(slots=True)
class CompareResult:
    names: list[str]
    pairs: list[PairResult]
    years: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self, limit: int | None = None) -> dict[str, Any]:
        return {"datasets": self.names, "pairs": [p.to_dict(limit) for p in self.pairs], "years": self.years}


def per_year(datasets: Mapping[str, Sequence[TrackerStrike]]) -> list[dict[str, Any]]:
    """Strikes and min/max killed per year, the datasets side by side."""
    acc: dict[str, dict[str, int]] = defaultdict(dict)
    for name, rows in datasets.items():
        for r in rows:
            y = str(r.date.year) if r.date else "(unknown)"
            d = acc[y]
            d[f"{name}_strikes"] = d.get(f"{name}_strikes", 0) + r.n_strikes
            d[f"{name}_killed_min"] = d.get(f"{name}_killed_min", 0) + (r.killed_min or 0)
            d[f"{name}_killed_max"] = d.get(f"{name}_killed_max", 0) + (r.killed_max or 0)
    out = []
    for y in sorted(acc, key=lambda k: (k == "(unknown)", k)):
        row: dict[str, Any] = {"year": y}
        for name in datasets:
            for k in ("strikes", "killed_min", "killed_max"):
                row[f"{name}_{k}"] = acc[y].get(f"{name}_{k}", 0)
        out.append(row)
    return out


@dataclass(frozen=True, slots=True)
class Coverage:
    """The countries every dataset covers, and what each dataset lost by being restricted to them."""

    countries: tuple[str, ...]  # empty: no restriction (no dataset names a country, or all cover the same)
    left_out: dict[str, int]  # rows of each dataset outside those countries (or without a country)

    def note(self) -> str | None:
        dropped = {n: k for n, k in self.left_out.items() if k}
        if not dropped:
            return None
        lost = ", ".join(f"{k} of {n}" for n, k in dropped.items())
        return (f"Compared within the countries every dataset covers ({', '.join(self.countries)}); left out: {lost} "
                f"record{'s' if sum(dropped.values()) != 1 else ''} elsewhere or without a country "
                "(--country to choose).")

    def to_dict(self) -> dict[str, Any]:
        return {"countries": list(self.countries), "left_out": dict(self.left_out)}


def common_countries(
    datasets: Mapping[str, Sequence[TrackerStrike]],
) -> tuple[dict[str, list[TrackerStrike]], Coverage]:
    """Like with like: each dataset restricted to the countries that every dataset covers (a dataset whose rows
    name no country does not restrict). ``compare own tbij`` on a record that also holds Yemen and Somalia then
    compares Pakistan with Pakistan, and says what it left out."""
    covers = [{r.country for r in rows if r.country} for rows in datasets.values()]
    known = [c for c in covers if c]
    if len(known) < 2:  # at most one dataset says where its strikes are: nothing to bound the others by
        return {n: list(rows) for n, rows in datasets.items()}, Coverage((), {n: 0 for n in datasets})
    common = set.intersection(*known)
    out: dict[str, list[TrackerStrike]] = {}
    left: dict[str, int] = {}
    for (name, rows), cover in zip(datasets.items(), covers, strict=True):
        if not cover:  # this dataset says nothing about countries: keep it whole
            out[name], left[name] = list(rows), 0
            continue
        kept = [r for r in rows if r.country in common]
        out[name], left[name] = kept, len(rows) - len(kept)
    return out, Coverage(tuple(sorted(common)), left)


def compare(
    datasets: Mapping[str, Sequence[TrackerStrike]], max_days: int = 1, threshold: int = 3
) -> CompareResult:
    """Every pair of datasets matched (in the order given), and per-year counts side by side."""
    names = list(datasets)
    pairs = [
        PairResult(x, y, datasets[x], datasets[y], match_rows(datasets[x], datasets[y], max_days), threshold, max_days)
        for x, y in combinations(names, 2)
    ]
    return CompareResult(names, pairs, per_year(datasets))
