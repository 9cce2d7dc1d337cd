"""``strikewatch ingest --workers N`` / ``--cluster tcp://HOST:PORT``: the scaled run and its summary.

Called by ``strikewatch.cli.ingest_cmds.ingest``; the summary has the form of the one-process ``ingest``'s, with
the rate and the number of workers added, and long lists cut (see ``strikewatch.scale.report``).
"""

from __future__ import annotations

import datetime as dt

from strikewatch.errors import UserError
from strikewatch.scale.report import Capped, ScaleReport


def ingest_scaled_command(
    sources: list[str],
    *,
    published: dt.date | None,
    max_bytes: int,
    timeout: float,
    as_json: bool,
    extract: bool,
    workers: int | None,
    cluster: str | None,
    db: str | None,
    allow_hosts: tuple[str, ...] = (),
) -> None:
    """Run the scaled ingest and print its summary; exits 1 when an input was rejected or the strike update
    failed (as ``ingest`` does)."""
    import sys

    from strikewatch.cli.common import print_json
    from strikewatch.db import open_db
    from strikewatch.scale.runner import ingest_scaled

    if workers is not None and cluster is not None:
        raise UserError("give --workers or --cluster, not both")
    if cluster is not None and not cluster.startswith(("tcp://", "tls://", "ucx://", "inproc://")):
        raise UserError(f"--cluster must be a Dask scheduler address such as tcp://HOST:8786, got {cluster!r}")
    engine = open_db(db)
    try:
        report = ingest_scaled(engine, sources, workers=workers, cluster=cluster, published=published,
                               max_bytes=max_bytes, timeout=timeout, extract=extract, progress=sys.stderr.isatty(),
                               allow_hosts=allow_hosts)
    except KeyboardInterrupt:
        _say("[yellow]interrupted[/yellow]: every batch written so far is stored; run the same command again to "
             "finish (stored articles are recognised and skipped)")
        raise SystemExit(130) from None
    if as_json:
        print_json(report.to_dict())
    else:
        print_summary(report)
    if not report.ok:
        raise SystemExit(1)


def _say(message: str) -> None:
    from strikewatch.cli.common import err_console

    err_console.print(message, highlight=False, soft_wrap=True)


def _more(c: Capped) -> None:
    if c.truncated:
        _say(f"  … and {c.count - len(c.items):,} more")


def print_summary(report: ScaleReport) -> None:
    from rich.markup import escape as markup_escape

    from strikewatch.terminal import printable

    def escape(text: str) -> str:  # names and reasons come from outside: no markup, no control characters
        return markup_escape(printable(text))

    wire = report.wire_copies.count
    line = (
        f"[bold]{report.stored.count:,}[/bold] stored, [bold]{report.present.count:,}[/bold] already present, "
        f"[bold]{wire:,}[/bold] wire {'copy' if wire == 1 else 'copies'}, "
        f"[bold]{report.rejected.count:,}[/bold] rejected"
    )
    if report.skipped.count:
        line += f", {report.skipped.count:,} skipped"
    _say(line)
    where = f"on the Dask cluster at {escape(report.cluster)}" if report.cluster else "in worker processes"
    _say(f"  {report.articles_per_second:,.1f} articles/s with {report.workers} workers {where} "
         f"({report.seconds:,.1f} s; strike update {report.merge_seconds:,.1f} s)")
    for a in report.wire_copies.items:
        _say(f"  wire copy: article {a.id} ({escape(a.source)}) of article {a.dup_of} "
             f"(similarity {a.dup_similarity:.2f})")
    _more(report.wire_copies)
    for r in report.rejected.items:
        _say(f"  [red]rejected[/red] {escape(r.source)}: {escape(r.reason)}")
    _more(report.rejected)
    for sk in report.skipped.items:
        _say(f"  skipped {escape(sk.source)}: {escape(sk.reason)}")
    _more(report.skipped)
    for w in report.warnings.items:
        _say(f"  [yellow]warning[/yellow] {escape(w)}")
    _more(report.warnings)
    if report.merge_error:
        _say(f"  [red]error[/red] {escape(report.merge_error)}")
