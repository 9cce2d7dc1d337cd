"""Guard against copying third-party text: shared n-word windows between our texts and reference texts.

Used by the tests of the example corpus and of the generator: no 12-word window of a seed article or of a TBIJ
summary may appear in text we ship or generate. Words are compared case-insensitively, punctuation ignored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

WINDOW = 12
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    """Lower-cased words with straight apostrophes; punctuation and typography dropped."""
    return _WORD.findall(text.lower().replace("\u2019", "'").replace("\u2018", "'"))


def windows(text: str, n: int = WINDOW) -> Iterator[tuple[str, ...]]:
    w = words(text)
    for i in range(len(w) - n + 1):
        yield tuple(w[i:i + n])


class WindowIndex:
    """The set of n-word windows of some reference texts, to test other texts against."""

    def __init__(self, texts: Iterable[str], n: int = WINDOW) -> None:
        self.n = n
        self._seen: set[int] = set()
        self._windows: dict[int, tuple[str, ...]] = {}
        for t in texts:
            for win in windows(t, n):
                h = hash(win)
                self._seen.add(h)
                self._windows[h] = win

    def __len__(self) -> int:
        return len(self._seen)

    def shared(self, text: str) -> list[str]:
        """The reference windows ``text`` contains (empty when nothing is copied)."""
        out: list[str] = []
        for win in windows(text, self.n):
            h = hash(win)
            if h in self._seen and self._windows[h] == win:
                out.append(" ".join(win))
        return out


def reference_texts(shared_dir: Path) -> list[str]:
    """The third-party texts under ``../shared``: the seed articles and the TBIJ summaries and narratives."""
    texts: list[str] = []
    seeds = shared_dir / "seeds"
    if seeds.is_dir():
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(seeds.iterdir()) if p.is_file()]
    dump = shared_dir / "data" / "dev" / "dronestream_pakistan_2004_2010.json"
    if dump.is_file():
        data = json.loads(dump.read_text(encoding="utf-8"))
        for s in data.get("strike", []):
            for key in ("bij_summary_short", "narrative"):
                if isinstance(s.get(key), str):
                    texts.append(s[key])
    return texts
