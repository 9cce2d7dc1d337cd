"""Parts of a toll: "including two children", "six of them civilians", "two of the dead were farmers", "Two of the five
men killed"; and negated parts ("no civilians were hurt")."""

from __future__ import annotations

from strikewatch.extract.casualty_types import Casualties, Chunk, Item
from strikewatch.extract.casualty_words import (
    AMONG_VERBS,
    BARE_NEG_NP,
    CIVILIAN_ROLES,
    CLASSES,
    HEDGE_WORDS,
    NEG_PLACE,
    NP_KINDS,
    PARTITIVE_HEADS,
    SOURCE_NOUNS,
    SPEECH_LEFT,
    is_boundary_x,
)
from strikewatch.extract.layout import Folded
from strikewatch.extract.noun_phrase import parse_np
from strikewatch.extract.rules import pattern

# "no civilians were hurt", "Nobody on the ground was hurt", "none of the villagers was injured": a negated subject
# restricted to a class, a place or a partitive says nothing of the whole toll (only "no one", "nobody", "no people"
# alone are zero for the strike)
NEG_SUBJECT_F = Folded(pattern("casualty_grammar", "negated_subject"))


ONE_OF = pattern("casualty_grammar", "one_of")


def negated_part(text: str, start: int, c: Casualties) -> bool:
    m = NEG_SUBJECT_F.search(text, max(start, c.anchor - 90), c.anchor)
    if m is None:
        return False
    return text[m.start("np"):m.end("np")].strip().lower() not in BARE_NEG_NP


def parts_of_them(chunks: list[Chunk], out: list[Casualties]) -> None:
    """A part of the toll told before, with a verb: "and that two to nine of them were civilians", "five to seven of
    the victims were civilians, three or four of them children"."""
    n = len(chunks)
    for x, qc in enumerate(chunks):
        if qc.kind != "Q" or qc.qty is None or x + 2 >= n:
            continue
        y = x + 1
        if chunks[y].low == "of them":
            y += 1
        elif chunks[y].low == "of" and y + 2 < n and chunks[y + 1].low in ("the", "those") and \
                chunks[y + 2].low in ("victims", "casualties"):
            y += 3
        else:
            continue
        if not (y < n and chunks[y].kind == "AUX"):
            continue  # "six of them civilians" is read with the toll already
        while y < n and chunks[y].kind in ("AUX", "ART"):
            y += 1
        h = chunks[y] if y < n else None
        if h is None or h.kind != "H" or not (h.cls in ("civilian", "child", "woman") or h.low in CIVILIAN_ROLES):
            continue
        cls = "civilian" if h.low in CIVILIAN_ROLES else h.cls
        assert cls is not None
        prior = [c for c in out if c.has_total and c.anchor < qc.start and c.kind == "killed"]
        if not prior or cls in prior[-1].classes:
            continue
        prior[-1].classes[cls] = (qc.qty.lo, qc.qty.hi, qc.start, h.end)
        if cls == "civilian":
            part_of_part(chunks, y, prior[-1])


def subset_items(chunks: list[Chunk], a: int, b: int, text: str) -> list[Item]:
    """The people of the subset phrase chunks[a:b] ("including two children", "six of them civilians"), each marked
    as part of a toll told elsewhere, never more of it."""
    sub, _total = parse_np(chunks, a, b, text)
    for it in sub:
        it.subset = True
    return sub


def subset_end(chunks: list[Chunk], j: int, n: int) -> int:
    """Where a subset phrase from chunks[j] ends: noun-phrase chunks and hedges ("3-18 of them reportedly
    civilians"), not a figure that belongs to the next kill or injure word ("including one civilian and 1-6
    injured")."""
    b = j
    while b < n and chunks[b].kind in NP_KINDS and (chunks[b].kind != "AUX" or chunks[b].low in HEDGE_WORDS):
        b += 1
    if b < n and chunks[b].kind in ("K", "I") and b - 2 > j and chunks[b - 1].kind == "Q" and \
            chunks[b - 2].kind == "C":
        b -= 2
    return b


def left_stop(chunks: list[Chunk], a: int, stop: int) -> bool:
    """Where a phrase read leftwards from a kill word stops at a speaker or source: "Residents reported 15 dead",
    "villagers were saying 25 had died", "Other accounts had seven killed", "according to local accounts, and two
    to 11 people were wounded"."""
    low = chunks[a].low
    if low in SPEECH_LEFT and a + 1 <= stop and chunks[a + 1].kind in ("Q", "NEG"):
        return True
    return low in SOURCE_NOUNS and (
        (a + 1 <= stop and chunks[a + 1].kind in ("AUX", "V", "Q"))
        or any(chunks[x].low in ("according", "to", "by", "per") for x in range(max(0, a - 3), a)))


def mark_span(chunks: list[Chunk], k: int, s: int, e: int, consumed: set[int]) -> None:
    """Mark the chunks inside text[s:e] (a statement's figure, near its anchor chunks[k]) as read."""
    x = k
    while x >= 0 and chunks[x].end > s:
        if chunks[x].start >= s and chunks[x].end <= e:
            consumed.add(x)
        x -= 1
    x = k + 1
    while x < len(chunks) and chunks[x].start < e:
        if chunks[x].start >= s and chunks[x].end <= e:
            consumed.add(x)
        x += 1


def inc_after(chunks: list[Chunk], r: int, n: int) -> bool:
    return any(chunks[x].kind == "INC" for x in range(r, n))


def later_subsets(chunks: list[Chunk], r: int, n: int, text: str, consumed: set[int]) -> list[Item]:
    """Parts of the toll told later in the clause, after the place: ", among them a child", ", two of them
    civilians", ", possibly including as many as eight civilians", "with up to three civilians reported among
    them". Only parts with a class (civilians, children, women, militants) count."""
    stop = r
    while stop < n and chunks[stop].kind not in ("K", "I"):
        stop += 1
    out: list[Item] = []
    j = r
    while j < stop:
        ch = chunks[j]
        if (ch.kind == "C" and ch.low == ",") or ch.kind == "W":
            x = j + 1
            while x < stop and chunks[x].kind == "AUX" and chunks[x].low in HEDGE_WORDS:
                x += 1
            if x < stop and (
                (chunks[x].kind == "INC" and chunks[x].low not in ("of them", "of whom"))
                or (chunks[x].kind == "Q" and x + 1 < stop and chunks[x + 1].low in ("of them", "of whom"))
            ):
                b = min(subset_end(chunks, x, n), stop)
                sub = [it for it in subset_items(chunks, x, b, text) if it.cls in CLASSES]
                if sub:
                    out.extend(sub)
                    consumed.update(range(x, b))
                    j = b
                    continue
        elif ch.kind == "INC" and ch.low == "among them":
            y = j - 1
            while y > r and j - y <= 5 and chunks[y].low in AMONG_VERBS:
                y -= 1
            h = chunks[y]
            if y < j - 1 and h.kind == "H" and h.cls in CLASSES:
                qc = chunks[y - 1] if y - 1 >= r and chunks[y - 1].kind == "Q" else None
                if qc is not None and qc.qty is not None:
                    out.append(Item(qc.qty.lo, qc.qty.hi, h.cls, qc.start, h.end, subset=True))
                elif h.singular:
                    out.append(Item(1, 1, h.cls, h.start, h.end, subset=True))
        j += 1
    return out


PART_HEDGE = pattern("casualty_grammar", "part_hedge")


def part_of_whole(chunks: list[Chunk], a: int, stop: int) -> tuple[Chunk, int] | None:
    """ "Two of the five men killed ...": the toll is the whole (five men), the first figure a part of it."""
    while a < stop - 3 and chunks[a].kind in ("X", "B", "P", "C") and chunks[a].low != "of":
        a += 1  # "SANAA, Yemen - Two of the five men killed": past a dateline
    if stop - a < 3 or chunks[a].kind != "Q" or chunks[a + 1].low != "of" or \
            chunks[a + 2].low not in ("the", "those") or chunks[a + 3].kind != "Q":
        return None
    if any(chunks[x].kind not in ("H", "X") for x in range(a + 4, stop + 1)):
        return None
    return chunks[a], a + 3


def part_class(chunks: list[Chunk], k: int, qc: Chunk, cas: Casualties) -> None:
    """The class of the part is the predicate after the kill word's phrase: "... killed in a drone strike in X on
    Wednesday were civilians"."""
    n = len(chunks)
    for j in range(k + 1, min(n, k + 30)):
        ch = chunks[j]
        if ch.kind in ("K", "I", "Q") or ch.low == ";":
            return
        if ch.kind == "AUX" and ch.low in ("were", "was") and j + 1 < n:
            h = j + 1
            while h < n and h <= j + 3 and chunks[h].kind in ("AUX", "ART", "X") and \
                    not is_boundary_x(chunks[h]):
                h += 1
            if h < n and chunks[h].kind == "H" and (
                    chunks[h].cls in ("civilian", "child", "militant", "woman") or chunks[h].low in CIVILIAN_ROLES):
                cls = "civilian" if chunks[h].low in CIVILIAN_ROLES else chunks[h].cls
                assert cls is not None and qc.qty is not None
                cas.classes[cls] = (qc.qty.lo, qc.qty.hi, qc.start, chunks[h].end)
            return


def neg_subject(chunks: list[Chunk], start_np: int) -> Chunk | None:
    """ "Nobody on the ground was reported hurt": the subject is a "nobody" before a place phrase."""
    b = start_np - 1
    if b < 1 or chunks[b].low not in NEG_PLACE:
        return None
    if chunks[b - 1].kind == "NEG" and chunks[b - 1].low in ("nobody", "no one", "no-one", "none", "not one"):
        return chunks[b - 1]
    return None


def read_partitive(chunks: list[Chunk], k: int, kind: str, text: str) -> Casualties | None:
    """ "at least ten of the dead were villagers", "two of the dead were farmers", "one of the injured": part of the
    toll (a lower bound on it), with the class the sentence gives that part; never a toll of its own."""
    c = chunks[k]
    if c.low not in PARTITIVE_HEADS or k < 3:
        return None
    if not (chunks[k - 1].low in ("the", "those") and chunks[k - 2].low == "of" and chunks[k - 3].kind == "Q"):
        return None
    qc = chunks[k - 3]
    q = qc.qty
    if q is None or (q.lo is None and q.hi is None):
        return None
    cas = Casualties(kind, q.lo, None, qc.start, c.end, c.start, has_total=False)
    # "up to seven of the dead may have been civilians": a ceiling, not a count
    hedged = PART_HEDGE.match(text, c.end) is not None
    # the predicate names the part's class: "were villagers", "was a civilian", "were children"
    j = k + 1
    while j < len(chunks) and j <= k + 5 and chunks[j].kind in ("AUX", "ART", "X", "QT"):
        if chunks[j].kind == "X" and is_boundary_x(chunks[j]):
            break
        j += 1
    if j < len(chunks) and chunks[j].kind == "H" and (
            chunks[j].cls in ("civilian", "child", "militant", "woman") or chunks[j].low in CIVILIAN_ROLES):
        cls = "civilian" if chunks[j].low in CIVILIAN_ROLES else chunks[j].cls
        assert cls is not None
        # "five of the dead were civilians": five civilians, as that source counts them
        cas.classes[cls] = (None if hedged else q.lo, q.hi, qc.start, chunks[j].end)
        part_of_part(chunks, j, cas)
    return cas


def part_of_part(chunks: list[Chunk], j: int, cas: Casualties) -> None:
    """The children or women among a partitive's part: "five of the dead were civilians, including three children",
    "among them a child", "and seven of them were children", "and up to three were children"."""
    n = len(chunks)
    x = j + 1
    while x < n and x <= j + 14:
        ch = chunks[x]
        if ch.kind in ("K", "I") or ch.low in (".", ";"):
            return
        if ch.kind == "Q" or (ch.kind == "ART" and ch.low in ("a", "an")):
            y = x + 1
            while y < n and (chunks[y].kind == "AUX" or chunks[y].low in ("of them", "among them")):
                y += 1
            h = chunks[y] if y < n else None
            if h is not None and h.kind == "H" and h.cls in ("child", "woman") and h.cls not in cas.classes:
                if ch.kind == "Q" and ch.qty is not None:
                    cas.classes[h.cls] = (ch.qty.lo, ch.qty.hi, ch.start, h.end)
                elif ch.kind == "ART" and h.singular:
                    cas.classes[h.cls] = (1, 1, ch.start, h.end)
                x = y
        x += 1
