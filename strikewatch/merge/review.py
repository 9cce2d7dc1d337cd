"""Human review: merge, split, set, reject — recorded append-only in ``review_actions`` and replayed on every merge.

Each function checks the request, appends one audit row (who, when, why, and the reports concerned named by keys
that survive re-extraction), applies it at once, and re-merges the strikes it touches, in the caller's
transaction. Later full re-merges and re-extractions replay the log (constraints.py, driver.py), so a decision is
never lost and never has to be made twice.

Reports are named on the command line as a report key (``17:2014-06-11:miranshah``, shown by
``strikewatch strike ID``), as ``ARTICLE@DATE`` or ``ARTICLE@DATE@PLACE``, or as a bare article id (all reports
of that article in the strike).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from strikewatch.db.tables import ReviewAction, Strike, StrikeReport
from strikewatch.errors import UserError
from strikewatch.merge.constraints import parse_key
from strikewatch.merge.driver import SETTABLE, lock, now, run
from strikewatch.merge.reports import norm_place
from strikewatch.merge.review_values import validate_set

ST = cast(Table, Strike.__table__)
SR = cast(Table, StrikeReport.__table__)
RA = cast(Table, ReviewAction.__table__)
ACTIONS: tuple[str, ...] = ("merge", "split", "set", "reject")


def _strike(session: Session, sid: int, *, allow: tuple[str, ...] = ("active",)) -> Any:
    row = session.execute(select(ST).where(ST.c.id == sid)).first()
    if row is None:
        raise UserError(f"no strike record {sid}")
    if row.status not in allow:
        extra = f" (merged into {row.merged_into})" if row.merged_into else ""
        raise UserError(f"strike {sid} is {row.status}{extra}; only {' or '.join(allow)} records can be reviewed")
    return row


def _members(row: Any) -> list[list[Any]]:
    return [list(m) for m in (row.why or {}).get("members", [])]


def _check(by: str, reason: str) -> tuple[str, str]:
    by, reason = (by or "").strip(), (reason or "").strip()
    if not by:
        raise UserError("--by is required: who made this decision")
    if not reason:
        raise UserError("--reason is required: why this decision was made")
    return by, reason


def _record(session: Session, action: str, args: dict[str, Any], by: str, reason: str) -> int:
    return int(session.execute(
        insert(RA).returning(RA.c.id), [{"at": now(), "by": by, "action": action, "args": args, "reason": reason}]
    ).scalar_one())


def _set_members(session: Session, sid: int, members: list[list[Any]], **values: Any) -> None:
    row = session.execute(select(ST.c.why).where(ST.c.id == sid)).scalar_one()
    why = dict(row or {})
    why["members"] = sorted(members)
    values["why"] = why
    values["updated_at"] = now()
    session.execute(update(ST).where(ST.c.id == sid).values(**values))


def _articles(members: Iterable[list[Any]]) -> list[int]:
    return sorted({int(a) for a, _ in members})


def select_reports(members: list[list[Any]], specs: Iterable[str]) -> list[list[Any]]:
    """The members of a strike named by ``specs`` (keys, ARTICLE@DATE[@PLACE], or ARTICLE)."""
    chosen: list[list[Any]] = []
    for spec in specs:
        spec = spec.strip()
        if not spec:
            continue
        hits: list[list[Any]]
        if ":" in spec:
            hits = [m for m in members if m[1] == spec]
        else:
            parts = spec.split("@")
            if not parts[0].isdigit():
                raise UserError(f"cannot read report {spec!r}: use a report key, ARTICLE@DATE[@PLACE] or ARTICLE")
            art = int(parts[0])
            hits = [m for m in members if int(m[0]) == art]
            if len(parts) > 1 and parts[1]:
                try:
                    dt.date.fromisoformat(parts[1])
                except ValueError:
                    raise UserError(f"{spec!r}: {parts[1]!r} is not a date (YYYY-MM-DD)") from None
                hits = [m for m in hits if parse_key(m[1])[1].startswith(parts[1])]
            if len(parts) > 2 and parts[2]:
                want = norm_place(parts[2])
                hits = [m for m in hits if parse_key(m[1])[2] == want]
        if not hits:
            raise UserError(f"report {spec!r} is not in this strike record")
        for h in hits:
            if h not in chosen:
                chosen.append(h)
    return chosen


def merge(session: Session, a: int, b: int, *, by: str, reason: str) -> int:
    """Merge strike ``b`` into strike ``a`` (``a`` keeps its id; ``b`` becomes ``merged`` into ``a``)."""
    by, reason = _check(by, reason)
    lock(session)
    if a == b:
        raise UserError("cannot merge a strike record with itself")
    ra, rb = _strike(session, a), _strike(session, b)
    ma, mb = _members(ra), _members(rb)
    aid = _record(session, "merge", {
        "strike": a, "other": b, "a_reports": sorted(k for _, k in ma), "b_reports": sorted(k for _, k in mb),
    }, by, reason)
    session.execute(update(SR).where(SR.c.strike_id == b).values(strike_id=a))
    _set_members(session, a, ma + mb)
    why_b = dict(rb.why or {}, members=[], merged_by="review", merged_by_action=aid)
    session.execute(update(ST).where(ST.c.id == b).values(status="merged", merged_into=a, why=why_b, updated_at=now()))
    run(session, _articles(ma + mb), cause={"review": aid}, also=(a, b))
    return aid


def split(session: Session, a: int, reports: Iterable[str], *, by: str, reason: str) -> tuple[int, int]:
    """Move the named reports of strike ``a`` to a new strike record; returns (action id, new strike id)."""
    by, reason = _check(by, reason)
    lock(session)
    ra = _strike(session, a)
    members = _members(ra)
    moved = select_reports(members, reports)
    rest = [m for m in members if m not in moved]
    if not moved:
        raise UserError("name the reports to split off with --reports")
    if not rest:
        raise UserError("cannot split off every report of a strike record (reject it instead)")
    t = now()
    skip = ("id", "why", "created_at", "updated_at", "fingerprint", "status", "merged_into")
    copy = {col.name: getattr(ra, col.name) for col in ST.columns if col.name not in skip}
    new_id = int(session.execute(insert(ST).returning(ST.c.id), [{
        **copy, "status": "active", "merged_into": None, "why": {"members": sorted(moved)}, "created_at": t,
        "updated_at": t,
    }]).scalar_one())
    moved_keys = {k for _, k in moved}
    ev_rows = session.execute(select(SR.c.event_id, SR.c.why).where(SR.c.strike_id == a)).all()
    for eid, why in ev_rows:
        if (why or {}).get("key") in moved_keys:
            session.execute(update(SR).where(SR.c.strike_id == a, SR.c.event_id == eid).values(strike_id=new_id))
    _set_members(session, a, rest)
    aid = _record(session, "split", {
        "strike": a, "reports": sorted(moved_keys), "rest": sorted(k for _, k in rest), "new_id": new_id,
    }, by, reason)
    run(session, _articles(members), cause={"review": aid}, also=(a, new_id))
    return aid, new_id


def set_fields(session: Session, a: int, values: dict[str, str], *, by: str, reason: str) -> list[int]:
    """Override fields of strike ``a`` (one audited action per field); re-applied after every re-merge."""
    by, reason = _check(by, reason)
    lock(session)
    ra = _strike(session, a, allow=("active", "rejected"))
    if not values:
        raise UserError("nothing to set: give FIELD=VALUE")
    validate_set(ra._mapping, values)  # the one validator: types, ranges, rules between fields
    ids = [_record(session, "set", {"strike": a, "field": f, "value": v}, by, reason) for f, v in values.items()]
    run(session, _articles(_members(ra)), cause={"review": ids[-1]}, also=(a,))
    return ids


def reject(session: Session, a: int, *, by: str, reason: str) -> int:
    """Mark strike ``a`` as not a strike; its reports stay with it and no longer merge with others."""
    by, reason = _check(by, reason)
    lock(session)
    ra = _strike(session, a)
    members = _members(ra)
    aid = _record(session, "reject", {"strike": a, "reports": sorted(k for _, k in members)}, by, reason)
    run(session, _articles(members), cause={"review": aid}, also=(a,))
    return aid


def parse_assignments(items: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for it in items:
        if "=" not in it:
            raise UserError(f"{it!r}: write FIELD=VALUE (settable: {', '.join(sorted(SETTABLE))})")
        k, v = it.split("=", 1)
        out[k.strip()] = v
    return out


def apply_action(session: Session, action: str, args: dict[str, Any], *, by: str, reason: str) -> dict[str, Any]:
    """One review action from the web app. ``args``: merge ``{"ids": [A, B, ...]}`` (into the lowest id) or
    ``{"strike": A, "other": B}``; split ``{"id": A, "event_ids": [...]}`` or ``{"id": A, "reports": [...]}``;
    set ``{"id": A, "field": F, "value": V}``; reject ``{"id": A}``.
    Returns ``{"action", "strike_id", "args", "action_ids"}``."""
    if action not in ACTIONS:
        raise UserError(f"unknown review action {action!r}; one of {', '.join(ACTIONS)}")

    def sid(key: str = "id") -> int:
        v = args.get(key, args.get("strike"))
        try:
            return int(v)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise UserError(f"{action}: a strike id is required") from None

    if action == "merge":
        if "ids" in args:
            try:
                ids = sorted({int(i) for i in args["ids"]})
            except (TypeError, ValueError):
                raise UserError("merge: ids must be strike ids") from None
        else:
            ids = [sid("strike"), int(args.get("other", 0))]
        if len(ids) < 2:
            raise UserError("merge needs at least two strike ids")
        target = ids[0]
        done = [merge(session, target, other, by=by, reason=reason) for other in ids[1:]]
        return {"action": action, "strike_id": target, "args": {"ids": ids, "into": target}, "action_ids": done}
    a = sid()
    if action == "split":
        specs = [str(x) for x in args.get("reports", [])]
        if args.get("event_ids"):
            try:
                wanted = {int(e) for e in args["event_ids"]}
            except (TypeError, ValueError):
                raise UserError("split: event_ids must be numbers") from None
            rows = session.execute(select(SR.c.event_id, SR.c.why).where(SR.c.strike_id == a)).all()
            specs += [str((w or {}).get("key")) for e, w in rows if e in wanted and (w or {}).get("key")]
            if not specs:
                raise UserError("split: none of those reports belong to this strike record")
        aid, new_id = split(session, a, specs, by=by, reason=reason)
        return {"action": action, "strike_id": a, "args": {"id": a, "reports": specs, "new_id": new_id},
                "action_ids": [aid], "new_id": new_id}
    if action == "set":
        f = str(args.get("field", ""))
        v = args.get("value")
        ids = set_fields(session, a, {f: "" if v is None else str(v)}, by=by, reason=reason)
        return {"action": action, "strike_id": a, "args": {"id": a, "field": f, "value": v}, "action_ids": ids}
    aid = reject(session, a, by=by, reason=reason)
    return {"action": action, "strike_id": a, "args": {"id": a}, "action_ids": [aid]}


def action_dict(row: Any) -> dict[str, Any]:
    return {"id": row.id, "at": row.at.isoformat() if row.at else None, "by": row.by, "action": row.action,
            "args": row.args or {}, "reason": row.reason}


def strikes_of(args: dict[str, Any]) -> set[int]:
    out = set()
    for k in ("strike", "other", "new_id", "id"):
        v = args.get(k)
        if isinstance(v, int):
            out.add(v)
    for v in args.get("ids", []) or []:
        if isinstance(v, int):
            out.add(v)
    return out


def review_log(session: Session, strike_id: int | None = None) -> list[dict[str, Any]]:
    """The audit log, oldest first; with ``strike_id`` only the actions that concern that record."""
    rows = session.execute(select(RA).order_by(RA.c.id)).all()
    out = [action_dict(r) for r in rows]
    if strike_id is not None:
        out = [a for a in out if strike_id in strikes_of(a["args"])]
    return out
