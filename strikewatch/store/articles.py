"""The article archive: raw bytes by sha256, the article row, its extraction and its wire-copy link, atomically.

``prepare`` is pure (hashes, fingerprint, extraction: no database) so it can run in worker processes;
``store_prepared`` writes one prepared article in one transaction: raw blob, article, near-duplicate bands,
events and claims, and a merge-queue entry. Either all of it is committed or none of it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from sqlalchemy import Engine, TextClause, func, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from strikewatch.db.engine import session_scope
from strikewatch.db.tables import Article, ArticleBand, ClaimRow, EventRow, MergeQueue, RawBlob
from strikewatch.schema import ArticleIn, Extraction, join_comments
from strikewatch.store import neardup
from strikewatch.store.extractions import write_extraction

_PG_STORE_LOCK = 0x5357_4152  # "SWAR": serialises article writes on PostgreSQL so wire-copy links see each other


@dataclass(slots=True)
class PreparedArticle:
    """An ``ArticleIn`` with everything computed that needs no database."""

    article: ArticleIn
    sha256: str
    text_sha256: str
    fingerprint: neardup.Fingerprint
    extraction: Extraction | None
    extractor_version: str | None
    extraction_error: str | None = None


@dataclass(frozen=True, slots=True)
class StoreOutcome:
    status: Literal["stored", "present"]
    article_id: int
    dup_of: int | None = None
    dup_similarity: float | None = None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_sha256(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def run_extractor(body: str, comments: str | None, published: dt.date | None, doc_id: str | None) -> Extraction:
    """The current extractor over the text a stored article is read as (body, then reader comments)."""
    from strikewatch.extract import extract_article

    joined, comments_start = join_comments(body, comments)
    return extract_article(joined, published, doc_id=doc_id, comments_start=comments_start)


def prepare(article: ArticleIn, *, extract: bool = True) -> PreparedArticle:
    """Hashes, near-duplicate fingerprint and extraction of one article. Pure; never raises for extractor bugs."""
    from strikewatch.extract import EXTRACTOR_VERSION

    sha = sha256_hex(article.raw)
    extraction: Extraction | None = None
    error: str | None = None
    version: str | None = None
    if extract:
        try:
            extraction = run_extractor(article.text, article.comments, article.published, article.external_id or sha)
            version = EXTRACTOR_VERSION
        except Exception as exc:  # the article is still stored; `strikewatch reextract` retries it
            error = f"{type(exc).__name__}: {exc}"
    return PreparedArticle(
        article=article,
        sha256=sha,
        text_sha256=text_sha256(article.text),
        fingerprint=neardup.fingerprint(article.text),
        extraction=extraction,
        extractor_version=version,
        extraction_error=error,
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def present_ids(session: Session, sha256s: Iterable[str]) -> dict[str, int]:
    """Which of these raw-content hashes are stored already: sha256 -> article id."""
    wanted = sorted(set(sha256s))
    found: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        for sha, aid in session.execute(select(Article.sha256, Article.id).where(Article.sha256.in_(chunk))):
            found[sha] = aid
    return found


def same_page_id(session: Session, url: str | None, body_sha256: str) -> int | None:
    """An article already stored from the same URL with the same text (a page re-fetched: same content)."""
    if not url:
        return None
    return session.scalar(
        select(Article.id).where(Article.text_sha256 == body_sha256, Article.url == url).order_by(Article.id).limit(1)
    )


def _insert_blob(session: Session, sha: str, data: bytes) -> None:
    values = {"sha256": sha, "size": len(data), "data": data, "created_at": _now()}
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        session.execute(pg_insert(RawBlob).values(values).on_conflict_do_nothing(index_elements=["sha256"]))
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        session.execute(sqlite_insert(RawBlob).values(values).on_conflict_do_nothing(index_elements=["sha256"]))
    elif session.get(RawBlob, sha) is None:
        session.add(RawBlob(**values))
        session.flush()


@lru_cache(maxsize=64)
def _candidates_sql(n_keys: int) -> TextClause:
    """Articles sharing the most band keys with a new one. Each key contributes at most KEY_FANOUT articles, the
    most recent: a key shared by hundreds of articles is boilerplate, not a wire copy, and must not make the
    lookup grow with the archive. Each branch is an index range scan on (key, article_id)."""
    branches = " UNION ALL ".join(
        f"SELECT aid FROM (SELECT article_id AS aid FROM article_bands WHERE key = :k{i} "
        f"ORDER BY article_id DESC LIMIT {neardup.KEY_FANOUT}) AS b{i}"
        for i in range(n_keys)
    )
    return text(
        f"SELECT aid AS article_id, COUNT(*) AS shared FROM ({branches}) AS hits "
        f"GROUP BY aid ORDER BY shared DESC, aid DESC LIMIT {neardup.MAX_CANDIDATES}"
    )


def _candidate_params(keys: tuple[int, ...]) -> dict[str, int]:
    return {f"k{i}": k for i, k in enumerate(sorted(set(keys)))}


def find_wire_original(session: Session, prep: PreparedArticle) -> tuple[int, float] | None:
    """The wire-copy group this article belongs to: (root article id, similarity to its closest member)."""
    row = session.execute(
        select(Article.id, Article.dup_of).where(Article.text_sha256 == prep.text_sha256).order_by(Article.id).limit(1)
    ).first()
    if row is not None:
        return (row.dup_of or row.id), 1.0
    keys = prep.fingerprint.band_keys
    if not keys:
        return None
    candidates = session.execute(_candidates_sql(len(set(keys))), _candidate_params(keys)).all()
    if not candidates:
        return None
    mine = neardup.profile(prep.article.text)
    best: tuple[float, int] | None = None  # (similarity, root)
    ids = [c.article_id for c in candidates]
    rows = session.execute(select(Article.id, Article.dup_of, Article.text).where(Article.id.in_(ids)))
    for aid, dup_of, body in rows:
        sim = neardup.wire_similarity(mine, body)
        if sim is None:
            continue
        root = dup_of or aid
        if best is None or sim > best[0] or (sim == best[0] and root < best[1]):
            best = (sim, root)
    if best is None:
        return None
    return best[1], round(best[0], 4)


def article_fault(exc: BaseException) -> str | None:
    """Why storing one article failed, in one line, when the failure is that article's own (a value the database
    refuses, a number too large for its column, a bug its content triggers): the caller rejects that article and
    goes on with the next. None when the database itself failed (connection lost, disk full, locked for too long):
    every later article would fail the same way, so the run stops and a re-run finishes it."""
    from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    if isinstance(exc, OperationalError | InterfaceError | DisconnectionError | PoolTimeout | MemoryError):
        return None
    if not isinstance(exc, Exception):
        return None  # KeyboardInterrupt, SystemExit
    orig = getattr(exc, "orig", None) or exc
    msg = (str(orig).strip().splitlines() or [""])[0][:300]
    return f"{type(orig).__name__}: {msg}" if msg else type(orig).__name__


def store_prepared(engine: Engine, prep: PreparedArticle) -> StoreOutcome:
    """Store one prepared article in its own transaction. Idempotent, also between concurrent processes."""
    try:
        with session_scope(engine) as session:
            return _store(session, prep)
    except IntegrityError:
        # Another process stored the same bytes between our check and our insert: the unique constraint on
        # articles.sha256 decides, our transaction was rolled back whole.
        with session_scope(engine) as session:
            existing = session.scalar(select(Article.id).where(Article.sha256 == prep.sha256))
        if existing is None:
            raise
        return StoreOutcome("present", existing)


def _store(session: Session, prep: PreparedArticle) -> StoreOutcome:
    art = prep.article
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_STORE_LOCK})
    existing = session.scalar(select(Article.id).where(Article.sha256 == prep.sha256))
    if existing is None:
        existing = same_page_id(session, art.url, prep.text_sha256)
    if existing is not None:
        return StoreOutcome("present", existing)
    _insert_blob(session, prep.sha256, art.raw)  # on SQLite this takes the write lock: later reads are current
    link = find_wire_original(session, prep)
    now = _now()
    row = Article(
        sha256=prep.sha256,
        text_sha256=prep.text_sha256,
        external_id=art.external_id,
        source=art.source,
        content_type=art.content_type,
        title=art.title,
        url=art.url,
        outlet=art.outlet,
        published=art.published,
        published_basis=art.published_basis,
        text=art.text,
        comments=art.comments,
        n_chars=len(art.text),
        simhash=prep.fingerprint.simhash,
        dup_of=link[0] if link else None,
        dup_similarity=link[1] if link else None,
        ingested_at=now,
        extractor_version=prep.extractor_version,
        extracted_at=now if prep.extraction is not None else None,
    )
    session.add(row)
    session.flush()
    if prep.fingerprint.band_keys:
        session.execute(
            insert(ArticleBand), [{"key": k, "article_id": row.id} for k in sorted(set(prep.fingerprint.band_keys))]
        )
    if prep.extraction is not None and prep.extractor_version is not None:
        write_extraction(session, row.id, prep.extraction, prep.extractor_version)
    session.add(MergeQueue(article_id=row.id))
    return StoreOutcome("stored", row.id, row.dup_of, row.dup_similarity)


# --- reading the archive ---------------------------------------------------------------------------------------

LIST_FIELDS = ("id", "sha256", "title", "url", "outlet", "published", "published_basis", "n_chars", "dup_of")


def _listing(row: Any) -> dict[str, Any]:
    d = {name: getattr(row, name) for name in LIST_FIELDS}
    d["published"] = row.published.isoformat() if row.published else None
    return d


def list_articles(session: Session, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Stored articles in id order, as the JSON fields of ``strikewatch articles``."""
    cols = [getattr(Article, name) for name in LIST_FIELDS]
    stmt = select(*cols).order_by(Article.id).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_listing(r) for r in session.execute(stmt)]


def count_articles(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Article)) or 0)


def get_article(session: Session, article_id: int) -> dict[str, Any] | None:
    """One article with its text, reader comments, wire copies and stored extraction."""
    from strikewatch.store.extractions import load_extraction

    row = session.get(Article, article_id)
    if row is None:
        return None
    d = _listing(row)
    root = row.dup_of or row.id
    copies = session.scalars(
        select(Article.id).where((Article.dup_of == root) | (Article.id == root)).order_by(Article.id)
    ).all()
    d.update(
        external_id=row.external_id,
        source=row.source,
        content_type=row.content_type,
        dup_similarity=row.dup_similarity,
        wire_copies=[i for i in copies if i != row.id],
        ingested_at=row.ingested_at.isoformat() if row.ingested_at else None,
        extractor_version=row.extractor_version,
        text=row.text,
        comments=row.comments,
    )
    ext = load_extraction(session, row.id)
    d["events"] = [e.to_dict() for e in ext.events]
    d["claims"] = [c.to_dict() for c in ext.claims]
    return d


def raw_bytes(session: Session, article_id: int) -> bytes | None:
    """The archived bytes of an article exactly as received."""
    return session.scalar(
        select(RawBlob.data).join(Article, Article.sha256 == RawBlob.sha256).where(Article.id == article_id)
    )


def event_counts(session: Session, article_ids: list[int]) -> dict[int, int]:
    rows = session.execute(
        select(EventRow.article_id, func.count()).where(EventRow.article_id.in_(article_ids)).group_by(
            EventRow.article_id
        )
    )
    return {aid: n for aid, n in rows}


def claim_counts(session: Session, article_ids: list[int]) -> dict[int, int]:
    rows = session.execute(
        select(ClaimRow.article_id, func.count()).where(ClaimRow.article_id.in_(article_ids)).group_by(
            ClaimRow.article_id
        )
    )
    return {aid: n for aid, n in rows}
