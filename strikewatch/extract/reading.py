"""The first components: is there anything to read (``gate``), the page's layout (``layout``), and which sentences
are worth reading (``select_sentences``: a kill word or a strike word, not page junk)."""

from __future__ import annotations

import re
from bisect import bisect_left

from strikewatch.extract.casualties import CUE_RE as CASUALTY_CUE_RE
from strikewatch.extract.doc import Doc, SentRead
from strikewatch.extract.facts import year_reference
from strikewatch.extract.layout import (
    Folded,
    Text,
    by_first_letter,
    dateline_end,
    find_comments_start,
    junk_spans,
    sentences,
)
from strikewatch.extract.lexicon import DRONE_RE
from strikewatch.extract.rules import pattern, words
from strikewatch.extract.triggers import STRIKE_TRIGGER_RE

_CUE_WORDS = words("events_sentences", "cue_words")
_CUE_RE = re.compile(r"\b(?:" + "|".join(_CUE_WORDS) + ")", re.IGNORECASE)


# run over every article: lower-cased, and factored by first letter (a third faster than the flat alternation)
_CUE_LOW = re.compile(r"\b(?:" + by_first_letter(w.lower() for w in _CUE_WORDS) + ")")


_PLACE_TAIL_RE = pattern("events_sentences", "place_tail")


_CASUALTY_CUE = Folded(CASUALTY_CUE_RE)


# strike words + the claims' unit "sorties" (the outer \b, tested once, lets re skip the inside of words)
_TRIGGER_CUE = Folded(re.compile(r"\b(?:" + STRIKE_TRIGGER_RE.pattern + r"|sorties\b)", re.IGNORECASE))


# "The strike caused no casualties", "there were no casualties": a toll of none (zero killed), read on the lower-cased
# article once; "no civilian casualties" (a class) and "no casualties among the troops" (a part) are not
_NO_CAS_LOW = pattern("events_sentences", "no_casualties")


def _has_pos(positions: list[int], start: int, end: int) -> bool:
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def gate(doc: Doc) -> None:
    """An empty text, or one without a single strike, kill or injury word, reports nothing. The text is lowered here,
    once (``layout.Text``): the components after read ``doc.low`` and give ``doc.text`` to the patterns that use it."""
    if not doc.text or not doc.text.strip():
        doc.done = True
        return
    text = Text(doc.text)
    doc.text, doc.low = text, text.low
    if not (_CUE_LOW.search(doc.low) if doc.low is not None else _CUE_RE.search(doc.text)):
        doc.done = True


def layout(doc: Doc) -> None:
    """Comments, sentences, junk lines, the dateline; whether the body speaks of drones; the reference year."""
    text = doc.text
    if doc.comments_start is None:
        doc.comments_start = find_comments_start(text)
    doc.sents = sentences(text, doc.comments_start)
    doc.junk = junk_spans(text)
    doc.body_end = doc.comments_start if doc.comments_start is not None else len(text)
    doc.dl_end = dateline_end(text[:doc.body_end])
    doc.drone = DRONE_RE.search(text, 0, doc.body_end) is not None
    # without a publication date, "11 and 12 June" takes its year from a full date in the text ("on 12 June 2014")
    doc.year_ref = year_reference(text, doc.body_end) if doc.published is None else None


def select_sentences(doc: Doc) -> None:
    """The sentences with a kill or strike word (or a toll of none) outside page junk; short lines without one are
    kept aside as possible place lines ("Wana, South Waziristan.")."""
    text, low = doc.text, doc.low
    # one pass of the cue over the whole text (lower-cased: much faster than a case-insensitive scan); sentences
    # are checked by offset
    cue_pos = [m.start() for m in (_CUE_LOW.finditer(low) if low is not None else _CUE_RE.finditer(text))]
    low_all = low if low is not None else text.lower()
    # every match holds "casualties" or "loss": a substring test spares most articles the scan
    no_cas = [(m.start(), m.end()) for m in _NO_CAS_LOW.finditer(low_all)] \
        if "casualties" in low_all or "loss" in low_all else []
    # the per-sentence cues, bound to this text once (see ``Folded.on``)
    doc.kill_rx, doc.kill_src = _CASUALTY_CUE.on(text)
    doc.trig_rx, doc.trig_src = _TRIGGER_CUE.on(text)
    seen_body = False
    for si, s in enumerate(doc.sents):
        s_no_cas = [z for z in no_cas if s.start <= z[0] < s.end] if no_cas else []
        if not _has_pos(cue_pos, s.start, s.end) and not s_no_cas:
            if s.end - s.start < 90:
                doc.tail_lines.append(si)
            continue
        if doc.junk and any(a <= s.start and s.end <= b for a, b in doc.junk):
            continue
        is_title = s.section == "body" and s.heading and not seen_body
        if s.section == "body" and not s.heading:
            seen_body = True
        kill_cue = doc.kill_rx.search(doc.kill_src, s.start, s.end) is not None or bool(s_no_cas)
        if not kill_cue and not doc.trig_rx.search(doc.trig_src, s.start, s.end):
            continue  # no kill word and no strike word: nothing here can be a mention or a claim
        doc.reading.append(SentRead(si, s, s_no_cas, is_title, kill_cue))


def place_tails(doc: Doc) -> None:
    """A place-only line just after an event's sentence ("Wana, South Waziristan.") locates that sentence's
    mentions (those with a toll or a day, else its last one)."""
    sents = [m.sent for m in doc.mentions]
    for si in doc.tail_lines:
        i = bisect_left(sents, si)
        if i == 0:
            continue
        last = doc.mentions[i - 1]
        s = doc.sents[si]
        if last.sent >= si - 2 and last.section == s.section and _PLACE_TAIL_RE.match(doc.text[s.start:s.end]):
            same = [pm for pm in doc.mentions if pm.sent == last.sent]
            informative = [pm for pm in same if pm.casualties or pm.dates] or same[-1:]
            for pm in informative:
                pm.extra_spans.append((s.start, s.end))
