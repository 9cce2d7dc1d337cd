"""Speed of the analyses on the TBIJ Pakistan dataset (figures for docs/analysis.md), as ratios to baselines
measured in the same run.

    .venv/bin/python bench/bench_analyse.py [--shared ../shared] [--write-docs] [--plots] [--json]

* in-process: each analysis over the 430 TBIJ rows vs **one plain pass over the rows** (summing killed_max), the
  floor any analysis pays; and loading the rows from SQLite (``load_rows``) vs that same pass;
* commands: each ``strikewatch`` command end to end (a subprocess on a SQLite file with the dataset imported) vs
  ``strikewatch --help`` (interpreter + CLI start-up), median of 3;
* ``--write-docs`` replaces the figures block of docs/analysis.md; ``--plots`` redraws the sample plots in docs/img/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from strikewatch.analyse.around import around, read_events  # noqa: E402
from strikewatch.analyse.claims import ClaimIn, check_claims  # noqa: E402
from strikewatch.analyse.compare import compare  # noqa: E402
from strikewatch.analyse.datasets import import_dataset, load_rows  # noqa: E402
from strikewatch.analyse.timeline import lulls, rate  # noqa: E402
from strikewatch.analyse.totals import totals  # noqa: E402
from strikewatch.db import open_db  # noqa: E402

EVENTS = ROOT / "strikewatch" / "analyse" / "data" / "events_pakistan.csv"
DOC = ROOT / "docs" / "analysis.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def cli_time(args: list[str], db: str, repeat: int = 3) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system of the child process) of a command."""
    import resource

    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "strikewatch", *args], capture_output=True, text=True,
                              env={"STRIKEWATCH_DB": db, "PATH": "/usr/bin:/bin"}, cwd=ROOT)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode != 0:
            raise SystemExit(f"{args}: {proc.stderr}")
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--write-docs", action="store_true")
    ap.add_argument("--plots", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    refdir = args.shared / "data" / "reference"

    tmp = Path(tempfile.mkdtemp(prefix="sw-bench-"))
    db = f"sqlite:///{tmp / 'bench.db'}"
    engine = open_db(db)
    t_import = best_of(lambda: import_dataset(engine, refdir / "tbij_pakistan_strikes.xlsx", "tbij"), 3)
    import_dataset(engine, refdir / "newamerica_pakistan.csv", "newamerica")
    tbij = load_rows(engine, "tbij")
    na = load_rows(engine, "newamerica")
    events = read_events(EVENTS)
    claims = [
        ClaimIn(1, "five confirmed strikes in 2017", 5, "strikes", "2017", "TBIJ", dt.date(2017, 12, 28)),
        ClaimIn(2, "up to 3,735 killed in the last decade", 3735, "killed", "last decade", None, dt.date(2014, 6, 12)),
        ClaimIn(3, "more than 400 civilians", 400, "civilians", None, None, dt.date(2017, 12, 28)),
    ]

    def plain_pass() -> int:
        return sum(r.killed_max or 0 for r in tbij)

    base = best_of(plain_pass, 20)
    inproc = {
        "load_rows (SQLite)": best_of(lambda: load_rows(engine, "tbij")),
        "lulls": best_of(lambda: lulls(tbij, since=dt.date(2008, 1, 1))),
        "rate (month)": best_of(lambda: rate(tbij)),
        "totals by year": best_of(lambda: totals(tbij, "year")),
        "totals by administration": best_of(lambda: totals(tbij, "administration")),
        f"around ({len(events)} events, 10,000 random draws)": best_of(lambda: around(tbij, events), 3),
        "compare tbij newamerica": best_of(lambda: compare({"tbij": tbij, "newamerica": na}), 3),
        "claims check (3 claims)": best_of(lambda: check_claims(claims, tbij)),
    }
    cmds = {
        "strikewatch --help (baseline)": ["--help"],
        "analyse lulls": ["analyse", "lulls", "-d", "tbij", "--since", "2008-01-01", "-f", "json"],
        "analyse rate": ["analyse", "rate", "-d", "tbij", "-f", "json"],
        "analyse totals --by administration": ["analyse", "totals", "-d", "tbij", "--by", "administration", "-f",
                                               "json"],
        "analyse around": ["analyse", "around", str(EVENTS), "-d", "tbij", "-f", "json"],
        "compare tbij newamerica": ["compare", "tbij", "newamerica", "-f", "json"],
        "analyse lulls --plot (PNG)": ["analyse", "lulls", "-d", "tbij", "-f", "json", "--plot",
                                       str(tmp / "l.png")],
    }
    cli = {name: cli_time(a, db) for name, a in cmds.items()}
    cli_base, cpu_base = cli["strikewatch --help (baseline)"]
    matched = compare({"tbij": tbij, "newamerica": na}).pairs[0].summary()

    result = {
        "rows": len(tbij),
        "plain_pass_s": base,
        "import_tbij_xlsx_s": t_import,
        "in_process_s": inproc,
        "cli_s": cli,
        "compare_summary": matched,
    }
    if args.json:
        print(json.dumps(result, indent=2))

    lines = [
        f"Measured {dt.date.today().isoformat()} on this project's development machine (2 cores shared with other "
        f"jobs; load average {os.getloadavg()[0]:.1f} at the end of the run), `python bench/bench_analyse.py`. "
        f"TBIJ Pakistan workbook: {len(tbij)} rows.",
        "",
        f"In-process, best of 5; baseline = one plain pass over the rows (sum of killed_max): {base * 1e6:.1f} µs.",
        "",
        "| analysis | time | ratio to plain pass |",
        "| --- | ---: | ---: |",
    ]
    for name, t in inproc.items():
        lines.append(f"| {name} | {t * 1000:.2f} ms | {t / base:,.0f}× |")
    lines += [
        "",
        f"Import of the TBIJ workbook (read .xlsx + store 430 rows): {t_import:.2f} s "
        f"({t_import / base:,.0f}× the plain pass).",
        "",
        "Commands end to end (subprocess, SQLite file, median of 3): wall time, and CPU time (user + system), which "
        "other jobs on the machine disturb less; baseline = `strikewatch --help` "
        f"({cli_base:.2f} s wall, {cpu_base:.2f} s CPU):",
        "",
        "| command | wall | CPU | CPU ratio to --help |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, (t, c) in cli.items():
        if name.startswith("strikewatch --help"):
            continue
        lines.append(f"| `{name}` | {t:.2f} s | {c:.2f} s | {c / cpu_base:.1f}× |")
    lines += [
        "",
        f"`compare tbij newamerica`: {matched['matched']} strikes matched within a day "
        f"({matched['matched_same_day']} on the same day) of {matched['a_rows']} TBIJ and {matched['b_rows']} "
        f"New America rows; {matched['only_a']} only in TBIJ, {matched['only_b']} only in New America; "
        f"{matched['toll_disagreements']} matched pairs whose killed ranges are more than "
        f"{matched['threshold']} apart.",
    ]
    block = "\n".join(lines)
    print(block)
    if args.write_docs:
        text = DOC.read_text()
        i, j = text.index(START) + len(START), text.index(END)
        DOC.write_text(text[:i] + "\n" + block + "\n" + text[j:])
    if args.plots:
        img = ROOT / "docs" / "img"
        img.mkdir(parents=True, exist_ok=True)
        for name, a in {
            "lulls_tbij.png": ["analyse", "lulls", "-d", "tbij", "--since", "2008-01-01", "-f", "json", "--plot"],
            "compare_tbij_newamerica.png": ["compare", "tbij", "newamerica", "-f", "json", "--plot"],
            "totals_tbij_year.png": ["analyse", "totals", "-d", "tbij", "--by", "year", "-f", "json", "--plot"],
            "around_tbij.png": ["analyse", "around", str(EVENTS), "-d", "tbij", "-f", "json", "--plot"],
        }.items():
            cli_time([*a, str(img / name)], db, repeat=1)


if __name__ == "__main__":
    main()
