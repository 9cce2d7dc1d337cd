"""Scaled ingest: items out to N worker processes (or a Dask cluster), prepared articles back in input order,
one writer storing them in batches, then the strike update.

    report = ingest_scaled(engine, ["corpus.jsonl"], workers=2)
    report = ingest_scaled(engine, ["corpus.jsonl"], cluster="tcp://10.0.0.5:8786")

Flow control: at most ``inflight`` tasks (``chunk`` items each) are out at once, and results are taken in the
order the tasks went out, so the writer sees articles in input order (article ids, wire-copy links and stored
events are the same as those of a one-process run and of any other worker count) and memory is bounded by
``inflight * chunk`` articles whatever the size of the sources. Articles whose raw bytes are stored already are
recognised before they are sent anywhere (one query per window of items), so re-running an interrupted ingest
costs little more than reading the input again.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from sqlalchemy import Engine

from strikewatch.db.engine import session_scope
from strikewatch.errors import UserError
from strikewatch.ingest.pipeline import StoredArticle, flush_merge_queue
from strikewatch.ingest.read import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, ReadOptions, Rejected, expand_sources
from strikewatch.scale.report import ScaleReport
from strikewatch.scale.tasks import Item, Result, Task, iter_items, raw_hash, run_task, source_of
from strikewatch.scale.writer import BatchWriter, StoreFailed
from strikewatch.store.articles import PreparedArticle, StoreOutcome, present_ids

CHUNK = 16  # items per task: ~0.5-1 s of extraction, so scheduling costs little
BATCH = 200  # articles per write transaction
WINDOW = 512  # items per "already stored?" query
INFLIGHT_PER_WORKER = 4
FLUSH_SECONDS = 5.0  # a slow source (URLs) still commits every few seconds


class FutureLike(Protocol):
    def result(self) -> Any: ...


class Backend(Protocol):
    slots: int

    def submit(self, task: Task) -> FutureLike: ...

    def close(self) -> None: ...


class LocalBackend:
    """``workers`` processes on this machine (forkserver: no database handles or threads are inherited)."""

    def __init__(self, workers: int, opts: ReadOptions, extract: bool) -> None:
        import multiprocessing as mp
        import os
        from concurrent.futures import ProcessPoolExecutor

        from strikewatch.scale.tasks import init_local_worker

        methods = mp.get_all_start_methods()
        ctx = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            ctx.set_forkserver_preload(["strikewatch.scale.tasks"])
        self.slots = workers
        self._opts, self._extract = opts, extract
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_local_worker,
                                         initargs=(os.getpid(),))

    def submit(self, task: Task) -> FutureLike:
        return self._pool.submit(run_task, task, self._opts, self._extract)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskBackend:
    """The workers of a running Dask cluster (``distributed``); the client is this process."""

    def __init__(self, address: str, opts: ReadOptions, extract: bool, connect_timeout: float = 20.0) -> None:
        from distributed import Client

        from strikewatch.scale.tasks import warm_up, worker_versions

        _check_reachable(address, connect_timeout)
        try:
            self.client = Client(address, timeout=f"{connect_timeout}s", set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise UserError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        try:
            self.client.wait_for_workers(1, timeout=connect_timeout)
            mine = worker_versions()
            theirs: dict[str, Any] = self.client.run(worker_versions)
            if not theirs:
                raise UserError(f"the Dask cluster at {address} has no workers")
            for worker, v in sorted(theirs.items()):
                if v != mine:
                    raise UserError(
                        f"Dask worker {worker} runs strikewatch {v['strikewatch']} with extractor {v['extractor']}, "
                        f"this client {mine['strikewatch']} with extractor {mine['extractor']}: install the same "
                        "version everywhere, or the stored events would depend on which worker read an article"
                    )
            self.client.run(warm_up)
        except ModuleNotFoundError as exc:
            self.client.close()
            raise UserError(f"the Dask workers at {address} cannot import strikewatch ({exc})") from None
        except (OSError, TimeoutError) as exc:
            self.client.close()
            raise UserError(f"the Dask cluster at {address} did not answer: {exc}") from None
        except BaseException:
            self.client.close()
            raise
        self.slots = max(1, sum(self.client.nthreads().values()))
        self._opts, self._extract = opts, extract

    def submit(self, task: Task) -> FutureLike:
        return self.client.submit(run_task, task, self._opts, self._extract, pure=False)  # type: ignore[no-any-return]

    def close(self) -> None:
        self.client.close()


def _check_reachable(address: str, timeout: float) -> None:
    """Fail at once, in one line, when nothing listens at a tcp:// scheduler address (Dask would retry until
    its timeout)."""
    import socket
    from urllib.parse import urlsplit

    if not address.startswith("tcp://"):
        return
    parts = urlsplit(address)
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        host, port = None, None
    if not host or not port:
        raise UserError(f"--cluster must be tcp://HOST:PORT, got {address!r}")
    try:
        with socket.create_connection((host, port), timeout=min(timeout, 10.0)):
            pass
    except OSError as exc:
        raise UserError(f"cannot reach the Dask scheduler at {address}: {exc.strerror or exc}") from None


def ordered_results(backend: Backend, tasks: Iterable[Task], inflight: int) -> Iterator[list[Result]]:
    """Each task's results, in task order, with at most ``inflight`` tasks submitted and not yet taken."""
    pending: deque[FutureLike] = deque()
    for task in tasks:
        pending.append(backend.submit(task))
        while len(pending) >= inflight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class _Run:
    def __init__(self, engine: Engine, opts: ReadOptions, report: ScaleReport, batch: int) -> None:
        self.engine = engine
        self.opts = opts
        self.report = report
        self.writer = BatchWriter(engine)
        self.batch = batch
        self.buffer: list[PreparedArticle] = []
        self.last_write = time.monotonic()
        self.done = 0  # articles (and rejections) handled so far

    # items -> tasks, dropping what is stored already -----------------------------------------------------------
    def tasks(self, items: Iterable[Item | Rejected], chunk: int) -> Iterator[Task]:
        window: list[Item] = []
        for item in items:
            if isinstance(item, Rejected):
                self.report.add_rejected(item)
                continue
            window.append(item)
            if len(window) >= WINDOW:
                yield from self._window_tasks(window, chunk)
                window = []
        if window:
            yield from self._window_tasks(window, chunk)

    def _window_tasks(self, window: list[Item], chunk: int) -> Iterator[Task]:
        hashes = [raw_hash(item, self.opts) for item in window]
        with session_scope(self.engine) as session:
            known = present_ids(session, [h for h in hashes if h is not None])
        task: list[Item] = []
        for item, h in zip(window, hashes, strict=True):
            if h is not None and h in known:
                self.report.present.add((source_of(item), known[h]))
                self.done += 1
                continue
            task.append(item)
            if len(task) >= chunk:
                yield tuple(task)
                task = []
        if task:
            yield tuple(task)

    # results -> the writer ----------------------------------------------------------------------------------
    def take(self, results: Sequence[Result]) -> None:
        for r in results:
            if isinstance(r, Rejected):
                self.report.add_rejected(r)
                self.done += 1
            else:
                self.buffer.append(r)
        if len(self.buffer) >= self.batch or time.monotonic() - self.last_write > FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        self.last_write = time.monotonic()
        if not self.buffer:
            return
        batch, self.buffer = self.buffer, []
        for prep, outcome in zip(batch, self.writer.write(batch), strict=True):
            self._record(prep, outcome)
        self.done += len(batch)

    def _record(self, prep: PreparedArticle, outcome: StoreOutcome | StoreFailed) -> None:
        art = prep.article
        if isinstance(outcome, StoreFailed):
            self.report.add_rejected(outcome.as_rejected())
            return
        if outcome.status == "present":
            self.report.present.add((art.source, outcome.article_id))
            return
        self.report.add_stored(
            StoredArticle(outcome.article_id, art.source, art.title, outcome.dup_of, outcome.dup_similarity,
                          art.published_basis)
        )
        if prep.extraction_error:
            self.report.warnings.add(
                f"{art.source}: stored, but the extractor failed ({prep.extraction_error}); "
                "`strikewatch reextract` retries it"
            )


def ingest_scaled(
    engine: Engine,
    sources: Sequence[str],
    *,
    workers: int | None = None,
    cluster: str | None = None,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    update_strikes: bool = True,
    extract: bool = True,
    progress: bool = False,
    chunk: int = CHUNK,
    batch: int = BATCH,
    inflight: int | None = None,
    allow_hosts: tuple[str, ...] = (),
) -> ScaleReport:
    """Ingest ``sources`` with extraction on ``workers`` local processes, or on the Dask cluster at
    ``cluster``, and one batch writer here. Same stored result as ``ingest_sources``; see the module doc."""
    if (workers is None) == (cluster is None):
        raise ValueError("give either workers or cluster")
    if workers is not None and workers < 1:
        raise UserError("--workers must be at least 1")
    from strikewatch.ingest.fetch import parse_allow

    parse_allow(allow_hosts)  # a bad --allow-host is one line before anything starts
    opts = ReadOptions(published=published, max_bytes=max_bytes, timeout=timeout, allow_hosts=allow_hosts)
    expanded = expand_sources(sources)
    report = ScaleReport(cluster=cluster)
    for r in expanded.rejected:
        report.add_rejected(r)
    for s in expanded.skipped:
        report.add_skipped(s)
    run = _Run(engine, opts, report, batch)
    backend: Backend = (
        LocalBackend(workers, opts, extract) if workers is not None else DaskBackend(str(cluster), opts, extract)
    )
    report.workers = backend.slots
    bar = _Progress() if progress else None
    t0 = time.perf_counter()
    try:
        items = iter_items(expanded.inputs, opts, ship_files=cluster is not None)
        limit = inflight or INFLIGHT_PER_WORKER * backend.slots
        for results in ordered_results(backend, run.tasks(items, chunk), limit):
            run.take(results)
            if bar:
                bar.update(run.done, report)
        run.flush()
    except _broken_pool_errors() as exc:
        raise UserError(
            f"a worker process died ({type(exc).__name__}: {exc}); {report.stored.count} articles were stored, "
            "run the same command again to finish"
        ) from None
    finally:
        backend.close()
        if bar:
            bar.close()
    report.seconds = time.perf_counter() - t0
    if update_strikes:
        t1 = time.perf_counter()
        report.merge_error = flush_merge_queue(engine)
        report.merge_seconds = time.perf_counter() - t1
    return report


def _broken_pool_errors() -> tuple[type[BaseException], ...]:
    from concurrent.futures.process import BrokenProcessPool

    errors: list[type[BaseException]] = [BrokenProcessPool]
    try:
        from distributed.scheduler import KilledWorker

        errors.append(KilledWorker)
    except ImportError:  # pragma: no cover - distributed is a dependency
        pass
    return tuple(errors)


class _Progress:
    """Articles done so far and the rate, on stderr (silent when stderr is not a terminal)."""

    def __init__(self) -> None:
        import sys

        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.enabled = sys.stderr.isatty()
        self.t0 = time.perf_counter()
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=True, disable=not self.enabled)
        self.task = self.progress.add_task("ingesting", total=None)
        if self.enabled:
            self.progress.start()

    def update(self, done: int, report: ScaleReport) -> None:
        rate = done / max(1e-9, time.perf_counter() - self.t0)
        self.progress.update(
            self.task,
            description=f"ingesting: {done:,} articles ({rate:,.0f}/s), {report.stored.count:,} new, "
            f"{report.present.count:,} present, {report.rejected.count:,} rejected",
        )

    def close(self) -> None:
        if self.enabled:
            self.progress.stop()
