"""Long news reports: generic statements, non-strike news, background strikes in later paragraphs, tolls across
sentences and class figures. Every sentence here was written for these tests (none is copied from a report or from
a held-out set)."""

from __future__ import annotations

from datetime import date

import pytest

from strikewatch.extract import extract_article
from strikewatch.extract.casualties import find_casualties
from strikewatch.schema import Event, Extraction

PUB = date(2012, 4, 12)


def mains(ex: Extraction) -> list[Event]:
    return [e for e in ex.events if e.role == "main" and e.section == "body"]


def one(text: str, published: date = PUB) -> Event:
    m = mains(extract_article(text, published))
    assert len(m) == 1, [(e.date, e.place, e.killed_min, e.killed_max) for e in m]
    return m[0]


LEAD = "A US drone fired missiles at a car near Spinwam in North Waziristan on Wednesday, killing five militants. "


# --- 1. generic statements are not this strike's toll -------------------------------------------------------------

@pytest.mark.parametrize(
    "later",
    [
        "Critics call the programme a breach of the country's borders that kills innocent people.",
        "Shopkeepers in the town said the drones killed innocent people and should be stopped.",
        "Most of those asked said that the attacks had killed too many innocent people.",
        "Lawmakers said such strikes, which they said killed innocent people, fuel anger.",
        "Rights groups say the campaign kills civilians and rarely reaches senior commanders.",
    ],
)
def test_generic_statement_leaves_the_toll(later: str) -> None:
    e = one(LEAD + later)
    assert (e.killed_min, e.killed_max) == (5, 5)
    assert e.civilians_min is None


def test_plural_person_phrase_has_no_count() -> None:
    s = "The raids kill innocent people and security personnel alike."
    for c in find_casualties(s, 0, len(s)):
        assert c.lo is None and c.hi is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # must not change: a real toll in the present tense in a headline-like lede
        ("Drone strike kills 5 in North Waziristan, officials say.\n\nThe missiles hit a house in Datta Khel.", (5, 5)),
        ("US missile strike kills two near Wana on Wednesday.", (2, 2)),
        ("A drone strike killed an innocent man in Spinwam on Wednesday.", (1, 1)),
    ],
)
def test_real_present_tense_toll_still_counts(text: str, expected: tuple[int, int]) -> None:
    e = one(text)
    assert (e.killed_min, e.killed_max) == expected


def test_combined_toll_of_two_days_stays_a_claim() -> None:
    ex = extract_article("US drone strikes killed 12 people near Mir Ali on Monday and Tuesday, officials said.", PUB)
    assert any(c.quantity == 12 for c in ex.claims)
    assert all(e.killed_min != 12 for e in ex.events)
