"""CLI commands of the geo stage: ``strikewatch geo NAME`` looks a place up in the offline gazetteer."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from strikewatch.schema import GeoResult


class GeoFormat(StrEnum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""

    @app.command("geo")
    def geo(
        name: Annotated[str, typer.Argument(help="Place name, any spelling: 'Miramshah', 'Datta Khel, NWA', 'FATA'.")],
        format: Annotated[GeoFormat, typer.Option("--format", "-f", help="Output format.")] = GeoFormat.table,
        limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many candidates.")] = 10,
        text: Annotated[
            bool,
            typer.Option(
                "--text",
                help="Treat NAME as a passage: choose the strike's site and explain (which mention, why it is the "
                "site, which places were set aside and why).",
            ),
        ] = False,
    ) -> None:
        """Candidates for a place name from the offline gazetteer, best first (country, province, agency, place,
        coordinates, source). With --text, the strike site a passage names."""
        from strikewatch.cli.common import console, print_json
        from strikewatch.errors import UserError
        from strikewatch.geo import lookup

        if not name.strip():
            raise UserError("give a place name, e.g. strikewatch geo Miramshah")
        if text:
            _explain(name, format, limit, console)
            return
        results = lookup(name)[:limit]
        if not results:
            raise UserError(f"no place called {name!r} in the gazetteer")
        if format is GeoFormat.json:
            print_json([r.to_dict() for r in results])
        else:
            _table(results, console, title=f"gazetteer: {name}")


def _explain(passage: str, format: GeoFormat, limit: int, console: Console) -> None:
    from strikewatch.cli.common import print_json
    from strikewatch.geo import find_places
    from strikewatch.geo.site import choose_site

    choice = choose_site(passage, [(0, len(passage))])
    mentions = find_places(passage)
    if format is GeoFormat.json:
        print_json(
            {
                "site": choice.geo().to_dict() if choice else None,
                "why": choice.why if choice else "no place the strike is in, near or at an offset from",
                "mention": {"text": choice.mention, "start": choice.start, "end": choice.end} if choice else None,
                "rejected": [
                    {"text": r.text, "start": r.start, "end": r.end, "reason": r.reason}
                    for r in (choice.rejected if choice else ())
                ],
                "mentions": [
                    {
                        "text": m.text,
                        "start": m.start,
                        "end": m.end,
                        "role": m.role,
                        "match": m.match,
                        "candidates": [c.to_dict() for c in m.candidates[:limit]],
                    }
                    for m in mentions
                ],
            }
        )
        return
    if choice is None:
        console.print("no strike site: the passage names no place the strike is in, near or at an offset from")
        for m in mentions:
            console.print(f"  {m.start}-{m.end} {m.text!r}: {m.role}", highlight=False)
        return
    _table([choice.geo()], console, title="strike site")
    console.print(f"site: {choice.mention!r} at {choice.start}-{choice.end}", highlight=False)
    console.print(f"why: {choice.why}", highlight=False)
    for r in choice.rejected:
        console.print(f"not the site: {r.text!r} at {r.start}-{r.end}: {r.reason}", highlight=False)


def _table(results: list[GeoResult], console: Console, title: str) -> None:
    from rich.table import Table

    t = Table(title=title)
    cols = ["country", "admin1", "admin2", "place", "lat", "lon", "precision", "source"]
    with_conflict = any(r.conflict for r in results)
    for col in cols + (["conflict"] if with_conflict else []):
        t.add_column(col, overflow="fold")
    for r in results:
        row = [
            r.country or "",
            r.admin1 or "",
            r.admin2 or "",
            r.place or "",
            "" if r.lat is None else f"{r.lat:.4f}",
            "" if r.lon is None else f"{r.lon:.4f}",
            r.geo_precision or "",
            r.source or "",
        ]
        t.add_row(*row, *([r.conflict or ""] if with_conflict else []))
    if not console.is_terminal:  # piped: do not fold names to an 80-column guess
        from rich.console import Console as _Console

        console = _Console(width=max(console.width, 200))
    console.print(t)
