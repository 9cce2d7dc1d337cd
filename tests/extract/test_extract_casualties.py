"""The casualty grammar on sentences we wrote in the style of wire reports and tracker summaries."""

from __future__ import annotations

import pytest

from strikewatch.extract.casualties import Casualties, find_casualties


def read(text: str) -> list[Casualties]:
    return find_casualties(text, 0, len(text))


def killed(text: str) -> tuple[int | None, int | None]:
    ks = [c for c in read(text) if c.kind == "killed" and c.has_total]
    assert ks, text
    return ks[0].lo, ks[0].hi


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A drone fired two missiles at a house near Mir Ali, killing at least six people.", (6, None)),
        ("Between 4 and 7 suspected militants were killed in the raid.", (4, 7)),
        ("Officials said 4-7 people died when the compound was hit.", (4, 7)),
        ("Up to 40 people were killed, a local elder told reporters.", (None, 40)),
        ("Fourteen people were killed in the strike on a vehicle.", (14, 14)),
        ("A woman and her two children were killed when the missile struck their home.", (3, 3)),
        ("Two women and a child died in the attack.", (3, 3)),
        ("A named Taliban commander was killed along with five of his guards.", (6, 6)),
        ("Mullah Akhtar Gul, a senior commander, was killed with three other militants.", (4, 4)),
        ("Villagers said dozens of people were killed.", (12, None)),
        ("The attack left several people dead.", (3, None)),
        ("Three civilians, including a boy, were among nine people killed.", (9, 9)),
        ("The missiles killed either two, four or no people, according to conflicting accounts.", (0, 4)),
        ("At least 10 people were killed — 16 by some counts — in the two raids.", (10, 16)),
        ("Six or seven people died in the blast.", (6, 7)),
        ("The drone struck a car, killing him and two passengers.", (3, 3)),
    ],
)
def test_totals(text: str, expected: tuple[int | None, int | None]) -> None:
    assert killed(text) == expected


def test_injured_apart_from_killed() -> None:
    cs = read("The strike killed five suspected militants and wounded three others.")
    assert [(c.kind, c.lo, c.hi) for c in cs] == [("killed", 5, 5), ("injured", 3, 3)]
    cs = read("Nobody was killed but four villagers were injured in the raid on the market.")
    assert ("injured", 4, 4) in [(c.kind, c.lo, c.hi) for c in cs]


def test_classes_subsets_and_names() -> None:
    (c,) = [x for x in read("Eleven people, including four children and two women, were killed in the strike.")
            if x.kind == "killed"]
    assert (c.lo, c.hi) == (11, 11)
    assert c.classes["child"][:2] == (4, 4)
    (c,) = read("The strike killed 18 suspected militants.")
    assert c.classes["militant"][:2] == (18, 18)
    (c,) = read("Local commander Qari Zainullah was killed in the strike along with two guards.")
    assert [n for n, _s, _e in c.named] == ["Qari Zainullah"]


def test_ages_dates_and_munitions_are_not_people() -> None:
    assert killed("A 10-year-old boy was killed with six alleged militants.") == (7, 7)
    assert killed("Two boys, aged eight and 17, were killed.") == (2, 2)
    assert killed("The drone fired four missiles, killing three people.") == (3, 3)
    assert read("The drone fired four missiles at the compound.") == []


def test_revision_and_toll() -> None:
    cs = read("The death toll rose to 26 on Sunday.")
    assert [(c.lo, c.hi, c.revision) for c in cs] == [(26, 26, True)]


def test_evidence_spans_cover_the_figure() -> None:
    text = "Local officials said the strike killed at least 12 people in Datta Khel."
    (c,) = read(text)
    assert "12" in text[c.start:c.end]


def test_hedged_description_of_the_same_people_adds_nobody() -> None:
    assert killed("Five people, possibly all civilians, were killed in the attack.") == (5, 5)
    assert killed("The strike on a school killed 2-5, reportedly all named students.") == (2, 5)
    assert killed("The strike killed four people, all civilians.") == (4, 4)


def test_hedged_addition_after_a_passive_toll_raises_the_maximum() -> None:
    (c,) = read("6 alleged militants killed and possibly 3 civilians in a strike on a house.")
    assert (c.lo, c.hi) == (6, 9)
    assert [(x.kind, x.lo, x.hi) for x in read("Nine Taliban killed and 4 injured in a strike.")] == [
        ("killed", 9, 9), ("injured", 4, 4)]


def test_lowered_claim_is_a_revision() -> None:
    cs = read("First reports of 25 dead were later lowered to six deaths.")
    assert [c.revision for c in cs] == [False, True]
    assert (cs[-1].lo, cs[-1].hi) == (6, 6)


def test_people_who_survived_or_came_to_help_are_added() -> None:
    cs = read("When a survivor ran to a nearby house, a second missile hit it, killing him and a neighbour.")
    assert cs and cs[0].additive
    assert not read("Rescuers said 12 people were killed.")[0].additive


@pytest.mark.parametrize(
    "text",
    [
        "Officials would not say how many people had died.",
        "Nobody knows who was killed in the strike.",
        "The death toll was disputed for years.",
        "A ministry said at first that several fighters had been killed, then withdrew the statement.",
    ],
)
def test_not_a_count(text: str) -> None:
    assert [c for c in read(text) if c.lo is not None or c.hi is not None] == []
