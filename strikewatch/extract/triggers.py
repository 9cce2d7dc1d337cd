"""Event typing and the filters that decide whether a clause reports a strike at all.

- segments: a sentence is cut where one event is related to another ("in response to the Taliban attack",
  "in retaliation for a US drone strike that killed ...", "after"), so each part describes one event;
- triggers: strike/attack words (not "drone war", "drone program");
- negation and lulls ("no new drone strikes", "without a single strike", "the lull in drone strikes");
- plans, threats and hypotheticals ("will still carry out strikes", "threatened to shoot down any drone");
- type (drone_strike, air_strike, ground_attack, bombing) and perpetrator (US, PK, TTP, ...) with their spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strikewatch.extract import rules
from strikewatch.extract.layout import Folded, folded, lowered
from strikewatch.extract.lexicon import (
    AIRSTRIKE_RE,
    BOMBING_RE,
    DRONE_RE,
    GENERIC_DRONE_RE,
    GROUND_RE,
    MANNED_RE,
    PERPETRATOR_PATTERNS,
)

SEGMENT_BREAK_RE = rules.pattern("segments", "segment_break")
# a strike word proper (not a bare kill verb)
STRIKE_TRIGGER_RE = rules.pattern("strike_words", "strike_trigger")
_STRIKE_ADJ = r"(?:(?:" + "|".join(re.escape(w) for w in rules.words("negation", "strike_adjectives")) + r")\s+){0,4}"
NEGATION_RE = rules.pattern("negation", "negation", strike_adjectives=_STRIKE_ADJ)
_AFTER_NEG = rules.pattern("negation", "after_negation")
HYPOTHETICAL_RE = rules.pattern("hypotheticals", "hypothetical")
_HAVE_AFTER_MODAL = rules.pattern("hypotheticals", "modal_perfect")
_SUICIDE_RE = rules.pattern("strike_words", "planted_bomb")
MILITANT_AGENT_RE = rules.pattern("strike_words", "militant_attack")


_SEGMENT_BREAK_F = Folded(SEGMENT_BREAK_RE)


@dataclass(slots=True)
class Segment:
    start: int
    end: int


def split_segments(text: str, start: int, end: int) -> list[Segment]:
    """Cut a sentence where it relates one event to another."""
    cuts = [start]
    for m in _SEGMENT_BREAK_F.finditer(text, start, end):
        if m.end() - cuts[-1] > 3:
            cuts.append(m.end())
    cuts.append(end)
    return [Segment(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


_GENERIC_OTHER = rules.pattern("strike_words", "generic_attack")


_GENERIC_DRONE_F = Folded(GENERIC_DRONE_RE)
_GENERIC_OTHER_F = Folded(_GENERIC_OTHER)
_STRIKE_TRIGGER_F = Folded(STRIKE_TRIGGER_RE)


def generic_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = [m.span() for m in _GENERIC_DRONE_F.finditer(text, start, end)]
    spans += [m.span() for m in _GENERIC_OTHER_F.finditer(text, start, end)]
    return spans


def strike_triggers(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Strike words in text[start:end], minus generic compounds ("drone war", "drone program")."""
    found = [m.span() for m in _STRIKE_TRIGGER_F.finditer(text, start, end)]
    if not found:
        return found  # no strike word: the generic compounds need not be looked for
    gen = generic_spans(text, start, end)
    if not gen:
        return found
    return [(a, b) for a, b in found if not any(g0 <= a < g1 for g0, g1 in gen)]


# a drone lost, seen or heard is no strike (these read the lower-cased text)
_CRASH_LOW = rules.pattern("negation", "aircraft_lost")
_SEEN_LOW = rules.pattern("negation", "aircraft_seen")
_DOWNED_BEFORE_LOW = rules.pattern("negation", "aircraft_downed")
_AIRCRAFT = tuple(rules.words("negation", "aircraft_words"))
_MODAL_AFTER = rules.pattern("hypotheticals", "modal_after")
# the same patterns for the lower-cased text (see ``layout.folded``): several times faster than IGNORECASE
_LOW = {rx: lowered(rx) for rx in (NEGATION_RE, _AFTER_NEG, HYPOTHETICAL_RE, _HAVE_AFTER_MODAL, _MODAL_AFTER)}


def _source(text: str) -> tuple[str, bool]:
    """The text to run the window patterns on: its lower-cased copy when that keeps the offsets."""
    low = folded(text)
    return (low, True) if low is not None else (text, False)


def is_negated(text: str, seg_start: int, trig_start: int, trig_end: int | None = None,
               seg_end: int | None = None) -> bool:
    """'no new drone strikes', 'without a single strike', 'the lull in drone strikes', 'the plot was foiled'."""
    src, low = _source(text)
    before = src[max(seg_start, trig_start - 70):trig_start]
    if (_LOW[NEGATION_RE] if low else NEGATION_RE).search(before) is not None:
        return True
    if trig_end is not None:
        after = src[trig_end:min(seg_end if seg_end is not None else len(text), trig_end + 40)]
        if (_LOW[_AFTER_NEG] if low else _AFTER_NEG).match(after):
            return True
        # "A US drone crashed", "the drone went down": an aircraft lost is no strike
        if src[trig_start:trig_end].lower().startswith(_AIRCRAFT):
            la = after.lower()
            if _CRASH_LOW.match(la) or _SEEN_LOW.match(la) or \
                    _DOWNED_BEFORE_LOW.search(before if low else before.lower()):
                return True
    return False


def is_hypothetical(text: str, seg_start: int, trig_start: int, trig_end: int, seg_end: int) -> bool:
    """Plans, threats, conditions, debates: a modal or intention word shortly before the strike word, or a
    modal right after it ("strikes will continue")."""
    src, low = _source(text)
    hyp, have, modal = (_LOW[HYPOTHETICAL_RE], _LOW[_HAVE_AFTER_MODAL], _LOW[_MODAL_AFTER]) if low else \
        (HYPOTHETICAL_RE, _HAVE_AFTER_MODAL, _MODAL_AFTER)
    before = src[max(seg_start, trig_start - 80):trig_start]
    m = hyp.search(before)
    if m is not None and not have.search(before[m.start():m.start() + 25]):
        return True
    after = src[trig_end:min(seg_end, trig_end + 30)]
    return modal.match(after) is not None


@dataclass(slots=True)
class Typing:
    type: str | None
    type_span: tuple[int, int] | None
    perpetrator: str | None
    perp_span: tuple[int, int] | None


_TYPE_F = {"drone": Folded(DRONE_RE), "manned": Folded(MANNED_RE), "airstrike": Folded(AIRSTRIKE_RE),
           "bombing": Folded(BOMBING_RE), "ground": Folded(GROUND_RE), "militant_agent": Folded(MILITANT_AGENT_RE),
           "suicide": Folded(_SUICIDE_RE)}


def type_and_perpetrator(text: str, start: int, end: int, triggers: list[tuple[int, int]]) -> Typing:
    """Event type and perpetrator from the words of one event's segment."""
    seg = (start, end)
    gen: list[list[tuple[int, int]]] = []  # the generic compounds, looked for once a type word is found

    def first(rx: Folded) -> tuple[int, int] | None:
        for m in rx.finditer(text, *seg):
            if not gen:
                gen.append(generic_spans(text, *seg))
            if not any(a <= m.start() < b for a, b in gen[0]):
                return (m.start(), m.end())
        return None

    # the first four also anchor the perpetrator; the others are looked for only when they would decide the type
    drone = first(_TYPE_F["drone"])
    manned = first(_TYPE_F["manned"])
    airstrike = first(_TYPE_F["airstrike"])
    militant_agent = first(_TYPE_F["militant_agent"])
    typ: str | None = None
    span: tuple[int, int] | None = None
    if drone:
        typ, span = "drone_strike", drone
    elif suicide := first(_TYPE_F["suicide"]):
        typ, span = "bombing", suicide
    elif manned:
        typ, span = "air_strike", manned
    elif airstrike:
        typ, span = "air_strike", airstrike
    elif militant_agent:
        typ, span = "ground_attack", militant_agent
    elif bombing := first(_TYPE_F["bombing"]):
        typ, span = "bombing", bombing
    elif ground := first(_TYPE_F["ground"]):
        typ, span = "ground_attack", ground
    perp, pspan = _perpetrator(text, start, end, triggers + [s for s in (drone, manned, airstrike, militant_agent)
                                                            if s is not None])
    if typ == "ground_attack" and militant_agent and perp is None:
        perp, pspan = _agent_group(text, *militant_agent)
    if typ is None and triggers and perp in ("Taliban", "TTP", "IS", "al-Qaeda"):
        typ, span = "ground_attack", triggers[0]
    return Typing(typ, span, perp, pspan)


_VICTIM_VERB = rules.pattern("perpetrator_cues", "victim_verb")
_BY_AFTER = rules.pattern("perpetrator_cues", "by_after")
# (code, pattern, its lower-case form for the lower-cased text when the pattern ignores case)
_PERPETRATORS = tuple((code, rx, lowered(rx) if rx.flags & re.IGNORECASE else None)
                      for code, rx in PERPETRATOR_PATTERNS)


def _agent_group(text: str, s: int, e: int) -> tuple[str | None, tuple[int, int] | None]:
    for code, rx in PERPETRATOR_PATTERNS:
        m = rx.search(text, s, e)
        if m:
            return code, (m.start(), m.end())
    return None, None


def _perpetrator(text: str, start: int, end: int, anchors: list[tuple[int, int]]
                 ) -> tuple[str | None, tuple[int, int] | None]:
    """Who struck: a perpetrator word just before a strike word ("US drone", "Pakistani jets", "Taliban's
    Sunday attack") or after it ("by a US drone", "carried out by Pakistani helicopters")."""
    best: tuple[int, str, tuple[int, int]] | None = None
    low = folded(text)
    for a, b in anchors:
        lo = max(start, a - 45)
        window = text[lo:b]
        low_window = low[lo:b] if low is not None else None
        for code, rx, rx_low in _PERPETRATORS:
            found = rx_low.finditer(low_window) if rx_low is not None and low_window is not None else \
                rx.finditer(window)
            for m in found:
                ms, me = lo + m.start(), lo + m.end()
                # the words between must not carry a verb that makes the group the victim
                if _VICTIM_VERB.search(text[me:a]):
                    continue
                dist = a - me if me <= a else 0
                if best is None or dist < best[0] or (dist == best[0] and code == "PK"):
                    best = (dist, code, (ms, me))
        after = text[b:min(end, b + 50)]
        m2 = _BY_AFTER.match(after)
        if m2:
            tail_start = b + m2.end()
            for code, rx in PERPETRATOR_PATTERNS:
                pm = rx.match(text, tail_start, min(end, tail_start + 40))
                if pm and (best is None or best[0] > 0):
                    best = (0, code, (pm.start(), pm.end()))
    if best is None:
        return None, None
    return best[1], best[2]
