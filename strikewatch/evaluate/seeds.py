"""The checks the project's issue asks of the five seed articles (``../shared/seeds/``): (name, passed, detail)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from strikewatch.schema import Extraction

SEED_PUBLISHED = {"001": date(2014, 6, 12)}
Check = tuple[str, bool, str]


def _extract(path: Path, key: str) -> Extraction:
    from strikewatch.extract import extract_article

    return extract_article(path.read_text(encoding="utf-8"), SEED_PUBLISHED.get(key))


def _checks_001(ex: Extraction) -> list[Check]:
    out: list[Check] = []
    drone = [e for e in ex.events if e.type == "drone_strike" and e.role == "main"]
    for day in (date(2014, 6, 11), date(2014, 6, 12)):
        hit = [e for e in drone if e.date == day and (e.admin2 == "North Waziristan" or e.place == "Miranshah")]
        out.append((f"001 drone strike near Miranshah on {day}", bool(hit), f"{len(hit)} event(s)"))
    karachi = [e for e in ex.events if e.type == "ground_attack" and (e.place or "").lower() == "karachi"]
    out.append(("001 Karachi airport attack is a ground_attack", bool(karachi), f"{len(karachi)} event(s)"))
    comb = [e for e in drone if e.killed_min == 10]
    out.append(("001 combined toll 10-16 not given to each strike", len(comb) < 2, f"{len(comb)} with 10"))
    return out


def _check_commentary(key: str, ex: Extraction) -> Check:
    mains = [e for e in ex.events if e.role == "main"]
    return (f"{key} commentary: no main event", not mains,
            f"{len(mains)} main, {len(ex.events) - len(mains)} background, {len(ex.claims)} claims")


def _check_002(ex: Extraction) -> Check:
    body_main = [e for e in ex.events if e.role == "main" and e.section == "body"]
    com = [e for e in ex.events if e.section == "comments"]
    return ("002 strikes reported only in reader comments are marked comments", bool(com) and not body_main,
            f"{len(com)} comment event(s), {len(body_main)} main body event(s)")


def seed_checks(seeds_dir: Path) -> list[Check]:
    """The issue's checks on the seed articles present in ``seeds_dir``."""
    files = {p.name[:3]: p for p in sorted(seeds_dir.glob("*.txt"))}
    out: list[Check] = []
    if "001" in files:
        out += _checks_001(_extract(files["001"], "001"))
    for k in ("000", "003", "004"):
        if k in files:
            out.append(_check_commentary(k, _extract(files[k], k)))
    if "002" in files:
        out.append(_check_002(_extract(files["002"], "002")))
    return out
