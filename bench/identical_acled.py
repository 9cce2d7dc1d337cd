"""Prove a refactor of the extractor leaves its output byte-identical on real text: every ACLED note of the dev file.

    .venv/bin/python bench/identical_acled.py --against REV        # this tree vs. git revision REV
    .venv/bin/python bench/identical_acled.py --collect OUT.jsonl  # only write this tree's outputs

Input: each row of ``../shared/data/dev/acled_asia_2015.csv`` (10,194 notes), its ``NOTES`` extracted with its
``EVENT_DATE`` as the publication date and its ``EVENT_ID_CNTY`` as document id. Output: one line per note,
``extract_article(...).to_dict()`` as JSON with key order kept. Both sides run in subprocesses with ``PYTHONPATH``
set to their tree (as ``identical_output.py`` does); exit status 1 when any line differs. Complements
``identical_output.py`` (dev summaries, seeds, example corpus through the CLI and API), which reads no ACLED note.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STRIKEWATCH_SHARED", ROOT.parent / "shared"))
ACLED = SHARED / "data/dev/acled_asia_2015.csv"


def collect(out: Path) -> None:
    from strikewatch.extract import EXTRACTOR_VERSION, extract_article

    t0 = time.process_time()
    n = 0
    with open(ACLED, encoding="utf-8", newline="") as f, open(out, "w", encoding="utf-8") as w:
        w.write(json.dumps({"EXTRACTOR_VERSION": EXTRACTOR_VERSION}) + "\n")
        for row in csv.DictReader(f):
            pub = datetime.strptime(row["EVENT_DATE"], "%d-%B-%Y").date()
            ex = extract_article(row["NOTES"] or "", pub, doc_id=row["EVENT_ID_CNTY"])
            w.write(json.dumps(ex.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} notes in {time.process_time() - t0:.1f} s CPU", file=sys.stderr)


def _export(rev: str, dest: Path) -> None:
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev], check=True,
                         capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(tar)) as t:
        files = [m for m in t.getmembers() if not (m.issym() or m.islnk())]
        t.extractall(dest, members=files, filter="data")


def _run(tree: Path, out: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(tree), "STRIKEWATCH_SHARED": str(SHARED)}
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--collect", str(out)], check=True, env=env,
                   cwd=tree)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--against", help="git revision to compare this tree with")
    ap.add_argument("--collect", type=Path, help="write this tree's outputs to this file and stop")
    args = ap.parse_args()
    if args.collect:
        collect(args.collect)
        return 0
    if not args.against:
        ap.error("give --against REV or --collect OUT")
    with tempfile.TemporaryDirectory() as tmp:
        tree, before, after = Path(tmp) / "tree", Path(tmp) / "before.jsonl", Path(tmp) / "after.jsonl"
        tree.mkdir()
        _export(args.against, tree)
        _run(tree, before)
        _run(ROOT, after)
        a, b = before.read_text(encoding="utf-8").splitlines(), after.read_text(encoding="utf-8").splitlines()
        differ = [i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
        if len(a) != len(b) or differ:
            for i in differ[:5]:
                print(f"line {i} differs:\n- {a[i][:600]}\n+ {b[i][:600]}")
            print(f"DIFFERENT: {len(differ)} of {len(a)} lines (lengths {len(a)} vs {len(b)})")
            return 1
        print(f"byte-identical: {len(a) - 1} ACLED notes, {after.stat().st_size:,} bytes "
              f"({a[0]} vs {args.against})")
        return 0


if __name__ == "__main__":
    sys.exit(main())
