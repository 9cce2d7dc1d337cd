"""Validate real-news label files (bench/realnews/SPEC.md) against the saved texts.

    python bench/realnews/check.py [LABELS.jsonl ...]   # default: every bench/realnews/labels/*.jsonl
    python bench/realnews/check.py --seen URL           # has any label file this url (normalised)?

Prints one line per problem and a summary; exit 1 when a label is malformed (a missing text is reported, not an
error: texts are rebuilt per session).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from strikewatch.evaluate.urls import is_reserved, normalise_url  # noqa: E402

TEXTS = HERE / "texts"
TOLLS = ("killed", "injured", "civilians", "children", "militants")
ROLES = {"news", "referred"}
TYPES = {"drone_strike", "air_strike", "missile_strike", "helicopter_strike", "unknown"}


def label_files() -> list[Path]:
    return sorted((HERE / "labels").glob("*.jsonl"))


def read_labels(files: list[Path]) -> list[dict[str, Any]]:
    out = []
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                row["_where"] = f"{f.name}:{n}"
                out.append(row)
    return out


def strike_problems(s: dict[str, Any], text: str | None) -> list[str]:
    bad = []
    if s.get("role") not in ROLES:
        bad.append(f"role {s.get('role')!r}")
    if s.get("type") not in TYPES:
        bad.append(f"type {s.get('type')!r}")
    for t in TOLLS:
        lo, hi = s.get(f"{t}_min"), s.get(f"{t}_max")
        for v in (lo, hi):
            if v is not None and (not isinstance(v, int) or v < 0):
                bad.append(f"{t} figure {v!r}")
        if isinstance(lo, int) and isinstance(hi, int) and lo > hi:
            bad.append(f"{t}_min > {t}_max")
    span = s.get("toll_span")
    ok = isinstance(span, list) and len(span) == 2 and text is not None and 0 <= span[0] < span[1] <= len(text)
    if span is not None and text is not None and not ok:
        bad.append(f"toll_span {span!r} outside the text")
    return bad


def problems(row: dict[str, Any]) -> list[str]:
    bad = []
    for key in ("id", "url", "query", "text_sha256", "reports_strike", "strikes"):
        if key not in row:
            bad.append(f"no {key}")
    if is_reserved(row.get("url", "")):
        bad.append("reserved url")
    text = None
    path = TEXTS / f"{row.get('id')}.txt"
    if path.exists():
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != row.get("text_sha256"):
            bad.append("text sha256 differs")
        text = raw.decode("utf-8")
    strikes = row.get("strikes") or []
    if bool(strikes) != bool(row.get("reports_strike")):
        bad.append("reports_strike disagrees with strikes")
    for i, s in enumerate(strikes):
        bad += [f"strike {i}: {p}" for p in strike_problems(s, text)]
    return bad


def main(argv: list[str]) -> int:
    if argv[:1] == ["--seen"]:
        seen = {normalise_url(r["url"]) for r in read_labels(label_files())}
        for u in argv[1:]:
            print(("seen" if normalise_url(u) in seen else "new") + "\t" + u)
        return 0
    rows = read_labels([Path(a) for a in argv] or label_files())
    all_rows = read_labels(label_files())
    urls: dict[str, str] = {}
    for r in all_rows:
        urls.setdefault(normalise_url(r.get("url", "")), r["_where"])
    n_bad = missing = 0
    for r in rows:
        bad = problems(r)
        first = urls.get(normalise_url(r.get("url", "")))
        if first and first != r["_where"]:
            bad.append(f"url also at {first}")
        if not (TEXTS / f"{r.get('id')}.txt").exists():
            missing += 1
        for b in bad:
            print(f"{r['_where']} {r.get('id')}: {b}")
        n_bad += bool(bad)
    print(f"{len(rows)} labels, {n_bad} with problems, {missing} texts missing")
    return 1 if n_bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
