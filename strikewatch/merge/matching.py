"""The merge rules: may two reports describe the same strike, and how strongly do they agree?

This is the one place the matching rules live. ``compare(a, b)`` returns ``None`` when the two reports cannot be
the same strike (a *cannot-link*), otherwise a ``Match`` with a score (sum of feature weights) and the features
that produced it, which ``strikewatch strike ID --why`` shows. Reports are merged when the average score between
their groups reaches ``THRESHOLD`` (see clustering.py).

Cannot-link (never the same strike):
- two events from one article: the text itself says they are separate strikes ("two strikes", "a second strike
  hit the same village hours later", "the third in three days");
- different countries, different districts (admin2) or provinces, or different named places (spelling variants
  such as Miranshah/Miramshah are the same place; the gazetteer (strikewatch.geo.same_site) says whether a town or
  valley and a village can be one site, and then the districts it files them under are not held against them;
  names it does not know are the same place when within 2 km of each other);
- date windows more than one day apart (each report's window is widened by a day for time zones and
  "late last night" reports filed the next morning);
- undated reports are only compared with undated reports.

Weights (added up; THRESHOLD = 2.6):
  same day +2.0 | one day apart -0.5 | inside the other's window +1.0 | windows overlap +0.5
  same place +3.0 | a village in the town or valley the other names +2.0 | same district (a report names no
  village) +1.0 | same province +0.4 | same country +0.2
  tolls overlap +1.0 | tolls close (1 apart, or a quarter of the larger) +0.5 | far apart (3x and 4) -1.0
  a named dead person in common +3.0 | both name the dead, nobody in common -1.0
  same target +0.7 | different target -0.5 | one hit rescuers/a funeral and the other did not -4.0
  a target group in common +0.3 | same perpetrator +0.3 | different perpetrator -1.0
  a strike and a non-strike (bombing, other) -1.0
  the same report in two copies of one wire story +3.0
  both articles tell of several strikes that day at that place: same order ("the first", "the second") +1.0,
  different order -1.0
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from strikewatch.merge.reports import Report, km_between
from strikewatch.ranges import Range

THRESHOLD = 2.6
SAME_PLACE_KM = 2.0
FUZZY_PLACE = 85.0
FUZZY_NAME = 88.0

FOLLOW_UP_TARGETS = frozenset({"rescuers", "funeral", "mourners", "rescue"})


@dataclass(slots=True)
class Match:
    score: float
    features: list[tuple[str, float]]

    def to_dict(self) -> dict[str, object]:
        return {"score": round(self.score, 2), "features": [[n, w] for n, w in self.features]}


def same_name(a: str, b: str, cutoff: float = FUZZY_PLACE) -> bool:
    """Normalised names that are the same or spelling variants of each other (Miranshah/Miramshah,
    Datta Khel/Datakhel): long enough, same first two letters, and a close edit similarity."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[:2] != b[:2]:
        return False
    return ratio(a, b) >= cutoff


@functools.lru_cache(maxsize=1 << 16)
def _gazetteer_site(a: str, b: str, country: str | None) -> bool | None:
    """The gazetteer's word on two place names (strikewatch.geo.same_site): one site, two, or unknown."""
    try:
        from strikewatch.geo.sites import same_site

        return same_site(a, b, country)
    except Exception:  # no gazetteer data: decide by names and coordinates
        return None


def place_relation(a: Report, b: Report) -> str | None:
    """How the places two reports name relate: ``same`` (one place, any spelling), ``within`` (a village in the
    town or valley the other names, per the gazetteer), ``differ``; None when either names no place."""
    if not a.place_n or not b.place_n:
        return None
    if same_name(a.place_n, b.place_n):
        return "same"
    x, y = sorted((a.place or "", b.place or ""))
    site = _gazetteer_site(x, y, a.country or b.country)
    if site is not None:
        return "within" if site else "differ"
    located = a.geo_precision in (None, "place") and b.geo_precision in (None, "place")  # not district centroids
    if located and a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
        return "same" if km_between(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM else "differ"
    return "differ"


def places_differ(a: Report, b: Report) -> bool:
    """Both reports name a place and the places are known to be different."""
    return place_relation(a, b) == "differ"


_ADMIN1_ALIASES = {"fata": "khyberpakhtunkhwa", "federallyadministeredtribalareas": "khyberpakhtunkhwa",
                   "kpk": "khyberpakhtunkhwa", "kp": "khyberpakhtunkhwa", "nwfp": "khyberpakhtunkhwa",
                   "northwestfrontier": "khyberpakhtunkhwa"}


def _same_admin(a: str, b: str) -> bool:
    """District and province names: exact after normalisation (North and South Waziristan are close spellings of
    different districts), with the tribal areas' old and new province names taken as one."""
    return _ADMIN1_ALIASES.get(a, a) == _ADMIN1_ALIASES.get(b, b)


def cannot_link_reason(a: Report, b: Report) -> str | None:
    """Why two reports can never be one strike, or None."""
    if a.article_id == b.article_id:
        return "same article reports them as separate strikes"
    if a.country and b.country and a.country != b.country:
        return "different countries"
    if a.undated != b.undated:
        return "one report has no date"
    if a.lo is not None and b.lo is not None and (a.lo - 1 > b.hi or b.lo - 1 > a.hi):  # type: ignore[operator]
        return "dates more than a day apart"
    rel = place_relation(a, b)
    if rel == "differ":
        return "different places"
    if rel == "within":
        return None  # a valley or town and a village in it: the gazetteer may file them under neighbouring districts
    if a.admin1_n and b.admin1_n and a.admin1_n != b.admin1_n and not _same_admin(a.admin1_n, b.admin1_n):
        return "different provinces"
    if a.admin2_n and b.admin2_n and a.admin2_n != b.admin2_n and not _same_admin(a.admin2_n, b.admin2_n):
        return "different districts"
    return None


def _follow_up(target: str | None) -> bool:
    if not target:
        return False
    t = target.lower()
    return any(w in t for w in FOLLOW_UP_TARGETS)


def _toll_feature(a: Report, b: Report) -> tuple[str, float] | None:
    ra = Range(a.count("killed_min"), a.count("killed_max")).closed()
    rb = Range(b.count("killed_min"), b.count("killed_max")).closed()
    gap = ra.gap(rb)
    if gap is None:
        return None
    if gap == 0:
        return ("tolls overlap", 1.0)
    assert ra.min is not None and ra.max is not None and rb.min is not None and rb.max is not None
    low, high = (ra.max, rb.min) if ra.max < rb.min else (rb.max, ra.min)
    if high - low <= max(1.0, 0.25 * high):
        return ("tolls close", 0.5)
    if high - low > 4 and high > 3 * max(low, 1):
        return ("tolls far apart", -1.0)
    return None


def compare(a: Report, b: Report) -> Match | None:
    """Score two reports; None when they cannot be the same strike."""
    if cannot_link_reason(a, b) is not None:
        return None
    feats: list[tuple[str, float]] = []
    # when
    if a.lo is not None and b.lo is not None:
        assert a.hi is not None and b.hi is not None
        if a.precise and b.precise:
            if a.lo == b.lo:
                feats.append(("same day", 2.0))
            else:
                feats.append(("one day apart", -0.5))
        elif a.precise or b.precise:
            p, w = (a, b) if a.precise else (b, a)
            assert w.hi is not None
            if w.lo <= p.lo <= w.hi:  # type: ignore[operator]
                feats.append(("date inside the other report's window", 1.0))
            else:
                feats.append(("date within a day of the other report's window", 0.3))
        elif a.lo <= b.hi and b.lo <= a.hi:
            feats.append(("date windows overlap", 0.5))
    # where
    rel = place_relation(a, b)
    if rel == "same":
        feats.append(("same place", 3.0))
    elif rel == "within":
        feats.append(("one place lies in the other (town or valley and a village in it)", 2.0))
    elif a.admin2_n and b.admin2_n:
        feats.append(("same district", 1.0))
    elif a.admin1_n and b.admin1_n:
        feats.append(("same province", 0.4))
    elif a.country and b.country:
        feats.append(("same country", 0.2))
    # what
    toll = _toll_feature(a, b)
    if toll:
        feats.append(toll)
    if a.dead_n and b.dead_n:
        if any(same_name(x, y, FUZZY_NAME) for x in a.dead_n for y in b.dead_n):
            feats.append(("named dead in common", 3.0))
        else:
            feats.append(("different named dead", -1.0))
    if a.target and b.target:
        fa, fb = _follow_up(a.target), _follow_up(b.target)
        if fa != fb:
            feats.append(("one hit rescuers or a funeral, the other did not", -4.0))
        elif a.target.lower() == b.target.lower():
            feats.append(("same target", 0.7))
        else:
            feats.append(("different target", -0.5))
    if a.target_groups and b.target_groups:
        ga = {g.lower() for g in a.target_groups}
        if any(g.lower() in ga for g in b.target_groups):
            feats.append(("target group in common", 0.3))
    if a.perpetrator and b.perpetrator:
        if a.perpetrator == b.perpetrator:
            feats.append(("same perpetrator", 0.3))
        else:
            feats.append(("different perpetrator", -1.0))
    if a.type and b.type and (a.type in ("bombing", "other")) != (b.type in ("bombing", "other")):
        feats.append(("a strike and a non-strike account", -1.0))
    if a.siblings > 1 and b.siblings > 1:
        if a.rank == b.rank:
            feats.append(("same order among the strikes both reports tell of that day there", 1.0))
        else:
            feats.append(("different order among the strikes both reports tell of that day there", -1.0))
    if a.group == b.group and _same_content(a, b):
        feats.append(("same report in two copies of one wire story", 3.0))
    return Match(sum(w for _, w in feats), feats)


def _same_content(a: Report, b: Report) -> bool:
    return (
        a.lo == b.lo
        and a.hi == b.hi
        and a.place_n == b.place_n
        and a.admin2_n == b.admin2_n
        and a.counts == b.counts
        and a.target == b.target
    )
