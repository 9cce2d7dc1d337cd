"""CLI commands of the analyse stage: dataset import/list/remove, analyse lulls/rate/totals/around, compare, claims."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from strikewatch.cli.common import DbOption, console, err_console
from strikewatch.errors import UserError


class OutFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ImportFormat(StrEnum):
    tbij = "tbij"
    tbij_all = "tbij-all"
    newamerica = "newamerica"
    pbc = "pbc"
    csv = "csv"


class DateOrderOpt(StrEnum):
    mdy = "mdy"
    dmy = "dmy"


class Step(StrEnum):
    day = "day"
    week = "week"
    month = "month"


class By(StrEnum):
    year = "year"
    month = "month"
    agency = "agency"
    admin1 = "admin1"
    country = "country"
    administration = "administration"


FormatOpt = Annotated[OutFormat, typer.Option("--format", "-f", help="table, csv or json on stdout.")]
PlotOpt = Annotated[
    Path | None,
    typer.Option("--plot", help="Also draw the result to FILE.png or FILE.svg (offline).", show_default=False),
]
DatasetOpt = Annotated[
    str | None,
    typer.Option("--dataset", "-d", help="An imported dataset's name; default: strikewatch's own strike records.",
                 show_default=False),
]
CountryOpt = Annotated[
    str | None,
    typer.Option("--country", help="Only strikes in this country (ISO code such as PK, or a name).",
                 show_default=False),
]
SinceOpt = Annotated[str | None, typer.Option("--since", help="First day (YYYY-MM-DD).", show_default=False)]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Last day (YYYY-MM-DD).", show_default=False)]


def _date(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UserError(f"{flag} must be a date as YYYY-MM-DD, got {value!r}") from None


def _write(text: str) -> None:
    sys.stdout.write(text)


def _done_plot(path: Path | None) -> None:
    if path is not None:
        err_console.print(f"plot written to {path}", highlight=False)


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    from strikewatch.analyse.places import country_code

    code = country_code(value)
    if code is None:
        raise UserError(f"--country: unknown country {value!r} (use an ISO code such as PK)")
    return code


def _load(db: str | None, dataset: str | None, country: str | None = None) -> tuple[Any, list[Any], str]:
    from strikewatch.analyse.datasets import credit, load_rows
    from strikewatch.db import open_db

    engine = open_db(db, create=False)
    rows = load_rows(engine, dataset)
    code = _country(country)
    if code:
        rows = [r for r in rows if r.country == code]
    return engine, rows, credit(engine, dataset)


# ------------------------------------------------------------------------------------------------------ dataset


def dataset_import(
    file: Annotated[Path, typer.Argument(help="The tracker file (.xlsx or .csv).", show_default=False)],
    name: Annotated[str, typer.Option("--as", help="Name to store it under (re-importing a name replaces it).",
                                      show_default=False)],
    fmt: Annotated[ImportFormat | None, typer.Option("--format", help="File format; guessed when omitted.",
                                                     show_default=False)] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option("--map", help="For --format csv: FIELD=COLUMN pairs, e.g. 'date=Date,killed_min=Min killed'. "
                     "Fields: ext_id date country admin1 admin2 area location place lat lon n_strikes "
                     "killed[_min|_max] injured.. civilians.. children.. militants..", show_default=False),
    ] = None,
    date_order: Annotated[DateOrderOpt | None, typer.Option("--date-order", help="For --format csv: numeric dates "
                                                            "month-first (mdy) or day-first (dmy); inferred when "
                                                            "omitted.", show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """Import a tracker's strike list (TBIJ, New America, Pakistan Body Count, any CSV) as a named dataset."""
    from strikewatch.analyse.datasets import import_dataset
    from strikewatch.analyse.readers import parse_mapping
    from strikewatch.db import open_db

    mp = parse_mapping(mapping) if mapping else None
    engine = open_db(db)
    info = import_dataset(engine, file, name, fmt.value if fmt else None, mp,
                          date_order.value if date_order else None)  # type: ignore[arg-type]
    console.print(
        f"imported [bold]{info.name}[/bold] ({info.format}): {info.n_rows} rows, {info.n_strikes} strikes, "
        f"{info.first} .. {info.last}",
        highlight=False,
    )
    if info.flags:
        shown = ", ".join(f"{k} ×{n}" for k, n in list(info.flags.items())[:8])
        console.print(f"flagged rows (the source values are kept in each row's raw data): {shown}", highlight=False)


def dataset_list(fmt: FormatOpt = OutFormat.table, db: DbOption = None) -> None:
    """List imported datasets."""
    from strikewatch.analyse.datasets import list_datasets
    from strikewatch.analyse.output import show, table, to_csv, to_json
    from strikewatch.db import open_db

    rows = [d.to_dict() for d in list_datasets(open_db(db, create=False))]
    if fmt is OutFormat.json:
        _write(to_json(rows))
    elif fmt is OutFormat.csv:
        _write(to_csv(rows, ["name", "format", "rows", "strikes", "first", "last", "imported_at", "source_file",
                             "sha256"]))
    elif not rows:
        console.print("no datasets yet: `strikewatch dataset import FILE --as NAME`")
    else:
        for r in rows:
            r["file"] = Path(r["source_file"]).name
        show(console, table(rows, ["name", "format", "rows", "strikes", "first", "last", "file"]))


def dataset_remove(name: Annotated[str, typer.Argument(help="Dataset name.")], db: DbOption = None) -> None:
    """Delete an imported dataset."""
    from strikewatch.analyse.datasets import remove_dataset
    from strikewatch.db import open_db

    remove_dataset(open_db(db, create=False), name)
    console.print(f"removed {name}", highlight=False)


# ------------------------------------------------------------------------------------------------------ analyse


def lulls_cmd(
    dataset: DatasetOpt = None,
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    min_days: Annotated[int, typer.Option("--min-days", help="Only gaps of at least this many days.", min=1)] = 1,
    top: Annotated[int, typer.Option("--top", help="Show only the N longest (0 = all).", min=0)] = 0,
    fmt: FormatOpt = OutFormat.table,
    plot: PlotOpt = None,
    db: DbOption = None,
) -> None:
    """Gaps between strikes, longest first; longest_so_far marks a gap that was a record when it ended."""
    from strikewatch.analyse.output import show, table, to_csv, to_json
    from strikewatch.analyse.timeline import lulls

    _e, rows, credit = _load(db, dataset, country)
    gaps = lulls(rows, _date(since, "--since"), _date(until, "--until"), min_days)
    shown = gaps[:top] if top else gaps
    data = [g.to_dict() for g in shown]
    if fmt is OutFormat.json:
        _write(to_json(data))
    elif fmt is OutFormat.csv:
        _write(to_csv(data, ["start", "end", "days", "longest_so_far"]))
    else:
        show(console, table(data, ["start", "end", "days", "longest_so_far"],
                            title=f"Gaps between strikes ({dataset or 'own'}), longest first"))
    if plot:
        from strikewatch.analyse.plots import plot_lulls
        from strikewatch.analyse.timeline import dated

        shown_rows = dated(rows, _date(since, "--since"), _date(until, "--until"))
        plot_lulls(shown_rows, gaps, plot, f"Gaps between strikes — {dataset or 'own records'}", credit)
        _done_plot(plot)


def rate_cmd(
    dataset: DatasetOpt = None,
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    step: Annotated[Step, typer.Option("--step", help="Sample the rolling counts every day, week or month.")] =
    Step.month,
    fmt: FormatOpt = OutFormat.table,
    plot: PlotOpt = None,
    db: DbOption = None,
) -> None:
    """Strike rate: strikes in the trailing 30 and 90 days, and "one every N days"."""
    from strikewatch.analyse.output import show, table, to_csv, to_json
    from strikewatch.analyse.timeline import rate

    _e, rows, credit = _load(db, dataset, country)
    points, summary = rate(rows, _date(since, "--since"), _date(until, "--until"), step.value)  # type: ignore[arg-type]
    data = [p.to_dict() for p in points]
    if fmt is OutFormat.json:
        _write(to_json({"summary": summary.to_dict(), "points": data}))
    elif fmt is OutFormat.csv:
        _write(to_csv(data, ["date", "strikes_30d", "strikes_90d", "one_every_days_30d", "one_every_days_90d"]))
    else:
        show(console, table(data, title=f"Strike rate ({dataset or 'own'}), every {step.value}"))
        s = summary
        if s.strikes:
            p30, p90 = s.peak_30d, s.peak_90d
            assert p30 is not None and p90 is not None
            console.print(
                f"{s.strikes} strikes {s.first} .. {s.last}: one every {s.one_every_days} days. "
                f"Busiest 30 days to {p30.date}: {p30.strikes_30d} (one every {p30.every_30d} days); "
                f"busiest 90 days to {p90.date}: {p90.strikes_90d} (one every {p90.every_90d} days).",
                highlight=False,
            )
    if plot:
        from strikewatch.analyse.plots import plot_rate

        plot_rate(points, plot, f"Strike rate — {dataset or 'own records'}", credit)
        _done_plot(plot)


def totals_cmd(
    by: Annotated[By, typer.Option("--by", help="Group by year, month, agency, admin1 (province), country or "
                                   "administration (US president).")] = By.year,
    dataset: DatasetOpt = None,
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    fmt: FormatOpt = OutFormat.table,
    plot: PlotOpt = None,
    db: DbOption = None,
) -> None:
    """Strikes and min–max sums of killed, civilians, children, injured per group, with civilian and child shares."""
    from strikewatch.analyse.output import range_text, show, table, to_csv, to_json
    from strikewatch.analyse.totals import totals

    _e, rows, credit = _load(db, dataset, country)
    s, u = _date(since, "--since"), _date(until, "--until")
    if s or u:
        rows = [r for r in rows if r.date and (s is None or r.date >= s) and (u is None or r.date <= u)]
    groups, grand = totals(rows, by.value)
    data = [g.to_dict() for g in groups]
    if fmt is OutFormat.json:
        _write(to_json({"by": by.value, "groups": data, "total": grand.to_dict()}))
    elif fmt is OutFormat.csv:
        _write(to_csv([*data, grand.to_dict()]))
    else:
        view = []
        for d in [*data, grand.to_dict()]:
            view.append({
                by.value: d["key"], "strikes": d["strikes"],
                "killed": range_text(d["killed_min"], d["killed_max"]),
                "civilians": range_text(d["civilians_min"], d["civilians_max"]),
                "children": range_text(d["children_min"], d["children_max"]),
                "injured": range_text(d["injured_min"], d["injured_max"]),
                "civilian share min/max": _share(d["civilian_share_min"], d["civilian_share_max"],
                                                 d["civilian_share_rows"], d["rows"]),
                "child share min/max": _share(d["child_share_min"], d["child_share_max"], d["child_share_rows"],
                                              d["rows"]),
            })
        show(console, table(view, title=f"Totals by {by.value} ({dataset or 'own'})"))
        g = grand.to_dict()
        console.print(
            f"Shares are over the records that give both the part and the killed range: civilians "
            f"{g['civilian_share_rows']} of {g['rows']} records, children {g['child_share_rows']} of {g['rows']}.",
            highlight=False,
        )
        if grand.unknown_max["killed"]:
            console.print(f"{grand.unknown_max['killed']} rows have no maximum killed: max sums leave them out.",
                          highlight=False)
    if plot:
        from strikewatch.analyse.plots import plot_totals

        plot_totals(groups, plot, f"Strikes and killed by {by.value} — {dataset or 'own records'}", credit)
        _done_plot(plot)


def _share(lo: float | None, hi: float | None, over: int, rows: int) -> str:
    """'20% / 35% (3 of 40)': the share and how many of the group's records it is computed over."""
    if lo is None and hi is None:
        return "–"
    a = f"{lo:.0%}" if lo is not None else "?"
    b = f"{hi:.0%}" if hi is not None else "?"
    return (a if a == b else f"{a} / {b}") + f" ({over} of {rows})"


def around_cmd(
    events: Annotated[Path, typer.Argument(help="CSV of date,label[,category] (political events).",
                                           show_default=False)],
    window: Annotated[int, typer.Option("--window", help="Days before and after each event.", min=1)] = 30,
    n_random: Annotated[int, typer.Option("--random", help="Random dates drawn for the test.", min=100)] = 10_000,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the random dates (results are reproducible).")] = 0,
    category: Annotated[list[str] | None, typer.Option("--category", help="Only events of this category (the CSV's "
                                                       "third column); repeatable.", show_default=False)] = None,
    dataset: DatasetOpt = None,
    country: CountryOpt = None,
    fmt: FormatOpt = OutFormat.table,
    plot: PlotOpt = None,
    db: DbOption = None,
) -> None:
    """Strikes and tolls in the windows before and after political events, tested against random dates."""
    from strikewatch.analyse.around import around, read_events
    from strikewatch.analyse.output import range_text, show, table, to_csv, to_json

    evs = read_events(events)
    if category:
        wanted = {c.lower() for c in category}
        evs = [e for e in evs if (e.category or "").lower() in wanted]
        if not evs:
            raise UserError(f"no events of category {', '.join(category)} in {events}")
    _e, rows, credit = _load(db, dataset, country)
    res = around(rows, evs, window, n_random, seed)
    data = [e.to_dict() for e in res.events]
    if fmt is OutFormat.json:
        _write(to_json(res.to_dict()))
    elif fmt is OutFormat.csv:
        _write(to_csv(data))
    else:
        view = [{
            "date": d["date"], "event": d["label"], "category": d["category"],
            "before": d["strikes_before"], "after": d["strikes_after"],
            "killed before": range_text(d["killed_min_before"], d["killed_max_before"]),
            "killed after": range_text(d["killed_min_after"], d["killed_max_after"]),
            "p": d["p_value"],
        } for d in data]
        show(console, table(view, title=f"Strikes {window} days before/after each event ({dataset or 'own'})"))
        if res.p_value is not None:
            console.print(
                f"Mean change after - before: {res.statistic} strikes; random dates: mean {res.null_mean}, "
                f"sd {res.null_sd}; two-sided p = {res.p_value} ({res.n_random} random draws, seed {res.seed}).",
                highlight=False,
            )
        else:
            console.print("No event has both windows inside the dataset's span: no test.", highlight=False)
    if plot:
        from strikewatch.analyse.plots import plot_around

        plot_around(rows, res, plot, f"Strikes around events — {dataset or 'own records'}", credit)
        _done_plot(plot)


# ------------------------------------------------------------------------------------------------------ compare


def compare_cmd(
    names: Annotated[list[str], typer.Argument(help="Two or more dataset names; 'own' = strikewatch's records.",
                                               show_default=False)],
    max_days: Annotated[int, typer.Option("--days", help="Largest date difference for a match.", min=0)] = 1,
    threshold: Annotated[int, typer.Option("--threshold", help="Killed ranges further apart than this many people "
                                           "are a disagreement.", min=0)] = 3,
    country: CountryOpt = None,
    limit: Annotated[int, typer.Option("--limit", help="Rows listed per section in the table (0 = all).",
                                       min=0)] = 20,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="table; json (everything); csv (one line per "
                                           "matched pair or unmatched row, per pair of datasets).")] =
    OutFormat.table,
    plot: PlotOpt = None,
    db: DbOption = None,
) -> None:
    """Match strikes across trackers: what both list, what only one has, where tolls disagree, per-year counts."""
    from strikewatch.analyse.compare import common_countries, compare
    from strikewatch.analyse.datasets import credit, load_rows
    from strikewatch.analyse.output import range_text, show, table, to_csv, to_json
    from strikewatch.db import open_db

    if len(names) < 2:
        raise UserError("compare needs at least two datasets (e.g. `strikewatch compare tbij newamerica`)")
    if len(set(names)) != len(names):
        raise UserError("each dataset may be named once")
    engine = open_db(db, create=False)
    code = _country(country)
    data = {n: [r for r in load_rows(engine, n) if code is None or r.country == code] for n in names}
    coverage = None
    if code is None:  # like with like: only the countries every dataset covers (said below)
        data, coverage = common_countries(data)
    res = compare(data, max_days, threshold)
    note = coverage.note() if coverage else None
    if note:
        err_console.print(note, highlight=False, soft_wrap=True)
    if fmt is OutFormat.json:
        _write(to_json({**res.to_dict(), "coverage": coverage.to_dict() if coverage else {"countries": [code]}}))
    elif fmt is OutFormat.csv:
        rows = [{"a": p.a, "b": p.b, **r} for p in res.pairs for r in p.match_table()]
        _write(to_csv(rows))
    else:
        lim = limit or None
        show(console, table([p.summary() for p in res.pairs], ["a", "b", "a_rows", "b_rows", "matched",
                                                               "matched_same_day", "only_a", "only_b",
                                                               "toll_disagreements"],
                            title=f"Matches within {max_days} day(s); disagreement = killed ranges more than "
                            f"{threshold} apart"))
        show(console, table(res.years, title="Per year: strikes and killed (min, max)"))
        for p in res.pairs:
            for label, only in ((p.a, p.only_a()), (p.b, p.only_b())):
                if only:
                    only_view: list[dict[str, Any]] = [
                        {"id": r.ext_id, "date": r.date, "agency": r.admin2, "place": r.place,
                         "killed": range_text(r.killed_min, r.killed_max)} for r in only[:lim]
                    ]
                    more = f" (first {lim} of {len(only)})" if lim and len(only) > lim else ""
                    other = p.b if label == p.a else p.a
                    show(console, table(only_view, title=f"Only in {label}, not in {other}{more}"))
            dis = p.disagreements()
            if dis:
                view: list[dict[str, Any]] = [{"date": p.a_rows[m.a].date, "agency": p.a_rows[m.a].admin2,
                         f"{p.a} id": p.a_rows[m.a].ext_id,
                         f"{p.a} killed": range_text(p.a_rows[m.a].killed_min, p.a_rows[m.a].killed_max),
                         f"{p.b} id": p.b_rows[m.b].ext_id,
                         f"{p.b} killed": range_text(p.b_rows[m.b].killed_min, p.b_rows[m.b].killed_max),
                         "gap": g} for m, g in dis[:lim]]
                show(console, table(view, title=f"Toll disagreements {p.a} vs {p.b}"))
    if plot:
        from strikewatch.analyse.plots import plot_compare

        plot_compare(res, plot, "; ".join(credit(engine, n) for n in names))
        _done_plot(plot)


# ------------------------------------------------------------------------------------------------------- claims


def claims_cmd(
    check: Annotated[str, typer.Option("--check", help="Dataset to check the claims against ('own' allowed).",
                                       show_default=False)],
    source: Annotated[str | None, typer.Option("--source", help="Only claims attributed to this source "
                                               "(e.g. TBIJ).", show_default=False)] = None,
    tol: Annotated[float, typer.Option("--tolerance", help="Relative tolerance for rounding in claims.", min=0.0,
                                       max=1.0)] = 0.05,
    fmt: FormatOpt = OutFormat.table,
    db: DbOption = None,
) -> None:
    """Check aggregate claims found in articles against a dataset for the same period: agree or disagree."""
    from strikewatch.analyse.claims import check_claims, load_claims
    from strikewatch.analyse.datasets import load_rows
    from strikewatch.analyse.output import range_text, show, table, to_csv, to_json
    from strikewatch.db import open_db

    engine = open_db(db, create=False)
    rows = load_rows(engine, check)
    results = check_claims(load_claims(engine, source), rows, tol)
    data = [r.to_dict() for r in results]
    if fmt is OutFormat.json:
        _write(to_json(data))
    elif fmt is OutFormat.csv:
        _write(to_csv(data))
    elif not data:
        console.print("no claims stored yet (the extractor records them when it reads articles)")
    else:
        view = [{
            "id": d["id"], "claim": d["text"] if len(d["text"]) <= 70 else d["text"][:67] + "...",
            "figure": f"{d['quantity']} {d['unit'] or ''}".strip(), "reading": d["reading"],
            "period": f"{d['start'] or '…'}..{d['end']}" if d["end"] else (
                d["period"] or ("all" if d["verdict"] != "unchecked" else "–")),
            check: range_text(d["dataset_min"], d["dataset_max"]), "verdict": d["verdict"], "note": d["note"],
        } for d in data]
        show(console, table(view, title=f"Claims checked against {check}"))
        n = {v: sum(1 for d in data if d["verdict"] == v) for v in ("agree", "disagree", "unchecked")}
        console.print(f"{n['agree']} agree, {n['disagree']} disagree, {n['unchecked']} unchecked", highlight=False)


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""
    dataset_app = typer.Typer(help="Imported tracker datasets (TBIJ, New America, Pakistan Body Count, any CSV).",
                              no_args_is_help=True)
    dataset_app.command("import")(dataset_import)
    dataset_app.command("list")(dataset_list)
    dataset_app.command("remove")(dataset_remove)
    app.add_typer(dataset_app, name="dataset")

    analyse_app = typer.Typer(help="Timeline analysis of own strike records or an imported dataset.",
                              no_args_is_help=True)
    analyse_app.command("lulls")(lulls_cmd)
    analyse_app.command("rate")(rate_cmd)
    analyse_app.command("totals")(totals_cmd)
    analyse_app.command("around")(around_cmd)
    app.add_typer(analyse_app, name="analyse")

    app.command("compare")(compare_cmd)
    app.command("claims")(claims_cmd)
