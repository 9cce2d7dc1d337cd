"""Long news reports: generic statements, non-strike news, background strikes in later paragraphs, tolls across
sentences and class figures. Every sentence here was written for these tests (none is copied from a report or from
a held-out set)."""

from __future__ import annotations

from datetime import date

import pytest
from swtest import body_mains as mains
from swtest import only_main

from strikewatch.extract import extract_article
from strikewatch.extract.casualties import find_casualties
from strikewatch.schema import Event

PUB = date(2012, 4, 12)


def one(text: str, published: date = PUB) -> Event:
    return only_main(text, published)


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


# --- 2. news that is not a strike ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "LAHORE: The provincial assembly on Tuesday passed a motion asking the federal government to halt cross-border "
        "raids, including missile attacks by unmanned aircraft.",
        "ISLAMABAD: The Lahore High Court on Monday ruled US drone strikes in the border districts unlawful and asked "
        "the government to raise the matter abroad.",
        "Tribal leaders on Sunday demanded an end to drone attacks, saying they would block the main road.",
        "WANA: A US surveillance drone crashed in a field near Wana on Monday, officials said. Nobody was injured.",
        "MIRANSHAH: A pilotless plane came down near the bazaar on Tuesday. No one was hurt, residents said.",
    ],
)
def test_news_about_strikes_is_no_strike(text: str) -> None:
    assert mains(extract_article(text, PUB)) == []


def test_a_span_of_years_is_no_toll_and_makes_a_claim() -> None:
    text = ("A report by a rights group says that between 300 and 700 civilians were killed between 2005 and 2011, "
            "drawing on local accounts.")
    ex = extract_article(text, PUB)
    assert mains(ex) == []
    assert {c.quantity for c in ex.claims} == {700}
    s = "Dozens of people were killed from 2009 to 2011 in the valley."
    assert all(c.lo != 2009 for c in find_casualties(s, 0, len(s)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # must not change: a statement day beside a single strike, a plural strike that struck, a missile that crashed
        ("Officials on Tuesday said a drone strike killed four people near Wana.", (4, 4)),
        ("US drones on Tuesday struck a compound near Wana, killing six, officials said.", (6, 6)),
        ("A missile crashed into a house near Wana on Tuesday, killing three people.", (3, 3)),
        ("A drone fired two missiles at a car near Wana on Tuesday, killing four, but no one else was hurt.", (4, 4)),
    ],
)
def test_real_strikes_beside_those_rules(text: str, expected: tuple[int, int]) -> None:
    e = one(text)
    assert (e.killed_min, e.killed_max) == expected
    assert e.date == date(2012, 4, 10)


# --- 3. one strike per report: later paragraphs that refer back or tell older strikes -----------------------------

BODY = [
    "Officials said the house belonged to a trader.",
    "The tribal areas are closed to reporters, and the accounts could not be checked.",
    "Villagers said they heard drones over the area for most of the night.",
]


@pytest.mark.parametrize(
    "later",
    [
        "A teenager died in the attack, a relative said.",
        "It was the third strike in the district in less than a month.",
        "The strike came a week after soldiers killed a wanted commander, Qari Zainullah, in Bannu.",
        "The attack came amid a dispute over a diplomat detained in Karachi.",
        "A local commander, Maulvi Sadiq Noor, was among the dead, officials said.",
        "A similar explosion in the village of Spalga in May killed three people.",
    ],
)
def test_later_paragraph_makes_no_second_main_event(later: str) -> None:
    text = LEAD + " ".join(BODY) + "\n\n" + later
    e = one(text)
    assert (e.date, e.place) == (date(2012, 4, 11), "Spinwam")
    assert e.killed_min == 5


def test_a_second_strike_told_as_such_is_still_an_event() -> None:
    text = LEAD + " ".join(BODY) + "\n\nIn a separate attack on Wednesday, a drone killed two men near Wana."
    assert len(mains(extract_article(text, PUB))) == 2


def test_bare_may_is_the_month_after_in() -> None:
    from strikewatch.extract.dates import find_dates

    s = "A similar blast in May killed two. Officials may say more."
    found = find_dates(s, PUB, 0, len(s))
    assert [(d.text, d.earliest) for d in found] == [("May", date(2011, 5, 1))]


# --- 4. tolls across sentences --------------------------------------------------------------------------------------

STRIKE = "A drone fired missiles at a compound near Spinwam in North Waziristan on Wednesday. "


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        ("District officials put the death toll at seven. Villagers later said 11 bodies had been pulled out.",
         (7, 11)),
        ("An official said four people died in the explosion. Relatives said nine people were buried on Thursday.",
         (4, 9)),
        ("Officials said 12 people were killed. Tribal elders said 14 were killed, among them a boy of 9 and a man "
         "of 70.", (12, 14)),
        ("Officials said five people were killed, among them two brothers aged 15 and 19.", (5, 5)),
        # a class figure after a toll of all the dead is a part of it, not a lower alternate
        ("Officials said 20 people were killed. Residents said between two and six civilians died.", (20, 20)),
        ("Officials said 20 people were killed. Elders said eight children were killed.", (20, 20)),
    ],
)
def test_tolls_across_sentences(later: str, expected: tuple[int, int]) -> None:
    e = one(STRIKE + later)
    assert (e.killed_min, e.killed_max) == expected


def test_burial_day_is_not_the_strike_day() -> None:
    e = one(STRIKE + "Officials said six were killed. Eight people were buried on Thursday, their relatives said.")
    assert e.date == date(2012, 4, 11)
    assert (e.killed_min, e.killed_max) == (6, 8)


def test_class_figure_alone_is_still_the_toll() -> None:
    # must not change: when the class figure is the only toll it is the toll
    e = one("A drone strike killed four civilians near Spinwam on Wednesday, residents said.")
    assert (e.killed_min, e.killed_max, e.civilians_min) == (4, 4, 4)


def test_bodies_without_a_figure_and_buried_in_the_active_count_nothing() -> None:
    for s in ("Villagers buried their dead on Friday.", "Rescuers searched for bodies in the rubble."):
        assert all(c.lo is None for c in find_casualties(s, 0, len(s)))


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        ("According to a tally kept by local people, 17 people were killed.", (9, 17)),
        ("Officials said nine were killed. Some reports said as many as 15 bodies were found, including two or three "
         "women.", (9, 15)),
        ("Officials later said the toll was 14, making it one of the deadliest strikes this year.", (9, 14)),
    ],
)
def test_second_figures_of_the_toll(later: str, expected: tuple[int, int]) -> None:
    e = one(STRIKE + "Officials said at least nine people were killed. " + later)
    assert (e.killed_min, e.killed_max) == expected


def test_statement_day_of_a_partitive_is_no_new_strike() -> None:
    text = STRIKE + "Officials said eight people were killed.\n\nAt least three of the dead were civilians, " \
        "intelligence officials acknowledged on Thursday."
    e = one(text)
    assert (e.killed_min, e.killed_max, e.civilians_min) == (8, 8, 3)


# --- 5. civilians and children --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "civilians", "children"),
    [
        ("Elders said at least four of the dead were civilians, among them one or two children.", (4, None), (1, 2)),
        ("Six of the dead were civilians, including two girls, relatives said.", (6, 6), (2, 2)),
        ("Two of the dead were civilians, including a child, villagers said.", (2, 2), (1, 1)),
        ("Between five and nine of the dead were civilians, elders said, and four of them were children.",
         (5, 9), (4, 4)),
        ("Three to six of the dead were civilians, elders said, and two to four were children.", (3, 6), (2, 4)),
        ("Up to five of the dead were civilians and up to two were children, an elder said.", (None, 5), (None, 2)),
        ("Between two and seven of the dead were civilians, possibly including up to three children.",
         (2, 7), (None, 3)),
    ],
)
def test_children_among_the_civilian_part(sentence: str, civilians: tuple[int | None, int | None],
                                          children: tuple[int | None, int | None]) -> None:
    e = one(STRIKE + "Officials said 12 people were killed. " + sentence)
    assert (e.killed_min, e.killed_max) == (12, 12)
    assert (e.civilians_min, e.civilians_max) == civilians
    assert (e.children_min, e.children_max) == children


def test_an_alternate_civilian_figure_is_not_a_toll() -> None:
    # a part of the dead as one source counts them: it neither lowers the toll nor becomes its figure
    e = one(STRIKE + "Officials said 13 people were killed. A tribal elder said five civilians died.")
    assert (e.killed_min, e.killed_max) == (13, 13)
    assert (e.civilians_min, e.civilians_max) == (5, 5)
    e = one(STRIKE + "Officials said at least 13 people were killed. A tribal elder said 18 civilians died.")
    assert e.killed_min == 13
    assert (e.civilians_min, e.civilians_max) == (18, 18)


def test_a_name_in_an_older_event_does_not_join_it() -> None:
    text = ("A missile strike killed the commander Qari Zainullah and six others in a house near Mir Ali on Wednesday, "
            "officials said.\n\nZainullah was believed to have planned a bombing at a market in Kabul last year.")
    e = one(text)
    assert (e.place, e.killed_min) == ("Mir Ali", 7)
    assert e.type != "bombing"


def test_the_first_strike_of_the_year_is_this_strike() -> None:
    text = ("A US drone strike killed three people near Spinwam on Wednesday, officials said.\n\nReporters cannot "
            "reach the area.\n\nIt was the first strike of 2012.")
    e = one(text)
    assert (e.role, e.killed_min, e.date) == ("main", 3, date(2012, 4, 11))


# --- another source's figure with the kill word left out; the kill word as an adjective ----------------------------

@pytest.mark.parametrize(
    ("sentence", "kind", "expected"),
    [
        ("Police said nine died; villagers said 13.", "killed", [(9, 9), (13, 13)]),
        ("Four were hurt; tribesmen reported seven.", "injured", [(4, 4), (7, 7)]),
        ("Two were wounded according to the police, six according to elders.", "injured", [(2, 2), (6, 6)]),
        ("A surgeon said 11 wounded men were brought to the clinic.", "injured", [(11, 11)]),
        ("Villagers recovered 8 dead tribesmen from the house.", "killed", [(8, 8)]),
        # must not change: a figure with its own noun after a semicolon is not a bare second figure
        ("Police said nine died; villagers said 13 of them were guards.", "killed", [(9, 9)]),
    ],
)
def test_second_source_ellipsis_and_adjectives(sentence: str, kind: str, expected: list[tuple[int, int]]) -> None:
    got = [(c.lo, c.hi) for c in find_casualties(sentence, 0, len(sentence)) if c.kind == kind and c.has_total]
    assert got == expected


def test_second_source_ellipsis_widens_the_toll() -> None:
    e = one(STRIKE + "Officials said 12 died; residents said 18. Five were wounded; a doctor said nine.")
    assert (e.killed_min, e.killed_max, e.injured_min, e.injured_max) == (12, 18, 5, 9)


@pytest.mark.parametrize(
    ("sentence", "civilians", "children"),
    [
        ("Elders said 12 were killed, and that three to five of them were civilians.", (3, 5), (None, None)),
        ("Elders said 12 people died and that up to six of them were civilians.", (None, 6), (None, None)),
        ("Elders said 12 were killed and that four of the victims were farmers, two of them boys.", (4, 4), (2, 2)),
        # must not change: a part without a verb, read with the toll as before
        ("Elders said 12 were killed, five of them civilians.", (5, 5), (None, None)),
    ],
)
def test_parts_of_them_with_a_verb(sentence: str, civilians: tuple[int | None, int | None],
                                   children: tuple[int | None, int | None]) -> None:
    e = one(STRIKE + sentence)
    assert (e.killed_min, e.killed_max) == (12, 12)
    assert (e.civilians_min, e.civilians_max) == civilians
    assert (e.children_min, e.children_max) == children
