"""Numbers, number words and quantity phrases ("at least 10", "between 4 and 7", "4-7", "up to 40", "dozens").

A quantity is a range ``(min, max)``; either end may be unknown (``None``): "at least 10" is ``(10, None)``,
"up to 40" is ``(None, 40)``. Vague words follow ACLED's fatality convention (see docs/extraction.md):
"tens" -> 10, "dozens" -> 12, "scores" -> 20, "hundreds" -> 100, "thousands" -> 1000 (each a lower bound),
and, as the project's convention, "several" / "a few" -> 3 and "a couple of" -> 2 (lower bounds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strikewatch.extract import rules

UNITS: dict[str, int] = rules.table("numbers", "units")
TENS: dict[str, int] = rules.table("numbers", "tens")
SCALES: dict[str, int] = rules.table("numbers", "scales")
# Vague quantities: value used as a lower bound (ACLED convention for tens/dozens/hundreds; ours for several).
VAGUE: dict[str, int] = rules.table("numbers", "vague")
VAGUE_PHRASES: dict[str, int] = rules.table("numbers", "vague_phrases")
EXACT_PHRASES: dict[str, int] = rules.table("numbers", "exact_phrases")


def _phrases(words: tuple[str, ...] | list[str]) -> str:
    """An alternation of phrases whose words may be parted by any white space."""
    return "|".join(w.replace(" ", r"\s+") for w in words)


_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
NUM = rules.pattern("numbers", "number", digits=rules.pattern("numbers", "digits").pattern, word=_WORD).pattern
_ZERO = frozenset(rules.words("numbers", "zero_words"))
_BELOW = frozenset(rules.words("numbers", "below"))


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


_LOWER = _phrases(rules.words("numbers", "lower_bound"))
_UPPER = _phrases(rules.words("numbers", "upper_bound"))
_MORE = _phrases(rules.words("numbers", "more_than"))
_NEAR = _phrases(rules.words("numbers", "near"))
_ABOUT = _phrases(rules.words("numbers", "about"))
_POSS = _phrases(rules.words("numbers", "possibly"))

QUANTITY_RE = rules.pattern(
    "numbers", "quantity", number=NUM, exact=_phrases(list(EXACT_PHRASES)),
    lower_bound=_LOWER, upper_bound=_UPPER, more_than=_MORE, near=_NEAR, about=_ABOUT, possibly=_POSS,
    vague=_phrases([*VAGUE, *VAGUE_PHRASES]), dash=rules.pattern("numbers", "dash").pattern,
)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def _num(s: str | None) -> int | None:
    if s is None:
        return None
    if s.lower() in _ZERO:
        return 0
    return to_int(s)


_LOWER_RX = re.compile(_LOWER)
_UPPER_RX = re.compile(_UPPER)
_MORE_RX = re.compile(_MORE)
_NEAR_RX = re.compile(_NEAR)
_POSS_RX = re.compile(_POSS)
_UPPER_OR_POSS_RX = re.compile(_UPPER + "|" + _POSS)


def quantity_from_match(m: re.Match[str], offset: int = 0) -> Quantity | None:
    """Turn one QUANTITY_RE match into a Quantity (None when it is not a usable count)."""
    s, e = m.start() + offset, m.end() + offset
    if m.group("between"):
        return _between(m, s, e)
    if m.group("either"):
        return _either(m, s, e)
    if m.group("exact"):
        return Quantity(EXACT_PHRASES[_norm(m.group("exact"))], EXACT_PHRASES[_norm(m.group("exact"))], s, e)
    mod = _norm(m.group("mod") or "")
    if mod and m.group("pair"):
        return _pair(m, mod, s, e)
    if m.group("vague"):
        return _vague(m, mod, s, e)
    return _figure(m, mod, s, e, offset)


def _between(m: re.Match[str], s: int, e: int) -> Quantity | None:
    """A range said as "between 4 and 7"."""
    a, b = _num(m.group("b1")), _num(m.group("b2"))
    if a is None or b is None:
        return None
    return Quantity(min(a, b), max(a, b), s, e)


def _either(m: re.Match[str], s: int, e: int) -> Quantity | None:
    """Alternatives said as "either none, one or two": the lowest to the highest."""
    vals = [v for v in (_num(m.group("e1")), _num(m.group("e2")), _num(m.group("e3"))) if v is not None]
    if not vals:
        return None
    return Quantity(min(vals), max(vals), s, e)


def _pair(m: re.Match[str], mod: str, s: int, e: int) -> Quantity | None:
    """Two figures after a modifier ("at least 5, possibly 8")."""
    a, b = _num(m.group("n1")), _num(m.group("p2"))
    if a is None or b is None:
        return None
    if _LOWER_RX.fullmatch(mod):
        return Quantity(min(a, b), max(a, b), s, e)
    # "about 5, possibly 8": the second figure is the higher one
    return Quantity(None if _UPPER_OR_POSS_RX.fullmatch(mod) else a, max(a, b), s, e)


def _vague(m: re.Match[str], mod: str, s: int, e: int) -> Quantity | None:
    """A vague quantity ("dozens", "several"): a lower bound, or an upper one after "up to"."""
    v = _norm(m.group("vague"))
    val = VAGUE.get(v, VAGUE_PHRASES.get(v))
    if val is None:
        return None
    if mod and _UPPER_RX.fullmatch(mod):
        return Quantity(None, val, s, e, vague=True)
    return Quantity(val, None, s, e, vague=True)


def _figure(m: re.Match[str], mod: str, s: int, e: int, offset: int) -> Quantity | None:
    """One figure, or a range ("4-7", "4 to 7"), an alternative ("5 or 6"), "10 or more"; then its modifier."""
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
    if not mod:
        return Quantity(lo, hi, s, e)
    lo, hi, approx = _modified(m, mod, n1, lo, hi)
    return Quantity(lo, hi, s, e, approx=approx)


def _modified(m: re.Match[str], mod: str, n1: int, lo: int | None, hi: int | None
              ) -> tuple[int | None, int | None, bool]:
    """The bounds of a figure after its modifier: "at least" (no upper bound), "up to" and "possibly" (no lower),
    "more than" (one above, no upper), "nearly" (below it for "under"), "about" (approximate)."""
    if _LOWER_RX.fullmatch(mod):
        return lo, None if not m.group("range") and not m.group("alt") else hi, False
    if _UPPER_RX.fullmatch(mod) or _POSS_RX.fullmatch(mod):
        return None if not m.group("range") else lo, hi, False
    if _MORE_RX.fullmatch(mod):
        return (lo or 0) + 1 if not m.group("range") else lo, None, False
    if _NEAR_RX.fullmatch(mod):
        return None, max(0, (hi if hi is not None else n1) - 1) if mod in _BELOW else hi, False
    return lo, hi, True


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
