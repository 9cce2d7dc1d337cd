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

import hashlib
import re
import zlib
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np

SHINGLE = 3
NUM_PERM = 128
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


def _seeded_u64(label: str, n: int) -> np.ndarray:
    """n fixed pseudo-random 64-bit integers derived from ``label`` with blake2b: independent of any library's
    random-number generator, so stored band keys stay valid across upgrades."""
    return np.array(
        [int.from_bytes(hashlib.blake2b(f"{label}:{i}".encode(), digest_size=8).digest(), "little") for i in range(n)],
        dtype=np.uint64,
    )


_PERM_A = _seeded_u64("strikewatch-minhash-a", NUM_PERM) | np.uint64(1)  # odd multipliers
_PERM_B = _seeded_u64("strikewatch-minhash-b", NUM_PERM)


def minhash(sh: AbstractSet[str]) -> np.ndarray:
    """MinHash signature (NUM_PERM uint32 values): for each permutation (a*h + b mod 2^64) >> 32, the
    multiply-add-shift hash family over 64-bit blake2b hashes of the shingles, minimised over the set.
    Written out here (rather than taken from a library) because its values are persisted in the index."""
    if not sh:
        return np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
    h = _shingle_hashes(sh)
    mixed = np.empty((NUM_PERM, len(h)), dtype=np.uint64)
    with np.errstate(over="ignore"):
        np.multiply(_PERM_A[:, None], h[None, :], out=mixed)
        mixed += _PERM_B[:, None]
    mixed >>= np.uint64(32)
    return mixed.min(axis=1).astype(np.uint32)


def _shingle_hashes(sh: AbstractSet[str]) -> np.ndarray:
    """A 64-bit hash per shingle: two CRC-32s (plain and salted), fast in C; the multiply-add-shift step of
    ``minhash`` does the mixing."""
    out = np.empty(len(sh), dtype=np.uint64)
    for i, s in enumerate(sh):
        b = s.encode("utf-8")
        out[i] = zlib.crc32(b) | (zlib.crc32(b, 0x5357) << 32)
    return out


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


def _shingles(toks: list[str]) -> set[str]:
    if len(toks) < SHINGLE:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)}


def profile(text: str) -> Profile:
    toks = tokens(text)
    return Profile(frozenset(_shingles(toks)), frozenset(_numbers(toks)))


def numbers_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Copies state the same figures: at most one number (or a tenth of them) differs each way, or one side
    states a subset of the other's. Formulaic reports of different strikes share wording, not their figures."""
    allowed = max(1, (min(len(a), len(b)) + 9) // 10)
    symmetric = len(a - b) <= allowed and len(b - a) <= allowed
    # one side cut paragraphs with their figures but changed none of the others
    trimmed = (a <= b or b <= a) and (min(len(a), len(b)) >= 2 or len(a ^ b) <= 2 * allowed)
    return symmetric or trimmed


def wire_similarity(a: Profile, b_text: str) -> float | None:
    """Similarity of a profiled text and another text when one is a wire copy of the other, else None."""
    toks = tokens(b_text)
    if not numbers_agree(a.numbers, frozenset(_numbers(toks))):
        return None
    jac, cont = similarity(a.shingles, _shingles(toks))
    if not is_wire_copy(jac, cont):
        return None
    return max(jac, cont)
