"""Reviewers' structural decisions as clustering constraints, replayed on every merge.

Actions name reports by their key (reports.py: ``article:date:place``), which survives re-extraction. A key
matches a current report exactly, or failing that a report of the same article within a day of the key's date at
a compatible place, or (for an undated key) any report of the same article.

Replayed in the order they were made, later actions overriding earlier ones pair by pair:
- ``merge A B``: all reports of A and B must be together;
- ``split A --reports R``: reports R are kept apart from the rest of A, and together;
- ``reject A``: A's reports are kept apart from every other report (a new report of the same incident becomes a
  new strike for a reviewer to judge, rather than reviving a rejected one).
``set`` and ``reject``'s status are applied by strike id after clustering (driver.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from strikewatch.merge.matching import same_name
from strikewatch.merge.reports import Report, to_ord


@dataclass(slots=True)
class Action:
    id: int
    action: str
    args: dict[str, Any]
    by: str = ""
    reason: str = ""
    at: dt.datetime | None = None
    groups: list[list[str]] = field(default_factory=list)  # report keys per side

    @classmethod
    def from_row(cls, row: Any) -> Action:
        args = dict(row.args or {})
        a = cls(id=row.id, action=row.action, args=args, by=row.by, reason=row.reason, at=row.at)
        if row.action == "merge":
            a.groups = [list(args.get("a_reports", [])), list(args.get("b_reports", []))]
        elif row.action == "split":
            a.groups = [list(args.get("reports", [])), list(args.get("rest", []))]
        elif row.action == "reject":
            a.groups = [list(args.get("reports", []))]
        return a

    def all_keys(self) -> Iterable[str]:
        for g in self.groups:
            yield from g


def parse_key(key: str) -> tuple[int, str, str]:
    """(article id, when, where) of a report key; ``#n`` suffixes are dropped from where."""
    parts = key.split(":", 2)
    if len(parts) != 3 or not parts[0].isdigit():
        raise ValueError(f"not a report key: {key!r}")
    where = parts[2].split("#", 1)[0]
    return int(parts[0]), parts[1], where


def _when_range(when: str) -> tuple[int, int] | None:
    try:
        if ".." in when:
            a, b = when.split("..", 1)
            return dt.date.fromisoformat(a).toordinal(), dt.date.fromisoformat(b).toordinal()
        d = dt.date.fromisoformat(when).toordinal()
        return d, d
    except ValueError:
        return None


def match_strength(key: str, r: Report) -> int:
    """3 exact key, 2 same article near the same date and place, 1 same article (undated key), 0 no match."""
    if r.key == key:
        return 3
    try:
        art, when, where = parse_key(key)
    except ValueError:
        return 0
    if art != r.article_id:
        return 0
    rng = _when_range(when)
    if rng is None:
        return 1
    if r.lo is None or r.hi is None or rng[0] - 1 > r.hi or r.lo - 1 > rng[1]:
        return 0
    mine = r.place_n or r.admin2_n or r.admin1_n
    if where != "?" and mine and not same_name(where, mine):
        return 0
    return 2


class ActionIndex:
    """The review log, indexed by the articles its actions name."""

    def __init__(self, actions: list[Action]) -> None:
        self.actions = sorted(actions, key=lambda a: a.id)
        self.by_id = {a.id: a for a in self.actions}
        self.by_article: dict[int, list[tuple[int, str]]] = {}
        for a in self.actions:
            for k in a.all_keys():
                try:
                    art = parse_key(k)[0]
                except ValueError:
                    continue
                self.by_article.setdefault(art, []).append((a.id, k))

    def actions_for(self, r: Report) -> set[int]:
        return {aid for aid, k in self.by_article.get(r.article_id, ()) if match_strength(k, r) > 0}

    def articles(self, action_ids: Iterable[int]) -> set[int]:
        out: set[int] = set()
        for aid in action_ids:
            for k in self.by_id[aid].all_keys():
                try:
                    out.add(parse_key(k)[0])
                except ValueError:
                    continue
        return out


def resolve(keys: Iterable[str], reports: list[Report]) -> set[int]:
    """Indices into ``reports`` of the reports the keys name (each key at most one report, best match)."""
    by_article: dict[int, list[int]] = {}
    for i, r in enumerate(reports):
        by_article.setdefault(r.article_id, []).append(i)
    out: set[int] = set()
    for k in keys:
        try:
            art = parse_key(k)[0]
        except ValueError:
            continue
        best: tuple[int, int] | None = None
        for i in by_article.get(art, ()):
            s = match_strength(k, reports[i])
            if s and (best is None or s > best[0] or (s == best[0] and reports[i].idx < reports[best[1]].idx)):
                best = (s, i)
        if best is not None:
            out.add(best[1])
    return out


def unit_constraints(reports: list[Report], actions: list[Action]) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """(must, cannot) index pairs for one unit from the actions that name its reports, in order."""
    state: dict[tuple[int, int], int] = {}

    def put(i: int, j: int, v: int) -> None:
        if i != j:
            state[(min(i, j), max(i, j))] = v

    for a in sorted(actions, key=lambda x: x.id):
        if a.action == "merge":
            together = resolve(a.groups[0], reports) | resolve(a.groups[1], reports)
            t = sorted(together)
            for x in range(len(t)):
                for y in range(x + 1, len(t)):
                    put(t[x], t[y], 1)
        elif a.action == "split":
            moved = resolve(a.groups[0], reports)
            rest = resolve(a.groups[1], reports) - moved
            for i in moved:
                for j in rest:
                    put(i, j, -1)
                for j in moved:
                    put(i, j, 1)
        elif a.action == "reject":
            gone = resolve(a.groups[0], reports)
            for i in gone:
                for j in range(len(reports)):
                    if j not in gone:
                        put(i, j, -1)
    must = {p for p, v in state.items() if v > 0}
    cannot = {p for p, v in state.items() if v < 0}
    return must, cannot


def member_keys(reports: Iterable[Report]) -> list[str]:
    return sorted(r.key for r in reports)


def window_of(keys: Iterable[str]) -> tuple[int, int] | None:
    lo: int | None = None
    hi: int | None = None
    for k in keys:
        try:
            rng = _when_range(parse_key(k)[1])
        except ValueError:
            continue
        if rng:
            lo = rng[0] if lo is None else min(lo, rng[0])
            hi = rng[1] if hi is None else max(hi, rng[1])
    return (lo, hi) if lo is not None and hi is not None else None


__all__ = ["Action", "ActionIndex", "member_keys", "parse_key", "resolve", "to_ord", "unit_constraints", "window_of"]
