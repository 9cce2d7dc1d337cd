"""A sentence cut into chunks once: quantities (not ages, years or counts of things), person nouns, names, kill and
injure words, connectors, boundaries."""

from __future__ import annotations

from strikewatch.extract.casualty_types import Chunk
from strikewatch.extract.casualty_words import (
    AFTER_ANOTHER,
    BOUNDARY_PUNCT,
    GROUP_REGION_WORDS,
    MULTI_FIRST,
    NAME_PARTICLES,
    NOT_NAMES,
    QUOTES,
    SIMPLE_KIND,
    TITLE_WORDS,
)
from strikewatch.extract.layout import Folded
from strikewatch.extract.lexicon import (
    INJURE_WORDS,
    KILL_WORDS,
    PERSON_CLASS,
    SINGULAR_PERSON,
)
from strikewatch.extract.numbers import QUANTITY_RE, Quantity, quantity_from_match
from strikewatch.extract.rules import pattern

QUANTITY_F = Folded(QUANTITY_RE)  # quantity_from_match reads number words in any case


TOKEN_RE = pattern("casualty_grammar", "token")


def tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, end)]


_AGE_UNIT_LOOSE = pattern("casualty_grammar", "age_unit_loose")
_AGE_UNIT = pattern("casualty_grammar", "age_unit")
_AGE_BEFORE = pattern("casualty_grammar", "age_before")


def age_context(text: str, qs: int, qe: int) -> bool:
    after = text[qe : qe + 14].lower()
    if _AGE_UNIT_LOOSE.match(after) and _AGE_UNIT.match(after):
        return True
    before = text[max(0, qs - 12) : qs].lower()
    return bool(_AGE_BEFORE.search(before))


NONPERSON_AFTER = pattern("casualty_grammar", "nonperson_after")


QSpan = tuple[int, int, Quantity]
_INC_PHRASES = frozenset({"among them", "among whom", "of whom", "of them", "most of them", "many of them",
                          "among those", "among the", "such as", "all of them", "some of them", "most or all"})


def chunk_sentence(text: str, start: int, end: int, masked: list[tuple[int, int]] | None = None) -> list[Chunk]:
    """Chunk ``text[start:end]``: quantities first (minus masked date spans, ages, years, non-person counts)."""
    qspans = _quantities(text, start, end, masked or [])
    chunks: list[Chunk] = []
    qi = 0
    toks = tokens(text, start, end)
    lows = [t[0].lower() for t in toks]
    ti = 0
    while ti < len(toks):
        ts = toks[ti][1]
        while qi < len(qspans) and qspans[qi][1] <= ts:
            qi += 1
        if qi < len(qspans) and qspans[qi][0] <= ts < qspans[qi][1]:
            qs, qe, q = qspans[qi]
            chunks.append(_quantity_chunk(text, chunks, qs, qe, q))
            while ti < len(toks) and toks[ti][1] < qe:
                ti += 1
            qi += 1
            continue
        multi = _multiword(text, toks, lows, ti) if lows[ti] in MULTI_FIRST else None
        if multi is not None:
            chunks.append(multi[0])
            ti += multi[1]
            continue
        ti += 1
        # "six of the 13 killed": "of" right before a quantity
        of_q = lows[ti - 1] == "of" and ti < len(toks) and qi < len(qspans) and qspans[qi][0] == toks[ti][1]
        chunks.append(_word_chunk(toks[ti - 1], lows[ti - 1], chunks, lows[ti] if ti < len(toks) else None, of_q))
    join_group_region(chunks)
    mark_names(chunks, text)
    return chunks


def _quantities(text: str, start: int, end: int, masked: list[tuple[int, int]]) -> list[QSpan]:
    """The quantities of the sentence outside the masked spans (dates, junk)."""
    qspans: list[QSpan] = []
    for m in QUANTITY_F.finditer(text, start, end):
        q = quantity_from_match(m)
        if q is None:
            continue
        if any(a < q.end and q.start < b for a, b in masked):
            continue
        qspans.append((q.start, q.end, q))
    return qspans


def _quantity_chunk(text: str, chunks: list[Chunk], qs: int, qe: int, q: Quantity) -> Chunk:
    """A quantity: 'Q' (people, maybe), 'AGE', or 'QX' (a year, a span of years, a count of things)."""
    qtext = text[qs:qe]
    kind = "Q"
    if age_context(text, qs, qe) or len(chunks) >= 2 and (
        # "aged about 10 and 16": the second age too
        chunks[-1].low in ("and", "or", ",") and chunks[-2].kind == "AGE"
        # "a boy of 8", "a teenager of 17": an age, not a count
        or chunks[-1].low == "of" and chunks[-2].kind == "H" and chunks[-2].singular
        and q.lo is not None and q.lo == q.hi and q.lo < 100
    ):
        kind = "AGE"
    elif (
        NONPERSON_AFTER.match(text, qe)
        or q.lo is not None and q.lo == q.hi and 1900 <= q.lo <= 2100 and qtext.strip().isdigit()
        # "between 2004 and 2012", "from 2009 to 2011": a span of years, not people
        or q.lo is not None and q.hi is not None and 1900 <= q.lo < q.hi <= 2100 and "," not in qtext
        and "." not in qtext
    ):
        kind = "QX"
    return Chunk(kind, qtext, qtext.lower(), qs, qe, qty=q)


def _multiword(text: str, toks: list[tuple[str, int, int]], lows: list[str], ti: int) -> tuple[Chunk, int] | None:
    """A multi-word person noun, connector, subset marker, "no one" or "lost their lives" at toks[ti], with the
    number of tokens it takes."""
    ts = toks[ti][1]
    for n in (3, 2):
        if ti + n > len(toks):
            continue
        phrase = " ".join(lows[ti : ti + n])
        te = toks[ti + n - 1][2]
        if phrase.endswith(("'s", "’s")) and phrase[:-2] in PERSON_CLASS:
            return Chunk("X", text[ts:te], phrase, ts, te, cls=PERSON_CLASS[phrase[:-2]]), n
        if phrase in PERSON_CLASS:
            return Chunk("H", text[ts:te], phrase, ts, te, cls=PERSON_CLASS[phrase],
                         singular=phrase in SINGULAR_PERSON), n
        if phrase in ("along with", "together with", "as well as", "in addition to"):
            return Chunk("C", phrase, phrase, ts, te), n
        if phrase in _INC_PHRASES:
            # "Two civilians were among those killed": a part of a total the clause may not give
            kind = "AMONG" if phrase in ("among the", "among those") else "INC"
            return Chunk(kind, phrase, phrase, ts, te), n
        if phrase in ("no one", "not one", "no-one"):
            return Chunk("NEG", phrase, phrase, ts, te), n
        if phrase in ("lost their lives", "lost his life", "lost her life", "lost lives"):
            return Chunk("K", phrase, "died", ts, te), n
    return None


def _word_chunk(tok3: tuple[str, int, int], low: str, chunks: list[Chunk], next_low: str | None, of_q: bool
                ) -> Chunk:
    """One word's chunk, by its word class (and the chunk before it)."""
    tok, ts, te = tok3
    if low.endswith(("'s", "’s")) and low[:-2] in PERSON_CLASS:
        return Chunk("X", tok, low, ts, te, cls=PERSON_CLASS[low[:-2]])
    if low == "bodies" and chunks and chunks[-1].kind == "Q":
        return Chunk("K", tok, "dead", ts, te)  # "13 bodies were recovered": 13 dead
    if low in PERSON_CLASS:
        return Chunk("H", tok, low, ts, te, cls=PERSON_CLASS[low], singular=low in SINGULAR_PERSON)
    if low == "buried" and chunks and chunks[-1].kind == "AUX":
        return Chunk("K", tok, "killed", ts, te)  # "eight people were buried": the dead
    if low in KILL_WORDS:
        return Chunk("K", tok, low, ts, te)
    if low in INJURE_WORDS:
        return Chunk("I", tok, low, ts, te)
    if low == "another" and chunks and chunks[-1].kind in ("K", "I") and (
            next_low is None or next_low in AFTER_ANOTHER):
        # "killed one militant and wounded another": one more person, the object of the verb
        return Chunk("Q", tok, low, ts, te, qty=Quantity(1, 1, ts, te))
    k2 = SIMPLE_KIND.get(low)
    if low == "of" and of_q:
        k2 = "AMONG"  # "six of the 13 killed"
    elif k2 is None:
        k2 = "B" if tok in BOUNDARY_PUNCT else "P" if tok in ("(", ")") else "QT" if tok in QUOTES else "X"
    return Chunk(k2, tok, low, ts, te)


def join_group_region(chunks: list[Chunk]) -> None:
    """"al-Qaeda in the Arabian Peninsula", "Islamic State in Khorasan": the region is part of the group's name,
    not where the clause's phrase ends ("Three suspected members of al-Qaeda in the Arabian Peninsula died")."""
    i = 0
    while i + 2 < len(chunks):
        c = chunks[i]
        if c.kind == "H" and (c.text[:1].isupper() or c.low.startswith("al-")) and chunks[i + 1].low == "in":
            j = i + 2
            if chunks[j].low == "the":
                j += 1
            k = j
            while k < len(chunks) and chunks[k].kind == "X" and chunks[k].low in GROUP_REGION_WORDS:
                k += 1
            if k > j:
                chunks[i:k] = [Chunk("H", c.text, c.low, c.start, chunks[k - 1].end, cls=c.cls, singular=c.singular)]
        i += 1


PARTICLE_NAME = pattern("casualty_grammar", "particle_name")


def is_cap(tok: str) -> bool:
    if tok[:1].isupper():
        return not tok.isupper() or (len(tok) > 1 and "-" in tok)
    return "-" in tok and PARTICLE_NAME.match(tok) is not None  # "al-Zawahiri"


def mark_names(chunks: list[Chunk], text: str) -> None:
    """Fold runs of capitalised words (with particles like al-, bin) into one N chunk when they look like a name."""
    i = 0
    n = len(chunks)
    while i < n:
        c = chunks[i]
        if c.kind in ("X", "H", "ART", "AUX") and is_cap(c.text) and c.low not in NOT_NAMES and c.cls != "civilian":
            j = i
            parts = 0
            while j < n:
                cj = chunks[j]
                if cj.kind in ("X", "H", "AUX") and is_cap(cj.text) and cj.low not in NOT_NAMES:
                    parts += 1
                    j += 1
                elif cj.low in NAME_PARTICLES and j + 1 < n and is_cap(chunks[j + 1].text):
                    j += 1
                else:
                    break
            prev = chunks[i - 1] if i > 0 else None
            if prev is not None and prev.low == "the" and not any(chunks[x].cls for x in range(i, j)):
                # "told the Evening Herald", "the Frontier Press Agency": an outlet or body, not a person
                i = j
                continue
            title_before = prev is not None and prev.low in TITLE_WORDS
            while j > i + 1 and chunks[j - 1].low in NAME_PARTICLES:
                j -= 1
            if (parts >= 2 or (parts == 1 and title_before and j > i)) and j > i:
                s, e = chunks[i].start, chunks[j - 1].end
                name = text[s:e]
                chunks[i:j] = [Chunk("N", name, name.lower(), s, e)]
                n = len(chunks)
        i += 1
