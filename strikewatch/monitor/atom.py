"""The change log as an Atom 1.0 feed (RFC 4287): one entry per new or changed strike record.

Entry ids are the change's permanent url (``/api/changes/ID``), so a feed reader shows each change once; the
alternate link is the record's page. The feed's id is its own url with its filters, so two filtered feeds are
two feeds. Text is escaped by the XML writer; nothing from an article is put in the feed unescaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from xml.etree import ElementTree as ET

ATOM_NS = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def rfc3339(t: dt.datetime | str | None) -> str:
    if isinstance(t, str):
        t = dt.datetime.fromisoformat(t)
    if t is None:
        t = EPOCH
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.UTC)
    return t.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    e = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        e.text = text
    return e


def _figures(rec: dict[str, Any]) -> list[str]:
    out = []
    for c in ("killed", "civilians", "children", "injured"):
        lo, hi = rec.get(f"{c}_min"), rec.get(f"{c}_max")
        if lo is None and hi is None:
            continue
        span = str(lo if hi is None else hi) if lo is None or hi is None or lo == hi else f"{lo}–{hi}"
        out.append(f"{c}: {span}")
    return out


def entry_text(change: dict[str, Any]) -> str:
    rec = change.get("record") or {}
    lines = [change.get("summary") or ""]
    figs = _figures(rec)
    if figs:
        lines.append("Now: " + ", ".join(figs) + (f"; grade {rec['grade']}" if rec.get("grade") else "")
                     + (f"; {rec['n_sources']} independent source(s)" if rec.get("n_sources") else ""))
    reasons = change.get("reasons") or []
    if reasons:
        lines.append("Why this entry: " + ", ".join(reasons))
    return "\n".join(x for x in lines if x)


def build_feed(changes: Sequence[dict[str, Any]], *, self_url: str, site_url: str, title: str,
               subtitle: str | None = None) -> bytes:
    """Atom XML (UTF-8) for ``changes`` (newest first)."""
    ET.register_namespace("", ATOM_NS)
    site = site_url.rstrip("/")
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _el(feed, "id", self_url)
    _el(feed, "title", title)
    if subtitle:
        _el(feed, "subtitle", subtitle)
    newest = max((c["at"] for c in changes), default=None, key=lambda t: rfc3339(t))
    _el(feed, "updated", rfc3339(newest))
    author = _el(feed, "author")
    _el(author, "name", "strikewatch")
    _el(feed, "link", rel="self", type=MEDIA_TYPE, href=self_url)
    _el(feed, "link", rel="alternate", type="text/html", href=site + "/")
    _el(feed, "generator", "strikewatch")
    for c in changes:
        entry = _el(feed, "entry")
        _el(entry, "id", f"{site}/api/changes/{c['id']}")
        _el(entry, "title", c.get("summary") or f"strike {c['strike_id']}")
        _el(entry, "updated", rfc3339(c["at"]))
        _el(entry, "published", rfc3339(c["at"]))
        _el(entry, "link", rel="alternate", type="text/html", href=f"{site}/strikes/{c['strike_id']}")
        _el(entry, "link", rel="related", type="application/json", href=f"{site}/api/strikes/{c['strike_id']}")
        _el(entry, "category", term=str(c["kind"]), label=str(c["kind"]))
        _el(entry, "summary", entry_text(c), type="text")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False)
