"""the whole schema as of 0004_merge_heads, in one revision (squashed)

New databases run this one revision. It keeps the id of the revision it replaces, ``0004_merge_heads``, which
joined 0001 and the five revisions the areas added on top of it in parallel (0002_merge_blocking_index,
0002_store_neardup, 0002_web_list_indexes, 0003_scale_api_filters, 0003_scale_article_lookups): databases already
there need nothing, and later revisions name it as before. A database made before that (at 0001 and some of the
five) is brought here by ``strikewatch.db.legacy`` before Alembic runs; those five revisions are kept, outside
this history, in ``migrations/legacy/`` (this revision runs them too, after the 0001 tables).

Revision ID: 0004_merge_heads
Revises:
Create Date: 2026-12-07
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004_merge_heads'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The schema as it stood at this revision (frozen here: later changes are later revisions).
COUNTS = ("killed", "injured", "civilians", "children", "militants", "munitions")


def _place_columns(*, precision: bool) -> list[sa.Column]:
    cols = [
        sa.Column('country', sa.String(length=2), nullable=True),
        sa.Column('admin1', sa.String(length=128), nullable=True),
        sa.Column('admin2', sa.String(length=128), nullable=True),
        sa.Column('place', sa.String(length=256), nullable=True),
        sa.Column('lat', sa.Float(), nullable=True),
        sa.Column('lon', sa.Float(), nullable=True),
    ]
    return [*cols, sa.Column('geo_precision', sa.String(length=16), nullable=True)] if precision else cols


def _count_columns(names: Sequence[str]) -> list[sa.Column]:
    return [sa.Column(f'{n}_{end}', sa.Integer(), nullable=True) for n in names for end in ('min', 'max')]


def upgrade() -> None:
    op.create_table('datasets',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('format', sa.String(length=32), nullable=False),
    sa.Column('source_file', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('n_rows', sa.Integer(), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('raw_blobs',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sha256')
    )
    op.create_table('review_actions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('by', sa.String(length=128), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('args', sa.JSON(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('strikes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('merged_into', sa.Integer(), nullable=True),
    sa.Column('type', sa.String(length=32), nullable=True),
    sa.Column('perpetrator', sa.String(length=64), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('date_earliest', sa.Date(), nullable=True),
    sa.Column('date_latest', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=16), nullable=True),
    *_place_columns(precision=True),
    *_count_columns(COUNTS),
    sa.Column('target', sa.Text(), nullable=True),
    sa.Column('target_groups', sa.JSON(), nullable=False),
    sa.Column('named_dead', sa.JSON(), nullable=False),
    sa.Column('double_tap', sa.Boolean(), nullable=False),
    sa.Column('grade', sa.String(length=16), nullable=True),
    sa.Column('grade_reason', sa.Text(), nullable=True),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.Column('n_reports', sa.Integer(), nullable=False),
    sa.Column('why', sa.JSON(), nullable=False),
    sa.Column('fingerprint', sa.String(length=128), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['merged_into'], ['strikes.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('strikes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_strikes_admin2'), ['admin2'], unique=False)
        batch_op.create_index(batch_op.f('ix_strikes_country'), ['country'], unique=False)
        batch_op.create_index('ix_strikes_country_date', ['country', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_strikes_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_strikes_fingerprint'), ['fingerprint'], unique=False)
        batch_op.create_index(batch_op.f('ix_strikes_grade'), ['grade'], unique=False)
        batch_op.create_index(batch_op.f('ix_strikes_killed_min'), ['killed_min'], unique=False)
        batch_op.create_index(batch_op.f('ix_strikes_status'), ['status'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('password_hash', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('articles',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('text_sha256', sa.String(length=64), nullable=False),
    sa.Column('external_id', sa.String(length=512), nullable=True),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('content_type', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('outlet', sa.String(length=256), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('published_basis', sa.String(length=32), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('comments', sa.Text(), nullable=True),
    sa.Column('n_chars', sa.Integer(), nullable=False),
    sa.Column('simhash', sa.BigInteger(), nullable=True),
    sa.Column('dup_of', sa.Integer(), nullable=True),
    sa.Column('dup_similarity', sa.Float(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('extractor_version', sa.String(length=32), nullable=True),
    sa.Column('extracted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['dup_of'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['sha256'], ['raw_blobs.sha256'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_dup_of'), ['dup_of'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_simhash'), ['simhash'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_text_sha256'), ['text_sha256'], unique=False)

    op.create_table('dataset_strikes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('dataset_id', sa.Integer(), nullable=False),
    sa.Column('ext_id', sa.String(length=64), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    *_place_columns(precision=False),
    sa.Column('n_strikes', sa.Integer(), nullable=False),
    *_count_columns(COUNTS[:5]),
    sa.Column('raw', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['dataset_id'], ['datasets.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('dataset_strikes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dataset_strikes_dataset_id'), ['dataset_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dataset_strikes_date'), ['date'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('extractor_version', sa.String(length=32), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=256), nullable=True),
    sa.Column('quantity', sa.BigInteger(), nullable=True),
    sa.Column('unit', sa.String(length=64), nullable=True),
    sa.Column('period', sa.String(length=128), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_article_id'), ['article_id'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('extractor_version', sa.String(length=32), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('section', sa.String(length=16), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=True),
    sa.Column('perpetrator', sa.String(length=64), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('date_earliest', sa.Date(), nullable=True),
    sa.Column('date_latest', sa.Date(), nullable=True),
    sa.Column('date_text', sa.Text(), nullable=True),
    *_place_columns(precision=True),
    sa.Column('geo_conflict', sa.Text(), nullable=True),
    *_count_columns(COUNTS),
    sa.Column('target', sa.Text(), nullable=True),
    sa.Column('target_groups', sa.JSON(), nullable=False),
    sa.Column('named_dead', sa.JSON(), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'extractor_version', 'idx', name='uq_event_article_idx')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_country'), ['country'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_date_earliest'), ['date_earliest'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_date_latest'), ['date_latest'], unique=False)

    op.create_table('strike_reports',
    sa.Column('strike_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('source_group', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('why', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['strike_id'], ['strikes.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('strike_id', 'event_id')
    )
    with op.batch_alter_table('strike_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_strike_reports_article_id'), ['article_id'], unique=False)

    # then what the five parallel revisions added (near-duplicate index, merge queue, the web app's and the
    # store's indexes): their own code, kept in migrations/legacy/ for databases from before the squash
    from strikewatch.db.legacy import BRANCHES, branch_module

    for name in BRANCHES:
        branch_module(name).upgrade()


def downgrade() -> None:
    from strikewatch.db.legacy import BRANCHES, branch_module

    for name in reversed(BRANCHES):
        branch_module(name).downgrade()
    with op.batch_alter_table('strike_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_strike_reports_article_id'))

    op.drop_table('strike_reports')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_date_latest'))
        batch_op.drop_index(batch_op.f('ix_events_date_earliest'))
        batch_op.drop_index(batch_op.f('ix_events_date'))
        batch_op.drop_index(batch_op.f('ix_events_country'))
        batch_op.drop_index(batch_op.f('ix_events_article_id'))

    op.drop_table('events')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_article_id'))

    op.drop_table('claims')
    with op.batch_alter_table('dataset_strikes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dataset_strikes_date'))
        batch_op.drop_index(batch_op.f('ix_dataset_strikes_dataset_id'))

    op.drop_table('dataset_strikes')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_text_sha256'))
        batch_op.drop_index(batch_op.f('ix_articles_simhash'))
        batch_op.drop_index(batch_op.f('ix_articles_published'))
        batch_op.drop_index(batch_op.f('ix_articles_dup_of'))

    op.drop_table('articles')
    op.drop_table('users')
    with op.batch_alter_table('strikes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_strikes_status'))
        batch_op.drop_index(batch_op.f('ix_strikes_killed_min'))
        batch_op.drop_index(batch_op.f('ix_strikes_grade'))
        batch_op.drop_index(batch_op.f('ix_strikes_fingerprint'))
        batch_op.drop_index(batch_op.f('ix_strikes_date'))
        batch_op.drop_index('ix_strikes_country_date')
        batch_op.drop_index(batch_op.f('ix_strikes_country'))
        batch_op.drop_index(batch_op.f('ix_strikes_admin2'))

    op.drop_table('strikes')
    op.drop_table('review_actions')
    op.drop_table('raw_blobs')
    op.drop_table('datasets')
