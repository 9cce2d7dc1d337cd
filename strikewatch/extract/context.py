"""Components over the finished events of one article: a strike told as "a second strike" shares what the text
leaves implicit with the one before (``continue_from``, called by ``finalise``); an earlier strike told after the
lead is context (``earlier_than_lead``); the lead's place (``lead_place``); one perpetrator for all drone strikes
(``inherit_perpetrator``)."""

from __future__ import annotations

from strikewatch.extract.doc import Acc, Doc
from strikewatch.extract.layout import Folded
from strikewatch.extract.places import GEO_EVIDENCE, PLACE_FIELDS, body_start, resolve
from strikewatch.extract.rules import pattern
from strikewatch.schema import Event, Evidence

_SAME_PLACE_RE = pattern("events_fields", "same_place")


def continue_from(ev: Event, prev: Event, acc: Acc, text: str) -> None:
    """A strike the text introduces as the next one ("a second drone attack hit another building in the same
    village") shares what the text leaves implicit with the one before: its kind, who struck, and its place
    when the text says "the same village"."""
    if ev.type is None and prev.type is not None:
        ev.type = prev.type
        ev.evidence += [e for e in prev.evidence if e.field == "type"]
    if ev.perpetrator is None and prev.perpetrator is not None and ev.type == prev.type:
        ev.perpetrator = prev.perpetrator
        ev.evidence += [e for e in prev.evidence if e.field == "perpetrator"]
    same = next((m for x in acc.mentions for m in [_SAME_PLACE_RE.search(text, x.start, x.end)] if m), None)
    if same is not None and prev.geo_precision in ("place", "admin2") and ev.geo_precision not in ("place",):
        for f in ("country", "admin1", "admin2", "place", "lat", "lon", "geo_precision", "geo_conflict"):
            setattr(ev, f, getattr(prev, f))
        ev.evidence = [e for e in ev.evidence if e.field not in GEO_EVIDENCE]
        for f in ("country", "admin1", "admin2", "place", "lat", "lon", "geo_precision"):
            if getattr(ev, f) is not None:
                ev.evidence.append(Evidence(f, same.start(), same.end()))


_EARLIER_TIME_F = Folded(pattern("events_fields", "earlier_time"))


def earlier_than_lead(doc: Doc) -> None:
    """News leads with its newest strike; an earlier strike told after the lead ("On Sunday, a strike in the same
    valley killed four") is context, not the news, unless the text presents it as another strike of its own."""
    events, accs = doc.events, doc.event_accs
    lead = next((i for i, e in enumerate(events) if e.role == "main" and e.section == "body" and e.date), None)
    if lead is None:
        return
    day = events[lead].date
    assert day is not None
    first_sent = min(m.sent for m in accs[lead].mentions)
    for ev, acc in zip(events[lead + 1:], accs[lead + 1:], strict=True):
        when = ev.date or ev.date_latest
        if ev.role != "main" or ev.section != "body" or when is None or when >= day or acc.ordinal:
            continue
        if min(m.sent for m in acc.mentions) > first_sent:
            ev.role = "background"
    # "A strike a week earlier in Abyan killed dozens", "Earlier this month, a raid ...": told after the lead with
    # a time that puts it before the lead's day, however far the window reaches
    for ev, acc in zip(events[lead + 1:], accs[lead + 1:], strict=True):
        if ev.role != "main" or ev.section != "body" or ev.date == day or acc.ordinal or \
                min(m.sent for m in acc.mentions) <= first_sent:
            continue
        if any(_EARLIER_TIME_F.search(doc.text, m.start, m.end) for m in acc.mentions):
            ev.role = "background"


def lead_place(doc: Doc) -> None:
    """A report names its place in the lead ("Villagers in Damadola ... buried their dead, a day after missiles
    destroyed several houses in the village"); the first strike it tells without a place of its own is there."""
    lead = next((x for x in doc.sents if x.section == "body" and not x.heading), None)
    if lead is None:
        return
    ev = next((e for e in doc.events if e.role == "main" and e.section == "body"), None)
    if ev is None or ev.country is not None:
        return
    r = resolve(doc, body_start(doc, lead.start, lead.end), lead.end)
    if r is None or r.geo_precision not in ("place", "admin2"):
        return
    for f in PLACE_FIELDS:
        setattr(ev, f, getattr(r, f))
        if getattr(ev, f) is not None and r.start is not None and r.end is not None:
            ev.evidence.append(Evidence(f, r.start, r.end))
    ev.geo_conflict = r.conflict
    ev.evidence.sort(key=lambda e: (e.start, e.field))


def inherit_perpetrator(doc: Doc) -> None:
    """A drone strike whose clause names no perpetrator takes the one the article gives its other drone strikes,
    when that is a single perpetrator (evidence: where the article says it)."""
    events = doc.events
    perps = {(e.perpetrator) for e in events if e.type == "drone_strike" and e.perpetrator}
    if len(perps) != 1:
        return
    perp = next(iter(perps))
    src = next(e for e in events if e.type == "drone_strike" and e.perpetrator == perp)
    span = next((x for x in src.evidence if x.field == "perpetrator"), None)
    for e in events:
        if e.type == "drone_strike" and e.perpetrator is None and e.section == src.section:
            e.perpetrator = perp
            if span is not None:
                e.evidence.append(Evidence("perpetrator", span.start, span.end))
