"""Datasets in the database: import, replace in one transaction, list, load; own strike records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from strikewatch.analyse.datasets import import_dataset, list_datasets, load_rows, remove_dataset
from strikewatch.db import open_db, session_scope
from strikewatch.db.tables import DatasetStrike, Strike
from strikewatch.errors import UserError


def ref(shared: Path, name: str) -> Path:
    return shared / "data" / "reference" / name


def test_import_tbij_replace_and_list(db_url: str, shared_dir: Path, tmp_path: Path) -> None:
    engine = open_db(db_url)
    info = import_dataset(engine, ref(shared_dir, "tbij_pakistan_strikes.xlsx"), "tbij")
    assert (info.n_rows, info.n_strikes) == (430, 430)
    assert (info.first, info.last) == (dt.date(2004, 6, 17), dt.date(2018, 1, 24))
    assert info.flags == {"injured_min>max": 1}
    rows = load_rows(engine, "tbij")
    assert sum(1 for r in rows if r.date and r.date.year == 2017) == 5
    ob193 = next(r for r in rows if r.ext_id == "Ob193")
    assert "injured_min>max" in ob193.flags and (ob193.injured_min, ob193.injured_max) == (3, 2)
    assert [r.date for r in rows] == sorted(r.date for r in rows if r.date)

    # Re-importing the same name replaces it: one dataset, the new rows only.
    import_dataset(engine, ref(shared_dir, "newamerica_pakistan.csv"), "tbij")
    assert [d.name for d in list_datasets(engine)] == ["tbij"]
    assert len(load_rows(engine, "tbij")) == 414
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(DatasetStrike)) == 414

    # A failed re-import leaves the old dataset as it was.
    bad = tmp_path / "bad.csv"
    bad.write_text("date,killed\n\n")
    with pytest.raises(UserError):
        import_dataset(engine, bad, "tbij", "csv")
    assert len(load_rows(engine, "tbij")) == 414

    remove_dataset(engine, "tbij")
    assert list_datasets(engine) == []
    with pytest.raises(UserError, match="no dataset named"):
        load_rows(engine, "tbij")


def test_reserved_and_bad_names(sqlite_url: str, shared_dir: Path) -> None:
    engine = open_db(sqlite_url)
    f = ref(shared_dir, "newamerica_pakistan.csv")
    with pytest.raises(UserError, match="reserved"):
        import_dataset(engine, f, "own")
    with pytest.raises(UserError, match="bad dataset name"):
        import_dataset(engine, f, "two words")


def test_own_records_are_active_strikes(db_url: str) -> None:
    engine = open_db(db_url)
    now = dt.datetime.now(dt.UTC)
    with session_scope(engine) as s:
        s.add_all([
            Strike(status="active", date=dt.date(2014, 6, 11), country="PK", admin2="North Waziristan",
                   place="Dande Darpakhel", killed_min=4, killed_max=6, created_at=now, updated_at=now),
            Strike(status="rejected", date=dt.date(2014, 6, 12), country="PK", created_at=now, updated_at=now),
            Strike(status="active", date=dt.date(2013, 12, 25), date_precision="day", country="PK",
                   killed_min=3, killed_max=4, created_at=now, updated_at=now),
            Strike(status="active", date=dt.date(2014, 3, 1), date_precision="month", country="PK",
                   created_at=now, updated_at=now),
        ])
    rows = load_rows(engine)
    assert [r.date for r in rows] == [dt.date(2013, 12, 25), dt.date(2014, 3, 1), dt.date(2014, 6, 11)]
    assert rows[2].admin2 == "North Waziristan" and (rows[2].killed_min, rows[2].killed_max) == (4, 6)
    assert "date:month" in rows[1].flags
    assert load_rows(engine, "own") == rows
