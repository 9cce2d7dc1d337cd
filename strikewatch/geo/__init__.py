"""Offline gazetteer and place resolution.

Contract (other stages call exactly these):
    lookup(name) -> list[GeoResult]                    candidates for a place name, best first
    resolve(text, start, end) -> GeoResult | None      the strike site named in text[start:end]
"""

from __future__ import annotations

from strikewatch.schema import GeoResult


def lookup(name: str) -> list[GeoResult]:
    """Interim contract placeholder; the gazetteer issue replaces the body."""
    return []


def resolve(text: str, start: int, end: int) -> GeoResult | None:
    """Interim contract placeholder; the gazetteer issue replaces the body."""
    return None
