"""Synthetic report generator: articles in our own words, from templates, for tests and benchmarks.

    from swdev.synth import generate, fictional_facts, load_tbij
    facts = load_tbij("../shared/data/reference/tbij_pakistan_strikes.xlsx")   # or fictional_facts(seed)
    for doc in generate(facts, seed=1):
        doc.record()   # {"id", "text", "published", "url", "outlet", "title"}: an ingest JSONL line
        doc.truth()    # the strikes it reports (main) or mentions (background), with stated figures and spans

See docs/corpus.md.
"""

from swdev.synth.facts import StrikeFacts, fictional_facts, from_tracker, load_tbij, place_names
from swdev.synth.generate import Generator, SynthDoc, SynthEvent, generate, render_html

__all__ = [
    "Generator",
    "StrikeFacts",
    "SynthDoc",
    "SynthEvent",
    "fictional_facts",
    "from_tracker",
    "generate",
    "load_tbij",
    "place_names",
    "render_html",
]
