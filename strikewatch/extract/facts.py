"""What a clause says, read off the text: facts the mention, cluster and finalise components share.

Each is a plain function of the text and offsets (or a ``Mention``): is a day the day something was said, is a
clause background, does it name one strike or several, which names and targets it gives, its type.
"""

from __future__ import annotations

from datetime import date

from strikewatch.extract.casualties import Casualties
from strikewatch.extract.dates import DateMention, find_dates
from strikewatch.extract.doc import Mention
from strikewatch.extract.layout import Folded
from strikewatch.extract.lexicon import TARGET_RE, TARGET_WORDS
from strikewatch.extract.rules import pattern, words
from strikewatch.extract.triggers import Typing, type_and_perpetrator

_STATEMENT_AFTER = pattern("events_clauses", "statement_after")


_STATEMENT_BEFORE = pattern("events_clauses", "statement_before")


STATEMENT_AFTER_F = Folded(_STATEMENT_AFTER)


STATEMENT_BEFORE_F = Folded(_STATEMENT_BEFORE)


# "Officials said nine people had been killed on Monday": reported speech in the pluperfect is the news itself
_SPEECH_BEFORE_F = Folded(pattern("events_clauses", "speech_before"))


_BACKGROUND_RE = pattern("events_clauses", "background")


_BACKGROUND_RE_F = Folded(_BACKGROUND_RE)


_FULL_DATE = pattern("events_clauses", "full_date")


_PLURAL_STRIKES = pattern("events_clauses", "plural_strikes")


_PLURAL_STRIKES_F = Folded(_PLURAL_STRIKES)


_TOLL_ACROSS = pattern("events_clauses", "toll_across")
_DAY_SEPARATOR = pattern("events_clauses", "day_separator")
_DAYS_LISTED = pattern("events_clauses", "days_listed")
_DAYISH = pattern("events_clauses", "dayish")


_DEFINITE_BEFORE = pattern("events_clauses", "definite_before")


_KEY_STOP = frozenset(words("events_clauses", "key_stop"))


_KEY_RE = pattern("events_clauses", "key_word")


TARGET_F = Folded(TARGET_RE)  # group() is lower case: TARGET_WORDS is looked up lower-cased anyway


_NEW_EVENT_RE = pattern("events_clauses", "new_event")


NEW_EVENT_F = Folded(_NEW_EVENT_RE)


# "Strike on ...", "Further strike the same day on ...": a tracker's line for one strike
_SINGULAR_HEAD = pattern("events_clauses", "singular_head")


_STRIKE_SG = pattern("events_clauses", "strike_singular")


_ARTICLE_BEFORE = pattern("events_clauses", "article_before")


_SINGULAR_HEAD_F = Folded(_SINGULAR_HEAD)


_STRIKE_SG_F = Folded(_STRIKE_SG)


_ARTICLE_BEFORE_F = Folded(_ARTICLE_BEFORE)


_DEFINITE_PLURAL = pattern("events_clauses", "definite_plural")


_DEFINITE_PLURAL_F = Folded(_DEFINITE_PLURAL)


# "a campaign that kills innocent people", "the strikes, which killed civilians", "killed too many people": a
# statement about strikes in general (no figure, a habitual present, plural strikes or the campaign as subject) is
# no strike's toll
_GENERIC_SUBJECT = pattern("events_clauses", "generic_subject")


_GENERIC_KILL = frozenset(words("events_clauses", "generic_kill"))


# "hours later", "later that day", "in the afternoon": the same day as the strike before
SAME_DAY_RE = pattern("events_clauses", "same_day")


_MUNITION_RE = pattern("events_clauses", "munitions")


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
        if _TOLL_ACROSS.search(text[max(m.start, p.start() - 12):p.start()]):
            return True
    return False


def day_list(m: Mention) -> list[tuple[object, DateMention]]:
    """(key, mention) for each single day a mention names: the date, or its text when it cannot be resolved."""
    out: list[tuple[object, DateMention]] = []
    for d in m.dates:
        if d.days:
            out.extend((day, d) for day in d.days)
        elif d.relative and not d.earliest and d.follows is None and _DAYISH.search(d.text):
            for part in _DAY_SEPARATOR.split(d.text) if _DAYS_LISTED.search(d.text) else [d.text]:
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
