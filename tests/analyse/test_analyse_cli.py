"""The real `strikewatch` commands of the analyse stage, run in a subprocess against the reference files."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Cli = Callable[..., Any]


def ref(shared: Path, name: str) -> str:
    return str(shared / "data" / "reference" / name)


def ok(proc: Any) -> str:
    assert proc.returncode == 0, proc.stderr
    return str(proc.stdout)


def test_import_compare_on_both_backends(cli: Cli, db_url: str, shared_dir: Path) -> None:
    out = ok(cli("dataset", "import", ref(shared_dir, "tbij_pakistan_strikes.xlsx"), "--as", "tbij", db=db_url))
    assert "430 rows" in out and "2004-06-17" in out and "2018-01-24" in out
    ok(cli("dataset", "import", ref(shared_dir, "newamerica_pakistan.csv"), "--as", "newamerica", db=db_url))
    listed = json.loads(ok(cli("dataset", "list", "--format", "json", db=db_url)))
    assert [(d["name"], d["format"], d["rows"]) for d in listed] == [("newamerica", "newamerica", 414),
                                                                     ("tbij", "tbij", 430)]
    res = json.loads(ok(cli("compare", "tbij", "newamerica", "--format", "json", db=db_url)))
    summary = res["pairs"][0]["summary"]
    assert summary["a"] == "tbij" and summary["b"] == "newamerica"
    assert 350 <= summary["matched"] <= 414
    assert summary["only_a"] == 430 - summary["matched"]
    assert next(y for y in res["years"] if y["year"] == "2017")["tbij_strikes"] == 5


@pytest.fixture(scope="module")
def tbij_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One SQLite database with the TBIJ workbook imported, shared by the read-only command tests below."""
    from swtest import SHARED, run_cli

    if not SHARED.exists():
        pytest.skip("shared data not found")
    url = f"sqlite:///{tmp_path_factory.mktemp('tbij') / 'strikewatch.db'}"
    ok(run_cli("dataset", "import", ref(SHARED, "tbij_pakistan_strikes.xlsx"), "--as", "tbij", "--format", "tbij",
               db=url))
    return url


def test_lulls_names_the_six_month_hiatus(cli: Cli, tbij_db: str, tmp_path: Path) -> None:
    png = tmp_path / "lulls.png"
    rows = json.loads(ok(cli("analyse", "lulls", "--dataset", "tbij", "--since", "2008-01-01", "--format", "json",
                             "--plot", str(png), db=tbij_db)))
    assert set(rows[0]) == {"start", "end", "days", "longest_so_far"}
    hiatus = {"start": "2013-12-25", "end": "2014-06-11", "days": 168, "longest_so_far": True}
    assert hiatus in rows
    before_july_2014 = [r for r in rows if r["end"] <= "2014-06-30"]
    assert before_july_2014[0] == hiatus  # longest first
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    table = ok(cli("analyse", "lulls", "-d", "tbij", "--since", "2008-01-01", "--min-days", "100", db=tbij_db))
    assert "2013-12-25" in table and "168" in table


def test_totals_rate_csv_and_svg(cli: Cli, tbij_db: str, tmp_path: Path) -> None:
    years = list(csv.DictReader(io.StringIO(ok(cli("analyse", "totals", "-d", "tbij", "--by", "year", "-f", "csv",
                                                   db=tbij_db)))))
    by_year = {r["key"]: r for r in years}
    assert by_year["2017"]["strikes"] == "5"
    assert by_year["total"]["strikes"] == "430"
    assert int(by_year["total"]["killed_min"]) <= int(by_year["total"]["killed_max"])
    table = ok(cli("analyse", "totals", "-d", "tbij", "--by", "administration", "--country", "Pakistan",
                   db=tbij_db))
    assert "Obama" in table and "Bush" in table and " 430 " in table
    svg = tmp_path / "rate.svg"
    rate = json.loads(ok(cli("analyse", "rate", "-d", "tbij", "-f", "json", "--plot", str(svg), db=tbij_db)))
    assert rate["summary"]["strikes"] == 430
    assert rate["points"][0]["date"] <= "2004-06-30"
    assert svg.read_text().lstrip().startswith("<?xml") and "<svg" in svg.read_text()


def test_around_events(cli: Cli, tbij_db: str, tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text("date,label,category\n2014-02-06,Talks with the Taliban open,talks\n"
                      "2014-06-08,Karachi airport attack,attack\n")
    png = tmp_path / "around.png"
    res = json.loads(ok(cli("analyse", "around", str(events), "-d", "tbij", "--window", "30", "--random", "500",
                            "-f", "json", "--plot", str(png), db=tbij_db)))
    talks, karachi = res["events"]
    assert talks["strikes_before"] == 0 and talks["strikes_after"] == 0  # inside the hiatus
    assert karachi["strikes_before"] == 0 and karachi["strikes_after"] > 0  # strikes resumed on 11 June
    assert res["seed"] == 0 and res["n_random"] == 500 and 0 < res["p_value"] <= 1
    again = json.loads(ok(cli("analyse", "around", str(events), "-d", "tbij", "--random", "500", "-f", "json",
                              db=tbij_db)))
    assert again["p_value"] == res["p_value"]  # seeded
    assert png.stat().st_size > 1000


def test_claims_check_command(cli: Cli, tbij_db: str) -> None:
    import datetime as dt
    import hashlib

    from strikewatch.db import open_db, session_scope
    from strikewatch.db.tables import Article, ClaimRow, RawBlob

    text = "A report we wrote: the tracker lists five confirmed US strikes in 2017."
    sha = hashlib.sha256(text.encode()).hexdigest()
    now = dt.datetime.now(dt.UTC)
    with session_scope(open_db(tbij_db)) as s:
        s.add(RawBlob(sha256=sha, size=len(text), data=text.encode(), created_at=now))
        s.flush()
        art = Article(sha256=sha, text_sha256=sha, source="test", content_type="text/plain",
                      published=dt.date(2017, 12, 28), published_basis="cli", text=text, n_chars=len(text),
                      ingested_at=now)
        s.add(art)
        s.flush()
        for claim, n in (("five confirmed US strikes in 2017", 5), ("twelve US strikes in 2017", 12)):
            s.add(ClaimRow(article_id=art.id, extractor_version="t1", text=claim, start=0, end=len(claim),
                           source="TBIJ", quantity=n, unit="strikes", period="2017"))
    rows = json.loads(ok(cli("claims", "--check", "tbij", "-f", "json", db=tbij_db)))
    verdicts = {r["text"]: r["verdict"] for r in rows}
    assert verdicts == {"five confirmed US strikes in 2017": "agree", "twelve US strikes in 2017": "disagree"}
    table = ok(cli("claims", "--check", "tbij", db=tbij_db))
    assert "1 agree, 1 disagree" in table


def test_user_errors_are_one_line(cli: Cli, tbij_db: str, tmp_path: Path) -> None:
    for args in (
        ("analyse", "lulls", "-d", "nosuch"),
        ("analyse", "lulls", "-d", "tbij", "--since", "June 2014"),
        ("analyse", "rate", "-d", "tbij", "--plot", str(tmp_path / "x.pdf")),
        ("dataset", "import", str(tmp_path / "missing.csv"), "--as", "x"),
        ("analyse", "totals", "-d", "tbij", "--country", "Narnia"),
    ):
        proc = cli(*args, db=tbij_db)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert proc.stderr.strip().count("\n") == 0, proc.stderr


def test_own_records_by_default_when_empty(cli: Cli, sqlite_url: str) -> None:
    from strikewatch.db import open_db

    open_db(sqlite_url)  # an empty database (the analyses never create one)
    assert json.loads(ok(cli("analyse", "lulls", "-f", "json", db=sqlite_url))) == []
    totals = json.loads(ok(cli("analyse", "totals", "-f", "json", db=sqlite_url)))
    assert totals["groups"] == [] and totals["total"]["strikes"] == 0


def test_import_mapped_csv_and_plot_compare(cli: Cli, sqlite_url: str, tmp_path: Path) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text("Our log of strikes\nWhen;Agency;Dead\n25/12/2013;N. Waziristan;3-4\n11/06/2014;North Waziristan "
                    "Agency;At least 6\n12/06/2014;Khyber Agency;Unknown\nTotal;;\n", encoding="latin-1")
    out = ok(cli("dataset", "import", str(mine), "--as", "mine", "--map", "date=When,area=Agency,killed=Dead",
                 "--date-order", "dmy", db=sqlite_url))
    assert "3 rows" in out and "2013-12-25" in out and "2014-06-12" in out
    gaps = json.loads(ok(cli("analyse", "lulls", "-d", "mine", "-f", "json", db=sqlite_url)))
    assert gaps[0] == {"start": "2013-12-25", "end": "2014-06-11", "days": 168, "longest_so_far": True}
    agencies = json.loads(ok(cli("analyse", "totals", "-d", "mine", "--by", "agency", "-f", "json", db=sqlite_url)))
    assert [(g["key"], g["strikes"], g["killed_min"]) for g in agencies["groups"]] == [
        ("North Waziristan", 2, 9), ("Khyber", 1, None)]
    ok(cli("dataset", "import", str(mine), "--as", "again", "--map", "date=When,area=Agency", "--date-order", "dmy",
           db=sqlite_url))
    png = tmp_path / "cmp.png"
    res = json.loads(ok(cli("compare", "mine", "again", "-f", "json", "--plot", str(png), db=sqlite_url)))
    assert res["pairs"][0]["summary"]["matched"] == 3
    assert png.read_bytes()[:4] == b"\x89PNG"
