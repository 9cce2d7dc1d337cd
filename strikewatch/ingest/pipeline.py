"""The ingest run: read sources, store each new article with its extraction, then update strikes.

Library entry point for every caller (CLI, worker pools, tests)::

    report = ingest_sources(engine, ["articles/", "https://example.org/feed.xml"], published=None)

Reading (``strikewatch.ingest.read``) and preparing (``strikewatch.store.articles.prepare``: hashes, fingerprint,
extraction) are pure and picklable; only ``store_prepared`` touches the database, one transaction per article.
Articles whose strikes still need updating sit in ``merge_queue`` until ``update_strikes`` has run, so a run
killed at any point leaves nothing half done: the next run finishes the queue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, delete, func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from strikewatch.db.engine import session_scope
from strikewatch.db.tables import Article, EventRow, MergeQueue
from strikewatch.errors import UserError
from strikewatch.ingest.read import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    Input,
    ReadOptions,
    Rejected,
    Skipped,
    expand_sources,
    read_input,
)
from strikewatch.schema import MAX_COUNT, ArticleIn, counts_out_of_range
from strikewatch.store.articles import (
    PreparedArticle,
    StoreOutcome,
    article_fault,
    prepare,
    present_ids,
    run_extractor,
    sha256_hex,
    store_prepared,
)
from strikewatch.store.extractions import write_extraction

BATCH = 200  # articles read before one "already stored?" query


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: int
    source: str
    title: str | None
    dup_of: int | None
    dup_similarity: float | None
    published_basis: str = "unknown"  # where its publication date came from (``schema.PublishedBasis``)


@dataclass(slots=True)
class IngestReport:
    stored: list[StoredArticle] = field(default_factory=list)
    present: list[tuple[str, int]] = field(default_factory=list)  # (source, id of the stored article)
    rejected: list[Rejected] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    merge_error: str | None = None

    @property
    def wire_copies(self) -> list[StoredArticle]:
        return [a for a in self.stored if a.dup_of is not None]

    def date_bases(self) -> dict[str, int]:
        """How many new articles got their publication date from where (``published_basis``), most first."""
        from collections import Counter

        return dict(Counter(a.published_basis for a in self.stored).most_common())

    @property
    def new_ids(self) -> list[int]:
        return [a.id for a in self.stored]

    @property
    def ok(self) -> bool:
        return not self.rejected and self.merge_error is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "stored": len(self.stored),
            "already_present": len(self.present),
            "wire_copies": len(self.wire_copies),
            "rejected": len(self.rejected),
            "skipped": len(self.skipped),
            "published_basis": self.date_bases(),
            "articles": [
                {
                    "id": a.id,
                    "source": a.source,
                    "title": a.title,
                    "dup_of": a.dup_of,
                    "dup_similarity": a.dup_similarity,
                    "published_basis": a.published_basis,
                }
                for a in self.stored
            ],
            "rejected_inputs": [{"source": r.source, "reason": r.reason} for r in self.rejected],
            "skipped_inputs": [{"source": s.source, "reason": s.reason} for s in self.skipped],
            "warnings": list(self.warnings),
            "merge_error": self.merge_error,
        }


# (articles done, articles expected, report so far): counted in articles, not input files, so that one JSONL file
# of 10,000 lines moves the bar 10,000 times. "Expected" is an estimate (JSONL lines are counted up front, a feed
# counts as one until its items are read) that grows when an input holds more articles than estimated.
ProgressHook = Callable[[int, int, "IngestReport"], None]


def iter_articles(inputs: Sequence[Input], opts: ReadOptions) -> Iterator[tuple[int, ArticleIn | Rejected]]:
    """(input index, article or rejection) for every article in the inputs, in order."""
    for i, inp in enumerate(inputs):
        for item in read_input(inp, opts):
            yield i, item


def ingest_sources(
    engine: Engine,
    sources: Sequence[str],
    *,
    published: dt.date | None = None,
    progress: bool | ProgressHook = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    update_strikes: bool = True,
    extract: bool = True,
    allow_hosts: Sequence[str] = (),
) -> IngestReport:
    """Ingest files, folders, JSONL, URLs and feeds; returns what happened to each input. Raises only for a
    database that cannot be used (``UserError``); bad inputs are reported in ``IngestReport.rejected``.

    ``extract=False`` stores articles without running the extractor (``reextract`` fills them in later);
    ``update_strikes=False`` leaves the merge queue for a later run or ``flush_merge_queue``; ``allow_hosts``
    (``--allow-host``) lets links found in fetched feeds go to these hosts or ranges too (see ``ingest.fetch``)."""
    from strikewatch.ingest.fetch import parse_allow

    parse_allow(allow_hosts)  # a bad value is one line before anything is read
    expanded = expand_sources(sources)
    report = IngestReport(rejected=list(expanded.rejected), skipped=list(expanded.skipped))
    hook: ProgressHook | None = progress if callable(progress) else None
    bar = None
    if progress is True:
        bar = _RichProgress(1)
        hook = bar.update
    opts = ReadOptions(published=published, max_bytes=max_bytes, timeout=timeout, allow_hosts=tuple(allow_hosts),
                       on_items=bar.items if bar else None)
    estimates = [expected_articles(inp) for inp in expanded.inputs] if hook else []
    expected = sum(estimates)
    step = 1 if expected < 2_000 else 25  # a hook call per article is cheap, but not free on huge runs
    unread = len(report.rejected)  # sources that were not there: no article was read from them

    def done() -> int:
        return len(report.stored) + len(report.present) + len(report.rejected) - unread

    try:
        done_inputs = -1
        seen_in_input = 0  # articles (or rejected parts) read from the current input
        batch: list[ArticleIn] = []
        for n_read, (idx, item) in enumerate(iter_articles(expanded.inputs, opts), 1):
            if idx != done_inputs:
                if batch:
                    _store_batch(engine, batch, report, extract)
                    batch = []
                done_inputs, seen_in_input = idx, 0
            seen_in_input += 1
            if hook and seen_in_input > estimates[idx]:  # more articles than estimated (a feed's items)
                expected += 1
            if isinstance(item, Rejected):
                report.rejected.append(item)
            else:
                batch.append(item)
                if len(batch) >= BATCH or (hook and len(batch) >= step):
                    _store_batch(engine, batch, report, extract)
                    batch = []
            if hook and n_read % step == 0:
                hook(done(), max(expected, n_read), report)
        if batch:
            _store_batch(engine, batch, report, extract)
        if hook:
            hook(done(), done(), report)
    except SQLAlchemyError as exc:
        # the database went away or refused a write: what was committed stays, the rest needs a re-run
        msg = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise UserError(
            f"database error after {len(report.stored)} new articles were stored ({msg}); "
            "run the same ingest again to finish"
        ) from None
    finally:
        if bar:
            bar.close()
        from strikewatch.ingest.fetch import close_clients

        close_clients()
    if update_strikes:
        report.merge_error = flush_merge_queue(engine, report.new_ids)
    return report


def expected_articles(inp: Input) -> int:
    """How many articles an input probably holds, for the progress bar: a JSONL file's lines (newlines counted
    in 1 MB chunks: fast at any size), one for anything else (a feed grows the total as its items are read)."""
    if inp.kind != "jsonl":
        return 1
    n = 0
    last = b"\n"
    try:
        with open(inp.location, "rb") as fh:
            while chunk := fh.read(1 << 20):
                n += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return 1
    return max(1, n + (last != b"\n"))


def _store_batch(engine: Engine, batch: list[ArticleIn], report: IngestReport, extract: bool = True) -> None:
    shas = [sha256_hex(a.raw) for a in batch]
    with session_scope(engine) as session:
        known = present_ids(session, shas)
    for art, sha in zip(batch, shas, strict=True):
        if sha in known:
            report.present.append((art.source, known[sha]))
            continue
        try:
            prep = prepare(art, extract=extract)
        except Exception as exc:  # prepare never raises for extractor bugs; anything else is this article's alone
            report.rejected.append(Rejected(art.source, f"could not be prepared ({type(exc).__name__}: {exc})"))
            continue
        outcome = _store_one(engine, prep, report)
        if outcome is None:
            continue
        _record(report, prep, outcome)
        known[sha] = outcome.article_id  # the same bytes twice in one run: stored once


def _store_one(engine: Engine, prep: PreparedArticle, report: IngestReport) -> StoreOutcome | None:
    """``store_prepared``; an article that cannot be stored (a value the database refuses, any failure its
    content causes) is rejected alone, named with its reason (its transaction was rolled back whole), instead of
    ending the run for every later input. Only a failure of the database itself ends the run."""
    try:
        return store_prepared(engine, prep)
    except Exception as exc:
        reason = article_fault(exc)
        if reason is None:
            raise
        report.rejected.append(Rejected(prep.article.source, f"could not be stored: {reason}"))
        return None


def store_many(engine: Engine, prepared: Iterable[PreparedArticle], report: IngestReport) -> None:
    """Store articles prepared elsewhere (e.g. by worker processes), one transaction each."""
    for prep in prepared:
        outcome = _store_one(engine, prep, report)
        if outcome is not None:
            _record(report, prep, outcome)


def _record(report: IngestReport, prep: PreparedArticle, outcome: StoreOutcome) -> None:
    art = prep.article
    if outcome.status == "present":
        report.present.append((art.source, outcome.article_id))
        return
    report.stored.append(
        StoredArticle(outcome.article_id, art.source, art.title, outcome.dup_of, outcome.dup_similarity,
                      art.published_basis)
    )
    if prep.extraction_error:
        report.warnings.append(
            f"{art.source}: stored, but the extractor failed ({prep.extraction_error}); "
            "`strikewatch reextract` retries it"
        )
    for event in prep.extraction.events if prep.extraction else ():
        figures: dict[str, list[str]] = {}
        for name, value in counts_out_of_range(event):
            shown = figures.setdefault(name.rsplit("_", 1)[0], [])
            if str(value) not in shown:
                shown.append(str(value))
        for name, values in figures.items():
            report.warnings.append(
                f"{art.source}: {name} {' to '.join(values)} is not a count (0 to {MAX_COUNT:,}): stored as "
                "unknown, the figure stays in the text"
            )


# A backlog this large and at least half the archive is merged by one streaming pass over everything (memory
# flat, linear); smaller backlogs incrementally in chunks of articles close in date, each chunk its own
# transaction, so memory holds one chunk's neighbourhood and an interrupted run keeps the chunks it finished.
FULL_MERGE_MIN = 20_000
MERGE_CHUNK = 5_000


def flush_merge_queue(engine: Engine, new_ids: Sequence[int] = ()) -> str | None:
    """Update strikes for the new articles and any left queued by an interrupted run; returns an error or None."""
    from strikewatch.merge import update_strikes

    with session_scope(engine) as session:
        queued = _queued_by_date(session)
        archive = session.scalar(select(func.count()).select_from(Article)) or 0
    in_queue = set(queued)
    ids = queued + sorted(set(new_ids) - in_queue)
    if not ids:
        return None
    try:
        if len(ids) >= FULL_MERGE_MIN and 2 * len(ids) >= archive:
            update_strikes(engine, None)
            _dequeue(engine, queued)
            return None
        for i in range(0, len(ids), MERGE_CHUNK):
            chunk = ids[i : i + MERGE_CHUNK]
            update_strikes(engine, chunk)
            _dequeue(engine, [a for a in chunk if a in in_queue])
    except Exception as exc:  # keep the rest of the queue: the next run retries
        return f"updating strikes failed ({type(exc).__name__}: {exc}); the next ingest retries it"
    return None


def _queued_by_date(session: Session) -> list[int]:
    """Queued article ids, ordered by the earliest day their events give (undated last), then id."""
    stmt = (
        select(MergeQueue.article_id, func.min(EventRow.date_earliest))
        .outerjoin(EventRow, EventRow.article_id == MergeQueue.article_id)
        .group_by(MergeQueue.article_id)
    )
    rows = [(a, d) for a, d in session.execute(stmt)]
    rows.sort(key=lambda r: (r[1] is None, r[1] or dt.date.min, r[0]))
    return [a for a, _ in rows]


def _dequeue(engine: Engine, ids: Sequence[int]) -> None:
    with session_scope(engine) as session:
        for i in range(0, len(ids), 500):
            session.execute(delete(MergeQueue).where(MergeQueue.article_id.in_(ids[i : i + 500])))


# --- re-extraction ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class ReextractReport:
    reextracted: int = 0
    failed: list[str] = field(default_factory=list)
    merge_error: str | None = None


def reextract(engine: Engine, *, all_articles: bool = False, progress: bool = False) -> ReextractReport:
    """Run the current extractor over stored articles extracted by another version (every article with
    ``all_articles``), replacing their events and claims, then re-merge all strikes."""
    from strikewatch.extract import EXTRACTOR_VERSION
    from strikewatch.merge import update_strikes

    report = ReextractReport()
    with session_scope(engine) as session:
        stmt = select(Article.id).order_by(Article.id)
        if not all_articles:
            stmt = stmt.where((Article.extractor_version.is_(None)) | (Article.extractor_version != EXTRACTOR_VERSION))
        ids = list(session.scalars(stmt))
    bar = _RichProgress(len(ids), label="re-extracting") if progress else None
    try:
        for n, aid in enumerate(ids):
            with session_scope(engine) as session:
                row = session.get(Article, aid)
                if row is None:
                    continue
                body, comments, published = row.text, row.comments, row.published
                doc_id = row.external_id or row.sha256
            try:
                extraction = run_extractor(body, comments, published, doc_id)
            except Exception as exc:
                report.failed.append(f"article {aid}: {type(exc).__name__}: {exc}")
                continue
            try:
                with session_scope(engine) as session:
                    write_extraction(session, aid, extraction, EXTRACTOR_VERSION)
                    session.execute(
                        update(Article)
                        .where(Article.id == aid)
                        .values(extractor_version=EXTRACTOR_VERSION, extracted_at=dt.datetime.now(dt.UTC))
                    )
                    if session.get(MergeQueue, aid) is None:
                        session.add(MergeQueue(article_id=aid))
            except Exception as exc:  # this article's alone: the next ones go on
                reason = article_fault(exc)
                if reason is None:
                    raise
                report.failed.append(f"article {aid}: could not be stored: {reason}")
                continue
            report.reextracted += 1
            if bar:
                bar.advance(n + 1)
    finally:
        if bar:
            bar.close()
    with session_scope(engine) as session:
        queued = list(session.scalars(select(MergeQueue.article_id)))
    if not report.reextracted and not queued:
        return report  # nothing changed: no re-merge
    try:
        update_strikes(engine, None)
    except Exception as exc:
        report.merge_error = f"updating strikes failed ({type(exc).__name__}: {exc})"
        return report
    with session_scope(engine) as session:
        for i in range(0, len(queued), 500):
            session.execute(delete(MergeQueue).where(MergeQueue.article_id.in_(queued[i : i + 500])))
    return report


# --- progress bar ----------------------------------------------------------------------------------------------


class _RichProgress:
    """A Rich progress bar on stderr; silent when stderr is not a terminal."""

    def __init__(self, total: int, label: str = "ingesting") -> None:
        import sys

        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        console = Console(stderr=True)
        self.enabled = sys.stderr.isatty()
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("articles"),
            TextColumn("{task.fields[detail]}"),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            disable=not self.enabled,
        )
        self.task = self.progress.add_task(label, total=total, detail="")
        self.item_task: Any = None
        if self.enabled:
            self.progress.start()

    def update(self, done: int, total: int, report: IngestReport) -> None:
        detail = f"{len(report.stored)} new, {len(report.present)} present, {len(report.rejected)} rejected"
        self.progress.update(self.task, completed=done, total=total, detail=detail)

    def items(self, source: str, done: int, total: int) -> None:
        """A feed's items as they are read (their links fetched concurrently)."""
        from rich.markup import escape

        from strikewatch.terminal import printable

        if self.item_task is None:
            self.item_task = self.progress.add_task("feed items", total=total, detail="")
        name = source if len(source) <= 40 else "…" + source[-39:]
        self.progress.update(self.item_task, completed=done, total=total, detail=escape(printable(name)))

    def advance(self, done: int) -> None:
        self.progress.update(self.task, completed=done)

    def close(self) -> None:
        if self.enabled:
            self.progress.stop()

