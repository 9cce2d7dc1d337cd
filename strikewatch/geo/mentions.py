"""Finding gazetteer names in running text, and what each mention is doing there.

``find_places(text)`` scans left to right for the longest run of words that is a gazetteer name or alias (exact up
to case, accents, hyphens and spacing: "Dattakhel" = "Datta Khel"), then tries near spellings ("Gorwaik area of",
"in Kaisore, North Waziristan") where the context says a place is named. Guards keep ordinary words out:

* a name must be capitalised in the text (or the text is in capitals, as datelines are);
* names that are everyday English words ("Tank", "Hit", "Mana") need a place context: "in Tank", "Tank district";
* a name glued to a preceding capitalised word that is not a place ("Abu Hamza Rabia") is part of a person's name;
* near spellings are tried only in a place context, never for English words, and must score >= 80 (rapidfuzz).

Each mention gets a ``role``:

``site``       a candidate for where the strike happened
``near``       "near Y", "close to Y", "outside Y": the strike was at Y's edge; Y is the site to record when the
               text names no place of its own (trackers record "near Miranshah" as Miranshah)
``reference``  a point the site is measured from: "10 km west of Y", "between Y and Z", "on the road to Y"
``actor``      a city or country standing for its government: "Islamabad gave its approval", "Washington's objections"
``dateline``   "PESHAWAR:" / "MIRANSHAH, Pakistan (AP) —" at the start of the text
``speaker``    where someone spoke from: "told reporters in Peshawar", "officials in Islamabad said"
``border``     a country named as a border: "the Afghanistan border", "border with Afghanistan"
``elsewhere``  where something other than the strike happened: the wounded were taken, the dead buried or
               mourned, people protested ("taken to a hospital in Peshawar", "buried in Bannu", "protested in
               Islamabad against the strike")
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from strikewatch.geo.gazetteer import CACHE_CLEARERS, MAJOR_CITY, Gazetteer, Place, get_gazetteer
from strikewatch.geo.normalize import is_arabic_script, norm
from strikewatch.geo.offsets import Offset, parse_offset
from strikewatch.schema import GeoResult

Role = Literal["site", "near", "reference", "dateline", "speaker", "border", "actor", "elsewhere"]


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# demonyms and names of movements that belong to one country: never a place ("the Houthi-held capital" is not
# Huth in Amran), and a sign of the story's country (``context``)
DEMONYMS = {
    "pakistani": "PK", "pakistanis": "PK",
    "afghan": "AF", "afghans": "AF", "afghani": "AF",
    "yemeni": "YE", "yemenis": "YE", "yemani": "YE", "yemanis": "YE", "aqap": "YE", "houthi": "YE", "houthis": "YE",
    "somali": "SO", "somalis": "SO", "somalian": "SO", "shabaab": "SO", "shabab": "SO",
    "iraqi": "IQ", "iraqis": "IQ",
    "syrian": "SY", "syrians": "SY",
    "libyan": "LY", "libyans": "LY",
    "palestinian": "PS", "palestinians": "PS", "hamas": "PS",
    "israeli": "IL", "israelis": "IL",
    "lebanese": "LB", "hezbollah": "LB", "hizbollah": "LB",
}


_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)*|[\u0621-\u064A\u0671-\u06D3]+")
_GAP_IN_NAME = re.compile(r"[ \t\-]{1,3}|\.\s?|\.-|[ \t]*-[ \t]*")
_LOWER_OK = _words(
    "khel kalay kalai killi kili adda mandi shah ali valley agency district region province tehsil bazaar al el e i ul "
    "ud ur ibn wal kot ghar narai"
)
_GENERIC_AFTER = re.compile(
    r"^\s*(?:village|villages|town|city|district|agency|area|valley|tehsil|province|region|bazaar|subdivision|"
    r"governorate|sub-division|camp|market|checkpoint)\b",
    re.I,
)
_LOCATIVE_WORDS = (
    "in|at|near|of|from|to|into|around|outside|towards|toward|on|and|village|town|city|capital|district|area|areas|"
    "valley|tehsil|province|region|hit|struck|targeted|bombed|attacked|stormed|raided|shelled"
)
# a locative word (+ "the") or a comma just before a name. Patterns that end at "$" are tried from every start in
# the text before a name (slow: ~15 us for 40 characters), so this one is kept in reverse and matched, anchored, on
# the reversed text (< 1 us); _LOCATIVE_BEFORE is the same pattern written forwards (tests check they agree)
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:" + _LOCATIVE_WORDS + r")\s+(?:the\s+)?|,\s*)$", re.I)
_LOCATIVE_BEFORE_REVERSED = re.compile(
    r"(?:\s+eht)?\s+(?:" + "|".join(w[::-1] for w in _LOCATIVE_WORDS.split("|")) + r")\b|\s*,", re.I
)


def _locative_before(before: str) -> bool:
    """``_LOCATIVE_BEFORE.search(before)``, read backwards from the name."""
    return _LOCATIVE_BEFORE_REVERSED.match(before[::-1]) is not None


_PERSON_BEFORE = _words(
    "abu abd abdul abdullah maulvi maulana mullah mulla haji sheikh shaikh shaykh mufti qari hafiz sayed syed "
    "mohammad muhammad mohammed mr mrs ms dr gen general president minister senator commander leader chief "
    "al bin ibn saint st lt col colonel major captain sgt imam khan"
)
_NOT_NAME_START = _words(
    "the a an and or but in on at of to for from by with after before during this that these those it its his her "
    "their our we they he she i"
)
_DIRECTION = (
    r"(?:north|south|east|west|north-?west|north-?east|south-?west|south-?east|northern|southern|eastern|western)"
)
# what may stand between "near"/"west of" and the name: "the town of", "the main city of", "the capital",
# "the provincial capital," ("east of the capital Sanaa" measures from Sanaa; it is not the site)
_TOWN_WORDS = (
    r"(?:(?:main|port|border|market|district|provincial)\s+){0,2}(?:town|city|village)\s+of\s+"
    r"|(?:(?:provincial|national|regional|district|country['’]s|\w+i|\w+an)\s+)?capital(?:\s+city)?(?:\s+of)?\s*,?\s+"
)
_NEAR_BEFORE = re.compile(
    r"\b(?:near|nearby|close\s+to|(?:just\s+)?outside(?:\s+of)?|on\s+the\s+(?:outskirts|edge)\s+of|"
    r"in\s+the\s+vicinity\s+of|not\s+far\s+from)\s+(?:the\s+)?(?:" + _TOWN_WORDS + r")?$",
    re.I,
)
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:from|towards?|en\s+route\s+to|on\s+the\s+road\s+to|"
    r"road\s+(?:to|from)|beyond|away\s+from|the\s+way\s+to)"
    r"|\b\d[\d,.]*\s*(?:-|\s)?(?:km|kms|kilometres?|kilometers?|miles?|mi)\.?\s+(?:\(\s*[\d.]+\s*\w+\s*\)\s+)?"
    r"(?:" + _DIRECTION + r"\s+)?(?:of|from)"
    r"|\b" + _DIRECTION + r"\s+of"
    r"|\bbetween\s+[^.;]{1,60}?\s+and"
    r"|\bbetween)\s+(?:the\s+)?(?:" + _TOWN_WORDS + r")?$",
    re.I,
)
_BETWEEN_FIRST = re.compile(r"^\s+and\s+", re.I)
_SPEAKER_BEFORE = re.compile(
    r"(?:\b(?:told|telling|tells|briefed|briefing)\s+(?:[\w.'’-]+\s+){0,4}?(?:in|from)"
    r"|\b(?:officials?|spokes(?:man|woman|person|men)|sources|authorities|officers?|correspondents?|reporters?|journalists?|"
    r"diplomats?|analysts?|ministry|military|army|embassy|government|administration|agency|AFP|AP|Reuters|BBC|Dawn|"
    r"newspapers?|daily|dailies|channels?|television|TV|radio|stations?|outlets?|bureau|press\s+club|parliament|"
    r"assembly|court|leadership|headquarters|HQ)"
    r"\s+(?:based\s+)?(?:in|from)"
    r"|\b(?:said|says|spoke|speaking|told\s+\w+|statement\s+issued|press\s+conference|news\s+conference|reported|reporting|"
    r"writing|dateline)\s+(?:on\s+\w+\s+)?(?:in|from))\s+(?:the\s+)?"
    r"(?:(?:(?:national|federal|provincial|regional|country['’]s|\w+i|\w+an)\s+)?(?:capital|city|town)\s*,?\s+)?$",
    re.I,
)
# The first word of every alternative of _SPEAKER_BEFORE and _ELSEWHERE_WORD: a text before a name holding none of
# them cannot match, and is not searched (the search tries every start in 80 characters: ~15 us a name)
_SPEAKER_KEYS = _words(
    "told telling tells briefed briefing official officials spokesman spokeswoman spokesperson spokesmen sources "
    "authorities officer officers correspondent correspondents reporter reporters journalist journalists diplomat "
    "diplomats analyst analysts ministry military army embassy government administration agency afp ap reuters bbc "
    "dawn newspaper newspapers daily dailies channel channels television tv radio station stations outlet outlets "
    "bureau press parliament assembly court leadership headquarters hq said says spoke speaking statement news "
    "reported reporting writing dateline"
)
_ELSEWHERE_KEYS = _words(
    "taken rushed shifted moved brought transferred transported evacuated airlifted flown referred admitted treated "
    "treatment hospitalised hospitalized hospital hospitals clinic clinics infirmary buried burial funeral funerals "
    "laid mourners mourned mourning grave graves graveyard cemetery protest protests protested protesting protesters "
    "protestors rally rallies rallied demonstration demonstrations demonstrators demonstrated demonstrating marched "
    "sit shutter shutterdown chanted chanting jirga jirgas vigil vigils block blocks blocked blocking blockade staged"
)
_LOWER_WORD = re.compile(r"[a-z]+")


def _may_hold(text: str, keys: frozenset[str]) -> bool:
    """Can a pattern whose every alternative starts with a word of ``keys`` (followed by a non-letter) match in
    ``text``? False only when no such word is there (ASCII text; other text is always searched)."""
    return not text.isascii() or not keys.isdisjoint(_LOWER_WORD.findall(text.lower()))


# where something other than the strike happened: the wounded taken to hospital, the dead buried or mourned, people
# protesting. The place is "elsewhere" when the last such word before it in its clause comes after every word of the
# strike itself ("protested in Islamabad" is elsewhere; "protested against the drone strike in Datta Khel" is not).
_ELSEWHERE_WORD = re.compile(
    r"\b(?P<move>taken|rushed|shifted|moved|brought|transferred|transported|evacuated|airlifted|flown|referred|"
    r"admitted|treated|treatment|hospitali[sz]ed)\b"
    r"|\b(?P<hospital>hospitals?|clinics?|infirmary)\b"
    r"|\b(?P<other>buried|burial|funerals?|laid\s+to\s+rest|mourners|mourned|mourning|graves?|graveyard|cemetery|"
    r"protest(?:s|ed|ing|ers|ors)?|rall(?:y|ies|ied)|demonstrat(?:ion|ions|ors|ed|ing)|marched|sit-ins?|"
    r"shutter-?down|chant(?:ed|ing)|jirgas?|vigils?|block(?:s|ed|ing|ade)?|staged)\b",
    re.I,
)
_PROTEST_WORD = re.compile(r"\b(?:protest|demonstrat|rall(?:y|ies|ied)\b|sit-in|march(?:ed|es|ing)?\b)", re.I)
_STRIKE_WORD = re.compile(
    r"\b(?:strikes?|struck|attack(?:s|ed)?|drones?|missiles?|bomb(?:s|ed|ing|ings)?|raids?|air-?strikes?|"
    r"hit|hits|targeted|targeting|targets|shell(?:s|ed|ing)?|fired|kill(?:s|ed|ing)?|pounded)\b",
    re.I,
)
_ELSEWHERE_END = re.compile(
    r"\b(?:in|at|to|outside|of|into|near)\s+(?:the\s+)?"
    r"(?:(?:(?:\w+ern|capital|main|port)\s+)?(?:city|town)\s+of\s+|capital(?:\s+city)?(?:\s+of)?\s+)?"
    r"(?:[A-Z][\w'’-]*\s+){0,3}$"
)
# "people in Saada also staged protest rallies", "residents of Sukkur held a demonstration": protesters' place
_PROTEST_AFTER = re.compile(
    r"^[\s,]+(?:to\s+protest|in\s+protest|protesting|demonstrating|chanting"
    r"|(?:(?:also|have|has|had|then|later)\s+){0,2}(?:took\s+to\s+the\s+streets|(?:staged|held|hold|stage)"
    r"(?:\s+(?:a|an|several|many|large|big|mass|angry|protest|\w+-\w+))*\s+"
    r"(?:protests?|rall(?:y|ies)|demonstrations?|sit-ins?|marches|march|vigils?)))\b",
    re.I,
)
_HOSPITAL_AFTER = re.compile(r"^(?:['’]s)?\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:hospital|clinic)\b", re.I)


def _elsewhere(sent_before: str, after: str) -> bool:
    """Is the name where the wounded were taken, the dead buried, people protested (not the strike)?"""
    if _PROTEST_AFTER.match(after):
        return True
    if not _may_hold(sent_before, _ELSEWHERE_KEYS):
        return False
    last = None
    for m in _ELSEWHERE_WORD.finditer(sent_before):
        last = m
    if last is None:
        return False
    moved = any(m.group("move") for m in _ELSEWHERE_WORD.finditer(sent_before))
    if last.group("hospital") and not moved:
        return False  # "a drone hit a car near the hospital in Miranshah": no one was taken there
    gap = sent_before[last.end():]
    if _STRIKE_WORD.search(gap) or len(gap.split()) > 8:
        return False
    words_before = " ".join(sent_before[: last.start()].split()[-6:])
    if not last.group("move") and _STRIKE_WORD.search(words_before) and not _PROTEST_WORD.search(words_before):
        # "a strike on a funeral in Makeen", "attack on a jirga": the gathering was the target (but "demonstrators
        # protesting drone strikes blocked a road in Peshawar" protested against strikes elsewhere)
        return False
    if _ELSEWHERE_END.search(gap):
        return True
    return bool(moved and _HOSPITAL_AFTER.match(after))


_SPEAKER_AFTER = re.compile(r"^(?:-based\b|\s+(?:officials?|spokes(?:man|woman|person))\s+(?:said|says|told))", re.I)
# a place name that is part of an outlet's name ("Garowe Online reports", "the Kabul Times"): where the outlet is,
# not a site (case matters: "in Peshawar today" is a place)
_OUTLET_AFTER = re.compile(
    r"^[ \t]+(?:Online|ONLINE|Times|TIMES|Post|Tribune|Observer|Today|Herald|Express|Gazette|Chronicle|Dispatch|"
    r"Daily|Radio|TV)\b"
)  # not "Press": "outside the Quetta Press Club" is where people gathered
# an institution named after its city ("the Islamabad High Court", "the Sindh Assembly", "the Quetta Press Club",
# "Islamabad Police"):
# where officials sit or people speak, not a strike site (for a gathering, where people gathered: resolve)
INSTITUTION_AFTER = re.compile(
    r"[ \t]+(?:High\s+Court|Supreme\s+Court|Bar\s+(?:Association|Council)|(?:Provincial\s+)?Assembly|"
    r"Secretariat|Press\s+Club|Parliament|Police)\b"
)
# a place name in an armed group's or unit's name ("the Al-Quds Brigades", "the Quds Force", "Khyber Rifles"): no site
_ORGANISATION_AFTER = re.compile(r"^[ \t]+(?:Brigades?|Force|Corps|Rifles|Militia|Scouts|Regiment|Battalion)\b")
# a name in apposition with a word for a person is a person's name ("Salem, an anti-Al-Qaeda cleric, and ..."), not
# a place. Only words no source is called by ("in Wana, a local official, said" names a place), and the apposition
# must close ("in Machi Khel, an official told reporters" goes on with a clause)
_PERSON_APPOSITION = re.compile(
    r"\s*,\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,2}?(?:cleric|preacher|imam|policeman|student|teacher|farmer|driver|doctor|"
    r"engineer|father|mother|son|daughter|brother|sister|uncle|cousin|activist|shopkeeper|labourer|laborer)"
    r"\s*(?:,|\)|\bwho\b|\band\b)",
    re.I,
)
# a capital as the subject of a verb of saying or deciding, or owning a stance: its government, not a place
_ACTOR_AFTER = re.compile(
    r"^(?:['’]s\s+(?:\w+\s+)?(?:protests?|approval|position|objections?|permission|consent|requests?|demands?|"
    r"complaints?|policy|government|officials?|leaders?|response|reaction|stance|ties|relations?|cooperation|"
    r"complicity|support|denials?|anger|top|decision|claims?|pressure|concerns?|role|efforts?|"
    # a country's institutions speak and act for it ("Afghanistan's spy agency has confirmed", "Pakistan's army said")
    r"(?:spy\s+|intelligence\s+)?agency|intelligence|army|military|air\s+force|armed\s+forces|ministry|"
    r"foreign\s+(?:ministry|office)|embassy|president|prime\s+minister|spokes(?:man|woman|person)|authorities|"
    r"cabinet|parliament|envoy|ambassador)\b"
    r"|\s+(?:(?:has|had|have|would|will|did|does|also|then|now|again|long|quietly|publicly|officially|later|"
    r"initially|first|strongly|routinely|repeatedly|reportedly|still|never|always|often|swiftly)\s+){0,3}"
    r"(?:said|says|gave|gives|give|asked|asks|ask|condemn(?:s|ed)?|protest(?:s|ed)?|describe[sd]?|den(?:y|ies|ied)|"
    r"demand(?:s|ed)?|agree[sd]?|insist(?:s|ed)?|want(?:s|ed)?|told|tells|urge[sd]?|approve[sd]?|allow(?:s|ed)?|"
    r"accuse[sd]?|summon(?:s|ed)?|object(?:s|ed)?|reject(?:s|ed)?|refuse[sd]?|welcome[sd]?|warn(?:s|ed)?|"
    r"claim(?:s|ed)?|blame[sd]?|announce[sd]?|confirm(?:s|ed)?|acknowledge[sd]?|sought|seeks?|threaten(?:s|ed)?|"
    r"respond(?:s|ed)?|decline[sd]?|maintain(?:s|ed)?|argue[sd]?|hope[sd]?|support(?:s|ed)?|oppose[sd]?|"
    r"tolerate[sd]?|complain(?:s|ed)?|decide[sd]?|press(?:es|ed)?|push(?:es|ed)?|back(?:s|ed)?|"
    r"regard(?:s|ed)?|consider(?:s|ed)?|insists?|believe[sd]?|recalled|expelled|suspend(?:s|ed)?|"
    r"cooperat(?:es|ed)|negotiat(?:es|ed)|signed|secretly|permitted|lodged|called|calls|sent|sends)\b"
    r"|\s+to\s+(?:allow|permit|accept|tolerate|stop|end|halt|cooperate|approve|agree)\b"
    # "the day Islamabad was to sign a peace agreement": a government about to act
    r"|\s+(?:was|is|were)\s+(?:due\s+)?to\s+(?:sign|hold|allow|agree|approve|decide|announce|begin|start|resume|"
    r"send|receive|host|meet)\b)",
    re.I,
)
# two governments paired by their capitals ("Islamabad and Washington", "between the CIA and Islamabad"): a capital
# next to another country's capital or agency is its government, not a place ("Karachi and Islamabad" are places)
_CAPITALS = (
    r"(?:Washington|Kabul|Islamabad|New\s+Delhi|Delhi|Beijing|Moscow|London|Riyadh|Tehran|Ankara|Doha|Cairo|Sanaa|"
    r"Mogadishu|Baghdad|Damascus|Tripoli|Beirut|Jerusalem|Tel\s+Aviv|Abu\s+Dhabi)"
)
_GOVERNMENT_AFTER = re.compile(r"^\s+(?:and|or|nor)\s+(?:the\s+)?" + _CAPITALS + r"\b")
_ACTOR_BEFORE = re.compile(
    r"\b(?:" + _CAPITALS + r"|the\s+CIA|the\s+US|the\s+United\s+States|the\s+Pentagon),?\s+(?:and|or|nor)\s+$"
)
_CAPITAL_NAME = re.compile(_CAPITALS + r"$")
# a city after "of", "in", "from" ... is no verb's subject: "Residents of Umerkot protested", "traders in Sukkur
# observed a strike" name where people acted, not a government
_SAID_AFTER = re.compile(
    r"^\s+(?:\w+\s+){0,2}?(?:said|says|told|tells|claimed|confirmed|announced|reported|added|stated)\b", re.I
)
_PLACE_OF_BEFORE = re.compile(r"\b(?:of|in|at|from|near|outside|across|throughout)\s+(?:the\s+)?$", re.I)
_BORDER_AFTER = re.compile(r"^[\s\-–]*(?:[A-Z][a-z]+[\s\-–]+)?(?:border|frontier)\b", re.I)
_BORDER_BEFORE = re.compile(
    r"\b(?:(?:border|frontier|bordering|borders)\s+(?:with|of|into|from)|bordering|borders|straddling)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_DATELINE = re.compile(
    r"^(?P<line>[ \t]*(?:date\s+\d{4}-\d\d-\d\d\s+)?"
    r"(?P<name>[A-Z][A-Z'’.\- ]{2,40}?|[A-Z][a-z'’.\-]+(?:\s+[A-Z][a-z'’.\-]+){0,3})"
    r"(?:\s*,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s*\d{4})?"
    r"|\s*,\s*[A-Z][A-Za-z .]{1,30}?"
    r"(?:\s*,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s*\d{4})?)?)?"
    r"(?:\s*\([^)\n]{1,30}\)\s*(?::|—|–|--|-\s)?|\s*(?::|—|–|--|-\s)))",
    re.M,
)
_CHAIN_GAP = re.compile(
    r"^\s*(?:(?:village|town|area|areas|region|valley|tehsil|district|agency|bazaar|locality|subdivision|city|"
    r"province|governorate)\s*)?(?:,|\(|\bin\b(?:\s+the)?|\bof\b(?:\s+the)?|\bwithin\b(?:\s+the)?|['’]s)?\s*(?:the\s+)?$",
    re.I,
)


@dataclass(slots=True)
class PlaceMention:
    """A gazetteer name found in a text: ``text[start:end]``, its candidate rows (best first) and its role."""

    start: int
    end: int
    text: str
    candidates: list[GeoResult]
    role: Role = "site"
    match: Literal["exact", "fuzzy"] = "exact"
    score: float = 100.0
    places: list[Place] = field(default_factory=list, repr=False)
    containers: list[int] = field(default_factory=list, repr=False)  # indexes of mentions that contain this one
    offset: Offset | None = None  # for a reference: "45 km west of" before it (distance, direction as written)
    unit_of: bool = False  # after "district of", "province of": the name stands for an administrative unit
    town_of: bool = False  # after "the city of", "the town of", "the capital": the name stands for a town

    @property
    def level(self) -> int:
        return self.places[0].level if self.places else -1


# ----------------------------------------------------------------------------------------------------------------


_SPAN = re.Match.span
_START = operator.itemgetter(0)


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    return list(map(_SPAN, _WORD.finditer(text, start, len(text) if end is None else end)))


def _capitalised(word: str) -> bool:
    """Capitalised, or in a script without capitals (Arabic, Urdu: names are read there from the table alone)."""
    return word[:1].isupper() or is_arabic_script(word[:1])


_SENTENCE_START_BEFORE = re.compile(r"(?:[.!?:]\s+|\n\s*|^\s*)$")
_COMMA_CAPITAL_AFTER = re.compile(r"^\s*,\s*[A-Z]")
_CHAINED_AFTER = re.compile(r"\s*,\s*((?:[A-Z][\w'’.\-]*\s*){1,4})")
_CAPITAL_AFTER = re.compile(r"[ \-][A-Z][a-z]")
_PERSON_GAP = re.compile(r"[ \-]")
_DATELINE_PUNCT_AFTER = re.compile(r"\s*[,:(—–-]")
_CLAUSE_END = re.compile(r"[.!?;]\s")
_UNIT_OF_BEFORE = re.compile(
    r"\b(?:district|sub-?district|directorate|county|tehsil|province|governorate|region)\s+of\s+(?:the\s+)?$", re.I
)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
# "the city of Marib", "the port city of Hodeidah", "the capital Sanaa": the name stands for the town, not the
# province named like it
_TOWN_OF_BEFORE = re.compile(
    r"\b(?:(?:main|port|border|market|district|provincial)\s+)?(?:town|city|village)\s+of\s+(?:the\s+)?$"
    r"|\bcapital(?:\s+city)?\s*,?\s+$",
    re.I,
)


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos]
    return pos == 0 or bool(_SENTENCE_START_BEFORE.search(before))


def _context_ok(text: str, start: int, end: int, before_tokens: str) -> bool:
    """A place context: a locative word before, a generic word after, or a chain to another name after."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 30]
    return bool(_locative_before(before) or _GENERIC_AFTER.match(after) or _COMMA_CAPITAL_AFTER.match(after))


def _chained_to_known(text: str, end: int, gaz: Gazetteer) -> bool:
    """Followed by ", <a gazetteer name>" ("Momadkhel, North Waziristan")."""
    m = _CHAINED_AFTER.match(text[end : end + 60])
    if not m:
        return False
    words = m.group(1).split()
    return any(gaz.exact(" ".join(words[:k])) for k in range(len(words), 0, -1))


def _glued_capital_after(text: str, end: int) -> bool:
    return bool(_CAPITAL_AFTER.match(text[end : end + 3]))


def _person_glued(text: str, toks: list[tuple[int, int]], i: int, gaz: Gazetteer) -> bool:
    """True when the word before token i is a capitalised non-place word directly attached (a personal name)."""
    if i == 0:
        return False
    ps, pe = toks[i - 1]
    gap = text[pe : toks[i][0]]
    if not _PERSON_GAP.fullmatch(gap):
        return False
    prev = text[ps:pe]
    if is_arabic_script(prev[:1]):
        return False  # no capitals to tell a person's name by
    low = prev.lower()
    if low in _ARTICLES and prev.islower() and gap == "-" and not _after_capitalised(text, toks, i - 1):
        return False  # "the province of al-Bayda", "in al-Mahra": the article of a place, not of a person's name
    if low in ("al", "el", "bin", "ibn", "abu", "ul", "ud", "bint"):
        return True
    if not _capitalised(prev) or prev.isupper():
        return False
    if low in _PERSON_BEFORE:
        return True
    if _sentence_start(text, ps) and low in _NOT_NAME_START:
        return False
    if prev[-2:] in ("'s", "’s") and gaz.exact(prev[:-2]):
        return False  # "Yemen's Hadhramawt province"
    return not gaz.exact(prev) and low not in _NOT_NAME_START


_ARTICLES = frozenset({"al", "el", "as", "ash", "ad", "adh", "ar", "at", "az", "an"})


def _after_capitalised(text: str, toks: list[tuple[int, int]], k: int) -> bool:
    """Is token k glued (space or hyphen) after a capitalised word ("Hamza al-Masri")?"""
    if k == 0:
        return False
    a, b = toks[k - 1]
    return bool(_PERSON_GAP.fullmatch(text[b : toks[k][0]])) and text[a].isupper() and not _sentence_start(text, a)


def _run(text: str, toks: list[tuple[int, int]], i: int, limit: int) -> int:
    """How many following tokens token i can join into one name (only spaces, hyphens, dots between them)."""
    r = 0
    while r < limit and i + r + 1 < len(toks) and _GAP_IN_NAME.fullmatch(text, toks[i + r][1], toks[i + r + 1][0]):
        r += 1
    return r


def _name_starts(text: str, toks: list[tuple[int, int]], first_words: frozenset[str]) -> list[int]:
    """Indexes of the tokens that can start a mention: a capitalised word (or an Arabic-script one, or a lowercase
    article glued to a capitalised name: "al-Bayda") that starts some gazetteer name."""
    return [
        k for k, (a, b) in enumerate(toks)
        if (
            text[a].isupper()
            or "\u0600" <= text[a] <= "\u06ff"
            or (text[b : b + 1] == "-" and text[a:b] in _ARTICLES and text[b + 1 : b + 2].isupper())
        )
        and (
            norm(text[a:b]) in first_words
            or (text[b - 2 : b] in ("'s", "’s") and norm(text[a : b - 2]) in first_words)
        )
    ]


def may_name_place(text: str, start: int, end: int, within: tuple[int, int], gaz: Gazetteer) -> bool:
    """False when ``find_places(text, gaz, *within)`` can hold no mention inside ``text[start:end]`` (``within``
    holds it): no word there starts a gazetteer name and no capitalised run there is worth a near-spelling look-up.
    Cheap next to reading the names: most stretches an extractor hands over (clauses without a place) need no more."""
    if _name_starts(text, _tokens(text, start, end), gaz.first_words):
        return True
    english = gaz.english
    return any(
        m.start() >= start and m.end() <= end and _fuzzy_worthy(m.group(), english)
        for m in _CAPITALISED_RUN.finditer(text, *within)
    )


def _scan_exact(text: str, gaz: Gazetteer, toks: list[tuple[int, int]]) -> list[tuple[int, int, list[Place]]]:
    """The gazetteer names in the tokens ``toks`` (those of a stretch of ``text``), longest first, left to right."""
    out: list[tuple[int, int, list[Place]]] = []
    # only a capitalised word that starts some gazetteer name can start a mention
    i = 0
    for k in _name_starts(text, toks, gaz.first_words):
        if k < i:
            continue
        found = _name_at(text, gaz, toks, k)
        if found is None:
            i = k + 1
        else:
            out.append(found[:3])
            i = found[3] + 1
    return out


def _name_at(text: str, gaz: Gazetteer, toks: list[tuple[int, int]], i: int
             ) -> tuple[int, int, list[Place], int] | None:
    """The longest gazetteer name starting at token ``i`` (start, end, rows, index of its last token), or None."""
    for n in range(_run(text, toks, i, gaz.max_words) + 1, 0, -1):
        j = i + n - 1
        s, e = toks[i][0], toks[j][1]
        span = text[s:e]
        cands = gaz.exact(span)
        if not cands and span[-2:] in ("'s", "’s"):
            # "Afghanistan's Nangarhar province", "North Waziristan's Mir Ali": the possessive is no part of it
            e -= 2
            span = text[s:e]
            cands = gaz.exact(span)
        if not cands:
            continue
        words = [text[a:b] for a, b in toks[i : j + 1]]
        words[-1] = words[-1][: len(words[-1]) - (toks[j][1] - e)]
        if not _capitalised(words[0]) and not (n > 1 and words[0] in _ARTICLES):
            continue
        if n > 1 and words[-1] == "A" and _ARTICLE_A_AFTER.match(text, e):
            continue  # "ADEN A drone attack killed": the English article starts the story, it is no part of the name
        if any(not _capitalised(w) and w.lower() not in _LOWER_OK for w in words[1:]):
            continue
        dateline_like = span.isupper() and s < 300 and bool(_DATELINE_PUNCT_AFTER.match(text[e : e + 3]))
        if (
            span.isupper()
            and len(span) <= 5
            and span not in gaz.acronyms
            and not dateline_like
            and not text[max(0, s - 40) : e + 40].isupper()
        ):
            continue  # an acronym that is not one of ours ("US", "AP")
        key = norm(span)
        common = any(key in p.common for p in cands) or (n == 1 and len(key) <= 3 and span not in gaz.acronyms)
        # only a small GeoNames populated place (a city of MAJOR_CITY people is a place wherever it is written)
        weak = n == 1 and not any(p.attested or p.population >= MAJOR_CITY for p in cands)
        if weak and _glued_capital_after(text, e):
            continue  # "Shin Warzak": leave the longer name to the near-spelling pass
        if _CLAN_AFTER.match(text, e):
            continue  # "Akka Khel" is not Akka (Acre): a clan or village word makes another, longer name
        if (common or weak) and not dateline_like:
            chained = _chained_to_known(text, e, gaz)
            if not chained and (not _context_ok(text, s, e, "") or _sentence_start(text, s)):
                continue
        if n == 1 and _person_glued(text, toks, i, gaz):
            continue
        if n == 1 and key in DEMONYMS:
            continue  # "Houthi-held", "Shabaab fighters": a people or a movement, not a place
        if _PERSON_APPOSITION.match(text, e):
            continue  # "Salem, an anti-Al-Qaeda cleric": a person's name
        if n == 1 and key in _MONTHS and _DAY_NEAR.search(text[max(0, s - 4) : e + 6]):
            continue  # "March 18", "18 May": a date, not the Afghan village
        return s, e, cands, j
    return None


_ARTICLE_A_AFTER = re.compile(r"[ \t]+[a-z]")
_MONTHS = _words("january february march april may june july august september october november december")
_DAY_NEAR = re.compile(r"\d\s*[A-Za-z]+\b|\b[A-Za-z]+\s*,?\s*\d")

_FUZZY_STOP = _words(
    "taliban qaeda haqqani predator reaper cia isi isis us usa american americans pakistani pakistanis afghan afghans "
    "islamic army arab arabs uzbek uzbeks chechen turkistani jihad union party movement network bureau journalism "
    "investigative foundation tehreek tehrik lashkar jaish jamaat monday tuesday wednesday thursday friday saturday "
    "sunday january february march april may june july august september october november december ramadan eid muslim "
    "muslims mehsud wazir wazirs ahmadzai utmanzai dawar dawars tribe tribal drone drones strike strikes missile "
    "missiles obama bush trump pentagon nato isaf abu al bin daesh daish isis isil shabab shabaab qaida"
) | frozenset(DEMONYMS)


_SUFFIXES = ("Khel", "Killi", "Kili", "Kalay", "Kalai", "Kala")
_CLAN_AFTER = re.compile(r"[ \-](?:Khel|Khail|Kheil|Killi|Kili|Kalay|Kalai|Kelay|Kot|Banda|Dara|Darra|Ghar|Zai)\b")


_ARTICLE_START = re.compile(r"^(?:Al|El|As|Ad|An|Ash|Ar|At|Az|Adh)[ \-](?=[A-Z])")
_UNIT_AFTER = re.compile(r"\s+(?:district|governorate|sub-?district|county|woluswali)\b", re.I)
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z'’]+(?:[ \-][A-Z][a-z'’]+){0,2}\b")


@lru_cache(maxsize=1 << 14)
def _fuzzy_worthy(run: str, english: frozenset[str]) -> bool:
    """A capitalised run worth a near-spelling look-up: no stop word, not all everyday English, 5+ letters.
    Cached: the same capitalised words recur in every article."""
    words = norm(run).split()
    if len(words) > 1 and words[0] in ("al", "el", "as", "ad", "an", "ash", "ar", "at", "az", "adh"):
        words = words[1:]  # "Al-Sabeen": the article is no stop word here
    if any(w in _FUZZY_STOP for w in words) or all(w in english for w in words):
        return False
    return len("".join(words)) >= 5


def _scan_fuzzy(
    text: str, gaz: Gazetteer, taken: list[tuple[int, int]], admin2_hint: str | None, toks: list[tuple[int, int]],
    start: int = 0, end: int | None = None,
) -> list[tuple[int, int, list[Place], float]]:
    """Capitalised words in a place context that are not yet matched: try near spellings."""
    out: list[tuple[int, int, list[Place], float]] = []
    english = gaz.english
    # overlap test in log time (a linear scan per word made long texts quadratic): among the taken spans that
    # start before e, does any end after s?
    spans = sorted(taken)
    starts = [a for a, _ in spans]
    max_end: list[int] = list(itertools.accumulate((b for _, b in spans), max))
    for m in _CAPITALISED_RUN.finditer(text, start, len(text) if end is None else end):
        if not _fuzzy_worthy(m.group(), english):  # most capitalised words are everyday English: the cheap test first
            continue
        s, e = m.start(), m.end()
        i = bisect.bisect_left(starts, e)
        if i and max_end[i - 1] > s:
            continue
        chained = _chained_to_known(text, e, gaz)
        if _sentence_start(text, s) and not chained and not _GENERIC_AFTER.match(text[e : e + 20]):
            continue
        if not chained and not _context_ok(text, s, e, ""):
            continue
        ti = bisect.bisect_left(toks, s, key=_START)
        if ti < len(toks) and toks[ti][0] == s and _person_glued(text, toks, ti, gaz):
            continue
        if _PERSON_APPOSITION.match(text, e):
            continue
        # "Painda" for "Painda Khel", "Ghundi" for "Ghundi Killi": the clan or village word is often left out
        completed = [p for suffix in _SUFFIXES for p in gaz.exact(f"{m.group()} {suffix}") if p.is_place and p.attested]
        if completed:
            out.append((s, e, completed, 90.0))
            continue
        pool = gaz.places_in("PK", admin2_hint) if admin2_hint else None
        # "Al-Sabeen district": the Arabic article is written in many ways (al-/as-/el-) or left out
        query = m.group()
        if query[:1] in "AE":
            bare = _ARTICLE_START.sub("", query)
            query = bare if len(bare) >= 4 else query
        unit_after = _UNIT_AFTER.match(text, e)
        hits = gaz.fuzzy(query, cutoff=80.0 if admin2_hint else 88.0, pool=None if unit_after else pool)
        # a district's name is tried only where the text says it is one ("Nata district")
        hits = [(p, min(100.0, sc)) for p, sc in hits
                if (p.is_place or (unit_after is not None and p.kind == "admin2")) and sc >= 70.0]
        if hits:
            best = hits[0][1]
            out.append((s, e, [p for p, sc in hits if sc >= best - 5], best))
    return out


def _sentence_before(text: str, s: int) -> str:
    """Up to 80 characters before ``s``, cut at the last sentence or clause end."""
    return _CLAUSE_END.split(text[max(0, s - 80) : s])[-1]


# The role patterns end at the name ("...$"), so a search tries every start in the 80 characters before it. Each
# needs its last word(s) there: "in"/"from" (+ "the") for a speaker; for a reference a word ending in one of
# _REFERENCE_LAST among the last six ("north of the national capital city,"), for "near" one ending in _NEAR_LAST
# among the last seven ("near the main port city of"). For ASCII text (where re.I and str.lower() agree) a pattern
# whose words are missing is not searched; it could not match.
_SPEAKER_LAST = frozenset({"in", "from"})
_SPEAKER_PLACE_WORDS = frozenset({"capital", "city", "town"})
_REFERENCE_LAST = ("from", "toward", "towards", "to", "beyond", "of", "and", "between")
_NEAR_LAST = ("near", "nearby", "to", "outside", "of", "from")


def _may_be(sent_before: str) -> tuple[bool, bool, bool]:
    """(speaker, reference, near): can the pattern match the words before a name at all?"""
    if not sent_before.isascii():
        return True, True, True
    tail = sent_before.lower().split()[-7:]
    if not tail:
        return False, False, False
    speaker = tail[-1] in _SPEAKER_LAST or (
        len(tail) > 1
        and tail[-2] in _SPEAKER_LAST | {"the"}
        and (tail[-1] == "the" or tail[-1].rstrip(",") in _SPEAKER_PLACE_WORDS)
    ) or (  # "officials in the capital, Islamabad": the place word may stand between
        tail[-1].rstrip(",") in _SPEAKER_PLACE_WORDS and any(w in _SPEAKER_LAST for w in tail[-5:])
    )
    return speaker, any(w.endswith(_REFERENCE_LAST) for w in tail[-6:]), any(w.endswith(_NEAR_LAST) for w in tail)


def _role(
    text: str, s: int, e: int, places: list[Place], dateline_end: int, sent_before: str,
    caps: tuple[tuple[int, int], ...] = (),
) -> Role:
    if s < dateline_end or any(a <= s and e <= b for a, b in caps):
        return "dateline"
    after = text[e : e + 40]
    if places and places[0].kind == "country" and (_BORDER_AFTER.match(after) or _BORDER_BEFORE.search(sent_before)):
        return "border"
    speaker, reference, near = _may_be(sent_before)
    if (
        speaker and _may_hold(sent_before, _SPEAKER_KEYS) and _SPEAKER_BEFORE.search(sent_before)
    ) or _SPEAKER_AFTER.match(after) or _OUTLET_AFTER.match(after) or INSTITUTION_AFTER.match(after):
        return "speaker"
    if _ORGANISATION_AFTER.match(after):
        return "actor"
    if _elsewhere(sent_before, after):
        return "elsewhere"
    owned = bool(places and places[0].kind != "country" and _PLACE_OF_BEFORE.search(sent_before))
    if owned and places[0].population >= MAJOR_CITY and _SAID_AFTER.match(after):
        return "speaker"  # "people in Bannu said": where they spoke
    if places and (places[0].kind == "country" or places[0].population >= MAJOR_CITY) and (
        # "Residents of Umerkot protested": the city is where people acted, not a government
        (_ACTOR_AFTER.match(after) and not owned)
        or (_CAPITAL_NAME.match(text, s, e) and (_GOVERNMENT_AFTER.match(after) or _ACTOR_BEFORE.search(sent_before)))
    ):
        return "actor"
    if reference and _REFERENCE_BEFORE.search(sent_before):
        return "reference"
    if near and _NEAR_BEFORE.search(sent_before):
        return "near"
    return "site"


def _dateline_span(text: str, gaz: Gazetteer) -> tuple[int, int]:
    """(start, end) of a dateline in the first lines of the text, or (0, 0). A headline above it is not part of it
    ("Nine killed in North Waziristan by a missile strike\nIslamabad, Sept. 8 : ...")."""
    return _dateline_span_of_head(text[:400], gaz)


def _dateline_end(text: str, gaz: Gazetteer) -> int:
    """End offset of a dateline in the first lines of the text, or 0."""
    return _dateline_span(text, gaz)[1]


@lru_cache(maxsize=256)
def _dateline_span_of_head(head: str, gaz: Gazetteer) -> tuple[int, int]:
    """``_dateline_span`` from the first 400 characters (all it reads): cached, since a text is read sentence by
    sentence and each sentence asks again."""
    for m in _DATELINE.finditer(head):
        if m.start() > 300:
            break
        name = m.group("name").strip()
        if gaz.exact(name) and (
            name.isupper() or "(" in m.group("line") or "," in m.group("line") or "—" in m.group("line")
        ):
            line_start = head.rfind("\n", 0, m.start()) + 1
            # only the first line of the body or the line after a short title
            if line_start == 0 or head[:line_start].count("\n") <= 3:
                return m.start("name"), m.end()
    return 0, 0


_CAPS_DATELINE = re.compile(
    r"^[ \t]*(?:date\s+\d{4}-\d\d-\d\d\s+)?(?P<name>[A-Z][A-Z'’.\-]{2,}(?:[ \-/][A-Z][A-Z'’.\-]+){0,3})"
    r"(?:\s*,\s*[^\n:—–(]{0,40}?)?(?:\s*\([^)\n]{1,30}\)\s*(?::|—|–|--|-\s)?|\s*(?::|—|–|--|-\s))",
    re.M,
)
# "Islamabad: A Haqqani network commander was ..." -- a place name alone before a colon at the start of a line that
# goes on with a sentence is a dateline too (web pages put it after the headline)
# a wire dateline anywhere in a line, as web pages glue it after the headline: "... officials Miranshah, Pakistan
# (AFP) Nov 19, 2008 A missile ...", "Wana, Pakistan (Reuters) -"
_WIRE_DATELINE = re.compile(
    r"(?P<name>\b[A-Z][A-Za-z'’.\-]+(?:[ \-][A-Z][A-Za-z'’.\-]+){0,2})\s*,\s*(?:[A-Z][a-z]+\s*){1,2}"
    r"\(\s*(?:AFP|AP|Reuters|IANS|Xinhua|APP|UPI|dpa|DPA|ANI|PTI|NNI|INP|Anadolu|AA|IRNA|SANA|KUNA|WAM|Saba|SPA|"
    r"Sputnik|TASS|NNA|AKI|RFE/RL|BBC|CNN|VOA)\s*\)"
)
# every wire dateline holds its agency in brackets: a text without one is not searched (the name part of the pattern
# is tried at every capital, ~100 us for 4,000 characters; the bracket is found at once)
_WIRE_AGENCY = re.compile(r"\(\s*(?:" + _WIRE_DATELINE.pattern.split(r"\(\s*(?:", 1)[1])
# Urdu and Arabic datelines: a place name (or two joined by "+") at the start of a line before "(" (the agency),
# the Urdu full stop "۔", a colon or dots: "اسلام آباد(یو این پی)", "میران شاہ۔"
_ARABIC_DATELINE = re.compile(
    r"^[ \t]*(?P<name>[\u0621-\u064A\u0671-\u06D3]+(?:[ +]+[\u0621-\u064A\u0671-\u06D3]+){0,4}?)"
    r"[ \t]*(?:\(|۔|:|\.{2,})",
    re.M,
)
_COLON_DATELINE = re.compile(
    r"^[ \t]*(?:date\s+\d{4}-\d\d-\d\d\s+)?(?P<name>[A-Z][a-z'’.\-]+(?:[ \-][A-Z][a-z'’.\-]+){0,2})"
    r"[ \t]*:[ \t]+(?=[A-Z\"“‘'][^\n]{40})",
    re.M,
)


# a city and a date before a colon or dash anywhere in a line, as pages glue the dateline after the headline ("... by
# suspected US missile strike Islamabad, Sept. 8 : A suspected ..."): a dateline, not a place in the headline
_DATE_DATELINE = re.compile(
    r"(?P<name>\b[A-Z][a-z'’.\-]+(?:[ \-][A-Z][a-z'’.\-]+){0,2})\s*,\s*"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:\s*,\s*\d{4})?"
    r"(?:\s*,?\s*\(?(?:AFP|AP|Reuters|IANS|Xinhua|APP|UPI|IRNA|ANI|PTI|NNI|INP|KUNA|SANA|WAM|dpa|DPA)\)?)?"
    r"\s*(?::|—|–|--|-\s)"
)

# a date stamp, then a city in capitals and the story with no punctuation between ("date 2015-03-02 ADEN A drone
# attack killed ..."): pages that lost the dateline's dash
_STAMP_CAPS_DATELINE = re.compile(
    r"^[ \t]*date\s+\d{4}-\d\d-\d\d\s+(?P<name>[A-Z][A-Z'’.\-]{2,}(?:[ \-][A-Z][A-Z'’.\-]+){0,3}?)(?=\s+[A-Z])", re.M
)
# every date dateline holds this (found at once by its literal prefixes): a text without it is not searched
_MONTH_DAY_MARK = re.compile(_DATE_DATELINE.pattern.split(r"\s*,\s*", 1)[1])


@lru_cache(maxsize=256)
def _caps_datelines(text: str, gaz: Gazetteer) -> tuple[tuple[int, int], ...]:
    """Datelines in capitals at the start of any line ("PESHAWAR - ", "ISLAMABAD, (Xinhua):", "ISLAMABAD, Pakistan —"):
    web pages put headlines, bylines and dates before the story, and pages carry several stories."""
    out = []
    for m in _CAPS_DATELINE.finditer(text):
        # "PESHAWAR/ISLAMABAD –": every city of a shared dateline is one
        if gaz.exact(m.group("name")) or all(gaz.exact(n) for n in m.group("name").split("/")):
            out.append((m.start("name"), m.end()))
    for m in _WIRE_DATELINE.finditer(text) if _WIRE_AGENCY.search(text) else ():
        if gaz.exact(m.group("name")):
            out.append((m.start("name"), m.end()))
    for m in _ARABIC_DATELINE.finditer(text) if not text.isascii() else ():
        if all(gaz.exact(n.strip()) for n in m.group("name").split("+") if n.strip()):
            out.append((m.start("name"), m.end()))
    for m in _STAMP_CAPS_DATELINE.finditer(text) if "date " in text else ():
        if gaz.exact(m.group("name")):
            out.append((m.start("name"), m.end()))
    for m in _DATE_DATELINE.finditer(text) if _MONTH_DAY_MARK.search(text) else ():
        if any(p.kind != "country" for p in gaz.exact(m.group("name"))):
            out.append((m.start("name"), m.end()))
    for m in _COLON_DATELINE.finditer(text) if ":" in text else ():
        # a country before the colon is a headline's topic ("Yemen: US drone strike kills 7"), not a dateline
        if any(p.kind != "country" for p in gaz.exact(m.group("name"))):
            out.append((m.start("name"), m.end()))
    return tuple(sorted(out))


@lru_cache(maxsize=256)
def dateline_rows(text: str, gaz: Gazetteer) -> frozenset[int]:
    """Rows of the cities and towns the text's datelines name (the opening one and any line's): a dateline city named
    again later is most often where officials spoke or another event happened ("meanwhile in Peshawar"). An agency
    or province as dateline ("KHYBER AGENCY:") names the story's area and is not counted."""
    spans = list(_caps_datelines(text, gaz))
    start, end = _dateline_span(text, gaz)
    if end:
        spans.append((start, end))
    out: set[int] = set()
    for a, b in spans:
        toks = _tokens(text, a, b)
        for _, _, places in _scan_exact(text, gaz, toks):
            out.update(p.id for p in places if p.is_place)  # "KHYBER AGENCY:" names the story's area
    return frozenset(out)


CACHE_CLEARERS.extend((_fuzzy_worthy.cache_clear, _dateline_span_of_head.cache_clear, _caps_datelines.cache_clear,
                       dateline_rows.cache_clear))


def find_places(text: str, gaz: Gazetteer | None = None, start: int = 0, end: int | None = None
                ) -> list[PlaceMention]:
    """Every gazetteer name in ``text`` (or in ``text[start:end]``, read in the context of the whole text), in
    order, with its span, candidates (best first) and role."""
    gaz = gaz or get_gazetteer()
    toks = _tokens(text, start, end)
    exact = _scan_exact(text, gaz, toks)
    admin2_names = [c.admin2 for _, _, cs in exact for c in cs[:1] if c.kind == "admin2" and c.country == "PK"]
    hint = admin2_names[0] if len(set(admin2_names)) == 1 else None
    fuzzy = _scan_fuzzy(text, gaz, [(s, e) for s, e, _ in exact], hint, toks, start, end)
    dl = _dateline_span(text, gaz)
    caps = (*_caps_datelines(text, gaz), dl) if dl[1] else _caps_datelines(text, gaz)
    raw: list[tuple[int, int, list[Place], str, float]] = [(s, e, c, "exact", 100.0) for s, e, c in exact]
    raw += [(s, e, c, "fuzzy", sc) for s, e, c, sc in fuzzy]
    raw.sort(key=lambda r: r[0])
    mentions: list[PlaceMention] = []
    for s, e, cands, how, score in raw:
        sent_before = _sentence_before(text, s)
        role = _role(text, s, e, cands, 0, sent_before, caps)
        mentions.append(
            PlaceMention(
                start=s,
                end=e,
                text=text[s:e],
                candidates=[gaz.to_result(p, s, e) for p in cands],
                role=role,
                match="exact" if how == "exact" else "fuzzy",
                score=score,
                places=list(cands),
                offset=parse_offset(sent_before) if role == "reference" else None,
                unit_of=bool(_UNIT_OF_BEFORE.search(sent_before[-30:])),
                town_of=bool(_TOWN_OF_BEFORE.search(sent_before[-40:])),
            )
        )
    # "between Y and Z": Z is as much a reference as Y
    for a, b in zip(mentions, mentions[1:], strict=False):
        if (
            a.role == "reference"
            and _BETWEEN_BEFORE.search(text[max(0, a.start - 20) : a.start])
            and _BETWEEN_FIRST.match(text[a.end : b.start])
        ):
            b.role = "reference"
    _link_chains(text, mentions)
    return mentions


def _link_chains(text: str, mentions: list[PlaceMention]) -> None:
    """ "A, B, C" / "A area of B" / "A in B": later members of a chain contain the earlier ones."""
    for i, m in enumerate(mentions):
        j = i + 1
        prev_end = m.end
        while j < len(mentions):
            gap = text[prev_end : mentions[j].start]
            if len(gap) > 40 or not _CHAIN_GAP.match(gap) or "\n\n" in gap:
                break
            if mentions[j].role in ("site", "elsewhere") and mentions[j].level <= m.level:
                m.containers.append(j)
            prev_end = mentions[j].end
            j += 1
