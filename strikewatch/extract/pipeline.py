"""extract_article: one ``Doc`` per article, read by the components below in order (as spaCy runs a pipeline).

Each component is a function ``(doc) -> None`` that reads what the ones before it found and adds to the Doc:

0. ``unwrap_lines``: hard-wrapped lines joined (a break inside a sentence becomes a space; offsets kept);
1. ``gate``: an empty text or one without a strike, kill or injury word reports nothing (``doc.done``);
2. ``layout``: comment section, junk lines, dateline, sentences (``layout``); ``select_sentences``: the sentences
   with a kill or strike word;
3. per sentence: ``dates``, ``casualties`` (the casualty grammar), ``claims`` (a sentence stating a statistic gives
   claims, not events);
4. ``mentions``: per clause (``triggers.split_segments``), strike words that are neither negated nor hypothetical,
   or a casualty statement; ``place_tails``: place-only lines; ``headline``: the headline only when the body is
   silent;
5. ``cluster``: mentions become candidate events (same day, same named dead, continuing clauses);
6. ``finalise``: each candidate: type/perpetrator, casualty ranges, dates, place (``strikewatch.geo.resolve``),
   target, groups, named dead, role; those with nothing specific are dropped;
7. over the events: ``earlier_than_lead``, ``lead_place``, ``inherit_perpetrator``;
8. ``consolidate_events``: one strike told several times becomes one event;
9. ``model_layer``: the trained layer (``strikewatch.extract.model``) screens air events and fills tolls.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from strikewatch.extract.cluster import cluster
from strikewatch.extract.consolidate import consolidate_events
from strikewatch.extract.context import earlier_than_lead, inherit_perpetrator, lead_place
from strikewatch.extract.doc import Doc
from strikewatch.extract.finalise import finalise
from strikewatch.extract.mentions import headline, mentions
from strikewatch.extract.model.apply import model_layer
from strikewatch.extract.reading import gate, layout, place_tails, select_sentences
from strikewatch.extract.sentence_facts import casualties, claims, dates
from strikewatch.extract.unwrap import unwrap_lines
from strikewatch.schema import Extraction

Component = Callable[[Doc], None]

COMPONENTS: list[Component] = [
    unwrap_lines,
    gate,
    layout,
    select_sentences,
    dates,
    casualties,
    claims,
    mentions,
    place_tails,
    headline,
    cluster,
    finalise,
    earlier_than_lead,
    lead_place,
    inherit_perpetrator,
    consolidate_events,
    model_layer,
]


def run(doc: Doc, components: list[Component] | None = None) -> Doc:
    """Run the components over ``doc`` in order, stopping when one marks it done."""
    for component in COMPONENTS if components is None else components:
        component(doc)
        if doc.done:
            break
    return doc


def extract_article(text: str, published: date | None = None, *, doc_id: str | None = None,
                    comments_start: int | None = None) -> Extraction:
    """Read one article; return each strike it reports (events) and its aggregate statistics (claims)."""
    doc = run(Doc(text, published, doc_id, comments_start))
    result = Extraction(id=doc_id)
    if not doc.done:
        result.events = doc.events
        result.claims = doc.claims
    return result
