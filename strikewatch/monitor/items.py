"""What a source holds, as candidate items with keys: pure functions of fetched bytes or a folder listing.

An item's key is the sha256 of what identifies it *for people*: a feed item's link, title and own text (not its
guid or dates — a feed that hands out new ids on every request, or re-stamps its items, lists nothing new); a
sitemap entry's url and last-modified day; a page's url and text; a file's path, size and modification time.
An item whose key the source has handled before is not read again; an item whose text changed is a new item
(the record firms up as reports are revised), and the archive still stores a re-read article only once.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from xml.etree import ElementTree as ET

from strikewatch.ingest.read import Input

ItemKind = Literal["feed", "page", "file"]
_SITEMAP_SNIFF = re.compile(rb"<(?:[a-z0-9]+:)?(?:urlset|sitemapindex)\b", re.IGNORECASE)
_EXT_OK = (".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".jsonl", ".ndjson", ".rss", ".atom", ".xml")
MAX_SITEMAP_URLS = 50_000  # the sitemap protocol's own limit per file
MAX_CHILD_SITEMAPS = 5  # newest child sitemaps of an index read per poll


def key_of(*parts: str | int | None) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(b"\x1f" + ("" if p is None else str(p)).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@dataclass(slots=True)
class Candidate:
    key: str
    kind: ItemKind
    where: str  # shown in logs and stored as the article's source
    link: str | None = None  # the page to fetch (sitemap url, a teaser's link), or the file path
    feed_item: Any = None  # strikewatch.ingest.read._FeedItem
    modified: str | None = None  # sitemap lastmod


def sniff_source(data: bytes, content_type: str) -> Literal["feed", "sitemap", "page"]:
    from strikewatch.ingest.read import sniff_kind

    head = data[:4096].lstrip()
    if _SITEMAP_SNIFF.search(head):
        return "sitemap"
    return "feed" if sniff_kind(data, content_type) == "feed" else "page"


# --- feeds -----------------------------------------------------------------------------------------------------


def feed_candidates(data: bytes, src: str) -> tuple[list[Candidate], str | None]:
    """The items of a feed, oldest first (feeds list the newest first), and a problem when the feed cannot be
    read at all ("not a valid RSS/Atom feed: ...")."""
    import feedparser

    from strikewatch.ingest.read import _feed_item

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):  # malformed, and nothing could be read from it
            exc = parsed.get("bozo_exception")
            return [], f"not a valid RSS/Atom feed: {str(exc).splitlines()[0] if exc else 'unreadable'}"
        return [], None  # a valid feed with no items yet
    outlet = (parsed.get("feed") or {}).get("title") or None
    out: list[Candidate] = []
    seen: set[str] = set()
    n = len(entries)
    for i, entry in enumerate(reversed(entries)):
        it = _feed_item(entry, n - i, src, outlet)
        key = key_of("feed", it.link, it.title, it.own_html)
        if key in seen:  # the same item twice in one feed
            continue
        seen.add(key)
        out.append(Candidate(key, "feed", it.where, it.link, feed_item=it))
    return out, None


# --- sitemaps --------------------------------------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def sitemap_entries(data: bytes) -> tuple[list[tuple[str, str | None]], list[tuple[str, str | None]], str | None]:
    """(pages, child sitemaps, problem): each as (loc, lastmod). A sitemap index lists child sitemaps."""
    if b"<!ENTITY" in data[:4096].upper():
        return [], [], "sitemap with entity declarations is not read"
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [], [], f"not a valid sitemap: {exc}"
    pages: list[tuple[str, str | None]] = []
    children: list[tuple[str, str | None]] = []
    kind = _local(root.tag)
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        loc = mod = None
        for field in node:
            name = _local(field.tag)
            if name == "loc" and field.text:
                loc = field.text.strip()
            elif name == "lastmod" and field.text:
                mod = field.text.strip()
        if not loc or not re.match(r"^https?://", loc, re.IGNORECASE):
            continue
        (children if kind == "sitemapindex" else pages).append((loc, mod))
        if len(pages) >= MAX_SITEMAP_URLS:
            break
    if kind not in ("urlset", "sitemapindex"):
        return [], [], "not a sitemap (no <urlset> or <sitemapindex>)"
    children.sort(key=lambda c: c[1] or "", reverse=True)
    return pages, children[:MAX_CHILD_SITEMAPS], None


def sitemap_candidates(pages: list[tuple[str, str | None]], src: str) -> list[Candidate]:
    """Pages of a sitemap, oldest first by lastmod (undated ones in the sitemap's order, first)."""
    order = sorted(range(len(pages)), key=lambda i: (pages[i][1] or "", i))
    out = []
    for i in order:
        loc, mod = pages[i]
        day = (mod or "")[:10] or None
        out.append(Candidate(key_of("page", loc, day), "page", f"{src} ({loc})", loc, modified=mod))
    return out


# --- pages and folders -----------------------------------------------------------------------------------------


def page_key(url: str, text_sha: str) -> str:
    return key_of("page-text", url, text_sha)


def folder_candidates(root: str) -> Iterator[Candidate]:
    """Files of a folder (recursively, hidden ones left out, supported types only), in path order."""
    base = Path(root)
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith((".", "~")) or not name.lower().endswith(_EXT_OK):
                continue
            path = Path(dirpath) / name
            try:
                st = path.stat()
            except OSError:
                continue
            rel = str(path.relative_to(base))
            yield Candidate(key_of("file", rel, st.st_size, st.st_mtime_ns), "file", str(path), str(path))


def folder_input(path: str) -> Input:
    from strikewatch.ingest.read import expand_sources

    got = expand_sources([path])
    return got.inputs[0] if got.inputs else Input(path, "auto")
