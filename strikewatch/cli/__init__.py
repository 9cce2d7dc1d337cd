"""The ``strikewatch`` command. Each stage registers its commands from its own module."""

from __future__ import annotations

import os
import sys

import typer

from strikewatch.cli import (
    analyse_cmds,
    demo_cmds,
    extract_cmds,
    geo_cmds,
    ingest_cmds,
    merge_cmds,
    monitor_cmds,
    ops_cmds,
    web_cmds,
)
from strikewatch.cli.common import DbOption
from strikewatch.errors import UserError

app = typer.Typer(
    name="strikewatch",
    help="News reports in, an accountable, sourced record of air and drone strikes out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)



@app.callback()
def _root(db: DbOption = None) -> None:
    """News reports in, an accountable, sourced record of air and drone strikes out."""
    if db:  # `strikewatch --db URL COMMAND` works as well as `strikewatch COMMAND --db URL`
        os.environ["STRIKEWATCH_DB"] = db


for _module in (demo_cmds, ingest_cmds, extract_cmds, geo_cmds, merge_cmds, analyse_cmds, web_cmds, ops_cmds,
                monitor_cmds):
    _module.register(app)


def main() -> None:
    """Entry point: user errors become one line on stderr and exit status 2."""
    try:
        # standalone_mode=False makes click *return* the code of a typer.Exit instead of exiting
        rc = app(standalone_mode=False)
        if isinstance(rc, int) and rc != 0:
            sys.exit(rc)
    except UserError as exc:
        sys.stderr.write(f"error: {exc}\n")
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.stderr.write("aborted\n")
        sys.exit(130)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except Exception as exc:  # usage errors and the like
        show = getattr(exc, "show", None)
        exit_code = getattr(exc, "exit_code", None)
        if callable(show) and isinstance(exit_code, int):  # click/typer usage errors
            show()
            sys.exit(exit_code)
        sys.stderr.write(f"error: unexpected {type(exc).__name__}: {exc}\n")
        sys.exit(1)
