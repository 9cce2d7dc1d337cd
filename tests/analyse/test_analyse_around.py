"""Strikes around political events and the random-date test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from strikewatch.analyse.around import PoliticalEvent, around, read_events
from strikewatch.analyse.records import TrackerStrike
from strikewatch.errors import UserError

D = dt.date


def regular_strikes(pauses: list[dt.date], pause_days: int = 45) -> list[TrackerStrike]:
    """A strike every second day 2010-2012, none for ``pause_days`` from each pause date."""
    rows = []
    day = D(2010, 1, 1)
    while day <= D(2012, 12, 31):
        if not any(p <= day < p + dt.timedelta(days=pause_days) for p in pauses):
            rows.append(TrackerStrike(date=day, killed_min=2, killed_max=3, civilians_min=0, civilians_max=1))
        day += dt.timedelta(days=2)
    return rows


def test_strikes_stop_after_events_is_detected() -> None:
    talks = [D(2010, 6, 1), D(2011, 3, 10), D(2012, 2, 20), D(2012, 9, 1)]
    rows = regular_strikes(talks)
    res = around(rows, [PoliticalEvent(d, f"talks {i}", "talks") for i, d in enumerate(talks)], window=30,
                 n_random=2000, seed=1)
    for e in res.events:
        assert e.after.strikes == 0
        assert e.before.strikes == 15
        assert (e.before.killed_min, e.before.killed_max) == (30, 45)
        assert e.covered and e.p_value is not None and e.p_value < 0.05
    assert res.statistic == -15.0
    assert res.p_value is not None and res.p_value < 0.01
    assert res.null_mean is not None and abs(res.null_mean) < 3
    assert res.by_category["talks"] == {"events": 4, "strikes_before": 60, "strikes_after": 0}


def test_no_effect_gives_large_p_and_is_reproducible() -> None:
    rows = regular_strikes([])
    events = [PoliticalEvent(D(2010, 7, 4), "a"), PoliticalEvent(D(2011, 8, 9), "b")]
    a = around(rows, events, window=20, n_random=1000, seed=7)
    b = around(rows, events, window=20, n_random=1000, seed=7)
    assert a.to_dict() == b.to_dict()
    assert a.p_value is not None and a.p_value > 0.2
    assert abs(a.statistic or 0) <= 1


def test_events_outside_the_span_are_not_tested() -> None:
    rows = regular_strikes([])
    res = around(rows, [PoliticalEvent(D(2015, 1, 1), "later")], window=30, n_random=200)
    assert not res.events[0].covered and res.events[0].p_value is None
    assert res.p_value is None and res.events[0].before.strikes == 0


def test_read_events(tmp_path: Path) -> None:
    f = tmp_path / "events.csv"
    f.write_text("date,label,category\n2014-02-06,Peace talks open,talks\n# a comment\n"
                 "2014-06-08,\"Airport attack, Karachi\",attack\n06/15/2014,Operation begins\n")
    evs = read_events(f)
    assert [(e.date, e.label, e.category) for e in evs] == [
        (D(2014, 2, 6), "Peace talks open", "talks"),
        (D(2014, 6, 8), "Airport attack, Karachi", "attack"),
        (D(2014, 6, 15), "Operation begins", None),
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text("2014-01-01,ok\nsoon,not a date\n")
    with pytest.raises(UserError, match="cannot read date"):
        read_events(bad)
    with pytest.raises(UserError):
        read_events(tmp_path / "missing.csv")
