"""The integrity check behind ``strikewatch check``: the invariants that must hold whatever crashed when.

Each invariant is one named check; a violation is a :class:`Finding` with how many rows break it and a few of
their ids. Severity ``error`` means damaged or half-written data; ``pending`` means work an interrupted run left
queued that the next ``ingest``/``merge`` finishes (not damage: the queue is how a crash is recovered from).

Invariants (docs/reliability.md lists them with the tests that prove them):

archive
  ``blob_missing``          every article has its raw bytes (``raw_blobs`` row of its sha256)
  ``blob_corrupt``          every raw blob's bytes hash to its sha256 and have its recorded size
  ``blob_orphan``           every raw blob belongs to an article
  ``article_duplicate``     no two articles share a raw sha256
  ``article_bad_copy_link`` a wire copy points to an existing article that is itself no copy (groups are flat)
extractions
  ``event_orphan`` / ``claim_orphan``   every event and claim has its article
  ``event_stale`` / ``claim_stale``     an article's events and claims are of its recorded extractor version
  ``band_orphan``                        every near-duplicate band row has its article
  ``event_count_out_of_range``           every figure of a report is a count: 0 to ``schema.MAX_COUNT``
strikes
  ``report_orphan``          every membership row names an existing event and strike, and the event's own article
  ``report_in_closed``       merged/retired records hold no reports
  ``event_in_two_strikes``   no event (report) belongs to two records
  ``strike_without_reports`` every active record has at least one report
  ``strike_counts_stale``    an active record's n_reports is its number of membership rows, and its n_sources
                             is at most their number of distinct source groups (wire copies count once)
  ``strike_members_stale``   a record's member list (why.members) is exactly its membership rows
  ``strike_bad_status`` / ``strike_bad_grade``   known status; an active record has a known grade
  ``strike_count_out_of_range`` every figure of a record is a count: 0 to ``schema.MAX_COUNT``
  ``merged_bad_target``      a merged record points (through any chain, no cycles) to an active or rejected one
review log
  ``review_bad_action``      every audit row is a known action naming a strike id
  ``review_missing_strike``  every strike id an action names exists (records are never deleted)
  ``review_not_applied``     replaying the log agrees with the records: the last ``set`` of each field is the
                             record's value, rejected records are not active, review-merged records stay merged,
                             split-off records exist
change log (the monitor)
  ``change_state_missing``   every strike record is known to the change log (``strike_state``)
  ``change_not_logged``      the log's memory of each record is the record as it is: no change went unlogged
  ``change_bad_row``         every change row has a known kind and names an existing record
  ``change_bad_pointer``     a record's last logged change is its newest change row
sources and webhooks
  ``source_bad``             known kind, an interval of at least a second
  ``source_item_orphan``     every handled item names an existing source, and an existing article if any
  ``hook_cursor_ahead``      no webhook's cursor is past the newest change
pending
  ``merge_pending``          articles queued for a strike update by a run that has not finished
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from sqlalchemy import Engine, Table, func, or_, select
from sqlalchemy.engine import Connection

from strikewatch.db.tables import (
    Article,
    ArticleBand,
    ClaimRow,
    EventRow,
    Hook,
    MergeQueue,
    RawBlob,
    ReviewAction,
    Source,
    SourceItem,
    Strike,
    StrikeChange,
    StrikeReport,
    StrikeState,
)
from strikewatch.schema import COUNT_FIELDS, MAX_COUNT

AR = cast(Table, Article.__table__)
RB = cast(Table, RawBlob.__table__)
EV = cast(Table, EventRow.__table__)
CL = cast(Table, ClaimRow.__table__)
BA = cast(Table, ArticleBand.__table__)
MQ = cast(Table, MergeQueue.__table__)
ST = cast(Table, Strike.__table__)
SR = cast(Table, StrikeReport.__table__)
RA = cast(Table, ReviewAction.__table__)
CH = cast(Table, StrikeChange.__table__)
SS = cast(Table, StrikeState.__table__)
SO = cast(Table, Source.__table__)
SI = cast(Table, SourceItem.__table__)
HK = cast(Table, Hook.__table__)

STATUSES = ("active", "rejected", "merged", "retired")
HOLDING = ("active", "rejected")  # statuses whose records hold reports
MAX_EXAMPLES = 10

Severity = Literal["error", "pending"]

# What the ids a finding lists are, per invariant (the review_* invariants list audit rows, not strike records).
EXAMPLES_ARE: dict[str, str] = {
    "blob_missing": "article ids", "blob_orphan": "raw blob sha256s", "article_duplicate": "raw sha256s",
    "article_bad_copy_link": "article ids", "blob_corrupt": "raw blob sha256s", "event_orphan": "event ids",
    "claim_orphan": "claim ids", "event_stale": "article ids", "claim_stale": "article ids",
    "band_orphan": "article ids", "report_orphan": "event ids", "report_in_closed": "strike ids",
    "event_in_two_strikes": "event ids", "strike_bad_status": "strike ids", "strike_bad_grade": "strike ids",
    "strike_without_reports": "strike ids", "strike_counts_stale": "strike ids", "strike_members_stale": "strike ids",
    "merged_bad_target": "strike ids", "review_bad_action": "review action ids",
    "review_missing_strike": "review action ids", "review_not_applied": "review action ids",
    "event_count_out_of_range": "event ids", "strike_count_out_of_range": "strike ids",
    "merge_pending": "article ids",
    "change_state_missing": "strike ids", "change_not_logged": "strike ids", "change_bad_row": "change ids",
    "change_bad_pointer": "strike ids", "source_bad": "source ids", "source_item_orphan": "source ids",
    "hook_cursor_ahead": "webhook ids",
}  # fmt: skip


@dataclass(slots=True)
class Finding:
    code: str
    severity: Severity
    message: str
    count: int
    examples: list[Any] = field(default_factory=list)
    examples_are: str = ""  # what the examples name: "article ids", "review action ids", ...

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "message": self.message, "count": self.count,
                "examples": self.examples, "examples_are": self.examples_are}


@dataclass(slots=True)
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    blobs_verified: int = 0

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def pending(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "pending"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "errors": len(self.errors), "pending": len(self.pending), "rows": self.rows,
                "blobs_verified": self.blobs_verified, "checks": self.checks,
                "findings": [f.to_dict() for f in self.findings]}


class _Checker:
    def __init__(self, conn: Connection, verify_blobs: bool) -> None:
        self.c = conn
        self.verify_blobs = verify_blobs
        self.report = CheckReport()

    def add(self, code: str, message: str, ids: Iterable[Any], severity: Severity = "error") -> None:
        self.report.checks.append(code)
        ids = list(ids)
        if ids:
            self.report.findings.append(Finding(code, severity, message, len(ids), ids[:MAX_EXAMPLES],
                                                EXAMPLES_ARE[code]))

    def ids(self, stmt: Any) -> list[Any]:
        return [r[0] for r in self.c.execute(stmt)]

    # ------------------------------------------------------------------ archive
    def archive(self) -> None:
        self.add("blob_missing", "articles whose raw bytes are missing", self.ids(
            select(AR.c.id).select_from(AR.outerjoin(RB, RB.c.sha256 == AR.c.sha256))
            .where(RB.c.sha256.is_(None)).order_by(AR.c.id)))
        self.add("blob_orphan", "raw blobs that belong to no article", self.ids(
            select(RB.c.sha256).select_from(RB.outerjoin(AR, AR.c.sha256 == RB.c.sha256))
            .where(AR.c.id.is_(None)).order_by(RB.c.sha256)))
        self.add("article_duplicate", "raw sha256 values stored as more than one article", self.ids(
            select(AR.c.sha256).group_by(AR.c.sha256).having(func.count() > 1).order_by(AR.c.sha256)))
        root = AR.alias("root")
        self.add("article_bad_copy_link", "wire copies whose original is missing, themselves, or a copy", self.ids(
            select(AR.c.id).select_from(AR.outerjoin(root, root.c.id == AR.c.dup_of))
            .where(AR.c.dup_of.is_not(None))
            .where((root.c.id.is_(None)) | (root.c.id == AR.c.id) | (root.c.dup_of.is_not(None)))
            .order_by(AR.c.id)))
        if self.verify_blobs:
            bad: list[str] = []
            n = 0
            stmt = select(RB.c.sha256, RB.c.size, RB.c.data).order_by(RB.c.sha256)
            for sha, size, data in self.c.execution_options(stream_results=True, yield_per=50).execute(stmt):
                n += 1
                if isinstance(data, str):  # SQLite stores whatever type it was given: text here is damage
                    data = data.encode("utf-8", "surrogateescape")
                data = bytes(data or b"")
                if hashlib.sha256(data).hexdigest() != sha or len(data) != size:
                    bad.append(sha)
            self.report.blobs_verified = n
            self.add("blob_corrupt", "raw blobs whose bytes do not match their sha256 or size", bad)

    # ------------------------------------------------------------------ extractions
    def extractions(self) -> None:
        for code, tbl, what in (("event_orphan", EV, "events"), ("claim_orphan", CL, "claims")):
            self.add(code, f"{what} whose article is missing", self.ids(
                select(tbl.c.id).select_from(tbl.outerjoin(AR, AR.c.id == tbl.c.article_id))
                .where(AR.c.id.is_(None)).order_by(tbl.c.id)))
        for code, tbl, what in (("event_stale", EV, "events"), ("claim_stale", CL, "claims")):
            self.add(code, f"articles holding {what} of another extractor version than the one recorded "
                     "(a half-finished re-extraction)", self.ids(
                select(tbl.c.article_id).select_from(tbl.join(AR, AR.c.id == tbl.c.article_id))
                .where(AR.c.extractor_version.is_not(None), tbl.c.extractor_version != AR.c.extractor_version)
                .distinct().order_by(tbl.c.article_id)))
        self.add("band_orphan", "near-duplicate index rows whose article is missing", self.ids(
            select(BA.c.article_id).select_from(BA.outerjoin(AR, AR.c.id == BA.c.article_id))
            .where(AR.c.id.is_(None)).distinct().order_by(BA.c.article_id)))
        self.add("event_count_out_of_range", f"reports with a figure that is no count (below 0 or above "
                 f"{MAX_COUNT:,})", self.ids(select(EV.c.id).where(_out_of_range(EV)).order_by(EV.c.id)))

    # ------------------------------------------------------------------ strikes
    def strikes(self) -> None:
        orphan = self.ids(
            select(SR.c.event_id).select_from(
                SR.outerjoin(EV, EV.c.id == SR.c.event_id).outerjoin(ST, ST.c.id == SR.c.strike_id))
            .where((EV.c.id.is_(None)) | (ST.c.id.is_(None)) | (EV.c.article_id != SR.c.article_id))
            .order_by(SR.c.event_id))
        self.add("report_orphan", "strike memberships naming a missing event or strike, or the wrong article",
                 orphan)
        self.add("report_in_closed", "merged or retired records that still hold reports", self.ids(
            select(SR.c.strike_id).select_from(SR.join(ST, ST.c.id == SR.c.strike_id))
            .where(ST.c.status.not_in(HOLDING)).distinct().order_by(SR.c.strike_id)))
        self.add("event_in_two_strikes", "events that belong to more than one record", self.ids(
            select(SR.c.event_id).group_by(SR.c.event_id).having(func.count() > 1).order_by(SR.c.event_id)))
        self.add("strike_count_out_of_range", f"records with a figure that is no count (below 0 or above "
                 f"{MAX_COUNT:,})", self.ids(select(ST.c.id).where(_out_of_range(ST)).order_by(ST.c.id)))
        self.add("strike_bad_status", "records with an unknown status", self.ids(
            select(ST.c.id).where(ST.c.status.is_(None) | ST.c.status.not_in(STATUSES)).order_by(ST.c.id)))
        from strikewatch.merge.grading import GRADES

        self.add("strike_bad_grade", "active records without a known grade", self.ids(
            select(ST.c.id).where(ST.c.status == "active", ST.c.grade.is_(None) | ST.c.grade.not_in(GRADES))
            .order_by(ST.c.id)))

        n_rep = func.count(SR.c.event_id)
        n_src = func.count(func.distinct(SR.c.source_group))
        stats = {sid: (nr, ns) for sid, nr, ns in self.c.execute(
            select(SR.c.strike_id, n_rep, n_src).group_by(SR.c.strike_id))}
        keys: dict[int, set[str]] = defaultdict(set)
        for sid, why in self.c.execute(select(SR.c.strike_id, SR.c.why)):
            key = (why or {}).get("key") if isinstance(why, dict) else None
            keys[sid].add(str(key))
        without, stale, members_stale = [], [], []
        rows = self.c.execute(select(ST.c.id, ST.c.status, ST.c.n_reports, ST.c.n_sources, ST.c.why)
                              .where(ST.c.status.in_(HOLDING)).order_by(ST.c.id))
        for sid, status, n_reports, n_sources, why in rows:
            got = stats.get(sid)
            if got is None:
                if status == "active":
                    without.append(sid)
                continue
            # n_sources counts independent main reports (the merge stage's rule): never more than the source groups
            if status == "active" and (n_reports != got[0] or not 0 <= (n_sources or 0) <= got[1]):
                stale.append(sid)
            members = (why or {}).get("members") if isinstance(why, dict) else None
            if members is not None and {str(m[1]) for m in members} != keys[sid]:
                members_stale.append(sid)
        self.add("strike_without_reports", "active records with no report", without)
        self.add("strike_counts_stale", "active records whose report/source counts disagree with their reports",
                 stale)
        self.add("strike_members_stale", "records whose member list disagrees with their membership rows",
                 members_stale)

        status_of: dict[int, tuple[str, int | None]] = {
            sid: (st, into) for sid, st, into in self.c.execute(select(ST.c.id, ST.c.status, ST.c.merged_into))}
        bad_target = []
        for sid, (st, _into) in sorted(status_of.items()):
            if st != "merged":
                continue
            seen = {sid}
            cur = sid
            while True:
                nxt = status_of[cur][1]
                if nxt is None or nxt not in status_of or nxt in seen:
                    bad_target.append(sid)
                    break
                seen.add(nxt)
                if status_of[nxt][0] in HOLDING:
                    break
                if status_of[nxt][0] != "merged":
                    bad_target.append(sid)
                    break
                cur = nxt
        self.add("merged_bad_target", "merged records that do not lead to an active or rejected record",
                 bad_target)
        self.status_of = status_of

    # ------------------------------------------------------------------ review log
    def review(self) -> None:
        from strikewatch.merge.review_values import parse_value

        status_of = self.status_of
        bad, missing, not_applied = [], [], []
        last_set: dict[tuple[int, str], tuple[int, Any]] = {}
        rejected: dict[int, int] = {}
        merged: dict[int, int] = {}
        for aid, action, args in self.c.execute(select(RA.c.id, RA.c.action, RA.c.args).order_by(RA.c.id)):
            args = args if isinstance(args, dict) else {}
            sid = args.get("strike", args.get("id"))
            if action not in ("merge", "split", "set", "reject") or not isinstance(sid, int):
                bad.append(aid)
                continue
            named = [sid] + [args[k] for k in ("other", "new_id") if isinstance(args.get(k), int)]
            if any(s not in status_of for s in named):
                missing.append(aid)
                continue
            if action == "set":
                last_set[(sid, str(args.get("field")))] = (aid, args.get("value"))
            elif action == "reject":
                rejected[sid] = aid
            elif action == "merge" and isinstance(args.get("other"), int):
                merged[args["other"]] = aid
        for (sid, fld), (aid, value) in sorted(last_set.items()):
            if status_of[sid][0] not in HOLDING:
                continue
            try:
                want = parse_value(fld, value) if isinstance(value, str) or value is None else value
            except ValueError:
                continue  # a value the validator refuses (logged before it did): the merge does not apply it

            got = self.c.execute(select(ST.c[fld]).where(ST.c.id == sid)).scalar_one() if fld in ST.c else None
            if not _same(got, want):
                not_applied.append(aid)
        for sid, aid in sorted(rejected.items()):
            if status_of[sid][0] == "active":
                not_applied.append(aid)
        for sid, aid in sorted(merged.items()):
            if status_of[sid][0] != "merged":
                not_applied.append(aid)
        self.add("review_bad_action", "audit rows that are no known action on a strike id", bad)
        self.add("review_missing_strike", "audit rows naming a strike record that does not exist", missing)
        self.add("review_not_applied", "review decisions the records do not show (the log and the records "
                 "disagree)", sorted(set(not_applied)))

    # ------------------------------------------------------------------ change log, sources, webhooks
    def changes(self) -> None:
        from strikewatch.merge.changes import KINDS, TRACKED, state_of

        cols = [ST.c.id, ST.c.why, *(ST.c[f] for f in TRACKED), SS.c.state, SS.c.strike_id.label("known")]
        missing, stale = [], []
        stmt = select(*cols).select_from(ST.outerjoin(SS, SS.c.strike_id == ST.c.id)).order_by(ST.c.id)
        for row in self.c.execution_options(stream_results=True, yield_per=1000).execute(stmt):
            if row.known is None:
                missing.append(row.id)
            elif row.state != state_of(row):
                stale.append(row.id)
        self.add("change_state_missing", "strike records the change log does not know", missing)
        self.add("change_not_logged", "strike records that changed without a change-log row", stale)
        self.add("change_bad_row", "change rows of an unknown kind or naming a missing record", self.ids(
            select(CH.c.id).select_from(CH.outerjoin(ST, ST.c.id == CH.c.strike_id))
            .where((ST.c.id.is_(None)) | CH.c.kind.not_in(KINDS)).order_by(CH.c.id)))
        newest = select(CH.c.strike_id, func.max(CH.c.id).label("last")).group_by(CH.c.strike_id).subquery()
        self.add("change_bad_pointer", "records whose last logged change is not their newest change row", self.ids(
            select(SS.c.strike_id).select_from(SS.outerjoin(newest, newest.c.strike_id == SS.c.strike_id))
            .where(((SS.c.change_id.is_(None)) & newest.c.last.is_not(None))
                   | ((SS.c.change_id.is_not(None)) & ((newest.c.last.is_(None)) | (newest.c.last != SS.c.change_id))))
            .order_by(SS.c.strike_id)))

    def monitor(self) -> None:
        from strikewatch.monitor.sources import KINDS as SOURCE_KINDS

        self.add("source_bad", "sources of an unknown kind or with an interval under a second", self.ids(
            select(SO.c.id).where(SO.c.kind.not_in(SOURCE_KINDS) | (SO.c.every_s < 1)).order_by(SO.c.id)))
        self.add("source_item_orphan", "handled items naming a missing source or article", self.ids(
            select(SI.c.source_id).select_from(SI.outerjoin(SO, SO.c.id == SI.c.source_id)
                                               .outerjoin(AR, AR.c.id == SI.c.article_id))
            .where((SO.c.id.is_(None)) | (SI.c.article_id.is_not(None) & AR.c.id.is_(None)))
            .distinct().order_by(SI.c.source_id)))
        last = select(func.coalesce(func.max(CH.c.id), 0)).scalar_subquery()
        self.add("hook_cursor_ahead", "webhooks whose cursor is past the newest change", self.ids(
            select(HK.c.id).where(HK.c.cursor > last).order_by(HK.c.id)))

    def pending(self) -> None:
        self.add("merge_pending", "articles waiting for their strikes to be updated (the next `strikewatch ingest` "
                 "or `strikewatch merge` finishes them)",
                 self.ids(select(MQ.c.article_id).order_by(MQ.c.article_id)), severity="pending")

    def counts(self) -> None:
        for name, tbl in (("articles", AR), ("raw_blobs", RB), ("events", EV), ("claims", CL), ("strikes", ST),
                          ("strike_reports", SR), ("review_actions", RA), ("strike_changes", CH),
                          ("sources", SO), ("source_items", SI), ("hooks", HK)):
            self.report.rows[name] = int(self.c.execute(select(func.count()).select_from(tbl)).scalar_one())


def _out_of_range(tbl: Table) -> Any:
    """Any count column of ``tbl`` below 0 or above ``schema.MAX_COUNT``."""
    cols = [tbl.c[f"{n}{end}"] for n in COUNT_FIELDS for end in ("_min", "_max")]
    return or_(*[(c < 0) | (c > MAX_COUNT) for c in cols])


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, float) or isinstance(got, float):
        try:
            return got is not None and want is not None and abs(float(got) - float(want)) < 1e-9
        except (TypeError, ValueError):
            return False
    if isinstance(want, list):
        return list(got or []) == want
    if isinstance(want, bool):
        return bool(got) == want
    return bool(got == want)


def check(engine: Engine, *, verify_blobs: bool = True) -> CheckReport:
    """Run every check in one read transaction (a consistent snapshot where the backend gives one)."""
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        else:
            conn.exec_driver_sql("BEGIN")  # a read transaction: one WAL snapshot for every query
        ch = _Checker(conn, verify_blobs)
        ch.counts()
        ch.archive()
        ch.extractions()
        ch.strikes()
        ch.review()
        ch.changes()
        ch.monitor()
        ch.pending()
        conn.rollback()
    return ch.report


def summary_lines(report: CheckReport) -> list[str]:
    """The report as lines of text (what ``strikewatch check`` prints)."""
    r = report.rows
    lines = [
        f"checked {len(report.checks)} invariants over {r.get('articles', 0)} articles, {r.get('raw_blobs', 0)} raw "
        f"blobs ({report.blobs_verified} re-hashed), {r.get('events', 0)} events, {r.get('strikes', 0)} strike "
        f"records, {r.get('review_actions', 0)} review actions"
    ]
    for f in report.findings:
        shown = ", ".join(str(x) for x in f.examples)
        more = f" …(+{f.count - len(f.examples)})" if f.count > len(f.examples) else ""
        lines.append(f"{f.severity.upper()} {f.code}: {f.count} {f.message}: {f.examples_are} {shown}{more}")
    counts = Counter(f.severity for f in report.findings)
    if report.ok:
        tail = "ok: no orphaned, duplicated or half-merged rows"
        if counts["pending"]:
            tail += " (unfinished work is queued: run `strikewatch merge`)"
        lines.append(tail)
    else:
        lines.append(f"damaged: {counts['error']} invariant(s) broken")
    return lines
