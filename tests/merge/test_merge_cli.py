"""The merge stage's commands run for real: merge, strikes (every format), strike (text, json, --why)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from strikewatch.db import open_db, session_scope
from strikewatch.schema import Event
from swdev.fixtures import add_article, add_events, evidence_for

D = dt.date(2014, 6, 12)


def _store(url: str) -> None:
    texts = [
        ("US drones fired four missiles at a compound in Dande Darpakhel near Miranshah on Thursday, killing six "
         "suspected militants, officials said.", "Dande Darpakhel", 6, 10, 32.99, 70.20, "Frontier Daily"),
        ("At least ten people died when a drone hit a compound in Dande Darpakhel, residents said.",
         "Dande Darpakhel", 10, 10, 32.99, 70.20, "Tribal News"),
        ("A drone strike in Wana killed two people on Thursday.", "Wana", 2, 2, None, None, "Capital Wire"),
    ]
    with session_scope(open_db(url)) as s:
        for text, place, lo, hi, lat, lon, outlet in texts:
            aid = add_article(s, text, outlet=outlet, published=D, url=f"https://{outlet.split()[0].lower()}.example/1")
            phrase = "killing six" if lo == 6 else ("At least ten people died" if lo == 10 else "killed two")
            add_events(s, aid, [Event(
                type="drone_strike", perpetrator="US", date=D, date_earliest=D, date_latest=D, country="PK",
                admin1="Khyber Pakhtunkhwa", admin2="North Waziristan" if place != "Wana" else "South Waziristan",
                place=place, lat=lat, lon=lon, geo_precision="place", killed_min=lo, killed_max=hi,
                evidence=evidence_for(text, killed_min=phrase, place=place))])


def test_merge_and_list_in_every_format(sqlite_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    _store(sqlite_url)
    r = cli("merge", db=sqlite_url)
    assert r.returncode == 0 and "2 new strike records" in r.stderr, r.stderr
    r = cli("merge", db=sqlite_url)
    assert r.returncode == 0 and "nothing to merge" in r.stderr
    r = cli("merge", "--full", db=sqlite_url)
    assert r.returncode == 0 and "0 new strike records, 0 updated" in r.stderr, r.stderr

    r = cli("strikes", "--format", "json", db=sqlite_url)
    rows = json.loads(r.stdout)
    assert [(x["place"], x["killed_min"], x["killed_max"], x["n_sources"]) for x in rows] == [
        ("Dande Darpakhel", 6, 10, 2), ("Wana", 2, 2, 1)]
    for k in ("date", "date_earliest", "date_latest", "country", "admin1", "admin2", "lat", "lon", "type",
              "perpetrator", "munitions_max", "grade", "grade_reason"):
        assert k in rows[0]
    r = cli("strikes", "--format", "csv", "--admin", "North Waziristan", db=sqlite_url)
    got = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(got) == 1 and got[0]["killed_max"] == "10" and got[0]["grade"] == "fair"
    r = cli("strikes", "--format", "geojson", db=sqlite_url)
    gj = json.loads(r.stdout)
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 1 and gj["skipped_no_coordinates"] == 1
    assert gj["features"][0]["geometry"]["coordinates"] == [70.20, 32.99]
    r = cli("strikes", "--grade", "weak", db=sqlite_url)
    assert r.returncode == 0 and "Wana" in r.stdout and "Dande" not in r.stdout
    r = cli("strikes", "--grade", "certain", db=sqlite_url)
    assert r.returncode == 2 and "unknown grade" in r.stderr
    r = cli("strikes", "--since", "June 12", db=sqlite_url)
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr


def test_strike_shows_sources_quotes_and_why(sqlite_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    _store(sqlite_url)
    assert cli("merge", db=sqlite_url).returncode == 0
    r = cli("strike", "1", "--format", "json", db=sqlite_url)
    rec = json.loads(r.stdout)
    assert rec["id"] == 1 and len(rec["sources"]) == 2
    src = rec["sources"][0]
    for k in ("article_id", "url", "outlet", "published", "killed_min", "killed_max", "evidence"):
        assert k in src
    assert {q["quote"] for s in rec["sources"] for q in s["evidence"] if q["field"] == "killed_min"} == {
        "killing six", "At least ten people died"}
    r = cli("strike", "1", "--why", db=sqlite_url)
    assert r.returncode == 0
    assert "“At least ten people died when a drone hit a compound in Dande Darpakhel, residents said.”" in r.stdout
    assert "same place +3" in r.stdout and "joined" in r.stdout
    r = cli("strike", "99", db=sqlite_url)
    assert r.returncode == 2 and "no strike record 99" in r.stderr
