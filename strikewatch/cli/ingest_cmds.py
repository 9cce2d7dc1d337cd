"""CLI commands of the ingest stage: ingest, articles, article, reextract."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from strikewatch.cli.common import DbOption, console, err_console, print_json
from strikewatch.errors import UserError

if TYPE_CHECKING:
    from strikewatch.ingest.pipeline import IngestReport


class ListFormat(StrEnum):
    table = "table"
    json = "json"


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


def _say(message: str) -> None:
    """One line on stderr (Rich markup, never wrapped, no number highlighting)."""
    err_console.print(message, highlight=False, soft_wrap=True)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(f"--published must be a date as YYYY-MM-DD, got {value!r}") from None


def ingest(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .html, .jsonl, .xml feeds), folders (read recursively), http(s) URLs of pages or "
            "RSS/Atom feeds.",
            show_default=False,
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date (YYYY-MM-DD) for inputs that carry none of their own."),
    ] = None,
    max_size: Annotated[
        float, typer.Option("--max-size", help="Largest file, page or JSONL line accepted, in MB.", min=0.001)
    ] = 20.0,
    timeout: Annotated[
        float,
        typer.Option("--timeout", min=0.1,
                     help="Seconds to wait for a URL in all (every redirect and the body); links are fetched "
                     "concurrently."),
    ] = 30.0,
    allow_host: Annotated[
        list[str] | None,
        typer.Option("--allow-host", show_default=False, metavar="HOST",
                     help="Let links found in fetched feeds go to this host (HOST or HOST:PORT), address or range "
                     "(10.0.0.0/8) too; by default they go only to public addresses and to the feed's own host. "
                     "Repeatable."),
    ] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", help="Summary as a table or as JSON.")] = ListFormat.table,
    no_extract: Annotated[
        bool, typer.Option("--no-extract", help="Only archive; extract later with `strikewatch reextract`.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, show_default=False,
                     help="Read and extract in N processes while one writer stores in batches (see docs/scale.md)."),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option("--cluster", show_default=False,
                     help="Read and extract on the Dask cluster at tcp://HOST:PORT; this process stores."),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list every wire copy and skipped file.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Store news articles with their extracted strike reports; ends with one summary line and lists each
    rejected input with its reason (--verbose: the wire copies and skipped files too)."""
    from strikewatch.db import open_db
    from strikewatch.ingest.pipeline import ingest_sources

    date = _parse_date(published)
    from strikewatch.ingest.fetch import parse_allow

    parse_allow(allow_host or ())  # a bad value is one line before anything is opened
    if workers is not None or cluster is not None:
        from strikewatch.scale.cli import ingest_scaled_command

        ingest_scaled_command(sources, published=date, max_bytes=int(max_size * 1024 * 1024), timeout=timeout,
                              as_json=fmt is ListFormat.json, extract=not no_extract, workers=workers,
                              cluster=cluster, db=db, allow_hosts=tuple(allow_host or ()))
        return
    engine = open_db(db)
    report = ingest_sources(
        engine,
        sources,
        published=date,
        progress=sys.stderr.isatty(),
        max_bytes=int(max_size * 1024 * 1024),
        timeout=timeout,
        extract=not no_extract,
        allow_hosts=tuple(allow_host or ()),
    )
    if fmt is ListFormat.json:
        print_json(report.to_dict())
    else:
        _print_summary(report, verbose)
    if not report.ok:
        raise SystemExit(1)  # not typer.Exit: main() runs click with standalone_mode=False, which swallows it


def _print_summary(report: IngestReport, verbose: bool = False) -> None:
    from rich.markup import escape as markup_escape

    from strikewatch.terminal import printable

    def escape(text: str) -> str:  # names and reasons come from outside: no markup, no control characters
        return markup_escape(printable(text))

    wire = len(report.wire_copies)
    line = (
        f"[bold]{len(report.stored)}[/bold] stored, [bold]{len(report.present)}[/bold] already present, "
        f"[bold]{wire}[/bold] wire {'copy' if wire == 1 else 'copies'}, "
        f"[bold]{len(report.rejected)}[/bold] rejected"
    )
    if report.skipped:
        line += f", {len(report.skipped)} skipped"
    if not verbose and (wire or report.skipped):
        line += " (--verbose lists them)"
    _say(line)
    if verbose:
        for a in report.wire_copies:
            _say(
                f"  wire copy: article {a.id} ({escape(a.source)}) of article {a.dup_of} "
                f"(similarity {a.dup_similarity:.2f})",
            )
    bases = report.date_bases()
    if bases:
        from strikewatch.ingest.pubdate import BASIS_WORDS

        parts = [f"{n} from {BASIS_WORDS.get(b, b)}" for b, n in bases.items() if b != "unknown"]
        if bases.get("unknown"):
            parts.append(f"{bases['unknown']} unknown (--published YYYY-MM-DD dates them)")
        _say("  publication dates: " + "; ".join(parts))
    for r in report.rejected:  # always listed: each needs the user's attention (and makes the exit status 1)
        _say(f"  [red]rejected[/red] {escape(r.source)}: {escape(r.reason)}")
    if verbose:
        for sk in report.skipped:
            _say(f"  skipped {escape(sk.source)}: {escape(sk.reason)}")
    for w in report.warnings:
        _say(f"  [yellow]warning[/yellow] {escape(w)}")
    if report.merge_error:
        _say(f"  [red]error[/red] {escape(report.merge_error)}")


def articles(
    fmt: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = ListFormat.table,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many articles.", min=0)] = None,
    offset: Annotated[int, typer.Option("--offset", help="Skip this many articles first.", min=0)] = 0,
    db: DbOption = None,
) -> None:
    """List stored articles (id order)."""
    from rich.table import Table

    from strikewatch.db import open_db, session_scope
    from strikewatch.store.articles import list_articles

    engine = open_db(db, create=False)
    with session_scope(engine) as session:
        rows = list_articles(session, limit=limit, offset=offset)
    if fmt is ListFormat.json:
        print_json(rows)
        return
    if not rows:
        _say("no articles stored yet: add some with `strikewatch ingest SOURCE...`")
        return
    table = Table(show_lines=False)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("outlet", no_wrap=True)
    table.add_column("title", no_wrap=True)
    table.add_column("chars", justify="right", no_wrap=True)
    table.add_column("copy of", justify="right", no_wrap=True)
    id_w = max(len("id"), *(len(str(r["id"])) for r in rows))
    outlet_w = min(20, max(len("outlet"), *(len(r["outlet"] or "") for r in rows)))
    # borders and padding of 6 columns take 19 cells
    title_w = max(20, console.width - 19 - id_w - 10 - outlet_w - 7 - 7)
    for r in rows:
        table.add_row(
            str(r["id"]),
            r["published"] or "unknown",
            _cut(r["outlet"] or "", outlet_w),
            _cut(r["title"] or "", title_w),
            str(r["n_chars"]),
            str(r["dup_of"]) if r["dup_of"] else "",
        )
    console.print(table)


def _cut(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def article(
    article_id: Annotated[int, typer.Argument(help="Article id (see `strikewatch articles`).", show_default=False)],
    fmt: Annotated[ShowFormat, typer.Option("--format", help="Output format.")] = ShowFormat.text,
    db: DbOption = None,
) -> None:
    """Show one stored article: metadata, text, reader comments and what was extracted from it."""
    from strikewatch.db import open_db, session_scope
    from strikewatch.store.articles import get_article

    engine = open_db(db, create=False)
    with session_scope(engine) as session:
        d = get_article(session, article_id)
    if d is None:
        raise UserError(f"no article with id {article_id}")
    if fmt is ShowFormat.json:
        print_json(d)
        return
    out = sys.stdout
    out.write(f"article {d['id']}: {d['title'] or '(no title)'}\n")
    for label, key in (("outlet", "outlet"), ("url", "url"), ("source", "source"), ("sha256", "sha256")):
        if d.get(key):
            out.write(f"  {label}: {d[key]}\n")
    out.write(f"  published: {d['published'] or 'unknown'} ({d['published_basis']})\n")
    if d["dup_of"]:
        out.write(f"  wire copy of article {d['dup_of']} (similarity {d['dup_similarity']:.2f})\n")
    if d["wire_copies"]:
        out.write(f"  wire copies: {', '.join(str(i) for i in d['wire_copies'])}\n")
    out.write(
        f"  extracted: {len(d['events'])} events, {len(d['claims'])} claims "
        f"(extractor {d['extractor_version'] or 'not run'})\n\n"
    )
    out.write(d["text"].rstrip() + "\n")
    if d["comments"]:
        out.write("\n--- reader comments (kept apart from the article) ---\n\n")
        out.write(d["comments"].rstrip() + "\n")


def reextract(
    all_: Annotated[bool, typer.Option("--all", help="Every article, not only those from another extractor.")] = False,
    db: DbOption = None,
) -> None:
    """Re-run the current extractor over stored articles and update the strikes."""
    from strikewatch.db import open_db
    from strikewatch.extract import EXTRACTOR_VERSION
    from strikewatch.ingest.pipeline import reextract as run

    engine = open_db(db, create=False)
    report = run(engine, all_articles=all_, progress=sys.stderr.isatty())
    _say(
        f"re-extracted {report.reextracted} articles with extractor {EXTRACTOR_VERSION}"
        + (f", {len(report.failed)} failed" if report.failed else ""),
    )
    for f in report.failed:
        _say(f"  [red]failed[/red] {f}")
    if report.merge_error:
        _say(f"  [red]error[/red] {report.merge_error}")
    if report.failed or report.merge_error:
        raise SystemExit(1)  # not typer.Exit: main() runs click with standalone_mode=False, which swallows it


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""
    app.command("ingest")(ingest)
    app.command("articles")(articles)
    app.command("article")(article)
    app.command("reextract")(reextract)
