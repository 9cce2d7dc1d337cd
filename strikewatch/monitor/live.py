"""What ``watch`` shows: one line per poll of a source (new / unchanged / error) on stderr, and on a terminal a
``rich`` live table of the sources above those lines."""

from __future__ import annotations

import datetime as dt
import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING, Any

from strikewatch.monitor.watch import PollResult, WatchSummary, stderr_line

if TYPE_CHECKING:
    from rich.live import Live


class LiveView:
    """Log lines always; the live table only when stderr is a terminal (and ``enabled``)."""

    def __init__(self, enabled: bool = True, quiet: bool = False) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.quiet = quiet
        self.rows: dict[int, dict[str, Any]] = {}
        self.summary: WatchSummary | None = None
        self.t0 = time.monotonic()
        self.live: Live | None = None

    def __enter__(self) -> LiveView:
        if self.enabled:
            from rich.console import Console
            from rich.live import Live

            self.live = Live(self._render(), console=Console(stderr=True), refresh_per_second=2, transient=True)
            self.live.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.live is not None:
            self.live.stop()

    def poll(self, res: PollResult) -> None:
        row = self.rows.setdefault(res.source_id, {"label": res.label, "new": 0, "polls": 0})
        row.update(status=res.status, at=dt.datetime.now(dt.UTC), next=res.next_poll_at, error=res.error,
                   items=res.items)
        row["new"] += res.new
        row["polls"] += 1
        if not self.quiet or res.status in ("new", "error"):
            self.event(res.line())
        elif self.live is not None:
            self.live.update(self._render())

    def event(self, message: str) -> None:
        if self.live is not None:
            stamp = dt.datetime.now(dt.UTC).strftime("%H:%M:%S")
            self.live.console.print(f"{stamp} {message}", markup=False, highlight=False, soft_wrap=True)
            self.live.update(self._render())
        else:
            stderr_line(message)

    def _render(self) -> Any:
        from rich.table import Table

        up = time.monotonic() - self.t0
        s = self.summary
        title = (f"strikewatch watch — up {int(up // 60)}m{int(up % 60):02d}s"
                 + (f" · {s.polls} polls · {s.new} new articles · {s.errors} errors · {s.merges} strike updates"
                    f" · {s.hook_changes} changes to webhooks" if s else ""))
        table = Table(title=title, title_justify="left", expand=False)
        for col in ("source", "last", "items", "new", "last poll", "next poll", "error"):
            table.add_column(col, overflow="fold", max_width=60 if col in ("source", "error") else None)
        for sid, r in sorted(self.rows.items(), key=lambda kv: kv[1].get("at") or dt.datetime.min, reverse=True)[:30]:
            style = {"error": "red", "new": "green"}.get(r.get("status", ""), "")
            table.add_row(f"{sid} {r['label']}", r.get("status", ""), str(r.get("items", "")), str(r["new"]),
                          r["at"].strftime("%H:%M:%S") if r.get("at") else "-",
                          r["next"].strftime("%H:%M:%S") if r.get("next") else "-", r.get("error") or "",
                          style=style)
        return table
