"""monitor: sources and their items, the change log of strike records, webhooks and their delivery log

The change log's memory of each record (``strike_state``) is filled here from the records a database already
holds, so that upgrading does not announce every existing record as new: the log starts from what is there.

Revision ID: 0008_monitor
Revises: 0007_neardup_datasketch
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008_monitor'
down_revision: str | Sequence[str] | None = '0007_neardup_datasketch'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        'sources',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('url', sa.String(length=2048), nullable=False),
        sa.Column('name', sa.String(length=256), nullable=True),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('every_s', sa.Integer(), nullable=False),
        sa.Column('tags', sa.JSON(), nullable=False),
        sa.Column('added_at', TZ, nullable=False),
        sa.Column('etag', sa.String(length=512), nullable=True),
        sa.Column('last_modified', sa.String(length=128), nullable=True),
        sa.Column('body_sha256', sa.String(length=64), nullable=True),
        sa.Column('next_poll_at', TZ, nullable=True),
        sa.Column('last_poll_at', TZ, nullable=True),
        sa.Column('last_ok_at', TZ, nullable=True),
        sa.Column('last_new_at', TZ, nullable=True),
        sa.Column('last_status', sa.String(length=16), nullable=True),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('paused_until', TZ, nullable=True),
        sa.Column('paused_reason', sa.Text(), nullable=True),
        sa.Column('n_polls', sa.Integer(), nullable=False),
        sa.Column('n_errors', sa.Integer(), nullable=False),
        sa.Column('n_new', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('url'),
    )
    op.create_index('ix_sources_next_poll_at', 'sources', ['next_poll_at'])
    op.create_table(
        'source_items',
        sa.Column('source_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('seen_at', TZ, nullable=False),
        sa.Column('outcome', sa.String(length=16), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('article_id', sa.Integer(), nullable=True),
        sa.Column('detail', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['source_id'], ['sources.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('source_id', 'key'),
    )
    op.create_table(
        'strike_changes',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('at', TZ, nullable=False),
        sa.Column('strike_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('reasons', sa.JSON(), nullable=False),
        sa.Column('diff', sa.JSON(), nullable=False),
        sa.Column('review_action', sa.Integer(), nullable=True),
        sa.Column('country', sa.String(length=2), nullable=True),
        sa.Column('admin2', sa.String(length=128), nullable=True),
        sa.Column('killed_min', sa.Integer(), nullable=True),
        sa.Column('killed_max', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['strike_id'], ['strikes.id']),
        sa.PrimaryKeyConstraint('id'),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_strike_changes_strike_id', 'strike_changes', ['strike_id'])
    op.create_table(
        'strike_state',
        sa.Column('strike_id', sa.Integer(), nullable=False),
        sa.Column('state', sa.JSON(), nullable=False),
        sa.Column('change_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['strike_id'], ['strikes.id']),
        sa.PrimaryKeyConstraint('strike_id'),
    )
    op.create_table(
        'hooks',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('url', sa.String(length=2048), nullable=False),
        sa.Column('secret', sa.String(length=512), nullable=False),
        sa.Column('added_at', TZ, nullable=False),
        sa.Column('cursor', sa.Integer(), nullable=False),
        sa.Column('filters', sa.JSON(), nullable=False),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('next_attempt_at', TZ, nullable=True),
        sa.Column('last_ok_at', TZ, nullable=True),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('url'),
    )
    op.create_table(
        'hook_deliveries',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('hook_id', sa.Integer(), nullable=False),
        sa.Column('at', TZ, nullable=False),
        sa.Column('first_change', sa.Integer(), nullable=False),
        sa.Column('last_change', sa.Integer(), nullable=False),
        sa.Column('n_changes', sa.Integer(), nullable=False),
        sa.Column('attempt', sa.Integer(), nullable=False),
        sa.Column('status_code', sa.Integer(), nullable=True),
        sa.Column('ok', sa.Boolean(), nullable=False),
        sa.Column('error', sa.Text(), nullable=True),
        sa.Column('ms', sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(['hook_id'], ['hooks.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_hook_deliveries_hook_id', 'hook_deliveries', ['hook_id'])
    _seed_state()


def _seed_state() -> None:
    """Remember the records already there (no change row: they are the log's starting point)."""
    from strikewatch.db.tables import Strike
    from strikewatch.merge.changes import TRACKED, state_of

    conn = op.get_bind()
    model = Strike.__table__.c
    strikes = sa.table('strikes', *(sa.column(c, model[c].type) for c in ('id', 'why', *TRACKED)))
    state = sa.table('strike_state', sa.column('strike_id', sa.Integer()), sa.column('state', sa.JSON()),
                     sa.column('change_id', sa.Integer()))
    cols = [strikes.c.id, strikes.c.why, *(strikes.c[f] for f in TRACKED)]
    last = 0
    while True:
        rows = conn.execute(sa.select(*cols).where(strikes.c.id > last).order_by(strikes.c.id).limit(2000)).all()
        if not rows:
            break
        conn.execute(sa.insert(state), [{"strike_id": r.id, "state": state_of(r), "change_id": None} for r in rows])
        last = rows[-1].id


def downgrade() -> None:
    op.drop_index('ix_hook_deliveries_hook_id', table_name='hook_deliveries')
    op.drop_table('hook_deliveries')
    op.drop_table('hooks')
    op.drop_table('strike_state')
    op.drop_index('ix_strike_changes_strike_id', table_name='strike_changes')
    op.drop_table('strike_changes')
    op.drop_table('source_items')
    op.drop_index('ix_sources_next_poll_at', table_name='sources')
    op.drop_table('sources')
