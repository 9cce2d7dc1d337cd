"""Clean article text that was saved from a web page: the page's leftovers are removed, reader comments split off.

Works on text (from a .txt file, or what trafilatura returned for HTML): removes blog shortcodes such as
``[youtube]...[/youtube]``, cookie-consent banners, share/print widget lines, and splits a trailing reader-comment
thread (``7 replies`` / ``1. Name says:`` / ``Comments are closed.``) into ``comments`` so it is never read as the
article body. The raw bytes are archived untouched, so nothing removed here is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Media shortcodes are dropped with what they wrap; layout shortcodes lose only their tags.
_MEDIA_TAGS = "youtube|vimeo|video|audio|embed|gallery|tweet|twitter|instagram|soundcloud|playlist|iframe|googlemaps"
_LAYOUT_TAGS = "caption|quote|blockquote|b|i|u|url|img|dropcap|pullquote|highlight|column|one_half|one_third"
_MEDIA_RE = re.compile(rf"\[({_MEDIA_TAGS})\b[^\]]*\].*?\[/\1\]", re.IGNORECASE | re.DOTALL)
_MEDIA_SINGLE_RE = re.compile(rf"\[(?:{_MEDIA_TAGS})\b[^\]]*/?\]", re.IGNORECASE)
_LAYOUT_RE = re.compile(rf"\[/?(?:{_LAYOUT_TAGS})\b[^\]]*\]", re.IGNORECASE)

_COOKIE_WORD = re.compile(r"\bcookies?\b", re.IGNORECASE)
_CONSENT = re.compile(
    r"(?:we|this (?:web)?site|our (?:web)?sites?) (?:also )?(?:uses?|stores?|sets?) cookies|use of (?:such )?cookies"
    r"|accept (?:all )?cookies|cookie (?:policy|preferences|settings|list|consent|notice)|opt[ -]out"
    r"|your (?:browser|device|preferences|consent)|personal (?:information|data)|privacy (?:policy|settings)"
    r"|(?:strictly necessary|performance|functional|targeting|social media|advertising) cookies",
    re.IGNORECASE,
)
_CONSENT_SHORT = re.compile(
    r"^(?:x|×|close|accept|accept all|reject all|allow all|confirm my choices|save settings|manage (?:cookies|settings)"
    r"|do not sell(?: or share)? my personal information|privacy (?:policy|preference center)|back button"
    r"|search icon|filter icon|clear|always active|manage consent preferences|cookie settings)$",
    re.IGNORECASE,
)
_WIDGET_LINE = re.compile(
    r"^(?:share(?: this(?: article| story)?)?:?|tweet|email|print|image_print|print this page|share on (?:facebook|"
    r"twitter|x|linkedin|whatsapp|reddit)|facebook|twitter|linkedin|whatsapp|pinterest|reddit|copy link|"
    r"like this:?|loading\.\.\.|related|advertisement|skip to (?:main )?content|read more|continue reading)$",
    re.IGNORECASE,
)
_REPLIES_HEADER = re.compile(
    r"^\s*(?:\d+|one|two|three|no)\s+(?:repl(?:y|ies)|comments?|responses?|thoughts? on\b.*)(?:\s+to\b.*)?:?\s*$"
    r"|^\s*(?:leave a (?:reply|comment)|comments?|reader comments|join the discussion|discussion)\s*:?\s*$",
    re.IGNORECASE,
)
_COMMENT_AUTHOR = re.compile(r"^\s*(?:\d+\.\s+)?\S.{0,60}?\s+(?:says|said|wrote|writes):\s*$", re.IGNORECASE)
_FIRST_COMMENT = re.compile(r"^\s*1\.\s+\S.{0,60}?\s+(?:says|said|wrote|writes):\s*$", re.IGNORECASE)
_COMMENTS_CLOSED = re.compile(r"^\s*comments are closed\.?\s*$", re.IGNORECASE)
_MULTI_BLANK = re.compile(r"\n{3,}")
_TRAILING_WS = re.compile(r"[ \t]+\n")


@dataclass(frozen=True, slots=True)
class CleanText:
    body: str
    comments: str | None


def strip_shortcodes(text: str) -> str:
    """Remove blog shortcodes: media embeds with their content, layout tags keeping their content."""
    text = _MEDIA_RE.sub("", text)
    text = _MEDIA_SINGLE_RE.sub("", text)
    return _LAYOUT_RE.sub("", text)


def _is_cookie_block(par: str) -> bool:
    if not _COOKIE_WORD.search(par) and not _CONSENT.search(par):
        return False
    n_words = len(par.split())
    return n_words <= 8 or _CONSENT.search(par) is not None


def _paragraphs(text: str) -> list[str]:
    return re.split(r"\n[ \t]*\n", text)


def remove_page_chrome(text: str) -> str:
    """Drop cookie-consent paragraphs, their button lines and share-widget lines."""
    lines = text.split("\n")
    keep = [not _WIDGET_LINE.match(line.strip()) for line in lines]
    text = "\n".join(line for line, k in zip(lines, keep, strict=True) if k)
    pars = _paragraphs(text)
    drop = [False] * len(pars)
    for i, par in enumerate(pars):
        flat = " ".join(par.split())
        if flat and _is_cookie_block(flat):
            drop[i] = True
    # Next to a dropped banner: its buttons ("X", "Accept Cookies", "Do Not Sell ...") and more about cookies.
    changed = True
    while changed:
        changed = False
        for i, par in enumerate(pars):
            if drop[i]:
                continue
            near = (i > 0 and drop[i - 1]) or (i + 1 < len(pars) and drop[i + 1])
            flat = " ".join(par.split())
            if near and (_CONSENT_SHORT.match(flat) or _COOKIE_WORD.search(flat)):
                drop[i] = changed = True
    # Inside a paragraph: lone consent lines ("X" followed by a banner sentence).
    out = []
    for par, d in zip(pars, drop, strict=True):
        if d:
            continue
        plines = par.split("\n")
        if len(plines) > 1:
            plines = [ln for ln in plines if not (_CONSENT_SHORT.match(ln.strip()) and len(ln.strip()) > 1)]
            plines = [ln for ln in plines if not _is_cookie_block(" ".join(ln.split())) or len(ln.split()) > 60]
        out.append("\n".join(plines))
    return "\n\n".join(p for p in out if p.strip())


def split_comments(text: str) -> CleanText:
    """Split a trailing reader-comment thread off the article body (None when there is none)."""
    lines = text.split("\n")
    n = len(lines)
    for i, line in enumerate(lines):
        if i < 3:
            continue
        start: int | None = None
        if _REPLIES_HEADER.match(line):
            # a header counts only when a comment author line or "comments are closed" follows soon
            following = [ln for ln in lines[i + 1 : i + 8] if ln.strip()]
            if following and (_COMMENT_AUTHOR.match(following[0]) or _COMMENTS_CLOSED.match(following[0])):
                start = i
        elif _FIRST_COMMENT.match(line) or (_COMMENTS_CLOSED.match(line) and i >= n - 3):
            start = i
        if start is not None:
            body = "\n".join(lines[:start])
            comments = "\n".join(lines[start:])
            return CleanText(tidy(body), tidy(comments) or None)
    return CleanText(tidy(text), None)


def tidy(text: str) -> str:
    """Trailing spaces off, at most one blank line in a row, no leading/trailing blank lines."""
    text = _TRAILING_WS.sub("\n", text)
    text = _MULTI_BLANK.sub("\n\n", text)
    return text.strip()


def clean_text(text: str, comments: str | None = None) -> CleanText:
    """Full cleanup of page text; ``comments`` already found elsewhere (trafilatura) are kept apart as well."""
    text = strip_shortcodes(text)
    text = drop_repeated_paragraphs(remove_page_chrome(text))
    split = split_comments(text)
    parts = [c for c in (split.comments, tidy(remove_page_chrome(comments)) if comments else None) if c]
    return CleanText(split.body, "\n\n".join(parts) if parts else None)


_TITLE_SKIP = re.compile(
    r"^(?:this (?:story|article) is (?:over|more than) \d+ \w+ old\.?|advertisement|breaking news|updated?:?.*"
    r"|by [\w .'-]{2,60}|posted (?:on|by) .*|published .*)$",
    re.IGNORECASE,
)


def guess_title(text: str) -> str | None:
    """The headline of plain text saved from a page: an early short line that is not a sentence."""
    for line in [ln.strip() for ln in text.split("\n") if ln.strip()][:6]:
        if _TITLE_SKIP.match(line):
            continue
        if (
            len(line) <= 160
            and not line.endswith((".", ",", ";", ":", "?\"", ".\"", ".”"))
            and ". " not in line
            and len(line.split()) >= 2
        ):
            return line
    return None


def drop_repeated_paragraphs(text: str) -> str:
    """Second and later copies of a paragraph (photo captions shown twice, pull quotes) are removed."""
    seen: set[str] = set()
    out = []
    for par in _paragraphs(text):
        key = " ".join(par.split())
        if len(key) >= 30 and key in seen:
            continue
        seen.add(key)
        out.append(par)
    return "\n\n".join(out)
