"""One bad article never stops an ingest (issue #14 item 1), through the real ``strikewatch`` on SQLite and
PostgreSQL: absurd tolls are no counts (``schema.MAX_COUNT``), refused at the store boundary and kept as text,
the articles after them are stored, the strikes are updated, totals stay bounded, ``check`` stays clean; and a
database holding such figures from before is repaired by its migration."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import create_engine, insert, select, text

from strikewatch.db.engine import database_url
from strikewatch.schema import COUNT_FIELDS, MAX_COUNT

REPORTS = {
    "a.txt": "A drone strike on a house near Miranshah killed three people on Tuesday, officials said.",
    "b.txt": "A drone strike on a compound near Mir Ali killed 99999999999999999999 people on Wednesday, a "
             "resident wrote in a message that officials called a joke.",
    "c.txt": "A drone strike near Wana killed 9000000000000000000 people and wounded 9000000000000000105 on "
             "Thursday, according to a post the officials dismissed.",
    "d.txt": "A drone strike on a car near Datta Khel killed two people on Friday, officials said.",
    "e.txt": "A drone strike near Spinwam killed -5 people on Saturday, a garbled wire report said.",
}


def test_absurd_tolls_do_not_stop_the_ingest(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    for name, body in REPORTS.items():
        (folder / name).write_text(body + "\n")
    first = cli("ingest", str(folder), "--published", "2015-03-07", db=db_url)
    assert "Traceback" not in first.stderr and "unexpected" not in first.stderr, first.stderr
    assert first.returncode == 0, first.stderr
    assert "5 stored, 0 already present" in first.stderr
    assert f"b.txt: killed 99999999999999999999 is not a count (0 to {MAX_COUNT:,})" in first.stderr
    assert "c.txt: killed 9000000000000000000 is not a count" in first.stderr
    again = cli("ingest", str(folder), "--published", "2015-03-07", db=db_url)
    assert again.returncode == 0 and "0 stored, 5 already present" in again.stderr, again.stderr

    strikes = json.loads(cli("strikes", "--format", "json", db=db_url).stdout)
    assert {s["place"] for s in strikes} >= {"Miranshah", "Datta Khel"}  # the articles around the bad ones
    for s in strikes:
        for f in COUNT_FIELDS:
            for end in ("_min", "_max"):
                v = s.get(f + end)
                assert v is None or 0 <= v <= MAX_COUNT, (s["id"], f + end, v)
    totals = json.loads(cli("analyse", "totals", "--format", "json", db=db_url).stdout)
    assert totals["total"]["killed_max"] <= 10 and totals["total"]["injured_max"] is None, totals["total"]
    art = cli("article", "2", "--format", "json", db=db_url)
    assert "99999999999999999999" in json.loads(art.stdout)["text"]  # kept as text evidence
    check = cli("check", "--quick", db=db_url)
    assert check.returncode == 0 and "merge_pending" not in check.stdout, check.stdout


def test_the_migration_bounds_figures_stored_before(db_url: str) -> None:
    """A database at the revision before the bound, holding out-of-range figures (5,000,000 fits every
    backend's column), reaches the head with those figures unknown and their articles queued for a re-merge."""
    from alembic.command import upgrade

    from strikewatch.db import engine as db_engine
    from strikewatch.db import open_db
    from strikewatch.db.tables import Article, ClaimRow, EventRow, RawBlob, Strike
    from strikewatch.ops.integrity import check

    engine = create_engine(database_url(db_url))
    cfg = db_engine._alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        upgrade(cfg, "0004_merge_heads")
    import datetime as dt

    now = dt.datetime.now(dt.UTC)
    with engine.begin() as conn:
        conn.execute(insert(RawBlob), [{"sha256": "a" * 64, "size": 1, "data": b"x", "created_at": now}])
        conn.execute(insert(Article), [{"id": 1, "sha256": "a" * 64, "text_sha256": "b" * 64, "source": "x.txt",
                                        "content_type": "text/plain", "text": "x", "n_chars": 1,
                                        "published_basis": "unknown", "ingested_at": now}])
        conn.execute(insert(EventRow), [{"id": 1, "article_id": 1, "idx": 0, "killed_min": 5_000_000,
                                         "killed_max": 5_000_000, "injured_min": 4, "injured_max": -1,
                                         "evidence": [], "target_groups": [], "named_dead": [],
                                         "extractor_version": "x", "role": "main", "section": "body"}])
        conn.execute(insert(ClaimRow), [{"id": 1, "article_id": 1, "text": "x", "start": 0, "end": 1,
                                         "quantity": 10**15, "extractor_version": "x"}])
        conn.execute(insert(Strike), [{"id": 1, "status": "active", "killed_min": 3, "killed_max": 7_000_000,
                                       "n_reports": 0, "n_sources": 0, "grade": "weak",
                                       "created_at": now, "updated_at": now}])
    engine.dispose()
    before = check(open_db(db_url), verify_blobs=False)  # open_db migrated it
    with open_db(db_url).connect() as conn:
        ev = conn.execute(select(EventRow.killed_min, EventRow.killed_max, EventRow.injured_min,
                                 EventRow.injured_max)).one()
        assert tuple(ev) == (None, None, 4, None)
        assert conn.execute(select(ClaimRow.quantity)).scalar_one() is None
        assert tuple(conn.execute(select(Strike.killed_min, Strike.killed_max)).one()) == (3, None)
        assert conn.execute(text("SELECT article_id FROM merge_queue")).scalars().all() == [1]
    assert not {"event_count_out_of_range", "strike_count_out_of_range"} & before.codes()
