"""The resolver's rules on reports we write ourselves (styles of wire copy, TBIJ one-liners, analysis prose)."""

from __future__ import annotations

import pytest

from strikewatch.geo import find_places, lookup, resolve, same_site
from strikewatch.geo.gazetteer import haversine_km
from strikewatch.schema import GeoResult


def site(text: str) -> GeoResult | None:
    return resolve(text, 0, len(text))


def test_village_area_of_town_with_reference_town() -> None:
    text = (
        "A drone fired two missiles at a house in the Gorwaik area of Datta Khel town, 45 kilometres west of "
        "Miranshah, killing four people, local officials said."
    )
    r = site(text)
    assert r is not None
    assert r.admin2 == "North Waziristan" and r.admin1 == "Khyber Pakhtunkhwa" and r.country == "PK"
    assert r.place == "Gurwak"  # the gazetteer's spelling of Gorwaik/Gorwek/Gorwick
    assert text[r.start : r.end] == "Gorwaik"  # type: ignore[index]
    assert r.geo_precision == "place" and r.lat is not None and r.lon is not None


def test_unknown_village_falls_back_to_its_town() -> None:
    text = "The missiles struck a vehicle in the Qalandarzai area of Datta Khel town, 45 km west of Miranshah."
    r = site(text)
    assert r is not None and r.place == "Datta Khel" and r.geo_precision == "place"
    assert text[r.start : r.end] == "Datta Khel"  # type: ignore[index]
    miranshah = lookup("Miranshah")[0]
    assert haversine_km(r.lat, r.lon, miranshah.lat, miranshah.lon) > 15  # type: ignore[arg-type]


def test_near_a_town_gives_that_town_as_trackers_record_it() -> None:
    r = site("Two men were killed when a drone hit their car near Mir Ali on Tuesday.")
    assert r is not None
    assert r.place == "Mir Ali" and r.admin2 == "North Waziristan" and r.geo_precision == "place"
    assert r.source is not None and "near" in r.source
    # an agency named beside it does not hide the town
    r2 = site("The two drone strikes took place near Miranshah in North Waziristan on 11 and 12 June.")
    assert r2 is not None and r2.place == "Miranshah" and r2.geo_precision == "place"
    # a town or village of the report's own beats the town it was near
    r3 = site("Missiles hit a compound in Tabi Tolkhel, near Darga Mandi and close to Miranshah.")
    assert r3 is not None and r3.place == "Tabi Tolkhel"


def test_near_a_village_keeps_it_a_reference_point() -> None:
    r = site("The strike late on Wednesday near Darga Mandi killed four people.")
    assert r is not None and r.place is None and r.admin2 == "North Waziristan" and r.geo_precision == "admin2"
    darga = lookup("Darga Mandi")[0]
    assert (r.lat, r.lon) == (darga.lat, darga.lon)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Miranshah", "Tabi Tolkhel", True),  # a cluster of homes 3 km from the town: "near Miranshah"
        ("Miramshah", "Miranshah", True),
        ("Shawal", "Kundhgar", True),  # a village the sheets put in the Shawal valley
        ("Tabi Tolkhel", "Danda Darpakhel", False),  # two villages: separate strikes are recorded there
        ("Datta Khel", "Miranshah", False),  # two towns 30 km apart
        ("Miranshah", "Kumsham", False),  # in Miranshah tehsil, but 28 km from the town
    ],
)
def test_same_site(a: str, b: str, same: bool) -> None:
    assert same_site(a, b) is same
    assert same_site(b, a) is same


def test_same_site_unknown_name() -> None:
    assert same_site("Qwertyabad", "Wana") is None


def test_distance_from_a_town_keeps_it_a_reference_point() -> None:
    r = site("A drone hit a car 20 km west of Mir Ali on Tuesday, killing two.")
    assert r is not None
    assert r.place is None and r.admin2 == "North Waziristan" and r.geo_precision == "admin2"
    r2 = site("The drone struck between Darga Mandi and Ghulam Khan before dawn.")
    assert r2 is not None and r2.place is None and r2.admin2 == "North Waziristan"


@pytest.mark.parametrize(
    "text",
    [
        "Officials said that Islamabad gave the Americans express approval for the latest drone strikes.",
        "Islamabad had asked Washington to suspend strikes while it tried to negotiate.",
        "Islamabad routinely condemns the strikes as a violation of its sovereignty.",
        "Islamabad has long objected to the strikes in public.",
    ],
)
def test_capital_standing_for_its_government_is_not_a_site(text: str) -> None:
    assert site(text) is None
    assert [m.role for m in find_places(text) if m.text == "Islamabad"] == ["actor"]


def test_capital_as_a_place_is_still_a_place() -> None:
    r = site("A bomb hidden in a cart exploded in a crowded market in Islamabad on Friday.")
    assert r is not None and r.place == "Islamabad"
    # where people protested is not where anything struck
    assert site("Traders rallied in Islamabad on Friday against the strikes.") is None


def test_km_from_town_is_not_the_site_when_a_village_is_named() -> None:
    r = site("The compound in Shaktoi, some 30 miles south of Miramshah, was destroyed.")
    assert r is not None and r.place == "Shaktoi"


def test_afghan_border_adds_nothing() -> None:
    r = site("A strike near the Afghan border killed three in Angoor Adda, South Waziristan.")
    assert r is not None and r.place == "Angoor Adda" and r.admin2 == "South Waziristan"
    r2 = site("Missiles hit a house close to the Afghanistan border in Datta Khel.")
    assert r2 is not None and r2.place == "Datta Khel" and r2.country == "PK"
    roles = {m.text: m.role for m in find_places("Militants crossed the Pakistan-Afghanistan border at night.")}
    assert roles.get("Afghanistan") == "border"


@pytest.mark.parametrize(
    "text",
    [
        "PESHAWAR: A US drone strike killed five suspected militants in Datta Khel on Sunday.",
        "MIRANSHAH, Pakistan (AP) — A US drone strike killed five suspected militants in Datta Khel on Sunday.",
        "Islamabad, June 3 (Reuters) - A US drone strike killed five suspected militants in Datta Khel on Sunday.",
    ],
)
def test_dateline_is_not_the_site(text: str) -> None:
    r = site(text)
    assert r is not None and r.place == "Datta Khel"
    assert [m.role for m in find_places(text)][0] == "dateline"


def test_dateline_alone_gives_no_site() -> None:
    assert site("PESHAWAR: Officials said talks with tribal elders would resume next week.") is None


@pytest.mark.parametrize(
    "text",
    [
        "A drone killed four people in Machi Khel, an intelligence official told reporters in Peshawar.",
        "Officials in Islamabad said the drone killed four people in Machi Khel.",
        "A military spokesman in Rawalpindi said the strike in Machi Khel killed four.",
        "Speaking from Islamabad, the minister condemned the strike in Machi Khel.",
    ],
)
def test_speaker_city_is_not_the_site(text: str) -> None:
    r = site(text)
    assert r is not None and r.place == "Machi Khel" and r.admin2 == "North Waziristan"


def test_speaker_city_alone_gives_no_site() -> None:
    assert site("An intelligence official told reporters in Peshawar that four people died.") is None


def test_text_contradicting_the_gazetteer_keeps_hierarchy_and_flags_conflict() -> None:
    r = site("A drone strike on a compound in Wana in North Waziristan killed six.")
    assert r is not None and r.place == "Wana"
    assert r.admin2 == "South Waziristan"
    assert r.conflict and "North Waziristan" in r.conflict and "South Waziristan" in r.conflict
    agreeing = site("A drone strike on a compound in Wana, South Waziristan, killed six.")
    assert agreeing is not None and agreeing.conflict is None


def test_comma_chain_most_specific_first() -> None:
    text = "Up to 16 killed in a strike on a house. Kumsham, Miramshah, North Waziristan."
    r = site(text)
    assert r is not None and r.place == "Kumsham" and text[r.start : r.end] == "Kumsham"  # type: ignore[index]


def test_context_settles_a_name_in_two_agencies() -> None:
    south = site("Four men died when missiles hit a vehicle in Shaktoi, South Waziristan.")
    north = site("Four men died when missiles hit a vehicle in Shaktoi, North Waziristan.")
    assert south is not None and north is not None
    assert south.admin2 == "South Waziristan" and north.admin2 == "North Waziristan"
    assert south.conflict is None and north.conflict is None


def test_village_word_left_out() -> None:
    r = site("Three alleged militants were killed in a strike on a compound in Painda, South Waziristan.")
    assert r is not None and r.place == "Painda Khel" and r.admin2 == "South Waziristan"
    r2 = site("A drone struck a house in Ghundi, North Waziristan.")
    assert r2 is not None and r2.place == "Ghundi Killi"


def test_span_limits_the_search() -> None:
    text = "A strike hit Tappi on Monday. On Wednesday another drone struck a car in Spinwam."
    second = text.index("On Wednesday")
    r = resolve(text, second, len(text))
    assert r is not None and r.place == "Spinwam" and r.start is not None and r.start >= second
    r1 = resolve(text, 0, second)
    assert r1 is not None and r1.place == "Tappi"


def test_agency_only_and_province_only() -> None:
    r = site("Nine alleged militants were killed in an attack on trucks in Kurram Agency.")
    assert r is not None and r.admin2 == "Kurram" and r.place is None and r.geo_precision == "admin2"
    r2 = site("The CIA has carried out hundreds of strikes in FATA since 2004.")
    assert r2 is not None and r2.geo_precision == "admin1" and r2.admin1 == "Khyber Pakhtunkhwa"


def test_names_of_people_are_not_places() -> None:
    text = "The strike targeted Abu Hamza Rabia and Haitham al-Yemeni; Maulvi Nazir survived."
    assert [m.text for m in find_places(text)] == []
    assert site(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The tank was hit by a missile and the crew ran for cover.",
        "Hit by a second missile, the car burned for an hour.",
        "The mana of the government is running out, analysts said.",
        "Officials said the number of dead could rise.",
        "Tank commanders met in the morning to plan the day.",
    ],
)
def test_everyday_words_are_not_places(text: str) -> None:
    assert [m.text for m in find_places(text) if m.role == "site"] == []


def test_capitals_do_not_bypass_the_guards() -> None:
    assert [m.text for m in find_places("TANK COMMANDERS MEET AS HIT SQUAD RETURNS")] == []
    headline = "DRONE STRIKE KILLS FOUR IN NORTH WAZIRISTAN"
    assert [m.text for m in find_places(headline)] == ["NORTH WAZIRISTAN"]
    assert [m.role for m in find_places("TANK: Police said a bomb exploded in the bazaar.")] == ["dateline"]


def test_everyday_word_place_names_need_place_context() -> None:
    r = site("Two policemen were wounded by a roadside bomb in Tank district on Friday.")
    assert r is not None and r.admin2 == "Tank"


def test_other_theatres() -> None:
    r = site("A US strike hit a vehicle in Jaar, Abyan province, killing two suspected AQAP members.")
    assert r is not None and r.country == "YE" and r.place == "Jaar"
    r2 = site("An airstrike near Kismayo killed militants, the Somali government said.")
    assert r2 is not None and r2.country == "SO"


def test_find_places_spans_and_candidates() -> None:
    text = "Missiles struck Dattakhel and Mirali in NWA; FATA officials confirmed it."
    ms = find_places(text)
    assert [m.text for m in ms] == ["Dattakhel", "Mirali", "NWA", "FATA"]
    for m in ms:
        assert text[m.start : m.end] == m.text
        assert m.candidates and all(c.start == m.start and c.end == m.end for c in m.candidates)
    assert ms[0].candidates[0].place == "Datta Khel"
    assert ms[1].candidates[0].place == "Mir Ali"
    assert ms[2].candidates[0].admin2 == "North Waziristan"


def test_lookup_contract() -> None:
    rs = lookup("Miramshah")
    assert rs and rs[0].place == "Miranshah" and rs[0].admin2 == "North Waziristan" and rs[0].country == "PK"
    assert 32.9 < rs[0].lat < 33.1 and 70.0 < rs[0].lon < 70.2  # type: ignore[operator]
    assert lookup("") == [] and lookup("Qwxzzy") == []
    ctx = lookup("Shawal, South Waziristan")
    assert ctx[0].admin2 == "South Waziristan"
