"""Prove a refactor leaves strikewatch's output byte-identical: run the same inputs through two trees and diff.

    .venv/bin/python bench/identical_output.py --against REV        # this tree vs. git revision REV
    .venv/bin/python bench/identical_output.py --collect OUT        # only write this tree's outputs to OUT/

Inputs: the dev summaries (``../shared/data/dev/dronestream_pakistan_2004_2010.json``, each extracted with its
strike date as publication date), the ACLED notes (``../shared/data/dev/acled_asia_2015.csv``: every ``NOTES``
with its ``EVENT_DATE`` as publication date), the five seed articles and the example corpus
(``examples/articles``).
Outputs compared, each a file:

* ``extract-dev.jsonl``, ``extract-acled.jsonl``, ``extract-seeds.jsonl``: ``extract_article(...).to_dict()`` as
  JSON, key order kept;
* the example corpus ingested with the real CLI into a fresh SQLite database, then ``strikes`` in csv, json and
  geojson, ``strike ID --why`` as JSON for every record, ``article ID --format json`` for every article;
* the HTTP API (FastAPI test client): ``/openapi.json``, ``/api/strikes``, every ``/api/strikes/ID``,
  ``/api/stats``, the CSV and GeoJSON downloads;
* the analysis CLI on two imported trackers (TBIJ workbook, New America CSV): ``analyse totals`` (json, csv),
  ``compare`` (json) and ``analyse lulls`` (json), and ``analyse lulls`` over our own records.

Both sides run in subprocesses with ``PYTHONPATH`` set to their tree, so "the same extractor" holds whenever the
two trees carry the same ``strikewatch/extract/`` (check with ``git diff REV -- strikewatch/extract``; the script
prints both ``EXTRACTOR_VERSION`` values). Wall-clock times (``*_at`` keys, backup stamps) are removed before
comparing: they differ between any two runs. Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STRIKEWATCH_SHARED", ROOT.parent / "shared"))
TIME_KEY = re.compile(r"_at$")


def _scrub(v: Any) -> Any:
    """Drop wall-clock keys (``created_at``, ``updated_at``, ``ingested_at``, ``extracted_at``, review ``at``)."""
    if isinstance(v, dict):
        return {k: _scrub(x) for k, x in v.items() if not TIME_KEY.search(k) and k != "at"}
    if isinstance(v, list):
        return [_scrub(x) for x in v]
    return v


def _json_text(raw: str) -> str:
    return json.dumps(_scrub(json.loads(raw)), ensure_ascii=False, indent=1) + "\n"


# --- collecting one tree's outputs (runs inside the subprocess whose PYTHONPATH is that tree) ---------------------


def _cli(db: str, *args: str) -> str:
    code = "import sys; from strikewatch.cli import main; sys.argv = ['strikewatch', *sys.argv[1:]]; main()"
    r = subprocess.run([sys.executable, "-c", code, *args, "--db", db], capture_output=True, text=True,
                       env={**os.environ, "COLUMNS": "200"})
    if r.returncode not in (0, 1):
        raise SystemExit(f"strikewatch {' '.join(args)}: exit {r.returncode}\n{r.stderr[-2000:]}")
    return r.stdout


def collect(out: Path, examples: Path) -> None:
    from datetime import date

    from strikewatch.extract import EXTRACTOR_VERSION, extract_article

    out.mkdir(parents=True, exist_ok=True)
    (out / "EXTRACTOR_VERSION").write_text(EXTRACTOR_VERSION + "\n")
    dev = json.loads((SHARED / "data/dev/dronestream_pakistan_2004_2010.json").read_text(encoding="utf-8"))
    with open(out / "extract-dev.jsonl", "w", encoding="utf-8") as f:
        for s in dev["strike"] if isinstance(dev, dict) else dev:
            text = s.get("bij_summary_short") or ""
            pub = date.fromisoformat(str(s["date"])[:10])
            ex = extract_article(text, pub, doc_id=s.get("bureau_id"))
            f.write(json.dumps(ex.to_dict(), ensure_ascii=False) + "\n")
    import csv
    from datetime import datetime

    with open(SHARED / "data/dev/acled_asia_2015.csv", encoding="utf-8", newline="") as src, \
            open(out / "extract-acled.jsonl", "w", encoding="utf-8") as f:
        for row in csv.DictReader(src):
            pub = datetime.strptime(row["EVENT_DATE"], "%d-%B-%Y").date()
            ex = extract_article(row["NOTES"] or "", pub, doc_id=row["EVENT_ID_CNTY"])
            f.write(json.dumps(ex.to_dict(), ensure_ascii=False) + "\n")
    with open(out / "extract-seeds.jsonl", "w", encoding="utf-8") as f:
        for p in sorted((SHARED / "seeds").glob("*.txt")):
            pub = date(2014, 6, 12) if p.name.startswith("001") else None
            ex = extract_article(p.read_text(encoding="utf-8"), pub, doc_id=p.stem)
            f.write(json.dumps(ex.to_dict(), ensure_ascii=False) + "\n")

    db = f"sqlite:///{out / 'examples.db'}"
    (out / "ingest.txt").write_text(_cli(db, "ingest", str(examples)))
    for fmt in ("csv", "json", "geojson"):
        text = _cli(db, "strikes", "--format", fmt, "--limit", "100000")
        (out / f"strikes.{fmt}").write_text(text if fmt == "csv" else _json_text(text))
    strikes = json.loads(_cli(db, "strikes", "--format", "json", "--limit", "100000"))
    ids = [s["id"] for s in (strikes if isinstance(strikes, list) else strikes.get("items", strikes))]
    with open(out / "strike-each.json", "w", encoding="utf-8") as f:
        for i in ids:
            f.write(_json_text(_cli(db, "strike", str(i), "--format", "json", "--why")))
    (out / "articles.json").write_text(_json_text(_cli(db, "articles", "--format", "json")))
    articles = json.loads(_cli(db, "articles", "--format", "json"))
    article_ids = [a["id"] for a in (articles if isinstance(articles, list) else articles["items"])]
    with open(out / "article-each.json", "w", encoding="utf-8") as f:
        for i in article_ids:
            f.write(_json_text(_cli(db, "article", str(i), "--format", "json")))

    from fastapi.testclient import TestClient

    from strikewatch.web.app import create_app

    with TestClient(create_app(db)) as client:
        def get(path: str, name: str) -> None:
            r = client.get(path)
            body = r.text
            if "json" in r.headers.get("content-type", ""):
                body = _json_text(body)
            (out / name).write_text(f"{r.status_code}\n{body}")

        get("/openapi.json", "api-openapi.json")
        get("/api/strikes?limit=500", "api-strikes.json")
        get("/api/stats", "api-stats.json")
        for path, name in (("/api/strikes.csv", "api-strikes.csv"), ("/api/strikes.geojson", "api-strikes.geojson")):
            get(path, name)
        with open(out / "api-strike-each.json", "w", encoding="utf-8") as f:
            for i in ids:
                f.write(_json_text(client.get(f"/api/strikes/{i}").text))
            for i in article_ids:
                f.write(_json_text(client.get(f"/api/articles/{i}").text))

    adb = f"sqlite:///{out / 'analyse.db'}"
    ref = SHARED / "data/reference"
    (out / "dataset-import.txt").write_text(
        _cli(adb, "dataset", "import", str(ref / "tbij_pakistan_strikes.xlsx"), "--as", "tbij")
        + _cli(adb, "dataset", "import", str(ref / "newamerica_pakistan.csv"), "--as", "na"))
    for by in ("year", "agency", "administration"):
        (out / f"totals-{by}.json").write_text(_json_text(_cli(adb, "analyse", "totals", "-d", "tbij", "--by", by,
                                                               "-f", "json")))
        (out / f"totals-{by}.csv").write_text(_cli(adb, "analyse", "totals", "-d", "na", "--by", by, "-f", "csv"))
    (out / "compare.json").write_text(_json_text(_cli(adb, "compare", "tbij", "na", "-f", "json")))
    (out / "lulls.json").write_text(_json_text(_cli(adb, "analyse", "lulls", "-d", "tbij", "-f", "json")))
    (out / "lulls-own.json").write_text(_json_text(_cli(db, "analyse", "lulls", "-f", "json")))
    for p in out.glob("*.db*"):
        p.unlink()


# --- comparing two trees ----------------------------------------------------------------------------------------


def _run_collect(tree: Path, out: Path) -> None:
    """Collect with ``tree``'s code; the inputs (example corpus, shared data) are the same files for both sides."""
    env = {**os.environ, "PYTHONPATH": str(tree), "STRIKEWATCH_SHARED": str(SHARED)}
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--collect", str(out), "--examples",
                    str(ROOT / "examples/articles")], check=True, env=env, cwd=tree)


def _export(rev: str, dest: Path) -> None:
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev], check=True,
                         capture_output=True).stdout
    import io

    with tarfile.open(fileobj=io.BytesIO(tar)) as t:
        files = [m for m in t.getmembers() if not (m.issym() or m.islnk())]  # e.g. a link to a local venv
        t.extractall(dest, members=files, filter="data")


def compare(a: Path, b: Path) -> list[str]:
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    differ: list[str] = []
    for n in names:
        pa, pb = a / n, b / n
        if not pa.exists() or not pb.exists() or pa.read_bytes() != pb.read_bytes():
            differ.append(n)
            if pa.exists() and pb.exists():
                diff = difflib.unified_diff(pa.read_text().splitlines(), pb.read_text().splitlines(), "before",
                                            "after", lineterm="", n=1)
                print(f"--- {n} differs:", *list(diff)[:30], sep="\n")
    return differ


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--against", help="git revision to compare this tree with (e.g. main, HEAD~3)")
    ap.add_argument("--after", help="compare this git revision (not the working tree) with --against")
    ap.add_argument("--collect", type=Path, help="write this tree's outputs to this folder and stop")
    ap.add_argument("--examples", type=Path, default=ROOT / "examples/articles", help=argparse.SUPPRESS)
    ap.add_argument("--keep", type=Path, help="keep both sides' outputs in this folder")
    args = ap.parse_args()
    if args.collect:
        collect(args.collect, args.examples)
        return 0
    if not args.against:
        ap.error("give --against REV or --collect OUT")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        before_tree, before, after = Path(tmp) / "tree", work / "before", work / "after"
        before_tree.mkdir()
        _export(args.against, before_tree)
        # the data files a checkout does not track (fetched web assets) are not needed for these outputs
        _run_collect(before_tree, before)
        after_tree = ROOT
        if args.after:
            after_tree = Path(tmp) / "after-tree"
            after_tree.mkdir()
            _export(args.after, after_tree)
        _run_collect(after_tree, after)
        files = sorted(p.name for p in after.iterdir())
        va, vb = ((d / "EXTRACTOR_VERSION").read_text().strip() for d in (before, after))
        print(f"extractor {va} ({args.against}) vs {vb} ({args.after or 'this tree'}); {len(files)} output files")
        if va != vb:
            print("different extractors: the comparison says nothing about the refactor")
        differ = compare(before, after)
        sizes = sum((after / n).stat().st_size for n in files)
        if differ:
            print(f"DIFFERENT: {', '.join(differ)}")
            return 1
        print(f"byte-identical: {len(files)} files, {sizes:,} bytes")
        return 0


if __name__ == "__main__":
    sys.exit(main())
