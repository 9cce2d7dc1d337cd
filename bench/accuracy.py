"""Accuracy on the dev summaries and the seed checks (same as `strikewatch evaluate`), as Markdown.

    .venv/bin/python bench/accuracy.py [--mismatches]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("STRIKEWATCH_SHARED",
                                                       str(Path(__file__).resolve().parents[1].parent / "shared")))
    ap.add_argument("--mismatches", action="store_true")
    args = ap.parse_args()
    from strikewatch.extract import EXTRACTOR_VERSION
    from strikewatch.extract.evaluate import report

    shared = Path(args.shared)
    res = report(shared / "data/dev/dronestream_pakistan_2004_2010.json", shared / "seeds")
    d = res["dev"]
    print(f"Extractor {EXTRACTOR_VERSION}, {d['n']} dev summaries ({d['named_place']} name an agency or town)\n")
    print("| measure | value | goal |\n|---|---:|---:|")
    goals = {"found": ">= 0.98", "agency_exact_named": ">= 0.97", "killed_min_exact": ">= 0.95"}
    for k in ("found", "agency_exact_named", "agency_exact_all", "killed_min_exact", "killed_max_exact",
              "range_overlap", "spurious_per_doc"):
        print(f"| {k} | {d[k]:.3f} | {goals.get(k, '')} |")
    print("\n| seed check | passed | detail |\n|---|---|---|")
    for s in res["seeds"]:
        print(f"| {s['check']} | {'yes' if s['passed'] else 'NO'} | {s['detail']} |")
    if args.mismatches:
        print("\n| id | problem | dev deaths | extracted | summary |\n|---|---|---|---|---|")
        for m in res["mismatches"]:
            got = (m.get("got") or {}).get("killed", "")
            print(f"| {m['id']} | {m['problem']} | {m['deaths']} | {got} | {m['text'][:120]} |")


if __name__ == "__main__":
    main()
