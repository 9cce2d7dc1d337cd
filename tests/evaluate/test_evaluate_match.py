"""Matching predicted strikes to labelled strikes: compatibility and the greedy best-first pairing."""

from __future__ import annotations

from datetime import date
from typing import Any

from support.realnews import strike

from strikewatch.evaluate.strike_match import LabelStrike, compatible, label_dates, match
from strikewatch.geo import get_gazetteer
from strikewatch.schema import Event


def label(**fields: Any) -> LabelStrike:
    return LabelStrike.from_label(strike(**fields))


def test_dates_within_a_day_or_unknown() -> None:
    s = label(date="2015-03-09", country="PK", killed_min=4, killed_max=4)
    assert compatible(Event(type="drone_strike", date=date(2015, 3, 10), killed_min=4, killed_max=4), s)
    assert not compatible(Event(type="drone_strike", date=date(2015, 3, 11), killed_min=4, killed_max=4), s)
    assert compatible(Event(type="drone_strike", killed_min=4, killed_max=4), s)
    assert compatible(Event(type="drone_strike", date=date(2015, 5, 1)), label(killed_min=4, killed_max=4))
    # a label's month is any of its days
    assert label_dates("2015-02") == (date(2015, 2, 1), date(2015, 2, 28))
    assert compatible(Event(type="air_strike", date=date(2015, 3, 1)), label(date="2015-02"))
    assert not compatible(Event(type="air_strike", date=date(2015, 3, 2)), label(date="2015-02"))


def test_tolls_overlap_with_open_bounds_and_countries_agree() -> None:
    at_least_10 = label(killed_min=10)
    assert compatible(Event(type="drone_strike", killed_min=12, killed_max=15), at_least_10)
    assert not compatible(Event(type="drone_strike", killed_min=3, killed_max=3), at_least_10)
    assert compatible(Event(type="drone_strike"), at_least_10)  # we state no toll: unknown is compatible
    up_to_7 = label(killed_max=7)
    assert compatible(Event(type="drone_strike", killed_min=5), up_to_7)
    assert not compatible(Event(type="drone_strike", killed_min=8), up_to_7)
    assert not compatible(Event(type="air_strike", country="AF"), label(country="PK"))
    assert compatible(Event(type="air_strike"), label(country="PK"))


def test_greedy_pairing_prefers_same_day_then_toll_then_place() -> None:
    gaz = get_gazetteer()
    labels = [label(date="2015-03-09", country="PK", admin2="North Waziristan", killed_min=4, killed_max=4),
              label(role="referred", date="2015-03-08", country="PK", admin2="Khyber", killed_min=2, killed_max=6)]
    preds = [Event(type="drone_strike", date=date(2015, 3, 8), country="PK", killed_min=3, killed_max=3),
             Event(type="drone_strike", date=date(2015, 3, 9), country="PK", killed_min=4, killed_max=4)]
    # both predictions are compatible with the first label; the same-day one wins it, the other pairs with the second
    assert match(gaz, preds, labels) == {0: 1, 1: 0}
    # equal days: the overlapping toll decides
    same_day = [label(date="2015-03-09", killed_min=1, killed_max=1),
                label(date="2015-03-09", killed_min=9, killed_max=9)]
    one = [Event(type="air_strike", date=date(2015, 3, 9), killed_min=9, killed_max=9)]
    assert match(gaz, one, same_day) == {1: 0}
    # equal days and tolls: the agreeing district decides, in any spelling the gazetteer holds
    by_place = [label(country="PK", admin2="Kurram Agency"), label(country="PK", admin2="North Waziristan Agency")]
    nw = [Event(type="drone_strike", country="PK", admin1="Khyber Pakhtunkhwa", admin2="North Waziristan")]
    assert match(gaz, nw, by_place) == {1: 0}


def test_each_label_and_prediction_used_once() -> None:
    gaz = get_gazetteer()
    labels = [label(killed_min=4, killed_max=4)]
    preds = [Event(type="drone_strike", killed_min=4, killed_max=4), Event(type="drone_strike", killed_min=4)]
    assert match(gaz, preds, labels) == {0: 0}
    assert match(gaz, [], labels) == {}


def test_strike_types_are_what_merge_makes_strike_records_of() -> None:
    from typing import get_args

    from strikewatch.evaluate.predictors import STRIKE_TYPES
    from strikewatch.schema import EventType

    assert STRIKE_TYPES - {None} <= set(get_args(EventType))
    assert None in STRIKE_TYPES  # an untyped event becomes a strike record: a false one must count
    assert {"ground_attack", "bombing", "other"}.isdisjoint(STRIKE_TYPES)
