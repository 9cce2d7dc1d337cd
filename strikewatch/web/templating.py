"""Jinja2 environment and the links pages use, for the live server and for the static export alike."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from strikewatch.display import fmt_date, fmt_when, precision_words
from strikewatch.ranges import Range

WEB_DIR = Path(__file__).parent
TEMPLATE_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"

GRADE_LABELS: dict[str, str] = {
    "confirmed": "Confirmed",
    "fair": "Fair",
    "weak": "Weak",
    "contested": "Contested",
    "discounted": "Discounted",
}
COUNTRY_NAMES: dict[str, str] = {
    "PK": "Pakistan", "AF": "Afghanistan", "YE": "Yemen", "SO": "Somalia", "IQ": "Iraq", "SY": "Syria",
    "LY": "Libya", "ML": "Mali", "NE": "Niger", "BF": "Burkina Faso", "NG": "Nigeria", "UA": "Ukraine",
    "PS": "Palestine", "LB": "Lebanon", "IR": "Iran", "ET": "Ethiopia", "SD": "Sudan",
}  # fmt: skip


class Links:
    """URLs of the live app (absolute paths, query strings, the JSON API)."""

    static_site = False

    def home(self) -> str:
        return "/"

    def timeline(self) -> str:
        return "/timeline"

    def table(self, **params: Any) -> str:
        q = {k: v for k, v in params.items() if v not in (None, "", [], ())}
        return "/strikes" + ("?" + urlencode(q, doseq=True) if q else "")

    def strike(self, strike_id: int | str) -> str:
        return f"/strikes/{strike_id}"

    def article(self, article_id: int | str, anchor: str | None = None) -> str:
        return f"/articles/{article_id}" + (f"#{anchor}" if anchor else "")

    def audit(self) -> str:
        return "/audit"

    def about(self) -> str:
        return "/about"

    def static(self, path: str) -> str:
        return "/static/" + path

    def data(self, name: str) -> str:
        """A data file: strikes.geojson, strikes.csv, stats-week.json, stats-month.json, admin1-index."""
        return {
            "strikes.geojson": "/api/strikes.geojson",
            "strikes.csv": "/api/strikes.csv",
            "strikes.json": "/api/strikes?limit=1000",
            "stats-week.json": "/api/stats?period=week",
            "stats-month.json": "/api/stats?period=month",
        }[name]


class StaticLinks(Links):
    """Relative URLs of the exported static site; ``depth`` is how many folders below its root a page is."""

    static_site = True

    def __init__(self, depth: int = 0) -> None:
        self.prefix = "../" * depth

    def home(self) -> str:
        return self.prefix + "index.html"

    def timeline(self) -> str:
        return self.prefix + "timeline.html"

    def table(self, **params: Any) -> str:
        return self.prefix + "strikes.html"

    def strike(self, strike_id: int | str) -> str:
        return f"{self.prefix}strikes/{strike_id}.html"

    def article(self, article_id: int | str, anchor: str | None = None) -> str:
        return f"{self.prefix}articles/{article_id}.html" + (f"#{anchor}" if anchor else "")

    def audit(self) -> str:
        return self.prefix + "audit.html"

    def about(self) -> str:
        return self.prefix + "about.html"

    def static(self, path: str) -> str:
        return self.prefix + "static/" + path

    def data(self, name: str) -> str:
        return self.prefix + "data/" + name


def country_name(code: Any) -> str:
    if not code:
        return "unknown"
    return COUNTRY_NAMES.get(str(code).upper(), str(code))


def place_line(rec: dict[str, Any]) -> str:
    parts = [rec.get("place"), rec.get("admin2"), rec.get("admin1"), country_name(rec.get("country"))]
    out: list[str] = []
    for p in parts:
        if p and p != "unknown" and p not in out:
            out.append(str(p))
    return ", ".join(out) or "place unknown"


def highlight(text: str, spans: list[dict[str, Any]], *, id_prefix: str = "ev") -> Markup:
    """``text`` HTML-escaped with each evidence span wrapped in ``<mark>``; overlapping spans nest cleanly.

    Each span dict has ``start``, ``end`` and ``field`` (and optionally ``id`` for the anchor).
    """
    n = len(text)
    cuts = {0, n}
    good = []
    for s in spans:
        a, b = int(s["start"]), int(s["end"])
        if 0 <= a < b <= n:
            good.append((a, b, s))
            cuts.update((a, b))
    points = sorted(cuts)
    out: list[str] = []
    anchored: set[str] = set()
    for a, b in zip(points, points[1:], strict=False):
        covering = [s for (x, y, s) in good if x <= a and b <= y]
        chunk = html.escape(text[a:b])
        if not covering:
            out.append(chunk)
            continue
        fields = sorted({str(s.get("field", "")) for s in covering})
        label = ", ".join(fields)
        anchor = ""
        for s in covering:
            sid = s.get("id")
            if sid and sid not in anchored and int(s["start"]) == a:
                anchored.add(sid)
                anchor = f' id="{html.escape(str(sid))}"'
                break
        out.append(
            f'<mark class="evidence"{anchor} data-fields="{html.escape(label)}" title="evidence: {html.escape(label)}">'
            f"{chunk}</mark>"
        )
    return Markup("".join(out))


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> tuple[int, int]:
    """Bounds of the sentence(s) containing ``text[start:end]``, at most about ``limit`` characters."""
    lo = max(0, start)
    while lo > 0 and start - lo < limit // 2:
        if text[lo - 1] == "\n" or (lo >= 2 and text[lo - 2] in ".!?" and text[lo - 1] == " "):
            break
        lo -= 1
    hi = min(len(text), end)
    while hi < len(text) and hi - end < limit // 2:
        if text[hi] == "\n":
            break
        if text[hi] in ".!?" and (hi + 1 == len(text) or text[hi + 1] in " \n\"'”’"):
            hi += 1
            break
        hi += 1
    return lo, hi


def strike_ids_of(args: Any) -> list[int]:
    """The strike record ids an audit entry's arguments name (strike, other, id, new_id, ids)."""
    out: list[int] = []
    if not isinstance(args, dict):
        return out
    for key in ("strike", "id", "other", "new_id", "into"):
        v = args.get(key)
        if isinstance(v, int) and not isinstance(v, bool) and v not in out:
            out.append(v)
    for v in args.get("ids") or []:
        if isinstance(v, int) and v not in out:
            out.append(v)
    return out


def make_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=select_autoescape(["html", "xml"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["range"] = lambda rec, name: Range.of(rec, name).display()
    env.filters["date"] = fmt_date
    env.filters["when"] = fmt_when
    env.filters["precision"] = precision_words
    env.filters["country"] = country_name
    env.filters["place"] = place_line
    env.filters["strike_ids"] = strike_ids_of
    env.globals["GRADE_LABELS"] = GRADE_LABELS
    env.globals["highlight"] = highlight
    return env
