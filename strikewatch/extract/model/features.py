"""Features for the two models: the words of a sentence, and the words around a number mention.

Tokens come from spaCy's blank English tokenizer (loaded once, lazily). Numbers are folded to ``<num>`` (years to
``<year>``) so the models learn the words around figures, not the figures.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from strikewatch.extract.numbers import SCALES, TENS, UNITS, Quantity, find_quantities, words_to_int

WINDOW = 5


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def _fold(tok: str) -> str:
    low = tok.lower()
    if low.isalpha():
        return "<num>" if low in UNITS or low in TENS or low in SCALES else low
    if low.isdigit():
        return "<year>" if len(low) == 4 and low[:2] in ("19", "20") else "<num>"
    if low.replace(",", "").isdigit() or words_to_int(low) is not None:
        return "<num>"
    return low


def tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(folded token, start, end) for ``text[start:end]``, offsets into ``text``."""
    return [(_fold(t.text), start + t.idx, start + t.idx + len(t.text))
            for t in _tokenizer()(text[start:end]) if not t.is_space]


def mentions(text: str, toks: list[tuple[str, int, int]], start: int, end: int) -> list[Quantity]:
    """Number mentions of a sentence: the quantities the rules read, and "a"/"an" as one ("a man was killed")."""
    out = find_quantities(text, start, end)
    taken = {q.start for q in out}
    out += [Quantity(1, 1, s, e) for w, s, e in toks if w in ("a", "an") and s not in taken]
    return sorted(out, key=lambda q: q.start)


def clause_features(text: str, start: int, end: int) -> list[str]:
    words = [w for w, _, _ in tokens(text, start, end)]
    feats = [f"w={w}" for w in words]
    feats += [f"b={a}|{b}" for a, b in zip(words, words[1:], strict=False)]
    feats.append(f"len={min(len(words) // 10, 5)}")
    return feats


def number_features(toks: list[tuple[str, int, int]], q: Quantity) -> list[str]:
    """The words around one quantity mention of a sentence (``toks`` from ``tokens`` over that sentence)."""
    left = [w for w, _, e in toks if e <= q.start][-WINDOW:]
    right = [w for w, s, _ in toks if s >= q.end][:WINDOW + 1]
    feats = [f"L{i}={w}" for i, w in enumerate(reversed(left[-3:]), 1)]
    feats += [f"R{i}={w}" for i, w in enumerate(right[:3], 1)]
    feats += [f"LW={w}" for w in left] + [f"RW={w}" for w in right]
    feats += [f"SW={w}" for w, _, _ in toks if w.isalpha() and len(w) > 3]
    if q.hi is None:
        feats.append("open_hi")
    if q.lo is None:
        feats.append("open_lo")
    if q.vague:
        feats.append("vague")
    if q.approx:
        feats.append("approx")
    value = q.lo if q.lo is not None else q.hi
    if value is not None:
        feats.append("v=" + ("1" if value == 1 else "small" if value < 10 else "mid" if value < 100 else "big"))
        if 1900 <= value <= 2100:
            feats.append("v=yearlike")
    return feats
