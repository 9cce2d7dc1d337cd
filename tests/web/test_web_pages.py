"""HTML pages and CLI commands of the web stage: security headers, no inline script, HTML errors, the sign-in
form with its CSRF token, review through forms, `strikewatch user add` and `strikewatch export-site`."""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from strikewatch.db import open_db

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from support.webdata import seed  # noqa: E402

PASSWORD = "a long enough password"
HTML = {"accept": "text/html"}


@pytest.fixture
def site(sqlite_url: str) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    from strikewatch.db import session_scope
    from strikewatch.web.app import create_app
    from strikewatch.web.auth import add_user

    engine = open_db(sqlite_url)
    ids = seed(engine, extra=3)
    with session_scope(engine) as s:
        add_user(s, "rita", PASSWORD)
    with TestClient(create_app(sqlite_url, secret="pages")) as client:
        yield client, ids


def _pages(ids: dict[str, Any]) -> list[str]:
    return ["/", "/timeline", "/strikes", f"/strikes/{ids['miranshah']}", f"/articles/{ids['articles'][1]}",
            "/audit", "/about", "/login", "/docs", "/strikes?country=PK&sort=-killed&grade=fair"]


def test_pages_have_security_headers_and_no_inline_script(site: tuple[TestClient, dict[str, Any]]) -> None:
    c, ids = site
    for path in _pages(ids):
        r = c.get(path, headers=HTML)
        assert r.status_code == 200, path
        h = r.headers
        assert "script-src 'self'" in h["content-security-policy"] and "unsafe-eval" not in h["content-security-policy"]
        assert "frame-ancestors 'none'" in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", r.text, flags=re.S)
        for attrs, body in scripts:
            assert body.strip() == "", f"inline script on {path}"
            src = re.search(r'src="([^"]+)"', attrs)
            assert src and src.group(1).startswith("/static/"), (path, attrs)
        assert not re.search(r'(src|href)="(https?:)?//(?!127\.0\.0\.1)', r.text.replace('href="http', 'x="')), path
        assert " style=" not in r.text and "<style" not in r.text, f"inline style on {path}"  # style-src 'self'
        assert not re.search(r"<[^>]+\son[a-z]+=", r.text), f"inline event handler on {path}"


def test_strike_page_links_claims_to_their_place_in_the_article(site: tuple[TestClient, dict[str, Any]]) -> None:
    c, ids = site
    page = c.get(f"/strikes/{ids['wana']}", headers=HTML).text
    m = re.search(r'href="(/articles/\d+)#(claim-\d+)">“140 people have died', page)
    assert m, "claim not linked"
    article = c.get(m.group(1), headers=HTML).text
    assert re.search(rf'<mark class="evidence" id="{m.group(2)}"[^>]*>140 people have died', article)


def test_html_errors_are_pages_not_tracebacks(site: tuple[TestClient, dict[str, Any]]) -> None:
    c, _ = site
    r = c.get("/strikes/999999", headers=HTML)
    assert r.status_code == 404 and "no strike record 999999" in r.text and "<html" in r.text
    bad = c.get("/strikes?since=last+week&min_killed=many&grade=great", headers=HTML)
    assert bad.status_code == 400
    for words in ("since", "min killed", "grade"):
        assert words in bad.text
    assert c.get("/no/such/page", headers=HTML).status_code == 404
    assert c.get("/articles/0", headers=HTML).status_code == 422


def _field(html: str, name: str) -> str:
    m = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert m, name
    return m.group(1)


def test_sign_in_form_and_review_forms(site: tuple[TestClient, dict[str, Any]]) -> None:
    c, ids = site
    r = c.get("/review", headers=HTML, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    form = c.get("/login", headers=HTML)
    token = _field(form.text, "csrf_token")
    # the form's token is bound to its cookie: without it (a forged cross-site post) sign-in is refused
    forged = c.post("/login", data={"name": "rita", "password": PASSWORD}, follow_redirects=False)
    assert forged.status_code == 403 and "sw_session" not in forged.headers.get("set-cookie", "")
    assert _field(forged.text, "csrf_token") != token  # each form gets a fresh token (and cookie)
    token = _field(forged.text, "csrf_token")
    wrong = c.post("/login", data={"name": "rita", "password": "nope-nope", "csrf_token": token},
                   follow_redirects=False)
    assert wrong.status_code == 401 and "Wrong name or password" in wrong.text
    token = _field(wrong.text, "csrf_token")
    ok = c.post("/login", data={"name": "rita", "password": PASSWORD, "csrf_token": token, "next": "/review"},
                follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/review"
    cookie = ok.headers["set-cookie"].lower()
    assert "sw_session=" in cookie and "httponly" in cookie and "samesite=strict" in cookie

    page = c.get("/review", headers=HTML)
    assert page.status_code == 200 and f'value="{ids["dande"]}"' in page.text
    csrf = _field(page.text, "csrf_token")
    no_reason = c.post("/review/merge", data={"csrf_token": csrf, "ids": [str(ids["dande"]), str(ids["miranshah"])],
                                              "reason": ""}, follow_redirects=False)
    assert no_reason.status_code == 303 and "error" in no_reason.headers["location"]
    merged = c.post("/review/merge", data={"csrf_token": csrf, "ids": [str(ids["dande"]), str(ids["miranshah"])],
                                           "reason": "the same strike"}, follow_redirects=False)
    assert merged.status_code == 303
    kept = min(ids["dande"], ids["miranshah"])
    assert merged.headers["location"] == f"/strikes/{kept}?reviewed=merge"
    shown = c.get(merged.headers["location"], headers=HTML).text
    assert "Saved: merge" in shown and "the same strike" in shown

    edit = c.get(f"/review/strikes/{ids['wana']}", headers=HTML)
    csrf2 = _field(edit.text, "csrf_token")
    assert csrf2 == csrf  # one token per session
    r = c.post(f"/review/strikes/{ids['wana']}/set", data={"csrf_token": csrf, "field": "killed_min", "value": "11",
                                                           "reason": "a later count"}, follow_redirects=False)
    assert r.status_code == 303
    assert c.get(f"/api/strikes/{ids['wana']}").json()["killed_min"] == 11
    audit = c.get("/audit", headers=HTML).text
    assert "the same strike" in audit and "a later count" in audit
    logout = c.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert logout.status_code == 303
    assert c.get("/review", headers=HTML, follow_redirects=False).status_code == 303


def test_cli_user_add(cli: Any, sqlite_url: str) -> None:
    r = cli("user", "add", "sam", "--role", "reviewer", "--password-stdin", db=sqlite_url, input="short\n")
    assert r.returncode == 2 and "at least 8 characters" in r.stderr and "Traceback" not in r.stderr
    r = cli("user", "add", "sam", "--password-stdin", db=sqlite_url, input=PASSWORD + "\n")
    assert r.returncode == 0, r.stderr
    again = cli("user", "add", "sam", "--password-stdin", db=sqlite_url, input=PASSWORD + "\n")
    assert again.returncode == 2 and "already exists" in again.stderr
    bad_role = cli("user", "add", "kim", "--role", "boss", "--password-stdin", db=sqlite_url, input=PASSWORD + "\n")
    assert bad_role.returncode == 2 and "role" in bad_role.stderr
    listed = json.loads(cli("user", "list", "--json", db=sqlite_url).stdout)
    assert [u["name"] for u in listed] == ["sam"] and listed[0]["role"] == "reviewer"
    assert "password" not in json.dumps(listed)
    from strikewatch.db import session_scope
    from strikewatch.db.tables import User
    from strikewatch.web.auth import authenticate

    with session_scope(open_db(sqlite_url)) as s:
        stored = s.query(User).one().password_hash
        assert stored.startswith("$argon2") and PASSWORD not in stored
        assert authenticate(s, "sam", PASSWORD) is not None and authenticate(s, "sam", "wrong-one") is None


def test_cli_export_site(cli: Any, sqlite_url: str, tmp_path: Path) -> None:
    ids = seed(open_db(sqlite_url), extra=2)
    out = tmp_path / "site"
    r = cli("export-site", str(out), db=sqlite_url)
    assert r.returncode == 0, r.stderr
    for name in ("index.html", "timeline.html", "strikes.html", "audit.html", "about.html", "data/strikes.csv",
                 "data/stats-month.json", "static/vendor/leaflet/leaflet.js", "static/js/map.js"):
        assert (out / name).is_file(), name
    fc = json.loads((out / "data" / "strikes.geojson").read_text())
    assert {f["id"] for f in fc["features"]} >= {ids["miranshah"], ids["bayda"]}
    strike_page = (out / "strikes" / f"{ids['miranshah']}.html").read_text()
    assert "At least four people were killed</mark>" in strike_page
    assert f'href="../articles/{ids["articles"][0]}.html#ev-' in strike_page
    # only the boundaries of countries with records are copied
    admin1 = json.loads((out / "static" / "vendor" / "geo" / "admin1" / "index.json").read_text())
    assert set(admin1) == {"PK", "AF", "YE"}
    for page in out.rglob("*.html"):
        text = page.read_text()
        assert not re.search(r'(href|src)="/', text), f"absolute link in {page}"  # relative: any host, any path
        assert "/api/" not in text, page
    again = cli("export-site", str(out), db=sqlite_url)
    assert again.returncode == 2 and "not empty" in again.stderr
    assert cli("export-site", str(out), "--force", db=sqlite_url).returncode == 0
