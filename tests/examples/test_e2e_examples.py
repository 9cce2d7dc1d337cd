"""End to end on the example corpus: `strikewatch ingest examples/articles` into a fresh database, then the active
strike records compared with the corpus's ground truth (`examples/manifest.json`, our own annotation).

What is measured (printed with ``pytest -s``; also ``python tests/test_e2e_examples.py [DB_URL]``):
- records vs expected: one record per strike the corpus reports as news (``expected``);
- strikes matched: expected strikes that got exactly one record whose sources are the documents reporting it;
- spurious records: records that are no documented strike (e.g. built from reader comments or a commentary);
- ranges exact: killed min–max equal to the lowest stated minimum and highest stated figure;
- sources exact: independent source counts (a wire copy counts once).

Records are paired with documented strikes by their source documents and dates (an optimal assignment, so two
strikes reported by the same documents on the same day are told apart by place and toll).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def doc_name(source: str, external_id: str | None) -> str:
    """The manifest's document name for an article's ingest source ("…/reports.jsonl:3" + id, or a file path)."""
    path = source.rsplit(":", 1)[0] if source.rsplit(":", 1)[-1].isdigit() else source
    name = Path(path).name
    if name.endswith(".jsonl") and external_id:
        return f"{name}#{external_id}"
    return name


@dataclass
class Rec:
    id: int
    date: dt.date | None
    lo: dt.date | None
    hi: dt.date | None
    place: str | None
    admin2: str | None
    killed: tuple[int | None, int | None]
    n_sources: int  # the record's independent sources as the merge counts them (background mentions included)
    main_sources: int  # independent sources that report it as news: wire copies once, background mentions not
    docs: dict[str, set[str]]  # document -> roles/sections of its reports in this record ("main", "comments" …)


def load_records(db_url: str) -> list[Rec]:
    from strikewatch.db import open_db, session_scope
    from strikewatch.db.tables import Article
    from strikewatch.merge.views import iter_strikes, sources_of

    engine = open_db(db_url)
    out: list[Rec] = []
    with session_scope(engine) as s:
        arts = {a.id: doc_name(a.source, a.external_id) for a in s.query(Article).all()}
        for r in iter_strikes(s):
            docs: dict[str, set[str]] = {}
            groups: set[int] = set()
            for src in sources_of(s, r["id"]):
                tags = docs.setdefault(arts[src["article_id"]], set())
                tags.add(src["role"] or "main")
                tags.add(src["section"] or "body")
                if (src["role"] or "main") == "main" and (src["section"] or "body") == "body":
                    groups.add(src["source_group"])

            def day(v: str | None) -> dt.date | None:
                return dt.date.fromisoformat(v) if v else None

            out.append(Rec(r["id"], day(r["date"]), day(r["date_earliest"]), day(r["date_latest"]), r["place"],
                           r["admin2"], _stated(r["killed_min"], r["killed_max"]), r["n_sources"], len(groups),
                           docs))
    return out


@dataclass
class Result:
    expected: dict[str, dict[str, Any]]
    records: list[Rec]
    pairs: dict[str, Rec] = field(default_factory=dict)  # expected strike -> its record
    background: dict[str, Rec] = field(default_factory=dict)  # documented background-only strike -> record
    duplicates: list[tuple[str, Rec]] = field(default_factory=list)  # extra record of a documented strike
    spurious: list[Rec] = field(default_factory=list)

    @property
    def matched(self) -> list[str]:
        """Expected strikes with exactly one record, made from the documents that report it."""
        dup = {k for k, _ in self.duplicates}
        return [k for k, r in self.pairs.items() if k not in dup and
                set(self.expected[k]["documents"]) <= {d for d, t in r.docs.items() if "main" in t}]

    @property
    def ranges_exact(self) -> list[str]:
        return [k for k, r in self.pairs.items()
                if r.killed == (self.expected[k]["killed_min"], self.expected[k]["killed_max"])]

    @property
    def sources_exact(self) -> list[str]:
        return [k for k, r in self.pairs.items() if r.main_sources == self.expected[k]["n_sources"]]

    def figures(self) -> dict[str, Any]:
        n = len(self.expected)
        return {
            "records": len(self.records), "expected": n,
            "strikes_matched": len(self.matched), "spurious": len(self.spurious),
            "duplicates": len(self.duplicates), "background_records": len(self.background),
            "ranges_exact": len(self.ranges_exact), "sources_exact": len(self.sources_exact),
        }


def _stated(lo: int | None, hi: int | None) -> tuple[int | None, int | None]:
    """The figures a record states: "≥ 2" (every source said "at least two") is compared as the documented 2–2;
    "≤ 8" stays None–8."""
    return lo, (lo if hi is None else hi)


def _date_gap(rec: Rec, day: dt.date) -> int:
    lo = rec.lo or rec.date
    hi = rec.hi or rec.date
    if lo is None or hi is None:
        return 99
    if lo <= day <= hi:
        return 0
    return min(abs((lo - day).days), abs((hi - day).days))


def compare(records: list[Rec], manifest: dict[str, Any]) -> Result:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    expected = manifest["expected"]
    strikes = manifest["strikes"]
    main_docs: dict[str, set[str]] = {k: set(v["documents"]) for k, v in expected.items()}
    bg_docs: dict[str, set[str]] = {k: set() for k in strikes}
    for d in manifest["documents"]:
        for b in d["background"]:
            bg_docs[b["strike"]].add(d["doc"])
    keys = list(strikes)
    big = 1e6
    cost = np.full((len(records), len(keys)), big)
    for i, r in enumerate(records):
        for j, k in enumerate(keys):
            docs = set(r.docs)
            overlap = len(docs & main_docs.get(k, set())) + 0.5 * len(docs & bg_docs[k])
            gap = _date_gap(r, dt.date.fromisoformat(strikes[k]["date"]))
            if not overlap or gap > 1:
                continue
            c = -10.0 * overlap + 8.0 * gap
            f = strikes[k]
            if r.place and f["place"] and r.place.split()[0].lower()[:4] in f["place"].lower():
                c -= 2
            e = expected.get(k)
            if e and r.killed == (e["killed_min"], e["killed_max"]):
                c -= 1
            cost[i, j] = c
    rows, cols = linear_sum_assignment(cost)
    res = Result(expected=expected, records=records)
    assigned: set[int] = set()
    for i, j in zip(rows, cols, strict=True):
        if cost[i, j] >= big:
            continue
        assigned.add(i)
        if keys[j] in expected:
            res.pairs[keys[j]] = records[i]
        else:
            res.background[keys[j]] = records[i]
    for i, r in enumerate(records):
        if i in assigned:
            continue
        near = [keys[j] for j in range(len(keys)) if cost[i, j] < big]
        if near:
            res.duplicates.append((near[int(np.argmin([cost[i, keys.index(k)] for k in near]))], r))
        else:
            res.spurious.append(r)
    return res


def report(res: Result) -> str:
    f = res.figures()
    lines = [
        f"records {f['records']} vs expected {f['expected']}; strikes matched {f['strikes_matched']}/{f['expected']}; "
        f"spurious {f['spurious']}; duplicates {f['duplicates']}; background-only records {f['background_records']}; "
        f"killed ranges exact {f['ranges_exact']}/{f['expected']}; source counts exact "
        f"{f['sources_exact']}/{f['expected']}",
    ]
    for k, e in sorted(res.expected.items()):
        r = res.pairs.get(k)
        want = f"{e['killed_min']}-{e['killed_max']} x{e['n_sources']}"
        got = (f"#{r.id} {r.killed[0]}-{r.killed[1]} x{r.main_sources} (n_sources {r.n_sources}) {r.date} "
               f"{r.place or r.admin2}") if r else "-"
        ok = "ok" if k in res.matched and k in res.ranges_exact and k in res.sources_exact else "!!"
        lines.append(f"  {ok} {k:7} want {want:12} got {got}")
    for k, r in res.duplicates:
        lines.append(f"  duplicate of {k}: #{r.id} {r.date} {r.place or r.admin2} {r.killed} {sorted(r.docs)}")
    for k, r in res.background.items():
        lines.append(f"  background-only {k}: #{r.id} {r.date} {r.place or r.admin2} {r.killed}")
    for r in res.spurious:
        lines.append(f"  spurious: #{r.id} {r.date} {r.place or r.admin2} {r.killed} "
                     f"{ {d: sorted(t) for d, t in r.docs.items()} }")
    return "\n".join(lines)


def ingest_examples(db_url: str) -> None:
    from strikewatch.db import open_db
    from strikewatch.ingest.pipeline import ingest_sources

    rep = ingest_sources(open_db(db_url), [str(EXAMPLES / "articles")], progress=False)
    assert rep.ok, rep.to_dict()


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Result]:
    from swtest import make_db_url, run_cli

    gen = make_db_url("sqlite", tmp_path_factory.mktemp("e2e"))
    url = next(gen)
    proc = run_cli("ingest", str(EXAMPLES / "articles"), db=url)
    assert proc.returncode == 0, proc.stderr
    manifest = json.loads((EXAMPLES / "manifest.json").read_text())
    res = compare(load_records(url), manifest)
    print("\n" + report(res))
    yield res
    for _ in gen:
        pass


def test_one_record_per_documented_strike(result: Result) -> None:
    # every strike the corpus reports as news has exactly one record, holding the reports of it; background
    # mentions ("near Miranshah", "in the Shawal valley") join the record of the village strike they refer to
    assert len(result.pairs) == len(result.expected), report(result)
    assert not result.duplicates, report(result)
    assert len(result.matched) == len(result.expected), report(result)


def test_no_spurious_records(result: Result) -> None:
    # reader comments, wire copies and the commentaries' passing mentions create no strike of their own
    assert not result.spurious, report(result)


def test_killed_ranges(result: Result) -> None:
    # lowest stated minimum, highest stated figure: "at least ten of the dead were villagers" is no toll, a named
    # commander killed is part of "the attack killed seven", "had risen to 18 ... as high as 24" is 18-24
    assert len(result.ranges_exact) == len(result.expected), report(result)


def test_independent_sources(result: Result) -> None:
    assert len(result.sources_exact) == len(result.expected), report(result)
    # the record's own count is the same: main reports in article bodies, a wire story once
    assert all(r.n_sources == r.main_sources for r in result.pairs.values()), report(result)
    # one strike, four outlets saying 1, 3, 4 and 9 dead
    r = result.pairs.get("Ob231")
    assert r is not None and r.killed == (1, 9) and r.main_sources == r.n_sources == 4, report(result)
    # an agency story reposted by three outlets counts once beside two independent reports
    r = result.pairs.get("Ob333")
    assert r is not None and r.main_sources == 3, report(result)


def test_commentary_and_comments_report_no_strike(result: Result) -> None:
    manifest = json.loads((EXAMPLES / "manifest.json").read_text())
    commentary = {d["doc"] for d in manifest["documents"] if d["kind"] == "commentary"}
    for r in result.records:
        # a commentary piece may mention a strike in passing (background), never report one
        assert not any("main" in tags and "body" in tags for d, tags in r.docs.items() if d in commentary), \
            report(result)
        # a strike known only from reader comments makes no record here
        assert any("body" in tags for tags in r.docs.values()), report(result)


if __name__ == "__main__":  # python tests/test_e2e_examples.py [DB_URL]: ingest (into a temp DB) and report
    import tempfile

    url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{tempfile.mkdtemp()}/e2e.db"
    if len(sys.argv) <= 1:
        ingest_examples(url)
    print(report(compare(load_records(url), json.loads((EXAMPLES / "manifest.json").read_text()))))
