"""Benchmark: the monitor on a local feed server (127.0.0.1), with the real ``strikewatch watch`` and ``serve``.

Phase 1, latency and idle CPU: ``--sources`` feeds (default 200) of ``--items`` items each (default 50) are
served by feed servers on a few loopback addresses (each address is one "host" for the fetch policy's one request
per host at a time). The watcher ingests them all (the warm-up), then the feeds stay unchanged for ``--idle``
seconds — every poll a conditional GET answered 304 — while the watcher's CPU time is read (CPU per idle source
per hour). Then ``--new`` items are published one at a time at random moments into random feeds, and a client
polls ``GET /api/changes?since=`` every 0.25 s: the latency of an item is the time from its publication to the
first change of the log that carries its article. With sources polled every ``--every`` seconds (default 60, the
1-minute interval) the wait for the next poll dominates: uniform over the interval, so median ≈ interval/2 plus
the processing time, which is reported apart (poll + read + extract + store + strike update + log).

Phase 2, memory: an in-process watcher polls ``--mem-sources`` unchanged feeds every second for
``--rounds`` polls (default 10,000; a "round" is one poll of one source) and its RSS is read after 1,000 polls
and at the end.

    .venv/bin/python bench/bench_monitor.py [--sources 200] [--items 50] [--every 60] [--new 60] [--idle 180]
                                            [--rounds 10000] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from multiprocessing import Process, Queue
from pathlib import Path
from typing import Any

import httpx
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DOC = ROOT / "docs" / "monitor.md"
MARK_START = "<!-- bench_monitor:start -->"
MARK_END = "<!-- bench_monitor:end -->"
HOSTS = 8  # loopback addresses 127.0.0.1 .. 127.0.0.8: eight "hosts"


def serve_feeds(host: str, names: list[str], items: int, first: int, q: Queue) -> None:  # type: ignore[type-arg]
    """A feed server process: ``names`` feeds with ``items`` items each; reports its port on ``q``."""
    from swdev.feedserver import FeedServer

    srv = FeedServer(host=host)
    n = first
    for name in names:
        for _ in range(items):
            srv.publish(name, n)
            n += 1
    with srv:
        q.put(srv.port)
        while True:
            time.sleep(3600)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], p: float) -> float:
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))
    return xs[k]


def start_servers(n_sources: int, items: int) -> tuple[list[Process], list[str]]:
    procs, urls = [], []
    per = [list(range(i, n_sources, HOSTS)) for i in range(HOSTS)]
    for h, idxs in enumerate(per):
        q: Queue = Queue()  # type: ignore[type-arg]
        names = [f"feed{i}" for i in idxs]
        p = Process(target=serve_feeds, args=(f"127.0.0.{h + 1}", names, items, 100_000 * (h + 1), q), daemon=True)
        p.start()
        port = q.get(timeout=60)
        procs.append(p)
        urls += [f"http://127.0.0.{h + 1}:{port}/feeds/{name}.xml" for name in names]
    return procs, urls


def phase_latency(args: argparse.Namespace, db: str, tmp: Path) -> dict[str, Any]:
    from sqlalchemy import text

    from strikewatch.db import open_db, session_scope
    from strikewatch.monitor.sources import SourceSpec, add_source

    procs, urls = start_servers(args.sources, args.items)
    engine = open_db(db)
    with session_scope(engine) as s:
        for u in urls:
            add_source(s, SourceSpec(u, every_s=args.every))
    env = {**os.environ, "STRIKEWATCH_DB": db, "PYTHONUNBUFFERED": "1"}
    log = open(tmp / "watch.log", "w")  # noqa: SIM115
    watch = subprocess.Popen([sys.executable, "-m", "strikewatch", "watch", "--no-live", "--quiet"], env=env,
                             stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    port = free_port()
    serve = subprocess.Popen([sys.executable, "-m", "strikewatch", "serve", "--port", str(port), "--log-level",
                              "warning"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    api = f"http://127.0.0.1:{port}"
    out: dict[str, Any] = {"sources": args.sources, "items": args.items, "every": args.every}
    try:
        total = args.sources * args.items
        t0 = time.monotonic()
        while True:
            with session_scope(engine) as s:
                handled = s.execute(text("SELECT count(*) FROM source_items")).scalar_one()
                queued = s.execute(text("SELECT count(*) FROM merge_queue")).scalar_one()
            if handled >= total and queued == 0:
                break
            if time.monotonic() - t0 > args.warmup_limit:
                raise SystemExit(f"warm-up not finished after {args.warmup_limit} s ({handled}/{total})")
            time.sleep(1.0)
        out["warmup_s"] = time.monotonic() - t0
        wp = psutil.Process(watch.pid)
        out["warmup_cpu_s"] = sum(wp.cpu_times()[:2])
        # idle: every poll a 304
        time.sleep(min(10.0, args.every / 2))
        c0, w0 = sum(wp.cpu_times()[:2]), time.monotonic()
        with session_scope(engine) as s:
            polls0 = s.execute(text("SELECT sum(n_polls) FROM sources")).scalar_one()
        time.sleep(args.idle)
        c1, w1 = sum(wp.cpu_times()[:2]), time.monotonic()
        with session_scope(engine) as s:
            polls1 = s.execute(text("SELECT sum(n_polls) FROM sources")).scalar_one()
        idle_cpu, idle_wall, idle_polls = c1 - c0, w1 - w0, polls1 - polls0
        out.update(idle_cpu_s=idle_cpu, idle_wall_s=idle_wall, idle_polls=idle_polls,
                   cpu_ms_per_idle_poll=1000 * idle_cpu / max(1, idle_polls),
                   cpu_s_per_idle_source_hour=idle_cpu / args.sources / (idle_wall / 3600),
                   rss_watch_mb=wp.memory_info().rss / 1e6)
        # latency: publish, then watch /api/changes
        client = httpx.Client(timeout=10)
        since = client.get(f"{api}/api/changes", params={"since": 10**12}).json()["latest"]
        seen: list[tuple[float, dict[str, Any]]] = []
        stop = threading.Event()

        def poller() -> None:
            nonlocal since
            while not stop.is_set():
                try:
                    page = client.get(f"{api}/api/changes", params={"since": since, "limit": 1000}).json()
                except httpx.HTTPError:
                    time.sleep(0.25)
                    continue
                t = time.time()
                for c in page["items"]:
                    seen.append((t, c))
                since = page["next"]
                if not page["more"]:
                    time.sleep(0.25)

        th = threading.Thread(target=poller, daemon=True)
        th.start()
        rng = random.Random(11)
        published: list[tuple[float, str]] = []  # (time, item url)
        for k in range(args.new):
            time.sleep(rng.uniform(0.5, 2 * args.gap - 0.5))
            feed = rng.choice(urls)
            host, name = feed.split("/feeds/")[0], feed.rsplit("/", 1)[1][:-4]
            r = httpx.get(f"{host}/_publish/{name}/{900_000 + k}", timeout=10).json()
            published.append((r["at"], f"{host}/articles/{name}/{r['key']}.html"))
        deadline = time.monotonic() + 2 * args.every + 60
        latencies: list[float] = []
        processing: list[float] = []
        missing = 0
        stored_at: dict[str, float] = {}
        while time.monotonic() < deadline:
            with session_scope(engine) as s:
                ids = {}
                for _, u in published:
                    row = s.execute(text("SELECT id, ingested_at FROM articles WHERE url = :u"), {"u": u}).first()
                    if row is not None:
                        ids[u] = row[0]
                        at = row[1] if isinstance(row[1], dt.datetime) else dt.datetime.fromisoformat(str(row[1]))
                        stored_at[u] = (at if at.tzinfo else at.replace(tzinfo=dt.UTC)).timestamp()
            firsts: dict[int, float] = {}
            for t, c in list(seen):
                arts = set((c.get("diff") or {}).get("articles", [[], []])[1])
                for a in arts:
                    firsts.setdefault(a, t)
            latencies = [firsts[ids[u]] - t for t, u in published if ids.get(u) in firsts]
            processing = [firsts[ids[u]] - stored_at[u] for _, u in published if ids.get(u) in firsts]
            missing = len(published) - len(latencies)
            if not missing:
                break
            time.sleep(1.0)
        stop.set()
        out.update(published=len(published), measured=len(latencies), missing=missing,
                   p50=pct(latencies, 50), p90=pct(latencies, 90), p99=pct(latencies, 99),
                   max=max(latencies) if latencies else float("nan"),
                   mean=statistics.fmean(latencies) if latencies else float("nan"),
                   proc_p50=pct(processing, 50), proc_p99=pct(processing, 99))
        # processing time: from the poll that found the item to its change (log lines give the poll's end)
        out["load"] = os.getloadavg()
    finally:
        for p in (watch, serve):
            p.terminate()
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                p.kill()
        for p in procs:
            p.terminate()
        log.close()
    return out


def phase_memory(args: argparse.Namespace, db: str) -> dict[str, Any]:
    from strikewatch.db import open_db, session_scope
    from strikewatch.monitor.net import NetOptions
    from strikewatch.monitor.sources import SourceSpec, add_source
    from strikewatch.monitor.watch import Watcher, WatchOptions

    procs, urls = start_servers(args.mem_sources, 5)
    engine = open_db(db)
    with session_scope(engine) as s:
        for u in urls:
            add_source(s, SourceSpec(u, every_s=1))
    me = psutil.Process()
    marks: dict[int, float] = {}
    t0 = time.monotonic()
    state = {"n": 0}

    def on_poll(res: Any) -> None:
        state["n"] += 1
        if state["n"] in (100, 1000, 2000, 5000, args.rounds):
            marks[state["n"]] = me.memory_info().rss / 1e6

    opts = WatchOptions(net=NetOptions(timeout=10), polls=16, hooks=False, max_polls=args.rounds, tick=0.2)
    try:
        Watcher(engine, opts, on_poll=on_poll).run()
    finally:
        for p in procs:
            p.terminate()
    return {"rounds": state["n"], "seconds": time.monotonic() - t0, "rss": marks,
            "ratio": marks.get(args.rounds, float("nan")) / marks.get(1000, float("nan"))}


def render(lat: dict[str, Any] | None, mem: dict[str, Any] | None, args: argparse.Namespace) -> str:
    today = dt.date.today().isoformat()
    lines = [MARK_START, f"Measured {today} by `bench/bench_monitor.py` on this project's 2-core machine, shared with "
             "other sessions' tests and benchmarks (load averages below): SQLite, the real `strikewatch watch` and "
             "`strikewatch serve`, feed servers on 8 loopback addresses (8 hosts).", ""]
    if lat:
        lines += [
            f"**Latency** — {lat['sources']} sources × {lat['items']} items, polled every {lat['every']} s; "
            f"{lat['published']} new items published one at a time into random feeds "
            f"({lat['measured']} measured, {lat['missing']} never seen):", "",
            "| from publication to the change at /api/changes | seconds |", "|---|---:|",
            f"| median | {lat['p50']:.1f} |", f"| p90 | {lat['p90']:.1f} |", f"| p99 | {lat['p99']:.1f} |",
            f"| max | {lat['max']:.1f} |", f"| mean | {lat['mean']:.1f} |", "",
            f"Of which from the article's commit to its change at /api/changes (strike update every 2 s, the "
            f"client's 0.25 s polling): median {lat['proc_p50']:.1f} s, p99 {lat['proc_p99']:.1f} s.", "",
            f"Warm-up (all {lat['sources'] * lat['items']:,} items read, extracted, stored, merged): "
            f"{lat['warmup_s']:.0f} s, {lat['warmup_cpu_s']:.0f} CPU s in the watcher.", "",
            f"**Idle sources** — {lat['idle_polls']} polls answered 304 in {lat['idle_wall_s']:.0f} s: "
            f"{lat['cpu_ms_per_idle_poll']:.1f} ms CPU per poll in the watcher, i.e. "
            f"**{lat['cpu_s_per_idle_source_hour']:.2f} CPU s per idle source per hour** at a {lat['every']} s "
            f"interval ({lat['cpu_ms_per_idle_poll'] * 4 / 1000:.3f} CPU s at the default 15 min: CPU follows the "
            f"number of polls). Watcher RSS {lat['rss_watch_mb']:.0f} MB. Load average "
            f"{'/'.join(f'{x:.1f}' for x in lat['load'])}.", ""]
    if mem:
        rss = mem["rss"]
        lines += [f"**Memory** — {mem['rounds']:,} polls (rounds) of {args.mem_sources} unchanged sources every "
                  f"second in {mem['seconds']:.0f} s: RSS "
                  + ", ".join(f"{k:,} polls {v:.0f} MB" for k, v in sorted(rss.items()))
                  + f"; **{mem['rounds']:,} / 1,000 polls = {mem['ratio']:.3f}x** (goal ≤ 1.1x).", ""]
    lines.append(MARK_END)
    return "\n".join(lines)


def write_doc(block: str) -> None:
    text = DOC.read_text() if DOC.exists() else "# The monitor\n\n"
    if MARK_START in text and MARK_END in text:
        head, rest = text.split(MARK_START, 1)
        text = head + block + rest.split(MARK_END, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=int, default=200)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--every", type=int, default=60, help="polling interval, seconds")
    ap.add_argument("--new", type=int, default=60, help="items published during the latency phase")
    ap.add_argument("--gap", type=float, default=5.0, help="mean seconds between new items")
    ap.add_argument("--idle", type=float, default=180.0, help="seconds of the idle CPU measure")
    ap.add_argument("--warmup-limit", type=float, default=1800.0)
    ap.add_argument("--mem-sources", type=int, default=64)
    ap.add_argument("--rounds", type=int, default=10_000)
    ap.add_argument("--skip-latency", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    lat = mem = None
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_latency:
            lat = phase_latency(args, f"sqlite:///{Path(tmp) / 'latency.db'}", Path(tmp))
            print(lat, flush=True)
        if not args.skip_memory:
            mem = phase_memory(args, f"sqlite:///{Path(tmp) / 'memory.db'}")
            print(mem, flush=True)
    block = render(lat, mem, args)
    print(block)
    if not args.no_write:
        write_doc(block)


if __name__ == "__main__":
    main()
