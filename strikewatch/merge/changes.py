"""The change log of strike records: one ``strike_changes`` row per new record and per change to one.

``record_changes(session, strike_ids, cause=...)`` compares each record's tracked fields with what the log last
said about it (``strike_state``) and appends a row for each difference: a new record, a new (or removed) source,
a wider or narrower range, a grade change, a review decision, a record merged into another, retired, rejected or
restored. The merge driver calls it inside its own transaction, after it has written the records, while it holds
the merge lock: the log commits together with the records it describes (a crash loses neither alone), and ids
are handed out in commit order, so a reader polling ``since=ID`` never skips a row committed later with a smaller
id.

Only fields people follow are tracked (``TRACKED``): a re-merge that rewrites a record's explanation without
changing what it says adds nothing to the log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from strikewatch.db.tables import Strike, StrikeChange, StrikeState

ST = cast(Table, Strike.__table__)
CH = cast(Table, StrikeChange.__table__)
SS = cast(Table, StrikeState.__table__)

RANGES = ("killed", "injured", "civilians", "children", "militants")
TRACKED = (
    "status", "merged_into", "type", "perpetrator", "date", "date_earliest", "date_latest", "date_precision",
    "country", "admin1", "admin2", "place", "lat", "lon", "geo_precision",
    *(f"{c}_{m}" for c in (*RANGES, "munitions") for m in ("min", "max")),
    "grade", "n_sources", "n_reports", "double_tap",
)  # fmt: skip
# derived from ``why``: the articles a record rests on, and the review actions applied to it
DERIVED = ("articles", "review")
KINDS = ("new", "update", "merged", "retired", "rejected", "restored")
CHUNK = 500


def _jsonable(v: Any) -> Any:
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float):
        return round(v, 6)
    return v


def _review_ids(why: dict[str, Any]) -> list[int]:
    ids: set[int] = set()
    for o in why.get("overrides", []) or []:
        if isinstance(o, dict) and isinstance(o.get("action"), int):
            ids.add(o["action"])
    rej = why.get("rejected")
    if isinstance(rej, dict) and isinstance(rej.get("action"), int):
        ids.add(rej["action"])
    for f in why.get("review", []) or []:  # "merge #12", "split #13"
        tail = str(f).rsplit("#", 1)[-1]
        if tail.isdigit():
            ids.add(int(tail))
    if isinstance(why.get("merged_by_action"), int):
        ids.add(why["merged_by_action"])
    return sorted(ids)


def state_of(row: Any) -> dict[str, Any]:
    """The tracked fields of a strike row (a Row or mapping with the ``strikes`` columns), JSON-ready."""
    m = row._mapping if hasattr(row, "_mapping") else row
    state = {f: _jsonable(m[f]) for f in TRACKED}
    state["double_tap"] = bool(state["double_tap"])
    why = m["why"] if isinstance(m["why"], dict) else {}
    state["articles"] = sorted({int(a) for a, _ in why.get("members", []) or []})
    state["review"] = _review_ids(why)
    return state


def _ends(lo: Any, hi: Any) -> tuple[int, int]:
    return int(lo if lo is not None else hi), int(hi if hi is not None else lo)


def _range_reason(field: str, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    lo0, hi0 = old.get(f"{field}_min"), old.get(f"{field}_max")
    lo1, hi1 = new.get(f"{field}_min"), new.get(f"{field}_max")
    if (lo0, hi0) == (lo1, hi1):
        return None
    if lo0 is None and hi0 is None:
        return "wider range"  # a figure where there was none
    if lo1 is None and hi1 is None:
        return "narrower range"
    a0, b0 = _ends(lo0, hi0)
    a1, b1 = _ends(lo1, hi1)
    if a1 <= a0 and b1 >= b0:
        return "wider range"
    if a1 >= a0 and b1 <= b0:
        return "narrower range"
    return "range changed"


def classify(old: dict[str, Any] | None, new: dict[str, Any], cause: dict[str, Any] | None = None
             ) -> tuple[str, list[str], dict[str, list[Any]]] | None:
    """(kind, reasons, diff) of the step from ``old`` to ``new``; None when nothing tracked changed (or a record
    first seen already closed). ``diff`` maps each changed field to ``[before, after]``."""
    review = cause is not None and cause.get("review") is not None
    if old is None:
        if new.get("status") != "active":
            return None
        return "new", ["new record"] + (["review"] if review else []), {"articles": [[], new.get("articles") or []]}
    diff = {f: [old.get(f), new.get(f)] for f in (*TRACKED, *DERIVED) if old.get(f) != new.get(f)}
    if not diff:
        return None
    for c in (*RANGES, "munitions"):  # a range is told whole: both ends before and after
        if f"{c}_min" in diff or f"{c}_max" in diff:
            for end in ("min", "max"):
                diff[f"{c}_{end}"] = [old.get(f"{c}_{end}"), new.get(f"{c}_{end}")]
    s0, s1 = old.get("status"), new.get("status")
    if s0 != s1:
        kind = {"merged": "merged", "retired": "retired", "rejected": "rejected"}.get(str(s1), "restored")
    else:
        kind = "update"
    reasons: list[str] = []
    if "articles" in diff:
        before, after = set(old.get("articles") or []), set(new.get("articles") or [])
        added, removed = sorted(after - before), sorted(before - after)
        if added:
            reasons.append("new source")
        if removed:
            reasons.append("source removed")
        diff["articles"] = [removed, added]  # what left, what came
    for field in RANGES:
        r = _range_reason(field, old, new)
        if r and r not in reasons:
            reasons.append(r)
    if "grade" in diff:
        reasons.append("grade")
    if {"date", "date_earliest", "date_latest"} & diff.keys():
        reasons.append("date")
    if {"country", "admin1", "admin2", "place"} & diff.keys():
        reasons.append("place")
    if "double_tap" in diff:
        reasons.append("double tap")
    if review or "review" in diff:
        reasons.append("review")
    if kind != "update":
        reasons.insert(0, kind)
    if not reasons:
        reasons.append("details")
    return kind, reasons, diff


def record_changes(session: Session, strike_ids: Iterable[int], *, cause: dict[str, Any] | None = None,
                   at: dt.datetime | None = None) -> int:
    """Append a change row for each of these records that differs from what the log last said; returns how many.
    Call it inside the transaction that wrote the records, holding the merge lock (``merge.driver.lock``)."""
    ids = sorted(set(strike_ids))
    if not ids:
        return 0
    at = at or dt.datetime.now(dt.UTC)
    review_action = cause.get("review") if cause else None
    cols = [ST.c.id, ST.c.why, *(ST.c[f] for f in TRACKED)]
    written = 0
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        known = {sid: st for sid, st in session.execute(select(SS.c.strike_id, SS.c.state)
                                                        .where(SS.c.strike_id.in_(chunk)))}
        rows: list[dict[str, Any]] = []
        states_new: list[dict[str, Any]] = []
        states_upd: list[dict[str, Any]] = []
        for row in session.execute(select(*cols).where(ST.c.id.in_(chunk)).order_by(ST.c.id)):
            sid = row.id
            new = state_of(row)
            old = known.get(sid)
            if old is not None and not isinstance(old, dict):
                old = None
            got = classify(old, new, cause)
            if got is None:
                if sid not in known:
                    states_new.append({"strike_id": sid, "state": new, "change_id": None})
                elif old != new:
                    states_upd.append({"b_id": sid, "b_state": new})
                continue
            kind, reasons, diff = got
            rows.append({
                "at": at, "strike_id": sid, "kind": kind, "reasons": reasons, "diff": diff,
                "review_action": review_action if isinstance(review_action, int) else None,
                "country": new.get("country"), "admin2": new.get("admin2"),
                "killed_min": new.get("killed_min"), "killed_max": new.get("killed_max"),
            })
            if sid in known:
                states_upd.append({"b_id": sid, "b_state": new})
            else:
                states_new.append({"strike_id": sid, "state": new, "change_id": None})
        if rows:
            change_ids = session.execute(insert(CH).returning(CH.c.id, CH.c.strike_id,
                                                              sort_by_parameter_order=True), rows).all()
            last = {sid: cid for cid, sid in change_ids}
            for s in states_new:
                s["change_id"] = last.get(s["strike_id"])
            for s in states_upd:
                s["b_change"] = last.get(s["b_id"])
            written += len(rows)
        if states_new:
            session.execute(insert(SS), states_new)
        if states_upd:
            with_change = [s for s in states_upd if s.get("b_change") is not None]
            without = [s for s in states_upd if s.get("b_change") is None]
            if with_change:
                session.execute(update(SS).where(SS.c.strike_id == bindparam("b_id"))
                                .values(state=bindparam("b_state", type_=SS.c.state.type),
                                        change_id=bindparam("b_change")), with_change)
            if without:
                session.execute(update(SS).where(SS.c.strike_id == bindparam("b_id"))
                                .values(state=bindparam("b_state", type_=SS.c.state.type)), without)
    return written


# --- reading the log ---------------------------------------------------------------------------------------------

CHANGE_COLS = ("id", "at", "strike_id", "kind", "reasons", "diff", "review_action", "country", "admin2",
               "killed_min", "killed_max")


def latest_id(session: Session) -> int:
    from sqlalchemy import func

    return int(session.scalar(select(func.max(CH.c.id))) or 0)


def list_changes(session: Session, *, since: int = 0, limit: int = 100, country: str | None = None,
                 admin2: str | None = None, min_killed: int | None = None, newest_first: bool = False,
                 kinds: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Changes with id > ``since`` in id order (or the newest first), each with the record as it is now."""
    from sqlalchemy import func

    stmt = select(*(CH.c[c] for c in CHANGE_COLS)).where(CH.c.id > since)
    if country:
        stmt = stmt.where(CH.c.country == country.upper())
    if admin2:
        stmt = stmt.where(func.lower(CH.c.admin2) == admin2.strip().lower())
    if min_killed is not None:
        stmt = stmt.where(CH.c.killed_max >= min_killed)
    if kinds:
        stmt = stmt.where(CH.c.kind.in_(list(kinds)))
    stmt = stmt.order_by(CH.c.id.desc() if newest_first else CH.c.id).limit(limit)
    out = [dict(r._mapping) for r in session.execute(stmt)]
    for c in out:  # SQLite gives back naive datetimes for what was stored as UTC
        if c["at"] is not None and c["at"].tzinfo is None:
            c["at"] = c["at"].replace(tzinfo=dt.UTC)
    records = _records(session, {c["strike_id"] for c in out})
    for c in out:
        c["record"] = records.get(c["strike_id"])
        c["summary"] = describe(c)
    return out


RECORD_COLS = ("id", "status", "merged_into", "date", "date_earliest", "date_latest", "country", "admin1",
               "admin2", "place", "lat", "lon", "type", "killed_min", "killed_max", "civilians_min",
               "civilians_max", "children_min", "children_max", "injured_min", "injured_max", "grade",
               "n_sources", "n_reports", "updated_at")


def _records(session: Session, ids: set[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for i in range(0, len(ids), CHUNK):
        chunk = sorted(ids)[i : i + CHUNK]
        for r in session.execute(select(*(ST.c[c] for c in RECORD_COLS)).where(ST.c.id.in_(chunk))):
            out[r.id] = {k: _jsonable(v) if not isinstance(v, dt.datetime) else v.isoformat()
                         for k, v in r._mapping.items()}
    return out


def _span(lo: Any, hi: Any) -> str | None:
    if lo is None and hi is None:
        return None
    if lo is None or hi is None or lo == hi:
        return str(hi if lo is None else lo)
    return f"{lo}–{hi}"


def where_of(rec: dict[str, Any]) -> str:
    parts = [p for p in (rec.get("place"), rec.get("admin2"), rec.get("admin1")) if p]
    uniq: list[str] = []
    for p in parts:
        if p not in uniq:
            uniq.append(p)
    return ", ".join(uniq[:2]) + (f" ({rec['country']})" if rec.get("country") else "") if uniq else (
        rec.get("country") or "place unknown")


def describe(change: dict[str, Any]) -> str:
    """One line for people: what happened to which record."""
    rec = change.get("record") or {}
    sid = change["strike_id"]
    when = rec.get("date") or rec.get("date_earliest") or "date unknown"
    killed = _span(rec.get("killed_min"), rec.get("killed_max"))
    head = f"strike {sid}: {where_of(rec)}, {when}" + (f", {killed} killed" if killed else "")
    if change.get("killed_min") is not None or change.get("killed_max") is not None:  # the toll at the change
        killed = _span(change.get("killed_min"), change.get("killed_max"))
        head = f"strike {sid}: {where_of(rec)}, {when}" + (f", {killed} killed" if killed else "")
    kind = change["kind"]
    if kind == "new":
        return f"New {head}"
    if kind == "merged":
        return f"Merged {head} into strike {rec.get('merged_into')}"
    if kind in ("retired", "rejected", "restored"):
        return f"{kind.capitalize()} {head}"
    diff = change.get("diff") or {}
    bits: list[str] = []
    for r in change.get("reasons") or []:
        if r == "new source":
            added = (diff.get("articles") or [[], []])[1]
            bits.append(f"{len(added)} new source{'s' if len(added) != 1 else ''}")
        elif r in ("wider range", "narrower range", "range changed"):
            for c in RANGES:
                if f"{c}_min" in diff:
                    lo, hi = diff[f"{c}_min"], diff[f"{c}_max"]
                    bits.append(f"{c} {_span(lo[0], hi[0]) or 'unknown'} → {_span(lo[1], hi[1]) or 'unknown'}")
        elif r == "grade" and "grade" in diff:
            bits.append(f"grade {diff['grade'][0]} → {diff['grade'][1]}")
        else:
            bits.append(r)
    seen: list[str] = []
    for b in bits:
        if b not in seen:
            seen.append(b)
    return f"Updated {head}: " + "; ".join(seen)
