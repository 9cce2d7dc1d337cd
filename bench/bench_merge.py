"""Merge cost against corpus size: does it grow linearly (10x the reports in <= 11x the time)?

Synthetic reports are inserted in bulk straight into the events table (no text, no extraction): every strike gets
1-5 reports with differing tolls, some wire copies, some dated a day late or naming only the district, some
background mentions; several strikes a day per country in 40 countries with 12 districts each. The density per
country and day is the same at every size (more reports = a longer span), which is what a growing archive looks
like; the cost inside one day's block does not depend on the size of the archive.

For each size, in a fresh SQLite file (or a fresh PostgreSQL database with --pg), each step in its own process:
  full     first ``update_strikes(engine, None)``: every report merged, every record created;
  again    a second full run: nothing changes, every record checked (what ``merge --full`` costs);
  incr     1,000 new reports (new articles, a third of them about existing strikes) merged incrementally;
and the peak RSS of the merging process. Ratios are to the smallest size measured in the same run.

    .venv/bin/python bench/bench_merge.py [--sizes 10000,100000,1000000] [--pg] [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs/merge.md"
COUNTRIES = [f"{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(40)]  # made-up two-letter codes
STRIKES_PER_COUNTRY_DAY = 0.5
START = dt.date(1990, 1, 1)


def _strike_reports(rng: random.Random, sid: int, day: dt.date, country: str, district: int
                    ) -> list[dict[str, Any]]:
    place = f"Village {district}-{rng.randrange(40)}"
    killed = rng.randrange(1, 20)
    out = []
    for _ in range(rng.choice((1, 2, 3, 3, 4, 5))):
        d = day + dt.timedelta(days=1) if rng.random() < 0.08 else day
        k = max(0, killed + rng.choice((0, 0, 0, -1, 1, 2, -2)))
        out.append({
            "role": "main", "date": d, "country": country, "admin1": f"Province {district // 4}",
            "admin2": f"District {district}", "place": None if rng.random() < 0.15 else place,
            "killed": (k, k if rng.random() < 0.7 else k + rng.randrange(1, 4)), "strike": sid,
        })
    return out


def generate(n_reports: int, seed: int = 7) -> Iterator[list[dict[str, Any]]]:
    """Articles (each a list of events) with about ``n_reports`` events in all, streamed."""
    rng = random.Random(seed)
    n = sid = 0
    day = START
    recent: list[dict[str, Any]] = []
    while n < n_reports:
        for country in COUNTRIES:
            if rng.random() >= STRIKES_PER_COUNTRY_DAY:
                continue
            sid += 1
            reps = _strike_reports(rng, sid, day, country, rng.randrange(12))
            last: list[dict[str, Any]] | None = None
            for i, r in enumerate(reps):
                if i and rng.random() < 0.15:  # an agency story reposted: same report, counted once
                    r = dict(reps[i - 1], wire=True)
                if last is not None:
                    yield last
                last = [r]
                n += 1
            if last is not None:
                if recent and rng.random() < 0.2:  # a background mention of an earlier strike
                    last.append(dict(rng.choice(recent), role="background"))
                    n += 1
                yield last
            recent = (recent + [reps[0]])[-200:]
        day += dt.timedelta(days=1)


def _extra(n_reports: int, seed: int, count: int) -> list[list[dict[str, Any]]]:
    """``count`` new reports after an archive of ``n_reports``: a third repeat existing reports (more sources for
    known strikes), the rest are new strikes in the month after the archive ends."""
    rng = random.Random(seed + 1)
    sample: list[dict[str, Any]] = []
    last_day = START
    for i, art in enumerate(generate(n_reports, seed)):
        last_day = max(last_day, art[0]["date"])
        if len(sample) < count // 3 + 1:
            sample.append(art[0])
        elif rng.random() < (count // 3 + 1) / (i + 1):
            sample[rng.randrange(len(sample))] = art[0]
    out = [[dict(r, wire=False)] for r in sample[: count // 3]]
    while len(out) < count:
        d = last_day + dt.timedelta(days=rng.randrange(1, 30))
        out.append(_strike_reports(rng, 10**9 + len(out), d, rng.choice(COUNTRIES), rng.randrange(12))[:1])
    return out


def insert(url: str, n_reports: int, *, first_id: int = 1, seed: int = 7, extra: int = 0) -> int:
    """Bulk insert, streamed; with ``extra`` only that many new reports."""
    from sqlalchemy import insert as sql_insert

    from strikewatch.db import open_db, session_scope
    from strikewatch.db.tables import Article, EventRow, RawBlob

    arts: Iterable[list[dict[str, Any]]] = _extra(n_reports, seed, extra) if extra else generate(n_reports, seed)
    engine = open_db(url)
    now = dt.datetime.now(dt.UTC)
    aid = first_id
    with session_scope(engine) as s:
        for chunk in _batches(arts, 5000):
            blobs, rows, evs = [], [], []
            for a in chunk:
                sha = f"{aid:064x}"
                text = f"Report {aid}."
                blobs.append({"sha256": sha, "size": 1, "data": b"x", "created_at": now})
                dup = aid - 1 if a[0].get("wire") and aid > first_id else None
                rows.append({"id": aid, "sha256": sha, "text_sha256": sha, "source": f"bench:{aid}",
                             "content_type": "text/plain", "published": a[0]["date"], "published_basis": "cli",
                             "text": text, "n_chars": len(text), "dup_of": dup, "ingested_at": now,
                             "extractor_version": "bench"})
                for i, e in enumerate(a):
                    evs.append({"article_id": aid, "idx": i, "extractor_version": "bench", "role": e["role"],
                                "section": "body", "type": "drone_strike", "perpetrator": "US", "date": e["date"],
                                "date_earliest": e["date"], "date_latest": e["date"], "country": e["country"],
                                "admin1": e["admin1"], "admin2": e["admin2"], "place": e["place"],
                                "geo_precision": "place" if e["place"] else "admin2", "killed_min": e["killed"][0],
                                "killed_max": e["killed"][1], "target_groups": [], "named_dead": [],
                                "evidence": []})
                aid += 1
            s.execute(sql_insert(RawBlob), blobs)
            s.execute(sql_insert(Article), rows)
            s.execute(sql_insert(EventRow), evs)
    return aid


def _batches(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    buf: list[Any] = []
    for x in items:
        buf.append(x)
        if len(buf) >= n:
            yield buf
            buf = []
    if buf:
        yield buf


def _child(args: list[str]) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def child_main(argv: list[str]) -> None:
    import resource

    op, url = argv[0], argv[1]
    res: dict[str, Any] = {}
    from strikewatch.db import open_db

    open_db(url)  # imports and migrations are not the merge's cost
    t0 = time.perf_counter()
    c0 = time.process_time()
    if op == "insert":
        res["next_id"] = insert(url, int(argv[2]))
    elif op == "insert-extra":
        res["next_id"] = insert(url, int(argv[2]), first_id=int(argv[3]), extra=1000)
        res["new_ids"] = [int(argv[3]), res["next_id"]]
    elif op in ("full", "again"):
        from strikewatch.db import open_db, session_scope
        from strikewatch.merge.driver import run

        with session_scope(open_db(url)) as s:
            res["stats"] = run(s, None).to_dict()
    elif op == "incr":
        from strikewatch.db import open_db, session_scope
        from strikewatch.merge.driver import run

        ids = list(range(int(argv[2]), int(argv[3])))
        with session_scope(open_db(url)) as s:
            res["stats"] = run(s, ids).to_dict()
    res["seconds"] = time.perf_counter() - t0
    res["cpu_seconds"] = time.process_time() - c0
    res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(res))


def fresh_db(kind: str, tmp: Path, size: int) -> tuple[str, Any]:
    if kind == "sqlite":
        return f"sqlite:///{tmp}/bench_{size}.db", None
    import uuid

    import psycopg

    admin = os.environ.get("STRIKEWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    name = "swbench_" + uuid.uuid4().hex[:8]
    with psycopg.connect(admin.replace("+psycopg", ""), autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin.replace("+psycopg", ""), autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return admin.rsplit("/", 1)[0] + "/" + name, drop


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_main(sys.argv[2:])
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--pg", action="store_true", help="PostgreSQL instead of SQLite")
    ap.add_argument("--write", action="store_true", help="write the table into docs/merge.md")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    kind = "postgresql" if args.pg else "sqlite"
    rows = []
    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as tmpd:
        tmp = Path(tmpd)
        for size in sizes:
            url, drop = fresh_db(kind, tmp, size)
            try:
                ins = _child(["--child", "insert", url, str(size)])
                full = _child(["--child", "full", url])
                again = _child(["--child", "again", url])
                extra = _child(["--child", "insert-extra", url, str(size), str(ins["next_id"])])
                incr = _child(["--child", "incr", url, *map(str, extra["new_ids"])])
            finally:
                if drop:
                    from strikewatch.db.engine import dispose_all

                    dispose_all()
                    drop()
            row = {"size": size, "reports": full["stats"]["reports"], "insert_s": ins["seconds"],
                   "full_s": full["seconds"], "again_s": again["seconds"], "incr_s": incr["seconds"],
                   "full_cpu": full["cpu_seconds"], "again_cpu": again["cpu_seconds"],
                   "incr_cpu": incr["cpu_seconds"],
                   "records": full["stats"]["strikes_created"], "rss_mb": full["peak_rss_mb"],
                   "rss_again_mb": again["peak_rss_mb"],
                   "again_written": again["stats"]["strikes_written"]}
            rows.append(row)
            print(json.dumps(row), flush=True)
    base = rows[0]
    for r in rows:
        scale = r["reports"] / base["reports"]
        r["scale"] = scale
        r["full_ratio"] = r["full_s"] / base["full_s"]
        r["cpu_ratio"] = r["full_cpu"] / base["full_cpu"]
        print(f"{r['reports']:>9} reports (x{scale:.0f}): full merge {r['full_s']:.1f} s wall "
              f"(x{r['full_ratio']:.2f}), "
              f"{r['full_cpu']:.1f} s CPU (x{r['cpu_ratio']:.2f}); re-merge {r['again_s']:.1f} s; +1000 reports "
              f"{r['incr_s']:.2f} s; peak RSS {r['rss_mb']:.0f} MB", flush=True)
    if args.write:
        write_doc(rows, kind)
    return 0


def write_doc(rows: list[dict[str, Any]], kind: str) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from merge_eval import _replace_block

    lines = [
        f"<!-- bench_merge_{kind}:start -->",
        f"`bench/bench_merge.py{' --pg' if kind == 'postgresql' else ''}` on {kind} ({dt.date.today()}, "
        f"{os.cpu_count()} cores shared with other work"
        + ("; CPU time of the merging process, SQLite included, is the steadier measure):" if kind == "sqlite"
           else "; the server's CPU is not in the CPU column):"),
        "",
        "| reports | records | full merge, wall | full merge, CPU | CPU x (data x) | full re-merge, nothing changed "
        "(wall / CPU) | +1,000 reports, incremental (wall / CPU) | peak RSS: merge / re-merge |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['reports']:,} | {r['records']:,} | {r['full_s']:.1f} s | {r['full_cpu']:.1f} s "
            f"| x{r['cpu_ratio']:.2f} (x{r['scale']:.0f}) | {r['again_s']:.1f} s / {r['again_cpu']:.1f} s "
            f"| {r['incr_s']:.2f} s / {r['incr_cpu']:.2f} s | {r['rss_mb']:.0f} MB / {r['rss_again_mb']:.0f} MB |")
    lines.append(f"<!-- bench_merge_{kind}:end -->")
    _replace_block("\n".join(lines), f"bench_merge_{kind}")


if __name__ == "__main__":
    sys.exit(main())
