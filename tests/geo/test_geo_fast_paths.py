"""The shortcuts that make place reading cheap must never change an answer: each is checked against the slow path it
replaces, on sentences written for the purpose."""

from __future__ import annotations

import pytest

from strikewatch.geo import choose_site, get_gazetteer
from strikewatch.geo import mentions as M
from strikewatch.geo import site as S

TEXTS = [
    "PESHAWAR: A drone fired two missiles at a house in the Gorwaik area of Datta Khel, 45 km west of Miranshah.",
    "A US drone killed four people near Mir Ali. Officials in Peshawar said the dead were foreigners.",
    "The wounded were taken to a hospital in Bannu, where relatives protested outside the press club.",
    "ISLAMABAD, Pakistan (AP) — Missiles struck a compound in Shawal, South Waziristan, on Tuesday.",
    "An air strike hit al-Sawmaa district of Bayda province. Residents said the raid killed three.",
    "Villagers in Damadola buried their dead. A tribesman watches the smoke (file photo)\nMore text here.",
    "Security forces killed 2 militants in an encounter in Karachi's Orangi town, police told reporters in Karachi.",
    "JSQM protested outside Sukkur press club against the killing of its worker in Khairpur.",
    "The strike, the third this month, was condemned by Islamabad and Washington declined to comment.",
    "Drones hit targets between Wana and Angoor Adda, 20 miles south of the border with Afghanistan.",
]


@pytest.mark.parametrize("before", [
    "hit a house in ", "a house in the ", "near the town of ", "Datta Khel, ", "Datta Khel ,  ", "in\tthe\n",
    "officials said ", "the main", "(in ", "xin ", "attacked the ", "area ", "", "targeted the  ", "a, b",
])
def test_locative_read_backwards_agrees(before: str) -> None:
    assert M._locative_before(before) == bool(M._LOCATIVE_BEFORE.search(before))


@pytest.mark.parametrize("line", [
    "Smoke rises over the village (file photo)", "A funeral in 2011. REUTERS", "Mourners gather. AFP\n",
    "REUTERS/Someone", "[Photo: Internet] a drone", "Getty Images", "Rescuers at the site. Xinhua  \nnext",
    "A map. Epa", "photo: a house",
])
def test_caption_prefilter_lets_every_caption_through(line: str) -> None:
    assert S._CAPTION.search(line)
    assert S._may_hold_caption(line)
    assert S.captions(line)


def test_caption_prefilter_skips_text_without_credit_words() -> None:
    text = "The department said a separate repair crew reached the site on Tuesday."
    assert not S._may_hold_caption(text)
    assert S.captions(text) == ()


@pytest.mark.parametrize("text", TEXTS)
def test_keyword_prechecks_agree_with_the_patterns(text: str) -> None:
    for k in range(len(text)):
        sb = M._sentence_before(text, k)
        if M._SPEAKER_BEFORE.search(sb):
            assert M._may_hold(sb, M._SPEAKER_KEYS)
        if M._ELSEWHERE_WORD.search(sb):
            assert M._may_hold(sb, M._ELSEWHERE_KEYS)


@pytest.mark.parametrize("text", TEXTS)
def test_skipping_stretches_without_names_changes_no_choice(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    resolve_mod = sys.modules["strikewatch.geo.resolve"]
    cuts = [0, *(i + 1 for i, c in enumerate(text) if c in ",.;"), len(text)]
    spans = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    fast = [choose_site(text, [sp]) for sp in spans] + [choose_site(text, spans)]
    get_gazetteer().clear_caches()
    resolve_mod._mentions.cache_clear()
    monkeypatch.setattr(resolve_mod, "may_name_place", lambda *a: True)
    slow = [choose_site(text, [sp]) for sp in spans] + [choose_site(text, spans)]
    assert fast == slow


def test_a_clause_without_a_capitalised_name_is_not_read() -> None:
    text = "A drone hit a house in Datta Khel, killing four people, officials said."
    gaz = get_gazetteer()
    a = text.index("killing")
    b = text.index(", officials")
    assert not M.may_name_place(text, a, b, (0, len(text)), gaz)
    assert M.may_name_place(text, 0, a, (0, len(text)), gaz)
