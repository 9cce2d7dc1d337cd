"""harden: figures that are no count (negative, or above a million) become unknown; their articles are re-merged

Issue #14: a text saying "killed 99999999999999999999 people" stopped every SQLite ingest (OverflowError), and a
toll of 9e18 was stored and summed into totals of 18 quintillion. The store now refuses such figures
(``schema.MAX_COUNT``, a million, at the time of this revision); this revision applies the same bound to rows
stored before it: an event's or a record's count outside 0..1,000,000 is set to NULL (the figure stays in the
article's text, where its evidence span points), a tracker row's likewise, and a claim's quantity outside
0..10,000,000,000 (``schema.MAX_CLAIM``). The articles of the events changed are queued for a strike update, so the
next ``ingest`` or ``merge`` recomputes their records from the bounded reports. No schema change.

Revision ID: 0005_counts_bounded
Revises: 0004_merge_heads
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005_counts_bounded'
down_revision: str | Sequence[str] | None = '0004_merge_heads'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MAX_COUNT = 1_000_000  # schema.MAX_COUNT when this revision was written (frozen here on purpose)
MAX_CLAIM = 10_000_000_000
FIELDS = ("killed", "injured", "civilians", "children", "militants", "munitions")


def _columns(table: str) -> list[str]:
    have = {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}
    return [f"{f}{end}" for f in FIELDS for end in ("_min", "_max") if f"{f}{end}" in have]


def _bad(cols: list[str], limit: int) -> str:
    return " OR ".join(f"{c} < 0 OR {c} > {limit}" for c in cols)


def upgrade() -> None:
    conn = op.get_bind()
    ev = _columns("events")
    # queue first, while the bad values still say which articles they are in
    conn.execute(sa.text(
        f"INSERT INTO merge_queue (article_id) SELECT DISTINCT article_id FROM events WHERE ({_bad(ev, MAX_COUNT)}) "
        "AND article_id NOT IN (SELECT article_id FROM merge_queue)"))
    for table in ("events", "strikes", "dataset_strikes"):
        for c in _columns(table):
            conn.execute(sa.text(f"UPDATE {table} SET {c} = NULL WHERE {c} < 0 OR {c} > {MAX_COUNT}"))
    conn.execute(sa.text(f"UPDATE claims SET quantity = NULL WHERE quantity < 0 OR quantity > {MAX_CLAIM}"))


def downgrade() -> None:
    pass  # the refused figures are not kept anywhere but in the articles' text
