"""scale: index (text_sha256, id) for the store's lowest-id-with-this-body lookups

Without it PostgreSQL may answer ``WHERE text_sha256 = ? ORDER BY id LIMIT 1`` by walking the primary key and
filtering (it expects a match soon), which reads the whole table for every new article: ingest slows down in
proportion to the archive.

Revision ID: 0003_scale_article_lookups
Revises: 0001
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0003_scale_article_lookups'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_articles_text_sha256_id', 'articles', ['text_sha256', 'id'])


def downgrade() -> None:
    op.drop_index('ix_articles_text_sha256_id', table_name='articles')
