"""A feed of 10,000 teaser items through ``strikewatch ingest``: links fetched concurrently (issue #14 item 3).

    .venv/bin/python bench/fetch_feed.py [--items 10000] [--latency 0.1] [--dead 1000] [--baseline 200]
                                         [--out artifacts/hardening/fetch-feed.json]

Everything is served on 127.0.0.1 by a threading HTTP server of this script (our own generated pages, each answered
after ``--latency`` seconds, as a remote site would be):

* **feed**: the real command, ``strikewatch ingest URL`` (extraction, storing and the strike update included), on a
  feed of ``--items`` teaser items whose links are one site's article pages; the wall time, and the time the links
  alone take with the default policy and one at a time (the old behaviour) on ``--baseline`` of them, measured in
  the same run, so the ratio holds whatever the machine;
* **dead**: ``--dead`` links to a second site that accepts connections and never answers, at the default
  ``--timeout`` of 30 s: the per-host breaker skips the site after 5 timeouts in a row (one at a time this is
  ``dead`` x 30 s).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLACES = ["Miranshah", "Datta Khel", "Mir Ali", "Wana", "Shawal", "Spinwam", "Razmak", "Makeen", "Tiarza"]


def page(i: int) -> bytes:
    r = random.Random(i)
    place, n, day = r.choice(PLACES), r.randint(1, 12), r.choice(["Monday", "Tuesday", "Friday", "Sunday"])
    body = (f"A drone strike on a compound near {place} killed {n} people on {day}, officials said in report "
            f"number {i}. Residents said the drones had circled the area for hours before the missiles hit, and "
            f"that rescuers were still searching the rubble at nightfall. Item {i} of the benchmark feed.")
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Strike near {place} ({i})</title>"
            f"<meta name='date' content='2014-0{1 + i % 9}-1{i % 10}'></head><body><article><h1>Strike near "
            f"{place}</h1><p>{body}</p><p>{body.replace('officials', 'elders')}</p></article></body></html>").encode()


def feed(base: str, n: int, dead_base: str | None = None, dead: int = 0) -> bytes:
    links = [f"{base}/a/{i}.html" for i in range(n)] + [f"{dead_base}/d/{i}.html" for i in range(dead)]
    items = "".join(f"<item><title>Report {i}</title><link>{link}</link><guid>b-{i}</guid>"
                    + ("" if dead else f"<description>Report {i} …</description>") + "</item>"
                    for i, link in enumerate(links))  # dead links: no text of their own, so each is rejected
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench Wire</title>'
            f"<link>{base}/</link><description>x</description>{items}</channel></rss>").encode()


def serve(latency: float, n: int) -> tuple[ThreadingHTTPServer, str]:
    state: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a: object) -> None:
            return None

        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/feed.xml":
                body, ctype = state["feed"], "application/rss+xml"
            elif self.path.startswith("/a/"):
                time.sleep(latency)
                body, ctype = page(int(self.path[3:].split(".")[0])), "text/html; charset=utf-8"
            else:
                body, ctype = b"no", "text/plain"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{srv.server_address[1]}"
    state["feed"] = b""
    srv.state = state  # type: ignore[attr-defined]
    return srv, base


def silent_site() -> tuple[socket.socket, str]:
    """Accepts connections (the kernel does, from its backlog) and never answers."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(4096)
    return s, f"http://127.0.0.1:{s.getsockname()[1]}"


def links_only(urls: list[str], **policy: int) -> float:
    from strikewatch.ingest.fetch import FetchPolicy, FetchRequest, close_clients, fetch_iter

    pol = FetchPolicy(allow=("127.0.0.1",), **policy)
    t0 = time.perf_counter()
    ok = sum(1 for _, res in fetch_iter((FetchRequest(u) for u in urls), pol) if not isinstance(res, Exception))
    secs = time.perf_counter() - t0
    close_clients()
    assert ok == len(urls), (ok, len(urls))
    return secs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--items", type=int, default=10_000)
    ap.add_argument("--latency", type=float, default=0.1)
    ap.add_argument("--dead", type=int, default=1000)
    ap.add_argument("--baseline", type=int, default=200)
    ap.add_argument("--out", default=str(ROOT / "artifacts" / "hardening" / "fetch-feed.json"))
    args = ap.parse_args()
    srv, base = serve(args.latency, args.items)
    result: dict[str, object] = {"items": args.items, "latency_s": args.latency}

    urls = [f"{base}/a/{i}.html" for i in range(args.baseline)]
    one = links_only(urls, per_host=1, overall=1)
    many = links_only(urls)
    result["links_only"] = {"n": args.baseline, "one_at_a_time_s": round(one, 2), "concurrent_s": round(many, 2),
                            "speedup": round(one / many, 1)}
    print(f"links only, {args.baseline}: one at a time {one:.1f} s, concurrent {many:.1f} s ({one / many:.1f}x)")

    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{Path(tmp) / 'feed.db'}"
        env = dict(os.environ, STRIKEWATCH_DB=db)
        srv.state["feed"] = feed(base, args.items)  # type: ignore[attr-defined]
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "strikewatch", "ingest", "--format", "json",
                               base + "/feed.xml"], env=env, capture_output=True, text=True, cwd=tmp)
        secs = time.perf_counter() - t0
        out = json.loads(proc.stdout)
        result["feed"] = {"seconds": round(secs, 1), "stored": out["stored"], "rejected": out["rejected"],
                          "sequential_estimate_s": round(one / args.baseline * args.items, 1)}
        print(f"feed of {args.items} teasers: {secs:.0f} s, {out['stored']} stored, {out['rejected']} rejected "
              f"(links one at a time alone would take about {one / args.baseline * args.items:.0f} s)")

        if args.dead:
            sock, dead_base = silent_site()
            srv.state["feed"] = feed(base, 0, dead_base, args.dead)  # type: ignore[attr-defined]
            t0 = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "strikewatch", "ingest", "--format", "json",
                                   base + "/feed.xml", "--allow-host", dead_base.split("//")[1]], env=env,
                                  capture_output=True, text=True, cwd=tmp)
            secs = time.perf_counter() - t0
            out = json.loads(proc.stdout)
            skipped = sum("skipped" in r["reason"] for r in out["rejected_inputs"])
            timed = sum("timed out after" in r["reason"] for r in out["rejected_inputs"])
            sock.close()
            result["dead_site"] = {"links": args.dead, "seconds": round(secs, 1), "timed_out": timed,
                                   "skipped_by_breaker": skipped, "one_at_a_time_estimate_s": args.dead * 30}
            print(f"{args.dead} links to a site that never answers: {secs:.0f} s ({timed} timed out, {skipped} "
                  f"skipped); one at a time: {args.dead * 30} s")
    srv.shutdown()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
