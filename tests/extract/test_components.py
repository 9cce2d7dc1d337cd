"""Each extractor component run alone on a Doc that the components before it have prepared, on sentences written
here; and the code rule that keeps ``strikewatch/extract`` readable (no function longer than 60 lines)."""

from __future__ import annotations

import ast
import sys
from datetime import date
from pathlib import Path

import pytest

from strikewatch.extract import extract_article, pipeline
from strikewatch.extract.doc import Doc
from strikewatch.extract.pipeline import COMPONENTS, Component

PUB = date(2014, 6, 12)  # a Thursday
TWO_STRIKES = (
    "At least five suspected militants were killed when a US drone fired two missiles at a compound in Datta Khel, "
    "North Waziristan, on Tuesday, officials said. The strike destroyed the house. "
    "A second drone strike hit a car near Miranshah on Wednesday, killing two people."
)


def prepared(text: str, component: Component, published: date | None = PUB) -> Doc:
    """A Doc read by every component before ``component`` (and not by it)."""
    doc = Doc(text, published)
    for c in COMPONENTS[:COMPONENTS.index(component)]:
        c(doc)
        assert not doc.done
    return doc


def test_components_are_listed_once_in_reading_order() -> None:
    names = [c.__name__ for c in COMPONENTS]
    assert len(names) == len(set(names))
    for before, after in (("gate", "layout"), ("dates", "casualties"), ("casualties", "claims"),
                          ("mentions", "cluster"), ("cluster", "finalise")):
        assert names.index(before) < names.index(after)


def test_gate_stops_a_text_that_names_no_strike_or_death() -> None:
    doc = Doc("The provincial assembly debated the budget for schools and roads on Monday.", PUB)
    pipeline.gate(doc)
    assert doc.done
    quiet = pipeline.run(Doc("Farmers in the valley began the wheat harvest early this year.", PUB))
    assert quiet.done and quiet.sents == [] and quiet.events == []
    doc = Doc("A drone strike hit a house.", PUB)
    pipeline.gate(doc)
    assert not doc.done


def test_layout_finds_the_dateline_and_sentences() -> None:
    text = "MIRANSHAH, June 12 (FPA) - A drone strike killed four people in Datta Khel. Two more were wounded."
    doc = prepared(text, pipeline.layout)
    pipeline.layout(doc)
    assert doc.dl_end is not None and text[:doc.dl_end].startswith("MIRANSHAH")
    assert [text[s.start:s.end].strip() for s in doc.sents][-1] == "Two more were wounded."
    assert doc.drone


def test_select_sentences_reads_only_those_with_a_kill_or_strike_word() -> None:
    text = ("The valley is known for its orchards. A drone strike hit a compound near Wana. "
            "Schools reopened after the summer holidays.")
    doc = prepared(text, pipeline.select_sentences)
    pipeline.select_sentences(doc)
    assert [text[r.sent.start:r.sent.end].strip() for r in doc.reading] == ["A drone strike hit a compound near Wana."]


def test_dates_component_drops_the_dateline_day_and_keeps_the_strike_day() -> None:
    text = "MIRANSHAH, June 12 (FPA) - A drone strike killed four people in Datta Khel on Tuesday."
    doc = prepared(text, pipeline.dates)
    pipeline.dates(doc)
    (r,) = doc.reading
    assert [d.text for d in r.dates] == ["on Tuesday"]
    assert r.dates[0].days == [date(2014, 6, 10)]


def test_casualty_component_reads_a_lower_bound_with_its_class() -> None:
    doc = prepared(TWO_STRIKES, pipeline.casualties)
    pipeline.casualties(doc)
    first = doc.reading[0].cas
    assert len(first) == 1
    toll = first[0]
    assert (toll.kind, toll.lo, toll.hi) == ("killed", 5, None)
    assert TWO_STRIKES[toll.start:toll.end] == "At least five suspected militants"
    assert toll.classes["militant"][:2] == (5, None)
    last = doc.reading[-1].cas
    assert [(c.lo, c.hi) for c in last] == [(2, 2)]


def test_casualty_component_reads_a_toll_of_none() -> None:
    text = "A drone strike hit an empty compound near Mir Ali on Monday; there were no casualties."
    doc = prepared(text, pipeline.casualties)
    pipeline.casualties(doc)
    (r,) = doc.reading
    assert [(c.lo, c.hi) for c in r.cas] == [(0, 0)]


def test_claims_component_turns_a_statistic_into_claims_and_no_mention() -> None:
    text = "Drone strikes killed 149 civilians in the first six months of the year, the UN said."
    doc = prepared(text, pipeline.claims)
    pipeline.claims(doc)
    assert doc.reading[0].claimed
    assert [(c.quantity, c.unit) for c in doc.claims] == [(149, "killed"), (149, "civilians")]
    pipeline.mentions(doc)
    assert doc.mentions == []


def test_mention_component_skips_negated_and_hypothetical_strikes() -> None:
    text = ("There was no drone strike in Shawal on Monday, the army said. Officials warned a drone strike could "
            "hit the area on Monday if talks fail. A drone strike killed three people in Datta Khel on Monday.")
    doc = prepared(text, pipeline.mentions)
    pipeline.mentions(doc)
    assert [text[m.start:m.end].strip(" .") for m in doc.mentions] == [
        "A drone strike killed three people in Datta Khel on Monday"]


def test_place_tails_attach_a_place_line_to_the_event_before() -> None:
    text = "A US drone strike killed four militants on Tuesday.\nShawal, North Waziristan."
    doc = prepared(text, pipeline.place_tails)
    assert doc.mentions[0].extra_spans == []
    pipeline.place_tails(doc)
    (s, e), = doc.mentions[0].extra_spans
    assert text[s:e].strip() == "Shawal, North Waziristan."


def test_cluster_joins_sentences_about_one_strike_and_keeps_a_second_apart() -> None:
    doc = prepared(TWO_STRIKES, pipeline.cluster)
    assert len(doc.mentions) == 3
    pipeline.cluster(doc)
    assert [len(acc.mentions) for acc in doc.candidates] == [2, 1]
    first, second = doc.candidates
    assert first.day == date(2014, 6, 10) and second.day == date(2014, 6, 11)
    assert second.ordinal  # "a second drone strike"
    assert "The strike destroyed the house" in TWO_STRIKES[first.mentions[1].start:first.mentions[1].end]


def test_finalise_makes_events_with_fields_and_evidence() -> None:
    doc = prepared(TWO_STRIKES, pipeline.finalise)
    pipeline.finalise(doc)
    first, second = doc.events
    assert (first.killed_min, first.killed_max, first.militants_min) == (5, None, 5)
    assert (first.munitions_min, first.munitions_max) == (2, 2)
    assert first.type == "drone_strike" and first.perpetrator == "US"
    assert first.date == date(2014, 6, 10) and second.date == date(2014, 6, 11)
    assert (second.killed_min, second.killed_max) == (2, 2)
    spans = {e.field: TWO_STRIKES[e.start:e.end] for e in first.evidence}
    assert spans["killed_min"] == "At least five suspected militants"
    assert spans["date"] == "on Tuesday"
    assert doc.event_accs == doc.candidates


def test_inherit_perpetrator_gives_the_articles_one_perpetrator_to_its_other_drone_strike() -> None:
    text = ("A US drone strike killed four militants in Datta Khel on Tuesday. On Wednesday, a drone strike killed "
            "two people near Mir Ali.")
    doc = prepared(text, pipeline.inherit_perpetrator)
    second = doc.events[1]
    assert second.perpetrator is None
    pipeline.inherit_perpetrator(doc)
    assert second.perpetrator == "US"
    assert [text[e.start:e.end] for e in second.evidence if e.field == "perpetrator"] == ["US"]


def test_place_lookups_live_on_the_doc() -> None:
    a = pipeline.run(Doc(TWO_STRIKES, PUB))
    b = pipeline.run(Doc(TWO_STRIKES, PUB))
    assert a.geo_memo and a.geo_memo is not b.geo_memo
    assert extract_article(TWO_STRIKES, PUB).to_dict() == extract_article(TWO_STRIKES, PUB).to_dict()


def test_no_module_or_thread_cache_keyed_on_the_text_in_the_components() -> None:
    here = Path(pipeline.__file__).parent
    files = {Path(str(sys.modules[c.__module__].__file__)) for c in COMPONENTS}
    files |= {here / f"{name}.py" for name in ("pipeline", "doc", "places", "facts", "layout", "dates")}
    for path in files:
        src = path.read_text(encoding="utf-8")
        assert "threading" not in src and "lru_cache" not in src and "functools.cache" not in src, path.name




@pytest.mark.parametrize("path", sorted(Path(pipeline.__file__).parent.rglob("*.py")), ids=lambda p: p.name)
def test_no_function_longer_than_60_lines(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [(n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.end_lineno is not None
            and n.end_lineno - n.lineno + 1 > 60]
    assert long == []

