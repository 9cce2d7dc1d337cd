"""Word classes the extraction grammar reads: who can be a casualty, what kills or injures, what a strike is,
who strikes, what is hit, and which armed groups are named. The words are data in ``rules/`` (casualty_nouns,
kill_verbs, strike_words, perpetrators, targets, armed_groups); this module gives them the shapes the grammar
reads."""

from __future__ import annotations

import re

from strikewatch.calendar_words import MONTHS, WEEKDAYS
from strikewatch.extract import rules

# --- casualty head nouns -> class --------------------------------------------------------------------------------
# classes: people, civilian, child, woman, militant, foreigner, security
PERSON_CLASS: dict[str, str] = {
    w: cls for cls, words in rules.table("casualty_nouns", "person_nouns").items() for w in words
}
# singular forms: a bare singular head counts as one person; a phrase is as singular as its last word ("innocent
# people", "security personnel" are plural)
_NOT_SINGULAR = frozenset(rules.words("casualty_nouns", "not_singular"))
SINGULAR_PERSON: frozenset[str] = frozenset(
    w for w in PERSON_CLASS if not w.endswith("s") and not {w, w.rsplit(" ", 1)[-1]} & _NOT_SINGULAR
) | set(rules.words("casualty_nouns", "singular_extra"))

# --- verbs -------------------------------------------------------------------------------------------------------
KILL_WORDS: frozenset[str] = frozenset(rules.words("kill_verbs", "kill"))
INJURE_WORDS: frozenset[str] = frozenset(rules.words("kill_verbs", "injure"))
ACTIVE_KILL: frozenset[str] = frozenset(rules.words("kill_verbs", "active_kill"))
ACTIVE_INJURE: frozenset[str] = frozenset(rules.words("kill_verbs", "active_injure"))
AUX_WORDS: frozenset[str] = frozenset(rules.words("kill_verbs", "auxiliaries"))

# --- strike types ------------------------------------------------------------------------------------------------
DRONE_RE = rules.pattern("strike_words", "drone")
MANNED_RE = rules.pattern("strike_words", "manned_aircraft")
AIRSTRIKE_RE = rules.pattern("strike_words", "air_strike")
BOMBING_RE = rules.pattern("strike_words", "bombing")
GROUND_RE = rules.pattern("strike_words", "ground_attack")
# noun compounds with "drone" that are not a strike ("drone war", "drone program")
GENERIC_DRONE_RE = rules.pattern("strike_words", "generic_drone")


def _named(concern: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(name, pattern) for every entry of a rule file, in file order: the first that matches wins."""
    return tuple((name, rules.pattern(concern, name)) for name in rules.concern(concern))


# --- perpetrators ------------------------------------------------------------------------------------------------
PERPETRATOR_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = _named("perpetrators")

# --- targets -----------------------------------------------------------------------------------------------------
TARGET_WORDS: dict[str, str] = rules.table("targets", "targets")
TARGET_RE = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(w) for w in TARGET_WORDS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)

# --- armed groups (target_groups) --------------------------------------------------------------------------------
GROUP_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = _named("armed_groups")

__all__ = [
    "ACTIVE_INJURE", "ACTIVE_KILL", "AIRSTRIKE_RE", "AUX_WORDS", "BOMBING_RE", "DRONE_RE", "GENERIC_DRONE_RE",
    "GROUND_RE", "GROUP_PATTERNS", "INJURE_WORDS", "KILL_WORDS", "MANNED_RE", "MONTHS", "PERPETRATOR_PATTERNS",
    "PERSON_CLASS", "SINGULAR_PERSON", "TARGET_RE", "TARGET_WORDS", "WEEKDAYS",
]
