"""The web tests' own data (tests/support/webdata.py) stays consistent."""

from __future__ import annotations

from support.webdata import ARTICLES, EVENTS, _span


def test_seed_spans_point_at_their_phrases() -> None:
    """The evidence phrases of the test data occur in their articles (guards edits of the texts above)."""
    for ai, _fields, phrases in EVENTS:
        text = ARTICLES[ai]["text"]
        for field, phrase in phrases.items():
            sp = _span(text, phrase, field)
            assert text[sp["start"]:sp["end"]] == phrase
