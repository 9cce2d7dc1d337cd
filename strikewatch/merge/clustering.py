"""Group the reports of one blocking unit into strikes: constrained average-linkage clustering.

Start with every report alone (or with the reports a reviewer merged it with), then repeatedly join the two groups
whose average pairwise score (matching.compare) is highest, as long as it reaches THRESHOLD and no pair across
the two groups is a cannot-link (automatic, or a reviewer's split). Joining best-first means a report that fits
two same-day strikes goes to the one it agrees with most (toll, target, named dead).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Any

from strikewatch.merge.matching import THRESHOLD, Match, cannot_link_reason, compare
from strikewatch.merge.reports import Report

MAX_KEPT_APART = 8


@dataclass(slots=True)
class Cluster:
    reports: list[Report]
    report_why: dict[int, dict[str, Any]] = field(default_factory=dict)  # event_id -> why
    steps: list[dict[str, Any]] = field(default_factory=list)
    kept_apart: list[dict[str, Any]] = field(default_factory=list)
    forced: list[str] = field(default_factory=list)  # review actions that shaped it


class _UF:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def cluster_reports(
    reports: list[Report],
    must: set[tuple[int, int]] | None = None,
    cannot: set[tuple[int, int]] | None = None,
) -> list[Cluster]:
    """Cluster one unit. ``must``/``cannot`` are reviewer constraints as pairs of indices into ``reports``."""
    n = len(reports)
    if n == 1:
        return [Cluster(reports=list(reports), report_why={reports[0].event_id: {"alone": True}})]
    must = must or set()
    cannot = cannot or set()
    scores: dict[tuple[int, int], Match | None] = {}
    for i in range(n):
        a = reports[i]
        for j in range(i + 1, n):
            b = reports[j]
            if (a.lo is not None and b.lo is not None and (a.lo - 1 > b.hi or b.lo - 1 > a.hi)):  # type: ignore[operator]
                scores[(i, j)] = None
                continue
            scores[(i, j)] = compare(a, b)
    for i, j in cannot:
        scores[(min(i, j), max(i, j))] = None

    uf = _UF(n)
    for i, j in must:
        uf.union(i, j)
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(uf.find(i), []).append(i)

    def pair(i: int, j: int) -> Match | None:
        return scores.get((i, j) if i < j else (j, i))

    def link_of(c1: list[int], c2: list[int]) -> tuple[float, bool]:
        total = 0.0
        for i in c1:
            for j in c2:
                m = pair(i, j)
                if m is None:
                    return 0.0, True
                total += m.score
        return total, False

    alive: dict[int, list[int]] = dict(members)
    links: dict[tuple[int, int], tuple[float, bool]] = {}
    heap: list[tuple[float, int, int]] = []
    ids = sorted(alive)
    for x in range(len(ids)):
        for y in range(x + 1, len(ids)):
            c1, c2 = ids[x], ids[y]
            s, blocked = link_of(alive[c1], alive[c2])
            links[(c1, c2)] = (s, blocked)
            if not blocked:
                avg = s / (len(alive[c1]) * len(alive[c2]))
                if avg >= THRESHOLD:
                    heapq.heappush(heap, (-avg, c1, c2))
    steps: dict[int, list[dict[str, Any]]] = {c: [] for c in alive}
    while heap:
        navg, c1, c2 = heapq.heappop(heap)
        if c1 not in alive or c2 not in alive:
            continue
        s, blocked = links[(c1, c2)]
        avg = s / (len(alive[c1]) * len(alive[c2]))
        if blocked or abs(avg + navg) > 1e-9:
            continue
        new = min(c1, c2)
        old = max(c1, c2)
        step = {
            "joined": sorted(reports[i].key for i in alive[old]),
            "to": sorted(reports[i].key for i in alive[new]),
            "average_score": round(avg, 2),
        }
        alive[new] = alive[new] + alive.pop(old)
        steps[new] = steps[new] + steps.pop(old) + [step]
        for k in list(alive):
            if k == new:
                continue
            a1 = links.pop((min(k, c1), max(k, c1)), (0.0, True))
            a2 = links.pop((min(k, c2), max(k, c2)), (0.0, True))
            s2, b2 = a1[0] + a2[0], a1[1] or a2[1]
            links[(min(k, new), max(k, new))] = (s2, b2)
            if not b2:
                avg2 = s2 / (len(alive[k]) * len(alive[new]))
                if avg2 >= THRESHOLD:
                    heapq.heappush(heap, (-avg2, min(k, new), max(k, new)))

    out: list[Cluster] = []
    for c, idxs in sorted(alive.items()):
        cl = Cluster(reports=[reports[i] for i in idxs], steps=steps.get(c, []))
        inside = set(idxs)
        for i in idxs:
            best: tuple[float, int] | None = None
            for j in idxs:
                if j == i:
                    continue
                m = pair(i, j)
                if m is not None and (best is None or m.score > best[0]):
                    best = (m.score, j)
            r = reports[i]
            if best is None:
                why: dict[str, Any] = {"alone": len(idxs) == 1}
                if len(idxs) > 1:
                    why["forced"] = "joined by a reviewer's merge"
            else:
                m = pair(i, best[1])
                assert m is not None
                why = {"best_match": reports[best[1]].key, **m.to_dict()}
            cl.report_why[r.event_id] = why
        for i in idxs:
            for j in range(n):
                if j in inside or len(cl.kept_apart) >= MAX_KEPT_APART:
                    continue
                a, b = reports[i], reports[j]
                if a.lo is not None and b.lo is not None and (a.lo - 1 > b.hi or b.lo - 1 > a.hi):  # type: ignore[operator]
                    continue
                reason = "a reviewer split them" if (min(i, j), max(i, j)) in cannot else cannot_link_reason(a, b)
                if reason is not None:
                    cl.kept_apart.append({"report": a.key, "other": b.key, "reason": reason})
        out.append(cl)
    return out
