"""Varied wording (extractor 1.9): translated and press-release phrasing of tolls, parts of a numbered toll, "no
civilians were hurt", a drone brought down or only seen, a strike that followed an earlier one, "the previous day"
after a statement day, tallies over a year. Every sentence here was written for these tests (none is copied from a
report or from a held-out set); each rule has its must-not-change side."""

from __future__ import annotations

from datetime import date

from swtest import body_mains as mains
from swtest import only_main

from strikewatch.extract import extract_article
from strikewatch.schema import Event

PUB = date(2016, 5, 11)  # a Wednesday


def one(text: str, published: date = PUB) -> Event:
    return only_main(text, published)


def test_eliminated_is_a_toll() -> None:
    ev = one("Nine Daesh fighters were eliminated when a drone hit their hideout in Achin on Tuesday.")
    assert (ev.killed_min, ev.killed_max) == (9, 9)


def test_eliminated_without_people_is_no_toll() -> None:
    ev = one("A drone strike hit a compound in Achin on Tuesday. The threat was eliminated, the governor said.")
    assert ev.killed_min is None and ev.killed_max is None
    ev = one("A drone strike hit a compound in Achin on Tuesday. Officers said it eliminated militant training camps.")
    assert ev.killed_min is None and ev.killed_max is None


def test_said_to_have_died() -> None:
    ev = one("Six fighters said to have died when a drone struck a compound near Wana on Monday.")
    assert (ev.killed_min, ev.killed_max) == (6, 6)
    ev = one("Three tribesmen are believed to have been killed in a missile strike near Mir Ali on Monday.")
    assert (ev.killed_min, ev.killed_max) == (3, 3)


def test_nobody_somewhere_was_reported_hurt_is_none() -> None:
    ex = extract_article("Nobody in the market was reported hurt, police said.", PUB)
    assert not mains(ex)
    ev = one("A drone strike killed two men near Wana on Monday. Nobody in the next house was reported hurt.")
    assert (ev.killed_min, ev.killed_max) == (2, 2)
    assert ev.injured_min in (None, 0)


def test_singular_reported_killed_still_one() -> None:
    ev = one("A senior commander was reported killed in a drone strike near Wana on Monday.")
    assert (ev.killed_min, ev.killed_max) == (1, 1)


def test_killing_of_and_injury_of() -> None:
    ev = one("A drone hit a gathering in Azzan on Monday, which led to the killing of four persons and the injury of "
             "three others, a tribal source said.")
    assert (ev.killed_min, ev.killed_max) == (4, 4)
    assert (ev.injured_min, ev.injured_max) == (3, 3)


def test_part_of_a_numbered_toll() -> None:
    ev = one("Three of the eight people killed in the drone strike near Jaar on Monday were civilians, relatives said.")
    assert (ev.killed_min, ev.killed_max) == (8, 8)
    assert (ev.civilians_min, ev.civilians_max) == (3, 3)
    ev = one("Two of the 11 killed in Monday's drone strike near Jaar were children.")
    assert (ev.killed_min, ev.killed_max) == (11, 11)
    assert (ev.children_min, ev.children_max) == (2, 2)


def test_part_of_the_dead_unchanged() -> None:
    ev = one("A drone strike near Jaar on Monday killed nine people. Three of the dead were civilians.")
    assert (ev.killed_min, ev.killed_max) == (9, 9)
    assert ev.civilians_min == 3


def test_no_civilians_hurt_is_a_class_of_none() -> None:
    ev = one("Six militants were killed in a strike near Jilib on Monday. No civilians were harmed, the command said.")
    assert (ev.killed_min, ev.killed_max) == (6, 6)
    assert (ev.civilians_min, ev.civilians_max) == (0, 0)
    ev = one("A strike near Jilib on Monday killed four militants. We assess that no civilians were killed.")
    assert (ev.killed_min, ev.killed_max) == (4, 4)
    assert (ev.civilians_min, ev.civilians_max) == (0, 0)


def test_no_one_killed_unchanged() -> None:
    ex = extract_article("A drone fired a missile at a car near Jilib on Monday. No one was killed.", PUB)
    m = mains(ex)
    assert len(m) == 1 and (m[0].killed_min, m[0].killed_max) == (0, 0)


def test_drone_brought_down_is_no_strike() -> None:
    ex = extract_article("Rebels said on Tuesday they had brought down a US Reaper drone near Marib, and showed "
                         "pictures of the wreckage. Nobody on the ground was reported hurt.", PUB)
    assert not mains(ex)


def test_drones_only_seen_are_no_strike() -> None:
    ex = extract_article("Drones hovered over the villages of Datta Khel all day on Monday, residents said. Nobody "
                         "reported a missile being fired.", PUB)
    assert not mains(ex)
    ev = one("Drones hovered over Datta Khel for hours on Monday, and then one fired two missiles at a house, "
             "killing three.")
    assert (ev.killed_min, ev.killed_max) == (3, 3)


def test_strike_that_followed_an_earlier_one() -> None:
    ev = one("A strike on Tuesday killed four fighters near Galkayo. It followed one on Sunday that the command said "
             "had killed 12 people near Jamaame.")
    assert (ev.killed_min, ev.killed_max) == (4, 4)
    assert ev.date == date(2016, 5, 10)


def test_previous_day_counts_from_the_statement_day() -> None:
    ev = one("Officials said on Tuesday that four militants died the previous day when a drone struck their car "
             "near Jilib.")
    assert ev.date == date(2016, 5, 9)
    ev = one("Four militants died when a drone struck their car near Jilib on Sunday, officials said.")
    assert ev.date == date(2016, 5, 8)


def test_statement_day_then_an_earlier_strike() -> None:
    ex = extract_article("The army said on Tuesday it had killed five fighters in an air strike the previous day near "
                         "Jowhar. The strike followed one on Saturday that the army said had killed 20 fighters near "
                         "Bulobarde.", PUB)
    m = mains(ex)
    assert len(m) == 1
    assert m[0].date == date(2016, 5, 9)
    assert (m[0].killed_min, m[0].killed_max) == (5, 5)


def test_tally_over_the_year_is_a_claim() -> None:
    ex = extract_article("A monitoring group estimates that between 90 and 140 fighters were killed over the year, "
                         "with at least four civilian deaths it considers credible.", PUB)
    assert not mains(ex)


def test_strike_told_after_a_protest_is_the_news() -> None:
    ev = one("Hundreds marched through Miranshah on Wednesday. The rally followed a strike late on Tuesday in Mosaki, "
             "a village in North Waziristan, in which four people died and two were hurt.")
    assert ev.date == date(2016, 5, 10)
    assert (ev.killed_min, ev.killed_max) == (4, 4)
    assert (ev.injured_min, ev.injured_max) == (2, 2)


def test_strike_years_before_a_gathering_stays_background() -> None:
    ex = extract_article("Eight years after missiles destroyed a school in Chenagai, villagers gathered there on "
                         "Tuesday to remember the dead.", PUB)
    assert not mains(ex)


def test_strike_related_to_an_earlier_strike_unchanged() -> None:
    ex = extract_article("A drone strike killed three men near Wana on Tuesday, hours after a strike late on Monday "
                         "near Shakai in which five people died.", PUB)
    m = mains(ex)
    assert len(m) == 1 and (m[0].killed_min, m[0].killed_max) == (3, 3)


def test_the_day_accounts_were_given_is_not_the_strike_day() -> None:
    ev = one("Officials and villagers gave different accounts on Monday of an airstrike in Kunar. The police chief "
             "said six fighters were killed when aircraft hit a gathering in the village of Kandigal on Sunday. "
             "Villagers said as many as 14 people died.", date(2016, 5, 9))
    assert ev.date == date(2016, 5, 8)
    assert (ev.killed_min, ev.killed_max) == (6, 14)
    ev = one("Accounts differed on Tuesday of an air strike near Afmadow. A commander said a single fighter was "
             "killed when a plane bombed a trench outside the town on Monday.", date(2016, 5, 10))
    assert ev.date == date(2016, 5, 9)
    assert (ev.killed_min, ev.killed_max) == (1, 1)


def test_drones_had_circled_is_no_strike() -> None:
    ex = extract_article("Villagers said drones had circled over Datta Khel for most of Monday, keeping children "
                         "indoors.", PUB)
    assert not mains(ex)


def test_part_of_a_numbered_toll_after_a_dateline() -> None:
    ev = one("KABUL - Two of the six men killed in a U.S. drone strike in the town of Jaar on Monday were civilians, "
             "relatives said on Tuesday.")
    assert (ev.killed_min, ev.killed_max) == (6, 6)
    assert (ev.civilians_min, ev.civilians_max) == (2, 2)


def test_source_informed_is_no_victim() -> None:
    ev = one("A drone bombarded on Friday evening a gathering in the town of Azzan, which led to the killing of four "
             "persons and the injury of five others, a local source informed.")
    assert (ev.injured_min, ev.injured_max) == (5, 5)


def test_day_of_a_released_statement_is_not_a_strike_day() -> None:
    ev = one("According to a statement issued by the army on Monday, six Daesh fighters were eliminated in a drone "
             "strike carried out yesterday in Achin.", date(2016, 5, 10))
    assert ev.date == date(2016, 5, 9)
    assert (ev.killed_min, ev.killed_max) == (6, 6)
    ex = extract_article("A drone strike on Monday killed four men near Achin, and another on Tuesday killed two "
                         "near Nazyan.", date(2016, 5, 10))
    assert len(mains(ex)) == 2
