"""Extraction: read one article, return each strike it reports (events) and its aggregate statistics (claims).

Contract (other stages call exactly this):
    extract_article(text, published=None, *, doc_id=None, comments_start=None) -> Extraction
``EXTRACTOR_VERSION`` changes whenever the output for some input may change.

Modules: ``numbers`` (counts and ranges), ``lexicon`` (word classes), ``casualties`` (the casualty grammar, with
``chunking``, ``noun_phrase``, ``subsets``, ``toll_figures``, ``summarise``), ``dates``, ``layout`` (comments, junk,
dateline, sentences), ``triggers`` (clauses, typing, negation, hypotheticals), ``claims`` (statistics), ``rules``
(patterns and word lists as data); ``pipeline`` runs the components (``reading``, ``sentence_facts``, ``mentions``,
``cluster``, ``finalise``, ``context``) over one ``doc.Doc`` per article.
"""

from __future__ import annotations

from strikewatch.extract.pipeline import extract_article

EXTRACTOR_VERSION = "1.9"

__all__ = ["EXTRACTOR_VERSION", "extract_article"]
