"""HTML pages: map, timeline, table, strike, article, audit, about; sign-in; review (merge, split, edit, reject).

Page contexts are built by plain functions of a database session and a ``Links`` object, so the static export
renders the very same pages with relative links.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment
from sqlalchemy import select
from sqlalchemy.orm import Session

from strikewatch.db.tables import Article
from strikewatch.errors import UserError
from strikewatch.merge.review_values import ReviewValueError
from strikewatch.schema import COUNT_FIELDS, join_comments
from strikewatch.web import queries, review
from strikewatch.web.auth import PRELOGIN_COOKIE, SESSION_COOKIE, CurrentUser, authenticate, csrf_ok
from strikewatch.web.deps import current_user, get_db
from strikewatch.web.templating import Links, highlight, sentence_around

router = APIRouter(include_in_schema=False)
DB = Annotated[Session, Depends(get_db, scope="function")]  # commit before the response goes out
MAX_ID = 2**31 - 1
PAGE_SIZE = 50


# --- contexts shared with the static export ---------------------------------------------------------------------


def source_snippets(text: str, evidence: list[dict[str, Any]], ev_id: Any) -> list[Any]:
    """The sentences of ``text`` holding the evidence spans, each with its spans highlighted."""
    windows: list[list[int]] = []
    for e in sorted(evidence, key=lambda e: int(e["start"])):
        a, b = int(e["start"]), int(e["end"])
        if not 0 <= a < b <= len(text):
            continue
        lo, hi = sentence_around(text, a, b)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    out = []
    for lo, hi in windows:
        spans = [
            {"start": int(e["start"]) - lo, "end": int(e["end"]) - lo, "field": e.get("field", "")}
            for e in evidence
            if lo <= int(e["start"]) and int(e["end"]) <= hi
        ]
        first = min(int(e["start"]) for e in evidence if lo <= int(e["start"]) and int(e["end"]) <= hi)
        # the article page gives each evidence span the id ev-<event id>-<start>
        out.append({"start": lo, "end": hi, "html": highlight(text[lo:hi], spans), "anchor": f"ev-{ev_id}-{first}"})
    return out


def matched_words(why: Any, by_key: dict[Any, dict[str, Any]]) -> dict[str, Any] | None:
    """Why a report joined its record, in plain words for the public page ("same day, same place, same target",
    and which source it matched); the score and each feature's weight are kept for the reviewers' details."""
    if not isinstance(why, dict) or not why.get("features"):
        return None
    feats = [(str(f[0]), float(f[1])) for f in why["features"] if isinstance(f, list | tuple) and len(f) == 2]
    agree = [name for name, w in feats if w > 0]
    differ = [name for name, w in feats if w < 0]
    other = by_key.get(why.get("best_match"))
    other_name = None
    if other is not None:
        other_name = other.get("outlet") or other.get("title") or f"article {other.get('article_id')}"
    return {"agree": agree, "differ": differ, "with": other_name, "score": why.get("score"), "features": feats}


def strike_context(session: Session, strike_id: int) -> dict[str, Any] | None:
    rec = queries.strike_detail(session, strike_id)
    if rec is None:
        return None
    art_ids = sorted({int(s["article_id"]) for s in rec.get("sources", []) if s.get("article_id") is not None})
    texts: dict[int, str] = {}
    if art_ids:
        for a in session.scalars(select(Article).where(Article.id.in_(art_ids))):
            texts[a.id] = join_comments(a.text, a.comments)[0]
    sources = []
    for src in rec.get("sources", []):
        ev = src.get("event") or {}
        evidence = list(ev.get("evidence") or src.get("evidence") or [])
        text = texts.get(int(src.get("article_id") or 0), "")
        figures = [
            (c, ev.get(f"{c}_min"), ev.get(f"{c}_max"))
            for c in COUNT_FIELDS
            if ev.get(f"{c}_min") is not None or ev.get(f"{c}_max") is not None
        ]
        sources.append({**src, "event": ev, "figures": figures,
                        "snippets": source_snippets(text, evidence, ev.get("id", src.get("article_id")))})
    by_key = {s.get("key"): s for s in sources if s.get("key")}
    for s in sources:
        s["matched"] = matched_words(s.get("why"), by_key)
    counts = [(c, rec.get(f"{c}_min"), rec.get(f"{c}_max")) for c in COUNT_FIELDS]
    return {"rec": rec, "sources": sources, "counts": counts, "title": f"Strike {strike_id}"}


def article_context(session: Session, article_id: int) -> dict[str, Any] | None:
    art = queries.article_detail(session, article_id)
    if art is None:
        return None
    spans = []
    for ev in art["events"]:
        for e in ev.get("evidence") or []:
            spans.append({"start": e["start"], "end": e["end"], "field": e.get("field", ""),
                          "id": f"ev-{ev['id']}-{e['start']}"})
    for c in art["claims"]:
        spans.append({"start": c["start"], "end": c["end"], "field": "claim", "id": f"claim-{c['id']}"})
    text = art["text"]
    cut = art.get("comments_start")
    body_html = highlight(text if cut is None else text[:cut], spans)
    comments_html = None
    if cut is not None:
        shifted = [{**s, "start": int(s["start"]) - cut, "end": int(s["end"]) - cut, "id": s.get("id")}
                   for s in spans if int(s["start"]) >= cut]
        comments_html = highlight(text[cut:], shifted)
    return {"art": art, "body_html": body_html, "comments_html": comments_html,
            "title": art.get("title") or f"Article {article_id}"}


LATEST = 6  # changes in the map page's "latest" strip


def map_context(session: Session, counts: queries.CountCache | None = None) -> dict[str, Any]:
    from strikewatch.merge.changes import list_changes

    latest = list_changes(session, limit=LATEST, newest_first=True)
    return {"total": queries.count_strikes(session, queries.StrikeFilter(), counts), "title": "Map",
            "latest": latest}


# --- the live app's routes ---------------------------------------------------------------------------------------


def render(request: Request, name: str, ctx: dict[str, Any], status: int = 200,
           user: CurrentUser | None = None) -> HTMLResponse:
    env: Environment = request.app.state.jinja
    html = env.get_template(name).render(links=Links(), user=user, static_site=False, path=request.url.path, **ctx)
    return HTMLResponse(html, status_code=status)


def _user(request: Request, db: Session) -> CurrentUser | None:
    return current_user(request, db)


@router.get("/", response_class=HTMLResponse)
def page_map(request: Request, db: DB) -> HTMLResponse:
    return render(request, "map.html", map_context(db, request.app.state.counts), user=_user(request, db))


@router.get("/timeline", response_class=HTMLResponse)
def page_timeline(request: Request, db: DB) -> HTMLResponse:
    return render(request, "timeline.html", {"title": "Timeline"}, user=_user(request, db))


def parse_filter(params: dict[str, str]) -> tuple[queries.StrikeFilter, list[str]]:
    """A filter from a page's query string, with a readable message for each value that does not parse."""
    errors: list[str] = []

    def date(name: str) -> dt.date | None:
        v = params.get(name, "").strip()
        if not v:
            return None
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            errors.append(f"{name}: {v!r} is not a date (YYYY-MM-DD)")
            return None

    since, until = date("since"), date("until")
    country = params.get("country", "").strip().upper() or None
    if country and (len(country) != 2 or not country.isalpha()):
        errors.append(f"country: {country!r} is not a two-letter code")
        country = None
    grade = params.get("grade", "").strip()
    if grade and grade not in queries.GRADES:
        errors.append(f"grade: {grade!r} is not one of {', '.join(queries.GRADES)}")
        grade = ""
    mk = params.get("min_killed", "").strip()
    min_killed = None
    if mk:
        if mk.isdigit() and int(mk) <= 1_000_000:
            min_killed = int(mk)
        else:
            errors.append(f"min killed: {mk!r} is not a whole number")
    admin = params.get("admin", "").strip()[:128] or None
    return queries.StrikeFilter(since=since, until=until, country=country, admin=admin,
                                grade=(grade,) if grade else (), min_killed=min_killed), errors


@router.get("/strikes", response_class=HTMLResponse)
def page_table(request: Request, db: DB) -> HTMLResponse:
    params = dict(request.query_params)
    flt, errors = parse_filter(params)
    sort = params.get("sort", "-date")
    if sort not in queries.SORT_KEYS:
        errors.append(f"sort: {sort!r} is not one of {', '.join(queries.SORT_KEYS)}")
        sort = "-date"
    page_s = params.get("page", "1")
    page = int(page_s) if page_s.isdigit() and 0 < int(page_s) < 200_000 else 1
    items, total = queries.list_strikes(db, flt, sort=sort, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE,
                                        counts=request.app.state.counts)
    keep = {k: v for k, v in params.items() if k != "page" and v}
    pages = max(1, (total + PAGE_SIZE - 1) // PAGE_SIZE)

    def page_url(n: int) -> str:
        return "/strikes?" + urlencode({**keep, "page": n})

    query = urlencode({k: v for k, v in keep.items() if k != "sort"})
    return render(request, "table.html", {
        "title": "Strikes", "items": items, "total": total, "page": page, "pages": pages, "params": params,
        "errors": errors, "sort": sort, "grades": queries.GRADES, "sort_keys": queries.SORT_KEYS,
        "countries": queries.countries(db), "prev_url": page_url(page - 1) if page > 1 else None,
        "next_url": page_url(page + 1) if page < pages else None,
        "csv_url": "/api/strikes.csv" + ("?" + query if query else ""),
        "geojson_url": "/api/strikes.geojson" + ("?" + query if query else ""),
    }, status=400 if errors else 200, user=_user(request, db))


StrikeId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("/strikes/{strike_id}", response_class=HTMLResponse)
def page_strike(request: Request, db: DB, strike_id: StrikeId) -> Response:
    ctx = strike_context(db, strike_id)
    if ctx is None:
        raise HTTPException(404, f"no strike record {strike_id}")
    reviewed = request.query_params.get("reviewed")
    ctx["reviewed"] = reviewed if reviewed in review.ACTIONS else None
    return render(request, "strike.html", ctx, user=_user(request, db))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def page_article(request: Request, db: DB, article_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Response:
    ctx = article_context(db, article_id)
    if ctx is None:
        raise HTTPException(404, f"no article {article_id}")
    return render(request, "article.html", ctx, user=_user(request, db))


@router.get("/audit", response_class=HTMLResponse)
def page_audit(request: Request, db: DB) -> HTMLResponse:
    return render(request, "audit.html", {"title": "Audit trail", "items": queries.audit(db)},
                  user=_user(request, db))


@router.get("/about", response_class=HTMLResponse)
def page_about(request: Request, db: DB) -> HTMLResponse:
    return render(request, "about.html", {"title": "About"}, user=_user(request, db))


# --- sign-in -----------------------------------------------------------------------------------------------------


def _login_page(request: Request, message: str | None = None, status: int = 200) -> HTMLResponse:
    cookie, token = request.app.state.sessions.prelogin_token()
    nxt = request.query_params.get("next", "/review")
    resp = render(request, "login.html", {"title": "Sign in", "token": token, "message": message,
                                          "next": nxt if nxt.startswith("/") and not nxt.startswith("//") else "/"},
                  status=status)
    resp.set_cookie(PRELOGIN_COOKIE, cookie, max_age=3600, httponly=True, samesite="strict",
                    secure=request.url.scheme == "https", path="/")
    return resp


@router.get("/login", response_class=HTMLResponse)
def page_login(request: Request) -> HTMLResponse:
    return _login_page(request)


@router.post("/login", response_class=HTMLResponse)
def do_login(
    request: Request, db: DB, name: Annotated[str, Form(max_length=128)] = "",
    password: Annotated[str, Form(max_length=1024)] = "", csrf_token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=500)] = "/review",
) -> Response:
    sessions = request.app.state.sessions
    if not sessions.check_prelogin(request.cookies.get(PRELOGIN_COOKIE), csrf_token):
        return _login_page(request, "The form expired; please sign in again.", status=403)
    limiter = request.app.state.limiter
    keys = (request.client.host if request.client else "?", name)  # (client, account)
    wait = limiter.retry_after(*keys)
    if wait:
        resp = _login_page(request, f"Too many failed sign-ins. Try again in {wait} seconds.", status=429)
        resp.headers["Retry-After"] = str(wait)
        return resp
    user = authenticate(db, name, password)
    if user is None:
        limiter.failed(*keys)
        return _login_page(request, "Wrong name or password.", status=401)
    limiter.succeeded(*keys)
    cookie, _ = sessions.issue(user, db)
    target = next if next.startswith("/") and not next.startswith("//") else "/review"
    done = RedirectResponse(target, status_code=303)
    done.set_cookie(SESSION_COOKIE, cookie, max_age=sessions.max_age, httponly=True, samesite="strict",
                    secure=request.url.scheme == "https", path="/")
    done.delete_cookie(PRELOGIN_COOKIE, path="/")
    return done


def _form_user(request: Request, db: Session, token: str) -> CurrentUser:
    user = current_user(request, db)
    if user is None:
        raise HTTPException(401, "sign in as a reviewer first")
    if user.role not in ("reviewer", "admin"):
        raise HTTPException(403, "this account may not review")
    if not csrf_ok(user, token):
        raise HTTPException(403, "missing or wrong CSRF token; reload the page and try again")
    return user


@router.post("/logout")
def do_logout(request: Request, db: DB, csrf_token: Annotated[str, Form(max_length=200)] = "") -> Response:
    user = _form_user(request, db, csrf_token)
    request.app.state.sessions.revoke(user, db)  # the cookie is worthless from now on, wherever it was copied
    resp = RedirectResponse("/", status_code=303)
    resp.delete_cookie(SESSION_COOKIE, path="/")
    return resp


# --- review ------------------------------------------------------------------------------------------------------


def _signed_in(request: Request, db: Session) -> CurrentUser | Response:
    user = current_user(request, db)
    if user is None:
        return RedirectResponse("/login?" + urlencode({"next": request.url.path}), status_code=303)
    if user.role not in ("reviewer", "admin"):
        raise HTTPException(403, "this account may not review")
    return user


@router.get("/review", response_class=HTMLResponse)
def page_review(request: Request, db: DB) -> Response:
    user = _signed_in(request, db)
    if isinstance(user, Response):
        return user
    params = dict(request.query_params)
    flt, errors = parse_filter(params)
    page_s = params.get("page", "1")
    page = int(page_s) if page_s.isdigit() and 0 < int(page_s) < 200_000 else 1
    items, total = queries.list_strikes(db, flt, sort=params.get("sort", "-date") if params.get("sort") in
                                        queries.SORT_KEYS else "-date", limit=100, offset=(page - 1) * 100)
    return render(request, "review.html", {
        "title": "Review", "items": items, "total": total, "errors": errors, "params": params, "page": page,
        "message": params.get("done"), "audit": queries.audit(db, limit=20),
    }, user=user)


@router.get("/review/strikes/{strike_id}", response_class=HTMLResponse)
def page_review_strike(request: Request, db: DB, strike_id: StrikeId) -> Response:
    user = _signed_in(request, db)
    if isinstance(user, Response):
        return user
    ctx = strike_context(db, strike_id)
    if ctx is None:
        raise HTTPException(404, f"no strike record {strike_id}")
    return render(request, "review_strike.html", {**ctx, "settable": review.settable(),
                                                  "message": request.query_params.get("error")}, user=user)


def _review_form(request: Request, db: Session, token: str, action: str, args: dict[str, Any], reason: str,
                 back: str) -> Response:
    user = _form_user(request, db, token)
    try:
        result = review.apply(db, action, args, by=user.name, reason=reason)
    except ReviewValueError as exc:  # the value is refused (422): the form again, with the reason
        ctx = strike_context(db, int(args["id"]))
        if ctx is None:
            raise HTTPException(404, f"no strike record {args['id']}") from None
        return render(request, "review_strike.html", {**ctx, "settable": review.settable(), "message": str(exc)},
                      status=422, user=user)
    except UserError as exc:
        return RedirectResponse(back + "?" + urlencode({"error": str(exc)}), status_code=303)
    request.app.state.counts.clear()
    return RedirectResponse(f"/strikes/{result['strike_id']}?" + urlencode({"reviewed": action}), status_code=303)


def _ids(raw: str | list[str]) -> list[int]:
    parts = raw if isinstance(raw, list) else [raw]
    out = []
    for p in parts:
        for tok in p.replace(",", " ").split():
            if not tok.isdigit() or not 0 < int(tok) <= MAX_ID:
                raise UserError(f"{tok!r} is not a strike id")
            out.append(int(tok))
    return out


@router.post("/review/merge")
def form_merge(request: Request, db: DB, csrf_token: Annotated[str, Form(max_length=200)] = "",
               ids: Annotated[list[str] | None, Form()] = None,
               reason: Annotated[str, Form(max_length=4000)] = "") -> Response:
    user = _form_user(request, db, csrf_token)
    try:
        id_list = _ids(ids or [])
        result = review.apply(db, "merge", {"ids": id_list}, by=user.name, reason=reason)
    except UserError as exc:
        return RedirectResponse("/review?" + urlencode({"done": f"error: {exc}"}), status_code=303)
    request.app.state.counts.clear()
    return RedirectResponse(f"/strikes/{result['strike_id']}?reviewed=merge", status_code=303)


@router.post("/review/strikes/{strike_id}/split")
def form_split(request: Request, db: DB, strike_id: StrikeId, csrf_token: Annotated[str, Form(max_length=200)] = "",
               event_ids: Annotated[list[str] | None, Form()] = None,
               reason: Annotated[str, Form(max_length=4000)] = "") -> Response:
    back = f"/review/strikes/{strike_id}"
    _form_user(request, db, csrf_token)
    try:
        evs = _ids(event_ids or [])
    except UserError as exc:
        return RedirectResponse(back + "?" + urlencode({"error": str(exc)}), status_code=303)
    return _review_form(request, db, csrf_token, "split", {"id": strike_id, "event_ids": evs}, reason, back)


@router.post("/review/strikes/{strike_id}/set")
def form_set(request: Request, db: DB, strike_id: StrikeId, csrf_token: Annotated[str, Form(max_length=200)] = "",
             field: Annotated[str, Form(max_length=64)] = "", value: Annotated[str, Form(max_length=500)] = "",
             reason: Annotated[str, Form(max_length=4000)] = "") -> Response:
    return _review_form(request, db, csrf_token, "set", {"id": strike_id, "field": field, "value": value}, reason,
                        f"/review/strikes/{strike_id}")


@router.post("/review/strikes/{strike_id}/reject")
def form_reject(request: Request, db: DB, strike_id: StrikeId, csrf_token: Annotated[str, Form(max_length=200)] = "",
                reason: Annotated[str, Form(max_length=4000)] = "") -> Response:
    return _review_form(request, db, csrf_token, "reject", {"id": strike_id}, reason, f"/review/strikes/{strike_id}")
