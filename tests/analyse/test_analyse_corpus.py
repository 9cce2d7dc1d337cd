"""The analyses on strikewatch's own records, built from the example corpus, against the TBIJ workbook."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def ok(proc: Any) -> str:
    assert proc.returncode == 0, proc.stderr
    return str(proc.stdout)


def test_own_records_from_example_corpus(cli: Callable[..., Any], sqlite_url: str, shared_dir: Path) -> None:
    if not (EXAMPLES / "articles").is_dir():
        pytest.skip("example corpus not present")
    truth = json.loads((EXAMPLES / "manifest.json").read_text())["strikes"]
    cli("ingest", str(EXAMPLES / "articles"), db=sqlite_url)  # rejected/skipped inputs are reported, not fatal
    ok(cli("dataset", "import", str(shared_dir / "data" / "reference" / "tbij_pakistan_strikes.xlsx"), "--as",
           "tbij", db=sqlite_url))
    strikes = json.loads(ok(cli("strikes", "--format", "json", db=sqlite_url)))
    if isinstance(strikes, dict):
        strikes = strikes.get("strikes") or strikes.get("items") or []
    if not strikes:
        pytest.skip("the pipeline made no strike records from the example corpus")

    # own = the default dataset; every dated own record is in the timeline
    gaps = json.loads(ok(cli("analyse", "lulls", "-f", "json", db=sqlite_url)))
    totals = json.loads(ok(cli("analyse", "totals", "--by", "year", "-f", "json", db=sqlite_url)))
    assert totals["total"]["strikes"] == len(strikes)
    days = {s["date"] for s in strikes if s.get("date")}
    assert len(gaps) == len(days) - 1

    # compare own tbij: what the corpus found is matched to the TBIJ strikes it restates
    # like with like: TBIJ's file covers Pakistan, so only our Pakistan records are compared, and it says so
    res = cli("compare", "own", "tbij", "-f", "csv", db=sqlite_url)
    rows = list(csv.DictReader(io.StringIO(ok(res))))
    matched = [r for r in rows if r["status"] == "matched"]
    in_pk = [s for s in strikes if s.get("country") == "PK"]
    assert sum(1 for r in rows if r["a_ext_id"]) == len(in_pk)
    assert f"left out: {len(strikes) - len(in_pk)} of own" in res.stderr and "(PK)" in res.stderr, res.stderr
    pk_truth = {k for k, v in truth.items() if v["country"] == "PK"}
    assert len(matched) >= len(pk_truth) // 2
    right = sum(1 for r in matched if r["b_ext_id"] in pk_truth)
    assert right >= 0.8 * len(matched)  # matches are the strikes the corpus restates, not neighbours
    assert all(abs(int(r["days"])) <= 1 for r in matched)

    # the corpus restates TBIJ's count for 2017; the claims check sees it when the extractor records it
    claims = json.loads(ok(cli("claims", "--check", "tbij", "-f", "json", db=sqlite_url)))
    for c in claims:
        if c["measure"] == "strikes" and c["start"] == "2017-01-01" and c["end"] == "2017-12-31":
            assert c["dataset_min"] == 5
            assert c["verdict"] == ("agree" if c["quantity"] == 5 else "disagree")
