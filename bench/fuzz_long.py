"""The long fuzz run: what CI does in a bounded way, for as long as you like, plus the 100 MB cases.

    python bench/fuzz_long.py                      # about 20 minutes: every phase with its defaults
    python bench/fuzz_long.py --examples 5000 --atheris 600 --big
    python bench/fuzz_long.py --phases atheris --atheris 3600

Phases (``--phases``, comma-separated; all by default):

hypothesis  the CI fuzz tests (tests/test_fuzz_*.py and the schemathesis test in tests/test_security_api.py) with
            ``--examples`` examples per strategy/operation instead of CI's 60, and a random seed each run
            (CI's are derandomized) — failures print their minimal example; add it to tests/regressions/cases.py
atheris     coverage-guided fuzzing with libFuzzer (``pip install atheris``; skipped when it is missing) of the
            readers (text, HTML, JSONL, feed, sniffed) and of the extractor, ``--atheris`` seconds each; an
            input that raises, or that the readers' catch-all turns into an "unexpected ..." rejection, is a
            crash and is saved as crash-* in artifacts/hardening/atheris/
big         a real 100 MB text file (refused by its size at once, in flat memory), a 100 MB JSONL of 20,000
            articles ingested with --no-extract (streamed: peak memory far below the file), a 4 GB gzip bomb
            over HTTP on 127.0.0.1 (cut at the size cap)

Figures go to artifacts/hardening/fuzz-long.json and are printed at the end; docs/reliability.md quotes them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # swdev/: the repository's dev package
OUT = ROOT / "artifacts" / "hardening"
PY = sys.executable


def hypothesis_phase(examples: int) -> dict[str, Any]:
    env = dict(os.environ, STRIKEWATCH_FUZZ_EXAMPLES=str(examples), STRIKEWATCH_FUZZ_RANDOM="1")
    t0 = time.monotonic()
    run = subprocess.run([PY, "-m", "pytest", "-q", "-p", "no:warnings", "tests/test_fuzz_ingest.py",
                          "tests/test_fuzz_extract.py", "tests/test_security_api.py", "-k",
                          "readers or extractor or openapi or huge"], cwd=ROOT, env=env)
    counts = {}
    for name in ("fuzz-readers.json", "security.json"):
        p = OUT / name
        if p.exists():
            counts.update(json.loads(p.read_text()))
    return {"examples_per_strategy": examples, "passed": run.returncode == 0, "seconds": time.monotonic() - t0,
            "counts": counts}


TARGETS = ("text", "html", "jsonl", "feed", "auto", "extract")


def atheris_target(kind: str) -> None:
    """Runs inside its own process: libFuzzer drives one target until -max_total_time."""
    import atheris

    from strikewatch.extract import extract_article
    from strikewatch.ingest.read import Input, ReadOptions, Rejected, read_input

    tmp = Path(tempfile.mkdtemp(prefix="sw-atheris-"))
    path = tmp / f"input.{kind}"
    opts = ReadOptions(max_bytes=2_000_000, timeout=1.0)
    # load everything the target reaches lazily (extractor, gazetteer, trafilatura, feedparser), then instrument
    # all of it for coverage
    extract_article("A drone strike near Miranshah killed four people on Monday, officials said.", None)
    for k, sample in (("html", b"<html><body><p>Some text here.</p></body></html>"),
                      ("feed", b'<rss version="2.0"><channel><item><title>t</title></item></channel></rss>')):
        path.write_bytes(sample)
        list(read_input(Input(str(path), k), opts))  # type: ignore[arg-type]
    atheris.instrument_all()

    def one(data: bytes) -> None:
        if kind == "extract":
            fdp = atheris.FuzzedDataProvider(data)
            text = fdp.ConsumeUnicodeNoSurrogates(len(data))
            ext = extract_article(text, None)
            for ev in ext.events:
                for e in ev.evidence:
                    if not 0 <= e.start < e.end <= len(text):
                        raise AssertionError(f"evidence span {e} outside the text")
            return
        path.write_bytes(data)
        for item in read_input(Input(str(path), kind), opts):  # type: ignore[arg-type]
            if isinstance(item, Rejected):
                if item.reason.startswith("unexpected") or "\n" in item.reason:
                    raise AssertionError(f"bad rejection: {item.reason}")
            elif "\x00" in item.text or not item.text.strip():
                raise AssertionError("a stored text would hold NUL or nothing")

    atheris.Setup(sys.argv, one)
    atheris.Fuzz()


def atheris_phase(seconds: int) -> dict[str, Any]:
    try:
        import atheris  # noqa: F401
    except ImportError:
        return {"skipped": "atheris is not installed (pip install atheris)"}
    out: dict[str, Any] = {}
    crash_dir = OUT / "atheris"
    crash_dir.mkdir(parents=True, exist_ok=True)
    for kind in TARGETS:
        corpus = crash_dir / f"corpus-{kind}"
        corpus.mkdir(exist_ok=True)
        t0 = time.monotonic()
        run = subprocess.run([PY, __file__, "--atheris-target", kind, str(corpus), f"-max_total_time={seconds}",
                              "-rss_limit_mb=4096", "-timeout=60", f"-artifact_prefix={crash_dir}/crash-{kind}-"],
                             cwd=ROOT, capture_output=True, text=True)
        stats = [ln for ln in run.stderr.splitlines() if "stat::number_of_executed_units" in ln or "Done" in ln]
        execs = 0
        for ln in run.stderr.splitlines():
            if ln.startswith("#") and " exec/s" in ln:
                with contextlib.suppress(ValueError):
                    execs = max(execs, int(ln.split()[0][1:]))
        out[kind] = {"executions": execs, "seconds": round(time.monotonic() - t0), "crashed": run.returncode != 0,
                     "corpus_files": len(list(corpus.iterdir())), "tail": stats[-1:] or run.stderr.splitlines()[-3:]}
    return out


def _child_peak_mb(args: list[str], env: dict[str, str]) -> tuple[int, float, float, str]:
    t0 = time.monotonic()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # max over children so far: run this phase first
    return proc.returncode, time.monotonic() - t0, usage.ru_maxrss / 1024, (out + err).decode()[-400:]


def big_phase() -> dict[str, Any]:
    res: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="sw-big-") as d:
        tmp = Path(d)
        env = dict(os.environ, STRIKEWATCH_DB=f"sqlite:///{tmp / 'big.db'}")
        big_txt = tmp / "big.txt"
        line = b"The road to the market was closed for days after the rain, residents said. " * 13 + b"\n"
        with open(big_txt, "wb") as fh:
            while fh.tell() < 100 * 1024 * 1024:
                fh.write(line * 1000)
        code, secs, rss, tail = _child_peak_mb([PY, "-m", "strikewatch", "ingest", str(big_txt)], env)
        res["100MB text file"] = {"exit": code, "seconds": round(secs, 1), "peak_rss_mb": round(rss),
                                  "refused": "too large" in tail}
        big_jsonl = tmp / "big.jsonl"
        from swdev.synth import fictional_facts, generate

        n = 0
        with open(big_jsonl, "w", encoding="utf-8") as fh:
            for doc in generate(fictional_facts(5), seed=5):
                rec = doc.record()
                rec["text"] = rec["text"] + "\n\n" + rec["text"]  # about 5 KB an article
                fh.write(json.dumps(rec) + "\n")
                n += 1
                if fh.tell() >= 100 * 1024 * 1024:
                    break
        code, secs, rss, tail = _child_peak_mb([PY, "-m", "strikewatch", "ingest", str(big_jsonl), "--no-extract",
                                                "--format", "json"], env)
        res["100MB JSONL, no extraction"] = {"exit": code, "lines": n, "seconds": round(secs, 1),
                                             "peak_rss_mb": round(rss), "tail": tail[-200:]}
    # a 4 GB gzip bomb over HTTP
    sys.path.insert(0, str(ROOT / "tests"))
    import threading
    import tracemalloc
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from regressions.cases import _gzip_bomb

    from strikewatch.ingest.fetch import FetchError, fetch

    bomb = _gzip_bomb(4 << 30)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            with contextlib.suppress(ConnectionError):  # the client hangs up at its size cap: that is the point
                self.wfile.write(bomb)

        def log_message(self, *args: Any) -> None:
            return None

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    tracemalloc.start()
    t0 = time.monotonic()
    try:
        fetch(f"http://127.0.0.1:{srv.server_address[1]}/", named=True, max_bytes=20 * 1024 * 1024)
        cut = False
    except FetchError:
        cut = True
    res["4GB gzip bomb over HTTP"] = {"compressed_mb": round(len(bomb) / 1e6, 1), "cut_at_cap": cut,
                                      "seconds": round(time.monotonic() - t0, 1),
                                      "peak_python_mb": round(tracemalloc.get_traced_memory()[1] / 1e6)}
    tracemalloc.stop()
    srv.shutdown()
    return res


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--atheris-target":
        kind = sys.argv[2]
        sys.argv = [sys.argv[0], *sys.argv[3:]]
        atheris_target(kind)
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--phases", default="big,hypothesis,atheris")
    ap.add_argument("--examples", type=int, default=1000, help="hypothesis examples per strategy/operation")
    ap.add_argument("--atheris", type=int, default=120, help="seconds of atheris per target")
    ap.add_argument("--big", action="store_true", help="(kept for compatibility: 'big' is a phase)")
    args = ap.parse_args()
    phases = [p.strip() for p in args.phases.split(",") if p.strip()]
    OUT.mkdir(parents=True, exist_ok=True)
    figures: dict[str, Any] = {"started": time.strftime("%Y-%m-%d %H:%M:%S")}
    if "big" in phases:  # first: its peak-RSS figures read the children's maximum so far
        figures["big"] = big_phase()
    if "hypothesis" in phases:
        figures["hypothesis"] = hypothesis_phase(args.examples)
    if "atheris" in phases:
        figures["atheris"] = atheris_phase(args.atheris)
    (OUT / "fuzz-long.json").write_text(json.dumps(figures, indent=1))
    print(json.dumps(figures, indent=1))
    bad = (figures.get("hypothesis", {}).get("passed") is False
           or any(v.get("crashed") for v in figures.get("atheris", {}).values() if isinstance(v, dict)))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
