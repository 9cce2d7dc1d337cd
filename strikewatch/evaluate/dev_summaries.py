"""The TBIJ development summaries (``../shared/data/dev/dronestream_pakistan_2004_2010.json``): development data
throughout.

Each strike's ``bij_summary_short`` is extracted with the strike's own date as publication date; the scored event is
the first news event (role "main", section "body"). Scored: found (a news event), killed_min exact (over all
summaries, and over those whose text states ``deaths_min`` as digits or an English number word), killed_max exact,
range overlap, agency exact (over summaries naming the agency or town, and over all) and spurious news events
(beyond one per summary). The dev counts are an older snapshot: ``misses`` lists where our reading differs, so a
reader can judge which side is wrong.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from strikewatch.evaluate.number_words import states_number
from strikewatch.evaluate.predictors import Predictor, extractor, news_events
from strikewatch.evaluate.tables import Rate
from strikewatch.ranges import Range


def norm_agency(s: str | None) -> str | None:
    if not s:
        return None
    s = s.lower().replace("agency", "").replace("frontier region", "").replace("frontier", "")
    s = re.sub(r"^f\.?r\.?\s+", "", s.strip())
    s = s.replace("district", "").strip()
    return re.sub(r"\s+", " ", s) or None


def as_int(s: Any) -> int | None:
    try:
        return int(str(s).strip())
    except (TypeError, ValueError):
        return None


def overlap(ours: Range, theirs: Range) -> bool:
    """We state a killed figure and it fits the dev range (an unstated dev bound allows anything)."""
    return ours.known and ours.intersect(theirs) is not None


@dataclass
class DevScore:
    n: int = 0
    found: Rate = field(default_factory=Rate)
    killed_min: Rate = field(default_factory=Rate)
    killed_min_stated: Rate = field(default_factory=Rate)
    killed_max: Rate = field(default_factory=Rate)
    overlap: Rate = field(default_factory=Rate)
    agency_named: Rate = field(default_factory=Rate)
    agency_all: Rate = field(default_factory=Rate)
    spurious_events: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def rates(self) -> dict[str, float]:
        return {
            "found": self.found.share or 0.0,
            "agency_exact_named": self.agency_named.share or 0.0,
            "agency_exact_all": self.agency_all.share or 0.0,
            "killed_min_exact": self.killed_min.share or 0.0,
            "killed_min_exact_stated": self.killed_min_stated.share or 0.0,
            "killed_max_exact": self.killed_max.share or 0.0,
            "range_overlap": self.overlap.share or 0.0,
            "spurious_per_doc": self.spurious_events / max(self.n, 1),
        }


def read_strikes(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    strikes = data["strike"] if isinstance(data, dict) else data
    if not isinstance(strikes, list):
        raise ValueError("expected a list of strikes")
    return strikes


def _named(s: dict[str, Any], text: str) -> bool:
    loc = norm_agency(s.get("location"))
    town = (s.get("town") or "").lower()
    low = text.lower()
    return bool(loc and loc != "unknown" and loc in low) or bool(town and town != "unknown" and town in low)


def score_strike(sc: DevScore, s: dict[str, Any], predict: Predictor) -> None:
    text = s.get("bij_summary_short") or ""
    mains = news_events(predict(text, date.fromisoformat(str(s["date"])[:10])))
    sc.n += 1
    sc.spurious_events += max(0, len(mains) - 1)
    named = _named(s, text)
    dmin, dmax = as_int(s.get("deaths_min")), as_int(s.get("deaths_max"))
    stated = dmin is not None and states_number(text, dmin)
    ev = mains[0] if mains else None
    sc.found.add(ev is not None)
    kmin_ok = ev is not None and ev.killed_min == dmin
    agency_ok = ev is not None and norm_agency(ev.admin2) == norm_agency(s.get("location"))
    sc.killed_min.add(kmin_ok)
    if stated:
        sc.killed_min_stated.add(kmin_ok)
    sc.killed_max.add(ev is not None and ev.killed_max == dmax)
    sc.overlap.add(ev is not None and overlap(Range.of(ev, "killed"), Range(dmin, dmax)))
    sc.agency_all.add(agency_ok)
    if named:
        sc.agency_named.add(agency_ok)
    problems = ["not found"] if ev is None else [
        p for p, bad in (("killed_min", not kmin_ok), ("agency", named and not agency_ok)) if bad]
    if problems:
        sc.misses.append({"id": s.get("bureau_id"), "problem": ",".join(problems), "expected": [dmin, dmax],
                          "got": None if ev is None else [ev.killed_min, ev.killed_max, ev.admin2],
                          "location": s.get("location"), "text": text})


def score_dev(path: Path, predict: Predictor = extractor) -> DevScore:
    sc = DevScore()
    for s in read_strikes(path):
        score_strike(sc, s, predict)
    return sc
