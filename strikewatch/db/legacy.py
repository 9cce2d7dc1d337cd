"""Databases made before the migrations were squashed: bring them to ``0004_merge_heads`` before Alembic runs.

Until the squash the history was 0001, then five revisions added on top of it in parallel (below), then
``0004_merge_heads`` joining them. The squashed initial revision now carries that id and the whole schema, so a
database at ``0004_merge_heads`` (every database opened since it existed) needs nothing. One stamped with 0001
and some of the five lacks the others: they are applied here, from ``migrations/legacy/``, and the database is
stamped ``0004_merge_heads`` — in the caller's transaction, so a failure leaves it as it was.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import Connection

LEGACY_DIR = Path(__file__).parent / "migrations" / "legacy"
ROOT = "0001"
BRANCHES: tuple[str, ...] = (  # each revised 0001 only; applied in this order when missing
    "0002_merge_blocking_index",
    "0002_store_neardup",
    "0002_web_list_indexes",
    "0003_scale_api_filters",
    "0003_scale_article_lookups",
)
SQUASHED = "0004_merge_heads"


def branch_module(name: str) -> ModuleType:
    """One of the five old revisions, loaded from its file (its ``upgrade()`` / ``downgrade()`` use ``alembic.op``)."""
    spec = importlib.util.spec_from_file_location(f"strikewatch_legacy_{name}", LEGACY_DIR / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_ops(connection: Connection, fn: Any) -> None:
    """Run ``fn`` (an old revision's ``upgrade``/``downgrade``) with ``alembic.op`` bound to ``connection``."""
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    ctx = MigrationContext.configure(connection, opts={"render_as_batch": True})
    with Operations.context(ctx):
        fn()


def upgrade_legacy(connection: Connection, current: set[str]) -> bool:
    """If the database is stamped with pre-squash revisions, apply the missing ones and stamp the squashed id.

    ``current``: the revisions in its ``alembic_version`` table. Returns whether anything was done.
    """
    from sqlalchemy import text

    if not current & {ROOT, *BRANCHES}:
        return False
    unknown = current - {ROOT, *BRANCHES, SQUASHED}
    if unknown:
        raise RuntimeError(f"database stamped with revisions {sorted(current)}: not a strikewatch history")
    for name in BRANCHES:
        if name not in current:
            run_ops(connection, branch_module(name).upgrade)
    connection.execute(text("DELETE FROM alembic_version"))
    connection.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": SQUASHED})
    return True
