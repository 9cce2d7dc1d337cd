"""The HTTP API under /api: strike records, articles, stats, CSV/GeoJSON, sessions and review actions."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, create_model
from sqlalchemy.orm import Session

from strikewatch import export
from strikewatch.db import session_scope
from strikewatch.errors import UserError
from strikewatch.merge.review_values import ReviewValueError
from strikewatch.model import count_attrs, place_attrs, pydantic_fields
from strikewatch.web import queries, review
from strikewatch.web.auth import SESSION_COOKIE, CurrentUser, authenticate
from strikewatch.web.deps import JSONBytes, current_user, dumps, get_db, require_reviewer

router = APIRouter(prefix="/api")
DB = Annotated[Session, Depends(get_db, scope="function")]  # commit before the response goes out
MAX_ID = 2**31 - 1
StrikeId = Annotated[int, Path(ge=1, le=MAX_ID, description="Stable strike record id")]


# --- response models (documentation of the JSON shapes in /openapi.json) -----------------------------------------


# A record's place (as trackers give it) and every casualty class, from strikewatch.model (a list row and a record
# carry all of them; the schema used to document killed and civilians only).
StrikeSummary = create_model(
    "StrikeSummary",
    __config__=ConfigDict(extra="allow"),
    id=(int, ...),
    status=(str, ...),
    date=(dt.date | None, None),
    **pydantic_fields([*place_attrs(event=False), *count_attrs()]),
    grade=(str | None, None),
    n_sources=(int, 0),
    killed=(str | None, Field(None, description="the killed figure as shown: '7', '7–12', '≥ 7', '≤ 8', 'unknown' "
                              "(also injured, civilians, children, militants)")),
    open_bounds=(dict[str, str], Field(default_factory=dict, description="which bound of which figure no source "
                                       "stated: {'killed': 'max'} for 'at least 7' (the other bound is then null)")),
)


class StrikePage(BaseModel):
    total: int = Field(description="records matching the filters")
    limit: int
    offset: int
    sort: str
    items: list[StrikeSummary]  # type: ignore[valid-type]  # made by create_model


StrikeDetail = create_model(
    "StrikeDetail",
    __base__=StrikeSummary,
    sources=(list[dict[str, Any]], Field(description="each report: article, its figures and evidence quotes")),
    audit=(list[dict[str, Any]], Field(description="review actions naming this record, newest first")),
)
_OPEN_COUNTS: dict[str, Any] = {f"{n}_open": (int, 0) for n in queries.STATS_COUNTS}
StatsRow = create_model(
    "StatsRow",
    period=(str, ...),
    strikes=(int, ...),
    **pydantic_fields(count_attrs(queries.STATS_COUNTS, type="int", default=...)),
    # records with a stated minimum but no maximum ("at least 7"): above 0, the period's maximum is open
    # ("≥ <name>_min") and <name>_max counts their minimum
    **_OPEN_COUNTS,
)


class Stats(BaseModel):
    period: str
    series: list[StatsRow]  # type: ignore[valid-type]  # made by create_model
    totals: dict[str, int]
    undated: int


class ErrorOut(BaseModel):
    error: str
    status: int


class SessionIn(BaseModel):
    name: str = Field(min_length=1, max_length=128)
    password: str = Field(min_length=1, max_length=1024)


class SessionOut(BaseModel):
    name: str
    role: str
    csrf: str = Field(description="send as X-CSRF-Token with every review request")


class MergeIn(BaseModel):
    ids: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field(min_length=2, max_length=50)
    reason: str = Field(min_length=1, max_length=4000)


class SplitIn(BaseModel):
    id: int = Field(ge=1, le=MAX_ID)
    event_ids: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field(min_length=1, max_length=500)
    reason: str = Field(min_length=1, max_length=4000)


class SetIn(BaseModel):
    id: int = Field(ge=1, le=MAX_ID)
    field: str = Field(description=f"one of {', '.join(review.SETTABLE)}")
    value: str | int | float | None
    reason: str = Field(min_length=1, max_length=4000)


class RejectIn(BaseModel):
    id: int = Field(ge=1, le=MAX_ID)
    reason: str = Field(min_length=1, max_length=4000)


class ReviewOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    action: str
    strike_id: int


ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ErrorOut}, 422: {"model": ErrorOut}}


# --- filters ---------------------------------------------------------------------------------------------------


# what the schema promises is what the server accepts: grades only, one or several separated by commas
GRADE_LIST = "^ *(" + "|".join(queries.GRADES) + ") *(, *(" + "|".join(queries.GRADES) + ") *)*,? *$"


async def strike_filter(
    since: Annotated[dt.date | None, Query(description="first date, YYYY-MM-DD")] = None,
    until: Annotated[dt.date | None, Query(description="last date, YYYY-MM-DD")] = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2, e.g. PK")] = None,
    admin: Annotated[str | None, Query(max_length=128, description="province/agency (admin1 or admin2)")] = None,
    grade: Annotated[
        list[Annotated[str, Query(pattern=GRADE_LIST)]] | None,
        Query(description="one or more of " + ", ".join(queries.GRADES) + " (repeat, or comma-separated)"),
    ] = None,
    min_killed: Annotated[int | None, Query(ge=0, le=1_000_000, description="killed (max) at least")] = None,
) -> queries.StrikeFilter:
    grades: list[str] = []
    for g in grade or []:
        grades.extend(x.strip() for x in g.split(",") if x.strip())
    bad = [g for g in grades if g not in queries.GRADES]
    if bad:
        raise HTTPException(400, f"unknown grade {bad[0]!r}; use one of {', '.join(queries.GRADES)}")
    if since and until and since > until:
        raise HTTPException(400, f"since ({since}) is after until ({until})")
    return queries.StrikeFilter(
        since=since,
        until=until,
        country=country.upper() if country else None,
        admin=admin or None,
        grade=tuple(grades),
        min_killed=min_killed,
    )


Filter = Annotated[queries.StrikeFilter, Depends(strike_filter)]
Sort = Literal["date", "-date", "killed", "-killed", "civilians", "-civilians", "sources", "-sources", "id", "-id"]


# --- public read endpoints -------------------------------------------------------------------------------------


@router.get("/strikes", summary="List strike records", response_model=StrikePage, responses=ERRORS, tags=["strikes"])
def api_strikes(
    request: Request,
    flt: Filter,
    sort: Annotated[Sort, Query(description="field, '-' for descending")] = "-date",
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    """Strike records matching the filters, one page at a time."""
    # Sync on purpose: in the threadpool, SQLite and psycopg release the GIL while the database works, so two
    # requests use both cores (an async handler here halved the throughput under 4 clients). The session is
    # opened here rather than by a dependency: one thread hand-off per request instead of three.
    with session_scope(request.app.state.engine) as db:
        items, total = queries.list_strikes(
            db, flt, sort=sort, limit=limit, offset=offset, counts=request.app.state.counts
        )
    return JSONBytes({"total": total, "limit": limit, "offset": offset, "sort": sort, "items": items})


def geojson_bytes(items: list[dict[str, Any]]) -> bytes:
    """A FeatureCollection of the records with coordinates (``skipped_no_coordinates``: how many have none)."""
    return dumps(export.geojson_dict(items))


def csv_text(items: list[dict[str, Any]]) -> str:
    return export.csv_text(items)


@router.get(
    "/strikes.geojson",
    summary="Strike records as GeoJSON",
    responses={**ERRORS, 200: {"content": {"application/geo+json": {}}}},
    tags=["strikes"],
    response_class=Response,
)
def api_strikes_geojson(db: DB, flt: Filter) -> Response:
    """Matching records with coordinates as a GeoJSON FeatureCollection (``skipped_no_coordinates``: the rest)."""
    return Response(geojson_bytes(queries.iter_strikes(db, flt, sources=True)), media_type="application/geo+json")


@router.get(
    "/strikes.csv",
    summary="Strike records as CSV",
    responses={**ERRORS, 200: {"content": {"text/csv": {}}}},
    tags=["strikes"],
    response_class=Response,
)
def api_strikes_csv(db: DB, flt: Filter) -> Response:
    """All matching records as CSV (the schema's field names as the header)."""
    return Response(
        csv_text(queries.iter_strikes(db, flt, sources=True)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="strikes.csv"'},
    )


@router.get(
    "/strikes/{strike_id}",
    summary="One strike record with sources and evidence",
    response_model=StrikeDetail,
    responses={404: {"model": ErrorOut}},
    tags=["strikes"],
)
def api_strike(db: DB, strike_id: StrikeId) -> Response:
    """One record with its sources (each report's figures and evidence quotes), claims and audit trail."""
    rec = queries.strike_detail(db, strike_id)
    if rec is None:
        raise HTTPException(404, f"no strike record {strike_id}")
    return JSONBytes(rec)


@router.get(
    "/articles/{article_id}",
    summary="One article with its evidence",
    responses={404: {"model": ErrorOut}},
    tags=["articles"],
)
def api_article(db: DB, article_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Response:
    """A stored article: its text (evidence offsets refer to it), events, claims and the records it supports."""
    art = queries.article_detail(db, article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id}")
    return JSONBytes(art)


@router.get(
    "/stats", summary="Strikes and casualties per period", response_model=Stats, responses=ERRORS, tags=["stats"]
)
def api_stats(db: DB, flt: Filter, period: Literal["week", "month", "year"] = "month") -> Response:
    """Strikes and summed casualty ranges per week, month or year."""
    return JSONBytes(queries.stats(db, flt, period))


@router.get("/audit", summary="Review audit trail", tags=["review"])
def api_audit(
    db: DB,
    strike_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> Response:
    """The review audit trail (append-only), newest first; public."""
    return JSONBytes({"items": queries.audit(db, strike_id=strike_id, limit=limit)})


# --- sessions and review ---------------------------------------------------------------------------------------


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


@router.post(
    "/session",
    summary="Sign in",
    response_model=SessionOut,
    responses={401: {"model": ErrorOut}, 429: {"model": ErrorOut}},
    tags=["session"],
)
def api_login(request: Request, db: DB, body: SessionIn) -> Response:
    """Sign in; sets the session cookie and returns the CSRF token for review requests. Rate-limited."""
    limiter = request.app.state.limiter
    keys = (_client(request), body.name)  # (client, account)
    wait = limiter.retry_after(*keys)
    if wait:
        raise HTTPException(429, f"too many failed sign-ins; try again in {wait} s", headers={"Retry-After": str(wait)})
    user = authenticate(db, body.name, body.password)
    if user is None:
        limiter.failed(*keys)
        raise HTTPException(401, "wrong name or password")
    limiter.succeeded(*keys)
    cookie, csrf = request.app.state.sessions.issue(user, db)
    resp = JSONBytes({"name": user.name, "role": user.role, "csrf": csrf})
    set_session_cookie(request, resp, cookie)
    return resp


def set_session_cookie(request: Request, resp: Response, value: str) -> None:
    resp.set_cookie(
        SESSION_COOKIE,
        value,
        max_age=request.app.state.sessions.max_age,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )


@router.get(
    "/session",
    summary="Current session",
    response_model=SessionOut,
    responses={401: {"model": ErrorOut}},
    tags=["session"],
)
def api_whoami(request: Request, db: DB) -> Response:
    """Who is signed in (and the CSRF token of this session)."""
    user = current_user(request, db)
    if user is None:
        raise HTTPException(401, "not signed in")
    return JSONBytes({"name": user.name, "role": user.role, "csrf": user.csrf})


@router.delete(
    "/session", summary="Sign out", tags=["session"], responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}}
)
def api_logout(request: Request, user: Reviewer, db: DB) -> Response:
    """Sign out (needs the CSRF token): the session ends on the server, so a copy of the cookie is worthless."""
    request.app.state.sessions.revoke(user, db)
    resp = JSONBytes({"signed_out": True})
    resp.delete_cookie(SESSION_COOKIE, path="/")
    return resp


CSRF = Annotated[str | None, Header(alias="X-CSRF-Token", description="the session's CSRF token")]
REVIEW_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut},
    401: {"model": ErrorOut},
    403: {"model": ErrorOut},
    422: {"model": ErrorOut},
}


def reviewer(request: Request, db: DB, x_csrf_token: CSRF = None) -> CurrentUser:
    """Runs before the body is validated, so an anonymous request is refused whatever it sends."""
    return require_reviewer(request, db, x_csrf_token)


Reviewer = Annotated[CurrentUser, Depends(reviewer)]


def _review(
    request: Request, db: Session, user: CurrentUser, action: str, args: dict[str, Any], reason: str
) -> Response:
    try:
        result = review.apply(db, action, args, by=user.name, reason=reason)
    except ReviewValueError as exc:  # a value the one review validator refuses (type, range, cross-field)
        raise HTTPException(422, str(exc)) from None
    except UserError as exc:
        raise HTTPException(400, str(exc)) from None
    request.app.state.counts.clear()
    return JSONBytes(result)


@router.post(
    "/review/merge", summary="Merge records", response_model=ReviewOut, responses=REVIEW_ERRORS, tags=["review"]
)
def api_merge(request: Request, user: Reviewer, db: DB, body: MergeIn) -> Response:
    """Merge records that report one strike into the lowest id (reviewer; reason required)."""
    return _review(request, db, user, "merge", {"ids": body.ids}, body.reason)


@router.post(
    "/review/split", summary="Split a record", response_model=ReviewOut, responses=REVIEW_ERRORS, tags=["review"]
)
def api_split(request: Request, user: Reviewer, db: DB, body: SplitIn) -> Response:
    """Move some reports (event ids) of a record into a new record (reviewer; reason required)."""
    return _review(request, db, user, "split", {"id": body.id, "event_ids": body.event_ids}, body.reason)


@router.post("/review/set", summary="Edit a field", response_model=ReviewOut, responses=REVIEW_ERRORS, tags=["review"])
def api_set(request: Request, user: Reviewer, db: DB, body: SetIn) -> Response:
    """Correct one field of a record (reviewer; reason required)."""
    return _review(request, db, user, "set", {"id": body.id, "field": body.field, "value": body.value}, body.reason)


@router.post(
    "/review/reject", summary="Reject a record", response_model=ReviewOut, responses=REVIEW_ERRORS, tags=["review"]
)
def api_reject(request: Request, user: Reviewer, db: DB, body: RejectIn) -> Response:
    """Reject a record that is not a strike (reviewer; reason required)."""
    return _review(request, db, user, "reject", {"id": body.id}, body.reason)
