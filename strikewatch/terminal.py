"""Text from outside (file names, urls, feed titles, reasons quoting them) made safe to print on a terminal.

A file name may hold a newline (and forge a summary line of its own), a terminal escape sequence (move the
cursor, recolour or erase what was printed) or a bidi override (show its characters in another order).
:func:`printable` writes each such character as a visible escape, as ``ls -b`` does: ``\\n``, ``\\x1b``,
``\\u202e``. Everything else is kept as it is, other scripts included.
"""

from __future__ import annotations

import re

# C0 controls (tab and newline too), DEL, C1 controls, bidi embeddings/overrides/isolates and marks, line and
# paragraph separators, the byte-order mark and other zero-width format characters a name could hide behind
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    n = ord(ch)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def printable(text: str) -> str:
    """``text`` with every control, bidi or invisible format character written as a visible escape."""
    return _UNPRINTABLE.sub(_escape, text)
