"""The bundled example corpus, for ``strikewatch demo``: reports we wrote ourselves about documented strikes.

A built wheel carries them in ``strikewatch/_examples/articles`` (copied there by ``setup.py`` at build time); a
source checkout reads the repository's ``examples/articles``.
"""

from __future__ import annotations

from pathlib import Path

PACKAGED = Path(__file__).parent / "_examples" / "articles"
CHECKOUT = Path(__file__).resolve().parents[1] / "examples" / "articles"


def examples_dir() -> Path | None:
    """The folder of example articles, or None when neither the package nor a checkout has it."""
    for d in (PACKAGED, CHECKOUT):
        if d.is_dir() and any(d.iterdir()):
            return d
    return None
