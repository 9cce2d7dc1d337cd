"""Extraction: read one article, return each strike it reports (events) and its aggregate statistics (claims).

Contract (other stages call exactly this):
    extract_article(text, published=None, *, doc_id=None, comments_start=None) -> Extraction
``EXTRACTOR_VERSION`` changes whenever the output for some input may change.

Modules: ``numbers`` (counts and ranges), ``lexicon`` (word classes), ``casualties`` (the casualty grammar),
``dates``, ``layout`` (comments, junk, dateline, sentences), ``triggers`` (clauses, typing, negation,
hypotheticals), ``claims`` (statistics), ``pipeline`` (mentions -> events, fields, evidence), ``model`` (the trained layer
over the rules' events), ``rules`` (word lists and patterns as data).
"""

from __future__ import annotations

from datetime import date

from strikewatch.extract.consolidate import consolidate
from strikewatch.extract.model.apply import apply
from strikewatch.extract.pipeline import extract_article as extract_by_rules
from strikewatch.extract.unwrap import unwrap
from strikewatch.schema import Extraction

EXTRACTOR_VERSION = "1.9"

__all__ = ["EXTRACTOR_VERSION", "extract_article", "extract_by_rules"]


def extract_article(text: str, published: date | None = None, *, doc_id: str | None = None,
                    comments_start: int | None = None) -> Extraction:
    """Hard wrapping undone (offsets kept), the rules' events and claims, then the trained layer over them."""
    flat = unwrap(text)
    result = extract_by_rules(flat, published, doc_id=doc_id, comments_start=comments_start)
    result.events = consolidate(result.events, flat)
    return apply(result, flat)
