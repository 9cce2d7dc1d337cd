"""Local HTTP servers for the monitor's tests and benchmark, on 127.0.0.1 (real sockets, real HTTP).

``FeedServer`` publishes RSS feeds whose items appear over time, with ETag/Last-Modified and 304s, and can be told
to answer 500s, answer slowly, change its item ids on every request, serve a malformed feed, or carry thousands
of items; item links lead to article pages on the same server. ``HookReceiver`` records webhook POSTs (body and
headers) and answers with the statuses it is told to.

The texts are reports written for these tests (templated from a few facts), not anyone's articles.
"""

from __future__ import annotations

import email.utils
import hashlib
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape

PLACES = [("Datta Khel", "North Waziristan"), ("Mir Ali", "North Waziristan"), ("Wana", "South Waziristan"),
          ("Miranshah", "North Waziristan"), ("Shawal", "North Waziristan"), ("Angoor Adda", "South Waziristan"),
          ("Spinwam", "North Waziristan"), ("Ladha", "South Waziristan")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def report_text(n: int, *, killed: int | None = None, source: int = 0) -> tuple[str, str, str]:
    """(title, text, published YYYY-MM-DD) of report ``n`` (``source`` > 0 gives another outlet's wording of
    the same strike, with the toll ``killed``)."""
    place, district = PLACES[n % len(PLACES)]
    day = 1 + (n * 3) % 27
    month = 1 + (n // 9) % 12
    year = 2020 + (n // 108) % 5
    dead = killed if killed is not None else 2 + n % 6
    weekday = DAYS[(n + day) % 7]
    if source == 0:
        title = f"Drone strike kills {dead} in {place}"
        text = (f"A US drone fired missiles at a compound in {place}, {district}, on {weekday}, killing {dead} "
                f"suspected militants, two security officials said. Report {n}.")
    else:
        title = f"Toll in {place} strike put at {dead}"
        text = (f"Local officials said the toll from {weekday}'s US drone strike on a compound in {place}, "
                f"{district}, had risen to {dead}. Residents said the compound belonged to a tribal elder. "
                f"Follow-up {n}/{source}.")
    return title, text, f"{year}-{month:02d}-{day:02d}"


@dataclass
class Item:
    key: str  # stable identity on this server (the path of its page)
    title: str
    text: str
    published: str
    teaser: bool = False  # only a short summary in the feed: the watcher must fetch the page


@dataclass
class FeedState:
    items: list[Item] = field(default_factory=list)
    fail: int = 0  # answer the next N requests for this feed with 500
    slow: float = 0.0  # seconds to wait before answering
    page_delay: float = 0.0  # seconds to wait before answering for one of its article pages
    changing_ids: bool = False  # a new guid for every item on every request
    malformed: bool = False
    conditional: bool = True  # honour If-None-Match / If-Modified-Since
    version: int = 0  # bumped on every change (ETag)
    changed_at: float = field(default_factory=time.time)


class FeedServer:
    """``/feeds/NAME.xml`` (RSS 2.0), ``/articles/NAME/KEY.html``, ``/robots.txt``; ``/_publish/NAME/N`` publishes
    report N into feed NAME (for a benchmark driving a server in another process)."""

    def __init__(self, robots: str = "User-agent: *\nDisallow: /private/\n", host: str = "127.0.0.1") -> None:
        self.feeds: dict[str, FeedState] = defaultdict(FeedState)
        self.lock = threading.Lock()
        self.robots = robots
        self.requests: list[tuple[float, str, int]] = []  # (time, path, status)
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                status, headers, body = server.answer(self.path, dict(self.headers))
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)
                with server.lock:
                    server.requests.append((time.time(), self.path, status))

        self.host = host
        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def feed_url(self, name: str) -> str:
        return f"{self.base}/feeds/{name}.xml"

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # --- publishing ----------------------------------------------------------------------------------------
    def publish(self, name: str, n: int, *, killed: int | None = None, source: int = 0, teaser: bool = False
                ) -> Item:
        title, text, published = report_text(n, killed=killed, source=source)
        with self.lock:
            st = self.feeds[name]
            item = Item(f"{n}-{source}", title, text, published, teaser)
            st.items.append(item)
            st.version += 1
            st.changed_at = time.time()
        return item

    def set(self, name: str, **changes: Any) -> None:
        with self.lock:
            st = self.feeds[name]
            for k, v in changes.items():
                setattr(st, k, v)
            st.version += 1

    def hits(self, prefix: str) -> list[tuple[float, str, int]]:
        with self.lock:
            return [r for r in self.requests if r[1].startswith(prefix)]

    # --- answering -----------------------------------------------------------------------------------------
    def answer(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if path.startswith("/_publish/"):
            _, _, name, n = path.split("/", 3)
            item = self.publish(name, int(n))
            return 200, {"Content-Type": "application/json"}, (
                f'{{"key": "{item.key}", "at": {time.time()}}}'.encode())
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, self.robots.encode()
        if path.startswith("/feeds/") and path.endswith(".xml"):
            return self._feed(path[len("/feeds/"):-len(".xml")], headers)
        if path.startswith("/articles/") or path.startswith("/private/"):
            parts = path.strip("/").split("/")
            if len(parts) == 3 and parts[2].endswith(".html"):
                with self.lock:
                    st = self.feeds.get(parts[1])
                    item = next((i for i in st.items if i.key == parts[2][:-5]), None) if st else None
                    delay = st.page_delay if st else 0.0
                if delay:
                    time.sleep(delay)
                if item is not None:
                    html = (f"<!doctype html><html><head><title>{escape(item.title)}</title>"
                            f'<meta property="article:published_time" content="{item.published}"></head><body>'
                            f"<nav>Home | World | Pakistan</nav><article><h1>{escape(item.title)}</h1>"
                            f"<p>{escape(item.text)}</p><p>The military did not comment on the report.</p>"
                            f"</article><footer>Local Test Wire</footer></body></html>")
                    return 200, {"Content-Type": "text/html; charset=utf-8"}, html.encode()
        return 404, {"Content-Type": "text/plain"}, b"not found"

    def _feed(self, name: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        with self.lock:
            st = self.feeds.get(name)
            if st is None:
                return 404, {"Content-Type": "text/plain"}, b"no such feed"
            slow, items, version = st.slow, list(st.items), st.version
            changing, malformed, conditional = st.changing_ids, st.malformed, st.conditional
            failing = st.fail > 0
            if failing:
                st.fail -= 1
            changed_at = st.changed_at
        if slow:
            time.sleep(slow)
        if failing:
            return 500, {"Content-Type": "text/plain"}, b"internal error"
        if malformed:
            return 200, {"Content-Type": "application/rss+xml"}, b"<rss><channel><title>broken<item><title>x"
        etag = f'"{name}-{version}"'
        modified = email.utils.formatdate(int(changed_at), usegmt=True)
        if conditional and not changing and (headers.get("If-None-Match") == etag):
            return 304, {"ETag": etag, "Last-Modified": modified}, b""
        salt = str(time.time_ns()) if changing else ""
        out = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>',
               f"<title>Test wire {escape(name)}</title><link>{self.base}/</link>"
               "<description>reports written for tests</description>"]
        for it in reversed(items):
            link = f"{self.base}/articles/{name}/{it.key}.html"
            guid = hashlib.sha1(f"{name}{it.key}{salt}".encode()).hexdigest() if changing else link
            pub = email.utils.format_datetime(
                __import__("datetime").datetime.fromisoformat(it.published + "T12:00:00+00:00"))
            body = f"<p>{escape(it.title)}…</p>" if it.teaser else f"<p>{escape(it.text)}</p>"
            content = "" if it.teaser else f"<content:encoded><![CDATA[<p>{it.text}</p>]]></content:encoded>"
            out.append(f"<item><title>{escape(it.title)}</title><link>{link}</link>"
                       f'<guid isPermaLink="false">{guid}</guid><pubDate>{pub}</pubDate>'
                       f"<description>{escape(body)}</description>{content}</item>")
        out.append("</channel></rss>")
        body = "".join(out).replace("<rss version", '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                                    "version", 1).encode()
        hdrs = {"Content-Type": "application/rss+xml; charset=utf-8"}
        if conditional and not changing:
            hdrs.update({"ETag": etag, "Last-Modified": modified})
        return 200, hdrs, body


class HookReceiver:
    """Records webhook POSTs; ``statuses`` is a queue of answers to give (then 200s). A 302 answer points at
    ``redirect_to``."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes, int]] = []  # (headers, body, status answered)
        self.statuses: list[int] = []
        self.redirect_to = "http://127.0.0.1:9/elsewhere"
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                n = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(n)
                with receiver.lock:
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                    receiver.received.append(({k.lower(): v for k, v in self.headers.items()}, body, status))
                self.send_response(status)
                if status in (301, 302, 307, 308):
                    self.send_header("Location", receiver.redirect_to)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> HookReceiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def accepted(self) -> list[tuple[dict[str, str], bytes]]:
        with self.lock:
            return [(h, b) for h, b, s in self.received if 200 <= s < 300]
