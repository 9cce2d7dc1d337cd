"""CLI commands of the web stage: serve, user add/list/disable, export-site."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from strikewatch.cli.common import DbOption, console, print_json
from strikewatch.errors import UserError

user_app = typer.Typer(help="Reviewer accounts for the web app.", no_args_is_help=True)


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
    count_cache: Annotated[float, typer.Option(min=0, help="Seconds a list total is reused (0: count every time). "
                                               "Review actions clear it; other writers show within this time.")] = 30.0,
    limit_concurrency: Annotated[
        int | None,
        typer.Option(min=1, show_default=False,
                     help="Answer 503 beyond this many open connections and requests at once (default: no limit; "
                     "slow clients are cut by the 10 s head timeout instead)."),
    ] = None,
    head_timeout: Annotated[float, typer.Option(min=0.1, help="Seconds a client has to send a request's headers "
                                                "(else 408 and the connection is closed).")] = 10.0,
) -> None:
    """Serve the map, timeline, table, strike pages, review and the HTTP API (docs at /docs).

    Safe without a proxy: request line up to 8 KB (else 414), request head up to 32 KB and 100 header fields (431),
    the head within 10 s (408), bodies up to 1 MB (413), keep-alive 5 s, no Server header, no proxy headers
    trusted. See docs/reliability.md ("Deployment")."""
    import uvicorn

    from strikewatch.db import open_db
    from strikewatch.web.app import create_app
    from strikewatch.web.limits import MAX_HEAD_BYTES, protocol_class

    open_db(db, create=False)  # serving never creates a database: say which file is missing instead
    app = create_app(db, count_ttl=count_cache)
    console.print(f"strikewatch: serving on http://{host}:{port}/  (API docs: http://{host}:{port}/docs)",
                  highlight=False)
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False,
                http=protocol_class(head_timeout), h11_max_incomplete_event_size=MAX_HEAD_BYTES, timeout_keep_alive=5,
                limit_concurrency=limit_concurrency)


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        pw = sys.stdin.readline().rstrip("\r\n")
        if not pw:
            raise UserError("no password on standard input")
        return pw
    if not sys.stdin.isatty():
        raise UserError("no terminal to ask for a password: use --password-stdin")
    pw = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return str(pw)


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="User name (no spaces).")],
    role: Annotated[str, typer.Option(help="reviewer or admin.")] = "reviewer",
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
    db: DbOption = None,
) -> None:
    """Create an account (the password is hashed with argon2; it is never stored or shown)."""
    from strikewatch.db import open_db, session_scope
    from strikewatch.web.auth import add_user

    password = _read_password(password_stdin)
    engine = open_db(db)
    with session_scope(engine) as session:
        user = add_user(session, name, password, role)
        console.print(f"added {user.role} {user.name!r} (id {user.id})", highlight=False)


@user_app.command("list")
def user_list(db: DbOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List accounts."""
    from sqlalchemy import select

    from strikewatch.db import open_db, session_scope
    from strikewatch.db.tables import User

    with session_scope(open_db(db, create=False)) as session:
        rows = [
            {"id": u.id, "name": u.name, "role": u.role, "disabled": u.disabled, "created_at": u.created_at}
            for u in session.scalars(select(User).order_by(User.id))
        ]
    if as_json:
        print_json(rows)
        return
    for r in rows:
        console.print(f"{r['id']:>4}  {r['name']:<24} {r['role']:<9} {'disabled' if r['disabled'] else ''}",
                      highlight=False)


@user_app.command("disable")
def user_disable(name: Annotated[str, typer.Argument()], db: DbOption = None) -> None:
    """Disable an account; its sessions end at once."""
    from sqlalchemy import select

    from strikewatch.db import open_db, session_scope
    from strikewatch.db.tables import User
    from strikewatch.web.auth import revoke_all

    with session_scope(open_db(db, create=False)) as session:
        user = session.scalar(select(User).where(User.name == name))
        if user is None:
            raise UserError(f"no user {name!r}")
        user.disabled = True
        revoke_all(session, user.id)
    console.print(f"disabled {name!r}", highlight=False)


@user_app.command("passwd")
def user_passwd(
    name: Annotated[str, typer.Argument(help="User name.")],
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
    db: DbOption = None,
) -> None:
    """Set a new password; every session of the account ends at once (sign in again with the new one)."""
    from strikewatch.db import open_db, session_scope
    from strikewatch.web.auth import set_password

    password = _read_password(password_stdin)
    with session_scope(open_db(db)) as session:
        set_password(session, name, password)
    console.print(f"new password for {name!r}; its sessions have ended", highlight=False)


def export_site(
    directory: Annotated[Path, typer.Argument(help="Folder to write the static site into.")],
    db: DbOption = None,
    force: Annotated[bool, typer.Option("--force", help="Write into a folder that is not empty.")] = False,
) -> None:
    """Write a self-contained static copy (pages, JSON/GeoJSON/CSV data, assets) that any static host can serve."""
    from strikewatch.web.export_site import export_site as run

    summary = run(db, directory, force=force)
    console.print(
        f"wrote {summary['pages']} pages and {summary['strikes']} strike records to {directory} "
        f"({summary['bytes'] / 1e6:.1f} MB); open {(directory / 'index.html').resolve().as_uri()} in a browser, "
        "or serve the folder from any static host",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""
    app.command("serve")(serve)
    app.command("export-site")(export_site)
    app.add_typer(user_app, name="user")
