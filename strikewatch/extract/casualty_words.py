"""The casualty grammar's closed word classes (connectors, boundaries, verbs, name particles, title words, the
words that mark subsets, sources and speech) and the chunk kind of each word."""

from __future__ import annotations

from strikewatch.extract.casualty_types import Chunk
from strikewatch.extract.lexicon import (
    AUX_WORDS,
    MONTHS,
    PERSON_CLASS,
)
from strikewatch.extract.rules import words

# each word list is in rules/casualty_words.toml, with what it is for
CONNECTORS = frozenset(words("casualty_words", "connectors"))


WITH = frozenset(words("casualty_words", "with"))


INCLUDING = frozenset(words("casualty_words", "including"))


BOUNDARY_WORDS = frozenset(words("casualty_words", "boundary_words"))


BOUNDARY_PUNCT = frozenset(words("casualty_words", "boundary_punct"))


QUOTES = frozenset(words("casualty_words", "quotes"))


# -ed / -ing words that modify a person noun rather than end the phrase
ADJ_ED = frozenset(words("casualty_words", "adjectives_ed"))


VERBISH = frozenset(words("casualty_words", "verbish"))


NAME_PARTICLES = frozenset(words("casualty_words", "name_particles"))


NOT_NAMES = frozenset(words("casualty_words", "not_names")) | frozenset(MONTHS)


TITLE_WORDS = frozenset(words("casualty_words", "title_words"))


AFTER_ANOTHER = frozenset(words("casualty_words", "after_another"))


# the regions in armed groups' names (a place named after a group, "Taliban in Helmand", is where they were)
GROUP_REGION_WORDS = frozenset(words("casualty_words", "group_region_words"))


def simple_kinds() -> dict[str, str]:
    """Word -> chunk kind for the closed word classes, the first class listed winning."""
    out: dict[str, str] = {}
    for kind, members in (("C", CONNECTORS), ("W", WITH), ("INC", INCLUDING), ("AMONG", {"among"}), ("OR", {"or"}),
                        ("ART", {"a", "an", "his", "her", "their", "its", "the", "whose"}),
                        ("PRON", {"him", "himself", "herself"}), ("NEG", {"none", "nobody", "no"}),
                        ("AUX", AUX_WORDS), ("B", BOUNDARY_WORDS), ("V", VERBISH)):
        for w in members:
            out.setdefault(w, kind)
    return out


SIMPLE_KIND = simple_kinds()


# first words of the multi-word units chunk_sentence looks for (person nouns, connectors, "among them", "lost their
# lives"); other words skip that look-up
MULTI_FIRST = frozenset(
    {k.split(" ", 1)[0] for k in PERSON_CLASS if " " in k}
    | {"along", "together", "as", "in", "among", "of", "most", "many", "such", "all", "some", "mostly", "no", "not",
       "lost"}
)


NP_KINDS = frozenset({"Q", "H", "N", "C", "INC", "AMONG", "OR", "ART", "PRON", "NEG", "X", "P", "AGE", "AUX",
                       "QT"})


HEDGE_WORDS = frozenset(words("casualty_words", "hedge_words"))


# "death toll", "death figures": a word about deaths, not a count of them
DEATH_COMPOUND = frozenset(words("casualty_words", "death_compound"))


FIGURE_NOUNS = frozenset(words("casualty_words", "figure_nouns"))


CLASSES = frozenset({"civilian", "child", "woman", "militant"})


AMONG_VERBS = frozenset(words("casualty_words", "among_verbs"))


# what a part of the dead "were" that makes them civilians: their trades and homes, not their arms
CIVILIAN_ROLES = frozenset(words("casualty_words", "civilian_roles"))


SOURCE_NOUNS = frozenset(words("casualty_words", "source_nouns"))


SPEECH_LEFT = frozenset(words("casualty_words", "speech_left"))


LEFT_STOP = SPEECH_LEFT | SOURCE_NOUNS


SPEECH = frozenset(words("casualty_words", "speech"))


PARTITIVE_HEADS = frozenset(words("casualty_words", "partitive_heads"))


NOMINAL_OF = frozenset(words("casualty_words", "nominal_of"))


REPORTED_TO = frozenset(words("casualty_words", "reported_to"))


NEG_PLACE = frozenset(words("casualty_words", "neg_place"))


# and nothing at all: "nobody was hurt"
BARE_NEG_NP = frozenset(words("casualty_words", "bare_negated")) | {""}


ELLIPTIC_SAY = frozenset(words("casualty_words", "elliptic_say"))


def is_boundary_x(c: Chunk) -> bool:
    low = c.low
    if low in ADJ_ED:
        return False
    if low.endswith("ed") and len(low) > 4 and not c.text[:1].isupper():
        return True
    return low in VERBISH
