"""Extractor 2.0's rule fixes for classes of error seen on the real-news dev split: tolls beside other figures,
and a second strike told after another event of the same day (sentences written here)."""

from __future__ import annotations

from datetime import date

from strikewatch.extract import extract_article

PUB = date(2015, 6, 2)


def test_no_loss_of_life_beside_a_toll_is_about_someone_else() -> None:
    text = ("A drone strike killed at least 21 militants on Monday, officials said, adding that no casualties were "
            "reported among the troops.")
    mains = [e for e in extract_article(text, PUB).events if e.role == "main"]
    assert [(e.killed_min, e.killed_max) for e in mains] == [(21, None)]


def test_a_war_total_beside_a_strike_toll_is_neither_added_nor_an_alternate() -> None:
    text = ("A total of 25 people were killed when a coalition warplane struck a market in the province on Monday. "
            "The war has killed more than 10,000 people, half of them civilians.")
    mains = [e for e in extract_article(text, PUB).events if e.role == "main" and e.type == "air_strike"]
    assert [(e.killed_min, e.killed_max) for e in mains] == [(25, 25)]


def test_a_figure_below_at_least_n_is_a_part_not_a_lower_account() -> None:
    text = ("A drone strike on a compound in the village on Sunday killed at least 13 people, officials said. One "
            "person was killed as he tried to flee the house, a resident said.")
    mains = [e for e in extract_article(text, PUB).events if e.role == "main"]
    assert [(e.killed_min, e.killed_max) for e in mains] == [(13, None)]


def test_a_similar_attack_the_same_day_is_another_event() -> None:
    text = ("A suicide car bomber killed at least 18 security officers at a border post on Thursday, officials "
            "said.\n\n"
            "Officials reported a similar attack Thursday afternoon in the same district. Officials said a drone "
            "fired three missiles at a militant commander's house, killing about eight people.")
    got = sorted((e.type, e.killed_min) for e in extract_article(text, PUB).events if e.role == "main")
    assert got == [("bombing", 18), ("drone_strike", 8)]
