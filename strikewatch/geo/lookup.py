"""``lookup(name)``: the gazetteer rows a name may mean, best first."""

from __future__ import annotations

from strikewatch.geo.gazetteer import Gazetteer, Place, get_gazetteer
from strikewatch.schema import GeoResult


def lookup(name: str, gaz: Gazetteer | None = None) -> list[GeoResult]:
    """Candidates for a place name, best first: exact spellings (any alias, case/accents/spacing ignored), then
    transliteration variants and near spellings. "Wana, South Waziristan" uses the words after the first comma to
    put the matching agency/province/country first."""
    gaz = gaz or get_gazetteer()
    parts = [p.strip() for p in name.split(",") if p.strip()]
    if not parts:
        return []
    head, context = parts[0], parts[1:]
    found: list[Place] = gaz.exact(head)
    if not found:
        found = [p for p, _ in gaz.fuzzy(head, cutoff=80.0)]
    if context:
        ctx = [c for part in context for c in gaz.exact(part)[:1]]

        def fits(p: Place) -> int:
            return -sum(
                1
                for c in ctx
                if (c.kind == "admin2" and c.name in (p.admin2, p.post2018))
                or (c.kind == "admin1" and c.name == p.admin1)
                or (c.kind == "country" and c.country == p.country)
            )

        found = sorted(found, key=lambda p: (fits(p), *p.rank_key()))
    return [gaz.to_result(p) for p in found]
