"""kill -9 at random points during ingest, merge, review, re-extraction and backup, on SQLite and PostgreSQL.

A worker subprocess imports strikewatch once (extractor warmed up) and forks one child per operation; the test
sends SIGKILL to the child after a random delay drawn within that operation's measured duration, so kills land
in reading, extracting, storing, merging and reviewing alike. After every kill:

- nothing stored before is gone: every article (id, raw sha256) and every review action (id, action, args,
  reason) seen in any earlier snapshot is still there, unchanged;
- for operations that commit whole units (ingest, merge, review, backup) the integrity check passes at once;
- a killed re-extraction (which commits article by article) is re-run, as a user would, and then the check
  passes.

At the end every input is ingested again: each article is stored exactly once, nothing is left queued, and the
real ``strikewatch check`` command exits 0. At least 20 kills must land while the operation is running.

Run as a script this file is the worker: ``python tests/test_crash_kill9.py worker``.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parents[1]  # the tests folder
MIN_LANDED = 20
MAX_CYCLES = 60
N_BATCHES = 6
PER_BATCH = 4


# --- the worker (runs in its own process) -------------------------------------------------------------------


def _child(cmd: dict[str, Any]) -> int:
    """One operation in a forked child; the exit code tells the parent how it ended."""
    from strikewatch.db import open_db, session_scope
    from strikewatch.db.engine import dispose_all
    from strikewatch.errors import UserError

    dispose_all()
    engine = open_db(cmd["db"])
    op = cmd["op"]
    try:
        if op == "ingest":
            from strikewatch.ingest.pipeline import ingest_sources

            rep = ingest_sources(engine, cmd["paths"])
            if rep.merge_error or rep.rejected:
                raise RuntimeError(f"ingest: {rep.merge_error} {rep.rejected}")
        elif op == "merge":
            from strikewatch.merge import update_strikes

            update_strikes(engine, None)
        elif op == "reextract":
            from strikewatch.ingest.pipeline import reextract

            rex = reextract(engine, all_articles=True)
            if rex.failed or rex.merge_error:
                raise RuntimeError(f"reextract: {rex.failed} {rex.merge_error}")
        elif op == "review":
            _review(engine, session_scope, random.Random(cmd["seed"]), cmd["kind"])
        elif op == "backup":
            from strikewatch.ops.backup import backup

            backup(engine, Path(cmd["file"]), overwrite=True)
        else:
            raise ValueError(op)
    except UserError:
        return 4  # a review the rules refuse (e.g. nothing left to split): not a failure
    return 0


def _review(engine: Any, session_scope: Any, rng: random.Random, kind: str) -> None:
    from sqlalchemy import select

    from strikewatch.db.tables import Strike
    from strikewatch.merge import review

    with session_scope(engine) as s:
        act = list(s.scalars(select(Strike).where(Strike.status == "active").order_by(Strike.id)))
        if len(act) < 3:
            kind = "set"
        if kind == "merge":
            a, b = rng.sample(act, 2)
            review.merge(s, a.id, b.id, by="crash-test", reason=f"merge {rng.random():.6f}")
        elif kind == "split":
            multi = [x for x in act if len((x.why or {}).get("members", [])) >= 2]
            if not multi:
                kind = "set"
            else:
                x = rng.choice(multi)
                review.split(s, x.id, [x.why["members"][0][1]], by="crash-test", reason="split")
        if kind == "reject":
            review.reject(s, rng.choice(act).id, by="crash-test", reason="not a strike")
        elif kind == "set":
            x = rng.choice(act)
            review.set_fields(s, x.id, {"killed_max": str(rng.randint(1, 99)), "target": f"house {rng.randint(1, 9)}"},
                              by="crash-test", reason="local report")


def worker() -> None:
    """Read one JSON command per line; fork a child for it; report its pid, then how it ended."""
    from strikewatch.store.articles import run_extractor

    run_extractor("A drone strike near Miranshah killed four people on Monday, officials said.", None, None, "warm")
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    for line in sys.stdin:
        cmd = json.loads(line)
        t0 = time.monotonic()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                code = _child(cmd)
            except BaseException:
                Path(cmd["errfile"]).write_text(traceback.format_exc())
                code = 3
            finally:
                os._exit(code)
        out.write(json.dumps({"pid": pid}) + "\n")
        out.flush()
        _, status = os.waitpid(pid, 0)
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        out.write(json.dumps({"signal": sig, "code": code, "secs": time.monotonic() - t0}) + "\n")
        out.flush()


# --- the test ---------------------------------------------------------------------------------------------------


class Worker:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "worker"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, bufsize=1, cwd=str(tmp))
        assert self.read_line() == "ready"

    def read_line(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, "the worker died"
        return line.strip()

    def run(self, cmd: dict[str, Any], kill_after: float | None) -> dict[str, Any]:
        assert self.proc.stdin is not None
        errfile = self.tmp / f"err-{time.monotonic_ns()}.txt"
        self.proc.stdin.write(json.dumps({**cmd, "errfile": str(errfile)}) + "\n")
        self.proc.stdin.flush()
        pid = json.loads(self.read_line())["pid"]
        if kill_after is not None:
            time.sleep(kill_after)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        res: dict[str, Any] = json.loads(self.read_line())
        if res["code"] == 3:
            pytest.fail(f"{cmd['op']} failed:\n{errfile.read_text()}")
        assert res["code"] in (0, 4, None), res
        return res

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _assert_kept(prev: tuple[dict[int, str], dict[int, Any]], now: tuple[dict[int, str], dict[int, Any]],
                 what: str) -> None:
    for aid, sha in prev[0].items():
        assert now[0].get(aid) == sha, f"after {what}: article {aid} lost or changed"
    for rid, act in prev[1].items():
        assert now[1].get(rid) == act, f"after {what}: review action {rid} lost or changed"


@pytest.mark.slow
def test_kill_9_at_random_points_loses_nothing(db_url: str, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    from support.hardening import articles_and_actions, synth_files

    from strikewatch.db import open_db
    from strikewatch.ops.integrity import check

    rng = random.Random(int(os.environ.get("STRIKEWATCH_CRASH_SEED", "9")))
    batches = []
    for b in range(N_BATCHES):
        synth_files(tmp_path / f"batch{b}", PER_BATCH, seed=3, start=b * PER_BATCH)
        batches.append(str(tmp_path / f"batch{b}"))
    engine = open_db(db_url)  # migrated once, before any child runs
    w = Worker(tmp_path)
    est = {"ingest": 1.5, "merge": 0.6, "review": 0.4, "reextract": 3.0, "backup": 0.3}
    landed: dict[str, int] = {k: 0 for k in est}
    completed: dict[str, int] = {k: 0 for k in est}
    snap = articles_and_actions(db_url)
    seen_ingest = 0
    try:
        # a first batch, whole, so that there is something to merge and review
        w.run({"op": "ingest", "db": db_url, "paths": [batches[0]]}, None)
        seen_ingest = 1
        cycle = 0
        while (sum(landed.values()) < MIN_LANDED or min(landed[k] for k in ("ingest", "merge", "review")) < 3
               or completed["review"] < 3):
            cycle += 1
            assert cycle <= MAX_CYCLES, f"only {landed} kills landed in {MAX_CYCLES} cycles"
            choice = rng.choices(["ingest", "merge", "review", "reextract", "backup"], [4, 3, 4, 1, 2])[0]
            if choice == "ingest":
                nxt = min(seen_ingest, N_BATCHES - 1)
                cmd: dict[str, Any] = {"op": "ingest", "db": db_url, "paths": [batches[nxt]]}
                seen_ingest = min(seen_ingest + 1, N_BATCHES)
            elif choice == "review":
                cmd = {"op": "review", "db": db_url, "seed": rng.randrange(10**9),
                       "kind": rng.choice(["merge", "split", "set", "reject"])}
            elif choice == "backup":
                cmd = {"op": "backup", "db": db_url, "file": str(tmp_path / "backup.jsonl.gz")}
            else:
                cmd = {"op": choice, "db": db_url}
            # about one operation in seven runs to its end: it measures the operation's duration (the kills are
            # drawn within it) and gives later kills committed work (articles, review actions) to lose
            kill = rng.random() >= 0.15 and completed[choice] > (2 if choice == "review" else 0)
            res = w.run(cmd, rng.uniform(0.05, 0.95) * est[choice] if kill else None)
            if res["signal"] == signal.SIGKILL:
                landed[choice] += 1
            else:
                completed[choice] += 1
                est[choice] = 0.5 * est[choice] + 0.5 * res["secs"]
            now = articles_and_actions(db_url)
            _assert_kept(snap, now, f"kill during {choice}")
            if choice != "reextract":
                report = check(engine)
                assert report.ok, (choice, res, report.to_dict())
            if choice == "backup" and (tmp_path / "backup.jsonl.gz").exists():
                # a backup file, when there is one, is always whole: its trailer is there
                import gzip

                with gzip.open(tmp_path / "backup.jsonl.gz", "rt") as fh:
                    last = fh.read().rstrip("\n").rsplit("\n", 1)[-1]
                assert json.loads(last).get("end_of_backup") is True
            # a re-extraction commits article by article, so its strikes are whole again only after the re-run a
            # user would do (killed ingests and merges need none: the check above passed, and the next ingest
            # finishes whatever they left queued)
            if choice == "reextract" and res["signal"] == signal.SIGKILL:
                w.run(cmd, None)
                report = check(engine)
                assert report.ok and not report.pending, (choice, report.to_dict())
            snap = articles_and_actions(db_url)
        # everything ingested once more: each input stored exactly once, nothing queued, the command agrees
        w.run({"op": "ingest", "db": db_url, "paths": batches}, None)
    finally:
        w.close()
    arts, acts = articles_and_actions(db_url)
    _assert_kept(snap, (arts, acts), "the final ingest")
    assert len(arts) == len(set(arts.values())) == N_BATCHES * PER_BATCH
    report = check(engine)
    assert report.ok and not report.pending, report.to_dict()
    out = cli("check", db=db_url)
    assert out.returncode == 0, out.stdout + out.stderr
    assert sum(landed.values()) >= MIN_LANDED and len(acts) >= 3
    print(f"\nkills landed: {landed}; completed without a kill: {completed}; review actions kept: {len(acts)}; "
          f"durations: {est}")
    _record_figures(db_url, landed, completed, len(acts))


def _record_figures(db_url: str, landed: dict[str, int], completed: dict[str, int], n_actions: int) -> None:
    """Figures for docs/reliability.md (written under artifacts/, not checked)."""
    out = HERE.parent / "artifacts" / "hardening"
    out.mkdir(parents=True, exist_ok=True)
    kind = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    (out / f"crash-{kind}.json").write_text(json.dumps({"landed": landed, "completed": completed,
                                                        "review_actions": n_actions}, indent=1))


if __name__ == "__main__" and sys.argv[1:] == ["worker"]:
    sys.path.insert(0, str(HERE))
    worker()
