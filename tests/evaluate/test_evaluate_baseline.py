"""The keyword baseline and the number words the evaluation reads without the extractor's grammar."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from strikewatch.evaluate.baseline import baseline_events, first_toll, number_value
from strikewatch.evaluate.number_words import spellings, states_number


@given(st.integers(min_value=0, max_value=99))
def test_number_words_round_trip(n: int) -> None:
    for word in spellings(n):
        assert number_value(word) == n
        assert states_number(f"Officials said {word} people died.", n)
    assert states_number(f"a strike killed {n} people", n)
    assert not states_number(f"a strike killed {n + 100} people", n)


def test_states_number_needs_the_whole_number() -> None:
    assert not states_number("The strike killed 17 people in 2007.", 7)
    assert states_number("Seven people were killed.", 7)
    assert not states_number("1,200 people fled.", 200)


def test_first_number_next_to_a_kill_word() -> None:
    assert first_toll("A drone strike on Monday killed at least six people near Wana.") == 6
    assert first_toll("Twenty-one people were killed when jets bombed a market.") == 21
    assert first_toll("The 2 missiles hit a house; officials gave no toll.") is None
    assert first_toll("Three days after the raid, the death toll stood at 11.") == 11  # 'death' is a kill word
    assert first_toll("Three days after the raid, officials said 11 houses were searched.") is None


def test_one_strike_per_article_when_a_strike_word_occurs() -> None:
    (ev,) = baseline_events("Missiles fired by a drone killed four men and later two more died.")
    assert (ev.type, ev.killed_min, ev.killed_max, ev.date, ev.country) == ("drone_strike", 4, 4, None, None)
    (ev,) = baseline_events("Jets struck a depot; no toll was given.")
    assert (ev.type, ev.killed_min) == ("air_strike", None)
    (ev,) = baseline_events("Gunmen killed three policemen at a checkpoint.")
    assert ev.type == "other" and ev.killed_min == 3
    assert baseline_events("Traders protested against power cuts.") == []
