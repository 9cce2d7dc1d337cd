"""The casualty grammar: who was killed or injured, and how many, in one sentence.

A sentence is chunked once (quantities, person nouns, names, kill/injure words, connectors, boundaries). Each
kill or injure word is an anchor; its victims are the noun phrase it governs:

- active: "killing at least 10 people", "kills eight", "wounding two" -> the phrase to its right;
- passive: "Three women and four children killed", "Fourteen people were also injured" -> the phrase to its left;
- additive: "X killed along with 4-6 others", "was killed with two other militants and two boys";
- subsets: "including two children", "(including 18-45 civilians)", "six of them civilians", "mostly girls";
- totals: "Women and children among 12-14 killed" (the figure after "among" is the total);
- nominal: "13 dead", "eight deaths", "the death toll rose to 26" (a revision: upwards another figure for the same
  toll, the earlier one staying the minimum; downwards, "lowered to eight", a correction that withdraws the higher);
- figures for "the dead" as a noun: "the dead numbered 21", "put the number of dead at seven";
- alternates: "at least 10 people -- 16 by some counts" -> 10-16.

Items add up: "a woman and her two children" = 3, "Named leader killed with 13 others" = 14. A bare singular
person noun or a name counts one. Ages ("aged eight", "10 year old boy"), dates, years, munitions and strike
counts are never people.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from strikewatch.extract.casualty_types import Casualties, Chunk, Item
from strikewatch.extract.casualty_words import (
    DEATH_COMPOUND,
    FIGURE_NOUNS,
    INCLUDING,
    LEFT_STOP,
    NOMINAL_OF,
    NP_KINDS,
    REPORTED_TO,
    SPEECH,
    is_boundary_x,
)
from strikewatch.extract.chunking import NONPERSON_AFTER, chunk_sentence
from strikewatch.extract.layout import Folded
from strikewatch.extract.lexicon import ACTIVE_INJURE, ACTIVE_KILL, WEEKDAYS
from strikewatch.extract.noun_phrase import parse_np
from strikewatch.extract.numbers import QUANTITY_RE, quantity_from_match
from strikewatch.extract.rules import pattern
from strikewatch.extract.subsets import (
    ONE_OF,
    inc_after,
    later_subsets,
    left_stop,
    mark_span,
    neg_subject,
    negated_part,
    part_class,
    part_of_whole,
    parts_of_them,
    read_partitive,
    subset_end,
    subset_items,
)
from strikewatch.extract.summarise import summarise
from strikewatch.extract.toll_figures import (
    ALT_AFTER,
    ALT_POSS,
    DOWN,
    ELLIPSIS,
    FOLLOW_UP_VICTIMS,
    HEDGE,
    PUT_IT,
    QUESTION_BEFORE,
    RETRACTED,
    REVISION_BEFORE,
    TOLL_AFTER,
    elliptic_alternates,
    is_additive,
    noun_figure,
)

CUE_RE = pattern("casualty_grammar", "cue")


_CUE_F = Folded(CUE_RE)


_TOLL_REVISED = pattern("casualty_grammar", "toll_revised")
_HOW_MANY = pattern("casualty_grammar", "how_many")
_NO_CLASS = pattern("casualty_grammar", "no_class")


@dataclass(slots=True)
class _Sentence:
    """The sentence being read and what its statements have taken so far."""

    text: str
    start: int
    end: int
    chunks: list[Chunk]
    used_right: set[int] = field(default_factory=set)  # chunks an active verb read as its object
    consumed: set[int] = field(default_factory=set)  # chunks an earlier statement read as its figure
    last_anchor: int = -1


@dataclass(slots=True)
class _Read:
    """What one kill or injure word's phrase gives."""

    items: list[Item] = field(default_factory=list)
    total: Item | None = None
    part_q: Chunk | None = None  # "Two of the five men killed": the part's figure
    revision: bool = False
    revision_down: bool = False


def find_casualties(text: str, start: int, end: int, masked: list[tuple[int, int]] | None = None) -> list[Casualties]:
    """Every casualty statement in the sentence ``text[start:end]``."""
    if not _CUE_F.search(text, start, end):
        return []
    sen = _Sentence(text, start, end, chunk_sentence(text, start, end, masked))
    chunks = sen.chunks
    sen.last_anchor = len(chunks) - 1
    while sen.last_anchor >= 0 and chunks[sen.last_anchor].kind not in ("K", "I"):
        sen.last_anchor -= 1
    out: list[Casualties] = []
    for k, c in enumerate(chunks):
        if c.kind not in ("K", "I") or k in sen.used_right:
            continue
        cas = _statement(sen, k)
        if cas is not None:
            out.append(cas)
    return _sentence_passes(sen, out)


def _statement(sen: _Sentence, k: int) -> Casualties | None:
    """The casualty statement of the kill or injure word chunks[k], or None."""
    chunks, text = sen.chunks, sen.text
    c = chunks[k]
    kind = "killed" if c.kind == "K" else "injured"
    if _not_an_anchor(sen, k):
        return None
    part = read_partitive(chunks, k, kind, text)
    if part is not None:
        return part
    adj = _adjective(sen, k, kind)
    if adj is not None:
        return adj
    rd = _Read()
    if c.low == "toll":
        _toll(rd, text, c)
    elif not _phrase(sen, rd, k):
        return None
    if not rd.items and rd.total is None:
        return None
    if c.low == "eliminated" and rd.total is None and all(it.implied or it.lo is None for it in rd.items):
        return None  # "eliminated terrorist training camps": only a counted "eliminated" is a toll
    cas = summarise(kind, rd.items, rd.total, c, text, sen.start, sen.end)
    if cas is None:
        return None
    cas.revision = rd.revision
    cas.revision_down = rd.revision_down
    if rd.part_q is not None:
        part_class(chunks, k, rd.part_q, cas)
    _qualify(sen, cas, c)
    if cas.has_total:
        _alternates(sen, cas, k)
    if cas.has_total and k < sen.last_anchor:
        mark_span(chunks, k, cas.start, cas.end, sen.consumed)
    return cas


def _not_an_anchor(sen: _Sentence, k: int) -> bool:
    """"lost" without "their lives", "died down", "death toll", a figure its source withdrew."""
    chunks, n = sen.chunks, len(sen.chunks)
    c = chunks[k]
    low = c.low
    if low == "lost" and not (k + 1 < n and chunks[k + 1].low in ("their", "his", "her")):
        return True
    if low == "died" and k + 1 < n and chunks[k + 1].low == "down":
        return True
    if low in ("death", "deaths") and k + 1 < n and chunks[k + 1].low in DEATH_COMPOUND:
        return True  # "not one death toll but several": the anchor is "toll", with its own figure
    return bool(RETRACTED.search(sen.text, c.end, sen.end))  # a figure its source withdrew is no figure


def _adjective(sen: _Sentence, k: int, kind: str) -> Casualties | None:
    """"16 wounded men were treated", "it had treated 30 injured people": the word is an adjective."""
    chunks, n = sen.chunks, len(sen.chunks)
    c = chunks[k]
    if not (c.low in ("wounded", "injured", "dead") and 0 < k < n - 1 and chunks[k - 1].kind == "Q" and
            chunks[k + 1].kind == "H" and not chunks[k + 1].singular and k - 1 not in sen.consumed):
        return None
    q0, h0 = chunks[k - 1], chunks[k + 1]
    assert q0.qty is not None
    adj = Casualties(kind, q0.qty.lo, q0.qty.hi, q0.start, h0.end, c.start)
    if h0.cls in ("civilian", "child", "militant", "woman"):
        adj.classes[h0.cls] = (q0.qty.lo, q0.qty.hi, q0.start, h0.end)
    sen.consumed.update((k - 1, k + 1))
    return adj


def _toll(rd: _Read, text: str, c: Chunk) -> None:
    """"death toll rose to 26", "a toll of 12"."""
    m = TOLL_AFTER.match(text, c.end)
    if not m:
        return
    qm = QUANTITY_RE.match(text, m.end())
    q = quantity_from_match(qm) if qm else None
    if q is None:
        return
    rd.items = [Item(q.lo, q.hi, "people", q.start, q.end)]
    rd.revision = bool(_TOLL_REVISED.search(m.group()))
    rd.revision_down = rd.revision and DOWN.search(m.group()) is not None


def _phrase(sen: _Sentence, rd: _Read, k: int) -> bool:
    """The victims of chunks[k]: a figure for "the dead", the object (active) or the subject (passive), people
    added after it, and the parts of them told after; False when the word is not counting anyone here."""
    chunks, text, n = sen.chunks, sen.text, len(sen.chunks)
    c = chunks[k]
    fig = noun_figure(chunks, k, text, sen.end) if c.low in FIGURE_NOUNS and k > 0 else None
    if fig is not None:
        # "the dead numbered 21", "put the number of dead at seven", "estimates of the dead range from two
        # to ten", "reports range from one dead to six"
        rd.items = [Item(fig.lo, fig.hi, "people", fig.start, fig.end)]
        sen.consumed.update(x for x in range(k + 1, n) if chunks[x].start < fig.end)
    _active(sen, rd, k)
    passive = not rd.items and rd.total is None
    if passive and not _passive(sen, rd, k):
        return False
    r = _added(sen, rd, k, passive)
    _tail_subsets(sen, rd, r)
    return True


def _active(sen: _Sentence, rd: _Read, k: int) -> None:
    """Active: the object to the right ("killing at least 10 people", "injures Egyptian al Qaeda leader ...")."""
    chunks, n = sen.chunks, len(sen.chunks)
    c = chunks[k]
    low = c.low
    right_a = k + 1
    while right_a < n and chunks[right_a].kind == "AUX" and chunks[right_a].low in ("also", "reportedly", "at", "all"):
        right_a += 1
    active_ok = not rd.items and ((c.kind == "K" and low in ACTIVE_KILL) or (c.kind == "I" and low in ACTIVE_INJURE))
    if not rd.items and low in NOMINAL_OF and k > 0 and chunks[k - 1].low == "the" and right_a + 1 < n and \
            chunks[right_a].low == "of" and chunks[right_a + 1].kind == "Q":
        # "led to the killing of five persons and the injury of six others": the victims follow "of"
        right_a += 1
        active_ok = True
    if active_ok and right_a < n and chunks[right_a].kind == "X":
        # modifiers before the object's head: "injures Egyptian al Qaeda leader ..."
        look = right_a
        while look < n and look - right_a < 4 and chunks[look].kind in ("X", "QT") and not \
                is_boundary_x(chunks[look]):
            look += 1
        if not (look < n and chunks[look].kind in ("H", "N", "Q")):
            active_ok = False
    if not (active_ok and right_a < n and chunks[right_a].kind in ("Q", "H", "N", "ART", "PRON", "NEG", "X")):
        return
    if chunks[right_a].kind == "ART" and not (right_a + 1 < n and chunks[right_a + 1].kind in ("H", "N", "Q", "X")):
        return
    b = right_a
    while b < n and chunks[b].kind in NP_KINDS and not (
            chunks[b].kind == "AUX" and chunks[b].low not in ("all", "possibly", "reportedly", "mostly")):
        b += 1
    # "killing one person, local officials said": the subject of the next clause is no victim
    if b < n and chunks[b].kind == "V" and chunks[b].low in SPEECH:
        commas = [x for x in range(right_a + 1, b) if chunks[x].kind == "C" and chunks[x].low == ","]
        if commas:
            b = commas[-1]
    rd.items, rd.total = parse_np(chunks, right_a, b, sen.text)
    if rd.items or rd.total:
        sen.used_right.update(range(right_a, b))  # "killing 18 ... and wounding 5": stop


def _passive(sen: _Sentence, rd: _Read, k: int) -> bool:
    """Passive or nominal: the phrase to the left ("13 dead", "eight deaths", "Three women and four children
    killed", "Abu X ... was killed"); False for a question ("how many died", "nobody knows who was killed")."""
    chunks, text = sen.chunks, sen.text
    c = chunks[k]
    bounds = _left_bounds(sen, k)
    if bounds is None:
        return False
    start_np, stop = bounds
    whole = part_of_whole(chunks, start_np, stop)
    if whole is not None:
        rd.part_q, start_np = whole
    if _HOW_MANY.search(text[max(sen.start, c.start - 45):c.start]):
        return False  # "how many people had died", "nobody agrees how many died": a question, not a count
    singular = k > 0 and c.low != "eliminated" and any(ch.low in ("was", "is") for ch in chunks[max(0, k - 3):k]) \
        and not QUESTION_BEFORE.search(text, max(sen.start, c.start - 40), c.start)
    if stop < start_np:
        if singular:
            rd.items = [Item(1, 1, "people", c.start, c.end, implied=True)]
        return True
    rd.items, rd.total = parse_np(chunks, start_np, stop + 1, text)
    neg = neg_subject(chunks, start_np) if not rd.items and rd.total is None else None
    if neg is not None:
        # "Nobody in the house was reported hurt": none, not one
        rd.items = [Item(0, 0, "people", neg.start, neg.end)]
    # singular passive with no count: "Abu X ... was killed" -> one person
    if not rd.items and rd.total is None and singular:
        rd.items = [Item(1, 1, "people", c.start, c.end, implied=True)]
    before = text[max(sen.start, chunks[start_np].start - 30):chunks[start_np].start]
    if REVISION_BEFORE.search(before):
        rd.revision = True
        rd.revision_down = DOWN.search(before) is not None
    return True


def _left_bounds(sen: _Sentence, k: int) -> tuple[int, int] | None:
    """(first, last) chunk of the phrase left of chunks[k]; None for "who was killed" asked, not told."""
    chunks = sen.chunks
    a = k - 1
    while a >= 0 and chunks[a].kind == "AUX":
        a -= 1
        # "Four militants said to have died", "are believed to have been killed": the report verb
        # stands between the victims and the kill word
        if a >= 1 and chunks[a].low in REPORTED_TO and chunks[a + 1].low == "to":
            a -= 1
    whos = [x for x in range(a + 1, k) if chunks[x].low == "who"]
    if whos and (whos[0] == 0 or chunks[whos[0] - 1].kind not in ("H", "N", "Q", "P", "C")):
        return None  # "nobody knows who was killed": a question, not the victims
    # "pursued and killed": skip a coordinated participle
    if a >= 1 and chunks[a].kind == "C" and chunks[a].low == "and" and chunks[a - 1].kind in ("X", "V") and \
            chunks[a - 1].low.endswith("ed"):
        a -= 2
    stop = a
    while a >= 0 and chunks[a].kind in NP_KINDS:
        ca = chunks[a]
        if ca.kind == "X" and is_boundary_x(ca):
            break
        if ca.low in LEFT_STOP and left_stop(chunks, a, stop):
            break
        if ca.low == "," and any(chunks[x].low in ("by", "according", "per") for x in range(max(0, a - 4), a)):
            break  # "According to a list compiled by local people, 83 people were killed"
        if sen.consumed and a in sen.consumed:
            break
        a -= 1
    return a + 1, stop


def _added(sen: _Sentence, rd: _Read, k: int, passive: bool) -> int:
    """People added after the kill word: "killed (along) with N others"; "4 alleged militants killed and possibly
    5 civilians" (not "... killed and 12 injured", whose figure is the injured). Returns where reading goes on."""
    chunks, n = sen.chunks, len(sen.chunks)
    r = k + 1
    while r < n and chunks[r].kind == "AUX":
        r += 1
    if r < n and (chunks[r].kind == "W" or (chunks[r].kind == "C" and chunks[r].low in (
            "along with", "together with", "as well as", "in addition to"))):
        b = r + 1
        while b < n and chunks[b].kind in NP_KINDS and chunks[b].kind != "AUX":
            b += 1
        more, _t = parse_np(chunks, r + 1, b, sen.text)
        rd.items.extend(more)
        sen.used_right.update(range(r + 1, b))
        return b
    if passive and r < n and chunks[r].kind == "C" and chunks[r].low == "and" and r + 1 < n and \
            chunks[r + 1].kind == "Q":
        b = r + 1
        while b < n and chunks[b].kind in ("Q", "H", "X") and not (
                chunks[b].kind == "X" and is_boundary_x(chunks[b])) and not (b > r + 1 and chunks[b].kind == "Q"):
            b += 1
        if not (b < n and chunks[b].kind in ("K", "I", "AUX", "V")):
            more, _t = parse_np(chunks, r + 1, b, sen.text)
            rd.items.extend(more)
            sen.used_right.update(range(r + 1, b))
            return b
    return r


def _tail_subsets(sen: _Sentence, rd: _Read, r: int) -> None:
    """Trailing subsets: ", including ...", ", mostly girls", ", six of them civilians"; or a part of the toll told
    after the place (", among them a child", "with up to three civilians reported among them")."""
    chunks, n = sen.chunks, len(sen.chunks)
    if r < n and chunks[r].kind == "C" and chunks[r].low == ",":
        j = r + 1
        if j < n and (chunks[j].kind == "INC" or (chunks[j].kind == "Q" and j + 1 < n and chunks[j + 1].kind == "INC")):
            b = subset_end(chunks, j, n)
            rd.items.extend(subset_items(chunks, j, b, sen.text))
            sen.consumed.update(range(j, b))
            return
    elif r < n and chunks[r].kind == "INC" and chunks[r].low in INCLUDING:
        # "2-11 killed including one civilian and 1-6 injured"
        b = subset_end(chunks, r, n)
        rd.items.extend(subset_items(chunks, r, b, sen.text))
        sen.consumed.update(range(r, b))
        return
    if rd.items or rd.total is not None:
        # "possibly including as many as eight civilians", ", two of them civilians"
        sub = later_subsets(chunks, r, n, sen.text, sen.consumed) if inc_after(chunks, r, n) else []
        rd.items.extend(sub)


def _qualify(sen: _Sentence, cas: Casualties, c: Chunk) -> None:
    """Additive ("also", "another"; people who survived or came to help, counted after) and hedged ("by some
    sources") statements."""
    text, start, end = sen.text, sen.start, sen.end
    w0 = max(start, cas.start - 25)
    # "When a survivor flees into a shop, a drone destroys it, killing him and 2 shopkeepers": people who
    # survived or came to help are not among the dead counted before
    cas.additive = is_additive(text, w0, min(end, c.end + 12)) or bool(FOLLOW_UP_VICTIMS.search(text, start, c.start))
    # "also reported killed by some sources": an addition only some reports make raises the maximum only
    cas.hedged = bool(HEDGE.search(text, c.end, min(end, c.end + 40))) or bool(
        HEDGE.search(text, max(start, cas.start - 30), cas.start))


def _alternates(sen: _Sentence, cas: Casualties, k: int) -> None:
    """"at least 10 people — 16 by some counts": 10-16; "At least 13 killed, possibly 22": a higher maximum."""
    chunks, text, end, n = sen.chunks, sen.text, sen.end, len(sen.chunks)
    c = chunks[k]
    tail_from = max(cas.end, c.end if chunks[k].start > cas.end else cas.end)
    m = ALT_AFTER.match(text, tail_from, end)
    if m:
        qm = QUANTITY_RE.search(m.group("q"))
        q = quantity_from_match(qm, m.start("q")) if qm else None
        if q is not None:
            los = [v for v in (cas.lo, q.lo) if v is not None]
            his = [v for v in (cas.hi, q.hi) if v is not None]
            cas.lo = min(los) if los else None
            cas.hi = max(his) if his else None
            cas.end = max(cas.end, q.end)
        return
    pm = ALT_POSS.match(text, tail_from, end)
    qm = QUANTITY_RE.match(text, pm.start("q"), end) if pm else None
    q = quantity_from_match(qm) if qm else None
    if q is not None and q.hi is not None and (cas.hi is None or q.hi > cas.hi) and (cas.lo is None or q.hi >= cas.lo):
        cas.hi = q.hi
        cas.end = max(cas.end, q.end)
        sen.consumed.update(x for x in range(k + 1, n) if chunks[x].start < q.end)


def _sentence_passes(sen: _Sentence, out: list[Casualties]) -> list[Casualties]:
    """What the whole sentence adds: the second strike's own toll, another source's figure, parts told with a
    verb, negated parts, one person picked out, and "no civilians were harmed"."""
    text, start, end = sen.text, sen.start, sen.end
    # "At least five people were killed in the first strike, and four in the second": the second's own toll
    for em in ELLIPSIS.finditer(text, start, end):
        prior = [x for x in out if x.has_total and x.anchor < em.start()]
        qm = QUANTITY_RE.match(text, em.start("q"))
        eq = quantity_from_match(qm) if qm else None
        if prior and eq is not None:
            out.append(Casualties(prior[-1].kind, eq.lo, eq.hi, eq.start, eq.end, eq.start))
    _put_it(sen, out)
    if out:
        elliptic_alternates(sen.chunks, out)
        parts_of_them(sen.chunks, out)
        out = [cs_ for cs_ in out if not negated_part(text, start, cs_)]
        for cs_ in out:
            if cs_.lo == 1 and cs_.hi == 1 and not cs_.weak and ONE_OF.match(text[cs_.start:cs_.start + 16].lower()):
                cs_.weak = True  # "killing one of the most wanted men": a person picked out, a part of any toll told
    for zm in _NO_CLASS.finditer(text, start, end):
        # "No civilians were harmed", "no civilians were killed in this airstrike": the civilians among the dead
        # were none (a part of the toll, not a toll of nothing)
        out = [cs_ for cs_ in out if not zm.start() <= cs_.anchor < zm.end()]
        z = Casualties("killed", 0, None, zm.start(), zm.end(), zm.start("k"), has_total=False)
        z.classes["civilian"] = (0, 0, zm.start(), zm.end())
        out.append(z)
    return out


def _put_it(sen: _Sentence, out: list[Casualties]) -> None:
    """"the toll had risen to 18, officials said, while residents put it as high as 24": another source's figure
    widens the toll told before."""
    text, end = sen.text, sen.end
    for pm in PUT_IT.finditer(text, sen.start, end):
        prior = [x for x in out if x.kind == "killed" and x.has_total and x.end <= pm.start()]
        qm = QUANTITY_RE.match(text, pm.end(), end)
        if not prior or qm is None:
            continue
        pq = quantity_from_match(qm)
        if pq is None or NONPERSON_AFTER.match(text, pq.end):
            continue
        toll = prior[-1]
        los = [v for v in (toll.lo, pq.lo) if v is not None]
        his = [v for v in (toll.hi, pq.hi, pq.lo) if v is not None]
        toll.lo = min(los) if los else None
        toll.hi = max(his) if his else None
        toll.end = max(toll.end, pq.end)


def quick_has_casualty_cue(text: str, start: int = 0, end: int | None = None) -> bool:
    return CUE_RE.search(text, start, len(text) if end is None else end) is not None


__all__ = ["Casualties", "find_casualties", "chunk_sentence", "quick_has_casualty_cue", "WEEKDAYS"]
