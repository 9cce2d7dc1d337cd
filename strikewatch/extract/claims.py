"""Claims: aggregate statistics that are not one strike.

"TBIJ estimates that up to 3,735 people have been killed by drone strikes in Pakistan in the last decade --
including up to 957 civilians and 202 children" gives three claims (killed, civilians, children) with source
"TBIJ" and period "the last decade"; "The Bureau of Investigative Journalism lists five confirmed U.S. strikes
in 2017" gives one (unit "strikes", period "2017"). A sentence that states a claim reports no strike.
"""

from __future__ import annotations

import re

from strikewatch.calendar_words import MONTH_NAMES
from strikewatch.extract import rules
from strikewatch.extract.casualties import Casualties
from strikewatch.extract.layout import Folded
from strikewatch.extract.numbers import NUM, QUANTITY_RE, quantity_from_match
from strikewatch.schema import Claim

PERIOD_RE = rules.pattern("claims", "period", number=NUM, months="|".join(MONTH_NAMES))
_PERIOD_PREP = rules.pattern("claims", "period_preposition")
_STRIKE_COUNT_RE = rules.pattern("claims", "strike_count", number=NUM)
_DURATION_AFTER = rules.pattern("claims", "duration_after")
_AGGREGATE_CUE = rules.pattern("claims", "aggregate_cue")
_TOTAL_CUE = rules.pattern("claims", "total_cue")
_PLURAL_STRIKES = rules.pattern("claims", "plural_strikes")
_MANY_YEARS = rules.pattern("claims", "many_years")
_SOURCE_BEFORE = rules.pattern("claims", "source_before")
_SOURCE_AFTER = rules.pattern("claims", "source_after")
_NOT_A_SOURCE = frozenset(rules.words("claims", "not_a_source"))
_NOT_A_SOURCE_START = tuple(rules.words("claims", "not_a_source_start"))
_UNIT_OF: dict[str, str] = rules.table("claims", "casualty_unit")


def _source(text: str, start: int, end: int) -> str | None:
    seg = text[start:end]
    m = _SOURCE_AFTER.search(seg)
    if m:
        return m.group("src").strip()
    m = _SOURCE_BEFORE.search(seg)
    if m:
        src = m.group("src").strip()
        if src.lower() not in _NOT_A_SOURCE and not src.lower().startswith(_NOT_A_SOURCE_START):
            return src
    return None


_PERIOD_F = Folded(PERIOD_RE)
_AGGREGATE_F = Folded(_AGGREGATE_CUE)


def _period(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    m = _PERIOD_F.search(text, start, end)
    if m is None:
        return None
    p = _PERIOD_PREP.sub("", text[m.start():m.end()])
    return p, m.start(), m.end()


_CLASS_PAIR = rules.pattern("claims", "class_pair")
_CLASS_UNIT: dict[str, str] = rules.table("claims", "class_unit")
# "the death toll was 40, making it one of the deadliest strikes so far": a comparison, not a total over strikes
_SUPERLATIVE = rules.pattern("claims", "superlative")
_PLURAL_SUBJECT_F = Folded(rules.pattern("claims", "plural_subject"))

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
            if _DURATION_AFTER.match(text[m.end("q"):m.end("q") + 8]):
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
        plural_strikes = _PLURAL_STRIKES.search(text[start:end])
        # "between 474 and 881 civilians were killed between 2004 and 2012": a toll over years is no one strike's
        many_years = period is not None and _MANY_YEARS.search(period[0])
        if (plural_strikes or many_years) and (period is not None or plural_subject or
                                                  _TOTAL_CUE.search(text[start:end])):
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
