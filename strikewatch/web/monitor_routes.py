"""The monitor in the web app: the change log (``/api/changes``), its Atom feed (``/feeds/strikes.atom``) and the
sources' health page for signed-in reviewers (``/sources``)."""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from strikewatch.merge.changes import KINDS, latest_id, list_changes
from strikewatch.web.api import ERRORS, ErrorOut
from strikewatch.web.deps import JSONBytes, get_db

router = APIRouter()
DB = Annotated[Session, Depends(get_db, scope="function")]
MAX_ID = 2**31 - 1
Country = Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO alpha-2 country of the record")]
Admin2 = Annotated[str | None, Query(max_length=128, description="district (admin2), case-insensitive")]
MinKilled = Annotated[int | None, Query(ge=0, le=1_000_000, description="records whose highest toll is at least")]


class Change(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: int = Field(description="increasing: poll with since=<the last id you have>")
    at: str
    strike_id: int
    kind: str = Field(description=f"one of {', '.join(KINDS)}")
    reasons: list[str] = Field(description="new record, new source, wider range, grade, review, ...")
    diff: dict[str, Any] = Field(description="field -> [before, after]; articles -> [removed, added]")
    summary: str
    record: dict[str, Any] | None = Field(description="the record as it is now")


class ChangePage(BaseModel):
    since: int
    next: int = Field(description="pass as since= to get the following page")
    more: bool = Field(description="true when more changes follow this page")
    latest: int = Field(description="the newest change id at the time of the request")
    items: list[Change]


def _serialise(c: dict[str, Any]) -> dict[str, Any]:
    c = dict(c)
    c["at"] = c["at"].isoformat() if hasattr(c["at"], "isoformat") else c["at"]
    c["url"] = f"/strikes/{c['strike_id']}"
    return c


@router.get("/api/changes", response_model=ChangePage, responses=ERRORS, tags=["changes"])
def api_changes(db: DB, since: Annotated[int, Query(ge=0, le=2**53, description="changes after this id")] = 0,
                limit: Annotated[int, Query(ge=1, le=1000)] = 100, country: Country = None, admin2: Admin2 = None,
                min_killed: MinKilled = None) -> Response:
    """Every new strike record and every change to one (a new source, a wider range, a grade change, a review
    decision), oldest first, after ``since``. Poll with ``since=<next>`` until ``more`` is false."""
    latest = latest_id(db)
    items = list_changes(db, since=since, limit=limit + 1, country=country, admin2=admin2, min_killed=min_killed)
    more = len(items) > limit
    items = items[:limit]
    # nothing (more) matched up to the newest change, read before the list: the next poll starts there
    nxt = items[-1]["id"] if items else max(since, latest)
    return JSONBytes({"since": since, "next": nxt, "more": more, "latest": latest,
                      "items": [_serialise(c) for c in items]})


@router.get("/api/changes/{change_id}", response_model=Change, tags=["changes"],
            responses={**ERRORS, 404: {"model": ErrorOut}})
def api_change(db: DB, change_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Response:
    """One change (the Atom feed's entry ids are these urls)."""
    got = list_changes(db, since=change_id - 1, limit=1)
    if not got or got[0]["id"] != change_id:
        raise HTTPException(404, f"no change {change_id}")
    return JSONBytes(_serialise(got[0]))


@router.get("/feeds/strikes.atom", tags=["changes"], response_class=Response,
            responses={**ERRORS, 200: {"content": {"application/atom+xml": {}}, "description": "Atom 1.0 feed"},
                       304: {"description": "not modified since the ETag sent in If-None-Match"}})
def atom_feed(request: Request, db: DB, country: Country = None, admin2: Admin2 = None,
              min_killed: MinKilled = None, limit: Annotated[int, Query(ge=1, le=200)] = 50) -> Response:
    """The newest changes as an Atom feed for feed readers, filtered by country, district and toll."""
    from strikewatch.monitor.atom import MEDIA_TYPE, build_feed

    latest = latest_id(db)
    query = str(request.url.query)
    etag = '"' + hashlib.sha256(f"{latest}|{query}".encode()).hexdigest()[:32] + '"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    changes = list_changes(db, limit=limit, country=country, admin2=admin2, min_killed=min_killed,
                           newest_first=True)
    site = str(request.base_url).rstrip("/")
    what = [f"country {country.upper()}" if country else "", f"district {admin2}" if admin2 else "",
            f"at least {min_killed} killed" if min_killed is not None else ""]
    what = [w for w in what if w]
    title = "strikewatch: new and changed strike records" + (f" ({', '.join(what)})" if what else "")
    body = build_feed(changes, self_url=str(request.url), site_url=site, title=title,
                      subtitle="Every new strike record and every change to one, with its sources.")
    return Response(body, media_type=MEDIA_TYPE + "; charset=utf-8",
                    headers={"ETag": etag, "Cache-Control": "max-age=60"})


@router.get("/sources", response_class=HTMLResponse, include_in_schema=False)
def page_sources(request: Request, db: DB) -> Response:
    """Health of every followed source: last poll, last new item, error, next poll (reviewers only)."""
    from strikewatch.monitor.sources import list_sources
    from strikewatch.web.pages import _signed_in, render

    user = _signed_in(request, db)
    if isinstance(user, Response):
        return user
    sources = list_sources(db)
    counts: dict[str, int] = {}
    for s in sources:
        counts[s["health"]] = counts.get(s["health"], 0) + 1
    return render(request, "sources.html", {"title": "Sources", "sources": sources, "counts": counts},
                  user=user)
