"""choose_site on classes of error seen on real reports (sentences written for these tests)."""

from __future__ import annotations

import pytest

from strikewatch.geo import SiteChoice, choose_site


def whole(text: str) -> SiteChoice | None:
    return choose_site(text, [(0, len(text))])


def sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".\n" and i + 1 > start:
            out.append((start, i + 1))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def test_a_later_paragraph_never_moves_the_site_out_of_the_answer_so_far() -> None:
    text = (
        "Pakistan says jets hit hideouts.\n"
        "Air strikes in the Khyber Agency killed 17 militants on Thursday.\n"
        "The army stepped up its campaign after the massacre at a school in Peshawar last December."
    )
    c = choose_site(text, sentences(text))
    assert c is not None and c.admin2 == "Khyber", c
    assert "Peshawar" in {r.text for r in c.rejected}


def test_a_country_named_in_passing_gives_way_to_the_storys_place() -> None:
    text = (
        "A man walks past graffiti denouncing strikes by US drones in Yemen.\n"
        "A US drone killed ten Pakistani Taliban fighters in a compound in North Waziristan on Sunday, "
        "Pakistani officials said."
    )
    c = choose_site(text, sentences(text))
    assert c is not None and c.country == "PK" and c.admin2 == "North Waziristan", c


def test_a_country_answer_stays_when_no_later_place_is_in_the_storys_country() -> None:
    text = "A drone strike killed four men in Yemen on Tuesday.\nOfficials in Washington declined to comment."
    c = choose_site(text, sentences(text))
    assert c is not None and c.country == "YE" and c.geo_precision == "country"


@pytest.mark.parametrize(
    "text",
    [
        "March 3, 2009\n\nMissile kills five near border\n\n\nPESHAWAR, Pakistan (AFP) At least five people died when "
        "a missile hit a house in South Waziristan.",
        " date 2018-10-05 PESHAWAR, Pakistan (AP) - At least five people died when a missile hit a house in "
        "South Waziristan.",
        "Drone strike kills commander\n\nPeshawar: At least five people died when a missile hit a house in "
        "South Waziristan on Monday night.",
    ],
)
def test_datelines_after_a_headline_or_a_date_are_not_the_site(text: str) -> None:
    c = whole(text)
    assert c is not None and c.admin2 == "South Waziristan", c
    assert any(r.text.lower() == "peshawar" and "dateline" in r.reason for r in c.rejected), c.rejected


def test_a_country_before_a_colon_is_a_headline_topic_not_a_dateline() -> None:
    c = whole("Yemen: US drone strike kills seven suspected militants in a car")
    assert c is not None and c.country == "YE"


@pytest.mark.parametrize(
    "text",
    [
        "Barely a day after Islamabad and Washington settled their row, a drone strike killed four men.",
        "A drone strike killed four men; Washington and Islamabad have argued over such strikes for years.",
        "There is said to be an agreement between the CIA and Islamabad to allow such drone strikes.",
        "A drone strike killed four men, a senior official in the capital, Islamabad, said.",
        "Jets bombed hideouts in the tribal region bordering Afghanistan.",
    ],
)
def test_governments_speakers_and_borders_give_no_site(text: str) -> None:
    assert whole(text) is None


def test_a_demonym_is_never_a_place() -> None:
    c = whole("The coalition carried out several air strikes on the Houthi-held capital Sanaa on Thursday.")
    assert c is not None and c.country == "YE" and c.place == "Sanaa", c
    assert whole("Houthi fighters were killed in an air strike, the coalition said.") is None


def test_a_name_chained_to_a_district_of_another_country_is_an_unknown_village() -> None:
    # "Sam" is an alternate name of Damascus in GeoNames: the text puts it in South Waziristan
    c = whole("A missile hit a car in Sam area of South Waziristan on Thursday, killing two.")
    assert c is not None and c.country == "PK" and c.admin2 == "South Waziristan" and c.place is None, c


def test_a_place_without_a_province_takes_the_one_the_text_names() -> None:
    c = whole("The airstrike was carried out near the community of Araara in Lower Juba region in the south.")
    assert c is not None and c.country == "SO" and c.admin1 == "Lower Juba", c


@pytest.mark.parametrize(
    "text",
    [
        "Drone kills five in Waziristan\n\nA tribesman watches a military strike in North Waziristan (file photo)\n"
        "A suspected drone strike killed five men in a compound in South Waziristan on Sunday.",
        "A jet leaves after an airstrike in eastern Afghanistan's Kunar province, August 28, 2011. REUTERS\n"
        "Jets bombed hideouts in a village of South Waziristan on Sunday, killing ten.",
    ],
)
def test_photo_captions_never_give_the_site(text: str) -> None:
    c = whole(text)
    assert c is not None and c.admin2 == "South Waziristan", c


@pytest.mark.parametrize(
    "text",
    [
        "Five killed in missile strike: officials Miranshah, Pakistan (AFP) Nov 19, 2008 A missile hit a house "
        "in Bannu district.",
        "Drones kill 41\n\n\nPESHAWAR/ISLAMABAD – Drones on Thursday hit a house in Bannu district.",
    ],
)
def test_wire_datelines_glued_to_a_headline_and_shared_datelines(text: str) -> None:
    c = whole(text)
    assert c is not None and c.admin2 == "Bannu" and c.place is None, c


def test_a_near_spelling_of_a_village_in_another_district_is_not_taken() -> None:
    # "Sanzila" is close to Sanzali, a village of North Waziristan; the text puts it in South Waziristan
    c = whole("The strikes took place in the Sanzila area of South Waziristan, the military said.")
    assert c is not None and c.admin2 == "South Waziristan" and c.place is None, c


@pytest.mark.parametrize(
    ("text", "admin2"),
    [
        # Arabic: "a drone struck a house in the town of Mir Ali in North Waziristan" (our sentence)
        ("أغارت طائرة بدون طيار على منزل في بلدة مير علي في وزيرستان الشمالية", "North Waziristan"),
        # Urdu: "in a drone attack in South Waziristan three people were killed"
        ("جنوبی وزیرستان میں ڈرون حملے میں تین افراد ہلاک ہو گئے", "South Waziristan"),
    ],
)
def test_arabic_and_urdu_reports_name_their_districts(text: str, admin2: str) -> None:
    c = whole(text)
    assert c is not None and c.country == "PK" and c.admin2 == admin2, c


def test_an_urdu_dateline_is_not_the_site() -> None:
    # "Peshawar (our correspondent) In North Waziristan a drone fired two missiles at a house"
    text = "پشاور (نمائندہ) شمالی وزیرستان میں ڈرون نے ایک گھر پر دو میزائل فائر کئے"
    c = whole(text)
    assert c is not None and c.admin2 == "North Waziristan", c
    assert any("dateline" in r.reason for r in c.rejected), c.rejected


def test_a_headline_above_the_dateline_is_not_part_of_it() -> None:
    text = "Nine killed in Bajaur by suspected missile strike\nIslamabad, Sept. 8 : A missile killed nine people."
    c = whole(text)
    assert c is not None and c.admin2 == "Bajaur", c


def test_a_dateline_city_named_again_is_the_site_only_when_nothing_else_is() -> None:
    text = ("PESHAWAR: A drone hit a house in North Waziristan, killing four. Meanwhile in Peshawar a strike on a "
            "checkpoint was reported.")
    c = whole(text)
    assert c is not None and c.admin2 == "North Waziristan", c
    alone = whole("PESHAWAR: A drone hit a house on the outskirts of Peshawar on Monday, killing four.")
    assert alone is not None and alone.place == "Peshawar"


def test_a_clan_word_after_a_name_makes_another_place() -> None:
    # "Akka" alone is an alternate name of Acre; "Akka Khel" is a village the gazetteer lacks
    text = "Jets pounded hideouts in the Akka Khel area of Tirah Valley in Khyber Agency, killing twelve."
    c = whole(text)
    assert c is not None and c.country == "PK" and c.admin2 == "Khyber", c


def test_two_cities_of_one_country_are_places_not_governments() -> None:
    c = choose_site("Lawyers rallied in Lahore and Islamabad on Monday.", [(0, 49)], kind="gathering")
    assert c is not None and c.place == "Lahore", c


def test_a_protest_at_the_press_club_gathered_there() -> None:
    text = "Journalists staged a protest outside the press club in Quetta against the killing of a colleague."
    c = choose_site(text, [(0, len(text))], kind="gathering")
    assert c is not None and c.admin2 == "Quetta", c
    strike = "Elders told reporters at the press club in Peshawar that a drone strike killed four in Datta Khel."
    c = whole(strike)
    assert c is not None and c.place == "Datta Khel", c
