"""Wire copies: near-duplicate detection with MinHash LSH over word shingles, indexed in the database.

An agency report reposted by several outlets differs by a headline, a byline, a trimmed last paragraph. Each
article body becomes a set of 3-word shingles; a 128-permutation MinHash signature (``minhash``, defined here so
that persisted keys never change with a library version) is cut into 32 bands of 4 rows, and each band is
hashed to one signed 64-bit key stored in ``article_bands`` (indexed). Articles sharing a key are candidates;
candidates are then verified on the exact texts, so the index only decides whom to compare, never what counts
as a copy. Lookups cost a few index probes whatever the archive size, and the index grows with each run
(nothing is rebuilt in memory).

A new article is a wire copy when its Jaccard similarity with a stored article is at least ``JACCARD_MIN``, or
when one is nearly contained in the other (``CONTAINMENT_MIN``; a shortened repost), and both state the same
figures (``numbers_agree``). Bodies under ``MIN_TOKENS`` words get no bands: they are only linked when their text
is identical.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

import numpy as np

SHINGLE = 3
NUM_PERM = 128
MINHASH_SEED = 1
BANDS = 32
ROWS = NUM_PERM // BANDS
MIN_TOKENS = 40
JACCARD_MIN = 0.5
CONTAINMENT_MIN = 0.85
MIN_SIZE_RATIO = 0.3
MAX_CANDIDATES = 12  # verified per new article, those sharing the most bands first
KEY_FANOUT = 50  # articles read per band key (the most recent); more sharing one band is boilerplate

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    band_keys: tuple[int, ...]  # empty for short texts
    simhash: int | None  # signed 64-bit SimHash of the shingles (None for empty texts)


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str) -> set[str]:
    return _shingles(tokens(text))


def _signed64(u: int) -> int:
    return u - (1 << 64) if u >= (1 << 63) else u


def _hash64(items: list[bytes]) -> np.ndarray:
    return np.array(
        [int.from_bytes(hashlib.blake2b(b, digest_size=8).digest(), "little") for b in items], dtype=np.uint64
    )


def simhash(sh: set[str]) -> int | None:
    """64-bit SimHash (each shingle weighted once), as a signed integer for a BIGINT column."""
    if not sh:
        return None
    h = _hash64([s.encode("utf-8") for s in sorted(sh)])
    bits = np.unpackbits(h.view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")  # (n, 64)
    ones = bits.sum(axis=0, dtype=np.int64)
    out = 0
    for i, c in enumerate(ones.tolist()):
        if 2 * c > len(h):
            out |= 1 << i
    return _signed64(out)


_MINHASH: Any = None  # a template MinHash (its permutations computed once per process)


def minhash(sh: AbstractSet[str]) -> np.ndarray:
    """MinHash signature (NUM_PERM uint32 values) of a shingle set, by datasketch: scheme "affine32" (named, not
    the library's default, so a datasketch upgrade that changes its default cannot change stored keys), its
    SHA-1 32-bit shingle hash and permutations drawn from seed ``MINHASH_SEED``. constraints.txt pins the version
    CI tested; ``test_band_keys_are_stable`` fails if a version ever computes other values."""
    global _MINHASH
    from datasketch import MinHash
    from datasketch.hashfunc import sha1_hash32

    if _MINHASH is None:
        _MINHASH = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, hashfunc=sha1_hash32, scheme="affine32")
    m = _MINHASH.copy()
    if sh:
        m.update_batch([s.encode("utf-8") for s in sh])
    return np.asarray(m.hashvalues, dtype=np.uint32)


def band_keys(sh: AbstractSet[str]) -> tuple[int, ...]:
    """The LSH band keys of a shingle set (deterministic across processes, runs and library versions)."""
    hv = minhash(sh).astype("<u4")
    keys = []
    for b in range(BANDS):
        digest = hashlib.blake2b(bytes([b]) + hv[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return tuple(keys)


def fingerprint(text: str) -> Fingerprint:
    sh = shingles(text)
    n_tokens = len(tokens(text))
    return Fingerprint(band_keys(sh) if n_tokens >= MIN_TOKENS else (), simhash(sh))


def similarity(a: AbstractSet[str], b: AbstractSet[str]) -> tuple[float, float]:
    """(Jaccard, containment) of two shingle sets; containment is of the smaller set in the larger, and counts
    only when the smaller is at least ``MIN_SIZE_RATIO`` of the larger (a trimmed repost, not a quotation)."""
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    small, large = sorted((len(a), len(b)))
    containment = inter / small if small >= MIN_SIZE_RATIO * large else 0.0
    return inter / len(a | b), containment


def is_wire_copy(jaccard: float, containment: float) -> bool:
    return jaccard >= JACCARD_MIN or containment >= CONTAINMENT_MIN


_NUMBER_WORDS = frozenset(
    re.findall(
        r"\w+",
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen dozens",
    )
)


def _numbers(toks: list[str]) -> set[str]:
    return {t for t in toks if t[0].isdigit() or t in _NUMBER_WORDS}


def numbers(text: str) -> set[str]:
    """The numbers a text states (digit groups and number words). ``six`` and ``6`` stay distinct, which only
    matters when one outlet rewrites the other's figures, and then the reports are not plain copies."""
    return _numbers(tokens(text))


@dataclass(frozen=True, slots=True)
class Profile:
    """What a wire-copy comparison needs of one text."""

    shingles: frozenset[str]
    numbers: frozenset[str]
    tokens: tuple[str, ...] = ()


def _shingles(toks: list[str]) -> set[str]:
    if len(toks) < SHINGLE:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)}


def profile(text: str) -> Profile:
    toks = tokens(text)
    return Profile(frozenset(_shingles(toks)), frozenset(_numbers(toks)), tuple(toks))


SUBSTITUTION_MAX = 4  # words on each side of a replaced passage that still counts as a changed figure


def changed_figures(a: tuple[str, ...] | list[str], b: tuple[str, ...] | list[str]) -> tuple[int, int]:
    """(figures one text changed in the other, figures they state in common), from a word-level alignment.

    Only short substitutions inside the shared text count as changed figures ("killing 4" / "killing 6", "two
    missiles" / "three missiles"): a line added or removed (a copyright line, "2 min read", a photo credit, a
    trimmed last paragraph) carries its numbers in or out with it and changes none of the report's figures, and so
    does a longer passage rewritten as a whole (one outlet's boilerplate for another's)."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    changed = common = 0
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            common += len(_numbers(list(a[i1:i2])))
        elif tag == "replace" and i2 - i1 <= SUBSTITUTION_MAX and j2 - j1 <= SUBSTITUTION_MAX:
            na, nb = _numbers(list(a[i1:i2])), _numbers(list(b[j1:j2]))
            changed += max(len(na - nb), len(nb - na))
    return changed, common


def figures_agree(a: tuple[str, ...] | list[str], b: tuple[str, ...] | list[str]) -> bool:
    """Copies state the same figures: where their words align, at most one number (or a tenth of those they share)
    was changed. Formulaic reports of different strikes share wording, not their figures."""
    changed, common = changed_figures(a, b)
    return changed <= max(1, (common + 9) // 10)


def numbers_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """The older, set-based test (kept for callers comparing bare number sets): at most one number (or a tenth)
    differs each way, or one side states a subset of the other's."""
    allowed = max(1, (min(len(a), len(b)) + 9) // 10)
    symmetric = len(a - b) <= allowed and len(b - a) <= allowed
    trimmed = (a <= b or b <= a) and (min(len(a), len(b)) >= 2 or len(a ^ b) <= 2 * allowed)
    return symmetric or trimmed


def wire_similarity(a: Profile, b_text: str) -> float | None:
    """Similarity of a profiled text and another text when one is a wire copy of the other, else None."""
    toks = tokens(b_text)
    jac, cont = similarity(a.shingles, _shingles(toks))
    if not is_wire_copy(jac, cont):
        return None
    if not figures_agree(a.tokens or (), toks):
        return None
    return max(jac, cont)
