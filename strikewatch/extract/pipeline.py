"""extract_article: sentences -> clauses that report an event (mentions) -> events -> fields with evidence.

1. layout: comment section, junk lines, dateline, sentences (``layout``);
2. per sentence: dates, casualty statements, claims; sentences stating a statistic give claims, not events;
3. per clause (``triggers.split_segments``): strike words that are neither negated nor hypothetical, or a
   casualty statement, make a mention;
4. mentions become events: same day -> same event; same named dead -> same event; a clause with no new date,
   place or name continues the previous event; several days in one clause ("on 11 and 12 June", "today and
   Wednesday") are several events, and a toll given for them together becomes a claim, not a per-event figure;
5. each event: type/perpetrator, casualty ranges (alternate figures: lowest min, highest max; "also" adds;
   "rose to" revises), dates, place (``strikewatch.geo.resolve``), target, groups, named dead, role;
   events with nothing specific (no toll, day, name or named place) are dropped.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from strikewatch.extract.casualties import CUE_RE as CASUALTY_CUE_RE
from strikewatch.extract.casualties import Casualties, find_casualties
from strikewatch.extract.claims import find_claims
from strikewatch.extract.dates import DateMention, find_dates
from strikewatch.extract.layout import (
    Folded,
    by_first_letter,
    dateline_end,
    find_comments_start,
    folded,
    junk_spans,
    sentences,
)
from strikewatch.extract.lexicon import DRONE_RE, GROUP_PATTERNS, TARGET_RE, TARGET_WORDS
from strikewatch.extract.numbers import QUANTITY_RE, quantity_from_match
from strikewatch.extract.triggers import (
    STRIKE_TRIGGER_RE,
    Typing,
    is_hypothetical,
    is_negated,
    split_segments,
    strike_triggers,
    type_and_perpetrator,
)
from strikewatch.schema import Claim, Event, Evidence, Extraction, GeoResult

_CUE_WORDS = ("strike", "struck", "attack", "raid", "bomb", "shell", "missile", "rocket", "drone", "blast", "explo",
              "ambush", "assault", "storm", "gunm", "shoot", "kill", "dead", "died", "death", "slain", "martyr",
              "perish", "assassinat", "eliminat", "toll", "fatalit", "injur", "wound", "hurt", "harmed",
              r"lost\s+their", "air", "UAV", "bodies", "buried")
_CUE_RE = re.compile(r"\b(?:" + "|".join(_CUE_WORDS) + ")", re.IGNORECASE)
_BACKGROUND_RE = re.compile(
    r"\b(?:had\s+(?:been|killed|hit|struck|targeted|died)|"
    r"in\s+(?:direct\s+|apparent\s+)?(?:retaliation|response|revenge|reprisal)\s+(?:for|to)|database|"
    r"records?\s+show|back\s+(?:in|on)|years?\s+ago|months\s+ago|the\s+(?:strike|attack)\s+that\s+killed|"
    r"(?:a|an|the)\s+(?:19|20)\d\d\s+(?:[\w-]+\s+){0,2}?(?:strike|attack|raid|bombing|airstrike))\b",
    re.IGNORECASE,
)
_DATE_CUE = re.compile(
    r"\d{4}|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|today|tonight|yesterday|night|morning|afternoon|evening|week|month|year|ago|later|earlier|next|"
    r"following|previous|Christmas|New Year|Boxing)", re.IGNORECASE)
# run over every article: lower-cased, and factored by first letter (a third faster than the flat alternation)
_CUE_LOW = re.compile(r"\b(?:" + by_first_letter(w.lower() for w in _CUE_WORDS) + ")")
_DATE_CUE_F = Folded(_DATE_CUE)
_EARLIER_RE = re.compile(r"\b(?:previous|earlier|past|prior|former)\s+(?:(?:US|U\.S\.|drone|air|missile)\s+)?$",
                         re.IGNORECASE)
_PLACE_TAIL_RE = re.compile(
    r"^\s*(?:(?:in|near|at)\s+)?[A-Z][\w'’-]*(?:[ ,/]+(?:[A-Z][\w'’-]*|area|agency|district|village|valley|of|"
    r"the|near|and|or|region|tribal|province))*\s*\.?\s*$"
)
_MUNITION_RE = re.compile(
    r"(?P<q>\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a\s+pair\s+of)\b)\s+"
    r"(?:(?:Hellfire|guided|air-to-surface|US|American|drone-fired|laser-guided)\s+)*"
    r"(?:missiles?|rockets?|bombs?|shells?)\b",
    re.IGNORECASE,
)
_RELATED_START = re.compile(
    r"(?:(?:only|just)\s+)?(?:(?:a|one|two|three|several|few|\d+)\s+)?(?:(?:weeks?|days?|months?|hours?|years?)\s+)?"
    r"(?:after|following|since|before|prior\s+to|ahead\s+of|followed|follows|follow|"
    r"in\s+(?:direct\s+|apparent\s+|swift\s+)?(?:response|retaliation|reprisal|revenge|answer)\s+(?:to|for))\b",
    re.IGNORECASE)
_ACCOUNTS_BEFORE_F = Folded(re.compile(
    r"\b(?:gave\s+(?:[\w-]+\s+){0,2}?accounts|accounts\s+(?:differed|varied|conflicted|diverged)"
    r"(?:\s+(?:widely|sharply))?)\s+(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE))
_LONG_AGO_F = Folded(re.compile(r"(?:[\w-]+\s+)?(?:weeks|months|years|decades?)\s+(?:after|since|before)\b",
                                re.IGNORECASE))
_REACTION_BEFORE = re.compile(
    r"\b(?:condemn\w*|denounc\w*|deplor\w*|critici[sz]\w*|protest\w*\s+(?:against|over)|(?:summon\w*|called\s+in)"
    r"\s+[^.;]{0,60}?\s+(?:to\s+protest|over)|apologi[sz]\w*\s+for|investigat\w*|inquiry\s+into|lodged\s+a\s+"
    r"(?:formal\s+)?protest\s+(?:over|against))\s+(?:[\w'’-]+\s+){0,6}$", re.IGNORECASE)
_PLURAL_STRIKES = re.compile(
    r"\b(?:two|twin|three|four|five|both|double|triple|2|3|4|5|several|multiple|a\s+pair\s+of|a\s+series\s+of|"
    r"a\s+string\s+of|a\s+spate\s+of)\s+(?:[\w-]+\s+){0,3}?(?:strikes|attacks|raids|airstrikes)\b|"
    r"\b(?:struck|hit|attacked|targeted|bombed)\b[^.;]{0,60}?\btwice\b", re.IGNORECASE)
# "hours later", "later that day", "in the afternoon": the same day as the strike before
_SAME_DAY_RE = re.compile(
    r"\b(?:(?:hours?|minutes?)\s+(?:later|afterwards|after)|later\s+(?:that|the\s+same)\s+(?:day|night|morning|evening|"
    r"afternoon)|(?:on\s+)?the\s+same\s+(?:day|night|morning|evening|afternoon)|earlier\s+(?:that|the\s+same)\s+day|"
    r"(?:in|during)\s+the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)|"
    r"(?:before|after|at)\s+(?:dawn|dusk|sunset|sunrise|nightfall)|(?:that|the\s+same)\s+(?:evening|afternoon|night))\b",
    re.IGNORECASE)
_SAME_PLACE_RE = re.compile(r"\b(?:in|on|at|near|hit|struck|targeted)\s+the\s+same\s+(?:village|town|area|compound|"
                            r"house|place|site|spot|valley|location|building|hamlet)\b", re.IGNORECASE)
# looking back over a series: "The very first strike, near Wana in June 2004", "The deadliest came in October 2006"
_RETRO_RE = re.compile(
    r"\bthe\s+(?:very\s+)?(?:first|earliest|deadliest|worst|bloodiest|largest|biggest|last|most\s+\w+)\s+"
    r"(?:(?:[\w-]+\s+){0,2}?(?:strike|attack|raid)\b|(?:came|was|occurred|took\s+place)\b)", re.IGNORECASE)
_STATEMENT_AFTER = re.compile(r"\s*,?\s*(?:condemn|denounc|protest|announc|said|says|stated|told|issued|"
                              r"summoned|demanded|called|urged|criticis|criticiz|confirmed|denied|claimed)",
                              re.IGNORECASE)
_STATEMENT_BEFORE = re.compile(r"\b(?:said|says|stated|announced|told\s+[\w\s]{1,20}?|confirmed|claimed|condemned|"
                               r"acknowledged|admitted|added|reported|"
                               r"(?:statement|report)\s+(?:released|issued|published)(?:\s+by(?:\s+[\w'’.-]+){1,5}?)?)\s+"
                               r"(?:in\s+an?\s+(?:[\w-]+\s+){0,2}?(?:report|statement)\s+)?"
                               r"(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)
# "The strike came two weeks after commandos killed X": the clause after "came" tells the earlier event
_CAME_F = Folded(re.compile(r"\b(?:came|comes|happened|occurred|took\s+place)\b", re.IGNORECASE))
_DECISION_AFTER_F = Folded(re.compile(
    r"\s*,?\s*(?:[a-z]+ly\s+)?(?:adopted|passed|approved|declared|ruled|ordered|voted|rejected|met|published|"
    r"released|issued|condemn|denounc|protest|announc|said|says|stated|told|summoned|demanded|called|urged|"
    r"criticis|criticiz|confirmed|denied|claimed|warned|asked)", re.IGNORECASE))
# "asked the Peshawar High Court on Tuesday to order …": a day told of a court, bench or assembly is its sitting's
_FORUM_BEFORE_F = Folded(re.compile(r"\b(?:court|bench|tribunal|parliament|assembly|senate|committee|jirga)\s+$",
                                    re.IGNORECASE))
_REPORT_TIME = re.compile(r"\b(?:by|as\s+of|until|till)\s+(?:late\s+|early\s+)?$", re.IGNORECASE)
_CASUALTY_CUE = Folded(CASUALTY_CUE_RE)
# strike words + the claims' unit "sorties" (the outer \b, tested once, lets re skip the inside of words)
_TRIGGER_CUE = Folded(re.compile(r"\b(?:" + STRIKE_TRIGGER_RE.pattern + r"|sorties\b)", re.IGNORECASE))
_UNKNOWN_CAS = Folded(re.compile(
    r"casualt(?:y|ies)\s+(?:figures\s+)?(?:are\s+|were\s+)?(?:unknown|unclear)|unknown\s+casualt|"
    r"no\s+casualty\s+figures", re.IGNORECASE))
# "The strike caused no casualties", "there were no casualties": a toll of none (zero killed), read on the lower-cased
# article once; "no civilian casualties" (a class) and "no casualties among the troops" (a part) are not
_NO_CAS_LOW = re.compile(r"\bno\s+(?:casualties|loss\s+of\s+life)\b(?!\s+(?:among|on\b|to\b|in\s+the\s+ranks|figures))")
_STRIKE_WORD = re.compile(r"strikes?\b|struck|missiles?|rockets?", re.IGNORECASE)
# a word every armed-group name in lexicon.GROUP_PATTERNS contains: groups are looked for only where one is
_GROUP_CUE = Folded(re.compile(r"ttp|tehr|taliban|haqqani|qa[ei]da|imu|islamic|isis|isil|daesh|is-k|iskp|lashkar|"
                               r"jamaat|turkistan|bahadu?r", re.IGNORECASE))
# the per-clause cues run on the lower-cased article (``layout.Folded``): several times faster than IGNORECASE
_REPORT_TIME_F = Folded(_REPORT_TIME)
_EARLIER_RE_F = Folded(_EARLIER_RE)
_STATEMENT_AFTER_F = Folded(_STATEMENT_AFTER)
_STATEMENT_BEFORE_F = Folded(_STATEMENT_BEFORE)
_MUNITION_RE_F = Folded(_MUNITION_RE)
_BACKGROUND_RE_F = Folded(_BACKGROUND_RE)
_RETRO_RE_F = Folded(_RETRO_RE)
_RELATED_START_F = Folded(_RELATED_START)
_REACTION_BEFORE_F = Folded(_REACTION_BEFORE)
_PLURAL_STRIKES_F = Folded(_PLURAL_STRIKES)
_TARGET_F = Folded(TARGET_RE)  # group() is lower case: TARGET_WORDS is looked up lower-cased anyway
GEO_EVIDENCE = frozenset({"country", "admin1", "admin2", "place", "lat", "lon", "geo_precision", "geo_conflict"})
_PRECISION_RANK = {"place": 4, "admin2": 3, "admin1": 2, "country": 1, None: 0}


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    sent: int
    section: str
    triggers: list[tuple[int, int]]
    casualties: list[Casualties]
    dates: list[DateMention]
    background: bool = False
    extra_spans: list[tuple[int, int]] = field(default_factory=list)  # place tails
    multi: bool = False  # one of several days named together: its toll is for all of them
    group_dates: str | None = None  # the text naming those days together ("today and Wednesday")
    typing: Typing | None = None  # cache of _typing
    typing_key: tuple[int, int, int, int] = (0, 0, 0, 0)
    related: bool = False  # a clause relating this event to another ("after the strike on Wednesday ..."): the
    # other, earlier event; it never continues the clause's own event by proximity
    reaction: bool = False  # the strike is the object of a reaction ("condemned the two strikes"): referred to
    plural: bool = False  # names several strikes together ("Twin drone strikes killed nine", "struck twice")
    title: bool = False  # in the headline block above the body
    keys: set[str] | None = None  # cache of _keys
    keys_span: tuple[int, int] = (0, 0)
    said_day: bool = False  # its only day is the day a toll was given ("..., the governor said on Sunday")


@dataclass(slots=True)
class _Acc:
    mentions: list[Mention]
    day: date | None = None
    section: str = "body"
    day_key: object = None
    combined: bool = False  # split from a clause naming several days: its toll is not this event's
    forced_day: DateMention | None = None
    last_sent: int = 0
    ordinal: bool = False  # started by "a second strike", "in a separate attack", "in the second"
    inherited: bool = False  # its day is the previous event's ("hours later", "in the afternoon")
    split: bool = False  # a plural statement later broken down strike by strike: its toll is for all of them
    said_day: bool = False  # dated only by the day its toll was given: a strike day told next replaces it

    def names(self) -> set[str]:
        return {n.lower() for m in self.mentions for c in m.casualties for n, _s, _e in c.named}


def _geo() -> tuple[object, object] | None:
    try:
        from strikewatch import geo
    except Exception:  # pragma: no cover - geo is optional at import time
        return None
    return _resolve_once, getattr(geo, "specificity", None)


_LOCAL = threading.local()


def _resolve_once(text: str, start: int, end: int) -> GeoResult | None:
    """``geo.resolve``, asked once per stretch of the article being read (clustering and fields ask the same)."""
    from strikewatch.geo import resolve

    memo: dict[tuple[int, int], GeoResult | None] | None = getattr(_LOCAL, "memo", None)
    if memo is None or getattr(_LOCAL, "text", None) is not text:
        memo = {}
        _LOCAL.memo, _LOCAL.text = memo, text
    key = (start, end)
    if key not in memo:
        memo[key] = resolve(text, start, end)
    return memo[key]


def extract_article(text: str, published: date | None = None, *, doc_id: str | None = None,
                    comments_start: int | None = None) -> Extraction:
    """Read one article; return each strike it reports (events) and its aggregate statistics (claims)."""
    result = Extraction(id=doc_id)
    if not text or not text.strip():
        return result
    low = folded(text)
    if not (_CUE_LOW.search(low) if low is not None else _CUE_RE.search(text)):
        return result
    if comments_start is None:
        comments_start = find_comments_start(text)
    sents = sentences(text, comments_start)
    masked_junk = junk_spans(text)
    body_end = comments_start if comments_start is not None else len(text)
    dl_end = dateline_end(text[:body_end])
    doc_drone = DRONE_RE.search(text, 0, body_end) is not None

    mentions: list[Mention] = []
    claims: list[Claim] = []
    # without a publication date, "11 and 12 June" takes its year from a full date in the text ("on 12 June 2014")
    year_ref = _year_reference(text, body_end) if published is None else None
    seen_body = False
    # one pass of the cue over the whole text (lower-cased: much faster than a case-insensitive scan); sentences
    # are checked by offset. Date cues are looked for only in the sentences that get that far (about a third).
    cue_pos = [m.start() for m in (_CUE_LOW.finditer(low) if low is not None else _CUE_RE.finditer(text))]
    low_all = low if low is not None else text.lower()
    # every match holds "casualties" or "loss": a substring test spares most articles the scan
    no_cas = [(m.start(), m.end()) for m in _NO_CAS_LOW.finditer(low_all)] \
        if "casualties" in low_all or "loss" in low_all else []
    # the per-sentence cues, bound to this text once (see ``Folded.on``)
    kill_rx, kill_src = _CASUALTY_CUE.on(text)
    trig_rx, trig_src = _TRIGGER_CUE.on(text)
    date_rx, date_src = _DATE_CUE_F.on(text)
    for si, s in enumerate(sents):
        s_no_cas = [z for z in no_cas if s.start <= z[0] < s.end] if no_cas else []
        if not _has_pos(cue_pos, s.start, s.end) and not s_no_cas:
            # a place-only line after an event ("Wana, South Waziristan.") locates it
            if mentions and mentions[-1].sent >= si - 2 and mentions[-1].section == s.section and \
                    _PLACE_TAIL_RE.match(text[s.start:s.end]) and s.end - s.start < 90:
                same = [pm for pm in mentions if pm.sent == mentions[-1].sent]
                informative = [pm for pm in same if pm.casualties or pm.dates] or same[-1:]
                for pm in informative:
                    pm.extra_spans.append((s.start, s.end))
            continue
        if masked_junk and any(a <= s.start and s.end <= b for a, b in masked_junk):
            continue
        is_title = s.section == "body" and s.heading and not seen_body
        if s.section == "body" and not s.heading:
            seen_body = True
        kill_cue = kill_rx.search(kill_src, s.start, s.end) is not None or bool(s_no_cas)
        if not kill_cue and not trig_rx.search(trig_src, s.start, s.end):
            continue  # no kill word and no strike word: nothing here can be a mention or a claim
        dates = find_dates(text, published, s.start, s.end, year_ref=year_ref) \
            if date_rx.search(date_src, s.start, s.end) else []
        if dates:
            # "had risen to 18 by Thursday": when a figure was reported, not when the strike was
            dates = [d for d in dates if not _REPORT_TIME_F.search(text, max(s.start, d.start - 10), d.start)
                     or text[d.end:d.end + 2] in ("'s", "’s")]
        if dates and any(d.follows == -1 for d in dates):
            _previous_day_of_statement(text, s.start, dates)
        if dl_end is not None and s.start < dl_end:
            # "MIRANSHAH, June 12 (FPA) -": the day the report was filed, not the day of the strike
            dates = [d for d in dates if d.start >= dl_end]
        dmask = [(d.start, d.end) for d in dates] + [j for j in masked_junk if j[0] < s.end and s.start < j[1]]
        # find_casualties opens with the same kill-word test
        cas = find_casualties(text, s.start, s.end, dmask) if kill_cue else []
        for zs, ze in s_no_cas:
            cas.append(Casualties("killed", 0, 0, zs, ze, zs))
        has_day = any(d.days or d.follows is not None for d in dates) or any(
            d.relative and not d.earliest and not d.days and re.search(
                r"day|night|morning|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                r"\d", d.text, re.I) for d in dates)
        multi_day = any(len(d.days) >= 2 for d in dates) or sum(1 for d in dates if d.days) >= 2
        # "killed 149 civilians in the first six months of the year, the UN said in a report on Sunday": the
        # report's day does not make a statistic one strike
        claim_day = has_day and any((d.days or d.follows is not None) and not _said_day(text, s.start, d)
                                    for d in dates)
        sclaims = find_claims(text, s.start, s.end, cas, claim_day, multi_day)
        if sclaims:
            claims.extend(sclaims)
            continue
        sent_mentions: list[Mention] = []
        for seg in split_segments(text, s.start, s.end):
            if not dates and not any(seg.start <= c.anchor < seg.end for c in cas) and not \
                    _MUNITION_RE_F.search(text, seg.start, seg.end) and not _singular_span(text, seg.start, seg.end):
                # no toll, no day, no munition, no single strike: a general statement about strikes, skipped below
                # whatever its strike words say (the filters below only ever drop tolls and days)
                continue
            # strikes named as earlier ones ("sites of previous attacks") are not this clause's event
            trig_all = [t for t in strike_triggers(text, seg.start, seg.end)
                        if not _EARLIER_RE_F.search(text, max(seg.start, t[0] - 30), t[0])]
            trig = [t for t in trig_all if not is_negated(text, seg.start, t[0], t[1], seg.end)
                    and not is_hypothetical(text, seg.start, t[0], t[1], seg.end)]
            seg_cas = [c for c in cas if seg.start <= c.anchor < seg.end]
            if seg_cas:
                seg_cas = [c for c in seg_cas if not _generic_toll(text, seg.start, c)]
            if trig_all and not trig:
                continue
            if not trig:
                seg_cas = [c for c in seg_cas if not is_hypothetical(text, seg.start, c.anchor, c.anchor + 1,
                                                                     seg.end)]
                if not seg_cas:
                    continue
            seg_dates = [d for d in dates if seg.start <= d.start < seg.end]
            if seg_dates and not trig and (mentions or sent_mentions) and any(
                    text.startswith("buried", c.anchor) for c in seg_cas):
                seg_dates = []  # "eight people were buried on Friday": the day of the funerals
            if seg_dates and trig and (mentions or sent_mentions) and not any(
                    c.lo is not None or c.hi is not None for c in seg_cas) and not _NEW_EVENT_RE_F.search(
                    text, seg.start, seg.end):
                # "US officials confirmed on Friday that a drone had been used": the day of the statement about
                # the strike just told, not another strike
                seg_dates = [d for d in seg_dates if not _said_day(text, seg.start, d)]
            if seg_dates and not trig and (mentions or sent_mentions):
                # "Villagers said on Tuesday that the toll had risen to ten", "Two were wounded, officials said on
                # Saturday": a later figure's day is when it was given, not a strike of its own
                seg_dates = [d for d in seg_dates if not (
                    _STATEMENT_AFTER_F.match(text, d.end) or
                    _STATEMENT_BEFORE_F.search(text, max(seg.start, d.start - 30), d.start))]
            if seg_dates and trig and not seg_cas:
                # "Officials gave different accounts on Monday of an airstrike", "Accounts differed widely on
                # Monday of an air strike": the day the accounts were given
                seg_dates = [d for d in seg_dates if not _ACCOUNTS_BEFORE_F.search(text, max(seg.start, d.start - 40),
                                                                                   d.start)]
            if len(seg_dates) > 1:
                # "The Foreign Office on 13 May condemned the strikes of 11 and 12 May": the statement's day
                said = [d for d in seg_dates if _STATEMENT_AFTER_F.match(text, d.end) or
                        _STATEMENT_BEFORE_F.search(text, max(seg.start, d.start - 60), d.start)]
                if len(said) < len(seg_dates):
                    seg_dates = [d for d in seg_dates if d not in said]
            if seg_dates and not seg_cas and not _singular_span(text, seg.start, seg.end):
                # "The court on Thursday declared drone strikes illegal", "parliament on Wednesday adopted a
                # resolution against missile attacks": the day of a ruling or statement about strikes in general
                seg_dates = [d for d in seg_dates if not (_DECISION_AFTER_F.match(text, d.end) or
                                                          _said_day(text, seg.start, d))]
            if seg_dates and not any(c.lo is not None or c.hi is not None for c in seg_cas) and any(
                    _FORUM_BEFORE_F.search(text, max(seg.start, d.start - 12), d.start) for d in seg_dates) and \
                    not _singular_span(text, seg.start, seg.end):
                # "men killed in drone strikes asked the High Court on Tuesday to order …": the hearing's day
                seg_dates = [d for d in seg_dates if not _FORUM_BEFORE_F.search(text, max(seg.start, d.start - 12),
                                                                                 d.start)]
            if not seg_cas and not seg_dates and not _MUNITION_RE_F.search(text, seg.start, seg.end) and not \
                    _singular_span(text, seg.start, seg.end):
                continue  # a general statement about strikes: nothing here can make an event specific
            bg = _is_background(text, seg.start, seg.end)
            if not bg and _RETRO_RE_F.search(text, seg.start, seg.end) and seg_dates and not any(
                    d.days for d in seg_dates):
                bg = True  # a retrospective over a series, dated only by month or year
            mention = Mention(seg.start, seg.end, si, s.section, trig, seg_cas, seg_dates, bg, title=is_title)
            # only a clause with specifics of its own tells of another event ("hours after the strike late on
            # Wednesday near Darga Mandi"); "after the strike, rescuers could not approach" is this event again
            mention.related = seg.start > s.start and _RELATED_START_F.match(text, seg.start) is not None and \
                not _new_event_cue(mention, text) and bool(
                    seg_cas or seg_dates or any(not k.startswith("#") for k in _keys(mention, text)))
            if mention.related and not mentions and not sent_mentions and any(d.days for d in seg_dates) and \
                    not _LONG_AGO_F.search(text, max(s.start, seg.start - 30), seg.start + 14) \
                    and not trig_rx.search(trig_src, s.start, seg.start) and \
                    not kill_rx.search(kill_src, s.start, seg.start):
                # "The protest followed a strike late on Wednesday in X in which five died", "The searches began a
                # day after a missile strike ... killed six": the first strike the article tells, related to no
                # other strike and dated to a day, is its news (not "Ten years after missiles flattened ...": long
                # before; not "His remarks followed the raid in Abbottabad": no day)
                mention.related = False
            if mention.related and sent_mentions and sent_mentions[-1].casualties and not sent_mentions[-1].triggers \
                    and _CAUSE_START_F.match(text, seg.start):
                # "Seven killed after a drone strike on a car near Wana": the strike that killed them, not another
                mention.related = False
            mention.reaction = bool(trig) and all(
                _REACTION_BEFORE_F.search(text, max(seg.start, t[0] - 80), t[0]) for t in trig)
            mention.plural = _plural_strikes(text, mention)
            if seg_dates and seg_cas and trig:
                day_dates = [d for d in seg_dates if d.days]
                mention.said_day = bool(day_dates) and all(_said_day(text, seg.start, d) for d in day_dates)
            sent_mentions.append(mention)
        # a clause with a toll but no strike word belongs with its neighbour in the same sentence
        merged: list[Mention] = []
        for m in sent_mentions:
            if merged and (not m.triggers or not merged[-1].triggers) and not (
                    m.dates and merged[-1].dates) and (not m.triggers or not merged[-1].casualties) and \
                    not _new_event_cue(m, text) and not (
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
        mentions.extend(merged)

    # the headline restates the lead: read it only when the body reports nothing
    if any(not m.title and m.section == "body" for m in mentions):
        mentions = [m for m in mentions if not m.title]

    events = _cluster(mentions, text, published, dl_end)
    out: list[Event] = []
    accs: list[_Acc] = []
    prev_day: date | None = None
    for acc in events:
        ev = _finalise(acc, text, published, dl_end, doc_drone, claims, prev_day)
        if ev is None:
            continue
        if acc.ordinal and out and out[-1].section == ev.section:
            _continue_from(ev, out[-1], acc, text)
        if ev.date is not None:
            prev_day = ev.date
        out.append(ev)
        accs.append(acc)
    lead = next((x for x in sents if x.section == "body" and not x.heading), None)
    _earlier_than_lead(out, accs, text)
    _lead_place(out, text, lead.start if lead else None, lead.end if lead else None, dl_end)
    _inherit_perpetrator(out, text)
    result.events = out
    result.claims = claims
    return result


# "a campaign that kills innocent people", "the strikes, which killed civilians", "killed too many people": a
# statement about strikes in general (no figure, a habitual present, plural strikes or the campaign as subject) is
# no strike's toll
_GENERIC_SUBJECT = re.compile(r"\b(?:strikes|drones|attacks|raids|missiles|campaign|programme|program|war|policy)\b")
_GENERIC_KILL = frozenset({"kill", "kills", "killing", "killed", "die", "dies", "died"})


def _generic_toll(text: str, seg_start: int, c: Casualties) -> bool:
    if c.lo is not None or c.hi is not None or c.named or c.revision:
        return False
    word = text[c.anchor:c.anchor + 8].lower().split(" ", 1)[0]
    if word not in _GENERIC_KILL:
        return False
    if word in ("kill", "kills", "die", "dies") or text[c.anchor:c.end + 12].lower().find("too many") >= 0:
        return True
    return _GENERIC_SUBJECT.search(text[max(seg_start, c.anchor - 80):c.anchor].lower()) is not None


_DAYISH = re.compile(r"day|night|morning|today|yesterday|\d", re.IGNORECASE)
_FULL_DATE = re.compile(r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?-i:January|February|March|April|May|June|July|August|"
                        r"September|October|November|December),?\s+(?:19|20)\d\d|(?-i:January|February|March|April|"
                        r"May|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?,?\s+"
                        r"(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\b", re.IGNORECASE)


# "Officials said nine people had been killed on Monday": reported speech in the pluperfect is the news itself
_SPEECH_BEFORE_F = Folded(re.compile(r"\b(?:said|says|say|told\s+[\w\s]{1,25}?|reported|confirmed|claimed|"
                                     r"according\s+to\s+[\w\s]{1,30}?)\s+(?:that\s+)?(?:[\w'’-]+\s+){0,5}$",
                                     re.IGNORECASE))


_CAUSE_START_F = Folded(re.compile(r"(?:after|following)\s+(?:a|an|the|one|two|three|twin|multiple|several|"
                                   r"suspected|us|u\.s\.|american|cia|missiles?|drones?)\b", re.IGNORECASE))


def _previous_day_of_statement(text: str, start: int, dates: list[DateMention]) -> None:
    """ "Officials said on Tuesday that four militants died the previous day": the day before the statement's day,
    not before the last event told."""
    said = [d for d in dates if len(d.days) == 1 and d.follows is None and _said_day(text, start, d)]
    if not said:
        return
    for d in dates:
        if d.follows == -1 and d.start > said[0].start:
            day = said[0].days[0] - timedelta(days=1)
            d.days, d.earliest, d.latest, d.follows = [day], day, day, None


def _said_day(text: str, start: int, d: DateMention) -> bool:
    """"officials said on Friday", "the Pentagon said in a statement on Monday": the day something was said."""
    return _STATEMENT_AFTER_F.match(text, d.end) is not None or \
        _STATEMENT_BEFORE_F.search(text, max(start, d.start - 60), d.start) is not None


def _is_background(text: str, start: int, end: int) -> bool:
    for m in _BACKGROUND_RE_F.finditer(text, start, end):
        if m.group().startswith("had") and _SPEECH_BEFORE_F.search(text, max(start, m.start() - 80), m.start()):
            continue
        return True
    return False


def _year_reference(text: str, body_end: int) -> date | None:
    """The first full date (day, month and year) in the body: the year a text without a publication date means
    when it names a day and month alone."""
    for m in _FULL_DATE.finditer(text, 0, body_end):
        for d in find_dates(text, None, m.start(), m.end()):
            if len(d.days) == 1:
                return d.days[0]
    return None


def _plural_strikes(text: str, m: Mention) -> bool:
    """The clause names several strikes together and, when it gives a toll, gives it for all of them ("Twin drone
    strikes killed nine", "killing 23 across three strikes"), not a clause that mentions two raids in passing."""
    for p in _PLURAL_STRIKES_F.finditer(text, m.start, m.end):
        if not m.casualties:
            return True
        if any(p.start() < c.anchor for c in m.casualties):
            return True
        if re.search(r"\b(?:in|across|during|from|over)\s+(?:the\s+)?$", text[max(m.start, p.start() - 12):p.start()],
                     re.IGNORECASE):
            return True
    return False


def _continue_from(ev: Event, prev: Event, acc: _Acc, text: str) -> None:
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


def _day_list(m: Mention) -> list[tuple[object, DateMention]]:
    """(key, mention) for each single day a mention names: the date, or its text when it cannot be resolved."""
    out: list[tuple[object, DateMention]] = []
    for d in m.dates:
        if d.days:
            out.extend((day, d) for day in d.days)
        elif d.relative and not d.earliest and d.follows is None and _DAYISH.search(d.text):
            for part in re.split(r"\s*(?:,|and|&)\s*", d.text) if re.search(r"\d\s*(?:,|and|&)", d.text) else [d.text]:
                out.append(("?" + part.lower(), d))
    return out


def _near_dates(m: Mention, text: str) -> list[DateMention]:
    """Dates of a clause that sit near its strike words or tolls (not "Ramadan started on July 20 and ...")."""
    if len(m.dates) <= 1:
        return m.dates
    anchors = [a for a, _b in m.triggers] + [b for _a, b in m.triggers] + [c.anchor for c in m.casualties]
    if not anchors:
        return m.dates
    return [d for d in m.dates if min(min(abs(d.start - a), abs(d.end - a)) for a in anchors) <= 80]


def _cluster(mentions: list[Mention], text: str, published: date | None, dl_end: int | None = None) -> list[_Acc]:
    events: list[_Acc] = []
    where: dict[int, tuple[str | None, str | None]] = {}

    def region(x: Mention) -> tuple[str | None, str | None]:
        if id(x) not in where:
            where[id(x)] = _region(x, text, dl_end)
        return where[id(x)]

    def same_region(acc: _Acc, x: Mention) -> bool:
        """No place in the mention that lies in another country or province than the event's places
        ("after the attack on Karachi airport" is not the Waziristan strike told so far)."""
        c2, a2 = region(x)
        if c2 is None:
            return True
        for y in acc.mentions:
            c1, a1 = region(y)
            if c1 is not None and (c1 != c2 or (a1 is not None and a2 is not None and a1 != a2)):
                return False
        return True

    for m in mentions:
        m.dates = _near_dates(m, text)
        days = _day_list(m)
        keys: list[object] = []
        for k, _dm in days:
            if k not in keys:
                keys.append(k)
        if len(keys) >= 2:
            # several strikes on several days in one clause
            for key in keys:
                dm = next(x for k, x in days if k == key)
                clone = _clone(m, [dm])
                clone.multi = True
                ds = [x for _k, x in days]
                clone.group_dates = text[min(x.start for x in ds):max(x.end for x in ds)]
                target = _find_same_day(events, key, m.section, _own_sentence(m))
                if target is not None:
                    target.mentions.append(clone)
                else:
                    events.append(_Acc([clone], day=key if isinstance(key, date) else None, section=m.section,
                                       combined=True, last_sent=m.sent, day_key=key))
            continue
        key = keys[0] if keys else None
        new_cue = _new_event_cue(m, text)
        if key is not None:
            day = key if isinstance(key, date) else None
            target = _find_same_day(events, key, m.section, _own_sentence(m))
            if target is not None and new_cue and not target.ordinal and \
                    not any(x.plural for x in target.mentions):
                target = None  # "a second strike on Tuesday": not the Tuesday strike already told
            if target is None and not new_cue and day is not None and events and events[-1].said_day and \
                    events[-1].section == m.section and events[-1].day is not None and not m.related and \
                    0 < (events[-1].day - day).days <= 3 and m.sent - events[-1].last_sent <= 2 and \
                    _definite_only(m, text) and not any(c.lo is not None for c in m.casualties):
                # "..., the governor said on Sunday. The strike hit the car on Saturday": the strike's day
                target = events[-1]
                target.said_day = False
            if target is None and not new_cue:
                target = _find_by_keys(events, m, text, undated_only=True, exclude_sent=_own_sentence(m))
            if target is None and not m.related and events and events[-1].day_key is None and \
                    events[-1].section == m.section and \
                    m.sent - events[-1].last_sent <= 1 and _compatible(events[-1], m, text) and \
                    not new_cue and (day is None or _window_ok(events[-1], day)) and \
                    any(x.casualties or x.extra_spans for x in events[-1].mentions) and same_region(events[-1], m):
                target = events[-1]
            if target is None:
                acc = _Acc([m], day=day, section=m.section, last_sent=m.sent, day_key=key, said_day=m.said_day)
                if new_cue and events and events[-1].section == m.section:
                    acc.ordinal = True
                    if any(x.plural for x in events[-1].mentions):
                        events[-1].split = True
                events.append(acc)
            else:
                target.day, target.day_key = day, key
                target.mentions.append(m)
                target.last_sent = m.sent
            continue
        names = {n.lower() for c in m.casualties for n, _s, _e in c.named}
        if names:
            named_target = next((e for e in events if e.section == m.section and e.names() & names), None)
            if named_target is not None:
                named_target.mentions.append(m)
                named_target.last_sent = m.sent
                continue
        keyed = None if new_cue else _find_by_keys(events, m, text, undated_only=False,
                                                  exclude_sent=_own_sentence(m))
        if keyed is not None and not all(_window_ok(keyed, None, w) for w in m.dates if w.earliest is not None):
            keyed = None  # "X was behind a bombing at Bagram last year": the same name, another event
        if keyed is not None and not names:
            keyed.mentions.append(m)
            keyed.last_sent = m.sent
            continue
        # no day of its own: a toll or a place that continues the previous event when close and compatible --
        # the event the text is telling, not one it only referred to ("hours after the strike on Wednesday")
        windows = [d for d in m.dates if d.earliest is not None]
        told = [e for e in events if e.section == m.section and not _referred(e)]
        last = told[-1] if told and events[-1].section == m.section and _referred(events[-1]) else \
            (events[-1] if events else None)
        # a toll with no strike word of its own ("officials put the toll at five") elaborates the last event
        near = m.sent - last.last_sent <= 2 if last is not None else False
        if not m.triggers and m.casualties and not windows:
            near = True
        # "One man died in the strike", "It was the second strike in the valley this month": the strike told so far
        definite = not m.related and bool(m.triggers) and _definite_only(m, text)
        if definite:
            near = True
        # "Officials said a commander, X, was among the dead": a name in a toll with no strike word is the same dead
        if names and not m.triggers and not windows:
            names = set()
        if not names and not m.related and last is not None and last.section == m.section and \
                near and (definite or _compatible(last, m, text)) and \
                not new_cue and all(_window_ok(last, None, w) for w in windows) and (
                    definite and bool(m.casualties) or same_region(last, m)):
            if definite and m.background and not m.casualties and any(not x.background for x in last.mentions):
                m.background = False  # "It was the first strike of 2011": this strike, placed in a series
            last.mentions.append(m)
            last.last_sent = max(last.last_sent, m.sent)
            continue
        if definite and not windows and last is not None and last.section == m.section and not m.casualties and \
                not new_cue:
            continue  # "The strike came amid a row over a contractor held in Lahore": the strike told, placed elsewhere
        if new_cue and not windows and last is not None and last is events[-1] and last.ordinal and \
                last.section == m.section and m.sent - last.last_sent <= 2 and _same_ordinal(m, last, text):
            # "A second strike hit a house hours later. No one was killed in the second strike": that strike again
            last.mentions.append(m)
            last.last_sent = m.sent
            continue
        acc = _Acc([m], day=None, section=m.section, last_sent=m.sent)
        if new_cue and events and events[-1].section == m.section:
            # "A second drone attack hit another building in the same village in the afternoon"
            acc.ordinal = True
            prev = events[-1]
            plural_before = any(x.plural for x in prev.mentions)
            if plural_before:
                prev.split = True
            if prev.day is not None and not windows and (
                    plural_before or _SAME_DAY_RE.search(text, m.start, m.end)):
                acc.day, acc.day_key, acc.inherited = prev.day, prev.day_key, True
        events.append(acc)
    return events


_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that)\s+(?:[a-z.-]+\s+){0,3}$")


def _definite_only(m: Mention, text: str) -> bool:
    """Every strike word of the clause is a definite singular ("the strike", "this attack", "the second strike")."""
    for t0, t1 in m.triggers:
        word = text[t0:t1].lower()
        if word.endswith("s") or not _DEFINITE_BEFORE.search(text[max(m.start, t0 - 30):t0].lower()):
            return False
    return True


def _region(m: Mention, text: str, dl_end: int | None) -> tuple[str | None, str | None]:
    """(country, province) of the place a mention names, or (None, None)."""
    g = _geo()
    if g is None:
        return None, None
    s = m.start
    if dl_end is not None and s < dl_end <= m.end:
        s = dl_end
    try:
        r = g[0](text, s, m.end)  # type: ignore[operator]
    except Exception:
        return None, None
    if not isinstance(r, GeoResult):
        return None, None
    return r.country, r.admin1


def _referred(acc: _Acc) -> bool:
    return all(x.related or x.reaction for x in acc.mentions)


def _own_sentence(m: Mention) -> int | None:
    """A clause relating its event to another cannot be that other event's account in the same sentence."""
    return m.sent if m.related else None


_KEY_STOP = frozenset({
    "US", "U.S.", "CIA", "Pakistan", "Pakistani", "Pakistan's", "American", "Americans", "Taliban", "TTP",
    "The", "A", "An", "In", "On", "At", "But", "And", "It", "He", "She", "They", "This", "That", "These", "Those",
    "Officials", "Government", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Afghan", "Afghanistan", "Islamabad", "Washington", "Reuters", "AP", "AFP", "VICE", "News", "Bureau",
    "North", "South", "Waziristan", "Agency", "Tribal", "Areas", "FATA", "Drone", "Drones", "Strike", "Strikes",
})
_KEY_RE = re.compile(r"\b(?<![.!?]\s)(?<!^)[A-Z][a-z][\w'’-]+")  # \b first: fails fast inside words


def _keys(m: Mention, text: str) -> set[str]:
    """Names and targets a mention gives (computed once per mention; its span no longer changes by then)."""
    if m.keys is not None and m.keys_span == (m.start, m.end):
        return m.keys
    keys = {k.rstrip("'’s") for k in _KEY_RE.findall(text[m.start:m.end])}
    keys = {k for k in keys if k not in _KEY_STOP and len(k) > 2}
    for t in _TARGET_F.finditer(text, m.start, m.end):
        keys.add("#" + TARGET_WORDS[t.group().lower()])
    m.keys, m.keys_span = keys, (m.start, m.end)
    return keys


def _find_by_keys(events: list[_Acc], m: Mention, text: str, undated_only: bool,
                  exclude_sent: int | None = None) -> _Acc | None:
    """An earlier event of the same kind that names the same place or target ("the Karachi attack")."""
    mk = {k for k in _keys(m, text) if not k.startswith("#")}
    if not mk:
        return None
    mt = _mention_type(m, text)
    for e in reversed(events):
        if e.section != m.section or (undated_only and e.day is not None):
            continue
        if exclude_sent is not None and any(x.sent == exclude_sent for x in e.mentions):
            continue
        if not any(mk & _keys(x, text) for x in e.mentions):
            continue
        et = next((t for t in (_mention_type(x, text) for x in e.mentions) if t is not None), None)
        if mt is not None and et is not None and mt != et:
            continue
        return e
    return None


def _window_ok(acc: _Acc, day: date | None, window: DateMention | None = None) -> bool:
    if window is not None and acc.day is not None and window.earliest and window.latest:
        return window.earliest <= acc.day <= window.latest
    if day is not None:
        for x in acc.mentions:
            for d in x.dates:
                if d.earliest and d.latest and not (d.earliest <= day <= d.latest):
                    return False
    return True


_NEW_EVENT_RE = re.compile(
    r"\b(?:(?:another|second|third|fourth|separate|later|further|new|different|fresh)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:strike|attack|raid|airstrike|missile\s+strike|drone\s+strike|incident)\b"
    # "the third strike in the valley in three days": a count over days, not the next strike in this report
    # (also "in just over a week", "in less than a month", "this year")
    r"(?![^.;]{0,40}\b(?:(?:in|within)\s+(?:(?:just\s+)?(?:over|under|less\s+than|more\s+than)\s+)?(?:a|as\s+many|"
    r"two|three|four|five|six|seven|\d+)\s+(?:days?|weeks?|months?)|this\s+(?:week|month|year)))|"
    r"earlier\s+in\s+the\s+day|one\s+day\s+later|a\s+day\s+later|the\s+next\s+day|also\s+(?:struck|hit|targeted)|"
    r"separately|in\s+(?:a\s+)?separate\s+(?:incidents?|developments?)|elsewhere|"
    r"\b(?:in|by)\s+the\s+(?:second|third|fourth|latter)\b"
    r"(?!\s+(?:day|week|month|half|quarter|time|round|place|year)))\b", re.IGNORECASE)


_NEW_EVENT_RE_F = Folded(_NEW_EVENT_RE)


_DEF_ORDINAL_F = Folded(re.compile(r"\bthe\s+(?P<o>second|third|fourth|fifth)\s+(?:[\w-]+\s+){0,2}?"
                                   r"(?:strike|attack|raid|airstrike)\b", re.IGNORECASE))


def _same_ordinal(m: Mention, ev: _Acc, text: str) -> bool:
    """"in the second strike" told after the event that "a second strike" opened: that event, not a new one."""
    dm = _DEF_ORDINAL_F.search(text, m.start, m.end)
    if dm is None:
        return False
    first = ev.mentions[0]
    return re.search(r"\b(?:a|the)\s+" + dm.group("o") + r"\b", text[first.start:first.end], re.IGNORECASE) is not None


def _new_event_cue(m: Mention, text: str) -> bool:
    return _NEW_EVENT_RE_F.search(text, m.start, m.end) is not None


def _compatible(acc: _Acc, m: Mention, text: str) -> bool:
    a = _mention_type(acc.mentions[0], text)
    b = _mention_type(m, text)
    if a is None or b is None or a == b:
        return True
    return {a, b} <= {"drone_strike", "air_strike"}


def _mention_type(m: Mention, text: str) -> str | None:
    if not m.triggers:
        return None
    return _typing(m, text).type


def _typing(m: Mention, text: str) -> Typing:
    """Type and perpetrator from a mention's words (its strike words, or its kill words when it has none);
    computed once for a mention's final span."""
    key = (m.start, m.end, len(m.triggers), len(m.casualties))
    if m.typing is None or m.typing_key != key:
        anchors = m.triggers or [(c.anchor, c.anchor + 1) for c in m.casualties]
        m.typing, m.typing_key = type_and_perpetrator(text, m.start, m.end, anchors), key
    return m.typing


def _find_same_day(events: list[_Acc], key: object, section: str, exclude_sent: int | None = None) -> _Acc | None:
    for e in events:
        if e.day_key == key and e.section == section and not (
                exclude_sent is not None and any(x.sent == exclude_sent for x in e.mentions)):
            return e
    return None


def _clone(m: Mention, dates: list[DateMention]) -> Mention:
    return Mention(m.start, m.end, m.sent, m.section, list(m.triggers), list(m.casualties), dates, m.background,
                   list(m.extra_spans), m.multi, related=m.related, reaction=m.reaction, plural=m.plural,
                   title=m.title)


def _ev(ev: Event, fld: str, span: tuple[int, int] | None) -> None:
    if span is not None:
        ev.evidence.append(Evidence(fld, span[0], span[1]))


def _finalise(acc: _Acc, text: str, published: date | None, dl_end: int | None, doc_drone: bool,
              claims: list[Claim], prev_day: date | None) -> Event | None:
    ms = acc.mentions
    if not any(m.casualties or m.dates or m.extra_spans or m.multi for m in ms) and not any(
            _singular_act(text, m) for m in ms):
        return None  # nothing that could make it specific
    if not any(m.triggers or m.dates for m in ms) and all(c.hi == 0 for m in ms for c in m.casualties):
        return None  # "No one was hurt" with no strike told: nothing happened here
    ev = Event(section="comments" if acc.section == "comments" else "body")
    # --- type and perpetrator: the first mention that says
    for m in ms:
        if ev.type is not None and ev.perpetrator is not None:
            break
        t = _typing(m, text)
        if ev.type is None and t.type is not None:
            ev.type = t.type  # type: ignore[assignment]
            _ev(ev, "type", t.type_span)
        if ev.perpetrator is None and t.perpetrator is not None:
            ev.perpetrator = t.perpetrator
            _ev(ev, "perpetrator", t.perp_span)
    if ev.type is None and doc_drone:
        trig = next(((m, t) for m in ms for t in m.triggers if _STRIKE_WORD.search(text, t[0], t[1])), None)
        if trig is not None:
            ev.type = "drone_strike"
            _ev(ev, "type", trig[1])
    if ev.type in ("air_strike", "drone_strike") and ev.perpetrator in ("Taliban", "TTP", "al-Qaeda", "IS"):
        ev.perpetrator = None
        ev.evidence = [e for e in ev.evidence if e.field != "perpetrator"]

    # --- casualties
    # a toll given for several strikes together that the text then breaks down strike by strike
    figures_from = [m for m in ms if not m.multi and not (acc.split and m.plural)]
    if acc.split:
        for m in ms:
            if m.plural:
                for c in m.casualties:
                    if c.has_total and not any(cl.start == c.start and cl.end == c.end for cl in claims):
                        claims.append(Claim(text=text[c.start:c.end], start=c.start, end=c.end, source=None,
                                            quantity=c.hi if c.hi is not None else c.lo,
                                            unit="killed" if c.kind == "killed" else "injured",
                                            period=", ".join(d.text for d in m.dates) or None))
    if any(m.multi for m in ms):
        for m in ms:
            if m.multi:
                for c in m.casualties:
                    if c.has_total and not any(cl.start == c.start and cl.end == c.end for cl in claims):
                        dts = m.group_dates or ", ".join(d.text for d in m.dates)
                        claims.append(Claim(text=text[c.start:c.end], start=c.start, end=c.end, source=None,
                                            quantity=c.hi if c.hi is not None else c.lo,
                                            unit="killed" if c.kind == "killed" else "injured",
                                            period=dts or None))
    cas = [c for m in figures_from for c in m.casualties]
    _apply_counts(ev, cas, "killed")
    _apply_counts(ev, cas, "injured")
    for cls, fld in (("civilian", "civilians"), ("child", "children"), ("militant", "militants")):
        _apply_class(ev, [c for c in cas if c.kind == "killed"], cls, fld)
    # children and women are civilians: a lower bound when no civilian figure is given
    if ev.civilians_min is None:
        kids = [c.classes[k] for c in cas if c.kind == "killed" for k in ("child", "woman") if k in c.classes]
        if kids:
            lo = sum(v[0] or 0 for v in kids)
            if lo > 0:
                ev.civilians_min = lo
                for v in kids:
                    _ev(ev, "civilians_min", (v[2], v[3]))
    named: list[str] = []
    for c in cas:
        if c.kind != "killed":
            continue
        for n, s, e in c.named:
            if n.lower() not in {x.lower() for x in named}:
                named.append(n)
                _ev(ev, "named_dead", (s, e))
    ev.named_dead = named
    # munitions: "fired two missiles"
    for m in ms:
        mm = _MUNITION_RE_F.search(text, m.start, m.end)
        if mm:
            qm = QUANTITY_RE.match(text, mm.start("q"))
            q = quantity_from_match(qm) if qm else None
            if q is not None and (q.lo is not None or q.hi is not None):
                ev.munitions_min, ev.munitions_max = q.lo, q.hi
                _ev(ev, "munitions_min" if q.lo is not None else "munitions_max", (mm.start(), mm.end()))
                if q.lo is not None and q.hi is not None:
                    _ev(ev, "munitions_max", (mm.start(), mm.end()))
                break

    # --- dates
    _apply_dates(ev, acc, ms, text, published, prev_day)

    # --- specific enough to be a strike report? Decided before the place is looked up (the costliest step)
    # wherever the place cannot change the answer: about half the candidates are dropped here.
    has_toll = any(getattr(ev, f) is not None for f in ("killed_min", "killed_max", "injured_min", "injured_max",
                                                        "civilians_min", "children_min", "militants_min"))
    has_day = ev.date is not None or any(_day_list(m) for m in ms) or any(
        d.follows is not None for m in ms for d in m.dates)
    combined_toll = acc.combined and any(c.has_total for m in ms for c in m.casualties)
    singular_act = any(_singular_act(text, m) for m in ms)
    unknown_cas = any(_UNKNOWN_CAS.search(text, m.start, m.end + 60) for m in ms)
    specific = has_toll or has_day or bool(named) or combined_toll or (singular_act and unknown_cas)
    if not specific and not (singular_act or unknown_cas):
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

    # --- place
    _apply_geo(ev, ms, text, dl_end)
    if not specific and ev.geo_precision not in ("place", "admin2"):
        return None  # a strike act with no toll, day or name: specific only by a named place

    # --- target and groups
    _apply_target(ev, ms, text)
    _apply_groups(ev, ms, text)

    # --- role
    bg = referred or any(m.background and m.dates for m in ms)
    latest = ev.date or ev.date_latest
    if published is not None and latest is not None and latest < published - timedelta(days=14):
        bg = True
    if published is not None and ev.date is not None and ev.date >= published - timedelta(days=7) and not any(
            m.background and m.dates for m in ms) and not referred:
        bg = False
    ev.role = "background" if bg else "main"
    ev.evidence.sort(key=lambda e: (e.start, e.field))
    return ev


def _has_strike_noun(text: str, ms: list[Mention]) -> bool:
    return any(re.match(r"(?:air\s*|drone\s+|missile\s+)?(?:strikes?|attack|raid|bombing|airstrike)",
                        text[a:b], re.I) for m in ms for a, b in m.triggers)


_SINGULAR_ACT = re.compile(r"\b(?:a|an|one|the)\s+(?:[\w'’-]+\s+){0,3}?(?:strike|attack|raid|airstrike|missile)\b",
                           re.IGNORECASE)
# "Strike on ...", "Further strike the same day on ...": a tracker's line for one strike
_SINGULAR_HEAD = re.compile(r"\s*(?:(?:further|another|second|third|fourth|new|fresh|separate|later)\s+)?"
                            r"(?:(?:US|CIA|drone|missile|air|failed|double)\s+)*(?:strike|attack|raid)\b",
                            re.IGNORECASE)


_STRIKE_SG = re.compile(r"\b(?:strike|attack|raid|airstrike|missile)\b", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|one|the)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
_SINGULAR_HEAD_F = Folded(_SINGULAR_HEAD)
_STRIKE_SG_F = Folded(_STRIKE_SG)
_ARTICLE_BEFORE_F = Folded(_ARTICLE_BEFORE)


def _has_pos(positions: list[int], start: int, end: int) -> bool:
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


_DEFINITE_PLURAL = re.compile(r"\bthe\s+(?:[\w'’-]+\s+){0,2}?(?:missiles|rockets|drones|bombs)\b(?!\s+(?:war|program|"
                              r"programme|campaign|policy|strikes))", re.IGNORECASE)


_DEFINITE_PLURAL_F = Folded(_DEFINITE_PLURAL)


def _singular_span(text: str, start: int, end: int) -> bool:
    """'a drone strike', 'the attack', 'the missiles destroyed ...', or a clause opening with 'Strike on ...'."""
    if _SINGULAR_HEAD_F.match(text, start, end):
        return True
    if _DEFINITE_PLURAL_F.search(text, start, end):
        return True
    for m in _STRIKE_SG_F.finditer(text, start, end):
        if _ARTICLE_BEFORE_F.search(text, max(start, m.start() - 40), m.start()):
            return True
    return False


def _singular_act(text: str, m: Mention) -> bool:
    return _singular_span(text, m.start, m.end)


def _apply_counts(ev: Event, cas: list[Casualties], kind: str) -> None:
    items = [c for c in cas if c.kind == kind]
    totals = [c for c in items if c.has_total]
    # "as many as 22 bodies ..., including five or six children": the part's minimum is no lower alternate to a toll
    # given elsewhere ("at least 13")
    if any(c.sub_lo for c in totals) and any(c.lo is not None and not c.sub_lo for c in totals):
        totals = [replace(c, lo=None, sub_lo=False) if c.sub_lo else c for c in totals]
    # "Between one and nine civilians died", "10 children were killed" after a toll of all the dead: a part of that
    # toll, not a lower alternate to it
    if len(totals) > 1 and any(c.class_only for c in totals[1:]) and not totals[0].class_only:
        totals = totals[:1] + [replace(c, weak=True) if c.class_only and not c.additive else c for c in totals[1:]]
    # a toll counting only named people or vague words ("X was killed along with several others") is part of a
    # toll the report gives in figures ("The attack killed seven"), not a lower alternate to it
    if any(not c.weak and not c.additive for c in totals):
        weak = [c for c in totals if c.weak]
        totals = [c for c in totals if not c.weak]
    else:
        weak = []
    lo: int | None = None
    hi: int | None = None
    spans_lo: list[tuple[int, int]] = []
    spans_hi: list[tuple[int, int]] = []
    # a toll revised upwards ("the death toll rose to nine" after "at least four") is another figure for the same
    # toll: the earlier one stays the minimum, as trackers record the range reported; a correction downwards ("were
    # lowered to eight", or a revision below every earlier figure) withdraws what came before
    for i in range(len(totals) - 1, 0, -1):
        c = totals[i]
        if not c.revision:
            continue
        prior = [v for x in totals[:i] for v in (x.lo, x.hi) if v is not None]
        val = c.hi if c.hi is not None else c.lo
        if c.revision_down or (prior and val is not None and val < min(prior)):
            totals = totals[i:]
            break
    first = True
    for c in totals:
        if first:
            lo, hi = c.lo, c.hi
            first = False
        elif c.additive:
            if not c.hedged:
                lo = (lo or 0) + (c.lo or 0) if (lo is not None or c.lo is not None) else None
            hi = hi + c.hi if hi is not None and c.hi is not None else None
        else:
            los = [v for v in (lo, c.lo) if v is not None]
            his = [v for v in (hi, c.hi) if v is not None]
            lo = min(los) if los else None
            hi = max(his) if his else None
        if c.lo is not None:
            spans_lo.append((c.start, c.end))
        if c.hi is not None:
            spans_hi.append((c.start, c.end))
    if lo is None:
        subs = [c for c in [x for x in items if not x.has_total] + weak if c.lo is not None]
        if subs:
            lo = max(c.lo for c in subs if c.lo is not None)
            spans_lo = [(c.start, c.end) for c in subs]
    if lo is not None and hi is not None and hi < lo:
        hi = lo
    setattr(ev, f"{kind}_min", lo)
    setattr(ev, f"{kind}_max", hi)
    if lo is not None:
        for sp in spans_lo:
            _ev(ev, f"{kind}_min", sp)
    if hi is not None:
        for sp in spans_hi:
            _ev(ev, f"{kind}_max", sp)


def _apply_class(ev: Event, cas: list[Casualties], cls: str, fld: str) -> None:
    lo: int | None = None
    hi: int | None = None
    got = False
    spans: list[tuple[int, int]] = []
    for c in cas:
        if cls not in c.classes:
            continue
        clo, chi, s, e = c.classes[cls]
        spans.append((s, e))
        if not got:
            lo, hi = clo, chi
            got = True
        elif c.additive:
            lo = (lo or 0) + (clo or 0)
            hi = hi + chi if hi is not None and chi is not None else None
        else:
            los = [v for v in (lo, clo) if v is not None]
            his = [v for v in (hi, chi) if v is not None]
            lo = min(los) if los else None
            hi = max(his) if his else None
    if not got:
        return
    if ev.killed_max is not None and (hi is None or hi > ev.killed_max):
        hi = ev.killed_max if hi is None and lo is not None and lo == ev.killed_max else hi
    if lo is not None and hi is not None and hi < lo:
        hi = lo
    setattr(ev, f"{fld}_min", lo)
    setattr(ev, f"{fld}_max", hi)
    for sp in spans:
        if lo is not None:
            _ev(ev, f"{fld}_min", sp)
        if hi is not None:
            _ev(ev, f"{fld}_max", sp)


def _apply_dates(ev: Event, acc: _Acc, ms: list[Mention], text: str, published: date | None,
                 prev_day: date | None) -> None:
    chosen: DateMention | None = None
    if acc.day is not None:
        for m in ms:
            for d in m.dates:
                if acc.day in d.days:
                    chosen = d
                    break
            if chosen:
                break
        ev.date = ev.date_earliest = ev.date_latest = acc.day
    else:
        # a day we could not resolve, a day relative to the previous event, or the narrowest window
        for m in ms:
            for d in m.dates:
                if d.follows is not None and prev_day is not None:
                    day = prev_day + timedelta(days=d.follows)
                    if published is None or day <= published:
                        ev.date = ev.date_earliest = ev.date_latest = day
                        chosen = d
                        break
            if chosen:
                break
        if chosen is None:
            windows = [d for m in ms for d in m.dates if d.earliest is not None and d.latest is not None]
            if windows:
                best = min(windows, key=lambda d: (d.latest - d.earliest) if d.latest and d.earliest else
                           timedelta(days=99999))
                chosen = best
                ev.date_earliest, ev.date_latest = best.earliest, best.latest
                if best.earliest == best.latest:
                    ev.date = best.earliest
        if chosen is None:
            texts = [d for m in ms for d in m.dates if d.follows is None]
            if texts:
                chosen = texts[0]  # e.g. "Friday" with no publication date: text kept, day unknown
    if chosen is None and acc.inherited:
        cue = next((c for m in ms for c in [_SAME_DAY_RE.search(text, m.start, m.end)] if c), None)
        if cue is not None:
            ev.date_text = cue.group()
            for f in ("date_text", "date", "date_earliest", "date_latest"):
                _ev(ev, f, (cue.start(), cue.end()))
    if chosen is not None:
        ev.date_text = chosen.text
        span = (chosen.start, chosen.end)
        _ev(ev, "date_text", span)
        for f in ("date", "date_earliest", "date_latest"):
            if getattr(ev, f) is not None:
                _ev(ev, f, span)
    if ev.date_latest is None and published is not None:
        ev.date_latest = published  # reported by then; from the publication date, not the text


def _apply_geo(ev: Event, ms: list[Mention], text: str, dl_end: int | None) -> None:
    g = _geo()
    if g is None:
        return
    resolve, specificity = g[0], g[1]
    best: GeoResult | None = None
    best_key: tuple[int, ...] = ()
    spans: list[tuple[int, int]] = []
    for m in ms:
        s = m.start
        if dl_end is not None and s < dl_end <= m.end:
            s = dl_end
        spans.append((s, m.end))
        spans.extend(m.extra_spans)
    seen: set[tuple[int, int]] = set()
    for s, e in spans:
        if (s, e) in seen:
            continue
        seen.add((s, e))
        try:
            r = resolve(text, s, e)  # type: ignore[operator]
        except Exception:
            r = None
        if r is None or not isinstance(r, GeoResult):
            continue
        # the most specific answer: precision, then a site named as such over one the strike was only near,
        # then village over town over area; the earliest of equals
        key = specificity(text, r) if callable(specificity) else (_PRECISION_RANK.get(r.geo_precision, 0),)
        if best is None or key > best_key:
            best, best_key = r, key
    if best is None:
        return
    for f in ("country", "admin1", "admin2", "place", "lat", "lon", "geo_precision"):
        setattr(ev, f, getattr(best, f))
    ev.geo_conflict = best.conflict
    if best.start is not None and best.end is not None:
        for f in ("country", "admin1", "admin2", "place", "lat", "lon", "geo_precision", "geo_conflict"):
            if getattr(ev, f) is not None:
                ev.evidence.append(Evidence(f, best.start, best.end))


_TARGET_CONTEXT = re.compile(r"(?:\bon|\bat|\binto|\bhit|\bhits|\bstruck|\btargeted|\btargeting|\bdestroyed|"
                             r"\bdestroys|\bagainst|\bnear|\bin)\s+(?:\w+[\s,]+){0,4}$", re.IGNORECASE)


def _apply_target(ev: Event, ms: list[Mention], text: str) -> None:
    found: list[tuple[str, int, int]] = []
    for m in ms:
        for t in _TARGET_F.finditer(text, m.start, m.end):
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
            _ev(ev, "target", (s, e))


def _apply_groups(ev: Event, ms: list[Mention], text: str) -> None:
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
                    _ev(ev, "target_groups", sp)
    ev.target_groups = groups


_EARLIER_TIME_F = Folded(re.compile(
    r"\b(?:earlier\s+(?:this|that|in\s+the)\s+(?:week|month|year)|last\s+(?:week|month|year)|"
    r"(?:a|one|two|three|four|five|six|several|few|\d+)\s+(?:days?|weeks?|months?)\s+(?:earlier|before|ago)|"
    r"the\s+(?:previous|preceding)\s+(?:week|month))\b", re.IGNORECASE))


def _earlier_than_lead(events: list[Event], accs: list[_Acc], text: str) -> None:
    """News leads with its newest strike; an earlier strike told after the lead ("On Sunday, a strike in the same
    valley killed four") is context, not the news, unless the text presents it as another strike of its own."""
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
        if any(_EARLIER_TIME_F.search(text, m.start, m.end) for m in acc.mentions):
            ev.role = "background"


def _lead_place(events: list[Event], text: str, start: int | None, end: int | None, dl_end: int | None) -> None:
    """A report names its place in the lead ("Villagers in Damadola ... buried their dead, a day after missiles
    destroyed several houses in the village"); the first strike it tells without a place of its own is there."""
    if start is None or end is None:
        return
    ev = next((e for e in events if e.role == "main" and e.section == "body"), None)
    if ev is None or ev.country is not None:
        return
    g = _geo()
    if g is None:
        return
    if dl_end is not None and start < dl_end <= end:
        start = dl_end
    try:
        r = g[0](text, start, end)  # type: ignore[operator]
    except Exception:
        return
    if not isinstance(r, GeoResult) or r.geo_precision not in ("place", "admin2"):
        return
    for f in ("country", "admin1", "admin2", "place", "lat", "lon", "geo_precision"):
        setattr(ev, f, getattr(r, f))
        if getattr(ev, f) is not None and r.start is not None and r.end is not None:
            ev.evidence.append(Evidence(f, r.start, r.end))
    ev.geo_conflict = r.conflict
    ev.evidence.sort(key=lambda e: (e.start, e.field))


def _inherit_perpetrator(events: list[Event], text: str) -> None:
    """A drone strike whose clause names no perpetrator takes the one the article gives its other drone strikes,
    when that is a single perpetrator (evidence: where the article says it)."""
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
