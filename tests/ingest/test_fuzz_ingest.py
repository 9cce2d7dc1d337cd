"""Hostile input to ingestion: the regression corpus through the real command, hypothesis over every reader,
a gzip bomb over HTTP. No crash, bounded time and memory, one clear line per rejected input, nothing already
stored changed, and whatever the readers accept the database stores (SQLite and PostgreSQL).

CI runs a bounded number of hypothesis examples (``STRIKEWATCH_FUZZ_EXAMPLES``, default 60 per strategy);
``python bench/fuzz_long.py`` runs many more, atheris included where it is installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from regressions.cases import STRIKE, sparse_over_cap, write_corpus
from support.hardening import small_corpus, table_snapshot

from strikewatch.ingest.read import Input, ReadOptions, Rejected, read_input
from strikewatch.schema import ArticleIn
from strikewatch.terminal import printable

EXAMPLES = int(os.environ.get("STRIKEWATCH_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("STRIKEWATCH_FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
KEPT_TABLES = ("raw_blobs", "articles", "events", "claims", "review_actions", "users")
SECONDS_PER_INPUT = 20.0  # generous on 2 shared cores; typical is well under a second


def _run_measured(args: list[str], env: dict[str, str], timeout: float) -> tuple[int, str, str, float, float]:
    """Run a command; (exit status, stdout, stderr, seconds, peak RSS in MB) of exactly that process."""
    t0 = time.monotonic()
    out_f = open(os.path.join(env["SW_TMP"], "out.txt"), "w+b")  # noqa: SIM115
    err_f = open(os.path.join(env["SW_TMP"], "err.txt"), "w+b")  # noqa: SIM115
    with out_f, err_f:
        proc = subprocess.Popen(args, stdout=out_f, stderr=err_f, env=env)
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                pytest.fail(f"{args[3:5]} took more than {timeout} s")
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out_f.seek(0)
        err_f.seek(0)
        return (proc.returncode, out_f.read().decode(), err_f.read().decode(), time.monotonic() - t0,
                usage.ru_maxrss / 1024)


def _kept(url: str) -> dict[str, list[tuple[Any, ...]]]:
    snap = table_snapshot(url)
    return {k: snap[k] for k in KEPT_TABLES}


@pytest.fixture(scope="module")
def nasty(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("nasty")
    expect = write_corpus(folder)
    sparse_over_cap(folder / "over-cap-120MB.txt", 120 * 1024 * 1024)
    expect["over-cap-120MB.txt"] = "rejected"
    return folder, expect


MAX_RSS_MB = 1024  # an ordinary run peaks near 300 MB (the extractor's tables); the cap is 20 MB per input


@pytest.mark.slow
def test_regression_corpus_through_the_command(db_url: str, tmp_path: Path, nasty: tuple[Path, dict[str, str]]
                                               ) -> None:
    folder, expect = nasty
    small_corpus(db_url)
    before = _kept(db_url)
    env = dict(os.environ, STRIKEWATCH_DB=db_url, SW_TMP=str(tmp_path))
    files = sorted(str(p) for p in folder.iterdir())
    code, out, err, secs, rss = _run_measured([sys.executable, "-m", "strikewatch", "ingest", *files], env, 600)
    assert code == 1, err  # some inputs were rejected
    assert "Traceback" not in err and "Traceback" not in out
    # the summary names each rejected input on one line of its own: "  rejected SOURCE: REASON"
    rejected: dict[str, str] = {}
    for line in err.splitlines():
        if line.startswith("  rejected "):
            src, _, reason = line[len("  rejected "):].partition(": ")
            rejected[src] = reason
    head = err.splitlines()[0]
    assert f"{len(rejected)} rejected" in head, head
    after = _kept(db_url)
    old_ids = {b[0] for b in before["articles"]}
    stored = {r[4] for r in after["articles"] if r[0] not in old_ids}  # column 4: source
    for src, reason in rejected.items():
        assert reason, src
        assert not reason.startswith("unexpected"), (src, reason)  # the readers' catch-all: a bug, not an answer
    for name, exp in expect.items():
        path = str(folder / name)
        shown = printable(path)  # names are printed escaped (a newline in one must not forge a line)
        if exp == "rejected":
            assert shown in rejected, (name, "should be rejected")
        elif exp == "stored":
            assert path in stored, (name, rejected.get(shown))
        elif exp.startswith("lines:"):
            for i, want in enumerate(exp[6:].split(","), 1):
                where = f"{path}:{i}"
                if want == "s":
                    assert where in stored, (where, rejected.get(printable(where)))
                elif want == "r":
                    assert printable(where) in rejected or (i == 1 and shown in rejected), (where, "should be rejected")
        else:  # either: an answer, not silence
            answered = stored | set(rejected)
            assert path in stored or shown in rejected or any(s.startswith((path, shown)) for s in answered)
    # no external entity was ever resolved into an article
    texts = [r[11] for r in table_snapshot(db_url)["articles"]]
    assert not any("root:" in t for t in texts)
    # nothing that was there before changed
    for name in KEPT_TABLES:  # (each of these tables' first column is its key)
        now = {r[0]: r for r in after[name]}
        assert all(now.get(r[0]) == r for r in before[name]), f"{name}: rows stored before were changed"
    # bounded: the whole corpus in a bounded time and memory
    assert secs < SECONDS_PER_INPUT * len(files), secs
    assert rss < MAX_RSS_MB, rss
    from strikewatch.db import open_db
    from strikewatch.ops.integrity import check

    report = check(open_db(db_url))
    assert report.ok and not report.pending, report.to_dict()
    _figures(db_url, {"inputs": len(files), "stored": len(stored), "rejected": len(rejected), "seconds": secs,
                      "peak_rss_mb": rss})


def _figures(db_url: str, data: dict[str, Any]) -> None:
    out = Path(__file__).resolve().parents[2] / "artifacts" / "hardening"
    out.mkdir(parents=True, exist_ok=True)
    kind = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    (out / f"corpus-{kind}.json").write_text(json.dumps(data, indent=1))


# --- hypothesis over the readers -------------------------------------------------------------------------------

SCRIPTS = [STRIKE, "اتوار کو میران شاہ کے قریب ڈرون حملے", "ארבעה בני אדם נהרגו", "Удар беспилотника", "星期一无人机",
           "\u202e", "\u202c", "\u200f", "\u2067", "\u2069", "\u0000", "\ufeff", "\r\n", "\n\n", "&amp;", "&#0;",
           "<p>", "</p>", "<div>", "<script>alert(1)</script>", "<!--", "]]>", "<![CDATA[", "\\u0000", "\"", "'"]
texts = st.one_of(st.text(max_size=400), st.lists(st.sampled_from(SCRIPTS), max_size=40).map("".join))
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "koi8-r",
             "cp1251", "cp1256", "iso-8859-8", "shift_jis", "gb18030", "big5", "euc-kr", "utf-7"]


@st.composite
def encoded_text(draw: st.DrawFn) -> bytes:
    text = draw(texts)
    enc = draw(st.sampled_from(ENCODINGS))
    return text.encode(enc, errors="replace")


@st.composite
def html_docs(draw: st.DrawFn) -> bytes:
    tags = ["div", "p", "b", "i", "article", "section", "table", "tr", "td", "span", "script", "style", "a", "ul", "li"]
    parts: list[str] = ["<!doctype html><html><head><title>", draw(st.text(max_size=30)), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 60))):
        choice = draw(st.integers(0, 4))
        if choice == 0:
            parts.append(f"<{draw(st.sampled_from(tags))}{draw(st.sampled_from(['', ' class=x', ' onclick=y']))}>")
        elif choice == 1:
            parts.append(f"</{draw(st.sampled_from(tags))}>")
        elif choice == 2:
            parts.append(draw(texts))
        elif choice == 3:
            parts.append(STRIKE)
        else:
            depth = draw(st.integers(1, 3000))
            tag = draw(st.sampled_from(tags))
            parts.append(f"<{tag}>" * depth)
    doc = "".join(parts).encode("utf-8", "surrogatepass")
    return doc[: draw(st.integers(0, len(doc)))] if draw(st.booleans()) else doc  # truncated half the time


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                      max_size=4), max_leaves=12)


@st.composite
def jsonl_docs(draw: st.DrawFn) -> bytes:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        keys = ["id", "text", "html", "url", "published", "title", "outlet"]
        obj = {k: draw(st.one_of(json_values, st.just(STRIKE), texts,
                                 st.dates().map(lambda d: d.isoformat())))
               for k in draw(st.lists(st.sampled_from(keys), unique=True, max_size=7))}
        raw = json.dumps(obj, ensure_ascii=draw(st.booleans()), allow_nan=True)
        lines.append(raw if draw(st.integers(0, 9)) else raw[: draw(st.integers(0, len(raw)))])
    return ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")


@st.composite
def feed_docs(draw: st.DrawFn) -> bytes:
    items = "".join(
        f"<item><title>{draw(texts)}</title><link>{draw(st.sampled_from(['', 'ftp://x', 'not a url', 'javascript:1']))}"
        f"</link><description>{draw(texts)}</description><pubDate>{draw(st.text(max_size=20))}</pubDate></item>"
        for _ in range(draw(st.integers(0, 4))))
    doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{draw(texts)}</title>{items}</channel></rss>'
    data = doc.encode("utf-8", "surrogatepass")
    return data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


KINDS: dict[str, tuple[str, Any]] = {
    "random bytes as text": ("text", st.binary(max_size=3000)),
    "random bytes as html": ("html", st.binary(max_size=3000)),
    "random bytes as jsonl": ("jsonl", st.binary(max_size=3000)),
    "random bytes as feed": ("feed", st.binary(max_size=3000)),
    "random bytes, sniffed": ("auto", st.binary(max_size=3000)),
    "text in many encodings": ("text", encoded_text()),
    "nested and truncated html": ("html", html_docs()),
    "jsonl with wrong types": ("jsonl", jsonl_docs()),
    "feeds with odd items": ("feed", feed_docs()),
}


def read_all(path: Path, kind: str, opts: ReadOptions) -> list[ArticleIn | Rejected]:
    t0 = time.monotonic()
    got = list(read_input(Input(str(path), kind), opts))  # type: ignore[arg-type]
    assert time.monotonic() - t0 < SECONDS_PER_INPUT
    assert got, "an input must give an article or a reason"
    for item in got:
        if isinstance(item, Rejected):
            assert item.reason and "\n" not in item.reason, item
            assert not item.reason.startswith("unexpected"), item  # read_input's catch-all caught a bug
        else:
            assert item.text.strip() and item.raw
            assert "\x00" not in item.text and "\x00" not in (item.title or "")
    return got


@pytest.fixture(scope="module")
def fuzz_counts() -> Iterator[dict[str, int]]:
    counts: dict[str, int] = {}
    yield counts
    out = Path(__file__).resolve().parents[2] / "artifacts" / "hardening"
    out.mkdir(parents=True, exist_ok=True)
    (out / "fuzz-readers.json").write_text(json.dumps(counts, indent=1))


@pytest.mark.parametrize("name", sorted(KINDS))
def test_readers_never_crash_and_the_database_stores_what_they_accept(name: str, db_url: str, tmp_path: Path,
                                                                     fuzz_counts: dict[str, int]) -> None:
    kind, strategy = KINDS[name]
    opts = ReadOptions(max_bytes=1_000_000, timeout=2.0)
    accepted: list[ArticleIn] = []
    n = 0

    @FUZZ
    @given(data=strategy)
    def one(data: bytes) -> None:
        nonlocal n
        n += 1
        path = tmp_path / f"input.{kind}"
        path.write_bytes(data)
        accepted.extend(a for a in read_all(path, kind, opts) if isinstance(a, ArticleIn))

    one()
    fuzz_counts[f"{name} ({db_url.split(':')[0]})"] = n
    # whatever the readers accept, the database stores: no refusal, one row per distinct input
    from strikewatch.db import open_db
    from strikewatch.ingest.pipeline import IngestReport, store_many
    from strikewatch.store.articles import prepare

    engine = open_db(db_url)
    report = IngestReport()
    store_many(engine, (prepare(a, extract=False) for a in accepted[:300]), report)
    assert report.rejected == [], report.rejected[:3]
    assert len(report.stored) + len(report.present) == min(len(accepted), 300)


# --- compressed bodies over HTTP ---------------------------------------------------------------------------------


def test_gzip_bomb_over_http_is_cut_at_the_size_cap() -> None:
    from regressions.cases import _gzip_bomb

    from strikewatch.ingest.fetch import FetchError, fetch

    bomb = _gzip_bomb(512 << 20)  # 512 MB of zeros in about half a megabyte

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(bomb)))
            self.end_headers()
            self.wfile.write(bomb)

        def log_message(self, *args: Any) -> None:
            return None

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        tracemalloc.start()
        t0 = time.monotonic()
        with pytest.raises(FetchError, match="too large"):
            fetch(f"http://127.0.0.1:{srv.server_address[1]}/", named=True, max_bytes=5 * 1024 * 1024, timeout=20)
        secs = time.monotonic() - t0
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    finally:
        srv.shutdown()
        srv.server_close()
    assert peak < 200 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB while refusing a 512 MB gzip bomb"
    assert secs < 20
    out = Path(__file__).resolve().parents[2] / "artifacts" / "hardening"
    out.mkdir(parents=True, exist_ok=True)
    (out / "gzip-bomb.json").write_text(json.dumps({"decompressed_mb": 512, "compressed_kb": len(bomb) // 1024,
                                                    "cap_mb": 5, "peak_python_mb": round(peak / 1e6),
                                                    "seconds": round(secs, 2)}))
