"""CLI commands of the extract stage: ``extract`` (files or JSONL) and ``evaluate`` (accuracy on real text)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from strikewatch.errors import UserError

if TYPE_CHECKING:
    from strikewatch.evaluate.tables import Report


def _parse_date(value: str | None, what: str = "--published") -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UserError(f"{what}: expected YYYY-MM-DD, got {value!r}") from None


def publication_date(text: str, url: str | None, given: date | None) -> tuple[date | None, str, str]:
    """The date to read ``text`` against: ``--published`` (or the line's field) when given, else the first date the
    text or its URL gives (``strikewatch.ingest.pubdate``, as ingest finds it). Returns (date, basis, how it was
    found in words)."""
    if given is not None:
        return given, "given", "given"
    from strikewatch.ingest.pubdate import BASIS_WORDS, dateline, published_line
    from strikewatch.ingest.read import own_dates

    for d, basis in own_dates(text, url):
        if d is None:
            continue
        found = {"published-line": published_line, "dateline": dateline}.get(basis)
        words = found(text) if found else None
        return d, basis, BASIS_WORDS[basis] + (f" {words.text!r}" if words else "")
    return None, "unknown", "none found"


def _jsonl_line(line: str) -> dict[str, Any]:
    """One output record for one input line; never raises."""
    from strikewatch.extract import extract_article

    try:
        doc = json.loads(line)
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        return {"id": None, "events": [], "claims": [], "error": f"malformed JSON: {str(exc)[:120]}"}
    if not isinstance(doc, dict):
        return {"id": None, "events": [], "claims": [], "error": "a line must be a JSON object"}
    doc_id = doc.get("id")
    out_id = doc_id if isinstance(doc_id, (str, int)) or doc_id is None else str(doc_id)
    text = doc.get("text")
    if text is None:
        text = ""
    if not isinstance(text, str):
        return {"id": out_id, "events": [], "claims": [], "error": "text must be a string"}
    pub_raw = doc.get("published")
    published: date | None = None
    error: str | None = None
    if isinstance(pub_raw, str) and pub_raw:
        try:
            published = date.fromisoformat(pub_raw[:10])
        except ValueError:
            error = f"published: expected YYYY-MM-DD, got {pub_raw!r}"
    url = doc.get("url") if isinstance(doc.get("url"), str) else None
    published, basis, _how = publication_date(text, url, published)
    try:
        ex = extract_article(text, published, doc_id=None if out_id is None else str(out_id))
    except Exception as exc:  # the extractor must not stop a batch; say which line failed and why
        return {"id": out_id, "events": [], "claims": [], "error": f"extraction failed: {type(exc).__name__}: {exc}"}
    rec = ex.to_dict()
    rec["id"] = out_id
    rec["published"] = published.isoformat() if published else None
    rec["published_basis"] = "jsonl" if basis == "given" else basis
    if error:
        rec["error"] = error
    return rec


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""

    @app.command("extract")
    def extract_cmd(
        files: Annotated[list[Path] | None, typer.Argument(help="Plain-text articles to read.")] = None,
        published: Annotated[str | None, typer.Option(
            "--published", help="Publication date YYYY-MM-DD. Without it, the date the text gives (a published "
            "line, the dateline) is used, and the command says which.")] = None,
        jsonl: Annotated[
            Path | None,
            typer.Option("--jsonl", help="Read one {id, text, published, url} document per line; write one line "
                                         "{id, events, claims} per input line, same order ('-' = stdin)."),
        ] = None,
    ) -> None:
        """Extract strikes (events) and statistics (claims) from articles, as JSON."""
        from strikewatch.cli.common import print_json
        from strikewatch.extract import extract_article

        if jsonl is not None:
            if files:
                raise UserError("give either FILE... or --jsonl, not both")
            if str(jsonl) == "-":
                stream = sys.stdin
            else:
                if not jsonl.is_file():
                    raise UserError(f"no such file: {jsonl}")
                stream = jsonl.open(encoding="utf-8", errors="replace", newline="")
            try:
                for raw in stream:
                    line = raw.rstrip("\r\n")
                    rec = _jsonl_line(line)
                    sys.stdout.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
                sys.stdout.flush()
            finally:
                if stream is not sys.stdin:
                    stream.close()
            return
        if not files:
            raise UserError("give FILE... or --jsonl IN.jsonl")
        pub = _parse_date(published)
        out: list[dict[str, Any]] = []
        for f in files:
            if not f.is_file():
                raise UserError(f"no such file: {f}")
            text = f.read_text(encoding="utf-8", errors="replace")
            when, basis, how = publication_date(text, None, pub)
            if basis == "given":
                how = "--published"
            elif when is None:
                how = "none found in the text: relative dates stay open (pass --published YYYY-MM-DD)"
            sys.stderr.write(f"{f}: published {when.isoformat() if when else 'unknown'} ({how})\n")
            rec = extract_article(text, when, doc_id=str(f)).to_dict()
            rec["published"] = when.isoformat() if when else None
            rec["published_basis"] = "cli" if basis == "given" else basis
            out.append(rec)
        print_json(out[0] if len(out) == 1 else out)

    @app.command("evaluate")
    def evaluate_cmd(
        set_name: Annotated[str | None, typer.Option(
            "--set", help="dev (TBIJ summaries), acled (ACLED 2015 notes), news (the labelled real-news set) or "
            "seeds (the seed checks).", show_default=False)] = None,
        split: Annotated[str, typer.Option(
            "--split", help="test, dev or all (test figures: aggregates only).")] = "dev",
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
        data: Annotated[Path | None, typer.Option(
            "--data", help="The set's data instead of the default: a file (acled, dev) or a folder (news: labels/ "
            "and texts/; seeds).", show_default=False)] = None,
        mismatches: Annotated[bool, typer.Option(
            "--mismatches", help="Also list development items read differently (never test items).")] = False,
    ) -> None:
        """Score the extractor (and a keyword baseline) on a real-text set, as aggregate tables."""
        import time

        from strikewatch.cli.common import print_json
        from strikewatch.evaluate.extraction import evaluate
        from strikewatch.extract import EXTRACTOR_VERSION

        if set_name is None:
            raise UserError("give --set dev, acled, news or seeds")
        started = time.perf_counter()
        rep = evaluate(set_name, split, data, misses=mismatches)
        seconds = round(time.perf_counter() - started, 1)
        if as_json:
            print_json({**rep.to_dict(misses=mismatches), "extractor_version": EXTRACTOR_VERSION, "seconds": seconds})
            return
        _print_report(rep, f"extractor {EXTRACTOR_VERSION}, {seconds} s", mismatches)


def _print_report(rep: Report, footer: str, mismatches: bool) -> None:
    from rich.table import Table

    from strikewatch.cli.common import console
    from strikewatch.evaluate.tables import cell_text

    for t in rep.tables:
        out = Table(title=t.title)
        out.add_column(t.key)
        for c in t.columns:
            out.add_column(c, justify="right" if c != "detail" else "left")
        for measure, cells in t.rows:
            out.add_row(measure, *(cell_text(c) for c in cells))
        console.print(out)
    for note in [*rep.notes, footer]:
        console.print(note, highlight=False, markup=False)
    if mismatches and rep.misses:
        m = Table(title="development items read differently")
        for col in ("id", "problem", "expected", "got"):
            m.add_column(col)
        for row in rep.misses:
            m.add_row(str(row.get("id")), str(row.get("problem")), str(row.get("expected")), str(row.get("got")))
        console.print(m)
