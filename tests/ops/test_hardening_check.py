"""``strikewatch check``: silent on a healthy database (SQLite and PostgreSQL), and each invariant catches the
damage it names when a row is deliberately broken (SQLite with foreign keys off, the only way to break some)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from support.hardening import small_corpus

from strikewatch.db import open_db
from strikewatch.ops.integrity import check


def test_healthy_database_passes(db_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    small_corpus(db_url)
    report = check(open_db(db_url))
    assert report.ok and not report.findings, report.to_dict()
    assert len(report.checks) >= 20 and report.blobs_verified == 6
    assert report.rows["review_actions"] == 3
    out = cli("check", "--format", "json", db=db_url)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["ok"] is True


Breakage = Callable[[sqlite3.Connection, dict[str, int]], None]


def _strike_of(con: sqlite3.Connection, place: str) -> int:
    return int(con.execute("SELECT id FROM strikes WHERE place = ? AND status = 'active'", (place,)).fetchone()[0])


BREAKAGES: dict[str, Breakage] = {
    "blob_missing": lambda c, ids: c.execute("DELETE FROM raw_blobs WHERE sha256 = "
                                             "(SELECT sha256 FROM articles ORDER BY id LIMIT 1)"),
    "blob_corrupt": lambda c, ids: c.execute("UPDATE raw_blobs SET data = CAST(X'00' || data AS BLOB) WHERE rowid = "
                                             "(SELECT MIN(rowid) FROM raw_blobs)"),
    "blob_orphan": lambda c, ids: c.execute("INSERT INTO raw_blobs VALUES ('ab', 1, X'41', '2020-01-01 00:00:00')"),
    "article_bad_copy_link": lambda c, ids: c.execute("UPDATE articles SET dup_of = 999 WHERE id = 2"),
    "event_orphan": lambda c, ids: c.execute("UPDATE events SET article_id = 999 WHERE id = "
                                             "(SELECT MAX(id) FROM events)"),
    "event_stale": lambda c, ids: c.execute("UPDATE articles SET extractor_version = 'x2' WHERE id = 1"),
    "report_orphan": lambda c, ids: c.execute("UPDATE strike_reports SET article_id = 5 WHERE event_id = "
                                              "(SELECT MIN(event_id) FROM strike_reports)"),
    "report_in_closed": lambda c, ids: c.execute("UPDATE strikes SET status = 'retired' WHERE id = ?",
                                                 (_strike_of(c, "Datta Khel"),)),
    "event_in_two_strikes": lambda c, ids: c.execute(
        "INSERT INTO strike_reports (strike_id, event_id, article_id, source_group, score, why) "
        "SELECT ?, event_id, article_id, source_group, score, why FROM strike_reports WHERE strike_id = ? LIMIT 1",
        (_strike_of(c, "Datta Khel"), _strike_of(c, "Haiderkhel"))),
    "strike_without_reports": lambda c, ids: c.execute(
        "INSERT INTO strikes (status, country, grade, n_sources, n_reports, double_tap, why, target_groups, "
        "named_dead, created_at, updated_at) VALUES ('active', 'PK', 'weak', 1, 1, 0, '{}', '[]', '[]', "
        "'2020-01-01 00:00:00', '2020-01-01 00:00:00')"),
    "strike_counts_stale": lambda c, ids: c.execute("UPDATE strikes SET n_reports = n_reports + 1 WHERE id = ?",
                                                    (_strike_of(c, "Haiderkhel"),)),
    "strike_members_stale": lambda c, ids: c.execute("UPDATE strikes SET why = json_set(why, '$.members', "
                                                     "json('[]')) WHERE id = ?", (_strike_of(c, "Haiderkhel"),)),
    "strike_bad_status": lambda c, ids: c.execute("UPDATE strikes SET status = 'half' WHERE id = ?",
                                                  (_strike_of(c, "Datta Khel"),)),
    "strike_bad_grade": lambda c, ids: c.execute("UPDATE strikes SET grade = NULL WHERE id = ?",
                                                 (_strike_of(c, "Datta Khel"),)),
    "merged_bad_target": lambda c, ids: c.execute("UPDATE strikes SET merged_into = id WHERE status = 'merged'"),
    "review_missing_strike": lambda c, ids: c.execute(
        "INSERT INTO review_actions (at, by, action, args, reason) VALUES ('2020-01-01 00:00:00', 'x', 'reject', "
        "'{\"strike\": 9999, \"reports\": []}', 'gone')"),
    "review_bad_action": lambda c, ids: c.execute(
        "INSERT INTO review_actions (at, by, action, args, reason) VALUES ('2020-01-01 00:00:00', 'x', 'delete', "
        "'{\"strike\": 1}', 'hmm')"),
    "review_not_applied": lambda c, ids: c.execute("UPDATE strikes SET killed_max = 3 WHERE id = ?",
                                                   (_strike_of(c, "Datta Khel"),)),
    "merge_pending": lambda c, ids: c.execute("INSERT INTO merge_queue (article_id) VALUES (3)"),
    "event_count_out_of_range": lambda c, ids: c.execute("UPDATE events SET killed_max = 5000000 WHERE id = "
                                                         "(SELECT MIN(id) FROM events)"),
    "strike_count_out_of_range": lambda c, ids: c.execute("UPDATE strikes SET injured_min = -3 WHERE id = ?",
                                                          (_strike_of(c, "Datta Khel"),)),
}


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("check") / "healthy.db"
    small_corpus(f"sqlite:///{path}")
    from strikewatch.db.engine import dispose_all

    dispose_all()
    return path


@pytest.mark.parametrize("code", sorted(BREAKAGES))
def test_each_invariant_catches_its_breakage(code: str, healthy: Path, tmp_path: Path) -> None:
    db = tmp_path / "broken.db"
    db.write_bytes(healthy.read_bytes())
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = OFF")
    BREAKAGES[code](con, {})
    con.commit()
    con.close()
    report = check(open_db(f"sqlite:///{db}"))
    assert code in report.codes(), report.to_dict()
    finding = next(f for f in report.findings if f.code == code)
    assert finding.count >= 1 and finding.examples
    if code == "merge_pending":
        assert report.ok and finding.severity == "pending"
    else:
        assert not report.ok


def test_check_command_exit_status_and_one_line_per_finding(healthy: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "broken.db"
    db.write_bytes(healthy.read_bytes())
    con = sqlite3.connect(db)
    con.execute("DELETE FROM raw_blobs WHERE sha256 = (SELECT sha256 FROM articles ORDER BY id LIMIT 1)")
    con.commit()
    con.close()
    out = cli("check", db=f"sqlite:///{db}")
    assert out.returncode == 1
    lines = out.stdout.strip().splitlines()
    assert any(ln.startswith("ERROR blob_missing: 1 ") for ln in lines), lines
    assert lines[-1].startswith("damaged") and "Traceback" not in out.stderr


def test_check_says_what_its_example_ids_are(healthy: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """The review_* invariants list review-action ids (not strike ids, as their names might suggest): the JSON
    says so in ``examples_are``, the text line too."""
    db = tmp_path / "broken.db"
    db.write_bytes(healthy.read_bytes())
    con = sqlite3.connect(db)
    cur = con.execute("INSERT INTO review_actions (at, by, action, args, reason) VALUES ('2020-01-01 00:00:00', "
                      "'x', 'reject', '{\"strike\": 9999, \"reports\": []}', 'gone')")
    action_id = cur.lastrowid
    con.commit()
    con.close()
    out = cli("check", "--format", "json", db=f"sqlite:///{db}")
    [f] = [f for f in json.loads(out.stdout)["findings"] if f["code"] == "review_missing_strike"]
    assert f["examples"] == [action_id] and f["examples_are"] == "review action ids", f
    text = cli("check", db=f"sqlite:///{db}").stdout
    assert f"review_missing_strike: 1 audit rows naming a strike record that does not exist: review action ids "\
           f"{action_id}" in text, text
