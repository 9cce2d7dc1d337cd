"""Per sentence read: its dates (``dates``), casualty statements (``casualties``) and statistics (``claims``; a
sentence that states one gives no mention)."""

from __future__ import annotations

from datetime import timedelta

from strikewatch.extract.casualties import Casualties, find_casualties
from strikewatch.extract.claims import find_claims
from strikewatch.extract.dates import DateMention, find_dates, month_folded
from strikewatch.extract.doc import Doc, SentRead
from strikewatch.extract.facts import said_day
from strikewatch.extract.layout import Folded
from strikewatch.extract.rules import pattern

_DATE_CUE = pattern("events_sentences", "date_cue")


_DATE_CUE_F = Folded(_DATE_CUE)


_DAY_WORD = pattern("events_sentences", "day_word")
_REPORT_TIME = pattern("events_sentences", "report_time")


# the per-clause cues run on the lower-cased article (``layout.Folded``): several times faster than IGNORECASE
_REPORT_TIME_F = Folded(_REPORT_TIME)


def _previous_day_of_statement(text: str, start: int, dates: list[DateMention]) -> None:
    """ "Officials said on Tuesday that four militants died the previous day": the day before the statement's day,
    not before the last event told."""
    said = [d for d in dates if len(d.days) == 1 and d.follows is None and said_day(text, start, d)]
    if not said:
        return
    for d in dates:
        if d.follows == -1 and d.start > said[0].start:
            day = said[0].days[0] - timedelta(days=1)
            d.days, d.earliest, d.latest, d.follows = [day], day, day, None


def dates(doc: Doc) -> None:
    """The dates of each sentence read, less those that say when a figure was reported or the report was filed."""
    text = doc.text
    # date cues are looked for only in the sentences read (about a third)
    date_rx, date_src = _DATE_CUE_F.on(text)
    folded = False  # ``doc.date_low`` made, on the first sentence with a date cue
    for r in doc.reading:
        s = r.sent
        found: list[DateMention] = []
        if date_rx.search(date_src, s.start, s.end):
            if not folded:
                doc.date_low, folded = month_folded(text, doc.low), True
            found = find_dates(text, doc.published, s.start, s.end, year_ref=doc.year_ref, low=doc.date_low)
        if found:
            # "had risen to 18 by Thursday": when a figure was reported, not when the strike was
            found = [d for d in found if not _REPORT_TIME_F.search(text, max(s.start, d.start - 10), d.start)
                     or text[d.end:d.end + 2] in ("'s", "’s")]
        if found and any(d.follows == -1 for d in found):
            _previous_day_of_statement(text, s.start, found)
        if doc.dl_end is not None and s.start < doc.dl_end:
            # "MIRANSHAH, June 12 (FPA) -": the day the report was filed, not the day of the strike
            found = [d for d in found if d.start >= doc.dl_end]
        r.dates = found


def casualties(doc: Doc) -> None:
    """The casualty statements of each sentence read with a kill word (dates and junk masked), and its tolls of
    none ("there were no casualties")."""
    for r in doc.reading:
        s = r.sent
        dmask = [(d.start, d.end) for d in r.dates] + [j for j in doc.junk if j[0] < s.end and s.start < j[1]]
        # find_casualties opens with the same kill-word test
        cas = find_casualties(doc.text, s.start, s.end, dmask) if r.kill_cue else []
        for zs, ze in r.no_cas:
            cas.append(Casualties("killed", 0, 0, zs, ze, zs))
        r.cas = cas


def claims(doc: Doc) -> None:
    """Statistics: a sentence that states one gives claims and no mention."""
    for r in doc.reading:
        sclaims = find_claims(doc.text, r.sent.start, r.sent.end, r.cas, *_day_kinds(doc.text, r))
        if sclaims:
            doc.claims.extend(sclaims)
            r.claimed = True


def _day_kinds(text: str, r: SentRead) -> tuple[bool, bool]:
    """(names a day that is not only a statement's day, names several days)."""
    ds = r.dates
    has_day = any(d.days or d.follows is not None for d in ds) or any(
        d.relative and not d.earliest and not d.days and _DAY_WORD.search(d.text) for d in ds)
    multi_day = any(len(d.days) >= 2 for d in ds) or sum(1 for d in ds if d.days) >= 2
    # "killed 149 civilians in the first six months of the year, the UN said in a report on Sunday": the
    # report's day does not make a statistic one strike
    claim_day = has_day and any((d.days or d.follows is not None) and not said_day(text, r.sent.start, d)
                                for d in ds)
    return claim_day, multi_day
