"""One strike told several times in one article becomes one event.

Real reports tell their strike in the headline, again in the lead and again lower down ("US drones kill 10 in
North Waziristan" / "Ten militants were killed in the strike"); each telling may carry only part of the facts.
Two news events of one article are the same strike when nothing they state differs: the same type (or one
untyped), days that agree or are unknown, places that agree or are unknown, and tolls with the same lower bound or one
unknown — or an untyped later telling that counts more dead than the typed one's closed count (the named target, then
"killed with five others"). The later one's facts fill the gaps of the earlier, with their evidence; nothing
stated is averaged.
"""

from __future__ import annotations

from strikewatch.extract import rules
from strikewatch.extract.doc import Doc
from strikewatch.extract.layout import Sentence, sentence_at
from strikewatch.model import COUNT_FIELDS, PLACE_COLUMNS
from strikewatch.ranges import Range
from strikewatch.schema import Event

DATE_FIELDS = ("date", "date_earliest", "date_latest", "date_text")
SINGLE_FIELDS = ("perpetrator", "target")
_ANOTHER = rules.pattern("consolidation", "another_strike")


def _agree(a: object, b: object) -> bool:
    return a is None or b is None or a == b


def _same_toll(a: Range, b: Range) -> bool:
    """Tolls that cannot be two strikes': one unknown, or the same lower bound ("at least 10" and "10")."""
    return not a.known or not b.known or a.min == b.min


def fuller_count(a: Event, b: Event) -> bool:
    """Is ``b`` an untyped telling that counts more dead than ``a`` counted ("An air strike killed a commander"
    / "He was killed with five others")? Its count is the strike's whole toll."""
    ka, kb = Range.of(a, "killed"), Range.of(b, "killed")
    return (b.type is None and a.type is not None and ka.min is not None and ka.max == ka.min
            and kb.min is not None and kb.min > ka.min)


def told_as_another(text: str, sents: list[Sentence], ev: Event) -> bool:
    """Does a sentence holding some of the event's evidence say it is another strike ("a second strike")?"""
    for pos in sorted({e.start for e in ev.evidence}):
        s = sentence_at(sents, pos)
        if s is not None and _ANOTHER.search(text, s.start, s.end):
            return True
    return False


def same_strike(a: Event, b: Event) -> bool:
    if a.role != "main" or b.role != "main" or a.section != b.section or not _agree(a.type, b.type):
        return False
    if not all(_agree(getattr(a, f), getattr(b, f)) for f in ("date", "country", "admin2", "perpetrator")):
        return False
    return _same_toll(Range.of(a, "killed"), Range.of(b, "killed")) or fuller_count(a, b)


def _take(into: Event, src: Event, fields: tuple[str, ...]) -> None:
    for f in fields:
        setattr(into, f, getattr(src, f))
    into.evidence += [e for e in src.evidence if e.field in fields]


def fill(into: Event, src: Event) -> None:
    """Give ``into`` what ``src`` states and it does not (whole groups: a day with its span, a place with its
    levels, a count with both bounds)."""
    if into.type is None and src.type is not None:
        _take(into, src, ("type",))
    if into.date is None and src.date is not None:
        _take(into, src, DATE_FIELDS)
    if into.place is None and into.admin2 is None and (src.place is not None or src.admin2 is not None):
        _take(into, src, PLACE_COLUMNS)
    if fuller_count(into, src):
        into.evidence = [e for e in into.evidence if e.field not in ("killed_min", "killed_max")]
        _take(into, src, ("killed_min", "killed_max"))
    for c in COUNT_FIELDS:
        mine, theirs = Range.of(into, c), Range.of(src, c)
        if not mine.known and theirs.known:
            _take(into, src, (f"{c}_min", f"{c}_max"))
        elif mine.known and mine.min == theirs.min and mine.max is not None and (theirs.max is None
                                                                                 or theirs.max > mine.max):
            # "10 killed" in the headline, "at least 10" in the body: the range over both tellings
            into.evidence = [e for e in into.evidence if e.field != f"{c}_max"]
            _take(into, src, (f"{c}_max",))
    for f in SINGLE_FIELDS:
        if getattr(into, f) is None and getattr(src, f) is not None:
            _take(into, src, (f,))


def consolidate(events: list[Event], text: str, sents: list[Sentence]) -> list[int]:
    """Join each event to an earlier telling of the same strike; the indexes of the events that remain."""
    kept: list[int] = []
    for i, ev in enumerate(events):
        another = told_as_another(text, sents, ev)
        twin = None if another else next((k for k in kept if same_strike(events[k], ev)), None)
        if twin is None:
            kept.append(i)
        else:
            fill(events[twin], ev)
    return kept


def consolidate_events(doc: Doc) -> None:
    """The pipeline component: one event for each strike the article tells, however often it tells it."""
    kept = consolidate(doc.events, doc.text, doc.sents)
    if len(kept) == len(doc.events):
        return
    if len(doc.event_accs) == len(doc.events):
        doc.event_accs = [doc.event_accs[i] for i in kept]
    doc.events = [doc.events[i] for i in kept]
