"""join the five branches that grew off 0001 (store, merge, web, scale x2) into one history

Each area added its revision on top of 0001 in parallel; ``open_db`` upgraded to "heads" so every database got
all of them, but the history had five heads and a new revision had no single parent to name. This revision
changes nothing in the schema: it only gives later revisions one head to build on
(``tests/test_migrations_history.py`` keeps it that way).

Revision ID: 0004_merge_heads
Revises: 0002_merge_blocking_index, 0002_store_neardup, 0002_web_list_indexes, 0003_scale_api_filters,
    0003_scale_article_lookups
"""
from collections.abc import Sequence

revision: str = '0004_merge_heads'
down_revision: str | Sequence[str] | None = (
    '0002_merge_blocking_index',
    '0002_store_neardup',
    '0002_web_list_indexes',
    '0003_scale_api_filters',
    '0003_scale_article_lookups',
)
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
