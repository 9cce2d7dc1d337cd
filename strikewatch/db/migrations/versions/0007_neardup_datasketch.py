"""store: wire-copy index rebuilt with datasketch's MinHash

The LSH band keys in ``article_bands`` are now computed by ``strikewatch.store.neardup`` with datasketch's MinHash
(scheme "affine32", seed 1) instead of the hand-written hash of before; keys of the two schemes never match, so
every stored article's bands are recomputed from its text here (a few milliseconds per article).

Revision ID: 0007_neardup_datasketch
Revises: 0006_user_sessions
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007_neardup_datasketch'
down_revision: str | Sequence[str] | None = '0006_user_sessions'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 500


def rebuild_bands(conn: sa.Connection) -> int:
    """Recompute every article's band keys with the current ``neardup.fingerprint``; returns the articles done."""
    from strikewatch.store.neardup import fingerprint

    conn.execute(sa.text("DELETE FROM article_bands"))
    ids = [r[0] for r in conn.execute(sa.text("SELECT id FROM articles ORDER BY id"))]
    for i in range(0, len(ids), CHUNK):
        part = ids[i : i + CHUNK]
        rows = conn.execute(sa.text("SELECT id, text FROM articles WHERE id >= :a AND id <= :b ORDER BY id"),
                            {"a": part[0], "b": part[-1]}).all()
        values = [{"k": k, "a": aid} for aid, body in rows for k in sorted(set(fingerprint(body or "").band_keys))]
        if values:
            conn.execute(sa.text("INSERT INTO article_bands (key, article_id) VALUES (:k, :a)"), values)
    return len(ids)


def upgrade() -> None:
    rebuild_bands(op.get_bind())


def downgrade() -> None:
    # the old scheme's keys cannot be recomputed from here: leave the index empty (lookups find no candidates
    # until articles are re-ingested) rather than wrong
    op.execute("DELETE FROM article_bands")
