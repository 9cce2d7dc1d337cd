"""Reading inputs into ``ArticleIn``: pure functions (no database), safe to run in worker processes.

``expand_sources`` turns command-line SOURCE arguments into a sorted, deterministic list of ``Input``s (folders
are walked recursively); ``read_input`` reads one input and yields an ``ArticleIn`` per article it holds, or a
``Rejected`` naming the input (file, ``file.jsonl:LINE``, URL, feed item) and the reason.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from strikewatch.ingest.cleanup import clean_text, guess_title
from strikewatch.ingest.decode import _CONTROL_RE, DecodeError, decode_bytes
from strikewatch.ingest.fetch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    PAGE_TYPES,
    Fetched,
    FetchError,
    FetchPolicy,
    FetchRequest,
    fetch,
    fetch_iter,
)
from strikewatch.ingest.html import (
    NoArticleText,
    declared_charset,
    fragment_text,
    host_outlet,
    parse_html,
)
from strikewatch.ingest.pubdate import date_from_url, published_line
from strikewatch.ingest.pubdate import dateline as dateline_date
from strikewatch.schema import ArticleIn, PublishedBasis

Kind = Literal["text", "html", "jsonl", "feed", "url", "auto"]
_EXT_KIND: dict[str, Kind] = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}  # fmt: skip
_FEED_SNIFF = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|p|div)\b", re.IGNORECASE)
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_TEASER_END = ("…", "...", "[…]", "[...]", "Read more", "read more", "Continue reading", "continue reading")
MIN_FEED_TEXT = 500  # a feed item's own text shorter than this (or ending in "…") is a teaser: fetch the link


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to read: a local file or a URL."""

    location: str
    kind: Kind


@dataclass(frozen=True, slots=True)
class Rejected:
    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Skipped:
    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Settings for reading; plain data so it pickles to worker processes."""

    published: dt.date | None = None  # --published: date for inputs that carry none of their own
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT  # seconds of network time per url (all redirect hops and the body)
    allow_hosts: tuple[str, ...] = ()  # --allow-host: where links found in fetched content may also go
    # (feed source, items done, items) as a feed's items are read; not pickled to workers (None there)
    on_items: Callable[[str, int, int], None] | None = field(default=None, compare=False)

    def fetch_policy(self) -> FetchPolicy:
        return FetchPolicy(allow=self.allow_hosts, max_bytes=self.max_bytes, timeout=self.timeout)


@dataclass(slots=True)
class Expanded:
    inputs: list[Input] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def expand_sources(sources: Sequence[str]) -> Expanded:
    """SOURCE arguments -> inputs in a deterministic order; folders recursively, hidden files left out."""
    out = Expanded()
    seen: set[str] = set()

    def add(inp: Input) -> None:
        if inp.location not in seen:
            seen.add(inp.location)
            out.inputs.append(inp)

    for src in sources:
        if is_url(src):
            add(Input(src, "url"))
            continue
        path = Path(src)
        if not path.exists():
            if re.match(r"^[a-z][a-z0-9+.-]*://", src, re.IGNORECASE):
                out.rejected.append(Rejected(src, "unsupported URL scheme (only http:// and https://)"))
            else:
                out.rejected.append(Rejected(src, "no such file or folder"))
            continue
        if path.is_dir():
            for file in _walk(path):
                odd = _not_regular(file)
                kind = _EXT_KIND.get(file.suffix.lower())
                if odd:  # a named pipe would block the read forever, a device never end
                    out.skipped.append(Skipped(str(file), odd))
                elif kind is None:
                    out.skipped.append(Skipped(str(file), "not a supported file type"))
                else:
                    add(Input(str(file), kind))
        elif path.is_file():
            add(Input(str(path), _EXT_KIND.get(path.suffix.lower(), "auto")))
        else:
            out.rejected.append(Rejected(src, _not_regular(path) or "not a regular file"))
    return out


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a file"


def _not_regular(path: Path) -> str | None:
    """Why ``path`` (symbolic links followed) is not read — "not a regular file (a named pipe)" — or None."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    return None if stat.S_ISREG(mode) else f"not a regular file ({_file_kind(mode)})"


def open_regular(path: Path) -> tuple[int, int]:
    """Open ``path`` for reading without ever blocking (``O_NONBLOCK``: a named pipe put in its place since the
    folder was listed does not hang the run) and make sure, on the open file itself, that it is a regular file.
    Returns ``(fd, size)``; raises ``OSError`` (the caller rejects the input with its reason)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(f"not a regular file ({_file_kind(st.st_mode)})")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd, st.st_size


def _walk(root: Path) -> list[Path]:
    files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        files.extend(Path(dirpath) / f for f in sorted(filenames) if not f.startswith((".", "~")))
    return sorted(files, key=lambda p: p.relative_to(root).parts)


def read_input(inp: Input, opts: ReadOptions) -> Iterator[ArticleIn | Rejected]:
    """Every article in one input, or a ``Rejected`` for each part that cannot be read. Never raises."""
    try:
        if inp.kind == "url":
            items = _read_url(inp.location, opts)
        elif inp.kind == "jsonl":
            items = _read_jsonl(Path(inp.location), opts)
        else:
            items = _read_file(Path(inp.location), inp.kind, opts)
        for item in items:
            yield _storable(item) if isinstance(item, ArticleIn) else item
    except Exception as exc:  # a bug or an odd input must not stop the run or lose the other inputs
        yield Rejected(inp.location, f"unexpected {type(exc).__name__}: {exc}")


_TEXT_FIELDS = ("text", "source", "external_id", "title", "url", "outlet", "comments")


def _storable(art: ArticleIn) -> ArticleIn | Rejected:
    """Text fields as every database can store them: no NUL or other control characters (a feed's XML or a
    JSON escape can carry them past the decoder), no lone surrogates."""
    for name in _TEXT_FIELDS:
        v = getattr(art, name)
        if v is not None and (_CONTROL_RE.search(v) or _SURROGATE_RE.search(v)):
            setattr(art, name, _SURROGATE_RE.sub("\ufffd", _CONTROL_RE.sub("", v)))
    if not art.text.strip():
        return Rejected(art.source, "no article text")
    for name, limit in _LIMITS.items():  # metadata longer than its column is cut, not the whole article lost
        v = getattr(art, name)
        if v is not None and len(v) > limit:
            setattr(art, name, v[: limit - 1] + "…")
    return art


_LIMITS = {"outlet": 256, "external_id": 512}  # the String lengths of these columns in db/tables.py


def mb(n: int) -> str:
    """Bytes in the unit of ``--max-size`` (MB of 1,048,576 bytes, so the 20 MB default reads "20.0 MB")."""
    return f"{n / 1048576:.1f} MB"


def _size_error(size: int, limit: int) -> str:
    return f"too large: {mb(size)} (limit {mb(limit)}; see --max-size)"


def _read_file(path: Path, kind: Kind, opts: ReadOptions) -> Iterator[ArticleIn | Rejected]:
    src = str(path)
    try:
        fd, size = open_regular(path)
        with os.fdopen(fd, "rb") as fh:
            if size > opts.max_bytes:
                yield Rejected(src, _size_error(size, opts.max_bytes))
                return
            data = fh.read(opts.max_bytes + 1)
        if len(data) > opts.max_bytes:  # grew since it was listed
            yield Rejected(src, _size_error(len(data), opts.max_bytes))
            return
    except OSError as exc:
        yield Rejected(src, f"cannot read: {exc.strerror or exc}")
        return
    if kind == "auto":
        kind = sniff_kind(data)
    if kind == "feed":
        yield from _read_feed(data, src, opts, listed_by=None)
    elif kind == "html":
        yield _html_article(data, src, None, opts)
    elif kind == "jsonl":
        yield from _read_jsonl(path, opts)
    else:
        yield _text_article(data, src, opts)


def sniff_kind(data: bytes, content_type: str = "") -> Kind:
    """What a file or HTTP body is when its name does not say: feed, HTML or plain text."""
    head = data[:2048].lstrip()
    ct = content_type.lower()
    if "rss" in ct or "atom" in ct or (("xml" in ct or head.startswith(b"<?xml")) and _FEED_SNIFF.search(head)):
        return "feed"
    if _FEED_SNIFF.search(head[:512]) and head.startswith(b"<"):
        return "feed"
    if "html" in ct or (head.startswith(b"<") and _HTML_SNIFF.search(head)):
        return "html"
    if ct in ("application/json", "application/x-ndjson", "application/jsonl"):
        return "jsonl"
    return "text"


def _published(
    own: list[tuple[dt.date | None, PublishedBasis]], opts: ReadOptions
) -> tuple[dt.date | None, PublishedBasis]:
    """The first date the input itself gives, else ``--published``, else unknown."""
    for date, basis in own:
        if date is not None:
            return date, basis
    if opts.published is not None:
        return opts.published, "cli"
    return None, "unknown"


DateCandidates = list[tuple[dt.date | None, PublishedBasis]]


def own_dates(body: str, url: str | None, given: Sequence[tuple[dt.date | None, PublishedBasis]] = ()
              ) -> DateCandidates:
    """Every publication date an input gives, best first: what its format states (``given``: a JSONL field, a feed
    item's date, the page's metadata), a published/updated line in the text, a date in the URL path, the
    dateline. One list for every reader, so each kind of input finds the same dates."""
    line = published_line(body)
    dl = dateline_date(body)
    return [
        *given,
        (line.date if line else None, "published-line"),
        (date_from_url(url), "url"),
        (dl.date if dl else None, "dateline"),
    ]


def _text_article(data: bytes, src: str, opts: ReadOptions, url: str | None = None) -> ArticleIn | Rejected:
    try:
        text, _how = decode_bytes(data)
    except DecodeError as exc:
        return Rejected(src, str(exc))
    cleaned = clean_text(text)
    if not cleaned.body:
        return Rejected(src, "no article text")
    published, basis = _published(own_dates(cleaned.body, url), opts)
    return ArticleIn(
        raw=data,
        text=cleaned.body,
        source=src,
        content_type="text/plain",
        title=guess_title(cleaned.body),
        url=url,
        outlet=host_outlet(url),
        published=published,
        published_basis=basis,
        comments=cleaned.comments,
    )


def _html_article(
    data: bytes,
    src: str,
    url: str | None,
    opts: ReadOptions,
    charset: str | None = None,
    extra_dates: list[tuple[dt.date | None, PublishedBasis]] | None = None,
) -> ArticleIn | Rejected:
    try:
        html, _how = decode_bytes(data, declared=charset or declared_charset(data))
    except DecodeError as exc:
        return Rejected(src, str(exc))
    try:
        page = parse_html(html, url=url)
    except NoArticleText as exc:
        return Rejected(src, str(exc))
    published, basis = _published(own_dates(page.body, page.url, [*(extra_dates or []), (page.published, "html-meta")]),
                                  opts)
    return ArticleIn(
        raw=data,
        text=page.body,
        source=src,
        content_type="text/html",
        title=page.title or guess_title(page.body),
        url=page.url,
        outlet=page.outlet or host_outlet(page.url),
        published=published,
        published_basis=basis,
        comments=page.comments,
    )


# --- JSONL -----------------------------------------------------------------------------------------------------


def _read_jsonl(path: Path, opts: ReadOptions) -> Iterator[ArticleIn | Rejected]:
    for item in jsonl_lines(path, opts):
        yield item if isinstance(item, Rejected) else jsonl_article(item[1], item[0], opts)


def jsonl_lines(path: Path, opts: ReadOptions) -> Iterator[tuple[str, bytes] | Rejected]:
    """The non-blank lines of a JSONL file as ``(where, raw bytes)``, streamed ("file.jsonl:LINE"; the line
    break removed). An over-long line is rejected alone, the following lines are still read; a file without
    any line is rejected as empty. The scaled ingest ships these lines to workers unparsed."""
    src = str(path)
    try:
        fd, _size = open_regular(path)
        fh = os.fdopen(fd, "rb")
    except OSError as exc:
        yield Rejected(src, f"cannot read: {exc.strerror or exc}")
        return
    n_lines = 0
    with fh:
        lineno = 0
        while True:
            line = fh.readline(opts.max_bytes + 1)
            if not line:
                break
            lineno += 1
            where = f"{src}:{lineno}"
            if len(line) > opts.max_bytes and not line.endswith(b"\n"):
                # the rest of this over-long line is skipped, the following lines are still read
                while line and not line.endswith(b"\n"):
                    line = fh.readline(1 << 20)
                yield Rejected(where, f"line too large (limit {mb(opts.max_bytes)}; see --max-size)")
                continue
            raw = line.rstrip(b"\r\n")
            if not raw.strip():
                continue
            n_lines += 1
            yield where, raw
    if n_lines == 0:
        yield Rejected(src, "empty")


def jsonl_article(raw: bytes, where: str, opts: ReadOptions) -> ArticleIn | Rejected:
    """One JSONL line (``id``, ``text`` or ``html``, ``url``, ``published``, ``title``, ``outlet``)."""
    try:
        line = raw.decode("utf-8").removeprefix("\ufeff")  # a byte-order mark starts many files made on Windows
    except UnicodeDecodeError:
        try:
            line, _ = decode_bytes(raw)
        except DecodeError as exc:
            return Rejected(where, str(exc))
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Rejected(where, f"malformed JSON: {exc.msg} (column {exc.colno})")  # msg may end in "at"
    except RecursionError:
        return Rejected(where, "malformed JSON: nested too deeply")
    if not isinstance(obj, dict):
        return Rejected(where, f"not a JSON object but {_json_type(obj)}")
    # "\u0000" and other control characters decode from JSON as they do not from a file: drop them the same way
    # (PostgreSQL cannot store NUL in text, and one such line used to abort the whole run); a lone "\ud800"
    # cannot be encoded at all: it becomes U+FFFD
    obj = {k: _SURROGATE_RE.sub("\ufffd", _CONTROL_RE.sub("", v)) if isinstance(v, str) else v
           for k, v in obj.items()}
    problem = _jsonl_problem(obj)
    if problem:
        return Rejected(where, problem)
    ext_id = obj.get("id")
    url = obj.get("url") or None
    published: dt.date | None = None
    if obj.get("published"):
        published = dt.date.fromisoformat(obj["published"])
    own: list[tuple[dt.date | None, PublishedBasis]] = [(published, "jsonl")]
    if isinstance(obj.get("text"), str) and obj["text"].strip():
        cleaned = clean_text(obj["text"].replace("\r\n", "\n"))
        if not cleaned.body:
            return Rejected(where, "no article text")
        date, basis = _published(own_dates(cleaned.body, url, own), opts)
        return ArticleIn(
            raw=raw,
            text=cleaned.body,
            source=where,
            content_type="application/json",
            external_id=None if ext_id is None else str(ext_id),
            title=obj.get("title") or guess_title(cleaned.body),
            url=url,
            outlet=obj.get("outlet") or host_outlet(url),
            published=date,
            published_basis=basis,
            comments=cleaned.comments,
        )
    art = _html_article(obj["html"].encode("utf-8"), where, url, opts, charset="utf-8", extra_dates=own)
    if isinstance(art, Rejected):
        return art
    art.raw = raw
    art.content_type = "application/json"
    art.external_id = None if ext_id is None else str(ext_id)
    art.url = url or art.url
    art.title = obj.get("title") or art.title
    art.outlet = obj.get("outlet") or art.outlet
    return art


def _json_type(v: Any) -> str:
    return {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}.get(
        type(v), "null"
    )


def _jsonl_problem(obj: dict[str, Any]) -> str | None:
    text, html = obj.get("text"), obj.get("html")
    if text is None and html is None:
        return "has neither \"text\" nor \"html\""
    for key in ("text", "html"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return f"\"{key}\" is {_json_type(obj[key])}, not a string"
    if not ((text or "").strip() or (html or "").strip()):
        return "empty \"text\"" if text is not None else "empty \"html\""
    for key in ("url", "title", "outlet"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return f"\"{key}\" is {_json_type(obj[key])}, not a string"
    if obj.get("id") is not None and (not isinstance(obj["id"], str | int) or isinstance(obj["id"], bool)):
        return f"\"id\" is {_json_type(obj['id'])}, not a string or number"
    pub = obj.get("published")
    if pub is not None and pub != "":
        if not isinstance(pub, str) or not _DATE_RE.match(pub):
            return f"\"published\" must be YYYY-MM-DD, got {json.dumps(pub)[:40]}"
        try:
            dt.date.fromisoformat(pub)
        except ValueError:
            return f"\"published\" is not a real date: {pub}"
    return None


# --- URLs and feeds --------------------------------------------------------------------------------------------


def _read_url(url: str, opts: ReadOptions) -> Iterator[ArticleIn | Rejected]:
    """A url the operator named: fetched as named; the links of a feed found there go through the fetch policy
    (public addresses, this url's host, ``--allow-host``)."""
    try:
        got = fetch(url, named=True, policy=opts.fetch_policy())
    except FetchError as exc:
        yield Rejected(url, str(exc))
        return
    kind = sniff_kind(got.data, got.content_type)
    if kind == "feed":
        yield from _read_feed(got.data, url, opts, listed_by=url)
    elif kind == "html":
        yield _html_article(got.data, url, got.url, opts, charset=got.charset)
    elif got.content_type and not got.content_type.startswith("text/") and got.content_type not in (
        "application/xml",
        "application/xhtml+xml",
    ):
        yield Rejected(url, f"unsupported content type {got.content_type}")
    else:
        yield _text_article(got.data, url, opts, url=got.url)


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        tm = entry.get(key)
        if tm:
            try:
                return dt.date(tm.tm_year, tm.tm_mon, tm.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def _read_feed(data: bytes, src: str, opts: ReadOptions, listed_by: str | None) -> Iterator[ArticleIn | Rejected]:
    """The items of a feed. Teasers' links are fetched concurrently (``fetch_iter``: bounded per host and in
    all, a deadline per link) as links found in content: only to public addresses, to ``listed_by``'s host (the
    url the operator named; None for a feed read from a file) or to ``--allow-host``. Items come out in feed
    order; one item that fails is rejected alone."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") and not parsed.get("feed"):
            exc = parsed.get("bozo_exception")
            yield Rejected(src, f"not a valid RSS/Atom feed: {str(exc).splitlines()[0] if exc else 'unreadable'}")
        else:
            yield Rejected(src, "feed has no items")
        return
    outlet = (parsed.get("feed") or {}).get("title") or None
    items: list[_FeedItem | Rejected] = []
    for i, entry in enumerate(entries, 1):
        try:
            items.append(_feed_item(entry, i, src, outlet))
        except Exception as exc:  # one odd item must not lose the others
            items.append(Rejected(f"{src} item {i}", f"unexpected {type(exc).__name__}: {exc}"))
    links = (
        FetchRequest(it.link or "", listed_by=listed_by, accept=PAGE_TYPES)
        for it in items
        if isinstance(it, _FeedItem) and it.link_needed
    )
    results = fetch_iter(links, opts.fetch_policy())
    try:
        for n, it in enumerate(items, 1):
            if isinstance(it, Rejected):
                yield it
            else:
                got = next(results)[1] if it.link_needed else None
                try:
                    yield _feed_article(it, got, opts)
                except Exception as exc:
                    yield Rejected(it.where, f"unexpected {type(exc).__name__}: {exc}")
            if opts.on_items:
                opts.on_items(src, n, len(items))
    finally:
        results.close()


@dataclass(slots=True)
class _FeedItem:
    where: str
    link: str | None
    link_needed: bool  # a teaser or no text of its own: read the linked page
    title: str | None
    own_html: str
    own_text: str
    item_date: dt.date | None
    outlet: str | None
    record: dict[str, Any]


def _feed_item(entry: Any, i: int, feed_src: str, outlet: str | None) -> _FeedItem:
    link = entry.get("link") or None
    where = f"{feed_src} item {i}" + (f" ({link})" if link else "")
    content_html = None
    for c in entry.get("content") or []:
        if c.get("value"):
            content_html = c["value"]
            break
    summary = entry.get("summary") or None
    own_html = content_html or summary or ""
    own_text = fragment_text(own_html) if own_html else ""
    title = entry.get("title") or None
    teaser = not content_html and (len(own_text) < MIN_FEED_TEXT or own_text.rstrip().endswith(_TEASER_END))
    record = {
        "feed": feed_src,
        "id": entry.get("id"),
        "link": link,
        "title": title,
        "published": entry.get("published") or entry.get("updated"),
        "content": own_html,
    }
    return _FeedItem(where, link, bool((not own_text or teaser) and link and is_url(link)), title, own_html,
                     own_text, _entry_date(entry), outlet, record)


def _feed_article(it: _FeedItem, got: Fetched | FetchError | None, opts: ReadOptions) -> ArticleIn | Rejected:
    """The linked page when it was fetched and holds an article, else the item's own text."""
    fetch_error: str | None = None
    if isinstance(got, FetchError):
        fetch_error = str(got)
    elif got is not None:
        if sniff_kind(got.data, got.content_type) == "html":
            art = _html_article(got.data, it.where, got.url, opts, charset=got.charset,
                                extra_dates=[(it.item_date, "feed")])
        else:
            art = _text_article(got.data, it.where, opts, url=got.url)
            if isinstance(art, ArticleIn) and it.item_date:
                art.published, art.published_basis = it.item_date, "feed"
        if isinstance(art, ArticleIn):
            art.title = art.title or it.title
            art.outlet = art.outlet or it.outlet
            return art
        fetch_error = art.reason
    cleaned = clean_text(it.own_text) if it.own_text else None
    if cleaned is None or not cleaned.body:
        reason = "item has no text" + (f" and its link failed: {fetch_error}" if fetch_error else "")
        return Rejected(it.where, reason)
    raw = json.dumps(it.record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    published, basis = _published(own_dates(cleaned.body, it.link, [(it.item_date, "feed")]), opts)
    return ArticleIn(
        raw=raw,
        text=cleaned.body,
        source=it.where,
        content_type="application/json",
        external_id=it.record["id"] or None,
        title=it.title or guess_title(cleaned.body),
        url=it.link,
        outlet=it.outlet or host_outlet(it.link),
        published=published,
        published_basis=basis,
        comments=cleaned.comments,
    )
