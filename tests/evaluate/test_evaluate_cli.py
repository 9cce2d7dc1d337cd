"""The evaluate command for real in a subprocess: the TBIJ dev set, the seed checks, one-line user errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strikewatch.evaluate.dev_summaries import score_dev


def test_dev_and_seeds_json(shared_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("evaluate", "--set", "dev", "--json", "--data",
            str(shared_dir / "data/dev/dronestream_pakistan_2004_2010.json"))
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    rows = {row["measure"]: row for row in res["tables"][0]["rows"]}
    assert rows["found (a news event)"]["ours"]["n"] == 235
    # the baseline is read by the same code, in the same run
    assert rows["killed_min exact"]["baseline"]["n"] == 235
    assert rows["killed_min exact"]["ours"]["hits"] > rows["killed_min exact"]["baseline"]["hits"]
    r = cli("evaluate", "--set", "seeds", "--json")
    assert r.returncode == 0, r.stderr
    checks = json.loads(r.stdout)["tables"][0]["rows"]
    assert len(checks) == 8 and all(c["passed"] == "yes" for c in checks), checks
    assert "001 Karachi airport attack is a ground_attack" in {c["check"] for c in checks}


def test_dev_goals(shared_dir: Path) -> None:
    rates = score_dev(shared_dir / "data/dev/dronestream_pakistan_2004_2010.json").rates()
    assert rates["found"] >= 0.98
    assert rates["spurious_per_doc"] <= 0.01
    # the dev counts are an older snapshot that often disagrees with its own text (docs/extraction.md lists them);
    # this guards what the grammar reads today; where the summary states the figure, far more is exact
    assert rates["killed_min_exact"] >= 0.85
    assert rates["killed_min_exact_stated"] >= 0.93
    assert rates["range_overlap"] >= 0.93
    from strikewatch.geo import resolve

    if resolve("in Wana, South Waziristan", 0, 25) is not None:
        assert rates["agency_exact_named"] >= 0.97


@pytest.mark.parametrize("args", [("--set", "acled"), ("--set", "dev"), ("--set", "seeds"),
                                  ("--set", "dev", "--split", "test"), ("--set", "bogus"), ()])
def test_missing_data_or_bad_option_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli,  # type: ignore[no-untyped-def]
                                                args: tuple[str, ...]) -> None:
    (tmp_path / "data").mkdir()  # a shared folder without the sets
    monkeypatch.setenv("STRIKEWATCH_SHARED", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    r = cli("evaluate", *args)
    assert r.returncode == 2, r.stdout
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
