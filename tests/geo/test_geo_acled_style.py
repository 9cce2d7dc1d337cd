"""Notes in the style of ACLED's Pakistan coders (sentences written for these tests): where people acted or gathered is
the event's site, even when the words around the place are those of a government or a statement."""

from __future__ import annotations

import pytest

from strikewatch.geo import choose_site, find_places


def _site(text: str, kind: str = "gathering") -> tuple[str | None, str | None]:
    c = choose_site(text, [(0, len(text))], kind=kind)  # type: ignore[arg-type]
    assert c is not None, text
    return c.admin1, c.admin2


@pytest.mark.parametrize(("text", "want"), [
    ("Residents of Umerkot protested against the shortage of water.", ("Sindh", "Umerkot")),
    ("Traders of Sukkur observed a shutter-down strike against extortion.", ("Sindh", "Sukkur")),
    ("The people of Larkana demanded the arrest of the killers.", ("Sindh", "Larkana")),
])
def test_a_city_after_of_or_in_is_where_people_acted_not_a_government(text: str, want: tuple[str, str]) -> None:
    assert _site(text) == want


def test_a_capital_as_subject_is_still_its_government() -> None:
    text = "Islamabad protested against the drone strike."
    assert [m.role for m in find_places(text)] == ["actor"]


def test_people_in_a_city_who_said_something_spoke_there() -> None:
    text = "A drone hit a house in Janikhel. Some people in Bannu said drones had been flying over the area."
    roles = {m.text: m.role for m in find_places(text)}
    assert roles["Bannu"] == "speaker"
    c = choose_site(text, [(0, len(text))])
    assert c is not None and c.mention == "Janikhel"


@pytest.mark.parametrize(("text", "want"), [
    ("Nurses protested outside the Sindh Assembly in Karachi.", ("Sindh", "Karachi")),
    ("JSQM protested outside the press club in Hyderabad.", ("Sindh", "Hyderabad")),
    ("Journalists in Larkana protested against the killing of a reporter in Khairpur.", ("Sindh", "Larkana")),
    ("Lawyers in Quetta boycotted the courts against the arrest of a colleague.", ("Balochistan", "Quetta")),
])
def test_a_gathering_at_an_institution_or_of_journalists_is_sited_there(text: str, want: tuple[str, str]) -> None:
    assert _site(text) == want


def test_journalists_in_a_city_who_only_report_stay_speakers() -> None:
    text = "A drone struck a compound in Datta Khel, journalists in Peshawar reported."
    c = choose_site(text, [(0, len(text))])
    assert c is not None and c.admin2 == "North Waziristan"


@pytest.mark.parametrize(("text", "want"), [
    ("Traders in Moro observed a strike against the killing of a shopkeeper.", ("Sindh", "Naushahro Feroze")),
    ("Unidentified gunmen shot dead a labourer in Hub.", ("Balochistan", "Lasbela")),
    ("A man was killed in Kotri near Hyderabad.", ("Sindh", "Jamshoro")),
    ("Residents of Kot Addu protested against load shedding.", ("Punjab", "Muzaffargarh")),
    ("Fishermen protested in Pasni against trawling.", ("Balochistan", "Gwadar")),
])
def test_tehsil_towns_carry_their_district(text: str, want: tuple[str, str]) -> None:
    assert _site(text) == want
