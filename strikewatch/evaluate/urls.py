"""Url normalisation and the reserved-url check (``../shared/data/reserved_urls.sha256``).

A url is normalised as the shared data's README says: lower case, no ``http://``/``https://``, no leading
``www.``, no query or fragment, no trailing ``/``. Its sha256 (hex) is looked up in the reserved list; a
reserved url is never annotated, trained on or rebuilt.

``python -m strikewatch.evaluate.urls URL...`` prints ``reserved`` or ``ok`` for each url.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import lru_cache
from pathlib import Path


def normalise_url(url: str) -> str:
    u = url.strip().lower()
    for scheme in ("https://", "http://"):
        if u.startswith(scheme):
            u = u[len(scheme):]
            break
    if u.startswith("www."):
        u = u[4:]
    for sep in ("#", "?"):
        u = u.split(sep, 1)[0]
    return u.rstrip("/")


def url_hash(url: str) -> str:
    return hashlib.sha256(normalise_url(url).encode("utf-8")).hexdigest()


def shared_dir() -> Path | None:
    """``$STRIKEWATCH_SHARED``, else ``../shared`` beside the repository or the working directory."""
    env = os.environ.get("STRIKEWATCH_SHARED")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    candidates += [here.parents[2].parent / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"]
    for c in candidates:
        if (c / "data").is_dir():
            return c
    return None


@lru_cache(maxsize=1)
def reserved_hashes() -> frozenset[str]:
    shared = shared_dir()
    if shared is None:
        return frozenset()
    path = shared / "data" / "reserved_urls.sha256"
    if not path.exists():
        return frozenset()
    return frozenset(line.strip().lower() for line in path.read_text().splitlines() if line.strip())


def is_reserved(url: str) -> bool:
    return url_hash(url) in reserved_hashes()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not reserved_hashes():
        print("reserved url list not found (set STRIKEWATCH_SHARED)", file=sys.stderr)
        return 2
    for url in args:
        print(("reserved" if is_reserved(url) else "ok") + "\t" + url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
