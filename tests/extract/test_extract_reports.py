"""How a news report is read as a whole: which strikes it tells as news, which it only refers to, what each
figure belongs to. Every text here is written for these tests."""

from __future__ import annotations

from datetime import date

from strikewatch.extract import extract_article
from strikewatch.schema import Event, Extraction


def mains(ex: Extraction) -> list[Event]:
    return [e for e in ex.events if e.role == "main" and e.section == "body"]


def one(ex: Extraction) -> Event:
    m = mains(ex)
    assert len(m) == 1, [(e.date, e.place, e.killed_min, e.killed_max) for e in ex.events]
    return m[0]


def test_part_of_the_dead_is_a_class_not_a_toll() -> None:
    text = ("Missiles destroyed two houses in Damadola before dawn on Friday, killing at least 11 people, among them "
            "four children, local officials said. Relatives said at least eight of the dead were farmers with no "
            "ties to any armed group, and one of the injured was a teacher.")
    e = one(extract_article(text, date(2006, 1, 14)))
    assert (e.killed_min, e.killed_max) == (11, None)
    assert e.civilians_min == 8 and e.children_min == 4
    assert e.place == "Damadola"


def test_a_named_person_killed_is_part_of_the_toll_not_a_lower_figure() -> None:
    text = ("The militant commander Baitullah Khan was killed late on Monday near Wana, along with several of his "
            "guards, officials said. The strike killed nine people in all.")
    e = one(extract_article(text, date(2009, 8, 4)))
    assert (e.killed_min, e.killed_max) == (9, 9)
    assert e.named_dead == ["Baitullah Khan"]
    assert e.place == "Wana" and e.geo_precision == "place"  # "near Wana": the town, as trackers record it


def test_revised_toll_with_a_higher_count_from_residents() -> None:
    text = ("The death toll from Tuesday's drone strike in Saidgai, North Waziristan, had climbed to 14 by "
            "Wednesday, officials said, while villagers put it as high as 20. Five people were wounded.")
    e = one(extract_article(text, date(2014, 7, 16)))
    assert e.date == date(2014, 7, 15)  # "by Wednesday" is when the toll was given, not a strike
    assert (e.killed_min, e.killed_max) == (14, 20)
    assert (e.injured_min, e.injured_max) == (5, 5)


def test_questions_and_words_about_tolls_are_not_tolls() -> None:
    for text in (
        "Why nobody can say how many died\n\nThe ministry did not say how many people had died in the strike.",
        "Every strike brings not one death toll but several, and nobody knows who was killed.",
    ):
        ex = extract_article(text, date(2015, 2, 10))
        assert all(e.killed_min is None and e.killed_max is None for e in ex.events), ex.events


def test_withdrawn_figure_and_the_outlet_told_are_no_casualties() -> None:
    text = ("An air strike near Radaa killed 12 civilians on Sunday, local officials said. The defence ministry "
            "said at first that several militants had been killed, then withdrew the statement. Eight people died "
            "on the spot, villagers told the Peninsula Post, and three more were wounded.")
    e = one(extract_article(text, date(2012, 9, 3)))
    assert (e.killed_min, e.killed_max) == (8, 12)
    assert e.militants_min is None
    assert (e.injured_min, e.injured_max) == (3, 3)
    assert e.place == "Rada"  # the gazetteer's spelling of Radaa


def test_speaker_after_the_victims_is_not_a_victim() -> None:
    text = "A drone fired missiles at a house in Datta Khel today, killing one person, local officials said."
    e = one(extract_article(text, date(2011, 7, 12)))
    assert (e.killed_min, e.killed_max) == (1, 1)


def test_dateline_day_and_headline() -> None:
    text = ("Drone strike kills five in North Waziristan\n\n"
            "MIRANSHAH, March 4 (FPA) - A US drone strike killed five suspected militants in the Tabi Tolkhel area "
            "of North Waziristan late on Sunday, local officials said.\n\n"
            "The drone fired two missiles at a compound a few kilometres from Miranshah, they said.")
    ex = extract_article(text, date(2014, 3, 4))  # a Tuesday
    e = one(ex)
    assert e.date == date(2014, 3, 2)  # not the filing day in the dateline
    assert e.place == "Tabi Tolkhel" and e.killed_min == 5
    assert e.munitions_min == 2


def test_earlier_strike_named_in_relation_is_background() -> None:
    text = ("Drones struck a compound in Dande Darpakhel early on Friday, killing at least five suspected "
            "militants, officials said. The attack came only hours after the strike late on Thursday near Darga "
            "Mandi in which at least three people died. A security official said foreign fighters were among "
            "the dead.")
    ex = extract_article(text, date(2014, 6, 13))
    e = one(ex)
    assert e.date == date(2014, 6, 13) and e.place == "Danda Darpakhel" and e.killed_min == 5
    bg = [x for x in ex.events if x.role == "background"]
    assert [(x.date, x.killed_min, x.admin2) for x in bg] == [(date(2014, 6, 12), 3, "North Waziristan")]
    assert bg[0].place is None  # near a village: the village is a reference point, not the site


def test_another_event_in_another_province_is_not_the_strike() -> None:
    text = ("A drone attack close to Miranshah late on Wednesday killed between four and six people, elders said. "
            "Villagers in Tabi Tolkhel said the missiles destroyed a mud-walled compound. The government had been "
            "under pressure to act after the attack on Karachi airport at the weekend.")
    ex = extract_article(text, date(2014, 6, 12))
    e = one(ex)
    assert e.place == "Tabi Tolkhel" and (e.killed_min, e.killed_max) == (4, 6)
    assert e.target is None or "airport" not in e.target
    assert not [x for x in ex.events if x.place == "Karachi" and x.type in ("drone_strike", "air_strike", None)]


def test_twin_strikes_broken_down_are_two_strikes_and_a_combined_claim() -> None:
    text = ("Twin drone strikes killed eight people in Mangrotai in the Shawal valley on Saturday, tribesmen said. "
            "At least five were killed in the first strike, at dawn, and three in the second, which hit the same "
            "village hours later as people gathered to help.")
    ex = extract_article(text, date(2014, 12, 21))  # a Sunday
    evs = mains(ex)
    assert [(e.date, e.killed_min, e.killed_max) for e in evs] == [
        (date(2014, 12, 20), 5, None), (date(2014, 12, 20), 3, 3)]
    assert evs[0].place == evs[1].place == "Mangrotai"
    assert evs[1].type == "drone_strike"
    assert any(c.quantity == 8 and c.unit == "killed" for c in ex.claims)


def test_second_strike_later_the_same_day_takes_that_day() -> None:
    text = ("Two US drone strikes hit villages outside Mir Ali on Monday, officials said. In the first, missiles "
            "struck a house in Haiderkhel in the morning, killing three suspected militants. The second strike, in "
            "the evening, destroyed a compound in Malangan Hassokhel, killing two more.")
    evs = mains(extract_article(text, date(2013, 1, 8)))  # a Tuesday
    assert [(e.date, e.place, e.killed_min) for e in evs] == [
        (date(2013, 1, 7), "Haider Khel", 3), (date(2013, 1, 7), "Malangan Hassokhel", 2)]


def test_condemned_strikes_without_a_publication_date_are_background_on_their_days() -> None:
    text = ("The Foreign Office on 13 May 2015 condemned the two drone strikes carried out near Miranshah in North "
            "Waziristan on the nights of 11 and 12 May, calling them a breach of sovereignty.")
    ex = extract_article(text, None)
    assert not mains(ex)
    assert sorted(e.date for e in ex.events if e.role == "background") == [date(2015, 5, 11), date(2015, 5, 12)]
    assert {e.place for e in ex.events} == {"Miranshah"}


def test_earlier_strike_told_after_the_lead_is_context_unless_separate_news() -> None:
    text = ("A US drone strike killed up to six people in Mangrotai in South Waziristan on Tuesday, officials said. "
            "On Monday, a strike in the Kundhgar area of the same valley killed three.")
    ex = extract_article(text, date(2014, 10, 7))
    assert [(e.role, e.date) for e in ex.events] == [("main", date(2014, 10, 7)), ("background", date(2014, 10, 6))]
    separate = text.replace("On Monday, a strike", "Separately, on Monday, a strike")
    assert [e.role for e in extract_article(separate, date(2014, 10, 7)).events] == ["main", "main"]


def test_place_of_the_lead_for_a_strike_told_without_one() -> None:
    text = ("Villagers in Damadola, in the Bajaur tribal agency, buried their dead on 14 January 2006, a day after "
            "missiles destroyed several houses in the village.\n\nThe attack, before dawn on 13 January 2006, "
            "killed at least 13 people, among them five children, according to local officials.")
    e = one(extract_article(text, None))
    assert e.date == date(2006, 1, 13) and e.place == "Damadola" and e.admin2 == "Bajaur"
    assert (e.killed_min, e.children_min) == (13, 5)


def test_retrospective_over_a_series_is_background() -> None:
    text = ("Between 2004 and 2018 the Bureau recorded 430 strikes in Pakistan. The very first strike, near Wana "
            "in June 2004, killed a tribal commander who had fallen out with the army.")
    ex = extract_article(text, None)
    assert not mains(ex)
