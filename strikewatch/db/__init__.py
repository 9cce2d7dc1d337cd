"""Storage: SQLAlchemy tables, Alembic migrations, engine and session helpers."""

from strikewatch.db.engine import database_url, open_db, session_scope

__all__ = ["database_url", "open_db", "session_scope"]
