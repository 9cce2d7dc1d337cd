"""Name normalisation for the gazetteer: one key for every spelling we should treat as the same name.

Three levels, from strict to loose:

``norm``      lower case, accents folded, punctuation and hyphens to spaces ("Datta-Khel" -> "datta khel")
``squash``    ``norm`` without spaces ("Datta Khel", "Dattakhel" -> "dattakhel")
``skeleton``  a transliteration-tolerant key for Pashto/Arabic names written in Latin letters: the first
              letter, then the consonants, with the usual alternations merged (kh/k/q, gh/g, z/s, w/v, double
              letters; y is a vowel): "Datakhel", "Datta Khel" -> "dtkl"; "Gorwaik", "Gurwak" -> "grwk".

The skeleton only proposes candidates; callers confirm them with an edit-distance score and context.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT = re.compile(r"[^0-9a-z\u0621-\u064a\u0671-\u06d3]+")
_APOS = re.compile(r"['’‘`ʼʻ]")
# Arabic-script names (Arabic and Urdu reports): one letter for the forms the two orthographies and the hamza
# seats write differently (Urdu ی/ے and Arabic ي/ى, ک/ك, ہ/ھ/ۃ/ة/ه, the alef forms), no vowel marks, no tatweel
_ARABIC = str.maketrans({
    "ی": "ي", "ى": "ي", "ے": "ي", "ې": "ي", "ئ": "ي",
    "ک": "ك", "ہ": "ه", "ھ": "ه", "ۃ": "ه", "ة": "ه", "ۂ": "ه",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ـ": None,
})


def is_arabic_script(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


def fold(text: str) -> str:
    """Strip accents and transliteration marks (ā -> a, ‘ -> removed); Arabic-script letters to one form each."""
    text = _APOS.sub("", text)
    if text.isascii():
        return text
    text = text.translate(_ARABIC)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Lower-case, accent-free, words separated by single spaces."""
    return _PUNCT.sub(" ", fold(text).lower()).strip()


def squash(text: str) -> str:
    """``norm`` without spaces."""
    return norm(text).replace(" ", "")


# Ordered rewrites applied to the squashed name before vowels are dropped.
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("kh", "k"),
    ("gh", "g"),
    ("sh", "x"),
    ("zh", "s"),
    ("ch", "c"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("bh", "b"),
    ("ck", "k"),
    ("q", "k"),
    ("v", "w"),
    ("z", "s"),
)
_VOWELS = set("aeiouy")
_DOUBLE = re.compile(r"(.)\1+")


def skeleton(text: str) -> str:
    """Transliteration-tolerant consonant key (see module doc). Empty for names without letters."""
    return skeleton_of_squashed(squash(text))


def skeleton_of_squashed(squashed: str) -> str:
    """``skeleton`` of a name already passed through ``squash``."""
    s = _DOUBLE.sub(r"\1", squashed)
    if not s:
        return ""
    for old, new in _SKELETON_RULES:
        s = s.replace(old, new)
    s = _DOUBLE.sub(r"\1", s)
    return s[0] + "".join(c for c in s[1:] if c not in _VOWELS)


def split_aliases(field: str) -> list[str]:
    """Aliases are stored pipe-separated in the data files."""
    return [a.strip() for a in field.split("|") if a.strip()]
