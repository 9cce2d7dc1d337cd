"""choose_site: the strike's site among the places a report names (sentences written for these tests)."""

from __future__ import annotations

import json

import pytest
from swtest import run_cli

from strikewatch.geo import GeoResult, SiteChoice, choose_site


def whole(text: str, **kw: object) -> SiteChoice | None:
    return choose_site(text, [(0, len(text))], **kw)  # type: ignore[arg-type]


BODY = "A US drone fired two missiles at a house in Datta Khel on Sunday, killing four suspected militants."


@pytest.mark.parametrize(
    "dateline",
    [
        "PESHAWAR: ",
        "ISLAMABAD (Reuters) - ",
        "MIRANSHAH, Pakistan, March 3 (AFP) — ",
        "Peshawar, Dec 26 (IANS) ",
        "Islamabad, 12 June 2012 (Reuters) - ",
    ],
)
def test_datelines_in_all_their_forms_are_not_the_site(dateline: str) -> None:
    text = dateline + BODY
    c = whole(text)
    assert c is not None and c.place == "Datta Khel" and c.admin2 == "North Waziristan"
    assert c.mention == "Datta Khel" and text[c.start : c.end] == "Datta Khel"  # type: ignore[index]
    first = c.rejected[0]
    assert first.start == 0 and "dateline" in first.reason


def test_a_dateline_alone_gives_no_site() -> None:
    text = "MIRANSHAH, Pakistan (AP) — A drone strike killed three people on Tuesday, officials said."
    assert whole(text) is None


def test_excluded_stretches_never_give_the_site() -> None:
    text = (
        "Wana, June 4: A drone strike killed two men on Monday, officials said.\n\n"
        "Comments\nReader from Lahore: the strikes in Shawal must stop."
    )
    comments = text.index("Comments")
    c = whole(text, exclude=[(0, 12), (comments, len(text))])
    assert c is None
    # without the exclusion the comment's Shawal would have been taken for the site
    assert whole(text, exclude=[(0, 12)]) is not None


@pytest.mark.parametrize(
    ("text", "rejected", "reason"),
    [
        ("A drone killed four people in Machi Khel, an intelligence official told reporters in Peshawar.",
         "Peshawar", "spoke"),
        ("Missiles hit a car in Mir Ali; the wounded were taken to the District Headquarters Hospital in Bannu.",
         "Bannu", "wounded"),
        ("The drone strike in Spinwam killed five; the dead were buried in their ancestral graveyard in Miranshah.",
         "Miranshah", "buried"),
        ("Hundreds protested in Islamabad against the drone strike in Datta Khel that killed four.",
         "Islamabad", "protested"),
        ("A drone hit a compound in Shawal, and Pakistan's government in Islamabad condemned the strike.",
         "Islamabad", "government"),
        ("The Peshawar-based daily reported that a drone struck a house in Mir Ali.", "Peshawar", "outlet"),
    ],
)
def test_places_where_other_things_happened_are_not_the_site(text: str, rejected: str, reason: str) -> None:
    c = whole(text)
    assert c is not None and c.mention != rejected
    why = {r.text: r.reason for r in c.rejected}
    assert rejected in why and reason in why[rejected], why


def test_statement_and_hospital_cities_alone_give_no_site() -> None:
    assert whole("A drone killed three men on Friday; the wounded were rushed to a hospital in Peshawar.") is None
    assert whole("Officials in Islamabad said the drone strike killed three.") is None
    assert whole("Tribesmen blocked the main road in Bannu to protest against the drone strikes.") is None


def test_a_protest_against_a_strike_there_keeps_the_strike_site() -> None:
    c = whole("Elders protested against the drone strike in Datta Khel that killed four.")
    assert c is not None and c.place == "Datta Khel"


def test_the_first_span_names_the_site_and_later_spans_only_refine_it() -> None:
    text = (
        "A US drone struck a house in North Waziristan on Sunday, killing four. "
        "The house stood in Datta Khel, officials said. "
        "Last week another strike hit a car in Wana, in South Waziristan."
    )
    s1 = (0, text.index(" The house"))
    s2 = (s1[1], text.index(" Last week"))
    s3 = (s2[1], len(text))
    c = choose_site(text, [s1, s2, s3])
    assert c is not None and c.place == "Datta Khel" and c.admin2 == "North Waziristan"
    assert "more specific" in c.why
    # a village in another agency, told later, never replaces the first span's site
    c2 = choose_site(text, [s1, s3])
    assert c2 is not None and c2.admin2 == "North Waziristan" and c2.place is None
    # the first span with no place at all: the next one gives the site
    c3 = choose_site("The strike came at dawn. It hit a car in Mir Ali.", [(0, 24), (24, 49)])
    assert c3 is not None and c3.place == "Mir Ali"


@pytest.mark.parametrize(
    "text",
    [
        "A drone struck a vehicle on the border of North and South Waziristan, killing four.",
        "Missiles hit a compound in the North Waziristan-South Waziristan border area on Friday.",
        "The drone strike hit a hideout in the borderlands of North Waziristan and South Waziristan.",
    ],
)
def test_borderland_of_two_agencies_names_both(text: str) -> None:
    c = whole(text)
    assert c is not None
    assert (c.country, c.admin1, c.admin2, c.geo_precision) == ("PK", "Khyber Pakhtunkhwa", None, "admin1")
    assert c.place == "North Waziristan / South Waziristan border"
    assert "border" in c.why and c.lat is not None


def test_a_village_on_the_border_is_still_the_site() -> None:
    c = whole("The drone hit a house in Angoor Adda, on the border of North and South Waziristan.")
    assert c is not None and c.place == "Angoor Adda"


def test_province_stated_gives_the_province_only() -> None:
    c = whole("A drone struck a car in Shabwa province late on Monday, killing three suspected militants.")
    assert c is not None
    assert (c.country, c.admin1, c.admin2, c.geo_precision) == ("YE", "Shabwah", None, "admin1")


def test_site_choice_is_a_geo_result_with_a_reason() -> None:
    text = "Officials said the strike hit a compound 10 km west of Mir Ali."
    c = whole(text)
    assert isinstance(c, GeoResult) and c is not None
    assert c.admin2 == "North Waziristan" and c.geo_precision == "admin2"
    assert "Mir Ali" in c.why and c.mention == "Mir Ali"
    plain = c.geo()
    assert type(plain) is GeoResult and plain.admin2 == c.admin2 and plain.start == c.start


def test_cli_explains_the_choice() -> None:
    text = "PESHAWAR: A drone hit a house in Mir Ali; the wounded were taken to a hospital in Bannu."
    out = run_cli("geo", "--text", text, "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["site"]["place"] == "Mir Ali" and data["mention"]["text"] == "Mir Ali"
    assert "named as where the strike was" in data["why"]
    reasons = {r["text"]: r["reason"] for r in data["rejected"]}
    assert "dateline" in reasons["PESHAWAR"] and "wounded" in reasons["Bannu"]
    table = run_cli("geo", "--text", text)
    assert table.returncode == 0 and "not the site: 'Bannu'" in table.stdout
