"""The finalise component: each candidate event becomes an ``Event`` (type and perpetrator, casualty ranges,
munitions, dates, place, target, groups, role), or is dropped when nothing in it is specific (no toll, day, name or
named place)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from strikewatch.extract import places
from strikewatch.extract.apply_counts import apply_class, apply_counts
from strikewatch.extract.context import continue_from
from strikewatch.extract.doc import Acc, Doc, Mention
from strikewatch.extract.event_dates import apply_dates
from strikewatch.extract.event_fields import add_evidence, apply_groups, apply_munitions, apply_target
from strikewatch.extract.facts import day_list, mention_typing, singular_act
from strikewatch.extract.layout import Folded
from strikewatch.extract.places import PLACE_FIELDS, PRECISION_RANK, body_start, resolve
from strikewatch.extract.rules import pattern
from strikewatch.schema import Claim, Event, Evidence, GeoResult

_UNKNOWN_CAS = Folded(pattern("events_fields", "unknown_casualties"))


_STRIKE_WORD = pattern("events_fields", "strike_word")


def finalise(doc: Doc) -> None:
    """``doc.events`` (and ``doc.event_accs``) from ``doc.candidates``; days told relative to the event before
    ("the next day") count from the last event with a day."""
    prev_day: date | None = None
    for acc in doc.candidates:
        ev = finalise_event(doc, acc, prev_day)
        if ev is None:
            continue
        if acc.ordinal and doc.events and doc.events[-1].section == ev.section:
            continue_from(ev, doc.events[-1], acc, doc.text)
        if ev.date is not None:
            prev_day = ev.date
        doc.events.append(ev)
        doc.event_accs.append(acc)


def finalise_event(doc: Doc, acc: Acc, prev_day: date | None) -> Event | None:
    """One candidate's event, or None."""
    ms, text = acc.mentions, doc.text
    if not any(m.casualties or m.dates or m.extra_spans or m.multi for m in ms) and not any(
            singular_act(text, m) for m in ms):
        return None  # nothing that could make it specific
    if not any(m.triggers or m.dates for m in ms) and all(c.hi == 0 for m in ms for c in m.casualties):
        return None  # "No one was hurt" with no strike told: nothing happened here
    ev = Event(section="comments" if acc.section == "comments" else "body")
    _type_and_perpetrator(ev, ms, text, doc.drone)
    named = _casualty_fields(ev, acc, text, doc.claims)
    apply_munitions(ev, ms, text)
    apply_dates(ev, acc, ms, text, doc.published, prev_day)
    # specific enough to be a strike report? Decided before the place is looked up (the costliest step)
    # wherever the place cannot change the answer: about half the candidates are dropped here.
    kept = _specific(ev, acc, text, named)
    if kept is None:
        return None
    specific, referred = kept
    _apply_geo(doc, ev, ms)
    if not specific and ev.geo_precision not in ("place", "admin2"):
        return None  # a strike act with no toll, day or name: specific only by a named place
    apply_target(ev, ms, text)
    apply_groups(ev, ms, text)
    ev.role = _role(ev, ms, referred, doc.published)
    ev.evidence.sort(key=lambda e: (e.start, e.field))
    return ev


def _type_and_perpetrator(ev: Event, ms: list[Mention], text: str, doc_drone: bool) -> None:
    """Type and perpetrator: the first mention that says; a strike in an article about drones is a drone strike."""
    for m in ms:
        if ev.type is not None and ev.perpetrator is not None:
            break
        t = mention_typing(m, text)
        if ev.type is None and t.type is not None:
            ev.type = t.type  # type: ignore[assignment]
            add_evidence(ev, "type", t.type_span)
        if ev.perpetrator is None and t.perpetrator is not None:
            ev.perpetrator = t.perpetrator
            add_evidence(ev, "perpetrator", t.perp_span)
    if ev.type is None and doc_drone:
        trig = next(((m, t) for m in ms for t in m.triggers if _STRIKE_WORD.search(text, t[0], t[1])), None)
        if trig is not None:
            ev.type = "drone_strike"
            add_evidence(ev, "type", trig[1])
    if ev.type in ("air_strike", "drone_strike") and ev.perpetrator in ("Taliban", "TTP", "al-Qaeda", "IS"):
        ev.perpetrator = None
        ev.evidence = [e for e in ev.evidence if e.field != "perpetrator"]


def _casualty_fields(ev: Event, acc: Acc, text: str, claims: list[Claim]) -> list[str]:
    """Killed, injured and class ranges, and the named dead (returned); a toll given for several strikes or days
    together becomes a claim instead."""
    ms = acc.mentions
    # a toll given for several strikes together that the text then breaks down strike by strike
    figures_from = [m for m in ms if not m.multi and not (acc.split and m.plural)]
    if acc.split:
        for m in ms:
            if m.plural:
                _toll_claims(m, text, claims, ", ".join(d.text for d in m.dates))
    if any(m.multi for m in ms):
        for m in ms:
            if m.multi:
                _toll_claims(m, text, claims, m.group_dates or ", ".join(d.text for d in m.dates))
    cas = [c for m in figures_from for c in m.casualties]
    apply_counts(ev, cas, "killed")
    apply_counts(ev, cas, "injured")
    for cls, fld in (("civilian", "civilians"), ("child", "children"), ("militant", "militants")):
        apply_class(ev, [c for c in cas if c.kind == "killed"], cls, fld)
    # children and women are civilians: a lower bound when no civilian figure is given
    if ev.civilians_min is None:
        kids = [c.classes[k] for c in cas if c.kind == "killed" for k in ("child", "woman") if k in c.classes]
        if kids:
            lo = sum(v[0] or 0 for v in kids)
            if lo > 0:
                ev.civilians_min = lo
                for v in kids:
                    add_evidence(ev, "civilians_min", (v[2], v[3]))
    named: list[str] = []
    for c in cas:
        if c.kind != "killed":
            continue
        for n, s, e in c.named:
            if n.lower() not in {x.lower() for x in named}:
                named.append(n)
                add_evidence(ev, "named_dead", (s, e))
    ev.named_dead = named
    return named


def _toll_claims(m: Mention, text: str, claims: list[Claim], period: str) -> None:
    """The tolls of a mention given for several strikes or days together, as claims (each once)."""
    for c in m.casualties:
        if c.has_total and not any(cl.start == c.start and cl.end == c.end for cl in claims):
            claims.append(Claim(text=text[c.start:c.end], start=c.start, end=c.end, source=None,
                                quantity=c.hi if c.hi is not None else c.lo,
                                unit="killed" if c.kind == "killed" else "injured",
                                period=period or None))


def _specific(ev: Event, acc: Acc, text: str, named: list[str]) -> tuple[bool, bool] | None:
    """(specific without a place, referred to rather than reported), or None when no place could make the event
    worth keeping."""
    ms = acc.mentions
    has_toll = any(getattr(ev, f) is not None for f in ("killed_min", "killed_max", "injured_min", "injured_max",
                                                        "civilians_min", "children_min", "militants_min"))
    has_day = ev.date is not None or any(day_list(m) for m in ms) or any(
        d.follows is not None for m in ms for d in m.dates)
    combined_toll = acc.combined and any(c.has_total for m in ms for c in m.casualties)
    singular = any(singular_act(text, m) for m in ms)
    unknown_cas = any(_UNKNOWN_CAS.search(text, m.start, m.end + 60) for m in ms)
    specific = has_toll or has_day or bool(named) or combined_toll or (singular and unknown_cas)
    if not specific and not (singular or unknown_cas):
        return None  # not even a named place could make it specific
    if not has_toll and not named and not combined_toll and not any(m.triggers for m in ms):
        return None
    # referred to rather than reported: an earlier strike the text relates its news to ("hours after the strike on
    # Wednesday"), a strike the text reports a reaction to ("condemned the two strikes")
    referred = all(m.background or m.related or m.reaction for m in ms)
    if referred and all(m.related or m.reaction for m in ms) and not (has_toll or named or ev.date is not None or (
            ev.date_earliest is not None and ev.date_latest is not None and
            (ev.date_latest - ev.date_earliest).days <= 31)):
        return None  # "after the attack on Karachi airport": a passing reference with nothing to record
    return specific, referred


def _role(ev: Event, ms: list[Mention], referred: bool, published: date | None
          ) -> Literal["main", "background"]:
    """'background' for a strike referred to, told as background with a date, or over two weeks before the
    publication date; 'main' for one within the week before it."""
    bg = referred or any(m.background and m.dates for m in ms)
    latest = ev.date or ev.date_latest
    if published is not None and latest is not None and latest < published - timedelta(days=14):
        bg = True
    if published is not None and ev.date is not None and ev.date >= published - timedelta(days=7) and not any(
            m.background and m.dates for m in ms) and not referred:
        bg = False
    return "background" if bg else "main"


def _apply_geo(doc: Doc, ev: Event, ms: list[Mention]) -> None:
    """The most specific place any mention (or a place line after it) names: precision, then a site named as such
    over one the strike was only near, then village over town over area; the earliest of equals."""
    g = places.geo()
    if g is None:
        return
    specificity = g[1]
    best: GeoResult | None = None
    best_key: tuple[int, ...] = ()
    spans: list[tuple[int, int]] = []
    for m in ms:
        spans.append((body_start(doc, m.start, m.end), m.end))
        spans.extend(m.extra_spans)
    seen: set[tuple[int, int]] = set()
    for s, e in spans:
        if (s, e) in seen:
            continue
        seen.add((s, e))
        r = resolve(doc, s, e)
        if r is None:
            continue
        key = specificity(doc.text, r) if callable(specificity) else (PRECISION_RANK.get(r.geo_precision, 0),)
        if best is None or key > best_key:
            best, best_key = r, key
    if best is None:
        return
    for f in PLACE_FIELDS:
        setattr(ev, f, getattr(best, f))
    ev.geo_conflict = best.conflict
    if best.start is not None and best.end is not None:
        for f in (*PLACE_FIELDS, "geo_conflict"):
            if getattr(ev, f) is not None:
                ev.evidence.append(Evidence(f, best.start, best.end))
