"""Places on the hand-labelled real-news set (``bench/realnews``, read by :func:`news_set.load`): agency / province
exact, per split, and the English articles apart.

``python -m strikewatch.evaluate.geo_news [--root DIR] [--split dev|test|both|all] [--json] [--misses]``

For every labelled article that reports a strike with a country, the text (with its hard wrapping undone, as the
extractor reads it: ``strikewatch.extract.unwrap``) goes through ``choose_site`` with the spans an extractor hands over
(``strike_spans``: the first six sentences with a strike word, in order, then the
whole text). The strike scored is the article's first labelled **news** strike with a country (else its first
strike with a country):

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
* Province names in labels that stand for more than one of our units (``LABEL_ADMIN1``: "Sanaa" = the capital's
  unit or Sanaa Governorate; Somalia's federal member state "Galmudug" = Galguduud or Mudug; "Gaza Strip" / "West
  Bank" = any of their governorates) accept any of them.

Groups: ``<split>:all|PK|other`` and ``<split>:en:all|PK|other`` (the articles ``news_set.english`` reads as
English). Split by ``splits.news_split(url)``: test items are reported as aggregates only; ``--misses`` lists
development items alone.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from strikewatch.evaluate.news_set import Article, english, load
from strikewatch.evaluate.splits import news_split

# The labels' province names that stand for more than one of our admin1 units. "Sanaa" in English reports is the
# capital and the governorate around it; the gazetteer keeps the capital's own unit (Amanat al Asimah) apart from
# Sanaa Governorate, and either answer is the province the label names. Galmudug is a federal member state made of
# Galguduud and the south of Mudug. The Gaza Strip and the West Bank are groups of our Palestinian governorates.
LABEL_ADMIN1: dict[tuple[str, str], tuple[str, ...]] = {
    ("YE", "sanaa"): ("Sanaa Governorate", "Amanat al Asimah"),
    ("SO", "galmudug"): ("Galguduud", "Mudug"),
    ("PS", "gazastrip"): ("North Gaza", "Gaza Governorate", "Deir al-Balah", "Khan Younis", "Rafah"),
    ("PS", "westbank"): ("Jenin", "Tubas", "Tulkarm", "Nablus", "Qalqilya", "Salfit", "Ramallah and al-Bireh",
                         "Jericho", "Jerusalem Governorate", "Bethlehem", "Hebron"),
}
_TRIGGER = re.compile(
    r"\b(?:drones?|missiles?|air\s?strikes?|airstrikes?|strikes?|struck|bomb(?:ed|ing|s)?|jets|warplanes|aircraft|"
    r"gunships?|helicopters?|raids?)\b",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
SPLITS = ("dev", "test", "both", "all")


def default_root() -> Path:
    """The set's folder, as ``strikewatch evaluate --set news`` finds it (``bench/realnews``)."""
    from strikewatch.evaluate.extraction import default_data

    root = default_data("news")
    return root if root is not None else Path("bench/realnews")


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


def scored_strike(a: Article) -> dict[str, Any] | None:
    """The labelled strike an article's place is scored on: its first news strike with a country, else its first
    strike with a country; None when it reports no strike."""
    strikes = [s for s in a.label.get("strikes") or [] if isinstance(s, dict) and s.get("country")]
    if not a.label.get("reports_strike") or not strikes:
        return None
    return next((s for s in strikes if s.get("role") == "news"), strikes[0])


def _groups(split: str, cc: str, en: bool) -> list[str]:
    area = "PK" if cc == "PK" else "other"
    keys = [f"{split}:all", f"{split}:{area}"]
    return keys + [f"{split}:en:all", f"{split}:en:{area}"] if en else keys


def score(root: Path, split: str = "both", *, misses: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Counts per group (see the module docstring); ``misses`` (when given) receives one line per development
    article answered wrong or not at all — never a test article."""
    from strikewatch.extract.unwrap import unwrap
    from strikewatch.geo import find_places, get_gazetteer
    from strikewatch.geo.site import choose_site

    gaz = get_gazetteer()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    loaded = load(root, "all" if split in ("both", "all") else split)
    for a in loaded.articles:
        s = scored_strike(a)
        if s is None:
            continue
        cc = s["country"]
        sp: str = "all" if split == "all" else news_split(str(a.label.get("url", "")))
        text = unwrap(a.text)  # as the extractor reads it: hard-wrapped lines joined, every offset kept
        c = choose_site(text, strike_spans(text))
        bad_roles = {(m.text.lower()) for m in find_places(text) if m.role in ("dateline", "speaker")}
        want2 = _unit(gaz, s.get("admin2"), cc, "admin2")
        want1 = _unit(gaz, s.get("admin1"), cc, "admin1")
        is_scored = bool((cc == "PK" and want2) or want1)
        ok = c is not None and is_scored and _right(gaz, c, s, cc)
        label_place = (s.get("place") or "").lower()
        also = bool(c is not None and c.mention and c.mention.lower() in bad_roles
                    and c.mention.lower() not in label_place)
        as_site = also and c is not None and not _right(gaz, c, s, cc) and c.geo_precision != "country"
        for key in _groups(sp, cc, english(text)):
            k = counts[key]
            k["n"] += 1
            k["answered"] += int(c is not None)
            k["scored"] += int(is_scored)
            k["exact"] += int(ok)
            # the chosen name is also written as the text's dateline or a statement city ...
            k["chosen_name_also_dateline_or_statement_city"] += int(also)
            # ... and the label puts the strike elsewhere: that city became the site
            k["dateline_or_statement_city_as_site"] += int(as_site)
        if misses is not None and sp == "dev" and is_scored and not ok:
            misses.append({"id": a.id, "label": {k: s.get(k) for k in ("country", "admin1", "admin2", "place")},
                           "got": None if c is None else {"country": c.country, "admin1": c.admin1,
                                                          "admin2": c.admin2, "place": c.place,
                                                          "mention": c.mention, "precision": c.geo_precision},
                           "dateline_or_statement_city_as_site": as_site})
    out: dict[str, Any] = {}
    for key, k in sorted(counts.items()):
        dd: dict[str, Any] = dict(k)
        dd["exact_share"] = round(k["exact"] / k["scored"], 3) if k["scored"] else None
        out[key] = dd
    out["skipped"] = {"text_missing": loaded.missing, "text_differs": loaded.differs,
                      "unreadable_label_lines": loaded.unreadable}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Agency/province exact on the hand-labelled real-news set.")
    ap.add_argument("--root", "--dir", dest="root", type=Path, default=None,
                    help="folder holding labels/ and texts/ (default: bench/realnews)")
    ap.add_argument("--split", choices=SPLITS, default="both", help="dev, test, both (each apart) or all (pooled)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--misses", action="store_true", help="also list development articles answered wrong")
    args = ap.parse_args(argv)
    root = args.root if args.root is not None else default_root()
    if not (root / "labels").is_dir() or not (root / "texts").is_dir():
        print(f"no real-news set at {root} (labels/ and texts/ needed)", file=sys.stderr)
        return 2
    found: list[dict[str, Any]] | None = [] if args.misses else None
    res = score(root, args.split, misses=found)
    if found is not None:
        res["misses_dev"] = found
    if args.json:
        print(json.dumps(res, indent=2, ensure_ascii=False))
    else:
        for key, d in res.items():
            if key == "misses_dev":
                for m in d:
                    print("miss", json.dumps(m, ensure_ascii=False))
            else:
                print(key, " ".join(f"{k}={v}" for k, v in d.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
