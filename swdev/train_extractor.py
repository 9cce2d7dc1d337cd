"""Train the extractor's statistical layer from ``../shared/`` (and the real-news dev half) into ``weights.json``.

    python -m swdev.train_extractor            # train and write the weights
    python -m swdev.train_extractor --check    # train and compare with the shipped weights (exit 1 if they differ)

The shipped weights are trained on ``../shared`` data and on the development half of the real-news set
(``bench/realnews``, whose texts each session rebuilds): ``--check`` reproduces them byte for byte where those
texts are present. Where they are not (CI), the weights' ``meta.shared_only_sha256`` is the sha256 of what this
script writes from ``../shared`` alone (``--shared-only``), and the test suite reproduces that.

Real labelled text only, by distant supervision; never the test split (``strikewatch.evaluate.splits``):

* ``tolls`` (is a number mention the killed figure?): every quantity in the ACLED development notes (rows with
  ``acled_split == "dev"``) is positive when it equals the row's ``FATALITIES`` (> 0), negative otherwise; rows
  whose figure appears nowhere as one number (a sum of several) are left out. Every quantity in the TBIJ
  development summaries is positive when it equals the strike's ``deaths_min`` or ``deaths_max``.
* ``clauses`` (does a sentence tell a strike, refer to one, or neither?): sentences of the TBIJ summaries and of
  ACLED "Remote violence" notes that name an aircraft, drone or air strike are ``told``; sentences of ACLED
  protests, riots, strategic developments, battles and violence against civilians, and Remote violence notes that
  name no aircraft (shelling, IEDs, grenades), are ``none``. From the real-news development articles: a sentence
  holding a labelled toll is ``told`` (the article's news) or ``referred``; every sentence of an article that
  reports no strike is ``none``.
* the toll model also reads the real-news development articles: a number inside a labelled toll span equal to
  its killed figure is positive, a number equal to no labelled killed figure of the article negative.

scikit-learn's LogisticRegression (liblinear, fixed seed) on string features; features seen fewer than
``MIN_COUNT`` times are dropped and weights are rounded, so the file is small and byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from strikewatch.evaluate.dev_summaries import as_int, read_strikes
from strikewatch.evaluate.extraction import acled_rows
from strikewatch.evaluate.urls import shared_dir
from strikewatch.extract.layout import sentences
from strikewatch.extract.model.features import clause_features, mentions, number_features, tokens
from strikewatch.extract.model.linear import WEIGHTS

NEWS = Path(__file__).resolve().parents[1] / "bench" / "realnews"
MIN_COUNT = 3
DIGITS = 4
C = {"tolls": 0.5, "clauses": 0.5}
# Distant-supervision cue: a sentence names an aircraft or an air strike. Used only to label training data.
AIR = re.compile(r"\b(?:drones?|air\s*strikes?|airstrikes?|air\s+raids?|aerial|jets?|warplanes?|aircraft|"
                 r"helicopters?|gunships?|bombers?|air\s+force|missiles?\s+(?:fired|struck|hit))\b", re.I)
NONE_TYPES = ("Riots/Protests", "Strategic development", "Battle", "Violence against civilians")


def acled_dev(shared: Path) -> Iterator[dict[str, str]]:
    """The ACLED development rows with a note (the evaluation's reader, development split only)."""
    return (r for r in acled_rows(shared / "data/dev/acled_asia_2015.csv", "dev") if r["NOTES"].strip())


def tbij_dev(shared: Path) -> list[dict[str, Any]]:
    strikes = read_strikes(shared / "data/dev/dronestream_pakistan_2004_2010.json")
    return [s for s in strikes if (s.get("bij_summary_short") or "").strip()]


def toll_examples(text: str, figures: set[int]) -> list[tuple[list[str], int]]:
    out = []
    for s in sentences(text):
        toks = tokens(text, s.start, s.end)
        for q in mentions(text, toks, s.start, s.end):
            value = q.lo if q.lo is not None else q.hi
            out.append((number_features(toks, q), int(value in figures)))
    return out


def toll_data(shared: Path) -> tuple[list[list[str]], list[int]]:
    xs: list[list[str]] = []
    ys: list[int] = []
    for row in acled_dev(shared):
        fat = as_int(row["FATALITIES"]) or 0
        ex = toll_examples(row["NOTES"], {fat} if fat else set())
        if fat and not any(y for _, y in ex):
            continue  # the figure is a sum or is not written as one number
        for x, y in ex:
            xs.append(x)
            ys.append(y)
    for s in tbij_dev(shared):
        figures = {v for v in (as_int(s.get("deaths_min")), as_int(s.get("deaths_max"))) if v is not None}
        for x, y in toll_examples(s["bij_summary_short"], figures):
            xs.append(x)
            ys.append(y)
    return xs, ys


def clause_data(shared: Path) -> tuple[list[list[str]], list[str]]:
    xs: list[list[str]] = []
    ys: list[str] = []
    for row in acled_dev(shared):
        text, kind = row["NOTES"], row["EVENT_TYPE"]
        for s in sentences(text):
            air = bool(AIR.search(text, s.start, s.end))
            if kind == "Remote violence" and air:
                label = "told"
            elif kind == "Remote violence" or kind.startswith(NONE_TYPES):
                label = "none"
            else:
                continue
            xs.append(clause_features(text, s.start, s.end))
            ys.append(label)
    for st in tbij_dev(shared):
        text = st["bij_summary_short"]
        for s in sentences(text):
            xs.append(clause_features(text, s.start, s.end))
            ys.append("told")
    return xs, ys


def news_dev(root: Path, fold: int | None) -> list[Any]:
    """The development articles of the real-news set whose text is rebuilt (``bench/realnews``); with ``fold``
    (0/1), only the other half of them (for cross-validation: train on one half, measure on ``fold``)."""
    from strikewatch.evaluate.news_set import load

    arts = load(root, "dev").articles if (root / "labels").is_dir() else []
    return [a for a in arts if fold is None or news_fold(str(a.label["url"])) != fold]


def news_fold(url: str) -> int:
    return int(hashlib.sha256(("fold:" + url).encode("utf-8")).hexdigest()[:8], 16) % 2


def _spans(article: Any) -> list[tuple[int, int, str, set[int]]]:
    out = []
    for s in article.label.get("strikes") or []:
        span = s.get("toll_span")
        if isinstance(span, list) and len(span) == 2:
            figures = {v for v in (s.get("killed_min"), s.get("killed_max")) if isinstance(v, int)}
            out.append((span[0], span[1], "told" if s.get("role") == "news" else "referred", figures))
    return out


def news_clauses(articles: list[Any]) -> Iterator[tuple[list[str], str]]:
    """Sentences holding a labelled toll: told (news) or referred; every body sentence of an article reporting
    no strike: none. Other sentences are left out (they may tell the strike without its toll)."""
    for a in articles:
        spans = _spans(a)
        negative = not a.label.get("reports_strike")
        for s in sentences(a.text):
            roles = {r for lo, hi, r, _ in spans if lo < s.end and hi > s.start}
            label = "none" if negative else "told" if "told" in roles else "referred" if roles else None
            if label is not None:
                yield clause_features(a.text, s.start, s.end), label


def news_tolls(articles: list[Any]) -> Iterator[tuple[list[str], int]]:
    """Number mentions inside a labelled toll span that equal its killed figure: positive; mentions whose value is
    no labelled killed figure of the article: negative; the rest (a toll repeated elsewhere) left out."""
    for a in articles:
        spans = _spans(a)
        every = {v for *_, f in spans for v in f}
        for s in sentences(a.text):
            toks = tokens(a.text, s.start, s.end)
            for q in mentions(a.text, toks, s.start, s.end):
                value = q.lo if q.lo is not None else q.hi
                inside = any(lo <= q.start < hi and value in f for lo, hi, _, f in spans)
                if inside or value not in every:
                    yield number_features(toks, q), int(inside)


def fit(xs: list[list[str]], ys: list[str], classes: tuple[str, ...], c: float, balanced: bool) -> dict[str, Any]:
    """Logistic regression over the features seen ``MIN_COUNT`` times; two classes: one weight a feature (for the
    second class), more: one a class (multinomial)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for x in xs for f in set(x))
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform([{f: 1 for f in x if f in keep} for x in xs]).tocsr()
    X.indices = X.indices.astype("int32")  # liblinear takes 32-bit indices only
    X.indptr = X.indptr.astype("int32")
    solver = "liblinear" if len(classes) == 2 else "lbfgs"
    clf = LogisticRegression(C=c, solver=solver, random_state=0, max_iter=2000,
                             class_weight="balanced" if balanced else None)
    clf.fit(X, [classes.index(y) for y in ys])
    weights = {}
    for j, name in enumerate(vec.get_feature_names_out()):
        w = [round(float(row[j]), DIGITS) for row in clf.coef_]
        if any(w):
            weights[str(name)] = w
    return {"classes": list(classes), "bias": [round(float(b), DIGITS) for b in clf.intercept_],
            "weights": dict(sorted(weights.items())), "n_train": len(ys),
            "per_class": {k: ys.count(k) for k in classes}}


def train(shared: Path, news: Path | None = None, fold: int | None = None) -> dict[str, Any]:
    """Both models; the clause model also learns from the real-news development articles when ``news`` holds them
    (``fold``: leave that half out, for cross-validation)."""
    tx, ty = toll_data(shared)
    cx, cy = clause_data(shared)
    arts = news_dev(news, fold) if news is not None else []
    for x, y in news_clauses(arts):
        cx.append(x)
        cy.append(y)
    for x, yn in news_tolls(arts):
        tx.append(x)
        ty.append(yn)
    data = ["ACLED 2015 development rows", "TBIJ development summaries (dronestream 2004-2010)"]
    if arts:
        data.append(f"real-news development articles: {len(arts)}")
    classes = ("none", "told", "referred") if "referred" in cy else ("none", "told")
    return {
        "meta": {"trained_by": "python -m swdev.train_extractor", "data": data, "min_count": MIN_COUNT, "C": C},
        "tolls": fit(tx, ["killed" if y else "other" for y in ty], ("other", "killed"), C["tolls"], balanced=False),
        # few strike sentences among many others: weigh the classes alike, or the model learns "never a strike"
        "clauses": fit(cx, cy, classes, C["clauses"], balanced=True),
    }


def shared_only_sha256(shared: Path) -> str:
    return hashlib.sha256(dumps(train(shared)).encode("utf-8")).hexdigest()


def dumps(model: dict[str, Any]) -> str:
    return json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped weights instead of writing")
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument("--news", type=Path, default=NEWS, help="the real-news set (labels/ and texts/)")
    ap.add_argument("--shared-only", action="store_true", help="train from ../shared data alone")
    ap.add_argument("--fold", type=int, choices=(0, 1), help="leave this half of the news dev articles out")
    args = ap.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("train_extractor: ../shared not found (set STRIKEWATCH_SHARED)", file=sys.stderr)
        return 2
    news = None if args.shared_only else args.news
    model = train(shared, news, args.fold)
    if model["meta"]["data"][2:]:
        # what CI can reproduce without the real-news texts: the same script on ../shared alone
        model["meta"]["shared_only_sha256"] = shared_only_sha256(shared)
    text = dumps(model)
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print("weights reproduced byte for byte" if same else f"weights differ from {args.out}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text) // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
