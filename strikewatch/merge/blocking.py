"""Blocking: split the stream of reports into independent units that can be clustered one at a time.

Reports arrive sorted by country and by the start of their date window. A report is compared only with reports of
the same country whose windows come within a day of its own. Pairs that score at least THRESHOLD are joined
(union-find); a unit is a connected component of that graph. Once every report of a component has left the sliding
window nothing later can join it, so it is handed on and forgotten: memory holds only the window, not the corpus.
Components that contain a report named by a reviewer's action wait until the end, because the action may tie them
to reports anywhere.
Undated reports are compared only with undated reports of the same country and place (or district).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from strikewatch.merge.matching import THRESHOLD, compare
from strikewatch.merge.reports import Report

UNDATED_GROUP_CAP = 300


@dataclass(slots=True)
class Unit:
    reports: list[Report]
    actions: set[int] = field(default_factory=set)  # review action ids that name some of its reports


class Sweep:
    """Streaming union-find over the candidate graph. Feed ``add`` in (country, window start) order."""

    def __init__(self, actions_for: Callable[[Report], Iterable[int]] | None = None) -> None:
        self._actions_for = actions_for or (lambda r: ())
        self._parent: dict[int, int] = {}  # node -> parent; report nodes are event ids, action nodes are -id
        self._members: dict[int, list[Report]] = {}
        self._actions: dict[int, set[int]] = {}
        self._live: dict[int, int] = {}
        self._buckets: dict[str, dict[int, Report]] = {}
        self._heap: list[tuple[int, int]] = []  # (hi, event id)
        self._in_buffer: dict[int, Report] = {}
        self._country: object = object()
        self._undated: list[Report] = []
        self._deferred: set[int] = set()
        self.pairs_compared = 0

    # union-find -----------------------------------------------------------------------------------------
    def _find(self, x: int) -> int:
        p = self._parent
        root = x
        while p[root] != root:
            root = p[root]
        while p[x] != root:
            p[x], x = root, p[x]
        return root

    def _union(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        if len(self._members.get(ra, ())) < len(self._members.get(rb, ())):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members.setdefault(ra, []).extend(self._members.pop(rb, []))
        self._live[ra] = self._live.get(ra, 0) + self._live.pop(rb, 0)
        acts = self._actions.pop(rb, None)
        if acts:
            self._actions.setdefault(ra, set()).update(acts)

    def _node(self, r: Report) -> None:
        self._parent[r.event_id] = r.event_id
        self._members[r.event_id] = [r]
        self._live[r.event_id] = 1
        for a in self._actions_for(r):
            node = -a
            if node not in self._parent:
                self._parent[node] = node
                self._members[node] = []
                self._live[node] = 0
                self._actions[node] = {a}
            self._union(r.event_id, node)

    def _emit(self, root: int) -> Unit:
        members = self._members.pop(root, [])
        acts = self._actions.pop(root, set())
        self._live.pop(root, None)
        for r in members:
            self._parent.pop(r.event_id, None)
        for a in acts:
            self._parent.pop(-a, None)
        return Unit(sorted(members, key=lambda r: (r.lo or 0, r.article_id, r.idx)), acts)

    def _retire(self, r: Report) -> Iterator[Unit]:
        self._in_buffer.pop(r.event_id, None)
        self._buckets.get(r.admin2_n, {}).pop(r.event_id, None)
        root = self._find(r.event_id)
        self._live[root] -= 1
        if self._live[root] == 0:
            if self._actions.get(root):
                self._deferred.add(root)
            else:
                yield self._emit(root)

    # feeding ----------------------------------------------------------------------------------------------
    def add(self, r: Report) -> Iterator[Unit]:
        """Add one report; yields the units that are now complete."""
        if r.country != self._country:
            yield from self.end_block()
            self._country = r.country
        if r.lo is None:
            self._undated.append(r)
            return
        while self._heap and self._heap[0][0] < r.lo - 2:
            _, eid = heapq.heappop(self._heap)
            old = self._in_buffer.get(eid)
            if old is not None:
                yield from self._retire(old)
        self._node(r)
        # every report of the country in the window (a village and its valley may sit in neighbouring districts)
        for pool in list(self._buckets.values()):
            for other in pool.values():
                self.pairs_compared += 1
                m = compare(r, other)
                if m is not None and m.score >= THRESHOLD:
                    self._union(r.event_id, other.event_id)
        self._in_buffer[r.event_id] = r
        self._buckets.setdefault(r.admin2_n, {})[r.event_id] = r
        assert r.hi is not None
        heapq.heappush(self._heap, (r.hi, r.event_id))

    def end_block(self) -> Iterator[Unit]:
        """End of a country: retire the window and cluster the undated reports."""
        while self._heap:
            _, eid = heapq.heappop(self._heap)
            old = self._in_buffer.get(eid)
            if old is not None:
                yield from self._retire(old)
        self._buckets.clear()
        if self._undated:
            groups: dict[str, list[Report]] = {}
            for r in self._undated:
                groups.setdefault(r.place_n or r.admin2_n, []).append(r)
            self._undated = []
            for rs in groups.values():
                for r in rs:
                    self._node(r)
                for start in range(0, len(rs), UNDATED_GROUP_CAP):
                    chunk = rs[start:start + UNDATED_GROUP_CAP]
                    for i, a in enumerate(chunk):
                        for b in chunk[i + 1:]:
                            self.pairs_compared += 1
                            m = compare(a, b)
                            if m is not None and m.score >= THRESHOLD:
                                self._union(a.event_id, b.event_id)
                roots = {self._find(r.event_id) for r in rs}
                for r in rs:
                    self._live[self._find(r.event_id)] -= 1
                for root in roots:
                    root = self._find(root)
                    if root in self._members and self._live.get(root, 0) == 0:
                        if self._actions.get(root):
                            self._deferred.add(root)
                        else:
                            yield self._emit(root)

    def finish(self) -> Iterator[Unit]:
        """End of the stream: everything left, including units held back for reviewers' actions."""
        yield from self.end_block()
        roots = {self._find(r) for r in self._deferred if r in self._parent}
        roots |= {self._find(n) for n in list(self._parent) if n in self._members and self._members[n]}
        for root in sorted(roots):
            if root in self._members:
                yield self._emit(root)
        self._deferred.clear()


def units_of(reports: Iterable[Report], actions_for: Callable[[Report], Iterable[int]] | None = None,
             sweep: Sweep | None = None) -> Iterator[Unit]:
    """Units of reports already sorted by (country, window start)."""
    sw = sweep or Sweep(actions_for)
    for r in reports:
        yield from sw.add(r)
    yield from sw.finish()


def sort_key(r: Report) -> tuple[str, int, int, int, int]:
    return (r.country or "", 0 if r.lo is not None else 1, r.lo or 0, r.article_id, r.idx)
