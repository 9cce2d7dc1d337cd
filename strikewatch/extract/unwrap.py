"""Undo hard wrapping: a line break inside a sentence becomes a space, so the text keeps every offset.

Wire copy and pasted pages often break lines every 60-70 characters; read line by line, "killed a" and "Taliban
commander" land in different paragraphs and no sentence holds the strike. The rules in ``rules/wrapping.toml`` say
when a break is inside a sentence. The result has the same length as the input, so evidence spans found in it are
spans of the original text.
"""

from __future__ import annotations

from strikewatch.extract import rules
from strikewatch.extract.doc import Doc

_OPEN = rules.pattern("wrapping", "open_line_end")
_CONTINUES = rules.pattern("wrapping", "continues")
_NEW_START = rules.pattern("wrapping", "new_start")
# an open line at least this long before an upper-case start is a wrapped line, not a headline
_MIN_WRAPPED = 45


def joins(line: str, following: str) -> bool:
    """Is the break between ``line`` and ``following`` (both non-empty) inside a sentence?"""
    if not following.strip() or not _OPEN.search(line) or _NEW_START.match(following):
        return False
    return bool(_CONTINUES.match(following)) or len(line.strip()) >= _MIN_WRAPPED


def unwrap(text: str) -> str:
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = []
    for line, following in zip(lines, lines[1:], strict=False):
        out.append(line)
        out.append(" " if line.strip() and joins(line, following) else "\n")
    out.append(lines[-1])
    return "".join(out)


def unwrap_lines(doc: Doc) -> None:
    """The pipeline component (first of all): the text with its hard wrapping undone, every offset kept."""
    doc.text = unwrap(doc.text)
