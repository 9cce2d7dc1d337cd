"""How well does merging recover documented strikes? B-cubed precision/recall and toll-range accuracy.

Facts: 200 consecutive strikes from the TBIJ Pakistan workbook (read at run time from ../shared), written up by
swdev.synth as 1-5 reports each in our own words (differing tolls, wire copies reposted by 2-3 outlets,
same-day strikes in nearby villages sometimes told in one report, background mentions of earlier strikes).

Modes:
  facts  events built directly from each report's ground truth (what a perfect extractor would store), so the
         figures measure the merge alone; ``--noise`` adds what real extraction does to dates and places: some
         reports dated a day late, some naming only the district, background mentions dated only to the month;
  e2e    the reports' text ingested through the real pipeline (extractor, gazetteer, near-duplicate detection),
         then merged: the figures measure the whole chain.

Scores (items are the reports stored; the gold label of a report is the strike it tells of):
  B-cubed precision / recall / F1 over reports; strikes found / created;
  toll range: a documented strike's record (the one holding most of its reports) has killed min-max equal to the
  lowest minimum and the highest figure its main reports state ("as merged") and to TBIJ's own range ("as TBIJ");
  n_sources: the record counts the documented strike's independent main reports (wire copies once).

    .venv/bin/python bench/merge_eval.py [--strikes 200] [--seed 1] [--mode facts|e2e|all] [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # swdev/: the repository's dev package
SHARED = ROOT.parent / "shared"
WORKBOOK = SHARED / "data/reference/tbij_pakistan_strikes.xlsx"
DOC = ROOT / "docs/merge.md"


def load_facts(n: int, start: str) -> list[Any]:
    from swdev.synth import load_tbij

    facts = [f for f in load_tbij(WORKBOOK) if f.date >= dt.date.fromisoformat(start)]
    return facts[:n]


def b_cubed(gold: dict[Any, str], pred: dict[Any, Any]) -> tuple[float, float]:
    """B-cubed precision and recall over items present in both maps."""
    items = [i for i in gold if i in pred]
    by_gold: dict[str, set[Any]] = defaultdict(set)
    by_pred: dict[Any, set[Any]] = defaultdict(set)
    for i in items:
        by_gold[gold[i]].add(i)
        by_pred[pred[i]].add(i)
    p = r = 0.0
    for i in items:
        same = by_gold[gold[i]] & by_pred[pred[i]]
        p += len(same) / len(by_pred[pred[i]])
        r += len(same) / len(by_gold[gold[i]])
    n = len(items) or 1
    return p / n, r / n


def _events_from_truth(doc: Any, rng: random.Random, noise: bool) -> tuple[list[Any], list[dict[str, Any]]]:
    from strikewatch.schema import Event

    out, truths = [], []
    for t in doc.truth()["events"]:
        day = dt.date.fromisoformat(t["date"])
        lo = hi = day
        date: dt.date | None = day
        place = t["place"]
        if noise:
            if t["role"] == "main" and rng.random() < 0.10:
                date = lo = hi = day + dt.timedelta(days=1)
            if t["role"] == "background" and rng.random() < 0.5:
                date = None
                lo = day.replace(day=1)
                hi = (lo + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            if place and rng.random() < 0.15:
                place = None
        ev = Event(type="drone_strike", perpetrator="US", role=t["role"], date=date, date_earliest=lo,
                   date_latest=hi, country=t["country"], admin1=t["admin1"], admin2=t["admin2"], place=place,
                   geo_precision="place" if place else ("admin2" if t["admin2"] else "admin1"))
        for c in ("killed", "injured", "civilians", "children", "munitions"):
            setattr(ev, f"{c}_min", t[f"{c}_min"])
            setattr(ev, f"{c}_max", t[f"{c}_max"])
        out.append(ev)
        truths.append(t)
    return out, truths


def build_facts_db(url: str, docs: list[Any], seed: int, noise: bool) -> dict[int, str]:
    """Store each document and its ground-truth events; returns event id -> gold strike key."""
    from sqlalchemy import select

    from strikewatch.db import open_db, session_scope
    from strikewatch.db.tables import EventRow
    from swdev.fixtures import add_article, add_events

    rng = random.Random(seed)
    engine = open_db(url)
    first_of_group: dict[str, int] = {}
    gold: dict[int, str] = {}
    with session_scope(engine) as s:
        for doc in docs:
            dup_of = first_of_group.get(doc.wire_group) if doc.wire_group else None
            aid = add_article(s, doc.text, outlet=doc.outlet, url=doc.url, published=doc.published,
                              title=doc.title, dup_of=dup_of, salt=doc.id)
            if doc.wire_group and dup_of is None:
                first_of_group[doc.wire_group] = aid
            events, truths = _events_from_truth(doc, rng, noise)
            add_events(s, aid, events, "truth")
            rows = s.execute(select(EventRow.id, EventRow.idx).where(EventRow.article_id == aid)).all()
            for eid, idx in rows:
                gold[eid] = truths[idx]["strike"]
    return gold


def _place_ok(ev: Any, t: dict[str, Any]) -> bool:
    from strikewatch.merge.matching import same_name
    from strikewatch.merge.reports import norm_place

    if ev.admin2 and t["admin2"] and norm_place(ev.admin2) != norm_place(t["admin2"]):
        return False
    if ev.place and t["place"] and not same_name(norm_place(ev.place), norm_place(t["place"])):
        return ev.geo_precision != "place"
    return True


def build_e2e_db(url: str, docs: list[Any], workdir: Path) -> tuple[dict[int, str], int, int]:
    """Ingest the documents' text; label each stored event with the truth event of its document it matches.
    Returns (event id -> gold key or 'spurious:<id>', truth events found, truth events in all)."""
    from sqlalchemy import select

    from strikewatch.db import open_db, session_scope
    from strikewatch.db.tables import Article, EventRow
    from strikewatch.ingest.pipeline import ingest_sources

    path = workdir / "corpus.jsonl"
    with path.open("w") as fh:
        for d in docs:
            fh.write(json.dumps(d.record()) + "\n")
    engine = open_db(url)
    ingest_sources(engine, [str(path)], update_strikes=False)
    truth = {d.id: d.truth()["events"] for d in docs}
    gold: dict[int, str] = {}
    found = 0
    with session_scope(engine) as s:
        arts = {a.id: a.external_id for a in s.scalars(select(Article))}
        events = s.scalars(select(EventRow).order_by(EventRow.article_id, EventRow.idx)).all()
        by_article: dict[int, list[Any]] = defaultdict(list)
        for e in events:
            by_article[e.article_id].append(e)
        for aid, evs in by_article.items():
            truths = truth.get(arts.get(aid) or "", [])
            pairs = []
            for e in evs:
                lo = e.date_earliest or e.date or e.date_latest
                hi = e.date_latest or e.date or e.date_earliest
                for i, t in enumerate(truths):
                    day = dt.date.fromisoformat(t["date"])
                    if lo is None or hi is None or not (lo - dt.timedelta(days=1) <= day <= hi + dt.timedelta(days=1)):
                        continue
                    if not _place_ok(e, t):
                        continue
                    # prefer the stored event that fits best: same role, a real date, same place, same toll
                    fit = ((e.role == t["role"]) * 4 + (e.date is not None or e.date_earliest is not None) * 2
                           + bool(e.place and t["place"]) + (e.killed_min == t["killed_min"]))
                    pairs.append((-fit, e.idx, i, e.id))
            # each stored event is labelled with the strike it tells of (its best-fitting truth event); two events
            # of one article telling of one strike (an extraction duplicate) share the label, so a duplicate record
            # costs recall
            used_t: set[int] = set()
            for _, _, i, eid in sorted(pairs):
                if eid in gold:
                    continue
                gold[eid] = truths[i]["strike"]
                if i not in used_t:
                    used_t.add(i)
                    found += 1
            for e in evs:
                gold.setdefault(e.id, f"spurious:{e.id}")
    total = sum(len(v) for v in truth.values())
    return gold, found, total


def score(url: str, gold: dict[int, str], docs: list[Any], facts: list[Any]) -> dict[str, Any]:
    from sqlalchemy import select

    from strikewatch.db import open_db, session_scope
    from strikewatch.db.tables import Strike, StrikeReport

    engine = open_db(url)
    with session_scope(engine) as s:
        pred = {eid: sid for eid, sid in s.execute(select(StrikeReport.event_id, StrikeReport.strike_id))}
        strikes = {x.id: x for x in s.scalars(select(Strike).where(Strike.status == "active"))}
    in_strikes = {e: g for e, g in gold.items() if e in pred}
    p, r = b_cubed(in_strikes, pred)
    # toll ranges
    stated: dict[str, list[tuple[int | None, int | None]]] = defaultdict(list)
    groups: dict[str, set[str]] = defaultdict(set)
    for d in docs:
        for t in d.truth()["events"]:
            if t["role"] == "main":  # independent sources: main reports, wire copies once
                groups[t["strike"]].add(d.wire_group or d.id)
                stated[t["strike"]].append((t["killed_min"], t["killed_max"]))
    fact_by_key = {f.key: f for f in facts}
    by_gold: dict[str, Counter[int]] = defaultdict(Counter)
    for e, g in in_strikes.items():
        by_gold[g][pred[e]] += 1
    ok_merge = ok_tbij = ok_sources = n = 0
    misses: list[str] = []
    for key, cnt in by_gold.items():
        if key.startswith("spurious:") or key not in stated:
            continue
        sid = cnt.most_common(1)[0][0]
        st = strikes.get(sid)
        if st is None:
            continue
        n += 1
        # lowest stated minimum, highest figure stated at all (the manifest's and the merge's convention)
        mins = [a for a, _ in stated[key] if a is not None]
        figs = [v for pair in stated[key] for v in pair if v is not None]
        want = (min(mins) if mins else None, max(figs) if figs else None)
        if (st.killed_min, st.killed_max) == want:
            ok_merge += 1
        elif len(misses) < 5:
            misses.append(f"{key}: record {st.killed_min}-{st.killed_max}, reports say {stated[key]}")
        f = fact_by_key.get(key)
        if f is not None and (st.killed_min, st.killed_max) == f.toll("killed"):
            ok_tbij += 1
        if st.n_sources == len(groups[key]):
            ok_sources += 1
    return {
        "reports": len(gold), "reports_in_strikes": len(in_strikes),
        "gold_strikes": len({g for g in gold.values() if not g.startswith("spurious:")}),
        "records": len(strikes), "bcubed_precision": round(p, 4), "bcubed_recall": round(r, 4),
        "bcubed_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "toll_as_merged": round(ok_merge / n, 4) if n else None, "toll_as_tbij": round(ok_tbij / n, 4) if n else None,
        "n_sources_exact": round(ok_sources / n, 4) if n else None, "scored_strikes": n, "toll_misses": misses,
    }


def run_mode(mode: str, facts: list[Any], docs: list[Any], seed: int) -> dict[str, Any]:
    from strikewatch.db import open_db
    from strikewatch.merge import update_strikes

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/eval.db"
        extra: dict[str, Any] = {}
        if mode == "e2e":
            gold, found, total = build_e2e_db(url, docs, Path(tmp))
            extra = {"truth_events_found": found, "truth_events": total}
        else:
            gold = build_facts_db(url, docs, seed, noise=(mode == "facts+noise"))
        t0 = time.perf_counter()
        update_strikes(open_db(url), None)
        secs = time.perf_counter() - t0
        res = score(url, gold, docs, facts)
        res.update(extra, mode=mode, merge_seconds=round(secs, 2))
        from strikewatch.db.engine import dispose_all

        dispose_all()
        return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--strikes", type=int, default=200)
    ap.add_argument("--start", default="2010-01-01", help="first strike date (a dense stretch: same-day strikes)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mode", choices=["facts", "facts+noise", "e2e", "all"], default="all")
    ap.add_argument("--write", action="store_true", help="write the figures into docs/merge.md")
    args = ap.parse_args(argv)
    if not WORKBOOK.exists():
        print(f"TBIJ workbook not found at {WORKBOOK}", file=sys.stderr)
        return 2
    from swdev.synth import generate

    facts = load_facts(args.strikes, args.start)
    docs = list(generate(facts, seed=args.seed))
    print(f"{len(facts)} TBIJ strikes {facts[0].date}..{facts[-1].date}; {len(docs)} reports written",
          file=sys.stderr)
    modes = ["facts", "facts+noise", "e2e"] if args.mode == "all" else [args.mode]
    results = []
    for m in modes:
        res = run_mode(m, facts, docs, args.seed)
        results.append(res)
        print(json.dumps(res), flush=True)
    if args.write:
        write_doc(results, facts, len(docs), args)
    return 0


def write_doc(results: list[dict[str, Any]], facts: list[Any], n_docs: int, args: Any) -> None:
    rows = "\n".join(
        f"| {r['mode']} | {r['reports']} | {r['reports_in_strikes']} | {r['scored_strikes']}/{len(facts)} "
        f"| {r['records']} | {r['bcubed_precision']:.3f} | "
        f"{r['bcubed_recall']:.3f} | {r['toll_as_merged']:.3f} | {r['toll_as_tbij']:.3f} | "
        f"{r['n_sources_exact']:.3f} |"
        + (f" {r['truth_events_found']}/{r['truth_events']} |" if "truth_events" in r else " – |")
        for r in results
    )
    block = (
        f"<!-- merge_eval:start -->\n"
        f"`bench/merge_eval.py --strikes {args.strikes} --start {args.start} --seed {args.seed}` "
        f"({dt.date.today()}, extractor {_extractor_version()}): {len(facts)} TBIJ strikes "
        f"{facts[0].date}..{facts[-1].date}, {n_docs} reports.\n\n"
        "| mode | reports stored | in records | documented strikes found | records | B³ precision | B³ recall "
        "| killed range = reports' | killed range = TBIJ | n_sources exact | truth events extracted |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|\n" + rows + "\n<!-- merge_eval:end -->"
    )
    _replace_block(block, "merge_eval")


def _extractor_version() -> str:
    from strikewatch.extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def _replace_block(block: str, name: str) -> None:
    text = DOC.read_text() if DOC.exists() else "# Merge\n"
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    if start in text and end in text:
        a = text.index(start)
        b = text.index(end) + len(end)
        text = text[:a] + block + text[b:]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(text)


if __name__ == "__main__":
    sys.exit(main())
