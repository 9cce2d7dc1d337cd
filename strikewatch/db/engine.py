"""Opening the database: URL resolution, engine options per backend, migrations applied on first use."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from strikewatch.errors import UserError

ENV_VAR = "STRIKEWATCH_DB"
DEFAULT_URL = "sqlite:///strikewatch.db"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_PG_LOCK_KEY = 0x5357_4442  # advisory lock held while migrating ("SWDB")


def database_url(value: str | None = None) -> str:
    """The database URL: ``--db`` value, else $STRIKEWATCH_DB, else ``strikewatch.db`` here.

    A bare file path means a SQLite file; ``postgresql://`` means psycopg 3.
    """
    url = value or os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in url:
        url = "sqlite:///" + url
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine without touching the schema."""
    url = database_url(url)
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise UserError(f"cannot use database {url!r}: {exc}") from None
    return engine


def _alembic_config(engine: Engine):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def _current_and_heads(engine: Engine) -> tuple[set[str], set[str]]:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(engine))
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    return current, set(script.get_heads())


def _stamped(conn: Connection) -> set[str]:
    from alembic.runtime.migration import MigrationContext

    return set(MigrationContext.configure(conn).get_current_heads())


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (all heads). Safe to call from several processes."""
    from alembic import command

    from strikewatch.db.legacy import upgrade_legacy

    current, heads = _current_and_heads(engine)
    if current == heads:
        return
    cfg = _alembic_config(engine)
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_LOCK_KEY})
            try:
                upgrade_legacy(conn, _stamped(conn))
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
                conn.commit()
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_LOCK_KEY})
                conn.commit()
    else:
        try:
            with engine.begin() as conn:
                upgrade_legacy(conn, _stamped(conn))
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
        except OperationalError:
            # Another process may have migrated the same file at the same moment.
            current, heads = _current_and_heads(engine)
            if current != heads:
                raise


_ENGINES: dict[str, Engine] = {}


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names (None for other backends and for in-memory databases)."""
    url = database_url(url)
    if not url.startswith("sqlite"):
        return None
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name)


POINT_ELSEWHERE = "pass --db FILE (or a postgresql:// URL), or set $STRIKEWATCH_DB"


def _require_existing(url: str, given: str | None) -> None:
    """Read-only commands never create a database: a SQLite file that is not there is a one-line error naming
    the file looked for and how to point at another."""
    path = sqlite_file(url)
    if path is None or path.exists():
        return
    which = "" if given or os.environ.get(ENV_VAR) else " (the default: strikewatch.db in this folder)"
    raise UserError(
        f"no database at {path.resolve()}{which}; `strikewatch ingest SOURCE...` or `strikewatch demo` makes one, "
        f"or to read another {POINT_ELSEWHERE}"
    )


def open_db(url: str | None = None, *, create: bool = True) -> Engine:
    """Engine for ``url`` (see :func:`database_url`) with migrations applied. Cached per process.

    ``create=False`` (every command that only reads): a SQLite file that does not exist is a ``UserError``
    instead of a new, empty database."""
    given = url
    url = database_url(url)
    if url in _ENGINES:
        return _ENGINES[url]
    if not create:
        _require_existing(url, given)
    engine = make_engine(url)
    try:
        migrate(engine)
    except OperationalError as exc:
        msg = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise UserError(f"cannot open database {_redact(url)}: {msg}; to use another, {POINT_ELSEWHERE}") from None
    _ENGINES[url] = engine
    return engine


def _redact(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return scheme + "://***@" + rest.split("@", 1)[1]
    return url


def dispose_all() -> None:
    """Close every cached engine (tests, forked workers)."""
    for eng in _ENGINES.values():
        eng.dispose()
    _ENGINES.clear()
    _FACTORIES.clear()


_FACTORIES: dict[int, sessionmaker[Session]] = {}


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session whose transaction commits on success and rolls back on any error."""
    factory = _FACTORIES.get(id(engine))
    if factory is None or factory.kw.get("bind") is not engine:
        factory = _FACTORIES[id(engine)] = sessionmaker(engine, expire_on_commit=False)
    with factory() as session, session.begin():
        yield session
