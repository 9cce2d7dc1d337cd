"""Figures for a toll told other than as a verb's object: "the death toll rose to 26", "the dead numbered 21", another
source's figure ("16 by some counts", "residents said 18"), additions ("also", "another")."""

from __future__ import annotations

from strikewatch.extract.casualty_types import Casualties, Chunk
from strikewatch.extract.casualty_words import ELLIPTIC_SAY, FIGURE_NOUNS
from strikewatch.extract.chunking import NONPERSON_AFTER
from strikewatch.extract.numbers import QUANTITY_RE, Quantity, quantity_from_match
from strikewatch.extract.rules import pattern

REVISION_BEFORE = pattern("casualty_figures", "revision_before")


ALT_AFTER = pattern("casualty_figures", "alternate_after")


TOLL_AFTER = pattern("casualty_figures", "toll_after")


HEDGE = pattern("casualty_figures", "hedge")


ELLIPSIS = pattern("casualty_figures", "ellipsis")


# "while residents put it as high as 24", "though residents said the number was 14": another source's figure for
# the same toll
PUT_IT = pattern("casualty_figures", "put_it")


# "said at first that several militants had been killed, then withdrew the statement"
RETRACTED = pattern("casualty_figures", "retracted")


QUESTION_BEFORE = pattern("casualty_figures", "question_before")


FOLLOW_UP_VICTIMS = pattern("casualty_figures", "follow_up_victims")


ADDITIVE_NEAR = pattern("casualty_figures", "additive")


DOWN = pattern("casualty_figures", "down")


ALT_POSS = pattern("casualty_figures", "alternate_possibly")


# "other sources", "another account", "other local officials": another SOURCE for the same figure, not more victims
SOURCE_OTHER = pattern("casualty_figures", "source_other")


QTY_BEFORE = pattern("casualty_figures", "quantity_before")


def is_additive(text: str, s: int, e: int) -> bool:
    """'also', 'more', 'another two people', 'three other civilians': an addition to figures given before; not
    'other sources' or 'another account', which name another source for the same figure."""
    for m in ADDITIVE_NEAR.finditer(text, s, e):
        w = m.group().lower()
        if w in ("other", "another") and SOURCE_OTHER.match(text, m.end()) and not QTY_BEFORE.search(
                text, max(0, m.start() - 12), m.start()):
            continue
        return True
    return False




FIG_VERB = pattern("casualty_figures", "figure_verb")


FIG_COPULA = pattern("casualty_figures", "figure_copula")


PUT_BEFORE = pattern("casualty_figures", "put_before")


AT_AS = pattern("casualty_figures", "at_as")


# "the number of dead was higher, putting it at 18", "the dead were more numerous, at 12": another source's higher
# figure for the same toll (only its figure is read; the copula alone stops at "higher")
FIG_HIGHER = pattern("casualty_figures", "figure_higher")


TO = pattern("casualty_figures", "to")


def noun_figure(chunks: list[Chunk], k: int, text: str, end: int) -> Quantity | None:
    """A figure the text gives for 'the dead' / 'the wounded' as a noun: "the dead numbered 21", "the number of
    dead could be as high as ten", "put the wounded at nine", "estimates of the dead range from two to ten",
    "reports range from one dead to six"."""
    c = chunks[k]
    if c.low not in FIGURE_NOUNS or k == 0:
        return None
    prev = chunks[k - 1]
    if prev.kind == "Q" and prev.qty is not None and k >= 2 and chunks[k - 2].low == "from":
        m = TO.match(text, c.end, end)
        qm = QUANTITY_RE.match(text, m.end(), end) if m else None
        q2 = quantity_from_match(qm) if qm else None
        if q2 is None or q2.hi is None or prev.qty.lo is None:
            return None
        return Quantity(min(prev.qty.lo, q2.hi), max(prev.qty.lo, q2.hi), prev.start, q2.end)
    if prev.low not in ("the", "of"):
        return None
    m = FIG_VERB.match(text, c.end, end) or FIG_COPULA.match(text, c.end, end)
    if m is not None and text[m.end():m.end() + 1].isalpha() and text[m.end():m.end() + 1].lower() in "hglmfe":
        m = FIG_HIGHER.match(text, c.end, end) or m
    if m is None and PUT_BEFORE.search(text, max(0, c.start - 45), c.start):
        m = AT_AS.match(text, c.end, end)
    if m is None:
        return None
    qm = QUANTITY_RE.match(text, m.end(), end)
    q = quantity_from_match(qm) if qm else None
    if q is None or (q.lo is None and q.hi is None) or NONPERSON_AFTER.match(text, q.end):
        return None
    return q


def elliptic_alternates(chunks: list[Chunk], out: list[Casualties]) -> None:
    """Another source's figure with the kill word left out: "Officials said 12 died; residents said 18", "Seven were
    injured; residents said 14", "Three were injured according to officials, five according to tribesmen"."""
    n = len(chunks)
    for b, ch in enumerate(chunks):
        if ch.low not in (";", ","):
            continue
        prior = [x for x in out if x.has_total and x.anchor < ch.start and (x.lo is not None or x.hi is not None)]
        if not prior:
            continue
        x = b + 1
        qc: Chunk | None = None
        if ch.low == ";":
            said = False
            while x < n and x <= b + 5 and chunks[x].kind in ("H", "X", "V", "AUX", "ART"):
                said = said or chunks[x].low in ELLIPTIC_SAY
                x += 1
            if said and x < n and chunks[x].kind == "Q" and (x + 1 == n or chunks[x + 1].low in (".", ";")):
                qc = chunks[x]
        elif x + 1 < n and chunks[x].kind == "Q" and chunks[x + 1].low == "according":
            qc = chunks[x]
        if qc is not None and qc.qty is not None:
            p = prior[-1]
            out.append(Casualties(p.kind, qc.qty.lo, qc.qty.hi, qc.start, qc.end, qc.start))
