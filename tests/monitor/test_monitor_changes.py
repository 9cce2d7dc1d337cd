"""The change log: new records and changes to them (a new source, a wider range, a grade change, a review
decision) as rows with increasing ids, on SQLite and PostgreSQL; published as /api/changes and an Atom feed; the
map page's "latest" strip and the sources page; `strikewatch check` over the new tables; the migration's seed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, text

from strikewatch.db import open_db, session_scope
from strikewatch.db.tables import StrikeChange, StrikeReport
from strikewatch.ingest.pipeline import ingest_sources
from strikewatch.merge import review
from strikewatch.merge.changes import list_changes
from strikewatch.ops.integrity import check

# Reports written for these tests.
FIRST = {"id": "dk-1", "published": "2024-03-02", "title": "Drone strike in Datta Khel",
         "text": "A US drone fired two missiles at a compound in Datta Khel, North Waziristan, on Saturday, killing "
                 "three suspected militants, two security officials said."}
SECOND = {"id": "dk-2", "published": "2024-03-03", "title": "Toll rises in Datta Khel",
          "text": "The death toll from Saturday's US drone strike on a compound in Datta Khel, North Waziristan, rose "
                  "to six, local officials said on Sunday. Residents said two of the dead were civilians."}
YEMEN = {"id": "sh-1", "published": "2024-05-10", "title": "Strike in Shabwa",
         "text": "An American drone strike killed four alleged al-Qaeda fighters travelling in a car in Shabwa "
                 "province, Yemen, on Friday, tribal sources said."}
SOMALIA = {"id": "so-1", "published": "2024-06-20", "title": "Strike near Jilib",
           "text": "A US airstrike near Jilib in Middle Juba, Somalia, killed seven al-Shabaab fighters on Thursday, "
                   "the regional command said in a statement."}


def _ingest(engine: Engine, tmp: Path, *articles: dict[str, Any]) -> None:
    path = tmp / f"batch-{articles[0]['id']}.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    report = ingest_sources(engine, [str(path)])
    assert report.ok, report.to_dict()


def _changes(engine: Engine, **kw: Any) -> list[dict[str, Any]]:
    with session_scope(engine) as s:
        return list_changes(s, limit=1000, **kw)


def _strike_of(engine: Engine, ext_id: str) -> int:
    with session_scope(engine) as s:
        sid = s.execute(text("SELECT sr.strike_id FROM strike_reports sr JOIN articles a ON a.id = sr.article_id "
                             "WHERE a.external_id = :e"), {"e": ext_id}).scalar()
    assert sid is not None, f"no record holds {ext_id}"
    return int(sid)


@pytest.fixture
def logged(db_url: str, tmp_path: Path) -> Iterator[Engine]:
    engine = open_db(db_url)
    _ingest(engine, tmp_path, FIRST)
    _ingest(engine, tmp_path, SECOND)
    _ingest(engine, tmp_path, YEMEN, SOMALIA)
    yield engine


def test_new_records_and_changes_are_logged_in_order(logged: Engine) -> None:
    engine = logged
    log = _changes(engine)
    ids = [c["id"] for c in log]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    dk = _strike_of(engine, "dk-1")
    assert _strike_of(engine, "dk-2") == dk
    mine = [c for c in log if c["strike_id"] == dk]
    assert [c["kind"] for c in mine] == ["new", "update"]
    new, upd = mine
    assert new["killed_max"] == 3 and new["diff"]["articles"][0] == [] and len(new["diff"]["articles"][1]) == 1
    assert "new source" in upd["reasons"] and "wider range" in upd["reasons"]
    assert upd["diff"]["killed_max"] == [3, 6]
    removed, added = upd["diff"]["articles"]
    assert removed == [] and len(added) == 1
    assert "1 new source" in upd["summary"] and "killed 3 → 3–6" in upd["summary"]
    # every other record is new exactly once
    others = {c["strike_id"] for c in log} - {dk}
    assert {_strike_of(engine, "sh-1"), _strike_of(engine, "so-1")} <= others
    assert all(c["kind"] == "new" for c in log if c["strike_id"] in others)
    # re-running the merge over everything changes nothing, so logs nothing
    from strikewatch.merge import update_strikes

    update_strikes(engine, None)
    assert [c["id"] for c in _changes(engine)] == ids
    assert check(engine, verify_blobs=False).ok


def test_review_decisions_are_logged(logged: Engine) -> None:
    engine = logged
    dk, ye, so = _strike_of(engine, "dk-1"), _strike_of(engine, "sh-1"), _strike_of(engine, "so-1")
    before = max(c["id"] for c in _changes(engine))
    with session_scope(engine) as s:
        (set_id,) = review.set_fields(s, dk, {"grade": "confirmed"}, by="rita", reason="seen the hospital list")
    with session_scope(engine) as s:
        rej_id = review.reject(s, so, by="rita", reason="the statement describes a raid, not a strike")
    with session_scope(engine) as s:
        merge_id = review.merge(s, dk, ye, by="rita", reason="testing a merge of two records")
    log = _changes(engine, since=before)
    graded = [c for c in log if c["strike_id"] == dk and c["review_action"] == set_id]
    assert len(graded) == 1 and graded[0]["diff"]["grade"][1] == "confirmed"
    assert "grade" in graded[0]["reasons"] and "review" in graded[0]["reasons"]
    rejected = [c for c in log if c["strike_id"] == so]
    assert [c["kind"] for c in rejected] == ["rejected"] and rejected[0]["review_action"] == rej_id
    merged = [c for c in log if c["strike_id"] == ye]
    assert [c["kind"] for c in merged] == ["merged"] and merged[0]["review_action"] == merge_id
    assert merged[0]["diff"]["merged_into"] == [None, dk]
    grown = [c for c in log if c["strike_id"] == dk and c["review_action"] == merge_id]
    assert len(grown) == 1 and "new source" in grown[0]["reasons"]
    assert check(engine, verify_blobs=False).ok


def test_check_finds_an_unlogged_change(sqlite_url: str, tmp_path: Path) -> None:
    engine = open_db(sqlite_url)
    _ingest(engine, tmp_path, FIRST)
    dk = _strike_of(engine, "dk-1")
    with session_scope(engine) as s:  # a writer that bypasses the merge (and so the log)
        s.execute(text("UPDATE strikes SET killed_max = 40 WHERE id = :i"), {"i": dk})
        s.execute(text("UPDATE hooks SET cursor = 0"))
    report = check(engine, verify_blobs=False)
    assert "change_not_logged" in report.codes() and not report.ok
    with session_scope(engine) as s:
        s.execute(text("DELETE FROM strike_state WHERE strike_id = :i"), {"i": dk})
    assert "change_state_missing" in check(engine, verify_blobs=False).codes()


def test_migration_remembers_existing_records_without_announcing_them(sqlite_url: str) -> None:
    """A database with records from before the monitor upgrades with the log's memory filled, no rows."""
    from alembic.command import upgrade
    from sqlalchemy import create_engine

    from strikewatch.db import engine as db_engine

    raw = create_engine(sqlite_url)
    cfg = db_engine._alembic_config(raw)
    with raw.begin() as conn:
        cfg.attributes["connection"] = conn
        upgrade(cfg, "0007_neardup_datasketch")
        conn.execute(text(
            "INSERT INTO strikes (id, status, country, admin2, killed_min, killed_max, target_groups, named_dead, "
            "double_tap, grade, n_sources, n_reports, why, created_at, updated_at) VALUES "
            "(7, 'active', 'PK', 'North Waziristan', 2, 4, '[]', '[]', 0, 'weak', 1, 1, "
            "'{\"members\": [[1, \"k\"]]}', '2020-01-01', '2020-01-01')"))
    raw.dispose()
    engine = open_db(sqlite_url)
    with session_scope(engine) as s:
        assert s.scalars(select(StrikeChange)).all() == []
        state = s.execute(text("SELECT state FROM strike_state WHERE strike_id = 7")).scalar_one()
    assert json.loads(state)["killed_max"] == 4 and json.loads(state)["articles"] == [1]


# --- the web app ---------------------------------------------------------------------------------------------


@pytest.fixture
def client(logged: Engine) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from strikewatch.web.app import create_app
    from strikewatch.web.auth import add_user

    with session_scope(logged) as s:
        add_user(s, "rita", "a long enough password", "reviewer")
    with TestClient(create_app(engine=logged, secret="test")) as c:
        yield c


def test_api_changes_pages_and_filters(client: Any, logged: Engine) -> None:
    everything = client.get("/api/changes?limit=1000").json()
    assert not everything["more"] and everything["next"] == everything["latest"] == everything["items"][-1]["id"]
    got: list[int] = []
    since = 0
    while True:
        page = client.get(f"/api/changes?since={since}&limit=2").json()
        got += [c["id"] for c in page["items"]]
        since = page["next"]
        if not page["more"]:
            break
    assert got == [c["id"] for c in everything["items"]]
    pk = client.get("/api/changes?country=pk").json()
    assert pk["items"] and all(c["country"] == "PK" for c in pk["items"])
    big = client.get("/api/changes?min_killed=6").json()["items"]
    assert big and all(c["killed_max"] >= 6 for c in big)
    nw = client.get("/api/changes?admin2=north%20waziristan").json()["items"]
    assert nw and all(c["admin2"] == "North Waziristan" for c in nw)
    none = client.get("/api/changes?country=IQ").json()
    assert none["items"] == [] and none["next"] == everything["latest"]  # nothing matched: poll on from there
    one = client.get(f"/api/changes/{got[0]}").json()
    assert one["id"] == got[0] and one["record"]["id"] == one["strike_id"]
    assert one["url"] == f"/strikes/{one['strike_id']}"
    assert client.get("/api/changes/999999").status_code == 404
    assert client.get("/api/changes?since=-1").status_code == 422


def test_atom_feed_is_valid_and_filtered(client: Any, logged: Engine) -> None:
    import feedparser
    from lxml import etree

    r = client.get("/feeds/strikes.atom")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(r.content)
    assert not parsed.bozo and parsed.version == "atom10"
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = etree.fromstring(r.content)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    for tag in ("id", "title", "updated", "author/a:name"):  # RFC 4287 4.1.1
        assert root.find(f"a:{tag}", ns) is not None, tag
    assert root.find("a:link[@rel='self']", ns).get("href") == str(r.url)
    entries = root.findall("a:entry", ns)
    log = _changes(logged)
    assert len(entries) == len(log)
    ids = [e.findtext("a:id", namespaces=ns) for e in entries]
    assert len(set(ids)) == len(ids) and ids[0].endswith(f"/api/changes/{log[-1]['id']}")  # newest first
    for e in entries:
        for tag in ("id", "title", "updated"):
            assert e.findtext(f"a:{tag}", namespaces=ns), tag
        assert e.findtext("a:updated", namespaces=ns).endswith("Z")
        assert e.find("a:link[@rel='alternate']", ns).get("href").split("/strikes/")[1].isdigit()
    pk = feedparser.parse(client.get("/feeds/strikes.atom?country=PK&min_killed=6").content)
    assert pk.entries and all("North Waziristan" in e.title for e in pk.entries)
    assert len(pk.entries) < len(entries)
    etag = r.headers["etag"]
    assert client.get("/feeds/strikes.atom", headers={"If-None-Match": etag}).status_code == 304


def test_map_strip_and_sources_page(client: Any, logged: Engine) -> None:
    from strikewatch.monitor.sources import SourceSpec, add_source

    home = client.get("/").text
    assert 'class="latest"' in home and "/feeds/strikes.atom" in home
    newest = _changes(logged)[-1]
    assert f'href="/strikes/{newest["strike_id"]}"' in home.split('class="latest"')[1].split("</section>")[0]
    anon = client.get("/sources", follow_redirects=False)
    assert anon.status_code == 303 and anon.headers["location"].startswith("/login")
    with session_scope(logged) as s:
        add_source(s, SourceSpec("https://news.example.org/feed.xml", name="Example News", every_s=600))
    assert client.post("/api/session", json={"name": "rita", "password": "a long enough password"}).status_code == 200
    page = client.get("/sources")
    assert page.status_code == 200 and "Example News" in page.text and "waiting" in page.text
    assert "<script>" not in page.text and " style=" not in page.text


def test_review_membership_rows_survive(logged: Engine) -> None:
    """The log rides on the merge transaction: a merge that fails leaves neither records nor log changed."""
    engine = logged
    n_before = len(_changes(engine))
    with session_scope(engine) as s:
        before = s.execute(select(StrikeReport.strike_id, StrikeReport.event_id)).all()
    with pytest.raises(RuntimeError), session_scope(engine) as s:
        review.set_fields(s, _strike_of(engine, "dk-1"), {"killed_max": "9"}, by="rita", reason="rolled back")
        raise RuntimeError("the transaction fails after the merge ran")
    assert len(_changes(engine)) == n_before
    with session_scope(engine) as s:
        assert s.execute(select(StrikeReport.strike_id, StrikeReport.event_id)).all() == before
