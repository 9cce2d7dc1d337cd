"""Extractor 1.7: negated parts of a toll, tolls of none, statement days, people picked out of a toll, later
parts of the lead's toll, drones only seen. Sentences written for these tests; each rule with its other side."""
from __future__ import annotations

from datetime import date

from strikewatch.extract import extract_article
from strikewatch.schema import Event

PUB = date(2016, 6, 13)
SAT = date(2016, 6, 11)


def mains(text: str) -> list[Event]:
    return [e for e in extract_article(text, PUB).events if e.role == "main"]


def one(text: str) -> Event:
    evs = mains(text)
    assert len(evs) == 1, evs
    return evs[0]


# --- 1. a negated class, place or partitive says nothing of the whole toll ----------------------------------------

def test_no_civilians_hurt_leaves_injured_unknown() -> None:
    ev = one("ADEN, Yemen — A US drone strike killed four suspected militants in a pick-up truck in Abyan province "
             "on Saturday, officials said. No civilians were hurt, they added.")
    assert (ev.killed_min, ev.killed_max) == (4, 4)
    assert (ev.injured_min, ev.injured_max) == (None, None)


def test_none_of_the_villagers_keeps_the_wounded_figure() -> None:
    ev = one("PESHAWAR — A drone strike killed three militants in a compound near Mir Ali on Saturday, officials "
             "said. Five people were injured. None of the villagers was injured, a resident said.")
    assert (ev.injured_min, ev.injured_max) == (5, 5)


def test_no_one_hurt_after_a_strike_is_still_zero() -> None:
    ev = one("KANDAHAR — A drone struck an empty compound in Maiwand district on Saturday, officials said. "
             "No one was hurt.")
    assert (ev.injured_min, ev.injured_max) == (0, 0)


# --- 2. a toll of none ---------------------------------------------------------------------------------------------

def test_the_strike_caused_no_casualties_is_killed_zero_with_evidence() -> None:
    text = ("GAO, Mali — A French drone strike hit a depot outside the town on Saturday. The strike caused no "
            "casualties, the army said.")
    ev = one(text)
    assert (ev.killed_min, ev.killed_max) == (0, 0)
    spans = [text[e.start:e.end] for e in ev.evidence if e.field == "killed_min"]
    assert spans == ["no casualties"]


def test_there_were_no_casualties_after_a_strike() -> None:
    ev = one("PESHAWAR — A US drone fired two missiles at a parked van in Shawal on Saturday, officials said. "
             "There were no casualties.")
    assert (ev.killed_min, ev.killed_max) == (0, 0)


def test_no_casualties_in_a_lull_or_a_crash_is_no_event() -> None:
    assert mains("QUETTA — Shops reopened in the bazaar this week after a month without air strikes in the "
                 "district. No casualties were reported.") == []
    assert mains("PESHAWAR — A US drone crashed in a field near Wana on Saturday, officials said. There were no "
                 "casualties.") == []


def test_no_civilian_casualties_is_not_a_toll_of_none() -> None:
    ev = one("ADEN — A US drone strike killed two militants in Shabwa on Saturday. There were no civilian "
             "casualties, officials said.")
    assert (ev.killed_min, ev.killed_max) == (2, 2)


def test_no_one_killed_in_the_second_strike_is_that_strike_only() -> None:
    evs = mains("PESHAWAR — A US drone strike killed four militants in Datta Khel on Saturday, officials said. "
                "A second strike hit a house in Mir Ali hours later. No one was killed in the second strike.")
    assert [(e.killed_min, e.killed_max) for e in evs] == [(4, 4), (0, 0)]
    assert all(e.date == SAT for e in evs)


# --- 3. the day a toll was given is not the strike's day when the strike's day follows -----------------------------

def test_statement_day_then_strike_day() -> None:
    ev = one("ADEN, Yemen — A US drone strike killed two suspected al-Qaeda members in Shabwa province, the "
             "provincial governor said on Sunday. The strike hit the car on Saturday, he said.")
    assert ev.date == SAT
    assert (ev.killed_min, ev.killed_max) == (2, 2)


def test_a_statement_day_alone_stays_and_a_separate_strike_stays_apart() -> None:
    ev = one("ADEN, Yemen — A US drone strike killed two suspected al-Qaeda members in Shabwa province, the "
             "provincial governor said on Sunday.")
    assert ev.date == date(2016, 6, 12)
    evs = mains("ADEN, Yemen — A US drone strike killed two suspected al-Qaeda members in Shabwa province, the "
                "provincial governor said on Sunday. In a separate strike on Saturday, three people died in Marib.")
    assert len(evs) == 2


# --- 4. a civilian among the dead is a class of the toll ------------------------------------------------------------

def test_one_civilian_among_the_dead_is_within_the_toll() -> None:
    ev = one("SANAA, Yemen — A US drone strike killed three people in a car in Marib province on Saturday, "
             "officials said. One civilian, the driver of the vehicle, was also among the dead, a relative said.")
    assert (ev.killed_min, ev.killed_max) == (3, 3)
    assert ev.civilians_min == 1


# --- 5. a person picked out is part of the toll the text gives ------------------------------------------------------

def test_one_of_the_most_wanted_is_among_two_to_six() -> None:
    ev = one("PESHAWAR — A US drone strike hit a compound in South Waziristan on Saturday, killing one of the most "
             "wanted men in the region, officials said. Between two and six people died.")
    assert (ev.killed_min, ev.killed_max) == (2, 6)


def test_may_have_killed_the_leader_as_many_as_five() -> None:
    ev = one("PESHAWAR — A US drone strike on Saturday may have killed the group's leader in North Waziristan, "
             "officials said. As many as five people died in the strike.")
    assert (ev.killed_min, ev.killed_max) == (1, 5)


def test_one_of_the_commanders_alone_is_the_toll() -> None:
    ev = one("PESHAWAR — A US drone strike hit a car in Datta Khel on Saturday, killing one of the group's "
             "commanders, officials said.")
    assert (ev.killed_min, ev.killed_max) == (1, 1)


# --- 6. a later paragraph's parts of the toll join the lead ---------------------------------------------------------

def test_later_paragraph_parts_join_the_lead_and_a_separate_strike_does_not() -> None:
    ev = one("PESHAWAR — A US drone strike killed at least 60 people in a seminary in Bajaur on Saturday, officials "
             "said. The army said the seminary was a training camp. Hundreds of people protested in the town.\n\n"
             "Tribal leaders said 44 of the dead were civilians, including 21 or 22 children, and that nine people "
             "were wounded.")
    assert ev.killed_min == 60 and ev.civilians_min == 44 and ev.injured_min == 9
    evs = mains("PESHAWAR — A US drone strike killed four people in Datta Khel on Saturday, officials said. In a "
                "separate strike the same day in Mir Ali, two people died.")
    assert [e.killed_min for e in evs] == [4, 2]


# --- 7. drones seen, heard or circling are no strike ----------------------------------------------------------------

def test_drones_seen_overhead_in_a_lull_is_no_event() -> None:
    assert mains("PESHAWAR — No drone strike has been reported in North Waziristan for three weeks. Tribesmen in "
                 "North Waziristan said the drones were still seen overhead.") == []
    assert mains("MIRANSHAH — Residents of Datta Khel said drones were circling over the town all night.") == []


def test_a_drone_that_flew_over_and_fired_is_a_strike() -> None:
    ev = one("MIRANSHAH — A drone circling over Datta Khel fired two missiles at a house on Saturday, killing "
             "three people, residents said.")
    assert (ev.killed_min, ev.killed_max) == (3, 3)
