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

import re
from dataclasses import dataclass, field

from strikewatch.extract.layout import Folded
from strikewatch.extract.lexicon import (
    ACTIVE_INJURE,
    ACTIVE_KILL,
    AUX_WORDS,
    INJURE_WORDS,
    KILL_WORDS,
    MONTHS,
    PERSON_CLASS,
    SINGULAR_PERSON,
    WEEKDAYS,
)
from strikewatch.extract.numbers import QUANTITY_RE, Quantity, quantity_from_match

CUE_RE = re.compile(
    r"\b(?:kill|dead|died|dies|death|slain|martyr|perish|assassinat|eliminat|toll|fatalit|injur|wound|hurt|maim|harmed|"
    r"lost\s+their\s+li|bodies|buried)",
    re.IGNORECASE,
)
_CUE_F = Folded(CUE_RE)
_QUANTITY_F = Folded(QUANTITY_RE)  # quantity_from_match reads number words in any case
_TOKEN_RE = re.compile(r"\d[\d,]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)*|[^\w\s]", re.UNICODE)

_CONNECTORS = {"and", ",", "&", "plus"}
_WITH = {"with"}  # "along with", "together with", "as well as" are joined into one connector chunk
_INCLUDING = {"including", "includes", "included", "incl"}
_BOUNDARY_WORDS = frozenset(
    {
        "in",
        "on",
        "at",
        "near",
        "when",
        "after",
        "as",
        "while",
        "but",
        "which",
        "that",
        "by",
        "during",
        "from",
        "than",
        "because",
        "where",
        "for",
        "into",
        "before",
        "since",
        "outside",
        "inside",
        "across",
        "close",
        "following",
        "amid",
        "despite",
        "if",
        "though",
        "although",
        "whereas",
        "so",
        "over",
        "under",
        "against",
        "through",
        "toward",
        "towards",
        "around",
        "about",
        "per",
    }
)
_BOUNDARY_PUNCT = frozenset({".", ";", ":", "!", "?", "—", "–", "[", "]"})
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'"})
# -ed / -ing words that modify a person noun rather than end the phrase
_ADJ_ED = frozenset(
    {
        "alleged",
        "suspected",
        "named",
        "unnamed",
        "armed",
        "wanted",
        "unidentified",
        "masked",
        "trained",
        "so-called",
        "retired",
        "accused",
        "believed",
        "feared",
        "reported",
        "related",
        "detained",
        "wounded",
        "injured",
        "unarmed",
        "displaced",
        "married",
        "veiled",
        "hardened",
        "affiliated",
        "linked",
        "identified",
        "unidentifed",
        "aleged",
        "allged",
        "high-ranking",
        "leading",
        "ruling",
        "visiting",
        "fighting",
        "unknown",
    }
)
_VERBISH = frozenset(
    {
        "informed",
        "left",
        "leaves",
        "leaving",
        "hit",
        "hits",
        "struck",
        "strikes",
        "targeted",
        "targets",
        "fired",
        "fires",
        "destroyed",
        "destroys",
        "said",
        "says",
        "say",
        "told",
        "claimed",
        "claims",
        "include",
        "reports",
        "put",
        "puts",
        "took",
        "attacked",
        "attacks",
        "launched",
        "carried",
        "pounded",
        "slammed",
        "is",
        "are",
        "according",
        "estimated",
        "estimates",
        "confirmed",
        "insist",
        "insists",
        "identified",
        "lowered",
        "raised",
        "rose",
        "risen",
        "climbed",
        "reached",
        "stood",
        "stands",
        "jumped",
        "increased",
        "revised",
        "reduced",
        "went",
        "sparked",
        "caused",
        "blamed",
        "bringing",
        "brought",
        "taking",
        "raising",
        "pushing",
    }
)
_NAME_PARTICLES = frozenset({"al", "bin", "ibn", "ul", "ud", "ur", "el", "abu", "abdul", "al-", "de", "van", "von"})
_NOT_NAMES = frozenset(
    {
        "named",
        "failed",
        "first",
        "strike",
        "attack",
        "drone",
        "us",
        "u.s",
        "cia",
        "taliban",
        "qaeda",
        "al",
        "ttp",
        "north",
        "south",
        "east",
        "west",
        "waziristan",
        "agency",
        "pakistan",
        "pakistani",
        "afghan",
        "afghanistan",
        "the",
        "a",
        "an",
        "up",
        "at",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "american",
        "americans",
        "syrian",
        "egyptian",
        "german",
        "british",
        "briton",
        "uzbek",
        "arab",
        "saudi",
        "yemeni",
        "libyan",
        "islamic",
        "movement",
        "network",
        "haqqani",
        "bureau",
        "president",
        "general",
        "gen",
        "army",
        "officials",
        "official",
        "local",
        "villagers",
        "most",
        "some",
        "all",
        "frontier",
        "tribal",
        "area",
        "areas",
        "region",
        "district",
        "province",
        "islamabad",
        "peshawar",
        "washington",
        "between",
        "among",
        "several",
        "dozens",
        "one",
        "both",
        "his",
        "her",
        "their",
        "its",
        "it",
        "we",
        "they",
        "he",
        "she",
        "i",
        "this",
        "that",
        "these",
        "those",
        "however",
        "meanwhile",
        "but",
        "and",
        "or",
        "in",
        "on",
        "of",
        "killed",
        "alleged",
        "suspected",
        "senior",
        "top",
        "commander",
        "leader",
        "militant",
        "militants",
        "civilians",
        "children",
        "women",
        "woman",
        "child",
        "people",
        "foreign",
        "foreigners",
        "westerners",
        "reuters",
        "ap",
        "afp",
        "bbc",
        "dawn",
        "tribune",
        "news",
        "agency's",
        "mir",
        "ali",
        "wana",
        "miranshah",
        "datta",
        "khel",
        "fata",
        "kurram",
        "bajaur",
        "khyber",
        "orakzai",
        "mohmand",
        "bannu",
        "punjab",
        "balochistan",
        "kabul",
        "karachi",
        "lahore",
        "quetta",
        "swat",
        "sunday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        *MONTHS,
        "eid",
        "christmas",
        "ramadan",
        "chief",
        "finance",
        "officer",
        "expert",
        "operative",
        "planner",
        "explosives",
        "infamous",
        "wazir",
        "mehsud" if False else "",
    }
)
_TITLE_WORDS = frozenset(
    {
        "leader",
        "commander",
        "chief",
        "operative",
        "militant",
        "expert",
        "planner",
        "ideologue",
        "official",
        "spokesman",
        "cleric",
        "deputy",
        "figure",
        "officer",
        "head",
        "founder",
        "member",
        "emir",
        "amir",
        "mullah",
        "maulvi",
        "maulana",
        "mufti",
        "qari",
        "sheikh",
        "shaikh",
        "shaykh",
        "hafiz",
        "haji",
    }
)


@dataclass(slots=True)
class Chunk:
    kind: str  # Q H N K I C W INC AMONG OR ART PRON NEG AUX B X(other word) AGE
    text: str
    low: str
    start: int
    end: int
    qty: Quantity | None = None
    cls: str | None = None
    singular: bool = False


@dataclass(slots=True)
class Item:
    lo: int | None
    hi: int | None
    cls: str
    start: int
    end: int
    subset: bool = False
    name: str | None = None
    name_span: tuple[int, int] | None = None
    implied: bool = False  # count implied by a singular noun or a name
    vague: bool = False  # count from a vague word ("several", "dozens"): a convention, not a figure


@dataclass(slots=True)
class Casualties:
    """One casualty statement: kind 'killed' or 'injured', total range, per-class ranges, names, evidence."""

    kind: str
    lo: int | None
    hi: int | None
    start: int  # evidence span for the total
    end: int
    anchor: int  # offset of the kill/injure word
    classes: dict[str, tuple[int | None, int | None, int, int]] = field(default_factory=dict)
    named: list[tuple[str, int, int]] = field(default_factory=list)
    revision: bool = False  # "rose to", "lowered to": a later figure for the same toll
    revision_down: bool = False  # "lowered to", "reduced to": a correction that withdraws the higher figure
    additive: bool = False  # "also", "another", "more": adds to earlier figures
    has_total: bool = True
    hedged: bool = False  # "by some sources", "possibly", "reportedly"
    weak: bool = False  # the total counts only named or singular people and vague words ("X was killed along
    # with several others"): a figure given elsewhere for the same strike is the toll, this one part of it
    sub_lo: bool = False  # the minimum comes only from a part ("up to 22 ... including at least five children")
    class_only: bool = False  # every victim is a civilian, child or woman ("between one and nine civilians died")


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, end)]


def _age_context(text: str, qs: int, qe: int) -> bool:
    after = text[qe : qe + 14].lower()
    if re.match(r"\s*-?\s*(?:years?|yrs?|months?)[- ]?(?:old|olds)?\b", after) and re.match(
        r"\s*-?\s*(?:years?|yrs?|months?)[- ]?old", after
    ):
        return True
    before = text[max(0, qs - 12) : qs].lower()
    return bool(re.search(r"\b(?:aged|ages|age\s+of|ages\s+of|between\s+the\s+ages\s+of)\s+$", before))


_NONPERSON_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:(?:of\s+the\s+)?(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|"
    r"km|kilomet(?:er|re)s?|miles?|metres?|meters?|feet|foot|percent|per\s+cent|%|dollars?|rupees?|times|"
    r"o'clock|am|pm|a\.m|p\.m|kg|pounds?|tons?|tonnes?|missiles?|rockets?|bombs?|shells?|mortars?|drones?|"
    r"strikes?|attacks?|raids?|airstrikes?|air\s+strikes?|incidents?|houses?|homes?|compounds?|vehicles?|cars?|"
    r"trucks?|buildings?|villages?|hideouts?|sorties?|aircraft|jets?|helicopters?|points?|cases?|"
    r"decades?|centuries|century|militant\s+hideouts?|occasions?))\b",
    re.IGNORECASE,
)


def chunk_sentence(text: str, start: int, end: int, masked: list[tuple[int, int]] | None = None) -> list[Chunk]:
    """Chunk ``text[start:end]``: quantities first (minus masked date spans, ages, years, non-person counts)."""
    masked = masked or []
    qspans: list[tuple[int, int, Quantity]] = []
    for m in _QUANTITY_F.finditer(text, start, end):
        q = quantity_from_match(m)
        if q is None:
            continue
        if any(a < q.end and q.start < b for a, b in masked):
            continue
        qspans.append((q.start, q.end, q))
    chunks: list[Chunk] = []
    qi = 0
    pos = start
    toks = _tokens(text, start, end)
    lows = [t[0].lower() for t in toks]
    ti = 0
    while ti < len(toks):
        tok, ts, te = toks[ti]
        while qi < len(qspans) and qspans[qi][1] <= ts:
            qi += 1
        if qi < len(qspans) and qspans[qi][0] <= ts < qspans[qi][1]:
            qs, qe, q = qspans[qi]
            qtext = text[qs:qe]
            kind = "Q"
            if _age_context(text, qs, qe) or len(chunks) >= 2 and (
                # "aged about 10 and 16": the second age too
                chunks[-1].low in ("and", "or", ",") and chunks[-2].kind == "AGE"
                # "a boy of 8", "a teenager of 17": an age, not a count
                or chunks[-1].low == "of" and chunks[-2].kind == "H" and chunks[-2].singular
                and q.lo is not None and q.lo == q.hi and q.lo < 100
            ):
                kind = "AGE"
            elif (
                _NONPERSON_AFTER.match(text, qe)
                or q.lo is not None
                and q.lo == q.hi
                and 1900 <= q.lo <= 2100
                and qtext.strip().isdigit()
                # "between 2004 and 2012", "from 2009 to 2011": a span of years, not people
                or q.lo is not None
                and q.hi is not None
                and 1900 <= q.lo < q.hi <= 2100
                and "," not in qtext
                and "." not in qtext
            ):
                kind = "QX"
            chunks.append(Chunk(kind, qtext, qtext.lower(), qs, qe, qty=q))
            while ti < len(toks) and toks[ti][1] < qe:
                ti += 1
            qi += 1
            pos = qe
            continue
        low = lows[ti]
        # multi-word person nouns and connectors
        matched = False
        for n in (3, 2) if low in _MULTI_FIRST else ():
            if ti + n <= len(toks):
                phrase = " ".join(lows[ti : ti + n])
                poss = phrase.endswith(("'s", "’s"))
                if poss and phrase[:-2] in PERSON_CLASS:
                    chunks.append(
                        Chunk(
                            "X",
                            text[ts : toks[ti + n - 1][2]],
                            phrase,
                            ts,
                            toks[ti + n - 1][2],
                            cls=PERSON_CLASS[phrase[:-2]],
                        )
                    )
                    ti += n
                    matched = True
                    break
                if phrase in PERSON_CLASS:
                    chunks.append(
                        Chunk(
                            "H",
                            text[ts : toks[ti + n - 1][2]],
                            phrase,
                            ts,
                            toks[ti + n - 1][2],
                            cls=PERSON_CLASS[phrase],
                            singular=phrase in SINGULAR_PERSON,
                        )
                    )
                    ti += n
                    matched = True
                    break
                if phrase in ("along with", "together with", "as well as", "in addition to"):
                    chunks.append(Chunk("C", phrase, phrase, ts, toks[ti + n - 1][2]))
                    ti += n
                    matched = True
                    break
                if phrase in (
                    "among them",
                    "among whom",
                    "of whom",
                    "of them",
                    "most of them",
                    "many of them",
                    "among those",
                    "among the",
                    "such as",
                    "all of them",
                    "some of them",
                    "mostly",
                    "most or all",
                    "mainly",
                ):
                    # "Two civilians were among those killed": a part of a total the clause may not give
                    kind = "AMONG" if phrase in ("among the", "among those") else "INC"
                    chunks.append(Chunk(kind, phrase, phrase, ts, toks[ti + n - 1][2]))
                    ti += n
                    matched = True
                    break
                if phrase in ("no one", "not one", "no-one"):
                    chunks.append(Chunk("NEG", phrase, phrase, ts, toks[ti + n - 1][2]))
                    ti += n
                    matched = True
                    break
                if phrase in ("lost their lives", "lost his life", "lost her life", "lost lives"):
                    chunks.append(Chunk("K", phrase, "died", ts, toks[ti + n - 1][2]))
                    ti += n
                    matched = True
                    break
        if matched:
            continue
        ti += 1
        if low.endswith(("'s", "’s")) and low[:-2] in PERSON_CLASS:
            chunks.append(Chunk("X", tok, low, ts, te, cls=PERSON_CLASS[low[:-2]]))
        elif low == "bodies" and chunks and chunks[-1].kind == "Q":
            chunks.append(Chunk("K", tok, "dead", ts, te))  # "13 bodies were recovered": 13 dead
        elif low in PERSON_CLASS:
            chunks.append(Chunk("H", tok, low, ts, te, cls=PERSON_CLASS[low], singular=low in SINGULAR_PERSON))
        elif low == "buried" and chunks and chunks[-1].kind == "AUX":
            chunks.append(Chunk("K", tok, "killed", ts, te))  # "eight people were buried": the dead
        elif low in KILL_WORDS:
            chunks.append(Chunk("K", tok, low, ts, te))
        elif low in INJURE_WORDS:
            chunks.append(Chunk("I", tok, low, ts, te))
        elif low == "another" and chunks and chunks[-1].kind in ("K", "I") and (
                ti >= len(toks) or lows[ti] in _AFTER_ANOTHER):
            # "killed one militant and wounded another": one more person, the object of the verb
            chunks.append(Chunk("Q", tok, low, ts, te, qty=Quantity(1, 1, ts, te)))
        else:
            k2 = _SIMPLE_KIND.get(low)
            if low == "of" and ti < len(toks) and qi < len(qspans) and qspans[qi][0] == toks[ti][1]:
                k2 = "AMONG"  # "six of the 13 killed"
            elif k2 is None:
                k2 = "B" if tok in _BOUNDARY_PUNCT else "P" if tok in ("(", ")") else "QT" if tok in _QUOTES else "X"
            chunks.append(Chunk(k2, tok, low, ts, te))
    del pos
    _join_group_region(chunks)
    _mark_names(chunks, text)
    return chunks


_AFTER_ANOTHER = frozenset({",", ".", ";", "on", "in", "at", "near", "when", "and", "as", "during", "late", "early",
                            "today", "yesterday", "overnight", "while"})


# the regions in armed groups' names (a place named after a group, "Taliban in Helmand", is where they were)
_GROUP_REGION_WORDS = frozenset({"arabian", "peninsula", "islamic", "maghreb", "khorasan", "khurasan", "levant",
                                 "sinai", "sahel", "greater", "sahara", "west", "africa", "east"})


def _join_group_region(chunks: list[Chunk]) -> None:
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
            while k < len(chunks) and chunks[k].kind == "X" and chunks[k].low in _GROUP_REGION_WORDS:
                k += 1
            if k > j:
                chunks[i:k] = [Chunk("H", c.text, c.low, c.start, chunks[k - 1].end, cls=c.cls, singular=c.singular)]
        i += 1


def _simple_kinds() -> dict[str, str]:
    """Word -> chunk kind for the closed word classes, the first class listed winning."""
    out: dict[str, str] = {}
    for kind, words in (("C", _CONNECTORS), ("W", _WITH), ("INC", _INCLUDING), ("AMONG", {"among"}), ("OR", {"or"}),
                        ("ART", {"a", "an", "his", "her", "their", "its", "the", "whose"}),
                        ("PRON", {"him", "himself", "herself"}), ("NEG", {"none", "nobody", "no"}),
                        ("AUX", AUX_WORDS), ("B", _BOUNDARY_WORDS), ("V", _VERBISH)):
        for w in words:
            out.setdefault(w, kind)
    return out


_SIMPLE_KIND = _simple_kinds()
# first words of the multi-word units chunk_sentence looks for (person nouns, connectors, "among them", "lost their
# lives"); other words skip that look-up
_MULTI_FIRST = frozenset(
    {k.split(" ", 1)[0] for k in PERSON_CLASS if " " in k}
    | {"along", "together", "as", "in", "among", "of", "most", "many", "such", "all", "some", "mostly", "no", "not",
       "lost"}
)
_PARTICLE_NAME = re.compile(r"^(?:al|el|bin|ibn|ul|ud|ur|ad|as|ash|az)-[A-Z]")


def _is_cap(tok: str) -> bool:
    if tok[:1].isupper():
        return not tok.isupper() or (len(tok) > 1 and "-" in tok)
    return "-" in tok and _PARTICLE_NAME.match(tok) is not None  # "al-Zawahiri"


def _mark_names(chunks: list[Chunk], text: str) -> None:
    """Fold runs of capitalised words (with particles like al-, bin) into one N chunk when they look like a name."""
    i = 0
    n = len(chunks)
    while i < n:
        c = chunks[i]
        if c.kind in ("X", "H", "ART", "AUX") and _is_cap(c.text) and c.low not in _NOT_NAMES and c.cls != "civilian":
            j = i
            parts = 0
            while j < n:
                cj = chunks[j]
                if cj.kind in ("X", "H", "AUX") and _is_cap(cj.text) and cj.low not in _NOT_NAMES:
                    parts += 1
                    j += 1
                elif cj.low in _NAME_PARTICLES and j + 1 < n and _is_cap(chunks[j + 1].text):
                    j += 1
                else:
                    break
            prev = chunks[i - 1] if i > 0 else None
            if prev is not None and prev.low == "the" and not any(chunks[x].cls for x in range(i, j)):
                # "told the Evening Herald", "the Frontier Press Agency": an outlet or body, not a person
                i = j
                continue
            title_before = prev is not None and prev.low in _TITLE_WORDS
            while j > i + 1 and chunks[j - 1].low in _NAME_PARTICLES:
                j -= 1
            if (parts >= 2 or (parts == 1 and title_before and j > i)) and j > i:
                s, e = chunks[i].start, chunks[j - 1].end
                name = text[s:e]
                chunks[i:j] = [Chunk("N", name, name.lower(), s, e)]
                n = len(chunks)
        i += 1


_NP_KINDS = frozenset({"Q", "H", "N", "C", "INC", "AMONG", "OR", "ART", "PRON", "NEG", "X", "P", "AGE", "AUX",
                       "QT"})


def _parse_np(chunks: list[Chunk], a: int, b: int, text: str) -> tuple[list[Item], Item | None]:
    """Parse chunks[a:b] as a coordination of casualty items; returns (items, total-after-'among').

    Items are nominal groups: an optional quantity, then a run of modifiers, person nouns and names with no
    connector inside ("2 named al Qaeda commanders", "Al Qaeda's chief finance officer Mustafa Abu Yazid").
    The last person noun decides the count (a singular noun or a name counts one) and the class.
    """
    items: list[Item] = []
    total: Item | None = None
    subset = False
    paren = 0
    among = False
    pending_q: Chunk | None = None
    pending_art = False
    age_mode = False
    appositive = False
    i = a
    while i < b:
        c = chunks[i]
        k = c.kind
        if k == "QT":
            i += 1
            continue
        if k == "P":
            if c.text == "(":
                paren += 1
                subset = True
            else:
                paren = max(0, paren - 1)
                if paren == 0:
                    subset = False
            i += 1
            continue
        if k == "INC":
            if pending_q is not None and c.low not in ("of them", "of whom"):
                _flush_q(items, pending_q, "people", subset)
                pending_q = None
            subset = True
            if pending_q is not None and c.low in ("of them", "of whom"):
                # "six of them civilians": the quantity belongs to the following noun, as a subset
                pending_q_sub = pending_q
                pending_q = None
                j = i + 1
                grp_end = j
                while grp_end < b and chunks[grp_end].kind in ("H", "X", "AUX"):
                    grp_end += 1
                heads = [ch for ch in chunks[j:grp_end] if ch.kind == "H"]
                q = pending_q_sub.qty
                assert q is not None
                cls = heads[-1].cls or "people" if heads else "people"
                items.append(
                    Item(
                        q.lo,
                        q.hi,
                        cls,
                        pending_q_sub.start,
                        chunks[grp_end - 1].end if heads else pending_q_sub.end,
                        subset=True,
                    )
                )
                i = grp_end
                continue
            i += 1
            continue
        if k == "AMONG":
            if pending_q is not None:
                _flush_q(items, pending_q, "people", subset)
                pending_q = None
            for it in items:
                it.subset = True
            among = True
            i += 1
            continue
        if k == "AGE":
            age_mode = True
            i += 1
            continue
        if k == "Q":
            if age_mode:
                i += 1
                continue
            if pending_q is not None:
                _flush_q(items, pending_q, "people", subset)
            pending_q = c
            i += 1
            continue
        if k in ("H", "N", "X", "AUX", "PRON"):
            # one nominal group
            j = i
            while j < b and chunks[j].kind in ("H", "N", "X", "AUX", "PRON", "ART"):
                if chunks[j].kind == "ART" and j > i:
                    break
                if chunks[j].kind == "X" and _is_boundary_x(chunks[j]):
                    break
                j += 1
            grp = chunks[i:j]
            heads = [ch for ch in grp if ch.kind == "H"]
            names = [ch for ch in grp if ch.kind == "N"]
            prons = [ch for ch in grp if ch.kind == "PRON"]
            i = max(j, i + 1)
            if appositive:
                continue
            if not heads and not names and not prons:
                if pending_q is not None and any(ch.low in ("others", "other") for ch in grp):
                    _flush_q(items, pending_q, "people", subset)
                    pending_q = None
                pending_art = False
                continue
            last = heads[-1] if heads else None
            cls = "people"
            for h in heads:
                if h.cls and h.cls != "people":
                    cls = h.cls if cls in ("people",) or h.cls != "militant" or cls == "militant" else cls
            if (
                (any(h.cls == "militant" for h in heads) or any(ch.kind == "X" and ch.cls == "militant" for ch in grp))
                and cls not in ("child", "woman", "civilian", "security")
                and (heads or names)
            ):
                cls = "militant"
            if last is None and names:
                cls = "named"
            gs = grp[0].start
            ge = grp[-1].end
            name = names[0].text if names else None
            name_span = (names[0].start, names[0].end) if names else None
            if pending_q is not None:
                q = pending_q.qty
                assert q is not None
                it = Item(q.lo, q.hi, cls, pending_q.start, (last.end if last else ge), subset=subset,
                          vague=q.vague)
                pending_q = None
                if among and total is None and not subset:
                    total = it
                    among = False
                else:
                    items.append(it)
            elif prons and not heads:
                items.append(Item(1, 1, "people", gs, ge, subset=subset, implied=True))
            elif (last is not None and (last.singular or pending_art)) or (last is None and names):
                prev_c = chunks[i - len(grp) - 1] if i - len(grp) - 1 >= a else None
                if (items and items[-1].implied and items[-1].name is None and items[-1].cls == "militant"
                        and cls == "militant" and prev_c is not None and prev_c.low == "and" and not pending_art):
                    # "leader and ideologue Shaykh X": one person with two titles
                    items[-1].name, items[-1].name_span, items[-1].end = name, name_span, ge
                    pending_art = False
                    continue
                items.append(Item(1, 1, cls, gs, ge, subset=subset, name=name, name_span=name_span, implied=True))
            elif last is not None:
                items.append(Item(None, None, cls, gs, ge, subset=subset))
            pending_art = False
            continue
        if k == "NEG":
            if pending_q is not None:
                _flush_q(items, pending_q, "people", subset)
                pending_q = None
            items.append(Item(0, 0, "people", c.start, c.end, subset=subset))
            i += 1
            continue
        if k == "ART":
            pending_art = c.low in ("a", "an")
            if i > a and chunks[i - 1].kind == "C" and chunks[i - 1].low == "," and items and items[-1].name:
                appositive = True  # "Abu X, a senior al Qaeda figure, ..."
            i += 1
            continue
        if k == "OR":
            if pending_q is None and items and i + 1 < b:
                nxt = chunks[i + 1]
                if nxt.kind == "Q" and items[-1].lo is not None and nxt.qty is not None:
                    q = nxt.qty
                    prev = items[-1]
                    los = [v for v in (prev.lo, q.lo) if v is not None]
                    his = [v for v in (prev.hi, q.hi) if v is not None]
                    prev.lo = min(los) if los else None
                    prev.hi = max(his) if his else None
                    prev.end = nxt.end
                    i += 2
                    while i < b and chunks[i].kind in ("X", "H"):
                        i += 1
                    continue
                # "4 civilians or alleged militants": the same people; skip the alternative description
                j = i + 1
                while j < b and chunks[j].kind in ("X", "H", "AUX"):
                    j += 1
                i = j
                continue
            i += 1
            continue
        if k == "C":
            if pending_q is not None:
                _flush_q(items, pending_q, "people", subset)
                pending_q = None
            if c.low == ",":
                if appositive:
                    appositive = False
                elif paren == 0 and subset and i + 1 < b and chunks[i + 1].kind not in ("Q", "H", "N", "ART"):
                    subset = False
                age_mode = False
                # "Four people, possibly all civilians, killed", "killed 3-4, reportedly all named civilians":
                # a hedged description of the same people, not more of them
                j = i + 1
                while j < b and chunks[j].kind == "AUX" and chunks[j].low in _HEDGE_WORDS:
                    j += 1
                if j > i + 1 and j < b and chunks[j].kind in ("H", "X") and items and \
                        not any(ch.kind in ("Q", "N") for ch in chunks[j:b] if ch.kind != "C" or ch.low != ","):
                    appositive = True
            i += 1
            continue
        i += 1
    if pending_q is not None:
        q = pending_q.qty
        assert q is not None
        it = Item(q.lo, q.hi, "people", pending_q.start, pending_q.end, subset=subset, vague=q.vague)
        if among and total is None:
            total = it
        else:
            items.append(it)
    return items, total


def _flush_q(items: list[Item], qc: Chunk, cls: str, subset: bool) -> None:
    q = qc.qty
    assert q is not None
    items.append(Item(q.lo, q.hi, cls, qc.start, qc.end, subset=subset, vague=q.vague))


_HEDGE_WORDS = frozenset({"reportedly", "possibly", "probably", "all", "mostly", "allegedly", "apparently", "likely",
                          "both"})
_REVISION_BEFORE = re.compile(
    r"(?:rose|risen|rises|rising|climbed|climbs|increased|jumped|reached|lowered|revised|reduced|raised|"
    r"went\s+up|gone\s+up|brought|bringing|raising|pushing|taking|took|stands|stood|stand)\s+"
    r"(?:(?:to|at)\s+)?(?:at\s+least\s+)?$",
    re.IGNORECASE,
)
_ALT_AFTER = re.compile(
    r"\s*(?:[—–(-]+|,)\s*(?:or\s+|and\s+|while\s+)?(?P<q>[^—–(),;.]{1,30}?)\s*(?:people\s+|dead\s+|killed\s+)?"
    r"(?:by|according\s+to|per|in\s+other|from\s+other|other|some|as\s+per)\b",
    re.IGNORECASE,
)
_TOLL_AFTER = re.compile(
    # "the death toll (from Wednesday's drone strike in Saidgai, North Waziristan,) had risen to 18"
    r"(?:\s+(?:from|in|after|of)\s+(?![\d]|(?:at\s+least|up\s+to|some|about|around)\b)[^.;:!?\d]{1,90}?,?(?=\s+(?:has|had|have|was|is|"
    r"now|rose|risen|rises|climbed|climbs|increased|jumped|reached|reaches|went|stood|stands|lowered|revised)\b))?"
    r"\s*(?:has\s+|had\s+|have\s+|was\s+|is\s+|now\s+|later\s+|since\s+|also\s+)*"
    r"(?:(?:rose|risen|rises|climbed|climbs|increased|jumped|reached|reaches|went\s+up|gone\s+up|lowered|"
    r"revised|stood|stands|stand|was|is|of|at|to|put\s+at|placed\s+at)\s+)+(?:to\s+|at\s+)?",
    re.IGNORECASE,
)
_HEDGE = re.compile(r"\b(?:by\s+some\s+(?:sources|accounts|reports|counts)|according\s+to\s+some|some\s+reports|"
                    r"possibly|may\s+have|unconfirmed)\b", re.IGNORECASE)
_ELLIPSIS = re.compile(r"\band\s+(?P<q>(?:at\s+least\s+|up\s+to\s+)?[\w-]+)\s+(?:more\s+)?in\s+the\s+"
                       r"(?:second|third|fourth|latter|other)\b", re.IGNORECASE)
# "while residents put it as high as 24", "though residents said the number was 14": another source's figure for
# the same toll
_PUT_IT = re.compile(
    r"\b(?:(?:put|puts|putting|placed|places|gave|gives|give|estimated|estimates|estimate)\s+(?:it|the\s+(?:death\s+)?"
    r"(?:toll|figure|number|count))\s+(?:at\s+|closer\s+to\s+)?|(?:said|say|says|claimed|insisted)\s+(?:that\s+)?"
    r"the\s+(?:number|figure|count)\s+(?:was|is|stood\s+at|could\s+be|might\s+be|may\s+be)\s+)",
    re.IGNORECASE,
)
# "said at first that several militants had been killed, then withdrew the statement"
_RETRACTED = re.compile(r"\b(?:then|later|subsequently|but)\s+(?:withdrew|retracted|denied|corrected|took\s+back|"
                        r"revised)\s+(?:the|its|his|her|their|that|this)\s+(?:statement|claim|report|figure|account)",
                        re.IGNORECASE)
_QUESTION_BEFORE = re.compile(r"\b(?:how\s+many|how\s+much|who(?:ever|m)?|what|whether)\b[^,;.]{0,30}$", re.IGNORECASE)
# "death toll", "death figures": a word about deaths, not a count of them
_DEATH_COMPOUND = frozenset({"toll", "tolls", "figure", "figures", "count", "counts", "rate", "rates", "squad",
                             "squads", "sentence", "sentences", "threat", "threats", "penalty", "certificate",
                             "certificates", "row", "march", "list", "lists"})
_FOLLOW_UP_VICTIMS = re.compile(
    r"\b(?:survivors?|rescuers?|(?:people|villagers|locals|residents|those)\s+who\s+(?:came|rushed|gathered|arrived|"
    r"tried)\s+to\s+(?:help|rescue))\b(?!\s+(?:said|say|says|told|reported|described))"
    r"(?=[^.;]{0,80}\b(?:flee|flees|fled|ran|run|runs|arrived|arrive|arrives|came|gathered|rushed|went|reached)\b)",
    re.IGNORECASE)
_ADDITIVE_NEAR = re.compile(r"\b(?:also|another|more|further|additional|too|as\s+well|other)\b", re.IGNORECASE)
_ALL_CIV = re.compile(
    r"\b(?<!possibly\s)(?<!could\s)(?:all|reportedly\s+all)\s+(?:(?:named|innocent|local)\s+)*"
    r"(?:civilians|innocent|villagers)\b",
    re.IGNORECASE,
)


def find_casualties(text: str, start: int, end: int, masked: list[tuple[int, int]] | None = None) -> list[Casualties]:
    """Every casualty statement in the sentence ``text[start:end]``."""
    if not _CUE_F.search(text, start, end):
        return []
    chunks = chunk_sentence(text, start, end, masked)
    out: list[Casualties] = []
    n = len(chunks)
    used_right: set[int] = set()
    consumed: set[int] = set()  # chunks an earlier statement read as its figure: no later phrase takes them
    last_anchor = n - 1
    while last_anchor >= 0 and chunks[last_anchor].kind not in ("K", "I"):
        last_anchor -= 1
    for k, c in enumerate(chunks):
        if c.kind not in ("K", "I"):
            continue
        if k in used_right:
            continue
        kind = "killed" if c.kind == "K" else "injured"
        low = c.low
        if low == "lost" and not (k + 1 < n and chunks[k + 1].low in ("their", "his", "her")):
            continue
        if low == "died" and k + 1 < n and chunks[k + 1].low == "down":
            continue
        if low in ("death", "deaths") and k + 1 < n and chunks[k + 1].low in _DEATH_COMPOUND:
            continue  # "not one death toll but several": the anchor is "toll", with its own figure
        if _RETRACTED.search(text, c.end, end):
            continue  # a figure its source withdrew is no figure
        part = _partitive(chunks, k, kind, text)
        if part is not None:
            out.append(part)
            continue
        if low in ("wounded", "injured", "dead") and 0 < k < n - 1 and chunks[k - 1].kind == "Q" and \
                chunks[k + 1].kind == "H" and not chunks[k + 1].singular and k - 1 not in consumed:
            # "16 wounded men were treated", "it had treated 30 injured people": the word is an adjective
            q0, h0 = chunks[k - 1], chunks[k + 1]
            assert q0.qty is not None
            adj = Casualties(kind, q0.qty.lo, q0.qty.hi, q0.start, h0.end, c.start)
            if h0.cls in ("civilian", "child", "militant", "woman"):
                adj.classes[h0.cls] = (q0.qty.lo, q0.qty.hi, q0.start, h0.end)
            out.append(adj)
            consumed.update((k - 1, k + 1))
            continue
        # "the dead and injured" / "the dead included"
        items: list[Item] = []
        total: Item | None = None
        part_q: Chunk | None = None
        revision = False
        revision_down = False
        # toll: "death toll rose to 26", "a toll of 12"
        if low == "toll":
            m = _TOLL_AFTER.match(text, c.end)
            if m:
                qm = QUANTITY_RE.match(text, m.end())
                if qm:
                    q = quantity_from_match(qm)
                    if q is not None:
                        items = [Item(q.lo, q.hi, "people", q.start, q.end)]
                        revision = bool(
                            re.search(
                                r"rose|risen|rises|climbed|increased|jumped|reached|lowered|"
                                r"revised|went up|gone up",
                                m.group(),
                                re.I,
                            )
                        )
                        revision_down = revision and _DOWN.search(m.group()) is not None
            if not items:
                continue
        else:
            fig = _noun_figure(chunks, k, text, end) if low in _FIGURE_NOUNS and k > 0 else None
            if fig is not None:
                # "the dead numbered 21", "put the number of dead at seven", "estimates of the dead range from two
                # to ten", "reports range from one dead to six"
                items = [Item(fig.lo, fig.hi, "people", fig.start, fig.end)]
                consumed.update(x for x in range(k + 1, n) if chunks[x].start < fig.end)
            # active: object to the right
            right_a = k + 1
            while (
                right_a < n
                and chunks[right_a].kind == "AUX"
                and chunks[right_a].low in ("also", "reportedly", "at", "all")
            ):
                right_a += 1
            active_ok = not items and (
                (c.kind == "K" and low in ACTIVE_KILL) or (c.kind == "I" and low in ACTIVE_INJURE))
            if not items and low in _NOMINAL_OF and k > 0 and chunks[k - 1].low == "the" and right_a + 1 < n and \
                    chunks[right_a].low == "of" and chunks[right_a + 1].kind == "Q":
                # "led to the killing of five persons and the injury of six others": the victims follow "of"
                right_a += 1
                active_ok = True
            if active_ok and right_a < n and chunks[right_a].kind == "X":
                # modifiers before the object's head: "injures Egyptian al Qaeda leader ..."
                look = right_a
                while look < n and look - right_a < 4 and chunks[look].kind in ("X", "QT") and not \
                        _is_boundary_x(chunks[look]):
                    look += 1
                if not (look < n and chunks[look].kind in ("H", "N", "Q")):
                    active_ok = False
            if active_ok and right_a < n and chunks[right_a].kind in ("Q", "H", "N", "ART", "PRON", "NEG", "X"):
                if chunks[right_a].kind == "ART" and not (
                    right_a + 1 < n and chunks[right_a + 1].kind in ("H", "N", "Q", "X")
                ):
                    pass
                else:
                    b = right_a
                    while (
                        b < n
                        and chunks[b].kind in _NP_KINDS
                        and not (
                            chunks[b].kind == "AUX" and chunks[b].low not in ("all", "possibly", "reportedly", "mostly")
                        )
                    ):
                        b += 1
                    # "killing one person, local officials said": the subject of the next clause is no victim
                    if b < n and chunks[b].kind == "V" and chunks[b].low in _SPEECH:
                        commas = [x for x in range(right_a + 1, b) if chunks[x].kind == "C" and chunks[x].low == ","]
                        if commas:
                            b = commas[-1]
                    items, total = _parse_np(chunks, right_a, b, text)
                    if items or total:
                        for x in range(right_a, b):
                            used_right.add(x)
                        # "killing 18 ... and wounding 5": stop
            passive = not items and total is None
            if not items and total is None:
                # nominal: "13 dead", "eight deaths", "20 fatalities", "Q killed"
                a = k - 1
                while a >= 0 and chunks[a].kind == "AUX":
                    a -= 1
                    # "Four militants said to have died", "are believed to have been killed": the report verb
                    # stands between the victims and the kill word
                    if a >= 1 and chunks[a].low in _REPORTED_TO and chunks[a + 1].low == "to":
                        a -= 1
                whos = [x for x in range(a + 1, k) if chunks[x].low == "who"]
                if whos and (whos[0] == 0 or chunks[whos[0] - 1].kind not in ("H", "N", "Q", "P", "C")):
                    continue  # "nobody knows who was killed": a question, not the victims
                # "pursued and killed": skip a coordinated participle
                if (
                    a >= 1
                    and chunks[a].kind == "C"
                    and chunks[a].low == "and"
                    and chunks[a - 1].kind in ("X", "V")
                    and chunks[a - 1].low.endswith("ed")
                ):
                    a -= 2
                stop = a
                while a >= 0 and chunks[a].kind in _NP_KINDS:
                    ca = chunks[a]
                    if ca.kind == "X" and _is_boundary_x(ca):
                        break
                    if ca.low in _LEFT_STOP and _left_stop(chunks, a, stop):
                        break
                    if ca.low == "," and any(chunks[x].low in ("by", "according", "per")
                                             for x in range(max(0, a - 4), a)):
                        break  # "According to a list compiled by local people, 83 people were killed"
                    if consumed and a in consumed:
                        break
                    a -= 1
                start_np = a + 1
                whole = _part_of_whole(chunks, start_np, stop)
                if whole is not None:
                    part_q, start_np = whole
                if re.search(r"\bhow\s+(?:many|much)\b[^,;.!?]{0,30}$", text[max(start, c.start - 45):c.start], re.I):
                    continue  # "how many people had died", "nobody agrees how many died": a question, not a count
                if stop >= start_np:
                    items, total = _parse_np(chunks, start_np, stop + 1, text)
                    neg = _neg_subject(chunks, start_np) if not items and total is None else None
                    if neg is not None:
                        # "Nobody in the house was reported hurt": none, not one
                        items = [Item(0, 0, "people", neg.start, neg.end)]
                    # singular passive with no count: "Abu X ... was killed" -> one person
                    if (
                        not items
                        and total is None
                        and k > 0
                        and low != "eliminated"
                        and any(ch.low in ("was", "is") for ch in chunks[max(0, k - 3) : k])
                        and not _QUESTION_BEFORE.search(text, max(start, c.start - 40), c.start)
                    ):
                        items = [Item(1, 1, "people", c.start, c.end, implied=True)]
                    before = text[max(start, chunks[start_np].start - 30) : chunks[start_np].start]
                    if _REVISION_BEFORE.search(before):
                        revision = True
                        revision_down = _DOWN.search(before) is not None
                elif k > 0 and low != "eliminated" and \
                        any(ch.low in ("was", "is") for ch in chunks[max(0, k - 3) : k]) and \
                        not _QUESTION_BEFORE.search(text, max(start, c.start - 40), c.start):
                    items = [Item(1, 1, "people", c.start, c.end, implied=True)]
            # additive to the right: "killed (along) with N others"
            r = k + 1
            while r < n and chunks[r].kind == "AUX":
                r += 1
            if r < n and (
                chunks[r].kind == "W"
                or (
                    chunks[r].kind == "C"
                    and chunks[r].low in ("along with", "together with", "as well as", "in addition to")
                )
            ):
                b = r + 1
                while b < n and chunks[b].kind in _NP_KINDS and chunks[b].kind != "AUX":
                    b += 1
                more, _t = _parse_np(chunks, r + 1, b, text)
                items.extend(more)
                for x in range(r + 1, b):
                    used_right.add(x)
                r = b
            # passive with a later addition: "4 alleged militants killed and possibly 5 civilians" (not "... killed
            # and 12 injured", whose figure is the injured)
            elif passive and r < n and chunks[r].kind == "C" and chunks[r].low == "and" and r + 1 < n and \
                    chunks[r + 1].kind == "Q":
                b = r + 1
                while b < n and chunks[b].kind in ("Q", "H", "X") and not (
                        chunks[b].kind == "X" and _is_boundary_x(chunks[b])) and not (
                        b > r + 1 and chunks[b].kind == "Q"):
                    b += 1
                if not (b < n and chunks[b].kind in ("K", "I", "AUX", "V")):
                    more, _t = _parse_np(chunks, r + 1, b, text)
                    items.extend(more)
                    for x in range(r + 1, b):
                        used_right.add(x)
                    r = b
            # trailing subsets: ", including ...", ", mostly girls", ", six of them civilians"
            tail_done = False
            if r < n and chunks[r].kind == "C" and chunks[r].low == ",":
                j = r + 1
                if j < n and (
                    chunks[j].kind == "INC" or (chunks[j].kind == "Q" and j + 1 < n and chunks[j + 1].kind == "INC")
                ):
                    b = _subset_end(chunks, j, n)
                    items.extend(_subset_items(chunks, j, b, text))
                    consumed.update(range(j, b))
                    tail_done = True
            elif r < n and chunks[r].kind == "INC" and chunks[r].low in _INCLUDING:
                # "2-11 killed including one civilian and 1-6 injured"
                b = _subset_end(chunks, r, n)
                items.extend(_subset_items(chunks, r, b, text))
                consumed.update(range(r, b))
                tail_done = True
            if not tail_done and (items or total is not None):
                # a part of the toll told after the place: ", among them a child", ", two of them civilians",
                # "possibly including as many as eight civilians", "with up to three civilians reported among them"
                sub = _later_subsets(chunks, r, n, text, consumed) if _inc_after(chunks, r, n) else []
                items.extend(sub)
        if not items and total is None:
            continue
        if low == "eliminated" and total is None and all(it.implied or it.lo is None for it in items):
            continue  # "eliminated terrorist training camps": only a counted "eliminated" is a toll
        cas = _summarise(kind, items, total, c, text, start, end)
        if cas is None:
            continue
        cas.revision = revision
        cas.revision_down = revision_down
        if part_q is not None:
            _part_class(chunks, k, part_q, cas)
        w0 = max(start, cas.start - 25)
        # "When a survivor flees into a shop, a drone destroys it, killing him and 2 shopkeepers": people who
        # survived or came to help are not among the dead counted before
        cas.additive = _is_additive(text, w0, min(end, c.end + 12)) or bool(
            _FOLLOW_UP_VICTIMS.search(text, start, c.start))
        # "also reported killed by some sources": an addition only some reports make raises the maximum only
        cas.hedged = bool(_HEDGE.search(text, c.end, min(end, c.end + 40))) or bool(
            _HEDGE.search(text, max(start, cas.start - 30), cas.start))
        # alternates: "at least 10 people — 16 by some counts"
        if cas.has_total:
            tail_from = max(cas.end, c.end if chunks[k].start > cas.end else cas.end)
            m = _ALT_AFTER.match(text, tail_from, end)
            if m:
                qm = QUANTITY_RE.search(m.group("q"))
                if qm:
                    q = quantity_from_match(qm, m.start("q"))
                    if q is not None:
                        los = [v for v in (cas.lo, q.lo) if v is not None]
                        his = [v for v in (cas.hi, q.hi) if v is not None]
                        cas.lo = min(los) if los else None
                        cas.hi = max(his) if his else None
                        cas.end = max(cas.end, q.end)
            else:
                # "At least 13 killed, possibly 22, and six injured": a higher figure for the same toll
                pm = _ALT_POSS.match(text, tail_from, end)
                qm = QUANTITY_RE.match(text, pm.start("q"), end) if pm else None
                q = quantity_from_match(qm) if qm else None
                if q is not None and q.hi is not None and (cas.hi is None or q.hi > cas.hi) and (
                        cas.lo is None or q.hi >= cas.lo):
                    cas.hi = q.hi
                    cas.end = max(cas.end, q.end)
                    consumed.update(x for x in range(k + 1, n) if chunks[x].start < q.end)
        if cas.has_total and k < last_anchor:
            _mark_span(chunks, k, cas.start, cas.end, consumed)
        out.append(cas)
    # "At least five people were killed in the first strike, and four in the second": the second's own toll
    for em in _ELLIPSIS.finditer(text, start, end):
        prior = [x for x in out if x.has_total and x.anchor < em.start()]
        qm = QUANTITY_RE.match(text, em.start("q"))
        eq = quantity_from_match(qm) if qm else None
        if prior and eq is not None:
            out.append(Casualties(prior[-1].kind, eq.lo, eq.hi, eq.start, eq.end, eq.start))
    # "the toll had risen to 18, officials said, while residents put it as high as 24"
    for pm in _PUT_IT.finditer(text, start, end):
        prior = [x for x in out if x.kind == "killed" and x.has_total and x.end <= pm.start()]
        qm = QUANTITY_RE.match(text, pm.end(), end)
        if not prior or qm is None:
            continue
        pq = quantity_from_match(qm)
        if pq is None or _NONPERSON_AFTER.match(text, pq.end):
            continue
        toll = prior[-1]
        los = [v for v in (toll.lo, pq.lo) if v is not None]
        his = [v for v in (toll.hi, pq.hi, pq.lo) if v is not None]
        toll.lo = min(los) if los else None
        toll.hi = max(his) if his else None
        toll.end = max(toll.end, pq.end)
    if out:
        _elliptic_alternates(chunks, out)
        _parts_of_them(chunks, out)
        out = [cs_ for cs_ in out if not _negated_part(text, start, cs_)]
        for cs_ in out:
            if cs_.lo == 1 and cs_.hi == 1 and not cs_.weak and _ONE_OF.match(text[cs_.start:cs_.start + 16].lower()):
                cs_.weak = True  # "killing one of the most wanted men": a person picked out, a part of any toll told
    for zm in _NO_CLASS.finditer(text, start, end):
        # "No civilians were harmed", "no civilians were killed in this airstrike": the civilians among the dead
        # were none (a part of the toll, not a toll of nothing)
        out = [cs_ for cs_ in out if not zm.start() <= cs_.anchor < zm.end()]
        z = Casualties("killed", 0, None, zm.start(), zm.end(), zm.start("k"), has_total=False)
        z.classes["civilian"] = (0, 0, zm.start(), zm.end())
        out.append(z)
    return out


_NO_CLASS = re.compile(
    r"\b[Nn]o\s+(?:civilians|non-?combatants|bystanders)\s+(?:were|was|had\s+been|have\s+been)\s+"
    r"(?:(?:reported|believed|thought|among\s+those)\s+)?(?P<k>killed|harmed|hurt|among\s+the\s+dead)\b")


# "no civilians were hurt", "Nobody on the ground was hurt", "none of the villagers was injured": a negated subject
# restricted to a class, a place or a partitive says nothing of the whole toll (only "no one", "nobody", "no people"
# alone are zero for the strike)
_NEG_SUBJECT_F = Folded(re.compile(
    r"\b(?:no|none|nobody|no\s+one|no-one|not\s+one|not\s+a\s+single)\b(?!\s+(?:fewer|less|more|doubt|sooner|longer)\b)(?P<np>(?:(?!\b(?:was|were|is|are|and|but|or)\b)[^,.;:\d]){0,60}?)\s+"
    r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been|got)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE))
_ONE_OF = re.compile(r"one\s+of\s+(?:the|his|her|its|their|our)\s")
_BARE_NEG_NP = frozenset({"", "one", "people", "person", "persons", "body", "individual", "individuals"})


def _negated_part(text: str, start: int, c: Casualties) -> bool:
    m = _NEG_SUBJECT_F.search(text, max(start, c.anchor - 90), c.anchor)
    if m is None:
        return False
    return text[m.start("np"):m.end("np")].strip().lower() not in _BARE_NEG_NP


def _parts_of_them(chunks: list[Chunk], out: list[Casualties]) -> None:
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
        if h is None or h.kind != "H" or not (h.cls in ("civilian", "child", "woman") or h.low in _CIVILIAN_ROLES):
            continue
        cls = "civilian" if h.low in _CIVILIAN_ROLES else h.cls
        assert cls is not None
        prior = [c for c in out if c.has_total and c.anchor < qc.start and c.kind == "killed"]
        if not prior or cls in prior[-1].classes:
            continue
        prior[-1].classes[cls] = (qc.qty.lo, qc.qty.hi, qc.start, h.end)
        if cls == "civilian":
            _part_of_part(chunks, y, prior[-1])


_ELLIPTIC_SAY = frozenset({"said", "say", "says", "reported", "counted", "claimed"})


def _elliptic_alternates(chunks: list[Chunk], out: list[Casualties]) -> None:
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
                said = said or chunks[x].low in _ELLIPTIC_SAY
                x += 1
            if said and x < n and chunks[x].kind == "Q" and (x + 1 == n or chunks[x + 1].low in (".", ";")):
                qc = chunks[x]
        elif x + 1 < n and chunks[x].kind == "Q" and chunks[x + 1].low == "according":
            qc = chunks[x]
        if qc is not None and qc.qty is not None:
            p = prior[-1]
            out.append(Casualties(p.kind, qc.qty.lo, qc.qty.hi, qc.start, qc.end, qc.start))


_DOWN = re.compile(r"lowered|reduced|revised\s+down|downgraded|cut\b|fell|dropped", re.IGNORECASE)
_ALT_POSS = re.compile(
    r"\s*,\s*(?:(?:and|or|but)\s+)?(?:possibly|perhaps|maybe|probably|or\s+more|reportedly)\s+(?P<q>(?:as\s+many\s+as\s+|"
    r"up\s+to\s+|as\s+high\s+as\s+)?[\w,-]+)(?=\s*(?:[,;.)—–]|$|and\b|in\b|on\b|at\b|near\b|when\b|after\b|"
    r"people\b|dead\b|killed\b|according\b|by\b))",
    re.IGNORECASE,
)
# "other sources", "another account", "other local officials": another SOURCE for the same figure, not more victims
_SOURCE_OTHER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:sources?|accounts?|reports?|estimates?|officials?|witness(?:es)?|tall(?:y|ies)|counts?|"
    r"figures?|media|outlets?|residents?|villagers?|tribesmen|elders?|locals|agency|agencies|intelligence|"
    r"newspapers?|channels?|versions?|sources)\b(?!\s+(?:were|was|also|died|killed|dead)\b)",
    re.IGNORECASE)
_QTY_BEFORE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|"
                         r"few|dozen|dozens|the))\s+$", re.IGNORECASE)


def _is_additive(text: str, s: int, e: int) -> bool:
    """'also', 'more', 'another two people', 'three other civilians': an addition to figures given before; not
    'other sources' or 'another account', which name another source for the same figure."""
    for m in _ADDITIVE_NEAR.finditer(text, s, e):
        w = m.group().lower()
        if w in ("other", "another") and _SOURCE_OTHER.match(text, m.end()) and not _QTY_BEFORE.search(
                text, max(0, m.start() - 12), m.start()):
            continue
        return True
    return False


_FIGURE_NOUNS = frozenset({"dead", "killed", "wounded", "injured", "deaths", "casualties", "fatalities"})
_AUXW = r"(?:has|had|have|was|were|is|are|now|later|also|could|may|might|would|will|be|been|being|initially|first|" \
    r"finally|officially|reportedly|variously)"
_FIG_VERB = re.compile(
    rf"\s+(?:{_AUXW}\s+)*(?:numbered|totall?ed|reached|came\s+to|stood\s+at|stands?\s+at|(?:put|placed|given|"
    r"estimated|reported|counted|said\s+to\s+be|thought\s+to\s+be|believed\s+to\s+be)\s+(?:at|as)|range[sd]?|"
    r"ranging|var(?:y|ies|ied)|varying)\s+(?:(?:anywhere\s+)?from\s+)?", re.IGNORECASE)
_FIG_COPULA = re.compile(rf"\s+(?:{_AUXW}\s+)*?(?:was|were|is|are|be|been)\s+(?:(?:anywhere\s+)?from\s+)?",
                         re.IGNORECASE)
_PUT_BEFORE = re.compile(
    r"\b(?:put|puts|putting|placed|places|estimated|estimates|estimate|gave|gives|give|counted|counts)\s+"
    r"the\s+(?:(?:total\s+)?number\s+of\s+(?:the\s+)?|total\s+of\s+)?$", re.IGNORECASE)
_AT_AS = re.compile(r"\s+(?:at|as)\s+(?:(?:anywhere\s+)?from\s+)?", re.IGNORECASE)
# "the number of dead was higher, putting it at 18", "the dead were more numerous, at 12": another source's higher
# figure for the same toll (only its figure is read; the copula alone stops at "higher")
_FIG_HIGHER = re.compile(
    rf"\s+(?:{_AUXW}\s+)*?(?:was|were|is|are|be|been)\s+(?:much\s+|far\s+|even\s+)?(?:higher|greater|larger|"
    r"more\s+numerous)\s*,?\s*(?:(?:putting|placing|with\s+\w+\s+putting)\s+it\s+)?(?:at|as\s+high\s+as|"
    r"possibly\s+as\s+many\s+as)\s+", re.IGNORECASE)
_TO = re.compile(r"\s+to\s+", re.IGNORECASE)


def _noun_figure(chunks: list[Chunk], k: int, text: str, end: int) -> Quantity | None:
    """A figure the text gives for 'the dead' / 'the wounded' as a noun: "the dead numbered 21", "the number of
    dead could be as high as ten", "put the wounded at nine", "estimates of the dead range from two to ten",
    "reports range from one dead to six"."""
    c = chunks[k]
    if c.low not in _FIGURE_NOUNS or k == 0:
        return None
    prev = chunks[k - 1]
    if prev.kind == "Q" and prev.qty is not None and k >= 2 and chunks[k - 2].low == "from":
        m = _TO.match(text, c.end, end)
        qm = QUANTITY_RE.match(text, m.end(), end) if m else None
        q2 = quantity_from_match(qm) if qm else None
        if q2 is None or q2.hi is None or prev.qty.lo is None:
            return None
        return Quantity(min(prev.qty.lo, q2.hi), max(prev.qty.lo, q2.hi), prev.start, q2.end)
    if prev.low not in ("the", "of"):
        return None
    m = _FIG_VERB.match(text, c.end, end) or _FIG_COPULA.match(text, c.end, end)
    if m is not None and text[m.end():m.end() + 1].isalpha() and text[m.end():m.end() + 1].lower() in "hglmfe":
        m = _FIG_HIGHER.match(text, c.end, end) or m
    if m is None and _PUT_BEFORE.search(text, max(0, c.start - 45), c.start):
        m = _AT_AS.match(text, c.end, end)
    if m is None:
        return None
    qm = QUANTITY_RE.match(text, m.end(), end)
    q = quantity_from_match(qm) if qm else None
    if q is None or (q.lo is None and q.hi is None) or _NONPERSON_AFTER.match(text, q.end):
        return None
    return q


_CLASSES = frozenset({"civilian", "child", "woman", "militant"})
_AMONG_VERBS = frozenset({"were", "was", "are", "is", "reported", "reportedly", "said", "to", "be", "believed",
                          "thought", "also", "possibly", "may", "have", "been", "all"})


def _subset_items(chunks: list[Chunk], a: int, b: int, text: str) -> list[Item]:
    """The people of the subset phrase chunks[a:b] ("including two children", "six of them civilians"), each marked
    as part of a toll told elsewhere, never more of it."""
    sub, _total = _parse_np(chunks, a, b, text)
    for it in sub:
        it.subset = True
    return sub


def _subset_end(chunks: list[Chunk], j: int, n: int) -> int:
    """Where a subset phrase from chunks[j] ends: noun-phrase chunks and hedges ("3-18 of them reportedly
    civilians"), not a figure that belongs to the next kill or injure word ("including one civilian and 1-6
    injured")."""
    b = j
    while b < n and chunks[b].kind in _NP_KINDS and (chunks[b].kind != "AUX" or chunks[b].low in _HEDGE_WORDS):
        b += 1
    if b < n and chunks[b].kind in ("K", "I") and b - 2 > j and chunks[b - 1].kind == "Q" and \
            chunks[b - 2].kind == "C":
        b -= 2
    return b


def _left_stop(chunks: list[Chunk], a: int, stop: int) -> bool:
    """Where a phrase read leftwards from a kill word stops at a speaker or source: "Residents reported 15 dead",
    "villagers were saying 25 had died", "Other accounts had seven killed", "according to local accounts, and two
    to 11 people were wounded"."""
    low = chunks[a].low
    if low in _SPEECH_LEFT and a + 1 <= stop and chunks[a + 1].kind in ("Q", "NEG"):
        return True
    return low in _SOURCE_NOUNS and (
        (a + 1 <= stop and chunks[a + 1].kind in ("AUX", "V", "Q"))
        or any(chunks[x].low in ("according", "to", "by", "per") for x in range(max(0, a - 3), a)))


def _mark_span(chunks: list[Chunk], k: int, s: int, e: int, consumed: set[int]) -> None:
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


def _inc_after(chunks: list[Chunk], r: int, n: int) -> bool:
    return any(chunks[x].kind == "INC" for x in range(r, n))


def _later_subsets(chunks: list[Chunk], r: int, n: int, text: str, consumed: set[int]) -> list[Item]:
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
            while x < stop and chunks[x].kind == "AUX" and chunks[x].low in _HEDGE_WORDS:
                x += 1
            if x < stop and (
                (chunks[x].kind == "INC" and chunks[x].low not in ("of them", "of whom"))
                or (chunks[x].kind == "Q" and x + 1 < stop and chunks[x + 1].low in ("of them", "of whom"))
            ):
                b = min(_subset_end(chunks, x, n), stop)
                sub = [it for it in _subset_items(chunks, x, b, text) if it.cls in _CLASSES]
                if sub:
                    out.extend(sub)
                    consumed.update(range(x, b))
                    j = b
                    continue
        elif ch.kind == "INC" and ch.low == "among them":
            y = j - 1
            while y > r and j - y <= 5 and chunks[y].low in _AMONG_VERBS:
                y -= 1
            h = chunks[y]
            if y < j - 1 and h.kind == "H" and h.cls in _CLASSES:
                qc = chunks[y - 1] if y - 1 >= r and chunks[y - 1].kind == "Q" else None
                if qc is not None and qc.qty is not None:
                    out.append(Item(qc.qty.lo, qc.qty.hi, h.cls, qc.start, h.end, subset=True))
                elif h.singular:
                    out.append(Item(1, 1, h.cls, h.start, h.end, subset=True))
        j += 1
    return out


# what a part of the dead "were" that makes them civilians: their trades and homes, not their arms
_CIVILIAN_ROLES = frozenset({"villagers", "villager", "farmers", "farmer", "residents", "resident", "locals",
                             "shopkeepers", "shopkeeper", "labourers", "laborers", "students", "student", "teachers",
                             "woodcutters", "passers-by", "passersby", "bystanders", "guests", "relatives",
                             "neighbours", "neighbors", "workers", "drivers", "driver", "tribal elders", "elders"})
_SOURCE_NOUNS = frozenset({"accounts", "account", "sources", "source", "reports", "report", "estimates", "estimate",
                           "officials", "official", "witnesses", "counts", "tallies", "figures", "media"})
_SPEECH_LEFT = frozenset({"reported", "reporting", "saying", "claiming", "counted", "counting", "estimated", "said",
                          "says", "say", "told"})
_LEFT_STOP = _SPEECH_LEFT | _SOURCE_NOUNS
_SPEECH = frozenset({"said", "says", "say", "told", "claimed", "claims", "reports", "confirmed", "according",
                     "estimated", "estimates", "insist", "insists", "informed"})
_PARTITIVE_HEADS = frozenset({"dead", "killed", "victims", "casualties", "injured", "wounded", "deceased", "bodies"})


_PART_HEDGE = re.compile(r"\s+(?:(?:were|was|are|is)\s+)?(?:possibly|perhaps|probably|likely|(?:may|might|could)"
                         r"(?:\s+well)?\s+(?:have\s+)?(?:been|be))\b", re.IGNORECASE)


_NOMINAL_OF = frozenset({"killing", "killings", "deaths", "death", "injury", "injuries", "wounding"})
_REPORTED_TO = frozenset({"said", "reported", "believed", "thought", "feared", "understood", "known", "alleged",
                          "presumed", "claimed"})
_NEG_PLACE = frozenset({"on", "in", "at", "inside", "near", "nearby", "outside"})


def _part_of_whole(chunks: list[Chunk], a: int, stop: int) -> tuple[Chunk, int] | None:
    """ "Two of the five men killed ...": the toll is the whole (five men), the first figure a part of it."""
    while a < stop - 3 and chunks[a].kind in ("X", "B", "P", "C") and chunks[a].low != "of":
        a += 1  # "SANAA, Yemen - Two of the five men killed": past a dateline
    if stop - a < 3 or chunks[a].kind != "Q" or chunks[a + 1].low != "of" or \
            chunks[a + 2].low not in ("the", "those") or chunks[a + 3].kind != "Q":
        return None
    if any(chunks[x].kind not in ("H", "X") for x in range(a + 4, stop + 1)):
        return None
    return chunks[a], a + 3


def _part_class(chunks: list[Chunk], k: int, qc: Chunk, cas: Casualties) -> None:
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
                    not _is_boundary_x(chunks[h]):
                h += 1
            if h < n and chunks[h].kind == "H" and (
                    chunks[h].cls in ("civilian", "child", "militant", "woman") or chunks[h].low in _CIVILIAN_ROLES):
                cls = "civilian" if chunks[h].low in _CIVILIAN_ROLES else chunks[h].cls
                assert cls is not None and qc.qty is not None
                cas.classes[cls] = (qc.qty.lo, qc.qty.hi, qc.start, chunks[h].end)
            return


def _neg_subject(chunks: list[Chunk], start_np: int) -> Chunk | None:
    """ "Nobody on the ground was reported hurt": the subject is a "nobody" before a place phrase."""
    b = start_np - 1
    if b < 1 or chunks[b].low not in _NEG_PLACE:
        return None
    if chunks[b - 1].kind == "NEG" and chunks[b - 1].low in ("nobody", "no one", "no-one", "none", "not one"):
        return chunks[b - 1]
    return None


def _partitive(chunks: list[Chunk], k: int, kind: str, text: str) -> Casualties | None:
    """ "at least ten of the dead were villagers", "two of the dead were farmers", "one of the injured": part of the
    toll (a lower bound on it), with the class the sentence gives that part; never a toll of its own."""
    c = chunks[k]
    if c.low not in _PARTITIVE_HEADS or k < 3:
        return None
    if not (chunks[k - 1].low in ("the", "those") and chunks[k - 2].low == "of" and chunks[k - 3].kind == "Q"):
        return None
    qc = chunks[k - 3]
    q = qc.qty
    if q is None or (q.lo is None and q.hi is None):
        return None
    cas = Casualties(kind, q.lo, None, qc.start, c.end, c.start, has_total=False)
    # "up to seven of the dead may have been civilians": a ceiling, not a count
    hedged = _PART_HEDGE.match(text, c.end) is not None
    # the predicate names the part's class: "were villagers", "was a civilian", "were children"
    j = k + 1
    while j < len(chunks) and j <= k + 5 and chunks[j].kind in ("AUX", "ART", "X", "QT"):
        if chunks[j].kind == "X" and _is_boundary_x(chunks[j]):
            break
        j += 1
    if j < len(chunks) and chunks[j].kind == "H" and (
            chunks[j].cls in ("civilian", "child", "militant", "woman") or chunks[j].low in _CIVILIAN_ROLES):
        cls = "civilian" if chunks[j].low in _CIVILIAN_ROLES else chunks[j].cls
        assert cls is not None
        # "five of the dead were civilians": five civilians, as that source counts them
        cas.classes[cls] = (None if hedged else q.lo, q.hi, qc.start, chunks[j].end)
        _part_of_part(chunks, j, cas)
    return cas


def _part_of_part(chunks: list[Chunk], j: int, cas: Casualties) -> None:
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


def _is_boundary_x(c: Chunk) -> bool:
    low = c.low
    if low in _ADJ_ED:
        return False
    if low.endswith("ed") and len(low) > 4 and not c.text[:1].isupper():
        return True
    return low in _VERBISH


def _summarise(
    kind: str, items: list[Item], total: Item | None, anchor: Chunk, text: str, s0: int, s1: int
) -> Casualties | None:
    top = [it for it in items if not it.subset]
    sub = [it for it in items if it.subset]
    if total is not None:
        lo, hi = total.lo, total.hi
        span = (total.start, total.end)
    elif top:
        los = [it.lo for it in top]
        his = [it.hi for it in top]
        lo = sum(v for v in los if v is not None) if any(v is not None for v in los) else None
        hi = sum(v for v in his if v is not None) if all(v is not None for v in his) else None
        if lo is not None and lo == 0 and all(v is None for v in his) and all(it.lo is None for it in top):
            lo = None
        span = (min(it.start for it in top), max(it.end for it in top))
    else:
        lo, hi = None, None
        span = (anchor.start, anchor.end)
    sub_lo = max((it.lo for it in sub if it.lo is not None), default=None)
    from_sub = False
    if sub_lo is not None and (lo is None or lo < sub_lo) and (total is not None or top):
        from_sub = lo is None
        lo = sub_lo
    has_total = total is not None or bool(top)
    if not has_total and not sub:
        return None
    if hi is not None and lo is not None and hi < lo:
        hi = lo
    cas = Casualties(kind, lo, hi, span[0], span[1], anchor.start, has_total=has_total, sub_lo=from_sub)
    cas.weak = total is None and bool(top) and all(it.implied or it.vague for it in top)
    cas.class_only = total is None and bool(top) and all(_cls_of(it) in ("civilian", "child", "woman") for it in top)
    if not has_total:
        cas.lo, cas.hi = (sub_lo, None)
        cas.start, cas.end = min(it.start for it in sub), max(it.end for it in sub)
    # per-class figures
    for cls in ("civilian", "child", "militant", "woman"):
        tops = [it for it in top if _cls_of(it) == cls]
        subs = [it for it in sub if _cls_of(it) == cls]
        use = tops if tops else subs
        if not use:
            continue
        if tops and total is None:
            los = [it.lo for it in tops]
            his = [it.hi for it in tops]
            clo = sum(v for v in los if v is not None) if any(v is not None for v in los) else None
            chi = sum(v for v in his if v is not None) if all(v is not None for v in his) else None
        else:
            clo = max((it.lo for it in use if it.lo is not None), default=None)
            chi = (
                max((it.hi for it in use if it.hi is not None), default=None)
                if all(it.hi is not None for it in use)
                else None
            )
        if clo is None and chi is None:
            continue
        cas.classes[cls] = (clo, chi, min(it.start for it in use), max(it.end for it in use))
    # "all civilians" / "all innocent woodcutters": the whole toll
    region = text[max(s0, anchor.start - 120) : min(s1, anchor.end + 80)]
    if "civilian" not in cas.classes and _ALL_CIV.search(region) and cas.lo is not None:
        m = _ALL_CIV.search(region)
        assert m is not None
        off = max(s0, anchor.start - 120)
        cas.classes["civilian"] = (cas.lo, cas.hi, off + m.start(), off + m.end())
    for it in items:
        if it.name and it.name_span:
            cas.named.append((it.name, it.name_span[0], it.name_span[1]))
    return cas


def _cls_of(it: Item) -> str:
    if it.cls == "named":
        return "named"
    return it.cls


_NUMERIC_WORD = re.compile(r"^\d")


def quick_has_casualty_cue(text: str, start: int = 0, end: int | None = None) -> bool:
    return CUE_RE.search(text, start, len(text) if end is None else end) is not None


__all__ = ["Casualties", "find_casualties", "chunk_sentence", "quick_has_casualty_cue", "WEEKDAYS"]
