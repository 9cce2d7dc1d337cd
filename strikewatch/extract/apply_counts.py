"""Casualty figures of one event from its casualty statements: the toll's range (alternate figures: lowest min,
highest max; "also" adds; "rose to" revises) and the per-class ranges (civilians, children, militants)."""

from __future__ import annotations

from dataclasses import replace

from strikewatch.extract.casualties import Casualties
from strikewatch.extract.event_fields import add_evidence
from strikewatch.schema import Event

Spans = list[tuple[int, int]]


def apply_counts(ev: Event, cas: list[Casualties], kind: str) -> None:
    """``{kind}_min`` / ``{kind}_max`` and their evidence from the statements of that kind ('killed', 'injured')."""
    items = [c for c in cas if c.kind == kind]
    totals, weak = _totals(items)
    lo, hi, spans_lo, spans_hi = _combine(_after_correction(totals))
    if lo is None:
        subs = [c for c in [x for x in items if not x.has_total] + weak if c.lo is not None]
        if subs:
            lo = max(c.lo for c in subs if c.lo is not None)
            spans_lo = [(c.start, c.end) for c in subs]
    if lo is not None and hi is not None and hi < lo:
        hi = lo
    setattr(ev, f"{kind}_min", lo)
    setattr(ev, f"{kind}_max", hi)
    if lo is not None:
        for sp in spans_lo:
            add_evidence(ev, f"{kind}_min", sp)
    if hi is not None:
        for sp in spans_hi:
            add_evidence(ev, f"{kind}_max", sp)


def _totals(items: list[Casualties]) -> tuple[list[Casualties], list[Casualties]]:
    """(the statements that give the toll, the weak ones that are only a part of a toll given in figures)."""
    totals = [c for c in items if c.has_total]
    # "no loss of life" beside a toll given in figures speaks of someone else (the troops, the bystanders): a zero
    # is no lower alternate to "at least 15 militants were killed"
    if any((c.lo or 0) > 0 for c in totals):
        totals = [c for c in totals if not (c.lo == 0 and c.hi in (0, None))]
    # "as many as 22 bodies ..., including five or six children": the part's minimum is no lower alternate to a toll
    # given elsewhere ("at least 13")
    if any(c.sub_lo for c in totals) and any(c.lo is not None and not c.sub_lo for c in totals):
        totals = [replace(c, lo=None, sub_lo=False) if c.sub_lo else c for c in totals]
    # "Between one and nine civilians died", "10 children were killed" after a toll of all the dead: a part of that
    # toll, not a lower alternate to it
    if len(totals) > 1 and any(c.class_only for c in totals[1:]) and not totals[0].class_only:
        totals = totals[:1] + [replace(c, weak=True) if c.class_only and not c.additive else c for c in totals[1:]]
    # a toll counting only named people or vague words ("X was killed along with several others") is part of a
    # toll the report gives in figures ("The attack killed seven"), not a lower alternate to it
    if any(not c.weak and not c.additive for c in totals):
        return [c for c in totals if not c.weak], [c for c in totals if c.weak]
    return totals, []


def _after_correction(totals: list[Casualties]) -> list[Casualties]:
    """A toll revised upwards ("the death toll rose to nine" after "at least four") is another figure for the same
    toll: the earlier one stays the minimum, as trackers record the range reported; a correction downwards ("were
    lowered to eight", or a revision below every earlier figure) withdraws what came before."""
    for i in range(len(totals) - 1, 0, -1):
        c = totals[i]
        if not c.revision:
            continue
        prior = [v for x in totals[:i] for v in (x.lo, x.hi) if v is not None]
        val = c.hi if c.hi is not None else c.lo
        if c.revision_down or (prior and val is not None and val < min(prior)):
            return totals[i:]
    return totals


# a figure over this many times the strike's toll (and over OTHER_SCOPE_FROM) counts a war's or a year's dead
OTHER_SCOPE_TIMES = 10
OTHER_SCOPE_FROM = 100


def _other_scope(lo: int | None, hi: int | None, c: Casualties) -> bool:
    """Is ``c`` a figure of another scope than the toll so far ("killing 25 people" ... "the war has killed more
    than 10,000 people")? Neither an alternate to the toll nor an addition to it."""
    base = max((v for v in (lo, hi) if v is not None), default=None)
    value = c.lo if c.lo is not None else c.hi
    return bool(base and value is not None and value >= OTHER_SCOPE_FROM and value > OTHER_SCOPE_TIMES * base)


def _below_at_least(lo: int | None, hi: int | None, c: Casualties) -> bool:
    """After "at least 10 were killed", a figure wholly below 10 ("one person", "four militants and a diplomat")
    counts a part of the dead or another incident: no lower account of the same toll (a revision says so itself)."""
    top = c.hi if c.hi is not None else c.lo
    return bool(lo is not None and hi is None and top is not None and top < lo and not c.revision and not c.additive)


def _combine(totals: list[Casualties]) -> tuple[int | None, int | None, Spans, Spans]:
    """(lo, hi, spans of lo, spans of hi): alternates widen the range, additions ("also", "another") add."""
    lo: int | None = None
    hi: int | None = None
    spans_lo: Spans = []
    spans_hi: Spans = []
    first = True
    for c in totals:
        if first:
            lo, hi = c.lo, c.hi
            first = False
        elif _other_scope(lo, hi, c) or _below_at_least(lo, hi, c):
            continue
        elif c.additive:
            if not c.hedged:
                lo = (lo or 0) + (c.lo or 0) if (lo is not None or c.lo is not None) else None
            hi = hi + c.hi if hi is not None and c.hi is not None else None
        else:
            los = [v for v in (lo, c.lo) if v is not None]
            his = [v for v in (hi, c.hi) if v is not None]
            lo = min(los) if los else None
            hi = max(his) if his else None
        if c.lo is not None:
            spans_lo.append((c.start, c.end))
        if c.hi is not None:
            spans_hi.append((c.start, c.end))
    return lo, hi, spans_lo, spans_hi


def apply_class(ev: Event, cas: list[Casualties], cls: str, fld: str) -> None:
    lo: int | None = None
    hi: int | None = None
    got = False
    spans: list[tuple[int, int]] = []
    for c in cas:
        if cls not in c.classes:
            continue
        clo, chi, s, e = c.classes[cls]
        spans.append((s, e))
        if not got:
            lo, hi = clo, chi
            got = True
        elif c.additive:
            lo = (lo or 0) + (clo or 0)
            hi = hi + chi if hi is not None and chi is not None else None
        else:
            los = [v for v in (lo, clo) if v is not None]
            his = [v for v in (hi, chi) if v is not None]
            lo = min(los) if los else None
            hi = max(his) if his else None
    if not got:
        return
    if ev.killed_max is not None and (hi is None or hi > ev.killed_max):
        hi = ev.killed_max if hi is None and lo is not None and lo == ev.killed_max else hi
    if lo is not None and hi is not None and hi < lo:
        hi = lo
    setattr(ev, f"{fld}_min", lo)
    setattr(ev, f"{fld}_max", hi)
    for sp in spans:
        if lo is not None:
            add_evidence(ev, f"{fld}_min", sp)
        if hi is not None:
            add_evidence(ev, f"{fld}_max", sp)
