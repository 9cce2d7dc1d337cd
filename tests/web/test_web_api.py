"""The HTTP API on SQLite and PostgreSQL: filters, sorting, pagination, detail with evidence, stats, exports,
clear 4xx errors, and review behind sign-in + CSRF."""

from __future__ import annotations

import csv
import io
import json
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from strikewatch.db import open_db, session_scope
from strikewatch.web.auth import add_user

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from support.webdata import ARTICLES, EVENTS, seed  # noqa: E402

PASSWORD = "correct horse battery"


@pytest.fixture
def site(db_url: str) -> Iterator[tuple[TestClient, dict[str, Any], Engine]]:
    from strikewatch.web.app import create_app

    engine = open_db(db_url)
    ids = seed(engine, extra=60)
    with session_scope(engine) as s:
        add_user(s, "rita", PASSWORD, "reviewer")
    with TestClient(create_app(db_url, secret="test-secret")) as client:
        yield client, ids, engine


def _login(client: TestClient, name: str = "rita", password: str = PASSWORD) -> str:
    r = client.post("/api/session", json={"name": name, "password": password})
    assert r.status_code == 200, r.text
    return str(r.json()["csrf"])


def test_list_filters_sort_and_pages(site: tuple[TestClient, dict[str, Any], Engine]) -> None:
    c, ids, _ = site
    r = c.get("/api/strikes")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == ids["active"] == 65  # 6 reports of 5 strikes (two of one) + 60 in Kunar
    dates = [x["date"] for x in body["items"] if x["date"]]
    assert dates == sorted(dates, reverse=True)  # newest first by default

    pk = c.get("/api/strikes", params={"country": "pk", "limit": 100}).json()
    assert {x["id"] for x in pk["items"]} == {ids["miranshah"], ids["dande"], ids["wana"], ids["nowhere"]}
    nw = c.get("/api/strikes", params={"admin": "north waziristan"}).json()
    assert {x["id"] for x in nw["items"]} == {ids["miranshah"], ids["dande"]}
    window = c.get("/api/strikes", params={"since": "2012-01-01", "until": "2013-12-31"}).json()
    assert {x["id"] for x in window["items"]} == {ids["wana"], ids["bayda"], ids["nowhere"]}
    everything = c.get("/api/strikes", params={"limit": 1000}).json()["items"]
    grades = {x["grade"] for x in everything}
    assert grades and grades <= {"confirmed", "fair", "weak", "contested", "discounted"}
    for g in grades:
        want = {x["id"] for x in everything if x["grade"] == g}
        got = c.get("/api/strikes", params={"grade": g, "limit": 1000}).json()["items"]
        assert {x["id"] for x in got} == want
    two = sorted(grades)[:2]
    both = c.get("/api/strikes", params=[("grade", two[0]), ("grade", two[-1]), ("limit", 1000)]).json()
    assert both["total"] == sum(1 for x in everything if x["grade"] in two)
    assert c.get("/api/strikes", params={"grade": ",".join(two)}).json()["total"] == both["total"]
    big = c.get("/api/strikes", params={"min_killed": 6}).json()
    assert {x["id"] for x in big["items"]} == {ids["miranshah"], ids["wana"]}
    top = c.get("/api/strikes", params={"sort": "-killed", "limit": 3}).json()["items"]
    assert [x["id"] for x in top[:2]] == [ids["wana"], ids["miranshah"]]

    seen: list[int] = []
    for offset in range(0, 65, 20):
        page = c.get("/api/strikes", params={"limit": 20, "offset": offset, "sort": "date"}).json()
        assert page["total"] == 65
        seen.extend(x["id"] for x in page["items"])
    assert len(seen) == len(set(seen)) == 65  # pages are disjoint and cover every record
    assert c.get("/api/strikes", params={"offset": 1000}).json()["items"] == []


def test_strike_detail_has_sources_and_evidence(site: tuple[TestClient, dict[str, Any], Engine]) -> None:
    c, ids, _ = site
    rec = c.get(f"/api/strikes/{ids['miranshah']}").json()
    assert (rec["killed_min"], rec["killed_max"]) == (4, 6)
    assert len(rec["sources"]) == 2
    quotes = {q["text"] for s in rec["sources"] for q in s["event"]["quotes"]}
    assert "At least four people were killed" in quotes and "Six people were killed" in quotes
    assert rec["audit"] == [] and rec["claims"] == []
    wana = c.get(f"/api/strikes/{ids['wana']}").json()
    [claim] = wana["claims"]  # the aggregate claim its article makes, with its span
    art_text = c.get(f"/api/articles/{claim['article_id']}").json()["text"]
    assert art_text[claim["start"]:claim["end"]] == claim["text"] and claim["quantity"] == 140
    missing = c.get("/api/strikes/999999")
    assert missing.status_code == 404 and "999999" in missing.json()["error"]

    art = c.get(f"/api/articles/{ids['articles'][1]}").json()
    assert art["text"].startswith(ARTICLES[1]["text"]) and art["comments_start"] == len(ARTICLES[1]["text"]) + 2
    ev = art["events"][0]
    for e in ev["evidence"]:
        assert art["text"][e["start"]:e["end"]] in EVENTS[1][2].values()
    assert art["strike_ids"] == [ids["miranshah"]]


def test_stats_exports(site: tuple[TestClient, dict[str, Any], Engine]) -> None:
    c, ids, _ = site
    st_ = c.get("/api/stats", params={"period": "month", "country": "PK"}).json()
    assert st_["undated"] == 0
    series = {row["period"]: row for row in st_["series"]}
    assert series["2014-06"]["strikes"] == 2 and series["2014-06"]["killed_max"] == 9
    assert series["2012-03"]["killed_min"] == 10
    assert series["2013-01"]["strikes"] == 0  # empty months between are kept (the Yemen one is filtered out)
    assert series["2013-07"]["strikes"] == 1  # the record without coordinates still counts
    assert st_["totals"]["strikes"] == sum(r["strikes"] for r in st_["series"]) == 4
    weeks = c.get("/api/stats", params={"period": "week", "since": "2014-01-01"}).json()["series"]
    assert [w["period"] for w in weeks] == ["2014-06-09", "2014-06-16"]  # weeks start on Monday
    assert c.get("/api/stats", params={"period": "decade"}).status_code == 422

    geo = c.get("/api/strikes.geojson", params={"country": "PK"})
    assert geo.headers["content-type"].startswith("application/geo+json")
    fc = geo.json()
    by_id = {f["id"]: f for f in fc["features"] if f.get("geometry")}
    assert set(by_id) == {ids["miranshah"], ids["dande"], ids["wana"]}  # the one placed only to the country: none
    assert fc["skipped_no_coordinates"] == 1 and ids["nowhere"] not in by_id
    assert by_id[ids["wana"]]["geometry"]["coordinates"] == [69.57, 32.3]
    text = c.get("/api/strikes.csv", params={"min_killed": 10}).text
    assert text.startswith("\ufeff")  # a byte-order mark: Excel reads the file as UTF-8
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [int(r["id"]) for r in rows] == [ids["wana"]] and rows[0]["killed_max"] == "15"
    assert "source_urls" in rows[0] and int(rows[0]["n_evidence"]) > 0  # a sheet names its sources


BAD_PARAMS: list[dict[str, Any]] = [
    {"since": "yesterday"}, {"until": "2014-13-01"}, {"sort": "random"}, {"limit": 0}, {"limit": 100000},
    {"offset": -1}, {"grade": "excellent"}, {"country": "PAK"}, {"min_killed": -3}, {"min_killed": 10**12},
    {"since": "2015-01-01", "until": "2014-01-01"}, {"offset": "many"},
]


def test_bad_parameters_are_clear_4xx(site: tuple[TestClient, dict[str, Any], Engine]) -> None:
    c, _, _ = site
    for params in BAD_PARAMS:
        for path in ("/api/strikes", "/api/strikes.csv", "/api/strikes.geojson", "/api/stats"):
            if path != "/api/strikes" and set(params) & {"sort", "limit", "offset"}:
                continue
            r = c.get(path, params=params)
            assert 400 <= r.status_code < 500, (path, params, r.status_code)
            body = r.json()
            assert body["status"] == r.status_code and isinstance(body["error"], str) and body["error"]
            name = next(iter(params))
            assert name in body["error"] or "grade" in body["error"] or "since" in body["error"], body
    for path in ("/api/strikes/0", "/api/strikes/abc", "/api/strikes/99999999999", "/api/articles/-1"):
        r = c.get(path)
        assert r.status_code == 422 and r.json()["error"]
    assert c.get("/api/nothing-here").json() == {"error": "not found", "status": 404}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(
    st.sampled_from(["since", "until", "country", "admin", "grade", "min_killed", "sort", "limit", "offset"]),
    st.one_of(st.text(max_size=12), st.integers(min_value=-(2**70), max_value=2**70).map(str)),
    max_size=4,
))
def test_no_query_string_causes_5xx(sqlite_site: TestClient, params: dict[str, str]) -> None:
    r = sqlite_site.get("/api/strikes", params=params)
    assert r.status_code < 500, (params, r.text)
    r = sqlite_site.get("/strikes", params=params, headers={"accept": "text/html"})
    assert r.status_code < 500, (params, r.text)


@pytest.fixture
def sqlite_site(sqlite_url: str) -> Iterator[TestClient]:
    from strikewatch.web.app import create_app

    seed(open_db(sqlite_url))
    with TestClient(create_app(sqlite_url, secret="s")) as client:
        yield client


REVIEW_CALLS: list[tuple[str, dict[str, Any]]] = [
    ("/api/review/merge", {"ids": [1, 2], "reason": "same strike"}),
    ("/api/review/split", {"id": 1, "event_ids": [1], "reason": "two strikes"}),
    ("/api/review/set", {"id": 1, "field": "killed_max", "value": 7, "reason": "correction"}),
    ("/api/review/reject", {"id": 1, "reason": "not a strike"}),
]


def test_review_refused_without_session_or_csrf(site: tuple[TestClient, dict[str, Any], Engine]) -> None:
    c, ids, _ = site
    for path, body in REVIEW_CALLS:
        assert c.post(path, json=body).status_code == 401
        assert c.post(path, json={"junk": True}).status_code == 401  # refused before the body is even read
    # HTML forms as well
    assert c.post("/review/merge", data={"ids": ["1", "2"], "reason": "x"}).status_code == 401
    csrf = _login(c)
    for path, body in REVIEW_CALLS:
        assert c.post(path, json=body).status_code == 403  # no CSRF token
        assert c.post(path, json=body, headers={"X-CSRF-Token": csrf + "x"}).status_code == 403
    assert c.post("/review/merge", data={"ids": ["1", "2"], "reason": "x", "csrf_token": "nope"}).status_code == 403
    # nothing changed
    assert c.get(f"/api/strikes/{ids['dande']}").json()["status"] == "active"
    assert c.get("/api/audit").json()["items"] == []


def test_reviewer_merges_and_the_audit_records_it(site: tuple[TestClient, dict[str, Any], Engine]) -> None:
    c, ids, _ = site
    cookie = c.post("/api/session", json={"name": "rita", "password": PASSWORD})
    set_cookie = cookie.headers["set-cookie"].lower()
    assert "httponly" in set_cookie and "samesite=strict" in set_cookie and "max-age=" in set_cookie
    csrf = cookie.json()["csrf"]
    before = c.get("/api/strikes").json()["total"]
    r = c.post("/api/review/merge", json={"ids": [ids["dande"], ids["miranshah"]], "reason": "one strike, two names"},
               headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200, r.text
    kept = r.json()["strike_id"]
    assert kept in (ids["miranshah"], ids["dande"])
    gone = ids["dande"] if kept == ids["miranshah"] else ids["miranshah"]
    assert c.get("/api/strikes").json()["total"] == before - 1
    rec = c.get(f"/api/strikes/{kept}").json()
    assert len(rec["sources"]) == 3 and rec["killed_min"] <= 3 and rec["killed_max"] >= 6
    assert rec["audit"][0]["action"] == "merge" and rec["audit"][0]["by"] == "rita"
    assert rec["audit"][0]["reason"] == "one strike, two names"
    old = c.get(f"/api/strikes/{gone}").json()
    assert old["status"] == "merged"
    audit = c.get("/api/audit").json()["items"]
    assert len(audit) == 1 and audit[0]["action"] == "merge"
    # a merged record cannot be merged again; a missing reason is refused; both are clear 4xx
    again = c.post("/api/review/merge", json={"ids": [gone, ids["wana"]], "reason": "x"},
                   headers={"X-CSRF-Token": csrf})
    assert again.status_code == 400 and str(gone) in again.json()["error"]
    assert c.post("/api/review/reject", json={"id": ids["wana"], "reason": ""},
                  headers={"X-CSRF-Token": csrf}).status_code == 422
    edit = c.post("/api/review/set", json={"id": ids["wana"], "field": "killed_max", "value": 16,
                                           "reason": "later report"}, headers={"X-CSRF-Token": csrf})
    assert edit.status_code == 200
    assert c.get(f"/api/strikes/{ids['wana']}").json()["killed_max"] == 16
    bad = c.post("/api/review/set", json={"id": ids["wana"], "field": "password", "value": 1, "reason": "x"},
                 headers={"X-CSRF-Token": csrf})
    assert bad.status_code == 422 and "password" in bad.json()["error"]  # a field not settable: the validator
    assert len(c.get("/api/audit").json()["items"]) == 2


def test_login_rate_limit_and_logout(sqlite_url: str, cli: Any) -> None:
    from strikewatch.web.app import create_app

    engine = open_db(sqlite_url)
    with session_scope(engine) as s:
        add_user(s, "omar", PASSWORD)
    with TestClient(create_app(sqlite_url, secret="s", login_limit=3, login_window=60)) as c:
        for _ in range(3):
            assert c.post("/api/session", json={"name": "omar", "password": "wrong-password"}).status_code == 401
        r = c.post("/api/session", json={"name": "omar", "password": PASSWORD})
        assert r.status_code == 429 and int(r.headers["retry-after"]) > 0 and "try again" in r.json()["error"]
    with TestClient(create_app(sqlite_url, secret="s")) as c:
        csrf = _login(c, "omar")
        assert c.get("/api/session").json()["name"] == "omar"
        assert c.delete("/api/session").status_code == 403  # logout needs the CSRF token too
        assert c.delete("/api/session", headers={"X-CSRF-Token": csrf}).status_code == 200
        assert c.get("/api/session").status_code == 401
        _login(c, "omar")
        disabled = cli("user", "disable", "omar", db=sqlite_url)
        assert disabled.returncode == 0, disabled.stderr
        assert c.get("/api/session").status_code == 401  # a disabled account's session ends at once
    # a cookie signed with another secret is worthless
    with TestClient(create_app(sqlite_url, secret="other")) as c2:
        c2.cookies.set("sw_session", "eyJ1IjoxLCJjIjoieCJ9.forged.sig")
        assert c2.get("/api/session").status_code == 401


def test_openapi_and_local_docs(sqlite_site: TestClient) -> None:
    spec = sqlite_site.get("/openapi.json").json()
    for path in ("/api/strikes", "/api/strikes/{strike_id}", "/api/articles/{article_id}", "/api/stats",
                 "/api/strikes.csv", "/api/strikes.geojson", "/api/review/merge"):
        assert path in spec["paths"], path
    docs = sqlite_site.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert "http://" not in docs and "https://" not in docs  # no CDN
    assert "<script>" not in docs  # no inline script: the strict CSP holds on /docs too
    assert "script-src 'self'" in sqlite_site.get("/docs").headers["content-security-policy"]


def test_strike_json_round_trips(sqlite_site: TestClient) -> None:
    """What the list says about a record is what its detail says."""
    items = sqlite_site.get("/api/strikes", params={"limit": 10}).json()["items"]
    for it in items:
        rec = sqlite_site.get(f"/api/strikes/{it['id']}").json()
        for k in ("date", "country", "killed_min", "killed_max", "grade", "lat", "lon"):
            assert rec[k] == it[k], k
    json.dumps(items)


def test_fast_list_matches_the_merge_views_order(db_url: str) -> None:
    """The web's index-walking list returns exactly the merge stage's order, NULL keys last, on every page."""
    import datetime as dt

    from sqlalchemy import update

    from strikewatch.db.tables import Strike
    from strikewatch.merge import views
    from strikewatch.web import queries

    engine = open_db(db_url)
    ids = seed(engine, extra=30)
    with session_scope(engine) as s:  # some records dated only by a window, some with no toll
        s.execute(update(Strike).where(Strike.id.in_(list(range(1, 40, 4)))).values(
            date=None, date_earliest=dt.date(2011, 5, 1), date_latest=dt.date(2011, 5, 31)))
        s.execute(update(Strike).where(Strike.id.in_(list(range(2, 40, 5)))).values(killed_max=None))
    with session_scope(engine) as s:
        for sort in queries.SORT_KEYS:
            for flt, kw in ((queries.StrikeFilter(), {}), (queries.StrikeFilter(country="AF"), {"country": "AF"})):
                want, n = views.list_strikes(s, sort=sort, limit=None, **kw)
                got: list[int] = []
                for offset in range(0, n + 7, 7):
                    page, total = queries.list_strikes(s, flt, sort=sort, limit=7, offset=offset)
                    assert total == n
                    got.extend(r["id"] for r in page)
                assert got == [r["id"] for r in want], sort
    assert ids["active"] == 35


def test_reviewer_splits_and_rejects(site: tuple[TestClient, dict[str, Any], Engine]) -> None:
    c, ids, _ = site
    csrf = _login(c)
    h = {"X-CSRF-Token": csrf}
    kept = c.post("/api/review/merge", json={"ids": [ids["miranshah"], ids["dande"]], "reason": "same strike"},
                  headers=h).json()["strike_id"]
    dande_event = ids["events"][2]
    r = c.post("/api/review/split", json={"id": kept, "event_ids": [dande_event], "reason": "a week apart after all"},
               headers=h)
    assert r.status_code == 200, r.text
    new_id = r.json()["new_id"]
    assert new_id not in (ids["miranshah"], ids["dande"])  # ids are never reused
    rec = c.get(f"/api/strikes/{kept}").json()
    assert len(rec["sources"]) == 2 and dande_event not in {s["event_id"] for s in rec["sources"]}
    new = c.get(f"/api/strikes/{new_id}").json()
    assert [s["event_id"] for s in new["sources"]] == [dande_event] and new["status"] == "active"
    # splitting off every report is refused with a clear message
    every = c.post("/api/review/split", json={"id": new_id, "event_ids": [dande_event], "reason": "x"}, headers=h)
    assert every.status_code == 400 and "reject" in every.json()["error"]
    rej = c.post("/api/review/reject", json={"id": new_id, "reason": "not a strike"}, headers=h)
    assert rej.status_code == 200
    listed = {x["id"] for x in c.get("/api/strikes", params={"limit": 1000}).json()["items"]}
    assert new_id not in listed and kept in listed
    actions = [a["action"] for a in c.get("/api/audit").json()["items"]]
    assert actions == ["reject", "split", "merge"]  # newest first, nothing rewritten
    assert [a["action"] for a in c.get(f"/api/strikes/{new_id}").json()["audit"]] == ["reject", "split"]
