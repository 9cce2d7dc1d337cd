"""The document object the extractor's components read and add to (``pipeline.COMPONENTS``, in order).

One ``Doc`` per article: the text and its publication date, then what each component finds — the layout
(sentences, junk lines, dateline end), the sentences worth reading with their dates and casualty statements,
the clauses that report a strike (``Mention``), the statistics (claims), the candidate events (``Acc``: mentions
grouped into one strike) and the finished events. Everything a component works out for one article lives here,
nothing in module or thread-local state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from strikewatch.extract.casualties import Casualties
from strikewatch.extract.dates import DateMention
from strikewatch.extract.layout import Sentence
from strikewatch.extract.triggers import Typing
from strikewatch.schema import Claim, Event, GeoResult

_NEVER = re.compile(r"(?!)")


@dataclass(slots=True)
class SentRead:
    """A sentence with a kill word or a strike word: where dates, casualty statements and mentions are sought."""

    index: int  # in ``Doc.sents``
    sent: Sentence
    no_cas: list[tuple[int, int]]  # "there were no casualties": spans of a toll of none
    title: bool  # in the headline block above the body
    kill_cue: bool
    dates: list[DateMention] = field(default_factory=list)
    cas: list[Casualties] = field(default_factory=list)
    claimed: bool = False  # states a statistic: gives claims, not mentions


@dataclass(slots=True)
class Mention:
    """A clause that reports a strike: its strike words (triggers), casualty statements and dates."""

    start: int
    end: int
    sent: int
    section: str
    triggers: list[tuple[int, int]]
    casualties: list[Casualties]
    dates: list[DateMention]
    background: bool = False
    extra_spans: list[tuple[int, int]] = field(default_factory=list)  # place tails
    multi: bool = False  # one of several days named together: its toll is for all of them
    group_dates: str | None = None  # the text naming those days together ("today and Wednesday")
    typing: Typing | None = None  # type and perpetrator, worked out once for a final span (``facts.typing``)
    typing_key: tuple[int, int, int, int] = (0, 0, 0, 0)
    related: bool = False  # a clause relating this event to another ("after the strike on Wednesday ..."): the
    # other, earlier event; it never continues the clause's own event by proximity
    reaction: bool = False  # the strike is the object of a reaction ("condemned the two strikes"): referred to
    plural: bool = False  # names several strikes together ("Twin drone strikes killed nine", "struck twice")
    title: bool = False  # in the headline block above the body
    keys: set[str] | None = None  # names and targets, worked out once for a final span (``facts.keys``)
    keys_span: tuple[int, int] = (0, 0)
    said_day: bool = False  # its only day is the day a toll was given ("..., the governor said on Sunday")


@dataclass(slots=True)
class Acc:
    """A candidate event: the mentions told of one strike."""

    mentions: list[Mention]
    day: date | None = None
    section: str = "body"
    day_key: object = None
    combined: bool = False  # split from a clause naming several days: its toll is not this event's
    forced_day: DateMention | None = None
    last_sent: int = 0
    ordinal: bool = False  # started by "a second strike", "in a separate attack", "in the second"
    inherited: bool = False  # its day is the previous event's ("hours later", "in the afternoon")
    split: bool = False  # a plural statement later broken down strike by strike: its toll is for all of them
    said_day: bool = False  # dated only by the day its toll was given: a strike day told next replaces it

    def names(self) -> set[str]:
        return {n.lower() for m in self.mentions for c in m.casualties for n, _s, _e in c.named}


@dataclass(slots=True)
class Doc:
    """One article being read."""

    text: str
    published: date | None = None
    doc_id: str | None = None
    comments_start: int | None = None
    low: str | None = None  # ``text.lower()`` when that keeps every offset, else None (set by ``reading.gate``,
    # which makes ``text`` a ``layout.Text`` carrying it)
    date_low: str | None = None  # ``low`` with the month names as written (``dates.month_folded``), else None
    done: bool = False  # nothing here can be a strike or a statistic: the components after stop
    # layout
    sents: list[Sentence] = field(default_factory=list)
    junk: list[tuple[int, int]] = field(default_factory=list)
    body_end: int = 0
    dl_end: int | None = None  # where the dateline ("PESHAWAR, June 12 (AP) -") ends
    drone: bool = False  # the body speaks of drones
    year_ref: date | None = None  # without a publication date: the year a day and month alone mean
    # cues bound to this text (``layout.Folded.on``): (pattern, string) pairs for the sentence loop
    kill_rx: re.Pattern[str] = _NEVER
    kill_src: str = ""
    trig_rx: re.Pattern[str] = _NEVER
    trig_src: str = ""
    # sentences
    reading: list[SentRead] = field(default_factory=list)
    tail_lines: list[int] = field(default_factory=list)  # short lines without cues: maybe a place ("Wana.")
    # what the components find
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    candidates: list[Acc] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    event_accs: list[Acc] = field(default_factory=list)  # the candidate each event was made from
    geo_memo: dict[tuple[int, int], GeoResult | None] = field(default_factory=dict)  # place look-ups by span
