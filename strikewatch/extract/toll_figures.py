"""Figures for a toll told other than as a verb's object: "the death toll rose to 26", "the dead numbered 21", another
source's figure ("16 by some counts", "residents said 18"), additions ("also", "another")."""

from __future__ import annotations

import re

from strikewatch.extract.casualty_types import Casualties, Chunk
from strikewatch.extract.casualty_words import ELLIPTIC_SAY, FIGURE_NOUNS
from strikewatch.extract.chunking import NONPERSON_AFTER
from strikewatch.extract.numbers import QUANTITY_RE, Quantity, quantity_from_match

REVISION_BEFORE = re.compile(
    r"(?:rose|risen|rises|rising|climbed|climbs|increased|jumped|reached|lowered|revised|reduced|raised|"
    r"went\s+up|gone\s+up|brought|bringing|raising|pushing|taking|took|stands|stood|stand)\s+"
    r"(?:(?:to|at)\s+)?(?:at\s+least\s+)?$",
    re.IGNORECASE,
)


ALT_AFTER = re.compile(
    r"\s*(?:[—–(-]+|,)\s*(?:or\s+|and\s+|while\s+)?(?P<q>[^—–(),;.]{1,30}?)\s*(?:people\s+|dead\s+|killed\s+)?"
    r"(?:by|according\s+to|per|in\s+other|from\s+other|other|some|as\s+per)\b",
    re.IGNORECASE,
)


TOLL_AFTER = re.compile(
    # "the death toll (from Wednesday's drone strike in Saidgai, North Waziristan,) had risen to 18"
    r"(?:\s+(?:from|in|after|of)\s+(?![\d]|(?:at\s+least|up\s+to|some|about|around)\b)[^.;:!?\d]{1,90}?,?(?=\s+(?:has|had|have|was|is|"
    r"now|rose|risen|rises|climbed|climbs|increased|jumped|reached|reaches|went|stood|stands|lowered|revised)\b))?"
    r"\s*(?:has\s+|had\s+|have\s+|was\s+|is\s+|now\s+|later\s+|since\s+|also\s+)*"
    r"(?:(?:rose|risen|rises|climbed|climbs|increased|jumped|reached|reaches|went\s+up|gone\s+up|lowered|"
    r"revised|stood|stands|stand|was|is|of|at|to|put\s+at|placed\s+at)\s+)+(?:to\s+|at\s+)?",
    re.IGNORECASE,
)


HEDGE = re.compile(r"\b(?:by\s+some\s+(?:sources|accounts|reports|counts)|according\s+to\s+some|some\s+reports|"
                    r"possibly|may\s+have|unconfirmed)\b", re.IGNORECASE)


ELLIPSIS = re.compile(r"\band\s+(?P<q>(?:at\s+least\s+|up\s+to\s+)?[\w-]+)\s+(?:more\s+)?in\s+the\s+"
                       r"(?:second|third|fourth|latter|other)\b", re.IGNORECASE)


# "while residents put it as high as 24", "though residents said the number was 14": another source's figure for
# the same toll
PUT_IT = re.compile(
    r"\b(?:(?:put|puts|putting|placed|places|gave|gives|give|estimated|estimates|estimate)\s+(?:it|the\s+(?:death\s+)?"
    r"(?:toll|figure|number|count))\s+(?:at\s+|closer\s+to\s+)?|(?:said|say|says|claimed|insisted)\s+(?:that\s+)?"
    r"the\s+(?:number|figure|count)\s+(?:was|is|stood\s+at|could\s+be|might\s+be|may\s+be)\s+)",
    re.IGNORECASE,
)


# "said at first that several militants had been killed, then withdrew the statement"
RETRACTED = re.compile(r"\b(?:then|later|subsequently|but)\s+(?:withdrew|retracted|denied|corrected|took\s+back|"
                        r"revised)\s+(?:the|its|his|her|their|that|this)\s+(?:statement|claim|report|figure|account)",
                        re.IGNORECASE)


QUESTION_BEFORE = re.compile(r"\b(?:how\s+many|how\s+much|who(?:ever|m)?|what|whether)\b[^,;.]{0,30}$", re.IGNORECASE)


FOLLOW_UP_VICTIMS = re.compile(
    r"\b(?:survivors?|rescuers?|(?:people|villagers|locals|residents|those)\s+who\s+(?:came|rushed|gathered|arrived|"
    r"tried)\s+to\s+(?:help|rescue))\b(?!\s+(?:said|say|says|told|reported|described))"
    r"(?=[^.;]{0,80}\b(?:flee|flees|fled|ran|run|runs|arrived|arrive|arrives|came|gathered|rushed|went|reached)\b)",
    re.IGNORECASE)


ADDITIVE_NEAR = re.compile(r"\b(?:also|another|more|further|additional|too|as\s+well|other)\b", re.IGNORECASE)


DOWN = re.compile(r"lowered|reduced|revised\s+down|downgraded|cut\b|fell|dropped", re.IGNORECASE)


ALT_POSS = re.compile(
    r"\s*,\s*(?:(?:and|or|but)\s+)?(?:possibly|perhaps|maybe|probably|or\s+more|reportedly)\s+(?P<q>(?:as\s+many\s+as\s+|"
    r"up\s+to\s+|as\s+high\s+as\s+)?[\w,-]+)(?=\s*(?:[,;.)—–]|$|and\b|in\b|on\b|at\b|near\b|when\b|after\b|"
    r"people\b|dead\b|killed\b|according\b|by\b))",
    re.IGNORECASE,
)


# "other sources", "another account", "other local officials": another SOURCE for the same figure, not more victims
SOURCE_OTHER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:sources?|accounts?|reports?|estimates?|officials?|witness(?:es)?|tall(?:y|ies)|counts?|"
    r"figures?|media|outlets?|residents?|villagers?|tribesmen|elders?|locals|agency|agencies|intelligence|"
    r"newspapers?|channels?|versions?|sources)\b(?!\s+(?:were|was|also|died|killed|dead)\b)",
    re.IGNORECASE)


QTY_BEFORE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|"
                         r"few|dozen|dozens|the))\s+$", re.IGNORECASE)


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


AUXW = r"(?:has|had|have|was|were|is|are|now|later|also|could|may|might|would|will|be|been|being|initially|first|" \
    r"finally|officially|reportedly|variously)"


FIG_VERB = re.compile(
    rf"\s+(?:{AUXW}\s+)*(?:numbered|totall?ed|reached|came\s+to|stood\s+at|stands?\s+at|(?:put|placed|given|"
    r"estimated|reported|counted|said\s+to\s+be|thought\s+to\s+be|believed\s+to\s+be)\s+(?:at|as)|range[sd]?|"
    r"ranging|var(?:y|ies|ied)|varying)\s+(?:(?:anywhere\s+)?from\s+)?", re.IGNORECASE)


FIG_COPULA = re.compile(rf"\s+(?:{AUXW}\s+)*?(?:was|were|is|are|be|been)\s+(?:(?:anywhere\s+)?from\s+)?",
                         re.IGNORECASE)


PUT_BEFORE = re.compile(
    r"\b(?:put|puts|putting|placed|places|estimated|estimates|estimate|gave|gives|give|counted|counts)\s+"
    r"the\s+(?:(?:total\s+)?number\s+of\s+(?:the\s+)?|total\s+of\s+)?$", re.IGNORECASE)


AT_AS = re.compile(r"\s+(?:at|as)\s+(?:(?:anywhere\s+)?from\s+)?", re.IGNORECASE)


# "the number of dead was higher, putting it at 18", "the dead were more numerous, at 12": another source's higher
# figure for the same toll (only its figure is read; the copula alone stops at "higher")
FIG_HIGHER = re.compile(
    rf"\s+(?:{AUXW}\s+)*?(?:was|were|is|are|be|been)\s+(?:much\s+|far\s+|even\s+)?(?:higher|greater|larger|"
    r"more\s+numerous)\s*,?\s*(?:(?:putting|placing|with\s+\w+\s+putting)\s+it\s+)?(?:at|as\s+high\s+as|"
    r"possibly\s+as\s+many\s+as)\s+", re.IGNORECASE)


TO = re.compile(r"\s+to\s+", re.IGNORECASE)


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
