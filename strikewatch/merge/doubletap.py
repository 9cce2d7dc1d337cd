"""Double-tap: a second strike on rescuers or a funeral at the same place within 24 hours of a first.

The follow-up strike carries the flag (``double_tap = true``) and names the first strike in its ``why``; the
first strike names its follow-up but is not flagged, so counting flagged strikes counts double-tap attacks.
"Same place" means the same named place (spelling variants included) or, when either strike names no village,
the same district. "Within 24 hours" is the same day or the day after, as dates are known to the day.
"""

from __future__ import annotations

from dataclasses import dataclass

from strikewatch.merge.matching import FOLLOW_UP_TARGETS, same_name


@dataclass(slots=True)
class StrikeSite:
    id: int
    country: str | None
    day: int | None  # ordinal of the strike's date
    place_n: str
    admin2_n: str
    target: str | None


def is_follow_up_target(target: str | None) -> bool:
    return bool(target) and any(w in target.lower() for w in FOLLOW_UP_TARGETS)  # type: ignore[union-attr]


def _same_site(a: StrikeSite, b: StrikeSite) -> bool:
    if a.country != b.country:
        return False
    if a.place_n and b.place_n:
        return same_name(a.place_n, b.place_n)
    return bool(a.admin2_n) and a.admin2_n == b.admin2_n


def find_double_taps(sites: list[StrikeSite]) -> dict[int, dict[str, int]]:
    """strike id -> {"first_strike": id} for follow-ups, {"followed_by": id} for the strikes they followed."""
    out: dict[int, dict[str, int]] = {}
    by_day: dict[tuple[str | None, int], list[StrikeSite]] = {}
    for s in sites:
        if s.day is not None:
            by_day.setdefault((s.country, s.day), []).append(s)
    for s in sites:
        if s.day is None or not is_follow_up_target(s.target):
            continue
        best: StrikeSite | None = None
        for day in (s.day, s.day - 1):
            for t in by_day.get((s.country, day), []):
                if t.id == s.id or not _same_site(s, t):
                    continue
                if day == s.day and is_follow_up_target(t.target) and t.id > s.id:
                    continue  # two follow-ups the same day: the earlier record is the first
                if best is None or (t.day or 0, -t.id) > (best.day or 0, -best.id):
                    best = t
            if best is not None:
                break
        if best is not None:
            out.setdefault(s.id, {})["first_strike"] = best.id
            out.setdefault(best.id, {}).setdefault("followed_by", s.id)
    return out
