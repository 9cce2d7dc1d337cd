"""The cluster component: mentions become candidate events (``Acc``).

Same day -> same event; same named dead -> same event; a clause with no new date, place or name continues the
previous event; several days in one clause ("on 11 and 12 June", "today and Wednesday") are several events, and a
toll given for them together becomes a claim, not a per-event figure (``finalise``).
"""

from __future__ import annotations

import re
from datetime import date

from strikewatch.extract.dates import DateMention
from strikewatch.extract.doc import Acc, Doc, Mention
from strikewatch.extract.facts import (
    SAME_DAY_RE,
    day_list,
    definite_only,
    mention_keys,
    mention_type,
    near_dates,
    new_event_cue,
)
from strikewatch.extract.layout import Folded
from strikewatch.extract.places import region
from strikewatch.extract.rules import pattern


def cluster(doc: Doc) -> None:
    """Group ``doc.mentions`` into ``doc.candidates``, in the order the text tells them."""
    c = _Clusterer(doc)
    for m in doc.mentions:
        c.add(m)
    doc.candidates = c.events


class _Clusterer:
    def __init__(self, doc: Doc) -> None:
        self.doc, self.text = doc, doc.text
        self.events: list[Acc] = []

    def same_region(self, acc: Acc, x: Mention) -> bool:
        """No place in the mention that lies in another country or province than the event's places
        ("after the attack on Karachi airport" is not the Waziristan strike told so far)."""
        c2, a2 = region(self.doc, x)
        if c2 is None:
            return True
        for y in acc.mentions:
            c1, a1 = region(self.doc, y)
            if c1 is not None and (c1 != c2 or (a1 is not None and a2 is not None and a1 != a2)):
                return False
        return True

    def add(self, m: Mention) -> None:
        m.dates = near_dates(m, self.text)
        days = day_list(m)
        keys: list[object] = []
        for k, _dm in days:
            if k not in keys:
                keys.append(k)
        if len(keys) >= 2:
            self.several_days(m, days, keys)
            return
        new_cue = new_event_cue(m, self.text)
        if keys:
            self.dated(m, keys[0], new_cue)
            return
        names = {n.lower() for c in m.casualties for n, _s, _e in c.named}
        if names:
            named_target = next((e for e in self.events if e.section == m.section and e.names() & names), None)
            if named_target is not None:
                named_target.mentions.append(m)
                named_target.last_sent = m.sent
                return
        if self.keyed(m, names, new_cue):
            return
        self.undated(m, names, new_cue)

    def several_days(self, m: Mention, days: list[tuple[object, DateMention]], keys: list[object]) -> None:
        """Several strikes on several days in one clause: one clone of the mention per day."""
        for key in keys:
            dm = next(x for k, x in days if k == key)
            clone = _clone(m, [dm])
            clone.multi = True
            ds = [x for _k, x in days]
            clone.group_dates = self.text[min(x.start for x in ds):max(x.end for x in ds)]
            target = _find_same_day(self.events, key, m.section, _own_sentence(m))
            if target is not None:
                target.mentions.append(clone)
            else:
                self.events.append(Acc([clone], day=key if isinstance(key, date) else None, section=m.section,
                                       combined=True, last_sent=m.sent, day_key=key))

    def dated(self, m: Mention, key: object, new_cue: bool) -> None:
        """A mention with one day: the event of that day, or a new one."""
        events = self.events
        day = key if isinstance(key, date) else None
        target = _find_same_day(events, key, m.section, _own_sentence(m))
        if target is not None and new_cue and not target.ordinal and \
                not any(x.plural for x in target.mentions):
            target = None  # "a second strike on Tuesday": not the Tuesday strike already told
        if target is None and not new_cue:
            target = self.said_day_event(m, day)
        if target is None and not new_cue:
            target = _find_by_keys(events, m, self.text, undated_only=True, exclude_sent=_own_sentence(m))
        if target is None and not m.related and events and events[-1].day_key is None and \
                events[-1].section == m.section and \
                m.sent - events[-1].last_sent <= 1 and _compatible(events[-1], m, self.text) and \
                not new_cue and (day is None or _window_ok(events[-1], day)) and \
                any(x.casualties or x.extra_spans for x in events[-1].mentions) and self.same_region(events[-1], m):
            target = events[-1]
        if target is None:
            acc = Acc([m], day=day, section=m.section, last_sent=m.sent, day_key=key, said_day=m.said_day)
            if new_cue and events and events[-1].section == m.section:
                acc.ordinal = True
                if any(x.plural for x in events[-1].mentions):
                    events[-1].split = True
            events.append(acc)
        else:
            target.day, target.day_key = day, key
            target.mentions.append(m)
            target.last_sent = m.sent

    def said_day_event(self, m: Mention, day: date | None) -> Acc | None:
        """"..., the governor said on Sunday. The strike hit the car on Saturday": the strike's day replaces the
        day the toll was given."""
        events = self.events
        if day is not None and events and events[-1].said_day and \
                events[-1].section == m.section and events[-1].day is not None and not m.related and \
                0 < (events[-1].day - day).days <= 3 and m.sent - events[-1].last_sent <= 2 and \
                definite_only(m, self.text) and not any(c.lo is not None for c in m.casualties):
            events[-1].said_day = False
            return events[-1]
        return None

    def keyed(self, m: Mention, names: set[str], new_cue: bool) -> bool:
        """An undated mention naming the place or target of an earlier event of its kind joins it."""
        keyed = None if new_cue else _find_by_keys(self.events, m, self.text, undated_only=False,
                                                   exclude_sent=_own_sentence(m))
        if keyed is not None and not all(_window_ok(keyed, None, w) for w in m.dates if w.earliest is not None):
            keyed = None  # "X was behind a bombing at Bagram last year": the same name, another event
        if keyed is not None and not names:
            keyed.mentions.append(m)
            keyed.last_sent = m.sent
            return True
        return False

    def undated(self, m: Mention, names: set[str], new_cue: bool) -> None:
        """No day of its own: a toll or a place that continues the previous event when close and compatible --
        the event the text is telling, not one it only referred to ("hours after the strike on Wednesday")."""
        events = self.events
        windows = [d for d in m.dates if d.earliest is not None]
        told = [e for e in events if e.section == m.section and not _referred(e)]
        last = told[-1] if told and events[-1].section == m.section and _referred(events[-1]) else \
            (events[-1] if events else None)
        # "Officials said a commander, X, was among the dead": a name in a toll with no strike word is the same dead
        if names and not m.triggers and not windows:
            names = set()
        # "One man died in the strike", "It was the second strike in the valley this month": the strike told so far
        definite = not m.related and bool(m.triggers) and definite_only(m, self.text)
        if not names and last is not None and self.continues(m, last, windows, new_cue, definite):
            return
        if definite and not windows and last is not None and last.section == m.section and \
                not m.casualties and not new_cue:
            return  # "The strike came amid a row over a contractor held in Lahore": the strike told, placed elsewhere
        if new_cue and not windows and last is not None and last is events[-1] and last.ordinal and \
                last.section == m.section and m.sent - last.last_sent <= 2 and _same_ordinal(m, last, self.text):
            # "A second strike hit a house hours later. No one was killed in the second strike": that strike again
            last.mentions.append(m)
            last.last_sent = m.sent
            return
        self.new_undated(m, windows, new_cue)

    def continues(self, m: Mention, last: Acc, windows: list[DateMention], new_cue: bool, definite: bool) -> bool:
        """Join ``last`` when the mention is close to it, or is a toll without a strike word, or speaks of "the
        strike" ("One man died in the strike")."""
        # a toll with no strike word of its own ("officials put the toll at five") elaborates the last event
        near = m.sent - last.last_sent <= 2
        if not m.triggers and m.casualties and not windows:
            near = True
        if definite:
            near = True
        if not m.related and last.section == m.section and \
                near and (definite or _compatible(last, m, self.text)) and \
                not new_cue and all(_window_ok(last, None, w) for w in windows) and (
                    definite and bool(m.casualties) or self.same_region(last, m)):
            if definite and m.background and not m.casualties and any(not x.background for x in last.mentions):
                m.background = False  # "It was the first strike of 2011": this strike, placed in a series
            last.mentions.append(m)
            last.last_sent = max(last.last_sent, m.sent)
            return True
        return False

    def new_undated(self, m: Mention, windows: list[DateMention], new_cue: bool) -> None:
        """A new undated event; "a second strike" told after a plural one splits it, and takes its day when
        "hours later" or the plural statement says so."""
        events = self.events
        acc = Acc([m], day=None, section=m.section, last_sent=m.sent)
        if new_cue and events and events[-1].section == m.section:
            # "A second drone attack hit another building in the same village in the afternoon"
            acc.ordinal = True
            prev = events[-1]
            plural_before = any(x.plural for x in prev.mentions)
            if plural_before:
                prev.split = True
            if prev.day is not None and not windows and (
                    plural_before or SAME_DAY_RE.search(self.text, m.start, m.end)):
                acc.day, acc.day_key, acc.inherited = prev.day, prev.day_key, True
        events.append(acc)


def _referred(acc: Acc) -> bool:
    return all(x.related or x.reaction for x in acc.mentions)


def _own_sentence(m: Mention) -> int | None:
    """A clause relating its event to another cannot be that other event's account in the same sentence."""
    return m.sent if m.related else None


def _find_by_keys(events: list[Acc], m: Mention, text: str, undated_only: bool,
                  exclude_sent: int | None = None) -> Acc | None:
    """An earlier event of the same kind that names the same place or target ("the Karachi attack")."""
    mk = {k for k in mention_keys(m, text) if not k.startswith("#")}
    if not mk:
        return None
    mt = mention_type(m, text)
    for e in reversed(events):
        if e.section != m.section or (undated_only and e.day is not None):
            continue
        if exclude_sent is not None and any(x.sent == exclude_sent for x in e.mentions):
            continue
        if not any(mk & mention_keys(x, text) for x in e.mentions):
            continue
        et = next((t for t in (mention_type(x, text) for x in e.mentions) if t is not None), None)
        if mt is not None and et is not None and mt != et:
            continue
        return e
    return None


def _window_ok(acc: Acc, day: date | None, window: DateMention | None = None) -> bool:
    if window is not None and acc.day is not None and window.earliest and window.latest:
        return window.earliest <= acc.day <= window.latest
    if day is not None:
        for x in acc.mentions:
            for d in x.dates:
                if d.earliest and d.latest and not (d.earliest <= day <= d.latest):
                    return False
    return True


_DEF_ORDINAL_F = Folded(pattern("events_fields", "definite_ordinal"))


def _same_ordinal(m: Mention, ev: Acc, text: str) -> bool:
    """"in the second strike" told after the event that "a second strike" opened: that event, not a new one."""
    dm = _DEF_ORDINAL_F.search(text, m.start, m.end)
    if dm is None:
        return False
    first = ev.mentions[0]
    return re.search(r"\b(?:a|the)\s+" + dm.group("o") + r"\b", text[first.start:first.end], re.IGNORECASE) is not None


def _compatible(acc: Acc, m: Mention, text: str) -> bool:
    a = mention_type(acc.mentions[0], text)
    b = mention_type(m, text)
    if a is None or b is None or a == b:
        return True
    return {a, b} <= {"drone_strike", "air_strike"}


def _find_same_day(events: list[Acc], key: object, section: str, exclude_sent: int | None = None) -> Acc | None:
    for e in events:
        if e.day_key == key and e.section == section and not (
                exclude_sent is not None and any(x.sent == exclude_sent for x in e.mentions)):
            return e
    return None


def _clone(m: Mention, dates: list[DateMention]) -> Mention:
    return Mention(m.start, m.end, m.sent, m.section, list(m.triggers), list(m.casualties), dates, m.background,
                   list(m.extra_spans), m.multi, related=m.related, reaction=m.reaction, plural=m.plural,
                   title=m.title)
