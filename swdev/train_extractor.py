"""Train the extractor's statistical layer from ``../shared/`` data and write ``strikewatch/extract/model/weights.json``.

    python -m swdev.train_extractor            # train and write the weights
    python -m swdev.train_extractor --check    # train and compare with the shipped weights (exit 1 if they differ)

Real labelled text only, by distant supervision; never the test split (``strikewatch.evaluate.splits``):

* ``tolls`` (is a number mention the killed figure?): every quantity in the ACLED development notes (rows with
  ``acled_split == "dev"``) is positive when it equals the row's ``FATALITIES`` (> 0), negative otherwise; rows
  whose figure appears nowhere as one number (a sum of several) are left out. Every quantity in the TBIJ
  development summaries is positive when it equals the strike's ``deaths_min`` or ``deaths_max``.
* ``clauses`` (does a sentence report an air or drone strike?): sentences of the TBIJ summaries and of ACLED
  "Remote violence" notes that name an aircraft, drone or air strike are ``strike``; sentences of ACLED protests,
  riots, strategic developments, battles and violence against civilians, and Remote violence notes that name no
  aircraft (shelling, IEDs, grenades), are ``none``.

scikit-learn's LogisticRegression (liblinear, fixed seed) on string features; features seen fewer than
``MIN_COUNT`` times are dropped and weights are rounded, so the file is small and byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from strikewatch.evaluate.splits import acled_split
from strikewatch.evaluate.urls import shared_dir
from strikewatch.extract.layout import sentences
from strikewatch.extract.model.features import clause_features, mentions, number_features, tokens
from strikewatch.extract.model.linear import WEIGHTS

MIN_COUNT = 3
DIGITS = 4
C = {"tolls": 0.5, "clauses": 0.5}
# Distant-supervision cue: a sentence names an aircraft or an air strike. Used only to label training data.
AIR = re.compile(r"\b(?:drones?|air\s*strikes?|airstrikes?|air\s+raids?|aerial|jets?|warplanes?|aircraft|"
                 r"helicopters?|gunships?|bombers?|air\s+force|missiles?\s+(?:fired|struck|hit))\b", re.I)
NONE_TYPES = ("Riots/Protests", "Strategic development", "Battle", "Violence against civilians")


def acled_dev(shared: Path) -> Iterator[dict[str, str]]:
    with (shared / "data/dev/acled_asia_2015.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if acled_split(row["EVENT_ID_CNTY"], row["COUNTRY"]) == "dev" and row["NOTES"].strip():
                yield row


def tbij_dev(shared: Path) -> list[dict[str, Any]]:
    data = json.loads((shared / "data/dev/dronestream_pakistan_2004_2010.json").read_text(encoding="utf-8"))
    return [s for s in data["strike"] if (s.get("bij_summary_short") or "").strip()]


def _int(v: Any) -> int | None:
    try:
        return int(str(v).strip())
    except ValueError:
        return None


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
        fat = _int(row["FATALITIES"]) or 0
        ex = toll_examples(row["NOTES"], {fat} if fat else set())
        if fat and not any(y for _, y in ex):
            continue  # the figure is a sum or is not written as one number
        for x, y in ex:
            xs.append(x)
            ys.append(y)
    for s in tbij_dev(shared):
        figures = {v for v in (_int(s.get("deaths_min")), _int(s.get("deaths_max"))) if v is not None}
        for x, y in toll_examples(s["bij_summary_short"], figures):
            xs.append(x)
            ys.append(y)
    return xs, ys


def clause_data(shared: Path) -> tuple[list[list[str]], list[int]]:
    xs: list[list[str]] = []
    ys: list[int] = []
    for row in acled_dev(shared):
        text, kind = row["NOTES"], row["EVENT_TYPE"]
        for s in sentences(text):
            air = bool(AIR.search(text, s.start, s.end))
            if kind == "Remote violence" and air:
                label = 1
            elif kind == "Remote violence" or kind.startswith(NONE_TYPES):
                label = 0
            else:
                continue
            xs.append(clause_features(text, s.start, s.end))
            ys.append(label)
    for st in tbij_dev(shared):
        text = st["bij_summary_short"]
        for s in sentences(text):
            xs.append(clause_features(text, s.start, s.end))
            ys.append(1)
    return xs, ys


def fit(xs: list[list[str]], ys: list[int], classes: tuple[str, str], c: float, balanced: bool) -> dict[str, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for x in xs for f in set(x))
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform([{f: 1 for f in x if f in keep} for x in xs]).tocsr()
    X.indices = X.indices.astype("int32")  # liblinear takes 32-bit indices only
    X.indptr = X.indptr.astype("int32")
    clf = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=1000,
                             class_weight="balanced" if balanced else None)
    clf.fit(X, ys)
    weights = {}
    for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True):
        w = round(float(w), DIGITS)
        if w:
            weights[str(name)] = [w]
    return {"classes": list(classes), "bias": [round(float(clf.intercept_[0]), DIGITS)],
            "weights": dict(sorted(weights.items())), "n_train": len(ys), "n_positive": int(sum(ys))}


def train(shared: Path) -> dict[str, Any]:
    tx, ty = toll_data(shared)
    cx, cy = clause_data(shared)
    return {
        "meta": {"trained_by": "python -m swdev.train_extractor", "data": ["ACLED 2015 development rows",
                 "TBIJ development summaries (dronestream 2004-2010)"], "min_count": MIN_COUNT, "C": C},
        "tolls": fit(tx, ty, ("other", "killed"), C["tolls"], balanced=False),
        # few strike sentences among many others: weigh the classes alike, or the model learns "never a strike"
        "clauses": fit(cx, cy, ("none", "strike"), C["clauses"], balanced=True),
    }


def dumps(model: dict[str, Any]) -> str:
    return json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped weights instead of writing")
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    args = ap.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("train_extractor: ../shared not found (set STRIKEWATCH_SHARED)", file=sys.stderr)
        return 2
    text = dumps(train(shared))
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print("weights reproduced byte for byte" if same else f"weights differ from {args.out}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text) // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
