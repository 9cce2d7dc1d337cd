"""Numbers, number words and quantity phrases ("at least 10", "between 4 and 7", "4-7", "up to 40", "dozens").

A quantity is a range ``(min, max)``; either end may be unknown (``None``): "at least 10" is ``(10, None)``,
"up to 40" is ``(None, 40)``. Vague words follow ACLED's fatality convention (see docs/extraction.md):
"tens" -> 10, "dozens" -> 12, "scores" -> 20, "hundreds" -> 100, "thousands" -> 1000 (each a lower bound),
and, as the project's convention, "several" / "a few" -> 3 and "a couple of" -> 2 (lower bounds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000}
# Vague quantities: value used as a lower bound (ACLED convention for tens/dozens/hundreds; ours for several).
VAGUE: dict[str, int] = {
    "tens": 10,
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "several": 3,
}
VAGUE_PHRASES: dict[str, int] = {"a few": 3, "a couple of": 2, "a handful of": 3, "a number of": 3}
EXACT_PHRASES: dict[str, int] = {"a dozen": 12, "a score of": 20, "a hundred": 100, "a thousand": 1000}

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
NUMBER_WORD_RE = re.compile(rf"(?:{_WORD})(?:(?:[- ]|\s+and\s+)(?:{_WORD}))*", re.IGNORECASE)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
NUM = rf"(?:{_DIGITS}|(?:{_WORD})(?:(?:-|\s+|\s+and\s+)(?:{_WORD}))*)"


def words_to_int(text: str) -> int | None:
    """'twenty-five' -> 25, 'one hundred and twenty' -> 120, 'Fourteen' -> 14; None if not a number."""
    parts = re.split(r"[-\s]+", text.strip().lower())
    total = 0
    current = 0
    seen = False
    for p in parts:
        if p == "and" and seen:
            continue
        if p in UNITS:
            current += UNITS[p]
        elif p in TENS:
            current += TENS[p]
        elif p in SCALES:
            current = max(current, 1) * SCALES[p]
            if SCALES[p] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def to_int(text: str) -> int | None:
    """A number written in digits ('3,735', '12') or words ('Fourteen'); None otherwise."""
    t = text.strip()
    if not t:
        return None
    if t[0].isdigit():
        digits = t.replace(",", "")
        return int(digits) if digits.isdigit() else None
    return words_to_int(t)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count read from text: ``lo``/``hi`` bounds (None = unbounded/unknown), span in the source text."""

    lo: int | None
    hi: int | None
    start: int
    end: int
    vague: bool = False
    approx: bool = False


_LOWER = r"at\s+least|as\s+few\s+as|at\s+a\s+minimum\s+of|" \
    r"a\s+minimum\s+of|no\s+fewer\s+than|not\s+less\s+than|no\s+less\s+than|" \
    r"as\s+low\s+as"
_UPPER = r"up\s+to|as\s+many\s+as|as\s+high\s+as|at\s+most|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of"
_MORE = r"more\s+than|over|upwards\s+of|in\s+excess\s+of"
_NEAR = r"nearly|almost|close\s+to|just\s+under|fewer\s+than|less\s+than|under"
_ABOUT = r"about|around|some|roughly|approximately|an\s+estimated|estimated|reportedly"
_POSS = r"possibly|perhaps|maybe|potentially"
_VAGUE = r"tens|dozens|scores|hundreds|thousands|several|a\s+few|a\s+couple\s+of|a\s+handful\s+of|a\s+number\s+of"
_EXACT = r"a\s+dozen|a\s+score\s+of|a\s+hundred|a\s+thousand"
_DASH = r"\s*(?:-|–|—|to)\s*"

QUANTITY_RE = re.compile(
    rf"""
    (?<![\w,.])
    (?:
        (?P<between>between\s+(?P<b1>{NUM})\s+(?:and|to|-)\s+(?P<b2>{NUM}))
      | (?P<either>either\s+(?P<e1>{NUM}|no),\s+(?P<e2>{NUM}|no)(?:,?\s+or\s+(?P<e3>{NUM}|no))?)
      | (?P<exact>{_EXACT})
      | (?:(?P<mod>{_LOWER}|{_UPPER}|{_MORE}|{_NEAR}|{_ABOUT}|{_POSS})\s+)?
        (?:
            (?P<vague>{_VAGUE})
          | (?P<n1>{NUM}|none(?=\s+to\s))  # "(from) none to ten"; "(anywhere from) two to 12" is the plain range
            (?:
                (?P<range>{_DASH}(?P<n2>{NUM}))
                # "as few as 4 or as many as 12", "at least 7 and as many as 14", "at least 13, possibly 22"
              | (?(mod)(?P<pair>(?:\s*,\s*|\s+)(?:(?:or|and|but|to)\s+)?(?:possibly\s+|perhaps\s+|maybe\s+)?
                (?:as\s+many\s+as|as\s+high\s+as|up\s+to|possibly|perhaps)\s+(?P<p2>{NUM}))|(?!))
              | (?P<alt>\s+or\s+(?P<n3>{NUM})(?!\s+(?:more|so)\b))
              | (?P<ormore>\s+or\s+more|\s*\+|-plus)
            )?
        )
    )
    (?![\w])
    """,
    re.IGNORECASE | re.VERBOSE,
)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def _num(s: str | None) -> int | None:
    if s is None:
        return None
    if s.lower() in ("no", "none", "nobody"):
        return 0
    return to_int(s)


def quantity_from_match(m: re.Match[str], offset: int = 0) -> Quantity | None:
    """Turn one QUANTITY_RE match into a Quantity (None when it is not a usable count)."""
    s, e = m.start() + offset, m.end() + offset
    if m.group("between"):
        a, b = _num(m.group("b1")), _num(m.group("b2"))
        if a is None or b is None:
            return None
        return Quantity(min(a, b), max(a, b), s, e)
    if m.group("either"):
        vals = [v for v in (_num(m.group("e1")), _num(m.group("e2")), _num(m.group("e3"))) if v is not None]
        if not vals:
            return None
        return Quantity(min(vals), max(vals), s, e)
    if m.group("exact"):
        return Quantity(EXACT_PHRASES[_norm(m.group("exact"))], EXACT_PHRASES[_norm(m.group("exact"))], s, e)
    mod = _norm(m.group("mod") or "")
    if mod and m.group("pair"):
        a, b = _num(m.group("n1")), _num(m.group("p2"))
        if a is None or b is None:
            return None
        if re.fullmatch(_LOWER, mod):
            return Quantity(min(a, b), max(a, b), s, e)
        # "about 5, possibly 8": the second figure is the higher one
        return Quantity(None if re.fullmatch(_UPPER + "|" + _POSS, _norm(m.group("mod"))) else a, max(a, b), s, e)
    if m.group("vague"):
        v = _norm(m.group("vague"))
        val = VAGUE.get(v, VAGUE_PHRASES.get(v))
        if val is None:
            return None
        if mod and re.fullmatch(_UPPER, mod):
            return Quantity(None, val, s, e, vague=True)
        return Quantity(val, None, s, e, vague=True)
    n1 = _num(m.group("n1"))
    if n1 is None:
        return None
    lo: int | None = n1
    hi: int | None = n1
    if m.group("range"):
        n2 = _num(m.group("n2"))
        if n2 is None or n2 < n1:
            # "20-4" is not a range; read only the first number
            e = m.start("range") + offset
        else:
            hi = n2
    elif m.group("alt"):
        n3 = _num(m.group("n3"))
        if n3 is not None:
            lo, hi = min(n1, n3), max(n1, n3)
    elif m.group("ormore"):
        hi = None
    approx = False
    if mod:
        if re.fullmatch(_LOWER, mod):
            hi = None if not m.group("range") and not m.group("alt") else hi
        elif re.fullmatch(_UPPER, mod) or re.fullmatch(_POSS, mod):
            lo = None if not m.group("range") else lo
        elif re.fullmatch(_MORE, mod):
            lo = (lo or 0) + 1 if not m.group("range") else lo
            hi = None
        elif re.fullmatch(_NEAR, mod):
            hi = max(0, (hi if hi is not None else n1) - 1) if mod in ("fewer than", "less than", "under") else hi
            lo = None
        else:
            approx = True
    return Quantity(lo, hi, s, e, approx=approx)


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every quantity phrase in ``text[start:end]`` (offsets into ``text``)."""
    out: list[Quantity] = []
    for m in QUANTITY_RE.finditer(text, start, len(text) if end is None else end):
        q = quantity_from_match(m)
        if q is not None:
            out.append(q)
    return out


def parse_quantity(phrase: str) -> tuple[int | None, int | None] | None:
    """Parse one whole quantity phrase: 'at least 10' -> (10, None); None if the phrase is not a quantity."""
    m = QUANTITY_RE.fullmatch(phrase.strip())
    if m is None:
        return None
    q = quantity_from_match(m)
    return None if q is None else (q.lo, q.hi)
