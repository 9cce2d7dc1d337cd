"""Rules for the test suite itself."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_root_tests_never_import_from_conftest() -> None:
    """Two conftest.py files exist; ``from conftest import`` in a root test module picks whichever was imported last.

    Shared helpers live in tests/swtest.py. (tests/browser/ imports its own conftest, which is loaded right before
    its tests.)
    """
    bad = [
        p.name
        for p in TESTS.rglob("test_*.py")
        if "browser" not in p.parts
        if re.search(r"^\s*(from conftest import|import conftest)", p.read_text(encoding="utf-8"), re.M)
    ]
    assert bad == []
