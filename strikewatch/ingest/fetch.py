"""Fetching what the user asked for over HTTP(S): timeouts, a size cap and a limit on redirects."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

USER_AGENT = "strikewatch/0.1 (+news archive for strike research)"
MAX_REDIRECTS = 5


class FetchError(Exception):
    """The URL could not be fetched (the message says why, in one line)."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # final URL after redirects
    data: bytes
    content_type: str  # media type without parameters, lower case ("" when the server sent none)
    charset: str | None


_CLIENTS: dict[float, httpx.Client] = {}


def _client(timeout: float) -> httpx.Client:
    import httpx

    client = _CLIENTS.get(timeout)
    if client is None:
        client = httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                     "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"},
            trust_env=False,
        )
        _CLIENTS[timeout] = client
    return client


def close_clients() -> None:
    for client in _CLIENTS.values():
        client.close()
    _CLIENTS.clear()


def fetch(url: str, *, max_bytes: int, timeout: float = 30.0) -> Fetched:
    """GET ``url``; raises :class:`FetchError` for network errors, HTTP errors and bodies over ``max_bytes``."""
    import httpx

    try:
        with _client(timeout).stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"too large: {int(declared)} bytes (limit {max_bytes})")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"too large: more than {max_bytes} bytes")
                chunks.append(chunk)
            ctype = resp.headers.get("content-type", "")
            media = ctype.split(";", 1)[0].strip().lower()
            charset = resp.charset_encoding if "charset" in ctype.lower() else None
            return Fetched(str(resp.url), b"".join(chunks), media, charset)
    except FetchError:
        raise
    except httpx.TooManyRedirects:
        raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})") from None
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {timeout:g} s") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL: {exc}") from None
    except httpx.UnsupportedProtocol as exc:
        raise FetchError(f"unsupported URL: {exc}") from None
    except httpx.HTTPError as exc:
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise FetchError(f"unreachable: {msg}") from None
    except (OSError, ValueError) as exc:
        raise FetchError(f"unreachable: {exc}") from None
