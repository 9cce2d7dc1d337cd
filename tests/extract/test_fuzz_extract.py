"""Hostile text to the extractor: any Unicode, mixed scripts and bidi controls, strike phrases spliced with noise,
huge single lines. It never raises, answers in bounded time, and what it returns is well-formed: every
evidence and claim span lies inside the text, ranges are ordered, the result is JSON."""

from __future__ import annotations

import datetime as dt
import json
import os
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from regressions.cases import ARABIC, HEBREW, STRIKE, STRIKE_2, URDU

from strikewatch.extract import extract_article
from strikewatch.schema import COUNT_FIELDS, Extraction

EXAMPLES = int(os.environ.get("STRIKEWATCH_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("STRIKEWATCH_FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PIECES = [
    STRIKE, STRIKE_2, URDU, ARABIC, HEBREW, " ", "\n", "\n\n", ". ", ", ", "killed", "killing", "between", "and",
    "at least", "up to", "four", "4", "1,000", "99999999999999999999", "-3", "½", "٣", "۴", "Monday", "on 12 June 2014",
    "31/02/2013", "2014-06-12", "last week", "two days earlier", "Miranshah", "North Waziristan", "Datta Khel",
    "Wana", "Shawal", "drone", "strike", "missiles", "civilians", "children", "militants", "injured", "wounded",
    "\u202e", "\u202c", "\u200f", "\u200e", "\u2067", "\u2069", "\u061c", "\ufeff", "\u00ad", "\u0301", "🇵🇰",
    "—", "–", "“", "”", "’", "...", "(", ")", "[", "]", '"', "Reader comments:", "Comments", "Posted by",
    "a US drone strike killed between three and 30 people, including 12 children, in Datta Khel on Sunday",
    "up to 3,735 people killed in a decade, including up to 957 civilians",
]
texts = st.one_of(
    st.text(max_size=2000),
    st.lists(st.sampled_from(PIECES), max_size=120).map(" ".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=80).map("".join),
)
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
SECONDS = 20.0  # per input; typical is a few milliseconds


def well_formed(text: str, ext: Extraction) -> None:
    n = len(text)
    for ev in ext.events:
        for e in ev.evidence:
            assert 0 <= e.start < e.end <= n, (e, n)
        for f in COUNT_FIELDS:
            lo, hi = getattr(ev, f"{f}_min"), getattr(ev, f"{f}_max")
            for v in (lo, hi):
                assert v is None or (isinstance(v, int) and v >= 0), (f, v)
            assert lo is None or hi is None or lo <= hi, (f, lo, hi)
        if ev.date_earliest and ev.date_latest:
            assert ev.date_earliest <= ev.date_latest
        if ev.lat is not None:
            assert -90 <= ev.lat <= 90 and -180 <= (ev.lon or 0) <= 180
    for c in ext.claims:
        assert 0 <= c.start <= c.end <= n and text[c.start : c.end] == c.text
    json.dumps(ext.to_dict(), default=str)


@FUZZ
@given(text=texts, published=dates)
def test_extractor_never_fails_on_any_text(text: str, published: dt.date | None) -> None:
    t0 = time.monotonic()
    ext = extract_article(text, published)
    assert time.monotonic() - t0 < SECONDS
    well_formed(text, ext)


def test_huge_single_lines_in_bounded_time() -> None:
    """A 300 KB line of prose and one of a repeated strike sentence: an answer, in bounded time."""
    words = ("the", "road", "to", "the", "market", "was", "closed", "for", "days", "after", "rain", "and", "shops")
    prose = " ".join(words[i % len(words)] for i in range(60_000))
    repeated = " ".join([STRIKE] * 1_500)
    for text in (prose, repeated, "x" * 300_000, "٣" * 100_000):
        t0 = time.monotonic()
        ext = extract_article(text, dt.date(2014, 6, 12))
        assert time.monotonic() - t0 < 60, len(text)
        well_formed(text, ext)
