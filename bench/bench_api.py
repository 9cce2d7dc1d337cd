"""Benchmark: /api/strikes on 100k strike records, latency over loopback under a bounded load.

Bulk-inserts synthetic strike rows (no sources: only the list endpoint is measured), starts the real
``strikewatch serve`` on 127.0.0.1, and sends a fixed number of requests from a few client threads with
keep-alive connections (bounded in count and in time). Reports p50/p90/p99 per query kind and overall, for
SQLite and (when reachable) PostgreSQL, and writes them to docs/web.md.

    .venv/bin/python bench/bench_api.py [--rows 100000] [--requests 3000] [--concurrency 4] [--no-pg]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import psutil

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "web.md"
PG_ADMIN = os.environ.get("STRIKEWATCH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
MARK_START = "<!-- bench_api:start -->"
MARK_END = "<!-- bench_api:end -->"

# (name, query parameters) — what the map, the table and API users ask for
QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("first page (newest)", {}),
    ("page 20 of 50", {"offset": 1000, "limit": 50}),
    ("country + date range", {"country": "PK", "since": "2010-01-01", "until": "2012-12-31"}),
    ("admin (agency)", {"admin": "North Waziristan"}),
    ("grade + min_killed", {"grade": "confirmed", "min_killed": 10}),
    ("sorted by toll", {"sort": "-killed", "limit": 100}),
]
KP = "Khyber Pakhtunkhwa"
PLACES = [
    ("PK", KP, "North Waziristan", 33.0, 70.0), ("PK", KP, "South Waziristan", 32.3, 69.6),
    ("PK", KP, "Khyber", 34.0, 71.2),
    ("AF", "Kunar", None, 34.9, 71.1), ("AF", "Nangarhar", None, 34.2, 70.5), ("YE", "Al Bayda", None, 14.2, 45.3),
    ("YE", "Shabwah", None, 14.5, 46.8), ("SO", "Jubbada Hoose", None, -0.4, 42.5),
]  # fmt: skip
GRADES = ["confirmed", "fair", "weak", "contested", "discounted"]


def fill(url: str, rows: int, seed: int = 7) -> float:
    """Bulk-insert ``rows`` synthetic strike records; returns seconds taken."""
    from sqlalchemy import insert

    from strikewatch.db import open_db
    from strikewatch.db.tables import Strike

    rng = random.Random(seed)
    engine = open_db(url)
    now = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    t0 = time.perf_counter()
    batch: list[dict[str, Any]] = []
    with engine.begin() as conn:
        for _ in range(rows):
            c, a1, a2, lat, lon = rng.choice(PLACES)
            day = dt.date(2004, 6, 1) + dt.timedelta(days=rng.randrange(0, 20 * 365))
            lo = rng.randrange(0, 20)
            batch.append({
                "status": "active" if rng.random() > 0.03 else "merged", "type": "drone_strike", "date": day,
                "date_precision": "day", "country": c, "admin1": a1, "admin2": a2, "place": None,
                "lat": lat + rng.uniform(-0.3, 0.3), "lon": lon + rng.uniform(-0.3, 0.3), "geo_precision": "admin2",
                "killed_min": lo, "killed_max": lo + rng.randrange(0, 8), "civilians_min": 0,
                "civilians_max": rng.randrange(0, 4), "grade": rng.choice(GRADES), "n_sources": rng.randrange(1, 5),
                "n_reports": rng.randrange(1, 8), "target_groups": [], "named_dead": [], "double_tap": False,
                "why": {}, "created_at": now, "updated_at": now,
            })
            if len(batch) == 5000:
                conn.execute(insert(Strike), batch)
                batch = []
        if batch:
            conn.execute(insert(Strike), batch)
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("ANALYZE strikes")
        else:
            conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(url: str, count_cache: float) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "STRIKEWATCH_DB": url, "STRIKEWATCH_SECRET": "bench"}
    cmd = [sys.executable, "-m", "strikewatch", "serve", "--host", "127.0.0.1", "--port", str(port),
           "--log-level", "warning", "--count-cache", str(count_cache)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            httpx.get(base + "/healthz", timeout=2)
            return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))
    return s[k]


def _client(base: str, start: int, count: int, deadline: float) -> tuple[dict[str, list[float]], int]:
    """One client process: ``count`` requests over one keep-alive connection, stopping at ``deadline``."""
    lat: dict[str, list[float]] = {name: [] for name, _ in QUERIES}
    errors = 0
    with httpx.Client(base_url=base, timeout=10) as client:
        for i in range(start, start + count):
            if time.time() > deadline:
                break
            name, params = QUERIES[i % len(QUERIES)]
            t0 = time.perf_counter()
            r = client.get("/api/strikes", params=params)
            lat[name].append((time.perf_counter() - t0) * 1000)
            errors += r.status_code != 200
    return lat, errors


def load(base: str, n_requests: int, concurrency: int, time_limit: float) -> dict[str, Any]:
    """Send ``n_requests`` (at most ``time_limit`` seconds) from ``concurrency`` client processes (separate
    processes, so the clients' own GIL does not add to the measured latency)."""
    from concurrent.futures import ProcessPoolExecutor

    lat: dict[str, list[float]] = {name: [] for name, _ in QUERIES}
    errors = 0
    share = [n_requests // concurrency + (1 if k < n_requests % concurrency else 0) for k in range(concurrency)]
    deadline = time.time() + time_limit
    with ProcessPoolExecutor(max_workers=concurrency) as pool:
        pool.submit(time.sleep, 0).result()  # processes up before the clock starts
        t0 = time.perf_counter()
        futures = [pool.submit(_client, base, sum(share[:k]), share[k], deadline) for k in range(concurrency)]
        for f in futures:
            part, errs = f.result()
            errors += errs
            for name, values in part.items():
                lat[name].extend(values)
        wall = time.perf_counter() - t0
    allv = [v for vs in lat.values() for v in vs]
    return {"per_query": lat, "all": allv, "errors": errors, "wall": wall, "rps": len(allv) / wall if wall else 0}


def run_backend(label: str, url: str, args: argparse.Namespace) -> dict[str, Any]:
    print(f"[{label}] inserting {args.rows} strike records ...", flush=True)
    fill_s = fill(url, args.rows)
    print(f"[{label}] inserted in {fill_s:.1f} s; starting server", flush=True)
    res: dict[str, Any] = {"label": label, "rows": args.rows, "fill_s": fill_s, "concurrency": args.concurrency,
                           "runs": [], "load_before": os.getloadavg()[0]}
    for cache in (30.0, 0.0):
        proc, base = start_server(url, cache)
        try:
            res["active"] = httpx.get(base + "/api/strikes", params={"limit": 1}).json()["total"]
            load(base, 60, 2, 30)  # warm-up
            server = psutil.Process(proc.pid)
            c0 = sum(server.cpu_times()[:2])
            single = load(base, min(600, args.requests), 1, args.time_limit)
            c1 = sum(server.cpu_times()[:2])
            loaded = load(base, args.requests, args.concurrency, args.time_limit)
            c2 = sum(server.cpu_times()[:2])
            single["cpu_ms"] = (c1 - c0) * 1000 / max(1, len(single["all"]))
            loaded["cpu_ms"] = (c2 - c1) * 1000 / max(1, len(loaded["all"]))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        res["runs"].append({"cache": cache, "single": single, "loaded": loaded, "loadavg": os.getloadavg()[0]})
        for kind, r in (("single", single), ("loaded", loaded)):
            print(f"[{label}] totals cached {cache:.0f} s, {kind}: {len(r['all'])} requests, {r['rps']:.0f} req/s, "
                  f"p50 {pct(r['all'], 50):.1f} ms, p99 {pct(r['all'], 99):.1f} ms, errors {r['errors']}", flush=True)
    return res


def pg_url() -> tuple[str, str] | None:
    try:
        import psycopg

        name = "sw_bench_" + uuid.uuid4().hex[:8]
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name, PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + "/" + name
    except Exception as exc:  # no server here: report SQLite only
        print(f"PostgreSQL not reachable ({exc}); SQLite only", flush=True)
        return None


def drop_pg(name: str) -> None:
    import psycopg

    from strikewatch.db.engine import dispose_all

    dispose_all()
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def render(results: list[dict[str, Any]], args: argparse.Namespace) -> str:
    lines = [
        MARK_START,
        f"Measured {dt.date.today().isoformat()} by `bench/bench_api.py` on this project's 2-core machine: "
        f"{args.rows:,} synthetic strike records bulk-inserted, the real `strikewatch serve` (one uvicorn worker) "
        f"on 127.0.0.1, client processes with keep-alive connections on the same machine, a fixed number of requests. "
        f"Latency is the client-side time of one `GET /api/strikes` (query + count + JSON), mixed over "
        f"{len(QUERIES)} query kinds. Target: p99 < 50 ms. *CPU ms/req* (the server process's CPU time "
        f"divided by the requests it answered) does not depend on what else the machine runs; the latencies do.",
        "",
        "| backend | totals | clients | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | CPU ms/req | err |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        for run in r["runs"]:
            how = f"cached {run['cache']:.0f} s" if run["cache"] else "counted each time"
            for kind, clients in (("single", 1), ("loaded", r["concurrency"])):
                x = run[kind]
                a = x["all"]
                lines.append(f"| {r['label']} | {how} | {clients} | {len(a)} | {x['rps']:.0f} | {pct(a, 50):.1f} | "
                             f"{pct(a, 90):.1f} | {pct(a, 99):.1f} | {max(a):.1f} | {x['cpu_ms']:.2f} | "
                             f"{x['errors']} |")
    lines += ["", f"Per query kind, {results[0]['concurrency']} clients, default server (p50 / p99 ms; "
              "in brackets: totals counted each time):", "",
              "| query | " + " | ".join(r["label"] for r in results) + " |",
              "|---|" + "---:|" * len(results)]
    for name, params in QUERIES:
        cells = []
        for r in results:
            v = r["runs"][0]["loaded"]["per_query"][name]
            w = r["runs"][1]["loaded"]["per_query"][name]
            cells.append(f"{pct(v, 50):.1f} / {pct(v, 99):.1f} ({pct(w, 50):.1f} / {pct(w, 99):.1f})")
        q = "&".join(f"{k}={v}" for k, v in params.items()) or "(defaults)"
        lines.append(f"| {name} `{q}` | " + " | ".join(cells) + " |")
    fills = ", ".join(f"{r['label']} {r['fill_s']:.1f} s" for r in results)
    loads = ", ".join(f"{x['loadavg']:.1f}" for r in results for x in r["runs"])
    lines += ["", f"Bulk insert of the records: {fills}. The machine's 1-minute load average after each phase: "
              f"{loads} (2 cores shared with other work: the tails are sensitive to it).", MARK_END]
    return "\n".join(lines)


def write_doc(block: str) -> None:
    text = DOC.read_text() if DOC.exists() else "# Web app and HTTP API\n\n## Benchmark: /api/strikes\n\n"
    if MARK_START in text and MARK_END in text:
        head, rest = text.split(MARK_START, 1)
        tail = rest.split(MARK_END, 1)[1]
        text = head + block + tail
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=2000, help="requests per load phase (bounded)")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--time-limit", type=float, default=60.0, help="seconds per load phase at most")
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--no-write", action="store_true", help="print only; leave docs/web.md alone")
    args = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        results.append(run_backend("SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}", args))
    if not args.no_pg:
        pg = pg_url()
        if pg:
            try:
                results.append(run_backend("PostgreSQL", pg[1], args))
            finally:
                drop_pg(pg[0])
    block = render(results, args)
    print(block)
    if not args.no_write:
        write_doc(block)


if __name__ == "__main__":
    main()
