"""Human review: decisions are audited, applied at once, and survive full re-merges and re-extraction."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from strikewatch.db import open_db, session_scope
from strikewatch.db.tables import ReviewAction, Strike
from strikewatch.errors import UserError
from strikewatch.merge import review, update_strikes
from strikewatch.schema import Event
from swdev.fixtures import add_article, add_events, replace_events

D = dt.date(2013, 1, 8)
NW = "North Waziristan"


def ev(place: str, killed: int, *, day: dt.date = D, target: str | None = None, admin2: str = NW) -> Event:
    return Event(type="drone_strike", perpetrator="US", date=day, date_earliest=day, date_latest=day, country="PK",
                 admin1="Khyber Pakhtunkhwa", admin2=admin2, place=place, geo_precision="place",
                 killed_min=killed, killed_max=killed, target=target)


def store(url: str, text: str, events: list[Event], version: str = "x1", outlet: str = "Frontier Daily") -> int:
    with session_scope(open_db(url)) as s:
        aid = add_article(s, text, outlet=outlet, published=D)
        add_events(s, aid, events, version)
    return aid


def strikes(url: str, status: str | None = "active") -> dict[int, Strike]:
    with session_scope(open_db(url)) as s:
        q = select(Strike).order_by(Strike.id)
        if status:
            q = q.where(Strike.status == status)
        return {x.id: x for x in s.scalars(q)}


def reextract_all(url: str, version: str) -> None:
    """Simulated re-extraction: every article's events replaced by a new version's rows (new ids)."""
    from strikewatch.db.tables import EventRow

    engine = open_db(url)
    with session_scope(engine) as s:
        rows = s.scalars(select(EventRow).order_by(EventRow.article_id, EventRow.idx)).all()
        by_article: dict[int, list[Event]] = {}
        for r in rows:
            by_article.setdefault(r.article_id, []).append(
                ev(r.place or "", r.killed_min or 0, day=r.date or D, target=r.target, admin2=r.admin2 or NW))
        for aid, events in by_article.items():
            replace_events(s, aid, events, version)
    update_strikes(engine, None)


def corpus(url: str) -> dict[str, int]:
    """Haiderkhel and Hassokhel near Mir Ali, the same day (two strikes); a third report names no village."""
    t1 = "A drone strike in Haiderkhel near Mir Ali killed four suspected militants on Tuesday."
    t2 = "Officials said a drone hit a compound in Hassokhel village, Mir Ali tehsil, killing five on Tuesday."
    t3 = "Residents of Haiderkhel said the toll from Tuesday's strike had risen to nine."
    a = store(url, t1, [ev("Haiderkhel", 4)])
    b = store(url, t2, [ev("Hassokhel", 5)], outlet="Tribal News")
    c = store(url, t3, [ev("Haiderkhel", 9)], outlet="Peshawar Herald")
    update_strikes(open_db(url), None)
    return {"a": a, "b": b, "c": c}


def test_merge_survives_remerge_and_reextraction(db_url: str) -> None:
    corpus(db_url)
    by_place = {s.place: s.id for s in strikes(db_url).values()}
    assert set(by_place) == {"Haiderkhel", "Hassokhel"}
    keep, gone = by_place["Haiderkhel"], by_place["Hassokhel"]
    with session_scope(open_db(db_url)) as s:
        review.merge(s, keep, gone, by="analyst-1", reason="TBIJ: one strike on a compound between the villages")

    def check() -> None:
        act = strikes(db_url)
        assert list(act) == [keep]
        assert (act[keep].killed_min, act[keep].killed_max, act[keep].n_reports) == (4, 9, 3)
        every = strikes(db_url, None)
        assert every[gone].status == "merged" and every[gone].merged_into == keep

    check()
    update_strikes(open_db(db_url), None)
    check()
    reextract_all(db_url, "x2")
    check()
    with session_scope(open_db(db_url)) as s:
        log = review.review_log(s)
        assert [a["action"] for a in log] == ["merge"] and log[0]["by"] == "analyst-1"
        assert review.review_log(s, gone)[0]["args"]["other"] == gone


def test_split_survives_remerge_and_reextraction(db_url: str) -> None:
    ids = corpus(db_url)
    hk = next(s for s in strikes(db_url).values() if s.place == "Haiderkhel")
    assert hk.n_reports == 2
    with session_scope(open_db(db_url)) as s:
        _, new_id = review.split(s, hk.id, [f"{ids['c']}@{D.isoformat()}"], by="analyst-2",
                                 reason="the toll of nine belongs to an evening strike the same day")
    def check() -> None:
        act = strikes(db_url)
        assert act[hk.id].n_reports == 1 and act[hk.id].killed_max == 4
        assert act[new_id].n_reports == 1 and act[new_id].killed_max == 9
        assert len(act) == 3

    check()
    update_strikes(open_db(db_url), None)
    check()
    reextract_all(db_url, "x2")
    check()
    # a later report agreeing with the split-off strike joins it, not the original
    t = "Nine people were killed in Haiderkhel on Tuesday, a local official said."
    d = store(db_url, t, [ev("Haiderkhel", 9)], version="x2", outlet="Capital Wire")
    update_strikes(open_db(db_url), [d])
    act = strikes(db_url)
    assert act[new_id].n_reports == 2 and act[hk.id].n_reports == 1


def test_set_and_discount_survive(db_url: str) -> None:
    corpus(db_url)
    hk = next(s for s in strikes(db_url).values() if s.place == "Haiderkhel")
    with session_scope(open_db(db_url)) as s:
        review.set_fields(s, hk.id, {"killed_max": "12", "named_dead": "Commander A; Commander B"}, by="ed",
                          reason="hospital records seen by our reporter")
        review.set_fields(s, hk.id, {"grade": "discounted"}, by="ed", reason="local officials retracted")
    for step in ("now", "remerge", "reextract"):
        if step == "remerge":
            update_strikes(open_db(db_url), None)
        elif step == "reextract":
            reextract_all(db_url, "x3")
        got = strikes(db_url)[hk.id]
        assert got.killed_max == 12 and got.named_dead == ["Commander A", "Commander B"], step
        assert got.grade == "discounted" and "retracted" in (got.grade_reason or ""), step
        assert [o["field"] for o in got.why["overrides"]] == ["killed_max", "named_dead", "grade"]


def test_reject_survives_and_new_reports_do_not_revive(db_url: str) -> None:
    corpus(db_url)
    hs = next(s for s in strikes(db_url).values() if s.place == "Hassokhel")
    with session_scope(open_db(db_url)) as s:
        review.reject(s, hs.id, by="ed", reason="a gas cylinder explosion, not a strike")
    reextract_all(db_url, "x2")
    every = strikes(db_url, None)
    assert every[hs.id].status == "rejected" and every[hs.id].why["rejected"]["by"] == "ed"
    t = "A drone strike on a compound in Hassokhel killed five people on Tuesday."
    d = store(db_url, t, [ev("Hassokhel", 5)], version="x2", outlet="Capital Wire")
    update_strikes(open_db(db_url), [d])
    act = [s for s in strikes(db_url).values() if s.place == "Hassokhel"]
    assert len(act) == 1 and act[0].id != hs.id and act[0].n_reports == 1
    assert strikes(db_url, None)[hs.id].status == "rejected"


def test_review_refuses_bad_requests_and_logs_nothing(db_url: str) -> None:
    corpus(db_url)
    ids = sorted(strikes(db_url))
    single = next(x for x in strikes(db_url).values() if x.n_reports == 1)
    engine = open_db(db_url)
    bad = [
        lambda s: review.merge(s, ids[0], ids[1], by="ed", reason=" "),
        lambda s: review.merge(s, ids[0], ids[1], by="", reason="same"),
        lambda s: review.merge(s, ids[0], ids[0], by="ed", reason="same"),
        lambda s: review.merge(s, ids[0], 999, by="ed", reason="same"),
        lambda s: review.split(s, ids[0], ["77@2013-01-08"], by="ed", reason="x"),
        lambda s: review.split(s, single.id, [str(single.why["members"][0][0])], by="ed", reason="all of them"),
        lambda s: review.set_fields(s, ids[0], {"killed_max": "-3"}, by="ed", reason="x"),
        lambda s: review.set_fields(s, ids[0], {"colour": "red"}, by="ed", reason="x"),
        lambda s: review.set_fields(s, ids[0], {"grade": "certain"}, by="ed", reason="x"),
    ]
    for fn in bad:
        with pytest.raises(UserError), session_scope(engine) as s:
            fn(s)
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(ReviewAction)) == 0


def test_web_apply_action(db_url: str) -> None:
    corpus(db_url)
    ids = sorted(strikes(db_url))
    engine = open_db(db_url)
    with session_scope(engine) as s:
        res = review.apply_action(s, "merge", {"ids": ids}, by="web", reason="one strike")
    assert res["strike_id"] == ids[0] and list(strikes(db_url)) == [ids[0]]
    with session_scope(engine) as s:
        from strikewatch.db.tables import StrikeReport

        eid = s.scalars(select(StrikeReport.event_id).where(StrikeReport.strike_id == ids[0])
                        .order_by(StrikeReport.event_id)).first()
        res = review.apply_action(s, "split", {"id": ids[0], "event_ids": [eid]}, by="web", reason="two")
    assert len(strikes(db_url)) == 2 and res["new_id"] in strikes(db_url)


def test_review_cli(sqlite_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    corpus(sqlite_url)
    ids = sorted(strikes(sqlite_url))
    r = cli("review", "merge", str(ids[0]), str(ids[1]), "--by", "analyst", db=sqlite_url)
    assert r.returncode == 2 and "--reason" in r.stderr and "Traceback" not in r.stderr
    r = cli("review", "merge", str(ids[0]), str(ids[1]), "--by", "analyst", "--reason", "one strike",
            db=sqlite_url)
    assert r.returncode == 0, r.stderr
    r = cli("review", "set", str(ids[0]), "killed_max=11", "place=Mir Ali", "--by", "analyst", "--reason",
            "hospital list", db=sqlite_url)
    assert r.returncode == 0, r.stderr
    r = cli("review", "set", str(ids[0]), "killed_max=many", "--by", "a", "--reason", "r", db=sqlite_url)
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    r = cli("strike", str(ids[0]), "--format", "json", db=sqlite_url)
    rec = json.loads(r.stdout)
    assert rec["killed_max"] == 11 and rec["place"] == "Mir Ali" and rec["n_reports"] == 3
    keys = rec["reports"]
    r = cli("review", "split", str(ids[0]), "--reports", keys[0], "--by", "analyst", "--reason", "separate",
            db=sqlite_url)
    assert r.returncode == 0, r.stderr
    new_id = int(r.stdout.strip())
    r = cli("review", "reject", str(new_id), "--by", "analyst", "--reason", "not a strike", db=sqlite_url)
    assert r.returncode == 0, r.stderr
    r = cli("review", "log", "--format", "json", db=sqlite_url)
    log = json.loads(r.stdout)
    assert [a["action"] for a in log] == ["merge", "set", "set", "split", "reject"]
    assert all(a["by"] == "analyst" and a["reason"] for a in log)
    r = cli("review", "log", db=sqlite_url)
    assert r.returncode == 0 and "split" in r.stdout


def test_split_follows_a_report_whose_date_the_new_extractor_reads_differently(db_url: str) -> None:
    ids = corpus(db_url)
    hk = next(s for s in strikes(db_url).values() if s.place == "Haiderkhel")
    with session_scope(open_db(db_url)) as s:
        _, new_id = review.split(s, hk.id, [str(ids["c"])], by="ed", reason="evening strike")
    engine = open_db(db_url)
    # the new extractor dates article c a day later ("late on Tuesday") and reads its toll as four: on its own
    # merits it would now join the original strike, but the reviewer's split still holds it apart
    with session_scope(engine) as s:
        replace_events(s, ids["c"], [ev("Haiderkhel", 4, day=D + dt.timedelta(days=1))], "x9")
    update_strikes(engine, None)
    act = strikes(db_url)
    assert act[new_id].n_reports == 1 and act[new_id].date == D + dt.timedelta(days=1)
    assert act[hk.id].n_reports == 1 and act[hk.id].date == D
