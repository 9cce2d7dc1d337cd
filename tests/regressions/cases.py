"""The corpus of nasty inputs, generated on the fly (every byte here is ours; nothing is third-party text).

``write_corpus(folder)`` writes every case as a file and returns ``{file name: expectation}``:
``"stored"`` (a real article that must be kept), ``"rejected"`` (one clear reason, nothing stored), or
``"either"`` (odd but possibly readable). JSONL cases expect per line: ``"lines:s,r,r"``.
Cases found by fuzzing are added to ``FOUND`` with a note on what they broke.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import random
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

STRIKE = "A drone strike near Miranshah killed four people on Monday, officials said."
STRIKE_2 = "Two missiles hit a compound in Datta Khel late on Tuesday, killing three men, local people said."
URDU = "اتوار کو میران شاہ کے قریب ڈرون حملے میں چار افراد ہلاک ہو گئے"  # our own sentence
ARABIC = "قتل أربعة أشخاص في غارة بطائرة مسيرة قرب ميرانشاه يوم الاثنين"  # our own sentence
HEBREW = "ארבעה בני אדם נהרגו בתקיפת רחפן"  # our own sentence
RUSSIAN = "Удар беспилотника убил четырёх человек в понедельник."  # our own sentence
CHINESE = "星期一无人机袭击造成四人死亡。"  # our own sentence

Case = tuple[str, Callable[[], bytes], str]
# The long run (bench/fuzz_long.py) sets STRIKEWATCH_FUZZ_BIG=1: the slow-to-parse cases at full size. In CI they
# are smaller, because libxml2 parses an element with n attributes in O(n^2) (20,000 attributes: about 7 s per
# parse, and trafilatura parses three times) and the extractor takes about 10 s per MB of one line.
BIG = bool(os.environ.get("STRIKEWATCH_FUZZ_BIG"))


def _text(*parts: str) -> bytes:
    return "\n\n".join(parts).encode("utf-8")


def _html(body: str, head: str = "<title>Strike report</title>") -> bytes:
    return f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>".encode()


def _jsonl(*objs: object) -> bytes:
    return "".join((o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n" for o in objs).encode()


def _random_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _gzip_bomb(decompressed: int) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    return b"".join([c.compress(chunk) for _ in range(decompressed >> 20)] + [c.flush()])


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("report.txt", b"\0" * (64 << 20))
    return buf.getvalue()


def _encoded(text: str, enc: str, bom: bytes = b"") -> bytes:
    return bom + text.encode(enc)


def _deep(tag: str, n: int, inner: str) -> bytes:
    return _html(f"<{tag}>" * n + inner + f"</{tag}>" * n)


def _huge_line(n: int) -> bytes:
    words = ("the", "road", "was", "closed", "for", "days", "after", "rain", "and", "markets", "stayed", "shut")
    rng = random.Random(7)
    out = [STRIKE]
    size = len(STRIKE)
    while size < n:
        w = rng.choice(words)
        out.append(w)
        size += len(w) + 1
    return " ".join(out).encode()


ENCODED = f"{STRIKE} Café owners in Peshawar said the road to Bannu was closed — “for days”."

CASES: list[Case] = [
    # empty and binary
    ("empty.txt", lambda: b"", "rejected"),
    ("whitespace.txt", lambda: b" \n\t\r\n   \n", "rejected"),
    ("nul-start.txt", lambda: b"\0" * 64 + _text(STRIKE), "rejected"),
    ("nul-late.txt", lambda: _text(STRIKE, "x " * 3000) + b"\0\0" + _text(STRIKE_2), "stored"),
    ("random-bytes.txt", lambda: _random_bytes(50_000, 1), "rejected"),
    ("random-bytes.html", lambda: _random_bytes(50_000, 2), "rejected"),
    ("random-bytes.xml", lambda: _random_bytes(50_000, 3), "rejected"),
    ("control-bytes.txt", lambda: bytes(range(1, 32)) * 300, "rejected"),
    ("pdf-named.txt", lambda: b"%PDF-1.7\n" + _random_bytes(2000, 4), "rejected"),
    ("elf", lambda: b"\x7fELF" + _random_bytes(2000, 5), "rejected"),
    # compressed input is refused, never decompressed
    ("gzip-bomb.txt.gz", lambda: _gzip_bomb(256 << 20), "rejected"),
    ("gzip-bomb-named.txt", lambda: _gzip_bomb(64 << 20), "rejected"),
    ("zip-bomb.zip", _zip_bomb, "rejected"),
    ("zip-named.jsonl", _zip_bomb, "lines:r"),
    # encodings
    ("utf8-bom.txt", lambda: codecs.BOM_UTF8 + ENCODED.encode(), "stored"),
    ("utf16le-bom.txt", lambda: _encoded(ENCODED, "utf-16-le", codecs.BOM_UTF16_LE), "stored"),
    ("utf16be-bom.txt", lambda: _encoded(ENCODED, "utf-16-be", codecs.BOM_UTF16_BE), "stored"),
    ("utf32le-bom.txt", lambda: _encoded(ENCODED, "utf-32-le", codecs.BOM_UTF32_LE), "stored"),
    ("utf16-no-bom.txt", lambda: _encoded(ENCODED, "utf-16-le"), "either"),
    ("utf16-bom-odd-length.txt", lambda: _encoded(ENCODED, "utf-16-le", codecs.BOM_UTF16_LE) + b"\x41", "rejected"),
    ("cp1252.txt", lambda: _encoded(ENCODED, "cp1252"), "stored"),
    ("latin1.txt", lambda: _encoded(ENCODED.replace("—", "-").replace("“", '"').replace("”", '"'), "latin-1"),
     "stored"),
    ("mixed-utf8-cp1252.txt", lambda: ENCODED.encode() + b" \x93quoted\x94 \xe9t\xe9", "stored"),
    ("invalid-utf8.txt", lambda: STRIKE.encode() + b" \xc0\xaf \xed\xa0\x80 \xf8\x88\x80\x80\x80 \x80\x80", "stored"),
    ("koi8r.txt", lambda: _encoded(RUSSIAN + " " + RUSSIAN, "koi8-r"), "either"),
    ("cp1251.txt", lambda: _encoded(RUSSIAN + " " + RUSSIAN, "cp1251"), "either"),
    ("cp1256-arabic.txt", lambda: _encoded(ARABIC + " " + ARABIC, "cp1256"), "either"),
    ("iso8859-8-hebrew.txt", lambda: _encoded(HEBREW + " " + HEBREW, "iso-8859-8"), "either"),
    ("shift-jis.txt", lambda: _encoded("ドローン攻撃で四人が死亡した。" * 3, "shift_jis"), "either"),
    ("gb18030.txt", lambda: _encoded(CHINESE * 3, "gb18030"), "either"),
    ("big5.txt", lambda: _encoded("無人機襲擊造成四人死亡。" * 3, "big5"), "either"),
    ("euc-kr.txt", lambda: _encoded("드론 공격으로 네 명이 사망했다. " * 3, "euc-kr"), "either"),
    ("utf7.txt", lambda: _encoded(ENCODED, "utf-7"), "either"),
    ("declared-wrong-charset.html", lambda: _html(f"<p>{ENCODED}</p>" * 3,
                                                  "<meta charset='shift_jis'><title>x</title>")
     .replace(b"charset='utf-8'", b"charset='koi8-r'"), "stored"),
    ("declared-unknown-charset.html", lambda: _html(f"<p>{STRIKE}</p>" * 3, "<meta charset='x-no-such'>"),
     "stored"),
    # right-to-left, mixed scripts, Unicode oddities
    ("rtl-urdu-english.txt", lambda: _text(URDU, STRIKE, ARABIC, HEBREW), "stored"),
    ("bidi-overrides.txt", lambda: _text("\u202e" + STRIKE + "\u202c", "\u2067" + URDU + "\u2069 123 \u200f",
                                        STRIKE_2 + "\u061c\u200e"), "stored"),
    ("zalgo.txt", lambda: _text(STRIKE, "".join(c + "\u0301\u0316\u0337" * 50 for c in "Miranshah")), "stored"),
    ("emoji-zwj.txt", lambda: _text(STRIKE, "👨‍👩‍👧‍👦 🏳️‍🌈 " * 200), "stored"),
    ("noncharacters.txt", lambda: _text(STRIKE, "\ufffe\uffff\U0010ffff\ufdd0 \ufeff" * 20), "stored"),
    ("decomposed.txt", lambda: _text(STRIKE.replace("o", "o\u0308"), "Cafe\u0301 in Pe\u0301shawar"), "stored"),
    ("only-urdu.txt", lambda: _text(URDU, URDU), "either"),
    # HTML
    ("deep-divs.html", lambda: _deep("div", 5_000, f"<p>{STRIKE}</p>"), "either"),
    ("deep-inline.html", lambda: _deep("b", 50_000, STRIKE), "either"),
    ("deep-tables.html", lambda: _deep("table><tr><td", 2_000, STRIKE), "either"),
    ("truncated.html", lambda: _html(f"<article><h1>Strike</h1><p>{STRIKE}</p><p>{STRIKE_2}</p>")[:-60]
     + b"<p class=", "stored"),
    ("unclosed-comment.html", lambda: _html(f"<p>{STRIKE}</p><!-- <p>{STRIKE_2}</p>"), "either"),
    ("script-only.html", lambda: _html("<script>alert(1)</script>" * 50), "rejected"),
    ("script-in-article.html", lambda: _html(
        f"<article><p>{STRIKE}</p><script>document.title='pwned'</script>"
        f"<p onclick=\"document.title='pwned'\">{STRIKE_2}</p><img src=x onerror=\"document.title='pwned'\">"
        "</article>"), "stored"),
    ("cdata-and-entities.html", lambda: _html(f"<p>{STRIKE} &amp; &#0; &#xD800; &#1114112; &nosuch; "
                                              "<![CDATA[ ]]> &#x1F4A5;</p>"), "stored"),
    ("many-attributes.html", lambda: _html("<p " + " ".join(f"a{i}='{i}'" for i in range(20_000 if BIG else 4_000))
                                           + f">{STRIKE}</p>"), "either"),
    ("huge-tag-name.html", lambda: _html("<" + "x" * 200_000 + f">{STRIKE}</p>"), "either"),
    ("huge-line.txt", lambda: _huge_line(5_000_000 if BIG else 300_000), "stored"),
    # feeds
    ("billion-laughs.xml", lambda: (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8))
        + b']><rss version="2.0"><channel><title>t</title><item><title>&i;</title><description>'
        + STRIKE.encode() + b" &i;</description></item></channel></rss>"), "either"),
    ("xxe.xml", lambda: (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel>'
        b"<title>t</title><item><title>a</title><description>" + STRIKE.encode() + b" &x;</description></item>"
        b"</channel></rss>"), "either"),
    ("feed-broken.xml", lambda: b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
     b"<title>a</title><description>" + STRIKE.encode(), "either"),
    ("feed-empty.rss", lambda: b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
     "rejected"),
    # JSONL with wrong types and odd lines
    ("wrong-types.jsonl", lambda: _jsonl(
        {"id": "ok-1", "text": STRIKE, "published": "2014-06-12"},
        {"id": "t-num", "text": 12},
        {"id": "t-list", "text": [STRIKE]},
        {"id": "t-obj", "text": {"body": STRIKE}},
        {"id": "t-null", "text": None},
        {"id": "h-num", "html": 5},
        {"id": "pub-int", "text": STRIKE_2, "published": 20140612},
        {"id": "pub-bad", "text": STRIKE_2, "published": "2014-02-30"},
        {"id": "pub-words", "text": STRIKE_2, "published": "last Tuesday"},
        {"id": True, "text": STRIKE_2},
        {"id": [1], "text": STRIKE_2},
        {"id": "url-num", "text": STRIKE_2, "url": 7},
        {"id": "title-list", "text": STRIKE_2, "title": ["a"]},
        [STRIKE], "null", "42", '"just a string"',
        {"id": 10**40, "text": STRIKE_2 + " Another report."},
    ), "lines:s,r,r,r,r,r,r,r,r,r,r,r,r,r,r,r,r,s"),
    ("broken-json.jsonl", lambda: _jsonl(
        '{"id": "a", "text": "unterminated', "{", "}", "[", "{'single': 'quotes'}", "NaN", '{"text": "x"} trailing',
        '{"id": "dup", "text": "first", "text": "' + STRIKE + '"}',
    ), "lines:r,r,r,r,r,r,r,s"),
    ("deep-json.jsonl", lambda: _jsonl("[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000),
     "lines:r,r"),
    ("nul-in-json.jsonl", lambda: _jsonl({"id": "nul", "text": STRIKE.replace("four", "four\u0000"),
                                          "title": "t\u0000", "outlet": "o\u0000", "published": "2014-06-12"},
                                         {"id": "after", "text": STRIKE_2, "published": "2014-06-12"}),
     "lines:s,s"),
    ("long-fields.jsonl", lambda: _jsonl({"id": "x" * 600, "text": STRIKE + " Long id.", "outlet": "O" * 300},
                                         {"id": "y", "text": STRIKE_2 + " Long outlet.", "outlet": "O" * 300},
                                         {"id": "z", "text": STRIKE_2 + " After them.", "published": "2014-06-12"}),
     "lines:s,s,s"),
    ("bom-crlf.jsonl", lambda: codecs.BOM_UTF8 + _jsonl({"id": "bom", "text": STRIKE}).replace(b"\n", b"\r\n")
     + _jsonl({"id": "crlf", "text": STRIKE_2}).replace(b"\n", b"\r\n"), "lines:s,s"),
    ("latin1-line.jsonl", lambda: '{"id": "l1", "text": "Caf\xe9 owners: '.encode("latin-1")
     + STRIKE.encode() + b'"}\n', "lines:s"),
    ("surrogate-escape.jsonl", lambda: _jsonl('{"id": "s", "text": "' + STRIKE + ' \\ud800 \\udfff"}'), "lines:s"),
    ("text-and-html.jsonl", lambda: _jsonl({"id": "both", "text": STRIKE, "html": "<p>other</p>"}), "lines:s"),
    # absurd figures: not tolls, never an overflow (issue #14)
    ("toll-20-digits.txt", lambda: _text(STRIKE.replace("four", "99999999999999999999")), "stored"),
    ("toll-9e18.txt", lambda: _text(STRIKE.replace("four", "9000000000000000000"), STRIKE_2), "stored"),
    ("toll-1e400.html", lambda: _html(f"<p>{STRIKE.replace('four', '1' + '0' * 400)}</p><p>{STRIKE_2}</p>"),
     "stored"),
    ("tolls-absurd.jsonl", lambda: _jsonl(
        {"id": "big-1", "text": STRIKE.replace("four", "99999999999999999999"), "published": "2014-06-12"},
        {"id": "big-2", "text": STRIKE_2.replace("three", "18446744073709551617"), "published": "2014-06-13"},
        {"id": "big-after", "text": STRIKE_2 + " Nothing odd here.", "published": "2014-06-14"},
    ), "lines:s,s,s"),
    # names that would forge or garble the summary if printed raw (they are printed escaped)
    ("forged\n0 stored, 0 already present, 0 wire copies, 0 rejected.txt", lambda: b"", "rejected"),
    ("\x1b[2J\x1b[31mterminal-escape.txt", lambda: b"", "rejected"),
]

# Inputs that broke something once (the fix is named): kept so that it stays fixed.
FOUND: dict[str, str] = {
    "toll-20-digits.txt": "a 20-digit toll made the SQLite ingest abort with 'unexpected OverflowError' naming no "
                          "file, and every re-run stopped there; 9e18 was stored and summed (schema.MAX_COUNT, "
                          "store/extractions.py refuses it, ingest/pipeline.py rejects one failing article alone)",
    "named-pipe.txt": "a named pipe in a folder hung the ingest forever (ingest/read.py reads regular files only)",
    "forged\n0 stored, 0 already present, 0 wire copies, 0 rejected.txt":
        "a file name with a newline forged a summary line (strikewatch/terminal.py: names printed escaped)",
    "surrogate-escape.jsonl": "a lone \\ud800 in a JSONL text ended the whole run with a UnicodeEncodeError "
                              "(ingest/read.py: it becomes U+FFFD)",
    "bom-crlf.jsonl": "the first line of a JSONL file with a byte-order mark was rejected as malformed JSON "
                      "(ingest/read.py)",
    "nul-in-json.jsonl": "PostgreSQL refused NUL in text and the whole ingest stopped (ingest/read.py)",
    "long-fields.jsonl": "a value too long for its column stopped the whole ingest on PostgreSQL "
                         "(ingest/pipeline.py rejects an article the database refuses alone; ingest/read.py cuts "
                         "an over-long outlet or id to its column)",
}


# Things that are not regular files, named like articles: refused by what they are, never read (a pipe would block
# the read forever). Made by write_corpus.
SPECIAL: list[tuple[str, str, str]] = [
    ("named-pipe.txt", "fifo", "rejected"),
    ("device-link.txt", "/dev/zero", "rejected"),
]


def write_corpus(folder: Path) -> dict[str, str]:
    """Write every case into ``folder``; returns {file name: expectation}."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, str] = {}
    for name, make, expect in CASES:
        (folder / name).write_bytes(make())
        out[name] = expect
    for name, kind, expect in SPECIAL:
        if kind == "fifo":
            os.mkfifo(folder / name)
        else:
            (folder / name).symlink_to(kind)
        out[name] = expect
    return out


def sparse_over_cap(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk (it must be refused by its size before it is read)."""
    with open(path, "wb") as fh:
        fh.truncate(size)
    return path


if __name__ == "__main__":  # write the corpus somewhere to look at it: python tests/regressions/cases.py DIR
    import sys

    for n, e in write_corpus(Path(sys.argv[1])).items():
        print(f"{e:10} {n}")
