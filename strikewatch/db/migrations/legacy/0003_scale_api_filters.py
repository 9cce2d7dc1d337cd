"""scale: indexes for the API's country and admin filters (a country's strikes by day; lower(admin1/admin2))

Revision ID: 0003_scale_api_filters
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003_scale_api_filters'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_strikes_country_day_id', 'strikes',
                    ['country', sa.text('coalesce(date, date_earliest)'), 'id'])
    op.create_index('ix_strikes_admin1_lower', 'strikes', [sa.text('lower(admin1)')])
    op.create_index('ix_strikes_admin2_lower', 'strikes', [sa.text('lower(admin2)')])


def downgrade() -> None:
    op.drop_index('ix_strikes_admin2_lower', table_name='strikes')
    op.drop_index('ix_strikes_admin1_lower', table_name='strikes')
    op.drop_index('ix_strikes_country_day_id', table_name='strikes')
