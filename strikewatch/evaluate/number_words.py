"""English words for small whole numbers ("seven", "twenty-one"), written here so that the evaluation does not read
text through the extractor's own number grammar."""

from __future__ import annotations

import re

_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_ONES)} | {t: 10 * i for i, t in enumerate(_TENS) if t}


def spellings(n: int) -> tuple[str, ...]:
    """The ways a text writes ``n`` (0-99) in words: ``21`` -> ("twenty-one", "twenty one"); () beyond 99."""
    if 0 <= n < 20:
        return (_ONES[n],)
    if 20 <= n < 100:
        tens, ones = divmod(n, 10)
        if ones == 0:
            return (_TENS[tens],)
        return (f"{_TENS[tens]}-{_ONES[ones]}", f"{_TENS[tens]} {_ONES[ones]}")
    return ()


def states_number(text: str, n: int) -> bool:
    """``text`` writes ``n`` as digits ("7", not inside "17" or "2007") or as English words ("seven")."""
    if re.search(rf"(?<![\d,.]){n}(?![\d]|[,.]\d)", text):
        return True
    return any(re.search(rf"\b{re.escape(w)}\b", text, re.I) for w in spellings(n))
