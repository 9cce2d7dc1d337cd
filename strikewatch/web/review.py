"""Review actions as the web app calls them: merge, split, set a field, reject — each with a reason, audited.

The rules live in ``strikewatch.merge.review`` (append-only audit, re-applied after every re-merge); this module
only validates what a request asks for and calls it. Until that module exists a minimal stand-in below applies
the action directly and records it in ``review_actions``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from strikewatch.db.tables import EventRow, ReviewAction, Strike, StrikeReport
from strikewatch.errors import UserError
from strikewatch.schema import COUNT_FIELDS

ACTIONS: tuple[str, ...] = ("merge", "split", "set", "reject")
SETTABLE: tuple[str, ...] = (
    "date", "country", "admin1", "admin2", "place", "lat", "lon", "type", "perpetrator", "target", "grade",
    *[f"{c}_{b}" for c in COUNT_FIELDS for b in ("min", "max")],
)  # fmt: skip
INT_FIELDS = frozenset(f"{c}_{b}" for c in COUNT_FIELDS for b in ("min", "max"))
FLOAT_FIELDS = frozenset({"lat", "lon"})


def _engine() -> Any:
    """``strikewatch.merge.review`` when the merge stage provides it (None otherwise)."""
    try:
        from strikewatch.merge import review as engine  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None
    return engine if hasattr(engine, "apply_action") else None


def settable() -> tuple[str, ...]:
    """The fields a reviewer may set (the merge stage's list when present)."""
    try:
        from strikewatch.merge.driver import SETTABLE as MERGE_SETTABLE  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return SETTABLE
    return tuple(MERGE_SETTABLE)


def coerce_value(field: str, value: Any) -> Any:
    """The typed value for ``field`` from a form string or JSON value (UserError if it does not fit)."""
    if field not in SETTABLE:
        raise UserError(f"field {field!r} cannot be edited; one of: {', '.join(SETTABLE)}")
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return None
    try:
        if field in INT_FIELDS:
            v = int(str(value).strip())
            if not 0 <= v <= 1_000_000:
                raise ValueError
            return v
        if field in FLOAT_FIELDS:
            f = float(str(value).strip())
            if not (-90 <= f <= 90 if field == "lat" else -180 <= f <= 180):
                raise ValueError
            return f
        if field == "date":
            return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise UserError(f"{field}: {value!r} is not a valid value") from None
    s = str(value).strip()
    if field == "country":
        if len(s) != 2 or not s.isalpha():
            raise UserError("country: a two-letter ISO code such as PK")
        return s.upper()
    if field == "grade":
        from strikewatch.web.queries import GRADES

        if s not in GRADES:
            raise UserError(f"grade must be one of {', '.join(GRADES)}")
    return s[:500]


def _active(session: Session, strike_id: int) -> Strike:
    s = session.get(Strike, strike_id)
    if s is None:
        raise UserError(f"no strike record {strike_id}")
    if s.status != "active":
        raise UserError(f"strike record {strike_id} is {s.status}, not active")
    return s


def apply(session: Session, action: str, args: dict[str, Any], *, by: str, reason: str) -> dict[str, Any]:
    """Carry out one review action; returns ``{"action", "strike_id"}`` (the record to show afterwards)."""
    reason = reason.strip()
    if not reason:
        raise UserError("a reason is required for every review action")
    if action not in ACTIONS:
        raise UserError(f"unknown action {action!r}")
    engine = _engine()
    if engine is not None:
        result = engine.apply_action(session, action, args, by=by, reason=reason)
        return dict(result)
    return _fallback(session, action, args, by=by, reason=reason)


# --- stand-in until strikewatch.merge.review lands --------------------------------------------------------------


def _recompute(session: Session, s: Strike) -> None:
    events = session.scalars(
        select(EventRow).join(StrikeReport, StrikeReport.event_id == EventRow.id).where(StrikeReport.strike_id == s.id)
    ).all()
    groups = session.scalars(select(StrikeReport.source_group).where(StrikeReport.strike_id == s.id)).all()
    s.n_reports = len(events)
    s.n_sources = len(set(groups))
    for c in COUNT_FIELDS:
        lo = [getattr(e, f"{c}_min") for e in events if getattr(e, f"{c}_min") is not None]
        hi = [getattr(e, f"{c}_max") for e in events if getattr(e, f"{c}_max") is not None]
        if lo:
            setattr(s, f"{c}_min", min(lo))
        if hi:
            setattr(s, f"{c}_max", max(hi))
    s.updated_at = dt.datetime.now(dt.UTC)


def _fallback(session: Session, action: str, args: dict[str, Any], *, by: str, reason: str) -> dict[str, Any]:
    now = dt.datetime.now(dt.UTC)
    if action == "merge":
        ids = sorted({int(i) for i in args.get("ids", [])})
        if len(ids) < 2:
            raise UserError("merge needs at least two strike ids")
        records = [_active(session, i) for i in ids]
        target, others = records[0], records[1:]
        for o in others:
            for rep in session.scalars(select(StrikeReport).where(StrikeReport.strike_id == o.id)).all():
                session.add(StrikeReport(strike_id=target.id, event_id=rep.event_id, article_id=rep.article_id,
                                         source_group=rep.source_group, score=rep.score, why=rep.why))
                session.delete(rep)
            o.status, o.merged_into, o.updated_at = "merged", target.id, now
        session.flush()
        _recompute(session, target)
        logged: dict[str, Any] = {"ids": ids, "into": target.id}
        result = target.id
    elif action == "split":
        s = _active(session, int(args.get("id", 0)))
        ev_ids = {int(i) for i in args.get("event_ids", [])}
        reps = session.scalars(select(StrikeReport).where(StrikeReport.strike_id == s.id)).all()
        moving = [r for r in reps if r.event_id in ev_ids]
        if not moving or len(moving) == len(reps):
            raise UserError("split needs some, but not all, of the record's reports")
        new = Strike(status="active", type=s.type, perpetrator=s.perpetrator, date=s.date, country=s.country,
                     admin1=s.admin1, admin2=s.admin2, place=s.place, lat=s.lat, lon=s.lon,
                     geo_precision=s.geo_precision, grade=s.grade, target_groups=[], named_dead=[], why={},
                     created_at=now, updated_at=now)
        session.add(new)
        session.flush()
        for r in moving:
            session.add(StrikeReport(strike_id=new.id, event_id=r.event_id, article_id=r.article_id,
                                     source_group=r.source_group, score=r.score, why=r.why))
            session.delete(r)
        session.flush()
        for c in COUNT_FIELDS:
            setattr(s, f"{c}_min", None)
            setattr(s, f"{c}_max", None)
        _recompute(session, s)
        _recompute(session, new)
        logged = {"id": s.id, "event_ids": sorted(ev_ids), "new_id": new.id}
        result = s.id
    elif action == "set":
        s = _active(session, int(args.get("id", 0)))
        field = str(args.get("field", ""))
        value = coerce_value(field, args.get("value"))
        stored = dt.date.fromisoformat(value) if field == "date" and value is not None else value
        setattr(s, field, stored)
        s.updated_at = now
        logged = {"id": s.id, "field": field, "value": value}
        result = s.id
    else:  # reject
        s = _active(session, int(args.get("id", 0)))
        s.status, s.updated_at = "rejected", now
        logged = {"id": s.id}
        result = s.id
    session.add(ReviewAction(at=now, by=by, action=action, args=logged, reason=reason))
    session.flush()
    return {"action": action, "strike_id": result, "args": logged}
