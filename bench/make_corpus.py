"""Write a synthetic benchmark corpus: N news-like articles as ingest JSONL, streamed in flat memory.

    python bench/make_corpus.py --n 10000 --out corpus.jsonl [--seed 1]
    python bench/make_corpus.py --n 1000000 --out corpus-1m.jsonl.gz --truth truth-1m.jsonl.gz
    python bench/make_corpus.py --facts ../shared/data/reference/tbij_pakistan_strikes.xlsx --out tbij.jsonl

Each line is ``{"id", "text", "published", "url", "outlet", "title"}`` (``--html``: ``html`` instead of
``text``, the article wrapped in a web page with boilerplate). ``--truth`` writes the ground truth beside it,
one line per article in the same order: which strikes it reports (main) or mentions (background), with the
figures it states and their character spans. Articles are written by ``swdev.synth`` from templates in
our own words; facts are made up in real places unless ``--facts`` names a TBIJ file (then the corpus ends
when its strikes run out). ``.gz`` outputs are gzip-compressed.
"""

from __future__ import annotations

import argparse
import gzip
import io
import itertools
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # swdev/: the repository's dev package

from swdev.synth import StrikeFacts, fictional_facts, generate, load_tbij, render_html  # noqa: E402


def _open(path: str) -> IO[str]:
    if path == "-":
        return sys.stdout
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    if p.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(p, "wb", compresslevel=3), encoding="utf-8", newline="\n")
    return open(p, "w", encoding="utf-8", newline="\n", buffering=1 << 20)


def _pair(text: str) -> tuple[int, int]:
    lo, _, hi = text.partition(",")
    return int(lo), int(hi or lo)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="number of articles (default 10000)")
    ap.add_argument("--out", default="corpus.jsonl", help="output JSONL (.gz to compress, - for stdout)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--truth", help="also write the ground truth JSONL here")
    ap.add_argument("--facts", help="TBIJ workbook (.xlsx) or all-countries export (.csv) instead of made-up facts")
    ap.add_argument("--html", action="store_true", help="write each article as an HTML page in an 'html' field")
    ap.add_argument("--words", type=_pair, default=(150, 700), help="article length range in words (150,700)")
    ap.add_argument("--reports", type=_pair, default=(1, 5), help="documents per strike (1,5)")
    ap.add_argument("--wire-rate", type=float, default=0.2)
    ap.add_argument("--commentary-rate", type=float, default=0.05)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)

    facts: Iterator[StrikeFacts] = iter(load_tbij(args.facts)) if args.facts else fictional_facts(args.seed)
    docs = itertools.islice(
        generate(facts, seed=args.seed, words=args.words, reports_per_strike=args.reports,
                 wire_rate=args.wire_rate, commentary_rate=args.commentary_rate),
        args.n,
    )
    out = _open(args.out)
    truth = _open(args.truth) if args.truth else None
    dumps = json.dumps
    t0 = time.perf_counter()
    n = n_bytes = 0
    try:
        for doc in docs:
            rec = doc.record()
            if args.html:
                rec["html"] = render_html(doc)
                del rec["text"]
            line = dumps(rec, ensure_ascii=False) + "\n"
            out.write(line)
            n_bytes += len(line)
            if truth is not None:
                truth.write(dumps(doc.truth(), ensure_ascii=False) + "\n")
            n += 1
            if not args.quiet and n % 50_000 == 0:
                rate = n / (time.perf_counter() - t0)
                print(f"{n:>10,} articles  {rate:,.0f}/s", file=sys.stderr, flush=True)
    finally:
        for f in (out, truth):
            if f is not None and f is not sys.stdout:
                f.close()
    dt = time.perf_counter() - t0
    if not args.quiet:
        print(f"wrote {n:,} articles ({n_bytes / 1e6:,.1f} MB of JSON) to {args.out} in {dt:.1f} s: "
              f"{n / dt:,.0f} articles/s", file=sys.stderr)
    if n < args.n:
        print(f"note: the facts ran out after {n:,} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
