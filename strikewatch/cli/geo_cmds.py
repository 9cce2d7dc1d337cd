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
            typer.Option("--text", help="Treat NAME as a passage: resolve the strike site it names and list mentions."),
        ] = False,
    ) -> None:
        """Candidates for a place name from the offline gazetteer, best first (country, province, agency, place,
        coordinates, source). With --text, the strike site a passage names."""
        from strikewatch.cli.common import console, print_json
        from strikewatch.errors import UserError
        from strikewatch.geo import find_places, lookup, resolve

        if not name.strip():
            raise UserError("give a place name, e.g. strikewatch geo Miramshah")
        if text:
            site = resolve(name, 0, len(name))
            mentions = find_places(name)
            if format is GeoFormat.json:
                print_json(
                    {
                        "site": site.to_dict() if site else None,
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
            if site is not None:
                _table([site], console, title="strike site")
            for m in mentions:
                best = m.candidates[0] if m.candidates else None
                where = ", ".join(x for x in (best.place, best.admin2, best.admin1, best.country) if x) if best else ""
                console.print(f"  {m.start}-{m.end} {m.text!r}: {m.role} ({m.match}) -> {where}", highlight=False)
            if site is None:
                console.print("no strike site: the passage names no place the gazetteer knows as a site")
            return
        results = lookup(name)[:limit]
        if not results:
            raise UserError(f"no place called {name!r} in the gazetteer")
        if format is GeoFormat.json:
            print_json([r.to_dict() for r in results])
        else:
            _table(results, console, title=f"gazetteer: {name}")


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
