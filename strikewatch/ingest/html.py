"""HTML pages to article text with trafilatura: body without page chrome, reader comments apart, metadata."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from strikewatch.ingest.cleanup import clean_text

_CHARSET_META = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_INCOMPATIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BLOCK_TAGS = (
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "section", "article", "br",
)  # fmt: skip


@dataclass(slots=True)
class HtmlArticle:
    body: str
    comments: str | None
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None


_DOC_FIELDS = ("text", "comments", "title", "sitename", "url", "date")


class NoArticleText(ValueError):
    """The page has no readable article text."""


def declared_charset(data: bytes) -> str | None:
    """The encoding a page names in its <meta charset> (first 4 KB), if any."""
    m = _CHARSET_META.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def host_outlet(url: str | None) -> str | None:
    """A stand-in outlet name from a URL's host (``www.dawn.com`` -> ``dawn.com``)."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    host = host.removeprefix("www.")
    return host or None


def _paragraphs(text: str) -> str:
    """trafilatura separates blocks by one newline; we separate paragraphs by a blank line."""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed item's content), one block element per paragraph."""
    import lxml.html
    from lxml import etree

    html = _XML_INCOMPATIBLE.sub("", html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath(".//script|.//style|.//noscript|.//iframe|.//form"):
        bad.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n\n" + (el.text or "")
    text = root.text_content()
    text = re.sub(r"[ \t\xa0]+", " ", text)
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_html(html: str, url: str | None = None) -> HtmlArticle:
    """Reduce a page to its article. Raises :class:`NoArticleText` when nothing readable is left.

    trafilatura reads the page's date metadata with htmldate, and its justext imports lxml.html.clean (the
    lxml_html_clean package): both are declared dependencies, so a plain ``pip install`` reads HTML."""
    import trafilatura

    html = _XML_INCOMPATIBLE.sub(" ", html)  # lxml refuses control characters
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=True,
            include_tables=True,
            with_metadata=True,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # trafilatura raises assorted errors on pathological markup; fall back below
        doc = None
    body = comments = title = outlet = page_url = None
    published = None
    if doc is not None:
        # trafilatura 2 returns a Document, 1.x a dict
        fields = doc if isinstance(doc, dict) else {k: getattr(doc, k, None) for k in _DOC_FIELDS}
        body = fields.get("text")
        comments = fields.get("comments")
        title = fields.get("title")
        outlet = fields.get("sitename")
        page_url = fields.get("url")
        published = _parse_date(fields.get("date"))
    if not body or not body.strip():
        body = _fallback_text(html)
    if not body or not body.strip():
        raise NoArticleText("no article text found in the HTML")
    cleaned = clean_text(_paragraphs(body), _paragraphs(comments) if comments else None)
    if not cleaned.body:
        raise NoArticleText("no article text found in the HTML")
    page_url = page_url or url
    if page_url and not page_url.startswith(("http://", "https://")):
        page_url = url
    return HtmlArticle(
        body=cleaned.body,
        comments=cleaned.comments,
        title=(title or "").strip() or None,
        outlet=(outlet or "").strip() or None,
        url=page_url,
        published=published,
    )


def _fallback_text(html: str) -> str:
    """Text of the page's paragraphs when trafilatura finds no main content (tiny or broken pages)."""
    import lxml.html
    from lxml import etree

    html = _XML_INCOMPATIBLE.sub(" ", html)
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath(
        "//script|//style|//noscript|//nav|//header|//footer|//form|//aside|//iframe"
        "|//*[contains(@class,'cookie') or contains(@id,'cookie') or contains(@class,'share')"
        " or contains(@class,'comment') or contains(@id,'comment')]"
    ):
        if bad.getparent() is not None:
            bad.drop_tree()
    body = root.find("body")
    if body is None:
        return ""
    return fragment_text(lxml.html.tostring(body, encoding="unicode"))
