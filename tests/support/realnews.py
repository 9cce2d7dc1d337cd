"""A small real-news-style set for the evaluation tests: our own short reports and their labels in the format of
``bench/realnews/SPEC.md``, written to a folder with ``labels/`` and ``texts/``. No third-party text."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from strikewatch.evaluate.splits import news_split


def strike(role: str = "news", **fields: Any) -> dict[str, Any]:
    """A labelled strike: the given fields, every other field of the spec unknown."""
    base: dict[str, Any] = {"role": role, "type": "drone_strike", "perpetrator": None, "date": None,
                            "date_text": None, "country": None, "admin1": None, "admin2": None, "place": None,
                            "toll_span": None}
    for t in ("killed", "injured", "civilians", "children", "militants"):
        base[f"{t}_min"] = base[f"{t}_max"] = None
    base.update(fields)
    return base


def url_in(split: str, stem: str) -> str:
    """A url of ``split`` (the split is a salted hash of the url: try numbered urls until one falls in it)."""
    for i in range(1000):
        url = f"https://news.example.org/{stem}-{i}"
        if news_split(url) == split:
            return url
    raise AssertionError("no url found")


def write_set(root: Path, articles: list[dict[str, Any]], annotator: str = "t1") -> Path:
    """Write ``articles`` (each: id, url, published, text or None for a missing text, strikes) as a set."""
    (root / "labels").mkdir(parents=True, exist_ok=True)
    (root / "texts").mkdir(exist_ok=True)
    lines = []
    for a in articles:
        text = a.get("text")
        raw = (text or "").encode("utf-8")
        if text is not None:
            (root / "texts" / f"{a['id']}.txt").write_bytes(raw)
        strikes = a.get("strikes", [])
        lines.append(json.dumps({"id": a["id"], "annotator": annotator, "url": a["url"], "query": "test",
                                 "text_sha256": hashlib.sha256(raw).hexdigest(), "chars": len(raw),
                                 "published": a.get("published"), "reports_strike": bool(strikes),
                                 "strikes": strikes}))
    (root / "labels" / f"{annotator}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root
