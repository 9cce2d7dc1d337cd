"""One strike row of a tracker dataset (TBIJ, New America, Pakistan Body Count, a generic CSV, or our own records).

Mirrors the ``dataset_strikes`` table. Unknown is ``None``. ``flags`` lists what the reader noticed and kept
(e.g. ``"injured_min>max"``) rather than silently fixing; ``raw`` is the source row as read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from strikewatch.model import TRACKED_COUNT_FIELDS, count_attrs, place_attrs, with_fields

# (min, max) count pairs a tracker row can carry, in the order of the dataset_strikes table.
TOLL_FIELDS: tuple[str, ...] = TRACKED_COUNT_FIELDS

if TYPE_CHECKING:  # the fields strikewatch.model adds, as mypy sees them
    from strikewatch.model_types import TrackedCounts, TrackerPlace

    class _TrackerFields(TrackerPlace, TrackedCounts): ...
else:
    _TrackerFields = object


@dataclass(slots=True)
@with_fields({"date": place_attrs(event=False), "n_strikes": count_attrs(TOLL_FIELDS)})
class TrackerStrike(_TrackerFields):
    """After ``date`` the place fields (admin2 normalised, see strikewatch.analyse.places), after ``n_strikes`` the
    counts trackers carry (strikewatch.model)."""

    ext_id: str | None = None
    date: dt.date | None = None
    n_strikes: int = 1  # a row may stand for several strikes (Pakistan Body Count "No of Strike")
    raw: dict[str, Any] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        if self.date is not None:
            d["date"] = self.date.isoformat()
        return d

    def toll(self, name: str) -> tuple[int | None, int | None]:
        """The (min, max) pair of a count field such as ``"killed"``."""
        return getattr(self, name + "_min"), getattr(self, name + "_max")


def check_ranges(row: TrackerStrike) -> None:
    """Flag (never fix) min > max pairs and other impossible values the tracker published."""
    for name in TOLL_FIELDS:
        lo, hi = row.toll(name)
        if lo is not None and hi is not None and lo > hi:
            flag = f"{name}_min>max"
            if flag not in row.flags:
                row.flags.append(flag)
