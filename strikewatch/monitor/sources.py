"""Sources as configuration in the database: every process (watchers, the web app, the CLI) sees the same list.

A source is an RSS/Atom feed, a sitemap, a page or a local folder, with its own polling interval and tags.
``kind`` may be left ``auto``: the first poll decides from what the url returns (feed, sitemap or page).
OPML import/export carries url, name, interval, kind and tags (``every``, ``kind`` and ``tags`` as plain
outline attributes, the way feed readers keep their own extras; a category becomes tags).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from strikewatch.db.tables import Source, SourceItem
from strikewatch.errors import UserError

KINDS = ("auto", "feed", "sitemap", "page", "folder")
DEFAULT_EVERY = 15 * 60
MIN_EVERY = 1  # seconds; anything under a minute is for tests and local sources (docs/monitor.md)
_EVERY_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|secs|m|min|mins|h|hr|hrs|d|day|days)?\s*$", re.IGNORECASE)
_UNIT = {"s": 1, "sec": 1, "secs": 1, "m": 60, "min": 60, "mins": 60, "h": 3600, "hr": 3600, "hrs": 3600,
         "d": 86400, "day": 86400, "days": 86400}
_TAG_RE = re.compile(r"^[\w.:-]{1,64}$")


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def aware(t: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes for what was stored as UTC."""
    if t is None:
        return None
    return t if t.tzinfo is not None else t.replace(tzinfo=dt.UTC)


def parse_every(value: str | int | float) -> int:
    """'15m', '1h', '30s', '1d' or a number of seconds -> seconds."""
    if isinstance(value, int | float):
        secs = int(value)
    else:
        m = _EVERY_RE.match(value)
        if not m:
            raise UserError(f"--every {value!r}: write a number and a unit, e.g. 30s, 15m, 1h, 1d")
        secs = int(float(m.group(1)) * _UNIT[(m.group(2) or "s").lower()])
    if secs < MIN_EVERY:
        raise UserError(f"--every must be at least {MIN_EVERY} s")
    if secs > 30 * 86400:
        raise UserError("--every must be at most 30 days")
    return secs


def format_every(secs: int) -> str:
    for unit, n in (("d", 86400), ("h", 3600), ("m", 60)):
        if secs % n == 0 and secs >= n:
            return f"{secs // n}{unit}"
    return f"{secs}s"


def _clean_tags(tags: Sequence[str]) -> list[str]:
    out: list[str] = []
    for raw in tags:
        for t in str(raw).split(","):
            t = t.strip().lower()
            if not t:
                continue
            if not _TAG_RE.match(t):
                raise UserError(f"tag {t!r}: use letters, digits, '.', ':', '-' or '_' (at most 64)")
            if t not in out:
                out.append(t)
    return out


def normalise_location(url: str) -> tuple[str, str | None]:
    """(stored url, kind implied): http(s) URLs as given (scheme and host lower-cased), folders as absolute
    paths."""
    from urllib.parse import urlsplit, urlunsplit

    url = url.strip()
    if re.match(r"^https?://", url, re.IGNORECASE):
        parts = urlsplit(url)
        if not parts.hostname:
            raise UserError(f"{url!r} has no host")
        netloc = parts.netloc.rsplit("@", 1)[-1]
        if "@" in parts.netloc:
            raise UserError(f"{url!r}: put no user name or password in a source url")
        host = netloc.lower()
        return urlunsplit((parts.scheme.lower(), host, parts.path or "/", parts.query, "")), None
    if re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        raise UserError(f"{url!r}: only http(s) URLs and local folders can be followed")
    path = Path(url).expanduser()
    if not path.is_dir():
        raise UserError(f"{url!r} is neither an http(s) URL nor a folder")
    return str(path.resolve()), "folder"


def first_poll_at() -> dt.datetime:
    """A new source is polled at the watcher's next round (later polls drift apart by the interval's jitter; the
    fetch policy's per-host and overall limits spread a batch of new sources)."""
    return now()


@dataclass(frozen=True, slots=True)
class SourceSpec:
    url: str
    name: str | None = None
    every_s: int = DEFAULT_EVERY
    kind: str = "auto"
    tags: tuple[str, ...] = ()


def add_source(session: Session, spec: SourceSpec, *, exist_ok: bool = False) -> tuple[Source, bool]:
    """Store a source; returns (row, created). A url already followed is an error unless ``exist_ok``."""
    url, implied = normalise_location(spec.url)
    kind = spec.kind or "auto"
    if kind not in KINDS:
        raise UserError(f"--kind must be one of {', '.join(KINDS)}")
    if implied == "folder":
        kind = "folder"
    elif kind == "folder":
        raise UserError(f"{spec.url!r}: a folder source must be a local folder")
    existing = session.scalar(select(Source).where(Source.url == url))
    if existing is not None:
        if exist_ok:
            return existing, False
        raise UserError(f"{url} is followed already (source {existing.id}); `strikewatch sources remove "
                        f"{existing.id}` first to change it")
    name = (spec.name or "").strip()[:256] or None
    row = Source(url=url, name=name, kind=kind, every_s=spec.every_s, tags=_clean_tags(spec.tags),
                 added_at=now(), next_poll_at=first_poll_at(), failures=0, n_polls=0, n_errors=0,
                 n_new=0)
    session.add(row)
    session.flush()
    return row, True


def find_source(session: Session, ref: str) -> Source:
    """A source by id or url."""
    ref = ref.strip()
    row: Source | None
    if ref.isdigit():
        row = session.get(Source, int(ref))
    else:
        try:
            url, _ = normalise_location(ref)
        except UserError:
            url = ref
        row = session.scalar(select(Source).where(Source.url == url))
    if row is None:
        raise UserError(f"no source {ref!r} (see `strikewatch sources list`)")
    return row


def remove_source(session: Session, ref: str) -> Source:
    row = find_source(session, ref)
    session.execute(delete(SourceItem).where(SourceItem.source_id == row.id))
    session.delete(row)
    return row


def resume_source(session: Session, ref: str) -> Source:
    """Close the circuit of a paused source: poll it at the next round."""
    row = find_source(session, ref)
    row.paused_until = None
    row.paused_reason = None
    row.failures = 0
    row.next_poll_at = now()
    return row


def health(row: Source, at: dt.datetime | None = None) -> str:
    """One word: ok, new, unchanged, error, paused, waiting (never polled)."""
    at = at or now()
    paused = aware(row.paused_until)
    if paused is not None and paused > at:
        return "paused"
    if row.last_status is None:
        return "waiting"
    return row.last_status


def source_dict(row: Source, at: dt.datetime | None = None) -> dict[str, Any]:
    def iso(t: dt.datetime | None) -> str | None:
        t = aware(t)
        return t.isoformat(timespec="seconds") if t else None

    return {
        "id": row.id, "url": row.url, "name": row.name, "kind": row.kind, "every": format_every(row.every_s),
        "every_s": row.every_s, "tags": list(row.tags or []), "health": health(row, at),
        "last_poll_at": iso(row.last_poll_at), "last_ok_at": iso(row.last_ok_at),
        "last_new_at": iso(row.last_new_at), "next_poll_at": iso(row.next_poll_at),
        "error": row.last_error, "failures": row.failures, "paused_until": iso(row.paused_until),
        "paused_reason": row.paused_reason, "polls": row.n_polls, "errors": row.n_errors,
        "articles": row.n_new, "added_at": iso(row.added_at),
    }


def list_sources(session: Session, *, tag: str | None = None) -> list[dict[str, Any]]:
    at = now()
    rows = session.scalars(select(Source).order_by(Source.id)).all()
    out = [source_dict(r, at) for r in rows]
    if tag:
        out = [s for s in out if tag.lower() in s["tags"]]
    return out


# --- OPML ----------------------------------------------------------------------------------------------------


def read_opml(data: bytes, *, every_s: int | None = None, tags: Sequence[str] = ()) -> list[SourceSpec]:
    """The feeds of an OPML file (every outline with an xmlUrl, at any depth; enclosing outlines without one
    are categories and become tags)."""
    if b"<!ENTITY" in data[:4096].upper():
        raise UserError("OPML with entity declarations is not read")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise UserError(f"not a readable OPML file: {exc}") from None
    body = root.find("body")
    if root.tag.lower() != "opml" or body is None:
        raise UserError("not an OPML file (no <opml><body>)")
    out: list[SourceSpec] = []

    def walk(node: ET.Element, inherited: list[str]) -> None:
        for child in node.findall("outline"):
            url = child.get("xmlUrl") or child.get("xmlurl") or child.get("url")
            if url:
                own = [t for t in re.split(r"[,/]", child.get("category", "")) if t.strip()]
                own += [t for t in (child.get("tags", "") or "").split(",") if t.strip()]
                every = child.get("every")
                kind = (child.get("kind") or "").lower()
                if kind not in KINDS:
                    kind = "feed" if (child.get("type") or "").lower() in ("rss", "atom") else "auto"
                out.append(SourceSpec(
                    url=url.strip(), name=child.get("title") or child.get("text") or None,
                    every_s=every_s if every_s is not None else (parse_every(every) if every else DEFAULT_EVERY),
                    kind=kind, tags=tuple(_clean_tags([*inherited, *own, *tags])),
                ))
            else:
                label = (child.get("text") or child.get("title") or "").strip()
                walk(child, inherited + ([label] if label and _TAG_RE.match(label.lower()) else []))

    walk(body, [])
    return out


def import_opml(session: Session, data: bytes, *, every_s: int | None = None, tags: Sequence[str] = ()
                ) -> tuple[list[Source], list[tuple[str, str]]]:
    """Add the OPML file's feeds: (added, [(url, why skipped)])."""
    added: list[Source] = []
    skipped: list[tuple[str, str]] = []
    for spec in read_opml(data, every_s=every_s, tags=tags):
        try:
            row, created = add_source(session, spec, exist_ok=True)
        except UserError as exc:
            skipped.append((spec.url, str(exc)))
            continue
        if created:
            added.append(row)
        else:
            skipped.append((spec.url, f"followed already (source {row.id})"))
    return added, skipped


def export_opml(session: Session, title: str = "strikewatch sources") -> str:
    """Every source as OPML 2.0 (feed readers import the feeds; strikewatch re-imports everything)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = now().strftime("%a, %d %b %Y %H:%M:%S GMT")
    body = ET.SubElement(root, "body")
    for row in session.scalars(select(Source).order_by(Source.id)):
        attrs = {"text": row.name or row.url, "title": row.name or row.url, "xmlUrl": row.url,
                 "every": format_every(row.every_s), "kind": row.kind}
        if row.kind in ("feed", "auto"):
            attrs["type"] = "rss"
        if row.tags:
            attrs["tags"] = ",".join(row.tags)
            attrs["category"] = ",".join(row.tags)
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
