"""Benchmark: scaled ingest on this machine (worker processes + one batch writer) and the merge at 1M reports.

Steps (each measured in its own process; peak RSS polled over the process and its workers):

  extract  read + extract + fingerprint per article in one process (articles/s per core, from CPU time), and the
           worker pool alone (no database) with 1 and 2 workers: the speedup.
  ingest   ``ingest_scaled(workers=2)`` of the first N articles of a synthetic corpus (bench/make_corpus.py) into a
           fresh SQLite file and a fresh PostgreSQL database, then the strike update of the new articles, each
           phase timed with its peak RSS; baseline: the one-process ``ingest_sources`` on the first 1,000 articles
           of the same corpus in the same run (ratio).
  merge    full ``update_strikes`` at R reports on PostgreSQL: the events and articles of the 10k ingest, cloned
           with their dates shifted (copy k lives k spans later, so density per day stays that of the corpus
           and more reports mean a longer archive), then an incremental update of 200 new articles (the
           blocking queries of a daily run at that size), and the API's filtered strike lists at that size.

    .venv/bin/python bench/bench_scale.py --steps extract,ingest --sizes 10000 --write
    .venv/bin/python bench/bench_scale.py --steps ingest --sizes 100000 --dbs postgresql --write
    .venv/bin/python bench/bench_scale.py --steps merge --reports 100000,1000000 --write

Results accumulate in WORKDIR/results.json (so the long steps can run separately); ``--write`` renders them into
docs/scale.md. Figures depend on the machine's load: each step records the load average around it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "scale.md"
PG_ADMIN = os.environ.get("STRIKEWATCH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
MARK_START = "<!-- bench_scale:start -->"
MARK_END = "<!-- bench_scale:end -->"
BASE_DB = "sw_bench_scale_base"  # the PostgreSQL database of the 10k ingest: the merge step clones it


# --- helpers ---------------------------------------------------------------------------------------------------


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def pg_url(name: str) -> str:
    return PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + "/" + name


def pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def fresh_db(kind: str, workdir: Path, name: str) -> str:
    if kind == "sqlite":
        path = workdir / f"{name}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        return f"sqlite:///{path}"
    pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    pg_admin(f'CREATE DATABASE "{name}"')
    return pg_url(name)


def corpus(workdir: Path, n: int) -> Path:
    """The first n articles of the benchmark corpus (seed 1; a prefix of every larger one)."""
    path = workdir / f"corpus-{n}.jsonl"
    if path.exists() and sum(1 for _ in path.open("rb")) == n:
        return path
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--n", str(n), "--out", str(path),
                    "--seed", "1", "--quiet"], check=True)
    return path


def run_measured(args: list[str], timeout: float = 6 * 3600) -> dict[str, Any]:
    """Run ``python bench_scale.py ARGS`` as a subprocess; its last stdout line is JSON. Adds wall seconds, the
    peak RSS of the process alone and of its whole tree (workers included), and the CPU seconds of the process
    and of its workers (user + system), polled every 0.2 s."""
    import psutil

    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak_main = peak_tree = 0
    cpu_main = 0.0
    cpu_children: dict[int, float] = {}
    while proc.poll() is None:
        try:
            main = ps.memory_info().rss
            t = ps.cpu_times()
            cpu_main = t.user + t.system
            tree = main
            for c in ps.children(recursive=True):
                try:
                    tree += c.memory_info().rss
                    ct = c.cpu_times()
                    cpu_children[c.pid] = ct.user + ct.system
                except psutil.Error:
                    pass
        except psutil.Error:
            main = tree = 0
        peak_main, peak_tree = max(peak_main, main), max(peak_tree, tree)
        if time.perf_counter() - t0 > timeout:
            proc.kill()
            raise TimeoutError(f"{args} took more than {timeout} s")
        time.sleep(0.2)
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        raise RuntimeError(f"{args} failed with {proc.returncode}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result.update(wall=round(time.perf_counter() - t0, 2), rss_main_mb=round(peak_main / 2**20, 1),
                  rss_tree_mb=round(peak_tree / 2**20, 1), cpu_main=round(cpu_main, 2),
                  cpu_workers=round(sum(cpu_children.values()), 2))
    return result


# --- child processes -------------------------------------------------------------------------------------------


def child_extract(corpus_path: str, sample: int) -> dict[str, Any]:
    """One process: read + prepare ``sample`` articles; CPU seconds per article."""
    from strikewatch.ingest.read import Input, ReadOptions
    from strikewatch.scale.tasks import LineItem, iter_items, run_task, warm_up

    warm_up()
    items = [it for _, it in zip(range(sample), iter_items([Input(corpus_path, "jsonl")], ReadOptions()),
                                 strict=False) if isinstance(it, LineItem)]
    from strikewatch.scale.runner import CHUNK

    # in tasks of the pool's size, keeping only counts: holding every prepared article alive would make Python's
    # garbage collector re-scan them all, a cost the workers (which ship results away) never pay
    n = n_chars = 0
    c0, t0 = time.process_time(), time.perf_counter()
    for i in range(0, len(items), CHUNK):
        preps = run_task(tuple(items[i:i + CHUNK]), ReadOptions())
        n += len(preps)
        n_chars += sum(len(p.article.text) for p in preps if hasattr(p, "article"))
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    return {"articles": n, "cpu": round(cpu, 3), "wall": round(wall, 3),
            "per_core": round(n / cpu, 2), "chars_per_article": n_chars // max(1, n)}


def child_pool(corpus_path: str, sample: int, workers: int) -> dict[str, Any]:
    """The worker pool alone (no database): ``sample`` articles through ``workers`` processes."""
    from strikewatch.ingest.read import Input, ReadOptions
    from strikewatch.scale.runner import CHUNK, INFLIGHT_PER_WORKER, LocalBackend, ordered_results
    from strikewatch.scale.tasks import LineItem, iter_items

    items = [it for _, it in zip(range(sample), iter_items([Input(corpus_path, "jsonl")], ReadOptions()),
                                 strict=False) if isinstance(it, LineItem)]
    backend = LocalBackend(workers, ReadOptions(), True)
    try:
        # start the workers (and let them warm up) before the clock starts
        for f in [backend.submit(()) for _ in range(workers * 2)]:
            f.result()
        t0 = time.perf_counter()
        tasks = (tuple(items[i:i + CHUNK]) for i in range(0, len(items), CHUNK))
        n = sum(len(r) for r in ordered_results(backend, tasks, INFLIGHT_PER_WORKER * workers))
        wall = time.perf_counter() - t0
    finally:
        backend.close()
    return {"articles": n, "workers": workers, "seconds": round(wall, 3), "rate": round(n / wall, 2)}


def child_ingest(url: str, corpus_path: str, workers: int) -> dict[str, Any]:
    from strikewatch.db import open_db
    from strikewatch.scale.runner import ingest_scaled

    engine = open_db(url)
    rep = ingest_scaled(engine, [corpus_path], workers=workers, update_strikes=False)
    return {"stored": rep.stored.count, "present": rep.present.count, "rejected": rep.rejected.count,
            "rejected_reasons": sorted({r.reason for r in rep.rejected.items})[:5],
            "wire_copies": rep.wire_copies.count, "seconds": round(rep.seconds, 2)}


def child_single(url: str, corpus_path: str) -> dict[str, Any]:
    from strikewatch.db import open_db
    from strikewatch.ingest.pipeline import ingest_sources

    engine = open_db(url)
    t0 = time.perf_counter()
    rep = ingest_sources(engine, [corpus_path], update_strikes=False)
    return {"stored": len(rep.stored), "rejected": len(rep.rejected), "seconds": round(time.perf_counter() - t0, 2)}


def child_flush(url: str) -> dict[str, Any]:
    from sqlalchemy import func, select

    from strikewatch.db import open_db, session_scope
    from strikewatch.db.tables import MergeQueue, Strike
    from strikewatch.ingest.pipeline import flush_merge_queue

    engine = open_db(url)
    with session_scope(engine) as s:
        queued = s.scalar(select(func.count()).select_from(MergeQueue))
    t0 = time.perf_counter()
    err = flush_merge_queue(engine)
    seconds = time.perf_counter() - t0
    with session_scope(engine) as s:
        strikes = s.scalar(select(func.count()).select_from(Strike).where(Strike.status == "active"))
    return {"queued": queued, "error": err, "seconds": round(seconds, 2), "strikes": strikes}


def child_merge(url: str) -> dict[str, Any]:
    """Full merge, then 200 new articles merged incrementally, then the API's filtered lists."""
    from sqlalchemy import func, select

    from strikewatch.db import open_db, session_scope
    from strikewatch.db.tables import EventRow, Strike
    from strikewatch.merge import update_strikes

    engine = open_db(url)
    with session_scope(engine) as s:
        reports = s.scalar(select(func.count()).select_from(EventRow))
    t0 = time.perf_counter()
    update_strikes(engine, None)
    full = time.perf_counter() - t0
    with session_scope(engine) as s:
        strikes = s.scalar(select(func.count()).select_from(Strike).where(Strike.status == "active"))
    new_ids = add_copy(engine, n_articles=200)
    t0 = time.perf_counter()
    update_strikes(engine, new_ids)
    incr = time.perf_counter() - t0
    return {"reports": reports, "strikes": strikes, "full": round(full, 2), "incremental_200": round(incr, 3),
            "api_ms": api_queries(engine)}


def api_queries(engine: Any) -> dict[str, float]:
    """Milliseconds per page of /api/strikes' query (``strikewatch.web.queries.list_strikes``: one page of 50 and
    the number matching, no count cache), median of 5, for the API's filters."""
    import statistics

    from strikewatch.db import session_scope
    from strikewatch.web.queries import StrikeFilter, list_strikes

    cases: dict[str, StrikeFilter] = {
        "newest page": StrikeFilter(),
        "country + dates": StrikeFilter(country="PK", since=dt.date(2010, 1, 1), until=dt.date(2010, 12, 31)),
        "admin": StrikeFilter(admin="North Waziristan"),
        "grade + min killed": StrikeFilter(grade=("fair",), min_killed=10),
    }
    out = {}
    for name, flt in cases.items():
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            with session_scope(engine) as s:
                list_strikes(s, flt, sort="-date", limit=50)
            times.append(time.perf_counter() - t0)
        out[name] = round(statistics.median(times) * 1000, 1)
    return out


# --- cloning the 10k archive to R reports (PostgreSQL) ---------------------------------------------------------

_SKIP = {"id"}
_SERIES = "generate_series(CAST(:k0 AS integer), CAST(:k1 AS integer)) AS k(k)"


def _clone_sql(table: Any, shifts: dict[str, str], k_expr: str = "k.k") -> str:
    cols = [c.name for c in table.columns if c.name not in _SKIP or c.name in shifts]
    exprs = [shifts.get(c, f"x.{c}") for c in cols]
    quoted = ", ".join(f'"{c}"' for c in cols)
    return (f"INSERT INTO {table.name} ({quoted}) SELECT {', '.join(exprs)} FROM {table.name} x "
            f"CROSS JOIN {_SERIES} WHERE x.article_id_or_id <= :m")


def clone(engine: Any, copies: int, first: int = 1, max_articles: int | None = None) -> list[int]:
    """Copies ``first`` .. ``first + copies - 1`` of the base articles (ids <= M) and their events, each copy
    ``k`` shifted k spans later; returns the new article ids."""
    from sqlalchemy import text

    from strikewatch.db.tables import Article, EventRow

    with engine.begin() as conn:
        m, lo, hi = conn.execute(text("SELECT value::int, lo, hi FROM bench_base")).one()
        span = (hi - lo).days + 60
        limit = max_articles or m
        shift = f"(k.k * {span})"
        art_shifts = {
            "id": f"x.id + k.k * {m}",
            "sha256": "md5(x.sha256 || ':' || k.k) || md5(k.k || ':' || x.sha256)",
            "published": f"x.published + {shift}",
            "dup_of": f"x.dup_of + k.k * {m}",
            "source": "x.source || '#' || k.k",
        }
        ev_shifts = {"article_id": f"x.article_id + k.k * {m}", "date": f"x.date + {shift}",
                     "date_earliest": f"x.date_earliest + {shift}", "date_latest": f"x.date_latest + {shift}"}
        params = {"k0": first, "k1": first + copies - 1, "m": limit}
        conn.execute(text(
            "INSERT INTO raw_blobs (sha256, size, data, created_at) SELECT md5(x.sha256 || ':' || k.k) || "
            f"md5(k.k || ':' || x.sha256), 0, ''::bytea, now() FROM articles x CROSS JOIN {_SERIES} WHERE x.id <= :m"),
            params)
        conn.execute(text(_clone_sql(Article.__table__, art_shifts).replace("article_id_or_id", "id")), params)
        conn.execute(text(_clone_sql(EventRow.__table__, ev_shifts).replace("article_id_or_id", "article_id")),
                     params)
        conn.execute(text("SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles))"))
        ids = conn.execute(text("SELECT id FROM articles WHERE id > :a ORDER BY id"),
                           {"a": first * m}).scalars().all()
    return [int(i) for i in ids if i <= (first + copies) * m]


def add_copy(engine: Any, n_articles: int) -> list[int]:
    """A new day's news: the first ``n_articles`` base articles once more, after every copy so far."""
    from sqlalchemy import text

    with engine.begin() as conn:
        copies = conn.execute(text("SELECT copies FROM bench_base")).scalar_one()
    ids = clone(engine, 1, first=copies, max_articles=n_articles)
    with engine.begin() as conn:
        conn.execute(text("UPDATE bench_base SET copies = copies + 1"))
    return ids


def child_build(url: str, reports: int) -> dict[str, Any]:
    """Turn a copy of the base database into one of ``reports`` reports (strikes cleared)."""
    from sqlalchemy import text

    from strikewatch.db import open_db

    engine = open_db(url)
    with engine.begin() as conn:
        for t in ("strike_reports", "strikes", "merge_queue", "article_bands", "claims", "review_actions"):
            conn.execute(text(f"DELETE FROM {t}"))
        m = conn.execute(text("SELECT max(id) FROM articles")).scalar_one()
        lo, hi = conn.execute(text("SELECT min(published), max(published) FROM articles")).one()
        base_reports = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
        conn.execute(text("CREATE TABLE bench_base (value text, lo date, hi date, copies int)"))
        copies = max(1, round(reports / base_reports))
        conn.execute(text("INSERT INTO bench_base VALUES (:m, :lo, :hi, :c)"),
                     {"m": str(m), "lo": lo, "hi": hi, "c": copies})
    t0 = time.perf_counter()
    if copies > 1:
        step = 10
        for first in range(1, copies, step):
            clone(engine, min(step, copies - first), first=first)
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
        n = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
        arts = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
    return {"reports": n, "articles": arts, "copies": copies, "base_reports": base_reports,
            "build_seconds": round(time.perf_counter() - t0, 1)}


# --- steps -----------------------------------------------------------------------------------------------------


def step_extract(results: dict[str, Any], workdir: Path, sample: int) -> None:
    path = corpus(workdir, 10_000)
    before = load()
    one = run_measured(["_extract", str(path), str(sample)])
    # control: what this machine gives right now to two processes that share nothing (the ideal speedup)
    procs = [subprocess.Popen([sys.executable, __file__, "_extract", str(path), str(sample)], stdout=subprocess.PIPE,
                              text=True) for _ in range(2)]
    pair = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in procs]
    ceiling = sum(r["articles"] / r["wall"] for r in pair) / (one["articles"] / one["wall"])
    pools = {w: run_measured(["_pool", str(path), str(sample), str(w)]) for w in (1, 2)}
    results["extract"] = {
        "sample": sample, "per_core": one["per_core"], "chars_per_article": one["chars_per_article"],
        "pool_1": pools[1]["rate"], "pool_2": pools[2]["rate"],
        "cpu_ms_1": round(pools[1]["cpu_workers"] / pools[1]["articles"] * 1000, 2),
        "cpu_ms_2": round(pools[2]["cpu_workers"] / pools[2]["articles"] * 1000, 2),
        "speedup": round(pools[2]["rate"] / pools[1]["rate"], 2), "ceiling": round(ceiling, 2),
        "load": [before, load()],
        "at": dt.datetime.now().isoformat(timespec="minutes"),
    }
    print(json.dumps(results["extract"]), file=sys.stderr)


def step_ingest(results: dict[str, Any], workdir: Path, sizes: list[int], dbs: list[str], workers: int,
                base_size: int) -> None:
    base = corpus(workdir, min(1000, min(sizes)))
    n_base = sum(1 for _ in base.open("rb"))
    for kind in dbs:
        before = load()
        single_url = fresh_db(kind, workdir, f"sw_bench_scale_single_{uuid.uuid4().hex[:6]}")
        single = run_measured(["_single", single_url, str(base)])
        if kind == "postgresql":
            pg_admin(f'DROP DATABASE IF EXISTS "{single_url.rsplit("/", 1)[1]}" WITH (FORCE)')
        for n in sizes:
            path = corpus(workdir, n)
            name = BASE_DB if (kind == "postgresql" and n == base_size) else f"sw_bench_scale_{kind[:2]}_{n}"
            url = fresh_db(kind, workdir, name)
            ing = run_measured(["_ingest", url, str(path), str(workers)])
            flush = run_measured(["_flush", url])
            total = ing["seconds"] + flush["seconds"]
            articles = ing["stored"] + ing["present"] + ing["rejected"]
            results.setdefault("ingest", {})[f"{kind}/{n}"] = {
                "db": kind, "articles": articles, "stored": ing["stored"], "rejected": ing["rejected"],
                "rejected_reasons": ing["rejected_reasons"], "wire_copies": ing["wire_copies"],
                "workers": workers, "ingest_s": ing["seconds"], "ingest_rate": round(articles / ing["seconds"], 2),
                "merge_s": flush["seconds"], "strikes": flush["strikes"], "merge_error": flush["error"],
                "rss_ingest_main_mb": ing["rss_main_mb"], "rss_ingest_tree_mb": ing["rss_tree_mb"],
                "rss_merge_mb": flush["rss_main_mb"],
                "cpu_ms_writer": round(ing["cpu_main"] / articles * 1000, 2),
                "cpu_ms_workers": round(ing["cpu_workers"] / articles * 1000, 2),
                "cpu_ms_update": round(flush["cpu_main"] / articles * 1000, 2),
                "cpu_ms_single": round(single["cpu_main"] / n_base * 1000, 2),
                "per_day": round(articles / total * 86400), "single_rate": round(n_base / single["seconds"], 2),
                "ratio_to_single": round((articles / ing["seconds"]) / (n_base / single["seconds"]), 2),
                "load": [before, load()], "at": dt.datetime.now().isoformat(timespec="minutes"),
            }
            print(json.dumps(results["ingest"][f"{kind}/{n}"]), file=sys.stderr)
            save(workdir, results)
            if kind == "postgresql" and name != BASE_DB:
                pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def step_merge(results: dict[str, Any], workdir: Path, reports: list[int]) -> None:
    for r in reports:
        name = f"sw_bench_scale_merge_{r}"
        pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{BASE_DB}"')
        url = pg_url(name)
        before = load()
        built = run_measured(["_build", url, str(r)])
        got = run_measured(["_merge", url])
        results.setdefault("merge", {})[str(r)] = {
            **{k: built[k] for k in ("reports", "articles", "copies", "build_seconds")},
            "full_s": got["full"], "strikes": got["strikes"], "incremental_200_s": got["incremental_200"],
            "api_ms": got["api_ms"], "rss_mb": got["rss_main_mb"], "load": [before, load()],
            "at": dt.datetime.now().isoformat(timespec="minutes"),
        }
        print(json.dumps(results["merge"][str(r)]), file=sys.stderr)
        save(workdir, results)
        pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- results -----------------------------------------------------------------------------------------------------


def save(workdir: Path, results: dict[str, Any]) -> None:
    (workdir / "results.json").write_text(json.dumps(results, indent=1, default=str))


def render(results: dict[str, Any]) -> str:
    lines: list[str] = [f"Machine: {os.cpu_count()} cores, shared with other jobs (load averages noted). "
                        f"Rendered {dt.date.today().isoformat()}.", ""]
    ex = results.get("extract")
    if ex:
        lines += [
            "| extraction (read + extract + fingerprint) | figure |",
            "|---|---|",
            f"| per core (CPU time), {ex['chars_per_article']:,}-character articles | "
            f"{ex['per_core']:.1f} articles/s |",
            f"| worker pool, 1 worker (wall) | {ex['pool_1']:.1f} articles/s |",
            f"| worker pool, 2 workers (wall) | {ex['pool_2']:.1f} articles/s |",
            f"| **speedup 1 → 2 workers** (goal ≥ 1.7) | **{ex['speedup']:.2f}x** |",
            f"| control: two independent extraction processes at the same time, vs one | "
            f"{ex.get('ceiling', '?')}x |",
            f"| CPU per article in the workers, 1 / 2 workers (incl. warm-up) | {ex.get('cpu_ms_1', '?')} / "
            f"{ex.get('cpu_ms_2', '?')} ms |",
        ]
        if "cpu_ms_1" in ex:
            lines.append(f"| speedup on 2 idle cores, from CPU time (2 × CPU per article with 1 / with 2) | "
                         f"{2 * ex['cpu_ms_1'] / ex['cpu_ms_2']:.2f}x |")
        lines += [f"| load average before → after | {ex['load'][0][0]} → {ex['load'][1][0]} |", ""]
    ing = results.get("ingest", {})
    if ing:
        lines += [
            "| ingest, 2 workers | articles | stored | ingest rate | vs one process | strike update | "
            "**end to end** | peak RSS writer / all | peak RSS update | load |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for key in sorted(ing, key=lambda k: (ing[k]["db"], ing[k]["articles"])):
            r = ing[key]
            lines.append(
                f"| {r['db']} | {r['articles']:,} | {r['stored']:,} | {r['ingest_rate']:.1f}/s "
                f"({r['ingest_s']:,.0f} s) | {r['ratio_to_single']:.2f}x ({r['single_rate']:.1f}/s) | "
                f"{r['merge_s']:,.0f} s | **{r['per_day']:,}/day** | {r['rss_ingest_main_mb']:.0f} / "
                f"{r['rss_ingest_tree_mb']:.0f} MB | {r['rss_merge_mb']:.0f} MB | {r['load'][0][0]}–{r['load'][1][0]} |"
            )
        lines += [
            "",
            "CPU per article (ms) and what 2 dedicated cores would do (the writer and the workers share the cores; "
            "PostgreSQL's server time is not included):",
            "",
            "| ingest | workers (read + extract + fingerprint) | writer | strike update | one-process ingest | "
            "2 cores, scaled | 1 core, one process | scaled / one process |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for key in sorted(ing, key=lambda k: (ing[k]["db"], ing[k]["articles"])):
            r = ing[key]
            if "cpu_ms_writer" not in r:
                continue
            total = r["cpu_ms_workers"] + r["cpu_ms_writer"] + r["cpu_ms_update"]
            scaled = min(2000 / total, 1000 / (r["cpu_ms_writer"] + r["cpu_ms_update"]))
            single = 1000 / r["cpu_ms_single"] if r.get("cpu_ms_single") else None
            lines.append(
                f"| {r['db']} {r['articles']:,} | {r['cpu_ms_workers']:.2f} | {r['cpu_ms_writer']:.2f} | "
                f"{r['cpu_ms_update']:.2f} | {r.get('cpu_ms_single', '?')} | {scaled:.0f}/s = "
                f"{scaled * 86400 / 1e6:.1f}M/day | "
                + (f"{single:.0f}/s | {scaled / single:.2f}x |" if single else "? | ? |")
            )
        lines.append("")
        for db in ("sqlite", "postgresql"):
            small, big = ing.get(f"{db}/10000"), ing.get(f"{db}/100000")
            if small and big:
                lines.append(
                    f"- {db}: peak RSS of the ingest at 100k / 10k: writer "
                    f"{big['rss_ingest_main_mb'] / small['rss_ingest_main_mb']:.2f}x, all processes "
                    f"{big['rss_ingest_tree_mb'] / small['rss_ingest_tree_mb']:.2f}x (goal ≤ 1.2x); strike update "
                    f"{big['rss_merge_mb'] / small['rss_merge_mb']:.2f}x; ingest rate 100k / 10k "
                    f"{big['ingest_rate'] / small['ingest_rate']:.2f}x (CPU per article in the writer "
                    f"{big['cpu_ms_writer'] / small['cpu_ms_writer']:.2f}x, in the workers "
                    f"{big['cpu_ms_workers'] / small['cpu_ms_workers']:.2f}x)")
        lines.append("")
    mg = results.get("merge", {})
    if mg:
        lines += [
            "| PostgreSQL, extracted reports | articles | full merge | per 1k reports | strikes | "
            "incremental (200 new articles) | /api/strikes page (ms): newest / country+dates / admin / grade+killed | "
            "peak RSS | load |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        keys = sorted(mg, key=int)
        for k in keys:
            r = mg[k]
            api = r["api_ms"]
            lines.append(
                f"| {r['reports']:,} | {r['articles']:,} | {r['full_s']:,.0f} s | "
                f"{r['full_s'] / r['reports'] * 1000:.2f} s | {r['strikes']:,} | {r['incremental_200_s']:.1f} s | "
                f"{' / '.join(str(api[x]) for x in api)} | {r['rss_mb']:.0f} MB | {r['load'][0][0]}–{r['load'][1][0]} |"
            )
        if len(keys) >= 2:
            a, b = mg[keys[0]], mg[keys[-1]]
            data = b["reports"] / a["reports"]
            per_report = (b["full_s"] / b["reports"]) / (a["full_s"] / a["reports"])
            lines += ["", f"- {data:.1f}x the reports took {b['full_s'] / a['full_s']:.1f}x the time "
                      f"(goal: 10x data ≤ 11x time; time per report {per_report:.2f}x)"]
        lines.append("")
    return "\n".join(lines)


def write_doc(results: dict[str, Any]) -> None:
    text = DOC.read_text() if DOC.exists() else f"# Scale\n\n{MARK_START}\n{MARK_END}\n"
    if MARK_START not in text:
        text += f"\n{MARK_START}\n{MARK_END}\n"
    head, rest = text.split(MARK_START, 1)
    _, tail = rest.split(MARK_END, 1)
    DOC.write_text(head + MARK_START + "\n" + render(results) + "\n" + MARK_END + tail)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    children = {"_extract": child_extract, "_pool": child_pool, "_ingest": child_ingest, "_single": child_single,
                "_flush": child_flush, "_merge": child_merge, "_build": child_build}
    if argv and argv[0] in children:
        fn = children[argv[0]]
        args: list[Any] = [int(a) if a.isdigit() else a for a in argv[1:]]
        print(json.dumps(fn(*args), default=str))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", default="extract,ingest", help="extract,ingest,merge")
    ap.add_argument("--sizes", default="10000", help="ingest sizes (articles)")
    ap.add_argument("--dbs", default="sqlite,postgresql")
    ap.add_argument("--reports", default="100000,1000000", help="merge sizes (reports)")
    ap.add_argument("--sample", type=int, default=600, help="articles for the extraction step")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--workdir", default="/tmp/strikewatch-bench")
    ap.add_argument("--base-size", type=int, default=10_000,
                    help="the PostgreSQL ingest of this size is kept as the merge step's base")
    ap.add_argument("--write", action="store_true", help="render the results into docs/scale.md")
    a = ap.parse_args(argv)
    workdir = Path(a.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    res_file = workdir / "results.json"
    results: dict[str, Any] = json.loads(res_file.read_text()) if res_file.exists() else {}
    steps = a.steps.split(",")
    if "extract" in steps:
        step_extract(results, workdir, a.sample)
        save(workdir, results)
    if "ingest" in steps:
        step_ingest(results, workdir, [int(x) for x in a.sizes.split(",")], a.dbs.split(","), a.workers,
                    a.base_size)
    if "merge" in steps:
        step_merge(results, workdir, [int(x) for x in a.reports.split(",")])
    save(workdir, results)
    print(render(results))
    if a.write:
        write_doc(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
