"""The real `strikewatch` command in subprocesses, on SQLite and PostgreSQL: the seeds, bad input, two at once.

kill -9 during ingest (and merge, review, re-extraction, backup) is tested in one place: tests/ops/test_crash_kill9.py.
"""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, func, select

from strikewatch.db.engine import database_url
from strikewatch.db.tables import Article

LIST_FIELDS = {"id", "sha256", "title", "url", "outlet", "published", "published_basis", "n_chars", "dup_of"}
PLACES = ["Miranshah", "Datta Khel", "Mir Ali", "Wana", "Shawal", "Spinwam", "Ghulam Khan", "Razmak", "Makeen"]
TARGETS = ["house", "vehicle", "compound", "madrassa", "motorcycle"]
SOURCES = ["officials", "residents", "tribal elders", "intelligence officers", "a local journalist"]


def report_text(i: int) -> str:
    """A short report of our own, different for every i."""
    r = random.Random(i)
    place, n = r.choice(PLACES), r.randint(1, 20)
    paras = [
        f"Strike number {i} reported near {place}",
        f"A drone strike hit a {r.choice(TARGETS)} near {place} on day {i} of the month, killing {n} people, "
        f"{r.choice(SOURCES)} said on condition of anonymity.",
        " ".join(
            f"{r.choice(SOURCES).capitalize()} said {r.randint(2, 99)} {r.choice(['drones', 'missiles', 'homes'])} "
            f"were {r.choice(['seen', 'counted', 'heard', 'reported'])} around {r.choice(PLACES)}."
            for _ in range(6)
        ),
    ]
    return "\n\n".join(paras) + "\n"


def count_articles(url: str) -> int:
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(Article)).scalar_one())
    except Exception:
        return 0  # not migrated yet
    finally:
        engine.dispose()


def test_seeds_stored_once_and_listed(cli, db_url: str, shared_dir: Path) -> None:  # type: ignore[no-untyped-def]
    seeds = shared_dir / "seeds"
    first = cli("ingest", str(seeds), db=db_url)
    assert first.returncode == 0, first.stderr
    assert "5 stored, 0 already present, 0 wire copies, 0 rejected" in first.stderr
    assert "ingesting" not in first.stderr  # no progress bar when stderr is not a terminal
    second = cli("ingest", str(seeds), db=db_url)
    assert second.returncode == 0, second.stderr
    assert "0 stored, 5 already present" in second.stderr
    listed = cli("articles", "--format", "json", db=db_url)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == 5 and all(set(r) == LIST_FIELDS for r in rows)
    assert sorted(r["n_chars"] > 1000 for r in rows) == [True] * 5
    assert len({r["sha256"] for r in rows}) == 5
    shown = cli("article", str(rows[2]["id"]), "--format", "json", db=db_url)
    d = json.loads(shown.stdout)
    assert d["id"] == rows[2]["id"] and d["text"] and "events" in d
    table = cli("articles", db=db_url)
    assert table.returncode == 0 and "published" in table.stdout


def test_bad_inputs_rejected_one_line_each(cli, sqlite_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(report_text(1))
    (d / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (d / "empty.html").write_bytes(b"")
    (d / "huge.txt").write_text(report_text(2) * 200)
    (d / "broken.html").write_text("<html><body><p>" + report_text(3) + "</div></table>")
    (d / "cp1252.txt").write_bytes(report_text(4).encode("cp1252") + "Caf\u00e9 owners\u2019 account.".encode("cp1252"))
    (d / "lines.jsonl").write_text(
        json.dumps({"id": "ok", "text": report_text(5), "published": "2014-06-12"})
        + "\n{broken\n"
        + json.dumps({"id": "bad-date", "text": report_text(6), "published": "12 June 2014"})
        + "\n"
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story.html"
    res = cli(
        "ingest", str(d), url, str(tmp_path / "missing.txt"), "--max-size", "0.01", "--timeout", "2", db=sqlite_url
    )
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert "4 stored, 0 already present, 0 wire copies, 7 rejected" in res.stderr
    lines = [ln.strip() for ln in res.stderr.splitlines() if ln.strip().startswith("rejected")]
    expect = {
        str(d / "photo.txt"): "PNG",
        str(d / "empty.html"): "empty",
        str(d / "huge.txt"): "too large",
        f"{d / 'lines.jsonl'}:2": "malformed JSON",
        f"{d / 'lines.jsonl'}:3": "YYYY-MM-DD",
        url: "unreachable",
    }
    assert len(lines) == len(expect) + 1  # + missing.txt
    for src, why in expect.items():
        assert any(ln.startswith(f"rejected {src}: ") and why in ln for ln in lines), (src, lines)
    assert any(str(tmp_path / "missing.txt") in ln and "no such file" in ln for ln in lines)
    rows = json.loads(cli("articles", "--format", "json", db=sqlite_url).stdout)
    assert len(rows) == 4
    again = cli("ingest", str(d / "good.txt"), db=sqlite_url)
    assert again.returncode == 0 and "0 stored, 1 already present" in again.stderr


def test_user_errors_are_one_line(cli, sqlite_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(report_text(7))
    bad_date = cli("ingest", str(tmp_path / "a.txt"), "--published", "June 2014", db=sqlite_url)
    assert bad_date.returncode == 2 and bad_date.stderr.strip().count("\n") == 0 and "YYYY-MM-DD" in bad_date.stderr
    no_db = cli("article", "4242", db=sqlite_url)  # read-only commands never create the database
    assert no_db.returncode == 2 and no_db.stderr.startswith("error: no database at ") and "--db" in no_db.stderr
    assert cli("ingest", str(tmp_path / "a.txt"), db=sqlite_url).returncode == 0
    missing = cli("article", "4242", db=sqlite_url)
    assert missing.returncode == 2 and "no article with id 4242" in missing.stderr and "Traceback" not in missing.stderr
    bad_db = cli("articles", db="postgresql://nobody@127.0.0.1:1/none")
    assert bad_db.returncode == 2 and "Traceback" not in bad_db.stderr and bad_db.stderr.startswith("error:")


def test_published_option_and_default_db_in_cwd(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(report_text(8))
    env = {k: v for k, v in os.environ.items() if k != "STRIKEWATCH_DB"}
    run = subprocess.run(
        [sys.executable, "-m", "strikewatch", "ingest", "a.txt", "--published", "2014-06-12"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "strikewatch.db").exists()
    listed = subprocess.run(
        [sys.executable, "-m", "strikewatch", "articles", "--format", "json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    [row] = json.loads(listed.stdout)
    assert (row["published"], row["published_basis"]) == ("2014-06-12", "cli")
    assert row["title"] == "Strike number 8 reported near " + report_text(8).split("near ", 1)[1].split("\n")[0]


def test_two_ingests_at_once_store_each_once(db_url: str, tmp_path: Path) -> None:
    n = 30
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(report_text(1000 + i))
    env = dict(os.environ, STRIKEWATCH_DB=db_url)
    (tmp_path / "none").mkdir()  # make (and migrate) the database first: `articles` only reads one that exists
    subprocess.run([sys.executable, "-m", "strikewatch", "ingest", str(tmp_path / "none")], env=env,
                   capture_output=True, timeout=120)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "strikewatch", "ingest", str(folder), "--format", "json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outs]
    summaries = [json.loads(o[0]) for o in outs]
    assert sum(s["stored"] for s in summaries) == n
    assert all(s["stored"] + s["already_present"] == n for s in summaries)
    assert count_articles(db_url) == n


def test_progress_bar_on_a_terminal(sqlite_url: str, tmp_path: Path) -> None:
    import pty

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(report_text(2000 + i))
    master, slave = pty.openpty()
    env = dict(os.environ, STRIKEWATCH_DB=sqlite_url, COLUMNS="100")
    proc = subprocess.Popen([sys.executable, "-m", "strikewatch", "ingest", str(folder), "--no-extract"],
                            stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=120)
    os.close(master)
    import re

    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.decode("utf-8", "replace"))
    assert proc.returncode == 0, shown
    assert "ingesting" in shown and "5/5" in shown
    assert "5 stored, 0 already present" in shown
