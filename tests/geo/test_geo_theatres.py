"""Every theatre: provinces in their common spellings, Gaza / Lebanon / Israel / Libya units, districts by their
nearest seat (sentences written for these tests)."""

from __future__ import annotations

import pytest

from strikewatch.geo import choose_site, get_gazetteer
from strikewatch.schema import GeoResult


def site(text: str) -> GeoResult | None:
    return choose_site(text, [(0, len(text))])


@pytest.mark.parametrize(
    ("spelling", "admin1"),
    [
        ("Hadramout", "Hadramawt"), ("Hadhramaut", "Hadramawt"), ("Hadramawt", "Hadramawt"),
        ("Shabwa", "Shabwah"), ("Shabwah", "Shabwah"), ("Mareb", "Marib"), ("Maarib", "Marib"),
        ("Bayda", "Al Bayda"), ("Al Bayda", "Al Bayda"), ("Baydah", "Al Bayda"), ("Abyan", "Abyan"),
        ("Hodeidah", "Al Hudaydah"), ("Saada", "Saada"), ("Jawf", "Al Jawf"), ("Lahj", "Lahij"),
    ],
)
def test_yemeni_governorates_in_their_common_spellings(spelling: str, admin1: str) -> None:
    r = site(f"A US drone strike hit a car in {spelling} province on Tuesday, killing three suspected AQAP men.")
    assert r is not None and r.country == "YE" and r.admin1 == admin1, r


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        ("The strike happened around a village in Lower Shabelle region, officials said.", "SO", "Lower Shabelle"),
        ("Jets struck hideouts in Middle Shabeelle region overnight.", "SO", "Middle Shabelle"),
        ("Iraqi F-16s bombed ISIS hideouts in Kirkuk province on Friday.", "IQ", "Kirkuk Governorate"),
        ("Air raids on a market in Idleb province killed ten civilians.", "SY", "Idlib Governorate"),
        ("Coalition strikes on Deir Ezzor province killed four.", "SY", "Deir ez-Zor Governorate"),
        ("An Israeli strike on a house in Jabalia killed seven members of one family.", "PS", "North Gaza"),
        ("The air strike on a school in Nuseirat killed twelve people.", "PS", "Deir al-Balah"),
        ("Strikes hit two houses in the al-Mawasi area west of Khan Younis.", "PS", "Khan Younis"),
        ("An Israeli drone strike on a car near Tyre killed two Hezbollah members.", "LB", "South Lebanon"),
        ("Haftar's drones bombed the air college of Misurata on Sunday.", "LY", "Misrata"),
    ],
)
def test_provinces_of_every_theatre(text: str, country: str, admin1: str) -> None:
    r = site(text)
    assert r is not None and r.country == country and r.admin1 == admin1, r


def test_a_lebanese_district_and_its_seat() -> None:
    r = site("An Israeli drone struck a motorcycle in Bint Jbeil district on Monday.")
    assert r is not None and (r.country, r.admin1, r.admin2) == ("LB", "Nabatieh", "Bint Jbeil"), r


def test_every_row_keeps_its_source_and_nearest_seat_districts_say_so() -> None:
    gaz = get_gazetteer()
    assert all(p.source for p in gaz.places)
    linked = [p for p in gaz.places if "nearest-seat" in p.source]
    assert linked, "no place took its district from the nearest seat"
    # a place given its district by the nearest seat is a GeoNames place, never a curated or sheet row
    assert all("geonames" in p.source and not p.attested for p in linked)
    pk = [p for p in linked if p.country == "PK"]
    assert pk and all(p.admin2 and gaz.admin2.get(("PK", p.admin2)) is not None for p in pk)


def test_a_near_spelling_repeated_does_not_settle_its_own_country() -> None:
    # "Sopore" is no place we hold; a near spelling of an Israeli village must not become the site because the
    # same word is written twice
    text = ("People from Sopore town protested in Srinagar. Houses were burned after troops set the Sopore town "
            "ablaze in 1993.")
    assert site(text) is None


@pytest.mark.parametrize(
    ("text", "admin2", "place"),
    [
        ("Police said two men were shot dead in Orangi on Friday.", "Karachi", "Orangi"),
        ("A shopkeeper was shot dead in Gulshan-e-Iqbal on Sunday.", "Karachi", "Gulshan-e-Iqbal"),
        ("A blast hit a bus stand in Taxila, police said.", "Rawalpindi", "Taxila"),
    ],
)
def test_karachi_towns_and_tehsil_towns(text: str, admin2: str, place: str) -> None:
    r = site(text)
    assert r is not None and r.country == "PK" and r.admin2 == admin2 and r.place == place, r


def test_district_abbreviations() -> None:
    r = site("Two people were killed in T.T. Singh district on Monday.")
    assert r is not None and r.admin2 == "Toba Tek Singh", r


def test_a_possessive_country_still_chains_the_place() -> None:
    r = site("Nine men were killed in a drone strike in Nazyan district of Afghanistan's Nangarhar province.")
    assert r is not None and (r.country, r.admin1, r.admin2) == ("AF", "Nangarhar", "Nazyan"), r


def test_pakistan_body_count_names_keep_their_source_and_no_point_of_their_own() -> None:
    rows = [p for p in get_gazetteer().places if p.source == "PakistanBodyCount"]
    assert rows and all(p.country == "PK" and p.admin2 for p in rows)
    assert all(p.coord_source.startswith("parent:") or not p.coord_source for p in rows)


def test_a_curated_neighbourhood_never_swallows_its_city() -> None:
    # GeoNames lists neighbourhood names among a city's alternate names: the city must stay its own row
    top = get_gazetteer().exact("Karachi")[0]
    assert top.name == "Karachi" and top.population > 1_000_000, top


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("A drone strike in the central province of al-Bayda killed two.", "Al Bayda"),
        ("The strike hit a house in al-Mahra on Monday.", "Al Mahrah"),
        ("A drone strike in Yemen's Hadhramawt province killed three.", "Hadramawt"),
        ("A US drone struck a car in al-Sawmaa district of Bayda.", "Al Bayda"),
    ],
)
def test_lowercase_articles_possessives_and_what_a_district_lies_in(text: str, admin1: str) -> None:
    r = site(text)
    assert r is not None and r.country == "YE" and r.admin1 == admin1, r


def test_an_article_inside_a_persons_name_is_still_no_place() -> None:
    r = site("Qari Zia al-Rahman was killed in a strike in Kunar.")
    assert r is not None and r.admin1 == "Kunar" and r.mention == "Kunar", r
    assert site("Jets struck the town of Bayda in eastern Libya.").country == "LY"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "country", "admin1", "admin2"),
    [
        ("Coalition air strikes hit a village in Tell Abyad District on Monday.", "SY", "Raqqa Governorate",
         "Tell Abyad District"),
        ("Russian jets bombed Maarat al-Numan District overnight.", "SY", "Idlib Governorate",
         "Maarrat al-Nu'man District"),
        ("An Iraqi F-16 struck an ISIS hideout in Hawija District.", "IQ", "Kirkuk Governorate", "Hawija District"),
    ],
)
def test_syrian_and_iraqi_districts(text: str, country: str, admin1: str, admin2: str) -> None:
    r = site(text)
    assert r is not None and (r.country, r.admin1, r.admin2) == (country, admin1, admin2), r


def test_a_district_seat_carries_its_district() -> None:
    seat = [p for p in get_gazetteer().exact("Manbij") if p.is_place]
    assert seat and seat[0].admin2 == "Manbij District" and "nearest-seat" not in seat[0].source
