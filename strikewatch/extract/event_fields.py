"""Fields of one event read off its mentions: evidence spans, munitions, target, armed groups."""

from __future__ import annotations

from strikewatch.extract.doc import Mention
from strikewatch.extract.facts import MUNITION_F, TARGET_F
from strikewatch.extract.layout import Folded
from strikewatch.extract.lexicon import GROUP_PATTERNS, TARGET_WORDS
from strikewatch.extract.numbers import QUANTITY_RE, quantity_from_match
from strikewatch.extract.rules import pattern
from strikewatch.schema import Event, Evidence


def add_evidence(ev: Event, fld: str, span: tuple[int, int] | None) -> None:
    if span is not None:
        ev.evidence.append(Evidence(fld, span[0], span[1]))


# a word every armed-group name in lexicon.GROUP_PATTERNS contains: groups are looked for only where one is
_GROUP_CUE = Folded(pattern("events_fields", "group_cue"))


_TARGET_CONTEXT = pattern("events_fields", "target_context")


def apply_target(ev: Event, ms: list[Mention], text: str) -> None:
    found: list[tuple[str, int, int]] = []
    for m in ms:
        for t in TARGET_F.finditer(text, m.start, m.end):
            before = text[max(m.start, t.start() - 40):t.start()]
            if not _TARGET_CONTEXT.search(before):
                continue
            canon = TARGET_WORDS[t.group().lower()]
            if canon == "village":
                continue
            if canon not in [f[0] for f in found]:
                found.append((canon, t.start(), t.end()))
    if found:
        ev.target = ", ".join(f[0] for f in found[:3])
        for _c, s, e in found[:3]:
            add_evidence(ev, "target", (s, e))


def apply_groups(ev: Event, ms: list[Mention], text: str) -> None:
    perp_spans = [(e.start, e.end) for e in ev.evidence if e.field == "perpetrator"]
    taken: list[tuple[int, int]] = []
    groups: list[str] = []
    for m in ms:
        if not _GROUP_CUE.search(text, m.start, m.end):
            continue
        for name, rx in GROUP_PATTERNS:
            for g in rx.finditer(text, m.start, m.end):
                sp = (g.start(), g.end())
                if any(a < sp[1] and sp[0] < b for a, b in perp_spans + taken):
                    continue
                taken.append(sp)
                if name not in groups:
                    groups.append(name)
                    add_evidence(ev, "target_groups", sp)
    ev.target_groups = groups


def apply_munitions(ev: Event, ms: list[Mention], text: str) -> None:
    """The first count of munitions: "fired two missiles"."""
    for m in ms:
        mm = MUNITION_F.search(text, m.start, m.end)
        if mm:
            qm = QUANTITY_RE.match(text, mm.start("q"))
            q = quantity_from_match(qm) if qm else None
            if q is not None and (q.lo is not None or q.hi is not None):
                ev.munitions_min, ev.munitions_max = q.lo, q.hi
                add_evidence(ev, "munitions_min" if q.lo is not None else "munitions_max", (mm.start(), mm.end()))
                if q.lo is not None and q.hi is not None:
                    add_evidence(ev, "munitions_max", (mm.start(), mm.end()))
                break
