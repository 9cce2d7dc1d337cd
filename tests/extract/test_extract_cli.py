"""The extract command, run for real in a subprocess (evaluate: tests/evaluate/)."""

from __future__ import annotations

import json
from pathlib import Path


def test_extract_jsonl_one_line_per_input_line(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    lines = [
        json.dumps({"id": "a", "text": "A drone strike killed three people in Mir Ali on Monday.",
                    "published": "2012-03-07", "url": None}),
        "{not json",
        "",
        json.dumps({"id": "b", "text": "", "published": None}),
        json.dumps({"id": "c", "text": "Ein Drohnenangriff. 三人死亡。", "published": "2012-13-45"}),
        json.dumps(["a list"]),
        json.dumps({"id": "d", "text": 5}),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("extract", "--jsonl", str(src))
    assert r.returncode == 0, r.stderr
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(out) == len(lines)
    assert [o["id"] for o in out] == ["a", None, None, "b", "c", None, "d"]
    assert out[0]["events"][0]["killed_min"] == 3 and out[0]["events"][0]["date"] == "2012-03-05"
    for o in out[1:]:
        assert o["events"] == []
    assert "error" in out[1] and "error" in out[2] and "error" in out[4] and "error" in out[6]
    assert "error" not in out[3]


def test_extract_files_and_user_errors(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "report.txt"
    f.write_text("Pakistani helicopter gunships killed 7 militants in Orakzai on Sunday.", encoding="utf-8")
    r = cli("extract", str(f), "--published", "2013-04-09")
    assert r.returncode == 0, r.stderr
    ev = json.loads(r.stdout)["events"][0]
    assert (ev["type"], ev["perpetrator"], ev["killed_min"], ev["date"]) == ("air_strike", "PK", 7, "2013-04-07")
    assert {e["field"] for e in ev["evidence"]} >= {"type", "perpetrator", "killed_min", "date"}
    r = cli("extract", str(f), "--published", "yesterday")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr and "Traceback" not in r.stderr
    r = cli("extract", str(tmp_path / "missing.txt"))
    assert r.returncode == 2 and "no such file" in r.stderr
