"""Reading inputs into articles: text cleanup, HTML via trafilatura, JSONL, folders, encodings, bad input.

All article text here is written by us for the tests.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.ingest.cleanup import clean_text, guess_title, split_comments, strip_shortcodes
from strikewatch.ingest.decode import DecodeError, decode_bytes
from strikewatch.ingest.read import (
    Input,
    ReadOptions,
    Rejected,
    expand_sources,
    jsonl_article,
    read_input,
    sniff_kind,
)
from strikewatch.schema import ArticleIn

BODY_PARAS = [
    "A missile fired from a US drone struck a compound near Miranshah on Friday morning, killing four people, "
    "two local officials said by telephone.",
    "The officials, who spoke on condition of anonymity, said the compound was used by fighters loyal to a local "
    "commander. Residents said the bodies were badly burned and could not be identified at once.",
    "It was the third strike in the tribal district this week, after a pause of almost a month that had followed "
    "talks between the two governments.",
    "Pakistan's foreign ministry repeated its position that the strikes violate the country's sovereignty and "
    "called on Washington to end them.",
]
COMMENT_1 = "Another strike, and nobody will ever tell us who was killed. I heard twelve people died, not four."
COMMENT_2 = "The ministry says the same thing every time and nothing changes."


def page_html(
    *, comments: bool = True, published: str | None = "2012-08-24T09:30:00+05:00", charset: str = "utf-8"
) -> str:
    meta_date = f'<meta property="article:published_time" content="{published}">' if published else ""
    paras = "\n".join(f"<p>{p}</p>" for p in BODY_PARAS[:2])
    paras += "\n<p>[youtube]http://www.youtube.com/watch?v=abc123[/youtube]</p>\n"
    paras += "\n".join(f"<p>{p}</p>" for p in BODY_PARAS[2:])
    comment_html = (
        f"""<section id="comments" class="comments"><h3>2 comments</h3><ol class="commentlist">
<li class="comment"><div class="comment-author">Reader One says:</div><p>{COMMENT_1}</p></li>
<li class="comment"><div class="comment-author">Reader Two says:</div><p>{COMMENT_2}</p></li>
</ol></section>"""
        if comments
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>Drone strike kills four in North Waziristan | Frontier Ledger</title>
<meta property="og:title" content="Drone strike kills four in North Waziristan">
<meta property="og:site_name" content="Frontier Ledger">
{meta_date}
<link rel="canonical" href="https://frontier-ledger.example/world/drone-strike-four-killed">
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience on our site.
<button>Accept cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
</ul></nav></header>
<main><article>
<h1>Drone strike kills four in North Waziristan</h1>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
{paras}
</article>
{comment_html}
</main>
<footer><p>Copyright 2012 Frontier Ledger. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def read_one(path: Path, **kw: object) -> ArticleIn | Rejected:
    inputs = expand_sources([str(path)]).inputs
    assert len(inputs) == 1
    items = list(read_input(inputs[0], ReadOptions(**kw)))  # type: ignore[arg-type]
    assert len(items) == 1
    return items[0]


# --- HTML ------------------------------------------------------------------------------------------------------


def test_html_body_without_page_chrome_and_comments_apart(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(page_html(), encoding="utf-8")
    art = read_one(f)
    assert isinstance(art, ArticleIn)
    for para in BODY_PARAS:
        assert para in art.text
    # paragraphs are separated by a blank line
    assert BODY_PARAS[0] + "\n\n" + BODY_PARAS[1] in art.text
    for junk in ("Accept cookies", "We use cookies", "Share on Facebook", "Home", "Copyright", "youtube"):
        assert junk not in art.text
    assert COMMENT_1 not in art.text and COMMENT_2 not in art.text
    assert art.comments is not None and COMMENT_1 in art.comments and COMMENT_2 in art.comments
    assert art.title == "Drone strike kills four in North Waziristan"
    assert art.outlet == "Frontier Ledger"
    assert art.url == "https://frontier-ledger.example/world/drone-strike-four-killed"
    assert (art.published, art.published_basis) == (dt.date(2012, 8, 24), "html-meta")
    assert art.content_type == "text/html"
    assert art.raw == f.read_bytes()


def test_html_date_fallbacks(tmp_path: Path) -> None:
    f = tmp_path / "nodate.html"
    f.write_text(page_html(published=None), encoding="utf-8")
    art = read_one(f)
    assert isinstance(art, ArticleIn) and (art.published, art.published_basis) == (None, "unknown")
    art = read_one(f, published=dt.date(2012, 8, 25))
    assert isinstance(art, ArticleIn) and (art.published, art.published_basis) == (dt.date(2012, 8, 25), "cli")
    # the page's own date wins over --published, which is for inputs that have none
    g = tmp_path / "dated.html"
    g.write_text(page_html(), encoding="utf-8")
    art = read_one(g, published=dt.date(2012, 8, 25))
    assert isinstance(art, ArticleIn) and (art.published, art.published_basis) == (dt.date(2012, 8, 24), "html-meta")


def test_html_in_legacy_encoding(tmp_path: Path) -> None:
    html = page_html(charset="windows-1252").replace("fighters loyal", "fighters loyal to Hafiz Gul Bahadur’s")
    f = tmp_path / "cp1252.html"
    f.write_bytes(html.encode("cp1252"))
    art = read_one(f)
    assert isinstance(art, ArticleIn)
    assert "Bahadur’s" in art.text


def test_broken_html_still_gives_its_text(tmp_path: Path) -> None:
    f = tmp_path / "broken.html"
    f.write_text(
        "<html><body><div><p>Officials in Wana said a drone fired two missiles at a vehicle on Sunday evening, "
        "killing three men <b>travelling towards the Afghan border.<p>Local people said the men were not known in "
        "the area.</div></span></table>",
        encoding="utf-8",
    )
    art = read_one(f)
    assert isinstance(art, ArticleIn)
    assert "killing three men" in art.text and "not known in the area" in art.text


def test_html_without_text_is_rejected(tmp_path: Path) -> None:
    f = tmp_path / "empty-page.html"
    f.write_text("<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>")
    rej = read_one(f)
    assert isinstance(rej, Rejected) and "no article text" in rej.reason


# --- plain text ------------------------------------------------------------------------------------------------

TEXT_ARTICLE = """Drone strike hits compound in Datta Khel

[youtube]http://www.youtube.com/watch?v=xyz[/youtube]

Two missiles struck a house in Datta Khel late on Tuesday, killing five people, according to officials.

Residents said that a second drone circled the village for an hour after the strike.

image_print
3 replies
  1. Kabir says:

    Five? My cousin there says nine people were buried the next day.

  2. Mona says:

    Thanks for covering this.

Comments are closed.
"""


def test_text_cleanup_splits_comments_and_drops_shortcodes(tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_text(TEXT_ARTICLE, encoding="utf-8")
    art = read_one(f)
    assert isinstance(art, ArticleIn)
    assert art.title == "Drone strike hits compound in Datta Khel"
    assert "killing five people" in art.text and "circled the village" in art.text
    assert "youtube" not in art.text and "image_print" not in art.text
    assert "nine people were buried" not in art.text
    assert art.comments is not None and "nine people were buried" in art.comments
    assert "Comments are closed" in art.comments
    assert art.raw == f.read_bytes()


def test_cookie_banner_in_saved_text_is_removed() -> None:
    text = (
        "Strike in Shawal\n\nA drone strike in the Shawal valley killed six people on Monday, officials said.\n\n"
        "X\nThis website uses cookies to enhance user experience and to analyze performance and traffic.\n"
        "Accept Cookies\n\nStrictly Necessary Cookies\n\nThese cookies are necessary for the website to function "
        "and cannot be switched off in our systems.\n\nDo Not Sell My Personal Information"
    )
    cleaned = clean_text(text)
    assert (
        cleaned.body
        == "Strike in Shawal\n\nA drone strike in the Shawal valley killed six people on Monday, officials said."
    )


def test_article_about_cookies_keeps_its_sentences() -> None:
    text = "Bakers in Peshawar sold twice as many cookies during Eid this year, traders said on Monday."
    assert clean_text(text).body == text


def test_editorial_brackets_are_kept() -> None:
    text = 'She said it was "[more than] a decade" and the quote went on [snip] to the end.'
    assert strip_shortcodes(text) == text


def test_title_guess_skips_captions_and_notices() -> None:
    text = (
        "This story is over 5 years old.\n\nMourners gather in Miranshah on Friday. Photo: A. Khan/Agency\n\n"
        "Village mourns after drone strike\n\nThe funeral was held on Friday."
    )
    assert guess_title(text) == "Village mourns after drone strike"
    assert guess_title("Officials said the strike killed four people.") is None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80), max_size=30))
def test_split_comments_loses_no_line(lines: list[str]) -> None:
    text = "\n".join(lines)
    split = split_comments(text)
    kept = (split.body + "\n" + (split.comments or "")).split("\n")
    kept_set = {ln.strip() for ln in kept}
    for line in lines:
        for part in line.splitlines() or [""]:
            if part.strip():
                assert part.strip() in kept_set or any(part.strip() in k for k in kept_set)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_clean_text_never_fails(text: str) -> None:
    out = clean_text(text)
    assert out.body == out.body.strip()
    assert "\n\n\n" not in out.body


# --- encodings and bad files -----------------------------------------------------------------------------------


def test_mixed_encoding_keeps_every_character() -> None:
    data = "Drone strike — officials’ account ".encode() + b"differs from the caf\xe9 owner\x92s \x93story\x94."
    text, how = decode_bytes(data)
    assert text == "Drone strike — officials’ account differs from the café owner’s “story”."
    assert how == "utf-8+cp1252"


def test_legacy_encodings() -> None:
    fr = "Une frappe de drone a tué quatre personnes près de Miranshah, selon des responsables."
    assert decode_bytes(fr.encode("latin-1"))[0] == fr
    ru = "Беспилотник нанёс удар по деревне в Северном Вазиристане, погибли четыре человека."
    assert decode_bytes(ru.encode("cp1251"))[0] == ru
    ur = "ڈرون حملے میں چار افراد ہلاک ہو گئے"
    assert decode_bytes(ur.encode("utf-16"))[0] == ur
    assert decode_bytes(("\ufeff" + fr).encode("utf-8"))[0] == fr


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b" \n\t\n", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (bytes(range(256)) * 4, "binary"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    ],
)
def test_binary_and_empty_refused(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_decode_never_fails_unexpectedly(data: bytes) -> None:
    try:
        text, _ = decode_bytes(data)
    except DecodeError:
        return
    assert isinstance(text, str) and "\x00" not in text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=300))
def test_utf8_text_decodes_to_itself(text: str) -> None:
    import unicodedata

    if not text.strip():
        return
    assert decode_bytes(text.encode("utf-8"))[0] == unicodedata.normalize("NFC", text)


def test_bad_files_are_rejected_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "big.txt").write_bytes(b"word " * 3000)
    (tmp_path / "ok.txt").write_text("A drone strike killed two men near Mir Ali on Sunday, residents said.\n")
    ex = expand_sources([str(tmp_path / n) for n in ("scan.pdf", "empty.txt", "big.txt", "ok.txt", "missing.txt")])
    assert [r.source for r in ex.rejected] == [str(tmp_path / "missing.txt")]
    opts = ReadOptions(max_bytes=10_000)
    got = {Path(inp.location).name: list(read_input(inp, opts)) for inp in ex.inputs}
    assert isinstance(got["scan.pdf"][0], Rejected) and "PDF" in got["scan.pdf"][0].reason
    assert isinstance(got["empty.txt"][0], Rejected) and got["empty.txt"][0].reason == "empty"
    assert isinstance(got["big.txt"][0], Rejected) and "too large" in got["big.txt"][0].reason
    assert isinstance(got["ok.txt"][0], ArticleIn)


# --- JSONL -----------------------------------------------------------------------------------------------------


def test_jsonl_lines_each_judged_alone(tmp_path: Path) -> None:
    good = {
        "id": "nm-1",
        "text": "Two drone strikes hit Shawal on Tuesday, killing seven people, officials told reporters.",
        "url": "https://northern-monitor.example/2014/10/07/shawal",
        "published": "2014-10-07",
        "title": "Seven killed in Shawal",
        "outlet": "The Northern Monitor",
    }
    html_line = {
        "id": 7,
        "html": "<html><body><article><p>" + " ".join(BODY_PARAS) + "</p></article></body></html>",
        "outlet": "Desk",
    }
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "x", "title": "no text"}),
        json.dumps({"id": "y", "text": "Some words about a strike.", "published": "07/10/2014"}),
        json.dumps({"id": "z", "text": "Some words about a strike.", "published": "2014-02-30"}),
        "",
        json.dumps({"id": "w", "text": 42}),
        json.dumps(html_line),
        json.dumps({"id": "nodate", "text": "A drone strike was reported in Datta Khel by residents."}),
    ]
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_input(Input(str(f), "jsonl"), ReadOptions(published=dt.date(2014, 1, 1))))
    arts = [i for i in items if isinstance(i, ArticleIn)]
    rej = {r.source: r.reason for r in items if isinstance(r, Rejected)}
    assert [a.external_id for a in arts] == ["nm-1", "7", "nodate"]
    a = arts[0]
    assert (a.title, a.outlet, a.url, a.published, a.published_basis) == (
        "Seven killed in Shawal",
        "The Northern Monitor",
        good["url"],
        dt.date(2014, 10, 7),
        "jsonl",
    )
    assert a.source == f"{f}:1" and a.raw == lines[0].encode()
    assert BODY_PARAS[0] in arts[1].text and arts[1].outlet == "Desk"
    assert (arts[2].published, arts[2].published_basis) == (dt.date(2014, 1, 1), "cli")
    assert set(rej) == {f"{f}:{n}" for n in (2, 3, 4, 5, 6, 8)}
    assert "malformed JSON" in rej[f"{f}:2"]
    assert "not a JSON object" in rej[f"{f}:3"]
    assert "neither" in rej[f"{f}:4"]
    assert "YYYY-MM-DD" in rej[f"{f}:5"]
    assert "not a real date" in rej[f"{f}:6"]
    assert "not a string" in rej[f"{f}:8"]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.dictionaries(
            st.sampled_from(["id", "text", "html", "url", "published", "title", "outlet", "other"]),
            st.one_of(
                st.none(), st.integers(), st.text(max_size=40), st.booleans(), st.lists(st.integers(), max_size=2)
            ),
            max_size=6,
        ).map(lambda d: json.dumps(d).encode()),
    )
)
def test_jsonl_line_never_raises(raw: bytes) -> None:
    got = jsonl_article(raw, "x.jsonl:1", ReadOptions())
    assert isinstance(got, ArticleIn | Rejected)
    if isinstance(got, ArticleIn):
        assert got.text.strip() and got.raw == raw


# --- folders and sniffing --------------------------------------------------------------------------------------


def test_folder_walk_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for rel in ("b/2.txt", "b/10.html", "a.txt", "c/d/e.jsonl", ".hidden/x.txt", ".x.txt", "notes.docx", "f.XML"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    ex = expand_sources([str(tmp_path), str(tmp_path / "a.txt")])
    rels = [str(Path(i.location).relative_to(tmp_path)) for i in ex.inputs]
    assert rels == ["a.txt", "b/10.html", "b/2.txt", "c/d/e.jsonl", "f.XML"]
    assert [Path(s.source).name for s in ex.skipped] == ["notes.docx"]
    assert expand_sources([str(tmp_path)]).inputs == ex.inputs  # deterministic


def test_sniffing_unknown_extensions() -> None:
    assert sniff_kind(b"<?xml version='1.0'?><rss version='2.0'><channel>") == "feed"
    assert sniff_kind(b'<feed xmlns="http://www.w3.org/2005/Atom">') == "feed"
    assert sniff_kind(b"<!DOCTYPE html><html><body><p>x") == "html"
    assert sniff_kind(b"Drone strike kills four") == "text"
    assert sniff_kind(b"anything", "text/html; charset=utf-8") == "html"


_TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<article>", "<br>", "<script>", "</script>", "<table>",
                         "<li>", "<!--", "-->", "<html>", "<body>", "</body>", "<h1>", "&amp;", "&#x0;", "<"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_TAGS, st.text(max_size=60)), max_size=25))
def test_parse_html_never_fails_unexpectedly(parts: list[str]) -> None:
    from strikewatch.ingest.html import NoArticleText, parse_html

    try:
        page = parse_html("".join(parts))
    except NoArticleText:
        return
    assert page.body.strip() and "<script>" not in page.body
