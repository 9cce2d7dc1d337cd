"""URLs and RSS/Atom feeds, served by a real HTTP server on 127.0.0.1 (no outside network)."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from strikewatch.ingest.read import Input, ReadOptions, Rejected, read_input
from strikewatch.schema import ArticleIn

STORY = (
    "Security officials in Peshawar said a drone fired four missiles into a madrassa compound in the Shawal area "
    "before dawn on Thursday. They put the death toll at eleven, among them several foreigners, and said the "
    "building was destroyed. Residents reached by telephone said they could not approach the site because more "
    "drones were heard overhead for most of the morning. Neither government commented on the strike."
)
FULL_ITEM = (
    "A US drone strike on a vehicle near Wana killed three people on Saturday, according to two intelligence "
    "officials. The officials said the vehicle was carrying fighters from a group based in South Waziristan. It "
    "was the second strike in the area in a week. Tribal elders said the dead were local men and demanded an "
    "inquiry, while the provincial government said it had no information about the identities of those killed."
)


def story_page(title: str, body: str) -> bytes:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:site_name' content='Valley Times'>"
        f"<meta name='date' content='2014-10-09'></head><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav>"
        f"<article><h1>{title}</h1><p>{body}</p><p>{body.replace('Thursday', 'that day')}</p></article>"
        f"<footer>All rights reserved</footer></body></html>"
    ).encode()


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Times</title><link>{base}/</link><description>News</description>
<item><title>Three killed near Wana</title><link>{base}/never-fetch.html</link>
<guid>vt-1</guid><pubDate>Sat, 04 Oct 2014 10:00:00 GMT</pubDate>
<description>Three killed near Wana.</description>
<content:encoded><![CDATA[<p>{FULL_ITEM}</p>]]></content:encoded></item>
<item><title>Eleven dead in Shawal strike</title><link>{base}/story2.html</link>
<guid>vt-2</guid><pubDate>Thu, 09 Oct 2014 08:00:00 GMT</pubDate>
<description>Security officials said a drone fired four missiles into a compound…</description></item>
<item><title>Officials report strike</title><link>{base}/missing.html</link>
<guid>vt-3</guid><pubDate>Fri, 10 Oct 2014 08:00:00 GMT</pubDate>
<description>Officials in Miranshah reported a drone strike on Friday; details were not yet known.</description></item>
<item><title>Nothing here</title><link>{base}/missing2.html</link><guid>vt-4</guid></item>
</channel></rss>""".encode()


def atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Frontier Wire</title><id>urn:fw</id>
<updated>2014-10-05T00:00:00Z</updated>
<entry><title>Strike near Wana</title><id>urn:fw:1</id><link href="{base}/atom-1.html"/>
<published>2014-10-05T07:00:00Z</published><updated>2014-10-06T07:00:00Z</updated>
<content type="html">&lt;p&gt;{FULL_ITEM}&lt;/p&gt;</content></entry></feed>""".encode()


class Handler(BaseHTTPRequestHandler):
    requests: list[str] = []

    def log_message(self, *args: object) -> None:
        return None

    def _send(self, code: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        Handler.requests.append(self.path)
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        p = self.path
        if p == "/story.html" or p == "/story2.html":
            self._send(200, story_page("Eleven dead in Shawal strike", STORY))
        elif p == "/moved":
            self._send(302, b"", Location="/story.html")
        elif p.startswith("/loop"):
            n = int(p[5:] or 0)
            self._send(302, b"", Location=f"/loop{n + 1}")
        elif p == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()  # no Content-Length: the cap must stop the stream itself
            for _ in range(64):
                self.wfile.write(b"drone " * 10_000)
        elif p == "/slow":
            time.sleep(2.0)
            self._send(200, b"late")
        elif p == "/feed.xml":
            self._send(200, rss(base), "application/rss+xml")
        elif p == "/atom":
            self._send(200, atom(base), "application/atom+xml")
        elif p == "/plain.txt":
            self._send(200, (STORY + "\n").encode(), "text/plain; charset=utf-8")
        elif p == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        else:
            self._send(404, b"not found")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def read_url(url: str, **kw: object) -> list[ArticleIn | Rejected]:
    return list(read_input(Input(url, "url"), ReadOptions(**kw)))  # type: ignore[arg-type]


def test_page_by_url_with_redirect(server: str) -> None:
    [art] = read_url(server + "/moved")
    assert isinstance(art, ArticleIn)
    assert "four missiles into a madrassa compound" in art.text
    assert "Home" not in art.text and "All rights reserved" not in art.text
    assert art.url == server + "/story.html"
    assert art.source == server + "/moved"
    assert (art.published, art.published_basis) == (dt.date(2014, 10, 9), "html-meta")
    assert art.outlet == "Valley Times"


def test_plain_text_url(server: str) -> None:
    [art] = read_url(server + "/plain.txt", published=dt.date(2014, 10, 9))
    assert isinstance(art, ArticleIn) and art.text == STORY
    assert (art.published, art.published_basis) == (dt.date(2014, 10, 9), "cli")


def test_url_failures_are_one_line_reasons(server: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    cases = {
        server + "/nothing": "HTTP 404",
        server + "/loop": "too many redirects",
        server + "/big": "too large",
        server + "/slow": "timed out",
        server + "/image.png": "unsupported content type image/png",
        f"http://127.0.0.1:{closed_port}/": "unreachable",
    }
    for url, reason in cases.items():
        [rej] = read_url(url, max_bytes=1_000_000, timeout=0.5)
        assert isinstance(rej, Rejected), url
        assert reason in rej.reason, (url, rej.reason)
        assert "\n" not in rej.reason and rej.source == url


def test_rss_items_use_own_content_and_fetch_only_teasers(server: str) -> None:
    Handler.requests.clear()
    items = read_url(server + "/feed.xml")
    assert len(items) == 4
    full, fetched, summary_only, nothing = items
    assert isinstance(full, ArticleIn) and full.text == FULL_ITEM
    assert (full.published, full.published_basis) == (dt.date(2014, 10, 4), "feed")
    assert full.outlet == "Valley Times" and full.external_id == "vt-1" and full.title == "Three killed near Wana"
    assert "/never-fetch.html" not in Handler.requests  # full content in the feed: link not fetched
    assert isinstance(fetched, ArticleIn) and "four missiles into a madrassa compound" in fetched.text
    assert fetched.content_type == "text/html" and fetched.url == server + "/story2.html"
    assert (fetched.published, fetched.published_basis) == (dt.date(2014, 10, 9), "feed")
    # link broken but the item has a summary: the summary is kept
    assert isinstance(summary_only, ArticleIn) and "details were not yet known" in summary_only.text
    assert isinstance(nothing, Rejected) and "HTTP 404" in nothing.reason and "item 4" in nothing.source
    # the raw record of a feed item is deterministic, so re-reading the feed is idempotent
    again = read_url(server + "/feed.xml")
    assert isinstance(again[0], ArticleIn) and again[0].raw == full.raw


def test_atom_feed(server: str) -> None:
    [art] = read_url(server + "/atom")
    assert isinstance(art, ArticleIn) and art.text == FULL_ITEM
    assert (art.published, art.published_basis, art.outlet) == (dt.date(2014, 10, 5), "feed", "Frontier Wire")


def test_feed_file_on_disk(tmp_path, server: str) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "saved.rss"
    f.write_bytes(rss(server))
    items = list(read_input(Input(str(f), "feed"), ReadOptions()))
    assert sum(isinstance(i, ArticleIn) for i in items) == 3
    bad = tmp_path / "bad.xml"
    bad.write_text("<?xml version='1.0'?><notafeed><x>1</x></notafeed>")
    [rej] = list(read_input(Input(str(bad), "feed"), ReadOptions()))
    assert isinstance(rej, Rejected) and "feed" in rej.reason
