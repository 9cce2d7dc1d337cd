"""What is scored: our extractor (only through ``strikewatch.extract.extract_article``) and the keyword baseline,
both as a function (text, published) -> events, so the same scoring code reads both."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from strikewatch.evaluate.baseline import baseline_events
from strikewatch.merge.reports import STRIKE_TYPES as MERGE_STRIKE_TYPES
from strikewatch.schema import Event

Predictor = Callable[[str, "date | None"], list[Event]]
# what the product makes strike records of (strikewatch.merge.reports): drone and air strikes, and untyped events,
# which merge treats as strikes of unknown kind, so a false one is a false strike record and is counted here
STRIKE_TYPES = MERGE_STRIKE_TYPES


def extractor(text: str, published: date | None) -> list[Event]:
    from strikewatch.extract import extract_article

    return extract_article(text, published).events


def news_events(events: list[Event]) -> list[Event]:
    """The events a text reports as its news: role "main" in the body (not referred/background, not comments)."""
    return [e for e in events if e.role == "main" and e.section == "body"]


def body_strikes(events: list[Event]) -> list[Event]:
    """Events of a strike type in the body, news or referred."""
    return [e for e in events if e.type in STRIKE_TYPES and e.section == "body"]


PREDICTORS: dict[str, Predictor] = {"ours": extractor, "baseline": baseline_events}
