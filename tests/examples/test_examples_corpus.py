"""The example corpus in examples/: it parses, the manifest describes it truthfully, and nothing is copied."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from swdev.synth.copycheck import WindowIndex, reference_texts, words

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ARTICLES = EXAMPLES / "articles"

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20,
}


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return json.loads((EXAMPLES / "manifest.json").read_text(encoding="utf-8"))


def _strip_html(page: str) -> str:
    body = re.search(r'<div class="entry-content">(.*?)</div>', page, re.S)
    assert body, "article body not found"
    return html.unescape(re.sub(r"<[^>]+>", " ", body.group(1)))


def _texts() -> dict[str, str]:
    """Document key -> the article text as written (HTML reduced to its article body)."""
    out: dict[str, str] = {}
    for p in sorted(ARTICLES.iterdir()):
        if p.suffix == ".jsonl":
            for line in p.read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                text = rec.get("text") or html.unescape(re.sub(r"<[^>]+>", " ", rec["html"]))
                out[f"{p.name}#{rec['id']}"] = text
        elif p.suffix == ".html":
            out[p.name] = _strip_html(p.read_text(encoding="utf-8"))
        elif p.suffix == ".txt":
            out[p.name] = p.read_text(encoding="utf-8")
    return out


def _numbers(phrase: str) -> list[int]:
    out = []
    for w in words(phrase):
        if w.isdigit():
            out.append(int(w))
        elif w in NUMBER_WORDS:
            out.append(NUMBER_WORDS[w])
    return out


def test_built_files_are_up_to_date() -> None:
    r = subprocess.run([sys.executable, str(EXAMPLES / "build_examples.py"), "--check"], capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stderr


def test_every_file_parses_and_has_metadata(manifest: dict[str, Any]) -> None:
    by_key = {d["doc"]: d for d in manifest["documents"]}
    for p in sorted(ARTICLES.iterdir()):
        if p.suffix == ".jsonl":
            ids = []
            for line in p.read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                assert ("text" in rec) != ("html" in rec), rec["id"]
                assert re.fullmatch(r"\d{4}-\d\d-\d\d", rec["published"])
                assert rec["outlet"] and rec["title"] and rec["url"].startswith("https://")
                ids.append(rec["id"])
                assert by_key[f"{p.name}#{rec['id']}"]["published"] == rec["published"]
            assert len(ids) == len(set(ids)) >= 3
        elif p.suffix == ".html":
            page = p.read_text(encoding="utf-8")
            d = by_key[p.name]
            meta = re.search(r'<meta property="article:published_time" content="([^"]+)"', page)
            assert meta and meta.group(1).startswith(d["published"])
            assert f'<meta property="og:site_name" content="{html.escape(d["outlet"])}">' in page
            assert "<title>" in page and 'id="cookie-banner"' in page and "Related stories" in page
            assert ('id="comments"' in page) == d["has_comments"]
        elif p.suffix == ".txt":
            lines = p.read_text(encoding="utf-8").splitlines()
            assert lines[0] == by_key[p.name]["title"] and lines[1] == ""
        else:
            assert p.name == "SOURCES.md", f"unexpected file {p.name}"


def test_manifest_covers_every_document(manifest: dict[str, Any]) -> None:
    keys = set(_texts())
    listed = [d["doc"] for d in manifest["documents"]]
    assert len(listed) == len(set(listed))
    assert set(listed) == keys
    assert 28 <= len(keys) <= 40
    sources = (ARTICLES / "SOURCES.md").read_text(encoding="utf-8")
    assert "Bureau of Investigative Journalism" in sources
    for key in keys:
        assert f"`{key}`" in sources


def test_corpus_is_small_and_varied(manifest: dict[str, Any]) -> None:
    size = sum(p.stat().st_size for p in ARTICLES.iterdir())
    assert size < 300_000
    formats = Counter(d["format"] for d in manifest["documents"])
    assert formats["jsonl"] >= 5 and formats["html"] >= 5 and formats["txt"] >= 2
    assert len({d["outlet"] for d in manifest["documents"] if d["outlet"]}) >= 8
    countries = {manifest["strikes"][e["strike"]]["country"] for d in manifest["documents"] for e in d["main"]}
    assert {"PK", "YE", "SO", "AF"} <= countries
    texts = _texts()
    assert any("[youtube]" in t for t in texts.values())
    relative = re.compile(r"\b(today|on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|late "
                          r"(on )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b")
    assert sum(bool(relative.search(t)) for t in texts.values()) >= 15


def test_stated_figures_are_in_the_text_and_within_tbij_range(manifest: dict[str, Any]) -> None:
    texts = _texts()
    for d in manifest["documents"]:
        text = " ".join(texts[d["doc"]].split())
        for e in d["main"]:
            facts = manifest["strikes"][e["strike"]]
            lo, hi = facts["killed"]
            phrase = e["killed_phrase"]
            assert phrase.lower() in text.lower(), (d["doc"], phrase)
            stated = [v for v in (e.get("killed_min"), e.get("killed_max")) if v is not None]
            assert stated, (d["doc"], e)
            assert set(stated) <= set(_numbers(phrase)), (d["doc"], phrase, stated)
            for v in stated:
                assert lo <= v <= hi, (d["doc"], e["strike"], v, (lo, hi))
            for name in ("injured", "civilians", "children"):
                flo, fhi = facts[name]
                for v in (e.get(f"{name}_min"), e.get(f"{name}_max")):
                    if v is not None:
                        assert flo <= v and (fhi is None or v <= fhi), (d["doc"], name, v)


def test_commentary_reports_no_strike_and_background_is_known(manifest: dict[str, Any]) -> None:
    kinds = Counter(d["kind"] for d in manifest["documents"])
    assert kinds["commentary"] >= 3
    for d in manifest["documents"]:
        if d["kind"] == "commentary":
            assert d["main"] == [], d["doc"]
        for e in d["main"] + d["background"]:
            assert e["strike"] in manifest["strikes"]
        assert not {e["strike"] for e in d["main"]} & {e["strike"] for e in d["background"]}


def test_expected_merge_results(manifest: dict[str, Any]) -> None:
    exp = manifest["expected"]
    # The strike told four ways: 1, 3, 4 and 9 dead from four independent outlets.
    four = [s for s, x in exp.items() if x["n_sources"] == 4 and x["n_reports"] == 4]
    assert len(four) == 1
    docs = {d["doc"]: d for d in manifest["documents"]}
    stated = sorted(e["killed_min"] for k in exp[four[0]]["documents"] for e in docs[k]["main"]
                    if e["strike"] == four[0])
    assert stated == [1, 3, 4, 9]
    assert (exp[four[0]]["killed_min"], exp[four[0]]["killed_max"]) == (1, 9)
    assert len({docs[k]["outlet"] for k in exp[four[0]]["documents"]}) == 4
    # A wire story reposted by three outlets counts once.
    wired = [s for s, x in exp.items() if x["n_reports"] > x["n_sources"]]
    assert wired
    for s in wired:
        groups = Counter(docs[k]["wire_group"] for k in exp[s]["documents"] if docs[k]["wire_group"])
        assert exp[s]["n_reports"] - exp[s]["n_sources"] == sum(n - 1 for n in groups.values())
    # Several strikes on one day: in nearby villages, and the same village twice.
    by_day: dict[str, list[str]] = defaultdict(list)
    for s in exp:
        by_day[manifest["strikes"][s]["date"]].append(s)
    assert sum(len(v) >= 2 for v in by_day.values()) >= 3


def _jaccard(a: str, b: str, k: int = 3) -> float:
    def sh(t: str) -> set[tuple[str, ...]]:
        w = words(t)
        return {tuple(w[i:i + k]) for i in range(len(w) - k + 1)}

    sa, sb = sh(a), sh(b)
    return len(sa & sb) / len(sa | sb)


def test_wire_copies_are_near_identical_and_independent_reports_are_not(manifest: dict[str, Any]) -> None:
    texts = _texts()
    groups: dict[str, list[str]] = defaultdict(list)
    for d in manifest["documents"]:
        if d["wire_group"]:
            groups[d["wire_group"]].append(d["doc"])
    assert groups and all(2 <= len(v) <= 3 for v in groups.values())
    for members in groups.values():
        for a in members:
            for b in members:
                if a < b:
                    assert _jaccard(texts[a], texts[b]) > 0.6, (a, b)
                    assert texts[a] != texts[b]
    exp = manifest["expected"]
    docs = {d["doc"]: d for d in manifest["documents"]}
    for x in exp.values():
        indep = [k for k in x["documents"] if not docs[k]["wire_group"]]
        for a in indep:
            for b in indep:
                if a < b:
                    assert _jaccard(texts[a], texts[b]) < 0.15, (a, b)


def test_facts_match_tbij_reference_data(manifest: dict[str, Any], shared_dir: Path) -> None:
    from strikewatch.analyse.readers import read_tbij_all, read_tbij_workbook

    reference = shared_dir / "data" / "reference"
    ref = {r.ext_id: r for r in read_tbij_workbook(reference / "tbij_pakistan_strikes.xlsx")}
    ref.update({r.ext_id: r for r in read_tbij_all(reference / "tbij_all_countries_with_coordinates.csv")
                if r.ext_id and r.ext_id not in ref})
    for sid, f in manifest["strikes"].items():
        row = ref[sid]
        assert row.date is not None and row.date.isoformat() == f["date"], sid
        assert row.country == f["country"], sid
        for name in ("killed", "civilians", "children"):
            assert list(row.toll(name)) == f[name], (sid, name)
        assert row.injured_min == f["injured"][0], sid
    rows = read_tbij_workbook(reference / "tbij_pakistan_strikes.xlsx")
    totals = manifest["pakistan_totals"]
    assert len(rows) == totals["strikes"]
    assert sum(r.killed_min or 0 for r in rows) == totals["killed"][0]
    assert sum(r.killed_max or 0 for r in rows) == totals["killed"][1]
    assert sum(r.civilians_min or 0 for r in rows) == totals["civilians"][0]
    assert sum(r.civilians_max or 0 for r in rows) == totals["civilians"][1]
    assert sum(r.children_min or 0 for r in rows) == totals["children"][0]
    assert sum(r.children_max or 0 for r in rows) == totals["children"][1]
    years = Counter(r.date.year for r in rows if r.date)
    assert years[2010] == totals["strikes_2010"] and years[2017] == totals["strikes_2017"]
    assert max(years, key=lambda y: years[y]) == 2010
    prefixes = Counter(re.sub(r"\d+$", "", r.ext_id or "") for r in rows)
    assert (prefixes["B"], prefixes["Ob"], prefixes["T"]) == (totals["bush"], totals["obama"], totals["trump"])
    d1 = next(r.date for r in rows if r.ext_id == "Ob332")
    d2 = next(r.date for r in rows if r.ext_id == "Ob333")
    assert d1 and d2 and (d2 - d1).days == totals["gap_days_2013_2014"]


def test_no_third_party_text_is_copied(shared_dir: Path) -> None:
    index = WindowIndex(reference_texts(shared_dir))
    assert len(index) > 1000  # the seeds and TBIJ summaries were found
    pieces = list(_texts().values())
    pieces += [(EXAMPLES / "corpus_texts.py").read_text(encoding="utf-8"),
               (ARTICLES / "SOURCES.md").read_text(encoding="utf-8")]
    for text in pieces:
        assert index.shared(text) == []
