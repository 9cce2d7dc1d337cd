"""What a scaled ingest did, in bounded memory: counts of everything, the first ``LIST_CAP`` entries of each list.

A million-line run must not keep a million records in the writer's memory, so where ``IngestReport`` keeps a
list, this keeps a count and the first entries. For runs under the caps the JSON summary has the same fields
and entries as ``strikewatch ingest`` without ``--workers``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strikewatch.ingest.pipeline import StoredArticle
from strikewatch.ingest.read import Rejected, Skipped

LIST_CAP = 1000


@dataclass(slots=True)
class Capped:
    """A count and the first ``cap`` items."""

    cap: int = LIST_CAP
    count: int = 0
    items: list[Any] = field(default_factory=list)

    def add(self, item: Any) -> None:
        self.count += 1
        if len(self.items) < self.cap:
            self.items.append(item)

    @property
    def truncated(self) -> bool:
        return self.count > len(self.items)


@dataclass(slots=True)
class ScaleReport:
    stored: Capped = field(default_factory=Capped)  # StoredArticle
    present: Capped = field(default_factory=Capped)  # (source, article id)
    wire_copies: Capped = field(default_factory=Capped)  # StoredArticle with dup_of
    rejected: Capped = field(default_factory=Capped)  # Rejected
    skipped: Capped = field(default_factory=Capped)  # Skipped
    warnings: Capped = field(default_factory=Capped)  # str
    merge_error: str | None = None
    workers: int = 0  # processes (local) or worker threads (cluster) that extracted
    cluster: str | None = None
    seconds: float = 0.0  # reading, extracting and storing (not the strike update)
    merge_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.rejected.count == 0 and self.merge_error is None

    def add_stored(self, a: StoredArticle) -> None:
        self.stored.add(a)
        if a.dup_of is not None:
            self.wire_copies.add(a)

    def add_rejected(self, r: Rejected) -> None:
        self.rejected.add(r)

    def add_skipped(self, s: Skipped) -> None:
        self.skipped.add(s)

    @property
    def articles_per_second(self) -> float:
        n = self.stored.count + self.present.count + self.rejected.count
        return n / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "stored": self.stored.count,
            "already_present": self.present.count,
            "wire_copies": self.wire_copies.count,
            "rejected": self.rejected.count,
            "skipped": self.skipped.count,
            "articles": [
                {"id": a.id, "source": a.source, "title": a.title, "dup_of": a.dup_of,
                 "dup_similarity": a.dup_similarity}
                for a in self.stored.items
            ],
            "rejected_inputs": [{"source": r.source, "reason": r.reason} for r in self.rejected.items],
            "skipped_inputs": [{"source": s.source, "reason": s.reason} for s in self.skipped.items],
            "warnings": list(self.warnings.items),
            "merge_error": self.merge_error,
            "workers": self.workers,
            "cluster": self.cluster,
            "seconds": round(self.seconds, 3),
            "merge_seconds": round(self.merge_seconds, 3),
        }
        truncated = [k for k, c in (("articles", self.stored), ("rejected_inputs", self.rejected),
                                    ("skipped_inputs", self.skipped), ("warnings", self.warnings)) if c.truncated]
        if truncated:
            out["truncated"] = {k: LIST_CAP for k in truncated}
        return out
