"""Review actions as the web app calls them: merge, split, set a field, reject — each with a reason, audited.

The rules live in ``strikewatch.merge.review`` (append-only audit, re-applied after every re-merge); the web only
checks that a reason was given and passes the request on.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from strikewatch.errors import UserError
from strikewatch.merge import review as merge_review
from strikewatch.merge.driver import SETTABLE as MERGE_SETTABLE

ACTIONS: tuple[str, ...] = tuple(merge_review.ACTIONS)
SETTABLE: tuple[str, ...] = tuple(sorted(MERGE_SETTABLE))


def settable() -> tuple[str, ...]:
    """The fields a reviewer may set."""
    return SETTABLE


def apply(session: Session, action: str, args: dict[str, Any], *, by: str, reason: str) -> dict[str, Any]:
    """Carry out one review action; returns ``{"action", "strike_id", ...}`` (the record to show afterwards)."""
    reason = reason.strip()
    if not reason:
        raise UserError("a reason is required for every review action")
    if action not in ACTIONS:
        raise UserError(f"unknown action {action!r}")
    return dict(merge_review.apply_action(session, action, args, by=by, reason=reason))
