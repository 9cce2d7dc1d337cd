"""Merging stored reports into strike records, on SQLite and PostgreSQL.

Articles are short reports written for these tests; their events are stored directly (as extraction would store
them) with evidence spans pointing into the text, so that the records' quotes can be checked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from strikewatch.db import open_db, session_scope
from strikewatch.db.tables import Strike, StrikeReport
from strikewatch.merge import update_strikes
from strikewatch.merge.views import list_strikes, strike_to_dict
from strikewatch.schema import Event
from swdev.fixtures import add_article, add_events, evidence_for, replace_events

D = dt.date(2014, 6, 11)
PLACES = {
    "Miranshah": ("North Waziristan", 32.99, 70.27),
    "Datta Khel": ("North Waziristan", 32.92, 69.93),
    "Mir Ali": ("North Waziristan", 32.97, 70.27 + 0.25),
    "Shawal": ("South Waziristan", 32.65, 69.85),
    "Wana": ("South Waziristan", 32.30, 69.57),
}


def report(text: str, *, killed: tuple[int, int] | None, place: str | None = "Miranshah", day: dt.date = D,
           role: str = "main", perpetrator: str | None = "US", type_: str = "drone_strike",
           target: str | None = None, admin2: str | None = None, window: tuple[dt.date, dt.date] | None = None,
           quotes: dict[str, str] | None = None, **extra: Any) -> Event:
    """An event as the extractor would give it for ``text``."""
    a2 = admin2 or (PLACES[place][0] if place else None)
    lat = lon = None
    if place:
        _, lat, lon = PLACES[place]
    lo, hi = window or (day, day)
    return Event(
        type=type_, perpetrator=perpetrator, role=role, date=day if window is None else None, date_earliest=lo,
        date_latest=hi, country="PK", admin1="Khyber Pakhtunkhwa", admin2=a2, place=place, lat=lat, lon=lon,
        geo_precision="place" if place else ("admin2" if a2 else "admin1"),
        killed_min=killed[0] if killed else None, killed_max=killed[1] if killed else None, target=target,
        evidence=evidence_for(text, **(quotes or {})), **extra,
    )


def store(url: str, text: str, events: list[Event], *, outlet: str = "Frontier Daily", published: dt.date = D,
          dup_of: int | None = None, version: str = "t1") -> int:
    engine = open_db(url)
    with session_scope(engine) as s:
        aid = add_article(s, text, outlet=outlet, published=published, dup_of=dup_of,
                          url=f"https://news.example/{outlet.lower().replace(' ', '-')}/{abs(hash(text)) % 10**8}")
        add_events(s, aid, events, version)
    return aid


def active(url: str) -> list[Any]:
    with session_scope(open_db(url)) as s:
        return list(s.execute(select(Strike).where(Strike.status == "active").order_by(Strike.id)).scalars())


def merge_all(url: str, ids: list[int] | None = None) -> None:
    update_strikes(open_db(url), ids)


TOLL_TEXTS = [
    ("A US drone fired two missiles at a house in Miranshah on Wednesday, killing one person, officials said.",
     (1, 1), "killing one person"),
    ("Intelligence officials said three suspected militants died when a drone struck a compound in Miranshah.",
     (3, 3), "three suspected militants died"),
    ("At least four people were killed in the drone attack near Miranshah bazaar, residents told reporters.",
     (4, 4), "At least four people were killed"),
    ("The death toll from Wednesday's drone strike in Miranshah rose to nine, a local official said.",
     (9, 9), "rose to nine"),
]


def test_four_reports_saying_1_3_4_9_dead_become_one_strike_1_to_9(db_url: str) -> None:
    outlets = ["Frontier Daily", "Tribal News", "Peshawar Herald", "Capital Wire"]
    ids = []
    for (text, k, phrase), outlet in zip(TOLL_TEXTS, outlets, strict=True):
        ids.append(store(db_url, text, [report(text, killed=k, quotes={"killed_min": phrase, "place": "Miranshah"})],
                         outlet=outlet))
    merge_all(db_url, ids)
    strikes = active(db_url)
    assert len(strikes) == 1
    s = strikes[0]
    assert (s.killed_min, s.killed_max) == (1, 9)
    assert s.n_sources == 4 and s.n_reports == 4
    assert s.grade == "fair" and "4 independent sources" in (s.grade_reason or "")
    assert s.place == "Miranshah" and s.date == D and s.date_precision == "day"
    with session_scope(open_db(db_url)) as sess:
        rec = strike_to_dict(sess, s.id, why=True)
    assert rec is not None
    assert sorted((src["killed_min"], src["killed_max"]) for src in rec["sources"]) == [(1, 1), (3, 3), (4, 4), (9, 9)]
    quotes = {q["quote"] for src in rec["sources"] for q in src["evidence"] if q["field"] == "killed_min"}
    assert quotes == {phrase for _, _, phrase in TOLL_TEXTS}
    assert {src["outlet"] for src in rec["sources"]} == set(outlets)
    assert rec["why"]["steps"], "the merge steps are explained"
    assert any("same place" in dict(src["why"]["features"]) for src in rec["sources"])


def test_wire_copies_count_once(db_url: str) -> None:
    text = "A drone strike on a vehicle in Datta Khel killed five suspected militants on Wednesday, officials said."
    ev = report(text, killed=(5, 5), place="Datta Khel", target="vehicle", quotes={"killed_min": "killed five"})
    first = store(db_url, text, [ev], outlet="Agency Wire")
    copies = [store(db_url, text + f"\n\nReposted by outlet {i}.", [ev], outlet=f"Outlet {i}", dup_of=first)
              for i in range(2)]
    merge_all(db_url, [first, *copies])
    (s,) = active(db_url)
    assert s.n_reports == 3 and s.n_sources == 1
    assert s.grade == "weak" and "wire copies counted once" in (s.grade_reason or "")
    other = "Local elders said five people died when a drone hit a car near Datta Khel."
    o = store(db_url, other, [report(other, killed=(5, 5), place="Datta Khel", target="vehicle")], outlet="Local")
    merge_all(db_url, [o])
    (s,) = active(db_url)
    assert (s.n_reports, s.n_sources, s.grade) == (4, 2, "fair")


def test_two_strikes_in_shawal_on_one_day_stay_two(db_url: str) -> None:
    text = ("Two drone strikes hit the Shawal valley on Wednesday. The first destroyed a house and killed four "
            "people; hours later a second drone fired on a vehicle, killing six.")
    a = store(db_url, text, [
        report(text, killed=(4, 4), place="Shawal", target="house", quotes={"killed_min": "killed four"}),
        report(text, killed=(6, 6), place="Shawal", target="vehicle", quotes={"killed_min": "killing six"}),
    ])
    other = "Six men travelling in a car were killed by a US drone in Shawal, a tribal elder said."
    b = store(db_url, other, [report(other, killed=(6, 6), place="Shawal", target="vehicle")], outlet="Tribal News")
    merge_all(db_url, [a, b])
    strikes = active(db_url)
    assert len(strikes) == 2
    by_toll = {s.killed_max: s for s in strikes}
    assert set(by_toll) == {4, 6}
    assert by_toll[6].n_sources == 2 and by_toll[4].n_sources == 1
    with session_scope(open_db(db_url)) as sess:
        rec = strike_to_dict(sess, by_toll[4].id, why=True)
    assert rec is not None
    assert any(k["reason"] == "same article reports them as separate strikes" for k in rec["why"]["kept_apart"])


def test_places_known_to_differ_never_merge(db_url: str) -> None:
    t1 = "A drone strike in Datta Khel killed three people on Wednesday."
    t2 = "A drone strike in Mir Ali killed three people on Wednesday."
    t3 = "A drone strike in Miramshah killed three people on Wednesday."  # spelling variant of Miranshah
    t4 = "A drone strike in Miranshah killed three people on Wednesday."
    ids = [store(db_url, t1, [report(t1, killed=(3, 3), place="Datta Khel")]),
           store(db_url, t2, [report(t2, killed=(3, 3), place="Mir Ali")])]
    ev3 = report(t3, killed=(3, 3), place="Miranshah")
    ev3.place = "Miramshah"
    ids.append(store(db_url, t3, [ev3]))
    ids.append(store(db_url, t4, [report(t4, killed=(3, 3), place="Miranshah")]))
    merge_all(db_url, ids)
    strikes = active(db_url)
    got = sorted((s.place if s.place != "Miramshah" else "Miranshah", s.n_reports) for s in strikes)
    assert got == [("Datta Khel", 1), ("Mir Ali", 1), ("Miranshah", 2)]


def test_dates_a_day_apart_merge_two_days_apart_do_not(db_url: str) -> None:
    t1 = "A drone strike in Wana killed two people late on Wednesday."
    t2 = "Two people were killed in a drone strike in Wana on Thursday, officials said."
    t3 = "Another drone strike in Wana on Friday killed two people."
    a = store(db_url, t1, [report(t1, killed=(2, 2), place="Wana")])
    b = store(db_url, t2, [report(t2, killed=(2, 2), place="Wana", day=D + dt.timedelta(days=1))])
    merge_all(db_url, [a, b])
    (s,) = active(db_url)
    assert s.date_earliest == D and s.date_latest == D + dt.timedelta(days=1) and s.date_precision == "days"
    c = store(db_url, t3, [report(t3, killed=(2, 2), place="Wana", day=D + dt.timedelta(days=3))])
    merge_all(db_url, [c])
    assert len(active(db_url)) == 2


def test_background_mentions_enrich_but_are_weaker(db_url: str) -> None:
    main = "A drone strike on a compound in Datta Khel on Wednesday killed five people, officials said."
    a = store(db_url, main, [report(main, killed=(5, 5), place="Datta Khel")])
    later = ("Protests continued on Monday. Last week's strike in Datta Khel, which residents say killed eight, "
             "has angered tribal elders.")
    b = store(db_url, later, [report(later, killed=(8, 8), place="Datta Khel", role="background",
                                     injured_min=2, injured_max=2)],
              published=D + dt.timedelta(days=6), outlet="Weekly Review")
    merge_all(db_url, [a, b])
    (s,) = active(db_url)
    assert s.n_reports == 2 and s.n_sources == 1, "a mention in passing is not a second source"
    assert s.grade == "weak" and "also mentioned in passing by 1 other source" in (s.grade_reason or "")
    assert (s.killed_min, s.killed_max) == (5, 5), "a background mention does not widen the main reports' range"
    assert (s.injured_min, s.injured_max) == (2, 2), "but fills in what no main report gives"
    old = "In March 2010 a drone strike in Wana killed six people, the report recalls."
    c = store(db_url, old, [report(old, killed=(6, 6), place="Wana", role="background",
                                   window=(dt.date(2010, 3, 1), dt.date(2010, 3, 31)))])
    merge_all(db_url, [c])
    bg = [x for x in active(db_url) if x.place == "Wana"]
    assert len(bg) == 1 and bg[0].grade == "weak" and "background" in (bg[0].grade_reason or "")
    assert bg[0].date is None and bg[0].date_precision == "month"


def test_attribution_grades(db_url: str) -> None:
    t1 = "A drone strike in Wana killed four militants on Wednesday, intelligence officials said."
    t2 = ("Four people died in an explosion at a house in Wana. Officials said the blast was an accidental "
          "explosion of bomb-making material, not a drone strike.")
    a = store(db_url, t1, [report(t1, killed=(4, 4), place="Wana")])
    b = store(db_url, t2, [report(t2, killed=(4, 4), place="Wana", type_="bombing", perpetrator=None,
                                  quotes={"killed_min": "Four people died", "place": "Wana"})], outlet="Other")
    merge_all(db_url, [a, b])
    (s,) = active(db_url)
    assert s.grade == "contested" and s.type == "drone_strike"
    assert "accidental explosion" in (s.grade_reason or "")

    t3 = "Pakistani jets bombed a hideout in Datta Khel on Wednesday, killing ten, the army said."
    t4 = "A US drone strike in Datta Khel killed ten people on Wednesday, officials said."
    c = store(db_url, t3, [report(t3, killed=(10, 10), place="Datta Khel", type_="air_strike", perpetrator="PK")])
    d = store(db_url, t4, [report(t4, killed=(10, 10), place="Datta Khel")], outlet="Other")
    merge_all(db_url, [c, d])
    dk = [x for x in active(db_url) if x.place == "Datta Khel"]
    assert len(dk) == 1 and dk[0].grade == "contested" and "who carried it out" in (dk[0].grade_reason or "")

    t5 = ("A US drone strike killed three al-Shabaab fighters near Miranshah on Wednesday. A Pentagon spokesman "
          "confirmed the strike in a statement.")
    t6 = "Pentagon officials declined to confirm a drone strike near Miranshah that killed three people."
    e = store(db_url, t5, [report(t5, killed=(3, 3), place="Miranshah", quotes={"killed_min": "killed three"})])
    merge_all(db_url, [e])
    (m,) = [x for x in active(db_url) if x.place == "Miranshah"]
    assert m.grade == "confirmed" and "acknowledged" in (m.grade_reason or "")
    f = store(db_url, t6, [report(t6, killed=(3, 3), place="Miranshah", quotes={"killed_min": "killed three"},
                                  day=D + dt.timedelta(days=3))])
    merge_all(db_url, [f])
    (n,) = [x for x in active(db_url) if x.place == "Miranshah" and x.id != m.id]
    assert n.grade == "weak", "declining to confirm is not an acknowledgement"


def test_double_tap_on_rescuers(db_url: str) -> None:
    text = ("A drone struck a house in Datta Khel on Wednesday morning, killing five. When villagers rushed to "
            "pull survivors from the rubble, a second drone fired on the rescuers, killing four more.")
    a = store(db_url, text, [
        report(text, killed=(5, 5), place="Datta Khel", target="house"),
        report(text, killed=(4, 4), place="Datta Khel", target="rescuers"),
    ])
    merge_all(db_url, [a])
    strikes = active(db_url)
    assert len(strikes) == 2
    first = next(s for s in strikes if s.target == "house")
    second = next(s for s in strikes if s.target == "rescuers")
    assert second.double_tap and not first.double_tap
    assert second.why["double_tap"] == {"first_strike": first.id}
    assert first.why["double_tap"] == {"followed_by": second.id}
    other = "A drone strike on a vehicle in Wana killed two people on Wednesday."
    b = store(db_url, other, [report(other, killed=(2, 2), place="Wana", target="vehicle")])
    merge_all(db_url, [b])
    assert not next(s for s in active(db_url) if s.place == "Wana").double_tap


def test_ground_attacks_never_become_strikes(db_url: str) -> None:
    text = "Militants attacked the airport in Karachi on Sunday, killing 39 people including ten attackers."
    ev = Event(type="ground_attack", perpetrator="TTP", date=D, date_earliest=D, date_latest=D, country="PK",
               place="Karachi", killed_min=39, killed_max=39)
    a = store(db_url, text, [ev])
    merge_all(db_url, [a])
    assert active(db_url) == []


def test_incremental_updates_only_touched_strikes_and_ids_are_stable(db_url: str) -> None:
    texts = {p: f"A drone strike in {p} killed three people on Wednesday." for p in ("Wana", "Datta Khel", "Shawal")}
    ids = {p: store(db_url, t, [report(t, killed=(3, 3), place=p)]) for p, t in texts.items()}
    merge_all(db_url, list(ids.values()))
    before = {s.place: (s.id, s.updated_at) for s in active(db_url)}
    extra = "Residents of Wana said four people, not three, died in Wednesday's drone strike."
    e = store(db_url, extra, [report(extra, killed=(4, 4), place="Wana")], outlet="Tribal News")
    merge_all(db_url, [e])
    after = {s.place: (s.id, s.updated_at, s.killed_max, s.n_sources) for s in active(db_url)}
    assert {p: v[0] for p, v in after.items()} == {p: v[0] for p, v in before.items()}, "ids stable"
    assert after["Wana"][2:] == (4, 2) and after["Wana"][1] != before["Wana"][1]
    for p in ("Datta Khel", "Shawal"):
        assert after[p][1] == before[p][1], f"{p} was not touched"
    # a full re-merge changes nothing
    merge_all(db_url, None)
    again = {s.place: (s.id, s.updated_at) for s in active(db_url)}
    assert again == {p: v[:2] for p, v in after.items()}


def test_reextraction_keeps_ids_and_retires_what_vanished(db_url: str) -> None:
    t1 = "A drone strike in Wana killed three people on Wednesday."
    t2 = "Three people were killed by a drone in Wana, officials said."
    t3 = "A drone strike in Shawal killed two people on Wednesday."
    a = store(db_url, t1, [report(t1, killed=(3, 3), place="Wana")])
    b = store(db_url, t2, [report(t2, killed=(3, 3), place="Wana")])
    c = store(db_url, t3, [report(t3, killed=(2, 2), place="Shawal")])
    merge_all(db_url, None)
    ids = {s.place: s.id for s in active(db_url)}
    engine = open_db(db_url)
    with session_scope(engine) as s:
        old_events = set(s.scalars(select(StrikeReport.event_id)))
        replace_events(s, a, [report(t1, killed=(3, 4), place="Wana")], "t2")
        replace_events(s, b, [report(t2, killed=(3, 3), place="Wana")], "t2")
        replace_events(s, c, [], "t2")  # the new extractor finds no strike in this text
    merge_all(db_url, None)
    now = {s.place: s for s in active(db_url)}
    assert set(now) == {"Wana"} and now["Wana"].id == ids["Wana"] and now["Wana"].killed_max == 4
    with session_scope(engine) as s:
        new_events = set(s.scalars(select(StrikeReport.event_id)))
        gone = s.get(Strike, ids["Shawal"])
        assert gone is not None and gone.status == "retired"
    assert not (old_events & new_events), "the new extractor's rows replaced the old ones"


def test_list_filters_and_sort(db_url: str) -> None:
    later = D + dt.timedelta(days=5), D + dt.timedelta(days=9)
    for p, k, d in (("Wana", 2, D), ("Datta Khel", 7, later[0]), ("Shawal", 4, later[1])):
        t = f"A drone strike in {p} killed {k} people."
        store(db_url, t, [report(t, killed=(k, k), place=p, day=d)])
    merge_all(db_url, None)
    with session_scope(open_db(db_url)) as s:
        rows, total = list_strikes(s, admin="south waziristan")
        assert total == 2 and {r["place"] for r in rows} == {"Wana", "Shawal"}
        rows, total = list_strikes(s, since=D + dt.timedelta(days=1), sort="-killed")
        assert [r["place"] for r in rows] == ["Datta Khel", "Shawal"]
        rows, total = list_strikes(s, min_killed=5)
        assert [r["killed_max"] for r in rows] == [7]
        rows, total = list_strikes(s, grade="weak", limit=1, offset=1)
        assert total == 3 and len(rows) == 1
