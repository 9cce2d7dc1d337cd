"""extract_article on the seed articles (read from ../shared at test time) and on reports we wrote ourselves."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from strikewatch.extract import EXTRACTOR_VERSION, extract_article
from strikewatch.schema import Event, Extraction, join_comments

GEO_READY = extract_article("A US drone strike killed four militants in Datta Khel, North Waziristan, on Monday.",
                            date(2012, 3, 6)).events[0].admin2 is not None


def seed(shared_dir: Path, prefix: str) -> str:
    (path,) = sorted((shared_dir / "seeds").glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def mains(ex: Extraction) -> list[Event]:
    return [e for e in ex.events if e.role == "main"]


def assert_evidence(text: str, ex: Extraction) -> None:
    """Every non-null field that came from the text has a span inside the text."""
    for ev in ex.events:
        fields = {e.field for e in ev.evidence}
        for e in ev.evidence:
            assert 0 <= e.start < e.end <= len(text)
        for name, value in ev.to_dict().items():
            if name in ("role", "section", "evidence", "date_latest") or value in (None, []):
                continue
            assert name in fields, (name, value)


def test_seed_001_strikes_attack_background_and_claims(shared_dir: Path) -> None:
    text = seed(shared_dir, "001")
    ex = extract_article(text, date(2014, 6, 12), doc_id="001")
    drone = [e for e in mains(ex) if e.type == "drone_strike"]
    assert sorted(e.date for e in drone if e.date) == [date(2014, 6, 11), date(2014, 6, 12)]
    assert {e.perpetrator for e in drone} == {"US"}
    if GEO_READY:
        assert all(e.admin2 == "North Waziristan" for e in drone)
    # one toll for both strikes is not given to each: it is kept as a claim
    assert not [e for e in drone if e.killed_min == 10]
    assert any(c.quantity == 16 and c.unit == "killed" for c in ex.claims)
    karachi = [e for e in ex.events if e.type == "ground_attack"]
    assert len(karachi) == 1 and karachi[0].killed_min == 39 and karachi[0].militants_min == 10
    assert karachi[0].date == date(2014, 6, 8) and karachi[0].perpetrator in ("Taliban", "TTP")
    mehsud = [e for e in ex.events if "Hakimullah Mehsud" in e.named_dead]
    assert len(mehsud) == 1 and mehsud[0].role == "background"
    assert (mehsud[0].date_earliest, mehsud[0].date_latest) == (date(2013, 11, 1), date(2013, 11, 30))
    christmas = [e for e in ex.events if e.date == date(2013, 12, 25)]
    assert christmas and christmas[0].role == "background"
    stats = {(c.unit, c.quantity) for c in ex.claims}
    assert {("killed", 3735), ("civilians", 957), ("children", 202)} <= stats
    assert_evidence(text, ex)


@pytest.mark.parametrize("prefix", ["000", "003", "004"])
def test_commentary_seeds_report_no_strike(shared_dir: Path, prefix: str) -> None:
    ex = extract_article(seed(shared_dir, prefix), None)
    assert mains(ex) == []


def test_seed_004_statistics_are_claims(shared_dir: Path) -> None:
    ex = extract_article(seed(shared_dir, "004"), date(2017, 12, 19))
    assert any(c.unit == "strikes" and c.quantity == 5 and c.period == "2017" for c in ex.claims)
    assert mains(ex) == []


def test_seed_002_comment_only_strikes_are_marked(shared_dir: Path) -> None:
    text = seed(shared_dir, "002")
    ex = extract_article(text, None)
    com = [e for e in ex.events if e.section == "comments"]
    assert com and not [e for e in mains(ex) if e.section == "body"]
    start = text.index("7 replies")
    for e in ex.events:
        spans = [x.start for x in e.evidence]
        if spans and min(spans) >= start:
            assert e.section == "comments"
    assert any(e.killed_min == 18 and e.militants_min == 18 for e in com)
    assert any(e.injured_min == 14 for e in com)
    # the page's [youtube] tag and the cookie banner of 004 never become events
    assert_evidence(text, ex)


REPORT = """PESHAWAR: A US drone strike killed four suspected militants in the Shawal area of North Waziristan on \
Tuesday, officials said.

The drone fired two missiles at a compound, the officials said. A second strike hit a vehicle near Datta Khel \
on Wednesday, killing three people, including a woman.

Separately, Pakistani jets pounded militant hideouts in the Tirah valley of Khyber Agency late Monday, killing 12 \
insurgents, the military said.

The United States has carried out more than 400 drone strikes in Pakistan since 2004, according to the \
Bureau of Investigative Journalism. Officials said strikes would continue, and the Taliban threatened to \
shoot down any drone. Last month passed without a single strike.
"""


def test_own_report_several_strikes_types_and_filters() -> None:
    ex = extract_article(REPORT, date(2014, 5, 29))  # a Thursday
    evs = sorted(mains(ex), key=lambda e: e.date or date.min)
    assert [(e.type, e.perpetrator, e.date) for e in evs] == [
        ("air_strike", "PK", date(2014, 5, 26)),
        ("drone_strike", "US", date(2014, 5, 27)),
        ("drone_strike", "US", date(2014, 5, 28)),
    ]
    jets, first, second = evs
    assert (jets.killed_min, jets.militants_min) == (12, 12)
    assert (first.killed_min, first.killed_max, first.militants_min, first.munitions_min) == (4, 4, 4, 2)
    assert (second.killed_min, second.civilians_min) == (3, 1)
    assert first.target == "compound" and second.target == "vehicle"
    if GEO_READY:
        assert first.admin2 == "North Waziristan" and first.place != "Peshawar"  # the dateline is not the site
        assert jets.admin2 == "Khyber"
    assert any(c.unit == "strikes" and c.quantity == 401 for c in ex.claims)
    assert len(ex.events) == 3  # no event from plans, threats or the lull
    assert_evidence(REPORT, ex)


def test_relative_dates_without_publication_date_stay_unknown() -> None:
    ex = extract_article("A drone strike killed five people in Mir Ali on Wednesday.", None)
    (e,) = ex.events
    assert e.date is None and e.date_latest is None and e.date_text == "on Wednesday"


def test_junk_and_comments_in_plain_text() -> None:
    body = "Officials said a drone strike killed two men in a car in South Waziristan on Friday."
    comments = "Ali says:\nThey also said another drone strike killed nine people in Wana on Saturday."
    text, cstart = join_comments(body + "\n\nWe use cookies. A cookie banner killed 3 people? Accept Cookies",
                                 comments)
    ex = extract_article(text, date(2013, 1, 7), comments_start=cstart)
    assert [(e.section, e.killed_min) for e in ex.events] == [("body", 2), ("comments", 9)]
    # the same text with comments detected from the "NAME says:" line
    ex2 = extract_article(text, date(2013, 1, 7))
    assert [(e.section, e.killed_min) for e in ex2.events] == [("body", 2), ("comments", 9)]


def test_empty_garbage_and_foreign_text() -> None:
    for t in ("", "   ", "\x00\x01 ###", "Der Angriff war gestern. Niemand wurde verletzt.", "a" * 5000):
        assert extract_article(t, date(2020, 1, 1)).events == []
    assert EXTRACTOR_VERSION


def test_json_round_trip() -> None:
    ex = extract_article(REPORT, date(2014, 5, 29), doc_id="r1")
    d = json.loads(json.dumps(ex.to_dict()))
    assert d["id"] == "r1" and len(d["events"]) == len(ex.events)
    assert Event.from_dict(d["events"][0]).date == ex.events[0].date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said the US would launch more drone strikes in North Waziristan if the talks fail.", []),
        ("Pakistan demanded compensation for victims of drone strikes that killed hundreds of civilians.", []),
        ("A Pakistani drone strike killed three militants in Shawal on Monday, the army said.",
         [("drone_strike", "PK", date(2015, 3, 2), 3)]),
        ("Security forces said a suicide bomber blew himself up at a checkpoint in Bannu on Tuesday, killing four "
         "soldiers and wounding nine.", [("bombing", None, date(2015, 3, 3), 4)]),
        ("Helicopter gunships shelled militant positions in Orakzai on Sunday, killing dozens of insurgents.",
         [("air_strike", None, date(2015, 3, 1), 12)]),
    ],
)
def test_what_is_and_is_not_a_strike(text: str, expected: list[tuple[object, ...]]) -> None:
    ex = extract_article(text, date(2015, 3, 4))
    assert [(e.type, e.perpetrator, e.date, e.killed_min) for e in ex.events] == expected


def test_protest_date_is_not_the_strike_date() -> None:
    text = ("Protesters in Peshawar burned US flags on Friday to condemn a drone strike that killed 11 people in "
            "Datta Khel last week.")
    (e,) = extract_article(text, date(2015, 3, 4)).events
    assert e.date is None and (e.date_earliest, e.date_latest) == (date(2015, 2, 23), date(2015, 3, 1))
    assert e.killed_min == 11 and e.date_text == "last week"
    if GEO_READY:
        assert e.place == "Datta Khel"
