"""Two ingests and a reviewer at once, as real processes, on SQLite (WAL, busy timeout) and PostgreSQL.

The two ingests read the same two folders in opposite orders (every article is raced for), and the folders
hold further reports of strikes already on record, so the merge of each ingest rewrites the very records the
reviewer is editing. Afterwards: no article stored twice, every review action the reviewer saw committed is in
the log, the last value a reviewer set on each record is the record's value (no lost update), nothing is left
queued and the integrity check passes.

Run as a script this file is the reviewer: ``python tests/test_concurrency_writers.py reviewer DB STOPFILE``.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[1]  # the tests folder


def reviewer(db: str, stop: Path) -> None:
    """Edit random active records until ``stop`` exists; one JSON line per committed action on stdout."""
    from sqlalchemy import select

    from strikewatch.db import open_db, session_scope
    from strikewatch.db.tables import Strike
    from strikewatch.errors import UserError
    from strikewatch.merge import review

    rng = random.Random(5)
    engine = open_db(db)
    n = 0
    while n < 6 or not stop.exists():
        if n >= 200:
            break
        with session_scope(engine) as s:
            ids = list(s.scalars(select(Strike.id).where(Strike.status == "active").order_by(Strike.id)))
        if len(ids) < 2:
            break
        sid = rng.choice(ids)
        value = str(rng.randint(1, 500))
        try:
            with session_scope(engine) as s:
                if n == 6:  # one rejection; the rest are edits
                    aid = review.reject(s, sid, by="rev", reason="not a strike")
                    done = {"action": aid, "strike": sid, "reject": True}
                else:
                    [aid] = review.set_fields(s, sid, {"killed_max": value}, by="rev", reason=f"edit {n}")
                    done = {"action": aid, "strike": sid, "field": "killed_max", "value": int(value)}
        except UserError as exc:  # the record was merged or rejected meanwhile: a reviewer would pick another
            sys.stderr.write(f"refused: {exc}\n")
            continue
        sys.stdout.write(json.dumps(done) + "\n")
        sys.stdout.flush()
        n += 1
        time.sleep(0.02)


@pytest.mark.slow
def test_two_ingests_and_a_reviewer_at_once(db_url: str, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select
    from support.hardening import articles_and_actions, synth_files

    from strikewatch.db import open_db, session_scope
    from strikewatch.db.tables import Strike
    from strikewatch.ingest.pipeline import ingest_sources
    from strikewatch.ops.integrity import check

    files = synth_files(tmp_path / "all", 36, seed=11)
    groups = [tmp_path / g for g in ("a", "b", "c")]
    for i, f in enumerate(files):  # reports of one strike are neighbours in the stream: spread them over a/b/c
        groups[i % 3].mkdir(exist_ok=True)
        f.rename(groups[i % 3] / f.name)
    engine = open_db(db_url)
    first = ingest_sources(engine, [str(groups[0])])
    assert first.merge_error is None and len(first.stored) == 12
    with session_scope(engine) as s:
        reports_before = {x.id: x.n_reports for x in s.scalars(select(Strike).where(Strike.status == "active"))}
    assert len(reports_before) >= 3
    stop = tmp_path / "stop"
    env = dict(os.environ, STRIKEWATCH_DB=db_url)
    rev = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "reviewer", db_url, str(stop)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=str(HERE))
    time.sleep(0.5)
    ingests = [subprocess.Popen([sys.executable, "-m", "strikewatch", "ingest", *order, "--format", "json"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
               for order in ([str(groups[1]), str(groups[2])], [str(groups[2]), str(groups[1])])]
    outs = [p.communicate(timeout=600) for p in ingests]
    stop.touch()
    rev_out, rev_err = rev.communicate(timeout=600)
    assert rev.returncode == 0, rev_err
    for p, (_out, err) in zip(ingests, outs, strict=True):
        assert p.returncode == 0, err
    summaries = [json.loads(o) for o, _ in outs]
    assert sum(s["stored"] for s in summaries) == 24
    assert all(s["stored"] + s["already_present"] == 24 and s["merge_error"] is None for s in summaries)

    arts, acts = articles_and_actions(db_url)
    assert len(arts) == len(set(arts.values())) == 36  # no article twice
    done = [json.loads(line) for line in rev_out.splitlines()]
    assert len(done) >= 6
    for d in done:  # every committed review action is in the log
        assert d["action"] in acts
    last: dict[int, int] = {}
    rejected: set[int] = set()
    for d in sorted(done, key=lambda d: d["action"]):
        if d.get("reject"):
            rejected.add(d["strike"])
        else:
            last[d["strike"]] = d["value"]
    with session_scope(engine) as s:
        rows = {x.id: x for x in s.scalars(select(Strike))}
    for sid, value in last.items():  # no lost update: the reviewer's last value stands on every live record
        if rows[sid].status in ("active", "rejected"):
            assert rows[sid].killed_max == value, (sid, rows[sid].killed_max, value)
    for sid in rejected:
        assert rows[sid].status != "active"
    # the race was real: records the reviewer edited also gained reports from the concurrent ingests
    grown = [sid for sid in last if rows[sid].status == "active" and rows[sid].n_reports > reports_before.get(sid, 99)]
    assert grown, (last, reports_before, {i: r.n_reports for i, r in rows.items()})
    print(f"\n{len(done)} review actions during the ingests; {len(grown)} edited records grew meanwhile")
    report = check(engine)
    assert report.ok and not report.pending, report.to_dict()


if __name__ == "__main__" and sys.argv[1:2] == ["reviewer"]:
    reviewer(sys.argv[2], Path(sys.argv[3]))
