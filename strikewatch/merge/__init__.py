"""Merge: reports (events) of one strike become one strike record with ranges, sources and a grade.

Contract (other stages call exactly this):
    update_strikes(engine, article_ids=None) -> None   re-merge what these articles touch (None: everything)

Modules: reports (a report as the matcher sees it), matching (the merge rules), blocking (streaming units),
clustering, record (ranges, date, place), grading, doubletap, constraints + review (human review, audit replay),
driver (incremental runs, stable ids), views (dicts for the CLI and the web app).
"""

from __future__ import annotations

from sqlalchemy import Engine

from strikewatch.db.engine import session_scope


def update_strikes(engine: Engine, article_ids: list[int] | None = None) -> None:
    """Re-merge the strikes these articles' current events touch; ``None`` re-merges everything.

    Runs in one transaction: a crash leaves the previous strike records as they were.
    """
    from strikewatch.merge.driver import run

    if article_ids is not None and not article_ids:
        return
    with session_scope(engine) as session:
        run(session, None if article_ids is None else list(article_ids))
