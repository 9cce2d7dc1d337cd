"""Long news reports: a dateline carrying the filing date, another source's higher toll, background paragraphs,
statistics and reader comments around one strike. Every sentence here was written for these tests (none is copied
from a report or from a held-out set)."""

from __future__ import annotations

from datetime import date

import pytest
from swtest import body_mains as mains
from swtest import only_main

from strikewatch.extract import extract_article
from strikewatch.extract.layout import dateline_end
from strikewatch.schema import Event

PUB = date(2013, 9, 12)  # a Thursday


def one(text: str, published: date = PUB) -> Event:
    return only_main(text, published)


@pytest.mark.parametrize("head", [
    "MIRANSHAH, Pakistan (Sep 12) - ",
    "KABUL (Sept. 12) - ",
    "BANNU, Pakistan (Sep 12, 2013) - ",
])
def test_dateline_with_filing_date_is_not_the_strike_day(head: str) -> None:
    text = (head + "A pilotless aircraft fired two missiles at a walled compound in Dande Darpakhel late on "
            "Wednesday, killing seven people, according to tribal elders.\n\nThe toll was expected to rise.")
    end = dateline_end(text)
    assert end == len(head)
    ev = one(text)
    assert ev.date == date(2013, 9, 11)
    assert (ev.killed_min, ev.killed_max) == (7, 7)


def test_dateline_without_a_date_unchanged() -> None:
    text = ("MIRANSHAH, Pakistan (Reuters) - A pilotless aircraft fired two missiles at a walled compound in Dande "
            "Darpakhel late on Wednesday, killing seven people, according to tribal elders.")
    assert dateline_end(text) == len("MIRANSHAH, Pakistan (Reuters) - ")
    ev = one(text)
    assert ev.date == date(2013, 9, 11)


LEAD = ("A drone struck a house in the village of Spalga on Wednesday evening, killing at least four suspected "
        "militants, two security officials said.\n\n")


@pytest.mark.parametrize("second, hi", [
    ("Elders who helped dig the graves said the number of dead was higher, putting it at 9.", 9),
    ("A nurse at the district hospital said the number of dead was far higher, at eleven.", 11),
    ("Villagers insisted the number of dead was greater, placing it at 8.", 8),
])
def test_second_source_higher_figure_is_the_maximum(second: str, hi: int) -> None:
    ev = one(LEAD + second)
    assert (ev.killed_min, ev.killed_max) == (4, hi)


def test_higher_without_a_figure_leaves_the_toll() -> None:
    ev = one(LEAD + "Elders who helped dig the graves said the number of dead was higher.")
    assert (ev.killed_min, ev.killed_max) == (4, None)


def test_plain_figure_for_the_dead_unchanged() -> None:
    ev = one(LEAD + "Elders who helped dig the graves put the number of dead at 6.")
    assert (ev.killed_min, ev.killed_max) == (4, 6)


def test_day_of_a_court_hearing_about_strikes_is_no_strike() -> None:
    text = ("LAHORE - Families of farmers killed in US drone strikes asked the Lahore High Court on Monday to direct "
            "the government to seek damages from Washington.\n\nThe judges reserved their decision.")
    assert mains(extract_article(text, PUB)) == []


def test_strike_told_beside_a_court_day_unchanged() -> None:
    text = ("BANNU - A drone strike killed three men in a car near Jani Khel on Monday, a week after families asked "
            "the high court to halt the strikes.")
    ev = one(text)
    assert (ev.killed_min, ev.date) == (3, date(2013, 9, 9))
