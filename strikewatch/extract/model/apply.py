"""Apply the trained layer to what the rules extracted (see the package docstring for what each model decides)."""

from __future__ import annotations

from dataclasses import dataclass

from strikewatch.extract.doc import Doc
from strikewatch.extract.layout import Sentence, sentence_at
from strikewatch.extract.model import uses
from strikewatch.extract.model.features import clause_features, mentions, number_features, tokens
from strikewatch.extract.model.linear import load
from strikewatch.extract.numbers import Quantity
from strikewatch.schema import Event, Evidence

AIR_TYPES = ("drone_strike", "air_strike")
# Decision thresholds, chosen on development data (docs/extraction.md): how sure a model must be to change an answer.
DROP_BELOW = 0.2  # P(strike) of every sentence of an air event under this: the event is dropped
RETYPE_BELOW = 0.3  # P(strike) of every sentence of an untyped event under this: it is violence of another kind
STATISTIC_BELOW = 0.1  # every killed figure of an untyped event under this ...
STATISTIC_FROM = 25  # ... and at least this large: a statistic, not an event (a strike's "13 others" is no total)
KEEP_TOLL = 0.1  # a lower figure in a widened killed range the model reads under this is not the strike's toll
TOLL_ABOVE = 0.6  # P(killed) of a number in the event's sentences over this: it is the killed figure
OTHER_NONE_ABOVE = 0.5  # P(none) of that sentence over this, and no event found: it tells violence of another kind
EVENT_FIELDS = ("type", "killed_min", "killed_max", "injured_min", "injured_max", "date", "perpetrator", "target")
LONGEST_SENTENCE = 1500  # characters: longer "sentences" are page junk or run-on lists, never read by the models


@dataclass(slots=True)
class Reading:
    """One article as the model layer reads it: the text and its sentences, split once."""

    text: str
    sents: list[Sentence]
    claims: list[tuple[int, int]]  # spans the rules read as statistics: no model takes a toll from them

    def in_claim(self, start: int, end: int) -> bool:
        return any(a < end and b > start for a, b in self.claims)

    def of(self, ev: Event) -> list[Sentence]:
        """The sentences holding the evidence of the event's type, tolls, day or perpetrator."""
        spans = [(e.start, e.end) for e in ev.evidence if e.field in EVENT_FIELDS]
        return [s for s in self.sents if any(a < s.end and b > s.start for a, b in spans)]


def strike_probability(r: Reading, ev: Event) -> float | None:
    model = load("clauses")
    own = [s for s in r.of(ev) if s.end - s.start <= LONGEST_SENTENCE]
    if model is None or not own:
        return None
    return max(1.0 - model.proba(clause_features(r.text, s.start, s.end))["none"] for s in own)


def keep(r: Reading, ev: Event) -> bool:
    """A main air event with no toll whose every sentence the clause model reads as no strike report is dropped
    (a protest against strikes, a ruling on them, commentary); one that states a toll is kept, whatever the model."""
    if ev.type not in AIR_TYPES or ev.role != "main" or ev.killed_min is not None or ev.killed_max is not None:
        return True
    p = strike_probability(r, ev)
    return p is None or p >= DROP_BELOW


def surest_toll(r: Reading, sents: list[Sentence]) -> tuple[float, Quantity, Sentence] | None:
    """The number mention these sentences most surely give as the killed figure, over ``TOLL_ABOVE``."""
    model = load("tolls")
    if model is None:
        return None
    best: tuple[float, Quantity, Sentence] | None = None
    for s in sents:
        if s.end - s.start > LONGEST_SENTENCE:
            continue
        toks = tokens(r.text, s.start, s.end)
        for q in mentions(r.text, toks, s.start, s.end):
            if r.in_claim(q.start, q.end):
                continue
            p = model.proba(number_features(toks, q))["killed"]
            if p >= TOLL_ABOVE and not q.vague and (best is None or p > best[0]):
                best = (p, q, s)
    return best


def _set_toll(ev: Event, q: Quantity) -> None:
    ev.killed_min, ev.killed_max = q.lo, q.hi
    ev.evidence += [Evidence("killed_min", q.start, q.end), Evidence("killed_max", q.start, q.end)]


def span_readings(r: Reading, spans: list[tuple[int, int]]) -> list[tuple[float, Quantity]] | None:
    """P(killed) and the figure of the first number in each span (None when a span holds no number: a named
    person, "a commander and his deputy", which the model cannot judge)."""
    model = load("tolls")
    if model is None:
        return None
    out = []
    for a, b in spans:
        s = sentence_at(r.sents, a)
        if s is None or s.end - s.start > LONGEST_SENTENCE:
            return None
        toks = tokens(r.text, s.start, s.end)
        q = next((q for q in mentions(r.text, toks, s.start, s.end) if a <= q.start < b), None)
        if q is None:
            return None
        out.append((model.proba(number_features(toks, q))["killed"], q))
    return out


def narrow_toll(r: Reading, ev: Event) -> None:
    """A killed range the rules widened with a lower figure the model reads as no toll of the strike (a part of
    the dead, "14 of them children"; another strike's toll) starts at the lowest figure it does read as the toll."""
    spans = sorted({(e.start, e.end) for e in ev.evidence if e.field == "killed_min"})
    if ev.role != "main" or ev.killed_min is None or len(spans) < 2:
        return
    read = span_readings(r, spans)
    if read is None:
        return
    kept = [q for p, q in read if p >= KEEP_TOLL]
    lows = [v for q in kept if (v := q.lo if q.lo is not None else q.hi) is not None]
    if not kept or len(kept) == len(read) or not lows or min(lows) <= ev.killed_min:
        return
    ev.killed_min = min(lows)
    if ev.killed_max is not None and ev.killed_max < ev.killed_min:
        ev.killed_max = None
    dropped = {(q.start, q.end) for p, q in read if p < KEEP_TOLL}
    ev.evidence = [e for e in ev.evidence if not (e.field.startswith("killed_")
                                                  and any(a <= e.start < b for a, b in dropped))]


def fill_toll(r: Reading, ev: Event) -> None:
    """Give a main event with no killed figure the number its sentences most surely say was killed."""
    if ev.role == "main" and ev.killed_min is None and ev.killed_max is None:
        best = surest_toll(r, r.of(ev))
        if best is not None:
            _set_toll(ev, best[1])


def other_violence(r: Reading) -> Event | None:
    """A text where the rules found no event but the model reads a killed figure in a sentence that reports no
    air strike: the violent event it tells (a clash, a bombing, a killing) as ``other`` — recorded with its toll,
    never making a strike record of its own."""
    best = surest_toll(r, [s for s in r.sents if s.section == "body" and not r.in_claim(s.start, s.end)])
    clauses = load("clauses")
    if best is None or clauses is None:
        return None
    _, q, s = best
    if clauses.proba(clause_features(r.text, s.start, s.end))["none"] <= OTHER_NONE_ABOVE:
        return None
    ev = Event(type="other")
    ev.evidence.append(Evidence("type", s.start, s.end))
    _set_toll(ev, q)
    return ev


def statistic(r: Reading, ev: Event) -> bool:
    """An untyped event whose every killed figure is large and read by the toll model as no strike's toll is a
    statistic the rules took for an event ("910 militants were killed in the operation so far", "3,804
    civilian deaths last year")."""
    if ev.type is not None or ev.killed_min is None and ev.killed_max is None:
        return False
    spans = sorted({(e.start, e.end) for e in ev.evidence if e.field in ("killed_min", "killed_max")})
    read = span_readings(r, spans)
    return read is not None and bool(read) and all(p < STATISTIC_BELOW and (q.lo or q.hi or 0) >= STATISTIC_FROM
                                                    for p, q in read)


def retype(r: Reading, ev: Event) -> None:
    """An untyped event ("killed five people", no strike word of its own) whose sentences the clause model reads as
    no strike report is violence of another kind (``other``): kept with its toll, never a strike record."""
    if ev.type is not None or ev.role != "main":
        return
    p = strike_probability(r, ev)
    if p is not None and p < RETYPE_BELOW:
        ev.type = "other"
        own = r.of(ev)
        if own:
            ev.evidence.append(Evidence("type", own[0].start, own[0].end))


def model_layer(doc: Doc) -> None:
    """The pipeline component: the clause model screens the rules' air events, the toll model fills tolls and reads
    other violence where the rules found no event (which layers run: ``strikewatch.extract.model.mode``)."""
    if not (uses("clauses") or uses("tolls")) or not (doc.events or uses("tolls")):
        return
    r = Reading(doc.text, doc.sents, [(c.start, c.end) for c in doc.claims])
    if uses("clauses"):
        doc.events = [ev for ev in doc.events if keep(r, ev)]
        for ev in doc.events:
            retype(r, ev)
    if uses("tolls"):
        doc.events = [ev for ev in doc.events if not statistic(r, ev)]
        for ev in doc.events:
            narrow_toll(r, ev)
            fill_toll(r, ev)
        other = None if doc.events else other_violence(r)
        if other is not None:
            doc.events = [other]
