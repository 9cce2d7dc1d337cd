"""The declared runtime dependencies are what the package imports: none unused, none missing."""

from __future__ import annotations

import ast
import functools
import re
import sys
from importlib.metadata import packages_distributions, requires
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "strikewatch"

# Used without an import of their own; each names the text in the package that shows the use.
USED_BY_NAME: dict[str, tuple[str, str]] = {
    "psycopg": ("db/engine.py", "postgresql+psycopg"),  # SQLAlchemy's PostgreSQL driver, named in the URL
    "python-multipart": ("web/pages.py", "Form("),  # FastAPI parses form posts with it
    "uvloop": ("cli/web_cmds.py", "uvicorn.run("),  # uvicorn's loop="auto" picks it up when installed
    "httptools": ("cli/web_cmds.py", "uvicorn.run("),  # uvicorn's http="auto" likewise
    "htmldate": ("ingest/html.py", "date_extraction_params"),  # trafilatura reads a page's date metadata with it
    "lxml-html-clean": ("ingest/html.py", "lxml.html.clean"),  # trafilatura's justext imports it to read HTML
}

# Declared for work in progress, not imported yet: a strict xfail, so the first import turns it red and the
# line is deleted here. Owner and issue in the reason.
PENDING: dict[str, str] = {}


@functools.cache
def _dists() -> dict[str, list[str]]:
    return packages_distributions()


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@functools.cache
def declared() -> list[str]:
    """Runtime requirements of the installed strikewatch distribution (extras left out)."""
    out = []
    for req in requires("strikewatch") or []:
        if "extra ==" in req:
            continue
        out.append(_norm(re.split(r"[\s\[<>=!~;]", req, maxsplit=1)[0]))
    return out


@functools.cache
def imported_modules() -> frozenset[str]:
    """Top-level third-party modules imported anywhere in the package (module level or inside functions)."""
    mods: set[str] = set()
    for p in PKG.rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                mods.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                mods.add(node.module.split(".")[0])
    return frozenset(m for m in mods if m not in sys.stdlib_module_names and m != "strikewatch")


@functools.cache
def imported_distributions() -> dict[str, str]:
    """distribution name -> a module of it that the package imports."""
    dists = _dists()
    out: dict[str, str] = {}
    for m in sorted(imported_modules()):
        for d in dists.get(m, []):
            out.setdefault(_norm(d), m)
    return out


def _params() -> list[object]:
    return [pytest.param(d, marks=pytest.mark.xfail(strict=True, reason=PENDING[d])) if d in PENDING else d
            for d in declared()]


@pytest.mark.parametrize("dist", _params())
def test_every_declared_dependency_is_used(dist: str) -> None:
    if dist in USED_BY_NAME:
        file, text = USED_BY_NAME[dist]
        assert text in (PKG / file).read_text(encoding="utf-8"), f"{dist}: no {text!r} in strikewatch/{file}"
        return
    used = imported_distributions()
    assert dist in used or (dist == "dask" and "distributed" in used), f"{dist} is declared but never imported"


def test_every_import_is_declared() -> None:
    """A third-party module imported by the package comes from a distribution the metadata names."""
    names = set(declared()) | {"distributed"}  # dask[distributed]
    missing = {m: d for d, m in imported_distributions().items() if d not in names}
    unknown = sorted(m for m in imported_modules() if m not in _dists())
    assert missing == {} and unknown == []
