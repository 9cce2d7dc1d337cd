"""What a clause says, read off the text: facts the mention, cluster and finalise components share.

Each is a plain function of the text and offsets (or a ``Mention``): is a day the day something was said, is a
clause background, does it name one strike or several, which names and targets it gives, its type.
"""

from __future__ import annotations

import re
from datetime import date

from strikewatch.extract.casualties import Casualties
from strikewatch.extract.dates import DateMention, find_dates
from strikewatch.extract.doc import Mention
from strikewatch.extract.layout import Folded
from strikewatch.extract.lexicon import TARGET_RE, TARGET_WORDS
from strikewatch.extract.triggers import Typing, type_and_perpetrator

_STATEMENT_AFTER = re.compile(r"\s*,?\s*(?:condemn|denounc|protest|announc|said|says|stated|told|issued|"
                              r"summoned|demanded|called|urged|criticis|criticiz|confirmed|denied|claimed)",
                              re.IGNORECASE)


_STATEMENT_BEFORE = re.compile(r"\b(?:said|says|stated|announced|told\s+[\w\s]{1,20}?|confirmed|claimed|condemned|"
                               r"acknowledged|admitted|added|reported|"
                               r"(?:statement|report)\s+(?:released|issued|published)(?:\s+by(?:\s+[\w'’.-]+){1,5}?)?)\s+"
                               r"(?:in\s+an?\s+(?:[\w-]+\s+){0,2}?(?:report|statement)\s+)?"
                               r"(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)


STATEMENT_AFTER_F = Folded(_STATEMENT_AFTER)


STATEMENT_BEFORE_F = Folded(_STATEMENT_BEFORE)


# "Officials said nine people had been killed on Monday": reported speech in the pluperfect is the news itself
_SPEECH_BEFORE_F = Folded(re.compile(r"\b(?:said|says|say|told\s+[\w\s]{1,25}?|reported|confirmed|claimed|"
                                     r"according\s+to\s+[\w\s]{1,30}?)\s+(?:that\s+)?(?:[\w'’-]+\s+){0,5}$",
                                     re.IGNORECASE))


_BACKGROUND_RE = re.compile(
    r"\b(?:had\s+(?:been|killed|hit|struck|targeted|died)|"
    r"in\s+(?:direct\s+|apparent\s+)?(?:retaliation|response|revenge|reprisal)\s+(?:for|to)|database|"
    r"records?\s+show|back\s+(?:in|on)|years?\s+ago|months\s+ago|the\s+(?:strike|attack)\s+that\s+killed|"
    r"(?:a|an|the)\s+(?:19|20)\d\d\s+(?:[\w-]+\s+){0,2}?(?:strike|attack|raid|bombing|airstrike))\b",
    re.IGNORECASE,
)


_BACKGROUND_RE_F = Folded(_BACKGROUND_RE)


_FULL_DATE = re.compile(r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?-i:January|February|March|April|May|June|July|August|"
                        r"September|October|November|December),?\s+(?:19|20)\d\d|(?-i:January|February|March|April|"
                        r"May|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?,?\s+"
                        r"(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\b", re.IGNORECASE)


_PLURAL_STRIKES = re.compile(
    r"\b(?:two|twin|three|four|five|both|double|triple|2|3|4|5|several|multiple|a\s+pair\s+of|a\s+series\s+of|"
    r"a\s+string\s+of|a\s+spate\s+of)\s+(?:[\w-]+\s+){0,3}?(?:strikes|attacks|raids|airstrikes)\b|"
    r"\b(?:struck|hit|attacked|targeted|bombed)\b[^.;]{0,60}?\btwice\b", re.IGNORECASE)


_PLURAL_STRIKES_F = Folded(_PLURAL_STRIKES)


_DAYISH = re.compile(r"day|night|morning|today|yesterday|\d", re.IGNORECASE)


_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that)\s+(?:[a-z.-]+\s+){0,3}$")


_KEY_STOP = frozenset({
    "US", "U.S.", "CIA", "Pakistan", "Pakistani", "Pakistan's", "American", "Americans", "Taliban", "TTP",
    "The", "A", "An", "In", "On", "At", "But", "And", "It", "He", "She", "They", "This", "That", "These", "Those",
    "Officials", "Government", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Afghan", "Afghanistan", "Islamabad", "Washington", "Reuters", "AP", "AFP", "VICE", "News", "Bureau",
    "North", "South", "Waziristan", "Agency", "Tribal", "Areas", "FATA", "Drone", "Drones", "Strike", "Strikes",
})


_KEY_RE = re.compile(r"\b(?<![.!?]\s)(?<!^)[A-Z][a-z][\w'’-]+")  # \b first: fails fast inside words


TARGET_F = Folded(TARGET_RE)  # group() is lower case: TARGET_WORDS is looked up lower-cased anyway


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


NEW_EVENT_F = Folded(_NEW_EVENT_RE)


# "Strike on ...", "Further strike the same day on ...": a tracker's line for one strike
_SINGULAR_HEAD = re.compile(r"\s*(?:(?:further|another|second|third|fourth|new|fresh|separate|later)\s+)?"
                            r"(?:(?:US|CIA|drone|missile|air|failed|double)\s+)*(?:strike|attack|raid)\b",
                            re.IGNORECASE)


_STRIKE_SG = re.compile(r"\b(?:strike|attack|raid|airstrike|missile)\b", re.IGNORECASE)


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|one|the)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


_SINGULAR_HEAD_F = Folded(_SINGULAR_HEAD)


_STRIKE_SG_F = Folded(_STRIKE_SG)


_ARTICLE_BEFORE_F = Folded(_ARTICLE_BEFORE)


_DEFINITE_PLURAL = re.compile(r"\bthe\s+(?:[\w'’-]+\s+){0,2}?(?:missiles|rockets|drones|bombs)\b(?!\s+(?:war|program|"
                              r"programme|campaign|policy|strikes))", re.IGNORECASE)


_DEFINITE_PLURAL_F = Folded(_DEFINITE_PLURAL)


# "a campaign that kills innocent people", "the strikes, which killed civilians", "killed too many people": a
# statement about strikes in general (no figure, a habitual present, plural strikes or the campaign as subject) is
# no strike's toll
_GENERIC_SUBJECT = re.compile(r"\b(?:strikes|drones|attacks|raids|missiles|campaign|programme|program|war|policy)\b")


_GENERIC_KILL = frozenset({"kill", "kills", "killing", "killed", "die", "dies", "died"})


# "hours later", "later that day", "in the afternoon": the same day as the strike before
SAME_DAY_RE = re.compile(
    r"\b(?:(?:hours?|minutes?)\s+(?:later|afterwards|after)|later\s+(?:that|the\s+same)\s+(?:day|night|morning|evening|"
    r"afternoon)|(?:on\s+)?the\s+same\s+(?:day|night|morning|evening|afternoon)|earlier\s+(?:that|the\s+same)\s+day|"
    r"(?:in|during)\s+the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)|"
    r"(?:before|after|at)\s+(?:dawn|dusk|sunset|sunrise|nightfall)|(?:that|the\s+same)\s+(?:evening|afternoon|night))\b",
    re.IGNORECASE)


_MUNITION_RE = re.compile(
    r"(?P<q>\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a\s+pair\s+of)\b)\s+"
    r"(?:(?:Hellfire|guided|air-to-surface|US|American|drone-fired|laser-guided)\s+)*"
    r"(?:missiles?|rockets?|bombs?|shells?)\b",
    re.IGNORECASE,
)


MUNITION_F = Folded(_MUNITION_RE)


def said_day(text: str, start: int, d: DateMention) -> bool:
    """"officials said on Friday", "the Pentagon said in a statement on Monday": the day something was said."""
    return STATEMENT_AFTER_F.match(text, d.end) is not None or \
        STATEMENT_BEFORE_F.search(text, max(start, d.start - 60), d.start) is not None


def is_background(text: str, start: int, end: int) -> bool:
    for m in _BACKGROUND_RE_F.finditer(text, start, end):
        if m.group().startswith("had") and _SPEECH_BEFORE_F.search(text, max(start, m.start() - 80), m.start()):
            continue
        return True
    return False


def year_reference(text: str, body_end: int) -> date | None:
    """The first full date (day, month and year) in the body: the year a text without a publication date means
    when it names a day and month alone."""
    for m in _FULL_DATE.finditer(text, 0, body_end):
        for d in find_dates(text, None, m.start(), m.end()):
            if len(d.days) == 1:
                return d.days[0]
    return None


def plural_strikes(text: str, m: Mention) -> bool:
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


def day_list(m: Mention) -> list[tuple[object, DateMention]]:
    """(key, mention) for each single day a mention names: the date, or its text when it cannot be resolved."""
    out: list[tuple[object, DateMention]] = []
    for d in m.dates:
        if d.days:
            out.extend((day, d) for day in d.days)
        elif d.relative and not d.earliest and d.follows is None and _DAYISH.search(d.text):
            for part in re.split(r"\s*(?:,|and|&)\s*", d.text) if re.search(r"\d\s*(?:,|and|&)", d.text) else [d.text]:
                out.append(("?" + part.lower(), d))
    return out


def near_dates(m: Mention, text: str) -> list[DateMention]:
    """Dates of a clause that sit near its strike words or tolls (not "Ramadan started on July 20 and ...")."""
    if len(m.dates) <= 1:
        return m.dates
    anchors = [a for a, _b in m.triggers] + [b for _a, b in m.triggers] + [c.anchor for c in m.casualties]
    if not anchors:
        return m.dates
    return [d for d in m.dates if min(min(abs(d.start - a), abs(d.end - a)) for a in anchors) <= 80]


def definite_only(m: Mention, text: str) -> bool:
    """Every strike word of the clause is a definite singular ("the strike", "this attack", "the second strike")."""
    for t0, t1 in m.triggers:
        word = text[t0:t1].lower()
        if word.endswith("s") or not _DEFINITE_BEFORE.search(text[max(m.start, t0 - 30):t0].lower()):
            return False
    return True


def mention_keys(m: Mention, text: str) -> set[str]:
    """Names and targets a mention gives (computed once per mention; its span no longer changes by then)."""
    if m.keys is not None and m.keys_span == (m.start, m.end):
        return m.keys
    keys = {k.rstrip("'’s") for k in _KEY_RE.findall(text[m.start:m.end])}
    keys = {k for k in keys if k not in _KEY_STOP and len(k) > 2}
    for t in TARGET_F.finditer(text, m.start, m.end):
        keys.add("#" + TARGET_WORDS[t.group().lower()])
    m.keys, m.keys_span = keys, (m.start, m.end)
    return keys


def new_event_cue(m: Mention, text: str) -> bool:
    return NEW_EVENT_F.search(text, m.start, m.end) is not None


def mention_type(m: Mention, text: str) -> str | None:
    if not m.triggers:
        return None
    return mention_typing(m, text).type


def mention_typing(m: Mention, text: str) -> Typing:
    """Type and perpetrator from a mention's words (its strike words, or its kill words when it has none);
    computed once for a mention's final span."""
    key = (m.start, m.end, len(m.triggers), len(m.casualties))
    if m.typing is None or m.typing_key != key:
        anchors = m.triggers or [(c.anchor, c.anchor + 1) for c in m.casualties]
        m.typing, m.typing_key = type_and_perpetrator(text, m.start, m.end, anchors), key
    return m.typing


def singular_span(text: str, start: int, end: int) -> bool:
    """'a drone strike', 'the attack', 'the missiles destroyed ...', or a clause opening with 'Strike on ...'."""
    if _SINGULAR_HEAD_F.match(text, start, end):
        return True
    if _DEFINITE_PLURAL_F.search(text, start, end):
        return True
    for m in _STRIKE_SG_F.finditer(text, start, end):
        if _ARTICLE_BEFORE_F.search(text, max(start, m.start() - 40), m.start()):
            return True
    return False


def singular_act(text: str, m: Mention) -> bool:
    return singular_span(text, m.start, m.end)


def generic_toll(text: str, seg_start: int, c: Casualties) -> bool:
    if c.lo is not None or c.hi is not None or c.named or c.revision:
        return False
    word = text[c.anchor:c.anchor + 8].lower().split(" ", 1)[0]
    if word not in _GENERIC_KILL:
        return False
    if word in ("kill", "kills", "die", "dies") or text[c.anchor:c.end + 12].lower().find("too many") >= 0:
        return True
    return _GENERIC_SUBJECT.search(text[max(seg_start, c.anchor - 80):c.anchor].lower()) is not None
