"""SQLAlchemy 2 table definitions: the one place the database schema is described.

Changes go through an Alembic migration in ``strikewatch/db/migrations/versions`` as well.
The same schema runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from strikewatch.model import casualty_names, columns, count_attrs, place_attrs

if TYPE_CHECKING:  # the columns strikewatch.model adds, as mypy sees them
    from strikewatch.model_types import CountColumns, PlaceColumns, TrackedCountColumns, TrackerPlaceColumns

    class _ReportColumns(PlaceColumns, CountColumns): ...

    class _TrackerColumns(TrackerPlaceColumns, TrackedCountColumns): ...
else:
    _ReportColumns = _TrackerColumns = object


class Base(DeclarativeBase):
    pass


class RawBlob(Base):
    """The bytes of an input exactly as received, addressed by their sha256."""

    __tablename__ = "raw_blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Article(Base):
    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(String(64), ForeignKey("raw_blobs.sha256"), unique=True)
    text_sha256: Mapped[str] = mapped_column(String(64), index=True)
    external_id: Mapped[str | None] = mapped_column(String(512))
    source: Mapped[str] = mapped_column(Text)
    content_type: Mapped[str] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(256))
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_basis: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    comments: Mapped[str | None] = mapped_column(Text)
    n_chars: Mapped[int] = mapped_column(Integer)
    simhash: Mapped[int | None] = mapped_column(BigInteger, index=True)  # signed 64-bit
    dup_of: Mapped[int | None] = mapped_column(ForeignKey("articles.id"), index=True)  # wire copy of
    dup_similarity: Mapped[float | None] = mapped_column(Float)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    extractor_version: Mapped[str | None] = mapped_column(String(32))
    extracted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ArticleBand(Base):
    """Near-duplicate index: one row per MinHash LSH band of an article (see strikewatch.store.neardup)."""

    __tablename__ = "article_bands"
    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # signed 64-bit hash of (band, band values)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


class MergeQueue(Base):
    """Articles stored or re-extracted whose strikes have not been updated yet (survives a crash mid-run)."""

    __tablename__ = "merge_queue"
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


class EventRow(Base, _ReportColumns):
    """One event (report of a strike) extracted from one article by one extractor version."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)  # position among the article's events
    extractor_version: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(16))
    section: Mapped[str] = mapped_column(String(16))
    type: Mapped[str | None] = mapped_column(String(32))
    perpetrator: Mapped[str | None] = mapped_column(String(64))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_earliest: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_latest: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_text: Mapped[str | None] = mapped_column(Text)
    locals().update(columns(place_attrs(), index=["country"]))
    geo_conflict: Mapped[str | None] = mapped_column(Text)
    locals().update(columns(count_attrs()))
    target: Mapped[str | None] = mapped_column(Text)
    target_groups: Mapped[Any] = mapped_column(JSON, default=list)
    named_dead: Mapped[Any] = mapped_column(JSON, default=list)
    evidence: Mapped[Any] = mapped_column(JSON, default=list)
    __table_args__ = (
        UniqueConstraint("article_id", "extractor_version", "idx", name="uq_event_article_idx"),
        Index("ix_events_country_earliest", "country", "date_earliest"),  # merge blocking (incremental runs)
    )


class ClaimRow(Base):
    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    extractor_version: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(String(256))
    quantity: Mapped[int | None] = mapped_column(BigInteger)
    unit: Mapped[str | None] = mapped_column(String(64))
    period: Mapped[str | None] = mapped_column(String(128))


class Strike(Base, _ReportColumns):
    """A strike record: one or more reports (events) merged. ``id`` is stable and never reused."""

    __tablename__ = "strikes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)  # active|rejected|merged
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("strikes.id"))
    type: Mapped[str | None] = mapped_column(String(32))
    perpetrator: Mapped[str | None] = mapped_column(String(64))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_earliest: Mapped[dt.date | None] = mapped_column(Date)
    date_latest: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(16))  # day|days|month|year
    locals().update(columns(place_attrs(), index=["country", "admin2"]))
    locals().update(columns(count_attrs(), index=["killed_min"]))
    target: Mapped[str | None] = mapped_column(Text)
    target_groups: Mapped[Any] = mapped_column(JSON, default=list)
    named_dead: Mapped[Any] = mapped_column(JSON, default=list)
    double_tap: Mapped[bool] = mapped_column(Boolean, default=False)
    grade: Mapped[str | None] = mapped_column(String(16), index=True)  # confirmed|fair|weak|contested|discounted
    grade_reason: Mapped[str | None] = mapped_column(Text)
    n_sources: Mapped[int] = mapped_column(Integer, default=0)  # independent sources (wire copies count once)
    n_reports: Mapped[int] = mapped_column(Integer, default=0)
    why: Mapped[Any] = mapped_column(JSON, default=dict)  # merge explanation
    fingerprint: Mapped[str | None] = mapped_column(String(128), index=True)  # helps keep ids stable
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    __table_args__ = (Index("ix_strikes_country_date", "country", "date"),)


class StrikeReport(Base):
    """Membership of an event (a report) in a strike record."""

    __tablename__ = "strike_reports"
    strike_id: Mapped[int] = mapped_column(ForeignKey("strikes.id", ondelete="CASCADE"), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    source_group: Mapped[int] = mapped_column(Integer)  # article id of its wire-copy group
    score: Mapped[float | None] = mapped_column(Float)
    why: Mapped[Any] = mapped_column(JSON, default=dict)


class ReviewAction(Base):
    """Append-only audit log of human review decisions; re-applied after every re-merge."""

    __tablename__ = "review_actions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    by: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(32))  # merge|split|set|reject
    args: Mapped[Any] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)


class Dataset(Base):
    """An imported tracker dataset (TBIJ, New America, Pakistan Body Count, generic CSV)."""

    __tablename__ = "datasets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    format: Mapped[str] = mapped_column(String(32))
    source_file: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    n_rows: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class DatasetStrike(Base, _TrackerColumns):
    __tablename__ = "dataset_strikes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id", ondelete="CASCADE"), index=True)
    ext_id: Mapped[str | None] = mapped_column(String(64))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    locals().update(columns(place_attrs(event=False)))
    n_strikes: Mapped[int] = mapped_column(Integer, default=1)
    locals().update(columns(count_attrs(casualty_names(tracked=True))))
    raw: Mapped[Any] = mapped_column(JSON, default=dict)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    role: Mapped[str] = mapped_column(String(32))  # reviewer|admin
    password_hash: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)


class UserSession(Base):
    """A signed-in session, so that the server can end it: signing out deletes its row, a password change or a
    disabled account deletes all of a user's. The cookie holds a random token; only its sha256 is stored.
    Migration 0006_user_sessions."""

    __tablename__ = "user_sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 hex of the cookie's token
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


# Indexes the web app's strike lists walk in order (ORDER BY key, id LIMIT n needs no sort of the whole table).
# The date key is the record's day, else the start of its window. In the initial revision (first 0002_web_list_indexes).
Index("ix_strikes_day_id", func.coalesce(Strike.date, Strike.date_earliest), Strike.id)
Index("ix_strikes_killed_max_id", Strike.killed_max, Strike.id)
Index("ix_strikes_civilians_max_id", Strike.civilians_max, Strike.id)

# The API's other filters (issue 8): a country's strikes by day, and place names matched case-insensitively
# (admin = admin1 or admin2). In the initial revision (first 0003_scale_api_filters).
Index("ix_strikes_country_day_id", Strike.country, func.coalesce(Strike.date, Strike.date_earliest), Strike.id)
Index("ix_strikes_admin1_lower", func.lower(Strike.admin1))
Index("ix_strikes_admin2_lower", func.lower(Strike.admin2))

# The store's exact-text lookups (wire copy with the same body, page re-fetched) ask for the lowest id with a body
# hash: one index probe, whatever the planner's statistics say. Initial revision (first 0003_scale_article_lookups).
Index("ix_articles_text_sha256_id", Article.text_sha256, Article.id)


# --- the monitor (issue 15): sources followed by `strikewatch watch`, the change log of strike records, webhooks.
# Migration 0008_monitor.


class Source(Base):
    """A source `strikewatch watch` polls: an RSS/Atom feed, a sitemap, a page, or a local folder."""

    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)  # http(s) URL, or an absolute folder path
    name: Mapped[str | None] = mapped_column(String(256))
    kind: Mapped[str] = mapped_column(String(16))  # feed|sitemap|page|folder
    every_s: Mapped[int] = mapped_column(Integer)  # polling interval, seconds
    tags: Mapped[Any] = mapped_column(JSON, default=list)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # conditional GET and "same body as last time"
    etag: Mapped[str | None] = mapped_column(String(512))
    last_modified: Mapped[str | None] = mapped_column(String(128))
    body_sha256: Mapped[str | None] = mapped_column(String(64))
    # health
    next_poll_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    last_poll_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_ok_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_new_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_status: Mapped[str | None] = mapped_column(String(16))  # new|unchanged|error|paused
    last_error: Mapped[str | None] = mapped_column(Text)
    failures: Mapped[int] = mapped_column(Integer, default=0)  # failed polls in a row
    paused_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))  # circuit open until
    paused_reason: Mapped[str | None] = mapped_column(Text)
    n_polls: Mapped[int] = mapped_column(Integer, default=0)
    n_errors: Mapped[int] = mapped_column(Integer, default=0)
    n_new: Mapped[int] = mapped_column(Integer, default=0)  # articles stored from this source


class SourceItem(Base):
    """An item of a source the watcher has handled (stored, found present, or rejected for good), by a key that
    survives a feed changing its item ids: a new item is one whose key is not here."""

    __tablename__ = "source_items"
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the item's link and content
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    outcome: Mapped[str] = mapped_column(String(16))  # stored|present|rejected|retry
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    detail: Mapped[str | None] = mapped_column(Text)  # the item (link or where) and a rejection's reason


class StrikeChange(Base):
    """The change log: one row per new strike record and per change to one, ids strictly increasing in commit
    order (written inside the merge's lock). State after the change in country/admin2/killed_* for filters."""

    __tablename__ = "strike_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    strike_id: Mapped[int] = mapped_column(ForeignKey("strikes.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # new|update|merged|retired|rejected|restored
    reasons: Mapped[Any] = mapped_column(JSON, default=list)
    diff: Mapped[Any] = mapped_column(JSON, default=dict)  # field -> [before, after]
    review_action: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(String(2))
    admin2: Mapped[str | None] = mapped_column(String(128))
    killed_min: Mapped[int | None] = mapped_column(Integer)
    killed_max: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = ({"sqlite_autoincrement": True},)  # never reuse an id, even of a rolled-back top row


class StrikeState(Base):
    """What the change log last said about each strike record (the tracked fields): the next change is the
    difference from it."""

    __tablename__ = "strike_state"
    strike_id: Mapped[int] = mapped_column(ForeignKey("strikes.id"), primary_key=True)
    state: Mapped[Any] = mapped_column(JSON)
    change_id: Mapped[int | None] = mapped_column(Integer)


class Hook(Base):
    """A webhook: changes are POSTed to ``url`` (only there), signed with HMAC-SHA256 of ``secret``."""

    __tablename__ = "hooks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    secret: Mapped[str] = mapped_column(String(512))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    cursor: Mapped[int] = mapped_column(Integer, default=0)  # last change id delivered
    filters: Mapped[Any] = mapped_column(JSON, default=dict)  # country, admin2, min_killed
    failures: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_ok_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)


class HookDelivery(Base):
    """Delivery log: every POST attempt to a webhook, its outcome and the change ids it carried."""

    __tablename__ = "hook_deliveries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    hook_id: Mapped[int] = mapped_column(ForeignKey("hooks.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    first_change: Mapped[int] = mapped_column(Integer)
    last_change: Mapped[int] = mapped_column(Integer)
    n_changes: Mapped[int] = mapped_column(Integer)
    attempt: Mapped[int] = mapped_column(Integer)
    status_code: Mapped[int | None] = mapped_column(Integer)
    ok: Mapped[bool] = mapped_column(Boolean)
    error: Mapped[str | None] = mapped_column(Text)
    ms: Mapped[float | None] = mapped_column(Float)
