"""web: revocable sessions (user_sessions): signing out or changing a password ends a session on the server

Issue #14 item 6: after ``DELETE /api/session`` the old cookie still worked for 8 hours, writes included, because a
session was only a signed cookie. Now the cookie names a row here (by the sha256 of its random token); signing out
deletes the row, ``user passwd`` and ``user disable`` delete all of the user's. Sessions signed before this
revision carry no token and end with it (their users sign in again).

Revision ID: 0006_user_sessions
Revises: 0005_counts_bounded
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006_user_sessions'
down_revision: str | Sequence[str] | None = '0005_counts_bounded'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'user_sessions',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('csrf', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_user_sessions_user_id'), 'user_sessions', ['user_id'], unique=False)
    op.create_index(op.f('ix_user_sessions_expires_at'), 'user_sessions', ['expires_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_user_sessions_expires_at'), table_name='user_sessions')
    op.drop_index(op.f('ix_user_sessions_user_id'), table_name='user_sessions')
    op.drop_table('user_sessions')
