"""ACLED measures on rows we write ourselves in the export's format: the figure mapping (sum of killed_min over the
note's news events), zero-fatality rows, protest rows, Pakistan apart from other countries."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

from strikewatch.evaluate.extraction import (
    FATALITIES_EXACT,
    NO_EVENT,
    NO_KILLED,
    NO_STRIKE,
    acled_date,
    acled_outcomes,
    evaluate,
)
from strikewatch.evaluate.splits import acled_split
from strikewatch.schema import Event

COLUMNS = ["EVENT_ID_CNTY", "EVENT_DATE", "EVENT_TYPE", "COUNTRY", "ADMIN1", "NOTES", "FATALITIES"]
ROWS = [
    ("1PAK", "09-March-2015", "Remote violence", "Pakistan", "FATA",
     "A US drone fired two missiles at a compound near Mir Ali in North Waziristan on Monday, killing four "
     "suspected militants.", "4"),
    # the drone strike of last week is background: its nine dead are not this row's
    ("2PAK", "09-March-2015", "Battle-No change of territory", "Pakistan", "FATA",
     "Security forces and militants exchanged fire in Orakzai on Monday; three militants were killed. A drone strike "
     "in Tirah last week had killed nine.", "3"),
    # the coder's figure disagrees with the note: wrong whatever we read
    ("3PAK", "08-March-2015", "Violence Against Civilians", "Pakistan", "Balochistan",
     "Gunmen shot dead two shopkeepers in Quetta on Sunday.", "5"),
    ("4PAK", "10-March-2015", "Violence against civilians", "Pakistan", "Sindh",
     "Gunmen fired on a polio vaccination team in Karachi on Tuesday; no one was hurt.", "0"),
    ("5PAK", "11-March-2015", "Riots/Protests", "Pakistan", "Punjab",
     "Traders protested in Lahore on Wednesday against long power cuts.", "0"),
    ("6PAK", "11-March-2015", "Strategic development", "Pakistan", "Punjab",
     "The provincial government announced new rules for markets.", "0"),
    ("1IND", "05-March-2015", "Battle-No change of territory", "India", "Jammu and Kashmir",
     "Two soldiers were killed in a clash with militants in Kupwara district on Thursday.", "2"),
]


def write_csv(path: Path, rows: list[tuple[str, ...]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        w.writerows(rows)
    return path


def cells(rep: Any) -> dict[str, dict[str, Any]]:
    return {r["measure"]: r for r in rep.to_dict()["tables"][0]["rows"]}


def test_acled_table_by_area(tmp_path: Path) -> None:
    rep = evaluate("acled", "all", write_csv(tmp_path / "acled.csv", ROWS))
    t = cells(rep)
    pk = {m: (t[m]["Pakistan: ours"]["hits"], t[m]["Pakistan: ours"]["n"]) for m in t}
    assert pk[FATALITIES_EXACT] == (2, 3)
    assert pk[NO_KILLED] == (1, 1)
    assert pk[NO_STRIKE] == (1, 1) and pk[NO_EVENT] == (1, 1)
    assert t[FATALITIES_EXACT]["other countries: ours"] == {"share": 1.0, "hits": 1, "n": 1}
    assert t[NO_STRIKE]["other countries: ours"]["n"] == 0
    # the split: every Pakistan row is test, and a test row is never listed, even when read wrong (3PAK)
    dev = cells(evaluate("acled", "dev", tmp_path / "acled.csv"))
    assert dev[FATALITIES_EXACT]["Pakistan: ours"]["n"] == 0
    wrong_dev_row = ("3IND", "05-March-2015", "Battle-No change of territory", "India", "Jammu and Kashmir",
                     "Two soldiers were killed in a clash with militants in Kupwara district on Thursday.", "6")
    assert acled_split("3IND", "India") == "dev"
    listed = evaluate("acled", "all", write_csv(tmp_path / "more.csv", [*ROWS, wrong_dev_row]), misses=True).misses
    assert [(m["id"], m["expected"], m["got"]) for m in listed] == [("3IND", "6", 2)]


def test_outcomes_sum_news_events_only() -> None:
    row = {"EVENT_TYPE": "Remote violence", "FATALITIES": "7"}
    news = [Event(type="drone_strike", killed_min=4, killed_max=6), Event(type="air_strike", killed_min=3),
            Event(type="drone_strike", killed_max=9)]  # an unknown killed_min counts as 0
    referred = Event(type="drone_strike", role="background", killed_min=10, killed_max=10)
    comments = Event(type="drone_strike", section="comments", killed_min=2, killed_max=2)
    assert acled_outcomes(row, [*news, referred, comments]) == [(FATALITIES_EXACT, True)]
    assert acled_outcomes(row, news[:1]) == [(FATALITIES_EXACT, False)]
    zero = {"EVENT_TYPE": "Battle-No change of territory", "FATALITIES": "0"}
    assert acled_outcomes(zero, [Event(type="ground_attack", killed_min=0, killed_max=0), referred]) == [
        (NO_KILLED, True)]
    assert acled_outcomes(zero, [Event(type="ground_attack", killed_max=3)]) == [(NO_KILLED, False)]


def test_protest_rows() -> None:
    row = {"EVENT_TYPE": "Riots/Protests", "FATALITIES": "0"}
    assert acled_outcomes(row, []) == [(NO_STRIKE, True), (NO_EVENT, True)]
    assert acled_outcomes(row, [Event(type="ground_attack")]) == [(NO_STRIKE, True), (NO_EVENT, False)]
    referred = Event(type="air_strike", role="background", killed_min=4, killed_max=4)
    assert acled_outcomes(row, [referred]) == [(NO_STRIKE, False), (NO_EVENT, False)]
    assert acled_outcomes({"EVENT_TYPE": "Strategic development", "FATALITIES": "0"}, []) == []


def test_acled_date() -> None:
    assert acled_date("01-January-2015") == date(2015, 1, 1)
    assert acled_date("31-February-2015") is None and acled_date("") is None
