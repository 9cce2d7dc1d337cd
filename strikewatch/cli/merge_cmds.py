"""CLI commands of the merge stage: merge, strikes, strike, review (merge/split/set/reject/log)."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from strikewatch.cli.common import DbOption, console, err_console, print_json
from strikewatch.errors import UserError
from strikewatch.model import LABELS, SHOWN_COUNTS
from strikewatch.ranges import Range


class ListFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    geojson = "geojson"


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


class LogFormat(StrEnum):
    table = "table"
    json = "json"


ReasonOpt = Annotated[str | None, typer.Option("--reason", help="Why (required; stored in the audit log).",
                                               show_default=False)]
ByOpt = Annotated[str | None, typer.Option("--by", help="Who decides (required; stored in the audit log).",
                                           show_default=False)]


def _date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(f"{name} must be a date as YYYY-MM-DD, got {value!r}") from None


def _range(r: dict[str, Any], name: str) -> str:
    return Range.of(r, name).display(unknown="?")


def _where(r: dict[str, Any]) -> str:
    return ", ".join(str(x) for x in (r.get("place"), r.get("admin2") or r.get("admin1"), r.get("country")) if x)


def merge(
    full: Annotated[bool, typer.Option("--full", help="Re-merge every report (after re-extraction or rule changes)."
                                       )] = False,
    db: DbOption = None,
) -> None:
    """Merge stored reports into strike records (by default only reports not yet in a record)."""
    import time

    from strikewatch.db import open_db, session_scope
    from strikewatch.merge.driver import pending_articles, run

    engine = open_db(db, create=False)
    t0 = time.perf_counter()
    stats: Any = None
    with session_scope(engine) as s:
        if full:
            stats = run(s, None)
        else:
            ids = pending_articles(s)
            stats = run(s, ids) if ids else None
    secs = time.perf_counter() - t0
    if stats is None:
        err_console.print("nothing to merge: every report is already in a strike record", highlight=False)
        return
    st = stats.to_dict()
    err_console.print(
        f"merged {st['reports']} reports in {st['units']} groups: {st['strikes_created']} new strike records, "
        f"{st['strikes_written'] - st['strikes_created']} updated, {st['strikes_merged']} merged into others, "
        f"{st['strikes_retired']} retired ({secs:.1f} s)",
        highlight=False,
    )


def strikes(
    fmt: Annotated[ListFormat, typer.Option("--format", help="table, csv, json or geojson.")] = ListFormat.table,
    since: Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO country code, e.g. PK.")] = None,
    admin: Annotated[str | None, typer.Option("--admin", help="Province or district, e.g. 'North Waziristan'.")
                     ] = None,
    grade: Annotated[list[str] | None, typer.Option("--grade", help="confirmed, fair, weak, contested, discounted "
                                                    "(repeatable).")] = None,
    min_killed: Annotated[int | None, typer.Option("--min-killed", help="At least this many killed (max).", min=0)
                          ] = None,
    sort: Annotated[str, typer.Option("--sort", help="date, killed, civilians, sources or id; '-' first: "
                                      "descending.")] = "date",
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many records.", min=1)] = None,
    db: DbOption = None,
) -> None:
    """List strike records (active ones), filtered."""
    from strikewatch import export
    from strikewatch.db import open_db, session_scope
    from strikewatch.merge.views import iter_strikes, list_strikes

    flt: dict[str, Any] = dict(since=_date(since, "--since"), until=_date(until, "--until"), country=country,
                               admin=admin, grade=grade or None, min_killed=min_killed)
    engine = open_db(db, create=False)
    with session_scope(engine) as s:
        try:
            if fmt is ListFormat.table:
                rows, total = list_strikes(s, sort=sort, limit=limit or 200, **flt)
            else:
                it = iter_strikes(s, sort=sort, sources=True, **flt)  # each row names its sources
                if limit:
                    import itertools

                    it = itertools.islice(it, limit)
                if fmt is ListFormat.csv:
                    if not sys.stdout.isatty():  # into a file: Excel reads it as UTF-8 (pandas skips the mark)
                        sys.stdout.write(export.BOM)
                    export.write_csv(it, sys.stdout)
                elif fmt is ListFormat.json:
                    export.write_json(it, sys.stdout)
                else:
                    export.write_geojson(it, sys.stdout)
                return
        except ValueError as exc:
            raise UserError(str(exc)) from None
    if not rows:
        from strikewatch.db.engine import database_url

        filtered = any(v for v in flt.values())
        err_console.print(
            f"0 strike records{' match these filters' if filtered else ''} in {database_url(db)}"
            + ("" if filtered else "; add reports with `strikewatch ingest SOURCE...` (or try `strikewatch demo`)"),
            highlight=False, soft_wrap=True, markup=False,
        )
        return
    from rich.table import Table

    from strikewatch.display import fmt_when

    t = Table(show_lines=False, header_style="bold")
    for col in ("id", "date", "place", "killed", "civilians", "children", "injured", "type", "by", "grade", "src"):
        t.add_column(col, justify="right" if col in ("id", "killed", "civilians", "children", "injured", "src")
                     else "left", overflow="fold")
    for r in rows:
        t.add_row(str(r["id"]), r["date"] or fmt_when(r),
                  _where(r), _range(r, "killed"), _range(r, "civilians"), _range(r, "children"),
                  _range(r, "injured"), (r["type"] or "?").replace("_", " ") + (" ×2" if r["double_tap"] else ""),
                  r["perpetrator"] or "?", r["grade"] or "?", str(r["n_sources"]))
    console.print(t)
    more = f" (showing {len(rows)}; --limit or --format csv for all)" if total > len(rows) else ""
    err_console.print(f"{total} strike records{more}", highlight=False)


def strike(
    strike_id: Annotated[int, typer.Argument(help="Strike record id.", show_default=False)],
    why: Annotated[bool, typer.Option("--why", help="Explain the merge: which features matched.")] = False,
    fmt: Annotated[ShowFormat, typer.Option("--format", help="text or json.")] = ShowFormat.text,
    db: DbOption = None,
) -> None:
    """One strike record: ranges, grade and why, every source with its figures and quoted evidence."""
    from strikewatch.db import open_db, session_scope
    from strikewatch.merge.views import strike_to_dict

    engine = open_db(db, create=False)
    with session_scope(engine) as s:
        rec = strike_to_dict(s, strike_id, why=why)
    if rec is None:
        raise UserError(f"no strike record {strike_id}")
    if fmt is ShowFormat.json:
        if not why:
            for src in rec["sources"]:
                src.pop("event", None)
        print_json(rec)
        return
    _print_strike(rec, why)


def _print_strike(r: dict[str, Any], why: bool) -> None:
    out = console
    status = "" if r["status"] == "active" else f"  [{r['status']}" + (
        f" into {r['merged_into']}]" if r["merged_into"] else "]")
    when = r["date"] or "?"
    if r["date_earliest"] and r["date_latest"] and r["date_earliest"] != r["date_latest"]:
        when += f" (between {r['date_earliest']} and {r['date_latest']}, {r['date_precision']})"
    out.print(f"Strike {r['id']}{status}", style="bold", highlight=False)
    lines = [
        ("date", when),
        ("place", f"{_where(r)}" + (f"  ({r['lat']:.4f}, {r['lon']:.4f})" if r["lat"] is not None and
                                       r["lon"] is not None else "")),
        ("type", f"{(r['type'] or '?').replace('_', ' ')} by {r['perpetrator'] or 'unknown'}"),
        *((LABELS[n], _range(r, n)) for n in SHOWN_COUNTS),
        ("target", (r["target"] or "?") + (f"; groups: {', '.join(r['target_groups'])}" if r["target_groups"]
                                          else "")),
        ("named dead", ", ".join(r["named_dead"]) or "-"),
        ("double tap", ("yes" if r["double_tap"] else "no") + (
            f" (follows strike {r['double_tap_of']})" if r.get("double_tap_of") else "")
            + (f" (followed by strike {r['double_tap_followed_by']})" if r.get("double_tap_followed_by") else "")),
        ("grade", f"{r['grade']}: {r['grade_reason']}"),
        ("sources", f"{r['n_sources']} independent, {r['n_reports']} reports"),
    ]
    for k, v in lines:
        out.print(f"  {k:<11} {v}", highlight=False, markup=False, soft_wrap=True)
    for i, src in enumerate(r["sources"], 1):
        head = f"\n[{i}] article {src['article_id']}"
        if src.get("outlet"):
            head += f", {src['outlet']}"
        if src.get("published"):
            head += f", {src['published']}"
        if src.get("wire_copy_of"):
            head += f" (wire copy of article {src['wire_copy_of']})"
        if src.get("role") != "main" or src.get("section") != "body":
            head += f" ({src.get('role')}, {src.get('section')})"
        out.print(head, style="bold", highlight=False, markup=False)
        if src.get("url"):
            out.print(f"    {src['url']}", highlight=False, markup=False)
        figs = ", ".join(f"{LABELS[n]} {_range(src, n)}" for n in SHOWN_COUNTS
                         if src.get(f"{n}_min") is not None or src.get(f"{n}_max") is not None)
        where = src.get("place") or src.get("admin2") or "?"
        out.print(f"    report {src.get('key')}: {src.get('date') or '?'}, {where}; {figs or 'no figures'}",
                  highlight=False, markup=False, soft_wrap=True)
        seen: set[str] = set()
        for q in src["evidence"]:
            if q["sentence"] in seen:
                continue
            seen.add(q["sentence"])
            fields = sorted({e["field"] for e in src["evidence"] if e["sentence"] == q["sentence"]})
            out.print(f"    “{q['sentence']}”  [{', '.join(fields)}]", highlight=False, markup=False,
                      soft_wrap=True)
        for c in src.get("cues", []):
            out.print(f"    cue {c['cue']}: {c['words']}", highlight=False, markup=False, soft_wrap=True)
        if why and src.get("why"):
            w = src["why"]
            if w.get("best_match"):
                feats = ", ".join(f"{n} {v:+g}" for n, v in w.get("features", []))
                out.print(f"    matched {w['best_match']} (score {w.get('score')}): {feats}", highlight=False,
                          markup=False, soft_wrap=True)
            elif w.get("forced"):
                out.print(f"    {w['forced']}", highlight=False, markup=False)
    if why and r.get("why"):
        w = r["why"]
        out.print("\nWhy", style="bold")
        how = w.get("how", {})
        if how:
            out.print(f"  date: {how.get('date')}", highlight=False, markup=False, soft_wrap=True)
            out.print(f"  place: {how.get('place')}", highlight=False, markup=False, soft_wrap=True)
            for k, v in (how.get("counts") or {}).items():
                out.print(f"  {k}: {v}", highlight=False, markup=False)
        for st in w.get("steps", []):
            out.print(f"  joined {', '.join(st['joined'])} to {', '.join(st['to'])} (average score "
                      f"{st['average_score']})", highlight=False, markup=False, soft_wrap=True)
        for k in w.get("kept_apart", []):
            out.print(f"  kept apart: {k['report']} / {k['other']}: {k['reason']}", highlight=False, markup=False,
                      soft_wrap=True)
        for o in w.get("overrides", []):
            out.print(f"  set {o['field']}={o['value']} by {o['by']}: {o['reason']}", highlight=False, markup=False,
                      soft_wrap=True)
        if w.get("review"):
            out.print(f"  shaped by review actions: {', '.join(w['review'])}", highlight=False, markup=False)
    if r.get("review"):
        out.print("\nReview log", style="bold")
        for a in r["review"]:
            out.print(f"  #{a['id']} {a['at'][:19]} {a['by']}: {a['action']} {a['args'].get('field', '')}"
                      f"{'=' + str(a['args'].get('value')) if a['action'] == 'set' else ''} — {a['reason']}",
                      highlight=False, markup=False, soft_wrap=True)


review_app = typer.Typer(help="Human review of strike records: every decision is audited and survives re-merging "
                              "and re-extraction.", no_args_is_help=True)


def _review(fn: Any, *args: Any, db: str | None, **kw: Any) -> Any:
    from strikewatch.db import open_db, session_scope

    if "by" in kw and not (kw["by"] or "").strip():
        raise UserError("--by is required: who made this decision")
    if "reason" in kw and not (kw["reason"] or "").strip():
        raise UserError("--reason is required: why this decision was made")
    engine = open_db(db, create=False)
    with session_scope(engine) as s:
        return fn(s, *args, **kw)


@review_app.command("merge")
def review_merge(
    a: Annotated[int, typer.Argument(help="Strike that keeps its id.", show_default=False)],
    b: Annotated[int, typer.Argument(help="Strike merged into A.", show_default=False)],
    reason: ReasonOpt = None, by: ByOpt = None, db: DbOption = None,
) -> None:
    """Merge strike B into strike A (they are one strike)."""
    from strikewatch.merge.review import merge as do

    aid = _review(do, a, b, by=by, reason=reason, db=db)
    err_console.print(f"action #{aid}: strike {b} merged into {a}", highlight=False)


@review_app.command("split")
def review_split(
    a: Annotated[int, typer.Argument(help="Strike to split.", show_default=False)],
    reports: Annotated[list[str], typer.Option("--reports", help="Reports to move to a new record: report keys, "
                                               "ARTICLE@DATE[@PLACE] or ARTICLE ids; repeat or separate by commas.",
                                               show_default=False)],
    reason: ReasonOpt = None, by: ByOpt = None, db: DbOption = None,
) -> None:
    """Move some reports of strike A to a new strike record."""
    from strikewatch.merge.review import split as do

    specs = [x for r in reports for x in r.split(",") if x.strip()]
    aid, new_id = _review(do, a, specs, by=by, reason=reason, db=db)
    err_console.print(f"action #{aid}: {len(specs)} report selector(s) of strike {a} moved to new strike {new_id}",
                      highlight=False)
    sys.stdout.write(f"{new_id}\n")


@review_app.command("set")
def review_set(
    a: Annotated[int, typer.Argument(help="Strike to correct.", show_default=False)],
    assignments: Annotated[list[str], typer.Argument(help="FIELD=VALUE ... (e.g. killed_max=12 place='Datta Khel' "
                                                     "grade=discounted; lists separated by ';').",
                                                     show_default=False)],
    reason: ReasonOpt = None, by: ByOpt = None, db: DbOption = None,
) -> None:
    """Override fields of strike A; the overrides are re-applied after every re-merge."""
    from strikewatch.merge.review import parse_assignments, set_fields

    ids = _review(set_fields, a, parse_assignments(assignments), by=by, reason=reason, db=db)
    err_console.print(f"action(s) #{', #'.join(map(str, ids))}: strike {a} updated", highlight=False)


@review_app.command("reject")
def review_reject(
    a: Annotated[int, typer.Argument(help="Strike that is not a strike.", show_default=False)],
    reason: ReasonOpt = None, by: ByOpt = None, db: DbOption = None,
) -> None:
    """Reject strike A (not a strike); its reports no longer merge with others."""
    from strikewatch.merge.review import reject as do

    aid = _review(do, a, by=by, reason=reason, db=db)
    err_console.print(f"action #{aid}: strike {a} rejected", highlight=False)


@review_app.command("log")
def review_log_cmd(
    strike_id: Annotated[int | None, typer.Option("--strike", help="Only actions about this strike.")] = None,
    fmt: Annotated[LogFormat, typer.Option("--format", help="table or json.")] = LogFormat.table,
    db: DbOption = None,
) -> None:
    """The append-only audit log of review decisions."""
    from strikewatch.merge.review import review_log

    rows = _review(review_log, strike_id, db=db)
    if fmt is LogFormat.json:
        print_json(rows)
        return
    from rich.table import Table

    t = Table(header_style="bold")
    for col in ("id", "at", "by", "action", "details", "reason"):
        t.add_column(col, overflow="fold")
    for a in rows:
        args = a["args"]
        if a["action"] == "merge":
            det = f"{args.get('other')} into {args.get('strike')}"
        elif a["action"] == "split":
            det = f"{args.get('strike')} -> {args.get('new_id')}: {', '.join(args.get('reports', []))}"
        elif a["action"] == "set":
            det = f"{args.get('strike')}: {args.get('field')}={args.get('value')}"
        else:
            det = str(args.get("strike"))
        t.add_row(str(a["id"]), (a["at"] or "")[:19], a["by"], a["action"], det, a["reason"])
    console.print(t)


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""
    app.command("merge")(merge)
    app.command("strikes")(strikes)
    app.command("strike")(strike)
    app.add_typer(review_app, name="review")
