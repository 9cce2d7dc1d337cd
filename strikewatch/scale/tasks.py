"""Work items streamed out of the sources, and the worker function that reads and prepares them.

The main process never parses an article: it walks the sources (``expand_sources``), cuts JSONL files into
lines, and hands out items in order. A worker (a local process or a Dask worker) turns each item into
``ArticleIn`` with the ingest stage's readers and then into a ``PreparedArticle`` (hashes, near-duplicate
fingerprint, extraction) with the store's ``prepare``: plain picklable data in, plain picklable data out.

Items:

- ``LineItem``: one JSONL line (its bytes and ``file.jsonl:LINE``), read with ``jsonl_article``;
- ``InputItem``: a file, URL or feed the worker reads itself with ``read_input`` (local pools share the
  file system);
- ``FileItem``: a local file's bytes, shipped to cluster workers that do not see the client's files.

Memory stays flat however large the sources: JSONL is read line by line, items go out in small tasks, and the
caller bounds how many tasks are in flight.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from strikewatch.ingest.read import Input, Kind, ReadOptions, Rejected, jsonl_article, read_input
from strikewatch.ingest.read import jsonl_lines as read_jsonl_lines
from strikewatch.schema import ArticleIn
from strikewatch.store.articles import PreparedArticle, prepare, sha256_hex


@dataclass(frozen=True, slots=True)
class LineItem:
    where: str  # "file.jsonl:LINE"
    raw: bytes  # the line without its line break: the article's raw bytes


@dataclass(frozen=True, slots=True)
class InputItem:
    inp: Input


@dataclass(frozen=True, slots=True)
class FileItem:
    location: str
    kind: Kind
    data: bytes


@dataclass(frozen=True, slots=True)
class ArticleItem:
    """An article read already (the monitor fetches and reads its sources itself): the worker only prepares it."""

    article: ArticleIn


Item = LineItem | InputItem | FileItem | ArticleItem
Task = tuple[Item, ...]
Result = PreparedArticle | Rejected

_PRECHECK_KINDS = ("text", "html")  # files whose raw bytes are the article's: known before reading them


# --- the main process: sources -> items ------------------------------------------------------------------------


def jsonl_lines(path: Path, opts: ReadOptions) -> Iterator[LineItem | Rejected]:
    """The lines of a JSONL file as items, with the rejections ``read_input`` gives (over-long lines, a file
    without any line): ``strikewatch.ingest.read.jsonl_lines``, minus the parsing."""
    for item in read_jsonl_lines(path, opts):
        yield item if isinstance(item, Rejected) else LineItem(*item)


def iter_items(inputs: Iterable[Input], opts: ReadOptions, *, ship_files: bool = False) -> Iterator[Item | Rejected]:
    """Every item of the inputs, in order. ``ship_files``: local files travel as bytes (for cluster workers)."""
    for inp in inputs:
        if inp.kind == "jsonl":
            yield from jsonl_lines(Path(inp.location), opts)
        elif inp.kind == "url" or not ship_files:
            yield InputItem(inp)
        else:
            try:
                size = os.stat(inp.location).st_size
                data = Path(inp.location).read_bytes() if size <= opts.max_bytes else None
            except OSError:
                data = None
            if data is None:  # too large or unreadable: the reader says why, without reading it
                yield from (r for r in read_input(inp, opts) if isinstance(r, Rejected))
            else:
                yield FileItem(inp.location, inp.kind, data)


def raw_hash(item: Item, opts: ReadOptions) -> str | None:
    """sha256 of the raw bytes the item's article will be stored with, when that is known before reading it
    (a JSONL line, a text or HTML file); None for feeds, URLs and files of unknown kind."""
    if isinstance(item, LineItem):
        return sha256_hex(item.raw)
    if isinstance(item, FileItem):
        return sha256_hex(item.data) if item.kind in _PRECHECK_KINDS else None
    if isinstance(item, ArticleItem):
        return sha256_hex(item.article.raw)
    if item.inp.kind in _PRECHECK_KINDS:
        try:
            path = Path(item.inp.location)
            if path.stat().st_size <= opts.max_bytes:
                return sha256_hex(path.read_bytes())
        except OSError:
            return None
    return None


def source_of(item: Item) -> str:
    if isinstance(item, LineItem):
        return item.where
    if isinstance(item, FileItem):
        return item.location
    if isinstance(item, ArticleItem):
        return item.article.source
    return item.inp.location


# --- the worker: items -> prepared articles ------------------------------------------------------------------


def read_item(item: Item, opts: ReadOptions) -> Iterator[ArticleIn | Rejected]:
    """The articles (or rejections) of one item, read with the ingest stage's readers."""
    if isinstance(item, LineItem):
        yield jsonl_article(item.raw, item.where, opts)
    elif isinstance(item, InputItem):
        yield from read_input(item.inp, opts)
    elif isinstance(item, ArticleItem):
        yield item.article
    else:
        yield from _read_shipped(item, opts)


def _read_shipped(item: FileItem, opts: ReadOptions) -> Iterator[ArticleIn | Rejected]:
    suffix = Path(item.location).suffix
    with tempfile.TemporaryDirectory(prefix="strikewatch-") as tmp:
        path = os.path.join(tmp, "input" + suffix)
        with open(path, "wb") as fh:
            fh.write(item.data)
        for got in read_input(Input(path, item.kind), opts):
            if isinstance(got, Rejected):
                yield Rejected(got.source.replace(path, item.location), got.reason.replace(path, item.location))
            else:
                got.source = got.source.replace(path, item.location)
                yield got


def run_task(task: Sequence[Item], opts: ReadOptions, extract: bool = True) -> list[Result]:
    """Read and prepare every article of a task, in order. Pure (no database); never raises for bad input."""
    out: list[Result] = []
    for item in task:
        for got in read_item(item, opts):
            out.append(got if isinstance(got, Rejected) else prepare(got, extract=extract))
    return out


def warm_up() -> None:
    """Load the extractor's tables once per worker process, before the first task is timed."""
    prepare(ArticleIn(raw=b"warm-up", text="A drone strike killed two people in Datta Khel on Monday.",
                      source="warm-up"))


def init_local_worker(writer_pid: int) -> None:
    """Start of a local worker process: exit when the writer process is gone (killed, even with -9), so that no
    worker is left extracting for nobody; then warm up."""
    import threading

    parent = os.getppid()

    def watch() -> None:
        import time

        while True:
            time.sleep(0.5)
            try:
                os.kill(writer_pid, 0)
            except ProcessLookupError:
                os._exit(3)
            except PermissionError:  # pragma: no cover - a pid reused by another user's process
                os._exit(3)
            if os.getppid() != parent:  # the fork server (or the writer) that started us has died
                os._exit(3)

    threading.Thread(target=watch, name="strikewatch-writer-watch", daemon=True).start()
    warm_up()


def worker_versions() -> dict[str, str]:
    """What a worker would produce with: the extractor version and strikewatch's (cluster workers must match)."""
    from importlib.metadata import PackageNotFoundError, version

    from strikewatch.extract import EXTRACTOR_VERSION

    try:
        pkg = version("strikewatch")
    except PackageNotFoundError:
        pkg = "unknown"
    return {"extractor": EXTRACTOR_VERSION, "strikewatch": pkg}
