"""The schema migrates on first use, on both backends, and a second open is a no-op."""

from __future__ import annotations

from sqlalchemy import inspect

from strikewatch.db.engine import database_url, dispose_all, open_db


def test_migrations_create_schema_once(db_url: str) -> None:
    engine = open_db(db_url)
    tables = set(inspect(engine).get_table_names())
    assert {"articles", "raw_blobs", "events", "claims", "strikes", "strike_reports", "review_actions"} <= tables
    dispose_all()
    engine2 = open_db(db_url)  # already at head: nothing to do, no error
    assert set(inspect(engine2).get_table_names()) == tables


def test_database_url_forms(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("STRIKEWATCH_DB", raising=False)
    assert database_url(None) == "sqlite:///strikewatch.db"
    assert database_url("my.db") == "sqlite:///my.db"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("STRIKEWATCH_DB", "sqlite:///other.db")
    assert database_url(None) == "sqlite:///other.db"
