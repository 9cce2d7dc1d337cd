"""Extraction accuracy on real text: ``strikewatch evaluate --set dev|acled|news|seeds [--split test|dev|all]``.

Every set is read by our extractor (``strikewatch.extract.extract_article`` only) and, where it has a figure to
compare, by the keyword baseline (:mod:`strikewatch.evaluate.baseline`) in the same run, with the same scoring
code. A text's **news events** are its events of role "main" in the body; "background" events are strikes it refers
to, not its news. **Strike types** are what merge makes strike records of
(``drone_strike``, ``air_strike`` and untyped events, ``strikewatch.merge.reports.STRIKE_TYPES``).

Sets
----
* ``acled`` — ``../shared/data/dev/acled_asia_2015.csv`` (ACLED, acleddata.com): each row's NOTES extracted with
  its EVENT_DATE as publication date; split by ``splits.acled_split`` (all Pakistan rows are test).

  - Remote violence, Battle-* and Violence against civilians rows with FATALITIES > 0: **fatalities exact** = our
    figure equals FATALITIES. Our figure is the sum of ``killed_min`` over the note's news events, an unknown
    ``killed_min`` counted as 0. ACLED codes the lowest reported figure when sources differ, so the lower bound of
    each of our ranges is the comparable figure, and a note coding several attacks as one row sums them.
  - The same rows with FATALITIES == 0: **no killed figure** = no news event gives a killed bound above 0.
  - Riots/Protests rows: **no strike event** = no event of a strike type (any role), **no event** = no event at all.

  Pakistan and the other countries are reported apart, each cell with its n.
* ``dev`` — the TBIJ development summaries (:mod:`strikewatch.evaluate.dev_summaries`): development data throughout.
* ``news`` — the hand-labelled real-news set (:mod:`strikewatch.evaluate.news_set`), split by
  ``splits.news_split(url)``.
* ``seeds`` — the issue's checks on the five seed articles (:mod:`strikewatch.evaluate.seeds`).

Test-split figures exist only as aggregates: no per-item line (``misses``) is ever kept for a test item.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from strikewatch.calendar_words import month_number
from strikewatch.errors import UserError
from strikewatch.evaluate.predictors import PREDICTORS, STRIKE_TYPES, news_events
from strikewatch.evaluate.splits import acled_split
from strikewatch.evaluate.tables import Rate, Report, Table
from strikewatch.evaluate.urls import shared_dir
from strikewatch.schema import Event

SETS = ("dev", "acled", "news", "seeds")
SPLITS = ("test", "dev", "all")
REPO = Path(__file__).resolve().parents[2]

FATALITIES_EXACT = "fatalities exact (FATALITIES > 0)"
NO_KILLED = "no killed figure (FATALITIES = 0)"
NO_STRIKE = "no strike event (riots/protests)"
NO_EVENT = "no event at all (riots/protests)"
ACLED_MEASURES = (FATALITIES_EXACT, NO_KILLED, NO_STRIKE, NO_EVENT)
AREAS = ("Pakistan", "other countries")
NO_TEST_SPLIT = {"dev": "the TBIJ dev set is development data throughout: it has no test split",
                 "seeds": "the seed articles have no test split"}


# --- where each set's data are -----------------------------------------------------------------------------------

def default_data(set_name: str) -> Path | None:
    """The set's data: a file (acled, dev) or a folder (news: labels/ and texts/; seeds)."""
    if set_name == "news":
        for root in (REPO / "bench" / "realnews", Path.cwd() / "bench" / "realnews"):
            if (root / "labels").is_dir():
                return root
        return REPO / "bench" / "realnews"
    shared = shared_dir()
    if shared is None:
        return None
    return {"acled": shared / "data" / "dev" / "acled_asia_2015.csv",
            "dev": shared / "data" / "dev" / "dronestream_pakistan_2004_2010.json",
            "seeds": shared / "seeds"}[set_name]


def _require(set_name: str, path: Path | None) -> Path:
    what = {"acled": "ACLED file", "dev": "TBIJ dev set", "news": "real-news labels folder",
            "seeds": "seed articles folder"}[set_name]
    if path is None:
        raise UserError(f"{what} not found: set STRIKEWATCH_SHARED or pass --data PATH")
    if set_name == "news":
        if not (path / "labels").is_dir() or not any((path / "labels").glob("*.jsonl")):
            raise UserError(f"no real-news labels in {path / 'labels'} (pass --data DIR holding labels/ and texts/)")
    elif set_name == "seeds" and not path.is_dir():
        raise UserError(f"{what} not found: {path} (set STRIKEWATCH_SHARED or pass --data DIR)")
    elif set_name != "seeds" and not path.is_file():
        raise UserError(f"{what} not found: {path} (set STRIKEWATCH_SHARED or pass --data FILE)")
    return path


# --- ACLED -------------------------------------------------------------------------------------------------------

def acled_date(value: str) -> date | None:
    """ACLED's "01-January-2015"."""
    parts = value.strip().split("-")
    if len(parts) != 3:
        return None
    month = month_number(parts[1])
    try:
        return date(int(parts[2]), month, int(parts[0])) if month else None
    except ValueError:
        return None


def acled_kind(event_type: str) -> str | None:
    """"violent" (Battle-*, Remote violence, Violence against civilians), "gathering" (Riots/Protests) or None."""
    t = event_type.strip().lower()
    if t.startswith("battle") or t in ("remote violence", "violence against civilians"):
        return "violent"
    return "gathering" if t == "riots/protests" else None


def acled_rows(path: Path, split: str) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        for row in csv.DictReader(f):
            if split == "all" or acled_split(row.get("EVENT_ID_CNTY", ""), row.get("COUNTRY", "")) == split:
                yield row


def our_fatalities(events: list[Event]) -> int:
    """Our figure for an ACLED row: the sum of killed_min over the news events, unknown as 0."""
    return sum(e.killed_min or 0 for e in news_events(events))


def acled_outcomes(row: dict[str, str], events: list[Event]) -> list[tuple[str, bool]]:
    """(measure, right) for one row read as ``events``."""
    kind = acled_kind(row.get("EVENT_TYPE", ""))
    if kind == "gathering":
        return [(NO_STRIKE, not any(e.type in STRIKE_TYPES for e in events)), (NO_EVENT, not events)]
    if kind is None:
        return []
    try:
        fatalities = int(row.get("FATALITIES", "").strip())
    except ValueError:
        return []
    if fatalities > 0:
        return [(FATALITIES_EXACT, our_fatalities(events) == fatalities)]
    stated = [v for e in news_events(events) for v in (e.killed_min, e.killed_max) if v is not None]
    return [(NO_KILLED, not any(v > 0 for v in stated))]


def score_acled(path: Path, split: str, misses: bool) -> Report:
    cells: dict[tuple[str, str, str], Rate] = defaultdict(Rate)
    rep = Report("acled", split)
    for row in acled_rows(path, split):
        if acled_kind(row.get("EVENT_TYPE", "")) is None:
            continue
        area = "Pakistan" if row.get("COUNTRY", "").strip() == "Pakistan" else "other countries"
        published = acled_date(row.get("EVENT_DATE", ""))
        for who, predict in PREDICTORS.items():
            events = predict(row.get("NOTES", ""), published)
            for measure, ok in acled_outcomes(row, events):
                cells[(measure, area, who)].add(ok)
                if who == "ours" and not ok and misses and _is_dev_acled(row):
                    rep.misses.append({"id": row.get("EVENT_ID_CNTY"), "problem": measure,
                                       "expected": row.get("FATALITIES"), "got": our_fatalities(events)})
    table = Table(f"ACLED Asia 2015 ({path.name}), {split} split",
                  [f"{a}: {w}" for a in AREAS for w in PREDICTORS])
    for m in ACLED_MEASURES:
        table.add(m, *(cells[(m, a, w)] for a in AREAS for w in PREDICTORS))
    rep.tables.append(table)
    rep.notes.append("ACLED data: Armed Conflict Location & Event Data Project (acleddata.com).")
    return rep


def _is_dev_acled(row: dict[str, str]) -> bool:
    return acled_split(row.get("EVENT_ID_CNTY", ""), row.get("COUNTRY", "")) == "dev"


# --- TBIJ dev summaries, real news, seeds ---------------------------------------------------------------------

def score_dev_set(path: Path, split: str, misses: bool) -> Report:
    from strikewatch.evaluate.dev_summaries import score_dev

    try:
        scores = {who: score_dev(path, predict) for who, predict in PREDICTORS.items()}
    except (KeyError, ValueError, TypeError) as exc:
        raise UserError(f"cannot read dev set {path}: {exc}") from None
    ours = scores["ours"]
    table = Table(f"TBIJ dev summaries ({path.name}): {ours.n} summaries", list(PREDICTORS))
    for label, attr in (("found (a news event)", "found"), ("killed_min exact", "killed_min"),
                        ("killed_min exact, where the text states it", "killed_min_stated"),
                        ("killed_max exact", "killed_max"), ("killed range overlaps", "overlap"),
                        ("agency exact, summaries naming agency or town", "agency_named"),
                        ("agency exact, all summaries", "agency_all")):
        table.add(label, *(getattr(sc, attr) for sc in scores.values()))
    table.add("spurious news events (beyond one a summary)", *(sc.spurious_events for sc in scores.values()))
    rep = Report("dev", split, [table], ["Figures: TBIJ (older snapshot, via the Dronestream API dump)."])
    rep.misses = ours.misses if misses else []
    return rep


NEWS_ROWS = (("found (labelled news strikes matched)", "found"), ("killed_min exact", "killed_min"),
             ("killed_max exact", "killed_max"), ("spurious (predicted strikes unmatched)", "spurious"),
             ("negatives clean (no strike predicted)", "negatives_clean"),
             ("admin2 exact (Pakistan, matched)", "admin2"), ("admin1 exact (others, matched)", "admin1"))


def _news_table(title: str, articles: list[Any], misses: bool) -> tuple[Table, list[dict[str, Any]]]:
    from strikewatch.evaluate.news_set import score

    scores = {who: score(articles, predict, misses=misses and who == "ours") for who, predict in PREDICTORS.items()}
    table = Table(title, list(PREDICTORS))
    for label, attr in NEWS_ROWS:
        table.add(label, *(getattr(sc, attr) for sc in scores.values()))
    return table, scores["ours"].misses


def score_news_set(root: Path, split: str, misses: bool) -> Report:
    """Every labelled article, then the English ones alone (the extractor reads English; the set also holds
    articles in Urdu, Arabic and other languages that the searches returned)."""
    from strikewatch.evaluate.news_set import english, load

    loaded = load(root, split)
    en = [a for a in loaded.articles if english(a.text)]
    every, found_misses = _news_table(f"real-news set ({root}), {split} split: {len(loaded.articles)} articles",
                                      loaded.articles, misses)
    only_en, _ = _news_table(f"the same, English articles only: {len(en)} articles", en, False)
    rep = Report("news", split, [every, only_en])
    rep.notes.append(f"labels skipped: {loaded.missing} text missing, {loaded.differs} text differs from its sha256, "
                     f"{loaded.unreadable} unreadable label lines")
    rep.misses = found_misses
    return rep


def score_seeds(path: Path, split: str) -> Report:
    from strikewatch.evaluate.seeds import seed_checks

    table = Table(f"seed checks ({path})", ["passed", "detail"], key="check")
    for name, ok, detail in seed_checks(path):
        table.add(name, "yes" if ok else "NO", detail)
    return Report("seeds", split, [table])


def evaluate(set_name: str, split: str = "dev", data: Path | None = None, misses: bool = False) -> Report:
    """Score the extractor on one set; ``misses`` lists development items read differently (never test items)."""
    if set_name not in SETS:
        raise UserError(f"--set must be one of {', '.join(SETS)}, got {set_name!r}")
    if split not in SPLITS:
        raise UserError(f"--split must be one of {', '.join(SPLITS)}, got {split!r}")
    if split == "test" and set_name in NO_TEST_SPLIT:
        raise UserError(NO_TEST_SPLIT[set_name])
    path = _require(set_name, data if data is not None else default_data(set_name))
    if set_name == "acled":
        return score_acled(path, split, misses)
    if set_name == "dev":
        return score_dev_set(path, split, misses)
    if set_name == "news":
        return score_news_set(path, split, misses)
    return score_seeds(path, split)
