"""The day of one event: the day its mentions share, a day relative to the event before, or the narrowest window
they give."""

from __future__ import annotations

from datetime import date, timedelta

from strikewatch.extract.dates import DateMention
from strikewatch.extract.doc import Acc, Mention
from strikewatch.extract.event_fields import add_evidence
from strikewatch.extract.facts import SAME_DAY_RE
from strikewatch.schema import Event


def apply_dates(ev: Event, acc: Acc, ms: list[Mention], text: str, published: date | None,
                prev_day: date | None) -> None:
    """``date``, ``date_earliest``, ``date_latest``, ``date_text`` and their evidence."""
    if acc.day is not None:
        chosen = next((d for m in ms for d in m.dates if acc.day in d.days), None)
        ev.date = ev.date_earliest = ev.date_latest = acc.day
    else:
        chosen = _undated_choice(ev, ms, published, prev_day)
    if chosen is None and acc.inherited:
        cue = next((c for m in ms for c in [SAME_DAY_RE.search(text, m.start, m.end)] if c), None)
        if cue is not None:
            ev.date_text = cue.group()
            for f in ("date_text", "date", "date_earliest", "date_latest"):
                add_evidence(ev, f, (cue.start(), cue.end()))
    if chosen is not None:
        ev.date_text = chosen.text
        span = (chosen.start, chosen.end)
        add_evidence(ev, "date_text", span)
        for f in ("date", "date_earliest", "date_latest"):
            if getattr(ev, f) is not None:
                add_evidence(ev, f, span)
    if ev.date_latest is None and published is not None:
        ev.date_latest = published  # reported by then; from the publication date, not the text


def _undated_choice(ev: Event, ms: list[Mention], published: date | None, prev_day: date | None
                    ) -> DateMention | None:
    """For a candidate with no day of its own: a day relative to the previous event, or the narrowest window, or
    a day we could not resolve (its text kept)."""
    for m in ms:
        for d in m.dates:
            if d.follows is not None and prev_day is not None:
                day = prev_day + timedelta(days=d.follows)
                if published is None or day <= published:
                    ev.date = ev.date_earliest = ev.date_latest = day
                    return d
    windows = [d for m in ms for d in m.dates if d.earliest is not None and d.latest is not None]
    if windows:
        best = min(windows, key=lambda d: (d.latest - d.earliest) if d.latest and d.earliest else
                   timedelta(days=99999))
        ev.date_earliest, ev.date_latest = best.earliest, best.latest
        if best.earliest == best.latest:
            ev.date = best.earliest
        return best
    texts = [d for m in ms for d in m.dates if d.follows is None]
    return texts[0] if texts else None  # e.g. "Friday" with no publication date: text kept, day unknown
