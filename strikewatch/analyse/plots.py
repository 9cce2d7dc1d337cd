"""Offline plots (matplotlib, Agg backend) for each analysis; PNG or SVG chosen by the file's suffix.

Every plot names the data's source in its footer: tracker figures belong to the organisations that compiled them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from strikewatch.analyse.around import AroundResult
from strikewatch.analyse.compare import CompareResult
from strikewatch.analyse.records import TrackerStrike
from strikewatch.analyse.timeline import Lull, RatePoint, daily_counts, dated
from strikewatch.analyse.totals import Total
from strikewatch.errors import UserError


def _figure(width: float = 10, height: float = 4.5) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(width, height), dpi=100)
    return fig, ax


def _save(fig: Any, path: str | Path, credit: str) -> Path:
    import matplotlib.pyplot as plt

    p = Path(path)
    if p.suffix.lower() not in (".png", ".svg"):
        plt.close(fig)
        raise UserError(f"--plot {path}: use a .png or .svg file name")
    fig.text(0.01, 0.01, f"Data: {credit}", fontsize=7, color="#555555")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    p.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(p, format=p.suffix.lower()[1:], metadata={"Software": "strikewatch"} if p.suffix == ".png" else None)
    plt.close(fig)
    return p


def _weekly(rows: Sequence[TrackerStrike]) -> tuple[list[dt.date], list[int]]:
    rs = dated(rows)
    if not rs:
        return [], []
    first, last = rs[0].date, rs[-1].date
    assert first is not None and last is not None
    first -= dt.timedelta(days=first.weekday())
    counts = daily_counts(rs, first, last)
    weeks = [first + dt.timedelta(days=i) for i in range(0, len(counts), 7)]
    return weeks, [sum(counts[i:i + 7]) for i in range(0, len(counts), 7)]


def plot_lulls(rows: Sequence[TrackerStrike], gaps: Sequence[Lull], path: str | Path, title: str, credit: str,
               top: int = 5) -> Path:
    """Strikes per week, with the longest gaps shaded and labelled."""
    fig, ax = _figure()
    weeks, counts = _weekly(rows)
    ax.bar(weeks, counts, width=6, color="#444444", label="strikes per week")
    from matplotlib.patches import Patch

    chosen = sorted(list(gaps)[:top], key=lambda g: g.start)
    for k, g in enumerate(chosen):
        ax.axvspan(g.start, g.end, color="#d62728" if g.longest_so_far else "#ff9896", alpha=0.35, lw=0)
        mid = g.start + (g.end - g.start) / 2
        ax.annotate(f"{g.days} d", (mid, max(counts or [1]) * (0.92 - 0.08 * (k % 3))), ha="center", fontsize=8,
                    color="#8b0000")
    handles, _labels = ax.get_legend_handles_labels()
    handles += [Patch(color="#d62728", alpha=0.35, label="longest gap so far"),
                Patch(color="#ff9896", alpha=0.35, label=f"other of the {top} longest gaps")]
    ax.set_title(title)
    ax.set_ylabel("strikes per week")
    ax.legend(handles=handles, loc="upper left", fontsize=8)
    return _save(fig, path, credit)


def plot_rate(points: Sequence[RatePoint], path: str | Path, title: str, credit: str) -> Path:
    fig, ax = _figure()
    xs = [p.date for p in points]
    ax.plot(xs, [p.strikes_30d for p in points], label="strikes in 30 days", color="#1f77b4")
    ax.plot(xs, [p.strikes_90d / 3 for p in points], label="strikes in 90 days / 3", color="#ff7f0e")
    ax.set_title(title)
    ax.set_ylabel("strikes per 30 days")
    ax.legend(fontsize=8)
    return _save(fig, path, credit)


def plot_totals(groups: Sequence[Total], path: str | Path, title: str, credit: str) -> Path:
    """Strikes per group (bars) and killed min–max (error bars on a second axis)."""
    fig, ax = _figure()
    keys = [g.key for g in groups]
    xs = list(range(len(keys)))
    ax.bar(xs, [g.strikes for g in groups], color="#7f7f7f", label="strikes")
    ax.set_ylabel("strikes")
    ax2 = ax.twinx()
    lo = [g.sums["killed"][0] for g in groups]
    hi = [g.sums["killed"][1] for g in groups]
    mid = [(a + b) / 2 for a, b in zip(lo, hi, strict=True)]
    ax2.errorbar(xs, mid, yerr=[[m - a for m, a in zip(mid, lo, strict=True)],
                                [b - m for m, b in zip(mid, hi, strict=True)]],
                 fmt="o", color="#d62728", capsize=3, label="killed (min–max)")
    ax2.set_ylabel("killed (min–max)")
    ax2.set_ylim(bottom=0)
    ax.set_xticks(xs, keys, rotation=60 if len(keys) > 12 else 0, fontsize=8)
    ax.set_title(title)
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, fontsize=8, loc="upper left")
    return _save(fig, path, credit)


def plot_around(rows: Sequence[TrackerStrike], result: AroundResult, path: str | Path, title: str,
                credit: str) -> Path:
    """Top: strikes per week over the events' period, each event a numbered line. Bottom: strikes in the window
    before (left) and after (right) each event."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    evs = sorted(result.events, key=lambda e: e.event.date)
    n = len(evs)
    fig, (ax, bx) = plt.subplots(2, 1, figsize=(11, 4 + 0.32 * n), dpi=100,
                                 gridspec_kw={"height_ratios": [3, max(2, 0.5 * n)]})
    w = dt.timedelta(days=result.window)
    lo = min(e.event.date for e in evs) - 3 * w
    hi = max(e.event.date for e in evs) + 3 * w
    weeks, counts = _weekly([r for r in rows if r.date and lo <= r.date <= hi])
    ax.bar(weeks, counts, width=6, color="#444444")
    top = max(counts or [1])
    for k, e in enumerate(evs, start=1):
        d = e.event.date
        ax.axvspan(d - w, d, color="#1f77b4", alpha=0.12, lw=0)
        ax.axvspan(d, d + w, color="#ff7f0e", alpha=0.12, lw=0)
        ax.axvline(d, color="#d62728", lw=0.8)
        ax.annotate(str(k), (d, top * 1.02), ha="center", va="bottom", fontsize=7, color="#8b0000")
    ax.set_ylim(0, top * 1.15 + 0.5)
    ax.set_ylabel("strikes per week")
    p = f"p = {result.p_value}" if result.p_value is not None else "no test"
    ax.set_title(f"{title}\n{result.window} days before (blue) and after (orange) each event; mean change "
                 f"{result.statistic}, {p} against {result.n_random:,} random dates", fontsize=10)
    ys = list(range(n))[::-1]
    bx.barh(ys, [-e.before.strikes for e in evs], color="#1f77b4", label="before")
    bx.barh(ys, [e.after.strikes for e in evs], color="#ff7f0e", label="after")
    bx.axvline(0, color="#333333", lw=0.8)
    labels = [f"{k}. {e.event.date.isoformat()} {e.event.label}"[:60] for k, e in enumerate(evs, start=1)]
    bx.set_yticks(ys, labels, fontsize=7)
    bx.set_xlabel("strikes in the window (before to the left, after to the right)")
    lim = max([1, *(e.before.strikes for e in evs), *(e.after.strikes for e in evs)])
    bx.set_xlim(-lim * 1.1, lim * 1.1)
    bx.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda x, _pos: f"{abs(x):g}"))
    bx.legend(fontsize=7, loc="lower right")
    return _save(fig, path, credit)


def plot_compare(result: CompareResult, path: str | Path, credit: str) -> Path:
    """Strikes per year, the datasets side by side."""
    fig, ax = _figure()
    years = [y["year"] for y in result.years if y["year"] != "(unknown)"]
    n = len(result.names)
    width = 0.8 / max(1, n)
    for k, name in enumerate(result.names):
        xs = [i + (k - (n - 1) / 2) * width for i in range(len(years))]
        ax.bar(xs, [y[f"{name}_strikes"] for y in result.years if y["year"] != "(unknown)"], width=width,
               label=name)
    ax.set_xticks(range(len(years)), years, rotation=45, fontsize=8)
    ax.set_ylabel("strikes")
    summary = "; ".join(f"{p.a}/{p.b}: {len(p.matches)} matched within {p.max_days} d" for p in result.pairs)
    ax.set_title(f"Strikes per year — {', '.join(result.names)}\n{summary}", fontsize=10)
    ax.legend(fontsize=8)
    return _save(fig, path, credit)
