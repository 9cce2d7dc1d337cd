"""Merge: reports (events) of one strike become one strike record with ranges, sources and a grade.

Contract (other stages call exactly this):
    update_strikes(engine, article_ids=None) -> None   re-merge what these articles touch (None: everything)
"""

from __future__ import annotations

from sqlalchemy import Engine


def update_strikes(engine: Engine, article_ids: list[int] | None = None) -> None:
    """Interim contract placeholder; the merge issue replaces the body."""
    return None
