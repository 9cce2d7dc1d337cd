"""merge: index for the blocking lookups of incremental merges (reports of a country in a date range)

Revision ID: 0002_merge_blocking_index
Revises: 0001
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0002_merge_blocking_index'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_events_country_earliest', 'events', ['country', 'date_earliest'])


def downgrade() -> None:
    op.drop_index('ix_events_country_earliest', table_name='events')
