"""The report generator: strike facts in, news-like reports and their ground truth out.

Each strike gets 1-5 documents (configurable): independent reports that state different tolls within the
documented range, sometimes an agency story reposted near-verbatim by two or three outlets (one source, several
documents), reports covering two strikes on one day in nearby villages, and background mentions of earlier
strikes. Context paragraphs bring each article to a realistic length. The same facts and seed always give the
same documents, byte for byte; memory stays flat however many facts stream through.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import random
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from strikewatch.model import count_attrs, with_fields
from swdev.synth import phrasing as P
from swdev.synth.facts import StrikeFacts, place_names

Role = Literal["main", "background"]
Kind = Literal["report", "commentary"]
COUNTS: tuple[str, ...] = ("killed", "injured", "civilians", "children", "munitions")


@dataclass(slots=True)
@with_fields({"place": count_attrs(COUNTS)})
class SynthEvent:
    """One strike as a generated document states it (the ground truth for that document)."""

    strike: str  # StrikeFacts.key
    role: Role
    date: dt.date  # the true date of the strike
    country: str
    admin1: str | None
    admin2: str | None
    place: str | None  # the place name as the text gives it (None: only the area is named)
    # then the COUNTS (killed_min, killed_max, ...), from strikewatch.model
    date_text: str | None = None  # how the text gives the date ("late on Tuesday")
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> (start, end) in the text

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "strike": self.strike, "role": self.role, "date": self.date.isoformat(), "country": self.country,
            "admin1": self.admin1, "admin2": self.admin2, "place": self.place,
        }
        for name in COUNTS:
            d[f"{name}_min"] = getattr(self, f"{name}_min")
            d[f"{name}_max"] = getattr(self, f"{name}_max")
        d["date_text"] = self.date_text
        d["spans"] = {k: list(v) for k, v in self.spans.items()}
        return d


@dataclass(slots=True)
class SynthDoc:
    """A generated article plus its ground truth."""

    id: str
    text: str
    published: dt.date
    url: str
    outlet: str
    title: str
    kind: Kind = "report"
    wire_group: str | None = None  # documents with the same wire_group repost one agency story: one source
    events: list[SynthEvent] = field(default_factory=list)

    @property
    def main_strikes(self) -> list[str]:
        return [e.strike for e in self.events if e.role == "main"]

    def record(self) -> dict[str, Any]:
        """The article as an ingest JSONL line (``id``, ``text``, ``published``, ``url``, ``outlet``, ``title``)."""
        return {"id": self.id, "text": self.text, "published": self.published.isoformat(), "url": self.url,
                "outlet": self.outlet, "title": self.title}

    def truth(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "wire_group": self.wire_group,
                "events": [e.to_dict() for e in self.events]}


# ------------------------------------------------------------------------------------------------ text drafts


@dataclass(slots=True)
class _Mark:
    para: int
    sent: int
    event: int
    field: str
    phrase: str


class _Draft:
    """Paragraphs of sentences, with marks saying where each event's figures are stated."""

    __slots__ = ("paras", "marks", "n_words", "locked")

    def __init__(self) -> None:
        self.paras: list[list[str]] = []
        self.marks: list[_Mark] = []
        self.n_words = 0
        self.locked: set[tuple[int, int]] = set()  # sentences that state facts (never edited in wire copies)

    def new_para(self) -> None:
        self.paras.append([])

    def add(self, sentence: str, marks: Sequence[tuple[int, str, str]] = ()) -> None:
        if not self.paras:
            self.new_para()
        p, s = len(self.paras) - 1, len(self.paras[-1])
        self.paras[-1].append(sentence)
        self.n_words += sentence.count(" ") + 1
        for ev, fld, phrase in marks:
            if phrase:
                self.marks.append(_Mark(p, s, ev, fld, phrase))
        if marks:
            self.locked.add((p, s))

    def copy(self) -> _Draft:
        d = _Draft()
        d.paras = [list(p) for p in self.paras]
        d.marks = list(self.marks)
        d.n_words = self.n_words
        d.locked = set(self.locked)
        return d

    def render(self, events: Sequence[SynthEvent]) -> tuple[str, list[SynthEvent]]:
        offsets: dict[tuple[int, int], int] = {}
        parts: list[str] = []
        pos = 0
        for pi, para in enumerate(self.paras):
            if not para:
                continue
            if parts:
                pos += 2
            for si, sent in enumerate(para):
                if si:
                    pos += 1
                offsets[(pi, si)] = pos
                pos += len(sent)
            parts.append(" ".join(para))
        text = "\n\n".join(parts)
        out = [dataclasses.replace(e, spans={}) for e in events]
        for m in self.marks:
            sent = self.paras[m.para][m.sent]
            at = sent.find(m.phrase)
            if at < 0:
                raise AssertionError(f"phrase {m.phrase!r} not in {sent!r}")
            start = offsets[(m.para, m.sent)] + at
            out[m.event].spans.setdefault(m.field, (start, start + len(m.phrase)))
        return text, out


# ----------------------------------------------------------------------------------------------- the writer


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


_A_VOWEL = re.compile(r"\b([Aa]) (?=[AEIOaeio])")


def _articles(sentence: str) -> str:
    """'a American drone' -> 'an American drone' (templates put 'a' before slots)."""
    return _A_VOWEL.sub(lambda m: m.group(1) + "n ", sentence)


def _slug(title: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", title.lower())[:8])


@dataclass(slots=True)
class _Toll:
    phrase: str  # the number phrase as written ("between four and seven")
    lo: int | None
    hi: int | None
    mode: str  # exact | at_least | range | up_to | rose_to | none | unknown
    plural: bool = True
    headline: str = ""  # the same figure as a headline would give it ("4-7")


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    # numbers ---------------------------------------------------------------------------------------------
    def num_cap(self, n: int, text: str) -> str:
        """``text`` (the number as chosen) fit to open a sentence: spelled out up to twenty."""
        return _cap(P.NUMBER_WORDS[n]) if text.isdigit() and n <= 20 else _cap(text)

    def num(self, n: int) -> str:
        r = self.rng.random()
        if 1 <= n <= 9 and r < 0.85 or 10 <= n <= 20 and r < 0.2:
            return P.NUMBER_WORDS[n]
        return str(n)

    def toll(self, lo: int | None, hi: int | None, *, allow_rose: bool = True) -> _Toll:
        rng = self.rng
        if lo is None or hi is None:
            return _Toll("", None, None, "unknown")
        if hi == 0:
            return _Toll(rng.choice(("no one", "nobody")), 0, 0, "none", headline="no")
        modes = ["exact", "exact", "exact", "at_least", "at_least", "up_to"]
        if hi > lo:
            modes += ["range", "range"]
        if allow_rose and hi >= 2:
            modes.append("rose_to")
        mode = rng.choice(modes)
        if mode == "range":
            a = rng.randint(lo, hi - 1)
            b = rng.randint(a + 1, hi)
            ta, tb = self.num(a), self.num(b)
            if ta.isdigit() != tb.isdigit():
                ta, tb = str(a), str(b)
            form = rng.random()
            if form < 0.55:
                phrase = f"between {ta} and {tb}"
            elif form < 0.85 or not (ta.isdigit() and tb.isdigit()):
                phrase = f"{ta} to {tb}"
            else:
                phrase = f"{a}-{b}"
            return _Toll(phrase, a, b, mode, headline=f"{a} to {b}")
        v = rng.randint(max(lo, 1), hi)
        t = self.num(v)
        if mode == "exact":
            return _Toll(t, v, v, mode, plural=v != 1, headline=str(v))
        if mode == "rose_to":
            return _Toll(t, v, v, mode, plural=v != 1, headline=str(v))
        if mode == "at_least":
            pre = rng.choice(("at least", "at least", "no fewer than"))
            return _Toll(f"{pre} {t}", v, None, mode, plural=v != 1, headline=f"at least {v}")
        if v < 2:
            return _Toll(t, v, v, "exact", plural=False, headline=str(v))
        pre = rng.choice(("up to", "up to", "as many as"))
        return _Toll(f"{pre} {t}", None, v, mode, headline=f"up to {v}")

    # dates -------------------------------------------------------------------------------------------------
    def when(self, day: dt.date, published: dt.date) -> str:
        rng = self.rng
        delta = (published - day).days
        wd = P.WEEKDAYS[day.weekday()]
        month = P.MONTHS[day.month - 1]
        absolute = [f"on {month} {day.day}", f"on {day.day} {month}", f"on {month} {day.day}, {day.year}"]
        if delta == 0:
            options = ["today", "on " + wd, "earlier today", "early today", f"early on {wd}", f"on {wd} morning"]
        elif delta == 1:
            options = [f"on {wd}", f"late on {wd}", f"late {wd}", "yesterday", f"on {wd} night", f"early on {wd}",
                       f"on {wd} evening", f"on {wd}"]
        elif 2 <= delta <= 6:
            options = [f"on {wd}", f"late on {wd}", f"early on {wd}", f"on {wd}"]
        else:
            options = []
        if not options or rng.random() < 0.15:
            return rng.choice(absolute)
        return rng.choice(options)

    def short_date(self, day: dt.date) -> str:
        month = P.MONTHS[day.month - 1]
        return self.rng.choice((f"{month} {day.day}", f"{day.day} {month}"))

    # places ------------------------------------------------------------------------------------------------
    def area(self, f: StrikeFacts) -> str:
        """The area as a noun phrase ("North Waziristan", "the North Waziristan tribal region")."""
        a = f.area
        if a is None:
            return f.country_name
        rng = self.rng
        if f.country == "PK":
            if a.lower().endswith(("agency", "district", "province")) or f.admin2 is None:
                return a
            return rng.choice((a, a, f"the {a} tribal region", f"the {a} tribal district"))
        if f.admin2 is None:
            suffix = {"AF": "province", "YE": "province", "SO": "region"}.get(f.country, "province")
            return rng.choice((a, f"{a} {suffix}", f"{a} {suffix}"))
        return a

    def where(self, f: StrikeFacts, village: str | None, near: str | None,
              simple: bool = False) -> tuple[str, str, str | None]:
        """``{where}``: (phrase, the name in it to mark as the place, the place named or None if only the area)."""
        rng = self.rng
        area = self.area(f)
        cname = f.country_name
        if village is None:
            if near and rng.random() < 0.6:
                return f"in the {near} area of {area}", near, near
            phrase = rng.choice((f"in {area}", f"in {cname}'s {f.area or cname}"))
            return phrase, f.area or cname, None
        options = [f"in {village}, a village in {area}", f"in the {village} area of {area}",
                   f"in {village} in {area}", f"in {village} village in {area}", f"in {village}, {area}",
                   f"in {village} in {cname}'s {f.area or cname}"]
        if near:
            options += [f"in {village}, near {near}", f"in {village} near {near} in {area}"]
        if simple:
            options = [o for o in options if "," not in o]
        return rng.choice(options), village, village

    def victims(self, country: str, plural: bool) -> str:
        noun = self.rng.choice(P.VICTIMS.get(country, P.VICTIMS[""]))
        return noun if plural else P.SINGULAR.get(noun, noun)


# ------------------------------------------------------------------------------------------------- generator


_THEMES: dict[str, tuple[P.Theme, ...]] = {}


def _filler_themes(country: str) -> tuple[P.Theme, ...]:
    themes = _THEMES.get(country)
    if themes is None:
        themes = _THEMES[country] = P.FILLER[""] + P.FILLER.get(country, ())
    return themes


def _groups(facts: Iterable[StrikeFacts], max_size: int = 3) -> Iterator[list[StrikeFacts]]:
    """Consecutive strikes on the same day in the same area (nearby villages), at most ``max_size`` at a time."""
    group: list[StrikeFacts] = []
    for f in facts:
        if group and (f.date, f.country, f.area) == (group[0].date, group[0].country, group[0].area) \
                and len(group) < max_size:
            group.append(f)
            continue
        if group:
            yield group
        group = [f]
    if group:
        yield group


class Generator:
    """Stateful generator (recent strikes for background mentions, document counter). Use ``generate()``."""

    def __init__(self, *, seed: int, reports_per_strike: tuple[int, int] = (1, 5),
                 words: tuple[int, int] = (150, 700), wire_rate: float = 0.2, background_rate: float = 0.4,
                 combined_rate: float = 0.5, commentary_rate: float = 0.0,
                 place_alternatives: Literal["first", "random"] = "first", id_prefix: str | None = None) -> None:
        lo, hi = reports_per_strike
        if not 1 <= lo <= hi:
            raise ValueError("reports_per_strike must be (min, max) with 1 <= min <= max")
        if not 0 < words[0] <= words[1]:
            raise ValueError("words must be (min, max) with 0 < min <= max")
        self.seed = seed
        self.reports = reports_per_strike
        self.words = words
        self.wire_rate = wire_rate
        self.background_rate = background_rate
        self.combined_rate = combined_rate
        self.commentary_rate = commentary_rate
        self.place_alternatives = place_alternatives
        self.prefix = id_prefix if id_prefix is not None else f"syn{seed}-"
        self.recent: deque[StrikeFacts] = deque(maxlen=64)
        self.n_docs = 0

    # -- documents ---------------------------------------------------------------------------------------
    def _next_id(self) -> str:
        self.n_docs += 1
        return f"{self.prefix}{self.n_docs:09d}"

    def _publish(self, rng: random.Random, day: dt.date) -> dt.date:
        return day + dt.timedelta(days=rng.choices((0, 1, 2, 3), (35, 50, 10, 5))[0])

    def _village(self, rng: random.Random, f: StrikeFacts) -> tuple[str | None, str | None]:
        names, near = place_names(f.place)
        if not names:
            return None, near
        return (names[0] if self.place_alternatives == "first" else rng.choice(names)), near

    def _event(self, f: StrikeFacts, role: Role, place: str | None, toll: _Toll | None,
               date_text: str | None) -> SynthEvent:
        ev = SynthEvent(strike=f.key, role=role, date=f.date, country=f.country, admin1=f.admin1,
                        admin2=f.admin2, place=place, date_text=date_text)
        if toll is not None and toll.mode != "unknown":
            ev.killed_min, ev.killed_max = toll.lo, toll.hi
        return ev

    def _lead(self, w: _Writer, d: _Draft, events: list[SynthEvent], f: StrikeFacts, published: dt.date,
              outlet: str, dateline: str | None) -> _Toll:
        rng = w.rng
        village, near = self._village(rng, f)
        toll = w.toll(*f.toll("killed"))
        where, place_mark, place_named = w.where(f, village, near, simple=toll.mode == "rose_to")
        when = w.when(f.date, published)
        drone = f.type == "drone_strike"
        hit = rng.choice(P.HIT)
        slots = {
            "perp": rng.choice(P.PERP_DRONE if drone else P.PERP_AIR), "hit": hit,
            "hit_plain": rng.choice(("hit", "struck", "slammed into", "destroyed")),
            "obj": rng.choice(P.OBJECTS), "where": where, "when": when, "toll": toll.phrase,
            "victims": w.victims(f.country, toll.plural),
            "attr": rng.choice(P.ATTR).replace("reporters", rng.choice(("reporters", outlet))),
            "attr_lead": rng.choice(P.ATTR_LEAD), "source": rng.choice(P.SOURCES),
            "strike_noun": rng.choice(P.STRIKE_NOUN_DRONE if drone else P.STRIKE_NOUN_AIR),
        }
        slots["source_lower"] = slots["source"][:1].lower() + slots["source"][1:] \
            if not slots["source"].startswith("A ") else "a" + slots["source"][1:]
        if toll.mode == "none":
            template = rng.choice(P.LEADS_NONE)
        elif toll.mode == "unknown":
            template = rng.choice(P.LEADS_UNKNOWN)
        elif toll.mode == "rose_to":
            template = rng.choice(P.LEADS_ROSE)
        else:
            template = rng.choice(P.LEADS)
        for k in ("perp", "toll", "when"):
            slots[k + "_cap"] = _cap(slots[k])
        sentence = _articles(template.format(**slots))
        if dateline:
            sentence = dateline + sentence
        when_text = slots["when_cap"] if "{when_cap}" in template else when
        ev = self._event(f, "main", place_named, toll, when_text)
        if "{hit}" in template and hit == "fired two missiles at":
            ev.munitions_min = ev.munitions_max = 2
        events.append(ev)
        i = len(events) - 1
        toll_text = slots["toll_cap"] if "{toll_cap}" in template else toll.phrase
        marks = [(i, "place", place_mark), (i, "date", when_text)]
        if toll.mode != "unknown":
            marks.append((i, "killed", toll_text))
        d.new_para()
        d.add(sentence, marks)
        return toll

    def _details(self, w: _Writer, d: _Draft, events: list[SynthEvent], i: int, f: StrikeFacts,
                 toll: _Toll) -> None:
        rng = w.rng
        ev = events[i]
        d.new_para()
        ilo, ihi = f.toll("injured")
        if ihi and rng.random() < 0.6:
            n = rng.randint(max(ilo or 0, 1), ihi)
            t = w.num(n)
            template = rng.choice(P.INJURED if n > 1 else P.INJURED_ONE)
            tc = w.num_cap(n, t)
            s = template.format(n=t, n_cap=tc, attr=rng.choice(P.ATTR), source=rng.choice(P.SOURCES))
            shown = tc if "{n_cap}" in template else t
            ev.injured_min = n
            ev.injured_max = None if template.startswith("At least") else n
            d.add(s, [(i, "injured", shown)])
        cap = toll.hi if toll.hi is not None else toll.lo
        for name, pool, pool_one in (("civilians", P.CIVILIANS, P.CIVILIANS_ONE),
                                     ("children", P.CHILDREN, P.CHILDREN_ONE)):
            lo, hi = f.toll(name)
            if not hi or not cap or rng.random() < 0.3:
                continue
            top = min(hi, cap)
            if name == "children" and ev.civilians_max is not None:
                top = min(top, ev.civilians_max)
            bottom = max(lo or 0, 1)
            if top < bottom:
                continue
            n = rng.randint(bottom, top)
            t = w.num(n)
            template = rng.choice(pool if n > 1 else pool_one)
            tc = w.num_cap(n, t)
            shown = tc if "{n_cap}" in template else t
            d.add(template.format(n=t, n_cap=tc), [(i, name, shown)])
            setattr(ev, f"{name}_min", n)
            setattr(ev, f"{name}_max", n)
        if f.target and rng.random() < 0.7:
            d.add(rng.choice(P.TARGET).format(target=f.target), [])
        details = P.DETAILS if toll.hi else P.DETAILS_NEUTRAL
        for s in rng.sample(details, rng.randint(1, 2)):
            d.add(s)

    def _background(self, w: _Writer, d: _Draft, events: list[SynthEvent], f: StrikeFacts,
                    published: dt.date, exclude: set[str], commentary: bool = False) -> None:
        rng = w.rng
        pool = [b for b in self.recent if b.country == f.country and b.key not in exclude
                and 0 < (f.date - b.date).days <= 60]
        if not pool:
            return
        near_pool = [b for b in pool if b.area == f.area]
        if near_pool and rng.random() < 0.7:
            pool = near_pool
        b = rng.choice(pool)
        village, _near = self._village(rng, b)
        place = village or b.area or b.country_name
        days = (f.date - b.date).days
        since_pub = (published - b.date).days
        toll = w.toll(*b.toll("killed"), allow_rose=False) if rng.random() < 0.6 else None
        if toll is not None and toll.mode in ("unknown", "none"):
            toll = None
        date_text: str | None
        if commentary:
            template = rng.choice(P.BACKGROUND_COMMENT if toll is not None else P.BACKGROUND_COMMENT_PLAIN)
            dkind: str | None = "date"
        elif toll is not None:
            options: list[tuple[str, str | None]] = [
                ("A previous strike, on {date}, hit {place}, killing {toll} {victims}.", "date"),
                ("It followed a strike on {date} in {place} in which {toll} {victims} died.", "date")]
            if days <= 10:
                options.append(("The attack came {days} after a strike in {place} killed {toll} {victims}.", None))
            if 1 <= since_pub <= 6:
                options.append(("On {weekday}, a drone strike in {place} killed {toll} {victims}.", "weekday"))
            if b.date.month == published.month and b.date.year == published.year and since_pub >= 7:
                options.append(("Earlier this month, {toll} {victims} were killed in a strike in {place}.", None))
            template, dkind = rng.choice(options)
        else:
            template = rng.choice(P.BACKGROUND_PLAIN)
            dkind = "date"
        date_str = w.short_date(b.date)
        weekday = P.WEEKDAYS[b.date.weekday()]
        day_words = "a day" if days == 1 else f"{w.num(days)} days"
        date_text = {"date": date_str, "weekday": "On " + weekday}.get(dkind or "")
        if not commentary and template.startswith("The attack came"):
            date_text = day_words + " after"
        if not commentary and template.startswith("Earlier this month"):
            date_text = "Earlier this month"
        toll_phrase = toll.phrase if toll else ""
        victims = w.victims(b.country, toll.plural if toll else True)
        s = template.format(date=date_str, place=place, toll=toll_phrase, victims=victims, days=day_words,
                            weekday=weekday, country=b.country_name)
        ev = self._event(b, "background", place if village else None, toll, date_text)
        events.append(ev)
        i = len(events) - 1
        marks = [(i, "place", place), (i, "date", date_text or "")]
        if toll is not None:
            marks.append((i, "killed", toll_phrase))
        d.new_para()
        d.add(s, marks)

    def _second(self, w: _Writer, d: _Draft, events: list[SynthEvent], first: StrikeFacts,
                f: StrikeFacts) -> None:
        rng = w.rng
        v1, _ = self._village(rng, first)
        v2, near = self._village(rng, f)
        toll = w.toll(*f.toll("killed"), allow_rose=False)
        same = v2 is not None and v2 == v1
        place2 = v2 or f.area or f.country_name
        if toll.mode == "none":
            ev = self._event(f, "main", v2, toll, "the same day")
            events.append(ev)
            i = len(events) - 1
            d.add(f"A second strike hit {place2} later the same day, but {toll.phrase} was killed.",
                  [(i, "killed", toll.phrase), (i, "place", place2)])
            return
        slots = {
            "obj": rng.choice(P.OBJECTS), "place2": place2, "near": f"near {near}" if near else
            f"also in {f.area or f.country_name}", "toll": toll.phrase if toll.mode != "unknown" else "several",
            "victims": w.victims(f.country, toll.plural), "attr": rng.choice(P.ATTR),
            "perp": rng.choice(P.PERP_DRONE), "hit": rng.choice(P.HIT),
            "strike_noun": rng.choice(P.STRIKE_NOUN_DRONE),
        }
        template = rng.choice(P.SECOND_SAME if same else P.SECOND_NEARBY)
        s = _articles(template.format(**slots))
        ev = self._event(f, "main", place2 if v2 else None, toll if toll.mode != "unknown" else None,
                         "the same day")
        events.append(ev)
        i = len(events) - 1
        marks = [(i, "killed", slots["toll"])] if toll.mode != "unknown" else []
        if "{place2}" in template:
            marks.append((i, "place", place2))
        d.add(s, marks)

    def _filler(self, w: _Writer, d: _Draft, f: StrikeFacts, target: int) -> None:
        rng = w.rng
        themes = _filler_themes(f.country)
        slots = {"gov": P.COUNTRY_GOV.get(f.country, "the capital"), "area": f.area or "the area",
                 "cname": f.country_name}
        rand = rng.random
        pool: list[P.Theme] = []
        refills = 2  # a long article may use a theme twice, worded differently
        while d.n_words < target:
            if not pool:
                if not refills:
                    break
                refills -= 1
                pool = list(themes)
                rng.shuffle(pool)
            d.new_para()
            for _ in range(2 + (rand() < 0.5)):
                if not pool:
                    break
                a, b, c = pool.pop()
                s = f"{a[int(rand() * len(a))]} {b[int(rand() * len(b))]} {c[int(rand() * len(c))]}"
                d.add(s.format(**slots) if "{" in s else s)

    def _title(self, w: _Writer, f: StrikeFacts, toll: _Toll, events: list[SynthEvent]) -> str:
        rng = w.rng
        place = events[0].place or f.area or f.country_name
        slots = {"p": place, "a": f.area or f.country_name, "c": f.country_name, "t": toll.headline,
                 "T": _cap(toll.headline)}
        if sum(e.role == "main" for e in events) > 1:
            pool = P.HEADLINES_TWO
        elif toll.mode == "none":
            pool = P.HEADLINES_NONE
        elif toll.mode == "rose_to":
            pool = P.HEADLINES_ROSE
        elif toll.mode == "unknown":
            return f"Drone strike reported in {slots['a']}"
        else:
            pool = P.HEADLINES
        return rng.choice(pool).format(**slots)

    def _doc(self, draft: _Draft, events: list[SynthEvent], published: dt.date, outlet: tuple[str, str],
             title: str, kind: Kind = "report", wire: str | None = None) -> SynthDoc:
        text, evs = draft.render(events)
        doc_id = self._next_id()
        url = (f"https://www.{outlet[1]}.example/{published.year}/{published.month:02d}/{published.day:02d}/"
               f"{_slug(title)}-{doc_id}")
        return SynthDoc(id=doc_id, text=text, published=published, url=url, outlet=outlet[0], title=title,
                        kind=kind, wire_group=wire, events=evs)

    def _report(self, rng: random.Random, strikes: list[StrikeFacts], outlet: tuple[str, str],
                published: dt.date, dateline: str | None = None) -> tuple[_Draft, list[SynthEvent], str]:
        w = _Writer(rng)
        f = strikes[0]
        d = _Draft()
        events: list[SynthEvent] = []
        toll = self._lead(w, d, events, f, published, outlet[0], dateline)
        for g in strikes[1:]:
            self._second(w, d, events, f, g)
        self._details(w, d, events, 0, f, toll)
        if rng.random() < self.background_rate:
            self._background(w, d, events, f, published, {s.key for s in strikes})
        self._filler(w, d, f, rng.randint(*self.words))
        return d, events, self._title(w, f, toll, events)

    def _wire_copies(self, rng: random.Random, f: StrikeFacts, outlets: list[tuple[str, str]]) -> list[SynthDoc]:
        agency, abbr = rng.choice(P.AGENCIES)
        published = self._publish(rng, f.date)
        city = rng.choice(P.DATELINES.get(f.country, (f.country_name.upper(),)))
        dateline = f"{city}, {P.MONTHS[published.month - 1][:3]} {published.day} ({abbr}) - "
        base, events, title = self._report(rng, [f], (agency, abbr.lower()), published, dateline)
        group = f"wire-{self.prefix}{self.n_docs + 1:09d}"
        docs = []
        for k, outlet in enumerate(outlets):
            d = base.copy()
            if k:
                self._edit_copy(rng, d, agency, outlet[0])
            t = title if k == 0 else rng.choice((title, f"{title} - agency", f"{title} ({abbr})"))
            docs.append(self._doc(d, events, published, outlet, t, wire=group))
        return docs

    def _edit_copy(self, rng: random.Random, d: _Draft, agency: str, outlet: str) -> None:
        """The small changes an outlet makes when it reposts an agency story."""
        free = [(p, s) for p, para in enumerate(d.paras) for s in range(len(para)) if (p, s) not in d.locked]
        edits = list(P.WIRE_EDITS)
        rng.shuffle(edits)
        done = 0
        for old, new in edits:
            for p, s in free:
                if old in d.paras[p][s]:
                    d.paras[p][s] = d.paras[p][s].replace(old, new, 1)
                    done += 1
                    break
            if done >= 2:
                break
        last = len(d.paras) - 1
        if len(d.paras) > 3 and d.n_words > self.words[0] + 60 and rng.random() < 0.5 \
                and not any(p == last for p, _ in d.locked):
            d.paras[last] = []
        d.new_para()
        d.add(rng.choice((f"(Reporting by {agency}; editing by {outlet} staff)",
                          f"This story was provided by {agency} and edited by {outlet}.",
                          f"- {agency}, with additional editing by {outlet}")))

    def _commentary(self, rng: random.Random, f: StrikeFacts, outlet: tuple[str, str]) -> SynthDoc:
        w = _Writer(rng)
        published = f.date + dt.timedelta(days=rng.randint(2, 9))
        d = _Draft()
        events: list[SynthEvent] = []
        area = f.area or f.country_name
        d.new_para()
        d.add(rng.choice(P.COMMENT_OPENERS).format(a=area))
        pivot = StrikeFacts(key="", date=published, country=f.country, admin1=f.admin1, admin2=f.admin2)
        for _ in range(rng.randint(1, 3)):
            self._background(w, d, events, pivot, published, {e.strike for e in events}, commentary=True)
        self._filler(w, d, f, rng.randint(*self.words))
        title = rng.choice(P.HEADLINES_COMMENT).format(a=area, c=f.country_name)
        return self._doc(d, events, published, outlet, title, kind="commentary")

    # -- per group of same-day strikes ----------------------------------------------------------------------
    def group(self, strikes: list[StrikeFacts]) -> list[SynthDoc]:
        rng = random.Random(f"{self.seed}/{strikes[0].key}/{strikes[0].date.isoformat()}")
        left = {f.key: rng.randint(*self.reports) for f in strikes}
        docs: list[SynthDoc] = []
        if len(strikes) >= 2 and rng.random() < self.combined_rate:
            pair = strikes[:2]
            outlet = rng.choice(P.OUTLETS)
            published = self._publish(rng, pair[0].date)
            d, events, title = self._report(rng, pair, outlet, published)
            docs.append(self._doc(d, events, published, outlet, title))
            for f in pair:
                left[f.key] -= 1
        for f in strikes:
            n = left[f.key]
            outlets = rng.sample(P.OUTLETS, min(len(P.OUTLETS), max(n, 0)))
            if n >= 2 and rng.random() < self.wire_rate:
                k = min(n, rng.choice((2, 3)))
                docs += self._wire_copies(rng, f, outlets[:k])
                outlets = outlets[k:]
            for outlet in outlets:
                published = self._publish(rng, f.date)
                d, events, title = self._report(rng, [f], outlet, published)
                docs.append(self._doc(d, events, published, outlet, title))
        self.recent.extend(strikes)
        if self.commentary_rate and rng.random() < self.commentary_rate:
            docs.append(self._commentary(rng, strikes[-1], rng.choice(P.OUTLETS)))
        return docs


def generate(facts: Iterable[StrikeFacts], *, seed: int, reports_per_strike: tuple[int, int] = (1, 5),
             words: tuple[int, int] = (150, 700), wire_rate: float = 0.2, background_rate: float = 0.4,
             combined_rate: float = 0.5, commentary_rate: float = 0.0,
             place_alternatives: Literal["first", "random"] = "first",
             id_prefix: str | None = None) -> Iterator[SynthDoc]:
    """Reports for each strike in ``facts`` (taken in order; give them sorted by date), streamed.

    Consecutive strikes on the same day in the same area may share a report (``combined_rate``); a strike with
    two or more reports may have an agency story reposted by 2-3 outlets (``wire_rate``); reports may mention
    an earlier strike in the same country from the last 60 days (``background_rate``); ``commentary_rate``
    adds opinion pieces that report no new strike. ``place_alternatives`` picks which of a tracker's
    alternative place names ("X or Y") a report uses. Deterministic for a seed.
    """
    gen = Generator(seed=seed, reports_per_strike=reports_per_strike, words=words, wire_rate=wire_rate,
                    background_rate=background_rate, combined_rate=combined_rate, commentary_rate=commentary_rate,
                    place_alternatives=place_alternatives, id_prefix=id_prefix)
    for group in _groups(facts):
        yield from gen.group(group)


def render_html(doc: SynthDoc) -> str:
    """The document as a news web page with the usual boilerplate around the article (for HTML benchmarks)."""
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in doc.text.split("\n\n"))
    site = html.escape(doc.outlet)
    title = html.escape(doc.title)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>\n'
        f'<meta property="og:site_name" content="{site}"><meta property="og:title" content="{title}">\n'
        f'<meta property="article:published_time" content="{doc.published.isoformat()}T08:00:00+00:00">\n'
        f'<link rel="canonical" href="{html.escape(doc.url)}"></head>\n<body>\n'
        '<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>\n'
        f'<header><a class="logo" href="/">{site}</a><nav><ul><li><a href="/world/">World</a></li>'
        '<li><a href="/asia/">Asia</a></li><li><a href="/opinion/">Opinion</a></li></ul></nav></header>\n'
        f'<main><article><h1>{title}</h1><div class="byline">Staff reporter</div>\n'
        '<div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>\n'
        f'<div class="article-body">\n{paras}\n</div></article>\n'
        '<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Markets close higher</a></li>'
        '<li><a href="/b">Weather warning for the weekend</a></li></ul></aside></main>\n'
        f'<footer><p>&copy; {site}</p><a href="/privacy/">Privacy</a></footer>\n</body></html>\n'
    )
