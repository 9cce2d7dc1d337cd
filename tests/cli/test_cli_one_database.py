"""One database unless told otherwise: read-only commands never create one; ingest ends with one summary line and
its progress is counted in articles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from swtest import ROOT

from strikewatch.db import open_db
from strikewatch.ingest.pipeline import ingest_sources

READ_ONLY = [
    ("strikes",), ("strike", "1"), ("articles",), ("article", "1"), ("export-site", "site"), ("check",),
    ("analyse", "totals"), ("compare", "own", "tbij"), ("claims", "--check", "own"), ("review", "log"),
    ("user", "list"), ("backup", "b.jsonl.gz"), ("serve", "--port", "1"), ("merge",), ("reextract",),
]


def _run(args: tuple[str, ...], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "strikewatch", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_read_only_commands_never_create_a_database(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "STRIKEWATCH_DB"}
    env["PYTHONPATH"] = str(ROOT)
    for args in READ_ONLY:
        res = _run(args, tmp_path, env)
        assert res.returncode == 2, (args, res.stdout, res.stderr)
        err = res.stderr.strip()
        assert "\n" not in err and "Traceback" not in err, (args, err)
        assert err.startswith(f"error: no database at {tmp_path / 'strikewatch.db'} (the default"), (args, err)
        assert "--db" in err and "strikewatch ingest" in err, err
        assert list(tmp_path.iterdir()) == [], (args, list(tmp_path.iterdir()))
    named = _run(("strikes", "--db", "elsewhere.db"), tmp_path, env)
    assert named.returncode == 2 and f"no database at {tmp_path / 'elsewhere.db'};" in named.stderr
    assert not (tmp_path / "elsewhere.db").exists()


def _report(i: int) -> str:
    return (f"WANA, South Waziristan — A US drone fired two missiles at a house in the village of Shin Warsak {i} "
            f"on Tuesday, killing {3 + i % 5} people, local officials said. The house belonged to a local elder. "
            f"Residents said the dead included {i % 3 + 1} guests from a nearby village. "
            f"It was strike number {i} of the month, an official said.")


def test_ingest_summary_and_progress_in_articles(cli, sqlite_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [{"id": f"r{i}", "text": _report(i), "published": "2013-03-05"} for i in range(6)]
    copies = [{"id": f"c{i}", "text": _report(0) + f"\n\nCopyright 2013 Agency {i}. {i + 2} min read",
               "published": "2013-03-05"} for i in range(3)]
    (tmp_path / "one.jsonl").write_text("\n".join(json.dumps(x) for x in lines + copies) + "\n\n")
    (tmp_path / "notes.md").write_text("not an article")
    calls: list[tuple[int, int]] = []
    rep = ingest_sources(open_db(sqlite_url), [str(tmp_path / "one.jsonl")],
                         progress=lambda done, total, _r: calls.append((done, total)))
    assert len(rep.stored) == 9
    # counted in articles (one JSONL file of nine), never beyond the total, ending at done == total
    assert calls[-1] == (9, 9) and len(calls) >= 9, calls
    assert all(d <= t for d, t in calls) and [d for d, _ in calls] == sorted(d for d, _ in calls)
    (tmp_path / "more").mkdir()
    for i in range(3):
        (tmp_path / "more" / f"c{i}.txt").write_text(_report(0) + f"\n\nShared by {i + 4} readers. Copyright 2013")
    (tmp_path / "more" / "notes.md").write_text("not an article")
    res = cli("ingest", str(tmp_path / "more"), db=sqlite_url)
    assert res.returncode == 0, res.stderr
    err = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert err[0] == "3 stored, 0 already present, 3 wire copies, 0 rejected, 1 skipped (--verbose lists them)"
    assert not any("wire copy:" in ln or ln.strip().startswith("skipped ") for ln in err), err
    assert any(ln.strip().startswith("publication dates: 3 unknown") for ln in err), err
    (tmp_path / "more" / "c9.txt").write_text(_report(0) + "\n\nPosted 6 March 2013. Copyright 2013")
    verbose = cli("ingest", str(tmp_path / "more"), "--verbose", db=sqlite_url)
    lines_v = verbose.stderr.splitlines()
    assert lines_v[0].startswith("1 stored, 3 already present, 1 wire copy, 0 rejected, 1 skipped")
    assert any("wire copy: article" in ln for ln in lines_v)
    assert any(ln.strip().startswith("skipped ") for ln in lines_v)
    assert any("1 from a published/updated line" in ln for ln in lines_v), lines_v


@pytest.mark.parametrize("command", ["strikes", "articles"])
def test_an_empty_database_says_where_it_is(cli, sqlite_url: str, tmp_path: Path, command: str) -> None:  # type: ignore[no-untyped-def]
    open_db(sqlite_url)
    res = cli(command, db=sqlite_url)
    assert res.returncode == 0
    assert "strikewatch ingest" in (res.stdout + res.stderr)
