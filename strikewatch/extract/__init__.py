"""Extraction: read one article, return each strike it reports (events) and its aggregate statistics (claims).

Contract (other stages call exactly this):
    extract_article(text, published=None, *, doc_id=None, comments_start=None) -> Extraction
``EXTRACTOR_VERSION`` changes whenever the output for some input may change.

``pipeline.COMPONENTS`` lists the components, in order, that read one ``doc.Doc`` per article; ``rules/`` holds
the word lists and patterns as data; ``model/`` the trained layer over the rules' events.
"""

from __future__ import annotations

from strikewatch.extract.pipeline import extract_article

EXTRACTOR_VERSION = "2.0"

__all__ = ["EXTRACTOR_VERSION", "extract_article"]
