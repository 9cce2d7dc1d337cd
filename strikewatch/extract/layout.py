"""Page layout of a plain-text article: where reader comments begin, which lines are page junk (cookie banners,
[youtube] tags, "Read more here"), the dateline ("PESHAWAR:"), and sentences with offsets.

Offsets always refer to the input text; nothing here rewrites it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from strikewatch.extract import rules

_COMMENT_MARKERS = rules.pattern("page_junk", "comment_markers")
_LONE_COMMENT_WORDS = frozenset(rules.words("page_junk", "lone_comment_words"))
_JUNK_CHEAP = rules.pattern("page_junk", "junk_cheap")
_JUNK_LINE = rules.pattern("page_junk", "junk_line")
_TAG = rules.pattern("page_junk", "embed_tag")


def lowered(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern, case-sensitive, for text that has been lower-cased: Python's ``re`` scans a
    case-insensitive alternation several times slower than a case-sensitive one."""
    if re.search(r"\\[A-Z]|A-Z|\(\?-i", rx.pattern) or not rx.flags & re.IGNORECASE:
        raise ValueError("pattern depends on case; write its lower-case form by hand")
    pattern = rx.pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    low = re.compile(pattern, rx.flags & ~re.IGNORECASE)
    if low.groupindex.keys() != rx.groupindex.keys():
        raise ValueError("pattern has upper-case group names")
    return low


def by_first_letter(words: Iterable[str]) -> str:
    """An alternation of words (regular expressions that each begin with a plain letter), factored by that letter:
    ``s(?:trike|truck)|a(?:ttack|ir)``. ``re`` checks a branch's first letter before entering it, so fewer branches
    scan faster. The matches are the same: words keep their order within a letter, and words with different first
    letters never match at the same offset."""
    groups: dict[str, list[str]] = {}
    for w in words:
        if not w[:1].isalpha():
            raise ValueError(f"{w!r} does not begin with a letter")
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(c + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")") for c, rests in groups.items())


class Text(str):
    """An article's text carrying its lower-cased form: ``low`` is ``text.lower()`` when that keeps every offset
    (true for nearly all text), else None. The Doc holds its text as one (``reading.gate``), so the text is lowered
    once per article and every ``Folded`` pattern given it reads that; nothing is cached by text anywhere."""

    low: str | None

    def __new__(cls, text: str) -> Text:
        self = super().__new__(cls, text)
        low = text.lower()
        self.low = low if len(low) == len(text) else None
        return self


def folded(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset, else None: a ``Text`` carries it; for any other string it is
    worked out on each call (the pipeline passes its ``Text``)."""
    if isinstance(text, Text):
        return text.low
    low = text.lower()
    return low if len(low) == len(text) else None


class Folded:
    """A case-insensitive pattern run on the lower-cased text (see ``Text`` and ``folded``). Matches index the
    original text, but ``group()`` gives lower case: use the offsets."""

    __slots__ = ("rx", "low")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx, self.low = rx, lowered(rx)

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        low = text.low if type(text) is Text else folded(text)  # (inline: these run ~100 times an article)
        stop = len(text) if end is None else end
        return self.low.search(low, start, stop) if low is not None else self.rx.search(text, start, stop)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        low = text.low if type(text) is Text else folded(text)  # (inline: these run ~100 times an article)
        stop = len(text) if end is None else end
        return self.low.finditer(low, start, stop) if low is not None else self.rx.finditer(text, start, stop)

    def on(self, text: str) -> tuple[re.Pattern[str], str]:
        """(pattern, string) to run in a loop over one text: ``rx.search(src, a, b)`` is ``self.search(text, a, b)``
        without a call through this wrapper each time."""
        low = folded(text)
        return (self.low, low) if low is not None else (self.rx, text)

    def match(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        low = text.low if type(text) is Text else folded(text)  # (inline: these run ~100 times an article)
        stop = len(text) if end is None else end
        return self.low.match(low, start, stop) if low is not None else self.rx.match(text, start, stop)


_JUNK_CHEAP_LOW = lowered(_JUNK_CHEAP)
_SHORT_LINE = 120
# what _JUNK_LINE can find in a line longer than its short-line patterns allow: a cheaper first test for those
_JUNK_LONG_LOW = rules.pattern("page_junk", "junk_long")
# the line-start junk, tested with ``match`` (a ``^`` branch inside the alternations above would make ``re`` try
# the whole alternation at every offset: 2x slower)
_JUNK_LEAD_LOW = rules.pattern("page_junk", "junk_lead")
_CLOSE_BUTTON = frozenset(rules.words("page_junk", "close_button"))


def _maybe_junk(line: str, low: bool) -> bool:
    """A cheap first test: False only for lines ``_JUNK_LINE`` cannot match."""
    if len(line) <= _SHORT_LINE:
        return (_JUNK_CHEAP_LOW if low else _JUNK_CHEAP).search(line) is not None or line.strip() in _CLOSE_BUTTON
    if not low:
        return _JUNK_CHEAP.search(line) is not None or line.strip() in _CLOSE_BUTTON
    return _JUNK_LONG_LOW.search(line) is not None or _JUNK_LEAD_LOW.match(line) is not None


_JUNK_LINE_LOW = lowered(_JUNK_LINE)
_URL = rules.pattern("page_junk", "url")
_DATELINE = rules.pattern("datelines", "dateline")
_PARAGRAPH_END = rules.pattern("datelines", "paragraph_end")
_ABBREV = frozenset(rules.words("sentences", "abbreviations"))
_SENT_END = rules.pattern("sentences", "sentence_end")
_FINAL = frozenset(rules.words("sentences", "final_characters"))


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    para: int  # paragraph (line) index
    section: str  # "body" | "comments"
    first_in_para: bool
    heading: bool  # a line without final punctuation (title, standfirst)


def find_comments_start(text: str) -> int | None:
    """Offset where a reader-comment section begins in plain text, or None."""
    floor = min(len(text) // 4, 400)
    # the markers begin a line: try each line start (what ``finditer`` finds, without its scan of every offset),
    # resuming after a marker that does not count as ``finditer`` would
    pos = 0
    while True:
        m = _COMMENT_MARKERS.match(text, pos)
        if m is not None:
            line = m.group().strip()
            # a lone "Comments" word must be its own line near the end to count
            if m.start() >= floor and not (
                    line.lower().rstrip(".") in _LONE_COMMENT_WORDS and m.start() < len(text) * 0.5):
                return m.start()
            pos = m.end()
            if text[pos - 1:pos] == "\n":
                continue
        nl = text.find("\n", pos)
        if nl < 0:
            return None
        pos = nl + 1


def junk_spans(text: str) -> list[tuple[int, int]]:
    """Spans of embedded tags and URLs (never read as prose)."""
    spans = [(m.start(), m.end()) for m in _TAG.finditer(text)]
    spans += [(m.start(), m.end()) for m in _URL.finditer(text)]
    return sorted(spans)


def dateline_end(text: str, body_start: int = 0) -> int | None:
    """End offset of a dateline ("PESHAWAR:", "MIRANSHAH, Pakistan (Reuters) -") at the start of the first
    body paragraph, or None. Datelines say where the report was filed, not where the strike was."""
    # the dateline sits at the start of the first paragraph that ends in sentence punctuation
    pos = body_start
    for line in text[body_start:].split("\n"):
        stripped = line.strip()
        if stripped and _PARAGRAPH_END.search(stripped) and len(stripped) > 60:
            m = _DATELINE.match(line)
            if m and sum(ch.isupper() for ch in m.group("dl")) >= 3:
                return pos + m.end()
            return None
        pos += len(line) + 1
    return None


def sentences(text: str, comments_start: int | None = None) -> list[Sentence]:
    """Split into sentences with offsets, skipping junk lines; mark comment-section sentences."""
    out: list[Sentence] = []
    pos = 0
    para = 0
    low_text = folded(text)
    junk = _JUNK_LINE_LOW if low_text is not None else _JUNK_LINE
    src = low_text if low_text is not None else text
    for line in text.split("\n"):
        ls = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        para += 1
        line_src = src[ls:ls + len(line)]
        if _maybe_junk(line_src, low_text is not None) and junk.search(line_src):
            continue
        section = "comments" if comments_start is not None and ls >= comments_start else "body"
        stripped = line.rstrip()
        heading = stripped[-1:] not in _FINAL and len(stripped) < 200
        s = ls + (len(line) - len(line.lstrip()))
        first = True
        for m in _SENT_END.finditer(line):
            e = ls + m.end()
            # abbreviation guard: "U.S." "Gen." "Lt." and initials
            if line[m.start()] == "." and m.end() < len(line):
                tail = text[max(s, e - 24):e].rstrip("\"”’')] ")
                last = tail[tail.rfind(" ") + 1:] if " " in tail or e - 24 <= s else ""
                word = last.rstrip(".").lstrip("\"“‘([")
                if last.endswith(".") and word and word[0].isalpha() and (word.lower() in _ABBREV or len(word) == 1):
                    continue
            cand = text[s:e]
            if cand.strip():
                out.append(Sentence(s, e, para, section, first, heading))
                first = False
            s = e
            while s < ls + len(line) and text[s].isspace():
                s += 1
        if s < ls + len(stripped):
            out.append(Sentence(s, ls + len(stripped), para, section, first, heading))
    return out


def sentence_at(sents: list[Sentence], pos: int) -> Sentence | None:
    """The sentence (of ``layout.sentences``, in text order) that holds offset ``pos``."""
    i = bisect_right([x.start for x in sents], pos) - 1
    return sents[i] if i >= 0 and pos < sents[i].end else None
