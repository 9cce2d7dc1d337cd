"""Backups: ``strikewatch backup FILE`` then ``restore FILE`` into an empty database gives identical records, on
SQLite, PostgreSQL and across them; a non-empty target, a truncated or foreign file is refused in one line and
changes nothing."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from support.hardening import fresh_db, ingest_examples, review_some, table_snapshot

from strikewatch.db import open_db, session_scope
from strikewatch.db.tables import Dataset, DatasetStrike, RawBlob
from strikewatch.ops.backup import FORMAT, VERSION
from strikewatch.web.auth import add_user

BINARY_RAW = "Strike near Wana — officials’ toll\n".encode() + b"\xff\xfe odd bytes \x80"


def build(url: str) -> dict[str, int]:
    """Examples ingested and merged, review actions, a reviewer, an imported dataset, odd raw bytes."""
    from strikewatch.ingest.pipeline import IngestReport, flush_merge_queue, store_many
    from strikewatch.schema import ArticleIn
    from strikewatch.store.articles import prepare

    engine = ingest_examples(url)
    rep = IngestReport()
    store_many(engine, [prepare(ArticleIn(raw=BINARY_RAW, text="Strike near Wana: officials' toll of four dead.",
                                          source="odd.txt", content_type="text/plain"), extract=False)], rep)
    flush_merge_queue(engine)
    actions = review_some(engine)
    with session_scope(engine) as s:
        add_user(s, "rita", "a long enough password", "reviewer")
        ds = Dataset(name="mine", format="csv", source_file="x.csv", sha256="0" * 64, n_rows=1,
                     imported_at=dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=dt.UTC))
        s.add(ds)
        s.flush()
        s.add(DatasetStrike(dataset_id=ds.id, ext_id="Ob1", date=dt.date(2008, 1, 29), country="PK", lat=33.0,
                            lon=70.1, killed_min=12, killed_max=13, raw={"note": "ünïcode ✓", "n": [1, 2.5]}))
    return {"actions": len(actions)}


def _same(a: dict[str, list[tuple[object, ...]]], b: dict[str, list[tuple[object, ...]]], what: str) -> None:
    assert set(a) == set(b)
    for name in a:
        assert a[name] == b[name], f"{what}: table {name} differs after the round trip"


@pytest.mark.slow
@pytest.mark.postgres
def test_backup_restore_identical_across_backends(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """SQLite -> SQLite, SQLite -> PostgreSQL, PostgreSQL -> PostgreSQL, PostgreSQL -> SQLite: identical records
    each time (the real CLI for the first backup and restore, the library for the rest)."""
    from strikewatch.ops.backup import backup, restore
    from strikewatch.ops.integrity import check

    with fresh_db("sqlite", tmp_path / "a") as src, fresh_db("sqlite", tmp_path / "b") as lite2, \
            fresh_db("postgresql", tmp_path / "c") as pg1, fresh_db("postgresql", tmp_path / "d") as pg2, \
            fresh_db("sqlite", tmp_path / "e") as lite3:
        build(src)
        before = table_snapshot(src)
        assert before["review_actions"] and before["raw_blobs"] and before["users"] and before["dataset_strikes"]
        f1 = tmp_path / "sqlite.jsonl.gz"
        out = cli("backup", str(f1), db=src)
        assert out.returncode == 0 and "backed up" in out.stderr, out.stderr
        res = cli("restore", str(f1), db=pg1)
        assert res.returncode == 0 and "restored" in res.stderr, res.stderr
        _same(before, table_snapshot(pg1), "SQLite -> PostgreSQL")
        restore(open_db(lite2), f1)
        _same(before, table_snapshot(lite2), "SQLite -> SQLite")
        f2 = tmp_path / "pg.jsonl.gz"
        backup(open_db(pg1), f2)
        restore(open_db(pg2), f2)
        _same(before, table_snapshot(pg2), "PostgreSQL -> PostgreSQL")
        restore(open_db(lite3), f2)
        _same(before, table_snapshot(lite3), "PostgreSQL -> SQLite")
        for url in (pg1, lite3):
            # the raw bytes are exactly those received, the invariants hold, and the database keeps working:
            # new rows get fresh ids (PostgreSQL's sequences follow the restored ids)
            engine = open_db(url)
            with session_scope(engine) as s:
                assert s.scalar(select(RawBlob.data).where(RawBlob.data == BINARY_RAW)) == BINARY_RAW
            report = check(engine)
            assert report.ok and not report.pending, report.to_dict()
            with session_scope(engine) as s:
                top = s.scalar(select(func.max(Dataset.id)))
                s.add(Dataset(name="later", format="csv", source_file="y.csv", sha256="1" * 64, n_rows=0,
                              imported_at=dt.datetime.now(dt.UTC)))
                s.flush()
                assert s.scalar(select(func.max(Dataset.id))) == (top or 0) + 1


def _tiny(url: str) -> None:
    from strikewatch.ingest.pipeline import IngestReport, store_many
    from strikewatch.schema import ArticleIn
    from strikewatch.store.articles import prepare

    store_many(open_db(url), [prepare(ArticleIn(raw=f"report {i}".encode(), text=f"A report number {i}.",
                                                source=f"{i}.txt", content_type="text/plain"), extract=False)
                              for i in range(3)], IngestReport())


def test_restore_refuses_a_database_that_is_not_empty(sqlite_url: str, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    _tiny(sqlite_url)
    file = tmp_path / "b.jsonl.gz"
    from strikewatch.errors import UserError
    from strikewatch.ops.backup import backup, restore

    backup(open_db(sqlite_url), file)
    with pytest.raises(UserError, match="exists"):
        backup(open_db(sqlite_url), file)
    before = table_snapshot(sqlite_url)
    res = cli("restore", str(file), db=sqlite_url)
    assert res.returncode == 2
    assert res.stderr.strip().splitlines() == [res.stderr.strip()] and "not empty" in res.stderr
    assert "--force" in res.stderr
    assert table_snapshot(sqlite_url) == before
    # --force replaces everything with the backup's records
    with session_scope(open_db(sqlite_url)) as s:
        s.add(Dataset(name="extra", format="csv", source_file="z", sha256="2" * 64, n_rows=0,
                      imported_at=dt.datetime.now(dt.UTC)))
    restore(open_db(sqlite_url), file, force=True)
    assert table_snapshot(sqlite_url) == before


def _rewrite(src: Path, dst: Path, keep_lines: int | None = None, edit: dict[int, str] | None = None) -> None:
    lines = gzip.decompress(src.read_bytes()).decode().splitlines()
    if keep_lines is not None:
        lines = lines[:keep_lines]
    for i, v in (edit or {}).items():
        lines[i] = v
    dst.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))


def test_damaged_or_foreign_backups_are_refused_and_change_nothing(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    src = f"sqlite:///{tmp_path / 'src.db'}"
    _tiny(src)
    good = tmp_path / "good.jsonl.gz"
    from strikewatch.ops.backup import backup

    backup(open_db(src), good)
    header = json.loads(gzip.decompress(good.read_bytes()).decode().splitlines()[0])
    assert header["format"] == FORMAT and header["version"] == VERSION and "raw_blobs" in header["tables"]
    n_lines = len(gzip.decompress(good.read_bytes()).decode().splitlines())
    cases: dict[str, tuple[Path, str]] = {}
    p = tmp_path / "truncated.jsonl.gz"
    _rewrite(good, p, keep_lines=n_lines - 3)
    cases["truncated"] = (p, "truncated")
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])  # gzip stream cut in the middle
    cases["cut"] = (p, "backup")
    p = tmp_path / "newer.jsonl.gz"
    _rewrite(good, p, edit={0: json.dumps({**header, "version": VERSION + 1})})
    cases["newer"] = (p, "version")
    p = tmp_path / "foreign.jsonl.gz"
    p.write_bytes(gzip.compress(b'{"hello": "world"}\n'))
    cases["foreign"] = (p, "not a strikewatch backup")
    p = tmp_path / "plain.txt"
    p.write_text("not gzip at all\n")
    cases["not gzip"] = (p, "backup")
    p = tmp_path / "badvalue.jsonl.gz"
    lines = gzip.decompress(good.read_bytes()).decode().splitlines()
    row_line = next(i for i, ln in enumerate(lines) if ln.startswith("[") and i > 2)
    row = json.loads(lines[row_line])
    row[0] = {"not": "a value"}
    _rewrite(good, p, edit={row_line: json.dumps(row)})
    cases["bad value"] = (p, "line")
    cases["missing"] = (tmp_path / "nope.jsonl.gz", "no backup file")
    from strikewatch.errors import UserError
    from strikewatch.ops.backup import restore

    for i, (name, (path, words)) in enumerate(cases.items()):
        dst = f"sqlite:///{tmp_path / (name.replace(' ', '_') + '.db')}"
        if i < 2:  # the real command: one line on stderr, exit status 2
            res = cli("restore", str(path), db=dst)
            assert res.returncode == 2, (name, res.stderr)
            err = res.stderr.strip()
            assert len(err.splitlines()) == 1 and "Traceback" not in err, (name, err)
        else:  # the library raises the UserError that the command prints as that one line
            with pytest.raises(UserError) as exc:
                restore(open_db(dst), path)
            err = str(exc.value)
            assert "\n" not in err
        assert words in err, (name, err)
        assert all(not rows for rows in table_snapshot(dst).values()), f"{name}: something was restored"


RESTORE_SCRIPT = """
import sys
from pathlib import Path
from strikewatch.db import open_db
from strikewatch.ops.backup import restore
engine = open_db(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
restore(engine, Path(sys.argv[2]))
print("done", flush=True)
"""


@pytest.fixture(scope="module")
def big_backup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """A backup that takes about a second to restore: 15,000 rows of an imported dataset."""
    from strikewatch.ops.backup import backup

    tmp = tmp_path_factory.mktemp("bigbackup")
    with fresh_db("sqlite", tmp / "src") as src:
        engine = open_db(src)
        with session_scope(engine) as s:
            ds = Dataset(name="big", format="csv", source_file="x.csv", sha256="0" * 64, n_rows=15000,
                         imported_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
            s.add(ds)
            s.flush()
            s.execute(DatasetStrike.__table__.insert(), [
                {"dataset_id": ds.id, "ext_id": f"Ob{i}", "date": dt.date(2008, 1, 1), "country": "PK",
                 "killed_min": i % 7, "killed_max": i % 7 + 3, "n_strikes": 1, "raw": {"row": i, "note": "x" * 200}}
                for i in range(15000)])
        file = tmp / "big.jsonl.gz"
        return file, backup(engine, file).counts


@pytest.mark.slow
def test_kill_9_during_restore_leaves_the_database_empty_or_whole(db_url: str, big_backup: tuple[Path, dict[str, int]]
                                                                 ) -> None:
    """Restore is one transaction: killed at any point, the target holds nothing or everything."""
    import os
    import random
    import signal
    import subprocess
    import sys
    import time

    file, want = big_backup
    rng = random.Random(4)
    outcomes = {"empty": 0, "whole": 0}
    from strikewatch.db.engine import dispose_all

    for _ in range(4):
        dispose_all()
        proc = subprocess.Popen([sys.executable, "-c", RESTORE_SCRIPT, db_url, str(file)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline().strip() == "ready"
        proc.stdin.write("go\n")
        proc.stdin.flush()
        time.sleep(rng.uniform(0.02, 0.5))  # a whole restore of this file takes about a second
        os.kill(proc.pid, signal.SIGKILL)
        finished = "done" in proc.stdout.read()
        proc.wait(timeout=30)
        snap = table_snapshot(db_url)
        counts = {k: len(v) for k, v in snap.items()}
        if all(n == 0 for n in counts.values()):
            assert not finished
            outcomes["empty"] += 1
        else:
            assert {k: counts.get(k, 0) for k in want} == want, counts  # whole, never half
            outcomes["whole"] += 1
            from strikewatch.ops.backup import restore

            dispose_all()
            with pytest.raises(Exception, match="not empty"):
                restore(open_db(db_url), file)
            break
    assert outcomes["empty"] >= 1, outcomes  # at least one kill landed mid-restore
