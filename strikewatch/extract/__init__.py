"""Extraction: read one article, return each strike it reports (events) and its aggregate statistics (claims).

Contract (other stages call exactly this):
    extract_article(text, published=None, *, doc_id=None, comments_start=None) -> Extraction
``EXTRACTOR_VERSION`` changes whenever the output for some input may change.

``pipeline.COMPONENTS`` lists the components, in order, that read one ``doc.Doc`` per article (``unwrap``,
``reading``, ``sentence_facts``, ``mentions``, ``cluster``, ``finalise``, ``context``, ``consolidate``, then the
trained layer ``model/``). Modules they use: ``numbers`` (counts and ranges), ``lexicon`` (word classes),
``casualties`` (the casualty grammar, with ``chunking``, ``noun_phrase``, ``subsets``, ``toll_figures``,
``summarise``), ``dates``, ``layout`` (comments, junk, dateline, sentences), ``triggers`` (clauses, typing,
negation, hypotheticals), ``claims`` (statistics); ``rules/`` holds the word lists and patterns as data.
"""

from __future__ import annotations

from strikewatch.extract.pipeline import extract_article

EXTRACTOR_VERSION = "2.0"

__all__ = ["EXTRACTOR_VERSION", "extract_article"]
