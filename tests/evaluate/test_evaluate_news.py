"""The real-news measures on a small set of our own reports: found, tolls, spurious, negatives, places, skipped
labels, and the test split printed as aggregates only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from support.realnews import strike, url_in, write_set

from strikewatch.errors import UserError
from strikewatch.evaluate.extraction import evaluate
from strikewatch.evaluate.tables import Report

MIR_ALI = ("A US drone fired two missiles at a compound near Mir Ali in North Waziristan on Monday, killing four "
           "suspected militants, local officials said.")
DATTA_KHEL = ("Missiles fired by a drone killed at least 10 people in Datta Khel, North Waziristan, early on Sunday, "
              "officials said. Last month a drone strike in Shawal killed three.")
PETITION = ("Lawyers for the families of drone victims filed a petition in the Peshawar High Court on Wednesday "
            "asking for a criminal case.")
SAADA = ("Saudi-led coalition warplanes struck a market in Saada province on Tuesday, killing 12 to 15 civilians, "
         "residents said.")


def pk(role: str = "news", **fields: Any) -> dict[str, Any]:
    return strike(role, country="PK", admin1="FATA", **fields)


def rows(rep: Report) -> dict[str, dict[str, Any]]:
    return {r["measure"].split(" (")[0]: r for r in rep.to_dict()["tables"][0]["rows"]}


def ours(rep: Report, measure: str) -> tuple[int, int]:
    cell = rows(rep)[measure]["ours"]
    return cell["hits"], cell["n"]


@pytest.fixture
def news_set(tmp_path: Path) -> Path:
    return write_set(tmp_path / "realnews", [
        # read right: date, toll, agency
        {"id": "t-1", "url": url_in("dev", "mir-ali"), "published": "2015-03-10", "text": MIR_ALI,
         "strikes": [pk(date="2015-03-09", admin2="North Waziristan", place="Mir Ali", killed_min=4, killed_max=4)]},
        # an open bound ("at least 10") kept open; the referred strike is labelled too, so it is not spurious
        {"id": "t-2", "url": url_in("dev", "datta-khel"), "published": "2015-03-09", "text": DATTA_KHEL,
         "strikes": [pk(date="2015-03-08", admin2="North Waziristan", killed_min=10),
                     pk("referred", date="2015-02", admin2="North Waziristan", killed_min=3, killed_max=3)]},
        # the label puts the strike a week earlier: no prediction matches, the label counts as wrong and ours as
        # spurious
        {"id": "t-3", "url": url_in("dev", "saada"), "published": "2016-04-06", "text": SAADA,
         "strikes": [strike(country="YE", admin1="Saada", date="2016-03-29", killed_min=12, killed_max=15)]},
        # a negative
        {"id": "t-4", "url": url_in("dev", "petition"), "published": "2015-03-11", "text": PETITION, "strikes": []},
        # its text is missing: skipped and counted
        {"id": "t-5", "url": url_in("dev", "gone"), "published": "2015-03-11", "text": None,
         "strikes": [pk(killed_min=1, killed_max=1)]},
    ])


def test_news_measures(news_set: Path) -> None:
    rep = evaluate("news", "dev", news_set, misses=True)
    assert ours(rep, "found") == (2, 3)
    assert ours(rep, "killed_min exact") == (2, 3)  # Mir Ali 4, Datta Khel >= 10; Saada unmatched: wrong
    assert ours(rep, "killed_max exact") == (2, 3)  # 4 and the open bound
    assert ours(rep, "spurious") == (1, 4)  # Mir Ali, Datta Khel, Shawal matched; Saada not
    assert ours(rep, "negatives clean") == (1, 1)
    assert ours(rep, "admin2 exact") == (3, 3)  # on matched pairs: FATA's agencies in the gazetteer's naming
    assert "1 text missing" in rep.notes[0]
    assert {m["id"] for m in rep.misses} == {"t-3"}
    assert "strike 0 not found" in rep.misses[0]["problem"] and "1 spurious" in rep.misses[0]["problem"]


def test_baseline_scored_by_the_same_code(news_set: Path) -> None:
    table = rows(evaluate("news", "dev", news_set))
    base = {k: (r["baseline"]["hits"], r["baseline"]["n"]) for k, r in table.items()}
    # one strike an article, its toll the first number beside a kill word; never a date or a place
    # with no date the Saada reading is compatible with the label that ours misses by a week
    assert base["found"] == (3, 3)
    assert base["killed_min exact"] == (3, 3)  # 'killing four', 'killed at least 10', 'killing 12 to 15'
    assert base["killed_max exact"] == (1, 3)  # a single figure: never an open bound, never a range
    assert base["negatives clean"] == (0, 1)  # 'drone victims' is a strike word ...
    assert base["spurious"] == (1, 4)  # ... and that strike matches no label
    assert base["admin2 exact"] == (0, 2) and base["admin1 exact"] == (0, 1)


def test_test_split_prints_aggregates_only(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    root = write_set(tmp_path / "rn", [
        {"id": "x-1", "url": url_in("test", "a"), "published": "2016-04-06", "text": SAADA,
         "strikes": [strike(country="YE", date="2016-03-01", killed_min=1, killed_max=1)]},
        {"id": "x-2", "url": url_in("dev", "b"), "published": "2016-04-06", "text": SAADA,
         "strikes": [strike(country="YE", date="2016-03-01", killed_min=1, killed_max=1)]},
    ])
    r = cli("evaluate", "--set", "news", "--split", "test", "--data", str(root), "--mismatches", "--json")
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    assert res["tables"][0]["rows"][0]["ours"] == {"share": 0.0, "hits": 0, "n": 1}
    assert res["misses"] == []
    r = cli("evaluate", "--set", "news", "--split", "all", "--data", str(root), "--mismatches")
    assert r.returncode == 0, r.stderr
    assert "x-2" in r.stdout and "x-1" not in r.stdout
    assert "0.000 (0/2)" in r.stdout


def test_no_labels_is_one_clear_error(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match="no real-news labels"):
        evaluate("news", "dev", tmp_path)
    r = cli("evaluate", "--set", "news", "--data", str(tmp_path / "nowhere"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "no real-news labels" in r.stderr
