"""Score the extractor against the dev set (TBIJ one-line summaries with counts) and the seed articles.

Each dev strike's ``bij_summary_short`` is extracted with the strike's own date as publication date. Scored:
found (a main event), district/agency exact (over summaries that name the agency or town, and over all),
killed_min / killed_max exact, range overlap, spurious main events (beyond one per summary). The seed checks
test what the issue asks of the five seed articles. The dev counts are an older snapshot: ``mismatches`` lists
where the extractor's reading differs, so a reader can judge which side is wrong.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from strikewatch.extract.pipeline import extract_article
from strikewatch.schema import Event

SEED_PUBLISHED = {"001": date(2014, 6, 12)}


def _norm_agency(s: str | None) -> str | None:
    if not s:
        return None
    s = s.lower().replace("agency", "").replace("frontier region", "").replace("frontier", "")
    s = re.sub(r"^f\.?r\.?\s+", "", s.strip())
    s = s.replace("district", "").strip()
    return re.sub(r"\s+", " ", s) or None


def _int(s: Any) -> int | None:
    try:
        return int(str(s).strip())
    except (TypeError, ValueError):
        return None


def _overlap(lo1: int | None, hi1: int | None, lo2: int | None, hi2: int | None) -> bool:
    a1 = lo1 if lo1 is not None else 0
    b1 = hi1 if hi1 is not None else 10**9
    a2 = lo2 if lo2 is not None else 0
    b2 = hi2 if hi2 is not None else 10**9
    if lo1 is None and hi1 is None:
        return False
    return a1 <= b2 and a2 <= b1


@dataclass
class DevScore:
    n: int = 0
    found: int = 0
    named_place: int = 0
    agency_named_ok: int = 0
    agency_all_ok: int = 0
    killed_min_ok: int = 0
    killed_max_ok: int = 0
    overlap_ok: int = 0
    spurious_events: int = 0
    docs_with_spurious: int = 0
    mismatches: list[dict[str, Any]] = field(default_factory=list)

    def rates(self) -> dict[str, float]:
        n = max(self.n, 1)
        return {
            "found": self.found / n,
            "agency_exact_named": self.agency_named_ok / max(self.named_place, 1),
            "agency_exact_all": self.agency_all_ok / n,
            "killed_min_exact": self.killed_min_ok / n,
            "killed_max_exact": self.killed_max_ok / n,
            "range_overlap": self.overlap_ok / n,
            "spurious_per_doc": self.spurious_events / n,
        }


def score_dev(path: Path) -> DevScore:
    data = json.loads(path.read_text(encoding="utf-8"))
    strikes = data["strike"] if isinstance(data, dict) else data
    sc = DevScore()
    for s in strikes:
        text = s.get("bij_summary_short") or ""
        pub = date.fromisoformat(str(s["date"])[:10])
        ex = extract_article(text, pub, doc_id=s.get("bureau_id"))
        mains = [e for e in ex.events if e.role == "main" and e.section == "body"]
        sc.n += 1
        ev: Event | None = mains[0] if mains else None
        if len(mains) > 1:
            sc.spurious_events += len(mains) - 1
            sc.docs_with_spurious += 1
        loc = _norm_agency(s.get("location"))
        town = (s.get("town") or "").lower()
        named = bool(loc and loc != "unknown" and loc in text.lower()) or bool(
            town and town != "unknown" and town in text.lower())
        if named:
            sc.named_place += 1
        dmin, dmax = _int(s.get("deaths_min")), _int(s.get("deaths_max"))
        row: dict[str, Any] = {"id": s.get("bureau_id"), "text": text, "deaths": [dmin, dmax],
                               "location": s.get("location")}
        if ev is None:
            row["problem"] = "not found"
            sc.mismatches.append(row)
            continue
        sc.found += 1
        agency_ok = _norm_agency(ev.admin2) == loc
        if agency_ok:
            sc.agency_all_ok += 1
            if named:
                sc.agency_named_ok += 1
        kmin_ok = ev.killed_min == dmin
        kmax_ok = ev.killed_max == dmax
        sc.killed_min_ok += kmin_ok
        sc.killed_max_ok += kmax_ok
        sc.overlap_ok += _overlap(ev.killed_min, ev.killed_max, dmin, dmax)
        problems = []
        if not kmin_ok:
            problems.append("killed_min")
        if named and not agency_ok:
            problems.append("agency")
        if problems:
            row.update(problem=",".join(problems), got={"killed": [ev.killed_min, ev.killed_max],
                                                        "admin2": ev.admin2})
            sc.mismatches.append(row)
    return sc


def seed_checks(seeds_dir: Path) -> list[tuple[str, bool, str]]:
    """The issue's checks on the seed articles: (name, passed, detail)."""
    out: list[tuple[str, bool, str]] = []
    files = {p.name[:3]: p for p in sorted(seeds_dir.glob("*.txt"))}
    if "001" in files:
        ex = extract_article(files["001"].read_text(encoding="utf-8"), SEED_PUBLISHED["001"])
        drone = [e for e in ex.events if e.type == "drone_strike" and e.role == "main"]
        for day in (date(2014, 6, 11), date(2014, 6, 12)):
            hit = [e for e in drone if e.date == day and (e.admin2 == "North Waziristan" or e.place == "Miranshah")]
            out.append((f"001 drone strike near Miranshah on {day}", bool(hit),
                        f"{len(hit)} event(s)"))
        karachi = [e for e in ex.events if e.type == "ground_attack" and (e.place or "").lower() == "karachi"]
        out.append(("001 Karachi airport attack is a ground_attack", bool(karachi), f"{len(karachi)} event(s)"))
        comb = [e for e in drone if e.killed_min == 10]
        out.append(("001 combined toll 10-16 not given to each strike", len(comb) < 2, f"{len(comb)} with 10"))
    for k in ("000", "003", "004"):
        if k in files:
            ex = extract_article(files[k].read_text(encoding="utf-8"), SEED_PUBLISHED.get(k))
            mains = [e for e in ex.events if e.role == "main"]
            out.append((f"{k} commentary: no main event", not mains, f"{len(mains)} main, "
                        f"{len(ex.events) - len(mains)} background, {len(ex.claims)} claims"))
    if "002" in files:
        text = files["002"].read_text(encoding="utf-8")
        ex = extract_article(text, SEED_PUBLISHED.get("002"))
        body_main = [e for e in ex.events if e.role == "main" and e.section == "body"]
        com = [e for e in ex.events if e.section == "comments"]
        out.append(("002 strikes reported only in reader comments are marked comments", bool(com) and not body_main,
                    f"{len(com)} comment event(s), {len(body_main)} main body event(s)"))
    return out


def report(dev: Path | None, seeds: Path | None) -> dict[str, Any]:
    res: dict[str, Any] = {}
    if dev is not None:
        sc = score_dev(dev)
        res["dev"] = {"n": sc.n, "named_place": sc.named_place, **sc.rates(),
                      "docs_with_spurious": sc.docs_with_spurious}
        res["mismatches"] = sc.mismatches
    if seeds is not None:
        res["seeds"] = [{"check": n, "passed": ok, "detail": d} for n, ok, d in seed_checks(seeds)]
    return res
