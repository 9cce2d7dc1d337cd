"""A keyword baseline to read our figures against: what a regular expression gets without any grammar.

One strike per article when a strike word occurs (drone, strike, air strike, missile, warplane, jet, gunship, ...);
its killed figure is the first number (digits up to 999 or an English word up to ninety-nine) within three words
before or after a kill word (killed, killing, dead, died, deaths, ...), read as a single figure (killed_min =
killed_max); no date, no place. A text with such a number but no strike word gives one event of type "other" (an
attack, not a strike) with that figure, so sets that score any attack's toll (ACLED, the TBIJ summaries) have a
baseline figure too; a text with neither gives no event.
"""

from __future__ import annotations

import re
from datetime import date

from strikewatch.evaluate.number_words import WORD_VALUES
from strikewatch.schema import Event, EventType

_STRIKE = re.compile(
    r"\b(?:drones?|strikes?|air\s?strikes?|airstrikes?|air\s?raids?|missiles?|warplanes?|jets?|gunships?|bombers?|"
    r"aircraft|helicopters?)\b", re.I)
_DRONE = re.compile(r"\bdrones?\b", re.I)
_KILL = r"(?:killed|killing|kills?|dead|died|deaths?|lives)"
_WORDS = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
_NUM = rf"(?:\d{{1,3}}|(?:{_WORDS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
_NEAR = re.compile(
    rf"\b(?P<a>{_NUM})\b(?:\W+\w+){{0,3}}?\W+{_KILL}\b|\b{_KILL}\b(?:\W+\w+){{0,3}}?\W+(?P<b>{_NUM})\b", re.I)


def number_value(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    parts = re.split(r"[- ]", w)
    if not all(p in WORD_VALUES for p in parts):
        return None
    return sum(WORD_VALUES[p] for p in parts)


def first_toll(text: str) -> int | None:
    """The first number next to a kill word, or None."""
    for m in _NEAR.finditer(text):
        n = number_value(m.group("a") or m.group("b"))
        if n is not None:
            return n
    return None


def baseline_events(text: str, published: date | None = None) -> list[Event]:
    """The baseline's reading: at most one event (a strike when a strike word occurs), with the first number next
    to a kill word as its toll."""
    m = _STRIKE.search(text)
    n = first_toll(text)
    if m is None:
        return [] if n is None else [Event(type="other", killed_min=n, killed_max=n)]
    kind: EventType = "drone_strike" if _DRONE.search(text) else "air_strike"
    return [Event(type=kind, killed_min=n, killed_max=n)]
