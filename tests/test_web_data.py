"""Test data for the web tests: our own short reports, their events with evidence spans, and strike records.

``seed(engine)`` inserts them directly (no ingestion or merge needed) and returns the ids the tests use.
The articles are written for these tests; no third-party text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import Engine

from strikewatch.db import session_scope
from strikewatch.db.tables import Article, EventRow, RawBlob, Strike, StrikeReport

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
        "published": dt.date(2014, 6, 12),
        "text": (
            "A US drone strike killed three suspected militants in Dande Darpa Khel, a village near Miranshah in "
            "North Waziristan, on Thursday, two intelligence officials said."
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
            "at least three were civilians."
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
    (2, {"date": dt.date(2014, 6, 12), "killed_min": 3, "killed_max": 3, "militants_min": 3, "militants_max": 3},
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


def _strike(**kw: Any) -> Strike:
    base: dict[str, Any] = {"status": "active", "type": "drone_strike", "target_groups": [], "named_dead": [],
                            "double_tap": False, "why": {}, "created_at": NOW, "updated_at": NOW}
    base.update(kw)
    return Strike(**base)


def seed(engine: Engine, *, extra: int = 0) -> dict[str, Any]:
    """Insert the articles, events and strike records; ``extra`` more records without sources (pagination)."""
    ids: dict[str, Any] = {}
    with session_scope(engine) as s:
        art_ids = []
        for i, a in enumerate(ARTICLES):
            raw = (a["title"] + "\n" + a["text"]).encode()
            sha = hashlib.sha256(raw).hexdigest()
            s.add(RawBlob(sha256=sha, size=len(raw), data=raw, created_at=NOW))
            s.flush()
            art = Article(sha256=sha, text_sha256=hashlib.sha256(a["text"].encode()).hexdigest(),
                          source=f"test:{i}", content_type="text/plain", title=a["title"], outlet=a["outlet"],
                          published=a["published"], published_basis="cli", text=a["text"], comments=a["comments"],
                          n_chars=len(a["text"]), ingested_at=NOW, extractor_version="test")
            s.add(art)
            s.flush()
            art_ids.append(art.id)
        ev_ids = []
        for n, (ai, fields, phrases) in enumerate(EVENTS):
            text = ARTICLES[ai]["text"]
            evidence = [_span(text, ph, f) for f, ph in phrases.items()]
            geo = GEO[["miranshah", "miranshah", "dande", "wana", "bayda"][n]]
            ev = EventRow(article_id=art_ids[ai], idx=0, extractor_version="test", role="main", section="body",
                          type="drone_strike", evidence=evidence, target_groups=[], named_dead=[], **geo, **fields)
            s.add(ev)
            s.flush()
            ev_ids.append(ev.id)
        mir = _strike(date=dt.date(2014, 6, 12), date_precision="day", **GEO["miranshah"], killed_min=4,
                      killed_max=6, injured_min=2, injured_max=2, civilians_min=0, civilians_max=2, grade="fair",
                      grade_reason="two independent sources agree on the place and date", n_sources=2, n_reports=2,
                      why={"rule": "same place and date", "score": 0.92})
        dande = _strike(date=dt.date(2014, 6, 12), date_precision="day", **GEO["dande"], killed_min=3, killed_max=3,
                        militants_min=3, militants_max=3, grade="weak", grade_reason="a single report",
                        n_sources=1, n_reports=1)
        wana = _strike(date=dt.date(2012, 3, 9), date_precision="day", **GEO["wana"], killed_min=10, killed_max=15,
                       civilians_min=3, civilians_max=3, grade="confirmed", grade_reason="several sources agree",
                       n_sources=1, n_reports=1)
        bayda = _strike(date=dt.date(2013, 1, 4), date_precision="day", **GEO["bayda"], killed_min=2, killed_max=2,
                        grade="contested", grade_reason="the ministry denies the strike took place", n_sources=1,
                        n_reports=1)
        nowhere = _strike(date=None, country="PK", killed_min=1, killed_max=1, grade="weak", n_sources=0, n_reports=0)
        s.add_all([mir, dande, wana, bayda, nowhere])
        s.flush()
        links = [(mir, 0), (mir, 1), (dande, 2), (wana, 3), (bayda, 4)]
        for strike, n in links:
            ai = EVENTS[n][0]
            s.add(StrikeReport(strike_id=strike.id, event_id=ev_ids[n], article_id=art_ids[ai],
                               source_group=art_ids[ai], score=0.9, why={}))
        for k in range(extra):
            s.add(_strike(date=dt.date(2010, 1, 1) + dt.timedelta(days=7 * k), country="AF", admin1="Kunar",
                          lat=34.8 + (k % 10) * 0.01, lon=71.1, killed_min=k % 5, killed_max=k % 5 + 1,
                          grade="weak", n_sources=1, n_reports=1))
        s.flush()
        ids.update(miranshah=mir.id, dande=dande.id, wana=wana.id, bayda=bayda.id, nowhere=nowhere.id,
                   articles=art_ids, events=ev_ids)
    return ids


def test_seed_spans_point_at_their_phrases() -> None:
    """The evidence phrases of the test data occur in their articles (guards edits of the texts above)."""
    for ai, _fields, phrases in EVENTS:
        text = ARTICLES[ai]["text"]
        for field, phrase in phrases.items():
            sp = _span(text, phrase, field)
            assert text[sp["start"]:sp["end"]] == phrase
