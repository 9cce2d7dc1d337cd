"""Strike reports from Yemen, Somalia and Afghanistan: earlier strikes told after the lead, statement days, stories
about strikes that report none (reports, rulings, policy, statistics), and tolls in their wording. Every sentence
here was written for these tests (none is copied from a report or from a held-out set)."""

from __future__ import annotations

from datetime import date

import pytest
from swtest import body_mains as mains
from swtest import only_main

from strikewatch.extract import extract_article
from strikewatch.schema import Event

PUB = date(2016, 6, 10)  # a Friday


def one(text: str, published: date = PUB) -> Event:
    return only_main(text, published)


YE_LEAD = ("ATAQ, Yemen — A US drone strike on a pickup truck in Shabwa province on Thursday killed four suspected "
           "members of al-Qaeda in the Arabian Peninsula, local officials said. ")
SO_LEAD = ("MOGADISHU, Somalia — A US air strike near Jilib in the Middle Juba region on Thursday killed seven "
           "al-Shabab fighters, the US military's Africa Command said. ")


# --- 1. an earlier strike told after the lead with "earlier this week", "a month earlier" is background -----------

@pytest.mark.parametrize("later", [
    "A drone strike in Marib province earlier this week killed three men in a car.",
    "Earlier this month, a raid near the same town by Somali commandos left eight people dead.",
    "An air strike two weeks earlier in Abyan killed about a dozen fighters.",
    "Last month a strike on a training camp in the same province killed 20 militants, the Pentagon said.",
])
def test_earlier_strike_after_the_lead_is_background(later: str) -> None:
    for lead in (YE_LEAD, SO_LEAD):
        ev = one(lead + later)
        assert ev.date == date(2016, 6, 9)


def test_a_separate_strike_the_same_day_stays_main() -> None:
    ex = extract_article(YE_LEAD + "In a separate strike later on Thursday, two more militants were killed in Abyan.",
                         PUB)
    assert len(mains(ex)) == 2


# --- 2. a statement's day is not a strike of its own ---------------------------------------------------------------

@pytest.mark.parametrize("later", [
    "US officials confirmed on Friday that a drone had been used.",
    "The Africa Command said on Friday that the strike had been carried out at the request of the government.",
])
def test_statement_day_after_the_lead_is_not_another_strike(later: str) -> None:
    for lead in (YE_LEAD, SO_LEAD):
        ev = one(lead + later)
        assert ev.date == date(2016, 6, 9)


@pytest.mark.parametrize("text", [
    # a policy, a base, a report, a ruling, a drone lost: a day, but no strike
    "WASHINGTON — The White House has eased the rules for air strikes against al-Shabab in southern Somalia, "
    "letting commanders order drone strikes without approval from Washington, officials said on Tuesday.",
    "NIAMEY, Niger — US forces have started flying armed drones from a new airfield in the north of the country, "
    "officials said on Wednesday. The drones will be used against Islamist groups in the region.",
    "KABUL — Air strikes killed 212 civilians and injured 180 in the first nine months of the year, the UN said in "
    "a report on Monday. The figure was the highest since records began.",
    "SANAA, Yemen — Houthi fighters said on Tuesday they had brought down an American Reaper drone over Hodeidah "
    "province. No one was hurt, residents said.",
    "SANAA, Yemen — Houthi fighters said on Tuesday they had brought down an American Reaper drone over Hodeidah "
    "province. Nobody on the ground was hurt, residents said.",
    "BERLIN — A court in Germany on Thursday rejected a claim by two Somali men whose father was killed in a 2014 "
    "drone strike near Kismayo. The men said they would take the case to a higher court.",
])
def test_news_about_strikes_reports_no_strike(text: str) -> None:
    assert mains(extract_article(text, PUB)) == []


# --- 3. statistics told with a plural subject ---------------------------------------------------------------------

def test_the_strikes_killed_over_a_year_is_a_claim() -> None:
    text = ("MOGADISHU, Somalia — US forces carried out 35 air strikes in Somalia last year, figures from the "
            "Africa Command show. The command says the strikes killed more than 250 al-Shabab fighters.")
    ex = extract_article(text, date(2019, 1, 5))
    assert mains(ex) == []
    assert [(c.unit, c.quantity) for c in ex.claims if c.unit != "strikes"][:1] == [("killed", 251)]


def test_the_strikes_killed_on_a_day_is_still_their_toll() -> None:
    ev = one(YE_LEAD + "Residents said the strikes killed two more people on Thursday.")
    assert ev.killed_min is not None


def test_a_court_ruling_after_a_strike_report_keeps_the_strike() -> None:
    ev = one(SO_LEAD + "A court in Nairobi on Friday jailed a man over a 2013 attack on a shopping centre.")
    assert ev.killed_min == 7


# --- must not change ----------------------------------------------------------------------------------------------

def test_said_on_day_of_the_lead_still_dates_it() -> None:
    ev = one("KABUL — A US drone strike killed five Islamic State fighters in Achin district of Nangarhar province, "
             "officials said on Thursday.")
    assert ev.date == date(2016, 6, 9) and ev.killed_min == 5


def test_strike_in_lead_with_year_is_still_the_news() -> None:
    ev = one(SO_LEAD + "It was the 14th US strike in Somalia in 2016.")
    assert ev.killed_min == 7


# --- 4. tolls in these reports' wording ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,n", [
    ("Two suspected members of al-Qaeda in the Arabian Peninsula died when a missile hit their car near Azzan in "
     "Shabwa province on Wednesday, a tribal leader said.", 2),
    ("Five fighters of al-Qaeda in the Islamic Maghreb were killed in an air strike in the desert on Monday.", 5),
])
def test_group_name_with_its_region_keeps_the_toll(text: str, n: int) -> None:
    ev = one(text)
    assert (ev.killed_min, ev.killed_max) == (n, n)


@pytest.mark.parametrize("text,inj", [
    ("An air strike near Afgooye on Tuesday killed two al-Shabab fighters and wounded another, officials said.", 1),
    ("A drone strike in Marib on Tuesday killed three men and wounded another four, tribesmen said.", 4),
])
def test_wounded_another(text: str, inj: int) -> None:
    ev = one(text)
    assert (ev.injured_min, ev.injured_max) == (inj, inj)


def test_another_strike_is_not_a_victim() -> None:
    ex = extract_article("A drone strike killed two men in Marib on Tuesday. Another hit a car in Shabwa.", PUB)
    assert all(e.injured_min is None for e in ex.events)
