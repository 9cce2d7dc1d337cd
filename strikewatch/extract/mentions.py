"""The mention component: per sentence read (not a statistic), each clause (``triggers.split_segments``) whose
strike words are neither negated nor hypothetical, or that gives a casualty statement, becomes a ``Mention``; a
clause with a toll but no strike word joins its neighbour. Also ``headline``: the headline block is read only when
the body reports nothing."""

from __future__ import annotations

from strikewatch.extract.casualties import Casualties
from strikewatch.extract.dates import DateMention
from strikewatch.extract.doc import Doc, Mention, SentRead
from strikewatch.extract.facts import (
    MUNITION_F,
    NEW_EVENT_F,
    STATEMENT_AFTER_F,
    STATEMENT_BEFORE_F,
    generic_toll,
    is_background,
    mention_keys,
    new_event_cue,
    plural_strikes,
    said_day,
    singular_span,
)
from strikewatch.extract.layout import Folded
from strikewatch.extract.rules import pattern
from strikewatch.extract.triggers import Segment, is_hypothetical, is_negated, split_segments, strike_triggers

_EARLIER_RE = pattern("events_sentences", "earlier_strikes")


_EARLIER_RE_F = Folded(_EARLIER_RE)


_ACCOUNTS_BEFORE_F = Folded(pattern("events_sentences", "accounts_before"))


_LONG_AGO_F = Folded(pattern("events_sentences", "long_ago"))


_RELATED_START = pattern("events_sentences", "related_start")


_RELATED_START_F = Folded(_RELATED_START)


_REACTION_BEFORE = pattern("events_sentences", "reaction_before")


_REACTION_BEFORE_F = Folded(_REACTION_BEFORE)


# looking back over a series: "The very first strike, near Wana in June 2004", "The deadliest came in October 2006"
_RETRO_RE = pattern("events_sentences", "retrospective")


_RETRO_RE_F = Folded(_RETRO_RE)


# "The strike came two weeks after commandos killed X": the clause after "came" tells the earlier event
_CAME_F = Folded(pattern("events_sentences", "came"))


_DECISION_AFTER_F = Folded(pattern("events_sentences", "decision_after"))


# "asked the Peshawar High Court on Tuesday to order …": a day told of a court, bench or assembly is its sitting's
_FORUM_BEFORE_F = Folded(pattern("events_sentences", "forum_before"))


_CAUSE_START_F = Folded(pattern("events_sentences", "cause_start"))


def mentions(doc: Doc) -> None:
    """The mentions of every sentence read that states no statistic, in text order."""
    for r in doc.reading:
        if r.claimed:
            continue
        sent_mentions: list[Mention] = []
        for seg in split_segments(doc.text, r.sent.start, r.sent.end):
            m = _clause(doc, r, seg, sent_mentions)
            if m is not None:
                sent_mentions.append(m)
        doc.mentions.extend(_merge_clauses(sent_mentions, doc.text))


def headline(doc: Doc) -> None:
    """The headline restates the lead: read it only when the body reports nothing."""
    if any(not m.title and m.section == "body" for m in doc.mentions):
        doc.mentions = [m for m in doc.mentions if not m.title]


def _clause(doc: Doc, r: SentRead, seg: Segment, sent_mentions: list[Mention]) -> Mention | None:
    """The mention one clause makes, or None (a general statement about strikes, a negated or hypothetical one)."""
    text = doc.text
    if not r.dates and not any(seg.start <= c.anchor < seg.end for c in r.cas) and not \
            MUNITION_F.search(text, seg.start, seg.end) and not singular_span(text, seg.start, seg.end):
        # no toll, no day, no munition, no single strike: a general statement about strikes, skipped below
        # whatever its strike words say (the filters below only ever drop tolls and days)
        return None
    found = _clause_triggers(text, seg, r.cas)
    if found is None:
        return None
    trig, seg_cas = found
    prior = bool(doc.mentions or sent_mentions)
    seg_dates = _statement_days(text, seg, r.dates, trig, seg_cas, prior)
    seg_dates = _ruling_days(text, seg, seg_dates, seg_cas)
    if not seg_cas and not seg_dates and not MUNITION_F.search(text, seg.start, seg.end) and not \
            singular_span(text, seg.start, seg.end):
        return None  # a general statement about strikes: nothing here can make an event specific
    bg = is_background(text, seg.start, seg.end)
    if not bg and _RETRO_RE_F.search(text, seg.start, seg.end) and seg_dates and not any(
            d.days for d in seg_dates):
        bg = True  # a retrospective over a series, dated only by month or year
    mention = Mention(seg.start, seg.end, r.index, r.sent.section, trig, seg_cas, seg_dates, bg, title=r.title)
    mention.related = _related(doc, r, mention, sent_mentions)
    mention.reaction = bool(trig) and all(
        _REACTION_BEFORE_F.search(text, max(seg.start, t[0] - 80), t[0]) for t in trig)
    mention.plural = plural_strikes(text, mention)
    if seg_dates and seg_cas and trig:
        day_dates = [d for d in seg_dates if d.days]
        mention.said_day = bool(day_dates) and all(said_day(text, seg.start, d) for d in day_dates)
    return mention


def _clause_triggers(text: str, seg: Segment, cas: list[Casualties]
                     ) -> tuple[list[tuple[int, int]], list[Casualties]] | None:
    """(strike words, casualty statements) of a clause, or None when its strike words are all negated or
    hypothetical, or it has neither."""
    # strikes named as earlier ones ("sites of previous attacks") are not this clause's event
    trig_all = [t for t in strike_triggers(text, seg.start, seg.end)
                if not _EARLIER_RE_F.search(text, max(seg.start, t[0] - 30), t[0])]
    trig = [t for t in trig_all if not is_negated(text, seg.start, t[0], t[1], seg.end)
            and not is_hypothetical(text, seg.start, t[0], t[1], seg.end)]
    seg_cas = [c for c in cas if seg.start <= c.anchor < seg.end]
    if seg_cas:
        seg_cas = [c for c in seg_cas if not generic_toll(text, seg.start, c)]
    if trig_all and not trig:
        return None
    if not trig:
        seg_cas = [c for c in seg_cas if not is_hypothetical(text, seg.start, c.anchor, c.anchor + 1, seg.end)]
        if not seg_cas:
            return None
    return trig, seg_cas


def _statement_days(text: str, seg: Segment, dates: list[DateMention], trig: list[tuple[int, int]],
                    seg_cas: list[Casualties], prior: bool) -> list[DateMention]:
    """The clause's dates less the days of funerals, statements and accounts about a strike already told."""
    seg_dates = [d for d in dates if seg.start <= d.start < seg.end]
    if seg_dates and not trig and prior and any(text.startswith("buried", c.anchor) for c in seg_cas):
        seg_dates = []  # "eight people were buried on Friday": the day of the funerals
    if seg_dates and trig and prior and not any(
            c.lo is not None or c.hi is not None for c in seg_cas) and not NEW_EVENT_F.search(
            text, seg.start, seg.end):
        # "US officials confirmed on Friday that a drone had been used": the day of the statement about
        # the strike just told, not another strike
        seg_dates = [d for d in seg_dates if not said_day(text, seg.start, d)]
    if seg_dates and not trig and prior:
        # "Villagers said on Tuesday that the toll had risen to ten", "Two were wounded, officials said on
        # Saturday": a later figure's day is when it was given, not a strike of its own
        seg_dates = [d for d in seg_dates if not (
            STATEMENT_AFTER_F.match(text, d.end) or
            STATEMENT_BEFORE_F.search(text, max(seg.start, d.start - 30), d.start))]
    if seg_dates and trig and not seg_cas:
        # "Officials gave different accounts on Monday of an airstrike", "Accounts differed widely on
        # Monday of an air strike": the day the accounts were given
        seg_dates = [d for d in seg_dates if not _ACCOUNTS_BEFORE_F.search(text, max(seg.start, d.start - 40),
                                                                           d.start)]
    return seg_dates


def _ruling_days(text: str, seg: Segment, seg_dates: list[DateMention], seg_cas: list[Casualties]
                 ) -> list[DateMention]:
    """Less the days of a statement, a ruling or a hearing about strikes."""
    if len(seg_dates) > 1:
        # "The Foreign Office on 13 May condemned the strikes of 11 and 12 May": the statement's day
        said = [d for d in seg_dates if STATEMENT_AFTER_F.match(text, d.end) or
                STATEMENT_BEFORE_F.search(text, max(seg.start, d.start - 60), d.start)]
        if len(said) < len(seg_dates):
            seg_dates = [d for d in seg_dates if d not in said]
    if seg_dates and not seg_cas and not singular_span(text, seg.start, seg.end):
        # "The court on Thursday declared drone strikes illegal", "parliament on Wednesday adopted a
        # resolution against missile attacks": the day of a ruling or statement about strikes in general
        seg_dates = [d for d in seg_dates if not (_DECISION_AFTER_F.match(text, d.end) or
                                                  said_day(text, seg.start, d))]
    if seg_dates and not any(c.lo is not None or c.hi is not None for c in seg_cas) and any(
            _FORUM_BEFORE_F.search(text, max(seg.start, d.start - 12), d.start) for d in seg_dates) and \
            not singular_span(text, seg.start, seg.end):
        # "men killed in drone strikes asked the High Court on Tuesday to order …": the hearing's day
        seg_dates = [d for d in seg_dates if not _FORUM_BEFORE_F.search(text, max(seg.start, d.start - 12),
                                                                         d.start)]
    return seg_dates


def _related(doc: Doc, r: SentRead, mention: Mention, sent_mentions: list[Mention]) -> bool:
    """The clause relates its event to another ("hours after the strike late on Wednesday near Darga Mandi"): it
    tells of that other, earlier event."""
    text, s, seg_start = doc.text, r.sent, mention.start
    # only a clause with specifics of its own tells of another event; "after the strike, rescuers could not
    # approach" is this event again
    related = seg_start > s.start and _RELATED_START_F.match(text, seg_start) is not None and \
        not new_event_cue(mention, text) and bool(
            mention.casualties or mention.dates or any(not k.startswith("#") for k in mention_keys(mention, text)))
    if related and not doc.mentions and not sent_mentions and any(d.days for d in mention.dates) and \
            not _LONG_AGO_F.search(text, max(s.start, seg_start - 30), seg_start + 14) \
            and not doc.trig_rx.search(doc.trig_src, s.start, seg_start) and \
            not doc.kill_rx.search(doc.kill_src, s.start, seg_start):
        # "The protest followed a strike late on Wednesday in X in which five died", "The searches began a
        # day after a missile strike ... killed six": the first strike the article tells, related to no
        # other strike and dated to a day, is its news (not "Ten years after missiles flattened ...": long
        # before; not "His remarks followed the raid in Abbottabad": no day)
        related = False
    if related and sent_mentions and sent_mentions[-1].casualties and not sent_mentions[-1].triggers \
            and _CAUSE_START_F.match(text, seg_start):
        # "Seven killed after a drone strike on a car near Wana": the strike that killed them, not another
        related = False
    return related


def _merge_clauses(sent_mentions: list[Mention], text: str) -> list[Mention]:
    """A clause with a toll but no strike word belongs with its neighbour in the same sentence."""
    merged: list[Mention] = []
    for m in sent_mentions:
        if merged and (not m.triggers or not merged[-1].triggers) and not (
                m.dates and merged[-1].dates) and (not m.triggers or not merged[-1].casualties) and \
                not new_event_cue(m, text) and not (
                m.related and _CAME_F.search(text, merged[-1].start, m.start)):
            prev = merged[-1]
            prev.end = max(prev.end, m.end)
            prev.triggers += m.triggers
            prev.casualties += m.casualties
            prev.dates += m.dates
            prev.background = prev.background or m.background
            prev.plural = prev.plural or m.plural
            prev.reaction = prev.reaction and m.reaction if m.triggers else prev.reaction
            continue
        merged.append(m)
    return merged
