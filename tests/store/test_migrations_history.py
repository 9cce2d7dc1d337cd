"""The migration history: one head, and the schema it builds is the one the code declares.

A database made by ``open_db`` runs the Alembic revisions; the code reads and writes through the SQLAlchemy
models in ``strikewatch.db.tables``. If a model gains a column or an index that no revision creates (or the other
way round), a fresh database and the code disagree only at run time, on whichever backend the author did not
try. These tests compare the two on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.command import upgrade
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from strikewatch.db import engine as db_engine
from strikewatch.db import open_db
from strikewatch.db.tables import Base


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(db_engine._alembic_config(create_engine("sqlite://")))


def test_one_head() -> None:
    heads = _script().get_heads()
    assert len(heads) == 1, f"the migration history has {len(heads)} heads {heads}: add a merge revision"


# SQLite cannot reflect expression indexes (lower(admin2), …): those are compared on PostgreSQL only.
@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_fresh_database_matches_the_models(db_url: str) -> None:
    """Tables, columns, indexes and constraints that exist on one side only (types and server defaults are not
    compared: SQLite reflects them loosely)."""
    engine = open_db(db_url)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": False, "compare_server_default": False})
        diffs = list(compare_metadata(ctx, Base.metadata))
    assert diffs == [], f"models and migrations disagree on {engine.dialect.name}: {diffs}"


def test_database_at_the_old_branch_heads_upgrades(db_url: str) -> None:
    """A database made before the branches were joined (at the five old heads) reaches the single head."""
    script = _script()
    (head,) = script.get_heads()
    old_heads = script.get_revision("0004_merge_heads").down_revision  # the revision that joined them
    assert isinstance(old_heads, tuple) and len(old_heads) > 1
    engine = create_engine(db_url)
    cfg = db_engine._alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        for rev in old_heads:
            upgrade(cfg, rev)
    with engine.connect() as conn:
        assert set(MigrationContext.configure(conn).get_current_heads()) == set(old_heads)
    engine.dispose()
    migrated = open_db(db_url)
    with migrated.connect() as conn:
        assert set(MigrationContext.configure(conn).get_current_heads()) == {head}
