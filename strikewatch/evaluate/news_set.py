"""The hand-labelled real-news set (``bench/realnews``: ``labels/*.jsonl`` and ``texts/<id>.txt``, see its SPEC.md),
scored by :mod:`strikewatch.evaluate.strike_match`.

Predicted strikes are the events of a strike type (``predictors.STRIKE_TYPES``: drone and air strikes and untyped
events, as merge counts them) in the article's body, news or
referred (reader comments are not the article's report). Per article they are matched to the labelled strikes
(news and referred); then, over the selected split (``splits.news_split(url)``):

* **found**: labelled news strikes matched / labelled news strikes;
* **killed_min exact** / **killed_max exact**: over labelled news strikes stating a killed bound, the matched
  prediction's bound equals the label's (an unmatched label counts as wrong; an open bound must stay open);
* **spurious**: predicted strikes matching no labelled strike / predicted strikes (lower is better);
* **negatives clean**: articles labelled ``reports_strike: false`` with no predicted strike / such articles;
* **admin2 exact** (Pakistan labels with an admin2) and **admin1 exact** (the others with an admin1), on matched
  pairs, compared through the gazetteer as ``geo_news`` does.

A label whose text is missing, or differs from its ``text_sha256``, is skipped and counted.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from strikewatch.evaluate.predictors import Predictor, body_strikes
from strikewatch.evaluate.splits import news_split
from strikewatch.evaluate.strike_match import LabelStrike, match
from strikewatch.evaluate.tables import Rate
from strikewatch.ranges import Range
from strikewatch.schema import Event

# The commonest English words: an article where they are rare is in another language.
ENGLISH_WORDS = frozenset({"the", "and", "of", "in", "to", "a", "was", "were", "said", "killed", "on", "by", "is"})


def english(text: str) -> bool:
    """Is the text in English? Mostly Latin letters, and common English words make up a good share of its words."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isascii() for c in letters) / len(letters) < 0.8:
        return False
    words = re.findall(r"[a-z]+", text.lower())
    return bool(words) and sum(w in ENGLISH_WORDS for w in words) / len(words) >= 0.12


@dataclass(slots=True)
class Article:
    label: dict[str, Any]
    text: str

    @property
    def id(self) -> str:
        return str(self.label.get("id"))

    @property
    def published(self) -> date | None:
        try:
            return date.fromisoformat(str(self.label.get("published"))[:10])
        except ValueError:
            return None

    @property
    def strikes(self) -> list[LabelStrike]:
        return [LabelStrike.from_label(s) for s in self.label.get("strikes") or [] if isinstance(s, dict)]


@dataclass(slots=True)
class Loaded:
    articles: list[Article] = field(default_factory=list)
    missing: int = 0
    differs: int = 0
    unreadable: int = 0


def _label_lines(labels_dir: Path) -> tuple[list[dict[str, Any]], int]:
    rows: list[dict[str, Any]] = []
    bad = 0
    for f in sorted(labels_dir.glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                bad += 1
                continue
            if isinstance(row, dict) and row.get("id") and isinstance(row.get("url"), str):
                rows.append(row)
            else:
                bad += 1
    return rows, bad


def load(root: Path, split: str) -> Loaded:
    """The labelled articles of ``split`` (test, dev or all) whose text is present and unchanged."""
    rows, bad = _label_lines(root / "labels")
    out = Loaded(unreadable=bad)
    for row in rows:
        if split != "all" and news_split(row["url"]) != split:
            continue
        path = root / "texts" / f"{row['id']}.txt"
        if not path.is_file():
            out.missing += 1
            continue
        raw = path.read_bytes()
        if row.get("text_sha256") and hashlib.sha256(raw).hexdigest() != row["text_sha256"]:
            out.differs += 1
            continue
        out.articles.append(Article(row, raw.decode("utf-8", errors="replace")))
    return out


@dataclass
class NewsScore:
    found: Rate = field(default_factory=Rate)
    killed_min: Rate = field(default_factory=Rate)
    killed_max: Rate = field(default_factory=Rate)
    spurious: Rate = field(default_factory=Rate)
    negatives_clean: Rate = field(default_factory=Rate)
    admin2: Rate = field(default_factory=Rate)
    admin1: Rate = field(default_factory=Rate)
    misses: list[dict[str, Any]] = field(default_factory=list)


def _score_place(gaz: Any, sc: NewsScore, p: Event, s: LabelStrike) -> bool | None:
    """Score the pair's place; returns whether it was right (None when the label gives no unit to score)."""
    from strikewatch.evaluate.geo_news import _right, _unit

    cc = s.country
    if not cc:
        return None
    if cc == "PK" and _unit(gaz, s.admin2, cc, "admin2"):
        rate = sc.admin2
    elif s.admin1:
        rate = sc.admin1
    else:
        return None
    ok = _right(gaz, p, s.raw, cc)
    rate.add(ok)
    return ok


def _killed_bounds(sc: NewsScore, p: Event | None, s: LabelStrike) -> list[str]:
    if not s.killed.known:
        return []
    ok_min = p is not None and p.killed_min == s.killed.min
    ok_max = p is not None and p.killed_max == s.killed.max
    sc.killed_min.add(ok_min)
    sc.killed_max.add(ok_max)
    return [w for w, ok in (("killed_min", ok_min), ("killed_max", ok_max)) if not ok]


def score_article(gaz: Any, sc: NewsScore, a: Article, preds: list[Event], keep_misses: bool) -> None:
    labels = a.strikes
    pairs = match(gaz, preds, labels)
    problems: list[str] = []
    for li, s in enumerate(labels):
        p = preds[pairs[li]] if li in pairs else None
        if s.role == "news":
            sc.found.add(p is not None)
            problems += [f"strike {li} not found"] if p is None else []
            problems += [f"strike {li} {w}" for w in _killed_bounds(sc, p, s)]
        if p is not None and _score_place(gaz, sc, p, s) is False:
            problems.append(f"strike {li} place")
    matched = set(pairs.values())
    for pi in range(len(preds)):
        sc.spurious.add(pi not in matched)
    problems += [f"{len(preds) - len(matched)} spurious"] if len(preds) > len(matched) else []
    if not a.label.get("reports_strike"):
        sc.negatives_clean.add(not preds)
    if keep_misses and problems:
        sc.misses.append({"id": a.id, "problem": ", ".join(problems),
                          "expected": [_brief_label(s) for s in labels],
                          "got": [_brief(p) for p in preds]})


def _brief_label(s: LabelStrike) -> str:
    return " ".join(str(x) for x in (s.role, s.raw.get("date"), s.killed.display(), s.admin2 or s.admin1) if x)


def _brief(p: Event) -> str:
    return " ".join(str(x) for x in (p.type, p.date, Range.of(p, "killed").display(), p.admin2 or p.admin1) if x)


def score(articles: list[Article], predict: Predictor, *, misses: bool = False) -> NewsScore:
    """Score ``predict`` on ``articles``; with ``misses``, list what went wrong on development articles (never on
    test articles)."""
    from strikewatch.geo import get_gazetteer

    gaz = get_gazetteer()
    sc = NewsScore()
    for a in articles:
        keep = misses and news_split(str(a.label["url"])) == "dev"
        score_article(gaz, sc, a, body_strikes(predict(a.text, a.published)), keep)
    return sc
