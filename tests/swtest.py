"""Helpers shared by the test modules (import them from here, never ``from conftest import``:
there is more than one conftest.py, and the name ``conftest`` is ambiguous).
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STRIKEWATCH_SHARED", ROOT.parent / "shared"))
PG_ADMIN_URL = os.environ.get("STRIKEWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL.replace("+psycopg", ""), connect_timeout=3):
            return True
    except Exception:
        return False


_PG_OK: bool | None = None


def pg_available() -> bool:
    global _PG_OK
    if _PG_OK is None:
        _PG_OK = _pg_available()
    return _PG_OK


def _fresh_pg_database() -> tuple[str, str]:
    import psycopg

    name = "sw_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG_ADMIN_URL.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    return name, f"{base}/{name}"


def _drop_pg_database(name: str) -> None:
    import psycopg

    from strikewatch.db.engine import dispose_all

    dispose_all()
    with psycopg.connect(PG_ADMIN_URL.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def make_db_url(kind: str, tmp_path: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'strikewatch.db'}"
        from strikewatch.db.engine import dispose_all

        dispose_all()
        return
    if os.environ.get("CI") and not pg_available():
        pytest.fail("PostgreSQL is not reachable at " + PG_ADMIN_URL)
    if not pg_available():
        pytest.skip("PostgreSQL not reachable")
    name, url = _fresh_pg_database()
    try:
        yield url
    finally:
        _drop_pg_database(name)


def run_cli(*args: str, db: str | None = None, cwd: Path | None = None, input: str | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the real ``strikewatch`` command in a subprocess."""
    env = dict(os.environ)
    if db:
        env["STRIKEWATCH_DB"] = db
    return subprocess.run(
        [sys.executable, "-m", "strikewatch", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=input,
        timeout=timeout,
        env=env,
    )


def body_mains(ex: Any) -> list[Any]:
    """The events an extraction reports as the article's news (main role, body text)."""
    return [e for e in ex.events if e.role == "main" and e.section == "body"]


def only_main(text: str, published: Any) -> Any:
    """The single main body event ``extract_article`` finds in ``text``; fails the test when there are 0 or 2+."""
    from strikewatch.extract import extract_article

    m = body_mains(extract_article(text, published))
    assert len(m) == 1, [(e.date, e.place, e.killed_min, e.killed_max) for e in m]
    return m[0]
