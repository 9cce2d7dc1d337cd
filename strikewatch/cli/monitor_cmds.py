"""CLI commands of the monitor: sources add/list/remove/resume/import/export, watch, changes, hooks."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from strikewatch.cli.common import DbOption, console, err_console, print_json
from strikewatch.errors import UserError

sources_app = typer.Typer(help="The sources `strikewatch watch` follows (feeds, sitemaps, pages, folders).",
                          no_args_is_help=True)
hooks_app = typer.Typer(help="Webhooks: new and changed strike records POSTed as signed JSON.",
                        no_args_is_help=True)


class Format(StrEnum):
    table = "table"
    json = "json"


def _say(message: str) -> None:
    err_console.print(message, highlight=False, soft_wrap=True, markup=False)


# --- sources -------------------------------------------------------------------------------------------------


@sources_app.command("add")
def sources_add(
    url: Annotated[str, typer.Argument(help="RSS/Atom feed, sitemap or page url (http/https), or a local folder.",
                                       show_default=False)],
    name: Annotated[str | None, typer.Option("--name", help="A name to show instead of the url.")] = None,
    every: Annotated[str, typer.Option("--every", help="Polling interval: 30s, 15m, 1h, 1d.")] = "15m",
    tag: Annotated[list[str] | None, typer.Option("--tag", help="A tag (repeat for more), e.g. pk.")] = None,
    kind: Annotated[str, typer.Option("--kind", help="auto, feed, sitemap, page or folder (auto: the first poll "
                                      "decides from what the url returns).")] = "auto",
    db: DbOption = None,
) -> None:
    """Follow a source: `strikewatch watch` polls it every --every."""
    from strikewatch.db import open_db, session_scope
    from strikewatch.monitor.sources import SourceSpec, add_source, format_every, parse_every

    spec = SourceSpec(url=url, name=name, every_s=parse_every(every), kind=kind, tags=tuple(tag or ()))
    with session_scope(open_db(db)) as session:
        row, _ = add_source(session, spec)
        _say(f"source {row.id}: {row.url} ({row.kind}, every {format_every(row.every_s)}"
             + (f", tags {', '.join(row.tags)}" if row.tags else "") + ")")


@sources_app.command("list")
def sources_list(
    fmt: Annotated[Format, typer.Option("--format", help="table or json.")] = Format.table,
    tag: Annotated[str | None, typer.Option("--tag", help="Only sources with this tag.")] = None,
    db: DbOption = None,
) -> None:
    """Every source with its health: last poll, last new item, error, next poll."""
    from rich.table import Table

    from strikewatch.db import open_db, session_scope
    from strikewatch.monitor.sources import list_sources

    with session_scope(open_db(db, create=False)) as session:
        rows = list_sources(session, tag=tag)
    if fmt is Format.json:
        print_json(rows)
        return
    if not rows:
        _say("no sources yet: `strikewatch sources add URL --every 15m`")
        return
    table = Table(show_lines=False)
    for col in ("id", "source", "kind", "every", "health", "last poll", "last new", "next poll", "articles",
                "error"):
        table.add_column(col, overflow="fold")

    def t(v: str | None) -> str:
        return (v or "-")[:19].replace("T", " ")

    for r in rows:
        err = f"paused: {r['paused_reason']}" if r["paused_reason"] and r["health"] == "paused" else (r["error"] or "")
        table.add_row(str(r["id"]), r["name"] or r["url"], r["kind"], r["every"], r["health"], t(r["last_poll_at"]),
                      t(r["last_new_at"]), t(r["next_poll_at"]), str(r["articles"]), err)
    console.print(table)


@sources_app.command("remove")
def sources_remove(ref: Annotated[str, typer.Argument(help="Source id or url.", show_default=False)],
                   db: DbOption = None) -> None:
    """Stop following a source (the articles it brought stay)."""
    from strikewatch.db import open_db, session_scope
    from strikewatch.monitor.sources import remove_source

    with session_scope(open_db(db, create=False)) as session:
        row = remove_source(session, ref)
        _say(f"removed source {row.id}: {row.url}")


@sources_app.command("resume")
def sources_resume(ref: Annotated[str, typer.Argument(help="Source id or url.", show_default=False)],
                   db: DbOption = None) -> None:
    """Close a paused source's circuit: it is polled at the next round."""
    from strikewatch.db import open_db, session_scope
    from strikewatch.monitor.sources import resume_source

    with session_scope(open_db(db, create=False)) as session:
        row = resume_source(session, ref)
        _say(f"source {row.id} resumed: polled at the next round")


@sources_app.command("import")
def sources_import(
    file: Annotated[Path, typer.Argument(help="OPML file (feed readers export one).", show_default=False)],
    every: Annotated[str | None, typer.Option("--every", help="Interval for every feed (default: the file's "
                                              "own `every`, else 15m).")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", help="Add this tag to every imported source.")] = None,
    db: DbOption = None,
) -> None:
    """Follow every feed of an OPML file (urls followed already are left as they are)."""
    from strikewatch.db import open_db, session_scope
    from strikewatch.monitor.sources import import_opml, parse_every

    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {file}: {exc.strerror or exc}") from None
    with session_scope(open_db(db)) as session:
        added, skipped = import_opml(session, data, every_s=parse_every(every) if every else None,
                                     tags=tag or ())
        _say(f"imported {len(added)} sources from {file}, skipped {len(skipped)}")
        for url, why in skipped:
            _say(f"  skipped {url}: {why}")


@sources_app.command("export")
def sources_export(
    file: Annotated[Path | None, typer.Argument(help="Write here (default: standard output).",
                                                show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """Every source as OPML 2.0 (with interval, kind and tags; `sources import` reads it back)."""
    from strikewatch.db import open_db, session_scope
    from strikewatch.monitor.sources import export_opml

    with session_scope(open_db(db, create=False)) as session:
        text = export_opml(session)
    if file is None:
        sys.stdout.write(text)
    else:
        file.write_text(text, encoding="utf-8")
        _say(f"wrote {file}")


# --- the watcher -----------------------------------------------------------------------------------------------


def watch(
    once: Annotated[bool, typer.Option("--once", help="Poll each due source once, update strikes and webhooks, "
                                       "exit (for cron).")] = False,
    workers: Annotated[int | None, typer.Option("--workers", min=1, show_default=False,
                                                help="Extract in N worker processes.")] = None,
    polls: Annotated[int, typer.Option("--polls", min=1, max=256, help="Sources polled at once (one request "
                                       "per host at a time whatever this says).")] = 8,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds of network time per url.")] = 30.0,
    max_size: Annotated[float, typer.Option("--max-size", min=0.001, help="Largest page or feed, in MB.")] = 20.0,
    retries: Annotated[int, typer.Option("--retries", min=0, max=10, help="Retries of a timeout or 5xx within a "
                                         "poll (exponential backoff with jitter).")] = 2,
    open_after: Annotated[int, typer.Option("--pause-after", min=1, help="Failed polls in a row after which a "
                                            "source is paused (its circuit opens).")] = 5,
    allow_host: Annotated[list[str] | None, typer.Option("--allow-host", help="Where links found in sources may "
                                                         "also go: HOST, HOST:PORT, IP or CIDR (repeatable).")
                          ] = None,
    no_robots: Annotated[bool, typer.Option("--ignore-robots", help="Do not read robots.txt (only for sites "
                                            "you run or have permission to crawl).")] = False,
    no_extract: Annotated[bool, typer.Option("--no-extract", help="Only archive; `strikewatch reextract` "
                                             "later.")] = False,
    no_hooks: Annotated[bool, typer.Option("--no-hooks", help="Do not deliver webhooks.")] = False,
    base_url: Annotated[str | None, typer.Option("--base-url", help="Public address of `strikewatch serve`, for "
                                                 "links in webhook bodies.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="Log only polls that found something or failed.")
                     ] = False,
    no_live: Annotated[bool, typer.Option("--no-live", help="No live table, log lines only (automatic when "
                                          "stderr is not a terminal).")] = False,
    max_polls: Annotated[int | None, typer.Option("--max-polls", min=1, hidden=True)] = None,
    db: DbOption = None,
) -> None:
    """Follow the sources: poll each when due, store new items (extracted, merged into strike records, logged
    as changes), tell the webhooks. One line per poll; SIGTERM finishes the current items and exits."""
    from strikewatch.db import open_db
    from strikewatch.monitor.live import LiveView
    from strikewatch.monitor.net import NetOptions
    from strikewatch.monitor.watch import Watcher, WatchOptions

    engine = open_db(db, create=False)
    net = NetOptions(timeout=timeout, max_bytes=int(max_size * 1024 * 1024), allow=tuple(allow_host or ()),
                     retries=retries, robots=not no_robots)
    opts = WatchOptions(once=once, workers=workers, polls=polls, net=net, open_after=open_after,
                        extract=not no_extract, hooks=not no_hooks, base_url=base_url, max_polls=max_polls)
    with LiveView(enabled=not no_live, quiet=quiet) as view:
        watcher = Watcher(engine, opts, on_poll=view.poll, on_event=view.event)
        view.summary = watcher.summary
        view.event(f"watching with {polls} polls at once" + (f", {workers} extraction workers" if workers else "")
                   + (" (once)" if once else "; SIGTERM or Ctrl-C stops after the current items"))
        summary = watcher.run()
        view.event(f"stopped: {summary.polls} polls, {summary.new} new articles, {summary.errors} failed polls, "
                   f"{summary.hook_changes} changes sent to webhooks")
    if summary.merge_errors:
        raise SystemExit(1)


# --- the change log --------------------------------------------------------------------------------------------


def changes(
    since: Annotated[int, typer.Option("--since", min=0, help="Changes after this id.")] = 0,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100_000)] = 100,
    country: Annotated[str | None, typer.Option("--country", help="ISO alpha-2 country.")] = None,
    admin2: Annotated[str | None, typer.Option("--admin2", help="District (admin2).")] = None,
    min_killed: Annotated[int | None, typer.Option("--min-killed", min=0)] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table or json.")] = Format.table,
    db: DbOption = None,
) -> None:
    """The change log: every new strike record and every change to one, oldest first (see /api/changes)."""
    from strikewatch.db import open_db, session_scope
    from strikewatch.merge.changes import list_changes

    with session_scope(open_db(db, create=False)) as session:
        rows = list_changes(session, since=since, limit=limit, country=country, admin2=admin2,
                            min_killed=min_killed)
    if fmt is Format.json:
        print_json(rows)
        return
    for c in rows:
        sys.stdout.write(f"{c['id']:>6}  {c['at'].isoformat(timespec='seconds')}  {c['summary']}\n")


# --- webhooks --------------------------------------------------------------------------------------------------


@hooks_app.command("add")
def hooks_add(
    url: Annotated[str, typer.Argument(help="The receiver's url (http/https); bodies go only there.",
                                       show_default=False)],
    secret: Annotated[str, typer.Option("--secret", help="Shared secret: each body is signed with "
                                        "HMAC-SHA256 in X-Strikewatch-Signature.", show_default=False)],
    country: Annotated[str | None, typer.Option("--country", help="Only records of this country.")] = None,
    admin2: Annotated[str | None, typer.Option("--admin2", help="Only records of this district.")] = None,
    min_killed: Annotated[int | None, typer.Option("--min-killed", min=0, help="Only records with at least "
                                                   "this highest toll.")] = None,
    from_start: Annotated[bool, typer.Option("--from-start", help="Send the whole change log, not only what "
                                             "changes from now on.")] = False,
    db: DbOption = None,
) -> None:
    """POST new and changed strike records to URL (retried with backoff; see `hooks log`)."""
    from strikewatch.db import open_db, session_scope
    from strikewatch.monitor.hooks import add_hook

    with session_scope(open_db(db)) as session:
        row = add_hook(session, url, secret, country=country, admin2=admin2, min_killed=min_killed,
                       from_start=from_start)
        _say(f"webhook {row.id}: {row.url} (changes after {row.cursor})")


@hooks_app.command("list")
def hooks_list(fmt: Annotated[Format, typer.Option("--format")] = Format.table, db: DbOption = None) -> None:
    """Webhooks with their cursor and last error."""
    from strikewatch.db import open_db, session_scope
    from strikewatch.monitor.hooks import list_hooks

    with session_scope(open_db(db, create=False)) as session:
        rows = list_hooks(session)
    if fmt is Format.json:
        print_json(rows)
        return
    for h in rows:
        state = f"failing ({h['failures']}x, next try {h['next_attempt_at']}): {h['last_error']}" if h["failures"] \
            else "ok"
        sys.stdout.write(f"{h['id']:>4}  {h['url']}  after change {h['cursor']}  {state}\n")


@hooks_app.command("remove")
def hooks_remove(ref: Annotated[str, typer.Argument(help="Webhook id or url.", show_default=False)],
                 db: DbOption = None) -> None:
    """Stop sending to a webhook (its delivery log goes with it)."""
    from strikewatch.db import open_db, session_scope
    from strikewatch.monitor.hooks import find_hook

    with session_scope(open_db(db, create=False)) as session:
        row = find_hook(session, ref)
        session.delete(row)
        _say(f"removed webhook {row.id}: {row.url}")


@hooks_app.command("deliver")
def hooks_deliver(db: DbOption = None) -> None:
    """Send every webhook the changes it has not had yet, once (`watch` does this after each round)."""
    from strikewatch.db import open_db
    from strikewatch.monitor.hooks import deliver

    report = deliver(open_db(db, create=False))
    _say(f"delivered {report.sent} changes in {report.requests} requests"
         + (f"; {report.waiting} webhooks waiting to retry" if report.waiting else ""))
    for f in report.failed:
        _say(f"  {f}")
    if report.failed:
        raise SystemExit(1)


@hooks_app.command("log")
def hooks_log(ref: Annotated[str | None, typer.Argument(help="Webhook id or url (default: all).")] = None,
              limit: Annotated[int, typer.Option("--limit", min=1)] = 50,
              fmt: Annotated[Format, typer.Option("--format")] = Format.table, db: DbOption = None) -> None:
    """The delivery log, newest first: each POST, the change ids it carried, the answer."""
    from strikewatch.db import open_db, session_scope
    from strikewatch.monitor.hooks import delivery_log, find_hook

    with session_scope(open_db(db, create=False)) as session:
        hook_id = find_hook(session, ref).id if ref else None
        rows = delivery_log(session, hook_id, limit)
    if fmt is Format.json:
        print_json(rows)
        return
    for d in rows:
        outcome = f"ok {d['status']}" if d["ok"] else f"failed: {d['error']}"
        sys.stdout.write(f"{d['at']}  hook {d['hook']}  changes {d['changes'][0]}-{d['changes'][1]} ({d['n']})  "
                         f"attempt {d['attempt']}  {outcome}  {d['ms']} ms\n")


def register(app: typer.Typer) -> None:
    app.add_typer(sources_app, name="sources")
    app.add_typer(hooks_app, name="hooks")
    app.command("changes")(changes)
    app.command("watch")(watch)
