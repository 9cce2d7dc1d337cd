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
from sqlalchemy import create_engine, inspect, text

from strikewatch.db import engine as db_engine
from strikewatch.db import legacy, open_db
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


# A database made before the squash: 0001 and all, some or none of the five revisions added on top of it.
OLD_STATES = [legacy.BRANCHES, ("0002_store_neardup", "0003_scale_api_filters"), ("0001",)]


@pytest.mark.filterwarnings("ignore:.*expression-based index")
@pytest.mark.parametrize("stamped", OLD_STATES, ids=["all-five", "two-of-five", "only-0001"])
def test_database_from_before_the_squash_upgrades(db_url: str, stamped: tuple[str, ...]) -> None:
    """Made as such a database was (the squashed schema less the revisions it lacks, stamped as it was), it
    reaches the single head with exactly the models' schema."""
    script = _script()
    (head,) = script.get_heads()
    engine = create_engine(db_url)
    cfg = db_engine._alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        upgrade(cfg, legacy.SQUASHED)
        for name in reversed(legacy.BRANCHES):
            if name not in stamped:
                legacy.run_ops(conn, legacy.branch_module(name).downgrade)
        conn.execute(text("DELETE FROM alembic_version"))
        for rev in stamped:
            conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": rev})
    with engine.connect() as conn:
        assert set(MigrationContext.configure(conn).get_current_heads()) == set(stamped)
        assert ("article_bands" in inspect(conn).get_table_names()) == ("0002_store_neardup" in stamped)
    engine.dispose()
    migrated = open_db(db_url)
    with migrated.connect() as conn:
        assert set(MigrationContext.configure(conn).get_current_heads()) == {head}
        ctx = MigrationContext.configure(conn, opts={"compare_type": False, "compare_server_default": False})
        assert list(compare_metadata(ctx, Base.metadata)) == []


def test_the_history_has_one_root_carrying_the_old_head_id() -> None:
    """Later revisions build on 0004_merge_heads as before; the squashed history starts there."""
    script = _script()
    roots = [r for r in script.walk_revisions() if r.down_revision is None]
    assert [r.revision for r in roots] == [legacy.SQUASHED]
