"""Build a strike record's fields from the reports merged into it.

Credibility tiers: main reports in the article body first; then background mentions (an earlier strike an
article mentions with specifics); then reports found only in reader comments. Each field is taken from the best
tier that has it, so a background mention fills in the injured count no main report gave, but never widens a range
the main reports give. Ranges take the lowest minimum and the highest maximum over that tier; each report keeps
its own figures in the sources list.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from strikewatch.merge.matching import FUZZY_NAME, same_name
from strikewatch.merge.reports import Report, from_ord, norm, norm_place
from strikewatch.model import COUNT_COLUMNS, COUNT_FIELDS, PLACE_COLUMNS
from strikewatch.ranges import Range

RECORD_FIELDS: tuple[str, ...] = (
    "type", "perpetrator", "date", "date_earliest", "date_latest", "date_precision",
    *PLACE_COLUMNS,
    *COUNT_COLUMNS,
    "target", "target_groups", "named_dead",
)


def tier(r: Report) -> int:
    if r.section != "body":
        return 2
    return 0 if r.role == "main" else 1


def _by_tier(reports: Iterable[Report], has: Callable[[Report], bool]) -> list[Report]:
    """The reports of the best tier among those for which ``has`` is true."""
    rs = [r for r in reports if has(r)]
    if not rs:
        return []
    best = min(tier(r) for r in rs)
    return [r for r in rs if tier(r) == best]


def _mode(values: list[Any]) -> Any:
    """Most common value; ties go to the first seen."""
    if not values:
        return None
    counts = Counter(values)
    top = max(counts.values())
    for v in values:
        if counts[v] == top:
            return v
    return None


def date_precision(lo: int | None, hi: int | None) -> str | None:
    if lo is None or hi is None:
        return None
    if lo == hi:
        return "day"
    if hi - lo <= 7:
        return "days"
    a, b = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    if (a.year, a.month) == (b.year, b.month):
        return "month"
    return "year"


def build_date(reports: list[Report]) -> tuple[dict[str, Any], str]:
    """Date, window and precision, with a sentence saying how they were chosen."""
    dated = _by_tier(reports, lambda r: r.lo is not None)
    if not dated:
        return {"date": None, "date_earliest": None, "date_latest": None, "date_precision": None}, "no report dates it"
    lo = max(r.lo for r in dated if r.lo is not None)
    hi = min(r.hi for r in dated if r.hi is not None)
    days: list[int] = [r.day for r in sorted(dated, key=lambda r: (r.article_id, r.idx))
                       if r.precise and r.day is not None]
    if lo <= hi:
        how = "the window all reports allow" if len(dated) > 1 else "the report's date"
    else:
        # reports disagree (usually by a day): keep the span of the days they give
        span: list[int] = days or [r.lo for r in dated if r.lo is not None] + [r.hi for r in dated if r.hi is not None]
        lo, hi = min(span), max(span)
        how = "reports disagree; the span of their dates"
    inside = [d for d in days if lo <= d <= hi]
    day = _mode(inside) if inside else None
    if day is None and lo == hi:
        day = lo
    if day is not None and len(set(inside)) > 1:
        how += f"; {from_ord(day)} is the day most reports give"
    return (
        {
            "date": from_ord(day),
            "date_earliest": from_ord(lo),
            "date_latest": from_ord(hi),
            "date_precision": date_precision(lo, hi),
        },
        how,
    )


def build_place(reports: list[Report]) -> tuple[dict[str, Any], str]:
    """Most specific place the reports agree on, and how it was chosen."""
    named = [r for r in reports if r.place_n]
    out: dict[str, Any] = {"country": None, "admin1": None, "admin2": None, "place": None, "lat": None,
                           "lon": None, "geo_precision": None}
    if named:
        # group spelling variants, weight main body reports double
        groups: list[tuple[str, list[Report]]] = []
        for r in sorted(named, key=lambda r: (tier(r), r.article_id, r.idx)):
            for g in groups:
                if same_name(g[0], r.place_n):
                    g[1].append(r)
                    break
            else:
                groups.append((r.place_n, [r]))
        best = max(groups, key=lambda g: (sum(2 if tier(r) == 0 else 1 for r in g[1]), -groups.index(g)))
        chosen = best[1]
        lead = next((r for r in chosen if r.lat is not None), chosen[0])
        out.update(place=lead.place, lat=lead.lat, lon=lead.lon, geo_precision=lead.geo_precision or "place")
        how = f"{lead.place} (named by {len(chosen)} of {len(reports)} reports)"
        if len(groups) > 1:
            how += "; other names: " + ", ".join(sorted({g[1][0].place or "" for g in groups if g is not best}))
    else:
        chosen = []
        how = "no report names a village or town"
    pool = chosen or reports
    for f, attr in (("country", "country"), ("admin1", "admin1"), ("admin2", "admin2")):
        vals = [getattr(r, attr) for r in _by_tier(pool, lambda r, a=attr: getattr(r, a) is not None)]  # type: ignore[misc]
        if not vals:
            vals = [getattr(r, attr) for r in _by_tier(reports, lambda r, a=attr: getattr(r, a) is not None)]  # type: ignore[misc]
        out[f] = _mode(vals)
    if out["place"] is None:
        if out["admin2"] is not None:
            out["geo_precision"] = "admin2"
            a2 = norm_place(out["admin2"])
            with_xy = [r for r in reports if r.lat is not None and r.admin2_n == a2 and not r.place_n]
        elif out["admin1"] is not None:
            out["geo_precision"] = "admin1"
            with_xy = [r for r in reports if r.lat is not None and not r.place_n and not r.admin2_n]
        elif out["country"] is not None:
            out["geo_precision"] = "country"
            with_xy = []
        else:
            with_xy = []
        if with_xy:
            out["lat"], out["lon"] = with_xy[0].lat, with_xy[0].lon
    return out, how


def build_counts(reports: list[Report]) -> tuple[dict[str, int | None], dict[str, str]]:
    out: dict[str, int | None] = {}
    how: dict[str, str] = {}
    for f in COUNT_FIELDS:
        lo_c, hi_c = f"{f}_min", f"{f}_max"
        rs = _by_tier(reports, lambda r, a=lo_c, b=hi_c: r.count(a) is not None or r.count(b) is not None)  # type: ignore[misc]
        if not rs:
            out[lo_c] = out[hi_c] = None
            continue
        # lowest stated minimum ("up to eight" states none); highest figure stated at all ("at least five": 5)
        out.update(Range.spanning(Range(r.count(lo_c), r.count(hi_c)) for r in rs).fields(f))
        kind = {0: "main reports", 1: "background mentions", 2: "reader comments"}[tier(rs[0])]
        how[f] = f"lowest min and highest max over {len(rs)} {kind}"
    return out, how


def _union(lists: Iterable[Iterable[str]], fuzzy: bool = False) -> list[str]:
    seen: list[str] = []
    keys: list[str] = []
    for lst in lists:
        for x in lst:
            k = norm(x)
            if not k:
                continue
            if any(k == y or (fuzzy and same_name(k, y, FUZZY_NAME)) for y in keys):
                continue
            keys.append(k)
            seen.append(x)
    return seen


def build_record(reports: list[Report]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The record's fields and an explanation of how each was chosen."""
    ordered = sorted(reports, key=lambda r: (tier(r), r.article_id, r.idx))
    rec: dict[str, Any] = {}
    how: dict[str, Any] = {}
    d, how["date"] = build_date(ordered)
    rec.update(d)
    p, how["place"] = build_place(ordered)
    rec.update(p)
    c, how["counts"] = build_counts(ordered)
    rec.update(c)
    strike_types = [r.type for r in ordered if r.type in ("drone_strike", "air_strike")]
    rec["type"] = _mode(strike_types)
    perps = [
        r.perpetrator
        for r in _by_tier(ordered, lambda r: r.perpetrator is not None and r.type not in ("bombing", "other"))
    ]
    rec["perpetrator"] = _mode(perps)
    targets = [r.target for r in _by_tier(ordered, lambda r: r.target is not None)]
    rec["target"] = _mode(targets)
    rec["target_groups"] = _union(r.target_groups for r in ordered)
    rec["named_dead"] = _union((r.named_dead for r in ordered), fuzzy=True)
    return rec, how
