"""``strikewatch demo``: the first hour in one command. Ingest the bundled example reports into the database every
other command uses by default, print the strike table and what to type next, then serve the web UI."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from strikewatch.cli.common import DbOption, err_console
from strikewatch.errors import UserError


def _db_flag(db: str | None) -> str:
    """`` --db X`` when the records are not in the default database, so every command printed finds them."""
    from strikewatch.db.engine import DEFAULT_URL, ENV_VAR

    if db is None and os.environ.get(ENV_VAR) is None:
        return ""
    value = db or os.environ.get(ENV_VAR) or DEFAULT_URL
    return "" if value in (DEFAULT_URL, "strikewatch.db") else f" --db {value}"


def demo(
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Stop after printing the strike table.")] = False,
    host: Annotated[str, typer.Option(help="Address to serve on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to serve on.")] = 8000,
    db: DbOption = None,
) -> None:
    """Ingest the bundled example reports into the default database (strikewatch.db here), print the strikes and
    the next commands, then serve the map at http://127.0.0.1:8000/ (Ctrl-C stops)."""
    from strikewatch.cli.ingest_cmds import _print_summary
    from strikewatch.cli.merge_cmds import strikes
    from strikewatch.db import open_db
    from strikewatch.db.engine import sqlite_file
    from strikewatch.demo import examples_dir
    from strikewatch.ingest.pipeline import ingest_sources

    folder = examples_dir()
    if folder is None:
        raise UserError("the example reports are missing from this installation (reinstall strikewatch)")
    engine = open_db(db)
    err_console.print(f"ingesting the example reports in {folder}", highlight=False, markup=False)
    report = ingest_sources(engine, [str(folder)], progress=sys.stderr.isatty())
    _print_summary(report)
    strikes(db=db, since=None, until=None, country=None, admin=None, grade=None, min_killed=None, sort="date",
            limit=None)
    where = sqlite_file(engine.url.render_as_string(hide_password=True))
    flag = _db_flag(db)
    strike_id = _first_strike(engine)
    steps = [
        (f"strikewatch strikes{flag}", "this table again (--format csv or geojson for a sheet)"),
        (f"strikewatch strike {strike_id}{flag}", "one record: its sources and the sentence each figure came from"),
        (f"strikewatch export-site site/{flag}", "a static copy to publish, or to open from disk"),
        (f"strikewatch serve{flag}", "the map, timeline and strike pages"),
    ]
    width = max(len(c) for c, _ in steps) + 3
    lines = [
        f"The records are in {where.resolve() if where else 'the database named by --db'}"
        + ("" if flag else ", the database every strikewatch command here uses by default") + ". Next:",
        *(f"  {c.ljust(width)}{what}" for c, what in steps),
    ]
    err_console.print("\n".join(lines), highlight=False, markup=False, soft_wrap=True)
    if no_serve:
        return
    from strikewatch.cli.web_cmds import serve

    serve(db=db, host=host, port=port, log_level="warning", count_cache=30.0)


def _first_strike(engine: object) -> int:
    """The record with the most independent sources (the most to look at), else 1."""
    from sqlalchemy import select

    from strikewatch.db import session_scope
    from strikewatch.db.tables import Strike

    with session_scope(engine) as s:  # type: ignore[arg-type]
        sid = s.scalar(select(Strike.id).where(Strike.status == "active")
                       .order_by(Strike.n_sources.desc(), Strike.id).limit(1))
    return int(sid or 1)


def register(app: typer.Typer) -> None:
    """Add this command to the main app."""
    app.command("demo")(demo)
