"""Aggregate claims checked against a dataset: periods, readings, verdicts; claims rows stored in a real DB."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from strikewatch.analyse.claims import ClaimIn, check_claim, load_claims, measure, parse_period, reading
from strikewatch.analyse.datasets import import_dataset, load_rows
from strikewatch.db import open_db, session_scope
from strikewatch.db.tables import Article, ClaimRow, RawBlob

D = dt.date


def add_article(engine: object, text: str, published: dt.date | None, version: str | None = "t1") -> int:
    now = dt.datetime.now(dt.UTC)
    sha = hashlib.sha256(text.encode()).hexdigest()
    with session_scope(engine) as s:  # type: ignore[arg-type]
        s.add(RawBlob(sha256=sha, size=len(text), data=text.encode(), created_at=now))
        s.flush()
        art = Article(sha256=sha, text_sha256=sha, source="test", content_type="text/plain", published=published,
                      published_basis="cli", text=text, n_chars=len(text), ingested_at=now,
                      extractor_version=version)
        s.add(art)
        s.flush()
        return int(art.id)


def add_claim(engine: object, article_id: int, text: str, quantity: int | None, unit: str | None,
              period: str | None, source: str | None = None, version: str = "t1") -> None:
    with session_scope(engine) as s:  # type: ignore[arg-type]
        s.add(ClaimRow(article_id=article_id, extractor_version=version, text=text, start=0, end=len(text),
                       source=source, quantity=quantity, unit=unit, period=period))


def test_claims_against_tbij(db_url: str, shared_dir: Path) -> None:
    engine = open_db(db_url)
    import_dataset(engine, shared_dir / "data" / "reference" / "tbij_pakistan_strikes.xlsx", "tbij")
    a1 = add_article(engine, "A report of our own about strikes in the tribal areas.", D(2017, 12, 28))
    add_claim(engine, a1, "The Bureau counts five confirmed US strikes in 2017.", 5, "strikes", "2017", "TBIJ")
    add_claim(engine, a1, "The Bureau counts nine US strikes in 2017.", 9, "strikes", "2017", "TBIJ")
    add_claim(engine, a1, "Drone strikes have killed 80 children in 2010.", 80, "children", "2010")
    add_claim(engine, a1, "A claim the old extractor made.", 1, "strikes", "2017", version="t0")
    a2 = add_article(engine, "Another report of ours, written after the strikes resumed.", D(2014, 6, 12))
    add_claim(engine, a2, "US drones have killed up to 3,735 people in the last decade", 3735, "killed",
              "last decade", "TBIJ")
    add_claim(engine, a2, "Strikes killed a whole village, locals said.", 2, "villages", None)
    a3 = add_article(engine, "An undated report of ours.", None)
    add_claim(engine, a3, "at least 100 strikes in the past year", 100, "strikes", "past year")

    claims = load_claims(engine)
    assert len(claims) == 6  # the superseded extractor version's claim is left out
    rows = load_rows(engine, "tbij")
    results = {c.text: check_claim(c, rows) for c in claims}

    five = results["The Bureau counts five confirmed US strikes in 2017."]
    assert (five.value_min, five.value_max, five.verdict) == (5, 5, "agree")
    assert results["The Bureau counts nine US strikes in 2017."].verdict == "disagree"
    kids = results["Drone strikes have killed 80 children in 2010."]
    children_2010 = [r for r in rows if r.date and r.date.year == 2010]
    assert kids.value_min == sum(r.children_min or 0 for r in children_2010)
    assert kids.verdict == ("agree" if kids.value_min * 0.95 <= 80 <= (kids.value_max or 0) * 1.05 else "disagree")

    decade = results["US drones have killed up to 3,735 people in the last decade"]
    assert (decade.start, decade.end) == (D(2004, 6, 12), D(2014, 6, 12))
    in_decade = [r for r in rows if r.date and D(2004, 6, 12) <= r.date <= D(2014, 6, 12)]
    assert decade.value_max == sum(r.killed_max or 0 for r in in_decade)
    assert decade.reading == "upper" and decade.verdict == "agree"

    assert results["Strikes killed a whole village, locals said."].verdict == "unchecked"
    undated = results["at least 100 strikes in the past year"]
    assert undated.verdict == "unchecked" and "published" in undated.note
    assert [c.text for c in load_claims(engine, source="tbij")] == [
        "The Bureau counts five confirmed US strikes in 2017.",
        "The Bureau counts nine US strikes in 2017.",
        "US drones have killed up to 3,735 people in the last decade",
    ]


def test_readings_and_bounds() -> None:
    rows = load_free_rows()
    # dataset: 2 strikes in 2012, killed 3-5 and 4-10 -> 7..15
    def verdict(text: str, q: int, unit: str = "killed", period: str | None = "2012") -> str:
        return check_claim(ClaimIn(None, text, q, unit, period, published=D(2013, 1, 1)), rows).verdict

    assert verdict("killed 12 people in 2012", 12) == "agree"
    assert verdict("killed 30 people in 2012", 30) == "disagree"
    assert verdict("killed up to 8 people", 8) == "agree"  # the dataset's minimum (7) is not above 8
    assert verdict("killed up to 6 people", 6) == "disagree"
    assert verdict("killed at least 15 people", 15) == "agree"
    assert verdict("killed more than 16 people", 16) == "disagree"
    assert verdict("two strikes in 2012", 2, "strikes") == "agree"
    assert verdict("two strikes that year", 2, "strikes", "the year 2012") == "agree"
    assert verdict("between 7 and 15 people were killed", 15) == "agree"  # the dataset's own min-max
    assert verdict("between 3 and 15 people were killed", 15) == "disagree"
    assert reading("between 2,515 and 4,026 people", 4026) == "range"
    assert reading("from 2004 to 2014 some 400 strikes", 400) == "approx"  # years are not a range of the figure
    whole = check_claim(ClaimIn(None, "62 killed", 62, "killed", None), rows)
    assert (whole.value_min, whole.value_max, whole.verdict) == (57, 75, "agree")  # no period, no date: all rows
    assert reading("as many as 40 civilians") == "upper"
    assert reading("around 40 civilians") == "approx"
    assert measure("civilian deaths") == "civilians" and measure("drone strikes") == "strikes"
    assert measure("bananas") is None


def load_free_rows() -> list:  # type: ignore[type-arg]
    from strikewatch.analyse.records import TrackerStrike

    return [
        TrackerStrike(date=D(2012, 3, 1), killed_min=3, killed_max=5),
        TrackerStrike(date=D(2012, 9, 9), killed_min=4, killed_max=10),
        TrackerStrike(date=D(2013, 2, 2), killed_min=50, killed_max=60),
    ]


def test_parse_period_forms() -> None:
    pub = D(2017, 12, 28)
    assert parse_period("2017", pub)[:2] == (D(2017, 1, 1), D(2017, 12, 31))  # type: ignore[index]
    assert parse_period("in 2010", None)[:2] == (D(2010, 1, 1), D(2010, 12, 31))  # type: ignore[index]
    assert parse_period("2004-2014", None)[:2] == (D(2004, 1, 1), D(2014, 12, 31))  # type: ignore[index]
    assert parse_period("between 2004 and 2014", None)[:2] == (D(2004, 1, 1), D(2014, 12, 31))  # type: ignore[index]
    assert parse_period("2004–14", None)[:2] == (D(2004, 1, 1), D(2014, 12, 31))  # type: ignore[index]
    assert parse_period("June 2014", None)[:2] == (D(2014, 6, 1), D(2014, 6, 30))  # type: ignore[index]
    assert parse_period("since 2008", pub)[:2] == (D(2008, 1, 1), pub)  # type: ignore[index]
    assert parse_period("the past five years", pub)[:2] == (D(2012, 12, 28), pub)  # type: ignore[index]
    assert parse_period("last 18 months", pub)[:2] == (D(2016, 6, 28), pub)  # type: ignore[index]
    assert parse_period("last year", pub)[:2] == (D(2016, 1, 1), D(2016, 12, 31))  # type: ignore[index]
    assert parse_period("under Obama", pub)[:2] == (D(2009, 1, 20), D(2017, 1, 19))  # type: ignore[index]
    assert parse_period("the Bush administration", None)[:2] == (D(2001, 1, 20), D(2009, 1, 19))  # type: ignore[index]
    assert parse_period(None, pub)[1] == pub  # type: ignore[index]
    assert parse_period("last decade", None) is None
    assert parse_period("in recent memory", pub) is None


@given(st.integers(1990, 2030), st.integers(0, 15))
def test_year_ranges(y1: int, span: int) -> None:
    y2 = y1 + span
    for text in (f"{y1}-{y2}", f"{y1} to {y2}", f"between {y1} and {y2}", f"from {y1} through {y2}"):
        got = parse_period(text, None)
        assert got is not None and got[:2] == (D(y1, 1, 1), D(y2, 12, 31))


@given(st.dates(D(2000, 1, 1), D(2030, 12, 31)), st.integers(1, 30))
def test_relative_periods_end_on_publication(pub: dt.date, n: int) -> None:
    for unit in ("years", "months", "weeks"):
        got = parse_period(f"past {n} {unit}", pub)
        assert got is not None and got[1] == pub and got[0] < pub
