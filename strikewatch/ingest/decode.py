"""Bytes to text: refuse what is truly binary, decode everything else without losing characters.

Order: byte-order mark, strict UTF-8, mixed UTF-8 with stray Windows-1252 bytes (a common result of pasting
between systems), then charset detection for single legacy encodings.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# File signatures of formats that are certainly not text.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"RIFF", "audio/video file"),
    (b"OggS", "audio file"),
    (b"ID3", "MP3 audio"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in text (everything below 0x20 except tab, newline, form feed, CR, and ESC
# which some terminals' copy-paste leaves behind).
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")


class DecodeError(ValueError):
    """The bytes are not text (the message says why)."""


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    """Decode each byte UTF-8 rejects as Windows-1252 (Latin-1 for its five undefined bytes)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start : err.end]
    out = []
    for b in bad:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(bytes([b]).decode("latin-1"))
    return "".join(out), err.end


codecs.register_error("strikewatch-cp1252", _cp1252_fallback)


def binary_kind(data: bytes) -> str | None:
    """Why ``data`` is not text (e.g. "PDF"), or None when it may be text."""
    head = data[:4096]
    for bom, _ in _BOMS:
        if head.startswith(bom):
            return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if head:
        n_ctrl = sum(head.count(bytes([c])) for c in _CONTROL)
        if n_ctrl / len(head) > 0.05:
            return "binary data (control bytes)"
    return None


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_RE.sub("", text)
    return unicodedata.normalize("NFC", text)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text. Returns (text, how) where ``how`` names the encoding used.

    ``declared`` is an encoding named by the source (HTTP header, HTML meta); it is tried after UTF-8.
    Raises :class:`DecodeError` for binary data and for data that is empty after decoding.
    """
    if not data.strip():
        raise DecodeError("empty")
    kind = binary_kind(data)
    if kind:
        raise DecodeError(f"not text: {kind}")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _clean(data[len(bom) :].decode(enc)), enc
            except UnicodeDecodeError:
                raise DecodeError(f"invalid {enc} despite its byte-order mark") from None
    try:
        return _clean(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return _clean(data.decode(declared)), declared.lower()
        except (UnicodeDecodeError, LookupError):
            pass
    # Mixed: valid UTF-8 multi-byte sequences next to stray single bytes -> keep the UTF-8, map the rest.
    # Mostly ASCII with a few stray high bytes: almost certainly Windows-1252 (English news copy).
    n_invalid = sum(1 for ch in data.decode("utf-8", errors="surrogateescape") if "\udc80" <= ch <= "\udcff")
    n_valid = len(_UTF8_MULTI.findall(data))
    if (n_valid and n_valid * 10 >= n_invalid) or n_invalid <= max(2, len(data) // 100):
        how = "utf-8+cp1252" if n_valid else "cp1252"
        return _clean(data.decode("utf-8", errors="strikewatch-cp1252")), how
    if _looks_western(data):
        return _clean(data.decode("utf-8", errors="strikewatch-cp1252")), "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        try:
            return _clean(data.decode(best.encoding)), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    # Any byte string is valid Windows-1252/Latin-1; binary data was refused above.
    return _clean(data.decode("utf-8", errors="strikewatch-cp1252")), "cp1252"


_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _looks_western(data: bytes) -> bool:
    """Latin-script text with accents here and there (not a whole alphabet in high bytes): Windows-1252."""
    n_letters = sum(1 for b in data if (65 <= b <= 90) or (97 <= b <= 122) or b >= 0xC0)
    n_high = sum(1 for b in data if b >= 0x80)
    return n_letters > 0 and n_high / n_letters < 0.2
