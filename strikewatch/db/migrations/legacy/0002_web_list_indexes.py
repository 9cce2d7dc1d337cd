"""web: indexes for strike lists sorted by day (date, else window start), toll and civilians

Revision ID: 0002_web_list_indexes
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002_web_list_indexes'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_strikes_day_id', 'strikes', [sa.text('coalesce(date, date_earliest)'), 'id'])
    op.create_index('ix_strikes_killed_max_id', 'strikes', ['killed_max', 'id'])
    op.create_index('ix_strikes_civilians_max_id', 'strikes', ['civilians_max', 'id'])


def downgrade() -> None:
    op.drop_index('ix_strikes_civilians_max_id', table_name='strikes')
    op.drop_index('ix_strikes_killed_max_id', table_name='strikes')
    op.drop_index('ix_strikes_day_id', table_name='strikes')
