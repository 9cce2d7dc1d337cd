"""Events and claims of an article in the database, written and read as the shared schema types."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from strikewatch.db.tables import ClaimRow, EventRow
from strikewatch.schema import MAX_CLAIM, Claim, Event, Evidence, Extraction, counts_out_of_range

_EVENT_COLUMNS = {c.name for c in EventRow.__table__.columns}
_CLAIM_COLUMNS = {c.name for c in ClaimRow.__table__.columns}
_EVENT_FIELDS = [f.name for f in dataclasses.fields(Event) if f.name in _EVENT_COLUMNS]
_CLAIM_FIELDS = [f.name for f in dataclasses.fields(Claim) if f.name in _CLAIM_COLUMNS]


def event_row_values(article_id: int, idx: int, event: Event, version: str) -> dict[str, Any]:
    """The row of one event. A count outside 0..``schema.MAX_COUNT`` is refused here, at the store boundary: the
    field is stored as unknown and its evidence span (kept) shows the figure as text."""
    values: dict[str, Any] = {name: getattr(event, name) for name in _EVENT_FIELDS}
    for name, _value in counts_out_of_range(event):
        values[name] = None
    values["evidence"] = [e.to_dict() for e in event.evidence]
    values["target_groups"] = list(event.target_groups)
    values["named_dead"] = list(event.named_dead)
    values.update(article_id=article_id, idx=idx, extractor_version=version)
    return values


def claim_row_values(article_id: int, claim: Claim, version: str) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(claim, name) for name in _CLAIM_FIELDS}
    q = values.get("quantity")
    if q is not None and not (isinstance(q, int) and 0 <= q <= MAX_CLAIM):
        values["quantity"] = None  # kept as the claim's text only
    values.update(article_id=article_id, extractor_version=version)
    return values


def write_extraction(session: Session, article_id: int, extraction: Extraction, version: str) -> None:
    """Replace the article's events and claims with ``extraction`` (inside the caller's transaction)."""
    session.execute(delete(EventRow).where(EventRow.article_id == article_id))
    session.execute(delete(ClaimRow).where(ClaimRow.article_id == article_id))
    if extraction.events:
        session.execute(
            insert(EventRow), [event_row_values(article_id, i, e, version) for i, e in enumerate(extraction.events)]
        )
    if extraction.claims:
        session.execute(insert(ClaimRow), [claim_row_values(article_id, c, version) for c in extraction.claims])


def event_from_row(row: EventRow) -> Event:
    kw: dict[str, Any] = {name: getattr(row, name) for name in _EVENT_FIELDS}
    kw["evidence"] = [Evidence(e["field"], int(e["start"]), int(e["end"])) for e in (row.evidence or [])]
    kw["target_groups"] = list(row.target_groups or [])
    kw["named_dead"] = list(row.named_dead or [])
    return Event(**kw)


def claim_from_row(row: ClaimRow) -> Claim:
    return Claim(**{name: getattr(row, name) for name in _CLAIM_FIELDS})


def load_extraction(session: Session, article_id: int) -> Extraction:
    """The stored events (in extractor order) and claims of one article."""
    events = session.scalars(
        select(EventRow).where(EventRow.article_id == article_id).order_by(EventRow.idx)
    ).all()
    claims = session.scalars(select(ClaimRow).where(ClaimRow.article_id == article_id).order_by(ClaimRow.id)).all()
    return Extraction(
        id=str(article_id), events=[event_from_row(r) for r in events], claims=[claim_from_row(r) for r in claims]
    )
