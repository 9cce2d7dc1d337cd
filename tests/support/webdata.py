"""Test data for the web tests: our own short reports, their events with evidence spans, and strike records.

``seed(engine)`` inserts them directly (no ingestion or merge needed) and returns the ids the tests use.
The articles are written for these tests; no third-party text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import Engine, func, select

from strikewatch.db import session_scope
from strikewatch.db.tables import Article, ClaimRow, EventRow, RawBlob, Strike, StrikeReport

NOW = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)

ARTICLES: list[dict[str, Any]] = [
    {
        "title": "Drone strike on compound near Miranshah",
        "outlet": "Frontier Desk",
        "published": dt.date(2014, 6, 13),
        "text": (
            "Officials said a drone fired two missiles at a compound near Miranshah in North Waziristan on "
            "Thursday night. At least four people were killed and two were injured, according to local "
            "officials. Residents said two of the dead were civilians who lived nearby.\n\n"
            "The strike came a day after talks between the government and militant leaders broke down."
        ),
        "comments": None,
    },
    {
        "title": "Six killed as missiles hit Miranshah house",
        "outlet": "Valley Times",
        "published": dt.date(2014, 6, 13),
        "text": (
            "Six people were killed when missiles struck a house in Miranshah, North Waziristan, on Thursday, "
            "security sources said. The house belonged to a local commander.\n\nNo group claimed the dead."
        ),
        "comments": "Reader: my cousin lives two streets away and heard three explosions.",
    },
    {
        "title": "Strike reported in Dande Darpa Khel",
        "outlet": "Tribal Wire",
        "published": dt.date(2014, 6, 20),
        "text": (
            "A US drone strike killed three suspected militants in Dande Darpa Khel, a village near Miranshah in "
            "North Waziristan, on 19 June, two intelligence officials said."
        ),
        "comments": None,
    },
    {
        "title": "Missiles strike vehicle in Wana",
        "outlet": "Frontier Desk",
        "published": dt.date(2012, 3, 10),
        "text": (
            "Between ten and fifteen people were killed on Friday when a drone struck two vehicles outside Wana, "
            "the main town of South Waziristan. Officials said most of the dead were fighters, but elders said "
            "at least three were civilians. A local monitoring group says 140 people have died in drone strikes in "
            "the agency since January."
        ),
        "comments": None,
    },
    {
        "title": "Air strike in Al Bayda province",
        "outlet": "Gulf Monitor",
        "published": dt.date(2013, 1, 5),
        "text": (
            "Two men were killed in an air strike on a car in Al Bayda province on Friday, a tribal leader said; "
            "the defence ministry denied that any strike took place."
        ),
        "comments": None,
    },
]


def _span(text: str, phrase: str, field: str) -> dict[str, Any]:
    start = text.index(phrase)
    return {"field": field, "start": start, "end": start + len(phrase)}


# (article index, event fields, evidence phrases {field: phrase})
EVENTS: list[tuple[int, dict[str, Any], dict[str, str]]] = [
    (0, {"date": dt.date(2014, 6, 12), "killed_min": 4, "killed_max": None, "injured_min": 2, "injured_max": 2,
         "civilians_min": 2, "civilians_max": 2},
     {"killed": "At least four people were killed", "injured": "two were injured",
      "civilians": "two of the dead were civilians", "place": "Miranshah in North Waziristan"}),
    (1, {"date": dt.date(2014, 6, 12), "killed_min": 6, "killed_max": 6},
     {"killed": "Six people were killed", "place": "Miranshah, North Waziristan"}),
    (2, {"date": dt.date(2014, 6, 19), "killed_min": 3, "killed_max": 3, "militants_min": 3, "militants_max": 3},
     {"killed": "killed three suspected militants", "place": "Dande Darpa Khel"}),
    (3, {"date": dt.date(2012, 3, 9), "killed_min": 10, "killed_max": 15, "civilians_min": 3, "civilians_max": None},
     {"killed": "Between ten and fifteen people were killed", "civilians": "at least three were civilians",
      "place": "outside Wana"}),
    (4, {"date": dt.date(2013, 1, 4), "killed_min": 2, "killed_max": 2},
     {"killed": "Two men were killed", "place": "Al Bayda province"}),
]

GEO = {
    "miranshah": {"country": "PK", "admin1": "Khyber Pakhtunkhwa", "admin2": "North Waziristan",
                  "place": "Miranshah", "lat": 33.0, "lon": 70.07, "geo_precision": "place"},
    "dande": {"country": "PK", "admin1": "Khyber Pakhtunkhwa", "admin2": "North Waziristan",
              "place": "Dande Darpa Khel", "lat": 33.03, "lon": 70.02, "geo_precision": "place"},
    "wana": {"country": "PK", "admin1": "Khyber Pakhtunkhwa", "admin2": "South Waziristan", "place": "Wana",
             "lat": 32.3, "lon": 69.57, "geo_precision": "place"},
    "bayda": {"country": "YE", "admin1": "Al Bayda", "admin2": None, "place": None, "lat": 14.17, "lon": 45.3,
              "geo_precision": "admin1"},
}


NOWHERE_TEXT = ("One person was killed in a drone strike somewhere in the tribal areas on 2 July 2013, a resident "
                "said by telephone.")


def _extra_text(k: int) -> tuple[str, str]:
    day = dt.date(2010, 1, 4) + dt.timedelta(days=7 * k)
    phrase = f"killed {k % 5 + 1} people"
    return f"A drone strike {phrase} in Kunar province on {day:%d %B %Y}, district officials said.", phrase


def _add_article(s: Any, n: int, title: str, outlet: str, published: dt.date | None, text: str,
                 comments: str | None) -> int:
    raw = f"{n}\n{title}\n{text}".encode()
    sha = hashlib.sha256(raw).hexdigest()
    s.add(RawBlob(sha256=sha, size=len(raw), data=raw, created_at=NOW))
    s.flush()
    art = Article(sha256=sha, text_sha256=hashlib.sha256(text.encode()).hexdigest(), source=f"test:{n}",
                  content_type="text/plain", title=title, outlet=outlet, published=published, published_basis="cli",
                  text=text, comments=comments, n_chars=len(text), ingested_at=NOW, extractor_version="test")
    s.add(art)
    s.flush()
    return int(art.id)


def _add_event(s: Any, article_id: int, text: str, fields: dict[str, Any], phrases: dict[str, str]) -> int:
    ev = EventRow(article_id=article_id, idx=0, extractor_version="test", role="main", section="body",
                  type="drone_strike", evidence=[_span(text, ph, f) for f, ph in phrases.items()], target_groups=[],
                  named_dead=[], **fields)
    s.add(ev)
    s.flush()
    return int(ev.id)


def seed(engine: Engine, *, extra: int = 0) -> dict[str, Any]:
    """Articles and their events, merged into strike records by the real merge stage.

    ``extra`` adds that many more one-report strikes in Kunar (for pagination). Returns the ids tests use.
    """
    from strikewatch.merge import update_strikes

    with session_scope(engine) as s:
        art_ids = [_add_article(s, i, a["title"], a["outlet"], a["published"], a["text"], a["comments"])
                   for i, a in enumerate(ARTICLES)]
        ev_ids = []
        for n, (ai, fields, phrases) in enumerate(EVENTS):
            geo = GEO[["miranshah", "miranshah", "dande", "wana", "bayda"][n]]
            ev_ids.append(_add_event(s, art_ids[ai], ARTICLES[ai]["text"], {**geo, **fields}, phrases))
        nid = _add_article(s, 100, "Strike in the tribal areas", "Wire", dt.date(2013, 7, 3), NOWHERE_TEXT, None)
        _add_event(s, nid, NOWHERE_TEXT, {"date": dt.date(2013, 7, 2), "country": "PK", "geo_precision": "country",
                                          "killed_min": 1, "killed_max": 1},
                   {"killed": "One person was killed", "date": "2 July 2013"})
        for k in range(extra):
            text, phrase = _extra_text(k)
            day = dt.date(2010, 1, 4) + dt.timedelta(days=7 * k)
            aid = _add_article(s, 1000 + k, f"Kunar strike {k}", "Wire", day, text, None)
            _add_event(s, aid, text, {"date": day, "country": "AF", "admin1": "Kunar", "lat": 34.85 + (k % 10) * 0.02,
                                      "lon": 71.1 + (k % 7) * 0.02, "geo_precision": "admin1",
                                      "killed_min": k % 5 + 1, "killed_max": k % 5 + 1}, {"killed": phrase})
        claim = "140 people have died in drone strikes in the agency since January"
        at = ARTICLES[3]["text"].index(claim)
        s.add(ClaimRow(article_id=art_ids[3], extractor_version="test", text=claim, start=at, end=at + len(claim),
                       source="a local monitoring group", quantity=140, unit="killed", period="since January"))
    update_strikes(engine)
    ids: dict[str, Any] = {"articles": art_ids, "events": ev_ids}
    with session_scope(engine) as s:
        for name, ev in (("miranshah", ev_ids[0]), ("dande", ev_ids[2]), ("wana", ev_ids[3]), ("bayda", ev_ids[4])):
            ids[name] = s.scalar(select(StrikeReport.strike_id).where(StrikeReport.event_id == ev))
        ids["nowhere"] = s.scalar(select(StrikeReport.strike_id).where(StrikeReport.article_id == nid))
        ids["active"] = s.scalar(select(func.count()).select_from(Strike).where(Strike.status == "active"))
    return ids
