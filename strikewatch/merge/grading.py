"""Grades in the manner of Airwars, and the text cues they rest on.

- ``discounted``: set by a reviewer (``strikewatch review set ID grade=discounted``); a reviewer may set any grade.
- ``confirmed``: the perpetrator acknowledged the strike. Cue: in the text around a report, the perpetrator's side
  (for US: the Pentagon, CIA, CENTCOM, AFRICOM, "a US official"...) confirmed / acknowledged / admitted / said it
  carried out the strike, without a negation ("declined to confirm", "would not acknowledge").
- ``contested``: conflicting attribution: reports name different perpetrators, one account calls it something
  other than a strike (a bombing, an accidental explosion), or the text around a report has officials saying so
  (accidental blast, bomb-making, a denial, or another side's army or jets carrying it out).
- ``fair``: two or more independent sources reporting it (wire copies count once). Background mentions (an
  article recalling the strike in passing) enrich the record and are named in the reason, but do not raise it.
- ``weak``: one independent source, or known only from background mentions or reader comments.

Precedence: reviewer's grade > confirmed > contested > fair > weak.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from strikewatch.merge.record import tier
from strikewatch.merge.reports import Report

GRADES: tuple[str, ...] = ("confirmed", "fair", "weak", "contested", "discounted")

PARTIES: dict[str, str] = {
    "US": r"(?:U\.\s?S\.|US|United States|American|Pentagon|CIA|White House|(?:Obama|Bush|Trump|Biden) administration"
    r"|CENTCOM|Central Command|AFRICOM|Africa Command|Defen[cs]e Department|Department of Defen[cs]e"
    r"|State Department|US military|coalition)",
    "PK": r"(?:Pakistani? (?:army|military|air force|security forces)|ISPR|Inter-Services Public Relations)",
    "AF": r"(?:Afghan (?:army|military|air force|security forces|defen[cs]e ministry))",
}
_ACK_VERB = (
    r"(?:confirmed|acknowledged|admitted|claimed responsibility|took responsibility|accepted responsibility"
    r"|said (?:it|they) (?:had )?(?:carried out|conducted|launched)|announced (?:that )?(?:it|they) (?:had )?"
    r"(?:carried out|conducted|launched))"
)
_NEG = re.compile(
    r"\b(?:declin\w*|refus\w*|would not|wouldn't|did not|didn't|does not|doesn't|never|no one|not immediately|"
    r"could not|couldn't|cannot|neither|nor|without|rarely|seldom)\b[^.;]{0,30}$",
    re.I,
)
_ACK = {p: re.compile(rf"\b{pat}\b[^.;\n]{{0,60}}?\b{_ACK_VERB}", re.I) for p, pat in PARTIES.items()}
_DISSENT = [
    (re.compile(r"\baccident(?:al|ally)?\b[^.;\n]{0,40}\b(?:explosion|blast|detonat\w*|went off)", re.I),
     "called an accidental explosion"),
    (re.compile(r"\b(?:explosion|blast|explosives?|bomb)\b[^.;\n]{0,60}\b(?:accidental(?:ly)?|prematurely)\b", re.I),
     "called an accidental explosion"),
    (re.compile(r"\bbomb[- ]making\b", re.I), "blamed on bomb-making"),
    (re.compile(r"\b(?:denied|dismissed|rejected)\b[^.;\n]{0,60}\b(?:drone|air ?strike|missile)", re.I),
     "officials denied it was a strike"),
    (re.compile(r"\b(?:not|no) (?:a )?(?:drone|air) ?(?:strike|attack)\b", re.I), "officials denied it was a strike"),
    (re.compile(r"\b(?:conflicting|contradictory) (?:reports|accounts|claims)\b", re.I), "conflicting accounts"),
]
_ALT = {p: re.compile(rf"\b{pat}\b[^.;\n]{{0,20}}\b(?:jets?|helicopters?|gunships?|aircraft|planes?|artillery)\b"
                      r"|\b" + pat + r"\b[^.;\n]{0,40}\b(?:carried out|conducted|launched|was behind|were behind)\b",
                      re.I)
        for p, pat in PARTIES.items()}

Cue = tuple[str, str]


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    a = 0 if a < 0 else a + 1
    b_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    b = min(b_candidates) + 1 if b_candidates else len(text)
    return a, b


def report_context(text: str, spans: Iterable[tuple[int, int]], extend: bool = True) -> str:
    """The sentences holding a report's evidence (and the sentence after the last one), at most ~1500 chars."""
    spans = [(s, e) for s, e in spans if 0 <= s < e <= len(text)]
    if not spans:
        return ""
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    a, b = _sentence_bounds(text, lo, hi)
    if extend and b < len(text):
        _, b = _sentence_bounds(text, b + 1, min(len(text), b + 2))
    if b - a > 1500:
        b = a + 1500
    return text[a:b]


def attribution_cues(context: str) -> tuple[Cue, ...]:
    """Acknowledgement (``ack:US``), dissent (``dissent``) and other-side (``alt:PK``) cues with the words found."""
    out: list[Cue] = []
    if not context:
        return ()
    for party, rx in _ACK.items():
        for m in rx.finditer(context):
            if _NEG.search(context[max(0, m.end() - 80): m.end() - len(m.group(0).split()[-1])]):
                continue
            if _NEG.search(m.group(0)):
                continue
            out.append((f"ack:{party}", _snip(context, m.start(), m.end())))
            break
    for rx, label in _DISSENT:
        d = rx.search(context)
        if d:
            out.append(("dissent", f"{label}: {_snip(context, d.start(), d.end())}"))
            break
    for party, rx in _ALT.items():
        a = rx.search(context)
        if a:
            out.append((f"alt:{party}", _snip(context, a.start(), a.end())))
    return tuple(out)


def _snip(text: str, a: int, b: int) -> str:
    a2 = max(0, a - 40)
    b2 = min(len(text), b + 40)
    return ("…" if a2 > 0 else "") + " ".join(text[a2:b2].split()) + ("…" if b2 < len(text) else "")


def _arts(rs: Iterable[Report]) -> str:
    ids = sorted({r.article_id for r in rs})
    return ("article " if len(ids) == 1 else "articles ") + ", ".join(str(i) for i in ids)


def independent_groups(reports: list[Report]) -> set[int]:
    """Independent sources: source groups (wire copies count once) of the main reports in article bodies; for a
    strike known only from background mentions, the groups of those."""
    main = {r.group for r in reports if tier(r) == 0}
    return main or {r.group for r in reports if r.section == "body"}


def grade(reports: list[Report], record: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """(grade, reason, details) for a strike record built from ``reports``."""
    groups = independent_groups(reports)
    main_groups = {r.group for r in reports if tier(r) == 0}
    perp = record.get("perpetrator")
    details: dict[str, Any] = {"independent_sources": len(groups), "main_sources": len(main_groups)}

    acks = [(r, c) for r in reports for c in r.cues if c[0].startswith("ack:")
            and (perp is None or c[0] == f"ack:{perp}")]
    if acks:
        r, c = acks[0]
        return "confirmed", f"the perpetrator ({c[0][4:]}) acknowledged it ({_arts([r])}: {c[1]})", details

    conflicts: list[str] = []
    perps: dict[str, list[Report]] = {}
    for r in reports:
        if r.perpetrator:
            perps.setdefault(r.perpetrator, []).append(r)
    if len(perps) > 1:
        conflicts.append("reports disagree on who carried it out (" + "; ".join(
            f"{p} in {_arts(rs)}" for p, rs in sorted(perps.items())) + ")")
    dissent_types = [r for r in reports if r.type in ("bombing", "other")]
    if dissent_types and any(r.type in ("drone_strike", "air_strike") for r in reports):
        conflicts.append(f"{_arts(dissent_types)} describe it as {dissent_types[0].type}, not a strike")
    for r in reports:
        for tag, snip in r.cues:
            if tag == "dissent":
                conflicts.append(f"{_arts([r])}: {snip}")
            elif tag.startswith("alt:") and perp is not None and tag[4:] != perp:
                conflicts.append(f"{_arts([r])} attributes it to {tag[4:]}: {snip}")
    if conflicts:
        details["conflicts"] = conflicts
        return "contested", "conflicting attribution: " + "; ".join(conflicts[:3]), details

    n = len(main_groups)
    copies = len({r.article_id for r in reports if tier(r) == 0}) - n
    note = f" ({copies} wire {'copy' if copies == 1 else 'copies'} counted once)" if copies > 0 else ""
    bg = {r.group for r in reports if tier(r) == 1} - main_groups
    also = f"; also mentioned in passing by {len(bg)} other source{'s' if len(bg) > 1 else ''}" if bg and n else ""
    mains = [r for r in reports if tier(r) == 0]
    if n >= 2:
        return "fair", f"{n} independent sources{note}: {_arts(mains)}{also}", details
    if not main_groups and groups:
        return "weak", f"known only from background mentions ({_arts(reports)})", details
    if not groups:
        return "weak", f"reported only in reader comments ({_arts(reports)})", details
    return "weak", f"one independent source{note}: {_arts(mains)}{also}", details
