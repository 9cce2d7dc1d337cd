"""Write the example corpus (``examples/articles/``) and its ground truth (``examples/manifest.json``).

    python examples/build_examples.py            # (re)write the files
    python examples/build_examples.py --check    # exit 1 if the committed files differ from what would be written

The texts and the annotation live in ``corpus_texts.py``; this script only renders them: plain text, JSONL and
HTML pages wrapped in realistic boilerplate (navigation, cookie banner, share widgets, related stories, reader
comments), so that ingestion has something real to strip.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus_texts import DOCS, PAKISTAN_TOTALS, STRIKES  # noqa: E402

ARTICLES = HERE / "articles"
MANIFEST = HERE / "manifest.json"

# Local publication time and UTC offset per outlet (morning, so the UTC date is the local date).
OUTLET_CLOCK: dict[str, str] = {
    "Indus Courier": "T07:40:00+05:00",
    "World Brief": "T06:15:00+00:00",
    "The Frontier Ledger": "T10:05:00+05:00",
    "Capital Review": "T08:00:00+05:00",
    "The Morning Dispatch": "T05:30:00+00:00",
    "Evening Herald": "T09:20:00+05:00",
    "Tribal Areas Report": "T11:45:00+05:00",
    "Peninsula Tribune": "T09:00:00+03:00",
    "Hindu Kush Herald": "T08:30:00+04:30",
}


def paragraphs(body: str) -> list[str]:
    return [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]


def plain_text(d: dict[str, Any]) -> str:
    return d["title"] + "\n\n" + "\n\n".join(paragraphs(d["body"])) + "\n"


def _p(text: str) -> str:
    return f"<p>{html.escape(text, quote=False)}</p>"


def _comments_html(d: dict[str, Any]) -> str:
    if not d["comments"]:
        return ""
    n = len(d["comments"])
    items = []
    for i, (who, what) in enumerate(d["comments"], 1):
        items.append(
            f'      <li class="comment" id="comment-{i}">\n'
            f'        <article class="comment-body">\n'
            f'          <footer class="comment-meta"><b class="fn">{html.escape(who)}</b> <span class="says">says:'
            f'</span> <a href="#comment-{i}"><time>{i} hour{"s" if i > 1 else ""} ago</time></a></footer>\n'
            f'          <div class="comment-content">{_p(what)}</div>\n'
            f'          <div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div>\n'
            f"        </article>\n      </li>"
        )
    return (
        '  <div id="comments" class="comments-area">\n'
        f'    <h2 class="comments-title">{n} thought{"s" if n > 1 else ""} on this story</h2>\n'
        '    <ol class="comment-list">\n' + "\n".join(items) + "\n    </ol>\n"
        '    <div id="respond" class="comment-respond"><h3>Leave a reply</h3>'
        '<form action="/wp-comments-post.php" method="post"><textarea name="comment"></textarea>'
        '<input type="submit" value="Post comment"></form></div>\n'
        "  </div>\n"
    )


NAV = {
    "ledger": ["Home", "Tribal Areas", "Pakistan", "World", "Business", "Opinion", "Sport", "Weather"],
    "courier": ["Latest", "National", "Provinces", "International", "Editorials", "Cricket", "E-paper"],
    "brief": ["Top stories", "Asia", "Africa", "Middle East", "Markets", "Video"],
    "review": ["Analysis", "Security", "Diplomacy", "Economy", "Podcasts", "Subscribe"],
    "dispatch": ["World", "Asia", "Americas", "Europe", "Opinion", "Newsletters"],
    "herald": ["News", "Pakistan", "Region", "Features", "Letters", "Archive"],
}
RELATED = {
    "ledger": ["Flood warning issued for Swat and Dir as monsoon arrives", "Peshawar traders call off strike",
               "Explainer: who governs the tribal agencies?"],
    "courier": ["Cabinet approves new budget for tribal districts", "Polio teams resume work in Bannu",
                "Editorial: the cost of silence"],
    "brief": ["Oil prices steady ahead of OPEC meeting", "Aid agencies warn of funding gap",
              "Explainer: how armed drones work"],
    "review": ["The army's long road to North Waziristan", "Podcast: inside the peace talks",
               "Why sovereignty arguments rarely change policy"],
    "dispatch": ["Elections: what to watch this week", "Refugees face winter in border camps",
                 "Opinion: the limits of remote warfare"],
    "herald": ["Letters: readers on the power cuts", "Kurram road reopens after a week",
               "Feature: life in the displaced persons' camps"],
}


def html_page(d: dict[str, Any]) -> str:
    skin = d["skin"] or "ledger"
    outlet = d["outlet"]
    published = d["published"] + OUTLET_CLOCK.get(outlet, "T08:00:00+05:00")
    title = html.escape(d["title"])
    site = html.escape(outlet)
    nav = "".join(f'<li><a href="/{n.lower().replace(" ", "-")}/">{html.escape(n)}</a></li>' for n in NAV[skin])
    body_ps = [_p(p) for p in paragraphs(d["body"])]
    if d.get("youtube"):
        body_ps.insert(1, _p(f"[youtube]{d['youtube']}[/youtube]"))
    related = "".join(
        f'<li><a href="/related/{i}">{html.escape(t)}</a></li>' for i, t in enumerate(RELATED[skin], 1)
    )
    byline = {"ledger": "Staff Reporter", "courier": "News Desk", "brief": "World Brief",
              "review": "Analysis Desk", "dispatch": "Foreign Staff", "herald": "Our Correspondent"}[skin]
    jsonld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": d["title"],
                         "datePublished": published, "publisher": {"@type": "Organization", "name": outlet}})
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | {site}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="{html.escape(paragraphs(d["body"])[0][:150])}">
  <meta property="og:site_name" content="{site}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{title}">
  <meta property="og:url" content="{html.escape(d["url"])}">
  <meta property="article:published_time" content="{published}">
  <link rel="canonical" href="{html.escape(d["url"])}">
  <link rel="stylesheet" href="/static/css/site.css">
  <script type="application/ld+json">{jsonld}</script>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body class="single-post skin-{skin}">
  <div id="cookie-banner" class="cookie-consent" role="dialog" aria-label="Cookie consent">
    <p>We use cookies to improve your experience, to measure traffic and to show you relevant advertising.
    By continuing to browse you agree to our use of cookies.</p>
    <button class="accept-cookies">Accept all</button> <button class="manage-cookies">Manage preferences</button>
    <a href="/privacy-policy/">Privacy policy</a>
  </div>
  <header class="site-header">
    <div class="masthead"><a href="/" class="logo">{site}</a>
      <span class="edition">International edition</span>
      <a class="subscribe" href="/subscribe/">Subscribe</a> <a class="login" href="/login/">Sign in</a></div>
    <nav class="main-nav" aria-label="Sections"><ul>{nav}</ul></nav>
    <form class="search" action="/search/"><input name="q" placeholder="Search"></form>
  </header>
  <div class="ad-slot ad-leaderboard">Advertisement</div>
  <main id="content">
  <article class="post">
    <header class="entry-header">
      <h1 class="entry-title">{title}</h1>
      <div class="entry-meta"><span class="byline">By {byline}</span>
        <time class="published" datetime="{published}">{d["published"]}</time></div>
    </header>
    <div class="share-buttons" aria-label="Share this story">
      <a href="https://twitter.example/share">Tweet</a> <a href="https://facebook.example/sharer">Share</a>
      <a href="mailto:?subject={title}">Email</a> <a href="#" class="print">Print</a>
    </div>
    <div class="entry-content">
      {chr(10).join("      " + p for p in body_ps).lstrip()}
    </div>
    <footer class="entry-footer"><span class="tags">Filed under: <a href="/tag/security/">Security</a></span>
    </footer>
  </article>
  <aside class="related-stories">
    <h2>Related stories</h2>
    <ul>{related}</ul>
  </aside>
  <div class="newsletter-signup"><h3>Get our morning briefing</h3>
    <form action="/newsletter/"><input type="email" placeholder="Email address"><button>Sign up</button></form></div>
{_comments_html(d)}  </main>
  <footer class="site-footer">
    <ul><li><a href="/about/">About us</a></li><li><a href="/contact/">Contact</a></li>
    <li><a href="/terms/">Terms of use</a></li><li><a href="/privacy-policy/">Privacy</a></li></ul>
    <p>&copy; {site}. All rights reserved.</p>
  </footer>
  <script src="/static/js/site.js"></script>
</body>
</html>
"""


def jsonl_record(d: dict[str, Any]) -> dict[str, Any]:
    rec: dict[str, Any] = {"id": d["id"], "title": d["title"], "outlet": d["outlet"], "url": d["url"],
                           "published": d["published"]}
    if d.get("html_field"):
        ps = "".join(_p(p) for p in paragraphs(d["body"]))
        rec["html"] = f"<html><head><title>{html.escape(d['title'])}</title></head><body><article>" \
                      f"<h1>{html.escape(d['title'])}</h1>{ps}</article></body></html>"
    else:
        rec["text"] = "\n\n".join(paragraphs(d["body"]))
    return rec


def doc_key(d: dict[str, Any]) -> str:
    return f"{d['file']}#{d['id']}" if d.get("id") else d["file"]


def doc_format(d: dict[str, Any]) -> str:
    return Path(d["file"]).suffix.lstrip(".")


def expected_strikes() -> dict[str, Any]:
    """Per strike reported as a main event: merged killed range and independent source count."""
    out: dict[str, Any] = {}
    by_strike: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    for d in DOCS:
        for e in d["main"]:
            by_strike[e["strike"]].append((d, e))
    for sid, reports in sorted(by_strike.items()):
        lows = [e["killed_min"] for _, e in reports if e.get("killed_min") is not None]
        highs = [e["killed_max"] for _, e in reports if e.get("killed_max") is not None]
        sources = {d["wire"] or doc_key(d) for d, _ in reports}
        out[sid] = {
            "killed_min": min(lows) if lows else None,
            "killed_max": max(highs + lows) if (highs or lows) else None,
            "n_sources": len(sources),
            "n_reports": len(reports),
            "documents": [doc_key(d) for d, _ in reports],
        }
    return out


def manifest() -> dict[str, Any]:
    documents = []
    for d in DOCS:
        documents.append({
            "doc": doc_key(d),
            "file": d["file"],
            "id": d.get("id"),
            "format": doc_format(d),
            "title": d["title"],
            "outlet": d["outlet"],
            "url": d["url"],
            "published": d["published"],
            "kind": d["kind"],
            "wire_group": d["wire"],
            "has_comments": bool(d["comments"]),
            "main": d["main"],
            "background": d["background"],
        })
    strikes = {sid: {**f, **{k: list(v) for k, v in f.items() if isinstance(v, tuple)}} for sid, f in STRIKES.items()}
    return {
        "about": "Ground truth for examples/articles/: our own annotation of what each document reports. Facts "
                 "(dates, places, figures) are documented by The Bureau of Investigative Journalism (TBIJ); "
                 "the texts, outlets and URLs are ours and fictional.",
        "conventions": {
            "doc": "file path under examples/articles/, plus '#<id>' for a JSONL line",
            "main": "strikes the document reports as news, with the figures its text states (null = not stated)",
            "background": "earlier strikes mentioned in passing",
            "kind": "'report' or 'commentary' (a commentary reports no new strike)",
            "wire_group": "documents sharing a wire_group repost one agency story and count as one source",
            "expected": "per strike: lowest stated min and highest stated figure over main reports; independent "
                        "sources (a wire group counts once)",
            "country": "ISO 3166-1 alpha-2",
        },
        "strikes": strikes,
        "pakistan_totals": {k: list(v) if isinstance(v, tuple) else v for k, v in PAKISTAN_TOTALS.items()},
        "documents": documents,
        "expected": expected_strikes(),
    }


def sources_md() -> str:
    lines = [
        "# Sources of the example corpus",
        "",
        "Every article in this folder was written by the strikewatch developers, in our own words. The facts",
        "they restate (dates, places, death and injury tolls) are documented by",
        "**The Bureau of Investigative Journalism (TBIJ)** in its drone-strike datasets: the workbook",
        "\"US drone strikes in Pakistan\" and the",
        "all-countries export (Pakistan, Yemen, Somalia, Afghanistan). Aggregate figures in the commentary",
        "pieces are computed from the same TBIJ workbook. The outlets, agency, reporters, readers' comments and",
        "URLs are fictional; tolls within a strike's documented range are spread across reports on purpose.",
        "",
        "Ground truth for tests: `../manifest.json`. Rebuild: `python examples/build_examples.py`.",
        "",
        "| document | kind | TBIJ strike id(s) reported | mentioned in background |",
        "|---|---|---|---|",
    ]
    for d in DOCS:
        main = ", ".join(e["strike"] for e in d["main"]) or "-"
        bg = ", ".join(e["strike"] for e in d["background"]) or "-"
        kind = d["kind"] + (f" (wire copy: {d['wire']})" if d["wire"] else "")
        lines.append(f"| `{doc_key(d)}` | {kind} | {main} | {bg} |")
    lines += ["", "TBIJ strike ids: B = Bush years, Ob = Obama years, T = Trump years (Pakistan workbook);",
              "YEM/SOM/AFG = the all-countries export.", ""]
    return "\n".join(lines)


def render() -> dict[Path, str]:
    files: dict[Path, str] = {}
    jsonl: dict[str, list[str]] = defaultdict(list)
    for d in DOCS:
        fmt = doc_format(d)
        if fmt == "jsonl":
            jsonl[d["file"]].append(json.dumps(jsonl_record(d), ensure_ascii=False))
        elif fmt == "html":
            files[ARTICLES / d["file"]] = html_page(d)
        elif fmt == "txt":
            files[ARTICLES / d["file"]] = plain_text(d)
        else:
            raise ValueError(d["file"])
    for name, lines in jsonl.items():
        files[ARTICLES / name] = "\n".join(lines) + "\n"
    files[ARTICLES / "SOURCES.md"] = sources_md()
    files[MANIFEST] = json.dumps(manifest(), indent=1, ensure_ascii=False) + "\n"
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    args = ap.parse_args(argv)
    files = render()
    if args.check:
        bad = [str(p) for p, text in files.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in bad:
            print(f"out of date: {p}", file=sys.stderr)
        return 1 if bad else 0
    ARTICLES.mkdir(parents=True, exist_ok=True)
    for p, text in files.items():
        p.write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files ({sum(len(t.encode()) for t in files.values())} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
