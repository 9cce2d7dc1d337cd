"""The article archive on SQLite and PostgreSQL: idempotence, wire copies, extraction in the same transaction,
re-extraction, the merge queue, concurrent writers. Article text is written by us for the tests."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from strikewatch.db import open_db, session_scope
from strikewatch.db.engine import dispose_all
from strikewatch.db.tables import Article, ArticleBand, ClaimRow, EventRow, MergeQueue, RawBlob
from strikewatch.ingest.pipeline import flush_merge_queue, ingest_sources, reextract
from strikewatch.schema import ArticleIn, Claim, Event, Evidence, Extraction
from strikewatch.store import neardup
from strikewatch.store.articles import get_article, list_articles, prepare, raw_bytes, store_prepared

WIRE = [
    "MIRANSHAH, Pakistan (Frontier Press Agency) - A US drone fired two missiles at a compound in the Tabi Tolkhel "
    "area east of Miranshah on Wednesday night, killing at least six suspected militants, Pakistani intelligence "
    "officials said.",
    "The officials, speaking on condition of anonymity because they were not authorised to talk to reporters, said "
    "the compound belonged to a commander of the Haqqani network and that foreign fighters were among the dead.",
    "It was the first drone strike in Pakistan since December, ending a pause that followed the start of peace "
    "talks between the government and the Pakistani Taliban. Residents said drones had been flying over the area "
    "for two days before the attack.",
    "The strike came days after a Taliban assault on Karachi's international airport that killed more than thirty "
    "people, including the attackers. The military has since said it is preparing a ground offensive in North "
    "Waziristan.",
    "Pakistan's foreign office has repeatedly condemned the strikes as a violation of the country's sovereignty, "
    "though leaked documents have shown that some officials privately approved of them.",
]
OTHER = (
    "WANA, Pakistan - A drone strike on a house in the Shawal valley of South Waziristan killed four people on "
    "Saturday, officials said. The officials said the house was used by fighters of a local commander who had "
    "recently moved into the area from North Waziristan. Residents said the bodies were recovered from the rubble "
    "by neighbours and buried the same evening. The foreign office condemned the strike as a violation of "
    "sovereignty. It was the third strike in the Shawal valley this month, officials added, and more drones were "
    "heard over the valley after the attack."
)


def wire_variants() -> dict[str, str]:
    base = "\n\n".join(WIRE)
    return {
        "agency": base,
        # a different outlet: own headline and byline, the last paragraph cut
        "outlet_a": "US drone strike ends months-long lull\n\nBy staff reporter\n\n" + "\n\n".join(WIRE[:4]),
        # another outlet: light edits of wording and a closing line of its own
        "outlet_b": base.replace("on Wednesday night", "late on Wednesday")
        .replace("at least six suspected militants", "six suspected militants")
        .replace("Residents said", "Local residents told the agency")
        + "\n\nAdditional reporting by our Peshawar bureau.",
        "other": OTHER,
    }


def art(body: str, source: str, **kw: object) -> ArticleIn:
    return ArticleIn(raw=body.encode(), text=body, source=source, **kw)  # type: ignore[arg-type]


def count(engine, table) -> int:  # type: ignore[no-untyped-def]
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count()).select_from(table)) or 0)


def test_storing_is_idempotent_and_keeps_raw_bytes(db_url: str) -> None:
    engine = open_db(db_url)
    raw = "Drone strike kills two in Datta Khel — officials’ figures\n".encode() + b"\xff"
    a = ArticleIn(
        raw=raw,
        text="Drone strike kills two in Datta Khel",
        source="a.txt",
        title="t",
        published=dt.date(2011, 7, 12),
        published_basis="cli",
    )
    first = store_prepared(engine, prepare(a))
    second = store_prepared(engine, prepare(a))
    assert first.status == "stored" and second == first.__class__("present", first.article_id)
    assert count(engine, Article) == 1 and count(engine, RawBlob) == 1
    with session_scope(engine) as s:
        assert raw_bytes(s, first.article_id) == raw
        [row] = list_articles(s)
        assert row["published"] == "2011-07-12" and row["n_chars"] == len(a.text)
        assert row["sha256"] == __import__("hashlib").sha256(raw).hexdigest()
        assert s.scalars(select(MergeQueue.article_id)).all() == [first.article_id]


def test_wire_copies_linked_not_dropped_across_runs(db_url: str, tmp_path: Path) -> None:
    v = wire_variants()
    for name in ("agency", "outlet_a", "other"):
        (tmp_path / f"{name}.txt").write_text(v[name], encoding="utf-8")
    engine = open_db(db_url)
    rep = ingest_sources(engine, [str(tmp_path / f"{n}.txt") for n in ("agency", "outlet_a", "other")])
    assert len(rep.stored) == 3
    ids = {Path(a.source).stem: a for a in rep.stored}
    assert ids["agency"].dup_of is None and ids["other"].dup_of is None
    assert ids["outlet_a"].dup_of == ids["agency"].id and ids["outlet_a"].dup_similarity >= 0.5
    # a later run, a fresh engine: the index lives in the database
    dispose_all()
    engine = open_db(db_url)
    (tmp_path / "outlet_b.txt").write_text(v["outlet_b"], encoding="utf-8")
    (tmp_path / "same_text.html").write_text(
        "<html><body><article>" + "".join(f"<p>{p}</p>" for p in WIRE) + "</article></body></html>"
    )
    rep2 = ingest_sources(engine, [str(tmp_path)])
    assert len(rep2.present) == 3
    new = {Path(a.source).name: a for a in rep2.stored}
    assert set(new) == {"outlet_b.txt", "same_text.html"}
    assert new["outlet_b.txt"].dup_of == ids["agency"].id
    assert new["same_text.html"].dup_of == ids["agency"].id and new["same_text.html"].dup_similarity == 1.0
    assert count(engine, Article) == 5
    with session_scope(engine) as s:
        shown = get_article(s, ids["agency"].id)
        assert shown is not None
        assert shown["wire_copies"] == sorted([ids["outlet_a"].id, new["outlet_b.txt"].id, new["same_text.html"].id])


def test_short_texts_only_linked_when_identical(db_url: str) -> None:
    engine = open_db(db_url)
    a = store_prepared(engine, prepare(art("A drone strike killed 4 people in Datta Khel, officials said.", "1")))
    b = store_prepared(engine, prepare(art("A drone strike killed 6 people in Datta Khel, officials said.", "2")))
    c = store_prepared(
        engine,
        prepare(
            ArticleIn(
                raw=b"other bytes", text="A drone strike killed 4 people in Datta Khel, officials said.", source="3"
            )
        ),
    )
    assert b.dup_of is None
    assert c.dup_of == a.article_id


def test_neardup_verification_is_exact() -> None:
    v = wire_variants()
    agency = neardup.profile(v["agency"])
    assert (neardup.wire_similarity(agency, v["outlet_a"]) or 0) >= 0.5
    assert (neardup.wire_similarity(agency, v["outlet_b"]) or 0) >= 0.5
    assert neardup.wire_similarity(agency, v["other"]) is None
    fa, fb = neardup.fingerprint(v["agency"]), neardup.fingerprint(v["outlet_b"])
    assert len(fa.band_keys) == neardup.BANDS and set(fa.band_keys) & set(fb.band_keys)
    assert neardup.fingerprint(v["agency"]) == fa  # deterministic
    assert neardup.fingerprint("too short to index").band_keys == ()


def formulaic(place: str, killed: str, day: str, missiles: str) -> str:
    return (
        f"A US drone fired {missiles} missiles at a house near {place} on {day}, killing {killed} people, "
        "local officials said. The officials said the house belonged to a local commander and that foreign "
        "fighters were among the dead. It was the second strike in North Waziristan in a week. Residents said "
        "drones had circled the area for hours before the attack, and that bodies were pulled from the rubble by "
        "neighbours. The foreign office condemned the strike as a violation of sovereignty."
    )


def test_formulaic_reports_of_different_strikes_are_not_copies() -> None:
    a = formulaic("Datta Khel", "four", "Monday", "two")
    b = formulaic("Datta Khel", "seven", "Thursday", "three")
    jac, _ = neardup.similarity(neardup.shingles(a), neardup.shingles(b))
    assert jac >= neardup.JACCARD_MIN  # the wording alone would call it a copy
    assert neardup.wire_similarity(neardup.profile(a), b) is None  # the figures say otherwise
    assert neardup.wire_similarity(neardup.profile(a), a.replace("local officials", "officials")) is not None


def test_band_lookup_uses_the_index(sqlite_url: str) -> None:
    engine = open_db(sqlite_url)
    with engine.connect() as conn:
        plan = " ".join(
            str(r[-1])
            for r in conn.execute(
                text("EXPLAIN QUERY PLAN SELECT article_id FROM article_bands WHERE key IN (1, 2, 3)")
            )
        )
    assert "USING" in plan and ("INDEX" in plan or "PRIMARY KEY" in plan), plan


def fake_extractor(
    text: str, published: dt.date | None = None, *, doc_id: str | None = None, comments_start: int | None = None
) -> Extraction:
    """Finds "killing N" and every reader comment mentioning "dead": enough to check what is stored."""
    import re

    events = []
    for m in re.finditer(r"killing (\w+)", text):
        section = "comments" if comments_start is not None and m.start() >= comments_start else "body"
        events.append(
            Event(
                type="drone_strike",
                date=published,
                killed_min=len(m.group(1)),
                killed_max=len(m.group(1)),
                section=section,
                evidence=[Evidence("killed", m.start(1), m.end(1))],
                target_groups=["TTP"],
                named_dead=[],
            )
        )
    claims = [
        Claim(text=m.group(0), start=m.start(), end=m.end(), quantity=int(m.group(1)), unit="killed")
        for m in re.finditer(r"up to (\d+)", text)
    ]
    return Extraction(id=doc_id, events=events, claims=claims)


def test_extraction_stored_with_the_article(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import strikewatch.extract as extract

    monkeypatch.setattr(extract, "extract_article", fake_extractor)
    monkeypatch.setattr(extract, "EXTRACTOR_VERSION", "test-1")
    engine = open_db(db_url)
    a = art(
        "A strike near Wana on Sunday ended up killing three men. Up to 12 died that month.",
        "w.txt",
        published=dt.date(2014, 9, 28),
        published_basis="cli",
        comments="A reader: it was killing seven, not three.",
    )
    out = store_prepared(engine, prepare(a))
    with session_scope(engine) as s:
        row = s.get(Article, out.article_id)
        assert row is not None and row.extractor_version == "test-1" and row.extracted_at is not None
        shown = get_article(s, out.article_id)
    assert shown is not None
    events, claims = shown["events"], shown["claims"]
    assert [(e["section"], e["killed_min"], e["date"]) for e in events] == [
        ("body", len("three"), "2014-09-28"),
        ("comments", len("seven"), "2014-09-28"),
    ]
    joined = a.text + "\n\n" + (a.comments or "")
    ev = events[1]["evidence"][0]
    assert joined[ev["start"] : ev["end"]] == "seven"  # offsets refer to body + comments
    assert events[0]["target_groups"] == ["TTP"]
    assert claims == [] or claims[0]["quantity"] == 12
    with session_scope(engine) as s:
        assert s.scalars(select(EventRow.extractor_version).distinct()).all() == ["test-1"]


def test_failure_while_storing_leaves_nothing(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import strikewatch.extract as extract
    import strikewatch.store.articles as articles

    monkeypatch.setattr(extract, "extract_article", fake_extractor)
    real = articles.write_extraction

    def write_then_fail(*args, **kw):  # type: ignore[no-untyped-def]
        real(*args, **kw)
        raise RuntimeError("disk full")

    monkeypatch.setattr(articles, "write_extraction", write_then_fail)
    engine = open_db(db_url)
    with pytest.raises(RuntimeError):
        store_prepared(engine, prepare(art(" ".join(WIRE) + " killing nine", "x.txt")))
    for table in (Article, RawBlob, EventRow, ClaimRow, ArticleBand, MergeQueue):
        assert count(engine, table) == 0, table


def test_extractor_failure_keeps_article_and_reextract_fixes_it(
    db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import strikewatch.extract as extract
    import strikewatch.merge as merge

    calls: list[list[int] | None] = []
    monkeypatch.setattr(merge, "update_strikes", lambda engine, ids=None: calls.append(ids))

    def broken(*args, **kw):  # type: ignore[no-untyped-def]
        raise ValueError("grammar bug")

    monkeypatch.setattr(extract, "extract_article", broken)
    monkeypatch.setattr(extract, "EXTRACTOR_VERSION", "bad-0")
    (tmp_path / "r.txt").write_text("Officials said a strike near Mir Ali ended by killing five people.\n")
    engine = open_db(db_url)
    rep = ingest_sources(engine, [str(tmp_path / "r.txt")])
    assert len(rep.stored) == 1 and rep.ok and "grammar bug" in rep.warnings[0]
    aid = rep.stored[0].id
    assert calls == [[aid]] and count(engine, MergeQueue) == 0
    with session_scope(engine) as s:
        assert s.get(Article, aid).extractor_version is None  # type: ignore[union-attr]

    monkeypatch.setattr(extract, "extract_article", fake_extractor)
    monkeypatch.setattr(extract, "EXTRACTOR_VERSION", "good-1")
    r = reextract(engine)
    assert r.reextracted == 1 and not r.failed and calls[-1] is None
    assert count(engine, EventRow) == 1 and count(engine, MergeQueue) == 0
    n_calls = len(calls)
    assert reextract(engine).reextracted == 0  # already current
    assert len(calls) == n_calls  # and nothing to re-merge
    monkeypatch.setattr(extract, "EXTRACTOR_VERSION", "good-2")
    assert reextract(engine).reextracted == 1
    assert reextract(engine, all_articles=True).reextracted == 1
    with session_scope(engine) as s:
        assert s.scalars(select(EventRow.extractor_version)).all() == ["good-2"]  # replaced, not added


def test_merge_failure_keeps_queue_for_next_run(db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import strikewatch.merge as merge

    def fail(engine, ids=None):  # type: ignore[no-untyped-def]
        raise RuntimeError("merge bug")

    monkeypatch.setattr(merge, "update_strikes", fail)
    (tmp_path / "a.txt").write_text("A drone strike hit a house in Shawal, killing four.\n")
    engine = open_db(db_url)
    rep = ingest_sources(engine, [str(tmp_path)])
    assert rep.merge_error and "merge bug" in rep.merge_error and not rep.ok
    assert count(engine, MergeQueue) == 1
    calls: list[list[int] | None] = []
    monkeypatch.setattr(merge, "update_strikes", lambda engine, ids=None: calls.append(ids))
    rep2 = ingest_sources(engine, [str(tmp_path)])  # nothing new, but the queue is finished
    assert rep2.ok and len(rep2.present) == 1 and calls == [[rep.stored[0].id]]
    assert count(engine, MergeQueue) == 0
    assert flush_merge_queue(engine) is None and len(calls) == 1  # empty queue: no call


def test_refetched_page_with_same_text_is_present(db_url: str) -> None:
    engine = open_db(db_url)
    body = "Drone strike near Miranshah kills four, officials say."
    a = ArticleIn(raw=b"<html>v1 " + body.encode(), text=body, source="u", url="https://x.example/a")
    b = ArticleIn(raw=b"<html>v2 (new ad) " + body.encode(), text=body, source="u", url="https://x.example/a")
    c = ArticleIn(raw=b"<html>elsewhere " + body.encode(), text=body, source="v", url="https://y.example/a")
    ra, rb, rc = (store_prepared(engine, prepare(x)) for x in (a, b, c))
    assert rb.status == "present" and rb.article_id == ra.article_id
    assert rc.status == "stored" and rc.dup_of == ra.article_id


def test_concurrent_writers_store_each_article_once(db_url: str) -> None:
    engine = open_db(db_url)
    arts = [
        art(
            f"Report {i}: a drone strike in the village of Mir Ali killed {i} people on day {i}, officials said. "
            + " ".join(WIRE[i % 5].split()[: 20 + i]),
            f"{i}.txt",
        )
        for i in range(24)
    ]
    prepared = [prepare(a) for a in arts]
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def worker(order: list[int]) -> None:
        try:
            for i in order:
                outcomes.append(store_prepared(engine, prepared[i]).status)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(list(range(24))[::step],)) for step in (1, -1, 1, -1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert outcomes.count("stored") == 24 and len(outcomes) == 96
    assert count(engine, Article) == 24 and count(engine, RawBlob) == 24


def test_database_failure_mid_run_is_one_clear_error(sqlite_url: str, tmp_path: Path) -> None:
    from strikewatch.errors import UserError

    (tmp_path / "a.txt").write_text("A drone strike hit a house in Shawal on Monday, killing four, officials said.")
    engine = open_db(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE merge_queue"))  # a write every article needs now fails
    with pytest.raises(UserError, match="database error after 0 new articles"):
        ingest_sources(engine, [str(tmp_path)])
    assert count(engine, Article) == 0  # the failed article's transaction was rolled back whole
