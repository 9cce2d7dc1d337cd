"""CLI commands of the ops stage: check (integrity), backup FILE, restore FILE."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from strikewatch.cli.common import DbOption, err_console, print_json


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


def _say(message: str) -> None:
    err_console.print(message, highlight=False, soft_wrap=True, markup=False)


def check(
    fmt: Annotated[CheckFormat, typer.Option("--format", help="text or json.")] = CheckFormat.text,
    quick: Annotated[bool, typer.Option("--quick", help="Do not re-hash every raw blob.")] = False,
    db: DbOption = None,
) -> None:
    """Check the database's invariants: no orphaned, duplicated or half-merged rows; the review log and the
    records agree. Exit status 1 when an invariant is broken."""
    from strikewatch.db import open_db
    from strikewatch.ops.integrity import check as run
    from strikewatch.ops.integrity import summary_lines

    report = run(open_db(db, create=False), verify_blobs=not quick)
    if fmt is CheckFormat.json:
        print_json(report.to_dict())
    else:
        import sys

        for line in summary_lines(report):
            sys.stdout.write(line + "\n")
    if not report.ok:
        raise SystemExit(1)  # not typer.Exit: main() runs click with standalone_mode=False, which swallows it


def backup(
    file: Annotated[Path, typer.Argument(help="Backup file to write (gzip JSON lines; '.jsonl.gz' by convention).",
                                         show_default=False)],
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
    db: DbOption = None,
) -> None:
    """Write every table, raw article bytes included, to a portable, versioned backup file."""
    from strikewatch.db import open_db
    from strikewatch.ops.backup import backup as run

    summary = run(open_db(db, create=False), file, overwrite=force)
    rows = sum(summary.counts.values())
    _say(f"backed up {rows} rows of {len(summary.counts)} tables ({summary.counts.get('articles', 0)} articles, "
         f"{summary.counts.get('review_actions', 0)} review actions) to {file} ({summary.bytes / 1e6:.1f} MB)")


def restore(
    file: Annotated[Path, typer.Argument(help="Backup file written by `strikewatch backup`.", show_default=False)],
    force: Annotated[bool, typer.Option("--force", help="Replace everything in a database that is not empty.")
                     ] = False,
    db: DbOption = None,
) -> None:
    """Restore a backup into an empty database (one transaction: all of it or nothing)."""
    from strikewatch.db import open_db
    from strikewatch.ops.backup import restore as run

    summary = run(open_db(db), file, force=force)
    rows = sum(summary.counts.values())
    _say(f"restored {rows} rows of {len(summary.counts)} tables ({summary.counts.get('articles', 0)} articles, "
         f"{summary.counts.get('review_actions', 0)} review actions) from {file}")


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""
    app.command("check")(check)
    app.command("backup")(backup)
    app.command("restore")(restore)
