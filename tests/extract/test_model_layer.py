"""The trained layer over the rules: what each model reads, what the modes switch, and that the weights are the
training script's (sentences written here; the weights come from ../shared data)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from strikewatch.extract import extract_article
from strikewatch.extract.model import DEFAULT_MODE, MODES, mode
from strikewatch.extract.model.features import mentions, number_features, tokens
from strikewatch.extract.model.linear import WEIGHTS, load
from tests.swtest import SHARED

PUB = date(2015, 6, 2)


def killed_p(sentence: str, figure: str) -> float:
    """P(killed) the toll model gives the mention ``figure`` of ``sentence``."""
    model = load("tolls")
    assert model is not None
    toks = tokens(sentence, 0, len(sentence))
    (q,) = [q for q in mentions(sentence, toks, 0, len(sentence)) if sentence[q.start:q.end].endswith(figure)]
    return model.proba(number_features(toks, q))["killed"]


def test_weights_ship_small_and_load() -> None:
    assert WEIGHTS.stat().st_size < 20 * 2**20
    for name in ("tolls", "clauses"):
        model = load(name)
        assert model is not None and len(model.weights) > 100
        p = model.proba(["w=killed", "R1=killed"])
        assert abs(sum(p.values()) - 1.0) < 1e-9


def test_toll_model_tells_the_dead_from_other_numbers() -> None:
    s = "Gunmen shot dead four villagers and wounded nine others near the market on Monday, police said."
    assert killed_p(s, "four") > 0.5 > killed_p(s, "nine")
    s2 = "The 45-year-old shopkeeper was among three people killed when a bomb went off in a bazaar."
    assert killed_p(s2, "three") > killed_p(s2, "45")


def test_toll_model_reads_a_single_death_without_a_number() -> None:
    s = "A policeman was killed when militants attacked a checkpost on the highway late on Friday."
    assert killed_p(s, "A") > 0.5


def test_clause_model_prefers_a_strike_report_to_a_protest() -> None:
    from strikewatch.extract.model.features import clause_features

    model = load("clauses")
    assert model is not None
    strike = "Jets struck a militant hideout in the valley at dawn, killing at least six fighters."
    protest = "Traders shut their shops and marched through the city to protest against rising fuel prices."
    p1 = model.proba(clause_features(strike, 0, len(strike)))["none"]
    p2 = model.proba(clause_features(protest, 0, len(protest)))["none"]
    assert p1 < 0.5 < p2


def test_mode_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIKEWATCH_EXTRACT_MODEL", "tolls")
    assert mode() == "tolls"
    monkeypatch.setenv("STRIKEWATCH_EXTRACT_MODEL", "nonsense")
    assert mode() == DEFAULT_MODE and DEFAULT_MODE in MODES


def test_other_violence_is_recorded_as_other_never_a_strike(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Three men were hacked to death in a land dispute in the village on Monday, police said."
    monkeypatch.setenv("STRIKEWATCH_EXTRACT_MODEL", "off")
    assert extract_article(text, PUB).events == []
    monkeypatch.setenv("STRIKEWATCH_EXTRACT_MODEL", "tolls")
    (ev,) = extract_article(text, PUB).events
    assert ev.type == "other" and (ev.killed_min, ev.killed_max) == (3, 3)
    span = next(e for e in ev.evidence if e.field == "killed_min")
    assert text[span.start:span.end] == "Three"


def test_the_model_gives_a_toll_the_rules_left_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Unidentified gunmen shot dead a schoolteacher outside his home in the town on Tuesday evening, police said."
    monkeypatch.setenv("STRIKEWATCH_EXTRACT_MODEL", "off")
    assert [(e.type, e.killed_min) for e in extract_article(text, PUB).events] == [("ground_attack", None)]
    monkeypatch.setenv("STRIKEWATCH_EXTRACT_MODEL", "tolls")
    (ev,) = extract_article(text, PUB).events
    assert (ev.killed_min, ev.killed_max) == (1, 1)


def test_a_protest_gives_no_event_with_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIKEWATCH_EXTRACT_MODEL", "on")
    text = "Hundreds of people rallied in the city on Friday to protest against the price of flour, organisers said."
    assert extract_article(text, PUB).events == []


def test_a_strike_keeps_its_rules_toll_under_every_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("A drone fired two missiles at a compound in the village of Zor Kali on Sunday night, killing five "
            "suspected militants and wounding two, officials said.")
    for m in MODES:
        monkeypatch.setenv("STRIKEWATCH_EXTRACT_MODEL", m)
        mains = [e for e in extract_article(text, PUB).events if e.role == "main"]
        assert [(e.type, e.killed_min, e.injured_min) for e in mains] == [("drone_strike", 5, 2)], m


@pytest.mark.slow
def test_training_script_reproduces_the_shipped_weights_from_shared_data() -> None:
    """CI has ../shared but not the real-news texts (rebuilt per session): the script's output from ../shared alone
    is what the shipped weights record; with the texts rebuilt, ``--check`` reproduces the whole file."""
    pytest.importorskip("sklearn")
    if not (SHARED / "data" / "dev" / "acled_asia_2015.csv").exists():
        pytest.skip("../shared data not present")
    from swdev.train_extractor import shared_only_sha256

    meta = json.loads(WEIGHTS.read_text(encoding="utf-8"))["meta"]
    assert meta["trained_by"].endswith("train_extractor")
    assert shared_only_sha256(SHARED) == meta["shared_only_sha256"]


def test_untyped_violence_at_a_protest_is_no_strike(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Protesters blocked the highway on Monday against power cuts and four policemen were injured, officials "
            "said.")
    monkeypatch.setenv("STRIKEWATCH_EXTRACT_MODEL", "off")
    assert [(e.type, e.injured_min) for e in extract_article(text, PUB).events] == [(None, 4)]
    monkeypatch.setenv("STRIKEWATCH_EXTRACT_MODEL", "clauses")
    (ev,) = extract_article(text, PUB).events
    assert (ev.type, ev.injured_min) == ("other", 4)
    assert any(e.field == "type" for e in ev.evidence)


def test_a_campaign_total_is_a_statistic_not_an_event(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("The operation, which began on June 15, is underway in the agency, in which 374 militants had been killed "
            "so far.")
    monkeypatch.setenv("STRIKEWATCH_EXTRACT_MODEL", "off")
    assert [e.killed_min for e in extract_article(text, PUB).events] == [374]
    monkeypatch.setenv("STRIKEWATCH_EXTRACT_MODEL", "tolls")
    assert extract_article(text, PUB).events == []


def test_a_widened_range_starts_at_the_toll_not_at_a_part_of_it(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Jets struck a camp near the town on Monday, killing 17 people, officials said. Among the dead were "
            "5 children, a hospital official said.")
    monkeypatch.setenv("STRIKEWATCH_EXTRACT_MODEL", "on")
    mains = [e for e in extract_article(text, PUB).events if e.role == "main"]
    assert [(e.type, e.killed_min) for e in mains] == [("air_strike", 17)]
