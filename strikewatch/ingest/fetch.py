"""Fetching over HTTP(S) under one policy: what may be fetched, how much, how fast, how many at once.

Every fetch of strikewatch goes through :class:`Fetcher` (async) or the sync helpers built on it (:func:`fetch`,
:func:`fetch_iter`); the CLI's ``ingest URL``, the links of feed items and the monitor's sources alike.

**Where a fetch may go** (checked after DNS resolution, for every address, on every redirect hop, and enforced at
connect time: the connection is made to the very address that was checked, so a name that resolves anew between
the check and the connection cannot slip past it):

- a url the operator names (``named=True``: a CLI argument, ``sources add``) is fetched as named, wherever its
  host resolves to, loopback and private ranges included; a redirect stays "as named" only on the same host;
- a url found in fetched content (``named=False``, the default: a feed item's link, a redirect to another host)
  goes only to *public* addresses, or to the host of the source that listed it (``listed_by``), or to what the
  operator allows (``allow``: ``--allow-host HOST``, ``HOST:PORT``, an IP address or a CIDR range);
- never loopback, private, link-local, multicast, unspecified or reserved addresses otherwise, including those
  hidden in IPv6 (IPv4-mapped, 6to4, Teredo, NAT64); cloud-metadata addresses (169.254.0.0/16,
  fd00:ec2::254, 100.100.100.200, 192.0.0.192, 168.63.129.16) are refused even for a named url, unless allowed
  explicitly by address or range.

A "host" is the url's host name (or address) with its port; ports 80 and 443 count as the same host, so an
``http`` page that moves to ``https`` stays on its host.

**How much**: bodies are streamed and cut at ``max_bytes`` (decompressed size: a gzip bomb is cut while it
inflates); a declared ``Content-Length`` over the cap is refused before reading; the ``Content-Type`` must be one
of ``content_types`` (text, HTML, XML feeds, JSON; no type at all is accepted and sniffed by the reader),
checked before the body is read; only ``http`` and ``https``.

**How fast and how many**: at most ``per_host`` requests to one host and ``overall`` in total at once; each item
(all its redirect hops and its body) has ``timeout`` seconds of network time in total (time spent waiting for a
free slot is not counted); a host that timed out ``host_failures`` times in a row is skipped (each further url of
it fails at once) for ``host_cooloff`` seconds, so thousands of links to a dead site cost seconds, not hours.

Async use (the monitor)::

    async with Fetcher(FetchPolicy(allow=("10.0.0.0/8",))) as f:
        feed = await f.get("https://example.org/feed.xml", named=True)
        page = await f.get(link, listed_by=feed.url)     # raises FetchError (Blocked for a policy refusal)

Sync use (``ingest``): ``fetch(url, named=True, policy=...)`` for one url, ``fetch_iter(requests, policy)`` for
many, concurrently, results in the order asked. Both run on one background event loop; ``close_clients()`` ends it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import ipaddress
import os
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Coroutine, Generator, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from strikewatch.errors import UserError

if TYPE_CHECKING:
    import httpcore
    import httpx

USER_AGENT = "strikewatch/0.1 (+news archive for strike research)"
MAX_REDIRECTS = 5
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Media types a fetch accepts (before reading the body). A response without Content-Type is accepted: the
# reader sniffs it.
CONTENT_TYPES: tuple[str, ...] = (
    "text/",
    "application/xhtml+xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/json",
    "application/x-ndjson",
    "application/jsonl",
)
PAGE_TYPES: tuple[str, ...] = ("text/html", "text/plain", "application/xhtml+xml")  # what a feed item links to

METADATA_NETWORKS: tuple[IPNetwork, ...] = tuple(
    ipaddress.ip_network(n)
    for n in (
        "169.254.0.0/16",  # AWS, GCP, Azure, OpenStack instance metadata (169.254.169.254), ECS (169.254.170.2)
        "fd00:ec2::254/128",  # AWS over IPv6
        "100.100.100.200/32",  # Alibaba Cloud
        "192.0.0.192/32",  # Oracle Cloud classic
        "168.63.129.16/32",  # Azure wire server (a public address)
    )
)
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


class FetchError(Exception):
    """The url could not be fetched (the message says why, in one line). ``status``: the HTTP status of an error
    answer (None for a network error, a timeout or a refusal); ``retry_after``: the seconds a server asked to wait
    (its Retry-After), when it said — a poller retries 5xx/429 and timeouts, not 4xx or refusals."""

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class Blocked(FetchError):
    """The fetch policy refused the url (an address inside the network, a scheme, a content type)."""


# --- addresses -------------------------------------------------------------------------------------------------


def address_kind(ip: IPAddress) -> str | None:
    """Why ``ip`` is not a public address ("a loopback address", ...), or None for a public one."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded: ipaddress.IPv4Address | None = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip.teredo:
            embedded = ip.teredo[1]
        if embedded is None and any(ip in n for n in _NAT64):
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            inner = address_kind(embedded)
            if inner:
                return inner
    if any(ip in n for n in METADATA_NETWORKS):
        return "a cloud-metadata address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_private:
        return "a private address"
    if not ip.is_global or (isinstance(ip, ipaddress.IPv4Address) and ip in _IETF_V4):
        return "a reserved address"
    return None


_IETF_V4 = ipaddress.ip_network("192.0.0.0/24")  # protocol assignments: never a web server (3.11 calls it global)


def is_metadata(ip: IPAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return any(ip in n for n in METADATA_NETWORKS)


# --- hosts and the operator's allowances -------------------------------------------------------------------------

_HOST_RE = re.compile(r"^[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?\.?$")


def split_host(host: str, port: int | None) -> tuple[str, int | None]:
    """``(host, port)`` normalised: lower case, no trailing dot or IPv6 brackets, ports 80 and 443 as None (so
    an ``http`` page that moves to ``https`` stays on its host)."""
    h = host.lower().rstrip(".")
    if h.startswith("[") and h.endswith("]"):
        h = h[1:-1]
    return h, (None if port in (None, 80, 443) else port)


def host_key(host: str, port: int | None) -> str:
    """``host`` or ``host:port`` (``[v6]:port``), normalised as :func:`split_host` does."""
    h, p = split_host(host, port)
    if p is None:
        return h
    return f"[{h}]:{p}" if ":" in h else f"{h}:{p}"


def url_host_key(url: httpx.URL | str) -> str:
    import httpx

    u = httpx.URL(url) if isinstance(url, str) else url
    return host_key(u.host, u.port)


@dataclass(frozen=True, slots=True)
class Allowances:
    """What the operator allowed beyond public addresses: host names (``host``: any port; ``host:port``) and
    address ranges."""

    hosts: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    def allows_host(self, host: str, port: int | None) -> bool:
        return host_key(host, port) in self.hosts or split_host(host, port)[0] in self.hosts

    def merged(self, other: Allowances) -> Allowances:
        if not other.hosts and not other.networks:
            return self
        return Allowances(self.hosts | other.hosts, tuple(dict.fromkeys(self.networks + other.networks)))


def _is_v6(value: str) -> bool:
    try:
        ipaddress.IPv6Address(value)
        return True
    except ValueError:
        return False


def parse_allow(values: Iterable[str]) -> Allowances:
    """``--allow-host`` values -> :class:`Allowances`. Each is a host name, ``host:port``, an IP address or a
    CIDR range (``10.0.0.0/8``, ``fd00::/8``); raises ``UserError`` for anything else."""
    hosts: set[str] = set()
    nets: list[IPNetwork] = []
    for raw in values:
        v = raw.strip().lower()
        try:
            nets.append(ipaddress.ip_network(v.strip("[]"), strict=False))
            continue
        except ValueError:
            pass
        m = re.match(r"^\[([0-9a-f:.]+)\]:(\d{1,5})$", v) or re.match(r"^([^:\[\]/]+):(\d{1,5})$", v)
        host, port = (m.group(1), int(m.group(2))) if m else (v, None)
        if port is not None and not 0 < port < 65536:
            raise UserError(f"--allow-host {raw!r}: port out of range")
        if not (_HOST_RE.match(host) or _is_v6(host)) or not host.strip("."):
            raise UserError(
                f"--allow-host {raw!r} is not a host name, host:port, IP address or CIDR range (like 10.0.0.0/8)"
            )
        hosts.add(host_key(host, port) if port is not None else split_host(host, None)[0])
    return Allowances(frozenset(hosts), tuple(dict.fromkeys(nets)))


# --- the policy ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Limits of every fetch (plain, hashable data: one :class:`Fetcher` per policy)."""

    allow: tuple[str, ...] = ()  # --allow-host values (hosts, host:port, addresses, CIDR ranges)
    max_bytes: int = DEFAULT_MAX_BYTES  # body size cap, decompressed
    timeout: float = DEFAULT_TIMEOUT  # network time per item: every redirect hop and the body together
    max_redirects: int = MAX_REDIRECTS
    per_host: int = 6  # requests at once to one host
    overall: int = 24  # requests at once in all
    host_failures: int = 5  # timeouts in a row after which a host is skipped ...
    host_cooloff: float = 300.0  # ... for this many seconds
    content_types: tuple[str, ...] = CONTENT_TYPES

    def allowances(self) -> Allowances:
        return parse_allow(self.allow)


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # final URL after redirects
    data: bytes
    content_type: str  # media type without parameters, lower case ("" when the server sent none)
    charset: str | None
    status: int = 200  # 304 (with no data) only for a conditional request (If-None-Match / If-Modified-Since)
    etag: str | None = None  # the validators a poller sends next time
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class FetchRequest:
    """One url to fetch with :func:`fetch_iter` (the arguments of :meth:`Fetcher.get`)."""

    url: str
    named: bool = False
    listed_by: str | None = None
    allow: tuple[str, ...] = ()
    accept: tuple[str, ...] | None = None


# --- the guarded network backend ---------------------------------------------------------------------------------


def _network_backend(trusted: bool, networks: tuple[IPNetwork, ...]) -> httpcore.AsyncNetworkBackend:
    """An httpcore backend that resolves the host itself, checks every address and connects only to one that
    passes. ``trusted``: any address but cloud metadata (a host named by the operator); otherwise public
    addresses and ``networks`` only."""
    import anyio
    import httpcore
    from httpcore._backends.auto import AutoBackend

    class GuardedBackend(httpcore.AsyncNetworkBackend):
        def __init__(self) -> None:
            self.inner = AutoBackend()

        async def connect_tcp(
            self,
            host: str,
            port: int,
            timeout: float | None = None,
            local_address: str | None = None,
            socket_options: Iterable[Any] | None = None,
        ) -> httpcore.AsyncNetworkStream:
            try:
                infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (OSError, UnicodeError) as exc:
                raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
            good: list[str] = []
            refusal = ""
            for info in infos:
                addr = str(info[4][0]).split("%", 1)[0]
                ip = ipaddress.ip_address(addr)
                allowed = any(ip in n for n in networks if n.version == ip.version)
                kind = "a cloud-metadata address" if is_metadata(ip) else (None if trusted else address_kind(ip))
                if kind is None or allowed:
                    if addr not in good:
                        good.append(addr)
                elif not refusal:
                    refusal = f"{host} is {kind} ({addr})" if addr != host else f"{addr} is {kind}"
            if not good:
                raise Blocked(refusal or f"{host} has no address")
            last: Exception | None = None
            for addr in good:
                try:
                    return await self.inner.connect_tcp(
                        addr, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                    )
                except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                    last = exc
            assert last is not None
            raise last

        async def connect_unix_socket(
            self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
        ) -> httpcore.AsyncNetworkStream:
            raise Blocked("unix sockets are never fetched")

        async def sleep(self, seconds: float) -> None:
            await self.inner.sleep(seconds)

    return GuardedBackend()


def _client(policy: FetchPolicy, trusted: bool, networks: tuple[IPNetwork, ...]) -> httpx.AsyncClient:
    import httpcore
    import httpx

    transport = httpx.AsyncHTTPTransport(trust_env=False)
    # the same pool httpx builds, but connecting through the guarded backend (httpx has no parameter for it)
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=policy.overall,
        max_keepalive_connections=policy.overall,
        keepalive_expiry=5.0,
        network_backend=_network_backend(trusted, networks),
    )
    return httpx.AsyncClient(
        transport=transport,
        follow_redirects=False,  # every hop is checked here
        timeout=httpx.Timeout(policy.timeout, connect=min(policy.timeout, 10.0)),
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
            "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
        },
        trust_env=False,
    )


# --- the fetcher -----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _HostState:
    sem: asyncio.Semaphore
    timeouts_in_a_row: int = 0
    skip_until: float = 0.0


@dataclass(slots=True)
class Fetcher:
    """Fetches urls under ``policy``; async, for one event loop. ``async with Fetcher(policy) as f``."""

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    _allow: Allowances = field(init=False)
    _clients: dict[tuple[bool, tuple[IPNetwork, ...]], httpx.AsyncClient] = field(init=False, default_factory=dict)
    _hosts: dict[str, _HostState] = field(init=False, default_factory=dict)
    _overall: asyncio.Semaphore = field(init=False)

    def __post_init__(self) -> None:
        self._allow = self.policy.allowances()
        self._overall = asyncio.Semaphore(self.policy.overall)

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        clients, self._clients = list(self._clients.values()), {}
        for c in clients:
            await c.aclose()

    def _host(self, key: str) -> _HostState:
        st = self._hosts.get(key)
        if st is None:
            st = self._hosts[key] = _HostState(asyncio.Semaphore(self.policy.per_host))
        return st

    async def get(
        self,
        url: str,
        *,
        named: bool = False,
        listed_by: str | None = None,
        allow: Sequence[str] = (),
        accept: Sequence[str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Fetched:
        """GET ``url`` under the policy. ``named``: the operator named this url (fetched as named); otherwise it
        was found in content fetched from ``listed_by`` (None: a local file) and may go only to public addresses,
        ``listed_by``'s host and what ``allow``/the policy allow. ``accept``: media types (prefixes) instead of
        the policy's. ``headers`` (e.g. If-None-Match, If-Modified-Since) go with each hop; a 304 answer then comes
        back as ``Fetched(status=304, data=b"")``. Raises :class:`FetchError` (:class:`Blocked` for a policy
        refusal) with a one-line reason."""
        import httpx

        policy = self.policy
        allowed = self._allow.merged(parse_allow(allow)) if allow else self._allow
        try:
            trusted_hosts = {url_host_key(url)} if named else ({url_host_key(listed_by)} if listed_by else set())
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            raise FetchError(f"invalid URL: {exc}") from None
        budget = policy.timeout
        current = url
        for _hop in range(policy.max_redirects + 1):
            try:
                u = httpx.URL(current)
            except (httpx.InvalidURL, TypeError, ValueError) as exc:
                raise FetchError(f"invalid URL: {exc}") from None
            if u.scheme not in ("http", "https"):
                what = "redirect to" if current != url else "URL with"
                raise Blocked(f"{what} unsupported scheme {u.scheme or '(none)'}: only http and https")
            if not u.host:
                raise FetchError("invalid URL: no host")
            key = host_key(u.host, u.port)
            trusted = key in trusted_hosts or allowed.allows_host(u.host, u.port)
            state = self._host(key)
            client = self._clients.get((trusted, allowed.networks))
            if client is None:
                client = self._clients[(trusted, allowed.networks)] = _client(policy, trusted, allowed.networks)
            async with state.sem, self._overall:
                if state.skip_until > time.monotonic():  # checked once a slot is ours: others may have waited
                    raise FetchError(
                        f"skipped: {key} timed out {policy.host_failures} times in a row (tried again after "
                        f"{policy.host_cooloff:g} s)"
                    )
                t0 = time.monotonic()
                try:
                    async with asyncio.timeout(max(budget, 0.001)):
                        result = await self._hop(client, u, accept, headers)
                except (TimeoutError, httpx.TimeoutException):
                    state.timeouts_in_a_row += 1
                    if state.timeouts_in_a_row >= policy.host_failures:
                        state.skip_until = time.monotonic() + policy.host_cooloff
                    raise FetchError(f"timed out after {policy.timeout:g} s") from None
                except (FetchError, httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError, ValueError) as exc:
                    raise _fetch_error(exc) from None
                finally:
                    budget -= time.monotonic() - t0
                state.timeouts_in_a_row = 0
            if isinstance(result, Fetched):
                return result
            current = result
        raise FetchError(f"too many redirects (more than {policy.max_redirects})")

    async def _hop(self, client: httpx.AsyncClient, u: httpx.URL, accept: Sequence[str] | None,
                   headers: Mapping[str, str] | None = None) -> Fetched | str:
        """One request: the body (as :class:`Fetched`) or the next url to go to (a redirect)."""
        policy = self.policy
        async with client.stream("GET", u, headers=dict(headers) if headers else None) as resp:
            if resp.is_redirect and "location" in resp.headers:
                return str(u.join(resp.headers["location"]))
            etag, modified = resp.headers.get("etag"), resp.headers.get("last-modified")
            if resp.status_code == 304 and headers:
                return Fetched(str(resp.url), b"", "", None, status=304, etag=etag, last_modified=modified)
            if resp.status_code >= 400:
                raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip(), status=resp.status_code,
                                 retry_after=_retry_after(resp.headers.get("retry-after")))
            ctype = resp.headers.get("content-type", "")
            media = ctype.split(";", 1)[0].strip().lower()
            if media and not media.startswith(tuple(accept if accept is not None else policy.content_types)):
                raise Blocked(f"unsupported content type {media}")
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > policy.max_bytes:
                raise FetchError(f"too large: {_mb(int(declared))} (limit {_mb(policy.max_bytes)})")
            chunks: list[bytes] = []
            size = 0
            async for chunk in resp.aiter_bytes():
                size += len(chunk)
                if size > policy.max_bytes:
                    raise FetchError(f"too large: more than {_mb(policy.max_bytes)}")
                chunks.append(chunk)
            charset = resp.charset_encoding if "charset" in ctype.lower() else None
            return Fetched(str(resp.url), b"".join(chunks), media, charset, status=resp.status_code, etag=etag,
                           last_modified=modified)


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds from now (delta-seconds or an HTTP date), None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    import email.utils

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _mb(n: int) -> str:
    """Bytes as the CLI's --max-size counts them (MB of 1,048,576 bytes)."""
    return f"{n / 1048576:.1f} MB"


def _fetch_error(exc: BaseException) -> FetchError:
    import httpx

    if isinstance(exc, FetchError):
        return exc
    if isinstance(exc, httpx.InvalidURL):
        return FetchError(f"invalid URL: {exc}")
    if isinstance(exc, httpx.UnsupportedProtocol):
        return Blocked(f"unsupported URL: {exc}")
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return FetchError(f"unreachable: {msg}")


# --- sync use: one background event loop -------------------------------------------------------------------------

T = TypeVar("T")


class _Loop:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="strikewatch-fetch", daemon=True)
        self.thread.start()
        self.fetchers: dict[FetchPolicy, Fetcher] = {}
        self.lock = threading.Lock()

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def fetcher(self, policy: FetchPolicy) -> Fetcher:
        with self.lock:
            f = self.fetchers.get(policy)
            if f is None:

                async def make() -> Fetcher:
                    return Fetcher(policy)

                f = self.fetchers[policy] = self.submit(make()).result()
            return f

    def close(self) -> None:
        async def close_all() -> None:
            for f in self.fetchers.values():
                await f.aclose()

        with contextlib.suppress(Exception):  # closing is best effort
            self.submit(close_all()).result(timeout=10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()


_LOCK = threading.Lock()
_LOOP: _Loop | None = None


def _loop() -> _Loop:
    global _LOOP
    with _LOCK:
        if _LOOP is None:
            _LOOP = _Loop()
        return _LOOP


def _forget_loop_in_child() -> None:  # a forked worker has no loop thread: it starts its own
    global _LOOP, _LOCK
    _LOOP = None
    _LOCK = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_loop_in_child)


def close_clients() -> None:
    """Close every connection and stop the background loop (the next fetch starts a new one)."""
    global _LOOP
    with _LOCK:
        lp, _LOOP = _LOOP, None
    if lp is not None:
        lp.close()


def fetch(
    url: str,
    *,
    named: bool = False,
    listed_by: str | None = None,
    policy: FetchPolicy | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    accept: Sequence[str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Fetched:
    """One url, synchronously (see :meth:`Fetcher.get`); ``max_bytes``/``timeout`` override the policy's."""
    pol = policy or FetchPolicy()
    if max_bytes is not None or timeout is not None:
        pol = _replace(pol, max_bytes=max_bytes, timeout=timeout)
    lp = _loop()
    return lp.submit(lp.fetcher(pol).get(url, named=named, listed_by=listed_by, accept=accept,
                                         headers=headers)).result()


def _replace(policy: FetchPolicy, **changes: Any) -> FetchPolicy:
    import dataclasses

    return dataclasses.replace(policy, **{k: v for k, v in changes.items() if v is not None})


def fetch_iter(
    requests: Iterable[FetchRequest],
    policy: FetchPolicy,
    *,
    window: int | None = None,
) -> Generator[tuple[FetchRequest, Fetched | FetchError], None, None]:
    """Fetch many urls concurrently (within the policy's per-host and overall bounds) and yield each request
    with its result, in the order asked. At most ``window`` (default twice ``policy.overall``) results are
    fetched ahead of the consumer, so memory stays bounded however long ``requests`` is. Closing the iterator
    early cancels what is still running."""
    lp = _loop()
    fetcher = lp.fetcher(policy)
    ahead = max(1, window or 2 * policy.overall)
    pending: deque[tuple[FetchRequest, concurrent.futures.Future[Fetched]]] = deque()
    it = iter(requests)

    def submit_next() -> None:
        for req in it:
            coro = fetcher.get(req.url, named=req.named, listed_by=req.listed_by, allow=req.allow,
                               accept=req.accept)
            pending.append((req, lp.submit(coro)))
            return

    try:
        for _ in range(ahead):
            submit_next()
        while pending:
            req, fut = pending.popleft()
            try:
                res: Fetched | FetchError = fut.result()
            except FetchError as exc:
                res = exc
            except Exception as exc:  # a bug must not end the other fetches
                res = FetchError(f"unexpected {type(exc).__name__}: {exc}")
            submit_next()
            yield req, res
    finally:
        for _, fut in pending:
            fut.cancel()

