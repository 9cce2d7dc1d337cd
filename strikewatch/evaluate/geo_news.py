"""Places on the real-news set annotated by hand (``/work/wt/realnews`` or ``--dir``): agency / province exact.

``python -m strikewatch.evaluate.geo_news [--dir PATH] [--json]``

For every labelled item that reports a strike with a place, the text goes through ``choose_site`` with the spans an
extractor hands over (``strike_spans``: the first six sentences with a strike word, in order, then the whole text).
The first labelled strike is the one scored:

* Pakistan: **agency exact** — our admin2 equals the label's admin2 (both read through the gazetteer, so "North
  Waziristan Agency" = "North Waziristan"; a Frontier Region counts as the district it merged into in 2018, FR Bannu
  as Bannu); labels with no admin2 are scored on admin1.
* other countries: **province exact** — our admin1 equals the label's admin1 (any spelling the gazetteer holds).
* **dateline or statement city as site**: the name we chose is also written in the text as its dateline or after
  "said in", "officials in", "-based" (``find_places`` roles: such a mention itself never competes, so this counts
  choices that coincide with such a name written elsewhere in the text), the label's site is not that name, **and**
  the answer is not in the label's district (Pakistan) / province (elsewhere): that city became the site (a country
  answer is no city and is not counted here).
  ``chosen_name_also_dateline_or_statement_city`` counts the first two conditions alone (it also counts right
  answers: "TAIZ:" as dateline of a strike in Taiz province).
* Province names in labels that stand for two of our units (``LABEL_ADMIN1``: "Sanaa" = the capital's unit or
  Sanaa Governorate) accept either.

Split by ``splits.news_split(url)``: test items are reported as aggregates only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from strikewatch.evaluate.splits import news_split

DEFAULT_DIR = Path("/work/wt/realnews")
# The labels' province names that stand for more than one of our admin1 units. "Sanaa" in English reports is the
# capital and the governorate around it; the gazetteer keeps the capital's own unit (Amanat al Asimah) apart from
# Sanaa Governorate, and either answer is the province the label names.
LABEL_ADMIN1: dict[tuple[str, str], tuple[str, ...]] = {
    ("YE", "sanaa"): ("Sanaa Governorate", "Amanat al Asimah"),
}
_TRIGGER = re.compile(
    r"\b(?:drones?|missiles?|air\s?strikes?|airstrikes?|strikes?|struck|bomb(?:ed|ing|s)?|jets|warplanes|aircraft|"
    r"gunships?|helicopters?|raids?)\b",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def strike_spans(text: str) -> list[tuple[int, int]]:
    """The spans an extractor would hand over: sentences with a strike word, in order, then the whole text."""
    spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if _TRIGGER.search(m.group())]
    return [*spans[:6], (0, len(text))]


def _unit(gaz: Any, name: str | None, country: str, kind: str) -> str | None:
    if not name:
        return None
    base = re.sub(r"\s+(?:agency|district|province|governorate)$", "", name, flags=re.I)
    for n in (name, base):
        rows = [p for p in gaz.exact(n) if p.kind == kind and p.country == country]
        if rows:
            return str(rows[0].name)
    return name


def _admin1_set(gaz: Any, label: str | None, want1: str | None, cc: str) -> tuple[str | None, ...]:
    key = re.sub(r"[^a-z]", "", (label or "").lower())
    for (c, name), units in LABEL_ADMIN1.items():
        if c == cc and key == name:
            return units
    return (want1,)


def _post2018(gaz: Any, admin2: str | None) -> str | None:
    """The district a Frontier Region merged into in 2018 (labels name the district: FR Bannu is Bannu)."""
    row = gaz.admin2.get(("PK", admin2)) if admin2 else None
    return row.post2018 if row is not None else None


def _right(gaz: Any, c: Any, s: dict[str, Any], cc: str) -> bool:
    """Does the answer put the strike in the label's district (Pakistan) or province (elsewhere)?"""
    want2 = _unit(gaz, s.get("admin2"), cc, "admin2")
    if cc == "PK" and want2:
        return bool(c.country == cc and (c.admin2 == want2 or _post2018(gaz, c.admin2) == want2))
    want1 = _unit(gaz, s.get("admin1"), cc, "admin1")
    return bool(c.country == cc and c.admin1 in _admin1_set(gaz, s.get("admin1"), want1, cc))


def items(d: Path) -> list[tuple[dict[str, Any], str]]:
    """(label, text) for every labelled item: the collected ``labels.jsonl`` (bench/realnews) or the annotators'
    ``labels-*.jsonl`` files."""
    out = []
    files = [d / "labels.jsonl"] if (d / "labels.jsonl").exists() else sorted(d.glob("labels-*.jsonl"))
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                it = json.loads(line)
            except json.JSONDecodeError:
                continue
            t = d / "texts" / f"{it.get('id')}.txt"
            if t.exists():
                out.append((it, t.read_text(encoding="utf-8")))
    return out


def score(d: Path) -> dict[str, Any]:
    from strikewatch.geo import find_places, get_gazetteer
    from strikewatch.geo.site import choose_site

    gaz = get_gazetteer()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for it, text in items(d):
        strikes = [s for s in it.get("strikes") or [] if s.get("country")]
        if not it.get("reports_strike") or not strikes:
            continue
        s = strikes[0]
        cc = s["country"]
        split = news_split(it.get("url", ""))
        c = choose_site(text, strike_spans(text))
        bad_roles = {(m.text.lower()) for m in find_places(text) if m.role in ("dateline", "speaker")}
        for key in (f"{split}:all", f"{split}:{'PK' if cc == 'PK' else 'other'}"):
            k = counts[key]
            k["n"] += 1
            k["answered"] += int(c is not None)
            want2 = _unit(gaz, s.get("admin2"), cc, "admin2")
            want1 = _unit(gaz, s.get("admin1"), cc, "admin1")
            if cc == "PK" and want2:
                k["scored"] += 1
                k["exact"] += int(c is not None and _right(gaz, c, s, cc))
            elif want1:
                k["scored"] += 1
                ok = c is not None and c.country == cc and c.admin1 in _admin1_set(gaz, s.get("admin1"), want1, cc)
                k["exact"] += int(ok)
            label_place = (s.get("place") or "").lower()
            if c is not None and c.mention and c.mention.lower() in bad_roles and c.mention.lower() not in label_place:
                # the chosen name is also written as the text's dateline or a statement city ...
                k["chosen_name_also_dateline_or_statement_city"] += 1
                if not _right(gaz, c, s, cc) and c.geo_precision != "country":
                    # ... and the label puts the strike elsewhere: that city became the site
                    k["dateline_or_statement_city_as_site"] += 1
    out: dict[str, Any] = {}
    for key, k in sorted(counts.items()):
        dd: dict[str, Any] = dict(k)
        dd["exact_share"] = round(k["exact"] / k["scored"], 3) if k["scored"] else None
        out[key] = dd
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Agency/province exact on the hand-labelled real-news set.")
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not (args.dir / "texts").is_dir():
        print(f"no real-news set at {args.dir}", file=sys.stderr)
        return 2
    res = score(args.dir)
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        for key, d in res.items():
            print(key, " ".join(f"{k}={v}" for k, v in d.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
