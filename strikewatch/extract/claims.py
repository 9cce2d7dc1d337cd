"""Claims: aggregate statistics that are not one strike.

"TBIJ estimates that up to 3,735 people have been killed by drone strikes in Pakistan in the last decade --
including up to 957 civilians and 202 children" gives three claims (killed, civilians, children) with source
"TBIJ" and period "the last decade"; "The Bureau of Investigative Journalism lists five confirmed U.S. strikes
in 2017" gives one (unit "strikes", period "2017"). A sentence that states a claim reports no strike.
"""

from __future__ import annotations

import re

from strikewatch.extract.casualties import Casualties
from strikewatch.extract.layout import Folded
from strikewatch.extract.numbers import NUM, QUANTITY_RE, quantity_from_match
from strikewatch.schema import Claim

PERIOD_RE = re.compile(
    r"\b(?:(?:in|during|over|throughout|for)\s+(?:the\s+)?(?:last|past|previous|first|following)\s+"
    r"(?:(?:" + NUM + r"|few|several)\s+)?(?:decades?|years?|months?|weeks?|days?)"
    r"|(?:over|throughout|across)\s+the\s+(?:whole\s+|entire\s+)?(?:year|decade|period)"
    r"|in\s+as\s+many\s+(?:days|weeks|months|years)"
    r"|in\s+(?:" + NUM + r")\s+(?:days|weeks|months|years)"
    r"|(?:since|from)\s+(?:(?:early|late|mid)[- ])?(?:\d{4}|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|the\s+start|the\s+beginning)(?:\s+\d{4})?"
    r"(?:\s+(?:through|to|until|till|and)\s+(?:(?:early|late|mid)[- ]?)?(?:\d{4}|January|February|March|April|"
    r"May|June|July|August|September|October|November|December)(?:\s+\d{4})?)?"
    r"|(?:in|during|for|of)\s+(?:19|20)\d\d(?!\s*[-–]\d)(?:\s*(?:-|–|and|to)\s*(?:19|20)\d\d)?"
    r"|between\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d"
    r"|so\s+far(?:\s+this\s+(?:year|month))?|to\s+date|this\s+year|last\s+year|in\s+recent\s+years"
    r"|a\s+decade|altogether|in\s+total|in\s+all)\b",
    re.IGNORECASE,
)
_STRIKE_COUNT_RE = re.compile(
    r"(?<![\w,.])(?P<q>(?:(?:more\s+than|over|at\s+least|up\s+to|nearly|almost|about|some|around)\s+)?(?:"
    + NUM + r"))\s+"
    r"(?:(?:confirmed|reported|known|separate|suspected|US|U\.S\.|American|CIA|drone|air|missile|Pakistani|"
    r"military|covert|more|such|other|further|new)\s+){0,4}"
    r"(?P<unit>strikes|attacks|airstrikes|air\s+strikes|raids|bombings|drone\s+strikes|sorties)\b",
    re.IGNORECASE,
)
_AGGREGATE_CUE = re.compile(
    r"\b(?:have\s+been|has\s+been|had\s+been)\s+(?:killed|wounded|injured)|\bhave\s+(?:died|killed)|"
    r"\bestimat\w+|\btotal\b|\btally\b|\bcumulative|\baltogether|\bin\s+all\b|\bcampaign\b|\bsince\s+(?:19|20)\d\d|"
    r"\bdatabase\b|\bcount(?:s|ed)?\b|\bdata\b",
    re.IGNORECASE,
)
_SOURCE_BEFORE = re.compile(
    r"(?P<src>(?:the\s+)?(?:[A-Z][\w'’.-]*(?:\s+(?:of|for|on|the|and|[A-Z][\w'’.-]*))*|[A-Z]{2,}))\s*(?:'s?|’s?)?"
    r"\s+(?:\w+\s+)?(?:estimates?|estimated|lists?|listed|says?|said|counts?|counted|recorded|records|reports?|"
    r"reported|data|database|figures|tally|found|documented|tracks|believes)\b"
)
_SOURCE_AFTER = re.compile(r"\baccording\s+to\s+(?P<src>(?:the\s+)?(?:[A-Z][\w'’.-]*(?:\s+(?:of|for|on|the|and|"
                           r"[A-Z][\w'’.-]*))*|[A-Z]{2,}))")
_UNIT_OF = {"people": "killed", "civilian": "civilians", "child": "children", "militant": "militants",
            "woman": "women"}


def _source(text: str, start: int, end: int) -> str | None:
    seg = text[start:end]
    m = _SOURCE_AFTER.search(seg)
    if m:
        return m.group("src").strip()
    m = _SOURCE_BEFORE.search(seg)
    if m:
        src = m.group("src").strip()
        if src.lower() not in ("the", "it", "they", "he", "she", "this") and not src.lower().startswith("the u.s."):
            return src
    return None


_PERIOD_F = Folded(PERIOD_RE)
_AGGREGATE_F = Folded(_AGGREGATE_CUE)


def _period(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    m = _PERIOD_F.search(text, start, end)
    if m is None:
        return None
    p = re.sub(r"^(?:in|during|over|throughout|for|of)\s+(?:the\s+)?", "", text[m.start():m.end()], flags=re.I)
    return p, m.start(), m.end()


_CLASS_PAIR = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?P<n>civilians|children|militants|women|soldiers|"
                         r"security\s+personnel|foreigners|people)\b", re.IGNORECASE)
_CLASS_UNIT = {"civilians": "civilians", "children": "children", "militants": "militants", "women": "women",
               "soldiers": "soldiers", "security personnel": "soldiers", "foreigners": "foreigners",
               "people": "killed"}


# "the death toll was 40, making it one of the deadliest strikes so far": a comparison, not a total over strikes
_SUPERLATIVE = re.compile(r"\bone\s+of\s+the\s+(?:deadliest|bloodiest|worst|most\s+deadly|largest|biggest)\b",
                          re.IGNORECASE)


_PLURAL_SUBJECT_F = Folded(re.compile(
    r"\b(?:the|these|those|its|their|such)\s+(?:(?:us|u\.s\.|american|drone|air|missile)\s+){0,2}"
    r"(?:strikes|airstrikes|raids)\s+(?:have\s+|had\s+)?(?:killed|kill)\b", re.IGNORECASE))


def find_claims(text: str, start: int, end: int, casualties: list[Casualties], has_day_date: bool,
                has_multi_day: bool = False) -> list[Claim]:
    """Claims in one sentence (empty when the sentence reports a strike rather than a statistic)."""
    period = _period(text, start, end)
    claims: list[Claim] = []
    # counts of strikes: "five confirmed U.S. strikes in 2017", "more than 420 airstrikes from June through ..."
    if period is not None and not has_multi_day:
        for m in _STRIKE_COUNT_RE.finditer(text, start, end):
            qm = QUANTITY_RE.match(m.group("q"))
            q = quantity_from_match(qm, m.start()) if qm else None
            if q is None:
                continue
            if re.match(r"\s+(?:years?|days?|weeks?|months?)\b", text[m.end("q"):m.end("q") + 8], re.I):
                continue
            qty = q.hi if q.hi is not None else q.lo
            claims.append(Claim(text=text[m.start():max(m.end(), period[2])] if period[1] >= m.start() and
                                period[1] - m.end() < 40 else text[m.start():m.end()],
                                start=m.start(), end=max(m.end(), period[2]) if period[1] >= m.start() and
                                period[1] - m.end() < 40 else m.end(),
                                source=_source(text, start, end), quantity=qty, unit="strikes", period=period[0]))
    # "The command says the strikes killed more than 300 militants": the toll of strikes told as a whole
    plural_subject = not has_day_date and bool(casualties) and _PLURAL_SUBJECT_F.search(text, start, end) is not None
    if not has_day_date and casualties and (period is not None or plural_subject or
                                            _AGGREGATE_F.search(text, start, end) is not None) \
            and not _SUPERLATIVE.search(text, start, end):
        plural_strikes = re.search(r"\b(?:drone\s+)?(?:strikes|attacks|airstrikes|war|campaign|programme|program)\b",
                                   text[start:end], re.I)
        # "between 474 and 881 civilians were killed between 2004 and 2012": a toll over years is no one strike's
        many_years = period is not None and re.search(
            r"(?:19|20)\d\d\D+(?:19|20)\d\d|decade|years|^(?:whole\s+|entire\s+)?(?:year|period)$", period[0], re.I)
        if (plural_strikes or many_years) and (period is not None or plural_subject or re.search(
                r"have\s+been|has\s+been|since|estimat|total|tally", text[start:end], re.I)):
            src = _source(text, start, end)
            per = period[0] if period else None
            for c in casualties:
                if c.has_total and (c.lo is not None or c.hi is not None or not plural_subject):
                    qty = c.hi if c.hi is not None else c.lo
                    claims.append(Claim(text=text[c.start:c.end], start=c.start, end=c.end, source=src,
                                        quantity=qty, unit=c.kind if c.kind == "injured" else "killed", period=per))
                for cls, (lo, hi, s, e) in c.classes.items():
                    if cls == "militant" and not c.has_total:
                        continue
                    qty = hi if hi is not None else lo
                    if cls in _UNIT_OF and cls != "people":
                        claims.append(Claim(text=text[s:e], start=s, end=e, source=src, quantity=qty,
                                            unit=_UNIT_OF[cls], period=per))
            # figures the grammar did not attach to a verb: "-- including up to 957 civilians and 202 children"
            for qm in QUANTITY_RE.finditer(text, start, end):
                if any(cl.start <= qm.start() < cl.end for cl in claims):
                    continue
                pm = _CLASS_PAIR.match(text, qm.end())
                q = quantity_from_match(qm)
                if pm is None or q is None:
                    continue
                unit = _CLASS_UNIT[re.sub(r"\s+", " ", pm.group("n").lower())]
                claims.append(Claim(text=text[qm.start():pm.end()], start=qm.start(), end=pm.end(), source=src,
                                    quantity=q.hi if q.hi is not None else q.lo, unit=unit, period=per))
    claims.sort(key=lambda c: c.start)
    return claims


def is_claim_sentence(claims: list[Claim]) -> bool:
    return bool(claims)
