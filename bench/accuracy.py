"""Accuracy on the dev summaries and the seed checks (as `strikewatch evaluate --set dev` and `--set seeds`), as
Markdown.

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
    from strikewatch.evaluate.extraction import evaluate
    from strikewatch.evaluate.tables import cell_text
    from strikewatch.extract import EXTRACTOR_VERSION

    shared = Path(args.shared)
    print(f"Extractor {EXTRACTOR_VERSION}\n")
    for rep in (evaluate("dev", "dev", shared / "data/dev/dronestream_pakistan_2004_2010.json", args.mismatches),
                evaluate("seeds", "dev", shared / "seeds")):
        for t in rep.tables:
            print(f"**{t.title}**\n")
            print("| measure | " + " | ".join(t.columns) + " |\n|---|" + "---:|" * len(t.columns))
            for measure, cells in t.rows:
                print(f"| {measure} | " + " | ".join(cell_text(c) for c in cells) + " |")
            print()
        for m in rep.misses:
            print(f"- {m['id']}: {m['problem']}; dev {m['expected']}, ours {m['got']}: {str(m.get('text', ''))[:120]}")


if __name__ == "__main__":
    main()
