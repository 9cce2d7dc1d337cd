"""The incremental merge driver: reports -> units -> clusters -> strike records, with stable ids.

Full run (``article_ids=None``): stream every current report in (country, date) order; each unit is clustered,
its clusters are matched to the strikes that held the same reports before (most shared report keys, then shared
articles: a report's key survives re-extraction, so ids survive it too), records are rebuilt, and only records
whose content changed are written. Strikes none of whose reports remain are ``retired`` (or ``merged`` into the
strike that now holds their reports); ids are never reused or renumbered.

Incremental run (``article_ids`` given): load the reports of those articles, the reports within a few days of them
in the same countries, and, transitively, every report of the strikes they belonged to; re-cluster only the units
that contain them. Strikes elsewhere are not touched.

Reviewers' actions (review_actions) are replayed on every run: merges, splits and rejections as clustering
constraints (constraints.py), ``set`` and ``reject`` by strike id on the records.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, select, text, update
from sqlalchemy.orm import Session

from strikewatch.db.tables import ReviewAction, Strike
from strikewatch.merge.blocking import Sweep, Unit, sort_key, units_of
from strikewatch.merge.clustering import Cluster, cluster_reports
from strikewatch.merge.constraints import Action, ActionIndex, unit_constraints, window_of
from strikewatch.merge.doubletap import StrikeSite, find_double_taps
from strikewatch.merge.grading import attribution_cues, grade, report_context
from strikewatch.merge.load import (
    AR,
    EV,
    SR,
    assign_keys_sorted,
    chunks,
    load_by_articles,
    load_window,
    stream_reports,
)
from strikewatch.merge.record import RECORD_FIELDS, build_record
from strikewatch.merge.reports import STRIKE_TYPES, Report, norm_place, place_level
from strikewatch.merge.review_values import SETTABLE, parse_value  # noqa: F401 (SETTABLE: re-exported)
from strikewatch.schema import join_comments

ST = cast(Table, Strike.__table__)
LOCK_KEY = 0x5357_4D52  # "SWMR"
BATCH_REPORTS = 4000
CUE_VERSION = 2
CANDIDATE_STATUSES = ("active", "rejected", "retired", "merged")
MARGIN = 3  # days loaded around a report in incremental runs

# value types for ``review set``


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def lock(session: Session) -> None:
    """Serialise merges and reviews: one writer at a time (PostgreSQL advisory lock; SQLite write lock)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_KEY})
    else:
        session.execute(update(ST).where(ST.c.id < 0).values(status=ST.c.status))


@dataclass(slots=True)
class OldStrike:
    id: int
    status: str
    merged_into: int | None
    row: dict[str, Any]
    why: dict[str, Any]
    keys: set[str] = field(default_factory=set)
    articles: set[int] = field(default_factory=set)

    @property
    def eligible(self) -> bool:
        if self.status == "merged":
            return self.why.get("merged_by") != "review" and bool(self.keys)
        return self.status in CANDIDATE_STATUSES


@dataclass
class Stats:
    reports: int = 0
    units: int = 0
    strikes_written: int = 0
    strikes_created: int = 0
    strikes_retired: int = 0
    strikes_merged: int = 0
    pairs_compared: int = 0
    reports_left_out: int = 0

    def to_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def _jsonable(x: Any) -> Any:
    return json.loads(json.dumps(x, default=str))


def fingerprint(rec: dict[str, Any]) -> str:
    when = rec.get("date") or rec.get("date_earliest") or "?"
    where = norm_place(rec.get("place")) or norm_place(rec.get("admin2")) or norm_place(rec.get("admin1")) or "?"
    return f"{rec.get('country') or '?'}|{when}|{where}"[:128]


class Merger:
    def __init__(self, session: Session, full: bool) -> None:
        self.s = session
        self.full = full
        self.now = now()
        rows = session.execute(select(ReviewAction).order_by(ReviewAction.id)).scalars().all()
        self.actions = ActionIndex([Action.from_row(r) for r in rows])
        self.sets: dict[int, list[Action]] = {}
        self.rejected: set[int] = set()
        for a in self.actions.actions:
            sid = a.args.get("strike")
            if a.action == "set" and isinstance(sid, int):
                self.sets.setdefault(sid, []).append(a)
            elif a.action == "reject" and isinstance(sid, int):
                self.rejected.add(sid)
        self.old: dict[int, OldStrike] = {}
        self.claimed: set[int] = set()
        self.touched: set[int] = set()
        self.successors: dict[int, Counter[int]] = {}
        self.days: set[tuple[str | None, int]] = set()
        self.sr_old: dict[int, tuple[int, Any, int]] = {}  # event id -> (strike id, why, source group) before
        self.written: set[int] = set()  # strikes this run wrote: the change log compares them (changes.py)
        self.stats = Stats()
        self.orphans: dict[int, set[int]] = self._orphan_index()

    # ------------------------------------------------------------------ old strikes
    def _orphan_index(self) -> dict[int, set[int]]:
        """article id -> strikes that remember it but have no strike_reports row (their events were replaced)."""
        has_rows = select(SR.c.strike_id).where(SR.c.strike_id == ST.c.id).exists()
        stmt = select(ST.c.id, ST.c.why).where(ST.c.status.in_(CANDIDATE_STATUSES), ~has_rows)
        out: dict[int, set[int]] = {}
        for sid, why in self.s.execute(stmt):
            for art, _key in (why or {}).get("members", []):
                out.setdefault(int(art), set()).add(sid)
        return out

    def old_by_articles(self, articles: Iterable[int]) -> dict[int, set[int]]:
        out: dict[int, set[int]] = {}
        arts = sorted(set(articles))
        for ids in chunks(arts):
            for sid, art in self.s.execute(select(SR.c.strike_id, SR.c.article_id).where(SR.c.article_id.in_(ids))):
                out.setdefault(art, set()).add(sid)
        for a in arts:
            if a in self.orphans:
                out.setdefault(a, set()).update(self.orphans[a])
        return out

    def load_old(self, ids: Iterable[int]) -> None:
        need = sorted(set(ids) - self.old.keys())
        cols = [ST.c[c] for c in ("id", "status", "merged_into", "why", "grade", "grade_reason", "n_sources",
                                   "n_reports", "fingerprint", "double_tap", *RECORD_FIELDS)]
        for ids_ in chunks(need):
            for row in self.s.execute(select(*cols).where(ST.c.id.in_(ids_))):
                m = row._mapping
                why = dict(m["why"] or {})
                members = why.get("members", [])
                self.old[m["id"]] = OldStrike(
                    id=m["id"], status=m["status"], merged_into=m["merged_into"], row=dict(m), why=why,
                    keys={k for _, k in members}, articles={int(a) for a, _ in members},
                )

    # ------------------------------------------------------------------ cues
    def fill_cues(self, reports: list[Report]) -> None:
        by_event = {r.event_id: r for r in reports}
        cached: set[int] = set()
        # strike_reports is indexed by article (and by strike), not by event
        for ids in chunks(sorted({r.article_id for r in reports})):
            q = select(SR.c.event_id, SR.c.strike_id, SR.c.why, SR.c.source_group).where(SR.c.article_id.in_(ids))
            for eid, sid, why, group in self.s.execute(q):
                if eid not in by_event:
                    continue
                self.sr_old[eid] = (sid, why, group)
                if isinstance(why, dict) and why.get("cue_v") == CUE_VERSION:
                    by_event[eid].cues = tuple(tuple(c) for c in why.get("cues", []))  # type: ignore[misc]
                    cached.add(eid)
        todo = [eid for eid in by_event if eid not in cached]
        spans: dict[int, list[tuple[int, int]]] = {}
        for ids in chunks(todo):
            for eid, ev in self.s.execute(select(EV.c.id, EV.c.evidence).where(EV.c.id.in_(ids))):
                sp = [(int(e["start"]), int(e["end"])) for e in (ev or []) if isinstance(e, dict)
                      and e.get("field") not in ("date", "date_text")]
                if sp:
                    spans[eid] = sp
        arts = {by_event[e].article_id for e in spans}
        texts: dict[int, str] = {}
        for ids in chunks(arts):
            stmt = select(AR.c.id, AR.c.text, AR.c.comments).where(AR.c.id.in_(ids))
            for aid, body, comments in self.s.execute(stmt):
                texts[aid] = join_comments(body or "", comments)[0]
        for eid, sp in spans.items():
            r = by_event[eid]
            cues = attribution_cues(report_context(texts.get(r.article_id, ""), sp))
            r.cues = tuple(c for c in cues if c[0] != f"alt:{r.perpetrator}")  # its own attribution is no conflict

    # ------------------------------------------------------------------ one batch of units
    def process(self, units: list[Unit]) -> None:
        reports = [r for u in units for r in u.reports]
        if not reports:
            return
        self.stats.reports += len(reports)
        self.stats.units += len(units)
        self.fill_cues(reports)
        cand_by_article = self.old_by_articles(r.article_id for r in reports)
        self.load_old({s for ss in cand_by_article.values() for s in ss} - self.claimed)

        results: list[tuple[Cluster, int | None]] = []
        unit_cands: list[tuple[list[Cluster], list[OldStrike]]] = []
        for u in units:
            acts = [self.actions.by_id[a] for a in sorted(u.actions) if a in self.actions.by_id]
            must, cannot = unit_constraints(u.reports, acts) if acts else (set(), set())
            clusters = cluster_reports(u.reports, must, cannot)
            for cl in clusters:
                cl.forced = [f"{a.action} #{a.id}" for a in acts]
            kept = [c for c in clusters if makes_record(c.reports)]
            self.stats.reports_left_out += sum(len(c.reports) for c in clusters) - sum(len(c.reports) for c in kept)
            clusters = kept
            cand_ids = {s for r in u.reports for s in cand_by_article.get(r.article_id, ())} - self.claimed
            # a record of another country (an article recalling a strike elsewhere) is settled in its own unit
            here = {r.country for r in u.reports}
            cands = [self.old[s] for s in sorted(cand_ids)
                     if s in self.old and self.old[s].eligible and self.old[s].row.get("country") in here]
            assigned = reconcile(clusters, cands)
            for cl, sid in zip(clusters, assigned, strict=True):
                if sid is not None:
                    self.claimed.add(sid)
                    self.touched.discard(sid)
                    self.successors.pop(sid, None)
                results.append((cl, sid))
            for c in cands:
                if c.id not in self.claimed:
                    self.touched.add(c.id)
            unit_cands.append((clusters, cands))

        inserts: list[tuple[Cluster, dict[str, Any]]] = []
        updates: list[dict[str, Any]] = []
        ids: dict[int, int] = {}  # id(cluster) -> strike id
        for cl, sid in results:
            values = self.record_values(cl, sid)
            if sid is None:
                inserts.append((cl, values))
                continue
            ids[id(cl)] = sid
            old = self.old[sid]
            if old.why.get("double_tap") is not None:
                values["why"]["double_tap"] = old.why["double_tap"]
            if "double_tap" not in self._set_fields(sid):
                values["double_tap"] = bool(old.row.get("double_tap"))
            self._note_day(old.row.get("country"), old.row.get("date"))
            if self._changed(old, values):
                values["id"] = sid
                values["updated_at"] = self.now
                updates.append(values)
        if inserts:
            rows = [dict(v, created_at=self.now, updated_at=self.now) for _, v in inserts]
            for row in rows:
                row.setdefault("double_tap", False)
            new_ids = self.s.execute(insert(ST).returning(ST.c.id, sort_by_parameter_order=True), rows).scalars().all()
            for (cl, _), nid in zip(inserts, new_ids, strict=True):
                ids[id(cl)] = nid
                self.claimed.add(nid)
                self.written.add(nid)
            self.stats.strikes_created += len(new_ids)
        if updates:
            self._update_rows(updates)
            self.written.update(v["id"] for v in updates)
        self.stats.strikes_written += len(updates) + len(inserts)
        for _, v in inserts:
            self._note_day(v.get("country"), v.get("date"))
        for v in updates:
            self._note_day(v.get("country"), v.get("date"))

        # successors of strikes that lost their reports
        for clusters, cands in unit_cands:
            for c in cands:
                if c.id in self.claimed:
                    continue
                cnt = self.successors.setdefault(c.id, Counter())
                for cl in clusters:
                    shared = len({r.article_id for r in cl.reports} & c.articles)
                    if shared and id(cl) in ids:
                        cnt[ids[id(cl)]] += shared

        # memberships: rewrite only those of records whose reports or explanations changed
        stale_strikes: list[int] = []
        stale_events: list[int] = []
        sr_rows: list[dict[str, Any]] = []
        for cl, old_sid in results:
            sid = ids[id(cl)]
            rows = []
            for r in cl.reports:
                w = dict(cl.report_why.get(r.event_id, {}))
                w.update(key=r.key, role=r.role, section=r.section, cues=[list(c) for c in r.cues],
                         cue_v=CUE_VERSION)
                rows.append({"strike_id": sid, "event_id": r.event_id, "article_id": r.article_id,
                             "source_group": r.group, "score": w.get("score"), "why": w})
            if old_sid is not None and old_sid in self.old and self.old[old_sid].row.get("n_reports") == len(rows) \
                    and all(x["event_id"] in self.sr_old for x in rows) \
                    and all(self.sr_old[x["event_id"]] == (sid, _jsonable(x["why"]), x["source_group"]) for x in rows):
                continue
            if old_sid is not None:
                stale_strikes.append(old_sid)
            stale_events.extend(x["event_id"] for x in rows)
            sr_rows.extend(rows)
        for chunk in chunks(stale_strikes):
            self.s.execute(delete(SR).where(SR.c.strike_id.in_(chunk)))
        stale_set = set(stale_strikes)
        moved = [e for e in stale_events if e in self.sr_old and self.sr_old[e][0] not in stale_set]
        by_strike: dict[int, list[int]] = {}
        for e in moved:
            by_strike.setdefault(self.sr_old[e][0], []).append(e)
        for sid, evs in by_strike.items():  # reports that left another record (primary key: strike, event)
            for chunk in chunks(evs):
                self.s.execute(delete(SR).where(SR.c.strike_id == sid, SR.c.event_id.in_(chunk)))
        if sr_rows:
            self.s.execute(insert(SR), sr_rows)
        # forget what this batch settled (memory stays flat over a full run): only strikes that lost their reports
        # and may still be claimed later, or retired at the end, are kept
        for _, sid in results:
            if sid is not None:
                self.old.pop(sid, None)
        for sid in [x for x in self.old if x not in self.touched]:
            del self.old[sid]
        for r in reports:
            self.sr_old.pop(r.event_id, None)

    def _set_fields(self, sid: int | None) -> set[str]:
        if sid is None:
            return set()
        return {str(a.args.get("field")) for a in self.sets.get(sid, [])}

    def _note_day(self, country: str | None, d: dt.date | None) -> None:
        if d is not None:
            self.days.add((country, d.toordinal()))

    def record_values(self, cl: Cluster, sid: int | None) -> dict[str, Any]:
        rec, how = build_record(cl.reports)
        g, reason, details = grade(cl.reports, rec)
        values: dict[str, Any] = dict(rec)
        values.update(
            grade=g, grade_reason=reason, n_sources=details["independent_sources"], n_reports=len(cl.reports),
            status="active", merged_into=None,
        )
        why: dict[str, Any] = {
            "members": sorted([r.article_id, r.key] for r in cl.reports),
            "how": how,
            "grade": details,
            "steps": cl.steps,
            "kept_apart": cl.kept_apart,
        }
        if cl.forced:
            why["review"] = cl.forced
        if sid is not None:
            overrides = []
            for a in self.sets.get(sid, []):
                f, v = str(a.args.get("field")), a.args.get("value")
                try:
                    values[f] = parse_value(f, v) if isinstance(v, str) or v is None else v
                except ValueError as exc:  # logged before the validator refused such values: not applied
                    overrides.append({"action": a.id, "field": f, "value": v, "ignored": str(exc)})
                    continue
                overrides.append({"action": a.id, "field": f, "value": v, "by": a.by, "reason": a.reason})
                if f == "grade":
                    values["grade_reason"] = f"set by reviewer {a.by}: {a.reason}"
            if overrides:
                why["overrides"] = overrides
            if sid in self.rejected:
                values["status"] = "rejected"
                rej = [a for a in self.actions.actions if a.action == "reject" and a.args.get("strike") == sid][-1]
                why["rejected"] = {"action": rej.id, "by": rej.by, "reason": rej.reason}
        values["why"] = _jsonable(why)
        values["fingerprint"] = fingerprint(values)
        return values

    def _changed(self, old: OldStrike, values: dict[str, Any]) -> bool:
        for k, v in values.items():
            if k == "why":
                if _jsonable(old.why) != v:
                    return True
            elif k in old.row and old.row[k] != v:
                if isinstance(v, list) and list(old.row[k] or []) == v:
                    continue
                return True
        return False

    def _update_rows(self, rows: list[dict[str, Any]]) -> None:
        cols = sorted({k for r in rows for k in r} - {"id"})
        stmt = (
            update(ST)
            .where(ST.c.id == bindparam("b_id"))
            .values({c: bindparam(f"b_{c}", type_=ST.c[c].type) for c in cols})
        )
        params = []
        for r in rows:
            p = {f"b_{c}": r.get(c) for c in cols}
            p["b_id"] = r["id"]
            params.append(p)
        self.s.execute(stmt, params)

    # ------------------------------------------------------------------ end of run
    def finish(self) -> None:
        leftovers = set(self.touched) - self.claimed
        if self.full:
            active = {sid for (sid,) in self.s.execute(select(ST.c.id).where(ST.c.status.in_(("active", "rejected"))))}
            leftovers |= active - self.claimed
        self.load_old(leftovers)
        retire: list[dict[str, Any]] = []
        for sid in sorted(leftovers):
            old = self.old.get(sid)
            if old is None or old.status not in ("active", "rejected", "merged"):
                continue
            succ = self.successors.get(sid)
            self._note_day(old.row.get("country"), old.row.get("date"))
            if succ:
                target = succ.most_common(1)[0][0]
                if old.status == "merged" and old.merged_into == target:
                    continue
                why = dict(old.why, merged_by="merge")
                retire.append({"id": sid, "status": "merged", "merged_into": target, "why": why,
                               "updated_at": self.now})
                self.stats.strikes_merged += 1
            elif old.status != "retired":
                why = dict(old.why, retired="no current report supports it any more")
                retire.append({"id": sid, "status": "retired", "merged_into": None, "why": why,
                               "updated_at": self.now})
                self.stats.strikes_retired += 1
        if retire:
            self._update_rows(retire)
            self.written.update(r["id"] for r in retire)
            for chunk in chunks([r["id"] for r in retire]):
                self.s.execute(delete(SR).where(SR.c.strike_id.in_(chunk)))
        self.double_taps()

    def double_taps(self) -> None:
        by_country: dict[str | None, list[int]] = {}
        for c, d in self.days:
            by_country.setdefault(c, []).append(d)
        for country, days in by_country.items():
            days.sort()
            start = prev = days[0]
            for d in days[1:]:
                if d - prev > 30 or d - start > 180:  # one query per stretch of half a year at most
                    self._double_tap_range(country, start, prev)
                    start = d
                prev = d
            self._double_tap_range(country, start, prev)

    def _double_tap_range(self, country: str | None, lo: int, hi: int) -> None:
        cond = ST.c.country.is_(None) if country is None else ST.c.country == country
        rows = self.s.execute(
            select(ST.c.id, ST.c.date, ST.c.place, ST.c.geo_precision, ST.c.admin1, ST.c.admin2, ST.c.target,
                   ST.c.double_tap, ST.c.why)
            .where(cond, ST.c.status == "active", ST.c.date >= dt.date.fromordinal(lo - 2),
                   ST.c.date <= dt.date.fromordinal(hi + 2))
        ).all()
        sites = [
            StrikeSite(r.id, country, r.date.toordinal(), place_level(r.place, r.geo_precision, r.admin1, r.admin2),
                       norm_place(r.admin2), r.target)
            for r in rows
        ]
        found = find_double_taps(sites)
        changes = []
        for r in rows:
            d = r.date.toordinal()
            if not lo - 1 <= d <= hi + 1:
                continue
            info = found.get(r.id)
            why = dict(r.why or {})
            flag = bool(info and "first_strike" in info)
            overridden = any(a.args.get("field") == "double_tap" for a in self.sets.get(r.id, []))
            if overridden:
                flag = bool(r.double_tap)
            if why.get("double_tap") != info or bool(r.double_tap) != flag:
                if info:
                    why["double_tap"] = info
                else:
                    why.pop("double_tap", None)
                changes.append({"id": r.id, "double_tap": flag, "why": why, "updated_at": self.now})
        if changes:
            self._update_rows(changes)
            self.written.update(c["id"] for c in changes)


def makes_record(reports: list[Report]) -> bool:
    """Does a group of reports make a strike record? It needs a strike account (not only dissenting ones); one
    known only from background mentions or reader comments must also be specific: a named place, or a day and a
    district. Otherwise its reports stay with their articles, in no record."""
    if not any(r.type in STRIKE_TYPES for r in reports):
        return False
    if any(r.credible for r in reports):
        return True
    return any(r.place_n or (r.precise and r.admin2_n) for r in reports)


def reconcile(clusters: list[Cluster], cands: list[OldStrike]) -> list[int | None]:
    """For each cluster the old strike whose id it keeps (most similar membership), or None for a new strike."""
    pairs: list[tuple[float, int, int, int]] = []
    for ci, cl in enumerate(clusters):
        keys = {r.key for r in cl.reports}
        arts = {r.article_id for r in cl.reports}
        for c in cands:
            kj = len(keys & c.keys) / len(keys | c.keys) if c.keys else 0.0
            aj = len(arts & c.articles) / len(arts | c.articles) if c.articles else 0.0
            if kj or aj:
                pairs.append((kj + 0.5 * aj, -c.id, ci, c.id))
    pairs.sort(reverse=True)
    out: list[int | None] = [None] * len(clusters)
    used: set[int] = set()
    for _, _, ci, sid in pairs:
        if out[ci] is None and sid not in used:
            out[ci] = sid
            used.add(sid)
    return out


# ---------------------------------------------------------------------- unit sources
def full_units(m: Merger) -> Iterator[Unit]:
    sweep = Sweep(m.actions.actions_for)
    yield from units_of(stream_reports(m.s), sweep=sweep)
    m.stats.pairs_compared += sweep.pairs_compared


class _Intervals:
    def __init__(self) -> None:
        self.by_country: dict[str | None, list[tuple[int, int]]] = {}
        self.undated: set[str | None] = set()

    def covers(self, country: str | None, lo: int, hi: int) -> bool:
        return any(a <= lo and hi <= b for a, b in self.by_country.get(country, ()))

    def add(self, country: str | None, lo: int, hi: int) -> list[tuple[int, int]]:
        """Add [lo, hi]; returns the pieces not covered before."""
        have = sorted(self.by_country.get(country, []))
        pieces = [(lo, hi)]
        for a, b in have:
            nxt = []
            for x, y in pieces:
                if y < a or x > b:
                    nxt.append((x, y))
                    continue
                if x < a:
                    nxt.append((x, a - 1))
                if y > b:
                    nxt.append((b + 1, y))
            pieces = nxt
        merged = sorted(have + pieces)
        out: list[tuple[int, int]] = []
        for a, b in merged:
            if out and a <= out[-1][1] + 1:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
        self.by_country[country] = out
        return pieces


def incremental_units(m: Merger, article_ids: Iterable[int], max_rounds: int = 12) -> list[Unit]:
    want: set[int] = set(article_ids)
    fetched_articles: set[int] = set()
    pool: dict[int, Report] = {}
    iv = _Intervals()
    kept: list[Unit] = []
    need: dict[str | None, list[tuple[int, int]]] = {}

    def cover(country: str | None, lo: int, hi: int) -> None:
        if not iv.covers(country, lo, hi):
            need.setdefault(country, []).extend(iv.add(country, lo, hi))

    def load_needed() -> bool:
        loaded = False
        for country, pieces in need.items():
            pieces.sort()
            merged: list[tuple[int, int]] = []
            for a, b in pieces:
                if merged and a <= merged[-1][1] + 30:  # one query for pieces a month apart or closer
                    merged[-1] = (merged[-1][0], max(merged[-1][1], b))
                else:
                    merged.append((a, b))
            for a, b in merged:
                for x in load_window(m.s, country, a, b):
                    pool[x.event_id] = x
                loaded = True
        need.clear()
        return loaded

    for _ in range(max_rounds):
        new_arts = want - fetched_articles
        if new_arts:
            fetched_articles |= new_arts
            for r in load_by_articles(m.s, new_arts):
                pool[r.event_id] = r
            # strikes these articles belonged to: every report of theirs comes too
            olds = m.old_by_articles(new_arts)
            m.load_old({s for ss in olds.values() for s in ss})
            for ss in olds.values():
                for sid in ss:
                    o = m.old[sid]
                    m.touched.add(sid)
                    want |= o.articles
                    w = window_of(o.keys)
                    if w is not None:
                        cover(o.row.get("country"), w[0] - MARGIN, w[1] + MARGIN)
        for r in pool.values():
            if r.article_id in want and r.lo is not None:
                cover(r.country, r.lo - MARGIN, r.hi + MARGIN)  # type: ignore[operator]
        load_needed()
        reports = sorted(pool.values(), key=sort_key)
        assign_keys_sorted(reports)
        units = list(units_of(reports, m.actions.actions_for))
        kept = [u for u in units if any(r.article_id in want for r in u.reports)]
        grow = False
        for u in kept:
            for r in u.reports:
                if r.article_id not in want:
                    want.add(r.article_id)
                    grow = True
                if r.lo is not None and not iv.covers(r.country, r.lo - 1, r.hi + 1):  # type: ignore[operator]
                    cover(r.country, r.lo - MARGIN, r.hi + MARGIN)  # type: ignore[operator]
                    grow = True
            extra = m.actions.articles(u.actions) - want
            if extra:
                want |= extra
                grow = True
        if not grow and not (want - fetched_articles) and not need:
            break
    return kept


# ---------------------------------------------------------------------- entry points
def run(session: Session, article_ids: Iterable[int] | None, *, cause: dict[str, Any] | None = None,
        also: Iterable[int] = ()) -> Stats:
    """Merge inside an open transaction (the caller commits). Every record written, and the records in ``also``
    (written by the caller before, e.g. a review), are compared with the change log and their changes appended
    to it in this transaction; ``cause`` (``{"review": action id}``) is noted on those changes."""
    from strikewatch.merge.changes import record_changes

    lock(session)
    full = article_ids is None
    m = Merger(session, full)
    units: Iterable[Unit] = full_units(m) if full else incremental_units(m, article_ids or [])
    batch: list[Unit] = []
    n = 0
    for u in units:
        batch.append(u)
        n += len(u.reports)
        if n >= BATCH_REPORTS:
            m.process(batch)
            batch, n = [], 0
    if batch:
        m.process(batch)
    m.finish()
    record_changes(session, m.written | set(also), cause=cause, at=m.now)
    return m.stats


def pending_articles(session: Session) -> list[int]:
    """Articles with current strike-type events that belong to no strike yet."""
    from strikewatch.merge.load import current_events_filter, mergeable_filter

    in_record = select(SR.c.event_id).where(SR.c.article_id == EV.c.article_id, SR.c.event_id == EV.c.id).exists()
    stmt = (
        select(EV.c.article_id)
        .select_from(EV.join(AR, AR.c.id == EV.c.article_id))
        .where(current_events_filter(), mergeable_filter(), ~in_record)
        .distinct()
    )
    return sorted(a for (a,) in session.execute(stmt))
