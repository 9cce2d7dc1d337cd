"""The test split, fixed once and never tuned on (extraction issue, round 3).

- ACLED 2015: every Pakistan row is test; of the other rows a seeded fifth (by ``EVENT_ID_CNTY``) is test.
- Real news set: a seeded fifth of the articles (by normalised url) is test.
- The TBIJ development summaries are development data throughout.

The rule is a salted sha256, so it does not depend on row order, file version or Python's hash seed.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from strikewatch.evaluate.urls import normalise_url

Split = Literal["test", "dev"]
SALT = "strikewatch-split-1:"
TEST_COUNTRIES_ACLED = frozenset({"Pakistan"})


def _fifth(key: str) -> bool:
    return int(hashlib.sha256((SALT + key).encode("utf-8")).hexdigest()[:8], 16) % 5 == 0


def acled_split(event_id: str, country: str) -> Split:
    if country.strip() in TEST_COUNTRIES_ACLED:
        return "test"
    return "test" if _fifth("acled:" + event_id.strip()) else "dev"


def news_split(url: str) -> Split:
    return "test" if _fifth("news:" + normalise_url(url)) else "dev"
