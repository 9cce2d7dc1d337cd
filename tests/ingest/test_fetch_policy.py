"""The fetch policy (``strikewatch.ingest.fetch``) through the real ``strikewatch ingest`` and real servers on
127.0.0.1: links found in fetched content never reach inside the network, named urls are fetched as named, links
are fetched concurrently within bounds and a deadline, and a feed's progress is shown."""

from __future__ import annotations

import ipaddress
import json
import os
import pty
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from support.localhttp import LocalSite

from strikewatch.ingest.fetch import Blocked, FetchError, FetchPolicy, address_kind, fetch, parse_allow

SECRET = "INTERNAL-ONLY-7f3a9c"  # what the inside service would leak


def article_html(title: str, sentence: str) -> bytes:
    body = (
        f"{sentence} Officials in the district said the dead had not yet been named and that rescue teams were "
        "still at the site in the afternoon. Residents described hearing two loud blasts shortly after dawn and "
        "said the drones had been circling the valley for several hours before the strike took place."
    )
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        "<meta name='date' content='2015-03-02'></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1><p>{body}</p><p>{body.replace('dawn', 'noon')}</p></article></body></html>"
    ).encode()


def teaser_feed(links: list[str], title: str = "Border Wire", summary: bool = True) -> bytes:
    """An RSS feed of items that only link to their story (with a teaser ending in "…", or no text at all)."""
    items = "".join(
        f"<item><title>Report {i}</title><link>{link}</link><guid>bw-{i}</guid>"
        "<pubDate>Mon, 02 Mar 2015 08:00:00 GMT</pubDate>"
        + (f"<description>Report {i}…</description>" if summary else "") + "</item>"
        for i, link in enumerate(links, 1)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://example.invalid/</link><description>News</description>{items}</channel></rss>"
    ).encode()


@pytest.fixture
def inside() -> Iterator[LocalSite]:
    """A service inside the network that must never be reached through a link: it serves a page that would read
    as an article and holds a secret."""
    with LocalSite() as site:
        page = article_html("Status", f"A drone strike killed four people near Mir Ali, the token {SECRET} says.")
        for path in ("/secret", "/latest/meta-data/"):
            site.page(path, page)
        yield site


def ingest_json(cli: Any, *args: str, db: str, timeout: float = 120) -> tuple[dict[str, Any], Any]:
    proc = cli("ingest", "--format", "json", *args, db=db, timeout=timeout)
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout), proc


def test_links_in_fetched_content_never_reach_inside_the_network(cli, sqlite_url: str, inside: LocalSite) -> None:  # type: ignore[no-untyped-def]
    """A feed (named by the operator, on 127.0.0.1) whose teaser items link to a service inside the network —
    by address, by a name that resolves to loopback, in other spellings of loopback, through a redirect on the
    feed's own host — gets none of them fetched: each item is rejected with the policy's reason, nothing of the
    service is stored. The feed's own host is allowed (its story is stored) and ``--allow-host`` opens the door
    on purpose."""
    p = inside.port
    with LocalSite() as site:
        site.page("/story.html", article_html("Strike near Datta Khel",
                                              "A drone strike killed three people near Datta Khel on Sunday."))
        site.redirect("/go", f"http://127.0.0.1:{p}/secret")  # the feed's own host sends the link inside
        attacks = [
            f"http://127.0.0.1:{p}/secret",
            f"http://localhost:{p}/secret",  # a name: checked after DNS resolution
            f"http://[::1]:{p}/secret",
            f"http://[::ffff:127.0.0.1]:{p}/secret",  # IPv4-mapped IPv6
            f"http://2130706433:{p}/secret",  # 127.0.0.1 as one number
            f"http://0.0.0.0:{p}/secret",  # reaches the local host on Linux
            site.url("/go"),
            "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        ]
        site.page("/feed.xml", teaser_feed([site.url("/story.html"), *attacks], summary=False),
                  "application/rss+xml")
        out, proc = ingest_json(cli, site.url("/feed.xml"), db=sqlite_url)
        assert proc.returncode == 1
        assert inside.hits.total() == 0, inside.hits  # not one request reached the inside service
        assert out["stored"] == 1 and out["articles"][0]["source"].endswith(f"item 1 ({site.url('/story.html')})")
        reasons = {r["source"]: r["reason"] for r in out["rejected_inputs"]}
        assert len(reasons) == len(attacks)
        for link in attacks:
            [reason] = [r for s, r in reasons.items() if s.endswith(f"({link})")]
            assert "its link failed" in reason and ("address" in reason or "is a" in reason), (link, reason)
        assert "loopback address" in reasons[f"{site.url('/feed.xml')} item 2 (http://127.0.0.1:{p}/secret)"]
        assert "cloud-metadata address" in "".join(reasons.values())
        shown = cli("article", "1", db=sqlite_url)
        assert SECRET not in shown.stdout

        # the operator allows that one service (host:port): now it is fetched, and only it
        out, proc = ingest_json(cli, site.url("/feed.xml"), "--allow-host", f"127.0.0.1:{p}", db=sqlite_url)
        assert out["stored"] >= 1 and inside.hits["/secret"] >= 1
        assert inside.hits["/latest/meta-data/"] == 0


def test_a_named_url_is_fetched_as_named_but_its_redirects_are_checked(cli, sqlite_url: str, inside: LocalSite) -> None:  # type: ignore[no-untyped-def]
    """The operator may name a loopback url (that is how these tests and an intranet feed work); a redirect to
    another host from it is content, and is checked; cloud metadata is refused even when named; a bad
    ``--allow-host`` is one line."""
    with LocalSite() as site:
        site.redirect("/elsewhere", inside.url("/secret"))
        site.redirect("/here", "/story.html")
        site.page("/story.html", article_html("Strike near Wana", "A drone strike killed two people near Wana."))
        out, _ = ingest_json(cli, site.url("/here"), site.url("/elsewhere"), "http://169.254.169.254/", db=sqlite_url,
                             timeout=60)
        assert out["stored"] == 1 and inside.hits.total() == 0
        reasons = {r["source"]: r["reason"] for r in out["rejected_inputs"]}
        assert "loopback address" in reasons[site.url("/elsewhere")]
        assert "cloud-metadata address" in reasons["http://169.254.169.254/"]
    bad = cli("ingest", "--allow-host", "not a host!", "x.txt", db=sqlite_url)
    assert bad.returncode == 2 and "--allow-host" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_content_type_and_size_are_checked_before_the_body_is_read(inside: LocalSite) -> None:
    """An endless binary stream is refused by its type at once, an endless text one cut at the cap."""

    def endless(h: Any, ctype: str) -> None:
        h.send_response(200)
        h.send_header("Content-Type", ctype)
        h.end_headers()
        for _ in range(100_000):
            h.wfile.write(b"\0" * 65536)

    inside.route("/bin", lambda h: endless(h, "application/octet-stream"))
    inside.route("/txt", lambda h: endless(h, "text/plain"))
    with pytest.raises(Blocked, match="unsupported content type application/octet-stream"):
        fetch(inside.url("/bin"), named=True, timeout=20)
    with pytest.raises(FetchError, match=r"too large: more than 1\.0 MB"):
        fetch(inside.url("/txt"), named=True, max_bytes=1 << 20, timeout=20)
    with pytest.raises(Blocked, match="loopback"):  # the default: a url found in content
        fetch(inside.url("/secret"))


ADDRESSES = {
    "127.0.0.1": "loopback", "127.8.9.10": "loopback", "::1": "loopback", "10.1.2.3": "private",
    "172.16.5.4": "private", "192.168.0.1": "private", "fd12:3456::1": "private", "169.254.169.254": "metadata",
    "169.254.1.1": "metadata", "fd00:ec2::254": "metadata", "100.100.100.200": "metadata",
    "192.0.0.192": "metadata", "168.63.129.16": "metadata", "fe80::1": "link-local", "224.0.0.251": "multicast",
    "239.255.255.250": "multicast", "ff02::1": "multicast", "0.0.0.0": "unspecified", "::": "unspecified",
    "100.64.0.1": "reserved", "198.18.0.1": "private", "255.255.255.255": "private",
    "::ffff:10.0.0.1": "private", "64:ff9b::a9fe:a9fe": "metadata", "2002:7f00:1::": "loopback",
    "2001:0:4136:e378:8000:63bf:80ff:fffe": "loopback",  # Teredo, client 127.0.0.1
    "93.184.216.34": None, "2606:4700::6810:84e5": None, "8.8.8.8": None,
}  # fmt: skip


def test_address_classes() -> None:
    for addr, want in ADDRESSES.items():
        kind = address_kind(ipaddress.ip_address(addr))
        assert (kind is None) == (want is None) and (want is None or want in str(kind)), (addr, kind)
    allow = parse_allow(["10.0.0.0/8", "intranet.example", "127.0.0.1:8080", "[::1]:9000"])
    assert allow.allows_host("INTRANET.example.", 8443) and allow.allows_host("127.0.0.1", 8080)
    assert allow.allows_host("::1", 9000) and not allow.allows_host("127.0.0.1", 8081)
    assert ipaddress.ip_network("10.0.0.0/8") in allow.networks


def test_links_are_fetched_concurrently_within_bounds_and_a_deadline(cli, sqlite_url: str) -> None:  # type: ignore[no-untyped-def]
    """Teasers' links are fetched several at a time (never more than the per-host bound), a link that trickles
    forever is cut at ``--timeout`` in all (not per read), and the run ends in seconds, not one link after the
    other. Before, links were fetched one at a time and the trickling link held the run for a minute."""

    def slow_story(h: Any) -> None:
        time.sleep(0.4)
        h.send(200, article_html(f"Strike {h.path}", f"A drone strike killed three people near Wana ({h.path})."))

    def trickle(h: Any) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        h.wfile.write(b"<html><body><p>")
        for _ in range(300):  # a minute, a byte at a time: no single read ever waits long
            time.sleep(0.2)
            h.wfile.write(b"x")
            h.wfile.flush()

    silent = socket.socket()  # a site that takes connections and never answers: skipped after 5 timeouts
    silent.bind(("127.0.0.1", 0))
    silent.listen(64)
    dead = [f"http://127.0.0.1:{silent.getsockname()[1]}/d{i}.html" for i in range(12)]
    with LocalSite() as site, silent:
        paths = [f"/s{i}.html" for i in range(18)]
        for path in paths:
            site.route(path, slow_story)
        site.route("/trickle", trickle)
        site.page("/feed.xml", teaser_feed([site.url("/trickle"), *map(site.url, paths), *dead], summary=False),
                  "application/rss+xml")
        t0 = time.monotonic()
        out, _ = ingest_json(cli, site.url("/feed.xml"), "--timeout", "2", "--allow-host",
                             f"127.0.0.1:{silent.getsockname()[1]}", db=sqlite_url, timeout=60)
        secs = time.monotonic() - t0
        assert out["stored"] == 18
        reasons = {r["source"]: r["reason"] for r in out["rejected_inputs"]}
        [trickled] = [r for s, r in reasons.items() if "/trickle" in s]
        assert "timed out after 2 s" in trickled
        assert 2 <= site.max_inflight <= FetchPolicy().per_host, site.max_inflight
        skipped = [r for r in reasons.values() if "skipped:" in r]
        # the dead site: host_failures timeouts make it skipped; by then as many more links as there are free slots
        # for that host may already be waiting (each timeout frees a slot at once), so at most
        # host_failures + per_host - 1 time out and every later link is skipped
        policy = FetchPolicy()
        timed_out = [r for s, r in reasons.items() if "/d" in s and "timed out after 2 s" in r]
        assert len(reasons) == 13, reasons
        assert policy.host_failures <= len(timed_out) <= policy.host_failures + policy.per_host - 1, reasons
        assert len(skipped) == len(dead) - len(timed_out) >= 1, reasons
        assert secs < 45  # generous for a loaded machine; one at a time it cannot end before 60 + 12 x 2 s


def test_a_feeds_progress_is_shown_on_a_terminal(sqlite_url: str) -> None:
    """On a terminal, ingest shows a bar for the feed's items as their links are fetched."""

    def slow_story(h: Any) -> None:
        time.sleep(0.3)
        h.send(200, article_html("Strike", f"A drone strike killed two people near Mir Ali ({h.path})."))

    with LocalSite() as site:
        paths = [f"/p{i}.html" for i in range(24)]
        for path in paths:
            site.route(path, slow_story)
        site.page("/feed.xml", teaser_feed(list(map(site.url, paths))), "application/rss+xml")
        env = dict(os.environ, STRIKEWATCH_DB=sqlite_url, TERM="xterm", COLUMNS="120")
        env.pop("NO_COLOR", None)
        master, slave = pty.openpty()
        proc = subprocess.Popen([sys.executable, "-m", "strikewatch", "ingest", site.url("/feed.xml")],
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave, env=env)
        os.close(slave)
        seen = b""
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
            elif proc.poll() is not None:
                break
        proc.wait(timeout=30)
        os.close(master)
        text = seen.decode("utf-8", "replace")
        assert proc.returncode == 0, text[-2000:]
        assert "feed items" in text and "/24" in text.replace(" ", ""), text[-2000:]
