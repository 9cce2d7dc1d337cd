"""Which place in a stretch of text is the strike site.

Rules (``resolve(text, start, end)``):

1. Only mentions inside ``text[start:end]`` whose role is ``site`` compete (see ``mentions``): reference points
   ("10 km west of Y"), datelines, the city a spokesman spoke from, a capital standing for its government
   ("Islamabad gave its approval") and "the Afghanistan border" do not.
2. The most specific wins: village > town > valley/area > agency (admin2) > province (admin1) > country; between
   equally specific names the earlier one ("Kumsham, Miramshah" -> Kumsham).
3. A name shared by several rows is settled by the names the text puts around it ("Shaktoi, South Waziristan").
4. When the text puts the place in another agency/province/country than the gazetteer ("Wana in North Waziristan"),
   the gazetteer's hierarchy is kept and ``conflict`` says what the text claimed.
5. "near Y" / "close to Y" / "outside Y" for a town Y gives Y (precision place), as trackers record
   "near Miranshah", unless the text names a town or village of its own (near a village, the village is a
   reference point: rule 6); it also beats a bare agency site
   ("near Miranshah in North Waziristan" -> Miranshah) when Y lies in that agency.
6. With no site at all, a reference point still tells the agency: "45 km west of Mir Ali" -> North Waziristan
   (admin2, or the province/country where no agency is known), with the reference place's point moved by the
   stated distance and direction (an estimate: precision stays admin2 and ``source`` says "offset applied");
   "10 km from Mir Ali" gives no direction, so the point stays Mir Ali's. The same point replaces the agency
   centre when the best site is only an agency. A named village or town always wins over such an estimate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from strikewatch.geo.context import article_countries, dominant, one_country
from strikewatch.geo.gazetteer import MAJOR_CITY, Gazetteer, Place, get_gazetteer, haversine_km
from strikewatch.geo.mentions import INSTITUTION_AFTER, PlaceMention, dateline_rows, find_places, may_name_place
from strikewatch.geo.offsets import destination
from strikewatch.schema import GeoResult


@lru_cache(maxsize=256)
def _mentions(text: str, gaz: Gazetteer, start: int = 0, end: int | None = None) -> tuple[PlaceMention, ...]:
    return tuple(find_places(text, gaz, start, end))


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentences around ``text[start:end]``: place names are read one sentence at a time."""
    a = text.rfind("\n", 0, start) + 1
    for p in (". ", "? ", "! "):
        k = text.rfind(p, a, start)
        if k >= 0:
            a = max(a, k + 2)
    b = text.find("\n", end)
    if b < 0:
        b = len(text)
    for p in (". ", "? ", "! "):
        k = text.find(p, end, b)
        if k >= 0:
            b = min(b, k + 1)
    return a, b


class _Article:
    """The whole text's country context, worked out only when a namesake needs it (once per text: cached)."""

    __slots__ = ("_counts", "gaz", "text")

    def __init__(self, text: str, gaz: Gazetteer) -> None:
        self.text, self.gaz = text, gaz
        self._counts: tuple[tuple[str, float], ...] | None = None

    @property
    def counts(self) -> tuple[tuple[str, float], ...]:
        if self._counts is None:
            self._counts = article_countries(self.text, self.gaz)
        return self._counts

    def dominant(self) -> str | None:
        return dominant(self.counts)


def _settled_here(m: PlaceMention, mentions: tuple[PlaceMention, ...], span: list[int]) -> set[str]:
    """Countries the mention's own chain or stretch of text gives it."""
    here = {mentions[j].places[0].country for j in m.containers if mentions[j].places}
    here |= {
        mentions[i].places[0].country
        for i in span
        if mentions[i] is not m
        and mentions[i].places
        and mentions[i].role in ("site", "near", "reference")
        # another writing of the same name, or a near spelling, settles nothing ("Sopore ... the Sopore town")
        and mentions[i].match == "exact"
        and mentions[i].text.lower() != m.text.lower()
    }
    return here


def _foreign(m: PlaceMention, mentions: tuple[PlaceMention, ...], span: list[int], art: _Article | None) -> bool:
    """A namesake from elsewhere: every row of the name lies in a country the article never names, while the article
    is clearly about another country ("Qush Tepa" in an Afghan story is not Iraq's Qushtepe), and nothing in the
    mention's own stretch of text points to the name's countries. Only asked for names that are namesakes across
    countries or only GeoNames populated places; a country's name is never foreign (a province can be:
    Iraq's Basra in an Afghan story)."""
    if not m.places or any(p.kind == "country" for p in m.places):
        return False
    countries = {p.country for p in m.places}
    chained = {mentions[j].places[0].country for j in m.containers if mentions[j].places}
    if chained and not (countries & chained):
        # "Sam area of South Waziristan": the text puts the name in a unit of another country than every row of
        # it -- a village the gazetteer lacks, not Damascus; the unit it is chained to tells the site
        return True
    if art is not None and m.containers and _VILLAGE_OF.match(art.text, m.end, mentions[m.containers[0]].start):
        first = mentions[m.containers[0]].places[:1]
        unit = first[0] if first and first[0].kind in ("admin1", "admin2") else None
        province = (unit.name if unit.kind == "admin1" else unit.admin1) if unit is not None else None
        if unit is not None and province and not any(
            p.country == unit.country and p.admin1 == province for p in m.places
        ):
            # "the Mata Sanghar area of Kurram agency": a name written as an area, village or town of a unit in
            # another province than all its rows is a village the gazetteer lacks there (not Sindh's Sanghar);
            # within one province the gazetteer's hierarchy is kept and the conflict noted (rule 4)
            return True
    if m.match == "fuzzy":
        units = [mentions[j].places[0] for j in m.containers if mentions[j].places]
        units = [u for u in units if u.kind in ("admin1", "admin2")]
        if units and not any(
            _compatible_admin2(p, u.name) if u.kind == "admin2" else p.admin1 == u.name for p in m.places for u in units
        ):
            # "Sanzila area of South Waziristan": a near spelling of a village of another district is a village the
            # gazetteer lacks in the district the text names
            return True
    if all(_small(p) for p in m.places):
        # a near spelling or a small GeoNames place only, in a sentence whose other names all lie in one province
        # or district, and none of the place's rows lies in it ("strikes targeted Rashid and Aayoj in the countryside
        # of Raqqa": not Hama's Rashid or Awaj): a village the gazetteer lacks in the unit the sentence names
        # (kind, country, admin1, admin2) of the unit each other name gives
        named: set[tuple[str, str, str | None, str | None]] = set()
        for i in span:
            o = mentions[i]
            if o is m or o.role not in ("site", "near") or not o.places or o.match != "exact":
                continue
            if len({q.country for q in o.places}) > 1:
                continue  # a namesake across countries ("Bayda": Yemen's province, Libya's city) names no one unit
            u = o.places[0]
            if u.kind == "admin1":
                named.add(("admin1", u.country, u.name, None))
            elif u.kind == "admin2":
                named.add(("admin2", u.country, u.admin1, u.name))
            elif u.is_place and not _small(u) and u.admin1:
                named.add(("admin1", u.country, u.admin1, None))
        if len(named) == 1:
            kind, cc, a1, a2 = next(iter(named))
            # a row the table knows without a district fits any district of its province ("Kot Sultan village of
            # Layyah district" takes Layyah)
            if not any(
                p.country == cc and p.admin1 == a1 and (kind == "admin1" or p.admin2 in (a2, None))
                for p in m.places
            ):
                return True
    if art is None:
        return False
    weak = m.match == "fuzzy" or all(
        p.is_place and not p.attested and p.population < MAJOR_CITY for p in m.places
    )
    if weak and not (countries & _settled_here(m, mentions, span)) and art.dominant() not in countries:
        # a near spelling, or a small GeoNames place, in a story that is not about its country: a village the
        # gazetteer lacks, or a place abroad ("Kaski" is not Herat's namesake) -- never a namesake elsewhere
        return True
    if len(countries) == 1 and any(p.attested for p in m.places):
        return False
    if countries & _settled_here(m, mentions, span):
        return False
    counts = dict(art.counts)
    dom = art.dominant()
    if dom is None or counts[dom] < 2:
        return False
    # the name's own writings count for its country ("Akka" is Acre's alternate name): only other names tell
    own = art.text.count(m.text)
    return not any(counts.get(c, 0) - (own if c == one_country(m.places) else 0) > 0 for c in countries)


def _seat_named_like(unit: Place, gaz: Gazetteer) -> Place | None:
    """"the port city of Hodeidah" where the table knows "Hodeidah" only as the province: the town of that province
    written as one of the province's names (Al Hudaydah), the most populous if several."""
    if unit.kind not in ("admin1", "admin2"):
        return None
    rows = {
        q.id: q
        for n in unit.names()
        for q in gaz.exact(n)
        if q.is_place and q.country == unit.country and getattr(q, unit.kind) == unit.name
    }
    return max(rows.values(), key=lambda q: q.population, default=None)


def _small(p: Place) -> bool:
    """A GeoNames populated place no strike sheet or curated row attests, under a major city's size."""
    return p.is_place and not p.attested and p.population < MAJOR_CITY


_VILLAGE_OF = re.compile(
    r"\s*(?:area|village|town|locality|hamlet|neighbou?rhood)\s+(?:of|in)\s+(?:the\s+)?(?:\w+\s+)?$", re.I
)


def _compatible_admin2(p: Place, name: str) -> bool:
    return name in (p.admin2, p.post2018) or (p.kind == "admin2" and p.name == name)


def _choose(
    m: PlaceMention, mentions: tuple[PlaceMention, ...], span: list[int], gaz: Gazetteer, art: _Article | None = None
) -> tuple[Place, str | None]:
    """Pick the row a mention means, and say whether the text contradicts its hierarchy."""
    containers = [mentions[j] for j in m.containers]
    chain_admin2 = [c.places[0] for c in containers if c.places and c.places[0].kind == "admin2"]
    chain_admin1 = [c.places[0] for c in containers if c.places and c.places[0].kind == "admin1"]
    chain_country = [c.places[0] for c in containers if c.places and c.places[0].kind == "country"]
    chain_points = [
        (c.places[0].lat, c.places[0].lon)
        for c in containers
        if c.places and c.places[0].is_place and c.places[0].lat is not None and c.places[0].lon is not None
    ]
    others = [mentions[i] for i in span if mentions[i] is not m and mentions[i].role in ("site", "near", "reference")]
    span_admin2 = {o.places[0].name for o in others if o.places and o.places[0].kind == "admin2"}
    span_countries = {o.places[0].country for o in others if o.places}
    # the article's country settles a namesake across countries that its own sentence leaves open ("Bayda
    # province" in a Yemen story): worth less than any hint from the mention's own chain or stretch of text
    # (the whole text is read only when the mention's chain and span do not already point to one of its countries)
    countries = {p.country for p in m.places}
    context = (
        art.dominant()
        if art is not None and len(countries) > 1 and len(countries & _settled_here(m, mentions, span)) != 1
        else None
    )

    # "al-Sawmaa district of Bayda": what a district lies in is a province (Yemen's Al Bayda, not Libya's town)
    unit_of = m.unit_of

    def score(p: Place, rank: int) -> float:
        s = -0.01 * rank
        if unit_of and p.kind in ("admin1", "admin2"):
            s += 2
        if m.town_of and p.is_place:
            s += 2  # "the city of Marib": the town, not the province named like it
        if p.is_place and any(q.kind == "admin2" and q.name == p.admin2 for q in m.places):
            s += 0.5  # a district's seat named like it ("Zinjibar"): the town, in its district, not the district
        if any(_compatible_admin2(p, a.name) for a in chain_admin2):
            s += 8
        if p.admin2 in span_admin2:
            s += 4
        if any(p.admin1 == a.name for a in chain_admin1):
            s += 3
        if any(p.country == c.country for c in chain_country):
            s += 3
        if p.country in span_countries:
            s += 2
        if p.country == context:
            s += 1
        if (
            p.lat is not None
            and p.lon is not None
            and any(haversine_km(p.lat, p.lon, a, b) <= 40 for a, b in chain_points if a is not None and b is not None)
        ):
            s += 3
        return s

    best = max(enumerate(m.places), key=lambda ip: score(ip[1], ip[0]))[1]
    if m.town_of and not best.is_place:
        best = _seat_named_like(best, gaz) or best
    conflict = None
    claims: list[str] = []
    if chain_admin2 and not any(_compatible_admin2(best, a.name) for a in chain_admin2) and best.kind != "admin2":
        claims.append(f"in {chain_admin2[0].name}")
    elif (
        chain_admin1 and not any(best.admin1 == a.name for a in chain_admin1) and best.kind not in ("admin1", "country")
    ):
        claims.append(f"in {chain_admin1[0].name}")
    elif chain_country and best.country != chain_country[0].country:
        claims.append(f"in {chain_country[0].name}")
    if claims:
        where = ", ".join(x for x in (best.admin2, best.admin1, best.country) if x)
        conflict = f"the text places {m.text} {claims[0]}; the gazetteer has {best.name} in {where} (gazetteer kept)"
    return best, conflict


def _level(p: Place) -> int:
    return p.level


def _use_reference_point(result: GeoResult, p: Place, m: PlaceMention) -> None:
    """The strike's point from a reference place: its own point, or that point moved by the distance and direction
    the text gives ("45 km west of Miranshah")."""
    if p.lat is None or p.lon is None:
        return
    lat, lon = p.lat, p.lon
    off = m.offset
    if off is not None and off.bearing is not None:
        lat, lon = destination(p.lat, p.lon, off.km, off.bearing)
        result.source = (
            f"{p.source}; {off.text} {m.text} (offset applied): the point of {p.name} moved {off.km:.4g} km "
            f"{off.direction}, an estimate"
        )
    elif off is not None:
        result.source = (
            f"{p.source}; point of {p.name}, a reference point "
            f"({off.text} {m.text}: no direction given, point not moved)"
        )
    else:
        result.source = f"{p.source}; point of {p.name}, a reference point ({m.text!r} in the text)"
    result.lat, result.lon = round(lat, 5), round(lon, 5)


def _point_from_reference(
    result: GeoResult, unit: Place, mentions: tuple[PlaceMention, ...], span: list[int], gaz: Gazetteer,
    art: _Article | None = None,
) -> bool:
    """An agency-level site with "near Y" inside that agency: Y's point beats the agency's centre."""
    for i in span:
        m = mentions[i]
        if m.role not in ("reference", "near") or not m.places:
            continue
        p, _ = _choose(m, mentions, span, gaz, art)
        inside = (unit.kind == "admin2" and p.admin2 == unit.name) or (unit.kind == "admin1" and p.admin1 == unit.name)
        if p.is_place and inside and p.lat is not None and p.lon is not None:
            _use_reference_point(result, p, m)
            return True
    return False


def _near_site(
    nears: list[int], mentions: tuple[PlaceMention, ...], span: list[int], gaz: Gazetteer, inside: Place | None = None,
    art: _Article | None = None,
) -> tuple[GeoResult, int, str] | None:
    """ "near Y" / "close to Y" / "outside Y" for a town Y: Y is where trackers put the strike ("near Miranshah").
    Near a village the strike was somewhere around it: the village stays a reference point."""
    choices = []
    for i in nears:
        p, conflict = _choose(mentions[i], mentions, span, gaz, art)
        if not p.is_place or p.kind == "village":
            continue
        if inside is not None and not (
            (inside.kind == "admin2" and _compatible_admin2(p, inside.name))
            or (inside.kind == "admin1" and p.admin1 == inside.name)
            or (inside.kind == "country" and p.country == inside.country)
        ):
            continue
        choices.append((i, p, conflict))
    if not choices:
        return None
    i, p, conflict = max(choices, key=lambda c: (_level(c[1]), -mentions[c[0]].start))
    m = mentions[i]
    result = gaz.to_result(p, m.start, m.end)
    result.conflict = conflict
    result.source = f"{p.source}; the text puts the strike near {m.text!r}"
    return result, i, m.text


_BORDER_WORD = re.compile(r"\b(?:border(?:s|land|lands|ing)?|boundary|frontier)\b", re.I)
_PAIR_GAP = re.compile(r"^\s*(?:and|&|/|-|–|or)\s*(?:the\s+)?$", re.I)
_SHARED_HEAD = re.compile(r"\b(North|South|Upper|Lower|East|West|Central)\s*(?:and|&|/|-|–)\s*$", re.I)


def _implied_pair(text: str, m: PlaceMention, gaz: Gazetteer) -> Place | None:
    """ "North and South Waziristan": the first district is implied by the second's name."""
    if not m.places or m.places[0].kind != "admin2":
        return None
    h = _SHARED_HEAD.search(text, max(0, m.start - 12), m.start)
    words = m.text.split()
    if h is None or len(words) < 2 or words[0].lower() == h.group(1).lower():
        return None
    name = f"{h.group(1).title()} {' '.join(words[1:])}"
    rows = [p for p in gaz.exact(name) if p.kind == "admin2" and p.country == m.places[0].country]
    return rows[0] if rows else None


def _borderland(
    text: str, mentions: tuple[PlaceMention, ...], live: list[int], gaz: Gazetteer
) -> tuple[GeoResult, int, str] | None:
    """Two districts of one province named as a border ("the border of North and South Waziristan", "the Kurram-
    Orakzai border", "the borderlands of Khyber and Orakzai"): the province, with both districts named in ``place``
    (not a guess of one), precision admin1; the point midway between the two districts' points."""
    units = [i for i in live if mentions[i].places and mentions[i].places[0].kind == "admin2"]
    pairs: list[tuple[int, Place, Place, int, int]] = []
    for i in units:
        m = mentions[i]
        implied = _implied_pair(text, m, gaz)
        if implied is not None:
            h = _SHARED_HEAD.search(text, max(0, m.start - 12), m.start)
            pairs.append((i, implied, m.places[0], h.start() if h else m.start, m.end))
    for i, j in zip(units, units[1:], strict=False):
        ma, mb = mentions[i], mentions[j]
        if _PAIR_GAP.match(text[ma.end : mb.start]):
            pairs.append((i, ma.places[0], mb.places[0], ma.start, mb.end))
    for i, a, b, s, e in pairs:
        if a.name == b.name or a.country != b.country or a.admin1 != b.admin1 or not a.admin1:
            continue
        before, after = text[max(0, s - 40) : s], text[e : e + 25]
        if not (_BORDER_WORD.search(before) or _BORDER_WORD.match(after.strip(" -–'’s"))):
            continue
        unit = gaz.admin1.get((a.country, a.admin1))
        if unit is None:
            continue
        result = gaz.to_result(unit, s, e)
        result.place = f"{a.name} / {b.name} border"
        if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
            result.lat, result.lon = round((a.lat + b.lat) / 2, 5), round((a.lon + b.lon) / 2, 5)
            result.source = f"{unit.source}; midway between the points of {a.name} and {b.name} (a border strike)"
        why = (f"the text puts the strike on the border of {a.name} and {b.name}: their province {unit.name}, with "
               "both districts named (not a guess of one)")
        return result, i, why
    return None


def _stated_admin2(p: Place, m: PlaceMention, mentions: tuple[PlaceMention, ...], live: list[int]) -> Place | None:
    """The district the text puts a place in ("Kalayat village of Jhang district"), for a place the gazetteer
    knows without one: the chain after it first, else the one district of its province the stretch names."""
    def fits(q: Place) -> bool:
        return q.kind == "admin2" and q.country == p.country and (p.admin1 is None or q.admin1 == p.admin1)

    for j in m.containers:
        for q in mentions[j].places[:3]:
            if fits(q):
                return q
    named = {q.name: q for i in live if mentions[i].role in ("site", "near", "reference")
             for q in mentions[i].places[:1] if fits(q)}
    return next(iter(named.values())) if len(named) == 1 else None


def _stated_admin1(p: Place, m: PlaceMention, mentions: tuple[PlaceMention, ...]) -> Place | None:
    """The province the text chains a place to ("Araara in Lower Juba region"), for a place the gazetteer knows
    without one."""
    for j in m.containers:
        for q in mentions[j].places[:3]:
            if q.kind == "admin1" and q.country == p.country:
                return q
    return None


@dataclass(slots=True)
class Decision:
    """What ``decide`` found in a stretch of text: the answer, the mention it came from and why, and every
    mention it read (``mentions[i]`` for ``i`` in ``span``) with the indexes it set aside."""

    result: GeoResult | None
    chosen: int | None
    why: str
    mentions: tuple[PlaceMention, ...]
    span: list[int]
    excluded: frozenset[int]
    foreign: frozenset[int]


_NO_SITE = "no place named as the strike's site"
_PRESS_CLUB = re.compile(
    r"\b(?:press\s+club|assembly|court|parliament|secretariat|headquarters|HQ)\s+(?:in|of|at)\s+(?:the\s+)?$", re.I
)
_PROTESTERS_BEFORE = re.compile(
    r"\b(?:journalists?|reporters?|correspondents?|lawyers?|officials?|officers?|employees?)\s+(?:based\s+)?"
    r"(?:in|from|of)\s+(?:the\s+)?$",
    re.I,
)
_PROTEST_AFTER = re.compile(
    r"[^.;\n]{0,80}?\b(?:protest|rall(?:y|ied)|demonstrat|march(?:ed)?\b|sit-in|boycott|shutter-?down|strike\b)", re.I
)


def _gathered_at(text: str, m: PlaceMention) -> bool:
    """A protest "outside the press club in Quetta", "outside the Sindh Assembly in Karachi", "journalists in Larkana
    protested": a place the speaker roles set aside is, for a gathering, where people gathered."""
    before = text[max(0, m.start - 60) : m.start]
    if INSTITUTION_AFTER.match(text, m.end):
        return True  # "outside the Quetta Press Club", "outside the Lahore High Court"
    return bool(_PRESS_CLUB.search(before) or (
        _PROTESTERS_BEFORE.search(before) and _PROTEST_AFTER.match(text, m.end)
    ))


def _overlaps(m: PlaceMention, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(m.start < b and a < m.end for a, b in ranges)


def decide(
    text: str, start: int, end: int, gaz: Gazetteer | None = None, exclude: tuple[tuple[int, int], ...] = (),
    gathering: bool = False,
) -> Decision:
    """The strike site named in ``text[start:end]`` (mentions inside an ``exclude`` range never count), with the
    reason in plain words. ``gathering``: the event is a protest or rally, so where people gathered is its site."""
    gaz = gaz or get_gazetteer()
    start, end = max(0, start), min(len(text), end)
    within = _paragraph(text, start, end)
    if not may_name_place(text, start, end, within, gaz):
        # no name can lie in the stretch: its sentences need no reading (most clauses an extractor hands over)
        return Decision(None, None, _NO_SITE, (), [], frozenset(), frozenset())
    mentions = _mentions(text, gaz, *within)
    span = [i for i, m in enumerate(mentions) if m.start >= start and m.end <= end]
    excluded = frozenset(i for i in span if exclude and _overlaps(mentions[i], exclude))
    live = [i for i in span if i not in excluded]
    art = _Article(text, gaz)
    foreign = frozenset(
        i for i in live
        if mentions[i].role in ("site", "near", "reference", "elsewhere") and _foreign(mentions[i], mentions, live, art)
    )

    def done(result: GeoResult | None, chosen: int | None, why: str) -> Decision:
        return Decision(result, chosen, why, mentions, span, excluded, foreign)

    site_roles = ("site", "elsewhere") if gathering else ("site",)
    sites = [
        i for i in live
        if i not in foreign
        and (
            mentions[i].role in site_roles
            # a protest "outside the press club in Quetta" gathered there: for a gathering that is its site
            or (gathering and mentions[i].role == "speaker" and _gathered_at(text, mentions[i]))
        )
    ]
    nears = [i for i in live if mentions[i].role == "near" and mentions[i].places and i not in foreign]
    if sites:
        choices = [(i, *_choose(mentions[i], mentions, live, gaz, art)) for i in sites]
        # a dateline's city named again is the site only when no other place is named as one; then the most
        # specific, then the earliest
        dl_rows = dateline_rows(text, gaz) if len(choices) > 1 else frozenset()
        i, place, conflict = max(
            choices, key=lambda c: (c[1].id not in dl_rows, _level(c[1]), -mentions[c[0]].start)
        )
        m = mentions[i]
        if not place.is_place:
            border = _borderland(text, mentions, live, gaz)
            if border is not None:
                return done(*border)
            # "near Miranshah in North Waziristan": the town the strike was near is more precise than the agency
            near = _near_site(nears, mentions, live, gaz, inside=place, art=art)
            if near is not None:
                return done(near[0], near[1], f"the text puts the strike near {near[2]!r}, a town inside {m.text!r}: "
                            "trackers record the town")
        result = gaz.to_result(place, m.start, m.end)
        result.conflict = conflict
        why = f"{m.text!r} is named as where the strike was"
        if len(sites) > 1:
            why += " (the most specific of the places named as sites; the earliest of equals)"
        if place.is_place and place.admin2 is None:
            unit = _stated_admin2(place, m, mentions, live)
            if unit is not None:
                result.admin2 = unit.name
                why += f"; its district {unit.name!r} is the one the text names (the gazetteer gives it none)"
        if place.is_place and place.admin1 is None:
            unit1 = _stated_admin1(place, m, mentions)
            if unit1 is not None:
                result.admin1 = unit1.name
                why += f"; its province {unit1.name!r} is the one the text names (the gazetteer gives it none)"
        if not place.is_place and _point_from_reference(result, place, mentions, live, gaz, art):
            why += "; the point is that of a place in it the text measures from"
        return done(result, i, why)
    border = _borderland(text, mentions, live, gaz)
    if border is not None:
        return done(*border)
    near = _near_site(nears, mentions, live, gaz, art=art)
    if near is not None:
        return done(near[0], near[1], f"the text puts the strike near {near[2]!r}, a town: trackers record the town")
    for i in live:
        m = mentions[i]
        if m.role not in ("reference", "near") or not m.places or i in foreign:
            continue
        p, _ = _choose(m, mentions, live, gaz, art)
        up = (gaz.admin2_of(p) or gaz.admin1_of(p) or gaz.country.get(p.country)) if p.is_place else None
        if up is not None:
            # the agency is known; the point is the reference place's, moved by the stated distance and direction
            # ("45 km west of Mir Ali"), not the agency centre
            result = gaz.to_result(up, m.start, m.end)
            _use_reference_point(result, p, m)
            how = "near" if m.role == "near" else "measured from"
            return done(result, i, f"no place is named as the site; the strike was {how} {m.text!r}, so the site "
                        f"is in {up.name} (its {up.kind}), at {m.text}'s point or an offset from it")
    return done(None, None, _NO_SITE)


def resolve(text: str, start: int, end: int, gaz: Gazetteer | None = None) -> GeoResult | None:
    """The strike site named in ``text[start:end]``, or None when the stretch names no place we know."""
    return decide(text, start, end, gaz).result


_PRECISION = {"place": 4, "admin2": 3, "admin1": 2, "country": 1}


def specificity(text: str, result: GeoResult, gaz: Gazetteer | None = None) -> tuple[int, int, int]:
    """How specific a ``resolve`` answer is, to choose among the answers for several stretches of one text:
    (precision, named as the site rather than only "near" it, gazetteer level: village > town > area)."""
    gaz = gaz or get_gazetteer()
    prec = _PRECISION.get(result.geo_precision or "", 0)
    if result.start is None or result.end is None:
        return prec, 0, 0
    for m in _mentions(text, gaz, *_paragraph(text, result.start, result.end)):
        if m.start == result.start and m.end == result.end:
            return prec, int(m.role == "site"), m.level
    return prec, 0, 0
