"""Publication dates an article gives itself, each with its basis.

A saved report usually says when it was published even when nobody passes ``--published``: a "Published: 3 March
2013" or "Updated March 4, 2013" line near the headline, a dateline that opens the body ("MIRANSHAH, March 3,
2013 — A US drone ..."), a date in the URL's path (``/2013/03/03/``, ``/2013-03-03-slug``, ``/20130303/``) and,
for HTML, the page's metadata (read by trafilatura/htmldate in ``ingest.html``; not here). The extractor needs
that date to resolve "on Sunday" and "yesterday", so ``ingest`` and ``strikewatch extract`` pass it as
``published`` and say which they used.

Only dates written with a year count (a dateline "MIRANSHAH, March 3 —" leaves the year open and is not used), and
only plausible ones (1990 up to tomorrow). Pure functions, no imports beyond the standard library.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

TextBasis = Literal["published-line", "dateline"]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr" \
       r"|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WD = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_YEAR = r"(?:19|20)\d\d"
# one written date with its year: "March 3, 2013", "3 March 2013", "3rd of March, 2013", "2013-03-03", "03/03/2013"
# is left out (day-first or month-first cannot be told apart)
_DATE = (
    rf"{_WD}(?:(?P<m1>{_MON})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>{_YEAR})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MON}),?\s+(?P<y2>{_YEAR})"
    rf"|(?P<y3>{_YEAR})-(?P<m3>\d\d)-(?P<d3>\d\d))\b"
)
_DATE_RE = re.compile(_DATE, re.IGNORECASE)
# "Published: March 3, 2013", "First published on Sun 3 Mar 2013 10.12 GMT", "Posted 3 March 2013",
# "Last updated: 4 March 2013", "Updated March 4, 2013 at 10:02 am"; "By Jane Doe | March 3, 2013" (a byline's date)
_PUB_LINE = re.compile(
    rf"^[ \t]*(?:(?P<label>(?:first\s+)?published|posted|(?:last\s+)?updated|(?:last\s+)?modified|date)\b"
    rf"(?:\s+on)?\s*[:\-–—]?\s*|by\s+[^|\n]{{2,60}}?\s*[|·•,–—-]\s*)(?:on\s+)?{_DATE}",
    re.IGNORECASE | re.MULTILINE,
)
# a line that is only a date ("March 3, 2013" under the headline)
_TIME = r"(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)"
_DATE_ONLY_LINE = re.compile(rf"^[ \t]*{_DATE}[ \t]*{_TIME}?[ \t]*$", re.IGNORECASE | re.MULTILINE)
# the dateline that opens a report: "MIRANSHAH, March 3, 2013 —", "PESHAWAR, Pakistan, 3 March 2013:",
# "Sanaa (Reuters), 3 March 2013 -", "ISLAMABAD: March 3, 2013 –"
_DATELINE = re.compile(
    rf"^[ \t]*(?P<place>[A-Z][A-Za-z'’.\- ]{{1,40}}?(?:,\s*[A-Z][A-Za-z.\- ]{{1,30}}?)?)\s*(?:\([^)\n]{{1,40}}\))?"
    rf"\s*[,:\-–—]?\s*{_DATE}\s*(?:\([^)\n]{{1,40}}\)\s*)?[:\-–—]",
    re.MULTILINE,
)
_URL_DATES = (
    re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|_|\.|\b)"),
    re.compile(r"/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:/|-|_|\.|$)"),
)
HEAD_CHARS = 1500  # where a published line or a dateline may stand
TAIL_CHARS = 600  # a "Published" line at the foot of a saved page


@dataclass(frozen=True, slots=True)
class FoundDate:
    date: dt.date
    basis: TextBasis
    text: str  # the words it was read from, for the user

    def how(self) -> str:
        return f"{self.basis} {self.text!r}"


def _plausible(d: dt.date, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    return dt.date(1990, 1, 1) <= d <= today + dt.timedelta(days=1)


def _from_match(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    try:
        if g.get("y1"):
            return dt.date(int(g["y1"]), _MONTHS[g["m1"].rstrip(".").lower()], int(g["d1"]))
        if g.get("y2"):
            return dt.date(int(g["y2"]), _MONTHS[g["m2"].rstrip(".").lower()], int(g["d2"]))
        if g.get("y3"):
            return dt.date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    except (ValueError, KeyError):
        return None
    return None


def parse_written_date(text: str) -> dt.date | None:
    """The first date with a year written in ``text`` ("3 March 2013", "March 3, 2013", "2013-03-03")."""
    m = _DATE_RE.search(text)
    return _from_match(m) if m else None


def published_line(text: str, *, today: dt.date | None = None) -> FoundDate | None:
    """A "Published/Posted/Updated: DATE" line (or a byline's date, or a line that is only a date) near the top of
    the text or at its foot. A published or posted date wins over an updated one (the first publication is the
    date the text's "yesterday" counts from)."""
    zones = [text[:HEAD_CHARS]]
    if len(text) > HEAD_CHARS:
        zones.append(text[-TAIL_CHARS:])
    updated: FoundDate | None = None
    for zone in zones:
        for m in _PUB_LINE.finditer(zone):
            d = _from_match(m)
            if d is None or not _plausible(d, today):
                continue
            found = FoundDate(d, "published-line", " ".join(m.group(0).split()))
            label = (m.group("label") or "").lower()
            if "updated" in label or "modified" in label:
                updated = updated or found
                continue
            return found
    if updated is not None:
        return updated
    alone = _DATE_ONLY_LINE.search(text[:HEAD_CHARS])
    if alone:
        d = _from_match(alone)
        if d is not None and _plausible(d, today):
            return FoundDate(d, "published-line", " ".join(alone.group(0).split()))
    return None


def dateline(text: str, *, today: dt.date | None = None) -> FoundDate | None:
    """The date of the dateline that opens the report ("MIRANSHAH, March 3, 2013 — ...")."""
    for m in _DATELINE.finditer(text[:HEAD_CHARS]):
        d = _from_match(m)
        if d is not None and _plausible(d, today):
            return FoundDate(d, "dateline", " ".join(m.group(0).split()))
    return None


def date_from_url(url: str | None, *, today: dt.date | None = None) -> dt.date | None:
    """A publication date written into a URL path (``/2012/08/24/slug``, ``/2012-08-24-slug``, ``/20120824/``)."""
    if not url:
        return None
    path = urlsplit(url).path
    for rx in _URL_DATES:
        m = rx.search(path)
        if m:
            try:
                d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            if _plausible(d, today):
                return d
    return None


def text_dates(text: str, *, today: dt.date | None = None) -> list[FoundDate]:
    """The dates the text gives, best first: a published line, then the dateline."""
    return [f for f in (published_line(text, today=today), dateline(text, today=today)) if f is not None]


BASIS_WORDS: dict[str, str] = {
    "jsonl": "the JSONL line's \"published\" field",
    "feed": "the feed item's date",
    "html-meta": "the page's metadata",
    "published-line": "a published/updated line in the text",
    "url": "the date in the URL",
    "dateline": "the dateline",
    "cli": "--published",
    "unknown": "none found",
    "given": "--published",
}
