"""Options and output helpers shared by every CLI command."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="STRIKEWATCH_DB",
        help="Database URL (sqlite:///file.db or postgresql://...). Default: strikewatch.db here.",
        show_default=False,
    ),
]

# Tables written to a file or a pipe (CI logs, `| less`) get room for their columns instead of Rich's 80.
console = Console() if sys.stdout.isatty() else Console(width=200)
err_console = Console(stderr=True)


def print_json(data: Any) -> None:
    """Write JSON to stdout (dates as ISO strings), never through Rich's markup."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one clear line to stderr and return the Exit to raise."""
    err_console.print(f"[red]error:[/red] {message}", markup=True, highlight=False)
    return typer.Exit(code)
