"""The casualty grammar's closed word classes (connectors, boundaries, verbs, name particles, title words, the
words that mark subsets, sources and speech) and the chunk kind of each word."""

from __future__ import annotations

from strikewatch.extract.casualty_types import Chunk
from strikewatch.extract.lexicon import (
    AUX_WORDS,
    MONTHS,
    PERSON_CLASS,
)

CONNECTORS = {"and", ",", "&", "plus"}


WITH = {"with"}  # "along with", "together with", "as well as" are joined into one connector chunk


INCLUDING = {"including", "includes", "included", "incl"}


BOUNDARY_WORDS = frozenset(
    {
        "in",
        "on",
        "at",
        "near",
        "when",
        "after",
        "as",
        "while",
        "but",
        "which",
        "that",
        "by",
        "during",
        "from",
        "than",
        "because",
        "where",
        "for",
        "into",
        "before",
        "since",
        "outside",
        "inside",
        "across",
        "close",
        "following",
        "amid",
        "despite",
        "if",
        "though",
        "although",
        "whereas",
        "so",
        "over",
        "under",
        "against",
        "through",
        "toward",
        "towards",
        "around",
        "about",
        "per",
    }
)


BOUNDARY_PUNCT = frozenset({".", ";", ":", "!", "?", "—", "–", "[", "]"})


QUOTES = frozenset({'"', "“", "”", "‘", "’", "'"})


# -ed / -ing words that modify a person noun rather than end the phrase
ADJ_ED = frozenset(
    {
        "alleged",
        "suspected",
        "named",
        "unnamed",
        "armed",
        "wanted",
        "unidentified",
        "masked",
        "trained",
        "so-called",
        "retired",
        "accused",
        "believed",
        "feared",
        "reported",
        "related",
        "detained",
        "wounded",
        "injured",
        "unarmed",
        "displaced",
        "married",
        "veiled",
        "hardened",
        "affiliated",
        "linked",
        "identified",
        "unidentifed",
        "aleged",
        "allged",
        "high-ranking",
        "leading",
        "ruling",
        "visiting",
        "fighting",
        "unknown",
    }
)


VERBISH = frozenset(
    {
        "informed",
        "left",
        "leaves",
        "leaving",
        "hit",
        "hits",
        "struck",
        "strikes",
        "targeted",
        "targets",
        "fired",
        "fires",
        "destroyed",
        "destroys",
        "said",
        "says",
        "say",
        "told",
        "claimed",
        "claims",
        "include",
        "reports",
        "put",
        "puts",
        "took",
        "attacked",
        "attacks",
        "launched",
        "carried",
        "pounded",
        "slammed",
        "is",
        "are",
        "according",
        "estimated",
        "estimates",
        "confirmed",
        "insist",
        "insists",
        "identified",
        "lowered",
        "raised",
        "rose",
        "risen",
        "climbed",
        "reached",
        "stood",
        "stands",
        "jumped",
        "increased",
        "revised",
        "reduced",
        "went",
        "sparked",
        "caused",
        "blamed",
        "bringing",
        "brought",
        "taking",
        "raising",
        "pushing",
    }
)


NAME_PARTICLES = frozenset({"al", "bin", "ibn", "ul", "ud", "ur", "el", "abu", "abdul", "al-", "de", "van", "von"})


NOT_NAMES = frozenset(
    {
        "named",
        "failed",
        "first",
        "strike",
        "attack",
        "drone",
        "us",
        "u.s",
        "cia",
        "taliban",
        "qaeda",
        "al",
        "ttp",
        "north",
        "south",
        "east",
        "west",
        "waziristan",
        "agency",
        "pakistan",
        "pakistani",
        "afghan",
        "afghanistan",
        "the",
        "a",
        "an",
        "up",
        "at",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "american",
        "americans",
        "syrian",
        "egyptian",
        "german",
        "british",
        "briton",
        "uzbek",
        "arab",
        "saudi",
        "yemeni",
        "libyan",
        "islamic",
        "movement",
        "network",
        "haqqani",
        "bureau",
        "president",
        "general",
        "gen",
        "army",
        "officials",
        "official",
        "local",
        "villagers",
        "most",
        "some",
        "all",
        "frontier",
        "tribal",
        "area",
        "areas",
        "region",
        "district",
        "province",
        "islamabad",
        "peshawar",
        "washington",
        "between",
        "among",
        "several",
        "dozens",
        "one",
        "both",
        "his",
        "her",
        "their",
        "its",
        "it",
        "we",
        "they",
        "he",
        "she",
        "i",
        "this",
        "that",
        "these",
        "those",
        "however",
        "meanwhile",
        "but",
        "and",
        "or",
        "in",
        "on",
        "of",
        "killed",
        "alleged",
        "suspected",
        "senior",
        "top",
        "commander",
        "leader",
        "militant",
        "militants",
        "civilians",
        "children",
        "women",
        "woman",
        "child",
        "people",
        "foreign",
        "foreigners",
        "westerners",
        "reuters",
        "ap",
        "afp",
        "bbc",
        "dawn",
        "tribune",
        "news",
        "agency's",
        "mir",
        "ali",
        "wana",
        "miranshah",
        "datta",
        "khel",
        "fata",
        "kurram",
        "bajaur",
        "khyber",
        "orakzai",
        "mohmand",
        "bannu",
        "punjab",
        "balochistan",
        "kabul",
        "karachi",
        "lahore",
        "quetta",
        "swat",
        "sunday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        *MONTHS,
        "eid",
        "christmas",
        "ramadan",
        "chief",
        "finance",
        "officer",
        "expert",
        "operative",
        "planner",
        "explosives",
        "infamous",
        "wazir",
        "mehsud" if False else "",
    }
)


TITLE_WORDS = frozenset(
    {
        "leader",
        "commander",
        "chief",
        "operative",
        "militant",
        "expert",
        "planner",
        "ideologue",
        "official",
        "spokesman",
        "cleric",
        "deputy",
        "figure",
        "officer",
        "head",
        "founder",
        "member",
        "emir",
        "amir",
        "mullah",
        "maulvi",
        "maulana",
        "mufti",
        "qari",
        "sheikh",
        "shaikh",
        "shaykh",
        "hafiz",
        "haji",
    }
)


AFTER_ANOTHER = frozenset({",", ".", ";", "on", "in", "at", "near", "when", "and", "as", "during", "late", "early",
                            "today", "yesterday", "overnight", "while"})


# the regions in armed groups' names (a place named after a group, "Taliban in Helmand", is where they were)
GROUP_REGION_WORDS = frozenset({"arabian", "peninsula", "islamic", "maghreb", "khorasan", "khurasan", "levant",
                                 "sinai", "sahel", "greater", "sahara", "west", "africa", "east"})


def simple_kinds() -> dict[str, str]:
    """Word -> chunk kind for the closed word classes, the first class listed winning."""
    out: dict[str, str] = {}
    for kind, words in (("C", CONNECTORS), ("W", WITH), ("INC", INCLUDING), ("AMONG", {"among"}), ("OR", {"or"}),
                        ("ART", {"a", "an", "his", "her", "their", "its", "the", "whose"}),
                        ("PRON", {"him", "himself", "herself"}), ("NEG", {"none", "nobody", "no"}),
                        ("AUX", AUX_WORDS), ("B", BOUNDARY_WORDS), ("V", VERBISH)):
        for w in words:
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


HEDGE_WORDS = frozenset({"reportedly", "possibly", "probably", "all", "mostly", "allegedly", "apparently", "likely",
                          "both"})


# "death toll", "death figures": a word about deaths, not a count of them
DEATH_COMPOUND = frozenset({"toll", "tolls", "figure", "figures", "count", "counts", "rate", "rates", "squad",
                             "squads", "sentence", "sentences", "threat", "threats", "penalty", "certificate",
                             "certificates", "row", "march", "list", "lists"})


FIGURE_NOUNS = frozenset({"dead", "killed", "wounded", "injured", "deaths", "casualties", "fatalities"})


CLASSES = frozenset({"civilian", "child", "woman", "militant"})


AMONG_VERBS = frozenset({"were", "was", "are", "is", "reported", "reportedly", "said", "to", "be", "believed",
                          "thought", "also", "possibly", "may", "have", "been", "all"})


# what a part of the dead "were" that makes them civilians: their trades and homes, not their arms
CIVILIAN_ROLES = frozenset({"villagers", "villager", "farmers", "farmer", "residents", "resident", "locals",
                             "shopkeepers", "shopkeeper", "labourers", "laborers", "students", "student", "teachers",
                             "woodcutters", "passers-by", "passersby", "bystanders", "guests", "relatives",
                             "neighbours", "neighbors", "workers", "drivers", "driver", "tribal elders", "elders"})


SOURCE_NOUNS = frozenset({"accounts", "account", "sources", "source", "reports", "report", "estimates", "estimate",
                           "officials", "official", "witnesses", "counts", "tallies", "figures", "media"})


SPEECH_LEFT = frozenset({"reported", "reporting", "saying", "claiming", "counted", "counting", "estimated", "said",
                          "says", "say", "told"})


LEFT_STOP = SPEECH_LEFT | SOURCE_NOUNS


SPEECH = frozenset({"said", "says", "say", "told", "claimed", "claims", "reports", "confirmed", "according",
                     "estimated", "estimates", "insist", "insists", "informed"})


PARTITIVE_HEADS = frozenset({"dead", "killed", "victims", "casualties", "injured", "wounded", "deceased", "bodies"})


NOMINAL_OF = frozenset({"killing", "killings", "deaths", "death", "injury", "injuries", "wounding"})


REPORTED_TO = frozenset({"said", "reported", "believed", "thought", "feared", "understood", "known", "alleged",
                          "presumed", "claimed"})


NEG_PLACE = frozenset({"on", "in", "at", "inside", "near", "nearby", "outside"})


BARE_NEG_NP = frozenset({"", "one", "people", "person", "persons", "body", "individual", "individuals"})


ELLIPTIC_SAY = frozenset({"said", "say", "says", "reported", "counted", "claimed"})


def is_boundary_x(c: Chunk) -> bool:
    low = c.low
    if low in ADJ_ED:
        return False
    if low.endswith("ed") and len(low) > 4 and not c.text[:1].isupper():
        return True
    return low in VERBISH
