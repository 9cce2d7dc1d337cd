"""Extraction: read one article, return each strike it reports (events) and its aggregate statistics (claims).

Contract (other stages call exactly this):
    extract_article(text, published=None, *, doc_id=None, comments_start=None) -> Extraction
``EXTRACTOR_VERSION`` changes whenever the output for some input may change.
"""

from __future__ import annotations

from datetime import date

from strikewatch.schema import Extraction

EXTRACTOR_VERSION = "0.0"


def extract_article(
    text: str, published: date | None = None, *, doc_id: str | None = None, comments_start: int | None = None
) -> Extraction:
    """Interim contract placeholder; the extraction issue replaces the body."""
    return Extraction(id=doc_id)
