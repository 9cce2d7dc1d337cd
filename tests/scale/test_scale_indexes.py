"""The API's strike filters can use an index on both databases: the expressions the queries are written with
match the indexes of migration 0003_scale_api_filters (and the web/merge ones), so a large archive is filtered by
index lookups, not by reading every strike. Plans are asked of the real database planner."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import Engine, func, insert, select, text

from strikewatch.db import open_db, session_scope
from strikewatch.db.tables import Strike

API_INDEXES = {"ix_strikes_country_day_id", "ix_strikes_admin1_lower", "ix_strikes_admin2_lower",
               "ix_strikes_grade", "ix_strikes_killed_max_id", "ix_strikes_day_id"}


def fill(engine: Engine, n: int = 3000) -> None:
    now = dt.datetime.now(dt.UTC)
    rows: list[dict[str, Any]] = []
    for i in range(n):
        rows.append({
            "status": "active", "country": ("PK", "YE", "SO", "AF")[i % 4], "date": dt.date(2008, 1, 1)
            + dt.timedelta(days=i % 3000), "admin1": f"Province {i % 40}", "admin2": f"District {i % 400}",
            "killed_min": i % 30, "killed_max": i % 30 + 3, "grade": ("weak", "fair", "confirmed")[i % 3],
            "created_at": now, "updated_at": now, "n_sources": 1, "n_reports": 1, "double_tap": False,
            "target_groups": [], "named_dead": [], "why": {},
        })
    with session_scope(engine) as s:
        s.execute(insert(Strike), rows)
        if engine.dialect.name == "postgresql":
            s.execute(text("ANALYZE strikes"))
        else:
            s.execute(text("ANALYZE"))


def plan(engine: Engine, stmt: Any) -> str:
    with engine.connect() as conn:
        compiled = stmt.compile(engine, compile_kwargs={"literal_binds": True})
        if engine.dialect.name == "postgresql":
            conn.execute(text("SET enable_seqscan = off"))
            rows = conn.execute(text(f"EXPLAIN {compiled}")).scalars().all()
        else:
            rows = [r[-1] for r in conn.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))]
    return "\n".join(str(r) for r in rows)


def test_the_api_filters_have_indexes(db_url: str) -> None:
    engine = open_db(db_url)
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            names = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'strikes'")).scalars())
        else:
            names = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index' "
                                          "AND tbl_name = 'strikes'")).scalars())
    assert names >= API_INDEXES, API_INDEXES - names


def test_filters_are_answered_from_the_indexes(db_url: str) -> None:
    from strikewatch.merge.views import _filtered

    engine = open_db(db_url)
    fill(engine)
    base = select(Strike.id)
    no = dict(since=None, until=None, country=None, admin=None, grade=None, min_killed=None, status="active")
    cases = {
        "ix_strikes_country_day_id": _filtered(base, **(no | {"country": "ye", "since": dt.date(2010, 1, 1),
                                                               "until": dt.date(2010, 3, 1)})),
        "ix_strikes_admin2_lower": _filtered(base, **(no | {"admin": "district 17"})),
        "ix_strikes_admin1_lower": _filtered(base, **(no | {"admin": "province 3"})),
    }
    for index, stmt in cases.items():
        assert index in plan(engine, stmt), (index, plan(engine, stmt))
    # and the answers are right
    with session_scope(engine) as s:
        n = s.scalar(_filtered(select(func.count()).select_from(Strike), **(no | {"admin": "DISTRICT 17"})))
    assert n == 3000 // 400 + (1 if 3000 % 400 > 17 else 0)


def test_the_stores_body_hash_lookup_is_one_index_probe(db_url: str) -> None:
    """``WHERE text_sha256 = ? ORDER BY id LIMIT 1`` (wire copy with the same body, page re-fetched) is answered in
    id order from an index. Without one, PostgreSQL without fresh statistics (autovacuum off, a bulk load) walked
    the primary key filtering every row: the whole table read for every new article (60k articles: 57 ms each).
    The planner is made to show which paths exist: no sort, no bitmap, no sequential scan allowed."""
    from sqlalchemy import select

    from strikewatch.db.tables import Article

    engine = open_db(db_url)
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite's index on text_sha256 ends with the rowid (= id): already in id order")
    stmt = select(Article.id, Article.dup_of).where(Article.text_sha256 == "f" * 64).order_by(Article.id).limit(1)
    sql = str(stmt.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as conn:
        for knob in ("enable_sort", "enable_bitmapscan", "enable_seqscan"):
            conn.execute(text(f"SET {knob} = off"))
        got = "\n".join(conn.execute(text(f"EXPLAIN {sql}")).scalars())
    assert "Index Scan using ix_articles_text_sha256_id" in got and "Index Cond" in got, got
    assert "Filter" not in got, got
