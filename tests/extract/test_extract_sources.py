"""Several sources, revisions, worded ranges and parts of the toll: sentences written for these tests (none is
copied from a report or from the held-out set)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from swtest import body_mains as mains
from swtest import only_main

from strikewatch.extract import extract_article
from strikewatch.extract.casualties import find_casualties
from strikewatch.extract.numbers import find_quantities, parse_quantity
from strikewatch.schema import Event

PUB = date(2013, 3, 6)


def one(text: str, published: date = PUB) -> Event:
    return only_main(text, published)


def killed(text: str) -> tuple[int | None, int | None]:
    e = one(text)
    return e.killed_min, e.killed_max


LEAD = "A drone fired two missiles at a house in Tappi, North Waziristan, on Tuesday, killing at least five people. "


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        ("Other officials counted 11 dead.", (5, 11)),
        ("Another account put the number of dead at nine.", (5, 9)),
        ("Some tribal officials said eight people were killed.", (5, 8)),
        ("Other tribal sources said ten people died.", (5, 10)),
        ("Villagers said the dead numbered 13.", (5, 13)),
        ("Local people put the dead at 12.", (5, 12)),
        ("Tribesmen reported 14 dead.", (5, 14)),
        ("By Wednesday villagers were saying 16 had died.", (5, 16)),
        ("An elder said the number of dead could be as high as 17.", (5, 17)),
        ("A second report gave the dead as seven.", (5, 7)),
    ],
)
def test_a_later_source_figure_is_an_alternate(later: str, expected: tuple[int, int]) -> None:
    assert killed(LEAD + later) == expected


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        ("Another two people were killed when they came to help.", (7, None)),
        ("Three other villagers also died in hospital.", (8, None)),
        ("Two more bodies were found later, taking the number of dead higher.", (5, None)),
    ],
)
def test_additions_still_add(later: str, expected: tuple[int | None, int | None]) -> None:
    e = one(LEAD + later)
    assert (e.killed_min, e.killed_max)[0] == expected[0]


def test_another_strike_is_a_new_event() -> None:
    ex = extract_article(LEAD + "Another drone strike later the same day killed three people in Datta Khel.", PUB)
    tolls = sorted((e.killed_min, e.killed_max) for e in mains(ex))
    assert tolls == [(3, 3), (5, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Accounts of the dead ranged from three to nine after missiles struck a car near Wana, South Waziristan.",
         (3, 9)),
        ("Drone strike on a compound in Datta Khel, North Waziristan: reports range from two dead to eight.", (2, 8)),
        ("Missiles hit a car in Mir Ali, North Waziristan, killing as few as 3 or as many as 9.", (3, 9)),
        ("Strike on a house in Shawal, North Waziristan. Reports of the dead vary from none to five.", (0, 5)),
        ("At least 6 killed, possibly 11, in a strike on a madrassa in Miranshah, North Waziristan.", (6, 11)),
        ("At least four and as many as nine killed in a strike near Wana, South Waziristan.", (4, 9)),
    ],
)
def test_ranges_in_words(text: str, expected: tuple[int, int]) -> None:
    assert (one(text).killed_min, one(text).killed_max) == expected


def test_a_worded_range_of_wounded() -> None:
    e = one("Seven militants were killed on Tuesday when a drone struck a hideout in Datta Khel, officials said. "
            "The number of injured was put at anywhere from three to 11.")
    assert (e.killed_min, e.killed_max) == (7, 7)
    assert (e.injured_min, e.injured_max) == (3, 11)


def test_a_possibly_higher_toll_is_not_given_to_the_wounded() -> None:
    e = one("At least 8 killed, possibly 15, and four wounded in a strike on a compound in Shawal, North Waziristan.")
    assert (e.killed_min, e.killed_max) == (8, 15)
    assert (e.injured_min, e.injured_max) == (4, 4)


def test_a_toll_that_rises_keeps_the_first_figure_as_the_minimum() -> None:
    assert killed(LEAD + "Later the death toll climbed to 12.") == (5, 12)
    assert killed("The death toll from Tuesday's drone strike in Tappi, North Waziristan, rose to 15, officials "
                  "said. First reports had put the number of dead at four.") == (4, 15)


def test_a_toll_lowered_withdraws_the_higher_claim() -> None:
    assert killed("Early claims that 25 fighters died in the strike on Tuesday near Wana were later lowered to "
                  "six deaths.") == (6, 6)


def test_reported_speech_in_the_pluperfect_is_the_news() -> None:
    text = ("Officials said nine people had been killed on Tuesday when drones struck a compound in Tappi, North "
            "Waziristan. Other sources counted 13 dead and two to five injured.")
    e = one(text)
    assert (e.killed_min, e.killed_max) == (9, 13)
    assert (e.injured_min, e.injured_max) == (2, 5)
    assert e.date == date(2013, 3, 5)


def test_the_had_been_of_an_older_strike_is_still_background() -> None:
    text = ("A drone killed four people in Tappi on Tuesday, officials said. In 2010 a strike in the same village "
            "had killed 12.")
    assert [(e.killed_min, e.killed_max) for e in mains(extract_article(text, PUB))] == [(4, 4)]


def test_a_later_statement_day_does_not_make_a_second_strike() -> None:
    text = ("A drone struck a house in Tappi, North Waziristan, on Monday, killing six people according to "
            "officials. Villagers said on Tuesday that the death toll had risen to ten, and that three people "
            "were wounded.")
    e = one(text)
    assert (e.killed_min, e.killed_max) == (6, 10)
    assert (e.injured_min, e.injured_max) == (3, 3)
    assert e.date == date(2013, 3, 4)


def read_cls(text: str, cls: str) -> tuple[int | None, int | None]:
    e = one(text)
    return getattr(e, f"{cls}_min"), getattr(e, f"{cls}_max")


@pytest.mark.parametrize(
    ("text", "cls", "expected"),
    [
        (LEAD + "Three of the dead were civilians, villagers said.", "civilians", (3, 3)),
        (LEAD + "At least three of the dead were farmers.", "civilians", (3, None)),
        (LEAD + "Up to four of the dead may have been civilians.", "civilians", (None, 4)),
        ("Six to nine killed in Tappi, North Waziristan, up to five of them possibly civilians.", "civilians",
         (None, 5)),
        ("Between 7 and 12 killed, 2-6 of them reportedly civilians, in a strike on Tappi, North Waziristan.",
         "civilians", (2, 6)),
        ("A drone strike in Tappi, North Waziristan, killed six to eight people on Tuesday, three of them "
         "civilians, officials said.", "civilians", (3, 3)),
        ("5-9 killed in a strike near Wana, South Waziristan, with up to two civilians reported among them.",
         "civilians", (None, 2)),
        ("4-8 killed in Tappi, North Waziristan, possibly including as many as six civilians.", "civilians",
         (None, 6)),
        ("3-12 killed in Tappi, Datta Khel, North Waziristan, among them a boy.", "children", (1, 1)),
        ("3-7 killed near Wana, South Waziristan, with reports that up to three children were among them.",
         "children", (None, 3)),
        (LEAD + "Two civilians were among those killed.", "civilians", (2, 2)),
    ],
)
def test_parts_of_the_toll(text: str, cls: str, expected: tuple[int | None, int | None]) -> None:
    assert read_cls(text, cls) == expected


def test_a_part_of_the_dead_is_not_a_total() -> None:
    e = one(LEAD + "Two civilians were among those killed.")
    assert (e.killed_min, e.killed_max) == (5, None)


def test_subset_then_injured() -> None:
    e = one("3-9 killed including one child and 2-4 injured in a strike in Tappi, North Waziristan.")
    assert (e.killed_min, e.killed_max) == (3, 9)
    assert (e.children_min, e.children_max) == (1, 1)
    assert (e.injured_min, e.injured_max) == (2, 4)


def test_a_toll_figure_is_not_counted_again_as_wounded() -> None:
    e = one(LEAD + "Later reports put the death toll at eight, and between two and four people were injured.")
    assert (e.killed_min, e.killed_max) == (5, 8)
    assert (e.injured_min, e.injured_max) == (2, 4)


def test_verbless_follow_up_strike_line() -> None:
    ex = extract_article("Strike on a car in Tappi, North Waziristan, killing four. Further strike the same day on "
                         "Mir Ali, North Waziristan. Casualties unknown.", PUB)
    m = mains(ex)
    assert len(m) == 2
    assert (m[1].killed_min, m[1].killed_max) == (None, None) and m[1].admin2 == "North Waziristan"


def test_source_other_is_not_an_addition_in_the_grammar() -> None:
    t = "Other accounts had seven killed."
    (c,) = [x for x in find_casualties(t, 0, len(t)) if x.kind == "killed"]
    assert not c.additive and (c.lo, c.hi) == (7, 7)
    t = "Another two people were killed."
    (c,) = [x for x in find_casualties(t, 0, len(t)) if x.kind == "killed"]
    assert c.additive


@given(st.integers(min_value=0, max_value=400), st.integers(min_value=0, max_value=400))
def test_worded_pairs_of_bounds(a: int, b: int) -> None:
    lo, hi = min(a, b), max(a, b)
    assert parse_quantity(f"as few as {lo} or as many as {hi}") == (lo, hi)
    assert parse_quantity(f"at least {lo} and as many as {hi}") == (lo, hi)
    for text in (f"anywhere from {lo} to {hi}", f"from {spell_small(lo)} to {hi}"):
        assert [(q.lo, q.hi) for q in find_quantities(text)] == [(lo, hi)], text
    assert [(q.lo, q.hi) for q in find_quantities(f"range from none to {hi}")] == [(0, hi)]


def spell_small(n: int) -> str:
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    return words[n] if n < len(words) else str(n)


def test_a_source_named_between_two_figures_is_no_victim() -> None:
    e = one("Nine people were killed on Tuesday when a drone hit a house in Tappi, North Waziristan. Two to five of "
            "the dead were civilians, according to local accounts, and three to eight people were hurt.")
    assert (e.injured_min, e.injured_max) == (3, 8)
    assert (e.civilians_min, e.civilians_max) == (2, 5)


def test_the_strike_after_a_verbless_toll_is_the_one_that_killed() -> None:
    e = one("Six killed after a drone strike on a car near Mir Ali, North Waziristan; four injured.")
    assert (e.killed_min, e.killed_max, e.injured_min, e.injured_max) == (6, 6, 4, 4)
    ex = extract_article("Two soldiers were killed in a roadside bombing in Wana on Tuesday, days after a drone "
                         "strike killed five people in Tappi.", PUB)
    assert [(e.killed_min, e.role) for e in ex.events] == [(2, "main"), (5, "background")]
