"""Shared fixtures: a fresh real database per test, on SQLite and on PostgreSQL.

PostgreSQL is the real server at 127.0.0.1:5432 (trust auth, database ``test``); each test gets a database
of its own, created from ``test`` and dropped afterwards. Set STRIKEWATCH_TEST_PG to point elsewhere.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from swtest import SHARED, make_db_url, run_cli  # noqa: E402


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database, once for SQLite and once for PostgreSQL."""
    yield from make_db_url(request.param, tmp_path)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> Iterator[str]:
    """A URL to an empty SQLite database (for tests where the backend does not matter)."""
    yield from make_db_url("sqlite", tmp_path)


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture
def cli():  # type: ignore[no-untyped-def]
    """``cli(*args, db=url)`` runs the real command in a subprocess and returns the CompletedProcess."""
    return run_cli
